/* The code point before an offset, as utf8_prev reads it, with the three-byte characters
 * of Chinese text decoded inline: for the scans that walk a clause backwards. */
#ifndef NL_PREVCP_H
#define NL_PREVCP_H
#include <stddef.h>
#include <stdint.h>
#include "utf8.h"

/* utf8_prev(s, i): decodes the code point that ends just before s[*i] and moves *i back
 * to its start. */
static inline uint32_t
prevcp(const char *s, size_t *i)
{
	const unsigned char *p;
	uint32_t cp;

	if (*i >= 3) {
		p = (const unsigned char *)s + *i - 3;
		if ((((p[0] & 0xF0u) ^ 0xE0u) | ((p[1] & 0xC0u) ^ 0x80u) | ((p[2] & 0xC0u) ^ 0x80u)) ==
		    0) {
			cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
			    (uint32_t)(p[2] & 0x3F);
			if (cp >= 0x800 && cp - 0xD800 >= 0x800) {
				*i -= 3;
				return cp;
			}
		}
	}
	return utf8_prev(s, i);
}

#endif
