/* noticelint's entry point: parse the command line, run, exit with the run's status. */
#include "cli.h"
#include "run.h"

int
main(int argc, char **argv)
{
	struct options o;
	int status;

	status = cli_parse(&o, argc, argv);
	if (status == 0)
		status = run(&o);
	cli_free(&o);
	return status;
}
