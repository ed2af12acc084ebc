/* The parts of the body by role (organising, per-problem, forward), told by the words of
 * their headings, their position and what they hold (status fields, problem items); and
 * the cut of a truncated text. */
#include <stdlib.h>
#include <string.h>
#include "seg.h"
#include "utf8.h"
#include "xalloc.h"

/* Words of a heading that name the plans; they count only after the first part. */
static const char *const forward_words[] = {"下一步", "下步", "打算", "今后", "工作安排",
    "巩固", "长效", "持续深化", "深化整改", "持续推进整改", "持续用力", "鞏固", "下一步"};

/* Words that name a feedback problem or its group: they make the part per-problem. */
static const char *const problem_words[] = {"反馈问题", "问题整改", "问题的整改", "关于“",
    "方面问题", "方面的问题", "不到位", "不够", "不力", "不严", "不足", "差距", "薄弱",
    "不深入", "不扎实", "不规范", "不健全", "欠缺", "缺失", "不强", "不高", "不实", "偏差",
    "反饋問題", "不到位", "不夠"};

/* Words of the organising part: the leadership, the responsibilities, the overall work. */
static const char *const organising_words[] = {"组织", "組織", "主体责任", "主體責任",
    "第一责任", "政治站位", "政治责任", "政治任务", "政治担当", "总体情况", "基本情况",
    "整体情况", "推进情况", "推進", "领导", "領導", "压实", "扛", "责任", "責任", "书记",
    "書記", "负责同志", "负责人", "部署", "抓整改", "整改工作"};

/* Words that name the per-problem part without naming a problem. */
static const char *const problem_part_words[] = {"整改落实情况", "整改进展情况", "整改情况",
    "落实情况", "真抓实改", "反馈意见", "整改成效", "问题", "整改進展", "整改落實"};

/* Words of an unheaded paragraph that organises the rectification. */
static const char *const organising_content[] = {"高度重视", "领导小组", "主体责任",
    "政治任务", "突出位置", "摆上", "第一责任人", "专题会议", "整改方案", "头等"};

static bool
has_any(const char *s, size_t n, const char *const *words, size_t nwords)
{
	size_t k;

	for (k = 0; k < nwords; k++)
		if (seg_has(s, n, words[k]))
			return true;
	return false;
}

#define HAS(s, n, w) has_any(s, n, w, sizeof(w) / sizeof(w[0]))

enum part_role
seg_heading_role(const char *s, size_t n, bool first)
{
	if (!first && HAS(s, n, forward_words))
		return PART_FORWARD;
	if (HAS(s, n, problem_words))
		return PART_PROBLEM;
	if (HAS(s, n, organising_words))
		return PART_ORGANISING;
	if (HAS(s, n, problem_part_words))
		return PART_PROBLEM;
	return PART_NONE;
}

/* Status fields, status tags and problem headings in lines [a, e). */
static int
problem_content(const struct seg *sg, size_t a, size_t e)
{
	const struct doc *d = sg->doc;
	size_t i, n, len, off, x, y;
	enum field_kind kind;
	const char *s;
	int score = 0;

	for (i = a; i < e && i < d->nlines; i++) {
		if (!seg_is_content(d, i))
			continue;
		s = seg_content(d, i, &n);
		if (sg->marks[i].style == MARK_PROBLEM)
			score++;
		if (seg_field_label(s, n, false, &kind, &len, &off) && kind != FIELD_OTHER)
			score++;
		if (seg_find_tag(s, n, 0, &x, &y))
			score++;
	}
	return score;
}

/* The heading level of the top-level parts: the smallest level of a numbered heading. */
static int
top_level(const struct doc *d)
{
	size_t k;
	int level = 0;

	for (k = 0; k < d->nheadings; k++) {
		if (d->headings[k].style == MARK_CIRCLED || d->headings[k].style == MARK_PROBLEM ||
		    d->headings[k].level > 2)
			continue;
		if (level == 0 || d->headings[k].level < level)
			level = d->headings[k].level;
	}
	return level;
}

void
seg_part_roles(struct seg *sg)
{
	struct doc *d = sg->doc;
	size_t k, j, e;
	const struct heading *h;
	enum part_role role;
	bool first = true;

	d->part_level = top_level(d);
	if (d->part_level == 0)
		return;
	for (k = 0; k < d->nheadings; k++) {
		h = &d->headings[k];
		if (h->level != d->part_level || h->style == MARK_CIRCLED || h->style == MARK_PROBLEM)
			continue;
		for (j = k + 1; j < d->nheadings && d->headings[j].level > d->part_level; j++)
			;
		e = j < d->nheadings ? d->headings[j].line : sg->body_end;
		role = seg_heading_role(d->text + h->text.start, h->text.end - h->text.start, first);
		if (role == PART_NONE)
			role = problem_content(sg, h->line, e) > 0 || !first ? PART_PROBLEM :
			    PART_ORGANISING;
		d->headings[k].role = role;
		first = false;
	}
}

static void
add_part(struct doc *d, size_t *cap, enum part_role role, int heading, size_t a, size_t b,
		struct span text)
{
	struct part *p;

	d->parts = xgrow(d->parts, cap, d->nparts + 1, sizeof(*d->parts));
	p = &d->parts[d->nparts++];
	p->role = role;
	p->heading = heading;
	p->first_line = a;
	p->last_line = b;
	p->text = text;
}

/* An unheaded paragraph after the intro and above the first part that organises the
 * rectification (局党组把巡察整改…成立领导小组…): the organising part without a heading. */
static void
unheaded_organising(struct doc *d, size_t *cap, size_t first_heading_line)
{
	size_t k, n, last;
	const char *s;
	const struct paragraph *p;

	if (d->intro < 0)
		return;
	for (k = (size_t)d->intro + 1; k < d->nparagraphs; k++) {
		p = &d->paragraphs[k];
		if (p->line >= first_heading_line || p->line > d->body_last)
			return;
		if (d->lines[p->line].kind != LINE_TEXT)
			continue;
		s = d->text + p->span.start;
		n = p->span.end - p->span.start;
		if (!seg_has(s, n, "整改") || !HAS(s, n, organising_content))
			continue;
		last = seg_prev_content(d, p->line, first_heading_line);
		add_part(d, cap, PART_ORGANISING, -1, p->line, last == SEG_NONE ? p->line : last,
		    p->span);
		return;
	}
}

/* Paragraphs collapsed into one line ("…予以公布。 一、党组落实…情况 (一)提升…"): the
 * top-level headings written inline after a sentence end and a space become unheaded parts. */
static void
inline_parts(struct doc *d, size_t *cap)
{
	size_t k, i, n, at, e;
	const struct paragraph *p;
	const char *s;
	struct marker m;
	struct span text;
	bool first = true;

	for (k = 0; k < d->nparagraphs; k++) {
		p = &d->paragraphs[k];
		s = d->text + p->span.start;
		n = p->span.end - p->span.start;
		for (i = 0; (at = seg_find(s + i, n - i, "。 ")) != SEG_NONE; ) {
			i += at + strlen("。 ");
			if (!numbering_parse(s + i, n - i, &m) || m.style != MARK_CN_DUN)
				continue;
			for (e = i + m.len; e < n && s[e] != ' ' && !seg_starts(s + e, n - e, "。"); e++)
				;
			text.start = p->span.start + i + m.len;
			text.end = p->span.start + e;
			add_part(d, cap, seg_heading_role(d->text + text.start, text.end - text.start,
			    first), -1, p->line, p->line, text);
			first = false;
		}
	}
}

void
seg_parts(struct doc *d)
{
	size_t k, j, cap = 0, first_line = d->body_last + 1, end;
	const struct heading *h;

	for (k = 0; k < d->nheadings; k++)
		if (d->headings[k].role != PART_NONE) {
			first_line = d->headings[k].line;
			break;
		}
	if (d->body_first <= d->body_last)
		unheaded_organising(d, &cap, first_line);
	for (k = 0; k < d->nheadings; k++) {
		h = &d->headings[k];
		if (h->role == PART_NONE)
			continue;
		for (j = k + 1; j < d->nheadings && d->headings[j].role == PART_NONE; j++)
			;
		end = j < d->nheadings ? d->headings[j].line : d->body_last + 1;
		add_part(d, &cap, h->role, (int)k, h->line,
		    end > h->line ? seg_prev_content(d, h->line, end) : h->line, h->text);
	}
	if (d->nparts == 0)
		inline_parts(d, &cap);
}

void
seg_cut(struct doc *d)
{
	size_t i = seg_prev_content(d, 0, d->nlines), n, len, off;
	enum field_kind kind;
	const char *s;
	bool cut;

	d->cut.present = false;
	if (i == SEG_NONE)
		return;
	s = seg_content(d, i, &n);
	switch (d->lines[i].kind) {
	case LINE_HEADING:
		cut = d->nparagraphs > 1;
		break;
	case LINE_TEXT:
	case LINE_FIELD:
		cut = !seg_ends_terminal(s, n);
		if (cut && seg_field_label(s, n, true, &kind, &len, &off) && off < n &&
		    seg_status(s + off, n - off) != STATUS_NONE &&
		    seg_status(s + off, n - off) != STATUS_OTHER)
			cut = false;  /* "完成情况：已完成" closes an item */
		if (cut && seg_is_attachment_line(s, n))
			cut = false;
		break;
	default:
		cut = false;
	}
	if (!cut)
		return;
	d->cut.present = true;
	d->cut.line = i;
	d->cut.at = d->lines[i].content;
}
