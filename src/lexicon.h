/* lexicon.h: the word and phrase lists of data/, indexed for matching
 * against tokens (prefix lex_).  The tables are generated at build time by
 * tools/genlex.c; the index is built once, on first use. */
#ifndef CORRO_LEXICON_H
#define CORRO_LEXICON_H

#include "token.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
	LEX_NUM,        /* cardinal word: value */
	LEX_SCALE,      /* hundred, million, lakh: value */
	LEX_SUFFIX,     /* k, bn, mln after digits: value */
	LEX_ORD,        /* ordinal word: value (first = 1) */
	LEX_FRAC,       /* half, quarter: value is the denominator */
	LEX_VAGUE,      /* dozens, hundreds: value is the unit */
	LEX_HEDGE_PRE,  /* before a number: a = hedge name */
	LEX_HEDGE_POST, /* after a number: a = hedge name */
	LEX_CHANGE,     /* rose by, fell: a = up|down */
	LEX_UNIT,       /* a = canonical unit, b = kind; value = 1 if it may be
			  glued to digits ("5km") */
	LEX_CUR_SYM,    /* currency symbol: a = unit, b = ISO code */
	LEX_CUR_CODE,   /* currency code: a = unit, b = ISO code */
	LEX_CUR_WORD,   /* currency word: a = unit, b = ISO code */
	LEX_PER,        /* rate denominator word: a = canonical */
	LEX_PLACE,      /* a = canonical entity, b = how (country, capital,
			  metonym, demonym, body) */
	LEX_VERB,       /* a form of a verb: a = lemma, b = class */
	LEX_NOUNPRED,   /* a noun that names an act: a = lemma */
	LEX_STOP,       /* function word: ends a counted phrase */
	LEX_ABBR,       /* an abbreviation whose full stop ends no sentence */
	LEX_MONTH,      /* value = month number */
	LEX_NONFIG,     /* a word that makes the next number a name or label */
	LEX_FORECAST,   /* a cue that what follows is expected or hypothetical */
	LEX_ATTR,       /* attribution phrase: a = before|after|by */
	LEX_PARTITIVE,  /* members, rounds, units: the head moves to the of-phrase */
	LEX_NONUNIT,    /* words that are never the counted thing */
	LEX_SOURCE,     /* nouns that name a source: officials, analysts */
	LEX_PREDCLASS,  /* verb lemma: a = class, b = word for labels */
	LEX_UNITCLASS,  /* unit: a = class */
	LEX_BOILER,     /* a whole line scrapers leave: "Source link" */
	LEX_CREDIT,     /* the start of a credit line: "Credit:" */
	LEX_TIME,       /* a time word (data/time.tsv): a = class, b and value
			  by class, see there */
	LEX_ROLE,       /* a title or role before a name: "President", "leader" */
	LEX_ORGWORD,    /* a word that makes a name an organisation */
	LEX_PLACEWORD,  /* a word that makes a name a place or an event */
	LEX_EVENT,      /* a form of a verb of an act: a = PLOVER type, b = lemma */
	LEX_EVNOUN,     /* a noun a light verb makes an act: a = type, b = noun */
	LEX_LIGHT,      /* a light verb ("launched", "held"): b = lemma */
	LEX_AGENT,      /* who acts: a = CAMEO agent code, b = state|nonstate */
	LEX_NEG,        /* a negation before an act */
	LEX_ISO3,       /* a country's canonical name: a = ISO 3166 alpha-3 */
	LEX_FUNC,       /* a function word: value = its classes (event.c) */
	LEX_MOVE,       /* a verb of motion: an act when troops move (b = lemma) */
	LEX_CONTROL,    /* a verb that takes "to" and an act: a = aspect|intent|
			  reject|fail, b = lemma, value = 1 if the act is not
			  (yet) done */
	LEX_ADVERB,     /* a sentence adverb that opens no name: "Crucially" */
	LEX_PARTICLE,   /* a particle inside a name: "al-" Assad, "bin", "von der" */
	LEX_NOTNAME,    /* a capitalised word that alone names nobody: "Western", "GDP" */
	LEX_COMPOUND,   /* the second part of a hyphenated adjective: "-based" */
	LEX_LEVEL,      /* verb lemma that sets a level: a = hedge it gives */
	LEX_TALLY,      /* a noun that holds a count ("toll"): a = measure or
			  NULL, b = counted unit or NULL */
	LEX_GATHER,     /* an occasion people attend: "march", "vigil" */
	LEX_SCOPE,      /* a word that says a figure covers a whole area:
			  a = canonical ("nationwide") */
	LEX_CONVERSE,   /* a class whose figure, given "from X", is X's act of
			  the class a: received from X = supplied by X */
	LEX_OCCASION,   /* an event noun: a = occasion (incident, whole, other),
			  b = the noun it stands for ("quake" for
			  "earthquake") */
	LEX_EARLIER,    /* a word before an event noun that makes it an earlier
			  one: "previous", "last year's" */
	LEX_RECIPIENT,  /* a class whose figures name a recipient after "to" */
	LEX_LATER,      /* a word before an event noun that makes it another
			  occurrence: "a second blast", "another attack" */
	LEX_PLACENOUN,  /* a kind of place named after "of": "the province of" */
	LEX_MEASNOUN,   /* names the scale of a number: "magnitude": a = unit,
			  b = measure */
	LEX_GENERIC,    /* a word of an unnamed source: "police", "officials" */
	LEX_GROWS,      /* a predicate class or measure whose count only grows */
	LEX_GAP,        /* an adverb that may stand between a verb and its
			  figure or subject: "already", "reportedly" */
	LEX_DETLIKE,    /* a determiner or short modifier between a verb and
			  its object noun: "the", "its", "official" */
	LEX_PERIODMOD,  /* a word that makes "quarter" or "half" after it a
			  period: "last", "fiscal" (with ordinals) */
	LEX_CUE,        /* a cue word, with its roles in a ("earlier",
			  "versus,prep") and as LEX_ROLE_ bits in roles (read
			  those): "up from", "compared with" (earlier: the
			  figure after it is an earlier value of the clause's
			  figure).  The last free bit: new cue words take a
			  role here */
	LEX_CAT_COUNT_
} lex_cat;

#define LEX_BIT(c) (UINT64_C(1) << (c))

/* The class of a verb: a LEX_VERB entry's b ("pred", "attr", ...), which
 * tools/genlex.c also writes as this enum (a misspelt class fails the
 * build).  LEX_VC_NONE for every other entry. */
typedef enum {
	LEX_VC_NONE,
	LEX_VC_PRED,     /* measures what a figure counts: kill, evacuate */
	LEX_VC_ATTR,     /* reports: say, announce */
	LEX_VC_COG,      /* estimates: believe, estimate */
	LEX_VC_FORECAST, /* expect, forecast */
	LEX_VC_AUX,      /* be, have been: carries no act */
	LEX_VC_HAVE,     /* have, own */
	LEX_VC_INCLUDE,  /* include, comprise */
	LEX_VC_OBJECT,   /* a verb of measure only of a counted noun that is
			    its object or subject: "closed 73 shops" (no verb
			    to verb_class in figure.c otherwise) */
	LEX_VC_THWART    /* stops an act before it happens: halted,
			    prevented, averted ("halted the demolition of
			    200 homes") */
} lex_vclass;

/* The class of a time word: a LEX_TIME entry's a ("unit", "weekday", ...),
 * which tools/genlex.c also writes as this enum.  LEX_TC_NONE for every
 * other entry. */
typedef enum {
	LEX_TC_NONE,
	LEX_TC_AGO,     /* "ago": a count of units before now */
	LEX_TC_CLOCK,   /* "noon", "midnight" */
	LEX_TC_DAY,     /* "today", "yesterday" */
	LEX_TC_DAYPART, /* "morning", "evening" after a day */
	LEX_TC_DECADE,  /* "the sixties" */
	LEX_TC_HALF,    /* "first half" */
	LEX_TC_LATER,   /* "later": a count of units after */
	LEX_TC_MOVE,    /* "postponed", "delayed" before a time */
	LEX_TC_PART,    /* "tonight", "this morning" */
	LEX_TC_SEASON,  /* "summer" */
	LEX_TC_SHIFT,   /* "last", "next", "this" */
	LEX_TC_UNIT,    /* "week", "month", "year" */
	LEX_TC_VAGUE,   /* "recently", "soon" */
	LEX_TC_WEEKDAY  /* "Monday" */
} lex_tclass;

/* The roles of a CUE entry (data/words.tsv: its column, "a" or "a,b"),
 * as bits, which tools/genlex.c writes beside the text: a misspelt role
 * fails the build. */
#define LEX_ROLE_EARLIER (UINT64_C(1) << 0)
#define LEX_ROLE_FROM (UINT64_C(1) << 1)
#define LEX_ROLE_VERSUS (UINT64_C(1) << 2)
#define LEX_ROLE_PAST (UINT64_C(1) << 3)
#define LEX_ROLE_TURNOUT (UINT64_C(1) << 4)
#define LEX_ROLE_CHOICE (UINT64_C(1) << 5)
#define LEX_ROLE_PERSON (UINT64_C(1) << 6)
#define LEX_ROLE_ZONE (UINT64_C(1) << 7)
#define LEX_ROLE_DETERMINER (UINT64_C(1) << 8)
#define LEX_ROLE_BEARING (UINT64_C(1) << 9)
#define LEX_ROLE_LIVES (UINT64_C(1) << 10)
#define LEX_ROLE_EXTENT (UINT64_C(1) << 11)
#define LEX_ROLE_STATE (UINT64_C(1) << 12)
#define LEX_ROLE_ATTRIBUTE (UINT64_C(1) << 13)
#define LEX_ROLE_SCORE_BEFORE (UINT64_C(1) << 14)
#define LEX_ROLE_SCORE_AFTER (UINT64_C(1) << 15)
#define LEX_ROLE_PREP (UINT64_C(1) << 16)
#define LEX_ROLE_SET_DET (UINT64_C(1) << 17)
#define LEX_ROLE_LEVEL (UINT64_C(1) << 18)
#define LEX_ROLE_MODIFIER (UINT64_C(1) << 19)
#define LEX_ROLE_NOT_SUPERLATIVE (UINT64_C(1) << 20)
#define LEX_ROLE_VERB_GAP (UINT64_C(1) << 21)
#define LEX_ROLE_PARTICIPLE (UINT64_C(1) << 22)
#define LEX_ROLE_COUNT_DET (UINT64_C(1) << 23)
#define LEX_ROLE_SHARE_AFTER (UINT64_C(1) << 24)
#define LEX_ROLE_IRREGULAR (UINT64_C(1) << 25)
#define LEX_ROLE_INVARIANT (UINT64_C(1) << 26)
#define LEX_ROLE_IE_NOUN (UINT64_C(1) << 27)
#define LEX_ROLE_NOT_MAN (UINT64_C(1) << 28)
#define LEX_ROLE_MONTH_CUE (UINT64_C(1) << 29)
#define LEX_ROLE_YEAR_CUE (UINT64_C(1) << 30)
#define LEX_ROLE_ARTICLE (UINT64_C(1) << 31)
#define LEX_ROLE_PRONOUN (UINT64_C(1) << 32)
#define LEX_ROLE_OF_FROM (UINT64_C(1) << 33)
#define LEX_ROLE_NOUN_DET (UINT64_C(1) << 34)
#define LEX_ROLE_POSSESSIVE (UINT64_C(1) << 35)
#define LEX_ROLE_BE_FORM (UINT64_C(1) << 36)
#define LEX_ROLE_ROLE_SKIP (UINT64_C(1) << 37)
#define LEX_ROLE_MONEY_WORD (UINT64_C(1) << 38)
#define LEX_ROLE_MORE_THAN (UINT64_C(1) << 39)
#define LEX_ROLE_LESS_THAN (UINT64_C(1) << 40)
#define LEX_ROLE_ONE_DET (UINT64_C(1) << 41)
#define LEX_ROLE_APPOS_PREP (UINT64_C(1) << 42)
#define LEX_ROLE_DAY_PREP (UINT64_C(1) << 43)
#define LEX_ROLE_DATE_LABEL (UINT64_C(1) << 44)
#define LEX_ROLE_CLAUSE_JOIN (UINT64_C(1) << 45)
#define LEX_ROLE_RELATIVE (UINT64_C(1) << 46)
#define LEX_ROLE_COMPARE (UINT64_C(1) << 47)
#define LEX_ROLE_BASELINE (UINT64_C(1) << 48)
#define LEX_ROLE_HONORIFIC (UINT64_C(1) << 49)
#define LEX_ROLE_HUMAN (UINT64_C(1) << 50)
#define LEX_ROLE_POST (UINT64_C(1) << 51)
#define LEX_ROLE_STREET (UINT64_C(1) << 52)
#define LEX_ROLE_PARTICLE (UINT64_C(1) << 53)
#define LEX_ROLE_CLAUSE_OPEN (UINT64_C(1) << 54)
#define LEX_ROLE_RATE_UNIT (UINT64_C(1) << 55)
#define LEX_ROLE_STRENGTH (UINT64_C(1) << 56)
#define LEX_ROLE_NAME_SUFFIX (UINT64_C(1) << 57)
#define LEX_ROLE_COUNT_VERB (UINT64_C(1) << 58)
#define LEX_ROLE_RECUR (UINT64_C(1) << 59)
#define LEX_ROLE_ADMITS (UINT64_C(1) << 60)
#define LEX_ROLE_CUSTODY (UINT64_C(1) << 61)
#define LEX_ROLE_IRREGULAR_PAST (UINT64_C(1) << 62)
#define LEX_ROLE_RESPONDER (UINT64_C(1) << 63)

/* The roles past the sixty-four of LEX_ROLE_, as bits of roles2 (read them
 * in e->roles2): each role has a name in both sets, 0 in the set it is
 * not of, so that genlex writes every row's roles into both fields. */
#define LEX_ROLE2_EARLIER 0
#define LEX_ROLE2_FROM 0
#define LEX_ROLE2_VERSUS 0
#define LEX_ROLE2_PAST 0
#define LEX_ROLE2_TURNOUT 0
#define LEX_ROLE2_CHOICE 0
#define LEX_ROLE2_PERSON 0
#define LEX_ROLE2_ZONE 0
#define LEX_ROLE2_DETERMINER 0
#define LEX_ROLE2_BEARING 0
#define LEX_ROLE2_LIVES 0
#define LEX_ROLE2_EXTENT 0
#define LEX_ROLE2_STATE 0
#define LEX_ROLE2_ATTRIBUTE 0
#define LEX_ROLE2_SCORE_BEFORE 0
#define LEX_ROLE2_SCORE_AFTER 0
#define LEX_ROLE2_PREP 0
#define LEX_ROLE2_SET_DET 0
#define LEX_ROLE2_LEVEL 0
#define LEX_ROLE2_MODIFIER 0
#define LEX_ROLE2_NOT_SUPERLATIVE 0
#define LEX_ROLE2_VERB_GAP 0
#define LEX_ROLE2_PARTICIPLE 0
#define LEX_ROLE2_COUNT_DET 0
#define LEX_ROLE2_SHARE_AFTER 0
#define LEX_ROLE2_IRREGULAR 0
#define LEX_ROLE2_INVARIANT 0
#define LEX_ROLE2_IE_NOUN 0
#define LEX_ROLE2_NOT_MAN 0
#define LEX_ROLE2_MONTH_CUE 0
#define LEX_ROLE2_YEAR_CUE 0
#define LEX_ROLE2_ARTICLE 0
#define LEX_ROLE2_PRONOUN 0
#define LEX_ROLE2_OF_FROM 0
#define LEX_ROLE2_NOUN_DET 0
#define LEX_ROLE2_POSSESSIVE 0
#define LEX_ROLE2_BE_FORM 0
#define LEX_ROLE2_ROLE_SKIP 0
#define LEX_ROLE2_MONEY_WORD 0
#define LEX_ROLE2_MORE_THAN 0
#define LEX_ROLE2_LESS_THAN 0
#define LEX_ROLE2_ONE_DET 0
#define LEX_ROLE2_APPOS_PREP 0
#define LEX_ROLE2_DAY_PREP 0
#define LEX_ROLE2_DATE_LABEL 0
#define LEX_ROLE2_CLAUSE_JOIN 0
#define LEX_ROLE2_RELATIVE 0
#define LEX_ROLE2_COMPARE 0
#define LEX_ROLE2_BASELINE 0
#define LEX_ROLE2_HONORIFIC 0
#define LEX_ROLE2_HUMAN 0
#define LEX_ROLE2_POST 0
#define LEX_ROLE2_STREET 0
#define LEX_ROLE2_PARTICLE 0
#define LEX_ROLE2_CLAUSE_OPEN 0
#define LEX_ROLE2_RATE_UNIT 0
#define LEX_ROLE2_STRENGTH 0
#define LEX_ROLE2_NAME_SUFFIX 0
#define LEX_ROLE2_COUNT_VERB 0
#define LEX_ROLE2_RECUR 0
#define LEX_ROLE2_ADMITS 0
#define LEX_ROLE2_CUSTODY 0
#define LEX_ROLE2_IRREGULAR_PAST 0
#define LEX_ROLE2_RESPONDER 0
#define LEX_ROLE_DISPUTE 0
#define LEX_ROLE2_DISPUTE (UINT64_C(1) << 0)
#define LEX_ROLE_LEVEL_OF 0
#define LEX_ROLE2_LEVEL_OF (UINT64_C(1) << 1)
#define LEX_ROLE_NOT_MEN 0
#define LEX_ROLE2_NOT_MEN (UINT64_C(1) << 2)

typedef struct lex_entry {
	uint8_t cat;
	const char *phrase;
	double value;
	const char *a, *b;
	uint8_t tag;     /* VERB: a lex_vclass; TIME: a lex_tclass; else 0 */
	uint64_t roles;  /* CUE: LEX_ROLE_ bits */
	uint64_t roles2; /* CUE: LEX_ROLE2_ bits */
} lex_entry;

extern const lex_entry lex_entries[];
extern const size_t lex_entry_count;

/* Builds the index; returns 0, or -1 when memory runs out.  Safe to call from
 * several threads; the work happens once. */
int lex_init(void);

/* Per-document lookup state: for each token, where its phrases start. */
typedef struct lex_view {
	const char *text;
	const tok *t;
	size_t n;
	uint32_t *word; /* the token as a word of the lexicon's phrases (an
			    index into its table), or UINT32_MAX */
	uint64_t *cats; /* categories of phrases starting at the token */
} lex_view;

int lex_view_init(lex_view *v, const char *text, const tok *t, size_t n);
void lex_view_release(lex_view *v);

/* lex_match once token i is known to start a phrase of a category in
 * mask. */
const lex_entry *lex_match_at(const lex_view *v, size_t i, size_t lim, uint64_t mask, size_t *len);

/* Longest phrase of a category in mask that starts at token i and ends
 * before token lim.  Sets *len to its token count.  NULL if none.  Inline:
 * most tokens start no phrase of the categories asked for. */
static inline const lex_entry *lex_match(const lex_view *v, size_t i, size_t lim, uint64_t mask,
					 size_t *len)
{
	if (i >= v->n || !(v->cats[i] & mask))
		return NULL;
	return lex_match_at(v, i, lim, mask, len);
}

/* The one-token phrase of a category in mask that token i (before lim) is,
 * whatever longer phrases start there ("in" of "in favour"), or NULL. */
const lex_entry *lex_word_at(const lex_view *v, size_t i, size_t lim, uint64_t mask);

/* Is the word at token i (before lim), alone, a cue of a role (a CUE row
 * of data/words.tsv with LEX_ROLE_ bit role), whatever longer phrase
 * starts there? */
static inline int lex_cue_is(const lex_view *v, size_t i, size_t lim, uint64_t role)
{
	const lex_entry *e = lex_word_at(v, i, lim, LEX_BIT(LEX_CUE));
	return e && (e->roles & role);
}

/* Longest phrase of a category in mask that ends at token i (inclusive) and
 * starts at or after token lo. */
const lex_entry *lex_match_ending(const lex_view *v, size_t lo, size_t i, uint64_t mask,
				  size_t *start);

/* True if token i starts any phrase of a category in mask. */
static inline int lex_has(const lex_view *v, size_t i, uint64_t mask)
{
	return i < v->n && (v->cats[i] & mask) != 0;
}

/* The entry of a category in mask whose phrase is exactly s (any case,
 * tokenised like a document), or NULL.  Costs a tokenisation: for lookups
 * by name, not per token. */
const lex_entry *lex_phrase(const char *s, size_t len, uint64_t mask);

/* A single-token entry of a category for a word (any case). */
const lex_entry *lex_word(const char *word, size_t len, uint64_t mask);

/* The CUE row of data/words.tsv for a word (any case) when it has a role
 * of the LEX_ROLE_ bits in role, else NULL: lex_cue_is for a word that is
 * not in a tokenised view. */
static inline const lex_entry *lex_cue_word(const char *word, size_t len, uint64_t role)
{
	const lex_entry *e = len ? lex_word(word, len, LEX_BIT(LEX_CUE)) : NULL;
	return e && (e->roles & role) ? e : NULL;
}

/* The entries of category cat, in the order of the data: *n of them (none
 * when the index could not be built).  For the lookups that scan a whole
 * category. */
const lex_entry *const *lex_rows(lex_cat cat, size_t *n);

/* Small token tests shared by the stages that read phrases. */

/* No white space between token i-1 and token i. */
static inline int lex_glued(const lex_view *v, size_t i)
{
	return !(v->t[i].flags & TF_SPACE);
}

/* Token k is a decimal point: a full stop glued between two runs of
 * digits ("1.3"), no sentence's end. */
static inline int lex_decimal_point(const lex_view *v, size_t k)
{
	return k > 0 && k + 1 < v->n && v->t[k].type == TK_PUNCT && v->t[k].cp == '.' &&
	       v->t[k - 1].type == TK_NUM && v->t[k + 1].type == TK_NUM && lex_glued(v, k) &&
	       lex_glued(v, k + 1);
}

/* Token i (before lim) is the punctuation character cp (folded). */
static inline int lex_punct(const lex_view *v, size_t i, size_t lim, uint32_t cp)
{
	return i < lim && v->t[i].type == TK_PUNCT && v->t[i].cp == cp;
}

/* Token i (before lim) is a run of digits. */
static inline int lex_numtok(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && v->t[i].type == TK_NUM;
}

/* Token i (before lim) is the word w (lower-case ASCII), in any case.
 * Inlined always: it runs for every token of every sentence, and a call
 * per test costs more than the test. */
TOK_ALWAYS_INLINE int lex_word_is(const lex_view *v, size_t i, size_t lim, const char *w)
{
	return i < lim && v->t[i].type == TK_WORD && tok_is(v->text, &v->t[i], w);
}

/* A one-token phrase of a category in mask at token i, or NULL. */
static inline const lex_entry *lex_one(const lex_view *v, size_t i, size_t lim, uint64_t mask)
{
	size_t len;
	const lex_entry *e = lex_match(v, i, lim, mask, &len);
	return e && len == 1 ? e : NULL;
}

#endif
