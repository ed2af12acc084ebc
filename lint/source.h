/* Reading one input: a file opened read-only, or standard input, into memory, refusing
 * what is not a text notice (missing, unreadable, binary, too large, not regular). An
 * empty file is read; that it holds no text is judged after decoding. */
#ifndef NL_SOURCE_H
#define NL_SOURCE_H
#include <stddef.h>
#include "i18n.h"

/* The raw bytes of one input; data is NUL-terminated for convenience (not counted). */
struct source {
	unsigned char *data;
	size_t len;
};

/* Why an input could not be read. */
struct source_error {
	const char *id;   /* catalogue id such as "input-missing"; NULL when there is none */
	char *message;    /* localised message, owned */
};

/* Reads path ("-" is standard input) into *src. Returns 0, or -1 after filling *err with
 * a catalogue id and message in lang (caller frees with source_error_free). NUL code
 * units make the input binary, judged in encoding (the --encoding name, or NULL to
 * detect). The file is never written: it is opened O_RDONLY. path appears in messages as
 * given, "<stdin>" for "-". */
int source_read(struct source *src, const char *path, const char *encoding, enum lang lang,
		struct source_error *err);
/* As source_read, for a container format (.docx, .pdf): NUL bytes are no error. */
int source_read_binary(struct source *src, const char *path, enum lang lang,
		struct source_error *err);
/* Frees the bytes of src. */
void source_free(struct source *src);
/* Frees err's message and clears it. */
void source_error_free(struct source_error *err);
/* The name shown for path in output: "<stdin>" for "-", else path itself. */
const char *source_display_path(const char *path);

#endif
