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
#include "lint.h"
#include "repo/corpus.h"
#include "repo/corpus_index.h"
#include "repo/corpus_state.h"
#include "repo/db.h"
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
		corpus_update_full(x, v, jobs, bulk);
	else if (x->db_ok)
		corpus_update_some(x, v, jobs);
	if (x->db_ok)
		put_limits(x);
	if (x->db_ok)
		x->db_ok = repodb_flush(x->db, true) && !x->db->write_failed;
	if (!x->db_ok)
		repodb_abandon(x->db);
	return x->db_ok;
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
			corpus_update_memory(&x, v, cs->jobs);
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
