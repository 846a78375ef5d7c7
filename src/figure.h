/* figure.h: from numbers to figures, the claims a text makes (prefix fig_):
 * the number with its hedge, unit, counted thing, rate, predicate, actor,
 * attributed source and forecast flag, or no figure at all for years, dates,
 * ordinals, labels ("Article 4") and identifiers. */
#ifndef CORRO_FIGURE_H
#define CORRO_FIGURE_H

#include "corro.h"
#include "mem.h"
#include "sentence.h"

/* A figure and the tokens it was read from. */
typedef struct fig {
	corro_figure f;
	size_t t0, t1;       /* tokens of the whole expression */
	size_t what0, what1; /* tokens of the counted phrase */
	size_t pred_tok;     /* token of the predicate, or SIZE_MAX */
	size_t time_from;    /* byte offset before which no time of the
				  sentence is the figure's (the start of
				  "up from" before an earlier value), or 0 */
	size_t time_after;   /* byte offset before which no time of the
				  sentence is the figure's, which stays of its
				  own count (the "to" of "from 37 on Monday to
				  52 on Tuesday" for the 52), or 0 */
	int it_subject;      /* its sentence opens with "It" and a measuring
				  verb ("It burned 52,000 hectares"): it goes
				  on telling of what the sentence before told
				  of */
	int narrative;       /* its verb is in a simple past ("27,000 workers
				  took part", "were cancelled", not "have
				  walked out"): it may go on telling of an
				  earlier occurrence the sentence before told
				  of */
	int modifier;        /* the size of a noun inside a noun phrase
				  ("the 300-seat assembly"): no figure of the
				  clause, so rules that look for the figure
				  before pass over it */
} fig;

typedef struct fig_list {
	fig *v;
	size_t n, cap;
	/* the document's capital named in apposition ("the capital,
	 * Varnholm"), read once: 0 not yet, 1 its tokens, -1 none */
	int capital;
	size_t capital_b, capital_e;
	/* names the document puts after "in", "across" or "near" ("in Lower
	 * Marrow"): places wherever else it names them, read once
	 * (places_read); each as the token of its first mention and its
	 * length in tokens */
	int places_read, nplaces;
	struct {
		size_t tok, len;
	} places[32];
} fig_list;

/* Appends the figures of one sentence; prev is the sentence before it
 * (NULL for the first), where "there" or "in the province" may find the
 * place it refers to.  Strings go into the arena.  Returns 0, or -1 when
 * memory runs out. */
int fig_sentence(fig_list *out, const lex_view *v, const sent *s, const sent *prev,
		 size_t sentence_index, arena *a);
void fig_list_release(fig_list *l);

/* Singular, lower-case form of an English noun ("casualties" ->
 * "casualty", "forces" -> "force", "men" -> "man"; "people" is its own
 * lemma), written to out. */
void fig_singular(const char *word, size_t len, char *out, size_t cap);

#endif
