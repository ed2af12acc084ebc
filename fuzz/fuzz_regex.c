/* libFuzzer harness, differential: the first line of the input is a pattern, the rest a
 * subject. Wherever the pattern compiles, regex_find (which skips text by the pattern's
 * required literal) must find exactly the matches plain PCRE2 finds; any difference
 * aborts. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "regex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Walks both searches over text side by side. */
static void
compare(const char *pattern, const struct regex *re, const char *text, size_t len)
{
	int err, want, got;
	PCRE2_SIZE off, *ov;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C, &err, &off, NULL);
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	struct regex_match m;
	size_t from = 0;

	if (code == NULL || md == NULL || mc == NULL)
		abort();
	pcre2_set_match_limit(mc, 100000);
	while (from <= len) {
		want = pcre2_match(code, (PCRE2_SPTR)text, len, from, PCRE2_NO_UTF_CHECK, md, mc);
		if (want < 0 && want != PCRE2_ERROR_NOMATCH)
			break;     /* a resource limit: the two sides may stop at different points */
		got = regex_find(re, text, from, len, &m);
		if (want == PCRE2_ERROR_NOMATCH) {
			if (got == 1)
				abort();
			break;
		}
		ov = pcre2_get_ovector_pointer(md);
		if (got != 1 || m.start != ov[0] || m.end != ov[1])
			abort();
		from = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		while (from < len && ((unsigned char)text[from] & 0xC0) == 0x80)
			from++;
	}
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	pcre2_code_free(code);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	struct decoded dec;
	struct regex *re;
	char *pattern, *err = NULL;
	size_t plen, erroff;

	if (nl == NULL)
		return 0;
	plen = (size_t)(nl - data);
	pattern = malloc(plen + 1);
	if (pattern == NULL)
		return 0;
	memcpy(pattern, data, plen);
	pattern[plen] = '\0';
	re = regex_compile(pattern, &err, &erroff);
	if (re != NULL) {
		/* Subjects are decoded text, always valid UTF-8, as in the linter. */
		decode_utf8(&dec, nl + 1, size - plen - 1);
		compare(pattern, re, dec.text, dec.len);
		decoded_free(&dec);
		regex_free(re);
	}
	free(err);
	free(pattern);
	return 0;
}
