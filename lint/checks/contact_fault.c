/* Judges the channels of the contact block against their real shapes: the Chinese numbering
 * plan for phones, RFC 5321/1035 for e-mail addresses, RFC 3986/1035 for web addresses, six
 * digits for postal codes, a place name for postal addresses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "contact_fault.h"
#include "i18n.h"
#include "utf8.h"

/* The digits of sp as ASCII (separators dropped, full-width ０-９ folded), at most
 * size - 1 of them. */
static void
digits(const char *text, struct span sp, char *buf, size_t size)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i, n = 0;

	for (i = sp.start; i < sp.end && n + 1 < size; i++) {
		if (u[i] >= '0' && u[i] <= '9') {
			buf[n++] = (char)u[i];
		} else if (i + 3 <= sp.end && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x90 &&
		    u[i + 2] <= 0x99) {
			buf[n++] = (char)('0' + u[i + 2] - 0x90);
			i += 2;
		}
	}
	buf[n] = '\0';
}

/* Fills out from the zh and en templates, their {name} placeholders taken from the
 * NULL-terminated name, value pairs; returns true (a fault was found). */
static bool
say(struct contact_fault *out, const char *zh, const char *en, ...)
{
	const char *kv[8];
	size_t n = 0;
	char *z, *e;
	va_list ap;

	va_start(ap, en);
	while (n + 2 <= sizeof(kv) / sizeof(kv[0]) && (kv[n] = va_arg(ap, const char *)) != NULL) {
		kv[n + 1] = va_arg(ap, const char *);
		n += 2;
	}
	va_end(ap);
	z = i18n_fill(zh, kv, n);
	e = i18n_fill(en, kv, n);
	(void)snprintf(out->zh, sizeof(out->zh), "%s", z);
	(void)snprintf(out->en, sizeof(out->en), "%s", e);
	free(z);
	free(e);
	return true;
}

/* n in decimal, for a placeholder. */
static const char *
count(size_t n, char buf[24])
{
	(void)snprintf(buf, 24, "%zu", n);
	return buf;
}

/* The character c as a string, for a placeholder. */
static const char *
chr1(char c, char buf[24])
{
	buf[0] = c;
	buf[1] = '\0';
	return buf;
}

/* Short numbers that need no area code (工业和信息化部《电信网编号计划（2017年版）》):
 * 11x/12x emergency and public service numbers (110, 119, 120, 122; 12388 纪检监察举报,
 * 12345 政务服务便民热线, 12315, 12320 …), 95xxx/96xxx service numbers, 400/800 numbers. */
static bool
is_service(const char *d)
{
	size_t n = strlen(d);

	if (n == 3 && d[0] == '1' && (d[1] == '1' || d[1] == '2'))
		return true;
	if (n == 5 && d[0] == '1' && d[1] == '2')
		return true;
	if ((n == 5 || n == 6) && d[0] == '9' && (d[1] == '5' || d[1] == '6'))
		return true;
	return n == 10 && (strncmp(d, "400", 3) == 0 || strncmp(d, "800", 3) == 0);
}

/* Three-digit area codes are 010 and 020–029; every other code has four digits. */
static bool
three_digit_code(const char *a)
{
	return strcmp(a, "010") == 0 || (a[0] == '0' && a[1] == '2');
}

enum phone_shape
contact_phone_shape(const char *text, const struct channel_fact *ch)
{
	struct contact_fault f;
	char l[32];

	if (contact_phone_fault(text, ch, &f))
		return PHONE_BROKEN;
	digits(text, ch->local, l, sizeof(l));
	if (is_service(l))
		return PHONE_SERVICE;
	if (strlen(l) == 11 && l[0] == '1')
		return PHONE_MOBILE;
	return PHONE_LANDLINE;
}

/* The local number of a number with area code a. */
static bool
local_fault(const char *a, const char *l, struct contact_fault *out)
{
	size_t na = strlen(a), nl = strlen(l);
	char num[24];

	if (nl == 0)
		return say(out, "区号“{p0}”后没有号码",
		    "nothing follows the area code '{p0}'", "p0", a, NULL);
	if (l[0] == '1' && is_service(l))
		return false;
	if (na == 3 && nl != 8)
		return say(out, "区号{p0}后的本地号码应为8位，“{p1}”有{p2}位",
		    "after the area code {p0} the local number has 8 digits; '{p1}' has {p2}",
		    "p0", a, "p1", l, "p2", count(nl, num), NULL);
	if (na == 4 && (nl < 7 || nl > 8))
		return say(out, "四位区号{p0}后的本地号码应为7位或8位，“{p1}”有{p2}位",
		    "after the four-digit area code {p0} the local number has 7 or 8 digits; "
		    "'{p1}' has {p2}",
		    "p0", a, "p1", l, "p2", count(nl, num), NULL);
	if (l[0] == '0' || l[0] == '1')
		return say(out, "本地号码“{p0}”以{p1}开头，本地号码以2至9开头",
		    "the local number '{p0}' begins with {p1}; local numbers begin with 2-9",
		    "p0", l, "p1", chr1(l[0], num), NULL);
	return false;
}

bool
contact_phone_fault(const char *text, const struct channel_fact *ch,
    struct contact_fault *out)
{
	char a[32], l[32];
	char num[24];
	size_t na, nl;

	if (ch->span.end == ch->span.start)
		return say(out, "标签后没有号码",
		    "no number follows the label", NULL);
	if (ch->extra_digits)
		return say(out, "号码后还有多余的数字组，应为“区号-号码”或“区号-号码-分机”",
		    "digit groups follow that fit no part; the shape is area code-number "
		    "(-extension)", NULL);
	digits(text, ch->area, a, sizeof(a));
	digits(text, ch->local, l, sizeof(l));
	na = strlen(a);
	nl = strlen(l);
	if (ch->area.end > ch->area.start) {
		if (a[0] != '0')
			return say(out, "区号“{p0}”不以0开头",
		    "the area code '{p0}' does not begin with 0", "p0", a, NULL);
		if (na < 3 || na > 4)
			return say(out, "区号“{p0}”有{p1}位，区号为3位或4位（010、0871）",
		    "the area code '{p0}' has {p1} digits; area codes have 3 or 4 (010, 0871)",
		    "p0", a, "p1", count(na, num), NULL);
		if (a[1] == '0')
			return say(out, "“{p0}”以00开头，00是国际长途字冠而非区号",
		    "'{p0}' begins with 00, the international prefix, not an area code",
		    "p0", a, NULL);
		if (na == 3 && !three_digit_code(a))
			return say(out, "“{p0}”不是区号：三位区号只有010和020至029，其余区号为四位",
		    "'{p0}' is no area code: the three-digit codes are 010 and 020-029, all "
		    "others have four digits",
		    "p0", a, NULL);
		if (na == 4 && (a[1] == '1' || a[1] == '2') && !(l[0] == '1' && is_service(l)))
			return say(out, "区号“{p0}”不存在：四位区号以03至09开头，01、02开头的是三位区号（010、02X）",
		    "the area code '{p0}' does not exist: four-digit codes begin with 03-09, "
		    "those beginning 01 or 02 have three digits (010, 02X)",
		    "p0", a, NULL);
		return local_fault(a, l, out);
	}
	if (l[0] == '0')
		return say(out, "“{p0}”以0开头却不够区号加号码的位数（10至12位）",
		    "'{p0}' begins with 0 but is too short for area code and number (10-12 "
		    "digits)",
		    "p0", l, NULL);
	if (is_service(l))
		return false;
	if (l[0] == '1') {
		if (nl == 11 && l[1] >= '3' && l[1] <= '9')
			return false;
		if (nl == 11)
			return say(out, "手机号码以13至19开头，“{p0}”以1{p1}开头",
		    "a mobile number begins with 13-19; '{p0}' begins with 1{p1}",
		    "p0", l, "p1", chr1(l[1], num), NULL);
		return say(out, "手机号码应为11位，“{p0}”有{p1}位",
		    "a mobile number has 11 digits; '{p0}' has {p1}",
		    "p0", l, "p1", count(nl, num), NULL);
	}
	if (nl < 7 || nl > 8)
		return say(out, "固定电话号码应为7位或8位（另加区号），“{p0}”有{p1}位",
		    "a landline number has 7 or 8 digits (after its area code); '{p0}' has "
		    "{p1}",
		    "p0", l, "p1", count(nl, num), NULL);
	return false;
}

/* Top-level labels that are typing slips for com/net/org/gov/edu, none of them delegated
 * (IANA Root Zone Database). */
static const char *const tld_slips[] = {
	"con", "cmo", "ocm", "comm", "coom", "cpm", "xom", "vom", "cim", "nte", "ogr", "gvo",
	"ogv", "eud", "cnn", "ccn",
};

/* A label of the domain: letters, digits and inner hyphens (RFC 1035 2.3.1). */
static bool
label_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 63 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* The domain part d (ASCII checked by the caller). */
static bool
domain_fault(const char *d, struct contact_fault *out)
{
	const char *dot = strrchr(d, '.'), *p, *q;
	size_t n, k;
	char tld[64];

	if (*d == '\0')
		return say(out, "@后没有域名",
		    "nothing follows the @: the domain is missing", NULL);
	if (dot == NULL)
		return say(out, "域名“{p0}”没有点，应为“名称.后缀”（如163.com、xx.gov.cn）",
		    "the domain '{p0}' has no dot; the shape is name.suffix (163.com, "
		    "xx.gov.cn)",
		    "p0", d, NULL);
	for (p = d; ; p = q + 1) {
		q = strchr(p, '.');
		n = q ? (size_t)(q - p) : strlen(p);
		if (!label_ok(p, n))
			return say(out, "域名“{p0}”中有空段或非法字符（只能用字母、数字和中间的连字符）",
		    "the domain '{p0}' has an empty part or a character other than letters, "
		    "digits and inner hyphens",
		    "p0", d, NULL);
		if (q == NULL)
			break;
	}
	n = strlen(dot + 1);
	for (k = 0; k < n; k++)
		if (!((dot[1 + k] >= 'a' && dot[1 + k] <= 'z') || (dot[1 + k] >= 'A' && dot[1 + k] <= 'Z')))
			return say(out, "顶级域名“{p0}”应全为字母",
		    "the top-level label '{p0}' is not all letters", "p0", dot + 1, NULL);
	if (n < 2)
		return say(out, "顶级域名“{p0}”只有一个字母，至少两个（cn、com）",
		    "the top-level label '{p0}' has one letter; it has at least two (cn, com)",
		    "p0", dot + 1, NULL);
	for (k = 0; k < n && k + 1 < sizeof(tld); k++)
		tld[k] = (char)(dot[1 + k] | 0x20);
	tld[k] = '\0';
	for (k = 0; k < sizeof(tld_slips) / sizeof(tld_slips[0]); k++)
		if (strcmp(tld, tld_slips[k]) == 0)
			return say(out, "顶级域名“{p0}”不存在，是否应为com、net、org、gov、edu或cn",
		    "the top-level label '{p0}' does not exist; com, net, org, gov, edu or "
		    "cn was meant",
		    "p0", dot + 1, NULL);
	return false;
}

bool
contact_mail_fault(const char *text, const struct channel_fact *ch,
    struct contact_fault *out)
{
	char buf[320], name[320];
	char num[24];
	size_t n = ch->span.end - ch->span.start, i, at = 0, nat = 0;
	bool ascii = true, wide_at = false;

	if (n == 0)
		return say(out, "标签后没有地址",
		    "no address follows the label", NULL);
	if (n >= sizeof(buf)) {
		n = sizeof(buf) - 1;
		while (n > 0 && ((unsigned char)text[ch->span.start + n] & 0xC0) == 0x80)
			n--;    /* cut at a character boundary */
	}
	memcpy(buf, text + ch->span.start, n);
	buf[n] = '\0';
	for (i = 0; i < n; i++) {
		if (buf[i] == '@') {
			nat++;
			at = i;
		} else if ((unsigned char)buf[i] >= 0x80) {
			ascii = false;
		}
		if (strncmp(buf + i, "＠", 3) == 0)
			wide_at = true;
	}
	if (wide_at)
		return say(out, "用了全角“＠”，应为半角“@”",
		    "it has the full-width '＠'; the address needs the ASCII '@'", NULL);
	if (nat != 1)
		return say(out, "有{p0}个“@”，地址只能有一个",
		    "it has {p0} '@'; an address has exactly one", "p0", count(nat, num), NULL);
	memcpy(name, buf, at);
	name[at] = '\0';
	if (at == 0)
		return say(out, "@前没有用户名",
		    "nothing stands before the @: the name is missing", NULL);
	for (i = 0; i < at; i++)
		if ((unsigned char)name[i] >= 0x80)
			return say(out, "@前的用户名“{p0}”含非ASCII字符，应只用字母、数字和._%+-",
		    "the name '{p0}' before the @ is not ASCII; it takes letters, digits and "
		    "._%+-",
		    "p0", name, NULL);
	if (name[0] == '.' || name[at - 1] == '.' || strstr(name, "..") != NULL)
		return say(out, "用户名“{p0}”的点不能在首尾或连续出现",
		    "the name '{p0}' has a dot at its start or end, or two in a row",
		    "p0", name, NULL);
	if (!ascii)
		return say(out, "@后的域名“{p0}”含全角或非ASCII字符，应只用ASCII字母、数字、点和连字符",
		    "the domain '{p0}' after the @ is not ASCII; it takes ASCII letters, "
		    "digits, dots and hyphens",
		    "p0", buf + at + 1, NULL);
	return domain_fault(buf + at + 1, out);
}

bool
contact_postcode_fault(const char *text, const struct channel_fact *ch,
    struct contact_fault *out)
{
	char d[32];
	char num[24];
	size_t n;

	if (ch->span.end == ch->span.start)
		return say(out, "“邮编”后没有数字",
		    "no digits follow the label", NULL);
	digits(text, ch->span, d, sizeof(d));
	n = strlen(d);
	if (n != 6)
		return say(out, "邮政编码为6位数字（如653200），“{p0}”有{p1}位",
		    "a postal code has six digits (653200); '{p0}' has {p1}",
		    "p0", d, "p1", count(n, num), NULL);
	return false;
}

/* True when the ASCII prefix w (lower case) opens s, in any case. */
static bool
ci_starts(const char *s, const char *w)
{
	for (; *w != '\0'; s++, w++)
		if (*s == '\0' || (*s | 0x20) != *w)
			return false;
	return true;
}

/* True when the channel is written as an address (letters, digits, www., http…) rather than
 * as the name of a site (青川廉政网) or of a place. */
static bool
looks_like_url(const unsigned char *b)
{
	return (b[0] < 0x80 && ((b[0] | 0x20) >= 'a' && (b[0] | 0x20) <= 'z')) ||
	    (b[0] >= '0' && b[0] <= '9') ||
	    (b[0] == 0xEF && ((b[1] == 0xBC && b[2] >= 0x90) || (b[1] == 0xBD && b[2] <= 0x9A)));
}

bool
contact_web_fault(const char *text, const struct channel_fact *ch, struct contact_fault *out)
{
	char buf[320], host[320];
	const char *h;
	size_t n = ch->span.end - ch->span.start, i, k;
	bool dot = false, digits_only = true;

	if (n == 0 || n >= sizeof(buf))
		return false;
	memcpy(buf, text + ch->span.start, n);
	buf[n] = '\0';
	if (!looks_like_url((const unsigned char *)buf))
		return false;
	h = buf;
	if (strstr(buf, "://") != NULL && !ci_starts(buf, "http://") && !ci_starts(buf, "https://"))
		return say(out, "协议部分“{p0}”写错了，应为“http://”或“https://”",
		    "the scheme of '{p0}' is malformed; it is written http:// or https://",
		    "p0", buf, NULL);
	if (ci_starts(buf, "http")) {
		k = ci_starts(buf, "https") ? 5 : 4;
		if (strncmp(buf + k, "://", 3) != 0)
			return say(out, "协议部分“{p0}”写错了，应为“http://”或“https://”",
			    "the scheme of '{p0}' is malformed; it is written http:// or https://",
			    "p0", buf, NULL);
		h = buf + k + 3;
	}
	for (i = 0; h[i] != '\0' && h[i] != '/' && h[i] != '?' && h[i] != '#' && h[i] != ':' &&
	    strncmp(h + i, "／", 3) != 0 && i + 1 < sizeof(host); i++)
		host[i] = h[i];
	host[i] = '\0';
	if (i == 0)
		return say(out, "“{p0}”没有主机名", "'{p0}' has no host name", "p0", buf, NULL);
	if (strchr(host, ' ') != NULL || strstr(host, "　") != NULL)
		return say(out, "主机名“{p0}”中有空格，网址中不能有空格",
		    "the host '{p0}' has a space in it; a web address has none", "p0", host, NULL);
	for (i = 0; host[i] != '\0'; i++) {
		const unsigned char *u = (const unsigned char *)host + i;

		if (u[0] == 0xEF && (u[1] == 0xBC || u[1] == 0xBD))
			return say(out, "主机名“{p0}”含全角字符，应只用半角字母、数字、点和连字符",
			    "the host '{p0}' has full-width characters; it takes ASCII letters, "
			    "digits, dots and hyphens", "p0", host, NULL);
		if (u[0] >= 0x80)
			return false;    /* an internationalised name (.政务): not judged */
		if (u[0] == '.')
			dot = true;
		else if (u[0] < '0' || u[0] > '9')
			digits_only = false;
	}
	if (!dot)
		return say(out, "主机名“{p0}”没有点，应为“名称.后缀”（如www.xx.gov.cn）",
		    "the host '{p0}' has no dot; the shape is name.suffix (www.xx.gov.cn)",
		    "p0", host, NULL);
	if (digits_only)
		return false;    /* an IP address */
	return domain_fault(host, out);
}

bool
contact_address_fault(const char *text, const struct channel_fact *ch,
    struct contact_fault *out)
{
	size_t i, n = ch->span.end - ch->span.start;
	const char *v = text + ch->span.start;

	/* An empty value after a label and its colon (通讯地址：。); a label in running text
	 * with nothing after it is no channel. */
	if (n == 0)
		return ch->label.end > ch->label.start && ch->span.start > ch->label.end &&
		    say(out, "标签后没有地址", "no address follows the label", NULL);
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] >= 0x80 || v[i] == '.' || v[i] == '@' ||
		    ((v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z'))
			return false;
	return say(out, "地址中没有地名，应写明所在地和单位（如××县××路×号）",
	    "it names no place; an address gives the place and the office", NULL);
}
