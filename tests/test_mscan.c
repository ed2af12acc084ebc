/* Unit tests: the Vectorscan prefilter. Which patterns the rewrite takes and into what;
 * which ones the database accepts and why the others fall back; that its candidates never
 * hide a match PCRE2 finds (every default pattern over every seed, whole text and line by
 * line); serialisation round trips and stale copies; the engine each rule reports. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "mscan.h"
#include "mscan_expr.h"
#include "pattern_width.h"
#include "regex.h"
#include "rulescan.h"
#include "testutil.h"
#include "xalloc.h"

#define D "[0-9\\x{80}-\\x{2fff}\\x{3040}-\\x{33ff}\\x{4dc0}-\\x{4dff}\\x{a000}-\\x{ff00}" \
	"\\x{ff10}-\\x{ff19}\\x{ff21}-\\x{10ffff}]"

struct expr_case {
	const char *pattern;
	const char *expr;      /* NULL: not modelled */
};

static const struct expr_case expr_cases[] = {
	{"巡察组", "巡察组"},
	/* a leading optional piece (and the ^ before it) goes, so does a trailing one */
	{"[^。]*?反馈了?", "反馈"},
	{"^\\s*前(?:完成|建成)", "前(?:完成|建成)"},
	{"^个$", "^个"},
	{"(?:从|将)\\s*$", "(?:从|将)"},
	/* an open repeat after a kept piece ends the run (inside a group it does not) */
	{"截至[^，,。；;]{1,20}[，,]", "截至"},
	{"截至([^，,。；;]{1,20})[，,]", "截至(?:[^，,。；;]+)[，,]"},
	/* the content of a trailing lookahead keeps its leading optional pieces */
	{"\\d(?=(?:西医)?医师)", D "(?:(?:西医)?医师)"},
	/* long bounded repeats open, short ones stay */
	{"[一二三]{1,3}是", "[一二三]{1,3}是"},
	{"(?:x[一二三]{0,12}是)", "(?:x[一二三]*是)"},
	/* \d widened, a trailing lookahead matched as text, lookbehinds dropped */
	{"(?<![\\d.])\\d(?=名干部)", D "(?:名干部)"},
	/* a lookahead before more pieces is dropped; branches are trimmed one by one */
	{"第(?=四)组|巡察(?!办)", "第组|巡察"},
	/* a negated class keeps its members; \p inside it is dropped; capture names go */
	{"(?<y>\\d{4})年[^\\p{Han}，]", "(?:" D "{4})年[^，]"},
	{"(?s)关于.+通报", "(?s)关于"},
	/* constructs it does not model */
	{"(?i:https?://)", NULL},
	{"(a)\\1完成", NULL},
	{"\\Q(\\E完成", NULL},
	{"[[:alpha:]]完成", NULL},
	{"(*UCP)完成", NULL},
	{"(?(1)a|b)", NULL},
	{"{found}", NULL},
	{"a{,3}b", NULL},
};

static void
test_expressions(void **state)
{
	const char *why;
	size_t i;
	char *e;

	(void)state;
	for (i = 0; i < sizeof(expr_cases) / sizeof(expr_cases[0]); i++) {
		const struct expr_case *c = &expr_cases[i];

		e = mscan_expr(c->pattern, &why, NULL);
		if (c->expr == NULL) {
			if (e != NULL)
				fail_msg("%s: rewritten to %s, expected none", c->pattern, e);
			assert_non_null(why);
			continue;
		}
		if (e == NULL)
			fail_msg("%s: not rewritten (%s), expected %s", c->pattern, why, c->expr);
		if (strcmp(e, c->expr) != 0)
			fail_msg("%s: rewritten to\n  %s\nexpected\n  %s", c->pattern, e, c->expr);
		free(e);
	}
}

/* Accepted patterns and the three reasons for falling back. */
static void
test_accepted(void **state)
{
	static const char *const patterns[] = {
		"巡察组", "(?i)notice", "\\S", "x*", "(?:已|未)完成整改",
	};
	struct mscan *ms = mscan_build(patterns, 5);

	(void)state;
	assert_int_equal(mscan_count(ms), 5);
	assert_true(mscan_accepted(ms, 0));
	assert_null(mscan_reason(ms, 0));
	assert_false(mscan_accepted(ms, 1));                  /* not modelled */
	assert_non_null(strstr(mscan_reason(ms, 1), "option"));
	assert_false(mscan_accepted(ms, 2));                  /* matches nearly everywhere */
	assert_string_equal(mscan_reason(ms, 2), "matches nearly everywhere");
	assert_false(mscan_accepted(ms, 3));                  /* empty: Vectorscan refuses */
	assert_non_null(mscan_reason(ms, 3));
	assert_true(mscan_accepted(ms, 4));
	assert_false(mscan_accepted(ms, 5));                  /* out of range */
	mscan_free(ms);
}

/* Where a match may end, on a small text: ends after the literal, none before. */
static void
test_may_match(void **state)
{
	static const char *const patterns[] = {"巡察组", "(?i)x"};
	const char *text = "县委第一巡察组进驻，巡察组反馈。";
	size_t first = strstr(text, "巡察组") - text, len = strlen(text);
	struct mscan *ms = mscan_build(patterns, 2);
	struct mscan_hits h;

	(void)state;
	mscan_scan(ms, text, len, &h);
	assert_ptr_equal(h.text, text);
	assert_non_null(h.ends);
	assert_int_equal(h.ends[0].n, 2);
	assert_int_equal(h.ends[0].v[0], first + strlen("巡察组"));
	assert_true(mscan_may_match(&h, 0, 0, len));
	assert_true(mscan_may_match(&h, 0, first, first + 9));
	assert_false(mscan_may_match(&h, 0, 0, first + 8));        /* ends after end */
	assert_false(mscan_may_match(&h, 0, len - 3, len));        /* none after from */
	assert_true(mscan_may_match(&h, 1, 0, 1));                 /* not in the database */
	assert_true(mscan_may_match(NULL, 0, 0, 1));
	mscan_hits_free(&h);
	mscan_free(ms);
}

/* Whether a rewrite keeps the start of every match: not when a leading piece goes. */
static void
test_expression_starts(void **state)
{
	static const struct {
		const char *pattern;
		bool starts;
	} cases[] = {
		{"巡察组", true},
		{"(?<![\\d.])\\d(?=名干部)", true},       /* lookarounds do not move the start */
		{"第(?=四)组|巡察(?!办)", true},
		{"截至[^，,。；;]{1,20}[，,]", true},       /* the end may be cut, not the start */
		{"[^。]*?反馈了?", false},
		{"^\\s*前(?:完成|建成)", false},
		{"巡察组|(?:县委)?第[一二三]组", false},    /* one branch lost its lead */
	};
	const char *why;
	bool starts;
	size_t i;
	char *e;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		starts = !cases[i].starts;
		e = mscan_expr(cases[i].pattern, &why, &starts);
		assert_non_null(e);
		if (starts != cases[i].starts)
			fail_msg("%s: starts %d, expected %d", cases[i].pattern, starts,
			    cases[i].starts);
		free(e);
	}
}

/* Lists the windows of pattern i from from to end as "a-b " pairs into buf. */
static void
windows_of(const struct mscan_hits *h, size_t i, size_t from, size_t end, char *buf,
		size_t size)
{
	struct mscan_cursor c;
	size_t a, b, n = 0;

	buf[0] = '\0';
	assert_true(mscan_windows(h, i, from, &c));
	while (mscan_next_window(h, i, &c, from, end, &a, &b) && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%zu-%zu ", a, b);
}

/* Where a match can start: one window per end a fixed-width pattern has, windows of a
 * pattern of varying width joined where they touch, none for an unbounded start. */
static void
test_windows(void **state)
{
	static const char *const patterns[] = {"巡察组", "[一二三]{1,3}是", "[^。]*?反馈了?",
		"(?:整改[^。]*完成)", "(?:县委)?巡察组"};
	const char *text = "巡察组巡察组，巡察组。一是二是，反馈整改已完成";
	struct mscan *ms = mscan_build(patterns, 5);
	struct mscan_hits h;
	struct mscan_cursor c;
	char buf[256];

	(void)state;
	mscan_scan(ms, text, strlen(text), &h);
	windows_of(&h, 0, 0, strlen(text), buf, sizeof(buf));
	assert_string_equal(buf, "0-0 9-9 21-21 ");
	windows_of(&h, 0, 1, strlen(text), buf, sizeof(buf));     /* from past the first */
	assert_string_equal(buf, "9-9 21-21 ");
	windows_of(&h, 0, 0, 20, buf, sizeof(buf));               /* end before the third */
	assert_string_equal(buf, "0-0 9-9 ");
	windows_of(&h, 1, 0, strlen(text), buf, sizeof(buf));     /* 一是 ends at 39, 二是 at 45 */
	assert_string_equal(buf, "27-39 ");
	assert_false(mscan_windows(&h, 2, 0, &c));               /* its lead was dropped */
	assert_false(mscan_windows(&h, 3, 0, &c));               /* unbounded width */
	windows_of(&h, 4, 0, strlen(text), buf, sizeof(buf));     /* a lead of 6 bytes dropped */
	assert_string_equal(buf, "0-0 3-9 15-21 ");
	mscan_hits_free(&h);
	mscan_free(ms);
}

/* A bounded pattern whose candidates fail before one that holds: the window search finds
 * the same leftmost match as PCRE2 alone, lookbehind and lookahead included. */
static void
test_window_search(void **state)
{
	static const char *const patterns[] = {"(?<!“)(?:一岗双责|回头看)(?!”)"};
	const char *text = "落实“一岗双责”，开展“回头看”，再次开展回头看工作。";
	struct regex *re;
	struct mscan *ms = mscan_build(patterns, 1);
	struct mscan_hits h;
	struct regex_match a, b;
	char *err;
	size_t off, len = strlen(text);
	struct mscan_cursor c;

	(void)state;
	re = regex_compile(patterns[0], &err, &off);
	assert_non_null(re);
	regex_set_scan_id(re, 0);
	mscan_scan(ms, text, len, &h);
	assert_true(mscan_windows(&h, 0, 0, &c));
	regex_bind_hits(NULL);
	assert_int_equal(regex_find(re, text, 0, len, &a), 1);
	regex_bind_hits(&h);
	assert_int_equal(regex_find(re, text, 0, len, &b), 1);
	assert_int_equal(a.start, b.start);
	assert_int_equal(a.end, b.end);
	assert_int_equal(b.start, strstr(text, "再次开展回头看") - text + strlen("再次开展"));
	assert_int_equal(regex_find(re, text, b.end, len, &b), 0);
	assert_int_equal(regex_find(re, text, 0, b.start + 8, &b), 0);  /* the end cuts it */
	regex_bind_hits(NULL);
	mscan_hits_free(&h);
	mscan_free(ms);
	regex_free(re);
}

/* A quoted span after 0-299 bytes of text, for the quotation patterns of PUN-011: the
 * scan must see every one (Vectorscan 5.4.9's AVX-512 code missed all that came after 64
 * bytes; the AVX2 entry points it is called through find them). */
static void
test_quote_after_64_bytes(void **state)
{
	static const char *const patterns[] = {
		"(?<![A-Za-z0-9=\"])\"([^\"\\n]*?\\p{Han}[^\"\\n]*?)\"", "\"([^x\\n]*看)\"",
	};
	struct mscan *ms = mscan_build(patterns, 2);
	struct mscan_hits h;
	char buf[320];
	size_t n, i, missed = 0;

	(void)state;
	assert_true(mscan_accepted(ms, 0));
	assert_true(mscan_accepted(ms, 1));
	for (n = 0; n < 300; n++) {
		memset(buf, n % 2 ? 'a' : '\n', n);
		memcpy(buf + n, "\"看\"", 5);
		mscan_scan(ms, buf, n + 5, &h);
		assert_non_null(h.ends);
		for (i = 0; i < 2; i++)
			missed += !mscan_may_match(&h, i, n, n + 5);
		mscan_hits_free(&h);
	}
	assert_int_equal(missed, 0);
	mscan_free(ms);
}

/* The seeds, decoded. */
struct texts {
	char *v[8];
	size_t len[8];
	size_t n;
};

static void
read_seeds(struct texts *t)
{
	char dir[512], rel[600], *raw;
	struct decoded dec;
	struct dirent *de;
	size_t n;
	DIR *d;

	t->n = 0;
	snprintf(dir, sizeof(dir), "%s/seeds", NL_FIXTURES_DIR);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL && t->n < 8) {
		n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(rel, sizeof(rel), "seeds/%s", de->d_name);
		raw = tu_read_fixture(rel, &n);
		decode_utf8(&dec, (const unsigned char *)raw, n);
		t->v[t->n] = xstrndup(dec.text, dec.len);
		t->len[t->n++] = dec.len;
		decoded_free(&dec);
		free(raw);
	}
	closedir(d);
	assert_int_equal(t->n, 5);
}

/* Every match of re in text[from, end), with and without the bound hits, must agree. */
static void
compare_span(struct regex *re, const struct mscan_hits *h, const char *text, size_t from,
		size_t end)
{
	struct regex_match a, b;
	size_t pos = from;
	int ra, rb;

	while (pos <= end) {
		regex_bind_hits(NULL);
		ra = regex_find(re, text, pos, end, &a);
		regex_bind_hits(h);
		rb = regex_find(re, text, pos, end, &b);
		regex_bind_hits(NULL);
		if (ra != rb || (ra == 1 && (a.start != b.start || a.end != b.end)))
			fail_msg("%s at %zu..%zu: PCRE2 %d [%zu,%zu), prefiltered %d [%zu,%zu)",
			    regex_source(re), pos, end, ra, ra == 1 ? a.start : 0,
			    ra == 1 ? a.end : 0, rb, rb == 1 ? b.start : 0, rb == 1 ? b.end : 0);
		if (ra != 1)
			return;
		if (a.end - a.start > pattern_max_width(regex_source(re)))
			fail_msg("%s: a match of %zu bytes, wider than its width %zu",
			    regex_source(re), a.end - a.start, pattern_max_width(regex_source(re)));
		pos = a.end > a.start ? a.end : a.end + 1;
		while (pos < end && ((unsigned char)text[pos] & 0xC0) == 0x80)
			pos++;
	}
}

/* The default pack's patterns: the prefiltered search finds exactly what PCRE2 finds, on
 * the whole of each seed and on each of its lines. */
static void
test_default_patterns(void **state)
{
	static const char *const packs[] = {"structure.yml", "counts.yml", "dates.yml",
		"punctuation.yml", "terms.yml", "text.yml", "style.yml", "items.yml",
		"integrity.yml", "extraction.yml", "docnumber.yml", "privacy.yml"};
	struct ruleset rs;
	struct texts t;
	struct mscan_hits h;
	size_t i, r, k, accepted = 0, start, end;

	(void)state;
	tu_load_packs(&rs, packs, sizeof(packs) / sizeof(packs[0]));
	rs.scan = rulescan_build(&rs);
	for (i = 0; i < mscan_count(rs.scan); i++)
		accepted += mscan_accepted(rs.scan, i);
	assert_true(accepted >= 30);
	read_seeds(&t);
	for (i = 0; i < t.n; i++) {
		mscan_scan(rs.scan, t.v[i], t.len[i], &h);
		for (r = 0; r < rs.n; r++)
			for (k = 0; k < rs.v[r]->nregexes; k++) {
				struct regex *re = rs.v[r]->regexes[k];

				compare_span(re, &h, t.v[i], 0, t.len[i]);
				for (start = 0; start < t.len[i]; start = end + 1) {
					end = start;
					while (end < t.len[i] && t.v[i][end] != '\n')
						end++;
					compare_span(re, &h, t.v[i], start, end);
				}
			}
		mscan_hits_free(&h);
		free(t.v[i]);
	}
	ruleset_free(&rs);
}

/* A serialised database scans the same; a changed byte, a cut copy or another pattern
 * list is refused. */
static void
test_serialize(void **state)
{
	static const char *const patterns[] = {"巡察组", "(?i)x", "整改[^。]*完成"};
	static const char *const other[] = {"巡察组", "(?i)x", "整改[^。]*完毕"};
	const char *text = "巡察组反馈问题，整改已经完成。";
	struct mscan *ms = mscan_build(patterns, 3), *back;
	struct mscan_hits a, b;
	char *bytes;
	size_t len, i;

	(void)state;
	assert_int_equal(mscan_serialize(ms, &bytes, &len), 0);
	back = mscan_deserialize(bytes, len, patterns, 3);
	assert_non_null(back);
	for (i = 0; i < 3; i++) {
		assert_int_equal(mscan_accepted(back, i), mscan_accepted(ms, i));
		if (!mscan_accepted(ms, i))
			assert_string_equal(mscan_reason(back, i), mscan_reason(ms, i));
	}
	mscan_scan(ms, text, strlen(text), &a);
	mscan_scan(back, text, strlen(text), &b);
	for (i = 0; i < 3; i++) {
		assert_int_equal(a.ends[i].n, b.ends[i].n);
		if (a.ends[i].n > 0)
			assert_memory_equal(a.ends[i].v, b.ends[i].v, a.ends[i].n * sizeof(uint32_t));
	}
	assert_int_equal(a.ends[2].n, 1);
	{                                             /* the widths come back too */
		struct mscan_cursor ca, cb;

		assert_true(mscan_windows(&a, 0, 0, &ca));
		assert_true(mscan_windows(&b, 0, 0, &cb));
		assert_int_equal(ca.minw, cb.minw);
		assert_int_equal(ca.maxw, cb.maxw);
		assert_false(mscan_windows(&b, 1, 0, &cb));   /* not in the database */
	}
	mscan_hits_free(&a);
	mscan_hits_free(&b);
	mscan_free(back);
	assert_null(mscan_deserialize(bytes, len, other, 3));
	assert_null(mscan_deserialize(bytes, len, patterns, 2));
	assert_null(mscan_deserialize(bytes, len - 1, patterns, 3));
	assert_null(mscan_deserialize(bytes, 12, patterns, 3));
	bytes[0] ^= 1;
	assert_null(mscan_deserialize(bytes, len, patterns, 3));
	bytes[0] ^= 1;
	bytes[len - 20] ^= 0x55;                      /* inside Vectorscan's own bytes */
	back = mscan_deserialize(bytes, len, patterns, 3);
	mscan_free(back);                             /* refused or rebuilt: never a crash */
	free(bytes);
	mscan_free(ms);
}

/* --timing's engine names, and binding a deserialised copy to the rule set. */
static void
test_engines(void **state)
{
	struct ruleset rs;
	struct load_errors errs;
	const char **v;
	char *bytes;
	size_t n, len;
	struct mscan *copy;

	(void)state;
	assert_int_equal(tu_load_inline_pack(&rs, &errs,
	    "rules:\n"
	    "  - {id: T-001, check: existence, level: warning, message: {zh: 甲, en: a},\n"
	    "     description: d, source: s, pattern: 巡察组, examples: {flag: [巡察组]}}\n"
	    "  - {id: T-002, check: existence, level: warning, message: {zh: 甲, en: a},\n"
	    "     description: d, source: s, pattern: \"(?i)x\", examples: {flag: [x]}}\n"
	    "  - {id: T-003, check: existence, level: warning, message: {zh: 甲, en: a},\n"
	    "     description: d, source: s, pattern: 巡察组, unless: \"(?i)y\",\n"
	    "     examples: {flag: [巡察组]}}\n"), 0);
	assert_string_equal(rulescan_engine(rs.v[0]), "pcre2");
	rs.scan = rulescan_build(&rs);
	assert_string_equal(rulescan_engine(rs.v[0]), "vectorscan");
	assert_string_equal(rulescan_engine(rs.v[1]), "pcre2");
	assert_string_equal(rulescan_engine(rs.v[2]), "vectorscan+pcre2");
	n = rulescan_patterns(&rs, &v);
	assert_int_equal(n, 3);                       /* 巡察组 once */
	assert_int_equal(mscan_serialize(rs.scan, &bytes, &len), 0);
	copy = mscan_deserialize(bytes, len, v, n);
	assert_non_null(copy);
	assert_int_equal(rulescan_bind(&rs, copy), 0);
	mscan_free(rs.scan);
	rs.scan = copy;
	assert_string_equal(rulescan_engine(rs.v[0]), "vectorscan");
	free(v);
	free(bytes);
	ruleset_free(&rs);
	load_errors_free(&errs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_expressions),
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_may_match),
		cmocka_unit_test(test_expression_starts),
		cmocka_unit_test(test_windows),
		cmocka_unit_test(test_window_search),
		cmocka_unit_test(test_quote_after_64_bytes),
		cmocka_unit_test(test_default_patterns),
		cmocka_unit_test(test_serialize),
		cmocka_unit_test(test_engines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
