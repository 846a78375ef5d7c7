/* timeline.h: the story's timeline (prefix timeline_), one section of a
 * story (src/story.c owns it).  Each document's dated time expressions are
 * kept as records; build groups them by day into the timeline.  It reads
 * the quotes (src/saying.h) to give a date its speaker. */
#ifndef CORRO_TIMELINE_H
#define CORRO_TIMELINE_H

#include "corro.h"
#include "pool.h"
#include "saying.h"

typedef struct timeline_item timeline_item; /* see timeline.c */

typedef struct timeline_set {
	pool *p;                   /* the story's, not owned */
	const saying_set *sayings; /* the story's, not owned */
	timeline_item *times;      /* until build */
	size_t ntimes, captimes;
	size_t undated; /* time expressions with no resolved date */
	/* after build */
	corro_dated *timeline;
	size_t ntimeline;
	corro_cite *timeline_cites;
} timeline_set;

void timeline_init(timeline_set *s, pool *p, const saying_set *sayings);
void timeline_free(timeline_set *s);

/* Keeps the dated times of document d (after saying_add of the same
 * document; quote0 is saying_quote_count before it).  CORRO_OK or
 * CORRO_NOMEM. */
corro_status timeline_add(timeline_set *s, size_t d, const char *text, size_t len,
			  const corro_result *res, size_t quote0);
/* Groups the times by day (after saying_build); docs are the story's
 * documents.  CORRO_OK or CORRO_NOMEM. */
corro_status timeline_build(timeline_set *s, const corro_source_doc *docs);

size_t timeline_count(const timeline_set *s);
/* Dated item i, NULL when i is out of range. */
const corro_dated *timeline_get(const timeline_set *s, size_t i);
/* Time expressions no date was resolved for. */
size_t timeline_undated(const timeline_set *s);

/* The first day a time value covers as YYYY-MM-DD ("2024-W42" ->
 * "2024-10-14") and how fine it is (0 decade, 1 year, 2 season or
 * quarter, 3 month, 4 week, 5 day); -1 for what is no date. */
int timeline_sort_key(const char *v, char out[11], int *grain);

#endif
