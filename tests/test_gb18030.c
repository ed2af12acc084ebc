/* Unit tests: the build-time GB18030 table against iconv converting each code point alone. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <string.h>
#include "gb18030.h"
#include "utf8.h"

/* The first two bytes of cp's GB18030 code (a 1-byte code twice) by one iconv call, '?'
 * twice for a code point iconv refuses. */
static uint16_t
pair_alone(iconv_t gb, uint32_t cp)
{
	char in[4], out[8], *ip = in, *op = out;
	size_t ileft = utf8_encode(cp, in), oleft = sizeof(out);

	if (iconv(gb, &ip, &ileft, &op, &oleft) == (size_t)-1) {
		iconv(gb, NULL, NULL, NULL, NULL);
		return '?' << 8 | '?';
	}
	if (op - out == 1)
		out[1] = out[0];
	return (uint16_t)((unsigned char)out[0] << 8 | (unsigned char)out[1]);
}

static void
test_every_bmp_code_point_matches_iconv(void **state)
{
	iconv_t gb = iconv_open("GB18030", "UTF-8");
	uint32_t cp;

	(void)state;
	assert_true(gb != (iconv_t)-1);
	for (cp = 0; cp < 0x10000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (gb18030_pair[cp] != pair_alone(gb, cp))
			fail_msg("U+%04X: table %04X, iconv %04X", cp, gb18030_pair[cp],
			    pair_alone(gb, cp));
		assert_int_equal(gb18030_cls[cp], gb18030_class(gb18030_pair[cp]));
	}
	iconv_close(gb);
}

static void
test_known_codes_and_surrogates(void **state)
{
	(void)state;
	assert_int_equal(gb18030_pair['A'], 'A' << 8 | 'A');
	assert_int_equal(gb18030_pair[0x5173], 0xB9D8);   /* 关, GB2312 B9D8 */
	assert_int_equal(gb18030_pair[0x3001], 0xA1A2);   /* 、 */
	assert_int_equal(gb18030_pair[0x20AC], 0xA2E3);   /* € in GB18030-2005 */
	assert_int_equal(gb18030_pair[0x00E9] >> 8, 0xA8); /* é: two-byte code A8A6 */
	assert_int_equal(gb18030_pair[0x0080], 0x8130);   /* four-byte 81 30 81 30 */
	assert_int_equal(gb18030_pair[0xD800], '?' << 8 | '?');
	assert_int_equal(gb18030_pair[0xDFFF], '?' << 8 | '?');
	/* E6 could lead a 3-byte UTF-8 sequence, 8C and BF continue one. */
	assert_int_equal(gb18030_class(0xE68C), 8 | 1);
	assert_int_equal(gb18030_class(0x8CBF), 4 | 1);
	assert_int_equal(gb18030_class(0x8CE6), 4 | 2);
	assert_int_equal(gb18030_class(0x4141), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_bmp_code_point_matches_iconv),
		cmocka_unit_test(test_known_codes_and_surrogates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
