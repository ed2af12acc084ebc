/* Unit tests: the integrity checks (broken-sentence, repeated-word, duplicate), the
 * artifact and privacy checks and NUM-002, on the seeds' real phrasing: must-flag and
 * must-pass tables, every hit on the five seeds, and a 20,000-item duplicate run. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "limits.h"
#include "lint.h"
#include "segment.h"
#include "testutil.h"
#include "utf8.h"

static const struct lint_opts opts = {LANG_EN, 2026, 11, 23, NULL, NULL, NULL, NULL, false};

/* Loads this file's packs from the default rule directory; fails on any load error. */
static void
load_default(struct ruleset *rs)
{
	static const char *const packs[] = {"integrity.yml", "extraction.yml", "privacy.yml"};

	tu_load_packs(rs, packs, sizeof(packs) / sizeof(packs[0]));
}

static const struct rule *
find_rule(const struct ruleset *rs, const char *id)
{
	const struct rule *r = ruleset_find(rs, id);

	if (r == NULL)
		fail_msg("no rule %s", id);
	return r;
}

struct flag_case {
	const char *rule;
	const char *text;      /* real phrasing from the seeds */
	size_t hits;
	const char *match;     /* text of the first hit's span, or NULL */
};

static const struct flag_case cases[] = {
	/* TXT-001: 001 L19-21, 002 L11-13, 000 L5-6; real paragraph ends stay silent. */
	{"TXT-001", "根据县委巡察四组反馈的意见和要求，逐个明确整改责任领导、整\n\n改责任股室、责任单位。\n",
	 1, "整"},
	{"TXT-001", "（一）加强组织领导。委党组成立巡察整改工作专班。2025年9月26日，召开市\n\n"
	 "卫生健康委党组 2025 年度巡察整改专题民主生活会。\n", 1, "市"},
	{"TXT-001", "制定了整改方案。分管领导抓好分管领域\n殡葬整治具体工作推进与落实。\n", 1, "域"},
	{"TXT-001", "强化政治担当，坚持一抓到底不放，进一步压实责任，\n\n提升离退休党员的责任感。\n",
	 1, "，"},
	{"TXT-001", "1. 积极整改审计发现的问题\n\n根据山西省生态环境厅的意见，不需要做环境影响评价。\n",
	 0, NULL},
	{"TXT-001", "逐个明确整改责任领导。\n\n各责任单位按期完成整改。\n", 0, NULL},
	{"TXT-001", "整改落实情况:一是全面梳理…重要论述开展专题研讨交流\n\n3)主题教育开展不深入。\n",
	 0, NULL},
	/* TXT-002: 003 L23, 002 L85; reduplication stays silent. */
	{"TXT-002", "一是严格落实第一议题制度,区卫生健康局党组党组理论学习中心组学习共计40次。", 1,
	 "党组"},
	{"TXT-002", "严格执行《委机关公务车辆公务车辆和公务租车管理制度》。", 1, "公务车辆"},
	{"TXT-002", "对问题一项一项对账、一条一条销号，常常提醒，天天调度，层层压实，人人参与，"
	 "年年考核，事事有人管，处处有人抓，条条落实，件件销号，个个过关。", 0, NULL},
	{"TXT-002", "哈哈哈哈，研究研究再定。", 0, NULL},
	/* NUM-002: 003 L59, L153, L215, L31. */
	{"NUM-002", "并组织3西医医师参加西学中系统培训。", 1, "3"},
	{"NUM-002", "三是负责采购的2工作人员进行谈话提醒。", 1, "2"},
	{"NUM-002", "胡某某、黄某、李某、赵某某等名干部因违反中央八项规定精神受到处分。", 1, "等名"},
	{"NUM-002", "督导检查8四是33关键岗位人员进行测评。", 1, "33"},
	{"NUM-002", "并组织3名西医医师参加培训，局机关党支部收集2025党员民主评议资料。", 0, NULL},
	/* ART-002: 002 L9, L31. */
	{"ART-002", "### 一、落实巡察整改主体责任情况\n", 1, "###"},
	{"ART-002", "**整改情况：**一是召开全市“两个紧密型”建设工作推进会议2次。\n", 1, "**"},
	{"ART-002", "##### （1）推进“两个紧密型”建设滞后。<br/>\n", 2, "#####"},
	{"ART-002", "建立“日常监管+定期督查+随机抽查”机制，编号#3，a<b 且 c>d，A&B。\n", 0, NULL},
	/* ART-003: 004 L219, 000 L1, 003 L153; U+3000 between joint issuers is fine. */
	{"ART-003", "三、下一步整改工作安排\n1.\u00a0持续深化整改落实：定期组织“回头看”。\n", 1,
	 "\u00a0"},
	{"ART-003", " 关于巡察整改进展情况的通报\n\n根据县委统一部署，县委巡察组进行了巡察。\n", 1,
	 " "},
	{"ART-003", "二是组织学习《攀枝花市西区政府采购项目管理办法(试行)》\u00a0\u00a0《攀枝花市西区"
	 "政府集中采购目录实施方案(2024年版)》等规定。\n", 1, "\u00a0\u00a0"},
	{"ART-003", "一是召开\u200b\u200b推进会议，二是\x07印发方案，三是\ufffd完成。\n", 3,
	 "\u200b\u200b"},
	{"ART-003", "鍏充簬宸″療鏁存敼杩涘睍鎯呭喌\n", 1, "鍏充簬宸″療鏁存敼杩涘睍鎯呭喌"},
	{"ART-003", "整改结果锛氶樁娈垫\n", 1, "锛"},
	{"ART-003", "中共攀枝花市西区卫生健康局党组　中共攀枝花市西区红十字会党组\n"
	 "关于区委第三巡察组巡察反馈意见集中整改进展情况通报\n", 0, NULL},
	{"ART-003", "关于巡察整改进展情况的通报。党组书记何昌美同志坚决扛牢第一责任人责任。\n", 0,
	 NULL},
	/* ART-003 beyond the seeds: a raw invalid byte, a character outside the BMP before and
	 * inside mojibake, and mojibake ending a line. */
	{"ART-003", "一是召开\xe6推进会议。\n", 1, "\xe6"},
	{"ART-003", "\U00020000鍏充簬宸″療\n", 1, "鍏充簬宸″療"},
	{"ART-003", "鍏充簬\U00020000宸″療\n", 1, "鍏充簬"},
	{"ART-003", "关于整改的通报 abc 鍏充簬\n", 1, "鍏充簬"},
	{"ART-003", "鍏\U00020000充\n", 0, NULL},
	/* ART-003: CJK punctuation, quotes, dashes and the ideographic space are never odd,
	 * while a thin space, a word joiner and a narrow no-break space between Han are. */
	{"ART-003", "（二）严格落实“三重一大”制度——凡涉及大额资金，须经集体研究；　另行公示。\n", 0,
	 NULL},
	{"ART-003", "完善采购\u2009台账，健全\u2060制度，规范\u202f流程。\n", 3, "\u2009"},
	/* Mojibake and a mark found after a clean run of Han characters, and a clean run alone. */
	{"ART-003", "各单位认真落实整改要求，按期完成鍏充簬宸″療任务。\n", 1, "鍏充簬宸″療"},
	{"ART-003", "各单位认真落实整改要求按期完成任务整改结果锛氶樁娈垫\n", 1, "锛"},
	{"ART-003", "各单位认真落实整改要求按期完成任务。\n", 0, NULL},
	/* TXT-003.3: headings of one level under one parent, word for word; other levels and
	 * other parents stay silent (real-dev 022: 一、提高政治站位，… over （一）提高政治站位). */
	{"TXT-003.3", "一、整改工作开展情况\n（一）强化责任落实。成立工作专班。\n"
	 "（二）健全长效机制。修订制度5项。\n（三）强化责任落实。开展督查。\n", 1, "强化责任落实。"},
	{"TXT-003.3", "一、提高政治站位，增强政治担当\n（一）提高政治站位。组织专题学习。\n"
	 "二、下步打算\n（一）强化责任落实。持续跟踪问效。\n三、其他\n（一）强化责任落实。"
	 "定期调度。\n", 0, NULL},
	/* TXT-003.6: a heading that is only its parent's first clause (real-dev 022 L3/L5). */
	{"TXT-003.6", "一、压实整改责任，健全长效机制\n（一）压实整改责任。班子成员分工负责。\n"
	 "（二）健全长效机制。修订制度5项。\n", 1, "压实整改责任。"},
	{"TXT-003.6", "一、压实整改责任，健全长效机制\n（一）压实整改责任，细化任务清单。班子成员分工负责。\n",
	 0, NULL},
	/* TXT-003.4: a short statement pasted in place of another. */
	{"TXT-003.4", "二、整改进展情况\n1.作风建设不扎实。\n问题①：督查检查过多。基层迎检负担重。\n"
	 "整改结果：完成。\n问题②：督查检查过多。基层迎检负担重。\n整改结果：完成。\n", 1,
	 "督查检查过多。基层迎检负担重。"},
	{"TXT-003.4", "二、整改进展情况\n1.作风建设不扎实。\n问题①：督查检查过多。基层迎检负担重。\n"
	 "整改结果：完成。\n问题②：督查检查过多。考核结果运用不足。\n整改结果：完成。\n", 0, NULL},
	/* TXT-003.1: a clause written three times in a later statement counts once, so the two
	 * statements stay apart; the same statement copied with one word changed is found. */
	{"TXT-003.1", "二、整改进展情况\n1.财务管理不规范。\n问题①：本单位财务报销审批流程存在漏洞，"
	 "部分票据未经分管领导签字即予报销，涉及金额较大。\n整改结果：完成。\n问题②：部分票据未经分管领导"
	 "签字即予，部分票据未经分管领导签字即予，部分票据未经分管领导签字即予。同时，食堂采购台账登记不及时，"
	 "库存物资盘点制度长期没有落实到位，账实核对工作流于形式。\n整改结果：完成。\n", 0, NULL},
	{"TXT-003.1", "二、整改进展情况\n1.财务管理不规范。\n问题①：本单位财务报销审批流程存在漏洞，"
	 "部分票据未经分管领导签字即予报销，涉及金额较大。\n整改结果：完成。\n问题②：本单位财务报销审批"
	 "流程存在缺陷，部分票据未经分管领导签字即予报销，涉及金额较大。\n整改结果：完成。\n", 1, NULL},
	/* TXT-003.5: a 30-character clause carried into another item's measures; a formula of
	 * three items and a document title stay silent. */
	{"TXT-003.5", "二、整改进展情况\n1.资金管理不规范。\n问题①：专项资金拨付滞后。\n整改结果：完成。\n"
	 "整改情况：5月8日，财务股会同项目股逐笔清理2023年以来结转的专项资金并建立拨付台账，按月通报。\n"
	 "问题②：差旅费报销不规范。\n整改结果：完成。\n整改情况：修订差旅费管理细则，财务股会同项目股逐笔清理"
	 "2023年以来结转的专项资金并建立拨付台账，退回多报销费用。\n", 1, NULL},
	{"TXT-003.5", "二、整改进展情况\n1.资金管理不规范。\n问题①：专项资金拨付滞后。\n整改结果：完成。\n"
	 "整改情况：组织学习《青川县财政专项资金与项目资金拨付使用监督管理暂行办法》，按月通报。\n"
	 "问题②：差旅费报销不规范。\n整改结果：完成。\n整改情况：修订差旅费管理细则，落实《青川县财政专项"
	 "资金与项目资金拨付使用监督管理暂行办法》，退回多报销费用。\n", 0, NULL},
	/* TXT-006: 000 L12 and synthetic numbers (none of the seeds holds one). */
	{"TXT-006.1", "县殡仪馆长期冰存的2具尸体已处理（2025年4月30日火化无名尸，2025年9月19日"
	 "火化池桥秀）。", 1, "池桥秀"},
	{"TXT-006.1", "党组书记何昌美同志坚决扛牢第一责任人责任；①行政执法队职工王某未到岗；"
	 "针对袁某秋领取因私出国（境）证照后未及时归还的情况；火化遗体3具，火化后及时登记，"
	 "火化费用已结清。", 0, NULL},
	{"TXT-006.2", "当事人（身份证号110101199003071233）已退回违规所得。", 1,
	 "110101199003071233"},
	{"TXT-006.2", "患者身份证号码：51040219850612001x。", 1, "51040219850612001x"},
	{"TXT-006.2", "旧式证件号码110101900307123已注销。", 1, "110101900307123"},
	{"TXT-006.2", "当事人（110101199003071234）；统一社会信用代码：110101199003071233；"
	 "网站标识码:5104030003；日期20251212；110101901307123。", 0, NULL},
	/* Labelled as an ID number, a number of its length is one, check character or not. */
	{"TXT-006.2", "当事人（身份证号110101199003071234）已退回违规所得；身份证号码：11010119900307"
	 "1234567 另记。", 1, "110101199003071234"},
	{"TXT-006.3", "该诊所负责人（电话13812345678）、另一人（手机 139 1234 5678）已停止执业。", 2,
	 "13812345678"},
	{"TXT-006.3", "县120急救指挥中心；0812-5910065；账号113812345678；13812345678901。", 0,
	 NULL},
	{"TXT-006.4", "违规款项已退回至个人账户6222021234567890128，另一账户6222 0212 3456 "
	 "7890 128。", 2, "6222021234567890128"},
	{"TXT-006.4", "违规款项已退回至个人账户6222021234567890127。ICP备案编号:蜀ICP备14026829号"
	 "-1 川公网安备 51040302000006号。", 0, NULL},
};

static void
test_flag_and_pass(void **state)
{
	const struct flag_case *fc;
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	size_t i;
	char *got;

	(void)state;
	load_default(&rs);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fc = &cases[i];
		tu_run_rule(&rs, &opts, fc->rule, "case.txt", fc->text, &doc, &out);
		if (out.n != fc->hits)
			fail_msg("%s on \"%s\": %zu hits, want %zu%s%s", fc->rule, fc->text, out.n,
			    fc->hits, out.n ? ": " : "", out.n ? out.v[0].message : "");
		if (fc->match != NULL) {
			got = tu_span_text(fc->text, &out.v[0]);
			if (strcmp(got, fc->match) != 0)
				fail_msg("%s on \"%s\": span \"%s\", want \"%s\"", fc->rule, fc->text,
				    got, fc->match);
			free(got);
		}
		diag_list_free(&out);
		doc_free(&doc);
	}
	ruleset_free(&rs);
}

/* Messages name the data masked, never in full. */
static void
test_privacy_masks(void **state)
{
	static const struct {
		const char *rule, *text, *message;
	} m[] = {
		{"TXT-006.2", "身份证号110101199003071233。",
		 "a resident ID number ('110101********1233') is published; remove or mask it "
		 "before publication"},
		{"TXT-006.3", "电话13812345678。",
		 "a mobile phone number ('138****5678') is published outside the contact block"},
		{"TXT-006.4", "账户6222021234567890128。",
		 "a bank card number ('6222***********0128') is published; remove or mask it before "
		 "publication"},
		{"TXT-006.1", "2025年9月19日火化池桥秀）。",
		 "what looks like a private person's full name ('池**') is published; consider "
		 "anonymising it"},
	};
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	size_t i;

	(void)state;
	load_default(&rs);
	for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		tu_run_rule(&rs, &opts, m[i].rule, "case.txt", m[i].text, &doc, &out);
		assert_int_equal(out.n, 1);
		assert_string_equal(out.v[0].message, m[i].message);
		assert_int_equal(out.v[0].level, i < 3 ? LEVEL_ERROR : LEVEL_WARNING);
		diag_list_free(&out);
		doc_free(&doc);
	}
	ruleset_free(&rs);
}

/* A mobile number in the contact block is the official channel, not a leak. */
static void
test_privacy_contact_block(void **state)
{
	const char *text = "关于巡察整改进展情况的通报\n\n"
	    "一是约谈诊所负责人（电话13912345678）。\n"
	    "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
	    "联系电话：13812345678；电子邮箱：pjxwjj6699968@163.com。\n";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	char *got;

	(void)state;
	load_default(&rs);
	tu_run_rule(&rs, &opts, "TXT-006.3", "case.txt", text, &doc, &out);
	assert_true(doc.contact.present);
	assert_int_equal(out.n, 1);
	got = tu_span_text(text, &out.v[0]);
	assert_string_equal(got, "13912345678");
	free(got);
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

/* Markdown is expected in a .md notice. */
static void
test_markdown_quiet_for_md(void **state)
{
	const char *text = "## 二、巡察反馈问题整改落实情况\n\n**整改情况：**一是召开推进会议2次。\n";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	load_default(&rs);
	tu_run_rule(&rs, &opts, "ART-002", "notice.md", text, &doc, &out);
	assert_true(doc.markdown_input);
	assert_int_equal(out.n, 0);
	diag_list_free(&out);
	doc_free(&doc);
	tu_run_rule(&rs, &opts, "ART-002", "notice.txt", text, &doc, &out);
	assert_int_equal(out.n, 2);
	assert_string_equal(out.v[0].message, "a Markdown heading marker left in a plain-text "
	    "notice: '##'; remove it before publication");
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

/* Offset of the n-th (1-based) line of text. */
static size_t
line_offset(const char *text, unsigned n)
{
	const char *p = text;

	while (--n > 0) {
		p = strchr(p, '\n');
		assert_non_null(p);
		p++;
	}
	return (size_t)(p - text);
}

/* 004's 问题② with three characters of its copied description changed is still found. */
static void
test_duplicate_with_changes(void **state)
{
	size_t len, at, i;
	char *text = tu_read_fixture("seeds/004_6abf08291da1f359.txt", &len);
	const char *from[] = {"传达学习记录", "深入研讨", "议事规则。"};
	const char *to[] = {"传达学习纪录", "深入研究", "议事制度。"};
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	char *p;

	(void)state;
	at = line_offset(text, 150);
	for (i = 0; i < 3; i++) {
		p = strstr(text + at, from[i]);
		assert_non_null(p);
		assert_int_equal(strlen(from[i]), strlen(to[i]));
		memcpy(p, to[i], strlen(to[i]));
	}
	load_default(&rs);
	tu_run_rule(&rs, &opts, "TXT-003.1", "004.txt", text, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(tu_line_of(text, out.v[0].span.start), 150);
	assert_int_equal(out.v[0].nrelated, 1);
	assert_int_equal(tu_line_of(text, out.v[0].related[0].span.start), 147);
	assert_string_equal(out.v[0].related[0].message, "first occurrence here");
	assert_int_equal(out.v[0].level, LEVEL_ERROR);
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
	free(text);
}

/* Appends a random run of n Han characters to buf (LCG state *seed). */
static size_t
put_han(char *buf, size_t at, size_t n, uint32_t *seed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		at += utf8_encode(0x4E00 + (*seed >> 8) % 0x5000, buf + at);
	}
	return at;
}

/* A model with n items built by hand: statement line and one 整改情况 field each. */
struct big {
	char *text;
	struct item *items;
	struct field *fields;
	struct doc doc;
};

static const char formula[] = "严格落实整改责任，确保问题整改到位，切实巩固提升整改成效，持续推进"
    "各项工作落实落地见效";

static void
big_build(struct big *b, size_t n, size_t copy_from, size_t copy_to)
{
	size_t at = 0, i, k, s;
	uint32_t seed = 7;

	memset(b, 0, sizeof(*b));
	b->text = malloc(n * 720 + 1);
	b->items = calloc(n, sizeof(*b->items));
	b->fields = calloc(n, sizeof(*b->fields));
	assert_true(b->text && b->items && b->fields);
	for (i = 0; i < n; i++) {
		s = at;
		if (i == copy_to) {
			memcpy(b->text + at, b->text + b->items[copy_from].statement.start,
			    b->items[copy_from].statement.end - b->items[copy_from].statement.start);
			at += b->items[copy_from].statement.end - b->items[copy_from].statement.start;
			for (k = 0; k < 3; k++)
				utf8_encode(0x56FD, b->text + s + 60 + 45 * k);
		} else {
			at = put_han(b->text, at, 80, &seed);
		}
		b->items[i].statement.start = s;
		b->items[i].statement.end = at;
		b->text[at++] = '\n';
		b->fields[i].kind = FIELD_SITUATION;
		b->fields[i].item = (int)i;
		b->fields[i].value.start = at;
		memcpy(b->text + at, formula, sizeof(formula) - 1);
		at += sizeof(formula) - 1;
		memcpy(b->text + at, "；", 3);
		at = put_han(b->text, at + 3, 36, &seed);
		b->fields[i].value.end = at;
		b->text[at++] = '\n';
	}
	b->text[at] = '\0';
	b->doc.text = b->text;
	b->doc.len = at;
	b->doc.path = "big.txt";
	b->doc.items = b->items;
	b->doc.nitems = n;
	b->doc.fields = b->fields;
	b->doc.nfields = n;
	linemap_build(&b->doc.lines_map, b->text, at);
}

static void
big_free(struct big *b)
{
	linemap_free(&b->doc.lines_map);
	free(b->text);
	free(b->items);
	free(b->fields);
}

/* 20,000 items finish, the one copied statement is found, the formula shared by every
 * measure is not reported. */
static void
test_duplicate_scales(void **state)
{
	struct diag_list out;
	struct ruleset rs;
	struct big b;
	clock_t t0;

	(void)state;
	load_default(&rs);
	big_build(&b, 20000, 7, 19999);
	t0 = clock();
	diag_list_init(&out, LANG_EN);
	lint_rule(find_rule(&rs, "TXT-003.1"), &opts, &b.doc, &out);
	lint_rule(find_rule(&rs, "TXT-003.2"), &opts, &b.doc, &out);
	print_message("duplicate: 20000 items in %.2f s\n",
	    (double)(clock() - t0) / CLOCKS_PER_SEC);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.v[0].rule, "TXT-003.1");
	assert_int_equal(out.v[0].span.start, b.items[19999].statement.start);
	assert_int_equal(out.v[0].related[0].span.start, b.items[7].statement.start);
	assert_non_null(strstr(out.v[0].message, "on line 15 "));
	diag_list_free(&out);
	big_free(&b);
	ruleset_free(&rs);
}

/* 20,000 items with one shared formula in every measure: TXT-003.5 stays silent (a
 * formula, not a paste) and finishes in one pass. */
static void
test_pasted_scales(void **state)
{
	struct diag_list out;
	struct ruleset rs;
	struct big b;
	size_t i;

	(void)state;
	load_default(&rs);
	big_build(&b, 20000, 7, 19999);
	for (i = 0; i < b.doc.nitems; i++) {
		b.items[i].first_field = i;
		b.items[i].nfields = 1;
	}
	diag_list_init(&out, LANG_EN);
	lint_rule(find_rule(&rs, "TXT-003.5"), &opts, &b.doc, &out);
	assert_int_equal(out.n, 0);
	diag_list_free(&out);
	big_free(&b);
	ruleset_free(&rs);
}

/* TXT-003.5 reports the pasted passage itself and points at its first occurrence, which
 * sits in the sentence after a book title and runs to the end of its text; a third item
 * holding the passage makes it a formula. */
static void
test_pasted_spans(void **state)
{
	static const char *const head = "二、整改进展情况\n1.接待管理不规范。\n问题①：公务接待超标准。\n"
	    "整改结果：完成。\n整改情况：组织学习《关于严肃财经纪律的通知》后，办公室会同各业务股室"
	    "对近三年的公务接待台账逐项核对并形成问题清单\n问题②：接待审批不严格。\n整改结果：完成。\n"
	    "整改情况：修订接待管理办法，办公室会同各业务股室对近三年的公务接待台账逐项核对并形成问题"
	    "清单，追回超标准费用。\n";
	static const char *const third = "问题③：陪餐人数超标。\n整改结果：完成。\n整改情况："
	    "办公室会同各业务股室对近三年的公务接待台账逐项核对并形成问题清单，约谈相关人员。\n";
	static const char *const passage = "办公室会同各业务股室对近三年的公务接待台账逐项核对并形成问题清单";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	char *got, *text;
	size_t first;

	(void)state;
	load_default(&rs);
	tu_run_rule(&rs, &opts, "TXT-003.5", "case.txt", head, &doc, &out);
	assert_int_equal(out.n, 1);
	got = tu_span_text(head, &out.v[0]);
	assert_string_equal(got, passage);
	free(got);
	first = (size_t)(strstr(head, passage) - head);
	assert_true(out.v[0].span.start > first);
	assert_int_equal(out.v[0].nrelated, 1);
	assert_int_equal(out.v[0].related[0].span.start, first);
	assert_int_equal(out.v[0].related[0].span.end, first + strlen(passage));
	assert_non_null(strstr(out.v[0].message, "32 characters"));
	assert_non_null(strstr(out.v[0].message, "line 5"));
	diag_list_free(&out);
	doc_free(&doc);

	text = malloc(strlen(head) + strlen(third) + 1);
	assert_non_null(text);
	strcpy(text, head);
	strcat(text, third);
	tu_run_rule(&rs, &opts, "TXT-003.5", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 0);
	diag_list_free(&out);
	doc_free(&doc);
	free(text);
	ruleset_free(&rs);
}

/* A doubled word is found wherever it falls in a long line, and the hits of a long text
 * stop at the per-file limit in text order. */
static void
test_repeat_long_text(void **state)
{
	static const char *const filler = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
	size_t n = strlen(filler) / 3, o, k, at;
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	char *text = malloc(3 * 6000 * 5 + 64), *got;

	(void)state;
	load_default(&rs);
	for (o = 2000; o < 2100; o += 3) {
		at = 0;
		for (k = 0; k < o; k++, at += 3)
			memcpy(text + at, filler + 3 * (k % n), 3);
		strcpy(text + at, "公务车辆公务车辆甲乙丙丁戊己庚辛壬癸。\n");
		tu_run_rule(&rs, &opts, "TXT-002", "case.txt", text, &doc, &out);
		assert_int_equal(out.n, 1);
		assert_int_equal(out.v[0].span.start, at + 12);
		got = tu_span_text(text, &out.v[0]);
		assert_string_equal(got, "公务车辆");
		free(got);
		diag_list_free(&out);
		doc_free(&doc);
	}
	for (k = 0, at = 0; k < 6000; k++, at += 15)
		memcpy(text + at, "党组党组，", 15);
	strcpy(text + at, "\n");
	tu_run_rule(&rs, &opts, "TXT-002", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, NL_MAX_DIAGS_PER_FILE);
	assert_int_equal(out.v[out.n - 1].span.start, 15 * (NL_MAX_DIAGS_PER_FILE - 1) + 6);
	diag_list_free(&out);
	doc_free(&doc);
	free(text);
	ruleset_free(&rs);
}

/* Name triggers that overlap each count where they occur, the first listed where several
 * begin at one place. */
static void
test_privacy_triggers(void **state)
{
	static const struct {
		const char *triggers, *text;
		size_t hits;
	} c[] = {
		{"[火化, 化]", "已火化张三。", 2},
		{"[化, 火化]", "已火化张三。", 2},
		{"[火化, 火化张]", "已火化张三。", 1},
		{"[火化张, 火化]", "已火化张三。", 0},
		{"[火化]", "火化张三，火化李四。火化", 2},
	};
	const char *head = "rules:\n  - id: T-NAME\n    level: info\n"
	    "    message: {zh: x, en: x}\n    description: d\n    source: s\n"
	    "    examples: {flag: [x]}\n    check: privacy\n    detect: [name]\n"
	    "    surnames: 张李\n    triggers: ";
	char yaml[1024];
	struct load_errors errs;
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		snprintf(yaml, sizeof(yaml), "%s%s\n", head, c[i].triggers);
		assert_int_equal(tu_load_inline_pack(&rs, &errs, yaml), 0);
		tu_run_rule(&rs, &opts, "T-NAME", "case.txt", c[i].text, &doc, &out);
		if (out.n != c[i].hits)
			fail_msg("triggers %s on %s: %zu hits, want %zu", c[i].triggers, c[i].text,
			    out.n, c[i].hits);
		diag_list_free(&out);
		doc_free(&doc);
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
}

/* Parameters the check types refuse, each reported at its key. */
static void
test_bad_params(void **state)
{
	static const struct {
		const char *body, *key;
		unsigned line;
	} bad[] = {
		{"    check: duplicate\n    scope: paragraph\n", "T-BAD", 2},
		{"    check: duplicate\n    scope: field\n    fields: [situation, remark]\n",
		 "fields", 10},
		{"    check: duplicate\n    scope: item\n    ngram: 5\n    min_chars: 4\n",
		 "min_chars", 11},
		{"    check: artifact\n    detect: [markdown, web]\n", "detect", 9},
		{"    check: privacy\n    detect: [name]\n", "T-BAD", 2},
		{"    check: repeated-word\n    min_unit: 4\n    max_unit: 3\n", "max_unit", 10},
	};
	const char *head = "rules:\n  - id: T-BAD\n    level: info\n"
	    "    message: {zh: x, en: x}\n    description: d\n    source: s\n"
	    "    examples: {flag: [x]}\n";
	char yaml[1024];
	struct load_errors errs;
	struct ruleset rs;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(yaml, sizeof(yaml), "%s%s", head, bad[i].body);
		assert_int_equal(tu_load_inline_pack(&rs, &errs, yaml), -1);
		assert_int_equal(rs.n, 0);
		assert_true(errs.n >= 1);
		assert_string_equal(errs.v[0].id, "rule-bad-value");
		if (strstr(errs.v[0].message, bad[i].key) == NULL)
			fail_msg("case %zu: %s", i, errs.v[0].message);
		assert_int_equal(errs.v[0].line, bad[i].line);
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
}

/* Rules of this file's packs. */
static int
own_rule(const char *id)
{
	return strcmp(id, "TXT-001") == 0 || strcmp(id, "TXT-002") == 0 ||
	    strncmp(id, "TXT-003.", 8) == 0 || strncmp(id, "TXT-006.", 8) == 0 ||
	    strcmp(id, "NUM-002") == 0 || strcmp(id, "ART-002") == 0 ||
	    strcmp(id, "ART-003") == 0;
}

/* Every defect of domain.md section C these rules cover, and nothing more. */
static const struct tu_seed_hit seed_hits[] = {
	{"000", 1, "ART-003", 1, 0},
	{"000", 5, "TXT-001", 1, 6},
	{"000", 12, "TXT-006.1", 1, 0},
	{"001", 19, "TXT-001", 1, 21},
	{"001", 35, "TXT-001", 1, 37},
	{"001", 43, "TXT-001", 1, 45},
	{"001", 61, "TXT-001", 1, 63},
	{"001", 73, "TXT-001", 1, 75},
	{"001", 111, "TXT-001", 1, 113},
	{"001", 121, "TXT-001", 1, 123},
	{"001", 141, "TXT-001", 1, 143},
	{"002", 3, "ART-002", 1, 0}, {"002", 5, "ART-002", 1, 0},
	{"002", 9, "ART-002", 1, 0}, {"002", 11, "TXT-001", 1, 13},
	{"002", 19, "TXT-001", 1, 21}, {"002", 23, "ART-002", 1, 0},
	{"002", 25, "ART-002", 1, 0}, {"002", 27, "ART-002", 1, 0},
	{"002", 29, "ART-002", 1, 0}, {"002", 31, "ART-002", 1, 0},
	{"002", 31, "TXT-001", 1, 33}, {"002", 35, "ART-002", 1, 0},
	{"002", 37, "ART-002", 1, 0}, {"002", 41, "ART-002", 1, 0},
	{"002", 43, "ART-002", 1, 0}, {"002", 47, "ART-002", 1, 0},
	{"002", 47, "TXT-001", 1, 49}, {"002", 53, "ART-002", 1, 0},
	{"002", 57, "ART-002", 1, 0}, {"002", 59, "ART-002", 1, 0},
	{"002", 63, "ART-002", 1, 0}, {"002", 63, "TXT-001", 1, 65},
	{"002", 69, "ART-002", 1, 0}, {"002", 73, "ART-002", 1, 0},
	{"002", 75, "ART-002", 1, 0}, {"002", 77, "ART-002", 1, 0},
	{"002", 81, "ART-002", 1, 0}, {"002", 85, "ART-002", 1, 0},
	{"002", 85, "TXT-002", 1, 0}, {"002", 89, "ART-002", 1, 0},
	{"002", 91, "ART-002", 1, 0}, {"002", 95, "ART-002", 1, 0},
	{"002", 95, "TXT-001", 1, 97}, {"002", 101, "ART-002", 1, 0},
	{"002", 101, "TXT-001", 1, 103}, {"002", 107, "ART-002", 1, 0},
	{"002", 109, "ART-002", 1, 0}, {"002", 111, "ART-002", 1, 0},
	{"002", 115, "ART-002", 1, 0}, {"002", 119, "ART-002", 1, 0},
	{"002", 119, "TXT-001", 1, 121}, {"002", 125, "ART-002", 1, 0},
	{"002", 127, "ART-002", 1, 0}, {"002", 129, "ART-002", 1, 0},
	{"002", 133, "ART-002", 1, 0}, {"002", 137, "ART-002", 1, 0},
	{"002", 137, "TXT-001", 1, 139}, {"002", 141, "ART-002", 1, 0},
	{"002", 143, "ART-002", 1, 0}, {"002", 147, "ART-002", 1, 0},
	{"002", 149, "ART-002", 1, 0}, {"002", 153, "TXT-001", 1, 155},
	{"003", 23, "TXT-002", 1, 0},
	{"003", 31, "NUM-002", 1, 0},
	{"003", 59, "NUM-002", 1, 0},
	{"003", 101, "TXT-001", 1, 103},
	{"003", 153, "ART-003", 1, 0},
	{"003", 153, "NUM-002", 1, 0},
	{"003", 215, "NUM-002", 1, 0},
	{"003", 223, "ART-003", 1, 0},
	{"004", 96, "TXT-003.2", 1, 93},
	{"004", 124, "TXT-003.2", 1, 120},
	{"004", 150, "TXT-003.1", 1, 147},
	{"004", 219, "ART-003", 1, 0},
	{"004", 220, "ART-003", 1, 0},
	{"004", 221, "ART-003", 1, 0},
	{"004", 222, "ART-003", 1, 0},
};

static void
test_seeds_exact_hits(void **state)
{
	struct ruleset rs;

	(void)state;
	load_default(&rs);
	tu_check_seed_hits(&rs, &opts, own_rule, seed_hits, sizeof(seed_hits) / sizeof(seed_hits[0]));
	ruleset_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flag_and_pass),
		cmocka_unit_test(test_privacy_masks),
		cmocka_unit_test(test_privacy_contact_block),
		cmocka_unit_test(test_markdown_quiet_for_md),
		cmocka_unit_test(test_duplicate_with_changes),
		cmocka_unit_test(test_duplicate_scales),
		cmocka_unit_test(test_pasted_scales),
		cmocka_unit_test(test_pasted_spans),
		cmocka_unit_test(test_repeat_long_text),
		cmocka_unit_test(test_privacy_triggers),
		cmocka_unit_test(test_bad_params),
		cmocka_unit_test(test_seeds_exact_hits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
