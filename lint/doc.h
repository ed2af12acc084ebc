/* The document model of one notice: lines, paragraphs, title, headings, problem items with
 * their labelled fields, contact block, signature and web boilerplate. Built once per file by
 * segment_build (segment.h) and read-only to every check. All spans are byte ranges into
 * doc->text (decoded UTF-8, LF line ends). */
#ifndef NL_DOC_H
#define NL_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "linemap.h"

struct facts;  /* facts.h: dates, numbers, counts; filled after segmentation */

/* A half-open byte range [start, end) of doc->text. */
struct span {
	size_t start;
	size_t end;
};

enum line_kind {
	LINE_BLANK,        /* empty or white space only */
	LINE_BOILERPLATE,  /* web page chrome (site banner, 发布时间, footer) or a page number
	                      of a print layout (— 2 —), set aside */
	LINE_ISSUER,       /* issuer line of the title block, above the title proper */
	LINE_TITLE,        /* the title (关于…通报), possibly on several lines */
	LINE_SUBTITLE,     /* a marker under the title such as (社会公开稿) */
	LINE_TEXT,         /* body text */
	LINE_HEADING,      /* starts with a numbering marker; see struct heading */
	LINE_FIELD,        /* starts with a labelled field (整改结果：…) */
	LINE_CONTACT,      /* part of the supervision/contact block */
	LINE_SIGNATURE,    /* an issuer line of the signature block */
	LINE_DATE,         /* the signature's date line (成文日期) */
	LINE_TITLE_REPEAT, /* the title printed again below it (page header and article) */
	LINE_ATTACHMENT    /* an attachment note after the signature (附件：…) and its list */
};

struct line {
	struct span span;     /* whole line without its LF */
	struct span content;  /* span without surrounding white space (incl. NBSP, U+3000)
	                         and without Markdown decoration (#, **) */
	enum line_kind kind;
	int md_heading;       /* number of leading '#' characters, 0 if none */
	bool md_bold;         /* contained ** decoration */
	bool residue;         /* boilerplate by position only (a column name above the title,
	                         a headline above the intro), not by content */
	bool table_row;       /* a row of a table: cells joined by tabs, beside another such row */
	int heading;          /* index into doc->headings, or -1 */
	int paragraph;        /* index into doc->paragraphs, or -1 for blank/boilerplate */
};

/* A paragraph is one non-blank, non-boilerplate line: the genre writes one paragraph per
 * line. broken_after marks a line that ends mid-sentence and continues in the next paragraph
 * (an extraction break), so checks can join them. */
struct paragraph {
	struct span span;   /* = the line's content span */
	size_t line;        /* 0-based line index */
	bool broken_after;  /* continues in the next paragraph */
};

enum marker_style {
	MARK_NONE,
	MARK_CN_DUN,     /* 一、            level 1 */
	MARK_CN_PAREN,   /* （一） (一)      level 2 */
	MARK_AR_DOT,     /* 1. 1、 1．      level 3 */
	MARK_AR_PAREN,   /* （1） (1) 1） 1) level 4 */
	MARK_CIRCLED,    /* ①              level 5 */
	MARK_PROBLEM     /* 问题① 问题：    level 5 (a problem label) */
};

/* Flags of a heading marker's form. */
enum {
	HEAD_HALFWIDTH = 1 << 0,  /* ASCII brackets: (一) (1) 1) */
	HEAD_FUSED = 1 << 1,      /* digit fused to text without separator: 2三救能力 */
	HEAD_BROKEN = 1 << 2,     /* marker lost its opening part: ")主要负责人" */
	HEAD_RUN_IN = 1 << 3,     /* body text follows the heading on the same line */
	HEAD_NO_ORDINAL = 1 << 4  /* label without a number (问题：, or a group label lost) */
};

/* The role of a part of the body, told by vocabulary, position and content. */
enum part_role {
	PART_NONE,        /* not a top-level part, or not recognised */
	PART_ORGANISING,  /* organising the rectification: 组织整改 / 落实主体责任 / 总体情况 */
	PART_PROBLEM,     /* the feedback problems one by one, or one part per feedback aspect */
	PART_FORWARD      /* the plans: 下一步 / 工作打算 / 巩固深化 / 长效机制 */
};

struct heading {
	size_t line;              /* 0-based line index */
	struct span marker;       /* the marker as written, e.g. "（一）", "1.", "问题②：" */
	struct span text;         /* heading text after the marker (whole rest of the line) */
	struct span title;        /* heading title: text up to the first 。 for run-in headings */
	enum marker_style style;
	int level;                /* 1..5 by marker style */
	int ordinal;              /* 1-based number the marker states, 0 if none */
	unsigned flags;           /* HEAD_* */
	int parent;               /* index of the enclosing heading (lower level), or -1 */
	enum part_role role;      /* for a top-level heading: the part it opens */
};

/* A top-level part of the body: opened by a heading of the top level in use, or an unheaded
 * paragraph between the intro and the first heading that organises the rectification. */
struct part {
	enum part_role role;
	int heading;              /* the heading that opens it, or -1 when unheaded */
	size_t first_line, last_line;
	struct span text;         /* the heading's text, or the unheaded paragraph */
};

/* Where a truncated text stops: its last line ends mid-sentence (no terminal mark, often
 * inside a quote or 《, or a heading with nothing under it). */
struct cut {
	bool present;
	size_t line;              /* 0-based index of the last content line */
	struct span at;           /* that line's content */
};

enum field_kind {
	FIELD_RESULT,     /* 整改结果： */
	FIELD_SITUATION,  /* 整改情况： 整改进展情况： 整改落实情况： */
	FIELD_PROGRESS,   /* 整改进度： 整改进展： */
	FIELD_STATE,      /* 整改状态： */
	FIELD_TAG,        /* 【已完成整改】 and similar bracket tags */
	FIELD_OTHER       /* any other 标签：值 at line start inside an item */
};

enum item_status {
	STATUS_NONE,      /* no status stated */
	STATUS_DONE,      /* 完成 / 已完成 / 已完成整改 */
	STATUS_PARTIAL,   /* 阶段性完成 */
	STATUS_ONGOING,   /* 正在整改 / 正在推进 / 持续推进 */
	STATUS_LONGTERM,  /* 长期坚持 */
	STATUS_OPEN,      /* 未完成 */
	STATUS_OTHER      /* stated but not in the vocabulary */
};

struct field {
	struct span label;  /* e.g. "整改结果" (without the colon) or the whole 【…】 tag */
	struct span value;  /* text after the colon up to the end of the line */
	enum field_kind kind;
	size_t line;
	int item;           /* index into doc->items */
};

/* A problem item: the unit one status applies to (004: each 问题①…; 002: each （1）…;
 * 000: each 1.关于“…”的问题). */
struct item {
	struct span span;          /* from the item's first line to its last line */
	struct span statement;     /* the problem statement (heading text) */
	size_t first_line, last_line;
	int heading;               /* heading that opens the item */
	size_t first_field, nfields;  /* range in doc->fields */
	enum item_status status;
	int status_field;          /* field that gives the status, or -1 */
	struct span status_sentence;  /* without a status field: the sentence that states the
	                                 status (该问题已完成整改。), else empty */
	bool statement_para;       /* the statement is the paragraph under heading, which is a
	                              group heading standing in for a lost item number */
};

/* Title block. issuers are the organisations named before 关于 (or on an issuer line). */
struct title {
	bool present;
	size_t first_line, last_line;
	struct span text;          /* the title proper (content of its line(s), first to last) */
	struct span issuers[4];
	int nissuers;
	bool repeated;             /* some line below the title block prints it again */
	size_t repeat_first, repeat_last;  /* the lines of the first repetition */
};

/* Supervision and contact block (欢迎广大干部群众…监督…联系电话…). */
struct contact {
	bool present;
	size_t first_line, last_line;
	struct span span;
	struct span supervision;   /* the 欢迎…监督 sentence, empty if absent */
};

/* Signature block: issuer line(s) and 成文日期 line at the end. */
struct signature {
	bool present;              /* at least an issuer line or a date line */
	struct span issuers[4];
	int nissuers;
	size_t first_line, last_line;
	bool has_date;
	struct span date;          /* the date line's content */
	size_t date_line;
};

struct doc {
	const char *path;          /* borrowed, for messages */
	const char *text;          /* borrowed decoded text */
	size_t len;
	struct linemap lines_map;
	bool markdown_input;       /* the path ends in .md: Markdown decoration is expected */

	struct line *lines;
	size_t nlines;
	struct paragraph *paragraphs;
	size_t nparagraphs;
	struct heading *headings;
	size_t nheadings;
	struct item *items;
	size_t nitems;
	struct field *fields;
	size_t nfields;
	struct part *parts;
	size_t nparts;
	int part_level;            /* heading level of the top-level parts (1, or 2 without 一、) */
	struct cut cut;

	struct title title;
	int intro;                 /* paragraph index of the intro, or -1 */
	int intro_last;            /* last paragraph of the opening that states the intro facts
	                              (the intro and up to two unheaded paragraphs after it) */
	bool xunshi;               /* the notice answers a 巡视 (central or provincial), not a 巡察:
	                              its title, else its intro, names 巡视 more than 巡察 */
	struct contact contact;
	struct signature signature;
	size_t body_first, body_last;  /* line range from after the title to before the end block,
	                                  inclusive; empty when body_first > body_last */

	struct facts *facts;       /* owned; NULL until facts are extracted */
};

#endif
