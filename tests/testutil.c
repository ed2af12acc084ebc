/* Helpers shared by the unit tests: fixture reading, line lookup, rule-pack loading and
 * running one rule on a snippet. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "segment.h"
#include "testutil.h"

char *
tu_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n = 0;

	if (f == NULL)
		fail_msg("cannot open %s", path);
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		fail_msg("cannot size %s", path);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		fail_msg("short read on %s", path);
	fclose(f);
	buf[n] = '\0';
	if (len)
		*len = (size_t)n;
	return buf;
}

char *
tu_read_fixture(const char *rel, size_t *len)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", NL_FIXTURES_DIR, rel);
	return tu_read_file(path, len);
}

unsigned
tu_line_of(const char *text, size_t off)
{
	unsigned line = 1;
	size_t i;

	for (i = 0; i < off && text[i]; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

const char *
tu_rules_dir(void)
{
	const char *dir = getenv("NOTICELINT_RULES");

	return dir != NULL && dir[0] != '\0' ? dir : NL_SOURCE_RULES_DIR;
}

void
tu_load_packs(struct ruleset *rs, const char *const *packs, size_t n)
{
	struct load_errors errs;
	char path[4096];
	size_t i;

	memset(rs, 0, sizeof(*rs));
	memset(&errs, 0, sizeof(errs));
	errs.lang = LANG_EN;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", tu_rules_dir(), packs[i]);
		if (rules_load_file(rs, path, &errs) != 0)
			fail_msg("%s:%u:%u: %s", errs.v[0].file, errs.v[0].line, errs.v[0].col,
			    errs.v[0].message);
	}
	load_errors_free(&errs);
}

char *
tu_temp_file(const char *data, size_t len)
{
	char *path = strdup("/tmp/nl-test-XXXXXX");
	int fd;

	assert_non_null(path);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

int
tu_load_inline_pack(struct ruleset *rs, struct load_errors *errs, const char *yaml)
{
	char *path = tu_temp_file(yaml, strlen(yaml));
	int rc;

	memset(rs, 0, sizeof(*rs));
	memset(errs, 0, sizeof(*errs));
	errs->lang = LANG_EN;
	rc = rules_load_file(rs, path, errs);
	unlink(path);
	free(path);
	return rc;
}

void
tu_run_rule(const struct ruleset *rs, const struct lint_opts *o, const char *id,
		const char *path, const char *text, struct doc *doc, struct diag_list *out)
{
	const struct rule *r = ruleset_find(rs, id);

	if (r == NULL)
		fail_msg("no rule %s", id);
	memset(doc, 0, sizeof(*doc));
	diag_list_init(out, o->lang);
	lint_build_model(doc, path, text, strlen(text));
	lint_rule(r, o, doc, out);
	diag_sort(out);
}

char *
tu_lint_fixture(const struct ruleset *rs, const struct lint_opts *o, const char *rel,
		struct doc *doc, struct diag_list *out)
{
	size_t len;
	char *text = tu_read_fixture(rel, &len);

	memset(doc, 0, sizeof(*doc));
	diag_list_init(out, o->lang);
	lint_text(rs, o, rel, text, len, doc, out);
	return text;
}

char *
tu_span_text(const char *text, const struct diag *d)
{
	size_t n = d->span.end - d->span.start;
	char *s = malloc(n + 1);

	assert_non_null(s);
	memcpy(s, text + d->span.start, n);
	s[n] = '\0';
	return s;
}

void
tu_run_snippets(const struct ruleset *rs, const struct lint_opts *o,
		const struct tu_snippet *table, size_t n)
{
	const struct tu_snippet *sn;
	struct diag_list out;
	struct doc doc;
	size_t i, len;

	for (i = 0; i < n; i++) {
		sn = &table[i];
		tu_run_rule(rs, o, sn->rule, "case.txt", sn->text, &doc, &out);
		if (out.n != sn->hits)
			fail_msg("%s on \"%s\": %zu hits, expected %zu", sn->rule, sn->text, out.n,
			    sn->hits);
		if (sn->match != NULL && out.n > 0) {
			len = out.v[0].span.end - out.v[0].span.start;
			if (len != strlen(sn->match) ||
			    memcmp(sn->text + out.v[0].span.start, sn->match, len) != 0)
				fail_msg("%s on \"%s\": first hit \"%.*s\", expected \"%s\"", sn->rule,
				    sn->text, (int)len, sn->text + out.v[0].span.start, sn->match);
		}
		diag_list_free(&out);
		doc_free(&doc);
	}
}

static const char *const tu_seeds[] = {
	"000_2800b427cfbef2a5.txt", "001_b21dc3fc7ee4c764.txt", "002_4720707dcb0128ec.txt",
	"003_eb93dc48287bd9ac.txt", "004_6abf08291da1f359.txt",
};

/* Index of the entry of hits for (seed, line, rule), or n. */
static size_t
find_hit(const struct tu_seed_hit *hits, size_t n, const char *seed, unsigned line,
		const char *rule)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (strncmp(hits[k].seed, seed, 3) == 0 && hits[k].line == line &&
		    strcmp(hits[k].rule, rule) == 0)
			break;
	return k;
}

/* Counts one seed's own-rule diagnostics into found[], failing on any not in hits. */
static void
count_seed_hits(const struct ruleset *rs, const struct lint_opts *o, const char *seed,
		int (*own)(const char *id), const struct tu_seed_hit *hits, size_t n,
		unsigned *found)
{
	struct diag_list out;
	struct doc doc;
	char rel[128], *text;
	unsigned line;
	size_t i, k;

	snprintf(rel, sizeof(rel), "seeds/%s", seed);
	text = tu_lint_fixture(rs, o, rel, &doc, &out);
	for (i = 0; i < out.n; i++) {
		if (!own(out.v[i].rule))
			continue;
		line = tu_line_of(text, out.v[i].span.start);
		if ((k = find_hit(hits, n, seed, line, out.v[i].rule)) == n)
			fail_msg("unexpected %s at %s:%u: %s", out.v[i].rule, seed, line,
			    out.v[i].message);
		if (hits[k].note != 0 && (out.v[i].nrelated != 1 ||
		    tu_line_of(text, out.v[i].related[0].span.start) != hits[k].note))
			fail_msg("%s at %s:%u: note not at line %u", out.v[i].rule, seed, line,
			    hits[k].note);
		found[k]++;
	}
	diag_list_free(&out);
	doc_free(&doc);
	free(text);
}

void
tu_check_seed_hits(const struct ruleset *rs, const struct lint_opts *o,
		int (*own)(const char *id), const struct tu_seed_hit *hits, size_t n)
{
	unsigned *found = calloc(n ? n : 1, sizeof(*found));
	size_t i;

	assert_non_null(found);
	for (i = 0; i < sizeof(tu_seeds) / sizeof(tu_seeds[0]); i++)
		count_seed_hits(rs, o, tu_seeds[i], own, hits, n, found);
	for (i = 0; i < n; i++)
		if (found[i] != hits[i].count)
			fail_msg("%s at %s:%u: found %u times, want %u", hits[i].rule,
			    hits[i].seed, hits[i].line, found[i], hits[i].count);
	free(found);
}
