/* Check type `pasted`: a passage of min_chars or more characters that recurs word for word
 * in another problem item, even when the rest of that item differs. Every window of
 * min_chars normalised characters is hashed once (rolling hash, one table): linear in
 * the text, no comparison of clause against clause. */
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

/* The normalised text of all items: code points (0 breaks a window), each with its byte
 * span and item. */
struct ps_text {
	uint32_t *cp;
	size_t *start, *end;
	int *group;
	size_t n, cap, scap, ecap, gcap;
};

static void
push(struct ps_text *t, uint32_t cp, size_t start, size_t end, int group)
{
	t->cp = xgrow(t->cp, &t->cap, t->n + 1, sizeof(*t->cp));
	t->start = xgrow(t->start, &t->scap, t->n + 1, sizeof(*t->start));
	t->end = xgrow(t->end, &t->ecap, t->n + 1, sizeof(*t->end));
	t->group = xgrow(t->group, &t->gcap, t->n + 1, sizeof(*t->group));
	t->cp[t->n] = cp;
	t->start[t->n] = start;
	t->end[t->n] = end;
	t->group[t->n] = group;
	t->n++;
}

/* True for a code point that ends a sentence. */
static bool
sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F || cp == ';' ||
	    cp == '!' || cp == '?' || cp == '\n';
}

/* Appends text [a, b) of item group, then a break. */
static void
add_text(struct ps_text *t, const char *s, size_t a, size_t b, int group)
{
	int title = 0;

	while (a < b) {
		size_t at = a;
		uint32_t cp = utf8_next(s, b, &a), k;

		if (cp == 0x300A)
			title++;
		else if (cp == 0x300B && title > 0)
			title--;
		if (sentence_end(cp) || cp == 0x300A) {
			push(t, 0, at, a, group);
			continue;
		}
		if (title > 0 || (k = dup_keep_cp(cp)) == 0)
			continue;
		push(t, k, at, a, group);
	}
	push(t, 0, b, b, group);
}

/* A window's entry in the hash table. */
struct ps_slot {
	uint64_t hash;
	size_t pos;           /* first window with this text; (size_t)-1 when empty */
	int first_group, last_group, ngroups;
};

/* State of one run. */
struct ps_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct ps_params *p;
	struct ps_text t;
	struct ps_slot *tab;
	size_t cap;
	size_t *slot;         /* slot[i]: table slot of the window at i, or (size_t)-1 */
	size_t *slen;         /* slen[i]: length of the sentence holding i */
};

/* The slot holding the text of the window at pos (hash h), added if new. */
static size_t
slot_of(struct ps_run *run, uint64_t h, size_t pos)
{
	uint64_t m = h ^ (h >> 29);
	size_t w = (size_t)run->p->min_chars, i;

	/* The rolling hash's low bits are weak: mix before taking them as the index. */
	m *= 0xBF58476D1CE4E5B9ull;
	m ^= m >> 32;
	i = (size_t)m & (run->cap - 1);

	while (run->tab[i].pos != (size_t)-1) {
		if (run->tab[i].hash == h && memcmp(run->t.cp + run->tab[i].pos, run->t.cp + pos,
		    w * sizeof(*run->t.cp)) == 0)
			return i;
		i = (i + 1) & (run->cap - 1);
	}
	run->tab[i].hash = h;
	run->tab[i].pos = pos;
	run->tab[i].first_group = run->tab[i].last_group = run->t.group[pos];
	run->tab[i].ngroups = 0;
	return i;
}

/* Hashes every window and counts the items each text occurs in. */
static void
index_windows(struct ps_run *run)
{
	const struct ps_text *t = &run->t;
	size_t w = (size_t)run->p->min_chars, i, len = 0;
	uint64_t h = 0, pw = 1, base = 1000003ull;

	for (i = 1; i < w; i++)
		pw *= base;
	run->cap = 16;
	while (run->cap < 2 * t->n + 2)
		run->cap *= 2;
	run->tab = xmalloc(run->cap * sizeof(*run->tab));
	for (i = 0; i < run->cap; i++)
		run->tab[i].pos = (size_t)-1;
	run->slot = xmalloc((t->n + 1) * sizeof(*run->slot));
	for (i = 0; i < t->n; i++) {
		run->slot[i] = (size_t)-1;
		if (t->cp[i] == 0) {
			len = 0;
			h = 0;
			continue;
		}
		if (len == w)
			h -= (uint64_t)t->cp[i - w] * pw;
		else
			len++;
		h = h * base + t->cp[i];
		if (len == w) {
			size_t pos = i + 1 - w, s = slot_of(run, h, pos);
			struct ps_slot *e = &run->tab[s];

			run->slot[pos] = s;
			if (e->ngroups == 0 || e->last_group != t->group[pos]) {
				e->ngroups++;
				e->last_group = t->group[pos];
			}
		}
	}
}

/* True when the window at i repeats text of an earlier item that few items share. */
static bool
pasted_at(const struct ps_run *run, size_t i)
{
	const struct ps_slot *e;

	if (run->slot[i] == (size_t)-1)
		return false;
	e = &run->tab[run->slot[i]];
	return e->first_group != run->t.group[i] && e->ngroups <= run->p->max_copies;
}

/* Fills len[i] with the length of the sentence (run of code points between breaks) that
 * holds i, in one pass each way. */
static void
sentence_lengths(const struct ps_text *t, size_t *len)
{
	size_t i, j, start = 0;

	for (i = 0; i <= t->n; i++) {
		if (i < t->n && t->cp[i] != 0)
			continue;
		for (j = start; j < i; j++)
			len[j] = i - start;
		if (i < t->n)
			len[i] = 0;
		start = i + 1;
	}
}

/* Reports the passage of windows [p, q] (text [p, q + w)). */
static void
report(struct ps_run *run, size_t p, size_t q)
{
	const struct ps_text *t = &run->t;
	const struct doc *doc = run->c->doc;
	size_t w = (size_t)run->p->min_chars, len = q + w - p, f = run->tab[run->slot[p]].pos;
	size_t flen = w;
	char line[32], chars[32];
	struct diag *d;

	if ((double)len >= run->p->covered * (double)run->slen[p])
		return;
	/* The first occurrence as far as it runs alike. */
	while (f + flen < t->n && p + flen < t->n && flen < len && t->cp[f + flen] != 0 &&
	    t->cp[f + flen] == t->cp[p + flen])
		flen++;
	(void)snprintf(line, sizeof(line), "%zu", linemap_line_index(&doc->lines_map,
	    t->start[f]) + 1);
	(void)snprintf(chars, sizeof(chars), "%zu", len);
	d = diag_add(run->c->out, run->r, t->start[p], t->end[q + w - 1], "line", line,
	    "chars", chars, (const char *)NULL);
	diag_note(run->c->out, d, t->start[f], t->end[f + flen - 1], "首次出现于此",
	    "first occurrence here", (const char *)NULL);
}

static void
ps_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	struct ps_run run;
	size_t i, k, p;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.p = r->params;
	for (i = 0; i < doc->nitems; i++) {
		const struct item *it = &doc->items[i];

		if (run.p->statements)
			add_text(&run.t, doc->text, dup_skip_lead(doc->text, it->statement.start,
			    it->statement.end), it->statement.end, (int)i);
		for (k = it->first_field; k < it->first_field + it->nfields && k < doc->nfields;
		    k++)
			if (run.p->fields & (1u << doc->fields[k].kind))
				add_text(&run.t, doc->text, doc->fields[k].value.start,
				    doc->fields[k].value.end, (int)i);
	}
	if (run.t.n > (size_t)run.p->min_chars && doc->nitems > 1) {
		index_windows(&run);
		run.slen = xmalloc((run.t.n + 1) * sizeof(*run.slen));
		sentence_lengths(&run.t, run.slen);
		for (i = 0; i < run.t.n; i++) {
			if (!pasted_at(&run, i))
				continue;
			for (p = i; i + 1 < run.t.n && pasted_at(&run, i + 1); i++)
				;
			report(&run, p, i);
		}
	}
	free(run.tab);
	free(run.slot);
	free(run.slen);
	free(run.t.cp);
	free(run.t.start);
	free(run.t.end);
	free(run.t.group);
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
