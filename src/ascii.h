/* ascii.h: small ASCII string helpers shared by the stages (prefix ascii_). */
#ifndef CORRO_ASCII_H
#define CORRO_ASCII_H

#include <stddef.h>
#include <stdint.h>

/* ASCII case-insensitive comparison of at most n bytes; stops at a NUL. */
int ascii_ncasecmp(const char *a, const char *b, size_t n);

/* Copies the first n bytes of src (fewer if cap is smaller) into dst of cap
 * bytes (cap > 0) and ends it with a NUL, as snprintf("%.*s") would, without
 * its cost; returns the bytes copied. */
size_t ascii_copy(char *dst, size_t cap, const char *src, size_t n);

/* Appends the string src at dst + o (o < cap), cut to fit dst of cap bytes
 * and ended with a NUL, as snprintf(dst + o, cap - o, "%s", src) would;
 * returns where the next string goes (below cap), so that strings chain:
 * o = ascii_cat(dst, cap, ascii_cat(dst, cap, 0, a), b) is "%s%s". */
size_t ascii_cat(char *dst, size_t cap, size_t o, const char *src);

/* Moves *s past, and *n back before, the spaces, tabs and carriage returns
 * at both ends of s[0..*n). */
void ascii_trim(const char **s, size_t *n);

/* A 64-bit hash of n bytes with ASCII letters folded to lower case, never 0.
 * Eight bytes at a time: it is taken of every line of every document. */
uint64_t ascii_hash_lower(const char *s, size_t n);

#endif
