/* Check type `duplicate`: near-duplicate problem statements (scope item) or measure
 * sentences (scope field) in different problem items. Texts are normalised and cut into
 * hashed character n-gram shingles; candidate pairs come from shared shingles through a
 * posting list per shingle capped at bucket_cap, so the cost grows linearly with the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "dupnorm.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

struct dup_params {
	long ngram;           /* shingle length in characters */
	double threshold;     /* shared shingles over the smaller unit's shingle count */
	long min_chars;       /* units shorter than this after normalising are ignored */
	long bucket_cap;      /* units remembered per shingle */
	long max_copies;      /* a text found in more units is a formula (0: no limit) */
	unsigned fields;      /* bit (1 << enum field_kind) per field kind compared */
	struct regex **skip;  /* sentences starting with a match are not compared */
	size_t nskip;
};

/* One compared text: a problem statement or one sentence of a field value. */
struct unit {
	struct span span;
	int group;            /* item index; units of one item are never compared */
	size_t nsh;           /* its distinct shingles */
	int first;            /* earliest earlier unit it repeats, or -1 */
	int percent;          /* similarity to first */
	int parent, size;     /* union-find over repeats */
};

/* A shingle's posting list in the hash table. */
struct slot {
	uint64_t key;
	int head;             /* first posting, -1 for none */
	int count;            /* postings */
	int seen;             /* 1 + the last unit that has this shingle */
};

struct posting {
	int unit;
	int group;            /* the unit's group, kept here for the walk over a list */
	int next;
};

struct dup_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct dup_params *p;
	struct unit *u;
	size_t nu, ucap;
	uint64_t *sh;         /* scratch: one unit's distinct shingle hashes */
	size_t shcap;
	uint32_t *cps;        /* scratch: one unit's normalised code points */
	size_t cpcap;
};

static void
dup_free(void *params)
{
	struct dup_params *p = params;
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nskip; i++)
		regex_free(p->skip[i]);
	free(p->skip);
	free(p);
}

static int
dup_parse(struct rule *r, struct rparam *rp)
{
	struct dup_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	p->ngram = 3;
	p->threshold = 0.8;
	p->min_chars = 30;
	p->bucket_cap = 32;
	if (rp_int(rp, "ngram", false, 2, 8, &p->ngram) != 0)
		rc = -1;
	if (rp_double(rp, "threshold", false, 0.1, 1.0, &p->threshold) != 0)
		rc = -1;
	if (rp_int(rp, "min_chars", false, 2, 100000, &p->min_chars) != 0)
		rc = -1;
	if (rp_int(rp, "bucket_cap", false, 1, 4096, &p->bucket_cap) != 0)
		rc = -1;
	if (rp_int(rp, "max_copies", false, 0, 1000000, &p->max_copies) != 0)
		rc = -1;
	if (rp_regexes(rp, "skip", false, &p->skip, &p->nskip) != 0)
		rc = -1;
	if (dup_parse_fields(rp, &p->fields) != 0)
		rc = -1;
	if (rc == 0 && r->scope != SCOPE_ITEM && r->scope != SCOPE_FIELD) {
		rp_error(rp, NULL, "duplicate 只比较 scope item（问题描述）或 scope field（整改措施）"
		    "（scope must be item or field）");
		rc = -1;
	}
	if (rc == 0 && p->min_chars < p->ngram) {
		rp_error(rp, "min_chars", "min_chars 不能小于 ngram（min_chars must be at least "
		    "ngram）");
		rc = -1;
	}
	return rc;
}

static void
add_unit(struct dup_run *run, size_t start, size_t end, int group)
{
	struct unit *u;

	run->u = xgrow(run->u, &run->ucap, run->nu + 1, sizeof(*run->u));
	u = &run->u[run->nu++];
	memset(u, 0, sizeof(*u));
	u->span.start = start;
	u->span.end = end;
	u->group = group;
	u->first = -1;
}

/* True when a skip pattern matches at the very start of [start, end). */
static bool
skipped(struct dup_run *run, size_t start, size_t end)
{
	struct regex_match m;
	size_t i;
	int rc;

	for (i = 0; i < run->p->nskip; i++) {
		rc = regex_find(run->p->skip[i], run->c->doc->text, start, end, &m);
		if (rc < 0)
			check_regex_limit(run->c, run->r, start);
		if (rc == 1 && m.start == start)
			return true;
	}
	return false;
}

/* The bytes a sentence end begins with: ;!? and a line end, 0xE3 (。) and 0xEF (；！？). */
static const bool sentence_end_byte[256] = {
	[';'] = true, ['!'] = true, ['?'] = true, ['\n'] = true, [0xE3] = true, [0xEF] = true,
};

/* Byte length of the sentence end (。；;！？!? or a line end) at t[i, end), or 0. A byte
 * below 0x80 or from 0xC0 up always begins a character, so the bytes alone tell. */
static size_t
sentence_end_at(const char *t, size_t i, size_t end)
{
	const unsigned char *b = (const unsigned char *)t + i;

	if (!sentence_end_byte[b[0]])
		return 0;
	if (b[0] < 0x80)
		return 1;
	if (end - i < 3)
		return 0;
	if (b[0] == 0xE3 && b[1] == 0x80 && b[2] == 0x82)
		return 3;
	if (b[0] == 0xEF && b[1] == 0xBC && (b[2] == 0x9B || b[2] == 0x81 || b[2] == 0x9F))
		return 3;
	return 0;
}

/* True when v has a zero byte. */
static bool
has_zero_byte(uint64_t v)
{
	return ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull) != 0;
}

/* Offset of the first byte in t[i, end) that may begin a sentence end, or end; eight bytes
 * at a time while all are 0x80 or above and none is 0xE3 or 0xEF. */
static size_t
next_end_byte(const char *t, size_t i, size_t end)
{
	uint64_t w;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, t + i, 8);
		if ((w & 0x8080808080808080ull) != 0x8080808080808080ull ||
		    has_zero_byte(w ^ 0xE3E3E3E3E3E3E3E3ull) ||
		    has_zero_byte(w ^ 0xEFEFEFEFEFEFEFEFull))
			break;
	}
	while (i < end && !sentence_end_byte[(unsigned char)t[i]])
		i++;
	return i;
}

/* Adds each sentence of a field value as a unit. */
static void
add_sentences(struct dup_run *run, struct span v, int group)
{
	const char *t = run->c->doc->text;
	size_t i = v.start, s = v.start, n, a, b;

	for (;;) {
		while ((i = next_end_byte(t, i, v.end)) < v.end &&
		    (n = sentence_end_at(t, i, v.end)) == 0)
			i++;
		if (i >= v.end)
			n = 0;
		a = dup_skip_lead(t, s, i);
		b = i;
		while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t'))
			b--;
		if (b > a && !skipped(run, a, b))
			add_unit(run, a, b, group);
		if (i >= v.end)
			break;
		i += n;
		s = i;
	}
}

static void
collect_units(struct dup_run *run)
{
	const struct doc *doc = run->c->doc;
	const struct field *f;
	size_t i;

	if (run->r->scope == SCOPE_ITEM) {
		for (i = 0; i < doc->nitems; i++)
			add_unit(run, dup_skip_lead(doc->text, doc->items[i].statement.start,
			    doc->items[i].statement.end), doc->items[i].statement.end, (int)i);
		return;
	}
	for (i = 0; i < doc->nfields; i++) {
		f = &doc->fields[i];
		if (f->item >= 0 && (run->p->fields & (1u << f->kind)) != 0)
			add_sentences(run, f->value, f->item);
	}
}

/* Normalises unit u and leaves its shingle hashes, in text order and repeats included, in
 * run->sh[0, n); returns n, 0 when the unit is shorter than min_chars. */
static size_t
shingle_unit(struct dup_run *run, const struct unit *u)
{
	const char *t = run->c->doc->text;
	size_t i = u->span.start, n = 0, k, g;
	size_t ng = (size_t)run->p->ngram;
	uint32_t cp, *cps;
	uint64_t h, *sh;

	/* A code point takes a byte at least, so the span's length bounds the count. */
	if (u->span.end - u->span.start > run->cpcap)
		run->cps = xgrow(run->cps, &run->cpcap, u->span.end - u->span.start,
		    sizeof(*run->cps));
	cps = run->cps;
	while (i < u->span.end) {
		cp = dup_keep_fast(utf8_next(t, u->span.end, &i));
		if (cp != 0)
			cps[n++] = cp;
	}
	if (n < (size_t)run->p->min_chars)
		return 0;
	run->sh = xgrow(run->sh, &run->shcap, n, sizeof(*run->sh));
	sh = run->sh;
	if (ng == 3) {
		for (k = 0; k + 3 <= n; k++) {
			h = 1469598103934665603ull;
			h = (h ^ cps[k]) * 1099511628211ull;
			h = (h ^ cps[k + 1]) * 1099511628211ull;
			h = (h ^ cps[k + 2]) * 1099511628211ull;
			sh[k] = hash64_mix(h);
		}
		return k;
	}
	for (k = 0; k + ng <= n; k++) {
		h = 1469598103934665603ull;
		for (g = 0; g < ng; g++)
			h = (h ^ cps[k + g]) * 1099511628211ull;
		sh[k] = hash64_mix(h);
	}
	return k;
}

/* The shingle table: the distinct shingles in the order they came (slot numbers), and an
 * open-addressing index of slot numbers kept at most half full. Both grow with what they
 * hold, so a short text touches little memory. */
/* Positions of the hash index made before the first unit (256 KB of it). */
#define DUP_INDEX_PRESIZE ((size_t)1 << 16)

struct shtab {
	struct slot *v;       /* slots by number */
	size_t used, vcap;
	int *idx;             /* slot number by hash position, -1 for none */
	size_t cap;
};

/* Makes room for n more keys, so that no slot moves while they are added. */
static void
shtab_reserve(struct shtab *t, size_t n)
{
	size_t cap = t->cap, k, i;

	if (t->used + n > t->vcap)
		t->v = xgrow(t->v, &t->vcap, t->used + n, sizeof(*t->v));
	while (2 * (t->used + n) > cap)
		cap *= 2;
	if (cap == t->cap && t->idx != NULL)
		return;
	free(t->idx);
	t->idx = xmalloc(cap * sizeof(*t->idx));
	memset(t->idx, 0xFF, cap * sizeof(*t->idx));   /* all bits set: -1, empty */
	t->cap = cap;
	for (k = 0; k < t->used; k++) {
		for (i = (size_t)t->v[k].key & (cap - 1); t->idx[i] >= 0; i = (i + 1) & (cap - 1))
			;
		t->idx[i] = (int)k;
	}
}

/* The slot number of key, added if new (room reserved by shtab_reserve). */
static size_t
slot_of(struct shtab *t, uint64_t key)
{
	size_t i = (size_t)key & (t->cap - 1);

	while (t->idx[i] >= 0 && t->v[t->idx[i]].key != key)
		i = (i + 1) & (t->cap - 1);
	if (t->idx[i] < 0) {
		t->idx[i] = (int)t->used;
		t->v[t->used].key = key;
		t->v[t->used].head = -1;
		t->v[t->used].count = 0;
		t->v[t->used].seen = 0;
		t->used++;
	}
	return (size_t)t->idx[i];
}

static int
uf_find(struct unit *u, int x)
{
	int root = x, next;

	while (u[root].parent != root)
		root = u[root].parent;
	while (u[x].parent != root) {
		next = u[x].parent;
		u[x].parent = root;
		x = next;
	}
	return root;
}

static void
uf_union(struct unit *u, int a, int b)
{
	a = uf_find(u, a);
	b = uf_find(u, b);
	if (a == b)
		return;
	if (u[a].size < u[b].size) {
		int t = a;

		a = b;
		b = t;
	}
	u[b].parent = a;
	u[a].size += u[b].size;
}

/* The candidate state of one pass: shared-shingle counters per earlier unit. */
struct cand {
	int *cnt;
	int *touched;
	size_t ntouched;
};

/* Scores unit x against the earlier units that share shingles with it. */
static void
score(struct dup_run *run, struct cand *cd, int x)
{
	struct unit *u = run->u;
	size_t i, small;
	int v;

	for (i = 0; i < cd->ntouched; i++) {
		v = cd->touched[i];
		small = u[x].nsh < u[v].nsh ? u[x].nsh : u[v].nsh;
		if ((double)cd->cnt[v] + 1e-9 >= run->p->threshold * (double)small) {
			uf_union(u, x, v);
			if (u[x].first < 0 || v < u[x].first) {
				u[x].first = v;
				u[x].percent = (int)(100.0 * cd->cnt[v] / (double)small + 0.5);
			}
		}
		cd->cnt[v] = 0;
	}
	cd->ntouched = 0;
}

/* Finds, for every unit, the earliest earlier unit of another item it repeats. Each unit is
 * shingled when its turn comes, so only one unit's shingles are held at a time; the slot
 * table drops a unit's repeated shingles as they are looked up. */
static void
match_units(struct dup_run *run)
{
	size_t k, s, n, *where = NULL, wcap = 0, pcap = 0;
	struct posting *post = NULL;
	struct cand cd = {xcalloc(run->nu + 1, sizeof(int)), xmalloc((run->nu + 1) * sizeof(int)), 0};
	struct shtab tab = {NULL, 0, 0, NULL, 64};
	size_t bytes = 0;
	int np = 0, p, x;

	/* Slots and postings for a shingle per Chinese character (three bytes) of the compared
	 * text, about the count it brings, so that they seldom move; more grow them. Only what
	 * is written of them becomes resident; the hash index, which is filled when made, is
	 * made for them only up to DUP_INDEX_PRESIZE positions and grows past that with the
	 * slots in use, so a long text does not hold an index for shingles it never reaches. */
	for (k = 0; k < run->nu; k++)
		bytes += run->u[k].span.end - run->u[k].span.start;
	tab.vcap = pcap = bytes / 3 + 16;
	tab.v = xmalloc(tab.vcap * sizeof(*tab.v));
	while (tab.cap < 2 * tab.vcap && tab.cap < DUP_INDEX_PRESIZE)
		tab.cap *= 2;
	post = xmalloc(pcap * sizeof(*post));
	for (x = 0; (size_t)x < run->nu; x++) {
		struct unit *u = &run->u[x];

		/* A unit's distinct shingles, first occurrences in text order: its slots. */
		n = shingle_unit(run, u);
		if (n + 1 > wcap)
			where = xgrow(where, &wcap, n + 1, sizeof(*where));
		shtab_reserve(&tab, n);
		u->nsh = 0;
		for (k = 0; k < n; k++) {
			s = slot_of(&tab, run->sh[k]);
			if (tab.v[s].seen == x + 1)
				continue;
			tab.v[s].seen = x + 1;
			where[u->nsh++] = s;
		}
		for (k = 0; k < u->nsh; k++) {
			for (p = tab.v[where[k]].head; p >= 0; p = post[p].next) {
				if (post[p].group == u->group)
					continue;
				if (cd.cnt[post[p].unit]++ == 0)
					cd.touched[cd.ntouched++] = post[p].unit;
			}
		}
		score(run, &cd, x);
		for (k = 0; k < u->nsh; k++) {
			s = where[k];
			if (tab.v[s].count >= run->p->bucket_cap)
				continue;
			if ((size_t)np == pcap)
				post = xgrow(post, &pcap, (size_t)np + 1, sizeof(*post));
			post[np].unit = x;
			post[np].group = u->group;
			post[np].next = tab.v[s].head;
			tab.v[s].head = np++;
			tab.v[s].count++;
		}
	}
	free(where);
	free(tab.v);
	free(tab.idx);
	free(post);
	free(cd.cnt);
	free(cd.touched);
}

static void
report(struct dup_run *run)
{
	const struct doc *doc = run->c->doc;
	char line[32], pct[16];
	struct unit *u, *f;
	struct diag *d;
	size_t i;

	for (i = 0; i < run->nu; i++) {
		u = &run->u[i];
		if (u->first < 0)
			continue;
		if (run->p->max_copies > 0 &&
		    run->u[uf_find(run->u, (int)i)].size > run->p->max_copies)
			continue;
		f = &run->u[u->first];
		snprintf(line, sizeof(line), "%zu",
		    linemap_line_index(&doc->lines_map, f->span.start) + 1);
		snprintf(pct, sizeof(pct), "%d", u->percent);
		d = diag_add(run->c->out, run->r, u->span.start, u->span.end, "line", line,
		    "percent", pct, NULL);
		if (d == NULL)
			return;
		diag_note(run->c->out, d, f->span.start, f->span.end, "首次出现于此",
		    "first occurrence here", NULL);
	}
}

static void
dup_run(const struct rule *r, const struct check_ctx *c)
{
	struct dup_run run;
	size_t i;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.p = r->params;
	collect_units(&run);
	for (i = 0; i < run.nu; i++) {
		run.u[i].parent = (int)i;
		run.u[i].size = 1;
	}
	if (run.nu > 1)
		match_units(&run);
	report(&run);
	free(run.u);
	free(run.sh);
	free(run.cps);
}

const struct check_type chk_duplicate = {
	"duplicate",
	"reports a problem statement or measure that repeats one of another item (shingle overlap)",
	dup_parse,
	dup_run,
	dup_free,
	"报告与另一条目重复的问题描述或整改措施（片段重合）",
};
