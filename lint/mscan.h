/* Multi-pattern prefilter: the patterns of a run compiled into one Vectorscan block-mode
 * database; one scan of a text lists, per pattern, the offsets where a match may end, so
 * PCRE2 searches only where a match can be. Serialisable so that a cache can keep it. */
#ifndef NL_MSCAN_H
#define NL_MSCAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct mscan;

/* The offsets, ascending, where a pattern's prefilter expression matched. */
struct mscan_ends {
	uint32_t *v;
	size_t n, cap;
};

/* What one scan of one text found. */
struct mscan_hits {
	const struct mscan *ms;
	const char *text;            /* the scanned text (borrowed) */
	size_t len;
	struct mscan_ends *ends;     /* by pattern index; NULL: no scan, anything may match */
};

/* Compiles the n patterns (PCRE2 syntax, as regex_compile takes them) into one database;
 * a pattern the prefilter cannot take is left to PCRE2 alone (see mscan_accepted). Never
 * NULL; with no pattern accepted the database is simply empty. */
struct mscan *mscan_build(const char *const *patterns, size_t n);
/* Frees the database (NULL is fine). */
void mscan_free(struct mscan *ms);
/* Number of patterns the database was built from. */
size_t mscan_count(const struct mscan *ms);
/* True when pattern i is in the database. */
bool mscan_accepted(const struct mscan *ms, size_t i);
/* Why pattern i is not in the database (a static or owned string), or NULL when it is. */
const char *mscan_reason(const struct mscan *ms, size_t i);

/* Serialises the database and the per-pattern verdicts into *bytes (caller frees) of *len
 * bytes; 0 on success, -1 on failure. */
int mscan_serialize(const struct mscan *ms, char **bytes, size_t *len);
/* Rebuilds a database from mscan_serialize's bytes, checking that they were made from
 * exactly these n patterns by this library version on this platform; NULL when not (a
 * stale or corrupt copy), so the caller builds afresh. */
struct mscan *mscan_deserialize(const char *bytes, size_t len, const char *const *patterns,
		size_t n);

/* True when ms was built (or deserialised) from exactly these n patterns. */
bool mscan_fits(const struct mscan *ms, const char *const *patterns, size_t n);

/* Scans text[0, len) (valid UTF-8) into *hits (release with mscan_hits_free). A failed
 * scan leaves hits without ends, which mscan_may_match reads as "anything may match". */
void mscan_scan(const struct mscan *ms, const char *text, size_t len, struct mscan_hits *hits);
/* Frees what a scan stored (a zeroed hits is fine). */
void mscan_hits_free(struct mscan_hits *hits);
/* False only when pattern i, searched by PCRE2 in hits->text from offset from with the
 * subject ending at end (end <= hits->len), cannot find a non-empty match; true when it
 * may, or when the scan knows nothing of pattern i. */
bool mscan_may_match(const struct mscan_hits *hits, size_t i, size_t from, size_t end);
/* Where pattern i's matches can start, window by window: every match of the pattern that
 * starts at or after from and ends at or before end starts inside one of the windows. */
struct mscan_cursor {
	size_t k;            /* the next end offset to look at */
	uint32_t minw, maxw; /* the byte widths of the pattern's expression */
};
/* Starts the windows of pattern i from offset from; false when the scan cannot bound
 * where a match starts (the pattern is not in the database, a failed scan, or an
 * expression of unbounded width), and the caller searches as without windows. */
bool mscan_windows(const struct mscan_hits *hits, size_t i, size_t from, struct mscan_cursor *c);
/* The next window [*a, *b] of starts, ascending and disjoint, each at or after from and
 * for a match ending at or before end; false when there are no more. */
bool mscan_next_window(const struct mscan_hits *hits, size_t i, struct mscan_cursor *c,
		size_t from, size_t end, size_t *a, size_t *b);
/* Frees the calling thread's scratch space; worker threads call it before they exit. */
void mscan_thread_cleanup(void);

#endif
