/* Helpers of the fact-reading check types: scope spans, number and date text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "factcheck.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

static int
collect(const struct doc *doc, struct span span, void *ctx)
{
	struct fc_spans *sp = ctx;

	(void)doc;
	sp->v = xgrow(sp->v, &sp->cap, sp->n + 1, sizeof(*sp->v));
	sp->v[sp->n++] = span;
	return 0;
}

void
fc_scope_spans(struct fc_spans *out, const struct doc *doc, enum scope s)
{
	memset(out, 0, sizeof(*out));
	(void)check_scope_each(doc, s, collect, out);
}

void
fc_spans_free(struct fc_spans *sp)
{
	free(sp->v);
	memset(sp, 0, sizeof(*sp));
}

bool
fc_spans_hold(const struct fc_spans *sp, size_t start, size_t end)
{
	size_t i;

	for (i = 0; i < sp->n; i++)
		if (start >= sp->v[i].start && end <= sp->v[i].end)
			return true;
	return false;
}

void
fc_number(double v, char *buf, size_t size)
{
	size_t n;
	double whole;
	int len;

	/* Only a value in range may be converted to an integer type (the rest is undefined). */
	if (v > -1e15 && v < 1e15) {
		whole = (double)(long long)(v < 0 ? v - 0.5 : v + 0.5);
		if (v - whole < 1e-9 && whole - v < 1e-9) {
			(void)snprintf(buf, size, "%.0f", v);
			return;
		}
	}
	/* Trailing zeros go only from a fraction printed in full (not from a cut-off one). */
	len = snprintf(buf, size, "%.2f", v);
	if (len < 0 || (size_t)len >= size || strchr(buf, '.') == NULL)
		return;
	n = (size_t)len;
	while (n > 0 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 0 && buf[n - 1] == '.')
		buf[--n] = '\0';   /* a whole number too large for the branch above */
}

void
fc_date(const struct date_fact *d, char *buf, size_t size)
{
	if (d->prec == DATE_PREC_NONE)
		buf[0] = '\0';
	else
		facts_date_format(d, buf, size);
}

const struct facts *
fc_facts(const struct doc *doc)
{
	static const struct facts none;

	return doc->facts != NULL ? doc->facts : &none;
}

const char *
fc_lang(const struct check_ctx *c, const char *zh, const char *en)
{
	return c->out->lang == LANG_EN ? en : zh;
}

int
fc_pat_parse(struct fc_pat *pat, struct rparam *p)
{
	int rc = 0;

	memset(pat, 0, sizeof(*pat));
	if (rp_regex(p, "label", false, &pat->label) != 0)
		rc = -1;
	if (rp_regex(p, "noun", false, &pat->noun) != 0)
		rc = -1;
	if (rp_regex(p, "unit", false, &pat->unit) != 0)
		rc = -1;
	return rc;
}

void
fc_pat_free(struct fc_pat *pat)
{
	regex_free(pat->label);
	regex_free(pat->noun);
	regex_free(pat->unit);
	memset(pat, 0, sizeof(*pat));
}

/* Matches re against doc->text[sp] on its own. */
static bool
part_match(const struct regex *re, const struct doc *doc, struct span sp)
{
	struct regex_match m;

	if (re == NULL)
		return true;
	/* The subject starts at the span: the pattern sees nothing before or after it. */
	return regex_find(re, doc->text + sp.start, 0, sp.end - sp.start, &m) == 1;
}

bool
fc_pat_match(const struct fc_pat *pat, const struct doc *doc, const struct count_fact *c)
{
	return part_match(pat->unit, doc, c->unit) && part_match(pat->label, doc, c->label) &&
	    part_match(pat->noun, doc, c->noun);
}
