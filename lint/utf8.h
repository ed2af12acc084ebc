/* UTF-8 code points: decoding one at a time, display width, character classes. */
#ifndef NL_UTF8_H
#define NL_UTF8_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[*i] (len bytes in all) and advances *i; an invalid
 * sequence yields U+FFFD and advances one byte. */
uint32_t utf8_next(const char *s, size_t len, size_t *i);
/* Decodes the code point that ends just before s[*i] and moves *i back to its start. */
uint32_t utf8_prev(const char *s, size_t *i);
/* Length of the valid UTF-8 sequence at s (len bytes available), or 0 if invalid. */
size_t utf8_seq_len(const unsigned char *s, size_t len);
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
