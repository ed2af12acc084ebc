/* Unit tests: the widest reach of a pattern's match, construct by construct, and unbounded
 * for what it does not model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "pattern_width.h"

#define U PATTERN_WIDTH_UNBOUNDED

static const struct {
	const char *pattern;
	size_t width;
} cases[] = {
	{"巡察组", 9},
	{"ab|巡察", 6},
	{"x{3}", 3},
	{"(?:a|bc){2,3}", 6},
	{"[一二三]{1,3}是", 12},
	{"截至[^，,。；;]{1,20}[，,]", 89},          /* a negated class takes any character */
	{"[a-z0-9]", 1},
	{"[，,]", 3},
	{"[\\x{4e00}-\\x{9fff}]", 4},
	{"[]a]", 1},                                   /* ] first is a member */
	{"[^]a]", 4},
	{"\\x{4E00}\\x41B", 6},                        /* \x41 is at most two bytes */
	{"\\d\\s\\p{Han}\\pL.", 20},
	{"(?:从|将)\\s?$", 7},
	{"^\\b第\\B", 3},                              /* assertions take nothing */
	{"(?<![“\"‘「])(?:一岗双责|三重一大)(?![”\"’」])", 12},
	{"\\d(?=名干部)", 13},                          /* a lookahead reads past the match */
	{"(?#a note)ab", 2},
	{"(?s)关于.{0,4}通报", 28},
	{"(?<y>\\d{4})年", 19},
	{"a{,3}", 5},                                  /* at most 3 bytes once read as a repeat */
	{"a{", 2},
	/* unbounded: open repeats and what it does not model */
	{"[^。]*巡察组", U},
	{"^\\s*前", U},
	{"x{2,}", U},
	{"(a)\\1", U},
	{"(?i)abc", U},
	{"\\Qa\\E", U},
	{"\\X", U},
	{"(*UCP)a", U},
	{"(abc", U},
	{"[abc", U},
	{"abc)", U},
	{"a\\", U},
};

static void
test_widths(void **state)
{
	size_t i, w;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		w = pattern_max_width(cases[i].pattern);
		if (w != cases[i].width)
			fail_msg("%s: width %zu, expected %zu", cases[i].pattern, w, cases[i].width);
	}
}

/* Nesting beyond what it follows is unbounded, not a deep recursion. */
static void
test_deep_nesting(void **state)
{
	char p[400];
	size_t i;

	(void)state;
	for (i = 0; i < 150; i++)
		p[i] = '(';
	p[150] = 'a';
	for (i = 0; i < 150; i++)
		p[151 + i] = ')';
	p[301] = '\0';
	assert_int_equal(pattern_max_width(p), U);
	assert_int_equal(pattern_max_width("((((a))))"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_deep_nesting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
