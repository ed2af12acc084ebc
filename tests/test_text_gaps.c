/* Tests of three small gaps, in fresh phrasing: straight ASCII quotes in Chinese text
 * (PUN-011), month and day run together after a written year (date facts, DATE-001), and
 * a range whose end precedes its start (date facts, DATE-010, and DATE-004 skipping it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "facts.h"
#include "segment.h"
#include "testutil.h"

static const struct lint_opts opts = {LANG_EN, 2026, 3, 1, NULL, NULL, NULL, NULL, false};

/* ---- the date facts ------------------------------------------------------------------ */

struct fx {
	struct doc doc;
	char *text;
};

static void
build(struct fx *x, const char *text)
{
	x->text = strdup(text);
	assert_non_null(x->text);
	memset(&x->doc, 0, sizeof(x->doc));
	segment_build(&x->doc, "t.txt", x->text, strlen(x->text));
	facts_extract(&x->doc);
}

static void
release(struct fx *x)
{
	doc_free(&x->doc);
	free(x->text);
}

/* The date whose text is tok, or NULL. */
static const struct date_fact *
date_of(const struct fx *x, const char *tok)
{
	const struct facts *f = x->doc.facts;
	size_t i, n = strlen(tok);

	for (i = 0; i < f->ndates; i++)
		if (f->dates[i].span.end - f->dates[i].span.start == n &&
		    memcmp(x->text + f->dates[i].span.start, tok, n) == 0)
			return &f->dates[i];
	return NULL;
}

/* Number of dates that start at the offset of tok in the text. */
static size_t
dates_at(const struct fx *x, const char *tok)
{
	const struct facts *f = x->doc.facts;
	size_t off = (size_t)(strstr(x->text, tok) - x->text), i, n = 0;

	for (i = 0; i < f->ndates; i++)
		n += f->dates[i].span.start == off;
	return n;
}

static void
test_month_day_after_year(void **state)
{
	const struct date_fact *d;
	struct fx x;

	(void)state;
	build(&x, "县医保局于2024年917日召开专题会议，2025年1230日前完成整改，2024年111日另行通知。\n");
	d = date_of(&x, "2024年917日");
	assert_non_null(d);
	assert_true(d->flags & DATE_GARBLED);
	assert_int_equal(d->y, 2024);
	assert_int_equal(d->m, 9);
	assert_int_equal(d->d, 17);
	assert_string_equal(d->reading, "2024年9月17日");
	/* It replaces the year-only date read at the same place: one date there, not two. */
	assert_int_equal(dates_at(&x, "2024年917日"), 1);
	d = date_of(&x, "2025年1230日");
	assert_non_null(d);
	assert_int_equal(d->m, 12);
	assert_int_equal(d->d, 30);
	/* 111 is 1月11日 or 11月1日: garbled, with no single reading. */
	d = date_of(&x, "2024年111日");
	assert_non_null(d);
	assert_true(d->flags & DATE_AMBIGUOUS);
	release(&x);
	/* A count after a year, a full date and a year before a noun are not garbled. */
	build(&x, "2024年共召开会议917次，2024年9月17日召开党组会，2024年新增1230户。\n");
	assert_null(date_of(&x, "2024年917日"));
	assert_non_null(date_of(&x, "2024年9月17日"));
	assert_false(date_of(&x, "2024年9月17日")->flags & DATE_GARBLED);
	release(&x);
}

static void
test_reversed_range_facts(void **state)
{
	const struct date_fact *d;
	struct fx x;

	(void)state;
	/* A long wrap is a range written backwards: same year, marked. */
	build(&x, "2025年5月6日至3月24日，区委第二巡察组开展了常规巡察。\n");
	d = date_of(&x, "3月24日");
	assert_non_null(d);
	assert_int_equal(d->y, 2025);
	assert_true(d->flags & DATE_REVERSED);
	release(&x);
	/* Across a year end and short, the second half runs into the next year. */
	build(&x, "2024年12月20日至1月10日开展节前廉政提醒，2024年11月至3月开展冬春行动。\n");
	d = date_of(&x, "1月10日");
	assert_non_null(d);
	assert_int_equal(d->y, 2025);
	assert_false(d->flags & DATE_REVERSED);
	d = date_of(&x, "3月");
	assert_non_null(d);
	assert_int_equal(d->y, 2025);
	assert_false(d->flags & DATE_REVERSED);
	release(&x);
	/* Days of one month backwards, and two written years backwards. */
	build(&x, "专项检查于2024年9月20日至9月2日开展，督查时间为2024年10月8日至2023年12月1日。\n");
	assert_true(date_of(&x, "9月2日")->flags & DATE_REVERSED);
	assert_true(date_of(&x, "2023年12月1日")->flags & DATE_REVERSED);
	release(&x);
	/* In order: nothing marked. */
	build(&x, "2024年9月2日至20日开展专项检查，2025年3月24日至5月6日开展巡察。\n");
	assert_false(date_of(&x, "20日")->flags & DATE_REVERSED);
	assert_false(date_of(&x, "5月6日")->flags & DATE_REVERSED);
	release(&x);
}

/* ---- the rules ------------------------------------------------------------------------ */

static const char *const packs[] = {"dates.yml", "punctuation.yml"};

static const struct tu_snippet snippets[] = {
	/* PUN-011: a pair of straight quotes around Chinese text, one diagnostic per pair. */
	{"PUN-011", "对已整改问题开展\"回头看\"，严格执行\"三重一大\"决策制度。", 2, "\"回头看\""},
	{"PUN-011", "第一行写\"一岗双责\"。\n第二行写\"三会一课\"。", 2, "\"一岗双责\""},
	{"PUN-011", "对已整改问题开展“回头看”，严格执行“三重一大”决策制度。", 0, NULL},
	{"PUN-011", "培训中心英文名称为 Party \"Data Governance\" Center。", 0, NULL},
	{"PUN-011", "查询地址：https://www.example.gov.cn/?q=\"a\"。", 0, NULL},
	/* DATE-001: month and day run together after 年. */
	{"DATE-001", "县医保局于2024年917日召开专题会议，研究部署整改工作。", 1, "2024年917日"},
	{"DATE-001", "县医保局于2024年9月17日召开专题会议，研究部署整改工作。", 0, NULL},
	{"DATE-001", "2024年共召开专题会议917次，2024年新增1230户参保。", 0, NULL},
	/* DATE-010: a range backwards. */
	{"DATE-010", "2025年5月6日至3月24日，区委第二巡察组对区文旅局党组开展了常规巡察。", 1,
	 "2025年5月6日至3月24日"},
	{"DATE-010", "专项检查于2024年9月20日至9月2日开展。", 1, "2024年9月20日至9月2日"},
	{"DATE-010", "2025年3月24日至5月6日，区委第二巡察组对区文旅局党组开展了常规巡察。", 0, NULL},
	{"DATE-010", "2024年12月20日至1月10日开展节前廉政提醒。", 0, NULL},
	{"DATE-010", "2024年9月2日至20日开展专项检查。", 0, NULL},
};

static void
test_rules(void **state)
{
	struct ruleset rs;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	tu_run_snippets(&rs, &opts, snippets, sizeof(snippets) / sizeof(snippets[0]));
	ruleset_free(&rs);
}

/* A backwards inspection period is DATE-010's, once: the timeline rule DATE-004 does not
 * report it again as an event order. */
static void
test_reversed_period_reported_once(void **state)
{
	const char *text =
	    "关于巡察整改进展情况的通报\n\n"
	    "根据区委统一部署，2025年5月6日至3月24日，区委第二巡察组对区文旅局党组进行了巡察。"
	    "2025年6月10日，区委巡察组向区文旅局党组反馈了巡察意见。\n";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	tu_run_rule(&rs, &opts, "DATE-010", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.v[0].message, "date range '2025年5月6日至3月24日' ends "
	    "(2025年3月24日) before it starts (2025年5月6日)");
	diag_list_free(&out);
	doc_free(&doc);
	tu_run_rule(&rs, &opts, "DATE-004", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 0);
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_day_after_year),
		cmocka_unit_test(test_reversed_range_facts),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_reversed_period_reported_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
