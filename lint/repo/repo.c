/* The hooks run.c calls for the repository layer: shard selection, the result cache (on
 * with --cache-dir, or when the repository's root config says `cache: true`; never with
 * --no-cache), and the per-file accounting of a sharded report. */
#include <stdlib.h>
#include <string.h>
#include "cfgset.h"
#include "cli.h"
#include "fmt.h"
#include "repo/repo.h"
#include "repo/runkey.h"
#include "srcroot.h"
#include "xalloc.h"

/* Name of the default cache directory, at the repository root. */
#define CACHE_DIR_NAME ".noticelint-cache"

void
repo_select(struct repo *r, const struct options *o, struct walk_list *items, bool *walked)
{
	const char *first = o->npaths > 0 ? o->paths[0] : NULL;
	char *root;

	memset(r, 0, sizeof(*r));
	if (first != NULL && strcmp(first, "-") == 0 && o->stdin_filename != NULL)
		first = o->stdin_filename;
	r->root = srcroot_find(NULL, first);
	if (o->shard_count == 0)
		return;
	root = srcroot_find(o->root, first);
	shard_select(&r->shard, items, walked, root, o->shard_index, o->shard_count);
	free(root);
}

/* The config that lies in the repository root, if an input is governed by it. */
static const struct config *
root_config(const struct repo *r, const struct cfgset *cs)
{
	size_t i;

	for (i = 0; r->root != NULL && cs != NULL && i < cs->n; i++)
		if (cs->v[i]->cfg.dir != NULL && strcmp(cs->v[i]->cfg.dir, r->root) == 0)
			return &cs->v[i]->cfg;
	return NULL;
}

/* The cache directory the run uses (owned), or NULL for none. */
static char *
cache_dir(const struct repo *r, const struct options *o)
{
	char *dir;

	if (o->no_cache)
		return NULL;
	if (o->cache_dir != NULL)
		return xstrdup(o->cache_dir);
	if (r->root == NULL || (o->corpus == NULL && (r->root_cfg == NULL ||
	    (!r->root_cfg->cache && r->root_cfg->corpus == NULL))))
		return NULL;
	dir = xmalloc(strlen(r->root) + sizeof(CACHE_DIR_NAME) + 2);
	sprintf(dir, "%s/%s", r->root, CACHE_DIR_NAME);
	return dir;
}

void
repo_setup(struct repo *r, const struct options *o, const struct ruleset *rs,
    const struct cfgset *cs, const struct walk_list *items)
{
	char *dir;

	if (r->shard.count > 0)
		shard_finish(&r->shard, o, rs, cs);
	r->root_cfg = root_config(r, cs);
	if (o->action != CLI_LINT)
		return;
	dir = cache_dir(r, o);
	if (dir != NULL) {
		r->cache_open = true;
		r->cache_ok = result_cache_open(&r->cache, dir, runkey_hash(o, rs, cs), rs,
		    o->lang) == 0;
	}
	repo_corpus_setup(r, o, rs, items, dir);
	free(dir);
}

const struct corpus_view *
repo_corpus(const struct repo *r)
{
	return r->corpus_on ? &r->corpus : NULL;
}

struct result_cache *
repo_cache(struct repo *r)
{
	return r->cache_ok ? &r->cache : NULL;
}

void
repo_reported(struct repo *r, const struct fmt_file *ff)
{
	size_t n = ff->diags != NULL && ff->text != NULL ? ff->diags->n : 0;

	shard_reported(&r->shard, n, ff->nerrors);
}

void
repo_free(struct repo *r)
{
	if (r->cache_open)
		result_cache_close(&r->cache);
	repodb_close(&r->corpus_db);
	corpus_view_free(&r->corpus);
	shard_free(&r->shard);
	free(r->root);
	memset(r, 0, sizeof(*r));
}
