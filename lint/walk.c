/* Directory walking for PATH operands: collect notices, skip hidden entries, stop at the
 * depth limit and at symlink loops, then sort so output never depends on readdir order. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "input/input.h"
#include "limits.h"
#include "msg.h"
#include "walk.h"
#include "xalloc.h"

/* A directory on the current walk path, to recognise loops. */
struct dir_id {
	dev_t dev;
	ino_t ino;
};

struct walker {
	struct walk_list *out;
	enum lang lang;
	struct dir_id open[NL_MAX_WALK_DEPTH + 1];
};

static void
add_item(struct walk_list *l, char *path, const char *id, char *msg)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n].path = path;
	l->v[l->n].err_id = id;
	l->v[l->n].err_msg = msg;
	l->n++;
}

/* Appends an error item for path; reason may be NULL when the message takes none. */
static void
add_error(struct walker *w, const char *path, const char *id, const char *reason)
{
	char *msg = msg_format(id, w->lang, "path", path, "reason", reason ? reason : "",
	    NULL);

	add_item(w->out, xstrdup(path), id, msg);
}

static char *
join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	int slash = a > 0 && dir[a - 1] != '/';
	char *s = xmalloc(a + (size_t)slash + b + 1);

	memcpy(s, dir, a);
	if (slash)
		s[a] = '/';
	memcpy(s + a + (size_t)slash, name, b + 1);
	return s;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the visible entry names of path, sorted; NULL (and an error item) on failure. */
static char **
list_dir(struct walker *w, const char *path, size_t *n)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL) {
		add_error(w, path, "input-unreadable", strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		v = xgrow(v, &cap, *n + 1, sizeof(*v));
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_name);
	return v;
}

static void walk_dir(struct walker *w, const char *path, const struct stat *st, int depth);

/* Handles one directory entry: recurse into directories, keep notices. */
static void
walk_entry(struct walker *w, const char *dir, const char *name, int depth)
{
	char *child = join(dir, name);
	struct stat st;

	if (stat(child, &st) == 0 && S_ISDIR(st.st_mode))
		walk_dir(w, child, &st, depth + 1);
	else if (input_is_notice_name(name)) {
		add_item(w->out, child, NULL, NULL);
		return;
	}
	free(child);
}

static void
walk_dir(struct walker *w, const char *path, const struct stat *st, int depth)
{
	char **names;
	size_t n, i;
	int k;

	if (depth > NL_MAX_WALK_DEPTH) {
		add_error(w, path, "input-walk-too-deep", NULL);
		return;
	}
	for (k = 0; k < depth; k++)
		if (w->open[k].dev == st->st_dev && w->open[k].ino == st->st_ino)
			return;  /* a symlink back to an enclosing directory */
	w->open[depth].dev = st->st_dev;
	w->open[depth].ino = st->st_ino;
	names = list_dir(w, path, &n);
	for (i = 0; i < n; i++) {
		walk_entry(w, path, names[i], depth);
		free(names[i]);
	}
	free(names);
}

static int
cmp_item(const void *a, const void *b)
{
	return strcmp(((const struct walk_item *)a)->path, ((const struct walk_item *)b)->path);
}

/* The operand without trailing slashes ("/" stays "/"). */
static char *
trim_slashes(const char *arg)
{
	size_t n = strlen(arg);

	while (n > 1 && arg[n - 1] == '/')
		n--;
	return xstrndup(arg, n);
}

void
walk_expand(struct walk_list *out, const char *arg, enum lang lang)
{
	struct walker w;
	struct stat st;
	size_t first = out->n;
	char *root;

	if (strcmp(arg, "-") == 0 || stat(arg, &st) != 0 || !S_ISDIR(st.st_mode)) {
		add_item(out, xstrdup(arg), NULL, NULL);
		return;
	}
	memset(&w, 0, sizeof(w));
	w.out = out;
	w.lang = lang;
	root = trim_slashes(arg);
	walk_dir(&w, root, &st, 0);
	if (out->n == first)
		add_error(&w, root, "input-no-notices", NULL);
	else if (out->n - first > 1)
		qsort(out->v + first, out->n - first, sizeof(*out->v), cmp_item);
	free(root);
}

void
walk_list_free(struct walk_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].err_msg);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
