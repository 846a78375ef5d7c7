/* ring.h: work on a stream of items with worker threads, handed back in
 * the order it was handed in (prefix ring_).
 *
 * The calling thread puts items in and takes them out, oldest first; each
 * item is worked on by one of the workers in between.  Whatever the number
 * of threads, the caller sees the same items in the same order with the
 * same results, so a program that uses a ring does not depend on the
 * machine it runs on.  src/ingest.c (extraction, sketches and records)
 * and src/extractor.c (corro_extractor) are its users. */
#ifndef CORRO_RING_H
#define CORRO_RING_H

#include "corro.h"

#include <stddef.h>

typedef struct ring ring;

typedef struct ring_ops {
	/* a worker's own state, made on its thread before its first item
	 * (NULL: none); ended on its thread after its last */
	void *(*begin)(void *ctx);
	void (*end)(void *ctx, void *state);
	/* the work on one item; its status comes back with the item */
	corro_status (*work)(void *ctx, void *state, void *item);
} ring_ops;

/* The number of workers a ring of threads (0: one per processor) has: at
 * least 1, at most 16. */
unsigned ring_threads(unsigned threads);
/* A ring of at most slots items in flight worked on by ring_threads
 * (threads) workers.  ops and ctx outlive the ring.  When no thread can
 * be started, each item is worked on by the calling thread as it is put
 * (with a state of its own from begin).  NULL when memory runs out. */
ring *ring_new(const ring_ops *ops, void *ctx, unsigned threads, size_t slots);
/* Items put and not yet taken. */
size_t ring_pending(const ring *r);
/* Whether the ring holds slots items: take one before the next put. */
int ring_full(const ring *r);
/* Hands item to the workers.  The ring is not full. */
void ring_put(ring *r, void *item);
/* Waits for the oldest item put and not taken: *item and the status of
 * its work.  Returns 0 when none is pending. */
int ring_take(ring *r, void **item, corro_status *st);
/* Stops the workers and frees the ring: an item a worker has begun is
 * finished, the others pending are left as they are (their owner frees
 * every item).  NULL is allowed. */
void ring_free(ring *r);

#endif
