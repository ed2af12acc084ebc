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

/* True when key, the first three bytes of a character packed by scan_key3, is one of
 * 〇零一二三四五六七八九两十: the characters a numeral read by cnnum_parse or cnnum_digits
 * can begin with. Their last bytes differ in the low six bits, so a table indexed by those
 * bits holds each of them in a slot of its own; the other slots hold 0, never a key of a
 * three-byte character. */
static inline bool
cnnum_is_lead_key(uint32_t key)
{
	static const uint32_t leads[64] = {
		[0x07] = 0xE38087,  /* 〇 */
		[0x36] = 0xE99BB6,  /* 零 */
		[0x00] = 0xE4B880,  /* 一 */
		[0x0C] = 0xE4BA8C,  /* 二 */
		[0x09] = 0xE4B889,  /* 三 */
		[0x1B] = 0xE59B9B,  /* 四 */
		[0x14] = 0xE4BA94,  /* 五 */
		[0x2D] = 0xE585AD,  /* 六 */
		[0x03] = 0xE4B883,  /* 七 */
		[0x2B] = 0xE585AB,  /* 八 */
		[0x1D] = 0xE4B99D,  /* 九 */
		[0x24] = 0xE4B8A4,  /* 两 */
		[0x01] = 0xE58D81,  /* 十 */
	};

	return leads[key & 0x3F] == key;
}

#endif
