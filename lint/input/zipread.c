/* Zip parts through libzip: the archive opened from memory with its consistency check,
 * the entry count and each part's inflated size capped, and the total across parts too. */
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>
#include "input/zipread.h"
#include "limits.h"
#include "xalloc.h"

struct zipread {
	zip_t *z;
	size_t inflated;  /* bytes inflated so far, against NL_MAX_ZIP_TOTAL_BYTES */
};

enum zip_rc
zipread_open(struct zipread **zr, const unsigned char *raw, size_t len, char *why,
    size_t whylen)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_int64_t n;

	*zr = NULL;
	zip_error_init(&ze);
	src = zip_source_buffer_create(raw, len, 0, &ze);
	if (src == NULL) {
		snprintf(why, whylen, "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return ZIP_CORRUPT;
	}
	z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	if (z == NULL) {
		snprintf(why, whylen, "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		zip_source_free(src);
		return ZIP_CORRUPT;
	}
	zip_error_fini(&ze);
	n = zip_get_num_entries(z, 0);
	if (n > (zip_int64_t)NL_MAX_ZIP_ENTRIES) {
		snprintf(why, whylen, "%lld entries > %u", (long long)n, NL_MAX_ZIP_ENTRIES);
		zip_discard(z);
		return ZIP_TOO_BIG;
	}
	*zr = xcalloc(1, sizeof(**zr));
	(*zr)->z = z;
	return ZIP_OK;
}

enum zip_rc
zipread_part(struct zipread *zr, const char *name, char **data, size_t *len, char *why,
    size_t whylen)
{
	size_t cap = NL_MAX_ZIP_PART_BYTES, got = 0, bufcap;
	zip_int64_t idx = zip_name_locate(zr->z, name, 0), n;
	zip_stat_t st;
	zip_file_t *f;
	char *buf;

	*data = NULL;
	*len = 0;
	if (idx < 0)
		return ZIP_ABSENT;
	if (NL_MAX_ZIP_TOTAL_BYTES - zr->inflated < cap)
		cap = NL_MAX_ZIP_TOTAL_BYTES - zr->inflated;
	zip_stat_init(&st);
	if (zip_stat_index(zr->z, (zip_uint64_t)idx, 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size > cap) {
		snprintf(why, whylen, "%s: %llu bytes > %zu", name, (unsigned long long)st.size,
		    cap);
		return ZIP_TOO_BIG;
	}
	f = zip_fopen_index(zr->z, (zip_uint64_t)idx, 0);
	if (f == NULL) {
		snprintf(why, whylen, "%s: %s", name, zip_strerror(zr->z));
		return ZIP_CORRUPT;
	}
	/* The header's size may lie: read at most cap + 1 bytes whatever it says. */
	bufcap = (st.valid & ZIP_STAT_SIZE) && st.size > 0 ? (size_t)st.size + 1 : 64 * 1024;
	buf = xmalloc(bufcap + 1);
	for (;;) {
		if (got == bufcap) {
			bufcap = bufcap * 2 > cap + 1 ? cap + 1 : bufcap * 2;
			buf = xrealloc(buf, bufcap + 1);
		}
		n = zip_fread(f, buf + got, bufcap - got);
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got > cap)
			break;
	}
	if (got > cap) {
		snprintf(why, whylen, "%s: > %zu bytes", name, cap);
		zip_fclose(f);
		free(buf);
		return ZIP_TOO_BIG;
	}
	if (n < 0) {
		snprintf(why, whylen, "%s: %s", name, zip_file_strerror(f));
		zip_fclose(f);
		free(buf);
		return ZIP_CORRUPT;
	}
	zip_fclose(f);
	buf[got] = '\0';
	zr->inflated += got;
	*data = buf;
	*len = got;
	return ZIP_OK;
}

void
zipread_close(struct zipread *zr)
{
	if (zr == NULL)
		return;
	zip_discard(zr->z);
	free(zr);
}
