/* Unit tests: the byte finders against a byte-by-byte search, with the byte sought at every
 * offset on both sides of the sixteen-byte blocks and in a buffer of the exact size. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "bytefind.h"

/* Byte-by-byte search for a byte of set[0..n) or, when n is 0, of [lo, hi]. */
static size_t
find_ref(const unsigned char *s, size_t i, size_t end, const unsigned char *set, size_t n,
    unsigned char lo, unsigned char hi)
{
	size_t k;

	for (; i < end; i++) {
		if (n == 0 && s[i] >= lo && s[i] <= hi)
			return i;
		for (k = 0; k < n; k++)
			if (s[i] == set[k])
				return i;
	}
	return end;
}

/* Checks all three finders on buf[0..len) from every start. */
static void
assert_finders(const unsigned char *buf, size_t len)
{
	static const unsigned char six[] = {'!', '?', ';', '\n', 0xE3, 0xEF};
	static const unsigned char two[] = {0xE3, 0xEF};
	unsigned char *s = malloc(len > 0 ? len : 1);
	const char *c = (const char *)s;
	size_t i;

	assert_non_null(s);
	memcpy(s, buf, len);
	for (i = 0; i <= len; i++) {
		assert_int_equal(bytefind6(c, i, len, '!', '?', ';', '\n', 0xE3, 0xEF),
		    find_ref(s, i, len, six, 6, 0, 0));
		assert_int_equal(bytefind2(c, i, len, 0xE3, 0xEF), find_ref(s, i, len, two, 2, 0, 0));
		assert_int_equal(bytefind_range(c, i, len, '0', '9'),
		    find_ref(s, i, len, NULL, 0, '0', '9'));
		assert_int_equal(bytefind_range(c, i, len, 0x80, 0xBF),
		    find_ref(s, i, len, NULL, 0, 0x80, 0xBF));
	}
	free(s);
}

static void
test_one_byte_at_every_offset(void **state)
{
	/* Fillers next to the bytes sought: '/' and ':' beside the digits, 0xB0 | '5' whose
	 * low seven bits are a digit, 0xE2 and 0xE4 beside 0xE3, 0xC0 past 0xBF. */
	static const unsigned char fill[] = {'/', ':', 0xB5, 0xE2, 0xE4, 0xC0, 0x7F, 'a'};
	static const unsigned char sought[] = {'!', '?', ';', '\n', 0xE3, 0xEF, '0', '9', 0x80,
		0xBF};
	unsigned char buf[48];
	size_t f, k, len, pos;

	(void)state;
	for (f = 0; f < sizeof(fill); f++)
		for (len = 0; len <= 40; len++) {
			memset(buf, fill[f], len);
			assert_finders(buf, len);
			for (k = 0; k < sizeof(sought); k++)
				for (pos = 0; pos < len; pos += 3) {
					memset(buf, fill[f], len);
					buf[pos] = sought[k];
					assert_finders(buf, len);
				}
		}
}

static void
test_in_chinese_text(void **state)
{
	const char *t = "根据县委统一部署，2025年3月12日至4月22日。现将情况予以公布！";

	(void)state;
	assert_finders((const unsigned char *)t, strlen(t));
	assert_int_equal(bytefind_range(t, 0, strlen(t), '0', '9'), strlen("根据县委统一部署，"));
	assert_int_equal(bytefind2(t, 0, strlen(t), 0xE3, 0xEF), strlen("根据县委统一部署"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_byte_at_every_offset),
		cmocka_unit_test(test_in_chinese_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
