/* Chinese numerals to integers: the unit grammar (十三, 二十一, 一百零八, 三万五千) and
 * place-by-place digit strings (二〇二五). */
#include "cnnum.h"
#include "utf8.h"

/* Value of a digit character (两 counts as 2), or -1. */
static int
digit_value(uint32_t cp)
{
	switch (cp) {
	case 0x3007: return 0;  /* 〇 */
	case 0x96F6: return 0;  /* 零 */
	case 0x4E00: return 1;  /* 一 */
	case 0x4E8C: return 2;  /* 二 */
	case 0x4E24: return 2;  /* 两 */
	case 0x4E09: return 3;  /* 三 */
	case 0x56DB: return 4;  /* 四 */
	case 0x4E94: return 5;  /* 五 */
	case 0x516D: return 6;  /* 六 */
	case 0x4E03: return 7;  /* 七 */
	case 0x516B: return 8;  /* 八 */
	case 0x4E5D: return 9;  /* 九 */
	default: return -1;
	}
}

/* Value of a unit character (十百千万亿), or 0. */
static long
unit_value(uint32_t cp)
{
	switch (cp) {
	case 0x5341: return 10;         /* 十 */
	case 0x767E: return 100;        /* 百 */
	case 0x5343: return 1000;       /* 千 */
	case 0x4E07: return 10000;      /* 万 */
	case 0x4EBF: return 100000000;  /* 亿 */
	default: return 0;
	}
}

bool
cnnum_is_char(uint32_t cp)
{
	return digit_value(cp) >= 0 || unit_value(cp) != 0;
}

/* The numeral being read by cnnum_parse. */
struct cn_state {
	long total;      /* value of completed 万/亿 groups */
	long section;    /* value below the current 万 group */
	int digit;       /* pending digit, -1 when none */
	long last_small; /* last 十/百/千 unit of the section: the next must be smaller */
	long last_big;   /* last 万 unit: another 万 cannot follow */
	bool zero;       /* the last character was 零 */
	bool any;
};

/* Feeds a digit; false when it cannot continue the numeral (二〇 is a digit string). */
static bool
feed_digit(struct cn_state *st, int d)
{
	if (st->digit >= 0 || (d == 0 && st->zero))
		return false;
	st->zero = d == 0;
	if (d > 0)
		st->digit = d;
	st->any = true;
	return true;
}

/* Feeds a unit; false when it cannot continue the numeral (十百, 万万). */
static bool
feed_unit(struct cn_state *st, long u)
{
	if (u <= 1000) {
		if (u >= st->last_small || (st->digit < 0 && (u != 10 || st->section != 0)))
			return false;
		st->section += (st->digit < 0 ? 1 : st->digit) * u;
		st->last_small = u;
	} else {
		if ((st->section == 0 && st->digit < 0) || u <= st->last_big)
			return false;
		st->section += st->digit > 0 ? st->digit : 0;
		if (u == 100000000)
			st->total = (st->total + st->section) * u;
		else
			st->total += st->section * u;
		st->section = 0;
		st->last_small = 100000;
		st->last_big = u;
	}
	st->digit = -1;
	st->zero = false;
	st->any = true;
	return true;
}

size_t
cnnum_parse(const char *s, size_t len, long *value)
{
	struct cn_state st = {0, 0, -1, 100000, 0, false, false};
	size_t i = 0, end = 0;

	while (i < len) {
		uint32_t cp = utf8_next(s, len, &i);
		int d = digit_value(cp);
		long u = unit_value(cp);

		if (d >= 0 ? !feed_digit(&st, d) : u == 0 || !feed_unit(&st, u))
			break;
		end = i;
	}
	if (!st.any)
		return 0;
	*value = st.total + st.section + (st.digit > 0 ? st.digit : 0);
	return end;
}

size_t
cnnum_digits(const char *s, size_t len, long *value, int *ndigits)
{
	size_t i = 0, end = 0;
	long v = 0;
	int n = 0, d;

	while (i < len && n < 9) {
		uint32_t cp = utf8_next(s, len, &i);

		d = digit_value(cp);
		if (d < 0 || cp == 0x4E24)
			break;
		v = v * 10 + d;
		n++;
		end = i;
	}
	if (n < 2)
		return 0;
	*value = v;
	*ndigits = n;
	return end;
}
