/* SQLite opened at first use, by the result cache and the corpus index only: each function
 * they call is defined here with the library's own prototype and forwards to the address
 * dynload_sqlite3 resolved. */
#include <sqlite3.h>
#include "input/dynload.h"

static int (*p_sqlite3_bind_blob)(sqlite3_stmt *, int, const void *, int, void (*)(void *));
static int (*p_sqlite3_bind_int64)(sqlite3_stmt *, int, sqlite3_int64);
static int (*p_sqlite3_bind_null)(sqlite3_stmt *, int);
static int (*p_sqlite3_bind_text)(sqlite3_stmt *, int, const char *, int, void (*)(void *));
static int (*p_sqlite3_busy_timeout)(sqlite3 *, int);
static int (*p_sqlite3_close)(sqlite3 *);
static const void *(*p_sqlite3_column_blob)(sqlite3_stmt *, int);
static int (*p_sqlite3_column_bytes)(sqlite3_stmt *, int);
static int (*p_sqlite3_column_int)(sqlite3_stmt *, int);
static sqlite3_int64 (*p_sqlite3_column_int64)(sqlite3_stmt *, int);
static const unsigned char *(*p_sqlite3_column_text)(sqlite3_stmt *, int);
static int (*p_sqlite3_column_type)(sqlite3_stmt *, int);
static int (*p_sqlite3_errcode)(sqlite3 *);
static const char *(*p_sqlite3_errmsg)(sqlite3 *);
static const char *(*p_sqlite3_errstr)(int);
static int (*p_sqlite3_exec)(sqlite3 *, const char *, int (*)(void *, int, char **, char **),
    void *, char **);
static int (*p_sqlite3_finalize)(sqlite3_stmt *);
static sqlite3_int64 (*p_sqlite3_last_insert_rowid)(sqlite3 *);
static int (*p_sqlite3_open_v2)(const char *, sqlite3 **, int, const char *);
static int (*p_sqlite3_prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **,
    const char **);
static int (*p_sqlite3_reset)(sqlite3_stmt *);
static int (*p_sqlite3_step)(sqlite3_stmt *);

int
dynload_sqlite3(void)
{
	static const char *const names[] = {
		"sqlite3_bind_blob", "sqlite3_bind_int64", "sqlite3_bind_null", "sqlite3_bind_text",
		"sqlite3_busy_timeout", "sqlite3_close", "sqlite3_column_blob", "sqlite3_column_bytes",
		"sqlite3_column_int", "sqlite3_column_int64", "sqlite3_column_text", "sqlite3_column_type",
		"sqlite3_errcode", "sqlite3_errmsg", "sqlite3_errstr", "sqlite3_exec", "sqlite3_finalize",
		"sqlite3_last_insert_rowid", "sqlite3_open_v2", "sqlite3_prepare_v2", "sqlite3_reset",
		"sqlite3_step",
	};
	void *const slots[] = {
		&p_sqlite3_bind_blob, &p_sqlite3_bind_int64, &p_sqlite3_bind_null, &p_sqlite3_bind_text,
		&p_sqlite3_busy_timeout, &p_sqlite3_close, &p_sqlite3_column_blob, &p_sqlite3_column_bytes,
		&p_sqlite3_column_int, &p_sqlite3_column_int64, &p_sqlite3_column_text,
		&p_sqlite3_column_type, &p_sqlite3_errcode, &p_sqlite3_errmsg, &p_sqlite3_errstr,
		&p_sqlite3_exec, &p_sqlite3_finalize, &p_sqlite3_last_insert_rowid, &p_sqlite3_open_v2,
		&p_sqlite3_prepare_v2, &p_sqlite3_reset, &p_sqlite3_step,
	};

	return dynload_open(NL_SONAME_SQLITE3, names, slots,
	    (int)(sizeof(names) / sizeof(names[0])));
}

int
sqlite3_bind_blob(sqlite3_stmt *s, int i, const void *v, int n, void (*d)(void *))
{
	return p_sqlite3_bind_blob(s, i, v, n, d);
}

int
sqlite3_bind_int64(sqlite3_stmt *s, int i, sqlite3_int64 v)
{
	return p_sqlite3_bind_int64(s, i, v);
}

int
sqlite3_bind_null(sqlite3_stmt *s, int i)
{
	return p_sqlite3_bind_null(s, i);
}

int
sqlite3_bind_text(sqlite3_stmt *s, int i, const char *v, int n, void (*d)(void *))
{
	return p_sqlite3_bind_text(s, i, v, n, d);
}

int
sqlite3_busy_timeout(sqlite3 *db, int ms)
{
	return p_sqlite3_busy_timeout(db, ms);
}

/* Closing NULL is a no-op in SQLite, so also before the library is open. */
int
sqlite3_close(sqlite3 *db)
{
	if (db == NULL)
		return SQLITE_OK;
	return p_sqlite3_close(db);
}

const void *
sqlite3_column_blob(sqlite3_stmt *s, int i)
{
	return p_sqlite3_column_blob(s, i);
}

int
sqlite3_column_bytes(sqlite3_stmt *s, int i)
{
	return p_sqlite3_column_bytes(s, i);
}

int
sqlite3_column_int(sqlite3_stmt *s, int i)
{
	return p_sqlite3_column_int(s, i);
}

sqlite3_int64
sqlite3_column_int64(sqlite3_stmt *s, int i)
{
	return p_sqlite3_column_int64(s, i);
}

const unsigned char *
sqlite3_column_text(sqlite3_stmt *s, int i)
{
	return p_sqlite3_column_text(s, i);
}

int
sqlite3_column_type(sqlite3_stmt *s, int i)
{
	return p_sqlite3_column_type(s, i);
}

int
sqlite3_errcode(sqlite3 *db)
{
	return p_sqlite3_errcode(db);
}

const char *
sqlite3_errmsg(sqlite3 *db)
{
	return p_sqlite3_errmsg(db);
}

const char *
sqlite3_errstr(int rc)
{
	return p_sqlite3_errstr(rc);
}

int
sqlite3_exec(sqlite3 *db, const char *sql, int (*cb)(void *, int, char **, char **), void *arg,
    char **err)
{
	return p_sqlite3_exec(db, sql, cb, arg, err);
}

/* Finalising NULL is a no-op in SQLite, so also before the library is open. */
int
sqlite3_finalize(sqlite3_stmt *s)
{
	if (s == NULL)
		return SQLITE_OK;
	return p_sqlite3_finalize(s);
}

sqlite3_int64
sqlite3_last_insert_rowid(sqlite3 *db)
{
	return p_sqlite3_last_insert_rowid(db);
}

int
sqlite3_open_v2(const char *path, sqlite3 **db, int flags, const char *vfs)
{
	return p_sqlite3_open_v2(path, db, flags, vfs);
}

int
sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **s, const char **tail)
{
	return p_sqlite3_prepare_v2(db, sql, n, s, tail);
}

int
sqlite3_reset(sqlite3_stmt *s)
{
	return p_sqlite3_reset(s);
}

int
sqlite3_step(sqlite3_stmt *s)
{
	return p_sqlite3_step(s);
}
