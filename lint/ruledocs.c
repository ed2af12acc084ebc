/* Rule pages for readers: each rule's description, source, level, messages, examples and
 * fix as Markdown (DIR/<RULE-ID>.md, in Chinese and English), and an index page, generated
 * from the rules so the pages cannot drift from them. */
#include <stdlib.h>
#include <string.h>
#include "atomicfile.h"
#include "check.h"
#include "cli.h"
#include "ruledocs.h"
#include "strbuf.h"
#include "xalloc.h"

static void
put(struct strbuf *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

/* A fenced block holding text as written. */
static void
put_block(struct strbuf *b, const char *text)
{
	put(b, "```text\n");
	put(b, text);
	if (text[0] == '\0' || text[strlen(text) - 1] != '\n')
		put(b, "\n");
	put(b, "```\n\n");
}

static void
put_examples(struct strbuf *b, const char *heading, const struct rule_example *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	put(b, heading);
	for (i = 0; i < n; i++)
		put_block(b, v[i].text);
}

/* A paragraph in Chinese and, when the pack wrote a different one, its English paragraph. */
static void
put_both(struct strbuf *b, const char *zh, const char *en)
{
	put(b, zh ? zh : "");
	put(b, "\n\n");
	if (en != NULL && (zh == NULL || strcmp(zh, en) != 0)) {
		put(b, en);
		put(b, "\n\n");
	}
}

/* The Markdown page of one rule. */
static char *
page(const struct rule *r)
{
	struct strbuf b = {NULL, 0, 0};
	size_t i;

	put(&b, "# ");
	put(&b, r->id);
	put(&b, "\n\n| 级别 level | 检查类型 check | 范围 scope | 自动修正 fix |\n| --- | --- | --- | --- |\n| ");
	put(&b, level_name(r->pack_level));
	put(&b, " | `");
	put(&b, r->check ? r->check->name : "?");
	put(&b, "` | ");
	put(&b, scope_name(r->scope));
	put(&b, r->fix_zh ? " | 有 yes |\n\n" : " | 无 no |\n\n");
	put(&b, "## 说明 What it finds and why\n\n");
	put_both(&b, r->description_zh, r->description_en);
	put(&b, "## 依据 Source\n\n");
	put_both(&b, r->source_zh, r->source_en);
	put(&b, "## 消息 Message\n\n- 中文：");
	put(&b, r->message_zh ? r->message_zh : "");
	put(&b, "\n- English: ");
	put(&b, r->message_en ? r->message_en : "");
	put(&b, "\n\n");
	put_examples(&b, "## 应报示例 Flagged\n\n", r->flag, r->nflag);
	put_examples(&b, "## 不应报示例 Not flagged\n\n", r->pass, r->npass);
	if (r->fix_zh != NULL) {
		put(&b, "## 自动修正 Fix (`--fix`)\n\n- 中文：");
		put(&b, r->fix_zh);
		put(&b, "\n- English: ");
		put(&b, r->fix_en ? r->fix_en : "");
		put(&b, "\n\n");
		for (i = 0; i < r->nfixes; i++) {
			put(&b, "修正前 Before:\n\n");
			put_block(&b, r->fixes[i].before);
			put(&b, "修正后 After:\n\n");
			put_block(&b, r->fixes[i].after);
		}
	}
	put(&b, "---\n\n由 `noticelint --rule-docs` 从规则包生成。Generated from the rule pack by "
	    "`noticelint --rule-docs`.\n");
	return strbuf_take(&b);
}

static int
cmp_rule(const void *a, const void *b)
{
	return strcmp((*(struct rule *const *)a)->id, (*(struct rule *const *)b)->id);
}

/* The first sentence of s on one table cell, for the index. */
static void
put_first_sentence(struct strbuf *b, const char *s)
{
	size_t n, i;

	if (s == NULL)
		return;
	n = rule_text_first_sentence(s);
	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			put(b, " ");
		else if (s[i] == '|')
			put(b, "\\|");
		else
			strbuf_put(b, s + i, 1);
	}
}

static char *
index_page(struct rule **v, size_t n)
{
	struct strbuf b = {NULL, 0, 0};
	size_t i;

	put(&b, "# 规则 Rules\n\n| 规则 rule | 级别 level | 自动修正 fix | 说明 what |\n"
	    "| --- | --- | --- | --- |\n");
	for (i = 0; i < n; i++) {
		put(&b, "| [");
		put(&b, v[i]->id);
		put(&b, "](");
		put(&b, v[i]->id);
		put(&b, ".md) | ");
		put(&b, level_name(v[i]->pack_level));
		put(&b, v[i]->fix_zh ? " | 有 yes | " : " | | ");
		put_first_sentence(&b, v[i]->description_zh);
		if (v[i]->description_en != NULL && v[i]->description_zh != NULL &&
		    strcmp(v[i]->description_zh, v[i]->description_en) != 0) {
			put(&b, "<br>");
			put_first_sentence(&b, v[i]->description_en);
		}
		put(&b, " |\n");
	}
	put(&b, "\n由 `noticelint --rule-docs` 从规则包生成。Generated from the rule pack by "
	    "`noticelint --rule-docs`.\n");
	return strbuf_take(&b);
}

/* Writes text to dir/name atomically; -1 after printing why not. */
static int
write_page(const char *dir, const char *name, const char *text, enum lang lang)
{
	struct atomic_file af;
	char *path = xmalloc(strlen(dir) + strlen(name) + 2), *reason = NULL;
	int rc = -1;

	snprintf(path, strlen(dir) + strlen(name) + 2, "%s/%s", dir, name);
	if (atomic_open(&af, path, lang, &reason) == 0) {
		if (fputs(text, af.fp) >= 0 && atomic_commit(&af, &reason) == 0)
			rc = 0;
		else if (af.fp != NULL)
			atomic_abort(&af);
	}
	if (rc != 0)
		cli_error(lang, "output-write-failed", "reason", reason ? reason : path, NULL);
	free(reason);
	free(path);
	return rc;
}

int
ruledocs_write(const struct ruleset *rs, const char *dir, enum lang lang)
{
	struct rule **v = xmalloc((rs->n ? rs->n : 1) * sizeof(*v));
	char *text, *name;
	size_t i;
	int rc = 0;

	if (rs->n > 0)
		memcpy(v, rs->v, rs->n * sizeof(*v));
	qsort(v, rs->n, sizeof(*v), cmp_rule);
	for (i = 0; i < rs->n && rc == 0; i++) {
		text = page(v[i]);
		name = xmalloc(strlen(v[i]->id) + 4);
		snprintf(name, strlen(v[i]->id) + 4, "%s.md", v[i]->id);
		rc = write_page(dir, name, text, lang);
		free(name);
		free(text);
	}
	if (rc == 0) {
		text = index_page(v, rs->n);
		rc = write_page(dir, "README.md", text, lang);
		free(text);
	}
	free(v);
	return rc;
}
