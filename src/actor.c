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
 * surname comes last in most names and first in Korean and Chinese ones. */
#include "corro.h"
#include "mem.h"
#include "story.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *static_kind(const char *k)
{
	static const char *const kinds[] = {"country", "body", "person", "org",
					    "place", "name"};
	for (size_t i = 0; k && i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(k, kinds[i]) == 0)
			return kinds[i];
	return "name";
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

corro_status actor_add(story *s, size_t d, const char *text, size_t len,
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
	for (size_t i = 0; i < n; i++) {
		const corro_entity *e = corro_result_entity(res, i);
		s->entmap[i] = SIZE_MAX;
		/* places are where, not who; days are when */
		int is_time = e->nmentions > 0;
		for (size_t m = 0; m < e->nmentions && is_time; m++)
			is_time = in_time(res, e->mentions[m].start, e->mentions[m].end);
		if (!e->nmentions || is_time || strcmp(static_kind(e->kind), "place") == 0)
			continue;
		if (VEC_GROW(s->ents, s->nents, s->capents, story_ent) ||
		    VEC_GROW(s->ent_cites, s->nents, s->capent_cites, corro_cite))
			return CORRO_NOMEM;
		s->entmap[i] = s->nents;
		story_ent *se = &s->ents[s->nents];
		corro_cite *c = &s->ent_cites[s->nents++];
		memset(se, 0, sizeof *se);
		memset(c, 0, sizeof *c);
		se->name = story_str(s, e->name, strlen(e->name));
		se->kind = static_kind(e->kind);
		se->role = e->role ? story_str(s, e->role, strlen(e->role)) : NULL;
		se->affiliation = e->affiliation
					  ? story_str(s, e->affiliation, strlen(e->affiliation))
					  : NULL;
		se->nmentions = e->nmentions;
		se->actor = SIZE_MAX;
		c->doc = d;
		c->span = e->mentions[0];
		c->text = story_str(s, text + c->span.start, c->span.end - c->span.start);
	}
	return s->a.failed ? CORRO_NOMEM : CORRO_OK;
}

/* ---- build ---- */

typedef struct keyed_ent {
	const char *key;
	size_t ent;
} keyed_ent;

static int cmp_keyed_ent(const void *pa, const void *pb)
{
	const keyed_ent *a = pa, *b = pb;
	int c = a->key == b->key ? 0 : strcmp(a->key, b->key);
	return c ? c : (a->ent < b->ent ? -1 : a->ent > b->ent);
}

/* A value with the order it was seen in, for votes. */
typedef struct vote {
	const char *v;
	size_t order, count;
} vote;

static int cmp_vote(const void *pa, const void *pb)
{
	const vote *a = pa, *b = pb;
	int c = a->v == b->v ? 0 : strcmp(a->v, b->v);
	return c ? c : (a->order < b->order ? -1 : a->order > b->order);
}

static int cmp_run(const void *pa, const void *pb)
{
	const vote *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* The value given most often (ties: the one seen first).  With distinct
 * set, *distinct gets up to eight distinct values, most often first (in
 * the arena), and *nd their number.  Reorders v. */
static const char *vote_best(arena *a, vote *v, size_t n, const char ***distinct,
			     size_t *nd)
{
	if (distinct) {
		*distinct = NULL;
		*nd = 0;
	}
	if (!n)
		return NULL;
	qsort(v, n, sizeof *v, cmp_vote);
	size_t runs = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && (v[j].v == v[i].v || strcmp(v[j].v, v[i].v) == 0))
			j++;
		v[runs] = (vote){v[i].v, v[i].order, j - i};
		runs++;
		i = j;
	}
	qsort(v, runs, sizeof *v, cmp_run);
	if (distinct) {
		size_t keep = runs < 8 ? runs : 8;
		const char **d = arena_alloc(a, keep * sizeof *d);
		if (d) {
			for (size_t i = 0; i < keep; i++)
				d[i] = v[i].v;
			*distinct = d;
			*nd = keep;
		}
	}
	return v[0].v;
}

static int honorific(const char *r)
{
	static const char *const h[] = {"mr", "mrs", "ms", "miss", "mx", "mr.", "mrs.",
					"ms.", "mx."};
	for (size_t i = 0; i < sizeof h / sizeof *h; i++)
		if (strncasecmp_ascii(r, h[i], strlen(h[i]) + 1) == 0)
			return 1;
	return 0;
}

/* A person "name" that joins names ("Putin and Kim Jong-un") is a list the
 * entity stage read as one name. */
static int is_list(const char *key)
{
	return strstr(key, " and ") != NULL;
}

typedef struct tok {
	const char *tok; /* in the arena */
	size_t group;
} tok;

static int cmp_tok(const void *pa, const void *pb)
{
	const tok *a = pa, *b = pb;
	int c = strcmp(a->tok, b->tok);
	return c ? c : (a->group < b->group ? -1 : a->group > b->group);
}

static const story *rank_story; /* for cmp_actor; build is not reentrant */

static int cmp_actor(const void *pa, const void *pb)
{
	const corro_actor *a = &rank_story->actors[*(const size_t *)pa];
	const corro_actor *b = &rank_story->actors[*(const size_t *)pb];
	if (a->nsources != b->nsources)
		return a->nsources > b->nsources ? -1 : 1;
	if (a->nmentions != b->nmentions)
		return a->nmentions > b->nmentions ? -1 : 1;
	return strcmp(a->name, b->name);
}

static const story *doc_story;

/* Members of actors: by actor, document, then first mention (entities
 * that were dropped last). */
static int cmp_member(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	size_t aa = doc_story->ents[ia].actor, ab = doc_story->ents[ib].actor;
	const corro_cite *a = &doc_story->ent_cites[ia], *b = &doc_story->ent_cites[ib];
	if (aa != ab)
		return aa < ab ? -1 : 1;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->span.start != b->span.start)
		return a->span.start < b->span.start ? -1 : 1;
	return ia < ib ? -1 : ia > ib;
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

corro_status actor_build(story *s)
{
	corro_status st = CORRO_NOMEM;
	size_t n = s->nents;
	arena tmp;
	arena_init(&tmp);
	keyed_ent *k = mem_alloc((n ? n : 1) * sizeof *k);
	size_t *group = mem_alloc((n ? n : 1) * sizeof *group);
	size_t *redirect = NULL, *gkind_person = NULL, *member = NULL, *scratch = NULL;
	size_t *runs = NULL;
	vote *votes = NULL;
	tok *toks = NULL;
	akey *keys = NULL;
	size_t nk = 0, ngroups = 0, ntoks = 0, nkeys = 0;
	if (!k || !group)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const story_ent *e = &s->ents[i];
		char key[256];
		story_fold(e->name, strlen(e->name), key, sizeof key);
		if (!key[0] ||
		    ((strcmp(e->kind, "person") == 0 || strcmp(e->kind, "name") == 0) &&
		     is_list(key)))
			continue;
		k[nk].key = story_str(s, key, strlen(key));
		k[nk].ent = i;
		nk++;
	}
	if (tmp.failed)
		goto done;
	qsort(k, nk, sizeof *k, cmp_keyed_ent);
	/* provisional groups: one per key; group[g] is its first index in k */
	for (size_t i = 0; i < nk; i++)
		if (i == 0 || (k[i].key != k[i - 1].key && strcmp(k[i].key, k[i - 1].key) != 0))
			group[ngroups++] = i;
	redirect = mem_alloc((ngroups ? ngroups : 1) * sizeof *redirect);
	gkind_person = mem_alloc((ngroups ? ngroups : 1) * sizeof *gkind_person);
	toks = mem_alloc((2 * ngroups + 1) * sizeof *toks);
	if (!redirect || !gkind_person || !toks)
		goto done;
	/* is a group a person (or only names)?  bit 0: some member is a
	 * person; bit 1: every member is a person or a name */
	for (size_t g = 0; g < ngroups; g++) {
		size_t end = g + 1 < ngroups ? group[g + 1] : nk;
		int person = 0, only = 1;
		for (size_t i = group[g]; i < end; i++) {
			const char *kind = s->ents[k[i].ent].kind;
			person |= strcmp(kind, "person") == 0;
			only &= strcmp(kind, "person") == 0 || strcmp(kind, "name") == 0;
		}
		gkind_person[g] = (size_t)(person | only << 1);
		redirect[g] = g;
		const char *key = k[group[g]].key;
		if (person && only && strchr(key, ' ')) {
			const char *fw = first_word(&tmp, key), *lw = last_word(key);
			if (!fw)
				goto done;
			if (strlen(fw) >= 3)
				toks[ntoks++] = (tok){fw, g};
			if (strlen(lw) >= 3 && strcmp(lw, fw) != 0)
				toks[ntoks++] = (tok){lw, g};
		}
	}
	if (tmp.failed)
		goto done;
	qsort(toks, ntoks, sizeof *toks, cmp_tok);
	/* a one-word person or name joins the one person with that word first
	 * or last in a longer name */
	for (size_t g = 0; g < ngroups; g++) {
		const char *key = k[group[g]].key;
		if (!(gkind_person[g] & 2) || strchr(key, ' '))
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
	/* actors: the groups that stay; their members */
	{
		size_t *num = mem_alloc((ngroups ? ngroups : 1) * sizeof *num);
		if (!num)
			goto done;
		size_t na = 0;
		for (size_t g = 0; g < ngroups; g++)
			num[g] = redirect[g] == g ? na++ : SIZE_MAX;
		for (size_t g = 0; g < ngroups; g++) {
			size_t end = g + 1 < ngroups ? group[g + 1] : nk;
			for (size_t i = group[g]; i < end; i++)
				s->ents[k[i].ent].actor = num[redirect[g]];
		}
		mem_free(num);
		s->actors = mem_alloc((na ? na : 1) * sizeof *s->actors);
		if (!s->actors)
			goto done;
		memset(s->actors, 0, (na ? na : 1) * sizeof *s->actors);
		s->nactors = na;
	}
	member = mem_alloc((n ? n : 1) * sizeof *member);
	scratch = mem_alloc((n ? n : 1) * sizeof *scratch);
	votes = mem_alloc((n ? n : 1) * sizeof *votes);
	runs = mem_alloc((s->nactors ? s->nactors : 1) * sizeof *runs);
	if (!member || !scratch || !votes || !runs)
		goto done;
	for (size_t i = 0; i < n; i++)
		member[i] = i;
	doc_story = s;
	qsort(member, n, sizeof *member, cmp_member);
	for (size_t i = 0; i < n;) {
		size_t a = s->ents[member[i]].actor, j = i;
		if (a == SIZE_MAX)
			break; /* the dropped ones come last */
		while (j < n && s->ents[member[j]].actor == a)
			j++;
		corro_actor *ac = &s->actors[a];
		/* the name: the most common among members not merged in by
		 * surname (a one-word member's name only when all are one-word) */
		size_t nv = 0;
		for (size_t q = i; q < j; q++)
			if (strchr(s->ents[member[q]].name, ' '))
				votes[nv++] = (vote){s->ents[member[q]].name, q, 0};
		if (!nv)
			for (size_t q = i; q < j; q++)
				votes[nv++] = (vote){s->ents[member[q]].name, q, 0};
		ac->name = vote_best(&s->a, votes, nv, NULL, NULL);
		nv = 0;
		for (size_t q = i; q < j; q++)
			if (strcmp(s->ents[member[q]].kind, "name") != 0)
				votes[nv++] = (vote){s->ents[member[q]].kind, q, 0};
		ac->kind = nv ? vote_best(&s->a, votes, nv, NULL, NULL) : "name";
		nv = 0;
		for (size_t q = i; q < j; q++) {
			const char *r = s->ents[member[q]].role;
			if (r && !honorific(r))
				votes[nv++] = (vote){r, q, 0};
		}
		const char **roles;
		ac->role = vote_best(&s->a, votes, nv, &roles, &ac->nroles);
		ac->roles = (const char *const *)roles;
		nv = 0;
		for (size_t q = i; q < j; q++)
			if (s->ents[member[q]].affiliation)
				votes[nv++] = (vote){s->ents[member[q]].affiliation, q, 0};
		ac->affiliation = vote_best(&s->a, votes, nv, NULL, NULL);
		/* one cite per document: after the loop, the cites move into
		 * member order; members are sorted by document, then by first
		 * mention, so the first of each document is its first mention */
		for (size_t q = i; q < j; q++)
			ac->nmentions += s->ents[member[q]].nmentions;
		runs[a] = i;
		ac->ndocs = j - i; /* for now: the run's length */
		i = j;
	}
	/* the cites in member order; each actor's run starts with one cite per
	 * document */
	for (size_t i = 0; i < n; i++)
		scratch[i] = member[i];
	story_permute(s->ent_cites, scratch, n);
	for (size_t a = 0; a < s->nactors; a++) {
		corro_actor *ac = &s->actors[a];
		corro_cite *c = s->ent_cites + runs[a];
		ac->ndocs = story_per_doc(c, NULL, ac->ndocs);
		ac->first = c;
		ac->nsources = story_sources(s, c, ac->ndocs, scratch);
	}
	/* rank; members and keys follow */
	{
		size_t na = s->nactors;
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
		rank_story = s;
		qsort(order, na, sizeof *order, cmp_actor);
		for (size_t i = 0; i < na; i++) {
			sorted[i] = s->actors[order[i]];
			where[order[i]] = i;
		}
		mem_free(s->actors);
		s->actors = sorted;
		for (size_t i = 0; i < n; i++)
			if (s->ents[i].actor != SIZE_MAX)
				s->ents[i].actor = where[s->ents[i].actor];
		mem_free(order);
		mem_free(where);
	}
	/* keys for look-ups by name: every member's folded name, and the
	 * words that named one person alone */
	keys = mem_alloc((nk + ntoks + 1) * sizeof *keys);
	if (!keys)
		goto done;
	for (size_t i = 0; i < nk; i++)
		if (i == 0 || strcmp(k[i].key, k[i - 1].key) != 0)
			keys[nkeys++] = (akey){k[i].key, s->ents[k[i].ent].actor};
	{
		size_t nfull = nkeys;
		qsort(keys, nfull, sizeof *keys, cmp_akey);
		for (size_t i = 0; i < ntoks;) {
			size_t j = i;
			while (j < ntoks && strcmp(toks[j].tok, toks[i].tok) == 0)
				j++;
			if (toks[i].group == toks[j - 1].group &&
			    !bsearch(&(akey){toks[i].tok, 0}, keys, nfull, sizeof *keys,
				     cmp_akey_key)) {
				size_t a = s->ents[k[group[toks[i].group]].ent].actor;
				keys[nkeys++] = (akey){toks[i].tok, a};
			}
			i = j;
		}
	}
	qsort(keys, nkeys, sizeof *keys, cmp_akey);
	s->actor_keys = mem_alloc((nkeys ? nkeys : 1) * sizeof *s->actor_keys);
	s->actor_by_key = mem_alloc((nkeys ? nkeys : 1) * sizeof *s->actor_by_key);
	if (!s->actor_keys || !s->actor_by_key)
		goto done;
	for (size_t i = 0; i < nkeys; i++) {
		s->actor_keys[i] = arena_strndup(&s->a, keys[i].key, strlen(keys[i].key));
		s->actor_by_key[i] = keys[i].actor;
	}
	s->nactor_keys = nkeys;
	st = s->a.failed ? CORRO_NOMEM : CORRO_OK;
done:
	mem_free(runs);
	mem_free(keys);
	mem_free(votes);
	mem_free(scratch);
	mem_free(member);
	mem_free(toks);
	mem_free(gkind_person);
	mem_free(redirect);
	mem_free(group);
	mem_free(k);
	arena_release(&tmp);
	return st;
}

size_t actor_lookup(const story *s, const char *name)
{
	char key[256];
	story_fold(name, strlen(name), key, sizeof key);
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

size_t corro_story_actor_count(const corro_story *cs)
{
	return ((const story *)cs)->nactors;
}

const corro_actor *corro_story_actor(const corro_story *cs, size_t i)
{
	const story *s = (const story *)cs;
	return i < s->nactors ? &s->actors[i] : NULL;
}
