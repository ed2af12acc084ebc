/* The encoding: a magic word, then varints and length-prefixed strings, read back with a
 * bound check at every step. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "repo/codec.h"
#include "xalloc.h"

#define MAGIC "NLR1"

static void
put_num(struct strbuf *b, uint64_t v)
{
	unsigned char c;

	do {
		c = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v != 0)
			c |= 0x80;
		strbuf_put(b, (const char *)&c, 1);
	} while (v != 0);
}

static void
put_str(struct strbuf *b, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	put_num(b, n);
	strbuf_put(b, s != NULL ? s : "", n);
}

void
codec_put(struct strbuf *out, const struct diag_list *dl)
{
	const struct diag *d;
	size_t i, k;

	strbuf_put(out, MAGIC, 4);
	put_num(out, dl->n);
	put_num(out, dl->dropped);
	put_num(out, dl->cut);
	for (i = 0; i < dl->n; i++) {
		d = &dl->v[i];
		put_str(out, d->rule);
		put_num(out, (uint64_t)d->level);
		put_num(out, d->span.start);
		put_num(out, d->span.end);
		put_str(out, d->message);
		put_num(out, d->nrelated);
		for (k = 0; k < d->nrelated; k++) {
			put_num(out, d->related[k].span.start);
			put_num(out, d->related[k].span.end);
			put_str(out, d->related[k].message);
		}
		put_num(out, d->nedits);
		for (k = 0; k < d->nedits; k++) {
			put_num(out, d->edits[k].span.start);
			put_num(out, d->edits[k].span.end);
			put_str(out, d->edits[k].text);
		}
	}
}

/* A reader over the bytes; ok turns false at the first malformed field. */
struct reader {
	const unsigned char *p, *end;
	int ok;
};

static uint64_t
get_num(struct reader *r)
{
	uint64_t v = 0;
	unsigned shift = 0;

	while (r->ok) {
		if (r->p >= r->end || shift > 63) {
			r->ok = 0;
			break;
		}
		v |= (uint64_t)(*r->p & 0x7f) << shift;
		shift += 7;
		if ((*r->p++ & 0x80) == 0)
			return v;
	}
	return 0;
}

/* A count of items of at least min_bytes each that the rest of the bytes can hold. */
static size_t
get_count(struct reader *r, size_t min_bytes)
{
	uint64_t n = get_num(r);

	if (n > (uint64_t)(r->end - r->p) / min_bytes)
		r->ok = 0;
	return r->ok ? (size_t)n : 0;
}

static char *
get_str(struct reader *r)
{
	size_t n = get_count(r, 1);
	char *s;

	if (!r->ok)
		return NULL;
	s = xstrndup((const char *)r->p, n);
	r->p += n;
	return s;
}

int
codec_get(struct diag_list *dl, const unsigned char *p, size_t n, codec_id_fn ids,
    const void *ctx)
{
	struct reader r = {p, p + n, n >= 4 && memcmp(p, MAGIC, 4) == 0};
	struct diag *d;
	size_t count, i, k;
	char *id;

	r.p += r.ok ? 4 : 0;
	count = get_count(&r, 6);
	dl->dropped = (size_t)get_num(&r);
	dl->cut = get_num(&r) != 0;
	if (r.ok && count > 0) {
		dl->v = xcalloc(count, sizeof(*dl->v));
		dl->cap = count;
	}
	for (i = 0; r.ok && i < count; i++) {
		d = &dl->v[dl->n++];
		id = get_str(&r);
		d->rule = id != NULL ? ids(ctx, id) : NULL;
		free(id);
		d->level = (enum level)get_num(&r);
		d->span.start = (size_t)get_num(&r);
		d->span.end = (size_t)get_num(&r);
		d->message = get_str(&r);
		if (d->rule == NULL || d->level < LEVEL_INFO || d->level > LEVEL_ERROR)
			r.ok = 0;
		d->nrelated = get_count(&r, 3);
		d->related = d->nrelated ? xcalloc(d->nrelated, sizeof(*d->related)) : NULL;
		for (k = 0; r.ok && k < d->nrelated; k++) {
			d->related[k].span.start = (size_t)get_num(&r);
			d->related[k].span.end = (size_t)get_num(&r);
			d->related[k].message = get_str(&r);
		}
		d->nedits = get_count(&r, 3);
		d->edits = d->nedits ? xcalloc(d->nedits, sizeof(*d->edits)) : NULL;
		for (k = 0; r.ok && k < d->nedits; k++) {
			d->edits[k].span.start = (size_t)get_num(&r);
			d->edits[k].span.end = (size_t)get_num(&r);
			d->edits[k].text = get_str(&r);
		}
	}
	if (r.ok && r.p == r.end)
		return 0;
	diag_list_free(dl);
	diag_list_init(dl, dl->lang);
	return -1;
}
