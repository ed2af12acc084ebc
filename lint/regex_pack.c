/* Recorded pattern lists: PCRE2 codes with their sources, written as a count, the
 * NUL-terminated sources and pcre2_serialize_encode's bytes (one set of character tables
 * for all), and read back with pcre2_serialize_decode. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "regex.h"
#include "regex_pack.h"
#include "xalloc.h"

struct regex_codes {
	pcre2_code **code;
	char **src;          /* recorded: owned copies; decoded: point into the pack */
	size_t n, cap, next;
	int owns_src;
};

struct regex_codes *
regex_codes_new(void)
{
	struct regex_codes *rc = xcalloc(1, sizeof(*rc));

	rc->owns_src = 1;
	return rc;
}

void
regex_codes_add(struct regex_codes *rc, const struct regex *re)
{
	pcre2_code *copy = pcre2_code_copy(regex_code(re));

	if (copy == NULL)
		return;
	if (rc->n == rc->cap) {
		rc->cap = rc->cap ? 2 * rc->cap : 64;
		rc->code = xrealloc(rc->code, rc->cap * sizeof(*rc->code));
		rc->src = xrealloc(rc->src, rc->cap * sizeof(*rc->src));
	}
	rc->code[rc->n] = copy;
	rc->src[rc->n++] = xstrdup(regex_source(re));
}

int
regex_codes_encode(const struct regex_codes *rc, struct strbuf *out)
{
	uint8_t *bytes = NULL;
	PCRE2_SIZE size = 0;
	uint64_t head[2];
	size_t i, srclen = 0;

	for (i = 0; i < rc->n; i++)
		srclen += strlen(rc->src[i]) + 1;
	if (rc->n > 0 && pcre2_serialize_encode((const pcre2_code **)(void *)rc->code,
	    (int32_t)rc->n, &bytes, &size, NULL) < 0)
		return -1;
	head[0] = rc->n;
	head[1] = srclen;
	strbuf_put(out, (const char *)head, sizeof(head));
	for (i = 0; i < rc->n; i++)
		strbuf_put(out, rc->src[i], strlen(rc->src[i]) + 1);
	strbuf_repeat(out, '\0', (8 - out->n % 8) % 8);
	if (bytes != NULL)
		strbuf_put(out, (const char *)bytes, size);
	strbuf_repeat(out, '\0', (8 - out->n % 8) % 8);
	pcre2_serialize_free(bytes);
	return 0;
}

struct regex_codes *
regex_codes_decode(const unsigned char *p, size_t len)
{
	struct regex_codes *rc;
	uint64_t head[2];
	const char *s;
	size_t i, at, pad;

	if (len < sizeof(head))
		return NULL;
	memcpy(head, p, sizeof(head));
	if (head[1] > len - sizeof(head) || head[0] > head[1] || head[0] > INT32_MAX)
		return NULL;
	rc = xcalloc(1, sizeof(*rc));
	if (head[0] == 0)
		return rc;
	rc->n = rc->cap = head[0];
	rc->src = xcalloc(rc->n, sizeof(*rc->src));
	rc->code = xcalloc(rc->n, sizeof(*rc->code));
	s = (const char *)p + sizeof(head);
	for (i = 0, at = 0; i < rc->n; i++) {
		rc->src[i] = (char *)(uintptr_t)(s + at);
		while (at < head[1] && s[at] != '\0')
			at++;
		if (at++ >= head[1])
			break;
	}
	at = sizeof(head) + head[1];
	pad = (8 - at % 8) % 8;
	if (i < rc->n || at + pad >= len || pcre2_serialize_get_number_of_codes(p + at + pad) !=
	    (int32_t)rc->n || pcre2_serialize_decode(rc->code, (int32_t)rc->n, p + at + pad,
	    NULL) != (int32_t)rc->n) {
		rc->n = 0;
		regex_codes_free(rc);
		return NULL;
	}
	return rc;
}

struct regex *
regex_codes_take(struct regex_codes *rc, const char *pattern)
{
	pcre2_code *code;

	if (rc->next >= rc->n || strcmp(rc->src[rc->next], pattern) != 0)
		return NULL;
	code = rc->code[rc->next];
	rc->code[rc->next++] = NULL;
	return regex_adopt(code, pattern);
}

void
regex_codes_free(struct regex_codes *rc)
{
	size_t i;

	if (rc == NULL)
		return;
	for (i = 0; i < rc->n; i++) {
		pcre2_code_free(rc->code[i]);
		if (rc->owns_src)
			free(rc->src[i]);
	}
	free(rc->code);
	free(rc->src);
	free(rc);
}
