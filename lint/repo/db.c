/* Opening, repairing and writing the cache databases (see db.h). Writes are batched in
 * transactions of up to FLUSH statements so a run does not commit per file, and a
 * concurrent run waits for the write lock up to BUSY_MS before it gives writing up. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "input/dynload.h"
#include "repo/db.h"
#include "strbuf.h"
#include "xalloc.h"

#define BUSY_MS 10000
#define FLUSH 100000
/* Pages below which a file is not worth tidying. */
#define TIDY_PAGES 32

static const char *
tr(enum lang lang, const char *zh, const char *en)
{
	return lang == LANG_EN ? en : zh;
}

/* Appends one sentence to d's note. */
static void
note(struct repodb *d, const char *zh, const char *en, const char *a, const char *b)
{
	struct strbuf s = {NULL, 0, 0};
	const char *t = tr(d->lang, zh, en), *p;

	if (d->note != NULL) {
		strbuf_put(&s, d->note, strlen(d->note));
		strbuf_put(&s, "; ", 2);
		free(d->note);
	}
	for (p = t; *p != '\0'; p++) {
		if (p[0] == '%' && (p[1] == 'a' || p[1] == 'b')) {
			const char *v = p[1] == 'a' ? a : b;

			strbuf_put(&s, v ? v : "", v ? strlen(v) : 0);
			p++;
		} else {
			strbuf_put(&s, p, 1);
		}
	}
	d->note = strbuf_take(&s);
}

/* Creates dir and its missing parents; 0, or -1 with errno set. */
static int
make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	struct stat st;
	int rc = 0;

	for (s = p + 1; rc == 0 && *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
		rc = -1;
	if (rc == 0 && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
		errno = ENOTDIR;
		rc = -1;
	}
	free(p);
	return rc;
}

/* Leaves a .gitignore of "*" in a new cache directory, so it ignores itself. */
static void
ignore_self(const char *dir)
{
	char *p = xmalloc(strlen(dir) + 16);
	FILE *fp;

	sprintf(p, "%s/.gitignore", dir);
	if (access(p, F_OK) != 0 && (fp = fopen(p, "w")) != NULL) {
		fputs("# noticelint's cache (safe to delete)\n*\n", fp);
		fclose(fp);
	}
	free(p);
}

/* Removes the database file and its WAL and shared-memory files. */
static void
remove_files(const char *path)
{
	char *p = xmalloc(strlen(path) + 8);

	unlink(path);
	sprintf(p, "%s-wal", path);
	unlink(p);
	sprintf(p, "%s-shm", path);
	unlink(p);
	free(p);
}

static bool
is_corrupt(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

/* What version string the file holds: 1 when it is ours and current, 0 when it is new
 * (no tables), -1 other version (into *old), -2 corrupt, -3 another failure. */
static int
check_version(sqlite3 *db, const char *want, char **old)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT v FROM meta WHERE k = 'schema'", -1, &st, NULL);
	int verdict;

	*old = NULL;
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		if (is_corrupt(rc))
			return -2;
		/* No meta table: a new file, or one that is not ours. */
		rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL);
		verdict = rc != SQLITE_OK ? (is_corrupt(rc) ? -2 : -3) :
		    (rc = sqlite3_step(st)) != SQLITE_ROW ? (is_corrupt(rc) ? -2 : -3) :
		    sqlite3_column_int(st, 0) == 0 ? 0 : -1;
		sqlite3_finalize(st);
		return verdict;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*old = xstrdup((const char *)sqlite3_column_text(st, 0));
		verdict = strcmp(*old, want) == 0 ? 1 : -1;
	} else {
		verdict = is_corrupt(rc) ? -2 : rc == SQLITE_DONE ? -1 : -3;
	}
	sqlite3_finalize(st);
	return verdict;
}

/* Drops every table and creates the schema, in one write transaction. */
static int
create(sqlite3 *db, const char *schema, const char *want)
{
	sqlite3_stmt *st;
	struct strbuf drop = {NULL, 0, 0};
	char *sql;
	int rc;

	/* Takes effect on a file without tables: freed pages can then be given back. */
	sqlite3_exec(db, "PRAGMA auto_vacuum=INCREMENTAL", NULL, NULL, NULL);
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	rc = sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND "
	    "name NOT LIKE 'sqlite_%'", -1, &st, NULL);
	while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
		strbuf_put(&drop, "DROP TABLE \"", 12);
		strbuf_put(&drop, (const char *)sqlite3_column_text(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0));
		strbuf_put(&drop, "\";", 2);
	}
	sqlite3_finalize(st);
	sql = strbuf_take(&drop);
	rc = rc == SQLITE_OK && sql != NULL ? sqlite3_exec(db, sql, NULL, NULL, NULL) : rc;
	free(sql);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL)",
		    NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, schema, NULL, NULL, NULL);
	if (rc == SQLITE_OK && sqlite3_prepare_v2(db, "INSERT INTO meta VALUES('schema', ?)", -1,
	    &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, want, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK) {
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Opens d->path; with writing, in WAL mode. */
static int
open_file(struct repodb *d)
{
	int flags = d->readonly ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;

	if (sqlite3_open_v2(d->path, &d->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sqlite3_close(d->db);
		d->db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(d->db, BUSY_MS);
	if (!d->readonly) {
		sqlite3_exec(d->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		sqlite3_exec(d->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
	}
	/* 64 MB of page cache: building the corpus index inserts in hash order. */
	sqlite3_exec(d->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
	return 0;
}

static void
give_up(struct repodb *d)
{
	sqlite3_close(d->db);
	d->db = NULL;
}

int
repodb_open(struct repodb *d, const char *dir, const char *name, const char *schema,
    int schema_version, enum lang lang)
{
	char want[64], *old = NULL;
	const char *lib;
	int v;

	memset(d, 0, sizeof(d[0]));
	d->lang = lang;
	d->path = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(d->path, "%s/%s", dir, name);
	if (dynload_cache_db(&lib) != 0) {
		note(d, "无法打开缓存 %a（缺少 %b），本次不使用缓存",
		    "cannot open the cache %a (%b is missing): this run goes without it", d->path,
		    lib);
		return -1;
	}
	snprintf(want, sizeof(want), "%d noticelint " NL_VERSION, schema_version);
	if (make_dirs(dir) != 0) {
		note(d, "缓存目录 %a 无法创建（%b），本次不使用缓存",
		    "cache directory %a cannot be created (%b): this run goes without it", dir,
		    strerror(errno));
		return -1;
	}
	ignore_self(dir);
	d->readonly = access(dir, W_OK) != 0 ||
	    (access(d->path, F_OK) == 0 && access(d->path, W_OK) != 0);
	if (open_file(d) != 0) {
		note(d, "无法打开缓存 %a（%b），本次不使用缓存",
		    "cannot open the cache %a (%b): this run goes without it", d->path,
		    d->readonly ? tr(lang, "目录只读", "read-only directory") : strerror(errno));
		return -1;
	}
	v = check_version(d->db, want, &old);
	if (v == 1 || (v == 0 && d->readonly)) {
		free(old);
		if (d->readonly)
			note(d, "缓存 %a 只读：只查找已有结果，不写入新结果",
			    "the cache %a is read-only: results were looked up, none stored", d->path,
			    NULL);
		return v == 1 ? 0 : (give_up(d), -1);
	}
	if (d->readonly) {
		note(d, "缓存 %a 无法使用（%b）且目录只读，本次不使用缓存",
		    "the cache %a cannot be used (%b) and cannot be rebuilt in a read-only "
		    "place: this run goes without it", d->path, v == -2 ?
		    tr(lang, "已损坏", "corrupt") : tr(lang, "版本不同", "another version"));
		free(old);
		give_up(d);
		return -1;
	}
	if (v == -2 || v == -3) {
		give_up(d);
		remove_files(d->path);
		if (open_file(d) != 0) {
			free(old);
			return -1;
		}
	}
	if (create(d->db, schema, want) != 0) {
		note(d, "无法建立缓存 %a（%b），本次不使用缓存",
		    "cannot set up the cache %a (%b): this run goes without it", d->path,
		    sqlite3_errmsg(d->db));
		free(old);
		give_up(d);
		return -1;
	}
	if (v == -2 || v == -3)
		note(d, "缓存 %a 已损坏，已重建", "the cache %a was corrupt: rebuilt from scratch",
		    d->path, NULL);
	else if (v == -1)
		note(d, "缓存 %a 来自其他版本（%b），已重建",
		    "the cache %a was written by another version (%b): rebuilt from scratch",
		    d->path, old ? old : "?");
	free(old);
	return 0;
}

bool
repodb_begin(struct repodb *d)
{
	int rc;

	if (d->db == NULL || d->readonly || d->write_failed || d->broken)
		return false;
	if (d->in_tx)
		return true;
	rc = sqlite3_exec(d->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return repodb_wrote(d, rc);
	d->in_tx = true;
	d->pending = 0;
	return true;
}

bool
repodb_wrote(struct repodb *d, int rc)
{
	if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) {
		d->pending++;
		return true;
	}
	if (is_corrupt(rc))
		d->broken = true;
	if (!d->write_failed) {
		note(d, "缓存 %a 无法写入（%b），其余结果未保存（检查结果不受影响）",
		    "the cache %a could not be written (%b): the remaining results were not "
		    "stored (the findings are not affected)", d->path, sqlite3_errstr(rc));
	}
	d->write_failed = true;
	if (d->in_tx)
		sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
	d->in_tx = false;
	return false;
}

void
repodb_read(struct repodb *d, int rc)
{
	if (!is_corrupt(rc) || d->broken)
		return;
	d->broken = true;
	note(d, "缓存 %a 在使用中发现损坏，已停用，下次运行时重建",
	    "the cache %a turned out corrupt: not used further, rebuilt on the next run",
	    d->path, NULL);
}

bool
repodb_flush(struct repodb *d, bool force)
{
	int rc;

	if (!d->in_tx || (!force && d->pending < FLUSH))
		return true;
	rc = sqlite3_exec(d->db, "COMMIT", NULL, NULL, NULL);
	d->in_tx = false;
	if (rc != SQLITE_OK) {
		d->pending = 0;
		d->in_tx = true;      /* repodb_wrote rolls the transaction back */
		return repodb_wrote(d, rc);
	}
	return true;
}

void
repodb_abandon(struct repodb *d)
{
	if (d->db != NULL && d->in_tx)
		sqlite3_exec(d->db, "ROLLBACK", NULL, NULL, NULL);
	d->in_tx = false;
}

/* One integer a pragma returns, or -1. */
static long long
pragma_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Gives freed pages back to the file system when they are more than a quarter of a file
 * of more than TIDY_PAGES pages: incrementally in a file made with auto_vacuum, else by one
 * VACUUM (which also turns auto_vacuum on). Failing here (a lock, a full disk) is harmless. */
static void
tidy(struct repodb *d)
{
	long long pages, free_pages;

	if (d->readonly || d->write_failed || d->broken || d->in_tx)
		return;
	pages = pragma_int(d->db, "PRAGMA page_count");
	free_pages = pragma_int(d->db, "PRAGMA freelist_count");
	if (pages <= TIDY_PAGES || free_pages * 4 <= pages)
		return;
	if (pragma_int(d->db, "PRAGMA auto_vacuum") == 2) {
		sqlite3_exec(d->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
	} else {
		sqlite3_exec(d->db, "PRAGMA auto_vacuum=INCREMENTAL", NULL, NULL, NULL);
		sqlite3_exec(d->db, "VACUUM", NULL, NULL, NULL);
	}
	sqlite3_exec(d->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

void
repodb_close(struct repodb *d)
{
	if (d->db != NULL) {
		repodb_flush(d, true);
		tidy(d);
		sqlite3_close(d->db);
		if (d->broken)
			remove_files(d->path);
	}
	if (d->note != NULL)
		fprintf(stderr, "noticelint: %s\n", d->note);
	free(d->note);
	free(d->path);
	memset(d, 0, sizeof(*d));
}
