/* An SQLite database in the cache directory that is never needed for correctness: opened in
 * WAL mode with a busy timeout (many readers, one writer at a time), created when missing,
 * rebuilt from scratch when corrupt or written by another schema or noticelint version,
 * opened read-only in a directory that cannot be written, and given up (with one note on
 * stderr) when it cannot be used at all. */
#ifndef NL_REPO_DB_H
#define NL_REPO_DB_H
#include <stdbool.h>
#include <stddef.h>
#include "i18n.h"

struct sqlite3;

struct repodb {
	struct sqlite3 *db;     /* NULL when the database could not be used */
	char *path;             /* DIR/NAME */
	bool readonly;          /* lookups only: the directory or file cannot be written */
	bool in_tx;             /* a write transaction is open */
	size_t pending;         /* writes in the open transaction */
	bool write_failed;      /* a write failed (disk full, locked past the timeout...) */
	bool broken;            /* the file turned out corrupt while in use */
	size_t unsaved;         /* writes given up after write_failed */
	enum lang lang;
	char *note;             /* what was done with the database, for stderr; NULL: nothing */
};

/* Opens (creating dir and the file when needed) the database name in dir with the tables
 * of schema (SQL run once on a new file) at version schema_version. Returns 0 with d->db
 * set, or -1 with d->db NULL; either way d->note may say what happened. */
int repodb_open(struct repodb *d, const char *dir, const char *name, const char *schema,
		int schema_version, enum lang lang);
/* Starts or continues the batched write transaction; false when nothing can be written. */
bool repodb_begin(struct repodb *d);
/* Judges the result rc of a write step: false (and writing given up) on failure. */
bool repodb_wrote(struct repodb *d, int rc);
/* Judges the result rc of a read step: a corrupt file is given up (and removed when d is
 * closed, so the next run rebuilds it). */
void repodb_read(struct repodb *d, int rc);
/* Commits every FLUSH writes (and at the end); false when the commit failed. */
bool repodb_flush(struct repodb *d, bool force);
/* Rolls the open write transaction back (its writes were not all made). */
void repodb_abandon(struct repodb *d);
/* Commits, closes, and removes a file found corrupt. Prints d->note to stderr. */
void repodb_close(struct repodb *d);

#endif
