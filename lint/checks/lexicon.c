/* Check type `lexicon`: a list of confusable and wrong forms with their corrections, each
 * entry with its own kind, level, context, source and examples, matched in one pass.
 * Every entry's examples are tried when the pack loads; a failing one is a pack error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "lexicon.h"
#include "rule_load.h"
#include "xalloc.h"

/* The kinds of error an entry can describe, with the label its message gets. */
static const struct {
	const char *name, *zh, *en;
} kinds[] = {
	{"homophone", "同音或音近字误", "homophone slip"},
	{"lookalike", "形近字误", "look-alike character"},
	{"variant", "非推荐词形", "non-standard variant form"},
	{"missing", "缺字", "missing character"},
	{"collocation", "固定搭配有误", "wrong fixed collocation"},
	{"formula", "规范表述有误", "non-canonical formulation"},
	{"name", "名称有误", "wrong name"},
	{"inspection", "巡视巡察用语有误", "wrong inspection term"},
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

struct lex_source {
	char *key, *title, *url;
};

/* What the lexicon says about one entry; several wrong forms may share one. */
struct lex_meta {
	char *id;
	enum level level;
	size_t kind;
	size_t source;
	bool fix;                 /* `fix: true`: the correction is safe to apply (--fix) */
};

struct lexicon_params {
	struct lexicon lx;
	size_t *meta_of;          /* lexicon entry -> meta index */
	char **right_of;          /* lexicon entry -> its correction */
	size_t cap_meta_of, cap_right_of;
	struct lex_meta *meta;
	size_t nmeta, cap_meta;
	struct lex_source *src;
	size_t nsrc, cap_src;
};

struct entry_load {
	struct lexicon_params *lp;
	struct rule *r;
	struct rule_example *flag, *pass;   /* this entry's examples until they are checked */
	size_t nflag, npass;
	size_t first, last;                 /* its lexicon entries: [first, last) */
};

static void
lexicon_params_free(void *params)
{
	struct lexicon_params *lp = params;
	size_t i;

	if (lp == NULL)
		return;
	free(lp->meta_of);
	for (i = 0; i < lp->lx.n; i++)
		free(lp->right_of[i]);
	free(lp->right_of);
	lexicon_free(&lp->lx);
	for (i = 0; i < lp->nmeta; i++)
		free(lp->meta[i].id);
	free(lp->meta);
	for (i = 0; i < lp->nsrc; i++) {
		free(lp->src[i].key);
		free(lp->src[i].title);
		free(lp->src[i].url);
	}
	free(lp->src);
	free(lp);
}

static int
read_source(struct rparam *p, size_t index, void *ctx)
{
	struct lexicon_params *lp = ctx;
	struct lex_source s = {NULL, NULL, NULL};
	size_t i;
	int rc = 0;

	(void)index;
	if (rp_string(p, "key", true, &s.key) != 0 || rp_string(p, "title", true, &s.title) != 0 ||
	    rp_string(p, "url", true, &s.url) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < lp->nsrc; i++) {
		if (strcmp(lp->src[i].key, s.key) == 0) {
			rp_error(p, "key", "this source key is already defined");
			rc = -1;
		}
	}
	if (rc != 0) {
		free(s.key);
		free(s.title);
		free(s.url);
		return -1;
	}
	lp->src = xgrow(lp->src, &lp->cap_src, lp->nsrc + 1, sizeof(*lp->src));
	lp->src[lp->nsrc++] = s;
	return 0;
}

/* Reads context list key of an entry into every lexicon entry [first, last). */
static int
read_context(struct rparam *p, const char *key, struct entry_load *el, size_t which)
{
	char **v = NULL, msg[160];
	const char *why = NULL;
	size_t n = 0, i, k;
	int rc = 0;

	if (rp_strings(p, key, false, &v, &n) != 0)
		return -1;
	for (k = el->first; k < el->last; k++) {
		struct lex_entry *e = &el->lp->lx.v[k];
		struct lex_items *l = which == 0 ? &e->before : which == 1 ? &e->not_before :
		    which == 2 ? &e->after : &e->not_after;

		l->v = xcalloc(n > 0 ? n : 1, sizeof(*l->v));
		for (i = 0; i < n && rc == 0; i++, l->n++) {
			if (lex_item_parse(v[i], &l->v[i], &why) != 0) {
				snprintf(msg, sizeof(msg), "context item \"%s\": %s", v[i], why);
				rp_error(p, key, msg);
				rc = -1;
			}
		}
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return rc;
}

struct entry_hit {
	const struct entry_load *el;
	bool found;
};

static int
record_hit(size_t entry, size_t start, size_t end, void *ctx)
{
	struct entry_hit *h = ctx;

	(void)start;
	(void)end;
	if (entry >= h->el->first && entry < h->el->last)
		h->found = true;
	return 0;
}

static int
count_any(size_t entry, size_t start, size_t end, void *ctx)
{
	(void)entry;
	(void)start;
	(void)end;
	++*(size_t *)ctx;
	return 0;
}

/* Reports an example failure of entry id at the example. */
static void
example_error(struct rparam *p, const char *key, const char *id, const char *what,
		const char *text)
{
	char msg[512];

	snprintf(msg, sizeof(msg), "entry %s: %s: %s", id, what, text);
	rp_error(p, key, msg);
}

/* True when some match in text comes from the entry being loaded. */
static bool
hits_entry(const struct lexicon *lx, const char *text, const struct entry_load *el)
{
	struct entry_hit h = {el, false};

	(void)lexicon_scan(lx, text, strlen(text), 0, strlen(text), record_hit, &h);
	return h.found;
}

/* Tries the entry's examples, and its correction, on the lexicon built so far. */
static int
test_entry(struct rparam *p, struct entry_load *el, const struct lex_meta *m)
{
	struct lexicon *lx = &el->lp->lx;
	size_t i, hits = 0;
	int rc = 0;

	lexicon_build(lx);
	for (i = 0; i < el->nflag; i++) {
		if (!hits_entry(lx, el->flag[i].text, el)) {
			example_error(p, "flag", m->id, "the flag example draws no match",
			    el->flag[i].text);
			rc = -1;
		}
	}
	for (i = 0; i < el->npass; i++) {
		hits = 0;
		(void)lexicon_scan(lx, el->pass[i].text, strlen(el->pass[i].text), 0,
		    strlen(el->pass[i].text), count_any, &hits);
		if (hits != 0) {
			example_error(p, "pass", m->id, "the pass example draws a match",
			    el->pass[i].text);
			rc = -1;
		}
	}
	for (i = el->first; i < el->last; i++) {
		const char *right = el->lp->right_of[i];

		hits = 0;
		(void)lexicon_scan(lx, right, strlen(right), 0, strlen(right), count_any, &hits);
		if (hits != 0) {
			example_error(p, "right", m->id, "the correction itself draws a match", right);
			rc = -1;
		}
	}
	return rc;
}

/* Moves the entry's examples onto the rule, tagged with the entry id. */
static void
keep_examples(struct entry_load *el, const char *id)
{
	struct rule *r = el->r;
	size_t i;

	r->flag = xrealloc(r->flag, (r->nflag + el->nflag + 1) * sizeof(*r->flag));
	for (i = 0; i < el->nflag; i++) {
		el->flag[i].entry = id;
		r->flag[r->nflag++] = el->flag[i];
	}
	r->pass = xrealloc(r->pass, (r->npass + el->npass + 1) * sizeof(*r->pass));
	for (i = 0; i < el->npass; i++) {
		el->pass[i].entry = id;
		r->pass[r->npass++] = el->pass[i];
	}
	free(el->flag);
	free(el->pass);
	el->flag = el->pass = NULL;
	el->nflag = el->npass = 0;
}

static void
drop_examples(struct rule_example *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

static int
read_level(struct rparam *p, struct entry_load *el, struct lex_meta *m)
{
	char *s = NULL;
	int rc = 0;

	m->level = el->r->pack_level;
	if (rp_string(p, "level", false, &s) != 0)
		return -1;
	if (s != NULL && (level_parse(s, &m->level) != 0 || m->level > el->r->pack_level)) {
		rp_error(p, "level", "an entry's level is error, warning or info, not above the rule's");
		rc = -1;
	}
	free(s);
	return rc;
}

static int
read_kind_source(struct rparam *p, struct entry_load *el, struct lex_meta *m)
{
	const char *names[NKINDS];
	char *src = NULL;
	size_t i;
	int rc = 0;

	for (i = 0; i < NKINDS; i++)
		names[i] = kinds[i].name;
	if (check_parse_choice(p, "kind", names, NKINDS, "kind is one of homophone, lookalike, "
	    "variant, missing, collocation, formula, name, inspection", &m->kind) != 0)
		rc = -1;
	if (rp_string(p, "src", true, &src) != 0 || src == NULL)
		return -1;
	for (i = 0; i < el->lp->nsrc && strcmp(el->lp->src[i].key, src) != 0; i++)
		;
	if (i == el->lp->nsrc) {
		rp_error(p, "src", "no source with this key in `sources`");
		rc = -1;
	}
	m->source = i;
	free(src);
	return rc;
}

/* Reads the wrong forms and their corrections: `right` is one string for all of them or a
 * list as long as `wrong`. */
static int
read_forms(struct rparam *p, struct entry_load *el)
{
	struct lexicon_params *lp = el->lp;
	char **v = NULL, **r = NULL;
	size_t n = 0, nr = 0, i;
	int rc = 0;

	el->first = el->last = lp->lx.n;
	if (rp_strings(p, "wrong", true, &v, &n) != 0)
		rc = -1;
	if (rp_strings(p, "right", true, &r, &nr) != 0)
		rc = -1;
	if (rc == 0 && n == 0) {
		rp_error(p, "wrong", "at least one wrong form is required");
		rc = -1;
	} else if (rc == 0 && nr != 1 && nr != n) {
		rp_error(p, "right", "give one correction, or one for each wrong form");
		rc = -1;
	}
	for (i = 0; rc == 0 && i < n; i++) {
		if (lexicon_add(&lp->lx, v[i]) == NULL) {
			rp_error(p, "wrong", "a wrong form is a non-empty UTF-8 string");
			rc = -1;
			break;
		}
		lp->meta_of = xgrow(lp->meta_of, &lp->cap_meta_of, lp->lx.n, sizeof(*lp->meta_of));
		lp->right_of = xgrow(lp->right_of, &lp->cap_right_of, lp->lx.n, sizeof(*lp->right_of));
		lp->meta_of[lp->lx.n - 1] = lp->nmeta;
		lp->right_of[lp->lx.n - 1] = xstrdup(r[nr == 1 ? 0 : i]);
		if (strcmp(v[i], r[nr == 1 ? 0 : i]) == 0) {
			rp_error(p, "right", "a correction equal to its wrong form");
			rc = -1;
		}
	}
	el->last = lp->lx.n;
	for (i = 0; i < n; i++)
		free(v[i]);
	for (i = 0; i < nr; i++)
		free(r[i]);
	free(v);
	free(r);
	return rc;
}

static int
read_entry(struct rparam *p, size_t index, void *ctx)
{
	static const char *const ctx_keys[] = {"before", "not_before", "after", "not_after"};
	struct entry_load *el = ctx;
	struct lexicon_params *lp = el->lp;
	struct lex_meta m;
	size_t i, k;
	int rc = 0;

	(void)index;
	memset(&m, 0, sizeof(m));
	el->flag = el->pass = NULL;
	el->nflag = el->npass = 0;
	if (rp_string(p, "id", true, &m.id) != 0 || m.id == NULL)
		rc = -1;
	/* A compiled pack's ids were found distinct when it was compiled. */
	for (i = 0; rc == 0 && !rp_trusted(p) && i < lp->nmeta; i++) {
		if (strcmp(lp->meta[i].id, m.id) == 0) {
			rp_error(p, "id", "this entry id is already used");
			rc = -1;
		}
	}
	if (read_level(p, el, &m) != 0)
		rc = -1;
	if (rp_bool(p, "fix", false, &m.fix) != 0)
		rc = -1;
	if (read_kind_source(p, el, &m) != 0)
		rc = -1;
	if (read_forms(p, el) != 0)
		rc = -1;
	for (k = 0; k < 4; k++)
		if (read_context(p, ctx_keys[k], el, k) != 0)
			rc = -1;
	if (rp_examples(p, "flag", &el->flag, &el->nflag) != 0)
		rc = -1;
	if (rp_examples(p, "pass", &el->pass, &el->npass) != 0)
		rc = -1;
	if (rc == 0 && el->nflag == 0) {
		rp_error(p, "flag", "every entry needs at least one flag example");
		rc = -1;
	}
	/* A compiled pack's entries passed this test when it was compiled. */
	if (rc == 0 && !rp_trusted(p))
		rc = test_entry(p, el, &m);
	if (rc != 0) {
		/* Keep the lexicon consistent: drop this entry's wrong forms again. */
		while (lp->lx.n > el->first) {
			free(lp->right_of[lp->lx.n - 1]);
			lexicon_pop(&lp->lx);
		}
		drop_examples(el->flag, el->nflag);
		drop_examples(el->pass, el->npass);
		el->flag = el->pass = NULL;
		free(m.id);
		return -1;
	}
	lp->meta = xgrow(lp->meta, &lp->cap_meta, lp->nmeta + 1, sizeof(*lp->meta));
	lp->meta[lp->nmeta++] = m;
	keep_examples(el, lp->meta[lp->nmeta - 1].id);
	return 0;
}

static int
lexicon_parse(struct rule *r, struct rparam *p)
{
	struct lexicon_params *lp = xcalloc(1, sizeof(*lp));
	struct entry_load el;
	int rc = 0;

	r->params = lp;
	memset(&el, 0, sizeof(el));
	el.lp = lp;
	el.r = r;
	if (rp_maps(p, "sources", true, read_source, lp) != 0)
		rc = -1;
	if (rp_maps(p, "entries", true, read_entry, &el) != 0)
		rc = -1;
	lexicon_build(&lp->lx);
	return rc;
}

struct lexicon_run {
	const struct rule *r;
	const struct check_ctx *c;
	int stop;
};

static int
report_entry(size_t entry, size_t start, size_t end, void *ctx)
{
	struct lexicon_run *run = ctx;
	const struct lexicon_params *lp = run->r->params;
	const struct lex_meta *m = &lp->meta[lp->meta_of[entry]];
	bool en = run->c->out->lang == LANG_EN;
	char *text = check_text(run->c->doc, start, end);
	struct diag *d;

	d = diag_add(run->c->out, run->r, start, end, "match", text, "suggest", lp->right_of[entry],
	    "kind", en ? kinds[m->kind].en : kinds[m->kind].zh, "entry", m->id, NULL);
	free(text);
	if (d == NULL) {
		run->stop = 1;
		return 1;
	}
	if (m->fix && run->r->fix_zh != NULL)
		diag_edit(d, start, end, lp->right_of[entry], strlen(lp->right_of[entry]));
	/* The entry's own level, never above the rule's (so --level can lower them all). */
	d->level = m->level < run->r->level ? m->level : run->r->level;
	return 0;
}

static int
lexicon_span(const struct doc *doc, struct span span, void *ctx)
{
	struct lexicon_run *run = ctx;
	const struct lexicon_params *lp = run->r->params;

	(void)lexicon_scan(&lp->lx, doc->text, doc->len, span.start, span.end, report_entry, run);
	return run->stop;
}

static void
lexicon_run(const struct rule *r, const struct check_ctx *c)
{
	struct lexicon_run run = {r, c, 0};

	(void)check_scope_each(c->doc, r->scope, lexicon_span, &run);
}

const struct check_type chk_lexicon = {
	"lexicon",
	"reports the wrong forms of a confusables lexicon in one pass, each with its entry's "
	"correction, level and context",
	lexicon_parse,
	lexicon_run,
	lexicon_params_free,
	"一遍扫描报告易混词表中的错误写法，每处给出词条的正确写法、级别和上下文",
};
