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
push(struct shingle_list *out, const struct shingle_kept *k, size_t i, uint64_t h, size_t line)
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
winnow(struct shingle_list *out, const struct shingle_kept *k, size_t n, size_t line)
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

/* The kept characters of text[0, len), which starts at byte off after col code points. */
static size_t
kept_chars(const char *text, size_t len, size_t off, uint32_t col, struct shingle_kept **buf,
    size_t *cap)
{
	size_t i = 0, at, n = 0;
	uint32_t cp, keep;

	while (i < len) {
		at = i;
		cp = utf8_next(text, len, &i);
		col++;
		if ((keep = dup_keep_cp(cp)) == 0)
			continue;
		*buf = xgrow(*buf, cap, n + 1, sizeof(**buf));
		(*buf)[n].cp = keep;
		(*buf)[n].start = off + at;
		(*buf)[n].end = off + i;
		(*buf)[n].col = col;
		n++;
	}
	return n;
}

size_t
shingle_kept(const struct shingle_line *l, struct shingle_kept **buf, size_t *cap)
{
	return kept_chars(l->text, l->len, l->off, l->col, buf, cap);
}

const struct shingle_line *
shingle_line_find(const struct shingle_line *v, size_t n, uint32_t li)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (v[mid].line < li)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].line == li ? &v[lo] : NULL;
}

/* Fingerprints of the content of line li; a line that has any keeps its text. */
static void
shingle_line(const struct doc *doc, size_t li, struct shingle_list *out,
    struct shingle_kept **buf, size_t *cap)
{
	const struct span *c = &doc->lines[li].content;
	struct shingle_line l;
	size_t n, before = out->n;

	l.line = (uint32_t)li;
	l.col = (uint32_t)utf8_count(doc->text + doc->lines[li].span.start,
	    c->start - doc->lines[li].span.start);
	l.off = c->start;
	l.len = c->end - c->start;
	n = kept_chars(doc->text + c->start, l.len, l.off, l.col, buf, cap);
	winnow(out, *buf, n, li);
	if (out->n == before)
		return;
	out->lines = xgrow(out->lines, &out->lcap, out->nlines + 1, sizeof(*out->lines));
	l.text = xstrndup(doc->text + c->start, l.len);
	out->lines[out->nlines++] = l;
}

void
shingle_doc(const struct doc *doc, struct shingle_list *out)
{
	struct shingle_kept *buf = NULL;
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
	size_t i;

	for (i = 0; i < l->nlines; i++)
		free(l->lines[i].text);
	free(l->lines);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
