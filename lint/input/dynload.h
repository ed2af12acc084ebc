/* Libraries only some runs need are opened on first use, not when the program starts: the
 * input readers' (libxml2, libzip, poppler-glib) on the first input that needs them,
 * Vectorscan when a run uses the prefilter, SQLite when it opens a cache. A run over plain
 * text without either never pays for loading and relocating them. */
#ifndef NL_INPUT_DYNLOAD_H
#define NL_INPUT_DYNLOAD_H
#include "input/input.h"

/* Opens the libraries the reader of format f calls (once per process, safe from several
 * threads); 0, or -1 with *why naming the library that could not be opened (static). */
int dynload_for(enum input_format f, const char **why);

/* Opens Vectorscan's runtime (once per process, safe from several threads); 0, or -1 with
 * *why naming the library. */
int dynload_scan_engine(const char **why);
/* Opens Vectorscan's compiler and runtime likewise; 0, or -1 with *why naming the library
 * that could not be opened. */
int dynload_scan_compiler(const char **why);
/* Opens SQLite likewise; 0, or -1 with *why naming the library. */
int dynload_cache_db(const char **why);

/* Opens library soname and stores the address of each symbol names[i] into the function
 * pointer variable slots[i] points to; 0, or -1 when the library or a symbol is missing.
 * Used by the per-library stub files. */
int dynload_open(const char *soname, const char *const *names, void *const *slots, int n);

/* Each stub file's loader: resolves every function of its library; 0 or -1. */
int dynload_libxml2(void);
int dynload_libzip(void);
int dynload_poppler(void);
int dynload_libhs_runtime(void);
int dynload_libhs(void);
int dynload_sqlite3(void);

#endif
