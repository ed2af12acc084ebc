/* The GitLab Code Quality format: one JSON array of issues {description, check_name,
 * fingerprint, severity, location {path, lines {begin}}}, streamed one issue at a time.
 * Paths are relative to the source root; levels map error → major, warning → minor,
 * info → info, and an input that could not be checked is a critical issue at line 1. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "jsonout.h"
#include "srcroot.h"
#include "xalloc.h"

struct gitlab {
	struct fmt_opts o;
	struct jsonout w;
	size_t nissues;
};

static const char *
severity(enum level l)
{
	if (l == LEVEL_ERROR)
		return "major";
	return l == LEVEL_WARNING ? "minor" : "info";
}

/* Writes one issue. */
static void
put_issue(struct gitlab *g, const char *desc, const char *check, const char *fp,
    const char *sev, const char *path, unsigned line)
{
	cJSON *o = fmt_json_must(cJSON_CreateObject());
	cJSON *loc, *lines;

	fmt_json_must(cJSON_AddStringToObject(o, "description", desc));
	fmt_json_must(cJSON_AddStringToObject(o, "check_name", check));
	fmt_json_must(cJSON_AddStringToObject(o, "fingerprint", fp));
	fmt_json_must(cJSON_AddStringToObject(o, "severity", sev));
	loc = fmt_json_must(cJSON_AddObjectToObject(o, "location"));
	fmt_json_must(cJSON_AddStringToObject(loc, "path", path));
	lines = fmt_json_must(cJSON_AddObjectToObject(loc, "lines"));
	fmt_json_must(cJSON_AddNumberToObject(lines, "begin", line));
	jsonout_puts(&g->w, g->nissues++ > 0 ? ", " : "");
	jsonout_nested(&g->w, o, 0);
}

static void
gitlab_file(void *state, const struct fmt_file *f)
{
	struct gitlab *g = state;
	char *rel = g->o.root != NULL && strcmp(f->path, "<stdin>") != 0 ?
	    srcroot_rel(g->o.root, f->path) : NULL;
	const char *path = rel != NULL ? rel : f->path;
	size_t i, n = f->diags != NULL && f->text != NULL ? f->diags->n : 0;
	struct fingerprint *own, fp, id;
	const struct fingerprint *fps = fmt_file_fps(f, &own);
	unsigned line, col;

	for (i = 0; i < f->nerrors; i++) {
		/* An input error has no text to hash: its id stands in for the content. */
		snprintf(id.hex, sizeof(id.hex), "%s", f->errors[i].id);
		fingerprint_in_file(&id, path, &fp);
		put_issue(g, f->errors[i].message, f->errors[i].id, fp.hex, "critical", path, 1);
	}
	for (i = 0; i < n; i++) {
		linemap_locate(f->lines, f->diags->v[i].span.start, &line, &col);
		fingerprint_in_file(&fps[i], path, &fp);
		put_issue(g, f->diags->v[i].message, f->diags->v[i].rule, fp.hex,
		    severity(f->diags->v[i].level), path, line);
	}
	free(own);
	free(rel);
}

static void
gitlab_end(void *state, const struct fmt_totals *t)
{
	struct gitlab *g = state;

	(void)t;
	jsonout_puts(&g->w, "]\n");
}

static void
gitlab_destroy(void *state)
{
	struct gitlab *g = state;

	jsonout_free(&g->w);
	free(g);
}

static const struct fmt_ops gitlab_ops = {gitlab_file, gitlab_end, gitlab_destroy};

void
fmt_gitlab_init(struct formatter *f, const struct fmt_opts *o)
{
	struct gitlab *g = xcalloc(1, sizeof(*g));

	g->o = *o;
	/* Always a whole document: a CI artifact must parse even when nothing was found. */
	jsonout_init(&g->w, o->out, false);
	jsonout_puts(&g->w, "[");
	f->ops = &gitlab_ops;
	f->state = g;
}
