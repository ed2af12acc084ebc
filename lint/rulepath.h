/* Where the default rule pack lives: NOTICELINT_RULES, beside the executable, or the
 * install and source directories compiled in. */
#ifndef NL_RULEPATH_H
#define NL_RULEPATH_H

/* Returns the first existing candidate for the default pack (a directory, or a file when
 * NOTICELINT_RULES names one) as a new string, or NULL; *where receives a new string
 * listing every place looked, separated by ", ". The caller frees both. */
char *rulepath_default(char **where);

#endif
