/* Byte-level reading of UTF-8 text shared by the fact extractors: fixed words, short
 * runs of white space and ASCII digits. */
#include <string.h>
#include "scan.h"

size_t
scan_word(const char *s, size_t i, size_t end, const char *w)
{
	size_t n = strlen(w);

	return end - i >= n && memcmp(s + i, w, n) == 0 ? n : 0;
}

size_t
scan_blanks(const char *s, size_t i, size_t end, bool *skipped)
{
	int k;

	for (k = 0; k < 2 && i < end; k++) {
		size_t n = scan_word(s, i, end, " ");

		if (n == 0)
			n = scan_word(s, i, end, "\xC2\xA0");
		if (n == 0)
			n = scan_word(s, i, end, "\xE3\x80\x80");
		if (n == 0)
			break;
		i += n;
		*skipped = true;
	}
	return i;
}

bool
scan_is_digit(char c)
{
	return c >= '0' && c <= '9';
}
