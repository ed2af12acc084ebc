/* Unit tests: tallies (a total and its parts), rates and enumerations read from the
 * structure of count sentences in wordings of several kinds of unit, and the figures that
 * must stay out: refinements, subsets, 次, ages, people, plans, another kind of thing. */
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

/* The expected tallies of one sentence: total value (-1: none) and part values. */
struct want_tally {
	double total;
	double parts[6];
	size_t nparts;
};

struct tally_case {
	const char *text;
	struct want_tally t[3];
	size_t n;
};

static const struct tally_case cases[] = {
	/* A total stated first and split by status, the status after the noun. */
	{"把反馈意见细化分解为216个方面具体问题,其中13个问题已整改到位,另有3个问题正在整改中。",
	 {{216, {13, 3}, 2}}, 1},
	/* An outer level (4个方面) is no total; a subset in parentheses is no addend. */
	{"截至2025年6月30日,巡察反馈的4个方面37个问题,已整改完成34个(含立行立改问题2个),"
	 "阶段性完成整改3个。", {{37, {34, 3}, 2}}, 1},
	{"巡察反馈的10个方面44个具体问题中,41个问题已完成整改,3个问题尚在整改中。",
	 {{44, {41, 3}, 2}}, 1},
	/* The status right after the total's noun is the next count's: 16 is their total. */
	{"截至2025年11月25日，巡察反馈的16个问题已整改到位13个、持续整改3个，整改率为81.25%。",
	 {{16, {13, 3}, 2}}, 1},
	{"党组梳理的9个问题已办结7个，其余2个正在推进。", {{9, {7, 2}, 2}}, 1},
	/* Other vocabularies: 办结, 基本完成, 尚未完成. */
	{"区委巡察反馈的3个方面29个问题中，22个已办结，5个基本完成，1个尚未完成。",
	 {{29, {22, 5, 1}, 3}}, 1},
	/* 其中 after a part is a part of that part. */
	{"镇党委共梳理问题16个，已完成整改12个，其中立行立改5个，持续整改4个。",
	 {{16, {12, 4}, 2}}, 1},
	/* A 共 total split into categories after 其中. */
	{"本轮共排查出作风方面问题20个，其中会风文风问题8个、公车管理问题12个。",
	 {{20, {8, 12}, 2}}, 1},
	/* Parts then their sum; money scaled by 万. */
	{"退缴违规发放补贴12.5万元、违规报销差旅费3.2万元，合计15.7万元。",
	 {{157000, {125000, 32000}, 2}}, 1},
	{"已完成整改18个、阶段性完成4个，共计22个。", {{22, {18, 4}, 2}}, 1},
	/* A total stated first with 共计, then split; round-level status words. */
	{"本轮巡察反馈的问题共计418个，其中已整改到位356个，正在整改中47个，列入长期整改15个。",
	 {{418, {356, 47, 15}, 3}}, 1},
	{"本轮巡察共反馈问题236个，已完成整改198个，基本完成取得阶段性成果并持续整改32个，"
	 "需长期坚持整改6个。", {{236, {198, 32, 6}, 3}}, 1},
	/* Status parts without a total. */
	{"已完成整改20个、正在整改5个，整改完成率80%。", {{-1, {20, 5}, 2}}, 1},
	/* Meetings (次) before the parts are no total; the parts have none. */
	{"召开党组会议6次、专题民主生活会1次，已完成整改问题9个、持续整改3个。",
	 {{-1, {9, 3}, 2}}, 1},
	/* Measures and problems: the parts are measures, the total the measures. */
	{"针对反馈的12个问题，制定整改措施45条，已完成整改措施40条、正在推进措施5条。",
	 {{45, {40, 5}, 2}}, 1},
	/* Nothing to tally: people on several axes, a refinement, plans, meetings. */
	{"共有党员干部60人，其中40岁以下22人、女性25人。", {{0, {0}, 0}}, 0},
	{"围绕市委巡察反馈的5个方面14个大类40项具体问题，制定113项整改工作措施。",
	 {{0, {0}, 0}}, 0},
	{"共有学员150人，完成培训120人、正在培训20人。", {{0, {0}, 0}}, 0},
	{"梳理问题清单30个，计划年底前完成12个。", {{0, {0}, 0}}, 0},
	{"相继召开6次局党组会议、1次专题民主生活会、3次协调会、3次业务会。", {{0, {0}, 0}}, 0},
	{"给予责令检查、批评教育、谈话提醒24人,建立完善制度45项,收回清退违规资金5.0227万元。",
	 {{0, {0}, 0}}, 0},
};


/* Builds the model of text and checks its tallies against c. */
static void
check_case(const struct tally_case *c)
{
	struct doc doc;
	const struct facts *f;
	size_t i, k;

	memset(&doc, 0, sizeof(doc));
	segment_build(&doc, "t.txt", c->text, strlen(c->text));
	facts_extract(&doc);
	f = doc.facts;
	if (f->ntallies != c->n)
		fail_msg("%s: %zu tallies, expected %zu", c->text, f->ntallies, c->n);
	for (i = 0; i < c->n; i++) {
		const struct tally_fact *t = &f->tallies[i];
		const struct want_tally *w = &c->t[i];

		if (w->total < 0)
			assert_int_equal(t->total, -1);
		else if (t->total < 0 || f->counts[t->total].value != w->total)
			fail_msg("%s: tally %zu has the wrong total", c->text, i);
		if (t->nparts != w->nparts)
			fail_msg("%s: tally %zu has %zu parts, expected %zu", c->text, i, t->nparts,
			    w->nparts);
		for (k = 0; k < w->nparts; k++)
			if (f->counts[f->tally_parts[t->part0 + k]].value != w->parts[k])
				fail_msg("%s: part %zu is %g, expected %g", c->text, k,
				    f->counts[f->tally_parts[t->part0 + k]].value, w->parts[k]);
	}
	doc_free(&doc);
}

static void
test_tallies(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		check_case(&cases[i]);
	}
}

/* The rates of text: kind, and for a share its part and whole values (0: none). */
struct want_rate {
	enum rate_kind kind;
	double num, den;
	bool tally;       /* completion: a tally was found */
};

struct rate_case {
	const char *text;
	struct want_rate r[3];
	size_t n;
};

static const struct rate_case rate_cases[] = {
	{"西区基层医疗卫生机构共有执业医师60人,其中中医类别医师16人,基层医疗卫生机构中医类别医师"
	 "占比达25%。", {{RATE_SHARE, 16, 60, false}}, 1},
	/* The part is chosen by the share's subject, not as the first count after 其中. */
	{"全镇共有村（社区）干部120人，其中35岁以下48人、大专以上学历54人，大专以上学历干部占比达"
	 "45%。", {{RATE_SHARE, 54, 120, false}}, 1},
	{"全系统共有在编职工80人，其中专业技术人员36人，占全体职工的45%。",
	 {{RATE_SHARE, 36, 80, false}}, 1},
	/* An age is no part: nothing to judge. */
	{"目前全县注册在村卫生室的村医758人，其中45岁以下占比仅25%。", {{RATE_SHARE, 0, 0, false}},
	 1},
	{"反馈问题25个，完成整改23个。整改完成率92%。", {{RATE_COMPLETION, 0, 0, true}}, 1},
	{"门诊量同比增长率达120%，监督覆盖率达100%，低于25%要求。",
	 {{RATE_GROWTH, 0, 0, false}, {RATE_OTHER, 0, 0, false}}, 2},
};

static void
test_rates(void **state)
{
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(rate_cases) / sizeof(rate_cases[0]); i++) {
		const struct rate_case *c = &rate_cases[i];
		struct doc doc;
		const struct facts *f;

		memset(&doc, 0, sizeof(doc));
		segment_build(&doc, "t.txt", c->text, strlen(c->text));
		facts_extract(&doc);
		f = doc.facts;
		if (f->nrates != c->n)
			fail_msg("%s: %zu rates, expected %zu", c->text, f->nrates, c->n);
		for (k = 0; k < c->n; k++) {
			const struct rate_fact *r = &f->rates[k];
			const struct want_rate *w = &c->r[k];

			assert_int_equal(r->kind, w->kind);
			assert_int_equal(r->tally >= 0, w->tally);
			if (w->num == 0) {
				assert_int_equal(r->num, -1);
				continue;
			}
			if (r->num < 0 || r->den < 0)
				fail_msg("%s: no part or whole", c->text);
			assert_true(f->counts[r->num].value == w->num);
			assert_true(f->counts[r->den].value == w->den);
		}
		doc_free(&doc);
	}
}

/* Enumerations: the count, how many items are listed, whether the list ends in 等. */
struct enum_case {
	const char *text;
	size_t n;             /* enumerations found */
	double value;
	size_t listed;
	bool open;
	bool loose;           /* items separated by ，/；, or headings counted back */
};

static const struct enum_case enum_cases[] = {
	{"同时延伸巡察市第三中学、市青溪中学、市文昌路小学、雁丘镇五里坡中心小学等4所学校。", 1, 4, 4,
	 true, false},
	{"对3名干部（张某、李某、王某、赵某）进行了提醒谈话。", 1, 3, 4, false, false},
	{"先后督导城关镇、河口镇、石桥镇4个乡镇。", 1, 4, 3, false, false},
	{"约谈了王磊、刘洋2名同志。", 1, 2, 2, false, false},
	/* The last item joined by 和/及/以及; a 和 inside a body's name is no join. */
	{"对张某、李某和王某3名干部进行了提醒谈话。", 1, 3, 3, false, false},
	{"督导城关镇、河口镇以及石桥镇4个乡镇。", 1, 4, 3, false, false},
	{"抽查城关中学、河口中学及石桥小学3所学校。", 1, 3, 3, false, false},
	{"对县财政局、县人力资源和社会保障局3家单位开展专项检查。", 1, 3, 2, false, false},
	{"约谈了市国资公司、市城投集团等2家企业负责人。", 1, 2, 2, true, false},
	/* Loose lists: ，/； between names ending in 某, or inside the parenthesis. */
	{"经研究，对张某，李某，王某4名干部进行诫勉谈话。", 1, 4, 3, false, true},
	{"涉及4家单位（县财政局；县审计局；县水利局）。", 1, 4, 3, false, true},
	/* Counted back over a numbered run in the paragraph, or the headings above it. */
	{"（1）完善制度；（2）加强培训；（3）开展检查。以上4项工作已全部完成。", 1, 4, 3, false,
	 false},
	{"制定措施：一是健全制度；二是加强督查；三是严格问责。对上述3项措施逐项销号。", 1, 3, 3,
	 false, false},
	{"1.关于制度执行不严的问题\n（1）修订议事规则。\n制定了会议规则。\n（2）建立台账。\n"
	 "（3）开展警示教育。\n以上4项整改措施已完成。", 1, 4, 3, false, true},
	/* Not enumerations: kinds before a total, times, villages of towns, one-character
	 * kinds, a note in parentheses, people without names, offices, a clause in a
	 * parenthesis, a qualifier 以上, 以上 with no numbered run. */
	{"给予责令检查、批评教育、谈话提醒24人。", 0, 0, 0, false, false},
	{"召开党组会、专题会、推进会5次。", 0, 0, 0, false, false},
	{"抽查城关镇、河口镇15个村。", 0, 0, 0, false, false},
	{"三级综合医院覆盖8个县（市、区）。", 0, 0, 0, false, false},
	{"新增2家企业（以下简称甲公司、乙公司）。", 0, 0, 0, false, false},
	{"组织科室负责人、业务骨干30名党员参加培训。", 0, 0, 0, false, false},
	{"安排办公室、财务科3名干部参加培训。", 0, 0, 0, false, false},
	{"涉及3名干部（已调离，另行处理）。", 0, 0, 0, false, false},
	{"对科级以上3名干部开展廉政谈话。", 0, 0, 0, false, false},
	{"垃圾分类厅 1 套，2300 元，以上 3 项共计 5800 元。", 0, 0, 0, false, false},
	{"（2）加强培训；（3）开展检查。以上4项工作已全部完成。", 0, 0, 0, false, false},
};

static void
test_enums(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(enum_cases) / sizeof(enum_cases[0]); i++) {
		const struct enum_case *c = &enum_cases[i];
		struct doc doc;
		const struct facts *f;

		memset(&doc, 0, sizeof(doc));
		segment_build(&doc, "t.txt", c->text, strlen(c->text));
		facts_extract(&doc);
		f = doc.facts;
		if (f->nenums != c->n)
			fail_msg("%s: %zu enumerations, expected %zu", c->text, f->nenums, c->n);
		if (c->n > 0) {
			assert_true(f->counts[f->enums[0].count].value == c->value);
			assert_int_equal(f->enums[0].listed, c->listed);
			assert_int_equal(f->enums[0].open, c->open);
			assert_int_equal(f->enums[0].loose, c->loose);
		}
		doc_free(&doc);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tallies),
		cmocka_unit_test(test_rates),
		cmocka_unit_test(test_enums),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
