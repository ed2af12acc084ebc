/* libFuzzer harness, differential: the Vectorscan-prefiltered search against plain PCRE2.
 * An input starting with byte 0x01 is read as choices for a small pattern grammar (literals,
 * classes, \d \s \h \w, quantifiers, groups, alternation, lookarounds, anchors) followed by
 * text drawn from an alphabet that mixes Chinese, ASCII, Unicode digits and spaces; any
 * other input is "PATTERN\nSUBJECT". Wherever the pattern compiles, regex_find with the
 * prefilter's hits bound (from the database serialised and read back, as a compiled pack
 * stores it) must find exactly the matches pcre2_match finds, over the whole subject and
 * over each line of it; any difference aborts. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "decode.h"
#include "mscan.h"
#include "regex.h"
#include "strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes the grammar reads its choices from. */
struct choices {
	const uint8_t *p;
	size_t n;
};

static unsigned
pick(struct choices *c, unsigned n)
{
	unsigned v = 0;

	if (c->n > 0) {
		v = *c->p++;
		c->n--;
	}
	return v % n;
}

static const char *const letters[] = {
	"巡", "察", "组", "反", "馈", "问", "题", "整", "改", "完", "成", "是", "一", "二",
	"年", "月", "日", "。", "，", "、", "（", "）", "—", "-", "a", "b", "1", "2", "０", "　",
};
/* Text characters: the letters and what the widened classes must take: Unicode digits
 * (Arabic-Indic, fullwidth, mathematical), spaces (no-break, em, ideographic), NEL, LS. */
static const char *const extra[] = {
	"\n", " ", "\t", "\xc2\xa0", "\xe2\x80\x83", "\xd9\xa3", "\xef\xbc\x95",
	"\xf0\x9d\x9f\x99", "\xc2\x85", "\xe2\x80\xa8", "_", "Z", "\xc3\xa9", "\xe3\x80\x87",
};

#define NLETTERS (sizeof(letters) / sizeof(letters[0]))
#define NEXTRA (sizeof(extra) / sizeof(extra[0]))

static void
put(struct strbuf *b, const char *s)
{
	strbuf_put(b, s, strlen(s));
}

static void gen_alt(struct choices *c, struct strbuf *b, int depth);

static void
gen_class(struct choices *c, struct strbuf *b)
{
	static const char *const escapes[] = {"\\d", "\\s", "\\h", "\\w", "\\D", "\\S", "\\v",
		"\\p{Han}", "0-9", "一-十"};
	unsigned i, n = 1 + pick(c, 3);

	put(b, pick(c, 3) == 0 ? "[^" : "[");
	for (i = 0; i < n; i++)
		put(b, pick(c, 2) ? letters[pick(c, NLETTERS)] : escapes[pick(c, 10)]);
	put(b, "]");
}

static void
gen_atom(struct choices *c, struct strbuf *b, int depth)
{
	static const char *const escapes[] = {"\\d", "\\s", "\\h", "\\w", "\\D", "\\S", "\\W",
		"\\H", "\\v", "\\V", ".", "\\p{Han}", "\\N", "\\X"};
	static const char *const opens[] = {"(?:", "(", "(?=", "(?!", "(?<n>", "(?>"};
	static const char *const zero[] = {"^", "$", "\\b", "\\B", "\\K", "\\z", "\\A"};

	switch (pick(c, depth > 2 ? 4 : 7)) {
	case 0:
	case 1:
		put(b, letters[pick(c, NLETTERS)]);
		break;
	case 2:
		put(b, escapes[pick(c, 14)]);
		break;
	case 3:
		gen_class(c, b);
		break;
	case 4:
		put(b, opens[pick(c, 6)]);
		gen_alt(c, b, depth + 1);
		put(b, ")");
		break;
	case 5:
		put(b, pick(c, 2) ? "(?<=" : "(?<!");
		put(b, letters[pick(c, NLETTERS)]);
		put(b, ")");
		break;
	default:
		put(b, zero[pick(c, 7)]);
		break;
	}
}

static void
gen_quantifier(struct choices *c, struct strbuf *b)
{
	static const char *const q[] = {"", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,6}",
		"{2,}", "{1,12}", "*?", "+?", "{0,40}?"};

	put(b, q[pick(c, 14)]);
}

static void
gen_seq(struct choices *c, struct strbuf *b, int depth)
{
	unsigned i, n = 1 + pick(c, 4);

	for (i = 0; i < n; i++) {
		gen_atom(c, b, depth);
		gen_quantifier(c, b);
	}
}

static void
gen_alt(struct choices *c, struct strbuf *b, int depth)
{
	gen_seq(c, b, depth);
	if (pick(c, 4) == 0) {
		put(b, "|");
		gen_seq(c, b, depth);
	}
}

/* The rest of the choices as text from the letters and extra characters. */
static void
gen_text(struct choices *c, struct strbuf *b)
{
	while (c->n > 0) {
		unsigned v = pick(c, NLETTERS + NEXTRA);

		put(b, v < NLETTERS ? letters[v] : extra[v - NLETTERS]);
	}
}

/* Walks both searches over text[from, end) side by side. */
static void
compare(const pcre2_code *code, const struct regex *re, const struct mscan_hits *h,
		const char *text, size_t from, size_t end)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	struct regex_match m;
	PCRE2_SIZE *ov;
	int want, got;

	if (md == NULL || mc == NULL)
		abort();
	pcre2_set_match_limit(mc, 100000);
	while (from <= end) {
		want = pcre2_match(code, (PCRE2_SPTR)text, end, from, PCRE2_NO_UTF_CHECK, md, mc);
		if (want < 0 && want != PCRE2_ERROR_NOMATCH)
			break;     /* a resource limit: the two sides may stop at different points */
		regex_bind_hits(h);
		got = regex_find(re, text, from, end, &m);
		regex_bind_hits(NULL);
		if (want == PCRE2_ERROR_NOMATCH) {
			if (got == 1)
				abort();
			break;
		}
		ov = pcre2_get_ovector_pointer(md);
		if (got != 1 || m.start != ov[0] || m.end != ov[1])
			abort();
		from = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		while (from < end && ((unsigned char)text[from] & 0xC0) == 0x80)
			from++;
	}
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
}

/* Compiles pattern both ways and compares the searches on text, whole and line by line. */
static void
check(const char *pattern, const char *text, size_t len)
{
	const char *list[1] = {pattern};
	struct mscan *built, *ms;
	struct mscan_hits h;
	struct regex *re;
	pcre2_code *code;
	char *err = NULL, *bytes;
	size_t erroff, start, end, nbytes;
	PCRE2_SIZE off;
	int code_err;

	re = regex_compile(pattern, &err, &erroff);
	free(err);
	if (re == NULL)
		return;
	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C, &code_err, &off, NULL);
	if (code == NULL)
		abort();
	/* The run scans with the database as a compiled pack stores it: serialised and read
	 * back, which must always succeed for the patterns it was built from. */
	built = mscan_build(list, 1);
	if (mscan_serialize(built, &bytes, &nbytes) != 0)
		abort();
	ms = mscan_deserialize(bytes, nbytes, list, 1);
	free(bytes);
	if (ms == NULL || mscan_accepted(ms, 0) != mscan_accepted(built, 0))
		abort();
	mscan_free(built);
	if (mscan_accepted(ms, 0))
		regex_set_scan_id(re, 0);
	mscan_scan(ms, text, len, &h);
	compare(code, re, &h, text, 0, len);
	for (start = 0; start < len; start = end + 1) {
		end = start;
		while (end < len && text[end] != '\n')
			end++;
		compare(code, re, &h, text, start, end);
	}
	mscan_hits_free(&h);
	mscan_free(ms);
	pcre2_code_free(code);
	regex_free(re);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct choices c = {data + 1, size > 0 ? size - 1 : 0};
	struct strbuf pat = {NULL, 0, 0}, txt = {NULL, 0, 0};
	const uint8_t *nl;
	struct decoded dec;
	char *pattern, *text;

	if (size > 0 && data[0] == 0x01) {
		gen_alt(&c, &pat, 0);
		gen_text(&c, &txt);
		pattern = strbuf_take(&pat);
		text = strbuf_take(&txt);
		check(pattern, text, strlen(text));
		free(pattern);
		free(text);
		return 0;
	}
	if ((nl = memchr(data, '\n', size)) == NULL)
		return 0;
	pattern = malloc((size_t)(nl - data) + 1);
	if (pattern == NULL)
		return 0;
	memcpy(pattern, data, (size_t)(nl - data));
	pattern[nl - data] = '\0';
	/* Subjects are decoded text, always valid UTF-8, as in the linter. */
	decode_utf8(&dec, nl + 1, size - (size_t)(nl - data) - 1);
	check(pattern, dec.text, dec.len);
	decoded_free(&dec);
	free(pattern);
	return 0;
}
