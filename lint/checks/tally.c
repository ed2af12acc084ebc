/* Check type `tally`: the tallies, rates and enumerations of facts.h judged as arithmetic.
 * `test: sum` compares a total with its parts, `test: rate` a percentage with its part and
 * whole, `test: range` a rate with 100%, `test: listed` a count with the items listed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "factcheck.h"
#include "i18n.h"
#include "rule_load.h"
#include "strbuf.h"
#include "xalloc.h"

/* `sum`: each tally of the listed `forms` (split, sum, status) with a total and at least
 * `min_parts` parts must have parts adding up to the total. `rate`: each percentage of the
 * listed `kinds` (completion, share) must equal its part over its whole within `tolerance`
 * points; a completion rate takes the completed parts of its sentence's tally over the
 * tally's total (`denominator: total`) or, where no total is stated, over all its status
 * parts (`denominator: statuses`). `range`: a rate of the listed kinds above 100% is
 * reported at the rule's level, one written as 100%以上 at `limit_level`. `listed`: a
 * count with its items listed beside it must count as many as are listed (a list ending
 * in 等 at least as many); a loose list (items separated by ，/；, or numbered headings
 * counted back by 以上N项) is reported at `loose_level`. Message placeholders: {text}, {total}, {parts} (their sum),
 * {terms} (a + b), {rate}, {num}, {den}, {rhs} (the computed rate), {listed}. */
enum tally_test { TT_SUM, TT_RATE, TT_RANGE, TT_LISTED };

struct tally_rule {
	enum tally_test test;
	bool forms[3];          /* indexed by enum tally_form */
	bool kinds[5];          /* indexed by enum rate_kind */
	bool by_statuses;       /* denominator: statuses */
	long min_parts;
	double tolerance;
	enum level limit_level;
	enum level loose_level;
};

static const char *const test_names[] = {"sum", "rate", "range", "listed"};
static const char *const form_names[] = {"split", "sum", "status"};
static const char *const kind_names[] = {"none", "completion", "share", "other", "growth"};

/* Index of name among n names, or -1. */
static int
lookup(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* Reads list key into flags over the n names; 0 ok, -1 on error. */
static int
parse_set(struct rparam *p, const char *key, const char *const *names, size_t n, bool *flags)
{
	char **v = NULL;
	size_t nv = 0, i;
	int rc = 0, k;

	if (rp_strings(p, key, false, &v, &nv) != 0)
		return -1;
	for (i = 0; i < nv; i++) {
		if ((k = lookup(names, n, v[i])) < 0) {
			rp_error(p, key, "names an unknown form or kind");
			rc = -1;
		} else {
			flags[k] = true;
		}
		free(v[i]);
	}
	free(v);
	return rc;
}

static int
tl_parse(struct rule *r, struct rparam *p)
{
	struct tally_rule *t = xcalloc(1, sizeof(*t));
	char *test = NULL, *den = NULL, *limit = NULL, *loose = NULL;
	int rc = 0, k;

	r->params = t;
	t->min_parts = 2;
	t->tolerance = 0.5;
	t->limit_level = LEVEL_WARNING;
	t->loose_level = LEVEL_WARNING;
	if (rp_string(p, "test", true, &test) != 0)
		return -1;
	if ((k = lookup(test_names, 4, test)) < 0) {
		rp_error(p, "test", "expected sum, rate, range or listed");
		rc = -1;
	} else {
		t->test = (enum tally_test)k;
	}
	free(test);
	if (parse_set(p, "forms", form_names, 3, t->forms) != 0 ||
	    parse_set(p, "kinds", kind_names, 5, t->kinds) != 0 ||
	    rp_int(p, "min_parts", false, 1, 100, &t->min_parts) != 0 ||
	    rp_double(p, "tolerance", false, 0, 100, &t->tolerance) != 0 ||
	    rp_string(p, "denominator", false, &den) != 0 ||
	    rp_string(p, "limit_level", false, &limit) != 0 ||
	    rp_string(p, "loose_level", false, &loose) != 0)
		rc = -1;
	if (den != NULL && strcmp(den, "statuses") != 0 && strcmp(den, "total") != 0) {
		rp_error(p, "denominator", "expected total or statuses");
		rc = -1;
	}
	t->by_statuses = den != NULL && strcmp(den, "statuses") == 0;
	if (limit != NULL && level_parse(limit, &t->limit_level) != 0) {
		rp_error(p, "limit_level", "expected error, warning or info");
		rc = -1;
	}
	if (loose != NULL && level_parse(loose, &t->loose_level) != 0) {
		rp_error(p, "loose_level", "expected error, warning or info");
		rc = -1;
	}
	free(den);
	free(limit);
	free(loose);
	return rc;
}

static void
tl_free(void *params)
{
	free(params);
}

/* Reports at count k with the rule's message filled from kv (n strings), at level. */
static struct diag *
report(const struct rule *r, const struct check_ctx *c, size_t k, enum level level,
		const char **kv, size_t n)
{
	const struct count_fact *cf = &fc_facts(c->doc)->counts[k];
	char *text = check_text(c->doc, cf->span.start, cf->span.end), *msg;
	struct diag *d;

	kv[n++] = "text";
	kv[n++] = text;
	msg = i18n_fill(fc_lang(c, r->message_zh, r->message_en), kv, n);
	d = diag_add_text(c->out, r->id, level, cf->span.start, cf->span.end, msg);
	free(msg);
	free(text);
	return d;
}

/* Adds a note at count k naming its role (zh, en) and value. */
static void
note(const struct check_ctx *c, struct diag *d, size_t k, const char *zh, const char *en)
{
	const struct count_fact *cf = &fc_facts(c->doc)->counts[k];
	char v[32];

	fc_number(cf->value, v, sizeof(v));
	diag_note(c->out, d, cf->span.start, cf->span.end, zh, en, "value", v,
	    (const char *)NULL);
}

/* True when count k lies in the rule's scope. */
static bool
in_scope(const struct check_ctx *c, const struct fc_spans *sp, size_t k)
{
	const struct count_fact *cf = &fc_facts(c->doc)->counts[k];

	return fc_spans_hold(sp, cf->span.start, cf->span.end);
}

/* Writes a tally's parts as "a + b" into terms. */
static void
parts_terms(const struct facts *f, const struct tally_fact *t, struct strbuf *terms)
{
	size_t i;

	for (i = 0; i < t->nparts; i++) {
		char v[32];

		fc_number(f->counts[f->tally_parts[t->part0 + i]].value, v, sizeof(v));
		if (terms->n > 0)
			strbuf_put(terms, " + ", 3);
		strbuf_put(terms, v, strlen(v));
	}
}

static void
test_sum(const struct rule *r, const struct check_ctx *c, const struct fc_spans *sp)
{
	const struct tally_rule *t = r->params;
	const struct facts *f = fc_facts(c->doc);
	size_t i, j;

	for (i = 0; i < f->ntallies; i++) {
		const struct tally_fact *ta = &f->tallies[i];
		const char *kv[16];
		char tot[32], sum[32];
		struct strbuf terms = {NULL, 0, 0};
		double s;
		struct diag *d;

		if (!t->forms[ta->form] || ta->total < 0 || (long)ta->nparts < t->min_parts ||
		    !in_scope(c, sp, (size_t)ta->total))
			continue;
		s = ta->sum;
		if (s - f->counts[ta->total].value < 0.01 && f->counts[ta->total].value - s < 0.01)
			continue;
		parts_terms(f, ta, &terms);
		fc_number(f->counts[ta->total].value, tot, sizeof(tot));
		fc_number(s, sum, sizeof(sum));
		kv[0] = "total";
		kv[1] = tot;
		kv[2] = "parts";
		kv[3] = sum;
		kv[4] = "terms";
		kv[5] = terms.s != NULL ? terms.s : "";
		d = report(r, c, (size_t)ta->total, r->level, kv, 6);
		for (j = 0; j < ta->nparts; j++)
			note(c, d, f->tally_parts[ta->part0 + j], "分项 = {value}",
			    "part = {value}");
		free(terms.s);
	}
}

/* Part and whole of rate ra: *num, *den; false when the rate cannot be judged. */
static bool
rate_figures(const struct tally_rule *t, const struct facts *f, const struct rate_fact *ra,
		double *num, double *den, int *den_count)
{
	const struct tally_fact *ta;

	*den_count = -1;
	if (ra->kind == RATE_SHARE) {
		if (ra->num < 0 || ra->den < 0)
			return false;
		*num = f->counts[ra->num].value;
		*den = f->counts[ra->den].value;
		*den_count = ra->den;
		return *den > 0;
	}
	if (ra->kind != RATE_COMPLETION || ra->tally < 0)
		return false;
	ta = &f->tallies[ra->tally];
	*num = ta->done;
	if (t->by_statuses) {
		if (ta->total >= 0 || ta->nparts < 2)
			return false;
		*den = ta->sum;
	} else {
		if (ta->total < 0)
			return false;
		*den = f->counts[ta->total].value;
		*den_count = ta->total;
	}
	return *den > 0;
}

/* Counts looked back over for a total stated before a status split. */
enum { EARLIER_REACH = 16 };

/* True when a count stated earlier in the paragraph of tally ta, of the unit of its parts,
 * makes the rate right (14个问题…。截至目前，已完成整改11个，正在整改2个，整改完成率78.6%:
 * 11/14, not 11/13): the rate is taken of that total, so the parts' sum cannot judge it. */
static bool
fits_earlier_total(const struct doc *doc, const struct facts *f, const struct tally_fact *ta,
		double num, double rate, double tolerance)
{
	const struct count_fact *first = &f->counts[f->tally_parts[ta->part0]], *c;
	size_t k = f->tally_parts[ta->part0], ulen = first->unit.end - first->unit.start;
	size_t seen = 0;
	double want;

	while (k-- > 0 && seen++ < EARLIER_REACH) {
		c = &f->counts[k];
		if (memchr(doc->text + c->span.end, '\n', first->span.start - c->span.end) != NULL)
			return false;   /* another paragraph */
		if (c->value <= 0 || c->unit.end - c->unit.start != ulen ||
		    memcmp(doc->text + c->unit.start, doc->text + first->unit.start, ulen) != 0)
			continue;
		want = num * 100 / c->value;
		if (rate - want <= tolerance && want - rate <= tolerance)
			return true;
	}
	return false;
}

static void
test_rate(const struct rule *r, const struct check_ctx *c, const struct fc_spans *sp)
{
	const struct tally_rule *t = r->params;
	const struct facts *f = fc_facts(c->doc);
	size_t i;

	for (i = 0; i < f->nrates; i++) {
		const struct rate_fact *ra = &f->rates[i];
		const struct count_fact *rc = &f->counts[ra->count];
		double num, den, want;
		char rate[32], n[32], d[32], rhs[32];
		const char *kv[16];
		struct diag *dg;
		int dc;

		if (!t->kinds[ra->kind] || !in_scope(c, sp, ra->count) ||
		    (rc->flags & (NUM_ABOVE | NUM_BELOW | NUM_APPROX)) ||
		    !rate_figures(t, f, ra, &num, &den, &dc))
			continue;
		want = num * 100 / den;
		if (rc->value - want <= t->tolerance && want - rc->value <= t->tolerance)
			continue;
		if (t->by_statuses && fits_earlier_total(c->doc, f, &f->tallies[ra->tally], num,
		    rc->value, t->tolerance))
			continue;
		fc_number(rc->value, rate, sizeof(rate));
		fc_number(num, n, sizeof(n));
		fc_number(den, d, sizeof(d));
		fc_number(want, rhs, sizeof(rhs));
		kv[0] = "rate";
		kv[1] = rate;
		kv[2] = "num";
		kv[3] = n;
		kv[4] = "den";
		kv[5] = d;
		kv[6] = "rhs";
		kv[7] = rhs;
		dg = report(r, c, ra->count, r->level, kv, 8);
		if (ra->num >= 0)
			note(c, dg, (size_t)ra->num, "分子 = {value}", "part = {value}");
		if (dc >= 0)
			note(c, dg, (size_t)dc, "分母 = {value}", "whole = {value}");
	}
}

static void
test_range(const struct rule *r, const struct check_ctx *c, const struct fc_spans *sp)
{
	const struct tally_rule *t = r->params;
	const struct facts *f = fc_facts(c->doc);
	size_t i;

	for (i = 0; i < f->nrates; i++) {
		const struct rate_fact *ra = &f->rates[i];
		const struct count_fact *rc = &f->counts[ra->count];
		const char *kv[4];
		char rate[32];
		enum level level;

		if (!t->kinds[ra->kind] || !in_scope(c, sp, ra->count))
			continue;
		if (rc->value > 100 && !(rc->flags & (NUM_BELOW | NUM_APPROX)))
			level = r->level;
		else if (rc->value == 100 && (rc->flags & NUM_ABOVE))
			level = t->limit_level < r->level ? t->limit_level : r->level;
		else
			continue;
		fc_number(rc->value, rate, sizeof(rate));
		kv[0] = "rate";
		kv[1] = rate;
		(void)report(r, c, ra->count, level, kv, 2);
	}
}

static void
test_listed(const struct rule *r, const struct check_ctx *c, const struct fc_spans *sp)
{
	const struct tally_rule *t = r->params;
	const struct facts *f = fc_facts(c->doc);
	size_t i;

	for (i = 0; i < f->nenums; i++) {
		const struct enum_fact *e = &f->enums[i];
		const struct count_fact *cf = &f->counts[e->count];
		const char *kv[4];
		char n[32];
		struct diag *d;

		if (!in_scope(c, sp, e->count) || (double)e->listed == cf->value ||
		    (e->open && (double)e->listed < cf->value))
			continue;
		(void)snprintf(n, sizeof(n), "%zu", e->listed);
		kv[0] = "listed";
		kv[1] = n;
		d = report(r, c, e->count, e->loose && t->loose_level < r->level ?
		    t->loose_level : r->level, kv, 2);
		diag_note(c->out, d, e->list.start, e->list.end, "列出的 {listed} 项",
		    "the {listed} listed", "listed", n, (const char *)NULL);
	}
}

static void
tl_run(const struct rule *r, const struct check_ctx *c)
{
	const struct tally_rule *t = r->params;
	struct fc_spans sp;

	fc_scope_spans(&sp, c->doc, r->scope);
	if (t->test == TT_SUM)
		test_sum(r, c, &sp);
	else if (t->test == TT_RATE)
		test_rate(r, c, &sp);
	else if (t->test == TT_RANGE)
		test_range(r, c, &sp);
	else
		test_listed(r, c, &sp);
	fc_spans_free(&sp);
}

const struct check_type chk_tally = {
	"tally",
	"judges the tallies, rates and enumerations read from the structure of count sentences: "
	"parts against their total, a percentage against its part and whole, a rate against "
	"100%, a count against the items listed beside it",
	tl_parse,
	tl_run,
	tl_free,
	"从数量句的结构读出分项、比率和列举并判断：分项与总数、百分数与其分子分母、比率是"
	"否超过 100%、数目与并列的条目",
};
