/* Input encodings other than UTF-8: detection (UTF-16 BOM, GB18030) and conversion to
 * UTF-8 with iconv, producing the same struct decoded as decode_utf8. */
#ifndef NL_ENCODING_H
#define NL_ENCODING_H
#include <stdbool.h>
#include <stddef.h>
#include "decode.h"

/* Decodes raw into out (free with decoded_free). forced names the source encoding (any
 * name iconv knows, e.g. "GB18030", "UTF-16LE"), or is NULL to detect it: a UTF-16 BOM,
 * else UTF-8 when raw is valid UTF-8, else GB18030 when raw converts without error and reads
 * as Chinese, else UTF-8 with every invalid byte replaced by U+FFFD. A forced encoding
 * replaces the sequences it cannot convert by U+FFFD and records them in out->bad. Line ends
 * become LF. out->encoding is a static name or forced itself. Returns 0, or -1 when forced
 * is an encoding iconv does not know (out is then empty). */
int encoding_decode(struct decoded *out, const unsigned char *raw, size_t len,
		const char *forced);
/* Byte offset of the first NUL code unit of raw as read in encoding forced (NULL: as
 * detected, where a UTF-16 BOM makes the units two bytes wide and otherwise every byte is
 * one), past any BOM; (size_t)-1 when there is none. So a UTF-16 or UTF-32 file named by
 * --encoding is not taken for binary for the NUL halves of its characters. */
size_t encoding_find_nul(const unsigned char *raw, size_t len, const char *forced);
/* True when raw[0..len) is valid UTF-8 throughout. */
bool encoding_is_utf8(const unsigned char *raw, size_t len);

#endif
