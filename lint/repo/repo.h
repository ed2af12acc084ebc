/* The repository layer of a run: shard selection and whatever else a run over a whole
 * disclosure repository keeps beside the per-file pipeline. run.c calls these hooks. */
#ifndef NL_REPO_REPO_H
#define NL_REPO_REPO_H
#include <stdbool.h>
#include "repo/cache.h"
#include "repo/corpus.h"
#include "repo/db.h"
#include "repo/shard.h"
#include "walk.h"

struct options;
struct ruleset;
struct cfgset;
struct fmt_file;
struct config;

/* State of the repository layer for one run. */
struct repo {
	struct shard_meta shard;
	char *root;                  /* the repository root: nearest .git above the first input */
	const struct config *root_cfg;  /* the config in the root directory, NULL: none */
	struct result_cache cache;
	bool cache_open;             /* cache set up (it may still be unusable) */
	bool cache_ok;               /* cache usable */
	struct repodb corpus_db;     /* the corpus index, corpus.db */
	bool corpus_on;              /* the run compares notices across the corpus */
	struct corpus_view corpus;   /* the hits of the inputs, by display path */
};

/* Starts r and, with --shard, keeps only this shard's items (walked is parallel to them). */
void repo_select(struct repo *r, const struct options *o, struct walk_list *items,
		bool *walked);
/* Finishes setting r up once rules and configs are loaded: opens the cache and, with a
 * corpus, updates its index and finds the inputs' shared passages. */
void repo_setup(struct repo *r, const struct options *o, const struct ruleset *rs,
		const struct cfgset *cs, const struct walk_list *items);
/* The cross-notice hits for the linting threads, or NULL without a corpus. */
const struct corpus_view *repo_corpus(const struct repo *r);
/* The result cache for the linting threads, or NULL when the run goes without one. */
struct result_cache *repo_cache(struct repo *r);
/* Notes one file handed to the formatter. */
void repo_reported(struct repo *r, const struct fmt_file *ff);
/* Sets up the corpus of the run, if --corpus or the root config names one (repo_corpus.c);
 * cache_dir holds its index (NULL: kept in memory for this run only). */
void repo_corpus_setup(struct repo *r, const struct options *o, const struct ruleset *rs,
		const struct walk_list *items, const char *cache_dir);
/* Frees what r holds. */
void repo_free(struct repo *r);

#endif
