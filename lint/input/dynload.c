/* Opening the readers' libraries at first use: each library once (pthread_once), its
 * outcome kept; the stubs in dl_*.c forward every call to the resolved function. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include "input/dynload.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT, zip_once = PTHREAD_ONCE_INIT,
    pdf_once = PTHREAD_ONCE_INIT;
static int xml_rc = -1, zip_rc = -1, pdf_rc = -1;

static void
load_xml(void)
{
	xml_rc = dynload_libxml2();
}

static void
load_zip(void)
{
	zip_rc = dynload_libzip();
}

static void
load_pdf(void)
{
	pdf_rc = dynload_poppler();
}

int
dynload_open(const char *soname, const char *const *names, void *const *slots, int n)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL), *sym;
	int i;

	if (h == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if ((sym = dlsym(h, names[i])) == NULL)
			return -1;
		/* POSIX: a function's address from dlsym fits a function pointer. */
		memcpy(slots[i], &sym, sizeof(sym));
	}
	return 0;
}

int
dynload_for(enum input_format f, const char **why)
{
	switch (f) {
	case INPUT_DOCX:
		pthread_once(&zip_once, load_zip);
		pthread_once(&xml_once, load_xml);
		*why = zip_rc != 0 ? NL_SONAME_LIBZIP : NL_SONAME_LIBXML2;
		return zip_rc == 0 && xml_rc == 0 ? 0 : -1;
	case INPUT_HTML:
		pthread_once(&xml_once, load_xml);
		*why = NL_SONAME_LIBXML2;
		return xml_rc;
	case INPUT_PDF:
		pthread_once(&pdf_once, load_pdf);
		*why = NL_SONAME_POPPLER;
		return pdf_rc;
	default:
		return 0;
	}
}
