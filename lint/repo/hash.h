/* Hashes the repository layer keys on: FNV-1a 64 for short stable keys (shard selection,
 * option keys) and SHA-256 for file contents (the result cache). */
#ifndef NL_REPO_HASH_H
#define NL_REPO_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_OFFSET 14695981039346656037ULL

/* Continues the FNV-1a 64 hash h over n bytes at p (start with HASH_FNV_OFFSET). */
uint64_t hash_fnv(uint64_t h, const void *p, size_t n);
/* Continues h over the NUL-terminated string s and a terminating 0 byte (NULL hashes as
 * an absent value, distinct from ""). */
uint64_t hash_fnv_str(uint64_t h, const char *s);

/* An incremental SHA-256 computation (FIPS 180-4). */
struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t nbuf;
};

/* Starts a SHA-256 computation. */
void sha256_init(struct sha256 *s);
/* Adds n bytes at p. */
void sha256_add(struct sha256 *s, const void *p, size_t n);
/* Ends the computation and writes 64 lower-case hex digits and a NUL to hex. */
void sha256_hex(struct sha256 *s, char hex[65]);

#endif
