/* Every resource bound of noticelint in one place, each with the reason it exists. */
#ifndef NL_LIMITS_H
#define NL_LIMITS_H

/* Largest input file read; notices are under 100 KB, so 32 MiB leaves room for
 * concatenated archives while keeping memory per file bounded. */
#define NL_MAX_FILE_BYTES (32u * 1024u * 1024u)

/* Diagnostics kept per file; past this a single note says the rest were dropped,
 * so a garbage input cannot flood a CI log. bench/scale.sh builds with a higher value
 * (-DNL_MAX_DIAGS_PER_FILE=...) to time findings without the cap. */
#ifndef NL_MAX_DIAGS_PER_FILE
#define NL_MAX_DIAGS_PER_FILE 5000u
#endif

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

/* Zip container of a .docx: entries in the archive and bytes inflated per part and in all.
 * A notice's document.xml is well under 5 MiB and Word writes a few dozen entries, so
 * these leave room while a zip bomb stops at a bounded cost. */
#define NL_MAX_ZIP_ENTRIES 4096u
#define NL_MAX_ZIP_PART_BYTES (32u * 1024u * 1024u)
#define NL_MAX_ZIP_TOTAL_BYTES ((size_t)64u * 1024u * 1024u)

/* Largest HTML page read: a saved notice page is well under 1 MiB even with its site
 * chrome; past this the page is refused rather than parsed. */
#define NL_MAX_HTML_BYTES (8u * 1024u * 1024u)

/* Deepest element nesting followed in an XML part or HTML page. */
#define NL_MAX_MARKUP_DEPTH 256

#endif
