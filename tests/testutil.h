/* Helpers shared by the unit tests: fixture reading, line lookup, rule-pack loading and
 * running one rule on a snippet. */
#ifndef NL_TESTUTIL_H
#define NL_TESTUTIL_H
#include <stddef.h>
#include "lint.h"

/* Reads a whole file (absolute path) into a NUL-terminated buffer; fails the test if it
 * cannot. The caller frees. */
char *tu_read_file(const char *path, size_t *len);
/* Reads fixtures/<rel> (rel relative to the fixtures directory); the caller frees. */
char *tu_read_fixture(const char *rel, size_t *len);
/* 1-based line number of byte offset off in text. */
unsigned tu_line_of(const char *text, size_t off);
/* The rule directory: $NOTICELINT_RULES when set and not empty, else the source tree's. */
const char *tu_rules_dir(void);
/* Zeroes *rs and loads the n named packs from tu_rules_dir(); fails on any load error. */
void tu_load_packs(struct ruleset *rs, const char *const *packs, size_t n);
/* Writes len bytes of data to a new temporary file and returns its path; the caller
 * unlinks and frees it. */
char *tu_temp_file(const char *data, size_t len);
/* Zeroes *rs and *errs (English messages), writes yaml to a temporary pack and loads it;
 * returns the loader's result and leaves the errors in errs (the caller frees both). */
int tu_load_inline_pack(struct ruleset *rs, struct load_errors *errs, const char *yaml);
/* Runs rule id of rs on text read as a file called path, the model and facts built as the
 * pipeline builds them; out (in o->lang, sorted) and doc are the caller's to free. */
void tu_run_rule(const struct ruleset *rs, const struct lint_opts *o, const char *id,
		const char *path, const char *text, struct doc *doc, struct diag_list *out);
/* Reads fixtures/<rel> and lints it with every enabled rule of rs as the pipeline does;
 * returns the text, and leaves the sorted diagnostics in out (in o->lang) and the model in
 * doc; the caller frees all three. */
char *tu_lint_fixture(const struct ruleset *rs, const struct lint_opts *o, const char *rel,
		struct doc *doc, struct diag_list *out);
/* A copy of the text diagnostic d covers; the caller frees. */
char *tu_span_text(const char *text, const struct diag *d);

/* One must-flag or must-pass case: rule on text draws hits diagnostics; match, when not
 * NULL, is the text of the first one's span. */
struct tu_snippet {
	const char *rule;
	const char *text;      /* the seeds' real phrasing */
	size_t hits;
	const char *match;
};

struct ruleset;
struct lint_opts;
/* Runs every case of table through tu_run_rule and fails the test on the first mismatch. */
void tu_run_snippets(const struct ruleset *rs, const struct lint_opts *o,
		const struct tu_snippet *table, size_t n);

/* One expected diagnostic on a seed: rule on line of seed (its three-digit prefix), count
 * times, with its related location on line note (0: not checked). */
struct tu_seed_hit {
	const char *seed;
	unsigned line;
	const char *rule;
	unsigned count;
	unsigned note;
};

/* Lints the five seed notices with rs and fails the test unless the diagnostics of the rules
 * own accepts are exactly hits (n entries). */
void tu_check_seed_hits(const struct ruleset *rs, const struct lint_opts *o,
		int (*own)(const char *id), const struct tu_seed_hit *hits, size_t n);

#endif
