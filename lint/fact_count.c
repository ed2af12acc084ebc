/* Count phrases: each number with a unit as (label, value, unit, noun), so rules can name
 * the roles of figures by the words around them. */
#include <string.h>
#include "facts.h"
#include "prevcp.h"
#include "utf8.h"
#include "xalloc.h"

/* The label is the clause text before the number (after any earlier number of the same
 * clause), the noun the words after the unit: "巡察反馈的62个具体问题" → ("巡察反馈的", 62,
 * 个, "具体问题"); "完成整改 23 个" → ("完成整改", 23, 个, ""). */

/* Longest noun kept after a unit, in code points. */
#define NOUN_MAX 12

/* True for a mark that bounds a clause. */
static bool
clause_mark(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0x3001: case 0xFF1B: case 0x3002: case 0xFF1A: case 0xFF01: case 0xFF1F:
	case 0xFF08: case 0xFF09: case 0x3010: case 0x3011: case ',': case ';': case ':': case '!':
	case '?': case '(': case ')': case '\n':
		return true;
	default:
		return false;
	}
}
/* True for white space trimmed from labels and nouns. */
static bool
blank(uint32_t cp)
{
	return utf8_is_space(cp);
}

/* Start of the clause holding off, not before floor. */
static size_t
clause_start(const char *s, size_t floor, size_t off)
{
	size_t i = off;

	while (i > floor) {
		size_t j = i;
		uint32_t cp = prevcp(s, &j);

		if (clause_mark(cp))
			break;
		i = j;
	}
	return i;
}

/* Trims white space from both ends of [*a, *b). */
static void
trim(const char *s, size_t *a, size_t *b)
{
	size_t i;

	while (*a < *b) {
		i = *a;
		if (!blank(utf8_next(s, *b, &i)))
			break;
		*a = i;
	}
	while (*b > *a) {
		i = *b;
		if (!blank(prevcp(s, &i)))
			break;
		*b = i;
	}
}

/* End of the noun after a count ending at off: up to a clause mark, a digit or NOUN_MAX
 * code points. */
static size_t
noun_end(const char *s, size_t off, size_t end)
{
	size_t i = off, last = off;
	int n = 0;

	while (i < end && n < NOUN_MAX) {
		uint32_t cp = utf8_next(s, end, &i);

		if (clause_mark(cp) || (cp < 0x80 && cp >= '0' && cp <= '9'))
			break;
		last = i;
		n++;
	}
	return last;
}

void
fact_counts(struct facts *f, const struct doc *doc)
{
	size_t i, cap = 0, floor = 0, line_end = 0;

	for (i = 0; i < f->nnumbers; i++) {
		const struct number_fact *n = &f->numbers[i];
		struct count_fact c;
		size_t line;

		line = linemap_line_index(&doc->lines_map, n->span.start);
		linemap_line_span(&doc->lines_map, line, &c.label.start, &line_end);
		if (floor < c.label.start)
			floor = c.label.start;
		if (n->unit.end == n->unit.start || (n->flags & NUM_ORDINAL)) {
			floor = n->end.end;
			continue;
		}
		c.label.start = clause_start(doc->text, floor, n->span.start);
		c.label.end = n->span.start;
		trim(doc->text, &c.label.start, &c.label.end);
		c.noun.start = n->end.end;
		c.noun.end = noun_end(doc->text, n->end.end, line_end);
		trim(doc->text, &c.noun.start, &c.noun.end);
		c.span = n->end;
		c.unit = n->unit;
		c.value = n->value;
		c.flags = n->flags;
		c.number = i;
		c.status = CSTAT_NONE;   /* set by fact_tallies */
		c.role = 0;
		c.sentence = n->sentence;
		f->counts = xgrow(f->counts, &cap, f->ncounts + 1, sizeof(c));
		f->counts[f->ncounts++] = c;
		floor = n->end.end;
	}
}
