/* The multi-pattern prefilter of a rule set: the distinct patterns of its enabled rules in
 * one mscan database, each rule's patterns tied to their place in it, and which engine
 * serves each rule (for --timing). */
#ifndef NL_RULESCAN_H
#define NL_RULESCAN_H
#include <stddef.h>
#include "mscan.h"
#include "rules.h"

/* The distinct pattern sources of rs's enabled rules, sorted, into *out
 * (caller frees the array, not the strings, which rs owns); returns the count. The list is
 * what mscan_build and mscan_deserialize take for this rule set. */
size_t rulescan_patterns(const struct ruleset *rs, const char ***out);
/* Ties every pattern of rs's enabled rules that ms accepted to its index in ms; ms must
 * have been built (or deserialised) from rulescan_patterns(rs). Returns 0, or -1 when ms
 * does not fit rs (then nothing is tied). */
int rulescan_bind(const struct ruleset *rs, const struct mscan *ms);
/* Builds the prefilter for rs and binds it; the caller keeps it in rs->scan (freed with
 * rs) or frees it with mscan_free after the last lint of rs. */
struct mscan *rulescan_build(const struct ruleset *rs);
/* Which engine serves rule r: "vectorscan" when the prefilter holds all its patterns,
 * "vectorscan+pcre2" when some, "pcre2" when none, "" for a rule without patterns. */
const char *rulescan_engine(const struct rule *r);

#endif
