/* Well-formed dates in running text (full, year-less, ranges, fuzzy parts, Chinese
 * numerals, ISO, zero-padded, two-digit years) as date facts. */
#include <string.h>
#include "cnnum.h"
#include "fact_scan.h"
#include "facts.h"
#include "scan.h"
#include "utf8.h"
#include "xalloc.h"

/* Forms read: 2025年3月12日, 6月23日, ranges with 至 — - 到 whose second half may omit
 * year or month (2025年3月12日至4月22日, 2024年11月1日至4日), lists of days (5月19日、23日),
 * 3月下旬, 9月底, 2025年底, 年底, 第二季度, 二〇二五年十二月二十六日, 2025-12-12, 2022/08/04,
 * 2021年04月09日, 26年1月上旬, and a bare year opening a range (2022至2023年). */

/* One date being parsed. */
struct dp {
	int y, m, d, m_end, quarter;
	enum date_prec prec;
	enum date_part part;
	unsigned flags;
	bool has_y;
	size_t end;
};

/* The dates array being filled. */
struct dates_out {
	struct facts *f;
	size_t cap;
	unsigned line_flags;    /* DATE_BOILERPLATE for chrome lines */
};

/* Skips up to two white-space characters at i, marking the date DATE_SPACED if it did. */
static size_t
skip_space(const char *s, size_t i, size_t end, unsigned *flags)
{
	bool spaced = false;

	i = scan_blanks(s, i, end, &spaced);
	if (spaced)
		*flags |= DATE_SPACED;
	return i;
}

/* Reads a whole run of ASCII digits of at most maxdig digits at i. */
static size_t
arabic(const char *s, size_t i, size_t end, int maxdig, long *v, int *ndig)
{
	size_t j = i;
	long x = 0;

	*v = 0;
	*ndig = 0;
	while (j < end && scan_is_digit(s[j])) {
		if ((int)(j - i) >= maxdig)
			return 0;
		x = x * 10 + (s[j] - '0');
		j++;
	}
	*v = x;
	*ndig = (int)(j - i);
	return j - i;
}

/* Reads a month or day number: one or two Arabic digits, or a Chinese numeral up to 31. */
static size_t
small_num(const char *s, size_t i, size_t end, long *v, unsigned *flags)
{
	int nd;
	size_t n = arabic(s, i, end, 2, v, &nd);

	if (n > 0) {
		if (nd == 2 && s[i] == '0')
			*flags |= DATE_ZERO_PADDED;
		return n;
	}
	if (i < end && scan_is_digit(s[i]))
		return 0;
	n = cnnum_parse(s + i, end - i, v);
	if (n > 0 && *v >= 1 && *v <= 31) {
		*flags |= DATE_CN_NUMERAL;
		return n;
	}
	return 0;
}

/* Bytes of a range connector at i (至 到 — – - ～ ~ ― －), else 0. */
static size_t
connector(const char *s, size_t i, size_t end)
{
	static const char *const joints[] = {"至", "到", "\xE2\x80\x94", "\xE2\x80\x93", "-",
	    "\xEF\xBD\x9E", "~", "\xE2\x80\x95", "\xEF\xBC\x8D"};
	size_t k, n;

	for (k = 0; k < sizeof(joints) / sizeof(joints[0]); k++)
		if ((n = scan_table_word(s, i, end, joints[k])) > 0)
			return n;
	return 0;
}

/* Reads a quarter (第二季度, 二季度, 第2季度) at i into p. */
static size_t
quarter(const char *s, size_t i, size_t end, struct dp *p)
{
	static const char *const cn[] = {"一", "二", "三", "四"};
	size_t j = i + scan_word(s, i, end, "第"), n = 0;
	int q;

	for (q = 1; q <= 4 && n == 0; q++) {
		char ar[2] = {(char)('0' + q), 0};

		if ((n = scan_table_word(s, j, end, cn[q - 1])) == 0)
			n = scan_word(s, j, end, ar);
		if (n > 0)
			p->quarter = q;
	}
	if (n == 0 || scan_word(s, j + n, end, "季度") == 0)
		return 0;
	p->prec = DATE_PREC_QUARTER;
	return j + n + strlen("季度") - i;
}

/* Reads what may follow 年: 底 末 初 年底 上半年 第二季度 度; returns bytes read. */
static size_t
year_suffix(const char *s, size_t i, size_t end, struct dp *p)
{
	static const struct {
		const char *w;
		enum date_part part;
	} parts[] = {
		{"年底", DATE_PART_END}, {"年末", DATE_PART_END}, {"年初", DATE_PART_START},
		{"底", DATE_PART_END}, {"末", DATE_PART_END}, {"初", DATE_PART_START},
		{"上半年", DATE_PART_H1}, {"下半年", DATE_PART_H2},
	};
	size_t k, n;

	for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
		if ((n = scan_table_word(s, i, end, parts[k].w)) > 0) {
			p->part = parts[k].part;
			return n;
		}
	}
	if ((n = quarter(s, i, end, p)) > 0)
		return n;
	return scan_word(s, i, end, "度");
}

/* Reads 上旬 中旬 下旬 初 底 末 after 月. */
static size_t
month_suffix(const char *s, size_t i, size_t end, struct dp *p)
{
	static const struct {
		const char *w;
		enum date_part part;
	} parts[] = {
		{"上旬", DATE_PART_EARLY}, {"中旬", DATE_PART_MID}, {"下旬", DATE_PART_LATE},
		{"初", DATE_PART_START}, {"底", DATE_PART_END}, {"末", DATE_PART_END},
	};
	size_t k, n;

	for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
		if ((n = scan_table_word(s, i, end, parts[k].w)) > 0) {
			p->part = parts[k].part;
			p->prec = DATE_PREC_PART;
			return n;
		}
	}
	return 0;
}

/* Reads a day (23日, 5号, 二十六日) at i; 0 when there is none. */
static size_t
day_part(const char *s, size_t i, size_t end, struct dp *p)
{
	unsigned fl = 0;
	long v;
	size_t n = small_num(s, i, end, &v, &fl), j, u;

	if (n == 0)
		return 0;
	j = skip_space(s, i + n, end, &fl);
	if ((u = scan_word(s, j, end, "日")) == 0 && (u = scan_word(s, j, end, "号")) == 0)
		return 0;
	p->d = (int)v;
	p->prec = DATE_PREC_DAY;
	p->flags |= fl;
	return j + u - i;
}

/* Reads a month with its suffix or day (7月, 4—10月, 3月下旬, 6月份, 4月22日) at i. */
static size_t
month_part(const char *s, size_t i, size_t end, struct dp *p, bool after_year)
{
	unsigned fl = 0;
	long v, v2;
	size_t n = small_num(s, i, end, &v, &fl), j, k, c;

	if (n == 0 || ((fl & DATE_CN_NUMERAL) && v > 12))
		return 0;
	j = skip_space(s, i + n, end, &fl);
	c = after_year ? connector(s, j, end) : 0;
	if (c > 0 && (k = small_num(s, j + c, end, &v2, &fl)) > 0 &&
	    scan_word(s, j + c + k, end, "月") > 0 && v2 > v && v2 <= 12) {
		p->m_end = (int)v2;
		j += c + k;
	}
	if ((k = scan_word(s, j, end, "月")) == 0)
		return 0;
	j += k;
	p->m = (int)v;
	p->prec = DATE_PREC_MONTH;
	p->flags |= fl;
	if ((k = scan_word(s, j, end, "份")) > 0)
		return j + k - i;
	if ((k = month_suffix(s, j, end, p)) > 0 || p->m_end != 0)
		return j + k - i;
	k = day_part(s, skip_space(s, j, end, &p->flags), end, p);
	return k > 0 ? skip_space(s, j, end, &fl) + k - i : j - i;
}

/* Reads a year with 年 (2025年, 2025 年, 二〇二五年; 26年 only before a month). */
static size_t
year_part(const char *s, size_t i, size_t end, struct dp *p)
{
	unsigned fl = 0;
	long v;
	int nd;
	size_t n = arabic(s, i, end, 4, &v, &nd), j, k;

	if (n > 0 && !(nd == 4 && v >= 1900 && v <= 2099) && nd != 2)
		return 0;
	if (n == 0) {
		if ((n = cnnum_digits(s + i, end - i, &v, &nd)) == 0 || nd != 4)
			return 0;
		fl |= DATE_CN_NUMERAL;
	}
	j = skip_space(s, i + n, end, &fl);
	if ((k = scan_word(s, j, end, "年")) == 0)
		return 0;
	j += k;
	p->has_y = true;
	p->prec = DATE_PREC_YEAR;
	p->flags |= fl;
	if (nd == 2) {
		p->y = (int)(v < 50 ? 2000 + v : 1900 + v);
		p->flags |= DATE_TWO_DIGIT_YEAR;
	} else {
		p->y = (int)v;
	}
	if ((k = year_suffix(s, j, end, p)) > 0)
		return nd == 2 ? 0 : j + k - i;
	k = month_part(s, skip_space(s, j, end, &p->flags), end, p, true);
	if (k > 0)
		return skip_space(s, j, end, &fl) + k - i;
	return nd == 2 ? 0 : j - i;
}

/* Reads 2025-12-12 or 2022/08/04 at i. */
static size_t
iso_date(const char *s, size_t i, size_t end, struct dp *p)
{
	long y, m, d;
	int nd;
	size_t j = i + arabic(s, i, end, 4, &y, &nd), k;
	char sep;

	if (nd != 4 || y < 1900 || y > 2099 || j >= end || (s[j] != '-' && s[j] != '/'))
		return 0;
	sep = s[j++];
	if ((k = arabic(s, j, end, 2, &m, &nd)) == 0 || j + k >= end || s[j + k] != sep)
		return 0;
	j += k + 1;
	if ((k = arabic(s, j, end, 2, &d, &nd)) == 0 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	j += k;
	if (j < end && (scan_is_digit(s[j]) || ((s[j] == '-' || s[j] == '/') && j + 1 < end &&
	    scan_is_digit(s[j + 1]))))
		return 0;
	p->y = (int)y;
	p->m = (int)m;
	p->d = (int)d;
	p->has_y = true;
	p->prec = DATE_PREC_DAY;
	p->flags |= sep == '-' ? DATE_ISO : DATE_SLASH;
	return j - i;
}

/* Reads a date at i: a year with its parts, or a month with its parts. */
static size_t
date_at(const char *s, size_t i, size_t end, struct dp *p)
{
	size_t n;

	memset(p, 0, sizeof(*p));
	if ((n = iso_date(s, i, end, p)) > 0)
		return n;
	memset(p, 0, sizeof(*p));
	if ((n = year_part(s, i, end, p)) > 0)
		return n;
	memset(p, 0, sizeof(*p));
	n = month_part(s, i, end, p, false);
	/* A Chinese month alone (三月) is too often not a date; keep it only with its day. */
	if (n > 0 && (p->flags & DATE_CN_NUMERAL) && p->prec != DATE_PREC_DAY)
		return 0;
	return n;
}

/* Day number validity of a parsed date; unknown years count as leap years. */
static bool
dp_valid(const struct dp *p)
{
	/* A day alone (、23日) is judged once it has its month (link_second). */
	if (p->prec == DATE_PREC_DAY && p->m == 0)
		return true;
	if (p->prec >= DATE_PREC_MONTH && (p->m < 1 || p->m > 12))
		return false;
	if (p->prec == DATE_PREC_DAY &&
	    (p->d < 1 || p->d > facts_days_in_month(p->has_y ? p->y : 2000, p->m)))
		return false;
	return true;
}

/* Appends a date; returns its index. */
static int
push(struct dates_out *o, const struct dp *p, size_t start)
{
	struct facts *f = o->f;
	struct date_fact *d;

	f->dates = xgrow(f->dates, &o->cap, f->ndates + 1, sizeof(*f->dates));
	d = &f->dates[f->ndates];
	memset(d, 0, sizeof(*d));
	d->span.start = start;
	d->span.end = p->end;
	d->y = p->has_y ? p->y : 0;
	d->m = p->m;
	d->d = p->d;
	d->m_end = p->m_end;
	d->quarter = p->quarter;
	d->prec = p->prec;
	d->part = p->part;
	d->flags = p->flags | o->line_flags | (dp_valid(p) ? 0 : DATE_INVALID);
	d->ysrc = p->has_y ? YEAR_WRITTEN : YEAR_UNKNOWN;
	d->ydate = -1;
	d->peer = -1;
	return (int)f->ndates++;
}

/* Links a second date to the one at index first: inherits year and month. */
static void
link_second(struct facts *f, int first, int second, bool range, struct span joint)
{
	struct date_fact *a = &f->dates[first], *b = &f->dates[second];

	if (b->ysrc != YEAR_WRITTEN) {
		b->ysrc = YEAR_RANGE;
		b->ydate = first;
		b->y = a->y;
	}
	if (b->m == 0 && b->prec == DATE_PREC_DAY) {
		b->m = a->m;
		if (b->d < 1 || b->d > facts_days_in_month(a->y ? a->y : 2000, b->m))
			b->flags |= DATE_INVALID;
	}
	if (range) {
		a->peer = second;
		b->peer = first;
		a->range_first = true;
		a->joint = joint;
		b->joint = joint;
	}
}

/* Parses the second half of a range after a connector: a full date, a month-led date, or a
 * day alone when the first half has a day. */
static size_t
second_half(const char *s, size_t i, size_t end, const struct dp *first, struct dp *p)
{
	size_t n;

	memset(p, 0, sizeof(*p));
	if ((n = year_part(s, i, end, p)) > 0)
		return n;
	memset(p, 0, sizeof(*p));
	if (first->prec >= DATE_PREC_MONTH && (n = month_part(s, i, end, p, false)) > 0)
		return n;
	memset(p, 0, sizeof(*p));
	if (first->prec == DATE_PREC_DAY && (n = day_part(s, i, end, p)) > 0)
		return n;
	return 0;
}

/* After a date ending at *pos: a range tail (至4月22日) or a list of days (、23日). */
static void
date_tail(struct dates_out *o, const char *s, size_t *pos, size_t end, int first,
		const struct dp *fp)
{
	unsigned fl = 0;
	size_t j = skip_space(s, *pos, end, &fl), c, n;
	struct dp p;
	int second;

	if ((c = connector(s, j, end)) > 0) {
		size_t k = skip_space(s, j + c, end, &fl);

		if ((n = second_half(s, k, end, fp, &p)) > 0) {
			p.end = k + n;
			second = push(o, &p, k);
			link_second(o->f, first, second, true, (struct span){j, j + c});
			*pos = p.end;
		}
		return;
	}
	while (fp->prec == DATE_PREC_DAY && ((c = scan_word(s, j, end, "、")) > 0 ||
	    (c = scan_word(s, j, end, "和")) > 0 || (c = scan_word(s, j, end, "及")) > 0)) {
		size_t k = skip_space(s, j + c, end, &fl);

		memset(&p, 0, sizeof(p));
		if ((n = day_part(s, k, end, &p)) == 0 || scan_word(s, k + n, end, "月") > 0)
			return;
		p.end = k + n;
		second = push(o, &p, k);
		link_second(o->f, first, second, false, (struct span){0, 0});
		*pos = j = p.end;
	}
}

/* A year without 年 opening a range whose second half has one: 2022至2023年, 2023-2024年度. */
static size_t
bare_year_range(struct dates_out *o, const char *s, size_t i, size_t end)
{
	unsigned fl = 0;
	long v;
	int nd, first, second;
	size_t n = arabic(s, i, end, 4, &v, &nd), j, c, k;
	struct dp a, b;

	if (nd != 4 || v < 1900 || v > 2099)
		return 0;
	j = skip_space(s, i + n, end, &fl);
	if ((c = connector(s, j, end)) == 0)
		return 0;
	k = skip_space(s, j + c, end, &fl);
	memset(&b, 0, sizeof(b));
	if ((n = year_part(s, k, end, &b)) == 0 || b.y <= v || (b.flags & DATE_TWO_DIGIT_YEAR))
		return 0;
	memset(&a, 0, sizeof(a));
	a.y = (int)v;
	a.has_y = true;
	a.prec = DATE_PREC_YEAR;
	a.flags = DATE_BARE_YEAR;
	a.end = i + 4;
	first = push(o, &a, i);
	b.end = k + n;
	second = push(o, &b, k);
	link_second(o->f, first, second, true, (struct span){j, j + c});
	return b.end - i;
}

/* True for code points after which a standalone 年底/第二季度 is not a date (每年年底). */
static bool
blocks_fuzzy(uint32_t prev)
{
	static const char *const blockers = "每各历往去今明当同本两三近多半上下该年";
	size_t i = 0, n = strlen(blockers);

	if (prev < 0x80)
		return (prev >= '0' && prev <= '9');
	while (i < n)
		if (utf8_next(blockers, n, &i) == prev)
			return true;
	return false;
}

/* True when s[i] holds 年, 上, 下 or 第, the first characters of a standalone fuzzy date
 * (fuzzy_at); no other reader of a date starts with one of them. */
static bool
fuzzy_lead(const char *s, size_t i, size_t end)
{
	/* Indexed by the low six bits of the last byte, which tell the four apart. */
	static const uint32_t leads[64] = {
		[0x34] = 0xE5B9B4,  /* 年 */
		[0x0A] = 0xE4B88A,  /* 上 */
		[0x0B] = 0xE4B88B,  /* 下 */
		[0x2C] = 0xE7ACAC,  /* 第 */
	};
	uint32_t key = scan_key3(s, i, end);

	return key != 0 && leads[key & 0x3F] == key;
}

/* A standalone fuzzy date: 年底 年末 年初 上半年 下半年 第二季度 (year from context). */
static size_t
fuzzy_at(const char *s, size_t i, size_t end, uint32_t prev, struct dp *p)
{
	size_t n;

	memset(p, 0, sizeof(*p));
	if ((n = scan_word(s, i, end, "年底")) > 0 || (n = scan_word(s, i, end, "年末")) > 0)
		p->part = DATE_PART_END;
	else if ((n = scan_word(s, i, end, "年初")) > 0)
		p->part = DATE_PART_START;
	else if ((n = scan_word(s, i, end, "上半年")) > 0)
		p->part = DATE_PART_H1;
	else if ((n = scan_word(s, i, end, "下半年")) > 0)
		p->part = DATE_PART_H2;
	else
		n = scan_word(s, i, end, "第") > 0 ? quarter(s, i, end, p) : 0;
	/* The blocker test decodes a list, so it runs only once a fuzzy word matched. */
	if (n == 0 || blocks_fuzzy(prev) || cnnum_is_char(prev))
		return 0;
	if (p->prec == DATE_PREC_NONE)
		p->prec = DATE_PREC_YEAR;
	return n;
}

/* Tries a date at i (prev is the code point before it); returns the bytes consumed. */
static size_t
try_date(struct dates_out *o, const char *s, size_t i, size_t end, uint32_t prev)
{
	struct dp p;
	size_t n, pos;
	int idx;

	if (prev < 0x80 && (scan_is_digit((char)prev) || prev == '.' || prev == '_' ||
	    (prev | 0x20) - 'a' < 26u))
		return 0;
	if (cnnum_is_char(prev) && !scan_is_digit(s[i]))
		return 0;
	/* A fuzzy date and the dates of date_at start with different characters. */
	if (fuzzy_lead(s, i, end))
		n = fuzzy_at(s, i, end, prev, &p);
	else if ((n = date_at(s, i, end, &p)) == 0)
		return scan_is_digit(s[i]) ? bare_year_range(o, s, i, end) : 0;
	if (n == 0)
		return 0;
	p.end = i + n;
	idx = push(o, &p, i);
	pos = p.end;
	if (!(p.flags & (DATE_ISO | DATE_SLASH)))
		date_tail(o, s, &pos, end, idx, &p);
	return pos - i;
}

/* 0 when a date may start at i: at an ASCII digit, a Chinese numeral's first character
 * or the first character of a fuzzy date (年底 上半年 下半年 第二季度), the only characters
 * a date read by try_date starts with; else the bytes to step to the next character. The
 * test reads bytes and decodes nothing. */
static size_t
date_skip(const char *s, size_t i, size_t end)
{
	unsigned char c = (unsigned char)s[i];
	uint32_t key;

	if (c < 0x80)
		return c >= '0' && c <= '9' ? 0 : 1;
	if (c < 0xE0)
		return 1;
	key = scan_key3(s, i, end);
	return cnnum_is_lead_key(key) || fuzzy_lead(s, i, end) ? 0 : fact_scan_step(key);
}

/* Scans one line for dates. A lead's first byte is never a UTF-8 continuation byte, so
 * stepping over the continuation bytes of a character that starts nothing tries exactly
 * the offsets a decoding scan would try. */
static void
scan_line(struct dates_out *o, const char *s, size_t start, size_t end)
{
	size_t i = start, n;

	while (i < end) {
		if ((n = date_skip(s, i, end)) > 0)
			i += n;
		else if ((n = try_date(o, s, i, end, scan_prev(s, start, i))) > 0)
			i += n;
		else if (!scan_is_digit(s[i]))
			i += 3;
		else  /* no date starts inside a longer number */
			while (i < end && scan_is_digit(s[i]))
				i++;
	}
}

void
fact_dates(struct facts *f, const struct doc *doc)
{
	struct dates_out o = {f, 0, 0};
	size_t i;

	for (i = 0; i < doc->nlines; i++) {
		const struct line *l = &doc->lines[i];

		if (l->kind == LINE_BLANK)
			continue;
		o.line_flags = l->kind == LINE_BOILERPLATE ? DATE_BOILERPLATE : 0;
		scan_line(&o, doc->text, l->span.start, l->span.end);
	}
	for (i = 0; i < f->ndates; i++)
		f->dates[i].sentence = facts_sentence_at(f, f->dates[i].span.start);
}
