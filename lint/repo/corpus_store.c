/* Writing the rows of one notice to corpus.db: its docs row, fingerprints and lines, and
 * its share of the document frequencies (df: how many notices and windows hold each hash),
 * kept up to date as notices come, change and go, so no run has to count them again. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "repo/corpus_state.h"
#include "repo/db.h"
#include "xalloc.h"

struct sqlite3_stmt *
corpus_prepare(struct cindex *x, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (!x->db_ok || sqlite3_prepare_v2(x->db->db, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		x->db_ok = false;
		return NULL;
	}
	return st;
}

bool
corpus_step(struct cindex *x, struct sqlite3_stmt *st)
{
	int rc;

	if (!x->db_ok || st == NULL || !repodb_begin(x->db))
		return x->db_ok = false;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (!repodb_wrote(x->db, rc))
		x->db_ok = false;
	return x->db_ok;
}

bool
corpus_exec(struct cindex *x, const char *sql)
{
	if (x->db_ok && (!repodb_begin(x->db) ||
	    !repodb_wrote(x->db, sqlite3_exec(x->db->db, sql, NULL, NULL, NULL))))
		x->db_ok = false;
	return x->db_ok;
}

static int
by_hash(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Adds sign times the hashes h[0, n) (sorted, repeats counted as windows) to df. */
static void
count_df(struct cindex *x, const uint64_t *h, size_t n, int sign)
{
	sqlite3_stmt *add = corpus_prepare(x, sign > 0 ?
	    "INSERT INTO df(h, nd, nr) VALUES(?1, 1, ?2) ON CONFLICT(h) DO UPDATE SET "
	    "nd = nd + 1, nr = nr + ?2" : "UPDATE df SET nd = nd - 1, nr = nr - ?2 WHERE h = ?1");
	sqlite3_stmt *del = sign > 0 ? NULL :
	    corpus_prepare(x, "DELETE FROM df WHERE h = ?1 AND nd <= 0");
	size_t i, run;

	for (i = 0; i < n && x->db_ok; i = run) {
		for (run = i + 1; run < n && h[run] == h[i]; run++)
			;
		sqlite3_bind_int64(add, 1, (sqlite3_int64)h[i]);
		sqlite3_bind_int64(add, 2, (sqlite3_int64)(run - i));
		corpus_step(x, add);
		if (del != NULL) {
			sqlite3_bind_int64(del, 1, (sqlite3_int64)h[i]);
			corpus_step(x, del);
		}
	}
	sqlite3_finalize(add);
	sqlite3_finalize(del);
}

/* Every hash of row id's fingerprints, sorted, repeats kept (*n of them, owned). */
static uint64_t *
all_hashes(struct cindex *x, long long id, size_t *n)
{
	sqlite3_stmt *st = corpus_prepare(x, "SELECT h FROM fp WHERE doc = ?1");
	uint64_t *h = NULL;
	size_t cap = 0;
	int rc = SQLITE_DONE;

	*n = 0;
	if (st == NULL)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h = xgrow(h, &cap, *n + 1, sizeof(*h));
		h[(*n)++] = (uint64_t)sqlite3_column_int64(st, 0);
	}
	repodb_read(x->db, rc);
	if (rc != SQLITE_DONE)
		x->db_ok = false;
	sqlite3_finalize(st);
	if (*n > 1)
		qsort(h, *n, sizeof(*h), by_hash);
	return h;
}

uint64_t *
corpus_doc_hashes(struct cindex *x, long long id, size_t *n)
{
	uint64_t *h = all_hashes(x, id, n);
	size_t i, k = 0;

	for (i = 0; i < *n; i++)
		if (k == 0 || h[k - 1] != h[i])
			h[k++] = h[i];
	*n = k;
	return h;
}

void
corpus_drop_doc(struct cindex *x, long long id, bool row, bool df)
{
	static const char *const sql[] = {"DELETE FROM fp WHERE doc = ?",
		"DELETE FROM lines WHERE doc = ?", "DELETE FROM docs WHERE id = ?"};
	sqlite3_stmt *st;
	uint64_t *h;
	size_t n;
	int k;

	if (df) {
		h = all_hashes(x, id, &n);
		count_df(x, h, n, -1);
		free(h);
	}
	for (k = 0; k < (row ? 3 : 2) && x->db_ok; k++) {
		st = corpus_prepare(x, sql[k]);
		if (st != NULL)
			sqlite3_bind_int64(st, 1, id);
		corpus_step(x, st);
		sqlite3_finalize(st);
	}
}

/* Counts notice d's fingerprints into df. */
static void
add_df(struct cindex *x, const struct cdoc *d)
{
	uint64_t *h = xcalloc(d->fp.n ? d->fp.n : 1, sizeof(*h));
	size_t k;

	for (k = 0; k < d->fp.n; k++)
		h[k] = d->fp.v[k].h;
	qsort(h, d->fp.n, sizeof(*h), by_hash);
	count_df(x, h, d->fp.n, 1);
	free(h);
}

void
corpus_store_doc(struct cindex *x, struct cdoc *d, bool df)
{
	sqlite3_stmt *del = corpus_prepare(x, "DELETE FROM docs WHERE id = ?1");
	sqlite3_stmt *put_doc = corpus_prepare(x, "INSERT OR REPLACE INTO docs(rel, size, mtime, "
	    "ino, issuer) VALUES(?, ?, ?, ?, ?)");
	sqlite3_stmt *put_fp = corpus_prepare(x, "INSERT OR REPLACE INTO fp VALUES(?, ?, ?, ?, ?, "
	    "?, ?)");
	sqlite3_stmt *put_line = corpus_prepare(x, "INSERT OR REPLACE INTO lines VALUES(?, ?, ?, "
	    "?, ?)");
	size_t k;

	if (x->db_ok && d->id != 0) {
		sqlite3_bind_int64(del, 1, d->id);
		corpus_step(x, del);
	}
	if (x->db_ok) {
		sqlite3_bind_text(put_doc, 1, d->rel, -1, SQLITE_STATIC);
		sqlite3_bind_int64(put_doc, 2, d->size);
		sqlite3_bind_int64(put_doc, 3, d->mtime);
		sqlite3_bind_int64(put_doc, 4, d->ino);
		if (d->issuer != NULL)
			sqlite3_bind_text(put_doc, 5, d->issuer, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(put_doc, 5);
		corpus_step(x, put_doc);
		d->id = x->db_ok ? sqlite3_last_insert_rowid(x->db->db) : 0;
	}
	for (k = 0; x->db_ok && k < d->fp.n; k++) {
		const struct shingle *s = &d->fp.v[k];

		sqlite3_bind_int64(put_fp, 1, d->id);
		sqlite3_bind_int64(put_fp, 2, s->line);
		sqlite3_bind_int64(put_fp, 3, s->ci);
		sqlite3_bind_int64(put_fp, 4, (sqlite3_int64)s->h);
		sqlite3_bind_int64(put_fp, 5, s->col);
		sqlite3_bind_int64(put_fp, 6, (sqlite3_int64)s->start);
		sqlite3_bind_int64(put_fp, 7, (sqlite3_int64)s->end);
		corpus_step(x, put_fp);
	}
	for (k = 0; x->db_ok && k < d->fp.nlines; k++) {
		const struct shingle_line *l = &d->fp.lines[k];

		sqlite3_bind_int64(put_line, 1, d->id);
		sqlite3_bind_int64(put_line, 2, l->line);
		sqlite3_bind_int64(put_line, 3, l->col);
		sqlite3_bind_int64(put_line, 4, (sqlite3_int64)l->off);
		sqlite3_bind_blob(put_line, 5, l->text, (int)l->len, SQLITE_STATIC);
		corpus_step(x, put_line);
	}
	if (df && x->db_ok)
		add_df(x, d);
	sqlite3_finalize(del);
	sqlite3_finalize(put_doc);
	sqlite3_finalize(put_fp);
	sqlite3_finalize(put_line);
}
