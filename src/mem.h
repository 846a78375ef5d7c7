/* mem.h: the allocator hook, arenas and growable buffers (prefix mem_, arena_, buf_). */
#ifndef CORRO_MEM_H
#define CORRO_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

void *mem_alloc(size_t size);
void *mem_realloc(void *ptr, size_t size);
void mem_free(void *ptr);
char *mem_strndup(const char *s, size_t n);

/* An arena hands out memory that is freed all at once.  A document's stage
 * outputs (tokens, sentences, figures, strings) live in one. */
typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
	size_t used, cap;
	int failed; /* an allocation failed; later ones fail too */
} arena;

void arena_init(arena *a);
void arena_release(arena *a);
/* Memory aligned for any object. */
void *arena_alloc(arena *a, size_t size);
/* A NUL-terminated copy of n bytes, packed (not aligned). */
char *arena_strndup(arena *a, const char *s, size_t n);

/* Where arena_pack moved the arena's bytes: a pointer p into it becomes
 * arena_moved(&m, p); any other pointer stays as it is. */
#define ARENA_MOVES_MAX 8
typedef struct arena_moves {
	size_t n;
	struct {
		uintptr_t from; /* where the bytes were (that block is freed) */
		size_t len;
		char *to;
	} v[ARENA_MOVES_MAX];
} arena_moves;

/* Moves what a of up to ARENA_MOVES_MAX blocks holds into one block of the
 * size it uses, for an arena that is kept long after it stops growing; the
 * caller then moves every pointer into it with arena_moved.  Nothing moves
 * (m->n == 0) when the arena has more blocks, little room to give back, or
 * no memory for the new block.  Returns the bytes the arena holds. */
size_t arena_pack(arena *a, arena_moves *m);
void *arena_moved(const arena_moves *m, const void *p);
/* The bytes the arena's blocks take, with their headers. */
size_t arena_size(const arena *a);

/* A growable byte buffer with a size cap.  Append functions return 0 on
 * success and -1 when memory runs out or the cap would be passed; after a
 * failure the buffer stays valid and keeps what it had, and failed is set
 * (and stays set), so a writer of many appends may test it once at the
 * end instead of after each. */
typedef struct buf {
	char *data;
	size_t len, cap, limit; /* limit 0: no cap */
	int failed;
} buf;

void buf_init(buf *b, size_t limit);
void buf_release(buf *b);
int buf_reserve(buf *b, size_t extra);
/* buf_append when the bytes may not fit: grows the buffer first. */
int buf_append_grow(buf *b, const char *s, size_t n);

/* Inline: writers call these for every few bytes, and most appends fit. */
static inline int buf_append(buf *b, const char *s, size_t n)
{
	if (n < b->cap - b->len && (!b->limit || b->len + n <= b->limit)) {
		if (n)
			memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return 0;
	}
	return buf_append_grow(b, s, n);
}

static inline int buf_putc(buf *b, char c)
{
	return buf_append(b, &c, 1);
}

static inline int buf_puts(buf *b, const char *s)
{
	return buf_append(b, s, strlen(s));
}

/* A number in decimal: what the writers print most, without printf. */
static inline int buf_putu(buf *b, size_t n)
{
	char d[24];
	size_t i = sizeof d;
	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	return buf_append(b, d + i, sizeof d - i);
}

int buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* A growable array of fixed-size elements, grown by doubling. */
#define VEC_GROW(ptr, len, cap, type) \
	((len) < (cap) ? 0 : vec_grow_((void **)&(ptr), &(cap), sizeof(type)))
int vec_grow_(void **ptr, size_t *cap, size_t elem);

#endif
