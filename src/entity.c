/* entity.c: who is named in a document (prefix ent_).
 *
 * Places come from the lexicon (countries from iso-codes and data/places.tsv
 * with their capitals, metonyms and demonyms: "the Kremlin" is Russia,
 * "North Korean troops" name North Korea) and bodies (NATO, the G7).  Other
 * names are runs of capitalised words, with particles ("Bashar al-Assad"),
 * "of", "for" and "and" inside them ("Centre for Strategic and
 * International Studies"): an organisation when one of them is an
 * organisation word ("... Intelligence Service"), a person when a role
 * comes before ("President Volodymyr Zelenskyy", "leader Kim Jong Un") or
 * when the run has two words or more.  Words that open no name are left
 * out of the run (function words, days, sentence adverbs: "Crucially
 * China"), and some words alone name nobody ("Western", "GDP", a
 * sentence's capitalised first word, codes such as "Su-25").  Within a
 * document, "Kim Jong-un" and "Kim Jong Un" are one person, and so is a
 * later "Kim" or "Bin Laden"; an acronym in brackets after an organisation
 * ("(NIS)") names it too.  A person's affiliation is the country or
 * organisation before the name or in an apposition after it ("Victor Cha,
 * of the Centre for ..."). */
#include "entity.h"

#include "ascii.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])

typedef struct ent {
	corro_entity e;
	char key[96];   /* lower case, hyphens as spaces */
	char first[32]; /* first and last words of a person's key */
	char last[32];
	corro_span *m;
	size_t nm, capm;
} ent;

typedef struct ent_list {
	ent *v;
	size_t n, cap;
	hmap by_key;  /* hash of key -> index + 1 */
	hmap by_part; /* hash of a person's first or last word -> index + 1 */
} ent_list;

static uint64_t key_hash(const char *k)
{
	uint64_t h = 1469598103934665603ull;
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211ull;
	return h ? h : 1;
}

static void make_key(const char *s, size_t n, char *key, size_t cap)
{
	size_t o = 0;
	int space = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		/* a curly apostrophe is a straight one: "O’Brien" */
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			c = '\'';
			i += 2;
		}
		if (c == '-' || c == ' ' || c == '\n' || c == '\t') {
			space = o > 0;
			continue;
		}
		/* a space and the letter after it both fit, or neither goes in */
		if (space && o + 2 >= cap)
			break;
		if (space)
			key[o++] = ' ';
		space = 0;
		key[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	key[o] = '\0';
}

static ent *find(ent_list *l, const char *key)
{
	const uint32_t *i = hmap_get(&l->by_key, key_hash(key), 0);
	return i && strcmp(l->v[*i - 1].key, key) == 0 ? &l->v[*i - 1] : NULL;
}

/* A person whose first or last word is key ("Kim", "Putin"). */
static ent *find_part(ent_list *l, const char *key)
{
	const uint32_t *i = hmap_get(&l->by_part, key_hash(key), 0);
	return i ? &l->v[*i - 1] : NULL;
}

static int add_mention(ent *e, size_t start, size_t end)
{
	if (VEC_GROW(e->m, e->nm, e->capm, corro_span))
		return -1;
	e->m[e->nm].start = start;
	e->m[e->nm].end = end;
	e->nm++;
	return 0;
}

/* The entity with this key, made when new. */
static ent *get(ent_list *l, arena *a, const char *key, const char *name, size_t nlen,
		corro_entity_kind kind)
{
	ent *e = find(l, key);
	if (e)
		return e;
	if (VEC_GROW(l->v, l->n, l->cap, ent))
		return NULL;
	e = &l->v[l->n++];
	memset(e, 0, sizeof *e);
	size_t klen = strlen(key);
	ascii_copy(e->key, sizeof e->key, key, klen);
	e->e.name = arena_strndup(a, name, nlen);
	e->e.kind = kind;
	const char *sp = strchr(key, ' ');
	ascii_copy(e->first, sizeof e->first, key, sp ? (size_t)(sp - key) : klen);
	const char *ls = strrchr(key, ' ');
	const char *last = ls ? ls + 1 : key;
	ascii_copy(e->last, sizeof e->last, last, klen - (size_t)(last - key));
	uint32_t *slot = hmap_get(&l->by_key, key_hash(key), 1);
	if (!slot)
		return NULL;
	if (!*slot)
		*slot = (uint32_t)l->n;
	return e;
}

static int index_part(ent_list *l, ent *e, const char *part)
{
	uint32_t *slot = hmap_get(&l->by_part, key_hash(part), 1);
	if (!slot)
		return -1;
	if (!*slot)
		*slot = (uint32_t)(e - l->v) + 1;
	return 0;
}

/* Remembers a person's first and last words for later single names, and
 * the surname from its particle on for "Bin Laden" after "Osama bin
 * Laden". */
static int index_parts(ent_list *l, ent *e)
{
	if (e->e.kind != CORRO_ENTITY_PERSON || !strchr(e->key, ' '))
		return 0;
	if (index_part(l, e, e->first) || index_part(l, e, e->last))
		return -1;
	for (const char *w = strchr(e->key, ' '); w; w = strchr(w + 1, ' ')) {
		const char *end = strchr(w + 1, ' ');
		if (end && lex_word(w + 1, (size_t)(end - w - 1), LEX_BIT(LEX_PARTICLE)))
			return index_part(l, e, w + 1);
	}
	return 0;
}

static int is_word(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && v->t[i].type == TK_WORD;
}

static int upper(const lex_view *v, size_t i, size_t lim)
{
	return is_word(v, i, lim) && (v->t[i].flags & TF_UPPER);
}

/* The second part of a hyphenated adjective: "based" in "US-based",
 * "backed", "speaking". */
static int compound(const lex_view *v, size_t i, size_t lim)
{
	const tok *t = TOK(i);
	if (t->flags & TF_UPPER)
		return 0;
	size_t n = t->end - t->start;
	const char *w = v->text + t->start;
	if ((n > 3 && memcmp(w + n - 2, "ed", 2) == 0) ||
	    (n > 4 && memcmp(w + n - 3, "ing", 3) == 0))
		return 1;
	return lex_has(v, i, LEX_BIT(LEX_COMPOUND)) && lex_one(v, i, lim, LEX_BIT(LEX_COMPOUND));
}

static int particle(const lex_view *v, size_t i, size_t lim)
{
	return lex_has(v, i, LEX_BIT(LEX_PARTICLE)) && lex_one(v, i, lim, LEX_BIT(LEX_PARTICLE));
}

/* Particles from token j that go on to a capitalised part of the same
 * name: "al-" in "Bashar al-Assad", "von der" in "Ursula von der Leyen".
 * Returns the token of that part, or j. */
static size_t particles(const lex_view *v, size_t j, size_t lim)
{
	size_t k = j;
	while (k < lim && k < j + 3 && particle(v, k, lim)) {
		k++;
		if (lex_punct(v, k, lim, '-') && k + 1 < lim && lex_glued(v, k) &&
		    lex_glued(v, k + 1) && upper(v, k + 1, lim))
			return k + 1;
	}
	return k > j && upper(v, k, lim) ? k : j;
}

static int has_orgword(const lex_view *v, size_t a, size_t b);

/* A run of capitalised words from i: "Victor Cha", "Kim Jong-un",
 * "Centre for Strategic and International Studies".  Returns its end. */
static size_t name_run(const lex_view *v, size_t i, size_t lim)
{
	size_t j = i;
	while (j < lim) {
		if (j > i && !upper(v, j, lim)) {
			size_t p = particles(v, j, lim);
			if (p > j) {
				j = p;
				continue;
			}
		}
		/* "S&P Global", "Marks & Spencer"; "O'Brien" */
		if (j > i && upper(v, j + 1, lim) &&
		    (lex_punct(v, j, lim, '&') ||
		     (lex_punct(v, j, lim, '\'') && lex_glued(v, j) && lex_glued(v, j + 1)))) {
			j++;
			continue;
		}
		if (upper(v, j, lim) && !tok_is(v->text, TOK(j), "'s")) {
			j++;
			/* glued hyphen: Jong-un, Draudt-Véjares, not US-based */
			if (lex_punct(v, j, lim, '-') && lex_glued(v, j) &&
			    is_word(v, j + 1, lim) && lex_glued(v, j + 1) &&
			    !compound(v, j + 1, lim))
				j += 2;
			continue;
		}
		/* "of", "for", "and" inside a name; a place after them only
		 * in an organisation's name ("Bank of Japan", not "Kim of North
		 * Korea"), and "of the", "for the" too ("Institute for the
		 * Study of War") */
		int of_for = lex_word_is(v, j, lim, "of") || lex_word_is(v, j, lim, "for");
		if ((of_for || lex_word_is(v, j, lim, "and")) && j > i) {
			size_t k = j + 1;
			int org = -1;
			if (of_for && lex_word_is(v, k, lim, "the")) {
				org = has_orgword(v, i, j);
				k++;
			}
			const lex_entry *pe = lex_match(v, k, lim, LEX_BIT(LEX_PLACE), NULL);
			if (upper(v, k, lim) && org != 0 &&
			    (!pe || (of_for && !(pe->b && strcmp(pe->b, "demonym") == 0) &&
				     (org == 1 || has_orgword(v, i, j))))) {
				j = k;
				continue;
			}
		}
		break;
	}
	return j;
}

/* A capitalised word that opens no name: a function word ("The Soufan
 * Center", "Later Kim Jong Un"), a month, a day ("On Wednesday", "Last
 * year"), a number word ("Two-thirds") or a sentence adverb ("Crucially
 * China"). */
static int opens_no_name(const lex_view *v, size_t i, size_t lim)
{
	const uint64_t words = LEX_BIT(LEX_STOP) | LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_ADVERB) |
			       LEX_BIT(LEX_NUM) | LEX_BIT(LEX_FRAC);
	if (!lex_has(v, i, words | LEX_BIT(LEX_TIME)))
		return 0;
	if (lex_one(v, i, lim, words))
		return 1;
	const lex_entry *e = lex_one(v, i, lim, LEX_BIT(LEX_TIME));
	return e && (e->tag == LEX_TC_WEEKDAY || e->tag == LEX_TC_SHIFT || e->tag == LEX_TC_DAY ||
		     e->tag == LEX_TC_SEASON);
}

/* Token i opens a sentence or a clause: first in its sentence, or after a
 * quote mark, a dash, a colon, a bracket or a full stop the sentence
 * splitter kept ("(CNN) — Residents described", "in the 1950s. Analysts
 * warned"). */
static int clause_start(const lex_view *v, const sent *s, size_t i)
{
	if (i == s->t0)
		return 1;
	const tok *t = TOK(i - 1);
	if (t->type != TK_PUNCT || t->cp >= 128 || !strchr("\"-:;().", (int)t->cp) ||
	    (t->cp == '-' && lex_glued(v, i)))
		return 0;
	/* an opening quote mark, not a closing one (“...,” Politico reported) */
	if (t->cp == '"' && !lex_glued(v, i))
		return 0;
	/* not the full stop of "Mr.", "Gen." or an initial */
	return t->cp != '.' || i < 2 ||
	       !(lex_has(v, i - 2, LEX_BIT(LEX_ABBR) | LEX_BIT(LEX_ROLE)) ||
		 TOK(i - 2)->end - TOK(i - 2)->start == 1);
}

/* Token k is glued to a number, directly or through a hyphen: a code or
 * a model, not a name ("Web3", "Airbus A380", "Su-25", "COP28"). */
static int numbered(const lex_view *v, size_t k, size_t lim)
{
	if (lex_numtok(v, k + 1, lim) && lex_glued(v, k + 1))
		return 1;
	return lex_punct(v, k + 1, lim, '-') && lex_glued(v, k + 1) && lex_numtok(v, k + 2, lim) &&
	       lex_glued(v, k + 2);
}

static int has_orgword(const lex_view *v, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (lex_has(v, k, LEX_BIT(LEX_ORGWORD)) && lex_one(v, k, b, LEX_BIT(LEX_ORGWORD)))
			return 1;
	return 0;
}

static int has_placeword(const lex_view *v, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (lex_has(v, k, LEX_BIT(LEX_PLACEWORD)) &&
		    lex_match(v, k, b, LEX_BIT(LEX_PLACEWORD), NULL))
			return 1;
	return 0;
}

/* A name run from i, split at "and" unless the "and" is inside the "of"
 * or "for" part of an organisation's name: "Kim and Putin" are two people,
 * "Der Spiegel and Le Monde" two papers, "Centre for Strategic and
 * International Studies" one organisation. */
static size_t run_end(const lex_view *v, size_t i, size_t lim)
{
	size_t j = name_run(v, i, lim);
	int of_for = 0;
	for (size_t k = i + 1; k < j; k++) {
		if (lex_word_is(v, k, j, "of") || lex_word_is(v, k, j, "for"))
			of_for = 1;
		if (lex_word_is(v, k, j, "and") && !(of_for && has_orgword(v, i, j)))
			return k;
	}
	return j;
}

/* Does a word in capitals of n bytes end as an adverb of manner does
 * ("LIGHTLY", "BRUTALLY", "FURIOUSLY"; not "KELLY", "SICILY")? */
static int adverb_suffix(const char *w, size_t n)
{
	static const char *const ends[] = {"ALLY",  "ABLY", "IBLY",  "ENTLY", "ANTLY",
					   "OUSLY", "HTLY", "IVELY", "FULLY", "LESSLY"};
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t e = strlen(ends[i]);
		if (n > e + 1 && memcmp(w + n - e, ends[i], e) == 0)
			return 1;
	}
	return 0;
}

/* Are tokens [k, j) all words in capitals that are a number, a scale, a
 * vague amount, an ordinal or an adverb of the lexicon, or an adverb of
 * manner ("FORTY THOUSAND", "DOZENS", "LIGHTLY"): a tabloid's shouting? */
static int shouted_common(const lex_view *v, size_t k, size_t j)
{
	if (j <= k)
		return 0;
	for (size_t q = k; q < j; q++) {
		const tok *t = TOK(q);
		size_t n = t->end - t->start;
		const char *w = v->text + t->start;
		if (t->type != TK_WORD || !(t->flags & TF_CAPS))
			return 0;
		if (!lex_has(v, q,
			     LEX_BIT(LEX_NUM) | LEX_BIT(LEX_SCALE) | LEX_BIT(LEX_VAGUE) |
				     LEX_BIT(LEX_ORD) | LEX_BIT(LEX_GAP)) &&
		    !adverb_suffix(w, n))
			return 0;
	}
	return 1;
}

/* An organisation or a place that starts at token k, after an optional
 * "the": "the Centre for Strategic and International Studies", "NIS",
 * "Ukraine" (with any_name, any name: "Deloitte", "Vellport").  Its name
 * goes to *name (a lexicon string, or the bytes of the run copied to the
 * arena); returns its end, or k when there is none. */
static size_t org_at(const lex_view *v, arena *a, size_t k, size_t lim, int any_name,
		     const char **name)
{
	if (lex_word_is(v, k, lim, "the"))
		k++;
	size_t len;
	const lex_entry *pe = lex_has(v, k, LEX_BIT(LEX_PLACE))
				      ? lex_match(v, k, lim, LEX_BIT(LEX_PLACE), &len)
				      : NULL;
	if (pe) {
		*name = pe->a;
		return k + len;
	}
	if (!upper(v, k, lim) || opens_no_name(v, k, lim) || lex_has(v, k, LEX_BIT(LEX_ROLE)))
		return k;
	size_t j = run_end(v, k, lim);
	if (!any_name && !has_orgword(v, k, j) && !(j == k + 1 && (TOK(k)->flags & TF_CAPS)))
		return k;
	*name = arena_strndup(a, v->text + TOK(k)->start, TOK(j - 1)->end - TOK(k)->start);
	return *name ? j : k;
}

/* Who a person named in tokens [.., j) belongs to, from what follows the
 * name: ", of the Centre for ...,", "of the Centre", "from the Royal
 * United Services Institute", ", a fellow with the Carnegie Endowment,"
 * (then the role, "fellow", goes to *role and its length to *rlen). */
static const char *apposition(const lex_view *v, arena *a, size_t j, size_t lim, size_t *role,
			      size_t *rlen)
{
	size_t k = j;
	*rlen = 0;
	int comma = lex_punct(v, k, lim, ',');
	k += comma;
	size_t r0 = k;
	if (comma && (lex_word_is(v, k, lim, "a") || lex_word_is(v, k, lim, "an") ||
		      lex_word_is(v, k, lim, "the")))
		r0 = ++k;
	/* lower-case role words that end in a role: "senior fellow",
	 * "finance minister", "head" */
	while (comma && k < r0 + 4 && is_word(v, k, lim) && !upper(v, k, lim)) {
		int prep = lex_cue_is(v, k, lim, LEX_ROLE_APPOS_PREP);
		if (prep)
			break;
		k++;
	}
	size_t rstart;
	if (k > r0 && !lex_match_ending(v, r0, k - 1, LEX_BIT(LEX_ROLE), &rstart))
		return NULL;
	/* with no role only "of" and "from" say where someone is from */
	if (!(lex_word_is(v, k, lim, "of") || lex_word_is(v, k, lim, "from") ||
	      (k > r0 && (lex_word_is(v, k, lim, "at") || lex_word_is(v, k, lim, "with") ||
			  lex_word_is(v, k, lim, "for") || lex_word_is(v, k, lim, "in")))))
		return NULL;
	const char *name = NULL;
	if (org_at(v, a, k + 1, lim, k > r0, &name) == k + 1 || !name)
		return NULL;
	if (k > r0) {
		*role = r0;
		*rlen = k - r0;
	}
	return name;
}

static corro_entity_kind place_kind(const lex_entry *e)
{
	return e->b && strcmp(e->b, "body") == 0 ? CORRO_ENTITY_BODY : CORRO_ENTITY_COUNTRY;
}

/* A title or role ending at token k-1, e.g. "President", "Foreign
 * Minister", "leader".  Returns where it starts, or k. */
static size_t role_before(const lex_view *v, size_t lo, size_t k)
{
	if (k == 0 || k <= lo)
		return k;
	size_t start;
	/* "Mr." ends in a full stop */
	size_t last = k - 1;
	if (lex_punct(v, last, k, '.') && last > lo)
		last--;
	if (lex_match_ending(v, lo, k - 1, LEX_BIT(LEX_ROLE), &start))
		return start;
	if (last != k - 1 && lex_match_ending(v, lo, last, LEX_BIT(LEX_ROLE), &start))
		return start;
	return k;
}

static int cmp_span(const void *pa, const void *pb)
{
	const corro_span *a = pa, *b = pb;
	return a->start < b->start ? -1 : a->start > b->start;
}

/* Is the sentence a headline in Title Case?  It capitalises every word:
 * only the lexicon's places are trusted there. */
static int title_case_sentence(const lex_view *v, const sent *s)
{
	size_t lim = s->t1;
	/* a sentence full of names still has a verb or noun in lower case
	 * ("met", "briefed") */
	size_t words = 0, caps = 0;
	for (size_t k = s->t0; k < lim; k++)
		if (TOK(k)->type == TK_WORD && TOK(k)->end - TOK(k)->start > 3) {
			words++;
			caps += (TOK(k)->flags & TF_UPPER) != 0;
		}
	int title_case = words >= 3 && caps * 10 >= words * 7;
	for (size_t k = s->t0; title_case && k < lim; k++)
		if (TOK(k)->type == TK_WORD && !(TOK(k)->flags & TF_UPPER) &&
		    TOK(k)->end - TOK(k)->start >= 3 &&
		    !(k > s->t0 && lex_punct(v, k - 1, lim, '-') && lex_glued(v, k)) &&
		    !lex_one(v, k, lim, LEX_BIT(LEX_STOP)))
			title_case = 0;
	return title_case;
}

/* Does the capitalised run at i name somebody or something?  Then its end
 * is *jp, *r0p the end of the role words that open it ("President" in
 * "President X") and *n0p where the name starts; else *jp is where the
 * scan goes on. */
static int names_run(const lex_view *v, const sent *s, ent_list *l, size_t i, size_t *jp,
		     size_t *n0p, size_t *r0p)
{
	size_t lim = s->t1;
	size_t j = run_end(v, i, lim);
	/* codes and labels: "Su-25", "Airbus A380", "Article 5",
	 * "Boeing 737 Max", a lone letter ("C$46", "F-16") */
	while (j > i && numbered(v, j - 1, lim))
		j--;
	if (j == i + 1 &&
	    ((lex_numtok(v, j, lim) && !lex_glued(v, j)) ||
	     (i > s->t0 && lex_numtok(v, i - 1, lim)) || TOK(i)->end - TOK(i)->start == 1)) {
		char k1[96];
		make_key(v->text + TOK(i)->start, TOK(i)->end - TOK(i)->start, k1, sizeof k1);
		if (!find(l, k1) && !find_part(l, k1))
			j = i;
	}
	if (j == i) {
		*jp = i + 1;
		return 0;
	}
	/* the sentence's first word alone is usually just a
	 * capitalised word ("However", "This") */
	if (j == i + 1 && clause_start(v, s, i) &&
	    (lex_has(v, i, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB) | LEX_BIT(LEX_MONTH)) ||
	     TOK(i)->end - TOK(i)->start < 3)) {
		*jp = j;
		return 0;
	}
	/* a role word alone ("President said") names nobody */
	size_t r0 = i;
	while (r0 < j && lex_has(v, r0, LEX_BIT(LEX_ROLE))) {
		size_t rl;
		if (!lex_match(v, r0, j, LEX_BIT(LEX_ROLE), &rl))
			break;
		r0 += rl;
		if (lex_punct(v, r0, lim, '.'))
			r0++;
	}
	size_t n0 = r0;
	if (n0 >= j || lex_has(v, n0, LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_STOP))) {
		/* "The United States": the name may start after
		 * a capitalised function word */
		*jp = n0 < j && n0 == i ? i + 1 : (j > i ? j : i + 1);
		return 0;
	}
	/* a word that alone names nobody: "Western officials",
	 * "the Communist regime", "GDP", "Officials said", a
	 * unit or currency code in capitals ("GW", "USD") */
	if (j == n0 + 1 && !has_orgword(v, n0, j) &&
	    ((lex_has(v, n0, LEX_BIT(LEX_NOTNAME) | LEX_BIT(LEX_SOURCE)) &&
	      lex_one(v, n0, j, LEX_BIT(LEX_NOTNAME) | LEX_BIT(LEX_SOURCE))) ||
	     ((TOK(n0)->flags & TF_CAPS) &&
	      lex_has(v, n0, LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_CUR_CODE)) &&
	      lex_one(v, n0, j, LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_CUR_CODE))))) {
		*jp = j;
		return 0;
	}
	/* words shouted in capitals that are numbers or adverbs
	 * name nobody: "FORTY THOUSAND", "DOZENS", "LIGHTLY" */
	if (shouted_common(v, n0, j)) {
		*jp = j;
		return 0;
	}
	/* a single capitalised word (not an acronym) opening a
	 * sentence or a clause is most often an adverb or a
	 * common word: "Firstly", "However", "(CNN) — Residents
	 * described" */
	if (j == n0 + 1 && r0 == i && !(TOK(n0)->flags & TF_CAPS) && clause_start(v, s, n0)) {
		char w[64];
		size_t wl = tok_lower(v->text, TOK(n0), w, sizeof w);
		char key0[96];
		make_key(v->text + TOK(n0)->start, TOK(n0)->end - TOK(n0)->start, key0,
			 sizeof key0);
		/* ... unless a name's verb follows: "Kim said",
		 * "Politico reported", not "Critics say" */
		const lex_entry *vb = lex_has(v, j, LEX_BIT(LEX_VERB))
					      ? lex_one(v, j, lim, LEX_BIT(LEX_VERB))
					      : NULL;
		const char *vt = j < lim ? v->text + TOK(j)->start : "";
		size_t vl = j < lim ? TOK(j)->end - TOK(j)->start : 0;
		int names = vb && vb->tag == LEX_VC_ATTR && vl > 3 &&
			    (memcmp(vt + vl - 2, "ed", 2) == 0 || vt[vl - 1] == 's' ||
			     lex_word_is(v, j, lim, "said") || lex_word_is(v, j, lim, "told"));
		if (!find(l, key0) && !find_part(l, key0) &&
		    (wl < 4 || strcmp(w + wl - 2, "ly") == 0 ||
		     !(names || (j < lim && tok_is(v->text, TOK(j), "'s"))))) {
			*jp = j;
			return 0;
		}
	}
	*jp = j;
	*n0p = n0;
	*r0p = r0;
	return 1;
}

/* The kind of the name in tokens n0..j (role words from i to r0 before
 * it): an organisation ("&", an organisation word, an acronym), a place
 * (a place word, "in São Paulo"), a person (two words or more, or a
 * role), else a bare name. */
static corro_entity_kind name_kind(const lex_view *v, const sent *s, size_t i, size_t r0, size_t n0,
				   size_t j)
{
	size_t lim = s->t1;
	int amp = 0;
	for (size_t k = n0 + 1; k < j; k++)
		amp |= lex_punct(v, k, j, '&');
	if (amp || has_orgword(v, n0, j))
		return CORRO_ENTITY_ORG;
	if (has_placeword(v, n0, j))
		return CORRO_ENTITY_PLACE;
	if (TOK(n0)->flags & TF_CAPS && j == n0 + 1)
		return CORRO_ENTITY_ORG;
	if (r0 == i && j - n0 >= 2 && i > s->t0 &&
	    (lex_word_is(v, i - 1, lim, "in") || lex_word_is(v, i - 1, lim, "near")) &&
	    !(j < lim && tok_is(v->text, TOK(j), "'s")))
		return CORRO_ENTITY_PLACE; /* "in São Paulo", not "in Kim Jong Un's view" */
	if (j - n0 >= 2 || r0 > i)
		return CORRO_ENTITY_PERSON;
	return CORRO_ENTITY_NAME;
}

/* Whom a named entity belongs to, from the words around the run i..j
 * (rs: where a role before it starts): a place before it ("Ukrainian
 * President", "South Korea's National Intelligence Service"), an
 * organisation just before it, or an apposition after a person. */
static void affiliate(const lex_view *v, const sent *s, arena *a, ent_list *l, ent *e, size_t i,
		      size_t rs, size_t j, size_t prev, size_t prev_end)
{
	size_t lim = s->t1;
	/* who they belong to: "Ukrainian President", "South
	 * Korea's National Intelligence Service" */
	if (!e->e.affiliation) {
		size_t p = rs;
		size_t ps;
		const lex_entry *aff = NULL;
		int poss = p > s->t0 && tok_is(v->text, TOK(p - 1), "'s");
		if (poss && p - 1 > s->t0)
			aff = lex_match_ending(v, s->t0, p - 2, LEX_BIT(LEX_PLACE), &ps);
		else if (p > s->t0)
			aff = lex_match_ending(v, s->t0, p - 1, LEX_BIT(LEX_PLACE), &ps);
		if (aff)
			e->e.affiliation = aff->a;
		/* an organisation just before: "the Brookings
		 * Institution's Ilse Marrow", "FBI terrorism expert
		 * Ali Soufan" */
		else if (prev && l->v[prev - 1].e.kind == CORRO_ENTITY_ORG &&
			 (poss ? prev_end + 1 == p
			       : rs < i && (prev_end == rs ||
					    (prev_end + 1 == rs && is_word(v, prev_end, rs) &&
					     !upper(v, prev_end, rs)))))
			e->e.affiliation = l->v[prev - 1].e.name;
	}
	/* ... or just after, for a person: "Victor Cha, of the
	 * Centre for ...", "Ilse Marrow, a fellow with the
	 * Carnegie Endowment" */
	if (!e->e.affiliation && e->e.kind == CORRO_ENTITY_PERSON) {
		size_t ar, arl;
		e->e.affiliation = apposition(v, a, j, lim, &ar, &arl);
		if (e->e.affiliation && arl && !e->e.role)
			e->e.role = arena_strndup(a, v->text + TOK(ar)->start,
						  TOK(ar + arl - 1)->end - TOK(ar)->start);
	}
}

/* "(NIS)" right after an organisation: the acronym is a second key of
 * the same entity, and *jp moves past it.  Returns the entity (the list
 * may have moved), or NULL when memory ran out. */
static ent *acronym_after(const lex_view *v, const sent *s, arena *a, ent_list *l, ent *e,
			  size_t *jp)
{
	size_t j = *jp, lim = s->t1;
	if (lex_punct(v, j, lim, '(') && j + 2 < lim && (TOK(j + 1)->flags & TF_CAPS) &&
	    lex_punct(v, j + 2, lim, ')') && e->e.kind == CORRO_ENTITY_ORG) {
		char ak[96];
		make_key(v->text + TOK(j + 1)->start, TOK(j + 1)->end - TOK(j + 1)->start, ak,
			 sizeof ak);
		if (!find(l, ak)) {
			/* the acronym is a second key of the same entity:
			 * a stub that points at it by name */
			size_t ei = (size_t)(e - l->v);
			ent *alias = get(l, a, ak, e->e.name, strlen(e->e.name), CORRO_ENTITY_ORG);
			if (!alias)
				return NULL;
			/* get may have moved the list; the stub keeps
			 * pointing by name: merged below */
			e = &l->v[ei];
		}
		if (add_mention(find(l, ak), TOK(j + 1)->start, TOK(j + 1)->end))
			return NULL;
		*jp = j + 3;
	}
	return e;
}

/* Reads the entities of one sentence into l: places of the lexicon, then
 * names of people, organisations and bodies with their roles and
 * affiliations.  *prev is the last entity named (index + 1) and
 * *prev_end the token after it, across sentences.  0, or -1 when memory
 * runs out. */
static int scan_sentence(const lex_view *v, const sent *s, int title_case, arena *a, ent_list *l,
			 size_t *prevp, size_t *prev_endp)
{
	size_t lim = s->t1;
	size_t prev = *prevp, prev_end = *prev_endp;
	for (size_t i = s->t0; i < lim;) {
		size_t len;
		const lex_entry *pe = lex_has(v, i, LEX_BIT(LEX_PLACE))
					      ? lex_match(v, i, lim, LEX_BIT(LEX_PLACE), &len)
					      : NULL;
		/* "the Vietnam War": a country before a place word names
		 * a place of its own */
		if (pe && !title_case && upper(v, i + len, lim) &&
		    lex_has(v, i + len, LEX_BIT(LEX_PLACEWORD)) &&
		    lex_one(v, i + len, lim, LEX_BIT(LEX_PLACEWORD)) &&
		    !lex_match(v, i + len, lim, LEX_BIT(LEX_PLACE), NULL))
			pe = NULL;
		/* "US$20bn", "HK$5": a currency, not the country */
		if (!pe)
			len = 1;
		if (i + len < lim && lex_glued(v, i + len) && TOK(i + len)->type == TK_PUNCT &&
		    TOK(i + len)->cp == '$') {
			i += len;
			continue;
		}
		if (pe) {
			char key[96];
			make_key(pe->a, strlen(pe->a), key, sizeof key);
			ent *e = get(l, a, key, pe->a, strlen(pe->a), place_kind(pe));
			if (!e || add_mention(e, TOK(i)->start, TOK(i + len - 1)->end))
				return -1;
			i += len;
			prev = (size_t)(e - l->v) + 1;
			prev_end = i;
			continue;
		}
		if (!upper(v, i, lim) || title_case || opens_no_name(v, i, lim)) {
			i++;
			continue;
		}
		size_t j, n0, r0;
		if (!names_run(v, s, l, i, &j, &n0, &r0)) {
			i = j;
			continue;
		}
		corro_entity_kind kind = name_kind(v, s, i, r0, n0, j);
		/* a role before the run: "President X", "leader X",
		 * "Ukrainian President X" */
		size_t rs = r0 > i ? i : role_before(v, s->t0, i);
		const char *role = NULL;
		char rolebuf[64];
		if (r0 > i) {
			snprintf(rolebuf, sizeof rolebuf, "%.*s",
				 (int)(TOK(r0 - 1)->end - TOK(i)->start), v->text + TOK(i)->start);
			role = rolebuf;
		} else if (rs < i) {
			snprintf(rolebuf, sizeof rolebuf, "%.*s",
				 (int)(TOK(i - 1)->end - TOK(rs)->start), v->text + TOK(rs)->start);
			role = rolebuf;
			kind = kind != CORRO_ENTITY_ORG ? CORRO_ENTITY_PERSON : kind;
		}
		size_t ns = TOK(n0)->start, ne = TOK(j - 1)->end;
		char key[96];
		make_key(v->text + ns, ne - ns, key, sizeof key);
		ent *e = find(l, key);
		/* "Kim" after "Kim Jong Un", "Putin" after "Vladimir
		 * Putin": a single word names a person named before */
		if (!e && (!strchr(key, ' ') || particle(v, n0, j)))
			e = find_part(l, key);
		if (!e)
			e = get(l, a, key, v->text + ns, ne - ns, kind);
		if (!e || add_mention(e, ns, ne))
			return -1;
		if (role && !e->e.role)
			e->e.role = arena_strndup(a, role, strlen(role));
		if (e->e.kind == CORRO_ENTITY_NAME && kind != CORRO_ENTITY_NAME)
			e->e.kind = kind;
		if (index_parts(l, e))
			return -1;
		affiliate(v, s, a, l, e, i, rs, j, prev, prev_end);
		if (!(e = acronym_after(v, s, a, l, e, &j)))
			return -1;
		prev = (size_t)(e - l->v) + 1;
		prev_end = j;
		i = j;
	}
	*prevp = prev;
	*prev_endp = prev_end;
	return 0;
}

int ent_document(const lex_view *v, const sent_list *sl, arena *a, corro_entity **out, size_t *nout)
{
	ent_list l = {0};
	size_t prev = 0, prev_end = 0; /* the last entity named (index + 1), its end */
	int rc = -1;
	*out = NULL;
	*nout = 0;
	for (size_t si = 0; si < sl->n; si++) {
		const sent *s = &sl->v[si];
		int title_case = title_case_sentence(v, s);
		if (scan_sentence(v, s, title_case, a, &l, &prev, &prev_end))
			goto done;
	}
	/* merge acronym stubs into their organisation (the stub carries the
	 * organisation's name) and single names ("Kim" said before "Kim Jong
	 * Un" was named) into the person they are part of */
	{
		hmap by_name = {0};
		for (size_t q = 0; q < l.n; q++) {
			ent *e = &l.v[q];
			ent *f = NULL;
			uint32_t *slot = hmap_get(&by_name, key_hash(e->e.name), 1);
			if (!slot) {
				hmap_release(&by_name);
				goto done;
			}
			if (*slot && strcmp(l.v[*slot - 1].e.name, e->e.name) == 0)
				f = &l.v[*slot - 1];
			else if (!*slot)
				*slot = (uint32_t)q + 1;
			if (!f && e->e.kind == CORRO_ENTITY_NAME) {
				f = find_part(&l, e->key);
				if (f == e)
					f = NULL;
			}
			if (!f)
				continue;
			for (size_t k = 0; k < e->nm; k++)
				if (add_mention(f, e->m[k].start, e->m[k].end)) {
					hmap_release(&by_name);
					goto done;
				}
			e->nm = 0;
		}
		hmap_release(&by_name);
	}
	size_t n = 0;
	for (size_t q = 0; q < l.n; q++)
		n += l.v[q].nm > 0;
	corro_entity *res = arena_alloc(a, (n ? n : 1) * sizeof *res);
	if (!res)
		goto done;
	size_t k = 0;
	for (size_t q = 0; q < l.n; q++) {
		ent *e = &l.v[q];
		if (!e->nm)
			continue;
		qsort(e->m, e->nm, sizeof *e->m, cmp_span); /* text order */
		corro_span *m = arena_alloc(a, e->nm * sizeof *m);
		if (!m)
			goto done;
		memcpy(m, e->m, e->nm * sizeof *m);
		res[k] = e->e;
		res[k].mentions = m;
		res[k].nmentions = e->nm;
		k++;
	}
	*out = res;
	*nout = k;
	rc = 0;
done:
	for (size_t q = 0; q < l.n; q++)
		mem_free(l.v[q].m);
	mem_free(l.v);
	hmap_release(&l.by_key);
	hmap_release(&l.by_part);
	return rc;
}
