/* Each notice's passages shared with other notices, kept in corpus.db (the hits table,
 * by notice and other notice), so a run where nothing changed replays them and a change
 * recomputes only the notices it touches: one notice's passages computed from the index
 * (its fingerprints, their verdicts from the document frequencies, the other holders of
 * the rare ones) exactly as the matcher computes them over the whole corpus. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "repo/corpus_state.h"
#include "repo/db.h"
#include "xalloc.h"

static int
by_id(const void *a, const void *b)
{
	long long x = (*(const struct cdoc *const *)a)->id, y = (*(const struct cdoc *const *)b)->id;

	return (x > y) - (x < y);
}

void
corpus_byid(struct cindex *x)
{
	size_t i;

	free(x->byid);
	x->byid = xcalloc(x->n ? x->n : 1, sizeof(*x->byid));
	for (i = 0; i < x->n; i++)
		x->byid[i] = &x->v[i];
	qsort(x->byid, x->n, sizeof(*x->byid), by_id);
}

struct cdoc *
corpus_find_id(const struct cindex *x, long long id)
{
	struct cdoc key, *kp = &key, **dp;

	key.id = id;
	if (id == 0 || x->byid == NULL)
		return NULL;
	dp = bsearch(&kp, x->byid, x->n, sizeof(*x->byid), by_id);
	return dp != NULL ? *dp : NULL;
}

bool
corpus_index_line(void *ctx, size_t d, uint32_t li, struct shingle_line *out)
{
	struct cindex *x = ctx;
	const void *blob;
	bool ok = false;
	int rc;

	if (x->get_line == NULL)
		return false;
	sqlite3_bind_int64(x->get_line, 1, x->v[d].id);
	sqlite3_bind_int64(x->get_line, 2, li);
	rc = sqlite3_step(x->get_line);
	if (rc == SQLITE_ROW && (blob = sqlite3_column_blob(x->get_line, 2)) != NULL) {
		free(x->line_text);
		out->line = li;
		out->col = (uint32_t)sqlite3_column_int64(x->get_line, 0);
		out->off = (size_t)sqlite3_column_int64(x->get_line, 1);
		out->len = (size_t)sqlite3_column_bytes(x->get_line, 2);
		x->line_text = xstrndup(blob, out->len);
		out->text = x->line_text;
		ok = true;
	}
	repodb_read(x->db, rc);
	sqlite3_reset(x->get_line);
	return ok;
}

void
corpus_hits_begin(struct cindex *x)
{
	size_t i;

	x->docs = xcalloc(x->n ? x->n : 1, sizeof(*x->docs));
	for (i = 0; i < x->n; i++) {
		x->docs[i].path = x->v[i].real;
		x->docs[i].issuer = x->v[i].issuer;
		x->docs[i].fp = x->v[i].fp.v;
		x->docs[i].nfp = x->v[i].fp.n;
		x->docs[i].lines = x->v[i].fp.nlines > 0 ? x->v[i].fp.lines : NULL;
		x->docs[i].nlines = x->v[i].fp.nlines;
	}
	if (x->db_ok && x->db->db != NULL && sqlite3_prepare_v2(x->db->db, "SELECT col, off, "
	    "text FROM lines WHERE doc = ?1 AND line = ?2", -1, &x->get_line, NULL) != SQLITE_OK) {
		sqlite3_finalize(x->get_line);
		x->get_line = NULL;
	}
}

void
corpus_hits_end(struct cindex *x)
{
	sqlite3_finalize(x->get_line);
	x->get_line = NULL;
	free(x->line_text);
	x->line_text = NULL;
	free(x->docs);
	x->docs = NULL;
}

/* Stores the hits h[0, n) of notice d. */
static void
put_hits(struct cindex *x, const struct cdoc *d, const struct corpus_hit *h, size_t n)
{
	sqlite3_stmt *st = n > 0 ? corpus_prepare(x, "INSERT INTO hits(doc, other, start, end, "
	    "chars, oline, ocol) VALUES(?, ?, ?, ?, ?, ?, ?)") : NULL;
	size_t k;

	for (k = 0; k < n && x->db_ok; k++) {
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_int64(st, 2, x->v[h[k].other_ix].id);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)h[k].start);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)h[k].end);
		sqlite3_bind_int64(st, 5, (sqlite3_int64)h[k].chars);
		sqlite3_bind_int64(st, 6, h[k].other_line);
		sqlite3_bind_int64(st, 7, h[k].other_col);
		corpus_step(x, st);
	}
	sqlite3_finalize(st);
}

bool
corpus_hits_store_all(struct cindex *x, struct corpus_view *v)
{
	const struct corpus_hit *h;
	size_t i, n;

	corpus_view_finish(v);
	corpus_exec(x, "DELETE FROM hits");
	for (i = 0; i < x->n && x->db_ok; i++) {
		h = corpus_view_find(v, x->v[i].real, &n);
		put_hits(x, &x->v[i], h, n);
	}
	return x->db_ok;
}

bool
corpus_hits_forget(struct cindex *x, long long id)
{
	sqlite3_stmt *st = corpus_prepare(x, "DELETE FROM hits WHERE doc = ?1 OR other = ?1");

	if (st != NULL)
		sqlite3_bind_int64(st, 1, id);
	corpus_step(x, st);
	sqlite3_finalize(st);
	return x->db_ok;
}

/* One window read from the index, and whose it is. */
struct window {
	size_t doc;            /* index in x->v */
	struct shingle s;
};

/* Appends the fingerprint row of st (doc, line, ci, h, col, start, end) to *w. */
static void
add_window(struct window **w, size_t *n, size_t *cap, size_t doc, sqlite3_stmt *st)
{
	struct window *p;

	*w = xgrow(*w, cap, *n + 1, sizeof(**w));
	p = &(*w)[(*n)++];
	p->doc = doc;
	p->s.line = (uint32_t)sqlite3_column_int64(st, 1);
	p->s.ci = (uint32_t)sqlite3_column_int64(st, 2);
	p->s.h = (uint64_t)sqlite3_column_int64(st, 3);
	p->s.col = (uint32_t)sqlite3_column_int64(st, 4);
	p->s.start = (size_t)sqlite3_column_int64(st, 5);
	p->s.end = (size_t)sqlite3_column_int64(st, 6);
}

/* Reads the windows of hash h, or of row id when h is NULL, onto *w (those of notices the
 * run does not know are left out); false on a read failure. */
static bool
read_windows(struct cindex *x, sqlite3_stmt *st, long long id, const uint64_t *h,
    struct window **w, size_t *n, size_t *cap)
{
	struct cdoc *d;
	int rc;

	if (h != NULL)
		sqlite3_bind_int64(st, 1, (sqlite3_int64)*h);
	else
		sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((d = corpus_find_id(x, sqlite3_column_int64(st, 0))) != NULL)
			add_window(w, n, cap, (size_t)(d - x->v), st);
	repodb_read(x->db, rc);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		x->db_ok = false;
	return x->db_ok;
}

static int
by_window_hash(const void *a, const void *b)
{
	const struct window *x = a, *y = b;

	if (x->s.h != y->s.h)
		return x->s.h < y->s.h ? -1 : 1;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* The windows of notice i (own, sorted by hash) and of the other holders of its rare ones (them); its
 * boilerplate windows into *b. */
static void
gather(struct cindex *x, size_t i, struct window **own, size_t *nown, struct window **them,
    size_t *nthem, struct corpus_boiler **b, size_t *nb)
{
	sqlite3_stmt *mine = corpus_prepare(x, "SELECT doc, line, ci, h, col, start, end FROM fp "
	    "WHERE doc = ?1");
	sqlite3_stmt *holders = corpus_prepare(x, "SELECT doc, line, ci, h, col, start, end "
	    "FROM fp WHERE h = ?1");
	size_t ocap = 0, tcap = 0, bcap = 0, k;
	enum corpus_df df;

	if (mine == NULL || holders == NULL ||
	    !read_windows(x, mine, x->v[i].id, NULL, own, nown, &ocap)) {
		sqlite3_finalize(mine);
		sqlite3_finalize(holders);
		return;
	}
	if (*nown > 1)
		qsort(*own, *nown, sizeof(**own), by_window_hash);
	for (k = 0; k < *nown && x->db_ok; k++) {
		df = corpus_df_now(x, (*own)[k].s.h, x->n);
		if (df == CORPUS_BOILER) {
			*b = xgrow(*b, &bcap, *nb + 1, sizeof(**b));
			(*b)[*nb].doc = i;
			(*b)[*nb].line = (*own)[k].s.line;
			(*b)[(*nb)++].ci = (*own)[k].s.ci;
		} else if (df == CORPUS_RARE && (k == 0 || (*own)[k - 1].s.h != (*own)[k].s.h)) {
			read_windows(x, holders, 0, &(*own)[k].s.h, them, nthem, &tcap);
		}
	}
	sqlite3_finalize(mine);
	sqlite3_finalize(holders);
}

/* The pairs of notice i's rare windows own[0, nown) with the other holders' them[0, nt)
 * (both sorted by hash), of notices of two known, different issuers. */
static struct corpus_pair *
pairs(struct cindex *x, size_t i, const struct window *own, size_t nown,
    const struct window *them, size_t nt, size_t *np, bool partners)
{
	struct corpus_pair *m = NULL;
	size_t cap = 0, a, b = 0, lo;
	const char *ia = x->v[i].issuer, *ib;

	*np = 0;
	for (a = 0; a < nown && ia != NULL; a++) {
		while (b < nt && them[b].s.h < own[a].s.h)
			b++;
		for (lo = b; lo < nt && them[lo].s.h == own[a].s.h; lo++) {
			ib = x->v[them[lo].doc].issuer;
			if (them[lo].doc == i || ib == NULL || strcmp(ia, ib) == 0)
				continue;
			m = xgrow(m, &cap, *np + 1, sizeof(*m));
			m[*np].a = i;
			m[*np].b = them[lo].doc;
			m[*np].fa = &own[a].s;
			m[(*np)++].fb = &them[lo].s;
			if (partners)
				x->v[them[lo].doc].redo = true;
		}
	}
	return m;
}

bool
corpus_hits_redo(struct cindex *x, size_t i, bool partners)
{
	struct window *own = NULL, *them = NULL;
	struct corpus_boiler *b = NULL;
	struct corpus_pair *m;
	struct corpus_lookup look = {corpus_index_line, x};
	struct corpus_view v;
	sqlite3_stmt *del = corpus_prepare(x, "DELETE FROM hits WHERE doc = ?1");
	const struct corpus_hit *h;
	size_t nown = 0, nthem = 0, nb = 0, np = 0, n;

	memset(&v, 0, sizeof(v));
	if (del != NULL)
		sqlite3_bind_int64(del, 1, x->v[i].id);
	corpus_step(x, del);
	sqlite3_finalize(del);
	gather(x, i, &own, &nown, &them, &nthem, &b, &nb);
	if (nthem > 1)
		qsort(them, nthem, sizeof(*them), by_window_hash);
	m = x->db_ok ? pairs(x, i, own, nown, them, nthem, &np, partners) : NULL;
	if (np > 0) {
		corpus_passages(&v, x->docs, m, np, b, nb, &look);
		corpus_view_finish(&v);
		h = corpus_view_find(&v, x->v[i].real, &n);
		put_hits(x, &x->v[i], h, n);
	}
	corpus_view_free(&v);
	free(m);
	free(b);
	free(own);
	free(them);
	return x->db_ok;
}

bool
corpus_hits_replay(struct cindex *x, struct corpus_view *v)
{
	sqlite3_stmt *st = corpus_prepare(x, "SELECT doc, other, start, end, chars, oline, ocol "
	    "FROM hits ORDER BY doc");
	struct cdoc *d, *o;
	struct corpus_hit *h;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		d = corpus_find_id(x, sqlite3_column_int64(st, 0));
		o = corpus_find_id(x, sqlite3_column_int64(st, 1));
		if (d == NULL || o == NULL || o->issuer == NULL) {
			/* The table names a notice the index does not hold: not to be trusted. */
			rc = SQLITE_ERROR;
			break;
		}
		h = corpus_view_add(v, d->real);
		h->start = (size_t)sqlite3_column_int64(st, 2);
		h->end = (size_t)sqlite3_column_int64(st, 3);
		h->chars = (size_t)sqlite3_column_int64(st, 4);
		h->other = xstrdup(o->real);
		h->other_line = (unsigned)sqlite3_column_int64(st, 5);
		h->other_col = (unsigned)sqlite3_column_int64(st, 6);
		h->own_unit = d->issuer != NULL ? shingle_unit(d->issuer) : NULL;
		h->other_unit = shingle_unit(o->issuer);
		h->other_ix = (size_t)(o - x->v);
	}
	repodb_read(x->db, rc);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		corpus_view_free(v);
		return false;
	}
	corpus_view_finish(v);
	return true;
}
