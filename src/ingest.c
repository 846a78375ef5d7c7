/* ingest.c: reading, extracting and storing a feed with every core
 * (corro_ingest).
 *
 * The calling thread reads documents, skips those stored already, numbers
 * the others and hands them to a ring of INGEST_SLOTS; worker threads
 * extract each one and make its sketch and records; the calling thread
 * stores them in the order they were read, so that the database does not
 * depend on the number of threads.  Each worker has a clusterer of its
 * own for sketches (a sketch depends on its document alone), started
 * afresh every INGEST_RESET documents so that its memory stays small. */
#include "cluster.h"
#include "corro.h"
#include "mem.h"
#include "ring.h"
#include "store.h"

#include <string.h>

enum {
	INGEST_SLOTS = 64,   /* documents in flight */
	INGEST_RESET = 2048, /* documents per worker clusterer */
};

typedef struct slot {
	corro_doc *doc;
	sqlite3_int64 docno;
	buf sketch, records;
} slot;

/* A worker's clusterer, for sketches, and the documents it has sketched. */
typedef struct sketcher {
	corro_clusterer *c;
	size_t used;
} sketcher;

static void *sketcher_begin(void *ctx)
{
	(void)ctx;
	sketcher *k = mem_alloc(sizeof *k);
	if (k)
		*k = (sketcher){NULL, 0};
	return k;
}

static void sketcher_end(void *ctx, void *state)
{
	(void)ctx;
	sketcher *k = state;
	if (k)
		corro_clusterer_free(k->c);
	mem_free(k);
}

/* Extracts a document and makes its sketch and records. */
static corro_status prepare_doc(void *ctx, void *state, void *item)
{
	const corro_options *opt = ctx;
	sketcher *k = state;
	slot *sl = item;
	if (!k)
		return CORRO_NOMEM;
	if (!k->c || k->used >= INGEST_RESET) {
		corro_clusterer_free(k->c);
		k->c = NULL;
		k->used = 0;
		corro_status st = corro_clusterer_new(&k->c);
		if (st != CORRO_OK)
			return st;
	}
	corro_result *res = NULL;
	corro_status st = corro_extract_opts(sl->doc, opt, &res);
	if (st == CORRO_OK)
		st = corro_clusterer_add(k->c, sl->doc, res);
	if (st == CORRO_OK)
		st = clu_sketch(k->c, k->used++, &sl->sketch) ? CORRO_NOMEM : CORRO_OK;
	else {
		corro_clusterer_free(k->c); /* a failed add leaves it only to free */
		k->c = NULL;
	}
	if (st == CORRO_OK)
		st = store_records(sl->doc, res, sl->docno, &sl->records);
	corro_result_free(res);
	return st;
}

static const ring_ops ingest_ops = {sketcher_begin, sketcher_end, prepare_doc};

/* Waits for the oldest document in flight and stores it (unless *st
 * already says the run failed: then it is only freed). */
static void store_oldest(ring *g, corro_store *s, corro_ingest_counts *counts, corro_status *st)
{
	void *item;
	corro_status ws;
	if (!ring_take(g, &item, &ws))
		return;
	slot *sl = item;
	if (*st == CORRO_OK)
		*st = ws;
	if (*st == CORRO_OK) {
		int added = 0;
		*st = store_insert(s, sl->docno, sl->doc, &sl->sketch, &sl->records, &added);
		counts->added += added;
		counts->known += !added && *st == CORRO_OK;
		if (*st == CORRO_TOO_BIG) { /* reported; the others go on */
			counts->skipped++;
			*st = CORRO_OK;
		}
	}
	corro_doc_free(sl->doc);
	buf_release(&sl->sketch);
	buf_release(&sl->records);
	sl->doc = NULL;
}

corro_status corro_ingest(corro_store *s, corro_reader *r, const corro_options *opt,
			  unsigned threads, corro_ingest_counts *counts)
{
	if (!s || !r || !counts)
		return CORRO_INVALID;
	memset(counts, 0, sizeof *counts);
	slot *slots = mem_alloc(INGEST_SLOTS * sizeof *slots);
	/* the options are only read: the workers share them */
	ring *g = slots ? ring_new(&ingest_ops, (void *)opt, threads, INGEST_SLOTS) : NULL;
	if (!g) {
		mem_free(slots);
		return CORRO_NOMEM;
	}
	size_t next = 0;
	/* a reader that fails stops the reading; what it read before is
	 * still stored, and its failure is the ingest's */
	corro_status st = CORRO_OK, read_st = CORRO_OK;
	while (st == CORRO_OK) {
		corro_doc *doc;
		corro_status rs = corro_reader_next(r, &doc);
		if (rs == CORRO_DONE)
			break;
		if (rs != CORRO_OK) {
			read_st = rs;
			break;
		}
		counts->read++;
		if (store_pending(s) >= STORE_BATCH) {
			/* commit with no document numbered and not stored: the
			 * numbers hold only under the transaction's lock */
			while (ring_pending(g))
				store_oldest(g, s, counts, &st);
			if (st == CORRO_OK)
				st = corro_store_commit(s);
			if (st != CORRO_OK) {
				corro_doc_free(doc);
				break;
			}
		}
		int has = corro_store_has(s, doc);
		sqlite3_int64 docno = has ? 0 : store_next_number(s);
		if (has || !docno) {
			counts->known += has > 0;
			if (has < 0 || (!has && !docno))
				st = CORRO_IO; /* the store said why */
			corro_doc_free(doc);
			continue;
		}
		if (ring_full(g))
			store_oldest(g, s, counts, &st);
		/* the ring hands items back in order, so the slot of the
		 * oldest is free again when the ring is not full */
		slot *sl = &slots[next++ % INGEST_SLOTS];
		sl->doc = doc;
		sl->docno = docno;
		buf_init(&sl->sketch, 0);
		buf_init(&sl->records, 0);
		ring_put(g, sl);
	}
	while (ring_pending(g))
		store_oldest(g, s, counts, &st);
	ring_free(g);
	mem_free(slots);
	if (st == CORRO_OK)
		st = corro_store_commit(s);
	return st != CORRO_OK ? st : read_st;
}
