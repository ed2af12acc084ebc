/* Streaming XML parts for the .docx reader: libxml2's xmlTextReader with XML_PARSE_NONET and
 * without XML_PARSE_NOENT, parse errors captured per reader, DTDs refused. */
#define _GNU_SOURCE  /* memmem */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include "input/reader.h"
#include "input/xmlpart.h"
#include "limits.h"

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

/* Drops libxml2's messages to stderr that would otherwise go out before a handler is set. */
static void
quiet_generic(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

static void
init_libxml(void)
{
	xmlInitParser();
}

void
markup_init(void)
{
	pthread_once(&init_once, init_libxml);
	/* Both are per thread in a threaded libxml2. */
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

/* Keeps the first parse error of the part. */
static void
on_error(void *arg, xmlErrorPtr e)
{
	struct xmlpart *x = arg;
	size_t n;

	if (x->id != NULL || e == NULL)
		return;
	x->id = "input-xml-malformed";
	snprintf(x->why, sizeof(x->why), "line %d: %s", e->line,
	    e->message != NULL ? e->message : "?");
	n = strlen(x->why);
	while (n > 0 && (x->why[n - 1] == '\n' || x->why[n - 1] == ' '))
		x->why[--n] = '\0';
}

/* True when the prolog of buf (before the root element) holds a document type declaration.
 * It is refused before parsing: libxml2 reads the internal subset's entity declarations
 * before it reports the declaration node. */
static bool
has_doctype(const char *buf, size_t len)
{
	size_t i = 0;
	const char *end;

	while (i < len) {
		if (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n' ||
		    (unsigned char)buf[i] >= 0x80) {
			i++;  /* white space, or a byte order mark */
		} else if (len - i >= 2 && memcmp(buf + i, "<?", 2) == 0) {
			end = memmem(buf + i, len - i, "?>", 2);
			if (end == NULL)
				return false;
			i = (size_t)(end - buf) + 2;
		} else if (len - i >= 4 && memcmp(buf + i, "<!--", 4) == 0) {
			end = memmem(buf + i, len - i, "-->", 3);
			if (end == NULL)
				return false;
			i = (size_t)(end - buf) + 3;
		} else {
			return len - i >= 9 && memcmp(buf + i, "<!DOCTYPE", 9) == 0;
		}
	}
	return false;
}

int
xmlpart_open(struct xmlpart *x, const char *buf, size_t len, const char *part)
{
	memset(x, 0, sizeof(*x));
	x->part = part;
	markup_init();
	if (has_doctype(buf, len)) {
		x->id = "input-xml-dtd";
		return -1;
	}
	if (len > (size_t)0x7fffffff) {
		x->id = "input-xml-malformed";
		snprintf(x->why, sizeof(x->why), "too large");
		return -1;
	}
	x->r = xmlReaderForMemory(buf, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (x->r == NULL) {
		x->id = "input-xml-malformed";
		snprintf(x->why, sizeof(x->why), "cannot start the XML reader");
		return -1;
	}
	xmlTextReaderSetStructuredErrorHandler(x->r, on_error, x);
	return 0;
}

int
xmlpart_next(struct xmlpart *x)
{
	int rc;

	if (x->id != NULL)
		return -1;
	rc = xmlTextReaderRead(x->r);
	if (rc < 0 || x->id != NULL) {
		if (x->id == NULL) {
			x->id = "input-xml-malformed";
			snprintf(x->why, sizeof(x->why), "parse error");
		}
		return -1;
	}
	if (rc == 0)
		return 0;
	switch (xmlTextReaderNodeType(x->r)) {
	case XML_READER_TYPE_DOCUMENT_TYPE:
	case XML_READER_TYPE_ENTITY_REFERENCE:
	case XML_READER_TYPE_ENTITY:
		x->id = "input-xml-dtd";
		return -1;
	default:
		break;
	}
	if (xmlTextReaderDepth(x->r) > NL_MAX_MARKUP_DEPTH) {
		x->id = "input-xml-malformed";
		snprintf(x->why, sizeof(x->why), "elements nested deeper than %d",
		    NL_MAX_MARKUP_DEPTH);
		return -1;
	}
	return 1;
}

/* True when the current node is in one of the WordprocessingML namespaces. */
static bool
in_w(const struct xmlpart *x)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(x->r);

	return ns != NULL && (strcmp(ns, W_NS) == 0 || strcmp(ns, W_NS_STRICT) == 0);
}

bool
xmlpart_at(const struct xmlpart *x, const char *local, bool end)
{
	int t = xmlTextReaderNodeType(x->r);
	const char *name;

	if (t != (end ? XML_READER_TYPE_END_ELEMENT : XML_READER_TYPE_ELEMENT))
		return false;
	name = (const char *)xmlTextReaderConstLocalName(x->r);
	return name != NULL && strcmp(name, local) == 0 && in_w(x);
}

bool
xmlpart_empty(const struct xmlpart *x)
{
	return xmlTextReaderIsEmptyElement(x->r) == 1;
}

int
xmlpart_skip(struct xmlpart *x)
{
	if (xmlTextReaderNodeType(x->r) != XML_READER_TYPE_ELEMENT || xmlpart_empty(x))
		return 0;
	/* Read to the matching end node, so the next read continues after it. */
	{
		int depth = xmlTextReaderDepth(x->r), rc;

		for (;;) {
			rc = xmlpart_next(x);
			if (rc <= 0)
				return rc < 0 ? -1 : 0;
			if (xmlTextReaderNodeType(x->r) == XML_READER_TYPE_END_ELEMENT &&
			    xmlTextReaderDepth(x->r) == depth)
				return 0;
		}
	}
}

char *
xmlpart_attr(const struct xmlpart *x, const char *local)
{
	xmlChar *v = xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)local,
	    (const xmlChar *)W_NS);

	if (v == NULL)
		v = xmlTextReaderGetAttributeNs(x->r, (const xmlChar *)local,
		    (const xmlChar *)W_NS_STRICT);
	return (char *)v;
}

int
xmlpart_attr_int(const struct xmlpart *x, const char *local, int dflt)
{
	char *v = xmlpart_attr(x, local), *end;
	long n;

	if (v == NULL)
		return dflt;
	n = strtol(v, &end, 10);
	if (end == v || *end != '\0' || n < -1000000 || n > 1000000)
		n = dflt;
	xmlFree(v);
	return (int)n;
}

const char *
xmlpart_text(const struct xmlpart *x)
{
	int t = xmlTextReaderNodeType(x->r);

	if (t != XML_READER_TYPE_TEXT && t != XML_READER_TYPE_SIGNIFICANT_WHITESPACE &&
	    t != XML_READER_TYPE_WHITESPACE && t != XML_READER_TYPE_CDATA)
		return NULL;
	return (const char *)xmlTextReaderConstValue(x->r);
}

int
xmlpart_fail(const struct xmlpart *x, struct source_error *err, enum lang lang,
    const char *path)
{
	const char *id = x->id != NULL ? x->id : "input-xml-malformed";

	return reader_fail(err, id, lang, path, "part", x->part, "reason", x->why, NULL);
}

void
xmlpart_close(struct xmlpart *x)
{
	if (x->r != NULL)
		xmlFreeTextReader(x->r);
	x->r = NULL;
}
