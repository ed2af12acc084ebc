/* Headings of the body: marked lines become struct heading (level, title, run-in, parent);
 * lost group labels are inferred from their siblings, fused markers from their neighbours. */
#include <string.h>
#include "seg.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_LABELS 8

/* What the pre-scan learns about the body's level-2 and level-3 groups. */
struct shape {
	const char *label[MAX_LABELS];  /* "反馈问题" of "（二）反馈问题：…" */
	size_t label_len[MAX_LABELS];
	int nlabels;
	bool dot_then_problem;  /* some "1." group is directly followed by 问题① */
};

/* Records the label before ： in the text of a level-2 heading. */
static void
note_label(struct shape *sh, const char *s, size_t n)
{
	enum field_kind kind;
	size_t len, off;
	int k;

	if (!seg_field_label(s, n, true, &kind, &len, &off) || kind != FIELD_OTHER)
		return;
	for (k = 0; k < sh->nlabels; k++)
		if (sh->label_len[k] == len && memcmp(sh->label[k], s, len) == 0)
			return;
	if (sh->nlabels < MAX_LABELS) {
		sh->label[sh->nlabels] = s;
		sh->label_len[sh->nlabels++] = len;
	}
}

static void
scan_shape(const struct seg *sg, size_t first, size_t last, struct shape *sh)
{
	const struct doc *d = sg->doc;
	size_t i, j, n;
	const char *s;

	memset(sh, 0, sizeof(*sh));
	for (i = first; i <= last && i < d->nlines; i++) {
		if (d->lines[i].kind != LINE_TEXT || sg->marks[i].style == MARK_NONE)
			continue;
		s = seg_content(d, i, &n);
		if (sg->marks[i].style == MARK_CN_PAREN)
			note_label(sh, s + sg->marks[i].len, n - sg->marks[i].len);
		j = seg_next_content(d, i + 1, last + 1);
		if (sg->marks[i].style == MARK_AR_DOT && j <= last &&
		    sg->marks[j].style == MARK_PROBLEM)
			sh->dot_then_problem = true;
	}
}

/* "反馈问题：执行上级决策部署方面": a level-2 group label whose "（一）" was lost. */
static bool
lost_group_label(const struct shape *sh, const char *s, size_t n)
{
	size_t len = 0, off;
	enum field_kind kind;
	int k;

	if (seg_ncp_over(s, n, 40) || seg_has_sentence_end(s, n) ||
	    !seg_field_label(s, n, true, &kind, &len, &off) || off >= n)
		return false;
	for (k = 0; k < sh->nlabels; k++)
		if (sh->label_len[k] == len && memcmp(sh->label[k], s, len) == 0)
			return true;
	return false;
}

/* "财经纪律执行不严格。" directly above 问题①: a level-3 group that lost its "6.". */
static bool
lost_dot_group(const struct seg *sg, const struct shape *sh, size_t i, size_t last)
{
	size_t n, j, len, off, end;
	const char *s = seg_content(sg->doc, i, &n);
	enum field_kind kind;

	if (!sh->dot_then_problem || seg_ncp_over(s, n, 30) || !seg_ends(s, n, "。") ||
	    seg_field_label(s, n, true, &kind, &len, &off))
		return false;
	end = n - strlen("。");
	if (seg_has(s, end, "。") || seg_has(s, end, "，") || seg_has(s, end, ","))
		return false;
	j = seg_next_content(sg->doc, i + 1, last + 1);
	return j <= last && sg->marks[j].style == MARK_PROBLEM && sg->marks[j].ordinal <= 1;
}

/* Level of a fused marker: a sibling of the level-4 run it continues, the first child of
 * a level-3 heading, or the next level-3 heading when its number follows that one's. */
static void
fused_level(const struct doc *d, const int last[6], struct marker *m)
{
	int h3 = last[3], h4 = last[4];
	const struct heading *prev = d->nheadings ? &d->headings[d->nheadings - 1] : NULL;

	if (h4 >= 0 && d->headings[h4].ordinal == m->ordinal - 1)
		return;
	if (m->ordinal == 1 && prev != NULL && prev->level == 3)
		return;
	if (h3 >= 0 && h4 < 0 && d->headings[h3].ordinal == m->ordinal - 1) {
		m->style = MARK_AR_DOT;
		m->level = 3;
	}
}

/* True when text after a heading's title is more than white space and status tags. */
static bool
has_body(const char *s, size_t n)
{
	size_t i = seg_skip_space(s, n, 0), a, b;

	while (i < n && seg_find_tag(s, n, i, &a, &b) && a == i)
		i = seg_skip_space(s, n, b);
	return i < n;
}

/* Title (up to the first 。 or a colon that opens body text) and the run-in flag. */
static void
heading_title(const char *text, struct heading *h)
{
	const char *s = text + h->text.start;
	size_t n = h->text.end - h->text.start, i = 0, rest;
	uint32_t cp;

	h->title = h->text;
	while (i < n) {
		cp = utf8_next(s, n, &i);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
			h->title.end = h->text.start + i;
			if (has_body(s + i, n - i))
				h->flags |= HEAD_RUN_IN;
			return;
		}
		if (cp == 0xFF1A || cp == ':') {
			rest = n - i;
			if (seg_ends_terminal(s + i, rest) || seg_has_sentence_end(s + i, rest) ||
			    seg_ncp_over(s + i, rest, 29)) {
				h->title.end = h->text.start + i;
				h->flags |= HEAD_RUN_IN;
			}
			return;
		}
	}
}

static void
add_heading(struct doc *d, size_t i, const struct marker *m, int last[6], size_t *cap)
{
	struct line *l = &d->lines[i];
	struct heading *h;
	int k, idx = (int)d->nheadings;

	d->headings = xgrow(d->headings, cap, d->nheadings + 1, sizeof(*d->headings));
	h = &d->headings[d->nheadings++];
	memset(h, 0, sizeof(*h));
	h->line = i;
	h->marker.start = l->content.start;
	h->marker.end = l->content.start + m->token_len;
	h->text.start = l->content.start + m->len;
	h->text.end = l->content.end;
	h->style = m->style;
	h->level = m->level;
	h->ordinal = m->ordinal;
	h->flags = m->flags;
	heading_title(d->text, h);
	h->parent = -1;
	for (k = m->level - 1; k >= 1 && h->parent < 0; k--)
		h->parent = last[k];
	last[m->level] = idx;
	for (k = m->level + 1; k <= 5; k++)
		last[k] = -1;
	l->kind = LINE_HEADING;
	l->heading = idx;
}

/* The marker of line i, inferred for an unmarked group label; MARK_NONE if none. */
static struct marker
line_marker(const struct seg *sg, const struct shape *sh, size_t i, size_t last)
{
	struct marker m = sg->marks[i];
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	if (m.style != MARK_NONE)
		return m;
	if (lost_group_label(sh, s, n)) {
		m.style = MARK_CN_PAREN;
		m.level = 2;
		m.flags = HEAD_NO_ORDINAL;
	} else if (lost_dot_group(sg, sh, i, last)) {
		m.style = MARK_AR_DOT;
		m.level = 3;
		m.flags = HEAD_NO_ORDINAL;
	}
	return m;
}

void
seg_headings(struct seg *sg, size_t first, size_t last)
{
	struct doc *d = sg->doc;
	struct shape sh;
	struct marker m;
	int lastlev[6] = {-1, -1, -1, -1, -1, -1};
	size_t i, cap = 0;

	if (first > last || d->nlines == 0)
		return;
	scan_shape(sg, first, last, &sh);
	for (i = first; i <= last && i < d->nlines; i++) {
		if (d->lines[i].kind != LINE_TEXT)
			continue;
		m = line_marker(sg, &sh, i, last);
		if (m.style == MARK_NONE)
			continue;
		if (m.flags & HEAD_FUSED)
			fused_level(d, lastlev, &m);
		add_heading(d, i, &m, lastlev, &cap);
	}
}
