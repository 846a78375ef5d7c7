/* entity.h: the people, organisations, countries and bodies a document
 * names (prefix ent_). */
#ifndef CORRO_ENTITY_H
#define CORRO_ENTITY_H

#include "corro.h"
#include "hmap.h"
#include "lexicon.h"
#include "mem.h"
#include "sentence.h"

/* Finds the entities of a document: *out (in the arena) gets one per
 * canonical entity, in order of first mention, with its mentions in text
 * order.  Returns 0, or -1 when memory runs out. */
int ent_document(const lex_view *v, const sent_list *sl, arena *a, corro_entity **out,
		 size_t *nout);

#endif
