/* A rule set's multi-pattern prefilter (see rulescan.h): its patterns, sorted and without
 * repeats, go to mscan; each regex learns its index by binary search in that list. */
#include <stdlib.h>
#include <string.h>
#include "regex.h"
#include "rulescan.h"
#include "xalloc.h"

static int
source_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct pattern sources of rs->v[first..], of the enabled rules only or of all. */
static size_t
collect(const struct ruleset *rs, size_t first, bool all, const char ***out)
{
	const char **v = NULL;
	size_t n = 0, cap = 0, i, k, kept = 0;

	for (i = first; i < rs->n; i++) {
		if (!all && !rs->v[i]->enabled)
			continue;
		for (k = 0; k < rs->v[i]->nregexes; k++) {
			v = xgrow(v, &cap, n + 1, sizeof(*v));
			v[n++] = regex_source(rs->v[i]->regexes[k]);
		}
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), source_cmp);
	for (i = 0; i < n; i++)
		if (kept == 0 || strcmp(v[kept - 1], v[i]) != 0)
			v[kept++] = v[i];
	*out = v;
	return kept;
}

size_t
rulescan_patterns(const struct ruleset *rs, const char ***out)
{
	return collect(rs, 0, false, out);
}

size_t
rulescan_pack_patterns(const struct ruleset *rs, size_t first, const char ***out)
{
	return collect(rs, first, true, out);
}

/* Sets the scan index of every pattern of rs's enabled rules: found in the sorted list
 * and accepted by ms, or none when ms is NULL. */
static void
tie(const struct ruleset *rs, const char **v, size_t n, const struct mscan *ms)
{
	const char *src, **hit;
	size_t i, k, id;

	for (i = 0; i < rs->n; i++) {
		for (k = 0; k < rs->v[i]->nregexes; k++) {
			struct regex *re = rs->v[i]->regexes[k];

			id = REGEX_NO_SCAN_ID;
			src = regex_source(re);
			if (ms != NULL && rs->v[i]->enabled &&
			    (hit = bsearch(&src, v, n, sizeof(*v), source_cmp)) != NULL &&
			    mscan_accepted(ms, (size_t)(hit - v)))
				id = (size_t)(hit - v);
			regex_set_scan_id(re, id);
		}
	}
}

int
rulescan_bind(const struct ruleset *rs, const struct mscan *ms)
{
	const char **v;
	size_t n = rulescan_pack_patterns(rs, 0, &v);
	int rc = mscan_fits(ms, v, n) ? 0 : -1;

	if (rc == 0)
		tie(rs, v, n, ms);
	free(v);
	return rc;
}

struct mscan *
rulescan_build_pack(const struct ruleset *rs, size_t first)
{
	const char **v;
	size_t n = rulescan_pack_patterns(rs, first, &v);
	struct mscan *ms = mscan_build(v, n);

	free(v);
	return ms;
}

struct mscan *
rulescan_load_pack(const struct ruleset *rs, const char *bytes, size_t len)
{
	const char **v;
	size_t n = rulescan_pack_patterns(rs, 0, &v);
	struct mscan *ms = mscan_deserialize(bytes, len, v, n);

	free(v);
	return ms;
}

struct mscan *
rulescan_build(const struct ruleset *rs)
{
	const char **v;
	size_t n = rulescan_patterns(rs, &v);
	struct mscan *ms = mscan_build(v, n);

	tie(rs, v, n, ms);
	free(v);
	return ms;
}

const char *
rulescan_engine(const struct rule *r)
{
	size_t k, in = 0;

	if (r->nregexes == 0)
		return "";
	for (k = 0; k < r->nregexes; k++)
		in += regex_scan_id(r->regexes[k]) != REGEX_NO_SCAN_ID;
	return in == r->nregexes ? "vectorscan" : in > 0 ? "vectorscan+pcre2" : "pcre2";
}
