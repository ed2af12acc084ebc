/* Unit tests: the human format's source and caret lines (display width, tabs, clipping),
 * its full output for a synthetic diagnostic, the window cut around a span of a long line
 * (for findings and notes alike), and the JSON document's shape and key order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "diag.h"
#include "fmt.h"
#include "linemap.h"
#include "utf8.h"

/* Seed 001's contact paragraph (line 149), with its real defects: 巡视 in a 巡察 notice,
 * 如果 for 如有, and a phone number without an area code. */
static const char notice[] =
	"关于巡察整改进展情况的通报\n"
	"欢迎广大干部群众对巡视整改落实情况进行监督。如果意见建议，请及时向我们反映。"
	"联系电话：6724779；\n";

/* Byte offset of the first occurrence of needle in notice. */
static size_t
at(const char *needle)
{
	const char *p = strstr(notice, needle);

	assert_non_null(p);
	return (size_t)(p - notice);
}

static void
check_caret(const char *text, size_t start, size_t end, const char *want)
{
	const char *nl = strchr(text, '\n');
	size_t le = nl ? (size_t)(nl - text) : strlen(text);
	char *got = fmt_human_caret(text, 0, le, start, end);

	assert_string_equal(got, want);
	free(got);
}

static void
test_caret_ascii(void **state)
{
	(void)state;
	check_caret("phone: 6724779;", 7, 14, "       ^~~~~~~");
	check_caret("phone: 6724779;", 0, 1, "^");
	/* An empty span still shows one caret. */
	check_caret("phone: 6724779;", 5, 5, "     ^");
}

static void
test_caret_cjk_width(void **state)
{
	const char *line = "对巡视整改落实情况进行监督";
	size_t s = (size_t)(strstr(line, "巡视") - line);

	(void)state;
	/* 对 is two columns wide, 巡视 four. */
	check_caret(line, s, s + strlen("巡视"), "  ^~~~");
	/* Mixed: ASCII digits after a fullwidth colon. */
	line = "联系电话：6724779；";
	s = (size_t)(strstr(line, "6724779") - line);
	check_caret(line, s, s + 7, "          ^~~~~~~");
}

static void
test_caret_tabs_and_clipping(void **state)
{
	const char *line = "\t整改结果：完成\n下一行";
	size_t s = (size_t)(strstr(line, "完成") - line);

	(void)state;
	/* The tab reaches column 8; 整改结果： is ten columns. */
	check_caret(line, s, s + strlen("完成"), "                  ^~~~");
	/* A span running past the line end stops at the end of the line. */
	check_caret(line, s, strlen(line), "                  ^~~~");
	/* A span starting at the line end points just past the last character. */
	check_caret(line, (size_t)(strchr(line, '\n') - line), strlen(line),
	    "                      ^");
}

static void
test_source_line(void **state)
{
	const char *text = "\t整改\x1b[31m情况";
	char *got;

	(void)state;
	got = fmt_human_source(text, 0, strlen(text));
	assert_string_equal(got, "        整改?[31m情况");
	free(got);
	got = fmt_human_source("a\tb", 0, 3);
	assert_string_equal(got, "a       b");
	free(got);
}

/* Output width the next render passes to the formatter (0: the default). */
static size_t render_width;
/* Text the next render lints instead of notice (NULL: notice). */
static const char *render_text;

/* Runs one formatter over a list made from notice and returns what it printed. */
static char *
render(int json, enum lang lang, struct diag_list *dl, const struct fmt_error *errors,
    size_t nerrors)
{
	const char *text = render_text ? render_text : notice;
	struct formatter f;
	struct fmt_opts o;
	struct fmt_file ff;
	struct fmt_totals t;
	struct linemap lm;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	memset(&o, 0, sizeof(o));
	o.out = out;
	o.lang = lang;
	o.width = render_width;
	if (json)
		fmt_json_init(&f, &o);
	else
		fmt_human_init(&f, &o);
	linemap_build(&lm, text, strlen(text));
	memset(&ff, 0, sizeof(ff));
	ff.path = "fixtures/seeds/001.txt";
	ff.text = text;
	ff.lines = &lm;
	ff.diags = dl;
	ff.errors = errors;
	ff.nerrors = nerrors;
	f.ops->file(f.state, &ff);
	memset(&t, 0, sizeof(t));
	t.files = 1;
	t.errors = 1;
	t.warnings = 1;
	t.failed = nerrors > 0;
	f.ops->end(f.state, &t);
	f.ops->destroy(f.state);
	linemap_free(&lm);
	fclose(out);
	return buf;
}

/* Two diagnostics on seed 001's contact line, the first with a related note. */
static void
make_diags(struct diag_list *dl, enum lang lang)
{
	struct diag *d;

	diag_list_init(dl, lang);
	d = diag_add_text(dl, "TXT-XUNSHI", LEVEL_ERROR, at("巡视"), at("巡视") + 6,
	    "县级通报应为“巡察”");
	diag_note(dl, d, at("巡察"), at("巡察") + 6, "标题此处为“巡察”", "title says 巡察 here",
	    NULL);
	diag_add_text(dl, "CON-PHONE", LEVEL_WARNING, at("6724779"), at("6724779") + 7,
	    "联系电话缺少区号");
	diag_sort(dl);
}

static void
test_human_output(void **state)
{
	struct diag_list dl;
	char *out;

	(void)state;
	make_diags(&dl, LANG_ZH);
	out = render(0, LANG_ZH, &dl, NULL, 0);
	assert_string_equal(out,
	    "fixtures/seeds/001.txt:2:10: error: 县级通报应为“巡察” [TXT-XUNSHI]\n"
	    "欢迎广大干部群众对巡视整改落实情况进行监督。如果意见建议，请及时向我们反映。"
	    "联系电话：6724779；\n"
	    "                  ^~~~\n"
	    "fixtures/seeds/001.txt:1:3: note: 标题此处为“巡察”\n"
	    "关于巡察整改进展情况的通报\n"
	    "    ^~~~\n"
	    "fixtures/seeds/001.txt:2:44: warning: 联系电话缺少区号 [CON-PHONE]\n"
	    "欢迎广大干部群众对巡视整改落实情况进行监督。如果意见建议，请及时向我们反映。"
	    "联系电话：6724779；\n"
	    "                                                                                "
	    "      ^~~~~~~\n"
	    "1 个错误，1 个警告，0 条提示（共 1 个文件）\n");
	free(out);
	diag_list_free(&dl);
}

static void
test_human_input_error_en(void **state)
{
	struct fmt_error e = {"input-binary", "x.txt holds a NUL byte at byte offset 6"};
	char *out;

	(void)state;
	out = render(0, LANG_EN, NULL, &e, 1);
	assert_string_equal(out,
	    "fixtures/seeds/001.txt: error: x.txt holds a NUL byte at byte offset 6 "
	    "[input-binary]\n"
	    "1 errors, 1 warnings, 0 infos in 1 files (1 could not be checked)\n");
	free(out);
}

/* Asserts that obj's keys are exactly the NULL-terminated list, in that order. */
static void
assert_keys(const cJSON *obj, ...)
{
	const cJSON *c = obj->child;
	const char *k;
	va_list ap;

	va_start(ap, obj);
	while ((k = va_arg(ap, const char *)) != NULL) {
		assert_non_null(c);
		assert_string_equal(c->string, k);
		c = c->next;
	}
	va_end(ap);
	assert_null(c);
}

static void
test_json_shape(void **state)
{
	struct fmt_error e = {"input-invalid-utf8", "bad byte"};
	struct diag_list dl;
	cJSON *root, *file, *d, *r;
	char *out, *again;

	(void)state;
	make_diags(&dl, LANG_EN);
	out = render(1, LANG_EN, &dl, &e, 1);
	root = cJSON_Parse(out);
	assert_non_null(root);
	assert_keys(root, "version", "tool", "files", "summary", NULL);
	assert_int_equal(cJSON_GetObjectItem(root, "version")->valueint, 1);
	assert_keys(cJSON_GetObjectItem(root, "tool"), "name", "version", NULL);
	file = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "files"), 0);
	assert_keys(file, "path", "diagnostics", "errors", NULL);
	d = cJSON_GetArrayItem(cJSON_GetObjectItem(file, "diagnostics"), 0);
	assert_keys(d, "rule", "level", "message", "line", "column", "end_line", "end_column",
	    "fingerprint", "related", NULL);
	/* The content fingerprint: 16 hex digits, as SARIF and the baseline carry it. */
	assert_int_equal(strspn(cJSON_GetObjectItem(d, "fingerprint")->valuestring,
	    "0123456789abcdef"), 16);
	assert_string_equal(cJSON_GetObjectItem(d, "rule")->valuestring, "TXT-XUNSHI");
	assert_int_equal(cJSON_GetObjectItem(d, "line")->valueint, 2);
	assert_int_equal(cJSON_GetObjectItem(d, "column")->valueint, 10);
	/* end_column is the column of the first character after the span. */
	assert_int_equal(cJSON_GetObjectItem(d, "end_line")->valueint, 2);
	assert_int_equal(cJSON_GetObjectItem(d, "end_column")->valueint, 12);
	r = cJSON_GetArrayItem(cJSON_GetObjectItem(d, "related"), 0);
	assert_keys(r, "line", "column", "message", NULL);
	assert_string_equal(cJSON_GetObjectItem(r, "message")->valuestring, "title says 巡察 here");
	/* A diagnostic without notes still has an empty "related" array. */
	d = cJSON_GetArrayItem(cJSON_GetObjectItem(file, "diagnostics"), 1);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(d, "related")), 0);
	assert_keys(cJSON_GetArrayItem(cJSON_GetObjectItem(file, "errors"), 0), "id", "message",
	    NULL);
	assert_keys(cJSON_GetObjectItem(root, "summary"), "files", "errors", "warnings", "infos",
	    NULL);
	/* Integers only, printed as integers, and the same bytes every time. */
	assert_non_null(strstr(out, "\"line\":\t2,"));
	assert_null(strstr(out, "2.0"));
	again = render(1, LANG_EN, &dl, &e, 1);
	assert_string_equal(out, again);
	cJSON_Delete(root);
	free(out);
	free(again);
	diag_list_free(&dl);
}

/* The JSON report is exactly what cJSON_Print makes of it: the file objects, written
 * without cJSON, have its layout and its escaping of quotes, backslashes and control
 * characters, with several notes and several input errors. */
static void
test_json_layout_is_cjson_print(void **state)
{
	struct fmt_error e[2] = {{"input-invalid-utf8", "bad \"byte\"\\ at\t3"},
	    {"input-empty", "empty\x01file\x7f"}};
	struct diag_list dl;
	struct diag *d;
	cJSON *root;
	char *out, *again;

	(void)state;
	make_diags(&dl, LANG_EN);
	d = diag_add_text(&dl, "ESC-1", LEVEL_INFO, 0, 3, "q\" b\\ n\n r\r t\t f\f b\b c\x1f 巡察");
	diag_note(&dl, d, 0, 3, "second \"note\"", "second \"note\"", NULL);
	diag_sort(&dl);
	out = render(1, LANG_EN, &dl, e, 2);
	root = cJSON_Parse(out);
	assert_non_null(root);
	again = cJSON_Print(root);
	assert_non_null(again);
	assert_int_equal(strlen(out), strlen(again) + 1);
	assert_memory_equal(out, again, strlen(again));
	assert_string_equal(out + strlen(again), "\n");
	assert_non_null(strstr(out, "\\u001f"));
	cJSON_free(again);
	cJSON_Delete(root);
	free(out);
	diag_list_free(&dl);
}

static void
test_json_quiet_clean_prints_nothing(void **state)
{
	struct formatter f;
	struct fmt_opts o;
	struct fmt_totals t;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	memset(&o, 0, sizeof(o));
	memset(&t, 0, sizeof(t));
	o.out = out;
	o.quiet = true;
	t.files = 3;
	fmt_json_init(&f, &o);
	f.ops->end(f.state, &t);
	f.ops->destroy(f.state);
	fclose(out);
	assert_int_equal(len, 0);
	free(buf);
}

/* One body line of fresh phrasing, far wider than the windows below. */
static const char long_line[] =
	"县卫生健康局党组把巡察整改作为重要政治任务，逐条建立问题清单、任务清单和责任清单，"
	"截止2026年3月底已完成整改问题十二个，其余三个问题正在按计划推进，"
	"确保在规定时限内全部整改到位并向社会公开整改结果。\n";

/* Display columns of s[0, n). */
static size_t
cols(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n)
		w += (size_t)utf8_width(utf8_next(s, n, &i));
	return w;
}

/* Checks one excerpt (source line at *p, caret line after it) of a span over needle: no
 * wider than width, an ellipsis exactly where the line is cut, the caret under needle
 * (its first want_cols columns). Moves *p past the two lines. */
static void
check_excerpt(const char **p, const char *needle, size_t width, int cut_left, int cut_right,
    size_t want_cols)
{
	const char *src = *p, *caret = strchr(src, '\n') + 1, *end = strchr(caret, '\n');
	size_t src_len = (size_t)(caret - 1 - src), spaces;
	char *shown = strndup(src, src_len);
	const char *hit = strstr(shown, needle);

	assert_true(cols(src, src_len) <= width);
	assert_int_equal(strncmp(src, "…", 3) == 0, cut_left);
	assert_int_equal(src_len >= 3 && memcmp(src + src_len - 3, "…", 3) == 0, cut_right);
	if (hit == NULL)  /* a span wider than the window: its start is shown */
		hit = shown + (cut_left ? 3 : 0);
	spaces = strspn(caret, " ");
	assert_int_equal(spaces, cols(shown, (size_t)(hit - shown)));
	assert_int_equal(caret[spaces], '^');
	assert_int_equal((size_t)(end - caret) - spaces, want_cols);
	free(shown);
	*p = end + 1;
}

/* Renders a warning over needle (and a note over note_needle when not NULL) in long_line
 * at width and returns the output after its first line. */
static char *
render_window(const char *needle, const char *note_needle, size_t width)
{
	const char *p = strstr(long_line, needle);
	struct diag_list dl;
	struct diag *d;
	char *out;

	assert_non_null(p);
	diag_list_init(&dl, LANG_ZH);
	d = diag_add_text(&dl, "TXT-X", LEVEL_WARNING, (size_t)(p - long_line),
	    (size_t)(p - long_line) + strlen(needle), "说明");
	if (note_needle != NULL) {
		p = strstr(long_line, note_needle);
		diag_note(&dl, d, (size_t)(p - long_line), (size_t)(p - long_line) +
		    strlen(note_needle), "相关位置", "related", NULL);
	}
	render_text = long_line;
	render_width = width;
	out = render(0, LANG_ZH, &dl, NULL, 0);
	render_text = NULL;
	render_width = 0;
	diag_list_free(&dl);
	return out;
}

static void
test_window_cuts_around_span(void **state)
{
	static const struct {
		const char *needle;
		size_t width;
		int cut_left, cut_right;
	} cases[] = {
		{"截止", 40, 1, 1},          /* middle of the line: cut both sides */
		{"县卫生健康局", 40, 0, 1},  /* start of the line: nothing cut before */
		{"整改结果。", 40, 1, 0},    /* end of the line: nothing cut after */
		{"截止", 60, 1, 1},
		{"截止", 400, 0, 0},         /* the whole line fits */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out = render_window(cases[i].needle, NULL, cases[i].width);
		const char *p = strchr(out, '\n') + 1;

		check_excerpt(&p, cases[i].needle, cases[i].width, cases[i].cut_left,
		    cases[i].cut_right, cols(cases[i].needle, strlen(cases[i].needle)));
		free(out);
	}
}

static void
test_window_span_wider_than_width(void **state)
{
	const char *needle = "逐条建立问题清单、任务清单和责任清单，截止2026年3月底已完成整改问题十二个";
	char *out = render_window(needle, NULL, 30);
	const char *p = strchr(out, '\n') + 1;

	(void)state;
	/* The span's start stands after the left cut; the caret runs to the window's end. */
	check_excerpt(&p, needle, 30, 1, 1, 26);
	assert_int_equal(strncmp(strchr(out, '\n') + 1, "…逐条建立", 15), 0);
	free(out);
}

static void
test_window_note_uses_same_window(void **state)
{
	char *out = render_window("截止", "其余三个问题", 40);
	const char *p = strchr(out, '\n') + 1;

	(void)state;
	check_excerpt(&p, "截止", 40, 1, 1, 4);
	assert_int_equal(strncmp(p, "fixtures/seeds/001.txt:1:", 25), 0);
	assert_non_null(strstr(p, ": note: 相关位置\n"));
	p = strchr(p, '\n') + 1;
	check_excerpt(&p, "其余三个问题", 40, 1, 1, 12);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_caret_ascii),
		cmocka_unit_test(test_caret_cjk_width),
		cmocka_unit_test(test_caret_tabs_and_clipping),
		cmocka_unit_test(test_source_line),
		cmocka_unit_test(test_human_output),
		cmocka_unit_test(test_window_cuts_around_span),
		cmocka_unit_test(test_window_span_wider_than_width),
		cmocka_unit_test(test_window_note_uses_same_window),
		cmocka_unit_test(test_human_input_error_en),
		cmocka_unit_test(test_json_shape),
		cmocka_unit_test(test_json_layout_is_cjson_print),
		cmocka_unit_test(test_json_quiet_clean_prints_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
