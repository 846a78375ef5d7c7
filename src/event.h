/* event.h: who did what to whom (prefix ev_).
 *
 * An act is a verb of data/events.tsv ("sent", "attacked", "met") or a light
 * verb with an act noun ("launched an air strike", "held talks"), and with
 * CAMEO dictionaries loaded, a verb of theirs whose pattern codes an event.
 * Its actor is the first actor phrase of its clause before it (the subject;
 * in the passive, the phrase after "by"), its target the first one after it;
 * an actor phrase is an entity mention, an agent word ("rebels", "troops")
 * or both ("Syrian rebels"), or a pronoun that stands for the last subject.
 * A clause ends at ";", a subordinating word ("that", "after", "while") and
 * a reporting verb ("said"), so "X said Y attacked Z" gives Y -> Z.  Control
 * verbs ("prepared to attend", "wants to attack"), purposes, participles,
 * verbs after "and", reduced relatives and mutual acts follow the rules
 * listed in docs/internals.md ("Events").  No parser is involved: the rules
 * read word order, which is what makes the stage cheap enough to run on
 * every document. */
#ifndef CORRO_EVENT_H
#define CORRO_EVENT_H

#include "corro.h"
#include "mem.h"
#include "sentence.h"

typedef struct ev_input {
	const lex_view *v;
	const sent_list *sents;
	const corro_entity *ents;
	size_t nents;
	const corro_time *times; /* in text order */
	size_t ntimes;
	const corro_figure *figs; /* in text order */
	size_t nfigs;
	const corro_cameo *dict; /* NULL: the built-in lexicon alone */
	long date;               /* the document's YYYYMMDD, 0 if unknown */
} ev_input;

/* Finds the events of a document; *out (in the arena) gets them in text
 * order.  Returns 0, or -1 when memory runs out. */
int ev_document(const ev_input *in, arena *a, corro_event **out, size_t *nout);

#endif
