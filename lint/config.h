/* Project configuration .noticelint.yml: the strict loader, the search from a file's
 * directory up to the root, and what one config says about one file. */
#ifndef NL_CONFIG_H
#define NL_CONFIG_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "rule_load.h"

/* The file names searched for in each directory; a directory holding both is an error. */
#define CONFIG_NAME ".noticelint.yml"
#define CONFIG_NAME_ALT ".noticelint.yaml"

/* A string read from the config and where it stood. */
struct cfg_str {
	char *s;
	unsigned line, col;
};

struct cfg_strs {
	struct cfg_str *v;
	size_t n;
};

/* One `levels:` entry: rule id (with position) → level. */
struct cfg_level {
	struct cfg_str rule;
	enum level level;
};

struct cfg_levels {
	struct cfg_level *v;
	size_t n;
};

/* One `overrides:` element: settings for files matching any of paths. */
struct cfg_override {
	struct cfg_strs paths;
	struct cfg_strs disable;
	struct cfg_levels levels;
};

/* One `suppress:` element: findings of rule in files matching paths (and containing match
 * in their diagnosed text or message when match is set) are not reported. */
struct cfg_suppress {
	struct cfg_str rule;
	struct cfg_strs paths;
	char *match;
	char *reason;
};

/* A loaded config file. Globs and pack paths are relative to dir. */
struct config {
	char *path;                /* as found or given */
	char *dir;                 /* absolute directory of the file */
	struct cfg_strs rules;     /* extra rule packs, resolved to paths usable as given */
	struct cfg_strs disable;
	struct cfg_levels levels;
	struct cfg_strs include;
	struct cfg_strs exclude;
	struct cfg_override *overrides;
	size_t noverrides;
	struct cfg_suppress *suppress;
	size_t nsuppress;
	bool cache;                /* `cache: true`: keep the result cache (repository layer) */
	char *corpus;              /* `corpus: DIR`: compare notices with those under DIR,
	                            * relative to the config's directory; NULL: none */
	bool root;                 /* `root: true`: the search stops here (as it does at any
	                            * config found, the nearest governing alone) */
};

/* Loads path into a zeroed *c; returns 0, or -1 after adding errors (config-* ids, with
 * file:line:col) to errs. c is usable (and must be freed) either way. */
int config_load(struct config *c, const char *path, struct load_errors *errs);
/* Reports every rule id of c that rs does not define; returns the number reported. An id
 * written in another case than its rule's is rewritten as the rule writes it. */
size_t config_check_ids(const struct config *c, const struct ruleset *rs,
		struct load_errors *errs);
/* Frees everything c owns. */
void config_free(struct config *c);
/* Finds the nearest CONFIG_NAME or CONFIG_NAME_ALT from the directory of path (the current
 * directory for "-") upwards, stopping after the repository root (the first directory that
 * holds .git, a directory or a worktree's file) or at the file system root. Returns an
 * owned path, or NULL when there is none; when one directory holds both names, returns
 * NULL and sets *both to that directory (owned), else *both is NULL. */
char *config_find(const char *path, char **both);
/* config_find's answer for the directory of the last regular file asked about: the files
 * of one directory then cost one lstat each instead of a walk up the tree. */
struct config_memo {
	char *dir;             /* that directory as written in the path; NULL for none yet */
	char *found, *both;    /* what config_find returned for it */
};

/* config_find(path, both), answered from m when path names a regular file (not a symbolic
 * link, whose target may lie elsewhere) in the directory m remembers. */
char *config_find_memo(struct config_memo *m, const char *path, char **both);
/* Frees what m holds. */
void config_memo_free(struct config_memo *m);
/* The path glob patterns are matched against for file: relative to c->dir when the file is
 * below it, else absolute (owned). */
char *config_rel_path(const struct config *c, const char *file);
/* True when rel matches one of the globs (fnmatch, '*' also crosses '/'). */
bool config_globs_match(const struct cfg_strs *globs, const char *rel);
/* True when a file found by a directory walk is to be linted under c (include/exclude). */
bool config_wants(const struct config *c, const char *rel);

#endif
