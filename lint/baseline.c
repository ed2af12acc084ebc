/* Baseline files: loading with cJSON and validation, sorted lookup, atomic writing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "atomicfile.h"
#include "baseline.h"
#include "limits.h"
#include "xalloc.h"

static int
entry_cmp(const void *a, const void *b)
{
	const struct baseline_entry *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c == 0)
		c = strcmp(x->rule, y->rule);
	return c != 0 ? c : strcmp(x->fp, y->fp);
}

void
baseline_add(struct baseline *b, const char *path, const char *rule, const char *fp)
{
	struct baseline_entry *e;

	b->v = xgrow(b->v, &b->cap, b->n + 1, sizeof(*b->v));
	e = &b->v[b->n++];
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(path);
	e->rule = xstrdup(rule);
	snprintf(e->fp, sizeof(e->fp), "%s", fp);
	b->sorted = false;
}

/* Reads the whole file; NULL with errno set on failure. */
static char *
slurp(const char *file)
{
	FILE *f = fopen(file, "rb");
	char *s = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		s = xgrow(s, &cap, n + 4097, 1);
		got = fread(s + n, 1, 4096, f);
		n += got;
	} while (got > 0);
	s[n] = '\0';
	if (ferror(f)) {
		fclose(f);
		free(s);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	return s;
}

/* Adds the entries of a parsed document; returns a reason string on error, else NULL. */
static const char *
take_entries(struct baseline *b, const cJSON *root)
{
	const cJSON *ver = cJSON_GetObjectItemCaseSensitive(root, "version");
	const cJSON *entries = cJSON_GetObjectItemCaseSensitive(root, "entries");
	const cJSON *e, *p, *r, *f;

	if (!cJSON_IsNumber(ver) || ver->valueint != BASELINE_VERSION)
		return "version";
	if (!cJSON_IsArray(entries))
		return "entries";
	cJSON_ArrayForEach(e, entries) {
		p = cJSON_GetObjectItemCaseSensitive(e, "path");
		r = cJSON_GetObjectItemCaseSensitive(e, "rule");
		f = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
		if (!cJSON_IsString(p) || !cJSON_IsString(r) || !cJSON_IsString(f) ||
		    strlen(f->valuestring) != FINGERPRINT_LEN)
			return "entries[]: {path, rule, fingerprint}";
		baseline_add(b, p->valuestring, r->valuestring, f->valuestring);
	}
	return NULL;
}

int
baseline_load(struct baseline *b, const char *file, const char **id, char **reason)
{
	char *text = slurp(file);
	const char *why;
	cJSON *root;

	memset(b, 0, sizeof(*b));
	if (text == NULL) {
		*id = "baseline-read-failed";
		*reason = xstrdup(strerror(errno));
		return -1;
	}
	root = cJSON_Parse(text);
	free(text);
	why = root == NULL ? "JSON" : take_entries(b, root);
	cJSON_Delete(root);
	if (why != NULL) {
		baseline_free(b);
		*id = "baseline-invalid";
		*reason = xstrdup(why);
		return -1;
	}
	return 0;
}

static void
sort_entries(struct baseline *b)
{
	if (!b->sorted && b->n > 1)
		qsort(b->v, b->n, sizeof(*b->v), entry_cmp);
	b->sorted = true;
}

/* What baseline_find looks for. */
struct finding {
	const char *path, *rule, *fp;
};

static int
finding_cmp(const void *k, const void *e)
{
	const struct finding *f = k;
	const struct baseline_entry *x = e;
	int c = strcmp(f->path, x->path);

	if (c == 0)
		c = strcmp(f->rule, x->rule);
	return c != 0 ? c : strcmp(f->fp, x->fp);
}

struct baseline_entry *
baseline_find(struct baseline *b, const char *path, const char *rule, const char *fp)
{
	struct finding key = {path, rule, fp};

	sort_entries(b);
	return b->n ? bsearch(&key, b->v, b->n, sizeof(*b->v), finding_cmp) : NULL;
}

void
baseline_mark_path(struct baseline *b, const char *path)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->v[i].path, path) == 0)
			b->v[i].path_seen = true;
}

/* The document for b: sorted entries, duplicates and (with prune) stale ones left out. */
static cJSON *
document(struct baseline *b, bool prune)
{
	cJSON *root = cJSON_CreateObject(), *arr, *e;
	size_t i;

	sort_entries(b);
	cJSON_AddNumberToObject(root, "version", BASELINE_VERSION);
	arr = cJSON_AddArrayToObject(root, "entries");
	for (i = 0; i < b->n; i++) {
		if (i > 0 && entry_cmp(&b->v[i - 1], &b->v[i]) == 0)
			continue;
		if (prune && b->v[i].path_seen && !b->v[i].used)
			continue;
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "path", b->v[i].path);
		cJSON_AddStringToObject(e, "rule", b->v[i].rule);
		cJSON_AddStringToObject(e, "fingerprint", b->v[i].fp);
		cJSON_AddItemToArray(arr, e);
	}
	return root;
}

int
baseline_write(struct baseline *b, const char *file, bool prune, enum lang lang,
    char **reason)
{
	struct atomic_file af;
	cJSON *root = document(b, prune);
	char *text = cJSON_Print(root);

	cJSON_Delete(root);
	if (text == NULL) {
		*reason = xstrdup("out of memory");
		return -1;
	}
	if (atomic_open(&af, file, lang, reason) != 0) {
		cJSON_free(text);
		return -1;
	}
	fputs(text, af.fp);
	fputc('\n', af.fp);
	cJSON_free(text);
	return atomic_commit(&af, reason);
}

void
baseline_free(struct baseline *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].path);
		free(b->v[i].rule);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}
