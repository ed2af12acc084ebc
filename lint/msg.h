/* Catalogue of noticelint's own messages (input, rule-pack and run problems): id → zh, en. */
#ifndef NL_MSG_H
#define NL_MSG_H
#include "i18n.h"

struct msg_def {
	const char *id;  /* stable id, e.g. "input-missing"; listed in README */
	const char *zh;
	const char *en;
};

/* Template of id in lang, or NULL for an unknown id. */
const char *msg_template(const char *id, enum lang lang);
/* Fills id's template with NULL-terminated name/value pairs; the caller frees. An unknown id
 * yields the id itself. */
char *msg_format(const char *id, enum lang lang, ...);
/* The whole catalogue, for --help, README tests and consistency checks. */
const struct msg_def *msg_all(size_t *n);

#endif
