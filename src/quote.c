/* quote.c: quotations and who said them.
 *
 * One pass pairs the double quote marks (curly marks face one way; a
 * straight mark faces the way its spacing says, or toggles), then each
 * quote looks for its attribution in a bounded window of tokens beside its
 * marks.  Every search is bounded, so the stage stays linear in the text
 * however many marks it holds. */
#include "quote.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])
#define NONE SIZE_MAX
#define WINDOW 40    /* tokens an attribution may lie from its quote */
#define VERB_GAP 14  /* tokens from a reporting verb to the quote it opens */
#define CONTEXT 1000 /* bytes of sentence kept on each side of a quote */

enum { Q_OPEN = 1, Q_CLOSE = 2 };

typedef struct mark_pair {
	size_t o, c;   /* opening mark; closing mark or NONE (unclosed) */
	size_t t0, t1; /* the quoted tokens [t0, t1) */
	size_t para;   /* paragraph of the opening mark */
	size_t para_end;
} mark_pair;

typedef struct attr {
	size_t sp0, sp1; /* speaker tokens; sp0 == sp1: none */
	size_t af0, af1; /* affiliation or role */
	size_t ch0, ch1; /* channel: whom the speaker told */
	size_t cue;      /* the reporting verb or phrase */
} attr;

typedef struct qctx {
	const lex_view *v;
	const sent_list *s;
	size_t *sent_of; /* sentence index of each token */
	arena *a;
	const char *last_name; /* the last named speaker, for "he said" */
	corro_span last_span;
} qctx;

static int punct_in(const tok *t, const char *set)
{
	return t->type == TK_PUNCT && t->cp && t->cp < 128 && strchr(set, (int)t->cp) != NULL;
}

static int is_dq(const lex_view *v, size_t i)
{
	return TOK(i)->type == TK_PUNCT && TOK(i)->cp == '"';
}

/* Which way a double quote mark faces.  Curly and angle marks say it
 * themselves; a straight mark opens after a space and closes before one. */
static int facing(const lex_view *v, size_t i)
{
	const unsigned char *c = (const unsigned char *)v->text + TOK(i)->start;
	size_t len = TOK(i)->end - TOK(i)->start;
	if (len == 3 && c[0] == 0xE2 && c[1] == 0x80) {
		if (c[2] == 0x9C || c[2] == 0x9E || c[2] == 0x9F)
			return Q_OPEN;
		if (c[2] == 0x9D)
			return Q_CLOSE;
	}
	if (len == 2 && c[0] == 0xC2)
		return c[1] == 0xAB ? Q_OPEN : c[1] == 0xBB ? Q_CLOSE : Q_OPEN | Q_CLOSE;
	int before = i == 0 || (TOK(i)->flags & TF_SPACE) || punct_in(TOK(i - 1), "([-");
	int after = i + 1 >= v->n || (TOK(i + 1)->flags & TF_SPACE) ||
		    punct_in(TOK(i + 1), ",.;:!?)]-");
	if (before && !after)
		return Q_OPEN;
	if (after && !before)
		return Q_CLOSE;
	return Q_OPEN | Q_CLOSE;
}

/* A paragraph starts at token i: a blank line, or a line break where a
 * sentence starts (scraped text puts one paragraph on a line). */
static int para_break(const qctx *c, size_t i)
{
	const lex_view *v = c->v;
	if (i == 0 || i >= v->n)
		return 0;
	if (TOK(i)->flags & TF_PARA)
		return 1;
	return (TOK(i)->flags & TF_NEWLINE) && c->sent_of[i] != c->sent_of[i - 1];
}

/* A one-word phrase of category cat in tokens [a, b). */
static int has_cat(const lex_view *v, size_t a, size_t b, int cat)
{
	for (size_t k = a; k < b; k++)
		if (lex_has(v, k, LEX_BIT(cat)) && lex_one(v, k, b, LEX_BIT(cat)))
			return 1;
	return 0;
}

/* A reporting verb in lower case ("said", "told", "reported"); its lemma
 * goes to *lemma. */
static int speech_verb(const lex_view *v, size_t i, size_t lim, const char **lemma)
{
	if (i >= lim || TOK(i)->type != TK_WORD || (TOK(i)->flags & TF_UPPER) ||
	    !lex_has(v, i, LEX_BIT(LEX_VERB)))
		return 0;
	const lex_entry *e = lex_one(v, i, lim, LEX_BIT(LEX_VERB));
	if (!e || e->tag != LEX_VC_ATTR)
		return 0;
	if (strcmp(e->a, "cite") == 0 || strcmp(e->a, "quote") == 0)
		return 0;
	/* a noun after a determiner: "the report", "its latest report" */
	if (i > 0 && (lex_cue_is(v, i - 1, i, LEX_ROLE_NOUN_DET) ||
		      lex_cue_is(v, i - 1, i, LEX_ROLE_POSSESSIVE) ||
		      (i > 1 && lex_cue_is(v, i - 2, i, LEX_ROLE_POSSESSIVE) &&
		       TOK(i - 1)->type == TK_WORD)))
		return 0;
	if (lemma)
		*lemma = e->a;
	return 1;
}

/* Words between a subject and its verb: "has said", "also told". */
static int verb_gap(const lex_view *v, size_t i, size_t lim)
{
	if (lex_cue_is(v, i, lim, LEX_ROLE_VERB_GAP))
		return 1;
	const tok *t = TOK(i);
	return t->type == TK_WORD && !(t->flags & TF_UPPER) && t->end - t->start > 4 &&
	       memcmp(v->text + t->end - 2, "ly", 2) == 0;
}

static int passive_aux(const lex_view *v, size_t i, size_t lim)
{
	return lex_cue_is(v, i, lim, LEX_ROLE_BE_FORM);
}

static int upper_word(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && TOK(i)->type == TK_WORD && (TOK(i)->flags & TF_UPPER);
}

/* An apostrophe inside a name, glued to capitalised words on both sides:
 * "O'Brien", "D'Amato". */
static int name_apostrophe(const lex_view *v, size_t i, size_t lim)
{
	return i > 0 && i + 1 < lim && punct_in(TOK(i), "'") && lex_glued(v, i) &&
	       lex_glued(v, i + 1) && upper_word(v, i - 1, lim) && upper_word(v, i + 1, lim);
}

/* A name read leftwards from token e (inclusive), not before lo:
 * capitalised words, "of", "'s", hyphens and full stops inside names, and
 * plural nouns after a name ("US officials"); "for", "of the" and, in the
 * name of an organisation, "and" between capitalised words ("Centre for
 * Strategic and International Studies").  Returns its first token, or e +
 * 1 when there is none. */
static size_t np_left(const qctx *c, size_t lo, size_t e)
{
	const lex_view *v = c->v;
	size_t k = e + 1, and_at = 0;
	int words = 0, org = 0;
	while (k > lo && words < 8) {
		const tok *t = TOK(k - 1);
		if (para_break(c, k))
			break;
		if (t->type == TK_PUNCT) {
			if (punct_in(t, "-.") && words && lex_glued(v, k - 1) && k - 1 > lo &&
			    TOK(k - 2)->type == TK_WORD) {
				k--;
				continue;
			}
			if (words && k - 1 > lo &&
			    (name_apostrophe(v, k - 1, e + 1) ||
			     (punct_in(t, "&") && upper_word(v, k - 2, e + 1)))) {
				k--;
				continue;
			}
			break;
		}
		if (t->type != TK_WORD)
			break;
		if (words && (tok_is(v->text, t, "'s") || tok_is(v->text, t, "of"))) {
			k--;
			continue;
		}
		if (words && k - 1 > lo && upper_word(v, k - 2, e + 1) &&
		    (TOK(k)->flags & TF_UPPER) &&
		    (tok_is(v->text, t, "for") || tok_is(v->text, t, "and"))) {
			if (!and_at && tok_is(v->text, t, "and"))
				and_at = k - 1;
			k--;
			continue;
		}
		if (words && k > lo + 2 && tok_is(v->text, t, "the") &&
		    (TOK(k)->flags & TF_UPPER) &&
		    (tok_is(v->text, TOK(k - 2), "of") || tok_is(v->text, TOK(k - 2), "for")) &&
		    upper_word(v, k - 3, e + 1)) {
			k -= 2;
			continue;
		}
		org |= lex_has(v, k - 1, LEX_BIT(LEX_ORGWORD)) &&
		       lex_one(v, k - 1, e + 1, LEX_BIT(LEX_ORGWORD));
		int cap = (t->flags & TF_UPPER) != 0;
		int stop = lex_has(v, k - 1, LEX_BIT(LEX_STOP)) &&
			   lex_one(v, k - 1, e + 1, LEX_BIT(LEX_STOP));
		if (!cap && (stop || words >= 2 || lex_has(v, k - 1, LEX_BIT(LEX_VERB))))
			break;
		/* "The", "But" opening a sentence or clause, not "Weekly" in a name */
		if (cap && stop && !(t->flags & TF_CAPS) &&
		    (k - 1 == c->s->v[c->sent_of[k - 1]].t0 || TOK(k - 2)->type == TK_PUNCT))
			break;
		k--;
		words++;
	}
	/* "Kim and Putin" are two names, unless they name an organisation */
	if (and_at && !org)
		k = and_at + 1;
	while (k <= e && (tok_is(v->text, TOK(k), "of") || tok_is(v->text, TOK(k), "'s") ||
			  tok_is(v->text, TOK(k), "for") || tok_is(v->text, TOK(k), "and") ||
			  tok_is(v->text, TOK(k), "the") || TOK(k)->type == TK_PUNCT))
		k++;
	return k;
}

/* Lower-case words from token b that end in a role of the lexicon:
 * "finance minister", "coach" is none.  Returns the token after the role,
 * or b. */
static size_t role_words(const qctx *c, size_t b, size_t lim)
{
	const lex_view *v = c->v;
	size_t end = b;
	for (size_t k = b; k < lim && k < b + 3; k++) {
		if (TOK(k)->type != TK_WORD || (TOK(k)->flags & TF_UPPER))
			break;
		size_t st;
		if (lex_match_ending(v, b, k, LEX_BIT(LEX_ROLE), &st))
			end = k + 1;
	}
	return end;
}

/* A name read rightwards from token b, before lim: "the Associated
 * Press", "PBS", "Tomas Brenn".  Returns the token after it, or b. */
static size_t np_right(const qctx *c, size_t b, size_t lim)
{
	const lex_view *v = c->v;
	size_t k = b;
	if (lex_cue_is(v, k, lim, LEX_ROLE_ARTICLE))
		k++;
	int words = 0;
	while (k < lim && words < 8) {
		const tok *t = TOK(k);
		if (k > b && para_break(c, k))
			break;
		if (t->type == TK_PUNCT) {
			if (punct_in(t, "-.") && words && lex_glued(v, k) && k + 1 < lim &&
			    lex_glued(v, k + 1) && TOK(k + 1)->type == TK_WORD) {
				k++;
				continue;
			}
			if (words && (name_apostrophe(v, k, lim) ||
				      (punct_in(t, "&") && upper_word(v, k + 1, lim)))) {
				k++;
				continue;
			}
			/* the full stop of a title: "Ms. Haddad" */
			if (words == 1 && punct_in(t, ".") && lex_glued(v, k) &&
			    upper_word(v, k + 1, lim) && lex_has(v, k - 1, LEX_BIT(LEX_ROLE)) &&
			    lex_match(v, k - 1, k + 1, LEX_BIT(LEX_ROLE), NULL)) {
				k++;
				continue;
			}
			break;
		}
		if (t->type != TK_WORD)
			break;
		if (words && (tok_is(v->text, t, "'s") ||
			      ((tok_is(v->text, t, "of") || tok_is(v->text, t, "for") ||
				tok_is(v->text, t, "and")) &&
			       k + 1 < lim && (TOK(k + 1)->flags & TF_UPPER)))) {
			/* a role after "'s": "Turkey's finance minister" */
			size_t r;
			if (tok_is(v->text, t, "'s") && k + 1 < lim &&
			    !(TOK(k + 1)->flags & TF_UPPER) &&
			    (r = role_words(c, k + 1, lim)) > k + 1)
				return r;
			k++;
			continue;
		}
		/* "the Institute for the Study of War" */
		if (words && (tok_is(v->text, t, "of") || tok_is(v->text, t, "for")) &&
		    lex_cue_is(v, k + 1, lim, LEX_ROLE_ARTICLE) && upper_word(v, k + 2, lim) &&
		    has_cat(v, b, k, LEX_ORGWORD)) {
			k += 2;
			continue;
		}
		if (!(t->flags & TF_UPPER))
			break;
		k++;
		words++;
	}
	return words ? k : b;
}

/* Could tokens [a, b) name a speaker?  A capitalised word that is not a
 * sentence's capitalised function word, a place, or "officials". */
static int source_like(const qctx *c, size_t a, size_t b)
{
	const lex_view *v = c->v;
	for (size_t k = a; k < b; k++) {
		const tok *t = TOK(k);
		if (t->type != TK_WORD)
			continue;
		if ((t->flags & TF_UPPER) &&
		    !lex_has(v, k, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_ADVERB)))
			return 1;
		if (lex_has(v, k, LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_PLACE)))
			return 1;
	}
	return 0;
}

/* A role or affiliation after a name: ", the mayor of Vellport" up to the
 * next comma or the end of the sentence.  Returns the end token or b. */
static size_t role_right(const qctx *c, size_t b, size_t lim)
{
	const lex_view *v = c->v;
	size_t k = b;
	if (k >= lim || TOK(k)->type != TK_WORD || (TOK(k)->flags & TF_UPPER))
		return b;
	while (k < lim && k < b + 12 && !punct_in(TOK(k), ",.;:!?\"(") &&
	       !(k > b && para_break(c, k)))
		k++;
	return k;
}

/* A past participle before "by": "run", "led", "founded", "written". */
static int participle(const lex_view *v, size_t i)
{
	const tok *t = TOK(i);
	size_t n = t->end - t->start;
	const char *w = v->text + t->start;
	if (t->type != TK_WORD || (t->flags & TF_UPPER))
		return 0;
	return (n > 3 && (memcmp(w + n - 2, "ed", 2) == 0 || memcmp(w + n - 2, "en", 2) == 0 ||
			  memcmp(w + n - 2, "wn", 2) == 0)) ||
	       lex_cue_is(v, i, i + 1, LEX_ROLE_PARTICIPLE);
}

/* Finds the subject of a reporting verb at token j, not before lo:
 * "Victor Cha, of the CSIS, told", "Ukrainian President X said", "he
 * said".  Fills at->sp and at->af.  Returns 1 if found. */
static int subject_of(const qctx *c, size_t lo, size_t j, attr *at)
{
	const lex_view *v = c->v;
	size_t k = j;
	while (k > lo && k + 3 > j && verb_gap(v, k - 1, j))
		k--;
	if (k > lo && passive_aux(v, k - 1, j))
		return 0;
	if (k > lo && lex_cue_is(v, k - 1, j, LEX_ROLE_PRONOUN)) {
		at->sp0 = k - 1;
		at->sp1 = k;
		return 1;
	}
	if (k > lo + 1 && punct_in(TOK(k - 1), ",")) {
		/* an apposition between two commas */
		size_t p = k - 1;
		while (p > lo && p + 16 > k && !punct_in(TOK(p - 1), ",;:\"") && !para_break(c, p))
			p--;
		if (p > lo + 1 && punct_in(TOK(p - 1), ",") && p < k - 1) {
			size_t s0 = np_left(c, lo, p - 2);
			if (s0 < p - 1 && source_like(c, s0, p - 1)) {
				at->sp0 = s0;
				at->sp1 = p - 1;
				at->af0 = p;
				at->af1 = k - 1;
				return 1;
			}
			/* "The harbour master, Ola Vik, said": the name is the
			 * apposition and the head its role */
			s0 = np_left(c, p, k - 2);
			if (s0 == p && TOK(p)->flags & TF_UPPER && source_like(c, p, k - 1)) {
				at->sp0 = p;
				at->sp1 = k - 1;
				if (lo + 6 >= p - 1) {
					at->af0 = lo;
					at->af1 = p - 1;
				}
				return 1;
			}
		}
		return 0;
	}
	if (k == lo)
		return 0;
	size_t s0 = np_left(c, lo, k - 1);
	if (s0 < k && source_like(c, s0, k)) {
		at->sp0 = s0;
		at->sp1 = k;
		/* "The Soufan Centre, run by former FBI agent Ali Soufan says":
		 * a name after "by" is the agent of a participle, and the
		 * subject is the name before the comma */
		size_t b = s0;
		int by = 0;
		while (b > lo && b + 12 > s0 && !punct_in(TOK(b - 1), ",;:\"()")) {
			by |= tok_is(v->text, TOK(b - 1), "by") && b - 1 > lo &&
			      participle(v, b - 2);
			b--;
		}
		if (by && b > lo + 1 && punct_in(TOK(b - 1), ",")) {
			size_t s1 = np_left(c, lo, b - 2);
			if (s1 < b - 1 && source_like(c, s1, b - 1)) {
				at->sp0 = s1;
				at->sp1 = b - 1;
			}
		}
		/* "Carlos Patel, the coach of Vellport FC said": an apposition
		 * whose closing comma is missing */
		if (s0 > lo + 2 && !(TOK(s0)->flags & TF_UPPER) &&
		    lex_cue_is(v, s0 - 1, s0, LEX_ROLE_ARTICLE) && punct_in(TOK(s0 - 2), ",")) {
			size_t s1 = np_left(c, lo, s0 - 3);
			if (s1 < s0 - 2 && source_like(c, s1, s0 - 2)) {
				at->af0 = s0;
				at->af1 = k;
				at->sp0 = s1;
				at->sp1 = s0 - 2;
			}
		}
		return 1;
	}
	return 0;
}

/* The channel of "told": "told PBS", "told the Economist". */
static void channel_of(const qctx *c, size_t j, size_t lim, const char *lemma, attr *at)
{
	if (strcmp(lemma, "tell") != 0)
		return;
	size_t e = np_right(c, j + 1, lim);
	if (e > j + 1) {
		at->ch0 = j + 1;
		at->ch1 = e;
	}
}

/* An attribution that follows a quote or a clause, starting at token k:
 * ", according to X", ", said X, the mayor of Y", ", X reported", ", he
 * said".  Returns 1 if found. */
static int attr_after(const qctx *c, size_t k, size_t lim, attr *at)
{
	const lex_view *v = c->v;
	memset(at, 0, sizeof *at);
	if (k < lim && punct_in(TOK(k), ","))
		k++;
	if (k >= lim || para_break(c, k))
		return 0;
	size_t len;
	const lex_entry *e = lex_has(v, k, LEX_BIT(LEX_ATTR))
				     ? lex_match(v, k, lim, LEX_BIT(LEX_ATTR), &len)
				     : NULL;
	if (e && e->a && strcmp(e->a, "before") == 0) {
		size_t end = np_right(c, k + len, lim);
		if (end > k + len) {
			at->sp0 = k + len;
			at->sp1 = end;
			at->cue = k;
			return 1;
		}
		return 0;
	}
	const char *lemma;
	if (speech_verb(v, k, lim, &lemma)) {
		at->cue = k;
		if (lex_cue_is(v, k + 1, lim, LEX_ROLE_PRONOUN)) {
			at->sp0 = k + 1;
			at->sp1 = k + 2;
			return 1;
		}
		size_t end = np_right(c, k + 1, lim);
		if (end > k + 1 && source_like(c, k + 1, end)) {
			at->sp0 = k + 1;
			at->sp1 = end;
			if (end + 1 < lim && punct_in(TOK(end), ",")) {
				size_t r = role_right(c, end + 1, lim);
				if (r > end + 1) {
					at->af0 = end + 1;
					at->af1 = r;
				}
			} else if (lex_cue_is(v, end, lim, LEX_ROLE_OF_FROM)) {
				/* "said Victor Cha of the Centre for ..." */
				size_t r = np_right(c, end + 1, lim);
				if (r > end + 1 && (has_cat(v, end + 1, r, LEX_ORGWORD) ||
						    has_cat(v, end + 1, r, LEX_PLACE))) {
					at->af0 = end;
					at->af1 = r;
				}
			}
			return 1;
		}
		return 0;
	}
	for (size_t j = k + 1; j < lim && j < k + 10; j++) {
		if (para_break(c, j) || (TOK(j)->type != TK_WORD && !punct_in(TOK(j), "-.")))
			return 0;
		if (!speech_verb(v, j, lim, &lemma))
			continue;
		if (!subject_of(c, k, j, at))
			return 0;
		size_t first = at->sp0;
		if (first == k + 1 && lex_cue_is(v, k, lim, LEX_ROLE_ARTICLE))
			first = k;
		if (first != k)
			return 0;
		at->cue = j;
		channel_of(c, j, lim, lemma, at);
		return 1;
	}
	return 0;
}

/* An attribution before a quote that opens at token o, within [lo, o):
 * "X, of Y, told PBS:", "Soufan adds:", "X said that".  The nearest
 * reporting verb decides. */
static int attr_before(const qctx *c, size_t lo, size_t o, attr *at)
{
	const lex_view *v = c->v;
	memset(at, 0, sizeof *at);
	for (size_t j = o; j > lo && j + VERB_GAP > o;) {
		j--;
		const char *lemma;
		if (!speech_verb(v, j, o, &lemma))
			continue;
		if (!subject_of(c, lo, j, at))
			return 0;
		at->cue = j;
		channel_of(c, j, o, lemma, at);
		return 1;
	}
	return 0;
}

/* Copies tokens [a, b) as a string, dropping leading words in skip. */
static const char *tok_text(qctx *c, size_t a, size_t b, uint64_t skip, corro_span *span)
{
	const lex_view *v = c->v;
	while (skip && a < b && lex_cue_is(v, a, b, skip))
		a++;
	if (a >= b)
		return NULL;
	size_t s = TOK(a)->start, e = TOK(b - 1)->end;
	if (span) {
		span->start = s;
		span->end = e;
	}
	return arena_strndup(c->a, v->text + s, e - s);
}

/* A speaker with its organisation in the name: "the Brookings
 * Institution's Ilse Marrow", "Victor Cha of the Centre for ...": the
 * person speaks, the organisation is the affiliation. */
static void split_speaker(const qctx *c, attr *at)
{
	const lex_view *v = c->v;
	for (size_t k = at->sp1; k-- > at->sp0 + 1;) {
		if (tok_is(v->text, TOK(k), "'s") && k + 1 < at->sp1 &&
		    (TOK(k + 1)->flags & TF_UPPER)) {
			if (at->af1 == at->af0) {
				at->af0 = at->sp0;
				at->af1 = k;
			}
			at->sp0 = k + 1;
			return;
		}
	}
	for (size_t k = at->sp0 + 1; k + 1 < at->sp1; k++) {
		if (!tok_is(v->text, TOK(k), "of") && !tok_is(v->text, TOK(k), "from"))
			continue;
		size_t o = k + 1 + (tok_is(v->text, TOK(k + 1), "the") && k + 2 < at->sp1);
		int named = 0;
		for (size_t m = at->sp0; m < k; m++)
			named |= (TOK(m)->flags & TF_UPPER) != 0;
		if (!named || has_cat(v, at->sp0, k, LEX_ORGWORD) ||
		    has_cat(v, at->sp0, k, LEX_PLACE) ||
		    !(has_cat(v, o, at->sp1, LEX_ORGWORD) ||
		      (lex_has(v, o, LEX_BIT(LEX_PLACE)) &&
		       lex_match(v, o, at->sp1, LEX_BIT(LEX_PLACE), NULL))))
			return;
		if (at->af1 == at->af0) {
			at->af0 = k;
			at->af1 = at->sp1;
		}
		at->sp1 = k;
		return;
	}
}

/* A single capitalised word that is a word of the last named speaker:
 * "Soufan adds" after "the Soufan Centre says", "Cha said" after "Victor
 * Cha told". */
static int part_of_last(const qctx *c, size_t i)
{
	const lex_view *v = c->v;
	const tok *t = TOK(i);
	size_t n = t->end - t->start;
	if (t->type != TK_WORD || !(t->flags & TF_UPPER) || n < 3)
		return 0;
	const char *w = v->text + t->start, *l = c->last_name;
	size_t ln = strlen(l);
	if (ln == n)
		return 0;
	for (const char *p = l; p + n <= l + ln; p++)
		if (memcmp(p, w, n) == 0 && (p == l || p[-1] == ' ' || p[-1] == '-') &&
		    (p + n == l + ln || p[n] == ' ' || p[n] == '-'))
			return 1;
	return 0;
}

static void set_speaker(qctx *c, corro_quote *q, const attr *given)
{
	const lex_view *v = c->v;
	attr split = *given;
	const attr *at = &split;
	if (at->sp1 == at->sp0)
		return;
	split_speaker(c, &split);
	if (at->sp1 == at->sp0 + 1 && c->last_name &&
	    (lex_cue_is(v, at->sp0, at->sp1, LEX_ROLE_PRONOUN) || part_of_last(c, at->sp0))) {
		q->speaker = c->last_name;
		q->speaker_span = c->last_span;
	} else {
		q->speaker = tok_text(c, at->sp0, at->sp1, LEX_ROLE_ARTICLE, &q->speaker_span);
		int named = 0;
		for (size_t k = at->sp0; k < at->sp1; k++)
			named |= (TOK(k)->flags & TF_UPPER) != 0;
		if (q->speaker && named) {
			c->last_name = q->speaker;
			c->last_span = q->speaker_span;
		}
	}
	if (at->af1 > at->af0)
		q->affiliation = tok_text(c, at->af0, at->af1, LEX_ROLE_ROLE_SKIP, NULL);
	if (at->ch1 > at->ch0)
		q->channel = tok_text(c, at->ch0, at->ch1, LEX_ROLE_ARTICLE, NULL);
}

/* The sentences from token a to token b (inclusive), cut to a window of
 * CONTEXT bytes on each side of [lo, hi) when they are longer. */
static corro_span sentence_span(const qctx *c, size_t a, size_t b, size_t lo, size_t hi)
{
	const sent *s0 = &c->s->v[c->sent_of[a]], *s1 = &c->s->v[c->sent_of[b]];
	corro_span sp = {s0->start, s1->end};
	if (sp.start > lo)
		sp.start = lo;
	if (sp.end < hi)
		sp.end = hi;
	const unsigned char *t = (const unsigned char *)c->v->text;
	if (lo > sp.start + CONTEXT) {
		sp.start = lo - CONTEXT;
		while (sp.start < lo && (t[sp.start] & 0xC0) == 0x80)
			sp.start++;
	}
	if (sp.end > hi + CONTEXT) {
		sp.end = hi + CONTEXT;
		while (sp.end > hi && (t[sp.end] & 0xC0) == 0x80)
			sp.end--;
	}
	return sp;
}

static int push(quote_list *out, const corro_quote *q)
{
	if (VEC_GROW(out->v, out->n, out->cap, corro_quote))
		return -1;
	out->v[out->n++] = *q;
	return 0;
}

/* Pairs the double quote marks.  An opening mark with no closing one runs
 * to the end of its paragraph, or on into the next paragraph when that
 * opens with a quote mark (the news convention); an opening mark inside an
 * open quote is such a paragraph glued to the last one. */
static int pair_marks(const qctx *c, mark_pair **out, size_t *nout)
{
	const lex_view *v = c->v;
	mark_pair *m = NULL;
	size_t n = 0, cap = 0, open = NONE, para = 0, open_para = 0;
	for (size_t i = 0; i <= v->n; i++) {
		int brk = i == v->n || para_break(c, i);
		if (open != NONE && brk && !(i < v->n && is_dq(v, i) && (facing(v, i) & Q_OPEN))) {
			if (open + 1 < i) {
				if (VEC_GROW(m, n, cap, mark_pair))
					goto fail;
				m[n++] = (mark_pair){open, NONE, open + 1, i, open_para, para};
			}
			open = NONE;
		}
		if (i == v->n)
			break;
		if (i && brk)
			para++;
		if (!is_dq(v, i))
			continue;
		int f = facing(v, i);
		if (open == NONE) {
			if (f & Q_OPEN) {
				open = i;
				open_para = para;
			}
		} else if (f & Q_CLOSE) {
			if (open + 1 < i) {
				if (VEC_GROW(m, n, cap, mark_pair))
					goto fail;
				m[n++] = (mark_pair){open, i, open + 1, i, open_para, para};
			}
			open = NONE;
		}
	}
	*out = m;
	*nout = n;
	return 0;
fail:
	mem_free(m);
	return -1;
}

static size_t count_words(const lex_view *v, size_t a, size_t b, size_t cap)
{
	size_t n = 0;
	for (size_t k = a; k < b && n < cap; k++)
		n += TOK(k)->type == TK_WORD || TOK(k)->type == TK_NUM;
	return n;
}

/* Reported speech in a sentence with no direct quote: "Kyiv said at least
 * ...", "X told the Economist this week that ...", "..., officials said." */
static int reported(qctx *c, quote_list *out, size_t si)
{
	const lex_view *v = c->v;
	const sent *s = &c->s->v[si];
	size_t end = s->t1;
	/* "X says in its latest report:" opens a direct quote */
	if (end > s->t0 && punct_in(TOK(end - 1), ":"))
		return 0;
	while (end > s->t0 && punct_in(TOK(end - 1), ".!?"))
		end--;
	if (end <= s->t0)
		return 0;
	attr at;
	size_t c0 = NONE, c1 = NONE;
	for (size_t j = s->t0 + 1; j < s->t1 && j < s->t0 + WINDOW; j++) {
		const char *lemma;
		if (!speech_verb(v, j, s->t1, &lemma))
			continue;
		memset(&at, 0, sizeof at);
		if (subject_of(c, s->t0, j, &at) &&
		    (at.sp0 == s->t0 ||
		     (at.sp0 == s->t0 + 1 && lex_cue_is(v, s->t0, j, LEX_ROLE_ARTICLE)))) {
			at.cue = j;
			channel_of(c, j, s->t1, lemma, &at);
			size_t b = at.ch1 > at.ch0 ? at.ch1 : j + 1;
			for (size_t m = b; m < s->t1 && m < b + 6; m++) {
				if (lex_word_is(v, m, s->t1, "that")) {
					b = m + 1;
					break;
				}
				if (TOK(m)->type == TK_PUNCT)
					break;
			}
			if (b < end && TOK(b)->type != TK_PUNCT) {
				c0 = b;
				c1 = end;
			}
		}
		break;
	}
	if (c0 == NONE) {
		/* ", officials said." closing the sentence */
		for (size_t k = end; k > s->t0 + 1 && k + 12 > end;) {
			k--;
			if (!punct_in(TOK(k), ","))
				continue;
			if (!attr_after(c, k, end, &at))
				break;
			size_t last = at.sp1 > at.cue ? at.sp1 : at.cue + 1;
			if (at.ch1 > last)
				last = at.ch1;
			if (last + 4 >= end) {
				c0 = s->t0;
				c1 = k;
				/* ", Carlos Patel, the coach of Vellport FC said.":
				 * an apposition whose closing comma is missing; the
				 * name before it speaks */
				size_t k2 = k;
				while (k2 > s->t0 + 1 && k2 + 6 > k && !punct_in(TOK(k2 - 1), ","))
					k2--;
				if (at.sp0 == k + 2 &&
				    lex_cue_is(v, k + 1, end, LEX_ROLE_ARTICLE) &&
				    at.af1 == at.af0 && k2 + 6 > k && k2 > s->t0 + 1 && k2 < k &&
				    punct_in(TOK(k2 - 1), ",") && np_left(c, k2, k - 1) == k2 &&
				    source_like(c, k2, k)) {
					at.af0 = at.sp0;
					at.af1 = at.sp1;
					at.sp0 = k2;
					at.sp1 = k;
					c1 = k2 - 1;
				}
			}
			break;
		}
	}
	if (c0 == NONE || count_words(v, c0, c1, 3) < 3)
		return 0;
	corro_quote q;
	memset(&q, 0, sizeof q);
	q.kind = CORRO_QUOTE_REPORTED;
	q.text.start = TOK(c0)->start;
	q.text.end = TOK(c1 - 1)->end;
	set_speaker(c, &q, &at);
	if (!q.speaker)
		return 0;
	q.sentence_index = si;
	q.sentence = sentence_span(c, s->t0, s->t1 - 1, q.text.start, q.text.end);
	return push(out, &q);
}

static int by_start(const void *pa, const void *pb)
{
	const corro_quote *a = pa, *b = pb;
	if (a->text.start != b->text.start)
		return a->text.start < b->text.start ? -1 : 1;
	return (a->text.end > b->text.end) - (a->text.end < b->text.end);
}

int quote_find(quote_list *out, const lex_view *v, const sent_list *s, arena *a)
{
	qctx c;
	size_t base = out->n;
	memset(&c, 0, sizeof c);
	c.v = v;
	c.s = s;
	c.a = a;
	if (!v->n || !s->n)
		return 0;
	c.sent_of = mem_alloc(v->n * sizeof *c.sent_of);
	unsigned char *direct = mem_alloc(s->n);
	mark_pair *m = NULL;
	size_t nm = 0;
	int rc = -1;
	if (!c.sent_of || !direct)
		goto done;
	memset(direct, 0, s->n);
	for (size_t i = 0, si = 0; i < v->n; i++) {
		while (si + 1 < s->n && s->v[si].t1 <= i)
			si++;
		c.sent_of[i] = si;
	}
	if (pair_marks(&c, &m, &nm))
		goto done;

	size_t prev_speaker = NONE; /* the last direct quote with a speaker */
	size_t next_si = 0;         /* sentences before it are done for reported speech */
	for (size_t qi = 0; qi <= nm; qi++) {
		/* reported speech in the sentences before this quote */
		size_t upto = qi < nm ? c.sent_of[m[qi].o] : s->n;
		for (; next_si < upto; next_si++)
			if (!direct[next_si] && reported(&c, out, next_si))
				goto done;
		if (qi == nm)
			break;
		const mark_pair *p = &m[qi];
		size_t lo_prev = qi ? (m[qi - 1].c != NONE ? m[qi - 1].c + 1 : m[qi - 1].t1) : 0;
		size_t hi_next = qi + 1 < nm ? m[qi + 1].o : v->n;
		corro_quote q;
		memset(&q, 0, sizeof q);
		q.text.start = TOK(p->t0)->start;
		q.text.end = TOK(p->t1 - 1)->end;
		q.sentence_index = c.sent_of[p->t0];
		attr at;
		int found = 0;
		size_t first = p->o, last = p->c != NONE ? p->c : p->t1 - 1;
		/* after the closing mark, unless the quote closes its sentence */
		if (p->c != NONE && !punct_in(TOK(p->c - 1), ".")) {
			size_t lim = p->c + 1;
			while (lim < hi_next && lim < p->c + 1 + WINDOW &&
			       !(lim > p->c + 1 && para_break(&c, lim)))
				lim++;
			found = attr_after(&c, p->c + 1, lim, &at);
		}
		if (!found) {
			size_t lo = s->v[c.sent_of[p->o]].t0;
			if (lo == p->o && p->o > 0 && punct_in(TOK(p->o - 1), ":"))
				lo = s->v[c.sent_of[p->o - 1]].t0;
			if (lo < lo_prev)
				lo = lo_prev;
			if (lo + WINDOW < p->o)
				lo = p->o - WINDOW;
			found = attr_before(&c, lo, p->o, &at);
		}
		if (found) {
			q.kind = CORRO_QUOTE_DIRECT;
			set_speaker(&c, &q, &at);
			if (at.sp0 < first)
				first = at.sp0;
			if (at.sp1 > last + 1)
				last = at.sp1 - 1;
			if (at.af1 > last + 1)
				last = at.af1 - 1;
		} else if (count_words(v, p->t0, p->t1, 4) <= 3) {
			q.kind = CORRO_QUOTE_TERM;
		} else {
			q.kind = CORRO_QUOTE_DIRECT;
			/* a quote that opens its paragraph right after another
			 * speaker's quote goes on with that speaker */
			int opens = p->o == s->v[c.sent_of[p->o]].t0;
			if (prev_speaker != NONE && opens &&
			    m[prev_speaker].para_end + 1 >= p->para) {
				const corro_quote *pq = &out->v[out->n - 1];
				for (size_t k = out->n; k-- > 0;)
					if (out->v[k].speaker &&
					    out->v[k].kind == CORRO_QUOTE_DIRECT) {
						pq = &out->v[k];
						break;
					}
				q.speaker = pq->speaker;
				q.speaker_span = pq->speaker_span;
				q.affiliation = pq->affiliation;
				q.channel = pq->channel;
			}
		}
		if (q.speaker)
			prev_speaker = qi;
		q.sentence = sentence_span(&c, first, last, q.text.start, q.text.end);
		if (q.kind != CORRO_QUOTE_TERM)
			for (size_t k = c.sent_of[first]; k <= c.sent_of[last]; k++)
				direct[k] = 1;
		if (push(out, &q))
			goto done;
	}
	if (out->n > base)
		qsort(out->v + base, out->n - base, sizeof *out->v, by_start);
	rc = c.a->failed ? -1 : 0;
done:
	mem_free(m);
	mem_free(direct);
	mem_free(c.sent_of);
	return rc;
}

void quote_list_release(quote_list *l)
{
	mem_free(l->v);
	memset(l, 0, sizeof *l);
}
