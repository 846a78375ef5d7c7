/* ascii.c: small ASCII string helpers (see ascii.h). */
#include "ascii.h"

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
