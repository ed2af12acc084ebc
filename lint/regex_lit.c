/* Required-literal analysis (see regex_lit.h): a small conservative reader of PCRE2 syntax
 * that tracks, per sequence, the longest run of plain characters every match must contain
 * and the most bytes a match can hold before it. Anything it does not model ends the
 * analysis with no literal, which only costs speed, never a match. */
#include <string.h>
#include "regex_lit.h"
#include "utf8.h"

/* Lengths above this count as unbounded (and keep products from overflowing). */
#define LEN_CAP ((size_t)1 << 20)
/* The most bytes one character class, dot or escape such as \d can match. */
#define CHAR_MAX_BYTES 4

/* How often the element before a quantifier may repeat. */
struct quant {
	bool present;
	bool required;   /* at least once */
	size_t max;      /* LEN_CAP when unbounded */
};

/* A literal found in a sequence and the longest match text that can precede it. */
struct cand {
	char text[REGEX_LIT_MAX];
	size_t len, prefix;
	bool bounded;
};

/* What is known of one sequence (a pattern, a group, or one branch of them). */
struct seq {
	size_t len;          /* most bytes the current branch can match so far */
	bool bounded;
	size_t alt_len;      /* most bytes of the branches already closed */
	bool alt_bounded;
	bool alt;            /* a '|' was seen at this level */
	struct cand best;    /* best literal of the current branch */
	struct cand run;     /* plain characters being collected */
};

struct reader {
	const char *p;
	bool fail;
};

static void
seq_init(struct seq *s)
{
	memset(s, 0, sizeof(*s));
	s->bounded = true;
	s->alt_bounded = true;
}

/* Adds up to n more bytes of match length. */
static void
grow(struct seq *s, size_t n, bool bounded)
{
	if (!bounded || n >= LEN_CAP || s->len + n >= LEN_CAP)
		s->bounded = false;
	else
		s->len += n;
}

/* Keeps c as the sequence's literal if it beats the current one: longer, or as long with a
 * bounded prefix. */
static void
offer(struct seq *s, const struct cand *c)
{
	if (c->len == 0)
		return;
	if (c->len > s->best.len || (c->len == s->best.len && c->bounded && !s->best.bounded))
		s->best = *c;
}

static void
end_run(struct seq *s)
{
	offer(s, &s->run);
	s->run.len = 0;
}

/* Reads a quantifier at r->p, if any; fails on a brace that is not a valid quantifier. */
static struct quant
read_quant(struct reader *r)
{
	struct quant q = {true, true, 1};
	size_t lo = 0, hi = 0;
	const char *p = r->p;

	switch (*p) {
	case '?':
		q.required = false;
		p++;
		break;
	case '*':
		q.required = false;
		q.max = LEN_CAP;
		p++;
		break;
	case '+':
		q.max = LEN_CAP;
		p++;
		break;
	case '{':
		p++;
		if (*p < '0' || *p > '9') {
			r->fail = true;
			return q;
		}
		while (*p >= '0' && *p <= '9' && lo < LEN_CAP)
			lo = lo * 10 + (size_t)(*p++ - '0');
		hi = lo;
		if (*p == ',') {
			p++;
			hi = LEN_CAP;
			if (*p >= '0' && *p <= '9')
				for (hi = 0; *p >= '0' && *p <= '9' && hi < LEN_CAP; p++)
					hi = hi * 10 + (size_t)(*p - '0');
		}
		if (*p != '}') {
			r->fail = true;
			return q;
		}
		p++;
		q.required = lo > 0;
		q.max = hi < LEN_CAP ? hi : LEN_CAP;
		break;
	default:
		q.present = false;
		return q;
	}
	if (*p == '?' || *p == '+')
		p++;
	r->p = p;
	return q;
}

/* Adds an element of at most n bytes, repeated as q says. */
static void
grow_quant(struct seq *s, size_t n, struct quant q)
{
	if (!q.present) {
		grow(s, n, true);
		return;
	}
	grow(s, q.max >= LEN_CAP || n * q.max >= LEN_CAP ? LEN_CAP : n * q.max,
	    q.max < LEN_CAP);
}

/* Skips an escape's argument: {...} (as of \x{41} or \p{Han}), else up to max characters
 * (two hex digits after \x, one letter after \p). */
static void
skip_arg(struct reader *r, size_t max)
{
	size_t k;

	if (*r->p == '{') {
		while (*r->p != '\0' && *r->p != '}')
			r->p++;
		if (*r->p == '}')
			r->p++;
		else
			r->fail = true;
	} else {
		for (k = 0; k < max && *r->p != '\0' && strchr("0123456789abcdefABCDEF", *r->p) != NULL;
		    k++)
			r->p++;
		if (max == 1 && k == 0 && *r->p != '\0')
			r->p++;
	}
}

/* Skips a character class starting at '['; fails if it does not end. */
static void
skip_class(struct reader *r)
{
	const char *p = r->p + 1;

	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p != '\0' && *p != ']') {
		/* POSIX classes ([:alpha:]) and \Q...\E quoting are not modelled: whether "[:"
		 * starts one depends on what follows, so such a class ends the analysis. */
		if ((*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) ||
		    (*p == '\\' && p[1] == 'Q')) {
			r->fail = true;
			return;
		}
		if (*p == '\\' && p[1] != '\0')
			p += 2;
		else
			p++;
	}
	if (*p != ']') {
		r->fail = true;
		return;
	}
	r->p = p + 1;
}

/* Appends one plain character (n bytes at c) to the sequence, or adds it as a repeated
 * element when a quantifier follows. */
static void
plain_char(struct reader *r, struct seq *s, const char *c, size_t n)
{
	struct quant q = read_quant(r);

	if (q.present) {
		end_run(s);
		grow_quant(s, n, q);
		return;
	}
	if (s->run.len + n > REGEX_LIT_MAX)
		end_run(s);
	if (s->run.len == 0) {
		s->run.prefix = s->len;
		s->run.bounded = s->bounded;
	}
	memcpy(s->run.text + s->run.len, c, n);
	s->run.len += n;
	grow(s, n, true);
}

/* Reads an escape after its backslash. */
static void
escape(struct reader *r, struct seq *s)
{
	char c = *r->p;
	size_t n;

	if (c == '\0') {
		r->fail = true;
		return;
	}
	if (strchr("dDwWsShHvVN", c) != NULL || c == 'p' || c == 'P' || c == 'x' || c == 'o' ||
	    strchr("tnrfae", c) != NULL) {
		r->p++;
		if (c == 'p' || c == 'P')
			skip_arg(r, 1);
		else if (c == 'x' || c == 'o')
			skip_arg(r, c == 'x' ? 2 : 0);
		end_run(s);
		grow_quant(s, CHAR_MAX_BYTES, read_quant(r));
		return;
	}
	if (strchr("bBAzZ", c) != NULL) {
		r->p++;
		end_run(s);
		if (read_quant(r).present)
			r->fail = true;
		return;
	}
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
		r->fail = true;    /* back references, \K, \G, \Q, \R, \X and the like */
		return;
	}
	n = utf8_seq_len((const unsigned char *)r->p, strlen(r->p));
	if (n == 0) {
		r->fail = true;
		return;
	}
	r->p += n;
	plain_char(r, s, r->p - n, n);
}

static void read_seq(struct reader *r, struct seq *s, bool nested);

/* The kind of group opened at r->p (just after '('); advances past its opener. */
enum group_kind { GROUP_PLAIN, GROUP_LOOK, GROUP_UNKNOWN };

static enum group_kind
open_group(struct reader *r)
{
	const char *p = r->p;

	if (*p != '?') {
		return *p == '*' ? GROUP_UNKNOWN : GROUP_PLAIN;
	}
	p++;
	if (*p == ':' || *p == '>') {
		r->p = p + 1;
		return GROUP_PLAIN;
	}
	if (*p == '=' || *p == '!') {
		r->p = p + 1;
		return GROUP_LOOK;
	}
	if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
		r->p = p + 2;
		return GROUP_LOOK;
	}
	if (*p == 'P' && p[1] == '<')
		p++;
	if (*p == '<' || *p == '\'') {
		char close = *p == '<' ? '>' : '\'';

		p = strchr(p + 1, close);
		if (p == NULL)
			return GROUP_UNKNOWN;
		r->p = p + 1;
		return GROUP_PLAIN;
	}
	return GROUP_UNKNOWN;   /* options, comments, conditions, recursion, branch reset */
}

/* Reads a group after its '(' up to and including ')'. */
static void
group(struct reader *r, struct seq *s)
{
	enum group_kind kind = open_group(r);
	struct seq in;
	struct quant q;
	struct cand c;

	end_run(s);
	if (kind == GROUP_UNKNOWN) {
		r->fail = true;
		return;
	}
	seq_init(&in);
	read_seq(r, &in, true);
	if (r->fail || *r->p != ')') {
		r->fail = true;
		return;
	}
	r->p++;
	q = read_quant(r);
	if (kind == GROUP_LOOK) {
		if (q.present)
			r->fail = true;
		return;
	}
	if (!q.present && !in.alt && in.best.len > 0) {
		c = in.best;
		c.bounded = c.bounded && s->bounded;
		c.prefix = c.bounded ? s->len + c.prefix : 0;
		offer(s, &c);
	}
	if (in.alt) {
		in.len = in.alt_len;
		in.bounded = in.alt_bounded;
	}
	if (!in.bounded)
		grow(s, 0, false);
	else
		grow_quant(s, in.len, q);
}

/* Closes the current branch at a '|' or at the end of the sequence. */
static void
close_branch(struct seq *s)
{
	end_run(s);
	if (!s->bounded)
		s->alt_bounded = false;
	else if (s->len > s->alt_len)
		s->alt_len = s->len;
}

/* Reads elements until the end of the pattern, or ')' when nested. */
static void
read_seq(struct reader *r, struct seq *s, bool nested)
{
	const char *c;
	size_t n;

	while (!r->fail && *r->p != '\0' && !(nested && *r->p == ')')) {
		switch (*r->p) {
		case '\\':
			r->p++;
			escape(r, s);
			break;
		case '(':
			r->p++;
			group(r, s);
			break;
		case ')':
		case '{':
		case '?':
		case '*':
		case '+':
			r->fail = true;
			break;
		case '|':
			r->p++;
			close_branch(s);
			s->alt = true;
			s->len = 0;
			s->bounded = true;
			break;
		case '^':
		case '$':
			r->p++;
			end_run(s);
			if (read_quant(r).present)
				r->fail = true;
			break;
		case '.':
			r->p++;
			end_run(s);
			grow_quant(s, CHAR_MAX_BYTES, read_quant(r));
			break;
		case '[':
			skip_class(r);
			end_run(s);
			if (!r->fail)
				grow_quant(s, CHAR_MAX_BYTES, read_quant(r));
			break;
		default:
			c = r->p;
			n = utf8_seq_len((const unsigned char *)c, strlen(c));
			if (n == 0) {
				r->fail = true;
				break;
			}
			r->p += n;
			plain_char(r, s, c, n);
			break;
		}
	}
	close_branch(s);
}

/* The index of the last continuation byte of text, else of its last byte. */
static size_t
rarest_byte(const char *text, size_t len)
{
	size_t i;

	for (i = len; i > 0; i--)
		if (((unsigned char)text[i - 1] & 0xC0) == 0x80)
			return i - 1;
	return len - 1;
}

const char *
regex_lit_find(const struct regex_lit *lit, const char *s, size_t n)
{
	const char *p, *end = s + n;
	size_t k = lit->rare;

	if (n < lit->len)
		return NULL;
	for (p = s + k; p < end; p++) {
		p = memchr(p, (unsigned char)lit->text[k], (size_t)(end - p));
		if (p == NULL || (size_t)(end - (p - k)) < lit->len)
			return NULL;
		if (memcmp(p - k, lit->text, lit->len) == 0)
			return p - k;
	}
	return NULL;
}

bool
regex_lit_analyse(const char *pattern, struct regex_lit *lit)
{
	struct reader r = {pattern, false};
	struct seq s;

	memset(lit, 0, sizeof(*lit));
	seq_init(&s);
	read_seq(&r, &s, false);
	if (r.fail || s.alt || s.best.len == 0)
		return false;
	memcpy(lit->text, s.best.text, s.best.len);
	lit->len = s.best.len;
	lit->rare = rarest_byte(lit->text, lit->len);
	lit->max_prefix = s.best.bounded ? s.best.prefix : REGEX_LIT_UNBOUNDED;
	return true;
}
