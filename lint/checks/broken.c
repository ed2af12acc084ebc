/* Check type `broken-sentence`: a sentence cut in two by a line or paragraph break, as PDF
 * and web-page extraction leave them (整⏎⏎改). A body paragraph that ends without a
 * terminal mark and is followed, across blank lines only, by a plain text paragraph is
 * reported at the break; headings, titles, fields, signature and contact lines start real
 * paragraphs and are never the continuation. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* Characters quoted around the break in the message. */
#define CONTEXT_CHARS 10

struct broken_params {
	struct cpset terminal;    /* marks a paragraph may end with */
	struct regex **fresh;     /* a next paragraph starting with a match is a new one */
	size_t nfresh;
};

static void
broken_free(void *params)
{
	struct broken_params *p = params;
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nfresh; i++)
		regex_free(p->fresh[i]);
	free(p->fresh);
	cpset_free(&p->terminal);
	free(p);
}

static int
broken_parse(struct rule *r, struct rparam *rp)
{
	struct broken_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	if (check_parse_cpset(rp, "terminal", check_terminal_marks, &p->terminal) != 0)
		rc = -1;
	if (rp_regexes(rp, "fresh", false, &p->fresh, &p->nfresh) != 0)
		rc = -1;
	return rc;
}

/* True when line l may hold the first half of a broken sentence. */
static bool
may_break(const struct doc *doc, const struct line *l)
{
	if (l->kind == LINE_TEXT || l->kind == LINE_FIELD)
		return true;
	return l->kind == LINE_HEADING && l->heading >= 0 &&
	    (doc->headings[l->heading].flags & HEAD_RUN_IN) != 0;
}

/* True when only blank lines stand between lines a and b. */
static bool
only_blank_between(const struct doc *doc, size_t a, size_t b)
{
	size_t i;

	for (i = a + 1; i < b; i++)
		if (doc->lines[i].kind != LINE_BLANK)
			return false;
	return true;
}

/* True when a `fresh` pattern matches at the very start of span s. */
static bool
starts_fresh(const struct rule *r, const struct check_ctx *c, struct span s)
{
	const struct broken_params *p = r->params;
	struct regex_match m;
	size_t i;
	int rc;

	for (i = 0; i < p->nfresh; i++) {
		rc = regex_find(p->fresh[i], c->doc->text, s.start, s.end, &m);
		if (rc < 0)
			check_regex_limit(c, r, s.start);
		if (rc == 1 && m.start == s.start)
			return true;
	}
	return false;
}

/* Offset CONTEXT_CHARS characters before end (not before start). */
static size_t
back_chars(const char *t, size_t start, size_t end)
{
	size_t i = end, n = 0;

	while (i > start && n < CONTEXT_CHARS) {
		utf8_prev(t, &i);
		n++;
	}
	return i < start ? start : i;
}

/* Offset CONTEXT_CHARS characters after start (not past end). */
static size_t
fwd_chars(const char *t, size_t start, size_t end)
{
	size_t i = start, n = 0;

	while (i < end && n < CONTEXT_CHARS) {
		utf8_next(t, end, &i);
		n++;
	}
	return i;
}

static int
report_break(const struct rule *r, const struct check_ctx *c, struct span a, struct span b)
{
	const char *t = c->doc->text;
	size_t last = a.end, bend = fwd_chars(t, b.start, b.end);
	char *before, *after;
	struct diag *d;

	utf8_prev(t, &last);
	before = check_text(c->doc, back_chars(t, a.start, a.end), a.end);
	after = check_text(c->doc, b.start, bend);
	d = diag_add(c->out, r, last, a.end, "before", before, "after", after, NULL);
	free(before);
	free(after);
	diag_note(c->out, d, b.start, bend, "下文从此处接续", "the sentence continues here", NULL);
	return d == NULL;
}

static void
broken_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct broken_params *p = r->params;
	const struct paragraph *a, *b;
	size_t i, last;
	uint32_t cp;

	for (i = 0; i + 1 < doc->nparagraphs; i++) {
		a = &doc->paragraphs[i];
		b = &doc->paragraphs[i + 1];
		if (a->span.end <= a->span.start || b->span.end <= b->span.start)
			continue;
		/* A table row ends at its last cell, and a row is no continuation. */
		if (!may_break(doc, &doc->lines[a->line]) || doc->lines[b->line].kind != LINE_TEXT ||
		    doc->lines[a->line].table_row || doc->lines[b->line].table_row ||
		    !only_blank_between(doc, a->line, b->line))
			continue;
		last = a->span.end;
		cp = utf8_prev(doc->text, &last);
		if (cpset_has(&p->terminal, cp) || utf8_is_space(cp) || starts_fresh(r, c, b->span))
			continue;
		if (report_break(r, c, a->span, b->span))
			return;
	}
}

const struct check_type chk_broken_sentence = {
	"broken-sentence",
	"reports a sentence split across lines or paragraphs by text extraction",
	broken_parse,
	broken_run,
	broken_free,
	"报告因文本提取而被断行或分段拆开的句子",
};
