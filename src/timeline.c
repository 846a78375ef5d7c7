/* timeline.c: the story's dated items in time order (prefix timeline_).
 *
 * Every time expression with a resolved value is an item with its
 * sentence; durations, centuries and values with unknown digits are not
 * dates; a time of day is its day's item.  Items are sorted by the first
 * day their value covers, so that
 * "2024", "2024-06", "2024-W25" and "2024-06-18" fall in place, coarser
 * before finer.  Items of several documents with the same value whose
 * sentences share most words (a Dice coefficient of 0.6 over their folded
 * words) are one; each item is compared with at most the last 8 items of
 * its value, so merging stays linear after the sort. */
#include "corro.h"
#include "calendar.h"
#include "mem.h"
#include "timeline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define TIMELINE_SENTENCE 300
#define TIMELINE_WORDS 32
#define TIMELINE_WINDOW 8

/* A dated time expression of one document, with its cite. */
struct timeline_item {
	const char *value;
	const char *text, *sentence_text;
	uint32_t doc, start, end, sentence_start, sentence_end;
	uint32_t day;        /* the first day it covers: YYYYMMDD */
	uint32_t quote;      /* the quote it lies in (saying_quote_around), UINT32_MAX */
	uint8_t grain;       /* coarse (0) to fine */
	uint8_t granularity; /* a corro_granularity, a time's as its day's */
	uint8_t clipped;
};

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "%04u-%02u-%02u" by hand, for a year up to 9999: once per dated
 * expression of a story and once per item of its timeline. */
static void write_day(unsigned y, unsigned m, unsigned d, char out[11])
{
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* The first day a value covers, as YYYY-MM-DD, and how fine it is (0
 * decade, 1 year, 2 season or quarter, 3 month, 4 week, 5 day).  An
 * interval goes by its start (by its end when it starts with a duration:
 * "PXW/2024-10-18").  Returns 0, or -1 for what is no date. */
int timeline_sort_key(const char *v, char out[11], int *grain)
{
	char part[32];
	const char *slash = strchr(v, '/');
	size_t n = slash ? (size_t)(slash - v) : strlen(v);
	if (slash && v[0] == 'P') {
		v = slash + 1;
		n = strlen(v);
	}
	if (n < 4 || n >= sizeof part)
		return -1;
	memcpy(part, v, n);
	part[n] = '\0';
	if (n == 4 && digits(part, 3) && part[3] == 'X') { /* 195X */
		part[3] = '0';
		*grain = 0;
	} else if (digits(part, 4) && !strchr(part, 'X')) {
		*grain = 1;
	} else {
		return -1;
	}
	long y = strtol(part, NULL, 10);
	unsigned m = 1, d = 1;
	if (n > 4) {
		if (part[4] != '-')
			return -1;
		const char *r = part + 5;
		size_t rn = n - 5;
		if (rn == 2 && digits(r, 2)) {
			m = (unsigned)strtoul(r, NULL, 10);
			*grain = 3;
		} else if ((rn == 5 || (rn > 6 && r[5] == 'T')) && digits(r, 2) && r[2] == '-' &&
			   digits(r + 3, 2)) { /* a day, or a time of it */
			m = (unsigned)strtoul(r, NULL, 10);
			d = (unsigned)strtoul(r + 3, NULL, 10);
			*grain = 5;
		} else if (rn == 2 && r[0] == 'Q' && r[1] >= '1' && r[1] <= '4') {
			m = (unsigned)(r[1] - '1') * 3 + 1;
			*grain = 2;
		} else if (rn == 2 && (!strcmp(r, "SP") || !strcmp(r, "SU") || !strcmp(r, "FA") ||
				       !strcmp(r, "WI"))) {
			m = r[0] == 'S' ? (r[1] == 'P' ? 3 : 6) : r[0] == 'F' ? 9 : 12;
			*grain = 2;
		} else if ((rn == 3 || rn == 6) && r[0] == 'W' && digits(r + 1, 2) &&
			   (rn == 3 || !strcmp(r + 3, "-WE"))) {
			/* ISO week: week 1 holds January 4 */
			unsigned w = (unsigned)strtoul(r + 1, NULL, 10);
			if (w < 1 || w > 53)
				return -1;
			long jan4 = cal_days_from_civil(y, 1, 4);
			long wd = ((jan4 % 7) + 7 + 3) %
				  7; /* 0 Monday (1970-01-01 is a Thursday) */
			long day = jan4 - wd + 7L * (long)(w - 1) + (rn == 6 ? 5 : 0);
			long cm, cd;
			cal_civil_from_days(day, &y, &cm, &cd);
			m = (unsigned)cm;
			d = (unsigned)cd;
			*grain = 4;
		} else {
			return -1;
		}
	}
	if (m < 1 || m > 12 || d < 1 || d > 31 || y < 0 || y > 9999)
		return -1;
	write_day((unsigned)y, m, d, out);
	return 0;
}

/* A value is dated when it is resolved and not a duration or a century. */
static int dated(const corro_time *t)
{
	if (!t->value || t->unresolved || t->value[0] == 'P')
		return 0;
	if (t->granularity == CORRO_GRAN_DURATION || t->granularity == CORRO_GRAN_CENTURY)
		return 0;
	return 1;
}

/* The granularity of a timeline item: a time's is its day's (the timeline
 * is of days); what is finer than a day and no time of one is an
 * interval. */
static uint8_t grain_of(const corro_time *t, int of_day)
{
	if (of_day)
		return CORRO_GRAN_DAY;
	return (uint8_t)(t->granularity == CORRO_GRAN_TIME ? CORRO_GRAN_INTERVAL : t->granularity);
}

void timeline_init(timeline_set *s, pool *p, const saying_set *sayings)
{
	memset(s, 0, sizeof *s);
	s->p = p;
	s->sayings = sayings;
}

void timeline_free(timeline_set *s)
{
	mem_free(s->times);
	mem_free(s->timeline);
	mem_free(s->timeline_cites);
	memset(s, 0, sizeof *s);
}

corro_status timeline_add(timeline_set *s, size_t d, const char *text, size_t len,
			  const corro_result *res, size_t quote0)
{
	(void)len;
	size_t nt = corro_result_time_count(res), ns = corro_result_sentences(res);
	for (size_t i = 0; i < nt; i++) {
		const corro_time *t = corro_result_time(res, i);
		char key[11];
		int grain;
		if (!dated(t) || timeline_sort_key(t->value, key, &grain)) {
			/* "last week" in a document with no date, not "a decade" */
			if (!t->value || t->unresolved)
				s->undated++;
			continue;
		}
		if (VEC_GROW(s->times, s->ntimes, s->captimes, timeline_item))
			return CORRO_NOMEM;
		timeline_item *it = &s->times[s->ntimes++];
		memset(it, 0, sizeof *it);
		/* the timeline is of days: a time of day ("6pm on Tuesday",
		 * "2024-10-15T18:00") is its day's */
		int of_day = t->granularity == CORRO_GRAN_TIME && strlen(t->value) > 10 &&
			     t->value[10] == 'T';
		it->value = pool_str(s->p, t->value, of_day ? 10 : strlen(t->value));
		it->granularity = grain_of(t, of_day);
		it->day = (uint32_t)strtoul(key, NULL, 10) * 10000 +
			  (uint32_t)strtoul(key + 5, NULL, 10) * 100 +
			  (uint32_t)strtoul(key + 8, NULL, 10);
		it->grain = (uint8_t)grain;
		/* the quote it lies in: the last one of the document that starts
		 * before it, or one of the few before that (a reported clause may
		 * hold a direct quote) */
		it->quote = saying_quote_around(s->sayings, quote0, t->span.start, t->span.end);
		/* its sentence */
		corro_span sp = {t->span.start, t->span.end};
		size_t lo = 0, hi = ns;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (corro_result_sentence(res, mid).end <= t->span.start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < ns) {
			corro_span ss = corro_result_sentence(res, lo);
			if (ss.start <= t->span.start && ss.end >= t->span.end)
				sp = ss;
		}
		it->doc = (uint32_t)d;
		it->start = (uint32_t)t->span.start;
		it->end = (uint32_t)t->span.end;
		it->text = pool_str(s->p, text + t->span.start, t->span.end - t->span.start);
		pool_window w;
		if (pool_cite_sentence(s->p, &w, text, sp, t->span.start, t->span.end,
				       TIMELINE_SENTENCE))
			return CORRO_NOMEM;
		it->sentence_start = (uint32_t)w.span.start;
		it->sentence_end = (uint32_t)w.span.end;
		it->sentence_text = w.text;
		it->clipped = (uint8_t)w.clipped;
	}
	return pool_failed(s->p) ? CORRO_NOMEM : CORRO_OK;
}

/* ---- build ---- */

/* What the times are sorted by, beside each (the sort then reads no item:
 * a story's items are too many to visit in every step). */
typedef struct time_key {
	uint32_t day;
	uint8_t grain;
	const char *value;
	size_t idx; /* the item: the order they were added in (documents, then
		     * text) breaks ties */
} time_key;

static int cmp_time(const void *pa, const void *pb)
{
	const time_key *a = pa, *b = pb;
	int c;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->grain != b->grain)
		return a->grain - b->grain;
	if (a->value != b->value && (c = strcmp(a->value, b->value)))
		return c;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* The distinct folded words of a sentence (at most TIMELINE_WORDS, as
 * 32-bit hashes), sorted. */
static size_t word_set(const char *s, uint32_t *w)
{
	size_t n = 0;
	for (const char *p = s; *p && n < TIMELINE_WORDS;) {
		while (*p && !((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') ||
			       ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			p++;
		if (!*p)
			break;
		uint32_t h = 2166136261u;
		while ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		       ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {
			h = (h ^ (unsigned char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p)) *
			    16777619u;
			p++;
		}
		/* insertion, keeping the set sorted and distinct */
		size_t k = n;
		while (k > 0 && w[k - 1] > h)
			k--;
		if (k > 0 && w[k - 1] == h)
			continue;
		memmove(w + k + 1, w + k, (n - k) * sizeof *w);
		w[k] = h;
		n++;
	}
	return n;
}

/* Near-same: a Dice coefficient of 0.6 or more. */
static int near_same(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t small = na < nb ? na : nb;
	if (na + nb == 0 || 10 * 2 * small < 6 * (na + nb))
		return 0;
	size_t i = 0, j = 0, common = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j])
			common++, i++, j++;
		else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return 10 * 2 * common >= 6 * (na + nb);
}

corro_status timeline_build(timeline_set *s, const corro_source_doc *docs)
{
	corro_status st = CORRO_NOMEM;
	size_t n = s->ntimes;
	size_t *order = mem_alloc((n ? n : 1) * sizeof *order);
	size_t *rep = mem_alloc((n ? n : 1) * sizeof *rep); /* position -> group's first */
	size_t *nw = mem_alloc((n ? n : 1) * sizeof *nw);
	uint32_t *words = NULL; /* the word sets of one run of a value */
	size_t capwords = 0;
	size_t *scratch = mem_alloc((n ? n : 1) * sizeof *scratch);
	if (!order || !rep || !nw || !scratch)
		goto done;
	time_key *tk = mem_alloc((n ? n : 1) * sizeof *tk);
	if (!tk)
		goto done;
	for (size_t i = 0; i < n; i++)
		tk[i] = (time_key){s->times[i].day, s->times[i].grain, s->times[i].value, i};
	qsort(tk, n, sizeof *tk, cmp_time);
	for (size_t i = 0; i < n; i++)
		order[i] = tk[i].idx;
	mem_free(tk);
	/* groups: within a run of one value, each item joins the latest of
	 * the last few groups whose sentence is near-same */
	size_t ngroups = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		const char *v = s->times[order[i]].value;
		while (j < n &&
		       (s->times[order[j]].value == v || strcmp(s->times[order[j]].value, v) == 0))
			j++;
		if (j - i > 1 && j - i > capwords) {
			mem_free(words);
			capwords = j - i;
			words = mem_alloc(capwords * TIMELINE_WORDS * sizeof *words);
			if (!words)
				goto done;
		}
		for (size_t q = i; j - i > 1 && q < j; q++)
			nw[q] = word_set(s->times[order[q]].sentence_text,
					 words + (q - i) * TIMELINE_WORDS);
		size_t heads[TIMELINE_WINDOW], nh = 0;
		for (size_t q = i; q < j; q++) {
			size_t g = SIZE_MAX;
			for (size_t h = nh; h-- > 0;)
				if (near_same(words + (heads[h] - i) * TIMELINE_WORDS, nw[heads[h]],
					      words + (q - i) * TIMELINE_WORDS, nw[q])) {
					g = heads[h];
					break;
				}
			if (g == SIZE_MAX) {
				g = q;
				ngroups++;
				if (nh == TIMELINE_WINDOW) {
					memmove(heads, heads + 1, (nh - 1) * sizeof *heads);
					nh--;
				}
				heads[nh++] = q;
			}
			rep[q] = g;
		}
		i = j;
	}
	s->timeline = mem_alloc((ngroups ? ngroups : 1) * sizeof *s->timeline);
	if (!s->timeline)
		goto done;
	s->ntimeline = 0;
	/* members by group, groups in the order of their first member (time
	 * order), members in position order (document order within a value):
	 * a counting sort on the group */
	size_t *count = scratch, *byg = nw; /* nw is spent */
	memset(count, 0, n * sizeof *count);
	for (size_t i = 0; i < n; i++)
		count[rep[i]]++;
	size_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		size_t c = count[i];
		count[i] = sum;
		sum += c;
	}
	for (size_t i = 0; i < n; i++)
		byg[count[rep[i]]++] = i;
	/* each group is a run of byg, in time order; an item cites the first
	 * member of each document (members follow documents within a value) */
	size_t ncites = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && rep[byg[j]] == rep[byg[i]])
			j++;
		const timeline_item *first = &s->times[order[byg[i]]];
		corro_dated *dt = &s->timeline[s->ntimeline++];
		memset(dt, 0, sizeof *dt);
		dt->value = first->value;
		dt->granularity = (corro_granularity)first->granularity;
		char day[11];
		write_day(first->day / 10000, first->day / 100 % 100, first->day % 100, day);
		dt->sort = pool_str(s->p, day, 10);
		if (first->quote != UINT32_MAX)
			dt->speaker = saying_speaker_of_quote(s->sayings, first->quote);
		for (size_t q = i; q < j; q++) {
			uint32_t doc = s->times[order[byg[q]]].doc;
			if (q == i || doc != s->times[order[byg[q - 1]]].doc)
				scratch[dt->ndocs++] = docs[doc].cluster;
		}
		dt->nsources = pool_distinct(scratch, dt->ndocs);
		dt->ncites = dt->ndocs < CORRO_STORY_CITES ? dt->ndocs : CORRO_STORY_CITES;
		ncites += dt->ncites;
		i = j;
	}
	s->timeline_cites = mem_alloc((ncites ? ncites : 1) * sizeof *s->timeline_cites);
	if (!s->timeline_cites)
		goto done;
	corro_cite *c = s->timeline_cites;
	for (size_t t = 0, i = 0; t < s->ntimeline; t++) {
		corro_dated *dt = &s->timeline[t];
		size_t j = i, kept = 0;
		while (j < n && rep[byg[j]] == rep[byg[i]])
			j++;
		dt->cites = c;
		for (size_t q = i; q < j && kept < dt->ncites; q++) {
			const timeline_item *it = &s->times[order[byg[q]]];
			if (kept && c[-1].doc == it->doc)
				continue;
			*c++ = (corro_cite){.doc = it->doc,
					    .span = {it->start, it->end},
					    .text = it->text,
					    .sentence = {it->sentence_start, it->sentence_end},
					    .sentence_text = it->sentence_text,
					    .clipped = it->clipped};
			kept++;
		}
		i = j;
	}
	/* the records are spent */
	mem_free(s->times);
	s->times = NULL;
	st = pool_failed(s->p) ? CORRO_NOMEM : CORRO_OK;
done:
	mem_free(scratch);
	mem_free(words);
	mem_free(nw);
	mem_free(rep);
	mem_free(order);
	return st;
}

size_t timeline_count(const timeline_set *s)
{
	return s->ntimeline;
}

const corro_dated *timeline_get(const timeline_set *s, size_t i)
{
	return i < s->ntimeline ? &s->timeline[i] : NULL;
}

size_t timeline_undated(const timeline_set *s)
{
	return s->undated;
}
