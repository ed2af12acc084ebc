/* noticelint's own message catalogue: input, rule-pack and run problems, in Chinese and
 * English. Every id here is listed in README's "Message ids" table. */
#include <stdarg.h>
#include <string.h>
#include "msg.h"
#include "xalloc.h"

static const struct msg_def catalogue[] = {
	/* Input files. */
	{"input-missing", "找不到文件：{path}", "no such file: {path}"},
	{"input-unreadable", "无法读取文件：{path}（{reason}）", "cannot read {path}: {reason}"},
	{"input-empty", "文件没有正文（为空，或只有空白、换行和字节顺序标记）",
	 "the file holds no text (it is empty, or only whitespace, line breaks and byte order marks)"},
	{"input-binary", "文件含 NUL 字节（第 {offset} 字节），不是文本通报：{path}",
	 "{path} holds a NUL byte at byte offset {offset}: not a text notice"},
	{"input-too-large", "文件超过 {limit} 字节上限：{path}（{size} 字节）",
	 "{path} is larger than the {limit}-byte cap ({size} bytes)"},
	{"input-directory", "应为文件，实为目录：{path}", "{path} is a directory where a file was expected"},
	{"input-not-regular", "不是普通文件：{path}", "{path} is not a regular file"},
	{"input-no-notices", "目录中没有通报（.txt .md .docx .html .htm .pdf）：{path}",
	 "no notices (.txt .md .docx .html .htm .pdf) under {path}"},
	{"input-invalid-utf8", "无效的 UTF-8 字节 0x{byte}（第 {offset} 字节），已替换为 U+FFFD",
	 "invalid UTF-8 byte 0x{byte} at byte offset {offset}, replaced by U+FFFD"},
	{"input-encoding", "输入文件的编码为 {encoding}，已转换为 UTF-8",
	 "input decoded from {encoding} to UTF-8"},
	{"input-old-word", "{path} 是旧版 Word/WPS 二进制格式（.doc/.wps），无法检查：请另存为 .docx 后再检查",
	 "{path} is an old binary Word/WPS file (.doc/.wps): save it as .docx and lint that"},
	{"input-zip-corrupt", "{path} 不是可读的 .docx：zip 容器已损坏（{reason}）",
	 "{path} is not a readable .docx: damaged zip container ({reason})"},
	{"input-zip-bomb", "{path} 解压后超过上限（{reason}），已拒绝",
	 "{path} inflates past a cap ({reason}): refused"},
	{"input-docx-no-document", "{path} 中没有 word/document.xml，不是 Word 文档",
	 "{path} holds no word/document.xml: not a Word document"},
	{"input-xml-malformed", "{path} 中的 {part} 不是格式正确的 XML（{reason}）",
	 "{part} in {path} is not well-formed XML ({reason})"},
	{"input-xml-dtd", "{path} 中的 {part} 含文档类型声明或实体（Word 从不写入），为安全起见已拒绝",
	 "{part} in {path} declares a DTD or entities, which Word never writes: refused"},
	{"input-html-too-large", "网页超过 {limit} 字节上限：{path}（{size} 字节）",
	 "{path} is a web page larger than the {limit}-byte cap ({size} bytes)"},
	{"input-pdf-encrypted", "{path} 是加密的 PDF，无法提取文字：请提供未加密的版本",
	 "{path} is an encrypted PDF: its text cannot be read; provide an unencrypted copy"},
	{"input-pdf-damaged", "{path} 不是可读的 PDF（{reason}）", "{path} is not a readable PDF ({reason})"},
	{"input-no-text", "{path} 中没有可提取的文字（扫描件？），无法检查：请提供含文字层的版本",
	 "{path} has no text to extract (a scan?): nothing to lint; provide a copy with a text layer"},
	{"input-walk-too-deep", "目录层级过深，已跳过：{path}", "directory nesting too deep, skipped: {path}"},
	{"diag-truncated", "本文件诊断过多，其余 {count} 条已省略",
	 "too many diagnostics in this file; {count} more were dropped"},
	/* Rule packs. */
	{"rule-file-unreadable", "无法读取规则文件：{reason}", "cannot read the rule pack: {reason}"},
	{"rule-no-pack", "找不到默认规则包（已查找：{where}）", "default rule pack not found (looked in: {where})"},
	{"rule-yaml-syntax", "YAML 语法错误：{reason}", "YAML syntax error: {reason}"},
	{"rule-too-deep", "YAML 嵌套超过 {limit} 层", "YAML nesting deeper than {limit} levels"},
	{"rule-not-a-list", "规则包顶层应为 rules: 列表", "a rule pack is a mapping with a `rules:` list"},
	{"rule-unknown-key", "未知的键“{key}”", "unknown key '{key}'"},
	{"rule-duplicate-key", "重复的键“{key}”（首次出现在第 {first} 行）",
	 "duplicate key '{key}' (first at line {first})"},
	{"rule-missing-key", "缺少必需的键“{key}”", "missing required key '{key}'"},
	{"rule-wrong-type", "“{key}”应为{expected}", "'{key}' must be {expected}"},
	{"rule-bad-value", "“{key}”的值无效：{reason}", "invalid value for '{key}': {reason}"},
	{"rule-bad-level", "级别“{value}”无效，应为 error、warning 或 info",
	 "level '{value}' is not error, warning or info"},
	{"rule-bad-scope", "范围“{value}”无效", "unknown scope '{value}'"},
	{"rule-unknown-check", "未知的检查类型“{value}”", "unknown check type '{value}'"},
	{"rule-bad-id", "规则编号“{value}”无效（只允许字母、数字、-、_、.）",
	 "rule id '{value}' is invalid (letters, digits, - _ . only)"},
	{"rule-duplicate-id", "规则编号“{id}”重复（首次定义于 {first}）",
	 "duplicate rule id '{id}' (first defined at {first})"},
	{"rule-bad-regex", "正则表达式错误（模式第 {offset} 字节）：{reason}",
	 "bad regular expression at pattern offset {offset}: {reason}"},
	{"rule-example-silent", "规则 {id} 的 flag 示例未触发：{text}",
	 "rule {id}: flag example draws no diagnostic: {text}"},
	{"rule-example-fires", "规则 {id} 的 pass 示例被误报：{text}",
	 "rule {id}: pass example draws a diagnostic: {text}"},
	{"rule-regex-limit", "规则 {id} 的正则匹配超出资源上限，已停止该规则在本文件的检查",
	 "rule {id}: pattern hit the PCRE2 resource limit; the rule stopped on this file"},
	{"rule-unknown-id", "未知的规则编号“{id}”", "unknown rule id '{id}'"},
	/* Command line. */
	{"usage-unknown-option", "未知选项：{option}", "unknown option: {option}"},
	{"usage-missing-argument", "选项 {option} 需要一个参数", "option {option} needs an argument"},
	{"usage-unexpected-argument", "选项 {option} 不接受参数", "option {option} takes no argument"},
	{"usage-bad-value", "选项 {option} 的值“{value}”无效，应为：{expected}",
	 "invalid value '{value}' for {option}; expected: {expected}"},
	{"usage-bad-date", "选项 {option} 的日期“{value}”无效，应为真实存在的日期 YYYY-MM-DD",
	 "invalid date '{value}' for {option}: expected a real date as YYYY-MM-DD"},
	{"usage-conflict", "选项 --{first} 与 --{second} 不能同时使用",
	 "--{first} and --{second} cannot be used together"},
	{"usage-no-path", "缺少要检查的路径", "no PATH to lint"},
	{"usage-stray-path", "--{option} 不接受路径参数：{path}",
	 "--{option} takes no PATH operand: {path}"},
	{"usage-no-rules", "使用 --no-default-rules 时至少要用 --rules 指定一个规则包",
	 "--no-default-rules needs at least one --rules pack"},
	{"usage-hint", "用法：noticelint [选项] 路径...（运行 noticelint --help 查看说明）",
	 "usage: noticelint [options] PATH... (see noticelint --help)"},
	/* Run output. */
	{"output-summary", "{errors} 个错误，{warnings} 个警告，{infos} 条提示（共 {files} 个文件）",
	 "{errors} errors, {warnings} warnings, {infos} infos in {files} files"},
	{"output-summary-failed",
	 "{errors} 个错误，{warnings} 个警告，{infos} 条提示（共 {files} 个文件，其中 {failed} 个无法检查）",
	 "{errors} errors, {warnings} warnings, {infos} infos in {files} files ({failed} could not be checked)"},
	{"output-check-ok", "{rules} 条规则的 {examples} 个示例全部通过",
	 "all {examples} examples of {rules} rules pass"},
	{"output-check-failed", "{count} 个规则示例未通过", "{count} rule examples failed"},
	{"output-write-failed", "写入输出失败：{reason}", "cannot write the output: {reason}"},
	{"output-not-regular", "{path} 是目录、块设备或套接字：报告只写入普通文件、字符设备或命名管道",
	 "{path} is a directory, block device or socket: the report goes only to a regular file, "
	 "a character device or a FIFO"},
	{"output-dangling-link", "{path} 是指向不存在文件的符号链接，未写入",
	 "{path} is a symbolic link to a missing file; nothing was written"},
	{"output-no-reader", "命名管道 {path} 没有读取方，未写入",
	 "no process reads the FIFO {path}; nothing was written"},
	{"usage-output-is-input", "--{option} 的文件 {path} 也是输入文件 {input}，写入会覆盖它；未写入任何内容",
	 "--{option} {path} is also the input {input}: writing would overwrite it; nothing was written"},
	{"fix-unsupported", "{path}：--fix 只改写 .txt 和 .md 文件，未改动此文件",
	 "{path}: --fix rewrites only .txt and .md files; this one is left alone"},
	{"fix-not-exact", "{path}：无法按原编码、换行符原样写回（含无效字节或混用换行符），未改动此文件",
	 "{path}: its text cannot be written back exactly as it was read (invalid bytes or mixed "
	 "line ends); the file is left alone"},
	{"fix-write-failed", "{path}：写入修正失败，文件未改动",
	 "{path}: writing the fixes failed; the file is unchanged"},
	{"fix-applied", "{path}：已修正 {count} 处", "{path}: {count} fixes applied"},
	{"rule-fix-example-wrong", "规则 {id} 的 fix 示例修正结果不符：{text}",
	 "rule {id}: fix example does not come out as its after: {text}"},
	{"rule-file-too-large", "规则文件超过 {limit} 字节上限（{size} 字节）",
	 "the rule pack is larger than the {limit}-byte cap ({size} bytes)"},
	{"rule-alias", "规则包中不允许使用 YAML 锚点和别名（& 与 *）",
	 "YAML anchors and aliases (& and *) are not allowed in rule packs"},
	{"rule-bad-key", "映射的键应为非空字符串", "mapping keys must be non-empty strings"},
	{"usage-prune-needs-baseline", "--prune-baseline 需要与 --baseline 一起使用",
	 "--prune-baseline needs --baseline FILE"},
	{"baseline-read-failed", "无法读取基线文件 {path}：{reason}",
	 "cannot read the baseline {path}: {reason}"},
	{"baseline-invalid", "基线文件 {path} 格式无效：{reason}",
	 "the baseline {path} is not valid: {reason}"},
	/* Project config (.noticelint.yml). */
	{"config-unreadable", "无法读取配置文件：{reason}", "cannot read the config file: {reason}"},
	{"config-two-files", "目录 {dir} 中同时有 .noticelint.yml 和 .noticelint.yaml，请只保留一个",
	 "{dir} holds both .noticelint.yml and .noticelint.yaml; keep one"},
	{"config-yaml-syntax", "配置文件 YAML 语法错误：{reason}", "config YAML syntax error: {reason}"},
	{"config-not-a-map", "配置文件顶层应为映射（键: 值）",
	 "a config file is a mapping (key: value)"},
	{"config-unknown-key", "配置中未知的键“{key}”", "unknown config key '{key}'"},
	{"config-duplicate-key", "配置中重复的键“{key}”（首次出现在第 {first} 行）",
	 "duplicate config key '{key}' (first at line {first})"},
	{"config-missing-key", "配置缺少必需的键“{key}”", "missing required config key '{key}'"},
	{"config-wrong-type", "配置项“{key}”应为{expected}", "config key '{key}' must be {expected}"},
	{"config-empty-value", "配置项“{key}”不能为空", "config key '{key}' must not be empty"},
	{"config-bad-level", "配置中的级别“{value}”无效，应为 error、warning 或 info",
	 "config level '{value}' is not error, warning or info"},
	{"config-unknown-rule", "配置中未知的规则编号“{id}”（须写明一条已有规则，不支持通配符）",
	 "unknown rule id '{id}' in the config (name one existing rule; there are no wildcards)"},
};

const char *
msg_template(const char *id, enum lang lang)
{
	size_t i;

	for (i = 0; i < sizeof(catalogue) / sizeof(catalogue[0]); i++)
		if (strcmp(catalogue[i].id, id) == 0)
			return lang == LANG_EN ? catalogue[i].en : catalogue[i].zh;
	return NULL;
}

char *
msg_format(const char *id, enum lang lang, ...)
{
	const char *kv[32];
	const char *tmpl, *s;
	size_t n = 0;
	va_list ap;

	tmpl = msg_template(id, lang);
	if (tmpl == NULL)
		return xstrdup(id);
	va_start(ap, lang);
	while (n + 1 < sizeof(kv) / sizeof(kv[0]) && (s = va_arg(ap, const char *)) != NULL) {
		kv[n++] = s;
		kv[n++] = va_arg(ap, const char *);
	}
	va_end(ap);
	return i18n_fill(tmpl, kv, n);
}

const struct msg_def *
msg_all(size_t *n)
{
	*n = sizeof(catalogue) / sizeof(catalogue[0]);
	return catalogue;
}
