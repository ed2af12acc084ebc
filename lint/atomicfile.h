/* Writing a report file without harm: a regular file (or the file a symlink names) is
 * replaced atomically (temporary file beside it, synced, renamed, its mode kept); a
 * character device or FIFO is written directly; anything else is refused. */
#ifndef NL_ATOMICFILE_H
#define NL_ATOMICFILE_H
#include <stdbool.h>
#include <stdio.h>
#include "i18n.h"

struct atomic_file {
	FILE *fp;     /* write here between atomic_open and atomic_commit */
	char *tmp;    /* the temporary file's path (NULL when writing directly) */
	char *dest;   /* the path renamed onto: dest as given, or the file its symlink names */
	char *shown;  /* dest as given, for messages */
	bool direct;  /* a character device or FIFO, written in place */
};

/* Prepares writing to dest. Returns 0, or -1 with *reason set to a message in lang
 * (caller frees) and nothing created: a dangling symlink, a directory, block device or
 * socket, a FIFO nobody reads, or the system's error. */
int atomic_open(struct atomic_file *af, const char *dest, enum lang lang, char **reason);
/* Flushes, syncs and renames the temporary file onto its destination (or flushes and closes
 * a direct write), then frees af. A FIFO whose reader left early counts as written.
 * Returns 0, or -1 with *reason set (caller frees) and the temporary file removed. */
int atomic_commit(struct atomic_file *af, char **reason);
/* Closes and removes the temporary file and frees af. */
void atomic_abort(struct atomic_file *af);

#endif
