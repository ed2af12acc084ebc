/* Raw bytes to decoded text: strips a UTF-8 BOM, replaces each invalid byte sequence by
 * U+FFFD (recording where it was) and turns CRLF and lone CR into LF. */
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "utf8.h"
#include "xalloc.h"

static void
add_bad(struct decoded *d, size_t *cap, size_t raw_off, size_t text_off, unsigned char byte)
{
	d->bad = xgrow(d->bad, cap, d->nbad + 1, sizeof(*d->bad));
	d->bad[d->nbad].raw_offset = raw_off;
	d->bad[d->nbad].text_offset = text_off;
	d->bad[d->nbad].byte = byte;
	d->nbad++;
}

void
decode_utf8(struct decoded *d, const unsigned char *raw, size_t rawlen)
{
	size_t i = 0, o = 0, badcap = 0, n;
	char *t;

	memset(d, 0, sizeof(*d));
	d->encoding = "UTF-8";
	/* Each invalid byte grows to 3 bytes (U+FFFD) at most. */
	t = xmalloc(rawlen * 3 + 1);
	if (rawlen >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
		d->had_bom = true;
		i = 3;
	}
	while (i < rawlen) {
		unsigned char c;

		/* A run of valid sequences without CR is copied at once. */
		n = utf8_valid_run(raw, i, rawlen, '\r');
		memcpy(t + o, raw + i, n - i);
		o += n - i;
		i = n;
		if (i >= rawlen)
			break;
		c = raw[i];
		if (c == '\r') {
			if (i + 1 < rawlen && raw[i + 1] == '\n') {
				d->had_crlf = true;
				i++;
			} else {
				d->had_cr = true;
			}
			t[o++] = '\n';
			i++;
			continue;
		}
		n = utf8_seq_len(raw + i, rawlen - i);
		if (n == 0) {
			add_bad(d, &badcap, i, o, c);
			memcpy(t + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		memcpy(t + o, raw + i, n);
		o += n;
		i += n;
	}
	t[o] = '\0';
	d->text = t;
	d->len = o;
}

void
decoded_free(struct decoded *d)
{
	free(d->text);
	free(d->bad);
	memset(d, 0, sizeof(*d));
}
