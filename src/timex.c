/* timex.c: time expressions, read token by token against a reference date.
 *
 * Each reader looks at a few tokens after its start and no further, so a
 * scan over a sentence stays linear whatever the input (100,000 month names
 * in a row are 100,000 one-token months).
 *
 * Dates without a year, bare months and weekdays are news: they are taken
 * in the past of the reference date ("Friday" is the last Friday on or
 * before it, "June" the last June), except that a month or a date up to two
 * months ahead stays in the reference year, since articles announce events
 * that close ("the vote on Nov. 5" in an October article).  A day of the
 * month alone ("on the 27th") is the nearest such day.
 *
 * Two expressions joined by "to", "until", "through", a dash or, after
 * "between", "and" are one range ("from Oct. 2 to October 22"): an
 * interval whose ends keep the precision they were written with. */
#include "timex.h"
#include "calendar.h"
#include "number.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define TOK(i) (&v->t[(i)])

const char *timex_gran_name(timex_gran g)
{
	static const char *const names[] = {"day",      "week",     "month",  "quarter",
					    "season",   "year",     "decade", "century",
					    "duration", "interval", "time"};
	return (unsigned)g < sizeof names / sizeof *names ? names[g] : "day";
}

/* ---- calendar arithmetic (src/calendar.h) */

static long days_from_civil(int y, int m, int d)
{
	return cal_days_from_civil(y, m, d);
}

static timex_date civil_from_days(long z)
{
	long y, m, d;
	cal_civil_from_days(z, &y, &m, &d);
	timex_date r;
	r.y = (int)y;
	r.m = (int)m;
	r.d = (int)d;
	return r;
}

static int days_in_month(int y, int m)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

/* ISO weekday, 1 (Monday) to 7 (Sunday). */
static int weekday_of(long days)
{
	long w = (days + 3) % 7; /* 1970-01-01 was a Thursday */
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

static void iso_week(long days, int *wy, int *wn)
{
	long thu = days - weekday_of(days) + 4; /* the week's Thursday */
	timex_date t = civil_from_days(thu);
	*wy = t.y;
	*wn = (int)((thu - days_from_civil(t.y, 1, 1)) / 7 + 1);
}

int timex_date_parse(const char *s, size_t len, timex_date *out)
{
	out->y = out->m = out->d = 0;
	if (!s || len < 10)
		return 0;
	for (size_t k = 0; k < 10; k++)
		if (k == 4 || k == 7 ? s[k] != '-' : (s[k] < '0' || s[k] > '9'))
			return 0;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return 0;
	out->y = y;
	out->m = m;
	out->d = d;
	return 1;
}

timex_date timex_date_add(timex_date d, long n)
{
	return civil_from_days(days_from_civil(d.y, d.m, d.d) + n);
}

/* ---- the reading state ---- */

typedef struct rd {
	const lex_view *v;
	size_t lim;
	timex_date ref;     /* y == 0: none */
	int the_ok;         /* the last match takes a "the" before it */
	int no_clock;       /* reading the day after a clock time: no other clock */
	timex_date start;   /* first day of the last match (y == 0: none) */
	int bare_m, bare_d; /* the month and day (0: none) of the last match
			       when it had no year: "Oct. 2", "June" */
} rd;

static void put(timex *o, timex_gran g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(o->value, sizeof o->value, fmt, ap);
	va_end(ap);
	o->gran = g;
}

static void put_day(rd *r, timex *o, timex_date d)
{
	put(o, TG_DAY, "%04d-%02d-%02d", d.y, d.m, d.d);
	r->start = d;
}

static void put_month(rd *r, timex *o, int y, int m)
{
	put(o, TG_MONTH, "%04d-%02d", y, m);
	r->start.y = y, r->start.m = m, r->start.d = 1;
}

static void put_year(rd *r, timex *o, int y)
{
	put(o, TG_YEAR, "%04d", y);
	r->start.y = y, r->start.m = 1, r->start.d = 1;
}

/* The first month of a season (TIMEX3 code): a winter starts in December
 * of its year. */
static int season_month(const char *code)
{
	return code[0] == 'S' ? (code[1] == 'P' ? 3 : 6) : code[0] == 'F' ? 9 : 12;
}

static void put_season(rd *r, timex *o, int y, const char *code)
{
	put(o, TG_SEASON, "%04d-%s", y, code);
	r->start.y = y, r->start.m = season_month(code), r->start.d = 1;
}

/* Nothing known without a reference date. */
static void put_unknown(timex *o, timex_gran g)
{
	o->value[0] = '\0';
	o->gran = g;
	o->relative = 1;
	o->unresolved = 1;
}

static int has_ref(const rd *r)
{
	return r->ref.y != 0;
}

static void put_time(rd *r, timex *o, int minute, const char *part, int on_ref);

static long ref_days(const rd *r)
{
	return days_from_civil(r->ref.y, r->ref.m, r->ref.d);
}

/* ---- token tests ---- */

static const lex_entry *time_word(const rd *r, size_t i, size_t *len)
{
	size_t n;
	const lex_entry *e = lex_match(r->v, i, r->lim, LEX_BIT(LEX_TIME), &n);
	if (e && len)
		*len = n;
	return e;
}

static int is_class(const lex_entry *e, lex_tclass cls)
{
	return e && e->tag == cls;
}

/* A time word of a class; *end is the token after it. */
static const lex_entry *time_class(const rd *r, size_t i, lex_tclass cls, size_t *end)
{
	size_t n;
	const lex_entry *e = time_word(r, i, &n);
	if (!is_class(e, cls))
		return NULL;
	*end = i + n;
	return e;
}

static int word_is(const rd *r, size_t i, const char *w)
{
	return lex_word_is(r->v, i, r->lim, w);
}

static int punct_is(const rd *r, size_t i, uint32_t cp)
{
	return lex_punct(r->v, i, r->lim, cp);
}

/* A run of digits of n digits at most, as a value; -1 if none. */
static int digits(const rd *r, size_t i, int maxlen)
{
	const lex_view *v = r->v;
	if (!lex_numtok(v, i, r->lim) || TOK(i)->len1 > maxlen)
		return -1;
	int x = 0;
	for (size_t k = TOK(i)->start; k < TOK(i)->end; k++)
		x = x * 10 + (v->text[k] - '0');
	return x;
}

/* Glued to the token before it. */
static int glued(const rd *r, size_t i)
{
	return i < r->lim && lex_glued(r->v, i);
}

/* Digits or a letter glued after token i - 1 would make it part of a
 * code, a decimal or a larger number. */
static int ends_clean(const rd *r, size_t i)
{
	const lex_view *v = r->v;
	if (i >= r->lim || !glued(r, i))
		return 1;
	if (TOK(i)->type != TK_PUNCT)
		return 0;
	uint32_t c = TOK(i)->cp;
	if (c == '%' || c == '$' || c == '/' || c == ':')
		return 0;
	if ((c == '.' || c == ',' || c == '-') && i + 1 < r->lim && glued(r, i + 1) &&
	    TOK(i + 1)->type == TK_NUM)
		return 0;
	return 1;
}

/* Not glued after something that makes it part of a code or amount. */
static int starts_clean(const rd *r, size_t i)
{
	const lex_view *v = r->v;
	if (i == 0 || !lex_glued(v, i))
		return 1;
	const tok *p = TOK(i - 1);
	if (p->type == TK_WORD || p->type == TK_NUM)
		return 0;
	return !(p->cp == '$' || p->cp == '.' || p->cp == ',' || p->cp == '/' || p->cp == ':' ||
		 p->cp == '#' || p->cp == '-' || p->cp == '+');
}

/* A month name at i, with the full stop of an abbreviation ("Oct."). */
static int month_at(const rd *r, size_t i, size_t *end)
{
	const lex_view *v = r->v;
	const lex_entry *e = lex_one(v, i, r->lim, LEX_BIT(LEX_MONTH));
	if (!e)
		return 0;
	size_t j = i + 1;
	/* the full stop of "Oct." and "Sept.", not of "in June." */
	const tok *t = TOK(i);
	if (punct_is(r, j, '.') && glued(r, j) && t->end - t->start <= 4 &&
	    !tok_is(v->text, t, "june") && !tok_is(v->text, t, "july") &&
	    !tok_is(v->text, t, "may"))
		j++;
	*end = j;
	return (int)e->value;
}

/* A day of the month: "18", "18th", "the 18th" is the caller's. */
static int day_at(const rd *r, size_t i, size_t *end)
{
	const lex_view *v = r->v;
	int d = digits(r, i, 2);
	if (d < 1 || d > 31 || !starts_clean(r, i))
		return 0;
	size_t j = i + 1;
	if (j < r->lim && glued(r, j) && TOK(j)->type == TK_WORD &&
	    (tok_is(v->text, TOK(j), "st") || tok_is(v->text, TOK(j), "nd") ||
	     tok_is(v->text, TOK(j), "rd") || tok_is(v->text, TOK(j), "th")))
		j++;
	if (!ends_clean(r, j))
		return 0;
	/* a clock time or a count: "18:30", "5 troops" is the caller's */
	*end = j;
	return d;
}

/* A year written with four digits, 1000 to 2199. */
static int year_at(const rd *r, size_t i, size_t *end)
{
	int y = digits(r, i, 4);
	if (y < 1000 || y > 2199 || r->v->t[i].len1 != 4 || !starts_clean(r, i) ||
	    !ends_clean(r, i + 1))
		return 0;
	*end = i + 1;
	return y;
}

/* An ordinal 1..31: "3rd", "third" (LEX_ORD); 0 if none. */
static int ordinal_at(const rd *r, size_t i, size_t *end)
{
	const lex_view *v = r->v;
	int d = digits(r, i, 3);
	if (d > 0) {
		size_t j = i + 1;
		if (j < r->lim && glued(r, j) && TOK(j)->type == TK_WORD &&
		    (tok_is(v->text, TOK(j), "st") || tok_is(v->text, TOK(j), "nd") ||
		     tok_is(v->text, TOK(j), "rd") || tok_is(v->text, TOK(j), "th"))) {
			*end = j + 1;
			return d;
		}
		return 0;
	}
	size_t n;
	const lex_entry *e = lex_match(v, i, r->lim, LEX_BIT(LEX_ORD), &n);
	if (!e || e->value < 1 || e->value > 31)
		return 0;
	*end = i + n;
	return (int)e->value;
}

/* A day of the month in digits with or without its suffix, "19", "19th",
 * whatever follows it (the "-" of "19-20"); 0 if none.  Also after a
 * glued dash ("19-20"): the caller's. */
static int day_num(const rd *r, size_t i, size_t *end)
{
	const lex_view *v = r->v;
	int d = digits(r, i, 2);
	if (d < 1 || d > 31 ||
	    !(starts_clean(r, i) ||
	      (i > 0 && punct_is(r, i - 1, '-') && i > 1 && TOK(i - 2)->type == TK_NUM)))
		return 0;
	size_t j = i + 1;
	if (j < r->lim && glued(r, j) && TOK(j)->type == TK_WORD &&
	    (tok_is(v->text, TOK(j), "st") || tok_is(v->text, TOK(j), "nd") ||
	     tok_is(v->text, TOK(j), "rd") || tok_is(v->text, TOK(j), "th")))
		j++;
	*end = j;
	return d;
}

/* A day of the month as an ordinal word: "second", "twenty-first",
 * "thirty first" (LEX_ORD after LEX_NUM twenty or thirty); 0 if none. */
static int day_word(const rd *r, size_t i, size_t *end)
{
	const lex_view *v = r->v;
	size_t n;
	const lex_entry *e = lex_match(v, i, r->lim, LEX_BIT(LEX_ORD), &n);
	if (e && !e->a && e->value >= 1 && e->value <= 31 && e->value == floor(e->value) &&
	    (e->value <= 20 || e->value == 30)) {
		*end = i + n;
		return (int)e->value;
	}
	e = lex_one(v, i, r->lim, LEX_BIT(LEX_NUM));
	if (!e || (e->value != 20 && e->value != 30))
		return 0;
	size_t j = i + 1;
	if (punct_is(r, j, '-') && glued(r, j) && glued(r, j + 1))
		j++;
	const lex_entry *u = lex_match(v, j, r->lim, LEX_BIT(LEX_ORD), &n);
	if (!u || u->a || u->value < 1 || u->value > 9 || e->value + u->value > 31)
		return 0;
	*end = j + n;
	return (int)(e->value + u->value);
}

/* Nothing at token i goes on with the words before it as a modifier ("the
 * summer offensive", "the 27th brigade"): the end, a punctuation mark
 * (not a joining hyphen), a function word or a verb. */
static int ends_phrase(const rd *r, size_t i)
{
	const lex_view *v = r->v;
	if (i >= r->lim)
		return 1;
	const tok *t = TOK(i);
	if (t->type == TK_PUNCT)
		return !(t->cp == '-' && glued(r, i));
	if (t->type == TK_NUM)
		return 0;
	return lex_has(r->v, i, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)) &&
	       !lex_has(r->v, i, LEX_BIT(LEX_TIME) | LEX_BIT(LEX_UNIT));
}

/* ---- resolution against the reference ---- */

/* The year of a month (and day) with no year: the reference year, or the
 * year before when that lies more than two months ahead. */
static int year_for(const rd *r, int m, int d)
{
	long ahead = (long)(m - r->ref.m) * 31 + (d ? d - r->ref.d : 0);
	return ahead > 62 ? r->ref.y - 1 : r->ref.y;
}

static void put_month_day(rd *r, timex *o, int y, int m, int d)
{
	if (y) {
		timex_date t = {y, m, d};
		put_day(r, o, t);
		return;
	}
	r->bare_m = m;
	r->bare_d = d;
	o->relative = 1;
	if (!has_ref(r)) {
		o->unresolved = 1;
		put(o, TG_DAY, "XXXX-%02d-%02d", m, d);
		return;
	}
	timex_date t = {year_for(r, m, d), m, d};
	for (int k = 0; k < 8 && d > days_in_month(t.y, m); k++)
		t.y--; /* Feb. 29: the last leap year */
	put_day(r, o, t);
}

static void put_bare_month(rd *r, timex *o, int m)
{
	r->bare_m = m;
	r->bare_d = 0;
	o->relative = 1;
	if (!has_ref(r)) {
		o->unresolved = 1;
		put(o, TG_MONTH, "XXXX-%02d", m);
		return;
	}
	put_month(r, o, year_for(r, m, 0), m);
}

/* The day d of the month of the reference or of the month before or
 * after it, the nearest (the earlier of two as near); with weekday wd
 * (0: any) of the months up to half a year away. */
static int put_nearest_day(rd *r, timex *o, int d, int wd)
{
	o->relative = 1;
	if (!has_ref(r)) {
		o->unresolved = 1;
		put(o, TG_DAY, "XXXX-XX-%02d", d);
		return 1;
	}
	long ref = ref_days(r), best = 0, bestd = -1;
	int span = wd ? 6 : 1;
	for (int k = -span; k <= span; k++) {
		int mm = r->ref.y * 12 + r->ref.m - 1 + k, y = mm / 12, m = mm % 12 + 1;
		if (d > days_in_month(y, m))
			continue;
		long t = days_from_civil(y, m, d);
		if (wd && weekday_of(t) != wd)
			continue;
		long dist = t > ref ? t - ref : ref - t;
		if (bestd < 0 || dist < bestd) {
			best = t;
			bestd = dist;
		}
	}
	if (bestd < 0)
		return 0;
	put_day(r, o, civil_from_days(best));
	return 1;
}

/* The period of a calendar unit shifted by k from the reference. */
static int put_unit(rd *r, timex *o, const char *unit, int k)
{
	o->relative = 1;
	timex_gran g = strcmp(unit, "day") == 0                                    ? TG_DAY
		       : strcmp(unit, "week") == 0 || strcmp(unit, "weekend") == 0 ? TG_WEEK
		       : strcmp(unit, "month") == 0                                ? TG_MONTH
		       : strcmp(unit, "quarter") == 0                              ? TG_QUARTER
		       : strcmp(unit, "year") == 0                                 ? TG_YEAR
		       : strcmp(unit, "decade") == 0                               ? TG_DECADE
		       : strcmp(unit, "century") == 0                              ? TG_CENTURY
										   : TG_DURATION;
	if (g == TG_DURATION)
		return 0;
	if (!has_ref(r)) {
		put_unknown(o, g);
		return 1;
	}
	long days = ref_days(r);
	int y = r->ref.y, m = r->ref.m;
	switch (g) {
	case TG_DAY: put_day(r, o, civil_from_days(days + k)); break;
	case TG_WEEK: {
		int wy, wn;
		long monday = days - weekday_of(days) + 1 + 7L * k;
		iso_week(monday, &wy, &wn);
		put(o, TG_WEEK, "%04d-W%02d%s", wy, wn, strcmp(unit, "weekend") == 0 ? "-WE" : "");
		r->start = civil_from_days(monday);
		break;
	}
	case TG_MONTH: {
		int mm = y * 12 + (m - 1) + k;
		put_month(r, o, mm / 12, mm % 12 + 1);
		break;
	}
	case TG_QUARTER: {
		int q = y * 4 + (m - 1) / 3 + k;
		put(o, TG_QUARTER, "%04d-Q%d", q / 4, q % 4 + 1);
		r->start.y = q / 4, r->start.m = (q % 4) * 3 + 1, r->start.d = 1;
		break;
	}
	case TG_YEAR: put_year(r, o, y + k); break;
	case TG_DECADE:
		put(o, TG_DECADE, "%03dX", y / 10 + k);
		r->start.y = (y / 10 + k) * 10, r->start.m = r->start.d = 1;
		break;
	default:
		put(o, TG_CENTURY, "%02d", y / 100 + k);
		r->start.y = (y / 100 + k) * 100, r->start.m = r->start.d = 1;
		break;
	}
	return 1;
}

/* ---- durations ---- */

/* A count before a unit: digits or number words, "a"/"an", or a vague
 * word ("several", "a few", "a couple of").  *value is NAN for vague. */
static int count_at(const rd *r, size_t i, double *value, size_t *end)
{
	const lex_view *v = r->v;
	size_t j = i;
	if (i >= r->lim)
		return 0; /* a duration that ends the text: "one-half miles" */
	if (word_is(r, j, "a") || word_is(r, j, "an")) {
		size_t k;
		const lex_entry *e = time_class(r, j + 1, LEX_TC_VAGUE, &k);
		if (e) {
			*value = e->value > 0 ? e->value : NAN;
			*end = k;
			return 1;
		}
		/* "a year" after an amount is a rate: "$5 a year", "twice a
		 * week"; not with "ago" after it, or "before" ending its
		 * clause: "$5.6 billion a year ago", "$2 a month before." */
		int dated = word_is(r, j + 2, "ago") || word_is(r, j + 2, "earlier") ||
			    word_is(r, j + 2, "later") ||
			    (word_is(r, j + 2, "before") &&
			     (j + 3 >= r->lim || TOK(j + 3)->type == TK_PUNCT));
		if (j > 0 && !dated &&
		    (TOK(j - 1)->type == TK_NUM ||
		     (lex_has(v, j - 1,
			      LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_SCALE) | LEX_BIT(LEX_CUR_WORD)) &&
		      !lex_has(v, j - 1, LEX_BIT(LEX_STOP))) || /* not "in" */
		     tok_is(v->text, TOK(j - 1), "once") ||
		     tok_is(v->text, TOK(j - 1), "twice") || tok_is(v->text, TOK(j - 1), "times") ||
		     tok_is(v->text, TOK(j - 1), "%")))
			return 0;
		*value = 1;
		*end = j + 1;
		return 1;
	}
	size_t k;
	const lex_entry *e = time_class(r, j, LEX_TC_VAGUE, &k);
	if (e) {
		*value = e->value > 0 ? e->value : NAN;
		*end = k;
		return 1;
	}
	num_match m;
	if (!starts_clean(r, i) || !num_parse(v, i, r->lim, &m) ||
	    (m.flags & (NF_ORDINAL | NF_NEGATIVE | NF_VAGUE | NF_SLASHED | NF_LONG)) ||
	    isnan(m.value) || m.value <= 0)
		return 0;
	*value = m.value;
	*end = m.t1;
	return 1;
}

/* The ISO duration letter of a unit and the factor to it. */
static int unit_letter(const lex_entry *u, char *letter, int *time, double *f)
{
	const char *b = u->b;
	*f = u->value;
	*time = 0;
	if (!strcmp(b, "day"))
		*letter = 'D';
	else if (!strcmp(b, "week"))
		*letter = 'W';
	else if (!strcmp(b, "month"))
		*letter = 'M';
	else if (!strcmp(b, "quarter"))
		*letter = 'M', *f = 3;
	else if (!strcmp(b, "year") || !strcmp(b, "decade") || !strcmp(b, "century"))
		*letter = 'Y';
	else if (!strcmp(b, "hour"))
		*letter = 'H', *time = 1;
	else if (!strcmp(b, "minute"))
		*letter = 'M', *time = 1;
	else if (!strcmp(b, "second"))
		*letter = 'S', *time = 1;
	else
		return 0;
	return 1;
}

static void put_duration(timex *o, double n, const lex_entry *u)
{
	char letter = 0, num[32];
	int time;
	double f;
	unit_letter(u, &letter, &time, &f);
	if (isnan(n))
		snprintf(num, sizeof num, "X");
	else
		num_format(n * f, num, sizeof num);
	put(o, TG_DURATION, "P%s%s%c", time ? "T" : "", num, letter);
}

/* The count of one part of a duration: count_at's, and "half a(n)", "a
 * half", "another" (first: the first part). */
static int part_count(const rd *r, size_t i, int first, double *n, size_t *end)
{
	size_t j = i;
	if (first && word_is(r, j, "another")) {
		j++;
		if (!lex_has(r->v, j, LEX_BIT(LEX_TIME)) || time_class(r, j, LEX_TC_VAGUE, end))
			return count_at(r, j, n, end);
		*n = 1;
		*end = j;
		return 1;
	}
	if (word_is(r, j, "half") && (word_is(r, j + 1, "a") || word_is(r, j + 1, "an"))) {
		*n = 0.5;
		*end = j + 2;
		return 1;
	}
	if ((word_is(r, j, "a") || word_is(r, j, "an")) && word_is(r, j + 1, "half")) {
		*n = 0.5;
		*end = j + 2;
		return 1;
	}
	return count_at(r, j, n, end);
}

/* The slot of a duration letter: Y M W D, then H M S of the time. */
static int part_slot(char letter, int time)
{
	static const char date[] = "YMWD", clock[] = "HMS";
	const char *p = strchr(time ? clock : date, letter);
	return p ? (int)(p - (time ? clock : date)) + (time ? 4 : 0) : -1;
}

/* counts + units, then "ago" or "later": "two years ago", "a decade",
 * "three-day", "two years and six months", "1 month 21 days ago", "half an
 * hour", "an hour and a half", "another week" */
static size_t rd_count(rd *r, size_t i, timex *o)
{
	/* a time unit follows within a few words ("two and a half
	 * years"), or this is no duration: most numbers are not, and
	 * reading them is the expensive part */
	size_t q = i + 1;
	while (q < r->lim && q < i + 8 && !lex_has(r->v, q, LEX_BIT(LEX_TIME)))
		q++;
	if (q >= r->lim || q >= i + 8)
		return 0;
	double part[7] = {0};
	int have[7] = {0}, nparts = 0, last = -1, vague = 0, time_any = 0;
	size_t j = i, k = i;
	const lex_entry *u1 = NULL;
	double n1 = 0;
	for (int c = 0; c < 7; c++) {
		/* the next part: "and six months", "21 days" */
		int and = c > 0 && word_is(r, j, "and");
		double n;
		size_t s, kk;
		if (!part_count(r, j + and, c == 0, &n, &s))
			break;
		if (punct_is(r, s, '-') && glued(r, s) && glued(r, s + 1))
			s++;
		const lex_entry *u = time_class(r, s, LEX_TC_UNIT, &kk);
		char letter = 0;
		int time;
		double f;
		if (!u || !unit_letter(u, &letter, &time, &f))
			break;
		int slot = part_slot(letter, time);
		if (slot < 0 || (c > 0 && (have[slot] || isnan(n) || vague || (and&&slot <= last))))
			break;
		/* an hour and a half */
		if (!isnan(n) && n == floor(n) && word_is(r, kk, "and") &&
		    (word_is(r, kk + 1, "half") ||
		     (word_is(r, kk + 1, "a") && word_is(r, kk + 2, "half")))) {
			n += 0.5;
			kk += word_is(r, kk + 1, "half") ? 2 : 3;
		}
		part[slot] += isnan(n) ? 0 : n * f;
		have[slot] = 1;
		last = slot;
		vague |= isnan(n) != 0;
		time_any |= time;
		if (!u1) {
			u1 = u;
			n1 = n;
		}
		nparts++;
		j = k = kk;
	}
	if (!nparts)
		return 0;
	size_t e;
	const lex_entry *dir = time_class(r, k, LEX_TC_AGO, &e);
	int sign = dir ? -1 : 0;
	if (!dir && (word_is(r, k, "earlier"))) {
		sign = -1;
		e = k + 1;
	}
	if (!sign) {
		dir = time_class(r, k, LEX_TC_LATER, &e);
		if (dir)
			sign = 1;
		else if (word_is(r, k, "later")) {
			sign = 1;
			e = k + 1;
		}
	}
	double months = part[0] * 12 + part[1], days = part[2] * 7 + part[3];
	if (!sign || time_any || vague || months != floor(months) || days != floor(days)) {
		if (nparts == 1) {
			put_duration(o, n1, u1);
			return k;
		}
		static const char letters[] = "YMWDHMS";
		char v[48] = "P", num[32];
		for (int sl = 0; sl < 7; sl++) {
			if (!have[sl])
				continue;
			if (sl >= 4 && !strchr(v, 'T'))
				strcat(v, "T");
			num_format(part[sl], num, sizeof num);
			if (strlen(v) + strlen(num) + 2 > sizeof v)
				return 0;
			strcat(v, num);
			strncat(v, &letters[sl], 1);
		}
		put(o, TG_DURATION, "%s", v);
		return k;
	}
	o->relative = 1;
	int years_only = !have[1] && !have[2] && !have[3] && part[0] == floor(part[0]);
	if (!has_ref(r)) {
		put_unknown(o, years_only ? TG_YEAR : TG_DAY);
		return e;
	}
	if (years_only) {
		put_year(r, o, r->ref.y + sign * (int)part[0]);
		return e;
	}
	int mm = r->ref.y * 12 + r->ref.m - 1 + sign * (int)months;
	timex_date t = {mm / 12, mm % 12 + 1, r->ref.d};
	if (t.d > days_in_month(t.y, t.m))
		t.d = days_in_month(t.y, t.m);
	put_day(r, o, civil_from_days(days_from_civil(t.y, t.m, t.d) + sign * (long)days));
	return e;
}

/* ---- explicit dates ---- */

/* 2024-10-18, 2024/10/18 */
static size_t rd_iso(rd *r, size_t i, timex *o)
{
	int y = digits(r, i, 4);
	if (y < 1000 || r->v->t[i].len1 != 4 || !starts_clean(r, i) ||
	    !(punct_is(r, i + 1, '-') || punct_is(r, i + 1, '/')))
		return 0;
	uint32_t sep = r->v->t[i + 1].cp;
	int m = digits(r, i + 2, 2), d = digits(r, i + 4, 2);
	if (!glued(r, i + 1) || !glued(r, i + 2) || !punct_is(r, i + 3, sep) || !glued(r, i + 3) ||
	    !glued(r, i + 4) || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m) ||
	    !ends_clean(r, i + 5))
		return 0;
	put_day(r, o, (timex_date){y, m, d});
	return i + 5;
}

/* 10/18/2024, 18/10/2024, 10-18-24: month first unless it cannot be. */
static size_t rd_numeric(rd *r, size_t i, timex *o)
{
	int a = digits(r, i, 2), b = digits(r, i + 2, 2), y = digits(r, i + 4, 4);
	if (a < 1 || b < 1 || y < 0 || !starts_clean(r, i))
		return 0;
	if (!(punct_is(r, i + 1, '/') || punct_is(r, i + 1, '-')))
		return 0;
	uint32_t sep = r->v->t[i + 1].cp;
	int ylen = r->v->t[i + 4].len1;
	if (!glued(r, i + 1) || !glued(r, i + 2) || !punct_is(r, i + 3, sep) || !glued(r, i + 3) ||
	    !glued(r, i + 4) || (ylen != 2 && ylen != 4) || !ends_clean(r, i + 5))
		return 0;
	if (ylen == 2)
		y += y < 50 ? 2000 : 1900;
	int m = a, d = b;
	if (m > 12) {
		m = b;
		d = a;
	}
	if (m > 12 || y < 1000 || d > days_in_month(y, m))
		return 0;
	put_day(r, o, (timex_date){y, m, d});
	return i + 5;
}

/* "of last year", "of the previous year", "of the year", "of 2023",
 * "last year": the year a month belongs to.  Returns the token after it,
 * or j. */
static size_t year_of(rd *r, size_t j, int *y, int *rel)
{
	size_t k = j, e;
	*rel = 0;
	if (word_is(r, k, "of"))
		k++;
	else if (punct_is(r, k, ','))
		k++;
	int yy = year_at(r, k, &e);
	if (yy) {
		*y = yy;
		return e;
	}
	int of = k > j && word_is(r, j, "of");
	if (k > j && !of)
		return j;
	if (of && word_is(r, k, "the"))
		k++;
	const lex_entry *s = time_class(r, k, LEX_TC_SHIFT, &e);
	size_t f;
	const lex_entry *u = time_class(r, s ? e : k, LEX_TC_UNIT, &f);
	if (!u || strcmp(u->phrase, "year") != 0)
		return j;
	if (!s && !(of && k > j + 1))
		return j; /* "of the year", not "of year" */
	/* without "of" only "June last year", not "June the following
	 * year's" */
	if (!of &&
	    (strcmp(s->phrase, "last") && strcmp(s->phrase, "next") && strcmp(s->phrase, "this")))
		return j;
	if (!of && f < r->lim &&
	    (tok_is(r->v->text, &r->v->t[f], "'s") || (punct_is(r, f, '\'') && glued(r, f))))
		return j;
	*rel = 1;
	*y = has_ref(r) ? r->ref.y + (s ? (int)s->value : 0) : 0;
	return f;
}

/* A preposition or cue that makes a bare month a month ("in May",
 * "since March"), not a verb. */
static int month_cue(const rd *r, size_t i)
{
	return i > 0 && lex_cue_is(r->v, i - 1, r->v->n, LEX_ROLE_MONTH_CUE);
}

static size_t rd_month_days(rd *r, size_t i, int between, timex *o);

/* October 18, 2024 / Oct. 18 / February 2022 / June / August of the
 * previous year */
static size_t rd_month(rd *r, size_t i, timex *o)
{
	const lex_view *v = r->v;
	size_t j, e, f0;
	int m = month_at(r, i, &j);
	if (!m)
		return 0;
	if ((e = rd_month_days(r, i, 0, o)) != 0)
		return e;
	size_t k = j;
	if (word_is(r, k, "the"))
		k++;
	const tok *t = TOK(i);
	int verb = (tok_is(v->text, t, "may") || tok_is(v->text, t, "march")) &&
		   !(t->flags & TF_UPPER);
	int d = day_at(r, k, &e);
	/* May twenty-first, Jan. first: not "June first-half results", "in
	 * March second quarter" */
	if (!d && !verb && (d = day_word(r, k, &e)) != 0 &&
	    !(ends_phrase(r, e) || year_at(r, e, &f0)))
		d = 0;
	if (d && !punct_is(r, e, ':')) {
		int y = 0, rel;
		size_t f = year_of(r, e, &y, &rel);
		if (f > e && (rel || word_is(r, e, "of") || punct_is(r, e, ',') || !glued(r, e))) {
			if (y && d <= days_in_month(y, m)) {
				put_month_day(r, o, y, m, d);
				o->relative = rel;
				return f;
			}
			if (rel && !y) {
				put_unknown(o, TG_DAY);
				return f;
			}
		}
		if (d <= days_in_month(2000, m)) {
			put_month_day(r, o, 0, m, d);
			return e;
		}
	}
	int y = 0, rel;
	size_t f = year_of(r, j, &y, &rel);
	if (f > j && !(verb && rel)) { /* not "prices may next year" */
		if (y)
			put_month(r, o, y, m);
		else
			put_unknown(o, TG_MONTH);
		o->relative = rel;
		return f;
	}
	/* A bare month.  "May" and "March" are verbs too, and an upper-case
	 * abbreviation may be a name: ask for a cue or a capital. */
	int ambiguous = tok_is(v->text, t, "may") || tok_is(v->text, t, "march") ||
			t->end - t->start <= 3;
	if (ambiguous ? !month_cue(r, i) || !(t->flags & TF_UPPER) || (t->flags & TF_CAPS)
		      : (!(t->flags & TF_UPPER) && !month_cue(r, i)))
		return 0;
	put_bare_month(r, o, m);
	return j;
}

/* 18 October 2024, 18th of October, the 18th of October */
static size_t rd_day_first(rd *r, size_t i, timex *o)
{
	const lex_view *v = r->v;
	size_t j, e;
	int d = day_at(r, i, &j), word = 0;
	if (!d && (d = day_word(r, i, &j)) != 0)
		word = 1; /* the second of August: with "of" */
	if (!d || (word && !word_is(r, j, "of")))
		return 0;
	size_t k = j;
	if (word_is(r, k, "of"))
		k++;
	int m = month_at(r, k, &e);
	/* the 20th of next month */
	const lex_entry *s = m || k == j || (!word && j == i + 1)
				     ? NULL
				     : time_class(r, k, LEX_TC_SHIFT, &e);
	const lex_entry *u = s ? time_class(r, e, LEX_TC_UNIT, &e) : NULL;
	if (u && !strcmp(u->phrase, "month") && s->value >= -1 && s->value <= 1) {
		r->the_ok = 1;
		o->relative = 1;
		if (!has_ref(r)) {
			put_unknown(o, TG_DAY);
			return e;
		}
		int mm = r->ref.y * 12 + r->ref.m - 1 + (int)s->value;
		if (d > days_in_month(mm / 12, mm % 12 + 1))
			return 0;
		put_day(r, o, (timex_date){mm / 12, mm % 12 + 1, d});
		return e;
	}
	if (!m || d > days_in_month(2000, m))
		return 0;
	if (word && (tok_is(v->text, TOK(k), "may") || tok_is(v->text, TOK(k), "march")) &&
	    !(TOK(k)->flags & TF_UPPER))
		return 0;
	int y = 0, rel;
	size_t f = year_of(r, e, &y, &rel);
	r->the_ok = 1;
	if (f > e && y && d <= days_in_month(y, m)) {
		put_month_day(r, o, y, m, d);
		o->relative = rel;
		return f;
	}
	put_month_day(r, o, 0, m, d);
	return e;
}

/* the 1950s, the '90s, 1990s */
static size_t rd_decade(rd *r, size_t i, timex *o)
{
	const lex_view *v = r->v;
	size_t j = i;
	int two = 0;
	if (punct_is(r, j, '\'') && lex_numtok(v, j + 1, r->lim) && glued(r, j + 1)) {
		j++;
		two = 1;
	}
	int y = digits(r, j, 4);
	int len = lex_numtok(v, j, r->lim) ? TOK(j)->len1 : 0;
	if (y < 0 || y % 10 || (len != 4 && len != 2) || (two && len != 2) ||
	    (!two && !starts_clean(r, j)))
		return 0;
	size_t k = j + 1;
	if (k < r->lim && glued(r, k) && TOK(k)->type == TK_WORD &&
	    (tok_is(v->text, TOK(k), "s") || tok_is(v->text, TOK(k), "'s")))
		k++;
	else if (punct_is(r, k, '\'') && glued(r, k) && k + 1 < r->lim && glued(r, k + 1) &&
		 tok_is(v->text, TOK(k + 1), "s"))
		k += 2;
	else
		return 0;
	if (!ends_clean(r, k))
		return 0;
	if (len == 2) {
		/* "the 90s": the last such decade not after the reference */
		int ry = has_ref(r) ? r->ref.y : 1999;
		int c = ry / 100 * 100;
		y = c + y <= ry ? c + y : c - 100 + y;
		if (!two && !(i > 0 && tok_is(v->text, TOK(i - 1), "the")))
			return 0;
	} else if (y < 1000) {
		return 0;
	}
	r->the_ok = 1;
	put(o, TG_DECADE, "%03dX", y / 10);
	r->start.y = y, r->start.m = r->start.d = 1;
	return k;
}

/* A word before a bare year that makes it one: "in", "since", "(". */
static int year_cue(const rd *r, size_t i)
{
	const lex_view *v = r->v;
	int cue = 0;
	if (i > 0) {
		const tok *p = TOK(i - 1);
		cue = p->type != TK_NUM &&
		      (lex_cue_is(v, i - 1, v->n, LEX_ROLE_YEAR_CUE) || tok_is(v->text, p, "'s"));
		if (p->type == TK_PUNCT && p->cp == '(')
			cue = 1;
	}
	return cue;
}

/* A word at e that makes the number before it a count: "2000 troops",
 * "2000 cases", "1000-1500 km"; y is the year it would be (0: no verb
 * after a plural makes it one). */
static int count_after(const rd *r, size_t e, int y)
{
	const lex_view *v = r->v;
	/* "and 2000 troops": a plural word after it makes it a count;
	 * unless a verb follows that word, whose subject it is: "in 2019
	 * measles killed 112" (not a round hundred, as often a count as a
	 * year: "cut in 2000 homes left without heating") */
	if (e < r->lim && TOK(e)->type == TK_WORD && !(TOK(e)->flags & TF_UPPER) &&
	    v->text[TOK(e)->end - 1] == 's' &&
	    !lex_has(v, e, LEX_BIT(LEX_STOP) | LEX_BIT(LEX_VERB)))
		return y % 100 == 0 ||
		       !(e + 1 < r->lim && TOK(e + 1)->type == TK_WORD &&
			 !(TOK(e + 1)->flags & TF_UPPER) && lex_has(v, e + 1, LEX_BIT(LEX_VERB)));
	/* "in 2000 cases": a count, not a year */
	if (e < r->lim && TOK(e)->type == TK_WORD &&
	    lex_has(v, e, LEX_BIT(LEX_UNIT) | LEX_BIT(LEX_CUR_WORD) | LEX_BIT(LEX_SCALE)))
		return 1;
	return 0;
}

/* in 1973, last year's 2022 invasion, 2024: a bare year needs a cue */
static size_t rd_year(rd *r, size_t i, timex *o)
{
	size_t e;
	int y = year_at(r, i, &e);
	if (!y || !year_cue(r, i) || count_after(r, e, y))
		return 0;
	put_year(r, o, y);
	return e;
}

/* Two numbers joined by a glued "-" or "/" and nothing glued after
 * them: sets their values and digit counts. */
static int num_pair(const rd *r, size_t i, int *a, int *la, int *b, int *lb)
{
	const lex_view *v = r->v;
	if (!lex_numtok(v, i, r->lim) || !lex_numtok(v, i + 2, r->lim) ||
	    !(punct_is(r, i + 1, '-') || punct_is(r, i + 1, '/')) || !glued(r, i + 1) ||
	    !glued(r, i + 2) || !starts_clean(r, i) || !ends_clean(r, i + 3))
		return 0;
	/* "No. 2016-11", "Resolution 2016/11", "#2016-11" */
	size_t p = i;
	if (p > 0 && (punct_is(r, p - 1, '.') || punct_is(r, p - 1, '#')))
		p--;
	if (p > 0 && lex_has(v, p - 1, LEX_BIT(LEX_NONFIG)))
		return 0;
	*la = TOK(i)->len1;
	*lb = TOK(i + 2)->len1;
	*a = digits(r, i, 4);
	*b = digits(r, i + 2, 4);
	return *a >= 0 && *b >= 0;
}

/* 2016-11, 2015-3, 2016/11, and after a cue 3/2015, 11-2016: a month of
 * a year in digits.  Not when the two could be years ("2010-11" is 2010
 * to 2011), nor "1/2000" without a cue (a fraction). */
static size_t rd_year_month(rd *r, size_t i, timex *o)
{
	int a, la, b, lb, y, m;
	if (!num_pair(r, i, &a, &la, &b, &lb))
		return 0;
	if (la == 4 && lb <= 2) {
		y = a;
		m = b;
		if (m > y % (lb == 2 ? 100 : 10))
			return 0; /* 2010-11: years; 1846-8: or years */
	} else if (la <= 2 && lb == 4 && year_cue(r, i)) {
		m = a;
		y = b;
	} else {
		return 0;
	}
	if (m < 1 || m > 12 || y < 1000 || y > 2199 || count_after(r, i + 3, 0))
		return 0;
	put_month(r, o, y, m);
	return i + 3;
}

/* 2014-2018, 2016-17, 1939-45: years in digits joined by a dash or a
 * slash; from 1900 on, or after a cue ("between 1250-1300").  Not
 * "1846-8": that, or August? */
static size_t rd_year_range(rd *r, size_t i, timex *o)
{
	int a, la, b, lb;
	if (!num_pair(r, i, &a, &la, &b, &lb) || la != 4 || (lb != 2 && lb != 4))
		return 0;
	if (lb == 2)
		b += a / 100 * 100;
	if (a < 1000 || b <= a || b > a + 100 || b > 2199 || (a < 1900 && !year_cue(r, i)) ||
	    count_after(r, i + 3, 0))
		return 0;
	put(o, TG_INTERVAL, "%04d/%04d", a, b);
	r->start.y = a, r->start.m = r->start.d = 1;
	return i + 3;
}

/* the 20th century */
static size_t rd_century(rd *r, size_t i, timex *o)
{
	size_t j, k;
	int n = ordinal_at(r, i, &j);
	const lex_entry *u = n ? time_class(r, j, LEX_TC_UNIT, &k) : NULL;
	if (!u || strcmp(u->b, "century") != 0 || n > 30)
		return 0;
	r->the_ok = 1;
	put(o, TG_CENTURY, "%02d", n - 1);
	r->start.y = (n - 1) * 100, r->start.m = r->start.d = 1;
	return k;
}

/* Q3 2024, the third quarter (of 2024) */
static size_t rd_quarter(rd *r, size_t i, timex *o)
{
	const lex_view *v = r->v;
	size_t j;
	int q = 0;
	if (i + 1 < r->lim && TOK(i)->type == TK_WORD && tok_is(v->text, TOK(i), "q") &&
	    glued(r, i + 1)) {
		q = digits(r, i + 1, 1);
		j = i + 2;
		if (!ends_clean(r, j))
			return 0;
	} else {
		size_t k;
		q = ordinal_at(r, i, &k);
		const lex_entry *u = q ? time_class(r, k, LEX_TC_UNIT, &j) : NULL;
		if (!u || strcmp(u->b, "quarter") != 0)
			return 0;
		r->the_ok = 1;
	}
	if (q < 1 || q > 4)
		return 0;
	int y = 0, rel;
	size_t f = year_of(r, j, &y, &rel);
	o->relative = rel || f == j;
	if (f == j)
		y = has_ref(r) ? r->ref.y : 0;
	if (!y) {
		o->unresolved = 1;
		put(o, TG_QUARTER, "XXXX-Q%d", q);
		return f;
	}
	put(o, TG_QUARTER, "%04d-Q%d", y, q);
	r->start.y = y, r->start.m = (q - 1) * 3 + 1, r->start.d = 1;
	return f;
}

/* The day of a weekday relative to the reference: k < 0 the last one
 * before it, 0 the one on or before it, 1 the next one after it. */
static void put_weekday(rd *r, timex *o, int wd, int k, int this_week)
{
	o->relative = 1;
	if (!has_ref(r)) {
		o->unresolved = 1;
		put(o, TG_DAY, "XXXX-WXX-%d", wd);
		return;
	}
	long days = ref_days(r);
	int rw = weekday_of(days);
	long t;
	if (this_week)
		t = days - rw + wd;
	else if (k > 0)
		t = days - rw + 7 + wd; /* next week's */
	else if (k < 0)
		t = days - ((rw - wd + 6) % 7) - 1;
	else
		t = days - ((rw - wd + 7) % 7);
	put_day(r, o, civil_from_days(t));
}

static int weekday_at(rd *r, size_t i, size_t *end)
{
	const lex_view *v = r->v;
	size_t j;
	const lex_entry *e = time_class(r, i, LEX_TC_WEEKDAY, &j);
	if (!e)
		return 0;
	if (TOK(i)->end - TOK(i)->start <= 4) {
		const tok *t = TOK(i);
		if (((!(t->flags & TF_UPPER) || (t->flags & TF_CAPS)) &&
		     !tok_is(r->v->text, t, "tues") && !tok_is(r->v->text, t, "thurs")))
			return 0;
		if (punct_is(r, j, '.') && glued(r, j))
			j++;
	}
	*end = j;
	return (int)e->value;
}

/* Friday; Friday, Oct. 18 */
static size_t rd_weekday(rd *r, size_t i, timex *o)
{
	size_t j;
	int wd = weekday_at(r, i, &j);
	if (!wd)
		return 0;
	size_t k = j;
	if (punct_is(r, k, ','))
		k++;
	size_t e = rd_month(r, k, o);
	if (e && o->gran == TG_DAY)
		return e;
	e = rd_day_first(r, k, o);
	if (e && o->gran == TG_DAY)
		return e;
	memset(o, 0, sizeof *o);
	/* Thursday the 21st: the nearest 21st that is a Thursday */
	int d = 0;
	if (word_is(r, j, "the") && !(d = day_word(r, j + 1, &e))) {
		d = day_num(r, j + 1, &e);
		if (e == j + 2 || !ends_clean(r, e))
			d = 0;
	}
	if (d && put_nearest_day(r, o, d, wd))
		return e;
	/* Friday next week, Tuesday of next week */
	k = j + word_is(r, j, "of");
	const lex_entry *s = time_class(r, k, LEX_TC_SHIFT, &e);
	const lex_entry *u = s ? time_class(r, e, LEX_TC_UNIT, &e) : NULL;
	if (u && !strcmp(u->phrase, "week") && s->value >= -1 && s->value <= 1) {
		o->relative = 1;
		if (!has_ref(r)) {
			put_unknown(o, TG_DAY);
			return e;
		}
		long days = ref_days(r);
		put_day(r, o, civil_from_days(days - weekday_of(days) + 7L * (long)s->value + wd));
		return e;
	}
	put_weekday(r, o, wd, 0, 0);
	return j;
}

/* last week, this year, next month, last Friday, next June, the past three
 * years, the coming weeks, last summer */
static size_t rd_shift(rd *r, size_t i, timex *o)
{
	size_t j, k;
	const lex_entry *s = time_class(r, i, LEX_TC_SHIFT, &j);
	if (!s)
		return 0;
	int sh = (int)s->value;
	const char *w = s->phrase;
	int span_like = !strcmp(w, "past") || !strcmp(w, "coming");
	r->the_ok = 1;
	int wd = weekday_at(r, j, &k);
	if (wd) {
		put_weekday(r, o, wd, sh, sh == 0);
		return k;
	}
	/* this morning, this evening */
	const lex_entry *dp = sh == 0 ? time_class(r, j, LEX_TC_DAYPART, &k) : NULL;
	if (dp) {
		put_time(r, o, -1, dp->b, 1);
		return k;
	}
	int m = month_at(r, j, &k);
	if (m) {
		o->relative = 1;
		if (!has_ref(r)) {
			put_unknown(o, TG_MONTH);
			return k;
		}
		put_month(r, o, r->ref.y + sh, m); /* last June: last year's */
		return k;
	}
	const lex_entry *se = time_class(r, j, LEX_TC_SEASON, &k);
	if (se) {
		o->relative = 1;
		if (!has_ref(r)) {
			put_unknown(o, TG_SEASON);
			return k;
		}
		/* last summer: the last one over; next summer: the first
		 * not begun; this winter: the one the reference is in */
		int now = r->ref.y * 12 + r->ref.m - 1, m0 = season_month(se->b) - 1;
		int y = r->ref.y;
		if (sh < 0)
			while (y * 12 + m0 + 2 >= now)
				y--;
		else if (sh > 0)
			while (y * 12 + m0 <= now)
				y++;
		else if ((y - 1) * 12 + m0 + 2 >= now)
			y--;
		put_season(r, o, y, se->b);
		return k;
	}
	const lex_entry *u = time_class(r, j, LEX_TC_UNIT, &k);
	/* a calendar unit: "last week", "this year", not "last weeks" */
	if (u && !span_like && !strcmp(u->phrase, u->b) && put_unit(r, o, u->b, sh)) {
		size_t e;
		int wd2 = !strcmp(u->b, "week") ? weekday_at(r, k + word_is(r, k, "on"), &e) : 0;
		if (wd2 && !has_ref(r)) {
			put_unknown(o, TG_DAY);
			return e;
		}
		if (wd2) {
			/* "next week Sunday": that day of that week */
			long days = ref_days(r);
			put_day(r, o, civil_from_days(days - weekday_of(days) + 7L * sh + wd2));
			return e;
		}
		return k;
	}
	/* an interval: the past three years, the coming weeks */
	if (sh == 0)
		return 0;
	double n = NAN;
	size_t c = j;
	if (!u) {
		if (!count_at(r, j, &n, &c))
			return 0;
		u = time_class(r, c, LEX_TC_UNIT, &k);
		if (!u)
			return 0;
	} else if (u->phrase[strlen(u->phrase) - 1] != 's') {
		n = 1; /* the past year */
	}
	char letter = 0;
	int time;
	double f;
	if (!unit_letter(u, &letter, &time, &f) || time)
		return 0;
	timex dur;
	memset(&dur, 0, sizeof dur);
	put_duration(&dur, n, u);
	o->relative = 1;
	if (!has_ref(r)) {
		put_unknown(o, TG_INTERVAL);
		return k;
	}
	char ref[16];
	snprintf(ref, sizeof ref, "%04d-%02d-%02d", r->ref.y, r->ref.m, r->ref.d);
	if (isnan(n) || n * f != floor(n * f)) {
		if (sh < 0)
			put(o, TG_INTERVAL, "%s/%s", dur.value, ref);
		else
			put(o, TG_INTERVAL, "%s/%s", ref, dur.value);
		return k;
	}
	long a = (long)(n * f), days = ref_days(r);
	timex_date other;
	if (letter == 'D' || letter == 'W') {
		other = civil_from_days(days + sh * a * (letter == 'W' ? 7 : 1));
	} else {
		long months = a * (letter == 'Y' ? 12 : 1) * sh;
		int mm = r->ref.y * 12 + r->ref.m - 1 + (int)months;
		other.y = mm / 12;
		other.m = mm % 12 + 1;
		other.d = r->ref.d;
		if (other.d > days_in_month(other.y, other.m))
			other.d = days_in_month(other.y, other.m);
	}
	if (sh < 0)
		put(o, TG_INTERVAL, "%04d-%02d-%02d/%s", other.y, other.m, other.d, ref);
	else {
		timex_date next = civil_from_days(days + 1);
		put(o, TG_INTERVAL, "%04d-%02d-%02d/%04d-%02d-%02d", next.y, next.m, next.d,
		    other.y, other.m, other.d);
	}
	return k;
}

/* yesterday, today, last night */
static size_t rd_dayword(rd *r, size_t i, timex *o)
{
	size_t j;
	const lex_entry *e = time_class(r, i, LEX_TC_DAY, &j);
	if (!e)
		return 0;
	o->relative = 1;
	if (!has_ref(r))
		put_unknown(o, TG_DAY);
	else
		put_day(r, o, civil_from_days(ref_days(r) + (long)e->value));
	if (e->b && e->b[0]) /* "tonight", "last night": a part of the day */
		put_time(r, o, -1, e->b, 0);
	return j;
}

/* ---- periods named by their place in a larger one ---- */

/* A month after "of" or "in": "July", "July 2016", "next month", "this
 * month", "the month".  Sets *y (0: no reference) and *m, *rel; returns
 * the token after it, or 0. */
static size_t month_period(rd *r, size_t k, int *y, int *m, int *rel)
{
	const lex_view *v = r->v;
	size_t e, f;
	*rel = 1;
	int the = word_is(r, k, "the");
	const lex_entry *s = the ? NULL : time_class(r, k, LEX_TC_SHIFT, &e);
	const lex_entry *u = time_class(r, the || s ? k + 1 : k, LEX_TC_UNIT, &f);
	if (u && strcmp(u->phrase, "month") == 0 &&
	    (the || (s && s->value >= -1 && s->value <= 1))) {
		int sh = s ? (int)s->value : 0;
		int mm = r->ref.y * 12 + r->ref.m - 1 + sh;
		*y = has_ref(r) ? mm / 12 : 0;
		*m = has_ref(r) ? mm % 12 + 1 : 0;
		return f;
	}
	int mo = month_at(r, k, &e);
	if (!mo)
		return 0;
	const tok *t = TOK(k);
	if ((tok_is(v->text, t, "may") || tok_is(v->text, t, "march")) && !(t->flags & TF_UPPER))
		return 0;
	*m = mo;
	f = year_of(r, e, y, rel);
	if (f > e) {
		if (!*y)
			*m = 0;
		return f;
	}
	*rel = 1;
	*y = has_ref(r) ? year_for(r, mo, 0) : 0;
	return e;
}

/* A year after "of" or "in": "2015", "this year", "next year", "the
 * year".  Returns the token after it, or 0. */
static size_t year_period(rd *r, size_t k, int *y, int *rel)
{
	size_t e, f;
	*rel = 0;
	int yy = year_at(r, k, &e);
	if (yy) {
		*y = yy;
		return e;
	}
	int the = word_is(r, k, "the");
	const lex_entry *s = the ? NULL : time_class(r, k, LEX_TC_SHIFT, &e);
	const lex_entry *u = time_class(r, the || s ? k + 1 : k, LEX_TC_UNIT, &f);
	if (!u || strcmp(u->phrase, "year") != 0 ||
	    !(the || (s && s->value >= -1 && s->value <= 1)))
		return 0;
	*rel = 1;
	*y = has_ref(r) ? r->ref.y + (s ? (int)s->value : 0) : 0;
	return f;
}

/* The Monday of week n (-1: the last) of a month, the weeks being those
 * whose Thursday falls in the month, as ISO weeks belong to the year of
 * their Thursday; -1 when there is no such week. */
static long month_week(int y, int m, int n)
{
	long first = days_from_civil(y, m, 1);
	long last = first + days_in_month(y, m) - 1;
	long thu;
	if (n < 0)
		thu = last - (weekday_of(last) - 4 + 7) % 7;
	else
		thu = first + (4 - weekday_of(first) + 7) % 7 + 7L * (n - 1);
	return thu > last ? -1 : thu - 3;
}

/* The day of the n-th (-1: the last) weekday wd of a month; -1 if none. */
static long month_weekday(int y, int m, int wd, int n)
{
	long first = days_from_civil(y, m, 1);
	long last = first + days_in_month(y, m) - 1;
	long t;
	if (n < 0)
		t = last - (weekday_of(last) - wd + 7) % 7;
	else
		t = first + (wd - weekday_of(first) + 7) % 7 + 7L * (n - 1);
	return t > last ? -1 : t;
}

/* the first week of July, the last week of 2015, the third week of this
 * month, the second Monday of next month, the last Friday in October */
static size_t rd_nth_of(rd *r, size_t i, timex *o)
{
	size_t j, k, e;
	int n;
	const lex_entry *s = time_class(r, i, LEX_TC_SHIFT, &j);
	if (s && strcmp(s->phrase, "last") == 0)
		n = -1;
	else if ((n = ordinal_at(r, i, &j)) < 1 || n > 5)
		return 0;
	int wd = weekday_at(r, j, &k);
	if (!wd) {
		const lex_entry *u = time_class(r, j, LEX_TC_UNIT, &k);
		if (!u || strcmp(u->phrase, "week") != 0)
			return 0;
	}
	if (!word_is(r, k, "of") && !word_is(r, k, "in"))
		return 0;
	k++;
	int y = 0, m = 0, rel;
	if ((e = month_period(r, k, &y, &m, &rel)) != 0) {
		o->relative = rel;
		if (!y || !m) {
			put_unknown(o, wd ? TG_DAY : TG_WEEK);
			o->relative = 1;
		} else if (wd) {
			long t = month_weekday(y, m, wd, n);
			if (t < 0)
				return 0;
			put_day(r, o, civil_from_days(t));
		} else {
			long mon = month_week(y, m, n);
			int wy, wn;
			if (mon < 0)
				return 0;
			iso_week(mon, &wy, &wn);
			put(o, TG_WEEK, "%04d-W%02d", wy, wn);
			r->start = civil_from_days(mon);
		}
	} else if (!wd && (e = year_period(r, k, &y, &rel)) != 0) {
		o->relative = rel;
		if (!y) {
			put_unknown(o, TG_WEEK);
		} else {
			int wy, wn;
			long mon = n < 0 ? days_from_civil(y, 12, 28)
					 : days_from_civil(y, 1, 4) + 7L * (n - 1);
			mon -= weekday_of(mon) - 1;
			iso_week(mon, &wy, &wn);
			put(o, TG_WEEK, "%04d-W%02d", wy, wn);
			r->start = civil_from_days(mon);
		}
	} else {
		return 0;
	}
	r->the_ok = 1;
	return e;
}

static void put_half(rd *r, timex *o, int y, int h)
{
	put(o, TG_INTERVAL, "%04d-%02d/%04d-%02d", y, h == 1 ? 1 : 7, y, h == 1 ? 6 : 12);
	r->start.y = y, r->start.m = h == 1 ? 1 : 7, r->start.d = 1;
}

/* H1 2016, the first half of 2016, the second half of the year: the
 * months of a half year.  A code needs a year ("H2" is also hydrogen), the
 * ordinal "of" and a year (not the half of a match). */
static size_t rd_half(rd *r, size_t i, timex *o)
{
	size_t j, k;
	int h;
	const lex_entry *e = time_class(r, i, LEX_TC_HALF, &j);
	if (e && e->value > 0) {
		if (j != i + 2 || !glued(r, i + 1) || !ends_clean(r, j))
			return 0;
		h = (int)e->value;
	} else {
		h = ordinal_at(r, i, &k);
		e = h ? time_class(r, k, LEX_TC_HALF, &j) : NULL;
		if (!e || e->value != 0 || h > 2 || !word_is(r, j, "of"))
			return 0;
		r->the_ok = 1;
	}
	int y = 0, rel;
	size_t f = year_of(r, j, &y, &rel);
	if (f == j)
		return 0;
	o->relative = rel;
	if (!y)
		put_unknown(o, TG_INTERVAL);
	else
		put_half(r, o, y, h);
	return f;
}

/* 2016 H2, 2016H2, 2016 Q3: a year before a half or quarter code */
static size_t rd_year_code(rd *r, size_t i, timex *o)
{
	const lex_view *v = r->v;
	int y = digits(r, i, 4);
	size_t j = i + 1, k;
	if (y < 1000 || y > 2199 || TOK(i)->len1 != 4 || !starts_clean(r, i) || j >= r->lim ||
	    TOK(j)->type != TK_WORD || !lex_numtok(v, j + 1, r->lim) || !glued(r, j + 1) ||
	    !ends_clean(r, j + 2))
		return 0;
	const lex_entry *e = time_class(r, j, LEX_TC_HALF, &k);
	if (e && e->value > 0 && k == j + 2) {
		put_half(r, o, y, (int)e->value);
		return k;
	}
	int q = digits(r, j + 1, 1);
	if (!tok_is(v->text, TOK(j), "q") || q < 1 || q > 4)
		return 0;
	put(o, TG_QUARTER, "%04d-Q%d", y, q);
	r->start.y = y, r->start.m = (q - 1) * 3 + 1, r->start.d = 1;
	return j + 2;
}

/* summer 2016, the summer of 2016, summer of last year, fall 2016.  Not
 * a season alone: "in the autumn" is as often any autumn as the last one.
 * A season of value 1 ("fall", also a verb) needs a cue and a year in
 * digits. */
static size_t rd_season(rd *r, size_t i, timex *o)
{
	size_t j;
	const lex_entry *se = time_class(r, i, LEX_TC_SEASON, &j);
	if (!se)
		return 0;
	int y = 0, rel;
	size_t f = year_of(r, j, &y, &rel);
	if (f == j)
		return 0;
	int cue = month_cue(r, i) || (i > 0 && tok_is(r->v->text, &r->v->t[i - 1], "the"));
	if (se->value != 0 && (rel || !cue))
		return 0;
	r->the_ok = 1;
	o->relative = rel;
	if (!y)
		put_unknown(o, TG_SEASON);
	else
		put_season(r, o, y, se->b);
	return f;
}

/* The week of a day. */
static void put_week_of(rd *r, timex *o, timex_date d)
{
	long days = days_from_civil(d.y, d.m, d.d);
	long mon = days - weekday_of(days) + 1;
	int wy, wn;
	iso_week(mon, &wy, &wn);
	put(o, TG_WEEK, "%04d-W%02d", wy, wn);
	r->start = civil_from_days(mon);
}

static size_t rd_the_day_of(rd *r, size_t i, int prep, timex *o);

/* the month of June, the week of Oct. 14, the weekend, the year after
 * next */
static size_t rd_unit_phrase(rd *r, size_t i, timex *o)
{
	size_t j, e;
	const lex_entry *u = time_class(r, i, LEX_TC_UNIT, &j);
	if (!u || strcmp(u->phrase, u->b) != 0)
		return 0;
	if (word_is(r, j, "of")) {
		size_t k = j + 1;
		if (!strcmp(u->b, "month") && lex_has(r->v, k, LEX_BIT(LEX_MONTH))) {
			e = rd_month(r, k, o);
			if (!e || o->gran != TG_MONTH)
				return 0;
			r->the_ok = 1;
			return e;
		}
		if (strcmp(u->b, "week") != 0)
			return 0;
		int the = word_is(r, k, "the");
		e = lex_has(r->v, k, LEX_BIT(LEX_MONTH)) ? rd_month(r, k, o)
		    : the                                ? rd_the_day_of(r, k + 1, 1, o)
							 : rd_day_first(r, k, o);
		if (!e || o->gran != TG_DAY)
			return 0;
		r->the_ok = 1;
		if (o->unresolved) {
			int rel = o->relative;
			put_unknown(o, TG_WEEK);
			o->relative = rel;
			return e;
		}
		put_week_of(r, o, r->start);
		return e;
	}
	if (i == 0 || !tok_is(r->v->text, &r->v->t[i - 1], "the"))
		return 0;
	r->the_ok = 1;
	/* the week after next */
	e = j + 1 + word_is(r, j + 1, "the");
	if (word_is(r, j, "after") && word_is(r, e, "next"))
		return put_unit(r, o, u->b, 2) ? e + 1 : 0;
	/* the weekend: the last one early in the week, else the coming one */
	if (!strcmp(u->b, "weekend") && ends_phrase(r, j)) {
		int k = has_ref(r) && weekday_of(ref_days(r)) <= 3 ? -1 : 0;
		return put_unit(r, o, "weekend", k) ? j : 0;
	}
	return 0;
}

/* on the 27th, until the 21st: a day of the month with its suffix after
 * "the" and a preposition of time, and no noun after it ("the 27th
 * brigade"); not after "of" or "to" ("from the 19th century to the
 * 21st"), or any preposition with prep set (the week of the 18th) */
static size_t rd_the_day_of(rd *r, size_t i, int prep, timex *o)
{
	const lex_view *v = r->v;
	size_t j;
	if (i < 2 || !tok_is(v->text, TOK(i - 1), "the"))
		return 0;
	int d = day_num(r, i, &j);
	if (!d || j == i + 1 || !ends_clean(r, j) || !ends_phrase(r, j) || word_is(r, j, "of"))
		return 0;
	if (!prep)
		prep = lex_cue_is(v, i - 2, v->n, LEX_ROLE_DAY_PREP);
	if (!prep || !put_nearest_day(r, o, d, 0))
		return 0;
	r->the_ok = 1;
	return j;
}

static size_t rd_the_day(rd *r, size_t i, timex *o)
{
	return rd_the_day_of(r, i, 0, o);
}

/* the rest of the year, the remainder of this month: from the reference
 * to the end of the period it lies in */
static size_t rd_rest(rd *r, size_t j, timex *o)
{
	size_t k = j, e;
	const lex_entry *s = time_class(r, k, LEX_TC_SHIFT, &e);
	if (word_is(r, k, "the"))
		k++;
	else if (s && s->value == 0)
		k = e;
	const lex_entry *u = time_class(r, k, LEX_TC_UNIT, &e);
	if (!u || strcmp(u->phrase, u->b) != 0 ||
	    (strcmp(u->b, "week") && strcmp(u->b, "month") && strcmp(u->b, "quarter") &&
	     strcmp(u->b, "year")))
		return 0;
	o->relative = 1;
	if (!has_ref(r)) {
		put_unknown(o, TG_INTERVAL);
		return e;
	}
	long days = ref_days(r);
	int y = r->ref.y, m = r->ref.m;
	timex_date end;
	if (!strcmp(u->b, "week")) {
		end = civil_from_days(days - weekday_of(days) + 7);
	} else {
		int last = !strcmp(u->b, "month")     ? m
			   : !strcmp(u->b, "quarter") ? (m - 1) / 3 * 3 + 3
						      : 12;
		end = (timex_date){y, last, days_in_month(y, last)};
	}
	put(o, TG_INTERVAL, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, r->ref.d, end.y, end.m, end.d);
	r->start = r->ref;
	return e;
}

/* the seventies, the noughties: a decade word after "the" (maybe with
 * "early" or "late" between), the last such decade not after the
 * reference */
static size_t rd_decade_word(rd *r, size_t i, timex *o)
{
	const lex_view *v = r->v;
	size_t j;
	const lex_entry *e = time_class(r, i, LEX_TC_DECADE, &j);
	if (!e || i == 0)
		return 0;
	size_t t = i - 1;
	if (t > 0 && time_class(r, t, LEX_TC_PART, &j) && j == i)
		t--;
	j = i + 1;
	if (!tok_is(v->text, TOK(t), "the"))
		return 0;
	int ry = has_ref(r) ? r->ref.y : 1999;
	int c = ry / 100 * 100, y = (int)e->value;
	y = c + y <= ry ? c + y : c - 100 + y;
	r->the_ok = 1;
	put(o, TG_DECADE, "%03dX", y / 10);
	r->start.y = y, r->start.m = r->start.d = 1;
	return j;
}

/* earlier this year, the end of the year, mid-2024, early October, the rest
 * of the year, late summer */
static size_t rd_part(rd *r, size_t i, timex *o)
{
	size_t j, k;
	const lex_entry *p = time_class(r, i, LEX_TC_PART, &j);
	if (!p)
		return 0;
	if (strstr(p->phrase, " of"))
		r->the_ok = 1;
	if (punct_is(r, j, '-') && glued(r, j) && glued(r, j + 1))
		j++;
	if (!strcmp(p->b, "rest"))
		return rd_rest(r, j, o);
	/* later in the year, earlier in the day */
	int in = word_is(r, j, "in") && word_is(r, j + 1, "the") && strcmp(p->b, "mid") != 0 &&
		 !strstr(p->phrase, " of");
	/* the year, the month: the reference's */
	if (word_is(r, j + in, "the")) {
		j += in;
		const lex_entry *u = time_class(r, j + 1, LEX_TC_UNIT, &k);
		if (u && u->value == 1 && !strcmp(u->phrase, u->b) && put_unit(r, o, u->b, 0))
			return k;
		return 0;
	}
	int the = r->the_ok;
	size_t e = 0;
	timex sub;
	memset(&sub, 0, sizeof sub);
	if (time_class(r, j, LEX_TC_SHIFT, &k))
		e = rd_shift(r, j, &sub);
	else if (lex_has(r->v, j, LEX_BIT(LEX_MONTH)))
		e = rd_month(r, j, &sub);
	else if (time_class(r, j, LEX_TC_SEASON, &k))
		e = rd_season(r, j, &sub);
	else if (time_class(r, j, LEX_TC_DECADE, &k))
		e = rd_decade_word(r, j, &sub);
	else if (lex_numtok(r->v, j, r->lim)) {
		size_t y;
		int yy = year_at(r, j, &y);
		if (yy) {
			put_year(r, &sub, yy);
			e = y;
		} else {
			e = rd_decade(r, j, &sub);
		}
	}
	if (!e || sub.gran == TG_INTERVAL || sub.gran == TG_DURATION || sub.gran == TG_DAY)
		return 0;
	*o = sub;
	r->the_ok = the;
	return e;
}

/* ---- times of day ---- */

static size_t rd_expr(rd *r, size_t i, timex *o);

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

size_t timex_zone(const char *s, size_t n)
{
	if (n < 3 || s[0] != ' ')
		return 0;
	size_t k = 1;
	while (k < n && k < 6 && s[k] >= 'A' && s[k] <= 'Z')
		k++;
	if (k < 3 || k > 5 || (k < n && is_alpha(s[k])))
		return 0;
	return lex_cue_word(s + 1, k - 1, LEX_ROLE_ZONE) ? k : 0;
}

size_t timex_clock(const char *s, size_t n, int *minute)
{
	size_t i = 0;
	int h = 0, m = 0;
	while (i < n && i < 2 && is_digit(s[i]))
		h = h * 10 + (s[i++] - '0');
	if (!i || (i < n && is_digit(s[i])))
		return 0;
	char sep = 0;
	if (i + 2 < n && (s[i] == ':' || s[i] == '.') && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
	    !(i + 3 < n && is_digit(s[i + 3]))) {
		sep = s[i];
		m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
		i += 3;
	}
	/* am or pm, with or without full stops, a space before or none */
	size_t j = i + (i < n && s[i] == ' ');
	int half = 0;
	if (j < n && ((s[j] | 0x20) == 'a' || (s[j] | 0x20) == 'p')) {
		int pm = (s[j] | 0x20) == 'p';
		size_t k = j + 1;
		int dots = k < n && s[k] == '.';
		k += (size_t)dots;
		if (k < n && (s[k] | 0x20) == 'm') {
			k++;
			/* "p.m." ends with its full stop, "pm." with the
			 * sentence's */
			k += dots && k < n && s[k] == '.';
			/* a word boundary: not "6 pmol", "9 amps"; and "AM"
			 * or "PM" in capitals only after minutes ("4:30 AM",
			 * not "4 AM radio stations") */
			int caps = !dots && s[j] >= 'A' && s[j] <= 'Z' && s[j + 1] >= 'A' &&
				   s[j + 1] <= 'Z';
			if (!(k < n && is_alpha(s[k])) && !(caps && !sep)) {
				half = pm ? 2 : 1;
				i = k;
			}
		}
	}
	/* "9.30" alone may be a price or a score, "6" a count: only
	 * "18:30", "9.30am", "6pm" and, with a time zone after it, "20.45
	 * CEST" are times */
	if (!half && sep == '.' && timex_zone(s + i, n - i))
		sep = ':';
	if (m > 59 || (half ? h < 1 || h > 12 : sep != ':' || h > 23))
		return 0;
	if (half)
		h = h % 12 + (half == 2 ? 12 : 0);
	*minute = h * 60 + m;
	return i;
}

/* The token after the one that ends at byte b, from token i (before lim),
 * or 0 when no token ends there. */
static size_t token_after(const rd *r, size_t i, size_t b)
{
	const lex_view *v = r->v;
	for (; i < r->lim && TOK(i)->end <= b; i++)
		if (TOK(i)->end == b)
			return i + 1;
	return 0;
}

/* A clock time at token i, by name ("noon") or written ("6pm", "18:30"):
 * sets *minute and returns the token after it, or 0. */
static size_t clock_at(const rd *r, size_t i, int *minute)
{
	const lex_view *v = r->v;
	size_t k;
	const lex_entry *c = time_class(r, i, LEX_TC_CLOCK, &k);
	if (c) {
		*minute = (int)c->value;
		return k;
	}
	if (i >= r->lim || TOK(i)->type != TK_NUM)
		return 0;
	size_t len = timex_clock(v->text + TOK(i)->start, TOK(r->lim - 1)->end - TOK(i)->start,
				 minute);
	return len ? token_after(r, i, TOK(i)->start + len) : 0;
}

/* A time zone after a clock time: "GMT", "BST", "ET" in capitals (CUE
 * role zone in data/words.tsv), or "local time". */
static size_t zone_after(const rd *r, size_t i)
{
	const lex_view *v = r->v;
	if (word_is(r, i, "local") && word_is(r, i + 1, "time"))
		return i + 2;
	if (i >= r->lim || TOK(i)->type != TK_WORD || !(TOK(i)->flags & TF_CAPS))
		return i;
	size_t len;
	const lex_entry *e = lex_match(v, i, r->lim, LEX_BIT(LEX_CUE), &len);
	return e && len == 1 && (e->roles & LEX_ROLE_ZONE) ? i + 1 : i;
}

/* Writes a time of day (minute, or a part of the day's TIMEX3 code when
 * minute < 0) on the day of o, a day expression already read (or the
 * reference day when o is not one). */
static void put_time(rd *r, timex *o, int minute, const char *part, int on_ref)
{
	char day[24];
	if (on_ref) {
		memset(o, 0, sizeof *o);
		o->relative = 1;
		if (has_ref(r))
			snprintf(day, sizeof day, "%04d-%02d-%02d", r->ref.y, r->ref.m, r->ref.d);
		else {
			o->unresolved = 1;
			snprintf(day, sizeof day, "XXXX-XX-XX");
		}
	} else {
		snprintf(day, sizeof day, "%.20s", o->value[0] ? o->value : "XXXX-XX-XX");
	}
	if (minute >= 0)
		put(o, TG_TIME,
		    "%s"
		    "T%02d:%02d",
		    day, minute / 60, minute % 60);
	else
		put(o, TG_TIME,
		    "%s"
		    "T%s",
		    day, part);
}

/* A clock time at i ("6pm", "6:30 a.m.", "18:00 GMT", "noon"), with the
 * day it is of after it ("6pm on Tuesday", "noon yesterday") or else the
 * reference day. */
static size_t rd_clock(rd *r, size_t i, timex *o)
{
	int minute;
	size_t e = starts_clean(r, i) ? clock_at(r, i, &minute) : 0;
	if (!e || !ends_clean(r, e))
		return 0;
	e = zone_after(r, e);
	/* the day: "6pm on Tuesday", "6pm, Oct. 3", "noon yesterday" */
	size_t d = e + punct_is(r, e, ',');
	d += word_is(r, d, "on");
	timex day;
	/* a day only: "6pm 7pm 8pm ..." is no chain of clocks each read
	 * as the day of the one before */
	r->no_clock = 1;
	size_t de = d < r->lim ? rd_expr(r, d, &day) : 0;
	r->no_clock = 0;
	if (de && day.gran == TG_DAY) {
		*o = day;
		put_time(r, o, minute, NULL, 0);
		return de;
	}
	put_time(r, o, minute, NULL, 1);
	return e;
}

/* After a day (o): its part ("Tuesday evening", "yesterday morning") or
 * its clock time ("Tuesday at 6pm", "on Monday, at 10:30 a.m."). Returns
 * the token after them, or e. */
static size_t time_of_day(rd *r, size_t e, timex *o)
{
	size_t k;
	const lex_entry *p = time_class(r, e, LEX_TC_DAYPART, &k);
	/* "Sunday Night Football" is a name */
	if (p && (r->v->t[e].flags & TF_UPPER) && k < r->lim && r->v->t[k].type == TK_WORD &&
	    (r->v->t[k].flags & TF_UPPER))
		p = NULL;
	if (p) {
		put_time(r, o, -1, p->b, 0);
		return k;
	}
	size_t a = e + punct_is(r, e, ',');
	if (!word_is(r, a, "at"))
		return e;
	int minute;
	k = clock_at(r, a + 1, &minute);
	if (!k || !ends_clean(r, k))
		return e;
	put_time(r, o, minute, NULL, 0);
	return zone_after(r, k);
}

/* ---- ranges ---- */

/* What joins the ends of a range: "to", "till", "until", "through",
 * "thru", a dash, and "and" after "between".  Returns the token after it,
 * or 0; *word is set when it is a word. */
static size_t range_sep(const rd *r, size_t i, int between, int *word)
{
	*word = 0;
	if (punct_is(r, i, '-'))
		return i + 1;
	*word = 1;
	if (between)
		return word_is(r, i, "and") ? i + 1 : 0;
	if (word_is(r, i, "to") || word_is(r, i, "till") || word_is(r, i, "until") ||
	    word_is(r, i, "through") || word_is(r, i, "thru"))
		return i + 1;
	return 0;
}

/* Two days of one month: "19-20", "19 to 20", "15th through the 19th",
 * "between 3 and 12" (between: "between" came before).  Returns the token
 * after them, or 0; *word is set when a word joins them. */
static size_t day_pair(const rd *r, size_t i, int between, int *d1, int *d2, int *word)
{
	size_t e, s, f;
	if (word_is(r, i, "between")) {
		if (between)
			return 0;
		between = 1;
		i++;
	}
	if (word_is(r, i, "the"))
		i++;
	int a = day_num(r, i, &e);
	if (!a || !(s = range_sep(r, e, between, word)))
		return 0;
	if (word_is(r, s, "the"))
		s++;
	int b = day_num(r, s, &f);
	if (!b || b <= a || !ends_clean(r, f))
		return 0;
	*d1 = a;
	*d2 = b;
	return f;
}

/* Days d1 to d2 of month m of year y (0: the year of d1 without one). */
static int put_day_range(rd *r, timex *o, int y, int m, int d1, int d2)
{
	if (!y && !has_ref(r)) {
		if (d2 > days_in_month(2000, m))
			return 0;
		o->relative = o->unresolved = 1;
		put(o, TG_INTERVAL, "XXXX-%02d-%02d/XXXX-%02d-%02d", m, d1, m, d2);
		return 1;
	}
	if (!y) {
		o->relative = 1;
		y = year_for(r, m, d1);
	}
	if (d2 > days_in_month(y, m))
		return 0;
	put(o, TG_INTERVAL, "%04d-%02d-%02d/%04d-%02d-%02d", y, m, d1, y, m, d2);
	r->start = (timex_date){y, m, d1};
	return 1;
}

/* November 19-20, Nov. 19 to 20, November 15th through the 19th, November
 * between 19 and 20, with a year after them or not */
static size_t rd_month_days(rd *r, size_t i, int between, timex *o)
{
	const lex_view *v = r->v;
	size_t j;
	int m = month_at(r, i, &j), d1, d2, word;
	if (!m)
		return 0;
	const tok *t = TOK(i);
	if ((tok_is(v->text, t, "may") || tok_is(v->text, t, "march")) && !(t->flags & TF_UPPER))
		return 0;
	size_t f = day_pair(r, j, between, &d1, &d2, &word);
	/* not "between Oct. 14 and 23 July" */
	if (!f || lex_has(v, f + word_is(r, f, "of"), LEX_BIT(LEX_MONTH)))
		return 0;
	int y = 0, rel;
	size_t e = year_of(r, f, &y, &rel);
	/* "on May 5 to 12 percent" */
	if (word && !between && e == f && !ends_phrase(r, f))
		return 0;
	if (e > f && !y) {
		put_unknown(o, TG_INTERVAL);
		return e;
	}
	if (!put_day_range(r, o, y, m, d1, d2))
		return 0;
	o->relative |= rel;
	return e;
}

/* 19-20 November, 4 to 22 January, 1995, from 4 to 22 this month, between
 * 3 and 12 of Sept, from 4 to January 22: words join the days only after
 * "from" or "between" (opener 1 or 2) */
static size_t rd_days_month(rd *r, size_t i, int opener, timex *o)
{
	int d1, d2, word, y, m, rel;
	if (r->v->t[i].type == TK_NUM && r->v->t[i].len1 > 2)
		return 0;
	size_t f = day_pair(r, i, opener == 2, &d1, &d2, &word), e;
	if (!f) {
		/* from 4 to January 22, 1995 */
		size_t s;
		d1 = day_num(r, i, &e);
		if (!opener || !d1 || !(s = range_sep(r, e, opener == 2, &word)) ||
		    !lex_has(r->v, s, LEX_BIT(LEX_MONTH)) || !(e = rd_month(r, s, o)) ||
		    o->gran != TG_DAY || !r->start.y || r->start.d <= d1)
			return 0;
		timex_date b = r->start;
		char to[48];
		snprintf(to, sizeof to, "%s", o->value);
		if (o->unresolved)
			put(o, TG_INTERVAL, "XXXX-%02d-%02d/%.20s", b.m, d1, to);
		else
			put(o, TG_INTERVAL, "%04d-%02d-%02d/%.20s", b.y, b.m, d1, to);
		r->start.d = d1;
		return e;
	}
	if (word && !opener)
		return 0;
	size_t k = f + (word_is(r, f, "of") || word_is(r, f, "in"));
	if (!(e = month_period(r, k, &y, &m, &rel)))
		return 0;
	if (!m) {
		put_unknown(o, TG_INTERVAL);
		return e;
	}
	if (!put_day_range(r, o, y, m, d1, d2))
		return 0;
	o->relative |= rel;
	return e;
}

/* A verb before "from" that makes "from X to Y" a change of date
 * ("postponed the vote from Oct. 2 to Oct. 22"), not a range. */
static int moved_before(const rd *r, size_t i)
{
	size_t e;
	for (size_t k = i; k > 0 && k + 5 > i; k--)
		if (time_class(r, k - 1, LEX_TC_MOVE, &e))
			return 1;
	return 0;
}

static size_t rd_expr(rd *r, size_t i, timex *o);

/* The end of a range after its start a, read up to e1 (first day sa, the
 * month and day am, ad when it had no year): "to October 22", "and Feb
 * 2018", "through the 19th".  Without "from" or "between" (opener 0) both
 * ends are of one granularity. */
static size_t range_end(rd *r, const timex *a, timex_date sa, int am, int ad, size_t e1, int opener,
			timex *o)
{
	int word;
	size_t s = range_sep(r, e1, opener == 2, &word), e2;
	if (!s)
		return 0;
	const timex_gran ok = a->gran;
	if (ok != TG_DAY && ok != TG_WEEK && ok != TG_MONTH && ok != TG_QUARTER && ok != TG_YEAR &&
	    ok != TG_DECADE)
		return 0;
	timex b;
	memset(&b, 0, sizeof b);
	e2 = rd_expr(r, s, &b);
	timex_date sb = r->start;
	int bm = r->bare_m, bd = r->bare_d;
	if (!e2 && a->gran == TG_DAY && (sa.y || a->unresolved)) {
		/* November 15th through the 19th: the month of the start */
		size_t k = s + word_is(r, s, "the");
		int d = day_num(r, k, &e2);
		if (!d || !ends_clean(r, e2) || (k == s && e2 == k + 1 && !opener) ||
		    lex_has(r->v, e2 + word_is(r, e2, "of"), LEX_BIT(LEX_MONTH)) ||
		    (sa.y && (d <= sa.d || d > days_in_month(sa.y, sa.m))))
			return 0;
		b = *a;
		if (a->unresolved) {
			if (!ad)
				return 0;
			put(&b, TG_DAY, "XXXX-%02d-%02d", am, d);
		} else {
			sb = (timex_date){sa.y, sa.m, d};
			put(&b, TG_DAY, "%04d-%02d-%02d", sa.y, sa.m, d);
		}
		bm = 0;
	}
	if (!e2 ||
	    (b.gran != TG_DAY && b.gran != TG_WEEK && b.gran != TG_MONTH && b.gran != TG_QUARTER &&
	     b.gran != TG_YEAR && b.gran != TG_DECADE) ||
	    (!opener && b.gran != a->gran))
		return 0;
	memset(o, 0, sizeof *o);
	o->relative = a->relative || b.relative;
	if (a->unresolved || b.unresolved || !sa.y || !sb.y) {
		o->unresolved = 1;
		o->relative = 1;
		if (a->value[0] && b.value[0])
			put(o, TG_INTERVAL, "%.20s/%.20s", a->value, b.value);
		else
			put(o, TG_INTERVAL, "%s", "");
		o->gran = TG_INTERVAL;
		r->start = sa;
		return e2;
	}
	char av[48], bv[48];
	snprintf(av, sizeof av, "%s", a->value);
	snprintf(bv, sizeof bv, "%s", b.value);
	long da = days_from_civil(sa.y, sa.m, sa.d), db = days_from_civil(sb.y, sb.m, sb.d);
	/* a start without a year takes the end's: "Feb. 1 to March 2019" */
	if (am && am == sa.m && a->relative && !b.relative && sa.y != sb.y) {
		int y = sb.y;
		if ((am > sb.m || (am == sb.m && ad > sb.d)) && y > 1)
			y--;
		if (ad && ad > days_in_month(y, am))
			return 0;
		sa = (timex_date){y, am, ad ? ad : 1};
		da = days_from_civil(sa.y, sa.m, sa.d);
		if (ad)
			snprintf(av, sizeof av, "%04d-%02d-%02d", y, am, ad);
		else
			snprintf(av, sizeof av, "%04d-%02d", y, am);
	}
	/* an end without a year after the start: "Dec. 20 to Jan. 5" */
	if (db < da && bm && bm == sb.m && b.relative) {
		if (bd && bd > days_in_month(sb.y + 1, bm))
			return 0;
		sb.y++;
		db = days_from_civil(sb.y, sb.m, sb.d);
		if (bd)
			snprintf(bv, sizeof bv, "%04d-%02d-%02d", sb.y, bm, bd);
		else
			snprintf(bv, sizeof bv, "%04d-%02d", sb.y, bm);
	}
	if (db < da || (db == da && b.gran == a->gran))
		return 0;
	put(o, TG_INTERVAL, "%.20s/%.20s", av, bv);
	r->start = sa;
	return e2;
}

/* from Oct. 2 to October 22, between 2015 and Feb 2018, from 4 to 22
 * January 1995: i is the token after "from" or "between" (opener 1 or 2) */
static size_t rd_range(rd *r, size_t i, int opener, timex *o)
{
	/* the end is near: most "from"s start no range */
	size_t q = i, e;
	int word;
	while (q < r->lim && q < i + 10 && !range_sep(r, q, opener == 2, &word))
		q++;
	if (q >= r->lim || q >= i + 10)
		return 0;
	if ((e = rd_days_month(r, i, opener, o)) || (e = rd_month_days(r, i, opener == 2, o)))
		return e;
	timex a;
	memset(&a, 0, sizeof a);
	size_t e1 = rd_expr(r, i, &a);
	if (!e1)
		return 0;
	timex_date sa = r->start;
	return range_end(r, &a, sa, r->bare_m, r->bare_d, e1, opener, o);
}

static size_t rd_core(rd *r, size_t i, timex *o)
{
	size_t e;
	memset(o, 0, sizeof *o);
	r->the_ok = 0;
	r->start.y = 0;
	r->bare_m = r->bare_d = 0;
	if (i >= r->lim)
		return 0;
	const tok *t = &r->v->t[i];
	if (t->type == TK_NUM) {
		/* most numbers are counts: what follows them tells the
		 * readers that may still read them */
		int dash = glued(r, i + 1) && (punct_is(r, i + 1, '-') || punct_is(r, i + 1, '/'));
		int suffix = i + 1 < r->lim && glued(r, i + 1) && r->v->t[i + 1].type == TK_WORD;
		if ((!r->no_clock && (e = rd_clock(r, i, o))) || (e = rd_iso(r, i, o)) ||
		    (e = rd_numeric(r, i, o)) ||
		    (dash && ((e = rd_year_month(r, i, o)) || (e = rd_year_range(r, i, o)))) ||
		    (e = rd_year_code(r, i, o)) ||
		    ((dash || suffix || punct_is(r, i + 1, '-')) &&
		     (e = rd_days_month(r, i, 0, o))) ||
		    (e = rd_decade(r, i, o)) || (e = rd_day_first(r, i, o)) ||
		    (suffix && (e = rd_the_day(r, i, o))) || (suffix && (e = rd_nth_of(r, i, o))) ||
		    (e = rd_century(r, i, o)) || (e = rd_quarter(r, i, o)) ||
		    (e = rd_count(r, i, o)) || (e = rd_year(r, i, o)))
			return e;
		return 0;
	}
	if (t->type == TK_PUNCT)
		return t->cp == '\'' ? rd_decade(r, i, o) : 0;
	/* a word: the readers that open with its kind, in order (each
	 * would look the word up again and fail) */
	const lex_view *v = r->v;
	size_t n;
	const lex_entry *tw = time_word(r, i, &n);
	enum {
		C_NONE,
		C_DAY,
		C_PART,
		C_SHIFT,
		C_UNIT,
		C_SEASON,
		C_HALF,
		C_DECADE,
		C_WEEKDAY,
		C_CLOCK
	};
	int c = C_NONE;
	if (tw) {
		switch ((lex_tclass)tw->tag) {
		case LEX_TC_DAY: c = C_DAY; break;
		case LEX_TC_PART: c = C_PART; break;
		case LEX_TC_SHIFT: c = C_SHIFT; break;
		case LEX_TC_UNIT: c = C_UNIT; break;
		case LEX_TC_SEASON: c = C_SEASON; break;
		case LEX_TC_HALF: c = C_HALF; break;
		case LEX_TC_DECADE: c = C_DECADE; break;
		case LEX_TC_WEEKDAY: c = C_WEEKDAY; break;
		case LEX_TC_CLOCK: c = C_CLOCK; break;
		default: break;
		}
	}
	int ord = lex_has(v, i, LEX_BIT(LEX_ORD));
	if ((c == C_CLOCK && !r->no_clock && (e = rd_clock(r, i, o))) ||
	    (c == C_DAY && (e = rd_dayword(r, i, o))) || (c == C_PART && (e = rd_part(r, i, o))) ||
	    ((ord || c == C_SHIFT) && (e = rd_nth_of(r, i, o))) ||
	    (c == C_SHIFT && (e = rd_shift(r, i, o))) ||
	    (c == C_UNIT && (e = rd_unit_phrase(r, i, o))) ||
	    (c == C_SEASON && (e = rd_season(r, i, o))) ||
	    ((ord || c == C_HALF) && (e = rd_half(r, i, o))) ||
	    (c == C_DECADE && (e = rd_decade_word(r, i, o))) ||
	    (lex_has(v, i, LEX_BIT(LEX_MONTH)) && (e = rd_month(r, i, o))) ||
	    (c == C_WEEKDAY && (e = rd_weekday(r, i, o))) ||
	    ((ord || lex_has(v, i, LEX_BIT(LEX_NUM))) && (e = rd_day_first(r, i, o))) ||
	    (ord && (e = rd_century(r, i, o))) ||
	    ((ord || tok_is(v->text, t, "q")) && (e = rd_quarter(r, i, o))) ||
	    (e = rd_count(r, i, o)))
		return e;
	memset(o, 0, sizeof *o);
	return 0;
}

/* An expression at i, with a "the" before it that it takes. */
static size_t rd_expr(rd *r, size_t i, timex *o)
{
	size_t e;
	int the = word_is(r, i, "the");
	memset(o, 0, sizeof *o);
	if (the && (e = rd_dayword(r, i, o)) != 0)
		return e; /* "the day before yesterday" */
	e = rd_core(r, i + the, o);
	return e && the && !r->the_ok ? 0 : e;
}

int timex_read(const lex_view *v, size_t i, size_t lim, const timex_date *ref, timex *out)
{
	rd r;
	memset(&r, 0, sizeof r);
	r.v = v;
	r.lim = lim;
	if (ref && ref->y)
		r.ref = *ref;
	if (i >= lim)
		return 0;
	size_t s = i, e;
	memset(out, 0, sizeof *out);
	/* from Oct. 2 to October 22, between 2015 and 2018 */
	int opener = lex_word_is(v, i, lim, "from") ? 1 : lex_word_is(v, i, lim, "between") ? 2 : 0;
	if (opener) {
		if (moved_before(&r, i) || !(e = rd_range(&r, i + 1, opener, out))) {
			memset(out, 0, sizeof *out);
			return 0;
		}
		out->t0 = i;
		out->t1 = e;
		return 1;
	}
	int since = lex_word_is(v, i, lim, "since");
	if (since)
		i++;
	e = rd_expr(&r, i, out);
	if (!e)
		return 0;
	int word;
	if (!since && range_sep(&r, e, 0, &word) && !moved_before(&r, i)) {
		/* Oct. 2 to October 22, today till tomorrow */
		timex a = *out;
		timex_date sa = r.start;
		size_t e2 = range_end(&r, &a, sa, r.bare_m, r.bare_d, e, 0, out);
		if (e2)
			e = e2;
		else
			*out = a;
	}
	if (!since && out->gran == TG_DAY)
		e = time_of_day(&r, e, out);
	out->t0 = since ? s : i;
	out->t1 = e;
	if (since && out->gran != TG_INTERVAL && out->gran != TG_DURATION && r.start.y) {
		out->relative = 1;
		if (!has_ref(&r)) {
			out->unresolved = 1;
			out->value[0] = '\0';
		} else {
			char from[48];
			snprintf(from, sizeof from, "%s", out->value);
			put(out, TG_INTERVAL, "%.20s/%04d-%02d-%02d", from, r.ref.y, r.ref.m,
			    r.ref.d);
		}
		out->gran = TG_INTERVAL;
	} else if (since) {
		out->t0 = s + 1;
	}
	return 1;
}

/* Could a reader open with token i (from or between of a range, since,
 * the, and then rd_core)?  A punctuation mark only as the "'" of "'90s"; a
 * word when it is a time word (that is also "rest of", "summer", "H1",
 * "seventies"), a month, an ordinal or a number word (count_at's
 * num_parse), or one the readers test by spelling ("another"). */
static int may_open(const lex_view *v, size_t i)
{
	const tok *t = &v->t[i];
	if (t->type == TK_NUM)
		return 1;
	if (t->type == TK_PUNCT)
		return t->cp == '\'';
	const uint64_t cats = LEX_BIT(LEX_TIME) | LEX_BIT(LEX_MONTH) | LEX_BIT(LEX_ORD) |
			      LEX_BIT(LEX_NUM) | LEX_BIT(LEX_FRAC) | LEX_BIT(LEX_SCALE) |
			      LEX_BIT(LEX_VAGUE);
	if (v->cats[i] & cats)
		return 1;
	/* most words are none of these: decide on the first letter */
	switch (v->text[t->start] | 0x20) {
	case 'a':
		return tok_is(v->text, t, "a") || tok_is(v->text, t, "an") ||
		       tok_is(v->text, t, "another");
	case 't': return tok_is(v->text, t, "the");
	case 's': return tok_is(v->text, t, "since") || tok_is(v->text, t, "several");
	case 'q': return tok_is(v->text, t, "q");
	case 'f': return tok_is(v->text, t, "few") || tok_is(v->text, t, "from");
	case 'b': return tok_is(v->text, t, "between");
	case 'm': return tok_is(v->text, t, "many") || tok_is(v->text, t, "minus");
	case 'n': return tok_is(v->text, t, "negative");
	default: return 0;
	}
}

/* The anchors of timex_read's readers, at most two tokens ("since the",
 * "from the", "between the") after the start: digits (rd_iso ... rd_year; "'90s", "Q3" and ".5
 * years" have them one token on), or a time word or month (rd_dayword,
 * rd_part, rd_shift, rd_month, rd_weekday; and the unit after an ordinal in
 * rd_century and rd_quarter, and after a count in rd_count, which looks for
 * it within seven tokens).  A time word is one that a phrase of
 * data/time.tsv matches at, not only starts: "the" starts "the day before
 * yesterday", but what makes a time expression of "the" is the word after
 * it. */
enum { SCAN_NUM = 2, SCAN_WORD = 10 };

/* Moves the anchors of sc to the first ones at or after token i. */
static void find_anchors(const lex_view *v, size_t i, size_t lim, timex_scan *sc)
{
	const uint64_t words = LEX_BIT(LEX_TIME) | LEX_BIT(LEX_MONTH);
	if (!sc->set || sc->num < i) {
		size_t k = i;
		while (k < lim && v->t[k].type != TK_NUM)
			k++;
		sc->num = k;
	}
	if (!sc->set || sc->word < i) {
		size_t k = i;
		while (k < lim && !lex_match(v, k, lim, words, NULL))
			k++;
		sc->word = k;
	}
	sc->set = 1;
}

size_t timex_next(const lex_view *v, size_t i, size_t lim, timex_scan *sc)
{
	for (; i < lim; i++) {
		find_anchors(v, i, lim, sc);
		/* nothing more than a few tokens before an anchor can start */
		size_t from = lim;
		if (sc->num < lim)
			from = sc->num - i >= SCAN_NUM + 2 ? sc->num - (SCAN_NUM + 1) : i;
		if (sc->word < lim) {
			size_t w = sc->word - i >= SCAN_WORD ? sc->word - (SCAN_WORD - 1) : i;
			if (w < from)
				from = w;
		}
		if (from >= lim)
			return lim;
		i = from;
		if (!may_open(v, i))
			continue;
		size_t near = SCAN_NUM;
		if (sc->num < lim && sc->num - i >= SCAN_NUM && sc->num - i < SCAN_NUM + 2 &&
		    (tok_is(v->text, &v->t[i], "since") || tok_is(v->text, &v->t[i], "the") ||
		     tok_is(v->text, &v->t[i], "from") || tok_is(v->text, &v->t[i], "between")))
			near += 2;
		if ((sc->num < lim && sc->num - i < near) ||
		    (sc->word < lim && sc->word - i < SCAN_WORD))
			return i;
	}
	return lim;
}
