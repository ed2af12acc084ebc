/* Check type `date-order`: the notice's timeline (inspection, feedback, summary cut-off,
 * signature, today) and the dates judged against it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "date_events.h"
#include "factcheck.h"
#include "regex.h"
#include "rule_load.h"
#include "segment.h"
#include "xalloc.h"

/* Events are found by the rule's `events`; the kind says what is checked:
 *   order       the events found follow the `order` chain "start <= end < feedback ..."
 *               (a missing event is skipped; fuzzy dates are flagged only when certainly
 *               out of order);
 *   yearless    the `targets` events have a written year (the message names the year
 *               assumed and where it came from; garbled dates are left to date-valid);
 *   evidence    a date marked by the `before`/`after` cues, outside problem statements,
 *               is not earlier than the `reference` event (rectification before the
 *               inspection began);
 *   forecast    a forward-looking date (cues 预计, …底前) is not earlier than `reference`
 *               (default: the signature): a stale forecast;
 *   timeliness  the first found of `to` comes at most `days` days after `from`. */
enum do_kind { DO_ORDER, DO_YEARLESS, DO_EVIDENCE, DO_FORECAST, DO_TIMELINESS };

static const char *const kind_names[] = {
	"order", "yearless", "evidence", "forecast", "timeliness",
};

/* One link of the order chain: an event and whether it must come strictly after the
 * previous one. */
struct link {
	int event;
	bool strict;
};

struct date_order {
	enum do_kind kind;
	struct event_set ev;
	struct link *chain;       /* order: events in their required order */
	size_t nchain, chaincap;
	int *targets;             /* yearless: events checked; timeliness: `to` in order */
	size_t ntargets;
	int reference;            /* evidence, forecast; timeliness: `from` */
	struct regex *before;     /* cue that ends where the date starts */
	struct regex *after;      /* cue that starts where the date ends */
	long days;
};

static void
do_free(void *params)
{
	struct date_order *p = params;

	events_free(&p->ev);
	free(p->chain);
	free(p->targets);
	regex_free(p->before);
	regex_free(p->after);
	free(p);
}

/* Reads one event name of the chain at *s into p->chain; false when it is not defined. */
static bool
chain_name(struct date_order *p, const char **s)
{
	char name[64];
	size_t n = 0;

	while (**s == ' ')
		(*s)++;
	while ((*s)[n] != '\0' && (*s)[n] != ' ' && (*s)[n] != '<')
		n++;
	if (n == 0 || n >= sizeof(name))
		return false;
	memcpy(name, *s, n);
	name[n] = '\0';
	*s += n;
	p->chain = xgrow(p->chain, &p->chaincap, p->nchain + 1, sizeof(*p->chain));
	p->chain[p->nchain].event = events_find(&p->ev, name);
	p->chain[p->nchain].strict = false;
	return p->chain[p->nchain++].event >= 0;
}

/* Parses the chain "start <= end < feedback <= ...": event names joined by <= or <. */
static int
parse_order(struct date_order *p, struct rparam *rp)
{
	char *src = NULL;
	const char *s;
	bool ok;
	int rc = 0;

	if (rp_string(rp, "order", true, &src) != 0)
		return -1;
	s = src;
	ok = chain_name(p, &s);
	while (ok) {
		bool strict;

		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (*s != '<') {
			ok = false;
			break;
		}
		strict = s[1] != '=';
		s += strict ? 1 : 2;
		ok = chain_name(p, &s);
		if (ok)
			p->chain[p->nchain - 1].strict = strict;
	}
	if (!ok || p->nchain < 2) {
		rp_error(rp, "order", "expected defined event names joined by <= or <");
		rc = -1;
	}
	free(src);
	return rc;
}

/* Reads a list of event names into p->targets. */
static int
parse_names(struct date_order *p, struct rparam *rp, const char *key)
{
	char **list = NULL;
	size_t n = 0, i;
	int rc = 0;

	if (rp_strings(rp, key, true, &list, &n) != 0)
		return -1;
	p->targets = xcalloc(n + 1, sizeof(*p->targets));
	for (i = 0; i < n; i++) {
		if ((p->targets[i] = events_find(&p->ev, list[i])) < 0 && rc == 0) {
			rp_error(rp, key, "names an event that is not defined");
			rc = -1;
		}
		free(list[i]);
	}
	free(list);
	p->ntargets = n;
	return rc;
}

/* Reads an event name parameter; dflt when absent (NULL: required). */
static int
parse_event_name(struct date_order *p, struct rparam *rp, const char *key, const char *dflt)
{
	char *name = NULL;
	int rc = 0;

	if (rp_string(rp, key, dflt == NULL, &name) != 0)
		return -1;
	p->reference = events_find(&p->ev, name != NULL ? name : dflt);
	if (p->reference < 0) {
		rp_error(rp, key, "names an event that is not defined");
		rc = -1;
	}
	free(name);
	return rc;
}

/* The parameters of each kind. */
static int
parse_kind(struct date_order *p, struct rparam *rp)
{
	int rc = 0;

	switch (p->kind) {
	case DO_ORDER:
		return parse_order(p, rp);
	case DO_YEARLESS:
		return parse_names(p, rp, "targets");
	case DO_EVIDENCE:
	case DO_FORECAST:
		if (parse_event_name(p, rp, "reference",
		    p->kind == DO_FORECAST ? "signature" : NULL) != 0)
			rc = -1;
		if (rp_regex(rp, "before", false, &p->before) != 0 ||
		    rp_regex(rp, "after", false, &p->after) != 0)
			rc = -1;
		if (rc == 0 && p->before == NULL && p->after == NULL) {
			rp_error(rp, NULL, "needs a `before` or an `after` cue pattern");
			rc = -1;
		}
		return rc;
	default:
		if (parse_event_name(p, rp, "from", NULL) != 0 || parse_names(p, rp, "to") != 0)
			rc = -1;
		p->days = 90;
		if (rp_int(rp, "days", false, 0, 100000, &p->days) != 0)
			rc = -1;
		return rc;
	}
}

static int
do_parse(struct rule *r, struct rparam *rp)
{
	struct date_order *p = xcalloc(1, sizeof(*p));
	size_t k;
	int rc = 0;

	r->params = p;
	p->reference = -1;
	if (events_parse(&p->ev, rp, r->scope) != 0)
		rc = -1;
	if (check_parse_choice(rp, "kind", kind_names, sizeof(kind_names) / sizeof(kind_names[0]),
	    "expected order, yearless, evidence, forecast or timeliness", &k) != 0)
		return -1;
	p->kind = (enum do_kind)k;
	return parse_kind(p, rp) != 0 || rc != 0 ? -1 : 0;
}

/* State of one run. */
struct do_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct date_order *p;
	const struct facts *f;
	struct event_at *at;
};

/* Text of event i's date for messages. */
static void
event_date(const struct do_run *run, size_t i, char *buf, size_t size)
{
	const struct event_at *a = &run->at[i];

	if (a->date >= 0) {
		fc_date(&run->f->dates[a->date], buf, size);
		return;
	}
	(void)snprintf(buf, size, "%d年%d月%d日", run->c->today_y, run->c->today_m,
	    run->c->today_d);
}

/* The span to report event i at: its date, or an empty span at the text start. */
static struct span
event_span(const struct do_run *run, size_t i)
{
	struct span none = {0, 0};

	return run->at[i].date >= 0 ? run->f->dates[run->at[i].date].span : none;
}

/* Reports that event b comes before event a. */
static void
report_order(struct do_run *run, int ia, int ib)
{
	const struct event_at *a = &run->at[ia], *b = &run->at[ib];
	char da[64], db[64];
	struct span sp;
	struct diag *d;

	event_date(run, (size_t)ia, da, sizeof(da));
	event_date(run, (size_t)ib, db, sizeof(db));
	sp = b->date >= 0 ? event_span(run, (size_t)ib) : event_span(run, (size_t)ia);
	d = diag_add(run->c->out, run->r, sp.start, sp.end,
	    "first", events_label(&run->p->ev, (size_t)ia, run->c), "first_date", da,
	    "second", events_label(&run->p->ev, (size_t)ib, run->c), "second_date", db,
	    (const char *)NULL);
	if (b->date >= 0 && a->date >= 0)
		diag_note(run->c->out, d, event_span(run, (size_t)ia).start,
		    event_span(run, (size_t)ia).end, "{event}：{date}", "{event}: {date}",
		    "event", events_label(&run->p->ev, (size_t)ia, run->c), "date", da,
		    (const char *)NULL);
}

/* Walks the chain over the events found: each must not come before the previous found
 * one (strictly after when any link between them is strict). A fuzzy date is out of
 * order only when certainly so. */
static void
check_order(struct do_run *run)
{
	int prev = -1;
	bool strict = false;
	size_t i;

	for (i = 0; i < run->p->nchain; i++) {
		int ev = run->p->chain[i].event;
		const struct event_at *b = &run->at[ev];

		strict = strict || run->p->chain[i].strict;
		if (!b->found)
			continue;
		if (prev >= 0 && (strict ? run->at[prev].first >= b->last :
		    run->at[prev].first > b->last))
			report_order(run, prev, ev);
		prev = ev;
		strict = false;
	}
}

/* Where a year-less date's year came from, for messages. */
static void
year_source(const struct do_run *run, const struct date_fact *d, char *buf, size_t size)
{
	char src[64] = "";

	if (d->ydate >= 0)
		fc_date(&run->f->dates[d->ydate], src, sizeof(src));
	if (d->ysrc == YEAR_CONTEXT && run->c->out->lang == LANG_EN)
		(void)snprintf(buf, size, "the earlier date %s", src);
	else if (d->ysrc == YEAR_CONTEXT)
		(void)snprintf(buf, size, "上文“%s”", src);
	else if (d->ysrc == YEAR_FOLLOWING && run->c->out->lang == LANG_EN)
		(void)snprintf(buf, size, "the later date %s", src);
	else if (d->ysrc == YEAR_FOLLOWING)
		(void)snprintf(buf, size, "下文“%s”", src);
	else if (d->ysrc == YEAR_INSPECTION)
		(void)snprintf(buf, size, "%s", fc_lang(run->c, "巡察时间", "the inspection period"));
	else
		(void)snprintf(buf, size, "%s", fc_lang(run->c, "成文日期", "the signature date"));
}

static void
check_yearless(struct do_run *run)
{
	size_t i;

	for (i = 0; i < run->p->ntargets; i++) {
		const struct event_at *a = &run->at[run->p->targets[i]];
		const struct date_fact *d;
		char year[16], src[96], *text;
		struct diag *dg;

		if (!a->found || a->date < 0)
			continue;
		d = &run->f->dates[a->date];
		if (d->ysrc == YEAR_WRITTEN || d->ysrc == YEAR_RANGE || d->ysrc == YEAR_UNKNOWN ||
		    (d->flags & DATE_GARBLED))
			continue;
		(void)snprintf(year, sizeof(year), "%d", d->y);
		year_source(run, d, src, sizeof(src));
		text = check_text(run->c->doc, d->span.start, d->span.end);
		dg = diag_add(run->c->out, run->r, d->span.start, d->span.end, "date", text,
		    "year", year, "source", src, (const char *)NULL);
		free(text);
		if (d->ydate >= 0)
			diag_note(run->c->out, dg, run->f->dates[d->ydate].span.start,
			    run->f->dates[d->ydate].span.end, "年份取自此处",
			    "the year was taken from here", (const char *)NULL);
	}
}

/* True when off lies in a problem statement or in a heading's title (a run-in heading's
 * body text after its title is running text). */
static bool
in_statement(const struct doc *doc, size_t off)
{
	size_t line = linemap_line_index(&doc->lines_map, off);
	int h = line < doc->nlines ? doc->lines[line].heading : -1;

	if (h >= 0 && (size_t)h < doc->nheadings && off >= doc->headings[h].title.start &&
	    off < doc->headings[h].title.end)
		return true;
	return doc_statement_at(doc, off) >= 0;
}

/* True when a cue marks date d: `before` matches the sentence text up to the date
 * (anchored at its end by $) or `after` the text from the date's end (^ anchors there). */
static bool
cued(const struct do_run *run, const struct date_fact *d)
{
	const struct facts *f = run->f;
	const char *t = run->c->doc->text;
	size_t from = d->sentence < f->nsentences ? f->sentences[d->sentence].start :
	    d->span.start;
	size_t to = d->sentence < f->nsentences ? f->sentences[d->sentence].end : d->span.end;
	struct regex_match m;
	char *rest;
	bool hit;

	if (run->p->before != NULL && regex_find(run->p->before, t, from, d->span.start,
	    &m) == 1 && m.end == d->span.start)
		return true;
	if (run->p->after == NULL || to <= d->span.end)
		return false;
	rest = check_text(run->c->doc, d->span.end, to);
	hit = regex_find(run->p->after, rest, 0, to - d->span.end, &m) == 1 && m.start == 0;
	free(rest);
	return hit;
}

/* True when date d may be judged by evidence/forecast: written year, one reading, in
 * running text, the start of its range. */
static bool
judged(const struct do_run *run, const struct date_fact *d, const struct fc_spans *sp)
{
	if (d->ysrc != YEAR_WRITTEN || (d->flags & (DATE_SAME_TOKEN | DATE_BOILERPLATE)) ||
	    (d->peer >= 0 && !d->range_first))
		return false;
	if (run->p->kind == DO_EVIDENCE && (d->flags & DATE_GARBLED))
		return false;
	return fc_spans_hold(sp, d->span.start, d->span.end) &&
	    (run->p->kind == DO_FORECAST || !in_statement(run->c->doc, d->span.start));
}

static void
check_cued(struct do_run *run)
{
	const struct event_at *ref = &run->at[run->p->reference];
	struct fc_spans sp;
	char rd[64], dd[64];
	size_t i;

	if (!ref->found)
		return;
	event_date(run, (size_t)run->p->reference, rd, sizeof(rd));
	fc_scope_spans(&sp, run->c->doc, run->r->scope);
	for (i = 0; i < run->f->ndates; i++) {
		const struct date_fact *d = &run->f->dates[i];
		long first, last;
		struct diag *dg;
		char *text;

		if (!judged(run, d, &sp) || !facts_date_bounds(d, &first, &last) ||
		    last >= ref->first || !cued(run, d))
			continue;
		fc_date(d, dd, sizeof(dd));
		text = check_text(run->c->doc, d->span.start, d->span.end);
		dg = diag_add(run->c->out, run->r, d->span.start, d->span.end, "date", text,
		    "reading", dd, "reference", events_label(&run->p->ev,
		    (size_t)run->p->reference, run->c), "reference_date", rd, (const char *)NULL);
		free(text);
		if (dg == NULL)
			break;
		if (ref->date >= 0)
			diag_note(run->c->out, dg, run->f->dates[ref->date].span.start,
			    run->f->dates[ref->date].span.end, "{event}：{date}", "{event}: {date}",
			    "event", events_label(&run->p->ev, (size_t)run->p->reference, run->c),
			    "date", rd, (const char *)NULL);
	}
	fc_spans_free(&sp);
}

static void
check_timeliness(struct do_run *run)
{
	const struct event_at *from = &run->at[run->p->reference];
	char days[32], limit[32], fd[64], td[64];
	size_t i;
	int to = -1;
	struct span sp;
	struct diag *d;

	for (i = 0; i < run->p->ntargets && to < 0; i++)
		if (run->at[run->p->targets[i]].found && run->at[run->p->targets[i]].date >= 0)
			to = run->p->targets[i];
	if (!from->found || to < 0 || run->at[to].first - from->first <= run->p->days)
		return;
	(void)snprintf(days, sizeof(days), "%ld", run->at[to].first - from->first);
	(void)snprintf(limit, sizeof(limit), "%ld", run->p->days);
	event_date(run, (size_t)run->p->reference, fd, sizeof(fd));
	event_date(run, (size_t)to, td, sizeof(td));
	sp = event_span(run, (size_t)to);
	d = diag_add(run->c->out, run->r, sp.start, sp.end, "days", days, "limit", limit,
	    "from", events_label(&run->p->ev, (size_t)run->p->reference, run->c),
	    "from_date", fd, "to", events_label(&run->p->ev, (size_t)to, run->c), "to_date", td,
	    (const char *)NULL);
	if (from->date >= 0)
		diag_note(run->c->out, d, run->f->dates[from->date].span.start,
		    run->f->dates[from->date].span.end, "{event}：{date}", "{event}: {date}",
		    "event", events_label(&run->p->ev, (size_t)run->p->reference, run->c),
		    "date", fd, (const char *)NULL);
}

static void
do_run(const struct rule *r, const struct check_ctx *c)
{
	const struct date_order *p = r->params;
	struct do_run run = {r, c, p, fc_facts(c->doc), NULL};

	run.at = xcalloc(p->ev.n + 1, sizeof(*run.at));
	if (events_resolve(&p->ev, r, c, run.at) == 0) {
		if (p->kind == DO_ORDER)
			check_order(&run);
		else if (p->kind == DO_YEARLESS)
			check_yearless(&run);
		else if (p->kind == DO_TIMELINESS)
			check_timeliness(&run);
		else
			check_cued(&run);
	}
	free(run.at);
}

const struct check_type chk_date_order = {
	"date-order",
	"checks the notice's timeline: event order, year-less key dates, rectification dated "
	"before the inspection, stale forecasts, and the delay from feedback to signature",
	do_parse,
	do_run,
	do_free,
	"检查通报的时间线：事件先后、未写年份的关键日期、早于巡察的整改日期、过时的预计、"
	"反馈到成文的间隔",
};
