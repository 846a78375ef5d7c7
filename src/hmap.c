/* hmap.c: open addressing with linear probing; the table doubles at half
 * full, so every operation is constant time on average. */
#include "hmap.h"
#include "mem.h"

#include <string.h>

static uint64_t key_of(const hmap_slot *s)
{
	return (uint64_t)s->khi << 32 | s->klo;
}

static int grow(hmap *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	hmap_slot *ns = mem_alloc(ncap * sizeof *ns);
	if (!ns)
		return -1;
	memset(ns, 0, ncap * sizeof *ns);
	for (size_t i = 0; i < m->cap; i++) {
		uint64_t k = key_of(&m->s[i]);
		if (!k)
			continue;
		size_t j = k & (ncap - 1);
		while (key_of(&ns[j]))
			j = (j + 1) & (ncap - 1);
		ns[j] = m->s[i];
	}
	mem_free(m->s);
	m->s = ns;
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
	for (uint64_t k; (k = key_of(&m->s[j]));) {
		if (k == key)
			return &m->s[j].v;
		j = (j + 1) & (m->cap - 1);
	}
	if (!insert)
		return NULL;
	m->s[j] = (hmap_slot){(uint32_t)key, (uint32_t)(key >> 32), 0};
	m->n++;
	return &m->s[j].v;
}

void hmap_release(hmap *m)
{
	mem_free(m->s);
	memset(m, 0, sizeof *m);
}

void hmap_clear(hmap *m)
{
	if (m->cap > 1024) {
		hmap_release(m);
		return;
	}
	if (m->cap)
		memset(m->s, 0, m->cap * sizeof *m->s);
	m->n = 0;
}
