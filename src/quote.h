/* quote.h: quotations and their speakers (prefix quote_).
 *
 * Direct quotes in straight or curly marks, with the words that attribute
 * them before ("X, of Y, told PBS: ...") or after (", Politico reported",
 * ", said X, the mayor of Y", ", according to X"); a quote that runs over
 * several paragraphs (each opening with a quote mark, only the last one
 * closed); reported speech ("Kyiv said at least ..."); and scare quotes of
 * one to three words with no attribution, kept as kind "term". */
#ifndef CORRO_QUOTE_H
#define CORRO_QUOTE_H

#include "corro.h"
#include "mem.h"
#include "sentence.h"

typedef struct quote_list {
	corro_quote *v;
	size_t n, cap;
} quote_list;

/* Appends the quotes of a document, in text order.  Speaker, affiliation
 * and channel strings go into the arena; every span refers to v->text.
 * Work is linear in the tokens.  Returns 0, or -1 when memory runs out. */
int quote_find(quote_list *out, const lex_view *v, const sent_list *s, arena *a);
void quote_list_release(quote_list *l);

#endif
