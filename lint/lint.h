/* The per-file pipeline on decoded text: segment → facts → checks → diagnostics. */
#ifndef NL_LINT_H
#define NL_LINT_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "doc.h"
#include "rules.h"
#include "rule_load.h"

struct timing;
struct result_cache;
struct corpus_view;

struct lint_opts {
	enum lang lang;
	int today_y, today_m, today_d;  /* the date that date checks treat as today */
	struct timing *timing;          /* --timing counters, NULL when not timing */
	const char *stdin_format;       /* --stdin-format: what standard input holds; NULL text */
	struct result_cache *cache;     /* per-file result cache (repo/cache.h), NULL: none */
	const struct corpus_view *corpus;  /* cross-notice hits (repo/corpus.h), NULL: none */
	bool examples;                  /* running the rules' own examples (--check-rules) */
};

/* Builds the model of text into a zeroed *doc (caller frees with doc_free) and runs every
 * enabled rule of rs on it, appending to out; out is sorted on return. */
void lint_text(const struct ruleset *rs, const struct lint_opts *o, const char *path,
		const char *text, size_t len, struct doc *doc, struct diag_list *out);
/* Builds everything checks read into a zeroed *doc (caller frees with doc_free): the document
 * model of text, read as a file called path, then its facts. */
void lint_build_model(struct doc *doc, const char *path, const char *text, size_t len);
/* Runs one rule on an already built model, appending to out. */
void lint_rule(const struct rule *r, const struct lint_opts *o, const struct doc *doc,
		struct diag_list *out);
/* Runs each rule's flag and pass examples: a flag example must draw at least one diagnostic
 * of its rule, a pass example none; a fix example's before must come out as its after, and
 * its after must then be left alone. Failures are appended to errs (ids
 * "rule-example-silent", "rule-example-fires", "rule-fix-example-wrong"); returns the
 * number of failures. */
size_t lint_check_examples(const struct ruleset *rs, const struct lint_opts *o,
		struct load_errors *errs);

#endif
