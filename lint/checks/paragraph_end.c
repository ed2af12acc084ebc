/* Check type `paragraph-end`: a prose paragraph that ends without terminal punctuation.
 * Headings without run-in text, title block, signature, date, contact and field label lines
 * and paragraphs cut by an extraction break (reported by `broken-sentence`) or by the end of
 * a truncated text (reported by the `cut` scope) are left alone. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* Characters quoted before the end in the message. */
#define CONTEXT_CHARS 12

struct pe_params {
	struct cpset terminal;  /* marks a paragraph may end with */
};

static void
pe_free(void *params)
{
	struct pe_params *p = params;

	if (p == NULL)
		return;
	cpset_free(&p->terminal);
	free(p);
}

static int
pe_parse(struct rule *r, struct rparam *rp)
{
	struct pe_params *p = xcalloc(1, sizeof(*p));

	r->params = p;
	return check_parse_cpset(rp, "terminal", check_terminal_marks, &p->terminal);
}

/* True when span s holds a mark that separates clauses, so it is prose, not a label line;
 * with enums false a 、 does not count (电话：12388、0839-5526178 lists, it does not say). */
static bool
has_clause_mark(const char *t, struct span s, bool enums)
{
	static const uint32_t marks[] = {0xFF0C, 0x3002, 0xFF1B, ',', ';', 0x3001};
	size_t i = s.start, k, nmarks = sizeof(marks) / sizeof(marks[0]) - (enums ? 0 : 1);
	uint32_t cp;

	while (i < s.end) {
		cp = utf8_next(t, s.end, &i);
		for (k = 0; k < nmarks; k++)
			if (cp == marks[k])
				return true;
	}
	return false;
}

/* True when the paragraph on line l is prose that should end with a terminal mark. */
static bool
is_prose(const struct doc *doc, const struct line *l)
{
	const struct heading *h;

	if (l->table_row)
		return false;   /* table cells are no sentences */
	switch (l->kind) {
	case LINE_TEXT:
		return true;
	case LINE_FIELD:
		return has_clause_mark(doc->text, l->content, true);
	case LINE_CONTACT:
		return has_clause_mark(doc->text, l->content, false);
	case LINE_HEADING:
		if (l->heading < 0)
			return false;
		h = &doc->headings[l->heading];
		return (h->flags & HEAD_RUN_IN) != 0 && h->title.end < h->text.end;
	default:
		return false;
	}
}

static void
pe_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct pe_params *p = r->params;
	const struct paragraph *pa;
	size_t i, last, from, n;
	uint32_t cp;
	char *tail;

	for (i = 0; i < doc->nparagraphs; i++) {
		pa = &doc->paragraphs[i];
		if (pa->span.end <= pa->span.start || pa->broken_after ||
		    !is_prose(doc, &doc->lines[pa->line]))
			continue;
		/* A text cut mid-sentence: the cut is reported at its last line (TXT-007). */
		if (doc->cut.present && pa->span.end == doc->cut.at.end)
			continue;
		last = pa->span.end;
		cp = utf8_prev(doc->text, &last);
		if (cpset_has(&p->terminal, cp))
			continue;
		from = pa->span.end;
		for (n = 0; n < CONTEXT_CHARS && from > pa->span.start; n++)
			utf8_prev(doc->text, &from);
		tail = check_text(doc, from, pa->span.end);
		if (diag_add(c->out, r, last, pa->span.end, "tail", tail, NULL) == NULL) {
			free(tail);
			return;
		}
		free(tail);
	}
}

const struct check_type chk_paragraph_end = {
	"paragraph-end",
	"reports a prose paragraph that ends without terminal punctuation",
	pe_parse,
	pe_run,
	pe_free,
	"报告没有以句末标点结尾的叙述性段落",
};
