/* Prints the parts of the document model of each FILE, one tab-separated line per part with
 * 1-based line numbers, for tests that compare the model with hand-checked truth:
 *   FILE  title   FIRST-LAST | -       FILE  intro  LINE | -
 *   FILE  repeat  FIRST-LAST | -       FILE  cut    LINE | -
 *   FILE  part    LINE ROLE heading|unheaded   (one per top-level part of the body)
 *   FILE  heading LINE LEVEL ROLE      (one per heading; ROLE is the part the heading opens)
 *   FILE  item    FIRST-LAST STATEMENT (one per problem item, its statement's text)
 * Usage: model_dump FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "segment.h"

static const char *
role_name(enum part_role r)
{
	switch (r) {
	case PART_ORGANISING:
		return "organising";
	case PART_PROBLEM:
		return "problem";
	case PART_FORWARD:
		return "forward";
	default:
		return "-";
	}
}

static void
dump(const char *path, const struct doc *d)
{
	size_t k;

	if (d->title.present)
		printf("%s\ttitle\t%zu-%zu\n", path, d->title.first_line + 1, d->title.last_line + 1);
	else
		printf("%s\ttitle\t-\n", path);
	if (d->title.repeated)
		printf("%s\trepeat\t%zu-%zu\n", path, d->title.repeat_first + 1,
		    d->title.repeat_last + 1);
	else
		printf("%s\trepeat\t-\n", path);
	if (d->intro >= 0)
		printf("%s\tintro\t%zu\n", path, d->paragraphs[d->intro].line + 1);
	else
		printf("%s\tintro\t-\n", path);
	if (d->cut.present)
		printf("%s\tcut\t%zu\n", path, d->cut.line + 1);
	else
		printf("%s\tcut\t-\n", path);
	for (k = 0; k < d->nparts; k++)
		printf("%s\tpart\t%zu\t%s\t%s\n", path, d->parts[k].first_line + 1,
		    role_name(d->parts[k].role), d->parts[k].heading >= 0 ? "heading" : "unheaded");
	for (k = 0; k < d->nheadings; k++)
		printf("%s\theading\t%zu\t%d\t%s\n", path, d->headings[k].line + 1,
		    d->headings[k].level, role_name(d->headings[k].role));
	for (k = 0; k < d->nitems; k++)
		printf("%s\titem\t%zu-%zu\t%.*s\n", path, d->items[k].first_line + 1,
		    d->items[k].last_line + 1,
		    (int)(d->items[k].statement.end - d->items[k].statement.start),
		    d->text + d->items[k].statement.start);
}

int
main(int argc, char **argv)
{
	int i, rc = 0;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		char *text;
		long len;
		struct doc d;

		if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
		    fseek(f, 0, SEEK_SET) != 0) {
			fprintf(stderr, "model_dump: cannot read %s\n", argv[i]);
			if (f != NULL)
				fclose(f);
			rc = 2;
			continue;
		}
		text = malloc((size_t)len + 1);
		if (text == NULL || fread(text, 1, (size_t)len, f) != (size_t)len) {
			fprintf(stderr, "model_dump: cannot read %s\n", argv[i]);
			free(text);
			fclose(f);
			rc = 2;
			continue;
		}
		fclose(f);
		text[len] = '\0';
		memset(&d, 0, sizeof(d));
		segment_build(&d, argv[i], text, (size_t)len);
		dump(argv[i], &d);
		doc_free(&d);
		free(text);
	}
	return rc;
}
