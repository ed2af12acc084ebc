/* Allocation wrappers that never return NULL: out of memory prints a message and exits 2. */
#ifndef NL_XALLOC_H
#define NL_XALLOC_H
#include <stddef.h>

/* malloc that exits on failure; the caller owns the result. */
void *xmalloc(size_t n);
/* calloc that exits on failure; the caller owns the result. */
void *xcalloc(size_t count, size_t size);
/* realloc that exits on failure; the old pointer is no longer valid. */
void *xrealloc(void *p, size_t n);
/* realloc for arrays: grows *cap geometrically until it holds need elements of size sz. */
void *xgrow(void *p, size_t *cap, size_t need, size_t sz);
/* strdup that exits on failure. */
char *xstrdup(const char *s);
/* Copies n bytes of s into a new NUL-terminated string. */
char *xstrndup(const char *s, size_t n);

#endif
