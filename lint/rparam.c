/* Reading YAML mappings for the rule loader and the check types' parse functions: typed
 * readers that report wrong types, missing and unknown keys at the node's file:line:col. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "msg.h"
#include "regex.h"
#include "regex_pack.h"
#include "rparam.h"
#include "xalloc.h"

#define MAX_REPORT_PAIRS 8

void
load_errors_add(struct load_errors *errs, const char *file, unsigned line, unsigned col,
		const char *id, char *message)
{
	struct load_error *e;

	errs->v = xgrow(errs->v, &errs->cap, errs->n + 1, sizeof(*errs->v));
	e = &errs->v[errs->n++];
	e->file = xstrdup(file != NULL ? file : "");
	e->line = line;
	e->col = col;
	e->id = id;
	e->message = message;
}

void
load_errors_free(struct load_errors *errs)
{
	size_t i;

	for (i = 0; i < errs->n; i++) {
		free(errs->v[i].file);
		free(errs->v[i].message);
	}
	free(errs->v);
	errs->v = NULL;
	errs->n = errs->cap = 0;
}

void
load_report(struct load_ctx *ctx, const yaml_mark_t *mark, const char *id, ...)
{
	const char *kv[2 * MAX_REPORT_PAIRS];
	const char *tmpl, *name;
	size_t n = 0;
	va_list ap;
	char *message;

	va_start(ap, id);
	while (n < 2 * MAX_REPORT_PAIRS && (name = va_arg(ap, const char *)) != NULL) {
		kv[n++] = name;
		kv[n++] = va_arg(ap, const char *);
	}
	va_end(ap);
	tmpl = msg_template(id, ctx->errs->lang);
	message = tmpl != NULL ? i18n_fill(tmpl, kv, n) : xstrdup(id);
	load_errors_add(ctx->errs, ctx->file, mark != NULL ? (unsigned)mark->line + 1 : 0,
	    mark != NULL ? (unsigned)mark->column + 1 : 0, id, message);
	ctx->nerrors++;
}

static const char *
kind_name(enum rp_kind k, enum lang lang)
{
	static const char *const names[][2] = {
		[RP_STRING] = {"字符串", "a string"},
		[RP_INT] = {"整数", "an integer"},
		[RP_NUMBER] = {"数值", "a number"},
		[RP_BOOL] = {"true 或 false", "true or false"},
		[RP_LIST] = {"列表", "a list"},
		[RP_MAP] = {"映射（键: 值）", "a mapping (key: value)"},
		[RP_STRINGS] = {"字符串或字符串列表", "a string or a list of strings"},
		[RP_TEXT] = {"字符串或 {zh, en} 映射", "a string or a {zh, en} mapping"},
	};

	return names[k][lang == LANG_EN ? 1 : 0];
}

/* yaml_document_get_node without the call: parameters are read a node at a time, and
 * the lookup of every key of every mapping goes through here. */
yaml_node_t *
rp_node(struct load_ctx *ctx, int i)
{
	yaml_document_t *doc = ctx->doc;

	if (i <= 0 || doc->nodes.start + i > doc->nodes.top)
		return NULL;
	return doc->nodes.start + i - 1;
}

static size_t
map_pairs(const yaml_node_t *map)
{
	return (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
}

struct key_ref {
	const char *name;
	size_t len;
	size_t index;
	const yaml_node_t *node;
};

static int
key_ref_cmp(const void *a, const void *b)
{
	const struct key_ref *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->name, y->name, n);

	if (c != 0)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Reports non-string keys and, after sorting the keys, every repeat of an earlier key. */
static void
check_mapping_keys(struct load_ctx *ctx, const yaml_node_t *map)
{
	struct key_ref *refs;
	const yaml_node_t *k;
	size_t n = map_pairs(map), nref = 0, i, first = 0;
	char line[32];

	refs = xmalloc((n > 0 ? n : 1) * sizeof(*refs));
	for (i = 0; i < n; i++) {
		k = rp_node(ctx, map->data.mapping.pairs.start[i].key);
		if (rp_node_string(k) == NULL) {
			load_report(ctx, &k->start_mark, "rule-bad-key", NULL);
			continue;
		}
		refs[nref].name = (const char *)k->data.scalar.value;
		refs[nref].len = k->data.scalar.length;
		refs[nref].index = i;
		refs[nref++].node = k;
	}
	qsort(refs, nref, sizeof(*refs), key_ref_cmp);
	for (i = 1; i < nref; i++) {
		if (refs[i].len != refs[first].len ||
		    memcmp(refs[i].name, refs[first].name, refs[i].len) != 0) {
			first = i;
			continue;
		}
		snprintf(line, sizeof(line), "%lu",
		    (unsigned long)refs[first].node->start_mark.line + 1);
		load_report(ctx, &refs[i].node->start_mark, "rule-duplicate-key", "key",
		    refs[i].name, "first", line, NULL);
	}
	free(refs);
}

void
rp_open(struct rparam *p, struct load_ctx *ctx, yaml_node_t *map, struct rule *r)
{
	p->ctx = ctx;
	p->map = map;
	p->rule = r;
	p->npairs = map_pairs(map);
	p->read = xcalloc(p->npairs > 0 ? p->npairs : 1, sizeof(*p->read));
	/* A compiled pack's mappings passed this check when it was compiled. */
	if (!ctx->trusted)
		check_mapping_keys(ctx, map);
}

void
rp_mark_all_read(struct rparam *p)
{
	size_t i;

	for (i = 0; i < p->npairs; i++)
		p->read[i] = true;
}

void
rp_close(struct rparam *p)
{
	yaml_node_pair_t *pair;
	yaml_node_t *key;
	const char *name;
	size_t i;

	for (i = 0; i < p->npairs; i++) {
		if (p->read[i])
			continue;
		pair = &p->map->data.mapping.pairs.start[i];
		key = rp_node(p->ctx, pair->key);
		name = rp_node_string(key);
		/* Keys that are not strings were already reported by rp_check_keys. */
		if (name != NULL)
			load_report(p->ctx, &key->start_mark, "rule-unknown-key", "key", name, NULL);
	}
	free(p->read);
	p->read = NULL;
}

const char *
rp_node_string(const yaml_node_t *node)
{
	const char *s;
	size_t len;

	if (node == NULL || node->type != YAML_SCALAR_NODE)
		return NULL;
	s = (const char *)node->data.scalar.value;
	len = node->data.scalar.length;
	if (strlen(s) != len)
		return NULL;
	if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0))
		return NULL;
	return s;
}

yaml_node_t *
rp_get(struct rparam *p, const char *key, yaml_node_t **keynode)
{
	yaml_node_pair_t *pair;
	yaml_node_t *k, *value = NULL;
	size_t i, len = strlen(key);

	/* Every repeat of the key counts as read: it is reported as a duplicate instead. */
	for (i = 0; i < p->npairs; i++) {
		pair = &p->map->data.mapping.pairs.start[i];
		k = rp_node(p->ctx, pair->key);
		/* Length and bytes decide: key holds no NUL, so a scalar with the same bytes is
		 * the string key (and never one of YAML's null words, which no key is). */
		if (k == NULL || k->type != YAML_SCALAR_NODE || k->data.scalar.length != len ||
		    memcmp(k->data.scalar.value, key, len) != 0)
			continue;
		p->read[i] = true;
		if (value != NULL)
			continue;
		if (keynode != NULL)
			*keynode = k;
		value = rp_node(p->ctx, pair->value);
	}
	return value;
}

void
rp_missing(struct rparam *p, const char *key)
{
	load_report(p->ctx, &p->map->start_mark, "rule-missing-key", "key", key, NULL);
}

void
rp_wrong_type(struct rparam *p, const char *key, const yaml_node_t *node, enum rp_kind k)
{
	load_report(p->ctx, &node->start_mark, "rule-wrong-type", "key", key, "expected",
	    kind_name(k, p->ctx->errs->lang), NULL);
}

/* Reports a bad value of key at node with a reason in the pack's message language. */
static void
bad_value(struct rparam *p, const char *key, const yaml_node_t *node, const char *zh,
		const char *en)
{
	load_report(p->ctx, &node->start_mark, "rule-bad-value", "key", key, "reason",
	    p->ctx->errs->lang == LANG_EN ? en : zh, NULL);
}

bool
rp_has(struct rparam *p, const char *key)
{
	const yaml_node_pair_t *pair;
	const char *name;
	size_t i;

	for (i = 0; i < p->npairs; i++) {
		pair = &p->map->data.mapping.pairs.start[i];
		name = rp_node_string(rp_node(p->ctx, pair->key));
		if (name != NULL && strcmp(name, key) == 0)
			return true;
	}
	return false;
}

void
rp_ignore(struct rparam *p, const char *key)
{
	(void)rp_get(p, key, NULL);
}

/* Looks key up: 1 with *node set when present, 0 when absent and optional, -1 after
 * reporting a missing required key. */
static int
lookup(struct rparam *p, const char *key, bool required, yaml_node_t **node)
{
	*node = rp_get(p, key, NULL);
	if (*node != NULL)
		return 1;
	if (!required)
		return 0;
	rp_missing(p, key);
	return -1;
}

int
rp_string(struct rparam *p, const char *key, bool required, char **out)
{
	yaml_node_t *n;
	const char *s;
	int rc;

	if ((rc = lookup(p, key, required, &n)) <= 0)
		return rc;
	if ((s = rp_node_string(n)) == NULL) {
		rp_wrong_type(p, key, n, RP_STRING);
		return -1;
	}
	*out = xstrdup(s);
	return 0;
}

struct text_pair {
	char **zh, **en;
};

static int
read_text_map(struct rparam *p, void *ctx)
{
	struct text_pair *t = ctx;

	(void)rp_string(p, "zh", true, t->zh);
	(void)rp_string(p, "en", true, t->en);
	return 0;
}

int
rp_text(struct rparam *p, const char *key, bool required, char **zh, char **en)
{
	struct text_pair t = {zh, en};
	yaml_node_t *n;
	const char *s;
	int rc;

	if ((rc = lookup(p, key, required, &n)) <= 0)
		return rc;
	if (n->type == YAML_MAPPING_NODE)
		return rp_map(p, key, required, read_text_map, &t);
	if ((s = rp_node_string(n)) == NULL) {
		rp_wrong_type(p, key, n, RP_TEXT);
		return -1;
	}
	*zh = xstrdup(s);
	*en = xstrdup(s);
	return 0;
}

/* Compiles the string scalar n as a pattern; reports rule-bad-regex at n on failure. */
static struct regex *
compile_node(struct rparam *p, const char *key, yaml_node_t *n, enum rp_kind kind)
{
	struct regex *re;
	const char *s;
	char offbuf[32], *err;
	size_t off;

	if ((s = rp_node_string(n)) == NULL) {
		rp_wrong_type(p, key, n, kind);
		return NULL;
	}
	if (p->ctx->replay != NULL && (re = regex_codes_take(p->ctx->replay, s)) != NULL) {
		if (p->rule != NULL)
			rule_add_regex(p->rule, re);
		return re;
	}
	re = regex_compile(s, &err, &off);
	if (re != NULL && p->ctx->record != NULL)
		regex_codes_add(p->ctx->record, re);
	if (re != NULL && p->rule != NULL)
		rule_add_regex(p->rule, re);
	if (re == NULL) {
		snprintf(offbuf, sizeof(offbuf), "%zu", off);
		load_report(p->ctx, &n->start_mark, "rule-bad-regex", "offset", offbuf, "reason",
		    err, NULL);
		free(err);
	}
	return re;
}

int
rp_regex(struct rparam *p, const char *key, bool required, struct regex **out)
{
	yaml_node_t *n;
	int rc;

	if ((rc = lookup(p, key, required, &n)) <= 0)
		return rc;
	*out = compile_node(p, key, n, RP_STRING);
	return *out != NULL ? 0 : -1;
}

/* True if s is a plain scalar integer: an optional '-' and decimal digits. */
static bool
plain_integer(const yaml_node_t *n, const char *s)
{
	size_t i = 0;

	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	if (s[0] == '-')
		i++;
	if (s[i] == '\0')
		return false;
	for (; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void
range_error(struct rparam *p, const char *key, const yaml_node_t *n, const char *lo,
		const char *hi)
{
	char zh[128], en[128];

	snprintf(zh, sizeof(zh), "应在 %s 到 %s 之间", lo, hi);
	snprintf(en, sizeof(en), "must be between %s and %s", lo, hi);
	bad_value(p, key, n, zh, en);
}

int
rp_int(struct rparam *p, const char *key, bool required, long min, long max, long *out)
{
	char lo[32], hi[32];
	yaml_node_t *n;
	const char *s;
	long v;
	int rc;

	if ((rc = lookup(p, key, required, &n)) <= 0)
		return rc;
	s = rp_node_string(n);
	if (s == NULL || !plain_integer(n, s)) {
		rp_wrong_type(p, key, n, RP_INT);
		return -1;
	}
	errno = 0;
	v = strtol(s, NULL, 10);
	if (errno != 0 || v < min || v > max) {
		snprintf(lo, sizeof(lo), "%ld", min);
		snprintf(hi, sizeof(hi), "%ld", max);
		range_error(p, key, n, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

/* True if s is a plain decimal number (no hex, inf or nan). */
static bool
plain_number(const yaml_node_t *n, const char *s)
{
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return strspn(s, "0123456789.eE+-") == strlen(s) && strpbrk(s, "0123456789") != NULL;
}

int
rp_double(struct rparam *p, const char *key, bool required, double min, double max,
		double *out)
{
	char lo[32], hi[32];
	yaml_node_t *n;
	const char *s;
	char *end;
	double v;
	int rc;

	if ((rc = lookup(p, key, required, &n)) <= 0)
		return rc;
	s = rp_node_string(n);
	if (s == NULL || !plain_number(n, s)) {
		rp_wrong_type(p, key, n, RP_NUMBER);
		return -1;
	}
	v = strtod(s, &end);
	if (*end != '\0') {
		rp_wrong_type(p, key, n, RP_NUMBER);
		return -1;
	}
	if (!isfinite(v) || v < min || v > max) {
		snprintf(lo, sizeof(lo), "%g", min);
		snprintf(hi, sizeof(hi), "%g", max);
		range_error(p, key, n, lo, hi);
		return -1;
	}
	*out = v;
	return 0;
}

int
rp_bool(struct rparam *p, const char *key, bool required, bool *out)
{
	static const char *const yes[] = {"true", "True", "TRUE"};
	static const char *const no[] = {"false", "False", "FALSE"};
	yaml_node_t *n;
	const char *s;
	size_t i;
	int rc;

	if ((rc = lookup(p, key, required, &n)) <= 0)
		return rc;
	s = rp_node_string(n);
	if (s != NULL && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		for (i = 0; i < 3; i++) {
			if (strcmp(s, yes[i]) == 0 || strcmp(s, no[i]) == 0) {
				*out = strcmp(s, yes[i]) == 0;
				return 0;
			}
		}
	}
	rp_wrong_type(p, key, n, RP_BOOL);
	return -1;
}

/* Looks key up as a list value (a sequence, or one scalar standing for itself): 1 with its
 * elements in *items (the caller frees the array) and their number in *count, 0 when it is
 * absent and optional, -1 after reporting an error. */
static int
list_lookup(struct rparam *p, const char *key, bool required, yaml_node_t ***items,
		size_t *count)
{
	yaml_node_item_t *it;
	yaml_node_t *v;
	size_t i;
	int rc;

	if ((rc = lookup(p, key, required, &v)) <= 0)
		return rc;
	if (v->type == YAML_MAPPING_NODE) {
		rp_wrong_type(p, key, v, RP_STRINGS);
		return -1;
	}
	if (v->type == YAML_SCALAR_NODE) {
		*items = xmalloc(sizeof(**items));
		(*items)[0] = v;
		*count = 1;
		return 1;
	}
	*count = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	*items = xmalloc((*count > 0 ? *count : 1) * sizeof(**items));
	for (i = 0, it = v->data.sequence.items.start; i < *count; i++, it++)
		(*items)[i] = rp_node(p->ctx, *it);
	return 1;
}

int
rp_strings(struct rparam *p, const char *key, bool required, char ***out, size_t *n)
{
	yaml_node_t **items;
	size_t count, i;
	char **list;
	int rc;

	if ((rc = list_lookup(p, key, required, &items, &count)) <= 0)
		return rc;
	rc = 0;
	list = xcalloc(count > 0 ? count : 1, sizeof(*list));
	for (i = 0; i < count && rc == 0; i++) {
		const char *s = rp_node_string(items[i]);

		if (s == NULL) {
			rp_wrong_type(p, key, items[i], RP_STRINGS);
			rc = -1;
		} else {
			list[i] = xstrdup(s);
		}
	}
	free(items);
	if (rc != 0) {
		while (i > 0)
			free(list[--i]);
		free(list);
		return -1;
	}
	*out = list;
	*n = count;
	return 0;
}

int
rp_regexes(struct rparam *p, const char *key, bool required, struct regex ***out,
		size_t *n)
{
	yaml_node_t **items;
	struct regex **list;
	size_t count, i;
	int rc;

	if ((rc = list_lookup(p, key, required, &items, &count)) <= 0)
		return rc;
	rc = 0;
	list = xcalloc(count > 0 ? count : 1, sizeof(*list));
	for (i = 0; i < count; i++)
		if ((list[i] = compile_node(p, key, items[i], RP_STRINGS)) == NULL)
			rc = -1;
	free(items);
	if (rc != 0) {
		for (i = 0; i < count; i++)
			regex_free(list[i]);
		free(list);
		return -1;
	}
	*out = list;
	*n = count;
	return 0;
}

int
rp_maps(struct rparam *p, const char *key, bool required,
		int (*each)(struct rparam *child, size_t index, void *ctx), void *ctx)
{
	struct rparam child;
	yaml_node_t *v, *item;
	yaml_node_item_t *it;
	size_t i = 0, before = p->ctx->nerrors;
	int rc;

	if ((rc = lookup(p, key, required, &v)) <= 0)
		return rc;
	if (v->type != YAML_SEQUENCE_NODE) {
		rp_wrong_type(p, key, v, RP_LIST);
		return -1;
	}
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++, i++) {
		item = rp_node(p->ctx, *it);
		if (item->type != YAML_MAPPING_NODE) {
			rp_wrong_type(p, key, item, RP_MAP);
			continue;
		}
		rp_open(&child, p->ctx, item, p->rule);
		(void)each(&child, i, ctx);
		rp_close(&child);
	}
	return p->ctx->nerrors == before ? 0 : -1;
}

int
rp_map(struct rparam *p, const char *key, bool required,
		int (*fn)(struct rparam *child, void *ctx), void *ctx)
{
	struct rparam child;
	yaml_node_t *v;
	size_t before = p->ctx->nerrors;
	int rc;

	if ((rc = lookup(p, key, required, &v)) <= 0)
		return rc;
	if (v->type != YAML_MAPPING_NODE) {
		rp_wrong_type(p, key, v, RP_MAP);
		return -1;
	}
	rp_open(&child, p->ctx, v, p->rule);
	(void)fn(&child, ctx);
	rp_close(&child);
	return p->ctx->nerrors == before ? 0 : -1;
}

void
rp_error(struct rparam *p, const char *key, const char *message)
{
	const yaml_node_t *n = NULL;
	const char *name = key;

	if (key != NULL)
		n = rp_get(p, key, NULL);
	if (name == NULL)
		name = p->rule != NULL && p->rule->id != NULL ? p->rule->id : "";
	load_report(p->ctx, n != NULL ? &n->start_mark : &p->map->start_mark, "rule-bad-value",
	    "key", name, "reason", message, NULL);
}

struct rule *
rp_rule(struct rparam *p)
{
	return p->rule;
}

bool
rp_trusted(const struct rparam *p)
{
	return p->ctx->trusted;
}

int
rp_examples(struct rparam *p, const char *key, struct rule_example **out, size_t *n)
{
	yaml_node_t *v, *item;
	yaml_node_item_t *it;
	const char *s;
	size_t count;

	if ((v = rp_get(p, key, NULL)) == NULL)
		return 0;
	if (v->type == YAML_MAPPING_NODE) {
		rp_wrong_type(p, key, v, RP_STRINGS);
		return -1;
	}
	count = v->type == YAML_SCALAR_NODE ? 1 :
	    (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	*out = xcalloc(count > 0 ? count : 1, sizeof(**out));
	for (*n = 0; *n < count; ++*n) {
		it = v->type == YAML_SCALAR_NODE ? NULL : v->data.sequence.items.start + *n;
		item = it == NULL ? v : rp_node(p->ctx, *it);
		if ((s = rp_node_string(item)) == NULL) {
			rp_wrong_type(p, key, item, RP_STRINGS);
			return -1;
		}
		(*out)[*n].text = xstrdup(s);
		(*out)[*n].line = (unsigned)item->start_mark.line + 1;
		(*out)[*n].col = (unsigned)item->start_mark.column + 1;
	}
	return 0;
}
