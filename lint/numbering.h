/* Heading markers: 一、 （一） 1. （1） ① 问题① → style, level, ordinal. */
#ifndef NL_NUMBERING_H
#define NL_NUMBERING_H
#include <stddef.h>
#include "doc.h"

struct marker {
	enum marker_style style;
	int level;
	int ordinal;          /* 0 when the marker carries no number */
	unsigned flags;       /* HEAD_* */
	size_t len;           /* bytes of the marker including its separator and following spaces */
	size_t token_len;     /* bytes of the marker as written, without the following spaces */
};

/* Parses a marker at the start of s[0..len); returns 1 and fills m if one is found, else 0.
 * A digit fused to Han text ("2三救") is reported as level 4 with HEAD_FUSED (the segmenter
 * may move it to level 3 by context); ")…" is a level-2 marker with HEAD_BROKEN. */
int numbering_parse(const char *s, size_t len, struct marker *m);
/* Value of a Chinese numeral 一..九十九 (also 〇, 两) in s[0..len), or -1. */
int numbering_cn_value(const char *s, size_t len);
/* Value of a circled digit ①..⑳ (one code point), or -1. */
int numbering_circled_value(unsigned cp);

#endif
