/* number.c: the number recognizer.
 *
 * Numbers are read from tokens, left to right, as a small state machine over
 * "atoms": a value (a digit group or a number word), a scale (hundred,
 * million, lakh), "and", a hyphen between tens and units, a fraction.  The
 * longest reading that is complete wins; a step that does not fit ends the
 * number at the last complete state, so "3 hundred and 2 hundred" gives two
 * numbers and "two million three thousand" one. */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])

/* The single gap byte(s) between two tokens is one space-like character and
 * nothing else: the thousands separator of "40 000". */
static int single_space_gap(const lex_view *v, size_t i)
{
	const unsigned char *s = (const unsigned char *)v->text;
	size_t a = v->t[i - 1].end, b = v->t[i].start;
	if (b - a == 1)
		return s[a] == ' ';
	if (b - a == 2)
		return s[a] == 0xC2 && s[a + 1] == 0xA0; /* NBSP */
	if (b - a == 3)
		return s[a] == 0xE2 && s[a + 1] == 0x80 &&
		       (s[a + 2] == 0xAF || s[a + 2] == 0x89); /* narrow, thin */
	return 0;
}

/* Appends the ASCII digits of a token to out; returns -1 for other digits. */
static int put_digits(const lex_view *v, size_t i, char *out, size_t *n, size_t cap)
{
	const tok *t = TOK(i);
	for (size_t k = t->start; k < t->end; k++) {
		char c = v->text[k];
		if (c < '0' || c > '9')
			return -1;
		if (*n + 1 < cap)
			out[(*n)++] = c;
	}
	return 0;
}

/* ---- digits ---- */

/* Counts a chain of ",ddd" groups after token i: returns the number of
 * groups if the chain is valid thousands (or Indian lakh) grouping. */
static size_t comma_groups(const lex_view *v, size_t i, size_t lim)
{
	size_t g = 0, j = i;
	int saw2 = 0, last = 0;
	/* no real number has more than six groups; stopping there keeps a
	 * long "1,22,22,22..." from being walked again at every group */
	while (g < 7 && lex_punct(v, j + 1, lim, ',') && lex_glued(v, j + 1) &&
	       lex_numtok(v, j + 2, lim) && lex_glued(v, j + 2)) {
		unsigned len = v->t[j + 2].len1;
		if (len != 3 && len != 2)
			break;
		if (len == 2)
			saw2 = 1;
		last = (int)len;
		g++;
		j += 2;
	}
	if (!g)
		return 0;
	/* Indian grouping has pairs then a final three; plain grouping only
	 * threes.  "22,24,26" is a list. */
	while (g && last != 3) {
		g--;
		j -= 2;
		last = g ? v->t[j].len1 : 0;
	}
	if (!g)
		return 0;
	if (saw2) {
		/* every group but the last must be a pair */
		for (size_t k = 0; k + 1 < g; k++)
			if (v->t[i + 2 + 2 * k].len1 != 2 && v->t[i + 2 + 2 * k].len1 != 3)
				return 0;
	}
	return g;
}

/* strtod of the n bytes of buf (ASCII digits and at most one '.'), without
 * its cost in the common case: up to 15 digits make a whole number that a
 * double holds exactly, and its one division by an exact power of ten is
 * rounded once, as strtod rounds the decimal. */
static double digits_value(const char *buf, size_t n)
{
	static const double p10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
				     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	uint64_t whole = 0;
	size_t digits = 0, decimals = 0;
	int point = 0;
	for (size_t k = 0; k < n; k++) {
		if (buf[k] == '.') {
			point = 1;
			continue;
		}
		whole = whole * 10 + (uint64_t)(buf[k] - '0');
		digits++;
		decimals += (size_t)point;
	}
	if (digits == 0 || digits > 15)
		return strtod(buf, NULL);
	return (double)whole / p10[decimals];
}

/* Reads a number written with digits starting at token i.  Handles sign,
 * grouping, decimals, exponents, slashes, vulgar fractions and suffixes. */
static int parse_digits(const lex_view *v, size_t i, size_t lim, num_match *m)
{
	char buf[80];
	size_t n = 0, j = i;
	unsigned flags = NF_DIGITS;
	int neg = 0;

	if (lex_punct(v, j, lim, '-') && lex_numtok(v, j + 1, lim) && lex_glued(v, j + 1)) {
		if (j > 0 && lex_glued(v, j) && v->t[j - 1].type != TK_PUNCT)
			return 0; /* F-16, SCP-173: a name, not minus */
		if (j > 0 && v->t[j - 1].type == TK_NUM && !(v->t[j].flags & TF_NEWLINE))
			return 0; /* 75 -300mm: a dash between two numbers */
		neg = 1;
		j++;
	}
	if (lex_punct(v, j, lim, '.') && lex_numtok(v, j + 1, lim) && lex_glued(v, j + 1) &&
	    !(j > 0 && lex_glued(v, j) && v->t[j - 1].type != TK_PUNCT)) {
		/* ".25" */
		buf[n++] = '0';
		buf[n++] = '.';
		if (put_digits(v, j + 1, buf, &n, sizeof buf))
			return 0;
		flags |= NF_DECIMAL;
		j += 2;
		goto have_value;
	}
	if (!lex_numtok(v, j, lim))
		return 0;
	if (v->t[j].len1 > 18) {
		m->t0 = i;
		m->t1 = j + 1;
		m->value = NAN;
		m->low = m->high = NAN;
		m->flags = flags | NF_LONG;
		return 1;
	}
	if (put_digits(v, j, buf, &n, sizeof buf))
		return 0;
	size_t first_len = v->t[j].len1;
	j++;
	if (first_len <= 3) {
		size_t g = comma_groups(v, j - 1, lim);
		if (g) {
			for (size_t k = 0; k < g; k++) {
				put_digits(v, j + 1, buf, &n, sizeof buf);
				j += 2;
			}
			flags |= NF_GROUPED;
		} else {
			/* "40 000": groups of three after single spaces */
			while (lex_numtok(v, j, lim) && v->t[j].len1 == 3 &&
			       (v->t[j].flags & TF_SPACE) && !(v->t[j].flags & TF_NEWLINE) &&
			       single_space_gap(v, j) &&
			       !(lex_numtok(v, j + 1, lim) && lex_glued(v, j + 1))) {
				put_digits(v, j, buf, &n, sizeof buf);
				j++;
				flags |= NF_GROUPED;
			}
		}
	}
	/* decimal part, unless this is an address like 192.168.1.2 (seen from
	 * its start or from inside) */
	int dotted = i >= 2 && lex_glued(v, i) && lex_punct(v, i - 1, i, '.') &&
		     lex_glued(v, i - 1) && v->t[i - 2].type == TK_NUM;
	if (!dotted && lex_punct(v, j, lim, '.') && lex_glued(v, j) && lex_numtok(v, j + 1, lim) &&
	    lex_glued(v, j + 1) &&
	    !(lex_punct(v, j + 2, lim, '.') && lex_glued(v, j + 2) && lex_numtok(v, j + 3, lim) &&
	      lex_glued(v, j + 3))) {
		buf[n++] = '.';
		put_digits(v, j + 1, buf, &n, sizeof buf);
		flags |= NF_DECIMAL;
		j += 2;
	}
have_value:
	buf[n] = '\0';
	double val = digits_value(buf, n);

	/* exponents: 1e10, 1.3e6, 12.32e+14, 1.3x10^6, 1.1^23 */
	if (j + 1 < lim && v->t[j].type == TK_WORD && lex_glued(v, j) &&
	    v->t[j].end - v->t[j].start == 1 && (v->text[v->t[j].start] | 0x20) == 'e') {
		size_t k = j + 1;
		int eneg = 0;
		if ((lex_punct(v, k, lim, '+') || lex_punct(v, k, lim, '-')) && lex_glued(v, k)) {
			eneg = v->t[k].cp == '-';
			k++;
		}
		if (lex_numtok(v, k, lim) && lex_glued(v, k) && v->t[k].len1 <= 3) {
			char eb[8];
			size_t en = 0;
			put_digits(v, k, eb, &en, sizeof eb);
			eb[en] = '\0';
			val *= pow(10, eneg ? -atof(eb) : atof(eb));
			j = k + 1;
		}
	} else if (j + 3 < lim && v->t[j].type == TK_WORD && lex_glued(v, j) &&
		   tok_is(v->text, TOK(j), "x") && lex_numtok(v, j + 1, lim) &&
		   lex_glued(v, j + 1) && tok_is(v->text, TOK(j + 1), "10") &&
		   lex_punct(v, j + 2, lim, '^') && lex_glued(v, j + 2)) {
		size_t k = j + 3;
		int eneg = 0;
		if ((lex_punct(v, k, lim, '+') || lex_punct(v, k, lim, '-')) && lex_glued(v, k)) {
			eneg = v->t[k].cp == '-';
			k++;
		}
		if (lex_numtok(v, k, lim) && lex_glued(v, k) && v->t[k].len1 <= 3) {
			char eb[8];
			size_t en = 0;
			put_digits(v, k, eb, &en, sizeof eb);
			eb[en] = '\0';
			val *= pow(10, eneg ? -atof(eb) : atof(eb));
			j = k + 1;
		}
	} else if (lex_punct(v, j, lim, '^') && lex_glued(v, j)) {
		size_t k = j + 1;
		int eneg = 0;
		while ((lex_punct(v, k, lim, '+') || lex_punct(v, k, lim, '-')) &&
		       lex_glued(v, k)) {
			if (v->t[k].cp == '-')
				eneg = !eneg; /* 1.1^--23: two minuses */
			k++;
		}
		if (lex_numtok(v, k, lim) && lex_glued(v, k) && v->t[k].len1 <= 3) {
			char eb[8];
			size_t en = 0;
			put_digits(v, k, eb, &en, sizeof eb);
			eb[en] = '\0';
			val = pow(val, eneg ? -atof(eb) : atof(eb));
			j = k + 1;
		}
	}

	/* 3/4 and 2 1/4, but not 5/17/2018 (seen from its start or from
	 * inside) nor +1-222-2222/2222 */
	int chained = i >= 2 && lex_glued(v, i) &&
		      (lex_punct(v, i - 1, i, '/') || lex_punct(v, i - 1, i, '-')) &&
		      lex_glued(v, i - 1) && v->t[i - 2].type == TK_NUM;
	if (!chained && !(flags & (NF_DECIMAL | NF_GROUPED)) && lex_punct(v, j, lim, '/') &&
	    lex_glued(v, j) && lex_numtok(v, j + 1, lim) && lex_glued(v, j + 1) &&
	    !(lex_punct(v, j + 2, lim, '/') && lex_glued(v, j + 2)) &&
	    !(lex_punct(v, j + 2, lim, '-') && lex_glued(v, j + 2))) {
		char db[24];
		size_t dn = 0;
		if (v->t[j + 1].len1 < 10 && !put_digits(v, j + 1, db, &dn, sizeof db)) {
			db[dn] = '\0';
			double d = atof(db);
			if (d > 0) {
				val /= d;
				flags |= NF_FRACTION | NF_SLASHED;
				j += 2;
			}
		}
	} else if (!(flags & (NF_DECIMAL | NF_GROUPED)) && lex_numtok(v, j, lim) &&
		   (v->t[j].flags & TF_SPACE) && !(v->t[j].flags & TF_NEWLINE) &&
		   lex_punct(v, j + 1, lim, '/') && lex_glued(v, j + 1) &&
		   lex_numtok(v, j + 2, lim) && lex_glued(v, j + 2) &&
		   !(lex_punct(v, j + 3, lim, '/') && lex_glued(v, j + 3))) {
		/* mixed number "2 1/4": the fraction must be proper */
		char nb[24], db[24];
		size_t nn = 0, dn = 0;
		if (v->t[j].len1 < 10 && v->t[j + 2].len1 < 10 &&
		    !put_digits(v, j, nb, &nn, sizeof nb) &&
		    !put_digits(v, j + 2, db, &dn, sizeof db)) {
			nb[nn] = '\0';
			db[dn] = '\0';
			double a = atof(nb), d = atof(db);
			if (d > 0 && a < d) {
				val += a / d;
				flags |= NF_FRACTION | NF_SLASHED;
				j += 3;
			}
		}
	}
	/* a vulgar fraction glued on: 2½ */
	if (j < lim && v->t[j].type == TK_PUNCT && lex_glued(v, j)) {
		const lex_entry *e = lex_one(v, j, lim, LEX_BIT(LEX_NUM));
		if (e && e->value < 1) {
			val += e->value;
			flags |= NF_FRACTION;
			j++;
		}
	}
	/* ordinal suffix: 21st, 4th */
	if (j < lim && v->t[j].type == TK_WORD && lex_glued(v, j) &&
	    !(flags & (NF_DECIMAL | NF_FRACTION)) &&
	    (lex_word_is(v, j, lim, "st") || lex_word_is(v, j, lim, "nd") ||
	     lex_word_is(v, j, lim, "rd") || lex_word_is(v, j, lim, "th"))) {
		flags |= NF_ORDINAL;
		j++;
	}
	if (neg)
		val = -val;
	m->t0 = i;
	m->t1 = j;
	m->value = val;
	m->low = m->high = NAN;
	m->flags = flags | (neg ? NF_NEGATIVE : 0);
	return 1;
}

/* A word after token j that counts things, not lengths: a plural noun in
 * lower case ("passengers", "people", "tonnes") that is no function word.
 * "5.3m passengers" are millions where "a 5.3m wall" is in metres. */
static int counted_plural_after(const lex_view *v, size_t j, size_t lim)
{
	if (j >= lim || v->t[j].type != TK_WORD || lex_glued(v, j) || (v->t[j].flags & TF_UPPER) ||
	    lex_has(v, j, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_TIME) | LEX_BIT(LEX_VERB)))
		return 0;
	const tok *t = TOK(j);
	size_t len = t->end - t->start;
	const char *w = v->text + t->start;
	if (tok_is(v->text, t, "people"))
		return 1;
	return len >= 4 && (w[len - 1] | 0x20) == 's' && (w[len - 2] | 0x20) != 's';
}

/* "the 100m hurdles", "a 400m relay": a race or a thing measured. */
static int after_determiner(const lex_view *v, size_t i)
{
	return i > 0 && (tok_is(v->text, TOK(i - 1), "the") || tok_is(v->text, TOK(i - 1), "a") ||
			 tok_is(v->text, TOK(i - 1), "an"));
}

/* A suffix after digits: "10k", "2.5bn", "10 bln", "10M".  Letters that are
 * also units (m, g, t) count only in the case that cannot be a unit, or after
 * a currency symbol, where "£3m" means millions, or before counted things
 * ("5.3m passengers"). */
static int digit_suffix(const lex_view *v, num_match *m, size_t lim, int after_currency)
{
	size_t j = m->t1;
	if (j >= lim || v->t[j].type != TK_WORD || (m->flags & NF_ORDINAL))
		return 0;
	const lex_entry *e = lex_one(v, j, lim, LEX_BIT(LEX_SUFFIX));
	if (!e)
		return 0;
	const tok *t = TOK(j);
	size_t len = t->end - t->start;
	char c0 = v->text[t->start];
	int spaced = !lex_glued(v, j);
	if (spaced && (t->flags & TF_NEWLINE))
		return 0;
	/* The word after must not continue with letters: "10 km" is not k. */
	if (len == 1) {
		char lc = (char)(c0 | 0x20);
		if (lc == 'm' && c0 == 'm' && !after_currency &&
		    !(!spaced && counted_plural_after(v, j + 1, lim) &&
		      !after_determiner(v, m->t0)))
			return 0;
		if (lc == 'g' && (c0 == 'g' || spaced))
			return 0;
		if (lc == 't' && (c0 == 't' || spaced))
			return 0;
		if (lc == 'b' && spaced)
			return 0;
		if (lc == 'm' && spaced && !after_currency && c0 == 'm')
			return 0;
	} else if (len == 2 && tok_is(v->text, t, "mm") &&
		   !(v->text[t->start] == 'M' && v->text[t->start + 1] == 'M')) {
		return 0;
	}
	/* a letter glued after the suffix means it was a word: "10kph" */
	if (j + 1 < lim && lex_glued(v, j + 1) && v->t[j + 1].type != TK_PUNCT)
		return 0;
	if (spaced && len == 1 && (c0 | 0x20) == 'm') {
		/* "10 M" only when capitalised */
		if (c0 != 'M')
			return 0;
	}
	m->value *= e->value;
	m->flags |= NF_SCALE;
	m->t1 = j + 1;
	return 1;
}

/* ---- words ---- */

typedef struct wstate {
	double total, group; /* total of finished big-scale parts; current */
	double last_big;     /* the last scale >= 1000 applied, 0 if none */
	double tens;         /* the tens word that was the last atom, else 0 */
	double tail;         /* what the group gained after its "hundred" */
	int have;            /* a value has been read */
	int hundred;         /* the current group was multiplied by 100 */
	int scaled;          /* a scale word was applied */
	int and_last;        /* the last atom was joined by "and" */
	int last;            /* what the last atom was */
	double last_val;
	unsigned flags;
} wstate;

enum { A_NONE, A_VAL, A_TENS, A_SCALE, A_BIGSCALE };

static double wvalue(const wstate *s)
{
	return s->total + s->group;
}

/* One number word or digit group as a value atom. */
static int value_atom(const lex_view *v, size_t i, size_t lim, double *val, int *is_word,
		      size_t *end)
{
	if (i >= lim)
		return 0;
	if (v->t[i].type == TK_WORD) {
		const lex_entry *e = lex_one(v, i, lim, LEX_BIT(LEX_NUM));
		if (!e)
			return 0;
		*val = e->value;
		*is_word = 1;
		*end = i + 1;
		return 1;
	}
	if (v->t[i].type == TK_NUM) {
		num_match d;
		if (!parse_digits(v, i, lim, &d))
			return 0;
		if (d.flags & (NF_ORDINAL | NF_LONG | NF_FRACTION | NF_NEGATIVE))
			return 0;
		*val = d.value;
		*is_word = 0;
		*end = d.t1;
		return 1;
	}
	return 0;
}

static int is_tens(double v)
{
	return v >= 20 && v <= 90 && fmod(v, 10) == 0;
}

static void set_atom(wstate *s, double val, int is_word)
{
	s->tens = is_word && is_tens(val) ? val : 0;
	s->last = s->tens ? A_TENS : A_VAL;
	s->last_val = val;
}

/* Advances the word-number state by one step at token i.  Returns the next
 * token index, or 0 if nothing fits. */
static size_t wstep(const lex_view *v, size_t i, size_t lim, wstate *s)
{
	double val;
	int is_word;
	size_t end;
	const lex_entry *e;

	/* a hyphen joins tens and units: sixty-one, fifty - two */
	if (s->last == A_TENS && lex_punct(v, i, lim, '-') &&
	    value_atom(v, i + 1, lim, &val, &is_word, &end) && is_word && val >= 1 && val <= 9) {
		s->group += val;
		if (s->hundred)
			s->tail += val;
		set_atom(s, val, 0);
		return end;
	}
	if ((e = lex_one(v, i, lim, LEX_BIT(LEX_SCALE))) != NULL) {
		double sc = e->value;
		if (!s->have)
			return 0;
		if (sc == 12 && s->hundred && s->tail > 0 &&
		    (s->last == A_VAL || s->last == A_TENS)) {
			/* three hundred and two dozen: the dozen takes the two */
			s->group += s->tail * 11;
			s->tail = 0;
			s->tens = 0;
			s->scaled = 1;
			s->last = A_SCALE;
			return i + 1;
		}
		if (sc < 1000) { /* hundred, dozen */
			if (s->hundred || s->group == 0 ||
			    (s->group >= 100 && !(s->flags & NF_DIGITS)))
				return 0;
			s->group *= sc;
			s->hundred = sc == 100;
			s->tail = 0;
			s->tens = 0;
			s->scaled = 1;
			s->last = A_SCALE;
			return i + 1;
		}
		if (s->last == A_BIGSCALE && s->group == 0 && sc > s->last_big) {
			/* "three lakh crore": scales multiply */
			s->total *= sc;
			s->last_big = sc;
			return i + 1;
		}
		if (s->group == 0)
			return 0;
		if (s->last_big && sc >= s->last_big)
			return 0;
		s->total += s->group * sc;
		s->group = 0;
		s->hundred = 0;
		s->tail = 0;
		s->tens = 0;
		s->last_big = sc;
		s->scaled = 1;
		s->last = A_BIGSCALE;
		s->flags |= NF_SCALE;
		return i + 1;
	}
	if (value_atom(v, i, lim, &val, &is_word, &end)) {
		if (!s->have) {
			s->group = val;
			s->have = 1;
			set_atom(s, val, is_word);
			s->flags |= is_word ? NF_WORDS : NF_DIGITS;
			return end;
		}
		/* Digits after digits, words after digits and the reverse
		 * only combine through a scale: "4 thousand 3 hundred".
		 * Nothing is added as zero: "3 hundred and 0" is two. */
		if (s->last == A_TENS && is_word && val >= 1 && val <= 9 &&
		    !(v->t[i].flags & TF_NEWLINE)) {
			s->group += val;
			if (s->hundred)
				s->tail += val;
			set_atom(s, val, 0);
			return end;
		}
		if (s->last == A_SCALE && s->hundred && val >= 1 && val < 100 && s->group < 10000) {
			s->group += val;
			s->tail = val;
			set_atom(s, val, is_word);
			return end;
		}
		/* after digits and a scale, words go on only after "and" or
		 * before a scale of their own: "3 million 400 thousand", "6
		 * crore and two hundred", "1 million three hundred thousand",
		 * but "5 million two years ago" ends at "million" */
		if (s->last == A_BIGSCALE && val >= 1 && val < s->last_big && val < 1000 &&
		    !(is_word && (s->flags & NF_DIGITS) &&
		      !(i > 0 && lex_word_is(v, i - 1, lim, "and")) &&
		      !(end < lim && lex_has(v, end, LEX_BIT(LEX_SCALE))))) {
			s->group = val;
			s->tail = 0;
			set_atom(s, val, is_word);
			return end;
		}
		return 0;
	}
	return 0;
}

/* Number words only, no digits: the longest run from i.  Returns its end
 * (i if none) with the state in s. */
static size_t words_only(const lex_view *v, size_t i, size_t lim, wstate *s)
{
	wstate t;
	memset(&t, 0, sizeof t);
	*s = t;
	size_t j = i, best = i;
	for (;;) {
		size_t nj = wstep(v, j, lim, &t);
		if (!nj || (t.flags & NF_DIGITS))
			break;
		j = nj;
		*s = t;
		best = j;
	}
	return best;
}

/* Plural ordinals and fraction words are the denominators of numerators
 * other than one: "two thirds", "three quarters". */
static int plural_ord(const lex_view *v, size_t k, const lex_entry *o)
{
	return o->a != NULL || (o->cat == LEX_FRAC && (tok_is(v->text, TOK(k), "quarters") ||
						       tok_is(v->text, TOK(k), "halves")));
}

/* An ordinal, maybe compound: "fifth", "twenty-first", "thirty fifths",
 * "one hundred fifth", "one hundred and fifth", "hundredths", and the
 * fraction words "half", "quarters". */
typedef struct ordp {
	double value;
	size_t end;
	int plural, compound, frac_word;
} ordp;

static int ord_phrase(const lex_view *v, size_t i, size_t lim, ordp *o)
{
	wstate c;
	size_t j = words_only(v, i, lim, &c);
	int and = 0;
	if (j > i && lex_word_is(v, j, lim, "and") && (c.last == A_SCALE || c.last == A_BIGSCALE)) {
		j++;
		and = 1;
	}
	if (j > i && lex_punct(v, j, lim, '-') && !(v->t[j].flags & TF_NEWLINE))
		j++;
	const lex_entry *e = lex_one(v, j, lim,
				     LEX_BIT(LEX_ORD) | (j == i ? LEX_BIT(LEX_FRAC) : 0));
	if (!e)
		return 0;
	double ov = e->value, val;
	if (j == i)
		val = ov;
	else if (c.last == A_TENS && !and&&ov >= 1 && ov <= 9)
		val = wvalue(&c) + ov;
	else if ((c.last == A_SCALE && ov < 100) || (c.last == A_BIGSCALE && ov < c.last_big))
		val = wvalue(&c) + ov;
	else if (ov >= 100 && !and&&(c.last == A_VAL || c.last == A_TENS))
		val = wvalue(&c) * ov; /* two hundredth */
	else
		return 0;
	o->value = val;
	o->end = j + 1;
	o->plural = plural_ord(v, j, e);
	o->compound = j > i;
	o->frac_word = e->cat == LEX_FRAC;
	return 1;
}

/* "and a half", "and three quarters", "and fifty-four hundredths" after a
 * number: returns the tokens used, with the fraction in *num / *den. */
static size_t and_fraction(const lex_view *v, size_t i, size_t lim, double *num, double *den)
{
	if (!lex_word_is(v, i, lim, "and"))
		return 0;
	size_t j = i + 1;
	double n = 1;
	if (lex_word_is(v, j, lim, "a") || lex_word_is(v, j, lim, "an")) {
		j++;
	} else {
		wstate c;
		size_t e = words_only(v, j, lim, &c);
		if (e == j || c.last_big)
			return 0;
		n = wvalue(&c);
		if (n < 1 || n >= 1000)
			return 0;
		j = e;
	}
	const lex_entry *f = lex_one(v, j, lim, LEX_BIT(LEX_FRAC) | LEX_BIT(LEX_ORD));
	if (!f || f->value < 2 || (f->cat == LEX_ORD && f->value == 2) ||
	    (n == 1) != !plural_ord(v, j, f))
		return 0;
	*num = n;
	*den = f->value;
	return j + 1 - i;
}

/* "point" and the digits after it as words: two hundred point zero three,
 * nought point eleven. */
static size_t point_words(const lex_view *v, size_t j, size_t lim, double *val)
{
	char frac[32];
	size_t fn = 0, k = j + 1;
	double dv;
	int w;
	size_t e2;
	while (fn < 24 && value_atom(v, k, lim, &dv, &w, &e2) && w && dv < 100) {
		double unit;
		int w2;
		size_t e3;
		if (is_tens(dv) && lex_punct(v, e2, lim, '-') &&
		    value_atom(v, e2 + 1, lim, &unit, &w2, &e3) && w2 && unit >= 1 && unit < 10) {
			dv += unit;
			e2 = e3;
		}
		fn += (size_t)snprintf(frac + fn, sizeof frac - fn, "%d", (int)dv);
		k = e2;
	}
	if (!fn)
		return j;
	char full[64];
	frac[fn] = '\0';
	snprintf(full, sizeof full, "%.0f.%s", *val, frac);
	*val = atof(full);
	return k;
}

/* Parses a number written (at least partly) in words, starting at token i. */
/* A fraction word at j: "half", "a quarter", "half a dozen", "a quarter
 * million" (i: where the number starts, before "a" or "minus").  Returns
 * 1 with *m set, 0 when it is no number, -1 when there is no fraction
 * word. */
static int fraction_word(const lex_view *v, size_t i, size_t j, size_t lim, int article, int neg,
			 num_match *m)
{
	const lex_entry *f = lex_one(v, j, lim, LEX_BIT(LEX_FRAC));
	if (!f)
		return -1;
	size_t k = j + 1;
	if (lex_word_is(v, k, lim, "a") || lex_word_is(v, k, lim, "an"))
		k++;
	const lex_entry *sc = lex_one(v, k, lim, LEX_BIT(LEX_SCALE));
	if (sc && sc->value >= 12) {
		m->t0 = i;
		m->t1 = k + 1;
		m->value = sc->value / f->value;
		m->low = m->high = NAN;
		m->flags = NF_WORDS | NF_SCALE | NF_FRACTION | (article ? NF_ARTICLE : 0);
		return 1;
	}
	if (neg)
		return 0;
	m->t0 = i;
	m->t1 = j + 1;
	m->value = 1 / f->value;
	m->low = m->high = NAN;
	m->flags = NF_WORDS | NF_FRACTION | (article ? NF_ARTICLE : 0);
	return 1;
}

/* After "a" or "an", or at "hundred thousand": a scale ("a hundred", "a
 * dozen"), which starts *s, or an ordinal of a fraction ("a fifth", "a
 * twenty-first", but not "a third term").  Returns 1 with *m set (the
 * fraction), 0 when it is no number, -1 to read on. */
static int article_number(const lex_view *v, size_t i, size_t j, size_t lim, int article, int neg,
			  wstate *s, num_match *m)
{
	const lex_entry *sc0 = lex_one(v, j, lim, LEX_BIT(LEX_SCALE));
	if (article ||
	    (sc0 && sc0->value == 100 && !neg && lex_one(v, j + 1, lim, LEX_BIT(LEX_SCALE)) &&
	     lex_one(v, j + 1, lim, LEX_BIT(LEX_SCALE))->value >= 1000)) {
		/* a hundred, a million, a dozen; "hundred thousand" */
		ordp o;
		if (sc0) {
			s->have = 1;
			s->group = 1;
			s->flags = NF_WORDS | (article ? NF_ARTICLE : 0);
			s->last = A_VAL;
		} else if (ord_phrase(v, j, lim, &o) && !o.plural && !o.frac_word && o.value >= 3 &&
			   !(o.end < lim && v->t[o.end].type == TK_WORD &&
			     !lex_has(v, o.end, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_SCALE)))) {
			/* a fifth, a twenty-first; but before a noun it is the
			 * ordinal: a third term, a twenty-first birthday */
			m->t0 = i;
			m->t1 = o.end;
			m->value = 1 / o.value;
			m->low = m->high = NAN;
			m->flags = NF_WORDS | NF_FRACTION | NF_ARTICLE;
			return 1;
		} else {
			return 0;
		}
	}
	return -1;
}

/* The words of a number from j on ("one hundred and six", "3 hundred"),
 * read by wstep with *s: the end of the longest run that has a value (0
 * when none), and *s as it was there. */
static size_t word_run(const lex_view *v, size_t j, size_t lim, wstate *s)
{
	size_t best_t1 = 0;
	wstate best;
	memset(&best, 0, sizeof best);
	for (;;) {
		size_t nj = wstep(v, j, lim, s);
		if (!nj) {
			/* "and" may join parts: one hundred and six; but a
			 * proper fraction after it is added: one hundred and
			 * three quarters, six million and two thirds */
			double an, ad;
			if (lex_word_is(v, j, lim, "and") && s->have &&
			    (s->last == A_SCALE || s->last == A_BIGSCALE) &&
			    !(and_fraction(v, j, lim, &an, &ad) && an < ad)) {
				wstate t = *s, u;
				size_t nj2 = wstep(v, j + 1, lim, &t);
				/* not when the part after "and" has a scale of
				 * its own: 3 hundred and 2 hundred are two */
				if (nj2 && lex_has(v, nj2, LEX_BIT(LEX_SCALE)) &&
				    (u = t, !wstep(v, nj2, lim, &u)))
					nj2 = 0;
				if (nj2) {
					*s = t;
					s->and_last = 1;
					j = nj2;
					best = *s;
					best_t1 = j;
					continue;
				}
			}
			break;
		}
		s->and_last = 0;
		j = nj;
		if (s->have) {
			best = *s;
			best_t1 = j;
		}
	}
	if (best_t1)
		*s = best;
	return best_t1;
}

/* A denominator or an ordinal after the words read up to *jp ("two
 * thirds", "five - eighths", "three twenty-firsts", "a hundred
 * trillionths"; "twenty-first", "one hundred fifth"): *val and *flags
 * take it and *jp moves past it.  Returns whether one was read. */
static int word_denominator(const lex_view *v, size_t *jp, size_t lim, const wstate *s,
			    double *valp, unsigned *flagsp)
{
	size_t j = *jp;
	double val = *valp;
	unsigned flags = *flagsp;
	int done = 0;
	size_t d0 = j;
	if (lex_punct(v, j, lim, '-') && !(v->t[j].flags & TF_NEWLINE))
		d0 = j + 1;
	if (flags & NF_WORDS) {
		/* a final tens word may start the ordinal: one hundred thirty
		 * fifths is 100/35, one hundred twenty-first is 121st */
		const lex_entry *u = s->tens && !s->and_last ? lex_one(v, d0, lim, LEX_BIT(LEX_ORD))
							     : NULL;
		if (u && u->value >= 1 && u->value <= 9) {
			int pl = plural_ord(v, d0, u);
			double n = val - s->tens;
			if (n > 0 && pl) {
				val = n / (s->tens + u->value);
				flags |= NF_FRACTION;
				done = 1;
			} else if (n > 0 || d0 > j || !pl) {
				val += u->value;
				flags |= NF_ORDINAL;
				done = 1;
			}
			if (done)
				j = d0 + 1;
		}
		ordp o;
		if (!done && ord_phrase(v, d0, lim, &o) && o.value >= 2 &&
		    !(!o.compound && !o.frac_word && o.value == 2)) {
			if ((val == 1) == !o.plural && (o.plural || !(flags & NF_SCALE))) {
				int scaled = (flags & NF_SCALE) != 0;
				val /= o.value;
				flags |= NF_FRACTION;
				j = o.end;
				done = 1;
				/* three quarters billion; two thirds of a million */
				const lex_entry *sc = lex_one(v, j, lim, LEX_BIT(LEX_SCALE));
				size_t k = j;
				if (!sc && lex_word_is(v, j, lim, "of") &&
				    (lex_word_is(v, j + 1, lim, "a") ||
				     lex_word_is(v, j + 1, lim, "an"))) {
					sc = lex_one(v, j + 2, lim, LEX_BIT(LEX_SCALE));
					k = j + 2;
				}
				if (sc && sc->value >= 1000 && !scaled) {
					val *= sc->value;
					flags |= NF_SCALE;
					j = k + 1;
				}
			} else if (!o.plural && !o.compound && !o.frac_word &&
				   ((s->last == A_SCALE && o.value < 100) ||
				    (s->last == A_BIGSCALE && o.value < s->last_big))) {
				/* one hundred fifth */
				val += o.value;
				flags |= NF_ORDINAL;
				j = o.end;
				done = 1;
			}
		}
	}
	*jp = j;
	*valp = val;
	*flagsp = flags;
	return done;
}

/* What may follow the words of a number read up to *jp: a fraction after
 * "and" ("five and a half million", "three million and a half") or
 * decimals after "point" ("two point five"). */
static void word_tail(const lex_view *v, size_t *jp, size_t lim, const wstate *s, double *valp,
		      unsigned *flagsp)
{
	size_t j = *jp;
	double val = *valp;
	unsigned flags = *flagsp;
	double an, ad;
	size_t used;
	if ((used = and_fraction(v, j, lim, &an, &ad)) != 0) {
		double add = an / ad;
		j += used;
		flags |= NF_FRACTION;
		const lex_entry *sc = lex_one(v, j, lim, LEX_BIT(LEX_SCALE));
		if (sc && sc->value >= 1000) {
			if (s->last == A_BIGSCALE)
				val += add * sc->value; /* a billion and a half million */
			else
				val = (val + add) * sc->value; /* five and a half million */
			flags |= NF_SCALE;
			j++;
		} else {
			if (s->last == A_BIGSCALE && s->group == 0)
				add *= s->last_big; /* three million and a half */
			val += add;
		}
	} else if (lex_word_is(v, j, lim, "point") && (flags & NF_WORDS) && !(flags & NF_DIGITS)) {
		size_t k = point_words(v, j, lim, &val);
		if (k > j) {
			flags |= NF_DECIMAL;
			j = k;
		}
	}
	*jp = j;
	*valp = val;
	*flagsp = flags;
}

static int parse_words(const lex_view *v, size_t i, size_t lim, num_match *m)
{
	wstate s;
	memset(&s, 0, sizeof s);
	size_t j = i;
	int article = 0, neg = 0;

	if (lex_word_is(v, j, lim, "minus") || lex_word_is(v, j, lim, "negative")) {
		neg = 1;
		j++;
	}
	if (lex_word_is(v, j, lim, "a") || lex_word_is(v, j, lim, "an")) {
		article = 1;
		j++;
	}
	/* half / quarter [a] scale; half a dozen; a half; a quarter */
	int r = fraction_word(v, i, j, lim, article, neg, m);
	if (r >= 0)
		return r;
	if ((r = article_number(v, i, j, lim, article, neg, &s, m)) >= 0)
		return r;
	size_t best_t1 = word_run(v, j, lim, &s);
	if (!best_t1)
		return 0;
	j = best_t1;
	if (!(s.flags & NF_WORDS) && !s.scaled && !article && !neg)
		return 0; /* plain digits are parse_digits' */
	double val = wvalue(&s);
	unsigned flags = s.flags;
	if ((flags & NF_DIGITS) && s.scaled)
		flags |= NF_SCALE; /* 3 hundred */

	if (!word_denominator(v, &j, lim, &s, &val, &flags))
		word_tail(v, &j, lim, &s, &val, &flags);
	if (neg)
		val = -val;
	m->t0 = i;
	m->t1 = j;
	m->value = val;
	m->low = m->high = NAN;
	m->flags = flags | (article ? NF_ARTICLE : 0) | (neg ? NF_NEGATIVE : 0);
	return 1;
}

/* Vague plurals: hundreds, tens of thousands, several hundred, a few dozen. */
static int parse_vague(const lex_view *v, size_t i, size_t lim, num_match *m)
{
	size_t j = i;
	double lo_mul = 2, hi_mul = 10;
	if (lex_word_is(v, j, lim, "several")) {
		lo_mul = 3;
		j++;
	} else if (lex_word_is(v, j, lim, "a") && lex_word_is(v, j + 1, lim, "few")) {
		lo_mul = 2;
		hi_mul = 6;
		j += 2;
	} else if (lex_word_is(v, j, lim, "few")) {
		lo_mul = 2;
		hi_mul = 6;
		j++;
	} else if (lex_word_is(v, j, lim, "many")) {
		j++;
	}
	if (j > i) {
		const lex_entry *sc = lex_one(v, j, lim, LEX_BIT(LEX_SCALE) | LEX_BIT(LEX_VAGUE));
		if (!sc)
			return 0;
		m->t0 = i;
		m->t1 = j + 1;
		m->low = lo_mul * sc->value;
		m->high = hi_mul * sc->value - 1;
		m->value = NAN;
		m->flags = NF_WORDS | NF_VAGUE;
		/* "many thousands", "several hundreds": no ceiling; "a few
		 * dozens" keeps the one "a few" gives */
		if (sc->cat == LEX_VAGUE && hi_mul == 10)
			m->flags |= NF_MANY;
		return 1;
	}
	const lex_entry *a = lex_one(v, j, lim, LEX_BIT(LEX_VAGUE));
	if (!a)
		return 0;
	double unit = a->value;
	j++;
	/* tens of thousands, hundreds of millions */
	if (lex_word_is(v, j, lim, "of")) {
		const lex_entry *b = lex_one(v, j + 1, lim, LEX_BIT(LEX_VAGUE));
		if (b && b->value > unit && b->value >= 1000) {
			unit *= b->value;
			j += 2;
		}
	}
	/* a vague plural spans one order of magnitude from its unit (CQE's
	 * broad range): "thousands" 1,000 to 10,000, "tens of thousands"
	 * 10,000 to 100,000, "dozens" 12 to 120 */
	m->t0 = i;
	m->t1 = j;
	m->low = unit;
	m->high = 10 * unit;
	m->value = NAN;
	/* a plural of a dozen or more is said of any larger number too
	 * ("thousands" of 12,000); "tens of people" stays below a hundred */
	m->flags = NF_WORDS | NF_VAGUE | (unit >= 12 ? NF_PLURAL : 0);
	return 1;
}

int num_parse(const lex_view *v, size_t i, size_t lim, num_match *m)
{
	if (i >= lim)
		return 0;
	const tok *t = TOK(i);
	memset(m, 0, sizeof *m);
	if (t->type == TK_NUM || (t->type == TK_PUNCT && (t->cp == '-' || t->cp == '.'))) {
		if (!parse_digits(v, i, lim, m))
			return 0;
		if (m->flags & (NF_LONG | NF_ORDINAL))
			return 1;
		int after_cur = i > 0 && lex_has(v, i - 1, LEX_BIT(LEX_CUR_SYM));
		digit_suffix(v, m, lim, after_cur);
		/* digits followed by scale words: 2 million, 4 thousand 3
		 * hundred and 21 */
		if (!(m->flags & (NF_FRACTION | NF_NEGATIVE)) && m->t1 < lim &&
		    lex_has(v, m->t1, LEX_BIT(LEX_SCALE))) {
			num_match w;
			if (!(m->flags & NF_SCALE) && parse_words(v, i, lim, &w) && w.t1 > m->t1) {
				*m = w;
				m->flags |= NF_DIGITS;
			} else if (m->flags & NF_SCALE) {
				/* 1.2k million? leave it */
			} else {
				const lex_entry *sc = lex_one(v, m->t1, lim, LEX_BIT(LEX_SCALE));
				if (sc) {
					m->value *= sc->value;
					m->flags |= NF_SCALE;
					m->t1++;
				}
			}
		}
		/* "a $1.2-trillion bill", "a 5-million-strong": a hyphen
		 * glued on both sides before a scale word */
		if (!(m->flags & (NF_SCALE | NF_FRACTION | NF_NEGATIVE)) && m->t1 + 1 < lim &&
		    v->t[m->t1].type == TK_PUNCT && v->t[m->t1].cp == '-' && lex_glued(v, m->t1) &&
		    lex_glued(v, m->t1 + 1)) {
			const lex_entry *sc = lex_one(v, m->t1 + 1, lim, LEX_BIT(LEX_SCALE));
			if (sc && sc->value >= 1000) {
				m->value *= sc->value;
				m->flags |= NF_SCALE;
				m->t1 += 2;
			}
		}
		/* "1,674.5 million" has a decimal; parse_words can't read it */
		if ((m->flags & NF_DECIMAL) && !(m->flags & NF_SCALE) && m->t1 < lim) {
			const lex_entry *sc = lex_one(v, m->t1, lim, LEX_BIT(LEX_SCALE));
			if (sc && !(v->t[m->t1].flags & TF_NEWLINE)) {
				m->value *= sc->value;
				m->flags |= NF_SCALE;
				m->t1++;
			}
		}
		return 1;
	}
	if (t->type == TK_PUNCT) {
		const lex_entry *e = lex_one(v, i, lim, LEX_BIT(LEX_NUM));
		if (e) {
			m->t0 = i;
			m->t1 = i + 1;
			m->value = e->value;
			m->low = m->high = NAN;
			m->flags = NF_FRACTION;
			return 1;
		}
		return 0;
	}
	if (t->type != TK_WORD)
		return 0;
	/* "minus 12 degrees", "negative 0.5%": a sign in words */
	if (lex_word_is(v, i, lim, "minus") && i >= 2 && tok_is(v->text, TOK(i - 1), "or") &&
	    tok_is(v->text, TOK(i - 2), "plus"))
		return 0; /* a margin: "plus or minus 3 points" */
	if ((lex_word_is(v, i, lim, "minus") || lex_word_is(v, i, lim, "negative")) &&
	    i + 1 < lim && v->t[i + 1].type == TK_NUM && !lex_glued(v, i + 1) &&
	    num_parse(v, i + 1, lim, m) &&
	    !(m->flags & (NF_NEGATIVE | NF_ORDINAL | NF_LONG | NF_VAGUE))) {
		m->t0 = i;
		m->value = -m->value;
		m->flags |= NF_NEGATIVE;
		return 1;
	}
	uint32_t c = v->cats[i];
	if (c & (LEX_BIT(LEX_VAGUE)) || lex_word_is(v, i, lim, "several") ||
	    lex_word_is(v, i, lim, "few") || lex_word_is(v, i, lim, "many") ||
	    (lex_word_is(v, i, lim, "a") && lex_word_is(v, i + 1, lim, "few"))) {
		if (parse_vague(v, i, lim, m))
			return 1;
	}
	if (c & (LEX_BIT(LEX_NUM) | LEX_BIT(LEX_FRAC) | LEX_BIT(LEX_SCALE)) ||
	    lex_word_is(v, i, lim, "a") || lex_word_is(v, i, lim, "an") ||
	    lex_word_is(v, i, lim, "minus") || lex_word_is(v, i, lim, "negative")) {
		if (parse_words(v, i, lim, m))
			return 1;
	}
	if (c & LEX_BIT(LEX_ORD)) {
		const lex_entry *o = lex_one(v, i, lim, LEX_BIT(LEX_ORD));
		if (o && !o->a) {
			m->t0 = i;
			m->t1 = i + 1;
			m->value = o->value;
			m->low = m->high = NAN;
			m->flags = NF_WORDS | NF_ORDINAL;
			return 1;
		}
	}
	return 0;
}

int num_ratio(const lex_view *v, num_match *m, size_t lim)
{
	enum { OVER, OUT_OF, IN } kind;
	size_t k = m->t1;
	if (m->flags & (NF_ORDINAL | NF_VAGUE | NF_LONG | NF_FRACTION) || isnan(m->value))
		return 0;
	if (lex_word_is(v, k, lim, "over")) {
		kind = OVER;
		k++;
	} else if (lex_word_is(v, k, lim, "out") && lex_word_is(v, k + 1, lim, "of")) {
		kind = OUT_OF;
		k += 2;
	} else if (lex_word_is(v, k, lim, "in")) {
		kind = IN;
		k++;
	} else {
		return 0;
	}
	num_match d;
	if (!num_parse(v, k, lim, &d) ||
	    d.flags & (NF_ORDINAL | NF_VAGUE | NF_LONG | NF_NEGATIVE | NF_FRACTION | NF_DECIMAL) ||
	    !(d.value > 0))
		return 0;
	/* "over 3 years" is a stretch of time, not a denominator */
	if (kind == OVER && d.t1 < lim && v->t[d.t1].type == TK_WORD)
		return 0;
	if (kind != OVER && fabs(m->value) > d.value)
		return 0;
	if (kind == IN && ((d.flags == NF_DIGITS && d.t1 == d.t0 + 1 && v->t[d.t0].len1 == 4 &&
			    d.value >= 1000 && d.value < 3000) ||
			   lex_has(v, d.t1, LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_PER))))
		return 0;
	m->value /= d.value;
	m->t1 = d.t1;
	m->flags |= NF_FRACTION;
	return 1;
}

void num_format(double value, char *out, size_t cap)
{
	if (isnan(value)) {
		snprintf(out, cap, "null");
		return;
	}
	/* by hand, as "%.15g" writes them, the common cases: whole numbers
	 * and values of up to six decimals (snprintf's floating point costs
	 * thousands of instructions a call) */
	double a = fabs(value);
	if (a < 1e15 && !(value == 0 && signbit(value))) {
		static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
		int dec = -1;
		double scaled = 0;
		if (a == floor(a)) {
			dec = 0;
			scaled = a;
		} else if (a >= 1e-4) {
			/* the fewest decimals that give the value to well within
			 * half a unit of its fifteenth significant digit */
			double tol = pow(10, floor(log10(a)) - 15);
			for (int k = 0; k <= 6 && dec < 0; k++) {
				double n = floor(a * p10[k] + 0.5);
				if (n < 1e15 && fabs(n / p10[k] - a) < tol) {
					dec = k;
					scaled = n;
				}
			}
		}
		if (dec >= 0) {
			char tmp[40];
			size_t n = 0;
			unsigned long long u = (unsigned long long)scaled;
			for (int k = 0; k < dec || u || n <= (size_t)dec; k++) {
				if (k == dec && dec)
					tmp[n++] = '.';
				tmp[n++] = (char)('0' + u % 10);
				u /= 10;
				if (k >= dec && !u)
					break;
			}
			if (value < 0)
				tmp[n++] = '-';
			size_t k = 0;
			while (n && k + 1 < cap)
				out[k++] = tmp[--n];
			if (cap)
				out[k] = '\0';
			return;
		}
	}
	snprintf(out, cap, "%.15g", value);
	/* "1e+20" is valid JSON, but keep no "inf" */
	if (isinf(value))
		snprintf(out, cap, "null");
}
