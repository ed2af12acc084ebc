/* Loading a rule pack through its compiled form: the file built with the program for the
 * default pack, else a per-user cache; whatever fails a check is rebuilt from the YAML. */
#ifndef NL_PACK_LOAD_H
#define NL_PACK_LOAD_H
#include <stdbool.h>
#include "rule_load.h"

/* Loads the pack at path (a directory of pack files or one file) into rs, reporting into
 * errs exactly what loading its YAML reports. With use_cache, a compiled form whose key
 * matches the files' bytes is loaded instead (for the default pack, is_default, the one
 * built beside it first), and a pack loaded from YAML without errors is compiled into the
 * cache directory, silently skipped when that cannot be written. Returns 0 or -1. */
int pack_load(struct ruleset *rs, const char *path, bool is_default, bool use_cache,
		struct load_errors *errs);
/* Loads the sources src from YAML into rs and writes their compiled form to out; 0, or -1
 * after load errors (reported in errs) or when out could not be written. */
int pack_compile(struct ruleset *rs, const struct pack_sources *src, struct load_errors *errs,
		const char *out);
/* The cache file for the pack at path ($XDG_CACHE_HOME/noticelint, else
 * ~/.cache/noticelint, a name from the pack's real path), or NULL when neither variable
 * gives an absolute directory. The caller frees. */
char *pack_cache_path(const char *path);

#endif
