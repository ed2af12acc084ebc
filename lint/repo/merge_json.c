/* Merging JSON reports: the files of every shard in the unsharded run's order under the
 * first shard's header, the summary summed. */
#include <cjson/cJSON.h>
#include "fmt.h"
#include "repo/merge.h"

/* Adds key's integer of every shard's summary into sum. */
static void
sum_field(cJSON *sum, struct merge_input *in, size_t n, const char *key)
{
	double v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v += cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(in[i].doc, "summary"), key));
	fmt_json_must(cJSON_AddNumberToObject(sum, key, v));
}

cJSON *
merge_json(struct merge_input *in, size_t n, const struct merge_slot *slots, size_t nslots)
{
	cJSON *out = fmt_json_must(cJSON_CreateObject());
	cJSON *files, *sum, *file;
	size_t i;

	cJSON_AddItemToObject(out, "version", fmt_json_must(cJSON_Duplicate(
	    cJSON_GetObjectItemCaseSensitive(in[0].doc, "version"), 1)));
	cJSON_AddItemToObject(out, "tool", fmt_json_must(cJSON_Duplicate(
	    cJSON_GetObjectItemCaseSensitive(in[0].doc, "tool"), 1)));
	files = fmt_json_must(cJSON_AddArrayToObject(out, "files"));
	for (i = 0; i < nslots; i++) {
		file = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(in[slots[i].shard].doc,
		    "files"), (int)slots[i].k);
		cJSON_AddItemToArray(files, fmt_json_must(cJSON_Duplicate(file, 1)));
	}
	sum = fmt_json_must(cJSON_AddObjectToObject(out, "summary"));
	sum_field(sum, in, n, "files");
	sum_field(sum, in, n, "errors");
	sum_field(sum, in, n, "warnings");
	sum_field(sum, in, n, "infos");
	return out;
}
