/* Time accounting for --timing (see timing.h): atomic sums, then a table on stderr. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "rulescan.h"
#include "timing.h"
#include "utf8.h"
#include "xalloc.h"

/* Rows printed at most, slowest first; the total covers every rule. */
#define TIMING_ROWS 25

void
timing_init(struct timing *t, size_t n)
{
	size_t i;

	atomic_init(&t->model_ns, 0);
	atomic_init(&t->scan_ns, 0);
	t->rule_ns = xcalloc(n ? n : 1, sizeof(*t->rule_ns));
	for (i = 0; i < n; i++)
		atomic_init(&t->rule_ns[i], 0);
	t->n = n;
}

void
timing_free(struct timing *t)
{
	free(t->rule_ns);
	t->rule_ns = NULL;
	t->n = 0;
}

uint64_t
timing_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* One rule's time, for sorting. */
struct row {
	size_t index;
	uint64_t ns;
};

static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->ns != y->ns)
		return x->ns > y->ns ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Prints s left-aligned in a column of width terminal cells (Chinese takes two). */
static void
print_cell(FILE *out, const char *s, int width)
{
	size_t i = 0, len = strlen(s);
	int used = 0;

	while (i < len)
		used += utf8_width(utf8_next(s, len, &i));
	fprintf(out, "%s%*s ", s, used < width ? width - used : 0, "");
}

static void
print_row(FILE *out, const char *id, const char *check, const char *engine, uint64_t ns,
		uint64_t total)
{
	print_cell(out, id, 14);
	print_cell(out, check, 18);
	print_cell(out, engine, 16);
	fprintf(out, "%10.3f %6.1f%%\n", (double)ns / 1e6,
	    total > 0 ? 100.0 * (double)ns / (double)total : 0.0);
}

void
timing_print(FILE *out, const struct timing *t, const struct ruleset *rs, enum lang lang)
{
	struct row *rows = xcalloc(t->n ? t->n : 1, sizeof(*rows));
	uint64_t model = atomic_load(&t->model_ns), scan = atomic_load(&t->scan_ns);
	uint64_t total = model + scan;
	const struct rule *r;
	size_t i;

	for (i = 0; i < t->n; i++) {
		rows[i].index = i;
		rows[i].ns = atomic_load(&t->rule_ns[i]);
		total += rows[i].ns;
	}
	qsort(rows, t->n, sizeof(*rows), row_cmp);
	print_cell(out, lang == LANG_ZH ? "规则" : "rule", 14);
	print_cell(out, lang == LANG_ZH ? "检查类型" : "check", 18);
	print_cell(out, lang == LANG_ZH ? "匹配引擎" : "engine", 16);
	fprintf(out, "%*s%s %7s\n", lang == LANG_ZH ? 6 : 8, "", lang == LANG_ZH ? "毫秒" : "ms",
	    "%");
	print_row(out, lang == LANG_ZH ? "(文档模型)" : "(model)", "", "", model, total);
	if (scan > 0)
		print_row(out, lang == LANG_ZH ? "(预筛扫描)" : "(prefilter)", "", "vectorscan", scan,
		    total);
	for (i = 0; i < t->n && i < TIMING_ROWS && rows[i].ns > 0; i++) {
		r = rs->v[rows[i].index];
		print_row(out, r->id, r->check->name, rulescan_engine(r), rows[i].ns, total);
	}
	print_row(out, lang == LANG_ZH ? "(合计)" : "(total)", "", "", total, total);
	free(rows);
}
