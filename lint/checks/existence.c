/* Check type `existence`: reports every match of `pattern` in the rule's scope, except where
 * a match of `unless` covers it; `limit` caps the reports per scope span, `file_limit` per
 * file. */
#include <stdlib.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

struct existence {
	struct regex *pattern;
	struct regex *unless;   /* NULL when absent */
	long limit;             /* reports per scope span; 0 = no limit */
	long file_limit;        /* reports per file; 0 = no limit */
};

/* State of one run over one span. */
struct existence_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct existence *e;
	long reported;          /* in the current span */
	long in_file;           /* in the whole file */
	int stop;               /* nonzero once the rule must stop on this file */
};

static void
existence_free(void *params)
{
	struct existence *e = params;

	regex_free(e->pattern);
	regex_free(e->unless);
	free(e);
}

static int
existence_parse(struct rule *r, struct rparam *p)
{
	struct existence *e = xcalloc(1, sizeof(*e));
	int rc = 0;

	r->params = e;
	if (rp_regex(p, "pattern", true, &e->pattern) != 0)
		rc = -1;
	if (rp_regex(p, "unless", false, &e->unless) != 0)
		rc = -1;
	if (rp_int(p, "limit", false, 1, 1000000, &e->limit) != 0)
		rc = -1;
	if (rp_int(p, "file_limit", false, 1, 1000000, &e->file_limit) != 0)
		rc = -1;
	return rc;
}

static int
report_match(const struct regex_match *m, void *ctx)
{
	struct existence_run *run = ctx;
	char *text = check_text(run->c->doc, m->start, m->end);
	struct diag *d;

	d = diag_add(run->c->out, run->r, m->start, m->end, "match", text, NULL);
	free(text);
	if (d == NULL) {
		run->stop = 1;
		return 1;
	}
	run->reported++;
	run->in_file++;
	if (run->e->file_limit > 0 && run->in_file >= run->e->file_limit) {
		run->stop = 1;
		return 1;
	}
	return run->e->limit > 0 && run->reported >= run->e->limit;
}

static int
existence_span(const struct doc *doc, struct span span, void *ctx)
{
	struct existence_run *run = ctx;

	(void)doc;
	run->reported = 0;
	if (check_each_match(run->c, run->r, run->e->pattern, run->e->unless, span, report_match,
	    run) < 0)
		run->stop = 1;
	return run->stop;
}

static void
existence_run(const struct rule *r, const struct check_ctx *c)
{
	struct existence_run run = {r, c, r->params, 0, 0, 0};

	(void)check_scope_each(c->doc, r->scope, existence_span, &run);
}

const struct check_type chk_existence = {
	"existence",
	"reports each match of a pattern in the rule's scope (unless an exception pattern covers it)",
	existence_parse,
	existence_run,
	existence_free,
	"报告规则范围内模式的每一处匹配（例外模式覆盖的除外）",
};
