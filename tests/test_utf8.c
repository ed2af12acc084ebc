/* Unit tests: UTF-8 decoding, display width and character classes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "utf8.h"

static void
test_next_decodes_cjk_and_ascii(void **state)
{
	const char *s = "a巡①";
	size_t i = 0, len = strlen(s);

	(void)state;
	assert_int_equal(utf8_next(s, len, &i), 'a');
	assert_int_equal(i, 1);
	assert_int_equal(utf8_next(s, len, &i), 0x5DE1);
	assert_int_equal(i, 4);
	assert_int_equal(utf8_next(s, len, &i), 0x2460);
	assert_int_equal(i, 7);
}

static void
test_next_replaces_invalid(void **state)
{
	const char s[] = {(char)0xE5, (char)0xB7, 'x', (char)0xC0, (char)0x80, 0};
	size_t i = 0;

	(void)state;
	assert_int_equal(utf8_next(s, 5, &i), 0xFFFD);  /* truncated sequence */
	assert_int_equal(i, 1);
	i = 3;
	assert_int_equal(utf8_next(s, 5, &i), 0xFFFD);  /* overlong */
	assert_int_equal(utf8_seq_len((const unsigned char *)"\xED\xA0\x80", 3), 0);  /* surrogate */
}

static void
test_prev_steps_back(void **state)
{
	const char *s = "通报x";
	size_t i = strlen(s);

	(void)state;
	assert_int_equal(utf8_prev(s, &i), 'x');
	assert_int_equal(utf8_prev(s, &i), 0x62A5);
	assert_int_equal(i, 3);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width('a'), 1);
	assert_int_equal(utf8_width(0x5DE1), 2);   /* 巡 */
	assert_int_equal(utf8_width(0xFF0C), 2);   /* ， */
	assert_int_equal(utf8_width(0x3000), 2);   /* ideographic space */
	assert_int_equal(utf8_width(0x200B), 0);
	assert_int_equal(utf8_width(0x00A0), 1);
}

static void
test_classes_and_encode(void **state)
{
	char buf[4];

	(void)state;
	assert_true(utf8_is_han(0x5DE1));
	assert_true(utf8_is_han(0x3007));          /* 〇 */
	assert_false(utf8_is_han(0xFF0C));
	assert_true(utf8_is_cjk(0xFF0C));
	assert_true(utf8_is_space(0x00A0));
	assert_true(utf8_is_space(0x3000));
	assert_false(utf8_is_space(0x5DE1));
	assert_int_equal(utf8_encode(0x5DE1, buf), 3);
	assert_memory_equal(buf, "巡", 3);
	assert_int_equal(utf8_encode(0x1F600, buf), 4);
	assert_int_equal(utf8_count("关于a", strlen("关于a")), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_decodes_cjk_and_ascii),
		cmocka_unit_test(test_next_replaces_invalid),
		cmocka_unit_test(test_prev_steps_back),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_classes_and_encode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
