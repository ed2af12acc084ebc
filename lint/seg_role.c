/* The line classifier: what a line is by its content alone (web page chrome, a title by the
 * genre formula, an issuer line, an edition marker, contact, date, attachment note or body).
 * The segmenter adds what position tells (seg_block.c, segment.c). */
#include <assert.h>
#include <pthread.h>
#include <string.h>
#include "prevcp.h"
#include "seg.h"
#include "utf8.h"

/* Chrome labels: a label followed (after optional spaces) by a colon, at the start of the
 * line or after white space: "发布时间:2025-02-26", "2022年08月16日 来源: 中共江屏市委". */
static const char *const chrome_labels[] = {
	"发布时间", "发布日期", "发布机构", "发布单位", "发布人", "发文机关", "成文日期",
	"来源", "信息来源", "文章来源", "稿件来源", "作者", "撰稿", "供稿", "编辑", "责任编辑",
	"审核", "审校", "校对", "浏览", "浏览量", "浏览次数", "阅读", "阅读量", "阅读数",
	"阅读次数", "访问量", "访问次数", "点击", "点击量", "点击数", "点击次数", "点击率",
	"字号", "字体", "字体大小", "文字大小", "对比度", "保护视力色", "页面", "背景色",
	"信息索引号", "索引号", "生成日期", "主题分类", "公开方式", "公开范围", "公开时限",
	"主题词", "信息分类", "组配分类", "体裁分类", "服务对象", "有效性", "发布时段",
	"主办", "承办", "协办", "主管", "技术支持", "网站维护", "联系我们", "分享到", "分享",
	"时间", "日期", "当前位置", "您当前的位置", "您的位置", "当前所在位置", "所在位置",
	"發布時間", "來源", "瀏覽", "作者", "點擊",
};

/* Words that make a short line chrome wherever they stand. */
static const char *const chrome_words[] = {
	"打印本页", "关闭窗口", "关闭本页", "【打印】", "【关闭】", "【打印本页】", "【关闭窗口】",
	"打印此页", "分享到", "网站标识码", "ICP备", "公网安备", "版权所有", "Copyright",
	"COPYRIGHT", "网站维护", "网站地图", "网站声明", "网站访问量", "门户网站", "保护视力色", "上一篇",
	"下一篇", "上一条", "下一条", "收藏本页", "加入收藏", "设为首页", "扫一扫", "无障碍浏览",
	"字号：大", "字号:大", "【字号", "【字体", "大 中 小", "浏览次数", "阅读次数",
	"点击次数", "责任编辑", "打印 关闭", "歡迎來到", "欢迎来到",
};

/* Markers of a breadcrumb: a path separator after 首页. */
static const char *const crumb_seps[] = {">", "＞", "»", "›", "→", "/", "-"};

#define MAX_CHROME_CP 160

/* Offset just after a "- "/"* "/"• " list bullet at the start of s, or 0. */
static size_t
bullet_len(const char *s, size_t n)
{
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t'))
		return seg_skip_space(s, n, 2);
	if (seg_starts(s, n, "•"))
		return seg_skip_space(s, n, strlen("•"));
	if (seg_starts(s, n, "·"))        /* two bytes, where • takes three */
		return seg_skip_space(s, n, strlen("·"));
	return 0;
}

/* Offset of the colon (：or :) that follows s[at..) after optional spaces, or SEG_NONE. */
static size_t
colon_after(const char *s, size_t n, size_t at)
{
	at = seg_skip_space(s, n, at);
	if (seg_starts(s + at, n - at, "："))
		return at;
	if (at < n && s[at] == ':')
		return at;
	return SEG_NONE;
}

/* True when s[at..) is a pinyin annotation "(tǒng)" left by a mirror page; *end receives the
 * offset after it. */
static bool
pinyin_at(const char *s, size_t n, size_t at, size_t *end)
{
	size_t i = at + 1;
	int letters = 0;

	if (at >= n || s[at] != '(')
		return false;
	while (i < n && s[i] != ')' && i - at <= 16) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'a' && c <= 'z') {
			i++;
		} else if (c >= 0xC3 && c <= 0xC9 && i + 1 < n) {
			i += 2;  /* Latin-1 Supplement, Extended-A/B: tone-marked vowels */
		} else {
			return false;
		}
		letters++;
	}
	if (i >= n || s[i] != ')' || letters == 0)
		return false;
	*end = i + 1;
	return true;
}

/* True when word w stands at s[at..), skipping pinyin annotations between its characters;
 * *end receives the offset after it. */
static bool
word_at(const char *s, size_t n, size_t at, const char *w, size_t *end)
{
	size_t wl, k = 0, i = at, skip;

	/* Most positions differ in the first bytes already (every word starts with a Han
	 * character or an ASCII letter). */
	if (at >= n || s[at] != w[0] || (w[1] != '\0' && (at + 1 >= n || s[at + 1] != w[1])))
		return false;
	wl = strlen(w);
	while (k < wl) {
		if (i < n && s[i] == '(' && k > 0 && pinyin_at(s, n, i, &skip)) {
			i = skip;
			continue;
		}
		if (i >= n || s[i] != w[k])
			return false;
		i++;
		k++;
	}
	*end = i;
	return true;
}

/* True when some chrome label stands at s[at..) and is followed by a colon. */
static bool
label_at(const char *s, size_t n, size_t at)
{
	size_t k, end;

	for (k = 0; k < sizeof(chrome_labels) / sizeof(chrome_labels[0]); k++)
		if (word_at(s, n, at, chrome_labels[k], &end) && colon_after(s, n, end) != SEG_NONE)
			return true;
	return false;
}

/* Counts the labels "X:" that open the line or follow white space. */
static int
count_labels(const char *s, size_t n)
{
	size_t i = 0, k;
	int count = 0;
	bool after_space = true;

	while (i < n) {
		if (after_space && label_at(s, n, i))
			count++;
		k = i;
		after_space = seg_is_blank_cp(utf8_next(s, n, &k));
		i = k;
	}
	return count;
}

/* A label that may open a body line too ("时间：" in a table) counts only beside another. */
static bool
weak_label_start(const char *s, size_t n)
{
	size_t end;

	return (word_at(s, n, 0, "时间", &end) || word_at(s, n, 0, "日期", &end) ||
	    word_at(s, n, 0, "分享", &end) || word_at(s, n, 0, "编辑", &end) ||
	    word_at(s, n, 0, "主管", &end)) &&
	    colon_after(s, n, end) != SEG_NONE;
}

/* "首页 > 巡视巡察 > 整改公开", "当前位置：首页 >> …". */
static bool
is_breadcrumb(const char *s, size_t n)
{
	size_t at, k, rest;

	at = seg_find(s, n, "首页");
	if (at == SEG_NONE)
		at = seg_find(s, n, "首頁");
	if (at == SEG_NONE)
		return false;
	rest = seg_skip_space(s, n, at + strlen("首页"));
	for (k = 0; k < sizeof(crumb_seps) / sizeof(crumb_seps[0]); k++)
		if (seg_starts(s + rest, n - rest, crumb_seps[k]))
			return true;
	return rest >= n && seg_has(s, n, "位置");  /* "您的位置：首页" */
}

/* "2025-08-07 11:00", "2021-02-23 12:42:06来源:…": a time stamp with hours and minutes. */
static bool
is_timestamp_start(const char *s, size_t n)
{
	size_t i = 0;
	int d = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9' && d < 4) {
		i++;
		d++;
	}
	if (d != 4 || i >= n || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
		return false;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '/' || s[i] == '.'))
		i++;
	i = seg_skip_space(s, n, i);
	d = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
		d++;
	}
	return d >= 1 && d <= 2 && i < n && s[i] == ':';
}

/* "第A11版:发布厅", "第03版：要闻": an e-paper page marker. */
static bool
is_epaper_marker(const char *s, size_t n)
{
	size_t i = strlen("第"), d = 0;

	if (!seg_starts(s, n, "第"))
		return false;
	if (i < n && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		i++;
		d++;
	}
	if (d == 0 || d > 3 || !seg_starts(s + i, n - i, "版"))
		return false;
	i += strlen("版");
	return i >= n || colon_after(s, n, i) != SEG_NONE || seg_is_blank_cp((unsigned char)s[i]);
}

/* Words whose pair makes a line chrome: 关于我们 with 联系我们, 网站 with 欢迎你/欢迎您. */
enum pair_word { PW_ABOUT = 1, PW_CONTACT = 2, PW_SITE = 4, PW_WELCOME = 8 };

static const struct {
	const char *word;
	unsigned bit;
} pair_words[] = {
	{"关于我们", PW_ABOUT}, {"联系我们", PW_CONTACT}, {"网站", PW_SITE}, {"欢迎你", PW_WELCOME},
	{"欢迎您", PW_WELCOME},
};

#define N_CHROME_WORDS (sizeof(chrome_words) / sizeof(chrome_words[0]))
#define N_PAIR_WORDS (sizeof(pair_words) / sizeof(pair_words[0]))
#define N_WORDS (N_CHROME_WORDS + N_PAIR_WORDS)

/* The words above by their first byte, so that one pass over a line finds them all:
 * word k < N_CHROME_WORDS is chrome_words[k], else pair_words[k - N_CHROME_WORDS]. */
static struct {
	unsigned char n[256];
	unsigned char k[256][N_WORDS];
	size_t len[N_WORDS];
} word_index;
static pthread_once_t word_index_once = PTHREAD_ONCE_INIT;

static const char *
index_word(size_t k)
{
	return k < N_CHROME_WORDS ? chrome_words[k] : pair_words[k - N_CHROME_WORDS].word;
}

static void
build_word_index(void)
{
	size_t k;
	unsigned char b;

	for (k = 0; k < N_WORDS; k++) {
		b = (unsigned char)index_word(k)[0];
		assert(strlen(index_word(k)) >= 3);
		word_index.k[b][word_index.n[b]++] = (unsigned char)k;
		word_index.len[k] = strlen(index_word(k));
	}
}

/* True when some chrome word occurs in s, or both words of a chrome pair do. */
static bool
has_chrome_word(const char *s, size_t n)
{
	unsigned seen = 0;
	size_t i, j, k, wl;
	unsigned char b;
	const char *w;

	(void)pthread_once(&word_index_once, build_word_index);
	for (i = 0; i < n; i++) {
		b = (unsigned char)s[i];
		for (j = 0; j < word_index.n[b]; j++) {
			k = word_index.k[b][j];
			wl = word_index.len[k];
			w = index_word(k);
			/* Every word has at least three bytes: test the first character inline. */
			if (wl > n - i || s[i + 1] != w[1] || s[i + 2] != w[2] ||
			    memcmp(s + i + 3, w + 3, wl - 3) != 0)
				continue;
			if (k < N_CHROME_WORDS)
				return true;
			seen |= pair_words[k - N_CHROME_WORDS].bit;
		}
	}
	return (seen & (PW_ABOUT | PW_CONTACT)) == (PW_ABOUT | PW_CONTACT) ||
	    (seen & (PW_SITE | PW_WELCOME)) == (PW_SITE | PW_WELCOME);
}

/* True when s holds a colon (： or :), which every chrome label is followed by. */
static bool
has_colon(const char *s, size_t n)
{
	return memchr(s, ':', n) != NULL || seg_has(s, n, "：");
}

bool
seg_is_chrome(const char *s, size_t n)
{
	size_t b;

	if (n == 0 || seg_ends(s, n, "。") || seg_ncp_over(s, n, MAX_CHROME_CP))
		return false;
	b = bullet_len(s, n);
	s += b;
	n -= b;
	if (n == 0)
		return false;
	if (seg_starts(s, n, "今天是") && seg_has(s, n, "星期"))
		return true;
	if (is_breadcrumb(s, n) || is_timestamp_start(s, n) || is_epaper_marker(s, n))
		return true;
	if (has_chrome_word(s, n))
		return true;
	if (!has_colon(s, n))
		return false;
	if (weak_label_start(s, n))
		return count_labels(s, n) >= 2;
	return count_labels(s, n) >= 1;
}

/* Dashes a page number stands between (— － – ‒ -). */
static const char *const page_dashes[] = {"—", "－", "–", "‒", "-"};

/* Length of the dash at the start of s[0..n), 0 when none. */
static size_t
page_dash(const char *s, size_t n)
{
	return seg_starts_any(s, n, page_dashes, sizeof(page_dashes) / sizeof(page_dashes[0]));
}

/* Length of the run of 1–4 ASCII digits at the start of s[0..n), 0 when none or longer. */
static size_t
page_digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 5 && s[i] >= '0' && s[i] <= '9')
		i++;
	return i <= 4 ? i : 0;
}

bool
seg_is_page_number(const char *s, size_t n)
{
	size_t i = 0, k;

	if ((k = page_dash(s, n)) > 0) {
		i = seg_skip_space(s, n, k);
		if ((k = page_digits(s + i, n - i)) == 0)
			return false;
		i = seg_skip_space(s, n, i + k);
		if ((k = page_dash(s + i, n - i)) == 0)
			return false;
		return seg_skip_space(s, n, i + k) == n;
	}
	if (!seg_starts(s, n, "第"))
		return false;
	i = seg_skip_space(s, n, strlen("第"));
	if ((k = page_digits(s + i, n - i)) == 0)
		return false;
	i = seg_skip_space(s, n, i + k);
	if (!seg_starts(s + i, n - i, "页"))
		return false;
	i = seg_skip_space(s, n, i + strlen("页"));
	if (i == n)
		return true;
	/* 第 2 页 共 5 页 */
	if (!seg_starts(s + i, n - i, "共"))
		return false;
	i = seg_skip_space(s, n, i + strlen("共"));
	if ((k = page_digits(s + i, n - i)) == 0)
		return false;
	i = seg_skip_space(s, n, i + k);
	return seg_starts(s + i, n - i, "页") && seg_skip_space(s, n, i + strlen("页")) == n;
}

bool
seg_is_boilerplate(const char *s, size_t n)
{
	return seg_is_chrome(s, n);
}

/* Document-type words a title by the genre formula ends with. */
static const char *const title_genres[] = {"通报", "报告", "公告", "公开", "公示", "通知",
    "通報", "報告"};

static bool
ends_with_title_genre(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof(title_genres) / sizeof(title_genres[0]); k++)
		if (seg_ends(s, n, title_genres[k]))
			return true;
	return false;
}

size_t
seg_title_end(const char *s, size_t n)
{
	size_t i = n, k;
	uint32_t cp;

	/* A publication date glued to the title: "…的通报2024-05-06", "…的通报 2024年5月6日". */
	while (i > 0) {
		k = i;
		cp = prevcp(s, &k);

		if ((cp >= '0' && cp <= '9') || cp == '-' || cp == ':' || cp == '/' || cp == '.' ||
		    cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 || seg_is_blank_cp(cp))
			i = k;
		else
			break;
	}
	if (i < n && ends_with_title_genre(s, i) && seg_ncp(s + i, n - i) >= 8)
		return i;
	return n;
}

bool
seg_reads_as_title(const char *s, size_t n)
{
	n = seg_title_end(s, n);
	if (n == 0 || seg_ncp_over(s, n, 120) || seg_has_sentence_end(s, n) ||
	    seg_is_chrome(s, n) || seg_has(s, n, "，") || seg_has(s, n, ","))
		return false;
	if (!ends_with_title_genre(s, n))
		return false;
	return seg_has(s, n, "关于") || seg_has(s, n, "關於") ||
	    ((seg_has(s, n, "整改") || seg_has(s, n, "巡察") || seg_has(s, n, "巡视")) &&
	    seg_has(s, n, "情况"));
}

bool
seg_reads_as_title_start(const char *s, size_t n)
{
	return !seg_ncp_over(s, n, 80) && !seg_has_sentence_end(s, n) && !seg_is_chrome(s, n) &&
	    !seg_has(s, n, "，") && !seg_has(s, n, ",") && seg_has(s, n, "关于") &&
	    !ends_with_title_genre(s, n);
}

bool
seg_is_edition_marker(const char *s, size_t n)
{
	if (seg_ncp_over(s, n, 20) || seg_has_sentence_end(s, n))
		return false;
	return ((seg_starts(s, n, "（") || seg_starts(s, n, "(")) &&
	    (seg_ends(s, n, "）") || seg_ends(s, n, ")"))) || seg_starts(s, n, "——");
}

bool
seg_is_attachment_line(const char *s, size_t n)
{
	return (seg_starts(s, n, "附件") && !seg_ncp_over(s, n, 60)) ||
	    seg_starts(s, n, "附：") || seg_starts(s, n, "附:");
}

bool
seg_is_residue(const char *s, size_t n, size_t max_cp)
{
	return n > 0 && !seg_has_sentence_end(s, n) && !seg_ncp_over(s, n, max_cp) &&
	    !seg_has(s, n, "关于") && !seg_is_date_line(s, n) && !seg_is_org_line(s, n) &&
	    !seg_is_contact_line(s, n);
}

enum line_role
seg_line_role(const char *s, size_t n)
{
	if (n == 0)
		return ROLE_BLANK;
	if (seg_is_chrome(s, n))
		return ROLE_CHROME;
	if (seg_reads_as_title(s, n))
		return ROLE_TITLE;
	if (seg_is_edition_marker(s, n))
		return ROLE_EDITION;
	if (seg_is_date_line(s, n))
		return ROLE_DATE;
	if (seg_is_contact_line(s, n))
		return ROLE_CONTACT;
	if (seg_is_attachment_line(s, n))
		return ROLE_ATTACHMENT;
	if (seg_is_org_line(s, n))
		return ROLE_ISSUER;
	return ROLE_BODY;
}
