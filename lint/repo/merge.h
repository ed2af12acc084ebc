/* `noticelint merge`: the JSON or SARIF reports of the shards of one run (--shard I/N for
 * every I) combined into the one document the unsharded run writes, byte for byte. */
#ifndef NL_REPO_MERGE_H
#define NL_REPO_MERGE_H
#include <stddef.h>
#include <stdio.h>
#include "i18n.h"

struct cJSON;

/* One shard's report as read. */
struct merge_input {
	const char *path;
	struct cJSON *doc;            /* the whole document */
	unsigned index, count;
	size_t inputs;                /* inputs of the unsharded run */
	const char *key, *version, *fail_level;
	size_t *ordinals, n;          /* each reported file's place in the unsharded run */
	size_t *results, *notes;      /* SARIF: results and notifications of each file */
	size_t base_rules;            /* SARIF: rules[] entries of the loaded rules */
};

/* One file of the merged run: which shard reported it, as its k-th file. */
struct merge_slot {
	size_t ordinal;
	size_t shard, k;
};

/* The merge command: argv[0] is "merge". Returns the exit code: that of the unsharded run
 * (0, 1 by --fail-level), or 2 for a usage error or a report that cannot be merged. */
int merge_main(int argc, char **argv);

/* The merged JSON document of the n shards in, files in slot order; the caller frees. */
struct cJSON *merge_json(struct merge_input *in, size_t n, const struct merge_slot *slots,
		size_t nslots);
/* The merged SARIF log of the n shards in, files in slot order; the caller frees. */
struct cJSON *merge_sarif(struct merge_input *in, size_t n, const struct merge_slot *slots,
		size_t nslots);
/* Writes the merged log to out in the layout of the SARIF format, then frees it. */
void merge_sarif_write(FILE *out, struct cJSON *log);

#endif
