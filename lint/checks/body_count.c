/* Check type `body-count`: summary figures (number of problems, of each status, of
 * aspects) against the problem items the body actually lists. */
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
 * the body cannot be counted and the check stays silent. */
enum bc_count { BC_ITEMS, BC_STATUS, BC_GROUPS };

static const char *const count_names[] = {"items", "status", "groups"};

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
	if (count != NULL && (k = lookup(count_names, 3, count)) < 0) {
		rp_error(p, "count", "expected items, status or groups");
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
	int rc = 0;

	r->params = b;
	b->require_status = true;
	if (rp_maps(p, "figures", true, parse_figure, b) != 0 ||
	    rp_bool(p, "require_status", false, &b->require_status) != 0)
		rc = -1;
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
		if (doc->items[i].status == STATUS_NONE || doc->items[i].status_field < 0)
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

/* The index of the summary count that fig names, or ncounts when the scope has none. */
static size_t
find_figure(const struct check_ctx *c, const struct figure *fig, const struct fc_spans *sp)
{
	const struct facts *f = fc_facts(c->doc);
	size_t i;

	for (i = 0; i < f->ncounts; i++)
		if (fc_spans_hold(sp, f->counts[i].span.start, f->counts[i].span.end) &&
		    fc_pat_match(&fig->pat, c->doc, &f->counts[i]))
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
		if (b->v[i].count == BC_GROUPS || (k = find_figure(c, &b->v[i], sp)) == f->ncounts)
			continue;
		stated += f->counts[k].value;
	}
	return (double)c->doc->nitems * 5 < stated * 4 && (double)c->doc->nitems + 3 <= stated;
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

	if (b->require_status && !countable(c->doc))
		return;
	fc_scope_spans(&sp, c->doc, r->scope);
	if (!selection(b, c, &sp))
		for (i = 0; i < b->n; i++)
			check_figure(r, c, &b->v[i], &sp);
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
