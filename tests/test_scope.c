/* Unit tests: rule scopes mapped to spans of a small synthetic notice, in text order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "scope.h"
#include "segment.h"

static const char notice[] =
    "中共某县卫生健康局党组\n"
    "关于巡察整改进展情况的通报\n"
    "\n"
    "根据县委统一部署，县委巡察组进行了巡察。\n"
    "一、组织整改情况\n"
    "党组高度重视。\n"
    "发布时间:2025-12-12 阅读次数:\n"
    "二、巡察反馈问题整改情况\n"
    "1.问题一。\n"
    "整改结果：完成。\n"
    "整改情况：已整改。\n"
    "2.问题二。\n"
    "整改结果：阶段性完成。\n"
    "三、下一步工作打算\n"
    "（一）持续整改。\n"
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0730-1234567。\n"
    "中共某县卫生健康局党组\n"
    "2025年12月26日\n";

#define MAX_SPANS 32

/* What a walk saw: each span's text, and where to stop. */
struct walk {
	char *text[MAX_SPANS];
	size_t n;
	size_t stop_after;  /* 0: never stop */
};

static int
collect(const struct doc *doc, struct span span, void *ctx)
{
	struct walk *w = ctx;
	size_t len = span.end - span.start;

	assert_true(span.start <= span.end && span.end <= doc->len);
	assert_true(w->n < MAX_SPANS);
	w->text[w->n] = malloc(len + 1);
	assert_non_null(w->text[w->n]);
	memcpy(w->text[w->n], doc->text + span.start, len);
	w->text[w->n++][len] = '\0';
	return w->stop_after != 0 && w->n == w->stop_after ? 7 : 0;
}

static void
walk_free(struct walk *w)
{
	size_t k;

	for (k = 0; k < w->n; k++)
		free(w->text[k]);
	memset(w, 0, sizeof(*w));
}

/* Walks scope s of doc and checks the spans against want[0..n). */
static void
assert_scope(const struct doc *doc, enum scope s, const char *const *want, size_t n)
{
	struct walk w;
	size_t k;

	memset(&w, 0, sizeof(w));
	assert_int_equal(scope_each(doc, s, collect, &w), 0);
	if (w.n != n)
		fail_msg("scope %d: %zu spans, want %zu", (int)s, w.n, n);
	for (k = 0; k < n; k++)
		assert_string_equal(w.text[k], want[k]);
	walk_free(&w);
}

static int
setup(void **state)
{
	struct doc *doc = calloc(1, sizeof(*doc));

	if (doc == NULL)
		return -1;
	segment_build(doc, "notice.txt", notice, sizeof(notice) - 1);
	*state = doc;
	return 0;
}

static int
teardown(void **state)
{
	doc_free(*state);
	free(*state);
	return 0;
}

static void
test_document_skips_boilerplate(void **state)
{
	static const char *const want[] = {
		"中共某县卫生健康局党组\n关于巡察整改进展情况的通报\n\n"
		"根据县委统一部署，县委巡察组进行了巡察。\n一、组织整改情况\n党组高度重视。",
		"二、巡察反馈问题整改情况\n1.问题一。\n整改结果：完成。\n整改情况：已整改。\n"
		"2.问题二。\n整改结果：阶段性完成。\n三、下一步工作打算\n（一）持续整改。\n"
		"欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0730-1234567。\n"
		"中共某县卫生健康局党组\n2025年12月26日",
	};

	assert_scope(*state, SCOPE_DOCUMENT, want, 2);
}

static void
test_title_and_intro(void **state)
{
	static const char *const title[] = {"中共某县卫生健康局党组", "关于巡察整改进展情况的通报"};
	static const char *const intro[] = {"根据县委统一部署，县委巡察组进行了巡察。"};

	assert_scope(*state, SCOPE_TITLE, title, 2);
	assert_scope(*state, SCOPE_INTRO, intro, 1);
}

static void
test_headings(void **state)
{
	static const char *const want[] = {
		"一、组织整改情况", "二、巡察反馈问题整改情况", "1.问题一。", "2.问题二。",
		"三、下一步工作打算", "（一）持续整改。",
	};

	assert_scope(*state, SCOPE_HEADING, want, 6);
}

static void
test_items_and_fields(void **state)
{
	static const char *const items[] = {
		"1.问题一。\n整改结果：完成。\n整改情况：已整改。",
		"2.问题二。\n整改结果：阶段性完成。",
	};
	static const char *const fields[] = {"完成。", "已整改。", "阶段性完成。"};
	const struct doc *doc = *state;

	assert_scope(doc, SCOPE_ITEM, items, 2);
	assert_scope(doc, SCOPE_FIELD, fields, 3);
	assert_int_equal(doc->items[0].status, STATUS_DONE);
	assert_int_equal(doc->items[1].status, STATUS_PARTIAL);
}

static void
test_end_blocks(void **state)
{
	static const char *const contact[] = {
		"欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0730-1234567。",
	};
	static const char *const signature[] = {"中共某县卫生健康局党组", "2025年12月26日"};

	assert_scope(*state, SCOPE_CONTACT, contact, 1);
	assert_scope(*state, SCOPE_SIGNATURE, signature, 2);
}

static void
test_body_is_split_by_boilerplate(void **state)
{
	static const char *const want[] = {
		"根据县委统一部署，县委巡察组进行了巡察。\n一、组织整改情况\n党组高度重视。",
		"二、巡察反馈问题整改情况\n1.问题一。\n整改结果：完成。\n整改情况：已整改。\n"
		"2.问题二。\n整改结果：阶段性完成。\n三、下一步工作打算\n（一）持续整改。",
	};

	assert_scope(*state, SCOPE_BODY, want, 2);
}

static void
test_paragraphs_and_stop(void **state)
{
	const struct doc *doc = *state;
	struct walk w;

	memset(&w, 0, sizeof(w));
	assert_int_equal(scope_each(doc, SCOPE_PARAGRAPH, collect, &w), 0);
	assert_int_equal(w.n, 16);
	assert_string_equal(w.text[15], "2025年12月26日");
	walk_free(&w);
	w.stop_after = 3;
	assert_int_equal(scope_each(doc, SCOPE_PARAGRAPH, collect, &w), 7);
	assert_int_equal(w.n, 3);
	walk_free(&w);
}

static void
test_empty_document(void **state)
{
	struct doc doc;
	struct walk w;
	int s;

	(void)state;
	memset(&doc, 0, sizeof(doc));
	segment_build(&doc, "empty.txt", "", 0);
	memset(&w, 0, sizeof(w));
	for (s = SCOPE_DOCUMENT; s <= SCOPE_BODY; s++)
		assert_int_equal(scope_each(&doc, (enum scope)s, collect, &w), 0);
	assert_int_equal(w.n, 0);
	doc_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_document_skips_boilerplate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_title_and_intro, setup, teardown),
		cmocka_unit_test_setup_teardown(test_headings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_items_and_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_end_blocks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_body_is_split_by_boilerplate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_paragraphs_and_stop, setup, teardown),
		cmocka_unit_test(test_empty_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
