/* Line table: where each line starts, and byte offset → 1-based line and column. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "linemap.h"
#include "utf8.h"
#include "xalloc.h"

void
linemap_build(struct linemap *m, const char *text, size_t len)
{
	size_t cap = 0, i;
	const char *nl;

	m->text = text;
	m->len = len;
	m->starts = NULL;
	m->nlines = 0;
	m->src = NULL;
	m->starts = xgrow(m->starts, &cap, 1, sizeof(*m->starts));
	m->starts[m->nlines++] = 0;
	for (i = 0; i < len; i = (size_t)(nl - text) + 1) {
		nl = memchr(text + i, '\n', len - i);
		if (nl == NULL)
			break;
		if ((size_t)(nl - text) + 1 >= len)
			break;  /* a final LF does not start a new line */
		m->starts = xgrow(m->starts, &cap, m->nlines + 1, sizeof(*m->starts));
		m->starts[m->nlines++] = (size_t)(nl - text) + 1;
	}
}

void
linemap_free(struct linemap *m)
{
	free(m->starts);
	m->starts = NULL;
	m->nlines = 0;
}

size_t
linemap_line_index(const struct linemap *m, size_t off)
{
	size_t lo = 0, hi = m->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Code points in s[0..n) of valid UTF-8 that ends at a code point boundary: the bytes
 * that are not continuation bytes (10xxxxxx), counted sixteen (SSE2) or eight at a time. */
static size_t
count_lead_bytes(const char *s, size_t n)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	size_t i = 0, cont = 0;
	uint64_t w, c;
#if defined(__SSE2__)
	const __m128i top2 = _mm_set1_epi8((char)0xC0), mark = _mm_set1_epi8((char)0x80);
	__m128i acc, sum;
	size_t blocks, k;

	/* Sixteen at a time: each byte lane counts its continuation bytes, up to 255 of
	 * them, before the lanes are summed. */
	while (n - i >= 16) {
		acc = _mm_setzero_si128();
		blocks = (n - i) / 16 < 255 ? (n - i) / 16 : 255;
		for (k = 0; k < blocks; k++, i += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_and_si128(_mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i)), top2), mark));
		sum = _mm_sad_epu8(acc, _mm_setzero_si128());
		cont += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
	}
#endif

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		/* Bit 7 set and bit 6 clear marks a continuation byte; sum the marks. */
		c = (w & ~(w << 1) & high) >> 7;
		cont += (size_t)((c * ones) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

void
linemap_locate(const struct linemap *m, size_t off, unsigned *line, unsigned *col)
{
	size_t i;

	if (off > m->len)
		off = m->len;
	if (m->src != NULL) {
		srcmap_locate(m->src, m->text, m->len, off, line, col);
		return;
	}
	i = linemap_line_index(m, off);
	*line = (unsigned)i + 1;
	/* The text is decoded (valid UTF-8); an offset inside a code point takes the slow
	 * count, which sees the cut sequence as invalid bytes. */
	if (off < m->len && ((unsigned char)m->text[off] & 0xC0) == 0x80)
		*col = (unsigned)utf8_count(m->text + m->starts[i], off - m->starts[i]) + 1;
	else
		*col = (unsigned)count_lead_bytes(m->text + m->starts[i], off - m->starts[i]) + 1;
}

unsigned
linemap_page(const struct linemap *m, size_t off)
{
	return m->src != NULL ? srcmap_page(m->src, off) : 0;
}

void
linemap_line_span(const struct linemap *m, size_t i, size_t *start, size_t *end)
{
	const char *nl;

	*start = m->starts[i];
	/* A line other than the last ends at the LF before the next one's start. */
	if (i + 1 < m->nlines) {
		*end = m->starts[i + 1] - 1;
		return;
	}
	nl = memchr(m->text + *start, '\n', m->len - *start);
	*end = nl ? (size_t)(nl - m->text) : m->len;
}
