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
};

struct art_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct art_params *p;
	iconv_t gb;            /* UTF-8 to GB18030, for the mojibake test */
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
	for (i = l->span.start; i + 1 < l->span.end && !run->stop; i++) {
		if (t[i] == '*' && t[i + 1] == '*') {
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

/* The first HTML tag and the first entity of line l. */
static void
scan_html(struct art_run *run, const struct line *l)
{
	const char *t = run->c->doc->text;
	bool tag = false, ent = false;
	size_t i, n;

	for (i = l->span.start; i < l->span.end && !(tag && ent) && !run->stop; i++) {
		if (!tag && t[i] == '<' && (n = html_tag(t + i, l->span.end - i)) > 0) {
			emit_quoted(run, ART_HTML_TAG, i, i + n, 1);
			tag = true;
		} else if (!ent && t[i] == '&' && (n = html_entity(t + i, l->span.end - i)) > 0) {
			emit_quoted(run, ART_HTML_ENTITY, i, i + n, 1);
			ent = true;
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

/* Runs of odd characters on line l, one report per run. */
static void
scan_chars(struct art_run *run, const struct line *l)
{
	const char *t = run->c->doc->text;
	size_t i = l->span.start, at, start = 0;
	enum art_kind k, cur = ART_NKINDS;
	uint32_t cp, first = 0;

	while (i <= l->span.end && !run->stop) {
		at = i;
		cp = i < l->span.end ? utf8_next(t, l->span.end, &i) : 0;
		k = at < l->span.end ? odd_kind(l, at, cp) : ART_NKINDS;
		if (k != ART_NKINDS && !run->p->on[k])
			k = ART_NKINDS;
		if (k == cur && k != ART_NKINDS)
			continue;
		if (cur != ART_NKINDS)
			emit_code(run, cur, start, at, first);
		cur = k;
		start = at;
		first = cp;
		if (at >= l->span.end)
			break;
	}
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

/* GB18030 bytes of line l's characters; owner[b] is the text offset behind byte b. */
struct gbline {
	unsigned char *b;
	size_t *owner;
	size_t n, cap, ocap;
};

static void
gb_encode(struct art_run *run, const struct line *l, struct gbline *g)
{
	const char *t = run->c->doc->text;
	size_t i = l->span.start, at, inleft, oleft, k;
	char out[8], *in, *op;

	g->n = 0;
	while (i < l->span.end) {
		at = i;
		utf8_next(t, l->span.end, &i);
		in = (char *)(uintptr_t)(t + at);
		inleft = i - at;
		op = out;
		oleft = sizeof(out);
		if (iconv(run->gb, &in, &inleft, &op, &oleft) == (size_t)-1) {
			iconv(run->gb, NULL, NULL, NULL, NULL);
			out[0] = '?';
			op = out + 1;
		}
		g->b = xgrow(g->b, &g->cap, g->n + 8, 1);
		g->owner = xgrow(g->owner, &g->ocap, g->n + 8, sizeof(*g->owner));
		for (k = 0; k < (size_t)(op - out); k++) {
			g->b[g->n] = (unsigned char)out[k];
			g->owner[g->n++] = at;
		}
	}
}

/* Text written in UTF-8 and decoded as GBK: its GBK bytes are again UTF-8 Chinese. */
static void
scan_mojibake(struct art_run *run, const struct line *l, struct gbline *g)
{
	const char *t = run->c->doc->text;
	size_t i, k, end;

	for (i = l->span.start; i < l->span.end;) {
		size_t at = i;

		if (is_mark(run->p, utf8_next(t, l->span.end, &i))) {
			emit_quoted(run, ART_MOJIBAKE, at, i, 1);
			return;
		}
	}
	if (run->gb == (iconv_t)-1)
		return;
	gb_encode(run, l, g);
	for (i = 0; i < g->n; i++) {
		if (g->b[i] < 0xE0 || (k = utf8_run(g->b, i, g->n)) < (size_t)run->p->mojibake_min)
			continue;
		end = g->owner[i + 3 * k - 1];
		utf8_next(t, l->span.end, &end);
		emit_quoted(run, ART_MOJIBAKE, g->owner[i], end, k);
		return;
	}
}

static void
scan_line(struct art_run *run, const struct line *l, struct gbline *g)
{
	const struct art_params *p = run->p;
	bool plain = !run->c->doc->markdown_input;

	if (p->on[ART_MD_HEADING] && plain)
		scan_markdown(run, l);
	if (p->on[ART_HTML_TAG] && plain && !run->stop)
		scan_html(run, l);
	if (!run->stop)
		scan_chars(run, l);
	if (p->on[ART_TITLE_SPACE] && !run->stop)
		scan_title_space(run, l);
	if (p->on[ART_MOJIBAKE] && !run->stop)
		scan_mojibake(run, l, g);
}

static void
art_run(const struct rule *r, const struct check_ctx *c)
{
	struct art_run run = {r, c, r->params, (iconv_t)-1, 0};
	struct gbline g = {NULL, NULL, 0, 0, 0};
	const struct line *l;
	size_t i;

	if (run.p->on[ART_MOJIBAKE])
		run.gb = iconv_open("GB18030", "UTF-8");
	for (i = 0; i < c->doc->nlines && !run.stop; i++) {
		l = &c->doc->lines[i];
		if (l->kind != LINE_BOILERPLATE && l->kind != LINE_BLANK)
			scan_line(&run, l, &g);
	}
	if (run.gb != (iconv_t)-1)
		iconv_close(run.gb);
	free(g.b);
	free(g.owner);
}

const struct check_type chk_artifact = {
	"artifact",
	"reports markup left in a plain-text notice and odd or garbled characters",
	art_parse,
	art_run,
	art_free,
};
