/* Matching fingerprints across notices: the fingerprints of all notices sorted by hash, a
 * hash kept when few notices of different issuers hold it (document frequency), each pair
 * of its holders a match, and a notice's matches with one other notice on one diagonal of
 * one line joined into one passage. */
#include <stdlib.h>
#include <string.h>
#include "repo/corpus.h"
#include "xalloc.h"

/* One fingerprint of one notice. */
struct ref {
	uint64_t h;
	size_t doc, fp;
};

/* A fingerprint too frequent to be a copy (boilerplate) in one notice's line. */
struct boiler {
	size_t doc;
	uint32_t line, ci;
};

/* Least characters of a passage that boilerplate windows of its notice must leave
 * uncovered: a formula followed by a word that two notices happen to share is no copy. */
#define NOVEL_MIN 25

/* One match of notice a's fingerprint with notice b's. */
struct match {
	size_t a, b;
	const struct shingle *fa, *fb;
};

static int
by_hash(const void *x, const void *y)
{
	const struct ref *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->fp < b->fp ? -1 : a->fp > b->fp;
}

static long
diagonal(const struct match *m)
{
	return (long)m->fa->ci - (long)m->fb->ci;
}

static int
by_passage(const void *x, const void *y)
{
	const struct match *a = x, *b = y;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	if (a->fa->line != b->fa->line)
		return a->fa->line < b->fa->line ? -1 : 1;
	if (a->fb->line != b->fb->line)
		return a->fb->line < b->fb->line ? -1 : 1;
	if (diagonal(a) != diagonal(b))
		return diagonal(a) < diagonal(b) ? -1 : 1;
	return a->fa->ci < b->fa->ci ? -1 : a->fa->ci > b->fa->ci;
}

static int
by_place(const void *x, const void *y)
{
	const struct boiler *a = x, *b = y;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->ci < b->ci ? -1 : a->ci > b->ci;
}

/* Characters of the passage ci [from, to) of notice doc's line that no boilerplate window
 * b[0, nb) (sorted by place) covers. */
static size_t
novel(const struct boiler *b, size_t nb, size_t doc, uint32_t line, uint32_t from,
    uint32_t to)
{
	struct boiler key = {doc, line, from >= SHINGLE_K ? from - SHINGLE_K : 0};
	size_t lo = 0, hi = nb, mid, n = 0;
	uint32_t at = from, end;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (by_place(&b[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nb && b[lo].doc == doc && b[lo].line == line && b[lo].ci < to; lo++) {
		end = b[lo].ci + SHINGLE_K;
		if (end <= at)
			continue;
		if (b[lo].ci > at)
			n += b[lo].ci - at;
		at = end;
		if (at >= to)
			break;
	}
	if (at < to)
		n += to - at;
	return n;
}

/* True when the holders r[0, n) of one hash are few enough notices of few enough issuers
 * not to be boilerplate. */
static bool
rare(const struct ref *r, size_t n, const struct corpus_doc *docs, size_t total,
    const struct corpus_limits *lim)
{
	size_t nd = 0, ni = 0, i, j;
	double cap = lim->max_share * (double)total;

	for (i = 0; i < n; i++) {
		if (i > 0 && r[i].doc == r[i - 1].doc)
			continue;
		nd++;
		for (j = 0; j < i; j++)
			if (docs[r[j].doc].issuer != NULL && docs[r[i].doc].issuer != NULL &&
			    strcmp(docs[r[j].doc].issuer, docs[r[i].doc].issuer) == 0)
				break;
		if (j == i)
			ni++;
		if ((long)ni > lim->max_issuers)
			return false;
	}
	return nd >= 2 && ((double)nd <= cap || (long)nd <= lim->max_issuers);
}

/* The entry of path in v, added when new. */
static struct corpus_entry *
entry(struct corpus_view *v, const char *path)
{
	size_t i;

	for (i = v->n; i > 0; i--)
		if (strcmp(v->v[i - 1].path, path) == 0)
			return &v->v[i - 1];
	v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof(*v->v));
	memset(&v->v[v->n], 0, sizeof(v->v[v->n]));
	v->v[v->n].path = xstrdup(path);
	v->sorted = false;
	return &v->v[v->n++];
}

/* Adds the passage of the matches m[0, n) (one notice pair, line pair and diagonal). */
static void
add_passage(struct corpus_view *v, const struct corpus_doc *docs, const struct match *m,
    size_t n)
{
	struct corpus_entry *e = entry(v, docs[m[0].a].path);
	struct corpus_hit *h;

	e->hits = xgrow(e->hits, &e->cap, e->n + 1, sizeof(*e->hits));
	h = &e->hits[e->n++];
	h->start = m[0].fa->start;
	h->end = m[n - 1].fa->end;
	h->chars = m[n - 1].fa->ci - m[0].fa->ci + SHINGLE_K;
	h->other = xstrdup(docs[m[0].b].path);
	h->other_line = m[0].fb->line + 1;
	h->other_col = m[0].fb->col;
	h->own_unit = docs[m[0].a].issuer ? shingle_unit(docs[m[0].a].issuer) : NULL;
	h->other_unit = shingle_unit(docs[m[0].b].issuer);
}

/* Joins each notice's matches into passages, dropping those that boilerplate windows
 * cover but for a few characters. */
static void
passages(struct corpus_view *v, const struct corpus_doc *docs, struct match *m, size_t n,
    const struct boiler *b, size_t nb)
{
	size_t i, first = 0;

	qsort(m, n, sizeof(*m), by_passage);
	for (i = 1; i <= n; i++) {
		if (i < n && m[i].a == m[first].a && m[i].b == m[first].b &&
		    m[i].fa->line == m[first].fa->line && m[i].fb->line == m[first].fb->line &&
		    diagonal(&m[i]) == diagonal(&m[first]) &&
		    m[i].fa->ci <= m[i - 1].fa->ci + SHINGLE_K)
			continue;
		if (novel(b, nb, m[first].a, m[first].fa->line, m[first].fa->ci,
		    m[i - 1].fa->ci + SHINGLE_K) >= NOVEL_MIN)
			add_passage(v, docs, m + first, i - first);
		first = i;
	}
}

void
corpus_match(struct corpus_view *v, const struct corpus_doc *docs, size_t n, size_t total,
    const struct corpus_limits *lim)
{
	struct ref *r = NULL;
	struct match *m = NULL;
	struct boiler *b = NULL;
	size_t nr = 0, rcap = 0, nm = 0, mcap = 0, nb = 0, bcap = 0, i, j, k, run;

	for (i = 0; i < n; i++)
		for (k = 0; k < docs[i].nfp; k++) {
			r = xgrow(r, &rcap, nr + 1, sizeof(*r));
			r[nr].h = docs[i].fp[k].h;
			r[nr].doc = i;
			r[nr++].fp = k;
		}
	if (nr > 0)
		qsort(r, nr, sizeof(*r), by_hash);
	for (i = 0; i < nr; i = run) {
		for (run = i + 1; run < nr && r[run].h == r[i].h; run++)
			;
		if (run - i < 2)
			continue;
		if (!rare(r + i, run - i, docs, total, lim)) {
			for (j = i; j < run; j++) {
				b = xgrow(b, &bcap, nb + 1, sizeof(*b));
				b[nb].doc = r[j].doc;
				b[nb].line = docs[r[j].doc].fp[r[j].fp].line;
				b[nb++].ci = docs[r[j].doc].fp[r[j].fp].ci;
			}
			continue;
		}
		for (j = i; j < run; j++)
			for (k = i; k < run; k++) {
				const char *ia = docs[r[j].doc].issuer, *ib = docs[r[k].doc].issuer;

				if (r[j].doc == r[k].doc || ia == NULL || ib == NULL || strcmp(ia, ib) == 0)
					continue;
				m = xgrow(m, &mcap, nm + 1, sizeof(*m));
				m[nm].a = r[j].doc;
				m[nm].b = r[k].doc;
				m[nm].fa = &docs[r[j].doc].fp[r[j].fp];
				m[nm++].fb = &docs[r[k].doc].fp[r[k].fp];
			}
	}
	if (nb > 0)
		qsort(b, nb, sizeof(*b), by_place);
	if (nm > 0)
		passages(v, docs, m, nm, b, nb);
	free(b);
	free(m);
	free(r);
}

static int
by_path(const void *x, const void *y)
{
	return strcmp(((const struct corpus_entry *)x)->path, ((const struct corpus_entry *)y)->path);
}

static int
by_position(const void *x, const void *y)
{
	const struct corpus_hit *a = x, *b = y;
	int c;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	c = strcmp(a->other, b->other);
	return c != 0 ? c : (a->other_line > b->other_line) - (a->other_line < b->other_line);
}

static int
by_key(const void *key, const void *elem)
{
	return strcmp(key, ((const struct corpus_entry *)elem)->path);
}

void
corpus_view_finish(struct corpus_view *v)
{
	size_t i;

	if (v->n > 0)
		qsort(v->v, v->n, sizeof(*v->v), by_path);
	for (i = 0; i < v->n; i++)
		if (v->v[i].n > 0)
			qsort(v->v[i].hits, v->v[i].n, sizeof(*v->v[i].hits), by_position);
	v->sorted = true;
}

const struct corpus_hit *
corpus_view_find(const struct corpus_view *v, const char *path, size_t *n)
{
	const struct corpus_entry *e;

	*n = 0;
	if (v == NULL || v->n == 0 || !v->sorted)
		return NULL;
	e = bsearch(path, v->v, v->n, sizeof(*v->v), by_key);
	if (e == NULL)
		return NULL;
	*n = e->n;
	return e->hits;
}

void
corpus_view_free(struct corpus_view *v)
{
	size_t i, k;

	for (i = 0; i < v->n; i++) {
		for (k = 0; k < v->v[i].n; k++) {
			free(v->v[i].hits[k].other);
			free(v->v[i].hits[k].own_unit);
			free(v->v[i].hits[k].other_unit);
		}
		free(v->v[i].hits);
		free(v->v[i].path);
	}
	free(v->v);
	memset(v, 0, sizeof(*v));
}
