/* The source root of a run's reports: the directory machine formats make paths relative
 * to (SARIF's SRCROOT, GitLab's location.path): --root, else the git work tree holding the
 * first input, else the current directory. */
#ifndef NL_SRCROOT_H
#define NL_SRCROOT_H

/* The real path of the source root for the first input operand first (NULL: none, or "-"):
 * dir itself when given, else the nearest ancestor of first holding a .git entry, else the
 * current directory. Returns an owned path, or NULL when dir is not a directory. */
char *srcroot_find(const char *dir, const char *first);
/* The absolute path of path with its directory resolved (owned), or NULL when that
 * directory does not exist. The final component is not resolved. */
char *srcroot_abs(const char *path);
/* path relative to root ("a/b.txt"), owned, or NULL when path does not lie below root.
 * The final component is not resolved, so a symlinked notice keeps its own name. */
char *srcroot_rel(const char *root, const char *path);

#endif
