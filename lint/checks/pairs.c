/* Check type `pairs`: paired marks (“” ‘’ 《》 （） 〔〕 【】 …) balanced and facing the right
 * way inside each paragraph, after joining paragraphs the model marks as broken; with a
 * fix, a quotation mark facing the wrong way is turned when its pair is unambiguous. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

#define PAIR_MAX_CHARS 4   /* alternative code points per side, e.g. （ and ( */
#define PAIR_MAX_DEPTH 64  /* deeper nesting is not tracked (and not reported) */

struct pair_def {
	uint32_t open[PAIR_MAX_CHARS], close[PAIR_MAX_CHARS];
	size_t nopen, nclose;
	bool nest;              /* may hold itself; if not, a second opener closes the first */
};

struct pairs {
	struct pair_def *v;
	size_t n, cap;
	bool lead[256];         /* bytes a mark's UTF-8 form may start with */
	uint64_t bmp[0x10000 / 64];  /* the marks of the BMP, one bit each */
};

struct open_mark {
	int pair;
	size_t pos, len;
};

/* One paragraph group being scanned. */
struct pair_scan {
	const struct rule *r;
	const struct check_ctx *c;
	struct open_mark stack[PAIR_MAX_DEPTH];
	size_t depth, overflow;
	size_t line_start, line_end;   /* the paragraph (one line) being scanned */
	int stop;
};

enum pair_problem { PAIR_UNCLOSED, PAIR_UNOPENED, PAIR_REVERSED };

static void
pairs_free(void *params)
{
	struct pairs *ps = params;

	free(ps->v);
	free(ps);
}

/* Decodes s into at most PAIR_MAX_CHARS code points; -1 if empty or too long. */
static int
decode_set(const char *s, uint32_t *out, size_t *n)
{
	size_t i = 0, len = strlen(s);

	*n = 0;
	while (i < len) {
		if (*n == PAIR_MAX_CHARS)
			return -1;
		out[(*n)++] = utf8_next(s, len, &i);
	}
	return *n > 0 ? 0 : -1;
}

static int
read_pair(struct rparam *p, size_t index, void *ctx)
{
	struct pairs *ps = ctx;
	struct pair_def *d;
	char *open = NULL, *close = NULL;
	int rc = 0;

	(void)index;
	ps->v = xgrow(ps->v, &ps->cap, ps->n + 1, sizeof(*ps->v));
	d = &ps->v[ps->n++];
	memset(d, 0, sizeof(*d));
	d->nest = true;
	if (rp_string(p, "open", true, &open) != 0 || rp_string(p, "close", true, &close) != 0 ||
	    rp_bool(p, "nest", false, &d->nest) != 0)
		rc = -1;
	if (rc == 0 && (decode_set(open, d->open, &d->nopen) != 0 ||
	    decode_set(close, d->close, &d->nclose) != 0)) {
		rp_error(p, "open", "open 与 close 各为 1 至 4 个字符（1 to 4 characters each）");
		rc = -1;
	}
	free(open);
	free(close);
	return rc;
}

/* Notes the first byte of cp in UTF-8 as one a mark may start with. Text decodes to U+FFFD
 * at each invalid byte, all of them at or above 0x80, so a U+FFFD mark adds all those. */
static void
add_lead(struct pairs *ps, uint32_t cp)
{
	char buf[4];
	size_t b;

	(void)utf8_encode(cp, buf);
	ps->lead[(unsigned char)buf[0]] = true;
	if (cp < 0x10000)
		ps->bmp[cp / 64] |= (uint64_t)1 << (cp % 64);
	if (cp == 0xFFFD)
		for (b = 0x80; b < 256; b++)
			ps->lead[b] = true;
}

/* Notes the first bytes of all marks, so text without them is passed over quickly. */
static void
index_leads(struct pairs *ps)
{
	size_t i, k;

	for (i = 0; i < ps->n; i++) {
		for (k = 0; k < ps->v[i].nopen; k++)
			add_lead(ps, ps->v[i].open[k]);
		for (k = 0; k < ps->v[i].nclose; k++)
			add_lead(ps, ps->v[i].close[k]);
	}
}

static int
pairs_parse(struct rule *r, struct rparam *p)
{
	struct pairs *ps = xcalloc(1, sizeof(*ps));

	r->params = ps;
	if (rp_maps(p, "pairs", true, read_pair, ps) != 0)
		return -1;
	if (ps->n == 0) {
		rp_error(p, "pairs", "至少列出一对标点（at least one pair）");
		return -1;
	}
	index_leads(ps);
	return 0;
}

/* Index of the pair cp belongs to, with *opening set; -1 if none. */
static int
find_pair(const struct pairs *ps, uint32_t cp, bool *opening)
{
	size_t i, k;

	for (i = 0; i < ps->n; i++) {
		for (k = 0; k < ps->v[i].nopen; k++)
			if (ps->v[i].open[k] == cp) {
				*opening = true;
				return (int)i;
			}
		for (k = 0; k < ps->v[i].nclose; k++)
			if (ps->v[i].close[k] == cp) {
				*opening = false;
				return (int)i;
			}
	}
	return -1;
}

/* Adds the diagnostic for one mark at [pos, pos+len) of pair; returns it (NULL when the
 * list is full). */
static struct diag *
report(struct pair_scan *s, enum pair_problem what, size_t pos, size_t len, int pair)
{
	static const char *const zh[] = {"{mark} 未闭合", "{mark} 前面没有对应的开标点",
	    "{mark} 方向用反，此处应为 {close}"};
	static const char *const en[] = {"{mark} is never closed", "{mark} closes nothing",
	    "{mark} faces the wrong way; {close} belongs here"};
	const struct pairs *ps = s->r->params;
	const char *kv[4];
	char mark[5] = {0}, close[5] = {0}, *detail;
	struct diag *d;

	memcpy(mark, s->c->doc->text + pos, len < 4 ? len : 4);
	(void)utf8_encode(ps->v[pair].close[0], close);
	kv[0] = "mark";
	kv[1] = mark;
	kv[2] = "close";
	kv[3] = close;
	detail = i18n_fill(s->c->out->lang == LANG_EN ? en[what] : zh[what], kv, 4);
	d = diag_add(s->c->out, s->r, pos, pos + len, "detail", detail, "mark", mark, NULL);
	if (d == NULL)
		s->stop = 1;
	free(detail);
	return d;
}

/* True for a quotation mark of any kind (curly, straight, corner brackets). */
static bool
quote_mark(uint32_t cp)
{
	return cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == '"' ||
	    cp == 0xFF02 || (cp >= 0x300C && cp <= 0x300F);
}

/* True when the quotation marks of the scanned line are exactly two, at first and second,
 * and no quotation is open around them (no mark of a pair that cannot nest on the stack
 * below depth `below`): then which half is meant is not in doubt. */
static bool
lone_pair(const struct pair_scan *s, size_t first, size_t second, size_t below)
{
	const struct pairs *ps = s->r->params;
	const char *text = s->c->doc->text;
	size_t i = s->line_start, at, n = 0, k;
	uint32_t cp;

	for (k = 0; k < below; k++)
		if (!ps->v[s->stack[k].pair].nest)
			return false;
	while (i < s->line_end) {
		at = i;
		cp = utf8_next(text, s->line_end, &i);
		if (!quote_mark(cp))
			continue;
		if (n >= 2 || at != (n == 0 ? first : second))
			return false;
		n++;
	}
	return n == 2;
}

/* The fix for a mark at [pos, pos+len) of pair facing the wrong way: it becomes the pair's
 * first closing (to_close) or opening form. */
static void
turn_mark(struct diag *d, const struct pairs *ps, int pair, size_t pos, size_t len,
    bool to_close)
{
	char buf[5] = {0};
	size_t n = utf8_encode(to_close ? ps->v[pair].close[0] : ps->v[pair].open[0], buf);

	diag_edit(d, pos, pos + len, buf, n);
}

/* The position of the next mark of pair after pos on the scanned line when it is the
 * closing form cp; (size_t)-1 otherwise. */
static size_t
next_same_closer(const struct pair_scan *s, size_t pos, uint32_t cp)
{
	const char *text = s->c->doc->text;
	size_t i = pos, at;
	uint32_t c;

	(void)utf8_next(text, s->line_end, &i);
	while (i < s->line_end) {
		at = i;
		c = utf8_next(text, s->line_end, &i);
		if (quote_mark(c))
			return c == cp ? at : (size_t)-1;
	}
	return (size_t)-1;
}

/* True for an ASCII letter or digit. */
static bool
ascii_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Separators after which "1)" starts an inline list item. */
static bool
list_separator(uint32_t cp)
{
	return utf8_is_space(cp) || cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A ||
	    cp == 0x3002 || cp == 0x3001 || cp == ',' || cp == ';' || cp == ':';
}

/* A closing bracket that ends an inline list marker ("1)", "a）") or an apostrophe
 * between Latin letters is not half of a pair. */
static bool
lone_closer_ok(const char *text, size_t start, size_t pos, size_t end, uint32_t cp)
{
	size_t i = pos, j, after = pos, n = 0;
	uint32_t before = 0, next = 0, prev;

	(void)utf8_next(text, end, &after);
	if (after < end)
		next = utf8_next(text, end, &after);
	while (i > start) {
		j = i;
		prev = utf8_prev(text, &j);
		if (!ascii_alnum(prev)) {
			before = prev;
			break;
		}
		i = j;
		n++;
	}
	if (cp == 0x2019)
		return n > 0 && ascii_alnum(next);
	return n >= 1 && n <= 2 && (i == start || list_separator(before));
}

/* A closing mark: pops its opener, reporting openers left unclosed above it. A quotation
 * closed twice on a line of its own (”…”) gets the fix that opens it. */
static void
close_mark(struct pair_scan *s, int pair, size_t pos, size_t len, uint32_t cp)
{
	const struct pairs *ps = s->r->params;
	struct diag *d;
	size_t k = s->depth, next;

	while (k > 0 && s->stack[k - 1].pair != pair)
		k--;
	if (k == 0) {
		d = report(s, PAIR_UNOPENED, pos, len, pair);
		if (d != NULL && s->r->fix_zh != NULL && !ps->v[pair].nest &&
		    (next = next_same_closer(s, pos, cp)) != (size_t)-1 &&
		    lone_pair(s, pos, next, s->depth))
			turn_mark(d, ps, pair, pos, len, false);
		return;
	}
	while (s->depth > k) {
		s->depth--;
		report(s, PAIR_UNCLOSED, s->stack[s->depth].pos, s->stack[s->depth].len,
		    s->stack[s->depth].pair);
	}
	s->depth--;
}

/* An opening mark: pushed, or taken as a reversed closer where the pair cannot nest; a
 * quotation opened twice on a line of its own (“…“) gets the fix that closes it. */
static void
open_mark(struct pair_scan *s, int pair, size_t pos, size_t len)
{
	const struct pairs *ps = s->r->params;
	const struct open_mark *top;
	struct diag *d;

	if (s->depth > 0 && s->stack[s->depth - 1].pair == pair && !ps->v[pair].nest) {
		top = &s->stack[s->depth - 1];
		d = report(s, PAIR_REVERSED, pos, len, pair);
		if (d != NULL && s->r->fix_zh != NULL && top->pos >= s->line_start &&
		    lone_pair(s, top->pos, pos, s->depth - 1))
			turn_mark(d, ps, pair, pos, len, true);
		s->depth--;
		return;
	}
	if (s->depth == PAIR_MAX_DEPTH) {
		s->overflow++;
		return;
	}
	s->stack[s->depth].pair = pair;
	s->stack[s->depth].pos = pos;
	s->stack[s->depth].len = len;
	s->depth++;
}

/* Scans text[start, end), one paragraph of the group. A byte no mark starts with is
 * passed over alone: a continuation byte, or a character that is no mark, whose own
 * continuation bytes follow and are passed over too (unless U+FFFD is a mark, when
 * every byte from 0x80 up is decoded). */
static void
scan_range(struct pair_scan *s, size_t start, size_t end)
{
	const struct pairs *ps = s->r->params;
	const char *text = s->c->doc->text;
	size_t i = start, at;
	uint32_t cp;
	bool opening;
	int pair;

	s->line_start = start;
	s->line_end = end;
	while (!s->stop) {
		while (i < end && !ps->lead[(unsigned char)text[i]])
			i++;
		if (i >= end)
			break;
		at = i;
		cp = utf8_next(text, end, &i);
		/* Most characters that share a mark's first byte (、。，) are no mark. */
		if (cp < 0x10000 && (ps->bmp[cp / 64] & (uint64_t)1 << (cp % 64)) == 0)
			continue;
		if ((pair = find_pair(ps, cp, &opening)) < 0)
			continue;
		if (opening) {
			open_mark(s, pair, at, i - at);
		} else if (s->overflow > 0) {
			s->overflow--;
		} else {
			size_t k = s->depth;

			while (k > 0 && s->stack[k - 1].pair != pair)
				k--;
			if (k == 0 && lone_closer_ok(text, start, at, end, cp))
				continue;
			close_mark(s, pair, at, i - at, cp);
		}
	}
}

/* Paragraph p's text without a heading marker (the numbering rules judge markers). */
static void
paragraph_range(const struct doc *doc, size_t p, size_t *start, size_t *end)
{
	const struct line *l = &doc->lines[doc->paragraphs[p].line];

	*start = doc->paragraphs[p].span.start;
	*end = doc->paragraphs[p].span.end;
	if (l->heading >= 0) {
		const struct heading *h = &doc->headings[l->heading];

		if (h->marker.end > *start && h->marker.end <= *end)
			*start = h->marker.end;
	}
}

/* Collected spans of the rule's scope. */
struct span_list {
	struct span *v;
	size_t n, cap;
};

static int
collect_span(const struct doc *doc, struct span span, void *ctx)
{
	struct span_list *l = ctx;

	(void)doc;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = span;
	return 0;
}

static bool
in_spans(const struct span_list *l, size_t pos)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (pos >= l->v[i].start && pos < l->v[i].end)
			return true;
	return false;
}

static void
pairs_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	struct span_list scope = {NULL, 0, 0};
	struct pair_scan s;
	size_t p = 0, q, start, end;
	bool cut;

	(void)check_scope_each(doc, r->scope, collect_span, &scope);
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.c = c;
	while (p < doc->nparagraphs && !s.stop) {
		q = p;
		while (q + 1 < doc->nparagraphs && doc->paragraphs[q].broken_after)
			q++;
		if (in_spans(&scope, doc->paragraphs[p].span.start)) {
			s.depth = 0;
			s.overflow = 0;
			for (; p <= q && !s.stop; p++) {
				paragraph_range(doc, p, &start, &end);
				scan_range(&s, start, end);
			}
			/* A mark still open where a truncated text stops was left open by the
			 * cut, not by the writer. */
			cut = doc->cut.present && doc->paragraphs[q].line == doc->cut.line;
			while (s.depth > 0 && !s.stop) {
				s.depth--;
				if (!cut)
					report(&s, PAIR_UNCLOSED, s.stack[s.depth].pos,
					    s.stack[s.depth].len, s.stack[s.depth].pair);
			}
		}
		p = q + 1;
	}
	free(scope.v);
}

const struct check_type chk_pairs = {
	"pairs",
	"paired punctuation balanced and facing the right way, paragraph by paragraph",
	pairs_parse,
	pairs_run,
	pairs_free,
	"成对标点逐段配对、方向正确",
};
