/* The project configs of one run: each input's governing config (found or --config),
 * loaded once per file, their extra rule packs loaded once per pack, and the per-file
 * settings handed to the linting threads. */
#ifndef NL_CFGSET_H
#define NL_CFGSET_H
#include <stdbool.h>
#include <stddef.h>
#include "cli.h"
#include "config.h"
#include "rule_load.h"
#include "settings.h"
#include "walk.h"

/* One loaded config with the settings built from it. */
struct cfg_entry {
	struct config cfg;
	size_t *packs;               /* indexes into cfgset.packs */
	size_t npacks;
	bool *allowed;               /* per rule of the run's ruleset */
	struct file_settings fs;
};

/* A rule pack named by a config: the rules [start, end) of the ruleset came from it. */
struct cfg_pack {
	char *key;                   /* real path, or the path as written */
	size_t start, end;
};

struct cfgset {
	struct cfg_entry **v;
	size_t n;
	struct cfg_pack *packs;
	size_t npacks;
	size_t *item_cfg;            /* per input: index into v, or (size_t)-1 */
	bool *none_allowed;
	struct file_settings none;   /* settings of inputs no config governs */
};

/* Finds and loads the config of every item (o->config for all when set; standard input
 * as o->stdin_filename) and drops the items found by a directory walk (walked[i]), or
 * every item with o->force_exclude, that the config's include/exclude leave out. Returns 0, or -1 after adding errors. */
int cfgset_collect(struct cfgset *cs, const struct options *o, struct walk_list *items,
		const bool *walked, struct load_errors *errs);
/* Loads every config's extra rule packs into rs once each (through compiled packs when
 * use_cache, see pack_load.h); -1 after adding errors. */
int cfgset_load_packs(struct cfgset *cs, struct ruleset *rs, bool use_cache,
		struct load_errors *errs);
/* Checks every config's rule ids against rs and builds the per-file settings; returns -1
 * after adding errors. */
int cfgset_finish(struct cfgset *cs, const struct ruleset *rs, const struct options *o,
		struct load_errors *errs);
/* The settings of input i. */
const struct file_settings *cfgset_settings(const struct cfgset *cs, size_t i);
/* Frees everything cs owns. */
void cfgset_free(struct cfgset *cs);

#endif
