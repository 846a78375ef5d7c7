/* deed.c: who did what in the story (prefix deed_): the events of all its
 * documents, with their actors and targets renamed to the story's actors,
 * grouped by (actor, action, target, negated, hypothetical), so that
 * outlets that word one act differently ("sent troops", "deployed
 * soldiers") support one deed, each wording listed with its documents.
 *
 * An event that names no target joins the deed of its actor, action,
 * negation and hypothesis that names one, when exactly one target is
 * named for them: "North Korea has sent troops" is the act another
 * sentence tells as "North Korea sent troops to Russia".  With two targets
 * it cannot tell which, and stays apart.  Negation and hypothesis are part
 * of the key, so a denied or possible act never joins one told as done.
 * Grouping sorts: n log n. */
#include "corro.h"
#include "mem.h"
#include "deed.h"
#include "timeline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DEED_SENTENCE 300

/* An event of one document. */
struct deed_event {
	const char *action, *verb, *time, *place;
	const char *actor, *target; /* as the document names them */
	const char *text, *sentence_text;
	size_t actor_ent, target_ent; /* actor names; SIZE_MAX: none */
	uint32_t doc, start, end, sentence_start, sentence_end;
	uint8_t negated, hypothetical, clipped;
};

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

static const char *dup(deed_set *s, const char *p)
{
	return p ? pool_str(s->p, p, strlen(p)) : NULL;
}

void deed_init(deed_set *s, pool *p, const actor_set *actors)
{
	memset(s, 0, sizeof *s);
	s->p = p;
	s->actors = actors;
}

void deed_free(deed_set *s)
{
	mem_free(s->events);
	mem_free(s->deeds);
	mem_free(s->deed_verbs);
	mem_free(s->deed_cites);
	memset(s, 0, sizeof *s);
}

corro_status deed_add(deed_set *s, size_t d, const char *text, size_t len, const corro_result *res)
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
		if (actor_entity_name(s->actors, i) != SIZE_MAX)
			v[nv++] = (named){corro_result_entity(res, i)->name,
					  actor_entity_name(s->actors, i)};
	if (nv) /* no qsort of an empty list */
		qsort(v, nv, sizeof *v, cmp_named);
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < nev; i++) {
		const corro_event *e = corro_result_event(res, i);
		if (VEC_GROW(s->events, s->nevents, s->capevents, deed_event)) {
			st = CORRO_NOMEM;
			break;
		}
		deed_event *se = &s->events[s->nevents++];
		memset(se, 0, sizeof *se);
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
		se->doc = (uint32_t)d;
		se->start = (uint32_t)e->text.start;
		se->end = (uint32_t)e->text.end;
		se->text = pool_str(s->p, text + e->text.start, e->text.end - e->text.start);
		pool_window w;
		if (pool_cite_sentence(s->p, &w, text, e->sentence, e->text.start, e->text.end,
				       DEED_SENTENCE)) {
			st = CORRO_NOMEM;
			break;
		}
		se->sentence_start = (uint32_t)w.span.start;
		se->sentence_end = (uint32_t)w.span.end;
		se->sentence_text = w.text;
		se->clipped = (uint8_t)w.clipped;
	}
	mem_free(v);
	if (st == CORRO_OK && pool_failed(s->p))
		st = CORRO_NOMEM;
	return st;
}

/* ---- build ---- */

typedef struct ekey {
	const char *actor, *target; /* story names, or the event's words */
	unsigned actor_named : 1;   /* actor is a story actor */
	unsigned target_named : 1;
	size_t event;
	size_t group; /* after grouping */
} ekey;

static _Thread_local const deed_set *sort_set; /* for the comparators */

static int cmp_opt(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Everything of the key but the target. */
static int cmp_ekey_act(const ekey *a, const ekey *b)
{
	const deed_event *x = &sort_set->events[a->event];
	const deed_event *y = &sort_set->events[b->event];
	int c;
	if ((c = cmp_opt(a->actor, b->actor)) || (c = cmp_opt(x->action, y->action)))
		return c;
	if (x->negated != y->negated)
		return x->negated - y->negated;
	return x->hypothetical - y->hypothetical;
}

static int cmp_ekey_group(const ekey *a, const ekey *b)
{
	int c = cmp_ekey_act(a, b);
	return c ? c : cmp_opt(a->target, b->target);
}

static int cmp_ekey(const void *pa, const void *pb)
{
	const ekey *a = pa, *b = pb;
	int c = cmp_ekey_group(a, b);
	if (c)
		return c;
	return a->event < b->event ? -1 : a->event > b->event;
}

/* Members by group, then verb, then in document order. */
static int cmp_ekey_verb(const void *pa, const void *pb)
{
	const ekey *a = pa, *b = pb;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	int c = cmp_opt(sort_set->events[a->event].verb, sort_set->events[b->event].verb);
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
	if (k)
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

/* A time that is a date: "XXXX-06" and a century say too little. */
static int dated(const char *t)
{
	char key[11];
	int grain;
	return t && !timeline_sort_key(t, key, &grain);
}

/* A deed while it is built: its run in the keys, its verbs' run in the
 * keys sorted by verb, and its rank. */
typedef struct drank {
	size_t nsources, ndocs, first;
	int named;           /* 2: actor and target are story actors, 1: one is */
	size_t start, end;   /* its members in k */
	size_t vstart, vend; /* and in kv */
	size_t nverbs;
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

/* Verbs of a deed: used by most documents first, then first seen. */
typedef struct vrank {
	size_t first; /* its first event */
	corro_deed_verb v;
} vrank;

static int cmp_vrank(const void *pa, const void *pb)
{
	const vrank *a = pa, *b = pb;
	if (a->v.ndocs != b->v.ndocs)
		return a->v.ndocs > b->v.ndocs ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* The number of distinct documents of the events of k[i..j) (in
 * document order). */
static size_t run_docs(const deed_set *s, const ekey *k, size_t i, size_t j)
{
	size_t n = 0;
	for (size_t q = i; q < j; q++)
		n += q == i || s->events[k[q].event].doc != s->events[k[q - 1].event].doc;
	return n;
}

/* Writes the cites of the first document's first event of k[i..j), for
 * up to max documents, at *c; returns how many. */
static size_t run_cites(const deed_set *s, const ekey *k, size_t i, size_t j, size_t max,
			corro_cite *c)
{
	size_t n = 0;
	for (size_t q = i; q < j && n < max; q++) {
		const deed_event *e = &s->events[k[q].event];
		if (n && c[n - 1].doc == e->doc)
			continue;
		c[n++] = (corro_cite){.doc = e->doc,
				      .span = {e->start, e->end},
				      .text = e->text,
				      .sentence = {e->sentence_start, e->sentence_end},
				      .sentence_text = e->sentence_text,
				      .clipped = e->clipped};
	}
	return n;
}

static size_t min_cites(size_t ndocs)
{
	return ndocs < CORRO_STORY_CITES ? ndocs : CORRO_STORY_CITES;
}

corro_status deed_build(deed_set *s, const corro_source_doc *docs)
{
	corro_status st = CORRO_NOMEM;
	size_t n = s->nevents;
	ekey *k = mem_alloc((n ? n : 1) * sizeof *k);
	ekey *kv = mem_alloc((n ? n : 1) * sizeof *kv);
	size_t *scratch = mem_alloc((n ? n : 1) * sizeof *scratch);
	const char **strs = mem_alloc((2 * n + 1) * sizeof *strs); /* verbs and dates */
	drank *r = NULL;
	vrank *vr = NULL;
	size_t nr = 0;
	if (!k || !kv || !scratch || !strs)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const deed_event *e = &s->events[i];
		size_t a = actor_of_name(s->actors, e->actor_ent);
		size_t t = actor_of_name(s->actors, e->target_ent);
		if (a == SIZE_MAX && e->actor)
			a = actor_lookup(s->actors, e->actor);
		if (t == SIZE_MAX && e->target)
			t = actor_lookup(s->actors, e->target);
		k[i].actor = a != SIZE_MAX ? actor_get(s->actors, a)->name : e->actor;
		k[i].target = t != SIZE_MAX ? actor_get(s->actors, t)->name : e->target;
		k[i].actor_named = a != SIZE_MAX;
		k[i].target_named = t != SIZE_MAX;
		k[i].event = i;
	}
	sort_set = s;
	qsort(k, n, sizeof *k, cmp_ekey);
	/* an act with no target joins the one target named for its actor,
	 * action, negation and hypothesis (targets sort after no target) when
	 * an act with that target has its verb, and its date if it gives one */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && cmp_ekey_act(&k[j], &k[i]) == 0)
			j++;
		size_t t = i;
		while (t < j && !k[t].target)
			t++;
		if (k[i].actor && t > i && t < j && cmp_opt(k[t].target, k[j - 1].target) == 0) {
			/* the verbs and dates of the acts with the target */
			size_t nvb = 0, ndt = 0;
			for (size_t q = t; q < j; q++) {
				const deed_event *e = &s->events[k[q].event];
				if (e->verb)
					strs[nvb++] = e->verb;
			}
			qsort(strs, nvb, sizeof *strs, cmp_pstr);
			const char **dates = strs + nvb;
			for (size_t q = t; q < j; q++)
				if (dated(s->events[k[q].event].time))
					dates[ndt++] = s->events[k[q].event].time;
			if (ndt)
				qsort(dates, ndt, sizeof *dates, cmp_pstr);
			for (size_t q = i; q < t; q++) {
				const deed_event *e = &s->events[k[q].event];
				if (!e->verb ||
				    !bsearch(&e->verb, strs, nvb, sizeof *strs, cmp_pstr) ||
				    (dated(e->time) &&
				     !bsearch(&e->time, dates, ndt, sizeof *dates, cmp_pstr)))
					continue;
				k[q].target = k[t].target;
				k[q].target_named = k[t].target_named;
			}
		}
		i = j;
	}
	qsort(k, n, sizeof *k, cmp_ekey);
	r = mem_alloc((n ? n : 1) * sizeof *r);
	if (!r)
		goto done;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && cmp_ekey_group(&k[j], &k[i]) == 0)
			j++;
		drank *dr = &r[nr];
		memset(dr, 0, sizeof *dr);
		int an = 0, tn = 0;
		for (size_t q = i; q < j; q++) {
			k[q].group = nr;
			an |= k[q].actor_named;
			tn |= k[q].target_named;
		}
		dr->named = an + tn;
		dr->start = i;
		dr->end = j;
		dr->first = k[i].event;
		nr++;
		i = j;
	}
	/* each deed's members by verb */
	memcpy(kv, k, n * sizeof *kv);
	qsort(kv, n, sizeof *kv, cmp_ekey_verb);
	size_t nverbs = 0, ncites = 0, maxverbs = 0;
	for (size_t g = 0, q = 0; g < nr; g++) {
		drank *dr = &r[g];
		dr->vstart = q;
		while (q < n && kv[q].group == g)
			q++;
		dr->vend = q;
		dr->ndocs = run_docs(s, k, dr->start, dr->end);
		ncites += min_cites(dr->ndocs);
		for (size_t v = dr->vstart; v < dr->vend;) {
			size_t w = v;
			while (w < dr->vend && cmp_opt(s->events[kv[w].event].verb,
						       s->events[kv[v].event].verb) == 0)
				w++;
			dr->nverbs++;
			ncites += min_cites(run_docs(s, kv, v, w));
			v = w;
		}
		nverbs += dr->nverbs;
		if (dr->nverbs > maxverbs)
			maxverbs = dr->nverbs;
	}
	s->deed_verbs = mem_alloc((nverbs ? nverbs : 1) * sizeof *s->deed_verbs);
	s->deed_cites = mem_alloc((ncites ? ncites : 1) * sizeof *s->deed_cites);
	vr = mem_alloc((maxverbs ? maxverbs : 1) * sizeof *vr);
	if (!s->deed_verbs || !s->deed_cites || !vr)
		goto done;
	corro_deed_verb *dv = s->deed_verbs;
	corro_cite *c = s->deed_cites;
	for (size_t g = 0; g < nr; g++) {
		drank *dr = &r[g];
		corro_deed *dd = &dr->d;
		const deed_event *e0 = &s->events[k[dr->start].event];
		dd->actor = k[dr->start].actor;
		dd->target = k[dr->start].target;
		dd->action = e0->action;
		dd->negated = e0->negated;
		dd->hypothetical = e0->hypothetical;
		/* times that are dates */
		size_t m = dr->end - dr->start;
		for (size_t q = 0; q < m; q++) {
			const char *t = s->events[k[dr->start + q].event].time;
			strs[q] = dated(t) ? t : NULL;
		}
		dd->time = most_common(strs, m);
		for (size_t q = 0; q < m; q++)
			strs[q] = s->events[k[dr->start + q].event].place;
		dd->place = most_common(strs, m);
		/* documents, sources and the first act in each document */
		dd->ndocs = dr->ndocs;
		dd->cites = c;
		dd->ncites = run_cites(s, k, dr->start, dr->end, CORRO_STORY_CITES, c);
		c += dd->ncites;
		size_t nd = 0;
		for (size_t q = dr->start; q < dr->end; q++) {
			uint32_t doc = s->events[k[q].event].doc;
			if (q == dr->start || doc != s->events[k[q - 1].event].doc)
				scratch[nd++] = docs[doc].cluster;
		}
		dd->nsources = dr->nsources = pool_distinct(scratch, nd);
		/* the verbs, each with its documents */
		size_t nv = 0;
		for (size_t v = dr->vstart; v < dr->vend;) {
			size_t w = v;
			const char *verb = s->events[kv[v].event].verb;
			while (w < dr->vend && cmp_opt(s->events[kv[w].event].verb, verb) == 0)
				w++;
			vrank *x = &vr[nv++];
			x->first = kv[v].event;
			x->v.verb = verb;
			x->v.ndocs = run_docs(s, kv, v, w);
			x->v.cites = c;
			x->v.ncites = run_cites(s, kv, v, w, CORRO_STORY_CITES, c);
			c += x->v.ncites;
			v = w;
		}
		qsort(vr, nv, sizeof *vr, cmp_vrank);
		dd->verbs = dv;
		dd->nverbs = nv;
		for (size_t v = 0; v < nv; v++)
			*dv++ = vr[v].v;
		dd->verb = dd->verbs[0].verb;
	}
	qsort(r, nr, sizeof *r, cmp_drank);
	s->deeds = mem_alloc((nr ? nr : 1) * sizeof *s->deeds);
	if (!s->deeds)
		goto done;
	for (size_t i = 0; i < nr; i++)
		s->deeds[i] = r[i].d;
	s->ndeeds = nr;
	/* the records are spent */
	mem_free(s->events);
	s->events = NULL;
	st = pool_failed(s->p) ? CORRO_NOMEM : CORRO_OK;
done:
	mem_free(vr);
	mem_free(r);
	mem_free(strs);
	mem_free(scratch);
	mem_free(kv);
	mem_free(k);
	return st;
}

size_t deed_count(const deed_set *s)
{
	return s->ndeeds;
}

const corro_deed *deed_get(const deed_set *s, size_t i)
{
	return i < s->ndeeds ? &s->deeds[i] : NULL;
}
