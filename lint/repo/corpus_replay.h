/* Drawing the corpus-copy findings again for a result replayed from the cache. */
#ifndef NL_REPO_CORPUS_REPLAY_H
#define NL_REPO_CORPUS_REPLAY_H
#include <stdbool.h>

struct file_result;
struct ruleset;
struct rule;
struct lint_opts;
struct file_settings;

/* True for a rule of the corpus-copy check, whose findings are never cached. */
bool corpus_rule(const struct rule *r);
/* Adds to fr's cached diagnostics the corpus-copy findings of the run's hits (settings fs
 * of the file as applied), keeping the list sorted. */
void corpus_replay(struct file_result *fr, const struct ruleset *rs,
		const struct lint_opts *lo, const struct file_settings *fs, const char *as);

#endif
