/* Check type `unheaded-part`: the part on organising the rectification written as a section
 * of its own (its own 一是…二是… measures) but without a heading, so that the numbered parts
 * start with the problems at 一、. A one-paragraph overview above 一、 is not reported. */
#include <stdlib.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

struct unheaded {
	struct regex *pattern;  /* what makes the unheaded text a section: e.g. 二是 */
};

static void
unheaded_free(void *params)
{
	struct unheaded *u = params;

	if (u == NULL)
		return;
	regex_free(u->pattern);
	free(u);
}

static int
unheaded_parse(struct rule *r, struct rparam *p)
{
	struct unheaded *u = xcalloc(1, sizeof(*u));

	r->params = u;
	return rp_regex(p, "pattern", true, &u->pattern);
}

static int
found(const struct regex_match *m, void *ctx)
{
	(void)m;
	*(int *)ctx = 1;
	return 1;
}

/* 1 when pattern matches a paragraph on lines [first, last], 0 if not, -1 on a limit. */
static int
holds(const struct rule *r, const struct check_ctx *c, size_t first, size_t last)
{
	const struct unheaded *u = r->params;
	const struct doc *doc = c->doc;
	size_t i;
	int hit = 0;

	for (i = first; i <= last && i < doc->nlines && !hit; i++) {
		if (doc->lines[i].paragraph < 0)
			continue;
		if (check_each_match(c, r, u->pattern, NULL,
		    doc->paragraphs[doc->lines[i].paragraph].span, found, &hit) < 0)
			return -1;
	}
	return hit;
}

static void
unheaded_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct part *p, *next;
	const struct heading *h;
	struct diag *d;
	char *marker;
	size_t k;

	if (doc->intro < 0)
		return;
	for (k = 0; k + 1 < doc->nparts; k++) {
		p = &doc->parts[k];
		next = &doc->parts[k + 1];
		/* A collapsed line's inline parts share the intro's line: their headings exist. */
		if (p->role != PART_ORGANISING || p->heading >= 0 ||
		    p->first_line <= doc->paragraphs[doc->intro].line || next->heading < 0)
			continue;
		h = &doc->headings[next->heading];
		if (h->ordinal != 1 || next->role != PART_PROBLEM)
			continue;
		if (holds(r, c, p->first_line, p->last_line) != 1)
			return;
		marker = check_text(doc, h->marker.start, h->marker.end);
		d = diag_add(c->out, r, doc->lines[p->first_line].content.start,
		    doc->lines[p->first_line].content.end, "marker", marker, NULL);
		free(marker);
		diag_note(c->out, d, h->marker.start, h->text.end, "编号从问题部分开始",
		    "the numbering starts with the problems here", NULL);
		return;
	}
}

const struct check_type chk_unheaded_part = {
	"unheaded-part",
	"reports the organising part written as a section (一是…二是…) without a heading above a 一、 that opens the problems",
	unheaded_parse,
	unheaded_run,
	unheaded_free,
	"报告组织整改部分写成一节（一是……二是……）却没有标题、而“一、”从问题部分开始的情况",
};
