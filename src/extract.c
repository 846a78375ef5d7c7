/* extract.c: the pipeline for one document: tokens -> sentences -> numbers
 * -> figures and quotes, all in one arena freed with the result. */
#include "corro.h"
#include "calendar.h"
#include "entity.h"
#include "event.h"
#include "figure.h"
#include "lexicon.h"
#include "mem.h"
#include "number.h"
#include "quantity.h"
#include "quote.h"
#include "sentence.h"
#include "timex.h"

#include <limits.h>
#include <math.h>
#include <string.h>

struct corro_result {
	arena a;
	corro_figure *figs;
	size_t nfigs;
	corro_span *sents;
	size_t nsent;
	corro_quote *quotes;
	size_t nquotes;
	corro_entity *ents;
	size_t nents;
	corro_time *times;
	size_t ntimes, captimes;
	corro_event *events;
	size_t nevents;
};

/* Runs the stages that every consumer of a text needs. */
typedef struct pipeline {
	tok_list toks;
	lex_view view;
	sent_list sents;
} pipeline;

static void pipeline_release(pipeline *p)
{
	sent_list_release(&p->sents);
	lex_view_release(&p->view);
	tok_list_release(&p->toks);
}

static corro_status pipeline_run(pipeline *p, const char *text, size_t len)
{
	memset(p, 0, sizeof *p);
	if (tok_split(&p->toks, text, len) || lex_view_init(&p->view, text, p->toks.v, p->toks.n) ||
	    sent_split(&p->sents, &p->view)) {
		pipeline_release(p);
		return CORRO_NOMEM;
	}
	return CORRO_OK;
}

static corro_status scan_times(const pipeline *p, const char *reference_date, corro_time_fn fn,
			       void *ud);

/* ---- live blogs: the time of each entry on a line of its own ---- */

typedef struct entry_time {
	size_t start, end; /* the time's bytes */
	int minute;        /* of the day */
	timex_date day;
} entry_time;

/* Does the line s[0..n) hold only a time of day: "14:05", "9.30am",
 * "00:40 BST", "4:15 p.m.", or open with one and a dash or bar: "22:30 –
 * Police say ..."?  Returns the minute of the day and sets *b and
 * *e to the time's bytes in the line, or returns -1. */
static int time_line(const char *s, size_t n, size_t *b, size_t *e)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	int minute;
	size_t len = timex_clock(s + i, n - i, &minute);
	if (!len)
		return -1;
	size_t t0 = i, t1 = i + len;
	size_t j = t1 + timex_zone(s + t1, n - t1); /* "BST", "GMT", "ET" */
	while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
		j++;
	/* or the time and a dash or bar before the entry's words: "22:30 –
	 * Police say ..." */
	size_t sep = j < n && (s[j] == '-' || s[j] == '|') ? 1
		     : j + 3 <= n && memcmp(s + j, "\xE2\x80", 2) == 0 &&
				     (s[j + 2] == '\x93' || s[j + 2] == '\x94')
			     ? 3
			     : 0;
	if (j < n && !(sep && j > t1 && j + sep < n && s[j + sep] == ' '))
		return -1;
	*b = t0;
	*e = t1;
	return minute;
}

/* The minutes from a time of day to the next entry's: forward, or a step
 * back of six hours or less (an entry out of order, costing its length),
 * else across midnight. */
static long elapsed(int from, int to)
{
	if (to >= from)
		return to - from;
	return from - to <= 360 ? from - to : to + 1440 - from;
}

/* How many days before the one the walk gave (the oldest entry on the day
 * of publication) the entries v[0..n) lie, when the publication gives its
 * time of day: the placement whose span of entries is nearest that time
 * (a page stamped 01:10 whose entries run from 18:55 to 00:55 was
 * updated last at 01:10, and began the evening before; one stamped 10:45
 * whose entries run from 07:00 to 16:05 was stamped as it ran),
 * the walk's own on a tie.  days is how many midnights the entries cross. */
static long entries_days_back(const entry_time *v, size_t n, int newest_first, long days,
			      const char *refdate)
{
	size_t r = strlen(refdate);
	int minute;
	if (r < 16 || refdate[10] != 'T' || !timex_clock(refdate + 11, r - 11, &minute))
		return 0;
	long pub = minute;
	long first = v[newest_first ? n - 1 : 0].minute;
	long last = days * 1440 + v[newest_first ? 0 : n - 1].minute;
	long best = 0, bestd = LONG_MAX;
	for (long back = 0; back <= days + 1; back++) {
		long lo = first - back * 1440, hi = last - back * 1440;
		long d = pub < lo ? lo - pub : pub > hi ? pub - hi : 0;
		if (d < bestd) {
			bestd = d;
			best = back;
		}
	}
	return best;
}

/* The entries of a live blog: lines that hold only a time of day, two or
 * more of them.  Entries run newest first or oldest first, whichever way
 * takes less time (newest first on a tie); walked oldest first, a
 * time more than six hours earlier than the one before starts the next
 * day, and the oldest entry is on the day of publication.  Sets *out (NULL
 * when the text has no such entries or no day of publication); returns the
 * count, or -1 when memory runs out. */
static long entry_times(const char *text, size_t len, const char *refdate, entry_time **out)
{
	*out = NULL;
	timex_date day;
	if (!refdate || !timex_date_parse(refdate, strlen(refdate), &day))
		return 0;
	entry_time *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t a = 0; a < len;) {
		const char *nl = memchr(text + a, '\n', len - a);
		size_t z = nl ? (size_t)(nl - text) : len, b, e;
		int m = time_line(text + a, z - a, &b, &e);
		if (m >= 0) {
			if (VEC_GROW(v, n, cap, entry_time)) {
				mem_free(v);
				return -1;
			}
			v[n].start = a + b;
			v[n].end = a + e;
			v[n].minute = m;
			n++;
		}
		a = z + 1;
	}
	if (n < 2) {
		mem_free(v);
		return 0;
	}
	/* the way that takes less time from first entry to last (a step back
	 * of six hours or less is an entry out of order and costs its
	 * length; a longer one crosses midnight); live blogs put the newest
	 * entry first, so a tie reads so */
	long oldest_first_time = 0, newest_first_time = 0;
	for (size_t i = 1; i < n; i++) {
		oldest_first_time += elapsed(v[i - 1].minute, v[i].minute);
		newest_first_time += elapsed(v[i].minute, v[i - 1].minute);
	}
	int newest_first = newest_first_time <= oldest_first_time;
	int prev = -1;
	long days = 0; /* after the oldest entry's */
	for (size_t k = 0; k < n; k++) {
		entry_time *t = &v[newest_first ? n - 1 - k : k];
		/* back by more than six hours: a new day (a smaller step back
		 * is an entry out of order) */
		if (prev >= 0 && t->minute < prev - 360) {
			day = timex_date_add(day, 1);
			days++;
		}
		t->day = day;
		prev = t->minute;
	}
	long back = entries_days_back(v, n, newest_first, days, refdate);
	for (size_t i = 0; back && i < n; i++)
		v[i].day = timex_date_add(v[i].day, -back);
	*out = v;
	return (long)n;
}

/* Writes "YYYY-MM-DDTHH:MM" of an entry into the arena. */
static const char *entry_iso(arena *a, const entry_time *t)
{
	char v[17];
	int f[5] = {t->day.y, t->day.m, t->day.d, t->minute / 60, t->minute % 60};
	static const int w[5] = {4, 2, 2, 2, 2};
	static const char sep[5] = {'-', '-', 'T', ':', '\0'};
	size_t k = 0;
	for (int i = 0; i < 5; i++) {
		for (int d = w[i] - 1, x = f[i]; d >= 0; d--, x /= 10)
			v[k + (size_t)d] = (char)('0' + x % 10);
		k += (size_t)w[i];
		if (sep[i])
			v[k++] = sep[i];
	}
	return arena_strndup(a, v, k);
}

static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

/* Does gap[0..n) hold the string s? */
static int gap_has(const char *gap, size_t n, const char *s)
{
	size_t l = strlen(s);
	for (size_t k = 0; k + l <= n; k++)
		if (memcmp(gap + k, s, l) == 0)
			return 1;
	return 0;
}

/* The length of the letters at w (before end). */
static size_t word_len(const char *w, const char *end)
{
	size_t k = 0;
	while (w + k < end && ((w[k] | 0x20) >= 'a' && (w[k] | 0x20) <= 'z'))
		k++;
	return k;
}

/* Does the gap hold a comma and a conjunction that opens another clause
 * (", and ", ", but ", ", while "; data/words.tsv CUE clause_join)? */
static int next_clause(const char *gap, size_t n)
{
	const char *end = gap + n;
	for (const char *p = gap; p + 2 < end; p++) {
		if (p[0] != ',' || p[1] != ' ')
			continue;
		size_t k = word_len(p + 2, end);
		if (p + 2 + k < end && p[2 + k] == ' ' &&
		    lex_cue_word(p + 2, k, LEX_ROLE_CLAUSE_JOIN))
			return 1;
	}
	return 0;
}

/* Does the gap between a figure and a time after it end with a
 * conjunction and at most a preposition, so that the time opens the next
 * clause ("appealed for $1.6bn and by the end of the year 71% of it ...",
 * "held 40 and on Friday freed 12")? */
static int time_opens_clause(const char *gap, size_t n)
{
	/* the last word, then at most one before it */
	for (int words = 0; words < 2; words++) {
		while (n > 0 && gap[n - 1] == ' ')
			n--;
		size_t e = n;
		while (n > 0 && ((gap[n - 1] | 0x20) >= 'a' && (gap[n - 1] | 0x20) <= 'z'))
			n--;
		if (n == e || (n > 0 && gap[n - 1] != ' '))
			return 0;
		if (lex_cue_word(gap + n, e - n, LEX_ROLE_CLAUSE_JOIN))
			return 1;
		if (!lex_cue_word(gap + n, e - n, LEX_ROLE_PREP))
			return 0;
	}
	return 0;
}

/* Does the sentence's text s[0..n), which ends where a time starts, open
 * an aside at its last comma: a participle or a relative word right after
 * it (", founded in", ", which", ", who"; data/words.tsv CUE relative)? */
static int aside_before(const char *s, size_t n)
{
	const char *c = NULL;
	for (size_t i = n; i-- > 0 && !c;)
		if (s[i] == ',')
			c = s + i;
	if (!c)
		return 0;
	const char *w = c + 1, *end = s + n;
	while (w < end && *w == ' ')
		w++;
	size_t k = word_len(w, end);
	if (k >= 4 && (memcmp(w + k - 2, "ed", 2) == 0 || memcmp(w + k - 2, "en", 2) == 0))
		return 1;
	return lex_cue_word(w, k, LEX_ROLE_RELATIVE) != NULL;
}

/* Does the gap between a figure and a time after it hold "since": the
 * time opens the period the figure was counted over ("since the quake
 * struck on Monday"), not when it was counted? */
static int since_before(const char *gap, size_t n)
{
	return gap_has(gap, n, " since ");
}

/* Does the gap after a figure compare it with another time: "44.9%, up
 * sharply on the same hour four years ago", "12%, higher than in 2019"?
 * The time after such a cue is the other value's, not the figure's.  The
 * cues are data/words.tsv CUE compare: after a comma (", up ", ", lower
 * "), or anywhere when the row's value is 1 (" than "); a comma after
 * the cue closes the comparison ("12%, higher than expected, in the
 * third quarter"). */
static int compares(const char *gap, size_t n)
{
	const char *end = gap + n;
	for (const char *p = gap; p < end; p++) {
		if (*p != ' ' || p + 1 >= end)
			continue;
		size_t k = word_len(p + 1, end);
		const lex_entry *e = k && p + 1 + k < end && p[1 + k] == ' '
					     ? lex_cue_word(p + 1, k, LEX_ROLE_COMPARE)
					     : NULL;
		if (e && (e->value == 1 || (p > gap && p[-1] == ',')) &&
		    !memchr(p + 1 + k, ',', (size_t)(end - (p + 1 + k))))
			return 1;
	}
	return 0;
}

/* Is the gap after a change the word that opens its baseline (" on ", "
 * from ", " against ", " compared with "; data/words.tsv CUE baseline)? */
static int baseline(const char *gap, size_t n)
{
	if (n < 3 || gap[0] != ' ' || gap[n - 1] != ' ')
		return 0;
	const lex_entry *e = lex_phrase(gap + 1, n - 2, LEX_BIT(LEX_CUE));
	return e && (e->roles & LEX_ROLE_BASELINE);
}

/* Does the gap between a time and a figure after it open a clause of that
 * time: "in 1998, when 33 people died", "the 2011 quake, when ..."? */
static int when_clause(const char *gap, size_t n)
{
	for (size_t k = 0; k + 6 <= n; k++)
		if (memcmp(gap + k, " when ", 6) == 0 && (k == 0 || gap[k - 1] == ',')) {
			/* the figure inside the clause, not after its comma:
			 * "since 2015, when the law changed, 300 have died" is
			 * the whole span's; a comma before a participle goes
			 * on with the clause ("when chlorine escaped, putting
			 * 14 people in hospital") */
			const char *end = gap + n;
			for (const char *c = memchr(gap + k, ',', n - k); c;
			     c = memchr(c + 1, ',', (size_t)(end - c - 1))) {
				const char *w = c + 1;
				while (w < end && *w == ' ')
					w++;
				size_t wl = word_len(w, end);
				if (wl < 5 || memcmp(w + wl - 3, "ing", 3) != 0 || *w < 'a' ||
				    *w > 'z')
					return 0;
			}
			return 1;
		}
	return 0;
}

/* Does a word of time end right before e (at the space before
 * "before"): "the day before", "the night before" tell a time of the story
 * itself, no earlier occurrence? */
static int time_word_before(const char *s0, const char *e)
{
	const char *b = e;
	while (b > s0 && ((b[-1] | 0x20) >= 'a' && (b[-1] | 0x20) <= 'z'))
		b--;
	size_t n = (size_t)(e - b);
	const lex_entry *t = n ? lex_word(b, n, LEX_BIT(LEX_TIME)) : NULL;
	/* a day or less (a part of a day, a weekday, or a unit of a day,
	 * an hour or a minute): "a decade before, when 212 died" is earlier */
	return t && (t->tag == LEX_TC_DAYPART || t->tag == LEX_TC_WEEKDAY ||
		     (t->tag == LEX_TC_UNIT && t->b &&
		      (strcmp(t->b, "day") == 0 || strcmp(t->b, "hour") == 0 ||
		       strcmp(t->b, "minute") == 0)));
}

/* The year of an ISO 8601 point ("1998", "2011-03-11"), or 0 for a range,
 * an unknown year or NULL. */
static int point_year(const char *v)
{
	if (!v || strchr(v, '/'))
		return 0;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (v[i] < '0' || v[i] > '9')
			return 0;
		y = y * 10 + (v[i] - '0');
	}
	return v[4] == '\0' || v[4] == '-' || v[4] == 'T' ? y : 0;
}

/* The gap [*a, *b) between a time and a figure, on whichever side of it the
 * time stands (*b < *a when they overlap). */
static void gap_of(const corro_span *t, const corro_span *f, size_t *a, size_t *b)
{
	*a = t->end <= f->start ? t->end : f->end;
	*b = t->end <= f->start ? f->start : t->start;
}

/* Is there a comma between a time and a figure ("The blaze, the deadliest
 * this year, killed 12": an aside)? */
static int comma_between(const char *text, const corro_span *t, const corro_span *f)
{
	size_t a, b;
	gap_of(t, f, &a, &b);
	return b > a && memchr(text + a, ',', b - a) != NULL;
}

/* Gives each figure the time its clause names: the nearest dated
 * expression of its sentence, on the same side of any ";" and within a few
 * words ("600,000 troops by October", "in June, 3,000 soldiers").  Times
 * and figures are both in text order.
 * A time that opens the sentence frames all of it when no nearer one is
 * given ("In 2017 an outbreak infected 18,000 people and killed 260").
 * Such a year, or one that a ", when" clause holding the figure hangs on
 * ("memories of 1998, when 33 people died"), dates what the clause tells:
 * before the article's year, an earlier occurrence. */
static int figures_as_of(corro_result *r, const fig *figs, const char *text, size_t len,
			 const char *refdate)
{
	int ref_year = 0; /* the article's year: "2025-05-18T09:00Z" */
	for (int i = 0; refdate && i < 4; i++) {
		if (refdate[i] < '0' || refdate[i] > '9') {
			ref_year = 0;
			break;
		}
		ref_year = ref_year * 10 + (refdate[i] - '0');
	}
	entry_time *ent;
	long nent = entry_times(text, len, refdate, &ent);
	if (nent < 0)
		return -1;
	size_t k0 = 0, e0 = 0;
	size_t narrated = SIZE_MAX; /* the sentence a narrative reached */
	for (size_t i = 0; i < r->nfigs; i++) {
		corro_figure *f = &r->figs[i];
		while (k0 < r->ntimes && r->times[k0].span.end <= f->sentence.start)
			k0++;
		while (e0 < (size_t)nent && ent[e0].end <= f->text.start)
			e0++;
		const corro_time *best = NULL;
		size_t bestd = 80; /* bytes: about a dozen words */
		/* the figure stage's year of the event ("the 2011 quake") gives
		 * way only to a nearer time */
		if (f->as_of) {
			size_t a, b;
			gap_of(&f->as_of_span, &f->text, &a, &b);
			bestd = b > a ? b - a : 0;
		}
		for (size_t k = k0; k < r->ntimes && r->times[k].span.start < f->sentence.end;
		     k++) {
			const corro_time *t = &r->times[k];
			if (!t->value || t->granularity == CORRO_GRAN_DURATION ||
			    t->span.start < f->sentence.start)
				continue;
			/* an earlier value ("up from 112 on Monday") has its
			 * own time, never the one of the figure before its cue */
			if (t->span.end <= figs[i].time_from || t->span.end <= figs[i].time_after)
				continue;
			size_t a, b;
			gap_of(&t->span, &f->text, &a, &b);
			if (b < a)
				continue; /* overlapping: the time is part of the figure */
			if (memchr(text + a, ';', b - a))
				continue;
			/* a time beyond ", and" or ", but" is of another clause
			 * ("12,000 people, and this week's floods"; "30 died
			 * there in 1998, and 12 died on Friday") */
			if (next_clause(text + a, b - a) ||
			    (t->span.start >= f->text.end && time_opens_clause(text + a, b - a)))
				continue;
			/* nor one in an aside before it: "the company, founded
			 * in 2010, will cut 300 jobs" (not "In Gaza, on Monday,
			 * 40 were killed") */
			if (t->span.end <= f->text.start && memchr(text + a, ',', b - a) &&
			    aside_before(text + f->sentence.start,
					 t->span.start - f->sentence.start))
				continue;
			/* nor the start of the count's period: "38 have died
			 * since the heatwave began on Saturday" */
			if (t->span.start >= f->text.end && since_before(text + a, b - a))
				continue;
			/* nor one after another number: "4.1%, up from 3.5% in
			 * 2023" dates the 3.5% */
			if (t->span.start >= f->text.end && has_digit(text + a, b - a))
				continue;
			/* nor one of what it is compared with, nor the
			 * baseline of a change coarser than a day ("down 6.2%
			 * on a year ago", "up 3% from last year"; "rose 4% on
			 * Monday" is Monday's) */
			if (t->span.start >= f->text.end &&
			    (compares(text + a, b - a) ||
			     ((f->hedge == CORRO_HEDGE_UP || f->hedge == CORRO_HEDGE_DOWN) &&
			      t->granularity != CORRO_GRAN_DAY && baseline(text + a, b - a))))
				continue;
			/* the figure stage's year is this time itself: read it as
			 * the clause's time ("In 2017 the fire killed 6") */
			int same = f->as_of && t->span.start == f->as_of_span.start &&
				   t->span.end == f->as_of_span.end && b - a == bestd;
			if (b - a < bestd || same) {
				bestd = b - a;
				best = t;
			}
		}
		/* a time that opens the sentence frames all of it: "In 2017
		 * an outbreak infected more than 18,000 people and killed 260" */
		if (!best && !f->as_of && k0 < r->ntimes) {
			const corro_time *t = &r->times[k0];
			if (t->value && t->granularity != CORRO_GRAN_DURATION &&
			    t->span.end > figs[i].time_from && t->span.start >= f->sentence.start &&
			    t->span.start <= f->sentence.start + 6 && /* "In 2017", "On Monday" */
			    t->span.end <= f->text.start &&
			    !memchr(text + t->span.end, ';', f->text.start - t->span.end))
				best = t;
		}
		/* an earlier value with no time of its own ("up from 112 the
		 * day before") is of an earlier count, never of the article's
		 * day */
		int undated = !best && !f->as_of &&
			      (f->occasion == CORRO_OCCASION_NONE ||
			       f->occasion == CORRO_OCCASION_INCIDENT);
		if (undated && figs[i].time_from)
			f->occasion = CORRO_OCCASION_EARLIER;
		/* a ", when" clause that hangs on "before" tells of an
		 * earlier occurrence: "we went through this before, when 212
		 * people died" */
		else if (undated) {
			const char *s0 = text + f->sentence.start, *p = text + f->text.start;
			for (const char *q = p; q - s0 >= 7; q--)
				if (memcmp(q - 7, "before,", 7) == 0 &&
				    (q - 7 == s0 || q[-8] == ' ')) {
					if (when_clause(q - 1, (size_t)(p - q + 1)) &&
					    !(q - 7 > s0 && time_word_before(s0, q - 8)))
						f->occasion = CORRO_OCCASION_EARLIER;
					break;
				}
		}
		/* else the time of the live blog's entry it is in */
		if (!best && !f->as_of && !figs[i].time_from && e0 > 0) {
			const entry_time *t = &ent[e0 - 1];
			if (!(f->as_of = entry_iso(&r->a, t))) {
				mem_free(ent);
				return -1;
			}
			f->as_of_span.start = t->start;
			f->as_of_span.end = t->end;
		}
		/* two times side by side are one: the first anchors the
		 * second ("seven years ago this summer" is a summer of 2019) */
		if (best && best > r->times && best[-1].value && point_year(best[-1].value) &&
		    best[-1].span.end <= best->span.start &&
		    best->span.start - best[-1].span.end <= 1 &&
		    strncmp(best[-1].value, best->value, 4) != 0)
			best = best - 1;
		if (best) {
			f->as_of = best->value;
			f->as_of_span = best->span;
			/* the time that opens a live blog's entry has the day the
			 * entries' order gives */
			if (e0 > 0 && ent[e0 - 1].start == best->span.start &&
			    !(f->as_of = entry_iso(&r->a, &ent[e0 - 1]))) {
				mem_free(ent);
				return -1;
			}
			int when = best->span.end <= f->text.start &&
				   when_clause(text + best->span.end,
					       f->text.start - best->span.end);
			/* "since 1998, when 33 died": the clause tells of 1998 */
			const char *slash = when ? strchr(best->value, '/') : NULL;
			if (slash && slash - best->value == 4) {
				char start[5];
				memcpy(start, best->value, 4);
				start[4] = '\0';
				if (point_year(start)) {
					f->as_of = arena_strndup(&r->a, start, 4);
					if (!f->as_of) {
						mem_free(ent);
						return -1;
					}
				}
			}
			/* a time opening the sentence: "In 2019, ..." */
			int opening = best->span.start >= f->sentence.start &&
				      best->span.start <= f->sentence.start + 6;
			/* a year, or a season or quarter of one ("the summer
			 * of 2011"): a day or a month may be last week's, across
			 * New Year ("On Tuesday", read on January 2) */
			const char *ao = f->as_of;
			int coarse = ao && strlen(ao) >= 4 &&
				     (ao[4] == '\0' ||
				      (ao[4] == '-' && ao[5] >= 'A' && ao[5] <= 'Z'));
			/* or a month or a day whose year is written out ("In
			 * August 2019", "on 3 May 2011"), unless it is recent
			 * ("on 31 December 2024", read on 2 January, is this
			 * week's: cal_recent) */
			if (ao && !coarse && !best->relative && strlen(ao) >= 7 && ao[4] == '-' &&
			    ao[5] >= '0' && ao[5] <= '9' && !strchr(ao, '/') &&
			    !cal_recent(ao, refdate))
				coarse = 1;
			char yy[5] = "";
			if (coarse) {
				memcpy(yy, ao, 4);
				yy[4] = '\0';
			}
			int y = coarse ? point_year(yy) : 0;
			/* before the article's year, the clause tells of an
			 * earlier occurrence, wherever a year written out stands
			 * ("In 2019, 97 died", "97 died in the summer of 2019",
			 * "the official toll in 2019, 97 deaths"); "last year"
			 * only opening the sentence (read on January 2, it may
			 * be last week) */
			if (y && ref_year && y < ref_year && (!best->relative || opening || when) &&
			    !f->forecast &&
			    (f->occasion == CORRO_OCCASION_NONE ||
			     f->occasion == CORRO_OCCASION_INCIDENT))
				f->occasion = CORRO_OCCASION_EARLIER;
			/* the article's whole year of a count that only grows
			 * ("620 have died on the route this year") is a running
			 * total of many occurrences, not the incident's count */
			else if (y && y == ref_year && ao[4] == '\0' && !f->forecast &&
				 f->occasion == CORRO_OCCASION_NONE && f->measure &&
				 lex_word(f->measure, strlen(f->measure), LEX_BIT(LEX_GROWS)) &&
				 !comma_between(text, &best->span, &f->text))
				f->occasion = CORRO_OCCASION_WHOLE;
		}
		/* "... the Black Gully fire took 11 lives seven years ago. It
		 * burned 52,000 hectares": a sentence whose subject is "It"
		 * goes on telling of the earlier occurrence the figures of the
		 * sentence before told of; so does one in the same paragraph
		 * whose verb goes on in the simple past ("... in 2019, the
		 * dispute dragged on for 11 days. About 27,000 workers took
		 * part") */
		const corro_figure *pf = i > 0 ? &r->figs[i - 1] : NULL;
		/* the narrative reaches one sentence on from a year its own
		 * sentence writes, and the figures of that sentence; no
		 * further */
		int narrative = pf && figs[i].narrative &&
				((pf->sentence_index + 1 == f->sentence_index &&
				  pf->as_of_span.start >= pf->sentence.start &&
				  pf->sentence.end <= f->sentence.start &&
				  !memchr(text + pf->sentence.end, '\n',
					  f->sentence.start - pf->sentence.end)) ||
				 narrated == f->sentence_index);
		if (!f->as_of && !f->event && f->occasion == CORRO_OCCASION_NONE && pf &&
		    pf->occasion == CORRO_OCCASION_EARLIER && pf->as_of &&
		    (pf->sentence_index + 1 == f->sentence_index ||
		     pf->sentence_index == f->sentence_index) &&
		    (figs[i].it_subject || narrative)) {
			if (narrative)
				narrated = f->sentence_index;
			f->occasion = CORRO_OCCASION_EARLIER;
			f->event = pf->event;
			f->event_span = pf->event_span;
			f->as_of = pf->as_of;
			f->as_of_span = pf->as_of_span;
		}
	}
	mem_free(ent);
	return 0;
}

/* "2024-10-18..." as 20241018, or 0. */
static long doc_date(const char *d)
{
	long v = 0;
	int digits = 0;
	for (; d && *d && digits < 8; d++) {
		if (*d >= '0' && *d <= '9') {
			v = v * 10 + (*d - '0');
			digits++;
		} else if (*d != '-' || (digits != 4 && digits != 6)) {
			break;
		}
	}
	return digits == 8 ? v : 0;
}

/* Keeps a time expression in the result (its value copied to the arena). */
static corro_status keep_time(void *ud, const corro_time *t)
{
	corro_result *r = ud;
	if (VEC_GROW(r->times, r->ntimes, r->captimes, corro_time))
		return CORRO_NOMEM;
	corro_time *ct = &r->times[r->ntimes++];
	*ct = *t;
	ct->value = t->value ? arena_strndup(&r->a, t->value, strlen(t->value)) : NULL;
	return r->a.failed ? CORRO_NOMEM : CORRO_OK;
}

corro_status corro_extract(const corro_doc *doc, corro_result **out)
{
	return corro_extract_opts(doc, NULL, out);
}

corro_status corro_extract_opts(const corro_doc *doc, const corro_options *opt, corro_result **out)
{
	*out = NULL;
	if (!doc)
		return CORRO_INVALID;
	const char *refdate = corro_doc_meta(doc)->published;
	/* a wire dateline's day with no year ("XXXX-11-04") resolves
	 * nothing: the caller's reference day does */
	if ((!refdate || strncmp(refdate, "XXXX", 4) == 0) && opt && opt->reference_date)
		refdate = opt->reference_date;
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	pipeline p;
	corro_status st = pipeline_run(&p, text, len);
	if (st)
		return st;
	corro_result *r = mem_alloc(sizeof *r);
	if (!r) {
		pipeline_release(&p);
		return CORRO_NOMEM;
	}
	memset(r, 0, sizeof *r);
	arena_init(&r->a);
	fig_list figs = {0};
	if (opt && opt->names_only) {
		if (ent_document(&p.view, &p.sents, &r->a, &r->ents, &r->nents)) {
			st = CORRO_NOMEM;
			goto fail;
		}
		pipeline_release(&p);
		*out = r;
		return CORRO_OK;
	}
	for (size_t i = 0; i < p.sents.n; i++) {
		if (fig_sentence(&figs, &p.view, &p.sents.v[i], i ? &p.sents.v[i - 1] : NULL, i,
				 &r->a)) {
			st = CORRO_NOMEM;
			goto fail;
		}
	}
	if (r->a.failed) {
		st = CORRO_NOMEM;
		goto fail;
	}
	if (scan_times(&p, refdate, keep_time, r)) {
		st = CORRO_NOMEM;
		goto fail;
	}
	if (ent_document(&p.view, &p.sents, &r->a, &r->ents, &r->nents)) {
		st = CORRO_NOMEM;
		goto fail;
	}
	quote_list quotes = {0};
	if (quote_find(&quotes, &p.view, &p.sents, &r->a)) {
		quote_list_release(&quotes);
		st = CORRO_NOMEM;
		goto fail;
	}
	r->nquotes = quotes.n;
	if (quotes.n) {
		r->quotes = arena_alloc(&r->a, quotes.n * sizeof *r->quotes);
		if (r->quotes)
			memcpy(r->quotes, quotes.v, quotes.n * sizeof *r->quotes);
	}
	quote_list_release(&quotes);
	if (r->a.failed) {
		st = CORRO_NOMEM;
		goto fail;
	}
	r->nsent = p.sents.n;
	if (p.sents.n) {
		r->sents = arena_alloc(&r->a, p.sents.n * sizeof *r->sents);
		if (!r->sents) {
			st = CORRO_NOMEM;
			goto fail;
		}
		for (size_t i = 0; i < p.sents.n; i++) {
			r->sents[i].start = p.sents.v[i].start;
			r->sents[i].end = p.sents.v[i].end;
		}
	}
	r->nfigs = figs.n;
	if (figs.n) {
		r->figs = arena_alloc(&r->a, figs.n * sizeof *r->figs);
		if (!r->figs) {
			st = CORRO_NOMEM;
			goto fail;
		}
		for (size_t i = 0; i < figs.n; i++)
			r->figs[i] = figs.v[i].f;
	}
	if (figures_as_of(r, figs.v, text, len, refdate)) {
		st = CORRO_NOMEM;
		goto fail;
	}
	{
		ev_input in;
		memset(&in, 0, sizeof in);
		in.v = &p.view;
		in.sents = &p.sents;
		in.ents = r->ents;
		in.nents = r->nents;
		in.times = r->times;
		in.ntimes = r->ntimes;
		in.figs = r->figs;
		in.nfigs = r->nfigs;
		in.dict = opt ? opt->cameo : NULL;
		in.date = doc_date(refdate);
		if (ev_document(&in, &r->a, &r->events, &r->nevents)) {
			st = CORRO_NOMEM;
			goto fail;
		}
	}
	fig_list_release(&figs);
	pipeline_release(&p);
	*out = r;
	return CORRO_OK;
fail:
	fig_list_release(&figs);
	pipeline_release(&p);
	corro_result_free(r);
	return st;
}

void corro_result_free(corro_result *res)
{
	if (!res)
		return;
	mem_free(res->times);
	arena_release(&res->a);
	mem_free(res);
}

/* Moves pointer field p to where arena_pack put its bytes. */
#define MOVE(m, p) ((p) = arena_moved((m), (p)))

size_t corro_result_shrink(corro_result *res)
{
	if (!res)
		return 0;
	if (!res->ntimes) {
		mem_free(res->times);
		res->times = NULL;
		res->captimes = 0;
	} else if (res->ntimes < res->captimes) {
		corro_time *t = mem_realloc(res->times, res->ntimes * sizeof *t);
		if (t) { /* else kept as it was */
			res->times = t;
			res->captimes = res->ntimes;
		}
	}
	arena_moves m;
	size_t bytes = sizeof *res + res->captimes * sizeof *res->times + arena_pack(&res->a, &m);
	if (!m.n)
		return bytes;
	MOVE(&m, res->figs);
	MOVE(&m, res->sents);
	MOVE(&m, res->quotes);
	MOVE(&m, res->ents);
	MOVE(&m, res->events);
	for (size_t i = 0; i < res->nfigs; i++) {
		corro_figure *f = &res->figs[i];
		MOVE(&m, f->unit);
		MOVE(&m, f->currency);
		MOVE(&m, f->kind);
		MOVE(&m, f->per);
		MOVE(&m, f->predicate);
		MOVE(&m, f->actor);
		MOVE(&m, f->source);
		MOVE(&m, f->as_of);
		MOVE(&m, f->measure);
		MOVE(&m, f->scope);
		MOVE(&m, f->event);
		MOVE(&m, f->target);
		MOVE(&m, f->of);
	}
	for (size_t i = 0; i < res->nents; i++) {
		corro_entity *e = &res->ents[i];
		MOVE(&m, e->name);
		MOVE(&m, e->role);
		MOVE(&m, e->affiliation);
		MOVE(&m, e->mentions);
	}
	for (size_t i = 0; i < res->nquotes; i++) {
		corro_quote *q = &res->quotes[i];
		MOVE(&m, q->speaker);
		MOVE(&m, q->affiliation);
		MOVE(&m, q->channel);
	}
	for (size_t i = 0; i < res->nevents; i++) {
		corro_event *e = &res->events[i];
		MOVE(&m, e->action);
		MOVE(&m, e->verb);
		MOVE(&m, e->cameo);
		MOVE(&m, e->actor);
		MOVE(&m, e->actor_code);
		MOVE(&m, e->target);
		MOVE(&m, e->target_code);
		MOVE(&m, e->time);
		MOVE(&m, e->place);
		MOVE(&m, e->figures);
	}
	for (size_t i = 0; i < res->ntimes; i++)
		MOVE(&m, res->times[i].value);
	return bytes;
}

size_t corro_result_sentences(const corro_result *res)
{
	return res->nsent;
}

size_t corro_result_time_count(const corro_result *res)
{
	return res->ntimes;
}

const corro_time *corro_result_time(const corro_result *res, size_t i)
{
	return i < res->ntimes ? &res->times[i] : NULL;
}

size_t corro_result_entity_count(const corro_result *res)
{
	return res->nents;
}

const corro_entity *corro_result_entity(const corro_result *res, size_t i)
{
	return i < res->nents ? &res->ents[i] : NULL;
}

corro_span corro_result_sentence(const corro_result *res, size_t i)
{
	corro_span none = {0, 0};
	return i < res->nsent ? res->sents[i] : none;
}

size_t corro_result_figure_count(const corro_result *res)
{
	return res->nfigs;
}

const corro_figure *corro_result_figure(const corro_result *res, size_t i)
{
	return i < res->nfigs ? &res->figs[i] : NULL;
}

size_t corro_result_event_count(const corro_result *res)
{
	return res->nevents;
}

const corro_event *corro_result_event(const corro_result *res, size_t i)
{
	return i < res->nevents ? &res->events[i] : NULL;
}

size_t corro_result_quote_count(const corro_result *res)
{
	return res->nquotes;
}

const corro_quote *corro_result_quote(const corro_result *res, size_t i)
{
	return i < res->nquotes ? &res->quotes[i] : NULL;
}

const char *corro_hedge_name(corro_hedge h)
{
	static const char *const names[] = {"exact", "approx", "at_least", "at_most",
					    "range", "up",     "down"};
	return (unsigned)h < sizeof names / sizeof *names ? names[h] : "exact";
}

_Static_assert((int)TG_DAY == (int)CORRO_GRAN_DAY && (int)TG_WEEK == (int)CORRO_GRAN_WEEK &&
		       (int)TG_MONTH == (int)CORRO_GRAN_MONTH &&
		       (int)TG_QUARTER == (int)CORRO_GRAN_QUARTER &&
		       (int)TG_SEASON == (int)CORRO_GRAN_SEASON &&
		       (int)TG_YEAR == (int)CORRO_GRAN_YEAR &&
		       (int)TG_DECADE == (int)CORRO_GRAN_DECADE &&
		       (int)TG_CENTURY == (int)CORRO_GRAN_CENTURY &&
		       (int)TG_DURATION == (int)CORRO_GRAN_DURATION &&
		       (int)TG_INTERVAL == (int)CORRO_GRAN_INTERVAL &&
		       (int)TG_TIME == (int)CORRO_GRAN_TIME,
	       "the time stage's granularities are the public ones");

const char *corro_granularity_name(corro_granularity g)
{
	return timex_gran_name((timex_gran)g);
}

const char *corro_entity_kind_name(corro_entity_kind k)
{
	static const char *const names[] = {"name", "country", "body", "person", "org", "place"};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : "name";
}

const char *corro_quote_kind_name(corro_quote_kind k)
{
	static const char *const names[] = {"direct", "reported", "term"};
	return (unsigned)k < sizeof names / sizeof *names ? names[k] : "direct";
}

const char *corro_occasion_name(corro_occasion o)
{
	static const char *const names[] = {NULL, "incident", "whole", "earlier", "other"};
	return (unsigned)o < sizeof names / sizeof *names ? names[o] : NULL;
}

const char *corro_point_name(corro_point p)
{
	static const char *const names[] = {NULL, "open", "close"};
	return (unsigned)p < sizeof names / sizeof *names ? names[p] : NULL;
}

/* ---- the bare recognizer, for outside test suites ---- */

/* url_end past its first test: token i is a word glued to a ":" or "."
 * after it. */
static size_t url_end_word(const lex_view *v, size_t i, size_t lim)
{
	const tok *t = v->t;
	int url = 0;
	if (i + 3 < lim &&
	    (tok_is(v->text, &t[i], "http") || tok_is(v->text, &t[i], "https") ||
	     tok_is(v->text, &t[i], "ftp")) &&
	    t[i + 1].cp == ':' && t[i + 2].type == TK_PUNCT && t[i + 2].cp == '/' &&
	    !(t[i + 2].flags & TF_SPACE))
		url = 1;
	else if (tok_is(v->text, &t[i], "www") && t[i + 1].cp == '.')
		url = 1;
	if (!url)
		return i;
	size_t j = i + 1;
	while (j < lim && !(t[j].flags & TF_SPACE))
		j++;
	return j;
}

/* A web address: "http://...", "www.example.com/..." up to the next space.
 * Numbers in it are parts of the address.  Returns the token after it, or
 * i.  Inline: the scans ask at every token, and most tokens fail the
 * first test, made without reading the text. */
static inline size_t url_end(const lex_view *v, size_t i, size_t lim)
{
	const tok *t = v->t;
	if (t[i].type != TK_WORD || i + 1 >= lim || t[i + 1].type != TK_PUNCT ||
	    (t[i + 1].cp != ':' && t[i + 1].cp != '.') || (t[i + 1].flags & TF_SPACE))
		return i;
	return url_end_word(v, i, lim);
}

corro_status corro_numbers(const char *text, size_t len, int kinds, corro_number_fn fn, void *ud)
{
	pipeline p;
	corro_status st = pipeline_run(&p, text, len);
	if (st)
		return st;
	const lex_view *v = &p.view;
	for (size_t si = 0; si < p.sents.n && st == CORRO_OK; si++) {
		const sent *s = &p.sents.v[si];
		for (size_t i = s->t0; i < s->t1 && st == CORRO_OK;) {
			size_t u = url_end(v, i, s->t1);
			qty q;
			if (u > i) {
				i = u;
				continue;
			}
			if (!qty_read(v, i, s->t1, kinds, &q)) {
				i++;
				continue;
			}
			if (q.kind >= 0) {
				corro_number n;
				memset(&n, 0, sizeof n);
				n.kind = (corro_num_kind)q.kind;
				n.value = q.kind == CORRO_NUM_RANGE ? NAN : q.value;
				n.low = q.low;
				n.high = q.high;
				n.low_incl = q.low_incl;
				n.high_incl = q.high_incl;
				if (q.kind == CORRO_NUM_CURRENCY || q.kind == CORRO_NUM_DIMENSION)
					n.unit = q.u.unit;
				n.span.start = v->t[q.t0].start;
				n.span.end = v->t[q.t1 - 1].end;
				st = fn(ud, &n);
			}
			i = q.t1 > i ? q.t1 : i + 1;
		}
	}
	pipeline_release(&p);
	return st;
}

/* Calls fn for every time expression of a document's sentences, with the
 * same scan for corro_extract's records and corro_times. */
static corro_status scan_times(const pipeline *p, const char *reference_date, corro_time_fn fn,
			       void *ud)
{
	timex_date ref = {0, 0, 0};
	if (reference_date)
		timex_date_parse(reference_date, strlen(reference_date), &ref);
	corro_status st = CORRO_OK;
	const lex_view *v = &p->view;
	for (size_t si = 0; si < p->sents.n && st == CORRO_OK; si++) {
		const sent *s = &p->sents.v[si];
		timex_scan sc = {0};
		size_t url = s->t0; /* the next web address at or after i */
		int url_set = 0;
		for (size_t i = s->t0; i < s->t1 && st == CORRO_OK;) {
			if (!url_set || url < i) {
				url = i;
				while (url < s->t1 && url_end(v, url, s->t1) == url)
					url++;
				url_set = 1;
			}
			/* the tokens before the next that may start a time
			 * expression are skipped, but not a web address: the
			 * numbers in it are part of it */
			size_t k = timex_next(v, i, s->t1, &sc);
			if (url <= k) {
				if (url >= s->t1)
					break;
				i = url_end(v, url, s->t1);
				continue;
			}
			i = k;
			timex x;
			if (!timex_read(v, i, s->t1, &ref, &x) || x.t1 <= i) {
				i++;
				continue;
			}
			corro_time t;
			t.span.start = v->t[x.t0].start;
			t.span.end = v->t[x.t1 - 1].end;
			t.value = x.value[0] ? x.value : NULL;
			t.granularity = (corro_granularity)x.gran;
			t.relative = x.relative;
			t.unresolved = x.unresolved;
			st = fn(ud, &t);
			i = x.t1;
		}
	}
	return st;
}

corro_status corro_times(const char *text, size_t len, const char *reference_date, corro_time_fn fn,
			 void *ud)
{
	pipeline p;
	corro_status st = pipeline_run(&p, text, len);
	if (st)
		return st;
	st = scan_times(&p, reference_date, fn, ud);
	pipeline_release(&p);
	return st;
}
