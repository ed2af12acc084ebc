/* Unit tests: the check types status-presence and paragraph-end, the heading-end aspect of
 * numbering, and the pack items.yml — its own examples, must-flag and must-pass snippets in
 * the seeds' phrasing, and every hit the pack draws on the five seeds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint.h"
#include "segment.h"
#include "testutil.h"

static const struct lint_opts opts = {LANG_EN, 2026, 11, 23, NULL, NULL, NULL, NULL, false};

static const char *const packs[] = {"items.yml"};

static void
test_pack_examples(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	size_t failures;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_EN;
	failures = lint_check_examples(&rs, &opts, &errs);
	if (failures != 0)
		fail_msg("%s: %s", errs.v[0].id, errs.v[0].message);
	load_errors_free(&errs);
	ruleset_free(&rs);
}


#define HEAD2 "二、巡察反馈问题整改落实情况\n（一）关于落实主体责任不到位的问题。\n"

static const struct tu_snippet snippets[] = {
	/* STR-006: mixed presence is reported once, at the odd item. */
	{"STR-006", HEAD2
	 "1.关于“督促医疗机构开具死亡医学证明不到位”的整改进展情况：开展专项督查。\n"
	 "2.关于“医疗废物处置不规范”的问题。【已完成整改】\n整改进展情况：开展专项检查。\n"
	 "3.关于“药品采购不规范”的问题。【已完成整改】\n整改进展情况：规范采购流程。\n", 1, NULL},
	{"STR-006", HEAD2
	 "1.关于“医疗废物处置不规范”的问题。【已完成整改】\n整改进展情况：开展专项检查。\n"
	 "2.关于“药品采购不规范”的问题。【已完成整改】\n整改进展情况：规范采购流程。\n", 0, NULL},
	{"STR-006", HEAD2
	 "1.关于“医疗废物处置不规范”的问题。\n整改进展情况：开展专项检查。\n"
	 "2.关于“药品采购不规范”的问题。\n整改进展情况：规范采购流程。\n", 0, NULL},
	/* PUN-008: open prose paragraphs; headings and label lines pass. */
	{"PUN-008", "二、巡察反馈问题整改落实情况\n"
	 "整改落实情况:一是安排专人对接区委组织部学习党支部换届相关要求和流程,完成换届选举\n"
	 "三、下一步工作打算\n持续巩固整改成果。\n", 1, "举"},
	/* The same paragraph ending the text is the cut TXT-007 reports, not PUN-008's. */
	{"PUN-008", "二、巡察反馈问题整改落实情况\n"
	 "整改落实情况:一是安排专人对接区委组织部学习党支部换届相关要求和流程,完成换届选举\n", 0,
	 NULL},
	{"PUN-008", "二、巡察反馈问题整改落实情况\n"
	 "(三)持续健全长效机制,在深化标本兼治上再拓展坚持把解决具体问题与破解普遍性问题、"
	 "完善制度机制结合起来。聚焦权力运行的关键点,推动形成长效机制,实现巡、改、治有机统一\n"
	 "三、下一步工作打算\n持续巩固整改成果。\n", 1, "一"},
	{"PUN-008", "二、巡察反馈问题整改落实情况\n"
	 "(三)持续健全长效机制,在深化标本兼治上再拓展坚持把解决具体问题与破解普遍性问题、"
	 "完善制度机制结合起来。聚焦权力运行的关键点,实现巡、改、治有机统一。\n", 0, NULL},
	{"PUN-008", "二、巡察反馈问题整改落实情况\n(一) 加强组织领导\n1. 积极整改审计发现的问题\n"
	 "各责任单位按期完成整改。\n整改状态：已完成\n", 0, NULL},
	{"PUN-008", "二、巡察反馈问题整改落实情况\n"
	 "欢迎广大干部群众对县委巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
	 "0877-4011193；地址：峨山县双江街道练江北路33号；电子邮箱：eswji@126.com○\n", 0, NULL},
	/* STR-008: the minority end form of one level, once per marker style. */
	{"STR-008", "二、巡察反馈问题整改落实情况\n（一）关于落实党风廉政建设方面的整改情况\n"
	 "1. 认真落实党风廉政建设责任制。\n成立了领导小组。\n2. 规范资金管理。\n成立了领导小组。\n"
	 "（二）关于落实财务管理方面的整改情况\n1. 积极整改审计发现的问题\n成立了领导小组。\n"
	 "（三）关于落实巡察整改方面的整改情况。\n1. 加快支出进度。\n成立了领导小组。\n", 2,
	 "1."},
	{"STR-008", "二、巡察反馈问题整改落实情况\n（一）关于落实党风廉政建设方面的整改情况\n"
	 "1. 认真落实党风廉政建设责任制\n成立了领导小组。\n2. 规范资金管理\n成立了领导小组。\n"
	 "（二）加强组织领导。委党组成立巡察整改工作专班。\n", 0, NULL},
	/* GEN-001.1 and GEN-005.1. */
	{"GEN-001.1", "中共攀枝花市西区卫生健康局党组关于区委第三巡察组巡察反馈意见集中整改进展情况通报\n"
	 "区委第三巡察组于2025年3月24日至5月6日对区卫生健康局党组进行了巡察。\n", 1, "情况通报"},
	{"GEN-001.1", "中共平江县卫生健康局党组\n关于巡察整改进展情况的通报\n"
	 "根据县委统一部署，开展整改工作，形成情况通报。\n", 0, NULL},
	{"GEN-005.1", "岚县卫生健康和体育局党组关于十五届县委第四轮巡察整改进展情况的通报\n"
	 "根据县委统一部署，2023年3月下旬至7月下旬，县委第四巡察组对卫健局开展了常规巡察。\n", 1,
	 "2023年3月下旬至7月下旬"},
	{"GEN-005.1", "中共平江县卫生健康局党组关于巡察整改进展情况的通报\n"
	 "根据县委统一部署，2024年9月9日至11月29日，县委第一巡察组对县卫生健康局党组进行了常规巡察。\n",
	 0, NULL},
};

static void
test_snippets(void **state)
{
	struct ruleset rs;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	tu_run_snippets(&rs, &opts, snippets, sizeof(snippets) / sizeof(snippets[0]));
	ruleset_free(&rs);
}

/* The STR-006 message counts the items. */
static void
test_status_message(void **state)
{
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	tu_run_rule(&rs, &opts, "STR-006", "case.txt", snippets[0].text, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.v[0].message,
	    "status given for only 2 of 3 problem items; this item differs from the others");
	assert_int_equal(tu_line_of(snippets[0].text, out.v[0].span.start), 3);
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

struct seed_case {
	const char *file;
	const char *lines;   /* "RULE:line RULE:line …" of every hit, in order */
};

static const struct seed_case seeds[] = {
	{"seeds/000_2800b427cfbef2a5.txt", "STR-006:9"},
	{"seeds/001_b21dc3fc7ee4c764.txt", "GEN-005.1:7 STR-008:87 STR-008:107"},
	{"seeds/002_4720707dcb0128ec.txt", "STR-006:109"},
	{"seeds/003_eb93dc48287bd9ac.txt",
	 "GEN-001.1:3 PUN-008:21 PUN-008:27 PUN-008:83 PUN-008:87 PUN-008:107 PUN-008:113 "
	 "PUN-008:175 PUN-008:179 PUN-008:189 PUN-008:231 PUN-008:235"},
	{"seeds/004_6abf08291da1f359.txt", ""},
};

static void
check_seed(const struct ruleset *rs, const struct seed_case *sc)
{
	struct diag_list out;
	struct doc doc;
	char buf[1024];
	size_t i, k = 0;
	char *text = tu_lint_fixture(rs, &opts, sc->file, &doc, &out);

	buf[0] = '\0';
	for (i = 0; i < out.n && k < sizeof(buf); i++)
		k += (size_t)snprintf(buf + k, sizeof(buf) - k, "%s%s:%u", i > 0 ? " " : "",
		    out.v[i].rule, tu_line_of(text, out.v[i].span.start));
	if (strcmp(buf, sc->lines) != 0)
		fail_msg("%s: hits \"%s\", expected \"%s\"", sc->file, buf, sc->lines);
	diag_list_free(&out);
	doc_free(&doc);
	free(text);
}

static void
test_seeds(void **state)
{
	struct ruleset rs;
	size_t i;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++)
		check_seed(&rs, &seeds[i]);
	ruleset_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pack_examples),
		cmocka_unit_test(test_snippets),
		cmocka_unit_test(test_status_message),
		cmocka_unit_test(test_seeds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
