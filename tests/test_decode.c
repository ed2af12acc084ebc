/* Unit tests: decoding raw bytes (BOM, line ends, invalid UTF-8, both sides of the eight-byte
 * ASCII and three-byte fast paths) and the line table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>
#include "decode.h"
#include "encoding.h"
#include "linemap.h"
#include "utf8.h"

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

/* The decoding the fast paths must reproduce: one sequence at a time with utf8_seq_len. */
static void
reference_decode(const unsigned char *raw, size_t len, char *out, size_t *olen,
    size_t *bad, size_t *nbad, bool *crlf, bool *cr)
{
	size_t i = 0, o = 0, n;

	*nbad = 0;
	*crlf = *cr = false;
	if (len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF)
		i = 3;
	while (i < len) {
		if (raw[i] == '\r') {
			if (i + 1 < len && raw[i + 1] == '\n') {
				*crlf = true;
				i++;
			} else {
				*cr = true;
			}
			out[o++] = '\n';
			i++;
			continue;
		}
		n = utf8_seq_len(raw + i, len - i);
		if (n == 0) {
			bad[(*nbad)++] = i;
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		memcpy(out + o, raw + i, n);
		o += n;
		i += n;
	}
	*olen = o;
}

/* Decodes raw both ways and checks text, replacements, line-end flags and validity agree.
 * The input is copied to a buffer of its exact size, so a read past it is caught. */
static void
assert_decodes_as_reference(const unsigned char *orig, size_t len)
{
	unsigned char *raw = malloc(len > 0 ? len : 1);
	char *want = malloc(len * 3 + 1);
	size_t *bad = malloc((len + 1) * sizeof(*bad));
	size_t wlen, nbad, k;
	bool crlf, cr;
	struct decoded d;

	assert_non_null(raw);
	assert_non_null(want);
	assert_non_null(bad);
	memcpy(raw, orig, len);
	reference_decode(raw, len, want, &wlen, bad, &nbad, &crlf, &cr);
	decode_utf8(&d, raw, len);
	assert_int_equal(d.len, wlen);
	assert_memory_equal(d.text, want, wlen);
	assert_int_equal(d.text[d.len], '\0');
	assert_int_equal(d.nbad, nbad);
	for (k = 0; k < nbad; k++) {
		assert_int_equal(d.bad[k].raw_offset, bad[k]);
		assert_int_equal(d.bad[k].byte, raw[bad[k]]);
	}
	assert_int_equal(d.had_crlf, crlf);
	assert_int_equal(d.had_cr, cr);
	/* Validity of the whole input, BOM included: a BOM is valid UTF-8. */
	assert_int_equal(encoding_is_utf8(raw, len), nbad == 0);
	decoded_free(&d);
	free(raw);
	free(want);
	free(bad);
}

static void
test_fast_path_edges(void **state)
{
	static const char *const cases[] = {
		"abcdefgh\xFF",                   /* invalid right after eight ASCII bytes */
		"abcdefg\xFF",                    /* invalid as the eighth byte of a word */
		"abcdef关于",                      /* a character straddling the eight-byte boundary */
		"abcdefg关",
		"abcdefgh关",
		"abcdefg\xE5\xB9",                /* a character cut short by the end */
		"\xE5\xB9",
		"\xE5\xB9" "abcdefgh",
		"\xE0\x80\xAF",                    /* overlong three-byte forms */
		"\xE0\x9F\xBF",
		"\xE0\xA0\x80",                    /* the first valid E0 sequence */
		"\xED\xA0\x80",                    /* surrogates */
		"\xED\xBF\xBF",
		"\xED\x9F\xBF",                    /* the last code point before the surrogates */
		"\xEF\xBC\x8C\xEF\xBF\xBD\xEE\x80\x80", /* ， U+FFFD U+E000 */
		"\xE5\x41\xB4年",                 /* an ASCII byte where a continuation belongs */
		"\xE5\xB9\xC4",
		"\xC3\xA9\xF0\x9F\x98\x80\xF4\x90\x80\x80", /* two and four bytes, too large */
		"\xC0\xAF\xC1\xBF\xF5\x80\x80\x80\x80\xBF",
		"行一\r\n行二\r\xFF\r\n\r",          /* CR before an invalid byte and at the end */
		"12345678\r\n\r\n1234567\r",
		"\xEF\xBB\xBF\r\n",
		"\xEF\xBB",
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		assert_decodes_as_reference((const unsigned char *)cases[k], strlen(cases[k]));
	/* NUL is valid UTF-8 and stays in the text. */
	assert_decodes_as_reference((const unsigned char *)"abcdefgh\0关\0", 13);
	assert_decodes_as_reference((const unsigned char *)"", 0);
}

/* Inputs pieced from ASCII runs, Chinese, CR, LF and broken sequences at every offset. */
static void
test_decode_matches_reference_on_mixed_input(void **state)
{
	static const char *const pieces[] = {
		"a", "12345678", "年", "，", "。", "\r", "\n", "\r\n", "\xE5", "\xB9",
		"\xE0\xA0\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\x9F\xBF",
		"\xC3\xA9", "\xF0\x9F\x98\x80", "\xFF",
		"\xEF\xBB\xBF", "\xE5\xB9\xB4", " ",
	};
	unsigned char buf[256];
	unsigned seed = 12345;
	size_t len, round, k;

	(void)state;
	for (round = 0; round < 4000; round++) {
		len = 0;
		while (len < 200) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
			k = strlen(p);
			memcpy(buf + len, p, k);
			len += k;
		}
		assert_decodes_as_reference(buf, len);
		/* Every cut of the input, so a sequence ends at each offset of a word. */
		if (round < 50)
			for (k = 0; k < len; k++)
				assert_decodes_as_reference(buf, k);
	}
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

/* Columns on long lines, where code points are counted in blocks, against counting them
 * one at a time; every offset of a few thousand bytes of mixed text. */
static void
test_linemap_columns_on_long_lines(void **state)
{
	static const char *const pieces[] = {"a", "年", "，", "\xC3\xA9", "\xF0\x9F\x98\x80", " "};
	char *t = malloc(9000);
	size_t len = 0, off, k;
	unsigned seed = 7, line, col;
	struct linemap m;

	(void)state;
	assert_non_null(t);
	memcpy(t, "首行\n", strlen("首行\n"));
	len = strlen("首行\n");
	while (len < 8000) {
		seed = seed * 1103515245u + 12345u;
		k = (seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]));
		memcpy(t + len, pieces[k], strlen(pieces[k]));
		len += strlen(pieces[k]);
	}
	t[len] = '\0';
	linemap_build(&m, t, len);
	for (off = strlen("首行\n"); off <= len; off++) {
		if (off < len && ((unsigned char)t[off] & 0xC0) == 0x80)
			continue;
		linemap_locate(&m, off, &line, &col);
		assert_int_equal(line, 2);
		assert_int_equal(col, utf8_count(t + strlen("首行\n"), off - strlen("首行\n")) + 1);
	}
	linemap_free(&m);
	free(t);
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
		cmocka_unit_test(test_fast_path_edges),
		cmocka_unit_test(test_decode_matches_reference_on_mixed_input),
		cmocka_unit_test(test_linemap_locates_columns_in_code_points),
		cmocka_unit_test(test_linemap_columns_on_long_lines),
		cmocka_unit_test(test_linemap_final_newline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
