/* The result cache on its SQLite file (results.db): one table from key to the encoded
 * diagnostics, with the run key and path of each entry so the cache stays bounded (one
 * entry per path and run key, the results of the KEEP_RUNS run keys used last, none for a
 * file that is gone). Lookups and writes share one connection behind a mutex; writes are
 * batched in transactions (db.c). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sqlite3.h>
#include "filejob.h"
#include "msg.h"
#include "repo/cache.h"
#include "repo/codec.h"
#include "repo/corpus_replay.h"
#include "repo/hash.h"
#include "rules.h"
#include "xalloc.h"

#define SCHEMA_VERSION 2
#define SCHEMA \
	"CREATE TABLE results(key TEXT PRIMARY KEY, diags BLOB NOT NULL, run INTEGER NOT NULL, " \
	"path TEXT NOT NULL) WITHOUT ROWID;" \
	"CREATE INDEX results_path ON results(path);" \
	"CREATE TABLE runs(run INTEGER PRIMARY KEY, used INTEGER NOT NULL);"

/* Run keys whose results are kept: the most recently used ones. */
#define KEEP_RUNS 4

int
result_cache_open(struct result_cache *c, const char *dir, uint64_t runkey,
    const struct ruleset *rs, enum lang lang)
{
	memset(c, 0, sizeof(*c));
	c->runkey = runkey;
	c->rs = rs;
	pthread_mutex_init(&c->mu, NULL);
	if (repodb_open(&c->db, dir, "results.db", SCHEMA, SCHEMA_VERSION, lang) != 0)
		return -1;
	if (sqlite3_prepare_v2(c->db.db, "SELECT diags FROM results WHERE key = ?", -1, &c->get,
	    NULL) != SQLITE_OK || (!c->db.readonly && (sqlite3_prepare_v2(c->db.db,
	    "INSERT OR REPLACE INTO results VALUES(?, ?, ?, ?)", -1, &c->put, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(c->db.db, "DELETE FROM results WHERE run = ?1 AND path = ?2 AND "
	    "key <> ?3", -1, &c->old, NULL) != SQLITE_OK))) {
		repodb_read(&c->db, sqlite3_errcode(c->db.db));
		return -1;
	}
	return 0;
}

void
result_cache_key(const struct result_cache *c, const struct file_result *fr,
    struct cache_key *k)
{
	const struct decoded *d = &fr->dec;
	struct sha256 s;
	uint64_t v[3];
	size_t i;

	sha256_init(&s);
	sha256_add(&s, &c->runkey, sizeof(c->runkey));
	sha256_add(&s, fr->path, strlen(fr->path) + 1);
	sha256_add(&s, d->encoding ? d->encoding : "", strlen(d->encoding ? d->encoding : "") + 1);
	sha256_add(&s, &d->nbad, sizeof(d->nbad));
	for (i = 0; i < d->nbad; i++) {
		v[0] = d->bad[i].raw_offset;
		v[1] = d->bad[i].text_offset;
		v[2] = d->bad[i].byte;
		sha256_add(&s, v, sizeof(v));
	}
	sha256_add(&s, &d->len, sizeof(d->len));
	sha256_add(&s, d->text, d->len);
	sha256_hex(&s, k->hex);
}

/* The run's own string for a rule or message id read from the cache, or NULL. */
static const char *
known_id(const void *ctx, const char *id)
{
	const struct ruleset *rs = ctx;
	const struct msg_def *m;
	struct rule *r = ruleset_find(rs, id);
	size_t n, i;

	if (r != NULL)
		return r->id;
	m = msg_all(&n);
	for (i = 0; i < n; i++)
		if (strcmp(m[i].id, id) == 0)
			return m[i].id;
	return NULL;
}

/* True when every span of dl lies in a text of len bytes. */
static bool
spans_fit(const struct diag_list *dl, size_t len)
{
	size_t i, k;

	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].span.start > dl->v[i].span.end || dl->v[i].span.end > len)
			return false;
		for (k = 0; k < dl->v[i].nrelated; k++)
			if (dl->v[i].related[k].span.start > dl->v[i].related[k].span.end ||
			    dl->v[i].related[k].span.end > len)
				return false;
		for (k = 0; k < dl->v[i].nedits; k++)
			if (dl->v[i].edits[k].span.start > dl->v[i].edits[k].span.end ||
			    dl->v[i].edits[k].span.end > len)
				return false;
	}
	return true;
}

bool
result_cache_get(struct result_cache *c, const struct cache_key *k, struct file_result *fr)
{
	bool hit = false;
	int rc;

	pthread_mutex_lock(&c->mu);
	if (c->get != NULL && !c->db.broken) {
		sqlite3_bind_text(c->get, 1, k->hex, 64, SQLITE_STATIC);
		rc = sqlite3_step(c->get);
		if (rc == SQLITE_ROW) {
			hit = codec_get(&fr->diags, sqlite3_column_blob(c->get, 0),
			    (size_t)sqlite3_column_bytes(c->get, 0), known_id, c->rs) == 0;
			if (hit && !spans_fit(&fr->diags, fr->dec.len)) {
				diag_list_free(&fr->diags);
				hit = false;
			}
		} else if (rc != SQLITE_DONE) {
			repodb_read(&c->db, rc);
		}
		sqlite3_reset(c->get);
	}
	if (hit)
		c->hits++;
	else
		c->misses++;
	pthread_mutex_unlock(&c->mu);
	return hit;
}

void
result_cache_put(struct result_cache *c, const struct cache_key *k, const struct file_result *fr)
{
	struct strbuf b = {NULL, 0, 0};
	struct diag_list kept = fr->diags;
	char *blob;
	size_t n, i;
	int rc;

	/* Corpus findings depend on the other notices: they are drawn anew every run. */
	kept.v = xcalloc(fr->diags.n ? fr->diags.n : 1, sizeof(*kept.v));
	kept.n = 0;
	for (i = 0; i < fr->diags.n; i++)
		if (!corpus_rule(ruleset_find(c->rs, fr->diags.v[i].rule)))
			kept.v[kept.n++] = fr->diags.v[i];
	codec_put(&b, &kept);
	free(kept.v);
	n = b.n;
	blob = strbuf_take(&b);
	pthread_mutex_lock(&c->mu);
	if (c->put != NULL && repodb_begin(&c->db)) {
		/* The entry of the path's earlier content under this run key goes. */
		sqlite3_bind_int64(c->old, 1, (sqlite3_int64)c->runkey);
		sqlite3_bind_text(c->old, 2, fr->path, -1, SQLITE_STATIC);
		sqlite3_bind_text(c->old, 3, k->hex, 64, SQLITE_STATIC);
		rc = sqlite3_step(c->old);
		sqlite3_reset(c->old);
		if (repodb_wrote(&c->db, rc)) {
			sqlite3_bind_text(c->put, 1, k->hex, 64, SQLITE_STATIC);
			sqlite3_bind_blob(c->put, 2, blob, (int)n, SQLITE_STATIC);
			sqlite3_bind_int64(c->put, 3, (sqlite3_int64)c->runkey);
			sqlite3_bind_text(c->put, 4, fr->path, -1, SQLITE_STATIC);
			rc = sqlite3_step(c->put);
			sqlite3_reset(c->put);
			if (repodb_wrote(&c->db, rc))
				repodb_flush(&c->db, false);
		}
	}
	pthread_mutex_unlock(&c->mu);
	free(blob);
}

/* Runs sql (with bind, the run key as ?1) in the write transaction; false when it failed. */
static bool
run_sql(struct result_cache *c, const char *sql, bool bind)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (!repodb_begin(&c->db))
		return false;
	rc = sqlite3_prepare_v2(c->db.db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		if (bind)
			sqlite3_bind_int64(st, 1, (sqlite3_int64)c->runkey);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return repodb_wrote(&c->db, rc);
}

/* Drops the entries, of every run key, whose file is gone (its path no longer names a
 * file from here). */
static void
drop_gone(struct result_cache *c)
{
	sqlite3_stmt *st = NULL, *del = NULL;
	char **gone = NULL;
	size_t n = 0, cap = 0, i;
	struct stat sb;
	int rc;

	if (sqlite3_prepare_v2(c->db.db, "SELECT DISTINCT path FROM results", -1, &st, NULL) !=
	    SQLITE_OK)
		return;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);

		if (p != NULL && stat(p, &sb) != 0) {
			gone = xgrow(gone, &cap, n + 1, sizeof(*gone));
			gone[n++] = xstrdup(p);
		}
	}
	repodb_read(&c->db, rc);
	sqlite3_finalize(st);
	if (n > 0 && repodb_begin(&c->db) && sqlite3_prepare_v2(c->db.db, "DELETE FROM results "
	    "WHERE path = ?", -1, &del, NULL) == SQLITE_OK) {
		for (i = 0; i < n; i++) {
			sqlite3_bind_text(del, 1, gone[i], -1, SQLITE_STATIC);
			rc = sqlite3_step(del);
			sqlite3_reset(del);
			if (!repodb_wrote(&c->db, rc))
				break;
		}
	}
	sqlite3_finalize(del);
	for (i = 0; i < n; i++)
		free(gone[i]);
	free(gone);
}

/* Keeps the cache bounded after a run: records the run key's use, drops the results of
 * run keys beyond the KEEP_RUNS used last and those of files that are gone. */
static void
evict(struct result_cache *c)
{
	char sql[160];

	if (c->db.db == NULL || c->db.readonly || c->db.write_failed || c->db.broken)
		return;
	if (!run_sql(c, "INSERT OR REPLACE INTO runs VALUES(?1, (SELECT coalesce(max(used), 0) "
	    "+ 1 FROM runs))", true))
		return;
	snprintf(sql, sizeof(sql), "DELETE FROM results WHERE run NOT IN (SELECT run FROM runs "
	    "ORDER BY used DESC LIMIT %d)", KEEP_RUNS);
	if (!run_sql(c, sql, false))
		return;
	snprintf(sql, sizeof(sql), "DELETE FROM runs WHERE run NOT IN (SELECT run FROM runs "
	    "ORDER BY used DESC LIMIT %d)", KEEP_RUNS);
	if (run_sql(c, sql, false))
		drop_gone(c);
}

void
result_cache_close(struct result_cache *c)
{
	evict(c);
	sqlite3_finalize(c->get);
	sqlite3_finalize(c->put);
	sqlite3_finalize(c->old);
	repodb_close(&c->db);
	pthread_mutex_destroy(&c->mu);
}
