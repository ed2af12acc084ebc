/* The most bytes a match of a rule pattern (PCRE2 syntax, UTF + UCP) can span from where it
 * starts, so that the prefilter can tell how far before a candidate end a match may begin. */
#ifndef NL_PATTERN_WIDTH_H
#define NL_PATTERN_WIDTH_H
#include <stddef.h>

/* Beyond this many bytes a width counts as unbounded. */
#define PATTERN_WIDTH_UNBOUNDED ((size_t)1 << 20)

/* An upper bound, in bytes of UTF-8, on how far past its start a match of pattern reaches,
 * the text its lookaheads read included (lookbehinds read before the start and count
 * nothing); PATTERN_WIDTH_UNBOUNDED for an open repeat, a back reference, or any construct
 * it does not model. */
size_t pattern_max_width(const char *pattern);

#endif
