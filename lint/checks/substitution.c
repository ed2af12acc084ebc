/* Check type `substitution`: a wrong form and its correction, given as `pattern` + `suggest`
 * or as `pairs` of {wrong, right}; the correction may name groups as $1 or {1}. Messages
 * get {match} and {suggest}. A rule with `fix:` carries the correction as its fix. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

struct subst_pair {
	struct regex *wrong;
	char *right;            /* template with $N / {N} group references */
};

struct substitution {
	struct subst_pair *pairs;
	size_t n;
	struct regex *unless;   /* NULL when absent */
};

struct subst_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct subst_pair *pair;
	int stop;
};

static void
substitution_free(void *params)
{
	struct substitution *s = params;
	size_t i;

	for (i = 0; i < s->n; i++) {
		regex_free(s->pairs[i].wrong);
		free(s->pairs[i].right);
	}
	free(s->pairs);
	regex_free(s->unless);
	free(s);
}

static struct subst_pair *
new_pair(struct substitution *s)
{
	s->pairs = xrealloc(s->pairs, (s->n + 1) * sizeof(*s->pairs));
	memset(&s->pairs[s->n], 0, sizeof(s->pairs[s->n]));
	return &s->pairs[s->n++];
}

static int
read_pair(struct rparam *p, size_t index, void *ctx)
{
	struct subst_pair *pair = new_pair(ctx);
	int rc = 0;

	(void)index;
	if (rp_regex(p, "wrong", true, &pair->wrong) != 0)
		rc = -1;
	if (rp_string(p, "right", true, &pair->right) != 0)
		rc = -1;
	return rc;
}

static int
substitution_parse(struct rule *r, struct rparam *p)
{
	struct substitution *s = xcalloc(1, sizeof(*s));
	struct subst_pair *pair;
	int rc = 0;

	r->params = s;
	if (rp_regex(p, "unless", false, &s->unless) != 0)
		rc = -1;
	if (rp_has(p, "pairs")) {
		if (rp_has(p, "pattern") || rp_has(p, "suggest")) {
			rp_ignore(p, "pattern");
			rp_ignore(p, "suggest");
			rp_error(p, "pairs", "use either `pairs` or `pattern` with `suggest`");
			return -1;
		}
		return rp_maps(p, "pairs", true, read_pair, s) != 0 ? -1 : rc;
	}
	pair = new_pair(s);
	if (rp_regex(p, "pattern", true, &pair->wrong) != 0)
		rc = -1;
	if (rp_string(p, "suggest", true, &pair->right) != 0)
		rc = -1;
	return rc;
}

/* Appends group g of m (empty when unset) to buf. */
static void
append_group(char **buf, size_t *len, size_t *cap, const char *text,
		const struct regex_match *m, int g)
{
	size_t s = g == 0 ? m->start : m->gstart[g];
	size_t e = g == 0 ? m->end : m->gend[g];

	if (s == (size_t)-1)
		return;
	*buf = xgrow(*buf, cap, *len + (e - s) + 1, 1);
	memcpy(*buf + *len, text + s, e - s);
	*len += e - s;
}

/* The correction for match m: tmpl with $N and {N} (N = 0..9) replaced by group N, and $$
 * by $. The caller frees. */
static char *
subst_expand(const char *tmpl, const char *text, const struct regex_match *m)
{
	size_t len = 0, cap = 0, i;
	char *buf = NULL;
	int g;

	for (i = 0; tmpl[i] != '\0'; i++) {
		g = -1;
		if (tmpl[i] == '$' && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9') {
			g = tmpl[i + 1] - '0';
			i += 1;
		} else if (tmpl[i] == '{' && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9' &&
		    tmpl[i + 2] == '}') {
			g = tmpl[i + 1] - '0';
			i += 2;
		} else if (tmpl[i] == '$' && tmpl[i + 1] == '$') {
			i++;
		}
		if (g >= 0 && g < REGEX_MAX_GROUPS) {
			append_group(&buf, &len, &cap, text, m, g);
			continue;
		}
		buf = xgrow(buf, &cap, len + 2, 1);
		buf[len++] = tmpl[i];
	}
	buf = xgrow(buf, &cap, len + 1, 1);
	buf[len] = '\0';
	return buf;
}

static int
report_match(const struct regex_match *m, void *ctx)
{
	struct subst_run *run = ctx;
	char *text = check_text(run->c->doc, m->start, m->end);
	char *suggest = subst_expand(run->pair->right, run->c->doc->text, m);
	struct diag *d;

	d = diag_add(run->c->out, run->r, m->start, m->end, "match", text, "suggest", suggest,
	    NULL);
	if (run->r->fix_zh != NULL)
		diag_edit(d, m->start, m->end, suggest, strlen(suggest));
	free(text);
	free(suggest);
	if (d == NULL)
		run->stop = 1;
	return run->stop;
}

static int
substitution_span(const struct doc *doc, struct span span, void *ctx)
{
	struct subst_run *run = ctx;
	const struct substitution *s = run->r->params;
	size_t i;

	(void)doc;
	for (i = 0; i < s->n && !run->stop; i++) {
		run->pair = &s->pairs[i];
		if (check_each_match(run->c, run->r, run->pair->wrong, s->unless, span, report_match,
		    run) < 0)
			run->stop = 1;
	}
	return run->stop;
}

static void
substitution_run(const struct rule *r, const struct check_ctx *c)
{
	struct subst_run run = {r, c, NULL, 0};

	(void)check_scope_each(c->doc, r->scope, substitution_span, &run);
}

const struct check_type chk_substitution = {
	"substitution",
	"reports a wrong form and suggests its correction ({match} -> {suggest})",
	substitution_parse,
	substitution_run,
	substitution_free,
	"报告错误写法并给出正确写法（{match} -> {suggest}）",
};
