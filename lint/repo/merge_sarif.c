/* Merging SARIF logs: the first shard's log with every shard's results and notifications
 * in the unsharded run's file order, rules[] rebuilt (the loaded rules, then each message
 * id in the order of its first result, as one run lists them) and ruleIndex renumbered. */
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "fmt/jsonout.h"
#include "repo/merge.h"

static cJSON *
get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static cJSON *
run_of(const cJSON *doc)
{
	return cJSON_GetArrayItem(get(doc, "runs"), 0);
}

static cJSON *
rules_of(const cJSON *doc)
{
	return get(get(get(run_of(doc), "tool"), "driver"), "rules");
}

static cJSON *
notes_of(const cJSON *doc)
{
	return get(cJSON_GetArrayItem(get(run_of(doc), "invocations"), 0),
	    "toolExecutionNotifications");
}

/* Index of the descriptor with id in rules from position from on, or -1. */
static int
find_rule(const cJSON *rules, const char *id, int from)
{
	int i, n = cJSON_GetArraySize(rules);

	for (i = from; i < n; i++)
		if (strcmp(cJSON_GetStringValue(get(cJSON_GetArrayItem(rules, i), "id")), id) == 0)
			return i;
	return -1;
}

/* Appends a copy of result r of shard s to results, its ruleIndex renumbered in rules
 * (merge.c has checked that ruleIndex names r's rule in s). */
static void
add_result(cJSON *results, cJSON *rules, const struct merge_input *s, const cJSON *r)
{
	cJSON *copy = fmt_json_must(cJSON_Duplicate(r, 1));
	int base = (int)s->base_rules, idx = (int)cJSON_GetNumberValue(get(r, "ruleIndex"));
	const char *id = cJSON_GetStringValue(get(r, "ruleId"));
	int at;

	if (idx >= base) {
		at = find_rule(rules, id, base);
		if (at < 0) {
			cJSON_AddItemToArray(rules, fmt_json_must(cJSON_Duplicate(
			    cJSON_GetArrayItem(rules_of(s->doc), idx), 1)));
			at = cJSON_GetArraySize(rules) - 1;
		}
		cJSON_ReplaceItemInObjectCaseSensitive(copy, "ruleIndex",
		    fmt_json_must(cJSON_CreateNumber(at)));
	}
	cJSON_AddItemToArray(results, copy);
}

/* Where each file's results and notifications start in shard s: prefix sums. */
static size_t
first_of(const size_t *counts, size_t k)
{
	size_t i, at = 0;

	for (i = 0; i < k; i++)
		at += counts[i];
	return at;
}

cJSON *
merge_sarif(struct merge_input *in, size_t n, const struct merge_slot *slots, size_t nslots)
{
	cJSON *out = fmt_json_must(cJSON_Duplicate(in[0].doc, 1));
	cJSON *run = run_of(out), *results = fmt_json_must(cJSON_CreateArray());
	cJSON *notes = fmt_json_must(cJSON_CreateArray()), *rules, *props;
	const struct merge_input *s;
	size_t i, j, at;
	cJSON_bool ok = 1;

	rules = rules_of(out);
	while (cJSON_GetArraySize(rules) > (int)in[0].base_rules)
		cJSON_DeleteItemFromArray(rules, cJSON_GetArraySize(rules) - 1);
	for (i = 0; i < nslots; i++) {
		s = &in[slots[i].shard];
		at = first_of(s->results, slots[i].k);
		for (j = 0; j < s->results[slots[i].k]; j++)
			add_result(results, rules, s, cJSON_GetArrayItem(get(run_of(s->doc),
			    "results"), (int)(at + j)));
		at = first_of(s->notes, slots[i].k);
		for (j = 0; j < s->notes[slots[i].k]; j++)
			cJSON_AddItemToArray(notes, fmt_json_must(cJSON_Duplicate(
			    cJSON_GetArrayItem(notes_of(s->doc), (int)(at + j)), 1)));
	}
	for (i = 0; i < n; i++)
		ok = ok && cJSON_IsTrue(get(cJSON_GetArrayItem(get(run_of(in[i].doc),
		    "invocations"), 0), "executionSuccessful"));
	cJSON_ReplaceItemInObjectCaseSensitive(run, "results", results);
	cJSON_ReplaceItemInObjectCaseSensitive(cJSON_GetArrayItem(get(run, "invocations"), 0),
	    "toolExecutionNotifications", notes);
	cJSON_ReplaceItemInObjectCaseSensitive(cJSON_GetArrayItem(get(run, "invocations"), 0),
	    "executionSuccessful", fmt_json_must(cJSON_CreateBool(ok)));
	props = get(run, "properties");
	cJSON_DeleteItemFromObjectCaseSensitive(props, "noticelint/shard");
	if (props != NULL && cJSON_GetArraySize(props) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(run, "properties");
	return out;
}

void
merge_sarif_write(FILE *out, cJSON *log)
{
	cJSON *run = run_of(log), *m, *r;
	struct jsonout w;
	size_t k = 0;

	jsonout_init(&w, out, false);
	jsonout_puts(&w, "{\n\t\"$schema\":\t");
	jsonout_nested(&w, cJSON_DetachItemFromObjectCaseSensitive(log, "$schema"), 1);
	jsonout_puts(&w, ",\n\t\"version\":\t");
	jsonout_nested(&w, cJSON_DetachItemFromObjectCaseSensitive(log, "version"), 1);
	jsonout_puts(&w, ",\n\t\"runs\":\t[{\n");
	/* The run's members as fmt_sarif.c streams them: results one by one at depth 3. */
	while ((m = run->child) != NULL) {
		cJSON_DetachItemViaPointer(run, m);
		jsonout_puts(&w, "\t\t\t\"");
		jsonout_puts(&w, m->string);
		jsonout_puts(&w, "\":\t");
		if (strcmp(m->string, "results") == 0) {
			jsonout_puts(&w, "[");
			while ((r = m->child) != NULL) {
				cJSON_DetachItemViaPointer(m, r);
				if (k++ > 0)
					jsonout_puts(&w, ", ");
				jsonout_nested(&w, r, 3);
			}
			jsonout_puts(&w, "]");
			cJSON_Delete(m);
		} else {
			jsonout_nested(&w, m, 3);
		}
		jsonout_puts(&w, run->child != NULL ? ",\n" : "\n");
	}
	jsonout_puts(&w, "\t\t}]\n}\n");
	jsonout_free(&w);
	cJSON_Delete(log);
}
