/* noticelint's entry point: parse the command line, run, exit with the run's status. */
#include <signal.h>
#include <string.h>
#include "cli.h"
#include "repo/merge.h"
#include "run.h"

int
main(int argc, char **argv)
{
	struct options o;
	int status;

	/* A reader that goes away (`| head`) makes writes fail with EPIPE instead of killing
	 * the run, so it can end quietly with the status of its findings (see run.c). */
	signal(SIGPIPE, SIG_IGN);
	/* A file size limit makes a write fail (EFBIG, reported like a full disk) instead of
	 * killing the run. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc > 1 && strcmp(argv[1], "merge") == 0)
		return merge_main(argc - 1, argv + 1);
	status = cli_parse(&o, argc, argv);
	if (status == 0)
		status = run(&o);
	cli_free(&o);
	return status;
}
