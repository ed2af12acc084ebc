/* Check type `broken-sentence`: a sentence cut in two by a line or paragraph break, as PDF
 * and web-page extraction leave them (整⏎⏎改). A body paragraph that ends without a
 * terminal mark and is followed, across blank lines only, by a plain text paragraph is
 * reported at the break; headings, titles, fields, signature and contact lines start real
 * paragraphs and are never the continuation. A paragraph broken into several lines (a
 * text hard-wrapped at a fixed width, as web captures leave it) is reported once, at its
 * first break, with `block_message` and the number of breaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "i18n.h"
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
	char *block_zh, *block_en;  /* message for a paragraph broken more than once */
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
	free(p->block_zh);
	free(p->block_en);
	free(p);
}

static int
read_block_message(struct rparam *rp, void *ctx)
{
	struct broken_params *p = ctx;
	int rc = 0;

	if (rp_string(rp, "zh", true, &p->block_zh) != 0)
		rc = -1;
	if (rp_string(rp, "en", true, &p->block_en) != 0)
		rc = -1;
	return rc;
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
	if (rp_map(rp, "block_message", false, read_block_message, p) != 0)
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

/* Reports the break between paragraphs a and b; with count > 1 the paragraph runs on over
 * count breaks to paragraph z, and the block message says so once. Returns nonzero when the
 * per-file cap was reached. */
static int
report_break(const struct rule *r, const struct check_ctx *c, struct span a, struct span b,
		size_t count, struct span z)
{
	const struct broken_params *p = r->params;
	const char *t = c->doc->text;
	size_t last = a.end, bend = fwd_chars(t, b.start, b.end);
	char *before, *after, *msg, n[24], lines[24];
	const char *kv[8];
	struct diag *d;

	utf8_prev(t, &last);
	before = check_text(c->doc, back_chars(t, a.start, a.end), a.end);
	after = check_text(c->doc, b.start, bend);
	if (count > 1 && p->block_zh != NULL) {
		(void)snprintf(n, sizeof(n), "%zu", count);
		(void)snprintf(lines, sizeof(lines), "%zu", count + 1);
		kv[0] = "before";
		kv[1] = before;
		kv[2] = "after";
		kv[3] = after;
		kv[4] = "count";
		kv[5] = n;
		kv[6] = "lines";
		kv[7] = lines;
		msg = i18n_fill(c->out->lang == LANG_EN ? p->block_en : p->block_zh, kv, 8);
		d = diag_add_text(c->out, r->id, r->level, last, a.end, msg);
		free(msg);
	} else {
		d = diag_add(c->out, r, last, a.end, "before", before, "after", after, NULL);
	}
	free(before);
	free(after);
	diag_note(c->out, d, b.start, bend, "下文从此处接续", "the sentence continues here", NULL);
	if (count > 1)
		diag_note(c->out, d, z.start, z.end, "这一段到此结束", "the paragraph ends here", NULL);
	return d == NULL;
}

/* True when paragraph i ends mid-sentence and paragraph i + 1 goes on with it. */
static bool
breaks_after(const struct rule *r, const struct check_ctx *c, size_t i)
{
	const struct doc *doc = c->doc;
	const struct broken_params *p = r->params;
	const struct paragraph *a = &doc->paragraphs[i], *b = &doc->paragraphs[i + 1];
	size_t last;
	uint32_t cp;

	if (a->span.end <= a->span.start || b->span.end <= b->span.start)
		return false;
	/* A table row ends at its last cell, and a row is no continuation. */
	if (!may_break(doc, &doc->lines[a->line]) || doc->lines[b->line].kind != LINE_TEXT ||
	    doc->lines[a->line].table_row || doc->lines[b->line].table_row ||
	    !only_blank_between(doc, a->line, b->line))
		return false;
	last = a->span.end;
	cp = utf8_prev(doc->text, &last);
	return !cpset_has(&p->terminal, cp) && !utf8_is_space(cp) && !starts_fresh(r, c, b->span);
}

static void
broken_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	size_t i, k;

	for (i = 0; i + 1 < doc->nparagraphs; i++) {
		if (!breaks_after(r, c, i))
			continue;
		/* The paragraph runs on while each next line is broken again. */
		for (k = i + 1; k + 1 < doc->nparagraphs && breaks_after(r, c, k); k++)
			;
		if (report_break(r, c, doc->paragraphs[i].span, doc->paragraphs[i + 1].span, k - i,
		    doc->paragraphs[k].span))
			return;
		i = k - 1;
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
