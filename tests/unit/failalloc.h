/* failalloc.h: an allocator for the unit tests that fails the Nth
 * allocation, to walk the paths nobody walks.  Header-only.  corro takes
 * an allocator only before its first allocation, so a test installs this
 * one first (failalloc_install, first thing in main); failalloc_start and
 * failalloc_stop then only arm and disarm it.  Its counts are atomic: the
 * extractor's worker threads allocate through it too. */
#ifndef CORRO_TESTS_FAILALLOC_H
#define CORRO_TESTS_FAILALLOC_H

#include "corro.h"

#include <malloc.h>
#include <stdatomic.h>
#include <stdlib.h>

static _Atomic long failalloc_at = -1; /* the allocation to fail, from 0 */
static _Atomic long failalloc_calls;   /* allocations since failalloc_start */
static _Atomic size_t failalloc_live;  /* bytes corro holds (as malloc_usable_size counts) */

static void *failalloc_realloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	if (size == 0) {
		if (ptr)
			failalloc_live -= malloc_usable_size(ptr);
		free(ptr);
		return NULL;
	}
	if (failalloc_at >= 0 && failalloc_calls++ == failalloc_at)
		return NULL;
	size_t old = ptr ? malloc_usable_size(ptr) : 0;
	void *p = realloc(ptr, size);
	if (p)
		failalloc_live += malloc_usable_size(p) - old;
	return p;
}

/* Installs the allocator, disarmed: before any other call of corro.
 * Exits when corro refuses it. */
static inline void failalloc_install(void)
{
	if (corro_set_allocator(failalloc_realloc, NULL) != CORRO_OK)
		exit(2);
}

/* Makes allocation number n (from 0) fail, from now on. */
static inline void failalloc_start(long n)
{
	failalloc_at = n;
	failalloc_calls = 0;
}

/* No allocation fails any more. */
static inline void failalloc_stop(void)
{
	failalloc_at = -1;
}

#endif
