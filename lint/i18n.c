/* {placeholder} filling for rule and catalogue messages. */
#include <string.h>
#include "i18n.h"
#include "strbuf.h"

static const char *
lookup(const char *name, size_t n, const char *const *kv, size_t nkv)
{
	size_t i;

	for (i = 0; i + 1 < nkv; i += 2)
		if (strlen(kv[i]) == n && memcmp(kv[i], name, n) == 0)
			return kv[i + 1] ? kv[i + 1] : "";
	return NULL;
}

char *
i18n_fill(const char *tmpl, const char *const *kv, size_t nkv)
{
	struct strbuf b = {NULL, 0, 0};
	const char *s = tmpl, *close, *val;

	while (*s) {
		if (s[0] == '{' && s[1] == '{') {
			strbuf_put(&b, "{", 1);
			s += 2;
			continue;
		}
		if (s[0] == '{' && (close = strchr(s + 1, '}')) != NULL &&
		    (val = lookup(s + 1, (size_t)(close - s - 1), kv, nkv)) != NULL) {
			strbuf_put(&b, val, strlen(val));
			s = close + 1;
			continue;
		}
		/* Plain text up to the next brace goes in as one run. */
		close = strchr(s + 1, '{');
		if (close == NULL)
			close = s + strlen(s);
		strbuf_put(&b, s, (size_t)(close - s));
		s = close;
	}
	return strbuf_take(&b);
}
