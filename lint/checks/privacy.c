/* Check type `privacy`: personal data in a published notice. Resident ID numbers (GB 11643
 * check digit, or the old 15-digit form with a valid birth date), mobile numbers outside the
 * contact block, Luhn-valid bank card numbers, and, as a heuristic, a private person's full
 * name after a trigger word (火化池桥秀). Messages show numbers and names masked only. */
#define _GNU_SOURCE     /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rule_load.h"
#include "utf8.h"
#include "xalloc.h"

/* Longest digit string looked at (a bank card has at most 19 digits). */
#define MAX_DIGITS 24

enum priv_kind { PRIV_ID, PRIV_MOBILE, PRIV_CARD, PRIV_NAME, PRIV_NKINDS };

static const struct {
	const char *name, *zh, *en;
} kinds[PRIV_NKINDS] = {
	{"resident-id", "居民身份证号码", "resident ID number"},
	{"mobile", "手机号码", "mobile phone number"},
	{"bank-card", "银行卡号", "bank card number"},
	{"name", "个人姓名", "personal name"},
};

struct priv_params {
	bool on[PRIV_NKINDS];
	char **not_after;     /* labels after which a number is not personal (信用代码) */
	size_t nnot_after;
	char **triggers;      /* words a private person's name follows (火化) */
	size_t ntriggers;
	size_t *trigger_len;  /* strlen of each trigger */
	char **not_names;     /* texts after a trigger that are no name (无名尸) */
	size_t nnot_names;
	uint32_t *surnames;
	size_t nsurnames;
	long name_min, name_max;  /* name length in characters, surname included */
};

/* A number found in the text: its digits (separators dropped) and its span. */
struct number {
	char d[MAX_DIGITS + 1];
	size_t nd;
	size_t start, end;
};

struct priv_run {
	const struct rule *r;
	const struct check_ctx *c;
	const struct priv_params *p;
	int stop;
};

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
priv_free(void *params)
{
	struct priv_params *p = params;

	if (p == NULL)
		return;
	free_strings(p->not_after, p->nnot_after);
	free_strings(p->triggers, p->ntriggers);
	free(p->trigger_len);
	free_strings(p->not_names, p->nnot_names);
	free(p->surnames);
	free(p);
}

static int
parse_detect(struct rparam *rp, struct priv_params *p)
{
	char **names = NULL;
	size_t n = 0, i, k;
	int rc = 0;

	if (rp_strings(rp, "detect", true, &names, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		for (k = 0; k < PRIV_NKINDS && strcmp(names[i], kinds[k].name) != 0; k++)
			;
		if (k < PRIV_NKINDS) {
			p->on[k] = true;
		} else if (rc == 0) {
			rp_error(rp, "detect", "可选 resident-id、mobile、bank-card、name（one of these "
			    "names）");
			rc = -1;
		}
	}
	free_strings(names, n);
	return rc;
}

/* Notes each trigger's length. */
static void
index_triggers(struct priv_params *p)
{
	size_t k;

	p->trigger_len = xmalloc((p->ntriggers + 1) * sizeof(*p->trigger_len));
	for (k = 0; k < p->ntriggers; k++)
		p->trigger_len[k] = strlen(p->triggers[k]);
}

static int
parse_names(struct rparam *rp, struct priv_params *p)
{
	char *surnames = NULL;
	size_t i = 0, n;
	int rc = 0;

	if (rp_strings(rp, "triggers", false, &p->triggers, &p->ntriggers) != 0)
		rc = -1;
	if (rp_strings(rp, "not_names", false, &p->not_names, &p->nnot_names) != 0)
		rc = -1;
	if (rp_string(rp, "surnames", false, &surnames) != 0)
		rc = -1;
	if (rp_int(rp, "name_min", false, 2, 4, &p->name_min) != 0)
		rc = -1;
	if (rp_int(rp, "name_max", false, 2, 4, &p->name_max) != 0)
		rc = -1;
	if (rc != 0) {
		free(surnames);
		return rc;
	}
	if (p->on[PRIV_NAME] && (p->ntriggers == 0 || surnames == NULL)) {
		rp_error(rp, NULL, "name 需要 triggers 与 surnames（name needs triggers and "
		    "surnames）");
		free(surnames);
		return -1;
	}
	n = surnames != NULL ? strlen(surnames) : 0;
	p->surnames = xmalloc((n + 1) * sizeof(*p->surnames));
	while (i < n)
		p->surnames[p->nsurnames++] = utf8_next(surnames, n, &i);
	free(surnames);
	index_triggers(p);
	return 0;
}

static int
priv_parse(struct rule *r, struct rparam *rp)
{
	struct priv_params *p = xcalloc(1, sizeof(*p));
	int rc = 0;

	r->params = p;
	p->name_min = 2;
	p->name_max = 3;
	if (parse_detect(rp, p) != 0)
		rc = -1;
	if (rp_strings(rp, "not_after", false, &p->not_after, &p->nnot_after) != 0)
		rc = -1;
	if (parse_names(rp, p) != 0 || rc != 0)
		return -1;
	if (p->name_max < p->name_min) {
		rp_error(rp, "name_max", "name_max 不能小于 name_min（name_max must not be less than "
		    "name_min）");
		return -1;
	}
	return 0;
}

static bool
is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool
valid_date(int y, int m, int d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* Value of n digits at s. */
static int
digits_value(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* GB 11643: 17 digits, a valid birth date, and the check character. */
static bool
resident_id18(const char *d, size_t n)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const char check[] = "10X98765432";
	int sum = 0, y;
	size_t i;

	if (n != 18 || d[0] < '1')
		return false;
	for (i = 0; i < 17; i++) {
		if (!is_digit(d[i]))
			return false;
		sum += (d[i] - '0') * w[i];
	}
	y = digits_value(d + 6, 4);
	if (y < 1900 || y > 2099 || !valid_date(y, digits_value(d + 10, 2), digits_value(d + 12, 2)))
		return false;
	return check[sum % 11] == (d[17] == 'x' ? 'X' : d[17]);
}

/* The old 15-digit form: area code 11-82 and a valid 19YY birth date. */
static bool
resident_id15(const char *d, size_t n)
{
	int area;

	if (n != 15 || strchr(d, 'X') != NULL || strchr(d, 'x') != NULL)
		return false;
	area = digits_value(d, 2);
	return area >= 11 && area <= 82 &&
	    valid_date(1900 + digits_value(d + 6, 2), digits_value(d + 8, 2), digits_value(d + 10, 2));
}

static bool
luhn(const char *d, size_t n)
{
	int sum = 0, v;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_digit(d[n - 1 - i]))
			return false;
		v = d[n - 1 - i] - '0';
		if (i % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	return sum % 10 == 0;
}

/* The kind of personal number num is, or PRIV_NKINDS. */
static enum priv_kind
classify(const struct number *num)
{
	if (resident_id18(num->d, num->nd) || resident_id15(num->d, num->nd))
		return PRIV_ID;
	if (num->nd == 11 && num->d[0] == '1' && num->d[1] >= '3' && num->d[1] <= '9' &&
	    strchr(num->d, 'X') == NULL && strchr(num->d, 'x') == NULL)
		return PRIV_MOBILE;
	if (num->nd >= 16 && num->nd <= 19 && luhn(num->d, num->nd))
		return PRIV_CARD;
	return PRIV_NKINDS;
}

/* Reads a number at t[i] (a digit not preceded by a digit or letter): digit groups joined by
 * single spaces or hyphens when each group has at least 3 digits; an X may end it. Returns
 * false when it runs on into letters or grows too long. */
static bool
read_number(const char *t, size_t i, size_t end, struct number *num)
{
	bool too_long = false;
	size_t g, j;

	num->nd = 0;
	num->start = i;
	for (;;) {
		for (g = 0; i < end && is_digit(t[i]); i++, g++) {
			if (num->nd < MAX_DIGITS)
				num->d[num->nd++] = t[i];
			else
				too_long = true;
		}
		num->end = i;
		j = i + 1;
		if (g < 3 || j >= end || (t[i] != ' ' && t[i] != '-') || !is_digit(t[j]))
			break;
		for (g = 0; j + g < end && is_digit(t[j + g]); g++)
			;
		if (g < 3)
			break;
		i = j;
	}
	if (num->end < end && (t[num->end] == 'X' || t[num->end] == 'x') && num->nd == 17)
		num->d[num->nd++] = t[num->end++];
	num->d[num->nd] = '\0';
	if (too_long)
		return false;
	return num->end >= end || !((t[num->end] >= 'a' && t[num->end] <= 'z') ||
	    (t[num->end] >= 'A' && t[num->end] <= 'Z') || is_digit(t[num->end]));
}

/* True when the text before offset i ends with a not_after label (spaces and colons
 * between are allowed). */
static bool
after_label(const struct priv_run *run, size_t start, size_t i)
{
	const char *t = run->c->doc->text;
	size_t k, n;

	while (i > start && (t[i - 1] == ' ' || t[i - 1] == ':'))
		i--;
	if (i >= start + 3 && memcmp(t + i - 3, "：", 3) == 0)
		i -= 3;
	for (k = 0; k < run->p->nnot_after; k++) {
		n = strlen(run->p->not_after[k]);
		if (i >= start + n && memcmp(t + i - n, run->p->not_after[k], n) == 0)
			return true;
	}
	return false;
}

/* True when the text before offset i ends with a label of a resident ID number
 * (身份证号码：, 公民身份号码 …): a number of its length there is one, check character or not. */
static bool
id_label_before(const char *t, size_t start, size_t i)
{
	static const char *const labels[] = {"身份证号码", "身份证号", "身份证", "公民身份号码",
	    "身份号码"};
	size_t k, n;

	while (i > start && (t[i - 1] == ' ' || t[i - 1] == ':'))
		i--;
	if (i >= start + 3 && (memcmp(t + i - 3, "：", 3) == 0 || memcmp(t + i - 3, "为", 3) == 0))
		i -= 3;
	if (i >= start + 3 && memcmp(t + i - 3, "是", 3) == 0)
		i -= 3;
	for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		n = strlen(labels[k]);
		if (i >= start + n && memcmp(t + i - n, labels[k], n) == 0)
			return true;
	}
	return false;
}

/* Writes num's digits with all but the first head and last four replaced by *. */
static void
mask_number(const struct number *num, size_t head, char *out, size_t cap)
{
	size_t i, n = 0;

	for (i = 0; i < num->nd && n + 1 < cap; i++)
		out[n++] = i < head || i + 4 >= num->nd ? num->d[i] : '*';
	out[n] = '\0';
}

static void
emit(struct priv_run *run, enum priv_kind k, size_t start, size_t end, const char *masked)
{
	const char *what = run->c->out->lang == LANG_EN ? kinds[k].en : kinds[k].zh;

	if (diag_add(run->c->out, run->r, start, end, "what", what, "masked", masked, NULL) ==
	    NULL)
		run->stop = 1;
}

static bool
in_contact(const struct doc *doc, size_t off)
{
	return doc->contact.present && off >= doc->contact.span.start &&
	    off < doc->contact.span.end;
}

static void
check_number(struct priv_run *run, struct span sp, const struct number *num)
{
	static const size_t head[PRIV_NKINDS] = {6, 3, 4, 0};
	enum priv_kind k = classify(num);
	char masked[MAX_DIGITS + 1];

	if (k != PRIV_ID && (num->nd == 18 || num->nd == 15) &&
	    id_label_before(run->c->doc->text, sp.start, num->start))
		k = PRIV_ID;

	if (k == PRIV_NKINDS || !run->p->on[k] || after_label(run, sp.start, num->start))
		return;
	if (k == PRIV_MOBILE && in_contact(run->c->doc, num->start))
		return;
	mask_number(num, head[k], masked, sizeof(masked));
	emit(run, k, num->start, num->end, masked);
}

/* Offset of the first ASCII digit in t[i, end), or end. Eight bytes are tested at a time:
 * with b7 the low seven bits of a byte, b7 + 0x50 reaches bit 7 when b7 >= '0', b7 + 0x46
 * when b7 > '9', and neither sum carries into the next byte. */
static size_t
next_digit(const char *t, size_t i, size_t end)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, high = 0x8080808080808080ull;
	uint64_t w, b7;

	for (; i + 8 <= end; i += 8) {
		memcpy(&w, t + i, 8);
		b7 = w & low7;
		if (((b7 + 0x5050505050505050ull) & ~(b7 + 0x4646464646464646ull) & ~w & high) != 0)
			break;
	}
	while (i < end && !is_digit(t[i]))
		i++;
	return i;
}

static void
scan_numbers(struct priv_run *run, struct span sp)
{
	const char *t = run->c->doc->text;
	struct number num;
	size_t i = sp.start;
	char prev;

	while (!run->stop && (i = next_digit(t, i, sp.end)) < sp.end) {
		prev = i > sp.start ? t[i - 1] : 0;
		if (is_digit(prev) || (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z')) {
			i++;
			continue;
		}
		if (read_number(t, i, sp.end, &num))
			check_number(run, sp, &num);
		i = num.end;
	}
}

static bool
is_surname(const struct priv_params *p, uint32_t cp)
{
	size_t i;

	for (i = 0; i < p->nsurnames; i++)
		if (p->surnames[i] == cp)
			return true;
	return false;
}

static bool
starts_with_any(const char *s, size_t n, char **v, size_t nv)
{
	size_t k, len;

	for (k = 0; k < nv; k++) {
		len = strlen(v[k]);
		if (len <= n && memcmp(s, v[k], len) == 0)
			return true;
	}
	return false;
}

/* A name right after a trigger ending at offset i: a surname and then Han characters up
 * to name_max in all, followed by a character that is not Han. */
static void
check_name(struct priv_run *run, struct span sp, size_t i)
{
	const char *t = run->c->doc->text;
	size_t j = i, n = 0, end = i, first;
	uint32_t cp;
	char masked[64];

	if (starts_with_any(t + i, sp.end - i, run->p->not_names, run->p->nnot_names))
		return;
	while (j < sp.end) {
		cp = utf8_next(t, sp.end, &j);
		if (!utf8_is_han(cp))
			break;
		if (n == 0 && !is_surname(run->p, cp))
			return;
		if (++n > (size_t)run->p->name_max)
			return;
		end = j;
	}
	if (n < (size_t)run->p->name_min)
		return;
	first = i;
	utf8_next(t, end, &first);
	snprintf(masked, sizeof(masked), "%.*s%s", (int)(first - i), t + i,
	    n == 2 ? "*" : n == 3 ? "**" : "***");
	emit(run, PRIV_NAME, i, end, masked);
}

/* Offset of the first occurrence of w (n bytes) in t[from, end), or SIZE_MAX; an empty w
 * occurs at from unless from is end. */
static size_t
find_word(const char *t, size_t from, size_t end, const char *w, size_t n)
{
	const char *hit;

	if (from >= end || n > end - from)
		return SIZE_MAX;
	hit = memmem(t + from, end - from, w, n);
	return hit != NULL ? (size_t)(hit - t) : SIZE_MAX;
}

/* Each offset where a trigger occurs, left to right; where several do, the first listed
 * counts. next[k] is trigger k's next occurrence. */
static void
scan_names(struct priv_run *run, struct span sp)
{
	const char *t = run->c->doc->text;
	const struct priv_params *p = run->p;
	size_t *next = xmalloc((p->ntriggers + 1) * sizeof(*next));
	size_t k, at;

	for (k = 0; k < p->ntriggers; k++)
		next[k] = find_word(t, sp.start, sp.end, p->triggers[k], p->trigger_len[k]);
	while (!run->stop) {
		at = SIZE_MAX;
		for (k = 0; k < p->ntriggers; k++)
			if (next[k] < at)
				at = next[k];
		if (at == SIZE_MAX)
			break;
		for (k = 0; next[k] != at; k++)
			;
		check_name(run, sp, at + p->trigger_len[k]);
		for (; k < p->ntriggers; k++)
			if (next[k] == at)
				next[k] = find_word(t, at + 1, sp.end, p->triggers[k], p->trigger_len[k]);
	}
	free(next);
}

static int
priv_span(const struct doc *doc, struct span sp, void *ctx)
{
	struct priv_run *run = ctx;

	(void)doc;
	if (run->p->on[PRIV_ID] || run->p->on[PRIV_MOBILE] || run->p->on[PRIV_CARD])
		scan_numbers(run, sp);
	if (run->p->on[PRIV_NAME] && !run->stop)
		scan_names(run, sp);
	return run->stop;
}

static void
priv_run(const struct rule *r, const struct check_ctx *c)
{
	struct priv_run run = {r, c, r->params, 0};

	(void)check_scope_each(c->doc, r->scope, priv_span, &run);
}

const struct check_type chk_privacy = {
	"privacy",
	"reports resident ID, mobile and bank card numbers and private persons' full names",
	priv_parse,
	priv_run,
	priv_free,
	"报告居民身份证号码、手机号码、银行卡号和个人全名",
};
