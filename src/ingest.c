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
#include "store.h"

#include <pthread.h>
#include <string.h>
#include <unistd.h>

enum {
	INGEST_SLOTS = 64,   /* documents in flight */
	INGEST_RESET = 2048, /* documents per worker clusterer */
	INGEST_MAX_THREADS = 16
};

typedef struct slot {
	corro_doc *doc;
	sqlite3_int64 docno;
	buf sketch, records;
	corro_status st;
	int ready;
} slot;

typedef struct ingest {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	slot slots[INGEST_SLOTS];
	size_t next_read, next_take, next_store;
	int finished;
	const corro_options *opt;
} ingest;

/* Extracts a document and makes its sketch and records. */
static corro_status prepare_doc(const corro_options *opt, corro_clusterer **c, size_t *used,
				slot *sl)
{
	if (!*c || *used >= INGEST_RESET) {
		corro_clusterer_free(*c);
		*c = NULL;
		*used = 0;
		corro_status st = corro_clusterer_new(c);
		if (st != CORRO_OK)
			return st;
	}
	corro_result *res = NULL;
	corro_status st = corro_extract_opts(sl->doc, opt, &res);
	if (st == CORRO_OK)
		st = corro_clusterer_add(*c, sl->doc, res);
	if (st == CORRO_OK)
		st = clu_sketch(*c, (*used)++, &sl->sketch) ? CORRO_NOMEM : CORRO_OK;
	else {
		corro_clusterer_free(*c); /* a failed add leaves it only to free */
		*c = NULL;
	}
	if (st == CORRO_OK)
		st = store_records(sl->doc, res, sl->docno, &sl->records);
	corro_result_free(res);
	return st;
}

static void *worker(void *arg)
{
	ingest *g = arg;
	corro_clusterer *c = NULL;
	size_t used = 0;
	for (;;) {
		pthread_mutex_lock(&g->mu);
		while (g->next_take == g->next_read && !g->finished)
			pthread_cond_wait(&g->work, &g->mu);
		if (g->next_take == g->next_read) {
			pthread_mutex_unlock(&g->mu);
			break;
		}
		slot *sl = &g->slots[g->next_take++ % INGEST_SLOTS];
		pthread_mutex_unlock(&g->mu);
		corro_status st = prepare_doc(g->opt, &c, &used, sl);
		pthread_mutex_lock(&g->mu);
		sl->st = st;
		sl->ready = 1;
		pthread_cond_broadcast(&g->done);
		pthread_mutex_unlock(&g->mu);
	}
	corro_clusterer_free(c);
	return NULL;
}

/* Waits for the oldest document in flight and stores it (unless *st
 * already says the run failed: then it is only freed). */
static void store_oldest(ingest *g, corro_store *s, corro_ingest_counts *counts, corro_status *st)
{
	pthread_mutex_lock(&g->mu);
	slot *sl = &g->slots[g->next_store % INGEST_SLOTS];
	while (!sl->ready)
		pthread_cond_wait(&g->done, &g->mu);
	pthread_mutex_unlock(&g->mu);
	if (*st == CORRO_OK)
		*st = sl->st;
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
	pthread_mutex_lock(&g->mu);
	sl->doc = NULL;
	sl->ready = 0;
	g->next_store++;
	pthread_mutex_unlock(&g->mu);
}

static unsigned thread_count(unsigned threads)
{
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 0 ? (unsigned)n : 1;
	}
	return threads > INGEST_MAX_THREADS ? INGEST_MAX_THREADS : threads;
}

corro_status corro_ingest(corro_store *s, corro_reader *r, const corro_options *opt,
			  unsigned threads, corro_ingest_counts *counts)
{
	if (!s || !r || !counts)
		return CORRO_INVALID;
	memset(counts, 0, sizeof *counts);
	ingest *g = mem_alloc(sizeof *g);
	if (!g)
		return CORRO_NOMEM;
	memset(g, 0, sizeof *g);
	g->opt = opt;
	pthread_mutex_init(&g->mu, NULL);
	pthread_cond_init(&g->work, NULL);
	pthread_cond_init(&g->done, NULL);
	pthread_t tid[INGEST_MAX_THREADS];
	unsigned n = thread_count(threads), started = 0;
	corro_status st = CORRO_OK;
	for (; started < n; started++)
		if (pthread_create(&tid[started], NULL, worker, g) != 0)
			break;
	if (!started)
		st = CORRO_NOMEM;
	while (st == CORRO_OK) {
		corro_doc *doc;
		corro_status rs = corro_reader_next(r, &doc);
		if (rs == CORRO_DONE)
			break;
		if (rs != CORRO_OK) {
			st = rs;
			break;
		}
		counts->read++;
		if (store_pending(s) >= STORE_BATCH) {
			/* commit with no document numbered and not stored: the
			 * numbers hold only under the transaction's lock */
			while (g->next_store < g->next_read)
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
		if (g->next_read - g->next_store >= INGEST_SLOTS)
			store_oldest(g, s, counts, &st);
		slot *sl = &g->slots[g->next_read % INGEST_SLOTS];
		sl->doc = doc;
		sl->docno = docno;
		buf_init(&sl->sketch, 0);
		buf_init(&sl->records, 0);
		sl->st = CORRO_OK;
		pthread_mutex_lock(&g->mu);
		g->next_read++;
		pthread_cond_signal(&g->work);
		pthread_mutex_unlock(&g->mu);
	}
	pthread_mutex_lock(&g->mu);
	g->finished = 1;
	pthread_cond_broadcast(&g->work);
	pthread_mutex_unlock(&g->mu);
	while (g->next_store < g->next_read)
		store_oldest(g, s, counts, &st);
	for (unsigned i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_cond_destroy(&g->work);
	pthread_cond_destroy(&g->done);
	pthread_mutex_destroy(&g->mu);
	mem_free(g);
	if (st == CORRO_OK)
		st = corro_store_commit(s);
	return st;
}
