/* Linting one input into a result kept in memory until it is reported, so inputs can be
 * linted in any order (or at once) and reported in input order. */
#ifndef NL_FILEJOB_H
#define NL_FILEJOB_H
#include "decode.h"
#include "diag.h"
#include "lint.h"
#include "linemap.h"
#include "settings.h"
#include "walk.h"

/* Everything reported about one input. */
struct file_result {
	const char *path;        /* display path, borrowed from the walk item */
	const char *err_id;      /* input error id, NULL when the input was linted */
	char *err_msg;           /* owned input error message */
	struct decoded dec;      /* decoded text (valid when err_id is NULL) */
	struct linemap lines;
	struct srcmap map;       /* back to the source of a .docx/.html/.pdf; empty for text */
	struct diag_list diags;  /* sorted diagnostics */
};

/* Reads, decodes (in fs's --encoding, if any) and lints walk item it with the rules rs
 * into a zeroed *fr, then applies the file's settings fs (NULL for none). Safe to call
 * from several threads at once. */
void file_result_make(struct file_result *fr, const struct walk_item *it,
		const struct ruleset *rs, const struct lint_opts *lo,
		const struct file_settings *fs);
/* The first half of file_result_make: reads and decodes it into a zeroed *fr (no
 * diagnostics yet, no line table). Returns 0, or -1 with fr->err_id set. */
int file_result_read(struct file_result *fr, const struct walk_item *it,
		const struct lint_opts *lo, const struct file_settings *fs);
/* Frees what file_result_make kept. */
void file_result_free(struct file_result *fr);

#endif
