/* The run driver. Rule packs are loaded once; each input is read, decoded and linted on
 * its own, so a bad input is reported and the run goes on with the next one. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "decode.h"
#include "encoding.h"
#include "explain.h"
#include "fmt.h"
#include "lint.h"
#include "msg.h"
#include "rulepath.h"
#include "run.h"
#include "segment.h"
#include "source.h"
#include "walk.h"
#include "xalloc.h"

/* State of one lint run shared by every input. */
struct lint_run {
	const struct options *o;
	const struct ruleset *rs;
	struct lint_opts lo;
	struct formatter fmt;
	struct fmt_totals totals;
};

/* Prints loader or example errors as `file:line:col: error: message [id]`. */
static void
print_load_errors(FILE *out, const struct load_errors *errs)
{
	const struct load_error *e;
	size_t i;

	for (i = 0; i < errs->n; i++) {
		e = &errs->v[i];
		if (e->line > 0)
			fprintf(out, "%s:%u:%u: error: %s [%s]\n", e->file, e->line, e->col,
			    e->message, e->id);
		else
			fprintf(out, "%s: error: %s [%s]\n", e->file, e->message, e->id);
	}
}

/* Loads a pack given as a directory of *.yml files or as one file. */
static void
load_pack(struct ruleset *rs, const char *path, struct load_errors *errs)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		rules_load_dir(rs, path, errs);
	else
		rules_load_file(rs, path, errs);
}

/* Loads the default pack (unless --no-default-rules) and every --rules pack; returns -1
 * after printing what went wrong. */
static int
load_rules(struct ruleset *rs, const struct options *o)
{
	struct load_errors errs;
	char *dir, *where;
	size_t i;

	memset(&errs, 0, sizeof(errs));
	errs.lang = o->lang;
	if (!o->no_default_rules) {
		dir = rulepath_default(&where);
		if (dir == NULL) {
			cli_error(o->lang, "rule-no-pack", "where", where ? where : "", NULL);
			free(where);
			return -1;
		}
		load_pack(rs, dir, &errs);
		free(dir);
		free(where);
	}
	for (i = 0; i < o->nrule_packs; i++)
		load_pack(rs, o->rule_packs[i], &errs);
	print_load_errors(stderr, &errs);
	i = errs.n;
	load_errors_free(&errs);
	return i > 0 ? -1 : 0;
}

/* Applies --disable and --level; an unknown rule id is a usage error (-1). */
static int
apply_overrides(struct ruleset *rs, const struct options *o)
{
	struct rule *r;
	char *id;
	size_t i;
	int rc = 0;

	for (i = 0; i < o->ndisable; i++) {
		if ((r = ruleset_find(rs, o->disable[i])) != NULL) {
			r->enabled = false;
		} else {
			cli_error(o->lang, "rule-unknown-id", "id", o->disable[i], NULL);
			rc = -1;
		}
	}
	for (i = 0; i < o->nlevels; i++) {
		id = xstrndup(o->levels[i].rule, o->levels[i].rule_len);
		if ((r = ruleset_find(rs, id)) != NULL) {
			r->level = o->levels[i].level;
		} else {
			cli_error(o->lang, "rule-unknown-id", "id", id, NULL);
			rc = -1;
		}
		free(id);
	}
	return rc;
}

static struct lint_opts
lint_options(const struct options *o)
{
	struct lint_opts lo;

	memset(&lo, 0, sizeof(lo));
	lo.lang = o->lang;
	lo.today_y = o->today_y;
	lo.today_m = o->today_m;
	lo.today_d = o->today_d;
	return lo;
}

/* --check-rules: runs every example; failures go to stdout, exit 2 if any. */
static int
check_rules(const struct ruleset *rs, const struct options *o)
{
	struct lint_opts lo = lint_options(o);
	struct load_errors errs;
	char a[24], b[24];
	char *line;
	size_t failures, examples = 0, i;

	memset(&errs, 0, sizeof(errs));
	errs.lang = o->lang;
	failures = lint_check_examples(rs, &lo, &errs);
	print_load_errors(stdout, &errs);
	load_errors_free(&errs);
	for (i = 0; i < rs->n; i++)
		examples += rs->v[i]->nflag + rs->v[i]->npass;
	snprintf(a, sizeof(a), "%zu", failures ? failures : rs->n);
	snprintf(b, sizeof(b), "%zu", examples);
	if (failures > 0)
		line = msg_format("output-check-failed", o->lang, "count", a, NULL);
	else
		line = msg_format("output-check-ok", o->lang, "rules", a, "examples", b, NULL);
	if (failures > 0 || !o->quiet)
		printf("%s\n", line);
	free(line);
	return failures > 0 ? 2 : 0;
}

/* Hands one file to the formatter and adds it to the totals. */
static void
emit(struct lint_run *lr, const struct fmt_file *ff)
{
	size_t i;

	lr->totals.files++;
	if (ff->nerrors > 0)
		lr->totals.failed++;
	for (i = 0; ff->diags != NULL && i < ff->diags->n; i++) {
		if (ff->diags->v[i].level == LEVEL_ERROR)
			lr->totals.errors++;
		else if (ff->diags->v[i].level == LEVEL_WARNING)
			lr->totals.warnings++;
		else if (ff->diags->v[i].level == LEVEL_INFO)
			lr->totals.infos++;
	}
	lr->fmt.ops->file(lr->fmt.state, ff);
}

static void
emit_error(struct lint_run *lr, const char *path, const char *id, const char *message)
{
	struct fmt_error fe = {id, message};
	struct fmt_file ff;

	memset(&ff, 0, sizeof(ff));
	ff.path = path;
	ff.errors = &fe;
	ff.nerrors = 1;
	emit(lr, &ff);
}

/* One input-invalid-utf8 error per byte the decoder replaced. */
static void
report_bad_bytes(struct diag_list *dl, const struct decoded *dec)
{
	char byte[8], off[24];
	char *msg;
	size_t i;

	for (i = 0; i < dec->nbad; i++) {
		snprintf(byte, sizeof(byte), "%02X", dec->bad[i].byte);
		snprintf(off, sizeof(off), "%zu", dec->bad[i].raw_offset);
		msg = msg_format("input-invalid-utf8", dl->lang, "byte", byte, "offset", off, NULL);
		diag_add_text(dl, "input-invalid-utf8", LEVEL_ERROR, dec->bad[i].text_offset,
		    dec->bad[i].text_offset + 3, msg);
		free(msg);
	}
}

/* Reports, as info, an input that was not UTF-8 and was converted. */
static void
report_encoding(struct diag_list *dl, const struct decoded *dec)
{
	char *msg;

	if (dec->encoding == NULL || strcmp(dec->encoding, "UTF-8") == 0)
		return;
	msg = msg_format("input-encoding", dl->lang, "encoding", dec->encoding, NULL);
	diag_add_text(dl, "input-encoding", LEVEL_INFO, 0, 0, msg);
	free(msg);
}

/* When the per-file cap dropped diagnostics, says so in one last warning at the end of
 * the text (added past the cap on purpose). */
static void
note_dropped(struct diag_list *dl, size_t len)
{
	struct diag *d;
	char count[24];

	if (dl->dropped == 0)
		return;
	snprintf(count, sizeof(count), "%zu", dl->dropped);
	dl->v = xgrow(dl->v, &dl->cap, dl->n + 1, sizeof(*dl->v));
	d = &dl->v[dl->n++];
	memset(d, 0, sizeof(*d));
	d->rule = "diag-truncated";
	d->level = LEVEL_WARNING;
	d->message = msg_format("diag-truncated", dl->lang, "count", count, NULL);
	d->span.start = d->span.end = len;
}

/* Decodes and lints the bytes of one input, then reports it. */
static void
lint_source(struct lint_run *lr, const char *path, const struct source *src)
{
	struct decoded dec;
	struct diag_list dl;
	struct doc doc;
	struct linemap lm;
	struct fmt_file ff;

	encoding_decode(&dec, src->data, src->len, NULL);
	diag_list_init(&dl, lr->o->lang);
	report_encoding(&dl, &dec);
	report_bad_bytes(&dl, &dec);
	memset(&doc, 0, sizeof(doc));
	lint_text(lr->rs, &lr->lo, path, dec.text, dec.len, &doc, &dl);
	note_dropped(&dl, dec.len);
	linemap_build(&lm, dec.text, dec.len);
	memset(&ff, 0, sizeof(ff));
	ff.path = path;
	ff.text = dec.text;
	ff.lines = &lm;
	ff.diags = &dl;
	emit(lr, &ff);
	linemap_free(&lm);
	doc_free(&doc);
	diag_list_free(&dl);
	decoded_free(&dec);
}

static void
lint_item(struct lint_run *lr, const struct walk_item *it)
{
	const char *path = source_display_path(it->path);
	struct source src;
	struct source_error se;

	if (it->err_id != NULL) {
		emit_error(lr, path, it->err_id, it->err_msg);
		return;
	}
	if (source_read(&src, it->path, lr->o->lang, &se) != 0) {
		emit_error(lr, path, se.id, se.message);
		source_error_free(&se);
		return;
	}
	lint_source(lr, path, &src);
	source_free(&src);
}

static bool
use_color(enum cli_color c)
{
	const char *no = getenv("NO_COLOR");

	if (c != CLI_COLOR_AUTO)
		return c == CLI_COLOR_ALWAYS;
	return isatty(STDOUT_FILENO) && (no == NULL || no[0] == '\0');
}

/* Exit code of a finished lint run. */
static int
lint_status(const struct fmt_totals *t, enum level fail)
{
	size_t n = t->errors;

	if (t->failed > 0)
		return 2;
	if (fail <= LEVEL_WARNING)
		n += t->warnings;
	if (fail <= LEVEL_INFO)
		n += t->infos;
	return n > 0 ? 1 : 0;
}

static int
lint_all(const struct ruleset *rs, const struct options *o)
{
	struct lint_run lr;
	struct fmt_opts fo = {stdout, o->lang, use_color(o->color), o->quiet};
	struct walk_list wl;
	size_t i, k;

	memset(&lr, 0, sizeof(lr));
	lr.o = o;
	lr.rs = rs;
	lr.lo = lint_options(o);
	if (o->format == CLI_FORMAT_JSON)
		fmt_json_init(&lr.fmt, &fo);
	else
		fmt_human_init(&lr.fmt, &fo);
	for (i = 0; i < o->npaths; i++) {
		memset(&wl, 0, sizeof(wl));
		walk_expand(&wl, o->paths[i], o->lang);
		for (k = 0; k < wl.n; k++)
			lint_item(&lr, &wl.v[k]);
		walk_list_free(&wl);
	}
	lr.fmt.ops->end(lr.fmt.state, &lr.totals);
	lr.fmt.ops->destroy(lr.fmt.state);
	return lint_status(&lr.totals, o->fail_level);
}

/* Runs the action that needs the loaded rules. */
static int
run_with_rules(struct ruleset *rs, const struct options *o)
{
	switch (o->action) {
	case CLI_LIST_RULES:
		explain_list(stdout, rs, o->lang);
		return 0;
	case CLI_EXPLAIN:
		if (explain_rule(stdout, rs, o->explain, o->lang) == 0)
			return 0;
		cli_error(o->lang, "rule-unknown-id", "id", o->explain, NULL);
		return 2;
	case CLI_CHECK_RULES:
		return check_rules(rs, o);
	default:
		return lint_all(rs, o);
	}
}

/* Flushes stdout; a write failure (full disk, closed pipe) turns the status into 2. */
static int
finish(int status, enum lang lang)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(lang, "output-write-failed", "reason", strerror(errno), NULL);
		return 2;
	}
	return status;
}

int
run(const struct options *o)
{
	struct ruleset rs;
	int status = 2;

	if (o->action == CLI_HELP) {
		cli_print_help(stdout, o->lang);
		return finish(0, o->lang);
	}
	if (o->action == CLI_VERSION) {
		cli_print_version(stdout);
		return finish(0, o->lang);
	}
	memset(&rs, 0, sizeof(rs));
	if (load_rules(&rs, o) == 0 && apply_overrides(&rs, o) == 0)
		status = run_with_rules(&rs, o);
	ruleset_free(&rs);
	return finish(status, o->lang);
}
