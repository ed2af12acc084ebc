/* PDF to text with poppler-glib: each page's text in reading order, one line per text
 * line, with page numbers (- 3 -, 第3页, 3/5) and running headers and footers (the same
 * line at the top or bottom of most pages) left out, and a line the typesetter wrapped (it
 * runs to the right edge and ends in no closing punctuation) joined to the next. Anchors give page, line on the page and
 * column. Poppler is not known to be safe across threads, so one PDF is read at a time. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <poppler.h>
#include "input/reader.h"
#include "utf8.h"
#include "xalloc.h"

static pthread_mutex_t pdf_lock = PTHREAD_MUTEX_INITIALIZER;

/* One line of a page, trimmed of white space. */
struct pline {
	const char *s;
	size_t n;
	unsigned lineno;   /* 1-based line on its page */
	size_t lead;       /* code points trimmed from its start */
	double x1, x2;     /* left and right edge of its text on the page; x2 < x1: unknown */
};

struct ppage {
	char *text;        /* g_free */
	struct pline *lines;
	size_t n;
	PopplerRectangle *rects;  /* one per code point of text (g_free); NULL when unknown */
	guint nrects;
};

static bool
is_space_at(const char *s, size_t n, size_t *len)
{
	size_t i = 0;
	uint32_t cp;

	if (n == 0)
		return false;
	cp = utf8_next(s, n, &i);
	*len = i;
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0x3000 || cp == 0xA0;
}

/* Sets l's left and right edge from the page's character boxes. */
static void
edges(const struct ppage *pg, const char *text, struct pline *l)
{
	size_t first = (size_t)g_utf8_pointer_to_offset(text, l->s), last;

	l->x1 = 1;
	l->x2 = 0;
	if (l->n == 0 || pg->rects == NULL)
		return;
	last = (size_t)g_utf8_pointer_to_offset(text, l->s + l->n) - 1;
	if (last >= pg->nrects)
		return;
	l->x1 = pg->rects[first].x1;
	l->x2 = pg->rects[last].x2;
}

/* Splits text into trimmed lines. */
static void
split_lines(struct ppage *pg)
{
	const char *s = pg->text != NULL ? pg->text : "";
	size_t cap = 0, len = strlen(s), i = 0, e, k;
	unsigned no = 0;

	while (i <= len) {
		const char *nl = memchr(s + i, '\n', len - i);
		struct pline l;

		e = nl != NULL ? (size_t)(nl - s) : len;
		l.s = s + i;
		l.n = e - i;
		l.lineno = ++no;
		l.lead = 0;
		while (is_space_at(l.s, l.n, &k)) {
			l.s += k;
			l.n -= k;
			l.lead++;
		}
		while (l.n > 0 && (l.s[l.n - 1] == ' ' || l.s[l.n - 1] == '\t' || l.s[l.n - 1] == '\r'))
			l.n--;
		edges(pg, s, &l);
		pg->lines = xgrow(pg->lines, &cap, pg->n + 1, sizeof(*pg->lines));
		pg->lines[pg->n++] = l;
		if (nl == NULL)
			break;
		i = e + 1;
	}
	/* Drop empty lines at the end of the page. */
	while (pg->n > 0 && pg->lines[pg->n - 1].n == 0)
		pg->n--;
}

/* True for a line that is only a page number: 3, - 3 -, — 3 —, 第3页, 第 3 页 共 5 页, 3/5. */
static bool
page_number_line(const struct pline *l)
{
	size_t i = 0, digits = 0;
	uint32_t cp;

	if (l->n == 0 || l->n > 40)
		return false;
	while (i < l->n) {
		cp = utf8_next(l->s, l->n, &i);
		if (cp >= '0' && cp <= '9')
			digits++;
		else if (cp >= 0xFF10 && cp <= 0xFF19)
			digits++;
		else if (!(cp == ' ' || cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0x2212 ||
		    cp == '/' || cp == 0x7B2C /* 第 */ || cp == 0x9875 /* 页 */ ||
		    cp == 0x5171 /* 共 */ || cp == 0x3000 || cp == '.' || cp == 0xB7))
			return false;
	}
	return digits > 0 && digits <= 8;
}

static bool
same(const struct pline *a, const struct pline *b)
{
	return a->n > 0 && a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* Index of the first non-empty line of pg from the top (dir 1) or bottom (dir -1). */
static long
edge_line(const struct ppage *pg, int dir)
{
	long i = dir > 0 ? 0 : (long)pg->n - 1;

	while (i >= 0 && i < (long)pg->n && pg->lines[i].n == 0)
		i += dir;
	return i >= 0 && i < (long)pg->n ? i : -1;
}

/* True when line k of page p repeats at the same edge of most other pages. */
static bool
running_line(const struct ppage *pages, size_t np, size_t p, long k, int dir)
{
	size_t q, hits = 0;
	long e;

	if (np < 2)
		return false;
	for (q = 0; q < np; q++) {
		if (q == p)
			continue;
		e = edge_line(&pages[q], dir);
		if (e >= 0 && same(&pages[q].lines[e], &pages[p].lines[k]))
			hits++;
	}
	return hits * 2 >= np - 1 && hits > 0;
}

/* Marks the page furniture of page p: its top and bottom lines when they are page numbers
 * or running headers/footers. */
static void
mark_furniture(const struct ppage *pages, size_t np, size_t p, bool *drop)
{
	int dir, round;
	long k;

	for (dir = -1; dir <= 1; dir += 2) {
		/* A header may be a title line over a page number, or the reverse. */
		for (round = 0; round < 2; round++) {
			k = dir > 0 ? 0 : (long)pages[p].n - 1;
			while (k >= 0 && k < (long)pages[p].n && (pages[p].lines[k].n == 0 || drop[k]))
				k += dir;
			if (k < 0 || k >= (long)pages[p].n)
				break;
			if (page_number_line(&pages[p].lines[k]) ||
			    (round == 0 && running_line(pages, np, p, k, dir)))
				drop[k] = true;
			else
				break;
		}
	}
}

/* True when a line ends in punctuation that closes a sentence or a heading. */
static bool
ends_sentence(const struct pline *l)
{
	size_t i = l->n;
	uint32_t cp;

	if (l->n == 0)
		return true;
	cp = utf8_prev(l->s, &i);
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF1A ||
	    cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == ':' || cp == 0x2026;
}

/* True when line k of pg runs to the right edge of the text, as a line the typesetter
 * wrapped does: within two character widths of the widest line of the page. */
static bool
runs_full(const struct ppage *pg, size_t k)
{
	double right = 0, w;
	size_t i;

	if (pg->lines[k].x2 < pg->lines[k].x1)
		return false;
	for (i = 0; i < pg->n; i++)
		if (pg->lines[i].x2 > right)
			right = pg->lines[i].x2;
	w = pg->lines[k].n > 0 ? (pg->lines[k].x2 - pg->lines[k].x1) /
	    (double)g_utf8_strlen(pg->lines[k].s, (gssize)pg->lines[k].n) : 0;
	return pg->lines[k].x2 >= right - 2 * w;
}

/* Appends the lines of every page to out, with anchors. */
static void
emit_pages(const struct ppage *pages, size_t np, struct reader_out *out)
{
	size_t p, k;
	bool *drop, join = false;

	for (p = 0; p < np; p++) {
		drop = xcalloc(pages[p].n + 1, sizeof(*drop));
		mark_furniture(pages, np, p, drop);
		out->map.page = (unsigned)p + 1;
		for (k = 0; k < pages[p].n; k++) {
			const struct pline *l = &pages[p].lines[k];

			if (drop[k] || l->n == 0)
				continue;
			if (join && out->text.n > 0)
				out->text.n--;  /* the wrapped line goes on: drop its line end */
			srcmap_add(&out->map, out->text.n, l->lineno, (unsigned)l->lead + 1);
			strbuf_put(&out->text, l->s, l->n);
			strbuf_put(&out->text, "\n", 1);
			/* A line the typesetter wrapped continues on the next one. */
			join = runs_full(&pages[p], k) && !ends_sentence(l);
		}
		free(drop);
	}
}

int
pdf_read(const unsigned char *raw, size_t len, const char *path, enum lang lang,
    struct reader_out *out, struct source_error *err)
{
	GBytes *bytes;
	GError *ge = NULL;
	PopplerDocument *doc;
	struct ppage *pages;
	int np, i, rc = 0;

	pthread_mutex_lock(&pdf_lock);
	bytes = g_bytes_new_static(raw, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
	if (doc == NULL) {
		if (ge != NULL && ge->domain == POPPLER_ERROR && ge->code == POPPLER_ERROR_ENCRYPTED)
			rc = reader_fail(err, "input-pdf-encrypted", lang, path, NULL);
		else
			rc = reader_fail(err, "input-pdf-damaged", lang, path, "reason",
			    ge != NULL && ge->message != NULL ? ge->message : "unknown error", NULL);
		if (ge != NULL)
			g_error_free(ge);
		g_bytes_unref(bytes);
		pthread_mutex_unlock(&pdf_lock);
		return rc;
	}
	np = poppler_document_get_n_pages(doc);
	pages = xcalloc((size_t)(np > 0 ? np : 1), sizeof(*pages));
	for (i = 0; i < np; i++) {
		PopplerPage *pg = poppler_document_get_page(doc, i);

		if (pg == NULL)
			continue;
		pages[i].text = poppler_page_get_text(pg);
		if (!poppler_page_get_text_layout(pg, &pages[i].rects, &pages[i].nrects))
			pages[i].rects = NULL;
		split_lines(&pages[i]);
		g_object_unref(pg);
	}
	emit_pages(pages, (size_t)(np > 0 ? np : 0), out);
	for (i = 0; i < np; i++) {
		g_free(pages[i].text);
		g_free(pages[i].rects);
		free(pages[i].lines);
	}
	free(pages);
	g_object_unref(doc);
	g_bytes_unref(bytes);
	pthread_mutex_unlock(&pdf_lock);
	out->map.format = "pdf";
	out->map.line_unit = "page-line";
	return 0;
}
