/* Enumerations counted back: 以上N项 / 上述N个 after a numbered run, inline in its paragraph
 * (（1）…；（2）…；（3）…。以上3项…) or as the numbered headings just above the paragraph that
 * opens with it. */
#include <string.h>
#include "facts.h"
#include "utf8.h"

/* Units a count back over numbered items is stated in. */
static const char *const ref_units[] = {
	"项", "个", "条", "件", "名", "家", "人", "位", "所", "类", "种", "方面", "处", NULL,
};

/* Words that may stand before 以上/上述 in the count's label (对以上3项, 将上述4个). */
static const char *const ref_verbs[] = {"对", "将", "把", "就", "按", "经", "从", "在", NULL};

/* Most markers read in one paragraph; most lines walked up for a run of headings. */
#define MARK_MAX 64
#define WALK_MAX 80

/* An inline numbering marker: its style, its number and where it starts. */
struct mark {
	int style;     /* 0 （1）, 1 （一）, 2 ①, 3 一是 */
	int ordinal;
	size_t at;
};

/* True when [a, b) is exactly one of words. */
static bool
is_word(const char *s, size_t a, size_t b, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == b - a && memcmp(s + a, words[i], b - a) == 0)
			return true;
	return false;
}

/* True when the count's label reads as a reference back: 以上, 上述, 对以上. */
static bool
ref_label(const char *s, struct span l)
{
	size_t end = l.end;

	if (end - l.start >= 3 && memcmp(s + end - 3, "共", 3) == 0)
		end -= 3;
	if (end - l.start < 6 || (memcmp(s + end - 6, "以上", 6) != 0 &&
	    memcmp(s + end - 6, "上述", 6) != 0))
		return false;
	return end - 6 == l.start || is_word(s, l.start, end - 6, ref_verbs);
}

/* Value of a Chinese numeral 一 … 十 at s[i..], its length in *n; 0 when none. */
static int
cn_digit(const char *s, size_t i, size_t end, size_t *n)
{
	static const char *const d[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
	int k;

	*n = 3;
	for (k = 0; k < 10; k++)
		if (i + 3 <= end && memcmp(s + i, d[k], 3) == 0)
			return k + 1;
	return 0;
}

/* Reads a marker at i: （1） (1) （一） ① 一是; fills m and returns its length, 0 when none. */
static size_t
read_mark(const char *s, size_t i, size_t end, struct mark *m)
{
	size_t j = i, n;
	uint32_t cp = utf8_next(s, end, &j), close;
	int v = 0;

	m->at = i;
	if (cp >= 0x2460 && cp <= 0x2473) {
		m->style = 2;
		m->ordinal = (int)(cp - 0x2460) + 1;
		return j - i;
	}
	if ((v = cn_digit(s, i, end, &n)) > 0 && i + n + 3 <= end &&
	    memcmp(s + i + n, "是", 3) == 0) {
		m->style = 3;
		m->ordinal = v;
		return n + 3;
	}
	if (cp != 0xFF08 && cp != '(')
		return 0;
	if (j < end && s[j] >= '0' && s[j] <= '9') {
		while (j < end && s[j] >= '0' && s[j] <= '9' && v < 100)
			v = v * 10 + (s[j++] - '0');
		m->style = 0;
	} else if ((v = cn_digit(s, j, end, &n)) > 0) {
		j += n;
		m->style = 1;
	} else {
		return 0;
	}
	close = j < end ? utf8_next(s, end, &j) : 0;
	if (close != 0xFF09 && close != ')')
		return 0;
	m->ordinal = v;
	return j - i;
}

/* True when a marker may open a list item after the code point before it (at the start, or
 * after a clause mark). */
static bool
item_start(uint32_t prev)
{
	return prev == 0 || prev == 0xFF1A || prev == 0xFF1B || prev == 0x3002 || prev == 0xFF0C ||
	    prev == ':' || prev == ';' || prev == 0x3001 || utf8_is_space(prev);
}

/* The inline run before off in [a, off): the markers of the last marker's style, numbered
 * 1 … m without gap from the last 1; m in *listed and the run's start in *from. */
static bool
inline_run(const char *s, size_t a, size_t off, size_t *listed, size_t *from)
{
	struct mark marks[MARK_MAX], m;
	size_t n = 0, i = a, k, first;
	uint32_t prev = 0;

	while (i < off && n < MARK_MAX) {
		size_t j = i, len;

		if (item_start(prev) && (len = read_mark(s, i, off, &m)) > 0) {
			marks[n++] = m;
			i += len;
			prev = 0xFF1A;
			continue;
		}
		prev = utf8_next(s, off, &j);
		i = j;
	}
	if (n < 2)
		return false;
	for (first = n; first > 0; first--)
		if (marks[first - 1].style == marks[n - 1].style && marks[first - 1].ordinal == 1)
			break;
	if (first == 0)
		return false;
	first--;
	for (k = first; k < n; k++)
		if (marks[k].style != marks[n - 1].style ||
		    marks[k].ordinal != (int)(k - first) + 1)
			return false;
	if (n - first < 2)
		return false;
	*listed = n - first;
	*from = marks[first].at;
	return true;
}

/* The run of numbered headings just above line L, which opens with the count: headings of
 * one style numbered m, m-1 … 1 walking up, body lines and deeper headings between them, up
 * to their parent; m in *listed, the first heading's line start in *from. */
static bool
heading_run(const struct doc *doc, size_t L, size_t *listed, size_t *from)
{
	int style = -1, level = 0, want = 0;
	size_t l, walked = 0;

	for (l = L; l > doc->body_first && walked < WALK_MAX; walked++) {
		const struct line *ln = &doc->lines[--l];
		const struct heading *h;

		if (ln->heading < 0)
			continue;
		h = &doc->headings[ln->heading];
		if (style < 0) {
			if (h->style == MARK_PROBLEM || h->ordinal < 2)
				return false;
			style = (int)h->style;
			level = h->level;
			want = h->ordinal;
			*listed = (size_t)want;
		}
		if ((int)h->style == style && h->level == level) {
			if (h->ordinal != want)
				return false;
			if (--want == 0) {
				*from = ln->span.start;
				return true;
			}
		} else if (h->level <= level) {
			return false;
		}
	}
	return false;
}

bool
fact_enum_ref(const struct facts *f, const struct doc *doc, size_t k, struct enum_fact *e)
{
	const struct count_fact *c = &f->counts[k];
	const char *s = doc->text;
	size_t line = linemap_line_index(&doc->lines_map, c->span.start), listed = 0, from = 0;
	const struct line *ln;

	if (!is_word(s, c->unit.start, c->unit.end, ref_units) || !ref_label(s, c->label) ||
	    line >= doc->nlines)
		return false;
	ln = &doc->lines[line];
	if (inline_run(s, ln->content.start, c->label.start, &listed, &from)) {
		e->loose = false;
	} else if (c->label.start == ln->content.start && ln->heading < 0 &&
	    heading_run(doc, line, &listed, &from)) {
		e->loose = true;
	} else {
		return false;
	}
	e->open = false;
	e->listed = listed;
	e->list.start = from;
	e->list.end = c->label.start;
	return true;
}
