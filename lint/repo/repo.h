/* The repository layer of a run: shard selection and whatever else a run over a whole
 * disclosure repository keeps beside the per-file pipeline. run.c calls these hooks. */
#ifndef NL_REPO_REPO_H
#define NL_REPO_REPO_H
#include <stdbool.h>
#include "repo/shard.h"
#include "walk.h"

struct options;
struct ruleset;
struct cfgset;
struct fmt_file;

/* State of the repository layer for one run. */
struct repo {
	struct shard_meta shard;
};

/* Starts r and, with --shard, keeps only this shard's items (walked is parallel to them). */
void repo_select(struct repo *r, const struct options *o, struct walk_list *items,
		bool *walked);
/* Finishes setting r up once rules and configs are loaded. */
void repo_setup(struct repo *r, const struct options *o, const struct ruleset *rs,
		const struct cfgset *cs);
/* Notes one file handed to the formatter. */
void repo_reported(struct repo *r, const struct fmt_file *ff);
/* Frees what r holds. */
void repo_free(struct repo *r);

#endif
