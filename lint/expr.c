/* The expression language of expr.h: a recursive-descent parser into a node array and a
 * tree-walking evaluator over doubles (truth is 1, falsehood 0). */
#include <stdlib.h>
#include <string.h>
#include "expr.h"
#include "facts.h"
#include "xalloc.h"

/* Deepest nesting accepted: rules are one line, so this only stops runaway input. */
#define EXPR_MAX_DEPTH 64

enum op {
	OP_NUM, OP_NAME, OP_ABOVE, OP_BELOW, OP_NEG, OP_NOT,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV,
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_AND, OP_OR
};

struct node {
	enum op op;
	double num;     /* OP_NUM */
	int name;       /* OP_NAME, OP_ABOVE, OP_BELOW */
	int a, b;       /* operands (node indices) */
};

struct expr {
	struct node *nodes;
	size_t nnodes, cap;
	char **names;
	size_t nnames, namecap;
	int root;
};

struct parser {
	const char *s;
	size_t pos;
	struct expr *e;
	const char *err;
	size_t erroff;
	int depth;
};

/* Binary operators by precedence level, lowest first; longer spellings before prefixes. */
static const struct {
	const char *text;
	enum op op;
	int level;
} binops[] = {
	{"||", OP_OR, 0}, {"&&", OP_AND, 1},
	{"==", OP_EQ, 2}, {"!=", OP_NE, 2}, {"<=", OP_LE, 2}, {">=", OP_GE, 2},
	{"<", OP_LT, 2}, {">", OP_GT, 2},
	{"+", OP_ADD, 3}, {"-", OP_SUB, 3}, {"*", OP_MUL, 4}, {"/", OP_DIV, 4},
};

#define LEVELS 5

static int parse_level(struct parser *p, int level);

static void
fail(struct parser *p, const char *msg)
{
	if (p->err == NULL) {
		p->err = msg;
		p->erroff = p->pos;
	}
}

static void
skip_space(struct parser *p)
{
	while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t')
		p->pos++;
}

static int
add_node(struct parser *p, enum op op, int a, int b)
{
	struct expr *e = p->e;

	e->nodes = xgrow(e->nodes, &e->cap, e->nnodes + 1, sizeof(*e->nodes));
	memset(&e->nodes[e->nnodes], 0, sizeof(*e->nodes));
	e->nodes[e->nnodes].op = op;
	e->nodes[e->nnodes].a = a;
	e->nodes[e->nnodes].b = b;
	return (int)e->nnodes++;
}

static bool
name_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	    (!first && c >= '0' && c <= '9');
}

/* Index of name [s, s+n) in the expression's names, added when new. */
static int
intern(struct expr *e, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < e->nnames; i++)
		if (strlen(e->names[i]) == n && memcmp(e->names[i], s, n) == 0)
			return (int)i;
	e->names = xgrow(e->names, &e->namecap, e->nnames + 1, sizeof(*e->names));
	e->names[e->nnames] = xstrndup(s, n);
	return (int)e->nnames++;
}

/* Reads a name at the cursor; returns its length (0 if none). */
static size_t
name_len(const struct parser *p)
{
	size_t n = 0;

	while (name_char(p->s[p->pos + n], n == 0))
		n++;
	return n;
}

/* above(name) or below(name), the cursor after the function name. */
static int
parse_call(struct parser *p, enum op op)
{
	size_t n;
	int node;

	skip_space(p);
	if (p->s[p->pos] != '(') {
		fail(p, "expected '(' after the function name");
		return -1;
	}
	p->pos++;
	skip_space(p);
	if ((n = name_len(p)) == 0) {
		fail(p, "expected a name");
		return -1;
	}
	node = add_node(p, op, -1, -1);
	p->e->nodes[node].name = intern(p->e, p->s + p->pos, n);
	p->pos += n;
	skip_space(p);
	if (p->s[p->pos] != ')') {
		fail(p, "expected ')'");
		return -1;
	}
	p->pos++;
	return node;
}

/* A number, a name, a call or a parenthesised expression. */
static int
parse_primary(struct parser *p)
{
	char *end;
	size_t n;
	int node;

	skip_space(p);
	if (p->s[p->pos] == '(') {
		p->pos++;
		node = parse_level(p, 0);
		skip_space(p);
		if (p->s[p->pos] != ')') {
			fail(p, "expected ')'");
			return -1;
		}
		p->pos++;
		return node;
	}
	if ((p->s[p->pos] >= '0' && p->s[p->pos] <= '9') || p->s[p->pos] == '.') {
		node = add_node(p, OP_NUM, -1, -1);
		p->e->nodes[node].num = strtod(p->s + p->pos, &end);
		p->pos = (size_t)(end - p->s);
		return node;
	}
	if ((n = name_len(p)) == 0) {
		fail(p, p->s[p->pos] ? "expected a number, a name or '('" : "unexpected end");
		return -1;
	}
	if ((n == 5 && memcmp(p->s + p->pos, "above", 5) == 0) ||
	    (n == 5 && memcmp(p->s + p->pos, "below", 5) == 0)) {
		enum op op = p->s[p->pos] == 'a' ? OP_ABOVE : OP_BELOW;

		p->pos += n;
		return parse_call(p, op);
	}
	node = add_node(p, OP_NAME, -1, -1);
	p->e->nodes[node].name = intern(p->e, p->s + p->pos, n);
	p->pos += n;
	return node;
}

/* Prefix - and !, then a primary. */
static int
parse_unary(struct parser *p)
{
	int a;

	skip_space(p);
	if ((p->s[p->pos] == '-' || p->s[p->pos] == '!') && p->s[p->pos + 1] != '=') {
		enum op op = p->s[p->pos] == '-' ? OP_NEG : OP_NOT;

		p->pos++;
		if (++p->depth > EXPR_MAX_DEPTH) {
			fail(p, "expression nested too deeply");
			return -1;
		}
		a = parse_unary(p);
		p->depth--;
		return a < 0 ? -1 : add_node(p, op, a, -1);
	}
	return parse_primary(p);
}

/* The binary operator of precedence level at the cursor, or -1. */
static int
binop_at(struct parser *p, int level)
{
	size_t k;

	skip_space(p);
	for (k = 0; k < sizeof(binops) / sizeof(binops[0]); k++) {
		size_t n = strlen(binops[k].text);

		if (strncmp(p->s + p->pos, binops[k].text, n) != 0)
			continue;
		return binops[k].level == level ? (int)k : -1;
	}
	return -1;
}

/* Left-associative operators of one precedence level; comparisons do not chain. */
static int
parse_level(struct parser *p, int level)
{
	int a, b, k;

	if (++p->depth > EXPR_MAX_DEPTH) {
		fail(p, "expression nested too deeply");
		return -1;
	}
	a = level + 1 < LEVELS ? parse_level(p, level + 1) : parse_unary(p);
	while (a >= 0 && (k = binop_at(p, level)) >= 0) {
		p->pos += strlen(binops[k].text);
		b = level + 1 < LEVELS ? parse_level(p, level + 1) : parse_unary(p);
		if (b < 0)
			a = -1;
		else
			a = add_node(p, binops[k].op, a, b);
		if (level == 2)
			break;
	}
	p->depth--;
	return a;
}

struct expr *
expr_compile(const char *src, const char **err, size_t *erroff)
{
	struct parser p = {src, 0, NULL, NULL, 0, 0};

	p.e = xcalloc(1, sizeof(*p.e));
	p.e->root = parse_level(&p, 0);
	skip_space(&p);
	if (p.err == NULL && src[p.pos] != '\0')
		fail(&p, "unexpected text after the expression");
	if (p.err != NULL || p.e->root < 0) {
		*err = p.err != NULL ? p.err : "invalid expression";
		*erroff = p.erroff;
		expr_free(p.e);
		return NULL;
	}
	*err = NULL;
	*erroff = 0;
	return p.e;
}

void
expr_free(struct expr *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nnames; i++)
		free(e->names[i]);
	free(e->names);
	free(e->nodes);
	free(e);
}

const char *const *
expr_names(const struct expr *e, size_t *n)
{
	*n = e->nnames;
	return (const char *const *)e->names;
}

static double
distance(double a, double b)
{
	return a > b ? a - b : b - a;
}

/* Evaluates node i into *v; false when a name is unbound or a division by zero occurs. */
static bool
eval(const struct expr *e, int i, const struct expr_env *env, double *v)
{
	const struct node *n = &e->nodes[i];
	double a = 0, b = 0;

	switch (n->op) {
	case OP_NUM:
		*v = n->num;
		return true;
	case OP_NAME:
		*v = env->value[n->name];
		return env->bound[n->name];
	case OP_ABOVE:
	case OP_BELOW:
		*v = (env->flags[n->name] & (n->op == OP_ABOVE ? NUM_ABOVE : NUM_BELOW)) != 0;
		return env->bound[n->name];
	default:
		break;
	}
	if (!eval(e, n->a, env, &a) || (n->b >= 0 && !eval(e, n->b, env, &b)))
		return false;
	switch (n->op) {
	case OP_NEG: *v = -a; break;
	case OP_NOT: *v = a == 0; break;
	case OP_ADD: *v = a + b; break;
	case OP_SUB: *v = a - b; break;
	case OP_MUL: *v = a * b; break;
	case OP_DIV:
		if (b == 0)
			return false;
		*v = a / b;
		break;
	case OP_EQ: *v = distance(a, b) <= env->tolerance + 1e-9; break;
	case OP_NE: *v = distance(a, b) > env->tolerance + 1e-9; break;
	case OP_LT: *v = a < b; break;
	case OP_LE: *v = a <= b; break;
	case OP_GT: *v = a > b; break;
	case OP_GE: *v = a >= b; break;
	case OP_AND: *v = a != 0 && b != 0; break;
	default: *v = a != 0 || b != 0; break;
	}
	return true;
}

int
expr_eval(const struct expr *e, const struct expr_env *env, double *lhs, double *rhs)
{
	const struct node *root = &e->nodes[e->root];
	double v;

	if (root->op >= OP_EQ && root->op <= OP_GE &&
	    (!eval(e, root->a, env, lhs) || !eval(e, root->b, env, rhs)))
		return -1;
	if (!eval(e, e->root, env, &v))
		return -1;
	return v != 0;
}
