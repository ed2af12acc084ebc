/* The notice text of the HTML report: escaped writing, and each line cut at the bounds of
 * the findings and related locations over it, every covered piece a <mark> that names the
 * findings it belongs to, each finding's message under the line where it starts. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "utf8.h"
#include "xalloc.h"

void
html_raw(struct strbuf *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

void
html_rawf(struct strbuf *b, const char *fmt, ...)
{
	char small[256];
	char *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		strbuf_put(b, small, (size_t)n);
		return;
	}
	big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	strbuf_put(b, big, (size_t)n);
	free(big);
}

void
html_text(struct strbuf *b, const char *s, size_t n)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t i = 0, at;
	uint32_t cp;

	while (i < n) {
		at = i;
		cp = utf8_next(s, n, &i);
		switch (cp) {
		case '&': html_raw(b, "&amp;"); break;
		case '<': html_raw(b, "&lt;"); break;
		case '>': html_raw(b, "&gt;"); break;
		case '"': html_raw(b, "&quot;"); break;
		case '\'': html_raw(b, "&#39;"); break;
		case '\t':
		case '\n': strbuf_put(b, s + at, 1); break;
		default:
			if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
			    (cp == 0xFFFD && i - at != 3))
				html_raw(b, fffd);
			else
				strbuf_put(b, s + at, i - at);
		}
	}
}

void
html_str(struct strbuf *b, const char *s)
{
	html_text(b, s, strlen(s));
}

void
html_family(const char *id, char *out, size_t cap)
{
	size_t n = 0;

	while (id[n] >= 'A' && id[n] <= 'Z' && n + 1 < cap)
		n++;
	if (id[n] != '-')
		n = 0;
	memcpy(out, id, n);
	out[n] = '\0';
}

/* One marked range: a finding (rel < 0) or related location rel of finding diag. */
struct mark {
	size_t start, end;
	size_t diag;
	long rel;
};

static int
cmp_mark(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->diag != y->diag)
		return x->diag < y->diag ? -1 : 1;
	return x->rel < y->rel ? -1 : x->rel > y->rel;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Every finding and related range, clipped to the text, sorted by start. */
static struct mark *
collect(const struct diag_list *dl, size_t len, size_t *n)
{
	struct mark *v;
	size_t i, k, m = 0, total = 0;

	for (i = 0; i < dl->n; i++)
		total += 1 + dl->v[i].nrelated;
	v = xcalloc(total ? total : 1, sizeof(*v));
	for (i = 0; i < dl->n; i++) {
		for (k = 0; k <= dl->v[i].nrelated; k++) {
			struct span sp = k == 0 ? dl->v[i].span : dl->v[i].related[k - 1].span;

			if (k > 0 && dl->v[i].related[k - 1].path != NULL)
				continue;   /* in another file */

			v[m].start = sp.start < len ? sp.start : len;
			v[m].end = sp.end < v[m].start ? v[m].start : sp.end < len ? sp.end : len;
			v[m].diag = i;
			v[m].rel = (long)k - 1;
			m++;
		}
	}
	qsort(v, m, sizeof(*v), cmp_mark);
	*n = m;
	return v;
}

/* The id of a mark's anchor: f1-d3 for a finding, f1-d3r0 for its first related range. */
static void
anchor_id(struct strbuf *b, unsigned fileno, const struct mark *m)
{
	if (m->rel < 0)
		html_rawf(b, "f%u-d%zu", fileno, m->diag);
	else
		html_rawf(b, "f%u-d%zur%ld", fileno, m->diag, m->rel);
}

static const char *
level_class(enum level l)
{
	return l == LEVEL_ERROR ? "error" : l == LEVEL_WARNING ? "warning" : "info";
}

/* Writes the <mark> of line piece [a, b) covered by the active marks act[0, nact) that
 * hold it whole, or the bare text when none does. */
static void
put_piece(struct strbuf *b, const struct fmt_file *f, const struct mark *const *act,
    size_t nact, size_t a, size_t z)
{
	const struct diag *d;
	enum level top = LEVEL_NONE;
	size_t i, nprim = 0, nrel = 0, shown = 0;

	for (i = 0; i < nact; i++) {
		if (act[i]->start > a || act[i]->end < z)
			continue;
		if (act[i]->rel < 0) {
			nprim++;
			d = &f->diags->v[act[i]->diag];
			if (d->level > top)
				top = d->level;
		} else {
			nrel++;
		}
	}
	if (nprim + nrel == 0) {
		html_text(b, f->text + a, z - a);
		return;
	}
	html_rawf(b, "<mark class=\"%s lv-%s\"", nprim ? "hl" : "rel",
	    nprim ? level_class(top) : "note");
	for (int pass = 0; pass < 2; pass++) {
		size_t want = pass == 0 ? nprim : nrel, done = 0;

		if (want == 0)
			continue;
		html_raw(b, pass == 0 ? " data-d=\"" : " data-r=\"");
		for (i = 0; i < nact; i++) {
			if (act[i]->start > a || act[i]->end < z || (act[i]->rel < 0) != (pass == 0))
				continue;
			if (pass == 0)
				html_rawf(b, "%s%zu", done++ ? " " : "", act[i]->diag);
			else
				html_rawf(b, "%s%zu.%ld", done++ ? " " : "", act[i]->diag, act[i]->rel);
		}
		html_raw(b, "\"");
	}
	html_raw(b, " title=\"");
	for (i = 0; i < nact; i++) {
		if (act[i]->start > a || act[i]->end < z)
			continue;
		d = &f->diags->v[act[i]->diag];
		if (shown++)
			html_raw(b, "\n");
		html_str(b, d->rule);
		html_raw(b, ": ");
		html_str(b, act[i]->rel < 0 ? d->message : d->related[act[i]->rel].message);
	}
	html_raw(b, "\">");
	html_text(b, f->text + a, z - a);
	html_raw(b, "</mark>");
}

/* Writes the anchors of the marks that start at position p. */
static void
put_anchors(struct strbuf *b, const struct mark *v, size_t n, size_t *next, size_t p,
    unsigned fileno)
{
	while (*next < n && v[*next].start == p) {
		const struct mark *m = &v[*next];

		html_rawf(b, "<a class=\"at%s\" id=\"", m->start == m->end ? " pt" : "");
		anchor_id(b, fileno, m);
		html_raw(b, "\"></a>");
		(*next)++;
	}
}

/* Writes the messages of the findings that start on this line, as links to the list. */
static void
put_line_notes(struct strbuf *b, const struct fmt_file *f, const size_t *starts, size_t n,
    unsigned fileno)
{
	size_t i;

	if (n == 0)
		return;
	html_raw(b, "<ul class=\"notes\">");
	for (i = 0; i < n; i++) {
		const struct diag *d = &f->diags->v[starts[i]];
		char fam[16];

		html_family(d->rule, fam, sizeof(fam));
		html_rawf(b, "<li class=\"lv-%s\" data-level=\"%s\" data-family=\"%s\" "
		    "data-i=\"%zu\"><a href=\"#f%u-i%zu\">", level_class(d->level),
		    level_class(d->level), fam, starts[i], fileno, starts[i]);
		html_str(b, d->rule);
		html_raw(b, "</a> ");
		html_str(b, d->message);
		html_raw(b, "</li>");
	}
	html_raw(b, "</ul>");
}

/* Cuts line [ls, le) at the bounds of the active marks and writes its pieces. */
static void
put_line_text(struct strbuf *b, const struct fmt_file *f, const struct mark *v, size_t n,
    size_t *next, const struct mark *const *act, size_t nact, size_t ls, size_t le,
    unsigned fileno)
{
	size_t *cut = xcalloc(2 * nact + 2, sizeof(*cut));
	size_t ncut = 0, i;

	cut[ncut++] = ls;
	cut[ncut++] = le;
	for (i = 0; i < nact; i++) {
		if (act[i]->start > ls && act[i]->start < le)
			cut[ncut++] = act[i]->start;
		if (act[i]->end > ls && act[i]->end < le)
			cut[ncut++] = act[i]->end;
	}
	qsort(cut, ncut, sizeof(*cut), cmp_size);
	for (i = 0; i + 1 < ncut; i++) {
		if (cut[i] == cut[i + 1])
			continue;
		put_anchors(b, v, n, next, cut[i], fileno);
		put_piece(b, f, act, nact, cut[i], cut[i + 1]);
	}
	put_anchors(b, v, n, next, le, fileno);
	free(cut);
}

void
html_notice(struct strbuf *b, const struct fmt_file *f, unsigned fileno)
{
	static const struct diag_list none;
	const struct diag_list *dl = f->diags ? f->diags : &none;
	size_t len = f->lines->len, nm, next = 0, line, ls, le, i, nact = 0, nstart;
	struct mark *v = collect(dl, len, &nm);
	const struct mark **act = xcalloc(nm ? nm : 1, sizeof(*act));
	size_t *starts = xcalloc(dl->n ? dl->n : 1, sizeof(*starts));

	html_raw(b, "<div class=\"text\">");
	for (line = 0; line < f->lines->nlines; line++) {
		linemap_line_span(f->lines, line, &ls, &le);
		/* The empty line after a final LF is shown only when a mark starts there. */
		if (line + 1 == f->lines->nlines && ls == len && line > 0 &&
		    (next == nm || v[next].start > len))
			break;
		for (i = 0; i < nact;) {
			if (act[i]->end < ls || (act[i]->end == ls && act[i]->start < ls))
				act[i] = act[--nact];
			else
				i++;
		}
		nstart = 0;
		for (i = next; i < nm && v[i].start <= le; i++) {
			act[nact++] = &v[i];
			if (v[i].rel < 0)
				starts[nstart++] = v[i].diag;
		}
		html_rawf(b, "<div class=\"ln\" id=\"f%u-L%zu\" data-n=\"%zu\"><span class=\"tx\">",
		    fileno, line + 1, line + 1);
		put_line_text(b, f, v, nm, &next, act, nact, ls, le, fileno);
		html_raw(b, "</span>");
		qsort(starts, nstart, sizeof(*starts), cmp_size);
		put_line_notes(b, f, starts, nstart, fileno);
		html_raw(b, "</div>\n");
	}
	/* Marks past the last line (a span at the very end of the text). */
	put_anchors(b, v, nm, &next, len, fileno);
	html_raw(b, "</div>\n");
	free(starts);
	free(act);
	free(v);
}
