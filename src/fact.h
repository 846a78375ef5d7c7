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

/* ---- the rules of a verdict, one by one (for fact_build and tests) ---- */

/* Values of claims that allow a common value: the intersection of their
 * intervals, and the same with each written value's rounding. */
typedef struct fact_cluster {
	size_t first, n; /* into a sorted array of claim indices */
	double lo, hi;   /* intersection of the members' intervals */
	double rlo, rhi; /* the same with each written value's rounding */
} fact_cluster;

/* Whether two of the ncl clusters are disjoint (no value both allow, even
 * with rounding; in any order), and in *worst the largest ratio between
 * such a pair's nearest values (1 when none is). */
int fact_clusters_apart(const fact_cluster *cl, size_t ncl, double *worst);

/* The verdict of a fact before its count over time is read: one source
 * gives a single; values all sources may hold agree, unless written more
 * than 5% apart (spread: they differ); disjoint values conflict when the
 * larger is over 1.5 times the smaller, else differ. */
corro_verdict fact_verdict_of(size_t sources, int disjoint, int spread, double worst);

#endif
