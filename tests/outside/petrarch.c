/*
 * petrarch: corro's events against PETRARCH-2's validation records
 * (UniversalPetrarch's PETR2_GSR_validation.xml, read in place), scored as
 * PETRARCH's validation.py scores them but at the level corro codes: the
 * PLOVER event type and the source's country.
 *
 * Usage: petrarch [-v|--verbose] [--no-dict] [--dict DIR]
 *                 [--min-correct PCT] [--max-extra PCT] [--selftest] [FILE]
 *   FILE           the records (default ../shared/testdata/event-data/
 *                  universalpetrarch/PETR2_GSR_validation.xml)
 *   --dict DIR     where the dictionaries the records name are looked for
 *                  (default FILE's folder/../petrarch2)
 *   --no-dict      the built-in lexicon alone, no dictionaries
 *   --min-correct  fail (exit 1) when fewer than PCT percent of the in-scope
 *                  codings are found
 *   --max-extra    fail (exit 1) when the extra events are more than PCT
 *                  percent of all codings
 *   --verbose      every sentence: its codings and corro's events
 *   --selftest     check the scorer and the record scanner on made-up
 *                  input, then exit (needs no data)
 * Exit status: 0 unless a floor is missed (1), an argument or a file is bad
 * or memory runs out (2), or the records or the dictionary folder are missing
 * (77: CTest "skip").
 *
 * The records.  Each <Sentence category= date= id= evaluate=> is followed
 * by <EventCoding eventcode= sourcecode= targetcode=/> lines (or one with
 * noevents="True"), a <Text> and a <Parse> (corro reads the text, so the
 * parse is only read when the text is empty).  The file is not well-formed
 * XML (comment lines that start with '#', <Sentence .../> tags closed again
 * later, comments around parses), so a small scanner reads it the way
 * validation.py does, tag by tag: it works on (pointer, length), never
 * reads past the end, and takes what it can from a truncated tag or an
 * unterminated value.  Records with evaluate="false", with a category the
 * <Include> list leaves out, without a coding line or without text are
 * skipped (and counted); a garbled evaluate ("tr") does not skip one.  The <Environment> block names the
 * dictionaries; those found in DIR are loaded (Verbfile with
 * corro_cameo_load_verbs, Actorfile and Agentfile with
 * corro_cameo_load_actors), the others are listed as not found.
 *
 * Each sentence is one document: id the record's id, text the <Text> with
 * white space collapsed (when it is empty, as in abc12_3, the words of the
 * <Parse> joined as its SpaceAfter fields say), published (and reference
 * date) the date attribute YYYYMMDD as YYYY-MM-DD when it is a real date,
 * none otherwise.
 *
 * Scoring.  A coding is (PLOVER type of its event code by
 * corro_cameo_plover(), source country = first three characters of
 * sourcecode); "---", a code shorter than three characters and PETRARCH's
 * isolated agents ("~AGR") mean "no country".  An event is (action, first
 * three characters of actor_code, "no country" when it is NULL).  In each
 * sentence every coding is matched to at most one event of the same type
 * and country and every event to at most one coding; codings that agree on
 * the target country too are matched first.  Then
 *  - correct: codings matched;
 *  - missed: in-scope codings not matched;
 *  - extra: events not matched, every event of a noevents sentence among
 *    them;
 *  - out of scope: codings whose code has no PLOVER type (CAMEO 01x, public
 *    statements).  They can never be matched, so the rate is given over
 *    all codings and over the in-scope ones, and --min-correct uses the
 *    latter.
 * Differences from validation.py: it matches the full event, source and
 * target codes; it counts a noevents sentence as one coding, correct when
 * nothing is coded (here such a sentence has no coding: it is "quiet" or
 * its events are extra, and quiet ones are counted on their own line); it
 * gives extras per record (here per coding).  Negated and hypothetical
 * events count as produced: PETRARCH codes "would not provide support" as
 * REJECT (NEG_0) and threats as THREATEN, so corro's flags are shown in
 * --verbose but do not hide an event.  PETRARCH codes a denied act of
 * cooperation as its refusal (CAMEO 12x): a negated AGREE, SUPPORT,
 * COOPERATE, AID, CONSULT, CONCEDE or RETREAT event of corro is scored as
 * REJECT (corro itself keeps the type and the negated flag).
 */
#include "corro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int verbose;

/* The type an event is scored as: PETRARCH's "would not provide support"
 * is a refusal (REJECT), corro's a negated SUPPORT. */
static const char *scored_action(const corro_event *e)
{
	static const char *const coop[] = {"AGREE", "SUPPORT", "COOPERATE", "AID",
					   "CONSULT", "CONCEDE", "RETREAT"};
	if (!e->action || !e->negated)
		return e->action;
	for (size_t i = 0; i < sizeof coop / sizeof *coop; i++)
		if (strcmp(e->action, coop[i]) == 0)
			return "REJECT";
	return e->action;
}

/* ---- memory (a test runner may stop on exhaustion) ------------------- */

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q) {
		fprintf(stderr, "petrarch: out of memory\n");
		exit(2);
	}
	return q;
}

static char *xstrndup(const char *s, size_t n)
{
	char *d = xrealloc(NULL, n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* ---- text helpers ---------------------------------------------------- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* Case-insensitive: does s[0..n) equal the NUL-terminated w? */
static int ieq(const char *s, size_t n, const char *w)
{
	size_t k = 0;
	for (; k < n && w[k]; k++)
		if (lower((unsigned char)s[k]) != lower((unsigned char)w[k]))
			return 0;
	return k == n && w[k] == '\0';
}

/* Case-insensitive: does b[i..n) start with w? */
static int at(const char *b, size_t n, size_t i, const char *w)
{
	size_t m = strlen(w);
	return i <= n && n - i >= m && ieq(b + i, m, w);
}

/* The first w in b[from..n), or n. */
static size_t find(const char *b, size_t n, size_t from, const char *w)
{
	for (size_t i = from; i < n; i++)
		if (at(b, n, i, w))
			return i;
	return n;
}

static void put_utf8(char *d, size_t *o, unsigned long cp)
{
	if (cp < 0x80) {
		d[(*o)++] = (char)cp;
	} else if (cp < 0x800) {
		d[(*o)++] = (char)(0xC0 | (cp >> 6));
		d[(*o)++] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		d[(*o)++] = (char)(0xE0 | (cp >> 12));
		d[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[(*o)++] = (char)(0x80 | (cp & 0x3F));
	} else {
		d[(*o)++] = (char)(0xF0 | (cp >> 18));
		d[(*o)++] = (char)(0x80 | ((cp >> 12) & 0x3F));
		d[(*o)++] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[(*o)++] = (char)(0x80 | (cp & 0x3F));
	}
}

/* Length of the character reference at s[0..n) ("&amp;", "&#233;") and
 * its code point, or 0 when it is none (then '&' stands for itself). */
static size_t entity(const char *s, size_t n, unsigned long *cp)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
		     {"&quot;", '"'}, {"&apos;", '\''}};
	for (size_t k = 0; k < sizeof named / sizeof *named; k++)
		if (at(s, n, 0, named[k].name)) {
			*cp = (unsigned char)named[k].c;
			return strlen(named[k].name);
		}
	if (n < 4 || s[1] != '#')
		return 0;
	int hex = s[2] == 'x' || s[2] == 'X';
	size_t i = hex ? 3 : 2, start = i;
	unsigned long v = 0;
	for (; i < n && i < start + 8; i++) {
		int c = lower((unsigned char)s[i]), d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (hex && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			break;
		v = v * (hex ? 16 : 10) + (unsigned long)d;
	}
	if (i == start || i >= n || s[i] != ';' || v == 0 || v > 0x10FFFF ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return i + 1;
}

/* s[0..n) with character references decoded and, when join is set, every
 * run of white space made one space and the ends trimmed.  A decoded
 * character is never longer than its reference, so n + 1 bytes do. */
static char *decode(const char *s, size_t n, int join, size_t *len)
{
	char *d = xrealloc(NULL, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t k;
		if (join && is_space(s[i])) {
			while (i < n && is_space(s[i]))
				i++;
			if (o && i < n)
				d[o++] = ' ';
		} else if (s[i] == '&' && (k = entity(s + i, n - i, &cp)) > 0) {
			put_utf8(d, &o, cp);
			i += k;
		} else {
			d[o++] = s[i++];
		}
	}
	d[o] = '\0';
	if (len)
		*len = o;
	return d;
}

/* ---- the records ----------------------------------------------------- */

#define CODE_MAX 32

typedef struct coding {
	char code[CODE_MAX], src[CODE_MAX], tgt[CODE_MAX];
} coding;

typedef struct record {
	char *id, *category, *date, *evaluate; /* NULL when absent */
	size_t line;                           /* of the <Sentence> tag */
	int noevents;
	int coded; /* an <EventCoding> line was seen */
	coding *codings;
	size_t ncodings;
	char *text; /* white space collapsed; NULL without <Text> */
	size_t textlen;
	int from_parse; /* text made of the parse's words (empty <Text>) */
} record;

typedef struct dict_file {
	char *name;
	int verbs; /* Verbfile, else Actorfile or Agentfile */
} dict_file;

typedef struct records {
	record *v;
	size_t n;
	dict_file *dicts;
	size_t ndicts;
	int have_include; /* an <Include> list was read */
	char **include;
	size_t ninclude;
} records;

static void records_free(records *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		record *r = &rs->v[i];
		free(r->id);
		free(r->category);
		free(r->date);
		free(r->evaluate);
		free(r->codings);
		free(r->text);
	}
	free(rs->v);
	for (size_t i = 0; i < rs->ndicts; i++)
		free(rs->dicts[i].name);
	free(rs->dicts);
	for (size_t i = 0; i < rs->ninclude; i++)
		free(rs->include[i]);
	free(rs->include);
	memset(rs, 0, sizeof *rs);
}

/* The value of attribute name in the tag body t[0..n), decoded, or NULL.
 * Lenient: a value without quotes runs to white space, one with an
 * unterminated quote to the end of the tag, and stray characters are
 * stepped over; a '/' closing a self-closed tag is not part of a value. */
static char *attr(const char *t, size_t n, const char *name)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && (is_space(t[i]) || t[i] == '/'))
			i++;
		size_t ns = i;
		while (i < n && !is_space(t[i]) && t[i] != '=' && t[i] != '/' &&
		       t[i] != '"' && t[i] != '\'')
			i++;
		size_t ne = i;
		if (ns == ne) {
			if (i < n)
				i++; /* a stray quote or '=' */
			continue;
		}
		while (i < n && is_space(t[i]))
			i++;
		size_t vs = i, ve = i;
		int has_value = i < n && t[i] == '=';
		if (has_value) {
			i++;
			while (i < n && is_space(t[i]))
				i++;
			if (i < n && (t[i] == '"' || t[i] == '\'')) {
				char q = t[i++];
				vs = i;
				while (i < n && t[i] != q)
					i++;
				ve = i;
				if (i < n)
					i++;
				else
					while (ve > vs && (t[ve - 1] == '/' ||
							   is_space(t[ve - 1])))
						ve--;
			} else {
				vs = i;
				while (i < n && !is_space(t[i]))
					i++;
				ve = i;
				while (ve > vs && t[ve - 1] == '/')
					ve--;
			}
		}
		if (ieq(t + ns, ne - ns, name))
			return decode(t + vs, ve - vs, 0, NULL);
	}
	return NULL;
}

static void copy_code(char *dst, const char *src, const char *dflt)
{
	snprintf(dst, CODE_MAX, "%s", src && *src ? src : dflt);
}

/* Splits a <Verbfile>, <Actorfile> or <Agentfile> list on commas.  Names
 * with a '/' are left out: the dictionaries live in one folder. */
static void add_dicts(records *rs, const char *b, size_t n, int verbs)
{
	size_t i = 0;
	while (i <= n) {
		size_t s = i;
		while (i < n && b[i] != ',')
			i++;
		size_t e = i;
		while (s < e && is_space(b[s]))
			s++;
		while (e > s && is_space(b[e - 1]))
			e--;
		if (e > s && !memchr(b + s, '/', e - s)) {
			rs->dicts = xrealloc(rs->dicts,
					     (rs->ndicts + 1) * sizeof *rs->dicts);
			rs->dicts[rs->ndicts].name = decode(b + s, e - s, 0, NULL);
			rs->dicts[rs->ndicts++].verbs = verbs;
		}
		i++;
	}
}

static void add_include(records *rs, const char *b, size_t n)
{
	rs->have_include = 1;
	for (size_t i = 0; i < n;) {
		while (i < n && is_space(b[i]))
			i++;
		size_t s = i;
		while (i < n && !is_space(b[i]))
			i++;
		if (i > s) {
			rs->include = xrealloc(rs->include, (rs->ninclude + 1) *
								sizeof *rs->include);
			rs->include[rs->ninclude++] = xstrndup(b + s, i - s);
		}
	}
}

/* Where a block of character data that starts at i ends: at its closing
 * tag close ("</Text"), or at a tag that starts a record or a coding when
 * the closing tag is missing. */
static size_t block_end(const char *b, size_t n, size_t i, const char *close)
{
	for (; i < n; i++)
		if (b[i] == '<' &&
		    (at(b, n, i, close) || at(b, n, i, "<Sentence") ||
		     at(b, n, i, "</Sentence") || at(b, n, i, "<EventCoding") ||
		     (strcmp(close, "</Text") == 0 && at(b, n, i, "<Parse"))))
			break;
	return i;
}

/* The words of a CoNLL-U parse p[0..n) (the form of every line whose
 * first field is a number), with a space after each but where the last
 * field says SpaceAfter=No: the text of a record whose <Text> is empty. */
static char *parse_words(const char *p, size_t n, size_t *len)
{
	char *d = xrealloc(NULL, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && p[e] != '\n')
			e++;
		size_t f[10], nf = 0, k = i; /* field starts */
		f[nf++] = k;
		for (; k < e && nf < 10; k++)
			if (p[k] == '\t')
				f[nf++] = k + 1;
		int numbered = f[0] < e && p[f[0]] >= '0' && p[f[0]] <= '9';
		for (k = f[0]; numbered && k < e && p[k] != '\t'; k++)
			numbered = p[k] >= '0' && p[k] <= '9';
		if (numbered && nf >= 2) {
			size_t we = f[1];
			while (we < e && p[we] != '\t' && p[we] != '\r')
				we++;
			memcpy(d + o, p + f[1], we - f[1]);
			o += we - f[1];
			if (!(nf == 10 && find(p, e, f[9], "SpaceAfter=No") < e))
				d[o++] = ' ';
		}
		i = e + 1;
	}
	while (o && d[o - 1] == ' ')
		o--;
	d[o] = '\0';
	*len = o;
	return d;
}

/* Reads the records in b[0..n) into rs (which starts zeroed). */
static void scan_records(const char *b, size_t n, records *rs)
{
	record *cur = NULL;
	size_t line = 1, counted = 0; /* line: the line of byte counted */
	size_t i = 0;
	while (i < n) {
		if ((i == 0 || b[i - 1] == '\n') && b[i] == '#') {
			while (i < n && b[i] != '\n')
				i++;
			continue;
		}
		if (b[i] != '<') {
			i++;
			continue;
		}
		if (at(b, n, i, "<!--")) {
			size_t e = find(b, n, i + 4, "-->");
			i = e < n ? e + 3 : n;
			continue;
		}
		/* A tag ends at '>' or, when that is missing, before the next
		 * '<'. */
		size_t e = i + 1;
		while (e < n && b[e] != '>' && b[e] != '<')
			e++;
		size_t after = e < n && b[e] == '>' ? e + 1 : e;
		size_t ns = i + 1;
		int closing = ns < n && b[ns] == '/';
		if (closing)
			ns++;
		size_t ne = ns;
		while (ne < e && !is_space(b[ne]) && b[ne] != '/')
			ne++;
		const char *body = b + ne;
		size_t blen = e - ne;
		while (counted < i)
			line += b[counted++] == '\n';

		if (closing) {
			if (ieq(b + ns, ne - ns, "Sentence") ||
			    ieq(b + ns, ne - ns, "Sentences"))
				cur = NULL;
		} else if (ieq(b + ns, ne - ns, "Stop")) {
			break;
		} else if (ieq(b + ns, ne - ns, "Sentence")) {
			rs->v = xrealloc(rs->v, (rs->n + 1) * sizeof *rs->v);
			cur = &rs->v[rs->n++];
			memset(cur, 0, sizeof *cur);
			cur->line = line;
			cur->id = attr(body, blen, "id");
			cur->category = attr(body, blen, "category");
			cur->date = attr(body, blen, "date");
			cur->evaluate = attr(body, blen, "evaluate");
		} else if (ieq(b + ns, ne - ns, "EventCoding") && cur) {
			cur->coded = 1;
			char *none = attr(body, blen, "noevents");
			if (none && ieq(none, strlen(none), "true")) {
				cur->noevents = 1;
			} else {
				char *code = attr(body, blen, "eventcode");
				char *src = attr(body, blen, "sourcecode");
				char *tgt = attr(body, blen, "targetcode");
				cur->codings = xrealloc(cur->codings,
							(cur->ncodings + 1) *
								sizeof *cur->codings);
				coding *c = &cur->codings[cur->ncodings++];
				copy_code(c->code, code, "");
				copy_code(c->src, src, "---");
				copy_code(c->tgt, tgt, "---");
				free(code);
				free(src);
				free(tgt);
			}
			free(none);
		} else if (ieq(b + ns, ne - ns, "Text")) {
			size_t te = block_end(b, n, after, "</Text");
			if (cur) {
				free(cur->text);
				cur->text = decode(b + after, te - after, 1,
						   &cur->textlen);
			}
			after = te;
		} else if (ieq(b + ns, ne - ns, "Parse")) {
			size_t te = block_end(b, n, after, "</Parse");
			if (cur && !cur->textlen) {
				free(cur->text);
				cur->text = parse_words(b + after, te - after,
							&cur->textlen);
				cur->from_parse = 1;
			}
			after = te;
		} else if (ieq(b + ns, ne - ns, "Verbfile") ||
			   ieq(b + ns, ne - ns, "Actorfile") ||
			   ieq(b + ns, ne - ns, "Agentfile")) {
			size_t te = after;
			while (te < n && b[te] != '<')
				te++;
			add_dicts(rs, b + after, te - after,
				  ieq(b + ns, ne - ns, "Verbfile"));
			after = te;
		} else if (ieq(b + ns, ne - ns, "Include")) {
			size_t te = after;
			while (te < n && b[te] != '<')
				te++;
			add_include(rs, b + after, te - after);
			after = te;
		}
		i = after > i ? after : i + 1;
	}
}

/* Why a record is not run, or NULL. */
static const char *skip_reason(const records *rs, const record *r)
{
	if (r->evaluate && ieq(r->evaluate, strlen(r->evaluate), "false"))
		return "evaluate=\"false\"";
	if (rs->have_include) {
		size_t k = 0;
		while (k < rs->ninclude &&
		       !(r->category && strcmp(rs->include[k], r->category) == 0))
			k++;
		if (k == rs->ninclude)
			return "category not in <Include>";
	}
	if (!r->coded)
		return "no <EventCoding>";
	if (!r->text || !r->textlen)
		return "no text";
	return NULL;
}

/* "YYYYMMDD" -> "YYYY-MM-DD" when it is a real date; 0 otherwise. */
static int iso_date(const char *d, char out[11])
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (!d || strlen(d) != 8)
		return 0;
	for (int k = 0; k < 8; k++)
		if (d[k] < '0' || d[k] > '9')
			return 0;
	int y = ((d[0] - '0') * 10 + d[1] - '0') * 100 + (d[2] - '0') * 10 + d[3] - '0';
	int m = (d[4] - '0') * 10 + d[5] - '0';
	int dd = (d[6] - '0') * 10 + d[7] - '0';
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1000 || m < 1 || m > 12 || dd < 1 || dd > days[m - 1] ||
	    (m == 2 && dd == 29 && !leap))
		return 0;
	memcpy(out, d, 4);
	out[4] = '-';
	memcpy(out + 5, d + 4, 2);
	out[7] = '-';
	memcpy(out + 8, d + 6, 2);
	out[10] = '\0';
	return 1;
}

/* ---- scoring --------------------------------------------------------- */

/* The country of a CAMEO actor code: its first three characters, "" for
 * none ("---", PETRARCH's "~" agents, codes shorter than three). */
static void country(const char *code, char out[4])
{
	out[0] = '\0';
	if (!code || code[0] == '~')
		return;
	size_t k = 0;
	for (; k < 3 && code[k]; k++)
		out[k] = (char)(code[k] >= 'a' && code[k] <= 'z' ? code[k] - 32 : code[k]);
	out[k] = '\0';
	if (k < 3 || strcmp(out, "---") == 0)
		out[0] = '\0';
}

typedef struct want {
	const char *plover; /* NULL: the code has no PLOVER type */
	char src[4], tgt[4];
	long got; /* index of the matched event, -1 */
} want;

typedef struct got {
	const char *action;
	char src[4], tgt[4];
	long want; /* index of the matched coding, -1 */
} got;

typedef struct tally {
	size_t sentences, skipped, noevent_sentences, quiet;
	size_t codings, out_of_scope, correct, missed, extra, target_agree;
	size_t produced, negated, hypothetical;
} tally;

/* Matches one sentence's codings w and events g and adds the counts to t
 * (sentences and the noevents counts are the caller's). */
static void score(want *w, size_t nw, got *g, size_t ng, tally *t)
{
	for (size_t i = 0; i < nw; i++)
		w[i].got = -1;
	for (size_t j = 0; j < ng; j++)
		g[j].want = -1;
	/* Type and source are an equivalence, so any greedy matching finds
	 * the most pairs; matching the ones whose target agrees as well first
	 * finds the most of those among them. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nw; i++) {
			if (!w[i].plover || w[i].got >= 0)
				continue;
			for (size_t j = 0; j < ng; j++)
				if (g[j].want < 0 && g[j].action &&
				    strcmp(g[j].action, w[i].plover) == 0 &&
				    strcmp(g[j].src, w[i].src) == 0 &&
				    (pass || strcmp(g[j].tgt, w[i].tgt) == 0)) {
					w[i].got = (long)j;
					g[j].want = (long)i;
					break;
				}
		}
	t->codings += nw;
	t->produced += ng;
	for (size_t i = 0; i < nw; i++) {
		if (!w[i].plover)
			t->out_of_scope++;
		else if (w[i].got < 0)
			t->missed++;
		else {
			t->correct++;
			t->target_agree += strcmp(g[w[i].got].tgt, w[i].tgt) == 0;
		}
	}
	for (size_t j = 0; j < ng; j++)
		t->extra += g[j].want < 0;
}

static double pct(size_t a, size_t b)
{
	return b ? 100.0 * (double)a / (double)b : 0.0;
}

/* ---- running the records --------------------------------------------- */

typedef struct diag_count {
	size_t n;
	const char *what; /* printed with each message under --verbose */
} diag_count;

static void on_diag(void *ud, const corro_diag *d)
{
	diag_count *dc = ud;
	if (verbose && dc->n < 5)
		printf("    %s: %s, byte %lld: %s\n", dc->what, d->doc,
		       d->offset, d->message);
	else if (verbose && dc->n == 5)
		printf("    %s: ... (more)\n", dc->what);
	dc->n++;
}

static const char *cc(const char *c) { return c[0] ? c : "---"; }

static void print_event(const corro_event *e, const got *g, const want *w)
{
	printf("    got      %-9s \"%s\" %s/%s -> %s/%s", e->action ? e->action : "?",
	       e->verb ? e->verb : "", e->actor ? e->actor : "-",
	       e->actor_code ? e->actor_code : "-", e->target ? e->target : "-",
	       e->target_code ? e->target_code : "-");
	if (e->cameo)
		printf(" cameo %s", e->cameo);
	if (e->negated)
		printf(" [negated]");
	if (e->hypothetical)
		printf(" [hypothetical]");
	if (g->want >= 0)
		printf(": correct%s\n", strcmp(g->tgt, w[g->want].tgt) == 0
						? ", target agrees"
						: ", target differs");
	else
		printf(": extra\n");
}

/* Runs one record; returns 0, or -1 when the library fails. */
static int run_record(const record *r, const corro_cameo *cameo, tally *t)
{
	char date[11];
	int dated = iso_date(r->date, date);
	corro_meta meta = {0};
	char line_id[32];
	snprintf(line_id, sizeof line_id, "line %zu", r->line);
	meta.id = r->id && *r->id ? r->id : line_id;
	meta.published = dated ? date : NULL;
	if (verbose) {
		printf("%s (%s, line %zu, ", meta.id,
		       r->category ? r->category : "no category", r->line);
		if (dated)
			printf("%s)\n", date);
		else
			printf("date \"%s\" is no date: no reference date)\n",
			       r->date ? r->date : "");
		printf("    text     %s%s\n", r->text,
		       r->from_parse ? " (the parse's words: <Text> is empty)" : "");
	}
	diag_count dd = {0, "document"};
	corro_doc *doc = NULL;
	corro_result *res = NULL;
	corro_status st = corro_doc_new(&doc, &meta, r->text, r->textlen, on_diag, &dd);
	if (st == CORRO_OK) {
		corro_options opt = {0};
		opt.reference_date = meta.published;
		opt.cameo = cameo;
		st = corro_extract_opts(doc, &opt, &res);
	}
	if (st != CORRO_OK) {
		fprintf(stderr, "petrarch: %s: %s\n", meta.id, corro_strerror(st));
		corro_doc_free(doc);
		return -1;
	}
	size_t nw = r->ncodings, ng = corro_result_event_count(res);
	want *w = xrealloc(NULL, (nw ? nw : 1) * sizeof *w);
	got *g = xrealloc(NULL, (ng ? ng : 1) * sizeof *g);
	for (size_t i = 0; i < nw; i++) {
		w[i].plover = corro_cameo_plover(r->codings[i].code);
		country(r->codings[i].src, w[i].src);
		country(r->codings[i].tgt, w[i].tgt);
	}
	for (size_t j = 0; j < ng; j++) {
		const corro_event *e = corro_result_event(res, j);
		g[j].action = scored_action(e);
		country(e->actor_code, g[j].src);
		country(e->target_code, g[j].tgt);
		t->negated += e->negated != 0;
		t->hypothetical += e->hypothetical != 0;
	}
	tally before = *t;
	score(w, nw, g, ng, t);
	t->sentences++;
	if (r->noevents && !nw) {
		t->noevent_sentences++;
		t->quiet += ng == 0;
	}
	if (verbose) {
		if (r->noevents && !nw)
			printf("    expected no events\n");
		for (size_t i = 0; i < nw; i++) {
			const coding *c = &r->codings[i];
			printf("    expected %-9s %s %s -> %s (%s -> %s): %s\n",
			       w[i].plover ? w[i].plover : "-", c->code, c->src,
			       c->tgt, cc(w[i].src), cc(w[i].tgt),
			       !w[i].plover ? "out of scope (no PLOVER type)"
			       : w[i].got >= 0 ? "correct"
					       : "missed");
		}
		for (size_t j = 0; j < ng; j++)
			print_event(corro_result_event(res, j), &g[j], w);
		if (!ng)
			printf("    got      no events\n");
		printf("    correct %zu, missed %zu, extra %zu, out of scope %zu\n\n",
		       t->correct - before.correct, t->missed - before.missed,
		       t->extra - before.extra, t->out_of_scope - before.out_of_scope);
	}
	free(w);
	free(g);
	corro_result_free(res);
	corro_doc_free(doc);
	return 0;
}

static int exists(const char *path, int dir)
{
	struct stat st;
	return stat(path, &st) == 0 && (dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode));
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, r;
	char *b = xrealloc(NULL, cap);
	while ((r = fread(b + n, 1, cap - n, f)) > 0)
		if ((n += r) == cap)
			b = xrealloc(b, cap *= 2);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(b);
		return NULL;
	}
	*len = n;
	return b;
}

/* The dictionaries the records name, loaded from dir.  Returns 0, 77 when
 * dir holds none of them, 2 on a library error. */
static int load_dicts(const records *rs, const char *dir, corro_cameo **out)
{
	static const dict_file defaults[] = {
		{"CAMEO.2.0.txt", 1},
		{"Phoenix.Countries.actors.txt", 0},
		{"Phoenix.International.actors.txt", 0},
		{"Phoenix.agents.txt", 0},
	};
	const dict_file *list = rs->ndicts ? rs->dicts : defaults;
	size_t n = rs->ndicts ? rs->ndicts : sizeof defaults / sizeof *defaults;
	corro_cameo *c = NULL;
	if (corro_cameo_new(&c) != CORRO_OK)
		return 2;
	size_t loaded = 0;
	printf("dictionaries (%s):\n", dir);
	for (size_t k = 0; k < n; k++) {
		size_t plen = strlen(dir) + strlen(list[k].name) + 2;
		char *path = xrealloc(NULL, plen);
		snprintf(path, plen, "%s/%s", dir, list[k].name);
		if (!exists(path, 0)) {
			printf("  %s: not found, left out\n", list[k].name);
			free(path);
			continue;
		}
		diag_count dc = {0, list[k].name};
		corro_status st = list[k].verbs
					  ? corro_cameo_load_verbs(c, path, on_diag, &dc)
					  : corro_cameo_load_actors(c, path, on_diag, &dc);
		free(path);
		if (st != CORRO_OK) {
			fprintf(stderr, "petrarch: %s: %s\n", list[k].name,
				corro_strerror(st));
			corro_cameo_free(c);
			return 2;
		}
		printf("  %s (%s): %zu line%s skipped\n", list[k].name,
		       list[k].verbs ? "verbs" : "actors", dc.n, dc.n == 1 ? "" : "s");
		loaded++;
	}
	if (!loaded) {
		fprintf(stderr, "petrarch: %s holds none of the dictionaries; skipped\n",
			dir);
		corro_cameo_free(c);
		return 77;
	}
	*out = c;
	return 0;
}

/* ---- self test ------------------------------------------------------- */

static int failures;

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (!(cond)) {                                               \
			printf("selftest: %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			failures++;                                          \
		}                                                            \
	} while (0)

static want mk_want(const char *plover, const char *src, const char *tgt)
{
	want w;
	w.plover = plover;
	country(src, w.src);
	country(tgt, w.tgt);
	w.got = -1;
	return w;
}

static got mk_got(const char *action, const char *src, const char *tgt)
{
	got g;
	g.action = action;
	country(src, g.src);
	country(tgt, g.tgt);
	g.want = -1;
	return g;
}

static void selftest_score(void)
{
	tally t;
	/* Each event is used once: two alike events for one coding. */
	memset(&t, 0, sizeof t);
	want w1[] = {mk_want("CONSULT", "USA", "CHN")};
	got g1[] = {mk_got("CONSULT", "USAGOV", "CHN"), mk_got("CONSULT", "USA", NULL)};
	score(w1, 1, g1, 2, &t);
	CHECK(t.correct == 1 && t.missed == 0 && t.extra == 1 && t.codings == 1);
	CHECK(t.target_agree == 1 && g1[0].want == 0 && g1[1].want == -1);

	/* And each coding once: two codings, one event, the one whose target
	 * agrees taken. */
	memset(&t, 0, sizeof t);
	want w2[] = {mk_want("COOPERATE", "USA", "RUS"), mk_want("COOPERATE", "USA", "CHE")};
	got g2[] = {mk_got("COOPERATE", "USA", "CHE")};
	score(w2, 2, g2, 1, &t);
	CHECK(t.correct == 1 && t.missed == 1 && t.extra == 0);
	CHECK(t.target_agree == 1 && w2[1].got == 0 && w2[0].got == -1);

	/* "---": no country on either side matches only no country. */
	memset(&t, 0, sizeof t);
	want w3[] = {mk_want("ASSAULT", "---REB", "SYR"), mk_want("ASSAULT", "---", "---")};
	got g3[] = {mk_got("ASSAULT", NULL, "SYR"), mk_got("ASSAULT", "SYR", NULL)};
	score(w3, 2, g3, 2, &t);
	CHECK(t.correct == 1 && t.missed == 1 && t.extra == 1);
	CHECK(w3[0].got == 0 && g3[1].want == -1);

	/* "~AGR" (an isolated agent) and a short code have no country; an
	 * IGO code's country is "IGO". */
	memset(&t, 0, sizeof t);
	want w4[] = {mk_want("AID", "~AGR", "IGOUNOMIL"), mk_want("AID", "IGOUNOMIL", "--")};
	got g4[] = {mk_got("AID", "IGOUNO", NULL), mk_got("AID", "-", "IGOWFP")};
	score(w4, 2, g4, 2, &t);
	CHECK(t.correct == 2 && t.extra == 0 && t.target_agree == 2);
	CHECK(w4[0].got == 1 && w4[1].got == 0);

	/* A noevents sentence: no codings, every event extra. */
	memset(&t, 0, sizeof t);
	got g5[] = {mk_got("ASSAULT", "USA", "IRQ"), mk_got("ACCUSE", "USA", "IRQ")};
	score(NULL, 0, g5, 2, &t);
	CHECK(t.codings == 0 && t.correct == 0 && t.missed == 0 && t.extra == 2);
	score(NULL, 0, NULL, 0, &t);
	CHECK(t.codings == 0 && t.extra == 2 && t.produced == 2);

	/* A code without a PLOVER type: out of scope, never matched, and not
	 * missed; the event of that verb stays extra. */
	memset(&t, 0, sizeof t);
	want w6[] = {mk_want(NULL, "USAGOV", "IRQ"), mk_want("ASSAULT", "RUS", "IRQ")};
	got g6[] = {mk_got("ACCUSE", "USA", "IRQ"), mk_got("ASSAULT", "RUS", "UKR")};
	score(w6, 2, g6, 2, &t);
	CHECK(t.out_of_scope == 1 && t.correct == 1 && t.missed == 0 && t.extra == 1);
	CHECK(t.target_agree == 0 && w6[0].got == -1);

	/* Another type, or an event with no action, matches nothing. */
	memset(&t, 0, sizeof t);
	want w7[] = {mk_want("REJECT", "USA", "ISR")};
	got g7[] = {mk_got("SUPPORT", "USA", "ISR"), mk_got(NULL, "USA", "ISR")};
	score(w7, 1, g7, 2, &t);
	CHECK(t.correct == 0 && t.missed == 1 && t.extra == 2);

	/* PLOVER types of CAMEO codes, as the header documents them. */
	CHECK(corro_cameo_plover("015") == NULL);
	CHECK(corro_cameo_plover("190") && strcmp(corro_cameo_plover("190"), "ASSAULT") == 0);
	CHECK(corro_cameo_plover("") == NULL);
}

static void selftest_scan(void)
{
	static const char sample[] =
		"<?xml version='1.0'?>\n<Validation>\n# a comment line <Sentence id=\"no\">\n"
		"<Environment>\n<Verbfile>V.txt</Verbfile>\n"
		"<Actorfile> A.txt , B.txt,../x.txt</Actorfile>\n"
		"<Include>valid AFP</Include>\n</Environment>\n"
		"<Sentence category=\"AFP\" date=\"20150609\" id=\"S&amp;1\" evaluate=\"true\"/>\n"
		"<!-- PATTERN * TALKS [046:046] -->\n"
		"<EventCoding eventcode=\"190\" sourcecode=\"---REB\" targetcode=\"SYR\" />\n"
		"<EventCoding eventcode='042' sourcecode=\"\" />\n"
		"<Text>\n Rebels  shelled\n&#x41;leppo &amp; more.\n</Text>\n"
		"<Parse>\n1\tRebels\t<x>\n</Parse>\n<!---\n<Parse>\n</Parse>-->\n</Sentence>\n"
		"<Sentence category=\"AFP\" date=\"121108\" id=\"S2\" evaluate=\"tr/>\n"
		"<EventCoding noevents=\"True\" />\n<Text>Nothing\n</Sentence>\n"
		"<Sentence category=\"AFP\" id=\"S4\"><EventCoding eventcode=\"190\"/>"
		"<Text>\n</Text>\n<Parse>\n1\tBoko\tBoko\n2\tHaram\tx\t\t\t\t\t\t\tSpaceAfter=No\n"
		"3\t,\n# c\n4-5\tdon't\n4\tfired\n</Parse>\n"
		"<Sentence category=\"GOLD\" id=\"S3\" evaluate=\"false\">\n"
		"<Stop>\n<Sentence id=\"after-stop\">\n";
	records rs = {0};
	scan_records(sample, sizeof sample - 1, &rs);
	CHECK(rs.n == 4);
	CHECK(rs.ndicts == 3);
	if (rs.ndicts == 3) {
		CHECK(strcmp(rs.dicts[0].name, "V.txt") == 0 && rs.dicts[0].verbs);
		CHECK(strcmp(rs.dicts[1].name, "A.txt") == 0 && !rs.dicts[1].verbs);
		CHECK(strcmp(rs.dicts[2].name, "B.txt") == 0);
	}
	CHECK(rs.have_include && rs.ninclude == 2);
	if (rs.n == 4) {
		const record *r = &rs.v[0];
		CHECK(r->id && strcmp(r->id, "S&1") == 0);
		CHECK(r->line == 9);
		CHECK(r->ncodings == 2 && !r->noevents);
		if (r->ncodings == 2) {
			CHECK(strcmp(r->codings[0].src, "---REB") == 0);
			CHECK(strcmp(r->codings[1].code, "042") == 0);
			CHECK(strcmp(r->codings[1].src, "---") == 0 &&
			      strcmp(r->codings[1].tgt, "---") == 0);
		}
		CHECK(r->text && strcmp(r->text, "Rebels shelled Aleppo & more.") == 0);
		CHECK(skip_reason(&rs, r) == NULL);
		r = &rs.v[1];
		CHECK(r->evaluate && strcmp(r->evaluate, "tr") == 0);
		CHECK(r->noevents && r->ncodings == 0 && r->coded);
		CHECK(r->text && strcmp(r->text, "Nothing") == 0);
		char d[11];
		CHECK(!iso_date(r->date, d));
		CHECK(skip_reason(&rs, r) == NULL);
		r = &rs.v[2];
		CHECK(r->text && strcmp(r->text, "Boko Haram, fired") == 0 && r->from_parse);
		CHECK(!r->from_parse || r->textlen == strlen(r->text));
		CHECK(skip_reason(&rs, &rs.v[3]) != NULL);
	}
	records_free(&rs);

	char d[11];
	CHECK(iso_date("20080804", d) && strcmp(d, "2008-08-04") == 0);
	CHECK(iso_date("20000229", d) && !iso_date("19000229", d));
	CHECK(!iso_date("20081304", d) && !iso_date("2008080", d) && !iso_date(NULL, d));

	/* Every truncation of the sample, each in a buffer of its own size so
	 * that ASan sees a read past the end, and junk. */
	for (size_t len = 0; len < sizeof sample; len++) {
		char *b = xrealloc(NULL, len);
		memcpy(b, sample, len);
		records t = {0};
		scan_records(b, len, &t);
		records_free(&t);
		free(b);
	}
	static const char *const junk[] = {
		"<", "<<<>>>", "<Sentence", "<Sentence id=\"", "<Sentence id='x",
		"<Sentence id=>", "<Sentence =\"x\" \"\" ''>", "<!--", "<!-->",
		"<Sentence id=a/><EventCoding", "<Sentence/><Text>", "</Text>",
		"<Text>&#;&#x;&#1114112;&#xD800;&#0;&amp", "#\n#", "<Sentence/><EventCoding noevents=",
		"<Verbfile>,,,</Verbfile><Include>", "<Sentence id=\"a\" id=\"b\"><Parse><Sentence>"};
	for (size_t k = 0; k < sizeof junk / sizeof *junk; k++) {
		size_t len = strlen(junk[k]);
		char *b = xrealloc(NULL, len);
		memcpy(b, junk[k], len);
		records t = {0};
		scan_records(b, len, &t);
		for (size_t i = 0; i < t.n; i++)
			(void)skip_reason(&t, &t.v[i]);
		records_free(&t);
		free(b);
	}
	size_t dl;
	char *s = decode("&#233;&#x1F600;&bogus;&#12", 26, 0, &dl);
	CHECK(strcmp(s, "\xC3\xA9\xF0\x9F\x98\x80&bogus;&#12") == 0 && dl == strlen(s));
	free(s);
}

static int selftest(void)
{
	selftest_score();
	selftest_scan();
	printf("selftest: %s\n", failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}

/* ---- main ------------------------------------------------------------ */

static void usage(FILE *f)
{
	fprintf(f, "usage: petrarch [-v|--verbose] [--no-dict] [--dict DIR] "
		   "[--min-correct PCT] [--max-extra PCT] [--selftest] [FILE]\n");
}

int main(int argc, char **argv)
{
	const char *file = "../shared/testdata/event-data/universalpetrarch/"
			   "PETR2_GSR_validation.xml";
	const char *dir = NULL;
	int no_dict = 0;
	double min_correct = -1, max_extra = -1;
	for (int a = 1; a < argc; a++) {
		const char *o = argv[a];
		if (strcmp(o, "-v") == 0 || strcmp(o, "--verbose") == 0) {
			verbose = 1;
		} else if (strcmp(o, "--no-dict") == 0) {
			no_dict = 1;
		} else if (strcmp(o, "--selftest") == 0) {
			return selftest();
		} else if (strcmp(o, "--dict") == 0 && a + 1 < argc) {
			dir = argv[++a];
		} else if ((strcmp(o, "--min-correct") == 0 ||
			    strcmp(o, "--max-extra") == 0) && a + 1 < argc) {
			char *end;
			double v = strtod(argv[++a], &end);
			if (*end || end == argv[a] || v < 0) {
				fprintf(stderr, "petrarch: bad %s '%s'\n", o, argv[a]);
				return 2;
			}
			if (strcmp(o, "--min-correct") == 0)
				min_correct = v;
			else
				max_extra = v;
		} else if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (o[0] == '-') {
			usage(stderr);
			return 2;
		} else {
			file = o;
		}
	}
	if (!exists(file, 0)) {
		fprintf(stderr, "petrarch: %s: no such file; skipped\n", file);
		return 77;
	}
	size_t len;
	char *buf = read_all(file, &len);
	if (!buf) {
		fprintf(stderr, "petrarch: %s: cannot read\n", file);
		return 2;
	}
	records rs = {0};
	scan_records(buf, len, &rs);
	free(buf);

	char *defdir = NULL;
	if (!dir) {
		const char *slash = strrchr(file, '/');
		size_t dl = slash ? (size_t)(slash - file) : 1;
		defdir = xrealloc(NULL, dl + 16);
		snprintf(defdir, dl + 16, "%.*s/../petrarch2", (int)dl,
			 slash ? file : ".");
		dir = defdir;
	}
	corro_cameo *cameo = NULL;
	int rc = 0;
	printf("PETRARCH-2 validation records: %s\n", file);
	if (no_dict) {
		printf("dictionaries: none (--no-dict), the built-in lexicon alone\n");
	} else if (!exists(dir, 1)) {
		fprintf(stderr, "petrarch: %s: no such directory; skipped\n", dir);
		rc = 77;
	} else {
		rc = load_dicts(&rs, dir, &cameo);
	}
	free(defdir);
	if (rc) {
		records_free(&rs);
		return rc;
	}
	if (verbose)
		printf("\nEach sentence: the codings (PLOVER type, CAMEO code, "
		       "source -> target, countries compared) and corro's events "
		       "(action, verb, actor/actor_code -> target/target_code). "
		       "Negated and hypothetical events count: PETRARCH codes "
		       "\"would not provide support\" as REJECT.\n\n");

	tally t = {0};
	for (size_t i = 0; i < rs.n && !rc; i++) {
		const char *why = skip_reason(&rs, &rs.v[i]);
		if (why) {
			t.skipped++;
			if (verbose)
				printf("%s (line %zu): skipped, %s\n\n",
				       rs.v[i].id ? rs.v[i].id : "?", rs.v[i].line, why);
			continue;
		}
		if (run_record(&rs.v[i], cameo, &t) < 0)
			rc = 2;
	}
	if (verbose && t.out_of_scope) {
		printf("out of scope (codes with no PLOVER type):");
		for (size_t i = 0; i < rs.n; i++)
			for (size_t k = 0; !skip_reason(&rs, &rs.v[i]) && k < rs.v[i].ncodings; k++)
				if (!corro_cameo_plover(rs.v[i].codings[k].code))
					printf(" %s:%s", rs.v[i].id ? rs.v[i].id : "?",
					       rs.v[i].codings[k].code);
		printf("\n\n");
	}
	corro_cameo_free(cameo);
	records_free(&rs);
	if (rc)
		return rc;

	size_t in_scope = t.codings - t.out_of_scope;
	double correct_in = pct(t.correct, in_scope);
	double extra_pct = pct(t.extra, t.codings);
	printf("sentences:      %4zu (%zu skipped; %zu with no events, %zu of "
	       "them quiet)\n",
	       t.sentences, t.skipped, t.noevent_sentences, t.quiet);
	printf("codings:        %4zu (%zu in scope, %zu out of scope: no PLOVER "
	       "type)\n",
	       t.codings, in_scope, t.out_of_scope);
	printf("correct:        %4zu %6.1f%% of all codings, %.1f%% of in-scope "
	       "ones\n",
	       t.correct, pct(t.correct, t.codings), correct_in);
	printf("missed:         %4zu %6.1f%% of in-scope codings\n", t.missed,
	       pct(t.missed, in_scope));
	printf("extra:          %4zu %6.1f%% of codings (extras as %% of "
	       "codings)\n",
	       t.extra, extra_pct);
	printf("target country: %4zu of %zu correct agree (%.1f%%)\n",
	       t.target_agree, t.correct, pct(t.target_agree, t.correct));
	printf("events:         %4zu produced (%zu negated, %zu hypothetical)\n",
	       t.produced, t.negated, t.hypothetical);
	if (min_correct >= 0 && correct_in < min_correct) {
		printf("  correct below the floor of %.1f%%\n", min_correct);
		rc = 1;
	}
	if (max_extra >= 0 && extra_pct > max_extra) {
		printf("  extras above the ceiling of %.1f%%\n", max_extra);
		rc = 1;
	}
	return rc;
}
