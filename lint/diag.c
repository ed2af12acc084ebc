/* The diagnostics collector of one file: add, annotate, sort. Nothing here prints. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "limits.h"
#include "rules.h"
#include "xalloc.h"

#define MAX_ARGS 32


static const char *const level_names[] = {"none", "info", "warning", "error"};

const char *
level_name(enum level l)
{
	return (unsigned)l < 4 ? level_names[l] : "none";
}

int
level_parse(const char *s, enum level *out)
{
	int i;

	for (i = LEVEL_INFO; i <= LEVEL_ERROR; i++)
		if (strcmp(s, level_names[i]) == 0) {
			*out = (enum level)i;
			return 0;
		}
	return -1;
}

void
diag_list_init(struct diag_list *l, enum lang lang)
{
	memset(l, 0, sizeof(*l));
	l->lang = lang;
}

void
diag_clear(struct diag *d)
{
	size_t k;

	for (k = 0; k < d->nrelated; k++) {
		free(d->related[k].message);
		free(d->related[k].path);
	}
	free(d->related);
	for (k = 0; k < d->nedits; k++)
		free(d->edits[k].text);
	free(d->edits);
	free(d->message);
}

void
diag_edit(struct diag *d, size_t start, size_t end, const char *text, size_t len)
{
	if (d == NULL)
		return;
	d->edits = xrealloc(d->edits, (d->nedits + 1) * sizeof(*d->edits));
	d->edits[d->nedits].span.start = start;
	d->edits[d->nedits].span.end = end < start ? start : end;
	d->edits[d->nedits].text = xstrndup(text, len);
	d->nedits++;
}

void
diag_list_free(struct diag_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		diag_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
	l->cut = false;
}

/* Collects NULL-terminated name/value pairs into kv; returns the entry count. */
static size_t
collect_args(va_list ap, const char **kv)
{
	const char *s;
	size_t n = 0;

	while (n + 2 <= MAX_ARGS && (s = va_arg(ap, const char *)) != NULL) {
		kv[n++] = s;
		kv[n++] = va_arg(ap, const char *);
	}
	return n;
}

static int
cmp_diag(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	if (x->span.end != y->span.end)
		return x->span.end < y->span.end ? -1 : 1;
	return strcmp(x->message, y->message);
}

/* Sorts l and keeps its first NL_MAX_DIAGS_PER_FILE diagnostics. */
static void
cut_to_cap(struct diag_list *l)
{
	size_t i;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_diag);
	if (l->n <= NL_MAX_DIAGS_PER_FILE)
		return;
	for (i = NL_MAX_DIAGS_PER_FILE; i < l->n; i++)
		diag_clear(&l->v[i]);
	l->dropped += l->n - NL_MAX_DIAGS_PER_FILE;
	l->n = NL_MAX_DIAGS_PER_FILE;
	l->cut = true;
}

/* True when a diagnostic at start can no longer be kept (it lies past the last one the
 * cut kept), so it need not even be formatted. */
static bool
past_cut(const struct diag_list *l, size_t start)
{
	return l->cut && start > l->v[NL_MAX_DIAGS_PER_FILE - 1].span.start;
}

/* Checks run in rule order, not in position order: the list holds up to twice the cap,
 * is cut back to the first NL_MAX_DIAGS_PER_FILE by position when full, and from then on
 * takes only what sorts before the last one kept. Memory stays bounded and the kept set is
 * the same as if every diagnostic had been collected and sorted. */
static struct diag *
append(struct diag_list *l, const char *id, enum level level, size_t start, size_t end,
    char *message)
{
	struct diag key;
	struct diag *d;

	if (l->n >= 2 * NL_MAX_DIAGS_PER_FILE)
		cut_to_cap(l);
	if (l->cut) {
		memset(&key, 0, sizeof(key));
		key.rule = id;
		key.message = message;
		key.span.start = start;
		key.span.end = end < start ? start : end;
		if (cmp_diag(&key, &l->v[NL_MAX_DIAGS_PER_FILE - 1]) > 0) {
			l->dropped++;
			free(message);
			return NULL;
		}
	}
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	d = &l->v[l->n++];
	memset(d, 0, sizeof(*d));
	d->rule = id;
	d->level = level;
	d->message = message;
	d->span.start = start;
	d->span.end = end < start ? start : end;
	return d;
}

struct diag *
diag_add(struct diag_list *l, const struct rule *rule, size_t start, size_t end, ...)
{
	const char *kv[MAX_ARGS];
	const char *tmpl;
	size_t n;
	va_list ap;

	if (past_cut(l, start)) {
		l->dropped++;
		return NULL;
	}
	tmpl = l->lang == LANG_EN ? rule->message_en : rule->message_zh;
	va_start(ap, end);
	n = collect_args(ap, kv);
	va_end(ap);
	return append(l, rule->id, rule->level, start, end, i18n_fill(tmpl ? tmpl : "", kv, n));
}

struct diag *
diag_add_text(struct diag_list *l, const char *id, enum level level, size_t start,
    size_t end, const char *message)
{
	if (past_cut(l, start)) {
		l->dropped++;
		return NULL;
	}
	return append(l, id, level, start, end, xstrdup(message));
}

/* Appends a related entry to d with the note zh or en filled from the name/value pairs of ap. */
static struct related *
add_related(struct diag_list *l, struct diag *d, const char *zh, const char *en, va_list ap)
{
	const char *kv[MAX_ARGS];
	struct related *r;
	size_t n = collect_args(ap, kv);

	d->related = xrealloc(d->related, (d->nrelated + 1) * sizeof(*d->related));
	r = &d->related[d->nrelated++];
	memset(r, 0, sizeof(*r));
	r->message = i18n_fill(l->lang == LANG_EN ? en : zh, kv, n);
	return r;
}

void
diag_note(struct diag_list *l, struct diag *d, size_t start, size_t end, const char *zh,
    const char *en, ...)
{
	struct related *r;
	va_list ap;

	if (d == NULL)
		return;
	va_start(ap, en);
	r = add_related(l, d, zh, en, ap);
	va_end(ap);
	r->span.start = start;
	r->span.end = end < start ? start : end;
}

void
diag_note_file(struct diag_list *l, struct diag *d, const char *path, unsigned line,
    unsigned col, const char *zh, const char *en, ...)
{
	struct related *r;
	va_list ap;

	if (d == NULL)
		return;
	va_start(ap, en);
	r = add_related(l, d, zh, en, ap);
	va_end(ap);
	r->path = xstrdup(path);
	r->line = line;
	r->col = col;
}

void
diag_sort(struct diag_list *l)
{
	cut_to_cap(l);
	/* Later additions (the truncation note, settings) no longer keep v[cap - 1] last. */
	l->cut = false;
}

enum level
diag_max_level(const struct diag_list *l)
{
	enum level m = LEVEL_NONE;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].level > m)
			m = l->v[i].level;
	return m;
}
