/* Compiled packs in use: candidates are tried in order (beside the default pack's
 * directory, the build tree, the user's cache); a candidate counts only when its header
 * matches the key of the YAML just read and every section decodes, so a stale, truncated
 * or foreign file is passed over and the pack is loaded from YAML and compiled again. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "hash64.h"
#include "pack_load.h"
#include "packfile.h"
#include "packtree.h"
#include "regex_pack.h"
#include "rulescan.h"
#include "strbuf.h"
#include "xalloc.h"

/* The sections of a compiled pack, checked against the sources: the trees stay in the
 * mapping and are rebuilt one at a time as their files are loaded. */
struct compiled {
	const unsigned char **tree;  /* by source: its flat document (inside the mapping) */
	size_t *tree_len;
	size_t ntrees;
	struct packtree_room room;   /* the nodes of the tree being loaded */
	struct regex_codes *codes;
	const char *scan;          /* the stored prefilter (inside the mapping), or NULL */
	size_t scan_len;
};

static void
compiled_free(struct compiled *c)
{
	free(c->tree);
	free(c->tree_len);
	free(c->room.v);
	regex_codes_free(c->codes);
	memset(c, 0, sizeof(*c));
}

/* Checks every section of pf: one tree per source, named as it (each rebuilt once to
 * see that it is well formed), then the patterns. 0, or -1 (nothing kept) when anything
 * is missing, extra or malformed. */
static int
decode_all(const struct packfile *pf, const struct pack_sources *src, struct compiled *c)
{
	const unsigned char *body;
	const char *name;
	yaml_document_t doc;
	uint32_t kind;
	size_t at = 0, len;
	int rc;

	memset(c, 0, sizeof(*c));
	c->tree = xcalloc(src->n + 1, sizeof(*c->tree));
	c->tree_len = xcalloc(src->n + 1, sizeof(*c->tree_len));
	while ((rc = packfile_next(pf, &at, &kind, &name, &body, &len)) == 1) {
		if (kind == PACK_SEC_TREE && c->codes == NULL && c->ntrees < src->n &&
		    strcmp(name, src->v[c->ntrees].name) == 0 &&
		    packtree_decode_into(body, len, &doc, &c->room) == 0) {
			c->tree[c->ntrees] = body;
			c->tree_len[c->ntrees++] = len;
		} else if (kind == PACK_SEC_CODES && c->codes == NULL && c->ntrees == src->n &&
		    (c->codes = regex_codes_decode(body, len)) != NULL)
			continue;
		else if (kind == PACK_SEC_SCAN && c->codes != NULL && c->scan == NULL) {
			c->scan = (const char *)body;
			c->scan_len = len;
		} else
			break;
	}
	if (rc != 0 || c->ntrees != src->n || c->codes == NULL) {
		compiled_free(c);
		return -1;
	}
	return 0;
}

/* Appends the prefilter of rs->v[first..] to payload as a scan section; the database is
 * returned (the caller owns it), or NULL when it cannot be serialised (no section). */
static struct mscan *
add_scan(const struct ruleset *rs, size_t first, struct strbuf *payload)
{
	struct mscan *ms = rulescan_build_pack(rs, first);
	char *bytes;
	size_t len, at;

	if (mscan_serialize(ms, &bytes, &len) != 0) {
		mscan_free(ms);
		return NULL;
	}
	at = packfile_begin(payload, PACK_SEC_SCAN, NULL);
	strbuf_put(payload, bytes, len);
	packfile_end(payload, at);
	free(bytes);
	return ms;
}

/* After a pack has loaded into rs from index first on, takes over the prefilter it brings
 * (ms, or NULL) when the run wants one and the pack's rules are all of rs: a database
 * made for one pack's patterns cannot serve another's, so with a second pack the run
 * builds its own (rulescan_bind tells). */
static void
take_scan(struct ruleset *rs, size_t first, struct mscan *ms)
{
	if (rs->scan_use == RULESET_SCAN_OFF || first > 0) {
		mscan_free(ms);
		mscan_free(rs->scan);
		rs->scan = NULL;
		return;
	}
	mscan_free(rs->scan);
	rs->scan = ms;
}

/* The pack's compiled payload pf with a scan section of rs->v[first..] added, written
 * over file (a cache file whose scan section was missing or stale); the new database is
 * returned. */
static struct mscan *
rewrite_with_scan(const struct packfile *pf, const char *file, uint64_t key,
		const struct ruleset *rs, size_t first)
{
	struct strbuf payload = {NULL, 0, 0};
	const unsigned char *body;
	const char *name;
	uint32_t kind;
	size_t at = 0, len, end = 0;
	struct mscan *ms;

	while (packfile_next(pf, &at, &kind, &name, &body, &len) == 1 && kind != PACK_SEC_SCAN)
		end = at;
	strbuf_put(&payload, (const char *)pf->payload, end);
	ms = add_scan(rs, first, &payload);
	if (ms != NULL)
		(void)packfile_write(file, key, &payload);
	free(payload.s);
	return ms;
}

/* Loads the pack from the compiled file at file when it is valid for src; 0 when loaded
 * (load errors, such as a rule id another pack already holds, are in errs and counted in
 * *status), -1 when the file is missing or fails a check (rs untouched). When the run uses
 * the prefilter, the stored database is taken over; a cache file (is_cache) that lacks a
 * usable one gets it added when the run would build it anyway (RULESET_SCAN_ON). */
static int
load_compiled(struct ruleset *rs, const char *file, bool is_cache,
		const struct pack_sources *src, uint64_t key, struct load_errors *errs, int *status)
{
	struct packfile pf;
	struct compiled c;
	yaml_document_t doc;
	struct mscan *ms = NULL;
	size_t i, first = rs->n;

	if (packfile_open(&pf, file, key) != 0)
		return -1;
	if (decode_all(&pf, src, &c) != 0) {
		packfile_close(&pf);
		return -1;
	}
	*status = 0;
	for (i = 0; i < src->n; i++) {
		/* Checked by decode_all: it rebuilds the same way again. */
		(void)packtree_decode_into(c.tree[i], c.tree_len[i], &doc, &c.room);
		if (rules_load_tree(rs, src->v[i].path, &doc, c.codes, errs) != 0)
			*status = -1;
	}
	if (rs->scan_use != RULESET_SCAN_OFF && first == 0 && *status == 0) {
		if (c.scan != NULL)
			ms = rulescan_load_pack(rs, c.scan, c.scan_len);
		if (ms == NULL && is_cache && rs->scan_use == RULESET_SCAN_ON)
			ms = rewrite_with_scan(&pf, file, key, rs, first);
	}
	take_scan(rs, first, ms);
	compiled_free(&c);
	packfile_close(&pf);
	return 0;
}

/* Loads src from YAML into rs; with payload, appends the compiled form to it, with the
 * prefilter's database when with_scan. 0, or -1 after load errors. */
static int
load_yaml(struct ruleset *rs, const struct pack_sources *src, struct load_errors *errs,
		struct strbuf *payload, bool with_scan)
{
	struct regex_codes *rec = payload != NULL ? regex_codes_new() : NULL;
	struct mscan *ms = NULL;
	size_t i, at = 0, first = rs->n;
	int rc = 0;

	for (i = 0; i < src->n; i++) {
		if (payload != NULL)
			at = packfile_begin(payload, PACK_SEC_TREE, src->v[i].name);
		if (rules_load_source(rs, &src->v[i], errs, rec, payload) != 0)
			rc = -1;
		if (payload != NULL)
			packfile_end(payload, at);
	}
	if (rc == 0 && payload != NULL) {
		at = packfile_begin(payload, PACK_SEC_CODES, NULL);
		if (regex_codes_encode(rec, payload) != 0)
			rc = 1;
		packfile_end(payload, at);
		if (rc == 0 && with_scan)
			ms = add_scan(rs, first, payload);
	}
	regex_codes_free(rec);
	take_scan(rs, first, ms);
	return rc;
}

int
pack_compile(struct ruleset *rs, const struct pack_sources *src, struct load_errors *errs,
		const char *out)
{
	struct strbuf payload = {NULL, 0, 0};
	int rc = load_yaml(rs, src, errs, &payload, true);

	if (rc == 0)
		rc = packfile_write(out, packfile_key(src), &payload);
	free(payload.s);
	return rc == 0 ? 0 : -1;
}

/* Creates dir and its missing parents (mode 0700); 0 when it exists afterwards. */
static int
make_dirs(char *dir)
{
	struct stat st;
	char *s;

	for (s = dir + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*s = '/';
			return -1;
		}
		*s = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return -1;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

char *
pack_cache_path(const char *path)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *real = realpath(path, NULL), *out;
	const char *id = real != NULL ? real : path;
	size_t len;

	if (xdg != NULL && xdg[0] == '/')
		home = NULL;
	else if (home != NULL && home[0] == '/')
		xdg = NULL;
	else {
		free(real);
		return NULL;
	}
	len = strlen(xdg != NULL ? xdg : home) + 64;
	out = xmalloc(len);
	snprintf(out, len, "%s%s/noticelint/%016llx.nlpack", xdg != NULL ? xdg : home,
	    xdg != NULL ? "" : "/.cache", (unsigned long long)hash64(0, id, strlen(id)));
	free(real);
	return out;
}

/* Compiles src into the cache file cache (its directory made when missing); failures
 * are silent: the pack is loaded either way. */
static void
store(const char *cache, const struct strbuf *payload, uint64_t key)
{
	char *dir = xstrdup(cache), *slash = strrchr(dir, '/');

	if (slash != NULL) {
		*slash = '\0';
		if (make_dirs(dir) == 0)
			(void)packfile_write(cache, key, payload);
	}
	free(dir);
}

/* The compiled file built beside the default pack at path: path less trailing slashes,
 * with ".nlpack" appended. */
static char *
beside(const char *path)
{
	size_t n = strlen(path);
	char *out;

	while (n > 1 && path[n - 1] == '/')
		n--;
	out = xmalloc(n + 8);
	memcpy(out, path, n);
	memcpy(out + n, ".nlpack", 8);
	return out;
}

/* Loads the pack from YAML, the way rules_load_dir or rules_load_file would. */
static int
load_plain(struct ruleset *rs, const char *path, struct load_errors *errs)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return rules_load_dir(rs, path, errs);
	return rules_load_file(rs, path, errs);
}

/* Lists the pack at path into src and keys its files' bytes, read one at a time into one
 * buffer and not kept (a compiled form that matches needs none of them); 0, or -1 when
 * a file cannot be read. */
static int
key_pack(const char *path, struct pack_sources *src, uint64_t *key, struct load_errors *errs)
{
	char *buf = NULL;
	size_t cap = 0, len, i;
	int rc = rules_list_pack(path, src, errs);

	*key = packfile_key_begin();
	for (i = 0; rc == 0 && i < src->n; i++) {
		if (pack_source_read(&src->v[i], &buf, &cap, &len, errs) != 0)
			rc = -1;
		else
			*key = packfile_key_add(*key, src->v[i].name, buf, len);
	}
	free(buf);
	return rc;
}

/* Reads the pack's files again, whole, for loading from YAML, and keys what was read (a
 * file may have changed since key_pack: the cache must hold the key of the bytes loaded);
 * 0, or -1 when the files no longer read as before (the caller loads plainly). */
static int
reread(const char *path, struct pack_sources *src, uint64_t *key)
{
	struct load_errors read_errs;
	size_t n = src->n;
	int rc;

	memset(&read_errs, 0, sizeof(read_errs));
	pack_sources_free(src);
	rc = rules_read_pack(path, src, &read_errs);
	load_errors_free(&read_errs);
	if (rc != 0 || src->n != n)
		return -1;
	*key = packfile_key(src);
	return 0;
}

int
pack_load(struct ruleset *rs, const char *path, bool is_default, bool use_cache,
		struct load_errors *errs)
{
	struct load_errors read_errs;
	struct pack_sources src;
	struct strbuf payload = {NULL, 0, 0};
	char *cands[3] = {NULL, NULL, NULL}, *cache;
	uint64_t key;
	size_t i, n = 0;
	int rc, status = -1, done = -1;

	if (rs->n > 0)
		take_scan(rs, rs->n, NULL);     /* an earlier pack's database lacks these rules */
	if (!use_cache)
		return load_plain(rs, path, errs);
	memset(&read_errs, 0, sizeof(read_errs));
	read_errs.lang = errs->lang;
	rc = key_pack(path, &src, &key, &read_errs);
	load_errors_free(&read_errs);
	if (rc != 0 || src.n == 0) {
		/* Unreadable files are reported in the order the plain load reports them. */
		pack_sources_free(&src);
		return load_plain(rs, path, errs);
	}
	cache = pack_cache_path(path);
	if (is_default) {
		cands[n++] = beside(path);
#ifdef NL_PACK_BUILT
		cands[n++] = xstrdup(NL_PACK_BUILT);
#endif
	}
	if (cache != NULL)
		cands[n++] = xstrdup(cache);
	for (i = 0; i < n && done != 0; i++)
		done = load_compiled(rs, cands[i], i == n - 1 && cache != NULL, &src, key, errs,
		    &status);
	if (done != 0 && reread(path, &src, &key) != 0)
		status = load_plain(rs, path, errs);
	else if (done != 0) {
		status = load_yaml(rs, &src, errs, cache != NULL ? &payload : NULL,
		    rs->scan_use == RULESET_SCAN_ON && rs->n == 0);
		if (status == 0 && cache != NULL)
			store(cache, &payload, key);
		if (status > 0)
			status = 0;
	}
	for (i = 0; i < n; i++)
		free(cands[i]);
	free(cache);
	free(payload.s);
	pack_sources_free(&src);
	return status;
}
