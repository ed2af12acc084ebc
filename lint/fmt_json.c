/* The JSON format: one document per run, built with cJSON and printed at the end with
 * cJSON_Print (tab-indented). Keys are inserted in a fixed order and every number is an
 * integer, so the output is byte-for-byte deterministic. end_line/end_column locate the
 * span's exclusive end: the first character after it. summary counts diagnostics by level;
 * input failures appear only in files[].errors (and in the exit status). */
#include <stdlib.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "xalloc.h"

/* Version of the JSON document's shape; bumped on any incompatible change. */
#define JSON_FORMAT_VERSION 1

struct json {
	struct fmt_opts o;
	cJSON *root;
	cJSON *files;
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
	cJSON_AddItemToArray(j->files, file);
}

static void
json_end(void *state, const struct fmt_totals *t)
{
	struct json *j = state;
	cJSON *summary;
	char *text;

	if (j->o.quiet && t->errors + t->warnings + t->infos + t->failed == 0)
		return;
	summary = fmt_json_must(cJSON_AddObjectToObject(j->root, "summary"));
	add_int(summary, "files", t->files);
	add_int(summary, "errors", t->errors);
	add_int(summary, "warnings", t->warnings);
	add_int(summary, "infos", t->infos);
	text = cJSON_Print(j->root);
	if (text == NULL)
		out_of_memory();
	fputs(text, j->o.out);
	fputc('\n', j->o.out);
	cJSON_free(text);
}

static void
json_destroy(void *state)
{
	struct json *j = state;

	cJSON_Delete(j->root);
	free(j);
}

static const struct fmt_ops json_ops = {json_file, json_end, json_destroy};

void
fmt_json_init(struct formatter *f, const struct fmt_opts *o)
{
	struct json *j = xcalloc(1, sizeof(*j));
	cJSON *tool;

	j->o = *o;
	j->root = fmt_json_must(cJSON_CreateObject());
	add_int(j->root, "version", JSON_FORMAT_VERSION);
	tool = fmt_json_must(cJSON_AddObjectToObject(j->root, "tool"));
	add_str(tool, "name", "noticelint");
	add_str(tool, "version", NL_VERSION);
	j->files = fmt_json_must(cJSON_AddArrayToObject(j->root, "files"));
	f->ops = &json_ops;
	f->state = j;
}
