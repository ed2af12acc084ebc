/* A growable, always NUL-terminated byte buffer for building strings. */
#ifndef NL_STRBUF_H
#define NL_STRBUF_H
#include <stddef.h>

struct strbuf {
	char *s;     /* NULL until something is written */
	size_t n, cap;
};

/* Appends n bytes of s. */
void strbuf_put(struct strbuf *b, const char *s, size_t n);
/* Appends c n times. */
void strbuf_repeat(struct strbuf *b, char c, size_t n);
/* Returns the finished string (an empty one when nothing was written); the caller owns it
 * and b is left empty. */
char *strbuf_take(struct strbuf *b);

#endif
