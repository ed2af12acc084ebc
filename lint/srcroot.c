/* Finding the source root (--root, the enclosing git work tree, or the current directory)
 * and a display path's place below it. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "srcroot.h"
#include "xalloc.h"

/* Real path of the directory of path (path itself when it is a directory), or NULL. */
static char *
real_dir(const char *path)
{
	struct stat st;
	char *copy, *slash, *r;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return realpath(path, NULL);
	copy = xstrdup(path);
	slash = strrchr(copy, '/');
	if (slash == NULL)
		r = realpath(".", NULL);
	else if (slash == copy)
		r = realpath("/", NULL);
	else {
		*slash = '\0';
		r = realpath(copy, NULL);
	}
	free(copy);
	return r;
}

/* True when dir holds a .git entry (a directory, or the file of a linked work tree). */
static int
has_git(const char *dir)
{
	size_t n = strlen(dir) + 6;
	char *p = xmalloc(n);
	struct stat st;
	int r;

	snprintf(p, n, "%s/.git", strcmp(dir, "/") == 0 ? "" : dir);
	r = lstat(p, &st) == 0;
	free(p);
	return r;
}

char *
srcroot_find(const char *dir, const char *first)
{
	struct stat st;
	char *start, *cur, *slash;

	if (dir != NULL)
		return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ? realpath(dir, NULL) : NULL;
	start = first != NULL && strcmp(first, "-") != 0 ? real_dir(first) : NULL;
	if (start == NULL)
		start = realpath(".", NULL);
	if (start == NULL)
		return xstrdup("/");
	cur = xstrdup(start);
	for (;;) {
		if (has_git(cur)) {
			free(start);
			return cur;
		}
		slash = strrchr(cur, '/');
		if (slash == NULL || slash == cur)
			break;
		*slash = '\0';
	}
	free(cur);
	free(start);
	cur = realpath(".", NULL);
	return cur != NULL ? cur : xstrdup("/");
}

char *
srcroot_abs(const char *path)
{
	const char *base = strrchr(path, '/');
	char *dir = real_dir(path), *abs;
	struct stat st;
	size_t n;

	if (dir == NULL || (stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
		return dir;
	base = base != NULL ? base + 1 : path;
	n = strlen(dir) + strlen(base) + 2;
	abs = xmalloc(n);
	snprintf(abs, n, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, base);
	free(dir);
	return abs;
}

char *
srcroot_rel(const char *root, const char *path)
{
	char *abs = srcroot_abs(path), *r = NULL;
	size_t rl = strlen(root);

	if (abs == NULL)
		return NULL;
	if (strcmp(root, "/") == 0)
		r = xstrdup(abs + 1);
	else if (strncmp(abs, root, rl) == 0 && abs[rl] == '/')
		r = xstrdup(abs + rl + 1);
	free(abs);
	return r;
}
