/* Unit tests: the document model of every seed notice (title, headings, items, fields,
 * contact block, signature, boilerplate, broken paragraphs) and small synthetic texts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "segment.h"
#include "testutil.h"

/* One built model and the text it points into. */
struct model {
	char *text;
	struct doc doc;
};

static void
build(struct model *m, const char *seed)
{
	char rel[256];
	size_t len;

	snprintf(rel, sizeof(rel), "seeds/%s", seed);
	m->text = tu_read_fixture(rel, &len);
	memset(&m->doc, 0, sizeof(m->doc));
	segment_build(&m->doc, rel, m->text, len);
}

static void
build_text(struct model *m, const char *path, const char *text)
{
	m->text = malloc(strlen(text) + 1);
	assert_non_null(m->text);
	memcpy(m->text, text, strlen(text) + 1);
	memset(&m->doc, 0, sizeof(m->doc));
	segment_build(&m->doc, path, m->text, strlen(text));
}

static void
release(struct model *m)
{
	doc_free(&m->doc);
	free(m->text);
}

/* 0-based index of 1-based line n, as the seed inventory counts lines. */
static size_t
L(size_t n)
{
	return n - 1;
}

static void
assert_span(const struct doc *d, struct span s, const char *want)
{
	size_t n = strlen(want);

	if (s.end - s.start != n || memcmp(d->text + s.start, want, n) != 0)
		fail_msg("span \"%.*s\" is not \"%s\"", (int)(s.end - s.start), d->text + s.start,
		    want);
}

static void
assert_span_starts(const struct doc *d, struct span s, const char *want)
{
	size_t n = strlen(want);

	if (s.end - s.start < n || memcmp(d->text + s.start, want, n) != 0)
		fail_msg("span \"%.40s\" does not start with \"%s\"", d->text + s.start, want);
}

static const struct heading *
heading_at(const struct doc *d, size_t line)
{
	assert_int_equal(d->lines[line].kind, LINE_HEADING);
	assert_true(d->lines[line].heading >= 0);
	return &d->headings[d->lines[line].heading];
}

/* The 1-based lines of broken paragraphs must be exactly want[0..n). */
static void
assert_broken(const struct doc *d, const size_t *want, size_t n)
{
	size_t k, got = 0;

	for (k = 0; k < d->nparagraphs; k++) {
		if (!d->paragraphs[k].broken_after)
			continue;
		if (got >= n || d->paragraphs[k].line != L(want[got]))
			fail_msg("unexpected broken paragraph at line %zu", d->paragraphs[k].line + 1);
		got++;
	}
	assert_int_equal(got, n);
}

static size_t
count_status(const struct doc *d, enum item_status st)
{
	size_t k, n = 0;

	for (k = 0; k < d->nitems; k++)
		if (d->items[k].status == st)
			n++;
	return n;
}

static size_t
count_fields(const struct doc *d, enum field_kind kind)
{
	size_t k, n = 0;

	for (k = 0; k < d->nfields; k++)
		if (d->fields[k].kind == kind)
			n++;
	return n;
}

static void
test_seed_000(void **state)
{
	static const size_t broken[] = {5};
	struct model m;
	const struct doc *d;

	(void)state;
	build(&m, "000_2800b427cfbef2a5.txt");
	d = &m.doc;
	assert_true(d->title.present);
	assert_int_equal(d->title.first_line, L(1));
	assert_int_equal(d->title.nissuers, 0);
	assert_span(d, d->title.text, "关于巡察整改进展情况的通报");
	assert_int_equal(d->lines[L(1)].content.start, 1);  /* the leading space is not content */
	assert_int_equal(d->paragraphs[d->intro].line, L(3));
	assert_true(d->contact.present);
	assert_int_equal(d->contact.first_line, L(20));
	assert_int_equal(d->contact.last_line, L(20));
	assert_span(d, d->contact.supervision,
	    "欢迎广大干部群众对县委巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。");
	assert_true(d->signature.present);
	assert_int_equal(d->signature.first_line, L(22));
	assert_int_equal(d->signature.nissuers, 1);
	assert_span(d, d->signature.issuers[0], "中共峨山县卫生健康局党组");
	assert_true(d->signature.has_date);
	assert_int_equal(d->signature.date_line, L(23));
	assert_span(d, d->signature.date, "2025年12月26日");
	assert_int_equal(d->body_first, L(3));
	assert_int_equal(d->body_last, L(19));
	assert_int_equal(d->nitems, 3);
	assert_int_equal(d->items[0].first_line, L(9));
	assert_int_equal(d->items[0].status, STATUS_NONE);
	assert_int_equal(d->items[1].first_line, L(11));
	assert_int_equal(d->items[1].last_line, L(12));
	assert_int_equal(d->items[1].nfields, 2);
	assert_int_equal(d->fields[d->items[1].first_field].kind, FIELD_TAG);
	assert_span(d, d->fields[d->items[1].first_field].label, "【已完成整改】");
	assert_int_equal(d->fields[d->items[1].first_field + 1].kind, FIELD_SITUATION);
	assert_span(d, d->fields[d->items[1].first_field + 1].label, "整改进展情况");
	assert_int_equal(d->items[1].status, STATUS_DONE);
	assert_int_equal(d->items[2].status, STATUS_DONE);
	assert_int_equal(d->lines[L(12)].kind, LINE_FIELD);
	assert_true(heading_at(d, L(16))->flags & HEAD_RUN_IN);
	assert_span(d, heading_at(d, L(16))->title, "健全长效机制。");
	assert_broken(d, broken, 1);
	release(&m);
}

static void
test_seed_001(void **state)
{
	static const size_t broken[] = {19, 35, 43, 61, 73, 111, 121, 141};
	struct model m;
	const struct doc *d;
	const struct heading *h;

	(void)state;
	build(&m, "001_b21dc3fc7ee4c764.txt");
	d = &m.doc;
	assert_int_equal(d->lines[L(3)].kind, LINE_TITLE);
	assert_int_equal(d->lines[L(5)].kind, LINE_SUBTITLE);
	assert_int_equal(d->title.nissuers, 1);
	assert_span(d, d->title.issuers[0], "岚县卫生健康和体育局党组");
	assert_int_equal(d->paragraphs[d->intro].line, L(7));
	assert_int_equal(d->body_first, L(7));
	h = heading_at(d, L(13));
	assert_int_equal(h->level, 2);
	assert_int_equal(h->flags, HEAD_HALFWIDTH);
	assert_span(d, h->marker, "(一)");
	assert_span(d, h->title, "加强组织领导");
	assert_int_equal(heading_at(d, L(41))->parent, d->lines[L(39)].heading);
	assert_int_equal(heading_at(d, L(79))->style, MARK_CIRCLED);
	/* Items: the leaf headings of 二、 (the （1） children of 2. and 7., not 2. and 7.). */
	assert_int_equal(d->nitems, 20);
	assert_int_equal(d->items[0].first_line, L(33));
	assert_int_equal(d->items[1].first_line, L(41));
	assert_int_equal(d->items[8].first_line, L(77));
	assert_int_equal(d->items[8].last_line, L(83));  /* ①②③ stay inside the item */
	assert_int_equal(d->items[19].first_line, L(133));
	assert_int_equal(d->nfields, 0);
	assert_int_equal(count_status(d, STATUS_NONE), 20);
	assert_int_equal(d->contact.first_line, L(149));
	assert_int_equal(d->signature.first_line, L(151));
	assert_int_equal(d->signature.date_line, L(153));
	assert_broken(d, broken, sizeof(broken) / sizeof(broken[0]));
	release(&m);
}

static void
test_seed_002(void **state)
{
	static const size_t broken[] = {11, 19, 31, 47, 63, 95, 101, 119, 137, 153};
	struct model m;
	const struct doc *d;
	size_t k;

	(void)state;
	build(&m, "002_4720707dcb0128ec.txt");
	d = &m.doc;
	assert_int_equal(d->lines[L(3)].md_heading, 1);
	assert_int_equal(d->lines[L(3)].kind, LINE_ISSUER);
	assert_span(d, d->lines[L(3)].content, "中共乐山市卫生健康委员会党组");
	assert_int_equal(d->lines[L(5)].md_heading, 2);
	assert_int_equal(d->lines[L(5)].kind, LINE_TITLE);
	assert_int_equal(d->title.first_line, L(3));
	assert_int_equal(d->title.last_line, L(5));
	assert_int_equal(d->title.nissuers, 1);
	assert_span(d, d->title.issuers[0], "中共乐山市卫生健康委员会党组");
	assert_int_equal(d->lines[L(29)].md_heading, 5);
	assert_true(d->lines[L(31)].md_bold);
	assert_span_starts(d, d->lines[L(31)].content, "整改情况：**一是");
	assert_true(heading_at(d, L(11))->flags & HEAD_RUN_IN);
	assert_span(d, heading_at(d, L(11))->title, "加强组织领导。");
	assert_int_equal(heading_at(d, L(9))->level, 1);
	assert_int_equal(heading_at(d, L(35))->level, 4);
	assert_int_equal(d->signature.first_line, L(159));
	assert_int_equal(d->signature.date_line, L(161));
	assert_true(d->contact.present);
	assert_int_equal(d->contact.first_line, L(163));
	assert_true(d->contact.first_line > d->signature.last_line);
	assert_int_equal(d->body_last, L(157));
	assert_int_equal(d->nitems, 21);
	for (k = 0; k < d->nitems; k++) {
		assert_int_equal(d->headings[d->items[k].heading].ordinal, (int)k + 1);
		assert_int_equal(d->fields[d->items[k].first_field].kind, FIELD_SITUATION);
	}
	assert_int_equal(d->items[14].first_line, L(105));
	assert_int_equal(d->items[14].last_line, L(109));
	assert_int_equal(d->items[14].nfields, 2);
	assert_int_equal(d->fields[d->items[14].status_field].kind, FIELD_PROGRESS);
	assert_span(d, d->fields[d->items[14].status_field].value, "已完成整改，并将长期坚持。");
	assert_int_equal(d->items[14].status, STATUS_DONE);
	assert_int_equal(count_status(d, STATUS_NONE), 20);
	assert_broken(d, broken, sizeof(broken) / sizeof(broken[0]));
	release(&m);
}

static void
test_seed_003(void **state)
{
	static const size_t boilerplate[] = {1, 5, 245, 247, 249, 251, 253, 255};
	static const size_t broken[] = {101};
	struct model m;
	const struct doc *d;
	size_t k;

	(void)state;
	build(&m, "003_eb93dc48287bd9ac.txt");
	d = &m.doc;
	for (k = 0; k < sizeof(boilerplate) / sizeof(boilerplate[0]); k++) {
		assert_int_equal(d->lines[L(boilerplate[k])].kind, LINE_BOILERPLATE);
		assert_int_equal(d->lines[L(boilerplate[k])].paragraph, -1);
	}
	assert_int_equal(d->lines[L(3)].kind, LINE_TITLE);
	assert_int_equal(d->title.nissuers, 2);
	assert_span(d, d->title.issuers[0], "中共攀枝花市西区卫生健康局党组");
	assert_span(d, d->title.issuers[1], "中共攀枝花市西区红十字会党组");
	assert_int_equal(d->paragraphs[d->intro].line, L(7));
	assert_true(d->signature.has_date);
	assert_int_equal(d->signature.date_line, L(243));
	assert_span(d, d->signature.date, "20251212");
	assert_int_equal(d->signature.nissuers, 1);
	assert_span(d, d->signature.issuers[0], "攀枝花市西区卫生健康局");
	assert_int_equal(d->contact.first_line, L(235));
	assert_int_equal(d->body_last, L(233));
	assert_broken(d, broken, 1);
	release(&m);
}

static void
test_seed_003_structure(void **state)
{
	static const size_t fused[] = {35, 71, 75, 85, 89, 93, 113, 127, 191, 201};
	struct model m;
	const struct doc *d;
	const struct heading *h;
	size_t k;

	(void)state;
	build(&m, "003_eb93dc48287bd9ac.txt");
	d = &m.doc;
	h = heading_at(d, L(13));
	assert_int_equal(h->flags & HEAD_BROKEN, HEAD_BROKEN);
	assert_int_equal(h->level, 2);
	assert_int_equal(h->ordinal, 0);
	assert_span(d, h->marker, ")");
	assert_int_equal(heading_at(d, L(15))->flags & HEAD_BROKEN, HEAD_BROKEN);
	for (k = 0; k < sizeof(fused) / sizeof(fused[0]); k++) {
		h = heading_at(d, L(fused[k]));
		assert_true(h->flags & HEAD_FUSED);
		assert_int_equal(h->level, 4);
	}
	assert_int_equal(heading_at(d, L(35))->ordinal, 1);
	assert_int_equal(heading_at(d, L(71))->ordinal, 2);
	assert_span(d, heading_at(d, L(71))->marker, "2");
	assert_int_equal(d->nitems, 44);
	assert_int_equal(d->nfields, 44);
	assert_int_equal(count_fields(d, FIELD_SITUATION), 44);
	assert_span(d, d->fields[0].label, "整改落实情况");
	assert_int_equal(d->items[43].heading, d->lines[L(219)].heading);
	assert_true(d->items[43].statement_para);
	assert_span_starts(d, d->items[43].statement, "上一轮巡察指出");
	assert_false(d->items[42].statement_para);
	release(&m);
}

static void
test_seed_004(void **state)
{
	struct model m;
	const struct doc *d;
	const struct heading *h;
	size_t k, n2 = 0;

	(void)state;
	build(&m, "004_6abf08291da1f359.txt");
	d = &m.doc;
	assert_int_equal(d->lines[L(1)].kind, LINE_ISSUER);
	assert_int_equal(d->lines[L(2)].kind, LINE_TITLE);
	assert_span(d, d->title.issuers[0], "中共平江县卫生健康局党组");
	for (k = 0; k < d->nheadings; k++) {
		h = &d->headings[k];
		if (h->level != 2 || h->line > L(218))
			continue;
		if (n2 == 0) {
			assert_int_equal(h->line, L(9));
			assert_int_equal(h->flags, HEAD_NO_ORDINAL);
			assert_int_equal(h->ordinal, 0);
			assert_span(d, h->title, "反馈问题：执行上级决策部署方面");
		} else {
			assert_int_equal(h->ordinal, (int)n2 + 1);
		}
		n2++;
	}
	assert_int_equal(n2, 5);
	assert_int_equal(heading_at(d, L(10))->parent, d->lines[L(9)].heading);
	h = heading_at(d, L(131));
	assert_int_equal(h->level, 3);
	assert_int_equal(h->flags, HEAD_NO_ORDINAL);
	assert_int_equal(heading_at(d, L(132))->parent, d->lines[L(131)].heading);
	assert_true(heading_at(d, L(219))->flags & HEAD_RUN_IN);
	assert_false(d->signature.present);
	assert_false(d->signature.has_date);
	assert_true(d->contact.present);
	assert_int_equal(d->contact.first_line, L(223));
	assert_int_equal(d->body_last, L(222));
	assert_broken(d, NULL, 0);
	release(&m);
}

static void
test_seed_004_items(void **state)
{
	static const size_t done[] = {116, 126, 175};
	struct model m;
	const struct doc *d;
	size_t k, nd = 0;

	(void)state;
	build(&m, "004_6abf08291da1f359.txt");
	d = &m.doc;
	assert_int_equal(d->nitems, 61);
	assert_int_equal(count_fields(d, FIELD_RESULT), 61);
	assert_int_equal(count_status(d, STATUS_DONE), 3);
	assert_int_equal(count_status(d, STATUS_PARTIAL), 58);
	for (k = 0; k < d->nitems; k++) {
		assert_int_equal(d->headings[d->items[k].heading].style, MARK_PROBLEM);
		if (d->items[k].status != STATUS_DONE)
			continue;
		assert_int_equal(d->fields[d->items[k].status_field].line, L(done[nd]));
		nd++;
	}
	assert_int_equal(nd, 3);
	assert_int_equal(d->items[48].first_line, L(174));
	assert_true(d->headings[d->items[48].heading].flags & HEAD_NO_ORDINAL);
	release(&m);
}

static void
test_empty_text(void **state)
{
	struct model m;

	(void)state;
	build_text(&m, "empty.txt", "");
	assert_false(m.doc.title.present);
	assert_int_equal(m.doc.nparagraphs, 0);
	assert_int_equal(m.doc.nheadings, 0);
	assert_int_equal(m.doc.nitems, 0);
	assert_int_equal(m.doc.intro, -1);
	assert_false(m.doc.contact.present);
	assert_false(m.doc.signature.present);
	assert_true(m.doc.body_first > m.doc.body_last);
	release(&m);
}

static void
test_blank_lines_only(void **state)
{
	struct model m;
	size_t k;

	(void)state;
	build_text(&m, "blank.txt", "\n \n\t\n\xe3\x80\x80\xc2\xa0\n\n");
	assert_int_equal(m.doc.nlines, 5);
	for (k = 0; k < m.doc.nlines; k++)
		assert_int_equal(m.doc.lines[k].kind, LINE_BLANK);
	assert_int_equal(m.doc.nparagraphs, 0);
	assert_true(m.doc.body_first > m.doc.body_last);
	release(&m);
}

static void
test_single_lines(void **state)
{
	struct model m;

	(void)state;
	build_text(&m, "one.txt", "关于巡察整改进展情况的通报");
	assert_true(m.doc.title.present);
	assert_int_equal(m.doc.nparagraphs, 1);
	assert_int_equal(m.doc.intro, -1);
	assert_true(m.doc.body_first > m.doc.body_last);
	release(&m);

	build_text(&m, "one.txt", "根据县委统一部署，县委巡察组进行了巡察。");
	assert_false(m.doc.title.present);
	assert_int_equal(m.doc.intro, 0);
	assert_int_equal(m.doc.body_first, 0);
	assert_int_equal(m.doc.body_last, 0);
	assert_false(m.doc.paragraphs[0].broken_after);
	release(&m);
}

static void
test_markdown_and_spaces(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.md",
	    "\xe3\x80\x80**（一）加强组织领导**\xc2\xa0\n"
	    "#标签不是标题\n"
	    "## \n");
	d = &m.doc;
	assert_true(d->markdown_input);
	assert_true(d->lines[0].md_bold);
	assert_span(d, d->lines[0].content, "（一）加强组织领导");
	assert_int_equal(d->lines[0].span.start, 0);
	assert_int_equal(d->lines[0].kind, LINE_HEADING);
	assert_int_equal(d->lines[1].md_heading, 0);
	assert_span(d, d->lines[1].content, "#标签不是标题");
	assert_int_equal(d->lines[2].md_heading, 2);
	assert_int_equal(d->lines[2].kind, LINE_BLANK);
	release(&m);
}

static void
test_dates_in_prose_are_text(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "2025年9月26日，召开专题民主生活会。\n"
	    "25 个问题已完成整改。\n"
	    "中共某县卫生健康局党组\n"
	    "二〇二五年十二月二十六日\n");
	d = &m.doc;
	assert_int_equal(d->nheadings, 0);
	assert_int_equal(d->lines[2].kind, LINE_TEXT);
	assert_int_equal(d->lines[3].kind, LINE_TEXT);
	assert_int_equal(d->lines[4].kind, LINE_SIGNATURE);
	assert_int_equal(d->lines[5].kind, LINE_DATE);
	assert_int_equal(d->body_last, 3);
	release(&m);
}

static void
test_split_title_and_joint_signature(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "中共甲县卫生健康局党组\n"
	    "关于县委第一巡察组巡察整改进展\n"
	    "情况的通报\n"
	    "（社会公开稿）\n"
	    "根据县委统一部署，进行了巡察。\n"
	    "一、整改情况\n"
	    "1.问题甲。【阶段性完成】\n"
	    "整改措施：做了。\n"
	    "2.问题乙。\n"
	    "整改状态：正在推进\n"
	    "欢迎广大干部群众对巡察整改落实情况进行监督。\n"
	    "联系电话：0730-1234567\n"
	    "电子邮箱：a@b.cn\n"
	    "中共甲县卫生健康局党组\n"
	    "中共甲县红十字会党组\n"
	    "2025年12月26日\n");
	d = &m.doc;
	assert_int_equal(d->title.first_line, 0);
	assert_int_equal(d->title.last_line, 2);
	assert_span(d, d->title.text, "关于县委第一巡察组巡察整改进展\n情况的通报");
	assert_int_equal(d->lines[3].kind, LINE_SUBTITLE);
	assert_int_equal(d->nitems, 2);
	assert_int_equal(d->items[0].status, STATUS_PARTIAL);
	assert_int_equal(d->fields[d->items[0].status_field].kind, FIELD_TAG);
	assert_int_equal(d->items[1].status, STATUS_ONGOING);
	assert_int_equal(d->contact.first_line, 10);
	assert_int_equal(d->contact.last_line, 12);
	assert_span(d, d->contact.supervision, "欢迎广大干部群众对巡察整改落实情况进行监督。");
	assert_int_equal(d->signature.nissuers, 2);
	assert_span(d, d->signature.issuers[1], "中共甲县红十字会党组");
	assert_int_equal(d->signature.date_line, 15);
	assert_broken(d, NULL, 0);  /* labelled contact lines are separate entries */
	release(&m);
}

/* Items with no status field take their status from a sentence whose subject is the item,
 * at a sentence start, after an opening time word; a plan (将于…完成整改), a status that is
 * not the item's (措施已完成), or a clause after a comma states none. */
static void
test_status_sentences(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "二、巡察反馈问题整改落实情况\n"
	    "1.关于档案管理不规范的问题。补齐档案12卷。该问题已整改到位。\n"
	    "2.关于公车使用登记不全的问题。修订管理办法。目前，此项问题正在整改中，将于年底前完成。\n"
	    "3.关于项目资金拨付滞后的问题。建立台账，该问题将于12月底前完成整改。\n"
	    "4.关于制度执行不严的问题。整改措施已完成3项。\n"
	    "5.关于学习制度落实不到位的问题。\n"
	    "制定年度学习计划。截至目前，该项问题已基本完成整改。\n"
	    "6.关于台账管理混乱的问题。\n"
	    "整改结果：完成。该问题正在整改中。\n"
	    "中共甲县某局党组\n"
	    "2025年12月26日\n");
	d = &m.doc;
	assert_int_equal(d->nitems, 6);
	assert_int_equal(d->items[0].status, STATUS_DONE);
	assert_int_equal(d->items[0].status_field, -1);
	assert_span(d, d->items[0].status_sentence, "该问题已整改到位。");
	assert_int_equal(d->items[1].status, STATUS_ONGOING);
	assert_span(d, d->items[1].status_sentence, "目前，此项问题正在整改中，将于年底前完成。");
	assert_int_equal(d->items[2].status, STATUS_NONE);
	assert_int_equal(d->items[3].status, STATUS_NONE);
	assert_int_equal(d->items[4].status, STATUS_PARTIAL);
	assert_span(d, d->items[4].status_sentence, "截至目前，该项问题已基本完成整改。");
	assert_int_equal(d->items[5].status, STATUS_DONE);   /* the field comes first */
	assert_true(d->items[5].status_field >= 0);
	release(&m);
}

/* Several known fields run in on one line after a sentence end each are fields of their
 * own (整改情况：……。整改进展：已完成。); a label-like text inside a value that follows no
 * sentence end stays in it. */
static void
test_run_in_fields(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "二、反馈问题整改落实情况\n"
	    "1. 学习制度不够规范。整改情况：修订学习制度，开展集中学习12次。整改进展：已完成。\n"
	    "2. 惠民资金监管存在漏洞。整改情况：建立公示、复核机制；整改进展：正在整改。\n"
	    "3. 台账不全。整改情况：补齐台账，整改进展：见附表。\n"
	    "中共甲县某局党组\n"
	    "2025年12月26日\n");
	d = &m.doc;
	assert_int_equal(d->nitems, 3);
	assert_int_equal(d->items[0].nfields, 2);
	assert_span(d, d->fields[d->items[0].first_field].value, "修订学习制度，开展集中学习12次。");
	assert_int_equal(d->fields[d->items[0].first_field + 1].kind, FIELD_PROGRESS);
	assert_int_equal(d->items[0].status, STATUS_DONE);
	assert_span(d, d->fields[d->items[0].status_field].value, "已完成。");
	assert_int_equal(d->items[1].status, STATUS_ONGOING);
	assert_int_equal(d->items[2].nfields, 1);
	assert_int_equal(d->items[2].status, STATUS_NONE);
	release(&m);
}

/* A status in full-width parentheses at the end of an item's line is a status tag
 * (（已完成）, （正在整改）); one inside the line, or parentheses that state no status
 * (（试行）, （见附件）), are not. */
static void
test_paren_status_tags(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "二、反馈问题整改情况\n"
	    "1．议事规则执行不严格。已修订《党委会议事规则》。（已完成）\n"
	    "2．临床路径管理不规范。已制定实施细则，每月开展督查。（正在整改） \n"
	    "3．制度建设滞后。已印发《内部控制办法（试行）》\n"
	    "4．台账不全。补齐台账（已完成），其余材料正在收集。\n"
	    "5．档案管理不规范。已建立档案室。（见附件）\n"
	    "中共甲县某局党组\n"
	    "2025年12月26日\n");
	d = &m.doc;
	assert_int_equal(d->nitems, 5);
	assert_int_equal(d->items[0].status, STATUS_DONE);
	assert_int_equal(d->fields[d->items[0].status_field].kind, FIELD_TAG);
	assert_span(d, d->fields[d->items[0].status_field].value, "已完成");
	assert_int_equal(d->items[1].status, STATUS_ONGOING);
	assert_int_equal(d->items[2].status, STATUS_NONE);
	assert_int_equal(d->items[3].status, STATUS_NONE);
	assert_int_equal(d->items[4].status, STATUS_NONE);
	release(&m);
}

/* A numbered list of channels after the supervision sentence (1.信访举报电话：… 2.网络举报：…)
 * belongs to the contact block: its lines are no headings of the body. */
static void
test_numbered_contact_list(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "三、下一步工作打算\n"
	    "持续巩固整改成果。\n"
	    "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请通过以下方式反映：\n"
	    "1.信访举报电话：12388、0839-5526178\n"
	    "2.网络举报：http://www.shxjw.gov.cn\n"
	    "3.来信请寄：松河县滨河路18号（邮编628100）\n"
	    "中共松河县某局党组\n"
	    "2025年11月25日\n");
	d = &m.doc;
	assert_true(d->contact.present);
	assert_int_equal(d->contact.first_line, 4);
	assert_int_equal(d->contact.last_line, 7);
	assert_int_equal(d->lines[5].kind, LINE_CONTACT);
	assert_int_equal(d->lines[7].kind, LINE_CONTACT);
	assert_int_equal(d->nheadings, 1);
	assert_int_equal(d->signature.date_line, 9);
	release(&m);
}

/* Text copied out of a print layout: page numbers (— 2 —, 第3页 共5页) are set aside as
 * residue, a number in a sentence or a date range is not; a 附注 in parentheses after the
 * date (（此件公开发布）) ends the text without hiding the signature and date above it. */
static void
test_page_numbers_and_note(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "一、整改情况\n"
	    "2025年10月—12月，开展专项检查3次。\n"
	    "— 2 —\n"
	    "二、下一步打算\n"
	    "第3页 共5页\n"
	    "持续巩固整改成果。\n"
	    "-4-\n"
	    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0871-65123456。\n"
	    "中共甲县某局党组\n"
	    "2025年12月26日\n"
	    "（此件公开发布）\n");
	d = &m.doc;
	assert_int_equal(d->lines[3].kind, LINE_TEXT);
	assert_int_equal(d->lines[4].kind, LINE_BOILERPLATE);
	assert_int_equal(d->lines[6].kind, LINE_BOILERPLATE);
	assert_int_equal(d->lines[8].kind, LINE_BOILERPLATE);
	assert_int_equal(d->lines[12].kind, LINE_ATTACHMENT);
	assert_true(d->signature.present);
	assert_int_equal(d->signature.date_line, 11);
	assert_int_equal(d->contact.first_line, 9);
	release(&m);
}

/* A list bullet opens a chrome line: • (three bytes) and · (two) are stepped over by their
 * own length, so a breadcrumb behind either is chrome, and a line of a lone · at the end of
 * the text is read without going past it. */
static void
test_bullets_before_chrome(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "· 首页 > 巡察工作 > 整改公开\n"
	    "•首页 > 通知公告\n"
	    "关于巡察整改进展情况的通报\n"
	    "·");
	d = &m.doc;
	assert_int_equal(d->nlines, 4);
	assert_int_equal(d->lines[0].kind, LINE_BOILERPLATE);
	assert_int_equal(d->lines[1].kind, LINE_BOILERPLATE);
	assert_int_equal(d->lines[2].kind, LINE_TITLE);
	assert_int_equal(d->lines[3].span.end, strlen(m.text));   /* read within the text */
	release(&m);
}

/* In Markdown the run-in fields may be bold (1. 问题。**整改情况：**……。**整改进展：**已完成。):
 * they are fields as in plain text. */
static void
test_run_in_fields_markdown(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.md",
	    "# 关于巡察整改进展情况的通报\n"
	    "\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "\n"
	    "## 二、反馈问题整改落实情况\n"
	    "\n"
	    "1. 学习制度不够规范。**整改情况：**修订学习制度。**整改进展：**已完成。\n"
	    "\n"
	    "2. 惠民资金监管存在漏洞。**整改情况：**建立公示机制。**整改进展：**正在整改。\n");
	d = &m.doc;
	assert_int_equal(d->nitems, 2);
	assert_int_equal(d->items[0].nfields, 2);
	assert_int_equal(d->items[0].status, STATUS_DONE);
	assert_int_equal(d->items[1].status, STATUS_ONGOING);
	assert_span(d, d->items[0].statement, "学习制度不够规范。");
	release(&m);
}

/* An attachment note after the date (附件：and the titles under it) ends the text: the
 * signature and date above it are found, and the note is neither body nor signature. A
 * sentence after 附件 is body text as before. */
static void
test_attachment_after_signature(void **state)
{
	struct model m;
	const struct doc *d;

	(void)state;
	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0871-65123456。\n"
	    "中共某镇委员会\n"
	    "2025年9月26日\n"
	    "\n"
	    "附件：1.某镇巡察整改问题清单\n"
	    "      2.某镇整改制度汇编目录\n");
	d = &m.doc;
	assert_true(d->signature.present);
	assert_int_equal(d->signature.date_line, 4);
	assert_int_equal(d->lines[3].kind, LINE_SIGNATURE);
	assert_int_equal(d->lines[2].kind, LINE_CONTACT);
	assert_int_equal(d->lines[6].kind, LINE_ATTACHMENT);
	assert_int_equal(d->lines[7].kind, LINE_ATTACHMENT);
	assert_int_equal(d->body_last, 1);
	release(&m);

	build_text(&m, "x.txt",
	    "关于巡察整改进展情况的通报\n"
	    "根据县委统一部署，县委巡察组进行了巡察。\n"
	    "中共某镇委员会\n"
	    "2025年9月26日\n"
	    "附件已于同日报送县委巡察办。\n");
	d = &m.doc;
	assert_int_equal(d->lines[4].kind, LINE_TEXT);
	assert_false(d->signature.has_date);
	release(&m);
}

/* Appends n copies of the UTF-8 character c to buf (of size cap, NUL-terminated). */
static void
append_rep(char *buf, size_t cap, const char *c, size_t n)
{
	while (n-- > 0)
		strncat(buf, c, cap - strlen(buf) - 1);
}

/* Boilerplate words at the line start or anywhere, with their companion words, and the
 * limit of 160 code points of a boilerplate line. */
static void
test_boilerplate_lines(void **state)
{
	static const char *const lines[] = {
		"发布时间：2025-12-30",      /* at the start */
		"本文来源：市卫健委",        /* 来源： only counts at the start */
		"网站标识码：4311000001",    /* anywhere */
		"欢迎访问本网站",            /* 网站 needs 欢迎你/欢迎您 */
		"您好，欢迎您访问本网站",
		"版权所有。",                /* a sentence is never boilerplate */
		"Copyright 2025 平江县",
		"【打印】 【关闭】",
		"关于我们 | 联系我们",
		"关于我们的整改",            /* 关于我们 needs 联系我们 */
		"x网站维",                   /* a word cut at the line end */
	};
	static const enum line_kind want[] = {
		LINE_BOILERPLATE, LINE_TEXT, LINE_BOILERPLATE, LINE_TEXT, LINE_BOILERPLATE,
		LINE_TEXT, LINE_BOILERPLATE, LINE_BOILERPLATE, LINE_BOILERPLATE, LINE_TEXT,
		LINE_TEXT,
	};
	char text[4096] = "";
	struct model m;
	size_t k, n = sizeof(lines) / sizeof(lines[0]);

	(void)state;
	for (k = 0; k < n; k++) {
		strcat(text, lines[k]);
		strcat(text, "\n");
	}
	/* 160 code points with 责任编辑 at the end, then 161. */
	append_rep(text, sizeof(text), "文", 156);
	strcat(text, "责任编辑\n");
	append_rep(text, sizeof(text), "文", 157);
	strcat(text, "责任编辑\n");
	build_text(&m, "x.txt", text);
	assert_int_equal(m.doc.nlines, n + 2);
	for (k = 0; k < n; k++)
		if (m.doc.lines[k].kind != want[k])
			fail_msg("line %zu \"%s\": kind %d, expected %d", k, lines[k],
			    (int)m.doc.lines[k].kind, (int)want[k]);
	assert_int_equal(m.doc.lines[n].kind, LINE_BOILERPLATE);
	assert_int_equal(m.doc.lines[n + 1].kind, LINE_TEXT);
	release(&m);
}

/* A heading's colon opens run-in text from 30 code points on. */
static void
test_run_in_after_colon(void **state)
{
	char text[1024] = "";
	struct model m;

	(void)state;
	strcat(text, "一、整改情况\n（一）组织领导：");
	append_rep(text, sizeof(text), "甲", 29);
	strcat(text, "\n（二）组织领导：");
	append_rep(text, sizeof(text), "乙", 30);
	strcat(text, "\n");
	build_text(&m, "x.txt", text);
	assert_int_equal(m.doc.nheadings, 3);
	assert_false(m.doc.headings[1].flags & HEAD_RUN_IN);
	assert_true(m.doc.headings[2].flags & HEAD_RUN_IN);
	release(&m);
}

/* doc_statement_at: on every seed, statements follow one another without overlap (what
 * its binary search relies on), and it agrees with a plain scan at every offset. */
static void
test_statement_at(void **state)
{
	static const char *const seeds[] = {"000_2800b427cfbef2a5.txt", "001_b21dc3fc7ee4c764.txt",
	    "002_4720707dcb0128ec.txt", "003_eb93dc48287bd9ac.txt", "004_6abf08291da1f359.txt"};
	struct model m;
	size_t k, i, off;
	int want;

	(void)state;
	for (k = 0; k < sizeof(seeds) / sizeof(seeds[0]); k++) {
		build(&m, seeds[k]);
		for (i = 1; i < m.doc.nitems; i++)
			assert_true(m.doc.items[i - 1].statement.end <= m.doc.items[i].statement.start);
		for (off = 0; off <= m.doc.len; off++) {
			want = -1;
			for (i = 0; i < m.doc.nitems; i++)
				if (off >= m.doc.items[i].statement.start &&
				    off < m.doc.items[i].statement.end)
					want = (int)i;
			assert_int_equal(doc_statement_at(&m.doc, off), want);
		}
		release(&m);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_000),
		cmocka_unit_test(test_seed_001),
		cmocka_unit_test(test_seed_002),
		cmocka_unit_test(test_seed_003),
		cmocka_unit_test(test_seed_003_structure),
		cmocka_unit_test(test_seed_004),
		cmocka_unit_test(test_seed_004_items),
		cmocka_unit_test(test_empty_text),
		cmocka_unit_test(test_blank_lines_only),
		cmocka_unit_test(test_single_lines),
		cmocka_unit_test(test_markdown_and_spaces),
		cmocka_unit_test(test_dates_in_prose_are_text),
		cmocka_unit_test(test_split_title_and_joint_signature),
		cmocka_unit_test(test_boilerplate_lines),
		cmocka_unit_test(test_attachment_after_signature),
		cmocka_unit_test(test_status_sentences),
		cmocka_unit_test(test_run_in_fields),
		cmocka_unit_test(test_run_in_fields_markdown),
		cmocka_unit_test(test_paren_status_tags),
		cmocka_unit_test(test_numbered_contact_list),
		cmocka_unit_test(test_page_numbers_and_note),
		cmocka_unit_test(test_run_in_after_colon),
		cmocka_unit_test(test_statement_at),
		cmocka_unit_test(test_bullets_before_chrome),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
