/* The lexicon matcher: entries indexed by their first code point, so one left-to-right pass
 * tests at each position only the few entries that start with that character. */
#include <stdlib.h>
#include <string.h>
#include "lexicon.h"
#include "utf8.h"
#include "xalloc.h"

static const struct {
	const char *name;
	enum lex_class cls;
} classes[] = {
	{"{digit}", LEX_DIGIT},
	{"{num}", LEX_NUM},
	{"{han}", LEX_HAN},
	{"{nonhan}", LEX_NONHAN},
};

int
lex_item_parse(const char *s, struct lex_item *out, const char **why)
{
	size_t len = strlen(s), i = 0, k, cap = 0, n;
	struct lex_elem e;

	memset(out, 0, sizeof(*out));
	while (i < len) {
		memset(&e, 0, sizeof(e));
		for (k = 0; k < sizeof(classes) / sizeof(classes[0]); k++) {
			n = strlen(classes[k].name);
			if (strncmp(s + i, classes[k].name, n) == 0)
				break;
		}
		if (k < sizeof(classes) / sizeof(classes[0])) {
			e.cls = (unsigned char)classes[k].cls;
			i += n;
		} else if (s[i] == '{') {
			*why = "unknown class in braces (known: {digit} {num} {han} {nonhan})";
			goto fail;
		} else if (s[i] == '+') {
			*why = "'+' must follow a character or a class";
			goto fail;
		} else {
			if (utf8_seq_len((const unsigned char *)s + i, len - i) == 0) {
				*why = "not valid UTF-8";
				goto fail;
			}
			e.cls = LEX_LIT;
			e.cp = utf8_next(s, len, &i);
		}
		if (i < len && s[i] == '+') {
			e.plus = true;
			i++;
		}
		out->v = xgrow(out->v, &cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = e;
	}
	if (out->n == 0) {
		*why = "empty context item";
		return -1;
	}
	return 0;
fail:
	free(out->v);
	memset(out, 0, sizeof(*out));
	return -1;
}

static bool
is_cn_numeral(uint32_t cp)
{
	static const uint32_t v[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D,
	    0x4E03, 0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E24, 0x96F6};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i] == cp)
			return true;
	return false;
}

static bool
is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool
elem_ok(const struct lex_elem *e, uint32_t cp)
{
	switch ((enum lex_class)e->cls) {
	case LEX_LIT:
		return cp == e->cp;
	case LEX_DIGIT:
		return is_digit(cp);
	case LEX_NUM:
		return is_digit(cp) || is_cn_numeral(cp);
	case LEX_HAN:
		return utf8_is_han(cp);
	case LEX_NONHAN:
		return !utf8_is_han(cp);
	}
	return false;
}

/* True when item matches text starting at pos. */
static bool
item_fwd(const struct lex_item *it, const char *text, size_t len, size_t pos)
{
	size_t k, i = pos, j;
	uint32_t cp;

	for (k = 0; k < it->n; k++) {
		const struct lex_elem *e = &it->v[k];

		if (i >= len) {
			if (e->cls == LEX_NONHAN)
				continue;
			return false;
		}
		cp = utf8_next(text, len, &i);
		if (!elem_ok(e, cp))
			return false;
		while (e->plus && i < len) {
			j = i;
			cp = utf8_next(text, len, &j);
			if (!elem_ok(e, cp))
				break;
			i = j;
		}
	}
	return true;
}

/* True when item matches text ending at pos. */
static bool
item_back(const struct lex_item *it, const char *text, size_t pos)
{
	size_t k, i = pos, j;
	uint32_t cp;

	for (k = it->n; k > 0; k--) {
		const struct lex_elem *e = &it->v[k - 1];

		if (i == 0) {
			if (e->cls == LEX_NONHAN)
				continue;
			return false;
		}
		cp = utf8_prev(text, &i);
		if (!elem_ok(e, cp))
			return false;
		while (e->plus && i > 0) {
			j = i;
			cp = utf8_prev(text, &j);
			if (!elem_ok(e, cp))
				break;
			i = j;
		}
	}
	return true;
}

static bool
any_fwd(const struct lex_items *l, const char *text, size_t len, size_t pos)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (item_fwd(&l->v[i], text, len, pos))
			return true;
	return false;
}

static bool
any_back(const struct lex_items *l, const char *text, size_t pos)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (item_back(&l->v[i], text, pos))
			return true;
	return false;
}

/* True when the context of e holds around text[start, end). */
static bool
context_holds(const struct lex_entry *e, const char *text, size_t len, size_t start,
		size_t end)
{
	if (e->before.n > 0 && !any_back(&e->before, text, start))
		return false;
	if (any_back(&e->not_before, text, start))
		return false;
	if (e->after.n > 0 && !any_fwd(&e->after, text, len, end))
		return false;
	return !any_fwd(&e->not_after, text, len, end);
}

struct lex_entry *
lexicon_add(struct lexicon *lx, const char *wrong)
{
	size_t len = strlen(wrong), i = 0;
	struct lex_entry *e;

	if (len == 0)
		return NULL;
	while (i < len) {
		size_t n = utf8_seq_len((const unsigned char *)wrong + i, len - i);

		if (n == 0)
			return NULL;
		i += n;
	}
	lx->v = xgrow(lx->v, &lx->cap, lx->n + 1, sizeof(*lx->v));
	e = &lx->v[lx->n++];
	memset(e, 0, sizeof(*e));
	e->wrong = xstrdup(wrong);
	e->wlen = len;
	i = 0;
	e->first = utf8_next(wrong, len, &i);
	return e;
}

struct sort_key {
	uint32_t first;
	size_t wlen, idx;
};

static int
order_cmp(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->wlen != y->wlen)
		return x->wlen > y->wlen ? -1 : 1;
	return x->idx < y->idx ? -1 : 1;
}

static size_t
slot_of(uint32_t cp, size_t nslots)
{
	return (size_t)(((uint64_t)cp * 0x9E3779B97F4A7C15ull) >> 32) & (nslots - 1);
}

/* The filter bit of an entry that starts with code points a and b (b 0: an entry of one
 * code point, in the other filter). */
static uint32_t
filter_bit(uint32_t a, uint32_t b)
{
	return (uint32_t)((((uint64_t)a << 21 ^ b) * 0x9E3779B97F4A7C15ull) >> 51);
}

static bool
filter_has(const uint64_t *f, uint32_t bit)
{
	return (f[bit / 64] & (uint64_t)1 << (bit % 64)) != 0;
}

static void
filter_set(uint64_t *f, uint32_t bit)
{
	f[bit / 64] |= (uint64_t)1 << (bit % 64);
}

void
lexicon_build(struct lexicon *lx)
{
	struct sort_key *keys;
	struct lex_slot *sl;
	size_t i, s, runs = 0;

	free(lx->order);
	free(lx->slots);
	keys = xmalloc((lx->n > 0 ? lx->n : 1) * sizeof(*keys));
	for (i = 0; i < lx->n; i++) {
		keys[i].first = lx->v[i].first;
		keys[i].wlen = lx->v[i].wlen;
		keys[i].idx = i;
	}
	qsort(keys, lx->n, sizeof(*keys), order_cmp);
	lx->order = xmalloc((lx->n > 0 ? lx->n : 1) * sizeof(*lx->order));
	for (i = 0; i < lx->n; i++) {
		lx->order[i].wrong = lx->v[keys[i].idx].wrong;
		lx->order[i].wlen = (uint32_t)lx->v[keys[i].idx].wlen;
		lx->order[i].entry = (uint32_t)keys[i].idx;
	}
	free(keys);
	for (i = 0; i < lx->n; i++)
		if (i == 0 || lx->v[lx->order[i].entry].first != lx->v[lx->order[i - 1].entry].first)
			runs++;
	for (lx->nslots = 16; lx->nslots < 2 * runs; lx->nslots *= 2)
		;
	lx->slots = xcalloc(lx->nslots, sizeof(*lx->slots));
	memset(lx->pair, 0, sizeof(lx->pair));
	memset(lx->single, 0, sizeof(lx->single));
	memset(lx->first, 0, sizeof(lx->first));
	for (i = 0; i < lx->n; i++) {
		const struct lex_entry *e = &lx->v[i];
		size_t at = 0;

		if (e->first < 0x10000)
			filter_set(lx->first, e->first);

		(void)utf8_next(e->wrong, e->wlen, &at);
		if (at < e->wlen)
			filter_set(lx->pair, filter_bit(e->first, utf8_next(e->wrong, e->wlen, &at)));
		else
			filter_set(lx->single, filter_bit(e->first, 0));
	}
	for (i = 0; i < lx->n; i++) {
		uint32_t cp = lx->v[lx->order[i].entry].first;

		if (i > 0 && lx->v[lx->order[i - 1].entry].first == cp)
			continue;
		for (s = slot_of(cp, lx->nslots); lx->slots[s].len != 0; s = (s + 1) & (lx->nslots - 1))
			;
		sl = &lx->slots[s];
		sl->cp = cp;
		sl->at = (uint32_t)i;
		while (i + sl->len < lx->n && lx->v[lx->order[i + sl->len].entry].first == cp)
			sl->len++;
	}
}

/* The run of entries that start with cp: *at into order, count returned (0 if none). */
static inline size_t
run_of(const struct lexicon *lx, uint32_t cp, size_t *at)
{
	size_t s;

	for (s = slot_of(cp, lx->nslots); lx->slots[s].len != 0; s = (s + 1) & (lx->nslots - 1)) {
		if (lx->slots[s].cp == cp) {
			*at = lx->slots[s].at;
			return lx->slots[s].len;
		}
	}
	return 0;
}

/* The first position from i on, stepping a character at a time as utf8_next() does, that
 * is not an ASCII character or a three-byte sequence which no entry starts with; to when
 * there is none. A three-byte sequence that utf8_next() would refuse (overlong, a
 * surrogate) is stepped over whole, as its bytes one by one would be: a match starts
 * with the lead byte or ASCII byte of a valid sequence, never at a continuation byte, so
 * nothing can start inside it. */
static size_t
skip_cold(const struct lexicon *lx, const char *text, size_t i, size_t to)
{
	const unsigned char *b = (const unsigned char *)text;
	uint32_t cp;

	while (i < to) {
		if (b[i] < 0x80) {
			if (filter_has(lx->first, b[i]))
				return i;
			i++;
			continue;
		}
		if ((b[i] & 0xF0) != 0xE0 || to - i < 3 || ((b[i + 1] ^ 0x80u) | (b[i + 2] ^ 0x80u)) >= 0x40)
			return i;
		cp = (uint32_t)(b[i] & 0x0F) << 12 | (uint32_t)(b[i + 1] & 0x3F) << 6 |
		    (b[i + 2] & 0x3Fu);
		if (filter_has(lx->first, cp))
			return i;
		i += 3;
	}
	return to;
}

int
lexicon_scan(const struct lexicon *lx, const char *text, size_t len, size_t from, size_t to,
		int (*fn)(size_t entry, size_t start, size_t end, void *ctx), void *ctx)
{
	size_t i = from, next, after, at = 0, n, k;
	uint32_t cp, cp2;
	int rc;

	if (to > len)
		to = len;
	while ((i = skip_cold(lx, text, i, to)) < to) {
		/* cp is the code point at i and next the offset after it; cp2 follows. */
		next = i;
		cp = utf8_next(text, to, &next);
		after = next;
		cp2 = next < to ? utf8_next(text, to, &after) : 0;
		if (!filter_has(lx->pair, filter_bit(cp, cp2)) &&
		    !filter_has(lx->single, filter_bit(cp, 0))) {
			i = next;
			continue;
		}
		n = run_of(lx, cp, &at);
		for (k = 0; k < n; k++) {
			const struct lex_key *e = &lx->order[at + k];

			if (e->wlen > to - i || memcmp(text + i, e->wrong, e->wlen) != 0 ||
			    !context_holds(&lx->v[e->entry], text, len, i, i + e->wlen))
				continue;
			if ((rc = fn(e->entry, i, i + e->wlen, ctx)) != 0)
				return rc;
			next = i + e->wlen;
			break;
		}
		i = next;
	}
	return 0;
}

static void
items_free(struct lex_items *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].v);
	free(l->v);
}

void
lexicon_pop(struct lexicon *lx)
{
	struct lex_entry *e;

	if (lx->n == 0)
		return;
	e = &lx->v[--lx->n];
	free(e->wrong);
	items_free(&e->before);
	items_free(&e->not_before);
	items_free(&e->after);
	items_free(&e->not_after);
	memset(e, 0, sizeof(*e));
}

void
lexicon_free(struct lexicon *lx)
{
	while (lx->n > 0)
		lexicon_pop(lx);
	free(lx->v);
	free(lx->order);
	free(lx->slots);
	memset(lx, 0, sizeof(*lx));
}
