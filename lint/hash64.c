/* hash64: eight bytes at a time, each word mixed in by multiplication and rotation, the
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
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = mix(h, w);
	}
	w = 0;
	if (i < n)
		memcpy(&w, s + i, n - i);
	h = mix(h, w ^ ((uint64_t)(n - i) << 56));
	h ^= (uint64_t)n * K2;
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return h;
}
