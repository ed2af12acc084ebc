/* Unit tests: the structure check types (sections, numbering, contact, signature, pairs,
 * punctuation-width, consistency) with their packs structure.yml, punctuation.yml and
 * terms.yml — the packs' own examples, must-flag and must-pass snippets in the seeds'
 * phrasing, and every hit the three packs draw on the five seeds. */
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

static const char *const packs[] = {"structure.yml", "punctuation.yml", "terms.yml"};

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


static const struct tu_snippet snippets[] = {
	/* PUN-001: one diagnostic per line, at the first mark. */
	{"PUN-001", "(社会公开稿)", 1, "("},
	{"PUN-001", "目前,吕梁市仅孝义市、汾阳市2家开展养老服务,是试点县,如:岚城镇;其中签约团队长(县级医生)不上门服务。",
	 1, ","},
	{"PUN-001", "会议于上午9:30召开，网址为 http://www.pzhxq.gov.cn/a,b 。", 0, NULL},
	{"PUN-001", "电子邮箱：xqwj@pzhxqwj.cn；联系电话：0812-3866910。", 0, NULL},
	{"PUN-001", "详见网站 http://www.pzhxq.gov.cn/a,b,c 以及附件(一),邮箱 a,b@pzh.cn ,请查收。", 1,
	 "("},
	/* PUN-002: paired marks. */
	{"PUN-002", "建立“日常监管+定期督查+随机抽查“的常态化监管机制。", 1, "“"},
	{"PUN-002", "3.“三项改革内生动力不足", 1, "“"},
	{"PUN-002", "沿用至今的《议事规则》(攀西卫计党委〔20177号),将审批事项纳入议事内容。", 1, "〔"},
	{"PUN-002", "积极推广分院开单、总院检查”“先诊疗后付费“65岁及以上老年人免挂号即诊等便民举措。", 2,
	 "”"},
	{"PUN-002", "印发《〈四川省人民代表大会常务委员会关于加快推进普惠托育服务体系建设的决定〉宣传贯彻工作方案》。",
	 0, NULL},
	{"PUN-002", "召开“平江县卫健系统‘以案为鉴、以案促改’警示教育大会”。", 0, NULL},
	{"PUN-002", "三是加快推进“一\n\n金三池”机制落地。", 0, NULL},
	{"PUN-002", "他说“好\xe2”，又说（\xef\xbc）。", 0, NULL},
	/* Marks among characters that share their first byte (、。，：) are still found, an
	 * ASCII one too; a line of such characters alone is quiet. */
	{"PUN-002", "一、二、三。经研究，决定：【专项整治、集中整改、常态长效。", 1, "【"},
	{"PUN-002", "资金到位率、执行率、结算率均已达标）。", 1, "）"},
	{"PUN-002", "资金到位率达到(95%，较上年提高。", 1, "("},
	{"PUN-002", "一、二、三。经研究，决定：专项整治、集中整改、常态长效；〔2025〕3号。", 0, NULL},
	{"PUN-002", "他说“好\xe2，又说\xe2\x80）。", 2, "“"},
	/* PUN-003, PUN-006, PUN-007, PUN-010: pattern rules of the pack. */
	{"PUN-003", "《考勤管理制度》、《“三公经费”管理制度》、《公车使用管理制度》。", 2, "》、"},
	{"PUN-003", "下发了《关于落实任务的通知》(岚医改办发【2023】1号)、《关于推进改革的通知》。", 0, NULL},
	{"PUN-006", "二是3月31日，开展《平江县卫健局规范执法程序工作推进会》，确定程序合规。", 1, NULL},
	{"PUN-007", "观看了警示教育片《歧路上的沉沦-2024岳阳反腐警示录》。", 1, "-"},
	{"PUN-007", "印发《乐山市卫生健康“十大行动”实施方案（2025—2027 年）》。", 0, NULL},
	{"PUN-010", "电子邮箱：eswji@126.com○", 1, "○"},
	{"PUN-010", "二○二五年十二月二十六日", 0, NULL},
	/* STR-004: 一是…二是… lists. */
	{"STR-004", "整改落实情况:一是2025826日至27举办了1期面向社会群众持证救护员培训,吸引50余名群众参与。", 1,
	 "一是"},
	{"STR-004", "整改落实情况:2025812日区疾病预防控制中心开展财务人员谈心谈话,加强业务学习二是召开财务人员管理培训会。",
	 1, "二是"},
	{"STR-004", "一是分别于7月25日党组会学习,提升能力二是医疗机构召开职工大会学习。三是加强管理。五是国庆、中秋期间开展检查。",
	 1, "五是"},
	{"STR-004", "整改情况：一是调整食堂管理人员；二是会议、培训用餐严格落实事前申报和事后审核制度。", 0, NULL},
	{"STR-004", "一是督促指导对发现的问题进行快查快处，截至\n\n问题已全部整改到位；二是开展回头看。", 0, NULL},
	{"STR-004", "其中之一是基层医疗机构人才短缺。", 0, NULL},
	/* STR-005. */
	{"STR-005", "一是对医疗美容诊所进行检查，现合规正常营业；②二是责令某村个体医师关停牙科诊疗活动。", 1,
	 "②"},
	/* STR-002: two levels mixed, each against its own first full-width marker. */
	{"STR-002", "一、整改情况\n(一) 加强组织领导\n（二）细化整改任务\n1.问题甲\n(1) 做了\n（2）做了\n"
	 "（3）又做了\n(4)还做了\n", 3, "(一)"},
	/* TERM-002. */
	{"TERM-002", "县委第四巡察组对卫健局开展了常规巡察。全面认领县委巡察四组的巡察反馈意见。根据县委巡察四组反馈的意见。",
	 1, "县委巡察四组"},
	{"TERM-002", "县委第四巡察组对卫健局开展了常规巡察，县委巡察三组对医保局开展了巡察。", 0, NULL},
	{"TERM-002", "县委巡察三组进驻医保局。县委第四巡察组对卫健局开展巡察。县委第三巡察组反馈意见。"
	 "县委巡察四组督导整改。县委第四巡察组回访。", 2, NULL},
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

/* The messages of rule id on text, joined by "|". */
static void
messages_of(const struct ruleset *rs, const char *id, const char *text, char *buf,
		size_t cap)
{
	struct diag_list out;
	struct doc doc;
	size_t i, k = 0;

	tu_run_rule(rs, &opts, id, "case.txt", text, &doc, &out);
	buf[0] = '\0';
	for (i = 0; i < out.n && k < cap; i++)
		k += (size_t)snprintf(buf + k, cap - k, "%s%s", i > 0 ? "|" : "", out.v[i].message);
	diag_list_free(&out);
	doc_free(&doc);
}

/* The numbering check says what is wrong, not only where. */
static void
test_numbering_messages(void **state)
{
	struct ruleset rs;
	char buf[2048];

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	messages_of(&rs, "STR-001",
	    "一、组织整改落实情况\n二、集中整改期内整改进展情况\n（一）反馈问题：执行上级决策部署方面\n"
	    "1.医疗设备采购不规范。\n2.卫生监督执法不规范。\n3.违规收费。\n"
	    "问题①：违规发放补贴。\n整改结果：阶段性完成。\n问题②：公务接待不规范。\n"
	    "整改结果：完成。\n财经纪律执行不严格。\n问题①：资产管理不善。\n"
	    "整改结果：阶段性完成。\n问题②：超范围列支工会经费。\n整改结果：阶段性完成。\n", buf,
	    sizeof(buf));
	assert_non_null(strstr(buf, "expected '4.'"));
	messages_of(&rs, "STR-001",
	    "一、组织整改落实情况\n二、集中整改期内整改进展情况\n（一）反馈问题：执行上级决策部署方面\n"
	    "1.落实中央重大决策部署有差距。\n2.基层服务质量不优。\n4.村级卫生室管理不够规范。\n", buf,
	    sizeof(buf));
	assert_string_equal(buf, "numbering error: '3.' is missing before '4.'");
	messages_of(&rs, "STR-001",
	    "一、组织整改落实情况\n二、集中整改期内整改进展情况\n（一）反馈问题：执行上级决策部署方面\n"
	    "1.医疗设备采购不规范。\n问题①：违规发放补贴。\n问题②：公务接待不规范。\n"
	    "财经纪律执行不严格，部分单位存在问题\n问题①：资产管理不善。\n", buf, sizeof(buf));
	assert_string_equal(buf, "numbering error: this line looks like a heading that lost its "
	    "number '2.' (the list below restarts at '问题①')");
	messages_of(&rs, "STR-001",
	    "一、组织整改落实情况\n二、集中整改期内整改进展情况\n（一）反馈问题\n"
	    "1.医疗设备采购不规范。\n问题①：违规发放补贴。\n问题②：公务接待不规范。\n"
	    "问题②：局机关食堂管理存在疏漏。\n", buf, sizeof(buf));
	assert_string_equal(buf, "numbering error: '问题②' repeats the previous number; expected "
	    "'问题③'");
	messages_of(&rs, "STR-003",
	    "一、组织整改落实情况\n二、不折不扣真抓实改\n1.学习贯彻不扎实\n2.推动发展有差距\n", buf,
	    sizeof(buf));
	assert_string_equal(buf, "heading levels: '1.' skips a level under '二、'");
	messages_of(&rs, "STR-004", "整改落实情况:一是全面梳理;2025年8月25日组织集中学习。", buf,
	    sizeof(buf));
	assert_string_equal(buf, "incomplete 一是/二是 enumeration: '一是' stands alone; no '二是' follows");
	ruleset_free(&rs);
}

#define PACK_HEAD "rules:\n  - id: T-1\n    check: %s\n    level: warning\n" \
	"    message: {zh: \"{detail}\", en: \"{detail}\"}\n    description: d\n" \
	"    source: s\n    scope: %s\n    examples: {flag: [\"x\"]}\n"

/* A pack whose one rule T-1 has check type check, scope and the parameter lines params. */
static int
load_one_rule(struct ruleset *rs, struct load_errors *errs, const char *check,
		const char *scope, const char *params)
{
	char yaml[2048];

	snprintf(yaml, sizeof(yaml), PACK_HEAD "%s", check, scope, params);
	return tu_load_inline_pack(rs, errs, yaml);
}

/* The supervision aspect of `contact`: the sentence must occur, with a channel. */
static void
test_contact_supervision(void **state)
{
	static const char head[] = "三、下步打算\n（一）健全长效机制。\n";
	static const char tail[] = "联系电话：0877-4011193。\n"
	    "中共峨山县卫生健康局党组\n2025年12月26日\n";
	struct load_errors errs;
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	char text[512];

	(void)state;
	if (load_one_rule(&rs, &errs, "contact", "document",
	    "    aspect: supervision\n    pattern: \"欢迎.{0,30}?监督\"\n") != 0)
		fail_msg("%s", errs.v[0].message);
	snprintf(text, sizeof(text), "%s%s%s", head, "欢迎广大干部群众对县委巡察整改落实情况进行监督。", tail);
	tu_run_rule(&rs, &opts, "T-1", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 0);
	diag_list_free(&out);
	doc_free(&doc);
	snprintf(text, sizeof(text), "%s%s", head, tail);
	tu_run_rule(&rs, &opts, "T-1", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(tu_line_of(text, out.v[0].span.start), 3);
	diag_list_free(&out);
	doc_free(&doc);
	load_errors_free(&errs);
	ruleset_free(&rs);
}

struct bad_params {
	const char *check, *params;
	const char *key;       /* the key the error names */
};

static const struct bad_params bad_params[] = {
	{"numbering", "    aspect: sequences\n", "aspect"},
	{"numbering", "    aspect: form\n", "pattern"},
	{"sections", "    parts:\n      - {name: x, in: body, pattern: x}\n", "in"},
	{"pairs", "    pairs:\n      - {open: \"\", close: \"”\"}\n", "open"},
	{"punctuation-width", "    marks: \"，\"\n", "marks"},
	{"contact", "    aspect: supervision\n", "pattern"},
	{"contact", "    aspect: field\n", "aspect"},
	{"signature", "    aspect: date-form\n", "date_pattern"},
	{"consistency", "    aspect: variants\n    forms: [\"(a)\"]\n", "forms"},
	{"consistency", "    aspect: term\n    term: x\n    applies: y\n    regions: [body]\n",
	 "regions"},
};

/* Parameters a check type cannot use fail the load at the key. */
static void
test_bad_params(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_params) / sizeof(bad_params[0]); i++) {
		if (load_one_rule(&rs, &errs, bad_params[i].check, "document",
		    bad_params[i].params) == 0)
			fail_msg("%s %s: loaded", bad_params[i].check, bad_params[i].params);
		if (strstr(errs.v[0].message, bad_params[i].key) == NULL)
			fail_msg("%s: error \"%s\" does not name %s", bad_params[i].check,
			    errs.v[0].message, bad_params[i].key);
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
}

/* Every hit of the three packs on one seed: rule id and the 1-based lines, in order. */
struct seed_hits {
	const char *rule;
	const char *lines;     /* "5,5,16"; counted hits of rules with many lines use count */
	size_t count;          /* when lines is NULL: the number of hits */
};

struct seed_case {
	const char *file;
	const struct seed_hits *hits;
	size_t n;
};

static const struct seed_hits seed000[] = {
	{"GEN-002", "1", 0}, {"GEN-003", "1", 0}, {"GEN-010", "20", 0}, {"PUN-002", "16", 0},
	{"PUN-003", "5,5", 0}, {"PUN-010", "20", 0}, {"STR-003", "9", 0},
};
static const struct seed_hits seed001[] = {
	{"GEN-010.1", "149", 0}, {"PUN-001", "5,19,53,57,61", 0},
	{"PUN-003", "75,75,75,75", 0}, {"STR-002", "13,17,41,77,85", 0}, {"TERM-001", "149", 0},
	{"TERM-002", "11", 0},
};
static const struct seed_hits seed002[] = {
	{"GEN-004", "5,5", 0}, {"GEN-011", "163", 0},
	{"STR-002", "11,39,45,55,61,105,113,117", 0},
};
static const struct seed_hits seed003[] = {
	{"FMT-001", "243", 0}, {"FMT-004", NULL, 38}, {"GEN-013", "241", 0},
	{"PUN-001", NULL, 97}, {"PUN-002", "51,55,55,71,81", 0},
	{"STR-001", "13,15", 0}, {"STR-003", "19", 0},
	{"STR-004", "27,31,73,107,115,157,167,213", 0},
	{"STR-007", "35,71,75,85,89,93,113,127,191,201", 0}, {"TERM-001.1", "227", 0},
};
static const struct seed_hits seed004[] = {
	{"GEN-003", "2", 0}, {"GEN-012", "223", 0}, {"GEN-014", "223", 0},
	{"PUN-006", "100", 0}, {"PUN-007", "120,124", 0},
	{"STR-001", "9,118,131", 0}, {"STR-003", "219", 0}, {"STR-005", "62", 0},
};

#define SEED(f, h) {f, h, sizeof(h) / sizeof(h[0])}
static const struct seed_case seeds[] = {
	SEED("seeds/000_2800b427cfbef2a5.txt", seed000),
	SEED("seeds/001_b21dc3fc7ee4c764.txt", seed001),
	SEED("seeds/002_4720707dcb0128ec.txt", seed002),
	SEED("seeds/003_eb93dc48287bd9ac.txt", seed003),
	SEED("seeds/004_6abf08291da1f359.txt", seed004),
};

/* The lines (or the count) of rule's hits in out, written like seed_hits.lines. */
static void
hit_lines(const struct diag_list *out, const char *text, const char *rule, char *buf,
		size_t cap, size_t *count)
{
	size_t i, k = 0;

	buf[0] = '\0';
	*count = 0;
	for (i = 0; i < out->n; i++) {
		if (strcmp(out->v[i].rule, rule) != 0)
			continue;
		if (k < cap)
			k += (size_t)snprintf(buf + k, cap - k, "%s%u", *count > 0 ? "," : "",
			    tu_line_of(text, out->v[i].span.start));
		(*count)++;
	}
}

/* True when some expected entry of sc names rule. */
static int
expected_rule(const struct seed_case *sc, const char *rule)
{
	size_t i;

	for (i = 0; i < sc->n; i++)
		if (strcmp(sc->hits[i].rule, rule) == 0)
			return 1;
	return 0;
}

static void
check_seed(const struct ruleset *rs, const struct seed_case *sc)
{
	struct diag_list out;
	struct doc doc;
	char buf[4096];
	size_t i, count;
	char *text = tu_lint_fixture(rs, &opts, sc->file, &doc, &out);

	for (i = 0; i < sc->n; i++) {
		hit_lines(&out, text, sc->hits[i].rule, buf, sizeof(buf), &count);
		if (sc->hits[i].lines != NULL && strcmp(buf, sc->hits[i].lines) != 0)
			fail_msg("%s %s: lines %s, expected %s", sc->file, sc->hits[i].rule, buf,
			    sc->hits[i].lines);
		if (sc->hits[i].lines == NULL && count != sc->hits[i].count)
			fail_msg("%s %s: %zu hits, expected %zu", sc->file, sc->hits[i].rule, count,
			    sc->hits[i].count);
	}
	for (i = 0; i < out.n; i++)
		if (!expected_rule(sc, out.v[i].rule))
			fail_msg("%s: unexpected %s at line %u: %s", sc->file, out.v[i].rule,
			    tu_line_of(text, out.v[i].span.start), out.v[i].message);
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

/* Number of related notes of d that say the text was cut. */
static size_t
cut_notes(const struct diag *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nrelated; i++)
		if (strstr(d->related[i].message, "truncated") != NULL)
			n++;
	return n;
}

/* STR-004: a 一是 the cut leaves alone says the cut may be why; one alone in a whole text,
 * or earlier in a cut text, does not. */
static void
test_enumeration_at_cut(void **state)
{
	static const char cut[] = "一、整改工作开展情况\n"
	    "（一）压实责任。局党组书记带头研究整改方案。\n"
	    "整改措施：一是成立专班，逐项";
	static const char whole[] = "一、整改工作开展情况\n"
	    "整改措施：一是成立专班，逐项明确责任人。\n"
	    "（一）压实责任。局党组书记带头研究整改方案。\n";
	static const char early[] = "一、整改工作开展情况\n"
	    "整改措施：一是成立专班，逐项明确责任人。\n"
	    "（一）压实责任。局党组书记带头研究整改";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	tu_run_rule(&rs, &opts, "STR-004", "case.txt", cut, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(cut_notes(&out.v[0]), 1);
	diag_list_free(&out);
	doc_free(&doc);
	tu_run_rule(&rs, &opts, "STR-004", "case.txt", whole, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(cut_notes(&out.v[0]), 0);
	diag_list_free(&out);
	doc_free(&doc);
	tu_run_rule(&rs, &opts, "STR-004", "case.txt", early, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(cut_notes(&out.v[0]), 0);
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

#define STR9_INTRO "按照区委统一部署，2024年4月8日至5月31日，区委第三巡察组对区市场监管局党组进行了巡察。" \
	"2024年7月12日，区委第三巡察组向区市场监管局党组反馈了巡察意见。现就巡察整改进展情况予以公布。\n"

/* STR-009 on fresh text: an organising section written out (二是 in a later paragraph of
 * it) without a heading above 一、 is reported; an overview paragraph is not, nor a part
 * whose first heading is the organising one. */
static void
test_unheaded_part(void **state)
{
	static const struct tu_snippet cases[] = {
		{"STR-009", STR9_INTRO "区市场监管局党组高度重视巡察整改，成立整改工作领导小组。\n"
		 "一是召开专题会议，逐条研究整改措施。二是建立整改台账，实行销号管理。\n"
		 "一、关于“食品安全监管存在薄弱环节”问题的整改情况\n整改情况：已完成。\n", 1,
		 "区市场监管局党组高度重视巡察整改，成立整改工作领导小组。"},
		{"STR-009", STR9_INTRO "区市场监管局党组高度重视巡察整改，成立整改工作领导小组，"
		 "制定整改方案。巡察反馈的3个方面15个问题已全部整改到位。\n"
		 "一、关于“食品安全监管存在薄弱环节”问题的整改情况\n整改情况：已完成。\n", 0, NULL},
		{"STR-009", STR9_INTRO "一、强化组织领导，压实整改责任\n"
		 "区市场监管局党组高度重视巡察整改，一是召开专题会议；二是建立整改台账。\n"
		 "二、关于“食品安全监管存在薄弱环节”问题的整改情况\n整改情况：已完成。\n", 0, NULL},
	};
	struct ruleset rs;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	tu_run_snippets(&rs, &opts, cases, sizeof(cases) / sizeof(cases[0]));
	ruleset_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pack_examples),
		cmocka_unit_test(test_snippets),
		cmocka_unit_test(test_numbering_messages),
		cmocka_unit_test(test_contact_supervision),
		cmocka_unit_test(test_bad_params),
		cmocka_unit_test(test_seeds),
		cmocka_unit_test(test_enumeration_at_cut),
		cmocka_unit_test(test_unheaded_part),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
