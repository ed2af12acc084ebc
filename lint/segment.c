/* Text to document model: the driver of the segmenter, paragraphs, intro and body range.
 *
 * The notice grammar as segment_build reads it. The genre writes one paragraph per line;
 * blank lines and web page chrome (seg_role.c: breadcrumbs, 发布时间/来源/浏览次数, 字号,
 * 信息索引号, footers with 主办/承办/网站标识码/ICP备, 上一篇/下一篇, e-paper markers)
 * separate nothing and are set aside first. Then position adds to content: the title is
 * the first line in the opening window that reads as one by the genre formula (seg_block.c),
 * the short lines above it and between it and the intro are page residue, a copy of the
 * title below it is a repetition (seg_open.c); the top-level parts get their roles and a
 * text that stops mid-sentence gets its cut (seg_part.c).
 *
 *   notice      := chrome* title-block? residue* body end-block? chrome*
 *   title-block := issuer-line{0,4} title-line title-cont? subtitle?
 *   issuer-line := organisation name(s) ending in 党组/党委/委员会/局/…, no punctuation
 *                  ("中共平江县卫生健康局党组"; "# 中共乐山市…党组" with Markdown)
 *   title-line  := no sentence punctuation; contains 关于 or ends in 通报/报告/通知/情况;
 *                  organisations before 关于 are issuers too ("A党组 B党组关于…通报")
 *   title-cont  := a short line ending in 通报 that completes a title broken in two
 *   subtitle    := a short bracketed marker: "(社会公开稿)"
 *   body        := intro? (heading | paragraph)*
 *   intro       := the first body paragraph before any heading (根据…统一部署…)
 *   heading     := marker text
 *   marker      := 一、 (level 1) | （一） (一) (2) | 1. 1、 (3) | （1） (1) 1) (4)
 *                | ① | 问题① 问题： (5) | ")" (2, lost "(二") | "2三救…" (fused, 3 or 4)
 *                | none: "反馈问题：…方面" shaped like its （二）… siblings (2), or a
 *                  short sentence directly above 问题① where siblings read "N.…" (3)
 *   section     := a level-1 heading and what follows up to the next one; the
 *                  per-problem section is the one with the most fields and leaf headings
 *                  (sections about 打算/下一步/巩固 never)
 *   item        := a leaf heading of the per-problem section (① enumerations aside) that
 *                  is followed by body text or fields; it runs to the next such heading
 *   field       := label ("：" | ":") value, label one of 整改结果 整改情况 整改进展情况
 *                  整改落实情况 整改进度 整改状态 (or any 2–8 Han inside an item)
 *                | 【status tag】 such as 【已完成整改】
 *   end-block   := contact* (issuer-line* date-line?) contact*   (read from the end)
 *   contact     := a line with 欢迎…监督 or a contact label (联系电话： 电子邮箱： …)
 *   date-line   := 2025年12月26日 | 二〇二五年十二月二十六日 | 20251212 | 2025-12-12
 *
 * Every pass is linear in the text: each line is looked at a bounded number of times. */
#include <stdlib.h>
#include <string.h>
#include "facts.h"
#include "segment.h"
#include "seg.h"
#include "xalloc.h"

static bool
is_markdown_path(const char *path)
{
	size_t n = path ? strlen(path) : 0;

	return n >= 3 && path[n - 3] == '.' && (path[n - 2] | 0x20) == 'm' &&
	    (path[n - 1] | 0x20) == 'd';
}

/* Marker of every content line, looked up once. */
static void
parse_marks(struct seg *sg)
{
	struct doc *d = sg->doc;
	size_t i, n;
	const char *s;

	sg->marks = xcalloc(d->nlines, sizeof(*sg->marks));
	for (i = 0; i < d->nlines; i++) {
		if (!seg_is_content(d, i))
			continue;
		s = seg_content(d, i, &n);
		numbering_parse(s, n, &sg->marks[i]);
	}
}

/* Body: the content lines from first up to the end block. */
static void
set_body(struct doc *d, size_t first, size_t end)
{
	size_t last = seg_prev_content(d, first, end);

	if (last == SEG_NONE) {
		d->body_first = 1;
		d->body_last = 0;
		return;
	}
	d->body_first = first;
	d->body_last = last;
}

/* True when a paragraph on line i may continue in the next one: body text, a run-in
 * heading or a field with a value (contact lines are separate labelled entries). */
static bool
may_continue(const struct doc *d, size_t i)
{
	const struct line *l = &d->lines[i];
	size_t n, len, off;
	enum field_kind kind;
	const char *s = seg_content(d, i, &n);

	if (l->table_row)
		return false;   /* a row ends at its last cell */
	switch (l->kind) {
	case LINE_TEXT:
		return true;
	case LINE_HEADING:
		return (d->headings[l->heading].flags & HEAD_RUN_IN) != 0;
	case LINE_FIELD:
		return seg_field_label(s, n, true, &kind, &len, &off) && off < n;
	default:
		return false;
	}
}

/* True when paragraph k ends mid-sentence and paragraph k + 1 carries on. */
static bool
is_broken(const struct doc *d, size_t k)
{
	const struct paragraph *p = &d->paragraphs[k];
	enum line_kind next;

	if (k + 1 >= d->nparagraphs || !may_continue(d, p->line))
		return false;
	next = d->lines[d->paragraphs[k + 1].line].kind;
	if (next != LINE_TEXT || d->lines[d->paragraphs[k + 1].line].table_row)
		return false;
	return !seg_ends_terminal(d->text + p->span.start, p->span.end - p->span.start);
}

static void
build_paragraphs(struct doc *d)
{
	size_t i, k, n = 0;

	for (i = 0; i < d->nlines; i++)
		if (seg_is_content(d, i))
			n++;
	d->paragraphs = xcalloc(n + 1, sizeof(*d->paragraphs));
	for (i = 0; i < d->nlines; i++) {
		if (!seg_is_content(d, i))
			continue;
		d->lines[i].paragraph = (int)d->nparagraphs;
		d->paragraphs[d->nparagraphs].span = d->lines[i].content;
		d->paragraphs[d->nparagraphs++].line = i;
	}
	for (k = 0; k < d->nparagraphs; k++)
		d->paragraphs[k].broken_after = is_broken(d, k);
}

/* True when heading h opens a general-situation part (一、总体情况 / 基本情况) whose first
 * paragraph carries the intro facts. */
static bool
is_overview_heading(const struct doc *d, int h)
{
	const struct heading *hd = &d->headings[h];
	const char *s = d->text + hd->text.start;
	size_t n = hd->text.end - hd->text.start;

	return !seg_ncp_over(s, n, 20) && (seg_has(s, n, "总体情况") || seg_has(s, n, "基本情况") ||
	    seg_has(s, n, "整体情况") || seg_has(s, n, "总体概况"));
}

/* The last paragraph of the opening from paragraph k on: up to two more unheaded
 * paragraphs of body text directly after it. */
static int
opening_end(const struct doc *d, int k)
{
	int last = k, more;
	size_t i;

	for (more = 0; more < 2 && (size_t)last + 1 < d->nparagraphs; more++) {
		i = d->paragraphs[last + 1].line;
		if (i > d->body_last || d->lines[i].kind != LINE_TEXT)
			break;
		last++;
	}
	return last;
}

/* The intro: the first body paragraph, if it comes before any heading; else the first
 * paragraph of a leading 总体情况/基本情况 part. */
static void
find_intro(struct doc *d)
{
	size_t i;

	d->intro = -1;
	d->intro_last = -1;
	for (i = d->body_first; i <= d->body_last && i < d->nlines; i++) {
		if (d->lines[i].kind == LINE_HEADING) {
			if (d->lines[i].heading < 0 || !is_overview_heading(d, d->lines[i].heading))
				return;
			i = seg_next_content(d, i + 1, d->body_last + 1);
			if (i <= d->body_last && d->lines[i].kind == LINE_TEXT)
				break;
			return;
		}
		if (d->lines[i].kind == LINE_TEXT)
			break;
	}
	if (i > d->body_last || i >= d->nlines)
		return;
	d->intro = d->lines[i].paragraph;
	d->intro_last = opening_end(d, d->intro);
}

/* Occurrences of w in [sp.start, sp.end) of s. */
static size_t
occurrences(const char *s, struct span sp, const char *w)
{
	size_t n = 0, i = sp.start, k;

	while (i < sp.end && (k = seg_find(s + i, sp.end - i, w)) != SEG_NONE) {
		n++;
		i += k + strlen(w);
	}
	return n;
}

/* Occurrences of 巡视 (or its traditional form 巡視) and of 巡察 in sp: *shi and *cha. */
static void
count_words(const char *s, struct span sp, size_t *shi, size_t *cha)
{
	*shi = occurrences(s, sp, "巡视") + occurrences(s, sp, "巡視");
	*cha = occurrences(s, sp, "巡察");
}

/* Sets doc->xunshi from the word the title uses for the inspection, or the intro's when
 * the title names neither. */
static void
find_word(struct doc *doc)
{
	struct span t = doc->title.present ? doc->title.text : (struct span){0, 0};
	size_t shi, cha;

	count_words(doc->text, t, &shi, &cha);
	if (shi == 0 && cha == 0 && doc->intro >= 0)
		count_words(doc->text, doc->paragraphs[doc->intro].span, &shi, &cha);
	doc->xunshi = shi > cha;
}

void
segment_build(struct doc *doc, const char *path, const char *text, size_t len)
{
	struct seg sg;
	size_t first;

	doc->path = path;
	doc->text = text != NULL ? text : "";
	doc->len = text != NULL ? len : 0;
	doc->markdown_input = is_markdown_path(path);
	doc->intro = -1;
	doc->intro_last = -1;
	seg_lines(doc);
	memset(&sg, 0, sizeof(sg));
	sg.doc = doc;
	parse_marks(&sg);
	seg_title(&sg);
	seg_opening(&sg);
	first = seg_next_content(doc, sg.title_end, doc->nlines);
	seg_end_block(&sg, first);
	set_body(doc, first, sg.body_end);
	if (doc->body_first <= doc->body_last)
		seg_headings(&sg, doc->body_first, doc->body_last);
	seg_part_roles(&sg);
	seg_items(&sg);
	build_paragraphs(doc);
	find_intro(doc);
	find_word(doc);
	seg_parts(doc);
	seg_cut(doc);
	free(sg.marks);
}

int
doc_statement_at(const struct doc *doc, size_t off)
{
	size_t lo = 0, hi = doc->nitems, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (doc->items[mid].statement.start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && off < doc->items[lo - 1].statement.end ? (int)(lo - 1) : -1;
}

void
doc_free(struct doc *doc)
{
	free(doc->lines);
	free(doc->paragraphs);
	free(doc->headings);
	free(doc->items);
	free(doc->fields);
	free(doc->parts);
	doc->parts = NULL;
	doc->nparts = 0;
	linemap_free(&doc->lines_map);
	facts_free(doc->facts);
	doc->facts = NULL;
	doc->lines = NULL;
	doc->paragraphs = NULL;
	doc->headings = NULL;
	doc->items = NULL;
	doc->fields = NULL;
	doc->nlines = doc->nparagraphs = doc->nheadings = doc->nitems = doc->nfields = 0;
}
