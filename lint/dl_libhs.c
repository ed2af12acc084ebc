/* Vectorscan opened at first use, in its two parts: the runtime (libhs_runtime, plain C)
 * for scanning and for loading a stored database, and the compiler (libhs, C++ with
 * libstdc++) only when a database must be built. Each function the prefilter calls is
 * defined here with the library's own prototype and forwards to the address
 * dynload_libhs_runtime or dynload_libhs resolved. A database compiled by the one is used
 * and freed by the other: both come from the same package and allocate with malloc. */
#include <hs.h>
#include <stdbool.h>
#include "input/dynload.h"

static hs_error_t (*p_hs_alloc_scratch)(const hs_database_t *, hs_scratch_t **);
static hs_error_t (*p_hs_compile_multi)(const char *const *, const unsigned int *,
    const unsigned int *, unsigned int, unsigned int, const hs_platform_info_t *,
    hs_database_t **, hs_compile_error_t **);
static hs_error_t (*p_hs_deserialize_database)(const char *, const size_t, hs_database_t **);
static hs_error_t (*p_hs_expression_info)(const char *, unsigned int, hs_expr_info_t **,
    hs_compile_error_t **);
static hs_error_t (*p_hs_free_compile_error)(hs_compile_error_t *);
static hs_error_t (*p_hs_free_database)(hs_database_t *);
static hs_error_t (*p_hs_free_scratch)(hs_scratch_t *);
static hs_error_t (*p_hs_scan)(const hs_database_t *, const char *, unsigned int, unsigned int,
    hs_scratch_t *, match_event_handler, void *);
static hs_error_t (*p_hs_serialize_database)(const hs_database_t *, char **, size_t *);

/* True when the runtime's own dispatch would pick its AVX-512 code. Vectorscan 5.4.9's
 * AVX-512 block scan misses matches (`"[^x\n]*"` after 64 bytes of text finds nothing),
 * while its AVX2 code, which every AVX-512 processor runs too, finds them: on such a
 * processor the AVX2 entry points, which the library exports by name, are called. */
static bool
prefer_avx2(void)
{
#if defined(__x86_64__) || defined(__i386__)
	return __builtin_cpu_supports("avx2");
#else
	return false;
#endif
}

int
dynload_libhs_runtime(void)
{
	static const char *const avx2[] = {
		"hs_alloc_scratch", "avx2_hs_deserialize_database", "avx2_hs_free_database",
		"hs_free_scratch", "avx2_hs_scan", "avx2_hs_serialize_database",
	};
	static const char *const names[] = {
		"hs_alloc_scratch", "hs_deserialize_database", "hs_free_database",
		"hs_free_scratch", "hs_scan", "hs_serialize_database",
	};
	void *const slots[] = {
		&p_hs_alloc_scratch, &p_hs_deserialize_database, &p_hs_free_database,
		&p_hs_free_scratch, &p_hs_scan, &p_hs_serialize_database,
	};
	int n = (int)(sizeof(names) / sizeof(names[0]));

	/* A build without per-processor entry points (not a "fat runtime") has the plain
	 * names only. */
	if (prefer_avx2() && dynload_open(NL_SONAME_HS_RUNTIME, avx2, slots, n) == 0)
		return 0;
	return dynload_open(NL_SONAME_HS_RUNTIME, names, slots, n);
}

int
dynload_libhs(void)
{
	static const char *const names[] = {
		"hs_compile_multi", "hs_expression_info", "hs_free_compile_error",
	};
	void *const slots[] = {
		&p_hs_compile_multi, &p_hs_expression_info, &p_hs_free_compile_error,
	};

	return dynload_open(NL_SONAME_HS, names, slots, (int)(sizeof(names) / sizeof(names[0])));
}

hs_error_t
hs_alloc_scratch(const hs_database_t *db, hs_scratch_t **scratch)
{
	return p_hs_alloc_scratch(db, scratch);
}

hs_error_t
hs_compile_multi(const char *const *expressions, const unsigned int *flags,
    const unsigned int *ids, unsigned int elements, unsigned int mode,
    const hs_platform_info_t *platform, hs_database_t **db, hs_compile_error_t **error)
{
	return p_hs_compile_multi(expressions, flags, ids, elements, mode, platform, db, error);
}

hs_error_t
hs_deserialize_database(const char *bytes, const size_t length, hs_database_t **db)
{
	return p_hs_deserialize_database(bytes, length, db);
}

hs_error_t
hs_expression_info(const char *expression, unsigned int flags, hs_expr_info_t **info,
    hs_compile_error_t **error)
{
	return p_hs_expression_info(expression, flags, info, error);
}

hs_error_t
hs_free_compile_error(hs_compile_error_t *error)
{
	return p_hs_free_compile_error(error);
}

hs_error_t
hs_free_database(hs_database_t *db)
{
	return p_hs_free_database(db);
}

hs_error_t
hs_free_scratch(hs_scratch_t *scratch)
{
	return p_hs_free_scratch(scratch);
}

hs_error_t
hs_scan(const hs_database_t *db, const char *data, unsigned int length, unsigned int flags,
    hs_scratch_t *scratch, match_event_handler on_event, void *context)
{
	return p_hs_scan(db, data, length, flags, scratch, on_event, context);
}

hs_error_t
hs_serialize_database(const hs_database_t *db, char **bytes, size_t *length)
{
	return p_hs_serialize_database(db, bytes, length);
}
