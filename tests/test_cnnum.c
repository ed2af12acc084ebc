/* Unit tests: Chinese numerals by value (十三, 两, 二十一) and place by place (二〇二五). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "cnnum.h"
#include "scan.h"

static const struct {
	const char *text;
	long value;
	const char *rest;    /* what follows the numeral */
} values[] = {
	{"十三轮专项巡察", 13, "轮专项巡察"},
	{"两次", 2, "次"},
	{"二十一项", 21, "项"},
	{"十个", 10, "个"},
	{"一百零八人", 108, "人"},
	{"三万五千元", 35000, "元"},
	{"两千", 2000, ""},
	{"零", 0, ""},
	{"十二月二十六日", 12, "月二十六日"},
	{"二十六日", 26, "日"},
	{"一是", 1, "是"},
	/* The longest well-formed prefix: 十四五 is not a number. */
	{"十四五规划", 14, "五规划"},
	/* A digit string is read digit by digit elsewhere. */
	{"二〇二五年", 2, "〇二五年"},
	{"十百", 10, "百"},
};

static void
test_parse_values(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		long v = -1;
		size_t n = cnnum_parse(values[i].text, strlen(values[i].text), &v);

		assert_int_equal(v, values[i].value);
		assert_string_equal(values[i].text + n, values[i].rest);
	}
}

static void
test_parse_rejects_non_numerals(void **state)
{
	long v = 42;

	(void)state;
	assert_int_equal(cnnum_parse("是", 3, &v), 0);
	assert_int_equal(cnnum_parse("25个", 4, &v), 0);
	assert_int_equal(cnnum_parse("", 0, &v), 0);
	assert_int_equal(v, 42);
}

static void
test_digit_strings(void **state)
{
	long v = 0;
	int nd = 0;

	(void)state;
	assert_int_equal(cnnum_digits("二〇二五年", strlen("二〇二五年"), &v, &nd), 12);
	assert_int_equal(v, 2025);
	assert_int_equal(nd, 4);
	assert_int_equal(cnnum_digits("一九九八年", strlen("一九九八年"), &v, &nd), 12);
	assert_int_equal(v, 1998);
	assert_int_equal(cnnum_digits("二零二四年", strlen("二零二四年"), &v, &nd), 12);
	assert_int_equal(v, 2024);
	/* One digit, or a numeral with units, is not a digit string. */
	assert_int_equal(cnnum_digits("一年", strlen("一年"), &v, &nd), 0);
	assert_int_equal(cnnum_digits("十二", strlen("十二"), &v, &nd), 0);
	assert_int_equal(cnnum_digits("两千", strlen("两千"), &v, &nd), 0);
}

static void
test_is_char(void **state)
{
	(void)state;
	assert_true(cnnum_is_char(0x3007));   /* 〇 */
	assert_true(cnnum_is_char(0x4E24));   /* 两 */
	assert_true(cnnum_is_char(0x4E07));   /* 万 */
	assert_false(cnnum_is_char(0x5E74));  /* 年 */
	assert_false(cnnum_is_char('3'));
}

/* The lead test admits exactly the characters a numeral can start with: each of them
 * starts one (by value or digit by digit), no other character does. */
static void
test_lead_key(void **state)
{
	static const char *const leads[] = {"〇", "零", "一", "二", "三", "四", "五", "六", "七",
	    "八", "九", "两", "十"};
	static const char *const others[] = {"百", "千", "万", "亿", "年", "是", "月", "第", "、"};
	long v;
	int nd;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(leads) / sizeof(leads[0]); i++) {
		assert_true(cnnum_is_lead_key(scan_key3(leads[i], 0, 3)));
		assert_int_equal(cnnum_parse(leads[i], 3, &v), 3);
	}
	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		assert_false(cnnum_is_lead_key(scan_key3(others[i], 0, 3)));
		assert_int_equal(cnnum_parse(others[i], 3, &v), 0);
		assert_int_equal(cnnum_digits(others[i], 3, &v, &nd), 0);
	}
	/* Fewer than three bytes left: no key, no lead. */
	assert_false(cnnum_is_lead_key(scan_key3("一", 0, 2)));
	assert_false(cnnum_is_lead_key(0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_values),
		cmocka_unit_test(test_parse_rejects_non_numerals),
		cmocka_unit_test(test_digit_strings),
		cmocka_unit_test(test_is_char),
		cmocka_unit_test(test_lead_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
