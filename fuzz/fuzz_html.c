/* libFuzzer harness: arbitrary bytes through the .html reader. */
#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input(INPUT_HTML, data, size, "fuzz.html");
	return 0;
}
