/* libFuzzer harness: arbitrary bytes decoded and linted with the default rule pack, as one
 * file of a run would be. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "diag.h"
#include "doc.h"
#include "encoding.h"
#include "lint.h"
#include "rule_load.h"
#include "segment.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ruleset pack;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct load_errors errs;

	(void)argc;
	(void)argv;
	memset(&errs, 0, sizeof(errs));
	if (rules_load_dir(&pack, NL_SOURCE_RULES_DIR, &errs) != 0 || pack.n == 0)
		abort();
	load_errors_free(&errs);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lint_opts lo = {LANG_EN, 2025, 12, 31, NULL, NULL, NULL, NULL, false};
	struct decoded dec;
	struct diag_list out;
	struct doc doc;

	memset(&dec, 0, sizeof(dec));
	if (encoding_decode(&dec, data, size, NULL) != 0)
		return 0;
	diag_list_init(&out, LANG_EN);
	memset(&doc, 0, sizeof(doc));
	lint_text(&pack, &lo, "fuzz.txt", dec.text, dec.len, &doc, &out);
	doc_free(&doc);
	diag_list_free(&out);
	decoded_free(&dec);
	return 0;
}
