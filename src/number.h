/* number.h: recognising numbers in tokens (prefix num_): digits with
 * grouping, decimals and suffixes ("1,200", "2.5bn"), words ("one hundred and
 * six", "half a million"), fractions, vague plurals ("tens of thousands"). */
#ifndef CORRO_NUMBER_H
#define CORRO_NUMBER_H

#include "lexicon.h"
#include "token.h"

enum {
	NF_DIGITS = 1 << 0,   /* written with digits */
	NF_WORDS = 1 << 1,    /* contains number words */
	NF_SCALE = 1 << 2,    /* a scale word or suffix: million, bn, k */
	NF_DECIMAL = 1 << 3,  /* has a decimal point */
	NF_GROUPED = 1 << 4,  /* digit groups: 1,200 or 1 200 */
	NF_FRACTION = 1 << 5, /* 3/4, two thirds, half */
	NF_VAGUE = 1 << 6,    /* hundreds, tens of thousands: low/high only */
	NF_ORDINAL = 1 << 7,  /* 21st, fifth */
	NF_NEGATIVE = 1 << 8,
	NF_SLASHED = 1 << 9,   /* digits/digits */
	NF_ARTICLE = 1 << 10,  /* starts with "a"/"an": a million */
	NF_LONG = 1 << 11,     /* more than 15 significant digits */
	NF_SUFFIX_M = 1 << 12, /* ended by a lower-case "m" that may be metres */
	NF_PLURAL = 1 << 13,   /* vague, a plural of a dozen or more: thousands */
	NF_MANY = 1 << 14      /* vague, "many" or "several" before a plural */
};

typedef struct num_match {
	size_t t0, t1; /* tokens [t0, t1) */
	double value;  /* NAN for vague numbers */
	double low, high;
	unsigned flags;
} num_match;

/* A fraction in words alone: "half", "a third", "two-thirds" (not "3/4"). */
static inline int num_word_fraction(const num_match *m)
{
	return (m->flags & NF_FRACTION) && !(m->flags & NF_DIGITS);
}

/* Parses the longest number that starts at token i, using tokens before lim.
 * Returns 1 and fills m, or 0 when no number starts there. */
int num_parse(const lex_view *v, size_t i, size_t lim, num_match *m);

/* Extends a number m just parsed into a ratio when one follows: "one over
 * three", "2000 over 3" (not "over 3 years"), "one out of three", "1 in
 * twenty-one" (the first no larger than the second, which is no year and
 * has no unit: not "12 in six boxes", "3 in 10 days").  Returns 1 if it did;
 * m then has NF_FRACTION and its end moved. */
int num_ratio(const lex_view *v, num_match *m, size_t lim);

/* Formats a value the way records show it: integers without exponent or
 * trailing ".0", others with up to 15 significant digits. */
void num_format(double value, char *out, size_t cap);

#endif
