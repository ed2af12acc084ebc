/* Line table of a decoded text: byte offset to 1-based line and column (in code points). */
#ifndef NL_LINEMAP_H
#define NL_LINEMAP_H
#include <stddef.h>
#include "input/srcmap.h"

struct linemap {
	const char *text;  /* borrowed */
	size_t len;
	size_t *starts;    /* byte offset where each line starts; nlines entries */
	size_t nlines;
	const struct srcmap *src;  /* borrowed; when set, linemap_locate answers in its terms */
};

/* Builds the table for text (borrowed; must outlive the map). */
void linemap_build(struct linemap *m, const char *text, size_t len);
/* Frees the table (not the text). */
void linemap_free(struct linemap *m);
/* 0-based index of the line that holds byte offset off. */
size_t linemap_line_index(const struct linemap *m, size_t off);
/* 1-based line and column (code points from line start) of byte offset off; with a source
 * map, the line and column in the source file it maps to. */
void linemap_locate(const struct linemap *m, size_t off, unsigned *line, unsigned *col);
/* PDF page of byte offset off under the source map; 0 without one or without pages. */
unsigned linemap_page(const struct linemap *m, size_t off);
/* Byte span of line index i (0-based), without its LF. */
void linemap_line_span(const struct linemap *m, size_t i, size_t *start, size_t *end);

#endif
