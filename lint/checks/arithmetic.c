/* Check type `arithmetic`: an assertion in the expression language of expr.h over the
 * figures of count phrases that play named roles (total == done + partial + open). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "expr.h"
#include "factcheck.h"
#include "i18n.h"
#include "rule_load.h"
#include "xalloc.h"

/* Each role names a count by label, noun and unit patterns. The first role is the anchor:
 * the assertion is evaluated once per count matching it; the other roles are looked for in
 * the anchor's sentence (or in the sentence of the role given by `near`, or anywhere with
 * `where: document`), nearest first, each count playing one role (`title` words it in
 * Chinese for the notes). `sum: true` binds the
 * sum of all matching counts (at least `min` of them); `before`/`after` keep counts on one
 * side of another role; `same_unit` demands another role's unit; `default` gives a value
 * when nothing matches, and `min_found` how many roles must be found in the text for the
 * assertion to be judged at all. The rule fires when the assertion is false; its message
 * may name each role ({total}), the two sides of the comparison ({lhs}, {rhs}), the
 * assertion ({assert}) and the anchor as written ({text}). */

/* Most roles a rule may name (each role fills one message placeholder). */
#define MAX_ROLES 16

struct role {
	char *name;
	char *title;          /* the role in Chinese words, for the notes; NULL: the name */
	struct fc_pat pat;
	bool document;        /* where: document */
	bool sum;
	long min;             /* sum: fewest counts */
	int near, before, after, same_unit;   /* role indices, -1 when unset */
	bool has_default;
	double dflt;
	char *near_s, *before_s, *after_s, *same_s;  /* names until resolved */
};

struct arithmetic {
	struct role *roles;
	size_t nroles, cap;
	struct expr *assert;
	char *assert_src;
	double tolerance;
	long min_found;       /* fewest roles bound to counts (not to defaults) */
	int *slot;            /* role index of each expression name */
};

static void
role_free(struct role *r)
{
	free(r->name);
	free(r->title);
	fc_pat_free(&r->pat);
	free(r->near_s);
	free(r->before_s);
	free(r->after_s);
	free(r->same_s);
}

static void
ar_free(void *params)
{
	struct arithmetic *a = params;
	size_t i;

	for (i = 0; i < a->nroles; i++)
		role_free(&a->roles[i]);
	free(a->roles);
	expr_free(a->assert);
	free(a->assert_src);
	free(a->slot);
	free(a);
}

static int
parse_role(struct rparam *p, size_t index, void *ctx)
{
	struct arithmetic *a = ctx;
	struct role *r;
	char *where = NULL;
	int rc = 0;

	(void)index;
	a->roles = xgrow(a->roles, &a->cap, a->nroles + 1, sizeof(*a->roles));
	r = &a->roles[a->nroles++];
	memset(r, 0, sizeof(*r));
	r->min = 1;
	if (rp_string(p, "name", true, &r->name) != 0 || fc_pat_parse(&r->pat, p) != 0 ||
	    rp_string(p, "title", false, &r->title) != 0)
		rc = -1;
	if (rp_string(p, "where", false, &where) != 0)
		rc = -1;
	if (where != NULL && strcmp(where, "document") != 0 && strcmp(where, "sentence") != 0) {
		rp_error(p, "where", "expected sentence or document");
		rc = -1;
	}
	r->document = where != NULL && strcmp(where, "document") == 0;
	free(where);
	if (rp_bool(p, "sum", false, &r->sum) != 0 || rp_int(p, "min", false, 1, 1000,
	    &r->min) != 0)
		rc = -1;
	if (rp_string(p, "near", false, &r->near_s) != 0 ||
	    rp_string(p, "before", false, &r->before_s) != 0 ||
	    rp_string(p, "after", false, &r->after_s) != 0 ||
	    rp_string(p, "same_unit", false, &r->same_s) != 0)
		rc = -1;
	r->has_default = rp_has(p, "default");
	if (rp_double(p, "default", false, -1e15, 1e15, &r->dflt) != 0)
		rc = -1;
	return rc;
}

/* Index of the role called name among the first n roles (NULL: -1 without error). */
static int
role_index(const struct arithmetic *a, const char *name, size_t n, bool *bad)
{
	size_t i;

	if (name == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(a->roles[i].name, name) == 0)
			return (int)i;
	*bad = true;
	return -1;
}

/* Resolves role references (each to an earlier role) and the expression's names. */
static int
link_roles(struct arithmetic *a, struct rparam *p)
{
	const char *const *names;
	bool bad = false;
	size_t i, n;

	for (i = 0; i < a->nroles; i++) {
		struct role *r = &a->roles[i];

		r->near = role_index(a, r->near_s, i, &bad);
		r->before = role_index(a, r->before_s, i, &bad);
		r->after = role_index(a, r->after_s, i, &bad);
		r->same_unit = role_index(a, r->same_s, i, &bad);
	}
	if (bad) {
		rp_error(p, "roles", "near, before, after and same_unit must name an earlier role");
		return -1;
	}
	names = expr_names(a->assert, &n);
	a->slot = xcalloc(n + 1, sizeof(*a->slot));
	for (i = 0; i < n; i++) {
		if ((a->slot[i] = role_index(a, names[i], a->nroles, &bad)) < 0) {
			rp_error(p, "assert", "uses a name that is not a role");
			return -1;
		}
	}
	return 0;
}

static int
ar_parse(struct rule *r, struct rparam *p)
{
	struct arithmetic *a = xcalloc(1, sizeof(*a));
	const char *err;
	size_t off;
	int rc = 0;

	r->params = a;
	if (rp_maps(p, "roles", true, parse_role, a) != 0)
		rc = -1;
	if (rp_string(p, "assert", true, &a->assert_src) != 0)
		return -1;
	if (rp_double(p, "tolerance", false, 0, 1e9, &a->tolerance) != 0 ||
	    rp_int(p, "min_found", false, 1, 16, &a->min_found) != 0)
		rc = -1;
	if ((a->assert = expr_compile(a->assert_src, &err, &off)) == NULL) {
		rp_error(p, "assert", err);
		return -1;
	}
	if (rc == 0 && (a->nroles == 0 || a->nroles > MAX_ROLES)) {
		rp_error(p, "roles", "needs between 1 and 16 roles");
		return -1;
	}
	if (rc == 0 && a->roles[0].document) {
		rp_error(p, "roles", "the first role (the anchor) cannot use where: document");
		return -1;
	}
	return rc == 0 ? link_roles(a, p) : -1;
}

/* What each role is bound to during one evaluation. */
struct binding {
	int count;            /* single role: the count, -1 when unbound */
	double value;
	unsigned flags;
	bool bound;
	size_t nparts;        /* sum role: how many counts */
};

/* State of one run. */
struct ar_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct arithmetic *a;
	const struct facts *f;
	struct binding *b;
	size_t *used;         /* used[count] == stamp: the count already plays a role */
	size_t stamp;         /* this anchor's mark in used (anchor index + 1) */
	signed char *match;   /* match[role * ncounts + count]: MATCH_* */
	size_t *order;        /* count indices by sentence, in text order within one */
	size_t *first;        /* first[s]..first[s + 1]: sentence s's part of order */
	size_t nsent;         /* sentences indexed in first (highest count sentence + 1) */
};

/* States of a cell of ar_run.match: patterns are matched when first asked about. */
enum { MATCH_UNKNOWN, MATCH_YES, MATCH_NO };

/* True when count k matches role i's pattern; matched once, on first use. */
static bool
role_matches(const struct ar_run *run, size_t i, size_t k)
{
	signed char *m = &run->match[i * run->f->ncounts + k];

	if (*m == MATCH_UNKNOWN)
		*m = fc_pat_match(&run->a->roles[i].pat, run->c->doc, &run->f->counts[k]) ?
		    MATCH_YES : MATCH_NO;
	return *m == MATCH_YES;
}

/* True when count k may play role i given the roles bound so far. */
static bool
eligible(const struct ar_run *run, size_t i, size_t k, size_t sentence)
{
	const struct role *r = &run->a->roles[i];
	const struct count_fact *c = &run->f->counts[k];
	const struct binding *b = run->b;

	if (run->used[k] == run->stamp || (!r->document && c->sentence != sentence))
		return false;
	if (r->before >= 0 && (b[r->before].count < 0 || k >= (size_t)b[r->before].count))
		return false;
	if (r->after >= 0 && (b[r->after].count < 0 || k <= (size_t)b[r->after].count))
		return false;
	if (r->same_unit >= 0) {
		const struct count_fact *o;

		if (b[r->same_unit].count < 0)
			return false;
		o = &run->f->counts[b[r->same_unit].count];
		if (o->unit.end - o->unit.start != c->unit.end - c->unit.start ||
		    memcmp(run->c->doc->text + o->unit.start, run->c->doc->text + c->unit.start,
		    c->unit.end - c->unit.start) != 0)
			return false;
	}
	/* The pattern last: the conditions above are cheaper than its regexes. */
	return role_matches(run, i, k);
}

/* The counts role r may take: all of them for a document role, else those of the
 * sentence, as the range [*lo, *hi) of positions for cand_at. */
static void
cand_range(const struct ar_run *run, const struct role *r, size_t sentence, size_t *lo,
		size_t *hi)
{
	*lo = 0;
	*hi = run->f->ncounts;
	if (r->document)
		return;
	*lo = *hi = 0;
	if (sentence < run->nsent) {
		*lo = run->first[sentence];
		*hi = run->first[sentence + 1];
	}
}

/* The count at position j of role r's candidates; candidates come in text order. */
static size_t
cand_at(const struct ar_run *run, const struct role *r, size_t j)
{
	return r->document ? j : run->order[j];
}

/* Binds role i (not the anchor) around the anchor count. */
static void
bind_role(struct ar_run *run, size_t i, size_t anchor)
{
	const struct role *r = &run->a->roles[i];
	struct binding *b = &run->b[i];
	int near = r->near >= 0 ? run->b[r->near].count : (int)anchor;
	size_t j, k, lo, hi, sentence = near >= 0 ? run->f->counts[near].sentence : (size_t)-1;
	size_t best_dist = (size_t)-1;

	memset(b, 0, sizeof(*b));
	b->count = -1;
	cand_range(run, r, sentence, &lo, &hi);
	for (j = lo; j < hi; j++) {
		size_t dist;

		k = cand_at(run, r, j);
		dist = k > anchor ? k - anchor : anchor - k;
		if (!eligible(run, i, k, sentence))
			continue;
		if (r->sum) {
			b->value += run->f->counts[k].value;
			b->nparts++;
			continue;
		}
		if (r->document) {
			b->count = (int)k;  /* the first eligible count; no later one replaces it */
			break;
		}
		if (dist < best_dist) {
			b->count = (int)k;
			best_dist = dist;
		}
	}
	if (r->sum && b->nparts >= (size_t)r->min) {
		for (j = lo; j < hi; j++) {
			k = cand_at(run, r, j);
			if (eligible(run, i, k, sentence))
				run->used[k] = run->stamp;
		}
		b->bound = true;
	} else if (r->sum) {
		b->nparts = 0;
		b->value = 0;
	} else if (b->count >= 0) {
		b->value = run->f->counts[b->count].value;
		b->flags = run->f->counts[b->count].flags;
		b->bound = true;
		run->used[b->count] = run->stamp;
	}
	if (!b->bound && r->has_default) {
		b->value = r->dflt;
		b->bound = true;
	}
}

/* Reports a failed assertion at the anchor with every role's figure. */
static void
report(struct ar_run *run, size_t anchor, double lhs, double rhs, bool sides)
{
	const struct arithmetic *a = run->a;
	const char *kv[2 * MAX_ROLES + 8];
	char vals[MAX_ROLES][32], l[32], rs[32], *msg, *text;
	const struct count_fact *c = &run->f->counts[anchor];
	size_t i, n = 0;
	struct diag *d;

	for (i = 0; i < a->nroles; i++) {
		if (run->b[i].bound)
			fc_number(run->b[i].value, vals[i], sizeof(vals[i]));
		else
			(void)snprintf(vals[i], sizeof(vals[i]), "?");
		kv[n++] = a->roles[i].name;
		kv[n++] = vals[i];
	}
	fc_number(lhs, l, sizeof(l));
	fc_number(rhs, rs, sizeof(rs));
	kv[n++] = "lhs";
	kv[n++] = sides ? l : "?";
	kv[n++] = "rhs";
	kv[n++] = sides ? rs : "?";
	kv[n++] = "assert";
	kv[n++] = a->assert_src;
	text = check_text(run->c->doc, c->span.start, c->span.end);
	kv[n++] = "text";
	kv[n++] = text;
	msg = i18n_fill(fc_lang(run->c, run->r->message_zh, run->r->message_en), kv, n);
	free(text);
	d = diag_add_text(run->c->out, run->r->id, run->r->level, c->span.start, c->span.end,
	    msg);
	free(msg);
	for (i = 1; i < a->nroles; i++) {
		const struct count_fact *o;

		if (run->b[i].count < 0)
			continue;
		o = &run->f->counts[run->b[i].count];
		diag_note(run->c->out, d, o->span.start, o->span.end, "{title}：{value}",
		    "{role} = {value}", "role", a->roles[i].name, "title",
		    a->roles[i].title ? a->roles[i].title : a->roles[i].name, "value", vals[i],
		    (const char *)NULL);
	}
}

/* Evaluates the assertion with the current bindings; reports when it is false. */
static void
evaluate(struct ar_run *run, size_t anchor)
{
	const struct arithmetic *a = run->a;
	double values[MAX_ROLES], lhs = 0, rhs = 0;
	unsigned flags[MAX_ROLES];
	bool bound[MAX_ROLES];
	size_t i, n, found = 0;
	struct expr_env env = {values, bound, flags, a->tolerance};
	int rc;

	for (i = 0; i < a->nroles; i++)
		found += run->b[i].count >= 0 || run->b[i].nparts > 0;
	if ((long)found < a->min_found)
		return;
	(void)expr_names(a->assert, &n);
	for (i = 0; i < n; i++) {
		const struct binding *b = &run->b[a->slot[i]];

		values[i] = b->value;
		bound[i] = b->bound;
		flags[i] = b->flags;
	}
	rc = expr_eval(a->assert, &env, &lhs, &rhs);
	if (rc == 0)
		report(run, anchor, lhs, rhs, true);
}

/* Indexes the counts by sentence (run->order, run->first) for the roles bound within the
 * anchor's sentence: a counting sort, stable, so each sentence keeps text order. */
static void
index_sentences(struct ar_run *run)
{
	const struct count_fact *counts = run->f->counts;
	size_t nc = run->f->ncounts, k, s;

	run->nsent = 0;
	for (k = 0; k < nc; k++)
		if (counts[k].sentence >= run->nsent)
			run->nsent = counts[k].sentence + 1;
	run->first = xcalloc(run->nsent + 1, sizeof(*run->first));
	run->order = xcalloc(nc, sizeof(*run->order));
	for (k = 0; k < nc; k++)
		run->first[counts[k].sentence + 1]++;
	for (s = 0; s < run->nsent; s++)
		run->first[s + 1] += run->first[s];
	/* Place with first[s] as the cursor, which leaves it at the next sentence's start. */
	for (k = 0; k < nc; k++)
		run->order[run->first[counts[k].sentence]++] = k;
	for (s = run->nsent; s > 0; s--)
		run->first[s] = run->first[s - 1];
	run->first[0] = 0;
}

/* fc_spans_hold, trying first the span that held last time (anchors come in text order,
 * so it is usually the one). */
static bool
spans_hold(const struct fc_spans *sp, size_t *hint, size_t start, size_t end)
{
	size_t i;

	if (*hint < sp->n && start >= sp->v[*hint].start && end <= sp->v[*hint].end)
		return true;
	for (i = 0; i < sp->n; i++) {
		if (start >= sp->v[i].start && end <= sp->v[i].end) {
			*hint = i;
			return true;
		}
	}
	return false;
}

static void
ar_run(const struct rule *r, const struct check_ctx *c)
{
	const struct arithmetic *a = r->params;
	struct ar_run run;
	size_t nc, i, k, hint = 0;
	struct fc_spans sp;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.a = a;
	run.f = fc_facts(c->doc);
	nc = run.f->ncounts;
	if (nc == 0)
		return;
	fc_scope_spans(&sp, c->doc, r->scope);
	for (k = 0; k < nc; k++) {
		const struct count_fact *anchor = &run.f->counts[k];

		/* The anchor's pattern is asked about each count once: no need to keep it. */
		if (!spans_hold(&sp, &hint, anchor->span.start, anchor->span.end) ||
		    !fc_pat_match(&a->roles[0].pat, c->doc, anchor))
			continue;
		if (run.b == NULL) {
			run.b = xcalloc(a->nroles, sizeof(*run.b));
			run.used = xcalloc(nc, sizeof(*run.used));
			run.match = xcalloc(a->nroles * nc, sizeof(*run.match));
			index_sentences(&run);
		}
		memset(run.b, 0, a->nroles * sizeof(*run.b));
		run.stamp = k + 1;
		run.used[k] = run.stamp;
		run.b[0].count = (int)k;
		run.b[0].value = anchor->value;
		run.b[0].flags = anchor->flags;
		run.b[0].bound = true;
		for (i = 1; i < a->nroles; i++)
			bind_role(&run, i, k);
		evaluate(&run, k);
	}
	fc_spans_free(&sp);
	free(run.b);
	free(run.used);
	free(run.match);
	free(run.order);
	free(run.first);
}

const struct check_type chk_arithmetic = {
	"arithmetic",
	"evaluates an assertion (total == done + partial + open) over the figures of count "
	"phrases found by label in one sentence",
	ar_parse,
	ar_run,
	ar_free,
	"按标签找出同一句中的数量短语，计算断言（如 总数 == 已完成 + 阶段性完成 "
	"+ 未完成）是否成立",
};
