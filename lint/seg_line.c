/* The line table of the model: spans, content without white space and Markdown decoration,
 * and the web boilerplate lines that every later pass sets aside. */
#include <string.h>
#include "prevcp.h"
#include "seg.h"
#include "utf8.h"
#include "xalloc.h"

/* Narrows [*a, *b) of text to exclude white space at both ends. */
static void
trim(const char *text, size_t *a, size_t *b)
{
	size_t k;

	while (*a < *b) {
		k = *a;
		if (!seg_is_blank_cp(utf8_next(text, *b, &k)))
			break;
		*a = k;
	}
	while (*b > *a) {
		k = *b;
		if (!seg_is_blank_cp(prevcp(text, &k)) || k < *a)
			break;
		*b = k;
	}
}

/* Strips a leading "#"+ run that is followed by white space: "### 一、…". */
static void
strip_md_heading(const char *text, struct line *l)
{
	size_t a = l->content.start, b = l->content.end, i = a;

	while (i < b && text[i] == '#')
		i++;
	if (i == a || (i < b && text[i] != ' ' && text[i] != '\t'))
		return;
	l->md_heading = (int)(i - a);
	l->content.start = i;
	trim(text, &l->content.start, &l->content.end);
}

/* Drops "**" when it wraps the whole line or opens a bold label ("**整改情况：**…"). */
static void
strip_md_bold(const char *text, struct line *l)
{
	const char *s = text + l->content.start;
	size_t n = l->content.end - l->content.start, open = seg_find(s, n, "**"), close;

	if (open != SEG_NONE && seg_has(s + open + 2, n - open - 2, "**"))
		l->md_bold = true;
	if (!seg_starts(s, n, "**") || n < 4)
		return;
	close = seg_find(s + 2, n - 2, "**");
	if (close == SEG_NONE)
		return;
	close += 2;
	if (close + 2 == n) {
		l->content.end -= 2;
	} else if (!seg_ends(s, close, "：") && !seg_ends(s, close, ":")) {
		return;
	}
	l->content.start += 2;
	trim(text, &l->content.start, &l->content.end);
}

static void
build_line(struct doc *doc, size_t i)
{
	struct line *l = &doc->lines[i];
	const char *s;
	size_t n;

	linemap_line_span(&doc->lines_map, i, &l->span.start, &l->span.end);
	l->content = l->span;
	l->heading = -1;
	l->paragraph = -1;
	trim(doc->text, &l->content.start, &l->content.end);
	strip_md_heading(doc->text, l);
	strip_md_bold(doc->text, l);
	s = doc->text + l->content.start;
	n = l->content.end - l->content.start;
	if (n == 0)
		l->kind = LINE_BLANK;
	else if (seg_is_chrome(s, n) || seg_is_page_number(s, n))
		l->kind = LINE_BOILERPLATE;
	else
		l->kind = LINE_TEXT;
}

/* True when line l holds a tab between two cells of text (a table row as the .docx reader
 * joins its cells, or one pasted from a spreadsheet). */
static bool
has_cells(const char *text, const struct line *l)
{
	if (l->kind != LINE_TEXT)
		return false;
	/* content is trimmed: a tab inside it has text on both sides */
	return memchr(text + l->content.start, '\t', l->content.end - l->content.start) != NULL;
}

/* Marks the rows of tables: lines with cells next to another line with cells. */
static void
mark_tables(struct doc *doc)
{
	bool prev = false, cur, next;
	size_t i;

	if (doc->nlines == 0)
		return;
	cur = has_cells(doc->text, &doc->lines[0]);
	for (i = 0; i < doc->nlines; i++) {
		next = i + 1 < doc->nlines && has_cells(doc->text, &doc->lines[i + 1]);
		doc->lines[i].table_row = cur && (prev || next);
		prev = cur;
		cur = next;
	}
}

void
seg_lines(struct doc *doc)
{
	size_t i;

	linemap_build(&doc->lines_map, doc->text, doc->len);
	doc->nlines = doc->lines_map.nlines;
	doc->lines = xcalloc(doc->nlines, sizeof(*doc->lines));
	for (i = 0; i < doc->nlines; i++)
		build_line(doc, i);
	mark_tables(doc);
}

bool
seg_is_content(const struct doc *doc, size_t i)
{
	return doc->lines[i].kind != LINE_BLANK && doc->lines[i].kind != LINE_BOILERPLATE;
}

size_t
seg_next_content(const struct doc *doc, size_t from, size_t end)
{
	while (from < end && !seg_is_content(doc, from))
		from++;
	return from;
}

size_t
seg_prev_content(const struct doc *doc, size_t from, size_t end)
{
	while (end > from) {
		end--;
		if (seg_is_content(doc, end))
			return end;
	}
	return SEG_NONE;
}

const char *
seg_content(const struct doc *doc, size_t i, size_t *n)
{
	*n = doc->lines[i].content.end - doc->lines[i].content.start;
	return doc->text + doc->lines[i].content.start;
}
