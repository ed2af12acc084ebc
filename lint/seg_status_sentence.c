/* Status sentences of problem items: 该问题已完成整改。 此项问题正在整改中，将于年底前完成。
 * The status of an item that carries no status field or tag, read from a sentence whose
 * subject is the item itself. */
#include <string.h>
#include "bytefind.h"
#include "seg.h"
#include "utf8.h"

/* Subjects that make a sentence speak of the item it stands in, longest first. */
static const char *const subjects[] = {
	"该项问题", "此项问题", "该条问题", "此条问题", "该问题", "此问题", "本问题", "该项", "此项",
};

/* Time words a status sentence may open with before its subject (目前，该问题…). */
static const char *const openers[] = {
	"截至目前，", "截止目前，", "截至目前,", "截止目前,", "截至目前", "截止目前",
	"目前，", "目前,", "目前", "当前，", "当前", "现", "至此，", "至此",
};

/* Status words of a status sentence, the qualified and negated forms before the plain
 * ones they contain. */
static const struct {
	const char *w;
	enum item_status st;
} words[] = {
	{"尚未完成", STATUS_OPEN}, {"未完成", STATUS_OPEN}, {"未整改", STATUS_OPEN},
	{"阶段性", STATUS_PARTIAL}, {"基本完成", STATUS_PARTIAL}, {"基本整改", STATUS_PARTIAL},
	{"长期坚持", STATUS_LONGTERM}, {"长期整改", STATUS_LONGTERM},
	{"正在整改", STATUS_ONGOING}, {"整改中", STATUS_ONGOING}, {"持续整改", STATUS_ONGOING},
	{"正在推进", STATUS_ONGOING}, {"持续推进", STATUS_ONGOING}, {"推进中", STATUS_ONGOING},
	{"正在落实", STATUS_ONGOING},
	{"已完成整改", STATUS_DONE}, {"已整改完成", STATUS_DONE}, {"已整改到位", STATUS_DONE},
	{"整改完成", STATUS_DONE}, {"完成整改", STATUS_DONE}, {"整改到位", STATUS_DONE},
	{"已完成", STATUS_DONE}, {"已整改", STATUS_DONE}, {"已销号", STATUS_DONE},
	{"已办结", STATUS_DONE},
};

/* Words that make the clause a plan, not a state (该问题将于年底前完成整改). */
static const char *const plans[] = {"将于", "将在", "计划", "预计", "力争", "争取", "确保", "拟"};

/* Longest subject-to-status distance searched, in bytes: 该问题目前已 and a status word. */
#define CLAUSE_MAX 48

/* The end of the clause starting at s: the first ，,。；;！？ or the end, at most CLAUSE_MAX
 * bytes on (cut back to a code point). */
static size_t
clause_end(const char *s, size_t n)
{
	size_t i = 0, at;
	uint32_t cp;

	while (i < n) {
		at = i;
		cp = utf8_next(s, n, &i);
		if (cp == 0xFF0C || cp == ',' || cp == 0x3002 || cp == 0xFF1B || cp == ';' ||
		    cp == 0xFF01 || cp == 0xFF1F || cp == '\n')
			return at;
		if (i > CLAUSE_MAX)
			return at;
	}
	return n;
}

/* The status the sentence starting at s[0..n) states of its item, or STATUS_NONE. */
static enum item_status
sentence_status(const char *s, size_t n)
{
	size_t i = seg_skip_space(s, n, 0), len, end, k;

	len = seg_starts_any(s + i, n - i, openers, sizeof(openers) / sizeof(openers[0]));
	i += len;
	len = seg_starts_any(s + i, n - i, subjects, sizeof(subjects) / sizeof(subjects[0]));
	if (len == 0)
		return STATUS_NONE;
	i += len;
	end = i + clause_end(s + i, n - i);
	for (k = 0; k < sizeof(plans) / sizeof(plans[0]); k++)
		if (seg_has(s + i, end - i, plans[k]))
			return STATUS_NONE;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (seg_has(s + i, end - i, words[k].w))
			return words[k].st;
	return STATUS_NONE;
}

/* True for a mark after which a new sentence starts. */
static bool
sentence_mark(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F || cp == ';' ||
	    cp == '!' || cp == '?';
}

/* Bytes of the mark or line end at s[i] after which a new sentence starts, else 0. */
static size_t
mark_bytes(const char *s, size_t i, size_t end)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (u[0] < 0x80)
		return sentence_mark(u[0]) || u[0] == '\n' ? 1 : 0;
	if (end - i < 3)
		return 0;
	return (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
	    (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x9B || u[2] == 0x81 || u[2] == 0x9F)) ? 3 : 0;
}

enum item_status
seg_status_sentence(const char *text, struct span sp, struct span *where)
{
	size_t i = sp.start, at, n;
	enum item_status st;
	bool start = true;
	uint32_t cp;

	while (i < sp.end) {
		if (start) {
			st = sentence_status(text + i, sp.end - i);
			if (st != STATUS_NONE) {
				where->start = i + seg_skip_space(text + i, sp.end - i, 0);
				at = where->start;
				while (at < sp.end) {
					size_t here = at;

					cp = utf8_next(text, sp.end, &at);
					if (sentence_mark(cp) || cp == '\n') {
						at = sentence_mark(cp) ? at : here;
						break;
					}
				}
				where->end = at;
				return st;
			}
		}
		/* The next mark or line end: each begins with one of these bytes, none of which
		 * lies inside another character. */
		if ((i = bytefind6(text, i, sp.end, 0xE3, 0xEF, ';', '!', '?', '\n')) >= sp.end)
			break;
		n = mark_bytes(text, i, sp.end);
		start = n > 0;
		i += n > 0 ? n : 1;
	}
	return STATUS_NONE;
}
