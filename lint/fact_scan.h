/* Skipping over the text a fact scan has nothing to read in: to the next ASCII digit, a
 * whole character at a time past one that starts nothing. */
#ifndef NL_FACT_SCAN_H
#define NL_FACT_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include "bytefind.h"

/* Offset of the first ASCII digit in s[i, end), or end. */
static inline size_t
fact_next_digit(const char *s, size_t i, size_t end)
{
	return bytefind_range(s, i, end, '0', '9');
}

/* Bytes from s[i] to the next offset a decoding scan visits, when s[i] starts nothing:
 * three for a lead byte E0-EF followed by two continuation bytes (no reader starts at a
 * continuation byte), else one. key is scan_key3(s, i, end). */
static inline size_t
fact_scan_step(uint32_t key)
{
	return (key & 0xF0C0C0u) == 0xE08080u ? 3 : 1;
}

#endif
