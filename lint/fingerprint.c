/* Content fingerprints: FNV-1a over the rule id, the normalised text of the diagnosed span
 * with a little context on its line, and the occurrence index among equal pairs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fingerprint.h"
#include "repo/hash.h"
#include "xalloc.h"

/* Characters of context taken on each side of the span, within its line. */
#define FINGERPRINT_CONTEXT 8

#define FNV_OFFSET 14695981039346656037ULL

/* Length of the white space character at s (ASCII blanks, U+00A0, U+3000), or 0. */
static size_t
space_len(const unsigned char *s, size_t left)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' || s[0] == '\f' ||
	    s[0] == '\v')
		return 1;
	if (left >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (left >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

/* Hash of text[a, b) with white space skipped, folded into h. */
static uint64_t
hash_text(uint64_t h, const char *text, size_t a, size_t b)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n;

	while (a < b) {
		n = space_len(s + a, b - a);
		if (n == 0)
			h = hash_fnv(h, s + a++, 1);
		else
			a += n;
	}
	return h;
}

/* Start of the context before off: back up to FINGERPRINT_CONTEXT code points, not past
 * the start of the line. */
static size_t
context_start(const char *text, size_t off)
{
	int k = 0;

	while (off > 0 && text[off - 1] != '\n' && k < FINGERPRINT_CONTEXT) {
		off--;
		while (off > 0 && ((unsigned char)text[off] & 0xC0) == 0x80)
			off--;
		k++;
	}
	return off;
}

/* End of the context after off: up to FINGERPRINT_CONTEXT code points, not past the end
 * of the line. */
static size_t
context_end(const char *text, size_t len, size_t off)
{
	int k = 0;

	while (off < len && text[off] != '\n' && k < FINGERPRINT_CONTEXT) {
		off++;
		while (off < len && ((unsigned char)text[off] & 0xC0) == 0x80)
			off++;
		k++;
	}
	return off;
}

/* Hash of a diagnostic's rule and text, without its occurrence index. */
static uint64_t
content_hash(const char *text, size_t len, const struct diag *d)
{
	size_t s = d->span.start < len ? d->span.start : len;
	size_t e = d->span.end < len ? d->span.end : len;
	uint64_t h = FNV_OFFSET;

	if (e < s)
		e = s;
	h = hash_fnv(h, d->rule, strlen(d->rule) + 1);
	h = hash_text(h, text, context_start(text, s), s);
	h = hash_fnv(h, "\x01", 1);
	h = hash_text(h, text, s, e);
	h = hash_fnv(h, "\x01", 1);
	return hash_text(h, text, e, context_end(text, len, e));
}

/* One diagnostic's content hash and its position, sorted to count equal pairs. */
struct fp_slot {
	uint64_t content;
	const char *rule;
	size_t i;
};

/* Orders slots by content hash, then rule id, then position: equal pairs become runs in
 * the order they were reported. */
static int
slot_cmp(const void *pa, const void *pb)
{
	const struct fp_slot *a = pa, *b = pb;
	int c;

	if (a->content != b->content)
		return a->content < b->content ? -1 : 1;
	c = strcmp(a->rule, b->rule);
	if (c != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

void
fingerprint_diags(const char *text, size_t len, const struct diag_list *dl,
    struct fingerprint *out)
{
	struct fp_slot *slot = xcalloc(dl->n ? dl->n : 1, sizeof(*slot));
	size_t i, index = 0;
	char num[24];
	uint64_t h;

	for (i = 0; i < dl->n; i++) {
		slot[i].content = content_hash(text ? text : "", text ? len : 0, &dl->v[i]);
		slot[i].rule = dl->v[i].rule;
		slot[i].i = i;
	}
	/* Sorting makes the occurrence index O(n log n) instead of a scan of every earlier
	 * diagnostic. */
	qsort(slot, dl->n, sizeof(*slot), slot_cmp);
	for (i = 0; i < dl->n; i++) {
		if (i > 0 && slot[i].content == slot[i - 1].content &&
		    strcmp(slot[i].rule, slot[i - 1].rule) == 0)
			index++;
		else
			index = 0;
		snprintf(num, sizeof(num), "%zu", index);
		h = hash_fnv(slot[i].content, num, strlen(num));
		snprintf(out[slot[i].i].hex, sizeof(out[slot[i].i].hex), "%016llx",
		    (unsigned long long)h);
	}
	free(slot);
}

void
fingerprint_in_file(const struct fingerprint *fp, const char *path, struct fingerprint *out)
{
	uint64_t h = hash_fnv(FNV_OFFSET, path, strlen(path) + 1);

	h = hash_fnv(h, fp->hex, strlen(fp->hex));
	snprintf(out->hex, sizeof(out->hex), "%016llx", (unsigned long long)h);
}
