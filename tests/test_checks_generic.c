/* Unit tests: the generic check types (existence, substitution, required) on the seeds' real
 * phrasing, the examples self-test of the default pack, and the default pack's text rules
 * over the five seeds (every hit expected, nothing else). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lint.h"
#include "segment.h"
#include "testutil.h"

static const struct lint_opts opts = {LANG_EN, 2026, 11, 23, NULL, NULL, NULL, NULL, false};

/* Loads the default pack; fails the test on any load error. */
static void
load_default(struct ruleset *rs)
{
	struct load_errors errs;

	memset(rs, 0, sizeof(*rs));
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_EN;
	if (rules_load_dir(rs, tu_rules_dir(), &errs) != 0)
		fail_msg("%s:%u:%u: %s", errs.v[0].file, errs.v[0].line, errs.v[0].col,
		    errs.v[0].message);
	load_errors_free(&errs);
}

/* Loads a pack given as text; fails the test on any load error. */
static void
load_inline(struct ruleset *rs, const char *yaml)
{
	struct load_errors errs;

	if (tu_load_inline_pack(rs, &errs, yaml) != 0)
		fail_msg("%u:%u: %s", errs.v[0].line, errs.v[0].col, errs.v[0].message);
	load_errors_free(&errs);
}

struct flag_case {
	const char *rule;
	const char *text;      /* real phrasing from the seeds */
	size_t hits;
	const char *match;     /* text of the first hit's span */
};

static const struct flag_case default_cases[] = {
	{"TXT-005", "区委第巡察组于2025324日至56对区卫生健康局党组进行了巡察。", 1, "区委第巡察组"},
	{"TXT-005", "并于716日,区委第三巡察组向区卫生健康局党组反馈了巡察意见。", 0, NULL},
	{"NUM-004", "督促企业开展申报,截止2024年1月31日完成申报。", 1, "截止"},
	{"NUM-004", "申报截止日期为1月31日，截止到3月底共受理12件。", 0, NULL},
};

static void
test_default_rules_flag_and_pass(void **state)
{
	const struct flag_case *fc;
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	size_t i;
	char *got;

	(void)state;
	load_default(&rs);
	for (i = 0; i < sizeof(default_cases) / sizeof(default_cases[0]); i++) {
		fc = &default_cases[i];
		tu_run_rule(&rs, &opts, fc->rule, "case.txt", fc->text, &doc, &out);
		if (out.n != fc->hits)
			fail_msg("%s on \"%s\": %zu hits, want %zu", fc->rule, fc->text, out.n,
			    fc->hits);
		if (fc->match != NULL) {
			got = tu_span_text(fc->text, &out.v[0]);
			assert_string_equal(got, fc->match);
			assert_string_equal(out.v[0].rule, fc->rule);
			free(got);
		}
		diag_list_free(&out);
		doc_free(&doc);
	}
	ruleset_free(&rs);
}

static const char unless_pack[] =
	"rules:\n"
	"  - id: T-XUNSHI\n"
	"    check: existence\n"
	"    level: warning\n"
	"    message: {zh: \"“{match}”\", en: \"'{match}' in a county notice\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    pattern: 巡视\n"
	"    unless: 关于巡视工作的重要论述|巡视巡察\n"
	"    examples: {flag: [巡视整改]}\n"
	"  - id: T-LIMIT\n"
	"    check: existence\n"
	"    level: info\n"
	"    scope: paragraph\n"
	"    limit: 2\n"
	"    message: {zh: \"“{match}”\", en: \"'{match}'\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    pattern: 一岗双责\n"
	"    examples: {flag: [落实一岗双责]}\n"
	"  - id: T-CATASTROPHIC\n"
	"    check: existence\n"
	"    level: info\n"
	"    message: {zh: \"{match}\", en: \"{match}\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    pattern: \"(a+)+$\"\n"
	"    examples: {flag: [aaa]}\n";

static void
test_existence_unless_and_limit(void **state)
{
	/* 003 L227: the whitelisted phrase is covered by `unless`, the second 巡视 is not. */
	const char *xunshi = "（一）在深化思想认识上再用力始终把学习贯彻习近平总书记关于巡视工作的"
	    "重要论述作为重要政治任务,深化对巡视整改政治意义的认识。";
	/* 003 L221/L223 phrasing, three times in one paragraph. */
	const char *three = "推动一岗双责落到实处，压实一岗双责，督促落实一岗双责。";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;
	char *got;

	(void)state;
	load_inline(&rs, unless_pack);
	tu_run_rule(&rs, &opts, "T-XUNSHI", "case.txt", xunshi, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].span.start, (size_t)(strstr(xunshi, "巡视整改") - xunshi));
	assert_string_equal(out.v[0].message, "'巡视' in a county notice");
	diag_list_free(&out);
	doc_free(&doc);
	tu_run_rule(&rs, &opts, "T-LIMIT", "case.txt", three, &doc, &out);
	assert_int_equal(out.n, 2);
	got = tu_span_text(three, &out.v[1]);
	assert_string_equal(got, "一岗双责");
	free(got);
	assert_int_equal(out.v[1].span.start, (size_t)(strstr(three, "压实") - three) +
	    strlen("压实"));
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

static void
test_regex_limit_is_a_diagnostic(void **state)
{
	char text[80];
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	memset(text, 'a', sizeof(text) - 2);
	text[sizeof(text) - 2] = 'b';
	text[sizeof(text) - 1] = '\0';
	load_inline(&rs, unless_pack);
	tu_run_rule(&rs, &opts, "T-CATASTROPHIC", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.v[0].rule, "rule-regex-limit");
	assert_int_equal(out.v[0].level, LEVEL_WARNING);
	assert_non_null(strstr(out.v[0].message, "T-CATASTROPHIC"));
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

static const char subst_pack[] =
	"rules:\n"
	"  - id: T-PAIRS\n"
	"    check: substitution\n"
	"    level: warning\n"
	"    message: {zh: \"“{match}”应为“{suggest}”\", en: \"'{match}' -> '{suggest}'\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    pairs:\n"
	"      - {wrong: \"(把)将(?![来要近])\", right: \"{1}\"}\n"
	"      - {wrong: \"截止(目前)\", right: \"截至$1 ($$)\"}\n"
	"    examples: {flag: [把将]}\n";

static void
test_substitution_suggestions(void **state)
{
	const char *text = "截止目前，真正把将公卫绩效考核管理工作落到实处。";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	load_inline(&rs, subst_pack);
	tu_run_rule(&rs, &opts, "T-PAIRS", "case.txt", text, &doc, &out);
	assert_int_equal(out.n, 2);
	assert_string_equal(out.v[0].message, "'截止目前' -> '截至目前 ($)'");
	assert_string_equal(out.v[1].message, "'把将' -> '把'");
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

static const char required_pack[] =
	"rules:\n"
	"  - id: T-ONCE\n"
	"    check: required\n"
	"    level: info\n"
	"    message: {zh: \"{count}/{min}/{max}\", en: \"{count} of [{min}, {max}]\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    pattern: 欢迎广大干部群众.{0,20}监督\n"
	"    max: 1\n"
	"    examples: {flag: [x]}\n"
	"  - id: T-CONTACT\n"
	"    check: required\n"
	"    level: warning\n"
	"    scope: contact\n"
	"    message: {zh: \"{count}\", en: \"{count} phone numbers\"}\n"
	"    description: d\n"
	"    source: s\n"
	"    pattern: 联系电话\n"
	"    examples: {flag: [x]}\n";

static void
test_required_counts(void **state)
{
	const char *none = "关于巡察整改进展情况的通报\n\n根据县委统一部署，县委第一巡察组对县卫生健康局"
	    "党组进行了常规巡察。\n";
	const char *cut = "关于巡察整改进展情况的通报\n\n根据县委统一部署，县委第一巡察组对县卫生健康局"
	    "党组进行了常规巡察。\n（一）加强组织领导，成立以党组书记为组长的\n";
	const char *twice = "欢迎广大干部群众对巡察整改落实情况进行监督。\n"
	    "欢迎广大干部群众对我单位巡察整改落实情况进行监督。\n";
	struct diag_list out;
	struct ruleset rs;
	struct doc doc;

	(void)state;
	load_default(&rs);
	/* GEN-009 (check `contact`): reported where the block belongs, the end of the text. */
	tu_run_rule(&rs, &opts, "GEN-009", "case.txt", none, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].span.start, (size_t)(strstr(none, "根据") - none));
	assert_int_equal(out.v[0].nrelated, 0);
	diag_list_free(&out);
	doc_free(&doc);
	/* A text cut mid-sentence says the sentence may have gone with the cut. */
	tu_run_rule(&rs, &opts, "GEN-009", "case.txt", cut, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].nrelated, 1);
	assert_non_null(strstr(out.v[0].related[0].message, "truncated"));
	diag_list_free(&out);
	doc_free(&doc);
	/* An absence (GEN-014, no date line) is an error in a whole text; in a text cut
	 * mid-sentence the date may stand after the cut, so it is a warning with the note. */
	tu_run_rule(&rs, &opts, "GEN-014", "case.txt", none, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].level, LEVEL_ERROR);
	assert_int_equal(out.v[0].nrelated, 0);
	diag_list_free(&out);
	doc_free(&doc);
	tu_run_rule(&rs, &opts, "GEN-014", "case.txt", cut, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_int_equal(out.v[0].level, LEVEL_WARNING);
	assert_int_equal(out.v[0].nrelated, 1);
	assert_non_null(strstr(out.v[0].related[0].message, "reported as a warning"));
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);

	load_inline(&rs, required_pack);
	tu_run_rule(&rs, &opts, "T-ONCE", "case.txt", twice, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.v[0].message, "2 of [1, 1]");
	assert_int_equal(out.v[0].span.start, (size_t)(strchr(twice, '\n') - twice) + 1);
	diag_list_free(&out);
	doc_free(&doc);
	/* No contact block at all: reported at the first line, with a note saying why. */
	tu_run_rule(&rs, &opts, "T-CONTACT", "case.txt", none, &doc, &out);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.v[0].message, "0 phone numbers");
	assert_int_equal(out.v[0].span.start, 0);
	assert_int_equal(out.v[0].nrelated, 1);
	assert_non_null(strstr(out.v[0].related[0].message, "contact"));
	diag_list_free(&out);
	doc_free(&doc);
	ruleset_free(&rs);
}

static void
test_default_pack_examples(void **state)
{
	struct load_errors errs;
	struct ruleset rs;
	size_t failures;

	(void)state;
	load_default(&rs);
	assert_true(rs.n >= 13);
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_EN;
	failures = lint_check_examples(&rs, &opts, &errs);
	if (failures != 0)
		fail_msg("%s:%u:%u: %s", errs.v[0].file, errs.v[0].line, errs.v[0].col,
		    errs.v[0].message);
	assert_int_equal(errs.n, 0);
	load_errors_free(&errs);
	ruleset_free(&rs);
}

static void
test_wrong_example_is_caught(void **state)
{
	struct load_errors errs;
	struct ruleset rs;

	(void)state;
	memset(&rs, 0, sizeof(rs));
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_EN;
	assert_int_equal(rules_load_file(&rs, NL_FIXTURES_DIR "/rulepacks/wrong-example.yml",
	    &errs), 0);
	assert_int_equal(lint_check_examples(&rs, &opts, &errs), 2);
	assert_int_equal(errs.n, 2);
	assert_string_equal(errs.v[0].id, "rule-example-silent");
	assert_int_equal(errs.v[0].line, 14);
	assert_int_equal(errs.v[0].col, 11);
	assert_string_equal(errs.v[0].message,
	    "rule T-WRONG: flag example draws no diagnostic: 截至目前，已完成整改23个。");
	assert_string_equal(errs.v[1].id, "rule-example-fires");
	assert_int_equal(errs.v[1].line, 16);
	assert_non_null(strstr(errs.v[1].file, "wrong-example.yml"));
	load_errors_free(&errs);
	ruleset_free(&rs);
}

/* Rules of this file's packs (text.yml, artifact.yml); other packs are tested elsewhere. */
static int
own_rule(const char *id)
{
	return strcmp(id, "TXT-005") == 0 ||
	    strcmp(id, "NUM-004") == 0 || strcmp(id, "GEN-009") == 0 ||
	    strcmp(id, "ART-001") == 0 || strcmp(id, "rule-regex-limit") == 0;
}

/* Every defect of domain.md section C these rules cover, and nothing more. */
static const struct tu_seed_hit seed_hits[] = {
	{"001", 61, "NUM-004", 1, 0},
	{"003", 1, "ART-001", 1, 0},
	{"003", 5, "ART-001", 1, 0},
	{"003", 7, "TXT-005", 1, 0},
	{"003", 245, "ART-001", 1, 0},
};

static void
test_seeds_exact_hits(void **state)
{
	struct ruleset rs;

	(void)state;
	load_default(&rs);
	tu_check_seed_hits(&rs, &opts, own_rule, seed_hits, sizeof(seed_hits) / sizeof(seed_hits[0]));
	ruleset_free(&rs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_rules_flag_and_pass),
		cmocka_unit_test(test_existence_unless_and_limit),
		cmocka_unit_test(test_regex_limit_is_a_diagnostic),
		cmocka_unit_test(test_substitution_suggestions),
		cmocka_unit_test(test_required_counts),
		cmocka_unit_test(test_default_pack_examples),
		cmocka_unit_test(test_wrong_example_is_caught),
		cmocka_unit_test(test_seeds_exact_hits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
