/* Dates whose 年/月/日 were lost in text extraction (2025324日, 20257月, 20251212): one
 * garbled date fact per token, with its reading when the digits allow exactly one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fact_scan.h"
#include "facts.h"
#include "scan.h"
#include "utf8.h"
#include "xalloc.h"

/* Token kinds: a year run straight into 月 or 日 (2025324日, 20257月, 202512月底,
 * 20254—10月, 2025952025911日) is strong; a year run with no unit (2025717, 202593,
 * 2025717202599), a bare year before a noun (2024某医疗机构), month and day before 日 without
 * a year (716日) and a range end after a token (至56) are weak. */

/* Weak forms (no unit, bare year, 716日, 至56) count only when the document has at least
 * this many strong ones (a year run straight into 月 or 日): one stray number is not a
 * pattern of lost characters. */
#define STRONG_MIN 2

/* Characters that make a number a quantity rather than a date (2025000元, 2000余人). Verbs
 * that often follow a date (组织, 召开) must not be here. */
static const char unit_chars[] = "元个人名万亿千百次件项家台套份条例户处余多年月日届级版度岁";

/* One reading of a token: a month or a day, possibly with a second date or month. */
struct reading {
	int y, m, d, m_end;
	int y2, m2, d2;        /* second date of a double token, m2 == 0 when none */
	bool day_only;         /* a range end that names only the day (至27 → 至27日) */
	enum date_prec prec;
	enum date_part part;   /* 底 初 上旬 中旬 下旬 after 月 */
	bool yearless;
	bool ambiguous;
};

/* A token found on a line. */
struct token {
	size_t start, end;
	struct reading r;
	bool strong;
	bool range_end;        /* 至56: continues the previous token */
	bool after_year;       /* 2024年917日: the year is written, 月 is lost */
};

/* Tokens of the whole document before they become facts. */
struct tokens {
	struct token *v;
	size_t n, cap;
};

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
plausible_year(const char *s)
{
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');

	return y >= 1949 && y <= 2049;
}

/* Value of n digits at s; saturates at 99999999 so a long digit run cannot overflow. */
static int
value(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0) {
		v = v * 10 + (*s++ - '0');
		if (v > 99999999)
			return 99999999;
	}
	return v;
}

static bool
in_set(uint32_t cp, const char *set)
{
	size_t i = 0, n = strlen(set);

	while (i < n)
		if (utf8_next(set, n, &i) == cp)
			return true;
	return false;
}

/* Month/day splits of n digits at s valid in year y; returns how many, keeping the first.
 * A part with a leading zero is no reading (109 is 10月9日, not 1月09日) unless the four
 * digits are MMDD. */
static int
md_readings(const char *s, size_t n, int y, int min_month, int *m, int *d)
{
	size_t k;
	int count = 0;

	for (k = 1; k < n && k <= 2; k++) {
		int mm = value(s, k), dd = value(s + k, n - k);
		bool padded = n == 4 && k == 2;

		if (n - k > 2 || ((s[0] == '0' || s[k] == '0') && !padded))
			continue;
		if (mm < min_month || mm > 12 || dd < 1 || dd > facts_days_in_month(y, mm))
			continue;
		if (count++ == 0) {
			*m = mm;
			*d = dd;
		}
	}
	return count;
}

/* Reads digits followed by 日 (or nothing) as month and day; ambiguous when several fit. */
static bool
read_md(const char *s, size_t n, int y, struct reading *r)
{
	int c = md_readings(s, n, y, 1, &r->m, &r->d);

	r->prec = DATE_PREC_DAY;
	r->ambiguous = c > 1;
	return c > 0;
}

/* Reads the digits after a year with no unit: a month (20257), a day (202595, 2025717) or
 * either (202511: 11月 or 1月1日, ambiguous). */
static bool
read_loose(const char *s, size_t n, int y, struct reading *r)
{
	int v = value(s, n), c;

	if (n == 1) {
		r->m = v;
		r->prec = DATE_PREC_MONTH;
		return v >= 1;
	}
	c = md_readings(s, n, y, 1, &r->m, &r->d);
	r->prec = DATE_PREC_DAY;
	if (n == 2 && s[0] != '0' && v >= 10 && v <= 12) {
		if (c == 0) {
			r->m = v;
			r->prec = DATE_PREC_MONTH;
		}
		c++;
	}
	r->ambiguous = c > 1;
	return c > 0;
}

/* Reads the digits before 月: one month (12) or two run together (37 → 3—7月). */
static bool
read_month(const char *s, size_t n, struct reading *r)
{
	int v = value(s, n);

	r->prec = DATE_PREC_MONTH;
	if (n <= 2 && v >= 1 && v <= 12) {
		r->m = v;
		return true;
	}
	if (n == 2 && s[0] > '0' && s[1] > s[0]) {
		r->m = s[0] - '0';
		r->m_end = s[1] - '0';
		return true;
	}
	return false;
}

/* A double token (2025952025911, 2025717202599): the year appears again inside the run. */
static bool
read_double(const char *s, size_t n, struct reading *r)
{
	size_t k;

	for (k = 5; k + 5 <= n; k++) {
		struct reading a = {0}, b = {0};

		if (!plausible_year(s + k) || abs(value(s + k, 4) - r->y) > 1 ||
		    !read_loose(s + 4, k - 4, r->y, &a) || a.ambiguous || a.prec != DATE_PREC_DAY ||
		    !read_loose(s + k + 4, n - k - 4, value(s + k, 4), &b) || b.ambiguous)
			continue;
		r->m = a.m;
		r->d = a.d;
		r->prec = DATE_PREC_DAY;
		r->y2 = value(s + k, 4);
		r->m2 = b.m;
		r->d2 = b.d;
		return true;
	}
	return false;
}

/* The code point at i, or 0 at the end. */
static uint32_t
cp_at(const char *s, size_t i, size_t end)
{
	return i < end ? utf8_next(s, end, &i) : 0;
}

/* Reads a month suffix (底 末 初 上旬 中旬 下旬) at i into r; returns its bytes. */
static size_t
month_tail(const char *s, size_t i, size_t end, struct reading *r)
{
	static const struct {
		const char *w;
		enum date_part part;
	} tails[] = {
		{"上旬", DATE_PART_EARLY}, {"中旬", DATE_PART_MID}, {"下旬", DATE_PART_LATE},
		{"底", DATE_PART_END}, {"末", DATE_PART_END}, {"初", DATE_PART_START},
	};
	size_t k, n;

	for (k = 0; k < sizeof(tails) / sizeof(tails[0]); k++) {
		if ((n = scan_word(s, i, end, tails[k].w)) > 0) {
			r->part = tails[k].part;
			r->prec = DATE_PREC_PART;
			return n;
		}
	}
	return 0;
}

/* True when what follows a run with no unit lets it be a date: not a quantity (元 人 %),
 * not part of a code or a decimal. */
static bool
loose_next(uint32_t cp)
{
	if (cp == 0)
		return true;
	if (cp < 0x80)
		return cp == ',' || cp == ';' || cp == ':' || cp == ' ' || cp == ')';
	if (cp == 0x201C)  /* “ */
		return true;
	return !in_set(cp, unit_chars) && cp != 0xFF05 && cp != 0x3015 && cp != 0x3011;
}

/* A month range written 20254—10月: the second month after a dash, then 月. */
static size_t
month_range(const char *s, size_t b, size_t end, struct reading *r)
{
	size_t c = scan_word(s, b, end, "\xE2\x80\x94"), j, k;

	if (c == 0)
		c = scan_word(s, b, end, "-");
	if (c == 0)
		return 0;
	j = b + c;
	for (k = j; k < end && k - j < 2 && digit(s[k]); k++)
		;
	if (k == j || scan_word(s, k, end, "月") == 0 || value(s + j, k - j) <= r->m ||
	    value(s + j, k - j) > 12)
		return 0;
	r->m_end = value(s + j, k - j);
	return k - b;
}

/* A token led by a year (2025324日, 20257月, 2025825, 2025952025911日) at run [a, b). */
static bool
year_token(const char *s, size_t a, size_t b, size_t end, bool signature, struct token *t)
{
	struct reading *r = &t->r;
	size_t n = b - a, j, k;
	uint32_t next = cp_at(s, b, end);

	r->y = value(s + a, 4);
	if (n >= 10 && read_double(s + a, n, r)) {
		t->strong = next == 0x65E5;  /* 日 */
		t->end = b + (t->strong ? scan_word(s, b, end, "日") : 0);
		return true;
	}
	if (next == 0x6708) {  /* 月 */
		if (!read_month(s + a + 4, n - 4, r))
			return false;
		j = b + scan_word(s, b, end, "月");
	} else if (n == 5 && (r->m = s[a + 4] - '0') >= 1 &&
	    (k = month_range(s, b, end, r)) > 0) {
		r->prec = DATE_PREC_MONTH;
		j = b + k + scan_word(s, b + k, end, "月");
	} else if (next == 0x65E5) {
		t->strong = true;
		t->end = b + scan_word(s, b, end, "日");
		return n >= 6 && n <= 8 && read_md(s + a + 4, n - 4, r->y, r);
	} else {
		r->m = 0;
		t->end = b;
		t->strong = signature;
		return loose_next(next) && n <= 8 && read_loose(s + a + 4, n - 4, r->y, r);
	}
	t->end = j + month_tail(s, j, end, r);
	t->strong = true;
	return true;
}

/* A bare year before a noun or a quote (2024某医疗机构, 2025党员): 年 lost. */
static bool
bare_token(const char *s, size_t a, size_t b, size_t end, uint32_t prev, struct token *t)
{
	uint32_t next = cp_at(s, b, end);

	if (b - a != 4 || prev == '-' || prev == 0x2014 || prev == 0x300A)  /* - — 《 */
		return false;
	if (!(next == 0x201C || (utf8_is_han(next) && !in_set(next, unit_chars) &&
	    next != 0x81F3 && next != 0x5230)))  /* not 至 到: a range */
		return false;
	t->r.y = value(s + a, 4);
	t->r.prec = DATE_PREC_YEAR;
	t->end = b;
	return true;
}

/* Month and day run together before 日 without a year (716日, 924日). */
static bool
yearless_token(const char *s, size_t a, size_t b, size_t end, uint32_t prev, struct token *t)
{
	if (b - a < 3 || b - a > 4 || s[a] == '0' || prev == 0x6708 ||
	    scan_word(s, b, end, "日") == 0)
		return false;
	t->end = b + scan_word(s, b, end, "日");
	t->r.yearless = true;
	/* Any leap year: the year is inferred later. */
	return read_md(s + a, b - a, 2000, &t->r) && !t->r.ambiguous;
}

/* The end of a range after a token (2025324日至56, 2025826日至27): a day of the same month
 * when it fits after the first day, else month and day run together. */
static bool
range_end_token(const char *s, size_t i, size_t end, const struct token *prev,
		struct token *t)
{
	size_t c = scan_word(s, i, end, "至"), b;
	const struct reading *p = &prev->r;
	struct reading *r = &t->r;
	int v;

	memset(t, 0, sizeof(*t));
	if (c == 0 || p->prec < DATE_PREC_MONTH || p->m2 != 0)
		return false;
	for (b = i + c; b < end && b - i - c < 4 && digit(s[b]); b++)
		;
	if (b == i + c || (b < end && digit(s[b])) || !loose_next(cp_at(s, b, end)))
		return false;
	t->start = i;
	t->end = b;
	t->range_end = true;
	r->y = p->y;
	r->yearless = p->yearless;
	v = value(s + i + c, b - i - c);
	r->prec = DATE_PREC_DAY;
	if (p->prec == DATE_PREC_DAY && b - i - c <= 2 && v > p->d &&
	    v <= facts_days_in_month(p->y ? p->y : 2000, p->m)) {
		r->m = p->m;
		r->d = v;
		r->day_only = true;
		return true;
	}
	r->ambiguous = md_readings(s + i + c, b - i - c, p->y ? p->y : 2000, p->m, &r->m,
	    &r->d) != 1;
	return true;
}

/* True when a digit run after cp cannot start a date: part of a number, a code, a
 * document number (〔20177号) or a title (沉沦-2024). */
static bool
blocked(uint32_t cp)
{
	if (cp < 0x80)
		return digit((char)cp) || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
		    (cp != 0 && strchr("._@#/-[", (int)cp) != NULL);
	return cp == 0x3014 || cp == 0x3010 || cp == 0x2014 || cp == 0xFF0E;  /* 〔 【 — ． */
}

/* Month and day run together after a written year (2024年917日, 2025年1230日): 月 lost
 * between them. The token covers the year too, and takes the place of the year-only date
 * the extractor read there. */
static bool
after_year_token(const char *s, size_t a, size_t b, size_t end, struct token *t)
{
	size_t y, k;

	if (a < strlen("年") + 4 || b - a < 3 || b - a > 4 || s[a] == '0' ||
	    scan_word(s, b, end, "日") == 0)
		return false;
	y = a - strlen("年") - 4;
	for (k = y; k < y + 4; k++)
		if (!digit(s[k]))
			return false;
	if (!plausible_year(s + y) || (y > 0 && digit(s[y - 1])))
		return false;
	t->start = y;
	t->end = b + scan_word(s, b, end, "日");
	t->strong = true;
	t->after_year = true;
	t->r.y = value(s + y, 4);
	if (!read_md(s + a, b - a, t->r.y, &t->r))
		t->r.ambiguous = true;
	return true;
}

/* Tries the token kinds on the digit run [a, b). */
static bool
token_at(const char *s, size_t a, size_t b, size_t end, uint32_t prev, bool signature,
		struct token *t)
{
	memset(t, 0, sizeof(*t));
	t->start = a;
	if (prev == 0x5E74)  /* 年 */
		return after_year_token(s, a, b, end, t);
	if (b - a >= 5 && plausible_year(s + a))
		return year_token(s, a, b, end, signature, t);
	if (b - a == 4 && plausible_year(s + a))
		return bare_token(s, a, b, end, prev, t);
	return yearless_token(s, a, b, end, prev, t);
}

static void
add_token(struct tokens *ts, const struct token *t)
{
	ts->v = xgrow(ts->v, &ts->cap, ts->n + 1, sizeof(*ts->v));
	ts->v[ts->n++] = *t;
}

/* Finds the tokens of one line. */
static void
scan_line(struct tokens *ts, const char *s, size_t start, size_t end, bool signature)
{
	size_t i = start, b;
	uint32_t prev = 0;
	struct token t, t2;

	while (i < end) {
		/* Only a digit starts a token: the code point before it is read there. */
		if (!digit(s[i])) {
			if ((i = fact_next_digit(s, i, end)) >= end)
				break;
			prev = scan_prev(s, start, i);
		}
		for (b = i; b < end && digit(s[b]); b++)
			;
		if (blocked(prev)) {
			/* Each digit of the run blocks the next. */
			prev = (unsigned char)s[b - 1];
			i = b;
			continue;
		}
		if (!token_at(s, i, b, end, prev, signature, &t)) {
			prev = (unsigned char)s[b - 1];
			i = b;
			continue;
		}
		add_token(ts, &t);
		i = t.end;
		if (range_end_token(s, i, end, &t, &t2)) {
			add_token(ts, &t2);
			i = t2.end;
		}
		b = i;
		prev = utf8_prev(s, &b);
	}
}

/* Writes a token's intended form into buf ("" when the digits allow several). */
static void
reading_text(const struct token *t, char *buf, size_t size)
{
	const struct reading *r = &t->r;
	struct date_fact d;
	char a[48], b[48];

	buf[0] = '\0';
	if (r->ambiguous)
		return;
	memset(&d, 0, sizeof(d));
	d.y = r->yearless || t->range_end ? 0 : r->y;
	d.m = r->m;
	d.d = r->d;
	d.m_end = r->m_end;
	d.prec = r->prec;
	d.part = r->part;
	facts_date_format(&d, a, sizeof(a));
	if (t->range_end) {
		(void)snprintf(buf, size, "至%s", r->day_only ? strstr(a, "月") + strlen("月") : a);
		return;
	}
	if (r->m2 == 0) {
		(void)snprintf(buf, size, "%s", a);
		return;
	}
	d.y = r->y2;
	d.m = r->m2;
	d.d = r->d2;
	d.prec = r->d2 != 0 ? DATE_PREC_DAY : DATE_PREC_MONTH;
	facts_date_format(&d, b, sizeof(b));
	(void)snprintf(buf, size, "%s、%s", a, b);
}

/* Appends one date fact for a token (two for a double token); returns the index of the
 * last one. prev is the fact of the token a range end continues. */
static int
add_facts(struct facts *f, size_t *cap, const struct token *t, int prev)
{
	const struct reading *r = &t->r;
	char buf[112];
	struct date_fact *d;
	int k, n = r->m2 != 0 ? 2 : 1;

	reading_text(t, buf, sizeof(buf));
	f->dates = xgrow(f->dates, cap, f->ndates + n, sizeof(*f->dates));
	for (k = 0; k < n; k++) {
		d = &f->dates[f->ndates];
		memset(d, 0, sizeof(*d));
		d->span.start = t->start;
		d->span.end = t->end;
		d->y = k ? r->y2 : r->yearless ? 0 : r->y;
		d->m = k ? r->m2 : r->m;
		d->d = k ? r->d2 : r->d;
		d->m_end = k ? 0 : r->m_end;
		d->prec = r->ambiguous ? DATE_PREC_NONE : k && r->d2 == 0 ? DATE_PREC_MONTH :
		    r->prec;
		d->part = k ? DATE_PART_NONE : r->part;
		d->flags = DATE_GARBLED | (r->ambiguous ? DATE_AMBIGUOUS : 0) |
		    (k ? DATE_SAME_TOKEN : 0);
		d->ysrc = r->yearless ? YEAR_UNKNOWN : YEAR_WRITTEN;
		d->ydate = -1;
		d->peer = -1;
		d->reading = k == 0 && buf[0] != '\0' ? xstrdup(buf) : NULL;
		f->ndates++;
	}
	d = &f->dates[f->ndates - 1];
	if (t->range_end && prev >= 0) {
		d->ysrc = YEAR_RANGE;
		d->ydate = prev;
		d->peer = prev;
		d->joint.start = t->start;
		d->joint.end = t->start + strlen("至");
		f->dates[prev].peer = (int)f->ndates - 1;
		f->dates[prev].range_first = true;
		f->dates[prev].joint = d->joint;
	}
	return (int)f->ndates - 1;
}

/* Moves the garbled fact at index g over the year-only fact the extractor read at the same
 * place (2024年 of 2024年917日), if there is one among the first n facts; returns the index
 * the garbled fact ends up at. */
static int
replace_year_fact(struct facts *f, size_t n, int g)
{
	size_t k;

	for (k = 0; k < n; k++) {
		struct date_fact *d = &f->dates[k];

		if (d->span.start != f->dates[g].span.start || d->prec != DATE_PREC_YEAR ||
		    d->peer >= 0)
			continue;
		free(d->reading);
		f->dates[g].sentence = d->sentence;
		*d = f->dates[g];
		f->ndates--;
		return (int)k;
	}
	return g;
}

/* Sort key of the dates merge: text position, then the order they were added. */
struct order {
	size_t start;
	size_t index;
};

static int
order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Restores text order of f->dates after the garbled dates were appended, renumbering the
 * peer and ydate links. */
static void
sort_dates(struct facts *f)
{
	struct order *o = xmalloc((f->ndates + 1) * sizeof(*o));
	struct date_fact *v = xmalloc((f->ndates + 1) * sizeof(*v));
	int *where = xmalloc((f->ndates + 1) * sizeof(*where));
	size_t i;

	for (i = 0; i < f->ndates; i++) {
		o[i].start = f->dates[i].span.start;
		o[i].index = i;
	}
	qsort(o, f->ndates, sizeof(*o), order_cmp);
	for (i = 0; i < f->ndates; i++)
		where[o[i].index] = (int)i;
	for (i = 0; i < f->ndates; i++) {
		v[i] = f->dates[o[i].index];
		if (v[i].peer >= 0)
			v[i].peer = where[v[i].peer];
		if (v[i].ydate >= 0)
			v[i].ydate = where[v[i].ydate];
	}
	memcpy(f->dates, v, f->ndates * sizeof(*v));
	free(o);
	free(v);
	free(where);
}

void
fact_garbled(struct facts *f, const struct doc *doc)
{
	struct tokens ts = {NULL, 0, 0};
	size_t i, strong = 0, cap = f->ndates, first = f->ndates;
	int prev = -1;

	for (i = 0; i < doc->nlines; i++) {
		const struct line *l = &doc->lines[i];

		if (l->kind == LINE_BLANK || l->kind == LINE_BOILERPLATE)
			continue;
		scan_line(&ts, doc->text, l->span.start, l->span.end,
		    doc->signature.has_date && i == doc->signature.date_line);
	}
	for (i = 0; i < ts.n; i++)
		strong += ts.v[i].strong;
	for (i = 0; i < ts.n; i++) {
		if (!ts.v[i].strong && strong < STRONG_MIN)
			continue;
		if (ts.v[i].range_end && (i == 0 || prev < 0 ||
		    f->dates[prev].span.end != ts.v[i].start))
			continue;
		prev = add_facts(f, &cap, &ts.v[i], prev);
		if (ts.v[i].after_year)
			prev = replace_year_fact(f, first, prev);
	}
	free(ts.v);
	if (f->ndates > first)
		sort_dates(f);
	for (i = 0; i < f->ndates; i++)
		f->dates[i].sentence = facts_sentence_at(f, f->dates[i].span.start);
}
