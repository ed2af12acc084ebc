/* Chinese numerals: 十三, 两, 二十一, 一百零八, 三万五千 by value, and digit strings such as
 * 二〇二五 read place by place. */
#ifndef NL_CNNUM_H
#define NL_CNNUM_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True for a character that can be part of a Chinese numeral (〇零一…九两十百千万亿). */
bool cnnum_is_char(uint32_t cp);
/* Reads the numeral at the start of s[0..len) with units (十三, 两百); returns the bytes
 * read and stores the value in *value, or returns 0 when s does not start with a well-formed
 * numeral (a digit string such as 二〇二五 is not one: see cnnum_digits). */
size_t cnnum_parse(const char *s, size_t len, long *value);
/* Reads a run of at least two digit characters without units (二〇二五, 一九九八) place by
 * place; returns the bytes read (0 if none) and stores the value and the digit count. */
size_t cnnum_digits(const char *s, size_t len, long *value, int *ndigits);

#endif
