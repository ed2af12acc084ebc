/* Check type `punctuation-width`: ASCII marks (, ; : ( ) ! ?) touching Chinese text, one
 * diagnostic per line that names how many such marks the line holds; with `fix:`, the
 * diagnostic carries the full-width forms (brackets only as a pair around Chinese text). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* Distinct marks one rule may list. */
#define PW_MAX_MARKS 15

struct pwidth {
	char *marks;            /* the ASCII marks to look for */
	bool is_mark[256];      /* the same as a table by byte */
	struct regex *unless;   /* spans to leave alone (URLs, e-mail addresses); may be NULL */
};

/* The walk over the exception pattern's matches in one line; the marks asked about come
 * in increasing order, so it only moves forward. */
struct pwidth_unless {
	size_t from;            /* where the next search starts */
	struct regex_match m;   /* the current match, when have */
	bool have, done;        /* done: no further match */
};

/* What one line holds so far. */
struct pwidth_line {
	size_t count;
	size_t *at;             /* offsets of every offending mark (kept for the fix) */
	size_t cap;
	size_t first, last;     /* byte offsets of the first and last offending mark */
	char seen[PW_MAX_MARKS + 1];  /* distinct offending marks in order of appearance */
	size_t nseen;
};

static void
pwidth_free(void *params)
{
	struct pwidth *w = params;

	free(w->marks);
	regex_free(w->unless);
	free(w);
}

static int
pwidth_parse(struct rule *r, struct rparam *p)
{
	struct pwidth *w = xcalloc(1, sizeof(*w));
	const char *s;
	int rc = 0;

	r->params = w;
	if (rp_string(p, "marks", true, &w->marks) != 0 || w->marks == NULL)
		return -1;
	for (s = w->marks; *s != '\0'; s++) {
		if ((unsigned char)*s >= 0x80 || *s == ' ') {
			rp_error(p, "marks", "只能列出 ASCII 标点（ASCII punctuation only）");
			rc = -1;
			break;
		}
		w->is_mark[(unsigned char)*s] = true;
	}
	if (strlen(w->marks) > PW_MAX_MARKS) {
		rp_error(p, "marks", "最多 15 个标点（at most 15 marks）");
		rc = -1;
	}
	if (rp_regex(p, "unless", false, &w->unless) != 0)
		rc = -1;
	return rc;
}

/* The code point next to pos in direction dir (-1 before, +1 after), skipping spaces
 * and tabs; 0 when the line ends first. */
static uint32_t
neighbour(const char *text, size_t pos, size_t start, size_t end, int dir)
{
	size_t i = pos;
	uint32_t cp;

	for (;;) {
		if (dir < 0) {
			if (i <= start)
				return 0;
			cp = utf8_prev(text, &i);
		} else {
			if (i == pos)
				i++;
			if (i >= end)
				return 0;
			cp = utf8_next(text, end, &i);
		}
		if (cp != ' ' && cp != '\t' && cp != 0x00A0)
			return cp;
	}
}

/* True when [pos, pos+1) lies inside a match of the exception pattern in [start, end);
 * u walks the matches from start, pos grows from call to call. */
static int
excepted(const struct pwidth *w, const char *text, size_t end, size_t pos,
    struct pwidth_unless *u)
{
	for (;;) {
		if (!u->have) {
			if (u->done || u->from >= end ||
			    regex_find(w->unless, text, u->from, end, &u->m) != 1) {
				u->done = true;
				return 0;
			}
			u->have = true;
		}
		if (u->m.start <= pos && u->m.end > pos)
			return 1;
		if (u->m.start > pos)
			return 0;
		u->from = u->m.end > u->m.start ? u->m.end : u->m.end + 1;
		u->have = false;
	}
}

/* Offset of the first ASCII byte in text[i, end), or end; the marks are all ASCII, so
 * eight bytes with the high bit set are passed over at once. */
static size_t
next_ascii(const char *text, size_t i, size_t end)
{
	const uint64_t high = 0x8080808080808080ull;
	uint64_t w;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, text + i, 8);
		if ((w & high) != high)
			break;
	}
	while (i < end && (unsigned char)text[i] >= 0x80)
		i++;
	return i;
}

static void
note_mark(struct pwidth_line *pl, size_t pos, char mark, bool keep)
{
	if (keep) {
		pl->at = xgrow(pl->at, &pl->cap, pl->count + 1, sizeof(*pl->at));
		pl->at[pl->count] = pos;
	}
	if (pl->count == 0)
		pl->first = pos;
	pl->last = pos;
	pl->count++;
	if (memchr(pl->seen, mark, pl->nseen) == NULL && pl->nseen + 1 < sizeof(pl->seen))
		pl->seen[pl->nseen++] = mark;
}

/* The full-width form of an ASCII mark, as UTF-8. */
static const char *
full_width(char mark)
{
	switch (mark) {
	case ',': return "\xEF\xBC\x8C";  /* ， */
	case ';': return "\xEF\xBC\x9B";  /* ； */
	case ':': return "\xEF\xBC\x9A";  /* ： */
	case '(': return "\xEF\xBC\x88";  /* （ */
	case ')': return "\xEF\xBC\x89";  /* ） */
	case '!': return "\xEF\xBC\x81";  /* ！ */
	case '?': return "\xEF\xBC\x9F";  /* ？ */
	default: return NULL;
	}
}

/* True when pos is one of the offending marks (pl->at is in increasing order). */
static bool
offending(const struct pwidth_line *pl, size_t pos)
{
	size_t lo = 0, hi = pl->count, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pl->at[mid] < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < pl->count && pl->at[lo] == pos;
}

/* The ')' that closes the '(' at pos within text[pos, end), or end; brackets further apart
 * than PW_PAIR_SPAN bytes are not paired (and so not fixed), which keeps a line of many
 * unclosed brackets linear. */
#define PW_PAIR_SPAN 600
static size_t
matching_paren(const char *text, size_t pos, size_t end)
{
	size_t i, depth = 0, stop = end - pos > PW_PAIR_SPAN ? pos + PW_PAIR_SPAN : end;

	for (i = pos; i < stop; i++) {
		if (text[i] == '(')
			depth++;
		else if (text[i] == ')' && --depth == 0)
			return i;
	}
	return end;
}

/* True when text[from, to) holds no byte above ASCII: an area code, a year or an English
 * abbreviation in brackets, which is left as written. */
static bool
all_ascii(const char *text, size_t from, size_t to)
{
	for (; from < to; from++)
		if ((unsigned char)text[from] >= 0x80)
			return false;
	return true;
}

/* The fix of one line: every offending mark to its full-width form, brackets only in pairs
 * both of whose halves offend and that hold Chinese text. */
static void
pwidth_fix(struct diag *d, const char *text, size_t end, const struct pwidth_line *pl)
{
	size_t i, pos, close;
	const char *fw;

	for (i = 0; i < pl->count; i++) {
		pos = pl->at[i];
		if (text[pos] == ')')
			continue;  /* taken with its '(' */
		if (text[pos] == '(') {
			close = matching_paren(text, pos, end);
			if (close == end || !offending(pl, close) || all_ascii(text, pos, close))
				continue;
			diag_edit(d, pos, pos + 1, full_width('('), 3);
			diag_edit(d, close, close + 1, full_width(')'), 3);
			continue;
		}
		if ((fw = full_width(text[pos])) != NULL)
			diag_edit(d, pos, pos + 1, fw, 3);
	}
}

/* Reports the offending marks of text[start, end), one line of the notice. */
static int
pwidth_line_run(const struct rule *r, const struct check_ctx *c, size_t start, size_t end)
{
	const struct pwidth *w = r->params;
	const char *text = c->doc->text;
	struct pwidth_line pl;
	struct pwidth_unless u;
	struct diag *d;
	char count[32], marks[40];
	size_t i, k;

	memset(&pl, 0, sizeof(pl));
	u.from = start;
	u.have = false;
	u.done = w->unless == NULL;
	for (i = start; (i = next_ascii(text, i, end)) < end; i++) {
		if (!w->is_mark[(unsigned char)text[i]])
			continue;
		if (!utf8_is_cjk(neighbour(text, i, start, end, -1)) &&
		    !utf8_is_cjk(neighbour(text, i, start, end, +1)))
			continue;
		if (excepted(w, text, end, i, &u))
			continue;
		note_mark(&pl, i, text[i], r->fix_zh != NULL);
	}
	if (pl.count == 0)
		return 0;
	snprintf(count, sizeof(count), "%zu", pl.count);
	for (i = 0, k = 0; i < pl.nseen && k + 3 < sizeof(marks); i++) {
		if (i > 0)
			marks[k++] = ' ';
		marks[k++] = pl.seen[i];
	}
	marks[k] = '\0';
	d = diag_add(c->out, r, pl.first, pl.first + 1, "count", count, "marks", marks, NULL);
	if (d != NULL && r->fix_zh != NULL)
		pwidth_fix(d, text, end, &pl);
	free(pl.at);
	return d == NULL;
}

/* The part of line l to examine: its content less a heading marker (left to the
 * numbering rules) and nothing at all for blank and boilerplate lines. */
static int
line_range(const struct doc *doc, const struct line *l, size_t *start, size_t *end)
{
	if (l->kind == LINE_BLANK || l->kind == LINE_BOILERPLATE)
		return 0;
	*start = l->content.start;
	*end = l->content.end;
	if (l->heading >= 0) {
		const struct heading *h = &doc->headings[l->heading];

		if (h->marker.end > *start && h->marker.end <= *end)
			*start = h->marker.end;
	}
	return *start < *end;
}

struct pwidth_walk {
	const struct rule *r;
	const struct check_ctx *c;
	size_t done_line;       /* lines below this index were already examined */
};

static int
pwidth_span(const struct doc *doc, struct span span, void *ctx)
{
	struct pwidth_walk *wk = ctx;
	size_t li, start, end;

	if (span.start >= span.end)
		return 0;
	li = linemap_line_index(&doc->lines_map, span.start);
	for (; li < doc->nlines && doc->lines[li].span.start < span.end; li++) {
		if (li < wk->done_line)
			continue;
		wk->done_line = li + 1;
		if (!line_range(doc, &doc->lines[li], &start, &end))
			continue;
		if (start < span.start)
			start = span.start;
		if (end > span.end)
			end = span.end;
		if (start < end && pwidth_line_run(wk->r, wk->c, start, end))
			return 1;
	}
	return 0;
}

static void
pwidth_run(const struct rule *r, const struct check_ctx *c)
{
	struct pwidth_walk wk = {r, c, 0};

	(void)check_scope_each(c->doc, r->scope, pwidth_span, &wk);
}

const struct check_type chk_punct_width = {
	"punctuation-width",
	"ASCII punctuation touching Chinese text, one diagnostic per line with the count",
	pwidth_parse,
	pwidth_run,
	pwidth_free,
	"紧挨中文的半角标点，每行报告一次并给出个数",
};
