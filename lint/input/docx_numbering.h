/* Word's automatic numbering: the list definitions of word/numbering.xml, the numbering
 * that paragraph styles of word/styles.xml carry, and the counters that turn a paragraph's
 * list and level into the label a reader sees (一、 （一） 1. （1） ①). */
#ifndef NL_DOCX_NUMBERING_H
#define NL_DOCX_NUMBERING_H
#include <stddef.h>
#include "i18n.h"
#include "source.h"
#include "strbuf.h"

struct docx_numbering;

/* Loads the definitions from the parts' XML (either may be NULL when the part is absent)
 * into a new *out. Returns 0, or -1 after filling err (file shown as path). */
int docx_numbering_load(struct docx_numbering **out, const char *numbering, size_t nlen,
		const char *styles, size_t slen, const char *path, enum lang lang,
		struct source_error *err);
/* The list and level that paragraph style style_id (NULL: the default paragraph style)
 * gives through its numbering or the styles it is based on; 0 when it gives none. */
int docx_style_numbering(const struct docx_numbering *nb, const char *style_id, int *num_id,
		int *ilvl);
/* Counts one paragraph of list num_id at level ilvl and appends its label, with the
 * separator after it, to out. A list that is not defined appends nothing. */
void docx_numbering_next(struct docx_numbering *nb, int num_id, int ilvl, struct strbuf *out);
/* Formats value n in Word number format fmt (w:numFmt's w:val) into out. */
void docx_format_number(const char *fmt, int n, struct strbuf *out);
/* Frees nb (NULL is fine). */
void docx_numbering_free(struct docx_numbering *nb);

#endif
