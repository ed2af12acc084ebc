/* The widest match of a rule pattern (see pattern_width.h), by recursive descent over the
 * PCRE2 syntax the rules use; anything else makes the width unbounded. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "pattern_width.h"

#define UNB PATTERN_WIDTH_UNBOUNDED
#define MAX_DEPTH 64

/* What a piece of pattern does from where it starts: how far it moves the position (adv)
 * and how far it reads (reach, at least adv: a positive lookahead reads without moving). */
struct width {
	size_t adv, reach;
};

struct walker {
	const char *p;
	int depth;
	bool bad;              /* a construct it does not model: the width is unbounded */
};

static size_t
sum(size_t a, size_t b)
{
	return a >= UNB || b >= UNB || a + b >= UNB ? UNB : a + b;
}

static size_t
times(size_t a, size_t n)
{
	if (a == 0 || n == 0)
		return 0;
	if (a >= UNB || n >= UNB || a > UNB / n)
		return UNB;
	return a * n;
}

static size_t
max_of(size_t a, size_t b)
{
	return a > b ? a : b;
}

/* Bytes of the UTF-8 sequence whose first byte is c (1 for a stray byte). */
static size_t
utf8_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Bytes of the UTF-8 encoding of code point v. */
static size_t
cp_len(unsigned long v)
{
	return v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4;
}

static bool
is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static struct width
fixed(size_t n)
{
	struct width w = {n, n};

	return w;
}

static struct width alternation(struct walker *w);

/* Skips the braces of \x{..}, \p{..}, \o{..} or \N{..} at w->p, if any; false when they
 * do not close. */
static bool
skip_braces(struct walker *w)
{
	const char *end;

	if (*w->p != '{')
		return true;
	if ((end = strchr(w->p, '}')) == NULL)
		return false;
	w->p = end + 1;
	return true;
}

/* An escape after its backslash, outside a class. */
static struct width
escape(struct walker *w)
{
	char c = *w->p;
	unsigned long v;
	char *end;

	if (c == '\0') {
		w->bad = true;
		return fixed(0);
	}
	w->p++;
	if (strchr("bBAzZGK", c) != NULL)
		return fixed(0);
	if (strchr("dDwWsShHvVNR", c) != NULL)
		return fixed(4);
	if (c == 'p' || c == 'P') {
		if (*w->p != '{')
			w->p++;
		else if (!skip_braces(w))
			w->bad = true;
		return fixed(4);
	}
	if (c == 'x') {
		if (*w->p == '{') {
			v = strtoul(w->p + 1, &end, 16);
			if (*end != '}') {
				w->bad = true;
				return fixed(0);
			}
			w->p = end + 1;
			return fixed(cp_len(v));
		}
		if (is_hex(*w->p))          /* \xhh: at most two digits, below U+0100 */
			w->p++;
		if (is_hex(*w->p))
			w->p++;
		return fixed(2);
	}
	if (c == '0') {
		while (*w->p >= '0' && *w->p <= '7')
			w->p++;
		return fixed(4);
	}
	if (c == 'c') {
		if (*w->p == '\0')
			w->bad = true;
		else
			w->p++;
		return fixed(1);
	}
	if (strchr("ntrfea", c) != NULL)
		return fixed(1);
	if ((c >= '1' && c <= '9') || strchr("gkQEXCoulLU", c) != NULL) {
		w->bad = true;   /* back references, quoting, \X, \C, \o and the like */
		return fixed(0);
	}
	w->p += utf8_len((unsigned char)c) - 1;   /* an escaped literal */
	return fixed(utf8_len((unsigned char)c));
}

/* A character class after its '['. */
static struct width
char_class(struct walker *w)
{
	size_t widest = 1;
	bool first = true;

	if (*w->p == '^') {
		widest = 4;
		w->p++;
	}
	for (;;) {
		char c = *w->p;

		if (c == '\0') {
			w->bad = true;
			return fixed(0);
		}
		if (c == ']' && !first) {
			w->p++;
			return fixed(widest);
		}
		first = false;
		if (c == '[' && w->p[1] == ':') {
			const char *end = strstr(w->p + 2, ":]");

			if (end == NULL) {
				w->bad = true;
				return fixed(0);
			}
			w->p = end + 2;
			widest = 4;
			continue;
		}
		if (c == '\\') {
			w->p++;
			if (*w->p == '\0') {
				w->bad = true;
				return fixed(0);
			}
			c = *w->p++;
			if (c == 'Q' || c == 'E') {
				w->bad = true;
				return fixed(0);
			}
			if (strchr("xpPoN", c) != NULL) {
				if (*w->p == '{') {
					if (!skip_braces(w)) {
						w->bad = true;
						return fixed(0);
					}
				} else if ((c == 'p' || c == 'P') && *w->p != '\0') {
					w->p++;          /* \pL: a one-letter property */
				}
				widest = 4;
			} else if (strchr("dDwWsShHvV", c) != NULL) {
				widest = 4;
			} else if ((unsigned char)c >= 0x80) {
				w->p += utf8_len((unsigned char)c) - 1;
				widest = 4;
			}
			continue;
		}
		if ((unsigned char)c >= 0x80) {
			widest = max_of(widest, utf8_len((unsigned char)c));
			w->p += utf8_len((unsigned char)c);
			continue;
		}
		w->p++;
	}
}

/* A group after its '('. */
static struct width
group(struct walker *w)
{
	struct width inner, none = {0, 0};
	const char *s = w->p;
	bool look_ahead = false, look_behind = false, negative = false;

	if (*s == '*') {
		w->bad = true;          /* verbs */
		return none;
	}
	if (*s == '?') {
		s++;
		if (*s == '#') {
			const char *end = strchr(s, ')');

			if (end == NULL)
				w->bad = true;
			else
				w->p = end + 1;
			return none;
		}
		if (*s == '=' || *s == '!') {
			look_ahead = true;
			negative = *s == '!';
			s++;
		} else if (s[0] == '<' && (s[1] == '=' || s[1] == '!')) {
			look_behind = true;
			s += 2;
		} else if (*s == ':' || *s == '>' || *s == '|') {
			s++;
		} else if (s[0] == '<' || s[0] == '\'' || (s[0] == 'P' && s[1] == '<')) {
			s += s[0] == 'P' ? 2 : 1;
			s += strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
			if (*s != '>' && *s != '\'') {
				w->bad = true;
				return none;
			}
			s++;
		} else {
			s += strspn(s, "sm-");   /* option letters the rules use */
			if (*s == ')') {
				w->p = s + 1;    /* an option setting: matches nothing */
				return none;
			}
			if (*s != ':') {
				w->bad = true;
				return none;
			}
			s++;
		}
	}
	w->p = s;
	if (++w->depth > MAX_DEPTH) {
		w->bad = true;
		return none;
	}
	inner = alternation(w);
	w->depth--;
	if (*w->p != ')') {
		w->bad = true;
		return none;
	}
	w->p++;
	if (look_behind || (look_ahead && negative))
		return none;
	if (look_ahead) {
		inner.adv = 0;
		return inner;
	}
	return inner;
}

/* Reads a {n}, {n,} or {n,m} at w->p into *lo and *hi (UNB when open); false, moving
 * nothing, when the brace is not a quantifier. */
static bool
braces(struct walker *w, size_t *lo, size_t *hi)
{
	const char *s = w->p + 1;
	char *end;
	unsigned long a, b;

	if (*s < '0' || *s > '9')
		return false;         /* "{" or "{,m}" */
	a = strtoul(s, &end, 10);
	if (*end == '}') {
		*lo = *hi = a;
		w->p = end + 1;
		return true;
	}
	if (*end != ',')
		return false;
	s = end + 1;
	if (*s == '}') {
		*lo = a;
		*hi = UNB;
		w->p = s + 1;
		return true;
	}
	if (*s < '0' || *s > '9')
		return false;
	b = strtoul(s, &end, 10);
	if (*end != '}')
		return false;
	*lo = a;
	*hi = b;
	w->p = end + 1;
	return true;
}

/* Applies the quantifiers after an atom of width a. */
static struct width
quantified(struct walker *w, struct width a)
{
	size_t lo, hi;

	for (;;) {
		if (*w->p == '?') {
			hi = 1;
			w->p++;
		} else if (*w->p == '*' || *w->p == '+') {
			hi = UNB;
			w->p++;
		} else if (*w->p == '{' && braces(w, &lo, &hi)) {
			(void)lo;
		} else {
			return a;
		}
		if (*w->p == '?' || *w->p == '+')   /* lazy or possessive */
			w->p++;
		a.reach = hi >= UNB && a.reach > 0 ? UNB : times(a.reach, hi);
		a.adv = hi >= UNB && a.adv > 0 ? UNB : times(a.adv, hi);
		if (a.reach < a.adv)
			a.reach = a.adv;
	}
}

/* One atom at w->p (not '|', ')' or the end). */
static struct width
atom(struct walker *w)
{
	unsigned char c = (unsigned char)*w->p;

	w->p++;
	switch (c) {
	case '(':
		return group(w);
	case '[':
		return char_class(w);
	case '\\':
		return escape(w);
	case '.':
		return fixed(4);
	case '^':
	case '$':
		return fixed(0);
	default:
		w->p += utf8_len(c) - 1;
		return fixed(utf8_len(c));
	}
}

/* Pieces up to '|', ')' or the end. */
static struct width
sequence(struct walker *w)
{
	struct width total = {0, 0}, piece;

	while (*w->p != '\0' && *w->p != '|' && *w->p != ')' && !w->bad) {
		piece = quantified(w, atom(w));
		total.reach = max_of(total.reach, sum(total.adv, piece.reach));
		total.adv = sum(total.adv, piece.adv);
	}
	return total;
}

/* Branches up to ')' or the end. */
static struct width
alternation(struct walker *w)
{
	struct width all = sequence(w), b;

	while (*w->p == '|' && !w->bad) {
		w->p++;
		b = sequence(w);
		all.adv = max_of(all.adv, b.adv);
		all.reach = max_of(all.reach, b.reach);
	}
	return all;
}

size_t
pattern_max_width(const char *pattern)
{
	struct walker w = {pattern, 0, false};
	struct width all = alternation(&w);

	if (w.bad || *w.p != '\0')
		return UNB;
	return all.reach >= UNB ? UNB : all.reach;
}
