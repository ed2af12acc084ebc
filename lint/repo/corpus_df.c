/* Judging a fingerprint by its document frequency as corpus.db stands (the df table: its
 * notices and windows; the holders' issuers only where the verdict depends on them), and
 * finding the notices whose passages a change alters without touching them: those holding
 * a fingerprint that crossed the boilerplate limits. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "repo/corpus_state.h"
#include "repo/db.h"
#include "xalloc.h"

/* Verdicts by hash: open addressing, a power of two of slots. */
struct df_memo {
	uint64_t *key;
	unsigned char *val;   /* 0: empty slot, else the verdict + 1 */
	size_t cap, n;
};

static size_t
slot_of(const struct df_memo *m, uint64_t h)
{
	size_t i = (size_t)(h ^ (h >> 29)) & (m->cap - 1);

	while (m->val[i] != 0 && m->key[i] != h)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void
memo_put(struct df_memo *m, uint64_t h, enum corpus_df v)
{
	struct df_memo old = *m;
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 256;
		m->key = xcalloc(m->cap, sizeof(*m->key));
		m->val = xcalloc(m->cap, 1);
		m->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.val[i] != 0)
				memo_put(m, old.key[i], (enum corpus_df)(old.val[i] - 1));
		free(old.key);
		free(old.val);
	}
	i = slot_of(m, h);
	if (m->val[i] == 0)
		m->n++;
	m->key[i] = h;
	m->val[i] = (unsigned char)(v + 1);
}

/* Distinct issuers of the notices holding h, counted up to stop (one of unknown issuer is
 * an issuer of its own). */
static size_t
issuers(struct cindex *x, uint64_t h, size_t stop)
{
	sqlite3_stmt *st = corpus_prepare(x, "SELECT DISTINCT d.issuer, f.doc FROM fp f "
	    "JOIN docs d ON d.id = f.doc WHERE f.h = ?1 ORDER BY 1");
	char *last = NULL;
	size_t n = 0;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)h);
	while (n < stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *is = (const char *)sqlite3_column_text(st, 0);

		if (is == NULL || last == NULL || strcmp(is, last) != 0)
			n++;
		free(last);
		last = is != NULL ? xstrdup(is) : NULL;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		repodb_read(x->db, rc);
		x->db_ok = false;
	}
	free(last);
	sqlite3_finalize(st);
	return n;
}

/* The verdict on h with total notices, read from the index. */
static enum corpus_df
judge(struct cindex *x, uint64_t h, size_t total)
{
	sqlite3_stmt *st = corpus_prepare(x, "SELECT nd, nr FROM df WHERE h = ?1");
	size_t nd = 0, nr = 0, ni = 0;
	int rc;

	if (st == NULL)
		return CORPUS_ALONE;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)h);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		nd = (size_t)sqlite3_column_int64(st, 0);
		nr = (size_t)sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		repodb_read(x->db, rc);
		x->db_ok = false;
	}
	sqlite3_finalize(st);
	if (nr >= 2 && corpus_df_needs_issuers(nd, total, x->lim))
		ni = issuers(x, h, (size_t)x->lim->max_issuers + 1);
	return corpus_df_of(nr, nd, ni, total, x->lim);
}

enum corpus_df
corpus_df_now(struct cindex *x, uint64_t h, size_t total)
{
	enum corpus_df v;
	size_t i;

	if (x->memo == NULL)
		x->memo = xcalloc(1, sizeof(*x->memo));
	if (x->memo->cap > 0) {
		i = slot_of(x->memo, h);
		if (x->memo->val[i] != 0)
			return (enum corpus_df)(x->memo->val[i] - 1);
	}
	v = judge(x, h, total);
	memo_put(x->memo, h, v);
	return v;
}

void
corpus_df_forget(struct cindex *x)
{
	if (x->memo == NULL)
		return;
	if (x->memo->cap > 0)
		memset(x->memo->val, 0, x->memo->cap);
	x->memo->n = 0;
}

void
corpus_df_free(struct cindex *x)
{
	if (x->memo != NULL) {
		free(x->memo->key);
		free(x->memo->val);
	}
	free(x->memo);
	x->memo = NULL;
}

/* Marks redo every notice holding h. */
static void
mark_holders(struct cindex *x, uint64_t h)
{
	sqlite3_stmt *st = corpus_prepare(x, "SELECT DISTINCT doc FROM fp WHERE h = ?1");
	struct cdoc *d;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)h);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((d = corpus_find_id(x, sqlite3_column_int64(st, 0))) != NULL)
			d->redo = true;
	repodb_read(x->db, rc);
	if (rc != SQLITE_DONE)
		x->db_ok = false;
	sqlite3_finalize(st);
}

/* The most notices a fingerprint may have and stay within the share limit of total. */
static size_t
share_cap(const struct corpus_limits *lim, size_t total)
{
	double cap = lim->max_share * (double)total;
	size_t k = cap > 0 ? (size_t)cap : 0;

	while ((double)(k + 1) <= cap)
		k++;
	while (k > 0 && (double)k > cap)
		k--;
	return k;
}

static int
by_hash(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Marks the holders of the fingerprints outside t whose notices lie between the share
 * limits of the old and the new total: their verdict may have changed with the total. */
static void
band_flips(struct cindex *x, const uint64_t *t, size_t nt)
{
	size_t a = share_cap(x->lim, (size_t)x->total_old), b = share_cap(x->lim, x->n);
	size_t lo = a < b ? a : b, hi = a < b ? b : a, nd, nr, ni, n = 0, cap = 0, i;
	sqlite3_stmt *st;
	uint64_t *h = NULL;
	int rc = SQLITE_DONE;

	if (lo == hi)
		return;
	if ((long)lo < x->lim->max_issuers)
		lo = (size_t)x->lim->max_issuers;
	st = corpus_prepare(x, "SELECT h FROM df WHERE nd > 1 AND nd > ?1 AND nd <= ?2");
	if (st == NULL || lo >= hi) {
		sqlite3_finalize(st);
		return;
	}
	sqlite3_bind_int64(st, 1, (sqlite3_int64)lo);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)hi);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		h = xgrow(h, &cap, n + 1, sizeof(*h));
		h[n++] = (uint64_t)sqlite3_column_int64(st, 0);
	}
	repodb_read(x->db, rc);
	if (rc != SQLITE_DONE)
		x->db_ok = false;
	sqlite3_finalize(st);
	st = corpus_prepare(x, "SELECT nd, nr FROM df WHERE h = ?1");
	for (i = 0; i < n && st != NULL && x->db_ok; i++) {
		if (nt > 0 && bsearch(&h[i], t, nt, sizeof(*t), by_hash) != NULL)
			continue;
		sqlite3_bind_int64(st, 1, (sqlite3_int64)h[i]);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			continue;
		}
		nd = (size_t)sqlite3_column_int64(st, 0);
		nr = (size_t)sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
		/* Its holders did not change: the same issuers before and now. */
		ni = issuers(x, h[i], (size_t)x->lim->max_issuers + 1);
		if (corpus_df_of(nr, nd, ni, (size_t)x->total_old, x->lim) !=
		    corpus_df_of(nr, nd, ni, x->n, x->lim))
			mark_holders(x, h[i]);
	}
	sqlite3_finalize(st);
	free(h);
}

void
corpus_df_flips(struct cindex *x, const uint64_t *t, const enum corpus_df *before, size_t nt)
{
	size_t i;

	corpus_df_forget(x);
	for (i = 0; i < nt && x->db_ok; i++)
		if (corpus_df_now(x, t[i], x->n) != before[i])
			mark_holders(x, t[i]);
	if (x->db_ok)
		band_flips(x, t, nt);
}

bool
corpus_df_rebuild(struct cindex *x)
{
	return corpus_exec(x, "DELETE FROM df") &&
	    corpus_exec(x, "INSERT INTO df(h, nd, nr) SELECT h, count(DISTINCT doc), count(*) "
	    "FROM fp GROUP BY h");
}
