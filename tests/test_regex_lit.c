/* Unit tests: required-literal analysis (what it extracts, where it must give up) and the
 * property that matters: for every string of the default packs that compiles as a pattern,
 * regex_find with the literal skip finds exactly the matches plain PCRE2 finds on every
 * fixture text. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "decode.h"
#include "encoding.h"
#include "regex.h"
#include "regex_lit.h"
#include "testutil.h"

struct lit_case {
	const char *pattern;
	const char *lit;        /* NULL: no literal */
	size_t max_prefix;
};

static const struct lit_case lit_cases[] = {
	/* rules/text.yml TXT-005 and rules/terms.yml TERM-002 */
	{"[区县市州旗]委第(?:巡察|巡视)组", "委第", 4},
	{"([县市区州旗]委)巡察([一二三四五六七八九十]+)组", "巡察", 7},
	/* rules/docnumber.yml FMT-003: alternation at the top gives no literal */
	{"〔(?:19|20)\\d{2}〕\\s*\\d+\\s+号|〔\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2}\\s+〕", NULL, 0},
	/* rules/style.yml PUN-009: one character after a class */
	{"[\\x{4E00}-\\x{9FFF}\\x{3400}-\\x{4DBF}0-9][二三四五六七八九十]是(?![否的])", "是", 8},
	/* a literal inside a plain group counts; one inside an alternation does not */
	{"(?:整改)完成", "整改", 0},
	{"\\d+(整改完成)", "整改完成", REGEX_LIT_UNBOUNDED},
	{"(?:已|未)完成", "完成", 3},
	/* a quantified character leaves the run; an optional group does not count */
	{"ab?c", "a", 0},
	{"(?:整改)?完成", "完成", 6},
	{"x{2,3}已完成", "已完成", 3},
	{"\\x41通报", "通报", 4},
	{"\\.txt", ".txt", 0},
	/* lookarounds add no length and no literal */
	{"(?<=县委)第(?=四)", "第", 0},
	/* constructs the analysis does not model; "[:" may or may not open a POSIX class */
	{"[[:]x]y:]z", NULL, 0},
	{"(?i)notice", NULL, 0},
	{"(a)\\1完成", NULL, 0},
	{"完成\\K了", NULL, 0},
	{"\\G完成", NULL, 0},
	{"(*UCP)完成", NULL, 0},
	{"(?|a|b)完成", NULL, 0},
	{"a{,3}", NULL, 0},
	{"[\\d.]+", NULL, 0},
};

static void
test_literals(void **state)
{
	struct regex_lit lit;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lit_cases) / sizeof(lit_cases[0]); i++) {
		const struct lit_case *c = &lit_cases[i];
		bool found = regex_lit_analyse(c->pattern, &lit);

		if (c->lit == NULL) {
			if (found)
				fail_msg("%s: unexpected literal '%.*s'", c->pattern, (int)lit.len,
				    lit.text);
			assert_int_equal(lit.len, 0);
			continue;
		}
		if (!found)
			fail_msg("%s: no literal, expected '%s'", c->pattern, c->lit);
		if (lit.len != strlen(c->lit) || memcmp(lit.text, c->lit, lit.len) != 0)
			fail_msg("%s: literal '%.*s', expected '%s'", c->pattern, (int)lit.len,
			    lit.text, c->lit);
		if (lit.max_prefix != c->max_prefix)
			fail_msg("%s: max prefix %zu, expected %zu", c->pattern, lit.max_prefix,
			    c->max_prefix);
	}
}

/* regex_lit_find: the literal's first occurrence by its rare byte, at either end, across
 * near misses, and none where the text is too short. */
static void
test_find(void **state)
{
	struct regex_lit lit;
	const char *text = "县委巡察组县委第巡察组第四巡察组";
	const char *both = "委第";
	const char *ascii = "aaab";

	(void)state;
	assert_true(regex_lit_analyse("委第", &lit));
	assert_ptr_equal(regex_lit_find(&lit, text, strlen(text)), strstr(text, "委第"));
	assert_ptr_equal(regex_lit_find(&lit, both, strlen(both)), both);
	assert_null(regex_lit_find(&lit, text, 5));
	assert_null(regex_lit_find(&lit, both, 3));
	assert_true(regex_lit_analyse("第四巡察组", &lit));
	assert_ptr_equal(regex_lit_find(&lit, text, strlen(text)),
	    text + strlen(text) - strlen("第四巡察组"));
	assert_null(regex_lit_find(&lit, text, strlen(text) - 1));
	assert_true(regex_lit_analyse("ab", &lit));
	assert_int_equal(lit.rare, 1);
	assert_ptr_equal(regex_lit_find(&lit, ascii, 4), ascii + 2);
	assert_null(regex_lit_find(&lit, ascii, 3));
}

/* Texts every pattern is tried on: the seeds and the input fixtures, decoded. */
struct texts {
	char *v[64];
	size_t len[64];
	size_t n;
};

static void
read_texts(struct texts *t, const char *sub)
{
	char dir[512], rel[1024], *raw;
	struct decoded dec;
	size_t rawlen;
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/%s", NL_FIXTURES_DIR, sub);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL && t->n < 64) {
		size_t n = strlen(de->d_name);

		if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		snprintf(rel, sizeof(rel), "%s/%s", sub, de->d_name);
		raw = tu_read_fixture(rel, &rawlen);
		/* Decoded as the linter decodes it: the patterns only ever see valid UTF-8. */
		assert_int_equal(encoding_decode(&dec, (const unsigned char *)raw, rawlen, NULL), 0);
		t->v[t->n] = dec.text;
		t->len[t->n] = dec.len;
		free(dec.bad);
		free(raw);
		t->n++;
	}
	closedir(d);
}

/* Every match of re on text by plain PCRE2 (the same options as regex_compile), compared
 * one by one with regex_find's; returns the number of matches. */
static size_t
compare_matches(const char *pattern, const struct regex *re, const char *text, size_t len)
{
	int err;
	PCRE2_SIZE off, *ov;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C, &err, &off, NULL);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct regex_match m;
	size_t from = 0, n = 0;
	int want, got;

	assert_non_null(code);
	for (;;) {
		want = pcre2_match(code, (PCRE2_SPTR)text, len, from, PCRE2_NO_UTF_CHECK, md, NULL);
		got = regex_find(re, text, from, len, &m);
		if (want < 0 && want != PCRE2_ERROR_NOMATCH)
			break;     /* a resource limit: regex_find reports it its own way */
		if (want == PCRE2_ERROR_NOMATCH) {
			if (got != 0)
				fail_msg("%s: extra match at %zu", pattern, m.start);
			break;
		}
		ov = pcre2_get_ovector_pointer(md);
		if (got != 1 || m.start != ov[0] || m.end != ov[1])
			fail_msg("%s: PCRE2 matches [%zu, %zu), regex_find %d [%zu, %zu)", pattern,
			    (size_t)ov[0], (size_t)ov[1], got, m.start, m.end);
		n++;
		from = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		while (from < len && ((unsigned char)text[from] & 0xC0) == 0x80)
			from++;
		if (from > len)
			break;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	return n;
}

/* Tries one YAML scalar as a pattern on every text; counts patterns with a literal. */
static void
try_scalar(const char *s, const struct texts *t, size_t *with_lit, size_t *matches)
{
	struct regex_lit lit;
	struct regex *re;
	size_t off, i;
	char *err = NULL;

	if (!regex_lit_analyse(s, &lit))
		return;
	re = regex_compile(s, &err, &off);
	if (re == NULL) {
		free(err);
		return;
	}
	(*with_lit)++;
	for (i = 0; i < t->n; i++)
		*matches += compare_matches(s, re, t->v[i], t->len[i]);
	regex_free(re);
}

static void
scan_pack(const char *path, const struct texts *t, size_t *with_lit, size_t *matches)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	assert_non_null(f);
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	while (!done && yaml_parser_parse(&parser, &ev)) {
		done = ev.type == YAML_STREAM_END_EVENT;
		if (ev.type == YAML_SCALAR_EVENT)
			try_scalar((const char *)ev.data.scalar.value, t, with_lit, matches);
		yaml_event_delete(&ev);
	}
	assert_true(done);
	yaml_parser_delete(&parser);
	fclose(f);
}

/* Inputs the differential fuzz harness (fuzz/fuzz_regex.c) once failed on, kept as
 * fixtures/fuzz/regex-*.bin: "PATTERN\nSUBJECT", compared the harness's way. */
static void
test_fuzz_regressions(void **state)
{
	char dir[512], rel[1024], *raw, *nl, *err;
	struct dirent *de;
	struct decoded dec;
	struct regex *re;
	size_t len, off, seen = 0;
	DIR *d;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/fuzz", NL_FIXTURES_DIR);
	d = opendir(dir);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "regex-", 6) != 0)
			continue;
		snprintf(rel, sizeof(rel), "fuzz/%s", de->d_name);
		raw = tu_read_fixture(rel, &len);
		nl = memchr(raw, '\n', len);
		assert_non_null(nl);
		*nl = '\0';
		re = regex_compile(raw, &err, &off);
		assert_non_null(re);
		decode_utf8(&dec, (const unsigned char *)nl + 1, len - (size_t)(nl + 1 - raw));
		(void)compare_matches(raw, re, dec.text, dec.len);
		decoded_free(&dec);
		regex_free(re);
		free(raw);
		seen++;
	}
	closedir(d);
	assert_true(seen >= 1);
}

static void
test_default_pack_patterns(void **state)
{
	struct texts t = {{NULL}, {0}, 0};
	size_t with_lit = 0, matches = 0, i;
	char path[1024];
	struct dirent *de;
	DIR *d = opendir(tu_rules_dir());

	(void)state;
	read_texts(&t, "seeds");
	read_texts(&t, "input");
	assert_true(t.n >= 5);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);

		if (n < 5 || strcmp(de->d_name + n - 4, ".yml") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", tu_rules_dir(), de->d_name);
		scan_pack(path, &t, &with_lit, &matches);
	}
	closedir(d);
	/* The packs hold dozens of patterns with a literal, and they do match the seeds. */
	assert_true(with_lit >= 40);
	assert_true(matches >= 100);
	for (i = 0; i < t.n; i++)
		free(t.v[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literals),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_fuzz_regressions),
		cmocka_unit_test(test_default_pack_patterns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
