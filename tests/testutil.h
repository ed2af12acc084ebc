/* Helpers shared by the unit tests: fixture reading and small text builders. */
#ifndef NL_TESTUTIL_H
#define NL_TESTUTIL_H
#include <stddef.h>

/* Reads a whole file (absolute path) into a NUL-terminated buffer; fails the test if it
 * cannot. The caller frees. */
char *tu_read_file(const char *path, size_t *len);
/* Reads fixtures/<rel> (rel relative to the fixtures directory); the caller frees. */
char *tu_read_fixture(const char *rel, size_t *len);
/* 1-based line number of byte offset off in text. */
unsigned tu_line_of(const char *text, size_t off);

#endif
