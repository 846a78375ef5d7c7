/* ascii.h: small ASCII string helpers shared by the stages (prefix ascii_). */
#ifndef CORRO_ASCII_H
#define CORRO_ASCII_H

#include <stddef.h>

/* ASCII case-insensitive comparison of at most n bytes; stops at a NUL. */
int ascii_ncasecmp(const char *a, const char *b, size_t n);

#endif
