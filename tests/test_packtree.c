/* Unit tests: the compiled pack's pieces. A YAML document written flat and read back has
 * the same nodes (kinds, styles, positions, texts, links); every malformed flat form
 * (short, counts or offsets past the end, a text without its NUL, a link to itself or
 * backwards) is refused; recorded patterns come back in order and match as compiled;
 * a pattern out of order is compiled afresh rather than taken; one node room serves
 * documents of any size in turn. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#include "packtree.h"
#include "regex.h"
#include "regex_pack.h"
#include "strbuf.h"
#include "yamldoc.h"

static const char yaml_text[] =
	"rules:\n"
	"  - id: DEMO-001\n"
	"    message: {zh: \"示例\", en: 'demo'}\n"
	"    pattern: \"如果意见建议\"\n"
	"    examples:\n"
	"      flag: [\"如果意见建议，请反映。\"]\n"
	"      pass: |\n"
	"        如有意见建议，请反映。\n"
	"    enabled: ~\n";

/* Parses yaml_text and writes it flat into out. */
static void
encode_sample(yaml_document_t *doc, struct strbuf *out)
{
	struct yamldoc_error err;

	memset(out, 0, sizeof(*out));
	assert_int_equal(yamldoc_load(doc, yaml_text, strlen(yaml_text), 32, &err), 0);
	packtree_encode(doc, out);
	assert_int_equal(out->n % 8, 0);
}

static void
test_round_trip(void **state)
{
	yaml_document_t doc, back;
	struct strbuf flat;
	const yaml_node_t *a, *b;
	size_t n, i;

	(void)state;
	encode_sample(&doc, &flat);
	assert_int_equal(packtree_decode((const unsigned char *)flat.s, flat.n, &back), 0);
	n = (size_t)(doc.nodes.top - doc.nodes.start);
	assert_true(n > 10);
	assert_int_equal(back.nodes.top - back.nodes.start, (long)n);
	for (i = 0; i < n; i++) {
		a = &doc.nodes.start[i];
		b = &back.nodes.start[i];
		assert_int_equal(a->type, b->type);
		assert_int_equal(a->start_mark.line, b->start_mark.line);
		assert_int_equal(a->start_mark.column, b->start_mark.column);
		if (a->type == YAML_SCALAR_NODE) {
			assert_int_equal(a->data.scalar.length, b->data.scalar.length);
			assert_memory_equal(a->data.scalar.value, b->data.scalar.value,
			    a->data.scalar.length + 1);
			assert_int_equal(a->data.scalar.style, b->data.scalar.style);
		} else if (a->type == YAML_SEQUENCE_NODE) {
			assert_int_equal(a->data.sequence.items.top - a->data.sequence.items.start,
			    b->data.sequence.items.top - b->data.sequence.items.start);
			assert_memory_equal(a->data.sequence.items.start, b->data.sequence.items.start,
			    sizeof(int) * (size_t)(a->data.sequence.items.top -
			    a->data.sequence.items.start));
		} else {
			assert_int_equal(a->data.mapping.pairs.top - a->data.mapping.pairs.start,
			    b->data.mapping.pairs.top - b->data.mapping.pairs.start);
			assert_memory_equal(a->data.mapping.pairs.start, b->data.mapping.pairs.start,
			    sizeof(yaml_node_pair_t) * (size_t)(a->data.mapping.pairs.top -
			    a->data.mapping.pairs.start));
		}
	}
	/* Block scalar, quoted and plain styles survive: the loader tells null from "~". */
	assert_int_equal(back.nodes.start[n - 1].data.scalar.style, YAML_PLAIN_SCALAR_STYLE);
	packtree_release(&back);
	yaml_document_delete(&doc);
	free(flat.s);
}

/* The flat form's header words: nodes, items, pairs, text bytes. */
static void
head(const struct strbuf *flat, uint32_t h[4])
{
	memcpy(h, flat->s, 4 * sizeof(uint32_t));
}

static void
test_malformed(void **state)
{
	yaml_document_t doc, back;
	struct strbuf flat;
	unsigned char *bad;
	uint32_t h[4], w;
	size_t cut, need, node1;

	(void)state;
	encode_sample(&doc, &flat);
	head(&flat, h);
	need = 16 + 20 * (size_t)h[0] + 4 * (size_t)h[1] + 8 * (size_t)h[2] + h[3];
	assert_true(need <= flat.n);
	bad = malloc(flat.n);
	/* Every truncation short of the text's end is refused. */
	for (cut = 0; cut < need; cut += 7)
		assert_int_equal(packtree_decode((const unsigned char *)flat.s, cut, &back), -1);
	/* Counts larger than the bytes. */
	memcpy(bad, flat.s, flat.n);
	w = 0x7FFFFFFF;
	memcpy(bad, &w, 4);
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	memcpy(bad, flat.s, flat.n);
	memcpy(bad + 12, &w, 4);
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	/* The root mapping (node 1) linking to itself: a cycle. */
	memcpy(bad, flat.s, flat.n);
	node1 = 16;
	w = 1;
	memcpy(bad + 16 + 20 * (size_t)h[0] + 4 * (size_t)h[1], &w, 4);
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	/* A link past the last node. */
	w = h[0] + 1;
	memcpy(bad + 16 + 20 * (size_t)h[0] + 4 * (size_t)h[1], &w, 4);
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	/* The root's first pair offset past the pairs. */
	memcpy(bad, flat.s, flat.n);
	w = h[2];
	memcpy(bad + node1 + 12, &w, 4);
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	/* A scalar whose text lost its NUL: the last text byte overwritten. */
	memcpy(bad, flat.s, flat.n);
	bad[need - 1] = 'x';
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	/* An unknown node kind. */
	memcpy(bad, flat.s, flat.n);
	w = 9;
	memcpy(bad + node1, &w, 4);
	assert_int_equal(packtree_decode(bad, flat.n, &back), -1);
	/* Unchanged bytes still decode. */
	assert_int_equal(packtree_decode((const unsigned char *)flat.s, flat.n, &back), 0);
	packtree_release(&back);
	free(bad);
	yaml_document_delete(&doc);
	free(flat.s);
}

static void
test_patterns(void **state)
{
	static const char *const src[] = {"如果意见建议", "(\\d+)个问题", "[，,]{2,}"};
	struct regex_codes *rec = regex_codes_new(), *back;
	struct regex *re[3], *got;
	struct regex_match m;
	struct strbuf flat = {NULL, 0, 0};
	const char *text = "共有12个问题，，已整改";
	char *err;
	size_t off, i;

	(void)state;
	for (i = 0; i < 3; i++) {
		re[i] = regex_compile(src[i], &err, &off);
		assert_non_null(re[i]);
		regex_codes_add(rec, re[i]);
	}
	assert_int_equal(regex_codes_encode(rec, &flat), 0);
	assert_int_equal(flat.n % 8, 0);
	regex_codes_free(rec);
	back = regex_codes_decode((const unsigned char *)flat.s, flat.n);
	assert_non_null(back);
	/* Out of order: not taken (the caller compiles); in order: taken and equivalent. */
	assert_null(regex_codes_take(back, src[1]));
	for (i = 0; i < 3; i++) {
		struct regex_match want;
		int a, b;

		got = regex_codes_take(back, src[i]);
		assert_non_null(got);
		assert_string_equal(regex_source(got), src[i]);
		a = regex_find(got, text, 0, strlen(text), &m);
		b = regex_find(re[i], text, 0, strlen(text), &want);
		assert_int_equal(a, b);
		if (a == 1) {
			assert_int_equal(m.start, want.start);
			assert_int_equal(m.end, want.end);
		}
		regex_free(got);
	}
	assert_null(regex_codes_take(back, src[0]));
	regex_codes_free(back);
	/* Damaged lists are refused: short, or a count past the sources. */
	assert_null(regex_codes_decode((const unsigned char *)flat.s, 8));
	flat.s[0] = 100;
	assert_null(regex_codes_decode((const unsigned char *)flat.s, flat.n));
	for (i = 0; i < 3; i++)
		regex_free(re[i]);
	free(flat.s);
}

/* Asserts that a and b (n nodes each) are the same nodes. */
static void
same_nodes(const yaml_node_t *a, const yaml_node_t *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		assert_int_equal(a[i].type, b[i].type);
		assert_int_equal(a[i].start_mark.line, b[i].start_mark.line);
		assert_int_equal(a[i].start_mark.column, b[i].start_mark.column);
		assert_int_equal(a[i].start_mark.index, b[i].start_mark.index);
		assert_memory_equal(&a[i].data, &b[i].data, sizeof(a[i].data));
	}
}

/* One room serves documents of any size in turn: a large one, a small one, a malformed
 * one (refused, the document left empty) and the large one again, each the same nodes
 * as a document decoded on its own. */
static void
test_room(void **state)
{
	static const char small[] = "pack: x\nrules: [a, b]\n";
	struct packtree_room room = {NULL, 0};
	yaml_document_t doc, sdoc, own, got;
	struct strbuf flat, sflat = {NULL, 0, 0};
	struct yamldoc_error err;
	uint32_t h[4];
	size_t n, last;

	(void)state;
	encode_sample(&doc, &flat);
	head(&flat, h);
	last = 16 + 20 * (size_t)h[0] + 4 * (size_t)h[1] + 8 * (size_t)h[2] + h[3] - 1;
	assert_int_equal(yamldoc_load(&sdoc, small, strlen(small), 32, &err), 0);
	packtree_encode(&sdoc, &sflat);
	assert_int_equal(packtree_decode((const unsigned char *)flat.s, flat.n, &own), 0);
	n = (size_t)(own.nodes.top - own.nodes.start);
	assert_int_equal(packtree_decode_into((const unsigned char *)flat.s, flat.n, &got, &room), 0);
	assert_ptr_equal(got.nodes.start, room.v);
	assert_int_equal(got.nodes.top - got.nodes.start, (long)n);
	same_nodes(own.nodes.start, got.nodes.start, n);
	packtree_release(&own);
	assert_int_equal(packtree_decode((const unsigned char *)sflat.s, sflat.n, &own), 0);
	assert_int_equal(packtree_decode_into((const unsigned char *)sflat.s, sflat.n, &got,
	    &room), 0);
	assert_int_equal(got.nodes.top - got.nodes.start, own.nodes.top - own.nodes.start);
	assert_true((size_t)(got.nodes.top - got.nodes.start) < n);
	same_nodes(own.nodes.start, got.nodes.start, (size_t)(own.nodes.top - own.nodes.start));
	packtree_release(&own);
	flat.s[last] = 'x';   /* the last text loses its NUL */
	assert_int_equal(packtree_decode_into((const unsigned char *)flat.s, flat.n, &got, &room),
	    -1);
	assert_null(got.nodes.start);
	flat.s[last] = '\0';
	assert_int_equal(packtree_decode((const unsigned char *)flat.s, flat.n, &own), 0);
	assert_int_equal(packtree_decode_into((const unsigned char *)flat.s, flat.n, &got, &room), 0);
	same_nodes(own.nodes.start, got.nodes.start, n);
	packtree_release(&own);
	free(room.v);
	yaml_document_delete(&doc);
	yaml_document_delete(&sdoc);
	free(flat.s);
	free(sflat.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_room),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
