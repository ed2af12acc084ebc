/* Unit tests: the channels of the contact block (fact_contact.c) and the rules that judge
 * them (GEN-009, GEN-010 … GEN-010.4), on contact blocks written fresh for other units. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "facts.h"
#include "lint.h"
#include "segment.h"
#include "testutil.h"

static const struct lint_opts opts = {LANG_EN, 2026, 11, 23, NULL, NULL, NULL, NULL, false};

/* A notice's end: the last measure, the contact paragraph, a signature. */
#define OPEN "（三）持续巩固整改成果。建立健全长效机制。\n" \
	"欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
#define BUREAU "\n中共桐川县自然资源局党组\n2025年11月3日\n"
#define TOWN "\n中共东坪区青禾镇委员会\n2025年10月28日\n"
#define FIRM "\n中共青川市城市投资集团有限公司委员会\n2025年12月8日\n"

static int
setup(void **state)
{
	static const char *const packs[] = {"structure.yml", "text.yml"};
	struct ruleset *rs = calloc(1, sizeof(*rs));

	assert_non_null(rs);
	tu_load_packs(rs, packs, 2);
	*state = rs;
	return 0;
}

static int
teardown(void **state)
{
	ruleset_free(*state);
	free(*state);
	return 0;
}

/* The text of span sp of text. */
static int
span_is(const char *text, struct span sp, const char *want)
{
	size_t n = sp.end - sp.start;

	return n == strlen(want) && memcmp(text + sp.start, want, n) == 0;
}

/* Reads the channels of text into doc (through a run of GEN-010). */
static const struct facts *
channels_of(void **state, const char *text, struct doc *doc)
{
	struct diag_list out;

	tu_run_rule(*state, &opts, "GEN-010", "case.txt", text, doc, &out);
	diag_list_free(&out);
	assert_non_null(doc->facts);
	return doc->facts;
}

/* Every kind of channel of one block, with labels, parts and extensions. */
static void
test_channels_parsed(void **state)
{
	static const char text[] = OPEN
	    "联系电话：0736-7221456转802、0736-7221457；传真：(0736)7221458；手机：139 0736 1234；"
	    "举报电话：12388；电子邮箱：trzrzyj@163.com；通讯地址：桐川县迎宾大道88号（邮编：415700）；"
	    "县纪委监委邮政信箱：桐川县102号信箱；网址：www.tczrzy.gov.cn；扫描二维码关注“清风桐川”。"
	    BUREAU;
	static const struct {
		enum channel_kind kind;
		enum channel_label lkind;
		const char *value, *area, *local, *ext;
	} want[] = {
		{CH_PHONE, LB_PHONE, "0736-7221456转802", "0736", "7221456", "802"},
		{CH_PHONE, LB_PHONE, "0736-7221457", "0736", "7221457", ""},
		{CH_PHONE, LB_PHONE, "(0736)7221458", "0736", "7221458", ""},
		{CH_PHONE, LB_PHONE, "139 0736 1234", "", "139 0736 1234", ""},
		{CH_PHONE, LB_PHONE, "12388", "", "12388", ""},
		{CH_EMAIL, LB_NONE, "trzrzyj@163.com", "", "", ""},
		{CH_ADDRESS, LB_ADDRESS, "桐川县迎宾大道88号", "", "", ""},
		{CH_POSTCODE, LB_POSTCODE, "415700", "", "", ""},
		{CH_MAILBOX, LB_MAILBOX, "桐川县102号信箱", "", "", ""},
		{CH_WEB, LB_WEB, "www.tczrzy.gov.cn", "", "", ""},
		{CH_QR, LB_QR, "二维码", "", "", ""},
	};
	struct doc doc;
	const struct facts *f = channels_of(state, text, &doc);
	const struct channel_fact *ch;
	size_t i;

	for (i = 0; i < f->nchannels && f->nchannels != sizeof(want) / sizeof(want[0]); i++)
		print_message("channel %zu: kind %d \"%.*s\"\n", i, f->channels[i].kind,
		    (int)(f->channels[i].span.end - f->channels[i].span.start),
		    text + f->channels[i].span.start);
	assert_int_equal(f->nchannels, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < f->nchannels; i++) {
		ch = &f->channels[i];
		if (ch->kind != want[i].kind || ch->lkind != want[i].lkind ||
		    !span_is(text, ch->span, want[i].value) || !span_is(text, ch->area, want[i].area) ||
		    !span_is(text, ch->local, want[i].local) || !span_is(text, ch->ext, want[i].ext))
			fail_msg("channel %zu: kind %d label %d \"%.*s\", want \"%s\"", i, ch->kind,
			    ch->lkind, (int)(ch->span.end - ch->span.start), text + ch->span.start,
			    want[i].value);
	}
	assert_int_equal(f->channels[3].local_digits, 11);
	doc_free(&doc);
}

/* A block of one channel per line, after a sentence that ends with a colon. */
static void
test_block_of_lines(void **state)
{
	static const char text[] = "（三）持续巩固整改成果。建立健全长效机制。\n"
	    "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请通过以下方式反映：\n"
	    "联系电话：0736-7221456（工作日8:30—17:30）\n电子邮箱：tc@163.com\n"
	    "通讯地址：桐川县迎宾大道88号\n邮政编码：415700" BUREAU;
	static const enum channel_kind kinds[] = {CH_PHONE, CH_EMAIL, CH_ADDRESS, CH_POSTCODE};
	struct doc doc;
	const struct facts *f = channels_of(state, text, &doc);
	size_t i;

	assert_int_equal(f->nchannels, 4);
	for (i = 0; i < 4; i++)
		assert_int_equal(f->channels[i].kind, kinds[i]);
	assert_int_equal(doc.contact.last_line - doc.contact.first_line, 4);
	doc_free(&doc);
}

/* A long line of addresses and numbers is read whole, each token once. */
static void
test_long_line(void **state)
{
	static const char item[] = "qh@163.cn、0736-7221456、";
	size_t n = 2000, i, len = strlen(OPEN) + n * strlen(item) + strlen(BUREAU) + 1;
	char *text = malloc(len), *p;
	struct doc doc;
	const struct facts *f;

	assert_non_null(text);
	p = text + snprintf(text, len, "%s", OPEN);
	for (i = 0; i < n; i++)
		p += snprintf(p, len - (size_t)(p - text), "%s", item);
	(void)snprintf(p, len - (size_t)(p - text), "%s", BUREAU);
	f = channels_of(state, text, &doc);
	assert_int_equal(f->nchannels, 2 * n);
	assert_int_equal(f->channels[2 * n - 1].kind, CH_PHONE);
	doc_free(&doc);
	free(text);
}

/* Two numbers side by side, split by a space only, are two channels. */
static void
test_numbers_side_by_side(void **state)
{
	static const char text[] = OPEN "联系电话：0736-7221456 139 0736 1234 7221457。" BUREAU;
	struct doc doc;
	const struct facts *f = channels_of(state, text, &doc);

	assert_int_equal(f->nchannels, 3);
	assert_true(span_is(text, f->channels[0].span, "0736-7221456"));
	assert_true(span_is(text, f->channels[1].span, "139 0736 1234"));
	assert_true(span_is(text, f->channels[2].span, "7221457"));
	assert_int_equal(f->channels[2].lkind, LB_PHONE);
	doc_free(&doc);
}

/* Numbers that are no phones stay out: house numbers, dates, QQ numbers, postal codes. */
static void
test_numbers_not_phones(void **state)
{
	static const char text[] = OPEN
	    "地址：青禾镇人民路16号3楼302室，2025年起受理来信；QQ：3312345678；邮编：427200。" TOWN;
	struct doc doc;
	const struct facts *f = channels_of(state, text, &doc);
	size_t i;

	for (i = 0; i < f->nchannels; i++)
		assert_int_not_equal(f->channels[i].kind, CH_PHONE);
	assert_int_equal(f->nchannels, 3);  /* address, account, postal code */
	doc_free(&doc);
}

/* Must flag and must pass, one rule at a time, with the span each finding covers. */
static const struct tu_snippet cases[] = {
	/* GEN-010.4: a phone that cannot be dialled. */
	{"GEN-010.4", OPEN "联系电话：0736-7221456。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0871-123456。" BUREAU, 1, "0871-123456"},
	{"GEN-010.4", OPEN "手机：138001380000。" TOWN, 1, "138001380000"},
	{"GEN-010.4", OPEN "手机：1380013800。" TOWN, 1, "1380013800"},
	{"GEN-010.4", OPEN "手机：12800138000。" TOWN, 1, "12800138000"},
	{"GEN-010.4", OPEN "联系电话：021-6543210。" FIRM, 1, "021-6543210"},
	{"GEN-010.4", OPEN "联系电话：021-65432101。" FIRM, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：010-8888 6666。" FIRM, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：035-7221456。" BUREAU, 1, "035-7221456"},
	{"GEN-010.4", OPEN "联系电话：0251-7221456。" BUREAU, 1, "0251-7221456"},
	{"GEN-010.4", OPEN "联系电话：07361-7221456。" BUREAU, 1, "07361-7221456"},
	{"GEN-010.4", OPEN "联系电话：0736-0221456。" BUREAU, 1, "0736-0221456"},
	{"GEN-010.4", OPEN "联系电话：07367221456。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：（0736）7221456。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736—7221456。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736-7221456转8021；0736-7221456分机12；0736-7221456-801。"
	    BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736-7221456（转802）。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736-7221456、722145。" BUREAU, 1, "722145"},
	{"GEN-010.4", OPEN "联系电话：0736-7221456或0736-722145。" BUREAU, 1, "0736-722145"},
	{"GEN-010.4", OPEN "联系电话：0736-7221456或13907361234。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "举报电话：12388；政务服务热线：12345；服务电话：95598、400-810-6666。"
	    FIRM, 0, NULL},
	{"GEN-010.4", OPEN "举报电话：0736-12388。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：；电子邮箱：tc@163.com。" BUREAU, 1, "联系电话"},
	{"GEN-010.4", OPEN "联系电话：0736-7221456 13907361234。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736-7221456 1390736123。" BUREAU, 1, "1390736123"},
	{"GEN-010.4", OPEN "联系电话：07367221456-801。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736-7221456，2025年起24小时受理。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "联系电话：0736-7221456-801-5。" BUREAU, 1, "0736-7221456-801-5"},
	{"GEN-010.4", OPEN "联系电话：0736-7221456（工作日8:30—17:30，24小时留言）。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "请于2026年1月31日前反映：联系电话：0871-65321234，0871-65321235（传真）。"
	    FIRM, 0, NULL},
	{"GEN-010.4", OPEN "联系电话（工作日）：0736-722145。" BUREAU, 1, "0736-722145"},
	/* GEN-010: a number without a label; 联系方式 and a label shared over 、/或 will do. */
	{"GEN-010", OPEN "0736-7221456；电子邮箱：tc@163.com。" BUREAU, 1, "0736-7221456"},
	{"GEN-010", OPEN "联系方式：0736-7221456。" BUREAU, 0, NULL},
	{"GEN-010", OPEN "监督举报电话：0736-7221456、0736-7221457或13907361234。" BUREAU, 0, NULL},
	{"GEN-010", OPEN "联系人：王某，0736-7221456。" BUREAU, 0, NULL},
	{"GEN-010", OPEN "电子邮箱：tc@163.com；13907361234。" TOWN, 1, "13907361234"},
	{"GEN-010", OPEN "联系电话（工作日）：0736-7221456。" BUREAU, 0, NULL},
	{"GEN-010", OPEN "请拨打镇纪委电话0736-7221456或发送邮件至qhzjw@163.com。" TOWN, 0, NULL},
	/* GEN-010.1: a landline without area code; mobiles and service numbers need none. */
	{"GEN-010.1", OPEN "联系电话：7221456。" BUREAU, 1, "7221456"},
	{"GEN-010.1", OPEN "联系电话：7221456、13907361234、12388。" BUREAU, 1, "7221456"},
	{"GEN-010.1", OPEN "联系电话：722145。" BUREAU, 0, NULL},  /* GEN-010.4's */
	/* GEN-010.2: an e-mail address that cannot work. */
	{"GEN-010.2", OPEN "电子邮箱：name@@qhz.cn。" TOWN, 1, "name@@qhz.cn"},
	{"GEN-010.2", OPEN "电子邮箱：name@qhz。" TOWN, 1, "name@qhz"},
	{"GEN-010.2", OPEN "电子邮箱：名字@qhz.cn。" TOWN, 1, "名字@qhz.cn"},
	{"GEN-010.2", OPEN "电子邮箱：qhzjw＠163.com。" TOWN, 1, "qhzjw＠163.com"},
	{"GEN-010.2", OPEN "电子邮箱：qhzjw@163.con。" TOWN, 1, "qhzjw@163.con"},
	{"GEN-010.2", OPEN "电子邮箱：qhzjw@163.c。" TOWN, 1, "qhzjw@163.c"},
	{"GEN-010.2", OPEN "电子邮箱：qhzjw@163..com。" TOWN, 1, "qhzjw@163..com"},
	{"GEN-010.2", OPEN "电子邮箱：qhzjw@163．com。" TOWN, 1, "qhzjw@163．com"},
	{"GEN-010.2", OPEN "电子邮箱：.qhzjw@163.com。" TOWN, 1, ".qhzjw@163.com"},
	{"GEN-010.2", OPEN "电子邮箱：@163.com。" TOWN, 1, "@163.com"},
	{"GEN-010.2", OPEN "电子邮箱：qhz_jw.2025@qhz-town.gov.cn。" TOWN, 0, NULL},
	{"GEN-010.2", OPEN "电子邮箱：QHZJW@163.COM或qhz@qq.com。" TOWN, 0, NULL},
	{"GEN-010.2", OPEN "电子邮箱：jw@cityinvest.com.cn○" FIRM, 0, NULL},
	{"GEN-010.2", OPEN "E-mail: tcjw@tc.org.cn; 电话：0736-7221456。" BUREAU, 0, NULL},
	/* GEN-010.3: a postal code of six digits. */
	{"GEN-010.3", OPEN "通讯地址：青川市滨江路1号，邮编：65000。" FIRM, 1, "65000"},
	{"GEN-010.3", OPEN "通讯地址：青川市滨江路1号（邮政编码：6500001）。" FIRM, 1, "6500001"},
	{"GEN-010.3", OPEN "通讯地址：青川市滨江路1号（邮编：650000）。" FIRM, 0, NULL},
	{"GEN-010.3", OPEN "邮寄地址：青禾镇政府大院3号楼201室；邮政编码：427 200。" TOWN, 0, NULL},
	{"GEN-010.3", OPEN "来信请寄：青川市滨江路1号集团纪委办公室，邮编：6500。" FIRM, 1, "6500"},
	/* Full-width digits are read as digits: a good number passes, a short one is wrong. */
	{"GEN-010.4", OPEN "联系电话：０７３６－７２２１４５６；手机：１３９０７３６１２３４。" BUREAU, 0, NULL},
	{"GEN-010.4", OPEN "举报电话：０７３６－７２２１４５。" BUREAU, 1, "０７３６－７２２１４５"},
	{"GEN-010.4", OPEN "联系电话：（０７３６）７２２１４５６转８０２。" BUREAU, 0, NULL},
	{"GEN-010.1", OPEN "联系电话：７２２１４５６。" BUREAU, 1, "７２２１４５６"},
	{"GEN-010.3", OPEN "通讯地址：桐川县迎宾大道9号（邮编：４１５００）。" BUREAU, 1, "４１５００"},
	{"GEN-010.3", OPEN "通讯地址：桐川县迎宾大道9号（邮编：４１５０００）。" BUREAU, 0, NULL},
	/* GEN-010.5: a web address that cannot open; site names and good addresses pass. */
	{"GEN-010.5", OPEN "监督网站：www.tcxjw. gov.cn。" BUREAU, 1, "www.tcxjw. gov.cn"},
	{"GEN-010.5", OPEN "网址：www．tcxjw．gov．cn。" BUREAU, 1, "www．tcxjw．gov．cn"},
	{"GEN-010.5", OPEN "也可登录https://tcxjw/jdjb提交意见。" BUREAU, 1, "https://tcxjw/jdjb"},
	{"GEN-010.5", OPEN "网址：htps://www.tcxjw.gov.cn。" BUREAU, 1, "htps://www.tcxjw.gov.cn"},
	{"GEN-010.5", OPEN "网址：https://www.tcxjw.gov.cn:8443/jdjb?id=3。" BUREAU, 0, NULL},
	{"GEN-010.5", OPEN "也可登录网站www.tczrzy.gov.cn留言。" BUREAU, 0, NULL},
	{"GEN-010.5", OPEN "网站：桐川清风网。电话：0736-7221456。" BUREAU, 0, NULL},
	{"GEN-010.5", OPEN "或在县政府网站“书记信箱”留言。电话：0736-7221456。" BUREAU, 0, NULL},
	{"GEN-010.5", OPEN "网址：http://10.21.3.8/jb。" BUREAU, 0, NULL},
	/* GEN-010.6: a postal address that is missing or names no place. */
	{"GEN-010.6", OPEN "通信地址：。联系电话：0736-7221456。" BUREAU, 1, "通信地址"},
	{"GEN-010.6", OPEN "来信请寄：2-301，邮编：415000。" BUREAU, 1, "2-301"},
	{"GEN-010.6", OPEN "来信请寄：桐川县迎宾大道9号县自然资源局办公室，邮编：415000。" BUREAU, 0, NULL},
	{"GEN-010.6", OPEN "举报地址：www.12388.gov.cn。" BUREAU, 0, NULL},
	{"GEN-010.6", OPEN "群众可到局机关地址反映问题，电话：0736-7221456。" BUREAU, 0, NULL},
	/* GEN-009: the sentence and at least one channel. */
	{"GEN-009", OPEN BUREAU, 1, "欢迎广大干部群众对巡察整改落实情况进行监督"},
	{"GEN-009", OPEN "来信请寄：桐川县102号信箱。" BUREAU, 0, NULL},
	{"GEN-009", OPEN "也可登录网站www.tczrzy.gov.cn留言。" BUREAU, 0, NULL},
	{"GEN-009", "（三）持续巩固整改成果。\n欢迎社会各界对我公司巡察整改情况进行监督，联系电话：0871-65321234。"
	    FIRM, 0, NULL},
	{"GEN-009", "（三）持续巩固整改成果。\n联系电话：0871-65321234。" FIRM, 1, NULL},
};

static void
test_cases(void **state)
{
	tu_run_snippets(*state, &opts, cases, sizeof(cases) / sizeof(cases[0]));
}

/* The message names the wrong part and the shape due, in English and in Chinese. */
static void
test_reasons(void **state)
{
	static const struct {
		const char *rule, *text, *en, *zh;
	} want[] = {
		{"GEN-010.4", OPEN "联系电话：0871-123456。" BUREAU,
		 "after the four-digit area code 0871 the local number has 7 or 8 digits; '123456' has 6",
		 "四位区号0871后的本地号码应为7位或8位，“123456”有6位"},
		{"GEN-010.4", OPEN "手机：138001380000。" TOWN,
		 "a mobile number has 11 digits; '138001380000' has 12", "手机号码应为11位"},
		{"GEN-010.4", OPEN "联系电话：021-6543210。" FIRM,
		 "after the area code 021 the local number has 8 digits; '6543210' has 7", "应为8位"},
		{"GEN-010.2", OPEN "电子邮箱：name@@qhz.cn。" TOWN,
		 "it has 2 '@'; an address has exactly one", "有2个“@”"},
		{"GEN-010.2", OPEN "电子邮箱：name@qhz。" TOWN, "the domain 'qhz' has no dot",
		 "域名“qhz”没有点"},
		{"GEN-010.2", OPEN "电子邮箱：名字@qhz.cn。" TOWN, "the name '名字' before the @ is not ASCII",
		 "含非ASCII字符"},
		{"GEN-010.2", OPEN "电子邮箱：qhzjw＠163.com。" TOWN, "full-width '＠'", "全角“＠”"},
		{"GEN-010.3", OPEN "通讯地址：青川市滨江路1号，邮编：65000。" FIRM,
		 "a postal code has six digits (653200); '65000' has 5", "有5位"},
		{"GEN-010.4", OPEN "举报电话：０７３６－７２２１４５。" BUREAU,
		 "after the four-digit area code 0736 the local number has 7 or 8 digits; '722145' has 6",
		 "“722145”有6位"},
		{"GEN-010.5", OPEN "监督网站：www.tcxjw. gov.cn。" BUREAU, "has a space in it",
		 "中有空格"},
		{"GEN-010.5", OPEN "网址：www．tcxjw．gov．cn。" BUREAU, "has full-width characters",
		 "含全角字符"},
		{"GEN-010.5", OPEN "也可登录https://tcxjw/jdjb提交意见。" BUREAU,
		 "the host 'tcxjw' has no dot", "主机名“tcxjw”没有点"},
		{"GEN-010.5", OPEN "网址：htps://www.tcxjw.gov.cn。" BUREAU, "the scheme of", "协议部分"},
		{"GEN-010.6", OPEN "通信地址：。联系电话：0736-7221456。" BUREAU,
		 "no address follows the label", "标签后没有地址"},
	};
	struct lint_opts zh = opts;
	struct diag_list out;
	struct doc doc;
	size_t i;

	zh.lang = LANG_ZH;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		tu_run_rule(*state, &opts, want[i].rule, "case.txt", want[i].text, &doc, &out);
		assert_int_equal(out.n, 1);
		if (strstr(out.v[0].message, want[i].en) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", want[i].rule, out.v[0].message, want[i].en);
		assert_int_equal(out.v[0].level, LEVEL_ERROR);
		diag_list_free(&out);
		doc_free(&doc);
		tu_run_rule(*state, &zh, want[i].rule, "case.txt", want[i].text, &doc, &out);
		assert_int_equal(out.n, 1);
		if (strstr(out.v[0].message, want[i].zh) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", want[i].rule, out.v[0].message, want[i].zh);
		diag_list_free(&out);
		doc_free(&doc);
	}
}

static int
own_rule(const char *id)
{
	return strncmp(id, "GEN-009", 7) == 0 || strncmp(id, "GEN-010", 7) == 0;
}

/* The seeds' contact findings of domain.md section C, and no other. */
static void
test_seeds(void **state)
{
	static const struct tu_seed_hit hits[] = {
		{"000", 20, "GEN-010", 1, 0},
		{"001", 149, "GEN-010.1", 1, 0},
	};

	tu_check_seed_hits(*state, &opts, own_rule, hits, sizeof(hits) / sizeof(hits[0]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_channels_parsed),
		cmocka_unit_test(test_block_of_lines),
		cmocka_unit_test(test_numbers_side_by_side),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_numbers_not_phones),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_seeds),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
