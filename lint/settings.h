/* Per-file effective settings: what the governing project config (and --no-suppress,
 * --level and --encoding) change for one input, applied to its diagnostic list. */
#ifndef NL_SETTINGS_H
#define NL_SETTINGS_H
#include <stdbool.h>
#include <stdio.h>
#include "cli.h"
#include "config.h"
#include "rules.h"

/* Settings shared by the files one config governs; read-only while files are linted. */
struct file_settings {
	const struct config *cfg;     /* NULL when no config applies */
	const bool *allowed;          /* per rule of rs: false for another config's packs */
	const struct ruleset *rs;
	const struct options *o;      /* --level (wins over the config), --no-suppress */
};

/* Drops the diagnostics of rules disabled for file (display path, linted as path) and of
 * suppressed findings, and rewrites levels; text is the decoded input. fs may be NULL. */
void settings_apply(const struct file_settings *fs, const char *path, const char *text,
		struct diag_list *dl);
/* Prints the effective config for path under c (NULL for none) as JSON to out. */
void settings_print(FILE *out, const struct config *c, const char *path,
		const struct options *o);

#endif
