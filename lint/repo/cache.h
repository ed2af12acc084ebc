/* The per-file result cache: a file's diagnostics (after its config's settings) stored
 * under a key of its decoded text, its decode outcome, its display path and the run key,
 * so an unchanged file in an unchanged setting is not linted again. Safe to call from the
 * --jobs threads. */
#ifndef NL_REPO_CACHE_H
#define NL_REPO_CACHE_H
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "repo/db.h"

struct ruleset;
struct file_result;
struct sqlite3_stmt;

struct result_cache {
	struct repodb db;
	pthread_mutex_t mu;
	uint64_t runkey;
	const struct ruleset *rs;
	struct sqlite3_stmt *get, *put, *old;
	size_t hits, misses;
};

/* A cache key: 64 hex digits of SHA-256. */
struct cache_key {
	char hex[65];
};

/* Opens the cache in dir for a run with key runkey and rules rs; -1 when it cannot be used
 * (the run goes on without it; the note says why). */
int result_cache_open(struct result_cache *c, const char *dir, uint64_t runkey,
		const struct ruleset *rs, enum lang lang);
/* The key of the decoded, not yet linted result fr. */
void result_cache_key(const struct result_cache *c, const struct file_result *fr,
		struct cache_key *k);
/* Fills fr's empty diagnostics from the entry of k; false when there is none. */
bool result_cache_get(struct result_cache *c, const struct cache_key *k,
		struct file_result *fr);
/* Stores fr's diagnostics under k (given up quietly, with one note, when writing fails). */
void result_cache_put(struct result_cache *c, const struct cache_key *k,
		const struct file_result *fr);
/* Drops what the cache no longer needs (other run keys beyond the last few, files that are
 * gone), commits and closes it; prints its note, if any. */
void result_cache_close(struct result_cache *c);

#endif
