/* The command line of noticelint: the option table, getopt_long driven by it, --help and
 * --version printed from it, and validation of every option value. */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "input/input.h"
#include "msg.h"
#include "repo/shard.h"
#include "xalloc.h"

struct parse_state;
struct cli_opt;

typedef int (*opt_setter)(struct parse_state *ps, const struct cli_opt *opt, const char *arg);

/* One row of the option table: everything --help and getopt_long need. */
struct cli_opt {
	const char *name;     /* long name without the dashes */
	int letter;           /* short letter, 0 if none */
	const char *meta;     /* argument placeholder, NULL for a flag */
	const char *help_zh;
	const char *help_en;
	opt_setter set;
};

/* The first usage error seen; reported after all options are read so --lang applies. */
struct usage_err {
	const char *id;
	const char *kv[6];
	size_t nkv;
	char opt[48];
};

struct parse_state {
	struct options *o;
	const char *action_opt;  /* long name of the first action option */
	bool help, version;
	struct usage_err err;
};

static int set_rules(struct parse_state *, const struct cli_opt *, const char *);
static int set_no_default(struct parse_state *, const struct cli_opt *, const char *);
static int set_format(struct parse_state *, const struct cli_opt *, const char *);
static int set_lang(struct parse_state *, const struct cli_opt *, const char *);
static int set_color(struct parse_state *, const struct cli_opt *, const char *);
static int set_list(struct parse_state *, const struct cli_opt *, const char *);
static int set_explain(struct parse_state *, const struct cli_opt *, const char *);
static int set_check(struct parse_state *, const struct cli_opt *, const char *);
static int set_disable(struct parse_state *, const struct cli_opt *, const char *);
static int set_level(struct parse_state *, const struct cli_opt *, const char *);
static int set_fail_level(struct parse_state *, const struct cli_opt *, const char *);
static int set_quiet(struct parse_state *, const struct cli_opt *, const char *);
static int set_today(struct parse_state *, const struct cli_opt *, const char *);
static int set_output(struct parse_state *, const struct cli_opt *, const char *);
static int set_jobs(struct parse_state *, const struct cli_opt *, const char *);
static int set_baseline(struct parse_state *, const struct cli_opt *, const char *);
static int set_write_baseline(struct parse_state *, const struct cli_opt *, const char *);
static int set_prune_baseline(struct parse_state *, const struct cli_opt *, const char *);
static int set_encoding(struct parse_state *, const struct cli_opt *, const char *);
static int set_stdin_format(struct parse_state *, const struct cli_opt *, const char *);
static int set_config(struct parse_state *, const struct cli_opt *, const char *);
static int set_print_config(struct parse_state *, const struct cli_opt *, const char *);
static int set_no_suppress(struct parse_state *, const struct cli_opt *, const char *);
static int set_timing(struct parse_state *, const struct cli_opt *, const char *);
static int set_prefilter(struct parse_state *, const struct cli_opt *, const char *);
static int set_root(struct parse_state *, const struct cli_opt *, const char *);
static int set_doc_url(struct parse_state *, const struct cli_opt *, const char *);
static int set_stdin_filename(struct parse_state *, const struct cli_opt *, const char *);
static int set_force_exclude(struct parse_state *, const struct cli_opt *, const char *);
static int set_version(struct parse_state *, const struct cli_opt *, const char *);
static int set_fix(struct parse_state *, const struct cli_opt *, const char *);
static int set_rule_docs(struct parse_state *, const struct cli_opt *, const char *);
static int set_fix_dry_run(struct parse_state *, const struct cli_opt *, const char *);
static int set_help(struct parse_state *, const struct cli_opt *, const char *);
static int set_shard(struct parse_state *, const struct cli_opt *, const char *);
static int set_no_pack_cache(struct parse_state *, const struct cli_opt *, const char *);
static int set_cache_dir(struct parse_state *, const struct cli_opt *, const char *);
static int set_corpus(struct parse_state *, const struct cli_opt *, const char *);
static int set_no_cache(struct parse_state *, const struct cli_opt *, const char *);

/* The option table: the single source of --help and of what getopt_long accepts. */
static const struct cli_opt options_table[] = {
	{"rules", 'r', "DIR",
	 "加载额外的规则包：*.yml 所在目录或单个 .yml 文件（可重复）",
	 "load an extra rule pack: a directory of *.yml files or one .yml file (repeatable)",
	 set_rules},
	{"no-default-rules", 0, NULL,
	 "不加载默认规则包", "do not load the default rule pack", set_no_default},
	{"no-pack-cache", 0, NULL,
	 "每次都从 YAML 加载规则包：既不读也不写编译好的规则包（默认规则包旁的和 "
	 "$XDG_CACHE_HOME/noticelint 中的）",
	 "load rule packs from their YAML every time: neither read nor write compiled packs "
	 "(the one beside the default pack, those in $XDG_CACHE_HOME/noticelint)",
	 set_no_pack_cache},
	{"format", 'f', "FORMAT",
	 "输出格式：human（默认）、json、jsonl、github（GitHub Actions 注释，随后是纯文本行）、"
	 "sarif、gitlab（GitLab 代码质量报告）或 html（可在浏览器中打开的单个报告文件）",
	 "output format: human (default), json, jsonl, github (GitHub Actions annotations, "
	 "then plain lines), sarif, gitlab (GitLab Code Quality report) or html (one "
	 "self-contained report to open in a browser)", set_format},
	{"output", 'o', "FILE",
	 "把报告写入 FILE 而不是标准输出（普通文件或符号链接的目标原子替换，设备和命名管道直接写入；"
	 "不能是输入文件）",
	 "write the report to FILE instead of standard output (a file or a symlink's target "
	 "replaced atomically, a device or FIFO written directly; never one of the inputs)",
	 set_output},
	{"jobs", 'j', "N",
	 "同时检查 N 个文件（1–64，默认 1）；输出顺序不变",
	 "lint N files at once (1-64, default 1); the output order is unchanged", set_jobs},
	{"shard", 0, "I/N",
	 "只检查第 I 份（共 N 份）文件：按相对于根目录的路径哈希分配，各机器上相同；"
	 "各份的 json 或 sarif 报告用 noticelint merge 合并",
	 "lint share I of N of the files, chosen by a hash of the path relative to the root "
	 "(the same on every machine); combine the shards' json or sarif reports with "
	 "noticelint merge", set_shard},
	{"corpus", 0, "DIR",
	 "把每份通报的问题和整改措施与 DIR 中其他单位的通报比较，报告照搬的文字（索引保存在缓存目录中）",
	 "compare each notice's problems and measures with the notices of other issuers under DIR "
	 "and report copied passages (the index is kept in the cache directory)", set_corpus},
	{"cache-dir", 0, "DIR",
	 "在 DIR 中保存每个文件的检查结果，内容与设置未变的文件下次不再重新检查（默认不启用；"
	 "项目根目录的配置写 cache: true 时使用根目录下的 .noticelint-cache/）",
	 "keep each file's results in DIR so a file whose text and settings did not change is "
	 "not linted again (off by default; a repository config's cache: true uses "
	 ".noticelint-cache/ at the repository root)", set_cache_dir},
	{"no-cache", 0, NULL,
	 "不读也不写结果缓存", "neither read nor write the result cache", set_no_cache},
	{"baseline", 0, "FILE",
	 "不报告基线文件 FILE 中记录的问题", "do not report the findings recorded in FILE",
	 set_baseline},
	{"write-baseline", 0, "FILE",
	 "把本次发现的问题记录为基线文件 FILE", "record the current findings in FILE as a baseline",
	 set_write_baseline},
	{"prune-baseline", 0, NULL,
	 "与 --baseline 一起使用：从基线中删去已不再出现的问题",
	 "with --baseline: drop the entries that no longer occur from its FILE",
	 set_prune_baseline},
	{"encoding", 0, "NAME",
	 "输入编码：auto（默认，自动识别）或 iconv 认识的编码名，如 GB18030、UTF-16LE",
	 "input encoding: auto (default: detect) or a name iconv knows, e.g. GB18030, UTF-16LE",
	 set_encoding},
	{"root", 0, "DIR",
	 "sarif 与 gitlab 格式中的路径相对于 DIR（默认：第一个输入所在的 git 工作树根目录，否则为当前目录）",
	 "make sarif and gitlab paths relative to DIR (default: the root of the git work tree "
	 "holding the first input, else the current directory)", set_root},
	{"doc-url", 0, "URL",
	 "noticelint 文档的网址前缀：SARIF 规则链接为 URL 加 doc/rules/规则编号.md"
	 "（默认：" NL_DOC_URL "）",
	 "base URL of noticelint's documentation: a SARIF rule's helpUri is URL followed by "
	 "doc/rules/RULE.md (default: " NL_DOC_URL ")", set_doc_url},
	{"stdin-filename", 0, "PATH",
	 "把标准输入（“-”）当作文件 PATH：报告中的路径、查找项目配置和匹配 include/exclude 都用 PATH",
	 "treat standard input (-) as the file PATH: PATH is shown in the report and used to "
	 "find the project config and to match its globs", set_stdin_filename},
	{"force-exclude", 0, NULL,
	 "命令行上直接给出的文件（及 --stdin-filename）也按项目配置的 include/exclude 过滤",
	 "apply the project config's include/exclude to files named on the command line (and to "
	 "--stdin-filename) too", set_force_exclude},
	{"stdin-format", 0, "FORMAT",
	 "标准输入的格式：txt、md、docx、html、htm 或 pdf（默认按 --stdin-filename 的扩展名，否则为 txt）",
	 "format of standard input: txt, md, docx, html, htm or pdf (default: as the extension of "
	 "--stdin-filename says, else txt)",
	 set_stdin_format},
	{"config", 0, "FILE",
	 "对每个输入都使用项目配置 FILE，不再向上查找 .noticelint.yml 或 .noticelint.yaml",
	 "use the project config FILE for every input instead of searching for .noticelint.yml "
	 "or .noticelint.yaml",
	 set_config},
	{"print-config", 0, "PATH",
	 "以 JSON 显示对 PATH 生效的项目配置后退出",
	 "print the project config in effect for PATH as JSON and exit", set_print_config},
	{"no-suppress", 0, NULL,
	 "忽略项目配置中的 suppress: 条目（审计时使用）",
	 "ignore the suppress: entries of project configs (audit mode)", set_no_suppress},
	{"timing", 0, NULL,
	 "检查结束后在标准错误上列出文档建模和各条规则的用时（最慢的在前）",
	 "after the run, print the time spent on the document model and on each rule to "
	 "standard error, slowest first", set_timing},
	{"prefilter", 0, "MODE",
	 "规则模式的预筛：auto（默认：输入合计 1 MB 以上且规则包的编译文件存有数据库时用，否则输入合计"
	 " 16 MB 以上时用）、"
	 "vectorscan（总是用：所有模式编译成一个 Vectorscan 数据库，每个文本扫描一次，只在可能匹配处运行"
	 " PCRE2）或 off；结果完全相同，只影响速度",
	 "prefilter for the rules' patterns: auto (default: when the inputs amount to 1 MB or "
	 "more and the compiled pack stores its database, else when they amount to 16 MB or "
	 "more), vectorscan (always: "
	 "every pattern in one Vectorscan database, one scan per text, PCRE2 only where a match "
	 "can be) or off; the findings are the same, only the speed differs", set_prefilter},
	{"fix", 0, NULL,
	 "只做不改变含义的修正（如紧挨中文的半角标点改为全角），原子地改写 .txt/.md 文件"
	 "（编码、换行符和 BOM 不变），然后报告剩下的问题",
	 "apply the fixes that cannot change the meaning (such as ASCII marks touching Chinese "
	 "text to full width), rewrite each .txt/.md file atomically (same encoding, line ends "
	 "and BOM), then report what remains", set_fix},
	{"fix-dry-run", 0, NULL,
	 "以统一差异格式（unified diff）显示 --fix 会做的修改，不改动任何文件；有修改时退出码为 1",
	 "print the changes --fix would make as a unified diff and change nothing; exit 1 when "
	 "there are any", set_fix_dry_run},
	{"lang", 0, "LANG",
	 "消息语言：zh（默认）或 en", "message language: zh (default) or en", set_lang},
	{"color", 0, "WHEN",
	 "彩色输出：auto（默认，仅终端且未设 NO_COLOR）、always 或 never",
	 "colour: auto (default: on a terminal unless NO_COLOR is set), always or never",
	 set_color},
	{"list-rules", 0, NULL,
	 "列出已加载的规则后退出", "list the loaded rules and exit", set_list},
	{"explain", 0, "RULE",
	 "说明一条规则：描述、依据、级别、消息和示例",
	 "explain one rule: description, source, level, messages, examples", set_explain},
	{"rule-docs", 0, "DIR",
	 "为每条规则在 DIR 中生成一页 Markdown 说明（DIR/规则编号.md 及索引 README.md）后退出",
	 "write a Markdown page per rule into DIR (DIR/RULE-ID.md and an index README.md) and "
	 "exit", set_rule_docs},
	{"check-rules", 0, NULL,
	 "运行每条规则的应报与不应报示例；有失败时退出码为 2",
	 "run every rule's flag and pass examples; exit 2 if any fails", set_check},
	{"disable", 'd', "RULE",
	 "关闭规则 RULE（可重复）", "turn rule RULE off (repeatable)", set_disable},
	{"level", 0, "RULE=LEVEL",
	 "把规则 RULE 的级别设为 error、warning 或 info（可重复）",
	 "set the level of RULE to error, warning or info (repeatable)", set_level},
	{"fail-level", 0, "LEVEL",
	 "使退出码为 1 的最低级别：error（默认）、warning 或 info",
	 "lowest level that makes the exit code 1: error (default), warning or info",
	 set_fail_level},
	{"quiet", 'q', NULL,
	 "没有发现问题时不输出文本（也不输出汇总行）；json、jsonl、sarif 仍输出完整文档",
	 "print no text when nothing is found (no summary line either); json, jsonl and "
	 "sarif still write their whole document", set_quiet},
	{"today", 0, "DATE",
	 "把 DATE（YYYY-MM-DD）当作今天用于日期检查（默认：本地当前日期）",
	 "treat DATE (YYYY-MM-DD) as today for date checks (default: the local date)",
	 set_today},
	{"version", 'V', NULL, "显示版本后退出", "print the version and exit", set_version},
	{"help", 'h', NULL, "显示本帮助后退出", "print this help and exit", set_help},
};

/* The parts of --help around the option list. */
static const char help_head_zh[] =
	"用法：noticelint [选项] 路径...\n"
	"      noticelint merge [--output FILE] 分片报告...（合并 --shard 各份的报告）\n"
	"检查巡察（巡视）整改进展情况通报。路径可以是文件、目录（递归检查其中的 .txt 和 .md\n"
	"文件，跳过隐藏目录）或“-”（标准输入）。\n"
	"\n"
	"选项：\n";
static const char help_head_en[] =
	"Usage: noticelint [options] PATH...\n"
	"       noticelint merge [--output FILE] REPORT... (combine the reports of --shard)\n"
	"Lint notices on inspection rectification progress. A PATH is a file, a directory\n"
	"(its .txt and .md files are checked recursively; hidden directories are skipped)\n"
	"or - (standard input).\n"
	"\n"
	"Options:\n";
static const char help_tail_zh[] =
	"\n"
	"环境变量：\n"
	"  NOTICELINT_RULES  默认规则包所在目录（或单个 .yml 文件）\n"
	"  NO_COLOR          非空时关闭 --color=auto 的彩色输出\n"
	"  COLUMNS           human 格式的行宽：更长的原文行截取问题附近的一段，两端以“…”标出\n"
	"                    （默认为终端宽度；不输出到终端时为 100）\n"
	"\n"
	"退出码：\n"
	"  0  没有达到 --fail-level 级别的问题\n"
	"  1  发现达到 --fail-level 级别的问题\n"
	"  2  用法错误、规则包错误、输入文件错误（其余文件照常检查）或无法写入输出\n"
	"读取方提前关闭管道（如 | head）时停止输出、不报错，退出码仍按检查结果。\n";
static const char help_tail_en[] =
	"\n"
	"Environment:\n"
	"  NOTICELINT_RULES  directory (or single .yml file) of the default rule pack\n"
	"  NO_COLOR          when non-empty, --color=auto gives no colour\n"
	"  COLUMNS           width of the human format: a longer source line is cut to a window\n"
	"                    around the span, marked with … (default: the terminal's width, or\n"
	"                    100 when the report does not go to a terminal)\n"
	"\n"
	"Exit status:\n"
	"  0  nothing at or above the --fail-level\n"
	"  1  findings at or above the --fail-level\n"
	"  2  usage, rule-pack, input (the other files are still checked) or output failure\n"
	"A reader that closes the pipe early (| head) ends the output quietly; the exit\n"
	"status is still that of the findings.\n";

#define NOPTS (sizeof(options_table) / sizeof(options_table[0]))

/* Records the first usage error: id plus up to three name/value pairs (NULL-terminated). */
static int
fail(struct parse_state *ps, const struct cli_opt *opt, const char *id, ...)
{
	struct usage_err *e = &ps->err;
	const char *s;
	va_list ap;

	if (e->id != NULL)
		return -1;
	e->id = id;
	if (opt != NULL)
		snprintf(e->opt, sizeof(e->opt), "--%s", opt->name);
	va_start(ap, id);
	while (e->nkv + 1 < sizeof(e->kv) / sizeof(e->kv[0]) &&
	    (s = va_arg(ap, const char *)) != NULL) {
		e->kv[e->nkv++] = s;
		e->kv[e->nkv++] = va_arg(ap, const char *);
	}
	va_end(ap);
	return -1;
}

/* Index of arg in the NULL-terminated names, or -1 after recording a bad-value error. */
static int
pick(struct parse_state *ps, const struct cli_opt *opt, const char *arg,
    const char *const *names, const char *expected)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(arg, names[i]) == 0)
			return i;
	fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
	    "expected", expected, NULL);
	return -1;
}

static void
append(const char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

static int
set_action(struct parse_state *ps, const struct cli_opt *opt, enum cli_action a)
{
	if (ps->action_opt != NULL && ps->o->action != a)
		return fail(ps, NULL, "usage-conflict", "first", ps->action_opt,
		    "second", opt->name, NULL);
	ps->action_opt = opt->name;
	ps->o->action = a;
	return 0;
}

static int
set_rules(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	append(&ps->o->rule_packs, &ps->o->nrule_packs, arg);
	return 0;
}

static int
set_no_default(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->no_default_rules = true;
	return 0;
}

static int
set_no_pack_cache(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->no_pack_cache = true;
	return 0;
}

static int
set_format(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	static const char *const names[] = {
		"human", "json", "jsonl", "github", "sarif", "gitlab", "html", NULL
	};
	static const enum cli_format values[] = {
		CLI_FORMAT_HUMAN, CLI_FORMAT_JSON, CLI_FORMAT_JSONL, CLI_FORMAT_GITHUB,
		CLI_FORMAT_SARIF, CLI_FORMAT_GITLAB, CLI_FORMAT_HTML
	};
	int i = pick(ps, opt, arg, names, "human, json, jsonl, github, sarif, gitlab, html");

	if (i < 0)
		return -1;
	ps->o->format = values[i];
	return 0;
}

static int
set_lang(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	static const char *const names[] = {"zh", "en", NULL};
	int i = pick(ps, opt, arg, names, "zh, en");

	if (i < 0)
		return -1;
	ps->o->lang = i == 0 ? LANG_ZH : LANG_EN;
	return 0;
}

static int
set_color(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	static const char *const names[] = {"auto", "always", "never", NULL};
	static const enum cli_color values[] = {
		CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER
	};
	int i = pick(ps, opt, arg, names, "auto, always, never");

	if (i < 0)
		return -1;
	ps->o->color = values[i];
	return 0;
}

static int
set_list(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)arg;
	return set_action(ps, opt, CLI_LIST_RULES);
}

static int
set_explain(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	ps->o->explain = arg;
	return set_action(ps, opt, CLI_EXPLAIN);
}

static int
set_check(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)arg;
	return set_action(ps, opt, CLI_CHECK_RULES);
}

static int
set_disable(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	append(&ps->o->disable, &ps->o->ndisable, arg);
	return 0;
}

static int
set_level(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	struct options *o = ps->o;
	const char *eq = strchr(arg, '=');
	enum level lv;

	if (eq == NULL || eq == arg || level_parse(eq + 1, &lv) != 0)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "RULE=error|warning|info", NULL);
	o->levels = xrealloc(o->levels, (o->nlevels + 1) * sizeof(*o->levels));
	o->levels[o->nlevels].rule = arg;
	o->levels[o->nlevels].rule_len = (size_t)(eq - arg);
	o->levels[o->nlevels].level = lv;
	o->nlevels++;
	return 0;
}

static int
set_fail_level(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	static const char *const names[] = {"error", "warning", "info", NULL};
	static const enum level values[] = {LEVEL_ERROR, LEVEL_WARNING, LEVEL_INFO};
	int i = pick(ps, opt, arg, names, "error, warning, info");

	if (i < 0)
		return -1;
	ps->o->fail_level = values[i];
	return 0;
}

static int
set_quiet(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->quiet = true;
	return 0;
}

static int
set_rule_docs(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	ps->o->rule_docs = arg;
	return set_action(ps, opt, CLI_RULE_DOCS);
}

static int
set_fix(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->fix = true;
	return 0;
}

static int
set_fix_dry_run(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->fix_dry_run = true;
	return 0;
}

static int
set_today(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	struct options *o = ps->o;

	if (cli_parse_date(arg, &o->today_y, &o->today_m, &o->today_d) != 0)
		return fail(ps, opt, "usage-bad-date", "option", ps->err.opt, "value", arg,
		    NULL);
	return 0;
}

static int
set_output(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	ps->o->output = arg;
	return 0;
}

static int
set_jobs(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || n < 1 || n > CLI_MAX_JOBS)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "1-64", NULL);
	ps->o->jobs = (int)n;
	return 0;
}

static int
set_baseline(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	ps->o->baseline = arg;
	return 0;
}

static int
set_write_baseline(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	ps->o->write_baseline = arg;
	return 0;
}

static int
set_prune_baseline(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->prune_baseline = true;
	return 0;
}

static int
set_encoding(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	iconv_t cd;

	if (strcmp(arg, "auto") == 0) {
		ps->o->encoding = NULL;
		return 0;
	}
	cd = iconv_open("UTF-8", arg);
	if (cd == (iconv_t)-1)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "auto, GB18030, GBK, UTF-16LE, ... (a name iconv knows)", NULL);
	iconv_close(cd);
	ps->o->encoding = arg;
	return 0;
}

static int
set_stdin_format(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	enum input_format f;

	if (input_format_parse(arg, &f) != 0)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "txt, md, docx, html, htm or pdf", NULL);
	ps->o->stdin_format = arg;
	return 0;
}

static int
set_config(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	ps->o->config = arg;
	return 0;
}

static int
set_print_config(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	ps->o->print_config = arg;
	return set_action(ps, opt, CLI_PRINT_CONFIG);
}

static int
set_no_suppress(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->no_suppress = true;
	return 0;
}

static int
set_prefilter(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	static const char *const names[] = {"auto", "vectorscan", "off", NULL};
	static const enum cli_prefilter values[] = {
		CLI_PREFILTER_AUTO, CLI_PREFILTER_VECTORSCAN, CLI_PREFILTER_OFF
	};
	int i = pick(ps, opt, arg, names, "auto, vectorscan, off");

	if (i < 0)
		return -1;
	ps->o->prefilter = values[i];
	return 0;
}

static int
set_timing(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->timing = true;
	return 0;
}

static int
set_root(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	ps->o->root = arg;
	return 0;
}

/* The URL must be absolute (scheme "://") and end in '/', so rule paths can follow it. */
static int
set_doc_url(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	const char *colon = strstr(arg, "://");
	size_t n = strlen(arg);
	const char *p;

	for (p = arg; colon != NULL && p < colon; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			colon = NULL;
	if (colon == NULL || colon == arg || colon[3] == '\0' || arg[n - 1] != '/' ||
	    strpbrk(arg, " \"<>\\^`{|}") != NULL)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "an absolute URL ending in /, e.g. https://example.org/noticelint/",
		    NULL);
	ps->o->doc_url = arg;
	return 0;
}

static int
set_stdin_filename(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	if (arg[0] == '\0' || strcmp(arg, "-") == 0)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "a file path", NULL);
	ps->o->stdin_filename = arg;
	return 0;
}

static int
set_force_exclude(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->force_exclude = true;
	return 0;
}

static int
set_version(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->version = true;
	return 0;
}

static int
set_help(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->help = true;
	return 0;
}

static int
set_cache_dir(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	if (arg[0] == '\0')
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "a directory", NULL);
	ps->o->cache_dir = arg;
	return 0;
}

static int
set_corpus(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	if (arg[0] == '\0')
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "a directory", NULL);
	ps->o->corpus = arg;
	return 0;
}

static int
set_no_cache(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	(void)opt;
	(void)arg;
	ps->o->no_cache = true;
	return 0;
}

static int
set_shard(struct parse_state *ps, const struct cli_opt *opt, const char *arg)
{
	if (shard_parse(arg, &ps->o->shard_index, &ps->o->shard_count) != 0)
		return fail(ps, opt, "usage-bad-value", "option", ps->err.opt, "value", arg,
		    "expected", "I/N with 1 <= I <= N <= 10000, e.g. 2/3", NULL);
	return 0;
}

/* Value of n decimal digits at s, or -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
cli_parse_date(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int yy, mm, dd, last;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	yy = digits(s, 4);
	mm = digits(s + 5, 2);
	dd = digits(s + 8, 2);
	if (yy < 1 || mm < 1 || mm > 12 || dd < 1)
		return -1;
	last = mdays[mm - 1];
	if (mm == 2 && ((yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0))
		last = 29;
	if (dd > last)
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

static void
set_defaults(struct options *o)
{
	struct tm tm;
	time_t now = time(NULL);

	memset(o, 0, sizeof(*o));
	o->action = CLI_LINT;
	o->format = CLI_FORMAT_HUMAN;
	o->lang = LANG_ZH;
	o->color = CLI_COLOR_AUTO;
	o->fail_level = LEVEL_ERROR;
	o->jobs = 1;
	o->prefilter = CLI_PREFILTER_AUTO;
	o->doc_url = NL_DOC_URL;
	if (localtime_r(&now, &tm) != NULL) {
		o->today_y = tm.tm_year + 1900;
		o->today_m = tm.tm_mon + 1;
		o->today_d = tm.tm_mday;
	}
}

/* Fills getopt_long's tables from the option table. A long option's value is its table
 * index plus 256, so short letters and long names lead to the same row. */
static void
build_getopt(struct option *longopts, char *shortopts, size_t shortcap)
{
	size_t i, k = 0;

	shortopts[k++] = ':';
	for (i = 0; i < NOPTS; i++) {
		longopts[i].name = options_table[i].name;
		longopts[i].has_arg = options_table[i].meta ? required_argument : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = (int)i + 256;
		if (options_table[i].letter != 0 && k + 3 < shortcap) {
			shortopts[k++] = (char)options_table[i].letter;
			if (options_table[i].meta != NULL)
				shortopts[k++] = ':';
		}
	}
	memset(&longopts[NOPTS], 0, sizeof(longopts[NOPTS]));
	shortopts[k] = '\0';
}

/* Table row for getopt_long's return value c, or NULL. */
static const struct cli_opt *
row_of(int c)
{
	size_t i;

	if (c >= 256 && (size_t)(c - 256) < NOPTS)
		return &options_table[c - 256];
	for (i = 0; i < NOPTS; i++)
		if (options_table[i].letter != 0 && options_table[i].letter == c)
			return &options_table[i];
	return NULL;
}

/* Records an unknown option or a missing argument reported by getopt_long as c. */
static void
getopt_failure(struct parse_state *ps, int c, char **argv)
{
	const char *word = argv[optind - 1];
	const struct cli_opt *row = row_of(optopt);

	if (ps->err.id != NULL)
		return;
	if (c == ':') {
		fail(ps, row, "usage-missing-argument", "option",
		    row ? ps->err.opt : word, NULL);
		return;
	}
	if (optopt >= 256) {
		fail(ps, row, "usage-unexpected-argument", "option", ps->err.opt, NULL);
		return;
	}
	if (optopt > 0) {
		snprintf(ps->err.opt, sizeof(ps->err.opt), "-%c", optopt);
		word = ps->err.opt;
	}
	fail(ps, NULL, "usage-unknown-option", "option", word, NULL);
}

/* Checks that the operands suit the chosen action. */
static void
check_operands(struct parse_state *ps)
{
	struct options *o = ps->o;

	if (ps->help) {
		o->action = CLI_HELP;
		return;
	}
	if (ps->version) {
		o->action = CLI_VERSION;
		return;
	}
	if (o->action == CLI_LINT && o->npaths == 0)
		fail(ps, NULL, "usage-no-path", NULL);
	else if (o->action != CLI_LINT && o->npaths > 0)
		fail(ps, NULL, "usage-stray-path", "option", ps->action_opt, "path",
		    o->paths[0], NULL);
	else if (o->no_default_rules && o->nrule_packs == 0)
		fail(ps, NULL, "usage-no-rules", NULL);
	else if (o->prune_baseline && o->baseline == NULL)
		fail(ps, NULL, "usage-prune-needs-baseline", NULL);
	else if (o->baseline != NULL && o->write_baseline != NULL)
		fail(ps, NULL, "usage-conflict", "first", "baseline", "second", "write-baseline",
		    NULL);
	else if (o->fix && o->fix_dry_run)
		fail(ps, NULL, "usage-conflict", "first", "fix", "second", "fix-dry-run", NULL);
	else if ((o->fix || o->fix_dry_run) && o->action != CLI_LINT)
		fail(ps, NULL, "usage-conflict", "first", o->fix ? "fix" : "fix-dry-run",
		    "second", ps->action_opt, NULL);
}

/* Prints catalogue message id, filled from kv, to stderr after the program name. */
static void
print_message(enum lang lang, const char *id, const char *const *kv, size_t nkv)
{
	const char *tmpl = msg_template(id, lang);
	char *text = tmpl ? i18n_fill(tmpl, kv, nkv) : xstrdup(id);

	fprintf(stderr, "noticelint: %s\n", text);
	free(text);
}

int
cli_parse(struct options *o, int argc, char **argv)
{
	struct option longopts[NOPTS + 1];
	char shortopts[2 * NOPTS + 2];
	struct parse_state ps;
	const struct cli_opt *row;
	int c;

	set_defaults(o);
	memset(&ps, 0, sizeof(ps));
	ps.o = o;
	build_getopt(longopts, shortopts, sizeof(shortopts));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		row = row_of(c);
		if (c == '?' || c == ':' || row == NULL)
			getopt_failure(&ps, c, argv);
		else
			row->set(&ps, row, optarg);
	}
	for (; optind < argc; optind++)
		append(&o->paths, &o->npaths, argv[optind]);
	if (ps.err.id == NULL)
		check_operands(&ps);
	if (ps.err.id == NULL)
		return 0;
	print_message(o->lang, ps.err.id, ps.err.kv, ps.err.nkv);
	print_message(o->lang, "usage-hint", NULL, 0);
	return 2;
}

void
cli_free(struct options *o)
{
	free(o->rule_packs);
	free(o->disable);
	free(o->levels);
	free(o->paths);
	memset(o, 0, sizeof(*o));
}

void
cli_error(enum lang lang, const char *id, ...)
{
	const char *kv[16];
	const char *s;
	size_t n = 0;
	va_list ap;

	va_start(ap, id);
	while (n + 1 < sizeof(kv) / sizeof(kv[0]) && (s = va_arg(ap, const char *)) != NULL) {
		kv[n++] = s;
		kv[n++] = va_arg(ap, const char *);
	}
	va_end(ap);
	print_message(lang, id, kv, n);
}

/* Writes one option's left column ("  -r, --rules=DIR") and pads it to the help column. */
static void
print_option(FILE *out, const struct cli_opt *opt, enum lang lang)
{
	char left[64];
	int n;

	if (opt->letter != 0)
		n = snprintf(left, sizeof(left), "  -%c, --%s%s%s", opt->letter, opt->name,
		    opt->meta ? "=" : "", opt->meta ? opt->meta : "");
	else
		n = snprintf(left, sizeof(left), "      --%s%s%s", opt->name,
		    opt->meta ? "=" : "", opt->meta ? opt->meta : "");
	if (n >= 28)
		fprintf(out, "%s\n%28s", left, "");
	else
		fprintf(out, "%-28s", left);
	fprintf(out, "%s\n", lang == LANG_EN ? opt->help_en : opt->help_zh);
}

void
cli_print_help(FILE *out, enum lang lang)
{
	size_t i;

	fputs(lang == LANG_EN ? help_head_en : help_head_zh, out);
	for (i = 0; i < NOPTS; i++)
		print_option(out, &options_table[i], lang);
	fputs(lang == LANG_EN ? help_tail_en : help_tail_zh, out);
}

void
cli_print_version(FILE *out)
{
	fprintf(out, "noticelint %s\n", NL_VERSION);
}
