/* The line table of the model: spans, content without white space and Markdown decoration,
 * and the web boilerplate lines that every later pass sets aside. */
#include <stdint.h>
#include <string.h>
#include "seg.h"
#include "utf8.h"
#include "xalloc.h"

/* Where a boilerplate word must stand in the line. */
enum bp_where { BP_START, BP_ANY };

/* Web page chrome seen around published notices: a line matches when it holds word (and
 * also is not NULL). */
static const struct {
	const char *word;
	const char *also;
	enum bp_where where;
} boilerplate[] = {
	{"发布时间", NULL, BP_START},
	{"发布日期", NULL, BP_START},
	{"来源：", NULL, BP_START},
	{"来源:", NULL, BP_START},
	{"审核：", NULL, BP_START},
	{"审核:", NULL, BP_START},
	{"主办：", NULL, BP_START},
	{"主办:", NULL, BP_START},
	{"承办：", NULL, BP_START},
	{"承办:", NULL, BP_START},
	{"协办：", NULL, BP_START},
	{"协办:", NULL, BP_START},
	{"技术支持", NULL, BP_START},
	{"版权所有", NULL, BP_ANY},
	{"Copyright", NULL, BP_ANY},
	{"阅读次数", NULL, BP_ANY},
	{"浏览次数", NULL, BP_ANY},
	{"点击次数", NULL, BP_ANY},
	{"责任编辑", NULL, BP_ANY},
	{"网站标识码", NULL, BP_ANY},
	{"网站维护", NULL, BP_ANY},
	{"ICP备", NULL, BP_ANY},
	{"公网安备", NULL, BP_ANY},
	{"网站声明", NULL, BP_ANY},
	{"网站地图", NULL, BP_ANY},
	{"网站访问量", NULL, BP_ANY},
	{"关于我们", "联系我们", BP_ANY},
	{"网站", "欢迎你", BP_ANY},
	{"网站", "欢迎您", BP_ANY},
	{"打印本页", NULL, BP_ANY},
	{"关闭窗口", NULL, BP_ANY},
	{"【打印】", NULL, BP_ANY},
	{"【关闭】", NULL, BP_ANY},
};

#define NBOILERPLATE (sizeof(boilerplate) / sizeof(boilerplate[0]))

/* The BP_ANY words by their first two bytes: one bit per hash of the two, so that a line
 * is searched in one pass and only where some word may start. */
struct bp_filter {
	uint64_t bits[4];
};

/* Hash of the two bytes at p, 0..255. */
static unsigned
bp_hash(const char *p)
{
	return ((unsigned)(unsigned char)p[0] * 7u + (unsigned char)p[1]) & 255u;
}

static void
bp_filter_init(struct bp_filter *f)
{
	size_t k;
	unsigned h;

	memset(f, 0, sizeof(*f));
	for (k = 0; k < NBOILERPLATE; k++) {
		if (boilerplate[k].where != BP_ANY)
			continue;
		h = bp_hash(boilerplate[k].word);  /* every word has two bytes or more */
		f->bits[h >> 6] |= (uint64_t)1 << (h & 63);
	}
}

/* True when entry k matches the line: its word stands at its place, its also word is in
 * the line. */
static bool
bp_entry_at(size_t k, const char *s, size_t n, size_t at)
{
	size_t wl = strlen(boilerplate[k].word);

	return at + wl <= n && memcmp(s + at, boilerplate[k].word, wl) == 0 &&
	    (boilerplate[k].also == NULL || seg_has(s, n, boilerplate[k].also));
}

/* True when some BP_ANY entry matches the line anywhere. */
static bool
bp_any(const struct bp_filter *f, const char *s, size_t n)
{
	size_t i, k;
	unsigned h;

	for (i = 0; i + 1 < n; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;  /* words start at a code point */
		h = bp_hash(s + i);
		if (!(f->bits[h >> 6] >> (h & 63) & 1))
			continue;
		for (k = 0; k < NBOILERPLATE; k++)
			if (boilerplate[k].where == BP_ANY && boilerplate[k].word[0] == s[i] &&
			    boilerplate[k].word[1] == s[i + 1] && bp_entry_at(k, s, n, i))
				return true;
	}
	return false;
}

/* seg_is_boilerplate with the BP_ANY filter built once per document. */
static bool
is_boilerplate(const struct bp_filter *f, const char *s, size_t n)
{
	size_t k;

	if (n == 0 || seg_ends(s, n, "。") || seg_ncp_over(s, n, 160))
		return false;
	for (k = 0; k < NBOILERPLATE; k++)
		if (boilerplate[k].where == BP_START && boilerplate[k].word[0] == s[0] &&
		    bp_entry_at(k, s, n, 0))
			return true;
	return bp_any(f, s, n);
}

bool
seg_is_boilerplate(const char *s, size_t n)
{
	struct bp_filter f;

	bp_filter_init(&f);
	return is_boilerplate(&f, s, n);
}

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
		if (!seg_is_blank_cp(utf8_prev(text, &k)) || k < *a)
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
build_line(struct doc *doc, const struct bp_filter *bp, size_t i)
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
	else if (is_boilerplate(bp, s, n))
		l->kind = LINE_BOILERPLATE;
	else
		l->kind = LINE_TEXT;
}

void
seg_lines(struct doc *doc)
{
	struct bp_filter bp;
	size_t i;

	bp_filter_init(&bp);
	linemap_build(&doc->lines_map, doc->text, doc->len);
	doc->nlines = doc->lines_map.nlines;
	doc->lines = xcalloc(doc->nlines, sizeof(*doc->lines));
	for (i = 0; i < doc->nlines; i++)
		build_line(doc, &bp, i);
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
