/* Raw bytes to text: BOM strip, UTF-8 validation (bad bytes become U+FFFD), line ends to LF. */
#ifndef NL_DECODE_H
#define NL_DECODE_H
#include <stdbool.h>
#include <stddef.h>

/* One invalid byte sequence found while decoding. */
struct decode_bad {
	size_t raw_offset;   /* byte offset in the raw input */
	size_t text_offset;  /* offset of the U+FFFD that replaced it in the decoded text */
	unsigned char byte;  /* the first offending byte */
};

/* Decoded text; text is NUL-terminated UTF-8 with only LF line ends. */
struct decoded {
	char *text;
	size_t len;
	bool had_bom;
	bool had_crlf;
	bool had_cr;
	struct decode_bad *bad;
	size_t nbad;
	const char *encoding;  /* name of the source encoding, e.g. "UTF-8" */
};

/* Decodes raw UTF-8 bytes into out; never fails (invalid bytes are recorded). The caller
 * frees with decoded_free. */
void decode_utf8(struct decoded *out, const unsigned char *raw, size_t rawlen);
/* End of the valid UTF-8 in s[i, len): the offset of the first invalid sequence, or len.
 * NUL and CR are valid. ASCII goes eight bytes at a time and the three-byte sequences of
 * Chinese text by one test each. */
size_t decode_valid_end(const unsigned char *s, size_t i, size_t len);
/* Frees what decode_utf8 allocated. */
void decoded_free(struct decoded *d);

#endif
