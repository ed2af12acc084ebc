/* Check type `repeated-word`: a run of Han characters written twice in a row (党组党组,
 * 公务车辆公务车辆). Single-character reduplication (常常, 天天) is never reported, and a
 * doubled text that an `allow` pattern matches entirely (一项一项) is excused. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "regex.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

struct rep_params {
	long min_unit;        /* shortest repeated unit in characters (at least 2) */
	long max_unit;        /* longest repeated unit looked for */
	struct regex **allow; /* doubled texts matched entirely by one of these are fine */
	size_t nallow;
};

/* Code points a window takes beyond the look-ahead of two units. */
#define REP_WINDOW 2048

/* A window onto one scope span: code points decoded from some point on, with their byte
 * offsets. Fixed in size, so a long span costs no large allocation. */
struct rep_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct rep_params *p;
	uint32_t *cp;
	size_t *off;          /* off[i] = byte offset of cp[i]; off[n] = where decoding resumes */
	uint32_t *mask;       /* see mark_repeats */
	uint32_t *eq;         /* scratch of mark_repeats, one more entry than the window */
	size_t n, cap;
	int stop;
};

static void
rep_free(void *params)
{
	struct rep_params *p = params;
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nallow; i++)
		regex_free(p->allow[i]);
	free(p->allow);
	free(p);
}

static int
rep_parse(struct rule *r, struct rparam *rp)
{
	struct rep_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	p->min_unit = 2;
	p->max_unit = 8;
	if (rp_int(rp, "min_unit", false, 2, 32, &p->min_unit) != 0)
		rc = -1;
	if (rp_int(rp, "max_unit", false, 2, 32, &p->max_unit) != 0)
		rc = -1;
	if (rp_regexes(rp, "allow", false, &p->allow, &p->nallow) != 0)
		rc = -1;
	if (rc != 0)
		return rc;
	if (p->max_unit < p->min_unit) {
		rp_error(rp, "max_unit", "max_unit 不能小于 min_unit（max_unit must not be less "
		    "than min_unit）");
		return -1;
	}
	return 0;
}

/* True when cp[i, i + len) and cp[i + len, i + 2 len) are the same Han characters and the
 * unit is not one character repeated. */
static bool
doubled(const struct rep_run *run, size_t i, size_t len)
{
	const uint32_t *cp = run->cp + i;
	size_t k;
	bool uniform = true;

	for (k = 0; k < len; k++) {
		if (cp[k] != cp[len + k] || !utf8_is_han(cp[k]))
			return false;
		if (cp[k] != cp[0])
			uniform = false;
	}
	return !uniform;
}

/* True when an allow pattern matches the doubled text [start, end) entirely. */
static bool
allowed(struct rep_run *run, size_t start, size_t end)
{
	char *s = check_text(run->c->doc, start, end);
	struct regex_match m;
	size_t i, n = end - start;
	bool ok = false;
	int rc;

	for (i = 0; i < run->p->nallow && !ok; i++) {
		rc = regex_find(run->p->allow[i], s, 0, n, &m);
		if (rc < 0)
			check_regex_limit(run->c, run->r, start);
		ok = rc == 1 && m.start == 0 && m.end == n;
	}
	free(s);
	return ok;
}

/* Decodes the span from byte pos on into the window until it is full or the span ends;
 * returns where decoding stopped. */
static size_t
fill_window(struct rep_run *run, size_t pos, size_t end)
{
	const char *t = run->c->doc->text;
	size_t n = run->n;

	while (n < run->cap && pos < end) {
		run->off[n] = pos;
		run->cp[n++] = utf8_next(t, end, &pos);
	}
	run->off[n] = pos;
	run->n = n;
	return pos;
}

/* Fills mask[from, to) of the window: bit len - min_unit of mask[i] is set when the two
 * characters at i recur len further on, which a doubled unit of len (two characters at
 * least) needs. Bit len - min_unit of eq[i] is first set when the one character at i
 * recurs len further on; two neighbours of eq make an entry of mask. The passes are
 * plain array comparisons, which the compiler turns into vector code. */
static void
mark_repeats(struct rep_run *run, size_t from, size_t to)
{
	const uint32_t *cp = run->cp;
	uint32_t *mask = run->mask, *eq = run->eq, bit;
	size_t n = run->n, min = (size_t)run->p->min_unit, len, j, upto;

	if (from >= to)
		return;
	memset(eq + from, 0, (to + 1 - from) * sizeof(*eq));
	for (len = min; len <= (size_t)run->p->max_unit && len + 1 < n; len++) {
		bit = (uint32_t)1 << (len - min);
		upto = to + 1 < n - len ? to + 1 : n - len;
		for (j = from; j < upto; j++)
			eq[j] |= cp[j] == cp[j + len] ? bit : 0;
	}
	for (j = from; j < to; j++)
		mask[j] = eq[j] & eq[j + 1];
}

/* Length of the shortest repeated unit starting at i (mask[i] not 0), or 0. That the unit
 * starts with a Han character is checked by doubled() with the rest of it. */
static size_t
unit_at(struct rep_run *run, size_t i)
{
	size_t len, min = (size_t)run->p->min_unit, last = (size_t)run->p->max_unit;
	uint32_t m = run->mask[i];

	if ((run->n - i) / 2 < last)
		last = (run->n - i) / 2;
	for (len = min; len <= last; len++)
		if ((m & (uint32_t)1 << (len - min)) != 0 && doubled(run, i, len) &&
		    !allowed(run, run->off[i], run->off[i + 2 * len]))
			return len;
	return 0;
}

/* Looks for doubled units in the window from i up to limit; returns where the next look
 * starts, or (size_t)-1 once the diagnostic limit is reached. */
static size_t
scan_window(struct rep_run *run, size_t i, size_t limit)
{
	size_t len, min = (size_t)run->p->min_unit;
	const uint32_t *mask = run->mask;
	char *word;
	struct diag *d;

	mark_repeats(run, i, limit);
	if (run->n < 2 * min)
		return i;
	if (limit > run->n - 2 * min + 1)
		limit = run->n - 2 * min + 1;
	for (;;) {
		while (i < limit && mask[i] == 0)
			i++;
		if (i >= limit)
			break;
		if ((len = unit_at(run, i)) == 0) {
			i++;
			continue;
		}
		word = check_text(run->c->doc, run->off[i], run->off[i + len]);
		d = diag_add(run->c->out, run->r, run->off[i + len], run->off[i + 2 * len], "word",
		    word, NULL);
		free(word);
		if (d == NULL)
			return (size_t)-1;
		i += 2 * len;
	}
	return i;
}

/* Moves the window on: the code points from i on go to its front. */
static void
shift_window(struct rep_run *run, size_t i)
{
	memmove(run->cp, run->cp + i, (run->n - i) * sizeof(*run->cp));
	memmove(run->off, run->off + i, (run->n - i + 1) * sizeof(*run->off));
	run->n -= i;
}

/* Walks the span window by window; a position is looked at once the window holds two
 * whole units after it, or the rest of the span. */
static int
rep_span(const struct doc *doc, struct span sp, void *ctx)
{
	struct rep_run *run = ctx;
	size_t i = 0, pos = sp.start, look = 2 * (size_t)run->p->max_unit;
	bool done;

	(void)doc;
	run->n = 0;
	for (;;) {
		pos = fill_window(run, pos, sp.end);
		done = pos >= sp.end;
		i = scan_window(run, i, done ? run->n : run->n - look);
		if (i == (size_t)-1)
			return run->stop = 1;
		if (done)
			return 0;
		shift_window(run, i);
		i = 0;
	}
}

static void
rep_run(const struct rule *r, const struct check_ctx *c)
{
	struct rep_run run;
	size_t look = 2 * (size_t)((const struct rep_params *)r->params)->max_unit;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	run.p = r->params;
	run.cap = REP_WINDOW + look;
	run.cp = xmalloc(run.cap * sizeof(*run.cp));
	run.off = xmalloc((run.cap + 1) * sizeof(*run.off));
	run.mask = xmalloc(run.cap * sizeof(*run.mask));
	run.eq = xmalloc((run.cap + 1) * sizeof(*run.eq));
	(void)check_scope_each(c->doc, r->scope, rep_span, &run);
	free(run.cp);
	free(run.off);
	free(run.mask);
	free(run.eq);
}

const struct check_type chk_repeated_word = {
	"repeated-word",
	"reports a word of two or more Han characters written twice in a row",
	rep_parse,
	rep_run,
	rep_free,
	"报告连写两遍的两个及以上汉字的词",
};
