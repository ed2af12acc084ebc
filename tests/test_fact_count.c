/* Unit tests: numbers and count phrases (label, value, unit, noun) in the seeds' real
 * phrasings: Arabic with spaces, Chinese numerals, percentages, 万元, qualifiers, and what
 * is not a number (phone numbers, codes, dates). */
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

struct want {
	const char *label;
	double value;
	const char *unit;
	const char *noun;
};

struct count_case {
	const char *text;
	struct want counts[8];
	size_t n;
};

static const struct count_case cases[] = {
	{"截至目前，县委第四巡察组巡察卫健局反馈问题 25 个，完成整改 23 个，整改完成率 92%。",
	 {{"县委第四巡察组巡察卫健局反馈问题", 25, "个", ""}, {"完成整改", 23, "个", ""},
	  {"整改完成率", 92, "%", ""}}, 3},
	{"截至12月22日，巡察反馈的62个具体问题，已完成整改3个，阶段性完成整改59个，未完成整改0个。",
	 {{"巡察反馈的", 62, "个", "具体问题"}, {"已完成整改", 3, "个", ""},
	  {"阶段性完成整改", 59, "个", ""}, {"未完成整改", 0, "个", ""}}, 4},
	{"巡察反馈35个具体问题，整改完成28个，阶段性完成7个。",
	 {{"巡察反馈", 35, "个", "具体问题"}, {"整改完成", 28, "个", ""},
	  {"阶段性完成", 7, "个", ""}}, 3},
	{"已完成整改20个、正在整改5个，整改完成率80%。",
	 {{"已完成整改", 20, "个", ""}, {"正在整改", 5, "个", ""}, {"整改完成率", 80, "%", ""}}, 3},
	{"对正在整改的2项任务，紧紧扭住不放。", {{"对正在整改的", 2, "项", "任务"}}, 1},
	{"并针对巡察反馈 8 方面的问题，制定台账。", {{"并针对巡察反馈", 8, "方面", "的问题"}}, 1},
	/* The ordinal 第十三轮 is no count, but bounds the next label. */
	{"县委第十三轮专项巡察组开展两次督查，制定二十一项措施。",
	 {{"专项巡察组开展", 2, "次", "督查"}, {"制定", 21, "项", "措施"}}, 2},
	{"以上 3 项共计 5800 元，拨付中医院 2 万元，共获得募捐捐款4.4万余元。",
	 {{"以上", 3, "项", "共计"}, {"共计", 5800, "元", ""}, {"拨付中医院", 20000, "元", ""},
	  {"共获得募捐捐款", 44000, "元", ""}}, 4},
	{"大型公共场所办证率达100%以上，占同类机构医师比例14.29%。",
	 {{"大型公共场所办证率达", 100, "%", ""}, {"占同类机构医师比例", 14.29, "%", ""}}, 2},
	/* Not counts: phone numbers, e-mail, codes, ordinals, dates, numerals without units. */
	{"0877-4011193；电子邮箱：3668717292@qq.com；警王 G3 执法仪；（平卫发〔2022〕7号）；"
	 "第十三轮；2025年1月24日；一是统一部署；十四五规划。", {{NULL, 0, NULL, NULL}}, 0},
};

static void
assert_span(const char *text, struct span sp, const char *want)
{
	size_t n = sp.end - sp.start;

	if (n != strlen(want) || memcmp(text + sp.start, want, n) != 0)
		fail_msg("'%.*s' != '%s'", (int)n, text + sp.start, want);
}

static void
test_count_phrases(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc doc;
		const struct facts *f;

		memset(&doc, 0, sizeof(doc));
		segment_build(&doc, "t.txt", cases[i].text, strlen(cases[i].text));
		facts_extract(&doc);
		f = doc.facts;
		if (f->ncounts != cases[i].n)
			fail_msg("case %zu: %zu counts, expected %zu", i, f->ncounts, cases[i].n);
		for (k = 0; k < cases[i].n; k++) {
			const struct want *w = &cases[i].counts[k];
			const struct count_fact *c = &f->counts[k];

			assert_span(cases[i].text, c->label, w->label);
			assert_span(cases[i].text, c->unit, w->unit);
			assert_span(cases[i].text, c->noun, w->noun);
			assert_true(c->value > w->value - 1e-9 && c->value < w->value + 1e-9);
			/* Each case is one sentence: its figures can be related. */
			assert_int_equal(c->sentence, f->counts[0].sentence);
		}
		doc_free(&doc);
	}
}

static void
test_number_flags(void **state)
{
	static const char text[] = "反馈问题 25 个，办证率达100%以上，引进50余名，不足10人，"
	    "十三个，14.29%。";
	struct doc doc;
	const struct facts *f;

	(void)state;
	memset(&doc, 0, sizeof(doc));
	segment_build(&doc, "t.txt", text, strlen(text));
	facts_extract(&doc);
	f = doc.facts;
	assert_int_equal(f->nnumbers, 6);
	assert_true(f->numbers[0].flags & NUM_SPACED);
	assert_true(f->numbers[1].flags & NUM_PERCENT);
	assert_true(f->numbers[1].flags & NUM_ABOVE);
	assert_true(f->numbers[2].flags & NUM_ABOVE);
	assert_false(f->numbers[3].flags & NUM_ABOVE);
	assert_true(f->numbers[4].flags & NUM_CN);
	assert_true(f->numbers[4].value == 13);
	assert_true(f->numbers[5].flags & NUM_DECIMAL);
	doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_count_phrases),
		cmocka_unit_test(test_number_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
