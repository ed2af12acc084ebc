/* Check type `numbering`: heading markers (sequence, bracket width, fused or broken form,
 * skipped level), heading end punctuation and 一是…二是… enumerations, judged on the whole
 * document. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "numbering.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

enum num_aspect {
	NUM_SEQUENCE,     /* ordinals 1, 2, 3 … inside each parent, per marker style */
	NUM_WIDTH,        /* half- and full-width brackets mixed in one style */
	NUM_SKIP,         /* a level skipped under a parent, or a list of one */
	NUM_FUSED,        /* marker fused to the text */
	NUM_FORM,         /* marker matching a non-standard `pattern` */
	NUM_ENUMERATION,  /* 一是…二是… inside paragraphs */
	NUM_END           /* headings of one style ending with and without 。 */
};

static const char *const aspect_names[] = {"sequence", "width", "skip", "fused", "form",
    "enumeration", "end"};

/* Headings with a text line before them longer than this are not taken for a heading that
 * lost its number (code points). */
#define NUM_LOST_HEADING_MAX 40
/* A list continued in the next paragraph starts within this many code points of it. */
#define NUM_LIST_LEAD_MAX 12

struct num {
	enum num_aspect aspect;
	struct regex *pattern;  /* form: marker pattern; enumeration: group 1 = numeral */
	bool skip_mixed;        /* form: leave half-width markers of mixed levels to `width` */
};

/* Messages of the problems a rule of this type can find, {found} and {expected} filled. */
enum num_problem {
	P_GAP, P_DUP, P_BACK, P_START, P_NO_ORDINAL, P_BROKEN, P_LOST,
	P_LEVEL_SKIP, P_SINGLE, P_ENUM_START, P_ENUM_ALONE, P_ENUM_GAP, P_ENUM_DUP,
	P_END_STOP, P_END_NONE
};

static const char *const problem_zh[] = {
	"“{found}”之前缺少“{expected}”",
	"“{found}”与上一序号重复，应为“{expected}”",
	"“{found}”比上一序号小，应为“{expected}”",
	"本组序号从“{found}”开始，应从“{expected}”开始",
	"标题缺少序号，应为“{expected}”",
	"序号“{found}”残缺，应为“{expected}”",
	"此行像是丢了序号“{expected}”的标题（其下序号从“{found}”重新开始）",
	"“{found}”跳过了一级：上级为“{expected}”",
	"“{found}”是唯一的下级序号（只有一项时不必编号）",
	"列举从“{found}”开始，缺少“{expected}”",
	"只有“{found}”，没有后续的“{expected}”",
	"“{found}”之前缺少“{expected}”",
	"“{found}”与上一项重复或倒退，应为“{expected}”",
	"“{found}”标题以句号结尾，同级标题多数不加句号{expected}",
	"“{found}”标题没有句号，同级标题多数以句号结尾{expected}",
};

static const char *const problem_en[] = {
	"'{expected}' is missing before '{found}'",
	"'{found}' repeats the previous number; expected '{expected}'",
	"'{found}' is lower than the previous number; expected '{expected}'",
	"this list starts at '{found}'; expected '{expected}'",
	"heading without its number; expected '{expected}'",
	"marker '{found}' is broken; expected '{expected}'",
	("this line looks like a heading that lost its number '{expected}' (the list below "
	 "restarts at '{found}')"),
	"'{found}' skips a level under '{expected}'",
	"'{found}' is the only item of its list (a single item needs no number)",
	"the enumeration starts at '{found}'; '{expected}' is missing",
	"'{found}' stands alone; no '{expected}' follows",
	"'{expected}' is missing before '{found}'",
	"'{found}' repeats or goes back; expected '{expected}'",
	"heading '{found}' ends with 。 while most headings of its level do not{expected}",
	"heading '{found}' ends without 。 while most headings of its level end with one{expected}",
};

static void
num_free(void *params)
{
	struct num *n = params;

	regex_free(n->pattern);
	free(n);
}

static int
num_parse(struct rule *r, struct rparam *p)
{
	struct num *n = xcalloc(1, sizeof(*n));
	size_t i;
	int rc = 0;

	r->params = n;
	if (check_parse_choice(p, "aspect", aspect_names,
	    sizeof(aspect_names) / sizeof(aspect_names[0]),
	    "应为 sequence、width、skip、fused、form 或 enumeration "
	    "(one of sequence, width, skip, fused, form, enumeration)", &i) != 0)
		return -1;
	n->aspect = (enum num_aspect)i;
	if (rp_regex(p, "pattern", n->aspect == NUM_FORM || n->aspect == NUM_ENUMERATION,
	    &n->pattern) != 0)
		rc = -1;
	if (rp_bool(p, "skip_mixed", false, &n->skip_mixed) != 0)
		rc = -1;
	return rc;
}

/* Writes the Chinese numeral for 1..99 into buf. */
static void
cn_numeral(int v, char *buf, size_t cap)
{
	static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八",
	    "九"};

	if (v <= 0 || v > 99)
		snprintf(buf, cap, "%d", v);
	else if (v < 10)
		snprintf(buf, cap, "%s", digit[v]);
	else
		snprintf(buf, cap, "%s十%s", v >= 20 ? digit[v / 10] : "", digit[v % 10]);
}

/* Writes the marker of style with number v as the standard form would write it. */
static void
marker_text(enum marker_style style, int v, char *buf, size_t cap)
{
	char cn[16], cp[4];
	size_t n;

	cn_numeral(v, cn, sizeof(cn));
	switch (style) {
	case MARK_CN_DUN:
		snprintf(buf, cap, "%s、", cn);
		break;
	case MARK_CN_PAREN:
		snprintf(buf, cap, "（%s）", cn);
		break;
	case MARK_AR_DOT:
		snprintf(buf, cap, "%d.", v);
		break;
	case MARK_AR_PAREN:
		snprintf(buf, cap, "（%d）", v);
		break;
	case MARK_CIRCLED:
	case MARK_PROBLEM:
		if (v >= 1 && v <= 20) {
			n = utf8_encode(0x2460 + (uint32_t)(v - 1), cp);
			snprintf(buf, cap, "%s%.*s", style == MARK_PROBLEM ? "问题" : "", (int)n, cp);
		} else {
			snprintf(buf, cap, "%s(%d)", style == MARK_PROBLEM ? "问题" : "", v);
		}
		break;
	default:
		snprintf(buf, cap, "%d", v);
		break;
	}
}

/* Adds one diagnostic of problem what over [start, end); NULL once the list is full. */
static struct diag *
report_diag(const struct rule *r, const struct check_ctx *c, enum num_problem what,
		size_t start, size_t end, const char *found, const char *expected,
		size_t note_start, size_t note_end)
{
	const char *kv[4] = {"found", found, "expected", expected};
	char *detail;
	struct diag *d;

	detail = i18n_fill(c->out->lang == LANG_EN ? problem_en[what] : problem_zh[what], kv, 4);
	d = diag_add(c->out, r, start, end, "detail", detail, "found", found, "expected",
	    expected, NULL);
	free(detail);
	if (d != NULL && note_end > note_start)
		diag_note(c->out, d, note_start, note_end, "相关位置", "related", NULL);
	return d;
}

/* report_diag as a truth value: false once the list is full. */
static bool
report(const struct rule *r, const struct check_ctx *c, enum num_problem what, size_t start,
		size_t end, const char *found, const char *expected, size_t note_start,
		size_t note_end)
{
	return report_diag(r, c, what, start, end, found, expected, note_start, note_end) !=
	    NULL;
}

/* The marker of heading h as written, without trailing spaces or colon, into buf. */
static void
marker_as_written(const struct doc *doc, const struct heading *h, char *buf, size_t cap)
{
	size_t n = h->marker.end - h->marker.start;

	const char *m = doc->text + h->marker.start;

	/* Trailing spaces and the colon of a label (问题①：) are not part of the number. */
	for (;;) {
		if (n > 0 && (m[n - 1] == ' ' || m[n - 1] == '\t' || m[n - 1] == ':'))
			n--;
		else if (n >= 3 && memcmp(m + n - 3, "：", 3) == 0)
			n -= 3;
		else
			break;
	}
	if (n >= cap)
		n = cap - 1;
	memcpy(buf, m, n);
	buf[n] = '\0';
}

/* The span a heading problem is shown at: the marker, or the heading text without one. */
static struct span
heading_place(const struct heading *h)
{
	if (h->marker.end > h->marker.start)
		return h->marker;
	return h->title.end > h->title.start ? h->title : h->text;
}

/* Per heading, facts about its siblings, computed once so that no judgement scans every
 * heading: the size of its (parent, style) group, how many of the group state a number,
 * whether it is the first heading under its parent, and the nearest earlier heading of its
 * style that has a parent. */
struct sib_index {
	int *group_n, *group_numbered;
	bool *first_child;
	int *prev_styled;
};

/* A heading's sort key: its group, then its position. */
struct sib_key {
	int parent;
	int style;
	size_t i;
};

/* Orders headings by parent, then style, then position. */
static int
sib_cmp(const void *pa, const void *pb)
{
	const struct sib_key *a = pa, *b = pb;

	if (a->parent != b->parent)
		return a->parent < b->parent ? -1 : 1;
	if (a->style != b->style)
		return a->style < b->style ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

static void
sib_build(const struct doc *doc, struct sib_index *x)
{
	size_t n = doc->nheadings, i, j, k, first;
	struct sib_key *key = xcalloc(n + 1, sizeof(*key));
	int last[MARK_PROBLEM + 1], numbered;

	x->group_n = xcalloc(n + 1, sizeof(*x->group_n));
	x->group_numbered = xcalloc(n + 1, sizeof(*x->group_numbered));
	x->first_child = xcalloc(n + 1, sizeof(*x->first_child));
	x->prev_styled = xcalloc(n + 1, sizeof(*x->prev_styled));
	for (i = 0; i < n; i++) {
		key[i].parent = doc->headings[i].parent;
		key[i].style = (int)doc->headings[i].style;
		key[i].i = i;
	}
	qsort(key, n, sizeof(*key), sib_cmp);
	for (i = 0; i < n; i = j) {
		numbered = 0;
		for (j = i; j < n && key[j].parent == key[i].parent && key[j].style == key[i].style;
		    j++)
			numbered += doc->headings[key[j].i].ordinal > 0;
		for (k = i; k < j; k++) {
			x->group_n[key[k].i] = (int)(j - i);
			x->group_numbered[key[k].i] = numbered;
		}
	}
	/* The first heading of each parent in text order. */
	for (i = 0; i < n; i = j) {
		first = key[i].i;
		for (j = i; j < n && key[j].parent == key[i].parent; j++)
			if (key[j].i < first)
				first = key[j].i;
		x->first_child[first] = true;
	}
	for (k = 0; k <= MARK_PROBLEM; k++)
		last[k] = -1;
	for (i = 0; i < n; i++) {
		const struct heading *h = &doc->headings[i];

		x->prev_styled[i] = last[h->style];
		if (h->parent >= 0)
			last[h->style] = (int)i;
	}
	free(key);
}

static void
sib_free(struct sib_index *x)
{
	free(x->group_n);
	free(x->group_numbered);
	free(x->first_child);
	free(x->prev_styled);
}

/* Index of the previous heading with h's parent and style, or -1. */
static int
prev_sibling(const struct doc *doc, size_t i)
{
	const struct heading *h = &doc->headings[i];
	size_t j = i;

	while (j > 0) {
		j--;
		if ((int)j == h->parent)
			break;
		if (doc->headings[j].parent == h->parent && doc->headings[j].style == h->style)
			return (int)j;
	}
	return -1;
}

/* True when another heading with i's parent and style states a number. */
static bool
numbered_sibling(const struct doc *doc, const struct sib_index *x, size_t i)
{
	return x->group_numbered[i] - (doc->headings[i].ordinal > 0) > 0;
}

/* True when the first child i continues the numbering of the same style under the
 * previous parent of the same kind (002 numbers （1）…（21） through a whole part). */
static bool
continues(const struct doc *doc, const struct sib_index *x, const int *eff, size_t i,
    int ordinal)
{
	const struct heading *h = &doc->headings[i];
	enum marker_style pstyle = h->parent >= 0 ? doc->headings[h->parent].style : MARK_NONE;
	int j = x->prev_styled[i];

	if (h->parent < 0 || j < 0)
		return false;
	if (doc->headings[doc->headings[j].parent].style != pstyle)
		return false;
	return eff[j] + 1 == ordinal;
}

/* The text line just above heading i that may be a heading which lost its number, or
 * NULL. */
static const struct line *
lost_heading_line(const struct doc *doc, size_t i)
{
	size_t li = doc->headings[i].line;
	const struct line *l;

	while (li > 0) {
		li--;
		l = &doc->lines[li];
		if (l->kind == LINE_BLANK)
			continue;
		if (l->kind != LINE_TEXT || l->heading >= 0)
			return NULL;
		if (utf8_count(doc->text + l->content.start, l->content.end - l->content.start) >
		    NUM_LOST_HEADING_MAX)
			return NULL;
		return l;
	}
	return NULL;
}

/* Judges a heading whose number is lower than or equal to its predecessor's. */
static bool
seq_backwards(const struct rule *r, const struct check_ctx *c, const int *eff, size_t i,
		int prev, const char *found)
{
	const struct doc *doc = c->doc;
	const struct heading *h = &doc->headings[i];
	const struct heading *ph = &doc->headings[prev];
	const struct line *lost;
	struct span at = heading_place(h);
	char expected[48];

	marker_text(h->style, eff[prev] + 1, expected, sizeof(expected));
	if (h->ordinal == eff[prev])
		return report(r, c, P_DUP, at.start, at.end, found, expected, ph->marker.start,
		    ph->marker.end);
	if (h->ordinal == 1 && h->parent >= 0 && doc->headings[h->parent].ordinal > 0 &&
	    (lost = lost_heading_line(doc, i)) != NULL) {
		marker_text(doc->headings[h->parent].style, eff[h->parent] + 1, expected,
		    sizeof(expected));
		return report(r, c, P_LOST, lost->content.start, lost->content.end, found, expected,
		    at.start, at.end);
	}
	return report(r, c, P_BACK, at.start, at.end, found, expected, ph->marker.start,
	    ph->marker.end);
}

/* Judges heading i against its predecessor; sets eff[i]. False once the list is full. */
static bool
seq_heading(const struct rule *r, const struct check_ctx *c, const struct sib_index *x,
    int *eff, size_t i)
{
	const struct doc *doc = c->doc;
	const struct heading *h = &doc->headings[i];
	int prev = prev_sibling(doc, i), want = prev >= 0 ? eff[prev] + 1 : 1;
	struct span at = heading_place(h);
	char found[48], expected[48];

	marker_as_written(doc, h, found, sizeof(found));
	marker_text(h->style, want, expected, sizeof(expected));
	eff[i] = h->ordinal > 0 ? h->ordinal : want;
	if (h->flags & HEAD_BROKEN) {
		eff[i] = want;
		return report(r, c, P_BROKEN, at.start, at.end, found, expected, 0, 0);
	}
	if (h->ordinal <= 0)
		return !numbered_sibling(doc, x, i) ||
		    report(r, c, P_NO_ORDINAL, at.start, at.end, found, expected, 0, 0);
	if (prev < 0) {
		if (h->ordinal == 1 || continues(doc, x, eff, i, h->ordinal))
			return true;
		return report(r, c, P_START, at.start, at.end, found, expected, 0, 0);
	}
	if (h->ordinal == want)
		return true;
	if (h->ordinal < want)
		return seq_backwards(r, c, eff, i, prev, found);
	return report(r, c, P_GAP, at.start, at.end, found, expected, 0, 0);
}

static void
run_sequence(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	int *eff = xcalloc(doc->nheadings + 1, sizeof(*eff));
	struct sib_index x;
	size_t i;

	sib_build(doc, &x);
	for (i = 0; i < doc->nheadings; i++) {
		if (doc->headings[i].style == MARK_NONE)
			continue;
		if (!seq_heading(r, c, &x, eff, i))
			break;
	}
	sib_free(&x);
	free(eff);
}

/* True when the marker of h is written with brackets. */
static bool
bracketed(const struct doc *doc, const struct heading *h)
{
	size_t i;

	for (i = h->marker.start; i < h->marker.end; i++)
		if (doc->text[i] == '(' || doc->text[i] == ')' ||
		    (i + 2 < h->marker.end && memcmp(doc->text + i, "\xef\xbc", 2) == 0 &&
		    ((unsigned char)doc->text[i + 2] == 0x88 || (unsigned char)doc->text[i + 2] == 0x89)))
			return true;
	return false;
}

/* Per marker style: whether it has bracketed markers of each width, and its first
 * full-width one. */
struct widths {
	bool half[MARK_PROBLEM + 1], full[MARK_PROBLEM + 1];
	int first_full[MARK_PROBLEM + 1];
};

/* Fills w from all headings in one pass. */
static void
scan_widths(const struct doc *doc, struct widths *w)
{
	size_t i;
	int st;

	memset(w, 0, sizeof(*w));
	for (st = 0; st <= MARK_PROBLEM; st++)
		w->first_full[st] = -1;
	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];

		if ((h->flags & HEAD_BROKEN) || !bracketed(doc, h))
			continue;
		if (h->flags & HEAD_HALFWIDTH) {
			w->half[h->style] = true;
		} else {
			w->full[h->style] = true;
			if (w->first_full[h->style] < 0)
				w->first_full[h->style] = (int)i;
		}
	}
}

/* True when style holds bracketed markers of both widths. */
static bool
mixed_width(const struct widths *w, enum marker_style style, int *first_full)
{
	*first_full = w->first_full[style];
	return w->half[style] && w->full[style];
}

static void
run_width(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	char found[48], other[48];
	struct widths w;
	struct diag *d;
	int first_full;
	size_t i;

	scan_widths(doc, &w);
	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];

		if (!(h->flags & HEAD_HALFWIDTH) || (h->flags & HEAD_BROKEN) || !bracketed(doc, h) ||
		    !mixed_width(&w, h->style, &first_full))
			continue;
		marker_as_written(doc, h, found, sizeof(found));
		marker_as_written(doc, &doc->headings[first_full], other, sizeof(other));
		d = diag_add(c->out, r, h->marker.start, h->marker.end, "found", found, "other",
		    other, NULL);
		if (d == NULL)
			return;
		diag_note(c->out, d, doc->headings[first_full].marker.start,
		    doc->headings[first_full].marker.end, "同级的全角序号", "full-width marker of the "
		    "same level", NULL);
	}
}

/* Above every heading level (1..5). */
enum { NO_LEVEL = 100 };

/* For a cut text, the lowest level number of the numbered headings after each heading
 * (NO_LEVEL after the last); NULL when the text is whole. */
static int *
levels_after(const struct doc *doc)
{
	int *after, low = NO_LEVEL;
	size_t i;

	if (!doc->cut.present || doc->nheadings == 0)
		return NULL;
	after = xmalloc(doc->nheadings * sizeof(*after));
	for (i = doc->nheadings; i-- > 0;) {
		after[i] = low;
		if (doc->headings[i].style != MARK_NONE && doc->headings[i].level < low)
			low = doc->headings[i].level;
	}
	return after;
}

/* Reports the first child of each parent that skips a level, and single numbered items. */
static void
run_skip(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	char found[48], parent[48];
	struct sib_index x;
	int *after;
	size_t i;

	sib_build(doc, &x);
	after = levels_after(doc);
	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];
		const struct heading *p;
		bool open_at_cut;

		/* Problem labels (问题①) are not a level of the hierarchy. */
		if (h->parent < 0 || h->style == MARK_NONE || h->style == MARK_PROBLEM)
			continue;
		p = &doc->headings[h->parent];
		marker_as_written(doc, h, found, sizeof(found));
		marker_as_written(doc, p, parent, sizeof(parent));
		/* A text cut inside the parent's group may hold the siblings after the cut. */
		open_at_cut = after != NULL && after[i] > p->level;
		if (h->level > p->level + 1 && x.first_child[i]) {
			if (!report(r, c, P_LEVEL_SKIP, h->marker.start, h->marker.end, found, parent,
			    p->marker.start, p->marker.end))
				break;
		} else if (h->ordinal == 1 && x.group_n[i] < 2 && !open_at_cut) {
			if (!report(r, c, P_SINGLE, h->marker.start, h->marker.end, found, parent,
			    p->marker.start, p->marker.end))
				break;
		}
	}
	sib_free(&x);
	free(after);
}

static void
run_fused(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	char found[48];
	size_t i;

	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];

		if (!(h->flags & HEAD_FUSED))
			continue;
		marker_as_written(doc, h, found, sizeof(found));
		if (diag_add(c->out, r, h->marker.start, h->marker.end, "found", found, NULL) == NULL)
			return;
	}
}

/* Reports markers whose text matches the rule's pattern. */
static void
run_form(const struct rule *r, const struct check_ctx *c)
{
	const struct num *n = r->params;
	const struct doc *doc = c->doc;
	struct regex_match m;
	struct widths w;
	char found[48];
	int first_full, rc;
	size_t i;

	scan_widths(doc, &w);
	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];

		if (h->style == MARK_NONE || (h->flags & HEAD_BROKEN))
			continue;
		/* The half-width markers of a mixed level are STR-002's (the width aspect). */
		if (n->skip_mixed && (h->flags & HEAD_HALFWIDTH) && bracketed(doc, h) &&
		    mixed_width(&w, h->style, &first_full))
			continue;
		marker_as_written(doc, h, found, sizeof(found));
		rc = regex_find(n->pattern, found, 0, strlen(found), &m);
		if (rc < 0) {
			check_regex_limit(c, r, h->marker.start);
			return;
		}
		if (rc == 1 && diag_add(c->out, r, h->marker.start, h->marker.end, "found", found,
		    NULL) == NULL)
			return;
	}
}

/* An open 一是…二是… list. */
struct enum_list {
	bool open;
	int first, last, count;
	struct span first_at, first_num;  /* the first enumerator, and its numeral */
};

struct enum_run {
	const struct rule *r;
	const struct check_ctx *c;
	struct enum_list list;
	size_t para_start;      /* content start of the paragraph being scanned */
	bool fresh;             /* no enumerator seen yet in a paragraph that is not joined */
	bool stop;
};

/* Reports enumerator at (its numeral at num) with the one wanted in its place: the same
 * words around the numeral (二是 for 一是…三是, 第三 for 第二…第四). */
static void
enum_report(struct enum_run *run, enum num_problem what, struct span at, struct span num,
		int want)
{
	const struct cut *cut = &run->c->doc->cut;
	const char *text = run->c->doc->text;
	char found[48], numeral[16], expected[64];
	size_t n = at.end - at.start;
	struct diag *d;

	if (n >= sizeof(found))
		n = sizeof(found) - 1;
	memcpy(found, text + at.start, n);
	found[n] = '\0';
	cn_numeral(want, numeral, sizeof(numeral));
	snprintf(expected, sizeof(expected), "%.*s%s%.*s", (int)(num.start - at.start),
	    text + at.start, numeral, (int)(at.end - num.end), text + num.end);
	d = report_diag(run->r, run->c, what, at.start, at.end, found, expected, 0, 0);
	if (d == NULL)
		run->stop = true;
	else if (what == P_ENUM_ALONE && cut->present && at.start >= cut->at.start)
		check_cut_note(run->c, d);  /* the 二是 that would follow stood after the cut */
}

/* Ends the open list: it must start at 一是 and have more than one member. */
static void
enum_close(struct enum_run *run)
{
	struct enum_list *l = &run->list;

	if (!l->open)
		return;
	l->open = false;
	if (l->first != 1)
		enum_report(run, P_ENUM_START, l->first_at, l->first_num, 1);
	else if (l->count == 1)
		enum_report(run, P_ENUM_ALONE, l->first_at, l->first_num, 2);
}

static void
enum_open(struct enum_list *l, int v, struct span at, struct span num)
{
	l->open = true;
	l->first = l->last = v;
	l->count = 1;
	l->first_at = at;
	l->first_num = num;
}

/* True when the enumerator at pos leads its paragraph (at most a short label before it). */
static bool
leads(const struct enum_run *run, size_t pos)
{
	const char *text = run->c->doc->text;
	size_t i;

	if (utf8_count(text + run->para_start, pos - run->para_start) > NUM_LIST_LEAD_MAX)
		return false;
	for (i = run->para_start; i + 3 <= pos; i++)
		if (memcmp(text + i, "。", 3) == 0)
			return false;
	return true;
}

static int
on_enumerator(const struct regex_match *m, void *ctx)
{
	struct enum_run *run = ctx;
	struct enum_list *l = &run->list;
	struct span at = {m->start, m->end}, num;
	int v;

	if (m->gstart[1] == (size_t)-1)
		return 0;
	num.start = m->gstart[1];
	num.end = m->gend[1];
	/* Leading white space the pattern took is no part of the enumerator. */
	while (at.start < num.start && (run->c->doc->text[at.start] == ' ' ||
	    run->c->doc->text[at.start] == '\t'))
		at.start++;
	v = numbering_cn_value(run->c->doc->text + m->gstart[1], m->gend[1] - m->gstart[1]);
	if (v <= 0)
		return 0;
	if (run->fresh) {
		run->fresh = false;
		if (!(l->open && v == l->last + 1 && leads(run, m->start)))
			enum_close(run);
	}
	if (!l->open) {
		enum_open(l, v, at, num);
	} else if (v == 1) {
		enum_close(run);
		enum_open(l, v, at, num);
	} else {
		if (v != l->last + 1)
			enum_report(run, v > l->last + 1 ? P_ENUM_GAP : P_ENUM_DUP, at, num,
			    l->last + 1);
		l->last = v;
		l->count++;
	}
	return run->stop;
}

static void
run_enumeration(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct num *n = r->params;
	struct enum_run run;
	size_t p;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	for (p = 0; p < doc->nparagraphs && !run.stop; p++) {
		const struct paragraph *pg = &doc->paragraphs[p];
		bool joined = p > 0 && doc->paragraphs[p - 1].broken_after;

		if (doc->lines[pg->line].heading >= 0)
			enum_close(&run);
		run.fresh = !joined;
		run.para_start = pg->span.start;
		if (check_each_match(c, r, n->pattern, NULL, pg->span, on_enumerator, &run) < 0)
			return;
		if (run.fresh)
			enum_close(&run);
	}
	if (!run.stop)
		enum_close(&run);
}

/* True when heading h is a title alone (no run-in body): at most one 。, at its very end. */
static bool
title_only(const struct doc *doc, const struct heading *h, bool *stop)
{
	const char *t = doc->text;
	size_t i, end = h->text.end;

	while (end > h->text.start && (t[end - 1] == ' ' || t[end - 1] == '\t'))
		end--;
	*stop = end >= h->text.start + 3 && memcmp(t + end - 3, "。", 3) == 0;
	if (end <= h->text.start || (h->flags & (HEAD_FUSED | HEAD_BROKEN)) != 0)
		return false;
	if (*stop)
		end -= 3;
	for (i = h->text.start; i + 3 <= end; i++)
		if (memcmp(t + i, "。", 3) == 0)
			return false;
	return true;
}

/* Reports the first heading of style st whose end (with or without 。) is the minority. */
static bool
end_style(const struct rule *r, const struct check_ctx *c, enum marker_style st)
{
	const struct doc *doc = c->doc;
	size_t i, with = 0, without = 0;
	bool stop, odd;
	char buf[64];
	struct span at;

	for (i = 0; i < doc->nheadings; i++)
		if (doc->headings[i].style == st && title_only(doc, &doc->headings[i], &stop))
			*(stop ? &with : &without) += 1;
	if (with == 0 || without == 0)
		return true;
	odd = with < without;
	for (i = 0; i < doc->nheadings; i++)
		if (doc->headings[i].style == st && title_only(doc, &doc->headings[i], &stop) &&
		    stop == odd)
			break;
	marker_as_written(doc, &doc->headings[i], buf, sizeof(buf));
	at = heading_place(&doc->headings[i]);
	return report(r, c, odd ? P_END_STOP : P_END_NONE, at.start, at.end, buf, "", 0, 0);
}

static void
run_end(const struct rule *r, const struct check_ctx *c)
{
	int st;

	for (st = MARK_CN_DUN; st <= MARK_PROBLEM; st++)
		if (!end_style(r, c, (enum marker_style)st))
			return;
}

/* Markers are judged on the heading tree and lists on all paragraphs; the rule's scope is
 * not consulted. */
static void
num_run(const struct rule *r, const struct check_ctx *c)
{
	const struct num *n = r->params;

	switch (n->aspect) {
	case NUM_SEQUENCE:
		run_sequence(r, c);
		break;
	case NUM_WIDTH:
		run_width(r, c);
		break;
	case NUM_SKIP:
		run_skip(r, c);
		break;
	case NUM_FUSED:
		run_fused(r, c);
		break;
	case NUM_FORM:
		run_form(r, c);
		break;
	case NUM_ENUMERATION:
		run_enumeration(r, c);
		break;
	case NUM_END:
		run_end(r, c);
		break;
	}
}

const struct check_type chk_numbering = {
	"numbering",
	"heading sequences, bracket widths, fused or broken markers, 一是…二是… lists",
	num_parse,
	num_run,
	num_free,
	"标题序号连续、括号全半角、序号粘连或残缺、“一是……二是……”列举",
};
