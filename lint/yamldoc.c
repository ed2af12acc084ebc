/* Builds a libyaml document from the event stream in one pass, judging aliases, anchors,
 * document count and nesting depth on the way (see yamldoc.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "xalloc.h"
#include "yamldoc.h"

/* An open collection: its node id and, for a mapping, the key waiting for its value. */
struct frame {
	int node;
	int key;
};

/* The composer's state while events arrive. */
struct compose {
	yaml_document_t *doc;
	struct frame *stack;
	size_t depth, cap;
	int max_depth, ndocs;
	struct yamldoc_error *err;
};

/* The 1-based line and column of byte offset off in buf (columns count code points). */
static void
offset_mark(const char *buf, size_t len, size_t off, yaml_mark_t *mark)
{
	size_t i;

	mark->line = 0;
	mark->column = 0;
	mark->index = off;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			mark->line++;
			mark->column = 0;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			mark->column++;
		}
	}
}

static int
fail(struct compose *c, enum yamldoc_problem kind, const yaml_mark_t *mark, const char *problem)
{
	c->err->kind = kind;
	c->err->mark = *mark;
	c->err->problem = problem;
	c->err->context = NULL;
	return -1;
}

/* Hangs node id under the open collection, or leaves it as the root. */
static int
attach(struct compose *c, int id)
{
	struct frame *top;

	if (c->depth == 0)
		return 1;
	top = &c->stack[c->depth - 1];
	if (c->doc->nodes.start[top->node - 1].type == YAML_SEQUENCE_NODE)
		return yaml_document_append_sequence_item(c->doc, top->node, id);
	if (top->key == 0) {
		top->key = id;
		return 1;
	}
	id = yaml_document_append_mapping_pair(c->doc, top->node, top->key, id);
	top->key = 0;
	return id;
}

/* Records the event's position on the new node and attaches it; -1 when out of memory. */
static int
place(struct compose *c, int id, const yaml_event_t *ev)
{
	if (id == 0 || !attach(c, id))
		return fail(c, YAMLDOC_SYNTAX, &ev->start_mark, "out of memory");
	c->doc->nodes.start[id - 1].start_mark = ev->start_mark;
	c->doc->nodes.start[id - 1].end_mark = ev->end_mark;
	return 0;
}

/* The tag libyaml's own loader would give a node: the explicit one, else the default. */
static yaml_char_t *
tag_or(yaml_char_t *tag, const char *fallback)
{
	if (tag == NULL || strcmp((const char *)tag, "!") == 0)
		return (yaml_char_t *)(uintptr_t)fallback;
	return tag;
}

/* Opens a sequence or mapping node and pushes it. */
static int
open_collection(struct compose *c, const yaml_event_t *ev)
{
	bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
	int id;

	if (c->depth >= (size_t)c->max_depth)
		return fail(c, YAMLDOC_TOO_DEEP, &ev->start_mark, NULL);
	if (seq)
		id = yaml_document_add_sequence(c->doc,
		    tag_or(ev->data.sequence_start.tag, YAML_DEFAULT_SEQUENCE_TAG),
		    ev->data.sequence_start.style);
	else
		id = yaml_document_add_mapping(c->doc,
		    tag_or(ev->data.mapping_start.tag, YAML_DEFAULT_MAPPING_TAG),
		    ev->data.mapping_start.style);
	if (place(c, id, ev) != 0)
		return -1;
	c->stack = xgrow(c->stack, &c->cap, c->depth + 1, sizeof(*c->stack));
	c->stack[c->depth].node = id;
	c->stack[c->depth].key = 0;
	c->depth++;
	return 0;
}

/* Applies one event; -1 after filling the error. */
static int
compose_event(struct compose *c, yaml_event_t *ev)
{
	int id;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++c->ndocs > 1)
			return fail(c, YAMLDOC_MULTI, &ev->start_mark, NULL);
		return 0;
	case YAML_ALIAS_EVENT:
		return fail(c, YAMLDOC_ALIAS, &ev->start_mark, NULL);
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor != NULL)
			return fail(c, YAMLDOC_ALIAS, &ev->start_mark, NULL);
		id = yaml_document_add_scalar(c->doc,
		    tag_or(ev->data.scalar.tag, YAML_DEFAULT_SCALAR_TAG), ev->data.scalar.value,
		    (int)ev->data.scalar.length, ev->data.scalar.style);
		return place(c, id, ev);
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor != NULL)
			return fail(c, YAMLDOC_ALIAS, &ev->start_mark, NULL);
		return open_collection(c, ev);
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor != NULL)
			return fail(c, YAMLDOC_ALIAS, &ev->start_mark, NULL);
		return open_collection(c, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		c->depth--;
		c->doc->nodes.start[c->stack[c->depth].node - 1].end_mark = ev->end_mark;
		return 0;
	default:
		return 0;
	}
}

int
yamldoc_load(yaml_document_t *doc, const char *buf, size_t len, int max_depth,
    struct yamldoc_error *err)
{
	struct compose c = {doc, NULL, 0, 0, max_depth, 0, err};
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;
	int rc = 0;

	memset(err, 0, sizeof(*err));
	if (!yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1)) {
		err->kind = YAMLDOC_SYNTAX;
		err->problem = "out of memory";
		return -1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (rc == 0 && !done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			err->kind = YAMLDOC_SYNTAX;
			err->mark = parser.problem_mark;
			if (parser.error == YAML_READER_ERROR)
				offset_mark(buf, len, parser.problem_offset, &err->mark);
			err->problem = parser.problem;
			err->context = parser.context;
			rc = -1;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		rc = compose_event(&c, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	free(c.stack);
	if (rc != 0)
		yaml_document_delete(doc);
	return rc;
}
