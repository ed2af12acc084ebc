/* Fixes: collecting the edits of a file's diagnostics and applying them in order, encoding
 * the fixed text back into the file's own bytes, and the unified diff of --fix-dry-run. */
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fix.h"
#include "strbuf.h"
#include "xalloc.h"

static int
cmp_edit(const void *a, const void *b)
{
	const struct edit *x = *(const struct edit *const *)a, *y = *(const struct edit *const *)b;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	if (x->span.end != y->span.end)
		return x->span.end < y->span.end ? -1 : 1;
	return strcmp(x->text, y->text);
}

char *
fix_apply(const char *text, size_t len, const struct diag_list *dl, size_t *outlen,
    size_t *napplied)
{
	struct strbuf b = {NULL, 0, 0};
	const struct edit **v, *last = NULL;
	size_t n = 0, i, k, at = 0;

	for (i = 0; i < dl->n; i++)
		n += dl->v[i].nedits;
	v = xcalloc(n ? n : 1, sizeof(*v));
	for (i = 0, n = 0; i < dl->n; i++)
		for (k = 0; k < dl->v[i].nedits; k++)
			v[n++] = &dl->v[i].edits[k];
	qsort(v, n, sizeof(*v), cmp_edit);
	*napplied = 0;
	for (i = 0; i < n; i++) {
		if (v[i]->span.end > len)
			continue;
		if (last != NULL && cmp_edit(&v[i], &last) == 0)
			continue;  /* the same edit asked for twice */
		if (v[i]->span.start < at || (last != NULL && v[i]->span.start == at &&
		    last->span.start == at && v[i]->span.end == v[i]->span.start))
			continue;  /* overlaps the edit taken before */
		strbuf_put(&b, text + at, v[i]->span.start - at);
		strbuf_put(&b, v[i]->text, strlen(v[i]->text));
		at = v[i]->span.end;
		last = v[i];
		(*napplied)++;
	}
	strbuf_put(&b, text + at, len - at);
	free(v);
	*outlen = b.n;
	return strbuf_take(&b);
}

/* Converts UTF-8 in[0, len) to the encoding `to` with iconv; NULL when it cannot. */
static char *
convert(const char *to, const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t cap = len * 4 + 16, left_in = len, left_out = cap;
	char *out, *src = (char *)(uintptr_t)in, *dst;

	if (cd == (iconv_t)-1)
		return NULL;
	out = xmalloc(cap);
	dst = out;
	if (iconv(cd, &src, &left_in, &dst, &left_out) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &dst, &left_out) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*outlen = cap - left_out;
	return out;
}

char *
fix_encode(const struct decoded *dec, const char *text, size_t len, size_t *outlen)
{
	struct strbuf b = {NULL, 0, 0};
	const char *enc = dec->encoding ? dec->encoding : "UTF-8";
	char *utf8, *out;
	size_t i, n;

	if (dec->had_bom)
		strbuf_put(&b, "\xEF\xBB\xBF", 3);
	for (i = 0; i < len; i++) {
		if (text[i] == '\n' && dec->had_crlf)
			strbuf_put(&b, "\r", 1);
		strbuf_put(&b, text + i, 1);
	}
	n = b.n;
	utf8 = strbuf_take(&b);
	if (strcmp(enc, "UTF-8") == 0) {
		*outlen = n;
		return utf8;
	}
	out = convert(enc, utf8, n, outlen);
	free(utf8);
	return out;
}

/* Line starts of s[0, len): *n lines, the last possibly empty. */
static size_t *
line_starts(const char *s, size_t len, size_t *n)
{
	size_t *v = xmalloc((len + 2) * sizeof(*v)), i;

	*n = 0;
	v[(*n)++] = 0;
	for (i = 0; i < len; i++)
		if (s[i] == '\n')
			v[(*n)++] = i + 1;
	v[*n] = len;  /* sentinel: the end of the last line */
	if (len > 0 && s[len - 1] == '\n')
		(*n)--;   /* no line after the last LF */
	return v;
}

/* Line i of s without its LF, as a pointer and length. */
static const char *
line_of(const char *s, const size_t *st, size_t i, size_t *n)
{
	size_t e = st[i + 1];

	if (e > st[i] && s[e - 1] == '\n')
		e--;
	*n = e - st[i];
	return s + st[i];
}

static bool
same_line(const char *a, const size_t *sa, const char *b, const size_t *sb, size_t i)
{
	size_t na, nb;
	const char *pa = line_of(a, sa, i, &na), *pb = line_of(b, sb, i, &nb);

	return na == nb && memcmp(pa, pb, na) == 0;
}

static void
put_line(FILE *out, char tag, const char *s, const size_t *st, size_t i)
{
	size_t n;
	const char *p = line_of(s, st, i, &n);

	fputc(tag, out);
	fwrite(p, 1, n, out);
	fputc('\n', out);
}

void
fix_diff(FILE *out, const char *path, const char *old, size_t oldlen, const char *new_text,
    size_t newlen)
{
	size_t no, nn, *so, *sn, i, from, to, j;

	if (oldlen == newlen && memcmp(old, new_text, oldlen) == 0)
		return;
	so = line_starts(old, oldlen, &no);
	sn = line_starts(new_text, newlen, &nn);
	if (path[0] == '/')
		fprintf(out, "--- %s\n+++ %s\n", path, path);
	else
		fprintf(out, "--- a/%s\n+++ b/%s\n", path, path);
	if (no != nn) {
		/* Lines added or removed: one hunk of the whole text. */
		fprintf(out, "@@ -1,%zu +1,%zu @@\n", no, nn);
		for (i = 0; i < no; i++)
			put_line(out, '-', old, so, i);
		for (i = 0; i < nn; i++)
			put_line(out, '+', new_text, sn, i);
	} else {
		for (i = 0; i < no; i++) {
			if (same_line(old, so, new_text, sn, i))
				continue;
			/* A hunk: from three lines before this change to three after the last
			 * change that lies within six lines of the one before it. */
			from = i >= 3 ? i - 3 : 0;
			to = i;
			for (j = i + 1; j < no && j <= to + 6; j++)
				if (!same_line(old, so, new_text, sn, j))
					to = j;
			to = to + 3 < no ? to + 3 : no - 1;
			fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", from + 1, to - from + 1, from + 1,
			    to - from + 1);
			for (j = from; j <= to; j++) {
				if (same_line(old, so, new_text, sn, j)) {
					put_line(out, ' ', old, so, j);
				} else {
					put_line(out, '-', old, so, j);
					put_line(out, '+', new_text, sn, j);
				}
			}
			i = to;
		}
	}
	free(so);
	free(sn);
}
