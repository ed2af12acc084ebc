/* Unit tests: the line classifier (every chrome form, and body lines that look like chrome)
 * and what the model makes of real page layouts: the title wherever it stands, a repeated
 * title, the intro below page residue, parts by role, and the cut of a truncated text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "seg.h"
#include "segment.h"

struct role_case {
	const char *line;
	enum line_role want;
};

static void
check_roles(const struct role_case *v, size_t n)
{
	size_t k;
	enum line_role got;

	for (k = 0; k < n; k++) {
		got = seg_line_role(v[k].line, strlen(v[k].line));
		if (got != v[k].want)
			fail_msg("\"%s\": role %d, expected %d", v[k].line, (int)got, (int)v[k].want);
	}
}

static void
test_chrome_forms(void **state)
{
	static const struct role_case v[] = {
		/* navigation and breadcrumbs */
		{"首页 > 巡视巡察 > 整改公开", ROLE_CHROME},
		{"首页>工作动态>巡察工作", ROLE_CHROME},
		{"当前位置：首页 >> 通知公告", ROLE_CHROME},
		{"您当前的位置 : 首页> 工作动态", ROLE_CHROME},
		{"您的位置：首页", ROLE_CHROME},
		{"首頁 > 媒體中心 > 行業新聞", ROLE_CHROME},
		{"今天是2025年3月2日 星期日", ROLE_CHROME},
		/* article metadata */
		{"发布时间：2025-03-02 09:14", ROLE_CHROME},
		{"发布时间:2025-02-26 16:48:14 浏览量:4454 字号:", ROLE_CHROME},
		{"来源：县水利局  作者：办公室", ROLE_CHROME},
		{"来源: 县人民法院", ROLE_CHROME},
		{"2024年05月06日 来源: 中共某县委 作者: 字体:", ROLE_CHROME},
		{"2025-08-07 11:00", ROLE_CHROME},
		{"2021-02-23 12:42:06来源:某市住房和城乡建设局", ROLE_CHROME},
		{"浏览次数：318", ROLE_CHROME},
		{"    浏览: 116", ROLE_CHROME},
		{"阅读：205", ROLE_CHROME},
		{"访问量:0", ROLE_CHROME},
		{"字号：大 中 小", ROLE_CHROME},
		{"【字体：大 中 小】 【打印本页】 【关闭窗口】", ROLE_CHROME},
		{"字体:", ROLE_CHROME},
		{"对比度:", ROLE_CHROME},
		{"保护视力色:", ROLE_CHROME},
		{"打印本页 关闭窗口", ROLE_CHROME},
		{"分享到：微信 微博", ROLE_CHROME},
		{"信息索引号：11510000MB1234567X/2025-00012", ROLE_CHROME},
		{"发布机构：县医疗保障局", ROLE_CHROME},
		{"生成日期：2025-03-02", ROLE_CHROME},
		{"主题分类：纪检监察", ROLE_CHROME},
		{"發(fā)布時間:2023-06-24", ROLE_CHROME},
		{"- 浏览次数:", ROLE_CHROME},
		{"- 信息来源:市水务局", ROLE_CHROME},
		/* footers, paging, e-paper */
		{"主办：某县人民政府办公室", ROLE_CHROME},
		{"承办：县信息中心  网站标识码：5104030003", ROLE_CHROME},
		{"蜀ICP备14026829号-1", ROLE_CHROME},
		{"川公网安备 51040302000006号", ROLE_CHROME},
		{"上一篇：关于开展防汛检查的通知", ROLE_CHROME},
		{"下一篇：没有了", ROLE_CHROME},
		{"第A11版:发布厅", ROLE_CHROME},
		{"第03版：要闻", ROLE_CHROME},
		{"某市人民政府门户网站 某市交通运输局 政务公告", ROLE_CHROME},
		/* the word index: pairs, a word at the very end, ASCII words */
		{"关于我们 | 联系我们 | 网站地图", ROLE_CHROME},
		{"联系我们　关于我们", ROLE_CHROME},
		{"欢迎您访问青川市住建局网站", ROLE_CHROME},
		{"Copyright © 2024 青川市人民政府", ROLE_CHROME},
		{"返回顶部 收藏本页", ROLE_CHROME},
	};

	(void)state;
	check_roles(v, sizeof(v) / sizeof(v[0]));
}

static void
test_body_lines_like_chrome(void **state)
{
	static const struct role_case v[] = {
		{"来源于群众反映的问题，已逐件核实办结。", ROLE_BODY},
		{"来源于群众反映的问题", ROLE_BODY},
		{"发布《防汛物资管理办法》，明确储备标准", ROLE_BODY},
		{"发布整改公告3期", ROLE_BODY},
		{"作者协会会员发展工作滞后", ROLE_BODY},
		{"时间紧、任务重，局党组倒排工期", ROLE_BODY},
		{"在单位网站首页开设整改专栏", ROLE_BODY},
		{"整改情况：已完成。", ROLE_BODY},
		{"完成时间：2025年6月", ROLE_BODY},
		{"第一时间召开党组会议", ROLE_BODY},
		{"浏览器兼容问题已修复", ROLE_BODY},
		{"今天是整改工作的起点", ROLE_BODY},
		/* one word of a chrome pair alone; a label word without its colon */
		{"关于我们单位的整改进展", ROLE_BODY},
		{"在局网站开设巡察整改专栏", ROLE_BODY},
		{"欢迎您提出宝贵意见", ROLE_BODY},
		{"信息来源核查不严", ROLE_BODY},
		{"上一年度整改任务", ROLE_BODY},
	};

	(void)state;
	check_roles(v, sizeof(v) / sizeof(v[0]));
}

static void
test_other_roles(void **state)
{
	static const struct role_case v[] = {
		{"中共某县水利局党组关于巡察整改进展情况的通报", ROLE_TITLE},
		{"关于县委第三巡察组反馈意见整改情况的报告", ROLE_TITLE},
		{"某县水利局党组巡察整改进展情况通报", ROLE_TITLE},
		{"关于巡察整改进展情况的通报2024-05-06", ROLE_TITLE},
		{"中共某县水利局党组", ROLE_ISSUER},
		{"(社会公开稿)", ROLE_EDITION},
		{"2025年3月2日", ROLE_DATE},
		{"联系电话：0813-1234567", ROLE_CONTACT},
		{"附件：巡察整改任务清单", ROLE_ATTACHMENT},
		{"关于开展巡察整改的工作会议已召开，会议通报了情况。", ROLE_BODY},
	};

	(void)state;
	check_roles(v, sizeof(v) / sizeof(v[0]));
	assert_int_equal(seg_title_end("关于巡察整改情况的通报 2024年5月6日",
	    strlen("关于巡察整改情况的通报 2024年5月6日")), strlen("关于巡察整改情况的通报"));
}

/* The model of text (built as a file x.txt). */
struct model {
	char *text;
	struct doc doc;
};

static void
build(struct model *m, const char *text)
{
	m->text = strdup(text);
	assert_non_null(m->text);
	memset(&m->doc, 0, sizeof(m->doc));
	segment_build(&m->doc, "x.txt", m->text, strlen(text));
}

static void
release(struct model *m)
{
	doc_free(&m->doc);
	free(m->text);
}

/* 1-based line of the intro paragraph, 0 without one. */
static size_t
intro_line(const struct doc *d)
{
	return d->intro >= 0 ? d->paragraphs[d->intro].line + 1 : 0;
}

static void
test_title_below_page_header(void **state)
{
	struct model m;

	(void)state;
	build(&m, "政务公开\n"
	    "首页 > 通知公告\n"
	    "中共某县水利局党组关于巡察整改进展情况的通报\n"
	    "发布时间：2025-03-02 来源：县水利局 浏览次数：318\n"
	    "\n"
	    "按照县委统一部署，2024年10月8日至11月22日，县委第三巡察组对县水利局党组开展了巡察。"
	    "2025年1月9日，巡察组反馈了巡察意见。\n"
	    "一、组织推进整改情况\n"
	    "局党组成立整改工作领导小组。\n");
	assert_true(m.doc.title.present);
	assert_int_equal(m.doc.title.first_line, 2);
	assert_int_equal(m.doc.lines[0].kind, LINE_BOILERPLATE);  /* column name above */
	assert_int_equal(m.doc.lines[3].kind, LINE_BOILERPLATE);
	assert_int_equal(intro_line(&m.doc), 6);
	assert_false(m.doc.title.repeated);
	release(&m);
}

static void
test_title_split_and_repeated(void **state)
{
	struct model m;

	(void)state;
	build(&m, "某县医疗保障局党组关于第十四届\n"
	    "县委机动巡察整改进展情况的通报\n"
	    "按照县委统一部署，2025年3月14日至4月20日，县委机动巡察组对县医疗保障局党组开展了巡察。\n");
	assert_true(m.doc.title.present);
	assert_int_equal(m.doc.title.first_line, 0);
	assert_int_equal(m.doc.title.last_line, 1);
	assert_int_equal(intro_line(&m.doc), 3);
	release(&m);

	build(&m, "中共某区教育局党组 关于市委巡察整改进展情况的通报\n"
	    "来源：区纪委监委 发布时间：2025-06-24\n"
	    "中共某区教育局党组\n"
	    "关于市委巡察整改进展情况的通报\n"
	    "按照市委统一部署，2024年9月27日至12月6日，市委第一巡察组对区教育局党组进行了巡察。\n");
	assert_int_equal(m.doc.title.first_line, 0);
	assert_true(m.doc.title.repeated);
	assert_int_equal(m.doc.title.repeat_first, 2);
	assert_int_equal(m.doc.title.repeat_last, 3);
	assert_int_equal(m.doc.lines[2].kind, LINE_TITLE_REPEAT);
	assert_int_equal(intro_line(&m.doc), 5);
	release(&m);
}

static void
test_no_title_residue_above_intro(void **state)
{
	struct model m;

	(void)state;
	build(&m, "二手设备报价在线询价中心,钢管批发价格每日更新\n"
	    "处罚百余人!某省卫健委通报巡视整改进展\n"
	    "按照省委巡视工作统一部署，2022年8月下旬至9月底，省委第五巡视组对省卫生健康委党组进行了巡视。"
	    "2022年11月9日，省委巡视组反馈了巡视意见。\n"
	    "一、巡视整改组织推进情况\n");
	assert_false(m.doc.title.present);
	assert_int_equal(m.doc.lines[0].kind, LINE_BOILERPLATE);
	assert_int_equal(m.doc.lines[1].kind, LINE_BOILERPLATE);
	assert_int_equal(intro_line(&m.doc), 3);
	release(&m);
}

static void
test_intro_in_overview_part(void **state)
{
	struct model m;

	(void)state;
	build(&m, "中共某县水利局党组关于巡察整改进展情况的通报\n"
	    "一、总体情况\n"
	    "按照县委统一部署，2024年10月8日至11月22日，县委第三巡察组对县水利局党组开展了巡察。\n"
	    "2025年1月9日，巡察组向局党组反馈了巡察意见。\n"
	    "二、巡察反馈问题整改落实情况\n");
	assert_int_equal(intro_line(&m.doc), 3);
	assert_int_equal(m.doc.intro_last, m.doc.intro + 1);
	release(&m);
}

/* Role of the part opened on 1-based line, PART_NONE if none starts there. */
static enum part_role
part_at(const struct doc *d, size_t line)
{
	size_t k;

	for (k = 0; k < d->nparts; k++)
		if (d->parts[k].first_line + 1 == line)
			return d->parts[k].role;
	return PART_NONE;
}

static void
test_parts_by_role(void **state)
{
	struct model m;

	(void)state;
	build(&m, "中共某区委关于巡察整改进展情况的通报\n"
	    "按照市委统一部署，2024年4月8日至6月6日，市委第二巡察组对区委进行了巡察。\n"
	    "一、区委及主要负责人组织落实整改情况\n"
	    "区委召开常委会会议专题研究整改工作。\n"
	    "二、关于“落实意识形态工作责任制有差距”问题的整改情况\n"
	    "区委常委会专题学习。\n"
	    "三、基层党组织建设薄弱\n"
	    "逐一制定整顿方案。\n"
	    "四、持续巩固深化整改成果\n"
	    "建立长效机制。\n");
	assert_int_equal(part_at(&m.doc, 3), PART_ORGANISING);
	assert_int_equal(part_at(&m.doc, 5), PART_PROBLEM);
	assert_int_equal(part_at(&m.doc, 7), PART_PROBLEM);
	assert_int_equal(part_at(&m.doc, 9), PART_FORWARD);
	release(&m);

	/* Two organising headings are not the per-problem part; 下步打算 and 扎实推进整改，
	 * 巩固提升成果 are forward parts; a forward word in the first part does not count. */
	build(&m, "关于巡察整改进展情况的通报\n"
	    "一、党组履行主体责任情况\n"
	    "二、党组书记落实第一责任人责任情况\n"
	    "三、下步打算\n"
	    "四、扎实推进整改，巩固提升成果\n");
	assert_int_equal(part_at(&m.doc, 2), PART_ORGANISING);
	assert_int_equal(part_at(&m.doc, 3), PART_ORGANISING);
	assert_int_equal(part_at(&m.doc, 4), PART_FORWARD);
	assert_int_equal(part_at(&m.doc, 5), PART_FORWARD);
	release(&m);
	build(&m, "关于巡察整改进展情况的通报\n"
	    "一、提升政治站位，巩固整改责任\n"
	    "二、整改落实情况\n");
	assert_int_equal(part_at(&m.doc, 2), PART_ORGANISING);
	assert_int_equal(part_at(&m.doc, 3), PART_PROBLEM);
	release(&m);

	/* An unheaded organising paragraph after the intro. */
	build(&m, "关于巡察整改情况的通报\n"
	    "按照市委统一部署，2022年7月15日至9月23日，市委第四巡察组对市民政局党组进行了巡察。\n"
	    "局党组把巡察整改当作重要政治任务，成立整改工作领导小组。\n"
	    "一、关于“落实上级决策部署有差距”问题的整改情况\n");
	assert_int_equal(part_at(&m.doc, 3), PART_ORGANISING);
	assert_int_equal(part_at(&m.doc, 4), PART_PROBLEM);
	release(&m);
}

static void
test_cut(void **state)
{
	struct model m;

	(void)state;
	build(&m, "一、组织推进整改情况\n局党组研究制定了《巡察反馈问题整改\n");
	assert_true(m.doc.cut.present);
	assert_int_equal(m.doc.cut.line, 1);
	release(&m);
	build(&m, "一、组织推进整改情况\n局党组成立领导小组。\n二、巡察反馈问题整改落实情况\n");
	assert_true(m.doc.cut.present);
	assert_int_equal(m.doc.cut.line, 2);
	release(&m);
	build(&m, "一、组织推进整改情况\n局党组成立领导小组。\n\n发布时间：2025-03-02\n");
	assert_false(m.doc.cut.present);  /* chrome after the end is not the text */
	release(&m);
	build(&m, "局党组成立领导小组。\n中共某县水利局党组\n2025年3月2日\n");
	assert_false(m.doc.cut.present);
	release(&m);
	build(&m, "1.防汛物资储备管理不规范。\n完成情况：已完成\n");
	assert_false(m.doc.cut.present);
	release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chrome_forms),
		cmocka_unit_test(test_body_lines_like_chrome),
		cmocka_unit_test(test_other_roles),
		cmocka_unit_test(test_title_below_page_header),
		cmocka_unit_test(test_title_split_and_repeated),
		cmocka_unit_test(test_no_title_residue_above_intro),
		cmocka_unit_test(test_intro_in_overview_part),
		cmocka_unit_test(test_parts_by_role),
		cmocka_unit_test(test_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
