/* A loaded rule set: rules from YAML packs, each bound to a check type with its parameters. */
#ifndef NL_RULES_H
#define NL_RULES_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"

struct check_type;
struct mscan;
struct regex;

enum scope {
	SCOPE_DOCUMENT,   /* the whole text less web boilerplate */
	SCOPE_TITLE,      /* the title block (issuer lines and title) */
	SCOPE_INTRO,      /* the intro paragraph */
	SCOPE_HEADING,    /* each heading line's content */
	SCOPE_ITEM,       /* each problem item */
	SCOPE_FIELD,      /* each labelled field's value */
	SCOPE_PARAGRAPH,  /* each paragraph */
	SCOPE_CONTACT,    /* the supervision/contact block */
	SCOPE_SIGNATURE,  /* the signature block */
	SCOPE_BODY,       /* from after the title to before the contact/signature block */
	SCOPE_BOILERPLATE, /* each block of web-page chrome lines (blank lines inside a block
	                     do not split it); handled by check_scope_each in check.h */
	SCOPE_CUT,        /* the last line of a text that stops mid-sentence */
	SCOPE_TITLE_REPEAT /* the lines that print the title again below it */
};

/* "document", "title", ... for a scope. */
const char *scope_name(enum scope s);
/* Parses a scope name; returns 0 on success, -1 otherwise. */
int scope_parse(const char *name, enum scope *out);

struct rule_example {
	char *text;
	unsigned line, col;   /* where the example stands in the pack */
	const char *entry;    /* id of the lexicon entry it belongs to (borrowed), or NULL */
};

/* A before/after example of a rule's fix. */
struct rule_fix_example {
	char *before, *after;
	unsigned line, col;
};

struct rule {
	char *id;
	const struct check_type *check;
	enum level level;          /* effective level (after --level and config overrides) */
	enum level pack_level;     /* level as written in the pack */
	char *message_zh;
	char *message_en;
	char *description_zh, *description_en;  /* what the rule checks, why, what it leaves */
	char *source_zh, *source_en;            /* the standard or practice it rests on */
	enum scope scope;
	bool enabled;
	bool absence;              /* reports a missing part: in a truncated text, each finding
	                              gets a note that the cut may be the cause */
	void *params;              /* owned by the check type (free_params) */
	struct rule_example *flag;
	size_t nflag;
	struct rule_example *pass;
	size_t npass;
	char *fix_zh, *fix_en;     /* what the fix does (`fix:`); NULL: the rule fixes nothing */
	struct rule_fix_example *fixes;  /* examples: fix: */
	size_t nfixes;
	struct regex **regexes;    /* every pattern of the rule's parameters (borrowed from
	                              params), for the run's multi-pattern prefilter */
	size_t nregexes, capregexes;
	char *file;                /* pack file the rule came from */
	unsigned line, col;        /* position of the rule's mapping in that file */
};

/* When a run uses the multi-pattern prefilter. */
enum ruleset_scan {
	RULESET_SCAN_OFF,      /* never */
	RULESET_SCAN_STORED,   /* with a database stored in the compiled pack (nothing to build) */
	RULESET_SCAN_ON        /* always: a database the pack does not store is built */
};

struct ruleset {
	struct rule **v;
	size_t n, cap;
	struct mscan *scan;        /* the patterns' multi-pattern prefilter (rulescan.h), owned;
	                              NULL: each pattern is searched by PCRE2 alone */
	enum ruleset_scan scan_use;  /* set before loading: when the run uses the prefilter (a
	                              compiled pack hands over the database it stores) */
};

/* Records that re (owned by r's parameters) is one of r's patterns. */
void rule_add_regex(struct rule *r, struct regex *re);
/* Frees one rule and its parameters (NULL is fine). */
void rule_free(struct rule *r);
/* Frees every rule and its parameters. */
void ruleset_free(struct ruleset *rs);
/* The rule's description in lang (NULL when the pack gave none). */
const char *rule_description(const struct rule *r, enum lang lang);
/* The rule's source in lang (NULL when the pack gave none). */
const char *rule_source(const struct rule *r, enum lang lang);
/* Bytes of s up to and including its first sentence end (“。” or ". ", else a newline or
 * the end of s), for one-line summaries. */
size_t rule_text_first_sentence(const char *s);
/* The rule with this id, compared without regard to ASCII case, or NULL. */
struct rule *ruleset_find(const struct ruleset *rs, const char *id);

#endif
