/* Finding the next byte of a small set, or of a range, sixteen bytes at a time where the
 * machine has SSE2: for scans that pass over text holding nothing they read. */
#ifndef NL_BYTEFIND_H
#define NL_BYTEFIND_H
#include <stddef.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Offset of the first byte of s[i, end) equal to one of a, b, c, d, e, f (repeat one to
 * look for fewer), or end. */
static inline size_t
bytefind6(const char *s, size_t i, size_t end, unsigned char a, unsigned char b,
    unsigned char c, unsigned char d, unsigned char e, unsigned char f)
{
	const unsigned char *u = (const unsigned char *)s;

#if defined(__SSE2__)
	const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b),
	    vc = _mm_set1_epi8((char)c), vd = _mm_set1_epi8((char)d), ve = _mm_set1_epi8((char)e),
	    vf = _mm_set1_epi8((char)f);
	__m128i v, m;
	int mask;

	for (; end - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, ve), _mm_cmpeq_epi8(v, vf))));
		if ((mask = _mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < end; i++)
		if (u[i] == a || u[i] == b || u[i] == c || u[i] == d || u[i] == e || u[i] == f)
			return i;
	return end;
}

/* Offset of the first byte of s[i, end) equal to a or b, or end. */
static inline size_t
bytefind2(const char *s, size_t i, size_t end, unsigned char a, unsigned char b)
{
	const unsigned char *u = (const unsigned char *)s;

#if defined(__SSE2__)
	const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
	__m128i v;
	int mask;

	for (; end - i >= 16; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
		if (mask != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < end; i++)
		if (u[i] == a || u[i] == b)
			return i;
	return end;
}

/* Offset of the first byte of s[i, end) in [lo, hi], or end. */
static inline size_t
bytefind_range(const char *s, size_t i, size_t end, unsigned char lo, unsigned char hi)
{
	const unsigned char *u = (const unsigned char *)s;

#if defined(__SSE2__)
	/* x - lo, wrapping, is at most hi - lo exactly for x in [lo, hi]. */
	const __m128i vlo = _mm_set1_epi8((char)lo), vw = _mm_set1_epi8((char)(hi - lo));
	__m128i v;
	int mask;

	for (; end - i >= 16; i += 16) {
		v = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)(u + i)), vlo);
		mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(v, vw), v));
		if (mask != 0)
			return i + (size_t)__builtin_ctz((unsigned)mask);
	}
#endif
	for (; i < end; i++)
		if ((unsigned char)(u[i] - lo) <= (unsigned char)(hi - lo))
			return i;
	return end;
}

#endif
