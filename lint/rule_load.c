/* Strict rule-pack loader: reads a pack file (size-capped), screens its YAML events (one
 * document, depth, no anchors or aliases), loads it with libyaml's document API and turns
 * each rule mapping into a struct rule; every problem is reported at file:line:col. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "limits.h"
#include "msg.h"
#include "packtree.h"
#include "rparam.h"
#include "xalloc.h"
#include "yamldoc.h"

static int
unreadable(const char *path, const char *reason, struct load_errors *errs)
{
	load_errors_add(errs, path, 0, 0, "rule-file-unreadable",
	    msg_format("rule-file-unreadable", errs->lang, "reason", reason, NULL));
	return -1;
}

/* Reads path whole into *buf (NUL-terminated), a buffer of *cap bytes grown as needed
 * (*cap 0: none yet); reports and returns -1 when it cannot. */
static int
read_pack(const char *path, char **buf, size_t *cap, size_t *len, struct load_errors *errs)
{
	char lim[32], size[32];
	struct stat st;
	ssize_t got = 0;
	size_t have = 0;
	int fd;

	/* O_NONBLOCK: a FIFO named as a pack must not hang the run. */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) < 0)
		return unreadable(path, strerror(errno), errs);
	if (fstat(fd, &st) != 0) {
		close(fd);
		return unreadable(path, strerror(errno), errs);
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return unreadable(path, S_ISDIR(st.st_mode) ? "is a directory" :
		    "not a regular file", errs);
	}
	if ((unsigned long long)st.st_size > NL_MAX_RULE_FILE_BYTES) {
		close(fd);
		snprintf(lim, sizeof(lim), "%u", NL_MAX_RULE_FILE_BYTES);
		snprintf(size, sizeof(size), "%lld", (long long)st.st_size);
		load_errors_add(errs, path, 0, 0, "rule-file-too-large",
		    msg_format("rule-file-too-large", errs->lang, "limit", lim, "size", size, NULL));
		return -1;
	}
	if (*cap < (size_t)st.st_size + 1) {
		free(*buf);
		*cap = (size_t)st.st_size + 1;
		*buf = xmalloc(*cap);
	}
	while (have < (size_t)st.st_size &&
	    (got = read(fd, *buf + have, (size_t)st.st_size - have)) > 0)
		have += (size_t)got;
	if (got < 0) {
		close(fd);
		return unreadable(path, strerror(errno), errs);
	}
	close(fd);
	(*buf)[have] = '\0';
	*len = have;
	return 0;
}

/* Reports why yamldoc_load refused the pack. */
static void
report_load(struct load_ctx *ctx, const struct yamldoc_error *e)
{
	char reason[512], lim[16];

	switch (e->kind) {
	case YAMLDOC_ALIAS:
		load_report(ctx, &e->mark, "rule-alias", NULL);
		return;
	case YAMLDOC_TOO_DEEP:
		snprintf(lim, sizeof(lim), "%d", NL_MAX_YAML_DEPTH);
		load_report(ctx, &e->mark, "rule-too-deep", "limit", lim, NULL);
		return;
	case YAMLDOC_MULTI:
		load_report(ctx, &e->mark, "rule-yaml-syntax", "reason",
		    "a rule pack holds a single YAML document", NULL);
		return;
	case YAMLDOC_SYNTAX:
		break;
	}
	if (e->context != NULL)
		snprintf(reason, sizeof(reason), "%s (%s)",
		    e->problem != NULL ? e->problem : "error", e->context);
	else
		snprintf(reason, sizeof(reason), "%s", e->problem != NULL ? e->problem : "error");
	load_report(ctx, &e->mark, "rule-yaml-syntax", "reason", reason, NULL);
}

/* One {before, after} example of the rule's fix. */
static int
read_fix_example(struct rparam *p, size_t index, void *ctx)
{
	struct rule *r = ctx;
	struct rule_fix_example *e;
	yaml_node_t *n;

	(void)index;
	r->fixes = xrealloc(r->fixes, (r->nfixes + 1) * sizeof(*r->fixes));
	e = &r->fixes[r->nfixes++];
	memset(e, 0, sizeof(*e));
	(void)rp_string(p, "before", true, &e->before);
	(void)rp_string(p, "after", true, &e->after);
	if ((n = rp_get(p, "before", NULL)) != NULL) {
		e->line = (unsigned)n->start_mark.line + 1;
		e->col = (unsigned)n->start_mark.column + 1;
	}
	return 0;
}

static int
read_example_map(struct rparam *p, void *ctx)
{
	struct rule *r = ctx;
	yaml_node_t *flag = rp_get(p, "flag", NULL);

	if (flag == NULL) {
		rp_missing(p, "flag");
	} else {
		(void)rp_examples(p, "flag", &r->flag, &r->nflag);
		if (r->nflag == 0 && flag->type == YAML_SEQUENCE_NODE)
			rp_error(p, "flag", p->ctx->errs->lang == LANG_EN ?
			    "at least one flag example is required" : "至少需要一个 flag 示例");
	}
	(void)rp_examples(p, "pass", &r->pass, &r->npass);
	(void)rp_maps(p, "fix", false, read_fix_example, r);
	if (r->fix_zh != NULL && r->nfixes == 0)
		rp_error(p, "fix", p->ctx->errs->lang == LANG_EN ?
		    "a rule with a fix needs at least one fix example {before, after}" :
		    "有 fix 的规则至少需要一个 fix 示例（before、after）");
	return 0;
}

static int
read_message_map(struct rparam *p, void *ctx)
{
	struct rule *r = ctx;

	(void)rp_string(p, "zh", true, &r->message_zh);
	(void)rp_string(p, "en", true, &r->message_en);
	return 0;
}

static int
read_fix_map(struct rparam *p, void *ctx)
{
	struct rule *r = ctx;

	(void)rp_string(p, "zh", true, &r->fix_zh);
	(void)rp_string(p, "en", true, &r->fix_en);
	return 0;
}

static bool
valid_id(const char *id)
{
	const char *s;

	for (s = id; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.'))
			return false;
	return s != id;
}

/* Reads id and check; reports a bad or duplicate id and an unknown check type. */
static void
read_identity(struct rparam *p, struct rule *r, const struct ruleset *rs)
{
	const struct rule *first;
	yaml_node_t *n;
	char where[600];
	char *check = NULL;

	if (rp_string(p, "id", true, &r->id) == 0 && r->id != NULL) {
		n = rp_get(p, "id", NULL);
		if (!valid_id(r->id)) {
			load_report(p->ctx, &n->start_mark, "rule-bad-id", "value", r->id, NULL);
		} else if ((first = ruleset_find(rs, r->id)) != NULL) {
			snprintf(where, sizeof(where), "%s:%u:%u", first->file, first->line,
			    first->col);
			load_report(p->ctx, &n->start_mark, "rule-duplicate-id", "id", r->id,
			    "first", where, NULL);
		}
	}
	if (rp_string(p, "check", true, &check) == 0 && check != NULL) {
		r->check = check_find(check);
		if (r->check == NULL)
			load_report(p->ctx, &rp_get(p, "check", NULL)->start_mark,
			    "rule-unknown-check", "value", check, NULL);
	}
	free(check);
}

/* Reads the keys every rule has, whatever its check type. */
static void
read_common(struct rparam *p, struct rule *r)
{
	char *level = NULL, *scope = NULL;

	if (rp_string(p, "level", true, &level) == 0 && level != NULL) {
		if (level_parse(level, &r->pack_level) != 0)
			load_report(p->ctx, &rp_get(p, "level", NULL)->start_mark,
			    "rule-bad-level", "value", level, NULL);
		r->level = r->pack_level;
	}
	if (rp_string(p, "scope", false, &scope) == 0 && scope != NULL &&
	    scope_parse(scope, &r->scope) != 0)
		load_report(p->ctx, &rp_get(p, "scope", NULL)->start_mark, "rule-bad-scope",
		    "value", scope, NULL);
	free(level);
	free(scope);
	(void)rp_map(p, "message", true, read_message_map, r);
	(void)rp_text(p, "description", true, &r->description_zh, &r->description_en);
	(void)rp_text(p, "source", true, &r->source_zh, &r->source_en);
	(void)rp_bool(p, "enabled", false, &r->enabled);
	(void)rp_map(p, "fix", false, read_fix_map, r);
	(void)rp_bool(p, "absence", false, &r->absence);
	(void)rp_map(p, "examples", true, read_example_map, r);
}

/* Loads one rule mapping; a rule with any error is dropped after its errors are reported. */
static void
load_rule(struct ruleset *rs, struct load_ctx *ctx, yaml_node_t *node)
{
	struct rparam p;
	struct rule *r;
	size_t before = ctx->nerrors;

	if (node->type != YAML_MAPPING_NODE) {
		load_report(ctx, &node->start_mark, "rule-wrong-type", "key", "rules", "expected",
		    ctx->errs->lang == LANG_EN ? "a list of rule mappings" : "规则映射的列表",
		    NULL);
		return;
	}
	r = xcalloc(1, sizeof(*r));
	r->file = xstrdup(ctx->file);
	r->line = (unsigned)node->start_mark.line + 1;
	r->col = (unsigned)node->start_mark.column + 1;
	r->enabled = true;
	r->scope = SCOPE_DOCUMENT;
	rp_open(&p, ctx, node, r);
	read_identity(&p, r, rs);
	read_common(&p, r);
	/* With an unknown check type its parameters cannot be judged: skip them. */
	if (r->check == NULL)
		rp_mark_all_read(&p);
	else if (r->check->parse != NULL)
		(void)r->check->parse(r, &p);
	rp_close(&p);
	if (ctx->nerrors != before) {
		rule_free(r);
		return;
	}
	rs->v = xgrow(rs->v, &rs->cap, rs->n + 1, sizeof(*rs->v));
	rs->v[rs->n++] = r;
}

static void
load_document(struct ruleset *rs, struct load_ctx *ctx)
{
	static const yaml_mark_t start = {0, 0, 0};
	yaml_node_t *root, *rules;
	yaml_node_item_t *it;
	struct rparam top;
	char *ignored = NULL, *ignored_en = NULL;

	root = yaml_document_get_root_node(ctx->doc);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		load_report(ctx, root != NULL ? &root->start_mark : &start, "rule-not-a-list", NULL);
		return;
	}
	rp_open(&top, ctx, root, NULL);
	(void)rp_string(&top, "pack", false, &ignored);
	free(ignored);
	ignored = NULL;
	(void)rp_text(&top, "description", false, &ignored, &ignored_en);
	free(ignored);
	free(ignored_en);
	rules = rp_get(&top, "rules", NULL);
	if (rules == NULL || rules->type != YAML_SEQUENCE_NODE)
		load_report(ctx, rules != NULL ? &rules->start_mark : &root->start_mark,
		    "rule-not-a-list", NULL);
	else
		for (it = rules->data.sequence.items.start; it < rules->data.sequence.items.top; it++)
			load_rule(rs, ctx, rp_node(ctx, *it));
	rp_close(&top);
}

struct sorted_error {
	struct load_error e;
	size_t seq;
};

static int
error_cmp(const void *a, const void *b)
{
	const struct sorted_error *x = a, *y = b;

	if (x->e.line != y->e.line)
		return x->e.line < y->e.line ? -1 : 1;
	if (x->e.col != y->e.col)
		return x->e.col < y->e.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts errs->v[from..] by position, keeping the report order among equal positions. */
static void
sort_errors(struct load_errors *errs, size_t from)
{
	struct sorted_error *tmp;
	size_t n = errs->n - from, i;

	if (n < 2)
		return;
	tmp = xmalloc(n * sizeof(*tmp));
	for (i = 0; i < n; i++) {
		tmp[i].e = errs->v[from + i];
		tmp[i].seq = i;
	}
	qsort(tmp, n, sizeof(*tmp), error_cmp);
	for (i = 0; i < n; i++)
		errs->v[from + i] = tmp[i].e;
	free(tmp);
}

/* Loads a parsed document; sorts the errors it added by position. */
static void
load_parsed(struct ruleset *rs, struct load_ctx *ctx, size_t before)
{
	load_document(rs, ctx);
	sort_errors(ctx->errs, before);
}

int
rules_load_source(struct ruleset *rs, const struct pack_source *s, struct load_errors *errs,
		struct regex_codes *record, struct strbuf *tree)
{
	struct load_ctx ctx = {NULL, s->path, errs, 0, record, NULL, false};
	struct yamldoc_error err;
	yaml_document_t doc;
	size_t before = errs->n;

	if (yamldoc_load(&doc, s->buf, s->len, NL_MAX_YAML_DEPTH, &err) != 0) {
		report_load(&ctx, &err);
		sort_errors(errs, before);
		return -1;
	}
	ctx.doc = &doc;
	load_parsed(rs, &ctx, before);
	if (tree != NULL)
		packtree_encode(&doc, tree);
	yaml_document_delete(&doc);
	return errs->n > before ? -1 : 0;
}

int
rules_load_tree(struct ruleset *rs, const char *path, struct yaml_document_s *doc,
		struct regex_codes *replay, struct load_errors *errs)
{
	struct load_ctx ctx = {doc, path, errs, 0, NULL, replay, true};
	size_t before = errs->n;

	load_parsed(rs, &ctx, before);
	return errs->n > before ? -1 : 0;
}

int
rules_load_file(struct ruleset *rs, const char *path, struct load_errors *errs)
{
	struct pack_source s = {(char *)(uintptr_t)path, NULL, NULL, 0};
	size_t cap = 0;
	int rc;

	if (read_pack(path, &s.buf, &cap, &s.len, errs) != 0) {
		free(s.buf);
		return -1;
	}
	rc = rules_load_source(rs, &s, errs, NULL, NULL);
	free(s.buf);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_pack_name(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.')
		return false;
	return (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
	    (n > 5 && strcmp(name + n - 5, ".yaml") == 0);
}

/* The sorted names of the pack files directly in dir; NULL (reported) if unreadable. */
static char **
list_packs(const char *dir, size_t *n, struct load_errors *errs)
{
	struct dirent *de;
	char **names = NULL;
	size_t cap = 0;
	DIR *d;

	*n = 0;
	if ((d = opendir(dir)) == NULL) {
		unreadable(dir, strerror(errno), errs);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (!is_pack_name(de->d_name))
			continue;
		names = xgrow(names, &cap, *n + 1, sizeof(*names));
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 0)
		qsort(names, *n, sizeof(*names), name_cmp);
	return names != NULL ? names : xcalloc(1, sizeof(*names));
}

static bool
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
rules_load_dir(struct ruleset *rs, const char *dir, struct load_errors *errs)
{
	char **names, *path;
	size_t n, i, len;
	int rc = 0;

	if ((names = list_packs(dir, &n, errs)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		len = strlen(dir) + strlen(names[i]) + 2;
		path = xmalloc(len);
		snprintf(path, len, "%s%s%s", dir,
		    dir[0] != '\0' && dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
		/* Sub-directories (later sub-packs) are not loaded from here. */
		if (!is_directory(path) && rules_load_file(rs, path, errs) != 0)
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Adds the file at path, shown under name, to src, not yet read. */
static void
list_source(struct pack_sources *src, const char *path, const char *name)
{
	struct pack_source *s;

	src->v = xrealloc(src->v, (src->n + 1) * sizeof(*src->v));
	s = &src->v[src->n++];
	s->path = xstrdup(path);
	s->name = xstrdup(name);
	s->buf = NULL;
	s->len = 0;
}

int
rules_list_pack(const char *path, struct pack_sources *src, struct load_errors *errs)
{
	char **names, *file;
	const char *base;
	size_t n, i, len;

	memset(src, 0, sizeof(*src));
	if (!is_directory(path)) {
		base = strrchr(path, '/');
		list_source(src, path, base != NULL ? base + 1 : path);
		return 0;
	}
	if ((names = list_packs(path, &n, errs)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		len = strlen(path) + strlen(names[i]) + 2;
		file = xmalloc(len);
		snprintf(file, len, "%s%s%s", path,
		    path[0] != '\0' && path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
		if (!is_directory(file))
			list_source(src, file, names[i]);
		free(file);
		free(names[i]);
	}
	free(names);
	return 0;
}

int
pack_source_read(const struct pack_source *s, char **buf, size_t *cap, size_t *len,
		struct load_errors *errs)
{
	return read_pack(s->path, buf, cap, len, errs);
}

int
rules_read_pack(const char *path, struct pack_sources *src, struct load_errors *errs)
{
	size_t i, k, cap;
	int rc;

	if ((rc = rules_list_pack(path, src, errs)) != 0)
		return rc;
	for (i = 0, k = 0; i < src->n; i++) {
		cap = 0;
		src->v[k].buf = NULL;
		if (read_pack(src->v[i].path, &src->v[k].buf, &cap, &src->v[k].len, errs) != 0) {
			free(src->v[k].buf);
			free(src->v[i].path);
			free(src->v[i].name);
			rc = -1;
			continue;
		}
		if (k != i) {
			src->v[k].path = src->v[i].path;
			src->v[k].name = src->v[i].name;
		}
		k++;
	}
	src->n = k;
	return rc;
}

void
pack_sources_free(struct pack_sources *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		free(src->v[i].path);
		free(src->v[i].name);
		free(src->v[i].buf);
	}
	free(src->v);
	memset(src, 0, sizeof(*src));
}
