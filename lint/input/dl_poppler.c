/* poppler-glib (with the GLib functions the .pdf reader calls, found through it) opened
 * at first use: each function is defined here with the library's own prototype and
 * forwards to the address dynload_poppler resolved. */
#include <poppler.h>
#include "input/dynload.h"

static GBytes *(*p_g_bytes_new_static)(gconstpointer, gsize);
static void (*p_g_bytes_unref)(GBytes *);
static void (*p_g_error_free)(GError *);
static void (*p_g_free)(gpointer);
static void (*p_g_object_unref)(gpointer);
static glong (*p_g_utf8_pointer_to_offset)(const gchar *, const gchar *);
static glong (*p_g_utf8_strlen)(const gchar *, gssize);
static int (*p_poppler_document_get_n_pages)(PopplerDocument *);
static PopplerPage *(*p_poppler_document_get_page)(PopplerDocument *, int);
static PopplerDocument *(*p_poppler_document_new_from_bytes)(GBytes *, const char *,
    GError **);
static GQuark (*p_poppler_error_quark)(void);
static char *(*p_poppler_page_get_text)(PopplerPage *);
static gboolean (*p_poppler_page_get_text_layout)(PopplerPage *, PopplerRectangle **, guint *);

int
dynload_poppler(void)
{
	static const char *const names[] = {
		"g_bytes_new_static", "g_bytes_unref", "g_error_free", "g_free", "g_object_unref",
		"g_utf8_pointer_to_offset", "g_utf8_strlen", "poppler_document_get_n_pages",
		"poppler_document_get_page", "poppler_document_new_from_bytes",
		"poppler_error_quark", "poppler_page_get_text", "poppler_page_get_text_layout",
	};
	void *const slots[] = {
		&p_g_bytes_new_static, &p_g_bytes_unref, &p_g_error_free, &p_g_free,
		&p_g_object_unref, &p_g_utf8_pointer_to_offset, &p_g_utf8_strlen,
		&p_poppler_document_get_n_pages, &p_poppler_document_get_page,
		&p_poppler_document_new_from_bytes, &p_poppler_error_quark,
		&p_poppler_page_get_text, &p_poppler_page_get_text_layout,
	};

	return dynload_open(NL_SONAME_POPPLER, names, slots, (int)(sizeof(names) / sizeof(names[0])));
}

GBytes *
g_bytes_new_static(gconstpointer data, gsize size)
{
	return p_g_bytes_new_static(data, size);
}

void
g_bytes_unref(GBytes *bytes)
{
	p_g_bytes_unref(bytes);
}

void
g_error_free(GError *error)
{
	p_g_error_free(error);
}

void
g_free(gpointer mem)
{
	p_g_free(mem);
}

void
g_object_unref(gpointer object)
{
	p_g_object_unref(object);
}

glong
g_utf8_pointer_to_offset(const gchar *str, const gchar *pos)
{
	return p_g_utf8_pointer_to_offset(str, pos);
}

glong
g_utf8_strlen(const gchar *p, gssize max)
{
	return p_g_utf8_strlen(p, max);
}

int
poppler_document_get_n_pages(PopplerDocument *document)
{
	return p_poppler_document_get_n_pages(document);
}

PopplerPage *
poppler_document_get_page(PopplerDocument *document, int index)
{
	return p_poppler_document_get_page(document, index);
}

PopplerDocument *
poppler_document_new_from_bytes(GBytes *bytes, const char *password, GError **error)
{
	return p_poppler_document_new_from_bytes(bytes, password, error);
}

GQuark
poppler_error_quark(void)
{
	return p_poppler_error_quark();
}

char *
poppler_page_get_text(PopplerPage *page)
{
	return p_poppler_page_get_text(page);
}

gboolean
poppler_page_get_text_layout(PopplerPage *page, PopplerRectangle **rectangles,
		guint *n_rectangles)
{
	return p_poppler_page_get_text_layout(page, rectangles, n_rectangles);
}
