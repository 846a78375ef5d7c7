/* story.h: the story object behind corro_story (prefix story_), shared by
 * src/story.c (facts and verdicts) and src/brief.c (rendering). */
#ifndef CORRO_STORY_H
#define CORRO_STORY_H

#include "corro.h"
#include "hmap.h"
#include "mem.h"

#include <stdint.h>

typedef struct story {
	arena a;
	corro_source_doc *docs;
	size_t ndocs, capdocs;
	size_t *parent; /* union-find over documents */
	size_t capparent;
	corro_claim *claims;
	size_t nclaims, capclaims;
	corro_fact *facts;
	size_t nfacts, capfacts;
	hmap sentences;  /* sentence hash -> first document + 1 */
	hmap words;      /* headline word hash -> how many headlines */
	int word_df_built;
	const char *title;
	int built;
} story;

/* ASCII case-insensitive comparison of at most n bytes. */
int strncasecmp_ascii(const char *a, const char *b, size_t n);

/* The plural of a unit for labels: "troop" -> "troops", "casualty" ->
 * "casualties", "artillery shell" -> "artillery shells". */
void story_plural(const char *unit, char *out, size_t cap);

#endif
