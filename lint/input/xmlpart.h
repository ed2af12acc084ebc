/* One XML part of a .docx read as a stream with libxml2's reader: no network, no entity
 * expansion, and a document type declaration refused outright (Word never writes one, so
 * one is an entity bomb or an external entity until proved otherwise). */
#ifndef NL_XMLPART_H
#define NL_XMLPART_H
#include <stdbool.h>
#include <stddef.h>
#include <libxml/xmlreader.h>
#include "i18n.h"
#include "source.h"

struct xmlpart {
	xmlTextReaderPtr r;
	const char *part;  /* part name for messages, e.g. "word/document.xml" */
	const char *id;    /* catalogue id of the failure, NULL while none */
	char why[200];
};

/* Sets libxml2 up once per process; safe from any thread. */
void markup_init(void);
/* Starts reading buf[0..len) (borrowed). Returns 0, or -1 with x->id set. */
int xmlpart_open(struct xmlpart *x, const char *buf, size_t len, const char *part);
/* Moves to the next node: 1 on a node, 0 at the end, -1 on an error (x->id set). */
int xmlpart_next(struct xmlpart *x);
/* True when the current node opens (or, with end, closes) element local of the
 * WordprocessingML namespace (transitional or strict). */
bool xmlpart_at(const struct xmlpart *x, const char *local, bool end);
/* True for an element start that is empty (<w:tab/>): no end node follows. */
bool xmlpart_empty(const struct xmlpart *x);
/* Skips the rest of the current element's subtree: the next xmlpart_next returns the node
 * after its end. Returns 0 or -1 on an error. */
int xmlpart_skip(struct xmlpart *x);
/* The WordprocessingML attribute local of the current element as a new string (free with
 * xmlFree), or NULL. */
char *xmlpart_attr(const struct xmlpart *x, const char *local);
/* That attribute as a decimal integer, or dflt when absent or not a number. */
int xmlpart_attr_int(const struct xmlpart *x, const char *local, int dflt);
/* The text of the current text or whitespace node (borrowed), or NULL. */
const char *xmlpart_text(const struct xmlpart *x);
/* Fills err from x's failure for the file shown as path. Returns -1. */
int xmlpart_fail(const struct xmlpart *x, struct source_error *err, enum lang lang,
		const char *path);
/* Ends reading. */
void xmlpart_close(struct xmlpart *x);

#endif
