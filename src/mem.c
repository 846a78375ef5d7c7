/* mem.c: allocation through a replaceable hook, arenas, buffers. */
#include "mem.h"
#include "corro.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *default_realloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

static corro_realloc_fn hook = default_realloc;
static void *hook_ud;
/* Set by the first allocation: from then on the hook stays, so that no
 * block is freed by another allocator than the one that made it. */
static atomic_bool allocated;

corro_status corro_set_allocator(corro_realloc_fn fn, void *ud)
{
	if (atomic_load(&allocated))
		return CORRO_INVALID;
	hook = fn ? fn : default_realloc;
	hook_ud = fn ? ud : NULL;
	return CORRO_OK;
}

/* Marks the first allocation (a first VEC_GROW or buf_reserve comes
 * through mem_realloc with ptr NULL). */
static void mark_allocated(void)
{
	if (!atomic_load_explicit(&allocated, memory_order_relaxed))
		atomic_store(&allocated, 1);
}

void *mem_alloc(size_t size)
{
	mark_allocated();
	return hook(hook_ud, NULL, size ? size : 1);
}

void *mem_realloc(void *ptr, size_t size)
{
	if (!ptr)
		mark_allocated();
	return hook(hook_ud, ptr, size ? size : 1);
}

void mem_free(void *ptr)
{
	if (ptr)
		hook(hook_ud, ptr, 0);
}

char *mem_strndup(const char *s, size_t n)
{
	char *p = mem_alloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ---- arena ---- */

struct arena_block {
	arena_block *next;
	size_t cap;           /* bytes of payload */
	size_t used;          /* of a block behind the head (the head's is
				 the arena's) */
	max_align_t align_[]; /* payload starts here, suitably aligned */
};

#define ARENA_MIN_BLOCK (32u * 1024u)

void arena_init(arena *a)
{
	memset(a, 0, sizeof *a);
}

void arena_release(arena *a)
{
	arena_block *b = a->head;
	while (b) {
		arena_block *next = b->next;
		mem_free(b);
		b = next;
	}
	arena_init(a);
}

/* size bytes aligned to align (a power of two, at most max_align_t's). */
static void *arena_take(arena *a, size_t size, size_t align)
{
	if (a->failed)
		return NULL;
	size_t at = (a->used + align - 1) & ~(align - 1);
	if (a->head && at <= a->cap && a->cap - at >= size) {
		a->used = at + size;
		return (char *)a->head->align_ + at;
	}
	size_t cap = size > ARENA_MIN_BLOCK ? size : ARENA_MIN_BLOCK;
	/* Blocks grow with the arena so that big documents do not make
	 * thousands of small blocks, up to 8 MiB: malloc maps a larger block
	 * afresh, while one of this size can take memory that earlier stages
	 * freed (a story's arena grows while its facts are built, after the
	 * sections' records and the facts' keys were freed). */
	if (a->head && a->cap * 2 > cap && a->cap < (4u << 20))
		cap = a->cap * 2 > size ? a->cap * 2 : size;
	if (cap > SIZE_MAX - sizeof(arena_block)) {
		a->failed = 1;
		return NULL;
	}
	arena_block *b = mem_alloc(sizeof(arena_block) + cap);
	if (!b) {
		a->failed = 1;
		return NULL;
	}
	if (a->head)
		a->head->used = a->used;
	b->cap = cap;
	b->used = 0;
	b->next = a->head;
	a->head = b;
	a->cap = cap;
	a->used = size;
	return b->align_;
}

void *arena_alloc(arena *a, size_t size)
{
	return arena_take(a, size ? size : 1, _Alignof(max_align_t));
}

#define ALIGN_UP(n) (((n) + _Alignof(max_align_t) - 1) & ~(_Alignof(max_align_t) - 1))

/* The bytes block b of arena a holds. */
static size_t block_used(const arena *a, const arena_block *b)
{
	return b == a->head ? a->used : b->used;
}

size_t arena_pack(arena *a, arena_moves *m)
{
	m->n = 0;
	size_t nb = 0, used = 0;
	for (arena_block *b = a->head; b; b = b->next, nb++)
		used += ALIGN_UP(block_used(a, b));
	/* one block that is nearly full gives back too little to copy */
	if (a->failed || nb == 0 || nb > ARENA_MOVES_MAX ||
	    (nb == 1 && a->cap - a->used <= a->used / 8))
		return arena_size(a);
	arena_block *nbk = mem_alloc(sizeof(arena_block) + used);
	if (!nbk)
		return arena_size(a); /* kept as it was: packing is optional */
	size_t at = used;
	for (arena_block *b = a->head; b; b = b->next) {
		size_t u = block_used(a, b);
		at -= ALIGN_UP(u);
		memcpy((char *)nbk->align_ + at, b->align_, u);
		m->v[m->n].from = (uintptr_t)b->align_;
		m->v[m->n].len = u;
		m->v[m->n].to = (char *)nbk->align_ + at;
		m->n++;
	}
	arena_release(a);
	nbk->next = NULL;
	nbk->cap = used;
	nbk->used = 0;
	a->head = nbk;
	a->cap = a->used = used;
	return arena_size(a);
}

void *arena_moved(const arena_moves *m, const void *p)
{
	uintptr_t u = (uintptr_t)p;
	for (size_t i = 0; i < m->n; i++) {
		uintptr_t from = m->v[i].from;
		if (u >= from && u - from < m->v[i].len)
			return m->v[i].to + (u - from);
	}
	return (void *)p;
}

size_t arena_size(const arena *a)
{
	size_t n = 0;
	for (const arena_block *b = a->head; b; b = b->next)
		n += sizeof *b + b->cap;
	return n;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	/* strings need no alignment, so they are packed */
	if (n == SIZE_MAX) {
		a->failed = 1;
		return NULL;
	}
	char *p = arena_take(a, n + 1, 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ---- buf ---- */

void buf_init(buf *b, size_t limit)
{
	memset(b, 0, sizeof *b);
	b->limit = limit;
}

void buf_release(buf *b)
{
	mem_free(b->data);
	buf_init(b, b->limit);
}

int buf_reserve(buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return b->failed = -1;
	size_t need = b->len + extra + 1; /* room for a terminating NUL */
	if (b->limit && need > b->limit + 1)
		return b->failed = -1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = mem_realloc(b->data, cap);
	if (!p)
		return b->failed = -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

int buf_append_grow(buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n))
		return -1;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int buf_printf(buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return b->failed = -1;
	if ((size_t)n < sizeof small)
		return buf_append(b, small, (size_t)n);
	if (buf_reserve(b, (size_t)n))
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

int vec_grow_(void **ptr, size_t *cap, size_t elem)
{
	size_t ncap = *cap ? *cap * 2 : 16;
	if (ncap > SIZE_MAX / elem)
		return -1;
	void *p = mem_realloc(*ptr, ncap * elem);
	if (!p)
		return -1;
	*ptr = p;
	*cap = ncap;
	return 0;
}
