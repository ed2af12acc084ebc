/* Fingerprints of a notice's problem statements and measures for cross-notice copy
 * detection: each line of each problem item (from the document model) is normalised as the
 * in-file repeat checks do (dupnorm.h: Han, letters and digits kept, case and width
 * folded), every window of SHINGLE_K kept characters is hashed, and winnowing (Schleimer,
 * Wilkerson, Aiken, "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003)
 * keeps the smallest hash of every SHINGLE_W consecutive windows. Two notices that share a
 * passage of SHINGLE_K + SHINGLE_W - 1 = 50 characters or more share at least one
 * fingerprint; the lines' text is kept with the fingerprints, so a shared fingerprint is
 * grown into the whole shared passage by comparing the two lines. */
#ifndef NL_REPO_SHINGLE_H
#define NL_REPO_SHINGLE_H
#include <stddef.h>
#include <stdint.h>

struct doc;

#define SHINGLE_K 25
#define SHINGLE_W 26

/* One kept window. */
struct shingle {
	uint64_t h;              /* hash of the window's normalised characters */
	uint32_t ci;             /* index of its first character in the line's normalised text */
	uint32_t line;           /* 0-based line of the notice */
	uint32_t col;            /* 1-based column (code points) of its first character */
	size_t start, end;       /* its bytes in the decoded text */
};

/* The content of one fingerprinted line, to grow a shared window into its passage. */
struct shingle_line {
	uint32_t line;           /* 0-based line of the notice */
	uint32_t col;            /* code points of the line before the content */
	size_t off;              /* byte offset of the content in the decoded text */
	char *text;              /* the content's bytes (owned), len of them */
	size_t len;
};

/* One kept character of a line's content. */
struct shingle_kept {
	uint32_t cp;             /* as dup_keep_cp folds it */
	uint32_t col;            /* 1-based column */
	size_t start, end;       /* its bytes in the decoded text */
};

struct shingle_list {
	struct shingle *v;
	size_t n, cap;
	struct shingle_line *lines;   /* by line */
	size_t nlines, lcap;
};

/* Appends the fingerprints of doc's problem items to out. */
void shingle_doc(const struct doc *doc, struct shingle_list *out);
/* The issuer of doc (signature issuers, else the title's), whitespace removed; NULL when
 * the model names none. The caller frees. */
char *shingle_issuer(const struct doc *doc);
/* The core of an issuer's name, the part a copied passage would name: without a leading
 * 中共 or 中国共产党 and a trailing 党组, 党委, 委员会 ... (owned; NULL when under three
 * characters remain). */
char *shingle_unit(const char *issuer);
/* The kept characters of l into *buf (grown; *cap its size); returns their number. */
size_t shingle_kept(const struct shingle_line *l, struct shingle_kept **buf, size_t *cap);
/* The line li of the list's lines, or NULL. */
const struct shingle_line *shingle_line_find(const struct shingle_line *v, size_t n,
		uint32_t li);
/* Frees the list's arrays. */
void shingle_list_free(struct shingle_list *l);

#endif
