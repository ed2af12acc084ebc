/* Applying a project config to one file's diagnostics (disable, levels, overrides,
 * suppressions) and printing the settings in effect for one path. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "settings.h"
#include "xalloc.h"

static bool
in_list(const struct cfg_strs *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].s, id) == 0)
			return true;
	return false;
}

/* True when c disables id for rel (top level or a matching override). */
static bool
disabled(const struct config *c, const char *rel, const char *id)
{
	size_t i;

	if (in_list(&c->disable, id))
		return true;
	for (i = 0; i < c->noverrides; i++)
		if (config_globs_match(&c->overrides[i].paths, rel) &&
		    in_list(&c->overrides[i].disable, id))
			return true;
	return false;
}

static void
level_from(const struct cfg_levels *l, const char *id, enum level *lv)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].rule.s, id) == 0)
			*lv = l->v[i].level;
}

/* The level c gives id in rel; LEVEL_NONE when c leaves it alone. Later overrides win. */
static enum level
level_of(const struct config *c, const char *rel, const char *id)
{
	enum level lv = LEVEL_NONE;
	size_t i;

	level_from(&c->levels, id, &lv);
	for (i = 0; i < c->noverrides; i++)
		if (config_globs_match(&c->overrides[i].paths, rel))
			level_from(&c->overrides[i].levels, id, &lv);
	return lv;
}

static bool
cli_sets_level(const struct options *o, const char *id)
{
	size_t i;

	for (i = 0; o != NULL && i < o->nlevels; i++)
		if (strlen(id) == o->levels[i].rule_len &&
		    strncasecmp(id, o->levels[i].rule, o->levels[i].rule_len) == 0)
			return true;
	return false;
}

/* True when a suppression of c covers d (match: a substring of the diagnosed text or of
 * the message). */
static bool
suppressed(const struct config *c, const char *rel, const char *text, const struct diag *d)
{
	const struct cfg_suppress *s;
	char *span;
	bool hit;
	size_t i;

	for (i = 0; i < c->nsuppress; i++) {
		s = &c->suppress[i];
		if (strcmp(s->rule.s, d->rule) != 0 || !config_globs_match(&s->paths, rel))
			continue;
		if (s->match == NULL)
			return true;
		span = xstrndup(text + d->span.start, d->span.end - d->span.start);
		hit = strstr(span, s->match) != NULL ||
		    (d->message != NULL && strstr(d->message, s->match) != NULL);
		free(span);
		if (hit)
			return true;
	}
	return false;
}

/* One rule's id and its position in the ruleset. */
struct rule_slot {
	const char *id;
	size_t i;
};

/* The rules of one run sorted by id, so that a diagnostic's rule is found by binary
 * search instead of a compare with every rule. */
struct rule_index {
	struct rule_slot *v;
	size_t n;
};

static int
rule_slot_cmp(const void *pa, const void *pb)
{
	const struct rule_slot *a = pa, *b = pb;

	return strcmp(a->id, b->id);
}

static void
rule_index_build(struct rule_index *ix, const struct ruleset *rs)
{
	size_t i;

	ix->n = rs->n;
	ix->v = xcalloc(rs->n ? rs->n : 1, sizeof(*ix->v));
	for (i = 0; i < rs->n; i++) {
		ix->v[i].id = rs->v[i]->id;
		ix->v[i].i = i;
	}
	qsort(ix->v, ix->n, sizeof(*ix->v), rule_slot_cmp);
}

/* Index of the rule behind id in the run's ruleset, or -1 for a catalogue id. */
static long
rule_index(const struct rule_index *ix, const char *id)
{
	struct rule_slot key = { id, 0 };
	const struct rule_slot *hit = bsearch(&key, ix->v, ix->n, sizeof(*ix->v), rule_slot_cmp);

	return hit != NULL ? (long)hit->i : -1;
}

/* Whether d stays; its level may be rewritten. */
static bool
keep(const struct file_settings *fs, const struct rule_index *ix, const char *rel,
    const char *text, struct diag *d)
{
	long r = rule_index(ix, d->rule);
	enum level lv;

	if (r < 0)
		return true;
	if (fs->allowed != NULL && !fs->allowed[r])
		return false;
	if (fs->cfg == NULL)
		return true;
	if (disabled(fs->cfg, rel, d->rule))
		return false;
	if (!cli_sets_level(fs->o, d->rule) && (lv = level_of(fs->cfg, rel, d->rule)) != LEVEL_NONE)
		d->level = lv;
	if (fs->o != NULL && fs->o->no_suppress)
		return true;
	return !suppressed(fs->cfg, rel, text, d);
}

/* True when fs allows every rule of its run: without a config, nothing is then dropped or
 * relevelled, and the rules need no index. */
static bool
all_allowed(const struct file_settings *fs)
{
	size_t i;

	for (i = 0; fs->allowed != NULL && i < fs->rs->n; i++)
		if (!fs->allowed[i])
			return false;
	return true;
}

void
settings_apply(const struct file_settings *fs, const char *path, const char *text,
    struct diag_list *dl)
{
	struct rule_index ix;
	char *rel;
	size_t i, n = 0;

	if (fs == NULL || fs->rs == NULL || (fs->cfg == NULL && all_allowed(fs)))
		return;
	rel = fs->cfg != NULL ? config_rel_path(fs->cfg, path) : xstrdup(path);
	rule_index_build(&ix, fs->rs);
	for (i = 0; i < dl->n; i++) {
		if (keep(fs, &ix, rel, text, &dl->v[i]))
			dl->v[n++] = dl->v[i];
		else
			diag_clear(&dl->v[i]);
	}
	dl->n = n;
	free(ix.v);
	free(rel);
}

static cJSON *
json_strs(const struct cfg_strs *l)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < l->n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(l->v[i].s));
	return a;
}

/* Appends s to the array a unless it is there already. */
static void
add_once(cJSON *a, const char *s)
{
	cJSON *it;

	cJSON_ArrayForEach(it, a)
		if (strcmp(it->valuestring, s) == 0)
			return;
	cJSON_AddItemToArray(a, cJSON_CreateString(s));
}

/* The disable list and levels in effect for rel, in config order. */
static void
json_effective(cJSON *root, const struct config *c, const char *rel)
{
	cJSON *dis = cJSON_AddArrayToObject(root, "disable");
	cJSON *lv = cJSON_AddObjectToObject(root, "levels");
	const struct cfg_levels *ls;
	size_t i, k;

	for (i = 0; i <= c->noverrides; i++) {
		const struct cfg_strs *d = i == 0 ? &c->disable : &c->overrides[i - 1].disable;

		if (i > 0 && !config_globs_match(&c->overrides[i - 1].paths, rel))
			continue;
		for (k = 0; k < d->n; k++)
			add_once(dis, d->v[k].s);
		ls = i == 0 ? &c->levels : &c->overrides[i - 1].levels;
		for (k = 0; k < ls->n; k++) {
			cJSON_DeleteItemFromObjectCaseSensitive(lv, ls->v[k].rule.s);
			cJSON_AddStringToObject(lv, ls->v[k].rule.s, level_name(ls->v[k].level));
		}
	}
}

static void
json_suppress(cJSON *root, const struct config *c, const char *rel, bool off)
{
	cJSON *a = cJSON_AddArrayToObject(root, "suppress"), *s;
	size_t i;

	for (i = 0; !off && i < c->nsuppress; i++) {
		if (!config_globs_match(&c->suppress[i].paths, rel))
			continue;
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "rule", c->suppress[i].rule.s);
		cJSON_AddItemToObject(s, "paths", json_strs(&c->suppress[i].paths));
		if (c->suppress[i].match != NULL)
			cJSON_AddStringToObject(s, "match", c->suppress[i].match);
		cJSON_AddStringToObject(s, "reason", c->suppress[i].reason);
		cJSON_AddItemToArray(a, s);
	}
}

void
settings_print(FILE *out, const struct config *c, const char *path, const struct options *o)
{
	cJSON *root = cJSON_CreateObject();
	char *rel = c != NULL ? config_rel_path(c, path) : NULL, *text;

	cJSON_AddStringToObject(root, "path", path);
	if (c == NULL) {
		cJSON_AddNullToObject(root, "config");
	} else {
		cJSON_AddStringToObject(root, "config", c->path);
		cJSON_AddStringToObject(root, "relative", rel);
		cJSON_AddBoolToObject(root, "walked", config_wants(c, rel));
		cJSON_AddItemToObject(root, "rules", json_strs(&c->rules));
		json_effective(root, c, rel);
		json_suppress(root, c, rel, o->no_suppress);
	}
	text = cJSON_Print(root);
	fprintf(out, "%s\n", text);
	cJSON_free(text);
	cJSON_Delete(root);
	free(rel);
}
