/* The multi-pattern prefilter of a rule set: the distinct patterns of its enabled rules (or,
 * stored in a compiled pack, of all the pack's rules) in one mscan database, each enabled
 * rule's patterns tied to their place in it, and which engine serves each rule (for
 * --timing). */
#ifndef NL_RULESCAN_H
#define NL_RULESCAN_H
#include <stddef.h>
#include "mscan.h"
#include "rules.h"

/* The distinct pattern sources of rs's enabled rules, sorted, into *out
 * (caller frees the array, not the strings, which rs owns); returns the count. The list is
 * what mscan_build and mscan_deserialize take for this rule set. */
size_t rulescan_patterns(const struct ruleset *rs, const char ***out);
/* The distinct pattern sources of every rule of rs from index first on, enabled or not,
 * sorted, into *out (as rulescan_patterns): what a compiled pack's database is built from,
 * so that it serves whichever of the pack's rules a run enables. */
size_t rulescan_pack_patterns(const struct ruleset *rs, size_t first, const char ***out);
/* Ties every pattern of rs's enabled rules that ms accepted to its index in ms; ms must
 * have been built (or deserialised) from rulescan_pack_patterns(rs, 0), which it checks.
 * Returns 0, or -1 when ms does not fit rs (then nothing is tied). */
int rulescan_bind(const struct ruleset *rs, const struct mscan *ms);
/* Builds the database of rulescan_pack_patterns(rs, first) without binding it: the one a
 * compiled pack of the rules from first on stores. */
struct mscan *rulescan_build_pack(const struct ruleset *rs, size_t first);
/* Deserialises a stored database (mscan_serialize's bytes) for all of rs's rules; NULL
 * when it was made from other patterns, by another Vectorscan, or is corrupt. */
struct mscan *rulescan_load_pack(const struct ruleset *rs, const char *bytes, size_t len);
/* Builds the prefilter for rs and binds it; the caller keeps it in rs->scan (freed with
 * rs) or frees it with mscan_free after the last lint of rs. */
struct mscan *rulescan_build(const struct ruleset *rs);
/* Which engine serves rule r: "vectorscan" when the prefilter holds all its patterns,
 * "vectorscan+pcre2" when some, "pcre2" when none, "" for a rule without patterns. */
const char *rulescan_engine(const struct rule *r);

#endif
