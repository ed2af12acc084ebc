/* Unit tests: the fact-reading checks (date-valid, date-order, arithmetic, body-count)
 * through the rules of dates.yml and counts.yml: must-flag and must-pass tables in the
 * seeds' real phrasing, every hit of these rules on the five seeds, --today, and the
 * loader's errors for bad parameters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "encoding.h"
#include "factcheck.h"
#include "lint.h"
#include "segment.h"
#include "testutil.h"

static struct lint_opts opts = {LANG_ZH, 2026, 11, 23, NULL, NULL, NULL, NULL, false};

static int
setup(void **state)
{
	static const char *const packs[] = {"dates.yml", "counts.yml"};
	struct ruleset *rs = calloc(1, sizeof(*rs));

	if (rs == NULL)
		return -1;
	tu_load_packs(rs, packs, sizeof(packs) / sizeof(packs[0]));
	*state = rs;
	return 0;
}

static int
teardown(void **state)
{
	ruleset_free(*state);
	free(*state);
	return 0;
}

struct flag_case {
	const char *rule;
	const char *text;
	size_t hits;
	const char *needle;   /* must appear in the first message, or NULL */
};

/* Intro and signature lines shared by the timeline cases. */
#define INTRO_000 "关于巡察整改进展情况的通报\n\n根据县委统一部署，2025年3月12日至4月22日，" \
	"县委第十三轮专项巡察组对县卫生健康局党组进行了巡察。"
#define SIGN_000 "\n\n中共峨山县卫生健康局党组\n2025年12月26日\n"

static const struct flag_case cases[] = {
	/* DATE-001: 003's garbled dates; clean text and codes stay silent. */
	{"DATE-001", "区委第巡察组于2025324日至56对区卫生健康局党组进行了巡察。并于716日反馈。"
	 "做到逢会必学20257月以来,每月坚持召开学习。", 4, "2025年3月24日"},
	/* One strong token alone: the weak forms around it are not judged. */
	{"DATE-001", "区委第巡察组于2025324日至56对区卫生健康局党组进行了巡察。并于716日反馈。", 1,
	 "2025年3月24日"},
	{"DATE-001", "整改落实情况:202593日组织召开项目监管培训会议。2025717202599分别学习。"
	 "20257月以来,未发生程序倒置问题。", 3, "2025年9月3日"},
	{"DATE-001", "一是2024年4月17日开班；（平卫发〔2022〕7号）；0877-4011193；共排查了251家。",
	 0, NULL},
	/* DATE-002: 004 L130, L159. */
	{"DATE-002", "二是已制定办公室（意识形态）培训拟于26年1月上旬在党校举行。", 1, "2026"},
	{"DATE-002", "全县有18名非法行医对象近4年来被县卫生健康局处罚过3次以上。", 0, NULL},
	/* DATE-003: 000 L14, 001 L53, 004 L96, L122; 一字线 and phone numbers are fine. */
	{"DATE-003", "目前，2025年1月1日-11月30日县卫生健康局统计死亡人口1009人。", 1,
	 "2025年1月1日至11月30日"},
	{"DATE-003", "但卫体局2020年-2023年并未开展此项工作。", 1, "2020年至2023年"},
	{"DATE-003", "如某乡镇卫生院2022至2023年以获得集体先进的名义发放奖励。", 1, "2022年至2023年"},
	{"DATE-003", "除2022年—2023年内容具体外；较2021—2024 年大幅提升；电话 0833-2495761。", 0,
	 NULL},
	/* DATE-004: the timeline, with fuzzy dates judged only when certainly wrong. */
	{"DATE-004", INTRO_000 "2025年4月20日，县委巡察组向县卫生健康局党组反馈了巡察意见。"
	 SIGN_000, 1, "巡察反馈"},
	{"DATE-004", INTRO_000 "2025年5月30日，县委巡察组向县卫生健康局党组反馈了巡察意见。"
	 "\n\n截至2025年4月30日，巡察反馈的3个问题，已完成整改3个。" SIGN_000, 1, "整改统计截止日"},
	{"DATE-004", "关于巡察整改进展情况的通报\n\n根据县委统一部署，2023年3月下旬至7月下旬，"
	 "县委第四巡察组对卫健局开展了常规巡察。2023年7月下旬，县委巡察组向卫健局党组反馈了"
	 "巡察意见。\n\n岚县卫生健康和体育局党组\n2024年7月22日\n", 0, NULL},
	{"DATE-004", INTRO_000 "2025年5月30日，县委巡察组向县卫生健康局党组反馈了巡察意见。"
	 SIGN_000, 0, NULL},
	/* DATE-005: 004 L7. */
	{"DATE-005", "2025年1月24日，县委第一巡察组向县卫生健康局党组反馈了巡察情况。\n\n截至12月22日，"
	 "巡察反馈的62个具体问题，已完成整改3个。\n", 1, "2025年1月24日"},
	/* DATE-006: 001 L37, L81, 004 L16; a problem statement may cite the past. */
	{"DATE-006", "关于巡察整改进展情况的通报\n\n根据县委统一部署，2023年3月下旬至7月下旬，"
	 "县委第四巡察组对卫健局开展了常规巡察。\n\n1. 认真落实基本公共卫生主体责任。\n\n"
	 "2022年针对存在的问题，我局高度重视，立即整改。\n\n②根据实际情况《人员去向登记表》"
	 "此表已废止。从 2022 年 11 月 1 日起执行如下制度。\n", 2, "2023年3月下旬"},
	{"DATE-006", "关于巡察整改进展情况的通报\n\n根据县委统一部署，2024年9月9日至11月29日，"
	 "县委第一巡察组对县卫生健康局党组进行了常规巡察。\n\n（一）反馈问题：执行上级决策部署"
	 "方面\n1.医改推进有差距。\n问题①：过度诊疗。2021年至2023年全县有11家公立医院被处罚。\n"
	 "整改结果：阶段性完成。\n整改情况：一是2025年1月17日组织培训；二是2024年村卫生室"
	 "年度校验时全部返回。\n", 0, NULL},
	/* DATE-007: 002 L65, L103 vs 成文日期 2026-02-28; 001's 预计 2024 年 10 月 is ahead. */
	{"DATE-007", "关于巡察整改进展情况的通报\n\n二是开展大型医院巡查工作，2025 年底前完成 10 家"
	 "医院巡查。\n\n中共乐山市卫生健康委员会党组\n2026年2月28日\n", 1, "2026年2月28日"},
	{"DATE-007", "关于巡察整改进展情况的通报\n\n于 2023 年 8 月顺利开工，预计 2024 年 10 月建成"
	 "投用；剩余 18 家企业 2025 年底前完成申报。\n\n岚县卫生健康和体育局党组\n2024年7月22日\n",
	 0, NULL},
	{"DATE-007", "关于巡察整改进展情况的通报\n\n二是将2024年度考核结果反馈各卫生院。\n\n"
	 "中共乐山市卫生健康委员会党组\n2026年2月28日\n", 0, NULL},
	{"DATE-007", "关于巡察整改进展情况的通报\n\n收治中心主任将于2025年年底退出领导岗位。\n\n"
	 "中共乐山市卫生健康委员会党组\n2026年2月28日\n", 1, "2025年年底"},
	{"DATE-007", "关于巡察整改进展情况的通报\n\n如，20237月前未实行一车一档管理。\n\n"
	 "攀枝花市西区卫生健康局\n2025年12月12日\n", 0, NULL},
	/* DATE-008, DATE-009. */
	{"DATE-008", "该项目已于2025-12-12完成验收。", 1, "2025年12月12日"},
	{"DATE-009", "2025年2月29日召开党组会，2月30日组织学习。", 2, NULL},
	{"DATE-009", "2024年2月29日召开党组会，5月19日、23日召开推进会。", 0, NULL},
	/* NUM-005 (002 L121). */
	{"NUM-005", "督促指导对发现的医德医风问题进行快查快处，截至问题已全部整改到位。", 1, NULL},
	{"NUM-005", "截至目前，反馈问题 25 个；截至2025年底，占比达49.41%；截至巡察进驻时仍有借调；"
	 "截至20259月底，登记153人次。", 0, NULL},
	/* GEN-015: feedback to signature, or to the summary date without a signature. */
	{"GEN-015", INTRO_000 "2025年5月30日，县委巡察组向县卫生健康局党组反馈了巡察意见。"
	 SIGN_000, 1, "210"},
	{"GEN-015", "根据统一部署，2024年9月9日至11月29日，县委第一巡察组对县卫生健康局党组进行了"
	 "常规巡察。2025年1月24日，县委第一巡察组向县卫生健康局党组反馈了巡察情况。\n\n截至12月22日，"
	 "巡察反馈的62个具体问题，已完成整改3个。\n", 1, "332"},
	/* CNT-001: 方面 against the groups of items, when every item states its status. */
	{"CNT-001", "针对巡察反馈 3 方面的问题，制定整改方案。\n（一）反馈问题：执行上级决策部署方面\n"
	 "1.医改推进有差距。\n问题①：推进县域医改有差距。\n整改结果：完成。\n"
	 "2.中医药发展有差距。\n问题①：推动中医药事业发展有差距。\n整改结果：阶段性完成。\n", 1,
	 "实际列出 2 个"},
	{"CNT-001", "针对巡察反馈 2 方面的问题，制定整改方案。\n（一）反馈问题：执行上级决策部署方面\n"
	 "1.医改推进有差距。\n问题①：推进县域医改有差距。\n整改结果：完成。\n"
	 "2.中医药发展有差距。\n问题①：推动中医药事业发展有差距。\n整改结果：阶段性完成。\n", 0,
	 NULL},
	/* Items without their own status (001, 002): the body cannot be counted. */
	{"CNT-001", "针对巡察反馈 3 方面的问题，巡察反馈的9个问题已全部整改。\n"
	 "（一）反馈问题：执行上级决策部署方面\n1.医改推进有差距。\n问题①：推进县域医改有差距。\n"
	 "整改情况：已整改到位。\n2.中医药发展有差距。\n问题①：推动中医药事业发展有差距。\n"
	 "整改情况：已整改到位。\n", 0, NULL},
	/* CNT-003: the parts add up (004 L7), or not. */
	{"CNT-003", "截至12月22日，巡察反馈的62个具体问题，已完成整改3个，阶段性完成整改59个，"
	 "未完成整改0个；巡察移交的13件信访件，已办结13件。", 0, NULL},
	{"CNT-003", "巡察反馈35个具体问题，整改完成28个，阶段性完成7个。", 0, NULL},
	{"CNT-003", "巡察反馈35个具体问题，整改完成28个，阶段性完成8个。", 1, "36"},
	{"CNT-003", "截至目前，县委第四巡察组巡察卫健局反馈问题 25 个，完成整改 23 个，整改完成率 92%。"
	 "制定整改措施 25 项，完成整改 23 项，完成率 92%；健全完善制度 6 项。", 0, NULL},
	{"CNT-003", "针对巡察反馈 8 方面的问题，制定整改措施 30 条，明确 12 家责任单位，召开 2 次党组会。",
	 0, NULL},
	/* CNT-004: 003 L59 flags, L57 passes. */
	{"CNT-004", "截至20259月,西区基层医疗卫生机构共有执业医师60人,其中中医类别医师16人,"
	 "基层医疗卫生机构中医类别医师占比达25%,人才结构得到有效优化。", 1, "26.67"},
	{"CNT-004", "基层医疗卫生机构中执业医师56人,其中执业中医师8人,占同类机构医师比例14.29%,"
	 "低于25%要求。", 0, NULL},
	{"CNT-004", "员 570 人，其中：硕士研究生及以上 175 人，硕博人才占比提升至 3.76%。", 0, NULL},
	/* CNT-005: 001 L97; one earlier figure is no breakdown (003 L23). */
	{"CNT-005", "我局将车牌识别摄像头 1 台，1650 元，警王 G3 执法仪 1 台，1850 元，垃圾分类厅 1 套，"
	 "2300 元，以上 3 项共计 5800 元，已入固定资产。", 0, NULL},
	{"CNT-005", "警王 G3 执法仪 1 台，1850 元，垃圾分类厅 1 套，2300 元，以上 2 项合计 4000 元。", 1,
	 "4150"},
	{"CNT-005", "共指导检查16次,各党支部开展第一议题学习共计40次。", 0, NULL},
	/* CNT-006: 001 L141 against L27. */
	{"CNT-006", "截至目前，反馈问题 25 个，完成整改 23 个，整改完成率 92%。\n\n"
	 "对正在整改的2项任务，紧紧扭住不放。\n", 0, NULL},
	{"CNT-006", "截至目前，反馈问题 25 个，完成整改 22 个，整改完成率 88%。\n\n"
	 "对正在整改的2项任务，紧紧扭住不放。\n", 1, "3"},
	/* CNT-008: 004 L58. */
	{"CNT-008", "新办补办247个卫生许可证，大型公共场所办证率达100%以上，监督覆盖率达100%。", 1,
	 "100%以上"},
	{"CNT-008", "参培率、合格率均达到100%；达标率为100%；实现100%挂牌运行。", 0, NULL},
	/* CNT-010, CNT-011: completion rates. */
	{"CNT-010", "截至目前，反馈问题 25 个，完成整改 23 个，整改完成率 92%。", 0, NULL},
	{"CNT-010", "截至目前，反馈问题 25 个，完成整改 23 个，整改完成率 90%。", 1, "92"},
	{"CNT-010", "共移交问题线索 2 件，已查结 2 件，查结率 100%。", 0, NULL},
	{"CNT-011", "已完成整改20个、正在整改5个，整改完成率80%。", 0, NULL},
	{"CNT-011", "已完成整改20个、正在整改5个，整改完成率90%。", 1, "80"},
};

static void
test_flag_and_pass(void **state)
{
	const struct ruleset *rs = *state;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct diag_list out;
		struct doc doc;
		size_t j, hits = 0;

		tu_run_rule(rs, &opts, cases[i].rule, "t.txt", cases[i].text, &doc, &out);
		for (j = 0; j < out.n; j++)
			hits += strcmp(out.v[j].rule, cases[i].rule) == 0;
		if (hits != cases[i].hits)
			fail_msg("case %zu (%s): %zu hits, expected %zu%s%s", i, cases[i].rule, hits,
			    cases[i].hits, out.n ? ": " : "", out.n ? out.v[0].message : "");
		if (cases[i].needle != NULL && strstr(out.v[0].message, cases[i].needle) == NULL)
			fail_msg("case %zu (%s): '%s' lacks '%s'", i, cases[i].rule,
			    out.v[0].message, cases[i].needle);
		diag_list_free(&out);
		doc_free(&doc);
	}
}

/* Lines hit by one rule on one seed, 0-terminated. */
struct seed_case {
	const char *rule;
	const char *seed;
	unsigned lines[8];
	size_t count;         /* when lines is empty: the number of hits */
};

#define S000 "seeds/000_2800b427cfbef2a5.txt"
#define S001 "seeds/001_b21dc3fc7ee4c764.txt"
#define S002 "seeds/002_4720707dcb0128ec.txt"
#define S003 "seeds/003_eb93dc48287bd9ac.txt"
#define S004 "seeds/004_6abf08291da1f359.txt"

static const char *const seeds[] = {S000, S001, S002, S003, S004};

/* Every hit of every rule of the two packs on the seeds (domain.md C); a rule and seed
 * not listed must be silent. */
static const struct seed_case seed_cases[] = {
	{"DATE-001", S003, {0}, 94},
	{"DATE-002", S004, {130, 159, 0}, 0},
	{"DATE-003", S000, {14, 0}, 0},
	{"DATE-003", S001, {53, 0}, 0},
	{"DATE-003", S004, {96, 122, 0}, 0},
	{"DATE-005", S004, {7, 0}, 0},
	{"DATE-006", S001, {37, 81, 0}, 0},
	/* L163 "一是2022年1月24日，下发…" is dated before the inspection like L16 and L32. */
	{"DATE-006", S004, {16, 32, 163, 0}, 0},
	{"DATE-007", S002, {65, 103, 0}, 0},
	{"NUM-005", S002, {121, 0}, 0},
	{"GEN-015", S000, {23, 0}, 0},
	{"GEN-015", S001, {153, 0}, 0},
	{"GEN-015", S002, {161, 0}, 0},
	{"GEN-015", S003, {243, 0}, 0},
	{"GEN-015", S004, {7, 0}, 0},
	{"CNT-001", S004, {7, 0}, 0},
	{"CNT-002", S004, {7, 0}, 0},
	{"CNT-004", S003, {59, 0}, 0},
	{"CNT-008", S004, {58, 0}, 0},
};

/* The expected hits of rule on seed: lines (0-terminated) or a count. */
static const struct seed_case *
expected(const char *rule, const char *seed)
{
	size_t i;

	for (i = 0; i < sizeof(seed_cases) / sizeof(seed_cases[0]); i++)
		if (strcmp(seed_cases[i].rule, rule) == 0 && strcmp(seed_cases[i].seed, seed) == 0)
			return &seed_cases[i];
	return NULL;
}

static void
check_seed(const struct ruleset *rs, const struct rule *r, const char *seed)
{
	const struct seed_case *want = expected(r->id, seed);
	struct diag_list out;
	struct doc doc;
	size_t i, n = 0;
	char *text = tu_read_fixture(seed, NULL);

	tu_run_rule(rs, &opts, r->id, seed, text, &doc, &out);
	if (want != NULL && want->lines[0] == 0) {
		if (out.n != want->count)
			fail_msg("%s on %s: %zu hits, expected %zu", r->id, seed, out.n, want->count);
	} else {
		for (i = 0; i < out.n; i++) {
			unsigned line = tu_line_of(text, out.v[i].span.start);

			if (want == NULL || want->lines[n] != line)
				fail_msg("%s on %s: unexpected hit at line %u: %s", r->id, seed, line,
				    out.v[i].message);
			n++;
		}
		if (want != NULL && want->lines[n] != 0)
			fail_msg("%s on %s: no hit at line %u", r->id, seed, want->lines[n]);
	}
	diag_list_free(&out);
	doc_free(&doc);
	free(text);
}

static void
test_seed_hits(void **state)
{
	const struct ruleset *rs = *state;
	size_t i, s;

	for (i = 0; i < rs->n; i++)
		for (s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++)
			check_seed(rs, rs->v[i], seeds[s]);
}

/* The message and notes of the body-count findings on 004. */
static void
test_body_count_on_004(void **state)
{
	const struct ruleset *rs = *state;
	struct diag_list out;
	struct doc doc;
	size_t len;
	char *text = tu_read_fixture(S004, &len);

	memset(&doc, 0, sizeof(doc));
	diag_list_init(&out, LANG_ZH);
	lint_build_model(&doc, S004, text, len);
	lint_rule(ruleset_find(rs, "CNT-001"), &opts, &doc, &out);
	lint_rule(ruleset_find(rs, "CNT-002"), &opts, &doc, &out);
	diag_sort(&out);
	assert_int_equal(out.n, 2);
	assert_string_equal(out.v[0].message, "概述称“62个”，正文实际列出 61 个");
	assert_int_equal(out.v[0].nrelated, 2);
	assert_int_equal(tu_line_of(text, out.v[0].related[0].span.start), 12);
	assert_int_equal(tu_line_of(text, out.v[0].related[1].span.start), 216);
	assert_string_equal(out.v[1].message,
	    "概述称“59个”，正文中整改结果为“阶段性完成”的问题实际有 58 个");
	diag_list_free(&out);
	doc_free(&doc);
	free(text);
}

/* --today: a signature in the future is out of order. */
static void
test_today(void **state)
{
	const struct ruleset *rs = *state;
	struct diag_list out;
	struct doc doc;

	opts.today_y = 2025;
	opts.today_m = 12;
	opts.today_d = 1;
	tu_run_rule(rs, &opts, "DATE-004", "t.txt", INTRO_000 "2025年5月30日，县委巡察组向县卫生健康局党组反馈了巡察"
	    "意见。" SIGN_000, &doc, &out);
	opts.today_y = 2026;
	opts.today_m = 11;
	opts.today_d = 23;
	assert_int_equal(out.n, 1);
	assert_non_null(strstr(out.v[0].message, "今天（2025年12月1日）早于成文日期"));
	diag_list_free(&out);
	doc_free(&doc);
}

static const struct {
	const char *yaml;     /* the rule's own keys */
	const char *reason;   /* in the loader's message */
} bad_params[] = {
	{"check: date-valid\n    kind: nonsense\n", "kind"},
	{"check: date-valid\n    kind: needs-time\n", "pattern"},
	{"check: date-order\n    kind: order\n    order: \"start <= nowhere\"\n", "order"},
	{"check: date-order\n    kind: evidence\n    reference: signature\n", "cue"},
	{"check: arithmetic\n    roles:\n      - name: a\n    assert: \"a == b\"\n", "not a role"},
	{"check: arithmetic\n    roles:\n      - name: a\n    assert: \"a ==\"\n", "assert"},
	{"check: body-count\n    figures:\n      - count: status\n", "status"},
};

static void
test_bad_parameters(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_params) / sizeof(bad_params[0]); i++) {
		char yaml[1024];
		struct ruleset rs;
		struct load_errors errs;
		size_t k;
		bool found = false;

		snprintf(yaml, sizeof(yaml), "rules:\n  - id: T-1\n    level: error\n    scope: document\n"
		    "    message: {zh: 测试, en: test}\n    description: d\n    source: s\n"
		    "    examples: {flag: [], pass: []}\n    %s", bad_params[i].yaml);
		assert_int_equal(tu_load_inline_pack(&rs, &errs, yaml), -1);
		for (k = 0; k < errs.n; k++)
			found = found || strstr(errs.v[k].message, bad_params[i].reason) != NULL;
		if (!found)
			fail_msg("case %zu: no error mentions '%s' (first: %s)", i, bad_params[i].reason,
			    errs.n ? errs.v[0].message : "none");
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
}

/* fc_number, which prints counts in messages: integers plainly, fractions with at most two
 * decimals, and values too large for an integer type (a long run of digits in the text)
 * without converting them (found by fuzz_lint; fixtures/fuzz/lint-huge-number.bin). */
static void
test_number_text(void **state)
{
	char buf[80];

	(void)state;
	fc_number(62, buf, sizeof(buf));
	assert_string_equal(buf, "62");
	fc_number(-3, buf, sizeof(buf));
	assert_string_equal(buf, "-3");
	fc_number(2.5, buf, sizeof(buf));
	assert_string_equal(buf, "2.5");
	fc_number(1.0 / 3.0, buf, sizeof(buf));
	assert_string_equal(buf, "0.33");
	fc_number(2.2222e55, buf, sizeof(buf));
	assert_int_equal(strncmp(buf, "2222", 4), 0);
	assert_int_equal(strlen(buf), 56);
	fc_number(-1e300, buf, 16);
	assert_int_equal(strlen(buf), 15);
}

/* Inputs fuzz_lint once failed on (fixtures/fuzz/lint-*.bin), decoded as the harness does
 * and linted with the date and count packs; under the sanitizers of the test build any undefined
 * behaviour aborts. */
static void
test_fuzz_inputs(void **state)
{
	char dir[512], rel[1024], *raw;
	struct dirent *de;
	struct decoded dec;
	struct diag_list out;
	struct doc doc;
	size_t len, seen = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/fuzz", NL_FIXTURES_DIR);
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "lint-", 5) != 0)
			continue;
		snprintf(rel, sizeof(rel), "fuzz/%s", de->d_name);
		raw = tu_read_fixture(rel, &len);
		assert_int_equal(encoding_decode(&dec, (const unsigned char *)raw, len, NULL), 0);
		memset(&doc, 0, sizeof(doc));
		diag_list_init(&out, LANG_EN);
		lint_text(*state, &opts, rel, dec.text, dec.len, &doc, &out);
		assert_true(out.n > 0);
		diag_list_free(&out);
		doc_free(&doc);
		decoded_free(&dec);
		free(raw);
		seen++;
	}
	closedir(d);
	assert_true(seen >= 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flag_and_pass),
		cmocka_unit_test(test_seed_hits),
		cmocka_unit_test(test_body_count_on_004),
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_bad_parameters),
		cmocka_unit_test(test_number_text),
		cmocka_unit_test(test_fuzz_inputs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
