/* One-pass YAML loading for rule packs and project configurations: the document is built
 * from libyaml's event stream while aliases, anchors, extra documents and deep nesting are
 * refused, so no input is parsed twice and no alias is ever expanded. */
#ifndef NL_YAMLDOC_H
#define NL_YAMLDOC_H
#include <stddef.h>
#include <yaml.h>

enum yamldoc_problem {
	YAMLDOC_SYNTAX,     /* libyaml could not parse the text (problem, context set) */
	YAMLDOC_ALIAS,      /* an alias or an anchor */
	YAMLDOC_TOO_DEEP,   /* more than max_depth nested collections */
	YAMLDOC_MULTI,      /* a second document in the stream */
};

/* Why and where yamldoc_load failed; problem and context are libyaml's static texts. */
struct yamldoc_error {
	enum yamldoc_problem kind;
	yaml_mark_t mark;
	const char *problem;
	const char *context;
};

/* Parses buf[0..len) into doc (empty when the stream holds no document). Returns 0, or -1
 * with *err filled and doc left uninitialized. */
int yamldoc_load(yaml_document_t *doc, const char *buf, size_t len, int max_depth,
    struct yamldoc_error *err);

#endif
