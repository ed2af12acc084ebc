/* Fixes: the edits that diagnostics of fixable rules carry, applied to a text, the text
 * written back as the bytes of its file, and a unified diff of the change. */
#ifndef NL_FIX_H
#define NL_FIX_H
#include <stdio.h>
#include "decode.h"
#include "diag.h"

/* Applies every edit of dl to text[0, len): in order of position, an edit that overlaps
 * one already taken is left out (the next run takes it up if it still applies), a repeat
 * of the same edit is applied once. Returns the new text (NUL-terminated, caller frees),
 * its length in *outlen and the number of edits applied in *napplied. */
char *fix_apply(const char *text, size_t len, const struct diag_list *dl, size_t *outlen,
		size_t *napplied);
/* The bytes of a file holding text[0, len) as dec was read: its encoding, its BOM, CRLF
 * line ends when it had them. Returns the bytes (caller frees) and *outlen, or NULL when
 * the text cannot be written in that encoding. */
char *fix_encode(const struct decoded *dec, const char *text, size_t len, size_t *outlen);
/* Writes a unified diff (3 lines of context) from old to new, labelled a/path and b/path
 * (an absolute path as it is); nothing when they are equal. */
void fix_diff(FILE *out, const char *path, const char *old, size_t oldlen, const char *new_text,
		size_t newlen);

#endif
