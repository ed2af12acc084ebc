/* A file's diagnostics as bytes and back: every field a formatter prints (rule id, level,
 * message, span, related notes, fix edits, the truncation count), so a cached result
 * replays to the same output in every format. */
#ifndef NL_REPO_CODEC_H
#define NL_REPO_CODEC_H
#include <stddef.h>
#include "diag.h"
#include "strbuf.h"

/* Maps a rule or message id read back to the id string the run keeps (the rule's own, or
 * the catalogue's), or NULL when the run knows no such id. */
typedef const char *(*codec_id_fn)(const void *ctx, const char *id);

/* Appends the encoding of dl to out. */
void codec_put(struct strbuf *out, const struct diag_list *dl);
/* Decodes n bytes at p into the empty list dl; -1 (dl emptied again) when the bytes are
 * malformed or name an id ids does not know. */
int codec_get(struct diag_list *dl, const unsigned char *p, size_t n, codec_id_fn ids,
		const void *ctx);

#endif
