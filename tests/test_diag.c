/* Unit tests: placeholder filling, the message catalogue and the diagnostics collector. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "i18n.h"
#include "limits.h"
#include "msg.h"
#include "rules.h"

static void
test_fill(void **state)
{
	const char *kv[] = {"match", "截止目前", "suggest", "截至目前"};
	char *s;

	(void)state;
	s = i18n_fill("“{match}”应为“{suggest}”{{x} {unknown}", kv, 4);
	assert_string_equal(s, "“截止目前”应为“截至目前”{x} {unknown}");
	free(s);
}

static void
test_catalogue(void **state)
{
	const struct msg_def *all;
	size_t n, i, k;
	char *s;

	(void)state;
	s = msg_format("input-missing", LANG_EN, "path", "a.txt", NULL);
	assert_string_equal(s, "no such file: a.txt");
	free(s);
	s = msg_format("input-missing", LANG_ZH, "path", "a.txt", NULL);
	assert_string_equal(s, "找不到文件：a.txt");
	free(s);
	all = msg_all(&n);
	for (i = 0; i < n; i++) {
		assert_non_null(all[i].zh);
		assert_non_null(all[i].en);
		for (k = i + 1; k < n; k++)
			assert_string_not_equal(all[i].id, all[k].id);
	}
}

static void
test_collector_sorts_and_localises(void **state)
{
	static char id[] = "TXT-004", zh[] = "“{match}”疑为笔误", en[] = "'{match}' looks like a typo";
	struct rule r = {0};
	struct diag_list l;
	struct diag *d;

	(void)state;
	r.id = id;
	r.level = LEVEL_WARNING;
	r.message_zh = zh;
	r.message_en = en;
	diag_list_init(&l, LANG_EN);
	diag_add(&l, &r, 30, 36, "match", "由请", NULL);
	d = diag_add(&l, &r, 3, 9, "match", "把将", NULL);
	diag_note(&l, d, 0, 3, "首次", "first here {n}", "n", "1", NULL);
	diag_add_text(&l, "input-invalid-utf8", LEVEL_ERROR, 3, 6, "bad byte");
	diag_sort(&l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].rule, "TXT-004");
	assert_string_equal(l.v[0].message, "'把将' looks like a typo");
	assert_int_equal(l.v[0].nrelated, 1);
	assert_string_equal(l.v[0].related[0].message, "first here 1");
	assert_string_equal(l.v[1].rule, "input-invalid-utf8");
	assert_int_equal(l.v[2].span.start, 30);
	assert_int_equal(diag_max_level(&l), LEVEL_ERROR);
	diag_list_free(&l);
}

static void
test_collector_caps(void **state)
{
	struct diag_list l;
	size_t i;

	(void)state;
	diag_list_init(&l, LANG_ZH);
	for (i = 0; i < NL_MAX_DIAGS_PER_FILE + 7; i++)
		diag_add_text(&l, "x", LEVEL_INFO, i, i + 1, "m");
	diag_sort(&l);
	assert_int_equal(l.n, NL_MAX_DIAGS_PER_FILE);
	assert_int_equal(l.dropped, 7);
	diag_list_free(&l);
}

/* The cap keeps the first findings by position, not the first added: one rule reports
 * the end of a file before another reports its start, as checks run in rule order. */
static void
test_cap_keeps_first_by_position(void **state)
{
	const size_t cap = NL_MAX_DIAGS_PER_FILE, late = 3 * cap;
	struct diag_list l;
	size_t i;

	(void)state;
	diag_list_init(&l, LANG_EN);
	for (i = 0; i < late; i++)
		diag_add_text(&l, "B-LATE", LEVEL_INFO, 1000000 + i, 1000001 + i, "late");
	for (i = cap; i-- > 0;)
		diag_add_text(&l, "A-EARLY", LEVEL_ERROR, 10 * i, 10 * i + 1, "early");
	diag_sort(&l);
	assert_int_equal(l.n, cap);
	assert_int_equal(l.dropped, late);
	for (i = 0; i < cap; i++) {
		assert_string_equal(l.v[i].rule, "A-EARLY");
		assert_int_equal(l.v[i].span.start, 10 * i);
	}
	/* Ties on position go by rule id, as in the sorted order. */
	diag_list_free(&l);
	diag_list_init(&l, LANG_EN);
	for (i = 0; i < cap + 1; i++)
		diag_add_text(&l, "Z", LEVEL_INFO, 5, 6, "z");
	diag_add_text(&l, "A", LEVEL_INFO, 5, 6, "a");
	diag_sort(&l);
	assert_int_equal(l.n, cap);
	assert_string_equal(l.v[0].rule, "A");
	assert_int_equal(l.dropped, 2);
	diag_list_free(&l);
}

static void
test_levels(void **state)
{
	enum level lv;

	(void)state;
	assert_int_equal(level_parse("warning", &lv), 0);
	assert_int_equal(lv, LEVEL_WARNING);
	assert_int_equal(level_parse("fatal", &lv), -1);
	assert_string_equal(level_name(LEVEL_INFO), "info");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_catalogue),
		cmocka_unit_test(test_collector_sorts_and_localises),
		cmocka_unit_test(test_collector_caps),
		cmocka_unit_test(test_cap_keeps_first_by_position),
		cmocka_unit_test(test_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
