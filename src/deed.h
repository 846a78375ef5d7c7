/* deed.h: who did what to whom (prefix deed_), one section of a story
 * (src/story.c owns it).  Each document's events are kept as records;
 * build groups them by actor, act and target.  It reads the actors
 * (src/actor.h), and reads dates with timeline_sort_key
 * (src/timeline.h). */
#ifndef CORRO_DEED_H
#define CORRO_DEED_H

#include "actor.h"
#include "corro.h"
#include "pool.h"

typedef struct deed_event deed_event; /* see deed.c */

typedef struct deed_set {
	pool *p;                 /* the story's, not owned */
	const actor_set *actors; /* the story's, not owned */
	deed_event *events;      /* until build */
	size_t nevents, capevents;
	/* after build */
	corro_deed *deeds;
	size_t ndeeds;
	corro_deed_verb *deed_verbs;
	corro_cite *deed_cites;
} deed_set;

void deed_init(deed_set *s, pool *p, const actor_set *actors);
void deed_free(deed_set *s);

/* Keeps the events of document d (after actor_add of the same document).
 * CORRO_OK or CORRO_NOMEM. */
corro_status deed_add(deed_set *s, size_t d, const char *text, size_t len, const corro_result *res);
/* Groups the events into deeds (after actor_build); docs are the story's
 * documents.  CORRO_OK or CORRO_NOMEM. */
corro_status deed_build(deed_set *s, const corro_source_doc *docs);

size_t deed_count(const deed_set *s);
/* Deed i, NULL when i is out of range. */
const corro_deed *deed_get(const deed_set *s, size_t i);

#endif
