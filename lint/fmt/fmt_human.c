/* The human format: `path:line:col: level: message [rule]`, the source line cut to the
 * output width around the span, a caret line aligned by display width, related notes with
 * their lines, and a closing summary. Columns are 1-based code points of the line. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "msg.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* The cut mark of a windowed source line and its display columns (U+2026 is two columns
 * wide in the CJK terminals utf8_width follows). */
#define ELLIPSIS "\xE2\x80\xA6"
#define ELLIPSIS_COLS 2

#define TAB_STOP 8

static const char ansi_bold[] = "\033[1m";
static const char ansi_reset[] = "\033[0m";
static const char ansi_caret[] = "\033[1;32m";
static const char ansi_note[] = "\033[1;36m";

struct human {
	struct fmt_opts o;
};

/* C0 and C1 controls and DEL: shown as '?' so the text cannot drive the terminal. */
static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

/* Display columns of cp when it starts at column col. */
static size_t
cp_columns(uint32_t cp, size_t col)
{
	if (cp == '\t')
		return TAB_STOP - col % TAB_STOP;
	if (is_control(cp))
		return 1;
	return (size_t)utf8_width(cp);
}

/* The column reached after showing text[from, to) starting at column col. */
static size_t
columns(const char *text, size_t from, size_t to, size_t col)
{
	size_t i = from;

	while (i < to)
		col += cp_columns(utf8_next(text, to, &i), col);
	return col;
}

char *
fmt_human_source(const char *text, size_t ls, size_t le)
{
	struct strbuf b = {NULL, 0, 0};
	size_t i = ls, at, col = 0, w;
	uint32_t cp;

	while (i < le) {
		at = i;
		cp = utf8_next(text, le, &i);
		w = cp_columns(cp, col);
		if (cp == '\t')
			strbuf_repeat(&b, ' ', w);
		else if (is_control(cp))
			strbuf_put(&b, "?", 1);
		else
			strbuf_put(&b, text + at, i - at);
		col += w;
	}
	return strbuf_take(&b);
}

char *
fmt_human_caret(const char *text, size_t ls, size_t le, size_t start, size_t end)
{
	struct strbuf b = {NULL, 0, 0};
	size_t c0, c1;

	if (start < ls)
		start = ls;
	if (start > le)
		start = le;
	if (end > le)
		end = le;
	if (end < start)
		end = start;
	c0 = columns(text, ls, start, 0);
	c1 = columns(text, start, end, c0);
	strbuf_repeat(&b, ' ', c0);
	strbuf_put(&b, "^", 1);
	if (c1 > c0 + 1)
		strbuf_repeat(&b, '~', c1 - c0 - 1);
	return strbuf_take(&b);
}

/* Writes s with control characters replaced: LF and TAB as a space, others as '?'. */
static void
put_clean(FILE *out, const char *s)
{
	size_t len = strlen(s), i = 0, at;
	uint32_t cp;

	while (i < len) {
		at = i;
		cp = utf8_next(s, len, &i);
		if (cp == '\n' || cp == '\t')
			fputc(' ', out);
		else if (is_control(cp))
			fputc('?', out);
		else
			fwrite(s + at, 1, i - at, out);
	}
}

static void
paint_on(const struct human *h, const char *code)
{
	if (h->o.color)
		fputs(code, h->o.out);
}

static const char *
level_color(enum level l)
{
	switch (l) {
	case LEVEL_ERROR:
		return "\033[1;31m";
	case LEVEL_WARNING:
		return "\033[1;35m";
	default:
		return "\033[1;34m";
	}
}

/* Writes "path:line:col: " (line 0 leaves the position out) in bold. */
static void
put_where(const struct human *h, const char *path, unsigned line, unsigned col)
{
	paint_on(h, ansi_bold);
	put_clean(h->o.out, path);
	if (line > 0)
		fprintf(h->o.out, ":%u:%u", line, col);
	fputc(':', h->o.out);
	paint_on(h, ansi_reset);
	fputc(' ', h->o.out);
}

/* Writes "level: message [id]" and the line end. */
static void
put_message(const struct human *h, const char *label, const char *code, const char *message,
    const char *id)
{
	paint_on(h, code);
	fprintf(h->o.out, "%s:", label);
	paint_on(h, ansi_reset);
	fputc(' ', h->o.out);
	put_clean(h->o.out, message);
	if (id != NULL)
		fprintf(h->o.out, " [%s]", id);
	fputc('\n', h->o.out);
}

/* The column reached after showing text[from, to) from column col, or a value past cap
 * as soon as it passes cap (so a huge line costs no more than the window). */
static size_t
columns_capped(const char *text, size_t from, size_t to, size_t col, size_t cap)
{
	size_t i = from;

	while (i < to && col <= cap)
		col += cp_columns(utf8_next(text, to, &i), col);
	return col;
}

/* The start of the longest run of characters ending at `at` (not before ls) that fits in
 * cols display columns. */
static size_t
back_by(const char *text, size_t ls, size_t at, size_t cols)
{
	size_t used = 0, i = at, prev;
	uint32_t cp;

	while (i > ls) {
		prev = i;
		cp = utf8_prev(text, &i);
		if (used + cp_columns(cp, 0) > cols) {
			i = prev;
			break;
		}
		used += cp_columns(cp, 0);
	}
	return i;
}

/* The end of the longest run of characters starting at `at` (not past le) that fits in
 * cols display columns, at least one character when `one` is set. */
static size_t
forward_by(const char *text, size_t at, size_t le, size_t cols, bool one)
{
	size_t used = 0, i = at, next;
	uint32_t cp;

	while (i < le) {
		next = i;
		cp = utf8_next(text, le, &next);
		if (used + cp_columns(cp, used) > cols && !(one && i == at))
			break;
		used += cp_columns(cp, used);
		i = next;
	}
	return i;
}

/* Narrows line [*ls, *le) to at most width display columns around the span [start, end)
 * (already clipped to the line), leaving room for a cut mark (ELLIPSIS_COLS) at each end
 * that is cut: the span is kept whole when it fits, else its start is. */
static void
window(const char *text, size_t *ls, size_t *le, size_t start, size_t end, size_t width)
{
	size_t room, span_w, left_w, right_w, left, right;

	if (columns_capped(text, *ls, *le, 0, width) <= width)
		return;
	room = width > 2 * ELLIPSIS_COLS ? width - 2 * ELLIPSIS_COLS : 1;
	span_w = columns_capped(text, start, end, 0, room);
	if (span_w >= room) {
		*le = forward_by(text, start, *le, room, true);
		*ls = start;
		return;
	}
	room -= span_w;
	left_w = columns_capped(text, *ls, start, 0, room);
	right_w = columns_capped(text, end, *le, 0, room);
	if (left_w <= room / 2) {
		left = left_w;
		right = room - left + ELLIPSIS_COLS;
	} else if (right_w <= room - room / 2) {
		right = right_w;
		left = room - right + ELLIPSIS_COLS;
	} else {
		left = room / 2;
		right = room - left;
	}
	*ls = back_by(text, *ls, start, left);
	*le = forward_by(text, end, *le, right, false);
}

/* Writes the source line holding span.start, cut to the output width around the span with
 * an ellipsis at each cut, and the caret line under the span. */
static void
put_excerpt(const struct human *h, const struct fmt_file *f, struct span span)
{
	size_t line = linemap_line_index(f->lines, span.start);
	size_t ls, le, full_ls, full_le, start = span.start, end = span.end;
	const char *more_left, *more_right;
	char *src, *caret;

	linemap_line_span(f->lines, line, &full_ls, &full_le);
	if (start > full_le)
		start = full_le;
	if (end > full_le)
		end = full_le;
	if (end < start)
		end = start;
	ls = full_ls;
	le = full_le;
	window(f->text, &ls, &le, start, end, h->o.width ? h->o.width : FMT_DEFAULT_WIDTH);
	more_left = ls > full_ls ? ELLIPSIS : "";
	more_right = le < full_le ? ELLIPSIS : "";
	src = fmt_human_source(f->text, ls, le);
	caret = fmt_human_caret(f->text, ls, le, start, end);
	fprintf(h->o.out, "%s%s%s\n%*s", more_left, src, more_right,
	    more_left[0] ? ELLIPSIS_COLS : 0, "");
	paint_on(h, ansi_caret);
	fputs(caret, h->o.out);
	paint_on(h, ansi_reset);
	fputc('\n', h->o.out);
	free(src);
	free(caret);
}

static void
put_diag(const struct human *h, const struct fmt_file *f, const struct diag *d)
{
	unsigned line, col;
	size_t k;

	linemap_locate(f->lines, d->span.start, &line, &col);
	put_where(h, f->path, line, col);
	put_message(h, level_name(d->level), level_color(d->level), d->message, d->rule);
	put_excerpt(h, f, d->span);
	for (k = 0; k < d->nrelated; k++) {
		if (d->related[k].path != NULL) {
			/* In another file, whose text this run does not show. */
			put_where(h, d->related[k].path, d->related[k].line, d->related[k].col);
			put_message(h, "note", ansi_note, d->related[k].message, NULL);
			continue;
		}
		linemap_locate(f->lines, d->related[k].span.start, &line, &col);
		put_where(h, f->path, line, col);
		put_message(h, "note", ansi_note, d->related[k].message, NULL);
		put_excerpt(h, f, d->related[k].span);
	}
}

static void
human_file(void *state, const struct fmt_file *f)
{
	const struct human *h = state;
	size_t i;

	for (i = 0; i < f->nerrors; i++) {
		put_where(h, f->path, 0, 0);
		put_message(h, "error", level_color(LEVEL_ERROR), f->errors[i].message,
		    f->errors[i].id);
	}
	if (f->diags == NULL || f->text == NULL)
		return;
	for (i = 0; i < f->diags->n; i++)
		put_diag(h, f, &f->diags->v[i]);
}

static void
human_end(void *state, const struct fmt_totals *t)
{
	const struct human *h = state;
	char e[24], w[24], n[24], fl[24], fa[24];
	char *line;

	if (h->o.quiet && t->errors + t->warnings + t->infos + t->failed == 0)
		return;
	snprintf(e, sizeof(e), "%zu", t->errors);
	snprintf(w, sizeof(w), "%zu", t->warnings);
	snprintf(n, sizeof(n), "%zu", t->infos);
	snprintf(fl, sizeof(fl), "%zu", t->files);
	snprintf(fa, sizeof(fa), "%zu", t->failed);
	line = msg_format(t->failed ? "output-summary-failed" : "output-summary", h->o.lang,
	    "errors", e, "warnings", w, "infos", n, "files", fl, "failed", fa, NULL);
	fprintf(h->o.out, "%s\n", line);
	free(line);
}

static void
human_destroy(void *state)
{
	free(state);
}

static const struct fmt_ops human_ops = {human_file, human_end, human_destroy};

void
fmt_human_init(struct formatter *f, const struct fmt_opts *o)
{
	struct human *h = xcalloc(1, sizeof(*h));

	h->o = *o;
	f->ops = &human_ops;
	f->state = h;
}
