/* UTF-8 code points: decoding, encoding, display width and the character classes the
 * checks share (Han, CJK punctuation, spaces, zero-width). */
#include "utf8.h"

uint32_t
utf8_next_slow(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t n = utf8_seq_len(p, len - *i);
	uint32_t cp;
	size_t k;

	if (n == 0) {
		(*i)++;
		return 0xFFFD;
	}
	*i += n;
	if (n == 1)
		return p[0];
	cp = p[0] & (0x7F >> n);
	for (k = 1; k < n; k++)
		cp = (cp << 6) | (p[k] & 0x3F);
	return cp;
}

uint32_t
utf8_prev(const char *s, size_t *i)
{
	size_t start = *i, j;

	if (start == 0)
		return 0;
	j = start - 1;
	while (j > 0 && start - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	*i = j;
	return utf8_next(s, start, &j);
}

size_t
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
utf8_is_zero_width(uint32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

int
utf8_width(uint32_t cp)
{
	if (cp == 0 || utf8_is_zero_width(cp) || (cp >= 0x0300 && cp <= 0x036F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD) || (cp >= 0x2460 && cp <= 0x24FF))
		return 2;
	/* Quotes and dashes used in Chinese text render two columns wide in CJK terminals. */
	if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2014 ||
	    cp == 0x2026 || cp == 0x00B7)
		return 2;
	return 1;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		utf8_next(s, len, &i);
		n++;
	}
	return n;
}

bool
utf8_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) || cp == 0x3007;
}

bool
utf8_is_cjk(uint32_t cp)
{
	return utf8_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFF00 && cp <= 0xFFEF) || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
	    cp == 0x2019 || cp == 0x2014 || cp == 0x2026;
}

bool
utf8_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' ||
	    cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	    cp == 0x205F || cp == 0x3000;
}
