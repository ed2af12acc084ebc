/* hash64: sixteen bytes at a time folded by a wide multiply where the compiler has 128-bit
 * integers, else eight at a time, each word mixed in by multiplication and rotation; the
 * tail and the length folded in at the end, then a final avalanche. */
#include <string.h>
#include "hash64.h"

#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xC2B2AE3D27D4EB4FULL

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t
mix(uint64_t h, uint64_t w)
{
	w *= K2;
	w = rotl(w, 31);
	w *= K1;
	h ^= w;
	return rotl(h, 27) * 5 + 0x52DCE729;
}

uint64_t
hash64(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t w;
	size_t i = 0;

	h ^= K1;
#ifdef __SIZEOF_INT128__
	/* Sixteen bytes a step, folded by one 64x64->128-bit multiply: the checksum of a
	 * compiled pack (hundreds of KB, every run) costs a third of the word-by-word mix. */
	for (; i + 16 <= n; i += 16) {
		uint64_t a, b;
		unsigned __int128 r;

		memcpy(&a, s + i, 8);
		memcpy(&b, s + i + 8, 8);
		r = (unsigned __int128)(a ^ K1 ^ h) * (b ^ K2);
		h = (uint64_t)r ^ (uint64_t)(r >> 64) ^ rotl(h, 23);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = mix(h, w);
	}
	w = 0;
	if (i < n)
		memcpy(&w, s + i, n - i);
	h = mix(h, w ^ ((uint64_t)(n - i) << 56));
	h ^= (uint64_t)n * K2;
	return hash64_mix(h);
}
