/* Enumerations: a count of people or things and the items listed beside it, before it
 * (市第三中学、市青溪中学和市文昌路小学等3所学校) or in a parenthesis after it (3名干部（张某、李某、
 * 王某）); numbered runs that 以上N项 counts back to are in fact_enum_ref.c. */
#include <string.h>
#include "facts.h"
#include "prevcp.h"
#include "utf8.h"
#include "xalloc.h"

/* Units an enumeration is counted in: people, bodies, places, kinds; never times (召开
 * 党组会、专题会5次) or spans. The first three count people. */
static const char *const enum_units[] = {
	"名", "人", "位", "家", "所", "个", "类", "种", "县", "座", "处", "户", "支",
};

/* Longest listed item, in code points (a longer run is prose, not a name). */
#define ITEM_MAX 20
/* Most items kept of one list. */
#define LIST_MAX 64

/* The items of one list, last first, and whether ，/； separate them. */
struct items {
	struct span it[LIST_MAX];
	size_t n;
	bool loose;
};

static bool
is_unit(const char *s, struct span u, bool *person)
{
	size_t i;

	for (i = 0; i < sizeof(enum_units) / sizeof(enum_units[0]); i++) {
		if (u.end - u.start == strlen(enum_units[i]) &&
		    memcmp(s + u.start, enum_units[i], u.end - u.start) == 0) {
			*person = i < 3;
			return true;
		}
	}
	return false;
}

/* True for a mark that bounds a list (any clause mark but 、). */
static bool
bound(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0xFF1B: case 0x3002: case 0xFF1A: case 0xFF01: case 0xFF1F: case 0xFF08:
	case 0xFF09: case ',': case ';': case ':': case '!': case '?': case '(': case ')': case '\n':
	case 0x201C: case 0x201D: case 0x300A: case 0x300B:
		return true;
	default:
		return false;
	}
}

/* True for ， and ；, which separate the items of a loose list. */
static bool
loose_sep(uint32_t cp)
{
	return cp == 0xFF0C || cp == 0xFF1B || cp == ',' || cp == ';';
}

static bool
is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Code points in [a, b). */
static size_t
cps(const char *s, size_t a, size_t b)
{
	return utf8_count(s + a, b - a);
}

/* Last code point of [a, b), 0 when empty. */
static uint32_t
last_cp(const char *s, size_t a, size_t b)
{
	size_t i = b;

	return b > a ? prevcp(s, &i) : 0;
}

/* True when [a, b) ends with w. */
static bool
ends_with(const char *s, size_t a, size_t b, const char *w)
{
	size_t n = strlen(w);

	return b - a >= n && memcmp(s + b - n, w, n) == 0;
}

/* True when [a, b) ends in one of the words of the NULL-terminated list. */
static bool
ends_in(const char *s, size_t a, size_t b, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (ends_with(s, a, b, words[i]))
			return true;
	return false;
}

/* Endings of a word that names an office, a body or a role, not a person: 财务科 办公室
 * 负责人 副局长 are no names. */
static const char *const not_name[] = {
	"科", "室", "局", "办", "处", "部", "组", "院", "所", "站", "队", "中心", "会", "委",
	"镇", "乡", "村", "校", "厂", "司", "人", "员", "长", "任", "记", "干部", "骨干",
	"代表", "党员", "群众", "同志", NULL,
};

/* True when [a, b) reads as a person's name: two or three characters, no office or role. */
static bool
name_like(const char *s, size_t a, size_t b)
{
	size_t n = cps(s, a, b);

	return n >= 2 && n <= 3 && !ends_in(s, a, b, not_name);
}

/* Nouns that count bodies, and the endings of the bodies' names they count: 县财政局、县
 * 审计局2家单位, 甲公司、乙公司2家企业. */
static const char *const body_nouns[] = {"单位", "部门", "机构", "企业", "公司", "党组织",
	"支部", NULL};
static const char *const body_ends[] = {
	"局", "委", "办", "院", "所", "部", "处", "科", "室", "站", "队", "厅", "中心", "公司",
	"集团", "厂", "校", "学", "馆", "会", "社", "行", "党委", "党组", "支部", "总支", "街道",
	"镇", "乡", NULL,
};

/* Code points of the noun read as its head: the count phrase's noun runs on into the clause
 * (4个乡镇开展督导), so only its first few characters name what is counted. */
#define HEAD_MAX 4

/* True when [a, b) holds one of the words of the NULL-terminated list. */
static bool
holds(const char *s, size_t a, size_t b, const char *const *words)
{
	size_t i, p;

	for (i = 0; words[i] != NULL; i++) {
		size_t n = strlen(words[i]);

		for (p = a; p + n <= b; p++)
			if (memcmp(s + p, words[i], n) == 0)
				return true;
	}
	return false;
}

/* True when item [a, b) names what the noun counts: it shares a character of its last two
 * with the head of the noun (城关镇 and 乡镇, 中学 and 学校), or the noun counts bodies and
 * the item ends like a body's name (县财政局 and 单位). */
static bool
same_class(const char *s, size_t a, size_t b, struct span noun)
{
	uint32_t it[2] = {0, 0}, no[HEAD_MAX];
	size_t i = b, j = noun.start, k, m, nn = 0;

	while (nn < HEAD_MAX && j < noun.end)
		no[nn++] = utf8_next(s, noun.end, &j);
	if (holds(s, noun.start, j, body_nouns) && ends_in(s, a, b, body_ends))
		return true;
	for (k = 0; k < 2 && i > a; k++)
		it[k] = prevcp(s, &i);
	for (k = 0; k < 2; k++)
		for (m = 0; m < nn; m++)
			if (it[k] != 0 && it[k] == no[m])
				return true;
	return false;
}

/* Splits [floor, end) back from end into items at 、 (and at ，/； when loose), stopping at
 * any other bound or at floor: fills l (last item first); false when an item is empty, holds
 * a digit or the list is too long. A loose list instead ends where that happens. */
static bool
split_back(const char *s, size_t floor, size_t end, bool loose, struct items *l)
{
	size_t i = end, b = end;

	l->n = 0;
	l->loose = loose;
	while (i > floor) {
		size_t j = i;
		uint32_t cp = prevcp(s, &j);
		bool sep = cp == 0x3001 || (loose && loose_sep(cp));

		if (is_digit_cp(cp) && !loose)
			return false;
		if (sep || bound(cp) || is_digit_cp(cp)) {
			if (i == b || l->n == LIST_MAX)
				return loose && l->n > 0;
			l->it[l->n].start = i;
			l->it[l->n++].end = b;
			if (!sep)
				return true;
			b = i = j;
			continue;
		}
		i = j;
	}
	if (i == b || l->n == LIST_MAX)
		return loose && l->n > 0;
	l->it[l->n].start = i;
	l->it[l->n++].end = b;
	return true;
}

/* Words that join the last item of a list to the one before it. */
static const char *const joins[] = {"以及", "及", "和", "与", NULL};

/* True when [a, b) and [c, d) read as two items of the same list: two names, or two names
 * of things ending alike (河口镇 and 石桥镇; not 县住房 and 城乡建设局). first: [a, b) is the
 * list's first item, which may carry the clause's verb. */
static bool
joinable(const char *s, size_t a, size_t b, size_t c, size_t d, bool person, bool first)
{
	if (person)
		return name_like(s, c, d) && (first || name_like(s, a, b));
	return last_cp(s, a, b) == last_cp(s, c, d) && cps(s, a, b) >= 2 && cps(s, c, d) >= 2;
}

/* Splits the last item of l at a join word (…、河口镇和石桥镇) when both halves read as
 * items of the list; a join inside a name (县人力资源和社会保障局) stays. */
static void
split_join(const char *s, struct items *l, bool person)
{
	struct span *last = &l->it[0];
	size_t p, k, w;

	if (l->n == 0 || l->n == LIST_MAX)
		return;
	for (p = last->end; p > last->start; ) {
		(void)prevcp(s, &p);
		for (w = 0; joins[w] != NULL; w++) {
			size_t n = strlen(joins[w]);

			if (p + n >= last->end || memcmp(s + p, joins[w], n) != 0)
				continue;
			if (w == 1 && p >= last->start + 3 && memcmp(s + p - 3, "以", 3) == 0)
				break;   /* the 及 of 以及, read at the 以 */
			if (!joinable(s, last->start, p, p + n, last->end, person, l->n == 1))
				return;
			for (k = l->n; k > 0; k--)
				l->it[k] = l->it[k - 1];
			l->it[1].end = p;
			l->it[0].start = p + n;
			l->n++;
			return;
		}
	}
}

/* True when item [a, b) is one of what the count counts: a name for people, a name ending
 * like the noun for things. loose: judged by its end only (the item may carry the clause's
 * verb), and a person only when anonymised (张某, 李某某). */
static bool
item_fits(const char *s, size_t a, size_t b, bool person, bool loose, struct span noun)
{
	size_t len = cps(s, a, b);

	if (len == 0 || len > ITEM_MAX)
		return false;
	if (person)
		return loose ? ends_with(s, a, b, "某") : name_like(s, a, b);
	return same_class(s, a, b, noun);
}

/* True when every item of the tight list l but the first (which may carry the clause's
 * verb) is one of what the count counts. */
static bool
items_fit(const char *s, const struct items *l, bool person, struct span noun)
{
	size_t k;

	for (k = 0; k + 1 < l->n; k++)
		if (!item_fits(s, l->it[k].start, l->it[k].end, person, false, noun))
			return false;
	return l->n > 0 && cps(s, l->it[l->n - 1].start, l->it[l->n - 1].end) <= ITEM_MAX;
}

/* Keeps of the loose list l the items from its end back to the first that does not fit
 * (经研究，对张某，李某，王某: from 对张某 on). */
static void
loose_trim(const char *s, struct items *l, bool person, struct span noun)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		if (!item_fits(s, l->it[k].start, l->it[k].end, person, true, noun))
			break;
	l->n = k;
}

/* Enumerations of count c listed before it: X1、X2和X3(等)N<unit><noun>; with ，/； between
 * the items (张某，李某，王某3名干部) the list is loose. */
static bool
before(const struct facts *f, const char *s, size_t line_start, const struct count_fact *c,
		struct enum_fact *e)
{
	size_t end = f->numbers[c->number].span.start;
	struct items l;
	bool person;

	if (!is_unit(s, c->unit, &person) || c->noun.end == c->noun.start)
		return false;
	e->open = false;
	if (end >= line_start + 3 && memcmp(s + end - 3, "等", 3) == 0) {
		e->open = true;
		end -= 3;
	}
	if (!split_back(s, line_start, end, false, &l))
		return false;
	split_join(s, &l, person);
	if (l.n < 2 || !items_fit(s, &l, person, c->noun)) {
		/* A list bounded by ， may run on with ，/；: try it as a loose list. */
		if (!split_back(s, line_start, end, true, &l))
			return false;
		split_join(s, &l, person);
		loose_trim(s, &l, person, c->noun);
		if (l.n < 3)
			return false;
	}
	e->list.start = l.it[l.n - 1].start;
	e->list.end = end;
	e->listed = l.n;
	e->loose = l.loose;
	return true;
}

/* Enumerations in a parenthesis right after the count phrase: N<unit><noun>（X1、X2）, the
 * items separated by 、 (and a last join word), or loosely by ，/；. */
static bool
after(const char *s, size_t end, const struct count_fact *c, struct enum_fact *e)
{
	size_t i = c->noun.end, a, close = 0, k;
	struct items l;
	bool person, loose = false;
	uint32_t cp;

	if (!is_unit(s, c->unit, &person))
		return false;
	cp = i < end ? utf8_next(s, end, &i) : 0;
	if (cp != 0xFF08 && cp != '(')
		return false;
	a = i;
	/* (其中…) (含…) (以下简称…) (包括…) say something else. */
	if (memcmp(s + a, "其中", 6) == 0 || memcmp(s + a, "含", 3) == 0 ||
	    memcmp(s + a, "以下", 6) == 0 || memcmp(s + a, "包括", 6) == 0)
		return false;
	while (i < end) {
		size_t at = i;

		cp = utf8_next(s, end, &i);
		if (cp == 0xFF09 || cp == ')') {
			close = at;
			break;
		}
		if (loose_sep(cp))
			loose = true;
		else if (bound(cp) || is_digit_cp(cp))
			return false;
	}
	if (close == 0)
		return false;
	e->open = close >= a + 3 && memcmp(s + close - 3, "等", 3) == 0;
	if (!split_back(s, a, e->open ? close - 3 : close, loose, &l) || l.it[l.n - 1].start != a)
		return false;
	split_join(s, &l, person);
	if (l.n < 2)
		return false;
	for (k = 0; k < l.n; k++) {
		size_t len = cps(s, l.it[k].start, l.it[k].end);

		/* 8个县（市、区）: one-character kinds, not names */
		if (len < 2 || len > ITEM_MAX)
			return false;
		if (loose && !item_fits(s, l.it[k].start, l.it[k].end, person, true, c->noun))
			return false;
	}
	e->list.start = a;
	e->list.end = close;
	e->listed = l.n;
	e->loose = loose;
	return true;
}

void
fact_enums(struct facts *f, const struct doc *doc)
{
	size_t k, cap = 0;

	for (k = 0; k < f->ncounts; k++) {
		const struct count_fact *c = &f->counts[k];
		size_t line = linemap_line_index(&doc->lines_map, c->span.start), ls, le;
		struct enum_fact e;

		if (c->flags & (NUM_PERCENT | NUM_APPROX | NUM_ABOVE | NUM_BELOW))
			continue;
		linemap_line_span(&doc->lines_map, line, &ls, &le);
		memset(&e, 0, sizeof(e));
		if (!after(doc->text, le, c, &e) && !before(f, doc->text, ls, c, &e) &&
		    !fact_enum_ref(f, doc, k, &e))
			continue;
		e.count = k;
		f->enums = xgrow(f->enums, &cap, f->nenums + 1, sizeof(*f->enums));
		f->enums[f->nenums++] = e;
	}
}
