/* The compiled-pack file: a header (magic, format version, noticelint version, the key of
 * the YAML it was compiled from, payload length and checksum) and a payload of tagged
 * sections, written atomically and read back by mapping it; a file that fails any check
 * is never used. */
#ifndef NL_PACKFILE_H
#define NL_PACKFILE_H
#include <stddef.h>
#include <stdint.h>
#include "rule_load.h"
#include "strbuf.h"

/* Section kinds of the payload. */
enum pack_section {
	PACK_SEC_TREE = 1,    /* one pack file's document (packtree.h), named by the file */
	PACK_SEC_CODES = 2,   /* the pack's patterns in load order (regex_pack.h) */
	PACK_SEC_SCAN = 3     /* optional: the prefilter of all its patterns (mscan_serialize) */
};

/* A mapped, checked compiled pack. */
struct packfile {
	void *map;
	size_t size;
	const unsigned char *payload;
	size_t len;
};

/* The key of a pack's sources: every file's name, length and bytes, with this program's
 * version, the compiled-pack format and the PCRE2 version. */
uint64_t packfile_key(const struct pack_sources *src);
/* The same key a file at a time: begin, then add each file's name and bytes in order. */
uint64_t packfile_key_begin(void);
/* Adds one file (name, bytes buf[0..len)) to the key h. */
uint64_t packfile_key_add(uint64_t h, const char *name, const char *buf, size_t len);
/* Starts a section of kind (named name, may be NULL) at the end of payload; returns the
 * offset to hand to packfile_end once its body is appended. */
size_t packfile_begin(struct strbuf *payload, enum pack_section kind, const char *name);
/* Ends the section started at offset at: records its length and pads it to 8 bytes. */
void packfile_end(struct strbuf *payload, size_t at);
/* Writes header and payload to path through a temporary file renamed into place, so a
 * reader sees the old file or the whole new one; -1 (nothing left behind) on failure. */
int packfile_write(const char *path, uint64_t key, const struct strbuf *payload);
/* Maps path and checks magic, format, version, key, length and checksum; 0 when every
 * check passes, -1 otherwise (pf closed). */
int packfile_open(struct packfile *pf, const char *path, uint64_t key);
/* Steps through the sections: from offset *at, fills kind, name ("" when none), body and
 * len and advances *at. Returns 1 for a section, 0 at the end, -1 when malformed. */
int packfile_next(const struct packfile *pf, size_t *at, uint32_t *kind, const char **name,
		const unsigned char **body, size_t *len);
/* Unmaps the file. */
void packfile_close(struct packfile *pf);

#endif
