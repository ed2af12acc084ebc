/* Heading markers at a line start (一、 （一） 1. （1） ① 问题①) and the Chinese numerals
 * they use; no knowledge of the surrounding document. */
#include <string.h>
#include "numbering.h"
#include "utf8.h"

/* Characters that, right after a digit run, make it a quantity or a date rather than a
 * fused marker ("2025年", "10家", "3小时"). */
static const char *const quantity_chars =
    "年月日号时点分秒个项件家人名位次元万亿千百十岁周天届轮批期条款户所座台辆套份篇本张"
    "倍级类种起例床亩米吨斤克余多股班组支门路栋层处间场部成季度旬型只头块根片瓶盒箱袋枚"
    "把笔单";

static int
cn_digit(uint32_t cp)
{
	static const uint32_t digits[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	    0x516D, 0x4E03, 0x516B, 0x4E5D};  /* 〇一二三四五六七八九 */
	int v;

	for (v = 0; v < 10; v++)
		if (digits[v] == cp)
			return v;
	if (cp == 0x4E24)  /* 两 */
		return 2;
	return -1;
}

int
numbering_cn_value(const char *s, size_t len)
{
	size_t i = 0;
	int d1 = -1, d2 = -1;
	uint32_t cp;

	if (len == 0)
		return -1;
	cp = utf8_next(s, len, &i);
	if (cp != 0x5341) {  /* 十 */
		if ((d1 = cn_digit(cp)) < 0)
			return -1;
		if (i == len)
			return d1;
		cp = utf8_next(s, len, &i);
		if (cp != 0x5341 || d1 == 0)
			return -1;
	}
	if (i < len) {
		d2 = cn_digit(utf8_next(s, len, &i));
		if (d2 <= 0 || i != len)
			return -1;
	}
	return (d1 > 0 ? d1 : 1) * 10 + (d2 > 0 ? d2 : 0);
}

int
numbering_circled_value(unsigned cp)
{
	if (cp >= 0x2460 && cp <= 0x2473)  /* ①..⑳ */
		return (int)(cp - 0x2460) + 1;
	if (cp >= 0x3251 && cp <= 0x325F)  /* ㉑..㉟ */
		return (int)(cp - 0x3251) + 21;
	if (cp >= 0x32B1 && cp <= 0x32BF)  /* ㊱..㊿ */
		return (int)(cp - 0x32B1) + 36;
	return -1;
}

/* Value of an ASCII or fullwidth digit, or -1. */
static int
digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

/* Reads up to max digits at s[*i]; returns their count (0 if none) and the value in *v.
 * A run longer than max yields 0 so that years and phone numbers never count. */
static int
read_digits(const char *s, size_t len, size_t *i, int max, int *v)
{
	size_t j = *i, k;
	int n = 0, d;

	*v = 0;
	while (j < len) {
		k = j;
		if ((d = digit_value(utf8_next(s, len, &k))) < 0)
			break;
		if (++n > max)
			return 0;
		*v = *v * 10 + d;
		j = k;
	}
	*i = j;
	return n;
}

/* Reads a run of Chinese numeral characters (no 〇 or 两 at its head, at most three). */
static int
read_cn(const char *s, size_t len, size_t *i)
{
	size_t j = *i, k, start = *i;
	uint32_t cp;
	int n = 0;

	while (j < len && n < 4) {
		k = j;
		cp = utf8_next(s, len, &k);
		if (cp != 0x5341 && (cn_digit(cp) <= 0 || cp == 0x4E24))
			break;
		n++;
		j = k;
	}
	if (n == 0 || n > 3)
		return -1;
	*i = j;
	return numbering_cn_value(s + start, j - start);
}

static uint32_t
peek(const char *s, size_t len, size_t i)
{
	return i < len ? utf8_next(s, len, &i) : 0;
}

static size_t
skip_cp(const char *s, size_t len, size_t i)
{
	if (i < len)
		utf8_next(s, len, &i);
	return i;
}

static void
set(struct marker *m, enum marker_style style, int level, int ordinal, unsigned flags,
    size_t token_len)
{
	m->style = style;
	m->level = level;
	m->ordinal = ordinal;
	m->flags = flags;
	m->token_len = token_len;
	m->len = token_len;
}

/* 问题① 问题1： 问题：  (a problem label, level 5) */
static int
parse_problem(const char *s, size_t len, struct marker *m)
{
	static const char word[] = "问题";
	size_t i = sizeof(word) - 1, j;
	uint32_t cp;
	int v = -1;

	if (len < i || memcmp(s, word, i) != 0)
		return 0;
	cp = peek(s, len, i);
	if ((v = numbering_circled_value(cp)) > 0) {
		i = skip_cp(s, len, i);
	} else if (digit_value(cp) >= 0) {
		j = i;
		if (read_digits(s, len, &j, 2, &v) == 0 || v == 0)
			return 0;
		cp = peek(s, len, j);
		if (cp != 0xFF1A && cp != ':')
			return 0;
		i = j;
	} else if (cp != 0xFF1A && cp != ':') {
		return 0;
	}
	cp = peek(s, len, i);
	if (cp == 0xFF1A || cp == ':' || cp == 0x3001)  /* ： : 、 */
		i = skip_cp(s, len, i);
	set(m, MARK_PROBLEM, 5, v > 0 ? v : 0, v > 0 ? 0 : HEAD_NO_ORDINAL, i);
	return 1;
}

/* ① ②、 (level 5) */
static int
parse_circled(const char *s, size_t len, struct marker *m)
{
	size_t i = 0;
	int v = numbering_circled_value(utf8_next(s, len, &i));
	uint32_t cp;

	if (v < 0)
		return 0;
	cp = peek(s, len, i);
	if (cp == 0x3001 || cp == '.' || cp == 0xFF0E)
		i = skip_cp(s, len, i);
	set(m, MARK_CIRCLED, 5, v, 0, i);
	return 1;
}

/* （一） (一) （1） (1), with the misused "（一）、" kept in the token. */
static int
parse_paren(const char *s, size_t len, struct marker *m)
{
	size_t i = 0;
	uint32_t cp = utf8_next(s, len, &i);
	unsigned flags = 0;
	int v, cn = 0;

	if (cp == '(')
		flags |= HEAD_HALFWIDTH;
	else if (cp != 0xFF08)
		return 0;
	if (digit_value(peek(s, len, i)) >= 0) {
		if (read_digits(s, len, &i, 3, &v) == 0 || v == 0)
			return 0;
	} else {
		if ((v = read_cn(s, len, &i)) <= 0)
			return 0;
		cn = 1;
	}
	cp = peek(s, len, i);
	if (cp == ')')
		flags |= HEAD_HALFWIDTH;
	else if (cp != 0xFF09)
		return 0;
	i = skip_cp(s, len, i);
	if (peek(s, len, i) == 0x3001)
		i = skip_cp(s, len, i);
	if (cn)
		set(m, MARK_CN_PAREN, 2, v, flags, i);
	else
		set(m, MARK_AR_PAREN, 4, v, flags, i);
	return 1;
}

/* 一、 一． 一. (level 1) */
static int
parse_cn_dun(const char *s, size_t len, struct marker *m)
{
	size_t i = 0;
	int v = read_cn(s, len, &i);
	uint32_t cp;

	if (v <= 0)
		return 0;
	cp = peek(s, len, i);
	if (cp != 0x3001 && cp != 0xFF0E && cp != '.')
		return 0;
	set(m, MARK_CN_DUN, 1, v, 0, skip_cp(s, len, i));
	return 1;
}

static int
is_quantity_char(uint32_t cp)
{
	char buf[5];
	size_t n = utf8_encode(cp, buf);

	buf[n] = '\0';
	return strstr(quantity_chars, buf) != NULL;
}

/* 1. 1、 1． (level 3); 1) 1） (level 4); "2三救" (a digit fused to Han text). */
static int
parse_arabic(const char *s, size_t len, struct marker *m)
{
	size_t i = 0;
	int v, n = read_digits(s, len, &i, 2, &v);
	uint32_t cp;

	if (n == 0 || v == 0 || digit_value(peek(s, len, 0)) == 0)
		return 0;
	cp = peek(s, len, i);
	if (cp == '.' || cp == 0xFF0E || cp == 0x3001) {
		if (digit_value(peek(s, len, skip_cp(s, len, i))) >= 0)
			return 0;  /* a decimal such as 3.84 */
		set(m, MARK_AR_DOT, 3, v, 0, skip_cp(s, len, i));
		return 1;
	}
	if (cp == ')' || cp == 0xFF09) {
		set(m, MARK_AR_PAREN, 4, v, cp == ')' ? HEAD_HALFWIDTH : 0, skip_cp(s, len, i));
		return 1;
	}
	if (utf8_is_han(cp) && !is_quantity_char(cp)) {
		set(m, MARK_AR_PAREN, 4, v, HEAD_FUSED, i);
		return 1;
	}
	return 0;
}

/* ")主要负责人…": a level-2 marker that lost "(二". */
static int
parse_broken(const char *s, size_t len, struct marker *m)
{
	size_t i = 0;
	uint32_t cp = utf8_next(s, len, &i), next;

	if (cp != ')' && cp != 0xFF09)
		return 0;
	next = peek(s, len, i);
	if (!utf8_is_han(next) && next != 0x201C)
		return 0;
	set(m, MARK_CN_PAREN, 2, 0, HEAD_BROKEN | (cp == ')' ? HEAD_HALFWIDTH : 0), i);
	return 1;
}

int
numbering_parse(const char *s, size_t len, struct marker *m)
{
	size_t i, k;

	memset(m, 0, sizeof(*m));
	if (len == 0)
		return 0;
	if (!parse_problem(s, len, m) && !parse_circled(s, len, m) && !parse_paren(s, len, m) &&
	    !parse_cn_dun(s, len, m) && !parse_arabic(s, len, m) && !parse_broken(s, len, m))
		return 0;
	for (i = m->len; i < len; i = k) {
		k = i;
		if (!utf8_is_space(utf8_next(s, len, &k)))
			break;
	}
	m->len = i;
	return 1;
}
