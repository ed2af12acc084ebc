/* Check type `corpus-copy`: a passage of a notice's problem items that a notice of another
 * issuer in the run's corpus shares (`kind: shared`), or one that names the other notice's
 * unit and not this notice's issuer (`kind: names-other`). The passages come from the
 * repository layer (lint/repo/corpus.h), which compares every notice of the corpus; without
 * a corpus the rule is silent, except for its own examples, which are compared with the
 * rule's `reference` notice. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "lint.h"
#include "repo/corpus.h"
#include "rule_load.h"
#include "segment.h"
#include "xalloc.h"

struct cc_params {
	bool names_other;          /* kind: names-other */
	struct corpus_limits lim;
	char *reference;           /* a notice of another issuer, for the rule's examples */
};

static int
cc_parse(struct rule *r, struct rparam *rp)
{
	static const char *const kinds[] = {"shared", "names-other"};
	struct cc_params *p = xcalloc(1, sizeof(*p));
	size_t kind = 0;
	int rc = 0;

	r->params = p;
	p->lim.max_issuers = 4;
	p->lim.max_share = 0.01;
	if (check_parse_choice(rp, "kind", kinds, 2, "kind: shared or names-other", &kind) != 0 ||
	    rp_int(rp, "max_issuers", false, 2, 1000000, &p->lim.max_issuers) != 0 ||
	    rp_double(rp, "max_share", false, 0.0, 1.0, &p->lim.max_share) != 0 ||
	    rp_string(rp, "reference", false, &p->reference) != 0)
		rc = -1;
	p->names_other = kind == 1;
	return rc;
}

static void
cc_free(void *params)
{
	struct cc_params *p = params;

	if (p != NULL)
		free(p->reference);
	free(p);
}

void
corpus_check_limits(const struct rule *r, struct corpus_limits *lim)
{
	const struct cc_params *p = r->params;

	*lim = p->lim;
}

/* The hits of the rule's examples: the notice against the reference notice. */
static void
example_hits(const struct cc_params *p, const struct doc *doc, struct corpus_view *v)
{
	struct shingle_list a, b;
	struct corpus_doc docs[2];
	struct doc ref;
	char *ia, *ib;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	memset(&ref, 0, sizeof(ref));
	lint_build_model(&ref, "reference.txt", p->reference, strlen(p->reference));
	shingle_doc(doc, &a);
	shingle_doc(&ref, &b);
	ia = shingle_issuer(doc);
	ib = shingle_issuer(&ref);
	docs[0] = (struct corpus_doc){doc->path, ia, a.v, a.n, a.lines, a.nlines};
	docs[1] = (struct corpus_doc){"reference.txt", ib, b.v, b.n, b.lines, b.nlines};
	corpus_match(v, docs, 2, 2, &p->lim, NULL);
	corpus_view_finish(v);
	free(ia);
	free(ib);
	shingle_list_free(&a);
	shingle_list_free(&b);
	doc_free(&ref);
}

/* True when the passage names the other notice's unit, which is not the notice's own (the
 * passage is the whole shared run, so a name at its start is inside it). */
static bool
names_other(const struct doc *doc, const struct corpus_hit *h)
{
	char *text;
	bool yes;

	if (h->other_unit == NULL || (h->own_unit != NULL && (strstr(h->own_unit,
	    h->other_unit) != NULL || strstr(h->other_unit, h->own_unit) != NULL)))
		return false;
	text = check_text(doc, h->start, h->end);
	yes = strstr(text, h->other_unit) != NULL;
	free(text);
	return yes;
}

static void
cc_run(const struct rule *r, const struct check_ctx *c)
{
	const struct cc_params *p = r->params;
	struct corpus_view own;
	const struct corpus_hit *h;
	struct diag *d = NULL;
	char chars[24], line[24];
	size_t n = 0, i;

	memset(&own, 0, sizeof(own));
	if (c->corpus != NULL) {
		h = corpus_view_find(c->corpus, c->doc->path, &n);
	} else if (c->examples && p->reference != NULL) {
		example_hits(p, c->doc, &own);
		h = corpus_view_find(&own, c->doc->path, &n);
	} else {
		return;
	}
	for (i = 0; i < n; i++) {
		if (h[i].end > c->doc->len || h[i].start >= h[i].end ||
		    names_other(c->doc, &h[i]) != p->names_other)
			continue;
		snprintf(chars, sizeof(chars), "%zu", h[i].chars);
		snprintf(line, sizeof(line), "%u", h[i].other_line);
		/* The same passage shared with several notices: one finding, a note for each. */
		if (d == NULL || i == 0 || h[i].start != h[i - 1].start || h[i].end != h[i - 1].end)
			d = diag_add(c->out, r, h[i].start, h[i].end, "chars", chars, "other",
			    h[i].other, "line", line, "unit", h[i].other_unit ? h[i].other_unit : "",
			    NULL);
		if (h[i].other_unit != NULL)
			diag_note_file(c->out, d, h[i].other, h[i].other_line, h[i].other_col,
			    "{unit}通报中的相同文字", "the same text in the notice of {unit}",
			    "unit", h[i].other_unit, NULL);
		else
			diag_note_file(c->out, d, h[i].other, h[i].other_line, h[i].other_col,
			    "另一发文机关通报中的相同文字",
			    "the same text in another issuer's notice", NULL);
	}
	corpus_view_free(&own);
}

const struct check_type chk_corpus_copy = {
	"corpus-copy",
	"reports a passage of 50+ characters of a problem item that a notice of another issuer in the corpus shares (--corpus)",
	cc_parse,
	cc_run,
	cc_free,
	"报告问题条目中与语料库里其他发文机关的通报相同的 50 字以上段落（--corpus）",
};
