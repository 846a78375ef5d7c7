/* kv.h: the `key=value key="a value"` expectations of the spec runners.
 * Header-only, for the test programs. */
#ifndef CORRO_TESTS_KV_H
#define CORRO_TESTS_KV_H

#include <stdio.h>
#include <string.h>

/* Reads the next pair from *p into key and val and moves *p past it.  The
 * operator is '=' (equals) or '~' (contains) and goes to *op when op is
 * not NULL ('~' is only accepted then).  A value in double quotes may hold
 * spaces; \" inside it is a quote.  Returns 1 for a pair, 0 at the end, -1
 * for text that is not a pair. */
static inline int kv_next(const char **p, char *key, size_t kcap, char *val,
			  size_t vcap, char *op)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return 0;
	const char *k0 = s;
	while (*s && *s != '=' && !(op && *s == '~') && *s != ' ')
		s++;
	if (*s != '=' && !(op && *s == '~'))
		return -1;
	snprintf(key, kcap, "%.*s", (int)(s - k0), k0);
	if (op)
		*op = *s;
	s++;
	size_t n = 0;
	if (*s == '"') {
		s++;
		while (*s && *s != '"') {
			if (*s == '\\' && s[1])
				s++;
			if (n + 1 < vcap)
				val[n++] = *s;
			s++;
		}
		if (*s == '"')
			s++;
	} else {
		while (*s && *s != ' ' && *s != '\t') {
			if (n + 1 < vcap)
				val[n++] = *s;
			s++;
		}
	}
	val[n] = '\0';
	*p = s;
	return 1;
}

#endif
