/* The corpus index: the notices under the corpus directory walked and stat'ed; those new
 * or changed since the index saw them (size, modification time or inode differ) read,
 * modelled and fingerprinted (on --jobs threads) and written to corpus.db; the vanished
 * removed; then the fingerprints that two to a few notices share read back in one query
 * and matched. When the index cannot be read or written, every notice is fingerprinted
 * in memory instead: the findings are the same, only slower. */
#define _XOPEN_SOURCE 700 /* realpath */
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
#include "repo/db.h"
#include "segment.h"
#include "source.h"
#include "walk.h"
#include "xalloc.h"

#define SCHEMA_VERSION 2
#define SCHEMA \
	"CREATE TABLE docs(id INTEGER PRIMARY KEY, rel TEXT UNIQUE NOT NULL, size INTEGER, " \
	"mtime INTEGER, ino INTEGER, issuer TEXT);" \
	"CREATE TABLE fp(doc INTEGER NOT NULL, line INTEGER NOT NULL, ci INTEGER NOT NULL, " \
	"h INTEGER NOT NULL, col INTEGER, start INTEGER, end INTEGER, " \
	"PRIMARY KEY(doc, line, ci)) WITHOUT ROWID;" \
	"CREATE INDEX fp_h ON fp(h);" \
	"CREATE TABLE lines(doc INTEGER NOT NULL, line INTEGER NOT NULL, col INTEGER, " \
	"off INTEGER, text BLOB, PRIMARY KEY(doc, line)) WITHOUT ROWID;"

/* One notice of the corpus. */
struct cdoc {
	char *path;          /* as the walk gives it */
	char *real;          /* its real path, the key inputs are matched by */
	const char *rel;     /* path below the corpus directory */
	long long size, mtime, ino;
	long long id;        /* row in docs, 0: none yet */
	bool fresh;          /* to be fingerprinted in this run (new, changed or no index) */
	bool done;           /* fp and issuer hold its fingerprints */
	char *issuer;
	struct shingle_list fp;
};

struct cindex {
	struct repodb *db;
	bool db_ok;          /* the index is current and complete */
	const struct lint_opts *lo;
	struct cdoc *v;
	size_t n;
	char **gone;         /* rel of indexed notices no longer there */
	long long *gone_id;
	size_t ngone;
	sqlite3_stmt *get_line;   /* the matcher's lookup of a line's text */
	char *line_text;          /* the text it gave last */
};

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

static bool
step_ok(struct repodb *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return repodb_wrote(db, rc);
}

/* Writes notice d's row, fingerprints and their lines, replacing what the index had. */
static void
store_doc(struct cindex *x, struct cdoc *d, sqlite3_stmt *del, sqlite3_stmt *put_doc,
    sqlite3_stmt *put_fp, sqlite3_stmt *put_line)
{
	size_t k;
	bool ok = repodb_begin(x->db);

	if (ok && d->id != 0) {
		sqlite3_bind_int64(del, 1, d->id);
		ok = step_ok(x->db, del);
	}
	if (ok) {
		sqlite3_bind_text(put_doc, 1, d->rel, -1, SQLITE_STATIC);
		sqlite3_bind_int64(put_doc, 2, d->size);
		sqlite3_bind_int64(put_doc, 3, d->mtime);
		sqlite3_bind_int64(put_doc, 4, d->ino);
		if (d->issuer != NULL)
			sqlite3_bind_text(put_doc, 5, d->issuer, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(put_doc, 5);
		ok = step_ok(x->db, put_doc);
		d->id = ok ? sqlite3_last_insert_rowid(x->db->db) : 0;
	}
	for (k = 0; ok && k < d->fp.n; k++) {
		const struct shingle *s = &d->fp.v[k];

		sqlite3_bind_int64(put_fp, 1, d->id);
		sqlite3_bind_int64(put_fp, 2, s->line);
		sqlite3_bind_int64(put_fp, 3, s->ci);
		sqlite3_bind_int64(put_fp, 4, (sqlite3_int64)s->h);
		sqlite3_bind_int64(put_fp, 5, s->col);
		sqlite3_bind_int64(put_fp, 6, (sqlite3_int64)s->start);
		sqlite3_bind_int64(put_fp, 7, (sqlite3_int64)s->end);
		ok = step_ok(x->db, put_fp);
	}
	for (k = 0; ok && k < d->fp.nlines; k++) {
		const struct shingle_line *l = &d->fp.lines[k];

		sqlite3_bind_int64(put_line, 1, d->id);
		sqlite3_bind_int64(put_line, 2, l->line);
		sqlite3_bind_int64(put_line, 3, l->col);
		sqlite3_bind_int64(put_line, 4, (sqlite3_int64)l->off);
		sqlite3_bind_blob(put_line, 5, l->text, (int)l->len, SQLITE_STATIC);
		ok = step_ok(x->db, put_line);
	}
	if (ok)
		repodb_flush(x->db, false);
	else
		x->db_ok = false;
}

/* Deletes the fingerprints and lines of notice id, and with row its docs row too. */
static void
drop_rows(struct cindex *x, long long id, bool row)
{
	static const char *const sql[] = {"DELETE FROM fp WHERE doc = ?",
		"DELETE FROM lines WHERE doc = ?", "DELETE FROM docs WHERE id = ?"};
	sqlite3_stmt *st;
	int k;

	for (k = 0; k < (row ? 3 : 2) && x->db_ok; k++) {
		st = NULL;
		if (!repodb_begin(x->db) ||
		    sqlite3_prepare_v2(x->db->db, sql[k], -1, &st, NULL) != SQLITE_OK) {
			x->db_ok = false;
		} else {
			sqlite3_bind_int64(st, 1, id);
			x->db_ok = step_ok(x->db, st);
		}
		sqlite3_finalize(st);
	}
}

/* pool_run's done: writes each fresh notice on the calling thread, in order. */
static void
done_doc(void *ctx, size_t i)
{
	struct cindex *x = ctx;
	static const char *const sql[] = {
		"DELETE FROM docs WHERE id = ?1",
		"INSERT OR REPLACE INTO docs(rel, size, mtime, ino, issuer) VALUES(?, ?, ?, ?, ?)",
		"INSERT OR REPLACE INTO fp VALUES(?, ?, ?, ?, ?, ?, ?)",
		"INSERT OR REPLACE INTO lines VALUES(?, ?, ?, ?, ?)",
	};
	sqlite3_stmt *st[4] = {NULL, NULL, NULL, NULL};
	int k;

	if (!x->v[i].fresh || !x->db_ok)
		return;
	for (k = 0; k < 4; k++)
		if (sqlite3_prepare_v2(x->db->db, sql[k], -1, &st[k], NULL) != SQLITE_OK)
			x->db_ok = false;
	/* The old fingerprints and lines go with the old row. */
	if (x->db_ok && x->v[i].id != 0) {
		drop_rows(x, x->v[i].id, false);
	}
	if (x->db_ok)
		store_doc(x, &x->v[i], st[0], st[1], st[2], st[3]);
	for (k = 0; k < 4; k++)
		sqlite3_finalize(st[k]);
	/* Written: the matcher reads them back from the index; a later fault re-reads the file. */
	if (x->db_ok) {
		shingle_list_free(&x->v[i].fp);
		x->v[i].done = false;
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

/* Marks the notices the index knows unchanged and collects the vanished ones. */
static void
compare_index(struct cindex *x)
{
	sqlite3_stmt *st = NULL;
	struct cdoc key, *d;
	int rc;

	if (!x->db_ok || sqlite3_prepare_v2(x->db->db, "SELECT id, rel, size, mtime, ino, "
	    "issuer FROM docs", -1, &st, NULL) != SQLITE_OK) {
		x->db_ok = false;
		return;
	}
	memset(&key, 0, sizeof(key));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		key.rel = (const char *)sqlite3_column_text(st, 1);
		d = bsearch(&key, x->v, x->n, sizeof(*x->v), by_rel);
		if (d == NULL) {
			x->gone = xrealloc(x->gone, (x->ngone + 1) * sizeof(*x->gone));
			x->gone_id = xrealloc(x->gone_id, (x->ngone + 1) * sizeof(*x->gone_id));
			x->gone[x->ngone] = xstrdup(key.rel);
			x->gone_id[x->ngone++] = sqlite3_column_int64(st, 0);
			continue;
		}
		d->id = sqlite3_column_int64(st, 0);
		if (d->size == sqlite3_column_int64(st, 2) && d->mtime == sqlite3_column_int64(st, 3) &&
		    d->ino == sqlite3_column_int64(st, 4)) {
			d->fresh = false;
			if (sqlite3_column_type(st, 5) != SQLITE_NULL)
				d->issuer = xstrdup((const char *)sqlite3_column_text(st, 5));
		}
	}
	repodb_read(x->db, rc);
	if (rc != SQLITE_DONE)
		x->db_ok = false;
	sqlite3_finalize(st);
}

/* Deletes the vanished notices from the index. */
static void
drop_gone(struct cindex *x)
{
	size_t i;

	for (i = 0; i < x->ngone && x->db_ok; i++)
		drop_rows(x, x->gone_id[i], true);
}

static int
by_id(const void *a, const void *b)
{
	long long x = ((const struct cdoc *const *)a)[0]->id, y = ((const struct cdoc *const *)b)[0]->id;

	return (x > y) - (x < y);
}

/* Reads the fingerprints that two or more notices share from the index into the notices'
 * lists (the others' lists are emptied: they are not needed for matching); the frequent
 * ones come too, as the matcher judges them boilerplate and discounts what they cover. */
static bool
read_shared(struct cindex *x)
{
	sqlite3_stmt *st = NULL;
	struct cdoc **byid = xcalloc(x->n ? x->n : 1, sizeof(*byid)), key, *kp = &key, **dp;
	struct shingle *s;
	size_t i;
	int rc;

	for (i = 0; i < x->n; i++) {
		x->v[i].fp.n = 0;
		x->v[i].done = false;
		byid[i] = &x->v[i];
	}
	qsort(byid, x->n, sizeof(*byid), by_id);
	rc = sqlite3_prepare_v2(x->db->db, "SELECT f.doc, f.line, f.ci, f.h, f.col, f.start, "
	    "f.end FROM fp f JOIN (SELECT h FROM fp GROUP BY h HAVING count(*) >= 2) "
	    "s ON f.h = s.h", -1, &st, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		key.id = sqlite3_column_int64(st, 0);
		dp = bsearch(&kp, byid, x->n, sizeof(*byid), by_id);
		if (dp == NULL)
			continue;
		(*dp)->fp.v = xgrow((*dp)->fp.v, &(*dp)->fp.cap, (*dp)->fp.n + 1, sizeof(*s));
		s = &(*dp)->fp.v[(*dp)->fp.n++];
		s->line = (uint32_t)sqlite3_column_int64(st, 1);
		s->ci = (uint32_t)sqlite3_column_int64(st, 2);
		s->h = (uint64_t)sqlite3_column_int64(st, 3);
		s->col = (uint32_t)sqlite3_column_int64(st, 4);
		s->start = (size_t)sqlite3_column_int64(st, 5);
		s->end = (size_t)sqlite3_column_int64(st, 6);
	}
	repodb_read(x->db, rc);
	sqlite3_finalize(st);
	free(byid);
	return rc == SQLITE_DONE;
}

/* Runs one statement on the index's schema in the write transaction. */
static void
index_ddl(struct cindex *x, const char *sql)
{
	if (x->db_ok && (!repodb_begin(x->db) ||
	    !repodb_wrote(x->db, sqlite3_exec(x->db->db, sql, NULL, NULL, NULL))))
		x->db_ok = false;
}

static void
noop_done(void *ctx, size_t i)
{
	(void)ctx;
	(void)i;
}

/* Fingerprints every notice not fresh yet (the index could not be used). */
static void
fingerprint_all(struct cindex *x, int jobs)
{
	size_t i;

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
}

/* The matcher's lookup: the text of line li of notice d from the index. */
static bool
index_line(void *ctx, size_t d, uint32_t li, struct shingle_line *out)
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

/* Matches the notices' fingerprints into v, keyed by each notice's real path; the lines of
 * notices not in memory come from the index. */
static void
match(struct cindex *x, struct corpus_view *v, const struct corpus_limits *lim)
{
	struct corpus_doc *docs = xcalloc(x->n ? x->n : 1, sizeof(*docs));
	struct corpus_lookup look = {index_line, x};
	size_t i;

	for (i = 0; i < x->n; i++) {
		docs[i].path = x->v[i].real;
		docs[i].issuer = x->v[i].issuer;
		docs[i].fp = x->v[i].fp.v;
		docs[i].nfp = x->v[i].fp.n;
		docs[i].lines = x->v[i].fp.nlines > 0 ? x->v[i].fp.lines : NULL;
		docs[i].nlines = x->v[i].fp.nlines;
	}
	if (x->db_ok && sqlite3_prepare_v2(x->db->db, "SELECT col, off, text FROM lines "
	    "WHERE doc = ?1 AND line = ?2", -1, &x->get_line, NULL) != SQLITE_OK)
		x->get_line = NULL;
	corpus_match(v, docs, x->n, x->n, lim, &look);
	sqlite3_finalize(x->get_line);
	x->get_line = NULL;
	free(x->line_text);
	x->line_text = NULL;
	free(docs);
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
	size_t i, fresh;
	bool bulk;

	memset(&x, 0, sizeof(x));
	memset(v, 0, sizeof(*v));
	x.db = cs->db;
	x.lo = cs->lo;
	walk_corpus(&x, cs->dir, cs->lo->lang);
	for (i = 0; i < x.n; i++)
		x.v[i].fresh = true;
	x.db_ok = cs->db->db != NULL && !cs->db->readonly;
	compare_index(&x);
	for (i = 0, fresh = 0; i < x.n; i++)
		fresh += x.v[i].fresh;
	/* Many new notices (a cold index): the hash index is built once after the rows, by one
	 * sort, instead of one random insert per row. */
	bulk = x.db_ok && fresh > x.n / 4 && fresh > 64;
	if (bulk)
		index_ddl(&x, "DROP INDEX IF EXISTS fp_h");
	pool_run(x.n, cs->jobs, work_doc, x.db_ok ? done_doc : noop_done, &x);
	if (bulk)
		index_ddl(&x, "CREATE INDEX IF NOT EXISTS fp_h ON fp(h)");
	if (x.db_ok)
		drop_gone(&x);
	if (x.db_ok)
		x.db_ok = repodb_flush(x.db, true) && !x.db->write_failed;
	if (!x.db_ok || !read_shared(&x))
		fingerprint_all(&x, cs->jobs);
	match(&x, v, &cs->lim);
	corpus_view_finish(v);
	for (i = 0; i < x.n; i++) {
		free(x.v[i].path);
		free(x.v[i].real);
		free(x.v[i].issuer);
		shingle_list_free(&x.v[i].fp);
	}
	for (i = 0; i < x.ngone; i++)
		free(x.gone[i]);
	free(x.gone);
	free(x.gone_id);
	free(x.v);
	return 0;
}
