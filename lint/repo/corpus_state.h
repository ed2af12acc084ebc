/* The corpus index's state during one run, shared by the files that keep corpus.db: the
 * notices walked, the open database and what the run changes in it (corpus_index.c
 * compares and decides, corpus_update.c updates, corpus_store.c writes rows, corpus_df.c
 * judges fingerprints by document frequency, corpus_hits.c computes, stores and replays
 * each notice's passages). */
#ifndef NL_REPO_CORPUS_STATE_H
#define NL_REPO_CORPUS_STATE_H
#include <stdbool.h>
#include <stdint.h>
#include "repo/corpus.h"
#include "repo/shingle.h"

struct lint_opts;
struct repodb;
struct sqlite3_stmt;
struct df_memo;

/* One notice of the corpus. */
struct cdoc {
	char *path;          /* as the walk gives it */
	char *real;          /* its real path, the key inputs are matched by */
	const char *rel;     /* path below the corpus directory */
	long long size, mtime, ino;
	long long id;        /* row in docs, 0: none yet */
	long long old_id;    /* the row of its earlier content, 0: none */
	bool fresh;          /* to be fingerprinted in this run (new, changed or no index) */
	bool done;           /* fp and issuer hold its fingerprints */
	bool redo;           /* its passages are computed again in this run */
	char *issuer;
	struct shingle_list fp;
};

struct cindex {
	struct repodb *db;
	bool db_ok;          /* the index is current and complete */
	const struct lint_opts *lo;
	const struct corpus_limits *lim;
	struct cdoc *v;      /* sorted by rel */
	size_t n;
	struct cdoc **byid;  /* v sorted by id (corpus_byid) */
	long long *gone_id;  /* rows of indexed notices no longer there */
	size_t ngone;
	long long total_old; /* notices the index held before the run */
	struct corpus_doc *docs;        /* v as the matcher sees it (corpus_hits.c) */
	struct sqlite3_stmt *get_line;  /* the matcher's lookup of a line's text */
	char *line_text;                /* the text it gave last */
	struct df_memo *memo;           /* verdicts on fingerprints (corpus_df.c) */
};

/* Fingerprints every notice anew and stores the index and all passages again (the hash
 * index rebuilt after the rows when bulk); fills v. */
void corpus_update_full(struct cindex *x, struct corpus_view *v, int jobs, bool bulk);
/* Writes the fresh and vanished notices in place and recomputes the passages of the
 * notices the change touches; fills v with every stored passage. */
void corpus_update_some(struct cindex *x, struct corpus_view *v, int jobs);
/* Fingerprints in memory every notice not fingerprinted yet (the index could not be used)
 * and matches them all into v (emptied first). */
void corpus_update_memory(struct cindex *x, struct corpus_view *v, int jobs);
/* Matches the fingerprints the notices hold into v, keyed by real path; the lines of
 * notices not in memory come from the index. */
void corpus_match_all(struct cindex *x, struct corpus_view *v);

/* Sorts x->byid; notices without a row sort first. */
void corpus_byid(struct cindex *x);
/* The notice of row id, or NULL. */
struct cdoc *corpus_find_id(const struct cindex *x, long long id);

/* Runs one step of a write statement and resets it; false (writing given up) on failure. */
bool corpus_step(struct cindex *x, struct sqlite3_stmt *st);
/* Prepares sql on the index; NULL (and the index given up) on failure. */
struct sqlite3_stmt *corpus_prepare(struct cindex *x, const char *sql);
/* Runs SQL without results in the write transaction; false (index given up) on failure. */
bool corpus_exec(struct cindex *x, const char *sql);
/* Writes notice d's row, fingerprints and lines (replacing its earlier content's); with
 * df, counts its fingerprints into the document frequencies. */
void corpus_store_doc(struct cindex *x, struct cdoc *d, bool df);
/* Deletes the fingerprints and lines of row id and with row the row too; with df, first
 * takes its fingerprints out of the document frequencies. */
void corpus_drop_doc(struct cindex *x, long long id, bool row, bool df);

/* Sorted distinct hashes of the fingerprints of row id (*n of them, owned). */
uint64_t *corpus_doc_hashes(struct cindex *x, long long id, size_t *n);
/* The verdict on fingerprint h as the index stands, with total notices (memoised until
 * corpus_df_forget). */
enum corpus_df corpus_df_now(struct cindex *x, uint64_t h, size_t total);
/* Forgets the memoised verdicts (the index changed). */
void corpus_df_forget(struct cindex *x);
/* Frees the memo. */
void corpus_df_free(struct cindex *x);
/* Marks redo the notices holding a fingerprint whose verdict differs between before (the
 * verdicts of the sorted hashes t[0, nt) before the change, with x->total_old notices)
 * and now (x->n notices): those of t, and those whose document frequency lies where the
 * change of total moved the share limit. */
void corpus_df_flips(struct cindex *x, const uint64_t *t, const enum corpus_df *before,
		size_t nt);

/* Rebuilds the document-frequency table from the fingerprints (a full update). */
bool corpus_df_rebuild(struct cindex *x);
/* Stores the passages of every notice that v holds, replacing the table (a full update). */
bool corpus_hits_store_all(struct cindex *x, struct corpus_view *v);
/* Deletes the stored passages of row id, as the notice and as the other notice. */
bool corpus_hits_forget(struct cindex *x, long long id);
/* Computes from the index the passages of notice i and stores them in place of its old
 * ones; with partners, marks redo the notices it shares a rare fingerprint with. */
bool corpus_hits_redo(struct cindex *x, size_t i, bool partners);
/* Fills v with the stored passages of every notice, keyed by real path. */
bool corpus_hits_replay(struct cindex *x, struct corpus_view *v);
/* Sets up and ends the matcher's view of the notices and the line lookup. */
void corpus_hits_begin(struct cindex *x);
void corpus_hits_end(struct cindex *x);
/* The matcher's lookup of the text of line li of notice d (an index of x->v). */
bool corpus_index_line(void *ctx, size_t d, uint32_t li, struct shingle_line *out);

#endif
