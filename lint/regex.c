/* PCRE2 wrapper: compiles rule patterns once (UTF, UCP; JIT on first use when available),
 * skips text that the run's multi-pattern prefilter or a pattern's required literal rules
 * out, and matches under the resource limits of limits.h with one match-data block per
 * thread. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "limits.h"
#include "mscan.h"
#include "regex.h"
#include "regex_lit.h"
#include "xalloc.h"

struct regex {
	pcre2_code *code;
	char *source;
	struct regex_lit lit;   /* text every match contains, if the pattern shows one */
	atomic_bool *jitted;    /* JIT compilation was tried (it happens on first use, so
	                         * this state lives outside the otherwise constant struct) */
	size_t scan_id;         /* index in the run's prefilter, or REGEX_NO_SCAN_ID */
	bool nonempty;          /* every match consumes a character (PCRE2's minimum length):
	                         * only then can the prefilter's end offsets rule a search out */
	bool windowed;          /* compiled for an offset limit and free of \\G: the search
	                         * may run window by window (find_in_windows) */
};

/* Serialises the first-use JIT compilation of patterns shared by worker threads. */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

/* Shared by every pattern; created with the first pattern, read-only while matching. */
static pcre2_match_context *match_ctx;
static atomic_size_t live_patterns;

/* Matching allocates nothing: each thread keeps one block large enough for every group. */
static _Thread_local pcre2_match_data *thread_md;
/* The calling thread's copy of match_ctx, whose offset limit find_in_windows sets. */
static _Thread_local pcre2_match_context *thread_limit_ctx;

/* The prefilter's findings for the text the calling thread is linting, or NULL. */
static _Thread_local const struct mscan_hits *bound_hits;

static pcre2_match_context *
shared_match_context(void)
{
	if (match_ctx == NULL) {
		match_ctx = pcre2_match_context_create(NULL);
		if (match_ctx == NULL)
			return NULL;
		pcre2_set_match_limit(match_ctx, NL_PCRE2_MATCH_LIMIT);
		pcre2_set_depth_limit(match_ctx, NL_PCRE2_DEPTH_LIMIT);
		pcre2_set_heap_limit(match_ctx, NL_PCRE2_HEAP_LIMIT_KIB);
	}
	return match_ctx;
}

static char *
error_text(int code)
{
	PCRE2_UCHAR buf[256];

	if (pcre2_get_error_message(code, buf, sizeof(buf)) < 0)
		return xstrdup("unknown PCRE2 error");
	return xstrdup((const char *)buf);
}

/* The options every rule pattern is compiled with. \C could split a code point and break
 * the no-UTF-check matching contract; an offset limit lets a search stop trying starts
 * past the prefilter's window. */
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | PCRE2_USE_OFFSET_LIMIT)

/* True when pattern contains \G, whose meaning depends on where a search starts. */
static bool
has_start_anchor(const char *pattern)
{
	const char *p;

	for (p = pattern; *p != '\0'; p++) {
		if (*p != '\\')
			continue;
		p++;                       /* the escaped character */
		if (*p == 'G')
			return true;
		if (*p == '\0')
			break;
	}
	return false;
}

struct regex *
regex_adopt(void *compiled, const char *pattern)
{
	pcre2_code *code = compiled;
	struct regex *re;
	uint32_t minlength = 0, options = 0;

	if (shared_match_context() == NULL) {
		pcre2_code_free(code);
		return NULL;
	}
	re = xmalloc(sizeof(*re));
	re->jitted = xmalloc(sizeof(*re->jitted));
	atomic_init(re->jitted, false);
	re->code = code;
	re->source = xstrdup(pattern);
	re->scan_id = REGEX_NO_SCAN_ID;
	re->nonempty = pcre2_pattern_info(code, PCRE2_INFO_MINLENGTH, &minlength) == 0 &&
	    minlength > 0;
	re->windowed = pcre2_pattern_info(code, PCRE2_INFO_ARGOPTIONS, &options) == 0 &&
	    (options & PCRE2_USE_OFFSET_LIMIT) != 0 && !has_start_anchor(pattern);
	(void)regex_lit_analyse(pattern, &re->lit);
	atomic_fetch_add(&live_patterns, 1);
	return re;
}

struct regex *
regex_compile(const char *pattern, char **err, size_t *erroff)
{
	struct regex *re;
	pcre2_code *code;
	PCRE2_SIZE off = 0;
	int code_err = 0;

	*err = NULL;
	*erroff = 0;
	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, COMPILE_OPTIONS,
	    &code_err, &off, NULL);
	if (code == NULL) {
		*err = error_text(code_err);
		*erroff = off;
		return NULL;
	}
	if ((re = regex_adopt(code, pattern)) == NULL)
		*err = xstrdup("out of memory");
	return re;
}

const void *
regex_code(const struct regex *re)
{
	return re->code;
}

void
regex_thread_cleanup(void)
{
	pcre2_match_data_free(thread_md);
	thread_md = NULL;
	pcre2_match_context_free(thread_limit_ctx);
	thread_limit_ctx = NULL;
}

void
regex_free(struct regex *re)
{
	if (re == NULL)
		return;
	pcre2_code_free(re->code);
	free(re->jitted);
	free(re->source);
	free(re);
	if (atomic_fetch_sub(&live_patterns, 1) == 1) {
		regex_thread_cleanup();
		pcre2_match_context_free(match_ctx);
		match_ctx = NULL;
	}
}

const char *
regex_source(const struct regex *re)
{
	return re->source;
}

void
regex_set_scan_id(struct regex *re, size_t id)
{
	re->scan_id = re->nonempty ? id : REGEX_NO_SCAN_ID;
}

size_t
regex_scan_id(const struct regex *re)
{
	return re->scan_id;
}

void
regex_bind_hits(const struct mscan_hits *hits)
{
	bound_hits = hits;
}

static void
fill_match(struct regex_match *m, const PCRE2_SIZE *ov, int pairs)
{
	int i;

	m->start = ov[0];
	m->end = ov[1];
	m->ngroups = 0;
	for (i = 0; i < REGEX_MAX_GROUPS; i++) {
		m->gstart[i] = (size_t)-1;
		m->gend[i] = (size_t)-1;
	}
	for (i = 1; i < pairs && i < REGEX_MAX_GROUPS; i++) {
		if (ov[2 * i] == PCRE2_UNSET)
			continue;
		m->gstart[i] = ov[2 * i];
		m->gend[i] = ov[2 * i + 1];
		m->ngroups = i;
	}
}

/* JIT-compiles re before its first match: a pattern whose literal never occurs in the
 * input never pays for it. Without JIT support the interpreter runs the same pattern,
 * only slower. No thread matches re before this returns. */
static void
ensure_jit(const struct regex *re)
{
	if (atomic_load_explicit(re->jitted, memory_order_acquire))
		return;
	pthread_mutex_lock(&jit_lock);
	if (!atomic_load_explicit(re->jitted, memory_order_relaxed)) {
		(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
		atomic_store_explicit(re->jitted, true, memory_order_release);
	}
	pthread_mutex_unlock(&jit_lock);
}

/* The match block of the calling thread, created on first use. */
static pcre2_match_data *
match_data(void)
{
	if (thread_md == NULL)
		thread_md = pcre2_match_data_create(REGEX_MAX_GROUPS, NULL);
	return thread_md;
}

/* Runs the pattern from byte at with the given options and match context and fills m:
 * 1, 0 or -1 as regex_find. */
static int
match_in(const struct regex *re, const char *text, size_t at, size_t end, uint32_t options,
		pcre2_match_context *ctx, struct regex_match *m)
{
	pcre2_match_data *md = match_data();
	int rc;

	if (md == NULL || ctx == NULL)
		return -1;
	/* PCRE2 runs an anchored match in its interpreter even when JIT code exists: a
	 * pattern searched only near its literal (find_near_literal) never needs the JIT. */
	if ((options & PCRE2_ANCHORED) == 0)
		ensure_jit(re);
	rc = pcre2_match(re->code, (PCRE2_SPTR)text, end, at, PCRE2_NO_UTF_CHECK | options, md,
	    ctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	/* rc == 0: more groups than the block holds; the first REGEX_MAX_GROUPS are set. */
	fill_match(m, pcre2_get_ovector_pointer(md), rc == 0 ? REGEX_MAX_GROUPS : rc);
	return 1;
}

/* match_in under the shared limits. */
static int
match_at(const struct regex *re, const char *text, size_t at, size_t end, uint32_t options,
		struct regex_match *m)
{
	return match_in(re, text, at, end, options, match_ctx, m);
}

static bool
is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* The search of a pattern the prefilter bounds (mscan_windows): a match starts in one of
 * the windows the prefilter's end offsets and the expression's widths give, so PCRE2
 * searches each window in turn, from its first character with the offset limit at its
 * last. The first window that holds a match holds the leftmost one, the match an
 * unbounded search from from finds. */
static int
find_in_windows(const struct regex *re, const char *text, size_t from, size_t end,
		struct mscan_cursor *c, struct regex_match *m)
{
	size_t a, b;
	int rc;

	if (thread_limit_ctx == NULL &&
	    (thread_limit_ctx = pcre2_match_context_copy(match_ctx)) == NULL)
		return -1;
	while (mscan_next_window(bound_hits, re->scan_id, c, from, end, &a, &b)) {
		while (a > from && is_continuation(text[a]))
			a--;
		pcre2_set_offset_limit(thread_limit_ctx, b);
		if ((rc = match_in(re, text, a, end, 0, thread_limit_ctx, m)) != 0)
			return rc;
	}
	return 0;
}

/* The search for a pattern whose required literal starts at most max_prefix bytes after
 * the match does: every match starts within max_prefix bytes before an occurrence of the
 * literal, so only those starts are tried, anchored, in increasing order. The first that
 * matches is the leftmost match, the one an unanchored search finds. */
static int
find_near_literal(const struct regex *re, const char *text, size_t from, size_t end,
		struct regex_match *m)
{
	size_t next = from, at, hit;
	const char *p;
	int rc;

	while (next <= end && (p = regex_lit_find(&re->lit, text + next, end - next)) != NULL) {
		hit = (size_t)(p - text);
		at = hit - next > re->lit.max_prefix ? hit - re->lit.max_prefix : next;
		while (at < hit && is_continuation(text[at]))
			at++;
		for (; at <= hit; at++) {
			if (is_continuation(text[at]))
				continue;
			if ((rc = match_at(re, text, at, end, PCRE2_ANCHORED, m)) != 0)
				return rc;
		}
		next = hit + 1;
	}
	return 0;
}

int
regex_find(const struct regex *re, const char *text, size_t from, size_t end,
		struct regex_match *m)
{
	const char *hit;
	struct mscan_cursor c;

	if (from > end)
		return 0;
	if (re->scan_id != REGEX_NO_SCAN_ID && bound_hits != NULL && bound_hits->text == text) {
		if (!mscan_may_match(bound_hits, re->scan_id, from, end))
			return 0;
		if (re->windowed && end <= bound_hits->len &&
		    mscan_windows(bound_hits, re->scan_id, from, &c))
			return find_in_windows(re, text, from, end, &c, m);
	}
	if (re->lit.len == 0)
		return match_at(re, text, from, end, 0, m);
	/* Anchored tries run in PCRE2's interpreter, not the JIT: worth it only when the
	 * pattern starts with something the JIT cannot search for quickly. */
	if (re->lit.max_prefix != REGEX_LIT_UNBOUNDED && re->lit.max_prefix > 0)
		return find_near_literal(re, text, from, end, m);
	hit = regex_lit_find(&re->lit, text + from, end - from);
	if (hit == NULL)
		return 0;
	/* A match starts at the literal, or (no bound) anywhere before it. */
	if (re->lit.max_prefix == 0)
		from = (size_t)(hit - text);
	return match_at(re, text, from, end, 0, m);
}
