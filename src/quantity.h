/* quantity.h: readings built around numbers (prefix qty_): a currency
 * before or after a number ("$5", "420 million finnish markka"), a unit
 * after it ("10 km", "six-mile", "20 (kg)"), comparisons and spans that make
 * ranges ("more than 30", "between 20 and 30", "no more than 50 and no less
 * than 20"), percentages.  corro_numbers() is a loop over qty_read(); the
 * helpers below it are meant for the figure extractor too. */
#ifndef CORRO_QUANTITY_H
#define CORRO_QUANTITY_H

#include "lexicon.h"
#include "number.h"

#include <stddef.h>

/* What a unit is, beyond its name, for the readers downstream. */
enum {
	QU_PERCENTAGE = 1 << 0, /* a share in hundredths ("%"), not a point */
	QU_SUBUNIT = 1 << 1,    /* a hundredth of a currency: cent, penny */
	QU_MONEY = 1 << 2,      /* a currency */
	QU_MEASURE = 1 << 3,    /* a unit of a physical dimension */
	QU_DURATION = 1 << 4,   /* a unit of time: "years" may be an age */
};

/* A unit read after (or a currency before) a number.  unit is a canonical
 * name of the unit ontology (data/units-ontology.tsv, derived from
 * quantulum3's), lower case. */
typedef struct qty_unit {
	const char *unit; /* canonical, singular, lower case (static) */
	const char *kind; /* length, mass, ..., "currency", "percent" */
	const char *code; /* ISO code of a currency, else NULL */
	double mul;       /* a multiplier the unit carries: MUSD = 1e6 */
	unsigned flags;   /* QU_ bits */
} qty_unit;

/* Currency written before the number starting at token i: "$", "US$",
 * "c $", "USD", "MAUD", "dollar" (only that one word: "dollar 22.5
 * million").  lo is the first token it may use.  Returns its first token and
 * fills u, or SIZE_MAX. */
size_t qty_currency_before(const lex_view *v, size_t lo, size_t i, qty_unit *u);

/* A unit, currency or percent sign after a number [i, j): "km", "-mile"
 * (glued hyphen), "(kg)" (brackets), "USD", "$" (spaced only when no amount
 * of its own follows it), "pounds" (sterling when scaled or after a word of
 * money: "cost 20 pounds"; else a weight), "30p" and "5pc" (glued only).
 * Rejects what reads as a code ("24703m212"), a stray letter ("5 m in") or
 * a closing quote mark ("English 101""). Returns the token after it and
 * fills u, or returns j. */
size_t qty_unit_after(const lex_view *v, size_t i, size_t j, size_t lim, int scaled, qty_unit *u);

/* A comparison before a number: "more than", "no less than", "up to",
 * "higher or equal than", "less than or equal to", "equal to or more than",
 * ">=".  dir is +1 for a lower bound, -1 for an upper bound, 0 for "equal
 * to"; incl says whether the bound itself is included.  Returns the token
 * after the phrase (after a "the" too: "than the tenth"), or i if none. */
size_t qty_comparison(const lex_view *v, size_t i, size_t lim, int *dir, int *incl);

/* One reading. */
typedef struct qty {
	int kind;      /* a corro_num_kind, or -1: nothing to report */
	size_t t0, t1; /* tokens [t0, t1) */
	double value;  /* NAN for a range */
	double low, high;
	int low_incl, high_incl;
	qty_unit u;    /* u.unit NULL when none */
	num_match num; /* the first number inside */
} qty;

/* Reads the longest reading of a kind in want (CORRO_KIND_BIT flags) that
 * starts at token i, using tokens before lim (the sentence's end), falling
 * back to a plain number when the larger reading is not wanted.  Returns 0
 * when no number starts a reading at i; else 1 with q filled (q->kind -1
 * when a number was read that is not reported: the caller moves on past
 * q->t1). */
int qty_read(const lex_view *v, size_t i, size_t lim, int want, qty *q);

#endif
