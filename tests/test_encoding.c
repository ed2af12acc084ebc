/* Tests for encoding detection and conversion: every seed survives a GB18030 and UTF-16
 * round trip byte for byte, bad bytes are recorded, and plain UTF-8 stays UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "encoding.h"
#include "testutil.h"

/* Converts in[0..len) from UTF-8 to encoding to; the caller frees. */
static unsigned char *
convert(const char *to, const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t cap = len * 4 + 16, inleft = len, oleft = cap;
	char *buf = malloc(cap), *ip = (char *)(uintptr_t)in, *op = buf;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(buf);
	assert_true(iconv(cd, &ip, &inleft, &op, &oleft) != (size_t)-1);
	iconv_close(cd);
	*outlen = cap - oleft;
	return (unsigned char *)buf;
}

/* Decodes raw automatically and checks the text equals the UTF-8 decoding of orig. */
static void
assert_same_text(const unsigned char *raw, size_t rawlen, const char *orig, size_t origlen,
    const char *encoding)
{
	struct decoded want, got;

	decode_utf8(&want, (const unsigned char *)orig, origlen);
	assert_int_equal(encoding_decode(&got, raw, rawlen, NULL), 0);
	assert_string_equal(got.encoding, encoding);
	assert_int_equal(got.nbad, 0);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.text, want.text, want.len);
	assert_int_equal(got.text[got.len], '\0');
	assert_int_equal(got.had_crlf, want.had_crlf);
	decoded_free(&want);
	decoded_free(&got);
}

/* Calls fn on every seed notice (fixtures/seeds, .txt files). */
static void
each_seed(void (*fn)(const char *text, size_t len))
{
	char dir[4096], path[8192];
	struct dirent *e;
	DIR *d;
	size_t n, len;
	int seen = 0;
	char *text;

	snprintf(dir, sizeof(dir), "%s/seeds", NL_FIXTURES_DIR);
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		/* Notices only: 000_….txt, not the golden 000_….expected.txt. */
		if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0 ||
		    strchr(e->d_name, '.') != e->d_name + n - 4)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		text = tu_read_file(path, &len);
		fn(text, len);
		free(text);
		seen++;
	}
	closedir(d);
	assert_true(seen >= 5);
}

static void
gb_round_trip(const char *text, size_t len)
{
	size_t rawlen;
	unsigned char *raw = convert("GB18030", text, len, &rawlen);

	assert_false(encoding_is_utf8(raw, rawlen));
	assert_same_text(raw, rawlen, text, len, "GB18030");
	free(raw);
}

static void
utf16_round_trip(const char *text, size_t len)
{
	static const char *const names[] = {"UTF-16LE", "UTF-16BE"};
	static const unsigned char boms[2][2] = {{0xFF, 0xFE}, {0xFE, 0xFF}};
	size_t k, n;
	unsigned char *body, *raw;

	for (k = 0; k < 2; k++) {
		body = convert(names[k], text, len, &n);
		raw = malloc(n + 2);
		assert_non_null(raw);
		memcpy(raw, boms[k], 2);
		memcpy(raw + 2, body, n);
		assert_same_text(raw, n + 2, text, len, names[k]);
		free(body);
		free(raw);
	}
}

static void
test_seeds_gb18030(void **state)
{
	(void)state;
	each_seed(gb_round_trip);
}

static void
test_seeds_utf16(void **state)
{
	(void)state;
	each_seed(utf16_round_trip);
}

static void
test_utf8_stays_utf8(void **state)
{
	static const char s[] = "\xEF\xBB\xBF关于巡察整改进展情况的通报\r\n";
	struct decoded d;

	(void)state;
	assert_int_equal(encoding_decode(&d, (const unsigned char *)s, sizeof(s) - 1, NULL), 0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_true(d.had_bom);
	assert_true(d.had_crlf);
	assert_string_equal(d.text, "关于巡察整改进展情况的通报\n");
	decoded_free(&d);
}

static void
test_gb_crlf(void **state)
{
	static const char s[] = "整改结果：完成。\r\n整改情况：一是…\r二是。";
	size_t n;
	unsigned char *raw = convert("GB18030", s, sizeof(s) - 1, &n);
	struct decoded d;

	(void)state;
	assert_int_equal(encoding_decode(&d, raw, n, NULL), 0);
	assert_string_equal(d.encoding, "GB18030");
	assert_true(d.had_crlf);
	assert_true(d.had_cr);
	assert_string_equal(d.text, "整改结果：完成。\n整改情况：一是…\n二是。");
	decoded_free(&d);
	free(raw);
}

/* Latin-1 bytes are not valid UTF-8 and must not pass for GB18030 Chinese. */
static void
test_latin1_not_gb(void **state)
{
	static const unsigned char s[] = "caf\xE9 na\xEFve r\xE9sum\xE9s\n";
	struct decoded d;

	(void)state;
	assert_int_equal(encoding_decode(&d, s, sizeof(s) - 1, NULL), 0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_int_equal(d.nbad, 4);
	assert_int_equal(d.bad[0].raw_offset, 3);
	assert_int_equal(d.bad[0].byte, 0xE9);
	decoded_free(&d);
}

/* A forced encoding replaces what it cannot convert and records the raw offset. */
static void
test_forced_gb_with_bad_byte(void **state)
{
	static const char s[] = "关于通报";
	size_t n;
	unsigned char *gb = convert("GB18030", s, sizeof(s) - 1, &n), *raw;
	struct decoded d;

	(void)state;
	raw = malloc(n + 1);
	assert_non_null(raw);
	memcpy(raw, gb, 4);
	raw[4] = 0xFF;
	memcpy(raw + 5, gb + 4, n - 4);
	assert_int_equal(encoding_decode(&d, raw, n + 1, "GB18030"), 0);
	assert_string_equal(d.encoding, "GB18030");
	assert_int_equal(d.nbad, 1);
	assert_int_equal(d.bad[0].raw_offset, 4);
	assert_int_equal(d.bad[0].text_offset, 6);
	assert_string_equal(d.text, "关于\xEF\xBF\xBD通报");
	decoded_free(&d);
	/* Left to detection, the same bytes are not clean GB18030: UTF-8 with replacements. */
	assert_int_equal(encoding_decode(&d, raw, n + 1, NULL), 0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_true(d.nbad > 0);
	decoded_free(&d);
	free(gb);
	free(raw);
}

static void
test_forced_names(void **state)
{
	static const char s[] = "通报";
	size_t n;
	unsigned char *gbk = convert("GBK", s, sizeof(s) - 1, &n);
	struct decoded d;

	(void)state;
	assert_int_equal(encoding_decode(&d, gbk, n, "GBK"), 0);
	assert_string_equal(d.encoding, "GBK");
	assert_string_equal(d.text, "通报");
	decoded_free(&d);
	assert_int_equal(encoding_decode(&d, gbk, n, "no-such-encoding"), -1);
	assert_null(d.text);
	assert_int_equal(encoding_decode(&d, (const unsigned char *)s, sizeof(s) - 1, "utf-8"),
	    0);
	assert_string_equal(d.encoding, "UTF-8");
	assert_string_equal(d.text, "通报");
	decoded_free(&d);
	free(gbk);
}

/* An odd trailing byte of UTF-16 is a replacement, not a crash. */
static void
test_utf16_truncated(void **state)
{
	static const unsigned char s[] = {0xFF, 0xFE, 0x1A, 0x90, 0xA5, 0x62, 0x0A};
	struct decoded d;

	(void)state;
	assert_int_equal(encoding_decode(&d, s, sizeof(s), NULL), 0);
	assert_string_equal(d.encoding, "UTF-16LE");
	assert_true(d.had_bom);
	assert_int_equal(d.nbad, 1);
	assert_int_equal(d.bad[0].raw_offset, 6);
	assert_string_equal(d.text, "通报\xEF\xBF\xBD");
	decoded_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_gb18030),
		cmocka_unit_test(test_seeds_utf16),
		cmocka_unit_test(test_utf8_stays_utf8),
		cmocka_unit_test(test_gb_crlf),
		cmocka_unit_test(test_latin1_not_gb),
		cmocka_unit_test(test_forced_gb_with_bad_byte),
		cmocka_unit_test(test_forced_names),
		cmocka_unit_test(test_utf16_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
