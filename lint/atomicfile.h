/* Writing a file atomically: a temporary file in the same directory, flushed, synced and
 * renamed over the destination, so readers see the old file or the whole new one. */
#ifndef NL_ATOMICFILE_H
#define NL_ATOMICFILE_H
#include <stdio.h>

struct atomic_file {
	FILE *fp;     /* write here between atomic_open and atomic_commit */
	char *tmp;    /* the temporary file's path */
	char *dest;   /* the destination path */
};

/* Creates the temporary file for dest. Returns 0, or -1 with *reason set to a message
 * (caller frees) and nothing created. */
int atomic_open(struct atomic_file *af, const char *dest, char **reason);
/* Flushes, syncs and renames the temporary file onto dest, then frees af. Returns 0, or -1
 * with *reason set (caller frees) and the temporary file removed. */
int atomic_commit(struct atomic_file *af, char **reason);
/* Closes and removes the temporary file and frees af. */
void atomic_abort(struct atomic_file *af);

#endif
