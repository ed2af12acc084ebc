/* The corpus index: the notices under the corpus directory walked and stat'ed and
 * compared with corpus.db (size, modification time or inode). Nothing changed: the stored
 * passages are replayed. A few changed: in one write transaction they are fingerprinted
 * (on --jobs threads), their rows and document frequencies updated, and the passages of
 * the notices the change touches computed again (corpus_hits.c). Many changed, or other
 * limits: every fingerprint two notices share is read back and matched, and the passages
 * stored anew. When the index cannot be read or written, every notice is fingerprinted in
 * memory instead: the findings are the same, only slower. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "doc.h"
#include "filejob.h"
#include "lint.h"
#include "pool.h"
#include "repo/corpus.h"
#include "repo/corpus_index.h"
#include "repo/corpus_state.h"
#include "repo/db.h"
#include "segment.h"
#include "source.h"
#include "walk.h"
#include "xalloc.h"

#define SCHEMA_VERSION 3
#define SCHEMA \
	"CREATE TABLE docs(id INTEGER PRIMARY KEY AUTOINCREMENT, rel TEXT UNIQUE NOT NULL, " \
	"size INTEGER, " \
	"mtime INTEGER, ino INTEGER, issuer TEXT);" \
	"CREATE TABLE fp(doc INTEGER NOT NULL, line INTEGER NOT NULL, ci INTEGER NOT NULL, " \
	"h INTEGER NOT NULL, col INTEGER, start INTEGER, end INTEGER, " \
	"PRIMARY KEY(doc, line, ci)) WITHOUT ROWID;" \
	"CREATE INDEX fp_h ON fp(h);" \
	"CREATE TABLE lines(doc INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER, " \
	"off INTEGER, text BLOB, PRIMARY KEY(doc, line)) WITHOUT ROWID;" \
	"CREATE TABLE df(h INTEGER PRIMARY KEY, nd INTEGER NOT NULL, nr INTEGER NOT NULL);" \
	"CREATE INDEX df_nd ON df(nd) WHERE nd > 1;" \
	"CREATE TABLE hits(doc INTEGER NOT NULL, other INTEGER NOT NULL, start INTEGER, " \
	"end INTEGER, chars INTEGER, oline INTEGER, ocol INTEGER);" \
	"CREATE INDEX hits_doc ON hits(doc);" \
	"CREATE INDEX hits_other ON hits(other);"


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

static int
by_rel(const void *a, const void *b)
{
	return strcmp(((const struct cdoc *)a)->rel, ((const struct cdoc *)b)->rel);
}

/* Walks dir into x->v with each notice's stat data, sorted by rel. */
static void
walk_corpus(struct cindex *x, const char *dir, enum lang lang)
{
	struct walk_list items;
	size_t i, skip = strlen(dir);
	struct stat st;

	memset(&items, 0, sizeof(items));
	walk_expand(&items, dir, lang);
	x->v = xcalloc(items.n ? items.n : 1, sizeof(*x->v));
	for (i = 0; i < items.n; i++) {
		struct cdoc *d = &x->v[x->n];

		if (items.v[i].err_id != NULL || stat(items.v[i].path, &st) != 0 ||
		    (d->real = realpath(items.v[i].path, NULL)) == NULL)
			continue;
		d->path = items.v[i].path;
		items.v[i].path = NULL;
		d->rel = d->path + skip;
		while (*d->rel == '/')
			d->rel++;
		d->size = (long long)st.st_size;
		d->mtime = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
		d->ino = (long long)st.st_ino;
		x->n++;
	}
	walk_list_free(&items);
	qsort(x->v, x->n, sizeof(*x->v), by_rel);
}

/* Marks the notices the index knows unchanged (the others fresh) and collects the rows of
 * the vanished ones, as the index stands now. */
static void
compare_index(struct cindex *x)
{
	sqlite3_stmt *st;
	struct cdoc key, *d;
	size_t i;
	int rc;

	for (i = 0; i < x->n; i++) {
		x->v[i].fresh = true;
		x->v[i].id = x->v[i].old_id = 0;
		free(x->v[i].issuer);
		x->v[i].issuer = NULL;
	}
	x->ngone = 0;
	x->total_old = 0;
	st = corpus_prepare(x, "SELECT id, rel, size, mtime, ino, issuer FROM docs");
	if (st == NULL)
		return;
	memset(&key, 0, sizeof(key));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x->total_old++;
		key.rel = (const char *)sqlite3_column_text(st, 1);
		d = bsearch(&key, x->v, x->n, sizeof(*x->v), by_rel);
		if (d == NULL) {
			x->gone_id = xrealloc(x->gone_id, (x->ngone + 1) * sizeof(*x->gone_id));
			x->gone_id[x->ngone++] = sqlite3_column_int64(st, 0);
			continue;
		}
		d->id = sqlite3_column_int64(st, 0);
		if (d->size == sqlite3_column_int64(st, 2) && d->mtime == sqlite3_column_int64(st, 3) &&
		    d->ino == sqlite3_column_int64(st, 4)) {
			d->fresh = false;
			if (sqlite3_column_type(st, 5) != SQLITE_NULL)
				d->issuer = xstrdup((const char *)sqlite3_column_text(st, 5));
		} else {
			d->old_id = d->id;
		}
	}
	repodb_read(x->db, rc);
	if (rc != SQLITE_DONE)
		x->db_ok = false;
	sqlite3_finalize(st);
}

/* The boilerplate limits as the index records them. */
static void
limits_text(const struct corpus_limits *lim, char *buf, size_t n)
{
	snprintf(buf, n, "%ld %.17g", lim->max_issuers, lim->max_share);
}

/* True when the index's passages were computed with the run's limits. */
static bool
limits_match(struct cindex *x)
{
	sqlite3_stmt *st = corpus_prepare(x, "SELECT v FROM meta WHERE k = 'limits'");
	char want[64];
	bool same = false;

	limits_text(x->lim, want, sizeof(want));
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		same = strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	sqlite3_finalize(st);
	return same;
}

/* Records the run's limits in the index. */
static void
put_limits(struct cindex *x)
{
	sqlite3_stmt *st = corpus_prepare(x, "INSERT OR REPLACE INTO meta VALUES('limits', ?1)");
	char text[64];

	limits_text(x->lim, text, sizeof(text));
	if (st != NULL)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	corpus_step(x, st);
	sqlite3_finalize(st);
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

/* Matches the notices' fingerprints into v, keyed by each notice's real path; the lines of
 * notices not in memory come from the index. */
static void
match_all(struct cindex *x, struct corpus_view *v)
{
	struct corpus_lookup look = {corpus_index_line, x};

	corpus_hits_begin(x);
	corpus_match(v, x->docs, x->n, x->n, x->lim, &look);
	corpus_hits_end(x);
}

/* Fingerprints everything anew: every notice fresh, the hash index rebuilt after the
 * rows when most are new, the document frequencies counted again, every shared
 * fingerprint matched into v and the passages stored. */
static void
full_update(struct cindex *x, struct corpus_view *v, int jobs, bool bulk)
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
	match_all(x, v);
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
static void
incremental_update(struct cindex *x, struct corpus_view *v, int jobs)
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

/* With nothing changed since the index was written (same notices, same limits), fills v
 * with the stored passages in one read transaction; false otherwise. */
static bool
replay_unchanged(struct cindex *x, struct corpus_view *v)
{
	bool ok;
	size_t i;

	if (sqlite3_exec(x->db->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return false;
	compare_index(x);
	ok = x->db_ok && x->ngone == 0 && limits_match(x);
	for (i = 0; i < x->n && ok; i++)
		ok = !x->v[i].fresh;
	if (ok) {
		corpus_byid(x);
		ok = corpus_hits_replay(x, v);
	}
	sqlite3_exec(x->db->db, "COMMIT", NULL, NULL, NULL);
	return ok;
}

/* Brings the index up to date in one write transaction and fills v; false (the index left
 * as it was) when it cannot be written. */
static bool
update(struct cindex *x, struct corpus_view *v, int jobs)
{
	size_t i, fresh = 0;
	bool bulk;

	if (!repodb_begin(x->db))
		return false;
	compare_index(x);
	for (i = 0; i < x->n; i++)
		fresh += x->v[i].fresh;
	bulk = fresh > x->n / 4 && fresh > 64;
	if (x->db_ok && (bulk || !limits_match(x)))
		full_update(x, v, jobs, bulk);
	else if (x->db_ok)
		incremental_update(x, v, jobs);
	if (x->db_ok)
		put_limits(x);
	if (x->db_ok)
		x->db_ok = repodb_flush(x->db, true) && !x->db->write_failed;
	if (!x->db_ok)
		repodb_abandon(x->db);
	return x->db_ok;
}

/* Fingerprints in memory every notice whose fingerprints are not there yet (the index
 * could not be used) and matches them all into v. */
static void
in_memory(struct cindex *x, struct corpus_view *v, int jobs)
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
	match_all(x, v);
}

int
corpus_index_open(struct repodb *db, const char *dir, enum lang lang)
{
	return repodb_open(db, dir, "corpus.db", SCHEMA, SCHEMA_VERSION, lang);
}

int
corpus_index_build(struct corpus_view *v, const struct corpus_setup *cs)
{
	struct cindex x;
	size_t i;

	memset(&x, 0, sizeof(x));
	memset(v, 0, sizeof(*v));
	x.db = cs->db;
	x.lo = cs->lo;
	x.lim = &cs->lim;
	walk_corpus(&x, cs->dir, cs->lo->lang);
	x.db_ok = cs->db->db != NULL && !cs->db->broken;
	if (!x.db_ok || !replay_unchanged(&x, v)) {
		x.db_ok = x.db_ok && !cs->db->readonly && !cs->db->broken;
		corpus_view_free(v);
		if (!x.db_ok || !update(&x, v, cs->jobs))
			in_memory(&x, v, cs->jobs);
	}
	corpus_view_finish(v);
	for (i = 0; i < x.n; i++) {
		free(x.v[i].path);
		free(x.v[i].real);
		free(x.v[i].issuer);
		shingle_list_free(&x.v[i].fp);
	}
	corpus_df_free(&x);
	free(x.byid);
	free(x.gone_id);
	free(x.v);
	return 0;
}
