/* PCRE2 wrapper: patterns compiled once (UTF, UCP, JIT) and matched under resource limits. */
#ifndef NL_REGEX_H
#define NL_REGEX_H
#include <stddef.h>

#define REGEX_MAX_GROUPS 10

struct regex;

struct regex_match {
	size_t start, end;                  /* whole match */
	size_t gstart[REGEX_MAX_GROUPS];    /* group i (1-based in the pattern) at index i; */
	size_t gend[REGEX_MAX_GROUPS];      /* unset groups have gstart == gend == (size_t)-1 */
	int ngroups;                        /* highest group index set, 0 if none */
};

/* Compiles pattern; on failure returns NULL and sets *err (caller frees) and *erroff (byte
 * offset in the pattern). */
struct regex *regex_compile(const char *pattern, char **err, size_t *erroff);
/* Wraps a PCRE2 code compiled (or decoded) elsewhere from pattern with regex_compile's
 * options, taking it over; NULL (code freed) when out of memory. */
struct regex *regex_adopt(void *compiled, const char *pattern);
/* The PCRE2 code of re (a pcre2_code_8), for serialising it. */
const void *regex_code(const struct regex *re);
/* Frees a compiled pattern (NULL is fine). */
void regex_free(struct regex *re);
/* The pattern's source text. */
const char *regex_source(const struct regex *re);
/* Searches text[from, end) (text is valid UTF-8 of at least end bytes; lookbehind may see
 * before from). Returns 1 and fills m on a match, 0 for none, -1 when a match limit was hit
 * or matching failed. */
int regex_find(const struct regex *re, const char *text, size_t from, size_t end,
		struct regex_match *m);

/* Frees the calling thread's match block; worker threads call it before they exit (the
 * last regex_free does it for the calling thread). */
void regex_thread_cleanup(void);

#endif
