/* --rule-docs DIR: a Markdown page per rule generated from the loaded rules. */
#ifndef NL_RULEDOCS_H
#define NL_RULEDOCS_H
#include "i18n.h"
#include "rules.h"

/* Writes DIR/<RULE-ID>.md for every rule of rs and DIR/README.md listing them, each
 * atomically (DIR must exist). Returns 0, or -1 after printing what could not be
 * written. */
int ruledocs_write(const struct ruleset *rs, const char *dir, enum lang lang);

#endif
