/* --list-rules and --explain RULE: rule documentation printed from the loaded rules. */
#ifndef NL_EXPLAIN_H
#define NL_EXPLAIN_H
#include <stdio.h>
#include "i18n.h"
#include "rules.h"

/* Prints one line per rule of rs, sorted by id: id, level ("off" when disabled), check,
 * scope and the first line of the description, under a header in lang. */
void explain_list(FILE *out, const struct ruleset *rs, enum lang lang);
/* Prints everything known about rule id (description, source, level, check, scope, zh
 * and en messages, examples, where it is defined) with labels in lang; the id matches
 * whatever its case. Returns 0, or -1 when rs has no such rule (nothing is printed then). */
int explain_rule(FILE *out, const struct ruleset *rs, const char *id, enum lang lang);

#endif
