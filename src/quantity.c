/* quantity.c: readings built around numbers.
 *
 * qty_read() looks at one token and tries, longest first, the readings the
 * caller wants: a range opened by a comparison ("no less than 30", "greater
 * than 30 and less than or equal to 40") or by "between"/"from"; an amount
 * with its currency before it ("US$ 150 million"); a percentage written
 * "percent of 10"; then a number and what follows it: a post-comparison ("500
 * or more"), a second number ("20 to 30", "1000-5000"), a unit or currency
 * ("10 km", "6.25 BTC", "3 dollars 50 cents").  A reading that is not wanted
 * falls back to the plain number inside it.  Every step looks a bounded
 * number of tokens ahead, so a scan over a text stays linear. */
#include "quantity.h"
#include "corro.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])

static int is_word(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && v->t[i].type == TK_WORD;
}

static int word_in(const lex_view *v, size_t i, size_t lim, const char *const *words)
{
	if (!is_word(v, i, lim))
		return 0;
	for (; *words; words++)
		if (tok_is(v->text, TOK(i), *words))
			return 1;
	return 0;
}

static size_t tok_len(const lex_view *v, size_t i)
{
	return v->t[i].end - v->t[i].start;
}

/* Token i continues a code or an identifier glued to what came before:
 * "24703m212", "SCP-173". */
static int glued_alnum(const lex_view *v, size_t i, size_t lim)
{
	return i < lim && lex_glued(v, i) && (v->t[i].type == TK_WORD || v->t[i].type == TK_NUM);
}

/* Tokens [a, b) are written with no space between them. */
static int glued_run(const lex_view *v, size_t a, size_t b)
{
	for (size_t k = a + 1; k < b; k++)
		if (!lex_glued(v, k))
			return 0;
	return 1;
}

/* The number at token i is glued to a word or code before it: "scp173",
 * "SCP-173", "F-16". */
static int code_before(const lex_view *v, size_t i)
{
	if (i == 0 || !lex_glued(v, i))
		return 0;
	const tok *p = TOK(i - 1);
	if (p->type == TK_WORD || p->type == TK_NUM)
		return 1;
	return p->type == TK_PUNCT && (p->cp == '-' || p->cp == '/') && i >= 2 &&
	       lex_glued(v, i - 1) && (v->t[i - 2].type == TK_WORD || v->t[i - 2].type == TK_NUM);
}

/* ---- units and currencies ---- */

static int is_subunit(const char *unit)
{
	return strcmp(unit, "cent") == 0 || strcmp(unit, "penny") == 0;
}

/* The QU_ flags of a unit, from its lexicon kind and name: the one place
 * where names are compared, so that later stages test bits. */
static unsigned unit_flags(const char *unit, const char *kind)
{
	if (strcmp(kind, "currency") == 0)
		return QU_MONEY | (is_subunit(unit) ? QU_SUBUNIT : 0);
	if (strcmp(kind, "percent") == 0)
		return strcmp(unit, "percentage") == 0 ? QU_PERCENTAGE : 0;
	if (strcmp(kind, "duration") == 0)
		return QU_DURATION;
	return strcmp(kind, "temperature") == 0 ? 0 : QU_MEASURE;
}

/* The sentence around token i, a few dozen tokens either way at most:
 * [*lo, *hi). */
static void sentence_around(const lex_view *v, size_t i, size_t *lo, size_t *hi)
{
	*lo = i > 40 ? i - 40 : 0;
	*hi = i + 40 < v->n ? i + 40 : v->n;
	for (size_t k = i; k > *lo; k--)
		if (v->t[k - 1].type == TK_PUNCT &&
		    (v->t[k - 1].cp == '.' || v->t[k - 1].cp == '!' || v->t[k - 1].cp == '?')) {
			*lo = k;
			break;
		}
	for (size_t k = i + 1; k < *hi; k++)
		if (v->t[k].type == TK_PUNCT &&
		    (v->t[k].cp == '.' || v->t[k].cp == '!' || v->t[k].cp == '?')) {
			*hi = k;
			break;
		}
}

/* The currency named word ("pesos") of the country of place entry p: a
 * currency word of the lexicon made of one of its demonyms and the word
 * ("mexican pesos").  A country's names, demonyms and capitals are
 * neighbours in the lexicon (data/places.tsv), so only they are read. */
static const lex_entry *country_word(const lex_entry *p, const char *word)
{
	const lex_entry *lo = p, *hi = p, *end = lex_entries + lex_entry_count;
	while (lo > lex_entries && lo[-1].cat == LEX_PLACE && lo[-1].a &&
	       strcmp(lo[-1].a, p->a) == 0)
		lo--;
	while (hi + 1 < end && hi[1].cat == LEX_PLACE && hi[1].a && strcmp(hi[1].a, p->a) == 0)
		hi++;
	for (const lex_entry *d = lo; d <= hi; d++) {
		if (!d->b || strcmp(d->b, "demonym") != 0)
			continue;
		char buf[96];
		int n = snprintf(buf, sizeof buf, "%s %s", d->phrase, word);
		const lex_entry *c;
		if (n > 0 && (size_t)n < sizeof buf &&
		    (c = lex_phrase(buf, (size_t)n, LEX_BIT(LEX_CUR_WORD))) != NULL)
			return c;
	}
	return NULL;
}

/* A currency word that names no one country's currency (its code is none
 * of the lexicon's currency codes: "pesos") takes the one country the
 * sentence around token i names whose currency of that name the lexicon
 * knows ("Mexico raised 50 billion pesos": the Mexican peso); NULL when
 * the sentence names none or several. */
static const lex_entry *country_currency(const lex_view *v, size_t i, const lex_entry *e)
{
	if (e->cat != LEX_CUR_WORD || !e->b || lex_word(e->b, strlen(e->b), LEX_BIT(LEX_CUR_CODE)))
		return NULL;
	size_t lo, hi;
	sentence_around(v, i, &lo, &hi);
	const lex_entry *found = NULL;
	for (size_t k = lo; k < hi; k++) {
		size_t len;
		const lex_entry *p, *c;
		if (!lex_has(v, k, LEX_BIT(LEX_PLACE)) ||
		    !(p = lex_match(v, k, hi, LEX_BIT(LEX_PLACE), &len)))
			continue;
		k += len - 1;
		if (!p->a || !(c = country_word(p, e->phrase)))
			continue;
		if (found && strcmp(found->a, c->a) != 0)
			return NULL; /* pesos of Mexico or of Chile */
		found = c;
	}
	return found;
}

/* China named in the sentence around token i (a few dozen tokens either
 * way): "¥" there is the yuan, elsewhere the yen. */
static int china_near(const lex_view *v, size_t i)
{
	size_t lo, hi;
	sentence_around(v, i, &lo, &hi);
	for (size_t k = lo; k < hi; k++) {
		size_t len;
		const lex_entry *e;
		if (lex_has(v, k, LEX_BIT(LEX_PLACE)) &&
		    (e = lex_match(v, k, hi, LEX_BIT(LEX_PLACE), &len)) != NULL &&
		    strcmp(e->a, "China") == 0)
			return 1;
		if (lex_word_is(v, k, hi, "yuan") || lex_word_is(v, k, hi, "renminbi"))
			return 1;
	}
	return 0;
}

/* Fills u with the currency of entry e read at token i. */
static void set_currency_at(const lex_view *v, size_t i, qty_unit *u, const lex_entry *e)
{
	u->unit = e->a;
	u->kind = "currency";
	/* a subunit ("cent": worth 0.01 in data/currencies.tsv) counts no
	 * amount of its currency */
	u->code = e->value > 0 && e->value < 1 ? NULL : e->b;
	u->mul = e->cat == LEX_CUR_CODE && e->value > 1 ? e->value : 1;
	if (e->cat == LEX_CUR_SYM && e->b && strcmp(e->b, "JPY") == 0 && china_near(v, i)) {
		u->unit = "chinese yuan";
		u->code = "CNY";
	}
	const lex_entry *ce = country_currency(v, i, e);
	if (ce) {
		u->unit = ce->a;
		u->code = ce->b;
	}
	u->flags = unit_flags(u->unit, u->kind);
}

/* A currency symbol with letters before it, written apart ("c $", "hk $",
 * "US $"), unless the letters are a word of their own: the article in "a
 * $5 bill", the pronoun in "cost us $5", the "s" of "music ' s $ 500". */
static int prefix_apart_ok(const lex_view *v, size_t start, size_t len)
{
	static const char *const words[] = {"a", "an", "i", NULL};
	if (len < 2 || v->t[start].type != TK_WORD || lex_glued(v, start + 1))
		return 1;
	if (word_in(v, start, start + 1, words))
		return 0;
	if (tok_is(v->text, TOK(start), "us") && !(v->t[start].flags & TF_CAPS))
		return 0;
	return !(start > 0 && tok_len(v, start) == 1 && v->t[start - 1].type == TK_PUNCT &&
		 v->t[start - 1].cp == '\'');
}

size_t qty_currency_before(const lex_view *v, size_t lo, size_t i, qty_unit *u)
{
	if (i == 0 || i <= lo)
		return SIZE_MAX;
	size_t start;
	const lex_entry *e = lex_match_ending(
		v, lo, i - 1, LEX_BIT(LEX_CUR_SYM) | LEX_BIT(LEX_CUR_CODE) | LEX_BIT(LEX_CUR_WORD),
		&start);
	if (!e)
		return SIZE_MAX;
	/* of the currency words only "dollar 22.5 million" comes first;
	 * "dollars 50" in running text is two phrases */
	if (e->cat == LEX_CUR_WORD && !tok_is(v->text, TOK(i - 1), "dollar"))
		return SIZE_MAX;
	if (!prefix_apart_ok(v, start, i - start)) {
		/* "a $5": the symbol alone */
		if (v->t[i - 1].type != TK_PUNCT ||
		    !(e = lex_match(v, i - 1, i, LEX_BIT(LEX_CUR_SYM), NULL)))
			return SIZE_MAX;
		start = i - 1;
	}
	set_currency_at(v, start, u, e);
	return start;
}

/* "MB" is megabytes, "Mb" and "mb" megabits: in the two-letter symbols of
 * information a small b is a bit. */
static const char *bits_or_bytes(const lex_view *v, size_t k, size_t len, const char *unit)
{
	static const char *const map[][2] = {{"kilobyte", "kilobit"}, {"megabyte", "megabit"},
					     {"gigabyte", "gigabit"}, {"terabyte", "terabit"},
					     {"petabyte", "petabit"}, {"exabyte", "exabit"}};
	if (len != 1 || tok_len(v, k) != 2 || v->text[v->t[k].start + 1] != 'b')
		return unit;
	for (size_t q = 0; q < sizeof map / sizeof *map; q++)
		if (strcmp(unit, map[q][0]) == 0)
			return map[q][1];
	return unit;
}

/* The closing bracket for an opening one, or 0. */
static uint32_t closing(const lex_view *v, size_t i, size_t lim)
{
	static const uint32_t pairs[][2] = {{'(', ')'}, {'[', ']'}, {'{', '}'}, {'<', '>'}};
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
		if (lex_punct(v, i, lim, pairs[k][0]))
			return pairs[k][1];
	return 0;
}

/* A word of money among the few tokens before token i, in its clause:
 * "cost 20 pounds", "paid a fine of 300 pounds". */
static int money_before(const lex_view *v, size_t i)
{
	for (size_t k = i, n = 0; k > 0 && n < 5; n++) {
		k--;
		if (v->t[k].type == TK_PUNCT && (v->t[k].cp == '.' || v->t[k].cp == ';' ||
						 v->t[k].cp == '!' || v->t[k].cp == '?'))
			return 0;
		if (lex_cue_is(v, k, i, LEX_ROLE_MONEY_WORD))
			return 1;
	}
	return 0;
}

/* The quote mark at token j closes a quotation opened before it in the
 * sentence: "English 101" is no length in inches. */
static int closes_quote(const lex_view *v, size_t j)
{
	size_t marks = 0;
	for (size_t k = j, n = 0; k > 0 && n < 64; n++) {
		k--;
		if (v->t[k].type != TK_PUNCT)
			continue;
		/* a sentence's end; not a decimal point ("1.3 million") */
		if ((v->t[k].cp == '.' && !lex_decimal_point(v, k)) || v->t[k].cp == '!' ||
		    v->t[k].cp == '?')
			break;
		if (v->t[k].cp == '"')
			marks++;
	}
	return marks % 2 == 1;
}

size_t qty_unit_after(const lex_view *v, size_t i, size_t j, size_t lim, int scaled, qty_unit *u)
{
	const uint64_t mask = LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_CUR_WORD) | LEX_BIT(LEX_CUR_CODE) |
			      LEX_BIT(LEX_CUR_SYM);
	size_t k = j;
	uint32_t close = 0;
	/* six-mile, 3-inch, 12-cent: a glued hyphen before a unit */
	if (lex_punct(v, k, lim, '-') && lex_glued(v, k) && k + 1 < lim && lex_glued(v, k + 1))
		k++;
	else if ((close = closing(v, k, lim)) != 0)
		k++; /* 20 (kg) */
	if (k >= lim || !lex_has(v, k, mask))
		return j;
	size_t len;
	const lex_entry *e = lex_match(v, k, lim, mask, &len);
	/* a unit written as one word must be matched so: "m2" is no "m 2" */
	while (e && e->cat == LEX_UNIT && len > 1 && !strchr(e->phrase, ' ') &&
	       !glued_run(v, k, k + len))
		e = lex_match(v, k, k + len - 1, mask, &len);
	if (!e)
		return j;
	size_t end = k + len;
	int spaced = !lex_glued(v, k);
	if (close && !lex_glued(v, k))
		return j;
	/* letters or digits glued on after it make a code: 24703m212,
	 * 24703 L-202 (a sign is no code: "3%-4%" is a range) */
	if (glued_alnum(v, end, lim) ||
	    (end + 1 < lim && v->t[end - 1].type == TK_WORD && lex_glued(v, end) &&
	     v->t[end].type == TK_PUNCT && v->t[end].cp == '-' && v->t[end + 1].type == TK_NUM &&
	     lex_glued(v, end + 1)))
		return j;
	memset(u, 0, sizeof *u);
	if (e->cat == LEX_UNIT) {
		/* glued to the digits only if it is written so: 5km, not
		 * 5miles; some only glued: 30p, 5pc */
		if (!spaced && e->value == 0 && k == j)
			return j;
		if (spaced && e->value == 2)
			return j;
		/* a glued-only capital must be written so: "30C" is hot,
		 * "30c" is not; and so must a one-letter capital symbol: "65 W",
		 * "12 V", not "65 w" */
		int cap1 = e->phrase[0] >= 'A' && e->phrase[0] <= 'Z' && e->phrase[1] == '\0';
		if ((e->value == 2 || cap1) && e->phrase[0] >= 'A' && e->phrase[0] <= 'Z' &&
		    !(v->t[k].flags & TF_UPPER))
			return j;
		/* one written apart is no unit where an address or a name goes
		 * on: "350 W 42nd Street", "5 W Main St" */
		if (cap1 && spaced && end < lim &&
		    (v->t[end].type == TK_NUM ||
		     (is_word(v, end, lim) && (v->t[end].flags & TF_UPPER))))
			return j;
		if (e->phrase[0] == '"' && closes_quote(v, k))
			return j;
		/* a single letter written apart is a unit only when no word
		 * but "of" follows: "1 m", "1 m x 1 m", not "5 m in the" */
		if (spaced && len == 1 && v->t[k].type == TK_WORD && !cap1 && tok_len(v, k) == 1 &&
		    is_word(v, end, lim) && !lex_word_is(v, end, lim, "x") &&
		    !lex_word_is(v, end, lim, "by") &&
		    !lex_word_is(v, end, lim, "of")) /* "4 L of water" */
			return j;
		/* "pounds" after a scale or a word of money is money: 361
		 * million pounds, cost 20 pounds; a weight in "a 20-pound
		 * bag" and "20 pounds of rice" */
		if (strcmp(e->a, "pound-mass") == 0 && e->phrase[0] == 'p' &&
		    (scaled || (money_before(v, i) && k == j && !lex_word_is(v, end, lim, "of")))) {
			u->unit = "pound sterling";
			u->kind = "currency";
			u->code = "GBP";
			u->mul = 1;
		} else {
			u->unit = bits_or_bytes(v, k, len, e->a);
			u->kind = e->b;
			u->mul = 1;
			if (strcmp(u->kind, "currency") == 0)
				u->code = strcmp(u->unit, "pound sterling") == 0 ? "GBP" : NULL;
		}
		u->flags = unit_flags(u->unit, u->kind);
	} else {
		/* "10 $", but not the "$" that starts the next amount:
		 * "$ 20,000.00 $ 37,305.97" */
		if (e->cat == LEX_CUR_SYM && spaced) {
			num_match m2;
			size_t l2;
			const lex_entry *e2;
			if (num_parse(v, end, lim, &m2) &&
			    (!lex_has(v, m2.t1, mask) ||
			     ((e2 = lex_match(v, m2.t1, lim, LEX_BIT(LEX_CUR_WORD), &l2)) != NULL &&
			      e2->b && e->b && strcmp(e2->b, e->b) == 0 && !is_subunit(e2->a))))
				return j; /* and not in "1 $ 10 dollars" */
		}
		set_currency_at(v, k, u, e);
	}
	if (close) {
		if (!lex_punct(v, end, lim, close))
			return j;
		end++;
	}
	return end;
}

/* ---- comparisons ---- */

static int comparative(const lex_view *v, size_t i, size_t lim)
{
	if (lex_cue_is(v, i, lim, LEX_ROLE_MORE_THAN))
		return 1;
	if (lex_cue_is(v, i, lim, LEX_ROLE_LESS_THAN))
		return -1;
	return 0;
}

static int to_or_than(const lex_view *v, size_t i, size_t lim)
{
	return lex_word_is(v, i, lim, "to") || lex_word_is(v, i, lim, "than");
}

size_t qty_comparison(const lex_view *v, size_t i, size_t lim, int *dir, int *incl)
{
	size_t k = i;
	int d;
	if (i >= lim)
		return i;
	/* "<>30", "=>30" are not comparisons a reader would write */
	if (v->t[i].type == TK_PUNCT && i > 0 && lex_glued(v, i) && v->t[i - 1].type == TK_PUNCT &&
	    (v->t[i - 1].cp == '<' || v->t[i - 1].cp == '=' || v->t[i - 1].cp == '>' ||
	     v->t[i - 1].cp == '!'))
		return i;
	if (lex_word_is(v, k, lim, "equal") && lex_word_is(v, k + 1, lim, "to") &&
	    lex_word_is(v, k + 2, lim, "or") && (d = comparative(v, k + 3, lim)) &&
	    lex_word_is(v, k + 4, lim, "than")) {
		/* equal to or more than */
		*dir = d;
		*incl = 1;
		return k + 5;
	}
	if (lex_word_is(v, k, lim, "at") &&
	    (lex_word_is(v, k + 1, lim, "least") || lex_word_is(v, k + 1, lim, "most")) &&
	    lex_word_is(v, k + 2, lim, "or") && lex_word_is(v, k + 3, lim, "equal") &&
	    to_or_than(v, k + 4, lim)) {
		/* at least or equal to */
		*dir = lex_word_is(v, k + 1, lim, "least") ? 1 : -1;
		*incl = 1;
		return k + 5;
	}
	if ((d = comparative(v, k, lim)) != 0) {
		/* higher or equal than; less than or equal to */
		if (lex_word_is(v, k + 1, lim, "or") && lex_word_is(v, k + 2, lim, "equal") &&
		    to_or_than(v, k + 3, lim)) {
			*dir = d;
			*incl = 1;
			return k + 4;
		}
		if (lex_word_is(v, k + 1, lim, "than") && lex_word_is(v, k + 2, lim, "or") &&
		    lex_word_is(v, k + 3, lim, "equal") && to_or_than(v, k + 4, lim)) {
			*dir = d;
			*incl = 1;
			return k + 5;
		}
	}
	size_t len;
	const lex_entry *e = lex_match(v, k, lim, LEX_BIT(LEX_HEDGE_PRE), &len);
	if (!e || !e->b)
		return i; /* "about", "nearly": no bound */
	if (strcmp(e->a, "at_least") == 0)
		*dir = 1;
	else if (strcmp(e->a, "at_most") == 0)
		*dir = -1;
	else if (strcmp(e->a, "exact") == 0)
		*dir = 0;
	else
		return i;
	*incl = strcmp(e->b, "closed") == 0;
	return k + len;
}

/* ---- numbers ---- */

/* A number for a range or an amount: the ratios of num_ratio() included
 * when ratio is set. */
static int read_num(const lex_view *v, size_t i, size_t lim, int ratio, num_match *m)
{
	if (!num_parse(v, i, lim, m))
		return 0;
	if (m->flags & (NF_LONG | NF_VAGUE))
		return 1;
	if (ratio)
		num_ratio(v, m, lim);
	return 1;
}

/* A number as a bound of a range: ordinals count ("between the tenth and
 * the fifteenth"), vague plurals do not. */
static int bound_at(const lex_view *v, size_t i, size_t lim, int the_ok, num_match *m)
{
	if (the_ok && lex_word_is(v, i, lim, "the") && i + 1 < lim &&
	    bound_at(v, i + 1, lim, 0, m)) {
		m->t0 = i;
		return 1;
	}
	if (!num_parse(v, i, lim, m))
		return 0;
	return !(m->flags & (NF_LONG | NF_VAGUE)) && !isnan(m->value);
}

/* A number stuck into a chain of digits with dashes or slashes, as in
 * phone numbers, dates and codes: "+1-222-2222-2222", "5/17/2018". */
static int in_chain_before(const lex_view *v, size_t t0)
{
	if (t0 == 0 || !lex_glued(v, t0))
		return 0;
	const tok *p = TOK(t0 - 1);
	if (p->type == TK_PUNCT && (p->cp == '+' || p->cp == '/'))
		return 1;
	return p->type == TK_PUNCT && p->cp == '-' && t0 >= 2 && lex_glued(v, t0 - 1) &&
	       v->t[t0 - 2].type == TK_NUM;
}

static int in_chain_after(const lex_view *v, size_t t1, size_t lim)
{
	return t1 + 1 < lim && lex_glued(v, t1) && v->t[t1].type == TK_PUNCT &&
	       (v->t[t1].cp == '-' || v->t[t1].cp == '/') && v->t[t1 + 1].type == TK_NUM &&
	       lex_glued(v, t1 + 1);
}

/* ---- ranges ---- */

static void set_bound(qty *q, int dir, int incl, double x)
{
	if (dir > 0) {
		q->low = x;
		q->low_incl = incl;
	} else if (dir < 0) {
		q->high = x;
		q->high_incl = incl;
	} else {
		q->low = q->high = x;
		q->low_incl = q->high_incl = 1;
	}
}

/* "or equal", "or equal to" after an open bound, when no number follows:
 * "more than 5000 or equal to".  Returns the token after it, or j. */
static size_t or_equal(const lex_view *v, size_t j, size_t lim)
{
	if (!lex_word_is(v, j, lim, "or") || !lex_word_is(v, j + 1, lim, "equal"))
		return j;
	size_t k = j + 2;
	num_match m;
	if (to_or_than(v, k, lim)) {
		if (num_parse(v, k + 1, lim, &m))
			return j;
		return k + 1;
	}
	if (num_parse(v, k, lim, &m))
		return j;
	return k;
}

/* A comparison after a number: "or more", "and above", "or less than" (no
 * number after it).  Sets *dir and returns the token after it, or j. */
static size_t post_bound(const lex_view *v, size_t j, size_t lim, int *dir)
{
	size_t len;
	num_match m;
	const lex_entry *e = lex_match(v, j, lim, LEX_BIT(LEX_HEDGE_POST), &len);
	if (!e || !e->b)
		return j;
	if (strcmp(e->a, "at_least") == 0)
		*dir = 1;
	else if (strcmp(e->a, "at_most") == 0)
		*dir = -1;
	else
		return j;
	/* "+" only glued, and neither it nor "plus" before a number: "3
	 * plus 2" is a sum */
	if (lex_punct(v, j, lim, '+') && !lex_glued(v, j))
		return j;
	size_t k = j + len;
	if (num_parse(v, k, lim, &m))
		return j;
	/* a dangling "than": "200 or greater than"; but "200 or greater than
	 * 190" compares with 190 */
	if (to_or_than(v, k, lim)) {
		if (num_parse(v, k + 1, lim, &m))
			return j;
		k++;
	}
	return k;
}

/* One comparison and its number, with what may follow it. */
typedef struct bound {
	int dir, incl;
	double x;
	size_t t0, t1;
} bound;

static int read_bound(const lex_view *v, size_t i, size_t lim, bound *b)
{
	size_t k = qty_comparison(v, i, lim, &b->dir, &b->incl);
	num_match m;
	/* a comparison binds the number next to it: "more than 2 in 5" is
	 * "more than 2" */
	if (k == i || !bound_at(v, k, lim, 1, &m))
		return 0;
	b->x = m.value;
	b->t0 = i;
	b->t1 = m.t1;
	if (b->dir == 0) {
		/* equal to 5000 or less */
		int d = 0;
		size_t e = post_bound(v, m.t1, lim, &d);
		if (e > m.t1) {
			b->dir = d;
			b->incl = 1;
			b->t1 = e;
		}
	} else if (!b->incl) {
		size_t e = or_equal(v, m.t1, lim);
		if (e > m.t1) {
			b->incl = 1;
			b->t1 = e;
		}
	}
	return 1;
}

/* A range opened by a comparison, one-sided or closed by a second one in
 * the other direction: "larger than 10 and smaller than 20". */
static int comparison_range(const lex_view *v, size_t i, size_t lim, qty *q)
{
	bound a, b;
	if (!read_bound(v, i, lim, &a))
		return 0;
	q->kind = CORRO_NUM_RANGE;
	q->t0 = i;
	q->t1 = a.t1;
	set_bound(q, a.dir, a.incl, a.x);
	if (a.dir == 0)
		return 1;
	size_t k = a.t1;
	if (lex_punct(v, k, lim, ','))
		k++;
	if (lex_word_is(v, k, lim, "and") || lex_word_is(v, k, lim, "but"))
		k++;
	if (k == a.t1 || !read_bound(v, k, lim, &b) || b.dir != -a.dir)
		return 1;
	if ((a.dir > 0 && a.x < b.x) || (a.dir < 0 && b.x < a.x)) {
		set_bound(q, b.dir, b.incl, b.x);
		q->t1 = b.t1;
	}
	return 1;
}

/* between X and Y; from X to Y */
static int between_range(const lex_view *v, size_t i, size_t lim, qty *q)
{
	const char *joiner;
	if (lex_word_is(v, i, lim, "between"))
		joiner = "and";
	else if (lex_word_is(v, i, lim, "from"))
		joiner = "to";
	else
		return 0;
	num_match a, b;
	if (!bound_at(v, i + 1, lim, 1, &a))
		return 0;
	size_t k = a.t1;
	if (!lex_word_is(v, k, lim, joiner) && !(joiner[0] == 't' && lex_punct(v, k, lim, '-')))
		return 0;
	if (!bound_at(v, k + 1, lim, 1, &b) || !(a.value < b.value))
		return 0;
	q->kind = CORRO_NUM_RANGE;
	q->t0 = i;
	q->t1 = b.t1;
	set_bound(q, 1, 1, a.value);
	set_bound(q, -1, 1, b.value);
	return 1;
}

/* After a number: "or more", "to 30", "-5000", "~100". */
static int range_after(const lex_view *v, const num_match *m, size_t lim, qty *q)
{
	int dir = 0;
	size_t e = post_bound(v, m->t1, lim, &dir);
	if (e > m->t1) {
		q->kind = CORRO_NUM_RANGE;
		q->t1 = e;
		set_bound(q, dir, 1, m->value);
		return 1;
	}
	size_t k = m->t1;
	if (!(lex_word_is(v, k, lim, "to") || lex_word_is(v, k, lim, "through") ||
	      lex_punct(v, k, lim, '-') || lex_punct(v, k, lim, '~')))
		return 0;
	if (m->flags & (NF_ORDINAL | NF_NEGATIVE) || in_chain_before(v, m->t0) ||
	    (v->t[k].flags & TF_NEWLINE))
		return 0;
	num_match b;
	if (!num_parse(v, k + 1, lim, &b) ||
	    (b.flags & (NF_LONG | NF_VAGUE | NF_ORDINAL | NF_NEGATIVE)) || !(m->value < b.value) ||
	    in_chain_after(v, b.t1, lim))
		return 0;
	/* "fell by a third to 2.1 million": a share, then a level */
	if (num_word_fraction(m) && !(b.flags & NF_FRACTION))
		return 0;
	q->kind = CORRO_NUM_RANGE;
	q->t1 = b.t1;
	set_bound(q, 1, 1, m->value);
	set_bound(q, -1, 1, b.value);
	return 1;
}

/* ---- amounts ---- */

/* Cents after an amount: "3 dollars 50 cents", "thirteen dollars and
 * forty-five cents", "15 dollars 50", "c $ 100 and fifty".  The second
 * number is a whole 1 to 99 that no other word or unit claims. */
static size_t cents_after(const lex_view *v, size_t j, size_t lim, qty *q)
{
	static const char *const free_after[] = {"and", "or", "more", "less", NULL};
	if (q->num.flags & (NF_SCALE | NF_DECIMAL | NF_FRACTION) || (q->u.flags & QU_SUBUNIT))
		return j;
	size_t k = j;
	if (lex_word_is(v, k, lim, "and"))
		k++;
	num_match c;
	if (!num_parse(v, k, lim, &c) ||
	    c.flags & (NF_SCALE | NF_DECIMAL | NF_FRACTION | NF_ORDINAL | NF_NEGATIVE | NF_VAGUE |
		       NF_LONG) ||
	    c.value < 1 || c.value > 99 || c.value != floor(c.value))
		return j;
	size_t e = c.t1, len;
	const lex_entry *cw = lex_match(v, e, lim, LEX_BIT(LEX_CUR_WORD), &len);
	if (cw && is_subunit(cw->a)) {
		e += len;
	} else {
		if (is_word(v, e, lim) && !word_in(v, e, lim, free_after))
			return j;
		if (e < lim &&
		    (lex_has(v, e,
			     LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_CUR_SYM) | LEX_BIT(LEX_CUR_CODE)) ||
		     glued_alnum(v, e, lim)))
			return j;
	}
	q->value += c.value / 100;
	return e;
}

/* The rest of an amount after its currency: "75 USD million", "$ 10
 * dollars", cents. */
static size_t amount_tail(const lex_view *v, size_t j, size_t lim, int prefix, qty *q)
{
	size_t len;
	const lex_entry *sc = NULL;
	if (is_word(v, j, lim) && lex_has(v, j, LEX_BIT(LEX_SCALE)) &&
	    (sc = lex_match(v, j, lim, LEX_BIT(LEX_SCALE), &len)) != NULL && len == 1 &&
	    sc->value >= 1000 && !(q->num.flags & NF_SCALE)) {
		q->value *= sc->value;
		q->num.flags |= NF_SCALE;
		return j + 1;
	}
	const lex_entry *w = lex_match(v, j, lim, LEX_BIT(LEX_CUR_WORD), &len);
	if (prefix && w && strstr(q->u.unit, "dollar") && strstr(w->a, "dollar"))
		return j + len; /* $ 10 dollars */
	return cents_after(v, j, lim, q);
}

/* 5 feet 2 inches, 12 ft 2 in: one length in feet. */
static size_t feet_inches(const lex_view *v, size_t j, size_t lim, qty *q)
{
	if (strcmp(q->u.unit, "foot") != 0 || q->value != floor(q->value))
		return j;
	size_t k = j;
	if (lex_word_is(v, k, lim, "and"))
		k++;
	num_match in;
	if (!num_parse(v, k, lim, &in) || in.flags & ~(NF_DIGITS | NF_WORDS) || in.value >= 12)
		return j;
	size_t len = 1, e = in.t1;
	const lex_entry *u = lex_match(v, e, lim, LEX_BIT(LEX_UNIT), &len);
	/* after feet, a bare "in" is inches too: 5 ft 2 in */
	if (!(u && strcmp(u->a, "inch") == 0) && !lex_word_is(v, e, lim, "in"))
		return j;
	if (glued_alnum(v, e + len, lim))
		return j;
	q->value += in.value / 12;
	return e + len;
}

/* A number with the words around it that can make it a pronoun: "the one
 * you mentioned", "which one". */
static int pronoun_one(const lex_view *v, size_t i, const num_match *m)
{
	return m->t1 == m->t0 + 1 && m->value == 1 && (m->flags == NF_WORDS) && i > 0 &&
	       lex_cue_is(v, i - 1, i, LEX_ROLE_ONE_DET);
}

/* The kind of reading a unit makes of a number, or -1. */
static int unit_kind(const qty_unit *u)
{
	if (u->flags & QU_MONEY)
		return CORRO_NUM_CURRENCY;
	if (u->flags & QU_PERCENTAGE) /* not "percentage point" */
		return CORRO_NUM_PERCENT;
	return u->flags & QU_MEASURE ? CORRO_NUM_DIMENSION : -1;
}

int qty_read(const lex_view *v, size_t i, size_t lim, int want, qty *q)
{
	memset(q, 0, sizeof *q);
	q->kind = -1;
	q->value = q->low = q->high = NAN;
	q->t0 = i;
	if (i >= lim)
		return 0;
	if (want & CORRO_KIND_BIT(CORRO_NUM_RANGE)) {
		if (comparison_range(v, i, lim, q) || between_range(v, i, lim, q))
			return 1;
	}
	/* a currency first: $ 75 million, US$ 150, USD 200, dollar 22.5 */
	if ((want & CORRO_KIND_BIT(CORRO_NUM_CURRENCY)) &&
	    lex_has(v, i, LEX_BIT(LEX_CUR_SYM) | LEX_BIT(LEX_CUR_CODE) | LEX_BIT(LEX_CUR_WORD))) {
		size_t len;
		const lex_entry *e = lex_match(
			v, i, lim,
			LEX_BIT(LEX_CUR_SYM) | LEX_BIT(LEX_CUR_CODE) | LEX_BIT(LEX_CUR_WORD), &len);
		num_match m;
		if (e &&
		    (e->cat != LEX_CUR_WORD || (len == 1 && tok_is(v->text, TOK(i), "dollar"))) &&
		    prefix_apart_ok(v, i, len) && !code_before(v, i) &&
		    read_num(v, i + len, lim, 0, &m) &&
		    !(m.flags & (NF_VAGUE | NF_LONG | NF_ORDINAL)) &&
		    !(e->cat == LEX_CUR_WORD && !lex_glued(v, i + len) &&
		      (v->t[i + len].flags & TF_NEWLINE))) {
			set_currency_at(v, i, &q->u, e);
			q->kind = CORRO_NUM_CURRENCY;
			q->num = m;
			q->value = m.value * q->u.mul;
			q->t1 = amount_tail(v, m.t1, lim, 1, q);
			return 1;
		}
	}
	/* percent of 10 */
	if ((want & CORRO_KIND_BIT(CORRO_NUM_PERCENT)) && lex_has(v, i, LEX_BIT(LEX_UNIT))) {
		size_t len;
		const lex_entry *e = lex_match(v, i, lim, LEX_BIT(LEX_UNIT), &len);
		num_match m;
		if (e && strcmp(e->a, "percentage") == 0 && is_word(v, i, lim) &&
		    lex_word_is(v, i + len, lim, "of") && read_num(v, i + len + 1, lim, 0, &m) &&
		    !(m.flags & (NF_VAGUE | NF_LONG | NF_ORDINAL))) {
			q->kind = CORRO_NUM_PERCENT;
			q->num = m;
			q->value = m.value;
			q->t1 = m.t1;
			return 1;
		}
	}
	num_match m;
	if (!read_num(v, i, lim, 1, &m))
		return 0;
	q->num = m;
	q->t1 = m.t1;
	q->value = m.value;
	if (m.flags & (NF_VAGUE | NF_LONG))
		return 1;
	if ((want & CORRO_KIND_BIT(CORRO_NUM_RANGE)) && range_after(v, &m, lim, q))
		return 1;
	if (!(m.flags & NF_ORDINAL) &&
	    (want & (CORRO_KIND_BIT(CORRO_NUM_CURRENCY) | CORRO_KIND_BIT(CORRO_NUM_PERCENT) |
		     CORRO_KIND_BIT(CORRO_NUM_DIMENSION)))) {
		qty_unit u;
		size_t e = qty_unit_after(v, i, m.t1, lim, (m.flags & NF_SCALE) != 0, &u);
		if (e > m.t1) {
			int kind = unit_kind(&u);
			if (kind >= 0 && (want & CORRO_KIND_BIT(kind)) &&
			    !(kind != CORRO_NUM_CURRENCY && code_before(v, i))) {
				q->kind = kind;
				q->u = u;
				q->value = m.value * u.mul;
				q->t1 = e;
				if (kind == CORRO_NUM_CURRENCY)
					q->t1 = amount_tail(v, e, lim, 0, q);
				else if (kind == CORRO_NUM_DIMENSION)
					q->t1 = feet_inches(v, e, lim, q);
				return 1;
			}
		}
	}
	if (m.flags & NF_ORDINAL) {
		if (want & CORRO_KIND_BIT(CORRO_NUM_ORDINAL))
			q->kind = CORRO_NUM_ORDINAL;
		return 1;
	}
	/* a plain number, unless letters are glued on ("180ml", "1m": a
	 * measure or a code) or it is the pronoun "one" */
	if ((want & CORRO_KIND_BIT(CORRO_NUM_NUMBER)) &&
	    !((m.flags & NF_DIGITS) && is_word(v, m.t1, lim) && lex_glued(v, m.t1)) &&
	    !pronoun_one(v, i, &m))
		q->kind = CORRO_NUM_NUMBER;
	return 1;
}
