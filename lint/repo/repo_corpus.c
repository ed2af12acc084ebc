/* The corpus of a run: its directory (--corpus, else the root config's `corpus:`, relative
 * to the config), the boilerplate limits of the first enabled corpus-copy rule, the index
 * in the cache directory, and the hits re-keyed from real paths to the inputs' display
 * paths (the other notice shown relative to the current directory when below it). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "config.h"
#include "lint.h"
#include "repo/corpus_index.h"
#include "repo/corpus_replay.h"
#include "repo/repo.h"
#include "rules.h"
#include "source.h"
#include "xalloc.h"

/* The corpus directory of the run (owned), or NULL. */
static char *
corpus_dir(const struct repo *r, const struct options *o)
{
	const struct config *c = r->root_cfg;
	char *dir;

	if (o->corpus != NULL)
		return xstrdup(o->corpus);
	if (c == NULL || c->corpus == NULL)
		return NULL;
	if (c->corpus[0] == '/')
		return xstrdup(c->corpus);
	dir = xmalloc(strlen(c->dir) + strlen(c->corpus) + 2);
	sprintf(dir, "%s/%s", c->dir, c->corpus);
	return dir;
}

/* path shown relative to the current directory cwd when below it (owned). */
static char *
shown(const char *path, const char *cwd)
{
	size_t n = cwd != NULL ? strlen(cwd) : 0;

	if (n > 0 && strncmp(path, cwd, n) == 0 && path[n] == '/')
		return xstrdup(path + n + 1);
	return xstrdup(path);
}

/* Moves the hits of raw (by real path) to r->corpus under each input's display path. */
static void
rekey(struct repo *r, const struct corpus_view *raw, const struct walk_list *items)
{
	char *real, *cwd = getcwd(NULL, 0), *rc = cwd != NULL ? realpath(cwd, NULL) : NULL;
	const struct corpus_hit *h;
	struct corpus_entry *e;
	size_t i, k, n;

	for (i = 0; i < items->n; i++) {
		if (items->v[i].err_id != NULL || strcmp(items->v[i].path, "-") == 0 ||
		    (real = realpath(items->v[i].path, NULL)) == NULL)
			continue;
		h = corpus_view_find(raw, real, &n);
		free(real);
		if (n == 0)
			continue;
		r->corpus.v = xgrow(r->corpus.v, &r->corpus.cap, r->corpus.n + 1,
		    sizeof(*r->corpus.v));
		e = &r->corpus.v[r->corpus.n++];
		memset(e, 0, sizeof(*e));
		e->path = xstrdup(source_display_path(items->v[i].path));
		e->hits = xcalloc(n, sizeof(*e->hits));
		e->n = e->cap = n;
		for (k = 0; k < n; k++) {
			e->hits[k] = h[k];
			e->hits[k].other = shown(h[k].other, rc);
			e->hits[k].own_unit = h[k].own_unit ? xstrdup(h[k].own_unit) : NULL;
			e->hits[k].other_unit = h[k].other_unit ? xstrdup(h[k].other_unit) : NULL;
		}
	}
	corpus_view_finish(&r->corpus);
	free(rc);
	free(cwd);
}

void
repo_corpus_setup(struct repo *r, const struct options *o, const struct ruleset *rs,
    const struct walk_list *items, const char *cache_dir)
{
	struct corpus_setup cs;
	struct corpus_view raw;
	struct lint_opts lo;
	char *dir = corpus_dir(r, o);
	size_t i;

	if (dir == NULL)
		return;
	memset(&cs, 0, sizeof(cs));
	for (i = 0; i < rs->n && !r->corpus_on; i++)
		if (rs->v[i]->enabled && corpus_rule(rs->v[i])) {
			corpus_check_limits(rs->v[i], &cs.lim);
			r->corpus_on = true;
		}
	if (!r->corpus_on) {
		free(dir);
		return;
	}
	memset(&lo, 0, sizeof(lo));
	lo.lang = o->lang;
	cs.dir = dir;
	cs.db = &r->corpus_db;
	cs.lo = &lo;
	cs.jobs = o->jobs;
	if (cache_dir != NULL)
		corpus_index_open(&r->corpus_db, cache_dir, o->lang);
	corpus_index_build(&raw, &cs);
	rekey(r, &raw, items);
	corpus_view_free(&raw);
	free(dir);
}
