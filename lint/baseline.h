/* Baselines: a JSON file of known findings ({path, rule, fingerprint}) that a run does not
 * report again, written sorted and atomically. */
#ifndef NL_BASELINE_H
#define NL_BASELINE_H
#include <stdbool.h>
#include <stddef.h>
#include "fingerprint.h"
#include "i18n.h"

/* Version of the baseline file's shape. */
#define BASELINE_VERSION 1

struct baseline_entry {
	char *path;
	char *rule;
	char fp[FINGERPRINT_LEN + 1];
	bool used;       /* matched a finding of this run */
	bool path_seen;  /* its file was linted in this run */
};

struct baseline {
	struct baseline_entry *v;
	size_t n, cap;
	bool sorted;
};

/* Reads file into a zeroed *b. Returns 0, or -1 with *id set to "baseline-read-failed" or
 * "baseline-invalid" and *reason to a message (caller frees). */
int baseline_load(struct baseline *b, const char *file, const char **id, char **reason);
/* Records one finding. */
void baseline_add(struct baseline *b, const char *path, const char *rule, const char *fp);
/* The entry for this finding, or NULL; b must not change while lookups are made. */
struct baseline_entry *baseline_find(struct baseline *b, const char *path, const char *rule,
		const char *fp);
/* Marks every entry of path as belonging to a file linted in this run. */
void baseline_mark_path(struct baseline *b, const char *path);
/* Writes b to file atomically, sorted and without duplicates; with prune, only the entries
 * that were used or whose file was not linted. Returns 0, or -1 with *reason set (in
 * lang). */
int baseline_write(struct baseline *b, const char *file, bool prune, enum lang lang,
		char **reason);
/* Frees every entry. */
void baseline_free(struct baseline *b);

#endif
