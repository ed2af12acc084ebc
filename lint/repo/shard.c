/* Shard selection by a hash of the relative path (the same share on every machine that
 * checks the repository out, whatever directory it is in) and the shard object written
 * into JSON and SARIF reports for `noticelint merge`. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "repo/hash.h"
#include "repo/runkey.h"
#include "repo/shard.h"
#include "rules.h"
#include "cli.h"
#include "source.h"
#include "srcroot.h"
#include "xalloc.h"

int
shard_parse(const char *s, unsigned *index, unsigned *count)
{
	unsigned long i, n;
	char *end;

	if (s[0] < '0' || s[0] > '9')
		return -1;
	i = strtoul(s, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		return -1;
	n = strtoul(end + 1, &end, 10);
	if (*end != '\0' || i < 1 || n < 1 || i > n || n > SHARD_MAX)
		return -1;
	*index = (unsigned)i;
	*count = (unsigned)n;
	return 0;
}

/* The path a shard hashes: relative to root when below it, else the display path. */
static char *
key_path(const char *root, const char *path)
{
	const char *shown = source_display_path(path);
	char *rel = root != NULL && strcmp(path, "-") != 0 ? srcroot_rel(root, path) : NULL;

	return rel != NULL ? rel : xstrdup(shown);
}

unsigned
shard_of(const char *root, const char *path, unsigned n)
{
	char *rel = key_path(root, path);
	uint64_t h = hash_fnv(HASH_FNV_OFFSET, rel, strlen(rel));

	free(rel);
	return (unsigned)(h % n);
}

void
shard_select(struct shard_meta *m, struct walk_list *items, bool *walked, const char *root,
    unsigned index, unsigned count)
{
	size_t i, k = 0;
	char *rel;

	memset(m, 0, sizeof(*m));
	m->index = index;
	m->count = count;
	m->total = items->n;
	m->list_hash = HASH_FNV_OFFSET;
	m->ordinals = xcalloc(items->n ? items->n : 1, sizeof(*m->ordinals));
	for (i = 0; i < items->n; i++) {
		rel = key_path(root, items->v[i].path);
		m->list_hash = hash_fnv_str(m->list_hash, rel);
		free(rel);
		if (shard_of(root, items->v[i].path, count) != index - 1) {
			free(items->v[i].path);
			free(items->v[i].err_msg);
			continue;
		}
		m->ordinals[m->n++] = i;
		if (walked != NULL)
			walked[k] = walked[i];
		items->v[k++] = items->v[i];
	}
	items->n = k;
	m->results = xcalloc(k ? k : 1, sizeof(*m->results));
	m->notes = xcalloc(k ? k : 1, sizeof(*m->notes));
}

void
shard_finish(struct shard_meta *m, const struct options *o, const struct ruleset *rs,
    const struct cfgset *cs)
{
	uint64_t h = runkey_hash(o, rs, cs);
	static const char hex[] = "0123456789abcdef";
	long report[3] = {(long)o->format, (long)o->fail_level, (long)o->quiet};
	size_t i;

	/* What else shapes a report: its format and exit level, rule pages, the baseline. */
	h = hash_fnv(h, report, sizeof(report));
	h = hash_fnv_str(h, o->doc_url);
	h = runkey_file(h, o->baseline);
	for (i = 0; rs != NULL && i < rs->n; i++)
		m->base_rules += rs->v[i]->enabled;
	m->fail_level = (int)o->fail_level;

	h = hash_fnv(h, &m->list_hash, sizeof(m->list_hash));
	h = hash_fnv(h, &m->total, sizeof(m->total));
	h = hash_fnv(h, &m->count, sizeof(m->count));
	for (i = 0; i < 16; i++)
		m->key[i] = hex[(h >> (60 - 4 * i)) & 15];
	m->key[16] = '\0';
}

void
shard_reported(struct shard_meta *m, size_t results, size_t notes)
{
	if (m->count == 0 || m->nreported >= m->n)
		return;
	m->results[m->nreported] = results;
	m->notes[m->nreported] = notes;
	m->nreported++;
}

/* An array of the n integers at v. */
static cJSON *
int_array(const size_t *v, size_t n)
{
	cJSON *a = fmt_json_must(cJSON_CreateArray());
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, fmt_json_must(cJSON_CreateNumber((double)v[i])));
	return a;
}

cJSON *
shard_json(const struct shard_meta *m)
{
	cJSON *o;

	if (m == NULL || m->count == 0)
		return NULL;
	o = fmt_json_must(cJSON_CreateObject());
	fmt_json_must(cJSON_AddNumberToObject(o, "index", m->index));
	fmt_json_must(cJSON_AddNumberToObject(o, "count", m->count));
	fmt_json_must(cJSON_AddNumberToObject(o, "inputs", (double)m->total));
	fmt_json_must(cJSON_AddStringToObject(o, "key", m->key));
	cJSON_AddItemToObject(o, "ordinals", int_array(m->ordinals, m->n));
	cJSON_AddItemToObject(o, "results", int_array(m->results, m->nreported));
	cJSON_AddItemToObject(o, "notifications", int_array(m->notes, m->nreported));
	fmt_json_must(cJSON_AddNumberToObject(o, "base_rules", (double)m->base_rules));
	fmt_json_must(cJSON_AddStringToObject(o, "fail_level", level_name((enum level)m->fail_level)));
	return o;
}

void
shard_free(struct shard_meta *m)
{
	free(m->ordinals);
	free(m->results);
	free(m->notes);
	memset(m, 0, sizeof(*m));
}
