/* pool.c: the strings, cites and helpers the sections of a story share.
 * See pool.h. */
#include "pool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct pool_tail {
	size_t start;
	const char *copy;
};

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

void pool_init(pool *p)
{
	memset(p, 0, sizeof *p);
	arena_init(&p->a);
}

void pool_release(pool *p)
{
	hmap_release(&p->interned);
	mem_free(p->strs);
	hmap_release(&p->tail_map);
	mem_free(p->tails);
	arena_release(&p->a);
}

int pool_failed(const pool *p)
{
	return p->a.failed;
}

void pool_doc_begin(pool *p)
{
	hmap_clear(&p->tail_map);
	p->ntails = 0;
}

size_t pool_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int gap = 0;
	for (size_t i = 0; i < n && o + 2 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		int keep = c >= 0x80 || (c >= '0' && c <= '9') ||
			   ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		if (!keep) {
			gap = o > 0;
			continue;
		}
		if (gap)
			out[o++] = ' ';
		gap = 0;
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[o] = '\0';
	return o;
}

const char *pool_str(pool *pl, const char *p, size_t n)
{
	if (!p)
		return NULL;
	if (n > 48) /* long strings seldom repeat */
		return arena_strndup(&pl->a, p, n);
	return pool_str_once(pl, p, n);
}

const char *pool_str_once(pool *pl, const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ n;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	h = h ? h : 1;
	uint32_t *slot = hmap_get(&pl->interned, h, 1);
	if (slot && *slot) {
		const char *q = pl->strs[*slot - 1];
		/* strncmp stops at the end of a shorter q */
		if (strncmp(q, p, n) == 0 && q[n] == '\0')
			return q;
		return arena_strndup(&pl->a, p, n); /* another string, same hash */
	}
	char *c = arena_strndup(&pl->a, p, n);
	if (c && slot && !VEC_GROW(pl->strs, pl->nstrs, pl->capstrs, const char *)) {
		pl->strs[pl->nstrs++] = c;
		*slot = (uint32_t)pl->nstrs;
	}
	return c;
}

const char *pool_doc_str(pool *pl, const char *text, size_t a, size_t b)
{
	/* a multiplication by an odd constant: distinct ends, distinct keys */
	uint32_t *slot = hmap_get(&pl->tail_map, ((uint64_t)b + 1) * 0x9E3779B97F4A7C15ull, 1);
	if (slot && *slot && pl->tails[*slot - 1].start <= a)
		return pl->tails[*slot - 1].copy + (a - pl->tails[*slot - 1].start);
	char *c = arena_strndup(&pl->a, text + a, b - a);
	if (!c || !slot)
		return c; /* kept, not shared */
	if (!*slot) {
		if (VEC_GROW(pl->tails, pl->ntails, pl->captails, pool_tail))
			return c;
		*slot = (uint32_t)++pl->ntails;
	}
	pl->tails[*slot - 1] = (pool_tail){a, c};
	return c;
}

const char *pool_cstr(pool *pl, const char *p)
{
	return p ? pool_str(pl, p, strlen(p)) : NULL;
}

static int cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

size_t pool_distinct(size_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_size);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += i == 0 || v[i] != v[i - 1];
	return k;
}

int pool_cite_sentence(pool *pl, pool_window *w, const char *text, corro_span sp, size_t a,
		       size_t b, size_t max)
{
	size_t st = sp.start, en = sp.end;
	while (st < en && is_space(text[st]))
		st++;
	while (en > st && is_space(text[en - 1]))
		en--;
	if (a < st || b > en || a > b) { /* not inside: the item alone */
		st = a;
		en = b;
	}
	int clipped = 0;
	if (en - st > max) {
		/* a window of max bytes around the item, cut at spaces */
		size_t room = max > b - a ? max - (b - a) : 0;
		size_t ws = a - st > room / 2 ? a - room / 2 : st;
		size_t we = ws + (b - a) + room;
		if (we > en) {
			we = en;
			ws = en - (b - a) - room;
		}
		if (ws > st) {
			size_t k = ws;
			while (k < a && !is_space(text[k - 1]))
				k++;
			if (k == a && !is_space(text[k - 1]))
				for (k = ws; k < a && ((unsigned char)text[k] & 0xC0) == 0x80; k++)
					;
			while (k < a && is_space(text[k]))
				k++;
			ws = k;
			clipped = 1;
		}
		if (we < en) {
			size_t k = we;
			while (k > b && !is_space(text[k]))
				k--;
			if (k == b && !is_space(text[k]))
				for (k = we; k > b && ((unsigned char)text[k] & 0xC0) == 0x80; k--)
					;
			while (k > b && is_space(text[k - 1]))
				k--;
			we = k;
			clipped = 1;
		}
		st = ws;
		en = we;
	}
	w->span.start = st;
	w->span.end = en;
	w->clipped = clipped;
	w->text = pool_doc_str(pl, text, st, en);
	return w->text ? 0 : -1;
}
