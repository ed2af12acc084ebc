/* Unit tests: the prefilter's database stored in a compiled pack. A compiled pack carries
 * it and hands it over when the run uses the prefilter (not otherwise); a database made
 * from other patterns, one in a pack loaded after another, or one a cache file lacks is
 * never used as it stands: the run goes without it or builds (and caches) its own. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mscan.h"
#include "pack_load.h"
#include "packfile.h"
#include "rulescan.h"
#include "strbuf.h"

static const char pack_a[] =
    "rules:\n"
    "  - {id: T-001, check: existence, level: warning, message: {zh: 甲, en: a},\n"
    "     description: d, source: s, pattern: 巡察组, examples: {flag: [巡察组]}}\n"
    "  - {id: T-002, check: existence, level: warning, message: {zh: 甲, en: a},\n"
    "     description: d, source: s, pattern: 整改完成, examples: {flag: [整改完成]},\n"
    "     enabled: false}\n";

static const char pack_b[] =
    "rules:\n"
    "  - {id: T-101, check: existence, level: warning, message: {zh: 乙, en: b},\n"
    "     description: d, source: s, pattern: 反馈意见, examples: {flag: [反馈意见]}}\n";

struct fixture {
	char dir[64];          /* a temporary directory */
	char pack[96];         /* DIR/p: a pack directory holding a.yml */
	char other[96];        /* DIR/q: a second pack holding b.yml */
	char compiled[112];    /* DIR/p.nlpack: the compiled file beside pack p */
};

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	char path[160];

	strcpy(fx->dir, "/tmp/nl-packscan.XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		return -1;
	snprintf(fx->pack, sizeof(fx->pack), "%s/p", fx->dir);
	snprintf(fx->other, sizeof(fx->other), "%s/q", fx->dir);
	snprintf(fx->compiled, sizeof(fx->compiled), "%s/p.nlpack", fx->dir);
	if (mkdir(fx->pack, 0700) != 0 || mkdir(fx->other, 0700) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/a.yml", fx->pack);
	write_text(path, pack_a);
	snprintf(path, sizeof(path), "%s/b.yml", fx->other);
	write_text(path, pack_b);
	snprintf(path, sizeof(path), "%s/xdg", fx->dir);
	setenv("XDG_CACHE_HOME", path, 1);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	free(fx);
	return 0;
}

/* Compiles pack p into p.nlpack beside it, as the build does for the default pack. */
static void
compile_pack(const struct fixture *fx)
{
	struct load_errors errs;
	struct pack_sources src;
	struct ruleset rs;

	memset(&errs, 0, sizeof(errs));
	memset(&rs, 0, sizeof(rs));
	assert_int_equal(rules_read_pack(fx->pack, &src, &errs), 0);
	assert_int_equal(pack_compile(&rs, &src, &errs, fx->compiled), 0);
	pack_sources_free(&src);
	ruleset_free(&rs);
	load_errors_free(&errs);
}

/* Loads pack p (as the default pack, beside which p.nlpack lies) with scan use u, and
 * then, when second is set, pack q. */
static void
load(const struct fixture *fx, struct ruleset *rs, enum ruleset_scan u, bool second)
{
	struct load_errors errs;

	memset(&errs, 0, sizeof(errs));
	memset(rs, 0, sizeof(*rs));
	rs->scan_use = u;
	assert_int_equal(pack_load(rs, fx->pack, true, true, &errs), 0);
	if (second)
		assert_int_equal(pack_load(rs, fx->other, false, false, &errs), 0);
	assert_int_equal(errs.n, 0);
	load_errors_free(&errs);
}

/* Reads the compiled file's payload up to (without) its scan section into out and
 * returns the file's key. */
static uint64_t
payload_without_scan(const struct fixture *fx, struct strbuf *out, bool *had_scan)
{
	struct load_errors errs;
	struct pack_sources src;
	struct packfile pf;
	const unsigned char *body;
	const char *name;
	uint32_t kind;
	size_t at = 0, end = 0, len;
	uint64_t key;

	memset(&errs, 0, sizeof(errs));
	assert_int_equal(rules_read_pack(fx->pack, &src, &errs), 0);
	key = packfile_key(&src);
	pack_sources_free(&src);
	load_errors_free(&errs);
	assert_int_equal(packfile_open(&pf, fx->compiled, key), 0);
	*had_scan = false;
	while (packfile_next(&pf, &at, &kind, &name, &body, &len) == 1) {
		if (kind == PACK_SEC_SCAN) {
			*had_scan = true;
			break;
		}
		end = at;
	}
	strbuf_put(out, (const char *)pf.payload, end);
	packfile_close(&pf);
	return key;
}

/* The build-time file carries the database of all the pack's patterns (the disabled
 * rule's too) and hands it over to a run that uses the prefilter. */
static void
test_stored(void **state)
{
	struct fixture *fx = *state;
	struct strbuf payload = {NULL, 0, 0};
	struct ruleset rs;
	bool had_scan;

	compile_pack(fx);
	(void)payload_without_scan(fx, &payload, &had_scan);
	assert_true(had_scan);
	free(payload.s);

	load(fx, &rs, RULESET_SCAN_STORED, false);
	assert_non_null(rs.scan);
	assert_int_equal(mscan_count(rs.scan), 2);       /* 巡察组 and the disabled 整改完成 */
	assert_int_equal(rulescan_bind(&rs, rs.scan), 0);
	assert_string_equal(rulescan_engine(rs.v[0]), "vectorscan");
	ruleset_free(&rs);

	/* Enabling the rule the pack disables still fits the stored database. */
	load(fx, &rs, RULESET_SCAN_STORED, false);
	rs.v[1]->enabled = true;
	assert_int_equal(rulescan_bind(&rs, rs.scan), 0);
	assert_string_equal(rulescan_engine(rs.v[1]), "vectorscan");
	ruleset_free(&rs);

	/* A run without the prefilter never opens the database. */
	load(fx, &rs, RULESET_SCAN_OFF, false);
	assert_null(rs.scan);
	ruleset_free(&rs);
}

/* A second pack's rules are not in the first pack's database: it is dropped at load, and
 * a database kept for other rules would not bind. */
static void
test_second_pack(void **state)
{
	struct fixture *fx = *state;
	struct ruleset rs, alone;

	compile_pack(fx);
	load(fx, &rs, RULESET_SCAN_STORED, true);
	assert_int_equal(rs.n, 3);
	assert_null(rs.scan);
	load(fx, &alone, RULESET_SCAN_STORED, false);
	assert_non_null(alone.scan);
	assert_int_equal(rulescan_bind(&rs, alone.scan), -1);
	assert_string_equal(rulescan_engine(rs.v[0]), "pcre2");
	ruleset_free(&alone);
	ruleset_free(&rs);
}

/* A file whose checksum and key are right but whose database was made from other
 * patterns (an edited pack compiled by hand, a bug): refused, the rules load all the
 * same. */
static void
test_stale_scan(void **state)
{
	struct fixture *fx = *state;
	struct strbuf payload = {NULL, 0, 0};
	const char *other[] = {"反馈意见", "巡察组"};
	struct mscan *ms = mscan_build(other, 2);
	struct ruleset rs;
	char *bytes;
	size_t len, at;
	uint64_t key;
	bool had_scan;

	compile_pack(fx);
	key = payload_without_scan(fx, &payload, &had_scan);
	assert_int_equal(mscan_serialize(ms, &bytes, &len), 0);
	at = packfile_begin(&payload, PACK_SEC_SCAN, NULL);
	strbuf_put(&payload, bytes, len);
	packfile_end(&payload, at);
	assert_int_equal(packfile_write(fx->compiled, key, &payload), 0);
	free(bytes);
	free(payload.s);
	mscan_free(ms);

	load(fx, &rs, RULESET_SCAN_STORED, false);
	assert_int_equal(rs.n, 2);
	assert_null(rs.scan);
	ruleset_free(&rs);
}

/* A user pack compiled into the cache by a run without the prefilter has no database; a
 * run that builds one anyway (RULESET_SCAN_ON) adds it to the cache file, and the next
 * run takes it from there. */
static void
test_cache_gains_scan(void **state)
{
	struct fixture *fx = *state;
	struct load_errors errs;
	struct ruleset rs;
	struct stat st0, st1;
	char *cache = pack_cache_path(fx->other);
	int i;
	const enum ruleset_scan uses[] = {RULESET_SCAN_OFF, RULESET_SCAN_STORED, RULESET_SCAN_ON,
		RULESET_SCAN_STORED};

	assert_non_null(cache);
	memset(&errs, 0, sizeof(errs));
	for (i = 0; i < 4; i++) {
		memset(&rs, 0, sizeof(rs));
		rs.scan_use = uses[i];
		assert_int_equal(pack_load(&rs, fx->other, false, true, &errs), 0);
		assert_int_equal(stat(cache, &st1), 0);
		if (i == 0)
			st0 = st1;
		if (i < 2) {
			assert_null(rs.scan);                /* none stored, none built */
			assert_int_equal(st1.st_size, st0.st_size);
		} else {
			assert_non_null(rs.scan);
			assert_int_equal(rulescan_bind(&rs, rs.scan), 0);
			assert_true(st1.st_size > st0.st_size);
		}
		ruleset_free(&rs);
	}
	assert_int_equal(errs.n, 0);
	load_errors_free(&errs);
	free(cache);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_pack, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_scan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_gains_scan, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
