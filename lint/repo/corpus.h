/* Cross-notice copy detection over a corpus directory (--corpus DIR or the repository
 * config's `corpus:`): the fingerprints (shingle.h) of every notice under DIR are kept in
 * an SQLite index (corpus.db in the cache directory) that is updated for the files that
 * changed; before linting, every fingerprint that a few notices of different issuers share
 * (boilerplate, found in more than max_issuers issuers' notices or in more than max_share
 * of all notices, is left out by that document frequency) becomes a hit of each notice that
 * holds it: a passage, the other notice's file and line, and both issuers' unit names. The
 * corpus-copy check reports the hits of the notice it lints. */
#ifndef NL_REPO_CORPUS_H
#define NL_REPO_CORPUS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "repo/shingle.h"

/* One shared passage of a notice. */
struct corpus_hit {
	size_t start, end;          /* the passage in the notice's decoded text */
	size_t chars;               /* its length in normalised characters */
	char *other;                /* the other notice's display path (owned) */
	unsigned other_line, other_col;
	char *own_unit;             /* shingle_unit of the notice's issuer, NULL: none */
	char *other_unit;           /* shingle_unit of the other notice's issuer, NULL: none */
	size_t other_ix;            /* the other notice's index in the matcher's docs */
};

/* The hits of every notice of the run, by display path. */
struct corpus_view {
	struct corpus_entry *v;
	size_t n, cap;
	bool sorted;
};

struct corpus_entry {
	char *path;
	struct corpus_hit *hits;
	size_t n, cap;
};

/* Boilerplate limits of the document-frequency filter. */
struct corpus_limits {
	long max_issuers;
	double max_share;
};

/* A new hit at the end of the entry of path in v (the entry added when new). */
struct corpus_hit *corpus_view_add(struct corpus_view *v, const char *path);
/* Sorts v for lookups (the entries by path, each one's hits by position). */
void corpus_view_finish(struct corpus_view *v);
/* The hits of the notice shown as path, sorted by position (NULL and *n = 0: none); v
 * must be finished. Safe from several threads. */
const struct corpus_hit *corpus_view_find(const struct corpus_view *v, const char *path,
		size_t *n);
/* Frees everything v holds. */
void corpus_view_free(struct corpus_view *v);

/* One notice for the matcher: its fingerprints, the text of their lines, and issuer. */
struct corpus_doc {
	const char *path;           /* display path */
	const char *issuer;         /* NULL: unknown (such a notice is compared with none) */
	const struct shingle *fp;
	size_t nfp;
	const struct shingle_line *lines;   /* by line; NULL: ask the matcher's lookup */
	size_t nlines;
};

/* Where the matcher finds the text of a line of notice doc that corpus_doc does not hold:
 * fills *out (text owned by the lookup until its next call) and returns true, or false. */
struct corpus_lookup {
	bool (*line)(void *ctx, size_t doc, uint32_t line, struct shingle_line *out);
	void *ctx;
};

/* Least normalised characters of a reported passage. */
#define CORPUS_MIN_CHARS 50

/* Adds to v the hits among the n notices docs (fingerprints of all of them, or those of a
 * few that share a fingerprint): pairs of notices of different known issuers sharing a
 * fingerprint that at most lim's limits of notices hold (total: notices in the corpus),
 * each grown by comparing the two lines into the whole shared run, kept when that has
 * CORPUS_MIN_CHARS or more. look (may be NULL) gives the lines docs do not hold. */
void corpus_match(struct corpus_view *v, const struct corpus_doc *docs, size_t n,
		size_t total, const struct corpus_limits *lim, const struct corpus_lookup *look);

/* What the document frequency of a fingerprint makes of it. */
enum corpus_df {
	CORPUS_ALONE,               /* one window of one notice: nothing to compare */
	CORPUS_RARE,                /* held by few notices of few issuers: a copy to grow */
	CORPUS_BOILER               /* held by too many: a formula, which covers its text */
};

/* The verdict on a fingerprint that nr windows of nd notices of ni issuers hold (a notice
 * of unknown issuer counts as an issuer of its own), in a corpus of total notices. */
enum corpus_df corpus_df_of(size_t nr, size_t nd, size_t ni, size_t total,
		const struct corpus_limits *lim);
/* True when the verdict on a fingerprint of nd notices depends on their issuers. */
bool corpus_df_needs_issuers(size_t nd, size_t total, const struct corpus_limits *lim);

/* One pair of windows of one hash in notices a and b (indices of the matcher's docs). */
struct corpus_pair {
	size_t a, b;
	const struct shingle *fa, *fb;
};

/* A boilerplate window of notice doc's line (its first character ci). */
struct corpus_boiler {
	size_t doc;
	uint32_t line, ci;
};

/* Adds to v the passages of the pairs m[0, n) of rare fingerprints (sorted here), grown as
 * corpus_match does, b[0, nb) (sorted here) the boilerplate windows of the notices a. */
void corpus_passages(struct corpus_view *v, const struct corpus_doc *docs,
		struct corpus_pair *m, size_t n, struct corpus_boiler *b, size_t nb,
		const struct corpus_lookup *look);

struct rule;
/* The document-frequency limits of a corpus-copy rule (lint/checks/corpus.c). */
void corpus_check_limits(const struct rule *r, struct corpus_limits *lim);

#endif
