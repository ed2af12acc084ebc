/* The interface every check type implements, and the registry that lists them. */
#ifndef NL_CHECK_H
#define NL_CHECK_H
#include <stddef.h>
#include "diag.h"
#include "doc.h"
#include "rules.h"

struct rparam;

/* What one check run sees: the read-only model and where diagnostics go. */
struct check_ctx {
	const struct doc *doc;
	struct diag_list *out;
	int today_y, today_m, today_d;   /* the date treated as today (--today) */
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
};

/* The check type called name, or NULL. */
const struct check_type *check_find(const char *name);
/* Every registered check type, in registry order; *n receives the count. */
const struct check_type *const *check_all(size_t *n);

/* Reports that a pattern of rule r hit a PCRE2 resource limit at offset pos. */
void check_regex_limit(const struct check_ctx *c, const struct rule *r, size_t pos);

#endif
