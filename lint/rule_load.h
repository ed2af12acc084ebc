/* Strict YAML rule-pack loader (libyaml document API): every problem is reported with
 * pack-file:line:col and makes the load fail. Also the parameter reader check types use. */
#ifndef NL_RULE_LOAD_H
#define NL_RULE_LOAD_H
#include <stdbool.h>
#include <stddef.h>
#include "rules.h"

struct regex;

/* One loader error. */
struct load_error {
	char *file;
	unsigned line, col;    /* 1-based; 0 when not tied to a position */
	const char *id;        /* catalogue id, e.g. "rule-unknown-key" */
	char *message;         /* localised, filled */
};

struct load_errors {
	struct load_error *v;
	size_t n, cap;
	enum lang lang;
};

/* Loads one pack file into rs; returns 0 when it loaded cleanly, -1 when errors were added. */
int rules_load_file(struct ruleset *rs, const char *path, struct load_errors *errs);
/* Loads every *.yml / *.yaml file of dir in sorted name order; same return as above. */
int rules_load_dir(struct ruleset *rs, const char *dir, struct load_errors *errs);
/* One pack file read whole. */
struct pack_source {
	char *path;      /* as errors and rules name it */
	char *name;      /* its name inside the pack: the file name */
	char *buf;       /* its bytes, NUL-terminated */
	size_t len;
};

/* The files of one pack, in load order. */
struct pack_sources {
	struct pack_source *v;
	size_t n;
};

struct regex_codes;
struct strbuf;
struct yaml_document_s;

/* Reads the pack at path (a directory: its *.yml / *.yaml files in name order; else one
 * file) into src; 0, or -1 when a file or the directory could not be read (reported; the
 * files that could be read are in src). */
int rules_read_pack(const char *path, struct pack_sources *src, struct load_errors *errs);
/* Lists the files of the pack at path in load order as rules_read_pack does, reading none
 * of them (buf NULL, len 0); 0, or -1 when the directory could not be read (reported). */
int rules_list_pack(const char *path, struct pack_sources *src, struct load_errors *errs);
/* Reads the listed file s whole into *buf, a buffer of *cap bytes (0: none yet) grown as
 * needed and reused from file to file, NUL-terminated; its length in *len. 0, or -1 when
 * it cannot be read (reported as rules_read_pack reports it). */
int pack_source_read(const struct pack_source *s, char **buf, size_t *cap, size_t *len,
		struct load_errors *errs);
/* Frees what rules_read_pack read. */
void pack_sources_free(struct pack_sources *src);
/* Loads one read file from its YAML, as rules_load_file does. With record, every pattern
 * compiled is recorded there; with tree, the parsed document is appended to it in the
 * compiled pack's flat form. */
int rules_load_source(struct ruleset *rs, const struct pack_source *s, struct load_errors *errs,
		struct regex_codes *record, struct strbuf *tree);
/* Loads one file of a compiled pack from its rebuilt document doc, shown as path, taking
 * its patterns from replay in order; same return as rules_load_file. */
int rules_load_tree(struct ruleset *rs, const char *path, struct yaml_document_s *doc,
		struct regex_codes *replay, struct load_errors *errs);
/* Frees the error list. */
void load_errors_free(struct load_errors *errs);
/* Appends one error; message is taken over (freed with the list). line and col are 1-based,
 * 0 when the error has no position. */
void load_errors_add(struct load_errors *errs, const char *file, unsigned line, unsigned col,
		const char *id, char *message);

/* A YAML mapping being read by a check type's parse function. It records which keys were
 * read; the loader reports every key nobody read as unknown. Each reader returns 0 when the
 * key was read or is absent and optional, -1 after reporting an error at the key. */
struct rparam;

/* True if the mapping has key. */
bool rp_has(struct rparam *p, const char *key);
/* Marks key as read without reading it, when the parse function already rejected it. */
void rp_ignore(struct rparam *p, const char *key);
/* Reads a string scalar into *out (caller owns); *out stays NULL when absent. */
int rp_string(struct rparam *p, const char *key, bool required, char **out);
/* Reads reader-facing text: a {zh, en} mapping, or a plain string taken as both languages;
 * *zh and *en (caller owns) stay NULL when absent. */
int rp_text(struct rparam *p, const char *key, bool required, char **zh, char **en);
/* Reads a string scalar and compiles it as a pattern; errors name the pattern offset. */
int rp_regex(struct rparam *p, const char *key, bool required, struct regex **out);
/* Reads an integer in [min, max]; *out is untouched when absent. */
int rp_int(struct rparam *p, const char *key, bool required, long min, long max, long *out);
/* Reads a number (integer or decimal) in [min, max]. */
int rp_double(struct rparam *p, const char *key, bool required, double min, double max,
		double *out);
/* Reads true/false. */
int rp_bool(struct rparam *p, const char *key, bool required, bool *out);
/* Reads a sequence of strings (a single scalar counts as a list of one). */
int rp_strings(struct rparam *p, const char *key, bool required, char ***out, size_t *n);
/* Reads a sequence of patterns. */
int rp_regexes(struct rparam *p, const char *key, bool required, struct regex ***out,
		size_t *n);
/* Reads a sequence of mappings, calling each(child, index, ctx) for every element; unread
 * keys of each child are reported as unknown. */
int rp_maps(struct rparam *p, const char *key, bool required,
		int (*each)(struct rparam *child, size_t index, void *ctx), void *ctx);
/* Reads one nested mapping the same way. */
int rp_map(struct rparam *p, const char *key, bool required,
		int (*fn)(struct rparam *child, void *ctx), void *ctx);
/* Reads an example list (a string or a list of strings) into *out (caller owns), keeping
 * each example's position; *n is the count. Absent is fine (0, nothing read). */
int rp_examples(struct rparam *p, const char *key, struct rule_example **out, size_t *n);
/* True when the pack loads from its compiled form, whose examples were all tried when it
 * was compiled from the same YAML: a check type may skip trying them again. */
bool rp_trusted(const struct rparam *p);
/* Reports a check-specific error at key (or at the mapping when key is NULL or absent). */
void rp_error(struct rparam *p, const char *key, const char *message);
/* The rule being loaded (its id, scope and messages are already read). */
struct rule *rp_rule(struct rparam *p);

#endif
