/* hmap.h: a map from 64-bit hashes to 32-bit values, open addressing
 * (prefix hmap_).  Keys are never 0 (0 marks an empty slot).  Used for
 * sentence and line hashes: which document had a sentence, how many
 * documents had a line, which headline words recur. */
#ifndef CORRO_HMAP_H
#define CORRO_HMAP_H

#include <stddef.h>
#include <stdint.h>

/* A key and its value side by side, so that a lookup in a table larger
 * than the cache costs one miss, not two; the key in two halves keeps a
 * slot at 12 bytes. */
typedef struct hmap_slot {
	uint32_t klo, khi, v;
} hmap_slot;

typedef struct hmap {
	hmap_slot *s;
	size_t n, cap;
} hmap;

/* The value slot of key (non-zero), or NULL when it is absent.  With
 * insert set, an absent key is added with value 0; NULL then means that
 * memory ran out. */
uint32_t *hmap_get(hmap *m, uint64_t key, int insert);

/* A 64-bit mixer (a bijection: 0 gives 0, nothing else does), to spread a
 * key's bits before it is used or hashed further. */
static inline uint64_t hmap_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}
void hmap_release(hmap *m);
/* Empties the map; a large table is given back rather than cleared, so
 * that emptying it often stays cheap. */
void hmap_clear(hmap *m);

#endif
