/* ring.c: ordered work with worker threads (ring.h). */
#include "ring.h"

#include "mem.h"

#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

enum { RING_MAX_THREADS = 16 };

typedef struct ring_slot {
	void *item;
	corro_status st;
	int ready;
} ring_slot;

struct ring {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	const ring_ops *ops;
	void *ctx;
	ring_slot *slots;
	size_t nslots;
	/* put, begun by a worker, and taken: next_take <= next_begin <=
	 * next_put */
	size_t next_put, next_begin, next_take;
	int stopping;
	pthread_t tid[RING_MAX_THREADS];
	unsigned nthreads;
	/* with no thread started: the calling thread's state, made by the
	 * first put */
	void *inline_state;
	int inline_begun;
};

static void *ring_worker(void *arg)
{
	ring *r = arg;
	void *state = r->ops->begin ? r->ops->begin(r->ctx) : NULL;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		while (r->next_begin == r->next_put && !r->stopping)
			pthread_cond_wait(&r->work, &r->mu);
		if (r->stopping) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		ring_slot *sl = &r->slots[r->next_begin++ % r->nslots];
		pthread_mutex_unlock(&r->mu);
		corro_status st = r->ops->work(r->ctx, state, sl->item);
		pthread_mutex_lock(&r->mu);
		sl->st = st;
		sl->ready = 1;
		pthread_cond_broadcast(&r->done);
		pthread_mutex_unlock(&r->mu);
	}
	if (r->ops->end)
		r->ops->end(r->ctx, state);
	return NULL;
}

unsigned ring_threads(unsigned threads)
{
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 && n < RING_MAX_THREADS ? (unsigned)n
			  : n > 0                       ? RING_MAX_THREADS
							: 1;
	}
	return threads > RING_MAX_THREADS ? RING_MAX_THREADS : threads;
}

ring *ring_new(const ring_ops *ops, void *ctx, unsigned threads, size_t slots)
{
	if (!ops || !ops->work || !slots || slots > SIZE_MAX / sizeof(ring_slot))
		return NULL;
	threads = ring_threads(threads);
	ring *r = mem_alloc(sizeof *r);
	ring_slot *sl = mem_alloc(slots * sizeof *sl);
	if (!r || !sl) {
		mem_free(r);
		mem_free(sl);
		return NULL;
	}
	memset(r, 0, sizeof *r);
	memset(sl, 0, slots * sizeof *sl);
	r->ops = ops;
	r->ctx = ctx;
	r->slots = sl;
	r->nslots = slots;
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->work, NULL);
	pthread_cond_init(&r->done, NULL);
	for (; r->nthreads < threads; r->nthreads++)
		if (pthread_create(&r->tid[r->nthreads], NULL, ring_worker, r) != 0)
			break;
	return r;
}

size_t ring_pending(const ring *r)
{
	return r->next_put - r->next_take; /* both written by the caller only */
}

int ring_full(const ring *r)
{
	return ring_pending(r) >= r->nslots;
}

void ring_put(ring *r, void *item)
{
	if (!r->nthreads) { /* no worker: the work is done here */
		if (!r->inline_begun) {
			r->inline_state = r->ops->begin ? r->ops->begin(r->ctx) : NULL;
			r->inline_begun = 1;
		}
		ring_slot *sl = &r->slots[r->next_put++ % r->nslots];
		sl->item = item;
		sl->st = r->ops->work(r->ctx, r->inline_state, item);
		sl->ready = 1;
		r->next_begin = r->next_put;
		return;
	}
	pthread_mutex_lock(&r->mu);
	ring_slot *sl = &r->slots[r->next_put % r->nslots];
	sl->item = item;
	sl->ready = 0;
	r->next_put++;
	pthread_cond_signal(&r->work);
	pthread_mutex_unlock(&r->mu);
}

int ring_take(ring *r, void **item, corro_status *st)
{
	if (r->next_take == r->next_put)
		return 0;
	ring_slot *sl = &r->slots[r->next_take % r->nslots];
	pthread_mutex_lock(&r->mu);
	while (!sl->ready)
		pthread_cond_wait(&r->done, &r->mu);
	*item = sl->item;
	*st = sl->st;
	sl->item = NULL;
	sl->ready = 0;
	r->next_take++;
	pthread_mutex_unlock(&r->mu);
	return 1;
}

void ring_free(ring *r)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->mu);
	r->stopping = 1;
	pthread_cond_broadcast(&r->work);
	pthread_mutex_unlock(&r->mu);
	for (unsigned i = 0; i < r->nthreads; i++)
		pthread_join(r->tid[i], NULL);
	if (r->inline_begun && r->ops->end)
		r->ops->end(r->ctx, r->inline_state);
	pthread_cond_destroy(&r->work);
	pthread_cond_destroy(&r->done);
	pthread_mutex_destroy(&r->mu);
	mem_free(r->slots);
	mem_free(r);
}
