/* Helpers shared by the check types: the boilerplate scope, match iteration with an
 * `unless` exception pattern, the resource-limit diagnostic and choice parameters. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "msg.h"
#include "regex.h"
#include "rule_load.h"
#include "scope.h"
#include "utf8.h"
#include "xalloc.h"

void
check_regex_limit(const struct check_ctx *c, const struct rule *r, size_t pos)
{
	char *message = msg_format("rule-regex-limit", c->out->lang, "id", r->id, NULL);

	(void)diag_add_text(c->out, "rule-regex-limit", LEVEL_WARNING, pos, pos, message);
	free(message);
}

char *
check_text(const struct doc *doc, size_t start, size_t end)
{
	return xstrndup(doc->text + start, end - start);
}

int
check_parse_choice(struct rparam *p, const char *key, const char *const *names, size_t n,
		const char *message, size_t *out)
{
	char *name = NULL;
	size_t i;

	if (rp_string(p, key, true, &name) != 0 || name == NULL)
		return -1;
	for (i = 0; i < n && strcmp(name, names[i]) != 0; i++)
		;
	free(name);
	if (i == n) {
		rp_error(p, key, message);
		return -1;
	}
	*out = i;
	return 0;
}

/* Walks blocks of boilerplate lines: a block ends at the first line that is neither
 * boilerplate nor blank. A block of lines set aside by position only (a column name above
 * the title) is not given: nothing in it reads as chrome by itself. */
static int
boilerplate_each(const struct doc *doc,
		int (*fn)(const struct doc *doc, struct span span, void *ctx), void *ctx)
{
	struct span block = {0, 0};
	bool open = false, chrome = false;
	size_t i;
	int rc;

	for (i = 0; i < doc->nlines; i++) {
		const struct line *l = &doc->lines[i];

		if (l->kind == LINE_BOILERPLATE) {
			if (!open) {
				block.start = l->span.start;
				chrome = false;
			}
			block.end = l->span.end;
			open = true;
			chrome = chrome || !l->residue;
		} else if (l->kind != LINE_BLANK && open) {
			open = false;
			if (chrome && (rc = fn(doc, block, ctx)) != 0)
				return rc;
		}
	}
	return open && chrome ? fn(doc, block, ctx) : 0;
}

int
check_scope_each(const struct doc *doc, enum scope scope,
		int (*fn)(const struct doc *doc, struct span span, void *ctx), void *ctx)
{
	if (scope == SCOPE_BOILERPLATE)
		return boilerplate_each(doc, fn, ctx);
	return scope_each(doc, scope, fn, ctx);
}

int
check_scope_is_whole(enum scope scope)
{
	switch (scope) {
	case SCOPE_DOCUMENT:
	case SCOPE_TITLE:
	case SCOPE_INTRO:
	case SCOPE_CONTACT:
	case SCOPE_SIGNATURE:
	case SCOPE_BODY:
		return 1;
	default:
		return 0;
	}
}

/* Where the next search starts after an empty match at pos: one code point further. */
static size_t
next_char(const char *text, size_t pos, size_t end)
{
	pos++;
	while (pos < end && ((unsigned char)text[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* The left-to-right walk over the `unless` matches of one span. */
struct unless_cursor {
	const struct regex *re;
	size_t pos, end;
	struct regex_match m;
	bool have, done;
};

/* 1 if the cursor's matches cover [start, end), 0 if not, -1 on a resource limit. Calls
 * come with increasing, non-overlapping ranges, so the cursor only moves forward. */
static int
covered(struct unless_cursor *u, const char *text, const struct regex_match *m)
{
	int rc;

	for (;;) {
		if (u->have) {
			if (u->m.start > m->start)
				return 0;
			if (u->m.end >= m->end)
				return 1;
		}
		if (u->done)
			return 0;
		do {
			rc = regex_find(u->re, text, u->pos, u->end, &u->m);
			if (rc <= 0) {
				u->have = false;
				u->done = true;
				return rc;
			}
			u->pos = u->m.end > u->m.start ? u->m.end : next_char(text, u->m.end, u->end);
		} while (u->m.end == u->m.start && u->pos <= u->end);
		u->have = u->m.end > u->m.start;
	}
}

int
check_each_match(const struct check_ctx *c, const struct rule *r, const struct regex *re,
		const struct regex *unless, struct span span,
		int (*fn)(const struct regex_match *m, void *ctx), void *ctx)
{
	struct unless_cursor u = {unless, span.start, span.end, {0}, false, unless == NULL};
	struct regex_match m;
	size_t pos = span.start;
	int rc;

	while (pos <= span.end) {
		rc = regex_find(re, c->doc->text, pos, span.end, &m);
		if (rc == 0)
			return 0;
		if (rc < 0 || (m.end > m.start && (rc = covered(&u, c->doc->text, &m)) < 0)) {
			check_regex_limit(c, r, pos);
			return -1;
		}
		if (m.end == m.start) {
			pos = next_char(c->doc->text, m.end, span.end);
			continue;
		}
		if (rc == 0 && fn(&m, ctx) != 0)
			return 1;
		pos = m.end;
	}
	return 0;
}

const char check_terminal_marks[] = "。！？；：…”’》）】」』.!?;:)";

int
check_parse_cpset(struct rparam *p, const char *key, const char *def, struct cpset *set)
{
	char *given = NULL;
	const char *s;
	size_t i = 0, n;
	int rc;

	rc = rp_string(p, key, false, &given);
	s = given != NULL ? given : def;
	n = strlen(s);
	set->v = xmalloc((n + 1) * sizeof(*set->v));
	set->n = 0;
	while (i < n)
		set->v[set->n++] = utf8_next(s, n, &i);
	free(given);
	return rc;
}

bool
cpset_has(const struct cpset *set, uint32_t cp)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (set->v[i] == cp)
			return true;
	return false;
}

void
cpset_free(struct cpset *set)
{
	free(set->v);
	set->v = NULL;
	set->n = 0;
}

void
check_cut_note(const struct check_ctx *c, struct diag *d)
{
	const struct doc *doc = c->doc;

	if (d == NULL || !doc->cut.present)
		return;
	diag_note(c->out, d, doc->cut.at.end, doc->cut.at.end,
	    "文本在此处句中中断（疑被截断），上述缺失可能是截断所致",
	    "the text stops here mid-sentence (probably truncated); the absence may "
	    "be a consequence of the cut", NULL);
}
