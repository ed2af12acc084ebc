/* Unit tests: the PCRE2 wrapper (UTF-8 offsets, lookbehind before the start offset, groups,
 * compile errors, and the match limit that stops catastrophic backtracking). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "regex.h"

static struct regex *
must_compile(const char *pattern)
{
	struct regex *re;
	size_t off;
	char *err;

	re = regex_compile(pattern, &err, &off);
	if (re == NULL)
		fail_msg("cannot compile %s: %s at %zu", pattern, err, off);
	return re;
}

static void
test_cjk_offsets(void **state)
{
	const char *text = "一是加大职业病监督检查力度,截止2024年1月31";
	struct regex *re = must_compile("截止(\\d{4})年");
	struct regex_match m;
	size_t at = (size_t)(strstr(text, "截止") - text);

	(void)state;
	assert_int_equal(regex_find(re, text, 0, strlen(text), &m), 1);
	assert_int_equal(m.start, at);
	assert_int_equal(m.end, at + strlen("截止2024年"));
	assert_int_equal(m.ngroups, 1);
	assert_int_equal(m.gstart[1], at + strlen("截止"));
	assert_int_equal(m.gend[1], at + strlen("截止2024"));
	assert_string_equal(regex_source(re), "截止(\\d{4})年");
	regex_free(re);
}

static void
test_ucp_classes(void **state)
{
	/* With UCP, \w and \p{Han} see CJK characters as word characters. */
	const char *text = "“一岗双责”";
	struct regex *re = must_compile("\\w+");
	struct regex_match m;

	(void)state;
	assert_int_equal(regex_find(re, text, 0, strlen(text), &m), 1);
	assert_int_equal(m.start, strlen("“"));
	assert_int_equal(m.end, strlen("“一岗双责"));
	regex_free(re);
}

static void
test_lookbehind_before_from(void **state)
{
	const char *ok = "二是合单位实际";
	const char *correct = "结合单位实际";
	struct regex *re = must_compile("(?<![结切])合单位实际");
	struct regex_match m;
	size_t from = strlen("二是");

	(void)state;
	assert_int_equal(regex_find(re, ok, from, strlen(ok), &m), 1);
	assert_int_equal(m.start, from);
	/* The lookbehind sees 结 although the search starts after it. */
	assert_int_equal(regex_find(re, correct, strlen("结"), strlen(correct), &m), 0);
	regex_free(re);
}

static void
test_end_bounds_subject(void **state)
{
	const char *text = "出国境证照";
	struct regex *re = must_compile("出国境(?!）)");
	struct regex_match m;

	(void)state;
	assert_int_equal(regex_find(re, text, 0, strlen("出国"), &m), 0);
	assert_int_equal(regex_find(re, text, 0, strlen(text), &m), 1);
	assert_int_equal(m.end, strlen("出国境"));
	assert_int_equal(regex_find(re, text, 4, 3, &m), 0);
	regex_free(re);
}

static void
test_unset_groups(void **state)
{
	const char *text = "截止目前";
	struct regex *re = must_compile("(截至)?(截止)(目前)?");
	struct regex_match m;

	(void)state;
	assert_int_equal(regex_find(re, text, 0, strlen(text), &m), 1);
	assert_int_equal(m.gstart[1], (size_t)-1);
	assert_int_equal(m.gend[1], (size_t)-1);
	assert_int_equal(m.gstart[2], 0);
	assert_int_equal(m.gstart[3], strlen("截止"));
	assert_int_equal(m.ngroups, 3);
	regex_free(re);
}

static void
test_compile_error(void **state)
{
	struct regex *re;
	size_t off = 99;
	char *err = NULL;

	(void)state;
	re = regex_compile("截止(目前", &err, &off);
	assert_null(re);
	assert_non_null(err);
	assert_non_null(strstr(err, "parenthes"));
	assert_int_equal(off, strlen("截止(目前"));
	free(err);
	/* \C could split a code point; it is refused at compile time. */
	re = regex_compile("a\\Cb", &err, &off);
	assert_null(re);
	free(err);
}

static void
test_match_limit(void **state)
{
	struct regex *re = must_compile("(a+)+$");
	struct regex_match m;
	char text[64];
	clock_t t0;

	(void)state;
	memset(text, 'a', sizeof(text) - 2);
	text[sizeof(text) - 2] = 'b';
	text[sizeof(text) - 1] = '\0';
	t0 = clock();
	assert_int_equal(regex_find(re, text, 0, strlen(text), &m), -1);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
	/* The same pattern still works on a subject it can settle. */
	assert_int_equal(regex_find(re, "aaa", 0, 3, &m), 1);
	regex_free(re);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cjk_offsets),
		cmocka_unit_test(test_ucp_classes),
		cmocka_unit_test(test_lookbehind_before_from),
		cmocka_unit_test(test_end_bounds_subject),
		cmocka_unit_test(test_unset_groups),
		cmocka_unit_test(test_compile_error),
		cmocka_unit_test(test_match_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
