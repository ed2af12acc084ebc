/* Diagnostics of one file: rule id, level, localised message, span and related spans.
 * The collector stores and sorts them; printing belongs to the formatters. */
#ifndef NL_DIAG_H
#define NL_DIAG_H
#include <stdbool.h>
#include <stddef.h>
#include "doc.h"
#include "i18n.h"

struct rule;

enum level { LEVEL_NONE = 0, LEVEL_INFO = 1, LEVEL_WARNING = 2, LEVEL_ERROR = 3 };

/* "error", "warning", "info" (or "none"). */
const char *level_name(enum level l);
/* Parses "error" | "warning" | "info"; returns 0 on success, -1 otherwise. */
int level_parse(const char *s, enum level *out);

/* A related location: a span of the same file, or (path set) a line and column of another
 * file, such as the notice a passage was copied from. */
struct related {
	struct span span;   /* in this file; unused when path is set */
	char *message;      /* owned */
	char *path;         /* owned display path of another file, NULL: this file */
	unsigned line, col; /* 1-based position in path (when set) */
};

/* A fix: replace [span.start, span.end) of the text with text. */
struct edit {
	struct span span;
	char *text;     /* owned */
};

struct diag {
	const char *rule;       /* rule or catalogue id; borrowed, lives for the whole run */
	enum level level;
	char *message;          /* owned, localised, placeholders filled */
	struct span span;
	struct related *related;
	size_t nrelated;
	struct edit *edits;     /* the fix of a rule that declares one (`fix:`), in order */
	size_t nedits;
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
	enum lang lang;
	size_t dropped;         /* diagnostics not kept because of NL_MAX_DIAGS_PER_FILE */
	bool cut;               /* the list was cut once: v[NL_MAX_DIAGS_PER_FILE - 1] is the
	                         * last diagnostic by position that can still be kept */
};

/* Starts an empty list whose messages are written in lang. */
void diag_list_init(struct diag_list *l, enum lang lang);
/* Frees every diagnostic and the array. */
void diag_list_free(struct diag_list *l);
/* Adds a diagnostic of rule over [start, end) at the rule's level; the message is the rule's
 * template in the list's language with {name} placeholders filled from the NULL-terminated
 * name, value, ... pairs. Returns the new diagnostic (to add related spans), or NULL when
 * the per-file cap was reached. */
struct diag *diag_add(struct diag_list *l, const struct rule *rule, size_t start, size_t end,
		...);
/* Adds a diagnostic with a ready message (copied) under a catalogue or rule id. */
struct diag *diag_add_text(struct diag_list *l, const char *id, enum level level,
		size_t start, size_t end, const char *message);
/* Adds a related location to d; the note is zh or en by the list's language, with {name}
 * placeholders filled from NULL-terminated pairs. d may be NULL (then nothing happens). */
void diag_note(struct diag_list *l, struct diag *d, size_t start, size_t end,
		const char *zh, const char *en, ...);
/* Adds to d (may be NULL) a related location at line:col of the other file path, the note
 * filled as diag_note fills it. */
void diag_note_file(struct diag_list *l, struct diag *d, const char *path, unsigned line,
		unsigned col, const char *zh, const char *en, ...);
/* Adds to d (may be NULL) the edit that replaces [start, end) with text[0, len). */
void diag_edit(struct diag *d, size_t start, size_t end, const char *text, size_t len);
/* Frees what one diagnostic owns (message, related notes, edits). */
void diag_clear(struct diag *d);
/* Sorts by position, then rule id, then end, then message: the deterministic order; then
 * keeps the first NL_MAX_DIAGS_PER_FILE of that order (counting the rest in dropped), so
 * the cap keeps the findings nearest the start of the file whatever rule found them. */
void diag_sort(struct diag_list *l);
/* Highest level in the list (LEVEL_NONE when empty). */
enum level diag_max_level(const struct diag_list *l);

#endif
