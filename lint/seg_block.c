/* The blocks at both ends of a notice: the title block (issuer lines, title, subtitle) at
 * the top, and the contact block and signature (issuer lines, 成文日期) at the bottom. */
#include <string.h>
#include "prevcp.h"
#include "seg.h"
#include "utf8.h"

/* Document-type words a title ends with. */
static const char *const genre_words[] = {"通报", "报告", "通知", "公告", "情况"};

#define MAX_TITLE_CP 120
#define MAX_ISSUER_LINES 4
#define MAX_CONTACT_LINES 8

static bool
ends_with_genre(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof(genre_words) / sizeof(genre_words[0]); k++)
		if (seg_ends(s, n, genre_words[k]))
			return true;
	return false;
}

static bool
unmarked(const struct seg *sg, size_t i)
{
	return sg->marks[i].style == MARK_NONE;
}

static bool
is_issuer_line(const struct seg *sg, size_t i)
{
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	return unmarked(sg, i) && seg_is_org_line(s, n);
}

static bool
is_title_line(const struct seg *sg, size_t i)
{
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	if (!unmarked(sg, i) || seg_ncp_over(s, n, MAX_TITLE_CP) || seg_has_sentence_end(s, n) ||
	    seg_is_date_line(s, n) || seg_is_contact_line(s, n))
		return false;
	return seg_has(s, n, "关于") || ends_with_genre(s, n);
}

/* A short second title line completing the first: "…整改进展" ⏎ "情况的通报". */
static bool
is_title_continuation(const struct seg *sg, size_t i)
{
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	return unmarked(sg, i) && !seg_ncp_over(s, n, 40) && !seg_has_sentence_end(s, n) &&
	    !seg_has(s, n, "，") && ends_with_genre(s, n);
}

/* A bracketed marker under the title such as "(社会公开稿)". */
static bool
is_subtitle(const struct seg *sg, size_t i)
{
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	if (!unmarked(sg, i) || seg_ncp_over(s, n, 20) || seg_has_sentence_end(s, n))
		return false;
	return ((seg_starts(s, n, "（") || seg_starts(s, n, "(")) &&
	    (seg_ends(s, n, "）") || seg_ends(s, n, ")"))) || seg_starts(s, n, "——");
}

/* Issuers named before 关于 on the title line. */
static void
title_line_issuers(struct doc *d, size_t i)
{
	size_t n, at;
	const char *s = seg_content(d, i, &n);
	struct span sp;

	at = seg_find(s, n, "关于");
	if (at == SEG_NONE || at == 0)
		return;
	sp.start = d->lines[i].content.start;
	sp.end = sp.start + at;
	seg_split_orgs(d->text, sp, d->title.issuers, &d->title.nissuers, 4);
}

/* Records the title block found at lines iss[0..niss), t0..t1 (title) and sub (or SEG_NONE). */
static void
set_title(struct seg *sg, const size_t *iss, int niss, size_t t0, size_t t1, size_t sub)
{
	struct doc *d = sg->doc;
	struct title *t = &d->title;
	int k;

	t->present = true;
	t->first_line = niss > 0 ? iss[0] : t0;
	t->last_line = t1;
	t->text.start = d->lines[t0].content.start;
	t->text.end = d->lines[t1].content.start +
	    seg_title_end(d->text + d->lines[t1].content.start,
	    d->lines[t1].content.end - d->lines[t1].content.start);
	for (k = 0; k < niss; k++) {
		d->lines[iss[k]].kind = LINE_ISSUER;
		seg_split_orgs(d->text, d->lines[iss[k]].content, t->issuers, &t->nissuers, 4);
	}
	d->lines[t0].kind = LINE_TITLE;
	d->lines[t1].kind = LINE_TITLE;
	title_line_issuers(d, t0);
	if (sub != SEG_NONE)
		d->lines[sub].kind = LINE_SUBTITLE;
	sg->title_end = (sub != SEG_NONE ? sub : t1) + 1;
}

/* How far down the title is looked for: content lines above the first heading and the
 * first paragraph that reads as body text. */
#define TITLE_WINDOW 16

/* True when line i ends the window the title is looked for in: a heading, or a sentence of
 * the body (a sentence end, or a comma in a long line). */
static bool
ends_title_window(const struct seg *sg, size_t i)
{
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	if (!unmarked(sg, i))
		return true;
	return (seg_has_sentence_end(s, n) || seg_has(s, n, "，") || seg_has(s, n, ",")) &&
	    seg_ncp_over(s, n, 40) && !seg_reads_as_title(s, n);
}

/* Finds a title by the genre formula in the window at the top: *t0..*t1 (one line, or a title
 * broken over two). Returns false when there is none. */
static bool
formula_title(const struct seg *sg, size_t *t0, size_t *t1)
{
	const struct doc *d = sg->doc;
	size_t i, j, n, jn, seen = 0;
	const char *s, *js;

	for (i = seg_next_content(d, 0, d->nlines); i < d->nlines && seen < TITLE_WINDOW;
	    i = seg_next_content(d, i + 1, d->nlines), seen++) {
		if (ends_title_window(sg, i))
			return false;
		s = seg_content(d, i, &n);
		if (seg_reads_as_title(s, n)) {
			*t0 = *t1 = i;
			return true;
		}
		if (!seg_reads_as_title_start(s, n))
			continue;
		j = seg_next_content(d, i + 1, d->nlines);
		if (j >= d->nlines || !is_title_continuation(sg, j))
			continue;
		js = seg_content(d, j, &jn);
		if (seg_has(js, jn, "整改") || seg_has(s, n, "整改") || seg_has(js, jn, "情况")) {
			*t0 = i;
			*t1 = j;
			return true;
		}
	}
	return false;
}

/* Short lines above the title block that are no sentence, date or organisation name: page
 * header residue (a column name such as 政府公告, a site name). */
static void
chrome_above(struct seg *sg, size_t first)
{
	struct doc *d = sg->doc;
	size_t i, n;
	const char *s;

	for (i = 0; i < first; i++) {
		if (!seg_is_content(d, i))
			continue;
		s = seg_content(d, i, &n);
		if (seg_is_residue(s, n, 40)) {
			d->lines[i].kind = LINE_BOILERPLATE;
			d->lines[i].residue = true;
		}
	}
}

void
seg_title(struct seg *sg)
{
	struct doc *d = sg->doc;
	size_t n = d->nlines, iss[MAX_ISSUER_LINES], i, t1, j, sub = SEG_NONE, t0, k;
	int niss = 0;

	sg->title_end = 0;
	if (formula_title(sg, &t0, &t1)) {
		/* Issuer lines directly above the formula title belong to its block. */
		for (k = t0; niss < MAX_ISSUER_LINES;) {
			i = seg_prev_content(d, 0, k);
			if (i == SEG_NONE || !is_issuer_line(sg, i))
				break;
			niss++;
			k = i;
		}
		for (j = 0; j < (size_t)niss; j++) {
			iss[j] = k;
			k = seg_next_content(d, k + 1, n);
		}
		chrome_above(sg, niss > 0 ? iss[0] : t0);
		j = seg_next_content(d, t1 + 1, n);
		if (j < n && is_subtitle(sg, j))
			sub = j;
		set_title(sg, iss, niss, t0, t1, sub);
		return;
	}
	i = seg_next_content(d, 0, n);
	while (i < n && niss < MAX_ISSUER_LINES && is_issuer_line(sg, i)) {
		iss[niss++] = i;
		i = seg_next_content(d, i + 1, n);
	}
	if (i >= n || !is_title_line(sg, i))
		return;
	t1 = i;
	j = seg_next_content(d, i + 1, n);
	if (j < n) {
		size_t tn;
		const char *ts = seg_content(d, i, &tn);

		if (!seg_ends(ts, tn, "通报") && is_title_continuation(sg, j)) {
			t1 = j;
			j = seg_next_content(d, j + 1, n);
		}
	}
	if (j < n && is_subtitle(sg, j))
		sub = j;
	set_title(sg, iss, niss, i, t1, sub);
}

/* What a line of the end block is. */
enum end_kind { END_NONE, END_CONTACT, END_DATE, END_ISSUER };

static enum end_kind
end_kind(const struct seg *sg, size_t i)
{
	size_t n;
	const char *s = seg_content(sg->doc, i, &n);

	if (!unmarked(sg, i)) {
		/* 1.信访举报电话：12388: a numbered channel of a contact list. */
		size_t m = sg->marks[i].len;

		return m < n && !seg_has(s, n, "欢迎") && seg_is_contact_line(s + m, n - m) ?
		    END_CONTACT : END_NONE;
	}
	if (seg_is_date_line(s, n))
		return END_DATE;
	if (seg_is_contact_line(s, n))
		return END_CONTACT;
	if (seg_is_org_line(s, n))
		return END_ISSUER;
	return END_NONE;
}

/* Phases of the backward walk over the end block: trailing contact lines (after the
 * signature), the date, the signature's issuer lines, leading contact lines. */
enum end_phase { PH_TRAIL, PH_DATE, PH_ISSUER, PH_LEAD, PH_STOP };

static enum end_phase
end_step(enum end_phase ph, enum end_kind k, int *ncontact, int *nissuer)
{
	if (k == END_CONTACT && (ph == PH_TRAIL || ph == PH_LEAD) && *ncontact < MAX_CONTACT_LINES) {
		(*ncontact)++;
		return ph;
	}
	if (k == END_CONTACT && (ph == PH_DATE || ph == PH_ISSUER)) {
		*ncontact = 1;
		return PH_LEAD;
	}
	if (k == END_DATE && ph == PH_TRAIL)
		return PH_DATE;
	if (k == END_ISSUER && ph != PH_LEAD && *nissuer < MAX_ISSUER_LINES) {
		(*nissuer)++;
		return PH_ISSUER;
	}
	return PH_STOP;
}

static void
add_signature_line(struct doc *d, size_t i, enum end_kind k)
{
	struct signature *sig = &d->signature;

	if (!sig->present || i < sig->first_line)
		sig->first_line = i;
	if (!sig->present || i > sig->last_line)
		sig->last_line = i;
	sig->present = true;
	if (k == END_DATE) {
		d->lines[i].kind = LINE_DATE;
		sig->has_date = true;
		sig->date = d->lines[i].content;
		sig->date_line = i;
	} else {
		d->lines[i].kind = LINE_SIGNATURE;
	}
}

static void
add_contact_line(struct doc *d, size_t i)
{
	struct contact *c = &d->contact;

	d->lines[i].kind = LINE_CONTACT;
	if (!c->present || i < c->first_line)
		c->first_line = i;
	if (!c->present || i > c->last_line)
		c->last_line = i;
	c->present = true;
}

static bool
is_sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

/* Offset just after the sentence end at or after from, or n. */
static size_t
sentence_end(const char *s, size_t n, size_t from)
{
	while (from < n)
		if (is_sentence_end(utf8_next(s, n, &from)))
			break;
	return from;
}

/* Span of the 欢迎…监督 sentence in line i, extended over a following 如有意见建议…反映 one. */
static struct span
supervision(const struct doc *d, size_t i)
{
	size_t n, w, a, e, e2, k;
	const char *s = seg_content(d, i, &n);
	struct span sp = {0, 0};

	w = seg_find(s, n, "欢迎");
	if (w == SEG_NONE || !seg_has(s + w, n - w, "监督"))
		return sp;
	for (a = w, k = w; k > 0; a = k)
		if (is_sentence_end(prevcp(s, &k)))
			break;
	e = sentence_end(s, n, w + seg_find(s + w, n - w, "监督"));
	e2 = sentence_end(s, n, e);
	if (seg_has(s + e, e2 - e, "反映") || seg_has(s + e, e2 - e, "意见建议"))
		e = e2;
	sp.start = d->lines[i].content.start + a;
	sp.end = d->lines[i].content.start + e;
	return sp;
}

/* Fills the contact's span and supervision sentence from its lines. */
static void
finish_contact(struct doc *d)
{
	struct contact *c = &d->contact;
	size_t i;

	if (!c->present)
		return;
	c->span.start = d->lines[c->first_line].content.start;
	c->span.end = d->lines[c->last_line].content.end;
	for (i = c->first_line; i <= c->last_line; i++) {
		if (d->lines[i].kind != LINE_CONTACT)
			continue;
		c->supervision = supervision(d, i);
		if (c->supervision.end > c->supervision.start)
			break;
	}
}

/* Most lines of an attachment note and its list (附件：1.…  2.…) after the signature. */
#define MAX_ATTACHMENT_LINES 8

/* Longest line of an attachment list, in bytes: a title, not a paragraph. */
#define ATTACHMENT_LINE_MAX 240

/* Longest 附注 line, in code points: （此件公开发布）, （联系人：…，电话：…）. */
#define NOTE_MAX_CP 60

/* True when line s[0..n) is a 附注: one short parenthesis, nothing outside it. */
static bool
is_note_line(const char *s, size_t n)
{
	bool full = seg_starts(s, n, "（") && seg_ends(s, n, "）");
	bool half = seg_starts(s, n, "(") && seg_ends(s, n, ")");
	size_t o = full ? strlen("（") : 1, c = full ? strlen("）") : 1;

	if ((!full && !half) || n < o + c || seg_ncp_over(s, n, NOTE_MAX_CP))
		return false;
	return !seg_has(s + o, n - o - c, full ? "（" : "(") && !seg_has(s + o, n - o - c, "。");
}

/* Start of what ends the text after the signature: a 附注 line in parentheses (GB/T 9704
 * 7.3.6: （此件公开发布）) and an attachment note (附件：…清单 and the numbered titles
 * under it, none a sentence), marked LINE_ATTACHMENT; d->nlines when there is none. */
static size_t
trailing_attachment(const struct seg *sg, size_t first)
{
	struct doc *d = sg->doc;
	size_t i = d->nlines, at = d->nlines, n, k, note;
	const char *s;
	int lines = 0;

	note = seg_prev_content(d, first, d->nlines);
	if (note != SEG_NONE && d->lines[note].kind == LINE_TEXT) {
		s = seg_content(d, note, &n);
		if (is_note_line(s, n) && seg_prev_content(d, first, note) != SEG_NONE) {
			d->lines[note].kind = LINE_ATTACHMENT;
			i = at = note;
		}
	}
	while (lines < MAX_ATTACHMENT_LINES && (i = seg_prev_content(d, first, i)) != SEG_NONE) {
		if (d->lines[i].kind != LINE_TEXT)
			break;
		s = seg_content(d, i, &n);
		if (n > ATTACHMENT_LINE_MAX || seg_find(s, n, "。") != SEG_NONE)
			break;
		lines++;
		if (seg_is_attachment_line(s, n))
			at = i;
	}
	if (at == d->nlines || d->lines[at].kind == LINE_ATTACHMENT)
		return at;
	for (k = at; k < d->nlines; k++)
		if (d->lines[k].kind == LINE_TEXT)
			d->lines[k].kind = LINE_ATTACHMENT;
	return at;
}

void
seg_end_block(struct seg *sg, size_t first)
{
	struct doc *d = sg->doc;
	enum end_phase ph = PH_TRAIL;
	enum end_kind k;
	size_t i;
	int ncontact = 0, nissuer = 0;

	i = trailing_attachment(sg, first);
	sg->body_end = i;
	while ((i = seg_prev_content(d, first, i)) != SEG_NONE) {
		k = end_kind(sg, i);
		ph = end_step(ph, k, &ncontact, &nissuer);
		if (ph == PH_STOP)
			break;
		if (k == END_CONTACT)
			add_contact_line(d, i);
		else
			add_signature_line(d, i, k);
		sg->body_end = i;
	}
	for (i = sg->body_end; i < d->nlines; i++)
		if (d->lines[i].kind == LINE_SIGNATURE)
			seg_split_orgs(d->text, d->lines[i].content, d->signature.issuers,
			    &d->signature.nissuers, 4);
	finish_contact(d);
}
