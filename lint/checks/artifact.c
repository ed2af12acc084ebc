/* Check type `artifact`: what conversion and extraction leave in the text. Markdown and
 * HTML markup in a plain-text notice, and odd characters: U+FFFD, control and zero-width
 * characters, unusual spaces inside a line, a space before the title, and UTF-8 text that
 * was read as GBK (鍏充簬). Web page chrome is left to rules over the boilerplate scope. */
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "gb18030.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

enum art_kind {
	ART_MD_HEADING,
	ART_MD_BOLD,
	ART_HTML_TAG,
	ART_HTML_ENTITY,
	ART_REPLACEMENT,
	ART_CONTROL,
	ART_ZERO_WIDTH,
	ART_ODD_SPACE,
	ART_TITLE_SPACE,
	ART_MOJIBAKE,
	ART_NKINDS
};

/* Names used in `detect:` and the {what} text of each kind. */
static const struct {
	const char *name, *zh, *en;
} kinds[ART_NKINDS] = {
	{"markdown", "Markdown 标题标记", "a Markdown heading marker"},
	{"markdown", "Markdown 粗体标记", "Markdown bold markers"},
	{"html", "HTML 标签", "an HTML tag"},
	{"html", "HTML 字符实体", "an HTML character entity"},
	{"replacement", "替换字符（原字符已丢失）",
	 "a replacement character (the original character was lost)"},
	{"control", "控制字符", "a control character"},
	{"zero-width", "零宽字符", "a zero-width character"},
	{"nbsp", "不换行空格等特殊空白", "a no-break or other unusual space"},
	{"title-space", "标题前的多余空白", "white space before the title"},
	{"mojibake", "疑似乱码（UTF-8 文本被当作 GBK 读取）", "mojibake (UTF-8 text read as GBK)"},
};

struct art_params {
	bool on[ART_NKINDS];
	long mojibake_min;     /* consecutive recovered characters that make mojibake */
	uint32_t *marks;       /* characters that only occur in mojibake (锛 銆 鈥) */
	size_t nmarks;
	uint32_t mark_lo, mark_hi;  /* the range the marks lie in */
};

struct art_run {
	const struct rule *r;
	const struct check_ctx *c;
	struct art_params *p;
	iconv_t gb;            /* UTF-8 to GB18030, opened for a code point past the BMP */
	bool gb_tried;         /* iconv_open was called (gb is -1 if it failed) */
	int stop;
};

static void
art_free(void *params)
{
	struct art_params *p = params;

	if (p == NULL)
		return;
	free(p->marks);
	free(p);
}

static int
parse_detect(struct rparam *rp, struct art_params *p)
{
	char **names = NULL;
	size_t n = 0, i, k;
	bool known;
	int rc = 0;

	if (rp_strings(rp, "detect", true, &names, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		known = false;
		for (k = 0; k < ART_NKINDS; k++)
			if (strcmp(names[i], kinds[k].name) == 0)
				p->on[k] = known = true;
		if (!known && rc == 0) {
			rp_error(rp, "detect", "可选 markdown、html、replacement、control、"
			    "zero-width、nbsp、title-space、mojibake（one of these names）");
			rc = -1;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
art_parse(struct rule *r, struct rparam *rp)
{
	struct art_params *p = xcalloc(1, sizeof(*p));
	char *marks = NULL;
	size_t i = 0, n;
	int rc = 0;

	r->params = p;
	p->mojibake_min = 2;
	if (parse_detect(rp, p) != 0)
		rc = -1;
	if (rp_int(rp, "mojibake_min", false, 2, 64, &p->mojibake_min) != 0)
		rc = -1;
	if (rp_string(rp, "mojibake_marks", false, &marks) != 0)
		rc = -1;
	if (marks == NULL)
		marks = xstrdup("锛銆鈥");
	n = strlen(marks);
	p->marks = xmalloc((n + 1) * sizeof(*p->marks));
	while (i < n)
		p->marks[p->nmarks++] = utf8_next(marks, n, &i);
	free(marks);
	p->mark_lo = UINT32_MAX;
	for (i = 0; i < p->nmarks; i++) {
		if (p->marks[i] < p->mark_lo)
			p->mark_lo = p->marks[i];
		if (p->marks[i] > p->mark_hi)
			p->mark_hi = p->marks[i];
	}
	return rc;
}

/* Reports kind k over [start, end) with {what}, {text} and {count} filled. */
static void
emit(struct art_run *run, enum art_kind k, size_t start, size_t end, const char *text,
    size_t count)
{
	char num[32];
	const char *what = run->c->out->lang == LANG_EN ? kinds[k].en : kinds[k].zh;

	snprintf(num, sizeof(num), "%zu", count);
	if (diag_add(run->c->out, run->r, start, end, "what", what, "text", text, "count", num,
	    NULL) == NULL)
		run->stop = 1;
}

/* A copy of at most the first 20 characters of [start, end); the caller frees. */
static char *
quote(const struct doc *doc, size_t start, size_t end)
{
	size_t i = start, n = 0;

	while (i < end && n < 20) {
		utf8_next(doc->text, end, &i);
		n++;
	}
	return check_text(doc, start, i);
}

/* Reports [start, end) quoting its beginning. */
static void
emit_quoted(struct art_run *run, enum art_kind k, size_t start, size_t end, size_t count)
{
	char *text = quote(run->c->doc, start, end);

	emit(run, k, start, end, text, count);
	free(text);
}

/* Reports [start, end) naming its first code point as U+XXXX. */
static void
emit_code(struct art_run *run, enum art_kind k, size_t start, size_t end, uint32_t cp)
{
	char code[16];

	snprintf(code, sizeof(code), "U+%04X", (unsigned)cp);
	emit(run, k, start, end, code, 1);
}

/* Offset of the first byte ch in t[i, end), or end. */
static size_t
next_byte(const char *t, size_t i, size_t end, char ch)
{
	const char *q = i < end ? memchr(t + i, ch, end - i) : NULL;

	return q != NULL ? (size_t)(q - t) : end;
}

/* Markdown heading marks (#…# and a space) and bold markers (**) on line l. */
static void
scan_markdown(struct art_run *run, const struct line *l)
{
	const char *t = run->c->doc->text;
	size_t i = l->span.start, h;

	while (i < l->span.end && (t[i] == ' ' || t[i] == '\t'))
		i++;
	for (h = i; h < l->span.end && t[h] == '#'; h++)
		;
	if (h > i && h - i <= 6 && (h == l->span.end || t[h] == ' ' || t[h] == '\t'))
		emit_quoted(run, ART_MD_HEADING, i, h, h - i);
	if (run->stop || l->span.end - l->span.start < 2)
		return;
	for (i = l->span.start; (i = next_byte(t, i, l->span.end - 1, '*')) < l->span.end - 1;
	    i++) {
		if (t[i + 1] == '*') {
			emit_quoted(run, ART_MD_BOLD, i, i + 2, 1);
			break;
		}
	}
}

static bool
is_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Length of an HTML tag (<p>, </div>, <br/>, <span class="x">) at s, or 0; attributes
 * are printable ASCII, so a comparison in Chinese text (a<b 且 c>d) is no tag. */
static size_t
html_tag(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 3 || s[0] != '<')
		return 0;
	if (s[i] == '/')
		i++;
	if (i >= n || !is_alpha(s[i]))
		return 0;
	while (i < n && (is_alpha(s[i]) || (s[i] >= '0' && s[i] <= '9')))
		i++;
	if (i < n && s[i] != '>' && s[i] != ' ' && s[i] != '/')
		return 0;
	while (i < n && i < 200 && s[i] >= ' ' && s[i] <= '~' && s[i] != '>' && s[i] != '<')
		i++;
	return i < n && s[i] == '>' ? i + 1 : 0;
}

/* Length of an HTML entity (&nbsp; &amp; &#12290; &#x3002;) at s, or 0. */
static size_t
html_entity(const char *s, size_t n)
{
	size_t i = 1, start;

	if (n < 4 || s[0] != '&')
		return 0;
	if (s[i] == '#') {
		i++;
		if (i < n && (s[i] == 'x' || s[i] == 'X'))
			i++;
	}
	start = i;
	while (i < n && i < 12 && (is_alpha(s[i]) || (s[i] >= '0' && s[i] <= '9')))
		i++;
	return i > start && i < n && s[i] == ';' ? i + 1 : 0;
}

/* The first HTML tag and the first entity of line l, visiting each < and & in order. */
static void
scan_html(struct art_run *run, const struct line *l)
{
	const char *t = run->c->doc->text;
	size_t end = l->span.end, i, n;
	size_t lt = next_byte(t, l->span.start, end, '<');
	size_t amp = next_byte(t, l->span.start, end, '&');

	while ((lt < end || amp < end) && !run->stop) {
		if (lt < amp) {
			i = lt;
			if ((n = html_tag(t + i, end - i)) > 0) {
				emit_quoted(run, ART_HTML_TAG, i, i + n, 1);
				lt = end;
			} else {
				lt = next_byte(t, i + 1, end, '<');
			}
		} else {
			i = amp;
			if ((n = html_entity(t + i, end - i)) > 0) {
				emit_quoted(run, ART_HTML_ENTITY, i, i + n, 1);
				amp = end;
			} else {
				amp = next_byte(t, i + 1, end, '&');
			}
		}
	}
}

/* The kind of an odd character at offset off of line l, or ART_NKINDS for none. */
static enum art_kind
odd_kind(const struct line *l, size_t off, uint32_t cp)
{
	if (cp == 0xFFFD)
		return ART_REPLACEMENT;
	if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F))
		return ART_CONTROL;
	if (utf8_is_zero_width(cp))
		return ART_ZERO_WIDTH;
	if (utf8_is_space(cp) && cp != ' ' && cp != '\t' && cp != 0x3000 &&
	    off >= l->content.start && off < l->content.end)
		return ART_ODD_SPACE;
	return ART_NKINDS;
}

/* False for a code point that odd_kind() never reports: all but the C0 and C1 controls,
 * NBSP, U+1680, U+2000-U+2060, U+FEFF and U+FFFD. Han and CJK punctuation leave at the
 * first test. */
static inline bool
odd_candidate(uint32_t cp)
{
	if (cp > 0x2060 && cp < 0xFEFF)
		return false;
	return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x2060) || cp == 0xFEFF || cp == 0xFFFD;
}

/* White space before the text of a title line. */
static void
scan_title_space(struct art_run *run, const struct line *l)
{
	size_t i = l->span.start;
	uint32_t cp;

	if ((l->kind != LINE_TITLE && l->kind != LINE_ISSUER && l->kind != LINE_SUBTITLE) ||
	    i >= l->content.start)
		return;
	cp = utf8_next(run->c->doc->text, l->span.end, &i);
	if (utf8_is_space(cp))
		emit_code(run, ART_TITLE_SPACE, l->span.start, l->content.start, cp);
}

static bool
is_mark(const struct art_params *p, uint32_t cp)
{
	size_t i;

	if (cp < p->mark_lo || cp > p->mark_hi)
		return false;
	for (i = 0; i < p->nmarks; i++)
		if (p->marks[i] == cp)
			return true;
	return false;
}

/* Number of consecutive 3-byte UTF-8 sequences of CJK characters at b[i, n). */
static size_t
utf8_run(const unsigned char *b, size_t i, size_t n)
{
	size_t k = 0, j = i, len;

	while (j + 3 <= n && b[j] >= 0xE0 && b[j] <= 0xEF &&
	    (len = utf8_seq_len(b + j, n - j)) == 3) {
		size_t q = j;

		if (!utf8_is_cjk(utf8_next((const char *)b, n, &q)))
			break;
		k++;
		j += len;
	}
	return k;
}

/* A run of odd characters of one kind, [start, end), first its first code point. */
struct oddrun {
	enum art_kind k;
	size_t start, end;
	uint32_t first;
};

/* Scratch of one line: the byte pairs of its code points, two per code point, and its
 * odd runs, reported once the line is scanned. */
struct linebuf {
	unsigned char *b;
	size_t n, cap;
	struct oddrun *odd;
	size_t nodd, oddcap;
};

/* The mojibake test looks for UTF-8 Chinese in the GB18030 bytes of a line. A GB18030
 * code is one ASCII byte, two bytes, or four bytes whose second and fourth are ASCII
 * digits; a 3-byte UTF-8 sequence holds no ASCII byte, so of a 4-byte code only the first
 * byte can end one. Each code point therefore stands for two bytes in the stream searched:
 * the first two of its code, a 1-byte code twice. Runs found are the same as in the full
 * byte string, one code point per two bytes. */

/* Opens the converter on first need; false if it cannot be opened. */
static bool
gb_open(struct art_run *run)
{
	if (!run->gb_tried) {
		run->gb_tried = true;
		run->gb = iconv_open("GB18030", "UTF-8");
	}
	return run->gb != (iconv_t)-1;
}

/* The first two GB18030 bytes (a 1-byte code twice) of the UTF-8 code point in[0, n),
 * first byte high; '?' twice where iconv fails. */
static uint16_t
gb_pair(iconv_t gb, const char *in, size_t n)
{
	char out[8], *ip = (char *)(uintptr_t)in, *op = out;
	size_t oleft = sizeof(out);

	if (iconv(gb, &ip, &n, &op, &oleft) == (size_t)-1) {
		iconv(gb, NULL, NULL, NULL, NULL);
		out[0] = '?';
		op = out + 1;
	}
	if (op - out == 1)
		out[1] = out[0];
	return (uint16_t)((unsigned char)out[0] << 8 | (unsigned char)out[1]);
}

/* gb_code() past the table: an invalid byte or a code point beyond the BMP. */
static bool
gb_code_slow(struct art_run *run, const char *t, size_t at, size_t i, uint32_t cp,
    uint16_t *pair)
{
	if (i - at == 1 && cp >= 0x80) {
		*pair = '?' << 8 | '?';          /* an invalid byte, which iconv rejects */
		return true;
	}
	if (!gb_open(run))
		return false;
	*pair = gb_pair(run->gb, t + at, i - at);
	return true;
}

/* The byte pair of the code point cp at t[at, i); false without iconv. */
static inline bool
gb_code(struct art_run *run, const char *t, size_t at, size_t i, uint32_t cp,
    uint16_t *pair)
{
	if ((i - at > 1 || cp < 0x80) && cp < 0x10000) {
		*pair = gb18030_pair[cp];
		return true;
	}
	return gb_code_slow(run, t, at, i, cp, pair);
}

/* The class of that pair; false without iconv. */
static inline bool
gb_class(struct art_run *run, const char *t, size_t at, size_t i, uint32_t cp,
    unsigned *cls)
{
	uint16_t pair;

	if ((i - at > 1 || cp < 0x80) && cp < 0x10000) {
		*cls = gb18030_cls[cp];
		return true;
	}
	if (!gb_code_slow(run, t, at, i, cp, &pair))
		return false;
	*cls = gb18030_class(pair);
	return true;
}

/* Offset in line l of the code point behind byte b of its pair stream. */
static size_t
pair_owner(const char *t, const struct line *l, size_t b)
{
	size_t i = l->span.start, k;

	for (k = 0; k < b / 2; k++)
		utf8_next(t, l->span.end, &i);
	return i;
}

/* Classes of the last code points, newest in the low four bits, that two 3-byte sequences
 * need in a row (lead, two continuations, twice): starting on a first byte, pairs E C,
 * C E, C C; starting on a second byte, pairs - E, C C, E C, C -. */
#define TWO_SEQ_EVEN 0x965u
#define TWO_SEQ_ODD 0x2594u

/* The pair stream of line l into g; false without iconv. */
static bool
gb_stream(struct art_run *run, const struct line *l, struct linebuf *g)
{
	const char *t = run->c->doc->text;
	size_t i, at;
	uint16_t pair;
	uint32_t cp;

	g->n = 0;
	if (2 * (l->span.end - l->span.start) > g->cap)
		g->b = xgrow(g->b, &g->cap, 2 * (l->span.end - l->span.start), 1);
	for (i = l->span.start; i < l->span.end;) {
		at = i;
		cp = utf8_next(t, l->span.end, &i);
		if (!gb_code(run, t, at, i, cp, &pair))
			return false;
		g->b[g->n++] = (unsigned char)(pair >> 8);
		g->b[g->n++] = (unsigned char)pair;
	}
	return true;
}

/* What the pass over a line found for the mojibake test. */
struct moji_state {
	bool gb;               /* the pairs could be had (iconv works) */
	bool maybe;            /* two 3-byte sequences could stand in the pairs */
	size_t mark, mark_end; /* the first mark, mark == SIZE_MAX for none */
	uint32_t recent;       /* pair classes of the last code points */
};

/* Appends one run of odd characters to lb. */
static void
add_odd(struct linebuf *lb, enum art_kind k, size_t start, size_t end, uint32_t first)
{
	lb->odd = xgrow(lb->odd, &lb->oddcap, lb->nodd + 1, sizeof(*lb->odd));
	lb->odd[lb->nodd].k = k;
	lb->odd[lb->nodd].start = start;
	lb->odd[lb->nodd].end = end;
	lb->odd[lb->nodd++].first = first;
}

/* utf8_next() with a valid three-byte sequence, most of Chinese text, decoded first. */
static inline uint32_t
next_cp(const char *s, size_t len, size_t *i)
{
	const unsigned char *b = (const unsigned char *)s + *i;
	uint32_t cp;

	if (b[0] >= 0xE0 && b[0] <= 0xEF && len - *i >= 3 &&
	    ((b[1] ^ 0x80u) | (b[2] ^ 0x80u)) < 0x40) {
		cp = (uint32_t)(b[0] & 0x0F) << 12 | (uint32_t)(b[1] & 0x3F) << 6 | (b[2] & 0x3Fu);
		if (cp >= 0x800 && cp - 0xD800 >= 0x800) {
			*i += 3;
			return cp;
		}
	}
	return utf8_next(s, len, i);
}

/* One pass over line l's code points: runs of odd characters into lb when chars, the
 * mojibake state when ms is not NULL (up to the first mark). The state is kept in locals
 * over the pass; once neither part has more to learn the pass stops. */
static void
scan_codepoints(struct art_run *run, const struct line *l, struct linebuf *lb, bool chars,
    struct moji_state *ms)
{
	const char *t = run->c->doc->text;
	const struct art_params *p = run->p;
	size_t i = l->span.start, end = l->span.end, at, start = 0;
	enum art_kind k, cur = ART_NKINDS;
	uint32_t cp, first = 0, recent = ms != NULL ? ms->recent : 0;
	bool moji = ms != NULL && ms->mark == SIZE_MAX;
	bool classes = moji && ms->gb && !ms->maybe;
	unsigned cls;

	while (i < end) {
		/* The common case, inline: no odd run open, classes wanted, and a three-byte
		 * character that odd_kind() never reports and that is no mark. Whatever else
		 * comes goes the full way below. */
		while (classes && cur == ART_NKINDS && end - i >= 3) {
			const unsigned char *q = (const unsigned char *)t + i;

			if ((q[0] & 0xF0) != 0xE0 || ((q[1] ^ 0x80u) | (q[2] ^ 0x80u)) >= 0x40)
				break;
			cp = (uint32_t)(q[0] & 0x0F) << 12 | (uint32_t)(q[1] & 0x3F) << 6 | (q[2] & 0x3Fu);
			if (cp <= 0x2060 || cp >= 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
			    (cp >= p->mark_lo && cp <= p->mark_hi))
				break;
			i += 3;
			recent = recent << 4 | gb18030_cls[cp];
			if ((recent & TWO_SEQ_EVEN) == TWO_SEQ_EVEN ||
			    (recent & TWO_SEQ_ODD) == TWO_SEQ_ODD)
				ms->maybe = true, classes = false;
		}
		if (i >= end)
			break;
		at = i;
		cp = next_cp(t, end, &i);
		if (chars) {
			k = odd_candidate(cp) ? odd_kind(l, at, cp) : ART_NKINDS;
			if (k != ART_NKINDS && !p->on[k])
				k = ART_NKINDS;
			if (k == ART_NKINDS) {
				if (cur != ART_NKINDS)
					add_odd(lb, cur, start, at, first);
				cur = ART_NKINDS;
			} else if (k != cur) {
				if (cur != ART_NKINDS)
					add_odd(lb, cur, start, at, first);
				cur = k;
				start = at;
				first = cp;
			}
		} else if (!moji) {
			break;
		}
		if (!moji)
			continue;
		/* moji_step() with the common case, a BMP code point, inline. */
		if (cp >= p->mark_lo && cp <= p->mark_hi && is_mark(p, cp)) {
			ms->mark = at;
			ms->mark_end = i;
			moji = classes = false;
			continue;
		}
		if (!classes)
			continue;
		if ((i - at > 1 || cp < 0x80) && cp < 0x10000) {
			cls = gb18030_cls[cp];
		} else if (!gb_class(run, t, at, i, cp, &cls)) {
			ms->gb = classes = false;
			continue;
		}
		recent = recent << 4 | cls;
		if ((recent & TWO_SEQ_EVEN) == TWO_SEQ_EVEN || (recent & TWO_SEQ_ODD) == TWO_SEQ_ODD)
			ms->maybe = true, classes = false;
	}
	if (ms != NULL)
		ms->recent = recent;
	if (cur != ART_NKINDS)
		add_odd(lb, cur, start, l->span.end, first);
}

/* Text written in UTF-8 and decoded as GBK: a mark, or GBK bytes that are again UTF-8
 * Chinese. The pass noted whether two 3-byte sequences could stand in the pairs
 * (mojibake_min is at least 2); only then is the pair stream built and searched. */
static void
report_mojibake(struct art_run *run, const struct line *l, struct linebuf *g,
    const struct moji_state *ms)
{
	const char *t = run->c->doc->text;
	size_t i, k, end, at;

	if (ms->mark != SIZE_MAX) {
		emit_quoted(run, ART_MOJIBAKE, ms->mark, ms->mark_end, 1);
		return;
	}
	if (!ms->gb || !ms->maybe || !gb_stream(run, l, g))
		return;
	for (i = 0; i < g->n; i++) {
		if (g->b[i] < 0xE0 || (k = utf8_run(g->b, i, g->n)) < (size_t)run->p->mojibake_min)
			continue;
		at = pair_owner(t, l, i);
		end = pair_owner(t, l, i + 3 * k - 1);
		utf8_next(t, l->span.end, &end);
		emit_quoted(run, ART_MOJIBAKE, at, end, k);
		return;
	}
}

/* Odd characters, white space before a title and mojibake on line l, reported in that
 * order after one pass over the line. */
static void
scan_text(struct art_run *run, const struct line *l, struct linebuf *lb)
{
	const struct art_params *p = run->p;
	bool chars = p->on[ART_REPLACEMENT] || p->on[ART_CONTROL] || p->on[ART_ZERO_WIDTH] ||
	    p->on[ART_ODD_SPACE];
	struct moji_state ms = {!run->gb_tried || run->gb != (iconv_t)-1, false, SIZE_MAX, 0, 0};
	size_t i;

	lb->nodd = 0;
	if (chars || p->on[ART_MOJIBAKE])
		scan_codepoints(run, l, lb, chars, p->on[ART_MOJIBAKE] ? &ms : NULL);
	for (i = 0; i < lb->nodd && !run->stop; i++)
		emit_code(run, lb->odd[i].k, lb->odd[i].start, lb->odd[i].end, lb->odd[i].first);
	if (p->on[ART_TITLE_SPACE] && !run->stop)
		scan_title_space(run, l);
	if (p->on[ART_MOJIBAKE] && !run->stop)
		report_mojibake(run, l, lb, &ms);
}

static void
scan_line(struct art_run *run, const struct line *l, struct linebuf *lb)
{
	const struct art_params *p = run->p;
	bool plain = !run->c->doc->markdown_input;

	if (p->on[ART_MD_HEADING] && plain)
		scan_markdown(run, l);
	if (p->on[ART_HTML_TAG] && plain && !run->stop)
		scan_html(run, l);
	if (!run->stop)
		scan_text(run, l, lb);
}

static void
art_run(const struct rule *r, const struct check_ctx *c)
{
	struct art_run run = {r, c, r->params, (iconv_t)-1, false, 0};
	struct linebuf lb = {NULL, 0, 0, NULL, 0, 0};
	const struct line *l;
	size_t i;

	for (i = 0; i < c->doc->nlines && !run.stop; i++) {
		l = &c->doc->lines[i];
		if (l->kind != LINE_BOILERPLATE && l->kind != LINE_BLANK)
			scan_line(&run, l, &lb);
	}
	if (run.gb != (iconv_t)-1)
		iconv_close(run.gb);
	free(lb.b);
	free(lb.odd);
}

const struct check_type chk_artifact = {
	"artifact",
	"reports markup left in a plain-text notice and odd or garbled characters",
	art_parse,
	art_run,
	art_free,
	"报告纯文本通报中残留的标记语言，以及异常或乱码字符",
};
