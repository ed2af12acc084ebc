/* The configs of one run: found per input, loaded once each, with their rule packs loaded
 * once each; rules from a config's packs apply only to the files that config governs. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdlib.h>
#include <string.h>
#include "cfgset.h"
#include "msg.h"
#include "pack_load.h"
#include "xalloc.h"

#define NO_CFG ((size_t)-1)

/* Index of the config at path, loading it on first use; NO_CFG after a load error. */
static size_t
cfg_index(struct cfgset *cs, const char *path, struct load_errors *errs)
{
	struct cfg_entry *e;
	size_t i;

	for (i = 0; i < cs->n; i++)
		if (strcmp(cs->v[i]->cfg.path, path) == 0)
			return i;
	e = xcalloc(1, sizeof(*e));
	cs->v = xrealloc(cs->v, (cs->n + 1) * sizeof(*cs->v));
	cs->v[cs->n++] = e;
	config_load(&e->cfg, path, errs);
	return cs->n - 1;
}

/* Reports, once per directory, that dir holds both config names. */
static void
report_both(struct load_errors *errs, char *dir)
{
	size_t len = strlen(dir) + sizeof(CONFIG_NAME_ALT) + 1, i;
	char *file = xmalloc(len);

	snprintf(file, len, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, CONFIG_NAME_ALT);
	for (i = 0; i < errs->n; i++)
		if (strcmp(errs->v[i].file, file) == 0 && strcmp(errs->v[i].id, "config-two-files") == 0)
			break;
	if (i == errs->n)
		load_errors_add(errs, file, 0, 0, "config-two-files",
		    msg_format("config-two-files", errs->lang, "dir", dir, NULL));
	free(file);
	free(dir);
}

int
cfgset_collect(struct cfgset *cs, const struct options *o, struct walk_list *items,
    const bool *walked, struct load_errors *errs)
{
	size_t before = errs->n, i, k = 0, ci;
	struct config_memo memo = {NULL, NULL, NULL};
	const char *as;
	char *found, *rel, *both;
	bool drop, filter;

	memset(cs, 0, sizeof(*cs));
	cs->item_cfg = xcalloc(items->n + 1, sizeof(*cs->item_cfg));
	for (i = 0; i < items->n; i++) {
		/* Standard input stands for --stdin-filename's file, config and globs alike. */
		as = items->v[i].path;
		if (strcmp(as, "-") == 0 && o->stdin_filename != NULL)
			as = o->stdin_filename;
		both = NULL;
		found = o->config != NULL ? xstrdup(o->config) : config_find_memo(&memo, as, &both);
		if (both != NULL)
			report_both(errs, both);
		ci = found != NULL ? cfg_index(cs, found, errs) : NO_CFG;
		free(found);
		drop = false;
		filter = o->force_exclude || (walked != NULL && walked[i]);
		if (ci != NO_CFG && filter && items->v[i].err_id == NULL) {
			rel = config_rel_path(&cs->v[ci]->cfg, as);
			drop = !config_wants(&cs->v[ci]->cfg, rel);
			free(rel);
		}
		if (drop) {
			free(items->v[i].path);
			free(items->v[i].err_msg);
			continue;
		}
		cs->item_cfg[k] = ci;
		items->v[k++] = items->v[i];
	}
	items->n = k;
	config_memo_free(&memo);
	return errs->n > before ? -1 : 0;
}

/* Loads the pack at path unless already loaded; returns its index. */
static size_t
load_pack(struct cfgset *cs, struct ruleset *rs, const char *path, bool use_cache,
		struct load_errors *errs)
{
	char *key = realpath(path, NULL);
	size_t i;

	if (key == NULL)
		key = xstrdup(path);
	for (i = 0; i < cs->npacks; i++) {
		if (strcmp(cs->packs[i].key, key) == 0) {
			free(key);
			return i;
		}
	}
	cs->packs = xrealloc(cs->packs, (cs->npacks + 1) * sizeof(*cs->packs));
	cs->packs[cs->npacks].key = key;
	cs->packs[cs->npacks].start = rs->n;
	(void)pack_load(rs, path, false, use_cache, errs);
	cs->packs[cs->npacks].end = rs->n;
	return cs->npacks++;
}

int
cfgset_load_packs(struct cfgset *cs, struct ruleset *rs, bool use_cache,
		struct load_errors *errs)
{
	struct cfg_entry *e;
	size_t before = errs->n, i, k;

	for (i = 0; i < cs->n; i++) {
		e = cs->v[i];
		e->packs = xcalloc(e->cfg.rules.n + 1, sizeof(*e->packs));
		for (k = 0; k < e->cfg.rules.n; k++)
			e->packs[e->npacks++] = load_pack(cs, rs, e->cfg.rules.v[k].s, use_cache,
			    errs);
	}
	return errs->n > before ? -1 : 0;
}

/* Fills allowed[r] for every rule: false when r came from a pack e does not name (e NULL:
 * from any config's pack). */
static bool *
allowed_for(const struct cfgset *cs, const struct cfg_entry *e, const struct ruleset *rs)
{
	bool *a = xcalloc(rs->n + 1, sizeof(*a));
	size_t r, p, k;
	bool own;

	for (r = 0; r < rs->n; r++)
		a[r] = true;
	for (p = 0; p < cs->npacks; p++) {
		own = false;
		for (k = 0; e != NULL && k < e->npacks; k++)
			own = own || e->packs[k] == p;
		for (r = cs->packs[p].start; !own && r < cs->packs[p].end; r++)
			a[r] = false;
	}
	return a;
}

int
cfgset_finish(struct cfgset *cs, const struct ruleset *rs, const struct options *o,
    struct load_errors *errs)
{
	struct cfg_entry *e;
	size_t bad = 0, i;

	for (i = 0; i < cs->n; i++) {
		e = cs->v[i];
		bad += config_check_ids(&e->cfg, rs, errs);
		e->allowed = allowed_for(cs, e, rs);
		e->fs.cfg = &e->cfg;
		e->fs.allowed = e->allowed;
		e->fs.rs = rs;
		e->fs.o = o;
	}
	cs->none_allowed = allowed_for(cs, NULL, rs);
	cs->none.allowed = cs->none_allowed;
	cs->none.rs = rs;
	cs->none.o = o;
	return bad > 0 ? -1 : 0;
}

const struct file_settings *
cfgset_settings(const struct cfgset *cs, size_t i)
{
	if (cs->item_cfg == NULL || cs->item_cfg[i] == NO_CFG)
		return &cs->none;
	return &cs->v[cs->item_cfg[i]]->fs;
}

void
cfgset_free(struct cfgset *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++) {
		config_free(&cs->v[i]->cfg);
		free(cs->v[i]->packs);
		free(cs->v[i]->allowed);
		free(cs->v[i]);
	}
	for (i = 0; i < cs->npacks; i++)
		free(cs->packs[i].key);
	free(cs->v);
	free(cs->packs);
	free(cs->item_cfg);
	free(cs->none_allowed);
	memset(cs, 0, sizeof(*cs));
}
