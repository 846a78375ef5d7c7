/* ascii.c: small ASCII string helpers (see ascii.h). */
#include "ascii.h"

#include <string.h>

int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned ca = (unsigned char)a[i], cb = (unsigned char)b[i];
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (cb >= 'A' && cb <= 'Z')
			cb += 32;
		if (ca != cb || !ca)
			return (int)ca - (int)cb;
	}
	return 0;
}

size_t ascii_copy(char *dst, size_t cap, const char *src, size_t n)
{
	if (n > cap - 1)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return n;
}

size_t ascii_cat(char *dst, size_t cap, size_t o, const char *src)
{
	return o + ascii_copy(dst + o, cap - o, src, strlen(src));
}
