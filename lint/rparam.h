/* Rule-pack loader internals shared by rule_load.c and rparam.c: the per-file load context,
 * errors at YAML marks, and the mapping reader behind the rp_* API of rule_load.h. */
#ifndef NL_RPARAM_H
#define NL_RPARAM_H
#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>
#include "rule_load.h"

struct regex_codes;

/* One pack file being loaded. */
struct load_ctx {
	yaml_document_t *doc;
	const char *file;
	struct load_errors *errs;
	size_t nerrors;        /* errors reported for this file so far */
	struct regex_codes *record;   /* patterns compiled are recorded here (may be NULL) */
	struct regex_codes *replay;   /* patterns are taken from here first (may be NULL) */
	bool trusted;          /* the document comes from a compiled pack, whose examples were
	                          tried when it was compiled */
};

/* A mapping being read; read[i] is set once pair i's key was asked for. */
struct rparam {
	struct load_ctx *ctx;
	yaml_node_t *map;
	bool *read;
	size_t npairs;
	struct rule *rule;     /* NULL for the pack's top-level mapping */
};

/* What a value should have been, for rule-wrong-type messages. */
enum rp_kind {
	RP_STRING,
	RP_INT,
	RP_NUMBER,
	RP_BOOL,
	RP_LIST,
	RP_MAP,
	RP_STRINGS,
	RP_TEXT
};

/* Adds error id at mark (NULL: no position) with NULL-terminated name/value pairs. */
void load_report(struct load_ctx *ctx, const yaml_mark_t *mark, const char *id, ...);
/* Starts reading mapping node map of rule r (NULL for the top level); reports keys that are
 * not strings and repeated keys. */
void rp_open(struct rparam *p, struct load_ctx *ctx, yaml_node_t *map, struct rule *r);
/* Reports every key nobody read as unknown and releases the reader. */
void rp_close(struct rparam *p);
/* Marks every key read, so closing reports nothing (used when the check type is unknown). */
void rp_mark_all_read(struct rparam *p);
/* The value node of key, marking the key read; *keynode (may be NULL) gets the key node. */
yaml_node_t *rp_get(struct rparam *p, const char *key, yaml_node_t **keynode);
/* Reports that the required key is missing from the mapping. */
void rp_missing(struct rparam *p, const char *key);
/* Reports that node, the value of key, is not of kind k. */
void rp_wrong_type(struct rparam *p, const char *key, const yaml_node_t *node,
		enum rp_kind k);
/* The text of a string scalar (non-null, no NUL byte), or NULL for any other node. */
const char *rp_node_string(const yaml_node_t *node);
/* The node at index i of document doc (libyaml indices are 1-based). */
yaml_node_t *rp_node(struct load_ctx *ctx, int i);

#endif
