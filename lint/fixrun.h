/* --fix and --fix-dry-run over the inputs of a run. */
#ifndef NL_FIXRUN_H
#define NL_FIXRUN_H
#include "cfgset.h"
#include "cli.h"
#include "lint.h"
#include "walk.h"

/* Fixes every input (o->fix: rewrites the files; o->fix_dry_run: prints a unified diff
 * and changes nothing). Returns 0 when nothing was to fix, 1 when something was (or would
 * be) fixed, 2 when an input could not be fixed (not .txt/.md, not exactly writable, a
 * failed write); the other inputs are still fixed. */
int fixrun_inputs(const struct ruleset *rs, const struct options *o, const struct cfgset *cs,
		const struct walk_list *items, const struct lint_opts *lo);

#endif
