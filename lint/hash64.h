/* A fast 64-bit hash of byte strings, for keys and checksums of files this program writes
 * itself (not a cryptographic hash). */
#ifndef NL_HASH64_H
#define NL_HASH64_H
#include <stddef.h>
#include <stdint.h>

/* Hashes p[0..n) continuing from h (start with any seed, e.g. 0); the result depends on
 * every byte and on n. */
uint64_t hash64(uint64_t h, const void *p, size_t n);

/* The 64-bit finaliser of MurmurHash3: spreads every bit of h over the result, so that low
 * bits can index a table. */
static inline uint64_t
hash64_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 33;
	return h;
}

#endif
