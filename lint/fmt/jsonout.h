/* Streaming output of a JSON document in cJSON_Print's tab-indented layout, one finished
 * piece at a time, with output held back while --quiet may still print nothing. */
#ifndef NL_JSONOUT_H
#define NL_JSONOUT_H
#include <stdbool.h>
#include <stdio.h>
#include "strbuf.h"

struct cJSON;

struct jsonout {
	FILE *out;
	bool streaming;         /* false while output is held back */
	struct strbuf pending;  /* what was held back */
};

/* Starts a writer on out; with hold, output waits for jsonout_start. */
void jsonout_init(struct jsonout *j, FILE *out, bool hold);
/* Writes len bytes of text (or holds them back). */
void jsonout_put(struct jsonout *j, const char *text, size_t len);
/* Writes a NUL-terminated string the way jsonout_put does. */
void jsonout_puts(struct jsonout *j, const char *text);
/* Ends holding back: what was held goes out first. */
void jsonout_start(struct jsonout *j);
/* Writes obj as cJSON_Print lays it out, nested depth levels deep (at most 7), then
 * frees it. */
void jsonout_nested(struct jsonout *j, struct cJSON *obj, int depth);
/* Frees what is still held back. */
void jsonout_free(struct jsonout *j);

#endif
