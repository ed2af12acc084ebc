/* Where a file's config is (the nearest .noticelint.yml or .noticelint.yaml above it, no
 * higher than the repository root) and how a config's globs meet a file's path. */
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

/* dir/name (owned); dir "/" gives "/name". */
static char *
join(const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *s = xmalloc(len);

	snprintf(s, len, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, name);
	return s;
}

/* True when dir/name exists and is not a directory (a config file). */
static bool
has_file(const char *dir, const char *name)
{
	char *p = join(dir, name);
	struct stat st;
	bool yes = stat(p, &st) == 0 && !S_ISDIR(st.st_mode);

	free(p);
	return yes;
}

/* True when dir holds .git of any kind: a repository's directory, a worktree's file. */
static bool
is_repo_root(const char *dir)
{
	char *p = join(dir, ".git");
	struct stat st;
	bool yes = lstat(p, &st) == 0;

	free(p);
	return yes;
}

char *
config_find(const char *path, char **both)
{
	char *dir = start_dir(path), *found = NULL, *slash;
	bool yml, yaml;

	*both = NULL;
	for (;;) {
		yml = has_file(dir, CONFIG_NAME);
		yaml = has_file(dir, CONFIG_NAME_ALT);
		if (yml && yaml) {
			*both = dir;
			return NULL;
		}
		if (yml || yaml) {
			found = join(dir, yml ? CONFIG_NAME : CONFIG_NAME_ALT);
			break;
		}
		slash = strrchr(dir, '/');
		if (is_repo_root(dir) || slash == NULL || strcmp(dir, "/") == 0)
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(dir);
	return found;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

char *
config_find_memo(struct config_memo *m, const char *path, char **both)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash == NULL ? 0 : slash == path ? 1 : (size_t)(slash - path);
	struct stat st;
	char *found;

	if (strcmp(path, "-") == 0 || lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return config_find(path, both);
	if (m->dir != NULL && strlen(m->dir) == n && memcmp(m->dir, path, n) == 0) {
		*both = dup_or_null(m->both);
		return dup_or_null(m->found);
	}
	found = config_find(path, both);
	config_memo_free(m);
	m->dir = xmalloc(n + 1);
	memcpy(m->dir, path, n);
	m->dir[n] = '\0';
	m->found = dup_or_null(found);
	m->both = dup_or_null(*both);
	return found;
}

void
config_memo_free(struct config_memo *m)
{
	free(m->dir);
	free(m->found);
	free(m->both);
	m->dir = m->found = m->both = NULL;
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
