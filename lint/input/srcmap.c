/* Anchors from decoded text back to the source, and the lookup that counts code points
 * from the nearest anchor. */
#include <string.h>
#include <stdlib.h>
#include "input/srcmap.h"
#include "utf8.h"
#include "xalloc.h"

void
srcmap_add(struct srcmap *m, size_t off, unsigned line, unsigned col)
{
	if (m->n > 0 && m->v[m->n - 1].off >= off) {
		m->v[m->n - 1].line = line;
		m->v[m->n - 1].col = col;
		m->v[m->n - 1].page = m->page;
		return;
	}
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof(*m->v));
	m->v[m->n].off = off;
	m->v[m->n].line = line;
	m->v[m->n].col = col;
	m->v[m->n].page = m->page;
	m->n++;
}

/* Index of the last anchor at or before off; m->n when there is none. */
static size_t
anchor_at(const struct srcmap *m, size_t off)
{
	size_t lo = 0, hi = m->n;

	if (m->n == 0 || m->v[0].off > off)
		return m->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

unsigned
srcmap_page(const struct srcmap *m, size_t off)
{
	size_t i = anchor_at(m, off);

	return i < m->n ? m->v[i].page : 0;
}

void
srcmap_locate(const struct srcmap *m, const char *text, size_t len, size_t off,
    unsigned *line, unsigned *col)
{
	size_t lo;

	if (off > len)
		off = len;
	lo = anchor_at(m, off);
	if (lo == m->n) {
		*line = 1;
		*col = 1;
		return;
	}
	*line = m->v[lo].line;
	*col = m->v[lo].col + (unsigned)utf8_count(text + m->v[lo].off, off - m->v[lo].off);
}

void
srcmap_free(struct srcmap *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}
