/* The run key, hashed field by field so a change of any input to the diagnostics other
 * than the notice itself gives another key. */
#include <stdio.h>
#include <string.h>
#include "cfgset.h"
#include "cli.h"
#include "repo/hash.h"
#include "repo/runkey.h"
#include "rules.h"

uint64_t
runkey_file(uint64_t h, const char *path)
{
	unsigned char buf[8192];
	FILE *fp = path != NULL ? fopen(path, "rb") : NULL;
	size_t n;

	if (fp == NULL)
		return hash_fnv_str(h, NULL);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		h = hash_fnv(h, buf, n);
	fclose(fp);
	return hash_fnv_str(h, "");
}

static uint64_t
hash_int(uint64_t h, long v)
{
	return hash_fnv(h, &v, sizeof(v));
}

/* Each rule's id, state and level, and the bytes of each file rules came from. */
static uint64_t
hash_rules(uint64_t h, const struct ruleset *rs)
{
	const char *last = NULL;
	size_t i;

	for (i = 0; rs != NULL && i < rs->n; i++) {
		h = hash_fnv_str(h, rs->v[i]->id);
		h = hash_int(h, rs->v[i]->enabled);
		h = hash_int(h, rs->v[i]->level);
		if (rs->v[i]->file != NULL && (last == NULL || strcmp(last, rs->v[i]->file) != 0)) {
			last = rs->v[i]->file;
			h = runkey_file(h, last);
		}
	}
	return h;
}

uint64_t
runkey_hash(const struct options *o, const struct ruleset *rs, const struct cfgset *cs)
{
	uint64_t h = HASH_FNV_OFFSET;
	size_t i;

	h = hash_fnv_str(h, "noticelint " NL_VERSION);
	h = hash_int(h, o->lang);
	h = hash_int(h, o->today_y * 10000L + o->today_m * 100L + o->today_d);
	h = hash_fnv_str(h, o->encoding);
	h = hash_fnv_str(h, o->stdin_format);
	h = hash_fnv_str(h, o->stdin_filename);
	h = hash_int(h, o->no_suppress);
	h = hash_int(h, o->force_exclude);
	h = hash_rules(h, rs);
	for (i = 0; cs != NULL && i < cs->n; i++)
		h = runkey_file(h, cs->v[i]->cfg.path);
	return h;
}
