/* Multi-pattern prefilter (see mscan.h) on Vectorscan: each pattern is rewritten into a
 * superset expression (mscan_expr.c), all of them compiled into one database, and a scan
 * records every end offset per pattern for mscan_may_match to look up. */
#include <hs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input/dynload.h"
#include "mscan.h"
#include "mscan_expr.h"
#include "pattern_width.h"
#include "xalloc.h"

#define MSCAN_MAGIC "NLMSCAN2"
#define MSCAN_FLAGS (HS_FLAG_UTF8 | HS_FLAG_PREFILTER)
/* An expression that can match fewer bytes than one Chinese character matches at nearly
 * every position of a notice: scanning for it costs more than PCRE2 would. */
#define MSCAN_MIN_WIDTH 3

struct mscan {
	hs_database_t *db;     /* NULL when no pattern was accepted */
	size_t n;
	bool *accepted;
	char **reason;         /* by pattern: why it was left out, NULL when accepted */
	uint32_t *minw, *maxw; /* by accepted pattern: its expression's widths in bytes
	                        * (maxw UINT32_MAX: unbounded) */
	uint64_t fingerprint;  /* of the pattern list, to tell a serialised copy is current */
};

/* Scratch space of the calling thread, grown to suit each database it scans, and the
 * database it was last made to suit: hs_alloc_scratch, which checks a scratch against a
 * database, costs more than scanning a short notice, so it runs when the database
 * changes, not for every text. */
static _Thread_local hs_scratch_t *scratch;
static _Thread_local const hs_database_t *scratch_db;

/* FNV-1a over every pattern and its terminating NUL. */
static uint64_t
fingerprint(const char *const *patterns, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	size_t i;
	const char *s;

	for (i = 0; i < n; i++) {
		s = patterns[i];
		do {
			h ^= (unsigned char)*s;
			h *= 0x100000001b3u;
		} while (*s++ != '\0');
	}
	return h;
}

static struct mscan *
mscan_new(const char *const *patterns, size_t n)
{
	struct mscan *ms = xcalloc(1, sizeof(*ms));

	ms->n = n;
	ms->accepted = xcalloc(n ? n : 1, sizeof(*ms->accepted));
	ms->minw = xcalloc(n ? n : 1, sizeof(*ms->minw));
	ms->maxw = xcalloc(n ? n : 1, sizeof(*ms->maxw));
	ms->reason = xcalloc(n ? n : 1, sizeof(*ms->reason));
	ms->fingerprint = fingerprint(patterns, n);
	return ms;
}

/* Compiles the accepted expressions; an expression Vectorscan rejects loses its place and
 * the rest is compiled again. The database asks for no CPU feature beyond the baseline, so
 * one stored in a compiled pack serves on any machine of the architecture (and under
 * valgrind, which lacks AVX-512); one built for the host would be refused elsewhere. */
static void
compile_accepted(struct mscan *ms, char **exprs)
{
	const hs_platform_info_t generic = {HS_TUNE_FAMILY_GENERIC, 0, 0, 0};
	const char **v = xcalloc(ms->n ? ms->n : 1, sizeof(*v));
	unsigned *flags = xcalloc(ms->n ? ms->n : 1, sizeof(*flags));
	unsigned *ids = xcalloc(ms->n ? ms->n : 1, sizeof(*ids));
	hs_compile_error_t *err;
	size_t i, k;

	for (;;) {
		for (i = 0, k = 0; i < ms->n; i++)
			if (ms->accepted[i]) {
				v[k] = exprs[i];
				flags[k] = MSCAN_FLAGS;
				ids[k++] = (unsigned)i;
			}
		if (k == 0)
			break;
		err = NULL;
		if (hs_compile_multi(v, flags, ids, (unsigned)k, HS_MODE_BLOCK, &generic, &ms->db,
		    &err) == HS_SUCCESS)
			break;
		ms->db = NULL;
		if (err == NULL || err->expression < 0 || (size_t)err->expression >= k) {
			for (i = 0; i < ms->n; i++)        /* not one expression's fault */
				if (ms->accepted[i]) {
					ms->accepted[i] = false;
					ms->reason[i] = xstrdup(err != NULL ? err->message : "compile failed");
				}
			hs_free_compile_error(err);
			break;
		}
		i = ids[err->expression];
		ms->accepted[i] = false;
		ms->reason[i] = xstrdup(err->message);
		hs_free_compile_error(err);
	}
	free(v);
	free(flags);
	free(ids);
}

/* The expression for pattern, or NULL with *why set when it is none or would not filter;
 * *minw and *maxw receive its widths in bytes (UINT32_MAX: unbounded). */
static char *
expression(const char *pattern, char **why, uint32_t *minw, uint32_t *maxw)
{
	hs_expr_info_t *info = NULL;
	hs_compile_error_t *err = NULL;
	const char *reason;
	bool starts = false;
	char *expr = mscan_expr(pattern, &reason, &starts);

	if (expr == NULL) {
		*why = xstrdup(reason);
		return NULL;
	}
	if (hs_expression_info(expr, MSCAN_FLAGS, &info, &err) != HS_SUCCESS) {
		*why = xstrdup(err != NULL ? err->message : "not accepted");
		hs_free_compile_error(err);
	} else if (info->min_width < MSCAN_MIN_WIDTH) {
		*why = xstrdup("matches nearly everywhere");
	} else {
		/* A match starts at most the pattern's widest reach before the end of the
		 * expression's match inside it, and at most the expression's own widest match
		 * before it when the expression starts where the match does. */
		size_t reach = pattern_max_width(pattern);

		*minw = info->min_width;
		*maxw = UINT32_MAX;
		if (starts && info->max_width < UINT32_MAX)
			*maxw = info->max_width;
		if (reach < PATTERN_WIDTH_UNBOUNDED && reach >= *minw && reach < *maxw)
			*maxw = (uint32_t)reach;
		free(info);
		return expr;
	}
	free(info);         /* hs_expression_info allocates with malloc */
	free(expr);
	return NULL;
}

/* Leaves every pattern to PCRE2 because Vectorscan (named by lib) could not be opened. */
static void
refuse_all(struct mscan *ms, const char *lib)
{
	size_t i, len = strlen(lib) + sizeof(" cannot be opened");

	for (i = 0; i < ms->n; i++) {
		ms->reason[i] = xmalloc(len);
		snprintf(ms->reason[i], len, "%s cannot be opened", lib);
	}
}

struct mscan *
mscan_build(const char *const *patterns, size_t n)
{
	struct mscan *ms = mscan_new(patterns, n);
	char **exprs;
	const char *lib;
	size_t i;

	if (dynload_scan_compiler(&lib) != 0) {
		refuse_all(ms, lib);
		return ms;
	}
	exprs = xcalloc(n ? n : 1, sizeof(*exprs));
	for (i = 0; i < n; i++) {
		exprs[i] = expression(patterns[i], &ms->reason[i], &ms->minw[i], &ms->maxw[i]);
		ms->accepted[i] = exprs[i] != NULL;
	}
	compile_accepted(ms, exprs);
	for (i = 0; i < n; i++)
		free(exprs[i]);
	free(exprs);
	return ms;
}

void
mscan_free(struct mscan *ms)
{
	size_t i;

	if (ms == NULL)
		return;
	mscan_thread_cleanup();     /* its scratch may have been sized for this database */
	if (ms->db != NULL)         /* else Vectorscan may never have been opened */
		hs_free_database(ms->db);
	for (i = 0; i < ms->n; i++)
		free(ms->reason[i]);
	free(ms->reason);
	free(ms->accepted);
	free(ms->minw);
	free(ms->maxw);
	free(ms);
}

size_t
mscan_count(const struct mscan *ms)
{
	return ms->n;
}

bool
mscan_accepted(const struct mscan *ms, size_t i)
{
	return i < ms->n && ms->accepted[i];
}

const char *
mscan_reason(const struct mscan *ms, size_t i)
{
	return i < ms->n ? ms->reason[i] : NULL;
}

/* Appends n bytes to a growing buffer. */
static void
put_bytes(char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	*buf = xgrow(*buf, cap, *len + n, 1);
	memcpy(*buf + *len, p, n);
	*len += n;
}

int
mscan_serialize(const struct mscan *ms, char **bytes, size_t *len)
{
	char *db = NULL, *buf = NULL;
	size_t dblen = 0, n = 0, cap = 0, i;
	uint64_t count = ms->n, size, rlen;
	unsigned char flag;

	if (ms->db != NULL && hs_serialize_database(ms->db, &db, &dblen) != HS_SUCCESS)
		return -1;
	put_bytes(&buf, &n, &cap, MSCAN_MAGIC, 8);
	put_bytes(&buf, &n, &cap, &ms->fingerprint, sizeof(ms->fingerprint));
	put_bytes(&buf, &n, &cap, &count, sizeof(count));
	for (i = 0; i < ms->n; i++) {
		flag = ms->accepted[i];
		rlen = ms->reason[i] != NULL ? strlen(ms->reason[i]) : 0;
		put_bytes(&buf, &n, &cap, &flag, 1);
		put_bytes(&buf, &n, &cap, &rlen, sizeof(rlen));
		if (rlen > 0)
			put_bytes(&buf, &n, &cap, ms->reason[i], rlen);
		put_bytes(&buf, &n, &cap, &ms->minw[i], sizeof(ms->minw[i]));
		put_bytes(&buf, &n, &cap, &ms->maxw[i], sizeof(ms->maxw[i]));
	}
	size = dblen;
	put_bytes(&buf, &n, &cap, &size, sizeof(size));
	if (dblen > 0)
		put_bytes(&buf, &n, &cap, db, dblen);
	free(db);           /* hs_serialize_database allocates with malloc */
	*bytes = buf;
	*len = n;
	return 0;
}

/* A bounds-checked reader over serialised bytes. */
struct reader {
	const char *p;
	size_t left;
	bool bad;
};

static const char *
take(struct reader *r, size_t n)
{
	const char *p = r->p;

	if (r->bad || n > r->left) {
		r->bad = true;
		return NULL;
	}
	r->p += n;
	r->left -= n;
	return p;
}

static uint64_t
take_u64(struct reader *r)
{
	const char *p = take(r, sizeof(uint64_t));
	uint64_t v = 0;

	if (p != NULL)
		memcpy(&v, p, sizeof(v));
	return v;
}

static uint32_t
take_u32(struct reader *r)
{
	const char *p = take(r, sizeof(uint32_t));
	uint32_t v = 0;

	if (p != NULL)
		memcpy(&v, p, sizeof(v));
	return v;
}

/* Reads the per-pattern verdicts and widths into ms; false on malformed bytes. */
static bool
read_verdicts(struct reader *r, struct mscan *ms)
{
	const char *flag, *text;
	uint64_t rlen;
	size_t i;

	for (i = 0; i < ms->n; i++) {
		flag = take(r, 1);
		rlen = take_u64(r);
		if (flag == NULL || r->bad || rlen > r->left)
			return false;
		ms->accepted[i] = *flag == 1;
		if (rlen > 0) {
			text = take(r, (size_t)rlen);
			ms->reason[i] = xstrndup(text, (size_t)rlen);
		}
		ms->minw[i] = take_u32(r);
		ms->maxw[i] = take_u32(r);
		if (r->bad || ms->accepted[i] != (ms->reason[i] == NULL) ||
		    (ms->accepted[i] && ms->minw[i] > ms->maxw[i]))
			return false;
	}
	return true;
}

struct mscan *
mscan_deserialize(const char *bytes, size_t len, const char *const *patterns, size_t n)
{
	struct reader r = {bytes, len, false};
	struct mscan *ms;
	const char *magic = take(&r, 8), *db, *lib;
	uint64_t fp = take_u64(&r), count = take_u64(&r), dblen;
	size_t i, accepted = 0;

	if (dynload_scan_engine(&lib) != 0)
		return NULL;
	ms = mscan_new(patterns, n);
	if (magic == NULL || memcmp(magic, MSCAN_MAGIC, 8) != 0 || r.bad ||
	    fp != ms->fingerprint || count != n || !read_verdicts(&r, ms))
		goto stale;
	dblen = take_u64(&r);
	if (r.bad || dblen != r.left)
		goto stale;
	for (i = 0; i < n; i++)
		accepted += ms->accepted[i];
	if ((dblen == 0) != (accepted == 0))
		goto stale;
	db = take(&r, (size_t)dblen);
	if (dblen > 0 && hs_deserialize_database(db, (size_t)dblen, &ms->db) != HS_SUCCESS) {
		ms->db = NULL;
		goto stale;
	}
	return ms;
stale:
	mscan_free(ms);
	return NULL;
}

bool
mscan_fits(const struct mscan *ms, const char *const *patterns, size_t n)
{
	return ms->n == n && ms->fingerprint == fingerprint(patterns, n);
}

/* Records one end offset of pattern id. */
static int
on_match(unsigned int id, unsigned long long from, unsigned long long to, unsigned int flags,
		void *ctx)
{
	struct mscan_hits *h = ctx;
	struct mscan_ends *e = &h->ends[id];

	(void)from;
	(void)flags;
	e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof(*e->v));
	e->v[e->n++] = (uint32_t)to;
	return 0;
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Puts each pattern's ends in ascending order (Vectorscan mostly reports them so). */
static void
sort_ends(struct mscan_hits *h)
{
	size_t i, k;

	for (i = 0; i < h->ms->n; i++) {
		struct mscan_ends *e = &h->ends[i];

		for (k = 1; k < e->n && e->v[k - 1] <= e->v[k]; k++)
			;
		if (k < e->n)
			qsort(e->v, e->n, sizeof(*e->v), u32_cmp);
	}
}

void
mscan_scan(const struct mscan *ms, const char *text, size_t len, struct mscan_hits *hits)
{
	memset(hits, 0, sizeof(*hits));
	hits->ms = ms;
	hits->text = text;
	hits->len = len;
	if (ms->db == NULL || len > (size_t)(unsigned)-1)
		return;
	if (scratch == NULL || scratch_db != ms->db) {
		if (hs_alloc_scratch(ms->db, &scratch) != HS_SUCCESS)
			return;
		scratch_db = ms->db;
	}
	hits->ends = xcalloc(ms->n, sizeof(*hits->ends));
	if (hs_scan(ms->db, text, (unsigned)len, 0, scratch, on_match, hits) != HS_SUCCESS) {
		mscan_hits_free(hits);
		hits->ms = ms;
		return;
	}
	sort_ends(hits);
}

void
mscan_hits_free(struct mscan_hits *hits)
{
	size_t i;

	if (hits->ends != NULL)
		for (i = 0; i < hits->ms->n; i++)
			free(hits->ends[i].v);
	free(hits->ends);
	memset(hits, 0, sizeof(*hits));
}

/* The index of the first end in e after offset from (e->n when none). */
static size_t
first_end_after(const struct mscan_ends *e, size_t from)
{
	size_t lo = 0, hi = e->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e->v[mid] <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
mscan_may_match(const struct mscan_hits *hits, size_t i, size_t from, size_t end)
{
	const struct mscan_ends *e;
	size_t lo;

	if (hits == NULL || hits->ends == NULL || !mscan_accepted(hits->ms, i) ||
	    end > hits->len)
		return true;
	e = &hits->ends[i];
	lo = first_end_after(e, from);
	return lo < e->n && e->v[lo] <= end;
}

bool
mscan_windows(const struct mscan_hits *hits, size_t i, size_t from, struct mscan_cursor *c)
{
	const struct mscan_ends *e;
	size_t lo;

	if (hits == NULL || hits->ends == NULL || !mscan_accepted(hits->ms, i) ||
	    hits->ms->maxw[i] == UINT32_MAX || hits->ms->minw[i] == 0)
		return false;
	e = &hits->ends[i];
	lo = first_end_after(e, from);
	c->k = lo;
	c->minw = hits->ms->minw[i];
	c->maxw = hits->ms->maxw[i];
	return true;
}

/* The window of starts of a match ending at end offset v: [v - maxw, v - minw], clipped
 * below at from; false when it lies wholly before from. */
static bool
window_of(uint32_t v, const struct mscan_cursor *c, size_t from, size_t *a, size_t *b)
{
	if (v < c->minw || v - c->minw < from)
		return false;
	*b = v - c->minw;
	*a = v < c->maxw || v - c->maxw < from ? from : v - c->maxw;
	return true;
}

bool
mscan_next_window(const struct mscan_hits *hits, size_t i, struct mscan_cursor *c,
		size_t from, size_t end, size_t *a, size_t *b)
{
	const struct mscan_ends *e = &hits->ends[i];
	size_t na, nb;

	for (;;) {                    /* the first end whose window is not empty */
		if (c->k >= e->n || e->v[c->k] > end)
			return false;
		if (window_of(e->v[c->k++], c, from, a, b))
			break;
	}
	while (c->k < e->n && e->v[c->k] <= end && window_of(e->v[c->k], c, from, &na, &nb) &&
	    na <= *b + 1) {            /* windows that touch or overlap join */
		*b = nb;
		c->k++;
	}
	return true;
}

void
mscan_thread_cleanup(void)
{
	if (scratch == NULL)        /* Vectorscan may never have been opened */
		return;
	hs_free_scratch(scratch);
	scratch = NULL;
	scratch_db = NULL;
}
