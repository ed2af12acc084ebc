/* Rule sets: freeing rules with their check parameters, lookup by id, and scope names. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "check.h"
#include "mscan.h"
#include "rules.h"
#include "xalloc.h"

static const char *const scope_names[] = {
	[SCOPE_DOCUMENT] = "document",
	[SCOPE_TITLE] = "title",
	[SCOPE_INTRO] = "intro",
	[SCOPE_HEADING] = "heading",
	[SCOPE_ITEM] = "item",
	[SCOPE_FIELD] = "field",
	[SCOPE_PARAGRAPH] = "paragraph",
	[SCOPE_CONTACT] = "contact",
	[SCOPE_SIGNATURE] = "signature",
	[SCOPE_BODY] = "body",
	[SCOPE_BOILERPLATE] = "boilerplate",
	[SCOPE_CUT] = "cut",
	[SCOPE_TITLE_REPEAT] = "title-repeat",
};

const char *
scope_name(enum scope s)
{
	if ((size_t)s >= sizeof(scope_names) / sizeof(scope_names[0]))
		return "?";
	return scope_names[s];
}

int
scope_parse(const char *name, enum scope *out)
{
	size_t i;

	for (i = 0; i < sizeof(scope_names) / sizeof(scope_names[0]); i++) {
		if (strcmp(scope_names[i], name) == 0) {
			*out = (enum scope)i;
			return 0;
		}
	}
	return -1;
}

static void
free_examples(struct rule_example *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

void
rule_add_regex(struct rule *r, struct regex *re)
{
	r->regexes = xgrow(r->regexes, &r->capregexes, r->nregexes + 1, sizeof(*r->regexes));
	r->regexes[r->nregexes++] = re;
}

void
rule_free(struct rule *r)
{
	if (r == NULL)
		return;
	if (r->check != NULL && r->check->free_params != NULL && r->params != NULL)
		r->check->free_params(r->params);
	free(r->id);
	free(r->message_zh);
	free(r->message_en);
	free(r->description_zh);
	free(r->description_en);
	free(r->source_zh);
	free(r->source_en);
	free_examples(r->flag, r->nflag);
	free_examples(r->pass, r->npass);
	free(r->fix_zh);
	free(r->fix_en);
	for (size_t i = 0; i < r->nfixes; i++) {
		free(r->fixes[i].before);
		free(r->fixes[i].after);
	}
	free(r->fixes);
	free(r->regexes);
	free(r->file);
	free(r);
}

void
ruleset_free(struct ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		rule_free(rs->v[i]);
	mscan_free(rs->scan);
	rs->scan = NULL;
	free(rs->v);
	rs->v = NULL;
	rs->n = rs->cap = 0;
}

struct rule *
ruleset_find(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcasecmp(rs->v[i]->id, id) == 0)
			return rs->v[i];
	return NULL;
}

const char *
rule_description(const struct rule *r, enum lang lang)
{
	return lang == LANG_EN ? r->description_en : r->description_zh;
}

const char *
rule_source(const struct rule *r, enum lang lang)
{
	return lang == LANG_EN ? r->source_en : r->source_zh;
}

size_t
rule_text_first_sentence(const char *s)
{
	const char *zh = strstr(s, "。"), *en = strstr(s, ". "), *nl = strchr(s, '\n');
	size_t n = strlen(s);

	if (zh != NULL && (size_t)(zh - s) + 3 < n)
		n = (size_t)(zh - s) + 3;
	if (en != NULL && (size_t)(en - s) + 1 < n)
		n = (size_t)(en - s) + 1;
	if (nl != NULL && (size_t)(nl - s) < n)
		n = (size_t)(nl - s);
	return n;
}
