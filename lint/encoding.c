/* Decoding of input that is not UTF-8: UTF-16 by its BOM, GB18030 by a clean trial
 * conversion, or any encoding the user names. iconv converts; this file keeps the books
 * (replacement characters, their raw offsets, line ends) the way decode_utf8 does. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "encoding.h"
#include "utf8.h"
#include "xalloc.h"

/* An undeclared input is read as GB18030 only when at least this share of its two-byte
 * characters lies in the GB2312 area (A1-F7 x A1-FE), where Chinese running text lives;
 * Latin-1 or random bytes that happen to convert do not. */
#define GB2312_SHARE_MIN 0.8

/* The converted text being built. */
struct conv {
	char *text;
	size_t len, cap;
	struct decode_bad *bad;
	size_t nbad, badcap;
};

bool
encoding_is_utf8(const unsigned char *raw, size_t len)
{
	return decode_valid_end(raw, 0, len) == len;
}

/* True when raw reads as GB2312-area Chinese text in the GB18030 byte structure. */
static bool
gb_plausible(const unsigned char *raw, size_t len)
{
	size_t i = 0, pairs = 0, common = 0;
	unsigned c, c2;

	while (i < len) {
		c = raw[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c == 0x80 || c == 0xFF || i + 1 >= len)
			return false;
		c2 = raw[i + 1];
		if (c2 >= 0x30 && c2 <= 0x39) {
			i += 4;
			continue;
		}
		pairs++;
		if (c >= 0xA1 && c <= 0xF7 && c2 >= 0xA1 && c2 <= 0xFE)
			common++;
		i += 2;
	}
	return pairs > 0 && (double)common >= (double)pairs * GB2312_SHARE_MIN;
}

static void
conv_reserve(struct conv *cv, size_t more)
{
	cv->text = xgrow(cv->text, &cv->cap, cv->len + more + 1, 1);
}

/* Records one unconvertible sequence at raw offset off and writes U+FFFD for it. */
static void
conv_bad(struct conv *cv, size_t off, unsigned char byte)
{
	cv->bad = xgrow(cv->bad, &cv->badcap, cv->nbad + 1, sizeof(*cv->bad));
	cv->bad[cv->nbad].raw_offset = off;
	cv->bad[cv->nbad].text_offset = cv->len;
	cv->bad[cv->nbad].byte = byte;
	cv->nbad++;
	conv_reserve(cv, 3);
	memcpy(cv->text + cv->len, "\xEF\xBF\xBD", 3);
	cv->len += 3;
}

/* Converts raw[start..len) from encoding from; unit is the byte count skipped after an
 * unconvertible sequence. Returns -1 when iconv does not know from. */
static int
conv_run(struct conv *cv, const char *from, const unsigned char *raw, size_t len,
    size_t start, size_t unit)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)(uintptr_t)(raw + start), *op;
	size_t inleft = len - start, oleft, r, skip;

	if (cd == (iconv_t)-1)
		return -1;
	conv_reserve(cv, inleft * 2 + 16);
	while (inleft > 0) {
		conv_reserve(cv, 16);
		op = cv->text + cv->len;
		oleft = cv->cap - cv->len - 1;
		r = iconv(cd, &in, &inleft, &op, &oleft);
		cv->len = (size_t)(op - cv->text);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			conv_reserve(cv, inleft * 2 + 16);
			continue;
		}
		skip = inleft < unit ? inleft : unit;
		conv_bad(cv, (size_t)((unsigned char *)in - raw), (unsigned char)in[0]);
		in += skip;
		inleft -= skip;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
	return 0;
}

/* Turns CRLF and lone CR into LF in place, moving the recorded text offsets along. */
static void
conv_newlines(struct conv *cv, struct decoded *d)
{
	size_t i, o = 0, k = 0;

	for (i = 0; i < cv->len; i++) {
		while (k < cv->nbad && cv->bad[k].text_offset == i)
			cv->bad[k++].text_offset = o;
		if (cv->text[i] != '\r') {
			cv->text[o++] = cv->text[i];
			continue;
		}
		if (i + 1 < cv->len && cv->text[i + 1] == '\n') {
			d->had_crlf = true;
			i++;
		} else {
			d->had_cr = true;
		}
		cv->text[o++] = '\n';
	}
	while (k < cv->nbad)
		cv->bad[k++].text_offset = o;
	cv->len = o;
}

/* Decodes with iconv into d; returns -1 when the encoding is unknown. */
static int
decode_with(struct decoded *d, const char *from, const char *name,
    const unsigned char *raw, size_t len, size_t start, size_t unit)
{
	struct conv cv;

	memset(d, 0, sizeof(*d));
	memset(&cv, 0, sizeof(cv));
	if (conv_run(&cv, from, raw, len, start, unit) != 0) {
		free(cv.text);
		free(cv.bad);
		return -1;
	}
	conv_newlines(&cv, d);
	conv_reserve(&cv, 0);
	cv.text[cv.len] = '\0';
	d->text = cv.text;
	d->len = cv.len;
	d->bad = cv.bad;
	d->nbad = cv.nbad;
	d->had_bom = start > 0;
	d->encoding = name;
	return 0;
}

/* Bytes one code unit of the named encoding takes, for skipping past a bad one. */
static size_t
unit_of(const char *name)
{
	if (strstr(name, "32") != NULL)
		return 4;
	if (strstr(name, "16") != NULL || strcasecmp(name, "UCS-2") == 0)
		return 2;
	return 1;
}

/* Length of the byte order mark of the named encoding that raw starts with, or 0. */
static size_t
bom_of(const char *name, const unsigned char *raw, size_t len)
{
	if (len >= 2 && strcasecmp(name, "UTF-16LE") == 0 && raw[0] == 0xFF && raw[1] == 0xFE)
		return 2;
	if (len >= 2 && strcasecmp(name, "UTF-16BE") == 0 && raw[0] == 0xFE && raw[1] == 0xFF)
		return 2;
	if (len >= 4 && strcasecmp(name, "GB18030") == 0 && memcmp(raw, "\x84\x31\x95\x33", 4) == 0)
		return 4;
	return 0;
}

size_t
encoding_find_nul(const unsigned char *raw, size_t len, const char *forced)
{
	size_t unit = 1, i = 0, k;
	const unsigned char *nul;

	if (forced != NULL) {
		unit = unit_of(forced);
		i = bom_of(forced, raw, len);
	} else if (len >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) ||
	    (raw[0] == 0xFE && raw[1] == 0xFF))) {
		unit = 2;
		i = 2;
	}
	if (unit == 1) {
		nul = memchr(raw + i, '\0', len - i);
		return nul != NULL ? (size_t)(nul - raw) : (size_t)-1;
	}
	for (; i + unit <= len; i += unit) {
		for (k = 0; k < unit && raw[i + k] == 0; k++)
			;
		if (k == unit)
			return i;
	}
	return (size_t)-1;
}

static int
decode_forced(struct decoded *out, const unsigned char *raw, size_t len, const char *forced)
{
	if (strcasecmp(forced, "UTF-8") == 0 || strcasecmp(forced, "UTF8") == 0) {
		decode_utf8(out, raw, len);
		return 0;
	}
	return decode_with(out, forced, forced, raw, len, bom_of(forced, raw, len),
	    unit_of(forced));
}

int
encoding_decode(struct decoded *out, const unsigned char *raw, size_t len, const char *forced)
{
	struct decoded gb;

	if (forced != NULL)
		return decode_forced(out, raw, len, forced);
	if (len >= 2 && raw[0] == 0xFF && raw[1] == 0xFE)
		return decode_with(out, "UTF-16LE", "UTF-16LE", raw, len, 2, 2);
	if (len >= 2 && raw[0] == 0xFE && raw[1] == 0xFF)
		return decode_with(out, "UTF-16BE", "UTF-16BE", raw, len, 2, 2);
	/* Valid UTF-8 (a decoding without replacements) is taken as it is. */
	decode_utf8(out, raw, len);
	if (out->nbad == 0 || !gb_plausible(raw, len))
		return 0;
	if (decode_with(&gb, "GB18030", "GB18030", raw, len, bom_of("GB18030", raw, len), 1) ==
	    0 && gb.nbad == 0) {
		decoded_free(out);
		*out = gb;
		return 0;
	}
	decoded_free(&gb);
	return 0;
}
