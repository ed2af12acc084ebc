/* Check type `repeated-word`: a run of Han characters written twice in a row (党组党组,
 * 公务车辆公务车辆). Single-character reduplication (常常, 天天) is never reported, and a
 * doubled text that an `allow` pattern matches entirely (一项一项) is excused. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

struct rep_params {
	long min_unit;        /* shortest repeated unit in characters (at least 2) */
	long max_unit;        /* longest repeated unit looked for */
	struct regex **allow; /* doubled texts matched entirely by one of these are fine */
	size_t nallow;
};

/* One scope span decoded to code points with their byte offsets. */
struct rep_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct rep_params *p;
	uint32_t *cp;
	size_t *off;          /* off[i] = byte offset of cp[i]; off[n] = span end */
	size_t n, cap, offcap;
	int stop;
};

static void
rep_free(void *params)
{
	struct rep_params *p = params;
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nallow; i++)
		regex_free(p->allow[i]);
	free(p->allow);
	free(p);
}

static int
rep_parse(struct rule *r, struct rparam *rp)
{
	struct rep_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	p->min_unit = 2;
	p->max_unit = 8;
	if (rp_int(rp, "min_unit", false, 2, 32, &p->min_unit) != 0)
		rc = -1;
	if (rp_int(rp, "max_unit", false, 2, 32, &p->max_unit) != 0)
		rc = -1;
	if (rp_regexes(rp, "allow", false, &p->allow, &p->nallow) != 0)
		rc = -1;
	if (rc != 0)
		return rc;
	if (p->max_unit < p->min_unit) {
		rp_error(rp, "max_unit", "max_unit 不能小于 min_unit（max_unit must not be less "
		    "than min_unit）");
		return -1;
	}
	return 0;
}

/* True when cp[i, i + len) and cp[i + len, i + 2 len) are the same Han characters and the
 * unit is not one character repeated. */
static bool
doubled(const struct rep_run *run, size_t i, size_t len)
{
	size_t k;
	bool uniform = true;

	for (k = 0; k < len; k++) {
		if (!utf8_is_han(run->cp[i + k]) || run->cp[i + k] != run->cp[i + len + k])
			return false;
		if (run->cp[i + k] != run->cp[i])
			uniform = false;
	}
	return !uniform;
}

/* True when an allow pattern matches the doubled text [start, end) entirely. */
static bool
allowed(struct rep_run *run, size_t start, size_t end)
{
	char *s = check_text(run->c->doc, start, end);
	struct regex_match m;
	size_t i, n = end - start;
	bool ok = false;
	int rc;

	for (i = 0; i < run->p->nallow && !ok; i++) {
		rc = regex_find(run->p->allow[i], s, 0, n, &m);
		if (rc < 0)
			check_regex_limit(run->c, run->r, start);
		ok = rc == 1 && m.start == 0 && m.end == n;
	}
	free(s);
	return ok;
}

static void
decode_span(struct rep_run *run, struct span sp)
{
	const char *t = run->c->doc->text;
	size_t i = sp.start;

	run->n = 0;
	while (i < sp.end) {
		run->cp = xgrow(run->cp, &run->cap, run->n + 1, sizeof(*run->cp));
		run->off = xgrow(run->off, &run->offcap, run->n + 2, sizeof(*run->off));
		run->off[run->n] = i;
		run->cp[run->n++] = utf8_next(t, sp.end, &i);
	}
	run->off = xgrow(run->off, &run->offcap, run->n + 1, sizeof(*run->off));
	run->off[run->n] = sp.end;
}

/* Length of the shortest repeated unit starting at i, or 0. */
static size_t
unit_at(struct rep_run *run, size_t i)
{
	size_t len;

	for (len = (size_t)run->p->min_unit; len <= (size_t)run->p->max_unit; len++) {
		if (i + 2 * len > run->n)
			return 0;
		if (doubled(run, i, len) && !allowed(run, run->off[i], run->off[i + 2 * len]))
			return len;
	}
	return 0;
}

static int
rep_span(const struct doc *doc, struct span sp, void *ctx)
{
	struct rep_run *run = ctx;
	size_t i = 0, len;
	char *word;
	struct diag *d;

	(void)doc;
	decode_span(run, sp);
	while (i + 2 * (size_t)run->p->min_unit <= run->n) {
		if (!utf8_is_han(run->cp[i]) || (len = unit_at(run, i)) == 0) {
			i++;
			continue;
		}
		word = check_text(run->c->doc, run->off[i], run->off[i + len]);
		d = diag_add(run->c->out, run->r, run->off[i + len], run->off[i + 2 * len], "word",
		    word, NULL);
		free(word);
		if (d == NULL)
			return run->stop = 1;
		i += 2 * len;
	}
	return 0;
}

static void
rep_run(const struct rule *r, const struct check_ctx *c)
{
	struct rep_run run;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.p = r->params;
	(void)check_scope_each(c->doc, r->scope, rep_span, &run);
	free(run.cp);
	free(run.off);
}

const struct check_type chk_repeated_word = {
	"repeated-word",
	"reports a word of two or more Han characters written twice in a row",
	rep_parse,
	rep_run,
	rep_free,
};
