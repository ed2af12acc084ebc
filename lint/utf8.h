/* UTF-8 code points: decoding one at a time, display width, character classes. */
#ifndef NL_UTF8_H
#define NL_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (len bytes available), or 0 if invalid. */
static inline size_t
utf8_seq_len(const unsigned char *s, size_t len)
{
	unsigned c = s[0];
	size_t n, k;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, cp = c & 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, cp = c & 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	if (n > len)
		return 0;
	for (k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* End of the run of valid UTF-8 sequences in s[i, len) that holds no byte stop (an ASCII
 * byte): the offset of the first invalid sequence or stop byte, or len. Eight ASCII bytes
 * at a time where it can. */
static inline size_t
utf8_valid_run(const unsigned char *s, size_t i, size_t len, unsigned char stop)
{
	uint64_t w, rep = 0x0101010101010101ull * stop, x;
	size_t n;

	while (i < len) {
		if (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			x = w ^ rep;
			if ((w & 0x8080808080808080ull) == 0 &&
			    ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] == stop)
			return i;
		n = utf8_seq_len(s + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

/* Decodes the code point at s[*i] the slow way: utf8_next's path for all but ASCII and
 * valid three-byte sequences. */
uint32_t utf8_next_slow(const char *s, size_t len, size_t *i);

/* Decodes the code point at s[*i] (len bytes in all, *i < len) and advances *i; an
 * invalid sequence yields U+FFFD and advances one byte. ASCII and the three-byte
 * sequences of Chinese text are decoded here, inline. */
static inline uint32_t
utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	uint32_t cp;

	if (p[0] < 0x80) {
		(*i)++;
		return p[0];
	}
	/* One test for the lead byte and both continuation bytes. */
	if (len - *i >= 3 &&
	    (((p[0] & 0xF0u) ^ 0xE0u) | ((p[1] & 0xC0u) ^ 0x80u) | ((p[2] & 0xC0u) ^ 0x80u)) == 0) {
		cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		    (uint32_t)(p[2] & 0x3F);
		if (cp >= 0x800 && cp - 0xD800 >= 0x800) {
			*i += 3;
			return cp;
		}
	}
	return utf8_next_slow(s, len, i);
}

/* Decodes the code point that ends just before s[*i] and moves *i back to its start. */
uint32_t utf8_prev(const char *s, size_t *i);
/* Writes cp as UTF-8 into out and returns the byte count (1-4). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Terminal display width: 0 for combining/zero-width, 2 for East Asian wide/fullwidth, else 1. */
int utf8_width(uint32_t cp);
/* Number of code points in s[0..len). */
size_t utf8_count(const char *s, size_t len);
/* True for CJK ideographs (Han) and the 〇 numeral. */
bool utf8_is_han(uint32_t cp);
/* True for characters of Chinese running text: Han, CJK punctuation, fullwidth forms. */
bool utf8_is_cjk(uint32_t cp);
/* True for white space including NBSP (U+00A0), U+3000 and other Unicode spaces. */
bool utf8_is_space(uint32_t cp);
/* True for zero-width characters (U+200B-U+200D, U+2060, U+FEFF). */
bool utf8_is_zero_width(uint32_t cp);

#endif
