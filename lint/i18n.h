/* Message language and {placeholder} filling shared by rule messages and the catalogue. */
#ifndef NL_I18N_H
#define NL_I18N_H
#include <stddef.h>

enum lang { LANG_ZH, LANG_EN };

/* Returns a new string: tmpl with each {name} replaced by the value paired with name in
 * kv (name0, value0, name1, value1, ...; nkv entries in all). Unknown names stay as written;
 * "{{" gives "{". The caller frees the result. */
char *i18n_fill(const char *tmpl, const char *const *kv, size_t nkv);

#endif
