/* Where a file's config is (the nearest .noticelint.yml above it) and how a config's globs
 * meet a file's path. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "config.h"
#include "xalloc.h"

/* Absolute directory to start the search from for path (owned). */
static char *
start_dir(const char *path)
{
	char *abs = NULL, *copy, *slash;

	if (strcmp(path, "-") != 0 && (abs = realpath(path, NULL)) != NULL) {
		struct stat st;

		if (stat(abs, &st) == 0 && S_ISDIR(st.st_mode))
			return abs;
		slash = strrchr(abs, '/');
		if (slash == abs)
			slash[1] = '\0';
		else
			*slash = '\0';
		return abs;
	}
	copy = xstrdup(path);
	slash = strrchr(copy, '/');
	if (strcmp(path, "-") != 0 && slash != NULL) {
		*slash = '\0';
		abs = realpath(slash == copy ? "/" : copy, NULL);
	}
	free(copy);
	if (abs == NULL)
		abs = realpath(".", NULL);
	return abs != NULL ? abs : xstrdup("/");
}

char *
config_find(const char *path)
{
	char *dir = start_dir(path), *cand, *slash;
	struct stat st;
	size_t len;

	for (;;) {
		len = strlen(dir) + sizeof(CONFIG_NAME) + 2;
		cand = xmalloc(len);
		snprintf(cand, len, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, CONFIG_NAME);
		if (stat(cand, &st) == 0 && !S_ISDIR(st.st_mode)) {
			free(dir);
			return cand;
		}
		free(cand);
		slash = strrchr(dir, '/');
		if (slash == NULL || strcmp(dir, "/") == 0)
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	return NULL;
}

char *
config_rel_path(const struct config *c, const char *file)
{
	char *abs = strcmp(file, "-") == 0 ? NULL : realpath(file, NULL), *r;
	size_t n = strlen(c->dir);

	if (abs == NULL)
		return xstrdup(file);
	if (strcmp(c->dir, "/") == 0) {
		r = xstrdup(abs + 1);
	} else if (strncmp(abs, c->dir, n) == 0 && abs[n] == '/') {
		r = xstrdup(abs + n + 1);
	} else {
		return abs;
	}
	free(abs);
	return r;
}

bool
config_globs_match(const struct cfg_strs *globs, const char *rel)
{
	size_t i;

	for (i = 0; i < globs->n; i++)
		if (fnmatch(globs->v[i].s, rel, 0) == 0)
			return true;
	return false;
}

bool
config_wants(const struct config *c, const char *rel)
{
	if (c->include.n > 0 && !config_globs_match(&c->include, rel))
		return false;
	return !config_globs_match(&c->exclude, rel);
}
