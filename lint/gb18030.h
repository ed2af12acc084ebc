/* GB18030 facts of the Basic Multilingual Plane for the mojibake test: for each code point
 * the first two bytes of its GB18030 code, and their class. The table is made at build
 * time by lint/gbtab_main.c, with iconv, into gb18030_table.c. */
#ifndef NL_GB18030_H
#define NL_GB18030_H

#include <stdint.h>

/* The first two GB18030 bytes of each BMP code point, first byte high: a 1-byte code
 * twice, '?' twice for a code point GB18030 has no code for (the surrogates). */
extern const uint16_t gb18030_pair[0x10000];
/* gb18030_class() of each entry of gb18030_pair. */
extern const unsigned char gb18030_cls[0x10000];

/* Four bits of a byte pair: its first byte could lead a 3-byte UTF-8 sequence (0xE0-0xEF,
 * bit 3) or continue one (0x80-0xBF, bit 2), and the same of its second byte (bits 1, 0). */
static inline unsigned
gb18030_class(uint16_t pair)
{
	return (unsigned)((pair & 0xF000) == 0xE000) << 3 | (unsigned)((pair & 0xC000) == 0x8000) << 2 |
	    (unsigned)((pair & 0x00F0) == 0x00E0) << 1 | (unsigned)((pair & 0x00C0) == 0x0080);
}

#endif
