/* Dispatch of inputs by format: extension or --stdin-format to a reader, and the reader's
 * text and map handed on as decoded text, so everything after the decode step is the same
 * for every format. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "i18n.h"
#include "input/dynload.h"
#include "input/input.h"
#include "input/reader.h"
#include "msg.h"
#include "xalloc.h"

/* Extensions and --stdin-format names with their formats. */
static const struct {
	const char *name;
	enum input_format f;
	int notice;  /* a directory walk picks such files up */
} formats[] = {
	{"txt", INPUT_TEXT, 1}, {"md", INPUT_TEXT, 1}, {"docx", INPUT_DOCX, 1},
	{"html", INPUT_HTML, 1}, {"htm", INPUT_HTML, 1}, {"pdf", INPUT_PDF, 1},
	{"doc", INPUT_OLD_WORD, 0}, {"wps", INPUT_OLD_WORD, 0},
};

/* Index in formats of the extension of path, or -1. */
static int
ext_index(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t i;

	if (dot == NULL || (slash != NULL && dot < slash))
		return -1;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcasecmp(dot + 1, formats[i].name) == 0)
			return (int)i;
	return -1;
}

int
input_format_parse(const char *name, enum input_format *f)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i].notice && strcmp(name, formats[i].name) == 0) {
			*f = formats[i].f;
			return 0;
		}
	return -1;
}

enum input_format
input_format_of(const char *path, const char *stdin_format)
{
	enum input_format f = INPUT_TEXT;
	int k;

	if (strcmp(path, "-") == 0) {
		if (stdin_format != NULL)
			input_format_parse(stdin_format, &f);
		return f;
	}
	k = ext_index(path);
	return k < 0 ? INPUT_TEXT : formats[k].f;
}

int
input_is_notice_name(const char *name)
{
	int k = ext_index(name);
	const char *dot = strrchr(name, '.');

	/* A name that is only an extension (".txt") is no notice. */
	return k >= 0 && formats[k].notice && dot != name;
}

int
reader_fail(struct source_error *err, const char *id, enum lang lang, const char *path, ...)
{
	const char *kv[16];
	const char *tmpl = msg_template(id, lang), *s;
	size_t n = 0;
	va_list ap;

	kv[n++] = "path";
	kv[n++] = path;
	va_start(ap, path);
	while (n + 1 < sizeof(kv) / sizeof(kv[0]) && (s = va_arg(ap, const char *)) != NULL) {
		kv[n++] = s;
		kv[n++] = va_arg(ap, const char *);
	}
	va_end(ap);
	err->id = id;
	err->message = tmpl != NULL ? i18n_fill(tmpl, kv, n) : xstrdup(id);
	return -1;
}

/* True when text holds nothing but white space. */
static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
			return 0;
	return 1;
}

int
input_convert(enum input_format f, const unsigned char *raw, size_t len, const char *path,
    const char *forced, enum lang lang, struct decoded *out, struct srcmap *map,
    struct source_error *err)
{
	struct reader_out ro;
	const char *encoding = "UTF-8", *lib = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(map, 0, sizeof(*map));
	memset(err, 0, sizeof(*err));
	memset(&ro, 0, sizeof(ro));
	if (dynload_for(f, &lib) != 0)
		return reader_fail(err, "input-unreadable", lang, path, "reason", lib, NULL);
	switch (f) {
	case INPUT_DOCX:
		rc = docx_read(raw, len, path, lang, &ro, err);
		break;
	case INPUT_HTML:
		rc = html_read(raw, len, path, forced, lang, &ro, &encoding, err);
		break;
	case INPUT_PDF:
		rc = pdf_read(raw, len, path, lang, &ro, err);
		break;
	case INPUT_OLD_WORD:
		rc = reader_fail(err, "input-old-word", lang, path, NULL);
		break;
	default:
		rc = reader_fail(err, "input-unreadable", lang, path, "reason", "text", NULL);
		break;
	}
	if (rc == 0 && blank(ro.text.s ? ro.text.s : "", ro.text.n))
		rc = reader_fail(err, "input-no-text", lang, path, NULL);
	if (rc != 0) {
		free(ro.text.s);
		srcmap_free(&ro.map);
		return -1;
	}
	out->len = ro.text.n;
	out->text = strbuf_take(&ro.text);
	out->encoding = encoding;
	*map = ro.map;
	return 0;
}
