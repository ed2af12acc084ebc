/* Automatic numbering of a .docx. Definitions: w:abstractNum holds up to nine w:lvl (start,
 * numFmt, lvlText, lvlRestart, isLgl, suff); w:num points at one and may override a level's
 * start or whole definition; a paragraph style may carry a w:numPr. Counting: the lists that
 * share an abstract definition share its counters, a w:num's startOverride restarts them the
 * first time that w:num is used, and counting a level resets the deeper levels that restart
 * after it (all of them unless lvlRestart says otherwise). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input/docx_numbering.h"
#include "input/xmlpart.h"
#include "utf8.h"
#include "xalloc.h"

#define NLEVELS 9

struct level {
	bool defined;
	int start;
	char fmt[40];
	char *text;      /* lvlText, owned; NULL when absent */
	int restart;     /* lvlRestart: 1-based level after which it restarts; -1 default */
	bool legal;      /* isLgl: the other levels' numbers shown in decimal */
	char suff;       /* 't' tab (default), 's' space, 'n' nothing */
};

struct abstract {
	int id;
	struct level lvl[NLEVELS];
	int count[NLEVELS];
	bool used[NLEVELS];
};

struct num {
	int id;
	int abs_id;
	int start_override[NLEVELS];  /* -1: none */
	struct level ovr[NLEVELS];    /* a whole level given again in w:lvlOverride */
	bool applied;                 /* its overrides took effect at first use */
};

struct style {
	char *id, *based_on;
	int num_id, ilvl;  /* num_id -1: the style gives no numbering */
};

struct docx_numbering {
	struct abstract *abs;
	size_t nabs, capabs;
	struct num *nums;
	size_t nnums, capnums;
	struct style *styles;
	size_t nstyles, capstyles;
	char *default_style;
};

static void
level_init(struct level *l)
{
	memset(l, 0, sizeof(*l));
	l->restart = -1;
	l->suff = 't';
	snprintf(l->fmt, sizeof(l->fmt), "decimal");
}

/* Reads one child element of a w:lvl into l. */
static void
level_child(struct xmlpart *x, struct level *l)
{
	char *v;

	l->defined = true;
	if (xmlpart_at(x, "start", false)) {
		l->start = xmlpart_attr_int(x, "val", 0);
	} else if (xmlpart_at(x, "numFmt", false)) {
		if ((v = xmlpart_attr(x, "val")) != NULL) {
			snprintf(l->fmt, sizeof(l->fmt), "%s", v);
			xmlFree(v);
		}
	} else if (xmlpart_at(x, "lvlText", false)) {
		free(l->text);
		v = xmlpart_attr(x, "val");
		l->text = xstrdup(v != NULL ? v : "");
		if (v != NULL)
			xmlFree(v);
	} else if (xmlpart_at(x, "lvlRestart", false)) {
		l->restart = xmlpart_attr_int(x, "val", -1);
	} else if (xmlpart_at(x, "isLgl", false)) {
		v = xmlpart_attr(x, "val");
		l->legal = v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0);
		if (v != NULL)
			xmlFree(v);
	} else if (xmlpart_at(x, "suff", false)) {
		if ((v = xmlpart_attr(x, "val")) != NULL) {
			l->suff = strcmp(v, "space") == 0 ? 's' : strcmp(v, "nothing") == 0 ? 'n' : 't';
			xmlFree(v);
		}
	}
}

static int
level_index(struct xmlpart *x)
{
	int i = xmlpart_attr_int(x, "ilvl", 0);

	return i < 0 || i >= NLEVELS ? -1 : i;
}

/* Reads word/numbering.xml. */
static int
load_numbering(struct docx_numbering *nb, struct xmlpart *x)
{
	struct level *cur = NULL;
	long ai = -1, ni = -1;
	int ovr = -1, rc, k;

	while ((rc = xmlpart_next(x)) == 1) {
		if (xmlpart_at(x, "numPicBullet", false)) {
			if (xmlpart_skip(x) != 0)
				return -1;
		} else if (xmlpart_at(x, "abstractNum", false)) {
			nb->abs = xgrow(nb->abs, &nb->capabs, nb->nabs + 1, sizeof(*nb->abs));
			ai = (long)nb->nabs++;
			memset(&nb->abs[ai], 0, sizeof(nb->abs[ai]));
			nb->abs[ai].id = xmlpart_attr_int(x, "abstractNumId", -1);
			for (k = 0; k < NLEVELS; k++)
				level_init(&nb->abs[ai].lvl[k]);
			ni = -1;
		} else if (xmlpart_at(x, "num", false)) {
			nb->nums = xgrow(nb->nums, &nb->capnums, nb->nnums + 1, sizeof(*nb->nums));
			ni = (long)nb->nnums++;
			memset(&nb->nums[ni], 0, sizeof(nb->nums[ni]));
			nb->nums[ni].id = xmlpart_attr_int(x, "numId", -1);
			nb->nums[ni].abs_id = -1;
			for (k = 0; k < NLEVELS; k++) {
				nb->nums[ni].start_override[k] = -1;
				level_init(&nb->nums[ni].ovr[k]);
			}
			ai = -1;
		} else if (xmlpart_at(x, "abstractNum", true) || xmlpart_at(x, "num", true)) {
			ai = ni = -1;
			cur = NULL;
		} else if (ni >= 0 && xmlpart_at(x, "abstractNumId", false)) {
			nb->nums[ni].abs_id = xmlpart_attr_int(x, "val", -1);
		} else if (ni >= 0 && xmlpart_at(x, "lvlOverride", false)) {
			ovr = level_index(x);
		} else if (ni >= 0 && ovr >= 0 && xmlpart_at(x, "startOverride", false)) {
			nb->nums[ni].start_override[ovr] = xmlpart_attr_int(x, "val", 0);
		} else if (xmlpart_at(x, "lvl", false)) {
			k = level_index(x);
			cur = NULL;
			if (ai >= 0 && k >= 0)
				cur = &nb->abs[ai].lvl[k];
			else if (ni >= 0 && ovr >= 0)
				cur = &nb->nums[ni].ovr[ovr];
			if (cur != NULL)
				cur->defined = true;
		} else if (xmlpart_at(x, "lvl", true)) {
			cur = NULL;
		} else if (xmlpart_at(x, "lvlOverride", true)) {
			ovr = -1;
		} else if (cur != NULL &&
		    xmlTextReaderNodeType(x->r) == XML_READER_TYPE_ELEMENT) {
			level_child(x, cur);
		}
	}
	return rc;
}

/* Reads word/styles.xml: paragraph styles, what they are based on, their numbering. */
static int
load_styles(struct docx_numbering *nb, struct xmlpart *x)
{
	struct style *s = NULL;
	char *v;
	int rc;

	while ((rc = xmlpart_next(x)) == 1) {
		if (xmlpart_at(x, "latentStyles", false) || xmlpart_at(x, "docDefaults", false) ||
		    xmlpart_at(x, "rPr", false)) {
			if (xmlpart_skip(x) != 0)
				return -1;
		} else if (xmlpart_at(x, "style", false)) {
			s = NULL;
			v = xmlpart_attr(x, "type");
			if (v == NULL || strcmp(v, "paragraph") == 0) {
				nb->styles = xgrow(nb->styles, &nb->capstyles, nb->nstyles + 1,
				    sizeof(*nb->styles));
				s = &nb->styles[nb->nstyles++];
				memset(s, 0, sizeof(*s));
				s->num_id = -1;
				s->id = xmlpart_attr(x, "styleId");
				if (s->id != NULL) {
					char *d = xmlpart_attr(x, "default");

					if (d != NULL && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0) &&
					    nb->default_style == NULL)
						nb->default_style = xstrdup(s->id);
					if (d != NULL)
						xmlFree(d);
				}
			}
			if (v != NULL)
				xmlFree(v);
		} else if (xmlpart_at(x, "style", true)) {
			s = NULL;
		} else if (s != NULL && xmlpart_at(x, "basedOn", false)) {
			if (s->based_on != NULL)
				xmlFree(s->based_on);
			s->based_on = xmlpart_attr(x, "val");
		} else if (s != NULL && xmlpart_at(x, "numId", false)) {
			s->num_id = xmlpart_attr_int(x, "val", -1);
		} else if (s != NULL && xmlpart_at(x, "ilvl", false)) {
			s->ilvl = xmlpart_attr_int(x, "val", 0);
		}
	}
	return rc;
}

/* Parses one part with load into nb; fills err on failure. */
static int
load_part(struct docx_numbering *nb, const char *xml, size_t len, const char *part,
    int (*load)(struct docx_numbering *, struct xmlpart *), const char *path,
    enum lang lang, struct source_error *err)
{
	struct xmlpart x;
	int rc;

	if (xml == NULL)
		return 0;
	if (xmlpart_open(&x, xml, len, part) != 0)
		return xmlpart_fail(&x, err, lang, path);
	rc = load(nb, &x);
	if (rc < 0)
		xmlpart_fail(&x, err, lang, path);
	xmlpart_close(&x);
	return rc < 0 ? -1 : 0;
}

int
docx_numbering_load(struct docx_numbering **out, const char *numbering, size_t nlen,
    const char *styles, size_t slen, const char *path, enum lang lang,
    struct source_error *err)
{
	struct docx_numbering *nb = xcalloc(1, sizeof(*nb));

	*out = NULL;
	if (load_part(nb, numbering, nlen, "word/numbering.xml", load_numbering, path, lang,
	    err) != 0 ||
	    load_part(nb, styles, slen, "word/styles.xml", load_styles, path, lang, err) != 0) {
		docx_numbering_free(nb);
		return -1;
	}
	*out = nb;
	return 0;
}

static const struct style *
find_style(const struct docx_numbering *nb, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < nb->nstyles; i++)
		if (nb->styles[i].id != NULL && strcmp(nb->styles[i].id, id) == 0)
			return &nb->styles[i];
	return NULL;
}

int
docx_style_numbering(const struct docx_numbering *nb, const char *style_id, int *num_id,
    int *ilvl)
{
	const struct style *s = find_style(nb, style_id != NULL ? style_id : nb->default_style);
	int hops;

	/* Follow basedOn a bounded number of steps: a cycle must not hang. */
	for (hops = 0; s != NULL && hops < 16; hops++) {
		if (s->num_id >= 0) {
			*num_id = s->num_id;
			*ilvl = s->ilvl;
			return s->num_id > 0;
		}
		s = find_style(nb, s->based_on);
	}
	return 0;
}

static void
put_cp(struct strbuf *out, uint32_t cp)
{
	char b[4];

	strbuf_put(out, b, utf8_encode(cp, b));
}

static void
put_str(struct strbuf *out, const char *s)
{
	strbuf_put(out, s, strlen(s));
}

/* n (0 ≤ n < 100000) in Chinese counting: 一 … 十 十一 二十 一百〇一 一千二百; digits from
 * the table d (一 to 九, or the financial forms), units u (十 百 千 万). */
static void
put_chinese(struct strbuf *out, int n, const char *const *d, const char *const *u,
    const char *zero)
{
	int place[5], k, top, pending_zero = 0;

	if (n == 0) {
		put_str(out, zero);
		return;
	}
	for (k = 0; k < 5; k++) {
		place[k] = n % 10;
		n /= 10;
	}
	for (top = 4; top > 0 && place[top] == 0; top--)
		;
	for (k = top; k >= 0; k--) {
		if (place[k] == 0) {
			pending_zero = 1;
			continue;
		}
		if (pending_zero)
			put_str(out, zero);
		pending_zero = 0;
		/* 十一, not 一十一: the leading one of the tens is not written. */
		if (!(k == 1 && top == 1 && place[k] == 1 && d[0][0] == '\xe4'))
			put_str(out, d[place[k] - 1]);
		if (k > 0)
			put_str(out, u[k - 1]);
	}
}

/* Letters as Word writes them past Z: AA, BB, ... */
static void
put_letters(struct strbuf *out, int n, char base)
{
	int k, reps;

	if (n <= 0) {
		put_str(out, "0");
		return;
	}
	reps = (n - 1) / 26 + 1;
	for (k = 0; k < reps && k < 50; k++)
		strbuf_put(out, &(char){(char)(base + (n - 1) % 26)}, 1);
}

static void
put_roman(struct strbuf *out, int n, bool upper)
{
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix",
	    "v", "iv", "i"};
	size_t k, j;

	if (n <= 0 || n >= 4000) {
		char b[16];

		strbuf_put(out, b, (size_t)snprintf(b, sizeof(b), "%d", n));
		return;
	}
	for (k = 0; k < sizeof(val) / sizeof(val[0]); k++)
		while (n >= val[k]) {
			for (j = 0; sym[k][j] != '\0'; j++)
				strbuf_put(out, &(char){upper ? (char)(sym[k][j] - 32) : sym[k][j]}, 1);
			n -= val[k];
		}
}

void
docx_format_number(const char *fmt, int n, struct strbuf *out)
{
	static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
	static const char *const cn_units[] = {"十", "百", "千", "万"};
	static const char *const legal[] = {"壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
	static const char *const legal_units[] = {"拾", "佰", "仟", "万"};
	static const char *const legal_trad[] = {"壹", "貳", "參", "肆", "伍", "陸", "柒", "捌",
	    "玖"};
	static const char *const legal_trad_units[] = {"拾", "佰", "仟", "萬"};
	static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八",
	    "九"};
	static const char *const stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬",
	    "癸"};
	static const char *const zodiac[] = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申",
	    "酉", "戌", "亥"};
	char b[16];
	int k;

	if (n < 0)
		n = 0;
	if (n > 99999)
		n = 99999;
	if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		return;
	if (strcmp(fmt, "chineseCounting") == 0 || strcmp(fmt, "chineseCountingThousand") == 0 ||
	    strcmp(fmt, "japaneseCounting") == 0 || strcmp(fmt, "taiwaneseCounting") == 0 ||
	    strcmp(fmt, "taiwaneseCountingThousand") == 0) {
		put_chinese(out, n, cn, cn_units, "〇");
	} else if (strcmp(fmt, "chineseLegalSimplified") == 0) {
		put_chinese(out, n, legal, legal_units, "零");
	} else if (strcmp(fmt, "ideographLegalTraditional") == 0 ||
	    strcmp(fmt, "japaneseLegal") == 0) {
		put_chinese(out, n, legal_trad, legal_trad_units, "零");
	} else if (strcmp(fmt, "ideographDigital") == 0 || strcmp(fmt, "taiwaneseDigital") == 0 ||
	    strcmp(fmt, "japaneseDigitalTenThousand") == 0) {
		k = snprintf(b, sizeof(b), "%d", n);
		for (int i = 0; i < k; i++)
			put_str(out, digits[b[i] - '0']);
	} else if (strcmp(fmt, "ideographTraditional") == 0 && n >= 1 && n <= 10) {
		put_str(out, stems[n - 1]);
	} else if (strcmp(fmt, "ideographZodiac") == 0 && n >= 1 && n <= 12) {
		put_str(out, zodiac[n - 1]);
	} else if ((strcmp(fmt, "decimalEnclosedCircle") == 0 ||
	    strcmp(fmt, "decimalEnclosedCircleChinese") == 0) && n >= 1 && n <= 50) {
		/* ①–⑳ U+2460, ㉑–㉟ U+3251, ㊱–㊿ U+32B1 */
		put_cp(out, n <= 20 ? 0x2460u + (unsigned)n - 1 : n <= 35 ? 0x3251u + (unsigned)n - 21
		    : 0x32B1u + (unsigned)n - 36);
	} else if (strcmp(fmt, "decimalEnclosedFullstop") == 0 && n >= 1 && n <= 20) {
		put_cp(out, 0x2488u + (unsigned)n - 1);  /* ⒈ */
	} else if (strcmp(fmt, "decimalEnclosedParen") == 0 && n >= 1 && n <= 20) {
		put_cp(out, 0x2474u + (unsigned)n - 1);  /* ⑴ */
	} else if (strcmp(fmt, "ideographEnclosedCircle") == 0 && n >= 1 && n <= 10) {
		put_cp(out, 0x3220u + (unsigned)n - 1);  /* ㈠ */
	} else if (strcmp(fmt, "decimalFullWidth") == 0 || strcmp(fmt, "decimalFullWidth2") == 0) {
		k = snprintf(b, sizeof(b), "%d", n);
		for (int i = 0; i < k; i++)
			put_cp(out, 0xFF10u + (unsigned)(b[i] - '0'));
	} else if (strcmp(fmt, "decimalZero") == 0) {
		strbuf_put(out, b, (size_t)snprintf(b, sizeof(b), "%02d", n));
	} else if (strcmp(fmt, "upperLetter") == 0 || strcmp(fmt, "lowerLetter") == 0) {
		put_letters(out, n, fmt[0] == 'u' ? 'A' : 'a');
	} else if (strcmp(fmt, "upperRoman") == 0 || strcmp(fmt, "lowerRoman") == 0) {
		put_roman(out, n, fmt[0] == 'u');
	} else {
		strbuf_put(out, b, (size_t)snprintf(b, sizeof(b), "%d", n));
	}
}

static struct num *
find_num(struct docx_numbering *nb, int id)
{
	size_t i;

	for (i = 0; i < nb->nnums; i++)
		if (nb->nums[i].id == id)
			return &nb->nums[i];
	return NULL;
}

static struct abstract *
find_abstract(struct docx_numbering *nb, int id)
{
	size_t i;

	for (i = 0; i < nb->nabs; i++)
		if (nb->abs[i].id == id)
			return &nb->abs[i];
	return NULL;
}

/* The definition in force for level k of list n. */
static const struct level *
level_of(const struct num *n, const struct abstract *a, int k)
{
	return n->ovr[k].defined ? &n->ovr[k] : &a->lvl[k];
}

void
docx_numbering_next(struct docx_numbering *nb, int num_id, int ilvl, struct strbuf *out)
{
	struct num *n = nb != NULL ? find_num(nb, num_id) : NULL;
	struct abstract *a = n != NULL ? find_abstract(nb, n->abs_id) : NULL;
	const struct level *l;
	const char *t;
	size_t start = out->n;
	int k;

	if (a == NULL || ilvl < 0 || ilvl >= NLEVELS)
		return;
	if (!n->applied) {
		n->applied = true;
		for (k = 0; k < NLEVELS; k++)
			if (n->start_override[k] >= 0) {
				a->count[k] = n->start_override[k] - 1;
				a->used[k] = true;
			}
	}
	l = level_of(n, a, ilvl);
	if (!a->used[ilvl])
		a->count[ilvl] = l->start;
	else if (a->count[ilvl] < 99999)
		a->count[ilvl]++;
	a->used[ilvl] = true;
	for (k = ilvl + 1; k < NLEVELS; k++) {
		int after = level_of(n, a, k)->restart;

		/* lvlRestart 0: never; N: after level N (1-based) or a higher one; default: any. */
		if (after < 0 || ilvl < after)
			a->used[k] = false;
	}
	for (t = l->text != NULL ? l->text : ""; *t != '\0'; t++) {
		if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
			k = t[1] - '1';
			const struct level *lk = level_of(n, a, k);
			int v = a->used[k] ? a->count[k] : lk->start;

			docx_format_number(l->legal && k != ilvl ? "decimal" : lk->fmt, v, out);
			t++;
		} else {
			strbuf_put(out, t, 1);
		}
	}
	if (strcmp(l->fmt, "bullet") == 0) {
		out->n = start;  /* a bullet glyph (often a symbol-font code point) is not text */
		if (out->s != NULL)
			out->s[start] = '\0';
		return;
	}
	/* The tab or space after the label: a space after an ASCII label ("1. "), nothing after
	 * a full-width one ("一、"), as a drafter types them. */
	if (out->n > start && l->suff != 'n' && (unsigned char)out->s[out->n - 1] < 0x80)
		strbuf_put(out, " ", 1);
}

void
docx_numbering_free(struct docx_numbering *nb)
{
	size_t i;
	int k;

	if (nb == NULL)
		return;
	for (i = 0; i < nb->nabs; i++)
		for (k = 0; k < NLEVELS; k++)
			free(nb->abs[i].lvl[k].text);
	for (i = 0; i < nb->nnums; i++)
		for (k = 0; k < NLEVELS; k++)
			free(nb->nums[i].ovr[k].text);
	for (i = 0; i < nb->nstyles; i++) {
		if (nb->styles[i].id != NULL)
			xmlFree(nb->styles[i].id);
		if (nb->styles[i].based_on != NULL)
			xmlFree(nb->styles[i].based_on);
	}
	free(nb->abs);
	free(nb->nums);
	free(nb->styles);
	free(nb->default_style);
	free(nb);
}
