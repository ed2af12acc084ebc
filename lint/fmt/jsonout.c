/* Streaming JSON writer (see jsonout.h): cJSON prints each finished piece, this file
 * re-indents it for its depth and writes it in runs of bytes. */
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "fmt.h"
#include "jsonout.h"

void
jsonout_init(struct jsonout *j, FILE *out, bool hold)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->streaming = !hold;
}

void
jsonout_put(struct jsonout *j, const char *text, size_t len)
{
	if (j->streaming)
		fwrite(text, 1, len, j->out);
	else
		strbuf_put(&j->pending, text, len);
}

void
jsonout_puts(struct jsonout *j, const char *text)
{
	jsonout_put(j, text, strlen(text));
}

void
jsonout_start(struct jsonout *j)
{
	char *held;

	if (j->streaming)
		return;
	j->streaming = true;
	held = strbuf_take(&j->pending);
	fputs(held, j->out);
	free(held);
}

void
jsonout_nested(struct jsonout *j, cJSON *obj, int depth)
{
	char *text = cJSON_Print(obj), *p, *eol;
	char nl[8] = "\n";

	if (text == NULL)
		fmt_json_must(NULL);
	if (depth > 7)
		depth = 7;
	memset(nl + 1, '\t', (size_t)depth);
	for (p = text; (eol = strchr(p, '\n')) != NULL; p = eol + 1) {
		jsonout_put(j, p, (size_t)(eol - p));
		jsonout_put(j, nl, 1 + (size_t)depth);
	}
	jsonout_puts(j, p);
	cJSON_free(text);
	cJSON_Delete(obj);
}

void
jsonout_free(struct jsonout *j)
{
	free(strbuf_take(&j->pending));
}
