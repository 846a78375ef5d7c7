/* sentence.h: sentence boundaries over tokens (prefix sent_). */
#ifndef CORRO_SENTENCE_H
#define CORRO_SENTENCE_H

#include "lexicon.h"

typedef struct sent {
	size_t t0, t1;     /* tokens [t0, t1) */
	size_t start, end; /* bytes */
} sent;

typedef struct sent_list {
	sent *v;
	size_t n, cap;
} sent_list;

/* Splits the tokens of a lexicon view into sentences.  A line break ends a
 * sentence unless the line was wrapped mid-sentence; a full stop ends one
 * unless it closes an abbreviation ("Mr.", "U.S.") or an initial.  Returns 0,
 * or -1 when memory runs out. */
int sent_split(sent_list *out, const lex_view *v);
void sent_list_release(sent_list *l);

#endif
