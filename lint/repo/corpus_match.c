/* Matching fingerprints across notices: the fingerprints of all notices sorted by hash, a
 * hash kept when few notices of different issuers hold it (document frequency), each pair
 * of its holders a match, and a notice's matches with one other notice on one diagonal of
 * one line grown, by comparing the two lines, into the whole passage they share. */
#include <stdlib.h>
#include <string.h>
#include "repo/corpus.h"
#include "xalloc.h"

/* One fingerprint of one notice. */
struct ref {
	uint64_t h;
	size_t doc, fp;
};

/* Least characters of a passage that boilerplate windows of its notice must leave
 * uncovered: a formula followed by a word that two notices happen to share is no copy. */
#define NOVEL_MIN 25

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
diagonal(const struct corpus_pair *m)
{
	return (long)m->fa->ci - (long)m->fb->ci;
}

static int
by_passage(const void *x, const void *y)
{
	const struct corpus_pair *a = x, *b = y;

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
	const struct corpus_boiler *a = x, *b = y;

	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->ci < b->ci ? -1 : a->ci > b->ci;
}

/* How far past its window a boilerplate fingerprint vouches for boilerplate: winnowing
 * picks a window in every SHINGLE_W, so a formula's text lies within SHINGLE_W - 1
 * characters of one of its frequent fingerprints. */
#define BOILER_REACH (SHINGLE_W - 1)

/* Characters of the passage ci [from, to) of notice doc's line that no boilerplate window
 * b[0, nb) (sorted by place), widened by BOILER_REACH on each side, covers. */
static size_t
novel(const struct corpus_boiler *b, size_t nb, size_t doc, uint32_t line, uint32_t from,
    uint32_t to)
{
	uint32_t back = SHINGLE_K + BOILER_REACH;
	struct corpus_boiler key = {doc, line, from >= back ? from - back : 0};
	size_t lo = 0, hi = nb, mid, n = 0;
	uint32_t at = from, start, end;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (by_place(&b[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < nb && b[lo].doc == doc && b[lo].line == line &&
	    b[lo].ci < to + BOILER_REACH; lo++) {
		start = b[lo].ci > BOILER_REACH ? b[lo].ci - BOILER_REACH : 0;
		end = b[lo].ci + SHINGLE_K + BOILER_REACH;
		if (end <= at)
			continue;
		if (start > at)
			n += start - at;
		at = end;
		if (at >= to)
			break;
	}
	if (at < to)
		n += to - at;
	return n;
}

enum corpus_df
corpus_df_of(size_t nr, size_t nd, size_t ni, size_t total, const struct corpus_limits *lim)
{
	double cap = lim->max_share * (double)total;

	if (nr < 2)
		return CORPUS_ALONE;
	return nd >= 2 && (long)ni <= lim->max_issuers &&
	    ((double)nd <= cap || (long)nd <= lim->max_issuers) ? CORPUS_RARE : CORPUS_BOILER;
}

bool
corpus_df_needs_issuers(size_t nd, size_t total, const struct corpus_limits *lim)
{
	return (long)nd > lim->max_issuers && (double)nd <= lim->max_share * (double)total;
}

/* The verdict on the fingerprint the holders r[0, n) share. */
static enum corpus_df
verdict(const struct ref *r, size_t n, const struct corpus_doc *docs, size_t total,
    const struct corpus_limits *lim)
{
	size_t nd = 0, ni = 0, i, j;

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
			break;
	}
	/* Past the issuers' limit the verdict is boilerplate whatever nd; counted all the same. */
	for (i = i < n ? i + 1 : n; i < n; i++)
		if (r[i].doc != r[i - 1].doc)
			nd++;
	return corpus_df_of(n, nd, ni, total, lim);
}

struct corpus_hit *
corpus_view_add(struct corpus_view *v, const char *path)
{
	struct corpus_entry *e = NULL;
	size_t i;

	for (i = v->n; i > 0 && e == NULL; i--)
		if (strcmp(v->v[i - 1].path, path) == 0)
			e = &v->v[i - 1];
	if (e == NULL) {
		v->v = xgrow(v->v, &v->cap, v->n + 1, sizeof(*v->v));
		e = &v->v[v->n++];
		memset(e, 0, sizeof(*e));
		e->path = xstrdup(path);
	}
	v->sorted = false;
	e->hits = xgrow(e->hits, &e->cap, e->n + 1, sizeof(*e->hits));
	memset(&e->hits[e->n], 0, sizeof(e->hits[e->n]));
	return &e->hits[e->n++];
}

/* A shared run: characters [a, a + chars) of the first notice's line and [b, b + chars) of
 * the other's, with the kept characters of both lines. */
struct run {
	size_t a, b, chars;
};

/* What growing passages needs: the lookup and the kept characters of the two lines. */
struct grower {
	const struct corpus_doc *docs;
	const struct corpus_lookup *look;
	struct shingle_kept *ka, *kb;
	size_t capa, capb, na, nb;
};

/* The kept characters of line li of notice d into *k (*n of them); false when the line's
 * text is not to be had. */
static bool
kept_of(struct grower *g, size_t d, uint32_t li, struct shingle_kept **k, size_t *cap,
    size_t *n)
{
	const struct shingle_line *l = NULL;
	struct shingle_line got;

	if (g->docs[d].lines != NULL)
		l = shingle_line_find(g->docs[d].lines, g->docs[d].nlines, li);
	if (l == NULL && g->look != NULL && g->look->line(g->look->ctx, d, li, &got))
		l = &got;
	if (l == NULL)
		return false;
	*n = shingle_kept(l, k, cap);
	return true;
}

/* Grows the window the match m shares into the whole run of equal characters around it;
 * false when the lines cannot be had or the window is not the same text (a hash
 * collision, or an index older than the file). */
static bool
grow(struct grower *g, const struct corpus_pair *m, struct run *r)
{
	size_t i = m->fa->ci, j = m->fb->ci, k, ea, eb;

	if (!kept_of(g, m->a, m->fa->line, &g->ka, &g->capa, &g->na) ||
	    !kept_of(g, m->b, m->fb->line, &g->kb, &g->capb, &g->nb) ||
	    i + SHINGLE_K > g->na || j + SHINGLE_K > g->nb)
		return false;
	for (k = 0; k < SHINGLE_K; k++)
		if (g->ka[i + k].cp != g->kb[j + k].cp)
			return false;
	while (i > 0 && j > 0 && g->ka[i - 1].cp == g->kb[j - 1].cp) {
		i--;
		j--;
	}
	ea = m->fa->ci + SHINGLE_K;
	eb = m->fb->ci + SHINGLE_K;
	while (ea < g->na && eb < g->nb && g->ka[ea].cp == g->kb[eb].cp) {
		ea++;
		eb++;
	}
	r->a = i;
	r->b = j;
	r->chars = ea - i;
	return true;
}

/* Adds the passage r of the pair of notices of match m (g holds its lines' characters). */
static void
add_passage(struct corpus_view *v, const struct grower *g, const struct corpus_pair *m,
    const struct run *r)
{
	const struct corpus_doc *docs = g->docs;
	struct corpus_hit *h = corpus_view_add(v, docs[m->a].path);

	h->start = g->ka[r->a].start;
	h->end = g->ka[r->a + r->chars - 1].end;
	h->chars = r->chars;
	h->other = xstrdup(docs[m->b].path);
	h->other_line = m->fb->line + 1;
	h->other_col = g->kb[r->b].col;
	h->own_unit = docs[m->a].issuer ? shingle_unit(docs[m->a].issuer) : NULL;
	h->other_unit = shingle_unit(docs[m->b].issuer);
	h->other_ix = m->b;
}

/* True when matches x and y are of one notice pair, line pair and diagonal. */
static bool
same_lines(const struct corpus_pair *x, const struct corpus_pair *y)
{
	return x->a == y->a && x->b == y->b && x->fa->line == y->fa->line &&
	    x->fb->line == y->fb->line && diagonal(x) == diagonal(y);
}

/* Grows each notice's matches into passages, keeping those of CORPUS_MIN_CHARS or more
 * that boilerplate windows do not cover but for a few characters; the matches of one run
 * (one pair, line pair and diagonal, their windows touching) are grown once. */
void
corpus_passages(struct corpus_view *v, const struct corpus_doc *docs, struct corpus_pair *m,
    size_t n, struct corpus_boiler *b, size_t nb, const struct corpus_lookup *look)
{
	struct grower g;
	struct run r, last = {0, 0, 0};
	size_t i, first = 0, prev = (size_t)-1;

	memset(&g, 0, sizeof(g));
	g.docs = docs;
	g.look = look;
	if (nb > 0)
		qsort(b, nb, sizeof(*b), by_place);
	qsort(m, n, sizeof(*m), by_passage);
	for (i = 1; i <= n; i++) {
		if (i < n && same_lines(&m[i], &m[first]) &&
		    m[i].fa->ci <= m[i - 1].fa->ci + SHINGLE_K)
			continue;
		/* A run whose fingerprints lie apart grows from each group to the same passage. */
		if (grow(&g, &m[first], &r) && r.chars >= CORPUS_MIN_CHARS &&
		    !(prev != (size_t)-1 && same_lines(&m[prev], &m[first]) && r.a == last.a &&
		    r.chars == last.chars) &&
		    novel(b, nb, m[first].a, m[first].fa->line, (uint32_t)r.a,
		    (uint32_t)(r.a + r.chars)) >= NOVEL_MIN) {
			add_passage(v, &g, &m[first], &r);
			last = r;
			prev = first;
		}
		first = i;
	}
	free(g.ka);
	free(g.kb);
}

void
corpus_match(struct corpus_view *v, const struct corpus_doc *docs, size_t n, size_t total,
    const struct corpus_limits *lim, const struct corpus_lookup *look)
{
	struct ref *r = NULL;
	struct corpus_pair *m = NULL;
	struct corpus_boiler *b = NULL;
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
		if (verdict(r + i, run - i, docs, total, lim) != CORPUS_RARE) {
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
	if (nm > 0)
		corpus_passages(v, docs, m, nm, b, nb, look);
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
	if (c != 0)
		return c;
	if (a->other_line != b->other_line)
		return a->other_line < b->other_line ? -1 : 1;
	return (a->other_col > b->other_col) - (a->other_col < b->other_col);
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
