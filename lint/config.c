/* Strict loader of .noticelint.yml (libyaml document API): every key is known, every value
 * has its type, duplicates are refused, and each problem is reported at file:line:col. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>
#include "config.h"
#include "limits.h"
#include "msg.h"
#include "xalloc.h"
#include "yamldoc.h"

/* A config being loaded: its file, document and error list. */
struct cload {
	const char *file;
	yaml_document_t *doc;
	struct load_errors *errs;
	size_t nerrors;
};

static const char *const top_keys[] = {
	"root", "rules", "disable", "levels", "include", "exclude", "overrides", "suppress",
	"cache", "corpus", NULL
};
static const char *const override_keys[] = {"paths", "disable", "levels", NULL};
static const char *const suppress_keys[] = {"rule", "paths", "match", "reason", NULL};

/* Adds error id at mark with up to two name/value pairs (NULL when unused). */
static void
report(struct cload *cl, const yaml_mark_t *mark, const char *id, const char *k1,
    const char *v1, const char *k2, const char *v2)
{
	char *m = msg_format(id, cl->errs->lang, k1, v1, k2, v2, NULL);

	load_errors_add(cl->errs, cl->file, mark ? (unsigned)mark->line + 1 : 0,
	    mark ? (unsigned)mark->column + 1 : 0, id, m);
	cl->nerrors++;
}

static void
wrong_type(struct cload *cl, const yaml_node_t *n, const char *key, const char *expected)
{
	const char *what = expected;

	if (cl->errs->lang == LANG_ZH)
		what = strcmp(expected, "a list of strings") == 0 ? "字符串列表" :
		    strcmp(expected, "a string") == 0 ? "字符串" :
		    strcmp(expected, "a list of mappings") == 0 ? "映射列表" :
		    strcmp(expected, "true or false") == 0 ? "true 或 false" : "映射（键: 值）";
	report(cl, &n->start_mark, "config-wrong-type", "key", key, "expected", what);
}

static yaml_node_t *
node_at(struct cload *cl, int i)
{
	return yaml_document_get_node(cl->doc, i);
}

static const char *
scalar(const yaml_node_t *n)
{
	return n != NULL && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value :
	    NULL;
}

/* Checks a mapping's keys: strings, known (any when known is NULL), each once. Returns -1 after any report. */
static int
check_keys(struct cload *cl, yaml_node_t *map, const char *const *known)
{
	yaml_node_pair_t *p, *q;
	const char *k, *k2;
	char first[16];
	size_t before = cl->nerrors, i;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = node_at(cl, p->key);

		if ((k = scalar(kn)) == NULL || k[0] == '\0') {
			report(cl, &kn->start_mark, "rule-bad-key", NULL, NULL, NULL, NULL);
			continue;
		}
		for (i = 0; known != NULL && known[i] != NULL && strcmp(known[i], k) != 0; i++)
			;
		if (known != NULL && known[i] == NULL)
			report(cl, &kn->start_mark, "config-unknown-key", "key", k, NULL, NULL);
		for (q = map->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *kq = node_at(cl, q->key);

			if ((k2 = scalar(kq)) != NULL && strcmp(k, k2) == 0) {
				snprintf(first, sizeof(first), "%u", (unsigned)kq->start_mark.line + 1);
				report(cl, &kn->start_mark, "config-duplicate-key", "key", k,
				    "first", first);
				break;
			}
		}
	}
	return cl->nerrors > before ? -1 : 0;
}

/* Value node of key in map, or NULL. */
static yaml_node_t *
lookup(struct cload *cl, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++)
		if (scalar(node_at(cl, p->key)) != NULL &&
		    strcmp(scalar(node_at(cl, p->key)), key) == 0)
			return node_at(cl, p->value);
	return NULL;
}

static void
str_set(struct cfg_str *s, const yaml_node_t *n)
{
	s->s = xstrdup(scalar(n));
	s->line = (unsigned)n->start_mark.line + 1;
	s->col = (unsigned)n->start_mark.column + 1;
}

/* Reads key of map as a plain true or false into *out (left alone when absent). */
static void
read_bool(struct cload *cl, yaml_node_t *map, const char *key, bool *out)
{
	yaml_node_t *v = lookup(cl, map, key);
	const char *s = scalar(v);

	if (v == NULL)
		return;
	if (s != NULL && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    (strcmp(s, "true") == 0 || strcmp(s, "false") == 0))
		*out = strcmp(s, "true") == 0;
	else
		wrong_type(cl, v, key, "true or false");
}

/* Reads key of map as a list of non-empty strings into out. */
static void
read_strs(struct cload *cl, yaml_node_t *map, const char *key, struct cfg_strs *out)
{
	yaml_node_t *v = lookup(cl, map, key), *item;
	yaml_node_item_t *it;

	if (v == NULL)
		return;
	if (v->type != YAML_SEQUENCE_NODE) {
		wrong_type(cl, v, key, "a list of strings");
		return;
	}
	out->v = xcalloc((size_t)(v->data.sequence.items.top - v->data.sequence.items.start) + 1,
	    sizeof(*out->v));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		item = node_at(cl, *it);
		if (scalar(item) == NULL)
			wrong_type(cl, item, key, "a list of strings");
		else if (scalar(item)[0] == '\0')
			report(cl, &item->start_mark, "config-empty-value", "key", key, NULL, NULL);
		else
			str_set(&out->v[out->n++], item);
	}
}

/* Reads key of map as a mapping rule id → level into out. */
static void
read_levels(struct cload *cl, yaml_node_t *map, const char *key, struct cfg_levels *out)
{
	yaml_node_t *v = lookup(cl, map, key), *kn, *vn;
	yaml_node_pair_t *p;
	struct cfg_level *l;

	if (v == NULL)
		return;
	if (v->type != YAML_MAPPING_NODE) {
		wrong_type(cl, v, key, "a mapping");
		return;
	}
	check_keys(cl, v, NULL);
	out->v = xcalloc((size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start) + 1,
	    sizeof(*out->v));
	for (p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		kn = node_at(cl, p->key);
		vn = node_at(cl, p->value);
		if (scalar(kn) == NULL || scalar(kn)[0] == '\0')
			continue;
		l = &out->v[out->n];
		if (scalar(vn) == NULL || level_parse(scalar(vn), &l->level) != 0) {
			report(cl, &vn->start_mark, "config-bad-level", "value",
			    scalar(vn) ? scalar(vn) : "", NULL, NULL);
			continue;
		}
		str_set(&l->rule, kn);
		out->n++;
	}
}

/* Reads key of map as a non-empty string into *out (owned); reports when required. */
static void
read_str(struct cload *cl, yaml_node_t *map, const char *key, bool required, char **out,
    struct cfg_str *pos)
{
	yaml_node_t *v = lookup(cl, map, key);

	if (v == NULL) {
		if (required)
			report(cl, &map->start_mark, "config-missing-key", "key", key, NULL, NULL);
		return;
	}
	if (scalar(v) == NULL) {
		wrong_type(cl, v, key, "a string");
		return;
	}
	if (scalar(v)[0] == '\0') {
		report(cl, &v->start_mark, "config-empty-value", "key", key, NULL, NULL);
		return;
	}
	if (pos != NULL)
		str_set(pos, v);
	else
		*out = xstrdup(scalar(v));
}

/* Reads a required list of globs. */
static void
read_paths(struct cload *cl, yaml_node_t *map, struct cfg_strs *out)
{
	yaml_node_t *v = lookup(cl, map, "paths");

	if (v == NULL)
		report(cl, &map->start_mark, "config-missing-key", "key", "paths", NULL, NULL);
	else
		read_strs(cl, map, "paths", out);
	if (v != NULL && v->type == YAML_SEQUENCE_NODE && out->n == 0 &&
	    v->data.sequence.items.top == v->data.sequence.items.start)
		report(cl, &v->start_mark, "config-empty-value", "key", "paths", NULL, NULL);
}

static void
read_override(struct cload *cl, yaml_node_t *m, struct cfg_override *o)
{
	check_keys(cl, m, override_keys);
	read_paths(cl, m, &o->paths);
	read_strs(cl, m, "disable", &o->disable);
	read_levels(cl, m, "levels", &o->levels);
}

static void
read_suppress(struct cload *cl, yaml_node_t *m, struct cfg_suppress *s)
{
	check_keys(cl, m, suppress_keys);
	read_str(cl, m, "rule", true, NULL, &s->rule);
	read_paths(cl, m, &s->paths);
	read_str(cl, m, "match", false, &s->match, NULL);
	read_str(cl, m, "reason", true, &s->reason, NULL);
}

/* Reads key of root as a list of mappings, handing each to one of the readers. */
static void
read_list(struct cload *cl, yaml_node_t *root, const char *key, struct config *c)
{
	yaml_node_t *v = lookup(cl, root, key), *m;
	yaml_node_item_t *it;
	size_t n;

	if (v == NULL)
		return;
	if (v->type != YAML_SEQUENCE_NODE) {
		wrong_type(cl, v, key, "a list of mappings");
		return;
	}
	n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start) + 1;
	if (strcmp(key, "overrides") == 0)
		c->overrides = xcalloc(n, sizeof(*c->overrides));
	else
		c->suppress = xcalloc(n, sizeof(*c->suppress));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		m = node_at(cl, *it);
		if (m->type != YAML_MAPPING_NODE)
			wrong_type(cl, m, key, "a list of mappings");
		else if (c->overrides != NULL && strcmp(key, "overrides") == 0)
			read_override(cl, m, &c->overrides[c->noverrides++]);
		else
			read_suppress(cl, m, &c->suppress[c->nsuppress++]);
	}
}

/* Makes each `rules:` path usable from the current directory (relative to c->dir). */
static void
resolve_packs(struct config *c)
{
	size_t i, len;
	char *p;

	for (i = 0; i < c->rules.n; i++) {
		if (c->rules.v[i].s[0] == '/')
			continue;
		len = strlen(c->dir) + strlen(c->rules.v[i].s) + 2;
		p = xmalloc(len);
		snprintf(p, len, "%s/%s", c->dir, c->rules.v[i].s);
		free(c->rules.v[i].s);
		c->rules.v[i].s = p;
	}
}

static void
read_root(struct cload *cl, struct config *c)
{
	yaml_node_t *root = yaml_document_get_root_node(cl->doc);

	if (root == NULL || (root->type == YAML_SCALAR_NODE && scalar(root)[0] == '\0'))
		return;
	if (root->type != YAML_MAPPING_NODE) {
		report(cl, &root->start_mark, "config-not-a-map", NULL, NULL, NULL, NULL);
		return;
	}
	check_keys(cl, root, top_keys);
	read_bool(cl, root, "root", &c->root);
	read_strs(cl, root, "rules", &c->rules);
	read_strs(cl, root, "disable", &c->disable);
	read_levels(cl, root, "levels", &c->levels);
	read_strs(cl, root, "include", &c->include);
	read_strs(cl, root, "exclude", &c->exclude);
	read_list(cl, root, "overrides", c);
	read_list(cl, root, "suppress", c);
	read_bool(cl, root, "cache", &c->cache);
	read_str(cl, root, "corpus", false, &c->corpus, NULL);
	resolve_packs(c);
}

/* Reads path whole (capped like a rule pack) into *buf; -1 after reporting. */
static int
read_file(struct cload *cl, char **buf, size_t *len)
{
	struct stat st;
	FILE *f;
	const char *reason = NULL;

	if (stat(cl->file, &st) != 0)
		reason = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		reason = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
	else if ((unsigned long long)st.st_size > NL_MAX_RULE_FILE_BYTES)
		reason = "file too large";
	if (reason == NULL && (f = fopen(cl->file, "rb")) != NULL) {
		*buf = xmalloc((size_t)st.st_size + 1);
		*len = fread(*buf, 1, (size_t)st.st_size, f);
		(*buf)[*len] = '\0';
		fclose(f);
		return 0;
	}
	report(cl, NULL, "config-unreadable", "reason", reason ? reason : strerror(errno),
	    NULL, NULL);
	return -1;
}

/* Absolute directory of path (owned). */
static char *
abs_dir(const char *path)
{
	char *copy = xstrdup(path), *slash = strrchr(copy, '/'), *r;

	if (slash == copy)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	r = realpath(slash != NULL ? copy : ".", NULL);
	free(copy);
	return r != NULL ? r : xstrdup(".");
}

/* Says in words why yamldoc_load refused the configuration. */
static const char *
load_problem(const struct yamldoc_error *e, char *buf, size_t size)
{
	switch (e->kind) {
	case YAMLDOC_ALIAS:
		return "anchors and aliases are not allowed";
	case YAMLDOC_TOO_DEEP:
		snprintf(buf, size, "nested deeper than %d levels", NL_MAX_YAML_DEPTH);
		return buf;
	case YAMLDOC_MULTI:
		return "a configuration holds a single YAML document";
	case YAMLDOC_SYNTAX:
		break;
	}
	snprintf(buf, size, "%s", e->problem != NULL ? e->problem : "error");
	return buf;
}

int
config_load(struct config *c, const char *path, struct load_errors *errs)
{
	struct cload cl = {path, NULL, errs, 0};
	struct yamldoc_error err;
	yaml_document_t doc;
	char *buf = NULL, reason[512];
	size_t len = 0;

	memset(c, 0, sizeof(*c));
	c->path = xstrdup(path);
	c->dir = abs_dir(path);
	if (read_file(&cl, &buf, &len) != 0)
		return -1;
	if (yamldoc_load(&doc, buf, len, NL_MAX_YAML_DEPTH, &err) != 0) {
		report(&cl, &err.mark, "config-yaml-syntax", "reason", load_problem(&err, reason,
		    sizeof(reason)), NULL, NULL);
	} else {
		cl.doc = &doc;
		read_root(&cl, c);
		yaml_document_delete(&doc);
	}
	free(buf);
	return cl.nerrors > 0 ? -1 : 0;
}

/* Reports id s unless rs defines it; an id rs defines in another case is rewritten as the
 * rule writes it, so later comparisons match exactly. */
static size_t
check_id(const struct config *c, struct cfg_str *s, const struct ruleset *rs,
    struct load_errors *errs)
{
	const struct rule *r;

	if (s->s == NULL)
		return 0;
	if ((r = ruleset_find(rs, s->s)) != NULL) {
		if (strcmp(r->id, s->s) != 0) {
			free(s->s);
			s->s = xstrdup(r->id);
		}
		return 0;
	}
	load_errors_add(errs, c->path, s->line, s->col, "config-unknown-rule",
	    msg_format("config-unknown-rule", errs->lang, "id", s->s, NULL));
	return 1;
}

static size_t
check_list(const struct config *c, const struct cfg_strs *l, const struct cfg_levels *lv,
    const struct ruleset *rs, struct load_errors *errs)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += check_id(c, &l->v[i], rs, errs);
	for (i = 0; i < lv->n; i++)
		n += check_id(c, &lv->v[i].rule, rs, errs);
	return n;
}

size_t
config_check_ids(const struct config *c, const struct ruleset *rs, struct load_errors *errs)
{
	size_t i, n = check_list(c, &c->disable, &c->levels, rs, errs);

	for (i = 0; i < c->noverrides; i++)
		n += check_list(c, &c->overrides[i].disable, &c->overrides[i].levels, rs, errs);
	for (i = 0; i < c->nsuppress; i++)
		n += check_id(c, &c->suppress[i].rule, rs, errs);
	return n;
}

static void
strs_free(struct cfg_strs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
}

static void
levels_free(struct cfg_levels *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].rule.s);
	free(l->v);
}

void
config_free(struct config *c)
{
	size_t i;

	for (i = 0; i < c->noverrides; i++) {
		strs_free(&c->overrides[i].paths);
		strs_free(&c->overrides[i].disable);
		levels_free(&c->overrides[i].levels);
	}
	for (i = 0; i < c->nsuppress; i++) {
		free(c->suppress[i].rule.s);
		strs_free(&c->suppress[i].paths);
		free(c->suppress[i].match);
		free(c->suppress[i].reason);
	}
	free(c->overrides);
	free(c->suppress);
	free(c->corpus);
	strs_free(&c->rules);
	strs_free(&c->disable);
	levels_free(&c->levels);
	strs_free(&c->include);
	strs_free(&c->exclude);
	free(c->path);
	free(c->dir);
	memset(c, 0, sizeof(*c));
}
