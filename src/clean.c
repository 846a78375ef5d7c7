/* clean.c: scraped text, line by line.  Each rule is a general signal; a
 * phrase list (data/boilerplate.tsv) is one of them and only ever applies
 * to short lines. */
#include "clean.h"
#include "ascii.h"
#include "lexicon.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct line {
	size_t start, end; /* trimmed bytes of the line */
	size_t from;       /* where its kept text starts (after a byline) */
	int drop;          /* 1 dropped; 2 pending (a line of the batch), 3 a sentence of it */
	size_t letters;    /* caption_letters(), or SIZE_MAX until needed */
} line;

static int is_space_at(const char *s, size_t i, size_t end, size_t *w)
{
	unsigned char c = (unsigned char)s[i];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
		*w = 1;
		return 1;
	}
	if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0) {
		*w = 2;
		return 1;
	}
	return 0;
}

static int ieq(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	if (n != m)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned ca = (unsigned char)a[i], cb = (unsigned char)b[i];
		if (ca >= 'A' && ca <= 'Z')
			ca += 32;
		if (ca != cb)
			return 0;
	}
	return 1;
}

static int istarts(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	return n >= m && ieq(a, m, b);
}

/* The phrase lists, picked out of the lexicon once. */
static const char *boiler[128], *credits[64];
static size_t nboiler, ncredits;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void pick_lists(void)
{
	for (size_t i = 0; i < lex_entry_count; i++) {
		if (lex_entries[i].cat == LEX_BOILER && nboiler < 128)
			boiler[nboiler++] = lex_entries[i].phrase;
		if (lex_entries[i].cat == LEX_CREDIT && ncredits < 64)
			credits[ncredits++] = lex_entries[i].phrase;
	}
}

/* A whole line from the phrase list, ignoring a final ':' or '.'. */
static int boilerplate(const char *s, size_t n)
{
	while (n && (s[n - 1] == ':' || s[n - 1] == '.'))
		n--;
	if (n > 60)
		return 0;
	for (size_t i = 0; i < nboiler; i++)
		if (ieq(s, n, boiler[i]))
			return 1;
	return 0;
}

static int credit_line(const char *s, size_t n)
{
	if (n > 100)
		return 0;
	for (size_t i = 0; i < ncredits; i++)
		if (istarts(s, n, credits[i]))
			return 1;
	return 0;
}

/* One token of 16 or more letters and digits, mostly hex: a stray hash. */
static int stray_hash(const char *s, size_t n)
{
	if (n < 16 || n > 128)
		return 0;
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
			   (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z')))
			return 0;
	}
	return digits * 4 >= n;
}

/* The same text twice in a row: "captionXcaptionX". */
static int doubled(const char *s, size_t n)
{
	if (n < 40 || n > 4000 || n % 2 || memcmp(s, s + n / 2, n / 2) != 0)
		return 0;
	/* a caption is words: a run of one character is not doubled text */
	size_t spaces = 0;
	for (size_t i = 0; i < n / 2; i++)
		spaces += s[i] == ' ';
	return spaces >= 3;
}

/* The first n letters of s, in any case, are those of lower-case w. */
static int strncmp_lower(const char *s, const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((char)(s[i] | 0x20) != w[i])
			return 0;
	return 1;
}

/* ASCII letters and digits only: other bytes are often spaces (NBSP) or
 * quotes that the two copies write differently. */
static int alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The letters and digits of a line that caption_credit compares: those
 * of its first half when it is doubled. */
static size_t caption_letters(const char *p, size_t pn)
{
	size_t total = 0;
	for (size_t i = 0; i < pn; i++)
		total += alnum((unsigned char)p[i]);
	if (doubled(p, pn))
		total /= 2;
	return total;
}

/* Is cur an earlier line p (or the first half of p, when p is doubled)
 * with a short credit after it ("... in Russia – CNN")?  Letters and
 * digits are compared; spaces, quotes and dashes are not, since scrapers
 * write them differently in the two copies.  *letters caches
 * caption_letters(p, pn) (SIZE_MAX: not counted yet): each line is
 * compared with the dozen after it, and a caption has 30 letters or more,
 * so the count waits until 30 of them match, which lines that are not
 * copies seldom do. */
static int caption_credit(const char *p, size_t pn, size_t *letters, const char *cur, size_t n)
{
	size_t i = 0, j = 0, matched = 0;
	for (;;) {
		while (i < pn && !alnum((unsigned char)p[i]))
			i++;
		while (j < n && !alnum((unsigned char)cur[j]))
			j++;
		if (i >= pn || j >= n || p[i] != cur[j])
			return 0;
		i++;
		j++;
		if (++matched < 30)
			continue;
		if (*letters == SIZE_MAX)
			*letters = caption_letters(p, pn);
		if (*letters < 30)
			return 0;
		if (matched == *letters)
			break;
	}
	size_t rest = 0;
	for (; j < n; j++)
		rest += alnum((unsigned char)cur[j]);
	return rest > 0 && rest <= 40;
}

/* The month a word names ("March", "Sept", "nov"; data/words.tsv MONTH),
 * 1 to 12, or 0. */
static int month_word(const char *s, size_t n)
{
	const lex_entry *e = lex_word(s, n, LEX_BIT(LEX_MONTH));
	return e ? (int)e->value : 0;
}

/* The length of a label before a date ("Published:", "Updated on", "Last
 * updated:", "Posted"; one or two words of data/words.tsv CUE date_label),
 * or 0; *update says whether it names an update (a word's value 1). */
static size_t date_label(const char *s, size_t n, int *update)
{
	size_t l = 0, end = 0;
	int upd = 0;
	for (int words = 0; words < 2; words++) {
		size_t w = l;
		while (w < n && ((s[w] | 0x20) >= 'a' && (s[w] | 0x20) <= 'z'))
			w++;
		const lex_entry *e = lex_cue_word(s + l, w - l, LEX_ROLE_DATE_LABEL);
		if (!e)
			break;
		upd |= e->value == 1;
		end = w;
		if (w >= n || s[w] != ' ')
			break;
		l = w + 1;
	}
	if (!end || end >= n || !(s[end] == ':' || s[end] == ' '))
		return 0;
	*update = upd;
	l = end;
	while (l < n && (s[l] == ':' || s[l] == ' '))
		l++;
	if (l + 3 < n && strncmp_lower(s + l, "on ", 3))
		l += 3;
	return l;
}

/* A time of day "HH:MM" or "H:MM" at s: returns its length and sets the
 * hour and minute, or returns 0. */
static size_t clock_time(const char *s, size_t n, int *h, int *m)
{
	size_t i = 0;
	int hh = 0;
	while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
		hh = hh * 10 + (s[i++] - '0');
	if (i == 0 || i + 3 > n || (s[i] != ':' && s[i] != '.') ||
	    !(s[i + 1] >= '0' && s[i + 1] <= '5') || !(s[i + 2] >= '0' && s[i + 2] <= '9') ||
	    (i + 3 < n && s[i + 3] >= '0' && s[i + 3] <= '9'))
		return 0;
	int mm = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	size_t e = i + 3;
	if (s[i] == '.') {
		/* "9.30am", "9.30 pm": a full stop only before am or pm */
		size_t k = e;
		if (k < n && s[k] == ' ')
			k++;
		if (!(k < n && ((s[k] | 0x20) == 'a' || (s[k] | 0x20) == 'p')))
			return 0;
	} else if (e + 2 < n && s[e] == ':' && s[e + 1] >= '0' && s[e + 1] <= '5' &&
		   s[e + 2] >= '0' && s[e + 2] <= '9') {
		e += 3; /* seconds: "20:41:07" */
	}
	if (hh > 23)
		return 0;
	*h = hh;
	*m = mm;
	return e;
}

/* An ISO 8601 date that opens the line, perhaps with a time after it
 * ("2025-09-15", "2025-09-15T08:30:00Z", "2025-09-15 08:30"). */
static int iso_date_line(const char *s, size_t n, char *iso, size_t cap)
{
	if (n < 10)
		return 0;
	for (size_t i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	for (size_t i = 10; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || s[i] == ':' || s[i] == 'T' || s[i] == 'Z' ||
		      s[i] == ' ' || s[i] == '+' || s[i] == '-' || s[i] == '.'))
			return 0;
	int h, mi;
	if (n >= 16 && (s[10] == ' ' || s[10] == 'T') && clock_time(s + 11, n - 11, &h, &mi))
		snprintf(iso, cap, "%.10sT%02d:%02d", s, h, mi);
	else
		snprintf(iso, cap, "%.10s", s);
	return 1;
}

/* A wire dateline opening the first paragraph: "SARAI, Nov 4 (GNA) -",
 * "ORSAVA, Valdoria, Sept 14 (Allied Wire) -", "LAGOS, March 3, 2024
 * (Reuters) —": a place in capitals or title case (one or two parts), a
 * month and a day, perhaps a year, perhaps an agency in brackets, then a
 * dash.  Writes "YYYY-MM-DD", or "XXXX-MM-DD" with no year. */
static int wire_dateline(const char *s, size_t n, char *iso, size_t cap)
{
	size_t i = 0;
	int parts = 0;
	for (;;) { /* "SARAI, " or "ORSAVA, Valdoria, " */
		if (i >= n || !(s[i] >= 'A' && s[i] <= 'Z'))
			break;
		size_t j = i;
		while (j < n && j - i < 40 &&
		       (((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') ||
			(unsigned char)s[j] >= 0x80 || s[j] == ' ' || s[j] == '.' || s[j] == '\'' ||
			s[j] == '-'))
			j++;
		if (j + 1 >= n || s[j] != ',' || s[j + 1] != ' ')
			break;
		/* the month may be this part: "SARAI, Nov 4" */
		size_t k = j + 2, m0 = k;
		while (k < n && (s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')
			k++;
		int month = k - m0 >= 3 ? month_word(s + m0, k - m0) : 0;
		parts++;
		if (parts > 2)
			return 0;
		if (!month) {
			i = j + 2;
			continue;
		}
		if (k < n && s[k] == '.')
			k++;
		if (k >= n || s[k] != ' ')
			return 0;
		k++;
		int day = 0, dd = 0;
		while (k < n && s[k] >= '0' && s[k] <= '9' && dd < 2)
			day = day * 10 + (s[k++] - '0'), dd++;
		static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
		if (!dd || day < 1 || day > mdays[month - 1])
			return 0;
		int year = 0;
		if (k + 6 <= n && s[k] == ',' && s[k + 1] == ' ' && s[k + 2] >= '1' &&
		    s[k + 2] <= '2') {
			int yy = 0, yd = 0;
			size_t q = k + 2;
			while (q < n && s[q] >= '0' && s[q] <= '9' && yd < 5)
				yy = yy * 10 + (s[q++] - '0'), yd++;
			if (yd == 4) {
				year = yy;
				k = q;
			}
		}
		size_t sp = k;
		while (k < n && s[k] == ' ')
			k++;
		int agency = 0;
		if (k < n && s[k] == '(') { /* the agency */
			const char *close = memchr(s + k, ')', n - k < 40 ? n - k : 40);
			if (!close)
				return 0;
			k = (size_t)(close - s) + 1;
			agency = 1;
			sp = k;
			while (k < n && s[k] == ' ')
				k++;
		}
		/* a place in capitals ("SARAI") or an agency in brackets: not
		 * "In Washington, Jan. 6 - the anniversary", and a space before
		 * the dash: not "March 3-5" */
		int caps = 1;
		for (size_t q = 0; q < 3 && q < n; q++)
			caps &= (s[q] >= 'A' && s[q] <= 'Z');
		if ((!caps && !agency) || k == sp)
			return 0;
		int dash = (k < n && s[k] == '-') ||
			   (k + 2 < n && (unsigned char)s[k] == 0xE2 &&
			    (unsigned char)s[k + 1] == 0x80 &&
			    ((unsigned char)s[k + 2] == 0x93 || (unsigned char)s[k + 2] == 0x94));
		if (!dash)
			return 0;
		if (year)
			snprintf(iso, cap, "%04d-%02d-%02d", year, month, day);
		else
			snprintf(iso, cap, "XXXX-%02d-%02d", month, day);
		return 1;
	}
	return 0;
}

/* A line that is only a date ("Friday, October 18, 2024", "18 October
 * 2024", "Published: 2025-09-15"): returns 1 and writes YYYY-MM-DD. */
static int date_line(const char *s, size_t n, char *iso, size_t cap, int *update)
{
	*update = 0;
	size_t l = date_label(s, n, update);
	s += l;
	n -= l;
	if (iso_date_line(s, n, iso, cap))
		return 1;
	if (n < 8 || n > 40)
		return 0;
	int month = 0, day = 0, year = 0, hour = -1, minute = 0, pm = 0;
	for (size_t i = 0; i < n;) {
		size_t tl;
		int th, tm;
		if (hour < 0 && (tl = clock_time(s + i, n - i, &th, &tm))) {
			/* "15 September 2025, 20:41", "Sept 15, 2025 8:41 pm BST" */
			hour = th, minute = tm;
			i += tl;
			continue;
		}
		if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') {
			size_t j = i;
			while (j < n && (s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z')
				j++;
			int known = 0;
			/* "pm", "p.m." */
			int dotted = hour >= 0 && j - i == 1 && j + 1 < n && s[j] == '.' &&
				     (s[j + 1] | 0x20) == 'm';
			if (hour >= 0 && ((j - i == 2 && (s[i + 1] | 0x20) == 'm') || dotted) &&
			    ((s[i] | 0x20) == 'a' || (s[i] | 0x20) == 'p')) {
				pm = (s[i] | 0x20) == 'p' ? 1 : -1;
				known = 1;
				if (dotted)
					j += 2;
			}
			/* a zone after the time: its offset is not known here, so
			 * the time is kept as the article gives it */
			/* (data/words.tsv CUE zone) */
			if (hour >= 0 && lex_cue_word(s + i, j - i, LEX_ROLE_ZONE))
				known = 1;
			int mw = month_word(s + i, j - i);
			if (mw)
				month = mw, known = 1;
			/* a day of the week (data/time.tsv weekday) */
			const lex_entry *wd = lex_word(s + i, j - i, LEX_BIT(LEX_TIME));
			if (wd && wd->tag == LEX_TC_WEEKDAY)
				known = 1;
			if (!known && !(j - i <= 2)) /* "st", "th" may follow a day */
				return 0;
			i = j;
		} else if (s[i] >= '0' && s[i] <= '9') {
			int v = 0;
			size_t j = i;
			while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 5)
				v = v * 10 + (s[j++] - '0');
			if (j - i == 4 && !year)
				year = v;
			else if (v >= 1 && v <= 31 && !day && j - i <= 2)
				day = v;
			else
				return 0;
			i = j;
		} else if (s[i] == ',' || s[i] == ' ' || s[i] == '.') {
			i++;
		} else {
			return 0;
		}
	}
	if (!month || !year || year < 1900 || year > 2100)
		return 0;
	if (pm == 1 && hour >= 1 && hour < 12)
		hour += 12;
	if (pm == -1 && hour == 12)
		hour = 0;
	if (day && hour >= 0)
		snprintf(iso, cap, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
	else if (day)
		snprintf(iso, cap, "%04d-%02d-%02d", year, month, day);
	else
		snprintf(iso, cap, "%04d-%02d", year, month);
	return 1;
}

/* Does running text start at s[o], inside a word: the word's end is
 * followed by a space and a word in lower case ("GazetteRescuers reached")? */
static int glued_body(const char *s, size_t n, size_t o)
{
	while (o < n && s[o] != ' ')
		o++;
	return o + 1 < n && s[o] == ' ' && s[o + 1] >= 'a' && s[o + 1] <= 'z';
}

/* "by Chris Hughes · The MirrorNews of North Korean soldiers ...": a byline
 * at the start of a line, possibly glued to the first paragraph.  Sets the
 * byline and outlet and returns how many bytes of the line they take (the
 * rest is body text), or 0. */
static size_t byline(const char *s, size_t n, char **who, char **outlet)
{
	if (!istarts(s, n, "by "))
		return 0;
	size_t i = 3, name0 = 3;
	int words = 0;
	/* two to four capitalised words */
	while (i < n && words < 4 && s[i] >= 'A' && s[i] <= 'Z') {
		while (i < n && s[i] != ' ' && s[i] != ',')
			i++;
		words++;
		if (i < n && s[i] == ' ' && i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z')
			i++;
		else
			break;
	}
	if (words < 2)
		return 0;
	size_t name1 = i;
	/* a separator, then the outlet's capitalised words */
	size_t k = i;
	while (k < n && s[k] == ' ')
		k++;
	const char *seps[] = {"\xC2\xB7", "|", ",", "-", "\xE2\x80\x93", "\xE2\x80\x94", "for "};
	size_t seplen = 0;
	for (size_t q = 0; q < sizeof seps / sizeof *seps && !seplen; q++)
		if (istarts(s + k, n - k, seps[q]))
			seplen = strlen(seps[q]);
	size_t end = name1;
	if (seplen) {
		size_t o0 = k + seplen;
		while (o0 < n && s[o0] == ' ')
			o0++;
		size_t o = o0, glue = 0;
		int owords = 0;
		while (o < n && owords < 5 && s[o] >= 'A' && s[o] <= 'Z') {
			size_t w0 = o;
			o++;
			while (o < n && s[o] != ' ') {
				/* "MirrorNews of ...": a capital after a lower-case
				 * letter inside a word is where the body was glued
				 * on when running text follows the word (a word in
				 * lower case); "BuzzFeed News" and "YouTube" at the
				 * end of the line are names */
				if (s[o] >= 'A' && s[o] <= 'Z' && s[o - 1] >= 'a' &&
				    s[o - 1] <= 'z' && glued_body(s, n, o)) {
					glue = o;
					break;
				}
				o++;
			}
			owords++;
			(void)w0;
			if (glue || o >= n || s[o] != ' ' || o + 1 >= n ||
			    !(s[o + 1] >= 'A' && s[o + 1] <= 'Z'))
				break;
			o++;
		}
		if (owords) {
			size_t oend = glue ? glue : o;
			*outlet = mem_strndup(s + o0, oend - o0);
			end = oend;
		}
	}
	*who = mem_strndup(s + name0, name1 - name0);
	return end;
}

/* How many earlier documents of the batch had a line (0 when none). */
static unsigned batch_count(clean_batch *b, uint64_t h)
{
	const uint32_t *c = b ? hmap_get(&b->lines, h, 0) : NULL;
	return c ? *c : 0;
}

/* A line of running text: eight words or more, ending a sentence (a
 * closing quote or bracket may follow the stop). */
static int prose_line(const char *s, size_t n)
{
	size_t e = n;
	while (e > 0 && strchr("\"')", s[e - 1]))
		e--;
	if (e == 0 || !strchr(".!?", s[e - 1]))
		return 0;
	size_t words = 1;
	for (size_t i = 0; i < e; i++)
		words += s[i] == ' ';
	return words >= 8;
}

/* The lines of a text, trimmed of spaces (no-break ones too) at both
 * ends, in *out (*nout of them); -1 when memory ran out. */
static int split_lines(const char *text, size_t len, line **out, size_t *nout)
{
	line *lines = NULL;
	size_t nl = 0, cap = 0;
	for (size_t i = 0; i <= len;) {
		const char *nl_at = i < len ? memchr(text + i, '\n', len - i) : NULL;
		size_t e = nl_at ? (size_t)(nl_at - text) : len;
		size_t a = i, b = e, w;
		while (a < b && is_space_at(text, a, b, &w))
			a += w;
		while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
			b--;
		while (b >= a + 2 && (unsigned char)text[b - 2] == 0xC2 &&
		       (unsigned char)text[b - 1] == 0xA0)
			b -= 2;
		if (VEC_GROW(lines, nl, cap, line)) {
			mem_free(lines);
			return -1;
		}
		lines[nl++] = (line){a, b, a, 0, SIZE_MAX};
		if (e >= len)
			break;
		i = e + 1;
	}
	*out = lines;
	*nout = nl;
	return 0;
}

/* The article's date from its lines: a date line among the first four
 * or the last (after a headline and a byline: "Published: ..."), which is
 * dropped; an update's date only when nothing else dates it; else a wire
 * dateline opening the body ("SARAI, Nov 4 (GNA) -"). */
static void date_lines(const char *text, line *lines, size_t nl, size_t first, size_t last,
		       clean_meta *meta)
{
	char iso[48], updated[48] = "";
	for (size_t i = first, seen_lines = 0; i != SIZE_MAX && i < nl; i++) {
		if (lines[i].end == lines[i].start)
			continue;
		int top = seen_lines++ < 4;
		if (!top && i != last)
			continue;
		const char *s = text + lines[i].start;
		size_t n = lines[i].end - lines[i].start;
		int update;
		if (!lines[i].drop && date_line(s, n, iso, sizeof iso, &update)) {
			lines[i].drop = 1;
			if (update && !updated[0])
				memcpy(updated, iso, sizeof updated);
			else if (!update && !meta->published)
				meta->published = mem_strndup(iso, strlen(iso));
		}
	}
	/* an update's date stands in only when nothing else dates the
	 * article */
	if (!meta->published && updated[0])
		meta->published = mem_strndup(updated, strlen(updated));
	/* else a wire dateline opening the body, within the first lines
	 * (after a headline and a byline): "SARAI, Nov 4 (GNA) -" */
	for (size_t i = first, seen_lines = 0;
	     !meta->published && i != SIZE_MAX && i < nl && seen_lines < 4; i++) {
		if (lines[i].end == lines[i].start || lines[i].drop)
			continue;
		seen_lines++;
		if (wire_dateline(text + lines[i].start, lines[i].end - lines[i].start, iso,
				  sizeof iso))
			meta->published = mem_strndup(iso, strlen(iso));
	}
}

/* The headline: the first line left, when short and not a sentence; a
 * line three earlier documents had is the site's, not a headline. */
static void headline_line(const char *text, const line *lines, size_t nl, clean_batch *batch,
			  clean_meta *meta)
{
	for (size_t i = 0; i < nl; i++) {
		size_t n = lines[i].end - lines[i].start;
		if (lines[i].drop || !n)
			continue;
		const char *s = text + lines[i].start;
		if (n <= 120 && batch_count(batch, ascii_hash_lower(s, n)) >= 3)
			continue;
		if (n >= 12 && n <= 160 && s[n - 1] != '.' && s[n - 1] != ':')
			meta->title = mem_strndup(s, n);
		break;
	}
}

/* Marks the lines to drop: furniture (boilerplate, credits, a line
 * doubled or repeated, a caption repeated with its credit), a byline near
 * the top (kept text after it), and short lines three earlier documents of
 * the batch had (pending: drop 2).  The short distinct lines go to seen
 * (*nseen), for the batch.  Returns the lines dropped, or -1 when memory
 * ran out. */
static long mark_lines(const char *text, line *lines, size_t nl, size_t first, clean_batch *batch,
		       clean_meta *meta, uint64_t *seen, size_t *nseen)
{
	long dropped = 0;
	hmap set = {0}; /* lines of this document */
	for (size_t i = 0; i < nl; i++) {
		line *l = &lines[i];
		const char *s = text + l->start;
		size_t n = l->end - l->start;
		if (l->drop || !n)
			continue;
		uint64_t h = ascii_hash_lower(s, n);
		int drop = 0;
		if (boilerplate(s, n) || credit_line(s, n) || stray_hash(s, n) || doubled(s, n))
			drop = 1;
		/* a line repeated in this document */
		if (!drop)
			drop = hmap_get(&set, h, 0) != NULL;
		/* a caption repeated with a credit after it: an earlier line
		 * (or half of a doubled one) followed by a few more words */
		if (!drop && n < 600)
			for (size_t q = i > 12 ? i - 12 : 0; q < i && !drop; q++)
				drop = caption_credit(text + lines[q].start,
						      lines[q].end - lines[q].start,
						      &lines[q].letters, s, n);
		/* a short line seen in three earlier documents of the batch:
		 * pending until the whole document is seen */
		if (!drop && n <= 120 && batch_count(batch, h) >= 3)
			drop = 2;
		if (!hmap_get(&set, h, 0)) {
			if (!hmap_get(&set, h, 1)) {
				hmap_release(&set);
				return -1;
			}
			if (n <= 120)
				seen[(*nseen)++] = h; /* short distinct lines, for the batch */
		}
		if (drop) {
			l->drop = drop;
			dropped += drop == 1;
			continue;
		}
		/* a byline near the top */
		if (i <= first + 3 && !meta->byline) {
			size_t used = byline(s, n, &meta->byline, &meta->outlet);
			if (used) {
				size_t r = used;
				while (r < n && s[r] == ' ')
					r++;
				if (r >= n) {
					l->drop = 1;
					dropped++;
				} else {
					l->from = l->start + r;
				}
			}
		}
	}
	hmap_release(&set);
	return dropped;
}

/* Lines of the batch are furniture only while they are a small part of a
 * document: when its sentences among them (lines of eight words or more
 * that end a sentence) outweigh the rest, the document repeats earlier
 * ones (wire copy republished) and those sentences are kept.  Other lines
 * of the batch ("Sign up", a footer's links) go in any case.  Settles the
 * pending lines, adds those dropped to *dropped, and says whether the
 * document is such a copy. */
static int settle_batch_lines(const char *text, line *lines, size_t nl, long *dropped)
{
	size_t kept = 0, pending = 0;
	for (size_t i = 0; i < nl; i++) {
		size_t n = lines[i].end > lines[i].from ? lines[i].end - lines[i].from : 0;
		if (lines[i].drop == 0) {
			kept += n;
		} else if (lines[i].drop == 2 && prose_line(text + lines[i].from, n)) {
			lines[i].drop = 3; /* a sentence of the batch */
			pending += n;
		}
	}
	int copy = pending > kept;
	for (size_t i = 0; i < nl; i++)
		if (lines[i].drop >= 2) {
			int keep = copy && lines[i].drop == 3;
			lines[i].drop = !keep;
			*dropped += !keep;
		}
	return copy;
}

/* Writes the kept lines, with one blank line at most between them. */
static void write_lines(const char *text, const line *lines, size_t nl, buf *out)
{
	int pending_blank = 0, any = 0;
	for (size_t i = 0; i < nl; i++) {
		const line *l = &lines[i];
		size_t a = l->from;
		if (l->drop) {
			continue;
		}
		if (l->end <= a) {
			pending_blank = any;
			continue;
		}
		if (any)
			buf_puts(out, pending_blank ? "\n\n" : "\n");
		buf_append(out, text + a, l->end - a);
		pending_blank = 0;
		any = 1;
	}
	if (any)
		buf_putc(out, '\n');
}

long clean_text(const char *text, size_t len, clean_batch *batch, buf *out, clean_meta *meta)
{
	memset(meta, 0, sizeof *meta);
	if (lex_init())
		return -1;
	pthread_once(&lists_once, pick_lists);
	line *lines;
	size_t nl;
	if (split_lines(text, len, &lines, &nl))
		return -1;
	size_t first = SIZE_MAX, last = SIZE_MAX;
	for (size_t i = 0; i < nl; i++)
		if (lines[i].end > lines[i].start) {
			if (first == SIZE_MAX)
				first = i;
			last = i;
		}
	date_lines(text, lines, nl, first, last, meta);
	headline_line(text, lines, nl, batch, meta);
	uint64_t *seen = mem_alloc((nl ? nl : 1) * sizeof *seen);
	size_t nseen = 0;
	long dropped = seen ? mark_lines(text, lines, nl, first, batch, meta, seen, &nseen) : -1;
	if (dropped < 0) {
		mem_free(seen);
		mem_free(lines);
		return -1;
	}
	int copy = settle_batch_lines(text, lines, nl, &dropped);
	/* count this document's short lines for the next ones */
	if (batch && !copy) {
		for (size_t q = 0; q < nseen; q++) {
			uint32_t *c = hmap_get(&batch->lines, seen[q], 1);
			if (c)
				++*c; /* out of memory: the batch signal is only lost */
		}
		batch->docs++;
	}
	write_lines(text, lines, nl, out);
	mem_free(seen);
	mem_free(lines);
	return dropped;
}

void clean_meta_release(clean_meta *m)
{
	mem_free(m->title);
	mem_free(m->byline);
	mem_free(m->outlet);
	mem_free(m->published);
	memset(m, 0, sizeof *m);
}

void clean_batch_release(clean_batch *b)
{
	hmap_release(&b->lines);
	b->docs = 0;
}
