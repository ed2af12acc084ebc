/* Sharded runs: --shard I/N keeps the inputs whose path relative to the source root hashes
 * to share I of N, and records what `noticelint merge` needs to put the shards' reports
 * back together (each file's place in the unsharded run, the run key, per-file counts). */
#ifndef NL_REPO_SHARD_H
#define NL_REPO_SHARD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "walk.h"

struct cJSON;
struct options;
struct ruleset;
struct cfgset;

/* What one shard ran and reported. */
struct shard_meta {
	unsigned index, count;       /* I and N of --shard I/N; count 0: not sharded */
	size_t total;                /* inputs of the unsharded run */
	uint64_t list_hash;          /* every input's relative path, in order */
	char key[17];                /* run key: options, rules, configs and the input list */
	size_t *ordinals;            /* place of each kept input in the unsharded run */
	size_t n;
	size_t *results, *notes;     /* SARIF results and notifications of each reported file */
	size_t nreported;
	size_t base_rules;           /* SARIF rules[] entries of the loaded rules */
	int fail_level;              /* --fail-level, for merge's exit status */
};

/* Parses "I/N" (1 <= I <= N <= SHARD_MAX); returns 0, or -1. */
int shard_parse(const char *s, unsigned *index, unsigned *count);
#define SHARD_MAX 10000

/* The share (0-based) of display path path for n shards: FNV-1a 64 of the path relative
 * to root (path as given when it lies outside root), modulo n. */
unsigned shard_of(const char *root, const char *path, unsigned n);

/* Keeps in items (and walked, parallel to it) the inputs of share index of count, freeing
 * the others, and starts m. root is the source root (srcroot.h). */
void shard_select(struct shard_meta *m, struct walk_list *items, bool *walked,
		const char *root, unsigned index, unsigned count);
/* Completes m's run key once the rules and configs are loaded. */
void shard_finish(struct shard_meta *m, const struct options *o, const struct ruleset *rs,
		const struct cfgset *cs);
/* Records that the next file was reported with results results and notes notifications. */
void shard_reported(struct shard_meta *m, size_t results, size_t notes);
/* The "shard" object of a report (the caller frees), NULL when m is not sharded. */
struct cJSON *shard_json(const struct shard_meta *m);
/* Frees what m holds. */
void shard_free(struct shard_meta *m);

#endif
