/* What the format reader harnesses share: bytes through input_convert, whose text and source
 * map must come out consistent, or a catalogued input error. */
#ifndef NL_FUZZ_INPUT_H
#define NL_FUZZ_INPUT_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "input/input.h"

/* Converts data[0..size) as format f; aborts on an inconsistent result. */
static inline void
fuzz_input(enum input_format f, const uint8_t *data, size_t size, const char *name)
{
	struct source_error err;
	struct decoded dec;
	struct srcmap map;
	size_t i;

	if (input_convert(f, data, size, name, NULL, LANG_EN, &dec, &map, &err) != 0) {
		if (err.id == NULL || err.message == NULL)
			abort();
		source_error_free(&err);
		return;
	}
	/* Anchors lie inside the text, in order. */
	for (i = 0; i < map.n; i++)
		if (map.v[i].off > dec.len || (i > 0 && map.v[i].off <= map.v[i - 1].off))
			abort();
	if (strlen(dec.text) > dec.len)
		abort();
	decoded_free(&dec);
	srcmap_free(&map);
}

#endif
