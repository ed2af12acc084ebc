/* --timing: time spent building each document model and running each rule, summed over
 * the files of a run (from every worker thread) and printed as a table at the end. */
#ifndef NL_TIMING_H
#define NL_TIMING_H
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include "i18n.h"
#include "rules.h"

struct timing {
	atomic_uint_fast64_t model_ns;    /* segmentation and facts */
	atomic_uint_fast64_t scan_ns;     /* the multi-pattern prefilter's scans */
	atomic_uint_fast64_t *rule_ns;    /* per rule, by index in the ruleset */
	size_t n;
};

/* Prepares counters for a ruleset of n rules. */
void timing_init(struct timing *t, size_t n);
/* Frees the counters. */
void timing_free(struct timing *t);
/* A monotonic clock reading in nanoseconds. */
uint64_t timing_now(void);
/* Prints the model's time and the rules' times, slowest first, with their shares. */
void timing_print(FILE *out, const struct timing *t, const struct ruleset *rs, enum lang lang);

#endif
