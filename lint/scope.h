/* Rule scopes mapped to spans of the document model. */
#ifndef NL_SCOPE_H
#define NL_SCOPE_H
#include "doc.h"
#include "rules.h"

/* Called for each span of a scope, in text order; returning nonzero stops the walk. */
typedef int (*scope_fn)(const struct doc *doc, struct span span, void *ctx);

/* Calls fn for every span that scope covers in doc; returns fn's last nonzero value or 0. */
int scope_each(const struct doc *doc, enum scope scope, scope_fn fn, void *ctx);

#endif
