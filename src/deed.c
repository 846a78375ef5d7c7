/* deed.c: who did what in the story (prefix deed_): the events of all its
 * documents, with their actors and targets renamed to the story's actors,
 * grouped by (actor, action, verb, target, negated, hypothetical) with a
 * sort, so n log n. */
#include "corro.h"
#include "mem.h"
#include "story.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DEED_SENTENCE 300

typedef struct named {
	const char *name;
	size_t ent;
} named;

static int cmp_named(const void *pa, const void *pb)
{
	return strcmp(((const named *)pa)->name, ((const named *)pb)->name);
}

static size_t find_ent(const named *v, size_t n, const char *name)
{
	if (!name)
		return SIZE_MAX;
	named probe = {name, 0};
	const named *hit = bsearch(&probe, v, n, sizeof *v, cmp_named);
	return hit ? hit->ent : SIZE_MAX;
}

static const char *dup(story *s, const char *p)
{
	return p ? story_str(s, p, strlen(p)) : NULL;
}

corro_status deed_add(story *s, size_t d, const char *text, size_t len,
		      const corro_result *res)
{
	(void)len;
	size_t nev = corro_result_event_count(res);
	if (!nev)
		return CORRO_OK;
	/* the document's entities by canonical name */
	size_t ne = corro_result_entity_count(res);
	named *v = mem_alloc((ne ? ne : 1) * sizeof *v);
	if (!v)
		return CORRO_NOMEM;
	size_t nv = 0;
	for (size_t i = 0; i < ne; i++)
		if (s->entmap[i] != SIZE_MAX)
			v[nv++] = (named){corro_result_entity(res, i)->name, s->entmap[i]};
	qsort(v, nv, sizeof *v, cmp_named);
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < nev; i++) {
		const corro_event *e = corro_result_event(res, i);
		if (VEC_GROW(s->events, s->nevents, s->capevents, story_event) ||
		    VEC_GROW(s->event_cites, s->nevents, s->capevent_cites, corro_cite)) {
			st = CORRO_NOMEM;
			break;
		}
		story_event *se = &s->events[s->nevents];
		corro_cite *c = &s->event_cites[s->nevents++];
		memset(se, 0, sizeof *se);
		memset(c, 0, sizeof *c);
		se->action = dup(s, e->action);
		se->verb = dup(s, e->verb);
		se->time = dup(s, e->time);
		se->place = dup(s, e->place);
		se->actor = dup(s, e->actor);
		se->target = dup(s, e->target);
		se->actor_ent = find_ent(v, nv, e->actor);
		se->target_ent = find_ent(v, nv, e->target);
		se->negated = e->negated != 0;
		se->hypothetical = e->hypothetical != 0;
		c->doc = d;
		c->span = e->text;
		c->text = story_str(s, text + e->text.start, e->text.end - e->text.start);
		story_window w;
		if (story_cite_sentence(s, &w, text, e->sentence, e->text.start, e->text.end,
					DEED_SENTENCE)) {
			st = CORRO_NOMEM;
			break;
		}
		c->sentence = w.span;
		c->sentence_text = w.text;
		c->clipped = w.clipped;
	}
	mem_free(v);
	if (st == CORRO_OK && s->a.failed)
		st = CORRO_NOMEM;
	return st;
}

/* ---- build ---- */

typedef struct ekey {
	const char *actor, *target; /* story names */
	int named;                  /* how many of them are story actors */
	size_t event;
} ekey;

static const story *sort_story; /* build is not reentrant */

static int cmp_opt(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_ekey_group(const ekey *a, const ekey *b)
{
	const story_event *x = &sort_story->events[a->event];
	const story_event *y = &sort_story->events[b->event];
	int c;
	if ((c = cmp_opt(a->actor, b->actor)) || (c = cmp_opt(x->action, y->action)) ||
	    (c = cmp_opt(x->verb, y->verb)) || (c = cmp_opt(a->target, b->target)))
		return c;
	if (x->negated != y->negated)
		return x->negated - y->negated;
	return x->hypothetical - y->hypothetical;
}

static int cmp_ekey(const void *pa, const void *pb)
{
	const ekey *a = pa, *b = pb;
	int c = cmp_ekey_group(a, b);
	if (c)
		return c;
	return a->event < b->event ? -1 : a->event > b->event;
}

static int cmp_pstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The most common non-NULL string of v[0..n) (reorders v); ties: the
 * smallest. */
static const char *most_common(const char **v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i])
			v[k++] = v[i];
	qsort(v, k, sizeof *v, cmp_pstr);
	const char *best = NULL;
	size_t bestn = 0;
	for (size_t i = 0; i < k;) {
		size_t j = i;
		while (j < k && strcmp(v[j], v[i]) == 0)
			j++;
		if (j - i > bestn) {
			bestn = j - i;
			best = v[i];
		}
		i = j;
	}
	return best;
}

typedef struct drank {
	size_t nsources, ndocs, first, start;
	int named; /* 2: actor and target are story actors, 1: one is */
	corro_deed d;
} drank;

static int cmp_drank(const void *pa, const void *pb)
{
	const drank *a = pa, *b = pb;
	if (a->nsources != b->nsources)
		return a->nsources > b->nsources ? -1 : 1;
	if (a->named != b->named)
		return a->named > b->named ? -1 : 1;
	if (a->ndocs != b->ndocs)
		return a->ndocs > b->ndocs ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

corro_status deed_build(story *s)
{
	corro_status st = CORRO_NOMEM;
	size_t n = s->nevents;
	ekey *k = mem_alloc((n ? n : 1) * sizeof *k);
	size_t *scratch = mem_alloc((n ? n : 1) * sizeof *scratch);
	const char **strs = mem_alloc((n ? n : 1) * sizeof *strs);
	drank *r = NULL;
	size_t nr = 0;
	if (!k || !scratch || !strs)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const story_event *e = &s->events[i];
		size_t a = actor_of_name(s, e->actor_ent);
		size_t t = actor_of_name(s, e->target_ent);
		if (a == SIZE_MAX && e->actor)
			a = actor_lookup(s, e->actor);
		if (t == SIZE_MAX && e->target)
			t = actor_lookup(s, e->target);
		k[i].actor = a != SIZE_MAX ? s->actors[a].name : e->actor;
		k[i].target = t != SIZE_MAX ? s->actors[t].name : e->target;
		k[i].named = (a != SIZE_MAX) + (t != SIZE_MAX);
		k[i].event = i;
	}
	sort_story = s;
	qsort(k, n, sizeof *k, cmp_ekey);
	r = mem_alloc((n ? n : 1) * sizeof *r);
	if (!r)
		goto done;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && cmp_ekey_group(&k[j], &k[i]) == 0)
			j++;
		const story_event *e0 = &s->events[k[i].event];
		drank *dr = &r[nr++];
		memset(dr, 0, sizeof *dr);
		corro_deed *dd = &dr->d;
		dd->actor = k[i].actor;
		dd->target = k[i].target;
		dd->action = e0->action;
		dd->verb = e0->verb;
		dd->negated = e0->negated;
		dd->hypothetical = e0->hypothetical;
		/* times that are dates: "XXXX-06" and a century say too little */
		for (size_t q = i; q < j; q++) {
			const char *t = s->events[k[q].event].time;
			char key[11];
			int grain;
			strs[q - i] = t && !timeline_sort_key(t, key, &grain) ? t : NULL;
		}
		dd->time = most_common(strs, j - i);
		for (size_t q = i; q < j; q++)
			strs[q - i] = s->events[k[q].event].place;
		dd->place = most_common(strs, j - i);
		dr->start = i;
		dr->named = k[i].named;
		dd->ncites = j - i; /* for now: the run's length */
		dr->first = k[i].event;
		i = j;
	}
	/* the cites in group order (members follow documents: k is sorted by
	 * event index within a group), one per document first */
	for (size_t i = 0; i < n; i++)
		scratch[i] = k[i].event;
	story_permute(s->event_cites, scratch, n);
	for (size_t g = 0; g < nr; g++) {
		corro_deed *dd = &r[g].d;
		corro_cite *c = s->event_cites + r[g].start;
		dd->ncites = dd->ndocs = story_per_doc(c, NULL, dd->ncites);
		dd->cites = c;
		dd->nsources = story_sources(s, c, dd->ncites, scratch);
		r[g].nsources = dd->nsources;
		r[g].ndocs = dd->ndocs;
	}
	qsort(r, nr, sizeof *r, cmp_drank);
	s->deeds = mem_alloc((nr ? nr : 1) * sizeof *s->deeds);
	if (!s->deeds)
		goto done;
	for (size_t i = 0; i < nr; i++)
		s->deeds[i] = r[i].d;
	s->ndeeds = nr;
	st = s->a.failed ? CORRO_NOMEM : CORRO_OK;
done:
	mem_free(r);
	mem_free(strs);
	mem_free(scratch);
	mem_free(k);
	return st;
}

size_t corro_story_deed_count(const corro_story *cs)
{
	return ((const story *)cs)->ndeeds;
}

const corro_deed *corro_story_deed(const corro_story *cs, size_t i)
{
	const story *s = (const story *)cs;
	return i < s->ndeeds ? &s->deeds[i] : NULL;
}
