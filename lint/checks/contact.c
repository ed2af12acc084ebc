/* Check type `contact`: the supervision sentence and contact block — present with a
 * channel, phones labelled, with area code and diallable, e-mail and postal code that work,
 * before the signature. Judges the channels the facts read (fact_contact.c). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "contact_fault.h"
#include "facts.h"
#include "regex.h"
#include "rule_load.h"
#include "xalloc.h"

enum contact_aspect {
	CT_SUPERVISION,  /* `pattern` occurs, and the contact block gives at least one channel */
	CT_PHONE_LABEL,  /* every phone number has a label (联系电话：, 传真：, 联系方式：…) */
	CT_AREA_CODE,    /* every landline number has its area code */
	CT_PHONE,        /* every phone number can be dialled as written */
	CT_EMAIL,        /* every e-mail address can receive mail as written */
	CT_POSTCODE,     /* every postal code has six digits */
	CT_WEB,          /* every web address can be opened as written */
	CT_ADDRESS,      /* every postal address is there and names a place */
	CT_ORDER         /* the contact block stands before the signature */
};

static const char *const aspect_names[] = {"supervision", "phone-label", "area-code", "phone",
    "email", "postcode", "web", "address", "order"};

struct contact_params {
	enum contact_aspect aspect;
	struct regex *pattern;  /* supervision */
};

static void
contact_free(void *params)
{
	struct contact_params *cp = params;

	regex_free(cp->pattern);
	free(cp);
}

static int
contact_parse(struct rule *r, struct rparam *p)
{
	struct contact_params *cp = xcalloc(1, sizeof(*cp));
	size_t i;

	r->params = cp;
	if (check_parse_choice(p, "aspect", aspect_names,
	    sizeof(aspect_names) / sizeof(aspect_names[0]),
	    "应为 supervision、phone-label、area-code、phone、email、postcode、web、address 或 "
	    "order (one of supervision, phone-label, area-code, phone, email, postcode, web, "
	    "address, order)",
	    &i) != 0)
		return -1;
	cp->aspect = (enum contact_aspect)i;
	return rp_regex(p, "pattern", cp->aspect == CT_SUPERVISION, &cp->pattern);
}

/* Where a missing sentence is reported: the contact block, else the signature, else the
 * end of the text. */
static size_t
missing_at(const struct doc *doc)
{
	size_t i;

	if (doc->contact.present)
		return doc->contact.span.start;
	if (doc->signature.present)
		return doc->lines[doc->signature.first_line].content.start;
	for (i = doc->nlines; i > 0; i--)
		if (doc->lines[i - 1].kind != LINE_BLANK && doc->lines[i - 1].kind != LINE_BOILERPLATE)
			return doc->lines[i - 1].content.start;
	return 0;
}

/* One run of the supervision aspect over its scope spans. */
struct contact_run {
	const struct rule *r;
	const struct check_ctx *c;
	struct span found;      /* the first supervision sentence, empty when none */
	int stop;
};

static int
find_sentence(const struct regex_match *m, void *ctx)
{
	struct contact_run *run = ctx;

	run->found.start = m->start;
	run->found.end = m->end;
	return 1;
}

static int
supervision_span(const struct doc *doc, struct span span, void *ctx)
{
	struct contact_run *run = ctx;
	const struct contact_params *cp = run->r->params;

	(void)doc;
	if (check_each_match(run->c, run->r, cp->pattern, NULL, span, find_sentence, run) < 0)
		run->stop = 1;
	return run->stop || run->found.end > run->found.start;
}

/* Reports a notice without its supervision sentence, or whose sentence gives no channel. */
static void
check_supervision(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	bool en = c->out->lang == LANG_EN;
	struct contact_run run;
	size_t at;

	memset(&run, 0, sizeof(run));
	run.r = r;
	run.c = c;
	(void)check_scope_each(doc, r->scope, supervision_span, &run);
	if (run.stop)
		return;
	if (run.found.end > run.found.start) {
		if (doc->facts->nchannels > 0)
			return;
		(void)diag_add(c->out, r, run.found.start, run.found.end, "detail", en ?
		    "the supervision sentence gives no channel: no phone, e-mail, postal address "
		    "or mailbox" : "监督语句后没有任何联系方式（电话、电子邮箱、通讯地址或信箱）",
		    NULL);
		return;
	}
	at = missing_at(doc);
	(void)diag_add(c->out, r, at, at, "detail", en ?
	    "no supervision sentence ('欢迎广大干部群众对巡察整改落实情况进行监督') and no contact channel" :
	    "缺少接受监督的语句（“欢迎广大干部群众对巡察整改落实情况进行监督”）和联系方式", NULL);
}

/* The label the placeholder names for a channel without value. */
/* True when phone i follows, with only a list mark between, a phone with an area code and
 * a local number as long: 0736-5321876、5321877 shares the first number's code. */
static bool
shares_area(const char *text, const struct facts *f, size_t i)
{
	static const char *const marks[] = {"、", "，", ",", "/", "或", "及", "和", " ", "；"};
	const struct channel_fact *p, *ch = &f->channels[i];
	size_t at, k, n;

	if (i == 0)
		return false;
	p = &f->channels[i - 1];
	if (p->kind != CH_PHONE || p->area.end == p->area.start ||
	    p->local_digits != ch->local_digits || p->span.end > ch->span.start)
		return false;
	for (at = p->span.end; at < ch->span.start; at += n) {
		for (k = 0, n = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			if (strncmp(text + at, marks[k], strlen(marks[k])) == 0) {
				n = strlen(marks[k]);
				break;
			}
		if (n == 0)
			return false;
	}
	return true;
}

static void
report_channel(const struct rule *r, const struct check_ctx *c, const struct channel_fact *ch,
    const char *name, const struct contact_fault *f)
{
	struct span sp = ch->span.end > ch->span.start ? ch->span : ch->label;
	char *text = check_text(c->doc, sp.start, sp.end);

	(void)diag_add(c->out, r, sp.start, sp.end, name, text, "reason",
	    f == NULL ? "" : c->out->lang == LANG_EN ? f->en : f->zh, NULL);
	free(text);
}

/* Runs one of the per-channel aspects over the channels the model read. */
static void
check_channels(const struct rule *r, const struct check_ctx *c)
{
	const struct contact_params *cp = r->params;
	const struct facts *facts = c->doc->facts;
	const struct channel_fact *ch;
	struct contact_fault f;
	size_t i;

	for (i = 0; i < facts->nchannels; i++) {
		ch = &facts->channels[i];
		switch (cp->aspect) {
		case CT_PHONE_LABEL:
			if (ch->kind == CH_PHONE && ch->lkind == LB_NONE)
				report_channel(r, c, ch, "phone", NULL);
			break;
		case CT_AREA_CODE:
			if (ch->kind == CH_PHONE && ch->area.end == ch->area.start &&
			    contact_phone_shape(c->doc->text, ch) == PHONE_LANDLINE &&
			    !shares_area(c->doc->text, facts, i))
				report_channel(r, c, ch, "phone", NULL);
			break;
		case CT_PHONE:
			if (ch->kind == CH_PHONE && contact_phone_fault(c->doc->text, ch, &f))
				report_channel(r, c, ch, "phone", &f);
			break;
		case CT_EMAIL:
			if (ch->kind == CH_EMAIL && contact_mail_fault(c->doc->text, ch, &f))
				report_channel(r, c, ch, "value", &f);
			break;
		case CT_POSTCODE:
			if (ch->kind == CH_POSTCODE && contact_postcode_fault(c->doc->text, ch, &f))
				report_channel(r, c, ch, "value", &f);
			break;
		case CT_WEB:
			if (ch->kind == CH_WEB && contact_web_fault(c->doc->text, ch, &f))
				report_channel(r, c, ch, "value", &f);
			break;
		case CT_ADDRESS:
			if (ch->kind == CH_ADDRESS && contact_address_fault(c->doc->text, ch, &f))
				report_channel(r, c, ch, "value", &f);
			break;
		default:
			break;
		}
	}
}

/* Reports a contact block that stands after the signature block. */
static void
check_order(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	const struct line *first;
	struct diag *d;

	if (!doc->contact.present || !doc->signature.present ||
	    doc->contact.first_line < doc->signature.first_line)
		return;
	first = &doc->lines[doc->contact.first_line];
	d = diag_add(c->out, r, first->content.start, first->content.end, NULL);
	diag_note(c->out, d, doc->lines[doc->signature.first_line].content.start,
	    doc->lines[doc->signature.first_line].content.end, "署名在此", "the signature is here",
	    NULL);
}

static void
contact_run_rule(const struct rule *r, const struct check_ctx *c)
{
	const struct contact_params *cp = r->params;

	if (cp->aspect == CT_ORDER)
		check_order(r, c);
	else if (cp->aspect == CT_SUPERVISION)
		check_supervision(r, c);
	else
		check_channels(r, c);
}

const struct check_type chk_contact = {
	"contact",
	"supervision sentence and contact block: present with a channel, labelled, each channel working, before the signature",
	contact_parse,
	contact_run_rule,
	contact_free,
	"监督语句和联系方式：有无、有无联系渠道、是否标注、各渠道能否使用、是否位于落款之前",
};
