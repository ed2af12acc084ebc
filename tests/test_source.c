/* Unit tests: reading one input (missing, empty, NUL byte, over the size cap, directory,
 * FIFO, standard input) and walking directory operands (sorted, hidden entries skipped,
 * symlink loops left, empty trees reported). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "filejob.h"
#include "limits.h"
#include "lint.h"
#include "rules.h"
#include "settings.h"
#include "source.h"
#include "walk.h"

static char tmpdir[64];

/* tmpdir/name in buf. */
static const char *
tmp_path(char *buf, size_t n, const char *name)
{
	snprintf(buf, n, "%s/%s", tmpdir, name);
	return buf;
}

static void
write_file(const char *name, const char *data, size_t len)
{
	char path[256];
	FILE *f = fopen(tmp_path(path, sizeof(path), name), "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/nl-test-source-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Reads tmpdir/name and expects failure with id; returns the message (caller frees). */
static char *
expect_error(const char *name, enum lang lang, const char *id)
{
	char path[256];
	struct source src;
	struct source_error err;
	char *msg;

	assert_int_equal(source_read(&src, tmp_path(path, sizeof(path), name), NULL, lang, &err), -1);
	assert_non_null(err.id);
	assert_string_equal(err.id, id);
	assert_null(src.data);
	msg = err.message;
	err.message = NULL;
	source_error_free(&err);
	return msg;
}

static void
test_reads_notice(void **state)
{
	const char text[] = "中共平江县卫生健康局党组\n关于巡察整改进展情况的通报\n";
	char path[256];
	struct source src;
	struct source_error err;
	struct stat before, after;

	(void)state;
	write_file("ok.txt", text, sizeof(text) - 1);
	tmp_path(path, sizeof(path), "ok.txt");
	assert_int_equal(chmod(path, 0444), 0);
	assert_int_equal(stat(path, &before), 0);
	assert_int_equal(source_read(&src, path, NULL, LANG_ZH, &err), 0);
	assert_null(err.id);
	assert_int_equal(src.len, sizeof(text) - 1);
	assert_memory_equal(src.data, text, src.len);
	assert_int_equal(src.data[src.len], '\0');
	source_free(&src);
	/* Read-only use: the file is neither changed nor touched. */
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_size, after.st_size);
	assert_int_equal(before.st_mtime, after.st_mtime);
}

static void
test_missing(void **state)
{
	char *msg;

	(void)state;
	msg = expect_error("no-such-notice.txt", LANG_EN, "input-missing");
	assert_non_null(strstr(msg, "no such file: "));
	assert_non_null(strstr(msg, "no-such-notice.txt"));
	free(msg);
}

/* Lints tmpdir/name with no rules; returns its result (caller frees). */
static struct file_result
lint_file(const char *name, const char *encoding)
{
	struct lint_opts lo = {LANG_EN, 2026, 11, 23, NULL, NULL, NULL, NULL, false};
	struct options o;
	struct file_settings fs;
	struct walk_item it;
	struct ruleset rs = {NULL, 0, 0, NULL, RULESET_SCAN_OFF};
	struct file_result fr;
	char path[256];

	memset(&o, 0, sizeof(o));
	memset(&fs, 0, sizeof(fs));
	memset(&it, 0, sizeof(it));
	o.encoding = encoding;
	fs.o = &o;
	tmp_path(path, sizeof(path), name);
	it.path = path;
	file_result_make(&fr, &it, &rs, &lo, &fs);
	return fr;
}

/* An empty file, a BOM-only file (UTF-8 or UTF-16) and a file of only spaces, ideographic
 * spaces and line breaks are read, and each gets one finding: input-empty at 1:1. */
static void
test_empty_and_blank(void **state)
{
	static const struct {
		const char *name, *data;
		size_t len;
	} cases[] = {
		{"empty.txt", "", 0},
		{"bom8.txt", "\xEF\xBB\xBF", 3},
		{"bom16.txt", "\xFF\xFE", 2},
		{"blank.txt", " \t\r\n\xE3\x80\x80\n\xEF\xBB\xBF\xE2\x80\x8B\n", 15},
	};
	struct file_result fr;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		write_file(cases[i].name, cases[i].data, cases[i].len);
		fr = lint_file(cases[i].name, NULL);
		assert_null(fr.err_id);
		assert_int_equal(fr.diags.n, 1);
		assert_string_equal(fr.diags.v[0].rule, "input-empty");
		assert_int_equal(fr.diags.v[0].level, LEVEL_ERROR);
		assert_int_equal(fr.diags.v[0].span.start, 0);
		assert_non_null(strstr(fr.diags.v[0].message, "holds no text"));
		file_result_free(&fr);
	}
	/* One visible character is text. */
	write_file("dot.txt", " \xE3\x80\x82\n", 5);
	fr = lint_file("dot.txt", NULL);
	assert_null(fr.err_id);
	assert_int_equal(fr.diags.n, 0);
	file_result_free(&fr);
}

/* --encoding is honoured before the NUL check: BOM-less UTF-16LE is binary when detected,
 * text when named; a NUL code unit is still binary, at its byte offset. */
static void
test_named_wide_encoding(void **state)
{
	/* 整改 (U+6574 U+6539) and a line feed, in UTF-16LE without a BOM. */
	static const char le[] = "\x74\x65\x39\x65\x0A\x00";
	static const char le_nul[] = "\x74\x65\x00\x00\x39\x65";
	struct source src;
	struct source_error err;
	char path[256];
	struct file_result fr;

	(void)state;
	write_file("le.txt", le, sizeof(le) - 1);
	free(expect_error("le.txt", LANG_EN, "input-binary"));
	assert_int_equal(source_read(&src, tmp_path(path, sizeof(path), "le.txt"), "UTF-16LE",
	    LANG_EN, &err), 0);
	assert_int_equal(src.len, 6);
	source_free(&src);
	fr = lint_file("le.txt", "UTF-16LE");
	assert_null(fr.err_id);
	assert_string_equal(fr.dec.text, "整改\n");
	file_result_free(&fr);
	write_file("le-nul.txt", le_nul, sizeof(le_nul) - 1);
	assert_int_equal(source_read(&src, tmp_path(path, sizeof(path), "le-nul.txt"), "UTF-16LE",
	    LANG_EN, &err), -1);
	assert_string_equal(err.id, "input-binary");
	assert_non_null(strstr(err.message, "byte offset 2"));
	source_error_free(&err);
	/* A named one-byte encoding keeps the byte check. */
	assert_int_equal(source_read(&src, path, "GB18030", LANG_EN, &err), -1);
	assert_string_equal(err.id, "input-binary");
	source_error_free(&err);
}

static void
test_nul_byte_offset(void **state)
{
	/* 整改 is six bytes, so the NUL sits at byte offset 6. */
	const char data[] = "整改\0结果";
	char *msg;

	(void)state;
	write_file("nul.txt", data, sizeof(data) - 1);
	msg = expect_error("nul.txt", LANG_EN, "input-binary");
	assert_non_null(strstr(msg, "byte offset 6"));
	free(msg);
}

static void
test_too_large(void **state)
{
	char path[256], want[64];
	char *msg;

	(void)state;
	write_file("big.txt", "x", 1);
	/* A sparse file one byte over the cap costs no disk space. */
	assert_int_equal(truncate(tmp_path(path, sizeof(path), "big.txt"),
	    (off_t)NL_MAX_FILE_BYTES + 1), 0);
	msg = expect_error("big.txt", LANG_EN, "input-too-large");
	snprintf(want, sizeof(want), "(%llu bytes)", (unsigned long long)NL_MAX_FILE_BYTES + 1);
	assert_non_null(strstr(msg, want));
	free(msg);
	/* Exactly at the cap is still read. */
	assert_int_equal(truncate(path, (off_t)NL_MAX_FILE_BYTES), 0);
	msg = expect_error("big.txt", LANG_EN, "input-binary");
	free(msg);
}

static void
test_directory_and_fifo(void **state)
{
	char path[256];
	char *msg;

	(void)state;
	assert_int_equal(mkdir(tmp_path(path, sizeof(path), "adir.txt"), 0755), 0);
	msg = expect_error("adir.txt", LANG_EN, "input-directory");
	free(msg);
	/* A FIFO is refused before it is opened, so the read cannot block. */
	assert_int_equal(mkfifo(tmp_path(path, sizeof(path), "pipe.txt"), 0644), 0);
	msg = expect_error("pipe.txt", LANG_EN, "input-not-regular");
	free(msg);
}

/* Points standard input at data through a pipe, reads "-", and restores stdin. */
static int
read_stdin(const char *data, size_t len, struct source *src, struct source_error *err)
{
	int fds[2], saved = dup(STDIN_FILENO), rc;

	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], data, len), (ssize_t)len);
	close(fds[1]);
	dup2(fds[0], STDIN_FILENO);
	close(fds[0]);
	rc = source_read(src, "-", NULL, LANG_ZH, err);
	dup2(saved, STDIN_FILENO);
	close(saved);
	return rc;
}

static void
test_stdin(void **state)
{
	struct source src;
	struct source_error err;

	(void)state;
	assert_int_equal(read_stdin("整改结果：完成\n", 22, &src, &err), 0);
	assert_int_equal(src.len, 22);
	source_free(&src);
	/* Empty standard input is read; that it holds no text is a finding, as for a file. */
	assert_int_equal(read_stdin("", 0, &src, &err), 0);
	assert_int_equal(src.len, 0);
	source_free(&src);
	assert_string_equal(source_display_path("-"), "<stdin>");
}

static void
make_tree(void)
{
	char path[256];

	mkdir(tmp_path(path, sizeof(path), "tree"), 0755);
	mkdir(tmp_path(path, sizeof(path), "tree/b"), 0755);
	mkdir(tmp_path(path, sizeof(path), "tree/.git"), 0755);
	mkdir(tmp_path(path, sizeof(path), "tree/empty"), 0755);
	write_file("tree/z.txt", "z", 1);
	write_file("tree/a.md", "a", 1);
	write_file("tree/b/c.txt", "c", 1);
	write_file("tree/b-x.txt", "x", 1);
	write_file("tree/notes.doc", "d", 1);
	write_file("tree/.hidden.txt", "h", 1);
	write_file("tree/.git/HEAD.txt", "g", 1);
	/* A symlink back to the top: walking it must not loop. */
	symlink("..", tmp_path(path, sizeof(path), "tree/b/up"));
}

static void
test_walk_sorted_and_filtered(void **state)
{
	static const char *const want[] = {"a.md", "b-x.txt", "b/c.txt", "z.txt"};
	struct walk_list wl;
	char root[256], path[256];
	size_t i;

	(void)state;
	make_tree();
	memset(&wl, 0, sizeof(wl));
	tmp_path(root, sizeof(root), "tree/");
	walk_expand(&wl, root, LANG_EN);
	assert_int_equal(wl.n, 4);
	for (i = 0; i < wl.n; i++) {
		snprintf(path, sizeof(path), "%s/tree/%s", tmpdir, want[i]);
		assert_string_equal(wl.v[i].path, path);
		assert_null(wl.v[i].err_id);
	}
	walk_list_free(&wl);
}

static void
test_walk_operands(void **state)
{
	struct walk_list wl;
	char path[256];

	(void)state;
	memset(&wl, 0, sizeof(wl));
	/* A file operand stays as given, whatever its extension; "-" too. */
	walk_expand(&wl, tmp_path(path, sizeof(path), "tree/notes.doc"), LANG_EN);
	walk_expand(&wl, "-", LANG_EN);
	walk_expand(&wl, tmp_path(path, sizeof(path), "tree/empty"), LANG_EN);
	assert_int_equal(wl.n, 3);
	assert_null(wl.v[0].err_id);
	assert_string_equal(wl.v[1].path, "-");
	assert_string_equal(wl.v[2].err_id, "input-no-notices");
	assert_non_null(strstr(wl.v[2].err_msg, "no notices (.txt .md .docx .html .htm .pdf) under"));
	walk_list_free(&wl);
}

static void
test_walk_depth_limit(void **state)
{
	struct walk_list wl;
	char path[1024];
	size_t n;
	int i;

	(void)state;
	n = (size_t)snprintf(path, sizeof(path), "%s/deep", tmpdir);
	assert_int_equal(mkdir(path, 0755), 0);
	for (i = 0; i <= NL_MAX_WALK_DEPTH; i++) {
		n += (size_t)snprintf(path + n, sizeof(path) - n, "/d");
		assert_int_equal(mkdir(path, 0755), 0);
	}
	snprintf(path + n, sizeof(path) - n, "/x.txt");
	write_file(path + strlen(tmpdir) + 1, "x", 1);
	memset(&wl, 0, sizeof(wl));
	walk_expand(&wl, tmp_path(path, sizeof(path), "deep"), LANG_EN);
	assert_int_equal(wl.n, 1);
	assert_string_equal(wl.v[0].err_id, "input-walk-too-deep");
	walk_list_free(&wl);
}

/* A file listed by the directory walk but gone before it is read: that input gets
 * input-missing, the other file of the walk is still linted. */
static void
test_vanished_after_walk(void **state)
{
	static const char notice[] = "关于巡察整改进展情况的通报\n如果意见建议，请联系。\n";
	struct lint_opts lo = {LANG_EN, 2026, 11, 23, NULL, NULL, NULL, NULL, false};
	struct walk_list l = {NULL, 0, 0};
	struct file_result a, b;
	struct ruleset rs = {NULL, 0, 0, NULL, RULESET_SCAN_OFF};
	char dir[256], path[300];

	(void)state;
	snprintf(dir, sizeof(dir), "%s/vanish", tmpdir);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/a.txt", dir);
	write_file("vanish/a.txt", notice, strlen(notice));
	write_file("vanish/b.txt", notice, strlen(notice));
	walk_expand(&l, dir, LANG_EN);
	assert_int_equal(l.n, 2);
	assert_null(l.v[1].err_id);
	snprintf(path, sizeof(path), "%s/b.txt", dir);
	assert_int_equal(unlink(path), 0);
	file_result_make(&a, &l.v[0], &rs, &lo, NULL);
	file_result_make(&b, &l.v[1], &rs, &lo, NULL);
	assert_null(a.err_id);
	assert_non_null(a.dec.text);
	assert_non_null(b.err_id);
	assert_string_equal(b.err_id, "input-missing");
	assert_non_null(strstr(b.err_msg, "b.txt"));
	file_result_free(&a);
	file_result_free(&b);
	walk_list_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_notice),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_named_wide_encoding),
		cmocka_unit_test(test_nul_byte_offset),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_directory_and_fifo),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_walk_sorted_and_filtered),
		cmocka_unit_test(test_walk_operands),
		cmocka_unit_test(test_walk_depth_limit),
		cmocka_unit_test(test_vanished_after_walk),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
