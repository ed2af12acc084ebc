/* Building the cross-notice hits of a run from the corpus directory and its index. */
#ifndef NL_REPO_CORPUS_INDEX_H
#define NL_REPO_CORPUS_INDEX_H
#include "i18n.h"
#include "repo/corpus.h"

struct lint_opts;
struct repodb;

/* What the corpus pass needs. */
struct corpus_setup {
	const char *dir;                /* the corpus directory */
	struct repodb *db;              /* corpus.db, opened (db->db NULL: no index) */
	const struct lint_opts *lo;     /* language, --stdin-format... for reading notices */
	int jobs;
	struct corpus_limits lim;
};

/* Opens the index corpus.db in the cache directory dir (db.h); -1: the run goes without. */
int corpus_index_open(struct repodb *db, const char *dir, enum lang lang);
/* Updates the index with the notices under cs->dir and fills v (zeroed here) with the
 * hits of every notice, keyed by real path. Returns 0. */
int corpus_index_build(struct corpus_view *v, const struct corpus_setup *cs);

#endif
