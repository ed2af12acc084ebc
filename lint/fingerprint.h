/* Content fingerprints of diagnostics for SARIF partialFingerprints and the baseline: they
 * depend on the text around a finding, never on its line number. */
#ifndef NL_FINGERPRINT_H
#define NL_FINGERPRINT_H
#include <stddef.h>
#include "diag.h"

#define FINGERPRINT_LEN 16

/* One fingerprint: FINGERPRINT_LEN lower-case hex digits and a NUL. */
struct fingerprint {
	char hex[FINGERPRINT_LEN + 1];
};

/* Fills out[i] for every dl->v[i] of text[0, len): a hash of the rule id, the diagnosed
 * span plus up to FINGERPRINT_CONTEXT characters either side on the same line (white space
 * removed), and how many earlier diagnostics of the list have the same rule and text. */
void fingerprint_diags(const char *text, size_t len, const struct diag_list *dl,
		struct fingerprint *out);
/* Sets *out to a fingerprint of fp within the file at path, for reports whose fingerprints
 * must differ between files (GitLab Code Quality). */
void fingerprint_in_file(const struct fingerprint *fp, const char *path,
		struct fingerprint *out);

#endif
