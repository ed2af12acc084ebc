/* The interface every check type implements, and the registry that lists them. */
#ifndef NL_CHECK_H
#define NL_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "diag.h"
#include "doc.h"
#include "rules.h"

struct rparam;
struct corpus_view;

/* What one check run sees: the read-only model and where diagnostics go. */
struct check_ctx {
	const struct doc *doc;
	struct diag_list *out;
	int today_y, today_m, today_d;   /* the date treated as today (--today) */
	const struct corpus_view *corpus;  /* hits of the run's corpus, NULL: none */
	bool examples;                   /* the rule's own examples are being run */
};

struct check_type {
	const char *name;      /* the value of a rule's `check:` key */
	const char *summary;   /* one line for --list-rules and README */
	/* Reads the rule's own parameters from p into r->params; 0 ok, -1 on error (reported). */
	int (*parse)(struct rule *r, struct rparam *p);
	/* Appends diagnostics for r on c->doc; never modifies the document. */
	void (*run)(const struct rule *r, const struct check_ctx *c);
	/* Frees r->params (may be NULL when parse stored nothing). */
	void (*free_params)(void *params);
	const char *summary_zh;  /* the summary in Chinese, for the Chinese --explain */
};

/* The check type called name, or NULL. */
const struct check_type *check_find(const char *name);
/* Every registered check type, in registry order; *n receives the count. */
const struct check_type *const *check_all(size_t *n);

/* Reports that a pattern of rule r hit a PCRE2 resource limit at offset pos. */
void check_regex_limit(const struct check_ctx *c, const struct rule *r, size_t pos);

struct regex;
struct regex_match;

/* scope_each (scope.h) extended with SCOPE_BOILERPLATE: each block of boilerplate lines,
 * blank lines inside a block included, is one span. */
int check_scope_each(const struct doc *doc, enum scope scope,
		int (*fn)(const struct doc *doc, struct span span, void *ctx), void *ctx);
/* True for scopes that are one part of the notice (document, title, intro, contact,
 * signature, body) rather than a repeated element (heading, item, field, paragraph,
 * boilerplate block); counts over such a scope add up all of its spans. */
int check_scope_is_whole(enum scope scope);
/* Calls fn for each non-empty, non-overlapping match of re inside span (lookbehind may see
 * text before span.start), skipping a match when a match of unless (may be NULL) covers it
 * (starts at or before it and ends at or after it; unless is searched left to right without
 * overlaps). Returns 1 when fn returned nonzero (stop), -1 when a pattern hit a resource
 * limit (already reported for rule r), 0 otherwise. */
int check_each_match(const struct check_ctx *c, const struct rule *r, const struct regex *re,
		const struct regex *unless, struct span span,
		int (*fn)(const struct regex_match *m, void *ctx), void *ctx);
/* A copy of doc->text[start, end); the caller frees. */
char *check_text(const struct doc *doc, size_t start, size_t end);
/* Reads the required string parameter key and finds it among the n names; 0 with its index
 * in *out, or -1 after reporting a missing key or (with message) a value not among them. */
int check_parse_choice(struct rparam *p, const char *key, const char *const *names, size_t n,
		const char *message, size_t *out);

/* Adds to d the note that the text stops mid-sentence at its cut line (doc->cut) and that
 * what d reports missing may be a consequence of the cut; nothing when the text is whole. */
void check_cut_note(const struct check_ctx *c, struct diag *d);

/* Sentence-final marks a paragraph may end with, the default of `terminal` parameters. */
extern const char check_terminal_marks[];

/* A set of code points given as a string parameter (e.g. the marks a paragraph may end with). */
struct cpset {
	uint32_t *v;
	size_t n;
};

/* Reads string parameter key into set, taking def when the key is absent; 0 or -1 as rp_*. */
int check_parse_cpset(struct rparam *p, const char *key, const char *def, struct cpset *set);
/* True when cp is in set. */
bool cpset_has(const struct cpset *set, uint32_t cp);
/* Frees the set's array. */
void cpset_free(struct cpset *set);

#endif
