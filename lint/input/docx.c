/* .docx to text: word/document.xml's body, one line per paragraph (a table row is one line,
 * its cells joined by a tab), runs joined, automatic numbering rendered, text as it would
 * print with tracked changes (insertions in, deletions out), comments, field codes,
 * drawings and text boxes left out, headers, footers and footnotes not read (they live in
 * parts of their own). Each line is anchored at its paragraph: line = paragraph number in
 * the body, column = character in the paragraph as shown. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "input/docx_numbering.h"
#include "input/reader.h"
#include "input/xmlpart.h"
#include "input/zipread.h"
#include "utf8.h"

/* Walk state over document.xml. */
struct walk {
	struct xmlpart x;
	struct reader_out *out;
	struct docx_numbering *nb;
	unsigned para;        /* paragraphs seen in the body */
	size_t para_start;    /* text offset where the current paragraph's text began */
	int tbl_depth;        /* tables the walk is inside */
	int cells;            /* cells begun in the current row */
	int cell_paras;       /* paragraphs begun in the current cell */
	bool in_run, in_ppr, in_numpr, label_done, own_num;
	int num_id, ilvl;
	char *pstyle;         /* w:pStyle of the current paragraph (xmlFree) */
};

/* Elements whose whole subtree is not printed text. */
static bool
skipped(const struct xmlpart *x)
{
	static const char *const names[] = {"del", "moveFrom", "pPrChange", "rPrChange",
	    "sectPr", "instrText", "delInstrText", "drawing", "pict", "object", "footnoteReference",
	    "endnoteReference", "commentReference", "tblPr", "tblGrid", "trPr", "tcPr", NULL};
	const char *ln;
	size_t i;

	if (xmlTextReaderNodeType(x->r) != XML_READER_TYPE_ELEMENT)
		return false;
	ln = (const char *)xmlTextReaderConstLocalName(x->r);
	/* mc:AlternateContent holds a drawing twice (choice and fallback). */
	if (ln != NULL && strcmp(ln, "AlternateContent") == 0)
		return true;
	for (i = 0; names[i] != NULL; i++)
		if (xmlpart_at(x, names[i], false))
			return true;
	return false;
}

static void
put(struct walk *w, const char *s, size_t n)
{
	strbuf_put(&w->out->text, s, n);
}

/* Emits the paragraph's automatic number once, before its first text. */
static void
ensure_label(struct walk *w)
{
	int num = w->num_id, lvl = w->ilvl;

	if (w->label_done)
		return;
	w->label_done = true;
	if (!w->own_num) {
		lvl = 0;
		if (!docx_style_numbering(w->nb, w->pstyle, &num, &lvl))
			return;
		if (w->ilvl >= 0)
			lvl = w->ilvl;
	}
	if (num > 0)
		docx_numbering_next(w->nb, num, lvl < 0 ? 0 : lvl, &w->out->text);
}

static void
para_begin(struct walk *w)
{
	w->para++;
	w->label_done = false;
	w->own_num = false;
	w->num_id = 0;
	w->ilvl = -1;
	if (w->pstyle != NULL)
		xmlFree(w->pstyle);
	w->pstyle = NULL;
	if (w->tbl_depth > 0) {
		/* Paragraphs of one cell are joined by a space, cells by a tab. */
		if (w->cell_paras++ > 0)
			put(w, " ", 1);
		else if (w->cells > 1)
			put(w, "\t", 1);
	}
	w->para_start = w->out->text.n;
	srcmap_add(&w->out->map, w->out->text.n, w->para, 1);
}

static void
para_end(struct walk *w)
{
	ensure_label(w);
	if (w->tbl_depth == 0)
		put(w, "\n", 1);
}

/* A line break inside a paragraph: a new text line that still points into the paragraph. */
static void
soft_break(struct walk *w)
{
	char *type = xmlpart_attr(&w->x, "type");
	bool page = type != NULL && (strcmp(type, "page") == 0 || strcmp(type, "column") == 0);
	size_t col;

	if (type != NULL)
		xmlFree(type);
	if (page)
		return;
	ensure_label(w);
	if (w->tbl_depth > 0) {
		put(w, " ", 1);
		return;
	}
	col = utf8_count(w->out->text.s + w->para_start, w->out->text.n - w->para_start) + 1;
	put(w, "\n", 1);
	srcmap_add(&w->out->map, w->out->text.n, w->para, (unsigned)col);
}

/* Handles an element start inside the body. */
static int
element(struct walk *w)
{
	struct xmlpart *x = &w->x;

	if (skipped(x))
		return xmlpart_skip(x);
	if (xmlpart_at(x, "p", false)) {
		para_begin(w);
		if (xmlpart_empty(x))
			para_end(w);
	} else if (xmlpart_at(x, "pPr", false)) {
		w->in_ppr = !xmlpart_empty(x);
	} else if (w->in_ppr && xmlpart_at(x, "rPr", false)) {
		return xmlpart_skip(x);  /* the paragraph mark's run properties */
	} else if (w->in_ppr && xmlpart_at(x, "pStyle", false)) {
		if (w->pstyle != NULL)
			xmlFree(w->pstyle);
		w->pstyle = xmlpart_attr(x, "val");
	} else if (w->in_ppr && xmlpart_at(x, "numPr", false)) {
		w->in_numpr = !xmlpart_empty(x);
	} else if (w->in_numpr && xmlpart_at(x, "ilvl", false)) {
		w->ilvl = xmlpart_attr_int(x, "val", 0);
	} else if (w->in_numpr && xmlpart_at(x, "numId", false)) {
		w->num_id = xmlpart_attr_int(x, "val", 0);
		w->own_num = true;
	} else if (xmlpart_at(x, "tbl", false)) {
		w->tbl_depth++;
	} else if (xmlpart_at(x, "tr", false) && w->tbl_depth == 1) {
		w->cells = 0;
	} else if (xmlpart_at(x, "tc", false) && w->tbl_depth == 1) {
		w->cells++;
		w->cell_paras = 0;
	} else if (xmlpart_at(x, "r", false)) {
		w->in_run = !xmlpart_empty(x);
	} else if (w->in_run && xmlpart_at(x, "tab", false)) {
		ensure_label(w);
		put(w, "\t", 1);
	} else if (w->in_run && (xmlpart_at(x, "br", false) || xmlpart_at(x, "cr", false))) {
		soft_break(w);
	} else if (w->in_run && xmlpart_at(x, "noBreakHyphen", false)) {
		ensure_label(w);
		put(w, "-", 1);
	}
	return 0;
}

/* Handles an element end inside the body. */
static void
element_end(struct walk *w)
{
	struct xmlpart *x = &w->x;

	if (xmlpart_at(x, "p", true))
		para_end(w);
	else if (xmlpart_at(x, "pPr", true))
		w->in_ppr = w->in_numpr = false;
	else if (xmlpart_at(x, "numPr", true))
		w->in_numpr = false;
	else if (xmlpart_at(x, "r", true))
		w->in_run = false;
	else if (xmlpart_at(x, "tr", true) && w->tbl_depth == 1)
		put(w, "\n", 1);
	else if (xmlpart_at(x, "tbl", true) && w->tbl_depth > 0)
		w->tbl_depth--;
}

/* Walks document.xml's body into w->out. */
static int
walk_body(struct walk *w)
{
	bool in_t = false;
	const char *s;
	int rc;

	while ((rc = xmlpart_next(&w->x)) == 1) {
		switch (xmlTextReaderNodeType(w->x.r)) {
		case XML_READER_TYPE_ELEMENT:
			if (xmlpart_at(&w->x, "t", false))
				in_t = !xmlpart_empty(&w->x);
			else if (element(w) != 0)
				return -1;
			break;
		case XML_READER_TYPE_END_ELEMENT:
			if (xmlpart_at(&w->x, "t", true))
				in_t = false;
			else
				element_end(w);
			break;
		default:
			if (in_t && w->in_run && (s = xmlpart_text(&w->x)) != NULL) {
				ensure_label(w);
				put(w, s, strlen(s));
			}
			break;
		}
	}
	return rc < 0 ? -1 : 0;
}

/* Reads one optional part; ZIP_ABSENT leaves *data NULL. */
static int
optional_part(struct zipread *zr, const char *name, char **data, size_t *len,
    const char *path, enum lang lang, struct source_error *err)
{
	char why[200];
	enum zip_rc rc = zipread_part(zr, name, data, len, why, sizeof(why));

	if (rc == ZIP_OK || rc == ZIP_ABSENT)
		return 0;
	return reader_fail(err, rc == ZIP_TOO_BIG ? "input-zip-bomb" : "input-zip-corrupt", lang,
	    path, "reason", why, NULL);
}

int
docx_read(const unsigned char *raw, size_t len, const char *path, enum lang lang,
    struct reader_out *out, struct source_error *err)
{
	char why[200], *doc = NULL, *num = NULL, *sty = NULL;
	size_t dlen = 0, nlen = 0, slen = 0;
	struct zipread *zr;
	struct walk w;
	enum zip_rc zrc;
	int rc = -1;

	zrc = zipread_open(&zr, raw, len, why, sizeof(why));
	if (zrc != ZIP_OK)
		return reader_fail(err, zrc == ZIP_TOO_BIG ? "input-zip-bomb" : "input-zip-corrupt",
		    lang, path, "reason", why, NULL);
	memset(&w, 0, sizeof(w));
	zrc = zipread_part(zr, "word/document.xml", &doc, &dlen, why, sizeof(why));
	if (zrc == ZIP_ABSENT)
		reader_fail(err, "input-docx-no-document", lang, path, NULL);
	else if (zrc != ZIP_OK)
		reader_fail(err, zrc == ZIP_TOO_BIG ? "input-zip-bomb" : "input-zip-corrupt", lang,
		    path, "reason", why, NULL);
	else if (optional_part(zr, "word/numbering.xml", &num, &nlen, path, lang, err) == 0 &&
	    optional_part(zr, "word/styles.xml", &sty, &slen, path, lang, err) == 0 &&
	    docx_numbering_load(&w.nb, num, nlen, sty, slen, path, lang, err) == 0) {
		w.out = out;
		if (xmlpart_open(&w.x, doc, dlen, "word/document.xml") != 0 || walk_body(&w) != 0)
			xmlpart_fail(&w.x, err, lang, path);
		else
			rc = 0;
		xmlpart_close(&w.x);
	}
	if (w.pstyle != NULL)
		xmlFree(w.pstyle);
	docx_numbering_free(w.nb);
	free(doc);
	free(num);
	free(sty);
	zipread_close(zr);
	out->map.format = "docx";
	out->map.line_unit = "paragraph";
	return rc;
}
