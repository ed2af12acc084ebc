/* Map from the decoded text of a converted input (.docx, .html, .pdf) back to where each
 * character is in the file the user has: anchors at the points where the text stops
 * following the source one character for one. */
#ifndef NL_SRCMAP_H
#define NL_SRCMAP_H
#include <stddef.h>

/* From text offset off on, characters sit at source line, col, col + 1, ... */
struct src_anchor {
	size_t off;
	unsigned line, col;
	unsigned page;  /* PDF page (1-based) the line is on; 0 for formats without pages */
};

struct srcmap {
	const char *format;     /* "docx", "html", "pdf": what the source is */
	const char *line_unit;  /* what a line number counts: "paragraph", "line", "page-line" */
	unsigned page;          /* page given to the anchors added from now on */
	struct src_anchor *v;   /* sorted by off */
	size_t n, cap;
};

/* Appends an anchor; off must not be below the last one's (an equal off replaces it). */
void srcmap_add(struct srcmap *m, size_t off, unsigned line, unsigned col);
/* Source line and column of text offset off of text[0..len). */
void srcmap_locate(const struct srcmap *m, const char *text, size_t len, size_t off,
		unsigned *line, unsigned *col);
/* The page of text offset off; 0 when the source has no pages. */
unsigned srcmap_page(const struct srcmap *m, size_t off);
/* Frees the anchors. */
void srcmap_free(struct srcmap *m);

#endif
