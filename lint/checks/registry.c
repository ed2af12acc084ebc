/* The one table of check types: a rule's `check:` value is looked up here. To add a type,
 * declare its chk_<name> object and append a pointer to the table. */
#include <string.h>
#include "check.h"

extern const struct check_type chk_existence;
extern const struct check_type chk_substitution;
extern const struct check_type chk_lexicon;
extern const struct check_type chk_required;
extern const struct check_type chk_sections;
extern const struct check_type chk_numbering;
extern const struct check_type chk_contact;
extern const struct check_type chk_signature;
extern const struct check_type chk_pairs;
extern const struct check_type chk_punct_width;
extern const struct check_type chk_consistency;
extern const struct check_type chk_duplicate;
extern const struct check_type chk_repeated_word;
extern const struct check_type chk_broken_sentence;
extern const struct check_type chk_artifact;
extern const struct check_type chk_privacy;
extern const struct check_type chk_date_valid;
extern const struct check_type chk_date_order;
extern const struct check_type chk_arithmetic;
extern const struct check_type chk_body_count;
extern const struct check_type chk_tally;
extern const struct check_type chk_verbatim;
extern const struct check_type chk_pasted;
extern const struct check_type chk_status_presence;
extern const struct check_type chk_paragraph_end;
extern const struct check_type chk_unheaded_part;
extern const struct check_type chk_corpus_copy;

static const struct check_type *const registry[] = {
	&chk_existence,
	&chk_substitution,
	&chk_lexicon,
	&chk_required,
	&chk_sections,
	&chk_numbering,
	&chk_contact,
	&chk_signature,
	&chk_pairs,
	&chk_punct_width,
	&chk_consistency,
	&chk_duplicate,
	&chk_repeated_word,
	&chk_broken_sentence,
	&chk_artifact,
	&chk_privacy,
	&chk_date_valid,
	&chk_date_order,
	&chk_arithmetic,
	&chk_body_count,
	&chk_tally,
	&chk_verbatim,
	&chk_pasted,
	&chk_status_presence,
	&chk_paragraph_end,
	&chk_unheaded_part,
	&chk_corpus_copy,
};

const struct check_type *
check_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(registry) / sizeof(registry[0]); i++)
		if (strcmp(registry[i]->name, name) == 0)
			return registry[i];
	return NULL;
}

const struct check_type *const *
check_all(size_t *n)
{
	*n = sizeof(registry) / sizeof(registry[0]);
	return registry;
}
