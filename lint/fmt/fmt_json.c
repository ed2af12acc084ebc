/* The JSON format: one document per run in cJSON_Print's tab-indented layout, streamed one
 * file object at a time so memory does not grow with the number of files. Keys are inserted
 * in a fixed order and every number is an integer, so the output is byte-for-byte
 * deterministic. end_line/end_column locate the
 * span's exclusive end: the first character after it; fingerprint is the content
 * fingerprint SARIF and the baseline use. summary counts diagnostics by level;
 * input failures appear only in files[].errors (and in the exit status). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "jsonout.h"
#include "repo/shard.h"
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

const struct fingerprint *
fmt_file_fps(const struct fmt_file *f, struct fingerprint **own)
{
	size_t n = f->diags != NULL && f->text != NULL ? f->diags->n : 0;

	*own = NULL;
	if (n == 0 || f->fps != NULL)
		return f->fps;
	*own = xcalloc(n, sizeof(**own));
	fingerprint_diags(f->text, strlen(f->text), f->diags, *own);
	return *own;
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

/* Appends n tabs. */
static void
put_tabs(struct strbuf *b, int n)
{
	strbuf_repeat(b, '\t', (size_t)n);
}

/* Appends s as cJSON prints a string: quoted, with '"', '\\' and control characters
 * escaped, every other byte as it is. */
static void
put_string(struct strbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;
	char esc[7];
	size_t n;

	strbuf_put(b, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 32 && c != '"' && c != '\\')
			continue;
		strbuf_put(b, run, (size_t)(s - run));
		run = s + 1;
		esc[0] = '\\';
		n = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
			break;
		}
		strbuf_put(b, esc, n);
	}
	strbuf_put(b, run, (size_t)(s - run));
	strbuf_put(b, "\"", 1);
}

/* Appends `"key":<tab>` indented by tabs. */
static void
put_key(struct strbuf *b, int tabs, const char *key)
{
	put_tabs(b, tabs);
	strbuf_put(b, "\"", 1);
	strbuf_put(b, key, strlen(key));    /* keys are plain ASCII names */
	strbuf_put(b, "\":\t", 3);
}

/* Appends a string member and its line end (",\n" unless it is the last member). */
static void
member_str(struct strbuf *b, int tabs, const char *key, const char *v, bool last)
{
	put_key(b, tabs, key);
	put_string(b, v);
	strbuf_put(b, last ? "\n" : ",\n", last ? 1 : 2);
}

static void
member_int(struct strbuf *b, int tabs, const char *key, unsigned v, bool last)
{
	char num[16];
	size_t n = sizeof(num);

	/* Decimal digits from the right: the hot path of a large report, so no printf. */
	do {
		num[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	put_key(b, tabs, key);
	strbuf_put(b, num + n, sizeof(num) - n);
	strbuf_put(b, last ? "\n" : ",\n", last ? 1 : 2);
}

/* Appends "line" and "column" (1-based, columns in code points) of byte offset off. */
static void
member_position(struct strbuf *b, int tabs, const char *line_key, const char *col_key,
    const struct linemap *lines, size_t off)
{
	unsigned line, col;

	linemap_locate(lines, off, &line, &col);
	if (linemap_page(lines, off) > 0)
		member_int(b, tabs, line_key[0] == 'e' ? "end_page" : "page",
		    linemap_page(lines, off), false);
	member_int(b, tabs, line_key, line, false);
	member_int(b, tabs, col_key, col, false);
}

/* Opens element k of an array of objects: "{" after "[" or ", {" after the one before. */
static void
open_element(struct strbuf *b, size_t k)
{
	strbuf_put(b, k > 0 ? ", {\n" : "{\n", k > 0 ? 4 : 2);
}

/* Closes an object whose members were at tabs + 1. */
static void
close_object(struct strbuf *b, int tabs)
{
	put_tabs(b, tabs);
	strbuf_put(b, "}", 1);
}

/* Appends one diagnostic object, members at 5 tabs, as cJSON_Print lays it out inside a
 * file object. */
static void
put_diag(struct strbuf *b, const struct fmt_file *f, const struct diag *d,
    const struct fingerprint *fp)
{
	size_t k;

	strbuf_put(b, "{\n", 2);
	member_str(b, 5, "rule", d->rule, false);
	member_str(b, 5, "level", level_name(d->level), false);
	member_str(b, 5, "message", d->message, false);
	member_position(b, 5, "line", "column", f->lines, d->span.start);
	member_position(b, 5, "end_line", "end_column", f->lines, d->span.end);
	member_str(b, 5, "fingerprint", fp->hex, false);
	put_key(b, 5, "related");
	strbuf_put(b, "[", 1);
	for (k = 0; k < d->nrelated; k++) {
		open_element(b, k);
		if (d->related[k].path != NULL) {
			member_str(b, 7, "path", d->related[k].path, false);
			member_int(b, 7, "line", d->related[k].line, false);
			member_int(b, 7, "column", d->related[k].col, false);
		} else {
			member_position(b, 7, "line", "column", f->lines, d->related[k].span.start);
		}
		member_str(b, 7, "message", d->related[k].message, true);
		close_object(b, 6);
	}
	strbuf_put(b, "]\n", 2);
	close_object(b, 4);
}

/* Appends the object of one file at depth 2: its path, diagnostics and input errors. */
static void
put_file(struct strbuf *b, const struct fmt_file *f)
{
	size_t i, n = f->diags != NULL && f->text != NULL ? f->diags->n : 0;
	struct fingerprint *own;
	const struct fingerprint *fps = fmt_file_fps(f, &own);

	strbuf_put(b, "{\n", 2);
	member_str(b, 3, "path", f->path, false);
	if (f->lines != NULL && f->lines->src != NULL) {
		/* A converted input: what its lines and columns count. */
		member_str(b, 3, "source_format", f->lines->src->format, false);
		member_str(b, 3, "line_unit", f->lines->src->line_unit, false);
	}
	put_key(b, 3, "diagnostics");
	strbuf_put(b, "[", 1);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_put(b, ", ", 2);
		put_diag(b, f, &f->diags->v[i], &fps[i]);
	}
	free(own);
	strbuf_put(b, "],\n", 3);
	put_key(b, 3, "errors");
	strbuf_put(b, "[", 1);
	for (i = 0; i < f->nerrors; i++) {
		open_element(b, i);
		member_str(b, 5, "id", f->errors[i].id, false);
		member_str(b, 5, "message", f->errors[i].message, true);
		close_object(b, 4);
	}
	strbuf_put(b, "]\n", 2);
	close_object(b, 2);
}

/* Files are written directly, in the layout cJSON_Print gives the header and summary. */
static void
json_file(void *state, const struct fmt_file *f)
{
	struct json *j = state;
	struct strbuf b = {NULL, 0, 0};
	char *text;

	if ((f->diags != NULL && f->text != NULL && f->diags->n > 0) || f->nerrors > 0)
		jsonout_start(&j->w);
	if (j->nfiles++ > 0)
		jsonout_puts(&j->w, ", ");
	put_file(&b, f);
	jsonout_put(&j->w, b.s, b.n);
	text = strbuf_take(&b);
	free(text);
}

static void
json_end(void *state, const struct fmt_totals *t)
{
	struct json *j = state;
	cJSON *summary, *shard;

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
	if ((shard = shard_json(j->o.shard)) != NULL) {
		jsonout_puts(&j->w, ",\n\t\"shard\":\t");
		jsonout_nested(&j->w, shard, 1);
	}
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
