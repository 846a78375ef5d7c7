/* actor.c: the story's actors (prefix actor_): the entities of all its
 * documents, merged.
 *
 * Each document names its entities once, canonically ("Kim Jong Un", with
 * every mention); across documents the same name may be spelt with other
 * case or hyphens ("Kim Jong-un"), and a person may be named by surname only
 * ("Putin" in one article, "Vladimir Putin" in another).  Entities are keyed
 * by their folded name and sorted, so that merging is n log n; a one-word
 * person (or unplaced name) then joins the one person of the story whose
 * full name begins or ends with that word, when exactly one does: the
 * surname comes last in most names and first in Korean and Chinese ones.
 *
 * The story keeps names, not entities: as each document is added, its
 * entities are counted into the name of their folded key (mentions, votes
 * for the name, kind, role and affiliation as written, the documents, and
 * the first mention in each of the first CORRO_STORY_CITES documents), so
 * that memory grows with the names and their documents rather than with
 * every entity of every document.  Build merges names into actors and
 * their votes into the values most documents give: n log n. */
#include "ascii.h"
#include "corro.h"
#include "lexicon.h"
#include "mem.h"
#include "actor.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The entities of all documents with one folded name ("kim jong un"), as
 * gathered by actor_add: what build needs of them, not the entities.  The
 * story actors are made of names (a surname's name joins a full one). */
struct actor_name {
	const char *key; /* the folded name, kept once */
	size_t next;     /* the next name with the same hash, SIZE_MAX */
	size_t nmentions;
	size_t lastcite;     /* its last cite in name_cites, SIZE_MAX */
	size_t ncites;       /* at most CORRO_STORY_CITES, one per document */
	uint32_t lastdoc;    /* the last document that names it, UINT32_MAX */
	unsigned person : 1; /* some entity is a person */
	unsigned only : 1;   /* every entity is a person or a name */
	size_t actor;        /* after build: its actor */
};

/* How often a name was given a value of one field, and where first. */
struct actor_vote {
	size_t name, next; /* next: the next vote with the same hash */
	int field;         /* 0 the entity's name, 1 kind, 2 role, 3 affiliation */
	const char *value;
	size_t count;
	size_t doc, start, seq; /* the first entity that gave it */
};

/* The first mention of a name in a document. */
struct actor_name_cite {
	size_t name, doc, seq;
	corro_span span;
	const char *text;
};

/* The kind a vote names (votes hold corro_entity_kind_name's strings). */
static corro_entity_kind kind_named(const char *name)
{
	for (int k = CORRO_ENTITY_NAME; k <= CORRO_ENTITY_PLACE; k++)
		if (name && strcmp(name, corro_entity_kind_name((corro_entity_kind)k)) == 0)
			return (corro_entity_kind)k;
	return CORRO_ENTITY_NAME;
}

/* Is [a, b) inside one of the document's time expressions (in text
 * order)?  "Wednesday" in "said on Wednesday" names a day, not someone. */
static int in_time(const corro_result *res, size_t a, size_t b)
{
	size_t lo = 0, hi = corro_result_time_count(res);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (corro_result_time(res, mid)->span.end <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == corro_result_time_count(res))
		return 0;
	corro_span t = corro_result_time(res, lo)->span;
	return t.start <= a && b <= t.end;
}

/* ---- adding: each document's entities go into names at once ---- */

enum { V_NAME, V_KIND, V_ROLE, V_AFFILIATION };

/* Is a role only a courtesy title ("Mr", "Mrs.", "Ms"; data/words.tsv CUE
 * honorific), which says nothing of what a person does? */
static int honorific(const char *r)
{
	size_t n = strlen(r);
	if (n && r[n - 1] == '.')
		n--;
	return lex_cue_word(r, n, LEX_ROLE_HONORIFIC) != NULL;
}

/* A person "name" that joins names ("Putin and Kim Jong-un") is a list the
 * entity stage read as one name. */
static int is_list(const char *key)
{
	return strstr(key, " and ") != NULL;
}

/* A 64-bit hash for the hash maps (never 0). */
static uint64_t hash_mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	return h;
}

static uint64_t hash_str(const char *p)
{
	uint64_t h = 1469598103934665603ull;
	for (; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return h ? h : 1;
}

/* The name of a folded key (kept once), made when new; SIZE_MAX when
 * memory runs out. */
static size_t name_get(actor_set *s, const char *key)
{
	uint32_t *slot = hmap_get(&s->name_map, hash_str(key), 1);
	if (!slot)
		return SIZE_MAX;
	size_t g = *slot ? *slot - 1 : SIZE_MAX;
	for (; g != SIZE_MAX; g = s->names[g].next)
		if (s->names[g].key == key || strcmp(s->names[g].key, key) == 0)
			return g;
	if (s->nnames >= UINT32_MAX - 1 || VEC_GROW(s->names, s->nnames, s->capnames, actor_name))
		return SIZE_MAX;
	actor_name *n = &s->names[s->nnames];
	memset(n, 0, sizeof *n);
	n->key = key;
	n->next = *slot ? *slot - 1 : SIZE_MAX;
	n->lastcite = SIZE_MAX;
	n->lastdoc = UINT32_MAX;
	n->only = 1;
	n->actor = SIZE_MAX;
	*slot = (uint32_t)++s->nnames;
	return s->nnames - 1;
}

/* Counts a value of a field for a name; -1 when memory runs out.  Values
 * are compared as pointers here (most are kept once); build merges equal
 * strings. */
static int vote_add(actor_set *s, size_t g, int field, const char *value, size_t doc, size_t start,
		    size_t seq)
{
	uint64_t h = hash_mix(hash_mix(hash_mix(0x51ED27u, g), (uint64_t)field),
			      (uint64_t)(uintptr_t)value);
	uint32_t *slot = hmap_get(&s->vote_map, h ? h : 1, 1);
	if (!slot)
		return -1;
	size_t v = *slot ? *slot - 1 : SIZE_MAX;
	for (; v != SIZE_MAX; v = s->votes[v].next)
		if (s->votes[v].name == g && s->votes[v].field == field &&
		    s->votes[v].value == value) {
			s->votes[v].count++;
			return 0;
		}
	if (s->nvotes >= UINT32_MAX - 1 || VEC_GROW(s->votes, s->nvotes, s->capvotes, actor_vote))
		return -1;
	s->votes[s->nvotes] = (actor_vote){
		g, *slot ? *slot - 1 : SIZE_MAX, field, value, 1, doc, start, seq};
	*slot = (uint32_t)++s->nvotes;
	return 0;
}

/* Where an entity is first mentioned, for its name: one cite per
 * document (the earliest mention), for the name's first documents. */
static int cite_add(actor_set *s, size_t g, size_t d, size_t seq, corro_span sp, const char *text)
{
	actor_name *n = &s->names[g];
	if (n->lastdoc != d) {
		if (VEC_GROW(s->name_docs, s->nname_docs + 1, s->capname_docs, uint32_t))
			return -1;
		s->name_docs[s->nname_docs++] = (uint32_t)g;
		s->name_docs[s->nname_docs++] = (uint32_t)d;
		n->lastdoc = (uint32_t)d;
	}
	if (n->lastcite != SIZE_MAX && s->name_cites[n->lastcite].doc == d) {
		actor_name_cite *c = &s->name_cites[n->lastcite];
		if (sp.start < c->span.start) {
			c->span = sp;
			c->seq = seq;
			c->text = pool_str(s->p, text + sp.start, sp.end - sp.start);
		}
		return 0;
	}
	if (n->ncites == CORRO_STORY_CITES)
		return 0;
	if (VEC_GROW(s->name_cites, s->nname_cites, s->capname_cites, actor_name_cite))
		return -1;
	s->name_cites[s->nname_cites] = (actor_name_cite){
		g, d, seq, sp, pool_str(s->p, text + sp.start, sp.end - sp.start)};
	n->lastcite = s->nname_cites++;
	n->ncites++;
	return 0;
}

corro_status actor_add(actor_set *s, size_t d, const char *text, size_t len,
		       const corro_result *res)
{
	(void)len;
	size_t n = corro_result_entity_count(res);
	if (n > s->capentmap) {
		size_t *m = mem_realloc(s->entmap, n * sizeof *m);
		if (!m)
			return CORRO_NOMEM;
		s->entmap = m;
		s->capentmap = n;
	}
	if (d >= UINT32_MAX - 1)
		return CORRO_TOO_BIG;
	for (size_t i = 0; i < n; i++) {
		const corro_entity *e = corro_result_entity(res, i);
		s->entmap[i] = SIZE_MAX;
		/* places are where, not who; days are when */
		int is_time = e->nmentions > 0;
		for (size_t m = 0; m < e->nmentions && is_time; m++)
			is_time = in_time(res, e->mentions[m].start, e->mentions[m].end);
		if (!e->nmentions || is_time || e->kind == CORRO_ENTITY_PLACE)
			continue;
		size_t seq = s->nseq++;
		char key[256];
		pool_fold(e->name, strlen(e->name), key, sizeof key);
		int person = e->kind == CORRO_ENTITY_PERSON;
		if (!key[0] || ((person || e->kind == CORRO_ENTITY_NAME) && is_list(key))) {
			s->entmap[i] = ACTOR_DROPPED;
			continue;
		}
		const char *k = pool_str(s->p, key, strlen(key));
		size_t g = k ? name_get(s, k) : SIZE_MAX;
		if (g == SIZE_MAX)
			return CORRO_NOMEM;
		s->entmap[i] = g;
		actor_name *nm = &s->names[g];
		nm->nmentions += e->nmentions;
		nm->person |= person;
		nm->only &= person || e->kind == CORRO_ENTITY_NAME;
		corro_span sp = e->mentions[0];
		const char *name = pool_str(s->p, e->name, strlen(e->name));
		if (!name || vote_add(s, g, V_NAME, name, d, sp.start, seq) ||
		    (e->kind != CORRO_ENTITY_NAME &&
		     vote_add(s, g, V_KIND, corro_entity_kind_name(e->kind), d, sp.start, seq)))
			return CORRO_NOMEM;
		if (e->role && !honorific(e->role)) {
			const char *r = pool_str(s->p, e->role, strlen(e->role));
			if (!r || vote_add(s, g, V_ROLE, r, d, sp.start, seq))
				return CORRO_NOMEM;
		}
		if (e->affiliation) {
			const char *a = pool_str(s->p, e->affiliation, strlen(e->affiliation));
			if (!a || vote_add(s, g, V_AFFILIATION, a, d, sp.start, seq))
				return CORRO_NOMEM;
		}
		if (cite_add(s, g, d, seq, sp, text))
			return CORRO_NOMEM;
	}
	return pool_failed(s->p) ? CORRO_NOMEM : CORRO_OK;
}

/* ---- build ---- */

typedef struct name_tok {
	const char *tok; /* in the arena */
	size_t group;
} name_tok;

static int cmp_tok(const void *pa, const void *pb)
{
	const name_tok *a = pa, *b = pb;
	int c = strcmp(a->tok, b->tok);
	return c ? c : (a->group < b->group ? -1 : a->group > b->group);
}

/* the set a comparator reads: one per thread, so that stories can be built
 * in several threads at once */
static _Thread_local const actor_set *rank_set;

static int cmp_actor(const void *pa, const void *pb)
{
	const corro_actor *a = &rank_set->actors[*(const size_t *)pa];
	const corro_actor *b = &rank_set->actors[*(const size_t *)pb];
	if (a->nsources != b->nsources)
		return a->nsources > b->nsources ? -1 : 1;
	if (a->nmentions != b->nmentions)
		return a->nmentions > b->nmentions ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Votes by actor, field, value, then where they were first given. */
static int cmp_vote(const void *pa, const void *pb)
{
	const actor_vote *a = pa, *b = pb;
	size_t x = rank_set->names[a->name].actor, y = rank_set->names[b->name].actor;
	if (x != y)
		return x < y ? -1 : 1;
	if (a->field != b->field)
		return a->field - b->field;
	int c = a->value == b->value ? 0 : strcmp(a->value, b->value);
	if (c)
		return c;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* A value's tally: most votes first, then the first given. */
static int cmp_tally(const void *pa, const void *pb)
{
	const actor_vote *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_name_cite(const void *pa, const void *pb)
{
	const actor_name_cite *a = pa, *b = pb;
	size_t x = rank_set->names[a->name].actor, y = rank_set->names[b->name].actor;
	if (x != y)
		return x < y ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->span.start != b->span.start)
		return a->span.start < b->span.start ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
	return a < b ? -1 : a > b;
}

typedef struct akey {
	const char *key;
	size_t actor;
} akey;

static int cmp_akey_key(const void *pa, const void *pb)
{
	return strcmp(((const akey *)pa)->key, ((const akey *)pb)->key);
}

static int cmp_akey(const void *pa, const void *pb)
{
	const akey *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->actor < b->actor ? -1 : a->actor > b->actor);
}

/* The first and last words of a folded key (in the arena). */
static const char *first_word(arena *a, const char *k)
{
	const char *sp = strchr(k, ' ');
	return arena_strndup(a, k, sp ? (size_t)(sp - k) : strlen(k));
}

static const char *last_word(const char *k)
{
	const char *sp = strrchr(k, ' ');
	return sp ? sp + 1 : k;
}

/* Sets an actor's name, kind, role, roles and affiliation from its votes
 * v[0..n) (sorted by field, then value): the value given most often, ties
 * to the one given first.  The name comes from names with a space when
 * there are any (a surname alone names the person only when nothing else
 * does); a definite kind beats "name".  tally has room for n. */
static void elect(actor_set *s, corro_actor *ac, actor_vote *v, size_t n, actor_vote *tally)
{
	ac->kind = CORRO_ENTITY_NAME;
	for (size_t i = 0; i < n;) {
		int field = v[i].field;
		size_t j = i, nt = 0, spaced = 0;
		while (j < n && v[j].field == field) {
			/* one tally per distinct value: counts add up, the first
			 * place stays */
			actor_vote t = v[j];
			size_t k;
			for (k = j + 1; k < n && v[k].field == field &&
					(v[k].value == t.value || strcmp(v[k].value, t.value) == 0);
			     k++)
				t.count += v[k].count;
			if (field != V_NAME || strchr(t.value, ' ') || !spaced) {
				if (field == V_NAME && strchr(t.value, ' ') && !spaced) {
					nt = 0; /* the first name with a space: only those count */
					spaced = 1;
				}
				tally[nt++] = t;
			}
			j = k;
		}
		qsort(tally, nt, sizeof *tally, cmp_tally);
		const char *best = nt ? tally[0].value : NULL;
		switch (field) {
		case V_NAME: ac->name = best; break;
		case V_KIND: ac->kind = kind_named(best); break;
		case V_ROLE: {
			size_t keep = nt < 8 ? nt : 8;
			const char **d = arena_alloc(&s->p->a, keep * sizeof *d);
			ac->role = best;
			if (d) {
				for (size_t q = 0; q < keep; q++)
					d[q] = tally[q].value;
				ac->roles = (const char *const *)d;
				ac->nroles = keep;
			}
			break;
		}
		default: ac->affiliation = best; break;
		}
		i = j;
	}
}

corro_status actor_build(actor_set *s, const corro_source_doc *sdocs)
{
	corro_status st = CORRO_NOMEM;
	size_t ng = s->nnames;
	arena tmp;
	arena_init(&tmp);
	size_t *redirect = mem_alloc((ng ? ng : 1) * sizeof *redirect);
	name_tok *toks = mem_alloc((2 * ng + 1) * sizeof *toks);
	akey *keys = NULL;
	uint64_t *docs = NULL;
	size_t *scratch = NULL;
	actor_vote *tally = NULL;
	size_t ntoks = 0, nkeys = 0;
	if (!redirect || !toks)
		goto done;
	rank_set = s;
	/* the words of full names of persons, for surnames alone */
	for (size_t g = 0; g < ng; g++) {
		const actor_name *n = &s->names[g];
		redirect[g] = g;
		if (n->person && n->only && strchr(n->key, ' ')) {
			const char *fw = first_word(&tmp, n->key), *lw = last_word(n->key);
			if (!fw)
				goto done;
			if (strlen(fw) >= 3)
				toks[ntoks++] = (name_tok){fw, g};
			if (strlen(lw) >= 3 && strcmp(lw, fw) != 0)
				toks[ntoks++] = (name_tok){lw, g};
		}
	}
	qsort(toks, ntoks, sizeof *toks, cmp_tok);
	/* a one-word person or name joins the one person with that word first
	 * or last in a longer name */
	for (size_t g = 0; g < ng; g++) {
		const char *key = s->names[g].key;
		if (!s->names[g].only || strchr(key, ' '))
			continue;
		size_t lo = 0, hi = ntoks;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (strcmp(toks[mid].tok, key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == ntoks || strcmp(toks[lo].tok, key) != 0)
			continue;
		size_t e = lo;
		while (e + 1 < ntoks && strcmp(toks[e + 1].tok, key) == 0)
			e++;
		if (toks[lo].group == toks[e].group)
			redirect[g] = toks[lo].group;
	}
	/* actors: the names that stay */
	size_t na = 0;
	for (size_t g = 0; g < ng; g++)
		if (redirect[g] == g)
			s->names[g].actor = na++;
	for (size_t g = 0; g < ng; g++)
		s->names[g].actor = s->names[redirect[g]].actor;
	s->actors = mem_alloc((na ? na : 1) * sizeof *s->actors);
	if (!s->actors)
		goto done;
	memset(s->actors, 0, (na ? na : 1) * sizeof *s->actors);
	s->nactors = na;
	for (size_t g = 0; g < ng; g++)
		s->actors[s->names[g].actor].nmentions += s->names[g].nmentions;
	/* name, kind, role and affiliation: the votes of the actor's names */
	if (s->nvotes) /* no qsort of NULL */
		qsort(s->votes, s->nvotes, sizeof *s->votes, cmp_vote);
	tally = mem_alloc((s->nvotes ? s->nvotes : 1) * sizeof *tally);
	if (!tally)
		goto done;
	for (size_t i = 0; i < s->nvotes;) {
		size_t a = s->names[s->votes[i].name].actor, j = i;
		while (j < s->nvotes && s->names[s->votes[j].name].actor == a)
			j++;
		elect(s, &s->actors[a], s->votes + i, j - i, tally);
		i = j;
	}
	/* documents and independent sources: the distinct documents of the
	 * actor's names */
	size_t np = s->nname_docs / 2;
	docs = mem_alloc((np ? np : 1) * sizeof *docs);
	scratch = mem_alloc((np ? np : 1) * sizeof *scratch);
	if (!docs || !scratch)
		goto done;
	for (size_t i = 0; i < np; i++)
		docs[i] = (uint64_t)s->names[s->name_docs[2 * i]].actor << 32 |
			  s->name_docs[2 * i + 1];
	qsort(docs, np, sizeof *docs, cmp_u64);
	for (size_t i = 0; i < np;) {
		size_t a = (size_t)(docs[i] >> 32), j = i, nd = 0;
		for (; j < np && (size_t)(docs[j] >> 32) == a; j++)
			if (j == i || docs[j] != docs[j - 1])
				scratch[nd++] = sdocs[(uint32_t)docs[j]].cluster;
		s->actors[a].ndocs = nd;
		s->actors[a].nsources = pool_distinct(scratch, nd);
		i = j;
	}
	/* the first mention in each of the first documents */
	if (s->nname_cites)
		qsort(s->name_cites, s->nname_cites, sizeof *s->name_cites, cmp_name_cite);
	s->actor_cites = mem_alloc((s->nname_cites ? s->nname_cites : 1) * sizeof *s->actor_cites);
	if (!s->actor_cites)
		goto done;
	size_t nc = 0;
	for (size_t i = 0; i < s->nname_cites; i++) {
		const actor_name_cite *c = &s->name_cites[i];
		corro_actor *ac = &s->actors[s->names[c->name].actor];
		if (ac->nfirst == CORRO_STORY_CITES ||
		    (ac->nfirst && ac->first[ac->nfirst - 1].doc == c->doc))
			continue;
		if (!ac->nfirst)
			ac->first = &s->actor_cites[nc];
		corro_cite *o = &s->actor_cites[nc++];
		memset(o, 0, sizeof *o);
		o->doc = c->doc;
		o->span = c->span;
		o->text = c->text;
		ac->nfirst++;
	}
	/* rank; names follow */
	{
		size_t *order = mem_alloc((na ? na : 1) * sizeof *order);
		size_t *where = mem_alloc((na ? na : 1) * sizeof *where);
		corro_actor *sorted = mem_alloc((na ? na : 1) * sizeof *sorted);
		if (!order || !where || !sorted) {
			mem_free(order);
			mem_free(where);
			mem_free(sorted);
			goto done;
		}
		for (size_t i = 0; i < na; i++)
			order[i] = i;
		qsort(order, na, sizeof *order, cmp_actor);
		for (size_t i = 0; i < na; i++) {
			sorted[i] = s->actors[order[i]];
			where[order[i]] = i;
		}
		mem_free(s->actors);
		s->actors = sorted;
		for (size_t g = 0; g < ng; g++)
			s->names[g].actor = where[s->names[g].actor];
		mem_free(order);
		mem_free(where);
	}
	/* keys for look-ups by name: every folded name, and the words that
	 * named one person alone */
	keys = mem_alloc((ng + ntoks + 1) * sizeof *keys);
	if (!keys)
		goto done;
	for (size_t g = 0; g < ng; g++)
		keys[nkeys++] = (akey){s->names[g].key, s->names[g].actor};
	{
		size_t nfull = nkeys;
		qsort(keys, nfull, sizeof *keys, cmp_akey);
		for (size_t i = 0; i < ntoks;) {
			size_t j = i;
			while (j < ntoks && strcmp(toks[j].tok, toks[i].tok) == 0)
				j++;
			if (toks[i].group == toks[j - 1].group &&
			    !bsearch(&(akey){toks[i].tok, 0}, keys, nfull, sizeof *keys,
				     cmp_akey_key))
				keys[nkeys++] = (akey){toks[i].tok, s->names[toks[i].group].actor};
			i = j;
		}
	}
	qsort(keys, nkeys, sizeof *keys, cmp_akey);
	s->actor_keys = mem_alloc((nkeys ? nkeys : 1) * sizeof *s->actor_keys);
	s->actor_by_key = mem_alloc((nkeys ? nkeys : 1) * sizeof *s->actor_by_key);
	if (!s->actor_keys || !s->actor_by_key)
		goto done;
	for (size_t i = 0; i < nkeys; i++) {
		s->actor_keys[i] = arena_strndup(&s->p->a, keys[i].key, strlen(keys[i].key));
		s->actor_by_key[i] = keys[i].actor;
	}
	s->nactor_keys = nkeys;
	st = pool_failed(s->p) || tmp.failed ? CORRO_NOMEM : CORRO_OK;
done:
	/* what only this build needed */
	mem_free(s->votes);
	mem_free(s->name_cites);
	mem_free(s->name_docs);
	hmap_release(&s->vote_map);
	s->votes = NULL;
	s->name_cites = NULL;
	s->name_docs = NULL;
	s->nvotes = s->nname_cites = s->nname_docs = 0;
	mem_free(tally);
	mem_free(scratch);
	mem_free(docs);
	mem_free(keys);
	mem_free(toks);
	mem_free(redirect);
	arena_release(&tmp);
	return st;
}

size_t actor_of_name(const actor_set *s, size_t name)
{
	return name < s->nnames ? s->names[name].actor : SIZE_MAX;
}

void actor_init(actor_set *s, pool *p)
{
	memset(s, 0, sizeof *s);
	s->p = p;
}

void actor_free(actor_set *s)
{
	mem_free(s->names);
	hmap_release(&s->name_map);
	mem_free(s->votes);
	hmap_release(&s->vote_map);
	mem_free(s->name_cites);
	mem_free(s->name_docs);
	mem_free(s->entmap);
	mem_free(s->actors);
	mem_free(s->actor_cites);
	mem_free(s->actor_keys);
	mem_free(s->actor_by_key);
	memset(s, 0, sizeof *s);
}

size_t actor_entity_name(const actor_set *s, size_t i)
{
	return s->entmap[i];
}

void actor_release_names(actor_set *s)
{
	mem_free(s->names);
	hmap_release(&s->name_map);
	s->names = NULL;
	s->nnames = s->capnames = 0;
}

size_t actor_lookup(const actor_set *s, const char *name)
{
	char key[256];
	pool_fold(name, strlen(name), key, sizeof key);
	size_t lo = 0, hi = s->nactor_keys;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(s->actor_keys[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->nactor_keys && strcmp(s->actor_keys[lo], key) == 0)
		return s->actor_by_key[lo];
	return SIZE_MAX;
}

size_t actor_count(const actor_set *s)
{
	return s->nactors;
}

const corro_actor *actor_get(const actor_set *s, size_t i)
{
	return i < s->nactors ? &s->actors[i] : NULL;
}
