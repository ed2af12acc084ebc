/* Output files: atomic replacement of regular files with mkstemp, fsync and rename in the
 * target's directory; direct writes to character devices and FIFOs; refusal of the rest. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "atomicfile.h"
#include "msg.h"
#include "xalloc.h"

#define TMP_NAME ".noticelint-XXXXXX"

/* "dest: strerror(err)"; the caller frees. */
static char *
describe(const char *dest, int err)
{
	const char *why = strerror(err);
	size_t n = strlen(dest) + strlen(why) + 3;
	char *s = xmalloc(n);

	snprintf(s, n, "%s: %s", dest, why);
	return s;
}

/* Fails with catalogue message id about dest. */
static int
refuse(struct atomic_file *af, const char *id, const char *dest, enum lang lang, char **reason)
{
	*reason = msg_format(id, lang, "path", dest, NULL);
	free(af->dest);
	free(af->shown);
	memset(af, 0, sizeof(*af));
	return -1;
}

/* Fails with the system's error err about dest. */
static int
fail_errno(struct atomic_file *af, const char *dest, int err, char **reason)
{
	*reason = describe(dest, err);
	free(af->tmp);
	free(af->dest);
	free(af->shown);
	memset(af, 0, sizeof(*af));
	return -1;
}

/* Opens a character device or FIFO for writing in place; a FIFO with no reader is
 * refused rather than waited for. */
static int
open_direct(struct atomic_file *af, const char *dest, enum lang lang, char **reason)
{
	int fd = open(dest, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC), flags;

	if (fd < 0 && errno == ENXIO)
		return refuse(af, "output-no-reader", dest, lang, reason);
	if (fd < 0)
		return fail_errno(af, dest, errno, reason);
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		(void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	af->fp = fdopen(fd, "w");
	if (af->fp == NULL) {
		close(fd);
		return fail_errno(af, dest, errno, reason);
	}
	af->direct = true;
	return 0;
}

/* Creates the temporary file beside af->dest with the given mode (and, where allowed, the
 * owner of the file it replaces: st, or NULL for a new file). */
static int
open_temp(struct atomic_file *af, const struct stat *st, mode_t mode, char **reason)
{
	const char *slash = strrchr(af->dest, '/');
	size_t dir = slash ? (size_t)(slash - af->dest) + 1 : 0;
	int fd, err;

	af->tmp = xmalloc(dir + sizeof(TMP_NAME));
	memcpy(af->tmp, af->dest, dir);
	memcpy(af->tmp + dir, TMP_NAME, sizeof(TMP_NAME));
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		free(af->tmp);
		af->tmp = NULL;
		return fail_errno(af, af->shown, errno, reason);
	}
	if (st != NULL && (st->st_uid != geteuid() || st->st_gid != getegid()))
		(void)fchown(fd, st->st_uid, st->st_gid);
	(void)fchmod(fd, mode);
	af->fp = fdopen(fd, "w");
	if (af->fp == NULL) {
		err = errno;
		close(fd);
		unlink(af->tmp);
		return fail_errno(af, af->shown, err, reason);
	}
	return 0;
}

int
atomic_open(struct atomic_file *af, const char *dest, enum lang lang, char **reason)
{
	struct stat st;
	mode_t mask;

	memset(af, 0, sizeof(*af));
	af->shown = xstrdup(dest);
	if (stat(dest, &st) == 0) {
		if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
			return open_direct(af, dest, lang, reason);
		if (!S_ISREG(st.st_mode))
			return refuse(af, "output-not-regular", dest, lang, reason);
		/* Through a symlink to the file it names: the link itself stays. */
		af->dest = realpath(dest, NULL);
		if (af->dest == NULL)
			af->dest = xstrdup(dest);
		return open_temp(af, &st, st.st_mode & 07777, reason);
	}
	if (errno != ENOENT)
		return fail_errno(af, dest, errno, reason);
	if (lstat(dest, &st) == 0 && S_ISLNK(st.st_mode))
		return refuse(af, "output-dangling-link", dest, lang, reason);
	af->dest = xstrdup(dest);
	mask = umask(0);
	umask(mask);
	return open_temp(af, NULL, 0666 & ~mask, reason);
}

/* Syncs the directory holding path, so the rename itself is durable (best effort). */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Flushes and closes a direct write; a reader that left early is not an error. */
static int
commit_direct(struct atomic_file *af)
{
	int err = 0;

	if (fflush(af->fp) != 0 || ferror(af->fp))
		err = errno ? errno : EIO;
	if (fclose(af->fp) != 0 && err == 0)
		err = errno;
	af->fp = NULL;
	return err == EPIPE ? 0 : err;
}

int
atomic_commit(struct atomic_file *af, char **reason)
{
	int err = 0;

	errno = 0;
	if (af->direct) {
		err = commit_direct(af);
	} else {
		if (fflush(af->fp) != 0 || ferror(af->fp))
			err = errno ? errno : EIO;
		else if (fsync(fileno(af->fp)) != 0)
			err = errno;
		if (fclose(af->fp) != 0 && err == 0)
			err = errno;
		af->fp = NULL;
		if (err == 0 && rename(af->tmp, af->dest) != 0)
			err = errno;
		if (err != 0)
			unlink(af->tmp);
		else
			sync_dir(af->dest);
	}
	if (err != 0)
		*reason = describe(af->shown, err);
	free(af->tmp);
	free(af->dest);
	free(af->shown);
	memset(af, 0, sizeof(*af));
	return err ? -1 : 0;
}

void
atomic_abort(struct atomic_file *af)
{
	if (af->fp != NULL)
		fclose(af->fp);
	if (af->tmp != NULL)
		unlink(af->tmp);
	free(af->tmp);
	free(af->dest);
	free(af->shown);
	memset(af, 0, sizeof(*af));
}
