/* libFuzzer harness: arbitrary bytes as a YAML rule pack (written to a temporary file, the
 * loader's only entry point); a pack that loads also runs its own examples. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lint.h"
#include "rule_load.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[] = "/tmp/nl-fuzz-rules.XXXXXX";

static void
remove_pack(void)
{
	unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int fd;

	(void)argc;
	(void)argv;
	if ((fd = mkstemp(path)) < 0)
		abort();
	close(fd);
	atexit(remove_pack);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lint_opts lo = {LANG_EN, 2025, 12, 31, NULL, NULL, NULL, NULL, false};
	struct ruleset rs;
	struct load_errors errs;
	FILE *f;

	if ((f = fopen(path, "wb")) == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	memset(&rs, 0, sizeof(rs));
	memset(&errs, 0, sizeof(errs));
	if (rules_load_file(&rs, path, &errs) == 0)
		lint_check_examples(&rs, &lo, &errs);
	ruleset_free(&rs);
	load_errors_free(&errs);
	return 0;
}
