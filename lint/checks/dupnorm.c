/* Shared by the repeat checks (duplicate, verbatim, pasted): which characters count when
 * texts are compared, which leading markers are no part of them, which fields are read. */
#include <stdlib.h>
#include <string.h>
#include "doc.h"
#include "dupnorm.h"
#include "rule_load.h"
#include "utf8.h"

static bool
is_cn_digit(uint32_t cp)
{
	return cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB || cp == 0x4E94 ||
	    cp == 0x516D || cp == 0x4E03 || cp == 0x516B || cp == 0x4E5D || cp == 0x5341;
}

/* A character that normalising keeps: Han, ASCII letters and digits (full-width folded). */
uint32_t
dup_keep_cp(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF5A)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if (utf8_is_han(cp) || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z'))
		return cp;
	return 0;
}

/* Offset past the leading markers of a unit: punctuation, 问题①：, 一是, ①. */
size_t
dup_skip_lead(const char *t, size_t i, size_t end)
{
	size_t j, k;
	uint32_t cp;

	while (i < end) {
		j = i;
		cp = utf8_next(t, end, &j);
		if (dup_keep_cp(cp) == 0) {
			i = j;
			continue;
		}
		if (end - i >= 6 && memcmp(t + i, "问题", 6) == 0) {
			k = i + 6;
			cp = k < end ? utf8_next(t, end, &k) : 0;
			if ((cp >= 0x2460 && cp <= 0x2473) || cp == 0xFF1A || cp == ':') {
				i = k;
				continue;
			}
		}
		for (k = i; k < end; k = j) {
			j = k;
			if (!is_cn_digit(utf8_next(t, end, &j)))
				break;
		}
		if (k > i && end - k >= 3 && memcmp(t + k, "是", 3) == 0) {
			i = k + 3;
			continue;
		}
		break;
	}
	return i;
}

static const char *const field_names[] = {
	"result", "situation", "progress", "state", "tag", "other",
};

int
dup_parse_fields(struct rparam *rp, unsigned *fields)
{
	char **names = NULL;
	size_t n = 0, i, k, nk = sizeof(field_names) / sizeof(field_names[0]);
	int rc = 0;

	if (rp_strings(rp, "fields", false, &names, &n) != 0)
		return -1;
	if (names == NULL)
		*fields = 1u << FIELD_SITUATION;
	for (i = 0; i < n; i++) {
		for (k = 0; k < nk && strcmp(names[i], field_names[k]) != 0; k++)
			;
		if (k < nk) {
			*fields |= 1u << k;
		} else if (rc == 0) {
			rp_error(rp, "fields", "可选 result、situation、progress、state、tag、other"
			    "（one of these field kinds）");
			rc = -1;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}
