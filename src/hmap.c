/* hmap.c: open addressing with linear probing; the table doubles at half
 * full, so every operation is constant time on average. */
#include "hmap.h"
#include "mem.h"

#include <string.h>

static int grow(hmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	uint64_t *nk = mem_alloc(ncap * sizeof *nk);
	uint32_t *nv = mem_alloc(ncap * sizeof *nv);
	if (!nk || !nv) {
		mem_free(nk);
		mem_free(nv);
		return -1;
	}
	memset(nk, 0, ncap * sizeof *nk);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->k[i])
			continue;
		size_t j = m->k[i] & (ncap - 1);
		while (nk[j])
			j = (j + 1) & (ncap - 1);
		nk[j] = m->k[i];
		nv[j] = m->v[i];
	}
	mem_free(m->k);
	mem_free(m->v);
	m->k = nk;
	m->v = nv;
	m->cap = ncap;
	return 0;
}

uint32_t *hmap_get(hmap *m, uint64_t key, int insert)
{
	if (insert && (m->n + 1) * 2 > m->cap && grow(m))
		return NULL;
	if (!m->cap)
		return NULL;
	size_t j = key & (m->cap - 1);
	while (m->k[j]) {
		if (m->k[j] == key)
			return &m->v[j];
		j = (j + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->k[j] = key;
	m->v[j] = 0;
	m->n++;
	return &m->v[j];
}

void hmap_release(hmap *m)
{
	mem_free(m->k);
	mem_free(m->v);
	memset(m, 0, sizeof *m);
}

void hmap_clear(hmap *m)
{
	if (m->cap > 1024) {
		hmap_release(m);
		return;
	}
	if (m->cap)
		memset(m->k, 0, m->cap * sizeof *m->k);
	m->n = 0;
}
