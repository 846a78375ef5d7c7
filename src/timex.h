/* timex.h: time expressions in tokens, normalised to ISO 8601 against a
 * reference date (prefix timex_): "October 18, 2024", "Oct. 18", "the
 * 1950s", "last week", "two years ago", "since August of the previous
 * year", "a decade", "from Oct. 2 to October 22", "the first half of
 * 2016", "the rest of the year", "on the 27th".  The words are data
 * (data/time.tsv, LEX_TIME; months are LEX_MONTH). */
#ifndef CORRO_TIMEX_H
#define CORRO_TIMEX_H

#include "lexicon.h"

typedef enum {
	TG_DAY,      /* 2024-10-18 */
	TG_WEEK,     /* 2024-W42 (ISO week; a weekend is 2024-W42-WE) */
	TG_MONTH,    /* 2024-10 */
	TG_QUARTER,  /* 2024-Q3 */
	TG_SEASON,   /* 2024-SU (TIMEX3 season codes SP, SU, FA, WI) */
	TG_YEAR,     /* 2024 */
	TG_DECADE,   /* 195X */
	TG_CENTURY,  /* 19 (the years 1900-1999: the 20th century) */
	TG_DURATION, /* P2Y, P10Y, PT3H; PXW when the count is not stated */
	TG_INTERVAL, /* 2023-08/2024-10-18; PXW/2024-10-18 for "the past
			few weeks"; both ends inclusive, each as precise
			as written: 2014/2018, 2016-01/2016-06 (H1 2016) */
	TG_TIME      /* a time of day: 2024-10-18T18:30 ("6.30pm on
			Friday"), or a part of one as a TIMEX3 code:
			2024-10-18TEV ("Friday evening"; MO, AF, EV, NI) */
} timex_gran;

/* "day", "week", "month", "quarter", "season", "year", "decade",
 * "century", "duration", "interval", "time". */
const char *timex_gran_name(timex_gran g);

/* A calendar date; y == 0 means no date. */
typedef struct timex_date {
	int y, m, d;
} timex_date;

/* Reads "YYYY-MM-DD" at the start of s (a time after it, "T00:00:00", is
 * ignored).  Returns 1 and sets *out, or 0 (and out->y = 0) when s holds no
 * valid date. */
int timex_date_parse(const char *s, size_t len, timex_date *out);

/* The date n days after d (n may be negative). */
timex_date timex_date_add(timex_date d, long n);

/* Reads a clock time at the start of s[0..n): "18:30", "6pm", "6 p.m.",
 * "9.30am", "4:30 AM", "20.45 CEST" (a full stop between hour and minute
 * only with am or pm or a time zone after it, an hour alone only with am
 * or pm, in capitals only after minutes).  Returns its length in bytes
 * (the zone not included) and sets *minute (of the day), or returns 0. */
size_t timex_clock(const char *s, size_t n, int *minute);

/* A time zone after one space at s[0..n): a word of two to four capitals
 * that data/words.tsv names a zone (CUE role zone: "BST", "CEST", "ET";
 * not "PCT", "VAT").  Returns its length with the space, or 0. */
size_t timex_zone(const char *s, size_t n);

typedef struct timex {
	size_t t0, t1; /* tokens [t0, t1) */
	timex_gran gran;
	int relative;   /* the value depends on the reference date */
	int unresolved; /* relative, and there was no reference date: value
			      is a partial form with X for what is unknown
			      ("XXXX-10-18", "XXXX-06", "XXXX-WXX-5") or empty
			      when nothing is known ("yesterday") */
	char value[48]; /* ISO 8601, NUL-terminated */
} timex;

/* Reads the time expression that starts at token i, using tokens before
 * lim, against ref (NULL or ref->y == 0: none).  Returns 1 and fills *out,
 * or 0.  Looks at a bounded number of tokens, so scanning a sentence token
 * by token is linear.  A preposition before the expression ("in June", "by
 * the end of the year") is not part of it, except "since", which makes an
 * interval up to the reference date. */
int timex_read(const lex_view *v, size_t i, size_t lim, const timex_date *ref, timex *out);

/* Where a scan finds the next tokens that can anchor a time expression: a
 * number, and a time word or month name.  Zero it before each run of
 * tokens (a sentence) and pass it to timex_next with i never going back. */
typedef struct timex_scan {
	size_t word, num; /* the next anchors at or after the last i, or lim */
	int set;          /* 0: not looked yet */
} timex_scan;

/* The first token at or after i (before lim) where a time expression may
 * start, or lim.  One opens with a number, a time or number word or a few
 * others ("the", "since", "from", "between", "another"), and has a number
 * within its first few tokens or a time word or month within a dozen; most tokens of a text fail one or
 * the other.  A scan that jumps to the next such token calls timex_read
 * only where it may succeed, and looks at the tokens far from anchors not
 * at all. */
size_t timex_next(const lex_view *v, size_t i, size_t lim, timex_scan *sc);

#endif
