/* Byte-level helpers over UTF-8 text for the segmenter: search, ends, terminal marks. */
#include <string.h>
#include "prevcp.h"
#include "seg.h"
#include "utf8.h"

size_t
seg_find(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w), i, j, k;
	const char *p;

	if (wl == 0)
		return 0;
	if (wl > n)
		return SEG_NONE;
	/* Look for the word's last byte: in Chinese text a continuation byte is far rarer
	 * than a lead byte. Hits come in increasing order, so the first match is the
	 * leftmost. */
	for (i = wl - 1; i < n; i = j + 1) {
		p = memchr(s + i, w[wl - 1], n - i);
		if (p == NULL)
			return SEG_NONE;
		j = (size_t)(p - s);
		for (k = 0; k + 1 < wl && s[j + 1 - wl + k] == w[k]; k++)
			;
		if (k + 1 == wl)
			return j + 1 - wl;
	}
	return SEG_NONE;
}

bool
seg_has(const char *s, size_t n, const char *w)
{
	return seg_find(s, n, w) != SEG_NONE;
}

bool
seg_starts(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);

	return wl <= n && memcmp(s, w, wl) == 0;
}

size_t
seg_starts_any(const char *s, size_t n, const char *const *list, size_t count)
{
	size_t k;

	for (k = 0; k < count; k++)
		if (seg_starts(s, n, list[k]))
			return strlen(list[k]);
	return 0;
}

bool
seg_ends(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);

	return wl <= n && memcmp(s + n - wl, w, wl) == 0;
}

size_t
seg_ncp(const char *s, size_t n)
{
	return utf8_count(s, n);
}

bool
seg_ncp_over(const char *s, size_t n, size_t max)
{
	size_t i = 0, count = 0;

	/* A code point takes one to four bytes, and an invalid byte counts as one. */
	if (n <= max)
		return false;
	if (n / 4 > max)
		return true;
	while (i < n) {
		utf8_next(s, n, &i);
		if (++count > max)
			return true;
	}
	return false;
}

uint32_t
seg_last_cp(const char *s, size_t n)
{
	size_t i = n;

	return n == 0 ? 0 : prevcp(s, &i);
}

bool
seg_is_terminal(uint32_t cp)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A:  /* 。！？；： */
	case 0x2026: case '!': case '?': case ';': case ':': case '.':
		return true;
	default:
		return false;
	}
}

static bool
is_closing(uint32_t cp)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09:  /* ” ’ 」 』 ） */
	case ')': case '"': case 0x3011: case 0x300B:                      /* 】 》 */
		return true;
	default:
		return false;
	}
}

bool
seg_ends_terminal(const char *s, size_t n)
{
	size_t i = n;
	uint32_t cp;
	int k;

	for (k = 0; k < 4 && i > 0; k++) {
		cp = prevcp(s, &i);
		if (seg_is_terminal(cp))
			return true;
		if (!is_closing(cp))
			return false;
	}
	return false;
}

bool
seg_has_sentence_end(const char *s, size_t n)
{
	return seg_has(s, n, "。") || seg_has(s, n, "！") || seg_has(s, n, "？") ||
	    seg_has(s, n, "；");
}

bool
seg_is_blank_cp(uint32_t cp)
{
	return utf8_is_space(cp) || utf8_is_zero_width(cp) || cp == '\n';
}

size_t
seg_skip_space(const char *s, size_t n, size_t i)
{
	size_t k;

	while (i < n) {
		k = i;
		if (!seg_is_blank_cp(utf8_next(s, n, &k)))
			break;
		i = k;
	}
	return i;
}
