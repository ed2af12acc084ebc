/* Check type `status-presence`: problem items of one notice either all state a rectification
 * status or none does; a notice where only some do is reported once, at the first odd item. */
#include <stdio.h>
#include "check.h"

static int
status_parse(struct rule *r, struct rparam *p)
{
	(void)p;
	r->params = NULL;
	return 0;
}

static void
status_free(void *params)
{
	(void)params;
}

/* The span that shows item it: its status field or sentence when it has one, else its
 * statement. */
static struct span
item_span(const struct doc *doc, const struct item *it)
{
	struct span s = it->statement;

	if (it->status != STATUS_NONE && it->status_field >= 0) {
		s.start = doc->fields[it->status_field].label.start;
		s.end = doc->fields[it->status_field].value.end;
		if (s.end < s.start)
			s.end = doc->fields[it->status_field].label.end;
	} else if (it->status != STATUS_NONE) {
		s = it->status_sentence;
	}
	if (s.end <= s.start)
		s = doc->lines[it->first_line].content;
	return s;
}

static void
status_run(const struct rule *r, const struct check_ctx *c)
{
	const struct doc *doc = c->doc;
	size_t i, n = doc->nitems, with = 0;
	bool odd_has;
	char nwith[24], ntotal[24];
	struct span s;

	/* An item the cut falls in, with no status yet, may state it after the cut. */
	if (n > 0 && doc->cut.present && doc->items[n - 1].status == STATUS_NONE &&
	    doc->items[n - 1].last_line >= doc->cut.line)
		n--;
	for (i = 0; i < n; i++)
		if (doc->items[i].status != STATUS_NONE)
			with++;
	if (with == 0 || with == n)
		return;
	/* The odd items are the minority; on a tie, those without a status. */
	odd_has = with < n - with;
	for (i = 0; i < n; i++)
		if ((doc->items[i].status != STATUS_NONE) == odd_has)
			break;
	s = item_span(doc, &doc->items[i]);
	snprintf(nwith, sizeof(nwith), "%zu", with);
	snprintf(ntotal, sizeof(ntotal), "%zu", n);
	diag_add(c->out, r, s.start, s.end, "with", nwith, "total", ntotal, NULL);
}

const struct check_type chk_status_presence = {
	"status-presence",
	"reports a notice where only some problem items state a rectification status",
	status_parse,
	status_run,
	status_free,
	"报告只有部分问题条目写明整改状态的通报",
};
