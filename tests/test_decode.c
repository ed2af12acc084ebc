/* Unit tests: decoding raw bytes (BOM, line ends, invalid UTF-8) and the line table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "decode.h"
#include "linemap.h"

static void
test_bom_and_crlf(void **state)
{
	const char raw[] = "\xEF\xBB\xBF关于\r\n通报\r第三行";
	struct decoded d;

	(void)state;
	decode_utf8(&d, (const unsigned char *)raw, strlen(raw));
	assert_true(d.had_bom);
	assert_true(d.had_crlf);
	assert_true(d.had_cr);
	assert_string_equal(d.text, "关于\n通报\n第三行");
	assert_int_equal(d.nbad, 0);
	decoded_free(&d);
}

static void
test_invalid_bytes_are_replaced_and_recorded(void **state)
{
	const char raw[] = "截至\xB5\xC4日\n\xFF";
	struct decoded d;

	(void)state;
	decode_utf8(&d, (const unsigned char *)raw, strlen(raw));
	assert_int_equal(d.nbad, 3);
	assert_int_equal(d.bad[0].raw_offset, 6);
	assert_int_equal(d.bad[0].byte, 0xB5);
	assert_int_equal(d.bad[0].text_offset, 6);
	assert_int_equal(d.bad[1].raw_offset, 7);
	assert_int_equal(d.bad[1].text_offset, 9);
	assert_int_equal(d.bad[2].raw_offset, 12);
	assert_string_equal(d.text, "截至\xEF\xBF\xBD\xEF\xBF\xBD日\n\xEF\xBF\xBD");
	decoded_free(&d);
}

static void
test_empty_input(void **state)
{
	struct decoded d;

	(void)state;
	decode_utf8(&d, (const unsigned char *)"", 0);
	assert_int_equal(d.len, 0);
	assert_string_equal(d.text, "");
	decoded_free(&d);
}

static void
test_linemap_locates_columns_in_code_points(void **state)
{
	const char *t = "关于通报\n\n2025年3月12日至4月22日\n末行";
	struct linemap m;
	unsigned line, col;
	size_t s, e;

	(void)state;
	linemap_build(&m, t, strlen(t));
	assert_int_equal(m.nlines, 4);
	linemap_locate(&m, 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	linemap_locate(&m, 6, &line, &col);  /* 通 */
	assert_int_equal(line, 1);
	assert_int_equal(col, 3);
	linemap_locate(&m, strlen("关于通报\n\n2025年"), &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 6);
	linemap_line_span(&m, 1, &s, &e);
	assert_int_equal(s, e);
	linemap_line_span(&m, 3, &s, &e);
	assert_int_equal(e, strlen(t));
	linemap_free(&m);
}

static void
test_linemap_final_newline(void **state)
{
	struct linemap m;

	(void)state;
	linemap_build(&m, "a\nb\n", 4);
	assert_int_equal(m.nlines, 2);
	linemap_free(&m);
	linemap_build(&m, "", 0);
	assert_int_equal(m.nlines, 1);
	linemap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bom_and_crlf),
		cmocka_unit_test(test_invalid_bytes_are_replaced_and_recorded),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_linemap_locates_columns_in_code_points),
		cmocka_unit_test(test_linemap_final_newline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
