/* Check type `body-count`: summary figures (number of problems, of each status, of
 * aspects) against the problem items and groups the body actually lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "factcheck.h"
#include "rule_load.h"
#include "xalloc.h"

/* Each entry of `figures` names a summary figure (the first count in the rule's scope
 * matching its label, noun and unit patterns) and what it must equal: `count: items` the
 * number of problem items, `count: status` the items whose status is `status`,
 * `count: groups` the number of headings that group the items (their parents, or their
 * ancestors at `group_level`). With `require_status` (the default) the check applies only
 * when every item states its own status: where items bundle problems or carry no status,
 * the body cannot be counted and the check stays silent. `count: aspects` is the number
 * of headings right under the per-problem part (one per feedback aspect); it is judged
 * only in a complete text, before the first of them, and not when those headings group a
 * selection of the problems stated beside the figure (3个方面12个问题 with 3 items listed);
 * where a heading's text does not read as an aspect (方面, 问题) the finding is reported at
 * `loose_level`. */
enum bc_count { BC_ITEMS, BC_STATUS, BC_GROUPS, BC_ASPECTS };

static const char *const count_names[] = {"items", "status", "groups", "aspects"};

static const char *const status_names[] = {
	"none", "done", "partial", "ongoing", "longterm", "open", "other",
};

/* Words for each status in messages (zh, en). */
static const char *const status_zh[] = {
	"未标明", "完成", "阶段性完成", "正在整改", "长期坚持", "未完成", "其他",
};
static const char *const status_en[] = {
	"no status", "done", "partly done", "in progress", "ongoing", "not done", "other",
};

/* One summary figure and the body count it must equal. */
struct figure {
	enum bc_count count;
	enum item_status status;
	struct fc_pat pat;
	long group_level;     /* 0: the items' parents */
};

struct body_count {
	struct figure *v;
	size_t n, cap;
	bool require_status;
	enum level loose_level;
};

static void
bc_free(void *params)
{
	struct body_count *b = params;
	size_t i;

	for (i = 0; i < b->n; i++)
		fc_pat_free(&b->v[i].pat);
	free(b->v);
	free(b);
}

/* Looks name up in a table of n names; returns its index or -1. */
static int
lookup(const char *const *names, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

static int
parse_figure(struct rparam *p, size_t index, void *ctx)
{
	struct body_count *b = ctx;
	struct figure *f;
	char *count = NULL, *status = NULL;
	int rc = 0, k;

	(void)index;
	b->v = xgrow(b->v, &b->cap, b->n + 1, sizeof(*b->v));
	f = &b->v[b->n++];
	memset(f, 0, sizeof(*f));
	if (rp_string(p, "count", true, &count) != 0 || rp_string(p, "status", false,
	    &status) != 0 || fc_pat_parse(&f->pat, p) != 0 ||
	    rp_int(p, "group_level", false, 1, 5, &f->group_level) != 0)
		rc = -1;
	if (count != NULL && (k = lookup(count_names, 4, count)) < 0) {
		rp_error(p, "count", "expected items, status, groups or aspects");
		rc = -1;
	} else if (count != NULL) {
		f->count = (enum bc_count)k;
	}
	if (status != NULL && (k = lookup(status_names, 7, status)) < 0) {
		rp_error(p, "status", "expected none, done, partial, ongoing, longterm, open or other");
		rc = -1;
	} else if (status != NULL) {
		f->status = (enum item_status)k;
	}
	if (rc == 0 && f->count == BC_STATUS && status == NULL) {
		rp_error(p, "status", "count: status needs a status");
		rc = -1;
	}
	free(count);
	free(status);
	return rc;
}

static int
bc_parse(struct rule *r, struct rparam *p)
{
	struct body_count *b = xcalloc(1, sizeof(*b));
	char *loose = NULL;
	int rc = 0;

	r->params = b;
	b->require_status = true;
	b->loose_level = LEVEL_WARNING;
	if (rp_maps(p, "figures", true, parse_figure, b) != 0 ||
	    rp_bool(p, "require_status", false, &b->require_status) != 0 ||
	    rp_string(p, "loose_level", false, &loose) != 0)
		rc = -1;
	if (loose != NULL && level_parse(loose, &b->loose_level) != 0) {
		rp_error(p, "loose_level", "expected error, warning or info");
		rc = -1;
	}
	free(loose);
	return rc;
}

/* True when every item states its own status (and there are at least two items). */
static bool
countable(const struct doc *doc)
{
	size_t i;

	if (doc->nitems < 2)
		return false;
	for (i = 0; i < doc->nitems; i++)
		if (doc->items[i].status == STATUS_NONE || (doc->items[i].status_field < 0 &&
		    doc->items[i].status_sentence.end <= doc->items[i].status_sentence.start))
			return false;
	return true;
}

/* The heading that groups item i: its parent, or its ancestor at level (if any). */
static int
group_of(const struct doc *doc, size_t i, long level)
{
	int h = doc->items[i].heading;

	if (h < 0)
		return -1;
	h = doc->headings[h].parent;
	while (level > 0 && h >= 0 && doc->headings[h].level > level)
		h = doc->headings[h].parent;
	return h >= 0 && (level == 0 || doc->headings[h].level == level) ? h : -1;
}

/* The body's figure for the rule. */
static size_t
body_figure(const struct figure *b, const struct doc *doc)
{
	bool *seen = b->count == BC_GROUPS ? xcalloc(doc->nheadings + 1, sizeof(*seen)) : NULL;
	size_t i, n = 0;
	int g;

	for (i = 0; i < doc->nitems; i++) {
		if (b->count == BC_ITEMS)
			n++;
		else if (b->count == BC_STATUS)
			n += doc->items[i].status == b->status;
		else if ((g = group_of(doc, i, b->group_level)) >= 0 && !seen[g]) {
			seen[g] = true;   /* each group counts once */
			n++;
		}
	}
	free(seen);
	return n;
}

/* Adds notes at the items that make the body's figure: each one when few, else the first
 * and the last. */
static void
notes(const struct check_ctx *c, struct diag *d, const struct figure *b, size_t counted)
{
	const struct doc *doc = c->doc;
	size_t i, seen = 0;

	if (b->count == BC_GROUPS)
		return;
	for (i = 0; i < doc->nitems; i++) {
		const struct item *it = &doc->items[i];
		struct span sp = it->status_field >= 0 ? doc->fields[it->status_field].value :
		    it->status_sentence.end > it->status_sentence.start ? it->status_sentence :
		    it->statement;
		char num[24];

		if (b->count == BC_STATUS && it->status != b->status)
			continue;
		seen++;
		if (counted > 5 && seen != 1 && seen != counted)
			continue;
		(void)snprintf(num, sizeof(num), "%zu", seen);
		diag_note(c->out, d, sp.start, sp.end, "计入的第 {n} 个问题条目",
		    "counted problem item {n}", "n", num, (const char *)NULL);
	}
}

/* True when span sp of s holds the word w. */
static bool
holds(const char *s, struct span sp, const char *w)
{
	size_t n = strlen(w), i;

	for (i = sp.start; i + n <= sp.end; i++)
		if (memcmp(s + i, w, n) == 0)
			return true;
	return false;
}

/* The status a tally's part states that an item status corresponds to. */
static enum count_status
part_status(enum item_status st)
{
	switch (st) {
	case STATUS_DONE:
		return CSTAT_DONE;
	case STATUS_PARTIAL:
		return CSTAT_PARTIAL;
	case STATUS_ONGOING:
		return CSTAT_ONGOING;
	case STATUS_OPEN:
		return CSTAT_OPEN;
	default:
		return CSTAT_NONE;
	}
}

/* True when count i is a part of the figure's status, of the figure's unit, in a tally
 * whose total counts problems (16个问题中已完成整改13个, where 13's label is 问题中已完成整改). */
static bool
status_part(const struct figure *fig, const struct doc *doc, const struct facts *f, size_t i)
{
	const struct count_fact *c = &f->counts[i], *t;
	struct fc_pat unit = {NULL, NULL, fig->pat.unit};
	size_t k, p;

	if (fig->count != BC_STATUS || c->status == CSTAT_NONE ||
	    c->status != part_status(fig->status) || !(c->role & COUNT_PART) ||
	    !fc_pat_match(&unit, doc, c))
		return false;
	for (k = 0; k < f->ntallies; k++) {
		if (f->tallies[k].total < 0)
			continue;
		for (p = 0; p < f->tallies[k].nparts; p++)
			if (f->tally_parts[f->tallies[k].part0 + p] == i)
				break;
		if (p == f->tallies[k].nparts)
			continue;
		t = &f->counts[f->tallies[k].total];
		return holds(doc->text, t->noun, "问题") || holds(doc->text, t->label, "问题");
	}
	return false;
}

/* True when count i is the figure: by its own words, as the second count of a
 * refinement (反馈了3个方面12个问题), whose label is the first count's, or as a status part
 * of a total of problems. */
static bool
figure_match(const struct figure *fig, const struct doc *doc, const struct facts *f, size_t i)
{
	struct count_fact c;

	if (fc_pat_match(&fig->pat, doc, &f->counts[i]) || status_part(fig, doc, f, i))
		return true;
	if (i == 0 || !(f->counts[i - 1].role & COUNT_LEVEL) ||
	    f->counts[i - 1].sentence != f->counts[i].sentence)
		return false;
	c = f->counts[i];
	c.label = f->counts[i - 1].label;
	return fc_pat_match(&fig->pat, doc, &c);
}

/* The index of the summary count that fig names, or ncounts when the scope has none. */
static size_t
find_figure(const struct check_ctx *c, const struct figure *fig, const struct fc_spans *sp)
{
	const struct facts *f = fc_facts(c->doc);
	size_t i;

	for (i = 0; i < f->ncounts; i++)
		if (fc_spans_hold(sp, f->counts[i].span.start, f->counts[i].span.end) &&
		    figure_match(fig, c->doc, f, i))
			break;
	return i;
}

/* True when the body lists fewer than four in five of the problems the rule's item and
 * status figures add up to, and at least three fewer: it shows a selection, which cannot
 * be counted against them (one or two items short is a count that is wrong). */
static bool
selection(const struct body_count *b, const struct check_ctx *c, const struct fc_spans *sp)
{
	const struct facts *f = fc_facts(c->doc);
	double stated = 0;
	size_t i, k;

	for (i = 0; i < b->n; i++) {
		if (b->v[i].count == BC_GROUPS || b->v[i].count == BC_ASPECTS ||
		    (k = find_figure(c, &b->v[i], sp)) == f->ncounts)
			continue;
		stated += f->counts[k].value;
	}
	return (double)c->doc->nitems * 5 < stated * 4 && (double)c->doc->nitems + 3 <= stated;
}


/* The aspects the body lists: the headings right under its one per-problem part, in
 * doc->headings order into at[] (up to max); their number, 0 when there is no such part.
 * *named: each heading's text reads as an aspect (方面, 问题); *leaves: none of them holds
 * a problem item of its own below it. */
static size_t
aspect_groups(const struct doc *doc, int *at, size_t max, bool *named, bool *leaves)
{
	int part = -1;
	size_t i, n = 0;

	for (i = 0; i < doc->nparts; i++) {
		if (doc->parts[i].role != PART_PROBLEM)
			continue;
		if (part >= 0 || doc->parts[i].heading < 0)
			return 0;
		part = doc->parts[i].heading;
	}
	if (part < 0)
		return 0;
	*named = true;
	*leaves = true;
	for (i = 0; i < doc->nheadings; i++) {
		const struct heading *h = &doc->headings[i];

		if (h->parent != part)
			continue;
		if (n < max)
			at[n] = (int)i;
		n++;
		if (!holds(doc->text, h->text, "方面") && !holds(doc->text, h->text, "问题"))
			*named = false;
	}
	for (i = 0; i < doc->nitems; i++) {
		int h = doc->items[i].heading;

		if (h >= 0 && doc->headings[h].parent != part)
			*leaves = false;
	}
	return n;
}

/* True when some level of headings below the per-problem part other than the first counts
 * v (8 方面 may name the 1.–8. under （一）–（四）). */
static bool
deeper_level_counts(const struct doc *doc, double v)
{
	size_t per[6] = {0}, i;
	int part = -1, h, depth;

	for (i = 0; i < doc->nparts; i++)
		if (doc->parts[i].role == PART_PROBLEM)
			part = doc->parts[i].heading;
	for (i = 0; i < doc->nheadings; i++) {
		for (h = (int)i, depth = 0; h >= 0 && h != part && depth < 6; depth++)
			h = doc->headings[h].parent;
		if (h == part && depth >= 2 && depth < 6)
			per[depth]++;
	}
	for (i = 2; i < 6; i++)
		if ((double)per[i] == v)
			return true;
	return false;
}

/* The problems stated beside aspect figure k (3个方面12个问题 → 12): the next count of its
 * sentence whose noun names problems; 0 when none. */
static double
stated_problems(const struct doc *doc, size_t k)
{
	const struct facts *f = fc_facts(doc);
	size_t i;

	for (i = k + 1; i < f->ncounts && f->counts[i].sentence == f->counts[k].sentence; i++)
		if (holds(doc->text, f->counts[i].noun, "问题"))
			return f->counts[i].value;
	return 0;
}

/* Compares an aspect figure with the groups of the body (see BC_ASPECTS); true when the
 * figure was found, so that later aspect figures (other wordings of it) are not read. */
static bool
check_aspects(const struct rule *r, const struct check_ctx *c, const struct figure *fig,
		const struct fc_spans *sp)
{
	const struct body_count *b = r->params;
	const struct doc *doc = c->doc;
	const struct facts *f = fc_facts(doc);
	int at[64];
	bool named, leaves;
	size_t n = aspect_groups(doc, at, 64, &named, &leaves), k, i;
	double problems;
	char stated[32], counted[32], num[24];
	struct diag *d;
	char *text;

	if (doc->cut.present || n == 0)
		return false;
	k = find_figure(c, fig, sp);
	if (k == f->ncounts ||
	    f->counts[k].span.start >= doc->lines[doc->headings[at[0]].line].span.start)
		return false;
	problems = stated_problems(doc, k);
	if (f->counts[k].value == (double)n || deeper_level_counts(doc, f->counts[k].value) ||
	    (!leaves && problems > 0 && (double)doc->nitems * 5 < problems * 4))
		return true;   /* as stated, or the groups hold a selection of the problems */
	fc_number(f->counts[k].value, stated, sizeof(stated));
	(void)snprintf(counted, sizeof(counted), "%zu", n);
	text = check_text(doc, f->counts[k].span.start, f->counts[k].span.end);
	d = diag_add(c->out, r, f->counts[k].span.start, f->counts[k].span.end, "figure", text,
	    "stated", stated, "counted", counted, "status", "", (const char *)NULL);
	free(text);
	if (d != NULL && (!named || !leaves) && b->loose_level < d->level)
		d->level = b->loose_level;
	for (i = 0; i < n && i < 64; i++) {
		const struct heading *h = &doc->headings[at[i]];

		(void)snprintf(num, sizeof(num), "%zu", i + 1);
		diag_note(c->out, d, h->title.start, h->title.end, "正文第 {n} 个方面",
		    "aspect {n} of the body", "n", num, (const char *)NULL);
	}
	return true;
}

/* Compares one figure with the body; reports a mismatch at the summary figure. */
static void
check_figure(const struct rule *r, const struct check_ctx *c, const struct figure *fig,
		const struct fc_spans *sp)
{
	const struct facts *f = fc_facts(c->doc);
	char stated[32], counted[32];
	struct diag *d;
	size_t i, n;
	char *text;

	i = find_figure(c, fig, sp);
	n = body_figure(fig, c->doc);
	if (i == f->ncounts || f->counts[i].value == (double)n)
		return;
	fc_number(f->counts[i].value, stated, sizeof(stated));
	(void)snprintf(counted, sizeof(counted), "%zu", n);
	text = check_text(c->doc, f->counts[i].span.start, f->counts[i].span.end);
	d = diag_add(c->out, r, f->counts[i].span.start, f->counts[i].span.end, "figure", text,
	    "stated", stated, "counted", counted, "status",
	    fc_lang(c, status_zh[fig->status], status_en[fig->status]), (const char *)NULL);
	free(text);
	notes(c, d, fig, n);
}

static void
bc_run(const struct rule *r, const struct check_ctx *c)
{
	const struct body_count *b = r->params;
	struct fc_spans sp;
	size_t i;
	bool aspects = false;

	if (b->require_status && !countable(c->doc))
		return;
	fc_scope_spans(&sp, c->doc, r->scope);
	for (i = 0; i < b->n && !selection(b, c, &sp); i++) {
		if (b->v[i].count != BC_ASPECTS)
			check_figure(r, c, &b->v[i], &sp);
		else if (!aspects)
			aspects = check_aspects(r, c, &b->v[i], &sp);
	}
	fc_spans_free(&sp);
}

const struct check_type chk_body_count = {
	"body-count",
	"compares a summary figure (number of problems, of each status, of aspects) with the "
	"problem items the body actually lists",
	bc_parse,
	bc_run,
	bc_free,
	"把汇总数字（问题数、各状态数、方面数）与正文实际列出的问题条目相比较",
};
