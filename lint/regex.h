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

struct mscan_hits;

/* Gives re the index of its pattern in a multi-pattern prefilter (mscan.h); from then on
 * regex_find on the text of the calling thread's bound hits (regex_bind_hits) consults
 * them before it runs PCRE2. A pattern that can match the empty string keeps no index
 * (the prefilter only knows where non-empty matches end). */
void regex_set_scan_id(struct regex *re, size_t id);
/* The index set by regex_set_scan_id, or REGEX_NO_SCAN_ID. */
size_t regex_scan_id(const struct regex *re);
#define REGEX_NO_SCAN_ID ((size_t)-1)
/* Makes regex_find in the calling thread skip PCRE2 for a search of hits->text that the
 * scan shows cannot match; NULL unbinds. hits must outlive the binding. */
void regex_bind_hits(const struct mscan_hits *hits);

/* Frees the calling thread's match block; worker threads call it before they exit (the
 * last regex_free does it for the calling thread). */
void regex_thread_cleanup(void);

#endif
