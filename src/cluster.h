/* cluster.h: what the store needs of a clusterer beyond the public API
 * (prefix clu_): a document's sketch, the bytes that let a later run add
 * it again without its text. */
#ifndef CORRO_CLUSTER_H
#define CORRO_CLUSTER_H

#include "corro.h"
#include "mem.h"

#include <stddef.h>

/* Appends the sketch of document doc (added, not necessarily run) to out.
 * 0, or -1 when out's memory ran out or doc is no document. */
int clu_sketch(const corro_clusterer *c, size_t doc, buf *out);

/* Adds a document from its sketch and metadata (id, title, outlet,
 * published): it counts as the document did.  CORRO_OK, CORRO_FORMAT for
 * bytes that are no sketch (the clusterer is unchanged but for names it
 * learnt), CORRO_TOO_BIG, or CORRO_NOMEM (then it may only be freed). */
corro_status clu_add_sketch(corro_clusterer *c, const corro_meta *m, const void *bytes, size_t len);

/* Sets the number of story i (after a run): the store keeps a story's
 * number from one ingest to the next. */
void clu_set_story_id(corro_clusterer *c, size_t i, size_t id);

#endif
