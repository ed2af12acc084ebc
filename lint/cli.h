/* The command line: one option table drives getopt_long, --help and option validation. */
#ifndef NL_CLI_H
#define NL_CLI_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"
#include "i18n.h"

/* What a run does; at most one action besides linting may be asked for. */
enum cli_action {
	CLI_LINT,
	CLI_LIST_RULES,
	CLI_EXPLAIN,
	CLI_CHECK_RULES,
	CLI_VERSION,
	CLI_HELP,
	CLI_PRINT_CONFIG,
	CLI_RULE_DOCS
};

enum cli_format {
	CLI_FORMAT_HUMAN,
	CLI_FORMAT_JSON,
	CLI_FORMAT_JSONL,
	CLI_FORMAT_GITHUB,
	CLI_FORMAT_SARIF,
	CLI_FORMAT_GITLAB,
	CLI_FORMAT_HTML
};

/* Most --jobs threads. */
#define CLI_MAX_JOBS 64
enum cli_color { CLI_COLOR_AUTO, CLI_COLOR_ALWAYS, CLI_COLOR_NEVER };
/* --prefilter: when the rules' patterns share one Vectorscan scan per text. */
enum cli_prefilter { CLI_PREFILTER_AUTO, CLI_PREFILTER_VECTORSCAN, CLI_PREFILTER_OFF };

/* One --level RULE=LEVEL request; rule points into argv. */
struct cli_level {
	const char *rule;
	size_t rule_len;
	enum level level;
};

/* Everything the command line asked for. Strings are borrowed from argv. */
struct options {
	enum cli_action action;
	const char *explain;         /* rule id of --explain */
	const char *rule_docs;       /* --rule-docs DIR */
	const char **rule_packs;     /* --rules values, in order */
	size_t nrule_packs;
	bool no_default_rules;
	bool no_pack_cache;          /* --no-pack-cache: rule packs always from YAML */
	enum cli_format format;
	enum lang lang;
	enum cli_color color;
	const char **disable;        /* --disable values */
	size_t ndisable;
	struct cli_level *levels;    /* --level values */
	size_t nlevels;
	enum level fail_level;
	bool quiet;
	int today_y, today_m, today_d;
	const char *output;          /* --output FILE, NULL for standard output */
	int jobs;                    /* --jobs: files linted at once (1 by default) */
	const char *baseline;        /* --baseline FILE: findings in it are not reported */
	const char *write_baseline;  /* --write-baseline FILE */
	bool prune_baseline;         /* rewrite --baseline FILE without stale entries */
	const char *encoding;        /* --encoding NAME, NULL for auto */
	const char *stdin_format;    /* --stdin-format FORMAT, NULL for text */
	const char *config;          /* --config FILE: used for every input instead of a search */
	const char *print_config;    /* --print-config PATH */
	bool no_suppress;            /* --no-suppress: config suppressions are ignored */
	bool timing;                 /* --timing: print where the time went to stderr */
	enum cli_prefilter prefilter; /* --prefilter: auto by default */
	const char *root;            /* --root DIR: SARIF SRCROOT and GitLab paths, NULL: find */
	const char *doc_url;         /* --doc-url URL: base of rule pages (ends in '/') */
	const char *stdin_filename;  /* --stdin-filename PATH: what "-" stands for */
	bool force_exclude;          /* --force-exclude: include/exclude also for named files */
	bool fix;                    /* --fix: rewrite the inputs with the safe fixes applied */
	bool fix_dry_run;            /* --fix-dry-run: print the fixes as a diff only */
	const char *corpus;          /* --corpus DIR: compare the notices with those under DIR */
	const char *cache_dir;       /* --cache-dir DIR: the result cache's directory */
	bool no_cache;               /* --no-cache: neither read nor write the cache */
	unsigned shard_index;        /* --shard I/N: I (1-based) */
	unsigned shard_count;        /* N; 0 when the run is not sharded */
	const char **paths;          /* PATH operands; "-" is stdin */
	size_t npaths;
};

/* Parses argv into *o (zeroed here). Returns 0 when the run may go on, or 2 after printing
 * a usage error to stderr ("noticelint: " prefix). The caller frees with cli_free. */
int cli_parse(struct options *o, int argc, char **argv);
/* Frees the arrays cli_parse allocated (not the borrowed strings). */
void cli_free(struct options *o);
/* Prints --help, generated from the option table, in lang. */
void cli_print_help(FILE *out, enum lang lang);
/* Prints --version. */
void cli_print_version(FILE *out);
/* Prints "noticelint: " and catalogue message id filled from NULL-terminated name/value
 * pairs to stderr. */
void cli_error(enum lang lang, const char *id, ...);
/* Parses a real calendar date YYYY-MM-DD; returns 0 and fills y, m, d, or -1. */
int cli_parse_date(const char *s, int *y, int *m, int *d);

#endif
