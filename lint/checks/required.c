/* Check type `required`: the number of matches of `pattern` in the rule's scope must lie in
 * [min, max] (min defaults to 1, max is open unless given). A shortfall is reported once at
 * the first line of the scope, or at the document's first line with a note when the scope
 * is absent; an excess is reported at the first match past max. Messages get {count},
 * {min} and {max} ("∞" when open). A whole-part scope (document, title, intro, contact,
 * signature, body) is counted over all its spans; other scopes (item, paragraph, ...) are
 * judged per span, and a document without such elements has nothing to judge. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

struct required {
	struct regex *pattern;
	long min;
	long max;               /* -1: no upper bound */
};

/* Counting state for one unit (one span, or all spans of a whole-part scope). */
struct required_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct required *q;
	long count;
	struct span first;      /* the unit's first span */
	bool have_first;
	struct span excess;     /* the first match past max */
	int stop;
};

static void
required_free(void *params)
{
	struct required *q = params;

	regex_free(q->pattern);
	free(q);
}

static int
required_parse(struct rule *r, struct rparam *p)
{
	struct required *q = xcalloc(1, sizeof(*q));
	int rc = 0;

	r->params = q;
	q->min = 1;
	q->max = -1;
	if (rp_regex(p, "pattern", true, &q->pattern) != 0)
		rc = -1;
	if (rp_int(p, "min", false, 0, 1000000, &q->min) != 0)
		rc = -1;
	if (rp_int(p, "max", false, 0, 1000000, &q->max) != 0)
		rc = -1;
	if (rc == 0 && q->max >= 0 && q->max < q->min) {
		rp_error(p, "max", "max must not be less than min");
		rc = -1;
	}
	return rc;
}

static int
count_match(const struct regex_match *m, void *ctx)
{
	struct required_run *run = ctx;

	run->count++;
	if (run->q->max >= 0 && run->count == run->q->max + 1) {
		run->excess.start = m->start;
		run->excess.end = m->end;
	}
	/* With no upper bound, the outcome is settled once min is reached. */
	return run->q->max < 0 && run->count >= run->q->min;
}

/* The first line of span (up to its first LF). */
static struct span
first_line(const struct doc *doc, struct span span)
{
	const char *lf = memchr(doc->text + span.start, '\n', span.end - span.start);

	if (lf != NULL)
		span.end = (size_t)(lf - doc->text);
	return span;
}

/* The document's first line that is neither blank nor boilerplate, or [0, 0). */
static struct span
document_start(const struct doc *doc)
{
	struct span none = {0, 0};
	size_t i;

	for (i = 0; i < doc->nlines; i++)
		if (doc->lines[i].kind != LINE_BLANK && doc->lines[i].kind != LINE_BOILERPLATE)
			return doc->lines[i].content;
	return none;
}

/* Reports the unit's count if it is out of range; at is where a shortfall goes. */
static void
judge(struct required_run *run, struct span at, bool absent)
{
	char count[24], min[24], max[24];
	struct span where = at;
	struct diag *d;

	if (run->count >= run->q->min && (run->q->max < 0 || run->count <= run->q->max))
		return;
	if (run->q->max >= 0 && run->count > run->q->max)
		where = run->excess;
	snprintf(count, sizeof(count), "%ld", run->count);
	snprintf(min, sizeof(min), "%ld", run->q->min);
	if (run->q->max >= 0)
		snprintf(max, sizeof(max), "%ld", run->q->max);
	else
		snprintf(max, sizeof(max), "∞");
	d = diag_add(run->c->out, run->r, where.start, where.end, "count", count, "min", min,
	    "max", max, NULL);
	if (d == NULL)
		run->stop = 1;
	if (absent)
		diag_note(run->c->out, d, where.start, where.end,
		    "本规则的检查范围（{scope}）在文中不存在，故在文首报告",
		    "this rule's scope ({scope}) is absent from the document, so the finding is "
		    "placed at its start", "scope", scope_name(run->r->scope), NULL);
}

static int
required_span(const struct doc *doc, struct span span, void *ctx)
{
	struct required_run *run = ctx;
	bool whole = check_scope_is_whole(run->r->scope);

	if (!run->have_first) {
		run->first = span;
		run->have_first = true;
	}
	if (!whole)
		run->count = 0;
	if (check_each_match(run->c, run->r, run->q->pattern, NULL, span, count_match, run) < 0) {
		run->stop = 1;
		return 1;
	}
	if (!whole) {
		judge(run, first_line(doc, span), false);
		run->have_first = false;
	}
	return run->stop;
}

static void
required_run(const struct rule *r, const struct check_ctx *c)
{
	struct required_run run;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.q = r->params;
	(void)check_scope_each(c->doc, r->scope, required_span, &run);
	/* Per-element scopes were judged span by span; no element means nothing to judge. */
	if (run.stop || !check_scope_is_whole(r->scope))
		return;
	if (run.have_first)
		judge(&run, first_line(c->doc, run.first), false);
	else
		judge(&run, document_start(c->doc), true);
}

const struct check_type chk_required = {
	"required",
	"counts matches of a pattern in the rule's scope and reports a count outside [min, max]",
	required_parse,
	required_run,
	required_free,
	"统计规则范围内模式的匹配次数，次数超出 [min, max] 时报告",
};
