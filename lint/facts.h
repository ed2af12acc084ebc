/* Facts of one notice, extracted once after segmentation: sentences, dates (with precision,
 * ranges, year inference and garbled forms), numbers with units, and count phrases. */
#ifndef NL_FACTS_H
#define NL_FACTS_H
#include <stdbool.h>
#include <stddef.h>
#include "doc.h"

/* How much of a date is known. */
enum date_prec {
	DATE_PREC_NONE,     /* garbled date without a single reading */
	DATE_PREC_YEAR,     /* 2022年, 2025年底 (part says which part of the year) */
	DATE_PREC_QUARTER,  /* 第二季度 */
	DATE_PREC_MONTH,    /* 2025年7月, 6月份 */
	DATE_PREC_PART,     /* part of a month: 3月下旬, 9月底 */
	DATE_PREC_DAY       /* 2025年3月12日 */
};

/* Part of a year (DATE_PREC_YEAR) or of a month (DATE_PREC_PART). */
enum date_part {
	DATE_PART_NONE,
	DATE_PART_START,    /* 初 */
	DATE_PART_EARLY,    /* 上旬 */
	DATE_PART_MID,      /* 中旬 */
	DATE_PART_LATE,     /* 下旬 */
	DATE_PART_END,      /* 底 末 */
	DATE_PART_H1,       /* 上半年 */
	DATE_PART_H2        /* 下半年 */
};

/* Where a date's year came from. */
enum year_src {
	YEAR_WRITTEN,       /* written in the date itself */
	YEAR_RANGE,         /* inherited from the first half of its range (至4月22日) */
	YEAR_CONTEXT,       /* the nearest earlier date with a written year (ydate) */
	YEAR_INSPECTION,    /* the inspection period stated in the intro (ydate) */
	YEAR_SIGNATURE,     /* the signature's date (ydate) */
	YEAR_FOLLOWING,     /* none of those: the nearest later date with a written year */
	YEAR_UNKNOWN        /* nothing to infer it from; y is 0 */
};

/* Form flags of a date. */
enum {
	DATE_ISO = 1u << 0,           /* 2025-12-12 */
	DATE_SLASH = 1u << 1,         /* 2022/08/04 */
	DATE_CN_NUMERAL = 1u << 2,    /* 二〇二五年十二月二十六日 */
	DATE_ZERO_PADDED = 1u << 3,   /* 2021年04月09日 */
	DATE_TWO_DIGIT_YEAR = 1u << 4,/* 26年1月上旬: y holds the full year, 2026 */
	DATE_BARE_YEAR = 1u << 5,     /* a year without 年 opening a range: 2022至2023年 */
	DATE_GARBLED = 1u << 6,       /* 年/月/日 lost in extraction: 2025324日, 20257月 */
	DATE_AMBIGUOUS = 1u << 7,     /* garbled with several readings: no reading */
	DATE_INVALID = 1u << 8,       /* no such calendar day or month: 2月30日, 13月 */
	DATE_SAME_TOKEN = 1u << 9,    /* second date of one garbled token (2025717202599) */
	DATE_BOILERPLATE = 1u << 10,  /* on a line of web page chrome */
	DATE_SPACED = 1u << 11,       /* spaces between number and unit: 2025 年 3 月 */
	DATE_REVERSED = 1u << 12      /* second half of a range that ends before it starts
	                                 (2025年5月6日至3月24日) */
};

struct date_fact {
	struct span span;       /* the date as written (for a garbled token: the whole token) */
	int y, m, d;            /* 0 when that part is unknown or not stated */
	int m_end;              /* last month of a month range written as one date
	                           (2025年4—10月, garbled 202537月); 0 otherwise */
	int quarter;            /* 1-4 for DATE_PREC_QUARTER */
	enum date_prec prec;
	enum date_part part;
	unsigned flags;         /* DATE_* */
	enum year_src ysrc;
	int ydate;              /* date the year was taken from, or -1 */
	int peer;               /* other half of a range, or -1 */
	bool range_first;       /* first half of a range (peer follows) */
	struct span joint;      /* the range connector (至 - — 到 ～), empty when none */
	char *reading;          /* garbled: the intended form ("2025年3月24日"), else NULL */
	size_t sentence;        /* index into facts->sentences */
};

/* Qualifier flags of a number. */
enum {
	NUM_CN = 1u << 0,        /* written in Chinese numerals */
	NUM_PERCENT = 1u << 1,   /* followed by % */
	NUM_DECIMAL = 1u << 2,   /* has a decimal point */
	NUM_ORDINAL = 1u << 3,   /* 第N */
	NUM_ABOVE = 1u << 4,     /* 以上 余 多 超过: the true value is larger */
	NUM_BELOW = 1u << 5,     /* 以下 不足 不到: the true value is smaller */
	NUM_APPROX = 1u << 6,    /* 约 近 左右 */
	NUM_SPACED = 1u << 7     /* white space between the number and its unit */
};

struct number_fact {
	struct span span;        /* the digits or numeral */
	double value;
	unsigned flags;          /* NUM_* */
	struct span unit;        /* unit as written (个 万元 % 方面), empty when none */
	struct span end;         /* the number through its unit and qualifiers */
	size_t sentence;
};

/* What a count's own words say of the items it counts (已整改 34 个, 3 个问题正在整改中). */
enum count_status {
	CSTAT_NONE,
	CSTAT_DONE,         /* 已整改 已完成 整改完成 整改到位 办结 销号 */
	CSTAT_PARTIAL,      /* 阶段性完成 基本完成 部分完成 */
	CSTAT_ONGOING,      /* 正在整改 持续整改 整改中 正在推进 */
	CSTAT_OPEN          /* 未完成 尚未完成 未整改 */
};

/* Structural roles of a count (count_fact.role). */
enum {
	COUNT_SUBSET = 1u << 0,    /* part of a part, not an addend: (含立行立改问题2个) */
	COUNT_LEVEL = 1u << 1,     /* an outer level of a refinement: 4个方面37个问题 → 4 */
	COUNT_PART = 1u << 2       /* a part of a tally */
};

/* A count phrase: a number with a unit, the words before it in its clause (label) and the
 * words after its unit (noun). "巡察反馈的62个具体问题" → label "巡察反馈的", value 62,
 * unit "个", noun "具体问题". */
struct count_fact {
	struct span span;        /* number through unit and qualifiers */
	struct span label;       /* clause text before the number (after the previous count) */
	struct span noun;        /* clause text after the unit, up to the next mark */
	struct span unit;
	double value;
	unsigned flags;          /* NUM_* of the number */
	size_t number;           /* index into facts->numbers */
	size_t sentence;
	enum count_status status;/* what its label or noun says (rates: CSTAT_NONE) */
	unsigned role;           /* COUNT_* */
};

/* How a tally was stated. */
enum tally_form {
	TALLY_SPLIT,   /* a total, then its parts: 反馈问题37个，已整改34个，阶段性完成3个 */
	TALLY_SUM,     /* parts, then their total: 1650元、1850元、2300元，共计5800元 */
	TALLY_STATUS   /* status parts without a total: 已完成整改20个、正在整改5个 */
};

/* A total and the parts one sentence splits it into (or sums to it), found by the
 * structure of the sentence: statuses, 其中, 共计, units and the kind of thing counted. */
struct tally_fact {
	enum tally_form form;
	int total;               /* count index of the total, -1 for TALLY_STATUS */
	size_t part0, nparts;    /* the parts: facts->tally_parts[part0 .. part0 + nparts) */
	double sum;              /* of all parts */
	double done;             /* of the parts stated as done */
	size_t sentence;
};

/* What a percentage states. */
enum rate_kind {
	RATE_NONE,         /* a percentage that is no rate (低于25%要求) */
	RATE_COMPLETION,   /* 完成率 整改率 办结率 销号率 到位率 */
	RATE_SHARE,        /* 占比 比例 比重 占…的 */
	RATE_OTHER,        /* any other 率 that cannot exceed 100% (覆盖率 知晓率 办证率) */
	RATE_GROWTH        /* 增长 同比 提高 下降: may exceed 100% */
};

/* A percentage with the figures it is a ratio of, chosen by unit and label. */
struct rate_fact {
	size_t count;            /* the percentage */
	enum rate_kind kind;
	int tally;               /* completion: the tally of its sentence, -1 when none */
	int num, den;            /* share: part and whole (count indices), -1 when not found */
};

/* What kind of channel a contact detail is. */
enum channel_kind {
	CH_PHONE,      /* telephone or fax: area, local, ext */
	CH_EMAIL,
	CH_POSTCODE,   /* the digits after 邮编 (empty span when none follow) */
	CH_ADDRESS,    /* postal address after 通讯地址/地址… */
	CH_MAILBOX,    /* 信箱, 邮政信箱, 意见箱 */
	CH_WEB,        /* web address or 网站 */
	CH_QR,         /* 二维码 */
	CH_ACCOUNT     /* 微信公众号, QQ and the like */
};

/* What the label in force before a channel announces. */
enum channel_label {
	LB_NONE,       /* no label in the clause */
	LB_PHONE,      /* 联系电话 举报电话 监督电话 电话 传真 手机 热线 Tel Fax … */
	LB_GENERIC,    /* 联系方式, 联系人: says it is a contact, not which kind */
	LB_EMAIL,
	LB_POSTCODE,
	LB_ADDRESS,
	LB_MAILBOX,
	LB_WEB,
	LB_QR,
	LB_ACCOUNT
};

/* One channel of the contact block. A phone's parts are spans of its digits: area code
 * (empty when none), local number (its digits may be split by spaces or hyphens) and
 * extension (转801, -801); local_digits counts the local number's digits. */
struct channel_fact {
	enum channel_kind kind;
	struct span span;        /* the value as written; empty when a label has no value */
	struct span label;       /* the label in force, empty when none */
	enum channel_label lkind;
	struct span area, local, ext;
	int area_digits, local_digits;
	int extra_digits;        /* 1 when digit groups follow that fit no part */
};

/* A count and the items listed beside it: 市第三中学、市青溪中学等2所学校, 3名干部（张某、
 * 李某、王某）, （1）…（2）…以上2项. */
struct enum_fact {
	size_t count;            /* the count */
	size_t listed;           /* items listed */
	bool open;               /* the list ends in 等: it may leave items out */
	bool loose;              /* a less certain reading: items separated by ，/；, or the
	                            numbered headings above that 以上N项 counts back to */
	struct span list;        /* the list as written */
};

struct facts {
	struct span *sentences;  /* split at 。！？； and at paragraph ends */
	size_t nsentences;
	struct date_fact *dates; /* in text order */
	size_t ndates;
	struct number_fact *numbers;
	size_t nnumbers;
	struct count_fact *counts;
	size_t ncounts;
	struct tally_fact *tallies;
	size_t ntallies;
	size_t *tally_parts;     /* count indices, in runs owned by the tallies */
	size_t ntally_parts;
	struct rate_fact *rates;
	size_t nrates;
	struct channel_fact *channels;  /* of the contact block, in text order */
	size_t nchannels;
	struct enum_fact *enums;
	size_t nenums;
};

/* Extracts every fact of doc (built by segment_build) into a new doc->facts, which the
 * document owns (doc_free releases it through facts_free). */
void facts_extract(struct doc *doc);
/* Frees facts and everything it owns (NULL is fine). */
void facts_free(struct facts *f);

/* Days in month m of year y (0 for an invalid month). */
int facts_days_in_month(int y, int m);
/* Day number of a calendar date, increasing by one per day (for differences). */
long facts_day_number(int y, int m, int d);
/* First and last day numbers a date can stand for (3月下旬 → 21st to last day); returns
 * false when the date has no year or no single reading. */
bool facts_date_bounds(const struct date_fact *f, long *first, long *last);
/* Writes the date as 2025年3月12日 (or 2025年3月下旬, 2025年第二季度, ...) into buf. */
void facts_date_format(const struct date_fact *f, char *buf, size_t size);
/* Index of the sentence holding offset off, or facts->nsentences when none does. */
size_t facts_sentence_at(const struct facts *f, size_t off);
/* The first date starting in [start, end), or -1. */
int facts_date_in(const struct facts *f, size_t start, size_t end);
/* Index of the first date starting at or after start (dates are in text order), or ndates. */
size_t facts_date_from(const struct facts *f, size_t start);

/* Internal passes of facts_extract, one file each. */

/* facts.c: fills f->sentences from the paragraphs of doc. */
void fact_sentences(struct facts *f, const struct doc *doc);
/* fact_date.c: fills f->dates with every well-formed date of doc's non-blank lines. */
void fact_dates(struct facts *f, const struct doc *doc);
/* fact_garbled.c: adds the dates whose 年/月/日 were lost (f->dates stays in text order). */
void fact_garbled(struct facts *f, const struct doc *doc);
/* fact_year.c: resolves the year of every year-less date (see enum year_src). */
void fact_resolve_years(struct facts *f, const struct doc *doc);
/* fact_number.c: fills f->numbers with the numbers outside dates and phone numbers. */
void fact_numbers(struct facts *f, const struct doc *doc);
/* fact_count.c: fills f->counts from the numbers that carry a unit. */
void fact_counts(struct facts *f, const struct doc *doc);
/* fact_tally.c: sets each count's status and role, fills f->tallies and f->rates. */
void fact_tallies(struct facts *f, const struct doc *doc);
/* fact_contact.c: fills f->channels with the channels of the contact block's lines. */
void fact_channels(struct facts *f, const struct doc *doc);
/* fact_enum.c: fills f->enums with the counts that have their items listed beside them. */
void fact_enums(struct facts *f, const struct doc *doc);
/* fact_enum_ref.c: true when count k (以上N项, 上述N个) counts back over a numbered run;
 * fills e's listed, list, open and loose. */
bool fact_enum_ref(const struct facts *f, const struct doc *doc, size_t k, struct enum_fact *e);

#endif
