/* A loaded YAML document in the compiled pack: its nodes (kind, style, position), scalar
 * texts and collection links written flat, and rebuilt as a libyaml document whose texts
 * and links point into the mapped file, without parsing anything. */
#ifndef NL_PACKTREE_H
#define NL_PACKTREE_H
#include <stddef.h>
#include <yaml.h>
#include "strbuf.h"

/* Appends the flat form of doc to out (whose length is a multiple of 8 on entry). */
void packtree_encode(const yaml_document_t *doc, struct strbuf *out);
/* Rebuilds doc from the flat form p[0..len) (8-byte aligned, kept mapped while doc is
 * used); only the node array is allocated. Returns 0, or -1 when the bytes are not a
 * well-formed tree (counts, offsets, links out of range or pointing backwards). */
int packtree_decode(const unsigned char *p, size_t len, yaml_document_t *doc);
/* Node room reused from one rebuilt document to the next (grown to the largest). */
struct packtree_room {
	yaml_node_t *v;
	size_t cap;
};

/* As packtree_decode, with the nodes in room: doc is valid until room is next used or
 * freed, and is not released. */
int packtree_decode_into(const unsigned char *p, size_t len, yaml_document_t *doc,
		struct packtree_room *room);
/* Frees what packtree_decode allocated. */
void packtree_release(yaml_document_t *doc);

#endif
