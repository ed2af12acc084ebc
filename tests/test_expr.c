/* Unit tests: the expression language of arithmetic rules (parse errors, precedence,
 * comparisons with tolerance, above()/below(), unbound names). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "expr.h"
#include "facts.h"

/* Evaluates src with its names bound in order to vals (nvals of them); flags all 0. */
static int
eval(const char *src, const double *vals, size_t nvals, double tol, double *lhs,
		double *rhs)
{
	const char *err;
	size_t off, n, i;
	struct expr *e = expr_compile(src, &err, &off);
	bool bound[8];
	unsigned flags[8] = {0};
	double v[8] = {0};
	struct expr_env env = {v, bound, flags, tol};
	double l = 0, r = 0;
	int rc;

	assert_non_null(e);
	(void)expr_names(e, &n);
	for (i = 0; i < 8; i++) {
		bound[i] = i < nvals;
		v[i] = i < nvals ? vals[i] : 0;
	}
	assert_true(n <= 8);
	rc = expr_eval(e, &env, lhs ? lhs : &l, rhs ? rhs : &r);
	expr_free(e);
	return rc;
}

static void
test_names_in_first_use_order(void **state)
{
	const char *err;
	size_t off, n;
	struct expr *e = expr_compile("total == done + partial + open + done", &err, &off);
	const char *const *names;

	(void)state;
	assert_non_null(e);
	names = expr_names(e, &n);
	assert_int_equal(n, 4);
	assert_string_equal(names[0], "total");
	assert_string_equal(names[1], "done");
	assert_string_equal(names[2], "partial");
	assert_string_equal(names[3], "open");
	expr_free(e);
}

static void
test_sums_from_the_seeds(void **state)
{
	const double seed004[] = {62, 3, 59, 0};     /* 004 L7: 3 + 59 + 0 = 62 */
	const double broken[] = {62, 3, 58, 0};
	const double seed001[] = {92, 23, 25};       /* 001 L27: 23/25 = 92% */
	const double seed003[] = {25, 16, 60};       /* 003 L59: 16/60 = 26.67%, not 25% */
	const double seed003ok[] = {14.29, 8, 56};   /* 003 L57: 8/56 = 14.29% */
	double lhs, rhs;

	(void)state;
	assert_int_equal(eval("total == done + partial + open", seed004, 4, 0, &lhs, &rhs), 1);
	assert_int_equal(eval("total == done + partial + open", broken, 4, 0, &lhs, &rhs), 0);
	assert_true(lhs == 62 && rhs == 61);
	assert_int_equal(eval("rate == done * 100 / total", seed001, 3, 0.5, NULL, NULL), 1);
	assert_int_equal(eval("share == part * 100 / whole", seed003, 3, 0.5, &lhs, &rhs), 0);
	assert_true(rhs > 26.66 && rhs < 26.67);
	assert_int_equal(eval("share == part * 100 / whole", seed003ok, 3, 0.5, NULL, NULL), 1);
}

static void
test_precedence_and_operators(void **state)
{
	const double none[] = {0};
	const double ab[] = {2, 3};

	(void)state;
	assert_int_equal(eval("7 == 1 + 2 * 3", none, 0, 0, NULL, NULL), 1);
	assert_int_equal(eval("9 == (1 + 2) * 3", none, 0, 0, NULL, NULL), 1);
	assert_int_equal(eval("1 == 10 - 6 - 3", none, 0, 0, NULL, NULL), 1);
	assert_int_equal(eval("-1 < 0 && !(1 > 2)", none, 0, 0, NULL, NULL), 1);
	assert_int_equal(eval("a >= b || a != 2", ab, 2, 0, NULL, NULL), 0);
	assert_int_equal(eval("a <= b", ab, 2, 0, NULL, NULL), 1);
	assert_int_equal(eval("2.5 == 5 / 2", none, 0, 0, NULL, NULL), 1);
}

static void
test_tolerance(void **state)
{
	const double v[] = {92.4, 92};

	(void)state;
	assert_int_equal(eval("a == b", v, 2, 0.5, NULL, NULL), 1);
	assert_int_equal(eval("a == b", v, 2, 0.3, NULL, NULL), 0);
	assert_int_equal(eval("a != b", v, 2, 0.3, NULL, NULL), 1);
}

static void
test_unbound_and_division_by_zero(void **state)
{
	const double one[] = {25};
	const double zero[] = {3, 0};

	(void)state;
	/* done is unbound: the assertion cannot be judged. */
	assert_int_equal(eval("total == done + 2", one, 1, 0, NULL, NULL), -1);
	assert_int_equal(eval("a == a / b", zero, 2, 0, NULL, NULL), -1);
}

static void
test_above_below(void **state)
{
	const char *err;
	size_t off, n;
	struct expr *e = expr_compile("rate < 100 || (rate == 100 && !above(rate))", &err, &off);
	double v[1] = {100}, l, r;
	bool bound[1] = {true};
	unsigned flags[1] = {NUM_ABOVE};
	struct expr_env env = {v, bound, flags, 0};

	(void)state;
	assert_non_null(e);
	(void)expr_names(e, &n);
	assert_int_equal(n, 1);
	/* 办证率达100%以上 (004 L58) */
	assert_int_equal(expr_eval(e, &env, &l, &r), 0);
	flags[0] = 0;  /* 监督覆盖率达100% */
	assert_int_equal(expr_eval(e, &env, &l, &r), 1);
	v[0] = 120;
	assert_int_equal(expr_eval(e, &env, &l, &r), 0);
	flags[0] = NUM_BELOW;
	expr_free(e);
	e = expr_compile("below(rate)", &err, &off);
	assert_int_equal(expr_eval(e, &env, &l, &r), 1);
	expr_free(e);
}

static const struct {
	const char *src;
	size_t offset;
} bad[] = {
	{"", 0},
	{"total ==", 8},
	{"total == (done + 1", 18},
	{"a < b < c", 6},
	{"total = done", 6},
	{"above(1)", 6},
	{"a + # b", 4},
};

static void
test_parse_errors(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *err = NULL;
		size_t off = 99;

		assert_null(expr_compile(bad[i].src, &err, &off));
		assert_non_null(err);
		assert_int_equal(off, bad[i].offset);
	}
}

static void
test_deep_nesting_is_refused(void **state)
{
	char src[512];
	const char *err;
	size_t off, i;

	(void)state;
	for (i = 0; i < 200; i++)
		src[i] = '(';
	src[200] = '1';
	for (i = 201; i < 401; i++)
		src[i] = ')';
	src[401] = '\0';
	assert_null(expr_compile(src, &err, &off));
	assert_string_equal(err, "expression nested too deeply");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_in_first_use_order),
		cmocka_unit_test(test_sums_from_the_seeds),
		cmocka_unit_test(test_precedence_and_operators),
		cmocka_unit_test(test_tolerance),
		cmocka_unit_test(test_unbound_and_division_by_zero),
		cmocka_unit_test(test_above_below),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_deep_nesting_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
