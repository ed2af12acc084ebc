/* Fingerprints of a notice's problem statements and measures for cross-notice copy
 * detection: each line of each problem item (from the document model) is normalised as the
 * in-file repeat checks do (dupnorm.h: Han, letters and digits kept, case and width
 * folded), every window of SHINGLE_K kept characters is hashed, and winnowing (Schleimer,
 * Wilkerson, Aiken, "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003)
 * keeps the smallest hash of every SHINGLE_W consecutive windows. Two notices that share a
 * passage of SHINGLE_K + SHINGLE_W - 1 characters or more share at least one fingerprint;
 * a shared fingerprint is a shared passage of at least SHINGLE_K characters. */
#ifndef NL_REPO_SHINGLE_H
#define NL_REPO_SHINGLE_H
#include <stddef.h>
#include <stdint.h>

struct doc;

#define SHINGLE_K 50
#define SHINGLE_W 20

/* One kept window. */
struct shingle {
	uint64_t h;              /* hash of the window's normalised characters */
	uint32_t ci;             /* index of its first character in the line's normalised text */
	uint32_t line;           /* 0-based line of the notice */
	uint32_t col;            /* 1-based column (code points) of its first character */
	size_t start, end;       /* its bytes in the decoded text */
};

struct shingle_list {
	struct shingle *v;
	size_t n, cap;
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
/* Frees the list's array. */
void shingle_list_free(struct shingle_list *l);

#endif
