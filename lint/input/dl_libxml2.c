/* libxml2 opened at first use: each function the readers call is defined here with the
 * library's own prototype and forwards to the address dynload_libxml2 resolved. */
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include "input/dynload.h"

static int (*p_htmlCtxtUseOptions)(htmlParserCtxtPtr, int);
static htmlParserCtxtPtr (*p_htmlCreateMemoryParserCtxt)(const char *, int);
static void (*p_htmlFreeParserCtxt)(htmlParserCtxtPtr);
static int (*p_htmlParseDocument)(htmlParserCtxtPtr);
static void (*p_xmlFreeDoc)(xmlDocPtr);
static void (*p_xmlFreeTextReader)(xmlTextReaderPtr);
static void (*p_xmlInitParser)(void);
static xmlTextReaderPtr (*p_xmlReaderForMemory)(const char *, int, const char *, const char *,
    int);
static void (*p_xmlSetGenericErrorFunc)(void *, xmlGenericErrorFunc);
static void (*p_xmlSetStructuredErrorFunc)(void *, xmlStructuredErrorFunc);
static int (*p_xmlSwitchEncoding)(xmlParserCtxtPtr, xmlCharEncoding);
static const xmlChar *(*p_xmlTextReaderConstLocalName)(xmlTextReaderPtr);
static const xmlChar *(*p_xmlTextReaderConstNamespaceUri)(xmlTextReaderPtr);
static const xmlChar *(*p_xmlTextReaderConstValue)(xmlTextReaderPtr);
static int (*p_xmlTextReaderDepth)(xmlTextReaderPtr);
static xmlChar *(*p_xmlTextReaderGetAttributeNs)(xmlTextReaderPtr, const xmlChar *,
    const xmlChar *);
static int (*p_xmlTextReaderIsEmptyElement)(xmlTextReaderPtr);
static int (*p_xmlTextReaderNodeType)(xmlTextReaderPtr);
static int (*p_xmlTextReaderRead)(xmlTextReaderPtr);
static void (*p_xmlTextReaderSetStructuredErrorHandler)(xmlTextReaderPtr,
    xmlStructuredErrorFunc, void *);
static xmlFreeFunc *p_xmlFree;

/* libxml2's xmlFree is a variable holding its deallocator; ours is filled from it. */
xmlFreeFunc xmlFree;

int
dynload_libxml2(void)
{
	static const char *const names[] = {
		"htmlCtxtUseOptions", "htmlCreateMemoryParserCtxt", "htmlFreeParserCtxt",
		"htmlParseDocument", "xmlFreeDoc", "xmlFreeTextReader", "xmlInitParser",
		"xmlReaderForMemory", "xmlSetGenericErrorFunc", "xmlSetStructuredErrorFunc",
		"xmlSwitchEncoding", "xmlTextReaderConstLocalName",
		"xmlTextReaderConstNamespaceUri", "xmlTextReaderConstValue", "xmlTextReaderDepth",
		"xmlTextReaderGetAttributeNs", "xmlTextReaderIsEmptyElement",
		"xmlTextReaderNodeType", "xmlTextReaderRead",
		"xmlTextReaderSetStructuredErrorHandler", "xmlFree",
	};
	void *const slots[] = {
		&p_htmlCtxtUseOptions, &p_htmlCreateMemoryParserCtxt, &p_htmlFreeParserCtxt,
		&p_htmlParseDocument, &p_xmlFreeDoc, &p_xmlFreeTextReader, &p_xmlInitParser,
		&p_xmlReaderForMemory, &p_xmlSetGenericErrorFunc, &p_xmlSetStructuredErrorFunc,
		&p_xmlSwitchEncoding, &p_xmlTextReaderConstLocalName,
		&p_xmlTextReaderConstNamespaceUri, &p_xmlTextReaderConstValue,
		&p_xmlTextReaderDepth, &p_xmlTextReaderGetAttributeNs,
		&p_xmlTextReaderIsEmptyElement, &p_xmlTextReaderNodeType, &p_xmlTextReaderRead,
		&p_xmlTextReaderSetStructuredErrorHandler, &p_xmlFree,
	};

	if (dynload_open(NL_SONAME_LIBXML2, names, slots, (int)(sizeof(names) / sizeof(names[0]))) != 0)
		return -1;
	/* The symbol "xmlFree" is the variable: its address, not a function. */
	xmlFree = *p_xmlFree;
	return 0;
}

int
htmlCtxtUseOptions(htmlParserCtxtPtr ctxt, int options)
{
	return p_htmlCtxtUseOptions(ctxt, options);
}

htmlParserCtxtPtr
htmlCreateMemoryParserCtxt(const char *buffer, int size)
{
	return p_htmlCreateMemoryParserCtxt(buffer, size);
}

void
htmlFreeParserCtxt(htmlParserCtxtPtr ctxt)
{
	p_htmlFreeParserCtxt(ctxt);
}

int
htmlParseDocument(htmlParserCtxtPtr ctxt)
{
	return p_htmlParseDocument(ctxt);
}

void
xmlFreeDoc(xmlDocPtr doc)
{
	p_xmlFreeDoc(doc);
}

void
xmlFreeTextReader(xmlTextReaderPtr reader)
{
	p_xmlFreeTextReader(reader);
}

void
xmlInitParser(void)
{
	p_xmlInitParser();
}

xmlTextReaderPtr
xmlReaderForMemory(const char *buffer, int size, const char *URL, const char *encoding,
		int options)
{
	return p_xmlReaderForMemory(buffer, size, URL, encoding, options);
}

void
xmlSetGenericErrorFunc(void *ctx, xmlGenericErrorFunc handler)
{
	p_xmlSetGenericErrorFunc(ctx, handler);
}

void
xmlSetStructuredErrorFunc(void *ctx, xmlStructuredErrorFunc handler)
{
	p_xmlSetStructuredErrorFunc(ctx, handler);
}

int
xmlSwitchEncoding(xmlParserCtxtPtr ctxt, xmlCharEncoding enc)
{
	return p_xmlSwitchEncoding(ctxt, enc);
}

const xmlChar *
xmlTextReaderConstLocalName(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderConstLocalName(reader);
}

const xmlChar *
xmlTextReaderConstNamespaceUri(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderConstNamespaceUri(reader);
}

const xmlChar *
xmlTextReaderConstValue(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderConstValue(reader);
}

int
xmlTextReaderDepth(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderDepth(reader);
}

xmlChar *
xmlTextReaderGetAttributeNs(xmlTextReaderPtr reader, const xmlChar *localName,
		const xmlChar *namespaceURI)
{
	return p_xmlTextReaderGetAttributeNs(reader, localName, namespaceURI);
}

int
xmlTextReaderIsEmptyElement(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderIsEmptyElement(reader);
}

int
xmlTextReaderNodeType(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderNodeType(reader);
}

int
xmlTextReaderRead(xmlTextReaderPtr reader)
{
	return p_xmlTextReaderRead(reader);
}

void
xmlTextReaderSetStructuredErrorHandler(xmlTextReaderPtr reader, xmlStructuredErrorFunc f,
		void *arg)
{
	p_xmlTextReaderSetStructuredErrorHandler(reader, f, arg);
}
