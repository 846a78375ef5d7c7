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

/* x with the bytes that are ASCII capitals made lower case: a byte's high
 * bit after an addition says whether its low seven bits reach 'A' (and
 * pass 'Z'); no addition carries into the next byte. */
static uint64_t fold8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t low7 = x & ~high;
	uint64_t from_a = low7 + ones * (0x80 - 'A');
	uint64_t past_z = low7 + ones * (0x80 - 'Z' - 1);
	uint64_t upper = from_a & ~past_z & ~x & high;
	return x | upper >> 2; /* 0x80 >> 2 is the case bit */
}

uint64_t ascii_hash_lower(const char *s, size_t n)
{
	const uint64_t k = 0x9E3779B97F4A7C15ull;
	uint64_t h = k ^ n, x;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		h = (h ^ fold8(x)) * k;
		h ^= h >> 32;
	}
	if (i < n) {
		x = 0;
		memcpy(&x, s + i, n - i);
		h = (h ^ fold8(x)) * k;
		h ^= h >> 32;
	}
	/* the bits mixed down, for tables indexed by the low ones */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 33;
	return h ? h : 1;
}

void ascii_trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || **s == '\r'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}
