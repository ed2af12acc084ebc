/* libFuzzer harness: arbitrary bytes through the .docx reader (input_convert), whose text
 * and source map must come out consistent or as a catalogued input error. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "input/input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source_error err;
	struct decoded dec;
	struct srcmap map;
	size_t i;

	if (input_convert(INPUT_DOCX, data, size, "fuzz.docx", NULL, LANG_EN, &dec, &map,
	    &err) != 0) {
		if (err.id == NULL || err.message == NULL)
			abort();
		source_error_free(&err);
		return 0;
	}
	/* Anchors lie inside the text, in order. */
	for (i = 0; i < map.n; i++)
		if (map.v[i].off > dec.len || (i > 0 && map.v[i].off <= map.v[i - 1].off))
			abort();
	if (strlen(dec.text) > dec.len)
		abort();
	decoded_free(&dec);
	srcmap_free(&map);
	return 0;
}
