/* The genre's fixed vocabulary as the segmenter uses it: date lines, organisation names,
 * contact labels, field labels, status words and status tags. */
#include <string.h>
#include "seg.h"
#include "utf8.h"

/* Organisation name endings of issuers and signatures. */
static const char *const org_suffixes[] = {
	"党组", "党委", "委员会", "党工委", "总支", "支部", "局", "委", "会", "院", "中心",
	"办公室", "办", "政府", "厅", "部", "处", "所", "站", "队", "公司", "集团", "学校",
	"领导小组",
};

/* Labels that introduce contact details. */
static const char *const contact_labels[] = {
	"电话", "联系方式", "邮箱", "地址", "邮政编码", "邮编", "联系人", "传真", "手机", "信箱",
	"网址", "网站", "公众号", "来信请寄", "举报", "意见箱", "E-mail", "Email", "email",
};

/* Field labels with a known meaning. */
static const struct {
	const char *label;
	enum field_kind kind;
} field_labels[] = {
	{"整改结果", FIELD_RESULT},
	{"整改情况", FIELD_SITUATION},
	{"整改进展情况", FIELD_SITUATION},
	{"整改落实情况", FIELD_SITUATION},
	{"整改措施", FIELD_SITUATION},
	{"整改进度", FIELD_PROGRESS},
	{"整改进展", FIELD_PROGRESS},
	{"整改状态", FIELD_STATE},
	{"完成情况", FIELD_STATE},
};

/* Status words at the head of a status value, most specific first. */
static const struct {
	const char *word;
	enum item_status status;
} status_words[] = {
	{"阶段性完成", STATUS_PARTIAL},
	{"未完成", STATUS_OPEN},
	{"尚未完成", STATUS_OPEN},
	{"已完成", STATUS_DONE},
	{"完成", STATUS_DONE},
	{"已整改", STATUS_DONE},
	{"整改完成", STATUS_DONE},
	{"已销号", STATUS_DONE},
	{"正在", STATUS_ONGOING},
	{"持续推进", STATUS_ONGOING},
	{"推进中", STATUS_ONGOING},
	{"整改中", STATUS_ONGOING},
	{"长期坚持", STATUS_LONGTERM},
};

/* Characters of a date line besides digits: separators and 〇零一二三四五六七八九十年月日号. */
static const uint32_t date_chars[] = {
	'-', '.', '/', ' ', 0x00A0, 0x3000, 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
	0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341, 0x5E74, 0x6708, 0x65E5, 0x53F7,
};

static bool
is_date_cp(uint32_t cp, int *digits)
{
	size_t k;

	if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19)) {
		(*digits)++;
		return true;
	}
	for (k = 0; k < sizeof(date_chars) / sizeof(date_chars[0]); k++)
		if (date_chars[k] == cp)
			return true;
	return false;
}

bool
seg_is_date_line(const char *s, size_t n)
{
	size_t i = 0;
	int digits = 0, ncp = 0;
	uint32_t first;

	if (n == 0)
		return false;
	first = utf8_next(s, n, &i);
	i = 0;
	if (first == 0x5E74 || first == 0x6708 || first == 0x65E5 || first == 0x53F7 ||
	    first == '-' || first == '.' || first == '/')
		return false;
	while (i < n) {
		if (!is_date_cp(utf8_next(s, n, &i), &digits) || ++ncp > 24)
			return false;
	}
	if (seg_has(s, n, "年"))
		return digits >= 2 || (digits == 0 && ncp >= 4);
	return digits >= 6 && ncp >= 6;
}

/* True for a code point that never stands inside an organisation name. */
static bool
is_org_breaker(uint32_t cp)
{
	return !utf8_is_han(cp) && !seg_is_blank_cp(cp) && cp != 0xFF08 && cp != 0xFF09 &&
	    cp != '(' && cp != ')' && cp != 0x3001;
}

bool
seg_is_org_line(const char *s, size_t n)
{
	size_t i = 0, k, ncp = 0;

	if (seg_has(s, n, "关于"))
		return false;
	while (i < n) {
		if (is_org_breaker(utf8_next(s, n, &i)))
			return false;
		ncp++;
	}
	if (ncp < 4 || ncp > 60)
		return false;
	for (k = 0; k < sizeof(org_suffixes) / sizeof(org_suffixes[0]); k++)
		if (seg_ends(s, n, org_suffixes[k]))
			return true;
	return false;
}

bool
seg_is_contact_line(const char *s, size_t n)
{
	size_t k, at;

	if (seg_has(s, n, "欢迎") && seg_has(s, n, "监督"))
		return true;
	if (seg_has(s, n, "如有") && seg_has(s, n, "反映") &&
	    (seg_has(s, n, "意见") || seg_has(s, n, "建议")))
		return true;
	if (seg_starts(s, n, "电话：") || seg_starts(s, n, "电话:"))
		return true;
	for (k = 0; k < sizeof(contact_labels) / sizeof(contact_labels[0]); k++) {
		at = seg_find(s, n, contact_labels[k]);
		if (at == SEG_NONE)
			continue;
		at += strlen(contact_labels[k]);
		if (seg_starts(s + at, n - at, "：") || seg_starts(s + at, n - at, ":"))
			return true;
	}
	return false;
}

/* Length of the run of Han characters at the start of s, at most max code points. */
static size_t
han_run(const char *s, size_t n, int max, int *count)
{
	size_t i = 0, k;

	*count = 0;
	while (i < n && *count <= max) {
		k = i;
		if (!utf8_is_han(utf8_next(s, n, &k)))
			break;
		i = k;
		(*count)++;
	}
	return i;
}

int
seg_field_label(const char *s, size_t n, bool other, enum field_kind *kind,
    size_t *label_len, size_t *value_off)
{
	int count;
	size_t len = han_run(s, n, 8, &count), k, v;

	if (count < 2 || count > 8)
		return 0;
	if (seg_starts(s + len, n - len, "："))
		v = len + strlen("：");
	else if (seg_starts(s + len, n - len, ":"))
		v = len + 1;
	else
		return 0;
	*kind = FIELD_OTHER;
	for (k = 0; k < sizeof(field_labels) / sizeof(field_labels[0]); k++)
		if (strlen(field_labels[k].label) == len && memcmp(field_labels[k].label, s, len) == 0)
			*kind = field_labels[k].kind;
	if (*kind == FIELD_OTHER && !other)
		return 0;
	if (seg_starts(s + v, n - v, "**"))
		v += 2;
	*label_len = len;
	*value_off = seg_skip_space(s, n, v);
	return 1;
}

enum item_status
seg_status(const char *s, size_t n)
{
	size_t i = seg_skip_space(s, n, 0), k;

	if (seg_starts(s + i, n - i, "**"))
		i += 2;
	if (i >= n)
		return STATUS_NONE;
	for (k = 0; k < sizeof(status_words) / sizeof(status_words[0]); k++)
		if (seg_starts(s + i, n - i, status_words[k].word))
			return status_words[k].status;
	return STATUS_OTHER;
}

/* Bytes searched for the 】 of a status tag: 12 code points and the bracket. */
#define MAX_TAG_BYTES (12 * 4 + 3)

/* True when the text inside 【】 states a status rather than, say, a year. */
static bool
is_status_tag(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || seg_ncp_over(s, n, 12))
		return false;
	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return false;
	return seg_has(s, n, "完成") || seg_has(s, n, "整改") || seg_has(s, n, "推进") ||
	    seg_has(s, n, "坚持") || seg_has(s, n, "销号");
}

/* The start of a status in full-width parentheses that ends s[0..n) (……制度。（已完成）),
 * with *end past its ）; SEG_NONE when there is none. The words inside must open with a
 * status word: a parenthesis is read as a tag only at the end of a line and when it states
 * a status, never （试行） or （见附件）. */
static size_t
paren_tag(const char *s, size_t n, size_t *end)
{
	static const char open[] = "（", close[] = "）";
	size_t e = n, a, ol = sizeof(open) - 1, cl = sizeof(close) - 1, lim;

	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e < ol + cl || memcmp(s + e - cl, close, cl) != 0)
		return SEG_NONE;
	lim = e - cl > MAX_TAG_BYTES ? e - cl - MAX_TAG_BYTES : 0;
	for (a = e - cl; a > lim; a--)
		if (a >= ol && memcmp(s + a - ol, open, ol) == 0)
			break;
	if (a <= lim || a < ol)
		return SEG_NONE;
	if (!is_status_tag(s + a, e - cl - a) || seg_status(s + a, e - cl - a) == STATUS_OTHER)
		return SEG_NONE;
	*end = e;
	return a - ol;
}

int
seg_find_tag(const char *s, size_t n, size_t from, size_t *start, size_t *end)
{
	static const char open[] = "【", close[] = "】";
	size_t a, b, ol = sizeof(open) - 1, cl = sizeof(close) - 1, pe = 0;
	size_t pa = paren_tag(s, n, &pe);

	while (from < n) {
		a = seg_find(s + from, n - from, open);
		if (a == SEG_NONE || (pa != SEG_NONE && pa >= from && a + from > pa))
			break;
		a += from;
		/* A status tag is short: look for its end within MAX_TAG_BYTES only, so that a
		 * line of unclosed brackets stays linear. */
		b = seg_find(s + a + ol, n - a - ol < MAX_TAG_BYTES ? n - a - ol : MAX_TAG_BYTES,
		    close);
		if (b != SEG_NONE)
			b += a + ol;
		if (b != SEG_NONE && is_status_tag(s + a + ol, b - a - ol)) {
			*start = a;
			*end = b + cl;
			return 1;
		}
		from = a + ol;
	}
	if (pa != SEG_NONE && pa >= from) {
		*start = pa;
		*end = pe;
		return 1;
	}
	return 0;
}

/* True when out[0..count) already holds a name equal to text[a, b). */
static bool
known_org(const char *text, const struct span *out, int count, size_t a, size_t b)
{
	int k;

	for (k = 0; k < count; k++)
		if (out[k].end - out[k].start == b - a &&
		    memcmp(text + out[k].start, text + a, b - a) == 0)
			return true;
	return false;
}

void
seg_split_orgs(const char *text, struct span sp, struct span *out, int *count, int max)
{
	size_t i = sp.start, k, a = SEG_NONE;
	uint32_t cp;

	while (i <= sp.end) {
		k = i;
		cp = i < sp.end ? utf8_next(text, sp.end, &k) : ' ';
		if (i == sp.end)
			k = i + 1;
		if (seg_is_blank_cp(cp) || cp == 0x3001) {
			if (a != SEG_NONE && *count < max && !known_org(text, out, *count, a, i)) {
				out[*count].start = a;
				out[*count].end = i;
				(*count)++;
			}
			a = SEG_NONE;
		} else if (a == SEG_NONE) {
			a = i;
		}
		i = k;
	}
}
