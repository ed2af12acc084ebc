/* Atomic file replacement with mkstemp, fsync and rename in the destination's directory. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "atomicfile.h"
#include "xalloc.h"

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

int
atomic_open(struct atomic_file *af, const char *dest, char **reason)
{
	const char *slash = strrchr(dest, '/');
	size_t dir = slash ? (size_t)(slash - dest) + 1 : 0;
	size_t n = dir + sizeof(".noticelint-XXXXXX");
	mode_t mask;
	int fd, err;

	memset(af, 0, sizeof(*af));
	af->tmp = xmalloc(n);
	memcpy(af->tmp, dest, dir);
	memcpy(af->tmp + dir, ".noticelint-XXXXXX", sizeof(".noticelint-XXXXXX"));
	fd = mkstemp(af->tmp);
	if (fd < 0) {
		err = errno;
		free(af->tmp);
		af->tmp = NULL;
		*reason = describe(dest, err);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	af->fp = fdopen(fd, "w");
	if (af->fp == NULL) {
		err = errno;
		close(fd);
		unlink(af->tmp);
		free(af->tmp);
		af->tmp = NULL;
		*reason = describe(dest, err);
		return -1;
	}
	af->dest = xstrdup(dest);
	return 0;
}

int
atomic_commit(struct atomic_file *af, char **reason)
{
	int err = 0;

	if (fflush(af->fp) != 0 || ferror(af->fp))
		err = errno ? errno : EIO;
	else if (fsync(fileno(af->fp)) != 0)
		err = errno;
	if (fclose(af->fp) != 0 && err == 0)
		err = errno;
	af->fp = NULL;
	if (err == 0 && rename(af->tmp, af->dest) != 0)
		err = errno;
	if (err != 0) {
		*reason = describe(af->dest, err);
		unlink(af->tmp);
	}
	free(af->tmp);
	free(af->dest);
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
	memset(af, 0, sizeof(*af));
}
