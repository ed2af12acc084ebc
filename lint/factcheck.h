/* Helpers shared by the check types that read facts (date-valid, date-order, arithmetic,
 * body-count): the spans of a rule's scope, number and date text for messages. */
#ifndef NL_FACTCHECK_H
#define NL_FACTCHECK_H
#include <stdbool.h>
#include <stddef.h>
#include "check.h"
#include "facts.h"

/* The spans a scope covers in one document, in text order. */
struct fc_spans {
	struct span *v;
	size_t n, cap;
};

/* Collects the spans of scope s in doc into *out (caller frees with fc_spans_free). */
void fc_scope_spans(struct fc_spans *out, const struct doc *doc, enum scope s);
/* Frees the span list. */
void fc_spans_free(struct fc_spans *sp);
/* True when [start, end) lies inside one of the spans. */
bool fc_spans_hold(const struct fc_spans *sp, size_t start, size_t end);
/* Writes v as a short decimal (62, 14.29, 26.67) into buf. */
void fc_number(double v, char *buf, size_t size);
/* Writes a date for a message as 2025年3月12日, with its inferred year (a garbled date by its
 * reading); "" for a garbled date without a single reading. */
void fc_date(const struct date_fact *d, char *buf, size_t size);
/* The facts of doc, or an empty set when none were extracted. */
const struct facts *fc_facts(const struct doc *doc);
/* A pattern over count phrases: regexes on the label (words before the number), the noun
 * (words after the unit) and the unit, each matched against that text alone, so ^ and $
 * anchor at its ends. Absent parts match anything. */
struct fc_pat {
	struct regex *label, *noun, *unit;
};

struct rparam;

/* Reads the keys label, noun and unit of mapping p; 0 ok, -1 on error. */
int fc_pat_parse(struct fc_pat *pat, struct rparam *p);
/* Frees the patterns. */
void fc_pat_free(struct fc_pat *pat);
/* True when count c of doc matches the pattern (a match limit counts as no match). */
bool fc_pat_match(const struct fc_pat *pat, const struct doc *doc,
		const struct count_fact *c);

/* Picks the zh or en text by the language of the diagnostics list. */
const char *fc_lang(const struct check_ctx *c, const char *zh, const char *en);

#endif
