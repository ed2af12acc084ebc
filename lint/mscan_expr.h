/* Translation of a rule pattern (PCRE2 syntax, UTF + UCP) into a Vectorscan prefilter
 * expression whose matches are a superset of the pattern's and that compiles quickly. */
#ifndef NL_MSCAN_EXPR_H
#define NL_MSCAN_EXPR_H
#include <stdbool.h>

/* Bounded repeats up to this count stay as written; longer ones become * or +. */
#define MSCAN_EXPR_MAX_REPEAT 4

/* Returns the expression for pattern (caller frees), to be compiled with HS_FLAG_UTF8 and
 * HS_FLAG_PREFILTER but without HS_FLAG_UCP: every match of the pattern, wherever PCRE2
 * searches the same text, ends where a match of the expression ends. Assertions,
 * lookarounds and \K are dropped, long bounded repeats opened, and \d \s \w \h \v \p
 * widened to take every non-ASCII character, so no Unicode tables are involved. Returns
 * NULL and sets *why (a static string) for a construct it does not model: options other
 * than s and m, back references, recursion, conditionals, verbs, \Q, POSIX classes.
 * *starts (when not NULL) tells whether every branch kept its leading pieces: then a match
 * of the pattern that starts at s also has a match of the expression starting at s (and
 * ending inside it, or inside the text of a trailing lookahead). */
char *mscan_expr(const char *pattern, const char **why, bool *starts);

#endif
