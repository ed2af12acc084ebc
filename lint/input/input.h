/* Inputs other than plain text: which format a path holds (by extension or --stdin-format)
 * and the conversion of .docx, .html/.htm and .pdf into decoded text with a source map. */
#ifndef NL_INPUT_H
#define NL_INPUT_H
#include <stddef.h>
#include "decode.h"
#include "i18n.h"
#include "input/srcmap.h"
#include "source.h"

enum input_format {
	INPUT_TEXT,      /* .txt, .md and anything unknown: the text path */
	INPUT_DOCX,
	INPUT_HTML,
	INPUT_PDF,
	INPUT_OLD_WORD   /* .doc, .wps: refused with advice */
};

/* The format of path by its extension, case-insensitive; for "-" the format stdin_format
 * names (NULL: text). */
enum input_format input_format_of(const char *path, const char *stdin_format);
/* Reads a --stdin-format value (txt, md, docx, html, htm, pdf) into *f; -1 if unknown. */
int input_format_parse(const char *name, enum input_format *f);
/* True when a directory walk takes a file called name as a notice. */
int input_is_notice_name(const char *name);
/* Converts raw[0..len), a file of format f (not INPUT_TEXT) shown as path, into decoded
 * text in *out and its source map in *map (both zeroed here; free with decoded_free and
 * srcmap_free). forced is --encoding (HTML only) or NULL. Returns 0, or -1 after filling
 * *err with a catalogue id and a message in lang. Safe to call from several threads. */
int input_convert(enum input_format f, const unsigned char *raw, size_t len,
		const char *path, const char *forced, enum lang lang, struct decoded *out,
		struct srcmap *map, struct source_error *err);

#endif
