/* The zip container of a .docx, read from memory under caps on the entry count and on the
 * inflated size of every part read, so a zip bomb costs bounded memory. */
#ifndef NL_ZIPREAD_H
#define NL_ZIPREAD_H
#include <stddef.h>

struct zipread;

/* Outcome of a zip operation. */
enum zip_rc {
	ZIP_OK = 0,
	ZIP_ABSENT,    /* no such part */
	ZIP_CORRUPT,   /* not a zip, damaged, encrypted entry; why says which */
	ZIP_TOO_BIG    /* over a cap; why says which */
};

/* Opens the archive raw[0..len) (borrowed; must outlive it) into *zr. On failure *zr is
 * NULL and why (whylen bytes) holds the reason. */
enum zip_rc zipread_open(struct zipread **zr, const unsigned char *raw, size_t len,
		char *why, size_t whylen);
/* Inflates part name into a new NUL-terminated buffer *data of *len bytes (caller frees). */
enum zip_rc zipread_part(struct zipread *zr, const char *name, char **data, size_t *len,
		char *why, size_t whylen);
/* Closes the archive. */
void zipread_close(struct zipread *zr);

#endif
