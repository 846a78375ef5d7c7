/* extractor.c: extracting a stream of documents with worker threads
 * (corro_extractor, over src/ring.c). */
#include "corro.h"
#include "mem.h"
#include "ring.h"

#include <stdint.h>

enum { EXTRACTOR_SLOTS_MAX = 4096 };

typedef struct job {
	const corro_doc *doc;
	const corro_options *opt;
	void *tag;
	corro_result *res;
} job;

struct corro_extractor {
	ring *r;
	job *jobs;
	size_t njobs, next;
};

static corro_status extract_job(void *ctx, void *state, void *item)
{
	(void)ctx;
	(void)state;
	job *j = item;
	return corro_extract_opts(j->doc, j->opt, &j->res);
}

static const ring_ops extract_ops = {NULL, NULL, extract_job};

corro_status corro_extractor_new(unsigned threads, size_t slots, corro_extractor **out)
{
	if (!out)
		return CORRO_INVALID;
	*out = NULL;
	threads = ring_threads(threads);
	if (!slots)
		slots = 4 * (size_t)threads;
	if (slots > EXTRACTOR_SLOTS_MAX)
		slots = EXTRACTOR_SLOTS_MAX;
	corro_extractor *x = mem_alloc(sizeof *x);
	if (!x)
		return CORRO_NOMEM;
	memset(x, 0, sizeof *x);
	x->njobs = slots;
	x->jobs = mem_alloc(slots * sizeof *x->jobs);
	if (x->jobs) {
		memset(x->jobs, 0, slots * sizeof *x->jobs);
		x->r = ring_new(&extract_ops, NULL, threads, slots);
	}
	if (!x->r) {
		corro_extractor_free(x);
		return CORRO_NOMEM;
	}
	*out = x;
	return CORRO_OK;
}

int corro_extractor_full(const corro_extractor *x)
{
	return x && ring_full(x->r);
}

size_t corro_extractor_pending(const corro_extractor *x)
{
	return x ? ring_pending(x->r) : 0;
}

corro_status corro_extractor_put(corro_extractor *x, const corro_doc *doc, const corro_options *opt,
				 void *tag)
{
	if (!x || !doc || ring_full(x->r))
		return CORRO_INVALID;
	/* taken in the order put: the job of the oldest is free again */
	job *j = &x->jobs[x->next++ % x->njobs];
	*j = (job){doc, opt, tag, NULL};
	ring_put(x->r, j);
	return CORRO_OK;
}

corro_status corro_extractor_take(corro_extractor *x, const corro_doc **doc, corro_result **res,
				  void **tag)
{
	if (!x || !doc || !res)
		return CORRO_INVALID;
	void *item;
	corro_status st;
	if (!ring_take(x->r, &item, &st))
		return CORRO_DONE;
	job *j = item;
	*doc = j->doc;
	*res = j->res;
	if (tag)
		*tag = j->tag;
	*j = (job){NULL, NULL, NULL, NULL};
	return st;
}

void corro_extractor_free(corro_extractor *x)
{
	if (!x)
		return;
	ring_free(x->r);
	if (x->jobs)
		for (size_t i = 0; i < x->njobs; i++)
			corro_result_free(x->jobs[i].res);
	mem_free(x->jobs);
	mem_free(x);
}
