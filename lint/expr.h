/* A tiny expression language for rules over named figures, such as
 * total == done + partial + open or rate == done * 100 / total. */
#ifndef NL_EXPR_H
#define NL_EXPR_H
#include <stdbool.h>
#include <stddef.h>

/* Numbers, names, + - * / and parentheses; comparisons == != < <= > >= (not chained);
 * && || !; above(name) and below(name), true when the figure was written with 以上/余/多 or
 * 以下/不足. */
struct expr;

/* The values an expression is evaluated with; names are the indices expr_names gives. */
struct expr_env {
	const double *value;     /* value of name i */
	const bool *bound;       /* false when name i has no value */
	const unsigned *flags;   /* NUM_* flags of name i (facts.h), for above()/below() */
	double tolerance;        /* == holds when the sides differ by at most this */
};

/* Compiles src; on error returns NULL, sets *err to a static English message and *erroff
 * to the byte offset in src. The caller frees the result with expr_free. */
struct expr *expr_compile(const char *src, const char **err, size_t *erroff);
/* Frees a compiled expression (NULL is fine). */
void expr_free(struct expr *e);
/* The names the expression uses, in order of first use; *n receives the count. The array
 * is owned by e. */
const char *const *expr_names(const struct expr *e, size_t *n);
/* Evaluates e: 1 true, 0 false, -1 when a name it needs is unbound or a division by zero
 * occurs. When the top of e is a comparison, *lhs and *rhs receive its two sides. */
int expr_eval(const struct expr *e, const struct expr_env *env, double *lhs, double *rhs);

#endif
