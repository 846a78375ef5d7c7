/* actor.h: the story's actors (prefix actor_), one section of a story
 * (src/story.c owns it).  As each document is added, its entities are
 * counted into names; build merges the names into actors.  Later sections
 * (src/saying.c, src/deed.c) read it through this header only. */
#ifndef CORRO_ACTOR_H
#define CORRO_ACTOR_H

#include "corro.h"
#include "hmap.h"
#include "pool.h"

#include <stdint.h>

/* The records of actor.c (see there). */
typedef struct actor_name actor_name;
typedef struct actor_vote actor_vote;
typedef struct actor_name_cite actor_name_cite;

/* A document's entity that names nobody the brief lists (a list of names
 * read as one, or no letters at all): actor_entity_name's value for it. */
#define ACTOR_DROPPED (SIZE_MAX - 1)

typedef struct actor_set {
	pool *p; /* the story's, not owned */
	/* the entities of all documents with one folded name, until build */
	actor_name *names;
	size_t nnames, capnames;
	hmap name_map; /* hash of a key -> its first name + 1 */
	actor_vote *votes;
	size_t nvotes, capvotes;
	hmap vote_map; /* hash of (name, field, value) -> vote + 1 */
	actor_name_cite *name_cites;
	size_t nname_cites, capname_cites;
	uint32_t *name_docs; /* pairs (name, document), one per document */
	size_t nname_docs, capname_docs;
	size_t nseq; /* entities seen */
	/* the current document's entities -> names (SIZE_MAX: not kept;
	 * ACTOR_DROPPED), for actor_entity_name */
	size_t *entmap;
	size_t capentmap;
	/* after build */
	corro_actor *actors;
	size_t nactors;
	corro_cite *actor_cites; /* actors' first mentions */
	char **actor_keys;       /* folded names, sorted, for speaker look-ups */
	size_t *actor_by_key;    /* actor index of each key */
	size_t nactor_keys;
} actor_set;

void actor_init(actor_set *s, pool *p);
void actor_free(actor_set *s);

/* Counts the entities of document d into names.  CORRO_OK or
 * CORRO_NOMEM. */
corro_status actor_add(actor_set *s, size_t d, const char *text, size_t len,
		       const corro_result *res);
/* The name the last document added gives its entity i (an index of
 * corro_result_entity): SIZE_MAX when the entity is not kept,
 * ACTOR_DROPPED when it names nobody listed. */
size_t actor_entity_name(const actor_set *s, size_t i);

/* Merges names into actors; docs are the story's documents (for their
 * clusters).  CORRO_OK or CORRO_NOMEM. */
corro_status actor_build(actor_set *s, const corro_source_doc *docs);
/* The actor of a name as written (exact canonical name, or a surname),
 * SIZE_MAX when none. */
size_t actor_lookup(const actor_set *s, const char *name);
/* The actor of a name (an actor_entity_name value), SIZE_MAX when none. */
size_t actor_of_name(const actor_set *s, size_t name);
/* Frees the names (after the last build that needs actor_of_name). */
void actor_release_names(actor_set *s);

size_t actor_count(const actor_set *s);
/* Actor i, NULL when i is out of range. */
const corro_actor *actor_get(const actor_set *s, size_t i);

#endif
