/* The HTML format: one self-contained page (inline style sheet and script, no outside
 * requests) with a summary and chart by level and rule family, filters, an index of the
 * files and, per file, the list of findings and the notice text with each one marked. */
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "msg.h"
#include "rules.h"
#include "xalloc.h"

enum hlabel {
	H_TITLE, H_SUMMARY, H_LEVEL, H_FAMILY, H_TOTAL, H_FILTER, H_FILES, H_FINDINGS,
	H_TEXT, H_CLEAN, H_NOT_READ, H_RELATED, H_OTHER, H_CHART, H_ALL
};

static const char *const hlabels[][2] = {
	[H_TITLE] = {"noticelint 检查报告", "noticelint report"},
	[H_SUMMARY] = {"概况", "Summary"},
	[H_LEVEL] = {"级别", "Level"},
	[H_FAMILY] = {"规则类别", "Rule family"},
	[H_TOTAL] = {"合计", "Total"},
	[H_FILTER] = {"筛选", "Filter"},
	[H_FILES] = {"文件", "Files"},
	[H_FINDINGS] = {"问题列表", "Findings"},
	[H_TEXT] = {"正文", "Text"},
	[H_CLEAN] = {"未发现问题。", "Nothing found."},
	[H_NOT_READ] = {"未能检查此文件：", "This file could not be checked:"},
	[H_RELATED] = {"相关位置", "related"},
	[H_OTHER] = {"其他", "other"},
	[H_CHART] = {"各类别问题数（按级别）", "Findings per family, by level"},
	[H_ALL] = {"全部", "all"},
};

static const char *const level_words[][2] = {
	[LEVEL_NONE] = {"", ""},
	[LEVEL_INFO] = {"提示", "info"},
	[LEVEL_WARNING] = {"警告", "warning"},
	[LEVEL_ERROR] = {"错误", "error"},
};

/* Diagnostics of one rule family, by level. */
struct family {
	char name[16];
	size_t n[4];
};

struct html {
	struct fmt_opts o;
	struct strbuf files;   /* the file sections, in input order */
	struct strbuf index;   /* the index entries */
	unsigned nfiles;
	size_t levels[4];
	struct family *fams;
	size_t nfams;
};

static const char *
hl(const struct html *h, enum hlabel l)
{
	return hlabels[l][h->o.lang == LANG_EN ? 1 : 0];
}

static const char *
level_word(const struct html *h, enum level l)
{
	return level_words[l][h->o.lang == LANG_EN ? 1 : 0];
}

static const char *
level_key(enum level l)
{
	return l == LEVEL_ERROR ? "error" : l == LEVEL_WARNING ? "warning" : "info";
}

static struct family *
family_of(struct html *h, const char *id)
{
	char name[16];
	size_t i;

	html_family(id, name, sizeof(name));
	for (i = 0; i < h->nfams; i++)
		if (strcmp(h->fams[i].name, name) == 0)
			return &h->fams[i];
	h->fams = xrealloc(h->fams, (h->nfams + 1) * sizeof(*h->fams));
	memset(&h->fams[h->nfams], 0, sizeof(*h->fams));
	memcpy(h->fams[h->nfams].name, name, sizeof(name));
	return &h->fams[h->nfams++];
}

/* Writes "line L, column C" of byte offset off. */
static void
put_position(struct strbuf *b, const struct html *h, const struct fmt_file *f, size_t off)
{
	unsigned line, col;

	linemap_locate(f->lines, off, &line, &col);
	if (h->o.lang == LANG_EN)
		html_rawf(b, "line %u, column %u", line, col);
	else
		html_rawf(b, "第 %u 行第 %u 列", line, col);
}

/* The rule's id, linked to its page under --doc-url (a message id to the README's table),
 * with the rule's description in the chosen language as a tooltip. */
static void
put_rule(struct strbuf *b, const struct html *h, const char *id)
{
	const struct rule *r = h->o.rules ? ruleset_find(h->o.rules, id) : NULL;
	const char *base = h->o.doc_url != NULL ? h->o.doc_url : NL_DOC_URL;

	html_raw(b, "<a class=\"rule\" href=\"");
	html_str(b, base);
	if (r != NULL) {
		html_raw(b, "doc/rules/");
		html_str(b, r->id);
		html_raw(b, ".md\"");
	} else {
		html_raw(b, "README.md#message-ids\"");
	}
	if (r != NULL && rule_description(r, h->o.lang) != NULL) {
		html_raw(b, " title=\"");
		html_str(b, rule_description(r, h->o.lang));
		html_raw(b, "\"");
	}
	html_raw(b, "><code>");
	html_str(b, id);
	html_raw(b, "</code></a>");
}

/* One entry of a file's findings list: position link, level, message, rule, related. */
static void
put_finding(struct strbuf *b, struct html *h, const struct fmt_file *f, unsigned fileno,
    size_t i)
{
	const struct diag *d = &f->diags->v[i];
	struct family *fam = family_of(h, d->rule);
	size_t k;

	fam->n[d->level]++;
	h->levels[d->level]++;
	html_rawf(b, "<li id=\"f%u-i%zu\" class=\"fd lv-%s\" data-level=\"%s\" "
	    "data-family=\"%s\"><a class=\"loc\" href=\"#f%u-d%zu\">", fileno, i,
	    level_key(d->level), level_key(d->level), fam->name, fileno, i);
	put_position(b, h, f, d->span.start);
	html_rawf(b, "</a> <span class=\"lvl\">%s</span> <span class=\"msg\">",
	    level_word(h, d->level));
	html_str(b, d->message);
	html_raw(b, "</span> ");
	put_rule(b, h, d->rule);
	if (d->nrelated > 0)
		html_raw(b, "<ul class=\"related\">");
	for (k = 0; k < d->nrelated; k++) {
		if (d->related[k].path != NULL) {
			/* In another file: its place as text, no anchor in this file's text. */
			html_rawf(b, "<li>%s: <span class=\"loc\">", hl(h, H_RELATED));
			html_str(b, d->related[k].path);
			html_rawf(b, ":%u:%u</span> ", d->related[k].line, d->related[k].col);
			html_str(b, d->related[k].message);
			html_raw(b, "</li>");
			continue;
		}
		html_rawf(b, "<li>%s: <a href=\"#f%u-d%zur%zu\">", hl(h, H_RELATED), fileno, i, k);
		put_position(b, h, f, d->related[k].span.start);
		html_raw(b, "</a> ");
		html_str(b, d->related[k].message);
		html_raw(b, "</li>");
	}
	if (d->nrelated > 0)
		html_raw(b, "</ul>");
	html_raw(b, "</li>\n");
}

/* "错误 2 · 警告 1 · 提示 0" for a file or the run. */
static void
put_counts(struct strbuf *b, const struct html *h, const size_t n[4])
{
	enum level l;

	html_raw(b, "<span class=\"counts\">");
	for (l = LEVEL_ERROR; l >= LEVEL_INFO; l--)
		html_rawf(b, "<span class=\"c lv-%s\">%s %zu</span>", level_key(l),
		    level_word(h, l), n[l]);
	html_raw(b, "</span>");
}

static void
html_file(void *state, const struct fmt_file *f)
{
	struct html *h = state;
	struct strbuf *b = &h->files;
	unsigned fileno = ++h->nfiles;
	size_t n[4] = {0, 0, 0, 0}, i, nd = f->diags ? f->diags->n : 0;

	for (i = 0; i < nd; i++)
		n[f->diags->v[i].level]++;
	html_rawf(b, "<section class=\"file\" id=\"f%u\">\n<h2>", fileno);
	html_str(b, f->path);
	html_raw(b, " ");
	put_counts(b, h, n);
	html_raw(b, "</h2>\n");
	html_rawf(&h->index, "<li><a href=\"#f%u\">", fileno);
	html_str(&h->index, f->path);
	html_raw(&h->index, "</a> ");
	put_counts(&h->index, h, n);
	html_raw(&h->index, "</li>\n");
	for (i = 0; i < f->nerrors; i++) {
		html_rawf(b, "<p class=\"inerr\">%s ", hl(h, H_NOT_READ));
		html_str(b, f->errors[i].message);
		html_raw(b, " ");
		put_rule(b, h, f->errors[i].id);
		html_raw(b, "</p>\n");
	}
	if (f->text == NULL) {
		html_raw(b, "</section>\n");
		return;
	}
	if (nd == 0)
		html_rawf(b, "<p class=\"clean\">%s</p>\n", hl(h, H_CLEAN));
	else
		html_rawf(b, "<details class=\"list\" open><summary>%s%s%zu%s</summary>\n"
		    "<ol class=\"findings\">\n", hl(h, H_FINDINGS),
		    h->o.lang == LANG_EN ? " (" : "（", nd, h->o.lang == LANG_EN ? ")" : "）");
	for (i = 0; i < nd; i++)
		put_finding(b, h, f, fileno, i);
	if (nd > 0)
		html_raw(b, "</ol></details>\n");
	html_rawf(b, "<h3>%s</h3>\n", hl(h, H_TEXT));
	html_notice(b, f, fileno);
	html_raw(b, "</section>\n");
}

static int
cmp_family(const void *a, const void *b)
{
	const struct family *x = a, *y = b;

	/* Ids without a family go last. */
	if ((x->name[0] == '\0') != (y->name[0] == '\0'))
		return x->name[0] == '\0' ? 1 : -1;
	return strcmp(x->name, y->name);
}

static const char *
family_word(const struct html *h, const struct family *fam)
{
	return fam->name[0] ? fam->name : hl(h, H_OTHER);
}

/* The table of counts by family and level. */
static void
put_table(struct strbuf *b, const struct html *h)
{
	enum level l;
	size_t i;

	html_rawf(b, "<table class=\"sum\"><thead><tr><th>%s</th>", hl(h, H_FAMILY));
	for (l = LEVEL_ERROR; l >= LEVEL_INFO; l--)
		html_rawf(b, "<th class=\"lv-%s\">%s</th>", level_key(l), level_word(h, l));
	html_rawf(b, "<th>%s</th></tr></thead><tbody>\n", hl(h, H_TOTAL));
	for (i = 0; i < h->nfams; i++) {
		const struct family *fam = &h->fams[i];

		html_raw(b, "<tr><th>");
		html_str(b, family_word(h, fam));
		html_raw(b, "</th>");
		for (l = LEVEL_ERROR; l >= LEVEL_INFO; l--)
			html_rawf(b, "<td>%zu</td>", fam->n[l]);
		html_rawf(b, "<td>%zu</td></tr>\n", fam->n[1] + fam->n[2] + fam->n[3]);
	}
	html_rawf(b, "</tbody><tfoot><tr><th>%s</th>", hl(h, H_TOTAL));
	for (l = LEVEL_ERROR; l >= LEVEL_INFO; l--)
		html_rawf(b, "<td>%zu</td>", h->levels[l]);
	html_rawf(b, "<td>%zu</td></tr></tfoot></table>\n",
	    h->levels[1] + h->levels[2] + h->levels[3]);
}

/* A horizontal bar per family, its parts coloured by level, in inline SVG. */
static void
put_chart(struct strbuf *b, const struct html *h)
{
	const unsigned label_w = 70, bar_w = 360, row_h = 22;
	size_t most = 1, i, total;
	unsigned x;
	enum level l;

	for (i = 0; i < h->nfams; i++)
		if ((total = h->fams[i].n[1] + h->fams[i].n[2] + h->fams[i].n[3]) > most)
			most = total;
	html_rawf(b, "<svg class=\"chart\" role=\"img\" width=\"%u\" height=\"%zu\" "
	    "viewBox=\"0 0 %u %zu\"><title>%s</title>\n", label_w + bar_w + 50,
	    h->nfams * row_h + 4, label_w + bar_w + 50, h->nfams * row_h + 4, hl(h, H_CHART));
	for (i = 0; i < h->nfams; i++) {
		const struct family *fam = &h->fams[i];
		unsigned y = (unsigned)i * row_h + 2;

		html_rawf(b, "<text x=\"0\" y=\"%u\">", y + 15);
		html_str(b, family_word(h, fam));
		html_raw(b, "</text>");
		x = label_w;
		total = 0;
		for (l = LEVEL_ERROR; l >= LEVEL_INFO; l--) {
			unsigned w = (unsigned)(fam->n[l] * bar_w / most);

			total += fam->n[l];
			if (fam->n[l] == 0)
				continue;
			if (w == 0)
				w = 1;
			html_rawf(b, "<rect class=\"lv-%s\" x=\"%u\" y=\"%u\" width=\"%u\" "
			    "height=\"%u\"><title>%s %zu</title></rect>", level_key(l), x, y, w,
			    row_h - 6, level_word(h, l), fam->n[l]);
			x += w;
		}
		html_rawf(b, "<text x=\"%u\" y=\"%u\">%zu</text>\n", x + 4, y + 15, total);
	}
	html_raw(b, "</svg>\n");
}

/* The level and family check boxes. */
static void
put_filters(struct strbuf *b, const struct html *h)
{
	enum level l;
	size_t i;

	html_rawf(b, "<form id=\"filters\" class=\"noprint\"><strong>%s</strong>\n"
	    "<fieldset><legend>%s</legend>", hl(h, H_FILTER), hl(h, H_LEVEL));
	for (l = LEVEL_ERROR; l >= LEVEL_INFO; l--)
		html_rawf(b, "<label class=\"lv-%s\"><input type=\"checkbox\" name=\"level\" "
		    "value=\"%s\" checked> %s (%zu)</label> ", level_key(l), level_key(l),
		    level_word(h, l), h->levels[l]);
	html_rawf(b, "</fieldset>\n<fieldset><legend>%s</legend>", hl(h, H_FAMILY));
	for (i = 0; i < h->nfams; i++) {
		const struct family *fam = &h->fams[i];

		html_raw(b, "<label><input type=\"checkbox\" name=\"family\" value=\"");
		html_str(b, fam->name);
		html_raw(b, "\" checked> ");
		html_str(b, family_word(h, fam));
		html_rawf(b, " (%zu)</label> ", fam->n[1] + fam->n[2] + fam->n[3]);
	}
	html_rawf(b, "<button type=\"button\" id=\"all\">%s</button></fieldset></form>\n",
	    hl(h, H_ALL));
}

static void
html_end(void *state, const struct fmt_totals *t)
{
	struct html *h = state;
	struct strbuf b = {NULL, 0, 0};
	char e[24], w[24], n[24], fl[24], fa[24];
	char *line;

	if (h->nfams > 1)
		qsort(h->fams, h->nfams, sizeof(*h->fams), cmp_family);
	snprintf(e, sizeof(e), "%zu", t->errors);
	snprintf(w, sizeof(w), "%zu", t->warnings);
	snprintf(n, sizeof(n), "%zu", t->infos);
	snprintf(fl, sizeof(fl), "%zu", t->files);
	snprintf(fa, sizeof(fa), "%zu", t->failed);
	line = msg_format(t->failed ? "output-summary-failed" : "output-summary", h->o.lang,
	    "errors", e, "warnings", w, "infos", n, "files", fl, "failed", fa, NULL);
	html_rawf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"noticelint %s\">\n<title>%s</title>\n"
	    "<style>\n", h->o.lang == LANG_EN ? "en" : "zh-CN", NL_VERSION, hl(h, H_TITLE));
	html_raw(&b, html_css);
	html_rawf(&b, "</style>\n</head>\n<body>\n<header><h1>%s</h1>\n<p class=\"totals\">",
	    hl(h, H_TITLE));
	html_str(&b, line);
	html_rawf(&b, "</p></header>\n<section id=\"summary\"><h2>%s</h2>\n", hl(h, H_SUMMARY));
	put_table(&b, h);
	put_chart(&b, h);
	html_raw(&b, "</section>\n");
	put_filters(&b, h);
	if (h->nfiles > 1) {
		html_rawf(&b, "<nav id=\"index\"><h2>%s</h2><ol>\n", hl(h, H_FILES));
		strbuf_put(&b, h->index.s ? h->index.s : "", h->index.n);
		html_raw(&b, "</ol></nav>\n");
	}
	html_raw(&b, "<main>\n");
	strbuf_put(&b, h->files.s ? h->files.s : "", h->files.n);
	html_raw(&b, "</main>\n<script>\n");
	html_raw(&b, html_js);
	html_raw(&b, "</script>\n</body>\n</html>\n");
	fwrite(b.s, 1, b.n, h->o.out);
	free(b.s);
	free(line);
}

static void
html_destroy(void *state)
{
	struct html *h = state;

	free(h->files.s);
	free(h->index.s);
	free(h->fams);
	free(h);
}

static const struct fmt_ops html_ops = {html_file, html_end, html_destroy};

void
fmt_html_init(struct formatter *f, const struct fmt_opts *o)
{
	struct html *h = xcalloc(1, sizeof(*h));

	h->o = *o;
	f->ops = &html_ops;
	f->state = h;
}
