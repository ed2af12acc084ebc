/* libFuzzer harness: arbitrary bytes through the .docx reader. */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input(INPUT_DOCX, data, size, "fuzz.docx");
	return 0;
}
