/* Unit tests: the strict rule-pack loader. Each broken pack in fixtures/rulepacks/ (or an
 * inline pack written to a temporary file) must fail with its catalogue id at line:col. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "limits.h"
#include "rule_load.h"
#include "rules.h"
#include "testutil.h"

struct load_case {
	const char *file;      /* under fixtures/rulepacks/ */
	const char *id;        /* the first error's id */
	unsigned line, col;
	size_t nerrors;
};

static const struct load_case cases[] = {
	{"unknown-key.yml", "rule-unknown-key", 9, 5, 1},
	{"duplicate-key.yml", "rule-duplicate-key", 10, 5, 1},
	{"missing-key.yml", "rule-missing-key", 2, 5, 1},
	{"missing-message-en.yml", "rule-missing-key", 6, 7, 1},
	{"wrong-type.yml", "rule-wrong-type", 5, 14, 2},
	{"bad-value.yml", "rule-bad-value", 9, 12, 1},
	{"bad-level.yml", "rule-bad-level", 4, 12, 1},
	{"bad-scope.yml", "rule-bad-scope", 5, 12, 1},
	{"unknown-check.yml", "rule-unknown-check", 3, 12, 1},
	{"bad-id.yml", "rule-bad-id", 2, 9, 1},
	{"bad-regex.yml", "rule-bad-regex", 8, 14, 1},
	{"yaml-syntax.yml", "rule-yaml-syntax", 5, 5, 1},
	{"too-deep.yml", "rule-too-deep", 1, 39, 1},
	{"alias.yml", "rule-alias", 2, 5, 1},
	{"not-a-list.yml", "rule-not-a-list", 3, 3, 1},
	{"no-flag-example.yml", "rule-bad-value", 10, 13, 1},
	{"substitution-both.yml", "rule-bad-value", 11, 7, 1},
	{"required-max-below-min.yml", "rule-bad-value", 10, 10, 1},
	{"bad-lexicon.yml", "rule-bad-value", 14, 72, 1},
};

static char *
fixture_path(const char *rel)
{
	size_t n = strlen(NL_FIXTURES_DIR) + strlen(rel) + 16;
	char *path = malloc(n);

	assert_non_null(path);
	snprintf(path, n, "%s/rulepacks/%s", NL_FIXTURES_DIR, rel);
	return path;
}

static void
test_broken_packs(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	size_t i;
	char *path;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&rs, 0, sizeof(rs));
		memset(&errs, 0, sizeof(errs));
		errs.lang = LANG_EN;
		path = fixture_path(cases[i].file);
		if (rules_load_file(&rs, path, &errs) != -1)
			fail_msg("%s: loaded without error", cases[i].file);
		if (errs.n != cases[i].nerrors || strcmp(errs.v[0].id, cases[i].id) != 0 ||
		    errs.v[0].line != cases[i].line || errs.v[0].col != cases[i].col)
			fail_msg("%s: got %zu errors, first %s at %u:%u (%s)", cases[i].file, errs.n,
			    errs.v[0].id, errs.v[0].line, errs.v[0].col, errs.v[0].message);
		assert_string_equal(errs.v[0].file, path);
		assert_int_equal(rs.n, 0);
		free(path);
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
}

/* Loads one pack file and returns its errors (in English). */
static void
load_one(const char *path, struct ruleset *rs, struct load_errors *errs)
{
	memset(rs, 0, sizeof(*rs));
	memset(errs, 0, sizeof(*errs));
	errs->lang = LANG_EN;
	(void)rules_load_file(rs, path, errs);
}

static void
test_messages_name_the_problem(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	char *path;

	(void)state;
	path = fixture_path("duplicate-key.yml");
	load_one(path, &rs, &errs);
	assert_string_equal(errs.v[0].message, "duplicate key 'level' (first at line 4)");
	load_errors_free(&errs);
	ruleset_free(&rs);
	free(path);
	path = fixture_path("wrong-type.yml");
	load_one(path, &rs, &errs);
	assert_string_equal(errs.v[0].message, "'message' must be a mapping (key: value)");
	assert_string_equal(errs.v[1].message, "'limit' must be an integer");
	assert_int_equal(errs.v[1].line, 9);
	assert_int_equal(errs.v[1].col, 12);
	load_errors_free(&errs);
	ruleset_free(&rs);
	free(path);
	path = fixture_path("bad-regex.yml");
	load_one(path, &rs, &errs);
	assert_non_null(strstr(errs.v[0].message, "pattern offset 13:"));
	assert_non_null(strstr(errs.v[0].message, "parenthes"));
	load_errors_free(&errs);
	free(path);
	ruleset_free(&rs);
}

static void
test_good_pack(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	struct rule *r;
	char *path = fixture_path("good.yml");

	(void)state;
	load_one(path, &rs, &errs);
	assert_int_equal(errs.n, 0);
	assert_int_equal(rs.n, 3);
	r = ruleset_find(&rs, "T-EXIST");
	assert_non_null(r);
	assert_ptr_equal(r->check, check_find("existence"));
	assert_int_equal(r->level, LEVEL_ERROR);
	assert_int_equal(r->pack_level, LEVEL_ERROR);
	assert_int_equal(r->scope, SCOPE_DOCUMENT);
	assert_true(r->enabled);
	assert_string_equal(r->message_en, "'{match}' lacks the team number");
	assert_int_equal(r->line, 5);
	assert_int_equal(r->col, 5);
	assert_int_equal(r->nflag, 1);
	assert_string_equal(r->flag[0].text, "区委第巡察组于3月24日进驻。");
	assert_int_equal(r->flag[0].line, 18);
	assert_int_equal(r->flag[0].col, 14);
	r = ruleset_find(&rs, "T-SUBST");
	assert_non_null(r);
	assert_int_equal(r->nflag, 1);
	assert_int_equal(r->npass, 1);
	assert_int_equal(r->level, LEVEL_WARNING);
	r = ruleset_find(&rs, "T-REQ");
	assert_non_null(r);
	assert_false(r->enabled);
	assert_int_equal(r->npass, 0);
	assert_null(ruleset_find(&rs, "T-NONE"));
	ruleset_free(&rs);
	free(path);
}

static void
test_duplicate_id_across_files(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	char *dir = fixture_path("dupdir");
	char first[4096];

	(void)state;
	memset(&rs, 0, sizeof(rs));
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_EN;
	assert_int_equal(rules_load_dir(&rs, dir, &errs), -1);
	/* a.yml loads first (sorted names); README.txt is not a pack. */
	assert_int_equal(rs.n, 2);
	assert_string_equal(rs.v[0]->id, "T-SAME");
	assert_string_equal(rs.v[1]->id, "T-OTHER");
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].id, "rule-duplicate-id");
	assert_non_null(strstr(errs.v[0].file, "dupdir/b.yaml"));
	assert_int_equal(errs.v[0].line, 11);
	assert_int_equal(errs.v[0].col, 9);
	snprintf(first, sizeof(first), "duplicate rule id 'T-SAME' (first defined at %s/a.yml:2:5)",
	    dir);
	assert_string_equal(errs.v[0].message, first);
	load_errors_free(&errs);
	ruleset_free(&rs);
	free(dir);
}

struct inline_case {
	const char *text;
	const char *id;
	unsigned line, col;
};

static const struct inline_case inline_cases[] = {
	{"", "rule-not-a-list", 1, 1},
	{"- id: T-1\n", "rule-not-a-list", 1, 1},
	{"pack: p\n", "rule-not-a-list", 1, 1},
	{"rules: []\n---\nrules: []\n", "rule-yaml-syntax", 2, 1},
	{"rules: []\n[a, b]: 1\n", "rule-bad-key", 2, 1},
	{"rules: []\nextra: 1\n", "rule-unknown-key", 2, 1},
	{"rules:\n  - just a string\n", "rule-wrong-type", 2, 5},
	{"rules: [{id: T-1, check: existence, level: error, message: {zh: a, en: b},\n"
	 "  description: d, source: s, pattern: x, enabled: yes, examples: {flag: [x]}}]\n",
	 "rule-wrong-type", 2, 51},
	{"pack: \"a\\0b\"\nrules: []\n", "rule-wrong-type", 1, 7},
	/* Billion laughs: refused at the first anchor, before anything is expanded. */
	{"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
	 "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nrules: [*c]\n", "rule-alias", 1, 4},
	{"rules: []\n\xff\xfe\n", "rule-yaml-syntax", 2, 1},
};

static void
test_inline_packs(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(inline_cases) / sizeof(inline_cases[0]); i++) {
		(void)tu_load_inline_pack(&rs, &errs, inline_cases[i].text);
		if (errs.n == 0 || strcmp(errs.v[0].id, inline_cases[i].id) != 0 ||
		    errs.v[0].line != inline_cases[i].line || errs.v[0].col != inline_cases[i].col)
			fail_msg("case %zu: got %zu errors, first %s at %u:%u (%s)", i, errs.n,
			    errs.n ? errs.v[0].id : "-", errs.n ? errs.v[0].line : 0,
			    errs.n ? errs.v[0].col : 0, errs.n ? errs.v[0].message : "");
		load_errors_free(&errs);
		ruleset_free(&rs);
	}
}

static void
test_unreadable_and_oversized(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	char *path, *big;
	size_t n = NL_MAX_RULE_FILE_BYTES + 1;

	(void)state;
	load_one("/nonexistent/noticelint/pack.yml", &rs, &errs);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].id, "rule-file-unreadable");
	assert_int_equal(errs.v[0].line, 0);
	assert_non_null(strstr(errs.v[0].message, "No such file"));
	load_errors_free(&errs);
	load_one(NL_FIXTURES_DIR "/rulepacks", &rs, &errs);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].id, "rule-file-unreadable");
	load_errors_free(&errs);
	big = malloc(n);
	assert_non_null(big);
	memset(big, '#', n);
	path = tu_temp_file(big, n);
	load_one(path, &rs, &errs);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].id, "rule-file-too-large");
	unlink(path);
	free(path);
	free(big);
	load_errors_free(&errs);
	memset(&rs, 0, sizeof(rs));
	memset(&errs, 0, sizeof(errs));
	assert_int_equal(rules_load_dir(&rs, "/nonexistent/noticelint", &errs), -1);
	assert_string_equal(errs.v[0].id, "rule-file-unreadable");
	load_errors_free(&errs);
}

static void
test_chinese_messages(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	char *path = fixture_path("unknown-key.yml");

	(void)state;
	memset(&rs, 0, sizeof(rs));
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_ZH;
	assert_int_equal(rules_load_file(&rs, path, &errs), -1);
	assert_string_equal(errs.v[0].message, "未知的键“patern”");
	load_errors_free(&errs);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_broken_packs),
		cmocka_unit_test(test_messages_name_the_problem),
		cmocka_unit_test(test_good_pack),
		cmocka_unit_test(test_duplicate_id_across_files),
		cmocka_unit_test(test_inline_packs),
		cmocka_unit_test(test_unreadable_and_oversized),
		cmocka_unit_test(test_chinese_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
