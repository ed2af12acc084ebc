/* libzip opened at first use: each function the .docx reader calls is defined here with
 * the library's own prototype and forwards to the address dynload_libzip resolved. */
#include <zip.h>
#include "input/dynload.h"

static void (*p_zip_discard)(zip_t *);
static void (*p_zip_error_fini)(zip_error_t *);
static void (*p_zip_error_init)(zip_error_t *);
static const char *(*p_zip_error_strerror)(zip_error_t *);
static int (*p_zip_fclose)(zip_file_t *);
static const char *(*p_zip_file_strerror)(zip_file_t *);
static zip_file_t *(*p_zip_fopen_index)(zip_t *, zip_uint64_t, zip_flags_t);
static zip_int64_t (*p_zip_fread)(zip_file_t *, void *, zip_uint64_t);
static zip_int64_t (*p_zip_get_num_entries)(zip_t *, zip_flags_t);
static zip_int64_t (*p_zip_name_locate)(zip_t *, const char *, zip_flags_t);
static zip_t *(*p_zip_open_from_source)(zip_source_t *, int, zip_error_t *);
static zip_source_t *(*p_zip_source_buffer_create)(const void *, zip_uint64_t, int,
    zip_error_t *);
static void (*p_zip_source_free)(zip_source_t *);
static int (*p_zip_stat_index)(zip_t *, zip_uint64_t, zip_flags_t, zip_stat_t *);
static void (*p_zip_stat_init)(zip_stat_t *);
static const char *(*p_zip_strerror)(zip_t *);

int
dynload_libzip(void)
{
	static const char *const names[] = {
		"zip_discard", "zip_error_fini", "zip_error_init", "zip_error_strerror",
		"zip_fclose", "zip_file_strerror", "zip_fopen_index", "zip_fread",
		"zip_get_num_entries", "zip_name_locate", "zip_open_from_source",
		"zip_source_buffer_create", "zip_source_free", "zip_stat_index", "zip_stat_init",
		"zip_strerror",
	};
	void *const slots[] = {
		&p_zip_discard, &p_zip_error_fini, &p_zip_error_init, &p_zip_error_strerror,
		&p_zip_fclose, &p_zip_file_strerror, &p_zip_fopen_index, &p_zip_fread,
		&p_zip_get_num_entries, &p_zip_name_locate, &p_zip_open_from_source,
		&p_zip_source_buffer_create, &p_zip_source_free, &p_zip_stat_index,
		&p_zip_stat_init, &p_zip_strerror,
	};

	return dynload_open(NL_SONAME_LIBZIP, names, slots, (int)(sizeof(names) / sizeof(names[0])));
}

void
zip_discard(zip_t *za)
{
	p_zip_discard(za);
}

void
zip_error_fini(zip_error_t *e)
{
	p_zip_error_fini(e);
}

void
zip_error_init(zip_error_t *e)
{
	p_zip_error_init(e);
}

const char *
zip_error_strerror(zip_error_t *e)
{
	return p_zip_error_strerror(e);
}

int
zip_fclose(zip_file_t *f)
{
	return p_zip_fclose(f);
}

const char *
zip_file_strerror(zip_file_t *f)
{
	return p_zip_file_strerror(f);
}

zip_file_t *
zip_fopen_index(zip_t *za, zip_uint64_t index, zip_flags_t flags)
{
	return p_zip_fopen_index(za, index, flags);
}

zip_int64_t
zip_fread(zip_file_t *f, void *buf, zip_uint64_t n)
{
	return p_zip_fread(f, buf, n);
}

zip_int64_t
zip_get_num_entries(zip_t *za, zip_flags_t flags)
{
	return p_zip_get_num_entries(za, flags);
}

zip_int64_t
zip_name_locate(zip_t *za, const char *name, zip_flags_t flags)
{
	return p_zip_name_locate(za, name, flags);
}

zip_t *
zip_open_from_source(zip_source_t *zs, int flags, zip_error_t *e)
{
	return p_zip_open_from_source(zs, flags, e);
}

zip_source_t *
zip_source_buffer_create(const void *data, zip_uint64_t len, int freep, zip_error_t *e)
{
	return p_zip_source_buffer_create(data, len, freep, e);
}

void
zip_source_free(zip_source_t *zs)
{
	p_zip_source_free(zs);
}

int
zip_stat_index(zip_t *za, zip_uint64_t index, zip_flags_t flags, zip_stat_t *st)
{
	return p_zip_stat_index(za, index, flags, st);
}

void
zip_stat_init(zip_stat_t *st)
{
	p_zip_stat_init(st);
}

const char *
zip_strerror(zip_t *za)
{
	return p_zip_strerror(za);
}
