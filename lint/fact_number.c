/* Numbers in running text (Arabic with optional spaces, Chinese numerals before a unit,
 * percentages) with their unit and qualifiers, as number facts. */
#include <string.h>
#include "cnnum.h"
#include "fact_scan.h"
#include "facts.h"
#include "scan.h"
#include "utf8.h"
#include "xalloc.h"

/* 万 and 亿 before a unit multiply the value (4.4万余元 is 44000 元, qualified by 余).
 * Digits inside dates, phone numbers, codes and e-mail addresses are not numbers. */

/* Unit words, longest first where one is a prefix of another. */
static const char *const units[] = {
	"个百分点", "百分点", "人次", "户次", "方面", "小时", "%", "\xEF\xBC\x85",
	"个", "项", "件", "家", "人", "名", "次", "条", "台", "套", "例", "份", "处", "起",
	"轮", "期", "批", "户", "所", "座", "张", "本", "篇", "场", "天", "岁", "瓶", "盒",
	"元", "辆", "单", "类", "种", "位", "支", "间", "床", "周",
};

/* The numbers array being filled, the date cursor and the first character of each unit. */
struct nums_out {
	struct facts *f;
	size_t cap;
	size_t date;        /* first date that may still lie ahead */
	uint32_t unit_key[sizeof(units) / sizeof(units[0])];
};

/* The byte at s[i] when it is ASCII, else the three bytes from i as scan_key3 packs them
 * (0 when fewer remain): the first character of a unit, or of the text after a number. */
static uint32_t
first_char_key(const char *s, size_t i, size_t end)
{
	if (i >= end)
		return 0;
	return (unsigned char)s[i] < 0x80 ? (unsigned char)s[i] : scan_key3(s, i, end);
}

/* Reads the unit after a number at i, with 万/亿 and 余/多 before it and 以上/以下/左右
 * after it; fills n->unit, n->end, the flags and the scale. */
static void
read_unit(const struct nums_out *o, struct number_fact *n, const char *s, size_t i, size_t end)
{
	bool spaced = false;
	size_t j = scan_blanks(s, i, end, &spaced), k, u;
	uint32_t key;

	if ((k = scan_word(s, j, end, "万")) > 0) {
		n->value *= 1e4;
		j += k;
	} else if ((k = scan_word(s, j, end, "亿")) > 0) {
		n->value *= 1e8;
		j += k;
	}
	if ((k = scan_word(s, j, end, "余")) > 0 || (k = scan_word(s, j, end, "多")) > 0) {
		n->flags |= NUM_ABOVE;
		j += k;
	}
	n->end.end = j;
	key = first_char_key(s, j, end);
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		/* A unit whose first character differs cannot match. */
		if ((o->unit_key[u] != 0 && o->unit_key[u] != key) ||
		    (k = scan_table_word(s, j, end, units[u])) == 0)
			continue;
		n->unit.start = j;
		n->unit.end = j + k;
		if (units[u][0] == '%' || units[u][0] == '\xEF')
			n->flags |= NUM_PERCENT;
		if (spaced)
			n->flags |= NUM_SPACED;
		j += k;
		break;
	}
	if ((k = scan_word(s, j, end, "以上")) > 0 || (k = scan_word(s, j, end, "余")) > 0)
		n->flags |= NUM_ABOVE;
	else if ((k = scan_word(s, j, end, "以下")) > 0)
		n->flags |= NUM_BELOW;
	else if ((k = scan_word(s, j, end, "左右")) > 0)
		n->flags |= NUM_APPROX;
	n->end.end = n->unit.end > n->unit.start ? j + k : n->end.end;
}

/* Reads an Arabic number (digits, optional decimals) at i; 0 when it is part of a code,
 * phone number or e-mail address. */
static size_t
arabic(const char *s, size_t i, size_t end, double *v, unsigned *flags)
{
	size_t j = i;
	double x = 0, scale = 0.1;

	while (j < end && scan_is_digit(s[j]))
		x = x * 10 + (s[j++] - '0');
	if (j + 1 < end && s[j] == '.' && scan_is_digit(s[j + 1])) {
		*flags |= NUM_DECIMAL;
		for (j++; j < end && scan_is_digit(s[j]); j++, scale /= 10)
			x += (s[j] - '0') * scale;
	}
	if (j < end && (s[j] == '-' || s[j] == '@' || s[j] == '_' || s[j] == '.' ||
	    ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')))
		return 0;
	*v = x;
	return j - i;
}

/* True when a number cannot start after code point prev. */
static bool
blocked(uint32_t prev)
{
	if (prev < 0x80)
		return scan_is_digit((char)prev) || ((prev | 0x20) >= 'a' && (prev | 0x20) <= 'z') ||
		    (prev != 0 && strchr(".-_@/#", (int)prev) != NULL);
	return prev == 0x3014 || prev == 0x3010 || cnnum_is_char(prev);  /* 〔 【 */
}

/* Skips the dates that end before i; returns true when i lies inside one. */
static bool
in_date(struct nums_out *o, size_t i)
{
	const struct facts *f = o->f;

	while (o->date < f->ndates && f->dates[o->date].span.end <= i)
		o->date++;
	return o->date < f->ndates && f->dates[o->date].span.start <= i;
}

/* Reads a number at i; returns its bytes (0 when none starts here). */
static size_t
number_at(struct nums_out *o, const char *s, size_t i, size_t end, uint32_t prev)
{
	struct number_fact n;
	size_t len;
	long cv;

	memset(&n, 0, sizeof(n));
	if (blocked(prev) || in_date(o, i))
		return 0;
	if (scan_is_digit(s[i])) {
		if ((len = arabic(s, i, end, &n.value, &n.flags)) == 0)
			return 0;
	} else if ((len = cnnum_parse(s + i, end - i, &cv)) > 0) {
		n.value = (double)cv;
		n.flags |= NUM_CN;
	} else {
		return 0;
	}
	n.span.start = n.end.start = i;
	n.span.end = i + len;
	n.unit.start = n.unit.end = i + len;
	read_unit(o, &n, s, i + len, end);
	if ((n.flags & NUM_CN) && n.unit.end == n.unit.start)
		return len;   /* 一是, 统一: a Chinese numeral counts only with a unit */
	if (prev == 0x7B2C)  /* 第 */
		n.flags |= NUM_ORDINAL;
	n.sentence = facts_sentence_at(o->f, i);
	o->f->numbers = xgrow(o->f->numbers, &o->cap, o->f->nnumbers + 1, sizeof(n));
	o->f->numbers[o->f->nnumbers++] = n;
	return n.end.end - i;
}

/* 0 when a number may start at i: at an ASCII digit or a Chinese numeral's first
 * character; else the bytes to step to the next character. The test reads bytes and
 * decodes nothing. */
static size_t
number_skip(const char *s, size_t i, size_t end)
{
	unsigned char c = (unsigned char)s[i];
	uint32_t key;

	if (c < 0x80)
		return c >= '0' && c <= '9' ? 0 : 1;
	if (c < 0xE0)
		return 1;
	key = scan_key3(s, i, end);
	return cnnum_is_lead_key(key) ? 0 : fact_scan_step(key);
}

/* Scans one line for numbers. A lead's first byte is never a UTF-8 continuation byte, so
 * stepping over the continuation bytes of a character that starts nothing tries exactly
 * the offsets a decoding scan would try. */
static void
scan_line(struct nums_out *o, const char *s, size_t start, size_t end)
{
	size_t i = start, n;

	while (i < end) {
		if ((n = number_skip(s, i, end)) > 0)
			i += n;
		else if ((n = number_at(o, s, i, end, scan_prev(s, start, i))) > 0)
			i += n;
		else if (!scan_is_digit(s[i]))
			i += 3;
		else  /* a number does not start inside a longer one */
			while (i < end && scan_is_digit(s[i]))
				i++;
	}
}

void
fact_numbers(struct facts *f, const struct doc *doc)
{
	struct nums_out o = {f, 0, 0, {0}};
	size_t l, u;

	/* A unit of fewer than three bytes that is not ASCII keeps 0: it is always compared. */
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++)
		o.unit_key[u] = first_char_key(units[u], 0, strlen(units[u]));

	for (l = 0; l < doc->nlines; l++) {
		const struct line *line = &doc->lines[l];

		if (line->kind == LINE_BLANK || line->kind == LINE_BOILERPLATE)
			continue;
		scan_line(&o, doc->text, line->span.start, line->span.end);
	}
}
