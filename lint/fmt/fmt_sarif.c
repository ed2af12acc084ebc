/* The SARIF 2.1.0 format as GitHub code scanning reads it: one run whose driver lists the
 * enabled rules (then any catalogue id a result used), results with one physical location
 * (relative URI, code-point columns, exclusive end), related locations and a content
 * partialFingerprint, and input errors as tool execution notifications. Results are
 * streamed as they come, so the run's tool and invocations follow them. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "jsonout.h"
#include "msg.h"
#include "rules.h"
#include "xalloc.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FINGERPRINT_KEY "noticelint/v1"

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
	const char *dot = strstr(s, ". ");
	const char *cn = strstr(s, "。");

	if (cn != NULL && (dot == NULL || cn < dot))
		return xstrndup(s, (size_t)(cn - s) + strlen("。"));
	if (dot != NULL)
		return xstrndup(s, (size_t)(dot - s) + 1);
	return xstrdup(s);
}

/* Appends one reportingDescriptor to rules[] and remembers its id. */
static void
add_descriptor(struct sarif *s, const char *id, const char *desc, const char *source,
    enum level level)
{
	cJSON *r = fmt_json_must(cJSON_CreateObject());
	cJSON *cfg;
	char *shortd = first_sentence(desc);
	size_t n = strlen(desc) + (source ? strlen(source) : 0) + 16;
	char *help = xmalloc(n);

	if (source != NULL && source[0] != '\0')
		snprintf(help, n, "%s\n\nSource: %s", desc, source);
	else
		snprintf(help, n, "%s", desc);
	fmt_json_must(cJSON_AddStringToObject(r, "id", id));
	add_text(r, "shortDescription", shortd);
	add_text(r, "fullDescription", desc);
	add_text(r, "help", help);
	cfg = fmt_json_must(cJSON_AddObjectToObject(r, "defaultConfiguration"));
	fmt_json_must(cJSON_AddStringToObject(cfg, "level", sarif_level(level)));
	cJSON_AddItemToArray(s->rules, r);
	s->ids = xgrow(s->ids, &s->cap, s->nids + 1, sizeof(*s->ids));
	s->ids[s->nids++] = id;
	free(shortd);
	free(help);
}

/* Index of id in rules[], adding a descriptor from the message catalogue if needed. */
static size_t
rule_index(struct sarif *s, const char *id, enum level level)
{
	const char *tmpl;
	size_t i;

	for (i = 0; i < s->nids; i++)
		if (strcmp(s->ids[i], id) == 0)
			return i;
	tmpl = msg_template(id, s->o.lang);
	add_descriptor(s, id, tmpl ? tmpl : id, NULL, level);
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

/* A location object for uri; with lines, the region of [start, end). */
static cJSON *
location(const char *uri, const struct linemap *lines, size_t start, size_t end)
{
	cJSON *loc = fmt_json_must(cJSON_CreateObject());
	cJSON *phys = fmt_json_must(cJSON_AddObjectToObject(loc, "physicalLocation"));
	cJSON *art = fmt_json_must(cJSON_AddObjectToObject(phys, "artifactLocation"));
	cJSON *reg;
	unsigned l, c;

	fmt_json_must(cJSON_AddStringToObject(art, "uri", uri));
	if (lines == NULL)
		return loc;
	reg = fmt_json_must(cJSON_AddObjectToObject(phys, "region"));
	linemap_locate(lines, start, &l, &c);
	fmt_json_must(cJSON_AddNumberToObject(reg, "startLine", l));
	fmt_json_must(cJSON_AddNumberToObject(reg, "startColumn", c));
	linemap_locate(lines, end, &l, &c);
	fmt_json_must(cJSON_AddNumberToObject(reg, "endLine", l));
	fmt_json_must(cJSON_AddNumberToObject(reg, "endColumn", c));
	return loc;
}

static void
add_result(struct sarif *s, const struct fmt_file *f, const char *uri, size_t i,
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
			one = location(uri, f->lines, d->related[k].span.start,
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
add_notification(struct sarif *s, const char *uri, const struct fmt_error *e)
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
	char *uri = path_uri(f->path);
	struct fingerprint *own = NULL;
	const struct fingerprint *fps = f->fps;
	size_t i, n = f->diags != NULL && f->text != NULL ? f->diags->n : 0;

	for (i = 0; i < f->nerrors; i++)
		add_notification(s, uri, &f->errors[i]);
	if (n > 0 && fps == NULL) {
		own = xcalloc(n, sizeof(*own));
		fingerprint_diags(f->text, strlen(f->text), f->diags, own);
		fps = own;
	}
	for (i = 0; i < n; i++)
		add_result(s, f, uri, i, &fps[i]);
	free(own);
	free(uri);
}

static void
sarif_end(void *state, const struct fmt_totals *t)
{
	struct sarif *s = state;
	cJSON *inv, *invs;

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
	size_t i;

	for (i = 0; rs != NULL && i < rs->n; i++) {
		r = rs->v[i];
		if (r->enabled)
			add_descriptor(s, r->id, r->description ? r->description : r->id,
			    r->source, r->level);
	}
}

void
fmt_sarif_init(struct formatter *f, const struct fmt_opts *o)
{
	struct sarif *s = xcalloc(1, sizeof(*s));
	cJSON *driver;

	s->o = *o;
	jsonout_init(&s->w, o->out, o->quiet);
	jsonout_puts(&s->w, "{\n\t\"$schema\":\t\"" SARIF_SCHEMA "\",\n\t\"version\":\t\"2.1.0\",\n"
	    "\t\"runs\":\t[{\n\t\t\t\"columnKind\":\t\"unicodeCodePoints\",\n"
	    "\t\t\t\"results\":\t[");
	s->tool = fmt_json_must(cJSON_CreateObject());
	driver = fmt_json_must(cJSON_AddObjectToObject(s->tool, "driver"));
	fmt_json_must(cJSON_AddStringToObject(driver, "name", "noticelint"));
	fmt_json_must(cJSON_AddStringToObject(driver, "version", NL_VERSION));
	fmt_json_must(cJSON_AddStringToObject(driver, "semanticVersion", NL_VERSION));
	s->rules = fmt_json_must(cJSON_AddArrayToObject(driver, "rules"));
	s->notes = fmt_json_must(cJSON_CreateArray());
	add_rules(s, o->rules);
	f->ops = &sarif_ops;
	f->state = s;
}
