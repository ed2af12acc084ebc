/* The corpus-copy findings of a file whose other findings came from the result cache: they
 * depend on the other notices, so they are never cached but drawn again each run from the
 * run's hits (the check reads no more of the model than the path and text). */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "filejob.h"
#include "lint.h"
#include "repo/corpus_replay.h"
#include "settings.h"
#include "xalloc.h"

bool
corpus_rule(const struct rule *r)
{
	return r != NULL && r->check != NULL && strcmp(r->check->name, "corpus-copy") == 0;
}

void
corpus_replay(struct file_result *fr, const struct ruleset *rs, const struct lint_opts *lo,
    const struct file_settings *fs, const char *as)
{
	struct diag_list sub;
	struct doc doc;
	size_t i;

	if (lo->corpus == NULL)
		return;
	memset(&doc, 0, sizeof(doc));
	doc.path = fr->path;
	doc.text = fr->dec.text;
	doc.len = fr->dec.len;
	diag_list_init(&sub, fr->diags.lang);
	for (i = 0; i < rs->n; i++)
		if (rs->v[i]->enabled && corpus_rule(rs->v[i]))
			lint_rule(rs->v[i], lo, &doc, &sub);
	settings_apply(fs, as, fr->dec.text, &sub);
	if (sub.n == 0) {
		diag_list_free(&sub);
		return;
	}
	fr->diags.v = xgrow(fr->diags.v, &fr->diags.cap, fr->diags.n + sub.n,
	    sizeof(*fr->diags.v));
	memcpy(fr->diags.v + fr->diags.n, sub.v, sub.n * sizeof(*sub.v));
	fr->diags.n += sub.n;
	free(sub.v);
	diag_sort(&fr->diags);
}
