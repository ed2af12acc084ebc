/* Check type `contact`: the supervision sentence and contact block — present, phones
 * labelled and with area code, e-mail and postal code well formed, before the signature. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

enum contact_aspect {
	CT_SUPERVISION,  /* `pattern` occurs somewhere in the scope */
	CT_PHONE_LABEL,  /* every `phone` has a `label` match earlier in its clause */
	CT_AREA_CODE,    /* every `phone` matches `area` (numbers after `not_phone` skipped) */
	CT_FIELD,        /* the value after each `label` matches `value` */
	CT_ORDER         /* the contact block stands before the signature */
};

static const char *const aspect_names[] = {"supervision", "phone-label", "area-code", "field",
    "order"};

/* How far back from a phone number its label may stand, in code points. */
#define CT_LABEL_REACH 16

struct contact_params {
	enum contact_aspect aspect;
	struct regex *pattern;  /* supervision */
	struct regex *phone;    /* phone-label, area-code */
	struct regex *label;    /* phone-label, field */
	struct regex *other;    /* phone-label, area-code: labels of numbers that are no phone */
	struct regex *area;     /* area-code */
	struct regex *value;    /* field */
};

static void
contact_free(void *params)
{
	struct contact_params *cp = params;

	regex_free(cp->pattern);
	regex_free(cp->phone);
	regex_free(cp->label);
	regex_free(cp->other);
	regex_free(cp->area);
	regex_free(cp->value);
	free(cp);
}

static int
parse_aspect(struct rparam *p, enum contact_aspect *out)
{
	size_t i;

	if (check_parse_choice(p, "aspect", aspect_names,
	    sizeof(aspect_names) / sizeof(aspect_names[0]),
	    "应为 supervision、phone-label、area-code、field 或 order "
	    "(one of supervision, phone-label, area-code, field, order)", &i) != 0)
		return -1;
	*out = (enum contact_aspect)i;
	return 0;
}

static int
contact_parse(struct rule *r, struct rparam *p)
{
	struct contact_params *cp = xcalloc(1, sizeof(*cp));
	enum contact_aspect a;
	int rc = 0;

	r->params = cp;
	if (parse_aspect(p, &cp->aspect) != 0)
		return -1;
	a = cp->aspect;
	if (rp_regex(p, "pattern", a == CT_SUPERVISION, &cp->pattern) != 0)
		rc = -1;
	if (rp_regex(p, "phone", a == CT_PHONE_LABEL || a == CT_AREA_CODE, &cp->phone) != 0)
		rc = -1;
	if (rp_regex(p, "label", a == CT_PHONE_LABEL || a == CT_FIELD, &cp->label) != 0)
		rc = -1;
	if (rp_regex(p, "not_phone", false, &cp->other) != 0)
		rc = -1;
	if (rp_regex(p, "area", a == CT_AREA_CODE, &cp->area) != 0)
		rc = -1;
	if (rp_regex(p, "value", a == CT_FIELD, &cp->value) != 0)
		rc = -1;
	return rc;
}

/* Where a missing sentence is reported: the contact block, else the signature, else the
 * end of the text. */
static size_t
missing_at(const struct doc *doc)
{
	size_t i;

	if (doc->contact.present)
		return doc->contact.span.start;
	if (doc->signature.present)
		return doc->lines[doc->signature.first_line].content.start;
	for (i = doc->nlines; i > 0; i--)
		if (doc->lines[i - 1].kind != LINE_BLANK && doc->lines[i - 1].kind != LINE_BOILERPLATE)
			return doc->lines[i - 1].content.end;
	return 0;
}

/* One run of a rule over its scope spans. */
struct contact_run {
	const struct rule *r;
	const struct check_ctx *c;
	struct span span;       /* the scope span being examined */
	int found;              /* supervision: the pattern was seen */
	int stop;
};

static int
find_sentence(const struct regex_match *m, void *ctx)
{
	(void)m;
	((struct contact_run *)ctx)->found = 1;
	return 1;
}

/* True for marks that end the clause a phone number's label must stand in. */
static bool
clause_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF0C || cp == 0xFF01 || cp == 0xFF1F ||
	    cp == ';' || cp == ',' || cp == '!' || cp == '?' || cp == '\n';
}

/* True when label matches between the start of pos's clause and pos. */
static int
labelled(struct contact_run *run, const struct regex *label, size_t pos)
{
	const char *text = run->c->doc->text;
	struct regex_match m;
	size_t i = pos, j, n = 0;
	int rc;

	while (i > run->span.start && n < CT_LABEL_REACH) {
		j = i;
		if (clause_end(utf8_prev(text, &j)))
			break;
		i = j;
		n++;
	}
	rc = regex_find(label, text, i, pos, &m);
	if (rc < 0) {
		check_regex_limit(run->c, run->r, i);
		return 1;
	}
	return rc;
}

/* True when re matches text[start, end) as a whole (the pattern sees the value alone, so
 * ^ and $ anchor at its ends). */
static int
full_match(const struct contact_run *run, const struct regex *re, size_t start, size_t end)
{
	char *value = check_text(run->c->doc, start, end);
	struct regex_match m;
	int rc = regex_find(re, value, 0, end - start, &m);

	free(value);
	if (rc < 0) {
		check_regex_limit(run->c, run->r, start);
		return 1;
	}
	return rc == 1 && m.start == 0 && m.end == end - start;
}

/* Adds a diagnostic over [start, end) with its text as placeholder name. */
static int
report(struct contact_run *run, size_t start, size_t end, const char *name)
{
	char *text = check_text(run->c->doc, start, end);

	if (diag_add(run->c->out, run->r, start, end, name, text, NULL) == NULL)
		run->stop = 1;
	free(text);
	return run->stop;
}

static int
on_phone(const struct regex_match *m, void *ctx)
{
	struct contact_run *run = ctx;
	const struct contact_params *cp = run->r->params;

	if (cp->other != NULL && labelled(run, cp->other, m->start))
		return 0;
	if (cp->aspect == CT_PHONE_LABEL && !labelled(run, cp->label, m->start))
		return report(run, m->start, m->end, "phone");
	if (cp->aspect == CT_AREA_CODE && !full_match(run, cp->area, m->start, m->end))
		return report(run, m->start, m->end, "phone");
	return 0;
}

/* The value after a field label: optional spaces and colon, then a run of printable ASCII
 * without trailing sentence punctuation. */
static void
field_value(const char *text, size_t pos, size_t end, size_t *vstart, size_t *vend)
{
	size_t i = pos, j;
	uint32_t cp;

	while (i < end) {
		j = i;
		cp = utf8_next(text, end, &j);
		if (cp != ' ' && cp != 0x3000 && cp != 0x00A0 && cp != ':' && cp != 0xFF1A)
			break;
		i = j;
	}
	*vstart = i;
	while (i < end && text[i] > ' ' && text[i] < 0x7F)
		i++;
	while (i > *vstart && strchr(".,;:)!?", text[i - 1]) != NULL)
		i--;
	*vend = i;
}

/* Where the clause that starts at pos ends: the next clause mark or the span's end. */
static size_t
clause_stop(const struct contact_run *run, size_t pos)
{
	const char *text = run->c->doc->text;
	size_t i = pos, j;

	while (i < run->span.end) {
		j = i;
		if (clause_end(utf8_next(text, run->span.end, &j)) || text[i] == ' ')
			break;
		i = j;
	}
	return i;
}

static int
on_field(const struct regex_match *m, void *ctx)
{
	struct contact_run *run = ctx;
	const struct contact_params *cp = run->r->params;
	size_t vs, ve;

	field_value(run->c->doc->text, m->end, run->span.end, &vs, &ve);
	if (vs == ve)
		return report(run, vs, clause_stop(run, vs), "value");
	if (!full_match(run, cp->value, vs, ve))
		return report(run, vs, ve, "value");
	return 0;
}

static int
contact_span(const struct doc *doc, struct span span, void *ctx)
{
	struct contact_run *run = ctx;
	const struct contact_params *cp = run->r->params;
	int rc = 0;

	(void)doc;
	run->span = span;
	switch (cp->aspect) {
	case CT_SUPERVISION:
		rc = check_each_match(run->c, run->r, cp->pattern, NULL, span, find_sentence, run);
		break;
	case CT_PHONE_LABEL:
	case CT_AREA_CODE:
		rc = check_each_match(run->c, run->r, cp->phone, NULL, span, on_phone, run);
		break;
	case CT_FIELD:
		rc = check_each_match(run->c, run->r, cp->label, NULL, span, on_field, run);
		break;
	case CT_ORDER:
		break;
	}
	if (rc < 0)
		run->stop = 1;
	return run->stop || run->found;
}

/* Reports a contact block that stands after the signature block. */
static void
check_order(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct line *first;
	struct diag *d;

	if (!doc->contact.present || !doc->signature.present ||
	    doc->contact.first_line < doc->signature.first_line)
		return;
	first = &doc->lines[doc->contact.first_line];
	d = diag_add(c->out, r, first->content.start, first->content.end, NULL);
	diag_note(c->out, d, doc->lines[doc->signature.first_line].content.start,
	    doc->lines[doc->signature.first_line].content.end, "署名在此", "the signature is here",
	    NULL);
}

static void
contact_run_rule(const struct rule *r, const struct check_ctx *c)
{
	const struct contact_params *cp = r->params;
	struct contact_run run;
	size_t at;

	if (cp->aspect == CT_ORDER) {
		check_order(r, c);
		return;
	}
	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	(void)check_scope_each(c->doc, r->scope, contact_span, &run);
	if (cp->aspect == CT_SUPERVISION && !run.found && !run.stop) {
		at = missing_at(c->doc);
		(void)diag_add(c->out, r, at, at, NULL);
	}
}

const struct check_type chk_contact = {
	"contact",
	"supervision sentence and contact block: present, labelled, well formed, before the signature",
	contact_parse,
	contact_run_rule,
	contact_free,
};
