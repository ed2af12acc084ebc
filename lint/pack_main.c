/* noticelint-pack: compiles a rule pack into the file noticelint maps instead of parsing
 * its YAML (run at build time for the default pack). Usage: noticelint-pack PACK OUT */
#include <stdio.h>
#include <string.h>
#include "pack_load.h"
#include "rules.h"

int
main(int argc, char **argv)
{
	struct load_errors errs;
	struct pack_sources src;
	struct ruleset rs;
	size_t i;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: noticelint-pack PACK OUT\n");
		return 2;
	}
	memset(&errs, 0, sizeof(errs));
	memset(&rs, 0, sizeof(rs));
	errs.lang = LANG_EN;
	rc = rules_read_pack(argv[1], &src, &errs);
	if (rc == 0)
		rc = pack_compile(&rs, &src, &errs, argv[2]);
	for (i = 0; i < errs.n; i++)
		fprintf(stderr, "%s:%u:%u: error: %s [%s]\n", errs.v[i].file, errs.v[i].line,
		    errs.v[i].col, errs.v[i].message, errs.v[i].id);
	if (rc != 0 && errs.n == 0)
		fprintf(stderr, "noticelint-pack: cannot write %s\n", argv[2]);
	load_errors_free(&errs);
	pack_sources_free(&src);
	ruleset_free(&rs);
	return rc == 0 ? 0 : 1;
}
