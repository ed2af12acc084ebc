/* The per-file pipeline on decoded text (segment, facts, checks, sorted diagnostics) and
 * the self-test that runs every rule's flag and pass examples. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "facts.h"
#include "fix.h"
#include "lint.h"
#include "msg.h"
#include "mscan.h"
#include "regex.h"
#include "strbuf.h"
#include "segment.h"
#include "timing.h"

void
lint_build_model(struct doc *doc, const char *path, const char *text, size_t len)
{
	segment_build(doc, path, text, len);
	facts_extract(doc);
}

/* Marks an absence found in a text that stops mid-sentence: the part may stand after the cut,
 * so an error is lowered to a warning, and a note at the cut says why. */
static void
cut_absence(const struct check_ctx *c, struct diag *d)
{
	if (d->level == LEVEL_ERROR) {
		d->level = LEVEL_WARNING;
		diag_note(c->out, d, c->doc->cut.at.end, c->doc->cut.at.end,
		    "文本在此处句中中断（疑被截断），上述缺失可能是截断所致，故只作警告",
		    "the text stops here mid-sentence (probably truncated); the absence may "
		    "be a consequence of the cut, so it is reported as a warning", NULL);
		return;
	}
	check_cut_note(c, d);
}

/* Returns s with every {xun} replaced by word (the notice's own 巡视 or 巡察), freeing s;
 * s itself when it holds none. */
static char *
own_word(char *s, const char *word)
{
	static const char ph[] = "{xun}";
	struct strbuf b = {NULL, 0, 0};
	const char *p = s, *q;

	if (s == NULL || strstr(s, ph) == NULL)
		return s;
	while ((q = strstr(p, ph)) != NULL) {
		strbuf_put(&b, p, (size_t)(q - p));
		strbuf_put(&b, word, strlen(word));
		p = q + sizeof(ph) - 1;
	}
	strbuf_put(&b, p, strlen(p));
	free(s);
	return strbuf_take(&b);
}

/* Names the inspection in d's message and notes by the notice's own word: a template may
 * write {xun} where 巡视 or 巡察 belongs. */
static void
name_inspection(const struct doc *doc, struct diag *d)
{
	const char *word = doc->xunshi ? "巡视" : "巡察";
	size_t i;

	d->message = own_word(d->message, word);
	for (i = 0; i < d->nrelated; i++)
		d->related[i].message = own_word(d->related[i].message, word);
}

void
lint_rule(const struct rule *r, const struct lint_opts *o, const struct doc *doc,
		struct diag_list *out)
{
	struct check_ctx c;
	size_t first, k;

	c.doc = doc;
	c.out = out;
	c.today_y = o->today_y;
	c.today_m = o->today_m;
	c.today_d = o->today_d;
	c.corpus = o->corpus;
	c.examples = o->examples;
	first = out->n;
	r->check->run(r, &c);
	for (k = first; k < out->n; k++)
		name_inspection(doc, &out->v[k]);
	if (r->absence && doc->cut.present)
		for (k = first; k < out->n; k++)
			cut_absence(&c, &out->v[k]);
}

void
lint_text(const struct ruleset *rs, const struct lint_opts *o, const char *path,
		const char *text, size_t len, struct doc *doc, struct diag_list *out)
{
	struct mscan_hits hits;
	size_t i;
	uint64_t t0 = 0, t1;

	if (o->timing != NULL)
		t0 = timing_now();
	lint_build_model(doc, path, text, len);
	if (o->timing != NULL) {
		t1 = timing_now();
		atomic_fetch_add(&o->timing->model_ns, t1 - t0);
		t0 = t1;
	}
	if (rs->scan != NULL) {
		mscan_scan(rs->scan, doc->text, doc->len, &hits);
		regex_bind_hits(&hits);
		if (o->timing != NULL) {
			t1 = timing_now();
			atomic_fetch_add(&o->timing->scan_ns, t1 - t0);
			t0 = t1;
		}
	}
	for (i = 0; i < rs->n; i++) {
		if (!rs->v[i]->enabled)
			continue;
		lint_rule(rs->v[i], o, doc, out);
		if (o->timing != NULL && i < o->timing->n) {
			t1 = timing_now();
			atomic_fetch_add(&o->timing->rule_ns[i], t1 - t0);
			t0 = t1;
		}
	}
	if (rs->scan != NULL) {
		regex_bind_hits(NULL);
		mscan_hits_free(&hits);
	}
	diag_sort(out);
}

/* Number of diagnostics rule r draws on text, linted as a document of its own. */
static size_t
example_hits(const struct rule *r, const struct lint_opts *o, const char *text)
{
	struct diag_list out;
	struct doc doc;
	size_t i, hits = 0;

	memset(&doc, 0, sizeof(doc));
	diag_list_init(&out, o->lang);
	lint_build_model(&doc, "example.txt", text, strlen(text));
	lint_rule(r, o, &doc, &out);
	for (i = 0; i < out.n; i++)
		if (strcmp(out.v[i].rule, r->id) == 0)
			hits++;
	diag_list_free(&out);
	doc_free(&doc);
	return hits;
}

static void
example_failure(struct load_errors *errs, const struct rule *r, const struct rule_example *ex,
		const char *id)
{
	char name[256];

	/* An example of a lexicon entry is named rule/entry, e.g. LEX-001/L017. */
	snprintf(name, sizeof(name), "%s%s%s", r->id, ex->entry != NULL ? "/" : "",
	    ex->entry != NULL ? ex->entry : "");
	load_errors_add(errs, r->file, ex->line, ex->col, id,
	    msg_format(id, errs->lang, "id", name, "text", ex->text, NULL));
}

/* True when fixing before with rule r gives after, and fixing after changes nothing; an
 * example whose after is its before says the fix must leave that text alone. */
static bool
fix_example_holds(const struct rule *r, const struct lint_opts *o,
    const struct rule_fix_example *ex)
{
	struct diag_list out;
	struct doc doc;
	char *fixed = NULL;
	size_t n = 0, applied = 0, again = 0;
	int pass;
	bool ok = true;

	for (pass = 0; pass < 2 && ok; pass++) {
		const char *text = pass == 0 ? ex->before : ex->after;

		memset(&doc, 0, sizeof(doc));
		diag_list_init(&out, o->lang);
		lint_build_model(&doc, "example.txt", text, strlen(text));
		lint_rule(r, o, &doc, &out);
		if (pass == 0) {
			fixed = fix_apply(text, strlen(text), &out, &n, &applied);
			ok = (applied > 0 || strcmp(ex->before, ex->after) == 0) &&
			    strcmp(fixed, ex->after) == 0;
			free(fixed);
		} else {
			free(fix_apply(text, strlen(text), &out, &n, &again));
			ok = again == 0;
		}
		diag_list_free(&out);
		doc_free(&doc);
	}
	return ok;
}

size_t
lint_check_examples(const struct ruleset *rs, const struct lint_opts *run_opts,
		struct load_errors *errs)
{
	struct lint_opts eo = *run_opts;
	const struct lint_opts *o = &eo;
	const struct rule *r;
	size_t i, j, failures = 0;

	/* Checks that compare notices take a rule's reference notice for the corpus. */
	eo.examples = true;
	eo.corpus = NULL;

	for (i = 0; i < rs->n; i++) {
		r = rs->v[i];
		for (j = 0; j < r->nflag; j++) {
			if (example_hits(r, o, r->flag[j].text) == 0) {
				example_failure(errs, r, &r->flag[j], "rule-example-silent");
				failures++;
			}
		}
		for (j = 0; j < r->npass; j++) {
			if (example_hits(r, o, r->pass[j].text) != 0) {
				example_failure(errs, r, &r->pass[j], "rule-example-fires");
				failures++;
			}
		}
		for (j = 0; j < r->nfixes; j++) {
			if (!fix_example_holds(r, o, &r->fixes[j])) {
				struct rule_example ex = {r->fixes[j].before, r->fixes[j].line,
				    r->fixes[j].col, NULL};

				example_failure(errs, r, &ex, "rule-fix-example-wrong");
				failures++;
			}
		}
	}
	return failures;
}
