/* A growable, always NUL-terminated byte buffer for building strings. */
#include <string.h>
#include "strbuf.h"
#include "xalloc.h"

void
strbuf_put(struct strbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap)
		b->s = xgrow(b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

void
strbuf_repeat(struct strbuf *b, char c, size_t n)
{
	if (b->n + n + 1 > b->cap)
		b->s = xgrow(b->s, &b->cap, b->n + n + 1, 1);
	memset(b->s + b->n, c, n);
	b->n += n;
	b->s[b->n] = '\0';
}

char *
strbuf_take(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->n = b->cap = 0;
	return s;
}
