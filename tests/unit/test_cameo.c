/* Unit tests for the CAMEO dictionaries (src/cameo.c): actors with dated
 * codes, agents with plurals and substitutions, verbs with their forms and
 * patterns, the PLOVER table, unreadable lines reported at their offsets,
 * every allocation failure, and the real PETRARCH dictionaries when
 * ../shared has them.  The small dictionaries here are written for the
 * tests, in the formats, not copied from anywhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failalloc.h"

#include "cameo.h"
#include "corro.h"
#include "token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ---- */

typedef struct diags {
	int n;
	long long off[64];
	int sev[64];
	char msg[64][160];
} diags;

static void collect(void *ud, const corro_diag *d)
{
	diags *g = ud;
	if (g->n < 64) {
		g->off[g->n] = d->offset;
		g->sev[g->n] = d->severity;
		snprintf(g->msg[g->n], sizeof g->msg[0], "%s", d->message);
	}
	g->n++;
}

static char *write_temp(const char *text, size_t n)
{
	char tmpl[] = "/tmp/corro-cameo-XXXXXX";
	int fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	char *p = malloc(sizeof tmpl);
	assert_non_null(p);
	memcpy(p, tmpl, sizeof tmpl);
	return p;
}

/* A sentence as the event stage sees it. */
typedef struct sent {
	tok_list l;
	lex_view v;
	const char *text;
} sent;

static void sent_init(sent *s, const char *text)
{
	memset(s, 0, sizeof *s);
	assert_int_equal(tok_split(&s->l, text, strlen(text)), 0);
	s->text = text;
	s->v.text = text;
	s->v.t = s->l.v;
	s->v.n = s->l.n;
}

static void sent_release(sent *s) { tok_list_release(&s->l); }

/* The index of the first token that is word (any case). */
static size_t sent_find(const sent *s, const char *word)
{
	char low[64];
	size_t k;
	for (k = 0; word[k] && k + 1 < sizeof low; k++)
		low[k] = (char)(word[k] >= 'A' && word[k] <= 'Z' ? word[k] + 32
								: word[k]);
	low[k] = '\0';
	for (size_t i = 0; i < s->l.n; i++)
		if (tok_is(s->text, &s->l.v[i], low))
			return i;
	fail_msg("no token \"%s\" in \"%s\"", word, s->text);
	return 0;
}

/* The actor code at the token "word" of text, and its length. */
static const char *actor_at(const corro_cameo *c, const char *text,
			    const char *word, long date, size_t *len)
{
	sent s;
	sent_init(&s, text);
	const char *code =
		cameo_actor_at(c, &s.v, sent_find(&s, word), s.l.n, date, len);
	sent_release(&s);
	return code;
}

/* The event code of the verb at token "word" of text ("" when it is no
 * dictionary verb); *len and *obj relative to that token. */
static const char *verb_at(const corro_cameo *c, const char *text,
			   const char *word, size_t *len, size_t *obj)
{
	sent s;
	sent_init(&s, text);
	size_t i = sent_find(&s, word), l = 0, o = 0;
	const char *code = NULL;
	int found = cameo_verb_at(c, &s.v, i, 0, s.l.n, &l, &code, &o);
	sent_release(&s);
	if (len)
		*len = l;
	if (obj)
		*obj = found ? o - i : 0;
	return found ? code : "";
}

static const char dict_actors[] =
	"# Actors of a small comic state.\n"
	"<!-- a comment\n"
	"     over two lines -->\n"
	"FREEDONIA_  [FRD]\n"
	"+FREEDONIAN_\n"
	"UNITED_STATES [USA]\n"
	"U.N. [IGOUNO]   # the dots are tokens of their own\n"
	"RUFUS_T._FIREFLY_\n"
	"+FIREFLY\n"
	"\t[FRDELI 19200101-19321231]\n"
	"\t[FRDGOV >19330101]\n"
	"CHICOLINI_ ; a legacy comment\n"
	"\t[FRDCRM < 330601]\n"
	"\t[frdreb]\n"
	"BAN_KI-MOON\n"
	"\t[KORGOV 20040101-20061231]\n"
	"\t[IGOUNO >20070101]\n";

static const char dict_agents[] =
	"!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
	"FARMER [~AGR]\n"
	"CATTLE!PERSON! [~AGR]\n"
	"ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
	"POLICE {} [~COP]\n"
	"PEACEKEEPING_FORCE [IGO~]\n"
	"BOSS [~BUS]\n";

static const char dict_verbs[] =
	"# Verbs of sending and blaming.\n"
	"&WEAPON\n"
	"+RIFLE\n"
	"+ARMORED_VEHICLE\n"
	"+AMMO_\n"
	"\n"
	"&TROOPS_\n"
	"+TROOPS\n"
	"+ARMY\n"
	"\n"
	"---  SEND   [---]  ---\n"
	"SEND {SENDS SENDING SENT}\n"
	"DISPATCH\n"
	"+CARRY_OUT {+CARRIES_OUT +CARRIED_OUT +CARRYING_OUT} [180]\n"
	"- * &TROOPS                   [154]\n"
	"- * &WEAPON (TO +)            [072]  # arms to someone\n"
	"- * {HUMANITARIAN AID}        [073]\n"
	"- * AID/SUPPLIES              [070]\n"
	"- * AID                       [071]  # loses the tie to the line above\n"
	"- * ENVOY (TO TALKS)          [042:043]\n"
	"- REBELS * DELEGATION         [046]\n"
	"- * WARNING                   [---]\n"
	"- SECRETLY_* &WEAPON          [074]\n"
	"\n"
	"---  ACCUSE   [112]  ---\n"
	"ACCUSE\n"
	"BLAME [111]\n"
	"- * (OF {WAR CRIMES})         [1124]\n"
	"- * (BEFORE COURT)            [:173]\n"
	"\n"
	"######## TRANSFORMATIONS ########\n"
	"~ a (a b ACCUSE) SAY = a b 112\n";

static corro_cameo *load_test_set(void)
{
	corro_cameo *c;
	diags g = {0};
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	assert_int_equal(cameo_load_actors_mem(c, "actors", dict_actors,
					       strlen(dict_actors), collect, &g),
			 CORRO_OK);
	assert_int_equal(cameo_load_actors_mem(c, "agents", dict_agents,
					       strlen(dict_agents), collect, &g),
			 CORRO_OK);
	assert_int_equal(cameo_load_verbs_mem(c, "verbs", dict_verbs,
					      strlen(dict_verbs), collect, &g),
			 CORRO_OK);
	for (int k = 0; k < g.n && k < 64; k++)
		print_error("unexpected diagnostic at %lld: %s\n", g.off[k],
			    g.msg[k]);
	assert_int_equal(g.n, 0);
	return c;
}

/* ---- tests ---- */

static void test_plover(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"010", NULL},	       {"01", NULL},	      {"020", "REQUEST"},
		{"0211", "REQUEST"},   {"036", "AGREE"},      {"042", "CONSULT"},
		{"057", "SUPPORT"},    {"064", "COOPERATE"},  {"072", "AID"},
		{"08", "CONCEDE"},     {"081", "CONCEDE"},    {"0811", "CONCEDE"},
		{"0813", "RETREAT"},   {"0814", "RETREAT"},   {"083", "CONCEDE"},
		{"084", "RETREAT"},    {"0871", "RETREAT"},   {"087", "RETREAT"},
		{"090", "ACCUSE"},     {"1041", "REQUEST"},   {"112", "ACCUSE"},
		{"128", "REJECT"},     {"138", "THREATEN"},   {"145", "PROTEST"},
		{"154", "MOBILIZE"},   {"160", "SANCTION"},   {"163", "COERCE"},
		{"1663", "SANCTION"},  {"171", "COERCE"},     {"1712", "ASSAULT"},
		{"173", "COERCE"},     {"175", "ASSAULT"},    {"18", "ASSAULT"},
		{"1823", "ASSAULT"},   {"190", "ASSAULT"},    {"191", "COERCE"},
		{"192", "COERCE"},     {"195", "ASSAULT"},    {"2042", "ASSAULT"},
		{"---", NULL},	       {"", NULL},	      {"0", NULL},
		{"00", NULL},	       {"21", NULL},	      {"99", NULL},
		{"01234", NULL},       {"07a", NULL},	      {"IGO", NULL},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const char *got = corro_cameo_plover(cases[k][0]);
		if (!cases[k][1]) {
			if (got)
				fail_msg("%s -> %s, wanted none", cases[k][0], got);
		} else if (!got || strcmp(got, cases[k][1])) {
			fail_msg("%s -> %s, wanted %s", cases[k][0],
				 got ? got : "none", cases[k][1]);
		}
	}
	assert_null(corro_cameo_plover(NULL));
}

static void test_actors(void **state)
{
	(void)state;
	corro_cameo *c = load_test_set();
	size_t len;
	assert_string_equal(actor_at(c, "Troops of Freedonia", "Freedonia", 0, &len),
			    "FRD");
	assert_int_equal(len, 1);
	assert_string_equal(
		actor_at(c, "the FREEDONIAN army", "freedonian", 0, &len), "FRD");
	/* An actor's name makes no plural. */
	assert_null(actor_at(c, "two Freedonians", "Freedonians", 0, &len));
	assert_int_equal(len, 0);
	assert_string_equal(
		actor_at(c, "the United States said", "United", 0, &len), "USA");
	assert_int_equal(len, 2);
	assert_string_equal(actor_at(c, "The U.N. said", "U", 0, &len), "IGOUNO");
	assert_int_equal(len, 4); /* U . N . */
	assert_string_equal(actor_at(c, "the u.n. said", "u", 0, &len), "IGOUNO");
	assert_null(actor_at(c, "the UN said", "UN", 0, &len));
	assert_string_equal(
		actor_at(c, "Ban Ki-moon spoke", "Ban", 20100101, &len), "IGOUNO");
	assert_int_equal(len, 4); /* Ban Ki - moon */
	/* A hyphen may be missing on either side. */
	assert_string_equal(actor_at(c, "Ban Ki moon spoke", "Ban", 0, &len),
			    "IGOUNO");
	assert_int_equal(len, 3);

	/* Dated codes: the one in force, inclusive at both ends; the last
	 * one listed when the date is unknown. */
	const char *firefly = "Rufus T. Firefly declared war";
	assert_string_equal(actor_at(c, firefly, "Rufus", 19250101, &len),
			    "FRDELI");
	assert_int_equal(len, 4);
	assert_string_equal(actor_at(c, firefly, "Rufus", 19321231, &len),
			    "FRDELI");
	assert_string_equal(actor_at(c, firefly, "Rufus", 19330101, &len),
			    "FRDGOV");
	assert_string_equal(actor_at(c, firefly, "Rufus", 0, &len), "FRDGOV");
	/* No code covers 1900 and there is no undated one: the last. */
	assert_string_equal(actor_at(c, firefly, "Rufus", 19000101, &len),
			    "FRDGOV");
	assert_string_equal(actor_at(c, firefly, "Firefly", 19250101, &len),
			    "FRDELI");
	assert_int_equal(len, 1);
	/* "<330601" is 1933-06-01; the undated code when none covers. */
	const char *chico = "Chicolini sold peanuts";
	assert_string_equal(actor_at(c, chico, "Chicolini", 19330601, &len),
			    "FRDCRM");
	assert_string_equal(actor_at(c, chico, "Chicolini", 19400101, &len),
			    "FRDREB"); /* upper-cased */
	assert_string_equal(actor_at(c, chico, "Chicolini", 0, &len), "FRDREB");
	assert_string_equal(actor_at(c, "Ban Ki-moon", "Ban", 20050101, &len),
			    "KORGOV");

	/* Agents: generated plurals, substitutions, listed plurals, none. */
	assert_string_equal(actor_at(c, "the farmers", "farmers", 0, &len), "~AGR");
	assert_string_equal(actor_at(c, "a farmer", "farmer", 0, &len), "~AGR");
	assert_string_equal(actor_at(c, "some cattlemen", "cattlemen", 0, &len),
			    "~AGR");
	assert_string_equal(
		actor_at(c, "a cattlewoman", "cattlewoman", 0, &len), "~AGR");
	assert_null(actor_at(c, "a cattleperson", "cattleperson", 0, &len));
	assert_null(actor_at(c, "some cattlemans", "cattlemans", 0, &len));
	assert_string_equal(
		actor_at(c, "the Attorneys General of", "Attorneys", 0, &len),
		"~JUD");
	assert_int_equal(len, 2);
	assert_null(actor_at(c, "the attorney generals", "attorney", 0, &len));
	assert_string_equal(actor_at(c, "the police", "police", 0, &len), "~COP");
	assert_null(actor_at(c, "the polices", "polices", 0, &len));
	assert_string_equal(
		actor_at(c, "peacekeeping forces arrived", "peacekeeping", 0, &len),
		"IGO~");
	assert_string_equal(actor_at(c, "the bosses", "bosses", 0, &len), "~BUS");

	/* lim ends the phrase; an unknown word starts nothing. */
	sent s;
	sent_init(&s, "the United States");
	assert_null(cameo_actor_at(c, &s.v, 1, 2, 0, &len));
	assert_string_equal(cameo_actor_at(c, &s.v, 1, 3, 0, &len), "USA");
	assert_null(cameo_actor_at(c, &s.v, 0, 3, 0, &len));
	assert_null(cameo_actor_at(c, &s.v, 3, 3, 0, &len));
	assert_null(cameo_actor_at(NULL, &s.v, 1, 3, 0, &len));
	sent_release(&s);
	corro_cameo_free(c);
}

static void test_verbs(void **state)
{
	(void)state;
	corro_cameo *c = load_test_set();
	size_t len, obj;
	assert_string_equal(verb_at(c, "Freedonia sent troops to the border.",
				    "sent", &len, &obj),
			    "154");
	assert_int_equal(len, 1);
	assert_int_equal(obj, 2); /* just past "troops" */
	/* Regular forms made ("dispatched"), synset plurals ("rifles"), a
	 * prepositional phrase with the target slot. */
	assert_string_equal(verb_at(c, "Freedonia dispatched rifles to Sylvania.",
				    "dispatched", &len, &obj),
			    "072");
	assert_int_equal(obj, 3); /* past "to" */
	assert_string_equal(verb_at(c, "It dispatches armored vehicles to them",
				    "dispatches", NULL, &obj),
			    "072");
	assert_int_equal(obj, 4);
	/* A member or a synset name ending with '_' makes no plural. */
	assert_string_equal(
		verb_at(c, "They dispatch ammo to them", "dispatch", NULL, NULL),
		"072");
	assert_string_equal(
		verb_at(c, "They dispatch ammos to them", "dispatch", NULL, NULL),
		"---");
	assert_string_equal(verb_at(c, "They sent an army", "sent", NULL, NULL),
			    "154");
	assert_string_equal(verb_at(c, "They sent armies", "sent", NULL, NULL),
			    "---");
	/* The pattern that matches more words wins. */
	assert_string_equal(verb_at(c, "They are sending humanitarian aid.",
				    "sending", NULL, &obj),
			    "073");
	assert_int_equal(obj, 3);
	/* Of two as long, the first in the file; "A/B" are alternatives. */
	assert_string_equal(verb_at(c, "Sylvania sends aid.", "sends", NULL, NULL),
			    "070");
	assert_string_equal(
		verb_at(c, "Sylvania sends supplies.", "sends", NULL, NULL), "070");
	/* "[042:043]" gives the first code; words may stand between the
	 * preposition and its noun. */
	assert_string_equal(verb_at(c, "Freedonia sent an envoy to the peace talks.",
				    "sent", NULL, &obj),
			    "042");
	assert_int_equal(obj, 7);
	/* Words before "*" are found before the verb, with gaps. */
	assert_string_equal(verb_at(c, "The rebels quickly sent a delegation.",
				    "sent", NULL, &obj),
			    "046");
	assert_string_equal(verb_at(c, "Freedonia sent a delegation.", "sent",
				    NULL, NULL),
			    "---");
	assert_string_equal(verb_at(c, "Freedonia sent a stern warning.", "sent",
				    NULL, &obj),
			    "---");
	assert_int_equal(obj, 4); /* the pattern's "---", past "warning" */
	/* SECRETLY_* must touch the verb. */
	assert_string_equal(verb_at(c, "Freedonia secretly sent rifles.", "sent",
				    NULL, NULL),
			    "074");
	assert_string_equal(verb_at(c, "Secretly, Freedonia sent rifles.", "sent",
				    NULL, &obj),
			    "---");
	assert_int_equal(obj, 1); /* no pattern: just past the verb */
	/* The verb's own code, then the block's. */
	assert_string_equal(
		verb_at(c, "Firefly blames Chicolini.", "blames", NULL, NULL), "111");
	assert_string_equal(
		verb_at(c, "Firefly is accusing Chicolini.", "accusing", NULL, NULL),
		"112");
	assert_string_equal(verb_at(c, "Firefly accused Chicolini of war crimes.",
				    "accused", NULL, &obj),
			    "1124");
	assert_int_equal(obj, 5);
	assert_string_equal(verb_at(c, "He accused them before the court.",
				    "accused", NULL, NULL),
			    "173");
	/* Multi-word verbs with their listed forms; a part alone is none. */
	assert_string_equal(verb_at(c, "The army carried out raids.", "carried",
				    &len, NULL),
			    "180");
	assert_int_equal(len, 2);
	assert_string_equal(
		verb_at(c, "They carry out raids.", "carry", &len, NULL), "180");
	assert_string_equal(
		verb_at(c, "They carried supplies.", "carried", &len, NULL), "");
	assert_string_equal(verb_at(c, "Troops of Freedonia", "Troops", NULL, NULL),
			    "");

	/* lo and lim bound the patterns. */
	sent s;
	sent_init(&s, "The rebels sent a delegation");
	const char *code;
	assert_int_equal(cameo_verb_at(c, &s.v, 2, 0, 5, &len, &code, &obj), 1);
	assert_string_equal(code, "046");
	assert_int_equal(cameo_verb_at(c, &s.v, 2, 2, 5, &len, &code, &obj), 1);
	assert_string_equal(code, "---");
	assert_int_equal(cameo_verb_at(c, &s.v, 2, 0, 4, &len, &code, &obj), 1);
	assert_string_equal(code, "---");
	assert_int_equal(cameo_verb_at(c, &s.v, 2, 0, 5, NULL, NULL, NULL), 1);
	assert_int_equal(cameo_verb_at(c, &s.v, 2, 3, 5, &len, &code, &obj), 0);
	sent_release(&s);
	corro_cameo_free(c);
}

/* The offset of the line of text that holds needle. */
static long long line_of(const char *text, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(text + i, needle, k) == 0) {
			while (i > 0 && text[i - 1] != '\n')
				i--;
			return (long long)i;
		}
	fail_msg("no \"%s\"", needle);
	return -1;
}

static void expect_warnings(const diags *g, const char *text, size_t n,
			    const char *const *lines, size_t nlines)
{
	for (int k = 0; k < g->n && k < 64; k++)
		print_message("  warning at %lld: %s\n", g->off[k], g->msg[k]);
	assert_int_equal(g->n, (int)nlines);
	for (size_t k = 0; k < nlines; k++) {
		assert_int_equal(g->sev[k], CORRO_WARNING);
		assert_int_equal(g->off[k], line_of(text, n, lines[k]));
	}
}

static void test_bad_lines(void **state)
{
	(void)state;
	char verbs[8192];
	int vn = snprintf(verbs, sizeof verbs,
			  "- * STRAY [010]\n"
			  "&\n"
			  "&EMPTY_\n"
			  "+&NESTED\n"
			  "---  BROKEN   [12x]  ---\n"
			  "BREAK\n"
			  "- * (UNCLOSED [020]\n"
			  "- * CLOSED) [020]\n"
			  "- * &NOSUCH [020]\n"
			  "- NOSTAR [020]\n"
			  "- * NOCODE\n"
			  "- * BANG [080!]\n"
			  "- * A * B [020]\n"
			  "- * ({(DEEP)}) [020]\n"
			  "\xff\xfe binary\n"
			  "- * NUL\x01 [020]\n"
			  "BAD {FORMS\n"
			  "WORSE [0x0]\n"
			  "- $ * + [020]\n"
			  "- * GOOD [020]\r\n");
	assert_true(vn > 0 && (size_t)vn < sizeof verbs - 6000);
	/* A line too long, then one that still reads. */
	memset(verbs + vn, 'A', 5000);
	vn += 5000;
	vn += snprintf(verbs + vn, sizeof verbs - (size_t)vn,
		       "\n- * LAST [030]");
	/* A NUL byte is no UTF-8 the dictionaries may hold. */
	verbs[line_of(verbs, (size_t)vn, "- * NUL") + 7] = '\0';
	static const char *const vwarn[] = {
		"- * STRAY",   "&\n",	       "+&NESTED",  "---  BROKEN",
		"- * (UNCLOSED", "- * CLOSED)", "- * &NOSUCH", "- NOSTAR",
		"- * NOCODE",  "- * BANG",    "- * A * B", "- * ({(DEEP",
		"\xff\xfe",    "- * NUL",     "BAD {",	   "WORSE",
		"AAAAAAAA",
	};
	corro_cameo *c;
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	diags g = {0};
	assert_int_equal(cameo_load_verbs_mem(c, "v", verbs, (size_t)vn, collect,
					      &g),
			 CORRO_OK);
	expect_warnings(&g, verbs, (size_t)vn, vwarn,
			sizeof vwarn / sizeof vwarn[0]);
	/* The block with the unreadable code is still a block. */
	size_t obj;
	assert_string_equal(verb_at(c, "they break good things", "break", NULL, &obj),
			    "020");
	assert_string_equal(verb_at(c, "they break last things", "break", NULL, &obj),
			    "030");
	assert_string_equal(verb_at(c, "they break x", "break", NULL, &obj), "---");

	static const char actors[] =
		"+ORPHAN\n"
		"\t[ABC]\n"
		"GOOD [GOD]\n"
		"BAD_DATE\n"
		"\t[BDD 2004017-20061201]\n"
		"\t[BDD 20040101]\n"
		"\t[BDD >20041301]\n"
		"\t[BDD]\n"
		"MISSING [ABC\n"
		"\t[DEF]\n"
		"+SYNONYM_OF_NOTHING\n"
		"NOCODE_NAME\n"
		"!UNDEF!_MINISTER [~GOV]\n"
		"!EMPTY! = ,\n"
		"+OWN_CODE [XYZ]\n"
		"SPACE IN CODE [A B C]\n"
		"{PLURAL [~X]\n"
		"[NONAME]\n"
		"LAST [LST]\n"
		"TRAILING\n";
	static const char *const awarn[] = {
		"+ORPHAN",      "\t[ABC]",	  "\t[BDD 2004017", "\t[BDD 20040101]",
		"\t[BDD >2004", "MISSING",	  "\t[DEF]",	    "+SYNONYM_OF",
		"NOCODE_NAME",  "!UNDEF!",	  "!EMPTY!",	    "+OWN_CODE",
		"SPACE IN",	"{PLURAL",	  "[NONAME]",	    "TRAILING",
	};
	g.n = 0;
	assert_int_equal(cameo_load_actors_mem(c, "a", actors, strlen(actors),
					       collect, &g),
			 CORRO_OK);
	expect_warnings(&g, actors, strlen(actors), awarn,
			sizeof awarn / sizeof awarn[0]);
	size_t len;
	assert_string_equal(actor_at(c, "the good", "good", 0, &len), "GOD");
	assert_string_equal(actor_at(c, "bad date", "bad", 20050101, &len), "BDD");
	assert_string_equal(actor_at(c, "the last", "last", 0, &len), "LST");
	assert_null(actor_at(c, "missing", "missing", 0, &len));
	assert_null(actor_at(c, "nocode name", "nocode", 0, &len));
	corro_cameo_free(c);

	/* A file that cannot be opened. */
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	g.n = 0;
	assert_int_equal(corro_cameo_load_actors(c, "/nonexistent/actors.txt",
						 collect, &g),
			 CORRO_IO);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.sev[0], CORRO_ERROR);
	g.n = 0;
	assert_int_equal(corro_cameo_load_verbs(c, "/", collect, &g), CORRO_IO);
	assert_int_equal(g.n, 1);
	assert_int_equal(corro_cameo_load_verbs(c, "/nonexistent", NULL, NULL),
			 CORRO_IO);
	corro_cameo_free(c);
}

static void test_files(void **state)
{
	(void)state;
	char *va = write_temp(dict_actors, strlen(dict_actors));
	char *vv = write_temp(dict_verbs, strlen(dict_verbs));
	corro_cameo *c;
	diags g = {0};
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	assert_int_equal(corro_cameo_load_actors(c, va, collect, &g), CORRO_OK);
	assert_int_equal(corro_cameo_load_verbs(c, vv, collect, &g), CORRO_OK);
	assert_int_equal(g.n, 0);
	size_t len;
	assert_string_equal(actor_at(c, "the U.N. sent troops", "U", 0, &len),
			    "IGOUNO");
	assert_string_equal(
		verb_at(c, "the U.N. sent troops", "sent", NULL, NULL), "154");
	corro_cameo_free(c);
	corro_cameo_free(NULL);
	assert_int_equal(corro_cameo_new(NULL), CORRO_INVALID);
	unlink(va);
	unlink(vv);
	free(va);
	free(vv);
}

/* Random and repeated bytes: read without harm, in time. */
static void test_junk(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	char *junk = malloc(n);
	assert_non_null(junk);
	uint32_t x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (char)(x >> 16);
	}
	corro_cameo *c;
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	assert_int_equal(cameo_load_verbs_mem(c, "j", junk, n, NULL, NULL), CORRO_OK);
	assert_int_equal(cameo_load_actors_mem(c, "j", junk, n, NULL, NULL), CORRO_OK);
	/* Brackets, stars and substitutions by the thousand. */
	static const char rep[] = "- * ({A_B} (C/D/E &X_Y) ^ $ +) [01]\n"
				  "!A! = B, C, D\n!A!_!A!_!A!_!A!_!A! [~Q]\n"
				  "+&&&__**__ {{{ [[[ ]]] }}}\n---\n";
	for (size_t i = 0; i + sizeof rep <= n; i += sizeof rep - 1)
		memcpy(junk + i, rep, sizeof rep - 1);
	assert_int_equal(cameo_load_verbs_mem(c, "j", junk, n, NULL, NULL), CORRO_OK);
	assert_int_equal(cameo_load_actors_mem(c, "j", junk, n, NULL, NULL), CORRO_OK);
	corro_cameo_free(c);
	free(junk);
}

/* No dictionary makes a token cost more than a constant: long chains of
 * phrases that begin alike and long verb blocks are cut, with a warning. */
static void test_limits(void **state)
{
	(void)state;
	size_t cap = 1 << 20, n = 0;
	char *d = malloc(cap);
	assert_non_null(d);
	n += (size_t)snprintf(d + n, cap - n, "---  SEND  [---]  ---\nSEND\n");
	for (int k = 0; k < 1100; k++)
		n += (size_t)snprintf(d + n, cap - n, "- * W%d [0%d]\n", k,
				      10 + k % 80);
	corro_cameo *c;
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	diags g = {0};
	assert_int_equal(cameo_load_verbs_mem(c, "v", d, n, collect, &g), CORRO_OK);
	assert_int_equal(g.n, 1100 - 1024);
	assert_string_equal(g.msg[0], "more than 1024 patterns in one verb block");
	assert_string_equal(verb_at(c, "they send w1023", "send", NULL, NULL),
			    "073");
	assert_string_equal(verb_at(c, "they send w1024", "send", NULL, NULL),
			    "---");
	n = 0;
	for (int k = 0; k < 4100; k++)
		n += (size_t)snprintf(d + n, cap - n, "SAME_WORD_%d [A%d]\n", k, k);
	g.n = 0;
	assert_int_equal(cameo_load_actors_mem(c, "a", d, n, collect, &g),
			 CORRO_OK);
	assert_int_equal(g.n, 4);
	size_t len;
	assert_string_equal(actor_at(c, "same word 4095", "same", 0, &len), "A4095");
	assert_null(actor_at(c, "same word 4096", "same", 0, &len));
	corro_cameo_free(c);
	free(d);
}

static void test_allocation_failures(void **state)
{
	(void)state;
	char *va = write_temp(dict_actors, strlen(dict_actors));
	char *vg = write_temp(dict_agents, strlen(dict_agents));
	char *vv = write_temp(dict_verbs, strlen(dict_verbs));
	int saw_ok = 0;
	long k;
	for (k = 0; k < 20000 && !saw_ok; k++) {
		failalloc_start(k);
		corro_cameo *c = NULL;
		corro_status st = corro_cameo_new(&c);
		if (st == CORRO_OK)
			st = corro_cameo_load_actors(c, va, NULL, NULL);
		if (st == CORRO_OK)
			st = corro_cameo_load_actors(c, vg, NULL, NULL);
		if (st == CORRO_OK)
			st = corro_cameo_load_verbs(c, vv, NULL, NULL);
		failalloc_stop();
		if (st == CORRO_OK) {
			saw_ok = failalloc_calls <= k;
			size_t len;
			assert_string_equal(
				verb_at(c, "they sent troops", "sent", NULL, NULL),
				"154");
			assert_string_equal(actor_at(c, "cattlemen", "cattlemen", 0,
						     &len),
					    "~AGR");
		} else {
			assert_int_equal(st, CORRO_NOMEM);
			/* What was read before the failure stays usable. */
			size_t len;
			if (c)
				(void)actor_at(c, "the U.N. sent troops", "U", 0, &len);
			if (c)
				(void)verb_at(c, "the U.N. sent troops", "sent", NULL,
					      NULL);
		}
		corro_cameo_free(c);
	}
	assert_true(saw_ok);
	print_message("failed each of %ld allocations in turn\n", k - 1);
	unlink(va);
	unlink(vg);
	unlink(vv);
	free(va);
	free(vg);
	free(vv);
}

#ifndef CORRO_PETRARCH
#define CORRO_PETRARCH "../shared/testdata/event-data/petrarch2"
#endif

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The dictionaries PETRARCH and Phoenix used, read in place. */
static void test_real_dictionaries(void **state)
{
	(void)state;
	static const char *const files[] = {
		"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.agents.txt", "CAMEO.2.0.txt"};
	char path[4][1024];
	for (size_t k = 0; k < 4; k++) {
		snprintf(path[k], sizeof path[k], "%s/%s", CORRO_PETRARCH, files[k]);
		if (access(path[k], R_OK) != 0) {
			print_message("skipped: %s not found\n", path[k]);
			skip();
		}
	}
	corro_cameo *c;
	assert_int_equal(corro_cameo_new(&c), CORRO_OK);
	diags g = {0};
	double t0 = seconds();
	for (size_t k = 0; k < 3; k++)
		assert_int_equal(corro_cameo_load_actors(c, path[k], collect, &g),
				 CORRO_OK);
	assert_int_equal(corro_cameo_load_verbs(c, path[3], collect, &g), CORRO_OK);
	double t = seconds() - t0;
	print_message("loaded the PETRARCH dictionaries in %.0f ms (%d lines "
		      "reported)\n",
		      t * 1e3, g.n);
	/* "Well under a second"; the margin is for sanitizer builds. */
	assert_true(t < 2.0);
	/* The files have a few dozen broken lines; not thousands. */
	assert_true(g.n > 0 && g.n < 200);

	size_t len;
	const char *s = "President Barack Obama met Ban Ki-moon of the United "
			"Nations and the U.N. envoy in the United States.";
	assert_string_equal(actor_at(c, s, "Barack", 0, &len), "USAGOV");
	assert_int_equal(len, 2);
	assert_string_equal(actor_at(c, s, "Barack", 20100101, &len), "USAGOV");
	assert_string_equal(actor_at(c, s, "Barack", 19900101, &len), "USAELI");
	assert_string_equal(actor_at(c, s, "President", 20100101, &len), "USAGOV");
	assert_int_equal(len, 3);
	assert_memory_equal(actor_at(c, "Obama said", "Obama", 0, &len), "USA", 3);
	assert_string_equal(actor_at(c, s, "Ban", 0, &len), "IGOUNO");
	assert_int_equal(len, 4);
	assert_string_equal(actor_at(c, s, "United", 0, &len), "IGOUNO");
	assert_int_equal(len, 2);
	assert_string_equal(actor_at(c, s, "U", 0, &len), "IGOUNO");
	assert_string_equal(actor_at(c, "the United States", "United", 0, &len),
			    "USA");
	assert_string_equal(actor_at(c, "angry farmers", "farmers", 0, &len),
			    "~AGR");

	const char *code;
	code = verb_at(c, "Russia sent weapons to Syria.", "sent", NULL, NULL);
	assert_string_equal(code, "072");
	assert_string_equal(corro_cameo_plover(code), "AID");
	/* Every "- * &MILITARY" of the SEND block is as long; the first in the
	 * file is [062]. */
	code = verb_at(c, "Russia will send troops to Syria.", "send", NULL, NULL);
	assert_string_equal(code, "062");
	code = verb_at(c, "Russia will send humanitarian aid to Syria.", "send",
		       NULL, NULL);
	assert_string_equal(code, "073");
	code = verb_at(c, "Police arrested the protesters.", "arrested", NULL, NULL);
	assert_string_equal(corro_cameo_plover(code), "COERCE");
	code = verb_at(c, "Rebels attacked the town.", "attacked", NULL, NULL);
	assert_string_equal(corro_cameo_plover(code), "ASSAULT");
	code = verb_at(c, "They carried out an attack.", "carried", &len, NULL);
	assert_int_equal(len, 2);
	corro_cameo_free(c);
}

int main(void)
{
	failalloc_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plover),
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_verbs),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_junk),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_real_dictionaries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
