/* Check type `consistency`: one vocabulary per notice — a term foreign to its kind (巡视 in
 * a 巡察 notice) and one thing named two ways (县委第四巡察组 / 县委巡察四组). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

enum cons_aspect { CONS_TERM, CONS_VARIANTS };

/* Parts of the notice a `term` rule reports in. */
enum region {
	REGION_TITLE = 1 << 0,
	REGION_INTRO = 1 << 1,
	REGION_SUPERVISION = 1 << 2,
	REGION_OTHER = 1 << 3
};

static const char *const region_names[] = {"title", "intro", "supervision", "other"};

struct cons {
	enum cons_aspect aspect;
	struct regex *term;      /* term: the word that does not belong */
	struct regex *applies;   /* term: the notice is of the kind when this is in title/intro */
	struct regex **allow;    /* term: wordings where the term is correct */
	size_t nallow;
	unsigned regions;        /* term: REGION_* bits */
	struct regex **forms;    /* variants: the groups of each form name the thing */
	size_t nforms;
};

static void
cons_free(void *params)
{
	struct cons *k = params;
	size_t i;

	regex_free(k->term);
	regex_free(k->applies);
	for (i = 0; i < k->nallow; i++)
		regex_free(k->allow[i]);
	free(k->allow);
	for (i = 0; i < k->nforms; i++)
		regex_free(k->forms[i]);
	free(k->forms);
	free(k);
}

static int
parse_regions(struct rparam *p, unsigned *out)
{
	char **names = NULL;
	size_t n = 0, i, k;
	int rc = 0;

	if (rp_strings(p, "regions", true, &names, &n) != 0)
		return -1;
	*out = 0;
	for (i = 0; i < n; i++) {
		for (k = 0; k < 4 && strcmp(names[i], region_names[k]) != 0; k++)
			;
		if (k == 4 && rc == 0) {
			rp_error(p, "regions", "区域应为 title、intro、supervision 或 other "
			    "(regions are title, intro, supervision, other)");
			rc = -1;
		}
		if (k < 4)
			*out |= 1u << k;
		free(names[i]);
	}
	free(names);
	return rc;
}

static int
parse_term(struct cons *k, struct rparam *p)
{
	int rc = 0;

	if (rp_regex(p, "term", true, &k->term) != 0)
		rc = -1;
	if (rp_regex(p, "applies", true, &k->applies) != 0)
		rc = -1;
	if (rp_regexes(p, "allow", false, &k->allow, &k->nallow) != 0)
		rc = -1;
	if (parse_regions(p, &k->regions) != 0)
		rc = -1;
	return rc;
}

static int
cons_parse(struct rule *r, struct rparam *p)
{
	struct cons *k = xcalloc(1, sizeof(*k));
	char *aspect = NULL;

	r->params = k;
	if (rp_string(p, "aspect", true, &aspect) != 0 || aspect == NULL)
		return -1;
	if (strcmp(aspect, "term") == 0) {
		k->aspect = CONS_TERM;
	} else if (strcmp(aspect, "variants") == 0) {
		k->aspect = CONS_VARIANTS;
	} else {
		free(aspect);
		rp_error(p, "aspect", "应为 term 或 variants (term or variants)");
		return -1;
	}
	free(aspect);
	if (k->aspect == CONS_TERM)
		return parse_term(k, p);
	if (rp_regexes(p, "forms", true, &k->forms, &k->nforms) != 0)
		return -1;
	if (k->nforms < 2) {
		rp_error(p, "forms", "至少需要两种写法 (at least two forms)");
		return -1;
	}
	return 0;
}

/* 1 when re matches inside span, 0 when not, -1 on a resource limit. */
static int
matches_in(const struct doc *doc, const struct regex *re, struct span sp)
{
	struct regex_match m;

	if (sp.start >= sp.end)
		return 0;
	return regex_find(re, doc->text, sp.start, sp.end, &m);
}

static bool
within(struct span sp, size_t pos)
{
	return pos >= sp.start && pos < sp.end;
}

/* The region of the notice that holds byte offset pos. */
static enum region
region_of(const struct doc *doc, size_t pos)
{
	size_t li = linemap_line_index(&doc->lines_map, pos);
	enum line_kind kind = doc->lines[li].kind;

	if (kind == LINE_ISSUER || kind == LINE_TITLE || kind == LINE_SUBTITLE ||
	    (doc->title.present && li >= doc->title.first_line && li <= doc->title.last_line))
		return REGION_TITLE;
	if (doc->intro >= 0 && within(doc->paragraphs[doc->intro].span, pos))
		return REGION_INTRO;
	if (doc->contact.supervision.end > doc->contact.supervision.start) {
		if (within(doc->contact.supervision, pos))
			return REGION_SUPERVISION;
	} else if (doc->contact.present && within(doc->contact.span, pos)) {
		return REGION_SUPERVISION;
	}
	return REGION_OTHER;
}

/* True when a match of an allowed wording on the same line covers [start, end). */
static bool
allowed(const struct cons *k, const struct doc *doc, size_t start, size_t end)
{
	const struct line *l = &doc->lines[linemap_line_index(&doc->lines_map, start)];
	struct regex_match m;
	size_t i, from;

	for (i = 0; i < k->nallow; i++) {
		from = l->span.start;
		while (from < l->span.end &&
		    regex_find(k->allow[i], doc->text, from, l->span.end, &m) == 1) {
			if (m.start <= start && m.end >= end)
				return true;
			if (m.start > start)
				break;
			from = m.end > m.start ? m.end : l->span.end;
		}
	}
	return false;
}

struct term_run {
	const struct rule *r;
	const struct check_ctx *c;
	int stop;
};

static int
on_term(const struct regex_match *m, void *ctx)
{
	struct term_run *run = ctx;
	const struct cons *k = run->r->params;
	const struct doc *doc = run->c->doc;
	char *text;

	if ((region_of(doc, m->start) & k->regions) == 0 || allowed(k, doc, m->start, m->end))
		return 0;
	text = check_text(doc, m->start, m->end);
	if (diag_add(run->c->out, run->r, m->start, m->end, "match", text, NULL) == NULL)
		run->stop = 1;
	free(text);
	return run->stop;
}

static int
term_span(const struct doc *doc, struct span span, void *ctx)
{
	struct term_run *run = ctx;
	const struct cons *k = run->r->params;

	(void)doc;
	if (check_each_match(run->c, run->r, k->term, NULL, span, on_term, run) < 0)
		run->stop = 1;
	return run->stop;
}

/* True when the title or the intro says the notice is of the kind the rule is about. */
static bool
notice_applies(const struct rule *r, const struct check_ctx *c)
{
	const struct cons *k = r->params;
	const struct doc *doc = c->doc;
	struct span sp = {0, 0};

	if (doc->title.present) {
		sp.start = doc->lines[doc->title.first_line].span.start;
		sp.end = doc->lines[doc->title.last_line].span.end;
		if (matches_in(doc, k->applies, sp) == 1)
			return true;
	}
	return doc->intro >= 0 && matches_in(doc, k->applies, doc->paragraphs[doc->intro].span) == 1;
}

static void
run_term(const struct rule *r, const struct check_ctx *c)
{
	struct term_run run = {r, c, 0};

	if (notice_applies(r, c))
		(void)check_scope_each(c->doc, r->scope, term_span, &run);
}

/* One place a form names something: form index, whole match, and the key (the text of
 * every group of the match, joined) that says what is named. */
struct naming {
	size_t form;
	struct span at;
	char *key;
};

struct naming_list {
	struct naming *v;
	size_t n, cap;
	size_t form;            /* the form being collected */
	const struct doc *doc;
};

static int
on_naming(const struct regex_match *m, void *ctx)
{
	struct naming_list *l = ctx;
	size_t len = 0, g;
	char *key;

	for (g = 1; g <= (size_t)m->ngroups; g++)
		if (m->gstart[g] != (size_t)-1)
			len += m->gend[g] - m->gstart[g];
	if (len == 0)
		return 0;
	key = xmalloc(len + 1);
	len = 0;
	for (g = 1; g <= (size_t)m->ngroups; g++) {
		if (m->gstart[g] == (size_t)-1)
			continue;
		memcpy(key + len, l->doc->text + m->gstart[g], m->gend[g] - m->gstart[g]);
		len += m->gend[g] - m->gstart[g];
	}
	key[len] = '\0';
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n].form = l->form;
	l->v[l->n].at.start = m->start;
	l->v[l->n].at.end = m->end;
	l->v[l->n].key = key;
	l->n++;
	return 0;
}

struct naming_walk {
	const struct rule *r;
	const struct check_ctx *c;
	struct naming_list *list;
	int stop;
};

static int
naming_span(const struct doc *doc, struct span span, void *ctx)
{
	struct naming_walk *w = ctx;
	const struct cons *k = w->r->params;

	(void)doc;
	if (check_each_match(w->c, w->r, k->forms[w->list->form], NULL, span, on_naming,
	    w->list) < 0)
		w->stop = 1;
	return w->stop;
}

/* A naming's key and its index in the list, for sorting by key. */
struct keyed {
	const char *key;
	size_t index;
};

/* By key, then by place in the list. */
static int
keyed_cmp(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int d = strcmp(a->key, b->key);

	if (d != 0)
		return d;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* The namings grouped by thing (equal keys): for each naming its group, and for each group
 * its earliest naming of any form and of each form ((size_t)-1 when the form is absent).
 * Earliest is the smallest start; on a tie, the first in the list. */
struct groups {
	size_t *of;
	size_t *first;
	size_t *first_form;   /* first_form[group * nforms + form] */
};

static void
group_namings(const struct naming_list *l, size_t nforms, struct groups *g)
{
	struct keyed *v = xcalloc(l->n + 1, sizeof(*v));
	size_t i, j, ng = 0, *slot;

	for (i = 0; i < l->n; i++) {
		v[i].key = l->v[i].key;
		v[i].index = i;
	}
	qsort(v, l->n, sizeof(*v), keyed_cmp);
	g->of = xcalloc(l->n + 1, sizeof(*g->of));
	g->first = xcalloc(l->n + 1, sizeof(*g->first));
	g->first_form = xcalloc((l->n + 1) * nforms, sizeof(*g->first_form));
	for (i = 0; i < l->n; i++) {
		j = v[i].index;
		if (i == 0 || strcmp(v[i - 1].key, v[i].key) != 0) {
			ng++;
			g->first[ng - 1] = j;
			for (slot = &g->first_form[(ng - 1) * nforms]; slot < &g->first_form[ng * nforms];
			    slot++)
				*slot = (size_t)-1;
		}
		g->of[j] = ng - 1;
		if (l->v[j].at.start < l->v[g->first[ng - 1]].at.start)
			g->first[ng - 1] = j;
		slot = &g->first_form[(ng - 1) * nforms + l->v[j].form];
		if (*slot == (size_t)-1 || l->v[j].at.start < l->v[*slot].at.start)
			*slot = j;
	}
	free(v);
}

static void
groups_free(struct groups *g)
{
	free(g->of);
	free(g->first);
	free(g->first_form);
}

/* Reports, for each thing named by two forms, the first naming of each later form. */
static void
report_variants(const struct rule *r, const struct check_ctx *c, const struct naming_list *l)
{
	const struct cons *k = r->params;
	const struct naming *a, *b, *first, *second;
	struct groups g;
	char *t1, *t2;
	struct diag *d;
	size_t i, f, bi;

	group_namings(l, k->nforms, &g);
	for (i = 0; i < l->n; i++) {
		a = &l->v[i];
		if (g.first[g.of[i]] != i)
			continue;   /* the first naming of each thing is the reference */
		for (f = 0; f < k->nforms; f++) {
			bi = g.first_form[g.of[i] * k->nforms + f];
			if (f == a->form || bi == (size_t)-1)
				continue;
			b = &l->v[bi];
			if (b->at.start < a->at.start)
				continue;
			first = a;
			second = b;
			t1 = check_text(c->doc, first->at.start, first->at.end);
			t2 = check_text(c->doc, second->at.start, second->at.end);
			d = diag_add(c->out, r, second->at.start, second->at.end, "match", t2, "other",
			    t1, NULL);
			diag_note(c->out, d, first->at.start, first->at.end, "另一种写法首次出现于此",
			    "the other form first appears here", NULL);
			free(t1);
			free(t2);
		}
	}
	groups_free(&g);
}

static void
run_variants(const struct rule *r, const struct check_ctx *c)
{
	const struct cons *k = r->params;
	struct naming_list list = {NULL, 0, 0, 0, c->doc};
	struct naming_walk w = {r, c, &list, 0};
	size_t i;

	for (list.form = 0; list.form < k->nforms && !w.stop; list.form++)
		(void)check_scope_each(c->doc, r->scope, naming_span, &w);
	if (!w.stop)
		report_variants(r, c, &list);
	for (i = 0; i < list.n; i++)
		free(list.v[i].key);
	free(list.v);
}

static void
cons_run(const struct rule *r, const struct check_ctx *c)
{
	const struct cons *k = r->params;

	if (k->aspect == CONS_TERM)
		run_term(r, c);
	else
		run_variants(r, c);
}

const struct check_type chk_consistency = {
	"consistency",
	"one vocabulary per notice: terms foreign to its kind, one thing named two ways",
	cons_parse,
	cons_run,
	cons_free,
	"全文用语一致：不属于本类通报的用语，同一事物的两种叫法",
};
