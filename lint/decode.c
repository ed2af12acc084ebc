/* Raw bytes to decoded text: strips a UTF-8 BOM, replaces each invalid byte sequence by
 * U+FFFD (recording where it was) and turns CRLF and lone CR into LF. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "utf8.h"
#include "xalloc.h"

/* Words read from memory keep the first byte lowest, so their bytes can be told apart
 * by shifts and masks. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define DECODE_WORDS 1
#else
#define DECODE_WORDS 0
#endif

static void
add_bad(struct decoded *d, size_t *cap, size_t raw_off, size_t text_off, unsigned char byte)
{
	d->bad = xgrow(d->bad, cap, d->nbad + 1, sizeof(*d->bad));
	d->bad[d->nbad].raw_offset = raw_off;
	d->bad[d->nbad].text_offset = text_off;
	d->bad[d->nbad].byte = byte;
	d->nbad++;
}

size_t
decode_valid_end(const unsigned char *s, size_t i, size_t len)
{
	uint64_t w, high;
	uint32_t w32;
	unsigned c, c1;
	size_t n, start;

	while (i < len) {
		c = s[i];
		if (c < 0x80) {
			if (len - i >= 8) {
				memcpy(&w, s + i, 8);
				high = w & 0x8080808080808080ull;
				if (high == 0) {
					i += 8;
					continue;
				}
#if DECODE_WORDS
				/* Past the ASCII bytes that open the word, to its first high byte. */
				i += (size_t)__builtin_ctzll(high) >> 3;
				continue;
#endif
			}
			i++;
			continue;
		}
		/* A three-byte sequence: lead E0-EF and two continuation bytes, not overlong
		 * (E0 needs A0 or more) and no surrogate (ED needs less than A0). */
		if ((c & 0xF0u) == 0xE0u && len - i >= 3) {
#if DECODE_WORDS
			/* A run of them, one four-byte load each: lead E1-EC or EE-EF (E0 and ED,
			 * bit 0 and 13 of 0x2001, go the long way) and two continuation bytes. */
			start = i;
			while (len - i >= 4) {
				memcpy(&w32, s + i, 4);
				if ((w32 & 0xC0C0F0u) != 0x8080E0u || ((0x2001u >> (w32 & 0x0Fu)) & 1u))
					break;
				i += 3;
			}
			if (i != start)
				continue;
#endif
			c1 = s[i + 1];
			if (((c1 ^ 0x80u) | (s[i + 2] ^ 0x80u)) >= 0x40u ||
			    (c == 0xE0u && c1 < 0xA0u) || (c == 0xEDu && c1 >= 0xA0u))
				return i;
			i += 3;
			continue;
		}
		n = utf8_seq_len(s + i, len - i);
		if (n == 0)
			return i;
		i += n;
	}
	return len;
}

/* Appends raw[i, end) (valid UTF-8) to t at *o with CRLF and lone CR turned into LF; a CR
 * at end - 1 counts as lone unless raw[end] (end < rawlen) is LF. Returns the new i. */
static size_t
copy_lines(struct decoded *d, char *t, size_t *o, const unsigned char *raw, size_t i,
    size_t end, size_t rawlen)
{
	const unsigned char *cr;
	size_t n;

	while (i < end) {
		cr = memchr(raw + i, '\r', end - i);
		n = cr != NULL ? (size_t)(cr - raw) : end;
		memcpy(t + *o, raw + i, n - i);
		*o += n - i;
		i = n;
		if (i >= end)
			break;
		if (i + 1 < rawlen && raw[i + 1] == '\n') {
			d->had_crlf = true;
			i++;
		} else {
			d->had_cr = true;
		}
		t[(*o)++] = '\n';
		i++;
	}
	return i;
}

void
decode_utf8(struct decoded *d, const unsigned char *raw, size_t rawlen)
{
	size_t i = 0, o = 0, badcap = 0, n;
	char *t;

	memset(d, 0, sizeof(*d));
	d->encoding = "UTF-8";
	if (rawlen >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
		d->had_bom = true;
		i = 3;
	}
	n = decode_valid_end(raw, i, rawlen);
	/* Valid input keeps its length at most; each invalid byte grows to 3 (U+FFFD). */
	t = xmalloc(n == rawlen ? rawlen + 1 : rawlen * 3 + 1);
	for (;;) {
		/* A CR ending the valid run is followed by an invalid byte, so it is lone. */
		i = copy_lines(d, t, &o, raw, i, n, rawlen);
		if (i >= rawlen)
			break;
		add_bad(d, &badcap, i, o, raw[i]);
		memcpy(t + o, "\xEF\xBF\xBD", 3);
		o += 3;
		i++;
		n = decode_valid_end(raw, i, rawlen);
	}
	t[o] = '\0';
	d->text = t;
	d->len = o;
}

void
decoded_free(struct decoded *d)
{
	free(d->text);
	free(d->bad);
	memset(d, 0, sizeof(*d));
}
