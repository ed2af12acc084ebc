/* Rule documentation from the rules themselves: the --list-rules table and the --explain
 * page, labels and rule text in the chosen language. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "explain.h"
#include "utf8.h"
#include "xalloc.h"

enum label {
	L_ID, L_LEVEL, L_CHECK, L_SCOPE, L_DESCRIPTION, L_SOURCE, L_PACK_LEVEL, L_DISABLED,
	L_MESSAGE_ZH, L_MESSAGE_EN, L_FLAG, L_PASS, L_DEFINED, L_NONE, L_FIX
};

static const char *const labels[][2] = {
	[L_ID] = {"规则", "rule"},
	[L_LEVEL] = {"级别", "level"},
	[L_CHECK] = {"检查类型", "check"},
	[L_SCOPE] = {"范围", "scope"},
	[L_DESCRIPTION] = {"说明", "description"},
	[L_SOURCE] = {"依据", "source"},
	[L_PACK_LEVEL] = {"规则包中的级别", "level in the pack"},
	[L_DISABLED] = {"已关闭", "disabled"},
	[L_MESSAGE_ZH] = {"中文消息", "message (zh)"},
	[L_MESSAGE_EN] = {"英文消息", "message (en)"},
	[L_FLAG] = {"应报示例", "examples that must be flagged"},
	[L_PASS] = {"不应报示例", "examples that must pass"},
	[L_DEFINED] = {"定义位置", "defined at"},
	[L_NONE] = {"（无）", "(none)"},
	[L_FIX] = {"自动修正（--fix）", "fix (--fix)"},
};

static const char *
label(enum label l, enum lang lang)
{
	return labels[l][lang == LANG_EN ? 1 : 0];
}

/* Terminal columns of s (CJK characters count two). */
static size_t
width(const char *s)
{
	size_t len = strlen(s), i = 0, w = 0;

	while (i < len)
		w += (size_t)utf8_width(utf8_next(s, len, &i));
	return w;
}

/* Writes s and pads it with spaces to cols columns. */
static void
put_padded(FILE *out, const char *s, size_t cols)
{
	size_t w = width(s);

	fputs(s, out);
	while (w++ < cols)
		fputc(' ', out);
}

static const char *
level_word(const struct rule *r)
{
	return r->enabled ? level_name(r->level) : "off";
}

static const char *
check_word(const struct rule *r)
{
	return r->check ? r->check->name : "?";
}

static int
cmp_rule(const void *a, const void *b)
{
	return strcmp((*(struct rule *const *)a)->id, (*(struct rule *const *)b)->id);
}

/* Widest id, level, check and scope, at least as wide as their header labels. */
static void
column_widths(const struct ruleset *rs, enum lang lang, size_t w[4])
{
	size_t i, k, c;
	const char *cell[4];

	for (k = 0; k < 4; k++)
		w[k] = width(label((enum label)(L_ID + k), lang));
	for (i = 0; i < rs->n; i++) {
		cell[0] = rs->v[i]->id;
		cell[1] = level_word(rs->v[i]);
		cell[2] = check_word(rs->v[i]);
		cell[3] = scope_name(rs->v[i]->scope);
		for (k = 0; k < 4; k++)
			if ((c = width(cell[k])) > w[k])
				w[k] = c;
	}
}

/* Writes the first sentence of s (or nothing when s is NULL). */
static void
put_first_sentence(FILE *out, const char *s)
{
	if (s != NULL)
		fwrite(s, 1, rule_text_first_sentence(s), out);
}

void
explain_list(FILE *out, const struct ruleset *rs, enum lang lang)
{
	struct rule **sorted = xmalloc((rs->n ? rs->n : 1) * sizeof(*sorted));
	size_t w[4], i;

	if (rs->n > 0)
		memcpy(sorted, rs->v, rs->n * sizeof(*sorted));
	qsort(sorted, rs->n, sizeof(*sorted), cmp_rule);
	column_widths(rs, lang, w);
	put_padded(out, label(L_ID, lang), w[0] + 2);
	put_padded(out, label(L_LEVEL, lang), w[1] + 2);
	put_padded(out, label(L_CHECK, lang), w[2] + 2);
	put_padded(out, label(L_SCOPE, lang), w[3] + 2);
	fprintf(out, "%s\n", label(L_DESCRIPTION, lang));
	for (i = 0; i < rs->n; i++) {
		put_padded(out, sorted[i]->id, w[0] + 2);
		put_padded(out, level_word(sorted[i]), w[1] + 2);
		put_padded(out, check_word(sorted[i]), w[2] + 2);
		put_padded(out, scope_name(sorted[i]->scope), w[3] + 2);
		put_first_sentence(out, rule_description(sorted[i], lang));
		fputc('\n', out);
	}
	free(sorted);
}

/* Writes text with every line after the first indented by indent spaces. */
static void
put_indented(FILE *out, const char *text, int indent)
{
	const char *p;

	for (p = text; *p != '\0'; p++) {
		fputc(*p, out);
		if (*p == '\n' && p[1] != '\0')
			fprintf(out, "%*s", indent, "");
	}
	fputc('\n', out);
}

/* Writes "  label: value" with continuation lines indented. */
static void
field(FILE *out, enum label l, const char *value, enum lang lang)
{
	fprintf(out, "  %s%s", label(l, lang), lang == LANG_EN ? ": " : "：");
	put_indented(out, value && value[0] ? value : label(L_NONE, lang), 4);
}

static void
examples(FILE *out, enum label l, const struct rule_example *v, size_t n, enum lang lang)
{
	size_t i;

	size_t own = 0;

	fprintf(out, "  %s%s\n", label(l, lang), lang == LANG_EN ? ":" : "：");
	for (i = 0; i < n; i++) {
		if (v[i].entry != NULL)
			continue;
		fputs("    - ", out);
		put_indented(out, v[i].text, 6);
		own++;
	}
	/* A lexicon's entries carry examples of their own; they are counted, not listed. */
	if (own < n)
		fprintf(out, lang == LANG_EN ? "    (and %zu examples of lexicon entries)\n" :
		    "    （另有 %zu 个词条示例）\n", n - own);
	else if (n == 0)
		fprintf(out, "    %s\n", label(L_NONE, lang));
}

/* The level line: effective level, the pack's level when it was overridden, "off". */
static void
level_field(FILE *out, const struct rule *r, enum lang lang)
{
	char buf[160];

	if (!r->enabled)
		snprintf(buf, sizeof(buf), "%s (%s)", level_name(r->level),
		    label(L_DISABLED, lang));
	else if (r->level != r->pack_level)
		snprintf(buf, sizeof(buf), "%s (%s: %s)", level_name(r->level),
		    label(L_PACK_LEVEL, lang), level_name(r->pack_level));
	else
		snprintf(buf, sizeof(buf), "%s", level_name(r->level));
	field(out, L_LEVEL, buf, lang);
}

int
explain_rule(FILE *out, const struct ruleset *rs, const char *id, enum lang lang)
{
	const struct rule *r;
	const char *summary;
	char where[512], check[512];

	if ((r = ruleset_find(rs, id)) == NULL)
		return -1;
	fprintf(out, "%s\n", r->id);
	field(out, L_DESCRIPTION, rule_description(r, lang), lang);
	field(out, L_SOURCE, rule_source(r, lang), lang);
	level_field(out, r, lang);
	summary = r->check == NULL ? NULL : lang == LANG_EN || r->check->summary_zh == NULL ?
	    r->check->summary : r->check->summary_zh;
	snprintf(check, sizeof(check), "%s%s%s", check_word(r), summary ? " — " : "",
	    summary ? summary : "");
	field(out, L_CHECK, check, lang);
	field(out, L_SCOPE, scope_name(r->scope), lang);
	field(out, L_FIX, lang == LANG_EN ? r->fix_en : r->fix_zh, lang);
	field(out, L_MESSAGE_ZH, r->message_zh, lang);
	field(out, L_MESSAGE_EN, r->message_en, lang);
	examples(out, L_FLAG, r->flag, r->nflag, lang);
	examples(out, L_PASS, r->pass, r->npass, lang);
	snprintf(where, sizeof(where), "%s:%u:%u", r->file ? r->file : "?", r->line, r->col);
	field(out, L_DEFINED, where, lang);
	return 0;
}
