/* Timeline events of the date-order check: parsed from a rule's `events` list and found
 * on a document by pattern, scope and which date of the match to take. */
#include <stdlib.h>
#include <string.h>
#include "date_events.h"
#include "factcheck.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

static const char *const take_names[] = {"first", "last", "range-start", "range-end"};

/* Appends an empty definition; returns it. */
static struct event_def *
add_event(struct event_set *set)
{
	struct event_def *e;

	set->v = xgrow(set->v, &set->cap, set->n + 1, sizeof(*set->v));
	e = &set->v[set->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

/* Context of reading the `events` list. */
struct ev_parse {
	struct event_set *set;
	enum scope default_scope;
};

static int
parse_take(struct rparam *p, struct event_def *e)
{
	char *take = NULL;
	size_t k;

	if (rp_string(p, "take", false, &take) != 0)
		return -1;
	if (take == NULL)
		return 0;
	for (k = 0; k < sizeof(take_names) / sizeof(take_names[0]); k++)
		if (strcmp(take, take_names[k]) == 0)
			break;
	if (k == sizeof(take_names) / sizeof(take_names[0])) {
		rp_error(p, "take", "expected first, last, range-start or range-end");
		free(take);
		return -1;
	}
	e->take = (enum ev_take)k;
	free(take);
	return 0;
}

static int
parse_scope(struct rparam *p, struct event_def *e)
{
	char *scope = NULL;
	int rc = 0;

	if (rp_string(p, "scope", false, &scope) != 0)
		return -1;
	if (scope != NULL && scope_parse(scope, &e->scope) != 0) {
		rp_error(p, "scope", "unknown scope");
		rc = -1;
	}
	free(scope);
	return rc;
}

static int
parse_event(struct rparam *child, size_t index, void *ctx)
{
	struct ev_parse *ep = ctx;
	struct event_def *e = add_event(ep->set);
	int rc = 0;

	(void)index;
	e->scope = ep->default_scope;
	if (rp_string(child, "name", true, &e->name) != 0)
		rc = -1;
	if (e->name != NULL && (strcmp(e->name, "signature") == 0 ||
	    strcmp(e->name, "today") == 0 || events_find(ep->set, e->name) !=
	    (int)ep->set->n - 1)) {
		rp_error(child, "name", "duplicate or built-in event name");
		rc = -1;
	}
	if (rp_string(child, "label", true, &e->label_zh) != 0)
		rc = -1;
	if (rp_string(child, "label_en", true, &e->label_en) != 0)
		rc = -1;
	if (rp_regex(child, "pattern", true, &e->pattern) != 0)
		rc = -1;
	if (parse_scope(child, e) != 0 || parse_take(child, e) != 0)
		rc = -1;
	return rc;
}

static void
add_builtin(struct event_set *set, const char *name, const char *zh, const char *en)
{
	struct event_def *e = add_event(set);

	e->name = xstrdup(name);
	e->label_zh = xstrdup(zh);
	e->label_en = xstrdup(en);
}

int
events_parse(struct event_set *set, struct rparam *p, enum scope default_scope)
{
	struct ev_parse ep = {set, default_scope};
	int rc;

	memset(set, 0, sizeof(*set));
	rc = rp_maps(p, "events", false, parse_event, &ep);
	add_builtin(set, "signature", "成文日期", "the signature date");
	add_builtin(set, "today", "今天", "today");
	return rc;
}

void
events_free(struct event_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		free(set->v[i].name);
		free(set->v[i].label_zh);
		free(set->v[i].label_en);
		regex_free(set->v[i].pattern);
	}
	free(set->v);
	memset(set, 0, sizeof(*set));
}

int
events_find(const struct event_set *set, const char *name)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->v[i].name != NULL && strcmp(set->v[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
events_label(const struct event_set *set, size_t i, const struct check_ctx *c)
{
	return fc_lang(c, set->v[i].label_zh, set->v[i].label_en);
}

/* Fills at from date index d; false when the date has no bounds. */
static bool
set_date(const struct facts *f, int d, struct event_at *at)
{
	if (d < 0 || !facts_date_bounds(&f->dates[d], &at->first, &at->last))
		return false;
	at->found = true;
	at->date = d;
	return true;
}

/* Picks the date of a match [start, end) by the event's take. */
static int
pick(const struct facts *f, const struct event_def *e, size_t start, size_t end)
{
	int first = -1, last = -1;
	size_t i;

	for (i = 0; i < f->ndates; i++) {
		const struct date_fact *d = &f->dates[i];
		long a, b;

		if (d->span.start < start || d->span.start >= end || (d->flags & DATE_SAME_TOKEN) ||
		    !facts_date_bounds(d, &a, &b))
			continue;
		/* A range written backwards is reported as such (date-valid), not as an event
		 * order: its end is no event. */
		if (e->take == EV_RANGE_END && d->range_first && d->peer >= 0 &&
		    (f->dates[d->peer].flags & DATE_REVERSED))
			return -1;
		if ((e->take == EV_RANGE_START || e->take == EV_RANGE_END) && d->range_first)
			return e->take == EV_RANGE_START ? (int)i : d->peer;
		if (first < 0)
			first = (int)i;
		last = (int)i;
	}
	return e->take == EV_LAST ? last : first;
}

/* Context of finding one pattern event. */
struct ev_find {
	const struct event_def *e;
	const struct rule *r;
	const struct check_ctx *c;
	const struct facts *f;
	struct event_at *at;
	int limit;
};

static int
find_in_span(const struct doc *doc, struct span span, void *ctx)
{
	struct ev_find *ef = ctx;
	struct regex_match m;
	size_t from = span.start;
	int rc;

	while ((rc = regex_find(ef->e->pattern, doc->text, from, span.end, &m)) == 1) {
		size_t a = m.start, b = m.end;

		if (m.ngroups >= 1 && m.gstart[1] != (size_t)-1) {
			a = m.gstart[1];
			b = m.gend[1];
		}
		if (set_date(ef->f, pick(ef->f, ef->e, a, b), ef->at))
			return 1;
		if (m.end <= from)
			break;
		from = m.end;
	}
	if (rc < 0) {
		check_regex_limit(ef->c, ef->r, from);
		ef->limit = 1;
		return 1;
	}
	return 0;
}

/* The signature's date: the first dated fact on the 成文日期 line. */
static void
signature_event(const struct doc *doc, const struct facts *f, struct event_at *at)
{
	size_t i;

	if (!doc->signature.has_date)
		return;
	for (i = 0; i < f->ndates; i++)
		if (f->dates[i].span.start >= doc->signature.date.start &&
		    f->dates[i].span.start < doc->signature.date.end &&
		    set_date(f, (int)i, at))
			return;
}

int
events_resolve(const struct event_set *set, const struct rule *r,
		const struct check_ctx *c, struct event_at *at)
{
	const struct facts *f = fc_facts(c->doc);
	size_t i;

	for (i = 0; i < set->n; i++) {
		const struct event_def *e = &set->v[i];
		struct ev_find ef = {e, r, c, f, &at[i], 0};

		memset(&at[i], 0, sizeof(at[i]));
		at[i].date = -1;
		if (strcmp(e->name, "signature") == 0 && e->pattern == NULL) {
			signature_event(c->doc, f, &at[i]);
		} else if (strcmp(e->name, "today") == 0 && e->pattern == NULL) {
			if (c->today_y > 0) {
				at[i].found = true;
				at[i].first = at[i].last = facts_day_number(c->today_y, c->today_m,
				    c->today_d);
			}
		} else {
			(void)check_scope_each(c->doc, e->scope, find_in_span, &ef);
			if (ef.limit)
				return -1;
		}
	}
	return 0;
}
