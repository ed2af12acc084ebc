/* The patterns of a rule pack in its compiled form: recorded in compile order while the
 * pack loads from YAML, serialised with PCRE2's own format, and handed back in the same
 * order when the compiled pack loads, so no pattern is compiled twice. */
#ifndef NL_REGEX_PACK_H
#define NL_REGEX_PACK_H
#include <stddef.h>
#include "strbuf.h"

struct regex;
struct regex_codes;

/* An empty list for recording. */
struct regex_codes *regex_codes_new(void);
/* Records a copy of re's compiled code with its source. */
void regex_codes_add(struct regex_codes *rc, const struct regex *re);
/* Appends the recorded list to out (count, sources, PCRE2 serialised codes), padded to 8
 * bytes; -1 when PCRE2 cannot serialise them. */
int regex_codes_encode(const struct regex_codes *rc, struct strbuf *out);
/* Reads a list written by regex_codes_encode; NULL when the bytes are malformed or were
 * serialised by another PCRE2 build. */
struct regex_codes *regex_codes_decode(const unsigned char *p, size_t len);
/* The next recorded pattern as a ready regex when its source is pattern, else NULL (the
 * caller compiles it). */
struct regex *regex_codes_take(struct regex_codes *rc, const char *pattern);
/* Frees the list and every code not taken (NULL is fine). */
void regex_codes_free(struct regex_codes *rc);

#endif
