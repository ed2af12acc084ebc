/* Flat form of a YAML document: a header of counts, one record of five 32-bit words per
 * node (kind and style, line, column, and two words: text offset and length for a scalar,
 * first link and count for a collection), the sequence links, the mapping pairs, then the
 * NUL-terminated scalar texts. Links are libyaml's 1-based node numbers; every link points
 * to a later node, as libyaml's composer numbers them, so a tree read back has no cycle. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "packtree.h"
#include "xalloc.h"

struct flat_head {
	uint32_t nnodes, nitems, npairs, ntext;
};

struct flat_node {
	uint32_t kind;      /* yaml_node_type_t | style << 8 */
	uint32_t line, col;
	uint32_t a, b;      /* scalar: text offset, length; collection: first link, count */
};

static void
put(struct strbuf *out, const void *p, size_t n)
{
	strbuf_put(out, p, n);
}

void
packtree_encode(const yaml_document_t *doc, struct strbuf *out)
{
	const yaml_node_t *n;
	struct flat_head h = {0, 0, 0, 0};
	struct flat_node f;
	uint32_t items = 0, pairs = 0, text = 0;
	const yaml_node_item_t *it;
	const yaml_node_pair_t *pr;
	int32_t v[2];

	for (n = doc->nodes.start; n < doc->nodes.top; n++) {
		h.nnodes++;
		if (n->type == YAML_SCALAR_NODE)
			h.ntext += (uint32_t)n->data.scalar.length + 1;
		else if (n->type == YAML_SEQUENCE_NODE)
			h.nitems += (uint32_t)(n->data.sequence.items.top - n->data.sequence.items.start);
		else if (n->type == YAML_MAPPING_NODE)
			h.npairs += (uint32_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
	}
	put(out, &h, sizeof(h));
	for (n = doc->nodes.start; n < doc->nodes.top; n++) {
		memset(&f, 0, sizeof(f));
		f.line = (uint32_t)n->start_mark.line;
		f.col = (uint32_t)n->start_mark.column;
		if (n->type == YAML_SCALAR_NODE) {
			f.kind = (uint32_t)n->type | (uint32_t)n->data.scalar.style << 8;
			f.a = text;
			f.b = (uint32_t)n->data.scalar.length;
			text += f.b + 1;
		} else if (n->type == YAML_SEQUENCE_NODE) {
			f.kind = (uint32_t)n->type | (uint32_t)n->data.sequence.style << 8;
			f.a = items;
			f.b = (uint32_t)(n->data.sequence.items.top - n->data.sequence.items.start);
			items += f.b;
		} else {
			f.kind = (uint32_t)n->type | (uint32_t)n->data.mapping.style << 8;
			f.a = pairs;
			f.b = (uint32_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
			pairs += f.b;
		}
		put(out, &f, sizeof(f));
	}
	for (n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_SEQUENCE_NODE)
			for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
				v[0] = *it;
				put(out, v, sizeof(v[0]));
			}
	for (n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_MAPPING_NODE)
			for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
				v[0] = pr->key;
				v[1] = pr->value;
				put(out, v, sizeof(v));
			}
	for (n = doc->nodes.start; n < doc->nodes.top; n++)
		if (n->type == YAML_SCALAR_NODE)
			put(out, n->data.scalar.value, n->data.scalar.length + 1);
	strbuf_repeat(out, '\0', (8 - out->n % 8) % 8);
}

/* True when every link of a collection at node number self is a later node of the tree. */
static int
links_ok(const int32_t *v, size_t n, uint32_t self, uint32_t nnodes)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] <= (int32_t)self || (uint32_t)v[i] > nnodes)
			return 0;
	return 1;
}

/* Fills node x (number self, 1-based) from its record; 0, or -1 when out of range. */
static int
decode_node(const struct flat_head *h, const struct flat_node *f, int32_t *items,
		int32_t *pairs, unsigned char *text, uint32_t self, yaml_node_t *x)
{
	uint32_t type = f->kind & 0xFF, style = f->kind >> 8;

	x->start_mark.line = f->line;
	x->start_mark.column = f->col;
	x->end_mark = x->start_mark;
	if (type == YAML_SCALAR_NODE) {
		if (f->a >= h->ntext || f->b >= h->ntext - f->a || text[f->a + f->b] != '\0')
			return -1;
		x->type = YAML_SCALAR_NODE;
		x->tag = (yaml_char_t *)(uintptr_t)YAML_DEFAULT_SCALAR_TAG;
		x->data.scalar.value = text + f->a;
		x->data.scalar.length = f->b;
		x->data.scalar.style = (yaml_scalar_style_t)style;
		return 0;
	}
	if (type == YAML_SEQUENCE_NODE) {
		if (f->a > h->nitems || f->b > h->nitems - f->a ||
		    !links_ok(items + f->a, f->b, self, h->nnodes))
			return -1;
		x->type = YAML_SEQUENCE_NODE;
		x->tag = (yaml_char_t *)(uintptr_t)YAML_DEFAULT_SEQUENCE_TAG;
		x->data.sequence.items.start = items + f->a;
		x->data.sequence.items.end = x->data.sequence.items.top = items + f->a + f->b;
		x->data.sequence.style = (yaml_sequence_style_t)style;
		return 0;
	}
	if (type != YAML_MAPPING_NODE || f->a > h->npairs || f->b > h->npairs - f->a ||
	    !links_ok(pairs + 2 * (size_t)f->a, 2 * (size_t)f->b, self, h->nnodes))
		return -1;
	x->type = YAML_MAPPING_NODE;
	x->tag = (yaml_char_t *)(uintptr_t)YAML_DEFAULT_MAPPING_TAG;
	x->data.mapping.pairs.start = (yaml_node_pair_t *)(void *)(pairs + 2 * (size_t)f->a);
	x->data.mapping.pairs.end = x->data.mapping.pairs.top = x->data.mapping.pairs.start + f->b;
	x->data.mapping.style = (yaml_mapping_style_t)style;
	return 0;
}

/* Rebuilds doc from p[0..len) into nodes (room for nnodes, checked by the caller). */
static int
decode_nodes(const unsigned char *p, const struct flat_head *h, yaml_document_t *doc,
		yaml_node_t *nodes)
{
	const struct flat_node *f = (const struct flat_node *)(const void *)(p + sizeof(*h));
	unsigned char *base = (unsigned char *)(uintptr_t)p;
	int32_t *items, *pairs;
	uint32_t i;

	items = (int32_t *)(void *)(base + sizeof(*h) + (size_t)h->nnodes * sizeof(*f));
	pairs = items + h->nitems;
	doc->nodes.start = nodes;
	doc->nodes.end = doc->nodes.top = nodes + h->nnodes;
	for (i = 0; i < h->nnodes; i++) {
		memset(&nodes[i], 0, sizeof(nodes[i]));
		if (decode_node(h, &f[i], items, pairs, (unsigned char *)(pairs + 2 * (size_t)h->npairs),
		    i + 1, &nodes[i]) != 0)
			return -1;
	}
	return 0;
}

/* Reads and checks the counts of the flat form p[0..len); 0, or -1 when they do not fit. */
static int
read_head(const unsigned char *p, size_t len, struct flat_head *h)
{
	size_t need;

	if (len < sizeof(*h))
		return -1;
	memcpy(h, p, sizeof(*h));
	need = sizeof(*h) + (size_t)h->nnodes * sizeof(struct flat_node) + (size_t)h->nitems * 4 +
	    (size_t)h->npairs * 8 + h->ntext;
	if (h->nnodes > len / sizeof(struct flat_node) || h->nitems > len / 4 ||
	    h->npairs > len / 8 || h->ntext > len || need > len)
		return -1;
	return 0;
}

int
packtree_decode(const unsigned char *p, size_t len, yaml_document_t *doc)
{
	struct flat_head h;
	yaml_node_t *nodes;

	memset(doc, 0, sizeof(*doc));
	if (read_head(p, len, &h) != 0)
		return -1;
	if (h.nnodes == 0)
		return 0;
	nodes = xmalloc(h.nnodes * sizeof(*nodes));
	if (decode_nodes(p, &h, doc, nodes) != 0) {
		packtree_release(doc);
		return -1;
	}
	return 0;
}

int
packtree_decode_into(const unsigned char *p, size_t len, yaml_document_t *doc,
		struct packtree_room *room)
{
	struct flat_head h;

	memset(doc, 0, sizeof(*doc));
	if (read_head(p, len, &h) != 0)
		return -1;
	if (h.nnodes == 0)
		return 0;
	if (room->cap < h.nnodes) {
		/* Grown to the size asked, not doubled: what it held is not kept. */
		free(room->v);
		room->v = xmalloc(h.nnodes * sizeof(*room->v));
		room->cap = h.nnodes;
	}
	if (decode_nodes(p, &h, doc, room->v) != 0) {
		memset(doc, 0, sizeof(*doc));
		return -1;
	}
	return 0;
}

void
packtree_release(yaml_document_t *doc)
{
	free(doc->nodes.start);
	memset(doc, 0, sizeof(*doc));
}
