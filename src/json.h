/* json.h: JSON writing helpers (prefix json_). */
#ifndef CORRO_JSON_H
#define CORRO_JSON_H

#include "mem.h"

#include <stddef.h>
#include <string.h>

/* A JSON string of n bytes. */
void json_str(buf *b, const char *s, size_t n);
/* A JSON string, or null for NULL. */
void json_cstr(buf *b, const char *s);
/* A number (integers without exponent), or null for NAN and infinities. */
void json_num(buf *b, double v);
/* ,"k": (inline: records have a key every few bytes) */
static inline
#if defined(__GNUC__)
	__attribute__((always_inline))
#endif
	void
	json_key(buf *b, const char *k)
{
	char tmp[48];
	size_t n = strlen(k);
	if (n + 4 > sizeof tmp) {
		buf_append(b, ",\"", 2);
		buf_append(b, k, n);
		buf_append(b, "\":", 2);
		return;
	}
	/* one append: a record has a key every few bytes */
	tmp[0] = ',';
	tmp[1] = '"';
	memcpy(tmp + 2, k, n);
	tmp[n + 2] = '"';
	tmp[n + 3] = ':';
	buf_append(b, tmp, n + 4);
}
/* A non-negative integer. */
void json_size(buf *b, size_t v);

#endif
