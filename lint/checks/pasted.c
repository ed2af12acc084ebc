/* Check type `pasted`: a passage of min_chars or more characters that recurs word for word
 * in another problem item, even when the rest of that item differs. The item texts are
 * walked sentence by sentence three times, keeping no per-character array of the whole
 * text: a Bloom filter of every window of min_chars normalised characters picks the texts
 * that may occur twice, a table of those texts alone records where each first occurs and
 * in how many items, and the sentences holding such texts are read once more to report. Linear in the text, and the memory it
 * holds is a few bits per character plus the repeated windows (adjacent ones share their
 * code points). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "dupnorm.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* The texts of an item are its statement and the values of its fields of the listed kinds;
 * windows never cross a sentence end or include a book title's content (a document adopted
 * for several problems is no paste). A passage found in more than max_copies items is a
 * standard formula; one that covers `covered` or more of its sentence is left to the
 * near-duplicate rules, which judge whole sentences and statements. */
struct ps_params {
	long min_chars;
	long max_copies;
	double covered;
	unsigned fields;      /* bit (1 << enum field_kind) per field kind compared */
	bool statements;
};

static int
ps_parse(struct rule *r, struct rparam *rp)
{
	struct ps_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	p->min_chars = 30;
	p->max_copies = 2;
	p->covered = 0.8;
	p->statements = true;
	if (rp_int(rp, "min_chars", false, 8, 10000, &p->min_chars) != 0 ||
	    rp_int(rp, "max_copies", false, 2, 1000000, &p->max_copies) != 0 ||
	    rp_double(rp, "covered", false, 0.1, 1.0, &p->covered) != 0 ||
	    rp_bool(rp, "statements", false, &p->statements) != 0 ||
	    dup_parse_fields(rp, &p->fields) != 0)
		rc = -1;
	if (rc == 0 && r->scope != SCOPE_ITEM) {
		rp_error(rp, NULL, "pasted 只比较问题条目（scope must be item）");
		rc = -1;
	}
	return rc;
}

static void
ps_free(void *params)
{
	free(params);
}

/* One compared text: [start, end) of doc->text, from item group. */
struct ps_span {
	size_t start, end;
	int group;
};

/* One sentence of a text, normalised: its code points with their byte spans. */
struct ps_sent {
	uint32_t *cp;
	size_t *start, *end;
	size_t n, cap;
	size_t span;          /* index of the text it belongs to */
};

/* Where a sentence starts: its text, byte offset and the book titles open there. */
struct ps_mark {
	size_t span, pos;
	int title;
};

/* A text that more than one window may hold. */
struct ps_entry {
	uint64_t hash;
	size_t cps;           /* its code points: pool[cps, cps + min_chars) */
	size_t first_start;   /* byte offset of its first window */
	size_t first_span;    /* the text that window is in */
	int first_group, last_group;
	long ngroups;         /* items holding it, counted up to max_copies + 1 */
};

/* State of one run. */
struct ps_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct ps_params *p;
	size_t w;
	struct ps_span *spans;
	size_t nspans, spancap;
	size_t total;         /* normalised code points and breaks of all texts */
	uint64_t *bloom;      /* windows seen: a Bloom filter of bloom_bits bits */
	size_t bloom_bits;
	uint32_t *tab;        /* open addressing: entry index + 1, 0 for empty */
	size_t cap;
	struct ps_entry *e;
	size_t ne, ecap;
	uint32_t *pool;
	size_t npool, poolcap;
	size_t sent;          /* sentences read by the walk so far */
	size_t tail_sent, tail_i;  /* the window whose code points end the pool (sentence
	                              number and position), so that the next one shares them */
	struct ps_sent s;
	bool hit;             /* the sentence being counted holds a kept text */
	struct ps_mark *marks;  /* the sentences that do, for the last walk */
	size_t nmarks, markcap;
};

/* True for a code point that ends a sentence. */
static bool
sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F || cp == ';' ||
	    cp == '!' || cp == '?' || cp == '\n';
}

static void
add_span(struct ps_run *run, size_t a, size_t b, int group)
{
	struct ps_span *sp;

	run->spans = xgrow(run->spans, &run->spancap, run->nspans + 1, sizeof(*run->spans));
	sp = &run->spans[run->nspans++];
	sp->start = a;
	sp->end = b;
	sp->group = group;
}

static void
sent_push(struct ps_sent *s, uint32_t cp, size_t start, size_t end)
{
	if (s->n == s->cap) {
		size_t c = s->cap;

		s->cp = xgrow(s->cp, &c, s->n + 1, sizeof(*s->cp));
		c = s->cap;
		s->start = xgrow(s->start, &c, s->n + 1, sizeof(*s->start));
		s->end = xgrow(s->end, &s->cap, s->n + 1, sizeof(*s->end));
	}
	s->cp[s->n] = cp;
	s->start[s->n] = start;
	s->end[s->n] = end;
	s->n++;
}

/* Reads one sentence of text k into run->s: the normalised code points from byte *pos (with
 * *title book titles open there) up to a break (a sentence end or an opening 《, read past)
 * or the end of the text. Returns false when the text ended. */
static bool
read_sentence(struct ps_run *run, size_t k, size_t *pos, int *title)
{
	const char *t = run->c->doc->text;
	size_t a = *pos, b = run->spans[k].end;
	bool more = false;

	run->s.n = 0;
	run->s.span = k;
	while (a < b) {
		size_t at = a;
		uint32_t cp = utf8_next(t, b, &a), keep = cp;

		/* A character of the CJK Unified Ideographs block breaks nothing and is kept. */
		if (cp < 0x4E00 || cp > 0x9FFF) {
			if (cp == 0x300A)
				(*title)++;
			else if (cp == 0x300B && *title > 0)
				(*title)--;
			if (sentence_end(cp) || cp == 0x300A) {
				more = true;
				break;
			}
			keep = dup_keep_cp(cp);
		}
		if (*title > 0 || keep == 0)
			continue;
		sent_push(&run->s, keep, at, a);
	}
	*pos = a;
	return more;
}

/* Calls fn for every sentence (run of normalised code points between breaks: a sentence
 * end, an opening 《, the end of a text) of at least min_chars code points, with where it
 * starts. Counts the code points and breaks into run->total. */
static void
each_sentence(struct ps_run *run,
    void (*fn)(struct ps_run *run, const struct ps_sent *s, const struct ps_mark *m))
{
	size_t k;

	run->total = 0;
	for (k = 0; k < run->nspans; k++) {
		struct ps_mark m = {k, run->spans[k].start, 0};
		size_t pos = m.pos;
		int title = 0;
		bool more;

		do {
			more = read_sentence(run, k, &pos, &title);
			run->sent++;
			run->total += run->s.n + 1;
			if (run->s.n >= run->w)
				fn(run, &run->s, &m);
			m.pos = pos;
			m.title = title;
		} while (more);
	}
}

/* Calls fn for every window of sentence s with its position and hash. */
static void
each_window(struct ps_run *run, const struct ps_sent *s,
    void (*fn)(struct ps_run *run, const struct ps_sent *s, size_t i, uint64_t h))
{
	size_t w = run->w, i;
	uint64_t h = 0, pw = 1, base = 1000003ull;

	for (i = 1; i < w; i++)
		pw *= base;
	for (i = 0; i < s->n; i++) {
		if (i >= w)
			h -= (uint64_t)s->cp[i - w] * pw;
		h = h * base + s->cp[i];
		if (i + 1 >= w)
			fn(run, s, i + 1 - w, hash64_mix(h));
	}
}

/* The entry holding the window of s at i (hash h), or NULL. */
static struct ps_entry *
find(struct ps_run *run, const struct ps_sent *s, size_t i, uint64_t h)
{
	size_t j;

	if (run->cap == 0)
		return NULL;
	for (j = (size_t)h & (run->cap - 1); run->tab[j] != 0; j = (j + 1) & (run->cap - 1)) {
		struct ps_entry *e = &run->e[run->tab[j] - 1];

		if (e->hash == h && memcmp(run->pool + e->cps, s->cp + i,
		    run->w * sizeof(*s->cp)) == 0)
			return e;
	}
	return NULL;
}

/* Puts entry index x (hash h) into the table. */
static void
place(struct ps_run *run, uint64_t h, size_t x)
{
	size_t j;

	for (j = (size_t)h & (run->cap - 1); run->tab[j] != 0; j = (j + 1) & (run->cap - 1))
		;
	run->tab[j] = (uint32_t)(x + 1);
}

/* Adds the window of s at i (hash h) to the table unless it is there. */
static void
add_entry(struct ps_run *run, const struct ps_sent *s, size_t i, uint64_t h)
{
	struct ps_entry *e;
	size_t x;

	if (find(run, s, i, h) != NULL)
		return;
	if (2 * (run->ne + 1) > run->cap) {
		size_t cap = run->cap ? 2 * run->cap : 1024;

		free(run->tab);
		run->tab = xcalloc(cap, sizeof(*run->tab));
		run->cap = cap;
		for (x = 0; x < run->ne; x++)
			place(run, run->e[x].hash, x);
	}
	run->e = xgrow(run->e, &run->ecap, run->ne + 1, sizeof(*run->e));
	e = &run->e[run->ne];
	memset(e, 0, sizeof(*e));
	e->hash = h;
	/* A window next to the one the pool ends with (a passage kept window by window)
	 * shares its code points: one more is appended. */
	if (run->npool > 0 && run->tail_sent == run->sent && run->tail_i + 1 == i) {
		run->pool = xgrow(run->pool, &run->poolcap, run->npool + 1, sizeof(*run->pool));
		run->pool[run->npool++] = s->cp[i + run->w - 1];
	} else {
		run->pool = xgrow(run->pool, &run->poolcap, run->npool + run->w, sizeof(*run->pool));
		memcpy(run->pool + run->npool, s->cp + i, run->w * sizeof(*s->cp));
		run->npool += run->w;
	}
	e->cps = run->npool - run->w;
	run->tail_sent = run->sent;
	run->tail_i = i;
	place(run, h, run->ne++);
}

/* First walk: a window the filter has seen already may repeat; its text is kept. Four bits
 * of the filter per window, from the two halves of the hash. */
static void
filter_window(struct ps_run *run, const struct ps_sent *s, size_t i, uint64_t h)
{
	uint64_t a = h & 0xFFFFFFFFu, b = (h >> 32) | 1;
	size_t k, bit;
	bool seen = true;

	for (k = 0; k < 4; k++) {
		bit = (size_t)(((uint64_t)(uint32_t)(a + k * b) * run->bloom_bits) >> 32);
		if ((run->bloom[bit / 64] & (1ull << (bit % 64))) == 0) {
			seen = false;
			run->bloom[bit / 64] |= 1ull << (bit % 64);
		}
	}
	if (seen)
		add_entry(run, s, i, h);
}

static void
filter_sentence(struct ps_run *run, const struct ps_sent *s, const struct ps_mark *m)
{
	(void)m;
	each_window(run, s, filter_window);
}

/* Second walk: where each kept text first occurs and how many items hold it. */
static void
count_window(struct ps_run *run, const struct ps_sent *s, size_t i, uint64_t h)
{
	struct ps_entry *e = find(run, s, i, h);
	int group = run->spans[s->span].group;

	if (e == NULL)
		return;
	run->hit = true;
	if (e->ngroups == 0) {
		e->first_start = s->start[i];
		e->first_span = s->span;
		e->first_group = group;
	}
	if ((e->ngroups == 0 || e->last_group != group) && e->ngroups <= run->p->max_copies) {
		e->ngroups++;
		e->last_group = group;
	}
}

/* Counts the windows of s; a sentence holding a kept text is marked for the last walk. */
static void
count_sentence(struct ps_run *run, const struct ps_sent *s, const struct ps_mark *m)
{
	run->hit = false;
	each_window(run, s, count_window);
	if (run->hit) {
		run->marks = xgrow(run->marks, &run->markcap, run->nmarks + 1, sizeof(*run->marks));
		run->marks[run->nmarks++] = *m;
	}
}

/* The entry of the window of s at i when it repeats text of an earlier item that few items
 * share, else NULL. */
static const struct ps_entry *
pasted_at(struct ps_run *run, const struct ps_sent *s, size_t i, uint64_t h)
{
	const struct ps_entry *e = find(run, s, i, h);

	if (e == NULL || e->first_group == run->spans[s->span].group ||
	    e->ngroups > run->p->max_copies)
		return NULL;
	return e;
}

/* Reports the passage of windows [p, q] of s (text [p, q + w)) whose first window first
 * occurs at e. */
static void
report(struct ps_run *run, const struct ps_sent *s, const struct ps_entry *e, size_t p,
    size_t q)
{
	const struct doc *doc = run->c->doc;
	const struct ps_span *fs = &run->spans[e->first_span];
	size_t w = run->w, len = q + w - p, flen = 0, a = e->first_start, fend = a;
	char line[32], chars[32];
	struct diag *d;

	if ((double)len >= run->p->covered * (double)s->n)
		return;
	/* The first occurrence as far as it runs alike, decoded again from the text: its
	 * window holds no break, so no book title is open there. */
	while (a < fs->end && flen < len) {
		uint32_t cp = utf8_next(doc->text, fs->end, &a), keep;

		if (sentence_end(cp) || cp == 0x300A)
			break;
		if ((keep = dup_keep_fast(cp)) == 0)
			continue;
		if (flen >= w && keep != s->cp[p + flen])
			break;
		flen++;
		fend = a;
	}
	(void)snprintf(line, sizeof(line), "%zu", linemap_line_index(&doc->lines_map,
	    e->first_start) + 1);
	(void)snprintf(chars, sizeof(chars), "%zu", len);
	d = diag_add(run->c->out, run->r, s->start[p], s->end[q + w - 1], "line", line,
	    "chars", chars, (const char *)NULL);
	diag_note(run->c->out, d, e->first_start, fend, "首次出现于此",
	    "first occurrence here", (const char *)NULL);
}

/* Third walk: reports each run of pasted windows. */
static void
report_sentence(struct ps_run *run, const struct ps_sent *s)
{
	size_t w = run->w, i, nwin = s->n + 1 - w, k, p = 0;
	uint64_t h = 0, pw = 1, base = 1000003ull;
	const struct ps_entry *e, *first = NULL;

	for (k = 1; k < w; k++)
		pw *= base;
	for (k = 0; k + 1 < w; k++)
		h = h * base + s->cp[k];
	for (i = 0; i < nwin; i++) {
		if (i > 0)
			h -= (uint64_t)s->cp[i - 1] * pw;
		h = h * base + s->cp[i + w - 1];
		e = pasted_at(run, s, i, hash64_mix(h));
		if (e != NULL && first == NULL) {
			first = e;
			p = i;
		}
		if (first != NULL && e == NULL) {
			report(run, s, first, p, i - 1);
			first = NULL;
		}
	}
	if (first != NULL)
		report(run, s, first, p, nwin - 1);
}

static void
ps_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	struct ps_run run;
	size_t i, k, bytes = 0;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.p = r->params;
	run.w = (size_t)run.p->min_chars;
	for (i = 0; i < doc->nitems; i++) {
		const struct item *it = &doc->items[i];

		if (run.p->statements)
			add_span(&run, dup_skip_lead(doc->text, it->statement.start,
			    it->statement.end), it->statement.end, (int)i);
		for (k = it->first_field; k < it->first_field + it->nfields && k < doc->nfields;
		    k++)
			if (run.p->fields & (1u << doc->fields[k].kind))
				add_span(&run, doc->fields[k].value.start,
				    doc->fields[k].value.end, (int)i);
	}
	for (i = 0; i < run.nspans; i++)
		bytes += run.spans[i].end - run.spans[i].start;
	if (doc->nitems > 1 && bytes > 0) {
		/* 16 bits per window of Chinese text (three bytes a character), no more: a bit
		 * is picked by scaling 32 bits of the hash to the filter's length. */
		run.bloom_bits = (16 * (bytes / 3 + 1) + 63) / 64 * 64;
		if ((uint64_t)run.bloom_bits > UINT32_MAX - 63u)
			run.bloom_bits = (size_t)(UINT32_MAX - 63u) / 64 * 64;
		run.bloom = xcalloc(run.bloom_bits / 64, sizeof(*run.bloom));
		each_sentence(&run, filter_sentence);
		free(run.bloom);
		run.bloom = NULL;
		if (run.total > run.w && run.ne > 0) {
			each_sentence(&run, count_sentence);
			for (i = 0; i < run.nmarks; i++) {
				size_t pos = run.marks[i].pos;
				int title = run.marks[i].title;

				(void)read_sentence(&run, run.marks[i].span, &pos, &title);
				report_sentence(&run, &run.s);
			}
		}
	}
	free(run.spans);
	free(run.marks);
	free(run.tab);
	free(run.e);
	free(run.pool);
	free(run.s.cp);
	free(run.s.start);
	free(run.s.end);
}

const struct check_type chk_pasted = {
	"pasted",
	"reports a passage of 30 or more characters that recurs word for word in another "
	"problem item",
	ps_parse,
	ps_run,
	ps_free,
	"报告在另一个问题条目中逐字出现的 30 字以上段落",
};
