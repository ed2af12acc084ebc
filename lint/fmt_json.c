/* The JSON format: one document per run in cJSON_Print's tab-indented layout, streamed one
 * file object at a time so memory does not grow with the number of files. Keys are inserted
 * in a fixed order and every number is an integer, so the output is byte-for-byte
 * deterministic. end_line/end_column locate the
 * span's exclusive end: the first character after it. summary counts diagnostics by level;
 * input failures appear only in files[].errors (and in the exit status). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "jsonout.h"
#include "xalloc.h"

/* Version of the JSON document's shape; bumped on any incompatible change. */
#define JSON_FORMAT_VERSION 1

struct json {
	struct fmt_opts o;
	size_t nfiles;
	struct jsonout w;       /* held back while --quiet may still print nothing at all */
};

/* cJSON reports allocation failure with NULL; treat it like xalloc does. */
static void
out_of_memory(void)
{
	fputs("noticelint: out of memory\n", stderr);
	exit(2);
}

cJSON *
fmt_json_must(cJSON *item)
{
	if (item == NULL)
		out_of_memory();
	return item;
}

static void
add_int(cJSON *obj, const char *key, size_t v)
{
	fmt_json_must(cJSON_AddNumberToObject(obj, key, (double)v));
}

static void
add_str(cJSON *obj, const char *key, const char *v)
{
	fmt_json_must(cJSON_AddStringToObject(obj, key, v));
}

/* Adds "line" and "column" (1-based, columns in code points) of byte offset off. */
static void
add_position(cJSON *obj, const char *line_key, const char *col_key,
    const struct linemap *lines, size_t off)
{
	unsigned line, col;

	linemap_locate(lines, off, &line, &col);
	add_int(obj, line_key, line);
	add_int(obj, col_key, col);
}

static cJSON *
diag_object(const struct fmt_file *f, const struct diag *d)
{
	cJSON *o = fmt_json_must(cJSON_CreateObject());
	cJSON *related, *r;
	size_t k;

	add_str(o, "rule", d->rule);
	add_str(o, "level", level_name(d->level));
	add_str(o, "message", d->message);
	add_position(o, "line", "column", f->lines, d->span.start);
	add_position(o, "end_line", "end_column", f->lines, d->span.end);
	related = fmt_json_must(cJSON_AddArrayToObject(o, "related"));
	for (k = 0; k < d->nrelated; k++) {
		r = fmt_json_must(cJSON_CreateObject());
		add_position(r, "line", "column", f->lines, d->related[k].span.start);
		add_str(r, "message", d->related[k].message);
		cJSON_AddItemToArray(related, r);
	}
	return o;
}

static void
json_file(void *state, const struct fmt_file *f)
{
	struct json *j = state;
	cJSON *file = fmt_json_must(cJSON_CreateObject());
	cJSON *diags, *errors, *e;
	size_t i;

	add_str(file, "path", f->path);
	diags = fmt_json_must(cJSON_AddArrayToObject(file, "diagnostics"));
	if (f->diags != NULL && f->text != NULL)
		for (i = 0; i < f->diags->n; i++)
			cJSON_AddItemToArray(diags, diag_object(f, &f->diags->v[i]));
	errors = fmt_json_must(cJSON_AddArrayToObject(file, "errors"));
	for (i = 0; i < f->nerrors; i++) {
		e = fmt_json_must(cJSON_CreateObject());
		add_str(e, "id", f->errors[i].id);
		add_str(e, "message", f->errors[i].message);
		cJSON_AddItemToArray(errors, e);
	}
	if (cJSON_GetArraySize(diags) > 0 || f->nerrors > 0)
		jsonout_start(&j->w);
	if (j->nfiles++ > 0)
		jsonout_puts(&j->w, ", ");
	jsonout_nested(&j->w, file, 2);
}

static void
json_end(void *state, const struct fmt_totals *t)
{
	struct json *j = state;
	cJSON *summary;

	if (!j->w.streaming && t->errors + t->warnings + t->infos + t->failed == 0)
		return;
	jsonout_start(&j->w);
	summary = fmt_json_must(cJSON_CreateObject());
	add_int(summary, "files", t->files);
	add_int(summary, "errors", t->errors);
	add_int(summary, "warnings", t->warnings);
	add_int(summary, "infos", t->infos);
	jsonout_puts(&j->w, "],\n\t\"summary\":\t");
	jsonout_nested(&j->w, summary, 1);
	jsonout_puts(&j->w, "\n}\n");
}

static void
json_destroy(void *state)
{
	struct json *j = state;

	jsonout_free(&j->w);
	free(j);
}

static const struct fmt_ops json_ops = {json_file, json_end, json_destroy};

void
fmt_json_init(struct formatter *f, const struct fmt_opts *o)
{
	struct json *j = xcalloc(1, sizeof(*j));
	cJSON *tool;
	char head[64];

	j->o = *o;
	jsonout_init(&j->w, o->out, o->quiet);
	snprintf(head, sizeof(head), "{\n\t\"version\":\t%d,\n\t\"tool\":\t",
	    JSON_FORMAT_VERSION);
	jsonout_puts(&j->w, head);
	tool = fmt_json_must(cJSON_CreateObject());
	add_str(tool, "name", "noticelint");
	add_str(tool, "version", NL_VERSION);
	jsonout_nested(&j->w, tool, 1);
	jsonout_puts(&j->w, ",\n\t\"files\":\t[");
	f->ops = &json_ops;
	f->state = j;
}
