/* Normalising and field selection shared by the repeat checks (duplicate, verbatim, pasted). */
#ifndef NL_DUPNORM_H
#define NL_DUPNORM_H
#include <stddef.h>
#include <stdint.h>
#include "hash64.h"

/* The character normalising keeps for cp (Han, ASCII letters and digits, full-width
 * folded, capitals lowered), or 0 for one it drops (punctuation, spaces, symbols). */
uint32_t dup_keep_cp(uint32_t cp);

/* dup_keep_cp with the common case inline: a character of the CJK Unified Ideographs block
 * is kept as it is. */
static inline uint32_t
dup_keep_fast(uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return cp;
	return dup_keep_cp(cp);
}
/* Offset past the leading markers of a compared text in t[i, end): punctuation, 问题①：,
 * 一是, ①. */
size_t dup_skip_lead(const char *t, size_t i, size_t end);

struct rparam;

/* Reads the list key `fields` (result, situation, progress, state, tag, other) into bits
 * (1 << enum field_kind) of *fields, situation alone when the key is absent; 0 ok, -1 on
 * error. */
int dup_parse_fields(struct rparam *rp, unsigned *fields);

#endif
