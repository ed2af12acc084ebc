/* The run driver: load rule packs once, apply --disable and --level, then list, explain,
 * check the rules' examples, or lint every input and report through a formatter. */
#ifndef NL_RUN_H
#define NL_RUN_H
#include "cli.h"

/* Carries out what o asks for and returns the exit code: 0 nothing at or above the fail
 * level, 1 findings at or above it, 2 usage, rule-pack, input or output failure. */
int run(const struct options *o);

#endif
