/* event.c: who did what to whom (prefix ev_).  See event.h for the rules. */
#include "event.h"

#include "ascii.h"
#include "cameo.h"
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])
#define MAX_ACTORS 64     /* actor phrases kept per sentence */
#define MAX_CHAIN 4       /* "A, B and C attacked": actors of one act */
#define VERB_CAP 48       /* bytes of a finer verb */
#define SENTENCE_MAX 1000 /* bytes of sentence an event record carries */
#define CLAUSE_MAX \
	80 /* tokens a clause reaches on each side of its act:
			   keeps a run-on "sentence" of a million words
			   linear */

/* An entity mention by tokens. */
typedef struct mention {
	size_t t0, t1;
	size_t ent;
} mention;

/* An actor phrase of a sentence. */
typedef struct actor {
	size_t t0, t1;
	long ent;               /* index into the entities, -1: none */
	const lex_entry *agent; /* "rebels", "troops", or NULL */
	size_t agent_tok;
	int pronoun;
	const lex_entry *prep; /* the preposition before it, or NULL */
	size_t n0, n1;         /* the words that name it: the phrase itself,
				   or for a pronoun, the name it stands for */
	int dict;              /* named by a CAMEO actor entry alone */
} actor;

/* What a pronoun stands for: the actors of the last act. */
typedef struct subject {
	actor a[MAX_CHAIN];
	size_t n;
} subject;

typedef struct ev_state {
	const ev_input *in;
	const lex_view *v;
	arena *a;
	mention *m;
	size_t nm;
	const char **iso; /* per entity: ISO3, "" when it has none, NULL: not looked up */
	corro_event *ev;
	size_t n, cap;
	subject last;
	actor acts[MAX_ACTORS];
	size_t nacts;
	size_t sent_first; /* the first event of the current sentence */
} ev_state;

/* Classes of function words (FUNC entries of data/events.tsv). */
enum {
	F_DET = 1,
	F_AUX = 2,
	F_BE = 4,
	F_SUB = 8,
	F_PREP = 16,
	F_PLACE = 32,
	F_PRON = 64,
	F_QUANT = 128,
	F_COND = 256,
	F_OBJSKIP = 512
};

/* The classes of the word at token i, 0 for any other token. */
static unsigned fclass(const lex_view *v, size_t i, size_t lim)
{
	if (i >= lim || !lex_has(v, i, LEX_BIT(LEX_FUNC)))
		return 0;
	const lex_entry *e = lex_one(v, i, lim, LEX_BIT(LEX_FUNC));
	return e ? (unsigned)e->value : 0;
}

static int is_lower_word(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && v->t[i].type == TK_WORD && !(v->t[i].flags & TF_UPPER);
}

/* An adverb in -ly ("quietly", "only") at token i; "supply", "reply"
 * and "rally" are not. */
static int ly_adverb(const lex_view *v, size_t i, size_t lim)
{
	return is_lower_word(v, i, lim) && v->t[i].end - v->t[i].start > 3 &&
	       memcmp(v->text + v->t[i].end - 2, "ly", 2) == 0 &&
	       !lex_has(v, i, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB) | LEX_BIT(LEX_CONTROL));
}

/* The token that starts at byte b, or n when none does. */
static size_t tok_at(const lex_view *v, size_t b)
{
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v->t[mid].start < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int cmp_mention(const void *pa, const void *pb)
{
	const mention *a = pa, *b = pb;
	return a->t0 < b->t0 ? -1 : a->t0 > b->t0;
}

/* Entity mentions by token, in text order. */
static int index_mentions(ev_state *s)
{
	const lex_view *v = s->v;
	size_t cap = 0;
	for (size_t e = 0; e < s->in->nents; e++) {
		const corro_entity *ce = &s->in->ents[e];
		for (size_t k = 0; k < ce->nmentions; k++) {
			size_t t0 = tok_at(v, ce->mentions[k].start);
			size_t t1 = tok_at(v, ce->mentions[k].end);
			/* tok_at gives the first token starting at or after the end */
			if (t0 >= v->n || t1 <= t0)
				continue;
			if (VEC_GROW(s->m, s->nm, cap, mention))
				return -1;
			s->m[s->nm++] = (mention){t0, t1, e};
		}
	}
	if (s->nm) /* qsort wants a non-null array even when empty */
		qsort(s->m, s->nm, sizeof *s->m, cmp_mention);
	return 0;
}

/* The word before token i, skipping determiners, when it is a
 * preposition: its FUNC entry. */
static const lex_entry *prep_before(const lex_view *v, size_t lo, size_t i)
{
	size_t k = i;
	/* "from elite Special Forces units": up to two modifiers */
	for (int m = 0; m < 2 && k > lo && is_lower_word(v, k - 1, i) && !fclass(v, k - 1, i) &&
			!lex_has(v, k - 1,
				 LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB) | LEX_BIT(LEX_LIGHT) |
					 LEX_BIT(LEX_CONTROL) | LEX_BIT(LEX_MOVE));
	     m++)
		k--;
	while (k > lo && (fclass(v, k - 1, i) & F_DET))
		k--;
	if (k == lo || !(fclass(v, k - 1, i) & F_PREP)) {
		k = i; /* no preposition: the modifiers were not */
		while (k > lo && (fclass(v, k - 1, i) & F_DET))
			k--;
		if (k == lo || !(fclass(v, k - 1, i) & F_PREP))
			return NULL;
	}
	/* "hundreds of troops", "a group of rebels": the head is what
	 * follows "of" */
	if (tok_is(v->text, TOK(k - 1), "of") && k - 1 > lo &&
	    ((fclass(v, k - 2, i) & F_QUANT) || v->t[k - 2].type == TK_NUM))
		return NULL;
	return lex_one(v, k - 1, i, LEX_BIT(LEX_FUNC));
}

/* An agent word at token i (up to lim): "rebels", "government". */
static const lex_entry *agent_at(const lex_view *v, size_t i, size_t lim, size_t *len)
{
	if (!lex_has(v, i, LEX_BIT(LEX_AGENT)))
		return NULL;
	return lex_match(v, i, lim, LEX_BIT(LEX_AGENT), len);
}

/* The actor phrases of sentence [t0, t1). */
static void find_actors(ev_state *s, size_t t0, size_t t1, size_t *mi)
{
	const lex_view *v = s->v;
	s->nacts = 0;
	while (*mi < s->nm && s->m[*mi].t0 < t0)
		(*mi)++;
	for (size_t i = t0; i < t1 && s->nacts < MAX_ACTORS;) {
		actor ac;
		memset(&ac, 0, sizeof ac);
		ac.ent = -1;
		size_t len;
		while (*mi < s->nm && s->m[*mi].t0 < i)
			(*mi)++;
		if (*mi < s->nm && s->m[*mi].t0 == i && s->m[*mi].t1 <= t1) {
			const mention *m = &s->m[*mi];
			corro_entity_kind kind = s->in->ents[m->ent].kind;
			if (kind == CORRO_ENTITY_PLACE) {
				i = m->t1;
				continue;
			}
			ac.t0 = i;
			ac.t1 = m->t1;
			ac.ent = (long)m->ent;
			/* "Syrian rebels", "Russia's military", "Iraq's national
			 * security advisor": an agent word close behind */
			size_t j = ac.t1;
			if (j < t1 && tok_is(v->text, TOK(j), "'s"))
				j++;
			for (size_t k = j; k < t1 && k <= j + 4; k++) {
				const lex_entry *ag = agent_at(v, k, t1, &len);
				if (ag) {
					ac.agent = ag;
					ac.agent_tok = k;
					ac.t1 = k + len;
					break;
				}
				/* "Kim's resource-strapped military" */
				if (lex_punct(v, k, t1, '-') && lex_glued(v, k) && k + 1 < t1 &&
				    lex_glued(v, k + 1))
					continue;
				if (!is_lower_word(v, k, t1) || k > j + 2 ||
				    lex_has(v, k,
					    LEX_BIT(LEX_STOP) | LEX_BIT(LEX_EVENT) |
						    LEX_BIT(LEX_VERB)))
					break;
			}
		} else if ((ac.agent = agent_at(v, i, t1, &len)) != NULL) {
			ac.t0 = i;
			ac.agent_tok = i;
			ac.t1 = i + len;
			/* "the government of Syria", "soldiers from North
			 * Korea", "a court in Guyana": an
			 * institution sits in its country; troops in a country
			 * may be anyone's */
			int in = lex_word_is(v, ac.t1, t1, "in");
			int institution = strcmp(ac.agent->a, "JUD") == 0 ||
					  strcmp(ac.agent->a, "LEG") == 0 ||
					  strcmp(ac.agent->a, "GOV") == 0 ||
					  strcmp(ac.agent->a, "COP") == 0;
			if (lex_word_is(v, ac.t1, t1, "of") || lex_word_is(v, ac.t1, t1, "from") ||
			    (in && institution)) {
				size_t k = ac.t1 + 1;
				while ((fclass(v, k, t1) & F_DET))
					k++;
				size_t q = *mi;
				while (q < s->nm && s->m[q].t0 < k)
					q++;
				if (q < s->nm && s->m[q].t0 == k && s->m[q].t1 <= t1 &&
				    (!in ||
				     s->in->ents[s->m[q].ent].kind == CORRO_ENTITY_COUNTRY)) {
					ac.ent = (long)s->m[q].ent;
					ac.t1 = s->m[q].t1;
				}
			}
		} else if ((fclass(v, i, t1) & F_PRON) &&
			   !(i > t0 && (fclass(v, i - 1, t1) & F_PREP))) {
			ac.t0 = i;
			ac.t1 = i + 1;
			ac.pronoun = 1;
		} else if (s->in->dict && v->t[i].type == TK_WORD && (v->t[i].flags & TF_UPPER) &&
			   !(fclass(v, i, t1) & F_DET) &&
			   cameo_actor_at(s->in->dict, v, i, t1, s->in->date, &len) && len) {
			/* a name only the dictionaries know: "Obama",
			 * "Interpol", "Congress" */
			ac.t0 = i;
			ac.t1 = i + len;
			ac.dict = 1;
		} else {
			i++;
			continue;
		}
		ac.n0 = ac.t0;
		ac.n1 = ac.t1;
		ac.prep = prep_before(v, t0, ac.t0);
		s->acts[s->nacts++] = ac;
		i = ac.t1;
	}
}

/* A token that ends a clause: ";", a subordinating word, a reporting
 * verb ("said"). */
static int clause_break(const lex_view *v, size_t i, size_t lim)
{
	if (i >= lim)
		return 1;
	const tok *t = TOK(i);
	if (t->type == TK_PUNCT)
		return t->cp == ';' || t->cp == ':';
	if (t->type != TK_WORD)
		return 0;
	if ((fclass(v, i, lim) & F_SUB))
		return 1;
	/* "States" of "United States" is no verb */
	if (lex_has(v, i, LEX_BIT(LEX_VERB)) && !(t->flags & TF_UPPER)) {
		const lex_entry *e = lex_one(v, i, lim, LEX_BIT(LEX_VERB));
		if (e && e->tag == LEX_VC_ATTR)
			return 1;
	}
	return 0;
}

/* Does the word at token i read as a noun or an adjective rather than a
 * verb, whatever its form?  A capitalised word inside a sentence is part
 * of a name ("Central Command"); a word glued by a hyphen to the one before
 * is a compound ("UK-based", "Israeli-occupied"). */
static int name_or_compound(const lex_view *v, size_t t0, size_t i)
{
	if (i > t0 && (v->t[i].flags & TF_UPPER) && !(v->t[i].flags & TF_CAPS))
		return 1;
	/* "re-examine", "cross-border": the first part of a compound */
	if (i + 2 < v->n && v->t[i + 1].type == TK_PUNCT && v->t[i + 1].cp == '-' &&
	    lex_glued(v, i + 1) && lex_glued(v, i + 2) && v->t[i + 2].type == TK_WORD)
		return 1;
	return i > t0 + 1 && lex_glued(v, i) && v->t[i - 1].type == TK_PUNCT &&
	       v->t[i - 1].cp == '-' && lex_glued(v, i - 1);
}

/* A word the lexicon does not know as a verb: is it a noun here?  Looks
 * back over at most three modifiers ("the brutal slaying", "its six-year
 * campaign", "in favor") for a determiner, a preposition or a number. */
static int noun_context(const lex_view *v, size_t t0, size_t i, size_t lim)
{
	size_t k = i, words = 0;
	/* "an Islamic State target": a name may modify a noun, but "The
	 * Kremlin denies" and "The Kremlin denied" are verbs */
	char w[40];
	size_t wl = tok_lower(v->text, TOK(i), w, sizeof w);
	int bare = wl > 2 && w[wl - 1] != 's' && strcmp(w + wl - 2, "ed") != 0 &&
		   !(wl > 4 && strcmp(w + wl - 3, "ing") == 0);
	/* "overtly help": an adverb straight before makes a verb */
	if (i > t0 && ly_adverb(v, i - 1, lim))
		return 0;
	while (k > t0 && words <= 3) {
		const tok *t = &v->t[k - 1];
		if (t->type == TK_NUM)
			return 1;
		if (t->type == TK_PUNCT) {
			if (t->cp != '-' || !lex_glued(v, k - 1))
				return 0;
			k--;
			continue;
		}
		if (t->type != TK_WORD)
			return 0;
		unsigned c = fclass(v, k - 1, lim);
		if (c & (F_DET | F_PREP | F_QUANT))
			return !tok_is(v->text, t, "to");
		/* "his full and unconditional support" */
		if (words && tok_is(v->text, t, "and")) {
			k--;
			continue;
		}
		/* "offering further military support": the object of the
		 * act before */
		if (words && !c && !(t->flags & TF_UPPER) &&
		    lex_has(v, k - 1,
			    LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_LIGHT) | LEX_BIT(LEX_CONTROL)))
			return 1;
		if ((t->flags & TF_UPPER)
			    ? !bare
			    : ((c && c != F_OBJSKIP) ||
			       lex_has(v, k - 1, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB))))
			return 0;
		k--;
		words++;
	}
	return 0;
}

/* "men sought in the slaying", "a member jailed over a year ago": a past
 * participle straight after a noun and before a preposition, in a clause
 * whose verb came earlier, qualifies the noun; it is a passive. */
static int reduced_relative(const lex_view *v, size_t t0, size_t i, size_t lim)
{
	if (i == t0 || i + 1 >= lim || !is_lower_word(v, i - 1, lim) ||
	    !(fclass(v, i + 1, lim) & F_PREP) || lex_word_is(v, i + 1, lim, "to") ||
	    (fclass(v, i - 1, lim) & (F_AUX | F_BE | F_SUB | F_PRON)))
		return 0;
	for (size_t k = i - 1; k-- > t0;) {
		if (clause_break(v, k, lim))
			break;
		if (is_lower_word(v, k, lim) && !tok_is(v->text, TOK(k), "'s") &&
		    ((fclass(v, k, lim) & (F_BE | F_AUX)) ||
		     lex_has(v, k, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB) | LEX_BIT(LEX_LIGHT))))
			return 1;
	}
	/* "the civilians imprisoned for acting ... were released": the
	 * clause's verb comes later */
	for (size_t k = i + 2; k < lim && k < i + 10; k++) {
		if (clause_break(v, k, lim) || lex_punct(v, k, lim, ','))
			return 0;
		if (is_lower_word(v, k, lim) && (fclass(v, k, lim) & F_BE) &&
		    !tok_is(v->text, TOK(k), "'s") && !tok_is(v->text, TOK(k), "being"))
			return 1;
	}
	return 0;
}

/* Is the form at token i (an EVENT entry e) used as a verb here? */
static int verb_use(const ev_state *s, size_t t0, size_t i, size_t lim, const lex_entry *e,
		    int *passive)
{
	const lex_view *v = s->v;
	char w[64];
	size_t wl = tok_lower(v->text, TOK(i), w, sizeof w);
	*passive = 0;
	if (!wl)
		return 0;
	if (i > t0 && (fclass(v, i - 1, lim) & F_DET))
		return 0;
	/* "the inadequately equipped forces" */
	if (i > t0 + 1 && (fclass(v, i - 2, lim) & F_DET) && ly_adverb(v, i - 1, lim))
		return 0;
	/* a name in capitals ("Strike Force") is no verb */
	if ((TOK(i)->flags & TF_UPPER) && i > t0 && !(TOK(i)->flags & TF_CAPS))
		return 0;
	int ing = wl > 4 && strcmp(w + wl - 3, "ing") == 0;
	int base = strcmp(w, e->b) == 0;
	int third = !base && !ing && w[wl - 1] == 's' && strncmp(w, e->b, strlen(e->b)) == 0;
	int past = !base && !ing && !third;
	if ((base || ing) && noun_context(v, t0, i, lim))
		return 0;
	int after_actor = 0;
	for (size_t k = 0; k < s->nacts; k++)
		if (s->acts[k].t1 == i)
			after_actor = 1;
	size_t p = i;
	while (p > t0 && (fclass(v, p - 1, lim) & F_AUX) && !(fclass(v, p - 1, lim) & F_BE) &&
	       !lex_word_is(v, p - 1, lim, "to") && i - p < 3)
		p--;
	int after_be = p > t0 && (fclass(v, p - 1, lim) & F_BE);
	int after_aux = p < i || (i > t0 && lex_word_is(v, i - 1, lim, "to"));
	if (past) {
		/* "500,000 wounded", "dozens injured": the people, no act */
		if (i > t0 && (v->t[i - 1].type == TK_NUM || (fclass(v, i - 1, lim) & F_QUANT)))
			return 0;
		*passive = after_be || (!after_aux && (reduced_relative(v, t0, i, lim) ||
						       lex_word_is(v, i + 1, lim, "by")));
		/* "given the escalation" is a preposition */
		return strcmp(w, "given") != 0 || after_be || after_aux;
	}
	if (ing)
		return after_be || after_actor || (i > t0 && lex_punct(v, i - 1, lim, ','));
	if (after_aux || after_actor)
		return 1;
	/* an adverb before it: "Russia quietly sends" */
	return i > t0 && ly_adverb(v, i - 1, lim);
}

static int ends_ing(const lex_view *v, size_t i)
{
	const tok *t = &v->t[i];
	return t->end - t->start > 4 && memcmp(v->text + t->end - 3, "ing", 3) == 0;
}

/* A light verb with its act noun: "launched an air strike", "held talks".
 * Returns the noun's entry and sets *end past it. */
static const lex_entry *light_act(const lex_view *v, size_t i, size_t lim, size_t *end)
{
	size_t len;
	if (!lex_has(v, i, LEX_BIT(LEX_LIGHT)) || !lex_match(v, i, lim, LEX_BIT(LEX_LIGHT), &len))
		return NULL;
	for (size_t k = i + len; k < lim && k <= i + len + 4; k++) {
		size_t nl;
		const lex_entry *n = lex_has(v, k, LEX_BIT(LEX_EVNOUN))
					     ? lex_match(v, k, lim, LEX_BIT(LEX_EVNOUN), &nl)
					     : NULL;
		if (n) {
			const lex_entry *l = lex_match(v, i, lim, LEX_BIT(LEX_LIGHT), &len);
			if (n->value == 1 && strcmp(l->b, "fire") != 0 &&
			    strcmp(l->b, "launch") != 0)
				return NULL;
			*end = k + nl;
			return n;
		}
		if (v->t[k].type == TK_PUNCT && v->t[k].cp != '-')
			return NULL;
		if (v->t[k].type == TK_WORD &&
		    ((fclass(v, k, lim) & F_PREP) || lex_has(v, k, LEX_BIT(LEX_EVENT))))
			return NULL;
	}
	return NULL;
}

static const char *iso_of_name(const char *name)
{
	if (!name)
		return NULL;
	const lex_entry *e = lex_phrase(name, strlen(name), LEX_BIT(LEX_ISO3));
	return e ? e->a : NULL;
}

/* The ISO3 code of an entity's country: its own, or its affiliation's. */
static const char *entity_iso(ev_state *s, long ent)
{
	if (ent < 0)
		return NULL;
	if (!s->iso[ent]) {
		const corro_entity *e = &s->in->ents[ent];
		const char *c = e->kind == CORRO_ENTITY_COUNTRY ? iso_of_name(e->name)
								: iso_of_name(e->affiliation);
		s->iso[ent] = c ? c : "";
	}
	return *s->iso[ent] ? s->iso[ent] : NULL;
}

/* The CAMEO code of an actor phrase: from the dictionaries when loaded,
 * else the entity's ISO3 code with the agent's code after it. */
static const char *actor_code(ev_state *s, const actor *ac)
{
	const lex_view *v = s->v;
	char code[32] = "";
	if (s->in->dict) {
		const char *base = NULL, *agent = NULL;
		/* "President Bush": the dictionaries may name a person with
		 * the title the entity's mention leaves out */
		for (size_t b = ac->n0 > 2 ? ac->n0 - 2 : 0; b < ac->n0 && !base; b++) {
			size_t len = 0;
			if (!(v->t[b].flags & TF_UPPER))
				continue;
			const char *c = cameo_actor_at(s->in->dict, v, b, ac->n1, s->in->date,
						       &len);
			if (c && c[0] != '~' && b + len > ac->n0)
				base = c;
		}
		for (size_t i = ac->n0; i < ac->n1;) {
			size_t len = 0;
			const char *c = cameo_actor_at(s->in->dict, v, i, ac->n1, s->in->date,
						       &len);
			if (!c || !len) {
				i++;
				continue;
			}
			if (c[0] == '~') {
				if (!agent)
					agent = c + 1;
			} else if (!base) {
				base = c;
			}
			i += len;
		}
		if (base || agent) {
			size_t o = ascii_cat(code, sizeof code, 0, base ? base : "---");
			ascii_cat(code, sizeof code, o,
				  agent && (!base || strlen(base) <= 3) ? agent : "");
			return arena_strndup(s->a, code, strlen(code));
		}
	}
	const char *iso = entity_iso(s, ac->ent);
	const char *ag = ac->agent ? ac->agent->a : NULL;
	if (!iso && !ag)
		return NULL;
	size_t o = ascii_cat(code, sizeof code, 0, iso ? iso : "---");
	ascii_cat(code, sizeof code, o, ag ? ag : "");
	return arena_strndup(s->a, code, strlen(code));
}

/* The name of an actor phrase: the entity's canonical name ("Syria"), with
 * a non-state agent before it ("rebels (Syria)"), or the agent alone. */
static const char *actor_name(ev_state *s, const actor *ac)
{
	const lex_view *v = s->v;
	char agent[48] = "";
	if (ac->agent)
		tok_lower(v->text, TOK(ac->agent_tok), agent, sizeof agent);
	if (ac->ent >= 0) {
		const char *name = s->in->ents[ac->ent].name;
		if (ac->agent && ac->agent->b && strcmp(ac->agent->b, "nonstate") == 0) {
			char out[160];
			snprintf(out, sizeof out, "%s (%s)", agent, name);
			return arena_strndup(s->a, out, strlen(out));
		}
		return name;
	}
	if (agent[0])
		return arena_strndup(s->a, agent, strlen(agent));
	if (ac->dict)
		return arena_strndup(s->a, v->text + TOK(ac->n0)->start,
				     TOK(ac->n1 - 1)->end - TOK(ac->n0)->start);
	return NULL;
}

/* The finer verb: the lemma and the head of its object ("send troops"). */
static void finer_verb(const lex_view *v, const char *lemma, size_t from, size_t lim, char *out,
		       size_t cap)
{
	/* written without printf: for every event */
	size_t o = ascii_cat(out, cap, 0, lemma);
	if (o < strlen(lemma)) /* cut */
		return;
	size_t k = from;
	while (k < lim && ((fclass(v, k, lim) & F_OBJSKIP) || v->t[k].type == TK_NUM ||
			   (v->t[k].type == TK_PUNCT && (v->t[k].cp == ',' || v->t[k].cp == '.') &&
			    k + 1 < lim && v->t[k + 1].type == TK_NUM && lex_glued(v, k + 1)) ||
			   lex_has(v, k, LEX_BIT(LEX_NUM) | LEX_BIT(LEX_SCALE))))
		k++;
	/* the object's words up to a preposition or a break; its head is
	 * at the end: "critical military technology" -> "military
	 * technology" */
	size_t w0 = k, w1 = k;
	for (;;) {
		while (w1 < lim && w1 < w0 + 6 && is_lower_word(v, w1, lim) &&
		       !(fclass(v, w1, lim) & F_PREP) && !(fclass(v, w1, lim) & F_SUB) &&
		       !(fclass(v, w1, lim) & F_AUX) &&
		       !lex_has(v, w1, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_NEG)))
			w1++;
		/* "his full and unconditional support": modifiers joined
		 * by "and" before the head */
		if (w1 > w0 && w1 + 1 < lim && w1 < w0 + 4 && lex_word_is(v, w1, lim, "and") &&
		    is_lower_word(v, w1 + 1, lim) &&
		    !(fclass(v, w1 + 1, lim) & ~(unsigned)F_OBJSKIP) &&
		    !lex_has(v, w1 + 1, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB))) {
			w1++;
			continue;
		}
		break;
	}
	/* a word glued by a hyphen belongs to the next: "long-range" */
	if (w1 < lim && lex_punct(v, w1, lim, '-') && lex_glued(v, w1))
		return;
	/* the head: the last two words, "and" and "other" left out */
	size_t h0 = w1, words = 0;
	while (h0 > w0 && words < 2) {
		h0--;
		words += !lex_word_is(v, h0, lim, "and") && !(fclass(v, h0, lim) & F_OBJSKIP);
	}
	for (k = h0; k < w1; k++) {
		char w[40];
		if (lex_word_is(v, k, lim, "and") || (fclass(v, k, lim) & F_OBJSKIP))
			continue;
		if (!tok_lower(v->text, TOK(k), w, sizeof w))
			break;
		size_t e = ascii_cat(out, cap, o, " ");
		e = ascii_cat(out, cap, e, w);
		if (e - o < strlen(w) + 1) /* cut */
			break;
		o = e;
	}
}

/* Scans back from token i over at most span tokens of the clause [cs, i)
 * for a phrase of a category in mask. */
static int cue_before(const lex_view *v, size_t cs, size_t i, size_t span, uint64_t mask)
{
	size_t lo = i > cs + span ? i - span : cs;
	for (size_t k = lo; k < i; k++)
		if (lex_has(v, k, mask)) {
			size_t len;
			if (lex_match(v, k, i, mask, &len))
				return 1;
		}
	return 0;
}

typedef struct trigger {
	size_t t0, t1;    /* the words of the act */
	const char *type; /* PLOVER */
	const char *lemma;
	const char *cameo;
	int light, passive;
	int control;           /* "prepared to attend": the act after "to" */
	int dict_only;         /* a verb only the CAMEO dictionaries know */
	int irrealis, negated; /* the control verb makes it so */
	long object;           /* "wants Putin to attack": the actor asked, or -1 */
} trigger;

/* The act of light verb i with its noun ("launched ... air strike"). */
static void light_trigger(ev_state *s, size_t i, const lex_entry *noun, size_t end, trigger *tr)
{
	const lex_view *v = s->v;
	char lem[VERB_CAP];
	size_t len;
	const lex_entry *l = lex_match(v, i, end, LEX_BIT(LEX_LIGHT), &len);
	snprintf(lem, sizeof lem, "%s %s", l ? l->b : "", noun->b);
	tr->t0 = i;
	tr->t1 = end;
	tr->type = noun->a;
	tr->lemma = arena_strndup(s->a, lem, strlen(lem));
	tr->light = 1;
}

/* Does a military actor phrase end just before token i, with only
 * auxiliaries and adverbs between ("troops are already moving")? */
static int troops_before(const ev_state *s, size_t t0, size_t i, size_t lim)
{
	const lex_view *v = s->v;
	size_t p = i;
	while (p > t0 && (fclass(v, p - 1, lim) & F_AUX) && i - p < 4)
		p--;
	for (size_t k = 0; k < s->nacts; k++) {
		const actor *a = &s->acts[k];
		if (a->t1 == p && !a->prep && a->agent && strcmp(a->agent->a, "MIL") == 0)
			return 1;
	}
	return 0;
}

/* The act at token i, if any: fills tr and returns 1. */
static int trigger_at(ev_state *s, size_t t0, size_t i, size_t lim, trigger *tr)
{
	const lex_view *v = s->v;
	memset(tr, 0, sizeof *tr);
	if (v->t[i].type != TK_WORD)
		return 0;
	/* "3,000 North Korean troops are going to Russia": a deployment */
	if (lex_has(v, i, LEX_BIT(LEX_MOVE)) && is_lower_word(v, i, lim) &&
	    troops_before(s, t0, i, lim)) {
		const lex_entry *m = lex_one(v, i, lim, LEX_BIT(LEX_MOVE));
		if (m) {
			tr->t0 = i;
			tr->t1 = i + 1;
			tr->type = "MOBILIZE";
			tr->lemma = m->b;
			return 1;
		}
	}
	const lex_entry *e = lex_has(v, i, LEX_BIT(LEX_EVENT))
				     ? lex_one(v, i, lim, LEX_BIT(LEX_EVENT))
				     : NULL;
	if (s->in->dict) {
		size_t len, obj;
		const char *code;
		/* reporting verbs ("said", "announced") carry others' acts:
		 * the act is what they report */
		if (lex_has(v, i, LEX_BIT(LEX_VERB))) {
			const lex_entry *rv = lex_one(v, i, lim, LEX_BIT(LEX_VERB));
			if (rv && (rv->tag == LEX_VC_ATTR || rv->tag == LEX_VC_COG ||
				   rv->tag == LEX_VC_AUX))
				return 0;
		}
		/* PETRARCH matches a pattern inside the verb's phrase: words
		 * of a later clause must not complete it */
		size_t plim = i + 1;
		while (plim < lim && plim - i <= 12 && !clause_break(v, plim, lim))
			plim++;
		if (cameo_verb_at(s->in->dict, v, i, t0, plim, &len, &code, &obj)) {
			const char *type = corro_cameo_plover(code);
			size_t end;
			const lex_entry *noun = light_act(v, i, lim, &end);
			if (noun) {
				/* "staged a protest": the lexicon's light verb and
				 * act noun are surer than a wide verb block */
				light_trigger(s, i, noun, end, tr);
				if (type && strcmp(type, noun->a) == 0)
					tr->cameo = code;
				return 1;
			}
			if (!type || name_or_compound(v, t0, i))
				return 0;
			int passive = 0;
			if (e && !verb_use(s, t0, i, lim, e, &passive))
				return 0;
			if (!e) {
				/* a verb the lexicon does not know: a determiner
				 * before it makes it a noun */
				if (noun_context(v, t0, i, lim))
					return 0;
				char w[40];
				tok_lower(v->text, TOK(i), w, sizeof w);
				tr->lemma = arena_strndup(s->a, w, strlen(w));
				tr->dict_only = 1;
				size_t wl = strlen(w);
				size_t p = i;
				while (p > t0 && (fclass(v, p - 1, lim) & F_AUX) &&
				       !(fclass(v, p - 1, lim) & F_BE) && i - p < 3)
					p--;
				/* "was demolished by", "men sought in" (the form
				 * of an irregular verb is unknown here) */
				/* "was blown up": after "be", any form but
				 * "-ing" is a participle */
				passive = (wl > 3 && strcmp(w + wl - 3, "ing") != 0 && p > t0 &&
					   (fclass(v, p - 1, lim) & F_BE)) ||
					  (p == i && (reduced_relative(v, t0, i, lim) ||
						      lex_word_is(v, i + 1, lim, "by")));
			} else {
				tr->lemma = e->b;
			}
			tr->t0 = i;
			tr->t1 = i + len;
			tr->type = type;
			tr->cameo = code;
			tr->passive = passive;
			return 1;
		}
	}
	size_t end;
	const lex_entry *noun = light_act(v, i, lim, &end);
	if (noun) {
		light_trigger(s, i, noun, end, tr);
		return 1;
	}
	if (!e || name_or_compound(v, t0, i) || !verb_use(s, t0, i, lim, e, &tr->passive))
		return 0;
	tr->t0 = i;
	tr->t1 = i + 1;
	tr->type = e->a;
	tr->lemma = e->b;
	return 1;
}

/* A verb that takes "to" and an act at token i: "prepared to attend",
 * "wants to attack", "wants Putin to attack", "refused to sign".  The act
 * is read after "to" and typed by the control verb's mode; tr spans both. */
static int control_at(ev_state *s, size_t t0, size_t i, size_t lim, trigger *tr, int depth)
{
	const lex_view *v = s->v;
	if (v->t[i].type != TK_WORD || !lex_has(v, i, LEX_BIT(LEX_CONTROL)))
		return 0;
	const lex_entry *c = lex_one(v, i, lim, LEX_BIT(LEX_CONTROL));
	/* "its plans to", "a bid to": a noun */
	if (!c || (i > t0 && (fclass(v, i - 1, lim) & F_DET)) || name_or_compound(v, t0, i))
		return 0;
	int intent = strcmp(c->a, "intent") == 0;
	size_t j = i + 1;
	long object = -1;
	if (ly_adverb(v, j, lim))
		j++; /* "seeks urgently to" */
	if (intent)
		for (size_t k = 0; k < s->nacts; k++)
			if (s->acts[k].t0 == j && !s->acts[k].prep && !s->acts[k].pronoun) {
				object = (long)k;
				j = s->acts[k].t1;
				break;
			}
	if (!lex_word_is(v, j, lim, "to") || j + 1 >= lim)
		return 0;
	trigger act;
	if (!(depth < 2 && control_at(s, t0, j + 1, lim, &act, depth + 1)) &&
	    !trigger_at(s, t0, j + 1, lim, &act))
		return 0;
	*tr = act;
	tr->t0 = i;
	tr->control = 1;
	tr->object = object;
	tr->irrealis |= c->value != 0;
	char lem[VERB_CAP];
	size_t o = ascii_cat(lem, sizeof lem, 0, c->b);
	o = ascii_cat(lem, sizeof lem, o, " to ");
	ascii_cat(lem, sizeof lem, o, act.lemma);
	tr->lemma = arena_strndup(s->a, lem, strlen(lem));
	const char *t = act.type;
	int force = strcmp(t, "ASSAULT") == 0 || strcmp(t, "COERCE") == 0 ||
		    strcmp(t, "SANCTION") == 0 || strcmp(t, "THREATEN") == 0;
	if (intent && object >= 0)
		tr->type = "REQUEST";
	else if (intent)
		tr->type = force ? "THREATEN" : "AGREE";
	else if (strcmp(c->a, "reject") == 0)
		tr->type = "REJECT";
	else if (strcmp(c->a, "fail") == 0)
		tr->negated = 1;
	if (tr->type != act.type)
		tr->cameo = NULL;
	return 1;
}

static int is_country(const ev_state *s, long ent)
{
	return ent >= 0 && s->in->ents[ent].kind == CORRO_ENTITY_COUNTRY;
}

/* The first time expression / figure starting at or after byte b (both
 * lists are in text order). */
static size_t first_time(const ev_input *in, size_t b)
{
	size_t lo = 0, hi = in->ntimes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->times[mid].span.start < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t first_fig(const ev_input *in, size_t b)
{
	size_t lo = 0, hi = in->nfigs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (in->figs[mid].text.start < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int same_name(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Has the sentence already an event of this actor, type and mood with a
 * compatible target?  "bombarded ..., killing eight" and "held talks"
 * read by two rules are one act; a target the new reading names fills
 * the old one's gap. */
static int same_act(ev_state *s, const trigger *tr, const actor *ac, const actor *tg, int neg,
		    int hyp)
{
	const lex_view *v = s->v;
	const char *name = actor_name(s, ac);
	const char *tname = tg ? actor_name(s, tg) : NULL;
	for (size_t k = s->sent_first; k < s->n; k++) {
		corro_event *e = &s->ev[k];
		if (e->negated != neg || e->hypothetical != hyp ||
		    strcmp(e->action, tr->type) != 0 || !e->actor || !same_name(e->actor, name))
			continue;
		if (e->target && tname && !same_name(e->target, tname))
			continue;
		if (!e->target && tg) {
			e->target = tname;
			e->target_code = actor_code(s, tg);
			e->target_span.start = TOK(tg->t0)->start;
			e->target_span.end = TOK(tg->t1 - 1)->end;
		}
		return 1;
	}
	return 0;
}

static int emit(ev_state *s, const trigger *tr, const actor *ac, const actor *tg, const actor *pl,
		size_t si, size_t cs, size_t ce, int neg, int hyp, const char *verb)
{
	const lex_view *v = s->v;
	const sent *st = &s->in->sents->v[si];
	/* an act nobody does to nobody tells an analyst nothing; with CAMEO
	 * dictionaries, whose verb lists are wide, the actor must be named */
	if (ac && tg && ac->ent >= 0 && ac->ent == tg->ent && !ac->agent == !tg->agent)
		tg = NULL; /* "Brazil and the United States ... US officials" */
	if ((!ac && !tg) || (s->in->dict && !ac))
		return 0;
	if (ac && same_act(s, tr, ac, tg, neg, hyp))
		return 0;
	if (VEC_GROW(s->ev, s->n, s->cap, corro_event))
		return -1;
	corro_event *e = &s->ev[s->n++];
	memset(e, 0, sizeof *e);
	e->action = tr->type;
	e->verb = arena_strndup(s->a, verb, strlen(verb));
	e->cameo = tr->cameo;
	e->negated = neg;
	e->hypothetical = hyp;
	e->text.start = TOK(tr->t0)->start;
	e->text.end = TOK(tr->t1 - 1)->end;
	e->sentence.start = st->start;
	e->sentence.end = st->end;
	if (st->end - st->start > SENTENCE_MAX) {
		/* a "sentence" this long is a list or junk: the clause stands
		 * for it, so that output stays linear in the input */
		e->sentence.start = TOK(cs)->start;
		e->sentence.end = TOK(ce - 1)->end;
	}
	e->sentence_index = si;
	if (ac) {
		e->actor = actor_name(s, ac);
		e->actor_code = actor_code(s, ac);
		e->actor_span.start = TOK(ac->t0)->start;
		e->actor_span.end = TOK(ac->t1 - 1)->end;
	}
	if (tg) {
		e->target = actor_name(s, tg);
		e->target_code = actor_code(s, tg);
		e->target_span.start = TOK(tg->t0)->start;
		e->target_span.end = TOK(tg->t1 - 1)->end;
	}
	if (pl) {
		e->place = s->in->ents[pl->ent].name;
		e->place_span.start = TOK(pl->t0)->start;
		e->place_span.end = TOK(pl->t1 - 1)->end;
	}
	/* the sentence's time expression nearest the act */
	size_t best = (size_t)-1;
	for (size_t k = first_time(s->in, e->sentence.start); k < s->in->ntimes; k++) {
		const corro_time *t = &s->in->times[k];
		if (t->span.start >= e->sentence.end)
			break;
		if (t->span.end > e->sentence.end || !t->value)
			continue;
		size_t d = t->span.start > e->text.start ? t->span.start - e->text.start
							 : e->text.start - t->span.start;
		if (d < best) {
			best = d;
			e->time = t->value;
			e->time_span = t->span;
		}
	}
	/* figures of the clause */
	size_t cb0 = TOK(cs)->start, cb1 = TOK(ce - 1)->end, nf = 0;
	size_t f0 = first_fig(s->in, cb0), f1 = f0;
	while (f1 < s->in->nfigs && s->in->figs[f1].text.start < cb1)
		f1++;
	for (size_t k = f0; k < f1; k++)
		nf += s->in->figs[k].text.end <= cb1;
	if (nf) {
		size_t *ix = arena_alloc(s->a, nf * sizeof *ix);
		if (!ix)
			return -1;
		nf = 0;
		for (size_t k = f0; k < f1; k++)
			if (s->in->figs[k].text.end <= cb1)
				ix[nf++] = k;
		e->figures = ix;
		e->nfigures = nf;
	}
	return s->a->failed ? -1 : 0;
}

/* A reporting verb within eight tokens from i, with no act between
 * ("'s chief executive said", ", the interior minister, said")? */
static size_t source_ahead(const lex_view *v, size_t i, size_t lim)
{
	for (size_t k = i; k < lim && k < i + 12; k++) {
		if (lex_has(v, k, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_LIGHT)) ||
		    lex_punct(v, k, lim, ';') || lex_punct(v, k, lim, '.'))
			return 0;
		if (lex_has(v, k, LEX_BIT(LEX_VERB))) {
			const lex_entry *e = lex_one(v, k, lim, LEX_BIT(LEX_VERB));
			return e && e->tag == LEX_VC_ATTR ? k : 0;
		}
	}
	return 0;
}

/* Is the phrase [a, b) a demonym ("Danish")? */
static int demonym_at(const lex_view *v, size_t a, size_t b)
{
	size_t len;
	const lex_entry *e = lex_has(v, a, LEX_BIT(LEX_PLACE))
				     ? lex_match(v, a, b, LEX_BIT(LEX_PLACE), &len)
				     : NULL;
	return e && e->b && strcmp(e->b, "demonym") == 0;
}

/* Are the tokens [a, b) a reporting verb, maybe with "that" ("announced",
 * "said that")? */
static int said_before(const lex_view *v, size_t a, size_t b, size_t lim)
{
	if (b > a + 1 && lex_word_is(v, b - 1, lim, "that"))
		b--;
	if (b != a + 1 || !lex_has(v, a, LEX_BIT(LEX_VERB)))
		return 0;
	const lex_entry *e = lex_one(v, a, lim, LEX_BIT(LEX_VERB));
	return e && e->tag == LEX_VC_ATTR;
}

/* Is token i a noun that the phrase before it modifies ("flight" in "the
 * Malaysia Airlines flight")? */
static int modifies_noun(const lex_view *v, size_t i, size_t lim)
{
	while (i < lim && v->t[i].type == TK_WORD && (v->t[i].flags & TF_UPPER))
		i++; /* the rest of the name: "Malaysia Airlines flight" */
	/* "supported Ukraine steadfastly": an adverb */
	if (ly_adverb(v, i, lim))
		return 0;
	return is_lower_word(v, i, lim) && !fclass(v, i, lim) &&
	       !lex_has(v, i,
			LEX_BIT(LEX_TIME) | LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB) |
				LEX_BIT(LEX_CONTROL) | LEX_BIT(LEX_MOVE) | LEX_BIT(LEX_STOP));
}

/* Is the act at token i, after "to", the purpose of the sentence's last
 * act ("sent troops to assist Egypt")?  Not when that act takes its own
 * complement ("pressured Obama to help"), when it was a purpose itself
 * ("met to discuss efforts to counter"), when another infinitive or a
 * gerund comes between, or when only the dictionaries know the verb. */
static int purpose_of_last(const ev_state *s, size_t i, size_t last_end, int last_purpose,
			   const trigger *tr)
{
	const lex_view *v = s->v;
	if (s->n == s->sent_first || !s->last.n || last_end == (size_t)-1 || last_purpose ||
	    i - last_end > 12 || tr->dict_only || ends_ing(v, i))
		return 0;
	const char *prev = s->ev[s->n - 1].action;
	if (strcmp(prev, "REQUEST") == 0 || strcmp(prev, "COERCE") == 0 ||
	    strcmp(prev, "THREATEN") == 0 || strcmp(prev, tr->type) == 0)
		return 0;
	for (size_t k = last_end; k + 1 < i; k++)
		if (tok_is(v->text, TOK(k), "to") && k + 1 < i &&
		    lex_has(v, k + 1, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_VERB)))
			return 0;
	return 1;
}

/* One act being read: its words, its clause, who did it to whom. */
typedef struct act {
	trigger tr;
	size_t cs, ce;          /* its clause */
	size_t rel0, rel1;      /* a relative clause inside it, or 0, 0 */
	const actor *subj;      /* the subject found, or NULL */
	actor chain[MAX_CHAIN]; /* its actors: coordinated subjects */
	size_t nchain;
	const actor *tg, *pl, *by; /* target, place, agent of a passive */
} act;

/* The clause of act x in sentence [t0, t1). */
static void act_clause(const ev_state *s, size_t t0, size_t t1, act *x)
{
	const lex_view *v = s->v;
	/* the clause around the act */
	x->cs = x->tr.t0;
	while (x->cs > t0 && x->tr.t0 - x->cs < CLAUSE_MAX && !clause_break(v, x->cs - 1, t1))
		x->cs--;
	/* ... and up to the next act word: "held a meeting in Russia,
	 * Kim offered" */
	x->ce = x->tr.t1;
	while (x->ce < t1 && x->ce - x->tr.t1 < CLAUSE_MAX && !clause_break(v, x->ce, t1) &&
	       !(lex_has(v, x->ce, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_LIGHT)) &&
		 !(fclass(v, x->ce - 1, t1) & F_DET) && x->ce > x->tr.t1 &&
		 !noun_context(v, t0, x->ce, t1)))
		x->ce++; /* "supply arms to Latvia": an act word straight
			 after the act is its object */
	/* "Moldova, which has long opposed Russia, welcomed": the act
	 * after the relative clause belongs to the main clause */
	x->rel0 = x->rel1 = 0;
	if (x->cs > t0 &&
	    (tok_is(v->text, TOK(x->cs - 1), "which") || tok_is(v->text, TOK(x->cs - 1), "who"))) {
		size_t c = x->cs;
		while (c < x->tr.t0 && !lex_punct(v, c, t1, ','))
			c++;
		if (c < x->tr.t0) {
			x->rel0 = x->cs - 1;
			x->rel1 = c + 1;
			x->cs = x->rel0;
			while (x->cs > t0 && x->rel0 - x->cs < CLAUSE_MAX &&
			       !clause_break(v, x->cs - 1, t1))
				x->cs--;
		}
	}
}

/* The actors of act x: its subject and those coordinated with it, a
 * pronoun resolved; with inherit, the actors of the sentence's last act. */
static void act_subjects(ev_state *s, size_t t0, size_t t1, act *x, int inherit)
{
	const lex_view *v = s->v;
	/* subject: the nearest actor before the act with no preposition;
	 * an agent alone after a comma is an apposition of the one
	 * before ("Kim Jong Un, the leader, sent") */
	x->subj = NULL;
	for (size_t k = s->nacts; k-- > 0;) {
		const actor *a = &s->acts[k];
		if (a->t1 > x->tr.t0)
			continue;
		if (a->t0 < x->cs)
			break;
		/* "with Russia offering technology": the subject of an
		 * absolute participle follows "with" */
		int absolute = a->prep && a->t1 == x->tr.t0 && ends_ing(v, x->tr.t0) &&
			       (strcmp(a->prep->phrase, "with") == 0 ||
				strcmp(a->prep->phrase, "without") == 0);
		/* "after rebels kidnapped": a word that opens a clause
		 * is no preposition of the subject right after it */
		if (a->prep && a->t1 == x->tr.t0 && ((unsigned)a->prep->value & F_SUB) &&
		    !x->tr.dict_only)
			absolute = 1;
		if ((a->prep && !absolute) || (a->t0 >= x->rel0 && a->t1 <= x->rel1))
			continue;
		if (x->subj && x->subj->ent < 0 && !x->subj->pronoun && a->ent >= 0 &&
		    (lex_punct(v, a->t1, t1, ',') || a->t1 == x->rel0))
			x->subj = a;
		else if (x->subj)
			break;
		else
			x->subj = a;
	}
	/* "Ukraine, which is trying to defend": the relative pronoun
	 * stands for what comes before it */
	if (!x->subj && x->cs > t0 && ((fclass(v, x->cs - 1, t1) & F_SUB)) &&
	    (tok_is(v->text, TOK(x->cs - 1), "which") || tok_is(v->text, TOK(x->cs - 1), "who"))) {
		size_t b = x->cs - 1;
		if (b > t0 && lex_punct(v, b - 1, t1, ','))
			b--;
		for (size_t k = 0; k < s->nacts; k++)
			if (s->acts[k].t1 == b && !s->acts[k].pronoun)
				x->subj = &s->acts[k];
	}
	/* the x->chain starts at the first of the coordinated subjects */
	while (x->subj && x->subj > s->acts) {
		const actor *p = x->subj - 1;
		size_t gap = x->subj->t0 - p->t1, k = p->t1;
		if (p->t0 < x->cs || p->prep || p->pronoun ||
		    !(gap >= 1 && gap <= 2 &&
		      (lex_word_is(v, k, t1, "and") || lex_punct(v, k, t1, ',')) &&
		      (gap == 1 || (fclass(v, k + 1, t1) & F_DET) ||
		       lex_word_is(v, k + 1, t1, "and"))))
			break;
		x->subj = p;
	}

	x->nchain = 0;
	if (x->subj) {
		/* "Brazil and the United States", "A, B and C" */
		x->chain[x->nchain++] = *x->subj;
		for (const actor *a = x->subj + 1; a < s->acts + s->nacts && x->nchain < MAX_CHAIN;
		     a++) {
			const actor *p = a - 1;
			if (a->t1 > x->tr.t0)
				break;
			size_t gap = a->t0 - p->t1;
			size_t k = p->t1;
			int joined = gap >= 1 && gap <= 2 &&
				     (lex_word_is(v, k, t1, "and") || lex_punct(v, k, t1, ',') ||
				      lex_punct(v, k, t1, '&')) &&
				     (gap == 1 || (fclass(v, k + 1, t1) & F_DET) ||
				      lex_word_is(v, k + 1, t1, "and"));
			if (!joined)
				break;
			x->chain[x->nchain++] = *a;
		}
		if (x->nchain == 1 && x->subj->pronoun) {
			/* "Obama said he would ...": with no act before, the
			 * nearest name before the pronoun */
			const actor *near = NULL;
			for (const actor *a = s->acts; a < x->subj; a++)
				if (a->ent >= 0 || a->dict)
					near = a;
			/* "Israel announced it would free": the pronoun
			 * after a reporting verb is its subject */
			int reported = near && said_before(v, near->t1, x->subj->t0, t1);
			if (near && (!s->last.n || reported)) {
				/* "Obama and Putin said they": all of them */
				const actor *first = near;
				if (tok_is(v->text, TOK(x->subj->t0), "they"))
					while (first > s->acts && near - first + 1 < MAX_CHAIN &&
					       first[-1].t1 + 1 == first->t0 &&
					       (lex_word_is(v, first[-1].t1, t1, "and") ||
						lex_punct(v, first[-1].t1, t1, ',')))
						first--;
				x->nchain = 0;
				for (const actor *a = first; a <= near; a++) {
					x->chain[x->nchain] = *a;
					x->chain[x->nchain].t0 = x->subj->t0;
					x->chain[x->nchain].t1 = x->subj->t1;
					x->nchain++;
				}
			} else if (!s->last.n) {
				x->nchain = 0;
			} else {
				for (size_t q = 0; q < s->last.n; q++) {
					x->chain[q] = s->last.a[q];
					/* the span stays the pronoun's */
					x->chain[q].t0 = x->subj->t0;
					x->chain[q].t1 = x->subj->t1;
				}
				x->nchain = s->last.n;
			}
		}
	}
	if (inherit) {
		x->nchain = s->last.n;
		memcpy(x->chain, s->last.a, x->nchain * sizeof *x->chain);
		x->subj = &x->chain[0];
	}
}

/* The target, place and agent of act x, from the phrases after it. */
static void act_target(const ev_state *s, size_t t0, size_t t1, act *x)
{
	const lex_view *v = s->v;
	/* after the act: target, place, "by" agent of a passive */
	x->tg = x->pl = x->by = NULL;
	size_t src_end = 0;
	for (size_t k = 0; k < s->nacts; k++) {
		const actor *a = &s->acts[k];
		if (a->t0 < x->tr.t1 || a->t1 > x->ce)
			continue;
		if (a->prep && strcmp(a->prep->phrase, "by") == 0) {
			/* "killed x->by the Malaysia Airlines flight": a name
			 * that modifies a noun is not the agent */
			if (!x->by && !modifies_noun(v, a->t1, t1))
				x->by = a;
			continue;
		}
		int placey = a->prep && ((unsigned)a->prep->value & F_PLACE);
		if (placey || (a->prep && strcmp(a->prep->phrase, "from") == 0)) {
			if (placey && !x->pl && is_country(s, a->ent) && !a->agent)
				x->pl = a;
			continue;
		}
		if (a->ent < 0 && !a->pronoun)
			continue; /* "sent troops": the object, not a target */
		/* "sending North Korean soldiers": what is sent */
		if (!a->prep && a->agent && strcmp(a->agent->a, "MIL") == 0 &&
		    (strcmp(x->tr.type, "AID") == 0 || strcmp(x->tr.type, "MOBILIZE") == 0))
			continue;
		/* ", Politico reported", "Tanaka estimated", "according
		 * to CNN": a source, not a target */
		if (a->t1 < t1 && v->t[a->t1].type == TK_WORD &&
		    (clause_break(v, a->t1, t1) || lex_has(v, a->t1, LEX_BIT(LEX_VERB))))
			continue;
		/* ", Samuel Brown, the interior minister, said": a
		 * source after a comma, its reporting verb close */
		if (a->t0 < src_end)
			continue; /* within the source's apposition */
		if (a->t0 > t0 && lex_punct(v, a->t0 - 1, t1, ',') &&
		    (src_end = source_ahead(v, a->t1, t1)) != 0)
			continue;
		if (a->prep && strcmp(a->prep->phrase, "to") == 0 && a->t0 >= 2 &&
		    (lex_word_is(v, a->t0 - 2, t1, "according") ||
		     lex_word_is(v, a->t0 - 3, t1, "according")))
			continue;
		/* "the Richter scale": a name that modifies a noun
		 * ("two Danish sailors" are Denmark's, though) */
		if (a->t0 > t0 && (fclass(v, a->t0 - 1, t1) & F_DET) &&
		    modifies_noun(v, a->t1, t1) && !demonym_at(v, a->t0, a->t1))
			continue;
		if (!x->tg && !a->pronoun &&
		    !(x->subj && x->subj->ent >= 0 && a->ent == x->subj->ent))
			x->tg = a;
	}
	if (x->tr.control && x->tr.object >= 0)
		x->tg = &s->acts[x->tr.object];
}

/* The events of act x: one per actor (per pair for a mutual act), or one
 * with no actor.  Returns 0, or -1 when memory runs out. */
static int act_emit(ev_state *s, size_t si, size_t t1, const act *x, int neg, int hyp,
		    const char *verb)
{
	const lex_view *v = s->v;
	if (x->tr.passive) {
		/* "X was attacked x->by Y": Y acts on X; "signed x->by Putin
		 * and Kim": both */
		const actor *last = x->by;
		while (last && last + 1 < s->acts + s->nacts && last - x->by + 1 < MAX_CHAIN &&
		       last[1].t1 <= x->ce && !last[1].prep && last[1].t0 == last->t1 + 1 &&
		       (lex_word_is(v, last->t1, t1, "and") || lex_punct(v, last->t1, t1, ',')))
			last++;
		const actor *target = x->subj && !x->subj->pronoun ? x->subj : NULL;
		if (!target && x->tg && !(x->by && x->tg >= x->by && x->tg <= last))
			target = x->tg;
		for (const actor *a = x->by; a && a <= last; a++)
			if (emit(s, &x->tr, a, target, x->pl, si, x->cs, x->ce, neg, hyp, verb))
				return -1;
		if (!x->by &&
		    emit(s, &x->tr, NULL, target, x->pl, si, x->cs, x->ce, neg, hyp, verb))
			return -1;
	} else if (x->nchain) {
		/* "Obama and Putin met": each met the others */
		int mutual = !x->tg && x->nchain > 1 && strcmp(x->tr.type, "CONSULT") == 0;
		for (size_t q = 0; q < x->nchain; q++) {
			if (!mutual) {
				if (emit(s, &x->tr, &x->chain[q], x->tg, x->pl, si, x->cs, x->ce,
					 neg, hyp, verb))
					return -1;
				continue;
			}
			for (size_t r = 0; r < x->nchain; r++)
				if (r != q && emit(s, &x->tr, &x->chain[q], &x->chain[r], x->pl, si,
						   x->cs, x->ce, neg, hyp, verb))
					return -1;
		}
	} else {
		if (emit(s, &x->tr, NULL, x->tg, x->pl, si, x->cs, x->ce, neg, hyp, verb))
			return -1;
	}
	if (x->nchain && !x->subj->pronoun) {
		s->last.n = x->nchain;
		memcpy(s->last.a, x->chain, x->nchain * sizeof *x->chain);
	}
	if (x->nchain && !x->subj->pronoun) {
		s->last.n = x->nchain;
		memcpy(s->last.a, x->chain, x->nchain * sizeof *x->chain);
	}
	return 0;
}

/* Does the act tr, right after "and" or "but", share the subject of the
 * sentence's act before ("attacked Iraq and taken Mosul")?  last_prev is
 * where that act's words ended. */
static int shares_subject(const ev_state *s, size_t t0, size_t t1, const trigger *tr,
			  size_t last_prev)
{
	const lex_view *v = s->v;
	size_t b = tr->t0;
	while (b > t0 && (fclass(v, b - 1, t1) & F_AUX) && !(fclass(v, b - 1, t1) & F_SUB) &&
	       !lex_word_is(v, b - 1, t1, "and") && !lex_word_is(v, b - 1, t1, "but") &&
	       tr->t0 - b < 3)
		b--;
	return b > t0 && (lex_word_is(v, b - 1, t1, "and") || lex_word_is(v, b - 1, t1, "but")) &&
	       s->n > s->sent_first && s->last.n && last_prev != (size_t)-1 && last_prev < b - 1;
}

/* The acts of sentence si. */
static int sentence_events(ev_state *s, size_t si, size_t *mi)
{
	const lex_view *v = s->v;
	const sent *st = &s->in->sents->v[si];
	size_t t0 = st->t0, t1 = st->t1;
	/* cheap test first: most sentences have no act word */
	uint64_t mask = LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_LIGHT) | LEX_BIT(LEX_MOVE);
	int any = s->in->dict != NULL;
	for (size_t i = t0; i < t1 && !any; i++)
		any = lex_has(v, i, mask);
	if (!any)
		return 0;
	find_actors(s, t0, t1, mi);
	s->sent_first = s->n;
	size_t skip_to = t0;          /* a complement already folded into an act */
	size_t last_end = (size_t)-1; /* just past the last act's words */
	int last_purpose = 0;
	size_t last_prev = (size_t)-1; /* last_end before the current act */
	act cur;
	for (size_t i = t0; i < t1; i++) {
		if (i < skip_to)
			continue;
		trigger tr;
		int purpose = 0;
		if (!control_at(s, t0, i, t1, &tr, 0)) {
			if (!trigger_at(s, t0, i, t1, &tr))
				continue;
			tr.object = -1;
			/* "supply arms", "mend damaged ties": a second act word
			 * straight after an act is its object */
			if (i == last_end)
				continue;
			/* an act after "to" that no control verb takes: the
			 * purpose of the act before ("visited Pyongyang to
			 * sign a treaty"), intended, by the same actors; with
			 * no act before, a plan ("efforts to counter"), no
			 * deed; "is to visit" is a future act */
			if (i > t0 && lex_word_is(v, i - 1, t1, "to") &&
			    !(i > t0 + 1 && (fclass(v, i - 2, t1) & (F_AUX | F_BE)))) {
				if (!purpose_of_last(s, i, last_end, last_purpose, &tr))
					continue;
				purpose = 1;
			}
		}
		last_prev = last_end;
		last_end = tr.t1;
		last_purpose = purpose;
		act *x = &cur;
		x->tr = tr;
		act_clause(s, t0, t1, x);
		/* "Insurgents bombarded the city, killing eight": a participle
		 * after a comma has the subject of the sentence's last act;
		 * "attacked Iraq and taken Mosul": so has a verb right after
		 * "and" */
		int inherit = purpose || shares_subject(s, t0, t1, &tr, last_prev) ||
			      (tr.t0 > t0 && lex_punct(v, tr.t0 - 1, t1, ',') &&
			       s->n > s->sent_first && s->last.n && !tr.dict_only &&
			       ends_ing(v, tr.t0));
		act_subjects(s, t0, t1, x, inherit);
		act_target(s, t0, t1, x);
		size_t cs = x->cs, ce = x->ce;
		const actor *tg = x->tg;
		/* a complement act: "threatened to attack", "asked Obama to help" */
		char verb[VERB_CAP];
		size_t after = tg && tg->t0 <= tr.t1 + 1 ? tg->t1 : tr.t1;
		trigger comp;
		int has_comp = 0;
		if (!tr.control && lex_word_is(v, after, t1, "to") && after + 1 < t1 &&
		    lex_has(v, after + 1, LEX_BIT(LEX_EVENT)) &&
		    (strcmp(tr.type, "REQUEST") == 0 || strcmp(tr.type, "THREATEN") == 0 ||
		     strcmp(tr.type, "AGREE") == 0 || strcmp(tr.type, "REJECT") == 0)) {
			const lex_entry *ce2 = lex_one(v, after + 1, t1, LEX_BIT(LEX_EVENT));
			if (ce2) {
				memset(&comp, 0, sizeof comp);
				comp.lemma = ce2->b;
				has_comp = 1;
				skip_to = after + 2;
			}
		}
		if (has_comp && !tg) {
			/* "threatened to attack Israel": the target follows the
			 * threatened act */
			size_t ce2 = skip_to;
			while (ce2 < t1 && ce2 - skip_to < CLAUSE_MAX &&
			       !clause_break(v, ce2, t1) &&
			       !lex_has(v, ce2, LEX_BIT(LEX_EVENT) | LEX_BIT(LEX_LIGHT)))
				ce2++;
			for (size_t k = 0; k < s->nacts && !tg; k++) {
				const actor *a = &s->acts[k];
				if (a->t0 >= skip_to && a->t1 <= ce2 && a->ent >= 0 && !a->prep)
					tg = a;
			}
			ce = ce2 > ce ? ce2 : ce;
		}
		if (has_comp)
			snprintf(verb, sizeof verb, "%s to %s", tr.lemma, comp.lemma);
		else if (tr.light)
			snprintf(verb, sizeof verb, "%s", tr.lemma);
		else
			finer_verb(v, tr.lemma, tr.t1, ce, verb, sizeof verb);
		x->tg = tg;
		x->ce = ce;
		int neg = cue_before(v, cs, tr.t0, 4, LEX_BIT(LEX_NEG));
		/* "not only gives Russia troops, but also ...": no denial */
		for (size_t k = tr.t0 > cs + 4 ? tr.t0 - 4 : cs; neg && k + 1 < tr.t0; k++)
			if (lex_word_is(v, k, t1, "not") && lex_word_is(v, k + 1, t1, "only"))
				neg = 0;
		int hyp = cue_before(v, cs, tr.t0, 8, LEX_BIT(LEX_FORECAST));
		for (size_t k = cs > t0 ? cs - 1 : cs; k < tr.t0 && !hyp; k++)
			hyp = (fclass(v, k, t1) & F_COND);
		hyp |= tr.irrealis | purpose;
		neg |= tr.negated;
		if (act_emit(s, si, t1, x, neg, hyp, verb))
			return -1;
		if (tr.t1 > i + 1)
			skip_to = skip_to > tr.t1 ? skip_to : tr.t1;
	}
	return 0;
}

int ev_document(const ev_input *in, arena *a, corro_event **out, size_t *nout)
{
	ev_state s;
	memset(&s, 0, sizeof s);
	s.in = in;
	s.v = in->v;
	s.a = a;
	*out = NULL;
	*nout = 0;
	int rc = -1;
	s.iso = mem_alloc((in->nents ? in->nents : 1) * sizeof *s.iso);
	if (!s.iso)
		goto done;
	memset(s.iso, 0, (in->nents ? in->nents : 1) * sizeof *s.iso);
	if (index_mentions(&s))
		goto done;
	size_t mi = 0;
	for (size_t si = 0; si < in->sents->n; si++)
		if (sentence_events(&s, si, &mi))
			goto done;
	if (s.n) {
		*out = arena_alloc(a, s.n * sizeof **out);
		if (!*out)
			goto done;
		memcpy(*out, s.ev, s.n * sizeof **out);
		*nout = s.n;
	}
	rc = 0;
done:
	mem_free(s.ev);
	mem_free(s.m);
	mem_free(s.iso);
	return rc;
}
