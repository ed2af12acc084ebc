/* PATH operands to the list of inputs: files stay as given, directories are walked for
 * their notices (.txt .md .docx .html .htm .pdf) in sorted order. */
#ifndef NL_WALK_H
#define NL_WALK_H
#include <stddef.h>
#include "i18n.h"

/* One input to lint, or a problem found while walking. */
struct walk_item {
	char *path;          /* owned; the operand itself or operand/relative/name */
	const char *err_id;  /* NULL for a file to lint, else the catalogue id of the problem */
	char *err_msg;       /* owned localised message; NULL for a file */
};

struct walk_list {
	struct walk_item *v;
	size_t n, cap;
};

/* Appends what operand arg yields to out. A non-directory (or a path that does not exist)
 * is appended as is, for source_read to judge. A directory yields every *.txt, *.md, *.docx,
 * *.html, *.htm and *.pdf file below it, sorted by strcmp of the whole path; entries whose name starts with '.'
 * are skipped, recursion stops at NL_MAX_WALK_DEPTH (input-walk-too-deep) and a
 * directory already open higher up (a symlink loop) is not entered again. An unreadable
 * directory gives an input-unreadable item, one without notices an input-no-notices item. */
void walk_expand(struct walk_list *out, const char *arg, enum lang lang);
/* Frees every item and the array. */
void walk_list_free(struct walk_list *l);

#endif
