/* What the format readers share: the text they build with its source anchors, and input
 * errors filled from the catalogue. Private to lint/input/. */
#ifndef NL_INPUT_READER_H
#define NL_INPUT_READER_H
#include <stddef.h>
#include "i18n.h"
#include "input/srcmap.h"
#include "source.h"
#include "strbuf.h"

/* Text under construction and its map. */
struct reader_out {
	struct strbuf text;
	struct srcmap map;
};

/* Fills err with catalogue id; the message takes path and the NULL-terminated name/value
 * pairs after it. Returns -1. */
int reader_fail(struct source_error *err, const char *id, enum lang lang, const char *path,
		...);
/* Reads .docx bytes; see input_convert. */
int docx_read(const unsigned char *raw, size_t len, const char *path, enum lang lang,
		struct reader_out *out, struct source_error *err);
/* Reads an HTML page; see input_convert. *encoding gets the page's charset name. */
int html_read(const unsigned char *raw, size_t len, const char *path, const char *forced,
		enum lang lang, struct reader_out *out, const char **encoding,
		struct source_error *err);
/* Reads a PDF; see input_convert. */
int pdf_read(const unsigned char *raw, size_t len, const char *path, enum lang lang,
		struct reader_out *out, struct source_error *err);

#endif
