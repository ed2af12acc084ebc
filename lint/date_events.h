/* Named events of a notice's timeline for the date-order check type: found by pattern and
 * scope, plus the built-ins `signature` (成文日期) and `today` (--today). */
#ifndef NL_DATE_EVENTS_H
#define NL_DATE_EVENTS_H
#include <stdbool.h>
#include "check.h"
#include "facts.h"

struct regex;
struct rparam;

/* Which date of a pattern's match an event takes. */
enum ev_take {
	EV_FIRST,        /* the first date in the match */
	EV_LAST,         /* the last date in the match */
	EV_RANGE_START,  /* the first half of the first range (the first date if none) */
	EV_RANGE_END     /* the second half of that range (the first date if none) */
};

struct event_def {
	char *name;
	char *label_zh, *label_en;
	struct regex *pattern;   /* NULL for the built-ins */
	enum scope scope;
	enum ev_take take;
};

/* A resolved event: its date, or nothing found. */
struct event_at {
	bool found;
	int date;                /* index into facts->dates, -1 for today */
	long first, last;        /* day numbers the date covers */
};

struct event_set {
	struct event_def *v;
	size_t n, cap;
};

/* Reads the rule's `events` list into set and adds the built-ins; 0 ok, -1 on error. */
int events_parse(struct event_set *set, struct rparam *p, enum scope default_scope);
/* Frees the definitions. */
void events_free(struct event_set *set);
/* Index of the event called name, or -1. */
int events_find(const struct event_set *set, const char *name);
/* Resolves every event on the document into at[] (set->n entries). Returns -1 when a
 * pattern hit a resource limit (already reported), else 0. */
int events_resolve(const struct event_set *set, const struct rule *r,
		const struct check_ctx *c, struct event_at *at);
/* The label of event i in the list's language. */
const char *events_label(const struct event_set *set, size_t i, const struct check_ctx *c);

#endif
