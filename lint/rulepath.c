/* Default rule pack discovery. Order: $NOTICELINT_RULES (used alone when set and
 * non-empty), <exe dir>/../share/noticelint/rules, <exe dir>/rules, the install
 * directory, then the source tree's rules/. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rulepath.h"
#include "xalloc.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* Appends s to the ", "-separated list *list. */
static void
note_place(char **list, const char *s)
{
	size_t old = *list ? strlen(*list) : 0;
	size_t add = strlen(s);

	*list = xrealloc(*list, old + add + 3);
	if (old > 0) {
		memcpy(*list + old, ", ", 2);
		old += 2;
	}
	memcpy(*list + old, s, add + 1);
}

/* True when path is a directory (or, if files_ok, a regular file). */
static int
exists(const char *path, int files_ok)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return 0;
	return S_ISDIR(st.st_mode) || (files_ok && S_ISREG(st.st_mode));
}

/* The directory of the running executable, or NULL when /proc is not available. */
static char *
exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (slash == NULL)
		return NULL;
	return xstrndup(buf, (size_t)(slash - buf));
}

/* Checks candidate dir + suffix; returns it as a new string when it exists. */
static char *
try_place(char **where, const char *dir, const char *suffix)
{
	size_t a = strlen(dir), b = strlen(suffix);
	char *path = xmalloc(a + b + 1);

	memcpy(path, dir, a);
	memcpy(path + a, suffix, b + 1);
	note_place(where, path);
	if (exists(path, 0))
		return path;
	free(path);
	return NULL;
}

char *
rulepath_default(char **where)
{
	const char *env = getenv("NOTICELINT_RULES");
	char *dir, *found = NULL;

	*where = NULL;
	if (env != NULL && env[0] != '\0') {
		note_place(where, env);
		return exists(env, 1) ? xstrdup(env) : NULL;
	}
	dir = exe_dir();
	if (dir != NULL) {
		found = try_place(where, dir, "/../share/noticelint/rules");
		if (found == NULL)
			found = try_place(where, dir, "/rules");
		free(dir);
	}
	if (found == NULL)
		found = try_place(where, NL_INSTALL_RULES_DIR, "");
	if (found == NULL)
		found = try_place(where, NL_SOURCE_RULES_DIR, "");
	return found;
}
