/* json.h: JSON writing helpers (prefix json_). */
#ifndef CORRO_JSON_H
#define CORRO_JSON_H

#include "mem.h"

#include <stddef.h>

/* A JSON string of n bytes. */
void json_str(buf *b, const char *s, size_t n);
/* A JSON string, or null for NULL. */
void json_cstr(buf *b, const char *s);
/* A number (integers without exponent), or null for NAN and infinities. */
void json_num(buf *b, double v);
/* ,"k": (inline: records have a key every few bytes) */
static inline void json_key(buf *b, const char *k)
{
	buf_append(b, ",\"", 2);
	buf_puts(b, k);
	buf_append(b, "\":", 2);
}
/* A non-negative integer. */
void json_size(buf *b, size_t v);

#endif
