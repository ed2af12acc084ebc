/* Unit tests: skipping to the next digit (digits at every offset, bytes just outside 0-9,
 * high bytes) and stepping over whole characters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "fact_scan.h"
#include "scan.h"

/* The first digit the slow way, one byte at a time. */
static size_t
next_digit_ref(const char *s, size_t i, size_t end)
{
	while (i < end && !scan_is_digit(s[i]))
		i++;
	return i;
}

static void
test_next_digit_at_every_offset(void **state)
{
	/* Fillers: the bytes beside '0' and '9', a high byte whose low seven bits are a
	 * digit (0xB0 | '5' & 0x7F), Chinese text and plain ASCII. */
	static const char fill[] = {'/', ':', (char)0xB5, (char)0xB0, (char)0xE5, 'a', ' '};
	char buf[40];
	size_t len, pos, f, i;

	(void)state;
	for (f = 0; f < sizeof(fill); f++)
		for (len = 0; len <= 24; len++) {
			memset(buf, fill[f], len);
			assert_int_equal(fact_next_digit(buf, 0, len), len);
			for (pos = 0; pos < len; pos++) {
				memset(buf, fill[f], len);
				buf[pos] = pos % 2 ? '0' : '9';
				for (i = 0; i <= len; i++)
					assert_int_equal(fact_next_digit(buf, i, len),
					    next_digit_ref(buf, i, len));
			}
		}
}

static void
test_next_digit_in_text(void **state)
{
	const char *t = "根据县委统一部署，2025年3月12日至4月22日";

	(void)state;
	assert_int_equal(fact_next_digit(t, 0, strlen(t)), strlen("根据县委统一部署，"));
	assert_int_equal(fact_next_digit(t, strlen("根据县委统一部署，2025年"), strlen(t)),
	    strlen("根据县委统一部署，2025年"));
	/* The end bounds the search even when a digit lies past it. */
	assert_int_equal(fact_next_digit(t, 0, 9), 9);
}

static void
test_step_passes_whole_characters_only(void **state)
{
	(void)state;
	assert_int_equal(fact_scan_step(scan_key3("年", 0, 3)), 3);
	assert_int_equal(fact_scan_step(scan_key3("，", 0, 3)), 3);
	/* A lead byte without two continuation bytes is passed alone, so the digit after it
	 * is still read. */
	assert_int_equal(fact_scan_step(scan_key3("\xE5" "12", 0, 3)), 1);
	assert_int_equal(fact_scan_step(scan_key3("\xE5\xB9" "1", 0, 3)), 1);
	assert_int_equal(fact_scan_step(scan_key3("\xF0\x9F\x98", 0, 3)), 1);
	assert_int_equal(fact_scan_step(scan_key3("\xC3\xA9" "1", 0, 3)), 1);
	assert_int_equal(fact_scan_step(scan_key3("年", 0, 2)), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_digit_at_every_offset),
		cmocka_unit_test(test_next_digit_in_text),
		cmocka_unit_test(test_step_passes_whole_characters_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
