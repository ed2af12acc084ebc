/* A confusables lexicon: literal wrong forms with their corrections and the context that
 * must (or must not) surround them, matched all at once in one pass over a text. */
#ifndef NL_LEXICON_H
#define NL_LEXICON_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What one element of a context item matches. */
enum lex_class {
	LEX_LIT,      /* the code point cp */
	LEX_DIGIT,    /* {digit}: 0-9 or a fullwidth digit */
	LEX_NUM,      /* {num}: a digit or a Chinese numeral (〇一二…十百千两零) */
	LEX_HAN,      /* {han}: a Han character */
	LEX_NONHAN    /* {nonhan}: anything but a Han character, or the edge of the text */
};

struct lex_elem {
	uint32_t cp;
	unsigned char cls;    /* enum lex_class */
	bool plus;            /* one or more (greedy, no backtracking) */
};

/* One context item: a short sequence of elements, e.g. "委第{num}+". */
struct lex_item {
	struct lex_elem *v;
	size_t n;
};

struct lex_items {
	struct lex_item *v;
	size_t n;
};

/* One entry: the wrong literal and the four context lists (empty = no condition). */
struct lex_entry {
	char *wrong;
	size_t wlen;
	uint32_t first;               /* first code point of wrong */
	struct lex_items before;      /* one of these must end where the match starts */
	struct lex_items not_before;  /* none of these may end where the match starts */
	struct lex_items after;       /* one of these must start where the match ends */
	struct lex_items not_after;   /* none of these may start where the match ends */
};

/* An entry in the first-character index: its number and its wrong literal. */
struct lex_key {
	const char *wrong;
	uint32_t wlen, entry;
};

/* The run of index entries that start with code point cp (len 0: an empty slot). */
struct lex_slot {
	uint32_t cp, at, len;
};

#define LEX_FILTER_BITS 8192

struct lexicon {
	struct lex_entry *v;
	size_t n, cap;
	/* Index built by lexicon_build: entry numbers sorted by first code point, then by
	 * length (longest first), with each one's wrong literal beside it; an open-addressing
	 * table from a first code point to its run in that order; and two filters of
	 * LEX_FILTER_BITS bits that rule out most text positions before the table is probed:
	 * one bit per hash of the first two code points of an entry, and of the one code
	 * point of an entry that has only one. */
	struct lex_key *order;
	struct lex_slot *slots;
	size_t nslots;
	uint64_t pair[LEX_FILTER_BITS / 64];
	uint64_t single[LEX_FILTER_BITS / 64];
	/* One bit per BMP code point that some entry starts with: a text position whose
	 * character has none is passed over without a look at the filters. */
	uint64_t first[0x10000 / 64];
};

/* Parses a context item ("领", "委第{num}+", "{nonhan}"); 0 ok, -1 with a reason in *why. */
int lex_item_parse(const char *s, struct lex_item *out, const char **why);
/* Appends an entry for wrong (copied, valid non-empty UTF-8) and returns it, for the caller
 * to fill its context lists; NULL when wrong is empty or not valid UTF-8. */
struct lex_entry *lexicon_add(struct lexicon *lx, const char *wrong);
/* Builds the first-character index; call once after the last lexicon_add. */
void lexicon_build(struct lexicon *lx);
/* Calls fn(entry number, start, end, ctx) for each match that starts in [from, to) and ends
 * by to, left to right and without overlaps; at one position the longest entry whose
 * context holds wins. Context may look at all of text[0, len). Stops when fn returns
 * nonzero and returns that value, else 0. */
int lexicon_scan(const struct lexicon *lx, const char *text, size_t len, size_t from, size_t to,
		int (*fn)(size_t entry, size_t start, size_t end, void *ctx), void *ctx);
/* Removes the last entry added (rebuild the index before scanning again). */
void lexicon_pop(struct lexicon *lx);
/* Frees every entry and the index. */
void lexicon_free(struct lexicon *lx);

#endif
