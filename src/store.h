/* store.h: what corro_ingest needs of a store beyond the public API
 * (prefix store_): numbering a document before it is stored, so that its
 * records, made in a worker thread, carry its number; storing what the
 * workers made. */
#ifndef CORRO_STORE_H
#define CORRO_STORE_H

#include "corro.h"
#include "mem.h"

#include <sqlite3.h>

/* Documents per transaction. */
#define STORE_BATCH 500

/* The number the next document to store takes, or 0 on an error (reported).
 * It opens the write transaction when none is open: the numbers are good
 * until it commits (one a document did not take is a gap). */
sqlite3_int64 store_next_number(corro_store *s);
/* Documents stored in the open transaction. */
size_t store_pending(const corro_store *s);
/* The JSON Lines records of a document numbered docno, into out. */
corro_status store_records(const corro_doc *doc, const corro_result *res, sqlite3_int64 docno,
			   buf *out);
/* Stores a document numbered docno (in the transaction that numbered it)
 * with its sketch and records, whole or not at all; *added is 0 when a
 * document of the same URL, or text and outlet, is there already.  Does
 * not commit. */
corro_status store_insert(corro_store *s, sqlite3_int64 docno, const corro_doc *doc,
			  const buf *sketch, const buf *records, int *added);

#endif
