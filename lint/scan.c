/* Byte-level reading of UTF-8 text shared by the fact extractors: short runs of white
 * space and the code point before an offset (fixed words and digits are inline in scan.h). */
#include "scan.h"
#include "utf8.h"

/* Bytes of the blank (ASCII space, NBSP, U+3000) at i, else 0. */
static size_t
blank_at(const char *s, size_t i, size_t end)
{
	unsigned char c = (unsigned char)s[i];

	if (c == ' ')
		return 1;
	if (c == 0xC2)
		return scan_word(s, i, end, "\xC2\xA0");
	if (c == 0xE3)
		return scan_word(s, i, end, "\xE3\x80\x80");
	return 0;
}

size_t
scan_blanks(const char *s, size_t i, size_t end, bool *skipped)
{
	int k;

	for (k = 0; k < 2 && i < end; k++) {
		size_t n = blank_at(s, i, end);

		if (n == 0)
			break;
		i += n;
		*skipped = true;
	}
	return i;
}

uint32_t
scan_prev(const char *s, size_t start, size_t i)
{
	size_t j, k;
	uint32_t cp;

	if (i == start)
		return 0;
	/* The character ends at i when it starts at the nearest byte before i that is not a
	 * continuation byte; otherwise the byte before i was read alone, as U+FFFD. */
	j = i - 1;
	while (j > start && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	k = j;
	cp = utf8_next(s, i, &k);
	return k == i ? cp : 0xFFFD;
}
