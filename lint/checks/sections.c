/* Check type `sections`: the parts a notice must have, found by patterns over a region of
 * the model (title, issuers, intro, level-1 headings, …), in the order the rule lists them. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

/* Where a part is looked for. */
enum region {
	IN_TITLE,      /* the title proper */
	IN_ISSUERS,    /* each issuer named by the title block */
	IN_INTRO,      /* the intro paragraph */
	IN_HEADING1,   /* each level-1 heading's text */
	IN_HEADING,    /* each heading's text */
	IN_PARAGRAPH,  /* each paragraph */
	IN_CONTACT,    /* the supervision/contact block */
	IN_ORGANISING, /* each part of the body that organises the rectification */
	IN_PROBLEM,    /* each part that reports the feedback problems */
	IN_FORWARD     /* each part that sets out the plans */
};

static const char *const region_names[] = {"title", "issuers", "intro", "heading1", "heading",
    "paragraph", "contact", "organising-part", "problem-part", "forward-part"};

struct spart {
	char *name, *name_en;
	enum region in;
	struct regex *pattern;
	bool required;
};

struct sections {
	struct spart *v;
	size_t n, cap;
	char *order_zh, *order_en;  /* message for a part out of order; NULL: order unchecked */
};

static void
sections_free(void *params)
{
	struct sections *s = params;
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].name_en);
		regex_free(s->v[i].pattern);
	}
	free(s->v);
	free(s->order_zh);
	free(s->order_en);
	free(s);
}

static int
parse_region(struct rparam *p, enum region *out)
{
	char *name = NULL;
	size_t i, n = sizeof(region_names) / sizeof(region_names[0]);

	if (rp_string(p, "in", true, &name) != 0 || name == NULL)
		return -1;
	for (i = 0; i < n && strcmp(name, region_names[i]) != 0; i++)
		;
	free(name);
	if (i == n) {
		rp_error(p, "in", "应为 title、issuers、intro、heading1、heading、paragraph、contact、"
		    "organising-part、problem-part 或 forward-part (one of title, issuers, intro, "
		    "heading1, heading, paragraph, contact, organising-part, problem-part, "
		    "forward-part)");
		return -1;
	}
	*out = (enum region)i;
	return 0;
}

static int
read_part(struct rparam *p, size_t index, void *ctx)
{
	struct sections *s = ctx;
	struct spart *pt;
	int rc = 0;

	(void)index;
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	pt = &s->v[s->n++];
	memset(pt, 0, sizeof(*pt));
	pt->required = true;
	if (rp_string(p, "name", true, &pt->name) != 0)
		rc = -1;
	if (rp_string(p, "name_en", false, &pt->name_en) != 0)
		rc = -1;
	if (parse_region(p, &pt->in) != 0)
		rc = -1;
	if (rp_regex(p, "pattern", true, &pt->pattern) != 0)
		rc = -1;
	if (rp_bool(p, "required", false, &pt->required) != 0)
		rc = -1;
	return rc;
}

static int
read_order_message(struct rparam *p, void *ctx)
{
	struct sections *s = ctx;
	int rc = 0;

	if (rp_string(p, "zh", true, &s->order_zh) != 0)
		rc = -1;
	if (rp_string(p, "en", true, &s->order_en) != 0)
		rc = -1;
	return rc;
}

static int
sections_parse(struct rule *r, struct rparam *p)
{
	struct sections *s = xcalloc(1, sizeof(*s));
	int rc = 0;

	r->params = s;
	if (rp_maps(p, "parts", true, read_part, s) != 0)
		rc = -1;
	else if (s->n == 0) {
		rp_error(p, "parts", "至少列出一个部分 (at least one part)");
		rc = -1;
	}
	if (rp_map(p, "order_message", false, read_order_message, s) != 0)
		rc = -1;
	return rc;
}

/* The part role a part region stands for. */
static enum part_role
part_role_of(enum region in)
{
	switch (in) {
	case IN_ORGANISING:
		return PART_ORGANISING;
	case IN_PROBLEM:
		return PART_PROBLEM;
	case IN_FORWARD:
		return PART_FORWARD;
	default:
		return PART_NONE;
	}
}

/* The units of region in, in text order: *n receives the count, at most cap are written. */
static size_t
region_units(const struct doc *doc, enum region in, struct span *out, size_t cap)
{
	size_t n = 0, i;

	switch (in) {
	case IN_TITLE:
		if (doc->title.present && cap > 0)
			out[n++] = doc->title.text;
		break;
	case IN_ISSUERS:
		for (i = 0; i < (size_t)doc->title.nissuers && n < cap; i++)
			out[n++] = doc->title.issuers[i];
		break;
	case IN_INTRO:
		/* The intro and the unheaded paragraphs of the opening that follow it. */
		for (i = doc->intro >= 0 ? (size_t)doc->intro : doc->nparagraphs;
		    (int)i <= doc->intro_last && i < doc->nparagraphs && n < cap; i++)
			out[n++] = doc->paragraphs[i].span;
		break;
	case IN_ORGANISING:
	case IN_PROBLEM:
	case IN_FORWARD:
		for (i = 0; i < doc->nparts && n < cap; i++)
			if (doc->parts[i].role == part_role_of(in))
				out[n++] = doc->parts[i].text;
		break;
	case IN_HEADING1:
	case IN_HEADING:
		for (i = 0; i < doc->nheadings && n < cap; i++)
			if (in == IN_HEADING || doc->headings[i].level == 1)
				out[n++] = doc->headings[i].text;
		break;
	case IN_PARAGRAPH:
		for (i = 0; i < doc->nparagraphs && n < cap; i++)
			out[n++] = doc->paragraphs[i].span;
		break;
	case IN_CONTACT:
		if (doc->contact.present && cap > 0)
			out[n++] = doc->contact.span;
		break;
	}
	return n;
}

/* How many units region in has (to size the array for region_units). */
static size_t
region_size(const struct doc *doc, enum region in)
{
	switch (in) {
	case IN_INTRO:
		return doc->intro >= 0 ? (size_t)(doc->intro_last - doc->intro + 1) : 1;
	case IN_ORGANISING:
	case IN_PROBLEM:
	case IN_FORWARD:
		return doc->nparts;
	case IN_ISSUERS:
		return (size_t)doc->title.nissuers;
	case IN_HEADING1:
	case IN_HEADING:
		return doc->nheadings;
	case IN_PARAGRAPH:
		return doc->nparagraphs;
	default:
		return 1;
	}
}

/* What became of one part. */
struct found {
	bool present;        /* found at or after the previous part */
	bool early;          /* found only before the previous part */
	struct span at;      /* the unit it was found in */
};

/* Finds part pt in a unit starting at or after from (or, with before set, before from).
 * Returns 1 with *at set, 0 if none, -1 on a resource limit (reported). */
static int
find_part(const struct rule *r, const struct check_ctx *c, const struct spart *pt,
		size_t from, bool before, struct span *at)
{
	size_t n = region_size(c->doc, pt->in), k, i;
	struct span *units = xcalloc(n > 0 ? n : 1, sizeof(*units));
	struct regex_match m;
	int rc = 0;

	k = region_units(c->doc, pt->in, units, n);
	for (i = 0; i < k && rc == 0; i++) {
		if (units[i].start >= units[i].end)
			continue;
		/* A unit of a many-unit region serves one part only; the intro or the title may
		 * hold several. */
		if (before ? units[i].start >= from : units[i].start < from ||
		    (k > 1 && pt->in != IN_INTRO && units[i].start == from && from > 0))
			continue;
		rc = regex_find(pt->pattern, c->doc->text, units[i].start, units[i].end, &m);
		if (rc == 1)
			*at = units[i];
	}
	free(units);
	if (rc < 0)
		check_regex_limit(c, r, from);
	return rc;
}

static const char *
part_name(const struct check_ctx *c, const struct spart *pt)
{
	return c->out->lang == LANG_EN && pt->name_en != NULL ? pt->name_en : pt->name;
}

/* The place a missing part i is reported: the title for the title and its issuers, its
 * single-unit region if that exists, the top of the notice for a missing title or intro,
 * else the next part found, else the previous one, else the end of the text. */
static struct span
missing_place(const struct check_ctx *c, const struct rule *r, const struct found *f,
		size_t i)
{
	const struct sections *s = r->params;
	const struct doc *doc = c->doc;
	struct span one;
	size_t k;

	if ((s->v[i].in == IN_TITLE || s->v[i].in == IN_ISSUERS) && doc->title.present)
		return doc->title.text;
	if ((region_size(doc, s->v[i].in) == 1 || s->v[i].in == IN_INTRO) &&
	    region_units(doc, s->v[i].in, &one, 1) == 1)
		return one;
	if (s->v[i].in == IN_TITLE || s->v[i].in == IN_ISSUERS || s->v[i].in == IN_INTRO) {
		/* No title or intro at all: the top of the notice. */
		for (k = 0; k < doc->nlines; k++)
			if (doc->lines[k].kind != LINE_BLANK && doc->lines[k].kind != LINE_BOILERPLATE)
				break;
		one.start = one.end = k < doc->nlines ? doc->lines[k].content.start : 0;
		return one;
	}
	for (k = i + 1; k < s->n; k++)
		if (f[k].present)
			return f[k].at;
	for (k = i; k > 0; k--)
		if (f[k - 1].present)
			return f[k - 1].at;
	for (k = doc->nlines; k > 0; k--)
		if (doc->lines[k - 1].kind != LINE_BLANK && doc->lines[k - 1].kind != LINE_BOILERPLATE)
			break;
	one.start = one.end = k > 0 ? doc->lines[k - 1].content.end : 0;
	return one;
}

static void
report_order(const struct rule *r, const struct check_ctx *c, const struct found *f,
		size_t i)
{
	const struct sections *s = r->params;
	const char *kv[4];
	char *message;
	size_t k = i;

	while (k > 0 && !f[k - 1].present)
		k--;
	kv[0] = "part";
	kv[1] = part_name(c, &s->v[i]);
	kv[2] = "after";
	kv[3] = k > 0 ? part_name(c, &s->v[k - 1]) : "";
	message = i18n_fill(c->out->lang == LANG_EN ? s->order_en : s->order_zh, kv, 4);
	(void)diag_add_text(c->out, r->id, r->level, f[i].at.start, f[i].at.end, message);
	free(message);
}

/* Each part names its own region, so the rule's scope is not consulted. */
static void
sections_run(const struct rule *r, const struct check_ctx *c)
{
	const struct sections *s = r->params;
	struct found *f = xcalloc(s->n, sizeof(*f));
	struct span at;
	size_t i, pos = 0;
	int rc = 0;

	for (i = 0; i < s->n && rc >= 0; i++) {
		if ((rc = find_part(r, c, &s->v[i], pos, false, &at)) == 1) {
			f[i].present = true;
			f[i].at = at;
			pos = at.start;
		} else if (rc == 0 && (rc = find_part(r, c, &s->v[i], pos, true, &at)) == 1) {
			/* Present, but before the part it should follow. */
			f[i].early = true;
			f[i].at = at;
		}
	}
	for (i = 0; i < s->n && rc >= 0; i++) {
		if (f[i].early) {
			if (s->order_zh != NULL)
				report_order(r, c, f, i);
		} else if (!f[i].present && s->v[i].required) {
			/* With no title at all, the title's issuer is not missing on its own: the
			 * missing title (a part `in: title`) says it all. */
			if (s->v[i].in == IN_ISSUERS && !c->doc->title.present)
				continue;
			at = missing_place(c, r, f, i);
			(void)diag_add(c->out, r, at.start, at.end, "part", part_name(c, &s->v[i]),
			    NULL);
		}
	}
	free(f);
}

const struct check_type chk_sections = {
	"sections",
	"required parts of a notice, found by patterns, present and in order",
	sections_parse,
	sections_run,
	sections_free,
	"通报的必备部分：按模式查找，检查有无和先后",
};
