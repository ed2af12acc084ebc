/* The run key: one hash of everything besides a file's own bytes that can change its
 * diagnostics (noticelint's version, message language, the date taken as today, encoding
 * and standard-input options, every loaded rule file's bytes with each rule's level and
 * state, every project config's bytes). Result cache entries and shards are keyed on it. */
#ifndef NL_REPO_RUNKEY_H
#define NL_REPO_RUNKEY_H
#include <stdint.h>

struct options;
struct ruleset;
struct cfgset;

/* The run key of o with the loaded rules rs and configs cs (cs may be NULL). */
uint64_t runkey_hash(const struct options *o, const struct ruleset *rs,
		const struct cfgset *cs);
/* Continues h over the bytes of the file at path, not its name, so the same pack installed
 * elsewhere gives the same key (a missing file hashes as absent). */
uint64_t runkey_file(uint64_t h, const char *path);

#endif
