/* saying.h: the story's quotes by speaker (prefix saying_), one section of
 * a story (src/story.c owns it).  Each document's direct and reported
 * quotes are kept as records; build groups them by words and speaker.  It
 * reads the actors (src/actor.h); the timeline (src/timeline.c) reads it
 * through this header only. */
#ifndef CORRO_SAYING_H
#define CORRO_SAYING_H

#include "actor.h"
#include "corro.h"
#include "pool.h"

#include <stdint.h>

typedef struct saying_quote saying_quote; /* see saying.c */

typedef struct saying_set {
	pool *p;                   /* the story's, not owned */
	const actor_set *actors;   /* the story's, not owned */
	saying_quote *quotes;      /* until build */
	size_t nquotes, capquotes; /* nquotes stays after build */
	/* after build */
	uint32_t *quote_saying; /* each quote's saying */
	corro_saying *sayings;
	size_t nsayings;
	corro_cite *saying_cites;
} saying_set;

void saying_init(saying_set *s, pool *p, const actor_set *actors);
void saying_free(saying_set *s);

/* Keeps the direct and reported quotes of document d (after actor_add of
 * the same document).  CORRO_OK or CORRO_NOMEM. */
corro_status saying_add(saying_set *s, size_t d, const char *text, size_t len,
			const corro_result *res);
/* The number of quotes kept so far: the first quote of the next document. */
size_t saying_quote_count(const saying_set *s);
/* The quote kept from first on (first: a saying_quote_count taken before
 * the document was added) that holds [a, b): the last that starts at or
 * before a, or one of the few before it (a reported clause may hold a
 * direct quote); UINT32_MAX when none. */
uint32_t saying_quote_around(const saying_set *s, size_t first, size_t a, size_t b);

/* Groups the quotes by words and speaker (after actor_build); docs are the
 * story's documents.  CORRO_OK or CORRO_NOMEM. */
corro_status saying_build(saying_set *s, const corro_source_doc *docs);
/* After build: the speaker of the saying a quote went into (NULL: none). */
const char *saying_speaker_of_quote(const saying_set *s, uint32_t quote);

size_t saying_count(const saying_set *s);
/* Saying i, NULL when i is out of range. */
const corro_saying *saying_get(const saying_set *s, size_t i);

#endif
