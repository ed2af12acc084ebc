/* Winnowed fingerprints of problem items, and a notice's issuer, from the document model
 * (never from the raw text). */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "dupnorm.h"
#include "repo/shingle.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* One kept character of a line. */
struct kept {
	uint32_t cp;
	size_t start, end;
	uint32_t col;
};

/* The windows' hashes, mixed so every bit counts (the rolling hash's low bits are weak). */
static uint64_t
mix(uint64_t h)
{
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 27;
	h *= 0x94D049BB133111EBull;
	return h ^ (h >> 31);
}

static void
push(struct shingle_list *out, const struct kept *k, size_t i, uint64_t h, size_t line)
{
	struct shingle *s;

	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	s = &out->v[out->n++];
	s->h = h;
	s->ci = (uint32_t)i;
	s->line = (uint32_t)line;
	s->col = k[i].col;
	s->start = k[i].start;
	s->end = k[i + SHINGLE_K - 1].end;
}

/* Winnows the windows of one line's kept characters k[0, n). */
static void
winnow(struct shingle_list *out, const struct kept *k, size_t n, size_t line)
{
	uint64_t *h, base = 1000003ull, pw = 1, roll = 0;
	size_t nw, i, j, best, last = (size_t)-1;

	if (n < SHINGLE_K)
		return;
	nw = n - SHINGLE_K + 1;
	h = xmalloc(nw * sizeof(*h));
	for (i = 1; i < SHINGLE_K; i++)
		pw *= base;
	for (i = 0; i < n; i++) {
		if (i >= SHINGLE_K)
			roll -= (uint64_t)k[i - SHINGLE_K].cp * pw;
		roll = roll * base + k[i].cp;
		if (i + 1 >= SHINGLE_K)
			h[i + 1 - SHINGLE_K] = mix(roll);
	}
	/* The rightmost smallest hash of each window of SHINGLE_W windows (all of them when
	 * fewer), recorded once. */
	for (i = 0; i + SHINGLE_W <= nw || (i == 0 && nw < SHINGLE_W); i++) {
		size_t end = nw < SHINGLE_W ? nw : i + SHINGLE_W;

		best = i;
		for (j = i; j < end; j++)
			if (h[j] <= h[best])
				best = j;
		if (best != last)
			push(out, k, best, h[best], line);
		last = best;
	}
	free(h);
}

/* Fingerprints of the content of line li. */
static void
shingle_line(const struct doc *doc, size_t li, struct shingle_list *out, struct kept **buf,
    size_t *cap)
{
	const struct span *c = &doc->lines[li].content;
	size_t i = c->start, at, n = 0;
	uint32_t cp, keep;
	uint32_t col = (uint32_t)utf8_count(doc->text + doc->lines[li].span.start,
	    c->start - doc->lines[li].span.start);

	while (i < c->end) {
		at = i;
		cp = utf8_next(doc->text, c->end, &i);
		col++;
		if ((keep = dup_keep_cp(cp)) == 0)
			continue;
		*buf = xgrow(*buf, cap, n + 1, sizeof(**buf));
		(*buf)[n].cp = keep;
		(*buf)[n].start = at;
		(*buf)[n].end = i;
		(*buf)[n].col = col;
		n++;
	}
	winnow(out, *buf, n, li);
}

void
shingle_doc(const struct doc *doc, struct shingle_list *out)
{
	struct kept *buf = NULL;
	size_t cap = 0, i, li, last = 0;
	bool any = false;

	for (i = 0; i < doc->nitems; i++) {
		li = doc->items[i].first_line;
		if (any && li <= last)
			li = last + 1;   /* nested items: each line once */
		for (; li <= doc->items[i].last_line && li < doc->nlines; li++) {
			if (doc->lines[li].kind == LINE_BLANK || doc->lines[li].kind == LINE_BOILERPLATE)
				continue;
			shingle_line(doc, li, out, &buf, &cap);
			last = li;
			any = true;
		}
	}
	free(buf);
}

/* Appends the spans' text without white space. */
static void
put_spans(struct strbuf *b, const char *text, const struct span *v, int n)
{
	size_t i, at;
	uint32_t cp;
	int k;

	for (k = 0; k < n; k++) {
		for (i = v[k].start; i < v[k].end;) {
			at = i;
			cp = utf8_next(text, v[k].end, &i);
			if (!utf8_is_space(cp))
				strbuf_put(b, text + at, i - at);
		}
	}
}

char *
shingle_issuer(const struct doc *doc)
{
	struct strbuf b = {NULL, 0, 0};

	if (doc->signature.nissuers > 0)
		put_spans(&b, doc->text, doc->signature.issuers, doc->signature.nissuers);
	else if (doc->title.nissuers > 0)
		put_spans(&b, doc->text, doc->title.issuers, doc->title.nissuers);
	if (b.n == 0) {
		free(strbuf_take(&b));
		return NULL;
	}
	return strbuf_take(&b);
}

char *
shingle_unit(const char *issuer)
{
	static const char *const heads[] = {"中国共产党", "中共", NULL};
	static const char *const tails[] = {
		"党组织", "党工委", "党总支", "党支部", "委员会", "党组", "党委", NULL
	};
	const char *s = issuer;
	size_t n, k, t;

	for (k = 0; heads[k] != NULL; k++)
		if (strncmp(s, heads[k], strlen(heads[k])) == 0) {
			s += strlen(heads[k]);
			break;
		}
	n = strlen(s);
	for (k = 0; tails[k] != NULL; k++) {
		t = strlen(tails[k]);
		if (n > t && strcmp(s + n - t, tails[k]) == 0) {
			n -= t;
			break;
		}
	}
	if (utf8_count(s, n) < 3)
		return NULL;
	return xstrndup(s, n);
}

void
shingle_list_free(struct shingle_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}
