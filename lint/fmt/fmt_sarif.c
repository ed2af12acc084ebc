/* The SARIF 2.1.0 format as GitHub code scanning reads it: one run whose driver lists the
 * enabled rules (then any catalogue id a result used) with their names, help and rule
 * pages, results with one physical location (URI relative to SRCROOT, code-point columns,
 * exclusive end), related locations and a content partialFingerprint, and input errors as
 * tool execution notifications. Results are streamed as they come, so the run's tool and
 * invocations follow them. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "check.h"
#include "fmt.h"
#include "jsonout.h"
#include "msg.h"
#include "repo/shard.h"
#include "rules.h"
#include "srcroot.h"
#include "strbuf.h"
#include "xalloc.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FINGERPRINT_KEY "noticelint/v1"
#define BASE_ID "SRCROOT"

struct sarif {
	struct fmt_opts o;
	struct jsonout w;       /* held back while --quiet may still print nothing at all */
	size_t nresults;
	cJSON *tool, *rules, *notes;
	const char **ids;   /* rule id of each rules[] entry, borrowed */
	size_t nids, cap;
};

static void
add_text(cJSON *obj, const char *key, const char *text)
{
	cJSON *m = fmt_json_must(cJSON_AddObjectToObject(obj, key));

	fmt_json_must(cJSON_AddStringToObject(m, "text", text));
}

static const char *
sarif_level(enum level l)
{
	if (l == LEVEL_ERROR)
		return "error";
	return l == LEVEL_WARNING ? "warning" : "note";
}

/* The first sentence of s (through ". " or "。"), or all of it; the caller frees. */
static char *
first_sentence(const char *s)
{
	return xstrndup(s, rule_text_first_sentence(s));
}

/* Appends the string text to b. */
static void
put(struct strbuf *b, const char *text)
{
	strbuf_put(b, text, strlen(text));
}

/* Appends text to b with the characters Markdown gives a meaning escaped; with one_line,
 * line breaks become spaces (a list item stays one item). */
static void
put_md(struct strbuf *b, const char *text, bool one_line)
{
	for (; *text != '\0'; text++) {
		if (strchr("\\`*_[]<>#|~", *text) != NULL)
			strbuf_put(b, "\\", 1);
		if (one_line && (*text == '\n' || *text == '\r'))
			strbuf_put(b, " ", 1);
		else
			strbuf_put(b, text, 1);
	}
}

/* Appends name as SARIF wants a rule name: its words (split at '-', '_', ' ') in Pascal
 * case. */
static void
put_pascal(struct strbuf *b, const char *name)
{
	bool start = true;
	char c;

	for (; *name != '\0'; name++) {
		c = *name;
		if (c == '-' || c == '_' || c == ' ') {
			start = true;
			continue;
		}
		if (start && c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		strbuf_put(b, &c, 1);
		start = false;
	}
}

/* What a descriptor says about one rule (or catalogue id): everything borrowed. */
struct rule_doc {
	const char *id, *desc, *source;
	const char *check;                /* check type; NULL for a catalogue id */
	const char *flag, *pass;          /* first example of each kind, or NULL */
	enum level level;
};

/* The help text's labels in lang. */
static const char *
help_label(int which, enum lang lang)
{
	static const char *const labels[][2] = {
		{"\n\n依据：", "\n\nSource: "},
		{"\n- 应报：", "\n- flagged: "},
		{"\n- 不应报：", "\n- not flagged: "},
	};

	return labels[which][lang == LANG_EN ? 1 : 0];
}

/* Appends the help Markdown of d in lang, linking to its page at uri. */
static void
put_help_md(struct strbuf *b, const struct rule_doc *d, const char *uri, enum lang lang)
{
	put(b, "**");
	put_md(b, d->id, true);
	put(b, "** (");
	put(b, level_name(d->level));
	put(b, ")\n\n");
	put_md(b, d->desc, false);
	if (d->source != NULL && d->source[0] != '\0') {
		put(b, help_label(0, lang));
		put_md(b, d->source, false);
	}
	if (d->flag != NULL || d->pass != NULL)
		put(b, "\n");
	if (d->flag != NULL) {
		put(b, help_label(1, lang));
		put_md(b, d->flag, true);
	}
	if (d->pass != NULL) {
		put(b, help_label(2, lang));
		put_md(b, d->pass, true);
	}
	put(b, "\n\n[");
	put(b, uri);
	put(b, "](");
	put(b, uri);
	put(b, ")");
}

/* The page documenting d under the documentation base: doc/rules/ID.md for a rule, the
 * message id table of README for a catalogue id. The caller frees. */
static char *
help_uri(const struct sarif *s, const struct rule_doc *d)
{
	struct strbuf b = {NULL, 0, 0};

	put(&b, s->o.doc_url);
	if (d->check == NULL) {
		put(&b, "README.md#message-ids");
	} else {
		put(&b, "doc/rules/");
		put(&b, d->id);
		put(&b, ".md");
	}
	return strbuf_take(&b);
}

/* Appends one reportingDescriptor to rules[] and remembers its id. */
static void
add_descriptor(struct sarif *s, const struct rule_doc *d)
{
	cJSON *r = fmt_json_must(cJSON_CreateObject());
	cJSON *cfg, *help;
	char *shortd = first_sentence(d->desc), *uri = help_uri(s, d), *text;
	struct strbuf b = {NULL, 0, 0};

	fmt_json_must(cJSON_AddStringToObject(r, "id", d->id));
	if (d->check != NULL) {
		/* The check type, then the id: readable and unique within the run. */
		put_pascal(&b, d->check);
		put_pascal(&b, d->id);
	} else {
		put_pascal(&b, d->id);
	}
	text = strbuf_take(&b);
	fmt_json_must(cJSON_AddStringToObject(r, "name", text));
	free(text);
	add_text(r, "shortDescription", shortd);
	add_text(r, "fullDescription", d->desc);
	fmt_json_must(cJSON_AddStringToObject(r, "helpUri", uri));
	put(&b, d->desc);
	if (d->source != NULL && d->source[0] != '\0') {
		put(&b, help_label(0, s->o.lang));
		put(&b, d->source);
	}
	text = strbuf_take(&b);
	help = fmt_json_must(cJSON_AddObjectToObject(r, "help"));
	fmt_json_must(cJSON_AddStringToObject(help, "text", text));
	free(text);
	put_help_md(&b, d, uri, s->o.lang);
	text = strbuf_take(&b);
	fmt_json_must(cJSON_AddStringToObject(help, "markdown", text));
	free(text);
	cfg = fmt_json_must(cJSON_AddObjectToObject(r, "defaultConfiguration"));
	fmt_json_must(cJSON_AddStringToObject(cfg, "level", sarif_level(d->level)));
	cJSON_AddItemToArray(s->rules, r);
	s->ids = xgrow(s->ids, &s->cap, s->nids + 1, sizeof(*s->ids));
	s->ids[s->nids++] = d->id;
	free(shortd);
	free(uri);
}

/* Index of id in rules[], adding a descriptor from the message catalogue if needed. */
static size_t
rule_index(struct sarif *s, const char *id, enum level level)
{
	const char *tmpl;
	struct rule_doc d;
	size_t i;

	for (i = 0; i < s->nids; i++)
		if (strcmp(s->ids[i], id) == 0)
			return i;
	tmpl = msg_template(id, s->o.lang);
	memset(&d, 0, sizeof(d));
	d.id = id;
	d.desc = tmpl ? tmpl : id;
	d.level = level;
	add_descriptor(s, &d);
	return s->nids - 1;
}

/* path as a URI reference: bytes other than unreserved ones and '/' percent-encoded, a
 * leading "./" dropped, an absolute path made a file:// URI. The caller frees. */
static char *
path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path), k = 0;
	char *u = xmalloc(3 * n + 8);
	unsigned char c;

	while (path[0] == '.' && path[1] == '/')
		path += 2;
	if (path[0] == '/') {
		memcpy(u, "file://", 7);
		k = 7;
	}
	for (; *path != '\0'; path++) {
		c = (unsigned char)*path;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    strchr("-._~/", c) != NULL) {
			u[k++] = (char)c;
		} else {
			u[k++] = '%';
			u[k++] = hex[c >> 4];
			u[k++] = hex[c & 15];
		}
	}
	u[k] = '\0';
	return u;
}

/* Where a file's results point: its URI and whether that is relative to SRCROOT. */
struct artifact {
	char *uri;
	bool based;
};

/* The artifact of display path path: relative to the source root when it lies below it,
 * else an absolute file:// URI (standard input keeps its display name). */
static struct artifact
artifact_of(const struct sarif *s, const char *path)
{
	struct artifact a = {NULL, false};
	char *rel = NULL;

	if (strcmp(path, "<stdin>") == 0) {
		a.uri = path_uri(path);
		return a;
	}
	if (s->o.root != NULL && (rel = srcroot_rel(s->o.root, path)) != NULL) {
		a.uri = path_uri(rel);
		a.based = true;
	} else if ((rel = srcroot_abs(path)) != NULL) {
		a.uri = path_uri(rel);
	} else {
		a.uri = path_uri(path);
	}
	free(rel);
	return a;
}

/* A location object for the artifact a; with lines, the region of [start, end). */
static cJSON *
location(const struct artifact *a, const struct linemap *lines, size_t start, size_t end)
{
	cJSON *loc = fmt_json_must(cJSON_CreateObject());
	cJSON *phys = fmt_json_must(cJSON_AddObjectToObject(loc, "physicalLocation"));
	cJSON *art = fmt_json_must(cJSON_AddObjectToObject(phys, "artifactLocation"));
	cJSON *reg;
	unsigned l, c, sl, sc;

	fmt_json_must(cJSON_AddStringToObject(art, "uri", a->uri));
	if (a->based)
		fmt_json_must(cJSON_AddStringToObject(art, "uriBaseId", BASE_ID));
	if (lines == NULL)
		return loc;
	reg = fmt_json_must(cJSON_AddObjectToObject(phys, "region"));
	linemap_locate(lines, start, &sl, &sc);
	fmt_json_must(cJSON_AddNumberToObject(reg, "startLine", sl));
	fmt_json_must(cJSON_AddNumberToObject(reg, "startColumn", sc));
	linemap_locate(lines, end, &l, &c);
	/* A span running onto the next PDF page would end "before" it starts. */
	if (l < sl || (l == sl && c < sc)) {
		l = sl;
		c = sc;
	}
	fmt_json_must(cJSON_AddNumberToObject(reg, "endLine", l));
	fmt_json_must(cJSON_AddNumberToObject(reg, "endColumn", c));
	if (lines->src != NULL) {
		/* A converted input: say what the region's lines and columns count. */
		cJSON *pb = fmt_json_must(cJSON_AddObjectToObject(reg, "properties"));

		fmt_json_must(cJSON_AddStringToObject(pb, "sourceFormat", lines->src->format));
		fmt_json_must(cJSON_AddStringToObject(pb, "lineUnit", lines->src->line_unit));
		if (linemap_page(lines, start) > 0)
			fmt_json_must(cJSON_AddNumberToObject(pb, "page", linemap_page(lines, start)));
	}
	return loc;
}

/* A location object for a related location in another file: its artifact as artifact_of
 * gives it and the region's start. */
static cJSON *
other_location(const struct sarif *s, const struct related *rel)
{
	struct artifact a = artifact_of(s, rel->path);
	cJSON *loc = location(&a, NULL, 0, 0);
	cJSON *reg = fmt_json_must(cJSON_AddObjectToObject(
	    cJSON_GetObjectItemCaseSensitive(loc, "physicalLocation"), "region"));

	fmt_json_must(cJSON_AddNumberToObject(reg, "startLine", rel->line));
	fmt_json_must(cJSON_AddNumberToObject(reg, "startColumn", rel->col));
	free(a.uri);
	return loc;
}

static void
add_result(struct sarif *s, const struct fmt_file *f, const struct artifact *uri, size_t i,
    const struct fingerprint *fp)
{
	const struct diag *d = &f->diags->v[i];
	cJSON *r = fmt_json_must(cJSON_CreateObject());
	cJSON *locs, *rel, *one, *pf;
	size_t k;

	fmt_json_must(cJSON_AddStringToObject(r, "ruleId", d->rule));
	fmt_json_must(cJSON_AddNumberToObject(r, "ruleIndex", (double)rule_index(s, d->rule, d->level)));
	fmt_json_must(cJSON_AddStringToObject(r, "level", sarif_level(d->level)));
	add_text(r, "message", d->message);
	locs = fmt_json_must(cJSON_AddArrayToObject(r, "locations"));
	cJSON_AddItemToArray(locs, location(uri, f->lines, d->span.start, d->span.end));
	if (d->nrelated > 0) {
		rel = fmt_json_must(cJSON_AddArrayToObject(r, "relatedLocations"));
		for (k = 0; k < d->nrelated; k++) {
			one = d->related[k].path != NULL ? other_location(s, &d->related[k]) :
			    location(uri, f->lines, d->related[k].span.start,
			    d->related[k].span.end);
			fmt_json_must(cJSON_AddNumberToObject(one, "id", (double)k));
			add_text(one, "message", d->related[k].message);
			cJSON_AddItemToArray(rel, one);
		}
	}
	pf = fmt_json_must(cJSON_AddObjectToObject(r, "partialFingerprints"));
	fmt_json_must(cJSON_AddStringToObject(pf, FINGERPRINT_KEY, fp->hex));
	jsonout_start(&s->w);
	if (s->nresults++ > 0)
		jsonout_puts(&s->w, ", ");
	jsonout_nested(&s->w, r, 3);
}

/* An input error as an error notification located at the file. */
static void
add_notification(struct sarif *s, const struct artifact *uri, const struct fmt_error *e)
{
	cJSON *n = fmt_json_must(cJSON_CreateObject());
	cJSON *desc, *locs;

	fmt_json_must(cJSON_AddStringToObject(n, "level", "error"));
	add_text(n, "message", e->message);
	desc = fmt_json_must(cJSON_AddObjectToObject(n, "descriptor"));
	fmt_json_must(cJSON_AddStringToObject(desc, "id", e->id));
	locs = fmt_json_must(cJSON_AddArrayToObject(n, "locations"));
	cJSON_AddItemToArray(locs, location(uri, NULL, 0, 0));
	cJSON_AddItemToArray(s->notes, n);
}

static void
sarif_file(void *state, const struct fmt_file *f)
{
	struct sarif *s = state;
	struct artifact uri = artifact_of(s, f->path);
	struct fingerprint *own;
	const struct fingerprint *fps = fmt_file_fps(f, &own);
	size_t i, n = f->diags != NULL && f->text != NULL ? f->diags->n : 0;

	for (i = 0; i < f->nerrors; i++)
		add_notification(s, &uri, &f->errors[i]);
	for (i = 0; i < n; i++)
		add_result(s, f, &uri, i, &fps[i]);
	free(own);
	free(uri.uri);
}

static void
sarif_end(void *state, const struct fmt_totals *t)
{
	struct sarif *s = state;
	cJSON *inv, *invs, *props, *shard;

	if (s->o.quiet && t->errors + t->warnings + t->infos + t->failed == 0)
		return;
	jsonout_start(&s->w);
	invs = fmt_json_must(cJSON_CreateArray());
	inv = fmt_json_must(cJSON_CreateObject());
	fmt_json_must(cJSON_AddBoolToObject(inv, "executionSuccessful", t->failed == 0));
	cJSON_AddItemReferenceToObject(inv, "toolExecutionNotifications", s->notes);
	cJSON_AddItemToArray(invs, inv);
	jsonout_puts(&s->w, "],\n\t\t\t\"invocations\":\t");
	jsonout_nested(&s->w, invs, 3);
	jsonout_puts(&s->w, ",\n\t\t\t\"tool\":\t");
	jsonout_nested(&s->w, s->tool, 3);
	s->tool = NULL;
	if ((shard = shard_json(s->o.shard)) != NULL) {
		/* A shard's report: what noticelint merge needs, in the run's property bag. */
		props = fmt_json_must(cJSON_CreateObject());
		cJSON_AddItemToObject(props, "noticelint/shard", shard);
		jsonout_puts(&s->w, ",\n\t\t\t\"properties\":\t");
		jsonout_nested(&s->w, props, 3);
	}
	jsonout_puts(&s->w, "\n\t\t}]\n}\n");
}

static void
sarif_destroy(void *state)
{
	struct sarif *s = state;

	cJSON_Delete(s->tool);
	cJSON_Delete(s->notes);
	jsonout_free(&s->w);
	free(s->ids);
	free(s);
}

static const struct fmt_ops sarif_ops = {sarif_file, sarif_end, sarif_destroy};

/* Lists every enabled rule of rs in rules[]. */
static void
add_rules(struct sarif *s, const struct ruleset *rs)
{
	const struct rule *r;
	struct rule_doc d;
	size_t i;

	for (i = 0; rs != NULL && i < rs->n; i++) {
		r = rs->v[i];
		if (!r->enabled)
			continue;
		memset(&d, 0, sizeof(d));
		d.id = r->id;
		d.desc = rule_description(r, s->o.lang) ? rule_description(r, s->o.lang) : r->id;
		d.source = rule_source(r, s->o.lang);
		d.check = r->check != NULL ? r->check->name : "rule";
		d.flag = r->nflag > 0 ? r->flag[0].text : NULL;
		d.pass = r->npass > 0 ? r->pass[0].text : NULL;
		d.level = r->level;
		add_descriptor(s, &d);
	}
}

void
fmt_sarif_init(struct formatter *f, const struct fmt_opts *o)
{
	struct sarif *s = xcalloc(1, sizeof(*s));
	struct strbuf b = {NULL, 0, 0};
	cJSON *driver, *bases, *root;
	char *uri;

	s->o = *o;
	if (s->o.doc_url == NULL)
		s->o.doc_url = NL_DOC_URL;
	jsonout_init(&s->w, o->out, o->quiet);
	jsonout_puts(&s->w, "{\n\t\"$schema\":\t\"" SARIF_SCHEMA "\",\n\t\"version\":\t\"2.1.0\",\n"
	    "\t\"runs\":\t[{\n\t\t\t\"columnKind\":\t\"unicodeCodePoints\",\n");
	if (o->root != NULL) {
		/* The root as a file URI with the closing '/' SARIF requires. */
		uri = path_uri(o->root);
		put(&b, uri);
		if (strcmp(o->root, "/") != 0)
			put(&b, "/");
		free(uri);
		uri = strbuf_take(&b);
		bases = fmt_json_must(cJSON_CreateObject());
		root = fmt_json_must(cJSON_AddObjectToObject(bases, BASE_ID));
		fmt_json_must(cJSON_AddStringToObject(root, "uri", uri));
		free(uri);
		jsonout_puts(&s->w, "\t\t\t\"originalUriBaseIds\":\t");
		jsonout_nested(&s->w, bases, 3);
		jsonout_puts(&s->w, ",\n");
	}
	jsonout_puts(&s->w, "\t\t\t\"results\":\t[");
	s->tool = fmt_json_must(cJSON_CreateObject());
	driver = fmt_json_must(cJSON_AddObjectToObject(s->tool, "driver"));
	fmt_json_must(cJSON_AddStringToObject(driver, "name", "noticelint"));
	put(&b, s->o.doc_url);
	put(&b, "README.md");
	uri = strbuf_take(&b);
	fmt_json_must(cJSON_AddStringToObject(driver, "informationUri", uri));
	free(uri);
	fmt_json_must(cJSON_AddStringToObject(driver, "version", NL_VERSION));
	fmt_json_must(cJSON_AddStringToObject(driver, "semanticVersion", NL_VERSION));
	s->rules = fmt_json_must(cJSON_AddArrayToObject(driver, "rules"));
	s->notes = fmt_json_must(cJSON_CreateArray());
	add_rules(s, o->rules);
	f->ops = &sarif_ops;
	f->state = s;
}
