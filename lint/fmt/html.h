/* Pieces of the HTML report shared by its files: escaped writing into a buffer, the
 * notice text with findings marked in place, and the inline style sheet and script. */
#ifndef NL_FMT_HTML_H
#define NL_FMT_HTML_H
#include <stddef.h>
#include "fmt.h"
#include "strbuf.h"

/* Appends the NUL-terminated s as written (markup the formatter itself makes). */
void html_raw(struct strbuf *b, const char *s);
/* Appends printf-formatted markup. */
void html_rawf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Appends s[0, n) as HTML text or attribute value: & < > " ' escaped, control characters
 * other than tab and line feed shown as U+FFFD, invalid UTF-8 as U+FFFD. */
void html_text(struct strbuf *b, const char *s, size_t n);
/* html_text of a NUL-terminated string. */
void html_str(struct strbuf *b, const char *s);
/* The rule family of an id: the letters before the first '-' (PUN-002 -> PUN), or "" for
 * ids without one (input-missing). Writes at most cap-1 bytes and a NUL. */
void html_family(const char *id, char *out, size_t cap);

/* Appends the text of file number fileno (1-based, for element ids) line by line, every
 * finding and related location marked in place, with the findings' messages under the
 * line where each starts. */
void html_notice(struct strbuf *b, const struct fmt_file *f, unsigned fileno);

/* The inline style sheet and script of the report. */
extern const char html_css[];
extern const char html_js[];

#endif
