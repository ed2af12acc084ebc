/* Byte-level reading of UTF-8 text shared by the fact extractors: fixed words, short
 * runs of white space and ASCII digits. */
#ifndef NL_SCAN_H
#define NL_SCAN_H
#include <stdbool.h>
#include <stddef.h>

/* Bytes of the word w when s[i..end) starts with it, else 0. */
size_t scan_word(const char *s, size_t i, size_t end, const char *w);
/* Offset after up to two white-space characters (ASCII space, NBSP, U+3000) at i; sets
 * *skipped to true when it skipped any and leaves it alone otherwise. */
size_t scan_blanks(const char *s, size_t i, size_t end, bool *skipped);
/* True for an ASCII digit. */
bool scan_is_digit(char c);

#endif
