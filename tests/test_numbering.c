/* Unit tests: heading markers (style, level, ordinal, flags, length) and Chinese numerals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "numbering.h"

struct marker_case {
	const char *line;
	enum marker_style style;
	int level;
	int ordinal;
	unsigned flags;
	const char *token;  /* the marker as written */
	const char *rest;   /* what follows the marker and its spaces */
};

static const struct marker_case markers[] = {
	{"一、党组履行巡察整改主体责任情况", MARK_CN_DUN, 1, 1, 0, "一、", "党组"},
	{"三、下步打算", MARK_CN_DUN, 1, 3, 0, "三、", "下步"},
	{"十二．其他", MARK_CN_DUN, 1, 12, 0, "十二．", "其他"},
	{"二.巡察整改情况", MARK_CN_DUN, 1, 2, 0, "二.", "巡察"},
	{"（一）关于“责任压得不实", MARK_CN_PAREN, 2, 1, 0, "（一）", "关于"},
	{"(一) 加强组织领导", MARK_CN_PAREN, 2, 1, HEAD_HALFWIDTH, "(一)", "加强"},
	{"（二十一）补充", MARK_CN_PAREN, 2, 21, 0, "（二十一）", "补充"},
	{"（一）、组织领导", MARK_CN_PAREN, 2, 1, 0, "（一）、", "组织"},
	{"(三）混合括号", MARK_CN_PAREN, 2, 3, HEAD_HALFWIDTH, "(三）", "混合"},
	{")主要负责人责任落实方面。", MARK_CN_PAREN, 2, 0, HEAD_BROKEN | HEAD_HALFWIDTH, ")",
	    "主要"},
	{"）监督检查方面。", MARK_CN_PAREN, 2, 0, HEAD_BROKEN, "）", "监督"},
	{"1.关于“县卫生健康局", MARK_AR_DOT, 3, 1, 0, "1.", "关于"},
	{"1. 认真落实基本公共卫生主体责任。", MARK_AR_DOT, 3, 1, 0, "1.", "认真"},
	{"1.\xc2\xa0持续深化整改落实：", MARK_AR_DOT, 3, 1, 0, "1.", "持续"},
	{"14.巡察反馈问题整改不到位", MARK_AR_DOT, 3, 14, 0, "14.", "巡察"},
	{"3、落实", MARK_AR_DOT, 3, 3, 0, "3、", "落实"},
	{"2．统筹", MARK_AR_DOT, 3, 2, 0, "2．", "统筹"},
	{"3.“三项改革内生动力不足", MARK_AR_DOT, 3, 3, 0, "3.", "“三项"},
	{"（1）推进“两个紧密型”建设滞后。", MARK_AR_PAREN, 4, 1, 0, "（1）", "推进"},
	{"(15) 以案促改成效不明显。", MARK_AR_PAREN, 4, 15, HEAD_HALFWIDTH, "(15)", "以案"},
	{"1)落实第一议题制度不严。", MARK_AR_PAREN, 4, 1, HEAD_HALFWIDTH, "1)", "落实"},
	{"2）疾病防控", MARK_AR_PAREN, 4, 2, 0, "2）", "疾病"},
	{"2三救能力不强。", MARK_AR_PAREN, 4, 2, HEAD_FUSED, "2", "三救"},
	{"1基本公共卫生服务质量不高。", MARK_AR_PAREN, 4, 1, HEAD_FUSED, "1", "基本"},
	{"①行政执法队职工王某", MARK_CIRCLED, 5, 1, 0, "①", "行政"},
	{"⑳、末项", MARK_CIRCLED, 5, 20, 0, "⑳、", "末项"},
	{"问题①：推进县域医改有差距。", MARK_PROBLEM, 5, 1, 0, "问题①：", "推进"},
	{"问题⑤：卫生监督有空白。", MARK_PROBLEM, 5, 5, 0, "问题⑤：", "卫生"},
	{"问题：部分二级机构违规收取相关费用。", MARK_PROBLEM, 5, 0, HEAD_NO_ORDINAL, "问题：",
	    "部分"},
	{"问题2：编号", MARK_PROBLEM, 5, 2, 0, "问题2：", "编号"},
	{"（一）", MARK_CN_PAREN, 2, 1, 0, "（一）", ""},
};

/* Lines that start with numbers or brackets but carry no heading marker. */
static const char *const not_markers[] = {
	"2025年12月26日",
	"2025年9月26日，召开市",
	"25 个问题",
	"0877-4011193；地址",
	"3.84人",
	"1.78 亿元",
	"12月22日",
	"10家乡镇卫生院",
	"120急救指挥中心",
	"20251212",
	"2025324日至56",
	"(社会公开稿)",
	"（包括为隔离人员进行核酸采样）",
	"问题整改到位",
	"一是严格落实第一议题制度",
	"十三轮专项巡察",
	"（2024年）",
	"(0)零",
	"0.65万元",
	"5·8人道公益日",
	")",
	"",
	"整改结果：完成。",
	"01.前导零",
};

static void
test_markers(void **state)
{
	struct marker m;
	size_t k, len;
	const struct marker_case *c;

	(void)state;
	for (k = 0; k < sizeof(markers) / sizeof(markers[0]); k++) {
		c = &markers[k];
		len = strlen(c->line);
		if (!numbering_parse(c->line, len, &m))
			fail_msg("no marker in \"%s\"", c->line);
		assert_int_equal(m.style, c->style);
		assert_int_equal(m.level, c->level);
		assert_int_equal(m.ordinal, c->ordinal);
		assert_int_equal(m.flags, c->flags);
		assert_int_equal(m.token_len, strlen(c->token));
		assert_memory_equal(c->line, c->token, m.token_len);
		assert_true(m.len <= len);
		assert_true(strncmp(c->line + m.len, c->rest, strlen(c->rest)) == 0);
	}
}

static void
test_not_markers(void **state)
{
	struct marker m;
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(not_markers) / sizeof(not_markers[0]); k++)
		if (numbering_parse(not_markers[k], strlen(not_markers[k]), &m))
			fail_msg("\"%s\" parsed as a marker of style %d", not_markers[k], m.style);
}

static void
test_truncated_input(void **state)
{
	struct marker m;
	const char *s = "（一）";

	(void)state;
	/* A marker cut in the middle of a code point or before its closing bracket. */
	assert_int_equal(numbering_parse(s, 4, &m), 0);
	assert_int_equal(numbering_parse(s, 6, &m), 0);
	assert_int_equal(numbering_parse("\xe2\x91", 2, &m), 0);
	assert_int_equal(numbering_parse("\xff\xfe", 2, &m), 0);
	assert_int_equal(numbering_parse("问题", strlen("问题"), &m), 0);
}

static void
test_cn_value(void **state)
{
	static const struct {
		const char *s;
		int v;
	} cases[] = {
		{"一", 1}, {"九", 9}, {"十", 10}, {"十三", 13}, {"二十", 20}, {"二十三", 23},
		{"九十九", 99}, {"〇", 0}, {"两", 2}, {"一十", 10}, {"", -1}, {"十十", -1},
		{"三四", -1}, {"百", -1}, {"一百", -1}, {"〇十", -1}, {"十〇", -1}, {"a", -1},
		{"二十三四", -1},
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		if (numbering_cn_value(cases[k].s, strlen(cases[k].s)) != cases[k].v)
			fail_msg("numbering_cn_value(\"%s\") != %d", cases[k].s, cases[k].v);
}

static void
test_circled_value(void **state)
{
	(void)state;
	assert_int_equal(numbering_circled_value(0x2460), 1);   /* ① */
	assert_int_equal(numbering_circled_value(0x2473), 20);  /* ⑳ */
	assert_int_equal(numbering_circled_value(0x3251), 21);  /* ㉑ */
	assert_int_equal(numbering_circled_value(0x32BF), 50);  /* ㊿ */
	assert_int_equal(numbering_circled_value(0x2474), -1);  /* ⑴ is not circled */
	assert_int_equal(numbering_circled_value('1'), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markers),
		cmocka_unit_test(test_not_markers),
		cmocka_unit_test(test_truncated_input),
		cmocka_unit_test(test_cn_value),
		cmocka_unit_test(test_circled_value),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
