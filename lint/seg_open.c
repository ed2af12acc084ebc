/* The opening of a notice: title lines printed again below the title (page header and
 * article), page residue between the title and the intro, the page residue above the intro
 * of a notice without a title, and the paragraphs that state the intro facts. */
#include <stdlib.h>
#include <string.h>
#include "seg.h"
#include "utf8.h"
#include "xalloc.h"

#define OPENING_WINDOW 16
#define MAX_RESIDUE_CP 60

/* s[0..n) without white space, NUL-terminated in a new buffer; *len receives its length. */
static char *
squeeze(const char *s, size_t n, size_t *len)
{
	char *out = xmalloc(n + 1);
	size_t i = 0, k, o = 0;

	while (i < n) {
		k = i;
		if (!seg_is_blank_cp(utf8_next(s, n, &k))) {
			memcpy(out + o, s + i, k - i);
			o += k - i;
		}
		i = k;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* The title's text without white space: its issuer and title lines joined. */
static char *
title_squeezed(const struct doc *d, size_t *len)
{
	size_t i, n, total = 0;
	char *buf, *part;
	const char *s;
	size_t plen;

	buf = xmalloc(1);
	buf[0] = '\0';
	for (i = d->title.first_line; i <= d->title.last_line && i < d->nlines; i++) {
		if (d->lines[i].kind != LINE_TITLE && d->lines[i].kind != LINE_ISSUER)
			continue;
		s = seg_content(d, i, &n);
		part = squeeze(s, n, &plen);
		buf = xrealloc(buf, total + plen + 1);
		memcpy(buf + total, part, plen + 1);
		total += plen;
		free(part);
	}
	*len = total;
	return buf;
}

/* True when line i prints the title again, or a part of it of six characters or more. */
static bool
repeats_title(const struct doc *d, size_t i, const char *title, size_t tlen)
{
	size_t n, len;
	const char *s = seg_content(d, i, &n);
	char *line = squeeze(s, n, &len);
	bool yes = len > 0 && ((seg_ncp(line, len) >= 6 && seg_has(title, tlen, line)) ||
	    (tlen > 0 && seg_has(line, len, title)));

	free(line);
	return yes;
}

/* True for the intro sentence by its formula: 按照/根据…部署, or an inspection team that
 * inspected (…至…) or fed back. */
static bool
reads_as_intro(const char *s, size_t n)
{
	bool team = seg_has(s, n, "巡察组") || seg_has(s, n, "巡视组") || seg_has(s, n, "巡察組") ||
	    seg_has(s, n, "巡視組") || seg_has(s, n, "巡察一组") || seg_has(s, n, "巡察");

	if (!seg_has(s, n, "，") && !seg_has(s, n, ",") && !seg_has_sentence_end(s, n))
		return false;
	if (seg_starts(s, n, "按照") || seg_starts(s, n, "根据") || seg_starts(s, n, "依据") ||
	    seg_starts(s, n, "遵照"))
		return team || seg_has(s, n, "巡视");
	return team && (seg_has(s, n, "至") || seg_has(s, n, "反馈") || seg_has(s, n, "反饋"));
}

/* True when line i holds body text: a sentence, or a long line with a comma. */
static bool
is_sentence(const struct doc *d, size_t i)
{
	size_t n;
	const char *s = seg_content(d, i, &n);

	return seg_has_sentence_end(s, n) ||
	    ((seg_has(s, n, "，") || seg_has(s, n, ",")) && seg_ncp_over(s, n, MAX_RESIDUE_CP));
}

/* Below the title: repetitions of it, then short lines of page residue up to the intro. */
static void
below_title(struct seg *sg)
{
	struct doc *d = sg->doc;
	size_t i, n, tlen, seen = 0;
	char *title = title_squeezed(d, &tlen);
	const char *s;

	for (i = seg_next_content(d, sg->title_end, d->nlines); i < d->nlines &&
	    seen < OPENING_WINDOW; i = seg_next_content(d, i + 1, d->nlines), seen++) {
		if (sg->marks[i].style != MARK_NONE)
			break;
		s = seg_content(d, i, &n);
		if (repeats_title(d, i, title, tlen)) {
			d->lines[i].kind = LINE_TITLE_REPEAT;
			if (!d->title.repeated)
				d->title.repeat_first = i;
			if (!d->title.repeated || d->title.repeat_last + 8 > i)
				d->title.repeat_last = i;
			d->title.repeated = true;
			continue;
		}
		if (is_sentence(d, i) || reads_as_intro(s, n) || seg_ncp_over(s, n, MAX_RESIDUE_CP) ||
		    seg_is_contact_line(s, n))
			break;
		d->lines[i].kind = LINE_BOILERPLATE;
		d->lines[i].residue = true;
	}
	free(title);
}

/* Without a title: the lines above an intro found by its formula are page residue. */
static void
above_intro(struct seg *sg)
{
	struct doc *d = sg->doc;
	size_t i, p, n, seen = 0;
	const char *s;

	for (p = seg_next_content(d, 0, d->nlines); p < d->nlines && seen < OPENING_WINDOW;
	    p = seg_next_content(d, p + 1, d->nlines), seen++) {
		if (sg->marks[p].style != MARK_NONE)
			return;
		s = seg_content(d, p, &n);
		if (reads_as_intro(s, n))
			break;
	}
	if (p >= d->nlines || seen >= OPENING_WINDOW)
		return;
	for (i = 0; i < p; i++) {
		s = seg_content(d, i, &n);
		if (seg_is_content(d, i) && seg_is_residue(s, n, MAX_RESIDUE_CP)) {
			d->lines[i].kind = LINE_BOILERPLATE;
			d->lines[i].residue = true;
		}
	}
}

void
seg_opening(struct seg *sg)
{
	if (sg->doc->title.present)
		below_title(sg);
	else
		above_intro(sg);
}
