/* Required-literal analysis of a rule pattern: a piece of text every match must contain,
 * and how far before it a match can start, so a search can skip text that cannot match. */
#ifndef NL_REGEX_LIT_H
#define NL_REGEX_LIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REGEX_LIT_MAX 64
/* max_prefix value when a match may start arbitrarily far before the literal. */
#define REGEX_LIT_UNBOUNDED SIZE_MAX

struct regex_lit {
	char text[REGEX_LIT_MAX];  /* the literal's bytes (not NUL-terminated) */
	size_t len;                /* 0: the pattern has no required literal */
	size_t max_prefix;         /* most bytes a match can hold before the literal */
	size_t rare;               /* index of the byte to search for first (see below) */
};

/* Finds the longest literal that every match of pattern (PCRE2 syntax, UTF, no options)
 * must contain; returns false, with lit->len 0, when the analysis finds none or meets a
 * construct it does not model (options, alternation at the top, back references, \K...). */
bool regex_lit_analyse(const char *pattern, struct regex_lit *lit);
/* The first occurrence of lit in s[0..n), or NULL: memchr for the literal's rarest-looking
 * byte (a UTF-8 continuation byte, whose 64 values spread Chinese text thinly, rather than
 * a lead byte that most characters share), then a comparison around it. */
const char *regex_lit_find(const struct regex_lit *lit, const char *s, size_t n);

#endif
