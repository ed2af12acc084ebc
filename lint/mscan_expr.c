/* Prefilter expressions (see mscan_expr.h): a one-pass rewriter of PCRE2 syntax. Each rewrite
 * only widens what a piece can match, so the expression's matches cover the pattern's; a
 * construct whose widening is not obvious ends the rewrite with no expression. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "mscan_expr.h"
#include "strbuf.h"
#include "xalloc.h"

/* Every non-ASCII code point, and every code point. */
#define NON_ASCII "\\x{80}-\\x{10FFFF}"
#define ANY_CHAR "\\x{0}-\\x{10FFFF}"
/* \h and \v as PCRE2 defines them (fixed lists, the same with or without UCP). */
#define HSPACE "\\t \\x{a0}\\x{1680}\\x{180e}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}"
#define VSPACE "\\n\\x0b\\f\\r\\x{85}\\x{2028}\\x{2029}"
/* Everything UCP's \d (Unicode Nd) may take: all but ASCII non-digits, CJK punctuation
 * (U+3000-303F), the CJK ideograph blocks U+3400-4DBF and U+4E00-9FFF and the fullwidth
 * punctuation around the fullwidth digits (U+FF01-FF0F, U+FF1A-FF20), whose characters
 * are all assigned and none of them a decimal digit (Unicode Character Database). */
#define WIDE_DIGIT "0-9\\x{80}-\\x{2fff}\\x{3040}-\\x{33ff}\\x{4dc0}-\\x{4dff}" \
	"\\x{a000}-\\x{ff00}\\x{ff10}-\\x{ff19}\\x{ff21}-\\x{10ffff}"

/* A class escape: its members inside a class widened (a superset of what UCP matching
 * takes) and narrowed (a subset, for use inside a negated class, where fewer members mean
 * more matches). \s is UCP's Z category with tab, LF, VT, FF, CR; the widened list adds
 * NEL and U+180E. */
struct class_escape {
	char letter;
	const char *wide;
	const char *narrow;
};

static const struct class_escape class_escapes[] = {
	{'d', WIDE_DIGIT, "0-9"},
	{'w', "0-9A-Za-z_" NON_ASCII, "0-9A-Za-z_"},
	{'s', HSPACE VSPACE " ", "\\t\\n\\x0b\\f\\r "},
	{'h', HSPACE, HSPACE},
	{'v', VSPACE, VSPACE},
	{'D', "\\x{0}-/:-\\x{10FFFF}", "\\x{0}-/:-\\x7f"},
	{'W', "\\x{0}-/:-@\\[-\\^`\\{-\\x{10FFFF}", "\\x{0}-/:-@\\[-\\^`\\{-\\x7f"},
	{'S', "\\x{0}-\\x08\\x0e-\\x1f!-\\x{10FFFF}", "\\x{0}-\\x08\\x0e-\\x1f!-\\x7f"},
	{'H', "\\x{0}-\\x08\\x0a-\\x1f!-\\x{10FFFF}", "\\x{0}-\\x08\\x0a-\\x1f!-\\x7f"},
	{'V', "\\x{0}-\\x09\\x0e-\\x{10FFFF}", "\\x{0}-\\x09\\x0e-\\x7f"},
};

/* Of each top-level branch (a sequence of pieces) the rewrite keeps only a run of
 * consecutive pieces: it drops the optional pieces before the first one that must match,
 * and stops before an open repeat (* or +) that follows a kept piece, or after the last
 * piece that must match. The prefilter answers one question, whether a match can end in
 * (from, end]; a match of such a run ends inside every match of the branch, so the answer
 * stays right, and the dropped pieces (a leading [^。]*, a trailing \\s*) would otherwise
 * report an end at nearly every character or make the scan slow. */
struct rewriter {
	const char *p;        /* next pattern byte */
	const char *stop;     /* end of the pattern (or of the lookahead being rewritten) */
	struct strbuf out;
	bool atom;            /* the last output can take a quantifier */
	int depth;            /* open groups */
	size_t branch;        /* output where the current top-level branch starts */
	size_t keep;          /* output kept of it so far */
	bool kept;            /* a piece that must match is kept */
	bool done;            /* the branch's run is complete: the rest is parsed, not kept */
	size_t piece_end;     /* and where it ends */
	bool piece_open;      /* that piece is not yet settled */
	bool piece_needed;    /* it must match at least once */
	bool anchored;        /* keep the leading pieces: the output must match from where
	                         the text it stands for starts (a lookahead's content) */
	bool lead_dropped;    /* a branch lost a leading piece, so a match of the output may
	                         start after the match it stands for */
	const char *why;      /* set when the rewrite gives up */
};

static char *rewrite(const char *pattern, const char *stop, bool anchored, const char **why,
		bool *starts);

/* Settles the last top-level piece: kept when it must match (with whatever optional
 * pieces lie between it and the kept run), dropped when it is optional and leads. */
static void
settle(struct rewriter *w)
{
	if (!w->piece_open || w->done)
		return;
	w->piece_open = false;
	if (w->piece_needed) {
		w->keep = w->piece_end;
		w->kept = true;
	} else if (!w->kept && !w->anchored) {
		w->out.n = w->branch;       /* a leading optional piece (and any ^ before it) */
		w->keep = w->branch;
		w->lead_dropped = true;
	}
}

/* A top-level piece starts at the current output. */
static void
piece_start(struct rewriter *w)
{
	if (w->depth != 0)
		return;
	settle(w);
}

/* A top-level piece's atom has been written: it must match once unless a quantifier says
 * otherwise. */
static void
piece_end(struct rewriter *w)
{
	if (w->depth != 0 || w->done)
		return;
	w->piece_open = true;
	w->piece_needed = true;
	w->piece_end = w->out.n;
}

/* A quantifier of at least min repeats, open (no upper bound kept) or not, was written
 * after the last top-level piece. */
static void
piece_quantified(struct rewriter *w, unsigned long min, bool open)
{
	if (w->depth != 0 || !w->piece_open || w->done)
		return;
	if (open && w->kept) {
		w->piece_open = false;
		w->done = true;
		return;
	}
	w->piece_needed = min > 0;
	w->piece_end = w->out.n;
}

/* Ends the current top-level branch: only its kept run stays. */
static void
branch_end(struct rewriter *w)
{
	settle(w);
	if (!w->kept)
		w->lead_dropped = true;
	w->out.n = w->kept ? w->keep : w->branch;
	if (w->out.s != NULL)
		w->out.s[w->out.n] = '\0';
}

/* Starts a top-level branch at the current output. */
static void
branch_start(struct rewriter *w)
{
	w->branch = w->keep = w->out.n;
	w->kept = w->done = w->piece_open = false;
}

static bool
fail(struct rewriter *w, const char *why)
{
	if (w->why == NULL)
		w->why = why;
	return false;
}

static void
put(struct rewriter *w, const char *s)
{
	strbuf_put(&w->out, s, strlen(s));
}

static const struct class_escape *
find_class_escape(char c)
{
	size_t i;

	for (i = 0; i < sizeof(class_escapes) / sizeof(class_escapes[0]); i++)
		if (class_escapes[i].letter == c)
			return &class_escapes[i];
	return NULL;
}

static bool
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Bytes of the UTF-8 sequence led by c (1 for ASCII and stray bytes). */
static size_t
char_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Copies one literal character of the pattern (after any backslash) to the output. */
static void
copy_char(struct rewriter *w)
{
	size_t n = char_len((unsigned char)*w->p), k;

	for (k = 1; k < n && w->p[k] != '\0'; k++)
		;
	strbuf_put(&w->out, w->p, k);
	w->p += k;
}

/* Copies a character-code escape that starts at w->p (just after the backslash): \xhh,
 * \x{h...}, \o{...}, \cX, \0oo, \t \n \r \f \e \a. False when w->p is none of them. */
static bool
copy_code_escape(struct rewriter *w)
{
	const char *s = w->p;
	size_t n;

	if (*s == 'x' && s[1] == '{') {
		for (n = 2; is_hex(s[n]); n++)
			;
		if (n == 2 || s[n] != '}')
			return false;
		n++;
	} else if (*s == 'x') {
		for (n = 1; n < 3 && is_hex(s[n]); n++)
			;
		if (n == 1)
			return false;
	} else if (*s == 'o' && s[1] == '{') {
		for (n = 2; s[n] >= '0' && s[n] <= '7'; n++)
			;
		if (n == 2 || s[n] != '}')
			return false;
		n++;
	} else if (*s == 'c' && s[1] > ' ' && s[1] < 0x7f) {
		n = 2;
	} else if (*s == '0') {
		for (n = 1; n < 3 && s[n] >= '0' && s[n] <= '7'; n++)
			;
	} else if (*s != '\0' && strchr("tnrfea", *s) != NULL) {
		n = 1;
	} else {
		return false;
	}
	put(w, "\\");
	strbuf_put(&w->out, s, n);
	w->p += n;
	return true;
}

/* Copies an escape that stands for itself at w->p (just after the backslash): a character
 * code, a non-ASCII character, or an escaped punctuation mark; an escaped letter or digit
 * the rewriter does not model fails with reason. */
static bool
copy_plain_escape(struct rewriter *w, const char *reason)
{
	char c = *w->p;

	if (copy_code_escape(w))
		return true;
	if ((unsigned char)c >= 0x80) {
		copy_char(w);
		return true;
	}
	if (c == '\0' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	    (c >= 'a' && c <= 'z'))
		return fail(w, reason);
	put(w, "\\");
	strbuf_put(&w->out, &c, 1);
	w->p++;
	return true;
}

/* Skips the name after \p or \P: one letter or a {...} block. */
static bool
skip_property(struct rewriter *w)
{
	const char *close;

	if (*w->p == '{') {
		if ((close = strchr(w->p, '}')) == NULL)
			return fail(w, "unterminated \\p");
		w->p = close + 1;
	} else if (*w->p != '\0') {
		w->p++;
	}
	return true;
}

/* One member of a class after its backslash; negated: the class starts with ^. *single
 * is set when the member is one character (it may start a range). */
static bool
class_escape(struct rewriter *w, bool negated, bool *single)
{
	const struct class_escape *ce = find_class_escape(*w->p);
	char c = *w->p;

	*single = false;
	if (ce != NULL) {
		put(w, negated ? ce->narrow : ce->wide);
		w->p++;
		return true;
	}
	if (c == 'p' || c == 'P') {
		w->p++;
		if (!negated)
			put(w, ANY_CHAR);
		return skip_property(w);
	}
	*single = true;
	if (c == 'b') {        /* backspace inside a class */
		put(w, "\\x08");
		w->p++;
		return true;
	}
	return copy_plain_escape(w, "escape not modelled in a class");
}

/* Rewrites a class; w->p is just after its '['. */
static bool
rewrite_class(struct rewriter *w)
{
	size_t mark;
	bool negated = false, single = false, first = true;

	put(w, "[");
	if (*w->p == '^') {
		negated = true;
		put(w, "^");
		w->p++;
	}
	mark = w->out.n;
	for (;;) {
		char c = *w->p;

		if (c == '\0')
			return fail(w, "unterminated class");
		if (c == ']' && !first)
			break;
		first = false;
		if (c == '[' && (w->p[1] == ':' || w->p[1] == '.' || w->p[1] == '='))
			return fail(w, "POSIX class");
		if (c == '\\') {
			w->p++;
			if (!class_escape(w, negated, &single))
				return false;
			continue;
		}
		if (c == '-' && single && w->p[1] != ']') {
			put(w, "-");        /* a range between two single characters */
			w->p++;
			single = false;
			continue;
		}
		single = true;
		if (c == ']' || c == '[' || c == '-' || c == '^') {
			strbuf_put(&w->out, "\\", 1);
			strbuf_put(&w->out, &c, 1);
			w->p++;
			continue;
		}
		copy_char(w);
	}
	w->p++;
	if (negated && w->out.n == mark) {  /* every member dropped: [^] takes anything */
		w->out.n -= 2;
		w->out.s[w->out.n] = '\0';
		put(w, "[" ANY_CHAR);
	}
	put(w, "]");
	w->atom = true;
	return true;
}

/* Skips the rest of a group (a lookaround) whose opening is already consumed. */
static bool
skip_group(struct rewriter *w)
{
	int depth = 1;
	bool first;

	while (depth > 0) {
		char c = *w->p++;

		if (c == '\0')
			return fail(w, "unterminated group");
		if (c == '\\') {
			if (*w->p == 'Q')
				return fail(w, "\\Q");
			if (*w->p != '\0')
				w->p++;
		} else if (c == '[') {
			if (*w->p == '^')
				w->p++;
			for (first = true; *w->p != '\0' && (*w->p != ']' || first); first = false) {
				if (*w->p == '[' && strchr(":.=", w->p[1]) != NULL && w->p[1] != '\0')
					return fail(w, "POSIX class");
				w->p += *w->p == '\\' && w->p[1] != '\0' ? 2 : 1;
			}
			if (*w->p == ']')
				w->p++;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			depth--;
		}
	}
	return true;
}

static bool rewrite_escape_atom(struct rewriter *w, const struct class_escape *ce, char c);

/* Rewrites an escape outside a class; w->p is just after the backslash. */
static bool
rewrite_escape(struct rewriter *w)
{
	const struct class_escape *ce = find_class_escape(*w->p);
	char c = *w->p;

	if (c != '\0' && strchr("bBAzZGKE", c) != NULL) {
		w->p++;                    /* an assertion or \K: dropping it only widens */
		w->atom = false;
		return true;
	}
	piece_start(w);
	if (!rewrite_escape_atom(w, ce, c))
		return false;
	piece_end(w);
	return true;
}

/* Rewrites an escape that matches characters; w->p is at the letter after the backslash. */
static bool
rewrite_escape_atom(struct rewriter *w, const struct class_escape *ce, char c)
{
	w->atom = true;
	if (ce != NULL) {
		put(w, "[");
		put(w, ce->wide);
		put(w, "]");
		w->p++;
		return true;
	}
	if (c == 'p' || c == 'P') {
		w->p++;
		put(w, "[" ANY_CHAR "]");
		return skip_property(w);
	}
	if (c == 'N' && w->p[1] != '{') {
		put(w, "[^\\n]");
		w->p++;
		return true;
	}
	if (c == 'X') {
		put(w, "[" ANY_CHAR "]+");
		w->p++;
		w->atom = false;           /* a quantifier after it is not modelled */
		return true;
	}
	return copy_plain_escape(w, "escape not modelled (back reference, \\Q, \\R, ...)");
}

/* Writes the opening of a group whose content starts at body. */
static bool
open_group(struct rewriter *w, const char *body, const char *opening)
{
	piece_start(w);
	put(w, opening);
	w->p = body;
	w->depth++;
	return true;
}

/* A top-level lookahead whose content starts at body. When nothing but the end of the
 * branch follows it, it becomes a group that consumes: what it looks at lies inside the
 * subject, so a match of the whole still ends within [from, end]; elsewhere it is dropped. */
static bool
lookahead(struct rewriter *w, const char *body)
{
	const char *why, *after;
	char *inner, *copy;

	w->p = body;
	if (!skip_group(w))
		return false;
	after = w->p;
	while (after < w->stop && *after == '$')
		after++;
	if (after < w->stop && *after != '|')
		return true;
	copy = xstrndup(body, (size_t)(w->p - 1 - body));
	inner = rewrite(copy, copy + strlen(copy), true, &why, NULL);
	free(copy);
	if (inner != NULL && inner[0] != '\0') {
		piece_start(w);
		put(w, "(?:");
		put(w, inner);
		put(w, ")");
		piece_end(w);
	}
	free(inner);
	return true;
}

/* Rewrites the group opening at w->p (just after its '('). */
static bool
rewrite_group(struct rewriter *w)
{
	const char *s = w->p;
	size_t n;

	w->atom = false;
	if (*s == '*')
		return fail(w, "verb or alpha assertion");
	if (*s != '?')
		return open_group(w, s, "(?:");
	s++;
	if (*s == '=' && w->depth == 0)
		return lookahead(w, s + 1);
	if (*s == '=' || *s == '!' || (s[0] == '<' && (s[1] == '=' || s[1] == '!'))) {
		w->p = s + (*s == '<' ? 2 : 1);
		return skip_group(w);      /* a lookaround: dropping it only widens */
	}
	if (*s == '#') {
		if ((s = strchr(s, ')')) == NULL)
			return fail(w, "unterminated comment");
		w->p = s + 1;
		return true;
	}
	if (*s == ':' || *s == '|' || *s == '>')
		return open_group(w, s + 1, "(?:");
	if ((s[0] == '<' || s[0] == '\'') || (s[0] == 'P' && s[1] == '<')) {
		s += s[0] == 'P' ? 2 : 1;
		n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
		if (n == 0 || (s[n] != '>' && s[n] != '\''))
			return fail(w, "group name");
		return open_group(w, s + n + 1, "(?:");
	}
	n = strspn(s, "sm-");
	if (n > 0 && s[n] == ':') {
		piece_start(w);
		put(w, "(?");
		strbuf_put(&w->out, s, n + 1);
		w->p = s + n + 1;
		w->depth++;
		return true;
	}
	if (n > 0 && s[n] == ')') {      /* options for the rest of the pattern */
		if (w->out.n > 0 || w->depth > 0)
			return fail(w, "options after the start");
		put(w, "(?");
		strbuf_put(&w->out, s, n + 1);
		w->p = s + n + 1;
		branch_start(w);
		return true;
	}
	return fail(w, "option, recursion, conditional or back reference group");
}

/* Reads a {m}, {m,} or {m,n} quantifier at w->p; false when it is not one. */
static bool
read_braces(const char *s, unsigned long *min, unsigned long *max, size_t *len)
{
	char *end;

	if (s[1] < '0' || s[1] > '9')
		return false;
	*min = strtoul(s + 1, &end, 10);
	*max = *min;
	if (*end == ',') {
		if (end[1] == '}') {
			*max = (unsigned long)-1;
			end++;
		} else if (end[1] >= '0' && end[1] <= '9') {
			*max = strtoul(end + 1, &end, 10);
		} else {
			return false;
		}
	}
	if (*end != '}')
		return false;
	*len = (size_t)(end + 1 - s);
	return true;
}

/* Rewrites a quantifier (* + ? or braces) at w->p. */
static bool
rewrite_quantifier(struct rewriter *w)
{
	unsigned long min, max;
	size_t len = 1;

	if (*w->p == '{') {
		if (!read_braces(w->p, &min, &max, &len))
			return fail(w, "brace that is not a quantifier");
	} else {
		min = *w->p == '+' ? 1 : 0;
		max = *w->p == '?' ? 1 : (unsigned long)-1;
	}
	if (!w->atom)
		return fail(w, "quantifier after an assertion");
	if (max <= MSCAN_EXPR_MAX_REPEAT)
		strbuf_put(&w->out, w->p, len);
	else
		put(w, min == 0 ? "*" : "+");
	piece_quantified(w, min, max > MSCAN_EXPR_MAX_REPEAT);
	w->p += len;
	if (*w->p == '?' || *w->p == '+')    /* lazy or possessive: the ends are the same */
		w->p++;
	w->atom = false;
	return true;
}

/* Rewrites one piece of the pattern at w->p. */
static bool
rewrite_piece(struct rewriter *w)
{
	char c = *w->p;

	switch (c) {
	case '\\':
		w->p++;
		return rewrite_escape(w);
	case '[':
		w->p++;
		piece_start(w);
		if (!rewrite_class(w))
			return false;
		piece_end(w);
		return true;
	case '(':
		w->p++;
		return rewrite_group(w);
	case ')':
		put(w, ")");
		w->p++;
		w->atom = true;
		w->depth--;
		piece_end(w);
		return true;
	case '|':
		if (w->depth == 0)
			branch_end(w);
		put(w, "|");
		w->p++;
		w->atom = false;
		if (w->depth == 0)
			branch_start(w);
		return true;
	case '^':
		if (w->depth == 0 && (w->kept || w->piece_open))
			return fail(w, "^ inside a branch");
		put(w, "^");
		w->p++;
		w->atom = false;
		return true;
	case '$':
		w->p++;               /* an assertion: dropped */
		w->atom = false;
		return true;
	case '*':
	case '+':
	case '?':
	case '{':
		return rewrite_quantifier(w);
	case '.':
		piece_start(w);
		put(w, ".");
		w->p++;
		w->atom = true;
		piece_end(w);
		return true;
	case ']':
	case '}':
		piece_start(w);
		put(w, "\\");
		strbuf_put(&w->out, &c, 1);
		w->p++;
		w->atom = true;
		piece_end(w);
		return true;
	default:
		piece_start(w);
		copy_char(w);
		w->atom = true;
		piece_end(w);
		return true;
	}
}

/* Rewrites pattern[0, stop); anchored: as the content of a lookahead. *starts (when not
 * NULL) is set as mscan_expr says. */
static char *
rewrite(const char *pattern, const char *stop, bool anchored, const char **why, bool *starts)
{
	struct rewriter w;

	memset(&w, 0, sizeof(w));
	w.p = pattern;
	w.stop = stop;
	w.anchored = anchored;
	while (w.p < w.stop)
		if (!rewrite_piece(&w)) {
			free(w.out.s);
			*why = w.why;
			return NULL;
		}
	branch_end(&w);
	*why = NULL;
	if (starts != NULL)
		*starts = !w.lead_dropped;
	return strbuf_take(&w.out);
}

char *
mscan_expr(const char *pattern, const char **why, bool *starts)
{
	return rewrite(pattern, pattern + strlen(pattern), false, why, starts);
}
