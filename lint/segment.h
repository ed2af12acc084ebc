/* Text to document model: the notice grammar lives in segment.c. */
#ifndef NL_SEGMENT_H
#define NL_SEGMENT_H
#include "doc.h"

/* Builds the model of text (borrowed, must outlive doc) into a zeroed *doc. path is borrowed
 * and only used to decide whether Markdown decoration is expected (.md). */
void segment_build(struct doc *doc, const char *path, const char *text, size_t len);
/* Index of the problem item whose statement holds byte offset off, or -1. Statements
 * follow one another in document order, so this is a binary search. */
int doc_statement_at(const struct doc *doc, size_t off);
/* Frees everything segment_build and fact extraction allocated (not the text). */
void doc_free(struct doc *doc);

#endif
