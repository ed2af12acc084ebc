/* Channels of the contact block: each phone (area code, local number, extension), e-mail
 * address, postal code, postal address, 信箱, web address, QR code and account, with its label. */
#include <stdlib.h>
#include <string.h>
#include "facts.h"
#include "prevcp.h"
#include "utf8.h"
#include "xalloc.h"

/* Labels that announce a channel, longest first where one contains another. */
static const struct {
	const char *word;
	enum channel_label kind;
} labels[] = {
	{"监督举报电话", LB_PHONE}, {"电话号码", LB_PHONE}, {"联系电话", LB_PHONE},
	{"举报电话", LB_PHONE}, {"监督电话", LB_PHONE}, {"办公电话", LB_PHONE},
	{"咨询电话", LB_PHONE}, {"固定电话", LB_PHONE}, {"热线电话", LB_PHONE},
	{"电话", LB_PHONE}, {"座机", LB_PHONE}, {"固话", LB_PHONE}, {"热线", LB_PHONE},
	{"手机号码", LB_PHONE}, {"手机", LB_PHONE}, {"传真", LB_PHONE},
	{"联系方式", LB_GENERIC}, {"联系人", LB_GENERIC},
	{"电子邮箱", LB_EMAIL}, {"电子信箱", LB_EMAIL}, {"电子邮件", LB_EMAIL},
	{"举报邮箱", LB_EMAIL}, {"邮箱", LB_EMAIL},
	{"邮政编码", LB_POSTCODE}, {"邮编", LB_POSTCODE},
	{"通讯地址", LB_ADDRESS}, {"通信地址", LB_ADDRESS}, {"邮政地址", LB_ADDRESS},
	{"邮寄地址", LB_ADDRESS}, {"来信地址", LB_ADDRESS}, {"办公地址", LB_ADDRESS},
	{"地址", LB_ADDRESS}, {"来信请寄", LB_ADDRESS},
	{"邮政信箱", LB_MAILBOX}, {"举报信箱", LB_MAILBOX}, {"意见箱", LB_MAILBOX},
	{"信箱", LB_MAILBOX},
	{"举报网站", LB_WEB}, {"网址", LB_WEB}, {"网站", LB_WEB},
	{"二维码", LB_QR},
	{"微信公众号", LB_ACCOUNT}, {"公众号", LB_ACCOUNT}, {"微信号", LB_ACCOUNT},
	{"微信", LB_ACCOUNT},
};

/* ASCII labels, matched without regard to case. */
static const struct {
	const char *word;
	enum channel_label kind;
} ascii_labels[] = {
	{"e-mail", LB_EMAIL}, {"email", LB_EMAIL}, {"tel", LB_PHONE}, {"fax", LB_PHONE},
	{"qq", LB_ACCOUNT},
};

/* True when t[i, end) begins with the lower-case ASCII word w, in any case. */
static bool
ci_prefix(const char *t, size_t i, size_t end, const char *w)
{
	size_t k, n = strlen(w);
	char c;

	if (end - i < n)
		return false;
	for (k = 0; k < n; k++) {
		c = t[i + k];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[k])
			return false;
	}
	return true;
}

struct cscan {
	struct facts *f;
	const char *t;
	size_t end;                  /* end of the line being scanned */
	struct span label;           /* the label in force, empty when none */
	enum channel_label lkind;
	size_t cap;
	size_t mail;                 /* first e-mail channel that may still cover the scan */
};

/* An ASCII or full-width digit (０８１２－… is read as 0812-…). */
static bool
is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Bytes of the digit at t[i] (1 for ASCII, 3 for full-width), 0 when none stands there. */
static size_t
digit_len(const struct cscan *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s->t + i;

	if (i >= s->end)
		return 0;
	if (u[0] >= '0' && u[0] <= '9')
		return 1;
	if (s->end - i >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99)
		return 3;
	return 0;
}

/* The value of the digit at t[i] (digit_len > 0 there). */
static int
digit_val(const struct cscan *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s->t + i;

	return u[0] < 0x80 ? u[0] - '0' : u[2] - 0x90;
}

/* Offset after the run of digits at i; *count receives how many there are. */
static size_t
skip_digits(const struct cscan *s, size_t i, int *count)
{
	size_t n;

	*count = 0;
	while ((n = digit_len(s, i)) > 0) {
		i += n;
		(*count)++;
	}
	return i;
}

static bool
is_ascii_alnum(uint32_t cp)
{
	return is_digit(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Characters of an e-mail token as people write it, right and wrong: ASCII name and
 * domain characters, both at signs, the full-width dot and full-width letters and digits. */
static bool
is_mail_cp(uint32_t cp)
{
	return is_ascii_alnum(cp) || cp == '.' || cp == '_' || cp == '%' || cp == '+' ||
	    cp == '-' || cp == '@' || cp == 0xFF20 || cp == 0xFF0E ||
	    (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A);
}

/* Marks that end the clause a label governs. */
static bool
is_hard_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF1B || cp == ';' || cp == 0xFF01 || cp == 0xFF1F ||
	    cp == '!' || cp == '?' || cp == '\n';
}

/* Words that join two channels under one label (电话：a、b / a或b). */
static bool
is_joiner(uint32_t cp)
{
	return cp == 0x3001 || cp == 0x6216 || cp == 0x548C || cp == 0x53CA || cp == '/';
}

static struct channel_fact *
add_channel(struct cscan *s, enum channel_kind kind, size_t start, size_t end)
{
	struct channel_fact *ch;

	s->f->channels = xgrow(s->f->channels, &s->cap, s->f->nchannels + 1,
	    sizeof(*s->f->channels));
	ch = &s->f->channels[s->f->nchannels++];
	memset(ch, 0, sizeof(*ch));
	ch->kind = kind;
	ch->span.start = start;
	ch->span.end = end;
	ch->label = s->label;
	ch->lkind = s->lkind;
	return ch;
}

/* True when the line at i begins with the word w. */
static bool
at_word(const struct cscan *s, size_t i, const char *w)
{
	size_t n = strlen(w);

	return i <= s->end && s->end - i >= n && memcmp(s->t + i, w, n) == 0;
}

/* Length in bytes of the label at t[i], and its kind; 0 when none starts there. */
static size_t
label_at(const struct cscan *s, size_t i, enum channel_label *kind)
{
	size_t k, n;

	for (k = 0; k < sizeof(labels) / sizeof(labels[0]); k++) {
		n = strlen(labels[k].word);
		if (n <= s->end - i && memcmp(s->t + i, labels[k].word, n) == 0) {
			*kind = labels[k].kind;
			return n;
		}
	}
	if (i > 0 && is_ascii_alnum((unsigned char)s->t[i - 1]))
		return 0;
	for (k = 0; k < sizeof(ascii_labels) / sizeof(ascii_labels[0]); k++) {
		n = strlen(ascii_labels[k].word);
		if (ci_prefix(s->t, i, s->end, ascii_labels[k].word) &&
		    (i + n == s->end || !is_ascii_alnum((unsigned char)s->t[i + n]))) {
			*kind = ascii_labels[k].kind;
			return n;
		}
	}
	return 0;
}

/* Offset after the white space and colon that follow a label at i. */
static size_t
skip_colon(const struct cscan *s, size_t i)
{
	size_t j;
	uint32_t cp;

	while (i < s->end) {
		j = i;
		cp = utf8_next(s->t, s->end, &j);
		if (cp != ' ' && cp != 0x3000 && cp != 0x00A0 && cp != ':' && cp != 0xFF1A &&
		    cp != '\t')
			break;
		i = j;
	}
	return i;
}

/* Where a free-text value (address, account name) starting at i ends: at a clause mark, a
 * comma, a bracket or the next label. */
static size_t
text_value_end(const struct cscan *s, size_t i)
{
	enum channel_label k;
	size_t j, start = i;
	uint32_t cp;

	while (i < s->end) {
		j = i;
		cp = utf8_next(s->t, s->end, &j);
		if (is_hard_end(cp) || cp == 0xFF0C || cp == ',' || cp == 0xFF08 || cp == '(' ||
		    cp == 0xFF09 || cp == ')' || label_at(s, i, &k) > 0)
			break;
		i = j;
	}
	while (i > start && (s->t[i - 1] == ' ' || s->t[i - 1] == '.'))
		i--;
	return i;
}

/* An e-mail token around the at sign at; its span goes to *start, *end. The name part runs
 * back over ASCII name characters or, when there are none, over other letters (名字@…). */
static void
mail_token(const struct cscan *s, size_t line, size_t at, size_t *start, size_t *end)
{
	size_t i = at, j;
	uint32_t cp;

	while (i > line) {
		j = i;
		cp = prevcp(s->t, &j);
		if (!is_mail_cp(cp))
			break;
		i = j;
	}
	if (i == at) {
		while (i > line) {
			j = i;
			cp = prevcp(s->t, &j);
			if (!utf8_is_han(cp) || is_joiner(cp))
				break;
			i = j;
		}
	}
	*start = i;
	i = at;
	while (i < s->end) {
		j = i;
		if (!is_mail_cp(utf8_next(s->t, s->end, &j)))
			break;
		i = j;
	}
	while (i > at + 1 && (s->t[i - 1] == '.' || s->t[i - 1] == '-'))
		i--;
	*end = i;
}

/* Digit groups of a number: one group per run of digits, the separators between them. */
struct groups {
	size_t start[6], end[6];
	int nd[6];                   /* digits in group k */
	uint32_t sep[6];             /* separator before group k (0 for the first) */
	int n;
	bool bracketed;              /* the first group stood in brackets: (0871)… */
};

/* Byte length of a separator between digit groups at t[i], or 0. */
static size_t
group_sep(const struct cscan *s, size_t i, uint32_t *cp)
{
	size_t j = i;

	if (i >= s->end)
		return 0;
	*cp = utf8_next(s->t, s->end, &j);
	if (*cp == '-' || *cp == 0xFF0D || *cp == 0x2014 || *cp == 0x2013 || *cp == 0x2010 ||
	    *cp == 0x2212 || *cp == ' ')
		return digit_len(s, j) > 0 ? j - i : 0;
	return 0;
}

/* Reads the digit groups of a number starting at i; returns the offset after them. */
static size_t
read_groups(const struct cscan *s, size_t i, struct groups *g)
{
	size_t j, n;
	uint32_t cp = 0, close;

	memset(g, 0, sizeof(*g));
	j = i;
	cp = utf8_next(s->t, s->end, &j);
	if (cp == '(' || cp == 0xFF08) {
		close = cp == '(' ? ')' : 0xFF09;
		i = j;
		g->start[0] = i;
		i = skip_digits(s, i, &g->nd[0]);
		g->end[0] = i;
		j = i;
		if (i < s->end && utf8_next(s->t, s->end, &j) == close)
			i = j;
		g->bracketed = true;
		g->n = 1;
		while (i < s->end && s->t[i] == ' ')
			i++;
		if (i < s->end && (s->t[i] == '-'))
			i++;
	}
	while (g->n < 6 && digit_len(s, i) > 0) {
		g->start[g->n] = i;
		i = skip_digits(s, i, &g->nd[g->n]);
		g->end[g->n] = i;
		g->sep[g->n] = g->n > 0 ? cp : 0;
		g->n++;
		n = group_sep(s, i, &cp);
		if (n == 0)
			break;
		i += n;
	}
	return i;
}

static int
glen(const struct groups *g, int k)
{
	return g->nd[k];
}

/* An extension after the number at i (转801, 分机801, 转分机801, (转801)); fills ext and
 * returns the offset after it, or i. */
static size_t
read_ext(const struct cscan *s, size_t i, struct span *ext)
{
	static const char *const words[] = {"转分机", "分机号", "分机", "转"};
	size_t j = i, k, n;
	int k2;
	bool open = false;

	if (j < s->end && (s->t[j] == '(' || at_word(s, j, "（"))) {
		j += s->t[j] == '(' ? 1 : 3;
		open = true;
	}
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		n = strlen(words[k]);
		if (n <= s->end - j && memcmp(s->t + j, words[k], n) == 0)
			break;
	}
	if (k == sizeof(words) / sizeof(words[0]))
		return i;
	j = skip_colon(s, j + n);
	ext->start = j;
	j = skip_digits(s, j, &k2);
	ext->end = j;
	if (open && j < s->end && (s->t[j] == ')' || at_word(s, j, "）")))
		j += s->t[j] == ')' ? 1 : 3;
	return j;
}

/* True when the digits at start (before end) begin with the ASCII digits of prefix. */
static bool
begins(const struct cscan *s, size_t start, size_t end, const char *prefix)
{
	size_t n;

	for (; *prefix != '\0'; prefix++) {
		if (start >= end || (n = digit_len(s, start)) == 0 ||
		    digit_val(s, start) != *prefix - '0')
			return false;
		start += n;
	}
	return true;
}

/* Offset after the first count digits from i. */
static size_t
after_digits(const struct cscan *s, size_t i, int count)
{
	while (count-- > 0)
		i += digit_len(s, i);
	return i;
}

/* Sorts the groups of a phone number into area code, local number and extension; returns
 * the number of groups used. */
static int
phone_parts(const struct cscan *s, const struct groups *g, struct channel_fact *ch)
{
	int k = 0, local, na;
	size_t a0 = g->start[0], a1;

	if (!g->bracketed && digit_val(s, a0) == 0 && glen(g, 0) >= 10) {
		/* 07367221456: the numbering plan says where the area code ends. */
		na = begins(s, a0, g->end[0], "010") || begins(s, a0, g->end[0], "02") ? 3 : 4;
		a1 = after_digits(s, a0, na);
		ch->area.start = a0;
		ch->area.end = a1;
		ch->local.start = a1;
		ch->local.end = g->end[0];
		ch->local_digits = glen(g, 0) - na;
		ch->area_digits = na;
		k = 1;
	} else {
		if (g->bracketed || (g->n >= 2 && digit_val(s, a0) == 0)) {
			ch->area.start = g->start[0];
			ch->area.end = g->end[0];
			ch->area_digits = glen(g, 0);
			k = 1;
		}
		if (k >= g->n)
			return k;
		ch->local.start = g->start[k];
		local = glen(g, k++);
		/* Groups of a number written in blocks (010-8888 8888, 138 1234 5678) join up. */
		while (k < g->n && (local < 7 || (digit_val(s, ch->local.start) == 1 && local < 11)) &&
		    !(ch->area_digits == 0 && digit_val(s, ch->local.start) == 1 &&
		    local + glen(g, k) > 11)) {
			local += glen(g, k);
			k++;
		}
		ch->local.end = g->end[k - 1];
		ch->local_digits = local;
	}
	if (k < g->n && g->sep[k] != ' ' && glen(g, k) <= 6) {
		ch->ext.start = g->start[k];
		ch->ext.end = g->end[k];
		k++;
	}
	return k;
}

/* True when the digits at i are a number of another kind: a year, a house number, a count. */
static bool
unit_follows(const struct cscan *s, size_t i)
{
	size_t j = i;
	uint32_t cp;

	if (i >= s->end)
		return false;
	cp = utf8_next(s->t, s->end, &j);
	return utf8_is_han(cp) && cp != 0x8F6C /* 转 */ && cp != 0x5206 /* 分机 */ &&
	    !is_joiner(cp);
}

/* True when a colon and a digit follow at i: the number was the hour of a time (8:30). */
static bool
time_follows(const struct cscan *s, size_t i)
{
	size_t n = 0;

	if (i < s->end && s->t[i] == ':')
		n = 1;
	else if (at_word(s, i, "："))
		n = 3;
	return n > 0 && digit_len(s, i + n) > 0;
}

/* Offset after the minutes of a time whose colon is at i. */
static size_t
skip_time(const struct cscan *s, size_t i)
{
	int n;

	i += s->t[i] == ':' ? 1 : 3;
	return skip_digits(s, i, &n);
}

/* A number at i: a phone under a phone label or when shaped like one, a postal code under
 * 邮编, skipped under an account label. Returns the offset after it. */
static size_t
on_number(struct cscan *s, size_t i)
{
	struct groups g;
	struct channel_fact *ch;
	struct span ext = {0, 0};
	size_t e = read_groups(s, i, &g), e2;
	int total = 0, k;
	bool labelled = s->lkind == LB_PHONE || s->lkind == LB_GENERIC;

	if (g.n == 0)
		return i + 1;
	for (k = 0; k < g.n; k++)
		total += glen(&g, k);
	if (s->lkind == LB_POSTCODE) {
		add_channel(s, CH_POSTCODE, g.start[0], g.end[g.n - 1]);   /* also 427 200 */
		return e;
	}
	if (s->lkind == LB_ACCOUNT || s->lkind == LB_ADDRESS || s->lkind == LB_MAILBOX ||
	    s->lkind == LB_WEB)
		return e;
	if (g.n == 1 && time_follows(s, e))
		return skip_time(s, e);
	e2 = read_ext(s, e, &ext);
	if (e2 == e && unit_follows(s, e))
		return e;
	/* Unlabelled digits count as a phone only when shaped like one: 7+ digits in one run,
	 * a leading 0 with its separator, a bracketed area code, or a five-digit 12xxx. */
	if (!labelled && !g.bracketed && !(g.n == 1 && total >= 7) &&
	    !(digit_val(s, g.start[0]) == 0 && g.n >= 2) &&
	    !(g.n == 3 && digit_val(s, g.start[0]) == 1 && total == 11) &&
	    !(g.n == 1 && total == 5 && digit_val(s, g.start[0]) == 1))
		return e;
	ch = add_channel(s, CH_PHONE, g.bracketed ? i : g.start[0], e);
	k = phone_parts(s, &g, ch);
	if (k < g.n && g.sep[k] == ' ') {
		/* Two numbers side by side (0736-7221456 13907361234): the next one starts here. */
		ch->span.end = g.end[k - 1];
		return g.start[k];
	}
	if (k < g.n)
		ch->extra_digits = 1;
	else if (ext.end > ext.start && ch->ext.end == ch->ext.start) {
		ch->ext = ext;
		ch->span.end = e2;
	}
	return k < g.n ? e : e2;
}

/* A free-text channel under an address, mailbox, web or account label at i. */
static size_t
on_text_value(struct cscan *s, size_t i, enum channel_kind kind)
{
	size_t e = text_value_end(s, i), k;

	for (k = i; k < e; k++)
		if (s->t[k] == '@' || at_word(s, k, "＠"))
			return i;    /* an e-mail address under 信箱: read as one */
	if (kind == CH_MAILBOX && e > i && at_word(s, e, "信箱"))
		e += strlen("信箱");                                  /* 信箱：…102号信箱 */
	if (kind == CH_MAILBOX && e == i)
		add_channel(s, kind, s->label.start, s->label.end);   /* …102号信箱 */
	else
		add_channel(s, kind, i, e);
	return kind == CH_WEB ? i : e;
}

static enum channel_kind
label_channel(enum channel_label k)
{
	switch (k) {
	case LB_ADDRESS: return CH_ADDRESS;
	case LB_MAILBOX: return CH_MAILBOX;
	case LB_WEB: return CH_WEB;
	case LB_QR: return CH_QR;
	default: return CH_ACCOUNT;
	}
}

/* True when an e-mail token of the line covers offset i; offsets are asked in increasing
 * order per line, so a cursor walks the tokens once. */
static bool
in_mail(struct cscan *s, size_t i)
{
	const struct channel_fact *ch;

	while (s->mail < s->f->nchannels) {
		ch = &s->f->channels[s->mail];
		if (ch->kind == CH_EMAIL && i < ch->span.end)
			return i >= ch->span.start;
		s->mail++;
	}
	return false;
}

/* Reads the e-mail tokens of line [start, end) first, so their digits are no phones. */
static void
scan_mail(struct cscan *s, size_t start)
{
	size_t i = start, j, a, b;
	uint32_t cp;

	while (i < s->end) {
		j = i;
		cp = utf8_next(s->t, s->end, &j);
		if ((cp == '@' || cp == 0xFF20) && !in_mail(s, i)) {
			mail_token(s, start, i, &a, &b);
			s->label.start = s->label.end = 0;
			s->lkind = LB_NONE;
			add_channel(s, CH_EMAIL, a, b);
		}
		i = j;
	}
}

/* Full-width forms a web address is mistyped with: letters, digits, ． and ／. */
static bool
is_wide_web_cp(uint32_t cp)
{
	return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF0E || cp == 0xFF0F;
}

/* True for a dot, ASCII or full-width. */
static bool
is_dot_cp(uint32_t cp)
{
	return cp == '.' || cp == 0xFF0E;
}

/* True when the white space at i stands inside a web address: a dot on one side of it and
 * a letter or digit on the other (www.qcjw .gov.cn, www. qcjw.gov.cn). */
static bool
inner_space(const struct cscan *s, size_t start, size_t i)
{
	size_t j = i, b = i;
	uint32_t prev, next;

	while (j < s->end && (s->t[j] == ' ' || at_word(s, j, "　")))
		j += s->t[j] == ' ' ? 1 : 3;
	if (j >= s->end || b <= start)
		return false;
	prev = prevcp(s->t, &b);
	b = j;
	next = utf8_next(s->t, s->end, &b);
	return (is_dot_cp(prev) && (is_ascii_alnum(next) || is_wide_web_cp(next))) ||
	    (is_dot_cp(next) && (is_ascii_alnum(prev) || is_wide_web_cp(prev)));
}

/* Reads a web address starting at i (http://, https://, www.), with the full-width forms
 * and inner spaces it may be mistyped with; returns its end or i. */
static size_t
web_at(const struct cscan *s, size_t i)
{
	size_t j = i, k;
	uint32_t cp;

	if (!ci_prefix(s->t, i, s->end, "http://") && !ci_prefix(s->t, i, s->end, "https://") &&
	    !ci_prefix(s->t, i, s->end, "www."))
		return i;
	if (i > 0 && is_ascii_alnum((unsigned char)s->t[i - 1]))
		return i;
	while (j < s->end) {
		k = j;
		cp = utf8_next(s->t, s->end, &k);
		if ((cp > ' ' && cp < 0x7F && cp != ';' && cp != ',' && cp != ')') ||
		    is_wide_web_cp(cp))
			j = k;
		else if ((cp == ' ' || cp == 0x3000) && inner_space(s, i, j))
			j = k;
		else
			break;
	}
	while (j > i && s->t[j - 1] == '.')
		j--;
	return j;
}

/* True when nothing but a clause mark or comma follows a label at i. */
static bool
no_value(const struct cscan *s, size_t i)
{
	size_t j = i;
	uint32_t cp;

	if (i >= s->end)
		return true;
	cp = utf8_next(s->t, s->end, &j);
	return is_hard_end(cp) || cp == ',' || cp == 0xFF0C;
}

/* Scans one line of the contact block. */
static void
scan_line(struct cscan *s, size_t start, size_t end)
{
	size_t i = start, j, n, first = s->f->nchannels;
	enum channel_label k, saved_kind = LB_NONE;
	struct span saved = {0, 0};
	uint32_t cp;

	s->end = end;
	s->label.start = s->label.end = 0;
	s->lkind = LB_NONE;
	s->mail = first;
	scan_mail(s, start);
	s->mail = first;
	while (i < end) {
		if (in_mail(s, i)) {
			i++;
			continue;
		}
		if ((j = web_at(s, i)) > i) {
			s->lkind = LB_WEB;
			add_channel(s, CH_WEB, i, j);
			i = j;
			continue;
		}
		if ((n = label_at(s, i, &k)) > 0) {
			s->label.start = i;
			s->label.end = i + n;
			s->lkind = k;
			i = skip_colon(s, i + n);
			if (k == LB_QR)
				add_channel(s, CH_QR, s->label.start, s->label.end);
			else if (k == LB_ADDRESS || k == LB_MAILBOX || k == LB_ACCOUNT ||
			    (k == LB_WEB && web_at(s, i) == i))
				i = on_text_value(s, i, label_channel(k));
			else if (k == LB_POSTCODE && no_value(s, i))
				add_channel(s, CH_POSTCODE, i, i);
			else if (k == LB_PHONE && no_value(s, i))
				add_channel(s, CH_PHONE, i, i);
			continue;
		}
		j = i;
		cp = utf8_next(s->t, end, &j);
		if (is_digit(cp) || ((cp == '(' || cp == 0xFF08) && digit_len(s, j) > 0 &&
		    digit_val(s, j) == 0)) {
			if (i > start && (is_ascii_alnum((unsigned char)s->t[i - 1]) ||
			    s->t[i - 1] == '.' || s->t[i - 1] == '/')) {
				while (j < end && is_ascii_alnum((unsigned char)s->t[j]))
					j++;
				i = j;
				continue;
			}
			i = on_number(s, i);
			continue;
		}
		if (is_hard_end(cp) || ((cp == 0xFF0C || cp == ',') && digit_len(s, j) == 0)) {
			s->label.start = s->label.end = 0;
			s->lkind = LB_NONE;
		} else if (cp == '(' || cp == 0xFF08) {
			/* A bracket is a remark of its own (（工作日8:30—17:30）, （邮编：…）): the
			 * label before it does not reach in, and is back after it. */
			saved = s->label;
			saved_kind = s->lkind;
			s->label.start = s->label.end = 0;
			s->lkind = LB_NONE;
		} else if ((cp == ')' || cp == 0xFF09) && saved_kind != LB_NONE) {
			s->label = saved;
			s->lkind = saved_kind;
			saved_kind = LB_NONE;
		}
		i = j;
	}
}

static int
cmp_channel(const void *a, const void *b)
{
	const struct channel_fact *x = a, *y = b;

	if (x->span.start != y->span.start)
		return x->span.start < y->span.start ? -1 : 1;
	return 0;
}

void
fact_channels(struct facts *f, const struct doc *doc)
{
	struct cscan s;
	size_t i;

	memset(&s, 0, sizeof(s));
	s.f = f;
	s.t = doc->text;
	if (!doc->contact.present)
		return;
	for (i = doc->contact.first_line; i <= doc->contact.last_line && i < doc->nlines; i++)
		if (doc->lines[i].kind == LINE_CONTACT)
			scan_line(&s, doc->lines[i].content.start, doc->lines[i].content.end);
	if (f->nchannels > 1)
		qsort(f->channels, f->nchannels, sizeof(*f->channels), cmp_channel);
}
