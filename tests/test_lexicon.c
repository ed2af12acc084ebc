/* Tests of the lexicon matcher (lint/lexicon.c), of the `lexicon` check type's loader
 * errors, and of the default lexicon (rules/lexicon.yml) on fresh phrasing and the seeds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "segment.h"
#include "lexicon.h"
#include "rule_load.h"
#include "testutil.h"

static const struct lint_opts opts = {LANG_EN, 2026, 3, 1, NULL, NULL, NULL, NULL, false};

/* ---- the matcher ------------------------------------------------------------------- */

struct hits {
	char buf[512];
	size_t n;
};

/* Appends "entry@start-end;" for each match. */
static int
collect(size_t entry, size_t start, size_t end, void *ctx)
{
	struct hits *h = ctx;
	size_t k = strlen(h->buf);

	snprintf(h->buf + k, sizeof(h->buf) - k, "%zu@%zu-%zu;", entry, start, end);
	h->n++;
	return 0;
}

static const char *
scan(const struct lexicon *lx, const char *text, struct hits *h)
{
	memset(h, 0, sizeof(*h));
	(void)lexicon_scan(lx, text, strlen(text), 0, strlen(text), collect, h);
	return h->buf;
}

/* Adds an entry with one context list given as items (NULL-terminated). */
static void
add(struct lexicon *lx, const char *wrong, int which, ...)
{
	struct lex_entry *e = lexicon_add(lx, wrong);
	struct lex_items *l;
	const char *why = NULL, *item;
	va_list ap;

	assert_non_null(e);
	if (which < 0)
		return;
	l = which == 0 ? &e->before : which == 1 ? &e->not_before : which == 2 ? &e->after :
	    &e->not_after;
	l->v = calloc(8, sizeof(*l->v));
	assert_non_null(l->v);
	va_start(ap, which);
	while ((item = va_arg(ap, const char *)) != NULL) {
		if (lex_item_parse(item, &l->v[l->n], &why) != 0)
			fail_msg("item %s: %s", item, why);
		l->n++;
	}
	va_end(ap);
}

static void
test_longest_first_no_overlap(void **state)
{
	struct lexicon lx;
	struct hits h;

	(void)state;
	memset(&lx, 0, sizeof(lx));
	add(&lx, "巡视条例", -1);
	add(&lx, "巡视", -1);
	add(&lx, "视条", -1);
	lexicon_build(&lx);
	/* The longer entry wins at its position; the overlapping 视条 is not reported. */
	assert_string_equal(scan(&lx, "学习巡视条例", &h), "0@6-18;");
	/* Where the long form is absent the short one is found, twice. */
	assert_string_equal(scan(&lx, "巡视，巡视", &h), "1@0-6;1@9-15;");
	assert_string_equal(scan(&lx, "没有", &h), "");
	lexicon_free(&lx);
}

static void
test_contexts(void **state)
{
	struct lexicon lx;
	struct hits h;

	(void)state;
	memset(&lx, 0, sizeof(lx));
	add(&lx, "巡查组", 0, "县委第{num}+", "区委", NULL);    /* 0: before */
	add(&lx, "学习近平", 1, "领", "自", NULL);              /* 1: not before */
	add(&lx, "贯彻落", 3, "实", "地", NULL);                /* 2: not after */
	add(&lx, "二零", 2, "{num}+年", NULL);                 /* 3: after */
	add(&lx, "合单位", 0, "是", "{nonhan}", NULL);         /* 4: before, edge of text */
	lexicon_build(&lx);
	assert_string_equal(scan(&lx, "县委第十二巡查组", &h), "0@15-24;");
	assert_string_equal(scan(&lx, "区委巡查组", &h), "0@6-15;");
	assert_int_equal(scan(&lx, "省安委会第七巡查组", &h)[0], '\0');
	assert_string_equal(scan(&lx, "深入学习近平", &h), "1@6-18;");
	assert_int_equal(scan(&lx, "带头领学习近平", &h)[0], '\0');
	assert_string_equal(scan(&lx, "贯彻落要求", &h), "2@0-9;");
	assert_int_equal(scan(&lx, "贯彻落实，贯彻落地", &h)[0], '\0');
	assert_string_equal(scan(&lx, "二零二四年", &h), "3@0-6;");
	assert_string_equal(scan(&lx, "二零24年", &h), "3@0-6;");
	assert_int_equal(scan(&lx, "二零六国道", &h)[0], '\0');
	assert_string_equal(scan(&lx, "合单位", &h), "4@0-9;");
	assert_string_equal(scan(&lx, "二是合单位", &h), "4@6-15;");
	assert_string_equal(scan(&lx, "，合单位", &h), "4@3-12;");
	assert_int_equal(scan(&lx, "结合单位", &h)[0], '\0');
	lexicon_free(&lx);
}

/* Many first characters: the open-addressing index finds every entry. */
static void
test_index_many_entries(void **state)
{
	struct lexicon lx;
	char wrong[16], text[16];
	struct hits h;
	size_t i;

	(void)state;
	memset(&lx, 0, sizeof(lx));
	for (i = 0; i < 300; i++) {
		/* U+4E00 + i, then 甲: distinct first characters. */
		wrong[0] = (char)(0xE0 | ((0x4E00 + i) >> 12));
		wrong[1] = (char)(0x80 | (((0x4E00 + i) >> 6) & 0x3F));
		wrong[2] = (char)(0x80 | ((0x4E00 + i) & 0x3F));
		memcpy(wrong + 3, "甲", 4);
		assert_non_null(lexicon_add(&lx, wrong));
	}
	lexicon_build(&lx);
	for (i = 0; i < 300; i += 7) {
		memcpy(text, lx.v[i].wrong, lx.v[i].wlen + 1);
		scan(&lx, text, &h);
		assert_int_equal(h.n, 1);
		snprintf(text, sizeof(text), "%zu@", i);
		assert_int_equal(strncmp(h.buf, text, strlen(text)), 0);
	}
	lexicon_free(&lx);
}

/* Positions whose character starts no entry are passed over quickly; every entry is still
 * found after such text, after bytes that are not UTF-8, after two- and four-byte
 * characters, and an entry may start with any of them. */
static void
test_skip_over_cold_text(void **state)
{
	struct lexicon lx;
	struct hits h;

	(void)state;
	memset(&lx, 0, sizeof(lx));
	add(&lx, "整该", -1);                  /* 0: starts with a Han character */
	add(&lx, "QQ群", -1);                  /* 1: starts with ASCII */
	add(&lx, "\u00b7号", -1);              /* 2: starts with a two-byte character */
	add(&lx, "\U00020000甲", -1);          /* 3: starts with a four-byte character */
	lexicon_build(&lx);
	assert_string_equal(scan(&lx, "各单位认真落实整该要求", &h), "0@21-27;");
	assert_string_equal(scan(&lx, "abc QQ群 xyz", &h), "1@4-9;");
	assert_string_equal(scan(&lx, "QQ号与QQ群", &h), "1@8-13;");
	/* A lead byte without its continuation bytes, a surrogate and an overlong form. */
	assert_string_equal(scan(&lx, "\xe6\x41整该", &h), "0@2-8;");
	assert_string_equal(scan(&lx, "\xe6QQ群", &h), "1@1-6;");
	assert_string_equal(scan(&lx, "\xed\xa0\x80整该", &h), "0@3-9;");
	assert_string_equal(scan(&lx, "\xe0\x80\xaf整该", &h), "0@3-9;");
	assert_string_equal(scan(&lx, "\xe6\x95", &h), "");
	assert_string_equal(scan(&lx, "\u00e9整该", &h), "0@2-8;");
	assert_string_equal(scan(&lx, "\U00020001整该", &h), "0@4-10;");
	assert_string_equal(scan(&lx, "第\u00b7号", &h), "2@3-8;");
	assert_string_equal(scan(&lx, "乙\U00020000甲", &h), "3@3-10;");
	assert_string_equal(scan(&lx, "乙\U00020000乙", &h), "");
	/* A scan that ends inside a character reads nothing past its end. */
	memset(&h, 0, sizeof(h));
	(void)lexicon_scan(&lx, "落实整该", 12, 0, 10, collect, &h);
	assert_string_equal(h.buf, "");
	memset(&h, 0, sizeof(h));
	(void)lexicon_scan(&lx, "落实整该", 12, 0, 12, collect, &h);
	assert_string_equal(h.buf, "0@6-12;");
	lexicon_free(&lx);
}

static void
test_bad_items_and_forms(void **state)
{
	struct lex_item it;
	struct lexicon lx;
	const char *why = NULL;

	(void)state;
	assert_int_equal(lex_item_parse("{foo}", &it, &why), -1);
	assert_non_null(strstr(why, "unknown class"));
	assert_int_equal(lex_item_parse("+委", &it, &why), -1);
	assert_int_equal(lex_item_parse("", &it, &why), -1);
	assert_int_equal(lex_item_parse("\xff", &it, &why), -1);
	assert_int_equal(lex_item_parse("第{num}+", &it, &why), 0);
	assert_int_equal(it.n, 2);
	assert_true(it.v[1].plus);
	free(it.v);
	memset(&lx, 0, sizeof(lx));
	assert_null(lexicon_add(&lx, ""));
	assert_null(lexicon_add(&lx, "\xe5\xb7"));
	lexicon_build(&lx);
	lexicon_free(&lx);
}

/* ---- loader errors ---------------------------------------------------------------- */

static const char pack_head[] =
	"rules:\n"
	"  - id: T-LEX\n"
	"    check: lexicon\n"
	"    level: error\n"
	"    message: {zh: \"{kind}{match}{suggest}{entry}\", en: \"{kind}: {match} -> {suggest} ({entry})\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    examples: {flag: [再接再励]}\n"
	"    sources:\n"
	"      - {key: s1, title: t, url: u}\n"
	"    entries:\n"
	"      - {id: A1, kind: lookalike, wrong: 再接再励, right: 再接再厉, src: s1, flag: 再接再励}\n";

struct bad_case {
	const char *entry;     /* one more entries line */
	unsigned line;         /* where the error is reported */
	const char *needle;    /* part of the message */
};

static const struct bad_case bad_cases[] = {
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s9, flag: 布署}\n", 13,
	 "no source with this key"},
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s1, flag: 部署}\n", 13,
	 "entry A2: the flag example draws no match"},
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s1, flag: 布署, pass: 再布署}\n",
	 13, "entry A2: the pass example draws a match"},
	{"      - {id: A2, kind: missing, wrong: 落, right: 落实, src: s1, flag: 落}\n", 13,
	 "the correction itself draws a match"},
	{"      - {id: A2, kind: typo, wrong: 布署, right: 部署, src: s1, flag: 布署}\n", 13,
	 "kind is one of"},
	{"      - {id: A1, kind: homophone, wrong: 布署, right: 部署, src: s1, flag: 布署}\n", 13,
	 "already used"},
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s1, level: fatal, flag: 布署}\n",
	 13, "level"},
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s1, before: [\"{x}\"], flag: 布署}\n",
	 13, "unknown class"},
	{"      - {id: A2, kind: homophone, wrong: [布署, 部暑], right: [部署, 部署, 部署], src: s1, flag: 布署}\n",
	 13, "one for each wrong form"},
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s1}\n", 13,
	 "at least one flag example"},
	{"      - {id: A2, kind: homophone, wrong: 布署, right: 部署, src: s1, flag: 布署, colour: red}\n",
	 13, "colour"},
};

static void
test_bad_lexicon_is_a_pack_error(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	char yaml[2048];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		snprintf(yaml, sizeof(yaml), "%s%s", pack_head, bad_cases[i].entry);
		if (tu_load_inline_pack(&rs, &errs, yaml) == 0)
			fail_msg("case %zu loaded", i);
		assert_true(errs.n >= 1);
		if (errs.v[0].line != bad_cases[i].line ||
		    strstr(errs.v[0].message, bad_cases[i].needle) == NULL)
			fail_msg("case %zu: %u: %s", i, errs.v[0].line, errs.v[0].message);
		assert_null(ruleset_find(&rs, "T-LEX"));
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
	/* The good head alone loads, and its entry's examples join the rule's. */
	assert_int_equal(tu_load_inline_pack(&rs, &errs, pack_head), 0);
	assert_int_equal(ruleset_find(&rs, "T-LEX")->nflag, 2);
	assert_string_equal(ruleset_find(&rs, "T-LEX")->flag[1].entry, "A1");
	load_errors_free(&errs);
	ruleset_free(&rs);
}

/* ---- the default lexicon ---------------------------------------------------------- */

static const char *const packs[] = {"lexicon.yml"};

/* Fresh sentences in the genre's style, each with the entry it must draw (or none). */
static const struct tu_snippet fresh[] = {
	/* Legal look-alikes stay quiet. */
	{"LEX-001", "镇河长办每周开展河道巡查，安全巡查中发现的隐患当日交办，日常巡查整改情况按月通报。", 0, NULL},
	{"LEX-001", "报名截止日期为6月30日，截止时间以邮戳为准。", 0, NULL},
	{"LEX-001", "健全舆情快速反应机制，群众反应强烈的问题优先办理。", 0, NULL},
	{"LEX-001", "局党组书记带头领学习近平总书记关于巡视工作的重要论述。", 0, NULL},
	{"LEX-001", "县安委会第三巡查组对园区企业开展安全生产巡查。", 0, NULL},
	{"LEX-001", "对照《中国共产党巡视工作条例》和《中国共产党党内监督条例》逐条整改。", 0, NULL},
	{"LEX-001", "县委巡察工作领导小组听取巡察整改情况汇报，市县党委承担巡察工作主体责任。", 0, NULL},
	{"LEX-001", "把将来五年的重点项目列入清单，推动政策贯彻落地。", 0, NULL},
	/* Errors of every kind. */
	{"LEX-001", "镇党委召开专题会议研究布署巡察整改工作。", 1, "布署"},
	{"LEX-001", "扎实推进巡查整改，建立问题台帐。", 2, "巡查整改"},
	{"LEX-001", "区委第一巡查组于3月进驻区教育局。", 1, "巡查组"},
	{"LEX-001", "组织全体党员学习《中国共产党党内巡视工作条例》。", 1, "中国共产党党内巡视工作条例"},
	{"LEX-001", "全局上下再接再励、踔励奋发。", 2, "再接再励"},
	{"LEX-001", "深入学习近平总书记重要讲话精神。", 1, "学习近平"},
	{"LEX-001", "如有意见建议，请及时向我们反应。", 1, "向我们反应"},
	{"LEX-001", "追缴脏款8.3万元，项目已峻工。", 2, "脏款"},
};

static void
test_fresh_phrasing(void **state)
{
	struct ruleset rs;

	(void)state;
	tu_load_packs(&rs, packs, 1);
	tu_run_snippets(&rs, &opts, fresh, sizeof(fresh) / sizeof(fresh[0]));
	ruleset_free(&rs);
}

/* An entry's level is kept, and --level on the rule lowers every entry to at most that. */
static void
test_entry_levels(void **state)
{
	const char *text = "组织学习《中国共产党巡视条例》，认真抓好巡查整改。";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	tu_load_packs(&rs, packs, 1);
	tu_run_rule(&rs, &opts, "LEX-001", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 2);
	assert_int_equal(out.v[0].level, LEVEL_ERROR);
	assert_int_equal(out.v[1].level, LEVEL_WARNING);
	assert_string_equal(out.v[0].message, "wrong name: '中国共产党巡视条例' should be "
	    "'中国共产党巡视工作条例' (entry L143)");
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_find(&rs, "LEX-001")->level = LEVEL_INFO;
	tu_run_rule(&rs, &opts, "LEX-001", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 2);
	assert_int_equal(out.v[0].level, LEVEL_INFO);
	assert_int_equal(out.v[1].level, LEVEL_INFO);
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

/* The seeds' confusable-word findings of domain.md section C, now drawn by the lexicon. */
static const struct tu_seed_hit seed_hits[] = {
	{"001", 37, "LEX-001", 1, 0},    /* 把将 */
	{"001", 45, "LEX-001", 1, 0},    /* …任务分解的同志》 */
	{"001", 111, "LEX-001", 1, 0},   /* 支部工作条例（实行） */
	{"001", 147, "LEX-001", 1, 0},   /* 坚持四个全面 */
	{"001", 149, "LEX-001", 1, 0},   /* 如果意见建议 */
	{"003", 63, "LEX-001", 1, 0},    /* 贯彻落 */
	{"003", 83, "LEX-001", 1, 0},    /* 合单位实际 */
	{"003", 101, "LEX-001", 1, 0},   /* 市场监局 */
	{"003", 157, "LEX-001", 1, 0},   /* 招投标法 */
	{"003", 159, "LEX-001", 1, 0},   /* 医用结合 */
	{"003", 161, "LEX-001", 1, 0},   /* 工程项建设 */
	{"003", 209, "LEX-001", 1, 0},   /* 招投标法 */
	{"003", 233, "LEX-001", 1, 0},   /* 党的二十大及二中 */
	{"004", 85, "LEX-001", 1, 0},    /* 由请 */
	{"004", 103, "LEX-001", 1, 0},   /* 《卫生健康行政处罚法》 */
	{"004", 124, "LEX-001", 1, 0},   /* “中央八项规定”学教活动 */
	{"004", 170, "LEX-001", 1, 0},   /* 出国境 */
};

static int
own_rule(const char *id)
{
	return strcmp(id, "LEX-001") == 0;
}

static void
test_seeds(void **state)
{
	struct ruleset rs;

	(void)state;
	tu_load_packs(&rs, packs, 1);
	tu_check_seed_hits(&rs, &opts, own_rule, seed_hits, sizeof(seed_hits) / sizeof(seed_hits[0]));
	ruleset_free(&rs);
}

/* The development corpus of real notices (../shared/corpus/real-dev beside the source
 * tree): the lexicon finds exactly the wrong words its INDEX.md records. */
static void
test_real_dev(void **state)
{
	char dir[1024], path[1100];
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	struct stat st;
	size_t len, i, k, found = 0;
	char *text;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/../../shared/corpus/real-dev", NL_FIXTURES_DIR);
	if (stat(dir, &st) != 0)
		skip();
	tu_load_packs(&rs, packs, 1);
	for (i = 1; i <= 30; i++) {
		snprintf(path, sizeof(path), "%s/%03zu.txt", dir, i);
		text = tu_read_file(path, &len);
		memset(&doc, 0, sizeof(doc));
		diag_list_init(&out, opts.lang);
		lint_text(&rs, &opts, path, text, len, &doc, &out);
		for (k = 0; k < out.n; k++) {
			unsigned line = tu_line_of(text, out.v[k].span.start);

			if (i == 5 && line == 13 && out.v[k].level == LEVEL_ERROR)
				found++;    /* 《中国共产党党内巡视工作条例》 */
			else if (i == 26 && line == 5 && out.v[k].level == LEVEL_WARNING)
				found++;    /* 政治巡察主体责任 */
			else
				fail_msg("real-dev %03zu:%u: %s", i, line, out.v[k].message);
		}
		diag_list_free(&out);
		doc_free(&doc);
		free(text);
	}
	assert_int_equal(found, 2);
	ruleset_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest_first_no_overlap),
		cmocka_unit_test(test_contexts),
		cmocka_unit_test(test_index_many_entries),
		cmocka_unit_test(test_skip_over_cold_text),
		cmocka_unit_test(test_bad_items_and_forms),
		cmocka_unit_test(test_bad_lexicon_is_a_pack_error),
		cmocka_unit_test(test_fresh_phrasing),
		cmocka_unit_test(test_entry_levels),
		cmocka_unit_test(test_seeds),
		cmocka_unit_test(test_real_dev),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
