/* Opening libraries at first use: each library once (pthread_once), its outcome kept; the
 * stubs in dl_*.c (lint/input/ for the readers, lint/dl_libhs.c, lint/repo/dl_sqlite3.c)
 * forward every call to the resolved function. */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include "input/dynload.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT, zip_once = PTHREAD_ONCE_INIT,
    pdf_once = PTHREAD_ONCE_INIT, hs_once = PTHREAD_ONCE_INIT, hsc_once = PTHREAD_ONCE_INIT,
    sql_once = PTHREAD_ONCE_INIT;
static int xml_rc = -1, zip_rc = -1, pdf_rc = -1, hs_rc = -1, hsc_rc = -1, sql_rc = -1;

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

static void
load_hs(void)
{
	hs_rc = dynload_libhs_runtime();
}

static void
load_hsc(void)
{
	hsc_rc = dynload_libhs();
}

static void
load_sql(void)
{
	sql_rc = dynload_sqlite3();
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

int
dynload_scan_engine(const char **why)
{
	pthread_once(&hs_once, load_hs);
	*why = NL_SONAME_HS_RUNTIME;
	return hs_rc;
}

int
dynload_scan_compiler(const char **why)
{
	pthread_once(&hs_once, load_hs);
	pthread_once(&hsc_once, load_hsc);
	*why = hs_rc != 0 ? NL_SONAME_HS_RUNTIME : NL_SONAME_HS;
	return hs_rc == 0 && hsc_rc == 0 ? 0 : -1;
}

int
dynload_cache_db(const char **why)
{
	pthread_once(&sql_once, load_sql);
	*why = NL_SONAME_SQLITE3;
	return sql_rc;
}
