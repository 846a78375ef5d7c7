/* story.h: the story object behind corro_story, for src/story.c (the
 * documents, the sections and the order of their build) and src/brief.c
 * (rendering).  Each section owns its state behind its own header
 * (src/actor.h, src/saying.h, src/timeline.h, src/deed.h, src/fact.h); the
 * strings they share are in a pool (src/pool.h).  No section includes
 * this header. */
#ifndef CORRO_STORY_H
#define CORRO_STORY_H

#include "actor.h"
#include "corro.h"
#include "deed.h"
#include "fact.h"
#include "hmap.h"
#include "mem.h"
#include "pool.h"
#include "saying.h"
#include "timeline.h"

#include <stdint.h>

typedef struct story {
	pool p; /* the strings of every section, and docs' and claims' */
	corro_source_doc *docs;
	size_t ndocs, capdocs;
	size_t *parent; /* union-find over documents */
	size_t capparent;
	hmap sentences; /* sentence hash -> first document + 1 */
	hmap words;     /* headline word hash -> how many headlines */
	int word_df_built;
	buf fold; /* a sentence folded, for its hash */
	const char *title;
	int built;
	/* the sections, in the order of their build: a later one reads an
	 * earlier one through its header */
	actor_set actors;
	saying_set sayings;
	timeline_set timeline;
	deed_set deeds;
	fact_set fs; /* claims, and after build the facts (src/fact.c) */
} story;

#endif
