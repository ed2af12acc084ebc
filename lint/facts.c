/* Fact extraction driver and shared fact helpers: sentence spans, calendar arithmetic,
 * date bounds and formatting. The passes live in fact_*.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bytefind.h"
#include "facts.h"
#include "scan.h"
#include "xalloc.h"

void
facts_extract(struct doc *doc)
{
	struct facts *f = xcalloc(1, sizeof(*f));

	facts_free(doc->facts);
	fact_sentences(f, doc);
	fact_dates(f, doc);
	fact_garbled(f, doc);
	fact_resolve_years(f, doc);
	fact_numbers(f, doc);
	fact_counts(f, doc);
	fact_tallies(f, doc);
	fact_channels(f, doc);
	fact_enums(f, doc);
	doc->facts = f;
}

void
facts_free(struct facts *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->ndates; i++)
		free(f->dates[i].reading);
	free(f->sentences);
	free(f->dates);
	free(f->numbers);
	free(f->counts);
	free(f->tallies);
	free(f->tally_parts);
	free(f->rates);
	free(f->channels);
	free(f->enums);
	free(f);
}

/* Bytes of the mark that ends a sentence at s[i] (。！？； and ASCII ! ? ;), else 0. */
static size_t
sentence_mark(const char *s, size_t i, size_t end)
{
	uint32_t key;

	if ((unsigned char)s[i] < 0x80)
		return s[i] == '!' || s[i] == '?' || s[i] == ';' ? 1 : 0;
	key = scan_key3(s, i, end);
	return key == 0xE38082 || key == 0xEFBC81 || key == 0xEFBC9F || key == 0xEFBC9B ? 3 : 0;
}

/* Offset after the first mark that ends a sentence in s[i..end), or 0 when there is none.
 * No mark begins with a UTF-8 continuation byte, so going byte by byte finds the marks
 * that reading code point by code point would find. */
static size_t
next_sentence_end(const char *s, size_t i, size_t end)
{
	size_t n;

	/* ! ? ; and the first bytes of 。 (E3) and of ！？； (EF). */
	for (;; i++) {
		if ((i = bytefind6(s, i, end, '!', '?', ';', ';', 0xE3, 0xEF)) >= end)
			return 0;
		if ((n = sentence_mark(s, i, end)) > 0)
			return i + n;
	}
}

/* Appends [start, end) as a sentence when it holds anything. */
static void
add_sentence(struct facts *f, size_t *cap, size_t start, size_t end)
{
	if (end <= start)
		return;
	f->sentences = xgrow(f->sentences, cap, f->nsentences + 1, sizeof(*f->sentences));
	f->sentences[f->nsentences].start = start;
	f->sentences[f->nsentences].end = end;
	f->nsentences++;
}

void
fact_sentences(struct facts *f, const struct doc *doc)
{
	size_t cap = 0, p, start = 0;
	bool open = false;

	for (p = 0; p < doc->nparagraphs; p++) {
		const struct paragraph *pa = &doc->paragraphs[p];
		size_t i = pa->span.start;

		if (!open)
			start = i;
		while ((i = next_sentence_end(doc->text, i, pa->span.end)) > 0) {
			add_sentence(f, &cap, start, i);
			start = i;
		}
		/* A paragraph broken by extraction continues in the next one. */
		open = pa->broken_after && p + 1 < doc->nparagraphs;
		if (!open)
			add_sentence(f, &cap, start, pa->span.end);
	}
}

size_t
facts_sentence_at(const struct facts *f, size_t off)
{
	size_t lo = 0, hi = f->nsentences;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->sentences[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < f->nsentences && f->sentences[lo].start <= off)
		return lo;
	return f->nsentences;
}

int
facts_date_in(const struct facts *f, size_t start, size_t end)
{
	size_t i = facts_date_from(f, start);

	return i < f->ndates && f->dates[i].span.start < end ? (int)i : -1;
}

size_t
facts_date_from(const struct facts *f, size_t start)
{
	size_t lo = 0, hi = f->ndates, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (f->dates[mid].span.start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
facts_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

long
facts_day_number(int y, int m, int d)
{
	/* Days from civil (proleptic Gregorian), shifted so March starts the year. */
	long yy = m <= 2 ? y - 1 : y;
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe;
}

/* First and last month a year-precision date covers. */
static void
year_months(enum date_part part, int *m1, int *m2)
{
	*m1 = 1;
	*m2 = 12;
	if (part == DATE_PART_START)
		*m2 = 3;
	else if (part == DATE_PART_END)
		*m1 = 12;
	else if (part == DATE_PART_H1)
		*m2 = 6;
	else if (part == DATE_PART_H2)
		*m1 = 7;
}

/* First and last day of a month a part-of-month date covers. */
static void
month_days(enum date_part part, int last, int *d1, int *d2)
{
	*d1 = 1;
	*d2 = last;
	if (part == DATE_PART_START || part == DATE_PART_EARLY)
		*d2 = 10;
	else if (part == DATE_PART_MID) {
		*d1 = 11;
		*d2 = 20;
	} else if (part == DATE_PART_LATE || part == DATE_PART_END)
		*d1 = 21;
}

bool
facts_date_bounds(const struct date_fact *f, long *first, long *last)
{
	int m1 = f->m, m2 = f->m_end ? f->m_end : f->m, d1 = 1, d2;

	if (f->y == 0 || f->prec == DATE_PREC_NONE || (f->flags & DATE_INVALID))
		return false;
	if (f->prec == DATE_PREC_YEAR)
		year_months(f->part, &m1, &m2);
	else if (f->prec == DATE_PREC_QUARTER) {
		m1 = 3 * f->quarter - 2;
		m2 = 3 * f->quarter;
	}
	if (m1 < 1 || m2 > 12)
		return false;
	d2 = facts_days_in_month(f->y, m2);
	if (f->prec == DATE_PREC_PART)
		month_days(f->part, d2, &d1, &d2);
	else if (f->prec == DATE_PREC_DAY)
		d1 = d2 = f->d;
	*first = facts_day_number(f->y, m1, d1);
	*last = facts_day_number(f->y, m2, d2);
	return true;
}

/* The Chinese word of a part of a year or month. */
static const char *
part_word(enum date_part part, bool of_year)
{
	switch (part) {
	case DATE_PART_START: return "初";
	case DATE_PART_EARLY: return "上旬";
	case DATE_PART_MID: return "中旬";
	case DATE_PART_LATE: return "下旬";
	case DATE_PART_END: return "底";
	case DATE_PART_H1: return of_year ? "上半年" : "";
	case DATE_PART_H2: return of_year ? "下半年" : "";
	default: return "";
	}
}

void
facts_date_format(const struct date_fact *f, char *buf, size_t size)
{
	static const char *const q[] = {"", "一", "二", "三", "四"};
	char year[16] = "";
	int n;

	if (f->y != 0)
		(void)snprintf(year, sizeof(year), "%d年", f->y);
	switch (f->prec) {
	case DATE_PREC_YEAR:
		n = snprintf(buf, size, "%s%s", f->y ? year : "年",
		    part_word(f->part, true));
		break;
	case DATE_PREC_QUARTER:
		n = snprintf(buf, size, "%s第%s季度", year,
		    f->quarter >= 1 && f->quarter <= 4 ? q[f->quarter] : "?");
		break;
	case DATE_PREC_MONTH:
	case DATE_PREC_PART:
		if (f->m_end)
			n = snprintf(buf, size, "%s%d—%d月", year, f->m, f->m_end);
		else
			n = snprintf(buf, size, "%s%d月%s", year, f->m, part_word(f->part, false));
		break;
	case DATE_PREC_DAY:
		n = snprintf(buf, size, "%s%d月%d日", year, f->m, f->d);
		break;
	default:
		n = snprintf(buf, size, "?");
		break;
	}
	(void)n;
}
