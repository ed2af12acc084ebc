/* Problem items and their labelled fields: the leaf headings of the per-problem section
 * (the level-1 section richest in status fields), with their 整改… fields and status. */
#include <stdlib.h>
#include <string.h>
#include "bytefind.h"
#include "seg.h"
#include "xalloc.h"

/* Words of a level-1 heading that announce the closing plans rather than the problems. */
static const char *const plan_words[] = {"打算", "下一步", "下步", "工作安排", "巩固"};

/* Growth state of the item and field arrays. */
struct item_build {
	struct seg *sg;
	bool *has_child;      /* per heading: has a non-circled child heading */
	size_t first, end;    /* the per-problem section's lines [first, end) */
	int level;            /* the most common level of item headings */
	size_t icap, fcap;
};

static bool
is_circled(const struct doc *d, int h)
{
	return h >= 0 && d->headings[h].style == MARK_CIRCLED;
}

/* True when line i ends an item: a heading other than a circled enumeration. */
static bool
breaks_item(const struct doc *d, size_t i)
{
	return d->lines[i].kind == LINE_HEADING && !is_circled(d, d->lines[i].heading);
}

static bool
is_field_line(const struct doc *d, size_t i, bool other)
{
	size_t n, len, off;
	enum field_kind kind;
	const char *s = seg_content(d, i, &n);

	return d->lines[i].kind == LINE_TEXT && seg_field_label(s, n, other, &kind, &len, &off);
}

/* Score of the section of lines [a, b) opened by heading h (or -1 for the whole body). */
static long
section_score(const struct item_build *b, int h, size_t a, size_t e)
{
	const struct doc *d = b->sg->doc;
	long score = 0;
	size_t i, n, x, y, k;
	const char *s;

	for (i = a; i < e; i++) {
		if (!seg_is_content(d, i))
			continue;
		s = seg_content(d, i, &n);
		if (is_field_line(d, i, false))
			score += 4;
		for (k = 0; seg_find_tag(s, n, k, &x, &y); k = y)
			score += 4;
		if (d->lines[i].heading >= 0 && d->lines[i].heading != h &&
		    !is_circled(d, d->lines[i].heading) && !b->has_child[d->lines[i].heading])
			score++;
	}
	if (h < 0)
		return score;
	if (d->headings[h].role == PART_ORGANISING || d->headings[h].role == PART_FORWARD)
		return score - 1000;
	s = d->text + d->headings[h].text.start;
	n = d->headings[h].text.end - d->headings[h].text.start;
	for (k = 0; k < sizeof(plan_words) / sizeof(plan_words[0]); k++)
		if (seg_has(s, n, plan_words[k]))
			return score - 1000;
	if (seg_has(s, n, "问题") || seg_has(s, n, "反馈"))
		score += 2;
	return score;
}

/* True when the top-level parts are all organising or forward ones (两个组织整改部分). */
static bool
no_problem_part(const struct doc *d)
{
	size_t h;
	bool any = false;

	for (h = 0; h < d->nheadings; h++) {
		if (d->headings[h].role == PART_PROBLEM)
			return false;
		if (d->headings[h].role != PART_NONE)
			any = true;
	}
	return any;
}

/* Picks the per-problem section among the level-1 sections of [first, end). */
static void
problem_section(struct item_build *b, size_t first, size_t end)
{
	const struct doc *d = b->sg->doc;
	size_t h, e, k;
	long best = 0, sc;
	bool any = false;

	b->first = b->end = first;
	for (h = 0; h < d->nheadings; h++) {
		if (d->headings[h].level != 1)
			continue;
		any = true;
		for (k = h + 1; k < d->nheadings && d->headings[k].level != 1; k++)
			;
		e = k < d->nheadings ? d->headings[k].line : end;
		sc = section_score(b, (int)h, d->headings[h].line, e);
		if (sc > best) {
			best = sc;
			b->first = d->headings[h].line;
			b->end = e;
		}
		h = k - 1;
	}
	if (!any && !no_problem_part(d)) {
		b->first = first;
		b->end = end;
	}
}

/* True when heading h opens an item: a leaf followed by body text or fields. */
static bool
is_item_heading(const struct item_build *b, size_t h)
{
	const struct doc *d = b->sg->doc;
	const struct heading *hd = &d->headings[h];
	size_t j;

	if (hd->line < b->first || hd->line >= b->end || hd->style == MARK_CIRCLED ||
	    b->has_child[h] || hd->level == 1)
		return false;
	if (hd->flags & HEAD_RUN_IN)
		return true;
	j = seg_next_content(d, hd->line + 1, b->end);
	return j < b->end && !breaks_item(d, j);
}

/* The most common level among item headings. */
static int
item_level(const struct item_build *b)
{
	const struct doc *d = b->sg->doc;
	int count[6] = {0}, best = 0, k;
	size_t h;

	for (h = 0; h < d->nheadings; h++)
		if (is_item_heading(b, h))
			count[d->headings[h].level]++;
	for (k = 1; k <= 5; k++)
		if (count[k] > count[best])
			best = k;
	return best;
}

static struct field *
new_field(struct item_build *b, size_t line, enum field_kind kind)
{
	struct doc *d = b->sg->doc;
	struct field *f;

	d->fields = xgrow(d->fields, &b->fcap, d->nfields + 1, sizeof(*d->fields));
	f = &d->fields[d->nfields++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->line = line;
	f->item = (int)d->nitems - 1;
	return f;
}

/* Adds a FIELD_TAG for every status tag in text[a, e) of line i. */
static void
add_tags(struct item_build *b, size_t i, size_t a, size_t e)
{
	const char *text = b->sg->doc->text;
	size_t k = 0, x, y;
	struct field *f;

	while (seg_find_tag(text + a, e - a, k, &x, &y)) {
		f = new_field(b, i, FIELD_TAG);
		f->label.start = a + x;
		f->label.end = a + y;
		f->value.start = a + x + strlen("【");
		f->value.end = a + y - strlen("】");
		k = y;
	}
}

/* Offset in text[a, e) just past the 。 or ； that a further known label follows
 * (……专题研讨4次。整改进展：已完成。), or e. */
static size_t
next_label(const char *text, size_t a, size_t e)
{
	enum field_kind kind;
	const unsigned char *u = (const unsigned char *)text;
	size_t i = a, at, len, off;

	/* 。 is E3 80 82 and ； EF BC 9B; a lead byte is never inside another character. */
	while ((i = bytefind2(text, i, e, 0xE3, 0xEF)) < e) {
		if (e - i < 3 || !((u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x82) ||
		    (u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] == 0x9B))) {
			i++;
			continue;
		}
		i += 3;
		at = i + seg_skip_space(text + i, e - i, 0);
		if (seg_starts(text + at, e - at, "**"))
			at += 2;   /* Markdown bold around the label: **整改进展：** */
		if (at < e && seg_field_label(text + at, e - at, false, &kind, &len, &off))
			return i;
	}
	return e;
}

/* Adds the field "标签：值" at text[a, e) of line i if there is one, and each further
 * known field that follows a sentence end on the line; returns 1 if any was added. */
static int
add_label_field(struct item_build *b, size_t i, size_t a, size_t e, bool other)
{
	const char *text = b->sg->doc->text;
	enum field_kind kind;
	size_t len, off, end;
	struct field *f;

	if (!seg_field_label(text + a, e - a, other, &kind, &len, &off))
		return 0;
	for (;;) {
		f = new_field(b, i, kind);
		f->label.start = a;
		f->label.end = a + len;
		f->value.start = a + off;
		end = next_label(text, a + off, e);
		f->value.end = end;
		if (end == e)
			return 1;
		a = end + seg_skip_space(text + end, e - end, 0);
		if (seg_starts(text + a, e - a, "**"))
			a += 2;
		(void)seg_field_label(text + a, e - a, false, &kind, &len, &off);
	}
}

/* Fields of the item's heading line: a run-in field after the title, status tags. */
static void
heading_fields(struct item_build *b, const struct heading *h)
{
	size_t a = h->title.end;

	if (h->flags & HEAD_RUN_IN) {
		a += seg_skip_space(b->sg->doc->text + a, h->text.end - a, 0);
		if (seg_starts(b->sg->doc->text + a, h->text.end - a, "**"))
			a += 2;   /* Markdown bold around the label: **整改情况：** */
		add_label_field(b, h->line, a, h->text.end, false);
	}
	add_tags(b, h->line, h->text.start, h->text.end);
}

/* Fields of a body line of an item. */
static void
line_fields(struct item_build *b, size_t i)
{
	struct line *l = &b->sg->doc->lines[i];

	if (l->kind != LINE_TEXT)
		return;
	if (add_label_field(b, i, l->content.start, l->content.end, true))
		l->kind = LINE_FIELD;
	add_tags(b, i, l->content.start, l->content.end);
}

/* Status of the item from its first status-bearing field. */
static void
item_status(struct doc *d, struct item *it)
{
	size_t k;
	const struct field *f;
	enum item_status st;

	it->status = STATUS_NONE;
	it->status_field = -1;
	for (k = it->first_field; k < it->first_field + it->nfields; k++) {
		f = &d->fields[k];
		if (f->kind == FIELD_SITUATION || f->kind == FIELD_OTHER)
			continue;
		st = seg_status(d->text + f->value.start, f->value.end - f->value.start);
		if (st != STATUS_NONE) {
			it->status = st;
			it->status_field = (int)k;
			return;
		}
	}
	it->status = seg_status_sentence(d->text, it->span, &it->status_sentence);
}

/* Problem statement of heading h: its title when a labelled field runs on after it on the
 * line (1.关于……的问题。整改情况：……), else its text without trailing status tags. */
static struct span
heading_statement(const struct doc *d, const struct heading *h)
{
	struct span sp = h->text;
	const char *s = d->text + sp.start;
	size_t n = sp.end - sp.start, x, y, a, len, off;
	enum field_kind kind;

	if (h->flags & HEAD_RUN_IN) {
		a = h->title.end + seg_skip_space(d->text + h->title.end, h->text.end - h->title.end, 0);
		if (seg_starts(d->text + a, h->text.end - a, "**"))
			a += 2;
		if (seg_field_label(d->text + a, h->text.end - a, false, &kind, &len, &off))
			return h->title;
	}

	if (seg_find_tag(s, n, 0, &x, &y) && seg_skip_space(s, n, y) == n) {
		sp.end = sp.start + x;
		while (sp.end > sp.start && (d->text[sp.end - 1] == ' '))
			sp.end--;
	}
	return sp;
}

/* Opens an item at heading h; the statement is the next paragraph when h is a group
 * heading above the items' level whose next paragraph is followed by a field. */
static struct item *
open_item(struct item_build *b, size_t h)
{
	struct doc *d = b->sg->doc;
	const struct heading *hd = &d->headings[h];
	struct item *it;
	size_t j, k;

	d->items = xgrow(d->items, &b->icap, d->nitems + 1, sizeof(*d->items));
	it = &d->items[d->nitems++];
	memset(it, 0, sizeof(*it));
	it->heading = (int)h;
	it->first_line = hd->line;
	it->first_field = d->nfields;
	it->statement = heading_statement(d, hd);
	j = seg_next_content(d, hd->line + 1, b->end);
	if (hd->level < b->level && j < b->end && d->lines[j].kind == LINE_TEXT &&
	    !is_field_line(d, j, true)) {
		k = seg_next_content(d, j + 1, b->end);
		if (k < b->end && is_field_line(d, k, false)) {
			it->statement = d->lines[j].content;
			it->statement_para = true;
		}
	}
	return it;
}

static void
build_item(struct item_build *b, size_t h)
{
	struct doc *d = b->sg->doc;
	struct item *it = open_item(b, h);
	size_t i, last = d->headings[h].line;

	heading_fields(b, &d->headings[h]);
	for (i = last + 1; i < b->end && !breaks_item(d, i); i++) {
		if (!seg_is_content(d, i))
			continue;
		last = i;
		line_fields(b, i);
	}
	it = &d->items[d->nitems - 1];
	it->last_line = last;
	it->nfields = d->nfields - it->first_field;
	it->span.start = d->lines[it->first_line].content.start;
	it->span.end = d->lines[last].content.end;
	item_status(d, it);
}

void
seg_items(struct seg *sg)
{
	struct doc *d = sg->doc;
	struct item_build b;
	size_t h, first = seg_next_content(d, sg->title_end, sg->body_end);

	memset(&b, 0, sizeof(b));
	b.sg = sg;
	b.has_child = xcalloc(d->nheadings + 1, sizeof(*b.has_child));
	for (h = 0; h < d->nheadings; h++)
		if (d->headings[h].parent >= 0 && d->headings[h].style != MARK_CIRCLED)
			b.has_child[d->headings[h].parent] = true;
	problem_section(&b, first, sg->body_end);
	b.level = item_level(&b);
	for (h = 0; h < d->nheadings; h++)
		if (is_item_heading(&b, h))
			build_item(&b, h);
	free(b.has_child);
}
