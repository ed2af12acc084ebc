/* Saved web pages to text: the page's declared charset decoded (GB2312 and GBK read as
 * GB18030, their superset), then libxml2's HTML parser driven through SAX callbacks. Block
 * elements end lines, <br> breaks one, table cells are joined by a tab, white space is
 * collapsed outside <pre>; script, style, head, nav, header, footer, aside, forms and the
 * containers a CMS marks as navigation, breadcrumbs, share bars or copyright footers are
 * left out. Every character keeps the line and column it has in the HTML file. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include "encoding.h"
#include "input/reader.h"
#include "input/xmlpart.h"
#include "limits.h"
#include "linemap.h"
#include "utf8.h"

struct page {
	htmlParserCtxtPtr ctxt;
	const char *html;      /* decoded page, UTF-8, LF line ends */
	size_t len;
	struct linemap lm;     /* of html */
	struct reader_out *out;
	size_t prev_end;       /* source offset just after the last callback's input */
	int depth;             /* open elements */
	int skip_at;           /* depth at which a left-out element opened; 0 none */
	int pre;               /* open <pre>/<textarea> elements */
	int cells;             /* cells begun in the current table row */
	bool space;            /* collapsed white space pending before the next character */
	size_t expect;         /* source offset of the next character if one follows on */
};

/* True when s is one of the NULL-terminated names, ignoring case. */
static bool
in_list(const char *s, const char *const *names)
{
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (strcasecmp(s, names[i]) == 0)
			return true;
	return false;
}

/* Elements whose content a reader does not see as the notice. */
static bool
left_out(const char *name)
{
	static const char *const names[] = {"script", "style", "noscript", "template", "head",
	    "title", "nav", "header", "footer", "aside", "form", "select", "button", "iframe",
	    "svg", "object", "menu", "textarea", NULL};

	return in_list(name, names);
}

/* True when a class or id value holds one of the tokens CMS templates give their chrome:
 * navigation, breadcrumbs (当前位置 bars), share buttons, copyright footers. */
static bool
chrome_token(const char *v)
{
	static const char *const tokens[] = {"nav", "navbar", "navigation", "menu", "mainmenu",
	    "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "share", "bdsharebuttonbox",
	    "copyright", "toolbar", "topbar", "header", "footer", "foot", "position", "dqwz",
	    "location", "skip", NULL};
	char tok[64];
	size_t n;

	while (*v != '\0') {
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		for (n = 0; v[n] != '\0' && v[n] != ' ' && v[n] != '\t' && v[n] != '\n'; n++)
			;
		if (n > 0 && n < sizeof(tok)) {
			memcpy(tok, v, n);
			tok[n] = '\0';
			if (in_list(tok, tokens))
				return true;
		}
		v += n;
	}
	return false;
}

static bool
block(const char *name)
{
	static const char *const names[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
	    "ul", "ol", "dl", "dt", "dd", "table", "tr", "tbody", "thead", "tfoot", "caption",
	    "section", "article", "main", "blockquote", "pre", "center", "address", "figure",
	    "figcaption", "hr", "body", "html", "fieldset", "details", "summary", NULL};

	return in_list(name, names);
}

/* Absolute offset in the page of the parser's read position. */
static size_t
position(const struct page *p)
{
	xmlParserInputPtr in = p->ctxt->input;
	size_t off;

	if (in == NULL || in->cur == NULL || in->base == NULL)
		return p->prev_end;
	off = (size_t)in->consumed + (size_t)(in->cur - in->base);
	return off > p->len ? p->len : off;
}

/* Ends the current line unless it is empty. */
static void
line_break(struct page *p)
{
	struct strbuf *t = &p->out->text;

	p->space = false;
	if (t->n > 0 && t->s[t->n - 1] != '\n')
		strbuf_put(t, "\n", 1);
}

/* Emits code point cp (bytes s[0..n)) that stands at source offset src. */
static void
emit(struct page *p, const char *s, size_t n, size_t src)
{
	struct strbuf *t = &p->out->text;
	unsigned line, col;

	if (p->space && t->n > 0 && t->s[t->n - 1] != '\n' && t->s[t->n - 1] != '\t') {
		strbuf_put(t, " ", 1);
		p->expect = (size_t)-1;  /* the space stood for white space elsewhere */
	}
	p->space = false;
	if (src != p->expect || t->n == 0 || t->s[t->n - 1] == '\n') {
		linemap_locate(&p->lm, src, &line, &col);
		srcmap_add(&p->out->map, t->n, line, col);
	}
	strbuf_put(t, s, n);
	p->expect = src + n;
}

/* Adds text ch[0..len) that the parser delivered from source offset src (exact when
 * exact, else every character is placed at src, as for an entity). */
static void
add_text(struct page *p, const char *ch, size_t len, size_t src, bool exact)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		size_t at = exact ? src + i : src;

		n = utf8_seq_len((const unsigned char *)ch + i, len - i);
		if (n == 0)
			n = 1;
		cp = n == 1 ? (unsigned char)ch[i] : 0;
		if (n == 2 && (unsigned char)ch[i] == 0xC2 && (unsigned char)ch[i + 1] == 0xA0)
			cp = ' ';  /* &nbsp; */
		if (p->pre == 0 && (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == '\f')) {
			p->space = true;
		} else if (cp == '\n') {
			strbuf_put(&p->out->text, "\n", 1);
		} else if (cp == ' ' && p->pre > 0) {
			emit(p, " ", 1, at);
		} else {
			emit(p, ch + i, n, at);
		}
		i += n;
	}
}

static void
on_chars(void *ctx, const xmlChar *ch, int len)
{
	struct page *p = ctx;
	size_t end = position(p), n = (size_t)len, start = 0, k, at;
	bool exact = false;

	if (len <= 0)
		return;
	if (p->skip_at == 0) {
		/* The parser hands text over at or just before its read position. */
		for (k = 0; k <= 4 && !exact; k++) {
			if (end + k < n)
				continue;
			at = end + k - n;
			/* The read position may have run a character past the last text. */
			if (at + 4 >= p->prev_end && at + n <= p->len &&
			    memcmp(p->html + at, ch, n) == 0) {
				exact = true;
				start = at;
			}
		}
		if (!exact) {
			/* An entity: it starts at the '&' before the read position. */
			for (start = end; start > p->prev_end && p->html[start - 1] != '&'; start--)
				;
			if (start > p->prev_end)
				start--;
		}
		add_text(p, (const char *)ch, n, start, exact);
		if (exact)
			end = start + n;
	}
	if (end > p->prev_end)
		p->prev_end = end;
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **attrs)
{
	struct page *p = ctx;
	const char *nm = (const char *)name;
	size_t i;
	bool chrome = false;

	p->depth++;
	p->prev_end = position(p);
	if (p->skip_at > 0)
		return;
	for (i = 0; attrs != NULL && attrs[i] != NULL; i += 2)
		if ((strcasecmp((const char *)attrs[i], "class") == 0 ||
		    strcasecmp((const char *)attrs[i], "id") == 0) && attrs[i + 1] != NULL &&
		    chrome_token((const char *)attrs[i + 1]))
			chrome = true;
	if (left_out(nm) || chrome || p->depth > NL_MAX_MARKUP_DEPTH) {
		p->skip_at = p->depth;
		return;
	}
	if (strcasecmp(nm, "br") == 0) {
		line_break(p);
	} else if (strcasecmp(nm, "pre") == 0) {
		line_break(p);
		p->pre++;
	} else if (strcasecmp(nm, "tr") == 0) {
		line_break(p);
		p->cells = 0;
	} else if (strcasecmp(nm, "td") == 0 || strcasecmp(nm, "th") == 0) {
		p->space = false;
		if (p->cells++ > 0 && p->out->text.n > 0 &&
		    p->out->text.s[p->out->text.n - 1] != '\n')
			strbuf_put(&p->out->text, "\t", 1);
	} else if (block(nm)) {
		line_break(p);
	}
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct page *p = ctx;
	const char *nm = (const char *)name;

	p->prev_end = position(p);
	if (p->skip_at > 0) {
		if (p->depth-- == p->skip_at)
			p->skip_at = 0;
		return;
	}
	p->depth--;
	if (strcasecmp(nm, "pre") == 0 && p->pre > 0)
		p->pre--;
	if (block(nm))
		line_break(p);
}

/* The charset a page declares in its first bytes (<meta charset=...> or http-equiv
 * content="...; charset=..."), copied to buf; NULL when none. */
static const char *
declared_charset(const unsigned char *raw, size_t len, char *buf, size_t bufsz)
{
	size_t lim = len < 16384 ? len : 16384, i, n;

	for (i = 0; i + 8 <= lim; i++) {
		if (strncasecmp((const char *)raw + i, "charset=", 8) != 0)
			continue;
		i += 8;
		while (i < lim && (raw[i] == '"' || raw[i] == '\'' || raw[i] == ' '))
			i++;
		for (n = 0; i + n < lim && n + 1 < bufsz &&
		    (isalnum(raw[i + n]) || raw[i + n] == '-' || raw[i + n] == '_'); n++)
			buf[n] = (char)raw[i + n];
		buf[n] = '\0';
		return n > 0 ? buf : NULL;
	}
	return NULL;
}

/* Decodes the page: --encoding if given, else the declared charset (the GB family as
 * GB18030; a page that says GB but is valid UTF-8 was re-saved as UTF-8), else detection. */
static void
decode_page(struct decoded *dec, const unsigned char *raw, size_t len, const char *forced)
{
	char cs[40];
	const char *decl = declared_charset(raw, len, cs, sizeof(cs)), *use = NULL;

	if (forced != NULL && encoding_decode(dec, raw, len, forced) == 0)
		return;
	if (decl != NULL && (strcasecmp(decl, "gb2312") == 0 || strcasecmp(decl, "gbk") == 0 ||
	    strcasecmp(decl, "gb18030") == 0 || strcasecmp(decl, "x-gbk") == 0 ||
	    strcasecmp(decl, "gb_2312-80") == 0 || strcasecmp(decl, "cp936") == 0))
		use = encoding_is_utf8(raw, len) ? NULL : "GB18030";
	else if (decl != NULL && strcasecmp(decl, "big5") == 0)
		use = "BIG5";
	if (use == NULL || encoding_decode(dec, raw, len, use) != 0)
		encoding_decode(dec, raw, len, NULL);
}

int
html_read(const unsigned char *raw, size_t len, const char *path, const char *forced,
    enum lang lang, struct reader_out *out, const char **encoding,
    struct source_error *err)
{
	struct decoded dec;
	struct page p;
	char lim[24], size[24];

	if (len > NL_MAX_HTML_BYTES) {
		snprintf(lim, sizeof(lim), "%u", NL_MAX_HTML_BYTES);
		snprintf(size, sizeof(size), "%zu", len);
		return reader_fail(err, "input-html-too-large", lang, path, "limit", lim, "size",
		    size, NULL);
	}
	markup_init();
	decode_page(&dec, raw, len, forced);
	memset(&p, 0, sizeof(p));
	p.html = dec.text;
	p.len = dec.len;
	p.out = out;
	p.expect = (size_t)-1;
	linemap_build(&p.lm, dec.text, dec.len);
	p.ctxt = htmlCreateMemoryParserCtxt(dec.text, (int)dec.len);
	if (p.ctxt == NULL) {
		linemap_free(&p.lm);
		decoded_free(&dec);
		return reader_fail(err, "input-unreadable", lang, path, "reason",
		    "cannot start the HTML parser", NULL);
	}
	htmlCtxtUseOptions(p.ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
	xmlSwitchEncoding(p.ctxt, XML_CHAR_ENCODING_UTF8);
	memset(p.ctxt->sax, 0, sizeof(*p.ctxt->sax));
	p.ctxt->sax->startElement = on_start;
	p.ctxt->sax->endElement = on_end;
	p.ctxt->sax->characters = on_chars;
	p.ctxt->sax->ignorableWhitespace = on_chars;
	p.ctxt->sax->cdataBlock = on_chars;
	p.ctxt->userData = &p;
	htmlParseDocument(p.ctxt);
	if (p.ctxt->myDoc != NULL)
		xmlFreeDoc(p.ctxt->myDoc);
	htmlFreeParserCtxt(p.ctxt);
	line_break(&p);
	*encoding = dec.encoding;
	linemap_free(&p.lm);
	decoded_free(&dec);
	out->map.format = "html";
	out->map.line_unit = "line";
	return 0;
}
