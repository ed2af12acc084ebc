/* Rule scopes mapped to spans of the document model, always walked in text order. */
#include "scope.h"

/* Calls fn for each maximal run of non-boilerplate lines among lines [first, last], each
 * run spanning its first to its last non-blank line. */
static int
runs(const struct doc *d, size_t first, size_t last, scope_fn fn, void *ctx)
{
	struct span run = {0, 0};
	bool open = false;
	size_t i;
	int rc;

	for (i = first; i <= last && i < d->nlines; i++) {
		const struct line *l = &d->lines[i];

		if (l->kind == LINE_BOILERPLATE && open) {
			open = false;
			if ((rc = fn(d, run, ctx)) != 0)
				return rc;
		} else if (l->kind != LINE_BLANK && l->kind != LINE_BOILERPLATE) {
			if (!open)
				run.start = l->span.start;
			run.end = l->span.end;
			open = true;
		}
	}
	return open ? fn(d, run, ctx) : 0;
}

/* Calls fn for the content of every line of kind a or b among lines [first, last]. */
static int
lines_of(const struct doc *d, size_t first, size_t last, enum line_kind a, enum line_kind b,
    scope_fn fn, void *ctx)
{
	size_t i;
	int rc;

	for (i = first; i <= last && i < d->nlines; i++)
		if ((d->lines[i].kind == a || d->lines[i].kind == b) &&
		    (rc = fn(d, d->lines[i].content, ctx)) != 0)
			return rc;
	return 0;
}

static int
headings(const struct doc *d, scope_fn fn, void *ctx)
{
	size_t k;
	int rc;

	for (k = 0; k < d->nheadings; k++)
		if ((rc = fn(d, d->lines[d->headings[k].line].content, ctx)) != 0)
			return rc;
	return 0;
}

static int
items(const struct doc *d, scope_fn fn, void *ctx)
{
	size_t k;
	int rc;

	for (k = 0; k < d->nitems; k++)
		if ((rc = fn(d, d->items[k].span, ctx)) != 0)
			return rc;
	return 0;
}

static int
fields(const struct doc *d, scope_fn fn, void *ctx)
{
	size_t k;
	int rc;

	for (k = 0; k < d->nfields; k++)
		if (d->fields[k].value.end > d->fields[k].value.start &&
		    (rc = fn(d, d->fields[k].value, ctx)) != 0)
			return rc;
	return 0;
}

static int
paragraphs(const struct doc *d, scope_fn fn, void *ctx)
{
	size_t k;
	int rc;

	for (k = 0; k < d->nparagraphs; k++)
		if ((rc = fn(d, d->paragraphs[k].span, ctx)) != 0)
			return rc;
	return 0;
}

int
scope_each(const struct doc *doc, enum scope scope, scope_fn fn, void *ctx)
{
	switch (scope) {
	case SCOPE_DOCUMENT:
		return doc->nlines ? runs(doc, 0, doc->nlines - 1, fn, ctx) : 0;
	case SCOPE_TITLE:
		if (!doc->title.present)
			return 0;
		return lines_of(doc, doc->title.first_line, doc->title.last_line, LINE_ISSUER,
		    LINE_TITLE, fn, ctx);
	case SCOPE_INTRO:
		return doc->intro >= 0 ? fn(doc, doc->paragraphs[doc->intro].span, ctx) : 0;
	case SCOPE_HEADING:
		return headings(doc, fn, ctx);
	case SCOPE_ITEM:
		return items(doc, fn, ctx);
	case SCOPE_FIELD:
		return fields(doc, fn, ctx);
	case SCOPE_PARAGRAPH:
		return paragraphs(doc, fn, ctx);
	case SCOPE_CONTACT:
		return doc->contact.present ? fn(doc, doc->contact.span, ctx) : 0;
	case SCOPE_SIGNATURE:
		if (!doc->signature.present)
			return 0;
		return lines_of(doc, doc->signature.first_line, doc->signature.last_line,
		    LINE_SIGNATURE, LINE_DATE, fn, ctx);
	case SCOPE_BODY:
		return runs(doc, doc->body_first, doc->body_last, fn, ctx);
	case SCOPE_CUT:
		return doc->cut.present ? fn(doc, doc->cut.at, ctx) : 0;
	case SCOPE_TITLE_REPEAT: {
		/* One span over the repetition, which may be split over lines. */
		struct span sp;

		if (!doc->title.repeated)
			return 0;
		sp.start = doc->lines[doc->title.repeat_first].content.start;
		sp.end = doc->lines[doc->title.repeat_last].content.end;
		return fn(doc, sp, ctx);
	}
	default:
		return 0;
	}
}
