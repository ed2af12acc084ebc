/* Every resource bound of noticelint in one place, each with the reason it exists. */
#ifndef NL_LIMITS_H
#define NL_LIMITS_H

/* Largest input file read; notices are under 100 KB, so 32 MiB leaves room for
 * concatenated archives while keeping memory per file bounded. */
#define NL_MAX_FILE_BYTES (32u * 1024u * 1024u)

/* Diagnostics kept per file; past this a single note says the rest were dropped,
 * so a garbage input cannot flood a CI log. */
#define NL_MAX_DIAGS_PER_FILE 5000u

/* Deepest YAML nesting accepted in a rule pack (libyaml itself recurses). */
#define NL_MAX_YAML_DEPTH 32

/* Largest rule pack file read. */
#define NL_MAX_RULE_FILE_BYTES (4u * 1024u * 1024u)

/* PCRE2 limits per match call: a pathological pattern gives a rule error, not a hang. */
#define NL_PCRE2_MATCH_LIMIT 2000000u
#define NL_PCRE2_DEPTH_LIMIT 20000u
#define NL_PCRE2_HEAP_LIMIT_KIB 65536u

/* Directory recursion depth when walking PATH arguments (guards symlink loops too). */
#define NL_MAX_WALK_DEPTH 64

#endif
