/* Check type `signature`: the issuer line(s) and date line that close a notice — present,
 * the date well formed and real, the signing organs the same as the title's. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

enum sig_aspect {
	SIG_ISSUER,         /* an issuer line is present */
	SIG_DATE,           /* a date line is present */
	SIG_DATE_FORM,      /* the date line matches date_pattern, in a plausible year */
	SIG_MISMATCH,       /* every signing organ is one of the title's issuers */
	SIG_SUBSET          /* every title issuer signs (joint notices) */
};

static const char *const aspect_names[] = {"issuer", "date", "date-form", "issuer-match",
    "issuer-subset"};

struct sig {
	enum sig_aspect aspect;
	struct regex *date_pattern;  /* date-form: group 1 = the year */
	struct regex *ignore;        /* issuer-*: text removed before comparing names */
};

static void
sig_free(void *params)
{
	struct sig *s = params;

	regex_free(s->date_pattern);
	regex_free(s->ignore);
	free(s);
}

static int
sig_parse(struct rule *r, struct rparam *p)
{
	struct sig *s = xcalloc(1, sizeof(*s));
	size_t i;
	int rc = 0;

	r->params = s;
	if (check_parse_choice(p, "aspect", aspect_names,
	    sizeof(aspect_names) / sizeof(aspect_names[0]),
	    "应为 issuer、date、date-form、issuer-match 或 issuer-subset "
	    "(one of issuer, date, date-form, issuer-match, issuer-subset)", &i) != 0)
		return -1;
	s->aspect = (enum sig_aspect)i;
	if (rp_regex(p, "date_pattern", s->aspect == SIG_DATE_FORM, &s->date_pattern) != 0)
		rc = -1;
	if (rp_regex(p, "ignore", false, &s->ignore) != 0)
		rc = -1;
	return rc;
}

/* Where a missing end block is reported: the end of the last line that is neither blank
 * nor web boilerplate. */
static size_t
end_of_text(const struct doc *doc)
{
	size_t i = doc->nlines;

	while (i > 0) {
		i--;
		if (doc->lines[i].kind != LINE_BLANK && doc->lines[i].kind != LINE_BOILERPLATE)
			return doc->lines[i].content.end;
	}
	return 0;
}

/* True when year y is one a notice can be dated in. Whether month and day exist is the
 * date rules' finding (DATE-009), not one of form. */
static bool
plausible_year(long y)
{
	return y >= 1900 && y <= 2999;
}

static long
group_value(const char *text, const struct regex_match *m, int g)
{
	char buf[16];
	size_t n;

	if (m->gstart[g] == (size_t)-1)
		return -1;
	n = m->gend[g] - m->gstart[g];
	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, text + m->gstart[g], n);
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

static void
check_date_form(const struct rule *r, const struct check_ctx *c)
{
	const struct sig *s = r->params;
	const struct doc *doc = c->doc;
	struct regex_match m;
	char *text;
	int rc;

	if (!doc->signature.has_date || doc->signature.date.start >= doc->signature.date.end)
		return;
	rc = regex_find(s->date_pattern, doc->text, doc->signature.date.start,
	    doc->signature.date.end, &m);
	if (rc < 0) {
		check_regex_limit(c, r, doc->signature.date.start);
		return;
	}
	if (rc == 1 && m.start == doc->signature.date.start && m.end == doc->signature.date.end &&
	    plausible_year(group_value(doc->text, &m, 1)))
		return;
	text = check_text(doc, doc->signature.date.start, doc->signature.date.end);
	(void)diag_add(c->out, r, doc->signature.date.start, doc->signature.date.end, "date",
	    text, NULL);
	free(text);
}

/* A copy of doc->text[sp] without the matches of the ignore pattern (the pattern sees the
 * name alone, so ^ anchors at its start). */
static char *
organ_key(const struct sig *s, const struct doc *doc, struct span sp)
{
	char *name = check_text(doc, sp.start, sp.end), *out;
	size_t len = sp.end - sp.start, from = 0, k = 0, next;
	struct regex_match m;

	out = xmalloc(len + 1);
	while (from < len) {
		if (s->ignore == NULL || regex_find(s->ignore, name, from, len, &m) != 1)
			m.start = m.end = len;
		memcpy(out + k, name + from, m.start - from);
		k += m.start - from;
		from = m.end;
		if (m.end == m.start && m.start < len) {
			/* An empty match keeps the code point it stands on. */
			next = m.start;
			(void)utf8_next(name, len, &next);
			memcpy(out + k, name + m.start, next - m.start);
			k += next - m.start;
			from = next;
		}
	}
	out[k] = '\0';
	free(name);
	return out;
}

/* Index of the first organ of list (n spans) whose key equals key, or -1. */
static int
find_organ(const struct sig *s, const struct doc *doc, const struct span *list, int n,
		const char *key)
{
	char *other;
	int i, hit = -1;

	for (i = 0; i < n && hit < 0; i++) {
		other = organ_key(s, doc, list[i]);
		if (strcmp(other, key) == 0)
			hit = i;
		free(other);
	}
	return hit;
}

/* Reports the first signing organ that is none of the title's issuers. */
static void
check_mismatch(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct signature *sg = &doc->signature;
	char *key, *signed_as, *title_as;
	struct diag *d;
	int i, hit;

	for (i = 0; i < sg->nissuers; i++) {
		key = organ_key(r->params, doc, sg->issuers[i]);
		hit = find_organ(r->params, doc, doc->title.issuers, doc->title.nissuers, key);
		free(key);
		if (hit >= 0)
			continue;
		signed_as = check_text(doc, sg->issuers[i].start, sg->issuers[i].end);
		title_as = check_text(doc, doc->title.issuers[0].start, doc->title.issuers[0].end);
		d = diag_add(c->out, r, sg->issuers[i].start, sg->issuers[i].end, "signed",
		    signed_as, "issuer", title_as, NULL);
		diag_note(c->out, d, doc->title.issuers[0].start, doc->title.issuers[0].end,
		    "标题中的发文机关", "issuer named in the title", NULL);
		free(signed_as);
		free(title_as);
		return;
	}
}

/* Reports title issuers that do not sign, when every signing organ is a title issuer. */
static void
check_subset(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct signature *sg = &doc->signature;
	char *key, *missing;
	struct diag *d;
	int i;

	for (i = 0; i < sg->nissuers; i++) {
		key = organ_key(r->params, doc, sg->issuers[i]);
		if (find_organ(r->params, doc, doc->title.issuers, doc->title.nissuers, key) < 0) {
			free(key);
			return;   /* a different organ: the issuer-match rule speaks */
		}
		free(key);
	}
	for (i = 0; i < doc->title.nissuers; i++) {
		key = organ_key(r->params, doc, doc->title.issuers[i]);
		if (find_organ(r->params, doc, sg->issuers, sg->nissuers, key) < 0) {
			missing = check_text(doc, doc->title.issuers[i].start,
			    doc->title.issuers[i].end);
			d = diag_add(c->out, r, sg->issuers[0].start, sg->issuers[sg->nissuers - 1].end,
			    "issuer", missing, NULL);
			diag_note(c->out, d, doc->title.issuers[i].start, doc->title.issuers[i].end,
			    "标题中的发文机关", "issuer named in the title", NULL);
			free(missing);
		}
		free(key);
	}
}

/* Reads the title and signature of the model; the rule's scope is not consulted. */
static void
sig_run(const struct rule *r, const struct check_ctx *c)
{
	const struct sig *s = r->params;
	const struct doc *doc = c->doc;
	size_t at;

	switch (s->aspect) {
	case SIG_ISSUER:
		if (doc->signature.nissuers == 0) {
			at = end_of_text(doc);
			(void)diag_add(c->out, r, at, at, NULL);
		}
		break;
	case SIG_DATE:
		if (!doc->signature.has_date) {
			at = doc->signature.nissuers > 0 ?
			    doc->signature.issuers[doc->signature.nissuers - 1].end : end_of_text(doc);
			(void)diag_add(c->out, r, at, at, NULL);
		}
		break;
	case SIG_DATE_FORM:
		check_date_form(r, c);
		break;
	case SIG_MISMATCH:
		if (doc->title.nissuers > 0)
			check_mismatch(r, c);
		break;
	case SIG_SUBSET:
		if (doc->title.nissuers > 0 && doc->signature.nissuers > 0)
			check_subset(r, c);
		break;
	}
}

const struct check_type chk_signature = {
	"signature",
	"issuer and date lines at the end: present, date well formed, organs as in the title",
	sig_parse,
	sig_run,
	sig_free,
	"文末的发文机关署名和成文日期：有无、日期格式、机关与标题一致",
};
