/* Bringing the corpus index up to date: the fresh notices read, modelled and fingerprinted
 * on --jobs threads; a full update (every passage matched again from the fingerprints two
 * windows share), an incremental one (only the notices a change touches), or, without a
 * usable index, every notice fingerprinted and matched in memory. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "doc.h"
#include "filejob.h"
#include "lint.h"
#include "pool.h"
#include "repo/corpus_state.h"
#include "repo/db.h"
#include "segment.h"
#include "walk.h"
#include "xalloc.h"

/* Reads, models and fingerprints notice i (a worker thread). */
static void
work_doc(void *ctx, size_t i)
{
	struct cindex *x = ctx;
	struct cdoc *d = &x->v[i];
	struct walk_item it = {d->path, NULL, NULL};
	struct file_result fr;
	struct doc doc;

	if (!d->fresh || d->done)
		return;
	d->done = true;
	if (file_result_read(&fr, &it, x->lo, NULL) == 0) {
		memset(&doc, 0, sizeof(doc));
		lint_build_model(&doc, fr.path, fr.dec.text, fr.dec.len);
		shingle_doc(&doc, &d->fp);
		d->issuer = shingle_issuer(&doc);
		doc_free(&doc);
	}
	file_result_free(&fr);
}

static void
noop_done(void *ctx, size_t i)
{
	(void)ctx;
	(void)i;
}

/* pool_run's done of a full update: writes each fresh notice on the calling thread, in
 * order, and lets its fingerprints go (the matcher reads the shared ones back). */
static void
done_doc(void *ctx, size_t i)
{
	struct cindex *x = ctx;
	struct cdoc *d = &x->v[i];

	if (!d->fresh || !x->db_ok)
		return;
	if (d->old_id != 0)
		corpus_drop_doc(x, d->old_id, false, false);
	corpus_store_doc(x, d, false);
	if (x->db_ok) {
		shingle_list_free(&d->fp);
		d->done = false;
	}
}

/* Reads the fingerprints that two or more windows hold from the index into the notices'
 * lists (the others' lists are emptied: they are not needed for matching); the frequent
 * ones come too, as the matcher judges them boilerplate and discounts what they cover. */
static bool
read_shared(struct cindex *x)
{
	sqlite3_stmt *st;
	struct shingle *s;
	struct cdoc *d;
	size_t i;
	int rc = SQLITE_DONE;

	for (i = 0; i < x->n; i++) {
		x->v[i].fp.n = 0;
		x->v[i].done = false;
	}
	st = corpus_prepare(x, "SELECT f.doc, f.line, f.ci, f.h, f.col, f.start, f.end FROM df "
	    "CROSS JOIN fp f ON f.h = df.h WHERE df.nr >= 2");
	while (st != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((d = corpus_find_id(x, sqlite3_column_int64(st, 0))) == NULL)
			continue;
		d->fp.v = xgrow(d->fp.v, &d->fp.cap, d->fp.n + 1, sizeof(*s));
		s = &d->fp.v[d->fp.n++];
		s->line = (uint32_t)sqlite3_column_int64(st, 1);
		s->ci = (uint32_t)sqlite3_column_int64(st, 2);
		s->h = (uint64_t)sqlite3_column_int64(st, 3);
		s->col = (uint32_t)sqlite3_column_int64(st, 4);
		s->start = (size_t)sqlite3_column_int64(st, 5);
		s->end = (size_t)sqlite3_column_int64(st, 6);
	}
	repodb_read(x->db, rc);
	sqlite3_finalize(st);
	return st != NULL && rc == SQLITE_DONE;
}

void
corpus_match_all(struct cindex *x, struct corpus_view *v)
{
	struct corpus_lookup look = {corpus_index_line, x};

	corpus_hits_begin(x);
	corpus_match(v, x->docs, x->n, x->n, x->lim, &look);
	corpus_hits_end(x);
}

void
corpus_update_full(struct cindex *x, struct corpus_view *v, int jobs, bool bulk)
{
	size_t i;

	/* Many new notices (a cold index): the hash index is built once after the rows, by one
	 * sort, instead of one random insert per row. */
	if (bulk)
		corpus_exec(x, "DROP INDEX IF EXISTS fp_h");
	pool_run(x->n, jobs, work_doc, done_doc, x);
	if (bulk)
		corpus_exec(x, "CREATE INDEX IF NOT EXISTS fp_h ON fp(h)");
	for (i = 0; i < x->ngone && x->db_ok; i++)
		corpus_drop_doc(x, x->gone_id[i], true, false);
	if (!x->db_ok || !corpus_df_rebuild(x))
		return;
	corpus_byid(x);
	if (!read_shared(x)) {
		x->db_ok = false;
		return;
	}
	corpus_match_all(x, v);
	corpus_hits_store_all(x, v);
}

static int
by_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Appends the distinct hashes of the old row id (or, with id 0, of notice d's new
 * fingerprints) to *t. */
static void
touched(struct cindex *x, long long id, const struct cdoc *d, uint64_t **t, size_t *n,
    size_t *cap)
{
	uint64_t *h = NULL;
	size_t nh = 0, k;

	if (id != 0)
		h = corpus_doc_hashes(x, id, &nh);
	*t = xgrow(*t, cap, *n + (id != 0 ? nh : d->fp.n) + 1, sizeof(**t));
	for (k = 0; k < (id != 0 ? nh : d->fp.n); k++)
		(*t)[(*n)++] = id != 0 ? h[k] : d->fp.v[k].h;
	free(h);
}

/* The notices changed, added and removed are written in place of their old rows, with
 * their document frequencies; the passages of the notices that share a rare fingerprint
 * with them, before or after, or hold one whose verdict the change turned, are computed
 * again from the index; then every stored passage is read into v. */
void
corpus_update_some(struct cindex *x, struct corpus_view *v, int jobs)
{
	uint64_t *t = NULL;
	enum corpus_df *before;
	size_t nt = 0, cap = 0, i, k;

	pool_run(x->n, jobs, work_doc, noop_done, x);
	for (i = 0; i < x->ngone; i++)
		touched(x, x->gone_id[i], NULL, &t, &nt, &cap);
	for (i = 0; i < x->n; i++)
		if (x->v[i].fresh) {
			if (x->v[i].old_id != 0)
				touched(x, x->v[i].old_id, NULL, &t, &nt, &cap);
			touched(x, 0, &x->v[i], &t, &nt, &cap);
		}
	if (nt > 1)
		qsort(t, nt, sizeof(*t), by_u64);
	for (i = 0, k = 0; i < nt; i++)
		if (k == 0 || t[k - 1] != t[i])
			t[k++] = t[i];
	nt = k;
	/* The verdicts before the change, with the holders and the total of before. */
	before = xcalloc(nt ? nt : 1, sizeof(*before));
	for (i = 0; i < nt && x->db_ok; i++)
		before[i] = corpus_df_now(x, t[i], (size_t)x->total_old);
	for (i = 0; i < x->ngone && x->db_ok; i++)
		if (corpus_hits_forget(x, x->gone_id[i]))
			corpus_drop_doc(x, x->gone_id[i], true, true);
	for (i = 0; i < x->n && x->db_ok; i++) {
		if (!x->v[i].fresh)
			continue;
		if (x->v[i].old_id != 0 && corpus_hits_forget(x, x->v[i].old_id))
			corpus_drop_doc(x, x->v[i].old_id, false, true);
		corpus_store_doc(x, &x->v[i], true);
	}
	corpus_byid(x);
	if (x->db_ok)
		corpus_df_flips(x, t, before, nt);
	free(before);
	free(t);
	corpus_hits_begin(x);
	for (i = 0; i < x->n && x->db_ok; i++)
		if (x->v[i].fresh)
			corpus_hits_redo(x, i, true);
	for (i = 0; i < x->n && x->db_ok; i++)
		if (x->v[i].redo && !x->v[i].fresh)
			corpus_hits_redo(x, i, false);
	corpus_hits_end(x);
	if (x->db_ok && !corpus_hits_replay(x, v))
		x->db_ok = false;
}

void
corpus_update_memory(struct cindex *x, struct corpus_view *v, int jobs)
{
	size_t i;

	corpus_view_free(v);
	for (i = 0; i < x->n; i++) {
		if (x->v[i].done)
			continue;
		free(x->v[i].issuer);
		x->v[i].issuer = NULL;
		x->v[i].fp.n = 0;
		x->v[i].fresh = true;
	}
	x->db_ok = false;
	pool_run(x->n, jobs, work_doc, noop_done, x);
	corpus_match_all(x, v);
}

