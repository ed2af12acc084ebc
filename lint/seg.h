/* Internal interface between the segmenter's parts (segment.c and seg_*.c): text
 * predicates, the genre vocabulary and the passes that fill struct doc. Not for checks. */
#ifndef NL_SEG_H
#define NL_SEG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "doc.h"
#include "numbering.h"

/* "Not found" for the offset-returning helpers. */
#define SEG_NONE ((size_t)-1)

/* Scratch state of one segment_build run. */
struct seg {
	struct doc *doc;
	struct marker *marks;  /* per line; style MARK_NONE when the line has no marker */
	size_t title_end;      /* first line after the title block (0 without a title) */
	size_t body_end;       /* first line of the end block (contact, signature), or nlines */
};

/* seg_text.c: byte-level helpers over UTF-8 text. */

/* Offset of the first occurrence of w in s[0..n), or SEG_NONE. */
size_t seg_find(const char *s, size_t n, const char *w);
/* True when s[0..n) contains w. */
bool seg_has(const char *s, size_t n, const char *w);
/* True when s[0..n) starts with w. */
bool seg_starts(const char *s, size_t n, const char *w);
/* Length of the first word of list[0..count) that s[0..n) starts with, or 0. */
size_t seg_starts_any(const char *s, size_t n, const char *const *list, size_t count);
/* True when s[0..n) ends with w. */
bool seg_ends(const char *s, size_t n, const char *w);
/* Number of code points in s[0..n). */
size_t seg_ncp(const char *s, size_t n);
/* True when s[0..n) holds more than max code points (seg_ncp(s, n) > max), counting no
 * further than needed. */
bool seg_ncp_over(const char *s, size_t n, size_t max);
/* The last code point of s[0..n), or 0 when empty. */
uint32_t seg_last_cp(const char *s, size_t n);
/* True for a mark that may end a paragraph: 。！？；：… and their ASCII forms. */
bool seg_is_terminal(uint32_t cp);
/* True when s[0..n) ends with a terminal mark, possibly followed by closing quotes. */
bool seg_ends_terminal(const char *s, size_t n);
/* True when s[0..n) contains a sentence end (。！？；). */
bool seg_has_sentence_end(const char *s, size_t n);
/* Offset of the first non-space code point at or after i (n if none). */
size_t seg_skip_space(const char *s, size_t n, size_t i);
/* True for white space and zero-width characters. */
bool seg_is_blank_cp(uint32_t cp);

/* seg_line.c: the line table. */

/* Fills doc->lines: spans, trimmed content without Markdown decoration, and the kinds
 * LINE_BLANK, LINE_BOILERPLATE or LINE_TEXT. */
void seg_lines(struct doc *doc);
/* True when line i is neither blank nor boilerplate. */
bool seg_is_content(const struct doc *doc, size_t i);
/* First content line in [from, end), or end. */
size_t seg_next_content(const struct doc *doc, size_t from, size_t end);
/* Last content line in [from, end), or SEG_NONE. */
size_t seg_prev_content(const struct doc *doc, size_t from, size_t end);
/* Pointer to line i's content. */
const char *seg_content(const struct doc *doc, size_t i, size_t *n);

/* seg_role.c: the line classifier (what a line is by its content alone). */

enum line_role {
	ROLE_BLANK,
	ROLE_CHROME,      /* web page chrome: navigation, 发布时间/来源/浏览, footer, 上一篇 */
	ROLE_TITLE,       /* reads as a title by the genre formula (…关于…情况的通报) */
	ROLE_ISSUER,      /* names organisations only (issuer or signature line) */
	ROLE_EDITION,     /* an edition marker such as (社会公开稿) */
	ROLE_DATE,        /* a date line (成文日期) */
	ROLE_CONTACT,     /* a line of the supervision/contact block */
	ROLE_ATTACHMENT,  /* an attachment note (附件：…) */
	ROLE_BODY
};

/* The role of a line by its content (s[0..n) trimmed, without Markdown decoration). */
enum line_role seg_line_role(const char *s, size_t n);
/* True for a line of web page chrome: navigation, breadcrumbs, 今天是…星期…, 发布时间/来源/
 * 浏览次数/字号/打印本页/分享到, 信息索引号 tables, footers, 上一篇/下一篇, e-paper markers. */
bool seg_is_chrome(const char *s, size_t n);
/* True for a page number left by a print layout: — 2 —, －2－, - 2 -, 第2页, 第2页 共5页
 * (GB/T 9704-2012 7.5 prints 页码 as a number between two em dashes). */
bool seg_is_page_number(const char *s, size_t n);
/* Same as seg_is_chrome (the name the rest of the segmenter used). */
bool seg_is_boilerplate(const char *s, size_t n);
/* True when s[0..n) reads as a title by the genre formula: 关于…通报/报告/公告/公开, or a
 * 巡察/整改…情况 title ending in one of them; a glued publication date is ignored. */
bool seg_reads_as_title(const char *s, size_t n);
/* True when s[0..n) may open a title broken over two lines ("…关于第十四届"). */
bool seg_reads_as_title_start(const char *s, size_t n);
/* Length of the title proper in s[0..n): n, or less when a publication date is glued on. */
size_t seg_title_end(const char *s, size_t n);
/* True when s[0..n) may be page residue by position (above the title or the intro): no
 * sentence, at most max_cp code points, no 关于, date, organisation name or contact. */
bool seg_is_residue(const char *s, size_t n, size_t max_cp);
/* True for an edition marker under the title: "(社会公开稿)", "——…". */
bool seg_is_edition_marker(const char *s, size_t n);
/* True for an attachment note: "附件：…", "附：…". */
bool seg_is_attachment_line(const char *s, size_t n);

/* seg_vocab.c: the genre's fixed vocabulary. */

/* True for a 成文日期 line: 2025年12月26日, 二〇二五年十二月二十六日, 20251212, 2025-12-12. */
bool seg_is_date_line(const char *s, size_t n);
/* True for a line that names one or more organisations (中共…党组, …卫生健康局). */
bool seg_is_org_line(const char *s, size_t n);
/* True for a line of the supervision/contact block. */
bool seg_is_contact_line(const char *s, size_t n);
/* Recognises "标签：值" at the start of s: known labels always, other 2–8 Han labels when
 * other is true. Returns 1 and fills kind, the label length and the value offset. */
int seg_field_label(const char *s, size_t n, bool other, enum field_kind *kind,
		size_t *label_len, size_t *value_off);
/* Status a value states (完成, 阶段性完成, …), STATUS_NONE when empty. */
enum item_status seg_status(const char *s, size_t n);
/* seg_status_sentence.c: the status of an item that has no status field, from the first
 * sentence in text[sp] whose subject is the item (该问题已完成整改。); its span goes to
 * where. STATUS_NONE when no sentence states one. */
enum item_status seg_status_sentence(const char *text, struct span sp, struct span *where);
/* Finds the next status tag in s at or after from, 【…】 or a status in full-width
 * parentheses that ends s (（已完成）); returns 1 with its byte range. */
int seg_find_tag(const char *s, size_t n, size_t from, size_t *start, size_t *end);
/* Splits the organisation names in text[sp] at white space and 、, appending their spans
 * to out[*count..max) and skipping names already there. */
void seg_split_orgs(const char *text, struct span sp, struct span *out, int *count, int max);

/* seg_block.c: title block and end block. */

/* Finds the title block at the top: issuer lines, title, subtitle. */
void seg_title(struct seg *sg);
/* Finds the contact block and the signature at the end of the lines from first on. */
void seg_end_block(struct seg *sg, size_t first);

/* seg_open.c: the opening between the title block and the body. */

/* Marks title lines printed again (LINE_TITLE_REPEAT) and page residue (LINE_BOILERPLATE)
 * between the title and the intro, or above the intro of a notice without a title. */
void seg_opening(struct seg *sg);

/* seg_part.c: parts by role, and the cut of a truncated text. */

/* Role of a top-level heading by its words; first is set for the first part of the body. */
enum part_role seg_heading_role(const char *s, size_t n, bool first);
/* Gives each top-level heading its role (words, position, content) and sets part_level. */
void seg_part_roles(struct seg *sg);
/* Fills doc->parts from the heading roles and an unheaded organising paragraph. */
void seg_parts(struct doc *d);
/* Sets doc->cut when the text stops mid-sentence. */
void seg_cut(struct doc *d);

/* seg_heading.c: headings. */

/* Turns the marked lines of [first, last] into headings, inferring lost group labels. */
void seg_headings(struct seg *sg, size_t first, size_t last);

/* seg_item.c: problem items and their fields. */

/* Finds the problem items of the per-problem section with their fields and status. */
void seg_items(struct seg *sg);

#endif
