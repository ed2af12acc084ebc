/* The formatter interface: the run hands each file's diagnostics and input errors to one
 * formatter, then the totals. Formatters copy what they keep, so a file's text and
 * diagnostics may be freed as soon as the file call returns. */
#ifndef NL_FMT_H
#define NL_FMT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "diag.h"
#include "fingerprint.h"
#include "i18n.h"
#include "linemap.h"

struct ruleset;
struct shard_meta;

/* An input problem of one file (input-missing, input-binary, ...). */
struct fmt_error {
	const char *id;
	const char *message;
};

/* One file as the formatters see it; everything is borrowed for the call. */
struct fmt_file {
	const char *path;                /* display path */
	const char *text;                /* decoded text, NULL when the input was not read */
	const struct linemap *lines;     /* line table of text, NULL with text */
	const struct diag_list *diags;   /* sorted diagnostics, NULL when none were made */
	const struct fmt_error *errors;
	size_t nerrors;
	const struct fingerprint *fps;   /* parallel to diags->v; NULL: the formatter computes */
};

/* Counts of a whole run: diagnostics by level, files seen, files with input errors. */
struct fmt_totals {
	size_t files;
	size_t errors, warnings, infos;
	size_t failed;
};

struct fmt_opts {
	FILE *out;
	enum lang lang;
	bool color;   /* ANSI colour (human format only) */
	bool quiet;   /* print nothing when the run found nothing */
	const struct ruleset *rules;  /* the loaded rules (SARIF lists them); may be NULL */
	const char *root;     /* real path of the source root (srcroot.h); NULL: paths as shown */
	const char *doc_url;  /* base URL of the documentation, ending in '/' */
	size_t width; /* display columns of a source line (human format); 0: FMT_DEFAULT_WIDTH */
	const struct shard_meta *shard;  /* --shard: written by json and sarif at the end */
};

/* Output width of the human format when neither COLUMNS nor a terminal tells. */
#define FMT_DEFAULT_WIDTH 100

struct fmt_ops {
	/* Reports one file. */
	void (*file)(void *state, const struct fmt_file *f);
	/* Ends the run: summary line or the JSON document. */
	void (*end)(void *state, const struct fmt_totals *t);
	/* Frees the state. */
	void (*destroy)(void *state);
};

struct formatter {
	const struct fmt_ops *ops;
	void *state;
};

/* Sets f up as the human formatter writing to o->out. */
void fmt_human_init(struct formatter *f, const struct fmt_opts *o);
/* Sets f up as the JSON formatter writing one document to o->out at the end. */
void fmt_json_init(struct formatter *f, const struct fmt_opts *o);
/* Returns item, or ends the run with exit 2 when cJSON could not allocate it (NULL). */
struct cJSON *fmt_json_must(struct cJSON *item);
/* The fingerprints of f's diagnostics: f->fps, or computed into *own (freed by the caller;
 * NULL when f->fps was set or there are no diagnostics). */
const struct fingerprint *fmt_file_fps(const struct fmt_file *f, struct fingerprint **own);
/* Sets f up as the JSON Lines formatter: one object per diagnostic or input error. */
void fmt_jsonl_init(struct formatter *f, const struct fmt_opts *o);
/* Sets f up as the GitHub Actions formatter: workflow-command annotations as files come,
 * then every finding again as a plain `path:line:col: level: message [rule]` line. */
void fmt_github_init(struct formatter *f, const struct fmt_opts *o);
/* Sets f up as the SARIF 2.1.0 formatter writing one log to o->out at the end. */
void fmt_sarif_init(struct formatter *f, const struct fmt_opts *o);

/* Sets f up as the GitLab Code Quality formatter: one JSON array of issues at the end. */
void fmt_gitlab_init(struct formatter *f, const struct fmt_opts *o);
/* Sets f up as the HTML formatter: one self-contained report page written at the end. */
void fmt_html_init(struct formatter *f, const struct fmt_opts *o);

/* The line text[ls, le) as the human format shows it: tabs expanded to 8-column stops,
 * control characters as '?'. The caller frees. */
char *fmt_human_source(const char *text, size_t ls, size_t le);
/* The caret line under that line for the span [start, end): spaces up to the display
 * column of start, then '^' and one '~' per further display column of the span, clipped
 * to the line end (CJK characters count two columns). The caller frees. */
char *fmt_human_caret(const char *text, size_t ls, size_t le, size_t start, size_t end);

#endif
