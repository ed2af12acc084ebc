/* Tallies and rates: which counts of a sentence are a total and which its parts, read from
 * the sentence's structure (status words, 其中, 含, 共计, units, the kind of thing counted),
 * and which figures each percentage is a ratio of. */
#include <stdint.h>
#include <string.h>
#include "facts.h"
#include "utf8.h"
#include "xalloc.h"

/* Status words, the negated and qualified forms before the plain ones they contain
 * (未完成 before 完成, 阶段性完成 before 完成). */
struct status_word {
	const char *w;
	enum count_status st;
};

static const struct status_word status_words[] = {
	{"尚未完成", CSTAT_OPEN}, {"未完成", CSTAT_OPEN}, {"没有完成", CSTAT_OPEN},
	{"未整改", CSTAT_OPEN}, {"未办结", CSTAT_OPEN}, {"未销号", CSTAT_OPEN},
	{"阶段性完成", CSTAT_PARTIAL}, {"基本完成", CSTAT_PARTIAL}, {"部分完成", CSTAT_PARTIAL},
	{"初见成效", CSTAT_PARTIAL},
	{"正在整改", CSTAT_ONGOING}, {"持续整改", CSTAT_ONGOING}, {"尚在整改", CSTAT_ONGOING},
	{"整改中", CSTAT_ONGOING}, {"正在推进", CSTAT_ONGOING}, {"推进中", CSTAT_ONGOING},
	{"正在办理", CSTAT_ONGOING}, {"办理中", CSTAT_ONGOING}, {"长期坚持", CSTAT_ONGOING},
	{"长期整改", CSTAT_ONGOING}, {"持续推进", CSTAT_ONGOING}, {"按计划推进", CSTAT_ONGOING},
	{"剩余", CSTAT_OPEN},
	{"已整改", CSTAT_DONE}, {"已完成", CSTAT_DONE}, {"完成整改", CSTAT_DONE},
	{"整改完成", CSTAT_DONE}, {"整改到位", CSTAT_DONE}, {"已办结", CSTAT_DONE},
	{"办结", CSTAT_DONE}, {"已销号", CSTAT_DONE}, {"已查结", CSTAT_DONE},
	{"查结", CSTAT_DONE}, {"完成", CSTAT_DONE},
};

/* Words that make a status a plan, not a fact (计划年底前完成3项). */
static const char *const plan_words[] = {
	"计划", "预计", "争取", "力争", "确保", "拟", "将于", "需要", "应当",
};

/* The kinds of thing a total and its parts count; parts of another kind are no parts. */
static const char *const kinds[] = {
	"问题", "措施", "任务", "制度", "意见", "建议", "线索", "案件", "举措", "清单",
};

/* Words that make a percentage a growth figure, which may exceed 100%. */
static const char *const growth_words[] = {
	"增长", "增幅", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "同比", "环比",
};

/* Labels that mark the whole a share is taken of. */
static const char *const whole_words[] = {"共有", "共", "总", "全", "合计"};

/* Labels ending in these state a sum of what precedes them. */
static const char *const sum_words[] = {"共计", "合计", "总计", "累计", "共"};

/* Units a status can be stated of: things and money, not people, times, ages or spans
 * (完成培训120人 or 完成督查3次 split no total). */
static const char *const status_units[] = {
	"个", "项", "件", "条", "处", "起", "家", "所", "户", "批", "类", "种", "元", "台", "套",
};

/* Farthest back, in counts, that a total, a share's part or whole, or a rate's tally is
 * looked for: figures that belong together stand close, and a hostile sentence of
 * thousands of counts stays linear. */
#define REACH 64

/* Longest tail of a label or subject compared for a share, in bytes. */
#define SUBJECT_MAX 96

/* Units interchangeable when problems are counted (个/项/件). */
static const char *const item_units[] = {"个", "项", "件"};

/* Offset of word w in the span, or -1. */
static long
find_in(const char *s, struct span sp, const char *w)
{
	size_t n = strlen(w), i;

	if (sp.end < sp.start || n == 0 || sp.end - sp.start < n)
		return -1;
	for (i = sp.start; i + n <= sp.end; i++)
		if (s[i] == w[0] && memcmp(s + i, w, n) == 0)
			return (long)(i - sp.start);
	return -1;
}

/* Which characters a span holds, as 256 bits: one per hash of the last two bytes of each
 * three-byte sequence that starts in it. A word whose characters' bits are not all set
 * does not occur in the span, so a list of words is searched only for those that may. */
struct charsig {
	uint64_t bits[4];
};

/* The bit of the three-byte sequence whose last two bytes are b1 and b2. */
static unsigned
sig_bit(unsigned char b1, unsigned char b2)
{
	return ((unsigned)b1 << 8 | b2) * 40503u >> 8 & 255;
}

static struct charsig
sig_of(const char *s, struct span sp)
{
	struct charsig g = {{0, 0, 0, 0}};
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	unsigned b;

	for (i = sp.start; i + 3 <= sp.end; i++) {
		if (u[i] < 0xE0)
			continue;
		b = sig_bit(u[i + 1], u[i + 2]);
		g.bits[b / 64] |= (uint64_t)1 << (b % 64);
	}
	return g;
}

/* False when word w cannot occur in a span of signature g: one of its first two
 * characters, three-byte sequences both, is missing. True whenever it may. */
static bool
sig_may_hold(const struct charsig *g, const char *w)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t k;
	unsigned b;

	for (k = 0; k < 6 && u[k] >= 0xE0 && u[k + 1] != '\0' && u[k + 2] != '\0'; k += 3) {
		b = sig_bit(u[k + 1], u[k + 2]);
		if ((g->bits[b / 64] & (uint64_t)1 << (b % 64)) == 0)
			return false;
	}
	return true;
}

/* The bits sig_may_hold tests for a word, found once: its first two characters'. */
struct word_bits {
	unsigned bit[2];
	size_t n;
};

/* The status and plan words' bits, in the order of their lists. */
struct status_bits {
	struct word_bits plan[sizeof(plan_words) / sizeof(plan_words[0])];
	struct word_bits status[sizeof(status_words) / sizeof(status_words[0])];
};

static void
word_bits_of(const char *w, struct word_bits *wb)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t k;

	wb->n = 0;
	for (k = 0; k < 6 && u[k] >= 0xE0 && u[k + 1] != '\0' && u[k + 2] != '\0'; k += 3)
		wb->bit[wb->n++] = sig_bit(u[k + 1], u[k + 2]);
}

static void
status_bits_init(struct status_bits *sb)
{
	size_t i;

	for (i = 0; i < sizeof(plan_words) / sizeof(plan_words[0]); i++)
		word_bits_of(plan_words[i], &sb->plan[i]);
	for (i = 0; i < sizeof(status_words) / sizeof(status_words[0]); i++)
		word_bits_of(status_words[i].w, &sb->status[i]);
}

/* sig_may_hold for a word whose bits are wb. */
static bool
sig_has_bits(const struct charsig *g, const struct word_bits *wb)
{
	size_t k;

	for (k = 0; k < wb->n; k++)
		if ((g->bits[wb->bit[k] / 64] & (uint64_t)1 << (wb->bit[k] % 64)) == 0)
			return false;
	return true;
}

/* True when the span starts or ends with word w. */
static bool
starts_with(const char *s, struct span sp, const char *w)
{
	size_t n = strlen(w);

	return sp.end - sp.start >= n && memcmp(s + sp.start, w, n) == 0;
}

static bool
ends_with(const char *s, struct span sp, const char *w)
{
	size_t n = strlen(w);

	return sp.end - sp.start >= n && memcmp(s + sp.end - n, w, n) == 0;
}

/* True when two spans hold the same text. */
static bool
same_text(const char *s, struct span a, struct span b)
{
	return a.end - a.start == b.end - b.start &&
	    memcmp(s + a.start, s + b.start, a.end - a.start) == 0;
}

/* The status the words of span sp state (the first listed word found); none when they
 * state a plan. */
static enum count_status
status_in(const char *s, struct span sp, const struct status_bits *sb)
{
	struct charsig g;
	size_t i;

	if (sp.end < sp.start)
		return CSTAT_NONE;
	g = sig_of(s, sp);
	for (i = 0; i < sizeof(plan_words) / sizeof(plan_words[0]); i++) {
		long at = sig_has_bits(&g, &sb->plan[i]) ? find_in(s, sp, plan_words[i]) : -1;

		/* 按计划推进 is the state of a work under way, not a plan. */
		if (at >= 0 && !(at >= 3 && memcmp(s + sp.start + at - 3, "按", 3) == 0))
			return CSTAT_NONE;
	}
	for (i = 0; i < sizeof(status_words) / sizeof(status_words[0]); i++)
		if (sig_has_bits(&g, &sb->status[i]) && find_in(s, sp, status_words[i].w) >= 0)
			return status_words[i].st;
	return CSTAT_NONE;
}

/* The kind of thing count c counts (an index into kinds), from its noun, else its label;
 * -1 when neither names one. */
static int
kind_of(const char *s, const struct count_fact *c)
{
	struct charsig noun = sig_of(s, c->noun), label = sig_of(s, c->label);
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (sig_may_hold(&noun, kinds[i]) && find_in(s, c->noun, kinds[i]) >= 0)
			return (int)i;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (sig_may_hold(&label, kinds[i]) && find_in(s, c->label, kinds[i]) >= 0)
			return (int)i;
	return -1;
}

/* True when span u holds exactly word w. */
static bool
same_word(const char *s, struct span u, const char *w)
{
	return u.end - u.start == strlen(w) && memcmp(s + u.start, w, u.end - u.start) == 0;
}

static bool
is_item_unit(const char *s, struct span u)
{
	size_t i;

	for (i = 0; i < sizeof(item_units) / sizeof(item_units[0]); i++)
		if (same_word(s, u, item_units[i]))
			return true;
	return false;
}

/* True when a and b may be a total and its part: the same unit (or both units of problems)
 * and no two different kinds of thing. */
static bool
compatible(const char *s, const struct count_fact *a, const struct count_fact *b)
{
	int ka, kb;

	if (!same_text(s, a->unit, b->unit) && !(is_item_unit(s, a->unit) &&
	    is_item_unit(s, b->unit)))
		return false;
	ka = kind_of(s, a);
	kb = kind_of(s, b);
	return ka < 0 || kb < 0 || ka == kb;
}

/* True for a mark that ends a clause (between two counts it breaks a refinement chain). */
static bool
clause_mark(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0x3001: case 0xFF1B: case 0x3002: case 0xFF1A: case 0xFF08: case 0xFF09:
	case ',': case ';': case ':': case '(': case ')': case '\n':
		return true;
	default:
		return false;
	}
}

/* True when no clause mark stands in [a, b). */
static bool
no_mark(const char *s, size_t a, size_t b)
{
	while (a < b)
		if (clause_mark(utf8_next(s, b, &a)))
			return false;
	return true;
}

/* True for a percentage. */
static bool
percent(const struct count_fact *c)
{
	return (c->flags & NUM_PERCENT) != 0;
}

/* True when the count's value is not exact (余, 以上, 约). */
static bool
inexact(const struct count_fact *c)
{
	return (c->flags & (NUM_ABOVE | NUM_BELOW | NUM_APPROX)) != 0;
}

/* The words of a noun that speak of the count itself: in 28个问题中已完成整改24个 what
 * follows 中 speaks of the parts (a closing 整改中 is a status of its own). */
static struct span
own_noun(const char *s, struct span noun)
{
	long at = find_in(s, noun, "中");

	if (at >= 0 && noun.start + (size_t)at + strlen("中") < noun.end)
		noun.end = noun.start + (size_t)at;
	return noun;
}

/* True when the words after count k are the status of the next count, which follows with
 * no mark between (16个问题已整改到位13个: the status is 13's, and 16 is their total). */
static bool
status_of_next(const struct facts *f, size_t k, const char *s, const struct status_bits *sb)
{
	const struct count_fact *c = &f->counts[k], *n;

	if (k + 1 >= f->ncounts)
		return false;
	n = &f->counts[k + 1];
	return n->sentence == c->sentence && !percent(n) && status_in(s, n->label, sb) != CSTAT_NONE &&
	    no_mark(s, c->span.end, n->span.start);
}

/* Sets status and role of every count. */
static void
classify(struct facts *f, const char *s)
{
	struct status_bits sb;
	size_t k, i;

	status_bits_init(&sb);
	for (k = 0; k < f->ncounts; k++) {
		struct count_fact *c = &f->counts[k];

		if (percent(c))
			continue;
		for (i = 0; i < sizeof(status_units) / sizeof(status_units[0]); i++)
			if (same_word(s, c->unit, status_units[i]))
				break;
		if (i < sizeof(status_units) / sizeof(status_units[0])) {
			c->status = status_in(s, c->label, &sb);
			if (c->status == CSTAT_NONE && !status_of_next(f, k, s, &sb))
				c->status = status_in(s, own_noun(s, c->noun), &sb);
		}
		if (starts_with(s, c->label, "含") || starts_with(s, c->label, "包括") ||
		    starts_with(s, c->label, "其中含") || starts_with(s, c->label, "其中包括"))
			c->role |= COUNT_SUBSET;
	}
	/* 4个方面37个问题: nothing but words between two counts makes the first a level,
	 * unless the second states a status (28个问题中已完成整改24个: a total and its part). */
	for (k = 0; k + 1 < f->ncounts; k++) {
		struct count_fact *c = &f->counts[k];

		if (percent(c) || f->counts[k + 1].sentence != c->sentence ||
		    percent(&f->counts[k + 1]) || c->status != CSTAT_NONE ||
		    f->counts[k + 1].status != CSTAT_NONE)
			continue;
		if (no_mark(s, c->span.end, f->counts[k + 1].span.start))
			c->role |= COUNT_LEVEL;
	}
}

/* Tally being built. */
struct builder {
	struct facts *f;
	const char *s;
	size_t tcap, pcap, rcap;
	size_t lo;             /* first count of the sentence not used by an earlier sum */
	bool open;
	struct tally_fact t;
};

static bool plain(const struct count_fact *c);
static bool inexact(const struct count_fact *c);

/* A split whose parts miss its nearest total but match an earlier candidate of the same
 * sentence (…40项具体问题，制定113项整改措施，已完成35项、正在整改5项) is that
 * candidate's: the words leave both readings open, and the one that adds up is taken. */
static void
retarget(struct builder *b)
{
	const struct facts *f = b->f;
	double sum = 0;
	size_t i, j;

	if (b->t.form != TALLY_SPLIT || b->t.total < 0)
		return;
	for (i = 0; i < b->t.nparts; i++)
		sum += f->counts[f->tally_parts[b->t.part0 + i]].value;
	if (f->counts[b->t.total].value == sum)
		return;
	for (j = (size_t)b->t.total; j > b->lo && (size_t)b->t.total - j < REACH; j--) {
		const struct count_fact *c = &f->counts[j - 1];

		if (c->sentence == b->t.sentence && plain(c) && !inexact(c) &&
		    c->status == CSTAT_NONE && c->value == sum &&
		    compatible(b->s, c, &f->counts[f->tally_parts[b->t.part0]])) {
			b->t.total = (int)(j - 1);
			return;
		}
	}
}

static void
add_part(struct builder *b, size_t k)
{
	struct facts *f = b->f;

	f->tally_parts = xgrow(f->tally_parts, &b->pcap, f->ntally_parts + 1,
	    sizeof(*f->tally_parts));
	f->tally_parts[f->ntally_parts++] = k;
	f->counts[k].role |= COUNT_PART;
	b->t.nparts++;
}

static void
close_tally(struct builder *b)
{
	struct facts *f = b->f;
	size_t i;

	if (!b->open)
		return;
	b->open = false;
	if (b->t.nparts == 0)
		return;
	retarget(b);
	b->t.sum = b->t.done = 0;
	for (i = 0; i < b->t.nparts; i++) {
		const struct count_fact *c = &f->counts[f->tally_parts[b->t.part0 + i]];

		b->t.sum += c->value;
		if (c->status == CSTAT_DONE)
			b->t.done += c->value;
	}
	f->tallies = xgrow(f->tallies, &b->tcap, f->ntallies + 1, sizeof(*f->tallies));
	f->tallies[f->ntallies++] = b->t;
}

static void
open_tally(struct builder *b, enum tally_form form, int total, size_t sentence)
{
	close_tally(b);
	b->open = true;
	b->t.form = form;
	b->t.total = total;
	b->t.part0 = b->f->ntally_parts;
	b->t.nparts = 0;
	b->t.sentence = sentence;
}

/* True when count k may be a total or an addend at all. */
static bool
plain(const struct count_fact *c)
{
	return !percent(c) && !(c->role & (COUNT_SUBSET | COUNT_LEVEL));
}

/* True when c's label states a sum of what precedes it (…，共计5800元). */
static bool
sum_label(const char *s, const struct count_fact *c)
{
	size_t i;

	for (i = 0; i < sizeof(sum_words) / sizeof(sum_words[0]); i++)
		if (ends_with(s, c->label, sum_words[i]))
			return true;
	return false;
}

/* True when c's label marks a whole that 其中 may split (共有, 共排查, 合计). */
static bool
whole_label(const char *s, const struct count_fact *c)
{
	size_t i;

	for (i = 0; i < sizeof(whole_words) / sizeof(whole_words[0]); i++)
		if (find_in(s, c->label, whole_words[i]) >= 0)
			return true;
	return false;
}

/* True for units of people, whom a sentence classifies on several axes at once. */
static bool
people(const char *s, const struct count_fact *c)
{
	struct span u = c->unit;

	return (u.end - u.start == 3 && (memcmp(s + u.start, "人", 3) == 0 ||
	    memcmp(s + u.start, "名", 3) == 0 || memcmp(s + u.start, "位", 3) == 0));
}

/* The nearest count before k in [lo, k) that may be the total of status part k: no status,
 * not a part of anything else (a category after 其中 is a part of its 共 total, and any
 * other count after 其中 a subset of the total before it), compatible with k. */
static int
total_before(const struct facts *f, const char *s, size_t lo, size_t k)
{
	size_t j = k;

	while (j > lo && k - j < REACH) {
		const struct count_fact *c = &f->counts[--j];

		if (!plain(c) || inexact(c) || (c->role & COUNT_PART) ||
		    starts_with(s, c->label, "其中"))
			continue;
		if (c->status != CSTAT_NONE)
			return -1;   /* a part of an earlier tally lies between */
		if (compatible(s, c, &f->counts[k]))
			return (int)j;
	}
	return -1;
}

/* Builds the tallies of the sentence whose counts are [a, b). */
static void
sentence_tallies(struct builder *b, const char *s, size_t a, size_t b_end)
{
	struct facts *f = b->f;
	size_t k, lo = a;
	bool category = false;   /* the open tally splits a 共 total by 其中 into categories */

	for (k = a; k < b_end; k++) {
		struct count_fact *c = &f->counts[k];
		int t;

		b->lo = lo;
		if (!plain(c))
			continue;
		if (c->status != CSTAT_NONE) {
			if (b->open && !category && compatible(s, c, &f->counts[b->t.total >= 0 ?
			    (size_t)b->t.total : f->tally_parts[b->t.part0]])) {
				add_part(b, k);
				continue;
			}
			t = total_before(f, s, lo, k);
			open_tally(b, t >= 0 ? TALLY_SPLIT : TALLY_STATUS, t, c->sentence);
			category = false;
			add_part(b, k);
			continue;
		}
		if (b->open && sum_label(s, c) && b->t.total < 0) {
			/* 已完成34个、阶段性完成3个，共37个: the status parts and their sum. */
			b->t.form = TALLY_SUM;
			b->t.total = (int)k;
			close_tally(b);
			lo = k + 1;
			continue;
		}
		if (b->open && starts_with(s, c->label, "其中") && !category) {
			c->role |= COUNT_SUBSET;   /* 已完成34个，其中立行立改2个: part of a part */
			continue;
		}
		if (b->open && category && compatible(s, c, &f->counts[b->t.total]) &&
		    !inexact(c) && c->status == CSTAT_NONE && !sum_label(s, c)) {
			add_part(b, k);
			continue;
		}
		close_tally(b);
		category = false;
		if (sum_label(s, c) && !inexact(c)) {
			size_t j, n = 0;

			/* 1650元、1850元、2300元，共计5800元: the earlier counts of its unit. */
			for (j = lo; j < k; j++)
				n += plain(&f->counts[j]) && same_text(s, f->counts[j].unit, c->unit);
			if (n >= 2) {
				open_tally(b, TALLY_SUM, (int)k, c->sentence);
				for (j = lo; j < k; j++)
					if (plain(&f->counts[j]) && same_text(s, f->counts[j].unit,
					    c->unit))
						add_part(b, j);
				close_tally(b);
				lo = k + 1;
			}
			/* Else a total stated first (问题共计418个，其中已整改356个…): its parts follow. */
			continue;
		}
		if (starts_with(s, c->label, "其中") && k > a && !people(s, c) && !inexact(c)) {
			t = total_before(f, s, lo, k);
			if (t >= 0 && whole_label(s, &f->counts[t])) {
				/* 共排查问题20个，其中党建方面8个、业务方面12个 */
				open_tally(b, TALLY_SPLIT, t, c->sentence);
				category = true;
				add_part(b, k);
			}
		}
	}
	close_tally(b);
}

/* The kind of percentage c is, by its label. */
static enum rate_kind
rate_kind(const char *s, const struct count_fact *c)
{
	static const char *const completion[] = {"完成率", "整改率", "办结率", "查结率",
	    "销号率", "到位率"};
	size_t i;

	for (i = 0; i < sizeof(growth_words) / sizeof(growth_words[0]); i++)
		if (find_in(s, c->label, growth_words[i]) >= 0)
			return RATE_GROWTH;
	for (i = 0; i < sizeof(completion) / sizeof(completion[0]); i++)
		if (find_in(s, c->label, completion[i]) >= 0)
			return RATE_COMPLETION;
	if (find_in(s, c->label, "占比") >= 0 || find_in(s, c->label, "比例") >= 0 ||
	    find_in(s, c->label, "比重") >= 0 || starts_with(s, c->label, "占"))
		return RATE_SHARE;
	if (find_in(s, c->label, "率") >= 0)
		return RATE_OTHER;
	return RATE_NONE;
}

/* Offset of the code point after the one at i (i < end). */
static size_t
next_cp(const char *s, size_t end, size_t i)
{
	(void)utf8_next(s, end, &i);
	return i;
}

/* The last SUBJECT_MAX bytes of sp at most, starting on a code point. */
static struct span
tail(const char *s, struct span sp)
{
	if (sp.end - sp.start > SUBJECT_MAX) {
		sp.start = sp.end - SUBJECT_MAX;
		while (sp.start < sp.end && (s[sp.start] & 0xC0) == 0x80)
			sp.start++;
	}
	return sp;
}

/* Length in bytes of the longest run of whole code points common to spans a and b. */
static size_t
overlap(const char *s, struct span a, struct span b)
{
	size_t best = 0, i, j;

	a = tail(s, a);
	b = tail(s, b);
	for (i = a.start; i < a.end; i = next_cp(s, a.end, i)) {
		for (j = b.start; j < b.end; j = next_cp(s, b.end, j)) {
			size_t n = 0;

			while (i + n < a.end && j + n < b.end && s[i + n] == s[j + n])
				n++;
			/* Back off to a code point boundary. */
			while (n > 0 && i + n < a.end && (s[i + n] & 0xC0) == 0x80)
				n--;
			if (n > best)
				best = n;
		}
	}
	return best;
}

/* The subject a share is stated of: its label without 占比/比例 and what follows. */
static struct span
share_subject(const char *s, const struct count_fact *c)
{
	struct span sp = c->label;
	long at = find_in(s, sp, "占");

	if (at < 0)
		at = find_in(s, sp, "比例");
	if (at >= 0)
		sp.end = sp.start + (size_t)at;
	return sp;
}

/* Part and whole of share r among the counts [a, r) of its sentence: the whole is a count
 * marked as one (共有, or split by a following 其中); the part a later count of its unit,
 * the one whose words the share's subject repeats, or when the share names no subject
 * (…16人，占比26.7%) the one of the clause just before it. */
static void
share_figures(struct facts *f, const char *s, size_t a, size_t r, int *num, int *den)
{
	struct span subj = share_subject(s, &f->counts[r]);
	size_t j, best = 0;
	int whole = -1, part = -1;

	*num = *den = -1;
	if (r - a > REACH)
		a = r - REACH;
	for (j = a; j < r; j++) {
		const struct count_fact *c = &f->counts[j];

		if (!plain(c) || inexact(c))
			continue;
		if (whole_label(s, c) || (j + 1 < r && starts_with(s, f->counts[j + 1].label,
		    "其中")))
			whole = (int)j;
	}
	if (whole < 0)
		return;
	for (j = (size_t)whole + 1; j < r; j++) {
		const struct count_fact *c = &f->counts[j];
		size_t o;

		if (!plain(c) || inexact(c) || !same_text(s, c->unit, f->counts[whole].unit))
			continue;
		if (subj.end - subj.start >= 6) {
			o = overlap(s, subj, c->label);
			if (overlap(s, subj, c->noun) > o)
				o = overlap(s, subj, c->noun);
			if (o >= 6 && o > best) {
				best = o;
				part = (int)j;
			}
		} else if (j + 1 == r || (part < 0 && j + 1 < r && percent(&f->counts[j + 1]))) {
			part = (int)j;
		}
	}
	if (part < 0)
		return;
	*num = part;
	*den = whole;
}

/* True when no line break stands in [a, b). */
static bool
one_paragraph(const char *s, size_t a, size_t b)
{
	return a <= b && memchr(s + a, '\n', b - a) == NULL;
}

static void
add_rate(struct builder *b, const char *s, size_t a, size_t k)
{
	struct facts *f = b->f;
	struct rate_fact r;
	size_t i;

	r.count = k;
	r.kind = rate_kind(s, &f->counts[k]);
	r.tally = -1;
	r.num = r.den = -1;
	if (r.kind == RATE_NONE)
		return;
	if (r.kind == RATE_COMPLETION) {
		/* The last tally before the rate that has completed parts: in its sentence, or in
		 * the sentence before when the rate's own sentence opens with it (…完成整改23个。
		 * 整改完成率92%。). */
		size_t sent = f->counts[k].sentence, from = sent;

		if (a == k && sent > 0)
			from = sent - 1;
		for (i = f->ntallies; i > 0 && f->ntallies - i < REACH; i--) {
			const struct tally_fact *t = &f->tallies[i - 1];
			size_t p;
			bool done = false;

			if (t->sentence > sent)
				continue;
			if (t->sentence < from)
				break;
			for (p = 0; p < t->nparts && p < REACH; p++)
				done |= f->counts[f->tally_parts[t->part0 + p]].status == CSTAT_DONE;
			if (done && f->tally_parts[t->part0] < k && (t->sentence == sent ||
			    one_paragraph(s, f->counts[f->tally_parts[t->part0 + t->nparts - 1]].span.end,
			    f->counts[k].span.start))) {
				r.tally = (int)(i - 1);
				break;
			}
		}
	} else if (r.kind == RATE_SHARE) {
		share_figures(f, s, a, k, &r.num, &r.den);
	}
	f->rates = xgrow(f->rates, &b->rcap, f->nrates + 1, sizeof(*f->rates));
	f->rates[f->nrates++] = r;
}

/* A status split that opens a sentence with no total of its own (…反馈的3个方面12个问题，
 * 制定整改措施38条。截至目前，已完成整改9个，正在整改2个) takes its total from the sentence
 * before, in the same paragraph: the nearest count there that could be one, when it names
 * the kind of thing counted and no count there adds up to the parts (那些 parts may be of
 * a subset: 其中立行立改问题5个。已完成4个、正在整改1个). */
static void
earlier_total(struct facts *f, const char *s, struct tally_fact *t)
{
	size_t p0, j;
	int cand = -1;

	if (t->form != TALLY_STATUS || t->total >= 0 || t->nparts < 2 || t->sentence == 0)
		return;
	p0 = f->tally_parts[t->part0];
	for (j = p0; j > 0 && p0 - j < REACH; j--) {
		const struct count_fact *c = &f->counts[j - 1];

		if (c->sentence + 1 < t->sentence)
			break;
		if (!one_paragraph(s, c->span.end, f->counts[p0].span.start))
			break;
		if (!plain(c) || inexact(c) || c->status != CSTAT_NONE || (c->role & COUNT_PART) ||
		    !compatible(s, c, &f->counts[p0]))
			continue;
		if (c->sentence == t->sentence)
			return;   /* a count of its own sentence the split did not take */
		if (c->value == t->sum)
			return;
		if (cand < 0)
			cand = (int)(j - 1);
	}
	if (cand < 0 || kind_of(s, &f->counts[cand]) < 0)
		return;
	t->form = TALLY_SPLIT;
	t->total = cand;
}

void
fact_tallies(struct facts *f, const struct doc *doc)
{
	const char *s = doc->text;
	struct builder b;
	size_t a, k;

	memset(&b, 0, sizeof(b));
	b.f = f;
	b.s = s;
	classify(f, s);
	for (a = 0; a < f->ncounts; a = k) {
		size_t r;

		for (k = a; k < f->ncounts && f->counts[k].sentence == f->counts[a].sentence; k++)
			;
		sentence_tallies(&b, s, a, k);
		for (r = a; r < k; r++)
			if (percent(&f->counts[r]))
				add_rate(&b, s, a, r);
	}
	for (a = 0; a < f->ntallies; a++)
		earlier_total(f, s, &f->tallies[a]);
}
