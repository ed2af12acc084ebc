/* The run driver. Inputs are expanded and their project configs found first; rule packs
 * (the configs' too) are loaded once; each input is read, decoded and linted on
 * its own (on --jobs threads), so a bad input is reported and the run goes on with the
 * next one; reports go out in input order, through --baseline, to stdout or --output. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "atomicfile.h"
#include "baseline.h"
#include "cfgset.h"
#include "explain.h"
#include "filejob.h"
#include "fixrun.h"
#include "fmt.h"
#include "lint.h"
#include "msg.h"
#include "pack_load.h"
#include "pool.h"
#include "repo/repo.h"
#include "rulepath.h"
#include "source.h"
#include "ruledocs.h"
#include "rulescan.h"
#include "run.h"
#include "srcroot.h"
#include "timing.h"
#include "walk.h"
#include "xalloc.h"

/* State of one lint run shared by every input. */
struct lint_run {
	const struct options *o;
	const struct ruleset *rs;
	const struct cfgset *cs;       /* each input's project config settings */
	struct lint_opts lo;
	struct formatter fmt;
	struct fmt_totals totals;
	struct walk_list items;        /* every input, in order */
	struct file_result *results;   /* one per item, alive from linting to reporting */
	struct baseline base;          /* --baseline entries */
	struct baseline found;         /* findings for --write-baseline */
	struct repo *repo;             /* shards, cache and corpus of the repository layer */
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

/* Loads the default pack (unless --no-default-rules), every --rules pack and the packs
 * the project configs name; returns -1 after printing what went wrong. */
static int
load_rules(struct ruleset *rs, const struct options *o, struct cfgset *cs)
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
		pack_load(rs, dir, true, !o->no_pack_cache, &errs);
		free(dir);
		free(where);
	}
	for (i = 0; i < o->nrule_packs; i++)
		pack_load(rs, o->rule_packs[i], false, !o->no_pack_cache, &errs);
	cfgset_load_packs(cs, rs, !o->no_pack_cache, &errs);
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
	lo.stdin_format = o->stdin_format;
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
		examples += rs->v[i]->nflag + rs->v[i]->npass + rs->v[i]->nfixes;
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

/* Adds the reported diagnostics of one file to the totals. */
static void
count(struct fmt_totals *t, const struct fmt_file *ff)
{
	size_t i;

	t->files++;
	if (ff->nerrors > 0)
		t->failed++;
	for (i = 0; ff->diags != NULL && i < ff->diags->n; i++) {
		if (ff->diags->v[i].level == LEVEL_ERROR)
			t->errors++;
		else if (ff->diags->v[i].level == LEVEL_WARNING)
			t->warnings++;
		else if (ff->diags->v[i].level == LEVEL_INFO)
			t->infos++;
	}
}

/* Records the findings for --write-baseline and, with --baseline, leaves out the known
 * ones: shown and fps_shown receive the diagnostics and fingerprints to report. */
static void
apply_baseline(struct lint_run *lr, const struct file_result *fr, const struct fingerprint *fps,
    struct diag_list *shown, struct fingerprint *fps_shown)
{
	const struct diag_list *all = &fr->diags;
	struct baseline_entry *e;
	size_t i;

	*shown = *all;
	shown->v = xcalloc(all->n ? all->n : 1, sizeof(*shown->v));
	shown->n = 0;
	if (lr->o->baseline != NULL)
		baseline_mark_path(&lr->base, fr->path);
	for (i = 0; i < all->n; i++) {
		if (lr->o->write_baseline != NULL)
			baseline_add(&lr->found, fr->path, all->v[i].rule, fps[i].hex);
		if (lr->o->baseline != NULL) {
			e = baseline_find(&lr->base, fr->path, all->v[i].rule, fps[i].hex);
			if (e != NULL) {
				e->used = true;
				continue;
			}
		}
		fps_shown[shown->n] = fps[i];
		shown->v[shown->n++] = all->v[i];
	}
}

/* Hands one file's result to the formatter and adds it to the totals. */
static void
report(struct lint_run *lr, const struct file_result *fr)
{
	struct fmt_error fe = {fr->err_id, fr->err_msg};
	struct fingerprint *fps, *fps_shown;
	struct diag_list shown;
	struct fmt_file ff;
	size_t n = fr->diags.n ? fr->diags.n : 1;

	memset(&ff, 0, sizeof(ff));
	ff.path = fr->path;
	if (fr->err_id != NULL) {
		ff.errors = &fe;
		ff.nerrors = 1;
		count(&lr->totals, &ff);
		repo_reported(lr->repo, &ff);
		lr->fmt.ops->file(lr->fmt.state, &ff);
		return;
	}
	fps = xcalloc(n, sizeof(*fps));
	fps_shown = xcalloc(n, sizeof(*fps_shown));
	fingerprint_diags(fr->dec.text, fr->dec.len, &fr->diags, fps);
	apply_baseline(lr, fr, fps, &shown, fps_shown);
	ff.text = fr->dec.text;
	ff.lines = &fr->lines;
	ff.diags = &shown;
	ff.fps = fps_shown;
	count(&lr->totals, &ff);
	repo_reported(lr->repo, &ff);
	lr->fmt.ops->file(lr->fmt.state, &ff);
	free(shown.v);
	free(fps_shown);
	free(fps);
}

/* pool_run callbacks: lint item i on a worker, report it on the calling thread. */
static void
work_item(void *ctx, size_t i)
{
	struct lint_run *lr = ctx;

	file_result_make(&lr->results[i], &lr->items.v[i], lr->rs, &lr->lo,
	    cfgset_settings(lr->cs, i));
}

static void
done_item(void *ctx, size_t i)
{
	struct lint_run *lr = ctx;

	report(lr, &lr->results[i]);
	file_result_free(&lr->results[i]);
}

static bool
use_color(enum cli_color c)
{
	const char *no = getenv("NO_COLOR");

	if (c != CLI_COLOR_AUTO)
		return c == CLI_COLOR_ALWAYS;
	return isatty(STDOUT_FILENO) && (no == NULL || no[0] == '\0');
}

/* Display columns of the human format: COLUMNS when it holds a number, else the width of
 * the terminal when the report goes to one, else FMT_DEFAULT_WIDTH; never below 20. */
static size_t
output_width(bool to_terminal)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	if (env != NULL && env[0] != '\0') {
		errno = 0;
		n = strtol(env, &end, 10);
		if (errno == 0 && *end == '\0' && n > 0 && n <= 100000)
			return n < 20 ? 20 : (size_t)n;
	}
	if (to_terminal && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col < 20 ? 20 : ws.ws_col;
	return FMT_DEFAULT_WIDTH;
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

/* Opens --output's temporary file (or takes stdout) into *out; -1 after an error. */
static int
open_output(const struct options *o, struct atomic_file *af, FILE **out)
{
	char *reason = NULL;

	memset(af, 0, sizeof(*af));
	*out = stdout;
	if (o->output == NULL)
		return 0;
	if (atomic_open(af, o->output, o->lang, &reason) != 0) {
		cli_error(o->lang, "output-write-failed", "reason", reason, NULL);
		free(reason);
		return -1;
	}
	*out = af->fp;
	return 0;
}

/* Renames --output into place; -1 after an error. */
static int
close_output(const struct options *o, struct atomic_file *af)
{
	char *reason = NULL;

	if (af->fp == NULL || atomic_commit(af, &reason) == 0)
		return 0;
	cli_error(o->lang, "output-write-failed", "reason", reason, NULL);
	free(reason);
	return -1;
}

/* True when input item it is the file st describes (same device and inode). */
static bool
same_file(const struct walk_item *it, const struct stat *st)
{
	struct stat in;
	int rc;

	if (it->err_id != NULL)
		return false;
	rc = strcmp(it->path, "-") == 0 ? fstat(STDIN_FILENO, &in) : stat(it->path, &in);
	return rc == 0 && in.st_dev == st->st_dev && in.st_ino == st->st_ino;
}

/* Refuses a file the run would write (--output, --write-baseline, the --baseline that
 * --prune-baseline rewrites) that is also one of the inputs, named or found by a directory
 * walk, compared after following links; -1 after the usage error, before anything is
 * written. */
static int
check_outputs(const struct options *o, const struct walk_list *items)
{
	const char *opt[] = {"output", "write-baseline", "baseline"};
	const char *path[] = {o->output, o->write_baseline, o->prune_baseline ? o->baseline : NULL};
	struct stat st;
	size_t k, i;

	for (k = 0; k < sizeof(path) / sizeof(path[0]); k++) {
		if (path[k] == NULL || stat(path[k], &st) != 0)
			continue;
		for (i = 0; i < items->n; i++) {
			if (!same_file(&items->v[i], &st))
				continue;
			cli_error(o->lang, "usage-output-is-input", "option", opt[k], "path", path[k],
			    "input", source_display_path(items->v[i].path), NULL);
			return -1;
		}
	}
	return 0;
}

/* Loads --baseline; a FILE that does not exist is an empty baseline (a first run), so a
 * gate can name it before one was written. -1 after an error. */
static int
load_baseline(const struct options *o, struct baseline *b)
{
	const char *id = NULL;
	char *reason = NULL;
	struct stat st;

	memset(b, 0, sizeof(*b));
	if (o->baseline == NULL || (lstat(o->baseline, &st) != 0 && errno == ENOENT))
		return 0;
	if (baseline_load(b, o->baseline, &id, &reason) == 0)
		return 0;
	cli_error(o->lang, id, "path", o->baseline, "reason", reason, NULL);
	free(reason);
	return -1;
}

/* Writes --write-baseline or prunes --baseline; -1 after an error. */
static int
save_baselines(struct lint_run *lr)
{
	const struct options *o = lr->o;
	char *reason = NULL;
	int rc = 0;

	if (o->write_baseline != NULL)
		rc = baseline_write(&lr->found, o->write_baseline, false, o->lang, &reason);
	if (rc == 0 && o->prune_baseline && access(o->baseline, F_OK) == 0)
		rc = baseline_write(&lr->base, o->baseline, true, o->lang, &reason);
	if (rc == 0)
		return 0;
	cli_error(o->lang, "output-write-failed", "reason", reason, NULL);
	free(reason);
	return -1;
}

/* The source root of the reports (srcroot.h); NULL after reporting a --root that is not a
 * directory. */
static char *
find_root(const struct options *o)
{
	const char *first = o->npaths > 0 ? o->paths[0] : NULL;
	char *root;

	if (first != NULL && strcmp(first, "-") == 0 && o->stdin_filename != NULL)
		first = o->stdin_filename;
	root = srcroot_find(o->root, first);
	if (root == NULL)
		cli_error(o->lang, "usage-bad-value", "option", "--root", "value", o->root,
		    "expected", "a directory", NULL);
	return root;
}

static void
make_formatter(struct formatter *f, const struct fmt_opts *fo, enum cli_format format)
{
	if (format == CLI_FORMAT_JSON)
		fmt_json_init(f, fo);
	else if (format == CLI_FORMAT_JSONL)
		fmt_jsonl_init(f, fo);
	else if (format == CLI_FORMAT_GITHUB)
		fmt_github_init(f, fo);
	else if (format == CLI_FORMAT_SARIF)
		fmt_sarif_init(f, fo);
	else if (format == CLI_FORMAT_GITLAB)
		fmt_gitlab_init(f, fo);
	else if (format == CLI_FORMAT_HTML)
		fmt_html_init(f, fo);
	else
		fmt_human_init(f, fo);
}

/* --quiet silences human text only (the human format, the github format's plain lines):
 * a machine format always writes its whole document, also on a clean run. */
static bool
human_quiet(const struct options *o)
{
	return o->quiet && (o->format == CLI_FORMAT_HUMAN || o->format == CLI_FORMAT_GITHUB);
}

/* Lints every input with o->jobs threads and reports in input order. */
static void
lint_inputs(struct lint_run *lr)
{
	lr->results = xcalloc(lr->items.n ? lr->items.n : 1, sizeof(*lr->results));
	pool_run(lr->items.n, lr->o->jobs, work_item, done_item, lr);
	free(lr->results);
}

/* Under --prefilter auto, inputs of at least this many bytes repay compiling the
 * prefilter's database (a few hundred milliseconds for the default pack). */
#define PREFILTER_AUTO_BYTES ((uint64_t)16 << 20)
/* Under --prefilter auto, inputs of at least this many bytes repay opening Vectorscan's
 * runtime and reading in the database a compiled pack stores (about 70 pages faulted
 * in); for less, PCRE2 alone takes less time (BENCHMARKS.md, round 5). */
#define PREFILTER_STORED_BYTES ((uint64_t)1 << 20)

/* When this run scans each text with the rules' multi-pattern prefilter. */
static enum ruleset_scan
want_prefilter(const struct options *o, const struct walk_list *items)
{
	struct stat st;
	uint64_t total = 0;
	size_t i;

	if (o->action != CLI_LINT || o->prefilter == CLI_PREFILTER_OFF)
		return RULESET_SCAN_OFF;
	if (o->prefilter == CLI_PREFILTER_VECTORSCAN)
		return RULESET_SCAN_ON;
	for (i = 0; i < items->n && total < PREFILTER_AUTO_BYTES; i++)
		if (items->v[i].err_id == NULL && stat(items->v[i].path, &st) == 0 &&
		    S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
	if (total < PREFILTER_STORED_BYTES)
		return RULESET_SCAN_OFF;
	return total >= PREFILTER_AUTO_BYTES ? RULESET_SCAN_ON : RULESET_SCAN_STORED;
}

static int
lint_all(const struct ruleset *rs, const struct options *o, const struct cfgset *cs,
    const struct walk_list *items, struct repo *repo)
{
	struct lint_run lr;
	struct fmt_opts fo = {stdout, o->lang, false, human_quiet(o), rs, NULL, o->doc_url, 0,
	    NULL};
	struct atomic_file af;
	struct timing tm;
	char *root;
	int status;

	memset(&lr, 0, sizeof(lr));
	lr.o = o;
	lr.rs = rs;
	lr.cs = cs;
	lr.items = *items;
	lr.lo = lint_options(o);
	lr.repo = repo;
	repo_setup(repo, o, rs, cs, items);
	lr.lo.cache = repo_cache(repo);
	lr.lo.corpus = repo_corpus(repo);
	fo.shard = &repo->shard;
	if (check_outputs(o, items) != 0 || (root = find_root(o)) == NULL)
		return 2;
	fo.root = root;
	if (load_baseline(o, &lr.base) != 0) {
		free(root);
		return 2;
	}
	if (open_output(o, &af, &fo.out) != 0) {
		baseline_free(&lr.base);
		free(root);
		return 2;
	}
	fo.color = o->output == NULL && use_color(o->color);
	fo.width = output_width(o->output == NULL);
	make_formatter(&lr.fmt, &fo, o->format);
	if (o->timing) {
		timing_init(&tm, rs->n);
		lr.lo.timing = &tm;
	}
	lint_inputs(&lr);
	if (o->timing) {
		timing_print(stderr, &tm, rs, o->lang);
		timing_free(&tm);
	}
	lr.fmt.ops->end(lr.fmt.state, &lr.totals);
	lr.fmt.ops->destroy(lr.fmt.state);
	status = lint_status(&lr.totals, o->fail_level);
	if (close_output(o, &af) != 0 || save_baselines(&lr) != 0)
		status = 2;
	baseline_free(&lr.base);
	baseline_free(&lr.found);
	free(root);
	return status;
}

/* --fix-dry-run prints the diff alone; --fix rewrites the inputs, then reports what remains
 * (status 2 when an input could not be fixed); otherwise the inputs are linted. */
static int
fix_then_lint(const struct ruleset *rs, const struct options *o, const struct cfgset *cs,
    const struct walk_list *items, struct repo *repo)
{
	struct lint_opts lo = lint_options(o);
	int fixed, status;

	if (!o->fix && !o->fix_dry_run)
		return lint_all(rs, o, cs, items, repo);
	fixed = fixrun_inputs(rs, o, cs, items, &lo);
	if (o->fix_dry_run)
		return fixed;
	status = lint_all(rs, o, cs, items, repo);
	return fixed == 2 ? 2 : status;
}

/* Runs the action that needs the loaded rules. */
static int
run_with_rules(struct ruleset *rs, const struct options *o, const struct cfgset *cs,
    const struct walk_list *items, struct repo *repo)
{
	switch (o->action) {
	case CLI_PRINT_CONFIG:
		settings_print(stdout, cfgset_settings(cs, 0)->cfg, o->print_config, o);
		return 0;
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
	case CLI_RULE_DOCS:
		return ruledocs_write(rs, o->rule_docs, o->lang) == 0 ? 0 : 2;
	default:
		/* The database a compiled pack handed over serves only when it was made from
		 * these rules' patterns; otherwise (or when there is none) it is built now, or
		 * under --prefilter auto for small inputs, the run goes without. */
		if (rs->scan != NULL && rulescan_bind(rs, rs->scan) != 0) {
			mscan_free(rs->scan);
			rs->scan = NULL;
		}
		if (rs->scan == NULL && rs->scan_use == RULESET_SCAN_ON)
			rs->scan = rulescan_build(rs);
		return fix_then_lint(rs, o, cs, items, repo);
	}
}

/* True when fd is a pipe or socket whose reader has gone (poll reports POLLERR). */
static bool
reader_gone(int fd)
{
	struct pollfd p = {fd, POLLOUT, 0};

	return poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

/* Flushes stdout. A reader that left early (`| head`) ends the run quietly with the status
 * of its findings; any other write failure (full disk) is reported and gives status 2. */
static int
finish(int status, enum lang lang)
{
	int err;

	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	err = errno;
	if (err == EPIPE || reader_gone(STDOUT_FILENO))
		return status;
	cli_error(lang, "output-write-failed", "reason", strerror(err ? err : EIO), NULL);
	return 2;
}

/* Expands the PATH operands (or takes --print-config's PATH) and finds their project
 * configs; -1 after printing what went wrong. */
static int
prepare_inputs(const struct options *o, struct walk_list *items, struct cfgset *cs,
    struct repo *repo)
{
	struct load_errors errs;
	bool *walked = NULL;
	size_t i, j, before;
	int rc;

	memset(&errs, 0, sizeof(errs));
	errs.lang = o->lang;
	if (o->action == CLI_PRINT_CONFIG) {
		items->v = xcalloc(1, sizeof(*items->v));
		items->v[0].path = xstrdup(o->print_config);
		items->n = items->cap = 1;
	}
	for (i = 0; o->action == CLI_LINT && i < o->npaths; i++) {
		before = items->n;
		walk_expand(items, o->paths[i], o->lang);
		walked = xrealloc(walked, (items->n + 1) * sizeof(*walked));
		for (j = before; j < items->n; j++)
			walked[j] = strcmp(items->v[j].path, o->paths[i]) != 0;
	}
	repo_select(repo, o, items, walked);
	rc = cfgset_collect(cs, o, items, walked, &errs);
	print_load_errors(stderr, &errs);
	load_errors_free(&errs);
	free(walked);
	return rc;
}

/* Checks the configs' rule ids now that every rule is loaded; -1 after printing. */
static int
finish_configs(struct cfgset *cs, const struct ruleset *rs, const struct options *o)
{
	struct load_errors errs;
	int rc;

	memset(&errs, 0, sizeof(errs));
	errs.lang = o->lang;
	rc = cfgset_finish(cs, rs, o, &errs);
	print_load_errors(stderr, &errs);
	load_errors_free(&errs);
	return rc;
}

int
run(const struct options *o)
{
	struct ruleset rs;
	struct cfgset cs;
	struct walk_list items;
	struct repo repo;
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
	memset(&items, 0, sizeof(items));
	memset(&repo, 0, sizeof(repo));
	if (prepare_inputs(o, &items, &cs, &repo) == 0) {
		rs.scan_use = want_prefilter(o, &items);
		if (load_rules(&rs, o, &cs) == 0 && apply_overrides(&rs, o) == 0 &&
		    finish_configs(&cs, &rs, o) == 0)
			status = run_with_rules(&rs, o, &cs, &items, &repo);
	}
	cfgset_free(&cs);
	walk_list_free(&items);
	repo_free(&repo);
	ruleset_free(&rs);
	return finish(status, o->lang);
}
