/* The hooks run.c calls for the repository layer. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "fmt.h"
#include "repo/repo.h"
#include "srcroot.h"

void
repo_select(struct repo *r, const struct options *o, struct walk_list *items, bool *walked)
{
	const char *first = o->npaths > 0 ? o->paths[0] : NULL;
	char *root;

	memset(r, 0, sizeof(*r));
	if (o->shard_count == 0)
		return;
	if (first != NULL && strcmp(first, "-") == 0 && o->stdin_filename != NULL)
		first = o->stdin_filename;
	root = srcroot_find(o->root, first);
	shard_select(&r->shard, items, walked, root, o->shard_index, o->shard_count);
	free(root);
}

void
repo_setup(struct repo *r, const struct options *o, const struct ruleset *rs,
    const struct cfgset *cs)
{
	if (r->shard.count > 0)
		shard_finish(&r->shard, o, rs, cs);
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
	shard_free(&r->shard);
}
