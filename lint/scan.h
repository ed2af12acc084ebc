/* Byte-level reading of UTF-8 text shared by the fact extractors: fixed words, short
 * runs of white space, ASCII digits, characters told apart by their bytes. */
#ifndef NL_SCAN_H
#define NL_SCAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes of the word w when s[i..end) starts with it, else 0. Inline so that the length
 * of a literal word folds to a constant. */
static inline size_t
scan_word(const char *s, size_t i, size_t end, const char *w)
{
	size_t n = strlen(w);

	return end - i >= n && memcmp(s + i, w, n) == 0 ? n : 0;
}

/* Bytes of the word w when s[i..end) starts with it, else 0, like scan_word but
 * comparing byte by byte up to the first difference: for words from a table, where
 * scan_word would measure every word with strlen. */
static inline size_t
scan_table_word(const char *s, size_t i, size_t end, const char *w)
{
	size_t k;

	for (k = 0; w[k] != '\0'; k++)
		if (i + k >= end || s[i + k] != w[k])
			return 0;
	return k;
}

/* Offset after up to two white-space characters (ASCII space, NBSP, U+3000) at i; sets
 * *skipped to true when it skipped any and leaves it alone otherwise. */
size_t scan_blanks(const char *s, size_t i, size_t end, bool *skipped);

/* True for an ASCII digit. */
static inline bool
scan_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The three bytes at s[i..i+3) packed into one value (first byte highest), or 0 when
 * fewer than three remain before end: a three-byte character such as 年 (E5 B9 B4) is
 * tested by comparing with 0xE5B9B4, without decoding. */
static inline uint32_t
scan_key3(const char *s, size_t i, size_t end)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (end - i < 3)
		return 0;
	return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

/* The code point before offset i of a line that starts at start, as utf8_next reading the
 * line from start would have decoded it: 0 at the start of the line, U+FFFD after a byte
 * of no valid sequence. i must be an offset that reading visits (not inside a sequence). */
uint32_t scan_prev(const char *s, size_t start, size_t i);

#endif
