/* The GitHub Actions format: one `::error|warning|notice file=…,line=…,col=…,endLine=…,
 * endColumn=…,title=…::message` workflow command per finding as files come (escaped as the
 * runner requires), then, since the runner shows only ten annotations per level and step,
 * every finding again as a plain `path:line:col: level: message [rule]` line and the
 * summary line of the human format. */
#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "xalloc.h"

struct github {
	struct fmt_opts o;
	struct formatter summary;  /* the human formatter, used only for its summary line */
	char *plain;               /* the plain lines, printed at the end */
	size_t n, cap;
};

/* Appends s to the plain lines. */
static void
plain_put(struct github *g, const char *s)
{
	size_t len = strlen(s);

	g->plain = xgrow(g->plain, &g->cap, g->n + len + 1, 1);
	memcpy(g->plain + g->n, s, len + 1);
	g->n += len;
}

/* Writes s escaped for a workflow command: % CR LF always, : and , also in a property. */
static void
put_escaped(FILE *out, const char *s, int property)
{
	for (; *s != '\0'; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (property && *s == ':')
			fputs("%3A", out);
		else if (property && *s == ',')
			fputs("%2C", out);
		else
			fputc(*s, out);
	}
}

static const char *
command_of(enum level l)
{
	if (l == LEVEL_ERROR)
		return "error";
	return l == LEVEL_WARNING ? "warning" : "notice";
}

/* One annotation; line 0 means the whole file (no position properties). */
static void
annotate(FILE *out, const char *cmd, const char *path, const unsigned pos[4],
    const char *title, const char *message)
{
	fprintf(out, "::%s file=", cmd);
	put_escaped(out, path, 1);
	if (pos[0] > 0)
		fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u", pos[0], pos[1], pos[2],
		    pos[3]);
	fputs(",title=", out);
	put_escaped(out, title, 1);
	fputs("::", out);
	put_escaped(out, message, 0);
	fputc('\n', out);
}

static void
github_diag(struct github *g, const struct fmt_file *f, const struct diag *d)
{
	unsigned pos[4];
	char *line;
	size_t n;

	linemap_locate(f->lines, d->span.start, &pos[0], &pos[1]);
	linemap_locate(f->lines, d->span.end, &pos[2], &pos[3]);
	annotate(g->o.out, command_of(d->level), f->path, pos, d->rule, d->message);
	n = strlen(f->path) + strlen(d->message) + strlen(d->rule) + 64;
	line = xmalloc(n);
	snprintf(line, n, "%s:%u:%u: %s: %s [%s]\n", f->path, pos[0], pos[1],
	    level_name(d->level), d->message, d->rule);
	plain_put(g, line);
	free(line);
}

static void
github_file(void *state, const struct fmt_file *f)
{
	static const unsigned nopos[4] = {0, 0, 0, 0};
	struct github *g = state;
	const struct fmt_error *e;
	char *line;
	size_t i, n;

	for (i = 0; i < f->nerrors; i++) {
		e = &f->errors[i];
		annotate(g->o.out, "error", f->path, nopos, e->id, e->message);
		n = strlen(f->path) + strlen(e->message) + strlen(e->id) + 32;
		line = xmalloc(n);
		snprintf(line, n, "%s: error: %s [%s]\n", f->path, e->message, e->id);
		plain_put(g, line);
		free(line);
	}
	for (i = 0; f->diags != NULL && f->text != NULL && i < f->diags->n; i++)
		github_diag(g, f, &f->diags->v[i]);
}

static void
github_end(void *state, const struct fmt_totals *t)
{
	struct github *g = state;

	if (g->plain != NULL)
		fputs(g->plain, g->o.out);
	g->summary.ops->end(g->summary.state, t);
}

static void
github_destroy(void *state)
{
	struct github *g = state;

	g->summary.ops->destroy(g->summary.state);
	free(g->plain);
	free(g);
}

static const struct fmt_ops github_ops = {github_file, github_end, github_destroy};

void
fmt_github_init(struct formatter *f, const struct fmt_opts *o)
{
	struct github *g = xcalloc(1, sizeof(*g));
	struct fmt_opts ho = *o;

	g->o = *o;
	ho.color = false;
	fmt_human_init(&g->summary, &ho);
	f->ops = &github_ops;
	f->state = g;
}
