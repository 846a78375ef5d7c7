/* fact.h: a story's claims grouped into facts, with their verdicts (prefix
 * fact_).  The story (src/story.c) copies each document's figures into
 * claims and finds which documents share text; fact_build groups the
 * claims that measure the same thing, judges each group and labels it.
 * It needs nothing of the story but what this struct holds. */
#ifndef CORRO_FACT_H
#define CORRO_FACT_H

#include "corro.h"
#include "mem.h"

#include <stddef.h>

typedef struct fact_set {
	/* filled by the story */
	corro_claim *claims; /* grows: fact_build appends derived sums */
	size_t nclaims, capclaims;
	arena *a;                     /* labels, reasons and sums' texts live here */
	const corro_source_doc *docs; /* outlet, cluster (set before build) */
	size_t ndocs;
	/* made by fact_build, in brief order */
	corro_fact *facts;
	size_t nfacts, capfacts;
	/* fact_build's own while it runs: FACT_ flags of each claim */
	unsigned char *flags;
	/* each document's publication date, a wire dateline's month and day
	 * ("XXXX-11-04") given the year of the story's latest dated document */
	const char **pub;
} fact_set;

enum {
	FACT_GENERIC = 1 /* its source is an unnamed body ("police") */
};

/* Groups the claims into facts, relates killed and wounded to losses (with
 * derived sums), labels and judges each fact and sorts them in brief order.
 * Call once.  CORRO_OK, or CORRO_NOMEM (what was built may only be
 * released). */
corro_status fact_build(fact_set *s);

/* Frees the claims and the facts (not the arena). */
void fact_release(fact_set *s);

#endif
