/* cameo.h: CAMEO event dictionaries in the TABARI/PETRARCH text formats, and
 * the CAMEO -> PLOVER table (prefix cameo_).  The public half (loading) is
 * in corro.h; this is what the event stage asks of a loaded set. */
#ifndef CORRO_CAMEO_H
#define CORRO_CAMEO_H

#include "corro.h"
#include "lexicon.h"

#include <stddef.h>

/* The longest actor or agent phrase of the dictionaries that starts at token
 * i and ends before token lim, matched case-blind word by word ("United
 * States", "U.N.", "Ban Ki-moon").  Returns its code ("USA", "IGOUNO"; an
 * agent's code starts with '~': "~GOV", "~REB", or for the few whose code
 * goes before an actor's, ends with it: "IGO~") and sets *len to its token
 * count, or returns NULL.  date is the document's "YYYYMMDD" as a number (0:
 * unknown) for dated codes ("[IGOUNO >20070101]"): the code in force then;
 * when no dated code covers it, the undated one, else the last one listed,
 * as when the date is unknown.  The string lives as long as c. */
const char *cameo_actor_at(const corro_cameo *c, const lex_view *v, size_t i, size_t lim, long date,
			   size_t *len);

/* A form of a dictionary verb at token i (a multi-word verb such as
 * "carry out" or "winding up" may take several tokens; *len gets their
 * count).  When there is one, returns 1 and sets *code to the CAMEO code of
 * the best pattern of its block that matches the sentence tokens [lo, lim)
 * around the verb (the words before "*" matched before token i, those after
 * it after the verb, in order, with gaps allowed as PETRARCH does; synsets,
 * {phrases} and (prepositional phrases) honoured; $ and + match any words),
 * or to the verb's own or its block's default code when no pattern matches.
 * *code is "---" when the verb is known but codes no event.  If obj is not
 * NULL it gets the token index just past the last pattern word matched after
 * the verb (i + *len when none).  Returns 0 when token i is not a dictionary
 * verb. */
int cameo_verb_at(const corro_cameo *c, const lex_view *v, size_t i, size_t lo, size_t lim,
		  size_t *len, const char **code, size_t *obj);

/* The loaders of corro.h on bytes in memory; name names them in
 * diagnostics.  The fuzz target calls these. */
corro_status cameo_load_verbs_mem(corro_cameo *c, const char *name, const char *data, size_t len,
				  corro_diag_fn diag, void *ud);
corro_status cameo_load_actors_mem(corro_cameo *c, const char *name, const char *data, size_t len,
				   corro_diag_fn diag, void *ud);

#endif
