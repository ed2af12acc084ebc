/* Check type `verbatim`: a heading (scope heading) or problem statement (scope item)
 * repeated word for word at the same level, whatever its length. Texts are normalised
 * (markers, punctuation and spaces dropped) and hashed once: linear in the text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "dupnorm.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* Headings are compared with the headings of the same level under the same parent (one
 * heading of each kind per parent; 存在问题/整改情况 under every problem are no repeat);
 * statements with every other statement. `below` leaves texts of that many
 * characters or more to the near-duplicate rule; `min_chars` ignores shorter ones. */
struct vb_params {
	long below;           /* 0: no upper bound */
	long min_chars;
	bool parent_clause;   /* compare a heading with its parent's first clause instead */
};

/* One compared text. */
struct vb_unit {
	struct span span;
	long key;             /* level and parent: only units of one key are compared */
	size_t cp, ncp;       /* its normalised code points: pool[cp, cp + ncp) */
	uint64_t hash;
	long peers;           /* a statement that is only its heading's title: that heading's
	                       * level and parent, where TXT-003.3's heading scope compares it;
	                       * -1 otherwise */
};

static int
vb_parse(struct rule *r, struct rparam *rp)
{
	struct vb_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	p->min_chars = 2;
	if (rp_int(rp, "below", false, 0, 100000, &p->below) != 0 ||
	    rp_int(rp, "min_chars", false, 1, 100000, &p->min_chars) != 0 ||
	    rp_bool(rp, "parent_clause", false, &p->parent_clause) != 0)
		rc = -1;
	if (rc == 0 && p->parent_clause && r->scope != SCOPE_HEADING) {
		rp_error(rp, "parent_clause", "parent_clause 只用于 scope heading（needs scope "
		    "heading）");
		rc = -1;
	}
	if (rc == 0 && r->scope != SCOPE_ITEM && r->scope != SCOPE_HEADING) {
		rp_error(rp, NULL, "verbatim 只比较 scope heading（标题）或 scope item（问题描述）"
		    "（scope must be heading or item）");
		rc = -1;
	}
	return rc;
}

static void
vb_free(void *params)
{
	free(params);
}

/* State of one run. */
struct vb_run {
	struct vb_unit *u;
	size_t nu, ucap;
	uint32_t *pool;
	size_t npool, poolcap;
};

/* Adds text [start, end) under key, normalised and hashed. */
static void
add(struct vb_run *run, const char *t, size_t start, size_t end, long key)
{
	struct vb_unit *u;
	uint64_t h = 1469598103934665603ull ^ (uint64_t)key;
	size_t i = start;

	run->u = xgrow(run->u, &run->ucap, run->nu + 1, sizeof(*run->u));
	u = &run->u[run->nu++];
	u->span.start = start;
	u->span.end = end;
	u->key = key;
	u->peers = -1;
	u->cp = run->npool;
	/* A code point takes a byte at least: room for the text's length once. */
	if (end > start)
		run->pool = xgrow(run->pool, &run->poolcap, run->npool + (end - start),
		    sizeof(*run->pool));
	while (i < end) {
		uint32_t cp = dup_keep_fast(utf8_next(t, end, &i));

		if (cp == 0)
			continue;
		run->pool[run->npool++] = cp;
		h = (h ^ cp) * 1099511628211ull;
	}
	u->ncp = run->npool - u->cp;
	u->hash = h;
}

/* Adds every heading. */
static void
collect(struct vb_run *run, const struct doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];

		add(run, doc->text, h->title.start, h->title.end,
		    (long)h->level * 1000003L + h->parent + 1);
	}
}

/* Adds every problem statement without its marker. A statement that is only its heading's
 * title is marked with the heading's level and parent: two such under one parent are judged
 * at scope heading, so only a repeat across parents is this scope's. */
static void
collect_items(struct vb_run *run, const struct doc *doc)
{
	size_t i, n;

	for (i = 0; i < doc->nitems; i++) {
		const struct item *it = &doc->items[i];
		const struct heading *h;

		add(run, doc->text, dup_skip_lead(doc->text, it->statement.start,
		    it->statement.end), it->statement.end, 0);
		if (it->heading < 0 || (size_t)it->heading >= doc->nheadings)
			continue;
		h = &doc->headings[it->heading];
		n = run->nu;
		add(run, doc->text, h->title.start, h->title.end, 0);
		run->npool -= run->u[n].ncp;   /* the title was added only to be measured */
		run->nu = n;
		if (run->u[n].ncp == run->u[n - 1].ncp)
			run->u[n - 1].peers = (long)h->level * 1000003L + h->parent + 1;
	}
}

/* True when units a and b hold the same text under the same key. */
static bool
same(const struct vb_run *run, const struct vb_unit *a, const struct vb_unit *b)
{
	return a->hash == b->hash && a->key == b->key && a->ncp == b->ncp &&
	    memcmp(run->pool + a->cp, run->pool + b->cp, a->ncp * sizeof(*run->pool)) == 0;
}

/* End of the first clause of [a, b): up to the first ，,；; (or b). */
static size_t
first_clause(const char *t, size_t a, size_t b)
{
	size_t i = a;

	while (i < b) {
		size_t at = i;
		uint32_t cp = utf8_next(t, b, &i);

		if (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' || cp == 0x3002)
			return at;
	}
	return b;
}

/* parent_clause: a heading that only repeats the first clause of its parent's heading
 * (一、提高政治站位，增强政治担当 … （一）提高政治站位). */
static void
vb_parent_clause(const struct rule *r, const struct check_ctx *c)
{
	const struct vb_params *p = r->params;
	const struct doc *doc = c->doc;
	struct vb_run run;
	size_t i;

	memset(&run, 0, sizeof(run));
	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i], *up;
		char line[32];
		struct diag *d;
		size_t n;

		if (h->parent < 0 || (size_t)h->parent >= doc->nheadings)
			continue;
		up = &doc->headings[h->parent];
		run.nu = run.npool = 0;
		add(&run, doc->text, h->title.start, first_clause(doc->text, h->title.start,
		    h->title.end), 0);
		add(&run, doc->text, up->title.start, first_clause(doc->text, up->title.start,
		    up->title.end), 0);
		n = run.u[0].ncp;
		/* The child's whole title must be that clause: its own title says no more. */
		add(&run, doc->text, h->title.start, h->title.end, 0);
		if ((long)n < p->min_chars || run.u[2].ncp != n || !same(&run, &run.u[0], &run.u[1]))
			continue;
		(void)snprintf(line, sizeof(line), "%zu", up->line + 1);
		d = diag_add(c->out, r, h->title.start, h->title.end, "line", line,
		    (const char *)NULL);
		diag_note(c->out, d, up->title.start, up->title.end, "上级标题", "parent heading",
		    (const char *)NULL);
	}
	free(run.u);
	free(run.pool);
}

static void
vb_run(const struct rule *r, const struct check_ctx *c)
{
	const struct vb_params *p = r->params;
	const struct doc *doc = c->doc;
	struct vb_run run;
	size_t cap = 16, i, j, *tab;

	if (p->parent_clause) {
		vb_parent_clause(r, c);
		return;
	}
	memset(&run, 0, sizeof(run));
	if (r->scope == SCOPE_HEADING)
		collect(&run, doc);
	else
		collect_items(&run, doc);
	while (cap < 2 * run.nu + 2)
		cap *= 2;
	tab = xmalloc(cap * sizeof(*tab));
	for (i = 0; i < cap; i++)
		tab[i] = (size_t)-1;
	for (i = 0; i < run.nu; i++) {
		const struct vb_unit *u = &run.u[i];
		char line[32];
		struct diag *d;

		if ((long)u->ncp < p->min_chars || (p->below > 0 && (long)u->ncp >= p->below))
			continue;
		for (j = (size_t)u->hash & (cap - 1); tab[j] != (size_t)-1; j = (j + 1) & (cap - 1))
			if (same(&run, &run.u[tab[j]], u))
				break;
		if (tab[j] == (size_t)-1) {
			tab[j] = i;
			continue;
		}
		if (u->peers >= 0 && u->peers == run.u[tab[j]].peers)
			continue;
		(void)snprintf(line, sizeof(line), "%zu", linemap_line_index(&doc->lines_map,
		    run.u[tab[j]].span.start) + 1);
		d = diag_add(c->out, r, u->span.start, u->span.end, "line", line,
		    (const char *)NULL);
		diag_note(c->out, d, run.u[tab[j]].span.start, run.u[tab[j]].span.end,
		    "首次出现于此", "first occurrence here", (const char *)NULL);
	}
	free(tab);
	free(run.u);
	free(run.pool);
}

const struct check_type chk_verbatim = {
	"verbatim",
	"reports a heading or problem statement repeated word for word at the same level",
	vb_parse,
	vb_run,
	vb_free,
	"报告同一层级中逐字重复的标题或问题描述",
};
