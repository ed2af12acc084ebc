/* Year inference for dates written without a year (6月23日, 截至12月22日, 716日), with
 * the source of each inferred year remembered. */
#include "facts.h"
#include "segment.h"

/* The year comes from the nearest earlier date with a written year, else the inspection
 * period in the intro, else the signature's date, else the nearest later date with a
 * written year. A date outside the problem statements takes its year from dates outside
 * them too: statements cite past facts (2024年5月), the measures around them speak of the
 * rectification period; and a year written earlier in the same sentence wins. */

/* True when date i can lend its year to later dates: written, and not web chrome. */
static bool
year_source(const struct date_fact *d)
{
	return d->ysrc == YEAR_WRITTEN && d->y != 0 && !(d->flags & DATE_BOILERPLATE);
}

/* Nearest earlier dates that can lend a year: month-precise or any, per context. */
struct nearest {
	int month, any;
};

static void
note_source(struct nearest *n, const struct date_fact *d, int i)
{
	n->any = i;
	if (d->prec >= DATE_PREC_MONTH)
		n->month = i;
}

/* Prefer a month-precise date: "2024年村卫生室年度校验" says little about the year of
 * the next "3月25日". */
static int
pick(const struct nearest *n)
{
	return n->month >= 0 ? n->month : n->any;
}

/* The first range of the intro paragraph with a written year (the inspection period), or
 * -1. */
static int
inspection_date(const struct facts *f, const struct doc *doc)
{
	const struct paragraph *p;
	size_t i;

	if (doc->intro < 0 || (size_t)doc->intro >= doc->nparagraphs)
		return -1;
	p = &doc->paragraphs[doc->intro];
	for (i = 0; i < f->ndates; i++) {
		const struct date_fact *d = &f->dates[i];

		if (d->span.start >= p->span.start && d->span.end <= p->span.end &&
		    d->range_first && year_source(d))
			return (int)i;
	}
	return -1;
}

/* The first date after index i with a written year, or -1. */
static int
following_date(const struct facts *f, size_t i)
{
	for (i++; i < f->ndates; i++)
		if (year_source(&f->dates[i]))
			return (int)i;
	return -1;
}

/* The date of the signature block with a written year, or -1. */
static int
signature_date(const struct facts *f, const struct doc *doc)
{
	size_t i;

	if (!doc->signature.has_date)
		return -1;
	for (i = 0; i < f->ndates; i++) {
		const struct date_fact *d = &f->dates[i];

		if (d->span.start >= doc->signature.date.start &&
		    d->span.end <= doc->signature.date.end && year_source(d))
			return (int)i;
	}
	return -1;
}

/* A range without its second year runs into the next year only across a year end and
 * for at most this many months (2024年11月至3月); a longer wrap (2025年5月6日至3月24日)
 * is a range written backwards. */
#define WRAP_MONTHS 6

/* The year of a second half (至7月下旬) from its first half; an earlier month in the
 * second half (2024年12月至1月) moves to the next year when the wrap is short. */
static void
inherit(struct facts *f, struct date_fact *d)
{
	const struct date_fact *a = &f->dates[d->ydate];

	d->y = a->y;
	if (d->y != 0 && d->m != 0 && a->m != 0 && d->m < a->m && d->peer == d->ydate &&
	    d->m + 12 - a->m <= WRAP_MONTHS)
		d->y++;
}

/* Marks the second half of each range that ends before its first half starts. */
static void
mark_reversed(struct facts *f)
{
	long a0, a1, b0, b1;
	size_t i;

	for (i = 0; i < f->ndates; i++) {
		const struct date_fact *a = &f->dates[i];
		struct date_fact *b;

		if (!a->range_first || a->peer < 0 || (size_t)a->peer >= f->ndates)
			continue;
		b = &f->dates[a->peer];
		if (((a->flags | b->flags) & (DATE_GARBLED | DATE_INVALID)) ||
		    !facts_date_bounds(a, &a0, &a1) || !facts_date_bounds(b, &b0, &b1))
			continue;
		if (b1 < a0)
			b->flags |= DATE_REVERSED;
	}
}

void
fact_resolve_years(struct facts *f, const struct doc *doc)
{
	struct nearest all = {-1, -1}, outside = {-1, -1};
	int insp = inspection_date(f, doc), sig = signature_date(f, doc), src;
	size_t i;

	for (i = 0; i < f->ndates; i++) {
		struct date_fact *d = &f->dates[i];
		bool stated = doc_statement_at(doc, d->span.start) >= 0;

		if (year_source(d)) {
			note_source(&all, d, (int)i);
			if (!stated)
				note_source(&outside, d, (int)i);
			continue;
		}
		if (d->ysrc == YEAR_RANGE)
			inherit(f, d);
		if (d->ysrc != YEAR_UNKNOWN)
			continue;
		src = stated || pick(&outside) < 0 ? pick(&all) : pick(&outside);
		/* A year written earlier in the same sentence wins (2025年底建成，确保第二季度). */
		if (all.any >= 0 && f->dates[all.any].sentence == d->sentence &&
		    d->sentence < f->nsentences)
			src = all.any;
		d->ysrc = src >= 0 ? YEAR_CONTEXT : insp >= 0 ? YEAR_INSPECTION :
		    sig >= 0 ? YEAR_SIGNATURE : YEAR_FOLLOWING;
		if (src < 0)
			src = insp >= 0 ? insp : sig >= 0 ? sig : following_date(f, i);
		if (src < 0) {
			d->ysrc = YEAR_UNKNOWN;
			continue;
		}
		d->ydate = src;
		d->y = f->dates[src].y;
	}
	mark_reversed(f);
}
