/* Compiled-pack file I/O: a 56-byte header, then sections of a 16-byte head (kind, name
 * length, body length), the NUL-terminated name and the body, each padded to 8 bytes. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <fcntl.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hash64.h"
#include "packfile.h"
#include "xalloc.h"

#define PACK_MAGIC "NLPACK\r\n"
#define PACK_FORMAT 2

struct pack_header {
	char magic[8];
	uint32_t format;
	uint32_t header_size;
	char version[16];       /* NL_VERSION, NUL-padded */
	uint64_t key;
	uint64_t payload_len;
	uint64_t payload_sum;
};

struct section_head {
	uint32_t kind;
	uint32_t name_len;      /* with its NUL, before padding */
	uint64_t len;           /* of the body, before padding */
};

uint64_t
packfile_key_begin(void)
{
	char pcre[64] = "";
	uint64_t h;
	uint32_t f = PACK_FORMAT, w = (uint32_t)sizeof(void *);

	(void)pcre2_config(PCRE2_CONFIG_VERSION, pcre);
	h = hash64(0, PACK_MAGIC, 8);
	h = hash64(h, &f, sizeof(f));
	h = hash64(h, &w, sizeof(w));
	h = hash64(h, NL_VERSION, sizeof(NL_VERSION));
	return hash64(h, pcre, strlen(pcre) + 1);
}

uint64_t
packfile_key_add(uint64_t h, const char *name, const char *buf, size_t len)
{
	uint64_t n = len;

	h = hash64(h, name, strlen(name) + 1);
	h = hash64(h, &n, sizeof(n));
	return hash64(h, buf, len);
}

uint64_t
packfile_key(const struct pack_sources *src)
{
	uint64_t h = packfile_key_begin();
	size_t i;

	for (i = 0; i < src->n; i++)
		h = packfile_key_add(h, src->v[i].name, src->v[i].buf, src->v[i].len);
	return h;
}

static void
pad8(struct strbuf *b)
{
	strbuf_repeat(b, '\0', (8 - b->n % 8) % 8);
}

size_t
packfile_begin(struct strbuf *payload, enum pack_section kind, const char *name)
{
	struct section_head sh;
	size_t at;

	pad8(payload);
	at = payload->n;
	memset(&sh, 0, sizeof(sh));
	sh.kind = (uint32_t)kind;
	sh.name_len = (uint32_t)(name != NULL ? strlen(name) + 1 : 0);
	strbuf_put(payload, (const char *)&sh, sizeof(sh));
	if (name != NULL)
		strbuf_put(payload, name, sh.name_len);
	pad8(payload);
	return at;
}

void
packfile_end(struct strbuf *payload, size_t at)
{
	struct section_head sh;

	memcpy(&sh, payload->s + at, sizeof(sh));
	sh.len = payload->n - at - sizeof(sh) - (sh.name_len + 7) / 8 * 8;
	memcpy(payload->s + at, &sh, sizeof(sh));
	pad8(payload);
}

/* Writes all of p[0..n) to fd; -1 on failure. */
static int
write_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	ssize_t got;

	while (n > 0) {
		if ((got = write(fd, s, n)) <= 0)
			return -1;
		s += got;
		n -= (size_t)got;
	}
	return 0;
}

int
packfile_write(const char *path, uint64_t key, const struct strbuf *payload)
{
	struct pack_header h;
	size_t len = strlen(path);
	char *tmp = xmalloc(len + 16);
	int fd, rc;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, PACK_MAGIC, 8);
	h.format = PACK_FORMAT;
	h.header_size = sizeof(h);
	snprintf(h.version, sizeof(h.version), "%s", NL_VERSION);
	h.key = key;
	h.payload_len = payload->n;
	h.payload_sum = hash64(key, payload->s != NULL ? payload->s : "", payload->n);
	snprintf(tmp, len + 16, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return -1;
	}
	rc = write_all(fd, &h, sizeof(h));
	if (rc == 0 && payload->n > 0)
		rc = write_all(fd, payload->s, payload->n);
	if (fchmod(fd, 0644) != 0 || close(fd) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0)
		(void)unlink(tmp);
	free(tmp);
	return rc;
}

/* True when the mapped header and payload pass every check. */
static int
header_ok(const struct packfile *pf, uint64_t key)
{
	struct pack_header h;
	char version[sizeof(h.version)];

	if (pf->size < sizeof(h))
		return 0;
	memcpy(&h, pf->map, sizeof(h));
	memset(version, 0, sizeof(version));
	snprintf(version, sizeof(version), "%s", NL_VERSION);
	return memcmp(h.magic, PACK_MAGIC, 8) == 0 && h.format == PACK_FORMAT &&
	    h.header_size == sizeof(h) && memcmp(h.version, version, sizeof(version)) == 0 &&
	    h.key == key && h.payload_len == pf->size - sizeof(h) &&
	    h.payload_sum == hash64(key, (const unsigned char *)pf->map + sizeof(h),
	    pf->size - sizeof(h));
}

int
packfile_open(struct packfile *pf, const char *path, uint64_t key)
{
	struct stat st;
	int fd;

	memset(pf, 0, sizeof(*pf));
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size < sizeof(struct pack_header)) {
		close(fd);
		return -1;
	}
	pf->size = (size_t)st.st_size;
	pf->map = mmap(NULL, pf->size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (pf->map == MAP_FAILED) {
		memset(pf, 0, sizeof(*pf));
		return -1;
	}
	if (!header_ok(pf, key)) {
		packfile_close(pf);
		return -1;
	}
	pf->payload = (const unsigned char *)pf->map + sizeof(struct pack_header);
	pf->len = pf->size - sizeof(struct pack_header);
	return 0;
}

int
packfile_next(const struct packfile *pf, size_t *at, uint32_t *kind, const char **name,
		const unsigned char **body, size_t *len)
{
	struct section_head sh;
	size_t name_pad, body_at;

	if (*at >= pf->len)
		return 0;
	if (pf->len - *at < sizeof(sh))
		return -1;
	memcpy(&sh, pf->payload + *at, sizeof(sh));
	name_pad = ((size_t)sh.name_len + 7) / 8 * 8;
	body_at = *at + sizeof(sh) + name_pad;
	if (name_pad > pf->len - *at - sizeof(sh) || sh.len > pf->len - body_at ||
	    (sh.name_len > 0 && pf->payload[*at + sizeof(sh) + sh.name_len - 1] != '\0'))
		return -1;
	*kind = sh.kind;
	*name = sh.name_len > 0 ? (const char *)pf->payload + *at + sizeof(sh) : "";
	*body = pf->payload + body_at;
	*len = (size_t)sh.len;
	*at = body_at + ((size_t)sh.len + 7) / 8 * 8;
	return 1;
}

void
packfile_close(struct packfile *pf)
{
	if (pf->map != NULL && pf->map != MAP_FAILED)
		munmap(pf->map, pf->size);
	memset(pf, 0, sizeof(*pf));
}
