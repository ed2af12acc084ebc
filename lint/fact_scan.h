/* Skipping over the text a fact scan has nothing to read in: eight bytes at a time to the
 * next ASCII digit, a whole character at a time past one that starts nothing. */
#ifndef NL_FACT_SCAN_H
#define NL_FACT_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FACT_SCAN_WORDS 1
#else
#define FACT_SCAN_WORDS 0
/* Bytes from s[i] to the next offset a decoding scan visits, when s[i] starts nothing:
 * three for a lead byte E0-EF followed by two continuation bytes (no reader starts at a
 * continuation byte), else one. key is scan_key3(s, i, end). */
static inline size_t
fact_scan_step(uint32_t key)
{
	return (key & 0xF0C0C0u) == 0xE08080u ? 3 : 1;
}

#endif

#define FACT_SCAN_ONES 0x0101010101010101ull

/* The high bit of every byte of w that lies in (lo, hi), lo < hi <= 0x80; exact, since no
 * byte's arithmetic carries into the next. */
static inline uint64_t
fact_scan_between(uint64_t w, unsigned lo, unsigned hi)
{
	uint64_t low7 = w & FACT_SCAN_ONES * 0x7F;

	return (FACT_SCAN_ONES * (127 + hi) - low7) & ~w & (low7 + FACT_SCAN_ONES * (127 - lo)) &
	    FACT_SCAN_ONES * 0x80;
}

/* Offset of the first ASCII digit in s[i, end), or end. */
static inline size_t
fact_next_digit(const char *s, size_t i, size_t end)
{
	uint64_t w, m;

#if FACT_SCAN_WORDS
	for (; end - i >= 8; i += 8) {
		memcpy(&w, s + i, 8);
		if ((m = fact_scan_between(w, '0' - 1, '9' + 1)) != 0)
			return i + ((size_t)__builtin_ctzll(m) >> 3);
	}
#else
	(void)w;
	(void)m;
/* Bytes from s[i] to the next offset a decoding scan visits, when s[i] starts nothing:
 * three for a lead byte E0-EF followed by two continuation bytes (no reader starts at a
 * continuation byte), else one. key is scan_key3(s, i, end). */
static inline size_t
fact_scan_step(uint32_t key)
{
	return (key & 0xF0C0C0u) == 0xE08080u ? 3 : 1;
}

#endif
	while (i < end && (s[i] < '0' || s[i] > '9'))
		i++;
	return i;
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
