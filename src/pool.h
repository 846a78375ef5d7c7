/* pool.h: what the sections of a story share (prefix pool_): the arena
 * their strings live in, short strings kept once, copies of the document
 * being added, the sentence a cite shows, and two small counting and
 * folding helpers.  It calls nothing of the story back: src/story.c owns
 * one pool and hands it to each section (src/actor.c, src/saying.c,
 * src/timeline.c, src/deed.c) and to the facts (src/fact.c). */
#ifndef CORRO_POOL_H
#define CORRO_POOL_H

#include "corro.h"
#include "hmap.h"
#include "mem.h"

#include <stddef.h>

typedef struct pool_tail pool_tail;

typedef struct pool {
	arena a; /* every string below, and what the story keeps */
	/* short strings kept once (names, roles, values, verbs): hash ->
	 * index + 1 into strs */
	hmap interned;
	const char **strs;
	size_t nstrs, capstrs;
	/* the current document's copies by where they end (hash of the end
	 * offset -> index + 1 into tails), for pool_doc_str */
	hmap tail_map;
	pool_tail *tails;
	size_t ntails, captails;
} pool;

void pool_init(pool *p);
/* Frees the arena and every string handed out. */
void pool_release(pool *p);
/* Whether memory ran out in any call (the arena is then marked failed). */
int pool_failed(const pool *p);

/* Starts a new document: copies of the last one are no longer shared. */
void pool_doc_begin(pool *p);

/* A copy of n bytes of s owned by the pool, NUL-terminated; short strings
 * are kept once, so equal strings are often the same pointer.  NULL for
 * s NULL, or when memory runs out (then the arena is marked failed). */
const char *pool_str(pool *p, const char *s, size_t n);
/* pool_str of a NUL-terminated string, NULL for NULL. */
const char *pool_cstr(pool *p, const char *s);
/* pool_str of any length: for long strings that repeat across documents
 * (the same quote in several outlets).  s is not NULL. */
const char *pool_str_once(pool *p, const char *s, size_t n);

/* A copy of text[a, b) of the document being added, NUL-terminated.  A
 * copy of the same document that ends at b and starts at or before a is
 * reused (a tail of it), so that a sentence holding several items is kept
 * once.  NULL when memory runs out. */
const char *pool_doc_str(pool *p, const char *text, size_t a, size_t b);

/* The sentence around an item, as its cite gives it. */
typedef struct pool_window {
	corro_span span;
	const char *text;
	int clipped;
} pool_window;

/* Copies the sentence around [a, b) of text (with pool_doc_str): the
 * whole sentence sp, trimmed, when it is short, else a window of about max
 * bytes cut at spaces (clipped).  Returns 0, or -1 when memory runs out. */
int pool_cite_sentence(pool *p, pool_window *w, const char *text, corro_span sp, size_t a, size_t b,
		       size_t max);

/* The number of distinct values among v[0..n) (sorts v). */
size_t pool_distinct(size_t *v, size_t n);

/* A key for names: ASCII letters folded to lower case, every run of other
 * ASCII bytes (spaces, hyphens, dots) one space, no space at either end;
 * bytes of UTF-8 sequences kept.  Writes at most cap - 1 bytes. */
size_t pool_fold(const char *s, size_t n, char *out, size_t cap);

#endif
