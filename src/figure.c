/* figure.c: turning the numbers of a sentence into figures.
 *
 * For each number the recognizer finds, in order:
 *   1. drop what is not a quantity: years, dates, clock times, ordinals,
 *      labels ("Article 4"), names with digits ("F-16"), identifiers;
 *   2. read the expression around it: range partner, hedge, change,
 *      currency, unit, rate ("per day");
 *   3. read the counted phrase after it ("North Korean troops");
 *   4. read the sentence for the predicate, the actor, the attributed source
 *      and forecast cues.
 * Figures in a list ("600,000 troops, 369 aircraft and 8860 tanks") with no
 * verb between them share the predicate, actor and source of the first. */
#include "ascii.h"
#include "figure.h"
#include "number.h"
#include "quantity.h"
#include "timex.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])

/* Longest sentence context a figure carries, in bytes. */
#define SENTENCE_MAX 1000

typedef struct ctx {
	const lex_view *v;
	const sent *s;
	const sent *prev; /* the sentence before, or NULL */
	arena *a;
	fig_list *out; /* the document's figures so far */
	/* the tokens [last0, last1) of a sentence that opens on the last
	 * time something happened (last_time_clause): its figures there are
	 * of that earlier occurrence; last0 == last1 when it does not */
	size_t last0, last1;
} ctx;

static int plural_form(const lex_view *v, size_t i);
static int plural_noun_at(const lex_view *v, size_t i, size_t lim);
static int is_prep(const lex_view *v, size_t i, size_t lim);
static int ed_word(const lex_view *v, size_t j);
static int ing_word(const lex_view *v, size_t j);
static int past_verb(const lex_view *v, size_t j);
static size_t tok_singular(const lex_view *v, size_t k, size_t lim, char *w, size_t cap);
static int det_like(const lex_view *v, size_t i, size_t lim);
static const char *measure_of(const char *lemma);
static int cue_at(const lex_view *v, size_t k, size_t lim, uint64_t role);
static size_t relative_comma(const lex_view *v, const sent *s, size_t t);

/* Is token i the last part of a hyphenated modifier, no verb of its own:
 * "a jaw-dropping 500,000 tonnes", "flood-hit areas", "war-torn"?  A
 * verb's prefix leaves the verb: "re-opened", "co-founded",
 * "pre-ordered", "over-stated". */
static int hyphen_tail(const lex_view *v, size_t i)
{
	if (!(i >= 2 && i < v->n && v->t[i - 1].type == TK_PUNCT && v->t[i - 1].cp == '-' &&
	      lex_glued(v, i - 1) && lex_glued(v, i) && v->t[i - 2].type == TK_WORD))
		return 0;
	const tok *p = &v->t[i - 2];
	static const char *const prefix[] = {"pre", "mis", "out", "over", "under"};
	if (p->end - p->start <= 2)
		return 0;
	for (size_t k = 0; k < sizeof prefix / sizeof *prefix; k++)
		if (tok_is(v->text, p, prefix[k]))
			return 0;
	/* a modifier opens a noun phrase: after a determiner, a possessive
	 * or a preposition ("a jaw-dropping", "the city's flood-hit",
	 * "in war-torn"); "North Korea test-fired 3 missiles" is a verb */
	if (i < 3)
		return 0;
	size_t b = i - 3;
	return cue_at(v, b, i, LEX_ROLE_DETERMINER) || tok_is(v->text, &v->t[b], "'s") ||
	       is_prep(v, b, i);
}

/* Does the run of capitalised words from token i (i itself is one) end
 * before a word in lower case, or at the next token when that is no
 * number? "Royal Mail said", "Fund Our Future put"; not "Police Fund New
 * Schools" (title case) nor "Floods Kill 40" (a headline's verb). */
static int name_run_ends_lower(const lex_view *v, size_t i, size_t lim)
{
	if (lim > v->n)
		lim = v->n;
	/* a name runs six words at most: a longer run is a headline's
	 * (and the scan stays short on a page of capitals) */
	size_t j = i + 1;
	while (j < lim && j < i + 7 && v->t[j].type == TK_WORD && (v->t[j].flags & TF_UPPER) &&
	       !(v->t[j].flags & TF_CAPS))
		j++;
	if (j == i + 1)
		return j >= lim || (v->t[j].type != TK_WORD && v->t[j].type != TK_NUM) ||
		       (v->t[j].type == TK_WORD && !(v->t[j].flags & TF_UPPER));
	return j < lim && v->t[j].type == TK_WORD && !(v->t[j].flags & TF_UPPER);
}

/* A word in lower case in -s, not -ss: "posts", "claims", "rises". */
static int s_form(const lex_view *v, size_t j)
{
	const tok *t = &v->t[j];
	size_t n = t->end - t->start;
	return t->type == TK_WORD && !(t->flags & TF_UPPER) && n > 3 &&
	       v->text[t->end - 1] == 's' && v->text[t->end - 2] != 's';
}

static lex_vclass verb_class(const lex_view *v, size_t i, size_t lim, const lex_entry **out)
{
	size_t len, plen;
	const lex_entry *e = lex_match(v, i, lim, LEX_BIT(LEX_VERB), &len);
	/* a verb of a counted noun only: object_verb reads it */
	if (e && e->tag == LEX_VC_OBJECT)
		e = NULL;
	/* the last word of a phrase of two that opens before it ("a general
	 * strike", "were on strike") is that phrase */
	const lex_entry *pe;
	if (e && i > 0 && i < v->n && v->t[i - 1].type == TK_WORD &&
	    (v->cats[i - 1] & (LEX_BIT(LEX_VERB) | LEX_BIT(LEX_STOP))) == LEX_BIT(LEX_VERB) &&
	    (pe = lex_match(v, i - 1, lim, LEX_BIT(LEX_VERB), &plen)) != NULL && plen == 2)
		e = pe;
	/* a form after an article or a possessive is a noun: "the fire
	 * ripped through", "a strike", "its rise" */
	if (e && i > 0 && i < v->n && v->t[i - 1].type == TK_WORD &&
	    (cue_at(v, i - 1, i, LEX_ROLE_DETERMINER) || tok_is(v->text, &v->t[i - 1], "'s")))
		e = NULL;
	/* and a form of a verb of measure after a determiner and a modifier
	 * and before "is" or "was", which no finite verb is: "the true
	 * number is 50", "its latest estimate was" */
	if (e && e->tag == LEX_VC_PRED && i > 1 && i + 1 < v->n && v->t[i - 1].type == TK_WORD &&
	    v->t[i + 1].type == TK_WORD && cue_at(v, i - 2, i, LEX_ROLE_DETERMINER) &&
	    lex_cue_is(v, i + 1, i + 2, LEX_ROLE_BE_FORM) && !ed_word(v, i) && !ing_word(v, i))
		e = NULL;
	/* so is a form in -s or a base form after "of", which no finite verb
	 * follows ("the number of records", "a wave of strikes", "a series
	 * of cuts"); a gerund or a participle may ("accused of stealing 40
	 * cars", "the number of injured") */
	if (e && i > 0 && i < v->n && !(v->t[i].flags & TF_UPPER) &&
	    tok_is(v->text, &v->t[i - 1], "of") && !ed_word(v, i) && !ing_word(v, i) &&
	    !lex_cue_is(v, i, i + 1, LEX_ROLE_IRREGULAR_PAST))
		e = NULL;
	/* a form in -s that a finite verb follows is a plural noun, as no
	 * two finite verbs meet: "civil service posts reached 7,000", "the
	 * claims were false", "costs rose" */
	if (e && (e->tag == LEX_VC_PRED || e->tag == LEX_VC_ATTR || e->tag == LEX_VC_COG) &&
	    i + 1 < v->n && i + 1 < lim && s_form(v, i) && v->t[i + 1].type == TK_WORD &&
	    /* after a name it is the name's verb: "the UN estimates
	     * displaced people at" */
	    !(i > 0 && v->t[i - 1].type == TK_WORD && (v->t[i - 1].flags & TF_UPPER) &&
	      !lex_has(v, i - 1, LEX_BIT(LEX_STOP))) &&
	    (lex_cue_is(v, i + 1, i + 2, LEX_ROLE_BE_FORM) ||
	     tok_is(v->text, &v->t[i + 1], "has") || tok_is(v->text, &v->t[i + 1], "have") ||
	     tok_is(v->text, &v->t[i + 1], "had") || past_verb(v, i + 1)))
		e = NULL;
	/* the last part of a hyphenated modifier is none */
	if (e && hyphen_tail(v, i))
		e = NULL;
	/* and after a hyphenated modifier, whose last part is singular ("the
	 * 24-hour strike", "a 500 basis-point increase"); a plural is the
	 * subject ("health-workers died") */
	if (e && i >= 3 && i < v->n && v->t[i - 2].type == TK_PUNCT && v->t[i - 2].cp == '-' &&
	    lex_glued(v, i - 2) && lex_glued(v, i - 1) && (v->t[i].flags & TF_SPACE) &&
	    v->t[i - 1].type == TK_WORD && !plural_form(v, i - 1) &&
	    /* a noun of a verb and its particle is the subject: "the
	     * sell-off wiped", "the walk-out closed" */
	    !lex_cue_is(v, i - 1, v->n, LEX_ROLE_PARTICLE))
		e = NULL;
	/* a capitalised month name after a function word or before a number
	 * is the month ("since March", "in May", "March 3"), not the verb
	 * ("Thousands March in Paris") */
	if (e && i > 0 && i < v->n && (v->t[i].flags & TF_UPPER) && !(v->t[i].flags & TF_CAPS) &&
	    !(v->t[i].flags & TF_NEWLINE) && lex_has(v, i, LEX_BIT(LEX_MONTH)) &&
	    ((v->t[i - 1].type == TK_WORD && lex_has(v, i - 1, LEX_BIT(LEX_STOP))) ||
	     (i + 1 < v->n && v->t[i + 1].type == TK_NUM)))
		e = NULL;
	/* a word of a name ("the Red Cross estimated", "Royal Mail said",
	 * "organisers Fund Our Future put"): capitalised after a capitalised
	 * word, where the capitalised run it is in ends the sentence's
	 * words or is followed by a word in lower case (in a headline in
	 * title case nearly all are capitalised) */
	if (e && i > 0 && i < v->n && (v->t[i].flags & TF_UPPER) && !(v->t[i].flags & TF_CAPS) &&
	    v->t[i - 1].type == TK_WORD && (v->t[i - 1].flags & TF_UPPER) &&
	    !(v->t[i].flags & TF_NEWLINE) && name_run_ends_lower(v, i, lim))
		e = NULL;
	if (out)
		*out = e;
	return e ? (lex_vclass)e->tag : LEX_VC_NONE;
}

/* A direction a price ended in after its move ("closed 6.4% lower", "was
 * 2.7% weaker on the day", "ended 3% stronger"): -1 down, 1 up, 0 none. */
static int direction_after(const lex_view *v, size_t j, size_t lim)
{
	if (lex_word_is(v, j, lim, "lower") || lex_word_is(v, j, lim, "weaker") ||
	    lex_word_is(v, j, lim, "cheaper"))
		return -1;
	if (lex_word_is(v, j, lim, "higher") || lex_word_is(v, j, lim, "stronger") ||
	    lex_word_is(v, j, lim, "dearer"))
		return 1;
	return 0;
}

static int is_dash(const lex_view *v, size_t i, size_t lim)
{
	return lex_punct(v, i, lim, '-');
}

/* A hyphen that joins words (not an en or em dash, which separate). */
static int is_hyphen(const lex_view *v, size_t i, size_t lim)
{
	if (!is_dash(v, i, lim))
		return 0;
	const unsigned char *c = (const unsigned char *)v->text + v->t[i].start;
	return c[0] == '-' || (c[0] == 0xE2 && c[1] == 0x80 && (c[2] == 0x90 || c[2] == 0x91));
}

static int is_adverb_gap(const lex_view *v, size_t k, size_t lim)
{
	return lex_one(v, k, lim, LEX_BIT(LEX_GAP)) != NULL;
}

/* ---- nouns ---- */

void fig_singular(const char *word, size_t len, char *out, size_t cap)
{
	char w[64];
	if (len >= sizeof w || cap == 0) {
		if (cap)
			out[0] = '\0';
		return;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	w[len] = '\0';
	/* the exceptions are CUE rows of data/words.tsv */
	const lex_entry *e = lex_cue_word(w, len, LEX_ROLE_IRREGULAR);
	if (e && e->b) {
		ascii_cat(out, cap, 0, e->b);
		return;
	}
	int kept = lex_cue_word(w, len, LEX_ROLE_INVARIANT) != NULL;
	/* the -es plural of a word kept whole: "buses", "viruses", "gases" */
	if (!kept && len > 4 && strcmp(w + len - 2, "es") == 0 &&
	    lex_cue_word(w, len - 2, LEX_ROLE_INVARIANT)) {
		w[len - 2] = '\0';
		ascii_cat(out, cap, 0, w);
		return;
	}
	/* compounds of "man": "fishermen", "policewomen", "servicemen" */
	if (len > 4 && strcmp(w + len - 3, "men") == 0) {
		if (!lex_cue_word(w, len, LEX_ROLE_NOT_MAN)) {
			w[len - 2] = 'a';
			ascii_cat(out, cap, 0, w);
			return;
		}
	}
	/* "movies", "sorties": the -ie noun */
	if (len > 4 && strcmp(w + len - 3, "ies") == 0 &&
	    lex_cue_word(w, len - 1, LEX_ROLE_IE_NOUN)) {
		w[len - 1] = '\0';
		ascii_cat(out, cap, 0, w);
		return;
	}
	/* "heroes", "tomatoes", "vetoes" (not "shoes", "canoes", "tiptoes") */
	if (len > 5 && strcmp(w + len - 3, "oes") == 0 && strcmp(w + len - 5, "shoes") != 0 &&
	    strcmp(w, "canoes") != 0 && strcmp(w, "throes") != 0 && strcmp(w, "tiptoes") != 0) {
		w[len - 2] = '\0';
		ascii_cat(out, cap, 0, w);
		return;
	}
	/* "forces", "troops", "munitions" are regular plurals; their invariant
	 * rows only guard the generic rules below for them. */
	if (strcmp(w, "forces") == 0 || strcmp(w, "troops") == 0 || strcmp(w, "munitions") == 0)
		kept = 0, w[len - 1] = '\0', len--;
	else if (!kept && len > 4 && strcmp(w + len - 3, "ies") == 0) {
		w[len - 3] = 'y';
		w[len - 2] = '\0';
	} else if (!kept && len > 4 &&
		   (strcmp(w + len - 4, "sses") == 0 || strcmp(w + len - 4, "shes") == 0 ||
		    strcmp(w + len - 4, "ches") == 0 || strcmp(w + len - 3, "xes") == 0 ||
		    strcmp(w + len - 3, "zes") == 0)) {
		w[len - 2] = '\0';
	} else if (!kept && len > 4 && strcmp(w + len - 4, "lves") == 0) {
		w[len - 3] = 'f';
		w[len - 2] = '\0';
	} else if (!kept && len > 2 && w[len - 1] == 's' && w[len - 2] != 's' &&
		   w[len - 2] != 'u' && w[len - 2] != 'i') {
		w[len - 1] = '\0';
	}
	ascii_cat(out, cap, 0, w);
}

/* A form of a verb of measure other than its lemma and its -s form, so a
 * past ("spent" of "spend", "burnt" of "burn"). */
static int past_form(const char *w, size_t n, lex_vclass cls, const lex_entry *ve)
{
	return cls == LEX_VC_PRED && n > 2 && w[n - 1] != 's' && strcmp(w, ve->a) != 0 &&
	       !strchr(ve->phrase, ' ');
}

/* Words that read as adjectives rather than nouns, by their shape: they
 * stay in the counted phrase but not in the unit. */
static int adjective_like(const lex_view *v, size_t i)
{
	const tok *t = TOK(i);
	char w[64];
	size_t n = tok_lower(v->text, t, w, sizeof w);
	if (!n)
		return 1;
	if (t->flags & TF_UPPER)
		return 1; /* proper adjectives and names: North Korean */
	static const char *const suffixes[] = {
		"al",  "ic", "ive", "ous",  "ful",  "less", "ary", "ern", "ian",
		"ese", "ed", "ing", "able", "ible", "est",  "ish", "ile",
	};
	for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++) {
		size_t sl = strlen(suffixes[k]);
		if (n > sl + 2 && strcmp(w + n - sl, suffixes[k]) == 0)
			return 1;
	}
	if (lex_cue_is(v, i, v->n, LEX_ROLE_MODIFIER))
		return 1;
	const lex_entry *ve;
	lex_vclass cls = verb_class(v, i, v->n, &ve);
	return cls && past_form(w, n, cls, ve); /* "spent cartridges" */
}

/* Is "of" at k followed by a pronoun that stands for the counted thing:
 * "them", "us", "whom", or "those"/"these" with no plural noun after ("three
 * of them died", "1.2 million of those expire"; not "of those doses")? */
static int of_pronoun(const lex_view *v, size_t k, size_t lim)
{
	size_t p = k + 1;
	if (!lex_word_is(v, k, lim, "of"))
		return 0;
	if (lex_word_is(v, p, lim, "them") || lex_word_is(v, p, lim, "us") ||
	    lex_word_is(v, p, lim, "whom"))
		return 1;
	return (lex_word_is(v, p, lim, "these") || lex_word_is(v, p, lim, "those")) &&
	       !(p + 1 < lim && TOK(p + 1)->type == TK_WORD &&
		 !lex_has(v, p + 1, LEX_BIT(LEX_STOP)) &&
		 (plural_form(v, p + 1) || lex_cue_is(v, p + 1, lim, LEX_ROLE_INVARIANT)));
}

/* Is the number that ends right before token first the object of a verb
 * or a preposition: a verb or a preposition (not "than") among the words
 * before it, past the number's own tokens and a hedge, within the
 * clause ("stole 1.2 million ...", "sent more than 300 ...")? */
static int number_after_verb(const lex_view *v, size_t first, size_t lim)
{
	for (size_t k = first, steps = 0; k-- > 0 && steps < 6; steps++) {
		const tok *t = TOK(k);
		/* a decimal point is the number's own: "1.2 million" */
		if (t->type == TK_PUNCT && t->cp != ',' && !lex_decimal_point(v, k))
			return 0;
		if (t->type != TK_WORD || (t->flags & TF_UPPER) ||
		    lex_has(v, k, LEX_BIT(LEX_NUM) | LEX_BIT(LEX_SCALE)))
			continue;
		if (verb_class(v, k, lim, NULL) || ed_word(v, k) || past_verb(v, k) ||
		    (is_prep(v, k, lim) && !tok_is(v->text, t, "than")))
			return 1;
	}
	return 0;
}

/* Can token i be part of a counted noun phrase? */
static int np_word(const lex_view *v, size_t i, size_t lim)
{
	if (i >= lim)
		return 0;
	const tok *t = TOK(i);
	if (t->type == TK_PUNCT)
		return 0;
	if (t->type == TK_NUM)
		return 0;
	if (tok_is(v->text, t, "'s"))
		return 1;
	/* a particle of the verb ends the phrase ("moved 486,000 people
	 * away", "away Sunday", "back home") unless a plural noun or a hyphen
	 * follows it ("away fans", "off-duty officers") */
	if (lex_cue_is(v, i, lim, LEX_ROLE_PARTICLE))
		return i + 1 < lim &&
		       ((is_hyphen(v, i + 1, lim) && lex_glued(v, i + 1)) ||
			(TOK(i + 1)->type == TK_WORD && !(TOK(i + 1)->flags & TF_UPPER) &&
			 !lex_has(v, i + 1, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)) &&
			 plural_form(v, i + 1)));
	/* a lone letter counts nothing: "350 W 42nd Street", "won 3 V 2" */
	if (t->end - t->start == 1)
		return 0;
	/* "rather than" sets another amount against it: "11 schools rather
	 * than nine" */
	if (lex_word_is(v, i, lim, "rather") && lex_word_is(v, i + 1, lim, "than"))
		return 0;
	if (lex_has(v, i, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_NONUNIT)) &&
	    lex_one(v, i, lim, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_NONUNIT)))
		return 0;
	/* a whole area is where, not what: "and 21,000 nationwide" */
	if (lex_has(v, i, LEX_BIT(LEX_SCOPE)) && lex_one(v, i, lim, LEX_BIT(LEX_SCOPE)))
		return 0;
	const lex_entry *ve;
	lex_vclass cls = verb_class(v, i, lim, &ve);
	if (cls && !(t->flags & TF_UPPER)) {
		/* participles may modify a noun ("wounded soldiers"), but a
		 * verb form that ends the phrase ("troops are") may not: only
		 * allow -ed/-ing forms that a noun follows */
		char w[64];
		size_t n = tok_lower(v->text, t, w, sizeof w);
		int participle = n > 3 &&
				 (strcmp(w + n - 2, "ed") == 0 || strcmp(w + n - 3, "ing") == 0);
		/* so do other forms than the lemma of a verb of measure
		 * before a plural noun, irregular pasts: "150 spent
		 * cartridges", "40 burnt cars", "300 lost jobs" (not "3,000
		 * went home", "200 face charges") */
		if (!participle && past_form(w, n, cls, ve) && i + 1 < lim && plural_form(v, i + 1))
			participle = 1;
		/* a plural in -s after a noun right after the number, before
		 * a preposition, punctuation or the end, heads the phrase
		 * ("stole 1.2 million patient records from"; not "the death
		 * toll rises to"); so does one before an auxiliary, after
		 * any noun: "52 container ships were waiting", "30 aid
		 * flights have landed" */
		int after_noun = !participle && n > 3 && w[n - 1] == 's' && i > 0 &&
				 TOK(i - 1)->type == TK_WORD && !(TOK(i - 1)->flags & TF_UPPER) &&
				 !lex_has(v, i - 1, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)) &&
				 !plural_form(v, i - 1);
		/* the number right before the noun, or before two nouns:
		 * "4,500 civil service posts" */
		size_t nb =
			i > 1 && (TOK(i - 2)->type == TK_NUM ||
				  lex_has(v, i - 2, LEX_BIT(LEX_NUM) | LEX_BIT(LEX_SCALE)))
				? i - 2
			: i > 2 && TOK(i - 2)->type == TK_WORD && !(TOK(i - 2)->flags & TF_UPPER) &&
					!lex_has(v, i - 2, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)) &&
					!plural_form(v, i - 2) &&
					(TOK(i - 3)->type == TK_NUM ||
					 lex_has(v, i - 3, LEX_BIT(LEX_NUM) | LEX_BIT(LEX_SCALE)))
				? i - 3
				: SIZE_MAX;
		if (after_noun && nb != SIZE_MAX &&
		    (i + 1 >= lim || TOK(i + 1)->type == TK_PUNCT || is_prep(v, i + 1, lim) ||
		     /* or before "and" as an object: "stole 900 staff
		      * files and 40 laptops" */
		     ((lex_word_is(v, i + 1, lim, "and") || lex_word_is(v, i + 1, lim, "or")) &&
		      number_after_verb(v, nb + 1, lim))) &&
		    /* not a verb after one, or after a noun of a group, that
		     * is the subject ("1 worker dies on", "40 crew remains
		     * on"; "stole 2,000 police records from" is an object) */
		    (number_after_verb(v, nb + 1, lim) ||
		     (!tok_is(v->text, TOK(nb), "1") && !tok_is(v->text, TOK(nb), "one") &&
		      !lex_cue_is(v, i - 1, lim, LEX_ROLE_INVARIANT))))
			return 1;
		if (after_noun && i + 1 < lim) {
			lex_vclass next = verb_class(v, i + 1, lim, NULL);
			/* and after a gerund: "1,270 polling stations",
			 * "40 fishing boats" */
			if (next == LEX_VC_AUX || next == LEX_VC_HAVE ||
			    (ing_word(v, i - 1) && !lex_has(v, i - 1, LEX_BIT(LEX_NOUNPRED))))
				return 1;
		}
		if (!participle)
			return 0;
		if (!(i + 1 < lim && TOK(i + 1)->type == TK_WORD &&
		      !lex_has(v, i + 1, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)) &&
		      !lex_cue_is(v, i + 1, lim, LEX_ROLE_PARTICLE)))
			return 0; /* "20,000 turned out": the verb's particle */
	}
	if (lex_has(v, i, LEX_BIT(LEX_MONTH)) && (t->flags & TF_UPPER) &&
	    lex_one(v, i, lim, LEX_BIT(LEX_MONTH)))
		return 0;
	return 1;
}

/* Reads the counted phrase from token i: words up to a function word, a
 * verb or punctuation; an of-phrase is kept ("members of North Korea's
 * special forces").  Returns the end token; *head is the head noun. */
static int plural_form(const lex_view *v, size_t i);

/* After a plural noun, does the word at j start something else than the
 * rest of its phrase: a verb ("protesters gathered"), another plural
 * ("troops marks"), an adverb ("people worldwide", "troops nearby",
 * "staff reportedly")?  Else the plural modifies what follows ("sales
 * staff", "arms dealers"). */
/* A word that names an act done to people ("dead", "missing",
 * "homeless": data/verbs.tsv NOUNPRED with a class), which after a plural
 * is predicative: "two workers dead", "21 people still missing". */
static int harm_adjective(const lex_view *v, size_t j, size_t lim)
{
	if (!lex_has(v, j, LEX_BIT(LEX_NOUNPRED)))
		return 0;
	const lex_entry *e = lex_one(v, j, lim, LEX_BIT(LEX_NOUNPRED));
	return e && e->b && !plural_form(v, j);
}

static int ends_plural_phrase(const lex_view *v, size_t j, size_t lim)
{
	const tok *t = TOK(j);
	size_t n = t->end - t->start;
	const char *w = v->text + t->start;
	return lex_has(v, j,
		       LEX_BIT(LEX_VERB) | LEX_BIT(LEX_GAP) | LEX_BIT(LEX_SCOPE) |
			       LEX_BIT(LEX_STOP)) ||
	       plural_form(v, j) || (n > 3 && w[n - 2] == 'l' && w[n - 1] == 'y') ||
	       (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd') || /* "museums reopened" */
	       lex_word_is(v, j, lim, "nearby") || lex_word_is(v, j, lim, "abroad") ||
	       lex_word_is(v, j, lim, "downstream") || lex_word_is(v, j, lim, "upstream") ||
	       lex_word_is(v, j, lim, "offshore") || lex_word_is(v, j, lim, "inland") ||
	       lex_word_is(v, j, lim, "underground") || lex_word_is(v, j, lim, "overseas") ||
	       harm_adjective(v, j, lim) ||
	       /* a state after a plural: "6,100 doctors absent from shifts",
	        * "400 delegates present" */
	       lex_word_is(v, j, lim, "absent") || lex_word_is(v, j, lim, "present") ||
	       /* a direction after a count: "closed 1,184 points lower" */
	       direction_after(v, j, lim);
}

static int plural_form(const lex_view *v, size_t i)
{
	const tok *t = TOK(i);
	size_t n = t->end - t->start;
	char sg[64], w[64];
	if (t->type != TK_WORD || n < 3 || n >= sizeof w)
		return 0;
	fig_singular(v->text + t->start, n, sg, sizeof sg);
	tok_lower(v->text, t, w, sizeof w);
	/* regular plurals are longer than their singular; irregular ones
	 * ("men", "children") differ from it; "people" is its own lemma */
	return strlen(sg) < n || strcmp(sg, w) != 0 || strcmp(w, "people") == 0;
}

/* A verb form that reads as a plural noun right after a number: "500
 * attacks", "3 protests", "40 votes", "900 posts", "12 reports" (a number
 * of many takes no verb in -s; not "is", "has", "does", "includes"). */
static int noun_after_number(const lex_view *v, size_t i, size_t lim)
{
	const tok *t = TOK(i);
	if (i >= lim || t->type != TK_WORD || (t->flags & TF_UPPER) || t->end - t->start < 4 ||
	    v->text[t->end - 1] != 's' || v->text[t->end - 2] == 's' || v->text[t->end - 2] == 'u')
		return 0;
	const lex_entry *ve;
	lex_vclass cls = verb_class(v, i, lim, &ve);
	/* a verb of saying after "one in four" or "the Group of 20" is a
	 * verb: "one in four expects", "the Group of 20 warns" */
	int ratio_or_name = i >= 2 && (tok_is(v->text, TOK(i - 2), "in") ||
				       tok_is(v->text, TOK(i - 2), "of"));
	return (cls == LEX_VC_PRED ||
		((cls == LEX_VC_ATTR || cls == LEX_VC_COG || cls == LEX_VC_FORECAST) &&
		 !ratio_or_name)) &&
	       !strchr(ve->phrase, ' ');
}

/* A verb in its base form right after the number, before a plural noun
 * that is no verb, is a noun that modifies it: "300 rescue workers", "40
 * attack helicopters" (not "300 protest outside"). */
static int verb_modifier(const lex_view *v, size_t i, size_t lim)
{
	const lex_entry *ve;
	const tok *t = TOK(i);
	if (i + 1 >= lim || t->type != TK_WORD || (t->flags & TF_UPPER) ||
	    verb_class(v, i, lim, &ve) != LEX_VC_PRED || strchr(ve->phrase, ' ') ||
	    !tok_is(v->text, t, ve->a))
		return 0;
	const tok *n = TOK(i + 1);
	/* as the number's subject, not before a preposition or a
	 * determiner: "2,000 attend classes at the school" is a verb and its
	 * object ("sent 300 rescue workers to", "300 rescue workers." are
	 * nouns) */
	size_t k = i + 2;
	int verb_object = !number_after_verb(v, i, lim) && k < lim &&
			  (is_prep(v, k, lim) || det_like(v, k, lim));
	return n->type == TK_WORD && !(n->flags & TF_UPPER) && plural_form(v, i + 1) &&
	       np_word(v, i + 1, lim) && !verb_class(v, i + 1, lim, NULL) && !verb_object;
}

/* A lower-case word of five letters or more in -ed ("stretched"). */
static int ed_word(const lex_view *v, size_t j)
{
	const tok *t = TOK(j);
	return t->type == TK_WORD && !(t->flags & TF_UPPER) && t->end - t->start > 4 &&
	       v->text[t->end - 2] == 'e' && v->text[t->end - 1] == 'd';
}

/* A lower-case word of five letters or more in -ing ("sitting"). */
static int ing_word(const lex_view *v, size_t j)
{
	const tok *t = TOK(j);
	return t->type == TK_WORD && !(t->flags & TF_UPPER) && t->end - t->start > 4 &&
	       memcmp(v->text + t->end - 3, "ing", 3) == 0;
}

/* Could token k (k == lim: none) follow a verb that has no object: a
 * function word, a particle, an adverb, punctuation or the end ("waited
 * outside", "returned home", "stayed behind", "capsized.")? */
static int verb_follower(const lex_view *v, size_t k, size_t lim)
{
	return k >= lim || TOK(k)->type == TK_PUNCT ||
	       (!(TOK(k)->flags & TF_UPPER) &&
		(lex_has(v, k, LEX_BIT(LEX_STOP)) || lex_cue_is(v, k, lim, LEX_ROLE_PARTICLE) ||
		 is_adverb_gap(v, k, lim)));
}

/* Is the act noun at q a singular with no unit of its own that modifies
 * the noun after it ("the death rate", "death threats"), naming no act? */
static int modifier_act_noun(const lex_view *v, const sent *s, size_t q)
{
	size_t lim = s->t1, len;
	const lex_entry *e = lex_match(v, q, lim, LEX_BIT(LEX_NOUNPRED), &len);
	return e && len == 1 && !e->b && q + 1 < lim && TOK(q + 1)->type == TK_WORD &&
	       !(TOK(q + 1)->flags & TF_UPPER) &&
	       !lex_has(v, q + 1, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_TALLY)) &&
	       !verb_class(v, q + 1, lim, NULL) && !plural_form(v, q);
}

/* Is a measure one whose count only grows (data/facts.tsv GROWS)? */
static int grows_class(const char *m)
{
	return m && lex_word(m, strlen(m), LEX_BIT(LEX_GROWS)) != NULL;
}

/* The verb of measure whose participle token j is ("escaped",
 * "wounded", "taken"), or NULL: what befell the noun it modifies. */
static const lex_entry *act_participle(const lex_view *v, size_t j, size_t lim);

/* A form of a verb of the lexicon in -ed ("included", "attended"), or an
 * irregular past tense ("flew", "swam"; CUE role irregular_past). */
static int past_verb(const lex_view *v, size_t j)
{
	const tok *t = TOK(j);
	size_t n = t->end - t->start;
	return t->type == TK_WORD && !(t->flags & TF_UPPER) &&
	       ((n > 3 && v->text[t->end - 2] == 'e' && v->text[t->end - 1] == 'd' &&
		 lex_has(v, j, LEX_BIT(LEX_VERB))) ||
		lex_cue_is(v, j, j + 1, LEX_ROLE_IRREGULAR_PAST));
}

static const lex_entry *act_participle(const lex_view *v, size_t j, size_t lim)
{
	const lex_entry *pe;
	if (j >= lim || !(ed_word(v, j) || past_verb(v, j)) ||
	    verb_class(v, j, lim, &pe) != LEX_VC_PRED)
		return NULL;
	return measure_of(pe->a) ? pe : NULL;
}

/* Is there a direction a market moved in within its clause, at most
 * ten tokens from j ("closed 300 points down", "40 points, or 0.5%,
 * lower", "212 points in the red"; not "up and down the country", "30
 * shops, down from 45", "200 schools as the storm moved up the coast")? */
static int market_move_after(const lex_view *v, size_t j, size_t lim)
{
	int aside = 0; /* within ", or 0.5%," */
	for (size_t q = j; q < lim && q < j + 10; q++) {
		if (lex_punct(v, q, lim, ',')) {
			if (!aside && !lex_word_is(v, q + 1, lim, "or"))
				return 0;
			aside = !aside;
			continue;
		}
		if (lex_word_is(v, q, lim, "and") || lex_word_is(v, q, lim, "as"))
			return 0;
		if (direction_after(v, q, lim) ||
		    ((lex_word_is(v, q, lim, "down") || lex_word_is(v, q, lim, "up")) &&
		     !lex_word_is(v, q + 1, lim, "from")) ||
		    ((lex_word_is(v, q, lim, "red") || lex_word_is(v, q, lim, "black")) &&
		     !(TOK(q)->flags & TF_UPPER) && q >= j + 2 &&
		     lex_word_is(v, q - 1, lim, "the") && lex_word_is(v, q - 2, lim, "in")))
			return 1;
	}
	return 0;
}

/* The verb at i of class object ("closed"), which measures only a
 * counted noun that is its object or subject, or NULL. */
static const lex_entry *object_verb(const lex_view *v, size_t i, size_t lim)
{
	size_t len;
	if (i >= lim || TOK(i)->type != TK_WORD || (TOK(i)->flags & TF_UPPER) ||
	    !lex_has(v, i, LEX_BIT(LEX_VERB)) ||
	    (i > 0 &&
	     (cue_at(v, i - 1, lim, LEX_ROLE_DETERMINER) || tok_is(v->text, TOK(i - 1), "'s"))))
		return NULL;
	/* the bare form is an adjective after a form of "be" or before
	 * "to" or a closing "by": "homes close to the river", "40 were
	 * close by" (not the participle: "40 schools were closed") */
	if (!ed_word(v, i) && !ing_word(v, i) && !s_form(v, i) &&
	    ((i + 1 < lim && (lex_word_is(v, i + 1, lim, "to") ||
			      (lex_word_is(v, i + 1, lim, "by") &&
			       (i + 2 >= lim || TOK(i + 2)->type == TK_PUNCT)))) ||
	     (i > 0 && lex_cue_is(v, i - 1, lim, LEX_ROLE_BE_FORM))))
		return NULL;
	const lex_entry *e = lex_match(v, i, lim, LEX_BIT(LEX_VERB), &len);
	return e && e->tag == LEX_VC_OBJECT ? e : NULL;
}

static size_t read_np(const lex_view *v, size_t i, size_t lim, size_t *head)
{
	size_t j = i;
	*head = SIZE_MAX;
	/* "thousands more troops", "an additional 7,000 troops" */
	if (lex_word_is(v, j, lim, "more") || lex_word_is(v, j, lim, "additional") ||
	    lex_word_is(v, j, lim, "extra") || lex_word_is(v, j, lim, "other"))
		j++;
	size_t first = j;
	/* a count of time that dates the figure counts nothing of it: "5
	 * million two years ago" */
	if (j + 2 < lim && lex_has(v, j, LEX_BIT(LEX_NUM)) &&
	    lex_has(v, j + 1, LEX_BIT(LEX_TIME)) &&
	    (lex_word_is(v, j + 2, lim, "ago") || lex_word_is(v, j + 2, lim, "earlier") ||
	     lex_word_is(v, j + 2, lim, "later")))
		return i;
	/* a word in -ed the lexicon lacks, right after the number, with what
	 * follows a verb after it (a function word, a particle, an adverb,
	 * punctuation or nothing), is the figure's verb: "200 waited
	 * outside", "300 returned home", "40 stayed behind" ("12 damaged
	 * buildings", "200 unarmed Palestinians", "12 unnamed senior
	 * officials" count what follows) */
	if (j < lim && ed_word(v, j) && !lex_has(v, j, LEX_BIT(LEX_VERB) | LEX_BIT(LEX_STOP)) &&
	    verb_follower(v, j + 1, lim))
		return i;
	while (j < lim && j - i < 8) {
		/* words joined by hyphens before a noun are one modifier,
		 * whatever their parts: "part-time workers", "re-mark
		 * requests", "follow-up visits", "e-mail accounts" */
		/* a compound that ends in a plural is the head: "40
		 * by-elections", "12 sub-postmasters" */
		if (j == first && TOK(j)->type == TK_WORD && j + 2 < lim &&
		    is_hyphen(v, j + 1, lim) && lex_glued(v, j + 1) && lex_glued(v, j + 2) &&
		    plural_noun_at(v, j + 2, lim)) {
			*head = j + 2;
			j += 3;
			break;
		}
		if (TOK(j)->type == TK_WORD && j + 3 < lim && is_hyphen(v, j + 1, lim) &&
		    lex_glued(v, j + 1) && TOK(j + 2)->type == TK_WORD && lex_glued(v, j + 2) &&
		    !(TOK(j + 2)->flags & TF_UPPER) && !plural_form(v, j + 2) &&
		    TOK(j + 3)->type == TK_WORD && !(TOK(j + 3)->flags & TF_UPPER) &&
		    np_word(v, j + 3, lim) && !verb_class(v, j + 3, lim, NULL) &&
		    !ed_word(v, j + 3) && !past_verb(v, j + 3)) {
			j += 3;
			continue;
		}
		if (np_word(v, j, lim) ||
		    (j == first && (noun_after_number(v, j, lim) || verb_modifier(v, j, lim)))) {
			/* a plural noun ends the phrase it heads: what follows
			 * is another plural ("troops marks"), a verb ("protesters
			 * gathered") or an adverb ("people worldwide", "troops
			 * nearby"), since a counted phrase's head is its last
			 * plural ("three largest cities") */
			if (*head != SIZE_MAX && *head == j - 1 && plural_form(v, *head) &&
			    !tok_is(v->text, TOK(j), "'s") &&
			    (ends_plural_phrase(v, j, lim) ||
			     /* a plural goes on only into a plural or a noun
			      * with no plural of its own: "arms shipments",
			      * "emergency services personnel", "sales staff" */
			     (!plural_form(v, j) && !lex_cue_is(v, j, j + 1, LEX_ROLE_INVARIANT))))
				break;
			/* a past tense of a verb after a noun of any number is
			 * the verb: "31 crew included", "40 staff attended";
			 * so is a word in -ed or -ing the lexicon lacks before a
			 * function word or the clause's end ("3 police guarded
			 * the road", "five boats capsized in the storm", "2.8
			 * million doses sitting in fridges") */
			/* and after a plural, a verb in -ing opens a clause of
			 * its own with its object: "3.8 billion shares changing
			 * hands", "2,000 people fleeing their homes" */
			if (*head != SIZE_MAX && *head == j - 1 &&
			    (past_verb(v, j) ||
			     ((ed_word(v, j) || ing_word(v, j)) &&
			      !lex_has(v, j, LEX_BIT(LEX_STOP)) && verb_follower(v, j + 1, lim)) ||
			     (ing_word(v, j) && plural_form(v, *head))))
				break;
			if (!tok_is(v->text, TOK(j), "'s"))
				*head = j;
			j++;
			continue;
		}
		/* glued hyphen inside a compound: long-range, North-Korean */
		if (is_hyphen(v, j, lim) && j > first && lex_glued(v, j) && j + 1 < lim &&
		    lex_glued(v, j + 1) && np_word(v, j + 1, lim)) {
			j++;
			continue;
		}
		break;
	}
	return *head == SIZE_MAX ? i : j;
}

/* ---- exclusions ---- */

static int is_year_like(const num_match *m, const lex_view *v)
{
	if (m->flags & ~(NF_DIGITS))
		return 0;
	if (m->t1 - m->t0 != 1)
		return 0;
	return v->t[m->t0].len1 == 4 && m->value >= 1000 && m->value <= 2100;
}

static int plural_noun_at(const lex_view *v, size_t i, size_t lim)
{
	if (i >= lim || v->t[i].type != TK_WORD || (v->t[i].flags & TF_UPPER))
		return 0;
	if (!np_word(v, i, lim))
		return 0;
	return plural_form(v, i);
}

/* A word with a capital after a lower-case letter: "iPhone", "PlayStation". */
static int camel_case(const lex_view *v, size_t i)
{
	const tok *t = TOK(i);
	if (t->type != TK_WORD)
		return 0;
	for (size_t k = t->start + 1; k < t->end; k++)
		if (v->text[k] >= 'A' && v->text[k] <= 'Z' && v->text[k - 1] >= 'a' &&
		    v->text[k - 1] <= 'z')
			return 1;
	return 0;
}

/* A score or a tally of votes: two integers joined by a dash with no unit
 * after them, after a word of a result within the clause before ("won
 * 3-1", "beat Chelsea 2-0", "voted 51-49", "the vote passed 218-214") or
 * before a noun of a result ("a 2-2 draw", "in a 5-4 ruling"); or joined
 * by "to" right after a word of a result ("voted 402 to 187", "ruled 5 to
 * 4", "passed by 218 to 214").
 * Neither number is a quantity.  Returns the token after the second, or
 * 0. */
static size_t score_end(const lex_view *v, const sent *s, const num_match *m)
{
	size_t lim = s->t1, d = m->t1, n = d + 1;
	num_match m2;
	/* "3-1", "51-49", or "402 to 187" (only after a word of a result) */
	int dash = (lex_punct(v, d, lim, '-') || lex_punct(v, d, lim, 0x2013)) && lex_glued(v, d) &&
		   n < lim && lex_glued(v, n);
	int to = !dash && lex_word_is(v, d, lim, "to");
	if (m->flags != NF_DIGITS || m->t1 - m->t0 != 1 || n >= lim || !(dash || to) ||
	    TOK(n)->type != TK_NUM || !num_parse(v, n, lim, &m2) || m2.flags != NF_DIGITS ||
	    m2.t1 != n + 1)
		return 0;
	size_t e = m2.t1;
	qty_unit u;
	if (plural_noun_at(v, e, lim) || qty_unit_after(v, m2.t0, e, lim, 0, &u) > e)
		return 0; /* "won 3-5 seats", "12-15 percent" */
	if (dash && lex_cue_is(v, e, lim, LEX_ROLE_SCORE_AFTER))
		return e;
	if (to) {
		/* right after the word, the winner's first: "voted 402 to 187",
		 * "passed by 218 to 214" ("won 20 to 25 of the districts", "lost
		 * 300 to 400 a month" are ranges) */
		size_t k = m->t0 > s->t0 && lex_word_is(v, m->t0 - 1, lim, "by") ? m->t0 - 1
										 : m->t0;
		return k > s->t0 && lex_cue_is(v, k - 1, lim, LEX_ROLE_SCORE_BEFORE) &&
				       m->value >= m2.value && !lex_word_is(v, e, lim, "of")
			       ? e
			       : 0;
	}
	for (size_t k = m->t0, steps = 0; k-- > s->t0 && steps < 6; steps++) {
		const tok *t = TOK(k);
		if (t->type == TK_NUM || (t->type == TK_PUNCT && t->cp != '\''))
			break;
		if (lex_cue_is(v, k, lim, LEX_ROLE_SCORE_BEFORE))
			return e;
	}
	return 0;
}

/* Is the word at k the plural of a label's noun (data/words.tsv NONFIG:
 * "junctions", "platforms")? */
static int plural_label(const lex_view *v, size_t k, size_t lim)
{
	const tok *t = TOK(k);
	if (k >= lim || t->type != TK_WORD || t->end - t->start < 4 || v->text[t->end - 1] != 's')
		return 0;
	char w[64];
	fig_singular(v->text + t->start, t->end - t->start, w, sizeof w);
	return *w && lex_word(w, strlen(w), LEX_BIT(LEX_NONFIG)) != NULL;
}

/* Decides whether a number is no figure.  Returns a reason or NULL. */
/* A name and a number in a list that leaves out its verb after a figure
 * with one: "won 142 seats, National Renewal 121 and the Greens 27", "the
 * Conservatives 31.2% and Labour 29%".  The name follows a comma or "and"
 * (a "the" may open it), the number ends the item (a comma, "and", a full
 * stop or a semicolon after it), and a number stands before the name in
 * the sentence, within a dozen words. */
static int elided_list_item(const lex_view *v, const sent *s, size_t i, size_t e)
{
	size_t lim = s->t1, r0 = i;
	while (r0 > s->t0 && i - r0 < 6 && TOK(r0 - 1)->type == TK_WORD &&
	       (TOK(r0 - 1)->flags & TF_UPPER))
		r0--;
	if (r0 > s->t0 && lex_word_is(v, r0 - 1, lim, "the"))
		r0--;
	if (r0 == s->t0 || !(lex_punct(v, r0 - 1, lim, ',') || lex_word_is(v, r0 - 1, lim, "and")))
		return 0;
	if (!(e == lim || lex_punct(v, e, lim, ',') || lex_punct(v, e, lim, '.') ||
	      lex_punct(v, e, lim, ';') || lex_word_is(v, e, lim, "and")))
		return 0;
	/* a number that is a figure, not one of a name ("BCP 78 and BCP 79") */
	for (size_t k = r0 - 1; k-- > s->t0 && r0 - k <= 12;)
		if (TOK(k)->type == TK_NUM &&
		    !(k > s->t0 && TOK(k - 1)->type == TK_WORD && (TOK(k - 1)->flags & TF_UPPER)))
			return 1;
	return 0;
}

static const char *not_a_figure(const lex_view *v, const sent *s, const num_match *m)
{
	size_t i = m->t0, lim = s->t1;
	if (m->flags & (NF_LONG | NF_ORDINAL))
		return "ordinal or too long";
	/* names and codes with digits: G7, F-16, SCP-173, COVID-19, a hash
	 * (not a scale: "magnitude-6.9") */
	int scale_before = i > s->t0 + 1 && lex_punct(v, i - 1, lim, '-') &&
			   lex_has(v, i - 2, LEX_BIT(LEX_MEASNOUN));
	if (i > s->t0 && lex_glued(v, i) && !scale_before) {
		const tok *p = TOK(i - 1);
		size_t clen;
		/* a currency code glued on is money ("USD100"); a word that
		 * only starts a symbol ("A" of "A$") is a name: "A380" */
		if (p->type == TK_WORD &&
		    !lex_match(v, i - 1, i, LEX_BIT(LEX_CUR_CODE) | LEX_BIT(LEX_CUR_SYM), &clen))
			return "name with digits";
		if (p->type == TK_NUM)
			return "code";
		if (p->type == TK_PUNCT &&
		    (p->cp == '-' || p->cp == '/' || p->cp == '#' || p->cp == '.' ||
		     p->cp == ':') &&
		    i - 1 > s->t0 && lex_glued(v, i - 1) &&
		    (TOK(i - 2)->type == TK_WORD || TOK(i - 2)->type == TK_NUM))
			return "name with digits";
	}
	size_t e = m->t1;
	if (e < lim && lex_glued(v, e)) {
		const tok *n = TOK(e);
		if (n->type == TK_WORD &&
		    !lex_has(v, e,
			     LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_CUR_CODE) | LEX_BIT(LEX_CUR_WORD) |
				     LEX_BIT(LEX_SUFFIX)))
			return "code";
		if (n->type == TK_PUNCT && n->cp == ':' && e + 1 < lim &&
		    TOK(e + 1)->type == TK_NUM && lex_glued(v, e + 1))
			return "clock time";
		if (n->type == TK_PUNCT && (n->cp == '-' || n->cp == '/') && e + 1 < lim &&
		    TOK(e + 1)->type == TK_NUM && lex_glued(v, e + 1) && e + 2 < lim &&
		    lex_punct(v, e + 2, lim, n->cp) && lex_glued(v, e + 2))
			return "date, phone number or code";
	}
	if (i > s->t0 && lex_punct(v, i - 1, lim, '+') && lex_glued(v, i))
		return "phone number";
	/* a year that names an occurrence: "the 2019 floods", "Nepal's 2015
	 * earthquake" (four plain digits after a determiner or a possessive,
	 * before an event noun; "2000 flood victims" stays a count) */
	int det_before = i > s->t0 && (lex_has(v, i - 1, LEX_BIT(LEX_DETLIKE)) ||
				       (i > s->t0 + 1 && lex_word_is(v, i - 1, lim, "s") &&
					lex_punct(v, i - 2, lim, '\'')));
	if (det_before && m->t1 - m->t0 == 1 && (m->flags & NF_DIGITS) &&
	    !(m->flags & ~NF_DIGITS) && TOK(i)->end - TOK(i)->start == 4 && m->value >= 1800 &&
	    m->value <= 2100) {
		size_t q = e;
		if (lex_has(v, q, LEX_BIT(LEX_OCCASION)) ||
		    (q + 1 < lim && !lex_has(v, q, LEX_BIT(LEX_STOP)) && TOK(q)->type == TK_WORD &&
		     lex_has(v, q + 1, LEX_BIT(LEX_OCCASION))))
			return "year of an occurrence";
	}
	/* a generation or format: 5G, 4K, 3D (one digit and one capital
	 * glued to it, no currency before: "$40K" and "300K" are amounts) */
	if (e == m->t1 && m->t1 - m->t0 == 2 && TOK(m->t0)->len1 == 1 &&
	    TOK(m->t1 - 1)->type == TK_WORD && TOK(m->t1 - 1)->end - TOK(m->t1 - 1)->start == 1 &&
	    (TOK(m->t1 - 1)->flags & TF_UPPER) && lex_glued(v, m->t1 - 1) &&
	    !(i > s->t0 && lex_has(v, i - 1, LEX_BIT(LEX_CUR_SYM) | LEX_BIT(LEX_CUR_CODE))))
		return "name with digits";
	/* a name with a number: Pixel 8, Windows 11, Route 66 (a capitalised
	 * word the lexicon does not know, inside the sentence, before a plain
	 * integer that counts nothing after it) */
	if (i > s->t0 + 1 && TOK(i - 1)->type == TK_WORD && (TOK(i - 1)->flags & TF_UPPER) &&
	    (v->cats[i - 1] & ~LEX_BIT(LEX_CUE)) == 0 && /* a cue's role makes no noun */
	    (m->flags & NF_DIGITS) && !(m->flags & ~NF_DIGITS) && m->t1 - m->t0 == 1 &&
	    TOK(i)->len1 == TOK(i)->end - TOK(i)->start && !plural_noun_at(v, e, lim) &&
	    !(e < lim && lex_has(v, e, LEX_BIT(LEX_UNIT))) && !elided_list_item(v, s, i, e))
		return "name with a number"; /* FTSE 100 too */
	/* a brand in camel case names a model even before a plural:
	 * "iPhone 15 models", "PlayStation 5 consoles" */
	if (i > s->t0 && camel_case(v, i - 1) && (m->flags & NF_DIGITS) &&
	    !(m->flags & ~NF_DIGITS) && m->t1 - m->t0 == 1 &&
	    TOK(i)->len1 == TOK(i)->end - TOK(i)->start && TOK(i)->len1 <= 4)
		return "name with a number";
	/* a leading zero makes an identifier: "0800", "06F6", "007"; and the
	 * groups after it: "0800 555 111" */
	if (TOK(i)->type == TK_NUM && TOK(i)->len1 >= 2 && v->text[TOK(i)->start] == '0' &&
	    !(m->flags & (NF_DECIMAL | NF_GROUPED)))
		return "code with a leading zero";
	if (i > s->t0 && TOK(i)->type == TK_NUM && TOK(i - 1)->type == TK_NUM &&
	    TOK(i - 1)->len1 >= 2 && v->text[TOK(i - 1)->start] == '0')
		return "code with a leading zero";
	/* (555) 123-4567: an area code in brackets before 123-4567 */
	if (m->t1 - m->t0 == 1 && TOK(i)->type == TK_NUM && TOK(i)->len1 == 3 && i > s->t0 &&
	    lex_punct(v, i - 1, lim, '(') && lex_punct(v, e, lim, ')') && e + 3 < lim &&
	    TOK(e + 1)->type == TK_NUM && TOK(e + 1)->len1 == 3 && lex_punct(v, e + 2, lim, '-') &&
	    TOK(e + 3)->type == TK_NUM && TOK(e + 3)->len1 == 4)
		return "phone number";
	/* 555-1234: three digits, a dash, four digits, no grouping */
	if (m->t1 - m->t0 == 1 && TOK(i)->type == TK_NUM && TOK(i)->len1 == 3 && e + 1 < lim &&
	    lex_punct(v, e, lim, '-') && lex_glued(v, e) && TOK(e + 1)->type == TK_NUM &&
	    lex_glued(v, e + 1) && TOK(e + 1)->len1 == 4 &&
	    !(e + 2 < lim && lex_punct(v, e + 2, lim, ',') && lex_glued(v, e + 2)))
		return "phone number";
	/* a clock time the time stage reads: "20.45 CEST", "9.30am" */
	{
		int minute;
		if (TOK(i)->type == TK_NUM &&
		    timex_clock(v->text + TOK(i)->start, TOK(lim - 1)->end - TOK(i)->start,
				&minute))
			return "clock time";
	}
	if (e < lim &&
	    (lex_word_is(v, e, lim, "am") || lex_word_is(v, e, lim, "pm") ||
	     lex_word_is(v, e, lim, "gmt") || lex_word_is(v, e, lim, "utc") ||
	     (lex_word_is(v, e, lim, "a") && lex_punct(v, e + 1, lim, '.') &&
	      lex_word_is(v, e + 2, lim, "m")) ||
	     (lex_word_is(v, e, lim, "p") && lex_punct(v, e + 1, lim, '.') &&
	      lex_word_is(v, e + 2, lim, "m"))) &&
	    (m->flags & NF_DIGITS) && m->value <= 24 && m->value >= 0)
		return "clock time";
	/* a label: Article 4, No. 4, Flight 17 */
	if (i > s->t0) {
		size_t k = i - 1;
		if (lex_punct(v, k, lim, '.') && k > s->t0)
			k--;
		/* (not a body's size: "a fleet 40 strong"; nor a time that
		 * opens the clause, "Last year 40,000 people died", "This week
		 * 300 walked out": a period's modifier, "this" or "that"
		 * before a period's noun, while "the final Stage 14" is a
		 * label; nor digits in groups, which no label has) */
		if (lex_has(v, k, LEX_BIT(LEX_NONFIG)) && lex_one(v, k, lim, LEX_BIT(LEX_NONFIG)) &&
		    (m->flags & NF_DIGITS) && !(m->flags & NF_GROUPED) &&
		    !lex_cue_is(v, e, lim, LEX_ROLE_STRENGTH) &&
		    /* no label is a share: "Yes 51.8%, No 48.2%" */
		    !(e < lim &&
		      (lex_punct(v, e, lim, '%') || lex_word_is(v, e, lim, "percent") ||
		       (lex_word_is(v, e, lim, "per") && lex_word_is(v, e + 1, lim, "cent")))) &&
		    !(k > s->t0 &&
		      (lex_has(v, k, LEX_BIT(LEX_PER)) || lex_word_is(v, k, lim, "quarter") ||
		       lex_word_is(v, k, lim, "half") || lex_word_is(v, k, lim, "season") ||
		       lex_word_is(v, k, lim, "round") || lex_word_is(v, k, lim, "term")) &&
		      (lex_has(v, k - 1, LEX_BIT(LEX_PERIODMOD)) ||
		       lex_word_is(v, k - 1, lim, "this") || lex_word_is(v, k - 1, lim, "that"))))
			return "label";
		/* the plural of a label's noun before a list of numbers:
		 * "junctions 10 and 12" ("opened its gates 2 hours early" is
		 * a measure) */
		if ((m->flags & NF_DIGITS) && e + 1 < lim && TOK(e + 1)->type == TK_NUM &&
		    (lex_word_is(v, e, lim, "and") || lex_word_is(v, e, lim, "or") ||
		     lex_punct(v, e, lim, ',')) &&
		    plural_label(v, k, lim))
			return "label";
		/* the next of a list of labels: "junctions 10 and 12",
		 * "Articles 3, 4 or 7" */
		if ((m->flags & NF_DIGITS) && k > s->t0 + 1 &&
		    (lex_word_is(v, k, lim, "and") || lex_word_is(v, k, lim, "or") ||
		     lex_punct(v, k, lim, ','))) {
			size_t q = k - 1, items = 0;
			while (q > s->t0 + 1 && items++ < 8 && TOK(q)->type == TK_NUM &&
			       (lex_punct(v, q - 1, lim, ',') && TOK(q - 2)->type == TK_NUM))
				q -= 2; /* "3, 4 or 7": back to the first (of a few) */
			if (TOK(q)->type == TK_NUM && q > s->t0 &&
			    ((lex_has(v, q - 1, LEX_BIT(LEX_NONFIG)) &&
			      lex_one(v, q - 1, lim, LEX_BIT(LEX_NONFIG))) ||
			     plural_label(v, q - 1, lim)))
				return "label";
		}
	}
	/* an address: a number before a street's name ("10 Downing Street",
	 * "1 Market Square"): one or two capitalised words that are no
	 * function words, then a street's ("3 On Main Road", "12 Protesters
	 * Outside Downing Street" of headlines in title case are none) */
	if ((m->flags & NF_DIGITS) && m->value == floor(m->value) && m->value >= 1) {
		size_t q = e;
		while (q < lim && q < e + 2 && TOK(q)->type == TK_WORD &&
		       (TOK(q)->flags & TF_UPPER) && !lex_has(v, q, LEX_BIT(LEX_STOP)) &&
		       !lex_cue_is(v, q, lim, LEX_ROLE_STREET))
			q++;
		/* and no noun after it ("40 Wall Street firms", "12 Red
		 * Crescent volunteers", "3 High Court judges") */
		if (q > e && q < lim && TOK(q)->type == TK_WORD && (TOK(q)->flags & TF_UPPER) &&
		    lex_cue_is(v, q, lim, LEX_ROLE_STREET) &&
		    (q + 1 >= lim || TOK(q + 1)->type != TK_WORD ||
		     lex_has(v, q + 1, LEX_BIT(LEX_STOP)) || verb_class(v, q + 1, lim, NULL) ||
		     ed_word(v, q + 1)))
			return "address";
	}
	/* dates: October 18, 18 October, Sept. 9 */
	if ((m->flags & NF_DIGITS) && m->value >= 1 && m->value <= 31 &&
	    m->value == floor(m->value)) {
		if (i > s->t0 && lex_has(v, i - 1, LEX_BIT(LEX_MONTH)) &&
		    (TOK(i - 1)->flags & TF_UPPER))
			return "date";
		if (i > s->t0 + 1 && lex_punct(v, i - 1, lim, '.') && lex_glued(v, i - 1) &&
		    lex_has(v, i - 2, LEX_BIT(LEX_MONTH)) && (TOK(i - 2)->flags & TF_UPPER))
			return "date";
		if (e < lim && lex_has(v, e, LEX_BIT(LEX_MONTH)) && (TOK(e)->flags & TF_UPPER))
			return "date";
	}
	/* decades: the 1950s, the '90s */
	if (e < lim && lex_glued(v, e) && lex_word_is(v, e, lim, "s"))
		return "decade";
	if (is_year_like(m, v)) {
		/* "1500 soldiers" counts; "in 2015", "2022 invasion" do not */
		int prep_before = i > s->t0 && (lex_word_is(v, i - 1, lim, "in") ||
						lex_word_is(v, i - 1, lim, "since") ||
						lex_word_is(v, i - 1, lim, "of") ||
						lex_word_is(v, i - 1, lim, "by") ||
						lex_word_is(v, i - 1, lim, "until") ||
						lex_word_is(v, i - 1, lim, "from") ||
						lex_word_is(v, i - 1, lim, "after") ||
						lex_word_is(v, i - 1, lim, "before") ||
						lex_word_is(v, i - 1, lim, "during") ||
						lex_has(v, i - 1, LEX_BIT(LEX_MONTH)));
		if (prep_before || !plural_noun_at(v, e, lim))
			return "year";
	}
	return NULL;
}

/* ---- the expression around a number ---- */

typedef struct expr {
	size_t t0, t1; /* the whole expression */
	double value, low, high;
	corro_hedge hedge;
	int has_hedge, is_range, change;
	int increment;      /* the change is "more" or "another" (increment_rule) */
	int another;        /* ... "another" */
	corro_hedge hedge0; /* the hedge before a change made it up or down */
	const char *unit, *kind, *per, *currency_code;
	unsigned uflags; /* QU_ bits of the unit */
	int near;        /* the hedge says close below ("nearly") */
	corro_vague vague;
} expr;

/* Unit, currency or percent after a number (and its scale), read by the
 * quantity stage.  Sets fields of x and returns the token after it. */
static size_t unit_after(const lex_view *v, size_t i, size_t j, size_t lim, expr *x, int scaled)
{
	qty_unit u;
	size_t nj = qty_unit_after(v, i, j, lim, scaled, &u);
	/* a currency's word that is a verb's form too, after a determiner
	 * and a whole number with no scale, with the verb's agent after it,
	 * is the verb: "the 29 won by the Greens" (not "500 billion won",
	 * "3,000 won a kilo", "rose to 3,000 won by March", "1,380.5 won
	 * against the dollar") */
	if (nj == j + 1 && u.code && !scaled && TOK(j)->type == TK_WORD && i > 0 &&
	    cue_at(v, i - 1, lim, LEX_ROLE_DETERMINER) && x->value == floor(x->value) &&
	    verb_class(v, j, lim, NULL) && lex_word_is(v, nj, lim, "by"))
		return j;
	if (nj > j) {
		x->unit = u.unit;
		x->kind = u.kind;
		x->uflags = u.flags;
		x->currency_code = u.code;
		if (u.mul > 1 && !isnan(x->value))
			x->value *= u.mul; /* MUSD */
	}
	return nj;
}

/* a times the largest scale that keeps it within b: "3 to 5 million" */
static double shared_scale(double a, double b)
{
	static const double scales[] = {1e12, 1e9, 1e6, 1e3};
	for (size_t q = 0; q < 4; q++)
		if (a * scales[q] <= b)
			return a * scales[q];
	return a;
}

/* "rise from 10 to 12 million tonnes", "fell from 12 to 10 litres": the
 * bare level before "to" has the unit of the one after, and its scale when
 * it is a thousand times smaller. */
static void from_takes_level(const lex_view *v, const num_match *m, expr *x, size_t lim)
{
	num_match m2;
	if (x->unit || (m->flags & (NF_SCALE | NF_FRACTION)) || !lex_word_is(v, x->t1, lim, "to") ||
	    !num_parse(v, x->t1 + 1, lim, &m2))
		return;
	if ((m2.flags & NF_SCALE) && x->value * 1000 <= m2.value)
		x->value = shared_scale(x->value, m2.value);
	expr y;
	memset(&y, 0, sizeof y);
	y.value = m2.value;
	if (unit_after(v, m2.t0, m2.t1, lim, &y, 1) > m2.t1) {
		x->unit = y.unit;
		x->kind = y.kind;
		x->uflags = y.uflags;
		x->currency_code = y.currency_code;
	}
}

/* A rate after the figure: per day, a year, each month, /day; after
 * "per" or "/" a unit of measure too: "$350 per kg", "10 l/km". */
static size_t rate_after(const lex_view *v, size_t j, size_t lim, const char **per)
{
	size_t k = j;
	/* an exchange rate: "1,500 won to the dollar", "151 per dollar" */
	if ((lex_word_is(v, k, lim, "to") && lex_word_is(v, k + 1, lim, "the")) ||
	    lex_word_is(v, k, lim, "per")) {
		size_t c = lex_word_is(v, k, lim, "per") ? k + 1 : k + 2;
		const lex_entry *e = lex_one(v, c, lim,
					     LEX_BIT(LEX_CUR_WORD) | LEX_BIT(LEX_CUR_CODE));
		if (e) {
			*per = e->a;
			return c + 1;
		}
	}
	int slash = lex_punct(v, k, lim, '/') && k + 1 < lim && lex_glued(v, k + 1);
	if (lex_word_is(v, k, lim, "per") || lex_word_is(v, k, lim, "a") ||
	    lex_word_is(v, k, lim, "an") || lex_word_is(v, k, lim, "each") ||
	    lex_word_is(v, k, lim, "every") || slash) {
		const lex_entry *e = lex_one(v, k + 1, lim, LEX_BIT(LEX_PER));
		/* "a year ago", "a week earlier", "a month before" ending its
		 * clause date the figure, not rate it ("a year before tax"
		 * rates it) */
		if (e &&
		    (lex_word_is(v, k + 2, lim, "ago") || lex_word_is(v, k + 2, lim, "earlier") ||
		     lex_word_is(v, k + 2, lim, "later") ||
		     (lex_word_is(v, k + 2, lim, "before") &&
		      (k + 3 >= lim || TOK(k + 3)->type == TK_PUNCT))))
			return j;
		if (e) {
			/* "a share" after money; "a day" after anything */
			*per = e->a;
			return k + 2;
		}
		size_t len;
		if ((slash || lex_word_is(v, k, lim, "per")) &&
		    (e = lex_match(v, k + 1, lim, LEX_BIT(LEX_UNIT), &len)) != NULL && e->b &&
		    strcmp(e->b, "currency") != 0 && strcmp(e->b, "percent") != 0 &&
		    !(k + 1 + len < lim && lex_glued(v, k + 1 + len) &&
		      TOK(k + 1 + len)->type != TK_PUNCT)) {
			*per = e->a;
			return k + 1 + len;
		}
	}
	return j;
}

/* "fell from $9,800 to $9,350 a tonne": a figure before "to" and a level
 * in its unit share the level's rate; a change keeps its unit as written
 * ("rose $12 to $1,950 an ounce": dollar, then dollar per ounce). */
static void rate_of_level_after(const lex_view *v, const expr *x, size_t lim, const char **per)
{
	size_t k = x->t1;
	if (!x->unit || x->change || !lex_word_is(v, k, lim, "to"))
		return;
	expr y;
	memset(&y, 0, sizeof y);
	const lex_entry *sym = lex_one(v, ++k, lim, LEX_BIT(LEX_CUR_SYM));
	if (sym) {
		y.unit = sym->a;
		k++;
	}
	num_match m2;
	if (!num_parse(v, k, lim, &m2))
		return;
	y.value = m2.value;
	size_t e = unit_after(v, m2.t0, m2.t1, lim, &y, (m2.flags & NF_SCALE) != 0);
	if (y.unit && strcmp(y.unit, x->unit) == 0)
		(void)rate_after(v, e, lim, per);
}

/* The currency an exchange rate is of, named before the figure in its
 * clause and not as an amount: "the yen weakened to 151 per dollar",
 * "Brazil's real slid to 5.02 per dollar".  NULL when there is none. */
static const lex_entry *rate_currency_before(const lex_view *v, const sent *s, size_t t0,
					     const char *per)
{
	size_t lo = t0 > s->t0 + 12 ? t0 - 12 : s->t0;
	for (size_t k = t0; k-- > lo;) {
		if (lex_punct(v, k, s->t1, ';') || lex_punct(v, k, s->t1, ':'))
			return NULL;
		const lex_entry *e = lex_one(v, k, s->t1, LEX_BIT(LEX_CUR_WORD));
		if (!e || (k > s->t0 && TOK(k - 1)->type == TK_NUM))
			continue;
		return strcmp(e->a, per) != 0 ? e : NULL;
	}
	return NULL;
}

/* "earnings per share of $1.52", "per-share profit was $2": a rate named
 * shortly before the amount, with no number between. */
static const char *per_share_before(const lex_view *v, const sent *s, size_t t0)
{
	size_t lo = t0 > s->t0 + 6 ? t0 - 6 : s->t0;
	for (size_t k = t0; k-- > lo;) {
		if (TOK(k)->type == TK_NUM || lex_has(v, k, LEX_BIT(LEX_NUM)))
			return NULL;
		if (lex_word_is(v, k, s->t1, "per") && lex_word_is(v, k + 1, s->t1, "share"))
			return "share";
		if (lex_word_is(v, k, s->t1, "per") && is_hyphen(v, k + 1, s->t1) &&
		    lex_word_is(v, k + 2, s->t1, "share"))
			return "share";
	}
	return NULL;
}

/* An age: "74 years old", "a 12-year-old", "aged 74", "ages 5 to 11".
 * Returns the unit of age ("year of age") and moves *t1 past "old", or
 * NULL. */
static const char *age_of(const lex_view *v, const sent *s, const expr *x, size_t *t1)
{
	static const char *const ages[][2] = {{"year", "year of age"},
					      {"month", "month of age"},
					      {"week", "week of age"},
					      {"day", "day of age"}};
	size_t lim = s->t1, k = x->t1;
	if (x->unit && (x->uflags & QU_DURATION)) {
		if (is_dash(v, k, lim) && lex_glued(v, k) && k + 1 < lim && lex_glued(v, k + 1))
			k++; /* 12-year-old */
		if (!lex_word_is(v, k, lim, "old"))
			return NULL;
		for (size_t q = 0; q < sizeof ages / sizeof *ages; q++)
			if (strcmp(x->unit, ages[q][0]) == 0) {
				*t1 = k + 1;
				return ages[q][1];
			}
		return NULL;
	}
	if (!x->unit && x->t0 > s->t0 && !x->has_hedge &&
	    (lex_word_is(v, x->t0 - 1, lim, "aged") || lex_word_is(v, x->t0 - 1, lim, "age") ||
	     lex_word_is(v, x->t0 - 1, lim, "ages"))) {
		*t1 = x->t1;
		return "year of age";
	}
	/* a bound after a group of people is an age: "children under five",
	 * "those over 65", "voters aged over 60" (CUE role person) */
	if (!x->unit && x->has_hedge && x->t0 > s->t0 && x->value > 0 && x->value <= 120 &&
	    x->value == floor(x->value) &&
	    (lex_word_is(v, x->t0, lim, "under") || lex_word_is(v, x->t0, lim, "over") ||
	     lex_word_is(v, x->t0, lim, "above") || lex_word_is(v, x->t0, lim, "below"))) {
		size_t g = x->t0 - 1; /* the group */
		if (lex_word_is(v, g, lim, "aged") && g > s->t0)
			g--;
		size_t glen;
		const lex_entry *e = lex_match(v, g, lim, LEX_BIT(LEX_CUE), &glen);
		if (e && glen != 1)
			e = NULL;
		if (e && (e->roles & LEX_ROLE_PERSON) && !plural_noun_at(v, x->t1, lim)) {
			*t1 = x->t1;
			return "year of age";
		}
	}
	return NULL;
}

static void set_hedge(expr *x, const lex_entry *h)
{
	const char *name = h->a;
	x->has_hedge = 1;
	if (strcmp(name, "approx") == 0)
		x->hedge = CORRO_HEDGE_APPROX;
	else if (strcmp(name, "at_least") == 0)
		x->hedge = CORRO_HEDGE_AT_LEAST;
	else if (strcmp(name, "at_most") == 0)
		x->hedge = CORRO_HEDGE_AT_MOST;
	else
		x->hedge = CORRO_HEDGE_EXACT;
}

/* ---- context: predicate, actor, source, forecast ---- */

/* Is there a place name starting at token i?  Returns its canonical name
 * and sets *len. */
static const lex_entry *place_at(const lex_view *v, size_t i, size_t lim, size_t *len)
{
	if (!lex_has(v, i, LEX_BIT(LEX_PLACE)))
		return NULL;
	return lex_match(v, i, lim, LEX_BIT(LEX_PLACE), len);
}

static int is_prep(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && v->t[i].type == TK_WORD && lex_cue_is(v, i, lim, LEX_ROLE_PREP);
}

/* The subject of a verb at token vi: the nearest place name to its left
 * that is not the object of a preposition. */
static const char *subject_place(const lex_view *v, const sent *s, size_t vi, size_t skip0,
				 size_t skip1)
{
	size_t lo = s->t0, steps = 0;
	for (size_t k = vi; k-- > lo && steps < 14; steps++) {
		if (k >= skip0 && k < skip1)
			continue;
		if (lex_punct(v, k, s->t1, ';') || lex_punct(v, k, s->t1, ':'))
			break;
		/* a place may be several tokens: find ones that end here */
		size_t start;
		const lex_entry *e = lex_match_ending(v, lo, k, LEX_BIT(LEX_PLACE), &start);
		if (e && (start < skip0 || start >= skip1)) {
			size_t len;
			const lex_entry *e2 = place_at(v, start, s->t1, &len);
			if (e2 && start + len == k + 1) {
				if (start > lo && is_prep(v, start - 1, s->t1))
					return NULL; /* object, not subject */
				if (start > lo + 1 && lex_word_is(v, start - 1, s->t1, "the") &&
				    is_prep(v, start - 2, s->t1))
					return NULL;
				return e2->a;
			}
		}
	}
	return NULL;
}

/* ---- whose value: the subject of a change, a level or a win ---- */

/* Where a market's or an election's figure says whose value it is: the
 * verb of a move or a level right before it ("the FTSE 100 fell 3.2%",
 * "closed at 6.23 euros", "rose to $91 a barrel") or of a win ("took 41%
 * of the vote", "won 212 seats").  Returns the verb's token, or SIZE_MAX
 * when the figure is no such object. */
static size_t value_verb(const lex_view *v, const sent *s, size_t t0, int votes)
{
	size_t k = t0, lim = s->t1;
	/* "fell by 5%", "rose to $91", "closed at", "fell as much as" (the
	 * hedge is the figure's own) */
	while (k > s->t0 &&
	       (is_adverb_gap(v, k - 1, lim) || lex_word_is(v, k - 1, lim, "by") ||
		lex_word_is(v, k - 1, lim, "to") || lex_word_is(v, k - 1, lim, "at")) &&
	       t0 - k < 3)
		k--;
	/* the phrase that starts furthest left and reaches the figure:
	 * "closed down 4.6%" is the verb "closed down", not "down" */
	for (size_t q = k > s->t0 + 5 ? k - 5 : s->t0; q < k; q++) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, q, lim, &ve);
		size_t len = 0;
		if (cls) {
			const char *m = cls == LEX_VC_PRED ? measure_of(ve->a) : NULL;
			if (((m &&
			      (strcmp(m, "change") == 0 || strcmp(m, "lose") == 0 ||
			       strcmp(m, "win") == 0 || (votes && strcmp(m, "receive") == 0))) ||
			     (votes && cls == LEX_VC_HAVE)) &&
			    lex_match(v, q, lim, LEX_BIT(LEX_VERB), &len) && q + len >= k)
				return q;
			if (lex_match(v, q, lim, LEX_BIT(LEX_VERB), &len) && q + len >= k)
				return SIZE_MAX; /* another verb's object */
			continue;
		}
		/* seats, votes or a share of the vote right after a verb the
		 * lexicon does not hold: "took 41% of the vote", "bagged 142
		 * seats" (a word in the past tense, or "took", "got") */
		if (votes && q + 1 == k && q == t0 - 1 && TOK(q)->type == TK_WORD &&
		    !(TOK(q)->flags & TF_UPPER) && !lex_has(v, q, LEX_BIT(LEX_STOP)) &&
		    (tok_is(v->text, TOK(q), "took") || tok_is(v->text, TOK(q), "got") ||
		     (TOK(q)->end - TOK(q)->start > 3 && v->text[TOK(q)->end - 2] == 'e' &&
		      v->text[TOK(q)->end - 1] == 'd')))
			return q;
		const lex_entry *ce;
		if (lex_has(v, q, LEX_BIT(LEX_CHANGE)) && !hyphen_tail(v, q) &&
		    (ce = lex_match(v, q, lim, LEX_BIT(LEX_CHANGE), &len)) && q + len >= k &&
		    strcmp(ce->a, "none") != 0)
			return q;
	}
	return SIZE_MAX;
}

/* Whether a move's figure is its extreme within its period: "as much as"
 * or "as little as" opens it, or a GAP word marked "peak" (data/words.tsv:
 * "briefly", "intraday", "at one point") stands between its verb (vt,
 * SIZE_MAX when unknown) and a few words after it, in its clause. */
static int move_peak(const lex_view *v, const sent *s, size_t vt, const expr *x)
{
	size_t lim = s->t1;
	if (lex_word_is(v, x->t0, lim, "as") &&
	    (lex_word_is(v, x->t0 + 1, lim, "much") || lex_word_is(v, x->t0 + 1, lim, "little")) &&
	    lex_word_is(v, x->t0 + 2, lim, "as"))
		return 1;
	size_t a = vt != SIZE_MAX && vt < x->t0 ? vt : x->t0;
	a = a > s->t0 + 2 ? a - 2 : s->t0;
	for (size_t k = a; k < lim && k < x->t1 + 4; k++) {
		if (k >= x->t1 && (lex_punct(v, k, lim, ',') || lex_punct(v, k, lim, ';')))
			break;
		size_t len;
		const lex_entry *e = lex_has(v, k, LEX_BIT(LEX_GAP))
					     ? lex_match(v, k, lim, LEX_BIT(LEX_GAP), &len)
					     : NULL;
		if (e && e->a && strcmp(e->a, "peak") == 0)
			return 1;
	}
	return 0;
}

/* A word that may stand in the name of what moves: a capitalised word, a
 * number after one ("FTSE 100", "Nikkei 225"), "&" ("S&P 500"). */
static int name_part(const lex_view *v, size_t k, size_t lim)
{
	const tok *t = TOK(k);
	if (t->type == TK_WORD && !tok_is(v->text, t, "'s"))
		return (t->flags & TF_UPPER) &&
		       !lex_has(v, k, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP));
	if (t->type == TK_NUM) /* after a word of a name ("FTSE 100"; not "The 15") */
		return k > 0 && TOK(k - 1)->type == TK_WORD && name_part(v, k - 1, lim);
	/* "the People's Alliance", "the Farmers' Union" (but "Britain's FTSE
	 * 100" is two names) */
	if ((tok_is(v->text, t, "'s") ||
	     (tok_is(v->text, t, "'") && k > 0 && v->text[TOK(k - 1)->end - 1] == 's')) &&
	    k > 0 && k + 1 < lim && TOK(k - 1)->type == TK_WORD && (TOK(k - 1)->flags & TF_UPPER) &&
	    TOK(k + 1)->type == TK_WORD && (TOK(k + 1)->flags & TF_UPPER)) {
		size_t st;
		return !lex_match_ending(v, k > 4 ? k - 5 : 0, k - 1, LEX_BIT(LEX_PLACE), &st);
	}
	/* "Greens-Left Alliance" */
	if (is_hyphen(v, k, lim) && !(t->flags & TF_SPACE) && k > 0 && k + 1 < lim &&
	    (TOK(k - 1)->flags & TF_UPPER) && (TOK(k + 1)->flags & TF_UPPER) &&
	    !(TOK(k + 1)->flags & TF_SPACE))
		return 1;
	return lex_punct(v, k, lim, '&') && k > 0 && (TOK(k - 1)->flags & TF_UPPER) &&
	       !(t->flags & TF_SPACE);
}

/* The name of tokens [r0, r1) as an actor, into the arena: without the
 * words of an organisation's kind that its name drops ("the Renewal
 * Party" is Renewal: data/entities.tsv ORGWORD drop); NULL when memory
 * runs out. */
static const char *actor_text(arena *a, const lex_view *v, size_t r0, size_t r1)
{
	while (r1 > r0 + 1 && lex_has(v, r1 - 1, LEX_BIT(LEX_ORGWORD))) {
		const lex_entry *oe = lex_one(v, r1 - 1, r1, LEX_BIT(LEX_ORGWORD));
		if (!oe || !oe->a || strcmp(oe->a, "drop") != 0)
			break;
		r1--;
	}
	return arena_strndup(a, v->text + TOK(r0)->start, TOK(r1 - 1)->end - TOK(r0)->start);
}

/* Whose value a figure is, read from the subject of its verb at token vt:
 * the last name of the subject phrase ("shares in Acme Holdings": Acme
 * Holdings; "Acme's shares": Acme; "Britain's FTSE 100": FTSE 100), a place
 * by its canonical name; a currency that ends the phrase ("the rand", "the
 * South African rand") by its unit.
 * An organisation word at the end of a longer name is left out ("Nordmark
 * Bank", "the Labour Party": Nordmark, Labour), since outlets drop it.  A
 * lone capitalised word opening the sentence is a name only with "'s" after
 * it ("Stocks fell 3%" and "Revenue rose 33%" name nothing; "Acme's shares"
 * does).  *np0 is the first token of the subject phrase. */
static const char *value_subject(ctx *c, size_t vt, size_t *np0)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t lim = s->t1, e = vt;
	/* a verb in capitals inside the sentence is a headline's title case
	 * ("Revenue Up 33% To $163M"), where every word looks like a name */
	if (vt > s->t0 && TOK(vt)->type == TK_WORD && (TOK(vt)->flags & TF_UPPER))
		return NULL;
	/* auxiliaries and adverbs before the verb: "had briefly fallen" */
	while (e > s->t0) {
		lex_vclass cls = verb_class(v, e - 1, lim, NULL);
		const tok *t = TOK(e - 1);
		int ly = t->type == TK_WORD && !(t->flags & TF_UPPER) && t->end - t->start > 4 &&
			 v->text[t->end - 2] == 'l' && v->text[t->end - 1] == 'y';
		if (!(is_adverb_gap(v, e - 1, lim) || ly ||
		      ((cls == LEX_VC_AUX || cls == LEX_VC_HAVE))))
			break;
		e--;
	}
	/* a relative clause after a comma stands for the phrase before it:
	 * "the Greens, which won 27 seats", "Acme, whose shares fell 8%" */
	size_t rel = lex_word_is(v, vt, lim, "whose") ? vt : e > s->t0 ? e - 1 : SIZE_MAX;
	if (rel != SIZE_MAX && rel > s->t0 + 1 && lex_punct(v, rel - 1, lim, ',') &&
	    (lex_word_is(v, rel, lim, "which") || lex_word_is(v, rel, lim, "who") ||
	     lex_word_is(v, rel, lim, "whose")))
		e = rel - 1;
	/* an apposition before the verb: "shares of Nordmark Bank, the
	 * lender's largest creditor, fell" */
	if (e > s->t0 + 2 && lex_punct(v, e - 1, lim, ',')) {
		for (size_t q = e - 2; q > s->t0 && e - q <= 10; q--) {
			if (lex_punct(v, q, lim, ',')) {
				e = q;
				break;
			}
			if (TOK(q)->type == TK_PUNCT && !tok_is(v->text, TOK(q), "'s") &&
			    !is_hyphen(v, q, lim))
				break;
		}
		if (lex_punct(v, e - 1, lim, ','))
			return NULL;
	}
	size_t b = e;
	while (b > s->t0 && e - b < 8) {
		size_t k = b - 1;
		const tok *t = TOK(k);
		if (t->type == TK_PUNCT) {
			if (!(tok_is(v->text, t, "'s") || tok_is(v->text, t, "'") ||
			      lex_punct(v, k, lim, '&') || lex_punct(v, k, lim, '.') ||
			      is_hyphen(v, k, lim)))
				break;
		} else if (t->type == TK_WORD) {
			if (tok_is(v->text, t, "'s")) {
				b--;
				continue;
			}
			if (!(t->flags & TF_UPPER) && verb_class(v, k, lim, NULL))
				break;
			if (lex_has(v, k, LEX_BIT(LEX_STOP)) && !lex_word_is(v, k, lim, "the") &&
			    !lex_word_is(v, k, lim, "of") && !lex_word_is(v, k, lim, "in"))
				break;
		} else if (t->type != TK_NUM) {
			break;
		}
		b--;
	}
	*np0 = b;
	if (b == e)
		return NULL;
	/* a currency that heads the phrase: "the South African rand" */
	if (lex_has(v, e - 1, LEX_BIT(LEX_CUR_WORD))) {
		size_t st;
		const lex_entry *ce = lex_match_ending(v, b, e - 1, LEX_BIT(LEX_CUR_WORD), &st);
		if (ce)
			return ce->a;
	}
	/* the last name of the phrase */
	size_t r1 = e;
	while (r1 > b && !(TOK(r1 - 1)->type == TK_WORD && name_part(v, r1 - 1, lim)) &&
	       !(TOK(r1 - 1)->type == TK_NUM && name_part(v, r1 - 1, lim)))
		r1--;
	size_t r0 = r1;
	for (;;) {
		while (r0 > b && name_part(v, r0 - 1, lim))
			r0--;
		/* "the Bank of England", "the University of Lagos" */
		if (r0 > b + 1 && r0 < r1 && lex_word_is(v, r0 - 1, lim, "of") &&
		    name_part(v, r0 - 2, lim) && lex_has(v, r0 - 2, LEX_BIT(LEX_ORGWORD))) {
			r0 -= 2;
			continue;
		}
		break;
	}
	/* "the National Renewal party of Prime Minister Kost": the head is
	 * the name before "of"; after a plural ("shares of Acme", "shares in
	 * Acme") it is the name after */
	if (r0 < r1 && r0 > b + 1 &&
	    (lex_word_is(v, r0 - 1, lim, "of") || lex_word_is(v, r0 - 1, lim, "in"))) {
		const tok *h = TOK(r0 - 2);
		if (h->type == TK_WORD && !(h->flags & TF_UPPER) && v->text[h->end - 1] != 's') {
			size_t q1 = r0 - 1;
			while (q1 > b && !name_part(v, q1 - 1, lim))
				q1--;
			size_t q0 = q1;
			while (q0 > b && name_part(v, q0 - 1, lim))
				q0--;
			if (q0 < q1) {
				r0 = q0;
				r1 = q1;
			}
		}
	}
	/* a possessive inside the name names an owner: "Mara Ostheim's
	 * Civic Renewal" is Civic Renewal's value */
	for (size_t q = r1; q > r0 + 1; q--)
		if (tok_is(v->text, TOK(q - 1), "'s") && q < r1) {
			r0 = q;
			break;
		}
	if (r0 < r1) {
		size_t len;
		const lex_entry *pe = place_at(v, r0, r1, &len);
		if (pe && r0 + len == r1)
			return pe->a;
		/* a lone capitalised word opening the sentence may be any
		 * noun ("Revenue rose 33%", "Stocks fell"): a name only with
		 * "'s" after it ("Acme's shares") */
		if (r0 == s->t0 && r1 == r0 + 1 && !(r1 < e && tok_is(v->text, TOK(r1), "'s")))
			return NULL;
		return actor_text(c->a, v, r0, r1);
	}
	return NULL;
}

/* A place named inside the counted phrase: "North Korean troops",
 * "North Korea's special forces", "Russian soldiers". */
static const char *place_in(const lex_view *v, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		size_t len;
		const lex_entry *e = place_at(v, k, b, &len);
		if (e)
			return e->a;
	}
	return NULL;
}

/* Copies the text of tokens [a, b) into the arena, trimming a leading
 * article. */
static const char *span_text(ctx *c, size_t a, size_t b, corro_span *span)
{
	const lex_view *v = c->v;
	if (a < b && (lex_word_is(v, a, b, "the") || lex_word_is(v, a, b, "a") ||
		      lex_word_is(v, a, b, "an")))
		a++;
	if (a >= b)
		return NULL;
	size_t s = v->t[a].start, e = v->t[b - 1].end;
	if (span) {
		span->start = s;
		span->end = e;
	}
	return arena_strndup(c->a, v->text + s, e - s);
}

/* A name phrase for a source, read leftwards from token e (inclusive):
 * capitalised words, "of", "'s", a bracketed acronym, demonyms and plural
 * nouns ("US officials", "South Korean intelligence"). */
static size_t source_np_left(const lex_view *v, size_t lo, size_t e)
{
	size_t k = e + 1;
	int words = 0;
	while (k > lo && words < 9) {
		const tok *t = TOK(k - 1);
		if (t->type == TK_PUNCT && (t->cp == ')' || t->cp == '(' || t->cp == '.')) {
			k--;
			continue;
		}
		/* a plural's possessive: "the employers' association" */
		if (t->type == TK_PUNCT && (t->cp == '\'' || t->cp == 0x2019) && k - 1 > lo &&
		    k <= e && !(t->flags & TF_SPACE) && TOK(k - 2)->type == TK_WORD &&
		    TOK(k - 2)->end == t->start && v->text[TOK(k - 2)->end - 1] == 's') {
			k--;
			continue;
		}
		if (t->type != TK_WORD)
			break;
		if (tok_is(v->text, t, "'s") || tok_is(v->text, t, "of")) {
			k--;
			continue;
		}
		int cap = (t->flags & TF_UPPER) != 0;
		int stop = lex_has(v, k - 1, LEX_BIT(LEX_STOP)) &&
			   lex_one(v, k - 1, e + 1, LEX_BIT(LEX_STOP));
		/* "the national weather agency": a source noun may take more
		 * modifiers than another noun */
		int room = lex_has(v, e, LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_ROLE)) ? 3 : 2;
		if (!cap && (stop || words >= room))
			break;
		if (!cap && lex_has(v, k - 1, LEX_BIT(LEX_VERB)) &&
		    verb_class(v, k - 1, e + 1, NULL))
			break;
		/* "The", "This" at the start of a sentence; between two
		 * capitalised words it is the name's ("Save Our Schools",
		 * "Feed The Hungry") */
		if (cap && stop && !(t->flags & TF_CAPS) &&
		    !(k - 1 > lo && k <= e && (TOK(k)->flags & TF_UPPER) &&
		      TOK(k - 2)->type == TK_WORD && (TOK(k - 2)->flags & TF_UPPER) &&
		      !lex_has(v, k - 2, LEX_BIT(LEX_STOP))))
			break;
		k--;
		words++;
	}
	/* drop dangling "of", "'s" and brackets at the left edge */
	while (k <= e && (tok_is(v->text, TOK(k), "of") || tok_is(v->text, TOK(k), "'s") ||
			  (TOK(k)->type == TK_PUNCT)))
		k++;
	return k;
}

/* A name phrase for a source read rightwards from token b: "Kyiv", "the
 * Associated Press", "South Korea's National Intelligence Service (NIS)",
 * "the regional emergency office". */
static size_t source_np_right(const lex_view *v, size_t b, size_t lim)
{
	size_t k = b;
	if (lex_word_is(v, k, lim, "the"))
		k++;
	size_t start = k;
	int words = 0;
	while (k < lim && words < 10) {
		const tok *t = TOK(k);
		if (t->type == TK_PUNCT) {
			if (t->cp == '(' && k + 2 < lim && TOK(k + 1)->type == TK_WORD &&
			    lex_punct(v, k + 2, lim, ')')) {
				k += 3;
				continue;
			}
			if (t->cp == '.' && lex_glued(v, k) && k > start &&
			    TOK(k - 1)->end - TOK(k - 1)->start == 1) {
				k++; /* U.S. */
				continue;
			}
			if (t->cp == '-' && lex_glued(v, k) && k + 1 < lim && lex_glued(v, k + 1) &&
			    words) {
				k++;
				continue;
			}
			break;
		}
		if (t->type != TK_WORD)
			break;
		if (tok_is(v->text, t, "'s") && words) {
			k++;
			continue;
		}
		if ((tok_is(v->text, t, "of") || tok_is(v->text, t, "for") ||
		     tok_is(v->text, t, "and")) &&
		    k + 1 < lim && (TOK(k + 1)->flags & TF_UPPER) && words) {
			k++;
			continue;
		}
		if (!(t->flags & TF_UPPER) &&
		    (lex_has(v, k, LEX_BIT(LEX_STOP)) ||
		     (verb_class(v, k, lim, NULL) &&
		      /* "the fire brigade": a verb's form before a source noun */
		      !(k + 1 < lim &&
			lex_has(v, k + 1,
				LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_ROLE) | LEX_BIT(LEX_ORGWORD))))))
			break;
		k++;
		words++;
	}
	return words ? k : start;
}

/* A source named with a participle phrase after it: "the health ministry
 * run by the rebels said": the phrase read leftwards from "said" stops at
 * "the rebels"; the source is the body before "run by".  Returns the start
 * of the whole phrase, or a. */
static size_t source_postmodified(const lex_view *v, const sent *s, size_t a)
{
	size_t q = a;
	if (q > s->t0 && lex_word_is(v, q - 1, s->t1, "the"))
		q--;
	if (q < s->t0 + 3 || !lex_word_is(v, q - 1, s->t1, "by"))
		return a;
	const tok *p = TOK(q - 2);
	char w[32];
	size_t n = tok_lower(v->text, p, w, sizeof w);
	int participle = n > 3 && (strcmp(w + n - 2, "ed") == 0 || strcmp(w + n - 2, "en") == 0);
	if (!participle &&
	    !(n == 3 && (strcmp(w, "run") == 0 || strcmp(w, "led") == 0 || strcmp(w, "set") == 0)))
		return a;
	if (p->flags & TF_UPPER)
		return a;
	size_t b = source_np_left(v, s->t0, q - 3);
	if (b > q - 3 ||
	    !lex_has(v, q - 3, LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_ROLE) | LEX_BIT(LEX_ORGWORD)))
		return a;
	return b;
}

typedef enum { ATTR_PHRASE, ATTR_VERB, ATTR_TAIL } attr_kind;

typedef struct attribution {
	const char *text;
	corro_span span;
	size_t cue; /* token of the cue (verb or phrase) */
	attr_kind kind;
} attribution;

#define MAX_ATTR 8

/* Could a phrase name a source?  A name (a capitalised word that is not just
 * the sentence's first word), a place, or a noun such as "officials". */
static int source_like(const lex_view *v, const sent *s, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++) {
		const tok *t = TOK(k);
		if (t->type != TK_WORD)
			continue;
		if ((t->flags & TF_UPPER) && !(k == s->t0 && lex_has(v, k, LEX_BIT(LEX_STOP))))
			return 1;
		if (lex_has(v, k, LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_PLACE) | LEX_BIT(LEX_ROLE)))
			return 1;
		/* people of a kind: "farmers say", "residents said" */
		char w[64];
		size_t n;
		if (k + 1 == b && plural_form(v, k) &&
		    (n = tok_singular(v, k, v->n, w, sizeof w)) &&
		    lex_cue_word(w, n, LEX_ROLE_HUMAN))
			return 1;
	}
	return 0;
}

/* The subject of a verb of saying set off from it by an appositive or a
 * non-restrictive clause: "Jane Doe, a spokeswoman for the union, said",
 * "The union, which represents nurses, said", "Police, citing hospital
 * records, said".  c is the comma right before the verb; the phrase it
 * closes opens on a determiner, a possessive, "who", "which" or "whose",
 * or a participle, or is one lower-case word (", however,"), within 14
 * tokens, with no number and no punctuation but an apostrophe or a hyphen.
 * Returns the token that ends the subject (the one before the opening
 * comma), or SIZE_MAX when there is none. */
static size_t appositive_subject(const lex_view *v, const sent *s, size_t c)
{
	size_t lim = s->t1;
	for (size_t k = c; k > s->t0 + 1 && c - k < 15;) {
		const tok *t = TOK(--k);
		if (t->type == TK_NUM)
			return SIZE_MAX;
		if (t->type != TK_PUNCT)
			continue;
		if (t->cp == '\'' || t->cp == 0x2019 || t->cp == '-')
			continue;
		if (t->cp != ',' || k + 1 >= c || TOK(k - 1)->type != TK_WORD)
			return SIZE_MAX;
		size_t o = k + 1; /* the phrase's first word */
		int opens = det_like(v, o, lim) || lex_word_is(v, o, lim, "who") ||
			    lex_word_is(v, o, lim, "which") || lex_word_is(v, o, lim, "whose") ||
			    ing_word(v, o) ||
			    (o + 1 == c && TOK(o)->type == TK_WORD && !(TOK(o)->flags & TF_UPPER));
		return opens ? k - 1 : SIZE_MAX;
	}
	return SIZE_MAX;
}

static int aux_class(const lex_view *v, size_t k, size_t lim)
{
	lex_vclass c = verb_class(v, k, lim, NULL);
	return c == LEX_VC_AUX || c == LEX_VC_HAVE;
}

/* Finds the attributions of a sentence: "according to X", "said by X",
 * "X said", "X told Y", "X estimates", and the tail form ", says X". */
static size_t find_sources(ctx *c, attribution *out)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t n = 0;
	for (size_t i = s->t0; i < s->t1 && n < MAX_ATTR; i++) {
		size_t len;
		const lex_entry *e;
		if (lex_has(v, i, LEX_BIT(LEX_ATTR)) &&
		    (e = lex_match(v, i, s->t1, LEX_BIT(LEX_ATTR), &len)) != NULL) {
			size_t b = i + len;
			size_t end = source_np_right(v, b, s->t1);
			/* "according to excerpts of the report": no one */
			if (end > b && source_like(v, s, b, end)) {
				attribution *at = &out[n];
				at->text = span_text(c, b, end, &at->span);
				at->cue = i;
				at->kind = ATTR_PHRASE;
				if (at->text)
					n++;
				i = end - 1;
			}
			continue;
		}
		lex_vclass cls = verb_class(v, i, s->t1, NULL);
		if (!cls || (cls != LEX_VC_ATTR && cls != LEX_VC_COG))
			continue;
		if (TOK(i)->flags & TF_UPPER)
			continue;
		/* passive "is said to", "it is believed": no named source
		 * (a following "by X" is an ATTR phrase) */
		size_t k = i;
		while (k > s->t0 && aux_class(v, k - 1, s->t1))
			k--;
		if (k < i && (lex_word_is(v, k, s->t1, "is") || lex_word_is(v, k, s->t1, "are") ||
			      lex_word_is(v, k, s->t1, "was") || lex_word_is(v, k, s->t1, "were") ||
			      lex_word_is(v, k, s->t1, "been") || lex_word_is(v, k, s->t1, "be")))
			continue;
		while (k > s->t0 && is_adverb_gap(v, k - 1, s->t1))
			k--;
		/* a subject set off by an appositive, unless the verb has an
		 * inverted attribution of its own after it: "in Kerala, the
		 * worst-hit state, said officials." */
		size_t apposed = SIZE_MAX;
		if (k > s->t0 + 2 && lex_punct(v, k - 1, s->t1, ',')) {
			size_t inv = source_np_right(v, i + 1, s->t1);
			if (!(inv > i + 1 && source_like(v, s, i + 1, inv) &&
			      (inv == s->t1 || TOK(inv)->type == TK_PUNCT)))
				apposed = appositive_subject(v, s, k - 1);
		}
		if (apposed != SIZE_MAX) {
			size_t a = source_np_left(v, s->t0, apposed);
			if (a <= apposed && source_like(v, s, a, apposed + 1)) {
				attribution *at = &out[n];
				at->text = span_text(c, a, apposed + 1, &at->span);
				at->cue = i;
				at->kind = ATTR_VERB;
				if (at->text)
					n++;
				continue;
			}
		}
		if (k > s->t0 && TOK(k - 1)->type == TK_WORD) {
			size_t a = source_np_left(v, s->t0, k - 1);
			a = source_postmodified(v, s, a);
			if (a < k && source_like(v, s, a, k)) {
				attribution *at = &out[n];
				at->text = span_text(c, a, k, &at->span);
				at->cue = i;
				/* ", analysts say." at the end of a sentence */
				size_t before = a;
				if (before > s->t0 && (lex_word_is(v, before - 1, s->t1, "the") ||
						       lex_word_is(v, before - 1, s->t1, "a")))
					before--;
				int tail = before > s->t0 &&
					   (lex_punct(v, before - 1, s->t1, ',') ||
					    lex_punct(v, before - 1, s->t1, '"'));
				at->kind = tail ? ATTR_TAIL : ATTR_VERB;
				if (at->text)
					n++;
				continue;
			}
		}
		/* inverted: ", says Victor Cha", ", said the ministry"; a verb
		 * of judging only where the phrase closes the clause or a
		 * phrase of its own follows (", reckons the union.", ",
		 * estimates the union in its report"; not ", puts the figure
		 * at 163") */
		if (i > s->t0 &&
		    (lex_punct(v, i - 1, s->t1, ',') || lex_punct(v, i - 1, s->t1, '"'))) {
			size_t end = source_np_right(v, i + 1, s->t1);
			if (end > i + 1 && source_like(v, s, i + 1, end) &&
			    (cls == LEX_VC_ATTR || end == s->t1 || TOK(end)->type == TK_PUNCT ||
			     (is_prep(v, end, s->t1) && !lex_word_is(v, end, s->t1, "at") &&
			      !lex_word_is(v, end, s->t1, "to")))) {
				attribution *at = &out[n];
				at->text = span_text(c, i + 1, end, &at->span);
				at->cue = i;
				at->kind = ATTR_TAIL;
				if (at->text)
					n++;
			}
		}
	}
	return n;
}

/* The source of a figure whose clause gaps the verb of the one before:
 * "the union puts the figure at 48,000, the ministry at 31,000", "police
 * estimated the crowd at 20,000 and organisers at 60,000".  The figure
 * follows "at", with a name before it (at most five words, after a comma
 * or a conjunction) that could be a source and holds no tally, and an
 * earlier figure of the sentence (from first_fig of out) with a source
 * follows a tally (or a gathering, an act, a scale) and "at" (not "shares
 * opened at $41, and Acme at $44": its mover).  Fills *at; returns
 * whether there is one. */
static int gapped_source(ctx *c, const fig_list *out, size_t first_fig, size_t t0, attribution *at)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t lim = s->t1;
	if (t0 < s->t0 + 4 || !lex_word_is(v, t0 - 1, lim, "at") || TOK(t0 - 2)->type != TK_WORD)
		return 0;
	size_t e = t0 - 2, a = source_np_left(v, s->t0, e);
	if (a > e || e - a > 4 || a <= s->t0 + 1)
		return 0;
	if (lex_word_is(v, a - 1, lim, "the") && a > s->t0 + 2)
		a--;
	if (!(lex_punct(v, a - 1, lim, ',') || lex_word_is(v, a - 1, lim, "and") ||
	      lex_word_is(v, a - 1, lim, "while") || lex_word_is(v, a - 1, lim, "but") ||
	      lex_word_is(v, a - 1, lim, "whereas")))
		return 0;
	/* a tally in the phrase is a second object: "put the crowd at
	 * 20,000 and the number of arrests at 12" */
	for (size_t k = a; k <= e; k++)
		if (verb_class(v, k, lim, NULL) || lex_has(v, k, LEX_BIT(LEX_TALLY)))
			return 0;
	if (!source_like(v, s, a, e + 1))
		return 0;
	/* the earlier figure's object is a tally, a gathering, an act or a
	 * scale ("puts the figure at", "estimated the march at", "put the
	 * damage at"): the gapped phrase answers its subject;
	 * after another object ("put Labour at 40% and the Conservatives at
	 * 30%", "put unemployment at 5% and the deficit at 3%") it is one
	 * more object */
	int earlier = 0;
	for (size_t i = first_fig; i < out->n && !earlier; i++) {
		const fig *f = &out->v[i];
		if (f->t1 >= a || f->t0 < s->t0 + 2 || !f->f.source ||
		    !lex_word_is(v, f->t0 - 1, lim, "at"))
			continue;
		for (size_t k = f->t0 - 1; k-- > s->t0 && f->t0 - k <= 5 && !earlier;)
			earlier = lex_has(v, k,
					  LEX_BIT(LEX_TALLY) | LEX_BIT(LEX_GATHER) |
						  LEX_BIT(LEX_NOUNPRED) | LEX_BIT(LEX_MEASNOUN)) !=
				  0;
	}
	if (!earlier)
		return 0;
	at->text = span_text(c, a, e + 1, &at->span);
	at->cue = t0 - 1;
	at->kind = ATTR_VERB;
	return at->text != NULL;
}

/* The attribution that covers a figure at tokens [t0, t1): a phrase
 * anywhere; else the nearest reporting verb before it; else one after it
 * in the tail form that closes the sentence. */
static int clause_break(const lex_view *v, size_t a, size_t b, size_t lim);

static const attribution *source_for(const lex_view *v, const sent *s, const attribution *at,
				     size_t n, size_t t0)
{
	const attribution *best = NULL;
	for (size_t i = 0; i < n; i++) {
		if (at[i].kind != ATTR_PHRASE)
			continue;
		/* unless a verb of saying after the phrase and before the
		 * figure, its subject right before it, opens the figure's
		 * own clause: "..., according to police estimates, while
		 * organisers claimed 60,000" */
		for (size_t j = 0; j < n; j++)
			if (at[j].kind == ATTR_VERB && at[j].cue > at[i].cue && at[j].cue < t0 &&
			    t0 - at[j].cue <= 2 && clause_break(v, at[i].cue, at[j].cue, s->t1))
				return &at[j];
		return &at[i];
	}
	for (size_t i = 0; i < n; i++)
		if (at[i].cue < t0 && (!best || at[i].cue > best->cue))
			best = &at[i];
	if (best)
		return best;
	for (size_t i = 0; i < n; i++) {
		if (at[i].cue < t0 || at[i].kind != ATTR_TAIL)
			continue;
		/* the verb and its name close the clause: a comma or the end
		 * of the sentence within a few tokens (a day, a place) */
		size_t endtok = at[i].cue + 1;
		while (endtok < s->t1 && TOK(endtok)->end <= at[i].span.end)
			endtok++;
		for (size_t q = endtok; q <= s->t1 && q < endtok + 5; q++) {
			if (q == s->t1 || lex_punct(v, q, s->t1, ',') ||
			    lex_punct(v, q, s->t1, '.') || lex_punct(v, q, s->t1, ';'))
				return &at[i];
		}
	}
	return NULL;
}

/* "may have escaped", "could have died": a modal with "have" and a
 * participle at k guesses at what happened; it is no forecast ("will have
 * built" is one). */
static int guess_at_past(const lex_view *v, const sent *s, size_t k)
{
	size_t next = k + 1;
	return lex_word_is(v, next, s->t1, "have") && next + 1 < s->t1 &&
	       (lex_word_is(v, k, s->t1, "may") || lex_word_is(v, k, s->t1, "might") ||
		lex_word_is(v, k, s->t1, "could") || lex_word_is(v, k, s->t1, "must")) &&
	       (ed_word(v, next + 1) || verb_class(v, next + 1, s->t1, NULL) ||
		lex_word_is(v, next + 1, s->t1, "been"));
}

/* A forecast cue at token k: a modal or a word such as "expected"; a cue
 * that ends in "to" ("going to", "plans to") only when a verb follows, not
 * a place ("troops are going to Russia"). */
static int forecast_at(const lex_view *v, const sent *s, size_t k)
{
	size_t len;
	if (!lex_has(v, k, LEX_BIT(LEX_FORECAST)) ||
	    !lex_match(v, k, s->t1, LEX_BIT(LEX_FORECAST), &len))
		return 0;
	size_t last = k + len - 1, next = k + len;
	/* "in May", "May 5": a month, not a modal (which is not written
	 * with a capital inside a sentence) */
	if ((TOK(k)->flags & TF_UPPER) && lex_has(v, k, LEX_BIT(LEX_MONTH)) &&
	    (k > s->t0 || lex_numtok(v, next, s->t1)))
		return 0;
	if (len == 1 && guess_at_past(v, s, k))
		return 0;
	/* a cue with a participle right after it judges rather than
	 * forecasts: "the tornadoes it considers confirmed" (not a cue
	 * that is a participle itself: "a projected combined deficit") */
	if (len == 1 && next < s->t1 && ed_word(v, next) && !ed_word(v, k))
		return 0;
	/* a word coordinated with a participle before it is an adjective:
	 * "tornadoes confirmed or likely" */
	if (len == 1 && k > s->t0 + 1 &&
	    (lex_word_is(v, k - 1, s->t1, "or") || lex_word_is(v, k - 1, s->t1, "and")) &&
	    (ed_word(v, k - 2) || past_verb(v, k - 2)))
		return 0;
	if (len > 1 && lex_word_is(v, last, s->t1, "to")) {
		if (next >= s->t1 || TOK(next)->type != TK_WORD || (TOK(next)->flags & TF_UPPER))
			return 0;
		if (lex_has(v, next, LEX_BIT(LEX_STOP)) && !lex_word_is(v, next, s->t1, "be") &&
		    !lex_word_is(v, next, s->t1, "have"))
			return 0;
	}
	return 1;
}

/* Forecast cues near the figure: before it in its clause, or in the verb
 * group right after it ("are expected to be deployed"). */
static int find_forecast(const lex_view *v, const sent *s, size_t t0, size_t t1, size_t cond_tok)
{
	size_t steps = 0;
	for (size_t k = t0; k-- > s->t0 && steps < 10; steps++) {
		if (lex_punct(v, k, s->t1, ';'))
			break;
		if (lex_word_is(v, k, s->t1, "if"))
			return 1;
		if (steps < 8 && forecast_at(v, s, k))
			return 1;
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, k, s->t1, &ve);
		if (cls == LEX_VC_FORECAST && steps < 8 && !guess_at_past(v, s, k))
			return 1;
	}
	/* "If ..." or "unless ..." earlier in the sentence */
	if (cond_tok < t0)
		return 1;
	for (size_t k = t1; k < s->t1 && k < t1 + 4; k++) {
		if (forecast_at(v, s, k))
			return 1;
		lex_vclass cls = verb_class(v, k, s->t1, NULL);
		if (cls == LEX_VC_FORECAST && !guess_at_past(v, s, k))
			return 1;
		if (TOK(k)->type == TK_PUNCT)
			break;
	}
	return 0;
}

/* The verb group right after a figure, when the figure is its subject:
 * "3,000 troops are going", "10,000 are expected to be deployed". */
static const lex_entry *one_of(const lex_view *v, size_t i, size_t lim, lex_cat cat);
static int det_like(const lex_view *v, size_t i, size_t lim);

/* A word or phrase at k that names an act done to what is counted
 * ("dead", "missing", "unaccounted for", "on board": NOUNPRED with a
 * counted unit), used predicatively: a participle with its object is a
 * verb ("are missing targets"), while other words take theirs ("on board
 * the ferry").  Sets *end past it; NULL if there is none. */
static const lex_entry *act_adjective(const lex_view *v, const sent *s, size_t k, size_t *end)
{
	size_t len = 0;
	const lex_entry *ne = k < s->t1 && !(TOK(k)->flags & TF_UPPER) &&
					      lex_has(v, k, LEX_BIT(LEX_NOUNPRED))
				      ? lex_match(v, k, s->t1, LEX_BIT(LEX_NOUNPRED), &len)
				      : NULL;
	if (!ne || !ne->b)
		return NULL;
	size_t q = k + len;
	*end = q;
	/* a word of a hyphenated compound ("ill-treated") or one with
	 * "of" after it ("sick of delays") is none, nor a phrase with
	 * "about" after it ("kept in the dark about the deal") */
	if (q < s->t1 && ((TOK(q)->type == TK_PUNCT && TOK(q)->start == TOK(q - 1)->end &&
			   v->text[TOK(q)->start] == '-') ||
			  (len == 1 && lex_word_is(v, q, s->t1, "of")) ||
			  (len > 1 && lex_word_is(v, q, s->t1, "about"))))
		return NULL;
	const tok *w = TOK(k);
	size_t wn = w->end - w->start;
	const char *wt = v->text + w->start;
	int participle = len == 1 && wn > 4 &&
			 (memcmp(wt + wn - 3, "ing", 3) == 0 || memcmp(wt + wn - 2, "ed", 2) == 0);
	/* a phrase that modifies the plural noun after it is none: "in
	 * hospital wards" ("in hospital last night" is one) */
	if (len > 1 && q < s->t1 && TOK(q)->type == TK_WORD && !(TOK(q)->flags & TF_UPPER) &&
	    !lex_has(v, q, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)) && plural_form(v, q))
		return NULL;
	if (!participle || q >= s->t1 || TOK(q)->type != TK_WORD ||
	    (lex_has(v, q, LEX_BIT(LEX_STOP)) && !det_like(v, q, s->t1)))
		return ne;
	return NULL;
}

/* Is the modal at k followed, past adverbs, by "be", or (when acts is
 * set) by a verb of the lexicon, so that it opens the verb group: "could
 * still be missing"; "4,800 jobs will go", "200 people may have fled" where
 * the figure counts a noun (acts), but not "an offer of 3.5% would cost":
 * a figure with no noun before a modal is seldom its subject. */
static int modal_group(const lex_view *v, size_t k, size_t lim, int acts)
{
	size_t q = k + 1;
	while (q < lim && is_adverb_gap(v, q, lim))
		q++;
	if (lex_word_is(v, q, lim, "be"))
		return 1;
	if (!acts || q >= lim)
		return 0;
	lex_vclass c = verb_class(v, q, lim, NULL);
	return c == LEX_VC_PRED || c == LEX_VC_AUX || c == LEX_VC_HAVE || object_verb(v, q, lim);
}

/* The measuring verb of a verb group that follows a prepositional phrase
 * from token k ("in the blast were killed"), before any comma, within ten
 * tokens, with an auxiliary before it when need_aux: its lemma and token,
 * or NULL. */
static const char *main_verb_after(const lex_view *v, const sent *s, size_t k, int need_aux,
				   size_t *at)
{
	int aux = 0;
	for (size_t q = k; q < s->t1 && q < k + 10; q++) {
		if (TOK(q)->type == TK_PUNCT)
			return NULL;
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, q, s->t1, &ve);
		if (cls == LEX_VC_PRED && (aux || (!need_aux && TOK(q - 1)->type == TK_WORD &&
						   !is_prep(v, q - 1, s->t1)))) {
			*at = q;
			return ve->a;
		}
		if ((cls == LEX_VC_AUX || cls == LEX_VC_HAVE))
			aux = 1;
		else if (aux)
			return NULL;
	}
	return NULL;
}

static const char *predicate_right(const lex_view *v, const sent *s, size_t after, int acts,
				   size_t *pred_tok)
{
	int saw_verb = 0;
	for (size_t k = after; k < s->t1 && k < after + 7; k++) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, k, s->t1, &ve);
		if ((cls == LEX_VC_PRED || cls == LEX_VC_INCLUDE)) {
			/* a participle right after the noun, before a phrase of
			 * its own, is a reduced relative clause; the verb group
			 * after it is the clause's: "20 people caught in the
			 * blast were killed", "12 people hiking in the hills
			 * died" */
			if (!saw_verb && k == after && k + 1 < s->t1 && is_prep(v, k + 1, s->t1)) {
				size_t main_tok, n = TOK(k)->end - TOK(k)->start;
				/* after an -ing form any verb is the clause's; after
				 * another ("caught", but also "voted for the pay
				 * offer") only a verb group with an auxiliary */
				int ing = n > 4 && memcmp(v->text + TOK(k)->end - 3, "ing", 3) == 0;
				const char *main = main_verb_after(v, s, k + 2, !ing, &main_tok);
				if (main) {
					*pred_tok = main_tok;
					return main;
				}
			}
			*pred_tok = k;
			return ve->a;
		}
		/* a verb of a counted noun only, the figure's noun its
		 * subject: "58 stores will close" */
		if (!cls && acts && (ve = object_verb(v, k, s->t1)) != NULL) {
			*pred_tok = k;
			return ve->a;
		}
		if (cls) {
			/* past a phrase of its own: "were left (without power)" */
			size_t ln;
			if (lex_match(v, k, s->t1, LEX_BIT(LEX_VERB), &ln) && ln > 1)
				k += ln - 1;
			saw_verb = 1;
			continue;
		}
		/* a predicative adjective of harm after the verb group: "17
		 * people are confirmed dead", "six are feared dead", "12 are
		 * still missing"; it names the act as a noun of the act does
		 * ("12 dead") */
		size_t q;
		const lex_entry *ne = saw_verb ? act_adjective(v, s, k, &q) : NULL;
		if (ne) {
			*pred_tok = k;
			return ne->a;
		}
		if (is_adverb_gap(v, k, s->t1) || (saw_verb && (lex_word_is(v, k, s->t1, "to") ||
								lex_word_is(v, k, s->t1, "be"))))
			continue;
		/* "as" between the verb group and a participle: what they
		 * were confirmed, listed or classed as ("11 farms confirmed
		 * as infected", "40 homes were listed as destroyed") */
		if (saw_verb && lex_word_is(v, k, s->t1, "as") && k + 1 < s->t1 &&
		    act_participle(v, k + 1, s->t1))
			continue;
		/* and the verb group's own participle the lexicon lacks
		 * before it: "had been listed as destroyed" */
		if (saw_verb && ed_word(v, k) && k + 2 < s->t1 &&
		    lex_word_is(v, k + 1, s->t1, "as") && act_participle(v, k + 2, s->t1))
			continue;
		/* a modal is a verb of the group: "could still be missing",
		 * "will die" */
		if (lex_has(v, k, LEX_BIT(LEX_FORECAST)) && modal_group(v, k, s->t1, acts)) {
			saw_verb = 1;
			continue;
		}
		break;
	}
	return NULL;
}

/* Can the figure at t0 be a subject: does it open the sentence or a
 * clause (after punctuation or a word of CUE role clause_open: "and",
 * "that", "after"), or follow a verb that reports or estimates
 * ("officials said 130 homes ...")?  Not after a verb or noun of its own
 * ("trades one of the pins for ...", "suspended three commanders"). */
static int subject_slot(const lex_view *v, const sent *s, size_t t0)
{
	if (t0 == s->t0 || TOK(t0 - 1)->type == TK_PUNCT)
		return 1;
	lex_vclass cls = verb_class(v, t0 - 1, s->t1, NULL);
	if (cls == LEX_VC_ATTR || cls == LEX_VC_COG)
		return 1;
	return lex_cue_is(v, t0 - 1, s->t1, LEX_ROLE_CLAUSE_OPEN);
}

/* A counted noun's phrase joined by "and" or "or" to a few words of
 * another with no number ("4,000 shoppers and workers were evacuated",
 * "300 passengers or crew are missing"): the token after it when a verb
 * follows, else k. */
static size_t past_conjunct(const lex_view *v, const sent *s, size_t head, size_t t0, size_t k)
{
	if (head == SIZE_MAX || k + 2 >= s->t1 ||
	    !(lex_word_is(v, k, s->t1, "and") || lex_word_is(v, k, s->t1, "or")))
		return k;
	size_t q = k + 1, e;
	while (q < s->t1 && q < k + 4 && np_word(v, q, s->t1) && !verb_class(v, q, s->t1, NULL))
		q++;
	if (q == k + 1 || q >= s->t1)
		return k;
	/* a verb of the figure as subject; or a state after the whole
	 * phrase, wherever the figure stands ("leaving 310,000 homes and
	 * businesses without power") */
	if (verb_class(v, q, s->t1, NULL))
		return subject_slot(v, s, t0) ? q : k;
	return act_adjective(v, s, q, &e) ? q : k;
}

/* A phrase after a counted noun and before its verb: a place or setting
 * ("130 homes in the district had been damaged", "40 workers at the plant
 * will lose their jobs"), or an aside between dashes ("nine people - most
 * of them children - have died").  The token after it when a verb
 * follows, else k.  No number, verb or other punctuation within. */
static size_t past_modifier(const lex_view *v, const sent *s, size_t head, size_t t0, size_t k)
{
	if (head == SIZE_MAX || k + 2 >= s->t1 || !subject_slot(v, s, t0))
		return k;
	int dash = is_dash(v, k, s->t1) && !is_hyphen(v, k, s->t1);
	if (!dash && !(is_prep(v, k, s->t1) && !lex_word_is(v, k, s->t1, "to") &&
		       !lex_word_is(v, k, s->t1, "than") && !lex_word_is(v, k, s->t1, "of")))
		return k;
	size_t q = k + 1, lim = k + (dash ? 12 : 6);
	while (q < s->t1 && q < lim && TOK(q)->type == TK_WORD && !verb_class(v, q, s->t1, NULL) &&
	       !lex_has(v, q, LEX_BIT(LEX_NUM)) && !lex_word_is(v, q, s->t1, "to") &&
	       !lex_cue_is(v, q, s->t1, LEX_ROLE_RELATIVE)) {
		/* a determiner after a noun opens another phrase, the subject
		 * of another clause: "after 2 earthquakes in the region the
		 * government evacuated ..." */
		if (!dash && q > k + 1 && det_like(v, q, s->t1) && !det_like(v, q - 1, s->t1) &&
		    !lex_has(v, q - 1, LEX_BIT(LEX_STOP)))
			return k;
		q++;
	}
	if (dash) {
		if (q >= s->t1 || !is_dash(v, q, s->t1) || is_hyphen(v, q, s->t1))
			return k;
		q++;
	}
	return q > k + 1 && q < s->t1 && verb_class(v, q, s->t1, NULL) ? q : k;
}

/* Verbs that set a level: "rose to", "reached", "stands at". */
static int level_verb(const char *lemma)
{
	return lex_cue_word(lemma, strlen(lemma), LEX_ROLE_LEVEL) != NULL;
}

/* Is the word after a counted noun at head, past auxiliaries and adverbs,
 * a verb of measure with a class (data/classes.tsv), or, after an
 * auxiliary, a state of one ("of the wounded, five are in intensive care",
 * "remain missing")? */
static int verb_after_noun(const lex_view *v, const sent *s, size_t head)
{
	int aux = 0;
	for (size_t q = head + 1; q < s->t1 && q <= head + 4; q++) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, q, s->t1, &ve);
		if (cls == LEX_VC_AUX || cls == LEX_VC_HAVE || is_adverb_gap(v, q, s->t1)) {
			aux |= cls == LEX_VC_AUX;
			continue;
		}
		size_t end;
		if (aux && cls == LEX_VC_NONE && act_adjective(v, s, q, &end))
			return 1;
		return cls == LEX_VC_PRED && !(TOK(q)->flags & TF_UPPER) && measure_of(ve->a);
	}
	return 0;
}

/* Is the word before a figure starting at t0 (past a determiner) a verb of
 * measure with a class, whose object the figure is? */
static int verb_before_object(const lex_view *v, const sent *s, size_t t0)
{
	size_t q = t0;
	if (q > s->t0 && cue_at(v, q - 1, s->t1, LEX_ROLE_DETERMINER))
		q--;
	if (q <= s->t0)
		return 0;
	/* the verb, or a phrase of the lexicon that ends right before it
	 * ("will free 40 prisoners") */
	for (size_t b = 1; b <= 3 && b <= q - s->t0; b++) {
		const lex_entry *ve;
		size_t len = 0;
		if (verb_class(v, q - b, s->t1, &ve) == LEX_VC_PRED &&
		    !(TOK(q - b)->flags & TF_UPPER) && measure_of(ve->a) &&
		    (b == 1 || (lex_match(v, q - b, s->t1, LEX_BIT(LEX_VERB), &len) && len == b)))
			return 1;
	}
	return 0;
}

/* Is the subject of the verb at k, past auxiliaries and adverbs, a place
 * that takes people in (CUE role admits: a hospital, a clinic), so that
 * "admitted" takes them in ("hospitals have admitted 1,400 people"; "the
 * minister admitted 40 were lost" reports)? */
static int hospital_subject(const lex_view *v, const sent *s, size_t k)
{
	size_t q = k;
	while (q > s->t0 && q + 4 > k &&
	       (aux_class(v, q - 1, s->t1) || is_adverb_gap(v, q - 1, s->t1)))
		q--;
	return q > s->t0 && cue_at(v, q - 1, s->t1, LEX_ROLE_ADMITS);
}

/* The act of a part out of those of a relative clause from k ("three of
 * those who died were firefighters": died), unless the part's own verb
 * group follows the clause ("two of those who were rescued later died":
 * died, the part's).  Sets *pred_tok; NULL when the clause has no
 * measuring verb. */
static const char *part_relative_act(const lex_view *v, const sent *s, size_t k, size_t *pred_tok)
{
	const char *act = NULL;
	for (size_t q = k; q < s->t1 && q < k + 10 && TOK(q)->type == TK_WORD; q++) {
		const lex_entry *ve;
		if (lex_word_is(v, q, s->t1, "and") || lex_word_is(v, q, s->t1, "but") ||
		    lex_word_is(v, q, s->t1, "or") || lex_has(v, q, LEX_BIT(LEX_NUM)))
			break; /* another clause: "... were crew, and two were killed" */
		if (verb_class(v, q, s->t1, &ve) == LEX_VC_PRED && measure_of(ve->a)) {
			int second = act != NULL;
			*pred_tok = q;
			act = ve->a;
			if (second)
				break; /* the part's own verb group */
		}
	}
	return act;
}

/* The act phrase of two words (NOUNPRED) that ends at token k, or NULL:
 * "hospital admissions" at "admissions", "on strike" at "strike". */
static const lex_entry *act_pair_ending(const lex_view *v, const sent *s, size_t k)
{
	size_t len;
	const lex_entry *e;
	if (k <= s->t0 || k >= s->t1 || !lex_has(v, k - 1, LEX_BIT(LEX_NOUNPRED)))
		return NULL;
	e = lex_match(v, k - 1, k + 1, LEX_BIT(LEX_NOUNPRED), &len);
	return e && len == 2 ? e : NULL;
}

/* Is the word at k a noun of a move: an act noun (NOUNPRED) or a verb of
 * the lexicon whose class is a change, a loss or a peak ("plunge", "fall",
 * "drop")? */
static int move_noun(const lex_view *v, size_t k, size_t lim)
{
	const lex_entry *e = one_of(v, k, lim, LEX_NOUNPRED);
	const char *m = e ? measure_of(e->a) : NULL;
	size_t len;
	/* the verb's row itself: verb_class reads a word after a
	 * hyphenated modifier as a noun */
	if (!m && (e = lex_match(v, k, lim, LEX_BIT(LEX_VERB), &len)) != NULL && e->b &&
	    strcmp(e->b, "pred") == 0)
		m = measure_of(e->a);
	return m && (strcmp(m, "change") == 0 || strcmp(m, "lose") == 0 || strcmp(m, "peak") == 0);
}

/* Does a determiner or a possessive come right before the figure at t0,
 * so that it sits inside a noun phrase ("a 38% fall", "yesterday's 5%
 * drop", "its $2bn loss")? */
static int opens_noun_phrase(const lex_view *v, const sent *s, size_t t0)
{
	return t0 > s->t0 && (det_like(v, t0 - 1, s->t1) || tok_is(v->text, TOK(t0 - 1), "'s") ||
			      cue_at(v, t0 - 1, s->t1, LEX_ROLE_DETERMINER | LEX_ROLE_POSSESSIVE));
}

/* Does a counted noun (head) have a verb group of its own after it, an
 * auxiliary and a participle the lexicon may lack ("38,000 claims had
 * been filed")?  Then it says its own act and takes none from a figure
 * before it in a list ("losses of EUR600m, and 38,000 claims had been
 * filed"). */
static int own_verb_group(const lex_view *v, const sent *s, size_t head, size_t after)
{
	size_t lim = s->t1, q = after;
	if (head == SIZE_MAX || q >= lim || !aux_class(v, q, lim))
		return 0;
	while (q < lim && q < after + 3 && aux_class(v, q, lim))
		q++;
	return q < lim && (ed_word(v, q) || past_verb(v, q));
}

/* Is there "from" and a store (a reserve, a stockpile, stocks, storage)
 * within ten words after token k, in its clause: stock released from a
 * store ("the release of 30 million barrels of oil from its strategic
 * reserve") is let out on purpose, unlike gas released from a plant? */
static int released_from(const lex_view *v, const sent *s, size_t k)
{
	static const char *const stores[] = {"reserve",    "reserves", "stockpile",
					     "stockpiles", "stocks",   "storage"};
	for (size_t q = k; q < s->t1 && q < k + 6; q++) {
		if (TOK(q)->type == TK_PUNCT && TOK(q)->cp != '-')
			return 0;
		if (!lex_word_is(v, q, s->t1, "from"))
			continue;
		/* a store within the next four words ("from its strategic
		 * reserve"), not a place it escaped ("from the plant") */
		for (size_t r = q + 1; r < s->t1 && r <= q + 4; r++)
			for (size_t i = 0; i < sizeof stores / sizeof *stores; i++)
				if (lex_word_is(v, r, s->t1, stores[i]))
					return 1;
		return 0;
	}
	return 0;
}

/* Is the act a noun at pred_tok names stopped before it happened: the
 * object of a verb of thwarting (LEX_VC_THWART), with determiners between
 * or adverbs between ("halted the demolition of 200 homes", "blocked the
 * sale of 40 jets"), or the counted noun of a figure that is one's object
 * ("prevented 40 deaths", "averted at least 3,000 job losses"), and not
 * denied ("did not prevent")?  Then the figure counts no act. */
static int thwarted_act(const lex_view *v, const sent *s, size_t t0, size_t pred_tok)
{
	if (pred_tok == SIZE_MAX || !lex_has(v, pred_tok, LEX_BIT(LEX_NOUNPRED)))
		return 0;
	size_t q = pred_tok < t0 ? pred_tok : t0;
	while (q > s->t0 && (det_like(v, q - 1, s->t1) || is_adverb_gap(v, q - 1, s->t1)))
		q--;
	if (q <= s->t0 || verb_class(v, q - 1, s->t1, NULL) != LEX_VC_THWART)
		return 0;
	/* a thwarting denied or failed did not stop it (a negation of the
	 * lexicon, NEG, within four words): "did not prevent 40 deaths",
	 * "failed to avert 3,000 job losses", "could not halt" */
	size_t len;
	for (size_t k = q - 1; k-- > s->t0 && q - k <= 5;)
		if (lex_has(v, k, LEX_BIT(LEX_NEG)) &&
		    lex_match(v, k, q - 1, LEX_BIT(LEX_NEG), &len))
			return 0;
	return 1;
}

/* The predicate of a figure, in order of preference: the counted noun
 * itself when it names an act ("15,000 casualties"); the verb group after
 * a figure that is a subject; the nearest measuring verb or act noun to
 * the left; a previous figure of a list with no verb in between (*inherit);
 * any measuring verb right after. */
static const char *find_predicate(const lex_view *v, const sent *s, const fig_list *figs,
				  size_t first_fig, size_t t0, size_t after, size_t head,
				  size_t *pred_tok, const fig **inherit)
{
	*inherit = NULL;
	*pred_tok = SIZE_MAX;
	/* a noun of an act right before "of" and the figure is what befell
	 * the counted, whatever act the counted noun names: "the arrest of 12
	 * protesters", "the release of 14 hostages", "the seizure of three
	 * trawlers"; a singular one (the plural may name the counted
	 * themselves: "the cases of 40 prisoners") */
	if (t0 >= s->t0 + 2 && lex_word_is(v, t0 - 1, s->t1, "of") &&
	    lex_has(v, t0 - 2, LEX_BIT(LEX_NOUNPRED)) && !(TOK(t0 - 2)->flags & TF_UPPER) &&
	    !plural_form(v, t0 - 2)) {
		size_t len;
		const lex_entry *ae = lex_match_ending(v, s->t0, t0 - 2, LEX_BIT(LEX_NOUNPRED),
						       &len);
		if (ae && ae->value != 1) {
			*pred_tok = t0 - 2;
			return ae->a;
		}
	}
	/* a phrase of two words that ends at the head names the act too:
	 * "380 hospital admissions" */
	const lex_entry *pe;
	if (head != SIZE_MAX && head > t0 + 1 && !lex_one(v, head, s->t1, LEX_BIT(LEX_NOUNPRED)) &&
	    (pe = act_pair_ending(v, s, head)) != NULL) {
		*pred_tok = head;
		return pe->a;
	}
	if (head != SIZE_MAX && lex_has(v, head, LEX_BIT(LEX_NOUNPRED))) {
		const lex_entry *ne = lex_one(v, head, s->t1, LEX_BIT(LEX_NOUNPRED));
		/* a weak noun (value 1) names its act only with a verb of CUE
		 * role lives before the figure or after the noun: "claimed 38
		 * lives", "cost 4,000 lives", "40 lives were lost" are deaths;
		 * "saved 38 lives" are rescues (the verb's), "upended 50,000
		 * lives" are neither */
		if (ne && ne->value == 1) {
			int lives = t0 > s->t0 && cue_at(v, t0 - 1, s->t1, LEX_ROLE_LIVES);
			for (size_t q = head + 1; !lives && q < s->t1 && q <= head + 4; q++) {
				lives = cue_at(v, q, s->t1, LEX_ROLE_LIVES);
				lex_vclass cls = lives ? LEX_VC_NONE
						       : verb_class(v, q, s->t1, NULL);
				if (cls && cls != LEX_VC_AUX && cls != LEX_VC_HAVE)
					break; /* another verb: "lives were saved" */
			}
			if (!lives)
				ne = NULL;
		}
		/* a verb of measure the counted noun is the subject or the
		 * object of says what befell it: "14 hostages were released",
		 * "freed 25 hostages", "300 casualties were evacuated" (not
		 * "were reported", "took 40 hostages") */
		if (ne && ne->value != 1 &&
		    (verb_after_noun(v, s, head) || verb_before_object(v, s, t0)))
			ne = NULL;
		if (ne) {
			*pred_tok = head;
			return ne->a;
		}
	}
	/* a measure inside a noun phrase, before the noun of its act: "a 38%
	 * fall", "yesterday's 5% drop", "a $2bn loss" */
	if (head == SIZE_MAX && after < s->t1 && !(TOK(after)->flags & TF_UPPER) &&
	    opens_noun_phrase(v, s, t0)) {
		const lex_entry *ne = one_of(v, after, s->t1, LEX_NOUNPRED);
		size_t len = 0;
		if (ne && lex_match(v, after, s->t1, LEX_BIT(LEX_NOUNPRED), &len) && len == 1) {
			*pred_tok = after;
			return ne->a;
		}
	}
	/* a participle of an act right after the counted noun says what is
	 * counted, whatever verb comes before: "treated 230 people injured
	 * in the stampede", "reported 40 people killed" */
	if (head != SIZE_MAX && head + 1 < s->t1 && TOK(head + 1)->type == TK_WORD &&
	    !(TOK(head + 1)->flags & TF_UPPER) && TOK(head + 1)->end - TOK(head + 1)->start > 3 &&
	    v->text[TOK(head + 1)->end - 2] == 'e' &&
	    (v->text[TOK(head + 1)->end - 1] == 'd' || v->text[TOK(head + 1)->end - 1] == 'n')) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, head + 1, s->t1, &ve);
		if (cls == LEX_VC_PRED && measure_of(ve->a) && t0 > s->t0 &&
		    verb_class(v, t0 - 1, s->t1, NULL)) {
			*pred_tok = head + 1;
			return ve->a;
		}
	}
	/* a word of harm right before the counted noun says what befell it,
	 * unless a verb of measure takes the figure as its object
	 * ("counting 212 sick pupils", "the list names 18 dead sailors";
	 * "evacuated 40 injured workers" are evacuated); a verb group after
	 * the figure as subject says it better ("40 injured workers were
	 * airlifted") */
	size_t attr_tok = SIZE_MAX;
	const lex_entry *attr_act = NULL;
	if (head != SIZE_MAX && head > t0 + 1 && !(TOK(head - 1)->flags & TF_UPPER) &&
	    !verb_before_object(v, s, t0)) {
		if (harm_adjective(v, head - 1, s->t1))
			attr_act = lex_one(v, head - 1, s->t1, LEX_BIT(LEX_NOUNPRED));
		/* so does a participle there of an act whose count only
		 * grows (data/facts.tsv GROWS: what befalls people and
		 * things): "the 11 infected farms", "300 damaged homes" (not
		 * "5 wanted men", "40 paid staff") */
		else if ((attr_act = act_participle(v, head - 1, s->t1)) != NULL &&
			 !grows_class(measure_of(attr_act->a)))
			attr_act = NULL;
		if (attr_act)
			attr_tok = head - 1;
	}
	/* the figure as object of the verb right before it: "have lost more
	 * than 600,000", "Sending thousands of troops marks ..." */
	if (t0 > s->t0 && attr_tok == SIZE_MAX) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, t0 - 1, s->t1, &ve);
		if (cls == LEX_VC_PRED) {
			*pred_tok = t0 - 1;
			return ve->a;
		}
		if (cls == LEX_VC_ATTR && strcmp(ve->a, "admit") == 0 &&
		    hospital_subject(v, s, t0 - 1)) {
			*pred_tok = t0 - 1;
			return "hospitalize";
		}
		/* a verb of a counted noun only, with one as its object:
		 * "has closed 73 shops" (not "closed 300 points lower") */
		if (!cls && head != SIZE_MAX && plural_form(v, head) &&
		    !market_move_after(v, head + 1, s->t1) &&
		    (ve = object_verb(v, t0 - 1, s->t1)) != NULL) {
			*pred_tok = t0 - 1;
			return ve->a;
		}
	}
	/* the figure as subject: a verb follows its phrase */
	{
		/* it counts a noun, and is not the whole of "2,000 of the
		 * 5,000 workers" (the verb is the part's) */
		int acts = head != SIZE_MAX &&
			   !(t0 > s->t0 &&
			     (lex_word_is(v, t0 - 1, s->t1, "of") ||
			      (t0 > s->t0 + 1 && lex_word_is(v, t0 - 2, s->t1, "of") &&
			       cue_at(v, t0 - 1, s->t1,
				      LEX_ROLE_DETERMINER | LEX_ROLE_POSSESSIVE))));
		size_t k = after;
		/* "three of them died": the pronoun stands for the counted;
		 * "three of those who died": the relative clause says what
		 * befell the whole the part is of */
		if (head == SIZE_MAX && of_pronoun(v, k, s->t1)) {
			k += 2;
			if (lex_word_is(v, k, s->t1, "who") || lex_word_is(v, k, s->t1, "that")) {
				const char *p = part_relative_act(v, s, k + 1, pred_tok);
				if (p)
					return p;
			}
		}
		/* a rate after the counted noun: "2,000 services a day were
		 * cancelled" */
		const char *per = NULL;
		if (head != SIZE_MAX)
			k = rate_after(v, k, s->t1, &per);
		while (k < s->t1 && is_adverb_gap(v, k, s->t1))
			k++;
		/* a participle the lexicon lacks and its phrase, after the
		 * counted noun: "3,000 families sheltering in schools were
		 * evacuated" (the verb group after it is the figure's) */
		if (head != SIZE_MAX && k < s->t1 && (ed_word(v, k) || ing_word(v, k)) &&
		    !lex_has(v, k, LEX_BIT(LEX_VERB) | LEX_BIT(LEX_STOP))) {
			size_t q = k + 1;
			while (q < s->t1 && q < k + 7 && TOK(q)->type == TK_WORD &&
			       !verb_class(v, q, s->t1, NULL))
				q++;
			if (q < s->t1 && q < k + 7 && verb_class(v, q, s->t1, NULL))
				k = q;
		}
		k = past_conjunct(v, s, head, t0, past_modifier(v, s, head, t0, k));
		/* past what a measurement is of: "8 tonnes of MTBE escaped",
		 * "2,000 barrels of crude oil were spilled" */
		if (head == SIZE_MAX && k == after && k > t0 && TOK(k - 1)->type == TK_WORD &&
		    lex_word_is(v, k, s->t1, "of")) {
			size_t q = k + 1;
			while (q < s->t1 && det_like(v, q, s->t1))
				q++;
			size_t q0 = q;
			while (q < s->t1 && q < q0 + 3 && TOK(q)->type == TK_WORD &&
			       !lex_has(v, q, LEX_BIT(LEX_STOP)) && !verb_class(v, q, s->t1, NULL))
				q++;
			if (q > q0 && q < s->t1 &&
			    (verb_class(v, q, s->t1, NULL) || lex_has(v, q, LEX_BIT(LEX_FORECAST))))
				k = q;
		}
		/* a measurement in a unit's word is a subject as a counted
		 * noun is, with a modal too: "as much as 6,500 tonnes may have
		 * escaped", "1,200 litres of diesel may have leaked" */
		int modal_acts = acts || (head == SIZE_MAX && after > t0 &&
					  TOK(after - 1)->type == TK_WORD &&
					  lex_has(v, after - 1, LEX_BIT(LEX_UNIT)) &&
					  !lex_has(v, after - 1,
						   LEX_BIT(LEX_CUR_WORD) | LEX_BIT(LEX_CUR_CODE)));
		if (k < s->t1 &&
		    (verb_class(v, k, s->t1, NULL) || (acts && object_verb(v, k, s->t1)) ||
		     (lex_has(v, k, LEX_BIT(LEX_FORECAST)) &&
		      modal_group(v, k, s->t1, modal_acts))) &&
		    !(TOK(k)->flags & TF_UPPER)) {
			const char *p = predicate_right(v, s, k, modal_acts, pred_tok);
			if (p)
				return p;
		}
		/* or an adjective of harm with no verb: "with 21 people still
		 * missing", "leaving two people dead"; right after a bare
		 * number, only a phrase of several words ("leaving 95 at
		 * large", "and four in intensive care") */
		size_t q = k;
		const lex_entry *ne = act_adjective(v, s, k, &q);
		if (ne && k == after && head == SIZE_MAX && q - k < 2)
			ne = NULL;
		/* a verb after it is the figure's ("226 people on board were
		 * killed") */
		if (ne && q < s->t1 && verb_class(v, q, s->t1, NULL)) {
			const char *p = predicate_right(v, s, q, acts, pred_tok);
			if (p)
				return p;
		} else if (ne) {
			*pred_tok = k;
			return ne->a;
		}
	}
	if (attr_tok != SIZE_MAX) {
		*pred_tok = attr_tok;
		return attr_act->a;
	}
	/* an -ed form the lexicon lacks right before the figure, after no
	 * determiner, is a verb of its own: "rose to 1,500 metres and
	 * stretched 25 km" takes nothing from the figure before */
	if (t0 > s->t0 + 1 && ed_word(v, t0 - 1) &&
	    !lex_has(v, t0 - 1, LEX_BIT(LEX_VERB) | LEX_BIT(LEX_STOP) | LEX_BIT(LEX_DETLIKE)) &&
	    !det_like(v, t0 - 2, s->t1) && !cue_at(v, t0 - 2, s->t1, LEX_ROLE_DETERMINER))
		return NULL;
	/* so is one before "at" ("watches that police priced at $38m",
	 * "pegged at"): the verbs further back are others' */
	if (t0 > s->t0 + 2 && lex_word_is(v, t0 - 1, s->t1, "at") && ed_word(v, t0 - 2) &&
	    !lex_has(v, t0 - 2, LEX_BIT(LEX_VERB) | LEX_BIT(LEX_STOP) | LEX_BIT(LEX_DETLIKE)))
		return NULL;
	size_t steps = 0;
	int crossed_verb = 0, crossed_say = 0, comma_after = 0, own_ing = 0;
	for (size_t k = t0; k-- > s->t0 && steps < 14; steps++) {
		/* a previous figure of this sentence: only the last few can
		 * lie within reach, and looking at all would be quadratic */
		size_t from = figs->n > first_fig + 4 ? figs->n - 4 : first_fig;
		for (size_t f = from; f < figs->n; f++) {
			const fig *pf = &figs->v[f];
			size_t end = pf->what1 > pf->t1 ? pf->what1 : pf->t1;
			if (k >= pf->t0 && k < end) {
				if (crossed_verb || own_verb_group(v, s, head, after))
					goto right;
				*inherit = pf;
				return own_ing ? NULL : pf->f.predicate;
			}
		}
		if (lex_punct(v, k, s->t1, ';') || lex_punct(v, k, s->t1, ':'))
			break;
		if (lex_punct(v, k, s->t1, ','))
			comma_after = 1;
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, k, s->t1, &ve);
		/* a participle that describes the measured thing is no
		 * predicate: "sustained winds of 185 km/h", "recorded
		 * rainfall of 412 mm" */
		if (cls && k + 3 == t0 && k > s->t0 && TOK(k + 1)->type == TK_WORD &&
		    !verb_class(v, k + 1, s->t1, NULL) && !lex_has(v, k + 1, LEX_BIT(LEX_STOP)) &&
		    lex_word_is(v, k + 2, s->t1, "of") &&
		    (det_like(v, k - 1, s->t1) || lex_has(v, k - 1, LEX_BIT(LEX_STOP))))
			continue;
		int verb_after = crossed_verb; /* a verb between k and the figure */
		if (cls)
			crossed_verb = 1;
		/* an -ing form the lexicon lacks after a preposition or a
		 * conjunction, with an object that holds the figure, is a verb
		 * of its own, of the same subject: "closed at $41.20 after
		 * touching a high of $47" (not "by evening, another 40", "since
		 * opening and 40") */
		else if (ing_word(v, k) && k > s->t0 && !comma_after &&
			 !lex_has(v, k, LEX_BIT(LEX_NOUNPRED) | LEX_BIT(LEX_TIME)) &&
			 det_like(v, k + 1, s->t1) &&
			 (lex_word_is(v, k - 1, s->t1, "after") ||
			  lex_word_is(v, k - 1, s->t1, "before") ||
			  lex_word_is(v, k - 1, s->t1, "while") ||
			  lex_word_is(v, k - 1, s->t1, "by") ||
			  lex_word_is(v, k - 1, s->t1, "since") ||
			  lex_word_is(v, k - 1, s->t1, "when")))
			own_ing = 1;
		/* past a verb of saying or estimating, a noun of an act is
		 * its subject, the source: "the army says 31 were
		 * intercepted" */
		if (cls == LEX_VC_ATTR || cls == LEX_VC_COG)
			crossed_say = 1;
		if (cls == LEX_VC_PRED && level_verb(ve->a) && lex_word_is(v, k + 1, s->t1, "to")) {
			/* "the death toll has risen to 41": the figure is the
			 * new level of the subject, which says what it counts */
			for (size_t q = k; q-- > s->t0 && k - q < 8;) {
				size_t nl = 0; /* a phrase too: "hospital admissions" */
				const lex_entry *ne = lex_has(v, q, LEX_BIT(LEX_NOUNPRED))
							      ? lex_match(v, q, k,
									  LEX_BIT(LEX_NOUNPRED),
									  &nl)
							      : NULL;
				if (ne && !modifier_act_noun(v, s, q)) {
					*pred_tok = q;
					return ne->a;
				}
			}
		}
		/* the last word of an act phrase is none of its own: "on
		 * strike" is a walkout, not "strike" */
		const lex_entry *ae;
		if (cls == LEX_VC_PRED && (ae = act_pair_ending(v, s, k)) != NULL) {
			*pred_tok = k - 1;
			return ae->a;
		}
		if ((cls == LEX_VC_PRED || cls == LEX_VC_HAVE)) {
			if (cls == LEX_VC_HAVE) {
				/* "has an army of", but not "has lost", "has
				 * promised" or "have taken"; and only as the figure's own verb,
				 * near it with no comma or verb between ("which
				 * has its own reasons ..., says 3.1 million") */
				const tok *nt = k + 1 < s->t1 ? TOK(k + 1) : NULL;
				if (verb_after || comma_after || t0 - k > 6)
					continue;
				if (nt && (verb_class(v, k + 1, s->t1, NULL) || ed_word(v, k + 1) ||
					   past_verb(v, k + 1)))
					continue;
			}
			*pred_tok = k;
			return ve->a;
		}
		if (lex_has(v, k, LEX_BIT(LEX_NOUNPRED)) && !crossed_say &&
		    !modifier_act_noun(v, s, k)) {
			const lex_entry *ne = lex_one(v, k, s->t1, LEX_BIT(LEX_NOUNPRED));
			/* a state of things with the level it holds at right
			 * after it is no count of what is in it: "prices stuck
			 * at 40p", "the jobless rate stuck around 5%" (but "put
			 * the dead at 40": a noun, after its determiner) */
			if (ne && ne->b && t0 - k <= 3 && k > s->t0 && !det_like(v, k - 1, s->t1) &&
			    (lex_word_is(v, k + 1, s->t1, "at") ||
			     lex_word_is(v, k + 1, s->t1, "around")))
				ne = NULL;
			if (ne) {
				*pred_tok = k;
				return ne->a;
			}
		}
	}
right:
	for (size_t k = after; k < s->t1 && k < after + 6; k++) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, k, s->t1, &ve);
		if ((cls == LEX_VC_PRED || cls == LEX_VC_INCLUDE)) {
			*pred_tok = k;
			return ve->a;
		}
		if (cls || is_adverb_gap(v, k, s->t1) || lex_word_is(v, k, s->t1, "to"))
			continue;
		break;
	}
	/* with no verb of measure, the harm the counted noun is "with"
	 * says what befell it, when it ends its phrase: "eight patients
	 * with severe burns were flown out", "40 children with injuries"
	 * (not "nurses with burns training") */
	if (head != SIZE_MAX && lex_word_is(v, head + 1, s->t1, "with")) {
		for (size_t q = head + 2; q < s->t1 && q < head + 5; q++) {
			const lex_entry *ne = one_of(v, q, s->t1, LEX_NOUNPRED);
			const char *m = ne ? measure_of(ne->a) : NULL;
			if (m && strcmp(m, "wound") == 0 &&
			    (q + 1 >= s->t1 || TOK(q + 1)->type != TK_WORD ||
			     lex_has(v, q + 1, LEX_BIT(LEX_STOP)) ||
			     verb_class(v, q + 1, s->t1, NULL))) {
				*pred_tok = q;
				return ne->a;
			}
			if (TOK(q)->type != TK_WORD || lex_has(v, q, LEX_BIT(LEX_STOP)) ||
			    verb_class(v, q, s->t1, NULL))
				break;
		}
	}
	return NULL;
}

/* ---- what a figure measures ---- */

/* The class of a predicate lemma (data/classes.tsv PREDCLASS), or NULL. */
static const char *measure_of(const char *lemma)
{
	if (!lemma)
		return NULL;
	size_t n = strlen(lemma);
	const lex_entry *e = strchr(lemma, ' ') ? lex_phrase(lemma, n, LEX_BIT(LEX_PREDCLASS))
						: lex_word(lemma, n, LEX_BIT(LEX_PREDCLASS));
	return e ? e->a : NULL;
}

static const lex_entry *one_of(const lex_view *v, size_t i, size_t lim, lex_cat cat)
{
	return i < lim && lex_has(v, i, LEX_BIT(cat)) ? lex_one(v, i, lim, LEX_BIT(cat)) : NULL;
}

/* Is the word at token k a cue of a role (CUE rows of data/words.tsv)? */
static int cue_at(const lex_view *v, size_t k, size_t lim, uint64_t role)
{
	const lex_entry *e = one_of(v, k, lim, LEX_CUE);
	return e && (e->roles & role);
}

/* A determiner or a short modifier that may stand between a verb and its
 * object noun: "the", "its", "official". */
static int det_like(const lex_view *v, size_t i, size_t lim)
{
	return lex_one(v, i, lim, LEX_BIT(LEX_DETLIKE)) != NULL;
}

/* A level a figure gives: "the death toll reached 2,310", "raising the
 * toll to 96", "the number of injured passed 3,000", "casualties stand at
 * 240", "a toll of 58".  The noun that holds the count (a tally, data/
 * measures.tsv TALLY, or a noun naming the act, NOUNPRED) says what the
 * figure measures; the verb (LEVEL) may bound it ("passed": at least) and a
 * modal before it makes the level an upper bound ("could reach"). */
typedef struct level {
	size_t verb;            /* token of the level verb, or SIZE_MAX */
	const lex_entry *tally; /* TALLY entry, or NULL */
	size_t tally_tok;       /* its last token */
	const lex_entry *act;   /* NOUNPRED entry of the count, or NULL */
	size_t act_tok;         /* its token */
	const lex_entry *scale; /* MEASNOUN of the object ("put the
				      magnitude at"), or NULL */
	const char *hedge;      /* the verb's hedge ("at_least"), or NULL */
	int modal;
	size_t from;     /* "from" before an earlier level ("rose from
				   40 to 65": at 40), or SIZE_MAX */
	size_t to;       /* "to" before the level after an earlier one
				   (at 65), or SIZE_MAX */
	size_t noun;     /* a plain plural noun that is the subject and
				   counts itself ("pledges passed 100,000"), or
				   SIZE_MAX */
	const char *rel; /* the lemma of an act in a relative clause
				      after the holder ("the number of people
				      who died"), or NULL */
	size_t rel_noun; /* the plural noun before that clause, or
				      SIZE_MAX */
} level;

/* An act told by a relative clause at q: a predicate verb with a measure
 * whose auxiliaries ("were", "have been") follow "who", "that" or
 * "which" ("people who died", "homes that were destroyed", "those who
 * have fled").  Sets l->rel and l->rel_noun; returns whether it is one. */
static int relative_act(const lex_view *v, const sent *s, size_t q, level *l)
{
	const lex_entry *ve;
	lex_vclass c = verb_class(v, q, s->t1, &ve);
	if (c != LEX_VC_PRED || !measure_of(ve->a))
		return 0;
	size_t r = q;
	while (r > s->t0 && r + 3 > q && (c = verb_class(v, r - 1, s->t1, NULL)) &&
	       (c == LEX_VC_AUX || c == LEX_VC_HAVE))
		r--;
	if (r == s->t0 ||
	    !(lex_word_is(v, r - 1, s->t1, "who") || lex_word_is(v, r - 1, s->t1, "that") ||
	      lex_word_is(v, r - 1, s->t1, "which")))
		return 0;
	l->rel = ve->a;
	/* the noun the clause hangs on: a plural word, whatever else it
	 * may be ("houses", "forces") */
	size_t n = r - 2;
	l->rel_noun = r - 1 > s->t0 && TOK(n)->type == TK_WORD && !(TOK(n)->flags & TF_UPPER) &&
				      !lex_has(v, n, LEX_BIT(LEX_STOP)) && plural_form(v, n)
			      ? n
			      : SIZE_MAX;
	return 1;
}

/* The holder of a count ending at token k (inclusive), at most 12 tokens
 * left of it within the clause: the nearest act noun and the nearest
 * tally.  Returns whether either was found. */
static int count_holder(const lex_view *v, const sent *s, size_t k, level *l)
{
	size_t steps = 0, len;
	int crossed = 0; /* a number lies between the verb and q */
	for (size_t q = k + 1; q-- > s->t0 && steps < 12; steps++) {
		const tok *t = TOK(q);
		if (t->type == TK_PUNCT &&
		    (t->cp == ',' || t->cp == ';' || t->cp == ':' || t->cp == '"'))
			break;
		if (t->type == TK_NUM) {
			/* "the death toll from Sunday's 6.3 quake passed 120":
			 * a number inside the tally's prepositional phrase is
			 * no holder; the tally before it still is */
			if (l->tally || l->act)
				break;
			crossed = 1;
			continue;
		}
		if (crossed == 1) {
			/* the preposition that opens the number's phrase: the
			 * holder is before it */
			if (lex_word_is(v, q, s->t1, "from") || lex_word_is(v, q, s->t1, "in") ||
			    lex_word_is(v, q, s->t1, "after") ||
			    lex_word_is(v, q, s->t1, "since") || lex_word_is(v, q, s->t1, "during"))
				crossed = 2;
			else if (lex_has(v, q, LEX_BIT(LEX_TALLY) | LEX_BIT(LEX_NOUNPRED)) &&
				 lex_match(v, q, s->t1, LEX_BIT(LEX_TALLY) | LEX_BIT(LEX_NOUNPRED),
					   &len))
				break; /* (a whole entry: "with" only opens "with symptoms") */
			continue;
		}
		if (!l->act && !l->rel && !l->tally)
			relative_act(v, s, q, l);
		if (!l->act) {
			const lex_entry *e = one_of(v, q, s->t1, LEX_NOUNPRED), *pe;
			if (e && modifier_act_noun(v, s, q))
				e = NULL;
			/* a capitalised word is a name's, unless it opens the
			 * sentence or a clause after punctuation ("22:10 -
			 * Arrests now stand at 23") */
			if (e &&
			    !(t->flags & TF_UPPER && q != s->t0 && TOK(q - 1)->type != TK_PUNCT)) {
				l->act = e;
				l->act_tok = q;
				/* a participle of an act before the noun is
				 * what befell them: "the number of escaped
				 * prisoners", not their being held */
				if (q > s->t0 && (pe = act_participle(v, q - 1, s->t1)) != NULL) {
					l->act = pe;
					l->act_tok = q - 1;
				}
			}
		}
		if (!l->tally) {
			size_t st;
			const lex_entry *e = lex_has(v, q, LEX_BIT(LEX_TALLY))
						     ? lex_match_ending(v, s->t0, q,
									LEX_BIT(LEX_TALLY), &st)
						     : NULL;
			if (e) {
				l->tally = e;
				l->tally_tok = q;
			}
		}
		if (!l->tally && !l->act && !l->scale)
			l->scale = one_of(v, q, s->t1, LEX_MEASNOUN);
		if (l->tally && l->act)
			break;
	}
	/* an act in a relative clause says what a tally counts: "the
	 * number of people who died" */
	if (l->rel && !l->tally)
		l->rel = NULL;
	return l->tally || l->act || l->scale;
}

static const lex_entry *level_verb_at(const lex_view *v, size_t i, size_t lim)
{
	const lex_entry *ve;
	lex_vclass cls = verb_class(v, i, lim, &ve);
	if (!cls || (TOK(i)->flags & TF_UPPER && i > 0))
		return NULL;
	if (strcmp(ve->a, "be") == 0)
		return ve;
	return lex_word(ve->a, strlen(ve->a), LEX_BIT(LEX_LEVEL));
}

/* An attribute noun as the object of a level verb, with the figure
 * after "at" or "to": "put the magnitude at 6.1", "estimated the crowd at
 * 52,000", "put the number of marchers at 18,000", "put the cost of
 * repairs at $40m", "revised the magnitude to 5.8".  The head of the
 * object (the first noun after the verb and its determiners) is a tally,
 * a scale noun or a noun naming an act; p is the object's last token. */
static int attribute_object(const lex_view *v, const sent *s, size_t p, level *l)
{
	size_t lim = s->t1, q = p + 1, head = SIZE_MAX;
	int found = 0;
	/* the verb: at most six tokens back, no clause break or number */
	for (size_t steps = 0; q-- > s->t0 && steps < 7; steps++) {
		const tok *t = TOK(q);
		if (t->type == TK_NUM || (t->type == TK_PUNCT && t->cp != '\''))
			return 0;
		const lex_entry *lv = level_verb_at(v, q, lim);
		if (lv && lv->cat != LEX_VERB) {
			found = 1;
			break;
		}
		/* a verb form after a determiner is a noun: "the number";
		 * a participle before a plural modifies it: "of escaped
		 * prisoners" */
		if ((lv || verb_class(v, q, lim, NULL)) &&
		    !(q > s->t0 && det_like(v, q - 1, lim)) &&
		    !((ed_word(v, q) || past_verb(v, q)) && q + 1 <= p &&
		      plural_noun_at(v, q + 1, lim)) &&
		    /* one after it ends the object: "the number of homes
		     * destroyed at" */
		    !((ed_word(v, q) || past_verb(v, q)) && q == p && q > s->t0 &&
		      plural_noun_at(v, q - 1, lim)))
			return 0;
	}
	if (!found || q >= p)
		return 0;
	l->verb = q;
	head = q + 1;
	while (head < p && det_like(v, head, lim))
		head++;
	/* past a possessive: "put the country's population at" */
	if (head + 2 <= p && tok_is(v->text, TOK(head + 1), "'s"))
		head += 2;
	size_t st;
	const lex_entry *e;
	if ((e = one_of(v, head, lim, LEX_MEASNOUN))) {
		l->scale = e;
	} else if (lex_has(v, head, LEX_BIT(LEX_TALLY)) &&
		   (e = lex_match(v, head, lim, LEX_BIT(LEX_TALLY), &st))) {
		l->tally = e;
		l->tally_tok = head + st - 1;
	} else if ((e = one_of(v, head, lim, LEX_NOUNPRED))) {
		l->act = e;
		l->act_tok = head;
	} else {
		return 0;
	}
	/* only the head and its of-phrase ("the number of marchers"), or
	 * where it was ("put the crowd there at", "the crowd in Varnholm
	 * at") */
	size_t end = l->tally ? l->tally_tok + 1 : head + 1;
	if (end <= p && !(lex_word_is(v, end, lim, "of") && p - end <= 3) &&
	    !(end == p &&
	      (lex_word_is(v, end, lim, "there") || lex_word_is(v, end, lim, "here"))) &&
	    !(is_prep(v, end, lim) && p - end <= 3))
		return 0;
	return 1;
}

/* Does a number start at token q, or right after a sign glued to its
 * digits ("$52,100")?  Fills m. */
static int number_at(const lex_view *v, size_t q, size_t lim, num_match *m)
{
	return num_parse(v, q, lim, m) || (q + 1 < lim && TOK(q)->type != TK_NUM &&
					   lex_glued(v, q + 1) && num_parse(v, q + 1, lim, m));
}

/* Is there "to" and a number within four tokens after t1 (past the
 * figure's unit words): the new level of "from 40 to 65", "from 1,200
 * crowns to 1,380 crowns"? */
static int to_number_after(const lex_view *v, size_t t1, size_t lim)
{
	num_match m;
	for (size_t q = t1; q < lim && q < t1 + 4; q++) {
		if (lex_word_is(v, q, lim, "to"))
			return number_at(v, q + 1, lim, &m);
		if (TOK(q)->type != TK_WORD)
			return 0;
	}
	return 0;
}

/* The "from" of "from X to", where k is the "to": a number starts right
 * after it and ends, with at most three words of its unit, before k
 * ("from four to", "from 1,200 crowns to"); SIZE_MAX when none. */
static size_t from_before(const lex_view *v, const sent *s, size_t k)
{
	num_match m;
	for (size_t f = k; f > s->t0 && f + 8 > k;) {
		f--;
		if (lex_word_is(v, f, s->t1, "from"))
			return number_at(v, f + 1, s->t1, &m) && m.t1 <= k && m.t1 + 3 >= k
				       ? f
				       : SIZE_MAX;
	}
	return SIZE_MAX;
}

/* A word of a level (CUE role level_of): its head ("rate", "share",
 * "inflation"), or with head 0 a word that qualifies one without naming
 * what it is of ("average", "overall": value 2). */
static int level_word(const lex_view *v, size_t q, size_t lim, int head)
{
	const lex_entry *e = one_of(v, q, lim, LEX_CUE);
	return e && (e->roles2 & LEX_ROLE2_LEVEL_OF) && (e->value == 2) != head;
}

/* Is token i a plural noun that may be the subject a level verb's figure
 * counts: in lower case (or opening its sentence or a clause), no
 * function word, no level's noun (CUE role level_of: "prices"), and
 * not counted by a number before it ("350 pledges"). */
static int counting_subject(const lex_view *v, const sent *s, size_t i)
{
	const tok *t = TOK(i);
	if (t->type != TK_WORD || !plural_form(v, i) || !np_word(v, i, s->t1) ||
	    lex_has(v, i, LEX_BIT(LEX_STOP)) || level_word(v, i, s->t1, 1))
		return 0;
	if ((t->flags & TF_UPPER) && i > s->t0 && TOK(i - 1)->type != TK_PUNCT)
		return 0;
	/* nor a noun of an amount or a measurement, singular or plural:
	 * "numbers", "shares", "temperatures", "reserves", "debts" */
	const uint64_t amount = LEX_ROLE_MONEY_WORD | LEX_ROLE_ATTRIBUTE | LEX_ROLE_STATE;
	char sg[64];
	size_t n = tok_singular(v, i, s->t1, sg, sizeof sg);
	const lex_entry *ce = n ? lex_word(sg, n, LEX_BIT(LEX_CUE)) : NULL;
	if (!n || lex_word(sg, n, LEX_BIT(LEX_TALLY) | LEX_BIT(LEX_MEASNOUN)) ||
	    (ce && ((ce->roles & amount) || (ce->roles2 & LEX_ROLE2_LEVEL_OF))) ||
	    lex_cue_is(v, i, s->t1, amount))
		return 0;
	return !(i > s->t0 && (TOK(i - 1)->type == TK_NUM || lex_word_is(v, i - 1, s->t1, "of")));
}

static int read_level(const lex_view *v, const sent *s, size_t t0, size_t t1, level *l)
{
	memset(l, 0, sizeof *l);
	l->verb = l->act_tok = l->tally_tok = l->rel_noun = l->from = l->to = l->noun = SIZE_MAX;
	size_t k = t0, lim = s->t1;
	int prep = 0, of = 0;
	while (k > s->t0 && is_adverb_gap(v, k - 1, lim))
		k--;
	if (k > s->t0 && (lex_word_is(v, k - 1, lim, "to") || lex_word_is(v, k - 1, lim, "at"))) {
		prep = 1;
		k--;
	} else if (k > s->t0 + 1 && lex_word_is(v, k - 1, lim, "from") &&
		   level_verb_at(v, k - 2, lim) && to_number_after(v, t1, lim)) {
		/* the earlier level of a move told from one level to the
		 * next: "the toll rose from 40 to 65" (at 40) */
		prep = 1;
		k--;
		l->from = k;
	} else if (k > s->t0 && lex_word_is(v, k - 1, lim, "of")) {
		of = 1;
		k--;
	}
	while (k > s->t0 && is_adverb_gap(v, k - 1, lim))
		k--;
	if (k == s->t0)
		return 0;
	size_t p = k - 1;
	const lex_entry *lv = of ? NULL : level_verb_at(v, p, lim);
	/* "net profit fell 58% to $112m": past the change to its verb */
	if (!lv && prep && !lex_word_is(v, k, lim, "at")) {
		size_t q = p;
		while (q > s->t0 && p - q < 4 && TOK(q)->type != TK_NUM)
			q--;
		while (q > s->t0 &&
		       (TOK(q - 1)->type == TK_NUM ||
			(q > s->t0 + 1 && TOK(q - 2)->type == TK_NUM && lex_glued(v, q - 1) &&
			 (lex_punct(v, q - 1, lim, '.') || lex_punct(v, q - 1, lim, ',')))))
			q--;
		if (TOK(q)->type == TK_NUM && q > s->t0 && (lv = level_verb_at(v, q - 1, lim)))
			p = q - 1;
		/* "rose from 40 to 65", "from four to six": past the earlier
		 * level to its verb */
		else {
			size_t f = from_before(v, s, k);
			if (f != SIZE_MAX)
				l->to = k; /* whatever the verb: "went from 112 to 164" */
			if (f != SIZE_MAX && f > s->t0 && (lv = level_verb_at(v, f - 1, lim)))
				p = f - 1;
		}
	}
	if (lv) {
		/* the subject holds the count: "the death toll reached" */
		l->verb = p;
		int be = strcmp(lv->cat == LEX_VERB ? lv->a : "", "be") == 0;
		if (!be && lv->a && strcmp(lv->a, "exact") != 0)
			l->hedge = lv->a;
		/* auxiliaries, modals and adverbs before the verb: "has
		 * risen", "could reach", "is now expected to pass" */
		size_t q = p;
		while (q > s->t0) {
			lex_vclass c = verb_class(v, q - 1, lim, NULL);
			/* not a word coordinated with a participle before
			 * it: "the tornadoes it considers confirmed or likely
			 * now stands at 44" */
			int fc = lex_has(v, q - 1, LEX_BIT(LEX_FORECAST)) &&
				 !(q > s->t0 + 2 &&
				   (lex_word_is(v, q - 2, lim, "or") ||
				    lex_word_is(v, q - 2, lim, "and")) &&
				   (ed_word(v, q - 3) || past_verb(v, q - 3)));
			if (!(fc || is_adverb_gap(v, q - 1, lim) ||
			      lex_word_is(v, q - 1, lim, "to") ||
			      (c && (c == LEX_VC_AUX || c == LEX_VC_HAVE || c == LEX_VC_FORECAST))))
				break;
			q--;
			if (fc && !lex_word_is(v, q, lim, "will"))
				l->modal = 1;
		}
		if (q == s->t0 || !count_holder(v, s, q - 1, l)) {
			/* a plain plural noun right before the verb group
			 * counts itself when the verb sets a level ("to", "at")
			 * or a bound: "pledges passed 100,000", "requests have
			 * topped 2,000", "applications rose to 6,300" (not one a
			 * number counts: "350 pledges rose ...", nor a noun of
			 * an amount: "prices", "temperatures fell to", nor
			 * "stocks fell 3", "tremors measured 4.5") */
			if (!be && !(lv->cat == LEX_LEVEL && lv->value == 1) &&
			    (prep || l->hedge) && strcmp(lv->phrase, "measure") != 0 && q > s->t0 &&
			    counting_subject(v, s, q - 1)) {
				l->noun = q - 1;
				return 1;
			}
			return be ? 0 : (l->hedge || l->modal);
		}
		/* "is at" holds a level only for a tally: "the index is now
		 * at 358" (not "the blast was at 3am") */
		if (be && prep && !l->tally)
			return 0;
		return 1;
	}
	/* the object holds the count: "raising the toll to 58", "a toll of
	 * 58" */
	if (!prep && !of)
		return 0;
	size_t st;
	const lex_entry *te = lex_has(v, p, LEX_BIT(LEX_TALLY))
				      ? lex_match_ending(v, s->t0, p, LEX_BIT(LEX_TALLY), &st)
				      : NULL;
	if (!te && prep)
		return attribute_object(v, s, p, l);
	if (!te)
		return 0;
	l->tally = te;
	if (st > s->t0) {
		const lex_entry *ae = one_of(v, st - 1, lim, LEX_NOUNPRED);
		if (ae) { /* "the casualty count of 40" */
			l->act = ae;
			l->act_tok = st - 1;
		}
	}
	if (prep) {
		size_t q = st;
		/* past determiners and a possessive: "raising the
		 * country's death toll to 48" */
		while (q > s->t0 && (det_like(v, q - 1, lim) ||
				     (q > s->t0 + 1 && tok_is(v->text, TOK(q - 1), "'s"))))
			q -= det_like(v, q - 1, lim) ? 1 : 2;
		if (q == s->t0 || !(lv = level_verb_at(v, q - 1, lim)))
			return 0;
		l->verb = q - 1;
	}
	return 1;
}

/* The plural noun of an of-phrase that opens at token q, past up to two
 * modifiers in lower case ("of marchers", "of poultry farms", "of civil
 * service posts"), or SIZE_MAX. */
static size_t of_phrase_noun(const lex_view *v, size_t q, size_t lim)
{
	for (size_t e = q; e < lim && e < q + 3; e++) {
		if (plural_noun_at(v, e, lim))
			return e;
		if (TOK(e)->type != TK_WORD || (TOK(e)->flags & TF_UPPER) ||
		    lex_has(v, e, LEX_BIT(LEX_STOP)) || verb_class(v, e, lim, NULL))
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* A tally's of-phrase from token q, the token after "of": its plural
 * noun past up to two modifiers (tokens *first to *noun), and into *act
 * the act a participle names right before the noun or right after it,
 * ending its phrase (a phrase of the lexicon, or a word before a function
 * word or a verb: "of escaped prisoners", "of farms infected with the
 * virus", "of workers sent home"), else NULL.  0 when it has no such
 * noun. */
static int tally_of_phrase(const lex_view *v, size_t q, size_t lim, size_t *first, size_t *noun,
			   const lex_entry **act)
{
	const lex_entry *ae = act_participle(v, q, lim);
	if (ae)
		q++;
	size_t n = of_phrase_noun(v, q, lim);
	if (n == SIZE_MAX)
		return 0;
	size_t len = 1;
	if (!ae && (ae = act_participle(v, n + 1, lim)) != NULL &&
	    (!lex_match(v, n + 1, lim, LEX_BIT(LEX_VERB), &len) ||
	     !(len > 1 || verb_follower(v, n + 1 + len, lim) ||
	       verb_class(v, n + 1 + len, lim, NULL))))
		ae = NULL;
	*first = q;
	*noun = n;
	*act = ae;
	return 1;
}

/* Is expression x a number and a unit joined by a hyphen ("five-day",
 * "30-litre") before a noun in lower case, which it modifies? */
static int hyphen_modifier(const lex_view *v, const expr *x, size_t lim)
{
	if (x->t1 - x->t0 < 3 || x->t1 >= lim || !is_dash(v, x->t1 - 2, lim) ||
	    !lex_glued(v, x->t1 - 2) || !lex_glued(v, x->t1 - 1))
		return 0;
	const tok *n = TOK(x->t1);
	return n->type == TK_WORD && !(n->flags & TF_UPPER) &&
	       !lex_has(v, x->t1, LEX_BIT(LEX_STOP)) && !verb_class(v, x->t1, lim, NULL);
}

/* Is "to" or "in", then "hospital" or "the hospital", within the four
 * tokens from k (past the counted noun, with no verb or punctuation
 * before it)?  Patients go to hospital; supplies and staff are sent to
 * "hospitals" or "a hospital". */
static int to_hospital(const lex_view *v, size_t k, size_t lim)
{
	for (size_t q = k; q < lim && q < k + 4; q++) {
		if (lex_word_is(v, q, lim, "to") || lex_word_is(v, q, lim, "in")) {
			size_t h = q + 1;
			if (lex_word_is(v, h, lim, "the"))
				h++;
			return lex_word_is(v, h, lim, "hospital");
		}
		if (TOK(q)->type != TK_WORD || verb_class(v, q, lim, NULL))
			return 0;
	}
	return 0;
}

/* Is the figure's subject clause, from k (past the figure and its noun),
 * a verb that moves its subject, then "to hospital" or "to the hospital",
 * within seven words and no punctuation: a passive of any verb ("nine
 * were ferried to the hospital", "12 had to be taken to hospital") or "go"
 * to hospital with no article ("23 went to hospital"); not with a purpose
 * after it ("walked to hospital to donate blood"), nor of those who
 * travelled or walked there themselves? */
static int went_to_hospital(const lex_view *v, size_t k, size_t lim)
{
	for (size_t q = k + 1; q < lim && q < k + 8; q++) {
		if (TOK(q - 1)->type != TK_WORD)
			return 0;
		if (!lex_word_is(v, q, lim, "to"))
			continue;
		const lex_entry *ve = NULL;
		if (!(verb_class(v, q - 1, lim, &ve) || ed_word(v, q - 1) || past_verb(v, q - 1)))
			continue;
		size_t h = lex_word_is(v, q + 1, lim, "the") ? q + 2 : q + 1;
		if (!to_hospital(v, q, lim) ||
		    (lex_word_is(v, h + 1, lim, "to") && verb_class(v, h + 2, lim, NULL)))
			return 0;
		int passive = 0;
		for (size_t b = q - 1; b > k && b + 4 > q && !passive;)
			passive = cue_at(v, --b, lim, LEX_ROLE_BE_FORM);
		return passive || (ve && strcmp(ve->a, "go") == 0 && h == q + 1);
	}
	return 0;
}

/* Is token q a word of dispute (CUE role dispute, a phrase or the word
 * alone: "first reported", "nearer") that may stand where it does, before
 * the figure or (after) after it? */
static int dispute_at(const lex_view *v, size_t q, size_t lim, int after)
{
	size_t len;
	const lex_entry *e = lex_match(v, q, lim, LEX_BIT(LEX_CUE), &len);
	if (!e || !(e->roles2 & LEX_ROLE2_DISPUTE))
		e = lex_word_at(v, q, lim, LEX_BIT(LEX_CUE));
	if (!e || !(e->roles2 & LEX_ROLE2_DISPUTE))
		return 0;
	/* a word of value 1 (an adjective, a noun) only after a
	 * determiner: "the real total", "its estimate of" (not "real
	 * wages", "officials estimate"); of value 2 (a verb of claiming)
	 * only after the figure: "not the 30% the ministry claims" (not
	 * "the disease claims 40 lives") */
	return (e->value != 1 || (q > 0 && det_like(v, q - 1, lim))) && (e->value != 2 || after);
}

/* Does a word that disputes or corrects an amount stand in the figure's
 * clause, within six words before it or three after, with no punctuation
 * but a hyphen or a quote between: "the real total was $1.3bn", "nearer
 * $600m", "the EUR80m first reported"? */
static int disputed_near(const lex_view *v, const sent *s, const expr *x)
{
	for (size_t q = x->t0; q > s->t0 && q + 6 > x->t0;) {
		q--;
		if (TOK(q)->type == TK_PUNCT && !strchr("-\"'", v->text[TOK(q)->start]))
			break;
		if (dispute_at(v, q, s->t1, 0))
			return 1;
	}
	for (size_t q = x->t1; q < s->t1 && q < x->t1 + 3; q++) {
		if (TOK(q)->type == TK_PUNCT)
			break;
		if (dispute_at(v, q, s->t1, 1))
			return 1;
	}
	return 0;
}

/* What the figure cf measures, from a level it gives or its predicate;
 * fills in the counted unit of a tally ("the death toll reached 2,310":
 * people), its act as the predicate, and a bound the verb gives. */
static int figure_measure(const lex_view *v, const sent *s, const expr *x, corro_figure *cf,
			  int noun, size_t pred_tok, arena *a, size_t *from, size_t *to)
{
	const char *measure = NULL;
	char sg[64];
	level l;
	noun = noun || x->unit;
	int lev = read_level(v, s, x->t0, x->t1, &l);
	*from = l.from;
	*to = l.to;
	if (lev) {
		const char *unit = NULL;
		if (l.act) {
			measure = measure_of(l.act->a);
			unit = l.act->b;
			if (!noun)
				cf->predicate = l.act->a;
			/* "the number of displaced people": the noun after */
			size_t q = l.act_tok + 1;
			if (q < s->t1 && plural_noun_at(v, q, s->t1)) {
				fig_singular(v->text + TOK(q)->start, TOK(q)->end - TOK(q)->start,
					     sg, sizeof sg);
				unit = sg;
			} else if (!unit && plural_form(v, l.act_tok)) {
				fig_singular(v->text + TOK(l.act_tok)->start,
					     TOK(l.act_tok)->end - TOK(l.act_tok)->start, sg,
					     sizeof sg);
				unit = sg;
			}
		}
		if (l.scale && !x->unit) {
			/* "put the magnitude at 6.1" */
			cf->unit = l.scale->a;
			cf->kind = "scale";
			measure = l.scale->b;
			noun = 1;
		}
		if (l.rel && !l.act) {
			measure = measure_of(l.rel);
			if (!noun)
				cf->predicate = l.rel;
			if (l.rel_noun != SIZE_MAX) {
				fig_singular(v->text + TOK(l.rel_noun)->start,
					     TOK(l.rel_noun)->end - TOK(l.rel_noun)->start, sg,
					     sizeof sg);
				unit = sg;
			}
		}
		if (!measure && l.tally)
			measure = l.tally->a;
		/* "put the number of demonstrators at 18,000", "the number
		 * of poultry farms has risen to 14": the plural noun of the
		 * tally's of-phrase, with its modifiers; a participle of an
		 * act before or after it says what befell them ("the number of
		 * escaped prisoners", "of farms infected with the virus") */
		size_t q, of_noun;
		const lex_entry *ae;
		if (!unit && l.tally && l.tally_tok != SIZE_MAX &&
		    lex_word_is(v, l.tally_tok + 1, s->t1, "of") &&
		    tally_of_phrase(v, l.tally_tok + 2, s->t1, &q, &of_noun, &ae)) {
			fig_singular(v->text + TOK(q)->start, TOK(of_noun)->end - TOK(q)->start, sg,
				     sizeof sg);
			unit = sg[0] ? sg : NULL;
			/* and those words are the counted phrase, as they
			 * would be after the number */
			if (!noun && unit && cf->what.end == cf->what.start) {
				cf->what.start = TOK(q)->start;
				cf->what.end = TOK(of_noun)->end;
			}
			if (ae) {
				measure = measure_of(ae->a);
				if (!noun)
					cf->predicate = ae->a;
			}
		}
		/* the verb that moved a tally of no act to its level is
		 * none of what it counts: "the number of villages under
		 * water has risen to 19" is a count of villages, not a
		 * change */
		if (!measure && l.tally && !l.act && !l.rel && l.verb != SIZE_MAX &&
		    pred_tok == l.verb)
			cf->predicate = NULL;
		/* a plain noun that counts itself: "pledges passed 100,000"
		 * counts pledges, and its verb only set their level */
		if (!unit && !l.tally && !l.act && !l.rel && l.noun != SIZE_MAX && !noun) {
			fig_singular(v->text + TOK(l.noun)->start,
				     TOK(l.noun)->end - TOK(l.noun)->start, sg, sizeof sg);
			unit = sg[0] ? sg : NULL;
			if (unit && cf->what.end == cf->what.start) {
				cf->what.start = TOK(l.noun)->start;
				cf->what.end = TOK(l.noun)->end;
			}
			const char *vm = measure_of(cf->predicate);
			if (pred_tok == l.verb && (!vm || strcmp(vm, "change") == 0))
				cf->predicate = NULL; /* not "crossed": deployed */
		}
		/* the tally's own unit when its of-phrase names none: "the
		 * toll" counts people, "the population of wolves" wolves */
		if (!unit && l.tally)
			unit = l.tally->b;
		if (!noun && unit) {
			if (!(cf->unit = arena_strndup(a, unit, strlen(unit))))
				return -1;
			cf->kind = "count";
		}
		int own = x->has_hedge || x->is_range || x->change;
		if (!own && (l.act || l.tally || !noun)) {
			const char *h = l.modal ? "at_most" : l.hedge;
			if (h && strcmp(h, "at_least") == 0) {
				cf->hedge = CORRO_HEDGE_AT_LEAST;
				cf->low = cf->value;
				cf->high = NAN;
			} else if (h && strcmp(h, "at_most") == 0) {
				cf->hedge = CORRO_HEDGE_AT_MOST;
				cf->low = NAN;
				cf->high = cf->value;
			}
			if (l.modal)
				cf->forecast = 1;
		}
	}
	if (!measure)
		measure = measure_of(cf->predicate);
	/* "40,000 farmers joined the march", "joined Tuesday's general
	 * strike": people attending (the occasion after determiners, a
	 * possessive and modifiers) */
	if (pred_tok != SIZE_MAX && pred_tok > x->t0 &&
	    (!measure || strcmp(measure, "deploy") == 0 || strcmp(measure, "attend") == 0)) {
		for (size_t q = pred_tok + 1; q < s->t1 && q < pred_tok + 6; q++) {
			if (one_of(v, q, s->t1, LEX_GATHER)) {
				measure = measure_of("attend");
				break;
			}
			if (det_like(v, q, s->t1) || tok_is(v->text, TOK(q), "'s"))
				continue;
			/* a hyphenated modifier: "the 48-hour strike" */
			if (q + 2 < s->t1 && is_hyphen(v, q + 1, s->t1) && lex_glued(v, q + 1) &&
			    lex_glued(v, q + 2)) {
				q += 2;
				continue;
			}
			const lex_entry *ve = NULL;
			if (TOK(q)->type != TK_WORD || lex_has(v, q, LEX_BIT(LEX_STOP)) ||
			    verb_class(v, q, s->t1, &ve)) {
				/* "a general strike" is a phrase of attending */
				const char *mq = ve ? measure_of(ve->a) : NULL;
				if (mq && strcmp(mq, "attend") == 0)
					measure = mq;
				break;
			}
		}
	}
	cf->measure = measure;
	return 0;
}

/* The noun whose value a measurement gives (data/words.tsv CUE role
 * attribute; or the name of the measurement's own kind, CUE role state:
 * "a temperature of 46C"): "a depth of 10 km", "sustained winds of 185
 * km/h", "the depth, about 12 km,", "demand peaked at 58.4 GW", "pushed
 * demand to nearly 60 GW", "the ransom was $5m".  Looks left of the figure
 * [t0, t1), within its clause and at most six words, through "of", "at"
 * and "to", determiners, adverbs, auxiliaries, verbs that set a level and
 * modifiers after a determiner ("a blistering 44C"); a comma only right
 * before the figure, after a determiner and the noun, with a comma or the
 * clause's end after the figure (an apposition).  The noun is no verb: not
 * right before the figure ("investors demand 12%") nor after a modal or
 * "to" ("will yield 4 million tonnes").  Returns the measure or NULL. */
/* The measure the attribute word at q names: a noun (after 0) or an
 * adjective right after a length (after 1: "30 metres deep", "20 metres
 * across"; CUE role attribute, value 1), or NULL. */
static const char *attribute_word_at(const lex_view *v, size_t q, size_t lim, int after)
{
	const lex_entry *e = one_of(v, q, lim, LEX_CUE);
	if (!e || !(e->roles & LEX_ROLE_ATTRIBUTE) || (e->value == 1) != after)
		return NULL;
	/* the adjective ends the phrase: not "spread 20 km across the
	 * valley" */
	if (after && ((TOK(q)->flags & TF_UPPER) ||
		      (q + 1 < lim &&
		       (det_like(v, q + 1, lim) || cue_at(v, q + 1, lim, LEX_ROLE_DETERMINER)))))
		return NULL;
	return e->b;
}

static const char *attribute_at(const lex_view *v, size_t q, size_t lim)
{
	return attribute_word_at(v, q, lim, 0);
}

static const char *attribute_before(const lex_view *v, const sent *s, size_t t0, size_t t1,
				    const char *kind, size_t *at)
{
	size_t lim = s->t1;
	int comma = 0;
	for (size_t q = t0, steps = 0; q-- > s->t0 && steps < 6; steps++) {
		*at = q;
		const tok *t = TOK(q);
		const char *m = attribute_at(v, q, lim);
		if (!m && kind && cue_at(v, q, lim, LEX_ROLE_STATE) && tok_is(v->text, t, kind))
			m = kind;
		if (m) {
			size_t fl;
			if (q + 1 == t0 ||
			    (q > s->t0 && (lex_word_is(v, q - 1, lim, "to") ||
					   /* a whole cue: "is to", not "is worth" */
					   lex_match(v, q - 1, lim, LEX_BIT(LEX_FORECAST), &fl))))
				return NULL;
			if (comma && !(q > s->t0 && (det_like(v, q - 1, lim) ||
						     cue_at(v, q - 1, lim, LEX_ROLE_DETERMINER))))
				return NULL;
			return m;
		}
		if (t->type == TK_PUNCT && t->cp == ',' && q + 1 == t0 &&
		    (t1 >= lim || lex_punct(v, t1, lim, ',') || lex_punct(v, t1, lim, '.'))) {
			comma = 1;
			continue;
		}
		if (t->type != TK_WORD || comma)
			return NULL;
		lex_vclass c = verb_class(v, q, lim, NULL);
		if (lex_word_is(v, q, lim, "of") || lex_word_is(v, q, lim, "at") ||
		    lex_word_is(v, q, lim, "to") || det_like(v, q, lim) ||
		    is_adverb_gap(v, q, lim) || level_verb_at(v, q, lim) ||
		    (c && (c == LEX_VC_AUX || c == LEX_VC_HAVE)) ||
		    /* a verb whose level follows: "peaked at", "climbed to" */
		    ((c || (!(t->flags & TF_UPPER) && adjective_like(v, q))) &&
		     (lex_word_is(v, q + 1, lim, "at") || lex_word_is(v, q + 1, lim, "to"))))
			continue;
		/* a modifier inside the noun phrase: "a blistering 44C" */
		if (!(t->flags & TF_UPPER) && !lex_has(v, q, LEX_BIT(LEX_STOP)) && !c &&
		    q > s->t0 &&
		    (det_like(v, q - 1, lim) || cue_at(v, q - 1, lim, LEX_ROLE_DETERMINER)) &&
		    adjective_like(v, q))
			continue;
		return NULL;
	}
	return NULL;
}

/* What a figure that counts no noun of its own gives the level, rate or
 * share of: the noun of CUE role level_of that is the subject of the verb
 * group before it ("the pass rate was 81.4%", "rents rose to $1,450",
 * "house prices, which stood at $412,000", "the rate crept up to 5%") or
 * that has "of" right before it ("a jobless rate of 5.1%"), with its
 * of-phrase ("the share of top grades fell to 12.6%").  The figure after
 * "from" of a figure that has one is of the same ("rose to 81.4% from
 * 79.8%").  Its name is the noun and the word before it, unless that word
 * only qualifies it ("the average price": "price"), lowercase and
 * singular, with the noun of its of-phrase: "pass rate", "share of
 * grade".  Not a bare noun after a determiner or an owner, nor any bare
 * noun of a figure of a named mover (owned).  Sets cf->of and
 * cf->of_span; -1 when memory runs out. */
static int level_of(const lex_view *v, const sent *s, const fig_list *out, size_t first_fig,
		    const expr *x, int owned, corro_figure *cf, arena *a)
{
	size_t lim = s->t1;
	if (cf->what.end > cf->what.start ||
	    !(!cf->kind || strcmp(cf->kind, "percent") == 0 || strcmp(cf->kind, "currency") == 0 ||
	      strcmp(cf->kind, "ratio") == 0 ||
	      (cf->unit &&
	       (strcmp(cf->unit, "point") == 0 || strcmp(cf->unit, "percentage point") == 0))))
		return 0;
	if (x->t0 > s->t0 && lex_word_is(v, x->t0 - 1, lim, "from") && out->n > first_fig) {
		const fig *pf = &out->v[out->n - 1];
		if (pf->f.of && pf->t1 < x->t0 && pf->f.kind == cf->kind) {
			cf->of = pf->f.of;
			cf->of_span = pf->f.of_span;
			return 0;
		}
	}
	size_t head = SIZE_MAX, last = SIZE_MAX, noun = SIZE_MAX;
	size_t before = out->n; /* the figures of the sentence before it */
	for (size_t q = x->t0, steps = 0; q > s->t0 && steps < 7; q--, steps++) {
		size_t p = q - 1;
		const tok *t = TOK(p);
		/* past an earlier figure of the move: "rose from 4.2% to
		 * 4.4%", "rose 0.2 points to 4.4%" */
		while (before > first_fig && out->v[before - 1].t0 > p)
			before--;
		if (before > first_fig &&
		    (out->v[before - 1].t1 > p || out->v[before - 1].what1 > p)) {
			q = out->v[before - 1].t0 + 1;
			continue;
		}
		/* a level's noun right before the figure gives a move of it
		 * ("raises minimum wage 15%"), not its level */
		if (level_word(v, p, lim, 1)) {
			if (p + 1 == x->t0)
				return 0;
			head = last = p;
			break;
		}
		/* ", which stood at" */
		if (t->type == TK_PUNCT && t->cp == ',' && p + 1 < x->t0 &&
		    (lex_word_is(v, p + 1, lim, "which") || lex_word_is(v, p + 1, lim, "that")))
			continue;
		if (t->type != TK_WORD)
			return 0;
		/* "raised its rate by 500 basis points": a move of it, which
		 * a figure of a move says itself */
		if (lex_word_is(v, p, lim, "by") && !x->change)
			return 0;
		if (lex_word_is(v, p, lim, "of") || lex_word_is(v, p, lim, "at") ||
		    lex_word_is(v, p, lim, "to") || lex_word_is(v, p, lim, "by") ||
		    lex_word_is(v, p, lim, "from") || lex_word_is(v, p, lim, "up") ||
		    lex_word_is(v, p, lim, "down") || lex_word_is(v, p, lim, "which") ||
		    lex_word_is(v, p, lim, "that") || det_like(v, p, lim) ||
		    is_adverb_gap(v, p, lim) || level_verb_at(v, p, lim) ||
		    verb_class(v, p, lim, NULL) || (ed_word(v, p) && !(t->flags & TF_UPPER)))
			continue;
		/* past the of-phrase of a level's noun, named with it: "the
		 * share of top grades", "the proportion of results awarded
		 * the top grade" */
		for (size_t r = p; r-- > s->t0 && p - r < 7 && TOK(r)->type == TK_WORD;) {
			if (lex_word_is(v, r, lim, "of") && r > s->t0 &&
			    level_word(v, r - 1, lim, 1)) {
				/* named by the phrase's last plural, or its last
				 * word: "the share of top grades", "of trains
				 * running late", "the top rate of income tax" */
				head = r - 1;
				last = noun = p;
				for (size_t u = p; u > r; u--)
					if (plural_noun_at(v, u, lim)) {
						noun = u;
						break;
					}
				break;
			}
			if (lex_word_is(v, r, lim, "which") || lex_word_is(v, r, lim, "that") ||
			    lex_word_is(v, r, lim, "who"))
				break;
		}
		break;
	}
	if (head == SIZE_MAX)
		return 0;
	size_t first = head;
	if (head > s->t0) {
		size_t m = head - 1;
		const tok *t = TOK(m);
		/* a verb's form names it only inside the noun phrase:
		 * "the pass rate", "average house prices", not "raised
		 * rates" */
		int inside = m == s->t0 || det_like(v, m - 1, lim) ||
			     level_word(v, m - 1, lim, 0) || TOK(m - 1)->type == TK_PUNCT ||
			     lex_has(v, m - 1, LEX_BIT(LEX_SCOPE)) ||
			     (lex_has(v, m - 1, LEX_BIT(LEX_STOP)) &&
			      !lex_has(v, m - 1, LEX_BIT(LEX_FORECAST)) &&
			      !lex_word_is(v, m - 1, lim, "to") && !ed_word(v, m) &&
			      !past_verb(v, m));
		/* a counted plural is a noun of its own ("18 months prices
		 * slid"; not "the savings rate"), a possessive's "s" none
		 * ("the government's rate") */
		/* a capital only opening its sentence or a clause, and no
		 * place's: "Mortgage rates climbed to 7.1%" */
		int cap_ok = !(t->flags & TF_UPPER) ||
			     ((m == s->t0 || TOK(m - 1)->type == TK_PUNCT) &&
			      !lex_has(v, m, LEX_BIT(LEX_PLACE)) && !camel_case(v, m));
		if (t->type == TK_WORD && cap_ok &&
		    !(plural_form(v, m) && m > s->t0 && TOK(m - 1)->type == TK_NUM) &&
		    t->end - t->start > 1 && v->text[t->start] != '\'' &&
		    (unsigned char)v->text[t->start] < 0x80 &&
		    !lex_has(v, m, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_SCOPE)) &&
		    !det_like(v, m, lim) && !level_word(v, m, lim, 0) &&
		    (inside || !verb_class(v, m, lim, NULL)) &&
		    !(m > s->t0 && TOK(m - 1)->type == TK_PUNCT && TOK(m - 1)->cp == '-' &&
		      lex_glued(v, m)))
			first = m;
	}
	/* a bare noun of a level, after a determiner or an owner, stands
	 * for one named before: "the index fell 8%", "the ministry's rate of
	 * 4.50 euros" (not "prices rose 2%"); of a named mover (owned) it
	 * says no more than the mover ("the ASX index fell 2%") */
	if (first == head && last == head &&
	    (owned || (head > s->t0 &&
		       (det_like(v, head - 1, lim) || tok_is(v->text, TOK(head - 1), "'s") ||
			tok_is(v->text, TOK(head - 1), "\u2019s") ||
			cue_at(v, head - 1, lim, LEX_ROLE_DETERMINER | LEX_ROLE_POSSESSIVE)))))
		return 0;
	/* the modifier as written, in lower case ("savings rate"), the
	 * head and the of-phrase's noun singular; a rate of something is
	 * that thing's rate ("the rate of inflation": "inflation rate") */
	char name[160], w[64], hw[64];
	size_t o = 0;
	name[0] = '\0';
	if (first < head && tok_lower(v->text, TOK(first), w, sizeof w))
		o = ascii_cat(name, sizeof name, ascii_cat(name, sizeof name, o, w), " ");
	if (!tok_singular(v, head, lim, hw, sizeof hw))
		return 0;
	if (noun != SIZE_MAX && tok_singular(v, noun, lim, w, sizeof w)) {
		if (strcmp(hw, "rate") == 0)
			o = ascii_cat(name, sizeof name, ascii_cat(name, sizeof name, o, w),
				      " rate");
		else
			o = ascii_cat(name, sizeof name,
				      ascii_cat(name, sizeof name,
						ascii_cat(name, sizeof name, o, hw), " of "),
				      w);
	} else {
		o = ascii_cat(name, sizeof name, o, hw);
	}
	if (!(cf->of = arena_strndup(a, name, o)))
		return -1;
	cf->of_span.start = TOK(first)->start;
	cf->of_span.end = TOK(last)->end;
	return 0;
}

/* A share of voters who voted, for nothing named, is a turnout: "61% of
 * registered voters had cast a ballot", "two-thirds of the electorate
 * voted by noon": the vote ends its clause or a time or a word of CUE
 * role turnout (data/words.tsv: by, when, in, ...) follows it.  Anything
 * else is what they voted for: "54% voted yes", "voted leave", "voted to
 * strike", "voted Labour". */
static int turnout_share(const lex_view *v, const sent *s, const expr *x, const corro_figure *cf,
			 size_t pred_tok)
{
	size_t lim = s->t1, len;
	if (!cf->measure || strcmp(cf->measure, "vote") != 0 || !cf->kind ||
	    (strcmp(cf->kind, "percent") != 0 && strcmp(cf->kind, "fraction") != 0) ||
	    pred_tok == SIZE_MAX || pred_tok < x->t1 ||
	    !lex_match(v, pred_tok, lim, LEX_BIT(LEX_VERB), &len))
		return 0;
	size_t q = pred_tok + len;
	while (q < lim && is_adverb_gap(v, q, lim))
		q++;
	/* the clause ends, or a time or a place follows ("had voted by
	 * noon", "voted in the capital"): else it voted for something
	 * ("voted leave", "voted down the proposal") */
	if (q >= lim || TOK(q)->type == TK_PUNCT || lex_has(v, q, LEX_BIT(LEX_TIME)))
		return 1;
	const lex_entry *e = lex_match(v, q, lim, LEX_BIT(LEX_CUE), &len);
	return e && (e->roles & LEX_ROLE_TURNOUT);
}

/* The last figure of out from first on that is no modifier, duration or
 * age ("the 300-seat assembly", "the 24-hour strike" are none of the
 * counts a clause compares), or NULL. */
static const fig *last_clause_fig(const fig_list *out, size_t first)
{
	for (size_t n = out->n; n > first; n--) {
		const fig *f = &out->v[n - 1];
		if (!f->modifier && !(f->f.kind && (strcmp(f->f.kind, "duration") == 0 ||
						    strcmp(f->f.kind, "age") == 0)))
			return f;
	}
	return NULL;
}

/* The count a bare figure of another source answers: a figure with no
 * unit, kind or measure, attributed to a source, right after a count of
 * a different source (or of none) in its sentence or the one before:
 * "unions said 480,000 public employees took part, while the government
 * put the number at 190,000", "The unions say 480,000 walked out. The
 * ministry says 190,000."  A tally that names nothing it counts ("put the
 * number at 96,000", "the real number is above 50") refers to the last
 * count up to three sentences back, with a source or none.  The answer
 * counts what the first counts.  NULL when there is none. */
/* Is there a tally noun after a determiner ("the number", "its count",
 * "the real number"; not the verb "numbered") among the six tokens before
 * token t0 of the sentence? */
static int tally_before(const lex_view *v, const sent *s, size_t t0)
{
	for (size_t k = t0; k > s->t0 + 1 && t0 - k < 6;)
		if (lex_has(v, --k, LEX_BIT(LEX_TALLY)) && !(TOK(k)->flags & TF_UPPER) &&
		    (det_like(v, k - 1, s->t1) ||
		     (k > s->t0 + 1 && det_like(v, k - 2, s->t1) && TOK(k - 1)->type == TK_WORD)))
			return 1;
	return 0;
}

/* The figure whose measure a tally of one word with a unit of its own
 * takes: "puts the damage at EUR1.4bn ... the true figure is between EUR2bn
 * and EUR2.5bn", "the real total was 73 farms".  A tally noun after a
 * determiner, with no of-phrase of its own ("the number of villages under
 * water" names what it counts), before a figure with no measure: the last
 * figure up to three sentences back, when it is of the same unit and has a
 * measure. */
static const fig *tally_of_unit(const lex_view *v, const sent *s, size_t t0, const fig_list *out,
				size_t sentence_index, const corro_figure *cf)
{
	if (cf->measure || !cf->unit || !cf->kind || !tally_before(v, s, t0))
		return NULL;
	for (size_t k = t0; k > s->t0 && t0 - k < 6; k--)
		if (lex_word_is(v, k - 1, s->t1, "of"))
			return NULL;
	const fig *pf = last_clause_fig(out, 0);
	if (!pf || pf->f.sentence_index + 3 < sentence_index || !pf->f.measure || !pf->f.unit ||
	    strcmp(pf->f.unit, cf->unit) != 0)
		return NULL;
	return pf;
}

static const fig *rival_of(const lex_view *v, const sent *s, size_t t0, size_t after,
			   const fig_list *out, size_t sentence_index, const corro_figure *cf)
{
	/* "put the number at": a tally that names nothing counts nothing
	 * (a tally noun before it, not the verb "numbered") */
	const fig *lf = last_clause_fig(out, 0);
	int tally = (!cf->measure || strcmp(cf->measure, "number") == 0 ||
		     (lf && lf->f.measure && strcmp(lf->f.measure, cf->measure) == 0)) &&
		    tally_before(v, s, t0);
	/* a verb after it, known or not, says what it counts ("12 were
	 * later released"); after a tally's level it is an adjunct ("at
	 * 96,000 at the peak") */
	if (!tally && after < s->t1 && TOK(after)->type == TK_WORD &&
	    !lex_punct(v, after, s->t1, ','))
		return NULL;
	int said = (!cf->measure && !cf->predicate) || tally;
	const fig *pf = last_clause_fig(out, 0);
	if (cf->unit || cf->kind || !said || (!cf->source && !tally) || !pf || cf->value < 2)
		return NULL;
	/* a tally may be of a sum within twenty times it: "puts the figure
	 * at 21 billion" (not "at 2,500" after "$400,000") */
	int sum = tally && strcmp(pf->f.kind ? pf->f.kind : "", "currency") == 0 &&
		  cf->value * 20 >= pf->f.value && cf->value <= pf->f.value * 20;
	if (pf->f.sentence_index + (tally ? 3 : 1) < sentence_index || !pf->f.unit || !pf->f.kind ||
	    (strcmp(pf->f.kind, "count") != 0 && !sum) ||
	    (!tally && ((!pf->f.measure && !pf->f.predicate) || pf->f.forecast != cf->forecast)))
		return NULL;
	/* a rival is another source's; a tally may be the same source's
	 * ("... and the number could reach 5 million") */
	if (!tally && pf->f.source && cf->source && strcmp(pf->f.source, cf->source) == 0)
		return NULL;
	return pf;
}

/* May a figure with no counted phrase take the unit of the figure pf
 * before it?  Only when the two are coordinated: in a list ("3, 4 or 5
 * people", "between 5 and 7 km", "12 and 15 people") or as the subject of
 * a coordinated clause whose noun is elided ("3,000 soldiers are training
 * and more than 10,000 are expected").  A figure after a verb or a
 * preposition of its own ("the toll from Sunday's 6.3 quake passed 120")
 * measures what its own clause says, not the noun of another figure. */
/* The token after a place right at j (before lim): a whole-area word
 * ("nationwide", "across the country") or "in" or "across" with "the" and
 * up to four capitalised words or a kind of place ("in Orlesk", "in the
 * capital", "across the Kessel valley"); j when there is none. */
static size_t place_after(const lex_view *v, size_t j, size_t lim)
{
	size_t len;
	if (lex_has(v, j, LEX_BIT(LEX_SCOPE)) && lex_match(v, j, lim, LEX_BIT(LEX_SCOPE), &len))
		return j + len;
	if (!lex_word_is(v, j, lim, "in") && !lex_word_is(v, j, lim, "across"))
		return j;
	size_t k = j + 1 + lex_word_is(v, j + 1, lim, "the"), k0 = k;
	while (k < lim && k - k0 < 4 && TOK(k)->type == TK_WORD &&
	       ((TOK(k)->flags & TF_UPPER) || lex_has(v, k, LEX_BIT(LEX_PLACENOUN))))
		k++;
	return k > k0 ? k : j;
}

static int listed(const lex_view *v, const sent *s, size_t a, size_t b)
{
	size_t lim = s->t1;
	if (b < a || b - a > 3)
		return 0;
	for (size_t k = a; k < b; k++)
		if (!(lex_punct(v, k, lim, ',') || lex_punct(v, k, lim, '-') ||
		      lex_punct(v, k, lim, 0x2013) || lex_word_is(v, k, lim, "and") ||
		      lex_word_is(v, k, lim, "or") || lex_word_is(v, k, lim, "to") ||
		      lex_word_is(v, k, lim, "nor")))
			return 0;
	return 1;
}

static int elided_unit(const lex_view *v, const sent *s, const fig *pf, const expr *x)
{
	size_t lim = s->t1;
	if (listed(v, s, pf->t1, x->t0))
		return 1;
	/* parallel objects of coordinated verbs: "killed 14 people and
	 * injured more than 100", "organisers claimed 310,000 marchers
	 * and police counted 82,000" */
	int own = pf->pred_tok != SIZE_MAX && pf->pred_tok < pf->t0; /* a measuring verb */
	if (pf->what1 > pf->t1 &&
	    (own || (pf->t0 > s->t0 && verb_class(v, pf->t0 - 1, lim, NULL)))) {
		size_t k = pf->what1;
		/* past the place of the first: "310,000 marchers in the
		 * capital and police counted 82,000" */
		k = place_after(v, k, x->t0);
		if (lex_punct(v, k, lim, ','))
			k++;
		if (lex_word_is(v, k, lim, "and") || lex_word_is(v, k, lim, "or")) {
			k++;
			/* with a subject of its own: "won 88 seats and the
			 * People's Alliance took 64" */
			size_t k0 = k;
			while (k + 1 < x->t0 && k - k0 < 6 &&
			       (lex_word_is(v, k, lim, "the") || tok_is(v->text, TOK(k), "'s") ||
				(TOK(k)->type == TK_WORD && (TOK(k)->flags & TF_UPPER)) ||
				(TOK(k)->type == TK_WORD && !verb_class(v, k, lim, NULL) &&
				 !lex_has(v, k, LEX_BIT(LEX_STOP)) && k + 2 == x->t0)))
				k++;
			while (k < x->t0 && is_adverb_gap(v, k, lim))
				k++;
			const lex_entry *ve = NULL;
			lex_vclass cls = k + 1 == x->t0 ? verb_class(v, k, lim, &ve) : LEX_VC_NONE;
			/* a measuring verb after one (with a subject of its own,
			 * one of a known class: "destroyed 300 homes and the
			 * flood damaged 120", not "sold 12,000 tickets and fans
			 * raised 40,000"), or one that gives a source's count
			 * ("and police counted 82,000", "and police said
			 * 82,000") */
			int same = k == k0 || (ve && measure_of(ve->a));
			if (cls && ((own && same && cls == LEX_VC_PRED) || cls == LEX_VC_ATTR ||
				    cls == LEX_VC_COG))
				return 1;
			/* a verb of no class after a subject of its own */
			if (!cls && k > k0 && k + 1 == x->t0 && TOK(k)->type == TK_WORD &&
			    !(TOK(k)->flags & TF_UPPER) && !lex_has(v, k, LEX_BIT(LEX_STOP)) &&
			    pf->pred_tok != SIZE_MAX)
				return 1;
		}
	}
	/* the whole a part is out of: "64,000 homes lost power, out of
	 * some 210,000 nationwide" */
	size_t h = x->t0; /* the figure's hedge is its own: "some 210,000" */
	if (h >= s->t0 + 2 && lex_word_is(v, h - 2, lim, "out") &&
	    lex_word_is(v, h - 1, lim, "of") && pf->t1 <= h - 2)
		return 1;
	/* "... and more than 10,000 are expected": a coordinator before,
	 * a verb after */
	if (x->t0 <= s->t0 ||
	    !(lex_word_is(v, x->t0 - 1, lim, "and") || lex_word_is(v, x->t0 - 1, lim, "but") ||
	      lex_word_is(v, x->t0 - 1, lim, "while")))
		return 0;
	size_t j = x->t1;
	while (j < lim && is_adverb_gap(v, j, lim))
		j++;
	if (j < lim && verb_class(v, j, lim, NULL) != LEX_VC_NONE)
		return 1;
	/* or a place of its own and the clause ends: "9,000 officers in
	 * the capital and 21,000 nationwide", "and 19,000 in Orlesk" */
	size_t p = place_after(v, j, lim);
	if (p == j)
		return 0;
	return p >= lim || (TOK(p)->type == TK_PUNCT && TOK(p)->cp != '-' && TOK(p)->cp != '\'');
}

/* A cue of role `role` (data/words.tsv CUE) ending right before token t
 * or the article before it ("up from the 23"):
 * "up from", "compared with".  Returns its first token, or SIZE_MAX. */
static size_t cue_before(const lex_view *v, const sent *s, size_t t, uint64_t role)
{
	size_t len;
	const lex_entry *e;
	/* "up from the 23 it reported": past the article; "up from the
	 * figure of four given", "from a total of 12": past a noun that
	 * holds a count (data/measures.tsv TALLY) */
	if (t > s->t0 + 3 && lex_word_is(v, t - 1, s->t1, "of") &&
	    lex_has(v, t - 2, LEX_BIT(LEX_TALLY)) &&
	    (lex_word_is(v, t - 3, s->t1, "the") || lex_word_is(v, t - 3, s->t1, "a")))
		t -= 3;
	if (t > s->t0 + 1 && lex_word_is(v, t - 1, s->t1, "the"))
		t--;
	for (size_t n = 1; n <= 2 && t >= s->t0 + n; n++)
		if ((e = lex_match(v, t - n, t, LEX_BIT(LEX_CUE), &len)) && len == n &&
		    (e->roles & role))
			return t - n;
	return SIZE_MAX;
}

/* The figure an earlier value compares with: "reached 146 on Tuesday, up
 * from 112 on Monday", "42 seats, compared with 35 in 2019", "eased to
 * 3.1% in May from 3.6%".  The cue stands right before the figure x and
 * the clause's figure is the one before it in the sentence, with no ";"
 * between and at most twenty tokens away; "from" counts only after a
 * figure set by "to" or "at".  Returns that figure or NULL; *cue is the
 * cue's first token. */
static const fig *compared_with(const lex_view *v, const sent *s, const fig_list *out,
				size_t first_fig, const expr *x, size_t *cue, int *elsewhere)
{
	*elsewhere = 0;
	size_t n = out->n;
	while (n > first_fig && out->v[n - 1].modifier)
		n--;
	if (n <= first_fig || x->is_range)
		return NULL;
	const fig *pf = &out->v[n - 1];
	size_t lim = s->t1, c = cue_before(v, s, x->t0, LEX_ROLE_EARLIER);
	if (c == SIZE_MAX) {
		/* "from" after a level or before a past time; "versus",
		 * "against" only before a past time ("45 cases versus 30 last
		 * week", not "52% versus 45% for Jones") */
		int from = 1;
		c = cue_before(v, s, x->t0, LEX_ROLE_FROM);
		if (c == SIZE_MAX) {
			c = cue_before(v, s, x->t0, LEX_ROLE_VERSUS);
			from = 0;
		}
		if (c == SIZE_MAX)
			return NULL;
		int set = from && pf->t0 > s->t0 &&
			  (lex_word_is(v, pf->t0 - 1, lim, "to") ||
			   lex_word_is(v, pf->t0 - 1, lim, "at"));
		int past = 0;
		for (size_t k = x->t1; !set && !past && k < lim && k < x->t1 + 4; k++)
			past = cue_at(v, k, lim, LEX_ROLE_PAST);
		/* or, after "versus" or "against", the same measure in another
		 * place: "71% in the capital, against 64% nationwide" (no
		 * earlier value) */
		if (!set && !past && !from && place_after(v, x->t1, lim) > x->t1)
			*elsewhere = 1;
		else if (!set && !past)
			return NULL;
	}
	if (pf->t1 > c || c - pf->t1 > 20)
		return NULL;
	for (size_t k = pf->t1, m = n; k < c; k++) {
		/* the number of a modifier between them is no figure */
		while (m < out->n && out->v[m].t1 <= k)
			m++;
		int in_modifier = m < out->n && out->v[m].t0 <= k && out->v[m].modifier;
		if (lex_punct(v, k, lim, ';') || lex_punct(v, k, lim, ':') ||
		    (TOK(k)->type == TK_NUM && !in_modifier))
			return NULL;
	}
	*cue = c;
	return pf;
}

/* A noun that names the scale of the number (data/measures.tsv MEASNOUN):
 * "magnitude 6.9", "magnitude-6.9", "a magnitude of 5.8", "7.1-magnitude",
 * "6.9 magnitude".  Sets the unit and widens the expression over the noun;
 * returns the entry or NULL. */
static const lex_entry *scale_noun(const lex_view *v, const sent *s, expr *x)
{
	size_t lim = s->t1, i = x->t0, j = x->t1;
	const lex_entry *e;
	if (i > s->t0 && (e = one_of(v, i - 1, lim, LEX_MEASNOUN))) {
		x->t0 = i - 1;
	} else if (i > s->t0 + 1 && lex_punct(v, i - 1, lim, '-') && lex_glued(v, i) &&
		   (e = one_of(v, i - 2, lim, LEX_MEASNOUN))) {
		x->t0 = i - 2;
	} else if (i > s->t0 + 1 && lex_word_is(v, i - 1, lim, "of") &&
		   (e = one_of(v, i - 2, lim, LEX_MEASNOUN))) {
		/* "a magnitude of 5.8": the number alone */
	} else if ((e = one_of(v, j, lim, LEX_MEASNOUN))) {
		x->t1 = j + 1;
	} else if (lex_punct(v, j, lim, '-') && j + 1 < lim && lex_glued(v, j) &&
		   lex_glued(v, j + 1) && (e = one_of(v, j + 1, lim, LEX_MEASNOUN))) {
		x->t1 = j + 2;
	} else {
		return NULL;
	}
	/* "a capacity of 500 beds" counts beds */
	if (e->value == 1 && x->t1 == j && plural_noun_at(v, j, lim))
		return NULL;
	x->unit = e->a;
	x->kind = e->value == 1 ? "count" : "scale";
	return e;
}

/* A number hyphenated to a singular noun before a head noun gives the
 * size of that head: "a 300-seat assembly", "a 500-bed hospital", "a
 * 12-member panel", "a 40-storey tower" count its seats, beds, members or
 * storeys; the clause's verb and subject are not what it measures ("won
 * 142 seats in the 300-seat assembly").  Units ("a 10-km race"), ages and
 * durations are read before this.  Returns the compound noun's token, or
 * SIZE_MAX. */
static size_t size_compound(const lex_view *v, const sent *s, const expr *x)
{
	size_t lim = s->t1, j = x->t1, w = j + 1;
	if (x->unit || x->is_range || w + 1 >= lim || !is_hyphen(v, j, lim) || !lex_glued(v, j) ||
	    !lex_glued(v, w))
		return SIZE_MAX;
	const tok *t = TOK(w);
	if (t->type != TK_WORD || (t->flags & TF_UPPER) || plural_form(v, w) ||
	    adjective_like(v, w) || verb_class(v, w, lim, NULL) ||
	    lex_has(v, w, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_COMPOUND)))
		return SIZE_MAX;
	/* the head it describes: a word of a noun phrase, not glued on */
	if (lex_glued(v, w + 1) || TOK(w + 1)->type != TK_WORD || !np_word(v, w + 1, lim) ||
	    verb_class(v, w + 1, lim, NULL))
		return SIZE_MAX;
	return w;
}

/* An age set off by commas after a name or a noun: "the driver, 74, was
 * hurt", "Ana Ruiz, 52, said". */
static int age_apposition(const lex_view *v, const sent *s, const num_match *m, const expr *x)
{
	size_t lim = s->t1;
	if (x->has_hedge || x->is_range || !(m->flags & NF_DIGITS) || (m->flags & ~NF_DIGITS) ||
	    m->value < 1 || m->value > 120 || m->value != floor(m->value) || x->t0 != m->t0 ||
	    x->t1 != m->t1)
		return 0;
	if (m->t0 < s->t0 + 2 || !lex_punct(v, m->t0 - 1, lim, ',') ||
	    TOK(m->t0 - 2)->type != TK_WORD)
		return 0;
	if (m->t1 < lim && !lex_punct(v, m->t1, lim, ',') && !lex_punct(v, m->t1, lim, '.'))
		return 0;
	/* "in 2019, 40 people": a count after a comma names what it counts */
	return !(m->t1 + 1 < lim && plural_noun_at(v, m->t1 + 1, lim)) &&
	       !lex_has(v, m->t0 - 2,
			LEX_BIT(LEX_STOP) | LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) |
				LEX_BIT(LEX_VERB));
}

/* Is there a clause break (a comma, semicolon, colon, dash or bracket)
 * between tokens a and b? */
static int clause_break(const lex_view *v, size_t a, size_t b, size_t lim)
{
	for (size_t k = a; k < b && k < lim; k++) {
		const tok *t = TOK(k);
		if (t->type == TK_PUNCT && (t->cp == ',' || t->cp == ';' || t->cp == ':' ||
					    t->cp == '(' || t->cp == 0x2014 || t->cp == 0x2013))
			return 1;
	}
	return 0;
}

/* The clause of tokens [t0, t1) within [lo, hi): *l is the first token
 * after the last clause break before t0, *r the first break at or after t1
 * (hi when none).  A token k is in the clause when *l <= k <= *r. */
static void clause_bounds(const lex_view *v, size_t lo, size_t t0, size_t t1, size_t hi, size_t *l,
			  size_t *r)
{
	*l = lo;
	for (size_t k = t0; k-- > lo;)
		if (clause_break(v, k, k + 1, hi)) {
			*l = k + 1;
			break;
		}
	*r = hi;
	for (size_t k = t1; k < hi; k++)
		if (clause_break(v, k, k + 1, hi)) {
			*r = k;
			break;
		}
}

/* The place after word w ("from", "to") at most a dozen tokens after t1
 * in the figure's clause, or NULL; *at and *len give its tokens.  A place
 * before "'s" names an owner ("France's Louvre"), not a party. */
static const lex_entry *party_after(const lex_view *v, const sent *s, size_t t1, const char *w,
				    size_t *at, size_t *len)
{
	size_t lim = s->t1, end = t1 + 12 < lim ? t1 + 12 : lim;
	for (size_t k = t1; k + 1 < end; k++) {
		if (clause_break(v, k, k + 1, lim))
			return NULL;
		if (!lex_word_is(v, k, lim, w))
			continue;
		size_t p = k + 1;
		if (lex_word_is(v, p, lim, "the"))
			p++;
		const lex_entry *pe = place_at(v, p, lim, len);
		if (!pe || (p + *len < lim && tok_is(v->text, TOK(p + *len), "'s")))
			return NULL;
		*at = p;
		return pe;
	}
	return NULL;
}

/* The parties of a transfer.  A figure of a class with a converse
 * ("received ... from North Korea", data/classes.tsv CONVERSE) whose
 * clause names the giver after "from": the giver is the actor, the act
 * the converse ("supply") and the receiver, the actor read before, the
 * recipient.  A figure of a class that names recipients (RECIPIENT:
 * "supplied ... to Egypt") takes the place after "to" as its recipient.
 * So what one side received and what the other supplied are one fact,
 * and two buyers' deals are two. */
static void transfer_parties(const lex_view *v, const sent *s, size_t t1, corro_figure *cf)
{
	if (!cf->measure)
		return;
	size_t at, len;
	const lex_entry *pe;
	const lex_entry *ce = lex_word(cf->measure, strlen(cf->measure), LEX_BIT(LEX_CONVERSE));
	if (ce && (pe = party_after(v, s, t1, "from", &at, &len))) {
		cf->target = cf->actor;
		cf->actor = pe->a;
		cf->measure = ce->a;
		return;
	}
	if (lex_word(cf->measure, strlen(cf->measure), LEX_BIT(LEX_RECIPIENT)) &&
	    (pe = party_after(v, s, t1, "to", &at, &len))) {
		cf->target = pe->a;
		cf->target_span.start = TOK(at)->start;
		cf->target_span.end = TOK(at + len - 1)->end;
	}
}

/* Does a clause of contrast or a semicolon open between tokens a and b
 * (", while", ", but", ", whereas", ", although", ";")?  A place that
 * opens the sentence does not reach past it. */
static int contrast_between(const lex_view *v, size_t a, size_t b, size_t lim)
{
	for (size_t k = a; k < b && k < lim; k++) {
		if (lex_punct(v, k, lim, ';'))
			return 1;
		if (lex_punct(v, k, lim, ',') &&
		    (lex_word_is(v, k + 1, lim, "while") || lex_word_is(v, k + 1, lim, "but") ||
		     lex_word_is(v, k + 1, lim, "whereas") ||
		     lex_word_is(v, k + 1, lim, "although") ||
		     lex_word_is(v, k + 1, lim, "though") || lex_word_is(v, k + 1, lim, "yet")))
			return 1;
	}
	return 0;
}

/* Is token k a kind of place (PLACENOUN) spelt as token kind is? */
static int same_noun(const lex_view *v, size_t k, size_t kind, size_t lim)
{
	char a[24], b[24];
	if (k >= lim || !lex_has(v, k, LEX_BIT(LEX_PLACENOUN)))
		return 0;
	tok_lower(v->text, TOK(k), a, sizeof a);
	tok_lower(v->text, TOK(kind), b, sizeof b);
	return strcmp(a, b) == 0;
}

/* The run of capitalised words ending right before token e (at most five,
 * not before lo), or e when there is none. */
static size_t caps_before(const lex_view *v, size_t lo, size_t e)
{
	size_t b = e;
	while (b > lo && e - b < 5 && TOK(b - 1)->type == TK_WORD &&
	       (TOK(b - 1)->flags & TF_UPPER) &&
	       !lex_has(v, b - 1, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP)))
		b--;
	return b;
}

/* The one place an anaphor refers to: "there" (kind SIZE_MAX) or "in the
 * province" (kind: the token of "province").  Places named in the same
 * sentence before the anaphor at token at, or in the sentence before it:
 * a name with the kind of place after it ("Kamara province") or after "of"
 * ("the province of Kamara"); for "there" also a country or capital of the
 * lexicon and a capitalised name after "in"; for "the country" a country
 * of the lexicon, for "the city" or "the capital" a capital.  Only when
 * exactly one place is named: else none.  Sets *b and *e to the tokens of
 * its name and returns the lexicon's canonical name or "" (use the text),
 * or NULL. */
static const char *antecedent(const ctx *c, size_t at, size_t kind, size_t *b, size_t *e)
{
	const lex_view *v = c->v;
	size_t lo = c->prev ? c->prev->t0 : c->s->t0, lim = c->s->t1;
	if (at > lo + 80)
		lo = at - 80;
	const char *name = NULL;
	size_t nb = 0, ne = 0;
	const char *kw = NULL;
	char kb[16];
	if (kind != SIZE_MAX) {
		tok_lower(v->text, TOK(kind), kb, sizeof kb);
		kw = kb;
	}
	for (size_t k = lo; k < at; k++) {
		if (TOK(k)->type != TK_WORD)
			continue;
		size_t pb = 0, pe = 0, len;
		const char *pn = "";
		const lex_entry *le;
		if (kind != SIZE_MAX && lex_has(v, k, LEX_BIT(LEX_PLACENOUN)) &&
		    same_noun(v, k, kind, lim) && (TOK(k)->flags & TF_UPPER) && k > lo &&
		    TOK(k - 1)->type == TK_WORD && (TOK(k - 1)->flags & TF_UPPER) &&
		    (pb = caps_before(v, lo, k)) < k) {
			pe = k + 1; /* a name that ends in the kind: "the Varno Basin" */
			if (pb + 1 < k && lex_has(v, pb, LEX_BIT(LEX_STOP)))
				pb++; /* "The Varno Basin was hit" */
		} else if (lex_has(v, k, LEX_BIT(LEX_PLACENOUN)) &&
			   (kind == SIZE_MAX || same_noun(v, k, kind, lim)) &&
			   !(TOK(k)->flags & TF_UPPER)) {
			if (lex_word_is(v, k + 1, lim, "of") && k + 2 < at &&
			    (TOK(k + 2)->flags & TF_UPPER) && TOK(k + 2)->type == TK_WORD) {
				pb = k + 2; /* "the province of Kamara" */
				pe = pb + 1;
				while (pe < at && pe - pb < 5 && TOK(pe)->type == TK_WORD &&
				       (TOK(pe)->flags & TF_UPPER))
					pe++;
			} else if ((pb = caps_before(v, lo, k)) < k) {
				pe = k; /* "Kamara province" */
				/* the capital of a sentence's first word says
				 * nothing: "Neighbouring Lusk province" */
				if (k - pb > 1 &&
				    (pb == c->s->t0 || (c->prev && pb == c->prev->t0)))
					pb++;
			} else if (k >= lo + 3 && lex_word_is(v, k - 1, lim, "the") &&
				   lex_punct(v, k - 2, lim, ',') &&
				   !(k + 1 < lim && tok_is(v->text, TOK(k + 1), "'s")) &&
				   (pb = caps_before(v, lo, k - 2)) < k - 2) {
				pe = k - 2; /* "Lorvan, the capital" */
			}
		} else if ((le = place_at(v, k, lim, &len)) && (TOK(k)->flags & TF_UPPER) &&
			   le->b &&
			   ((kind == SIZE_MAX &&
			     (strcmp(le->b, "country") == 0 || strcmp(le->b, "capital") == 0)) ||
			    (kw && strcmp(kw, "country") == 0 && strcmp(le->b, "country") == 0) ||
			    (kw && (strcmp(kw, "city") == 0 || strcmp(kw, "capital") == 0) &&
			     strcmp(le->b, "capital") == 0))) {
			pb = k;
			pe = k + len;
			pn = le->a;
		} else if (kind == SIZE_MAX && k + 1 < at && lex_word_is(v, k, lim, "in") &&
			   TOK(k + 1)->type == TK_WORD && (TOK(k + 1)->flags & TF_UPPER) &&
			   !lex_has(v, k + 1,
				    LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP))) {
			pb = k + 1; /* "in Tarno" */
			pe = pb + 1;
			while (pe < at && pe - pb < 5 && TOK(pe)->type == TK_WORD &&
			       (TOK(pe)->flags & TF_UPPER))
				pe++;
			if ((le = place_at(v, pb, lim, &len)) && pb + len >= pe)
				pn = le->a;
		}
		if (pe <= pb)
			continue;
		/* the same place again is no second place */
		int same = name && (*pn ? strcmp(pn, name) == 0
					: *name == '\0' && ne - nb == pe - pb &&
						    memcmp(v->text + TOK(nb)->start,
							   v->text + TOK(pb)->start,
							   TOK(pe - 1)->end - TOK(pb)->start) == 0);
		if (name && !same)
			return NULL;
		if (!name) {
			name = pn;
			nb = pb;
			ne = pe;
		}
		if (pe - 1 > k)
			k = pe - 1;
	}
	if (!name)
		return NULL;
	*b = nb;
	*e = ne;
	return name;
}

/* The capital the document names in apposition anywhere ("the capital,
 * Varnholm", "the capital Varnholm", "Varnholm, the capital",
 * "Lorvania's capital, Varnholm"): its tokens in *b and *e, once per
 * document (cached in the figure list); 0 when it names none or two. */
static int capital_named(ctx *c, size_t *b, size_t *e)
{
	fig_list *l = c->out;
	if (l->capital == 0) {
		const lex_view *v = c->v;
		size_t nb = 0, ne = 0;
		int found = 0, two = 0;
		for (size_t k = 1; k < v->n && !two; k++) {
			if (TOK(k)->type != TK_WORD || (TOK(k)->flags & TF_UPPER) ||
			    !lex_word_is(v, k, v->n, "capital") ||
			    !(lex_word_is(v, k - 1, v->n, "the") ||
			      tok_is(v->text, TOK(k - 1), "'s")))
				continue;
			size_t pb = k + 1 + (k + 1 < v->n && lex_punct(v, k + 1, v->n, ','));
			size_t pe = pb;
			while (pe < v->n && pe - pb < 4 && TOK(pe)->type == TK_WORD &&
			       (TOK(pe)->flags & TF_UPPER) &&
			       !lex_has(v, pe,
					LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP)))
				pe++;
			if (pe == pb && k >= 3 && lex_word_is(v, k - 1, v->n, "the") &&
			    lex_punct(v, k - 2, v->n, ',')) {
				pe = k - 2; /* "Varnholm, the capital" */
				pb = caps_before(v, 0, pe);
			}
			if (pe <= pb)
				continue;
			/* a name that speaks or owns is no capital: "in the
			 * capital, Reuters reported", "the capital, Interior
			 * Minister Haddad said", "the capital, Moody's said" */
			size_t nx = pe < v->n && lex_punct(v, pe, v->n, ',') ? pe + 1 : pe;
			const lex_entry *sv;
			lex_vclass scls = nx < v->n ? verb_class(v, nx, v->n, &sv) : LEX_VC_NONE;
			if ((pe < v->n && tok_is(v->text, TOK(pe), "'s")) || scls == LEX_VC_ATTR ||
			    lex_has(v, pb, LEX_BIT(LEX_ROLE)) ||
			    lex_has(v, pb, LEX_BIT(LEX_SOURCE)))
				continue;
			if (!found) {
				nb = pb;
				ne = pe;
				found = 1;
			} else if (ne - nb != pe - pb ||
				   TOK(ne - 1)->end - TOK(nb)->start !=
					   TOK(pe - 1)->end - TOK(pb)->start ||
				   memcmp(v->text + TOK(nb)->start, v->text + TOK(pb)->start,
					  TOK(ne - 1)->end - TOK(nb)->start) != 0) {
				two = 1;
			}
		}
		l->capital = found && !two ? 1 : -1;
		l->capital_b = nb;
		l->capital_e = ne;
	}
	*b = l->capital_b;
	*e = l->capital_e;
	return l->capital == 1;
}

/* Is "there" at token k the place "there" ("12 died there"), not the
 * existential "there were 12"? */
static int there_place(const lex_view *v, const sent *s, size_t k)
{
	size_t lim = s->t1;
	if (!lex_word_is(v, k, lim, "there") || k == s->t0)
		return 0;
	size_t n = k + 1;
	/* "there's", "there're", "there'll", "there'd", "there've": the
	 * existential */
	if (n < lim && (tok_is(v->text, TOK(n), "'s") || tok_is(v->text, TOK(n), "'re") ||
			tok_is(v->text, TOK(n), "'ll") || tok_is(v->text, TOK(n), "'d") ||
			tok_is(v->text, TOK(n), "'ve")))
		return 0;
	while (n < lim && is_adverb_gap(v, n, lim))
		n++;
	return !(n < lim && (verb_class(v, n, lim, NULL) || lex_has(v, n, LEX_BIT(LEX_FORECAST))));
}

/* The place a figure covers, in its own clause, at most ten tokens away:
 * a word such as "nationwide", or the place after "in", "across",
 * "throughout", "inside" or "within" ("40 people were killed in Gaza
 * City"); a phrase that opens the sentence counts for the clause after its
 * comma ("In Valparaiso, 40 people ...", "Nationwide, 300 ...").  A place
 * of the lexicon gives its canonical name; another is a run of capitalised
 * words ("Gaza City").  The source's words are no scope. */
/* The place a figure covers, as far as the scan has gone: the candidate
 * nearest the figure. */
typedef struct scope_pick {
	size_t best, end, dist;
	const char *name, *word;
} scope_pick;

static void scope_offer(scope_pick *sp, size_t d, size_t best, size_t end, const char *name,
			const char *word)
{
	if (d < sp->dist)
		*sp = (scope_pick){best, end, d, name, word};
}

/* A possessive name before a tally names its place: "Arvenia's heatwave
 * death toll rose to 87" (k: the name's last word, before "'s"; lo: how
 * far back the name may start).  Returns 1 with the name's first token
 * in *b0p and its place in *namep (NULL for a name the lexicon does not
 * know). */
static int possessive_place(const lex_view *v, const sent *s, size_t k, size_t t0, size_t lo,
			    size_t *b0p, const char **namep)
{
	size_t lim = s->t1;
	if (!((TOK(k)->flags & TF_UPPER) && k + 2 < lim && k < t0 &&
	      tok_is(v->text, TOK(k + 1), "'s") &&
	      !lex_has(v, k, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP))))
		return 0;
	size_t q = k + 2;
	while (q < t0 && q < k + 5 && TOK(q)->type == TK_WORD && !(TOK(q)->flags & TF_UPPER) &&
	       !lex_has(v, q, LEX_BIT(LEX_TALLY)))
		q++;
	size_t b0 = caps_before(v, lo, k + 1), pl;
	const lex_entry *pe = b0 <= k ? place_at(v, b0, lim, &pl) : NULL;
	/* a place the lexicon knows, or an event between
	 * ("Arvenia's heatwave death toll"): not "Smith's tally" */
	int event = 0;
	for (size_t e2 = k + 2; e2 < q && !event; e2++)
		event = lex_has(v, e2, LEX_BIT(LEX_OCCASION));
	if (!(q < t0 && lex_has(v, q, LEX_BIT(LEX_TALLY)) && b0 <= k && !(b0 == s->t0 && k > b0) &&
	      (event || (pe && b0 + pl > k))))
		return 0;
	*b0p = b0;
	*namep = pe && b0 + pl >= k + 1 ? pe->a : NULL;
	return 1;
}

/* A place after a preposition at k ("in", "across", "throughout",
 * "inside", "within"): "in Gaza", "in neighbouring Marosh", "in the
 * northern Kamara province", "in the province of Sindh", "in France's
 * Normandy region".  Returns 1 with the place's tokens from *pp to *endp
 * and its place in *namep (NULL for a name the lexicon does not know);
 * 2 for a place noun that points back ("in the province", when
 * anaphor_free), *pp at the noun; else 0. */
static int prep_place(const lex_view *v, size_t k, size_t lim, int anaphor_free, size_t *pp,
		      size_t *endp, const char **namep)
{
	if (!(lex_word_is(v, k, lim, "in") || lex_word_is(v, k, lim, "across") ||
	      lex_word_is(v, k, lim, "throughout") || lex_word_is(v, k, lim, "inside") ||
	      lex_word_is(v, k, lim, "within")))
		return 0;
	size_t p = k + 1;
	/* a describing word before a name with no article: "in
	 * neighbouring Marosh", "in war-torn Gaza" */
	if (p + 1 < lim && TOK(p)->type == TK_WORD && !(TOK(p)->flags & TF_UPPER) &&
	    TOK(p + 1)->type == TK_WORD && (TOK(p + 1)->flags & TF_UPPER) &&
	    !(TOK(p + 1)->flags & TF_NEWLINE) && adjective_like(v, p) &&
	    !lex_has(v, p, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME)) &&
	    !verb_class(v, p, lim, NULL))
		p++;
	else if (p + 3 < lim && TOK(p)->type == TK_WORD && !(TOK(p)->flags & TF_UPPER) &&
		 is_hyphen(v, p + 1, lim) && lex_glued(v, p + 1) && lex_glued(v, p + 2) &&
		 TOK(p + 2)->type == TK_WORD && TOK(p + 3)->type == TK_WORD &&
		 (TOK(p + 3)->flags & TF_UPPER))
		p += 3;
	if (lex_word_is(v, p, lim, "the") || lex_word_is(v, p, lim, "this")) {
		p++;
		/* a describing word before the name: "in the worst-hit
		 * Dremmel Valley", "in the northern Kamara province" */
		size_t a = p;
		if (a + 2 < lim && TOK(a)->type == TK_WORD && !(TOK(a)->flags & TF_UPPER) &&
		    lex_punct(v, a + 1, lim, '-') && lex_glued(v, a + 1) && lex_glued(v, a + 2) &&
		    TOK(a + 2)->type == TK_WORD)
			a += 3;
		else if (a < lim && TOK(a)->type == TK_WORD && !(TOK(a)->flags & TF_UPPER) &&
			 TOK(a)->end - TOK(a)->start > 5 &&
			 memcmp(v->text + TOK(a)->end - 3, "ern", 3) == 0)
			a++;
		if (a > p && a < lim && TOK(a)->type == TK_WORD && (TOK(a)->flags & TF_UPPER))
			p = a;
	}
	/* "in the province of Sindh": the name after "of" */
	if (p + 2 < lim && lex_has(v, p, LEX_BIT(LEX_PLACENOUN)) &&
	    lex_word_is(v, p + 1, lim, "of")) {
		/* a capitalised one names a body ("the Department of
		 * Energy") unless a known place follows */
		size_t pl0;
		if ((TOK(p)->flags & TF_UPPER) && !place_at(v, p + 2, lim, &pl0))
			return 0;
		p += 2;
	}
	/* "in the province": the one province named before */
	if (anaphor_free && p == k + 2 && p < lim && lex_has(v, p, LEX_BIT(LEX_PLACENOUN)) &&
	    !(TOK(p)->flags & TF_UPPER) && !lex_word_is(v, p + 1, lim, "of") &&
	    /* "in the capital markets": a modifier of a noun */
	    !(p + 1 < lim && TOK(p + 1)->type == TK_WORD && !(TOK(p + 1)->flags & TF_UPPER) &&
	      (TOK(p + 1)->flags & TF_SPACE) && !lex_has(v, p + 1, LEX_BIT(LEX_STOP)) &&
	      !lex_word_is(v, p + 1, lim, "alone"))) {
		*pp = p;
		return 2;
	}
	if (p >= lim || TOK(p)->type != TK_WORD || !(TOK(p)->flags & TF_UPPER))
		return 0;
	if (lex_has(v, p, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP)))
		return 0;
	size_t q = p;
	while (q < lim && TOK(q)->type == TK_WORD && (TOK(q)->flags & TF_UPPER) && q - p < 5 &&
	       !lex_has(v, q, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME)))
		q++;
	/* a possessive names the owner of the place after it: "in
	 * Ruvala's Kamara province", "in France's Normandy region"
	 * cover Kamara and Normandy */
	if (q > p && q + 1 < lim && tok_is(v->text, TOK(q), "'s") && TOK(q + 1)->type == TK_WORD &&
	    (TOK(q + 1)->flags & TF_UPPER) &&
	    !lex_has(v, q + 1, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP))) {
		p = q + 1;
		q = p;
		while (q < lim && TOK(q)->type == TK_WORD && (TOK(q)->flags & TF_UPPER) &&
		       q - p < 5 && !lex_has(v, q, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME)))
			q++;
	}
	size_t pl;
	const lex_entry *pe = place_at(v, p, lim, &pl);
	/* a headline in capitals ("15 DEAD IN STADIUM HELL") tells no
	 * name from other words: only a place of the lexicon */
	if ((TOK(k)->flags & TF_CAPS) && (TOK(p)->flags & TF_CAPS)) {
		if (!pe)
			return 0;
		q = p + pl; /* "IN FRANCE AS STORM HITS": France */
	}
	*pp = p;
	*endp = pe && p + pl >= q ? p + pl : q;
	*namep = pe && p + pl >= q ? pe->a : NULL;
	return 1;
}

/* A place named before that "there" or "in the province" points back to
 * (anaphor: its token; kind: the place noun, or SIZE_MAX), else the
 * capital the article names; "in this village alone" is a part. */
static void anaphor_scope(ctx *c, size_t anaphor, size_t anaphor_kind, scope_pick *sp,
			  corro_figure *cf)
{
	const lex_view *v = c->v;
	size_t lim = c->s->t1;
	size_t ab, ae;
	const char *an = antecedent(c, anaphor, anaphor_kind, &ab, &ae);
	/* "in this village alone": a part, wherever it is */
	if (anaphor_kind != SIZE_MAX && lex_word_is(v, anaphor_kind + 1, lim, "alone"))
		cf->part = 1;
	if (an) {
		sp->best = ab;
		sp->end = ae;
		sp->name = *an ? an : NULL;
		sp->word = NULL;
	} else if (anaphor_kind != SIZE_MAX && lex_word_is(v, anaphor_kind, lim, "capital")) {
		/* "turnout in the capital", its name not given near:
		 * the capital the article names elsewhere, or still a
		 * part of the country, never all of it */
		size_t cb, ce;
		if (capital_named(c, &cb, &ce)) {
			size_t pl;
			const lex_entry *pe = place_at(v, cb, v->n, &pl);
			sp->best = cb;
			sp->end = ce;
			sp->name = pe && cb + pl >= ce ? pe->a : NULL;
		} else {
			sp->best = anaphor_kind - 1;
			sp->end = anaphor_kind + 1;
		}
	}
}

/* Do the n tokens at a and the m at b spell the same words? */
static int same_tokens(const lex_view *v, size_t a, size_t n, size_t b, size_t m)
{
	if (n != m)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const tok *x = TOK(a + i), *y = TOK(b + i);
		if (x->end - x->start != y->end - y->start ||
		    memcmp(v->text + x->start, v->text + y->start, x->end - x->start) != 0)
			return 0;
	}
	return 1;
}

/* The singular, lower-case form of word token k into w (fig_singular);
 * 0 when it is no word. */
static size_t tok_singular(const lex_view *v, size_t k, size_t lim, char *w, size_t cap)
{
	if (k >= lim || TOK(k)->type != TK_WORD)
		return 0;
	const tok *t = TOK(k);
	fig_singular(v->text + t->start, t->end - t->start, w, cap);
	return strlen(w);
}

/* Is token k a kind of place (PLACENOUN), singular or plural ("state",
 * "states", "counties")? */
static int placenoun_plural(const lex_view *v, size_t k)
{
	char w[64];
	size_t n = tok_singular(v, k, v->n, w, sizeof w);
	return n && lex_word(w, n, LEX_BIT(LEX_PLACENOUN)) != NULL;
}

/* The end of a name of up to four capitalised words at b (b if none):
 * no month, time or stop word, nor a word of the lexicon's categories in
 * mask. */
static size_t name_run_end(const lex_view *v, size_t b, size_t lim, uint64_t mask)
{
	size_t e = b;
	while (e < lim && e - b < 4 && TOK(e)->type == TK_WORD && (TOK(e)->flags & TF_UPPER) &&
	       !lex_has(v, e, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_STOP) | mask))
		e++;
	return e;
}

/* Reads once the names document v puts after "in", "across" or "near"
 * into l (at most 32): runs of up to four capitalised words that are no
 * month, time, role, source or organisation, and own nothing ("in Kim's
 * view"); and the names of a list there ("in the states of Lower Marrow,
 * Kessington and Ardel"). */
static void read_doc_places(fig_list *l, const lex_view *v)
{
	l->places_read = 1;
	l->nplaces = 0;
	for (size_t k = 0; k + 1 < v->n && l->nplaces < 32; k++) {
		if (TOK(k)->type != TK_WORD ||
		    !(lex_word_is(v, k, v->n, "in") || lex_word_is(v, k, v->n, "across") ||
		      lex_word_is(v, k, v->n, "near")))
			continue;
		size_t b = k + 1;
		/* "in the states of Lower Marrow, Kessington and Ardel" */
		if (b + 2 < v->n && lex_word_is(v, b, v->n, "the") && placenoun_plural(v, b + 1) &&
		    lex_word_is(v, b + 2, v->n, "of"))
			b += 3;
		/* the names of a list: the first, then ", X" or "and X"; a
		 * name a verb follows is a clause's subject ("in Geneva, Smith
		 * told"), and a list of commas counts only if "and" or "or"
		 * closes it */
		size_t ib[8], ie[8];
		int nitems = 0, commas = 0, closed = 0, bare_comma = 0;
		while (nitems < 8 && b < v->n) {
			size_t e = name_run_end(v, b, v->n,
						LEX_BIT(LEX_ROLE) | LEX_BIT(LEX_SOURCE) |
							LEX_BIT(LEX_ORGWORD));
			if (e == b || (e < v->n && tok_is(v->text, TOK(e), "'s")) ||
			    (bare_comma && e < v->n && verb_class(v, e, v->n, NULL)))
				break;
			ib[nitems] = b;
			ie[nitems] = e;
			nitems++;
			b = e;
			int comma = b < v->n && lex_punct(v, b, v->n, ',');
			b += comma;
			int conj = b < v->n && (lex_word_is(v, b, v->n, "and") ||
						lex_word_is(v, b, v->n, "or"));
			b += conj;
			if (closed || (!comma && !conj))
				break;
			commas |= comma && !conj;
			bare_comma = comma && !conj;
			closed = conj;
		}
		if (commas && !closed)
			nitems = nitems ? 1 : 0;
		for (int it = 0; it < nitems && l->nplaces < 32; it++) {
			int known = 0;
			for (int q = 0; q < l->nplaces && !known; q++)
				known = same_tokens(v, l->places[q].tok, l->places[q].len, ib[it],
						    ie[it] - ib[it]);
			if (!known) {
				l->places[l->nplaces].tok = ib[it];
				l->places[l->nplaces].len = ie[it] - ib[it];
				l->nplaces++;
			}
		}
	}
}

/* Are tokens [b, e) a name the document puts after "in" elsewhere? */
static int doc_place(fig_list *l, const lex_view *v, size_t b, size_t e)
{
	if (!l->places_read)
		read_doc_places(l, v);
	for (int q = 0; q < l->nplaces; q++)
		if (same_tokens(v, l->places[q].tok, l->places[q].len, b, e - b))
			return 1;
	return 0;
}

/* Are tokens [b, e) a place by their words: capitalised words that end
 * in a kind of place (PLACENOUN: "Varno Basin"), or a name the document
 * puts after "in" elsewhere? */
static int named_place(fig_list *l, const lex_view *v, size_t b, size_t e)
{
	return (e - b >= 2 && lex_has(v, e - 1, LEX_BIT(LEX_PLACENOUN))) || doc_place(l, v, b, e);
}

static int clause_place(fig_list *l, const lex_view *v, const sent *s, size_t b, size_t w,
			size_t *bp, size_t *ep, const lex_entry **pep);

/* The place that opens sentence s (after "The") and ends before token
 * w: a place of the lexicon, or capitalised words that end in a kind of
 * place (PLACENOUN: "Varno Basin", "Neighbouring Tarrow County"), with a
 * verb right after it.  Sets its tokens [*b, *e) and the lexicon's entry
 * (NULL for the capitalised words); 0 if there is none. */
static int opening_place(fig_list *l, const lex_view *v, const sent *s, size_t w, size_t *bp,
			 size_t *ep, const lex_entry **pep)
{
	return clause_place(l, v, s, s->t0, w, bp, ep, pep);
}

/* The same for a clause that opens at token b. */
static int clause_place(fig_list *l, const lex_view *v, const sent *s, size_t b, size_t w,
			size_t *bp, size_t *ep, const lex_entry **pep)
{
	size_t lim = s->t1, e, len;
	if (lex_word_is(v, b, lim, "the"))
		b++;
	const lex_entry *pe = b < w ? place_at(v, b, lim, &len) : NULL;
	if (pe && (TOK(b)->flags & TF_UPPER)) {
		e = b + len;
	} else {
		e = b;
		while (e < w && e - b < 5 && TOK(e)->type == TK_WORD && (TOK(e)->flags & TF_UPPER))
			e++;
		if (e == b || !named_place(l, v, b, e))
			return 0;
		pe = NULL;
	}
	if (e >= w || !(verb_class(v, e, lim, NULL) || ed_word(v, e)))
		return 0;
	*bp = b;
	*ep = e;
	*pep = pe;
	return 1;
}

/* A figure in a phrase that opens with ", with" after a clause whose
 * subject is a place is of that place: "The Varno Basin was hit hardest,
 * with around 900,000 households without power"; "Kessa fared worst, with
 * 40 dead". */
static void with_scope(fig_list *l, const lex_view *v, const sent *s, size_t t0, scope_pick *sp)
{
	size_t lim = s->t1, w = SIZE_MAX;
	for (size_t q = t0; q-- > s->t0 + 2 && t0 - q <= 6;)
		if (lex_word_is(v, q, lim, "with") && lex_punct(v, q - 1, lim, ',')) {
			w = q;
			break;
		}
	size_t b, e;
	const lex_entry *pe;
	if (w != SIZE_MAX && opening_place(l, v, s, w, &b, &e, &pe))
		scope_offer(sp, 0, b, e, pe ? pe->a : NULL, NULL);
}

/* A figure that is the object of a verb of counting whose subject is the
 * place that opens the sentence is of that place: "Neighbouring Tarrow
 * County has reported four deaths", "Kessa Province recorded 212 cases"
 * (a verb of counting: data/words.tsv CUE count_verb). */
static void counted_by_place(fig_list *l, const lex_view *v, const sent *s, size_t t0, size_t t1,
			     scope_pick *sp)
{
	size_t lim = s->t1, q = t0;
	/* a place in the counted phrase says whose they are: "Ukraine
	 * reported 300 Russian soldiers killed" */
	for (size_t k = t0; k < t1; k++) {
		size_t len;
		if ((TOK(k)->flags & TF_UPPER) && place_at(v, k, lim, &len))
			return;
	}
	/* "has confirmed a further 14 deaths", "another 30 cases" */
	for (int n = 0;
	     n < 3 && q > s->t0 &&
	     (cue_at(v, q - 1, lim, LEX_ROLE_DETERMINER) || lex_word_is(v, q - 1, lim, "further") ||
	      lex_word_is(v, q - 1, lim, "additional") || lex_word_is(v, q - 1, lim, "another"));
	     n++)
		q--;
	if (q < s->t0 + 2 || !cue_at(v, q - 1, lim, LEX_ROLE_COUNT_VERB))
		return;
	size_t w = q - 1;
	while (w > s->t0 && (aux_class(v, w - 1, lim) || is_adverb_gap(v, w - 1, lim)))
		w--;
	size_t b, e, c = w;
	const lex_entry *pe;
	/* the place opens the sentence, or the clause after a comma:
	 * "According to the directorate, Kalindi has recorded 318 cases" */
	while (c > s->t0 && !lex_punct(v, c - 1, lim, ','))
		c--;
	if ((opening_place(l, v, s, w + 1, &b, &e, &pe) ||
	     (c > s->t0 && clause_place(l, v, s, c, w + 1, &b, &e, &pe))) &&
	    e == w)
		scope_offer(sp, 0, b, e, pe ? pe->a : NULL, NULL);
}

/* A clause that opens with ", where" is of the place that ends the
 * phrase before the comma, after "in" or the like (prep_place): "cuts
 * will fall hardest in Westria, where 4,800 jobs will go". */
static void where_scope(const lex_view *v, const sent *s, size_t t0, scope_pick *sp)
{
	size_t lim = s->t1;
	size_t comma = relative_comma(v, s, t0);
	if (comma == SIZE_MAX || !lex_word_is(v, comma + 1, lim, "where"))
		return;
	for (size_t k = comma > s->t0 + 8 ? comma - 8 : s->t0; k < comma; k++) {
		size_t p, pend;
		const char *name;
		if (prep_place(v, k, comma, 0, &p, &pend, &name) == 1 && pend == comma) {
			sp->best = p;
			sp->end = pend;
			sp->name = name;
			sp->word = NULL;
			return;
		}
	}
}

static int figure_scope(ctx *c, size_t t0, size_t t1, corro_figure *cf)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t lim = s->t1;
	scope_pick sp = {SIZE_MAX, 0, SIZE_MAX, NULL, NULL};
	size_t anaphor = SIZE_MAX, anaphor_kind = SIZE_MAX; /* "there", "in the province" */
	size_t lo = t0 > s->t0 + 10 ? t0 - 10 : s->t0;
	size_t hi = t1 + 10 < lim ? t1 + 10 : lim, cl, cr;
	clause_bounds(v, lo, t0, t1, hi, &cl, &cr);
	/* the phrase that opens the sentence first, however far: it covers
	 * the whole sentence ("Nationwide, hospitals have admitted 3,410
	 * patients and recorded 52 deaths"), unless a nearer place says
	 * otherwise */
	size_t k0 = s->t0 < lo && t0 - s->t0 < 40 && !contrast_between(v, s->t0, t0, lim) ? s->t0
											  : lo;
	for (size_t k = k0; k < hi; k = k < lo ? lo : k + 1) {
		size_t d = k < t0 ? t0 - k : k >= t1 ? k - t1 : 0;
		int fronted = k == s->t0;
		if (TOK(k)->type != TK_WORD || (!fronted && (k < cl || k > cr)))
			continue;
		if (TOK(k)->start >= cf->source_span.start && TOK(k)->start < cf->source_span.end)
			continue;
		size_t len;
		const lex_entry *e;
		if (lex_has(v, k, LEX_BIT(LEX_SCOPE)) &&
		    (e = lex_match(v, k, lim, LEX_BIT(LEX_SCOPE), &len)) &&
		    !lex_word_is(v, k + len, lim, "of")) { /* "across the state of X" */
			scope_offer(&sp, d, k, k + len, NULL, e->a);
			continue;
		}
		size_t b0, p, pend;
		const char *name;
		if (possessive_place(v, s, k, t0, lo, &b0, &name))
			scope_offer(&sp, d, b0, k + 1, name, NULL);
		char c0 = (char)(v->text[TOK(k)->start] | 0x20); /* a cheap first test */
		if (c0 == 't' && anaphor == SIZE_MAX && there_place(v, s, k)) {
			anaphor = k;
			continue;
		}
		if (!strchr("iatw", c0))
			continue;
		int r = prep_place(v, k, lim, anaphor == SIZE_MAX, &p, &pend, &name);
		if (r == 2) {
			anaphor = k;
			anaphor_kind = p;
		} else if (r == 1) {
			scope_offer(&sp, d, p, pend, name, NULL);
		}
	}
	if (sp.best == SIZE_MAX && anaphor != SIZE_MAX)
		anaphor_scope(c, anaphor, anaphor_kind, &sp, cf);
	if (sp.best == SIZE_MAX)
		where_scope(v, s, t0, &sp);
	if (sp.best == SIZE_MAX)
		with_scope(c->out, v, s, t0, &sp);
	if (sp.best == SIZE_MAX)
		counted_by_place(c->out, v, s, t0, t1, &sp);
	if (sp.best == SIZE_MAX)
		return 0;
	/* "in Orsava alone 87 died": a part of a whole told elsewhere */
	if (lex_word_is(v, sp.end, lim, "alone"))
		cf->part = 1;
	cf->scope_span.start = TOK(sp.best)->start;
	cf->scope_span.end = TOK(sp.end - 1)->end;
	if (sp.word)
		cf->scope = sp.word;
	else
		cf->scope = sp.name ? sp.name
				    : arena_strndup(c->a, v->text + cf->scope_span.start,
						    cf->scope_span.end - cf->scope_span.start);
	return cf->scope ? 0 : -1;
}

/* Is token k in a phrase that opens the sentence and whose one comma
 * leads to the clause of token t ("In the previous attack, 30 died")? */
static int fronted_phrase(const lex_view *v, const sent *s, size_t k, size_t t)
{
	size_t lim = s->t1;
	if (clause_break(v, s->t0, k + 1, lim))
		return 0;
	size_t q = k + 1;
	while (q < t && !clause_break(v, q, q + 1, lim))
		q++;
	return q < t && lex_punct(v, q, lim, ',') && !clause_break(v, q + 1, t, lim);
}

/* Is a word of category cat at most three words before token k, in its
 * clause and ending before it? */
static int word_before_event(const lex_view *v, const sent *s, size_t k, lex_cat cat)
{
	size_t lo = k > s->t0 + 3 ? k - 3 : s->t0;
	for (size_t q = k; q-- > lo;) {
		size_t len;
		if (clause_break(v, q, q + 1, s->t1))
			return 0;
		if (lex_has(v, q, LEX_BIT(cat)) && lex_match(v, q, s->t1, LEX_BIT(cat), &len) &&
		    q + len <= k)
			return 1;
	}
	return 0;
}

/* Does the event noun at token k name an earlier occurrence: "last year's
 * floods", "the previous attack", "since 2023, when a fire ..."? */
static int earlier_event(const lex_view *v, const sent *s, size_t k)
{
	if (word_before_event(v, s, k, LEX_EARLIER))
		return 1;
	/* "since 2023, when ...": a year after "since" */
	size_t lo = k > s->t0 + 3 ? k - 3 : s->t0;
	for (size_t q = k; q-- > lo;) {
		const tok *t = TOK(q);
		if (clause_break(v, q, q + 1, s->t1))
			return 0;
		if (t->type == TK_NUM && t->end - t->start == 4 && q > s->t0 &&
		    lex_word_is(v, q - 1, s->t1, "since"))
			return 1;
	}
	return 0;
}

/* The comma that opens a relative clause holding token t ("..., when a
 * fire killed 31", "..., in which 4,300 died"), or SIZE_MAX. */
static size_t relative_comma(const lex_view *v, const sent *s, size_t t)
{
	size_t lim = s->t1, q = t, lo = t > s->t0 + 12 ? t - 12 : s->t0;
	while (q > lo && !clause_break(v, q - 1, q, lim))
		q--;
	if (q <= s->t0 + 1 || !lex_punct(v, q - 1, lim, ','))
		return SIZE_MAX;
	if (lex_word_is(v, q, lim, "when") || lex_word_is(v, q, lim, "where") ||
	    lex_word_is(v, q, lim, "which") ||
	    ((lex_word_is(v, q, lim, "in") || lex_word_is(v, q, lim, "during")) &&
	     lex_word_is(v, q + 1, lim, "which")))
		return q - 1;
	return SIZE_MAX;
}

/* The occurrence a figure is of: the event noun nearest to it in its own
 * clause, at most ten tokens away (data/measures.tsv OCCASION): "killed in the
 * blast" is the incident, "wounded since the war began" the whole campaign,
 * "in the aftershock" another occurrence, "in last year's floods" an
 * earlier one. */
/* Is the event noun at k a verb after "to" ("vowed to crush the revolt",
 * "threatened to strike")?  Not a plural or an -ing form ("due to
 * floods", "led to flooding"), nor a campaign ("went to war"). */
static int infinitive_at(const lex_view *v, size_t k, size_t lim, const lex_entry *e)
{
	const tok *t = TOK(k);
	size_t n = t->end - t->start;
	const char *w = v->text + t->start;
	if (k == 0 || !lex_word_is(v, k - 1, lim, "to") || (e->a && strcmp(e->a, "whole") == 0))
		return 0;
	return !(w[n - 1] == 's' || (n > 3 && memcmp(w + n - 3, "ing", 3) == 0));
}

/* "the 2011 quake", "2021's election", "the 2017 cholera outbreak": a year
 * among the three words before the event noun at k is the time the figure
 * is given for (the time stage reads a bare year only after "in" and the
 * like).  The fact stage compares it with the publication date. */
/* "that" before an event noun points back; with a year earlier in the
 * sentence it is that year's: "The record, set in 2013, is 8.1m; 27 people
 * died in that flood".  Returns the year's token, or SIZE_MAX. */
/* Is token q a year written out (four digits, 1800 to 2100)? */
static int year_tok(const lex_view *v, size_t q)
{
	const tok *t = TOK(q);
	if (t->type != TK_NUM || t->end - t->start != 4)
		return 0;
	int year = 0;
	for (size_t i = t->start; i < t->end; i++) {
		if (v->text[i] < '0' || v->text[i] > '9')
			return 0;
		year = year * 10 + (v->text[i] - '0');
	}
	return year >= 1800 && year <= 2100;
}

static size_t that_year(const lex_view *v, const sent *s, size_t k, const corro_figure *cf)
{
	/* "that floods could kill": a conjunction before a plural */
	if (k == s->t0 || !lex_word_is(v, k - 1, s->t1, "that") || plural_form(v, k))
		return SIZE_MAX;
	for (size_t q = k - 1; q-- > s->t0;) {
		const tok *t = TOK(q);
		if (!year_tok(v, q) || (t->start >= cf->text.start && t->start < cf->text.end) ||
		    (q > s->t0 &&
		     (lex_punct(v, q - 1, s->t1, ',') || lex_punct(v, q - 1, s->t1, '$'))))
			continue;
		return q;
	}
	return SIZE_MAX;
}

static void event_year(ctx *c, size_t k, corro_figure *cf)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t lo = k > s->t0 + 3 ? k - 3 : s->t0;
	for (size_t q = k; q-- > lo;) {
		const tok *t = TOK(q);
		if (clause_break(v, q, q + 1, s->t1))
			return;
		if (t->type != TK_NUM || t->end - t->start != 4)
			continue;
		const char *d = v->text + t->start;
		int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
			   (d[3] - '0');
		/* a number before the figure's own words is no year of it,
		 * nor one with a unit glued or a comma group */
		if (year < 1800 || year > 2100 ||
		    (t->start >= cf->text.start && t->start < cf->text.end) ||
		    (q > s->t0 && lex_punct(v, q - 1, s->t1, ',')) ||
		    (q > s->t0 && lex_punct(v, q - 1, s->t1, '$')))
			return;
		if (!cf->as_of) {
			cf->as_of = arena_strndup(c->a, d, 4);
			cf->as_of_span.start = t->start;
			cf->as_of_span.end = t->end;
		}
		return;
	}
}

/* Does the sentence open on a clause of the last time something happened,
 * told by a verb of an occurrence (data/words.tsv CUE role recur): "When
 * cholera last swept the province, 10,000 fell ill", "The last time the
 * river burst its banks, 40 died"?  Its figures from that verb to the
 * first ';' are of that earlier occurrence, whatever its noun; "when
 * officials last checked" or "the last time the gunmen called" is a stale
 * word of this one.  Sets [*from, *to), empty when it does not; read once
 * a sentence. */
static void last_time_clause(const lex_view *v, const sent *s, size_t *from, size_t *to)
{
	size_t lim = s->t1, q = s->t0;
	*from = *to = 0;
	if (lex_word_is(v, q, lim, "the") && lex_word_is(v, q + 1, lim, "last") &&
	    lex_word_is(v, q + 2, lim, "time"))
		q += 3;
	else if (lex_word_is(v, q, lim, "when"))
		q++;
	else
		return;
	int last = lex_word_is(v, s->t0, lim, "the");
	size_t verb = SIZE_MAX;
	for (size_t k = q; k < lim && k < q + 10 && TOK(k)->type == TK_WORD; k++) {
		if (lex_word_is(v, k, lim, "last"))
			last = 1;
		else if (last && cue_at(v, k, lim, LEX_ROLE_RECUR)) {
			verb = k;
			break;
		}
	}
	if (verb == SIZE_MAX)
		return;
	size_t end = verb;
	while (end < lim && !lex_punct(v, end, lim, ';'))
		end++;
	*from = verb;
	*to = end;
}

/* The year an "in which" or "during which" clause holding the figure at
 * t0 hangs on, right before it with or without a comma ("an avalanche in
 * 2009 in which 12 people died", "the floods of 1998, during which 40
 * drowned"), no clause break between the clause and the figure; or
 * SIZE_MAX. */
static size_t in_which_year(const lex_view *v, const sent *s, size_t t0)
{
	size_t lim = s->t1;
	for (size_t w = t0; w-- > s->t0 + 2 && t0 - w < 8;) {
		if (!lex_word_is(v, w, lim, "which"))
			continue;
		if (!(lex_word_is(v, w - 1, lim, "in") || lex_word_is(v, w - 1, lim, "during")) ||
		    clause_break(v, w + 1, t0, lim))
			return SIZE_MAX;
		size_t y = w - 2;
		if (y > s->t0 && lex_punct(v, y, lim, ','))
			y--;
		return year_tok(v, y) ? y : SIZE_MAX;
	}
	return SIZE_MAX;
}

/* "That avalanche killed 12 people" (the event noun at best, entry be,
 * after a demonstrative that opens its phrase), after a sentence that
 * dates one: the year there, when a month names it ("a night like the one
 * in February 2009"), or "in" does and that sentence names the same
 * kind of event ("the dam failed in 2009"), or an event noun of any kind
 * has the year beside it ("the Brenna disaster of 1987", "the 1987
 * collapse"); else SIZE_MAX.  Not a count
 * that looks like a year ("About 1900 skiers"), nor a year of something
 * else ("The resort opened in 1998"). */
static size_t demonstrative_year(const ctx *c, size_t best, const lex_entry *be)
{
	const lex_view *v = c->v;
	const sent *s = c->s, *p = c->prev;
	size_t lim = s->t1;
	if (!p || best <= s->t0 || !lex_word_is(v, best - 1, lim, "that") ||
	    !(best - 1 == s->t0 || is_prep(v, best - 2, lim)))
		return SIZE_MAX;
	int same = 0;
	for (size_t k = p->t0; k < p->t1 && !same; k++) {
		size_t len;
		const lex_entry *e = lex_has(v, k, LEX_BIT(LEX_OCCASION))
					     ? lex_match(v, k, p->t1, LEX_BIT(LEX_OCCASION), &len)
					     : NULL;
		if (!e)
			continue;
		same = e->b && be->b && strcmp(e->b, be->b) == 0;
		/* an event the sentence dates itself, of whatever kind: "the
		 * dam disaster of 1987", "the 1987 collapse" ("that" points
		 * back to an event named there) */
		size_t y = k + len;
		if (y + 1 < p->t1 && lex_word_is(v, y, p->t1, "of") && year_tok(v, y + 1))
			return y + 1;
		/* past up to two words of a name or a modifier: "the 1987
		 * dam failure", "the 2011 Tohoku earthquake" */
		for (size_t q = k, w = 0; q > p->t0 && w <= 2; q--, w++) {
			/* after a determiner or a possessive ("the 1987", "the
			 * town's 1987"), not a count ("some 2000 flood victims") */
			if (year_tok(v, q - 1) && q - 1 > p->t0 &&
			    (det_like(v, q - 2, p->t1) || tok_is(v->text, TOK(q - 2), "'s")))
				return q - 1;
			if (TOK(q - 1)->type != TK_WORD || lex_has(v, q - 1, LEX_BIT(LEX_STOP)))
				break;
		}
	}
	for (size_t q = p->t1; q-- > p->t0 + 1;)
		if (year_tok(v, q) && (lex_has(v, q - 1, LEX_BIT(LEX_MONTH)) ||
				       (same && lex_word_is(v, q - 1, p->t1, "in"))))
			return q;
	return SIZE_MAX;
}

/* The first token of the verbs right before t0 (at most three, not
 * before lo): "has killed", "infected"; t0 when none. */
static size_t verbs_before(const lex_view *v, size_t lo, size_t t0, size_t lim)
{
	size_t q = t0;
	while (q > lo && q + 3 > t0 && TOK(q - 1)->type == TK_WORD &&
	       verb_class(v, q - 1, lim, NULL))
		q--;
	return q;
}

/* The event noun of a subject an aside sets off from its verb, the verb
 * right before the figure: "The 2019 outbreak, which began in the
 * north, infected 5,600 people" (the noun within the three words before
 * the aside's opening ", which", ", who" or ", that").  Returns its token
 * (SIZE_MAX: none) and sets *e and *len. */
static size_t aside_antecedent_event(const lex_view *v, const sent *s, size_t t0,
				     const lex_entry **e, size_t *len)
{
	size_t lim = s->t1, q = verbs_before(v, s->t0, t0, lim);
	*e = NULL;
	if (q == t0 || q <= s->t0 + 2 || !lex_punct(v, q - 1, lim, ','))
		return SIZE_MAX;
	for (size_t c = q - 1; c-- > s->t0 + 1 && c + 24 > q;) {
		if (lex_punct(v, c, lim, ';') || lex_punct(v, c, lim, ':'))
			return SIZE_MAX;
		if (!lex_punct(v, c, lim, ','))
			continue;
		if (!(lex_word_is(v, c + 1, lim, "which") || lex_word_is(v, c + 1, lim, "who") ||
		      lex_word_is(v, c + 1, lim, "that")))
			return SIZE_MAX;
		for (size_t k = c; k-- > s->t0 && k + 4 > c;) {
			if (!(TOK(k)->flags & TF_UPPER) || k == s->t0) {
				const lex_entry *oe = lex_has(v, k, LEX_BIT(LEX_OCCASION))
							      ? lex_match(v, k, lim,
									  LEX_BIT(LEX_OCCASION),
									  len)
							      : NULL;
				if (oe && k + *len == c) {
					*e = oe;
					return k;
				}
			}
		}
		return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* A figure of a verb joined by "and" to the verb of the figure before,
 * with no subject of its own between, is of that figure's event: "The
 * 2019 outbreak infected 5,600 people and killed 112" (at most three
 * words of the first figure's noun before the "and"). */
static void coordinated_event(const lex_view *v, const sent *s, const fig_list *out,
			      size_t first_fig, const expr *x, corro_figure *cf)
{
	if (out->n <= first_fig)
		return;
	const fig *pf = &out->v[out->n - 1];
	size_t lim = s->t1;
	if (!pf->f.event || pf->t1 >= x->t0)
		return;
	size_t q = verbs_before(v, pf->t1, x->t0, lim);
	if (q == x->t0 || q <= pf->t1 || !lex_word_is(v, q - 1, lim, "and") || q - 1 > pf->t1 + 3)
		return;
	for (size_t k = pf->t1; k < q - 1; k++)
		if (TOK(k)->type != TK_WORD)
			return;
	cf->event = pf->f.event;
	cf->event_span = pf->f.event_span;
	cf->occasion = pf->f.occasion;
	if (!cf->as_of && pf->f.as_of) {
		cf->as_of = pf->f.as_of;
		cf->as_of_span = pf->f.as_of_span;
	}
}

static int figure_event(ctx *c, size_t t0, size_t t1, corro_figure *cf)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t lim = s->t1, dist = SIZE_MAX, len = 0, blen = 0, best = SIZE_MAX;
	const lex_entry *be = NULL;
	size_t lo = t0 > s->t0 + 10 ? t0 - 10 : s->t0;
	size_t hi = t1 + 10 < lim ? t1 + 10 : lim;
	size_t cl, cr;
	clause_bounds(v, lo, t0, t1, hi, &cl, &cr);
	size_t rel = SIZE_MAX;
	int rel_done = 0;
	for (size_t k = lo; k < hi; k++) {
		size_t d = k < t0 ? t0 - k : k >= t1 ? k - t1 : 0;
		if (d >= dist || !lex_has(v, k, LEX_BIT(LEX_OCCASION)) || k > cr)
			continue;
		if (k < cl) {
			/* a relative clause's antecedent ("the 1987 sinking, in
			 * which") or a fronted phrase */
			if (!rel_done) {
				rel = relative_comma(v, s, t0);
				rel_done = 1;
			}
			int antecedent = rel != SIZE_MAX && k < rel && k + 4 >= rel &&
					 !clause_break(v, k, rel, lim);
			if (!antecedent && !fronted_phrase(v, s, k, t0))
				continue;
		}
		const lex_entry *e = lex_match(v, k, lim, LEX_BIT(LEX_OCCASION), &len);
		/* a capitalised event noun inside a name ("Fire Brigade") is
		 * none, nor one before "of" ("conflict of interest"), nor the
		 * source's words */
		if (!e || (k > s->t0 && (TOK(k)->flags & TF_UPPER)) ||
		    lex_word_is(v, k + len, lim, "of") ||
		    /* a modifier of a plural noun: "fire crews", "war crimes" */
		    (k + len < lim && (TOK(k + len)->flags & TF_SPACE) &&
		     plural_noun_at(v, k + len, lim) && !lex_has(v, k + len, LEX_BIT(LEX_VERB))) ||
		    (TOK(k)->start >= cf->source_span.start &&
		     TOK(k)->start < cf->source_span.end) ||
		    infinitive_at(v, k, lim, e))
			continue;
		dist = d;
		best = k;
		blen = len;
		be = e;
	}
	if (!be)
		best = aside_antecedent_event(v, s, t0, &be, &blen);
	if (!be) {
		if (t0 >= c->last0 && t0 < c->last1)
			cf->occasion = CORRO_OCCASION_EARLIER;
		return 0;
	}
	cf->event = be->b;
	cf->event_span.start = TOK(best)->start;
	cf->event_span.end = TOK(best + blen - 1)->end;
	event_year(c, best, cf);
	/* "since 2023, when a fire killed 31": the year the clause hangs on */
	if (!rel_done)
		rel = relative_comma(v, s, t0);
	size_t ty = that_year(v, s, best, cf);
	/* "the comparison is with 1998, when a quake killed 1,400": the
	 * year a ", when" clause holding the figure hangs on */
	if (ty == SIZE_MAX && rel != SIZE_MAX && rel > s->t0 &&
	    lex_word_is(v, rel + 1, lim, "when") && year_tok(v, rel - 1))
		ty = rel - 1;
	/* ... or an "in which" clause right after the year */
	if (ty == SIZE_MAX)
		ty = in_which_year(v, s, t0);
	/* the demonstrative's year is the figure's time, not yet its
	 * occasion: the facts stage keeps this year's this week's */
	size_t dy = ty == SIZE_MAX && !cf->as_of ? demonstrative_year(c, best, be) : SIZE_MAX;
	size_t yt = ty != SIZE_MAX ? ty : dy;
	if (yt != SIZE_MAX && !cf->as_of) {
		if (!(cf->as_of = arena_strndup(c->a, v->text + TOK(yt)->start, 4)))
			return -1;
		cf->as_of_span.start = TOK(yt)->start;
		cf->as_of_span.end = TOK(yt)->end;
	}
	if (earlier_event(v, s, best) || (rel != SIZE_MAX && earlier_event(v, s, rel)) ||
	    ty != SIZE_MAX)
		cf->occasion = CORRO_OCCASION_EARLIER;
	else if (be->a && strcmp(be->a, "whole") == 0)
		cf->occasion = CORRO_OCCASION_WHOLE;
	else if (word_before_event(v, s, best, LEX_LATER)) /* "a second blast" */
		cf->occasion = CORRO_OCCASION_OTHER;
	else if (be->a && strcmp(be->a, "other") == 0)
		cf->occasion = CORRO_OCCASION_OTHER;
	else
		cf->occasion = CORRO_OCCASION_INCIDENT;
	return 0;
}

/* Is the figure of tokens [t0, t1) a part of a whole counted beside it:
 * "two of them", "of whom three", "among them 12", "300 of the 1,200
 * jobs", "in the capital alone, 20", "Of the 300 arrested, 40"? */
static int set_det(const lex_view *v, size_t k, size_t lim);

/* Is token k a noun of a paid post, singular or plural ("jobs", "posts":
 * data/words.tsv CUE role post)? */
static int post_noun(const lex_view *v, size_t k, size_t lim)
{
	char w[64];
	size_t n = tok_singular(v, k, lim, w, sizeof w);
	return n && lex_cue_word(w, n, LEX_ROLE_POST) != NULL;
}

static int part_of_whole(const lex_view *v, const sent *s, size_t t0, size_t t1)
{
	size_t lim = s->t1;
	/* "two of them were ...", not "killed 40 of them": the figure
	 * opens its clause */
	int opens = t0 == s->t0 || lex_punct(v, t0 - 1, lim, ',') ||
		    lex_word_is(v, t0 - 1, lim, "and") || lex_word_is(v, t0 - 1, lim, "including");
	if (opens && lex_word_is(v, t1, lim, "of") &&
	    (lex_word_is(v, t1 + 1, lim, "them") || lex_word_is(v, t1 + 1, lim, "those") ||
	     lex_word_is(v, t1 + 1, lim, "whom") || lex_word_is(v, t1 + 1, lim, "which") ||
	     (lex_word_is(v, t1 + 1, lim, "the") && t1 + 2 < lim &&
	      (TOK(t1 + 2)->type == TK_NUM || lex_has(v, t1 + 2, LEX_BIT(LEX_NUM)) ||
	       /* "Eleven of the dead", "two of the injured" */
	       lex_one(v, t1 + 2, lim, LEX_BIT(LEX_NOUNPRED)) ||
	       /* "3,500 of the posts will go in Germany": of posts
	        * already counted */
	       post_noun(v, t1 + 2, lim)))))
		return 1;
	/* "Of the suspected cases, 412 have been confirmed": a fronted
	 * of-phrase names the whole the figure after its comma is part of */
	if (t0 > s->t0 + 2 && lex_word_is(v, s->t0, lim, "of") && lex_punct(v, t0 - 1, lim, ',') &&
	    (set_det(v, s->t0 + 1, lim) || TOK(s->t0 + 1)->type == TK_NUM)) { /* not "Of course" */
		size_t q = s->t0 + 1;
		/* a comma between digits is the number's: "Of the 1,200
		 * people tested, 412" */
		while (q < t0 - 1 && (!lex_punct(v, q, lim, ',') ||
				      (TOK(q - 1)->type == TK_NUM && TOK(q + 1)->type == TK_NUM &&
				       !(TOK(q + 1)->flags & TF_SPACE))))
			q++;
		if (q == t0 - 1)
			return 1;
	}
	/* "in the capital alone, 20 died", not "Alone, 20 soldiers held"
	 * or "Left alone, 20 died": a noun before "alone" */
	size_t al = t0 > s->t0 && lex_word_is(v, t0 - 1, lim, "alone") ? t0 - 1
		    : t0 > s->t0 + 1 && lex_punct(v, t0 - 1, lim, ',') &&
				    lex_word_is(v, t0 - 2, lim, "alone")
			    ? t0 - 2
			    : SIZE_MAX;
	if (al != SIZE_MAX && al > s->t0 + 1 && TOK(al - 1)->type == TK_WORD &&
	    !verb_class(v, al - 1, lim, NULL) && !lex_has(v, al - 1, LEX_BIT(LEX_STOP)))
		return 1;
	return t0 >= s->t0 + 2 &&
	       ((lex_word_is(v, t0 - 2, lim, "of") &&
		 (lex_word_is(v, t0 - 1, lim, "whom") || lex_word_is(v, t0 - 1, lim, "which"))) ||
		(lex_word_is(v, t0 - 2, lim, "among") && lex_word_is(v, t0 - 1, lim, "them")));
}

/* A determiner before the noun of a set: "of the hostages", "of its
 * banks". */
static int set_det(const lex_view *v, size_t k, size_t lim)
{
	return lex_cue_is(v, k, lim, LEX_ROLE_SET_DET);
}

/* "one of the hostages", "one of its largest banks": one member of a set
 * named by a plural noun (not "one of them", "one of the two"). */
static int one_of_set(const lex_view *v, size_t t1, size_t lim)
{
	size_t k = t1 + 1, head;
	if (!lex_word_is(v, t1, lim, "of") || !set_det(v, k, lim) || k + 1 >= lim ||
	    TOK(k + 1)->type != TK_WORD || lex_has(v, k + 1, LEX_BIT(LEX_NUM)))
		return 0;
	k++;
	if (lex_word_is(v, k, lim, "most") || lex_word_is(v, k, lim, "least"))
		k++; /* "one of the most populous states" */
	read_np(v, k, lim, &head);
	return head != SIZE_MAX && plural_form(v, head);
}

/* A superlative after a number word opens a ranked set: "the three largest
 * cities", "its two biggest lenders" count their members, where "the three
 * leaders" refers back to them. */
static int ranked_set(const lex_view *v, size_t k, size_t lim)
{
	if (k >= lim || TOK(k)->type != TK_WORD || (TOK(k)->flags & TF_UPPER))
		return 0;
	char w[32];
	size_t n = tok_lower(v->text, TOK(k), w, sizeof w);
	int sup = (n >= 6 && strcmp(w + n - 3, "est") == 0) || strcmp(w, "best") == 0 ||
		  strcmp(w, "worst") == 0 || strcmp(w, "most") == 0 || strcmp(w, "least") == 0;
	if (sup && lex_cue_is(v, k, lim, LEX_ROLE_NOT_SUPERLATIVE))
		sup = 0; /* "forest", "protest" */
	size_t head;
	if (!sup)
		return 0;
	if (strcmp(w, "most") == 0 || strcmp(w, "least") == 0)
		k++; /* "the two most populous states" */
	read_np(v, k, lim, &head);
	return head != SIZE_MAX && plural_form(v, head);
}

/* ---- putting it together ---- */

/* A change cue ends at token e - 1: "rose", "fell by", "gained" (a CHANGE
 * phrase, or a verb whose class is change in data/classes.tsv). */
static int change_cue(const lex_view *v, const sent *s, size_t e)
{
	if (e <= s->t0)
		return 0;
	size_t cs;
	const lex_entry *ce = lex_match_ending(v, s->t0, e - 1, LEX_BIT(LEX_CHANGE), &cs);
	if (ce)
		return strcmp(ce->a, "none") != 0 && !hyphen_tail(v, cs);
	const lex_entry *ve;
	lex_vclass cls = verb_class(v, e - 1, s->t1, &ve);
	if (!cls || cls != LEX_VC_PRED)
		return 0;
	const char *m = measure_of(ve->a);
	return m && strcmp(m, "change") == 0;
}

/* The amount of a figure: its number, a currency before it ("$50", "US$
 * 150", "USD 200"), a unit or a second scale after it ("75 USD million").
 * Returns the token of the currency before it, or SIZE_MAX. */
static size_t expr_amount(const lex_view *v, const sent *s, const num_match *m, expr *x)
{
	size_t lim = s->t1;
	memset(x, 0, sizeof *x);
	x->t0 = m->t0;
	x->t1 = m->t1;
	x->value = m->value;
	x->low = m->low;
	x->high = m->high;
	x->hedge = CORRO_HEDGE_EXACT;
	int scaled = (m->flags & NF_SCALE) != 0;
	if (m->flags & NF_VAGUE) {
		x->hedge = CORRO_HEDGE_RANGE;
		x->is_range = 1;
		x->vague = m->flags & NF_PLURAL ? CORRO_VAGUE_PLURAL
			   : m->flags & NF_MANY ? CORRO_VAGUE_MANY
						: CORRO_VAGUE_NONE;
	}

	/* currency before: $50, US$ 150, USD 200 */
	qty_unit cu;
	size_t cs = qty_currency_before(v, s->t0, m->t0, &cu);
	if (cs != SIZE_MAX) {
		x->t0 = cs;
		x->unit = cu.unit;
		x->kind = cu.kind;
		x->uflags = cu.flags;
		x->currency_code = cu.code;
		if (cu.mul > 1)
			x->value *= cu.mul; /* MAUD 60 */
	}
	size_t j = m->t1;
	/* a second scale after a suffix, "75 USD million" */
	if (!x->unit) {
		size_t nj = unit_after(v, m->t0, j, lim, x, scaled);
		if (nj > j) {
			j = nj;
			/* "75 USD million" and "dollars 22.5 million" */
			const lex_entry *sc = lex_one(v, j, lim, LEX_BIT(LEX_SCALE));
			if (sc && sc->value >= 1000 && strcmp(x->kind, "currency") == 0) {
				x->value *= sc->value;
				j++;
			}
		}
	} else {
		/* "$5 dollars" is rare; "$ 10 dollars" takes both */
		size_t len;
		const lex_entry *e = lex_match(v, j, lim, LEX_BIT(LEX_CUR_WORD), &len);
		if (e && strcmp(e->a, "dollar") == 0 && strstr(x->unit, "dollar"))
			j += len;
	}
	x->t1 = j;
	return cs;
}

/* Does a verb, past its object, come right before "from" at token f, so
 * that "from X to Y" is where a thing moved from and to ("widened the zone
 * from 1 km to 3 km", "was extended from 5 km to 8 km", "raised the
 * reward from 20,000 to 50,000 euros")?  Not a verb of spread ("ranged
 * from", "varied from"), nor a noun ("ages from 5 to 12"). */
static int verb_moves_from(const lex_view *v, const sent *s, size_t f)
{
	size_t lim = s->t1, q = f;
	/* the object: a determiner and up to three words, no verb */
	if (q > s->t0 && !verb_class(v, q - 1, lim, NULL) && !ed_word(v, q - 1)) {
		size_t n = 0;
		while (q > s->t0 && n < 4 && TOK(q - 1)->type == TK_WORD &&
		       !(TOK(q - 1)->flags & TF_UPPER) && !verb_class(v, q - 1, lim, NULL) &&
		       !ed_word(v, q - 1) && !det_like(v, q - 1, lim) &&
		       !cue_at(v, q - 1, lim, LEX_ROLE_DETERMINER | LEX_ROLE_POSSESSIVE)) {
			q--;
			n++;
		}
		if (!n || q <= s->t0 ||
		    !(det_like(v, q - 1, lim) ||
		      cue_at(v, q - 1, lim, LEX_ROLE_DETERMINER | LEX_ROLE_POSSESSIVE)))
			return 0;
		q--;
	}
	if (q <= s->t0 || (TOK(q - 1)->flags & TF_UPPER))
		return 0;
	size_t k = q - 1;
	if (lex_word_is(v, k, lim, "ranged") || lex_word_is(v, k, lim, "ranging") ||
	    lex_word_is(v, k, lim, "range") || lex_word_is(v, k, lim, "ranges") ||
	    lex_word_is(v, k, lim, "varied") || lex_word_is(v, k, lim, "varying") ||
	    lex_word_is(v, k, lim, "vary") || lex_word_is(v, k, lim, "varies"))
		return 0;
	lex_vclass c = verb_class(v, k, lim, NULL);
	return (c == LEX_VC_PRED || (!c && ed_word(v, k))) &&
	       !(k > s->t0 && det_like(v, k - 1, lim));
}

/* A range from the amount on: "10,000 to 12,000", "10,000-12,000", "between
 * X and Y", "two or three", "from X to Y", but not a change then a level
 * ("rose 6.3 percent to 41.10 yuan"); cs is the currency's token before
 * the amount, or SIZE_MAX.  *scan_to moves past a second number taken. */
static void range_rule(const lex_view *v, const sent *s, const num_match *m, expr *x, size_t cs,
		       size_t *scan_to)
{
	/* ranges: 10,000 to 12,000; 10,000-12,000; between X and Y; two or
	 * three; from X to Y */
	size_t lim = s->t1;
	size_t k = x->t1;
	size_t b0 = x->t0; /* "between $2bn and $4bn": before the symbol */
	int between = b0 > s->t0 && (lex_word_is(v, b0 - 1, lim, "between") ||
				     lex_word_is(v, b0 - 1, lim, "from"));
	/* a change then a level: "rose 6.3 percent to 41.10 yuan", "fell
	 * from $52,100 to $49,870" are two figures, not a range */
	int change_before = change_cue(v, s, between ? b0 - 1 : b0);
	if (!change_before && between && lex_word_is(v, b0 - 1, lim, "from"))
		change_before = verb_moves_from(v, s, b0 - 1);
	if (change_before && lex_word_is(v, b0 - 1, lim, "from")) {
		between = 0, k = lim; /* no range */
		from_takes_level(v, m, x, lim);
	}
	int own_unit = x->unit && cs == SIZE_MAX;
	int joiner = 0;
	/* a suspended hyphen: "a 10- to 15-minute walk" */
	if (!x->unit && is_hyphen(v, k, lim) && lex_glued(v, k) &&
	    (lex_word_is(v, k + 1, lim, "to") || lex_word_is(v, k + 1, lim, "or")))
		k++;
	if (is_dash(v, k, lim) || lex_punct(v, k, lim, '~') || lex_punct(v, k, lim, 0x2013))
		joiner = 1;
	else if (lex_word_is(v, k, lim, "to") || lex_word_is(v, k, lim, "through") ||
		 lex_word_is(v, k, lim, "and") || lex_word_is(v, k, lim, "or"))
		joiner = 1;
	if (joiner && k + 1 < lim && !(TOK(k + 1)->flags & TF_NEWLINE)) {
		int and_ok = !lex_word_is(v, k, lim, "and") ||
			     (between && lex_word_is(v, b0 - 1, lim, "between"));
		int or_ok = !lex_word_is(v, k, lim, "or") ||
			    ((m->flags & NF_WORDS) && !(m->flags & NF_SCALE) && m->value < 20);
		/* any "to" joins, after "between" too: "between 44 mg to 50 mg" */
		size_t n0 = k + 1;
		/* "50-to-200": the joiner hyphenated on both sides */
		if (lex_word_is(v, k, lim, "to") && is_hyphen(v, n0, lim) && lex_glued(v, n0) &&
		    lex_glued(v, k))
			n0++;
		/* "$2 to $3 billion": the second amount's symbol */
		if (n0 < lim && lex_has(v, n0, LEX_BIT(LEX_CUR_SYM)) &&
		    lex_one(v, n0, lim, LEX_BIT(LEX_CUR_SYM)))
			n0 = n0 + 1;
		num_match m2;
		if (and_ok && or_ok && num_parse(v, n0, lim, &m2) &&
		    !(m2.flags & (NF_ORDINAL | NF_LONG | NF_VAGUE)) &&
		    /* "by a third to 2.1 million": a share, then a level */
		    !(num_word_fraction(m) && !(m2.flags & NF_FRACTION)) &&
		    !(is_dash(v, k, lim) && (m2.flags & NF_NEGATIVE))) {
			double a = x->value, b = m2.value;
			/* "3 to 5 million": the scale is shared */
			if ((m2.flags & NF_SCALE) && !(m->flags & NF_SCALE) && a < b &&
			    a * 1000 <= b)
				a = shared_scale(a, b);
			/* "grew by 470,000 to 30.5 million": a change, then a
			 * level in a scale the change does not share */
			else if ((m2.flags & NF_SCALE) && !(m->flags & NF_SCALE) && b0 > s->t0 &&
				 lex_word_is(v, b0 - 1, lim, "by") && lex_word_is(v, k, lim, "to"))
				return;
			if (m->flags & NF_VAGUE)
				return;
			/* "cases rose 40 to 1,240": after a change, a level ten
			 * times the first number or more is no end of a range */
			if (change_before && !between && lex_word_is(v, k, lim, "to") && a > 0 &&
			    b >= 10 * a)
				return;
			/* years and page ranges are not figures either; below
			 * zero a range may run by size: "-18 to -34" */
			if (b > a || (lex_word_is(v, k, lim, "or") && b != a) ||
			    (a < 0 && b < a && !lex_word_is(v, k, lim, "and"))) {
				expr y;
				memset(&y, 0, sizeof y);
				y.value = b;
				size_t j2 = unit_after(v, m2.t0, m2.t1, lim, &y,
						       (m2.flags & NF_SCALE) != 0);
				/* each number with a unit of its own after a
				 * change, or two different units: two figures */
				int sym2 = n0 > k + 1 && lex_has(v, n0 - 1, LEX_BIT(LEX_CUR_SYM));
				if (own_unit && lex_word_is(v, k, lim, "to") &&
				    (change_before || sym2 ||
				     (y.unit && strcmp(y.unit, x->unit) != 0)))
					return;
				/* "rose $12 to $1,950": a change then a level,
				 * each with its currency sign */
				if (cs != SIZE_MAX && change_before && sym2 &&
				    lex_word_is(v, k, lim, "to"))
					return;
				if (y.unit && !x->unit) {
					x->unit = y.unit;
					x->kind = y.kind;
					x->uflags = y.uflags;
					x->currency_code = y.currency_code;
				}
				x->low = a < b ? a : b;
				x->high = a < b ? b : a;
				if (y.unit && strcmp(y.kind, "currency") == 0 && y.value != b)
					x->high = y.value;
				x->value = NAN;
				x->hedge = CORRO_HEDGE_RANGE;
				x->is_range = 1;
				x->t1 = j2;
				if (between)
					x->t0 = b0 - 1;
				*scan_to = m2.t1;
			}
		}
	}
}

/* Hedges around an amount that is not a range: before it ("more than",
 * "nearly") and after it ("500 or more", "10,000-plus", "40 or so"). */
static void hedge_rules(const lex_view *v, const sent *s, const num_match *m, expr *x)
{
	size_t lim = s->t1;
	if (x->is_range && !(m->flags & NF_VAGUE))
		return;
	/* before: the longest phrase ending just before the figure */
	size_t hs;
	const lex_entry *h = x->t0 > s->t0 ? lex_match_ending(v, s->t0, x->t0 - 1,
							      LEX_BIT(LEX_HEDGE_PRE), &hs)
					   : NULL;
	/* the particle of a verb of the lexicon is none: "handed over 95
	 * soldiers" */
	size_t vs;
	if (h && lex_match_ending(v, s->t0, x->t0 - 1, LEX_BIT(LEX_VERB), &vs) && vs < hs)
		h = NULL;
	if (h && !(m->flags & NF_VAGUE)) {
		/* "over" and "under" after a verb of motion or time are
		 * prepositions ("over 3 years"), but these readings
		 * are the common ones in news; keep them. */
		set_hedge(x, h);
		x->near = h->value == 1; /* "nearly": close below */
		x->t0 = hs;
	}
	/* hedges after: 500 or more, 10,000-plus, 40 or so */
	size_t len;
	const lex_entry *hp = NULL;
	size_t p = x->t1;
	if (is_dash(v, p, lim) && lex_glued(v, p) && lex_word_is(v, p + 1, lim, "plus"))
		p++;
	hp = lex_match(v, p, lim, LEX_BIT(LEX_HEDGE_POST), &len);
	if (hp && !(m->flags & NF_VAGUE)) {
		/* "+" only when glued: "500+" */
		if (!(lex_punct(v, p, lim, '+') && !lex_glued(v, p))) {
			set_hedge(x, hp);
			x->t1 = p + len;
		}
	}
}

/* A unit shared with the next number: "45 and 50 mg", "5 or 6 km". */
static void shared_unit_rule(const lex_view *v, const sent *s, expr *x)
{
	size_t lim = s->t1;
	if (!x->unit && !x->is_range &&
	    (lex_word_is(v, x->t1, lim, "and") || lex_word_is(v, x->t1, lim, "or"))) {
		num_match m3;
		expr y;
		memset(&y, 0, sizeof y);
		if (num_parse(v, x->t1 + 1, lim, &m3) &&
		    !(m3.flags & (NF_ORDINAL | NF_LONG | NF_VAGUE)) &&
		    unit_after(v, m3.t0, m3.t1, lim, &y, (m3.flags & NF_SCALE) != 0) > m3.t1 &&
		    (y.uflags & QU_MEASURE) && !(y.uflags & QU_MONEY)) {
			x->unit = y.unit;
			x->kind = y.kind;
			x->uflags = y.uflags;
		}
	}
}

/* A change: "rose by 5%", "fell by 2,000", "another 10,000". */
static void change_rule(const lex_view *v, const sent *s, expr *x)
{
	size_t lim = s->t1;
	size_t cs3;
	const lex_entry *ch = x->t0 > s->t0 ? lex_match_ending(v, s->t0, x->t0 - 1,
							       LEX_BIT(LEX_CHANGE), &cs3)
					    : NULL;
	/* a noun of a move (value 2) is one only after its figure */
	if (ch && ch->value == 2)
		ch = NULL;
	if (ch) {
		int single = cs3 == x->t0 - 1 &&
			     (lex_word_is(v, cs3, lim, "up") || lex_word_is(v, cs3, lim, "down"));
		int money = (x->kind && (strcmp(x->kind, "percent") == 0 ||
					 strcmp(x->kind, "currency") == 0)) ||
			    lex_word_is(v, x->t1, lim, "points");
		/* a bare verb ("rose 6.3 percent", "fell 412 points")
		 * changes money, shares and an index's points only: "lost
		 * 600,000 troops" is a loss */
		/* ... unless a level follows ("the toll rose 40 to
		 * 400": the 40 is the change) */
		int level_after = !x->is_range && lex_word_is(v, x->t1, lim, "to") &&
				  (lex_numtok(v, x->t1 + 1, lim) ||
				   lex_has(v, x->t1 + 1, LEX_BIT(LEX_CUR_SYM)));
		if (ch->value == 1 && !money && !level_after)
			single = 1;
		/* "make up 40% of cases" is a share, not a rise
		 * (CHANGE rows with "none") */
		int none = strcmp(ch->a, "none") == 0;
		if ((!single || money) && !none) {
			x->change = strcmp(ch->a, "up") == 0 ? 1 : -1;
		}
	}
	/* a noun of a fall after a figure that opens its noun phrase: "a
	 * 14% drop", "a 1,184-point collapse"; of a price, a share or
	 * points only.  Not of a rise: a noun of one names a raise someone
	 * sets or asks for as often as a move ("a 9% pay rise", "a 500
	 * basis-point increase", "a 14-cent duty rise") */
	size_t q = x->t1;
	int points = x->unit &&
		     (strcmp(x->unit, "point") == 0 || strcmp(x->unit, "percentage point") == 0 ||
		      strcmp(x->unit, "basis point") == 0);
	/* "1,184-point": the unit joined by a hyphen */
	if (!x->unit && q + 1 < lim && is_dash(v, q, lim) && lex_glued(v, q) &&
	    lex_glued(v, q + 1) && lex_word_is(v, q + 1, lim, "point")) {
		q += 2;
		points = 1;
	}
	const lex_entry *mv;
	if (!x->change && !x->is_range && q < lim && opens_noun_phrase(v, s, x->t0) &&
	    (mv = lex_one(v, q, lim, LEX_BIT(LEX_CHANGE))) != NULL && mv->value >= 1 &&
	    strcmp(mv->a, "down") == 0 && !strchr(mv->phrase, ' ') && !ed_word(v, q) &&
	    !past_verb(v, q) && !lex_cue_is(v, q, q + 1, LEX_ROLE_IRREGULAR_PAST) &&
	    (points ||
	     (x->kind && (strcmp(x->kind, "percent") == 0 || strcmp(x->kind, "currency") == 0))))
		x->change = -1;
}

/* An increment: "nine more people were hurt", "another 12 died" are
 * added to a count, not the count ("ten more than expected" is a
 * comparison, and stays a figure of its own). */
static void increment_rule(const lex_view *v, const sent *s, const num_match *m, expr *x)
{
	size_t lim = s->t1;
	int more = lex_word_is(v, x->t1, lim, "more");
	for (size_t q = x->t1 + 1; more && q < lim && q <= x->t1 + 3; q++)
		if (lex_word_is(v, q, lim, "than"))
			more = 0; /* "ten more games than" */
	/* "a further 14", "an additional 300", "an extra 40" are "another" */
	int further = x->t0 > s->t0 + 1 &&
		      (lex_word_is(v, x->t0 - 1, lim, "further") ||
		       lex_word_is(v, x->t0 - 1, lim, "additional") ||
		       lex_word_is(v, x->t0 - 1, lim, "extra")) &&
		      (lex_word_is(v, x->t0 - 2, lim, "a") || lex_word_is(v, x->t0 - 2, lim, "an"));
	if (!x->change && !x->is_range && !(m->flags & NF_FRACTION) && /* "another 3 in 10" */
	    (more || further || (x->t0 > s->t0 && lex_word_is(v, x->t0 - 1, lim, "another")))) {
		x->change = 1;
		x->increment = 1;
		x->another = !more;
	}
}

/* An increment of another act than the figures before it is a count of
 * its own: "19 have died and another 28 are missing", "40 were killed and
 * 12 more injured" (28 missing, 12 injured), not 28 more missing.  With a
 * figure of the same act before it, it stays an increment ("40 died on
 * Monday and another 12 on Tuesday").  "Another" looks back into the two
 * sentences before ("The toll has risen to 17.  Another 28 are still
 * missing"); "more" only within its own ("Two more deaths bring the toll
 * to 11" adds to a toll told before). */
static void increment_of_other(const fig_list *out, size_t first_fig, size_t sentence_index,
			       const expr *x, corro_figure *cf)
{
	if (!x->increment || !cf->measure)
		return;
	size_t reach = x->another ? 2 : 0;
	int other = 0;
	for (size_t k = out->n;
	     k-- > 0 &&
	     (k >= first_fig || (reach && out->v[k].f.sentence_index + reach >= sentence_index));) {
		const char *m = out->v[k].f.measure;
		if (m && strcmp(m, cf->measure) == 0)
			return;
		other |= m != NULL;
	}
	if (other)
		cf->hedge = x->hedge0; /* its interval is the written one still */
}

static corro_status build_expr(const lex_view *v, const sent *s, const num_match *m, expr *x,
			       size_t *scan_to)
{
	size_t cs = expr_amount(v, s, m, x);
	range_rule(v, s, m, x, cs, scan_to);
	hedge_rules(v, s, m, x);
	shared_unit_rule(v, s, x);
	change_rule(v, s, x);
	increment_rule(v, s, m, x);
	return CORRO_OK;
}

static void interval(expr *x)
{
	switch (x->hedge) {
	case CORRO_HEDGE_EXACT:
	case CORRO_HEDGE_APPROX: x->low = x->high = x->value; break;
	case CORRO_HEDGE_AT_LEAST:
		x->low = x->value;
		x->high = NAN;
		break;
	case CORRO_HEDGE_AT_MOST:
		x->low = NAN;
		x->high = x->value;
		break;
	default: break;
	}
	x->hedge0 = x->hedge;
	if (x->change) {
		double lo = x->low, hi = x->high;
		x->hedge = x->change > 0 ? CORRO_HEDGE_UP : CORRO_HEDGE_DOWN;
		x->low = lo;
		x->high = hi;
	}
}

/* Does the last word of a unit ("rescue worker": worker) have a CUE
 * role of data/words.tsv? */
static int unit_role(const char *unit, uint64_t role)
{
	if (!unit)
		return 0;
	const char *w = strrchr(unit, ' ');
	w = w ? w + 1 : unit;
	return lex_cue_word(w, strlen(w), role) != NULL;
}

/* Are the people a figure counts held in custody: "are being held", "held
 * by the navy" (the passive), or held by an agent named before the verb
 * ("Rebels are holding 12 aid workers", "Iran is holding 15 sailors")?
 * Not a place's capacity or crowd: "the hall holds 500 people", "the
 * arena held 20,000 fans". */
static int held_people(const lex_view *v, const sent *s, const expr *x, size_t pred_tok,
		       const corro_figure *cf)
{
	size_t lim = s->t1;
	if (!cf->predicate || strcmp(cf->predicate, "hold") != 0 || pred_tok == SIZE_MAX ||
	    !unit_role(cf->unit, LEX_ROLE_HUMAN))
		return 0;
	if (pred_tok > x->t0) /* after the figure: passive, or "held by" */
		return (pred_tok > s->t0 && aux_class(v, pred_tok - 1, lim)) ||
		       lex_word_is(v, pred_tok + 1, lim, "by");
	size_t q = pred_tok;
	while (q > s->t0 && (aux_class(v, q - 1, lim) || is_adverb_gap(v, q - 1, lim)))
		q--;
	if (q == s->t0 || TOK(q - 1)->type != TK_WORD)
		return 0;
	/* a pronoun that holds people in the progressive holds them in
	 * custody: "it is holding 38 crew", "they are still holding 12
	 * sailors" (a venue holds its crowd: "it holds 20,000 fans") */
	if (ing_word(v, pred_tok) && q < pred_tok && cue_at(v, q, lim, LEX_ROLE_BE_FORM) &&
	    (lex_word_is(v, q - 1, lim, "it") || cue_at(v, q - 1, lim, LEX_ROLE_PRONOUN)))
		return 1;
	/* the subject: an agent (rebels, police, the army), a body (the
	 * ministry) or a country ("Iran is holding 12 sailors"); any other
	 * name may be a venue ("Kestrow Arena held 20,000 fans") */
	return lex_has(v, q - 1,
		       LEX_BIT(LEX_AGENT) | LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_ORGWORD) |
			       LEX_BIT(LEX_PLACE)) != 0;
}

/* Acts whose meaning is who does them: people held who flee or get away
 * escape ("118 inmates fled"), people handed over are released ("handed
 * over 95 soldiers"), people moved are evacuated ("12,000 residents were
 * moved"; troops moved are deployed), things buried destroyed ("burying 30
 * houses").  Of others, "flee" stays (villagers flee, and are
 * displaced) and the phrases mean nothing ("handed over 40,000
 * documents", "3 million drivers will get away"); a count that names no
 * one is of people. */
static void by_whom_rule(const lex_view *v, const sent *s, const expr *x, size_t pred_tok,
			 corro_figure *cf)
{
	static const struct {
		const char *act;   /* the predicate's lemma */
		uint64_t role;     /* CUE role of who does it */
		uint64_t unless;   /* ... unless it has this role too */
		const char *then;  /* their act */
		int keep;          /* others keep the act: 1; it means nothing: 0 */
		const char *other; /* or others' act, when it is another */
		int done_to;       /* their act only as the verb's object or the
				      passive's subject; of themselves, none */
	} rules[] = {
		{"flee", LEX_ROLE_CUSTODY, 0, "escape", 1, NULL, 0},
		{"get away", LEX_ROLE_CUSTODY, 0, "escape", 0, NULL, 0},
		{"hand over", LEX_ROLE_HUMAN, 0, "release", 0, NULL, 0},
		/* people moved out of harm's way are evacuated ("were moved",
		 * "moved 400 patients"), people who moved of themselves
		 * neither ("12,000 residents moved to the capital"); troops,
		 * police and crews sent in are deployed */
		{"move", LEX_ROLE_HUMAN, LEX_ROLE_RESPONDER, "evacuate", 1, NULL, 1},
		/* buried houses are destroyed; people buried are dead (the
		 * headline's "buries 30") or trapped ("were buried"): the
		 * participle says nothing of them */
		{"bury", LEX_ROLE_HUMAN, 0, "bury", 1, "destroy", 0},
		{"buried", LEX_ROLE_HUMAN, 0, NULL, 0, "destroy", 0},
		/* people suffer from an illness or a hurt; things from
		 * shortages, delays, neglect, which is no count of theirs */
		{"suffer from", LEX_ROLE_HUMAN, 0, "suffer from", 0, NULL, 0},
	};
	/* people buried under something, or alive, are trapped: "ten
	 * could still be buried under the rubble", "were buried alive" */
	if (cf->predicate && strcmp(cf->predicate, "buried") == 0 && pred_tok != SIZE_MAX &&
	    (!cf->unit || unit_role(cf->unit, LEX_ROLE_HUMAN)) &&
	    (lex_word_is(v, pred_tok + 1, s->t1, "under") ||
	     lex_word_is(v, pred_tok + 1, s->t1, "beneath") ||
	     lex_word_is(v, pred_tok + 1, s->t1, "alive"))) {
		cf->predicate = "trap";
		cf->measure = measure_of("trap");
		return;
	}
	for (size_t i = 0; cf->predicate && i < sizeof rules / sizeof *rules; i++) {
		if (strcmp(cf->predicate, rules[i].act) != 0)
			continue;
		/* the figure as the active verb's subject: it did the act */
		int self = rules[i].done_to && pred_tok != SIZE_MAX && pred_tok > x->t0 &&
			   !(pred_tok > s->t0 &&
			     verb_class(v, pred_tok - 1, s->t1, NULL) == LEX_VC_AUX);
		const char *then = self ? NULL : rules[i].then;
		int who = cf->unit ? unit_role(cf->unit, rules[i].role) &&
					     !(rules[i].unless &&
					       unit_role(cf->unit, rules[i].unless))
				   : !rules[i].keep && !cf->kind;
		if (!who && rules[i].other && cf->unit) {
			cf->predicate = rules[i].other;
			cf->measure = measure_of(rules[i].other);
		} else if (who || !rules[i].keep) {
			cf->predicate = who ? then : NULL;
			cf->measure = who ? measure_of(then) : NULL;
		}
		return;
	}
}

/* The point of a trading day a price level is given for, by the lemma of
 * its verb when the figure follows "at" (data/verbs.tsv: "opened at",
 * "closed at", "settled at", "finished its first day at", "ended at"): a
 * level of money, of an index's points or of a price per unit, not a move
 * ("closed up 3%"), a time, a count or a share ("voting closed at 8pm",
 * "turnout ended at 62%"), nor a figure that took its verb from the one
 * before (pred_tok SIZE_MAX: "opened at $41, up from $39"). */
static corro_point price_point(const lex_view *v, const sent *s, const expr *x,
			       const corro_figure *cf, size_t pred_tok)
{
	static const struct {
		const char *lemma;
		corro_point point;
	} points[] = {
		{"open", CORRO_POINT_OPEN},    {"close", CORRO_POINT_CLOSE},
		{"settle", CORRO_POINT_CLOSE}, {"finish", CORRO_POINT_CLOSE},
		{"end", CORRO_POINT_CLOSE},
	};
	if (x->change || !cf->predicate || !cf->measure || strcmp(cf->measure, "change") != 0 ||
	    pred_tok == SIZE_MAX || pred_tok + 1 >= x->t0 ||
	    !lex_word_is(v, x->t0 - 1, s->t1, "at") || !cf->kind ||
	    !(strcmp(cf->kind, "currency") == 0 || cf->per ||
	      (cf->unit && strcmp(cf->unit, "point") == 0)))
		return CORRO_POINT_NONE;
	for (size_t i = 0; i < sizeof points / sizeof *points; i++)
		if (strcmp(cf->predicate, points[i].lemma) == 0)
			return points[i].point;
	return CORRO_POINT_NONE;
}

/* What befalls only people (GROWS with unit people: killed, fell ill,
 * displaced) is no measure of a length, an area, a speed or a
 * temperature, whatever gave it (a verb, the figure before, a rival): "52
 * now ill as the bloom grows to 24 sq km" (a mass or a volume may be of
 * the dead: "12 tonnes of dead fish"; a time how long they were:
 * "trapped for 17 days"). */
static void people_act_rule(const expr *x, corro_figure *cf)
{
	if (!cf->measure || !cf->kind || x->change ||
	    !(strcmp(cf->kind, "length") == 0 || strcmp(cf->kind, "area") == 0 ||
	      strcmp(cf->kind, "speed") == 0 || strcmp(cf->kind, "temperature") == 0))
		return;
	const lex_entry *ge = lex_word(cf->measure, strlen(cf->measure), LEX_BIT(LEX_GROWS));
	if (ge && ge->a && strcmp(ge->a, "people") == 0) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
}

/* What the measure of a figure cannot be, once figure_measure has read
 * it, and what a measurement with no act measures: rules by the figure's
 * kind of unit, each named by its comment.  pred_tok is the token of its
 * predicate (SIZE_MAX: none). */
static void measure_rules(const lex_view *v, const sent *s, const expr *x, corro_figure *cf,
			  size_t pred_tok)
{
	size_t lim = s->t1;
	/* what people suffer is the act: "two officers suffered minor
	 * injuries", "30 sustained serious burns" are hurt, not lost (a
	 * noun of an act within a few words after the verb) */
	if (cf->predicate && pred_tok != SIZE_MAX && pred_tok >= x->t1 &&
	    (strcmp(cf->predicate, "suffer") == 0 || strcmp(cf->predicate, "sustain") == 0)) {
		for (size_t q = pred_tok + 1; q < lim && q <= pred_tok + 4; q++) {
			/* "suffered no injuries": nothing befell them */
			if (lex_word_is(v, q, lim, "no") || lex_word_is(v, q, lim, "not") ||
			    lex_word_is(v, q, lim, "without") || lex_word_is(v, q, lim, "none")) {
				cf->predicate = NULL;
				cf->measure = NULL;
				break;
			}
			const lex_entry *ne = one_of(v, q, lim, LEX_NOUNPRED);
			if (ne) {
				/* "suffered damage" is no cost of money */
				const char *m = measure_of(ne->a);
				if (m && strcmp(m, "cost") != 0) {
					cf->predicate = ne->a;
					cf->measure = m;
				}
				break;
			}
			if (TOK(q)->type != TK_WORD || verb_class(v, q, lim, NULL))
				break;
		}
	}
	/* a vessel carries people or cargo, not a share: "carried 55%
	 * of the vote", "carries a 3% mortality rate" */
	if (cf->measure && strcmp(cf->measure, "carry") == 0 && cf->kind &&
	    (strcmp(cf->kind, "percent") == 0 || strcmp(cf->kind, "fraction") == 0 ||
	     strcmp(cf->kind, "currency") == 0)) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
	/* a speed or a temperature (CUE role state) is no count of
	 * what an act did: "winds of 185 km/h killed 12" */
	if (cf->measure && cf->kind && !x->change && strcmp(cf->measure, "change") != 0 &&
	    strcmp(cf->measure, "peak") != 0) {
		if (lex_cue_word(cf->kind, strlen(cf->kind), LEX_ROLE_STATE)) {
			cf->measure = NULL;
			cf->predicate = NULL;
		}
	}
	/* a distance before a bearing gives where, not how far: "sank 40
	 * nautical miles south of the island" */
	if (cf->measure && cf->kind && strcmp(cf->kind, "length") == 0 &&
	    cue_at(v, x->t1, lim, LEX_ROLE_BEARING)) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
	/* a paid post that goes or is lost is cut: "4,800 jobs will go",
	 * "900 posts are to be lost" (CUE role post); not one that goes up
	 * for grabs or loses its funding (a particle or an object after the
	 * verb) */
	if (cf->measure && cf->unit && cf->predicate &&
	    (strcmp(cf->predicate, "go") == 0 || strcmp(cf->predicate, "lose") == 0) &&
	    lex_cue_word(cf->unit, strlen(cf->unit), LEX_ROLE_POST) &&
	    !(pred_tok != SIZE_MAX && pred_tok >= x->t1 &&
	      (lex_word_is(v, pred_tok + 1, lim, "up") ||
	       lex_word_is(v, pred_tok + 1, lim, "their") ||
	       lex_word_is(v, pred_tok + 1, lim, "its"))))
		cf->measure = measure_of("cut");
	/* losses or cuts of paid posts count the posts cut: "3,900 job
	 * losses", "400 post cuts" are 3,900 jobs and 400 posts cut */
	if (cf->measure && cf->unit &&
	    (strcmp(cf->measure, "lose") == 0 || strcmp(cf->measure, "cut") == 0)) {
		const char *sp = strchr(cf->unit, ' ');
		const lex_entry *pe = sp && !strchr(sp + 1, ' ')
					      ? lex_cue_word(cf->unit, (size_t)(sp - cf->unit),
							     LEX_ROLE_POST)
					      : NULL;
		if (pe && (strcmp(sp + 1, "loss") == 0 || strcmp(sp + 1, "cut") == 0)) {
			cf->unit = pe->phrase;
			cf->measure = measure_of("cut");
		}
	}
	/* a count that is the subject of "finish" completes, it does not
	 * move ("11,872 runners finished"; a market "finished 2% lower",
	 * "finished at 4,210 points") */
	if (cf->measure && strcmp(cf->measure, "change") == 0 && !x->change && cf->kind &&
	    strcmp(cf->kind, "count") == 0 && cf->predicate &&
	    strcmp(cf->predicate, "finish") == 0 && pred_tok != SIZE_MAX && pred_tok >= x->t1)
		cf->measure = measure_of("complete");
	/* approving or setting aside is of money only: "approved 12 new
	 * drugs" is no pledge */
	if (cf->measure && strcmp(cf->measure, "fund") == 0 && cf->predicate &&
	    (strcmp(cf->predicate, "approve") == 0 || strcmp(cf->predicate, "allocate") == 0) &&
	    !(cf->kind && strcmp(cf->kind, "currency") == 0))
		cf->measure = NULL;
	/* money released is money set aside: "will release 30 million
	 * euros in aid" is pledged, not people freed */
	if (cf->measure && strcmp(cf->measure, "release") == 0 && cf->kind &&
	    strcmp(cf->kind, "currency") == 0)
		cf->measure = measure_of("allocate");
	/* money is no capacity ("a bridge built for $40 million"); what is
	 * wiped out and is a count of things is destroyed ("the flood wiped
	 * out 40 homes"), of money or a share lost */
	if (cf->measure && strcmp(cf->measure, "capacity") == 0 && cf->kind &&
	    strcmp(cf->kind, "currency") == 0 && cf->predicate &&
	    strcmp(cf->predicate, "capacity") == 0) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
	by_whom_rule(v, s, x, pred_tok, cf);
	if (held_people(v, s, x, pred_tok, cf)) {
		cf->predicate = "detain";
		cf->measure = measure_of("detain");
	}
	/* a count of things flattened was destroyed; nothing else is, nor
	 * what flattened at or off a level ("sales flattened at 200
	 * units") */
	if (cf->predicate && strcmp(cf->predicate, "flatten") == 0) {
		int at_level = pred_tok != SIZE_MAX && x->t0 == pred_tok + 2 &&
			       (lex_word_is(v, pred_tok + 1, lim, "at") ||
				lex_word_is(v, pred_tok + 1, lim, "off"));
		int count = cf->kind && strcmp(cf->kind, "count") == 0 && !at_level;
		cf->predicate = count ? "destroy" : NULL;
		cf->measure = count ? measure_of("destroy") : NULL;
	}
	if (cf->predicate && strcmp(cf->predicate, "wipe") == 0 && cf->kind &&
	    strcmp(cf->kind, "count") == 0) {
		/* an index's points wiped off fell; jobs wiped out are cut */
		if (cf->unit && strcmp(cf->unit, "point") == 0)
			cf->measure = measure_of("fall");
		else if (cf->unit && lex_cue_word(cf->unit, strlen(cf->unit), LEX_ROLE_POST))
			cf->measure = measure_of("cut");
		else
			cf->measure = measure_of("destroy");
	}
	/* things that damage is done to are damaged, not a cost: "damage to
	 * three buildings", "caused damage to 40 cars" (the noun damage is
	 * money otherwise: "damage of $2m") */
	if (cf->measure && strcmp(cf->measure, "cost") == 0 && cf->kind &&
	    strcmp(cf->kind, "count") == 0 && pred_tok != SIZE_MAX && pred_tok + 2 <= x->t0 &&
	    x->t0 <= pred_tok + 3 && tok_is(v->text, TOK(pred_tok), "damage") &&
	    lex_word_is(v, pred_tok + 1, lim, "to"))
		cf->measure = measure_of("damage"); /* the noun's act stays: the sum
						       after it is a cost */
	/* a sum of money is never deployed: "has gone hostile with a $14.50
	 * offer", "a EUR85m move", "the Mill Lane station was GBP1.89 a
	 * litre" (the verbs of sending troops, or nouns) */
	if (cf->measure && strcmp(cf->measure, "deploy") == 0 && cf->kind &&
	    strcmp(cf->kind, "currency") == 0) {
		cf->measure = NULL;
		cf->predicate = NULL; /* whose class would key it as one */
	}
	/* money or a time is never destroyed ("$2bn was wrecked") */
	if (cf->measure && strcmp(cf->measure, "destroy") == 0 && cf->kind &&
	    (strcmp(cf->kind, "currency") == 0 || strcmp(cf->kind, "duration") == 0)) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
	/* what is cut is counted ("cut 4,500 jobs"); a rate, a price
	 * or a sum that is cut moves ("cut its main rate to 4.5%",
	 * "slashed prices by 10%") */
	if (cf->measure && strcmp(cf->measure, "cut") == 0 && cf->kind &&
	    strcmp(cf->kind, "count") != 0)
		cf->measure = measure_of("fall");
	/* an act named as the first or the earlier of its kind is an
	 * earlier value of it, which a later one replaced: "its initial
	 * offer of 420p", "the original bid of $6.8bn", "the previous
	 * payment of $200", "last year's offer of 3%" (the words that make
	 * an event an earlier one, and those of an act's first value) */
	if (cf->measure && pred_tok != SIZE_MAX && pred_tok > s->t0 && pred_tok + 2 == x->t0 &&
	    lex_word_is(v, pred_tok + 1, lim, "of") && !cf->occasion &&
	    (word_before_event(v, s, pred_tok, LEX_EARLIER) ||
	     lex_word_is(v, pred_tok - 1, lim, "initial") ||
	     lex_word_is(v, pred_tok - 1, lim, "original") ||
	     lex_word_is(v, pred_tok - 1, lim, "earlier")))
		cf->occasion = CORRO_OCCASION_EARLIER;
	/* a verb that moves or puts people, with them "to hospital" or "in
	 * hospital" after: "sent at least 40 people to hospital", "put 14
	 * people in hospital", "left 87 in hospital" */
	if (cf->predicate && pred_tok != SIZE_MAX && pred_tok < x->t0 &&
	    (!cf->kind || strcmp(cf->kind, "count") == 0) && to_hospital(v, x->t1, lim) &&
	    (strcmp(cf->predicate, "send") == 0 || strcmp(cf->predicate, "take") == 0 ||
	     strcmp(cf->predicate, "bring") == 0 || strcmp(cf->predicate, "put") == 0 ||
	     strcmp(cf->predicate, "leave") == 0 || strcmp(cf->predicate, "fly") == 0 ||
	     strcmp(cf->predicate, "rush") == 0 || strcmp(cf->predicate, "airlift") == 0)) {
		cf->predicate = "hospitalize";
		cf->measure = measure_of("hospitalize");
	}
	/* and people who went or were taken there, by any verb of motion
	 * the lexicon has or not ("23 went to hospital", "nine were ferried
	 * to hospital"): the hospitalised, unless an act of its own befell
	 * them ("six died in hospital", "were injured and taken to
	 * hospital" keep theirs), and no responders ("ten nurses moved to
	 * the hospital" work there) */
	if ((pred_tok == SIZE_MAX || pred_tok > x->t0) &&
	    (!cf->kind || strcmp(cf->kind, "count") == 0) &&
	    (!cf->measure || strcmp(cf->measure, "deploy") == 0) &&
	    (!cf->unit ||
	     (unit_role(cf->unit, LEX_ROLE_HUMAN) && !unit_role(cf->unit, LEX_ROLE_RESPONDER))) &&
	    went_to_hospital(v, x->t1, lim)) {
		cf->predicate = "hospitalize";
		cf->measure = measure_of("hospitalize");
	}
	/* a mass or a volume that escapes is spilled, and so is one a
	 * release names ("8 tonnes of MTBE escaped", "a release of 1.8
	 * tonnes"; grain released, or a release from reserves, is released,
	 * and people who escape or are freed are of their own classes); and
	 * only a mass or a volume spills: "40 patients were discharged",
	 * "leaked 1.7 million documents" are none */
	int stuff = cf->kind && (strcmp(cf->kind, "mass") == 0 || strcmp(cf->kind, "volume") == 0);
	if (cf->measure && stuff &&
	    (strcmp(cf->measure, "escape") == 0 ||
	     (strcmp(cf->measure, "release") == 0 && pred_tok != SIZE_MAX &&
	      lex_has(v, pred_tok, LEX_BIT(LEX_NOUNPRED)) && !released_from(v, s, x->t1))))
		cf->measure = measure_of("spill");
	if (cf->measure && !stuff && strcmp(cf->measure, "spill") == 0)
		cf->measure = NULL;
	/* a maximum or a minimum of an act is a limit, not what was done:
	 * "faces a maximum fine of 500,000 euros", "the minimum penalty
	 * is $5,000" (not "was fined 200,000 euros") */
	if (cf->measure && pred_tok != SIZE_MAX && pred_tok > s->t0 &&
	    lex_has(v, pred_tok, LEX_BIT(LEX_NOUNPRED)) &&
	    (lex_word_is(v, pred_tok - 1, lim, "maximum") ||
	     lex_word_is(v, pred_tok - 1, lim, "minimum")))
		cf->measure = measure_of("limit");
	/* so is a fine of "up to" an amount: a fine is handed down in an
	 * amount, and the most it may be is the law's ("can be fined up to
	 * 10 million euros", "fines of up to 4% of turnover") */
	if (cf->measure &&
	    (strcmp(cf->measure, "fine") == 0 || strcmp(cf->measure, "penalty") == 0) &&
	    cf->hedge == CORRO_HEDGE_AT_MOST && lex_word_is(v, x->t0, lim, "up") &&
	    lex_word_is(v, x->t0 + 1, lim, "to")) {
		cf->measure = measure_of("limit");
		cf->forecast = 0;
	}
	/* a verb whose object is a report of the figure acts on the
	 * report: "received reports of at least 38 tornadoes", "has had
	 * claims of 200 deaths" */
	if (cf->measure && pred_tok != SIZE_MAX && pred_tok + 3 == x->t0 &&
	    lex_word_is(v, pred_tok + 2, lim, "of")) {
		lex_vclass rc = verb_class(v, pred_tok + 1, lim, NULL);
		if (rc == LEX_VC_ATTR || rc == LEX_VC_COG) {
			cf->measure = NULL;
			cf->predicate = NULL;
		}
	}
	/* a measurement joined to its unit by a hyphen before a noun
	 * modifies that noun, which is the object of the verb before it:
	 * "launching a five-day strike", "slapped a 30-litre limit on",
	 * "starting a two-year process" say nothing done to days (money
	 * is what the act moves: "won a $2-billion contract") */
	if (cf->measure && cf->kind && strcmp(cf->kind, "count") != 0 &&
	    strcmp(cf->kind, "currency") != 0 && pred_tok != SIZE_MAX && pred_tok < x->t0 &&
	    hyphen_modifier(v, x, lim)) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
	/* a measurement that is the subject of a move is no change:
	 * "up to 210 mm fell in 48 hours" (but "a 38% fall" is one) */
	if (cf->measure && strcmp(cf->measure, "change") == 0 && !x->change && cf->kind &&
	    strcmp(cf->kind, "count") != 0 && pred_tok != SIZE_MAX && pred_tok >= x->t1 &&
	    !(pred_tok == x->t1 && lex_has(v, pred_tok, LEX_BIT(LEX_NOUNPRED)) &&
	      opens_noun_phrase(v, s, x->t0))) {
		cf->measure = NULL;
		cf->predicate = NULL;
	}
	/* a measurement with no act says what it measures by the
	 * noun it is the value of: "a depth of 10 km", "210 mm of
	 * rain"; so does one that something has ("has a deficit of
	 * 540 million pounds") */
	/* an act noun further back names less than the attribute nearer:
	 * "at the closing price it is worth $18.6bn, up from a valuation
	 * of $14.2bn" (not a verb: "paid a ransom of $5m" is paid) */
	int act_noun = cf->measure && pred_tok != SIZE_MAX && pred_tok < x->t0 &&
		       lex_has(v, pred_tok, LEX_BIT(LEX_NOUNPRED)) &&
		       !verb_class(v, pred_tok, lim, NULL);
	/* a level a move reached is the level of what moved: "the jackpot
	 * climbed to 62 million pounds", "inflation rose to 9.2%" */
	int moved_level = cf->measure && strcmp(cf->measure, "change") == 0 && x->t0 > s->t0 &&
			  (lex_word_is(v, x->t0 - 1, lim, "to") ||
			   lex_word_is(v, x->t0 - 1, lim, "at"));
	if ((!cf->measure || strcmp(cf->measure, "number") == 0 || act_noun || moved_level) &&
	    cf->kind && strcmp(cf->kind, "count") != 0 && strcmp(cf->kind, "duration") != 0 &&
	    strcmp(cf->kind, "age") != 0 && !x->change) {
		size_t at_tok = SIZE_MAX;
		const char *at = attribute_before(v, s, x->t0, x->t1, cf->kind, &at_tok);
		if (act_noun) {
			/* only an attribute after the act noun */
			if (at && at_tok > pred_tok) {
				cf->measure = at;
				cf->predicate = NULL;
			}
			return;
		}
		if (!at && strcmp(cf->kind, "length") == 0 && x->t1 < lim)
			at = attribute_word_at(v, x->t1, lim, 1);
		/* "210 mm of rain"; not a share of it ("12% of
		 * demand" is part of a whole) */
		if (!at && strcmp(cf->kind, "percent") != 0 && lex_word_is(v, x->t1, lim, "of")) {
			at = attribute_at(v, x->t1 + 1, lim);
			/* past one modifier: "1.4 metres of fresh snow" (the
			 * noun ends its phrase: not "14 GW of offshore wind
			 * capacity") */
			size_t e = x->t1 + 3;
			if (!at && x->t1 + 2 < lim && TOK(x->t1 + 1)->type == TK_WORD &&
			    !(TOK(x->t1 + 1)->flags & TF_UPPER) &&
			    !lex_has(v, x->t1 + 1, LEX_BIT(LEX_STOP)) &&
			    !verb_class(v, x->t1 + 1, lim, NULL) &&
			    (e >= lim || TOK(e)->type == TK_PUNCT ||
			     lex_has(v, e, LEX_BIT(LEX_STOP)) || verb_class(v, e, lim, NULL)))
				at = attribute_at(v, x->t1 + 2, lim);
		}
		if (at)
			cf->measure = at;
	}
	cf->point = price_point(v, s, x, cf, pred_tok);
}

/* Is "one" at t0 (its noun at n) a count of what an act befell: "killed
 * one worker", "one worker has died", "one person was hurt", "one
 * fatality"?  Not a word before another noun ("one day, 40 ..."), nor one
 * a verb of saying follows ("one official said"). */
static int one_counted(const lex_view *v, const sent *s, size_t t0, size_t n)
{
	size_t lim = s->t1, q;
	if (n >= lim || TOK(n)->type != TK_WORD || (TOK(n)->flags & TF_UPPER) ||
	    lex_has(v, n, LEX_BIT(LEX_STOP)) || verb_class(v, n, lim, NULL) || plural_form(v, n))
		return 0;
	/* a noun that names the act: "one fatality", "one death" */
	const lex_entry *ne = one_of(v, n, lim, LEX_NOUNPRED);
	if (ne && measure_of(ne->a))
		return 1;
	/* the object of a verb of measure: "killed one worker" */
	const lex_entry *ve;
	if (t0 > s->t0 && verb_class(v, t0 - 1, lim, &ve) == LEX_VC_PRED && measure_of(ve->a))
		return 1;
	/* the subject of one with no object, past auxiliaries and
	 * adverbs: "one worker has died", "one person was reportedly hurt",
	 * or of a state of harm: "one man is missing" (not an agent: "one
	 * bank cut 400 jobs", "one side won 3-1") */
	for (q = n + 1; q < lim && q < n + 5; q++) {
		lex_vclass c = verb_class(v, q, lim, &ve);
		if (c == LEX_VC_PRED) {
			size_t len = 1, e;
			lex_match(v, q, lim, LEX_BIT(LEX_VERB), &len);
			e = q + len;
			/* no object after it: a number, a sum, a determiner or a
			 * possessive, or a counted plural ("cut 400 jobs",
			 * "lost $2m", "killed two civilians") */
			int object = e < lim &&
				     (TOK(e)->type == TK_NUM ||
				      lex_has(v, e, LEX_BIT(LEX_NUM) | LEX_BIT(LEX_CUR_SYM)) ||
				      det_like(v, e, lim) ||
				      cue_at(v, e, lim,
					     LEX_ROLE_DETERMINER | LEX_ROLE_POSSESSIVE) ||
				      plural_noun_at(v, e, lim));
			return measure_of(ve->a) != NULL && !object;
		}
		if (c == LEX_VC_AUX || c == LEX_VC_HAVE || is_adverb_gap(v, q, lim))
			continue;
		return harm_adjective(v, q, lim);
	}
	return 0;
}

/* A number in words, a fraction, a slashed number or a duration that is
 * no quantity ("the two countries", a fraction with no "of", "9/11",
 * "four years ago"): returns 1.  Else 0, with a share's unit set where the
 * number is one ("half of", "1/40 of", "one in five"). */
static int word_number_rules(const lex_view *v, const sent *s, const num_match *m, expr *x,
			     int ratio)
{
	size_t lim = s->t1;
	/* a lone word number is often not a quantity: "the two
	 * countries", "one of", "all three"; fractions need "of" */
	int words_only = (m->flags & NF_WORDS) && !(m->flags & NF_DIGITS) &&
			 !(m->flags & (NF_SCALE | NF_VAGUE)) && !x->is_range;
	if (words_only && !x->unit && !x->has_hedge) {
		if (m->value == 1 && !(m->flags & NF_FRACTION) &&
		    !(lex_word_is(v, m->t0, lim, "one") &&
		      (one_of_set(v, x->t1, lim) || one_counted(v, s, m->t0, x->t1)))) {
			return 1;
		}
		if (m->t0 > s->t0 && m->value < 10 && !ranked_set(v, x->t1, lim) &&
		    lex_cue_is(v, m->t0 - 1, lim, LEX_ROLE_COUNT_DET)) {
			return 1;
		}
	}
	if (ratio && !x->unit) {
		x->unit = "share";
		x->kind = "fraction";
	}
	if ((m->flags & NF_FRACTION) && !(m->flags & (NF_SCALE | NF_DIGITS)) && !x->unit) {
		/* half of, a third of, half the: a share of something;
		 * "fell by a third", "a fifth more": a share of change */
		if (!(lex_cue_is(v, x->t1, lim, LEX_ROLE_SHARE_AFTER) ||
		      (x->t0 > s->t0 && lex_word_is(v, x->t0 - 1, lim, "by")))) {
			return 1;
		}
		/* "the second quarter of 2023", "the first half", "the
		 * final quarter": an ordinal before a fraction names a
		 * period, not a share */
		if (x->t0 > s->t0 && (lex_has(v, x->t0 - 1, LEX_BIT(LEX_ORD)) ||
				      lex_one(v, x->t0 - 1, lim, LEX_BIT(LEX_PERIODMOD)))) {
			return 1;
		}
		x->unit = "share";
		x->kind = "fraction";
	}
	/* "four years ago" is a time, not a duration */
	if (x->unit && (x->uflags & QU_DURATION) && lex_word_is(v, x->t1, lim, "ago")) {
		return 1;
	}
	/* so is a count of anything before "ago": "nine summers ago", "two
	 * elections ago" */
	if (!x->unit && x->t1 + 1 < lim && TOK(x->t1)->type == TK_WORD &&
	    !(TOK(x->t1)->flags & TF_UPPER) && plural_form(v, x->t1) &&
	    lex_word_is(v, x->t1 + 1, lim, "ago"))
		return 1;
	if ((m->flags & NF_SLASHED) && !x->unit) {
		/* 9/11, 24/7: not quantities; "1/40 of" a share */
		if (!(m->value < 1 && lex_word_is(v, x->t1, lim, "of"))) {
			return 1;
		}
		x->unit = "share";
		x->kind = "fraction";
	}
	return 0;
}

/* "Twenty of the 100 officers were killed": the verb after the whole's
 * noun is the part's, and the whole is only the group the part is out of.
 * A part with no noun of its own, right before "of" (and "the", "its",
 * "their") and a whole with a noun whose predicate comes after it, takes
 * the whole's unit, predicate and forecast, and is no part of that act's
 * count;
 * the whole keeps its unit and loses the predicate.  Over the figures of
 * one sentence, after they are read. */
static void part_takes_verb(const lex_view *v, const sent *s, fig_list *out, size_t first_fig)
{
	size_t lim = s->t1;
	for (size_t k = first_fig; k + 1 < out->n; k++) {
		fig *p = &out->v[k], *w = &out->v[k + 1];
		if (p->what1 > p->what0 || w->what1 <= w->t1 || !lex_word_is(v, p->t1, lim, "of"))
			continue;
		size_t q = p->t1 + 1;
		if (q < w->t0 && (lex_word_is(v, q, lim, "the") || lex_word_is(v, q, lim, "its") ||
				  lex_word_is(v, q, lim, "their")))
			q++;
		/* and a possessive of the whole's owner: "of the country's
		 * 62 hospitals", "of Acme's 900 staff" */
		if (q < w->t0 && w->t0 - q <= 4 && tok_is(v->text, TOK(w->t0 - 1), "'s"))
			q = w->t0;
		if (q != w->t0)
			continue;
		/* the part counts what the whole counts, whatever the verb:
		 * "reported in seven of the province's 12 districts" */
		if (!p->f.unit && w->f.unit && w->f.kind && strcmp(w->f.kind, "count") == 0) {
			p->f.unit = w->f.unit;
			p->f.kind = w->f.kind;
		}
		if (p->f.predicate || !w->f.predicate || w->pred_tok == SIZE_MAX ||
		    w->pred_tok < w->what1)
			continue;
		/* a participle right after the whole's noun with a verb after
		 * it is the whole's, in a reduced relative clause: "three of
		 * the 12 people killed were children", "12 of the 30 hostages
		 * released on Friday were women" */
		if (w->pred_tok == w->what1) {
			size_t r = w->pred_tok + 1;
			int rel = 0;
			for (size_t t = r; t < lim && t < r + 6 && !rel; t++) {
				if (clause_break(v, t, t + 1, lim) ||
				    lex_cue_is(v, t, lim, LEX_ROLE_CLAUSE_OPEN | LEX_ROLE_RELATIVE))
					break;
				rel = aux_class(v, t, lim) ||
				      (t == r && verb_class(v, t, lim, NULL));
			}
			if (rel)
				continue;
		}
		p->f.unit = w->f.unit;
		p->f.kind = w->f.kind;
		p->f.predicate = w->f.predicate;
		p->f.measure = w->f.measure;
		p->pred_tok = w->pred_tok;
		p->f.part = 0;                 /* the whole counts the group, not the act */
		p->f.forecast = w->f.forecast; /* "will be laid off" */
		w->f.predicate = NULL;
		w->f.measure = NULL;
		w->f.forecast = 0;
		w->pred_tok = SIZE_MAX;
	}
}

/* "1,150 firefighters are deployed, including 120 from the north": a
 * figure with no noun of its own right after "including" is a part of
 * the figure before it in the sentence (with a noun of its own,
 * "including 12 children", it counts a thing of its own). */
static int included_part(const lex_view *v, const sent *s, const fig_list *out, size_t first_fig,
			 size_t t0, const corro_figure *cf)
{
	return cf->what.end == cf->what.start && !cf->unit && out->n > first_fig && t0 > s->t0 &&
	       lex_word_is(v, t0 - 1, s->t1, "including") && out->v[out->n - 1].t1 < t0;
}

/* People brought out "alive" are rescued, whatever verb brings them:
 * "pulled 11 people alive from the rubble", "24 miners have been hauled
 * alive", "dug 3 children out alive" (a verb, known or not, before the
 * figure or after it); people driven "from their homes" are displaced.
 * end: the token after the counted phrase; inherited: the figure's act is
 * the figure before it's. */
static void alive_rule(const lex_view *v, const sent *s, const expr *x, size_t end, int inherited,
		       corro_figure *cf)
{
	size_t lim = s->t1;
	if (cf->unit && !unit_role(cf->unit, LEX_ROLE_HUMAN) && strcmp(cf->unit, "people") != 0)
		return;
	/* driven from their homes, whatever the verb, or past an act
	 * carried over from the figure before ("killing four and forcing
	 * some 12,000 from their homes"); not past the figure's own verb
	 * ("rescued 40 residents from their homes", "abducted 12 villagers
	 * from their homes") */
	size_t q = end;
	if (lex_word_is(v, q, lim, "out") && lex_word_is(v, q + 1, lim, "of"))
		q += 2;
	else if (lex_word_is(v, q, lim, "from"))
		q++;
	if (q > end && (lex_word_is(v, q, lim, "their") || lex_word_is(v, q, lim, "its")) &&
	    (lex_word_is(v, q + 1, lim, "homes") || lex_word_is(v, q + 1, lim, "home")) &&
	    number_after_verb(v, x->t0, lim) && (!cf->measure || inherited)) {
		cf->predicate = "leave home";
		cf->measure = measure_of(cf->predicate);
		return;
	}
	if (cf->measure)
		return;
	q = end;
	if (lex_word_is(v, q, lim, "out"))
		q++; /* "dug 3 children out alive" */
	int alive = lex_word_is(v, q, lim, "alive") && number_after_verb(v, x->t0, lim);
	/* the passive: "have been hauled alive", "were brought out alive" */
	for (size_t k = end; !alive && k < lim && k < end + 5; k++) {
		lex_vclass c = verb_class(v, k, lim, NULL);
		if (c == LEX_VC_AUX || c == LEX_VC_HAVE || is_adverb_gap(v, k, lim))
			continue;
		if (!(ed_word(v, k) || past_verb(v, k)))
			break;
		size_t a = k + 1 + lex_word_is(v, k + 1, lim, "out");
		alive = lex_word_is(v, a, lim, "alive");
		break;
	}
	if (alive) {
		cf->predicate = "pull out alive";
		cf->measure = measure_of(cf->predicate);
	}
}

/* Those sent to an emergency, or the craft only they use, counted with no
 * act and no verb right before are at work there: deployed ("More than
 * 250 rescuers", "supported by eight helicopters"; CUE role responder, of
 * the unit's last word).  t0: the figure's first token. */
static void responders_rule(const lex_view *v, const sent *s, size_t t0, corro_figure *cf)
{
	if (cf->predicate || cf->measure || !cf->unit || !cf->kind ||
	    strcmp(cf->kind, "count") != 0)
		return;
	/* the object of a verb, known or not, is that verb's: "diverted 160
	 * ambulances", "owns 40 helicopters" (a preposition, a determiner
	 * or a conjunction before the figure leaves it none) */
	if (t0 > s->t0 && TOK(t0 - 1)->type == TK_WORD && !(TOK(t0 - 1)->flags & TF_UPPER) &&
	    !is_prep(v, t0 - 1, s->t1) && !lex_has(v, t0 - 1, LEX_BIT(LEX_STOP)) &&
	    !det_like(v, t0 - 1, s->t1))
		return;
	if (unit_role(cf->unit, LEX_ROLE_RESPONDER)) {
		cf->predicate = "deploy";
		cf->measure = measure_of("deploy");
	}
}

/* A part (part set) with no noun of its own counts what its whole (the
 * figure before) counts: "Of the 200 cattle, 40 were killed". */
static void part_unit_rule(const fig_list *out, size_t first_fig, int part, corro_figure *cf)
{
	/* "50 buildings, 12 of which were destroyed" */
	if (part && cf->what.end == cf->what.start && out->n > first_fig) {
		const fig *wf = &out->v[out->n - 1];
		if (wf->f.unit && wf->f.kind && strcmp(wf->f.kind, "count") == 0 &&
		    wf->what1 > wf->t1 && (!cf->unit || strcmp(cf->unit, wf->f.unit) != 0) &&
		    (!cf->kind || strcmp(cf->kind, "count") == 0)) {
			cf->unit = wf->f.unit;
			cf->kind = wf->f.kind;
		}
	}
}

/* Is the figure at t0 the level a verb sets for a pronoun: "the survey
 * put it at 5.4", "estimated them at 25,000"? */
static int pronoun_level(const lex_view *v, const sent *s, size_t t0)
{
	size_t lim = s->t1;
	if (t0 < s->t0 + 3 ||
	    !(lex_word_is(v, t0 - 1, lim, "at") || lex_word_is(v, t0 - 1, lim, "to")) ||
	    !(lex_word_is(v, t0 - 2, lim, "it") || lex_word_is(v, t0 - 2, lim, "them")))
		return 0;
	const lex_entry *lv = level_verb_at(v, t0 - 3, lim);
	return lv && lv->cat != LEX_VERB;
}

/* What a figure takes from the figures before it in its sentence (or the
 * one before): the place a list's clause opens with, the quantity a
 * pronoun stands for ("put it at 5.4"), and the place and occasion of the
 * figure an earlier value compares with (main_fig). */
static void earlier_figure_rules(const lex_view *v, const sent *s, const fig_list *out,
				 size_t first_fig, const expr *x, const fig *main_fig,
				 size_t sentence_index, corro_figure *cf)
{
	size_t lim = s->t1;
	/* figures of a list share the place their clause opens with:
	 * "Across the country the ministry counts 3,410 cases and 52
	 * deaths" */
	if (!cf->scope && out->n > first_fig) {
		const fig *pf = &out->v[out->n - 1];
		if (pf->f.scope && listed(v, s, pf->what1 > pf->t1 ? pf->what1 : pf->t1, x->t0)) {
			cf->scope = pf->f.scope;
			cf->scope_span = pf->f.scope_span;
		}
	}
	/* "1,512 cases have been recorded; laboratories have confirmed 287
	 * of them": the object of a verb with no noun of its own whose "of
	 * them" points back counts what the figure before it in its
	 * sentence counts (a part's is part_unit_rule's) */
	if (!cf->unit && !cf->kind && !cf->part && cf->what.end == cf->what.start &&
	    out->n > first_fig && x->t0 > s->t0 &&
	    (verb_class(v, x->t0 - 1, lim, NULL) || ed_word(v, x->t0 - 1)) &&
	    lex_word_is(v, x->t1, lim, "of") &&
	    (lex_word_is(v, x->t1 + 1, lim, "them") || lex_word_is(v, x->t1 + 1, lim, "those") ||
	     lex_word_is(v, x->t1 + 1, lim, "these"))) {
		const fig *pg = &out->v[out->n - 1];
		/* not the agent of a passive, but the figure before it
		 * ("200 buildings were checked by 12 inspectors, who
		 * condemned 40 of them") */
		if (pg->t0 > s->t0 && lex_word_is(v, pg->t0 - 1, lim, "by"))
			pg = out->n - 1 > first_fig ? &out->v[out->n - 2] : NULL;
		const corro_figure *pf = pg ? &pg->f : NULL;
		if (pf && pf->unit && pf->kind && strcmp(pf->kind, "count") == 0) {
			cf->unit = pf->unit;
			cf->kind = pf->kind;
		}
	}
	/* "the survey put it at 5.4": a pronoun as the object of a
	 * level verb stands for the quantity of the figure before,
	 * in this sentence or the one before */
	if (!main_fig && !cf->unit && out->n > 0 &&
	    out->v[out->n - 1].f.sentence_index + 1 >= sentence_index &&
	    pronoun_level(v, s, x->t0)) {
		const corro_figure *pf = &out->v[out->n - 1].f;
		cf->unit = pf->unit;
		cf->kind = pf->kind;
		cf->currency = pf->currency;
		cf->predicate = pf->predicate;
		cf->measure = pf->measure;
		if (!cf->event) {
			cf->event = pf->event;
			cf->event_span = pf->event_span;
			cf->occasion = pf->occasion;
		}
	}
	if (main_fig && main_fig->f.unit && cf->unit && strcmp(cf->unit, main_fig->f.unit) == 0) {
		if (!cf->scope) {
			cf->scope = main_fig->f.scope;
			cf->scope_span = main_fig->f.scope_span;
		}
		if (!cf->event) {
			cf->event = main_fig->f.event;
			cf->event_span = main_fig->f.event_span;
			cf->occasion = main_fig->f.occasion;
		}
	}
}

/* "The number of workers sent home is larger.  The government puts it at
 * 210,000": a pronoun as the object of a level verb, with no figure
 * before it in its sentence, stands for the tally the sentence before
 * names by its of-phrase: its noun, and the act of a participle after it.
 * Returns -1 when memory runs out. */
static int pronoun_tally(ctx *c, const expr *x, corro_figure *cf)
{
	const lex_view *v = c->v;
	const sent *p = c->prev;
	if (cf->unit || cf->kind || !p || !pronoun_level(v, c->s, x->t0))
		return 0;
	for (size_t k = p->t0; k + 2 < p->t1; k++) {
		size_t q, n;
		const lex_entry *ae;
		if (!lex_has(v, k, LEX_BIT(LEX_TALLY)) || !lex_word_is(v, k + 1, p->t1, "of") ||
		    !tally_of_phrase(v, k + 2, p->t1, &q, &n, &ae))
			continue;
		char sg[64];
		fig_singular(v->text + TOK(q)->start, TOK(n)->end - TOK(q)->start, sg, sizeof sg);
		if (!sg[0])
			return 0;
		if (!(cf->unit = arena_strndup(c->a, sg, strlen(sg))))
			return -1;
		cf->kind = "count";
		if (ae) { /* "sent home", "infected with the virus" */
			cf->predicate = ae->a;
			cf->measure = measure_of(ae->a);
		}
		return 0;
	}
	return 0;
}

/* A move restated in another unit is a move too: "closed down 8.7%, or
 * 1,412 points", "fell 412 points, or 2.8%". */
static void restated_move_rule(const lex_view *v, const sent *s, const fig_list *out,
			       size_t first_fig, const expr *x, corro_figure *cf)
{
	size_t lim = s->t1;
	const fig *pf = out->n > first_fig ? &out->v[out->n - 1] : NULL;
	size_t pend = pf ? (pf->what1 > pf->t1 ? pf->what1 : pf->t1) : 0; /* "412 points" */
	if (pf && x->t0 >= s->t0 + 2 &&
	    (out->v[out->n - 1].f.hedge == CORRO_HEDGE_UP ||
	     out->v[out->n - 1].f.hedge == CORRO_HEDGE_DOWN) &&
	    pend == x->t0 - 2 && lex_punct(v, x->t0 - 2, lim, ',') &&
	    lex_word_is(v, x->t0 - 1, lim, "or") && cf->hedge == CORRO_HEDGE_EXACT && cf->unit &&
	    out->v[out->n - 1].f.unit && strcmp(cf->unit, out->v[out->n - 1].f.unit) != 0)
		cf->hedge = out->v[out->n - 1].f.hedge;
}

/* The people an act counts when the figure names no other noun: an
 * adjective that names the act ("12 dead", "40 injured"; "31 bodies"
 * keeps its noun), or an act the figure is the subject of ("Nine were
 * reported dead").  head is the counted noun's token (SIZE_MAX: none),
 * pred_tok the predicate's; unit_named: the unit came from elsewhere. */
static void act_unit_rules(const lex_view *v, const sent *s, const expr *x, size_t head,
			   size_t pred_tok, int unit_named, corro_figure *cf)
{
	size_t lim = s->t1;
	/* "12 dead", "40 injured": an adjective that names the act
	 * counts people ("31 bodies" keeps its noun), whatever verb says
	 * what befell them ("Two of the injured later died") */
	if (head != SIZE_MAX && cf->kind && strcmp(cf->kind, "count") == 0 &&
	    !plural_form(v, head)) {
		const lex_entry *ne = one_of(v, head, lim, LEX_NOUNPRED);
		if (ne && ne->b)
			cf->unit = ne->b;
	}
	/* "Nine were reported dead", "forty were hurt": a figure with
	 * no noun, subject of an act that counts people */
	if (!cf->unit && head == SIZE_MAX && !unit_named && pred_tok != SIZE_MAX &&
	    pred_tok >= x->t1 && pred_tok < x->t1 + 8) {
		const lex_entry *ne = one_of(v, pred_tok, lim, LEX_NOUNPRED);
		if (ne && ne->b) {
			cf->unit = ne->b;
			cf->kind = "count";
		}
	}
}

/* Whose value a figure is, or who wins it: the subject of the verb that
 * moves it or that wins it ("the FTSE 100 fell 3.2%", "Acme's shares
 * closed at 6.23 euros", "Civic Union took 41.2% of the vote"), a list
 * that leaves out its verb, a party "on 38.2%".  Fixes the measure of a
 * win or a move on the way, and the direction a word after a price gives
 * ("closed 6.4% lower").  Returns the owner, with *subj0 and *subj1 around
 * its words, or NULL. */
static const char *value_owner(ctx *c, const fig_list *out, size_t first_fig, const expr *x,
			       const fig *inh, corro_figure *cf, size_t *subj0, size_t *subj1)
{
	const lex_view *v = c->v;
	const sent *s = c->s;
	size_t lim = s->t1;
	/* seats, votes, or a share of the vote ("38% of the vote",
	 * "of votes cast", "of the ballots") */
	int votes = cf->unit && (strcmp(cf->unit, "seat") == 0 || strcmp(cf->unit, "vote") == 0);
	if (!votes && cf->kind && strcmp(cf->kind, "percent") == 0 &&
	    lex_word_is(v, x->t1, lim, "of")) {
		size_t q = x->t1 + 1;
		if (lex_word_is(v, q, lim, "the"))
			q++;
		votes = lex_word_is(v, q, lim, "vote") || lex_word_is(v, q, lim, "votes") ||
			lex_word_is(v, q, lim, "ballots");
	}
	int market = !cf->kind || strcmp(cf->kind, "percent") == 0 ||
		     strcmp(cf->kind, "currency") == 0 || strcmp(cf->kind, "ratio") == 0 ||
		     (cf->unit && (strcmp(cf->unit, "point") == 0 ||
				   strcmp(cf->unit, "percentage point") == 0));
	/* a direction after the figure: "closed 6.4% lower", "ended 2%
	 * higher", "closes 3% lower" (the verb before it, known or not,
	 * says where the price ended; "a 3% lower rate" is no move) */
	size_t dir = x->t1 + (lex_word_is(v, x->t1, lim, "points") ||
			      lex_word_is(v, x->t1, lim, "point")); /* "1,184 points lower" */
	if (market && cf->kind && cf->hedge == CORRO_HEDGE_EXACT && x->t0 > s->t0 &&
	    direction_after(v, dir, lim) && TOK(x->t0 - 1)->type == TK_WORD &&
	    !(TOK(x->t0 - 1)->flags & TF_UPPER) && !opens_noun_phrase(v, s, x->t0)) {
		cf->hedge = direction_after(v, dir, lim) < 0 ? CORRO_HEDGE_DOWN : CORRO_HEDGE_UP;
		if (!cf->measure)
			cf->measure = measure_of("fall");
	}
	size_t vt = !(market || votes) ? SIZE_MAX : value_verb(v, s, x->t0, votes);
	if (vt == SIZE_MAX && market && x->t0 > s->t0 && cf->hedge != CORRO_HEDGE_EXACT &&
	    direction_after(v, dir, lim))
		vt = x->t0 - 1;
	/* a verb between the figure and the one before it makes
	 * no list: "... closed down 2.9%, and the dollar eased
	 * 1.1%" */
	if (inh && vt != SIZE_MAX && vt < inh->t1)
		vt = SIZE_MAX;
	const char *who = vt != SIZE_MAX ? value_subject(c, vt, subj0) : NULL;
	/* a second verb of the subject: "fell 6.4% on Monday and
	 * rebounded 2.2% on Tuesday" */
	if (!who && vt != SIZE_MAX && vt > s->t0 && out->n > first_fig &&
	    (lex_word_is(v, vt - 1, lim, "and") || lex_word_is(v, vt - 1, lim, "after") ||
	     lex_word_is(v, vt - 1, lim, "before") || lex_word_is(v, vt - 1, lim, "while")) &&
	    out->v[out->n - 1].t1 < vt && out->v[out->n - 1].f.actor) {
		who = out->v[out->n - 1].f.actor;
		*subj0 = SIZE_MAX;
	}
	/* a possessive pronoun for the mover before: "Kalvo's
	 * revenue rose 4%, and its profit climbed 12%" */
	if (!who && vt != SIZE_MAX && vt > s->t0 + 1 && out->n > first_fig &&
	    out->v[out->n - 1].f.actor && out->v[out->n - 1].t1 < vt) {
		size_t q = vt;
		while (q > s->t0 && vt - q < 4 && TOK(q - 1)->type == TK_WORD &&
		       !(TOK(q - 1)->flags & TF_UPPER) && !lex_word_is(v, q - 1, lim, "its") &&
		       !lex_word_is(v, q - 1, lim, "their") && !verb_class(v, q - 1, lim, NULL))
			q--;
		if (q > s->t0 && q < vt &&
		    (lex_word_is(v, q - 1, lim, "its") || lex_word_is(v, q - 1, lim, "their")))
			who = out->v[out->n - 1].f.actor;
	}
	/* a list that leaves out its verb: "Civic Union won 142
	 * seats, National Renewal 121 and the Greens 27",
	 * "Russia lost 300 tanks, Ukraine 120" */
	if (!who && (inh || market || votes) && x->t0 >= s->t0 + 2 &&
	    name_part(v, x->t0 - 1, lim)) {
		size_t r0 = x->t0 - 1;
		while (r0 > s->t0 && x->t0 - r0 < 6 && name_part(v, r0 - 1, lim))
			r0--;
		if (r0 > s->t0 && lex_word_is(v, r0 - 1, lim, "the"))
			r0--;
		if (r0 > s->t0 &&
		    (lex_punct(v, r0 - 1, lim, ',') || lex_punct(v, r0 - 1, lim, ';') ||
		     lex_word_is(v, r0 - 1, lim, "and"))) {
			vt = x->t0;
			who = value_subject(c, vt, subj0);
			/* the item measures what the one before it
			 * does */
			const fig *pf = out->n > first_fig ? &out->v[out->n - 1] : NULL;
			/* and counts what it counts: "..., National
			 * Renewal 121" are seats too */
			if (who && pf && pf->f.kind && pf->f.unit && !cf->kind && !cf->unit &&
			    strcmp(pf->f.kind, "count") == 0) {
				cf->unit = pf->f.unit;
				cf->kind = pf->f.kind;
			}
			if (who && pf && pf->f.kind && cf->kind &&
			    strcmp(pf->f.kind, cf->kind) == 0) {
				cf->predicate = pf->f.predicate;
				cf->measure = pf->f.measure;
			}
		}
	}
	/* a party at a share of the vote: "has Civic Union on
	 * 38.2%", "with Labour on 34%" */
	if (!who && cf->kind && strcmp(cf->kind, "percent") == 0 && x->t0 >= s->t0 + 2 &&
	    lex_word_is(v, x->t0 - 1, lim, "on") && name_part(v, x->t0 - 2, lim)) {
		vt = x->t0 - 1;
		who = value_subject(c, vt, subj0);
	}
	if (!who && (market || votes) && cf->kind && x->t0 >= s->t0 + 2 &&
	    ((tok_is(v->text, TOK(x->t0 - 1), "'s") && name_part(v, x->t0 - 2, lim)) ||
	     lex_word_is(v, x->t0 - 1, lim, "whose"))) {
		/* "Civic Union's 41.2%", "the Greens, whose 27
		 * seats" */
		vt = x->t0 - 1;
		who = value_subject(c, vt, subj0);
	}
	/* a share after a share won, for a name: "won 38% of
	 * the vote, against 31% for the Greens", "Jones took
	 * 52% to 45% for Smith" */
	if (!who && cf->kind && strcmp(cf->kind, "percent") == 0 &&
	    lex_word_is(v, x->t1, lim, "for") && out->n > first_fig && x->t0 > s->t0 &&
	    (lex_word_is(v, x->t0 - 1, lim, "against") ||
	     lex_word_is(v, x->t0 - 1, lim, "versus") || lex_word_is(v, x->t0 - 1, lim, "vs") ||
	     lex_word_is(v, x->t0 - 1, lim, "to") || lex_word_is(v, x->t0 - 1, lim, "with"))) {
		const fig *pf = last_clause_fig(out, first_fig);
		size_t r = x->t1 + 1;
		if (lex_word_is(v, r, lim, "the"))
			r++;
		size_t r1 = r;
		while (r1 < lim && r1 - r < 6 && name_part(v, r1, lim))
			r1++;
		if (r1 > r && r1 < lim && pf && pf->f.measure &&
		    strcmp(pf->f.measure, "win") == 0 && pf->f.kind &&
		    strcmp(pf->f.kind, "percent") == 0) {
			vt = r1;
			who = value_subject(c, vt, subj0);
			votes = 1;
		}
	}
	/* seats, votes or a share of the vote after a verb of a
	 * win are won, whoever won them ("the bloc took 30% of
	 * the vote") */
	if (!who && votes && vt != SIZE_MAX && vt < x->t0)
		cf->measure = measure_of("win");
	if (who) {
		*subj1 = vt;
		/* what a party wins is one measure, however worded:
		 * "won 142 seats", "Civic Union's 142 seats", "took
		 * 38% of the vote", "received 3 million votes" */
		if (votes || (cf->kind && strcmp(cf->kind, "percent") == 0 && cf->measure &&
			      strcmp(cf->measure, "win") == 0))
			cf->measure = measure_of("win");
		/* a move of a price is one change however worded:
		 * "fell", "lost", "plunged" */
		if (market && cf->measure &&
		    (strcmp(cf->measure, "lose") == 0 || strcmp(cf->measure, "change") == 0))
			cf->measure = measure_of("fall");
	}
	/* "was down 7%", "up 2%": a move with no verb of one, whoever moved */
	if (market && cf->kind && !cf->measure &&
	    (cf->hedge == CORRO_HEDGE_UP || cf->hedge == CORRO_HEDGE_DOWN))
		cf->measure = measure_of("fall");
	/* the extreme of a move, not where it ended: "fell as
	 * much as 11.3%", "was down 11% at one point", "briefly
	 * fell 11%" */
	if (market && cf->measure && strcmp(cf->measure, "change") == 0 && move_peak(v, s, vt, x))
		cf->measure = measure_of("peak");
	/* a percentage lost is a fall, whoever lost it: "the
	 * index lost 12.4%" is "the index fell 12.4%" */
	if (cf->hedge == CORRO_HEDGE_DOWN && cf->kind && strcmp(cf->kind, "percent") == 0 &&
	    cf->measure && strcmp(cf->measure, "lose") == 0)
		cf->measure = measure_of("fall");
	return who;
}

/* A word of strength after a number gives the size of a body: glued on,
 * of the noun after it ("a 5,000-strong force"), else of the noun before
 * ("a crowd 20,000 strong"); it is no counted noun.  Returns the token
 * after it (after when there is none) and sets *before for the second
 * kind, whose counted phrase is none. */
static size_t past_strength(const lex_view *v, const sent *s, const expr *x, size_t after,
			    int *before)
{
	size_t lim = s->t1, k = after;
	*before = 0;
	if (x->unit)
		return after;
	int glued = is_hyphen(v, k, lim) && lex_glued(v, k) && k + 1 < lim && lex_glued(v, k + 1);
	k += glued;
	if (!lex_cue_is(v, k, lim, LEX_ROLE_STRENGTH) || (TOK(k)->flags & TF_UPPER))
		return after;
	/* not glued on, nothing may follow that it describes: "two strong
	 * aftershocks" are aftershocks */
	if (!glued && !(verb_follower(v, k + 1, lim) || verb_class(v, k + 1, lim, NULL) ||
			(k + 1 < lim && ed_word(v, k + 1))))
		return after;
	*before = !glued;
	return k + 1;
}

/* The body a strength follows, when it is a tally of persons: "a crowd
 * 20,000 strong", "the crowd, 20,000 strong," count people attending
 * (data/measures.tsv TALLY); other bodies give no unit. */
static void body_tally(const lex_view *v, const sent *s, const expr *x, const char **unit,
		       const char **pred)
{
	size_t k = x->t0;
	if (k > s->t0 && lex_punct(v, k - 1, s->t1, ','))
		k--;
	if (k <= s->t0)
		return;
	const lex_entry *e = one_of(v, k - 1, s->t1, LEX_TALLY);
	if (e && e->b) {
		*unit = e->b;
		*pred = e->a;
	}
}

/* The counted phrase after a figure with no unit of its own, or a
 * fraction's or a share's of-phrase ("3,000 of its troops", "61% of
 * registered voters", "members of North Korea's special forces"): sets
 * [*what0, *what1) and its head noun *head (left as they are when there is
 * none), and a rate after the phrase into *per when none was read. */
static void counted_phrase(const lex_view *v, const sent *s, const expr *x, size_t after,
			   size_t *what0, size_t *what1, size_t *head, const char **per)
{
	size_t lim = s->t1;
	/* a share's of-phrase says what it is a share of: "61% of
	 * registered voters had voted" */
	int share_of = x->unit && x->kind && strcmp(x->kind, "percent") == 0 && !x->change &&
		       lex_word_is(v, after, lim, "of");
	if (!x->unit || strcmp(x->kind, "fraction") == 0 || share_of) {
		size_t np0 = after;
		/* a quoted figure counts what follows the quote: found
		 * "at least 140" oiled birds, "as many as ten" men */
		if (np0 + 1 < lim && np0 > s->t0 && TOK(np0)->type == TK_PUNCT &&
		    (TOK(np0)->cp == '"' || TOK(np0)->cp == 0x201D) && lex_glued(v, np0) &&
		    TOK(np0 + 1)->type == TK_WORD && !(TOK(np0 + 1)->flags & TF_UPPER) &&
		    !lex_has(v, np0 + 1, LEX_BIT(LEX_STOP)) &&
		    (!verb_class(v, np0 + 1, lim, NULL) ||
		     /* a participle modifying it: "stranded dolphins" */
		     ((ed_word(v, np0 + 1) || ing_word(v, np0 + 1)) &&
		      plural_noun_at(v, np0 + 2, lim))))
			np0++;
		/* "of the ..." after a share or a number: 3,000 of its
		 * troops */
		if (lex_word_is(v, np0, lim, "of")) {
			if (of_pronoun(v, np0, lim)) {
				*what0 = *what1 = after;
				return;
			}
			np0++;
			if (lex_word_is(v, np0, lim, "the") || lex_word_is(v, np0, lim, "its") ||
			    lex_word_is(v, np0, lim, "their") || lex_word_is(v, np0, lim, "his") ||
			    lex_word_is(v, np0, lim, "her") || lex_word_is(v, np0, lim, "these") ||
			    lex_word_is(v, np0, lim, "those"))
				np0++;
		} else if (x->kind && strcmp(x->kind, "fraction") == 0 &&
			   lex_cue_is(v, np0, lim, LEX_ROLE_SHARE_AFTER) &&
			   !lex_word_is(v, np0, lim, "of") && !lex_word_is(v, np0, lim, "more") &&
			   !lex_word_is(v, np0, lim, "less") &&
			   !lex_word_is(v, np0, lim, "fewer")) {
			np0++; /* "half the", "half her homes" */
		}
		*what1 = read_np(v, np0, lim, head);
		/* "14 of the country's 62 hospitals": a possessive before
		 * a number names whose the whole is; the part counts what
		 * the whole counts, not the owner */
		if (*head != SIZE_MAX && np0 > after && *what1 > np0 && *what1 < lim &&
		    (TOK(*what1)->type == TK_NUM || lex_has(v, *what1, LEX_BIT(LEX_NUM))) &&
		    tok_is(v->text, TOK(*what1 - 1), "'s")) {
			*head = SIZE_MAX;
			*what0 = *what1 = after;
			return;
		}
		/* "the two most populous provinces", "one of the most
		 * visited cities" */
		if (*head == SIZE_MAX &&
		    (lex_word_is(v, np0, lim, "most") || lex_word_is(v, np0, lim, "least"))) {
			size_t w1 = read_np(v, np0 + 1, lim, head);
			if (*head != SIZE_MAX)
				*what1 = w1;
		}
		/* an aside: "massive amounts, possibly as many as a
		 * million, artillery rounds" */
		if (*head == SIZE_MAX && lex_punct(v, np0, lim, ',') &&
		    ((x->t0 > s->t0 && lex_punct(v, x->t0 - 1, lim, ',')) ||
		     (x->t0 > s->t0 + 1 && lex_punct(v, x->t0 - 2, lim, ',')))) {
			size_t w1 = read_np(v, np0 + 1, lim, head);
			if (*head != SIZE_MAX) {
				np0++;
				*what1 = w1;
			}
		}
		if (*head != SIZE_MAX) {
			*what0 = np0;
			/* partitive: "members of North Korea's special forces",
			 * "rounds of ammunition": keep the of-phrase */
			if (lex_word_is(v, *what1, lim, "of")) {
				size_t h2, k2 = *what1 + 1;
				if (lex_word_is(v, k2, lim, "the") ||
				    lex_word_is(v, k2, lim, "its") ||
				    lex_word_is(v, k2, lim, "their"))
					k2++;
				size_t e2 = read_np(v, k2, lim, &h2);
				if (h2 != SIZE_MAX)
					*what1 = e2;
			}
			if (!*per) {
				size_t r = rate_after(v, *what1, lim, per);
				(void)r;
			}
		} else {
			*what0 = *what1 = after;
		}
	}
}

/* The unit of a figure: its own (x->unit; fixed: one the clause gives),
 * as a rate when a rate follows a measure ("$50 a barrel" is in dollars
 * per barrel; a counted thing keeps its name: "3,000 troops a day"), else
 * the head noun of its counted phrase [what0, ...) with a noun before it
 * when that is not adjective-like ("artillery shells").  Written into
 * unitbuf (cap bytes) when made; NULL when there is none. */
static const char *unit_name(const lex_view *v, const expr *x, const char *fixed, const char *per,
			     int times, size_t head, size_t what0, char *unitbuf, size_t cap)
{
	const char *unit = x->unit ? x->unit : fixed;
	/* a rate of a measure is a unit of its own: "$50 a barrel" is
	 * in dollars per barrel, "50 km per hour" in kilometres per
	 * hour; a counted thing keeps its name ("3,000 troops a day") */
	if (x->unit && per && (times || (x->uflags & (QU_MONEY | QU_MEASURE | QU_DURATION)))) {
		size_t o = ascii_cat(unitbuf, cap, 0, x->unit);
		o = ascii_cat(unitbuf, cap, o, " per ");
		ascii_cat(unitbuf, cap, o, per);
		unit = unitbuf;
	}
	if (!unit && head != SIZE_MAX) {
		char h[64];
		fig_singular(v->text + TOK(head)->start, TOK(head)->end - TOK(head)->start, h,
			     sizeof h);
		if (head > what0 && TOK(head - 1)->type == TK_WORD &&
		    !adjective_like(v, head - 1) && !harm_adjective(v, head - 1, v->n) &&
		    !tok_is(v->text, TOK(head - 1), "'s") &&
		    !lex_has(v, head - 1, LEX_BIT(LEX_PLACE) | LEX_BIT(LEX_NUM))) {
			char m1[64];
			size_t m0 = head - 1;
			/* all of a modifier of words joined by hyphens:
			 * "part-time worker", "re-mark request" */
			while (m0 >= what0 + 2 && is_hyphen(v, m0 - 1, v->n) &&
			       lex_glued(v, m0 - 1) && lex_glued(v, m0) &&
			       TOK(m0 - 2)->type == TK_WORD && !(TOK(m0 - 2)->flags & TF_UPPER))
				m0 -= 2;
			size_t ml = TOK(head - 1)->end - TOK(m0)->start;
			if (ml >= sizeof m1)
				ml = sizeof m1 - 1;
			for (size_t q = 0; q < ml; q++) {
				unsigned char ch = (unsigned char)v->text[TOK(m0)->start + q];
				m1[q] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
			}
			m1[ml] = '\0';
			size_t o = ascii_cat(unitbuf, cap, 0, m1);
			o = ascii_cat(unitbuf, cap, o, " ");
			ascii_cat(unitbuf, cap, o, h);
		} else {
			ascii_cat(unitbuf, cap, 0, h);
		}
		unit = unitbuf;
	}
	return unit;
}

/* Money "a" or "an" unit of length, mass, volume, area or energy: "75
 * cents a mile", "$3 a kilo" (the unit's name into *per and the token
 * after it); else after.  Units of time and the rates of data/words.tsv
 * PER ("a year", "a litre", "a share") are rate_after's. */
static size_t money_per_unit(const lex_view *v, size_t j, size_t lim, const char **per,
			     size_t after)
{
	size_t len;
	const lex_entry *e;
	if (!(lex_word_is(v, j, lim, "a") || lex_word_is(v, j, lim, "an")) ||
	    !(e = lex_match(v, j + 1, lim, LEX_BIT(LEX_UNIT), &len)) || !e->b)
		return after;
	if (lex_cue_word(e->b, strlen(e->b), LEX_ROLE_RATE_UNIT)) {
		*per = e->a;
		return j + 1 + len;
	}
	return after;
}

/* The rate after a figure ("a day", "per capita", "per share"; a
 * level's rate: "at 5% a year") into *per, and the token after it; a bare
 * exchange rate takes the currency named before it ("the rand at 18.2 to
 * the dollar"). */
static size_t rate_rules(const lex_view *v, const sent *s, expr *x, const char **per)
{
	size_t lim = s->t1;
	*per = NULL;
	size_t after = rate_after(v, x->t1, lim, per);
	if (!*per && (x->uflags & (QU_MONEY | QU_MEASURE)))
		rate_of_level_after(v, x, lim, per);
	if (!*per && (x->uflags & QU_MONEY))
		after = money_per_unit(v, x->t1, lim, per, after);
	if (!*per && (x->uflags & QU_MONEY))
		*per = per_share_before(v, s, x->t0);
	/* a bare exchange rate is in the currency named before it */
	if (!x->unit && *per && after > x->t1 &&
	    lex_has(v, after - 1, LEX_BIT(LEX_CUR_WORD) | LEX_BIT(LEX_CUR_CODE))) {
		const lex_entry *ce = rate_currency_before(v, s, x->t0, *per);
		if (ce) {
			x->unit = ce->a;
			x->kind = "currency";
			x->uflags = QU_MONEY;
		} else if (lex_word_is(v, x->t1, lim, "per")) {
			*per = NULL; /* "3 per dollar of debt": no rate read */
			after = x->t1;
		}
	}
	return after;
}

/* A unit the words around a figure give when it has none: a participle
 * after it counts people ("500,000 wounded", "115 killed": sets *unit_fixed
 * and its act *pred_fixed), a noun of an act before "of" names what it
 * counts ("a troop deployment of 3,000": sets *head).  [*what0, *what1)
 * become the words read. */
static void unit_around(const lex_view *v, const sent *s, const expr *x, size_t after, size_t *head,
			size_t *what0, size_t *what1, const char **unit_fixed,
			const char **pred_fixed)
{
	size_t lim = s->t1;
	/* "500,000 wounded", "115 killed": a participle counts people */
	if (*head == SIZE_MAX && !x->unit && after < lim && TOK(after)->type == TK_WORD &&
	    !(TOK(after)->flags & TF_UPPER)) {
		const lex_entry *ve;
		lex_vclass cls = verb_class(v, after, lim, &ve);
		char w[32];
		size_t wn = tok_lower(v->text, TOK(after), w, sizeof w);
		if (cls == LEX_VC_PRED && wn > 3 &&
		    (strcmp(w + wn - 2, "ed") == 0 || strcmp(w + wn - 2, "en") == 0) &&
		    !(after + 1 < lim && verb_class(v, after + 1, lim, NULL) == LEX_VC_NONE &&
		      TOK(after + 1)->type == TK_WORD &&
		      !lex_has(v, after + 1, LEX_BIT(LEX_STOP)))) {
			*what0 = after;
			*what1 = after + 1;
			*unit_fixed = "people";
			*pred_fixed = ve->a;
		}
	}
	/* "a troop deployment of 3,000": the unit comes before */
	if (*head == SIZE_MAX && !x->unit && !*unit_fixed && x->t0 >= s->t0 + 3 &&
	    lex_word_is(v, x->t0 - 1, lim, "of") && lex_has(v, x->t0 - 2, LEX_BIT(LEX_NOUNPRED)) &&
	    TOK(x->t0 - 3)->type == TK_WORD && np_word(v, x->t0 - 3, lim) &&
	    !adjective_like(v, x->t0 - 3)) {
		*head = x->t0 - 3;
		*what0 = x->t0 - 3;
		*what1 = x->t0 - 1;
	}
}

/* Whom a figure is about, before its verb's subject is read: a place in
 * its counted phrase ("3,000 North Korean troops"), the place subject of
 * its predicate (not its source), a possessor ("the Soviet Union's 15,000
 * casualties"), the figure it inherits from, or the one before whose unit
 * an elided figure takes ("3,000 soldiers are in Russia and more than
 * 10,000 are expected": sets cf's unit).  NULL when none. */
static const char *figure_actor(const lex_view *v, const sent *s, const fig_list *out,
				size_t first_fig, const expr *x, const fig *inh, size_t pred_tok,
				size_t what0, size_t what1, corro_figure *cf)
{
	size_t lim = s->t1;
	/* actor: a place in the counted phrase, else the subject of
	 * the predicate */
	const char *actor = place_in(v, what0, what1);
	if (!actor && !inh) {
		size_t vt = pred_tok != SIZE_MAX && pred_tok < x->t0 ? pred_tok : x->t0;
		size_t sk0 = SIZE_MAX, sk1 = 0;
		if (cf->source && cf->source_span.end > cf->source_span.start) {
			/* the source is not the actor */
			size_t q = tok_find(v->t, s->t0, s->t1, cf->source_span.start);
			if (q < s->t1 && TOK(q)->start == cf->source_span.start)
				sk0 = q;
			q = tok_find(v->t, s->t0, s->t1, cf->source_span.end - 1);
			if (q < s->t1 && TOK(q)->end == cf->source_span.end)
				sk1 = q + 1;
		}
		actor = subject_place(v, s, vt, sk0, sk1);
	}
	/* "the Soviet Union's 15,000 casualties" */
	if (!actor && x->t0 >= s->t0 + 2 && tok_is(v->text, TOK(x->t0 - 1), "'s")) {
		size_t ps;
		const lex_entry *pe = lex_match_ending(v, s->t0, x->t0 - 2, LEX_BIT(LEX_PLACE),
						       &ps);
		if (pe)
			actor = pe->a;
	}
	if (!actor && inh)
		actor = inh->f.actor;
	/* elision: "3,000 soldiers are in Russia and more than 10,000
	 * are expected": the unit of the figure before */
	if (!cf->unit && !cf->kind && cf->what.end == cf->what.start && out->n > first_fig &&
	    elided_unit(v, s, &out->v[out->n - 1], x)) {
		const fig *pf = &out->v[out->n - 1];
		/* ages in a list: "aged 19 and 23" */
		int age_list = pf->f.kind && strcmp(pf->f.kind, "age") == 0 &&
			       x->t0 == pf->t1 + 1 &&
			       (lex_word_is(v, pf->t1, lim, "and") ||
				lex_word_is(v, pf->t1, lim, "or") ||
				lex_word_is(v, pf->t1, lim, "to") ||
				lex_punct(v, pf->t1, lim, ','));
		if (pf->f.kind && pf->f.unit && (strcmp(pf->f.kind, "count") == 0 || age_list)) {
			cf->unit = pf->f.unit;
			cf->kind = pf->f.kind;
			if (!actor)
				actor = pf->f.actor;
			/* the object of a verb that gives a count, with no act
			 * of its own, counts the same act: "organisers claimed
			 * 310,000 marchers and police counted 82,000" (not "all
			 * but 30,000 had been reconnected") */
			lex_vclass vc = x->t0 > s->t0 ? verb_class(v, x->t0 - 1, lim, NULL)
						      : LEX_VC_NONE;
			if (!cf->predicate && !cf->measure &&
			    (vc == LEX_VC_COG || vc == LEX_VC_ATTR)) {
				cf->predicate = pf->f.predicate;
				cf->measure = pf->f.measure;
			}
		}
	}
	return actor;
}

/* An earlier value of the clause's figure takes what that figure
 * measures ("up from 112", "compared with 35 in 2019"): its unit, and with
 * the same unit its predicate, measure and (when f has none) *actor; f's
 * time is read from the cue on.  Returns that figure, or NULL. */
static const fig *earlier_value_rule(const lex_view *v, const sent *s, const fig_list *out,
				     size_t first_fig, const expr *x, fig *f, const char **actor)
{
	corro_figure *cf = &f->f;
	/* an earlier value of the clause's figure takes what that
	 * figure measures: "up from 112", "compared with 35 in 2019" */
	size_t cue = SIZE_MAX;
	int elsewhere;
	const fig *main_fig = compared_with(v, s, out, first_fig, x, &cue, &elsewhere);
	if (main_fig) {
		const corro_figure *mf = &main_fig->f;
		if (!cf->unit && mf->unit) {
			cf->unit = mf->unit;
			cf->kind = mf->kind;
			cf->currency = mf->currency;
			cf->per = mf->per;
		}
		if (cf->unit && mf->unit && strcmp(cf->unit, mf->unit) == 0 &&
		    (mf->predicate || mf->measure)) {
			cf->predicate = mf->predicate;
			cf->measure = mf->measure;
			if (!*actor)
				*actor = mf->actor;
		}
		if (!elsewhere)
			f->time_from = TOK(cue)->start;
	}
	return main_fig;
}

/* The same quantity in another unit, in brackets right after the figure
 * it converts: "512 billion crowns ($38 billion)", "Sh1.2bn (about
 * $9.3m)", "a 10-mile (16 km) stretch".  Both are money, or both measures
 * of one kind, in different units; the bracket opens right after the
 * figure (or one word later: "(or $38 billion)", "(about ...)") and closes
 * within a few words after the conversion ("($38 billion at current
 * rates)"). */
static int conversion_of(const lex_view *v, const sent *s, const fig *pf, const expr *x,
			 const corro_figure *cf)
{
	const corro_figure *a = &pf->f;
	size_t lim = s->t1;
	if (!a->unit || !cf->unit || !a->kind || !cf->kind || strcmp(a->kind, cf->kind) != 0 ||
	    strcmp(a->kind, "count") == 0 || strcmp(a->kind, "percent") == 0 ||
	    strcmp(a->kind, "fraction") == 0 || strcmp(a->unit, cf->unit) == 0)
		return 0;
	if (strcmp(a->kind, "currency") == 0 && a->currency && cf->currency &&
	    strcmp(a->currency, cf->currency) == 0)
		return 0;
	size_t p = pf->t1;
	if (!lex_punct(v, p, lim, '(') || x->t0 <= p || x->t0 - p > 2)
		return 0;
	for (size_t q = x->t1; q < lim && q < x->t1 + 5; q++) {
		if (lex_punct(v, q, lim, ')'))
			return 1;
		if (TOK(q)->type == TK_NUM || lex_punct(v, q, lim, '('))
			return 0;
	}
	return 0;
}

/* Has figure f an act of its own sentence s (a tally or a verb there, not
 * one taken from the sentence before)? */
static int own_act(const fig *f, const sent *s)
{
	return f->f.predicate && f->pred_tok != SIZE_MAX && f->pred_tok >= s->t0 &&
	       f->pred_tok < s->t1;
}

/* Has the list's last figure w the act of the item p before it, read
 * from the same verb or inherited from p ("won 21 and 12 seats")? */
static int shares_act(const fig *p, const fig *w)
{
	return w->f.predicate && strcmp(p->f.predicate, w->f.predicate) == 0 &&
	       (w->pred_tok == SIZE_MAX || w->pred_tok == p->pred_tok);
}

/* "17, eight and two deaths", "12, 30 or 45 days": bare numbers listed
 * before a number with its counted noun count that noun, and measure what
 * it measures.  A bare number ends on a number word or digits and is no
 * age, share or sum ("The driver, 74, and 5 passengers") and has no act of
 * its own sentence ("had reached 40 and 120 people were injured"; the verb
 * before both is theirs: "won 21 and 12 seats"); the items are
 * joined by commas, "and" or "or"; and no verb follows the last one's
 * noun (then it opens a clause of its own).  Over the figures of one sentence,
 * after they are read. */
static void list_shares_noun(const lex_view *v, const sent *s, fig_list *l, size_t first_fig)
{
	size_t lim = s->t1;
	for (size_t k = l->n; k-- > first_fig + 1;) {
		const fig *w = &l->v[k];
		if (w->what1 <= w->t1 || !w->f.unit)
			continue;
		/* after ", and" a number whose noun a verb follows opens a
		 * clause of its own: "the toll stood at 15, and 29 people
		 * were missing" (not "3, 4 or 5 climbers were stranded") */
		size_t after = w->what1;
		while (after < lim && is_adverb_gap(v, after, lim))
			after++;
		if (w->t0 >= s->t0 + 2 && lex_punct(v, w->t0 - 2, lim, ',') &&
		    (lex_word_is(v, w->t0 - 1, lim, "and") ||
		     lex_word_is(v, w->t0 - 1, lim, "or")) &&
		    after < lim && verb_class(v, after, lim, NULL))
			continue;
		size_t i = k;
		while (i > first_fig) {
			const fig *p = &l->v[i - 1], *q = &l->v[i];
			const tok *e = TOK(p->t1 - 1);
			int bare = p->what1 <= p->what0 &&
				   (!p->f.kind || strcmp(p->f.kind, "count") == 0) &&
				   (!own_act(p, s) || shares_act(p, w)) &&
				   (e->type == TK_NUM || lex_has(v, p->t1 - 1, LEX_BIT(LEX_NUM)));
			if (q->t0 <= p->t1 || !listed(v, s, p->t1, q->t0) || !bare)
				break;
			i--;
		}
		for (size_t q = i; q < k; q++) {
			corro_figure *cf = &l->v[q].f;
			cf->unit = w->f.unit;
			cf->kind = w->f.kind;
			cf->currency = w->f.currency;
			cf->per = w->f.per;
			cf->predicate = w->f.predicate;
			cf->measure = w->f.measure;
			l->v[q].pred_tok = w->pred_tok;
		}
		if (i < k)
			k = i + 1; /* the loop goes on from the list's first item */
	}
}

/* The actors of respectively_rule: the nf figures of l from first, each
 * of which has an actor already (the subject the names make), take the
 * names of [nb, ne) in order; so do those of a run of as many listed
 * right after "respectively" at r, whose actors the word gives. */
static int respective_actors(fig_list *l, const lex_view *v, const sent *s, size_t first, size_t nf,
			     size_t r, const size_t *nb, const size_t *ne, arena *a)
{
	size_t runs[2] = {first, SIZE_MAX};
	size_t after = first + nf;
	if (after + nf <= l->n && l->v[after].t0 > r && l->v[after].t0 < r + 6) {
		size_t q = after;
		while (q + 1 < after + nf && listed(v, s, l->v[q].t1, l->v[q + 1].t0))
			q++;
		if (q + 1 == after + nf)
			runs[1] = after;
	}
	for (size_t i = 0; i < nf; i++)
		if (!l->v[first + i].f.actor)
			return 0;
	for (size_t run = 0; run < 2 && runs[run] != SIZE_MAX; run++) {
		for (size_t i = 0; i < nf; i++) {
			const char *name = actor_text(a, v, nb[i], ne[i]);
			if (!name)
				return -1;
			l->v[runs[run] + i].f.actor = name;
		}
	}
	return 0;
}

/* "Lower Marrow, Kessington and Ardel have reported 17, eight and two
 * deaths respectively": the names of the list that opens the sentence go
 * with the figures of the list before "respectively", in order, as
 * their places (a place of the lexicon, a name that ends in a kind of
 * place, or one the document puts after "in"; any names that are the
 * subject of a verb of counting).  Only when the two lists are as long,
 * and a verb follows the names.  Over the figures of one
 * sentence, after they are read; -1 when memory runs out. */
static int respectively_rule(fig_list *l, const lex_view *v, const sent *s, size_t first_fig,
			     arena *a)
{
	size_t lim = s->t1, r = SIZE_MAX;
	if (l->n < first_fig + 2)
		return 0;
	for (size_t k = s->t0; k < lim && r == SIZE_MAX; k++)
		if (TOK(k)->type == TK_WORD && lex_word_is(v, k, lim, "respectively"))
			r = k;
	if (r == SIZE_MAX)
		return 0;
	/* the figures: the last run before it joined by commas and "and" */
	size_t last = l->n;
	while (last > first_fig && l->v[last - 1].t0 >= r)
		last--;
	if (last == first_fig)
		return 0;
	size_t first = last - 1;
	while (first > first_fig) {
		const fig *p = &l->v[first - 1], *q = &l->v[first];
		if (q->t0 <= p->t1 || !listed(v, s, p->t1, q->t0))
			break;
		first--;
	}
	size_t nf = last - first;
	if (nf < 2 || nf > 8)
		return 0;
	/* the names, each after an article or none; a possessive's
	 * apostrophe may join the words of one ("the Farmers' League") */
	size_t nb[8], ne[8], nn = 0, k = s->t0;
	while (nn < nf) {
		if (lex_word_is(v, k, lim, "the"))
			k++;
		size_t e = name_run_end(v, k, lim, 0);
		while (e > k && e + 1 < lim &&
		       (tok_is(v->text, TOK(e), "'") || tok_is(v->text, TOK(e), "'s")) &&
		       lex_glued(v, e) && name_run_end(v, e + 1, lim, 0) > e + 1)
			e = name_run_end(v, e + 1, lim, 0);
		if (e == k)
			return 0;
		nb[nn] = k;
		ne[nn] = e;
		nn++;
		k = e;
		if (k < lim && lex_punct(v, k, lim, ','))
			k++;
		if (k < lim && lex_word_is(v, k, lim, "and"))
			k++;
		if (k == e)
			break;
	}
	if (nn != nf || k >= lim || !verb_class(v, k, lim, NULL))
		return 0;
	/* places, or names that count ("... have reported 17, eight and
	 * two deaths"): the places of what they count */
	size_t q = k;
	while (q < lim && (aux_class(v, q, lim) || is_adverb_gap(v, q, lim)))
		q++;
	int counting = q < lim && cue_at(v, q, lim, LEX_ROLE_COUNT_VERB);
	/* not the names of who speaks: "Reuters, AP and AFP reported ..." */
	for (size_t i = 0; i < nf && counting; i++) {
		size_t len;
		const lex_entry *pe = place_at(v, nb[i], lim, &len);
		if (pe && nb[i] + len == ne[i])
			continue; /* "UK, US and France" */
		for (size_t t = nb[i]; t < ne[i]; t++)
			if (lex_has(v, t,
				    LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_ORGWORD) |
					    LEX_BIT(LEX_ROLE)) ||
			    (TOK(t)->flags & TF_CAPS))
				return 0;
	}
	int places = 1;
	for (size_t i = 0; i < nf && !counting; i++) {
		size_t len;
		const lex_entry *pe = place_at(v, nb[i], lim, &len);
		if (!(pe && nb[i] + len == ne[i]) && !named_place(l, v, nb[i], ne[i]))
			places = 0;
	}
	/* or names whose values the figures are, each its own ("the Civic
	 * Union and the Farmers' League won 21 and 12 seats respectively,
	 * on 9.7% and 6.2% of the vote"): the run after the word too */
	if (!counting && !places)
		return respective_actors(l, v, s, first, nf, r, nb, ne, a);
	for (size_t i = 0; i < nf; i++) {
		corro_figure *cf = &l->v[first + i].f;
		size_t len;
		const lex_entry *pe = place_at(v, nb[i], lim, &len);
		cf->scope_span.start = TOK(nb[i])->start;
		cf->scope_span.end = TOK(ne[i] - 1)->end;
		cf->scope = pe && nb[i] + len == ne[i]
				    ? pe->a
				    : arena_strndup(a, v->text + cf->scope_span.start,
						    cf->scope_span.end - cf->scope_span.start);
		if (!cf->scope)
			return -1;
		cf->actor = NULL;
		/* the names are the places, not who says it */
		if (cf->source_span.end > cf->source_span.start &&
		    cf->source_span.start >= TOK(nb[0])->start &&
		    cf->source_span.end <= TOK(ne[nf - 1] - 1)->end) {
			cf->source = NULL;
			cf->source_span.start = cf->source_span.end = 0;
		}
	}
	return 0;
}

/* Is the verb at k in a simple past, told as a narrative: a form other
 * than its lemma, its -s and its -ing form, after no auxiliary of the
 * present or the future ("took part", "were cancelled", "had died"; not
 * "have walked out", "is expected", "kill")? */
static int simple_past(const lex_view *v, const sent *s, size_t k)
{
	const lex_entry *ve;
	if (k == SIZE_MAX || k >= s->t1 || TOK(k)->type != TK_WORD || (TOK(k)->flags & TF_UPPER) ||
	    !verb_class(v, k, s->t1, &ve) || !ve->a)
		return 0;
	char w[64];
	size_t n = tok_lower(v->text, TOK(k), w, sizeof w);
	size_t ln = strcspn(ve->a, " ");
	if (n < 3 || w[n - 1] == 's' || (n > 4 && strcmp(w + n - 3, "ing") == 0) ||
	    (n == ln && strncmp(w, ve->a, ln) == 0))
		return 0;
	static const char *const present[] = {"has",  "have", "is",  "are", "am",
					      "will", "'s",   "'re", "'ve", "be"};
	/* "had been evacuated" is told; "have now been destroyed" is not */
	if (k > s->t0 + 1 && tok_is(v->text, TOK(k - 1), "been") &&
	    !tok_is(v->text, TOK(k - 2), "had"))
		return 0;
	for (size_t q = k; q-- > s->t0 && q + 3 > k;) {
		for (size_t i = 0; i < sizeof present / sizeof *present; i++)
			if (tok_is(v->text, TOK(q), present[i]))
				return 0;
		if (!is_adverb_gap(v, q, s->t1) && verb_class(v, q, s->t1, NULL) != LEX_VC_AUX)
			break;
	}
	return 1;
}

int fig_sentence(fig_list *out, const lex_view *v, const sent *s, const sent *prev,
		 size_t sentence_index, arena *a)
{
	ctx c = {v, s, prev, a, out, 0, 0};
	last_time_clause(v, s, &c.last0, &c.last1);
	/* "It burned 52,000 hectares": a sentence that opens with "It" and a
	 * measuring verb (its figures' it_subject) */
	lex_vclass icls = s->t1 > s->t0 + 1 && lex_word_is(v, s->t0, s->t1, "it")
				  ? verb_class(v, s->t0 + 1, s->t1, NULL)
				  : LEX_VC_NONE;
	int it_subject = icls == LEX_VC_PRED;
	size_t first_fig = out->n;
	attribution srcs[MAX_ATTR];
	size_t nsrc = 0;
	int src_done = 0;
	const attribution *src = NULL;
	size_t lim = s->t1;
	size_t cond_tok = SIZE_MAX; /* the first "if" or "unless" */
	for (size_t k = s->t0; k < lim; k++)
		if (lex_word_is(v, k, lim, "if") || lex_word_is(v, k, lim, "unless")) {
			cond_tok = k;
			break;
		}

	for (size_t i = s->t0; i < lim;) {
		const tok *t = TOK(i);
		num_match m;
		/* the words a number may start with besides number words:
		 * "a", "an", "several", "few", "minus", "negative" (their first
		 * letter tested first: this runs for every word) */
		char c0 = t->type == TK_WORD ? (char)(v->text[t->start] | 0x20) : 0;
		int maybe = t->type == TK_NUM ||
			    (t->type == TK_PUNCT && (t->cp == '-' || t->cp == '.')) ||
			    (t->type == TK_WORD &&
			     (v->cats[i] &
				      (LEX_BIT(LEX_NUM) | LEX_BIT(LEX_SCALE) | LEX_BIT(LEX_FRAC) |
				       LEX_BIT(LEX_VAGUE) | LEX_BIT(LEX_ORD)) ||
			      (c0 == 'a' &&
			       (lex_word_is(v, i, lim, "a") || lex_word_is(v, i, lim, "an"))) ||
			      (c0 == 's' && lex_word_is(v, i, lim, "several")) ||
			      (c0 == 'f' && lex_word_is(v, i, lim, "few")) ||
			      (c0 == 'm' && lex_word_is(v, i, lim, "minus")) ||
			      (c0 == 'n' && lex_word_is(v, i, lim, "negative")))) ||
			    (t->type == TK_PUNCT && lex_has(v, i, LEX_BIT(LEX_NUM)));
		if (!maybe || !num_parse(v, i, lim, &m)) {
			i++;
			continue;
		}
		/* "one in five voters", "four in ten", "2 out of 3": a share
		 * (num_ratio: no year, no unit after it, the first no larger) */
		int ratio = (lex_word_is(v, m.t1, lim, "in") ||
			     (lex_word_is(v, m.t1, lim, "out") &&
			      lex_word_is(v, m.t1 + 1, lim, "of"))) &&
			    num_ratio(v, &m, lim);
		size_t next = m.t1;
		size_t score = score_end(v, s, &m);
		if (score) {
			i = score;
			continue;
		}
		if (not_a_figure(v, s, &m)) {
			/* skip a whole code such as a hash: its pieces too */
			while (next < lim && lex_glued(v, next) && TOK(next)->type != TK_PUNCT)
				next++;
			i = next;
			continue;
		}
		expr x;
		size_t scan_to = next;
		build_expr(v, s, &m, &x, &scan_to);
		if (scan_to > next)
			next = scan_to;
		if (word_number_rules(v, s, &m, &x, ratio)) {
			i = next;
			continue;
		}
		/* a multiplier or a number of occurrences: "three times faster",
		 * "12 times its earnings", "amended 14 times", "four times a
		 * week" count times, not the subject */
		int times = 0;
		if (!x.unit && lex_word_is(v, x.t1, lim, "times") &&
		    !(TOK(x.t1)->flags & TF_UPPER)) {
			x.unit = "count";
			x.kind = "count";
			x.t1++;
			times = 1;
		}
		const lex_entry *scale = x.unit ? NULL : scale_noun(v, s, &x);
		/* age, then rate */
		size_t age_end;
		const char *age = age_of(v, s, &x, &age_end);
		if (age) {
			x.unit = age;
			x.kind = "age";
			x.uflags = 0;
			x.t1 = age_end;
		} else if (!x.unit && age_apposition(v, s, &m, &x)) {
			x.unit = "year of age";
			x.kind = "age";
			x.uflags = 0;
		}
		/* rate */
		const char *per;
		size_t after = rate_rules(v, s, &x, &per);
		int body_before;
		after = past_strength(v, s, &x, after, &body_before);
		size_t what0 = after, what1 = after, head = SIZE_MAX;
		if (!body_before)
			counted_phrase(v, s, &x, after, &what0, &what1, &head, &per);
		/* "the 300-seat assembly": the size of the head noun */
		size_t sized = scale || age ? SIZE_MAX : size_compound(v, s, &x);
		if (sized != SIZE_MAX && head == SIZE_MAX) {
			head = sized;
			what0 = sized;
			what1 = sized + 1;
		} else {
			sized = SIZE_MAX;
		}
		/* "10,000 litres of milk a day": a measure's rate after its
		 * of-phrase */
		if (!per && x.unit && (x.uflags & QU_MEASURE) && lex_word_is(v, after, lim, "of")) {
			size_t h2, e2 = read_np(v, after + 1, lim, &h2);
			if (h2 != SIZE_MAX)
				(void)rate_after(v, e2, lim, &per);
		}
		const char *unit_fixed = NULL, *pred_fixed = NULL;
		if (!body_before)
			unit_around(v, s, &x, after, &head, &what0, &what1, &unit_fixed,
				    &pred_fixed);
		else
			body_tally(v, s, &x, &unit_fixed, &pred_fixed);
		/* the unit: its own, a rate's, or the head noun's */
		char unitbuf[160];
		const char *unit = unit_name(v, &x, unit_fixed, per, times, head, what0, unitbuf,
					     sizeof unitbuf);
		interval(&x);

		if (VEC_GROW(out->v, out->n, out->cap, fig))
			return -1;
		fig *f = &out->v[out->n];
		memset(f, 0, sizeof *f);
		f->t0 = x.t0;
		f->t1 = x.t1;
		f->what0 = what0;
		f->what1 = what1;
		corro_figure *cf = &f->f;
		cf->value = x.value;
		cf->low = x.low;
		cf->high = x.high;
		cf->hedge = x.hedge;
		cf->near = x.near;
		cf->vague = x.vague;
		cf->unit = unit ? arena_strndup(a, unit, strlen(unit)) : NULL;
		cf->kind = x.kind ? x.kind : (unit ? "count" : NULL);
		cf->currency = unit == x.unit && x.kind && strcmp(x.kind, "currency") == 0
				       ? x.currency_code
				       : NULL;
		cf->per = per;
		cf->text.start = TOK(x.t0)->start;
		cf->text.end = TOK(x.t1 - 1)->end;
		if (what1 > what0) {
			cf->what.start = TOK(what0)->start;
			cf->what.end = TOK(what1 - 1)->end;
		}
		cf->sentence.start = s->start;
		cf->sentence.end = s->end;
		if (s->end - s->start > SENTENCE_MAX) {
			/* A "sentence" this long is a list or junk; give a
			 * window around the figure, at token boundaries, so
			 * that output stays linear in the input. */
			size_t a0 = x.t0, b0 = x.t1 - 1;
			while (a0 > s->t0 &&
			       TOK(x.t0)->start - TOK(a0 - 1)->start < SENTENCE_MAX / 2)
				a0--;
			while (b0 + 1 < s->t1 &&
			       TOK(b0 + 1)->end - TOK(x.t1 - 1)->end < SENTENCE_MAX / 2)
				b0++;
			cf->sentence.start = TOK(a0)->start;
			cf->sentence.end = TOK(b0)->end;
		}
		cf->sentence_index = sentence_index;

		const fig *inh;
		size_t pred_tok;
		cf->predicate = find_predicate(v, s, out, first_fig, x.t0,
					       what1 > x.t1 ? what1 : x.t1, head, &pred_tok, &inh);
		if (pred_fixed) {
			cf->predicate = pred_fixed;
			pred_tok = what0;
		}
		if (cf->predicate && thwarted_act(v, s, x.t0, pred_tok)) {
			cf->predicate = NULL;
			pred_tok = SIZE_MAX;
		}
		/* an act a list gives on is none of a figure an attribute
		 * noun names after it: "would spend $412bn and run a deficit
		 * of $38.6bn" (the attribute says what it is, below) */
		size_t at_tok;
		if (inh && !pred_fixed && cf->predicate &&
		    attribute_before(v, s, x.t0, x.t1, NULL, &at_tok) && at_tok > inh->t1)
			cf->predicate = NULL;
		/* a fire's containment: "the blaze is 40% contained" (only
		 * after a share: "contained 40 rifles" is what a crate held) */
		if (x.unit && strcmp(x.unit, "percentage") == 0 &&
		    lex_word_is(v, x.t1, s->t1, "contained")) {
			cf->predicate = "contain";
			pred_tok = x.t1;
		}
		act_unit_rules(v, s, &x, head, pred_tok, unit_fixed != NULL, cf);
		f->pred_tok = pred_tok;
		f->it_subject = it_subject;
		f->narrative = simple_past(v, s, pred_tok);
		if (inh) {
			cf->actor = inh->f.actor;
			cf->source = inh->f.source;
			cf->source_span = inh->f.source_span;
			/* "below the $4.3bn analysts had expected" */
			cf->forecast = inh->f.forecast ||
				       find_forecast(v, s, x.t1, what1 > x.t1 ? what1 : x.t1,
						     cond_tok);
		} else {
			if (!src_done) {
				nsrc = find_sources(&c, srcs);
				src_done = 1;
			}
			src = source_for(v, s, srcs, nsrc, x.t0);
			if (src) {
				cf->source = src->text;
				cf->source_span = src->span;
			}
			cf->forecast = find_forecast(v, s, x.t0, what1 > x.t1 ? what1 : x.t1,
						     cond_tok);
		}
		cf->disputed = disputed_near(v, s, &x);
		/* a clause that gaps the verb names its own source, whatever
		 * the figure inherits from the one before */
		attribution gap;
		if (gapped_source(&c, out, first_fig, x.t0, &gap)) {
			cf->source = gap.text;
			cf->source_span = gap.span;
		}
		size_t from = SIZE_MAX, to = SIZE_MAX;
		if (figure_measure(v, s, &x, cf, head != SIZE_MAX || unit_fixed, pred_tok, a, &from,
				   &to))
			return -1;
		/* and the new level's time is none before its "to" */
		if (to != SIZE_MAX)
			f->time_after = TOK(to)->start;
		/* the earlier level of "rose from 40 to 65" is of an earlier
		 * count, unless a time of its own follows */
		if (from != SIZE_MAX && !f->time_from)
			f->time_from = TOK(from)->start;
		if (scale)
			cf->measure = scale->b;
		if (turnout_share(v, s, &x, cf, pred_tok))
			cf->measure = measure_of("attend");
		measure_rules(v, s, &x, cf, pred_tok);
		alive_rule(v, s, &x, what1 > x.t1 ? what1 : x.t1, inh != NULL, cf);
		increment_of_other(out, first_fig, sentence_index, &x, cf);
		const char *actor = figure_actor(v, s, out, first_fig, &x, inh, pred_tok, what0,
						 what1, cf);
		/* whose value moves, or who wins: "the FTSE 100 fell 3.2%",
		 * "Acme's shares closed at 6.23 euros", "the rand weakened
		 * 5%", "Civic Union took 41.2% of the vote" */
		size_t subj0 = SIZE_MAX, subj1 = SIZE_MAX;
		const char *owner = value_owner(&c, out, first_fig, &x, inh, cf, &subj0, &subj1);
		if (owner)
			actor = owner;
		const fig *main_fig = earlier_value_rule(v, s, out, first_fig, &x, f, &actor);
		if (level_of(v, s, out, first_fig, &x, actor != NULL, cf, a))
			return -1;
		/* what is sent is counted, not sized: "deployed a 10,000-troop
		 * force", "sent a 3,000-man brigade" */
		if (sized != SIZE_MAX && cf->measure &&
		    (strcmp(cf->measure, "deploy") == 0 || strcmp(cf->measure, "supply") == 0))
			sized = SIZE_MAX;
		/* an index's points are no size: before a noun of a move they
		 * are a move ("a 1,050-point plunge", "a 300-point drop"),
		 * else they measure nothing said ("a 12-point lead", "a
		 * 10-point plan") */
		if (sized != SIZE_MAX && tok_is(v->text, TOK(sized), "point")) {
			int move = move_noun(v, sized + 1, s->t1);
			sized = SIZE_MAX;
			f->modifier = 1;
			cf->predicate = NULL;
			cf->measure = move ? measure_of("fall") : NULL;
		}
		if (sized != SIZE_MAX) {
			f->modifier = 1;
			cf->predicate = NULL;
			cf->forecast = 0; /* "would win ... in the 300-seat assembly" */
			cf->measure = measure_of("capacity");
			actor = NULL;
		}
		/* a rival count: "unions said 480,000 public employees took
		 * part, while the government put the number at 190,000" */
		const fig *rf = rival_of(v, s, x.t0, what1 > x.t1 ? what1 : x.t1, out,
					 sentence_index, cf);
		if (rf) {
			cf->unit = rf->f.unit;
			cf->kind = rf->f.kind;
			cf->currency = rf->f.currency;
			cf->predicate = rf->f.predicate;
			cf->measure = rf->f.measure;
			if (!actor)
				actor = rf->f.actor;
		} else if ((rf = tally_of_unit(v, s, x.t0, out, sentence_index, cf)) != NULL) {
			cf->predicate = rf->f.predicate;
			cf->measure = rf->f.measure;
		}
		responders_rule(v, s, x.t0, cf);
		people_act_rule(&x, cf);
		cf->actor = actor;
		size_t fig_end = what1 > x.t1 ? what1 : x.t1; /* with its counted thing */
		transfer_parties(v, s, fig_end, cf);
		if (figure_event(&c, x.t0, fig_end, cf))
			return -1;
		if (!cf->event)
			coordinated_event(v, s, out, first_fig, &x, cf);
		cf->part = part_of_whole(v, s, x.t0, x.t1);
		int included = !cf->part && included_part(v, s, out, first_fig, x.t0, cf);
		part_unit_rule(out, first_fig, cf->part || included, cf);
		if (figure_scope(&c, x.t0, fig_end, cf))
			return -1;
		/* "including 68,000 in the capital" is the capital's count:
		 * a place of its own, not the whole's, tells it from the
		 * whole */
		if (included) {
			const corro_figure *wf = &out->v[out->n - 1].f;
			cf->part = !cf->scope || (wf->scope && strcmp(cf->scope, wf->scope) == 0);
		}
		earlier_figure_rules(v, s, out, first_fig, &x, main_fig, sentence_index, cf);
		if (pronoun_tally(&c, &x, cf))
			return -1;
		/* "shares in Acme fell": the name is whose value, no place */
		if (subj0 != SIZE_MAX && subj1 != SIZE_MAX && cf->scope &&
		    cf->scope_span.end > cf->scope_span.start &&
		    cf->scope_span.start >= TOK(subj0)->start &&
		    cf->scope_span.end <= TOK(subj1)->start) {
			cf->scope = NULL;
			cf->scope_span.start = cf->scope_span.end = 0;
		}
		/* a list that leaves out its verb after a clause whose
		 * subject is its place ("Lower Marrow has recorded 19
		 * deaths, Kessington eight and Ardel four"): each item's
		 * name is its place too, not whose the figure is */
		if (owner && subj0 != SIZE_MAX && subj1 == x.t0 && !cf->scope &&
		    out->n > first_fig) {
			const fig *pf = &out->v[out->n - 1];
			size_t open = s->t0 + lex_word_is(v, s->t0, s->t1, "the");
			/* the item before: the clause's figure, its place
			 * opening the sentence, or an item of the list, its
			 * place right before it */
			if (pf->f.scope && !pf->f.actor &&
			    pf->f.scope_span.end > pf->f.scope_span.start &&
			    (pf->f.scope_span.start == TOK(open)->start ||
			     (pf->t0 > s->t0 && pf->f.scope_span.end == TOK(pf->t0 - 1)->end))) {
				cf->scope = owner;
				cf->scope_span.start = TOK(subj0)->start;
				cf->scope_span.end = TOK(subj1 - 1)->end;
				cf->actor = NULL;
			}
		}
		restated_move_rule(v, s, out, first_fig, &x, cf);
		if (cf->hedge != CORRO_HEDGE_AT_MOST)
			cf->near = 0; /* another hedge took its place */
		if (out->n > first_fig && conversion_of(v, s, &out->v[out->n - 1], &x, cf)) {
			cf->conversion = 1;
			cf->converts = out->n - 1;
		}
		out->n++;
		i = next > i ? next : i + 1;
	}
	part_takes_verb(v, s, out, first_fig);
	list_shares_noun(v, s, out, first_fig);
	if (respectively_rule(out, v, s, first_fig, a))
		return -1;
	return 0;
}

void fig_list_release(fig_list *l)
{
	mem_free(l->v);
	memset(l, 0, sizeof *l);
}
