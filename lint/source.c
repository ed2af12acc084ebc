/* Reads one input into memory under the size cap. Inputs are opened O_RDONLY and never
 * written; a special file is refused after stat, before it is opened, so a FIFO cannot
 * block the run. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "encoding.h"
#include "limits.h"
#include "msg.h"
#include "source.h"
#include "xalloc.h"

/* Fills err with catalogue id whose only placeholder is {path}. */
static int
fail_path(struct source_error *err, const char *id, const char *path, enum lang lang)
{
	err->id = id;
	err->message = msg_format(id, lang, "path", path, NULL);
	return -1;
}

/* Fills err from an errno of open/stat/read. */
static int
fail_errno(struct source_error *err, const char *path, int e, enum lang lang)
{
	if (e == ENOENT || e == ENOTDIR)
		return fail_path(err, "input-missing", path, lang);
	if (e == EISDIR)
		return fail_path(err, "input-directory", path, lang);
	err->id = "input-unreadable";
	err->message = msg_format(err->id, lang, "path", path, "reason", strerror(e), NULL);
	return -1;
}

static int
fail_too_large(struct source_error *err, const char *path, const char *size, enum lang lang)
{
	char limit[32];

	snprintf(limit, sizeof(limit), "%u", NL_MAX_FILE_BYTES);
	err->id = "input-too-large";
	err->message = msg_format(err->id, lang, "path", path, "limit", limit, "size", size,
	    NULL);
	return -1;
}

/* Refuses what a stat result says is no regular file. */
static int
check_kind(const struct stat *st, const char *path, enum lang lang, struct source_error *err)
{
	char size[32];

	if (S_ISDIR(st->st_mode))
		return fail_path(err, "input-directory", path, lang);
	if (!S_ISREG(st->st_mode))
		return fail_path(err, "input-not-regular", path, lang);
	if ((unsigned long long)st->st_size > NL_MAX_FILE_BYTES) {
		snprintf(size, sizeof(size), "%lld", (long long)st->st_size);
		return fail_too_large(err, path, size, lang);
	}
	return 0;
}

/* Reads fd to its end, keeping at most NL_MAX_FILE_BYTES + 1 bytes; hint is the size
 * fstat gave (0 when unknown). */
static int
read_all(int fd, size_t hint, struct source *src, const char *path, enum lang lang,
    struct source_error *err)
{
	size_t cap = hint > 0 ? hint + 4096 : 64 * 1024, len = 0;
	unsigned char *buf = xmalloc(cap + 1);
	ssize_t n;

	for (;;) {
		if (len == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len > NL_MAX_FILE_BYTES)
			break;
	}
	if (n < 0) {
		free(buf);
		return fail_errno(err, path, errno, lang);
	}
	buf[len] = '\0';
	src->data = buf;
	src->len = len;
	return 0;
}

/* The encoding argument that marks a container format (.docx, .pdf): NUL bytes are data. */
static const char source_binary[] = "binary";

/* Checks the bytes read: not over the cap, no NUL code unit in the input's encoding. */
static int
check_content(struct source *src, const char *path, const char *encoding, enum lang lang,
    struct source_error *err)
{
	size_t nul = (size_t)-1;
	char buf[32];

	if (src->len <= NL_MAX_FILE_BYTES && encoding != source_binary)
		nul = encoding_find_nul(src->data, src->len, encoding);
	if (src->len > NL_MAX_FILE_BYTES) {
		snprintf(buf, sizeof(buf), ">%u", NL_MAX_FILE_BYTES);
		fail_too_large(err, path, buf, lang);
	} else if (nul != (size_t)-1) {
		snprintf(buf, sizeof(buf), "%zu", nul);
		err->id = "input-binary";
		err->message = msg_format(err->id, lang, "path", path, "offset", buf, NULL);
	} else {
		return 0;
	}
	source_free(src);
	return -1;
}

static int
read_stdin(struct source *src, const char *encoding, enum lang lang, struct source_error *err)
{
	const char *path = source_display_path("-");
	struct stat st;

	if (fstat(STDIN_FILENO, &st) != 0)
		return fail_errno(err, path, errno, lang);
	if (S_ISDIR(st.st_mode))
		return fail_path(err, "input-directory", path, lang);
	if (read_all(STDIN_FILENO, 0, src, path, lang, err) != 0)
		return -1;
	return check_content(src, path, encoding, lang, err);
}

static int
read_file(struct source *src, const char *path, const char *encoding, enum lang lang,
    struct source_error *err)
{
	struct stat st;
	int fd, rc;

	if (stat(path, &st) != 0)
		return fail_errno(err, path, errno, lang);
	if (check_kind(&st, path, lang, err) != 0)
		return -1;
	fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return fail_errno(err, path, errno, lang);
	/* The file may have been replaced between stat and open: check what was opened. */
	if (fstat(fd, &st) != 0)
		rc = fail_errno(err, path, errno, lang);
	else
		rc = check_kind(&st, path, lang, err);
	if (rc == 0)
		rc = read_all(fd, (size_t)st.st_size, src, path, lang, err);
	close(fd);
	if (rc != 0)
		return -1;
	return check_content(src, path, encoding, lang, err);
}

int
source_read(struct source *src, const char *path, const char *encoding, enum lang lang,
    struct source_error *err)
{
	memset(src, 0, sizeof(*src));
	memset(err, 0, sizeof(*err));
	if (strcmp(path, "-") == 0)
		return read_stdin(src, encoding, lang, err);
	return read_file(src, path, encoding, lang, err);
}

int
source_read_binary(struct source *src, const char *path, enum lang lang,
    struct source_error *err)
{
	return source_read(src, path, source_binary, lang, err);
}

void
source_free(struct source *src)
{
	free(src->data);
	src->data = NULL;
	src->len = 0;
}

void
source_error_free(struct source_error *err)
{
	free(err->message);
	err->message = NULL;
	err->id = NULL;
}

const char *
source_display_path(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}
