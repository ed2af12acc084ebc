/* Enumerations: a count of people or things and the items listed beside it, before it
 * (市第三中学、市青溪中学等2所学校) or in a parenthesis after it (3名干部（张某、李某、王某）). */
#include <string.h>
#include "facts.h"
#include "utf8.h"
#include "xalloc.h"

/* Units an enumeration is counted in: people, bodies, places, kinds; never times (召开
 * 党组会、专题会5次) or spans. */
static const char *const enum_units[] = {
	"名", "人", "位", "家", "所", "个", "类", "种", "县", "座", "处", "户", "支",
};

/* Longest listed item, in code points (a longer run is prose, not a name). */
#define ITEM_MAX 20

static bool
is_unit(const char *s, struct span u, bool *person)
{
	size_t i;

	for (i = 0; i < sizeof(enum_units) / sizeof(enum_units[0]); i++) {
		if (u.end - u.start == strlen(enum_units[i]) &&
		    memcmp(s + u.start, enum_units[i], u.end - u.start) == 0) {
			*person = i < 3;
			return true;
		}
	}
	return false;
}

/* True for a mark that bounds a list (any clause mark but 、). */
static bool
bound(uint32_t cp)
{
	static const uint32_t marks[] = {0xFF0C, 0xFF1B, 0x3002, 0xFF1A, 0xFF01, 0xFF1F, 0xFF08,
	    0xFF09, ',', ';', ':', '!', '?', '(', ')', '\n', 0x201C, 0x201D, 0x300A, 0x300B};
	size_t i;

	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (marks[i] == cp)
			return true;
	return false;
}

static bool
is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* The items of the 、 list ending at end (inclusive of the first, which may carry the
 * clause's verb): their starts in at[], how many in return; 0 when no list ends there or
 * an item is too long or holds a digit. */
static size_t
list_before(const char *s, size_t floor, size_t end, size_t *at, size_t max)
{
	size_t i = end, n = 0, len = 0;

	while (i > floor) {
		size_t j = i;
		uint32_t cp = utf8_prev(s, &j);

		if (cp == 0x3001 || bound(cp)) {
			if (len == 0)
				return 0;
			if (n < max)
				at[n] = i;
			n++;
			if (bound(cp))
				break;
			len = 0;
			i = j;
			continue;
		}
		if (is_digit_cp(cp))
			return 0;
		len++;
		i = j;
	}
	if (i == floor && len > 0) {
		if (n < max)
			at[n] = i;
		n++;
	}
	return n >= 2 ? n : 0;
}

/* True when item [a, b) (the list's later items) shares a character of its last two with
 * the last two of the noun (城关镇 and 乡镇, 中学 and 学校): the list names what the noun
 * counts. */
static bool
same_class(const char *s, size_t a, size_t b, struct span noun)
{
	uint32_t it[2] = {0, 0}, no[2] = {0, 0};
	size_t i = b, j = noun.end, k;

	for (k = 0; k < 2 && i > a; k++)
		it[k] = utf8_prev(s, &i);
	for (k = 0; k < 2 && j > noun.start; k++)
		no[k] = utf8_prev(s, &j);
	for (k = 0; k < 2; k++)
		if (it[k] != 0 && (it[k] == no[0] || it[k] == no[1]))
			return true;
	return false;
}

/* Code points in [a, b). */
static size_t
cps(const char *s, size_t a, size_t b)
{
	return utf8_count(s + a, b - a);
}

/* Enumerations of count c listed before it: X1、X2、X3(等)N<unit><noun>. */
static bool
before(const struct facts *f, const char *s, size_t line_start, const struct count_fact *c,
		struct enum_fact *e)
{
	size_t at[64], n, end = f->numbers[c->number].span.start, k;
	bool person;

	if (!is_unit(s, c->unit, &person) || c->noun.end == c->noun.start)
		return false;
	e->open = false;
	if (end >= line_start + 3 && memcmp(s + end - 3, "等", 3) == 0) {
		e->open = true;
		end -= 3;
	}
	n = list_before(s, line_start, end, at, 64);
	if (n == 0 || n > 64)
		return false;
	/* at[0] starts the last item, at[n - 1] the first; items run to the next 、. */
	for (k = 0; k + 1 < n; k++) {
		size_t b = k == 0 ? end : at[k - 1] - 3, len = cps(s, at[k], b);

		if (len == 0 || len > (person ? 3 : ITEM_MAX))
			return false;
		if (!person && !same_class(s, at[k], b, c->noun))
			return false;
	}
	e->list.start = at[n - 1];
	e->list.end = end;
	e->listed = n;
	return true;
}

/* Enumerations in a parenthesis right after the count phrase: N<unit><noun>（X1、X2）. */
static bool
after(const char *s, size_t end, const struct count_fact *c, struct enum_fact *e)
{
	size_t i = c->noun.end, n = 1, len = 0, a;
	bool person;
	uint32_t cp;

	if (!is_unit(s, c->unit, &person))
		return false;
	cp = i < end ? utf8_next(s, end, &i) : 0;
	if (cp != 0xFF08 && cp != '(')
		return false;
	a = i;
	e->open = false;
	while (i < end) {
		size_t at = i;

		cp = utf8_next(s, end, &i);
		if (cp == 0xFF09 || cp == ')') {
			if (len < 2 || n < 2)
				return false;
			e->list.start = a;
			e->list.end = at;
			e->listed = n;
			if (at >= a + 3 && memcmp(s + at - 3, "等", 3) == 0)
				e->open = true;
			/* (其中…) (含…) (以下简称…) say something else. */
			return memcmp(s + a, "其中", 6) != 0 && memcmp(s + a, "含", 3) != 0 &&
			    memcmp(s + a, "以下", 6) != 0 && memcmp(s + a, "包括", 6) != 0;
		}
		if (cp == 0x3001) {
			if (len < 2)
				return false;   /* 8个县（市、区）: one-character kinds, not names */
			n++;
			len = 0;
			continue;
		}
		if (bound(cp) || is_digit_cp(cp) || ++len > ITEM_MAX)
			return false;
	}
	return false;
}

void
fact_enums(struct facts *f, const struct doc *doc)
{
	size_t k, cap = 0;

	for (k = 0; k < f->ncounts; k++) {
		const struct count_fact *c = &f->counts[k];
		size_t line = linemap_line_index(&doc->lines_map, c->span.start), ls, le;
		struct enum_fact e;

		if (c->flags & (NUM_PERCENT | NUM_APPROX | NUM_ABOVE | NUM_BELOW))
			continue;
		linemap_line_span(&doc->lines_map, line, &ls, &le);
		memset(&e, 0, sizeof(e));
		if (!after(doc->text, le, c, &e) && !before(f, doc->text, ls, c, &e))
			continue;
		e.count = k;
		f->enums = xgrow(f->enums, &cap, f->nenums + 1, sizeof(*f->enums));
		f->enums[f->nenums++] = e;
	}
}
