/* The JSON Lines format: one compact object per diagnostic ({path, rule, level, message,
 * line, column, end_line, end_column, fingerprint, related}) or per input error ({path,
 * error, message}), each on its own line as the file is reported; no summary. */
#include <stdlib.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "xalloc.h"

struct jsonl {
	struct fmt_opts o;
};

/* Prints obj on one line and frees it. */
static void
put_line(FILE *out, cJSON *obj)
{
	char *text = cJSON_PrintUnformatted(obj);

	if (text == NULL)
		fmt_json_must(NULL);
	fputs(text, out);
	fputc('\n', out);
	cJSON_free(text);
	cJSON_Delete(obj);
}

static void
add_position(cJSON *obj, const char *lkey, const char *ckey, const struct linemap *lm,
    size_t off)
{
	unsigned line, col;

	linemap_locate(lm, off, &line, &col);
	if (linemap_page(lm, off) > 0)
		fmt_json_must(cJSON_AddNumberToObject(obj, lkey[0] == 'e' ? "end_page" : "page",
		    linemap_page(lm, off)));
	fmt_json_must(cJSON_AddNumberToObject(obj, lkey, line));
	fmt_json_must(cJSON_AddNumberToObject(obj, ckey, col));
}

static void
jsonl_file(void *state, const struct fmt_file *f)
{
	struct jsonl *j = state;
	const struct diag *d;
	struct fingerprint *own;
	const struct fingerprint *fps = fmt_file_fps(f, &own);
	cJSON *obj, *rel, *one;
	size_t i, k;

	for (i = 0; i < f->nerrors; i++) {
		obj = fmt_json_must(cJSON_CreateObject());
		fmt_json_must(cJSON_AddStringToObject(obj, "path", f->path));
		fmt_json_must(cJSON_AddStringToObject(obj, "error", f->errors[i].id));
		fmt_json_must(cJSON_AddStringToObject(obj, "message", f->errors[i].message));
		put_line(j->o.out, obj);
	}
	for (i = 0; f->diags != NULL && f->text != NULL && i < f->diags->n; i++) {
		d = &f->diags->v[i];
		obj = fmt_json_must(cJSON_CreateObject());
		fmt_json_must(cJSON_AddStringToObject(obj, "path", f->path));
		fmt_json_must(cJSON_AddStringToObject(obj, "rule", d->rule));
		fmt_json_must(cJSON_AddStringToObject(obj, "level", level_name(d->level)));
		fmt_json_must(cJSON_AddStringToObject(obj, "message", d->message));
		if (f->lines->src != NULL) {
			fmt_json_must(cJSON_AddStringToObject(obj, "source_format", f->lines->src->format));
			fmt_json_must(cJSON_AddStringToObject(obj, "line_unit", f->lines->src->line_unit));
		}
		add_position(obj, "line", "column", f->lines, d->span.start);
		add_position(obj, "end_line", "end_column", f->lines, d->span.end);
		fmt_json_must(cJSON_AddStringToObject(obj, "fingerprint", fps[i].hex));
		rel = fmt_json_must(cJSON_AddArrayToObject(obj, "related"));
		for (k = 0; k < d->nrelated; k++) {
			one = fmt_json_must(cJSON_CreateObject());
			if (d->related[k].path != NULL) {
				fmt_json_must(cJSON_AddStringToObject(one, "path", d->related[k].path));
				fmt_json_must(cJSON_AddNumberToObject(one, "line", d->related[k].line));
				fmt_json_must(cJSON_AddNumberToObject(one, "column", d->related[k].col));
			} else {
				add_position(one, "line", "column", f->lines, d->related[k].span.start);
			}
			fmt_json_must(cJSON_AddStringToObject(one, "message",
			    d->related[k].message));
			cJSON_AddItemToArray(rel, one);
		}
		put_line(j->o.out, obj);
	}
	free(own);
}

static void
jsonl_end(void *state, const struct fmt_totals *t)
{
	(void)state;
	(void)t;
}

static void
jsonl_destroy(void *state)
{
	free(state);
}

static const struct fmt_ops jsonl_ops = {jsonl_file, jsonl_end, jsonl_destroy};

void
fmt_jsonl_init(struct formatter *f, const struct fmt_opts *o)
{
	struct jsonl *j = xcalloc(1, sizeof(*j));

	j->o = *o;
	f->ops = &jsonl_ops;
	f->state = j;
}
