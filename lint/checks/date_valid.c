/* Check type `date-valid`: one kind of malformed date per rule (garbled, impossible,
 * two-digit year, ISO form, hyphen range, reversed range, or a word such as 截至 not
 * followed by a time). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "factcheck.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* Kinds: garbled (年/月/日 lost: 2025324日), impossible (2月30日, 13月), two-digit-year
 * (26年), iso (2025-12-12 in running text), hyphen-range (2020年-2023年, 2022至2023年),
 * reversed-range (2025年5月6日至3月24日: the end before the start), needs-time (`pattern` such as 截至 followed neither by a date nor by `follow`). Only dates
 * inside the rule's scope count; web boilerplate lies outside every scope but its own. */
enum dv_kind {
	DV_GARBLED, DV_IMPOSSIBLE, DV_TWO_DIGIT, DV_ISO, DV_HYPHEN, DV_REVERSED, DV_NEEDS_TIME
};

static const char *const kind_names[] = {
	"garbled", "impossible", "two-digit-year", "iso", "hyphen-range", "reversed-range",
	"needs-time",
};

struct date_valid {
	enum dv_kind kind;
	struct regex *pattern;  /* needs-time */
	struct regex *follow;   /* needs-time: a time expression other than a date */
};

/* State of one run. */
struct dv_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct date_valid *p;
	const struct facts *f;
	int stop;
};

static void
dv_free(void *params)
{
	struct date_valid *p = params;

	regex_free(p->pattern);
	regex_free(p->follow);
	free(p);
}

static int
dv_parse(struct rule *r, struct rparam *rp)
{
	struct date_valid *p = xcalloc(1, sizeof(*p));
	size_t k;
	int rc = 0;

	r->params = p;
	if (check_parse_choice(rp, "kind", kind_names, sizeof(kind_names) / sizeof(kind_names[0]),
	    "expected garbled, impossible, two-digit-year, iso, hyphen-range, reversed-range "
	    "or needs-time",
	    &k) != 0)
		return -1;
	p->kind = (enum dv_kind)k;
	if (p->kind == DV_NEEDS_TIME) {
		if (rp_regex(rp, "pattern", true, &p->pattern) != 0)
			rc = -1;
		if (rp_regex(rp, "follow", false, &p->follow) != 0)
			rc = -1;
	}
	return rc;
}

/* Adds a diagnostic over [start, end); stops the rule when the cap is reached. */
static void
report(struct dv_run *run, size_t start, size_t end, const char *k1, const char *v1,
		const char *k2, const char *v2)
{
	char *text = check_text(run->c->doc, start, end);

	if (diag_add(run->c->out, run->r, start, end, "date", text, k1, v1, k2, v2,
	    (const char *)NULL) == NULL)
		run->stop = 1;
	free(text);
}

/* Text of a range's fix: first half (年 added to a bare year), 至, second half. */
static void
range_fix(const struct dv_run *run, const struct date_fact *a, const struct date_fact *b,
		char *buf, size_t size)
{
	const char *t = run->c->doc->text;

	(void)snprintf(buf, size, "%.*s%s至%.*s", (int)(a->span.end - a->span.start),
	    t + a->span.start, (a->flags & DATE_BARE_YEAR) ? "年" : "",
	    (int)(b->span.end - b->span.start), t + b->span.start);
}

/* True when a range is joined by an ASCII hyphen, or opens with a bare year before 至/到. */
static bool
bad_range(const struct dv_run *run, const struct date_fact *a)
{
	const char *t = run->c->doc->text + a->joint.start;
	size_t n = a->joint.end - a->joint.start;

	if (!a->range_first || (a->flags & DATE_GARBLED))
		return false;
	if ((n == 1 && t[0] == '-') || (n == 3 && memcmp(t, "\xEF\xBC\x8D", 3) == 0))
		return true;
	return (a->flags & DATE_BARE_YEAR) && n == 3 &&
	    (memcmp(t, "至", 3) == 0 || memcmp(t, "到", 3) == 0);
}

/* Checks one date of the rule's kind. */
static void
check_date(struct dv_run *run, const struct date_fact *d)
{
	char buf[160], year[16];

	switch (run->p->kind) {
	case DV_GARBLED:
		if ((d->flags & DATE_GARBLED) && !(d->flags & DATE_SAME_TOKEN))
			report(run, d->span.start, d->span.end, "reading", d->reading != NULL ?
			    d->reading : fc_lang(run->c, "无法唯一确定", "no single reading"),
			    NULL, NULL);
		break;
	case DV_IMPOSSIBLE:
		if ((d->flags & DATE_INVALID) && !(d->flags & DATE_GARBLED))
			report(run, d->span.start, d->span.end, NULL, NULL, NULL, NULL);
		break;
	case DV_TWO_DIGIT:
		if (d->flags & DATE_TWO_DIGIT_YEAR) {
			(void)snprintf(year, sizeof(year), "%d", d->y);
			report(run, d->span.start, d->span.end, "year", year, NULL, NULL);
		}
		break;
	case DV_ISO:
		if (d->flags & (DATE_ISO | DATE_SLASH)) {
			facts_date_format(d, buf, sizeof(buf));
			report(run, d->span.start, d->span.end, "reading", buf, NULL, NULL);
		}
		break;
	case DV_HYPHEN:
		if (bad_range(run, d)) {
			const struct date_fact *b = &run->f->dates[d->peer];

			range_fix(run, d, b, buf, sizeof(buf));
			report(run, d->span.start, b->span.end, "reading", buf, NULL, NULL);
		}
		break;
	case DV_REVERSED:
		if (d->range_first && d->peer >= 0 &&
		    (run->f->dates[d->peer].flags & DATE_REVERSED)) {
			const struct date_fact *b = &run->f->dates[d->peer];
			char first[48], second[48];

			facts_date_format(d, first, sizeof(first));
			facts_date_format(b, second, sizeof(second));
			report(run, d->span.start, b->span.end, "start", first, "end", second);
		}
		break;
	default:
		break;
	}
}

/* Offset of the first non-space character at or after i. */
static size_t
skip_space(const char *s, size_t i, size_t end)
{
	while (i < end) {
		size_t j = i;

		if (!utf8_is_space(utf8_next(s, end, &j)))
			break;
		i = j;
	}
	return i;
}

/* needs-time: one match of the pattern. */
static int
time_match(const struct regex_match *m, void *ctx)
{
	struct dv_run *run = ctx;
	const struct doc *doc = run->c->doc;
	size_t at = skip_space(doc->text, m->end, doc->len), lim = at + 6;
	int d = facts_date_in(run->f, at, lim < doc->len ? lim : doc->len);
	bool dated = d >= 0 && run->f->dates[d].span.start == at;
	struct regex_match fm;

	if (!dated && run->p->follow != NULL && at < doc->len) {
		size_t end = linemap_line_index(&doc->lines_map, at);
		char *rest;

		linemap_line_span(&doc->lines_map, end, &lim, &end);
		rest = check_text(doc, at, end);
		dated = regex_find(run->p->follow, rest, 0, end - at, &fm) == 1 && fm.start == 0;
		free(rest);
	}
	if (!dated)
		report(run, m->start, m->end, NULL, NULL, NULL, NULL);
	return run->stop;
}

static int
dv_span(const struct doc *doc, struct span span, void *ctx)
{
	struct dv_run *run = ctx;
	size_t i;

	(void)doc;
	if (run->p->kind == DV_NEEDS_TIME) {
		if (check_each_match(run->c, run->r, run->p->pattern, NULL, span, time_match,
		    run) < 0)
			run->stop = 1;
		return run->stop;
	}
	for (i = facts_date_from(run->f, span.start); i < run->f->ndates && !run->stop; i++) {
		const struct date_fact *d = &run->f->dates[i];

		if (d->span.start >= span.end)
			break;
		check_date(run, d);
	}
	return run->stop;
}

static void
dv_run(const struct rule *r, const struct check_ctx *c)
{
	struct dv_run run = {r, c, r->params, fc_facts(c->doc), 0};

	(void)check_scope_each(c->doc, r->scope, dv_span, &run);
}

const struct check_type chk_date_valid = {
	"date-valid",
	"reports malformed dates of one kind: garbled, impossible, two-digit year, ISO form, "
	"hyphen range, a range written backwards, or a word such as 截至 not followed by a time",
	dv_parse,
	dv_run,
	dv_free,
	"报告某一类格式有误的日期：乱码、不存在、两位年份、ISO 格式、连字符范围、起止"
	"颠倒，或“截至”之类后面没有时间",
};
