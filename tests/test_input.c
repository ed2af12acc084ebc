/* Unit tests: the .docx reader (automatic numbering formats and counters, styles, tracked
 * changes, tables, line breaks, paragraph anchors) and the HTML reader (blocks, chrome,
 * entities, declared GBK, line and column of every anchor), on documents made here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "input/docx_numbering.h"
#include "input/dynload.h"
#include "input/input.h"
#include "linemap.h"

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* A zip in memory holding the named parts (name, content pairs, NULL-terminated). */
static unsigned char *
make_zip(size_t *len, ...)
{
	zip_error_t ze;
	zip_source_t *src, *part;
	zip_t *z;
	zip_stat_t st;
	unsigned char *buf;
	const char *name, *data, *why;
	va_list ap;

	/* libzip's functions the reader uses forward to the library the program opens on the
	 * first .docx; open it as the reader would before calling them here. */
	assert_int_equal(dynload_for(INPUT_DOCX, &why), 0);
	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	va_start(ap, len);
	while ((name = va_arg(ap, const char *)) != NULL) {
		data = va_arg(ap, const char *);
		part = zip_source_buffer(z, data, strlen(data), 0);
		assert_true(zip_file_add(z, name, part, ZIP_FL_ENC_UTF_8) >= 0);
	}
	va_end(ap);
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	*len = (size_t)st.size;
	buf = malloc(*len + 1);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, buf, *len), (zip_int64_t)*len);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	return buf;
}

/* Converts a docx of the given parts; fails the test on an input error. */
static void
convert_docx(struct decoded *d, struct srcmap *m, const char *document, const char *numbering,
    const char *styles)
{
	struct source_error err;
	unsigned char *zip;
	size_t len;

	zip = make_zip(&len, "word/document.xml", document,
	    numbering != NULL ? "word/numbering.xml" : NULL, numbering,
	    styles != NULL ? "word/styles.xml" : NULL, styles, NULL);
	if (numbering == NULL && styles != NULL) {
		free(zip);
		zip = make_zip(&len, "word/document.xml", document, "word/styles.xml", styles, NULL);
	}
	assert_int_equal(input_convert(INPUT_DOCX, zip, len, "t.docx", NULL, LANG_EN, d, m, &err),
	    0);
	free(zip);
}

static void
assert_format(const char *fmt, int n, const char *want)
{
	struct strbuf b = {NULL, 0, 0};
	char *got;

	docx_format_number(fmt, n, &b);
	got = strbuf_take(&b);
	assert_string_equal(got, want);
	free(got);
}

static void
test_number_formats(void **state)
{
	(void)state;
	assert_format("decimal", 7, "7");
	assert_format("chineseCounting", 1, "一");
	assert_format("chineseCounting", 10, "十");
	assert_format("chineseCounting", 11, "十一");
	assert_format("chineseCounting", 20, "二十");
	assert_format("chineseCounting", 35, "三十五");
	assert_format("chineseCountingThousand", 101, "一百〇一");
	assert_format("chineseCountingThousand", 110, "一百一十");
	assert_format("chineseLegalSimplified", 12, "壹拾贰");
	assert_format("ideographTraditional", 3, "丙");
	assert_format("ideographTraditional", 11, "11");
	assert_format("ideographDigital", 2025, "二〇二五");
	assert_format("decimalEnclosedCircle", 1, "①");
	assert_format("decimalEnclosedCircle", 20, "⑳");
	assert_format("decimalEnclosedCircle", 21, "㉑");
	assert_format("decimalEnclosedCircleChinese", 4, "④");
	assert_format("decimalEnclosedParen", 2, "⑵");
	assert_format("decimalEnclosedFullstop", 3, "⒊");
	assert_format("ideographEnclosedCircle", 1, "㈠");
	assert_format("decimalFullWidth", 12, "１２");
	assert_format("upperRoman", 14, "XIV");
	assert_format("lowerLetter", 27, "aa");
	assert_format("none", 3, "");
	assert_format("somethingNew", 3, "3");
}

/* Three levels 一、 （一） 1. of abstract list 0; lists 1 and 2 use it, list 2 restarting
 * level 0 at 五; level 1 of list 3 never restarts (lvlRestart 0). */
static const char numbering_xml[] =
    "<w:numbering " W "><w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"%1、\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
    "<w:lvlText w:val=\"（%2）\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%3.\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.\"/><w:suff w:val=\"nothing\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimalEnclosedCircle\"/>"
    "<w:lvlRestart w:val=\"0\"/><w:lvlText w:val=\"%2\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "</w:numbering>";

#define P(num, lvl, text) \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #lvl "\"/><w:numId w:val=\"" #num "\"/>" \
	"</w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

static void
test_automatic_numbering_counts_restarts_and_overrides(void **state)
{
	const char doc[] = "<w:document " W "><w:body>"
	    P(1, 0, "组织领导") P(1, 1, "压实责任") P(1, 1, "细化任务") P(1, 2, "建立台账")
	    P(1, 0, "整改情况") P(1, 1, "问题一") P(2, 0, "下步打算") P(1, 0, "其他")
	    "<w:p><w:r><w:t>正文</w:t></w:r></w:p>"
	    P(3, 0, "甲") P(3, 1, "子") P(3, 0, "乙") P(3, 1, "丑")
	    P(9, 0, "未定义的列表") P(0, 0, "编号已关闭")
	    "</w:body></w:document>";
	struct decoded d;
	struct srcmap m;

	(void)state;
	convert_docx(&d, &m, doc, numbering_xml, NULL);
	assert_string_equal(d.text,
	    "一、组织领导\n（一）压实责任\n（二）细化任务\n1. 建立台账\n"
	    "二、整改情况\n（一）问题一\n五、下步打算\n六、其他\n正文\n"
	    "1.甲\n①子\n2.乙\n②丑\n未定义的列表\n编号已关闭\n");
	assert_string_equal(m.format, "docx");
	decoded_free(&d);
	srcmap_free(&m);
}

static void
test_style_numbering_and_based_on(void **state)
{
	const char styles[] = "<w:styles " W ">"
	    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:pPr><w:numPr>"
	    "<w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
	    "<w:style w:type=\"paragraph\" w:styleId=\"H1x\"><w:basedOn w:val=\"H1\"/></w:style>"
	    "</w:styles>";
	const char doc[] = "<w:document " W "><w:body>"
	    "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"
	    "<w:p><w:r><w:t>正文</w:t></w:r></w:p>"
	    "<w:p><w:pPr><w:pStyle w:val=\"H1x\"/></w:pPr><w:r><w:t>整改情况</w:t></w:r></w:p>"
	    "<w:p><w:pPr><w:pStyle w:val=\"H1\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>"
	    "</w:pPr><w:r><w:t>问题</w:t></w:r></w:p>"
	    "</w:body></w:document>";
	struct decoded d;
	struct srcmap m;

	(void)state;
	convert_docx(&d, &m, doc, numbering_xml, styles);
	assert_string_equal(d.text, "一、总体情况\n正文\n二、整改情况\n（一）问题\n");
	decoded_free(&d);
	srcmap_free(&m);
}

static void
test_tracked_changes_tables_breaks_and_anchors(void **state)
{
	const char doc[] = "<w:document " W "><w:body>"
	    "<w:p><w:r><w:t xml:space=\"preserve\">关于</w:t></w:r>"
	    "<w:ins w:id=\"1\"><w:r><w:t>整改</w:t></w:r></w:ins>"
	    "<w:del w:id=\"2\"><w:r><w:delText>巡视</w:delText></w:r></w:del>"
	    "<w:commentRangeStart w:id=\"3\"/><w:r><w:t>的通报</w:t></w:r>"
	    "<w:commentRangeEnd w:id=\"3\"/><w:r><w:commentReference w:id=\"3\"/></w:r></w:p>"
	    "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
	    "<w:r><w:instrText> PAGE </w:instrText></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>三</w:t></w:r>"
	    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
	    "<w:tbl><w:tblPr/><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc>"
	    "<w:tc><w:p><w:r><w:t>问题</w:t></w:r></w:p><w:p><w:r><w:t>说明</w:t></w:r></w:p>"
	    "</w:tc></w:tr></w:tbl>"
	    "<w:p><w:r><w:t>联系人：张三</w:t><w:br/><w:t>电话：</w:t><w:tab/><w:t>1</w:t></w:r>"
	    "</w:p></w:body></w:document>";
	struct decoded d;
	struct srcmap m;
	struct linemap lm;
	unsigned line, col;
	const char *at;

	(void)state;
	convert_docx(&d, &m, doc, NULL, NULL);
	assert_string_equal(d.text, "关于整改的通报\n三\n序号\t问题 说明\n联系人：张三\n电话：\t1\n");
	linemap_build(&lm, d.text, d.len);
	lm.src = &m;
	at = strstr(d.text, "说明");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 5);  /* the fifth paragraph: the second of the second cell */
	assert_int_equal(col, 1);
	at = strstr(d.text, "电话");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 6);  /* after the break, still the sixth paragraph */
	assert_int_equal(col, 7);
	at = strstr(d.text, "1\n");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 6);
	assert_int_equal(col, 11);
	linemap_free(&lm);
	decoded_free(&d);
	srcmap_free(&m);
}

static void
test_docx_without_text_is_no_text(void **state)
{
	const char doc[] = "<w:document " W "><w:body><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"
	    "</w:body></w:document>";
	struct source_error err;
	struct decoded d;
	struct srcmap m;
	unsigned char *zip;
	size_t len;

	(void)state;
	zip = make_zip(&len, "word/document.xml", doc, NULL);
	assert_int_equal(input_convert(INPUT_DOCX, zip, len, "t.docx", NULL, LANG_EN, &d, &m,
	    &err), -1);
	assert_string_equal(err.id, "input-no-text");
	source_error_free(&err);
	free(zip);
}

static void
test_html_blocks_chrome_entities_and_positions(void **state)
{
	const char page[] =
	    "<html><head><title>站点</title><style>p{}</style></head>\n"
	    "<body><div class=\"top nav\">首页 | 巡察工作</div>\n"
	    "<div class=\"article-content\"><h1>关于整改的通报</h1>\n"
	    "<p>第一段&nbsp;文字，\n  接着写。</p>\n"
	    "<p>联系人：张三<br>电话：123</p>\n"
	    "<table><tr><td>序号</td><td>问题</td></tr></table>\n"
	    "<script>document.write('广告');</script></div>\n"
	    "<div id=\"footer\">版权所有</div></body></html>\n";
	struct source_error err;
	struct decoded d;
	struct srcmap m;
	struct linemap lm;
	unsigned line, col;
	const char *at;

	(void)state;
	assert_int_equal(input_convert(INPUT_HTML, (const unsigned char *)page, strlen(page),
	    "t.html", NULL, LANG_EN, &d, &m, &err), 0);
	assert_string_equal(d.text, "关于整改的通报\n第一段 文字， 接着写。\n联系人：张三\n"
	    "电话：123\n序号\t问题\n");
	linemap_build(&lm, d.text, d.len);
	lm.src = &m;
	at = strstr(d.text, "关于");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 34);
	at = strstr(d.text, "文字");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 13);  /* after the six characters of &nbsp; */
	at = strstr(d.text, "接着");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 5);
	assert_int_equal(col, 3);
	at = strstr(d.text, "电话");
	linemap_locate(&lm, (size_t)(at - d.text), &line, &col);
	assert_int_equal(line, 6);
	assert_int_equal(col, 14);
	linemap_free(&lm);
	decoded_free(&d);
	srcmap_free(&m);
}

static void
test_html_declared_gbk(void **state)
{
	/* "<meta charset=gbk><p>关于通报</p>" with 关于通报 in GBK. */
	const char page[] = "<html><head><meta charset=\"gbk\"></head><body><p>"
	    "\xb9\xd8\xd3\xda\xcd\xa8\xb1\xa8</p></body></html>";
	struct source_error err;
	struct decoded d;
	struct srcmap m;

	(void)state;
	assert_int_equal(input_convert(INPUT_HTML, (const unsigned char *)page, strlen(page),
	    "t.html", NULL, LANG_EN, &d, &m, &err), 0);
	assert_string_equal(d.text, "关于通报\n");
	assert_string_equal(d.encoding, "GB18030");
	decoded_free(&d);
	srcmap_free(&m);
}

static void
test_format_by_extension(void **state)
{
	enum input_format f;

	(void)state;
	assert_int_equal(input_format_of("a/b.DOCX", NULL), INPUT_DOCX);
	assert_int_equal(input_format_of("a.htm", NULL), INPUT_HTML);
	assert_int_equal(input_format_of("a.pdf", NULL), INPUT_PDF);
	assert_int_equal(input_format_of("a.wps", NULL), INPUT_OLD_WORD);
	assert_int_equal(input_format_of("a.txt", NULL), INPUT_TEXT);
	assert_int_equal(input_format_of("dir.docx/notice", NULL), INPUT_TEXT);
	assert_int_equal(input_format_of("-", "html"), INPUT_HTML);
	assert_int_equal(input_format_of("-", NULL), INPUT_TEXT);
	assert_true(input_is_notice_name("x.Html"));
	assert_false(input_is_notice_name("x.doc"));
	assert_false(input_is_notice_name(".pdf"));
	assert_int_equal(input_format_parse("pdf", &f), 0);
	assert_int_equal(f, INPUT_PDF);
	assert_int_equal(input_format_parse("doc", &f), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_formats),
		cmocka_unit_test(test_automatic_numbering_counts_restarts_and_overrides),
		cmocka_unit_test(test_style_numbering_and_based_on),
		cmocka_unit_test(test_tracked_changes_tables_breaks_and_anchors),
		cmocka_unit_test(test_docx_without_text_is_no_text),
		cmocka_unit_test(test_html_blocks_chrome_entities_and_positions),
		cmocka_unit_test(test_html_declared_gbk),
		cmocka_unit_test(test_format_by_extension),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
