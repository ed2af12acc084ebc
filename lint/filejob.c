/* One input from path to sorted diagnostics: read, decode (or convert a .docx, .html or .pdf
 * with its map back to the source), report replaced bytes, lint (or report a file with no
 * text), apply the file's config settings, note a truncated list and build the line table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "encoding.h"
#include "filejob.h"
#include "input/input.h"
#include "msg.h"
#include "repo/cache.h"
#include "repo/corpus_replay.h"
#include "segment.h"
#include "source.h"
#include "utf8.h"
#include "xalloc.h"

/* One input-invalid-utf8 error per byte the decoder replaced. */
static void
report_bad_bytes(struct diag_list *dl, const struct decoded *dec)
{
	char byte[8], off[24];
	char *msg;
	size_t i;

	for (i = 0; i < dec->nbad; i++) {
		snprintf(byte, sizeof(byte), "%02X", dec->bad[i].byte);
		snprintf(off, sizeof(off), "%zu", dec->bad[i].raw_offset);
		msg = msg_format("input-invalid-utf8", dl->lang, "byte", byte, "offset", off, NULL);
		diag_add_text(dl, "input-invalid-utf8", LEVEL_ERROR, dec->bad[i].text_offset,
		    dec->bad[i].text_offset + 3, msg);
		free(msg);
	}
}

/* Reports, as info, an input that was not UTF-8 and was converted. */
static void
report_encoding(struct diag_list *dl, const struct decoded *dec)
{
	char *msg;

	if (dec->encoding == NULL || strcmp(dec->encoding, "UTF-8") == 0)
		return;
	msg = msg_format("input-encoding", dl->lang, "encoding", dec->encoding, NULL);
	diag_add_text(dl, "input-encoding", LEVEL_INFO, 0, 0, msg);
	free(msg);
}

/* True when text holds nothing but whitespace, line ends, byte order marks and other
 * zero-width characters: an empty file, a BOM-only file and a blank file alike. */
static bool
text_is_blank(const char *text, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		cp = utf8_next(text, len, &i);
		if (cp != '\n' && !utf8_is_space(cp) && !utf8_is_zero_width(cp))
			return false;
	}
	return true;
}

/* Reports a file with no text as its one finding, input-empty, at its start. */
static void
report_blank(struct diag_list *dl, const char *path)
{
	char *msg = msg_format("input-empty", dl->lang, "path", path, NULL);

	diag_add_text(dl, "input-empty", LEVEL_ERROR, 0, 0, msg);
	free(msg);
}

/* When the per-file cap dropped diagnostics, says so in one last warning at the end of
 * the text (added past the cap on purpose). */
static void
note_dropped(struct diag_list *dl, size_t len)
{
	struct diag *d;
	char count[24];

	if (dl->dropped == 0)
		return;
	snprintf(count, sizeof(count), "%zu", dl->dropped);
	dl->v = xgrow(dl->v, &dl->cap, dl->n + 1, sizeof(*dl->v));
	d = &dl->v[dl->n++];
	memset(d, 0, sizeof(*d));
	d->rule = "diag-truncated";
	d->level = LEVEL_WARNING;
	d->message = msg_format("diag-truncated", dl->lang, "count", count, NULL);
	d->span.start = d->span.end = len;
}

/* Lints the decoded text of fr (or reports it blank), applies the settings fs of the file
 * as and notes a truncated list. */
static void
lint_decoded(struct file_result *fr, const struct ruleset *rs, const struct lint_opts *lo,
    const struct file_settings *fs, const char *as)
{
	struct doc doc;

	if (text_is_blank(fr->dec.text, fr->dec.len)) {
		report_blank(&fr->diags, fr->path);
	} else {
		report_encoding(&fr->diags, &fr->dec);
		report_bad_bytes(&fr->diags, &fr->dec);
		memset(&doc, 0, sizeof(doc));
		lint_text(rs, lo, fr->path, fr->dec.text, fr->dec.len, &doc, &fr->diags);
		doc_free(&doc);
	}
	settings_apply(fs, as, fr->dec.text, &fr->diags);
	note_dropped(&fr->diags, fr->dec.len);
}

int
file_result_read(struct file_result *fr, const struct walk_item *it,
    const struct lint_opts *lo, const struct file_settings *fs)
{
	const char *forced = fs != NULL && fs->o != NULL ? fs->o->encoding : NULL;
	const char *named = fs != NULL && fs->o != NULL ? fs->o->stdin_filename : NULL;
	const char *as = strcmp(it->path, "-") == 0 && named != NULL ? named : it->path;
	struct source src;
	struct source_error se;
	enum input_format fmt;
	int rc;

	memset(fr, 0, sizeof(*fr));
	/* Standard input named by --stdin-filename is shown and configured as that file. */
	fr->path = as != it->path ? as : source_display_path(it->path);
	diag_list_init(&fr->diags, lo->lang);
	if (it->err_id != NULL) {
		fr->err_id = it->err_id;
		fr->err_msg = xstrdup(it->err_msg ? it->err_msg : "");
		return -1;
	}
	fmt = input_format_of(it->path, lo->stdin_format);
	/* Without --stdin-format, standard input is read as --stdin-filename's extension says. */
	if (as != it->path && lo->stdin_format == NULL)
		fmt = input_format_of(as, NULL);
	if ((fmt == INPUT_TEXT || fmt == INPUT_HTML ? source_read(&src, it->path, forced, lo->lang,
	    &se) : source_read_binary(&src, it->path, lo->lang, &se)) != 0) {
		fr->err_id = se.id;
		fr->err_msg = xstrdup(se.message ? se.message : "");
		source_error_free(&se);
		return -1;
	}
	if (fmt != INPUT_TEXT) {
		rc = input_convert(fmt, src.data, src.len, fr->path, forced, lo->lang, &fr->dec,
		    &fr->map, &se);
		source_free(&src);
		if (rc != 0) {
			fr->err_id = se.id;
			fr->err_msg = xstrdup(se.message ? se.message : "");
			source_error_free(&se);
			return -1;
		}
	} else {
		if (encoding_decode(&fr->dec, src.data, src.len, forced) != 0)
			encoding_decode(&fr->dec, src.data, src.len, NULL);
		source_free(&src);
	}
	return 0;
}

void
file_result_make(struct file_result *fr, const struct walk_item *it,
    const struct ruleset *rs, const struct lint_opts *lo, const struct file_settings *fs)
{
	const char *named = fs != NULL && fs->o != NULL ? fs->o->stdin_filename : NULL;
	const char *as = strcmp(it->path, "-") == 0 && named != NULL ? named : it->path;
	struct cache_key key;

	if (file_result_read(fr, it, lo, fs) != 0)
		return;
	if (lo->cache != NULL)
		result_cache_key(lo->cache, fr, &key);
	if (lo->cache == NULL || !result_cache_get(lo->cache, &key, fr)) {
		lint_decoded(fr, rs, lo, fs, as);
		if (lo->cache != NULL)
			result_cache_put(lo->cache, &key, fr);
	} else {
		corpus_replay(fr, rs, lo, fs, as);
	}
	linemap_build(&fr->lines, fr->dec.text, fr->dec.len);
	if (fr->map.format != NULL)
		fr->lines.src = &fr->map;
}

void
file_result_free(struct file_result *fr)
{
	free(fr->err_msg);
	if (fr->err_id == NULL) {
		linemap_free(&fr->lines);
		decoded_free(&fr->dec);
		srcmap_free(&fr->map);
	}
	diag_list_free(&fr->diags);
	memset(fr, 0, sizeof(*fr));
}
