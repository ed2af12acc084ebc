/* The merge command: reads the shard reports, checks that they are the complete set of
 * shards of one run (same format, tool version, run key and shard count; every share once,
 * no file twice), orders their files as the unsharded run did and writes the merged
 * document to standard output or --output, atomically. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "atomicfile.h"
#include "cli.h"
#include "diag.h"
#include "fmt.h"
#include "i18n.h"
#include "repo/merge.h"
#include "xalloc.h"

/* Largest report merge reads. */
#define MERGE_MAX_BYTES (1024L * 1024 * 1024)

enum merge_kind { MERGE_NONE, MERGE_JSON, MERGE_SARIF };

struct merge {
	enum lang lang;
	const char *output;
	struct merge_input *in;
	size_t n;
	enum merge_kind kind;
};

static const char *
tr(enum lang lang, const char *zh, const char *en)
{
	return lang == LANG_EN ? en : zh;
}

static cJSON *
get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* Reads path into a NUL-terminated buffer (*len bytes); NULL with errno set. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	int err;

	if (fp == NULL)
		return NULL;
	do {
		if (n + 65536 + 1 > cap)
			buf = xgrow(buf, &cap, n + 65536 + 1, 1);
		got = fread(buf + n, 1, 65536, fp);
		n += got;
	} while (got > 0 && n <= (size_t)MERGE_MAX_BYTES);
	err = ferror(fp) ? errno : n > (size_t)MERGE_MAX_BYTES ? EFBIG : 0;
	fclose(fp);
	if (err != 0) {
		free(buf);
		errno = err;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* An array of non-negative integers as size_t values (owned, *n of them); -1 if it is
 * not one. */
static int
read_counts(const cJSON *a, size_t **v, size_t *n)
{
	const cJSON *e;
	size_t k = 0;

	*v = NULL;
	*n = 0;
	if (!cJSON_IsArray(a))
		return -1;
	*v = xcalloc((size_t)cJSON_GetArraySize(a) + 1, sizeof(**v));
	cJSON_ArrayForEach(e, a) {
		if (!cJSON_IsNumber(e) || e->valuedouble < 0 || e->valuedouble > 1e15)
			return -1;
		(*v)[k++] = (size_t)e->valuedouble;
	}
	*n = k;
	return 0;
}

static size_t
sum(const size_t *v, size_t n)
{
	size_t s = 0, i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

/* Reads the "shard" object sh into in; NULL, or what is wrong with it. */
static const char *
read_meta(struct merge_input *in, const cJSON *sh, enum lang lang)
{
	size_t nr = 0, nn = 0;

	if (!cJSON_IsObject(sh))
		return tr(lang, "没有分片信息（运行时未用 --shard I/N？）",
		    "no shard record (was it written with --shard I/N?)");
	if (!cJSON_IsNumber(get(sh, "index")) || !cJSON_IsNumber(get(sh, "count")) ||
	    !cJSON_IsNumber(get(sh, "inputs")) || !cJSON_IsString(get(sh, "key")) ||
	    !cJSON_IsNumber(get(sh, "base_rules")) || !cJSON_IsString(get(sh, "fail_level")) ||
	    read_counts(get(sh, "ordinals"), &in->ordinals, &in->n) != 0 ||
	    read_counts(get(sh, "results"), &in->results, &nr) != 0 ||
	    read_counts(get(sh, "notifications"), &in->notes, &nn) != 0 ||
	    nr != in->n || nn != in->n)
		return tr(lang, "分片信息不完整", "incomplete shard record");
	in->index = (unsigned)get(sh, "index")->valuedouble;
	in->count = (unsigned)get(sh, "count")->valuedouble;
	in->inputs = (size_t)get(sh, "inputs")->valuedouble;
	in->key = cJSON_GetStringValue(get(sh, "key"));
	in->base_rules = (size_t)get(sh, "base_rules")->valuedouble;
	in->fail_level = cJSON_GetStringValue(get(sh, "fail_level"));
	if (in->index < 1 || in->index > in->count)
		return tr(lang, "分片编号超出范围", "shard index out of range");
	return NULL;
}

/* Checks a JSON report's shape against its shard record; NULL, or what is wrong. */
static const char *
check_json(struct merge_input *in, enum lang lang)
{
	const cJSON *files = get(in->doc, "files"), *s = get(in->doc, "summary");
	const char *why;

	in->version = cJSON_GetStringValue(get(get(in->doc, "tool"), "version"));
	if (!cJSON_IsArray(files) || !cJSON_IsObject(s) || in->version == NULL ||
	    !cJSON_IsNumber(get(in->doc, "version")))
		return tr(lang, "不是 noticelint 的 json 报告", "not a noticelint json report");
	if ((why = read_meta(in, get(in->doc, "shard"), lang)) != NULL)
		return why;
	if ((size_t)cJSON_GetArraySize(files) != in->n)
		return tr(lang, "文件数与分片信息不符", "the file count differs from the shard record");
	return NULL;
}

/* Checks every result's ruleIndex against the rules of the log. */
static bool
rule_indexes_ok(const cJSON *results, const cJSON *rules)
{
	const cJSON *r, *d;
	const char *id, *did;

	cJSON_ArrayForEach(r, results) {
		id = cJSON_GetStringValue(get(r, "ruleId"));
		if (id == NULL || !cJSON_IsNumber(get(r, "ruleIndex")))
			return false;
		d = cJSON_GetArrayItem(rules, (int)get(r, "ruleIndex")->valuedouble);
		did = cJSON_GetStringValue(get(d, "id"));
		if (did == NULL || strcmp(did, id) != 0)
			return false;
	}
	return true;
}

/* Checks a SARIF log's shape against its shard record; NULL, or what is wrong. */
static const char *
check_sarif(struct merge_input *in, enum lang lang)
{
	const cJSON *run = cJSON_GetArrayItem(get(in->doc, "runs"), 0);
	const cJSON *driver = get(get(run, "tool"), "driver");
	const cJSON *inv = cJSON_GetArrayItem(get(run, "invocations"), 0);
	const cJSON *results = get(run, "results"), *rules = get(driver, "rules");
	const cJSON *notes = get(inv, "toolExecutionNotifications");
	const char *why;

	in->version = cJSON_GetStringValue(get(driver, "version"));
	if (!cJSON_IsArray(results) || !cJSON_IsArray(rules) || !cJSON_IsArray(notes) ||
	    in->version == NULL || cJSON_GetArraySize(get(in->doc, "runs")) != 1)
		return tr(lang, "不是 noticelint 的 sarif 报告", "not a noticelint sarif log");
	if ((why = read_meta(in, get(get(run, "properties"), "noticelint/shard"), lang)) != NULL)
		return why;
	if (sum(in->results, in->n) != (size_t)cJSON_GetArraySize(results) ||
	    sum(in->notes, in->n) != (size_t)cJSON_GetArraySize(notes) ||
	    in->base_rules > (size_t)cJSON_GetArraySize(rules) || !rule_indexes_ok(results, rules))
		return tr(lang, "结果数或规则编号与分片信息不符",
		    "the results or rule indexes differ from the shard record");
	return NULL;
}

/* Prints "noticelint: merge: " and tmpl with {a}, {b} and {c} filled to stderr; returns
 * 2, the exit status of a merge that cannot be done. */
static int
complain(const char *tmpl, const char *a, const char *b, const char *c)
{
	const char *kv[6] = {"a", a ? a : "", "b", b ? b : "", "c", c ? c : ""};
	char *text = i18n_fill(tmpl, kv, 6);

	fprintf(stderr, "noticelint: merge: %s\n", text);
	free(text);
	return 2;
}

/* Reads and checks report i; 0, or 2 after the message. */
static int
load(struct merge *m, size_t i)
{
	struct merge_input *in = &m->in[i];
	enum merge_kind kind;
	const char *why;
	size_t len;
	char *text = slurp(in->path, &len);

	if (text == NULL)
		return complain(tr(m->lang, "无法读取分片报告 {a}：{b}", "cannot read the shard "
		    "report {a}: {b}"), in->path, strerror(errno), NULL);
	in->doc = cJSON_ParseWithLength(text, len);
	free(text);
	if (!cJSON_IsObject(in->doc))
		return complain(tr(m->lang, "{a} 不是 JSON 文档", "{a} is not a JSON document"),
		    in->path, NULL, NULL);
	kind = get(in->doc, "runs") != NULL ? MERGE_SARIF : MERGE_JSON;
	why = kind == MERGE_SARIF ? check_sarif(in, m->lang) : check_json(in, m->lang);
	if (why != NULL)
		return complain(tr(m->lang, "{a} 无法合并：{b}", "{a} cannot be merged: {b}"),
		    in->path, why, NULL);
	if (m->kind != MERGE_NONE && kind != m->kind)
		return complain(tr(m->lang, "{a} 与 {b} 格式不同（json 与 sarif 不能合并）",
		    "{a} and {b} differ in format (json and sarif do not merge)"), in->path,
		    m->in[0].path, NULL);
	m->kind = kind;
	return 0;
}

/* Checks that report i is a shard of the same run as report 0. */
static int
same_run(struct merge *m, size_t i)
{
	const struct merge_input *a = &m->in[0], *b = &m->in[i];

	if (strcmp(a->version, b->version) != 0)
		return complain(tr(m->lang, "{a} 由 noticelint {b} 写成，{c} 由另一版本写成，不能合并",
		    "{a} was written by noticelint {b}, {c} by another version: they do not merge"),
		    b->path, b->version, a->path);
	if (a->count != b->count)
		return complain(tr(m->lang, "{a} 与 {b} 的分片总数 N 不同", "{a} and {b} were split into "
		    "different numbers of shards"), b->path, a->path, NULL);
	if (strcmp(a->key, b->key) != 0 || a->inputs != b->inputs)
		return complain(tr(m->lang, "{a} 与 {b} 的运行不同（选项、规则包、项目配置或输入文件不同）",
		    "{a} and {b} come from different runs (options, rule packs, project configs or "
		    "input files differ)"), b->path, a->path, NULL);
	return 0;
}

static int
by_ordinal(const void *x, const void *y)
{
	const struct merge_slot *a = x, *b = y;

	return a->ordinal < b->ordinal ? -1 : a->ordinal > b->ordinal;
}

/* Every share 1..N once, every file once: the slots of the merged run in order (*nslots of
 * them; the caller frees), or NULL after the message. */
static struct merge_slot *
order(struct merge *m, size_t *nslots)
{
	unsigned count = m->in[0].count;
	char *seen = xcalloc(count + 1, 1), num[24];
	struct merge_slot *slots;
	size_t i, k, n = 0;
	unsigned s;

	for (i = 0; i < m->n; i++) {
		if (seen[m->in[i].index]++) {
			snprintf(num, sizeof(num), "%u/%u", m->in[i].index, count);
			complain(tr(m->lang, "分片 {a} 出现了两次（{b}）", "shard {a} is given twice "
			    "({b})"), num, m->in[i].path, NULL);
			free(seen);
			return NULL;
		}
		n += m->in[i].n;
	}
	for (s = 1; s <= count; s++) {
		if (seen[s])
			continue;
		snprintf(num, sizeof(num), "%u/%u", s, count);
		complain(tr(m->lang, "缺少分片 {a} 的报告", "the report of shard {a} is missing"),
		    num, NULL, NULL);
		free(seen);
		return NULL;
	}
	free(seen);
	slots = xcalloc(n ? n : 1, sizeof(*slots));
	for (i = 0, n = 0; i < m->n; i++)
		for (k = 0; k < m->in[i].n; k++) {
			slots[n].ordinal = m->in[i].ordinals[k];
			slots[n].shard = i;
			slots[n++].k = k;
		}
	qsort(slots, n, sizeof(*slots), by_ordinal);
	for (i = 0; i < n; i++) {
		if ((i > 0 && slots[i].ordinal == slots[i - 1].ordinal) ||
		    slots[i].ordinal >= m->in[0].inputs) {
			complain(tr(m->lang, "{a} 中的文件次序与其他分片冲突", "the file order of {a} "
			    "conflicts with the other shards"), m->in[slots[i].shard].path, NULL,
			    NULL);
			free(slots);
			return NULL;
		}
	}
	*nslots = n;
	return slots;
}

/* The exit status the unsharded run gave: 2 with an input error, 1 with a finding at or
 * above the recorded fail level, else 0. */
static int
status_of(const struct merge *m, const cJSON *out)
{
	enum level fail = LEVEL_ERROR, lv;
	const cJSON *e, *d, *run;
	const char *name;

	level_parse(m->in[0].fail_level, &fail);
	if (m->kind == MERGE_JSON) {
		cJSON_ArrayForEach(e, get(out, "files")) {
			if (cJSON_GetArraySize(get(e, "errors")) > 0)
				return 2;
		}
		cJSON_ArrayForEach(e, get(out, "files")) {
			cJSON_ArrayForEach(d, get(e, "diagnostics")) {
				name = cJSON_GetStringValue(get(d, "level"));
				if (name != NULL && level_parse(name, &lv) == 0 && lv >= fail)
					return 1;
			}
		}
		return 0;
	}
	run = cJSON_GetArrayItem(get(out, "runs"), 0);
	if (cJSON_GetArraySize(get(cJSON_GetArrayItem(get(run, "invocations"), 0),
	    "toolExecutionNotifications")) > 0)
		return 2;
	cJSON_ArrayForEach(e, get(run, "results")) {
		name = cJSON_GetStringValue(get(e, "level"));
		lv = name == NULL ? LEVEL_NONE : strcmp(name, "note") == 0 ? LEVEL_INFO :
		    level_parse(name, &lv) == 0 ? lv : LEVEL_NONE;
		if (lv != LEVEL_NONE && lv >= fail)
			return 1;
	}
	return 0;
}

/* Writes the merged document out (freed here) to --output (atomically) or stdout; 0, or
 * 2 after the message. */
static int
write_out(const struct merge *m, cJSON *doc)
{
	char *text;
	struct atomic_file af;
	char *reason = NULL;
	FILE *out = stdout;

	if (m->output != NULL) {
		if (atomic_open(&af, m->output, m->lang, &reason) != 0)
			goto failed;
		out = af.fp;
	}
	if (m->kind == MERGE_SARIF) {
		merge_sarif_write(out, doc);
	} else {
		/* The JSON format's layout is cJSON_Print's. */
		text = cJSON_Print(doc);
		if (text == NULL)
			fmt_json_must(NULL);
		fputs(text, out);
		fputc('\n', out);
		free(text);
		cJSON_Delete(doc);
	}
	if (m->output != NULL && atomic_commit(&af, &reason) != 0)
		goto failed;
	if (m->output == NULL && (fflush(stdout) != 0 || ferror(stdout)) && errno != EPIPE) {
		reason = xstrdup(strerror(errno));
		goto failed;
	}
	return 0;
failed:
	complain(tr(m->lang, "写入输出失败：{a}", "cannot write the output: {a}"), reason,
	    NULL, NULL);
	free(reason);
	return 2;
}

static void
usage(FILE *out, enum lang lang)
{
	fputs(tr(lang,
	    "用法：noticelint merge [--output FILE] [--lang zh|en] 报告...\n"
	    "把 noticelint --shard I/N 各份的 json 或 sarif 报告合并为与不分片运行逐字节相同的一份报告。\n"
	    "退出码：0/1 同不分片运行（按其 --fail-level），2 用法错误或报告无法合并。\n",
	    "Usage: noticelint merge [--output FILE] [--lang zh|en] REPORT...\n"
	    "Combine the json or sarif reports of noticelint --shard I/N (every I) into the report\n"
	    "the unsharded run writes, byte for byte.\n"
	    "Exit status: 0 or 1 as the unsharded run (by its --fail-level), 2 for a usage error\n"
	    "or reports that do not merge.\n"), out);
}

/* Parses merge's options; 0, 1 after --help, or 2 after a usage error. */
static int
parse(struct merge *m, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		if (c == 'o') {
			m->output = optarg;
		} else if (c == 'L' && (strcmp(optarg, "zh") == 0 || strcmp(optarg, "en") == 0)) {
			m->lang = optarg[0] == 'e' ? LANG_EN : LANG_ZH;
		} else if (c == 'h') {
			usage(stdout, m->lang);
			return 1;
		} else {
			usage(stderr, m->lang);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr, m->lang);
		return 2;
	}
	return 0;
}

int
merge_main(int argc, char **argv)
{
	struct merge m;
	struct merge_slot *slots = NULL;
	cJSON *out = NULL;
	size_t i, nslots = 0;
	int status, exit_status;

	memset(&m, 0, sizeof(m));
	if ((status = parse(&m, argc, argv)) != 0)
		return status == 1 ? 0 : 2;
	m.n = (size_t)(argc - optind);
	m.in = xcalloc(m.n, sizeof(*m.in));
	for (i = 0; i < m.n; i++)
		m.in[i].path = argv[optind + (int)i];
	for (i = 0; i < m.n && status == 0; i++)
		status = load(&m, i);
	for (i = 1; i < m.n && status == 0; i++)
		status = same_run(&m, i);
	if (status == 0 && (slots = order(&m, &nslots)) == NULL)
		status = 2;
	if (status == 0) {
		out = m.kind == MERGE_JSON ? merge_json(m.in, m.n, slots, nslots) :
		    merge_sarif(m.in, m.n, slots, nslots);
		/* The status is read before writing: the writer frees the document. */
		exit_status = status_of(&m, out);
		status = write_out(&m, out);
		if (status == 0)
			status = exit_status;
	}
	free(slots);
	for (i = 0; i < m.n; i++) {
		cJSON_Delete(m.in[i].doc);
		free(m.in[i].ordinals);
		free(m.in[i].results);
		free(m.in[i].notes);
	}
	free(m.in);
	return status;
}
