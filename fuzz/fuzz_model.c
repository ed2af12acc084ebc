/* libFuzzer harness: arbitrary bytes through encoding detection, decoding, segmentation
 * and fact extraction (the document model every check reads). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "decode.h"
#include "doc.h"
#include "encoding.h"
#include "lint.h"
#include "segment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded dec;
	struct doc doc;

	memset(&dec, 0, sizeof(dec));
	if (encoding_decode(&dec, data, size, NULL) != 0)
		return 0;
	memset(&doc, 0, sizeof(doc));
	lint_build_model(&doc, "fuzz.txt", dec.text, dec.len);
	doc_free(&doc);
	decoded_free(&dec);
	return 0;
}
