/* --fix and --fix-dry-run: each .txt or .md input is linted, the edits of its fixable
 * findings applied (again, until nothing more applies), and the result either printed as a
 * unified diff or written back atomically in the file's own encoding, BOM and line ends.
 * A file whose bytes could not be written back exactly as they were read is left alone. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "atomicfile.h"
#include "encoding.h"
#include "fix.h"
#include "fixrun.h"
#include "lint.h"
#include "msg.h"
#include "segment.h"
#include "source.h"
#include "xalloc.h"

/* Most rounds of lint-and-fix on one file (a fix may make room for another). */
#define FIX_MAX_ROUNDS 4

/* Prints "noticelint: PATH: message" for catalogue id to stderr. */
static void
say(enum lang lang, const char *id, const char *path, const char *count)
{
	char *m = msg_format(id, lang, "path", path, "count", count ? count : "", NULL);

	fprintf(stderr, "noticelint: %s\n", m);
	free(m);
}

static bool
fixable_name(const char *path)
{
	size_t n = strlen(path);

	return (n > 4 && strcmp(path + n - 4, ".txt") == 0) ||
	    (n > 3 && strcmp(path + n - 3, ".md") == 0);
}

/* Lints text with rs and the file's settings and applies the edits; returns the new text
 * (caller frees) or NULL when no edit applied. */
static char *
fix_round(const struct ruleset *rs, const struct lint_opts *lo, const struct file_settings *fs,
    const char *path, const char *text, size_t len, size_t *outlen, size_t *napplied)
{
	struct diag_list dl;
	struct doc doc;
	char *out;

	diag_list_init(&dl, lo->lang);
	memset(&doc, 0, sizeof(doc));
	lint_text(rs, lo, path, text, len, &doc, &dl);
	doc_free(&doc);
	settings_apply(fs, path, text, &dl);
	out = fix_apply(text, len, &dl, outlen, napplied);
	diag_list_free(&dl);
	if (*napplied == 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* Writes bytes over path through a temporary file (atomicfile.h: the mode is kept, a
 * symbolic link is followed so the file it names is rewritten). */
static int
write_back(const char *path, const char *bytes, size_t n, enum lang lang)
{
	struct atomic_file af;
	char *reason = NULL;
	int rc = -1;

	if (atomic_open(&af, path, lang, &reason) == 0) {
		if (fwrite(bytes, 1, n, af.fp) == n && atomic_commit(&af, &reason) == 0)
			rc = 0;
		else if (af.fp != NULL)
			atomic_abort(&af);
	}
	if (rc != 0)
		say(lang, "fix-write-failed", path, NULL);
	free(reason);
	return rc;
}

/* Fixes one input; returns 1 when it changed (or would), 0 when not, -1 on an error. */
static int
fix_one(const struct walk_item *it, const struct ruleset *rs, const struct options *o,
    const struct lint_opts *lo, const struct file_settings *fs)
{
	const char *forced = fs != NULL && fs->o != NULL ? fs->o->encoding : NULL;
	struct source src;
	struct source_error se;
	struct decoded dec;
	char *text, *next, *bytes, count[24];
	size_t len, nlen, blen, applied, total = 0, round;
	int rc = 0;

	if (it->err_id != NULL || strcmp(it->path, "-") == 0 || !fixable_name(it->path)) {
		if (it->err_id == NULL)
			say(o->lang, "fix-unsupported", it->path, NULL);
		return it->err_id != NULL ? 0 : -1;  /* an input error is reported by the lint */
	}
	if (source_read(&src, it->path, o->encoding, o->lang, &se) != 0) {
		source_error_free(&se);
		return 0;
	}
	if (encoding_decode(&dec, src.data, src.len, forced) != 0)
		encoding_decode(&dec, src.data, src.len, NULL);
	/* Only a file whose text encodes back to exactly its bytes can be rewritten safely. */
	bytes = dec.nbad == 0 && !dec.had_cr ? fix_encode(&dec, dec.text, dec.len, &blen) : NULL;
	if (bytes == NULL || blen != src.len || memcmp(bytes, src.data, blen) != 0) {
		say(o->lang, "fix-not-exact", it->path, NULL);
		free(bytes);
		decoded_free(&dec);
		source_free(&src);
		return -1;
	}
	free(bytes);
	text = xstrndup(dec.text, dec.len);
	len = dec.len;
	for (round = 0; round < FIX_MAX_ROUNDS; round++) {
		next = fix_round(rs, lo, fs, it->path, text, len, &nlen, &applied);
		if (next == NULL)
			break;
		free(text);
		text = next;
		len = nlen;
		total += applied;
	}
	if (total > 0) {
		rc = 1;
		if (o->fix_dry_run) {
			fix_diff(stdout, it->path, dec.text, dec.len, text, len);
		} else if ((bytes = fix_encode(&dec, text, len, &blen)) == NULL) {
			say(o->lang, "fix-not-exact", it->path, NULL);
			rc = -1;
		} else {
			if (write_back(it->path, bytes, blen, o->lang) != 0)
				rc = -1;
			free(bytes);
		}
		snprintf(count, sizeof(count), "%zu", total);
		if (rc == 1 && !o->fix_dry_run && !o->quiet)
			say(o->lang, "fix-applied", it->path, count);
	}
	free(text);
	decoded_free(&dec);
	source_free(&src);
	return rc;
}

int
fixrun_inputs(const struct ruleset *rs, const struct options *o, const struct cfgset *cs,
    const struct walk_list *items, const struct lint_opts *lo)
{
	size_t i;
	int rc, status = 0;

	for (i = 0; i < items->n; i++) {
		rc = fix_one(&items->v[i], rs, o, lo, cfgset_settings(cs, i));
		if (rc < 0)
			status = 2;
		else if (rc > 0 && status == 0)
			status = 1;
	}
	if (fflush(stdout) != 0)
		status = 2;
	return status;
}
