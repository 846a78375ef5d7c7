/* cluster.c: a feed grouped into stories (prefix corro_clusterer_, clu_).
 *
 * Adding a document keeps a small sketch of it: its day, its id, title and
 * outlet, up to CLU_TERMS content words (headline words count
 * CLU_TITLE_WEIGHT times), up to CLU_NAMES names it mentions, and a MinHash
 * signature of its word 5-shingles.  Running the clusterer then
 *
 *   1. finds copy groups: documents whose signatures agree in one of
 *      CLU_BANDS bands of CLU_ROWS rows are compared, and those with an
 *      estimated Jaccard similarity of CLU_COPY or more are one group
 *      (short texts, with too few shingles for a sketch, by an exact hash
 *      of their words);
 *   2. weights each document's words by TF-IDF over the whole run and
 *      normalises the vector;
 *   3. takes the documents in time order and puts each in the open story
 *      whose centroid it is most like (cosine at least CLU_JOIN), or in a
 *      new one; a copy goes where its group went.  Candidate stories come
 *      from an inverted index of the words of open stories, so the cost of
 *      a document does not grow with the number of stories; a story closes
 *      CORRO_STORY_WINDOW_DAYS after its last document.
 *
 * The method and its parameters are described in docs/internals.md. */
#include "cluster.h"
#include "ascii.h"
#include "calendar.h"
#include "corro.h"
#include "hmap.h"
#include "lexicon.h"
#include "mem.h"
#include "pool.h"
#include "token.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	CLU_TERMS = 64,  /* words kept per document */
	CLU_LEAD = 300,  /* words of the text read for its vector */
	CLU_NAMES = 8,   /* names kept per document */
	CLU_HASHES = 64, /* MinHash values */
	CLU_BANDS = 16,  /* LSH bands of CLU_ROWS values */
	CLU_ROWS = CLU_HASHES / CLU_BANDS,
	CLU_SHINGLE = 5,      /* words per shingle */
	CLU_MIN_SHINGLES = 8, /* fewer: the text is compared whole */
	CLU_CHAIN = 32,       /* documents compared per LSH bucket */
	CLU_ACTORS = 5,
	CLU_POSTINGS_MAX = 2048, /* a term's stories read for candidates, at most */
	CLU_EXACT = 8,           /* candidates then scored exactly */
	CLU_NAME_BYTES = 255,    /* a name's spelling in a sketch, at most */
	CLU_ENGLISH_PCT = 15     /* function words in English text, at least (%) */
};

/* one permutation hashing takes a bin from a hash's top 6 bits */
_Static_assert(CLU_HASHES == 64, "CLU_HASHES bins are a hash's top 6 bits");

#define CLU_TITLE_WEIGHT 3.0f
#define CLU_COPY 0.5        /* estimated Jaccard of a copy */
#define CLU_JOIN_SHORT 0.10 /* likeness to join a story: a headline */
#define CLU_JOIN_LONG 0.16  /* a text of CLU_TERMS words or more */
#define CLU_MERGE 0.2       /* likeness of two stories' centroids to merge */
#define CLU_NAMES_SHARE 0.5 /* shared names raise likeness by up to this share */
#define CLU_NO_NAME_FACTOR \
	2.0 /* countries, none in common: a join needs this
				  times more */
#define CLU_UNDATED INT32_MIN
/* Documents of a prior in which every word is rare: a run of a few
 * documents of one story would otherwise weigh the words they all share
 * (the story's own) at nothing. */
#define CLU_PRIOR_DOCS 100.0

/* What a term is: a word of the text, or a name it mentions (a country's
 * apart: two reports naming different countries and none in common are
 * seldom of one event). */
typedef enum { CLU_WORD, CLU_NAME, CLU_COUNTRY } clu_kind;

typedef struct clu_term {
	uint32_t id;
	float w; /* raw weight at adding, TF-IDF after the run's step 2 */
} clu_term;

/* A term of the document being read, to sort: by weight, then by where
 * it first came in the document (the lead before the rest), which the
 * document alone decides, not the documents added before it. */
typedef struct clu_rankterm {
	size_t first;
	float w;
	uint32_t id;
} clu_rankterm;

typedef struct clu_doc {
	char *id, *title, *outlet;
	int32_t day; /* days since 1970-01-01, or CLU_UNDATED */
	int32_t sec; /* seconds into the day, or -1 */
	uint32_t term0, nterms;
	uint32_t name0, nnames;
	uint32_t sig0;  /* CLU_HASHES values at sigs[sig0], or UINT32_MAX */
	uint64_t whole; /* hash of the folded words (short texts) */
	size_t copy, story;
} clu_doc;

/* A story while it is being built. */
typedef struct clu_story {
	double norm2[2]; /* squared norms of the sums of its vectors (words,
			    names) */
	int32_t first, last;
	size_t ndocs;
	size_t countries; /* its countries */
	uint32_t head;    /* its first weight (clu_weight), or UINT32_MAX */
	size_t into;      /* the story it was merged into, or itself */
} clu_story;

struct corro_clusterer {
	clu_doc *docs;
	size_t ndocs, capdocs;
	clu_term *terms; /* every document's terms */
	float *raw;      /* their weights before the run, for sketches */
	size_t nterms, capterms;
	uint32_t *names; /* every document's name ids */
	float *namew;    /* their mentions */
	char **nameown;  /* the document's own spellings, for its sketch */
	size_t nnames, capnames;
	uint32_t *sigs;
	size_t nsigs, capsigs;
	hmap vocab; /* word or name hash -> term id + 1 */
	uint32_t *df;
	uint8_t *kind;  /* per term: a clu_kind */
	uint64_t *hash; /* per term: its hash (a sketch keeps terms by hash) */
	size_t nvocab, capvocab;
	hmap namemap; /* name hash -> name id + 1 */
	hmap never;   /* words that tell no story from another (see
			 build_never): hash -> 1 for a function word, 2 else */
	char **namestr;
	size_t nnamestr, capnamestr;
	/* scratch of one document */
	hmap local;
	hmap namewords; /* the words of the names it mentions */
	clu_term *tmp;
	size_t ntmp, captmp;
	clu_rankterm *rank;
	size_t caprank;
	tok_list toks;
	/* the result */
	corro_cluster *out;
	size_t nout;
	size_t *members; /* the docs of every story, story after story */
	const char **actors;
	char *days; /* "YYYY-MM-DD" strings of first and last, 11 bytes each */
	int ran;
};

/* ---- hashing ----------------------------------------------------------- */

/* A key of the space seed (words, names, countries, ...) from a string's
 * hash: the same string in two spaces gives two keys.  Never 0. */
static uint64_t seeded(uint64_t h, uint64_t seed)
{
	if (!seed)
		return h;
	h = hmap_mix(h + seed * 0x9E3779B97F4A7C15ULL);
	return h ? h : 1;
}

/* The key of s[0..n) in the space seed; ASCII case does not count. */
static uint64_t hash_bytes(const char *s, size_t n, uint64_t seed)
{
	return seeded(ascii_hash_lower(s, n), seed);
}

/* ---- dates ------------------------------------------------------------- */

static int digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* The day and time of a publication date that starts "YYYY-MM-DD" (with
 * "THH:MM" after it, or not); anything else is undated. */
static void parse_day(const char *p, int32_t *day, int32_t *sec)
{
	*day = CLU_UNDATED;
	*sec = -1;
	int y, m, d, hh, mm;
	if (!p || strlen(p) < 10 || p[4] != '-' || p[7] != '-' || !digits(p, 4, &y) ||
	    !digits(p + 5, 2, &m) || !digits(p + 8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31)
		return;
	*day = (int32_t)cal_days_from_civil(y, m, d);
	if ((p[10] == 'T' || p[10] == ' ') && strlen(p) >= 16 && p[13] == ':' &&
	    digits(p + 11, 2, &hh) && digits(p + 14, 2, &mm) && hh < 24 && mm < 60)
		*sec = hh * 3600 + mm * 60;
}

/* ---- words ------------------------------------------------------------- */

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* A light English stemmer, enough that "troops" and "troop", "killed",
 * "killing" and "kills", "raised" and "raise", "casualties" and "casualty"
 * meet: plural and verb endings off, a final e off, a doubled consonant
 * undone.  w is lower case; returns the new length. */
static size_t stem(char *w, size_t n)
{
	if (n <= 3)
		return n;
	if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
		w[n - 3] = 'y';
		n -= 2;
	} else if (n > 4 && memcmp(w + n - 4, "sses", 4) == 0) {
		n -= 2;
	} else if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i') {
		n--;
	}
	size_t cut = 0;
	if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0)
		cut = 3;
	else if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)
		cut = 2;
	if (cut) {
		int vowel = 0;
		for (size_t i = 0; i + cut < n; i++)
			vowel |= is_vowel(w[i]);
		if (vowel) {
			n -= cut;
			if (n > 3 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) &&
			    w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z')
				n--;
		}
	}
	if (n > 4 && w[n - 1] == 'e')
		n--;
	return n;
}

/* The vocabulary id of a word or name hash, added when new. */
static int vocab_id(corro_clusterer *c, uint64_t h, clu_kind kind, uint32_t *id)
{
	uint32_t *v = hmap_get(&c->vocab, h, 1);
	if (!v)
		return -1;
	if (!*v) {
		size_t cap = c->capvocab;
		if (VEC_GROW(c->df, c->nvocab, cap, uint32_t))
			return -1;
		if (cap != c->capvocab) {
			/* df grew: when these fail, capvocab stays and df grows
			 * again next time */
			uint8_t *k = mem_realloc(c->kind, cap);
			if (!k)
				return -1;
			c->kind = k;
			uint64_t *hs = mem_realloc(c->hash, cap * sizeof *hs);
			if (!hs)
				return -1;
			c->hash = hs;
			c->capvocab = cap;
		}
		c->df[c->nvocab] = 0;
		c->hash[c->nvocab] = h;
		c->kind[c->nvocab] = (uint8_t)kind;
		*v = (uint32_t)++c->nvocab;
	}
	*id = *v - 1;
	return 0;
}

/* Adds weight w to term h of the document being read. */
static int local_add(corro_clusterer *c, uint64_t h, clu_kind kind, float w)
{
	uint32_t *v = hmap_get(&c->local, h, 1);
	if (!v)
		return -1;
	if (*v) {
		c->tmp[*v - 1].w += w;
		return 0;
	}
	uint32_t id;
	if (vocab_id(c, h, kind, &id) || VEC_GROW(c->tmp, c->ntmp, c->captmp, clu_term))
		return -1;
	c->tmp[c->ntmp] = (clu_term){id, w};
	*v = (uint32_t)++c->ntmp;
	return 0;
}

/* The words that tell no story from another, from the lexicon: function
 * words, months, weekdays and other time words, number words, and the
 * verbs of saying, thinking, being and having (every report has those).
 * One word each (phrases are read word by word here), ASCII lower case. */
static int build_never(corro_clusterer *c)
{
	static const lex_cat cats[] = {LEX_STOP, LEX_MONTH, LEX_NUM, LEX_SCALE,
				       LEX_ORD,  LEX_TIME,  LEX_VERB};
	for (size_t k = 0; k < sizeof cats / sizeof *cats; k++) {
		size_t n = 0;
		const lex_entry *const *rows = lex_rows(cats[k], &n);
		for (size_t i = 0; rows && i < n; i++) {
			const lex_entry *e = rows[i];
			if (cats[k] == LEX_VERB && e->tag != LEX_VC_ATTR && e->tag != LEX_VC_AUX &&
			    e->tag != LEX_VC_HAVE && e->tag != LEX_VC_COG)
				continue;
			char low[64];
			size_t len = strlen(e->phrase);
			if (len == 0 || len >= sizeof low || strchr(e->phrase, ' '))
				continue;
			for (size_t j = 0; j < len; j++) {
				char ch = e->phrase[j];
				low[j] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
			}
			uint32_t *v = hmap_get(&c->never, hash_bytes(low, len, 5), 1);
			if (!v)
				return -1;
			if (!*v || cats[k] == LEX_STOP)
				*v = cats[k] == LEX_STOP ? 1 : 2;
		}
	}
	return 0;
}

/* 1 for a function word, 2 for another word of build_never, else 0; h is
 * the word's hash (ascii_hash_lower). */
static uint32_t never_word(const corro_clusterer *c, uint64_t h)
{
	uint32_t *v = hmap_get((hmap *)&c->never, seeded(h, 5), 0);
	return v ? *v : 0;
}

/* Reads the content words of text[0..len) (at most max of them) into the
 * document's terms with weight w each; with sh, also hashes its word
 * 5-shingles into the MinHash signature sig (and counts them in *nsh) and
 * folds all its words into *whole. */
static int read_words(corro_clusterer *c, const char *text, size_t len, size_t max, float w,
		      int *english, uint32_t *sig, size_t *nsh, uint64_t *whole)
{
	c->toks.n = 0;
	if (tok_split(&c->toks, text, len))
		return -1;
	if (*english < 0) {
		/* English prose is about two words in five from the list of
		 * function words; a text with few is in another language,
		 * whose function words (de, la, que, der, les) the list does
		 * not know: they are short, so its short words are left out */
		size_t nw = 0, nstop = 0;
		for (size_t i = 0; i < c->toks.n && nw < CLU_LEAD; i++) {
			const tok *t = &c->toks.v[i];
			if (t->type != TK_WORD)
				continue;
			nw++;
			nstop += never_word(c, ascii_hash_lower(text + t->start,
								t->end - t->start)) == 1;
		}
		*english = nw < 20 || nstop * 100 >= nw * CLU_ENGLISH_PCT;
	}
	uint64_t ring[CLU_SHINGLE] = {0};
	size_t words = 0, content = 0;
	int st = 0;
	for (size_t i = 0; i < c->toks.n && !st; i++) {
		const tok *t = &c->toks.v[i];
		if (t->type == TK_PUNCT)
			continue;
		/* one hash of the token's bytes serves the shingles, the list
		 * of words left out and (unstemmed) the word itself */
		uint64_t h = ascii_hash_lower(text + t->start, t->end - t->start);
		if (sig) {
			ring[words % CLU_SHINGLE] = h;
			*whole = hmap_mix(*whole ^ h);
			if (++words >= CLU_SHINGLE) {
				uint64_t s = 0;
				for (size_t k = 0; k < CLU_SHINGLE; k++)
					s = hmap_mix(s ^ ring[(words + k) % CLU_SHINGLE]);
				/* one permutation hashing: the shingle's hash
				 * falls in one of CLU_HASHES bins by its top bits,
				 * and each bin keeps its least value */
				uint32_t bin = (uint32_t)(s >> 58), v = (uint32_t)s;
				if (v < sig[bin])
					sig[bin] = v;
				(*nsh)++;
			}
		}
		if (content >= max || t->type != TK_WORD)
			continue;
		char low[64];
		size_t n = tok_lower(text, t, low, sizeof low);
		if (n < (*english ? 2 : 5) || low[0] == '\'' || never_word(c, h))
			continue;
		content++;
		size_t sn = stem(low, n);
		uint64_t wh = seeded(sn == n ? h : ascii_hash_lower(low, sn), 1);
		if (c->namewords.n && hmap_get(&c->namewords, wh, 0))
			continue; /* the name counts as a name, not as its words */
		st = local_add(c, wh, CLU_WORD, w);
	}
	return st;
}

static int cmp_term_weight(const void *pa, const void *pb)
{
	const clu_rankterm *a = pa, *b = pb;
	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return (a->first > b->first) - (a->first < b->first);
}

/* A document's terms (NULL when it has none: the array may not exist). */
static clu_term *doc_terms(const corro_clusterer *c, const clu_doc *d)
{
	return d->nterms ? c->terms + d->term0 : NULL;
}

static char *copy_str(const char *s)
{
	return s ? mem_strndup(s, strlen(s)) : NULL;
}

/* Marks the words of a folded name ("port arlen") as a name's. */
static int name_words(corro_clusterer *c, char *key, size_t kn)
{
	for (size_t i = 0; i < kn;) {
		size_t j = i;
		while (j < kn && key[j] != ' ')
			j++;
		size_t n = stem(key + i, j - i);
		if (n >= 2 && !hmap_get(&c->namewords, hash_bytes(key + i, n, 1), 1))
			return -1;
		i = j + 1;
	}
	return 0;
}

/* Words in capitals of two letters or more ("NEW CARRICK" of a dateline). */
static size_t shouted_words(const char *s)
{
	size_t n = 0, caps = 0, lower = 0;
	for (;; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch >= 'A' && ch <= 'Z') {
			caps++;
		} else if (ch >= 'a' && ch <= 'z') {
			lower++;
		} else if (ch < 0x80) {
			n += caps >= 2 && !lower;
			caps = lower = 0;
			if (!ch)
				return n;
		}
	}
}

/* Is spelling a shown before spelling b: fewer words in capitals (a
 * dateline's "NEW CARRICK" after "New Carrick"), then the least bytes? */
static int spelling_before(const char *a, const char *b)
{
	size_t sa = shouted_words(a), sb = shouted_words(b);
	if (sa != sb)
		return sa < sb;
	return strcmp(a, b) < 0;
}

/* The id of a name (folded to key, kn bytes) in the clusterer's names,
 * added when new; -1 when memory runs out. */
static int64_t name_id(corro_clusterer *c, const char *name, const char *key, size_t kn)
{
	uint32_t *v = hmap_get(&c->namemap, hash_bytes(key, kn, 2), 1);
	if (!v)
		return -1;
	if (!*v) {
		char *s = copy_str(name);
		if (!s || VEC_GROW(c->namestr, c->nnamestr, c->capnamestr, char *)) {
			mem_free(s);
			return -1;
		}
		c->namestr[c->nnamestr] = s;
		*v = (uint32_t)++c->nnamestr;
	} else if (spelling_before(name, c->namestr[*v - 1])) {
		/* spellings of one name ("Dorland-Freight", "Dorland Freight"):
		 * one is shown, whatever the order documents came in */
		char *s = copy_str(name);
		if (!s)
			return -1;
		mem_free(c->namestr[*v - 1]);
		c->namestr[*v - 1] = s;
	}
	return *v - 1;
}

/* A document's own spelling of a name, at most CLU_NAME_BYTES bytes (cut
 * at a character's start), as its sketch keeps it. */
static char *own_spelling(const char *name)
{
	size_t n = strlen(name);
	if (n > CLU_NAME_BYTES) {
		n = CLU_NAME_BYTES;
		while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
			n--;
	}
	return mem_strndup(name, n);
}

/* A name a document mentions: its id, mentions and the document's own
 * spelling. */
typedef struct clu_name {
	uint32_t id;
	float w;
	const char *own;
} clu_name;

/* Keeps name id with n mentions among the CLU_NAMES most mentioned of
 * best[0..*nbest), in order. */
static void keep_name(clu_name *best, size_t *nbest, uint32_t id, float n, const char *own)
{
	for (size_t k = 0; k < *nbest; k++)
		if (best[k].id == id) {
			/* two spellings of one name in one document: one name,
			 * with both's mentions */
			best[k].w += n;
			while (k > 0 && best[k - 1].w < best[k].w) {
				clu_name t = best[k];
				best[k] = best[k - 1];
				best[--k] = t;
			}
			return;
		}
	clu_name it = {id, n, own};
	size_t k = *nbest < CLU_NAMES ? (*nbest)++ : CLU_NAMES;
	if (k == CLU_NAMES && it.w <= best[CLU_NAMES - 1].w)
		return;
	if (k == CLU_NAMES)
		k--;
	while (k > 0 && best[k - 1].w < it.w) {
		best[k] = best[k - 1];
		k--;
	}
	best[k] = it;
}

/* Appends the names best[0..n) to the document's. */
static int set_names(corro_clusterer *c, clu_doc *d, const clu_name *best, size_t n)
{
	d->name0 = (uint32_t)c->nnames;
	d->nnames = 0;
	for (size_t k = 0; k < n; k++) {
		if (c->nnames == c->capnames) {
			/* when one of these fails, capnames stays: they grow again */
			size_t cap = c->capnames ? c->capnames * 2 : 64;
			uint32_t *v = mem_realloc(c->names, cap * sizeof *v);
			if (!v)
				return -1;
			c->names = v;
			float *w = mem_realloc(c->namew, cap * sizeof *w);
			if (!w)
				return -1;
			c->namew = w;
			char **o = mem_realloc(c->nameown, cap * sizeof *o);
			if (!o)
				return -1;
			c->nameown = o;
			c->capnames = cap;
		}
		/* a document added from its sketch is never sketched again */
		char *own = best[k].own ? own_spelling(best[k].own) : NULL;
		if (best[k].own && !own)
			return -1;
		c->names[c->nnames] = best[k].id;
		c->nameown[c->nnames] = own;
		c->namew[c->nnames++] = best[k].w;
		d->nnames++;
	}
	return 0;
}

/* Is a name one word of an unnamed body, after "the" ("Police", "The
 * Government": data/facts.tsv GENERIC)?  Every story has police; they say
 * nothing of which one it is.  Names of more words name a body ("State
 * Department", "National Security Agency"). */
static int generic_name(const char *name)
{
	int words = 0;
	for (const char *p = name; *p;) {
		size_t n = 0;
		while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
			n++;
		if (!n) {
			p++;
			continue;
		}
		int the = n == 3 && (p[0] | 0x20) == 't' && (p[1] | 0x20) == 'h' &&
			  (p[2] | 0x20) == 'e';
		if (!the && (!lex_word(p, n, LEX_BIT(LEX_GENERIC)) || ++words > 1))
			return 0;
		p += n;
	}
	return words == 1;
}

/* The names of res worth a story's attention (people, organisations,
 * countries, bodies and places, not names corro cannot place) into
 * c->names, most mentioned first, at most CLU_NAMES; each is also a term of
 * the vector. */
static int read_names(corro_clusterer *c, const corro_result *res, clu_doc *d, const char *text,
		      size_t body)
{
	size_t n = res ? corro_result_entity_count(res) : 0;
	clu_name best[CLU_NAMES];
	size_t nbest = 0;
	for (size_t i = 0; i < n; i++) {
		const corro_entity *e = corro_result_entity(res, i);
		if (e->kind == CORRO_ENTITY_NAME || !e->name || !*e->name || generic_name(e->name))
			continue;
		/* the mentions in the body: a headline's names are read
		 * with its words (a tabloid's "BANK BLOODBATH" names no one);
		 * one the headline brings in is a name when the body writes it
		 * whole at least once ("A MONSTER typhoon" is no "MONSTER
		 * STORM"), and then all its mentions there count */
		size_t nm = 0, nl = strlen(e->name);
		int headline = body && e->nmentions && e->mentions[0].start < body, whole = 0;
		for (size_t k = 0; k < e->nmentions; k++) {
			const corro_span *sp = &e->mentions[k];
			if (sp->start < body)
				continue;
			nm++;
			whole |= sp->end - sp->start == nl &&
				 ascii_ncasecmp(text + sp->start, e->name, nl) == 0;
		}
		if (!nm || (headline && !whole))
			continue;
		char key[128];
		size_t kn = pool_fold(e->name, strlen(e->name), key, sizeof key);
		if (!kn)
			continue;
		int64_t id = name_id(c, e->name, key, kn);
		if (id < 0)
			return -1;
		/* a country's term is not the same name's as a person's or a
		 * place's: a term has one kind, whatever document came first */
		clu_kind kind = e->kind == CORRO_ENTITY_COUNTRY ? CLU_COUNTRY : CLU_NAME;
		uint64_t th = hash_bytes(key, kn, kind == CLU_COUNTRY ? 6 : 3);
		if (local_add(c, th, kind, (float)nm) || name_words(c, key, kn))
			return -1;
		keep_name(best, &nbest, (uint32_t)id, (float)nm, e->name);
	}
	return set_names(c, d, best, nbest);
}

/* ---- adding ------------------------------------------------------------ */

corro_status corro_clusterer_new(corro_clusterer **out)
{
	if (!out)
		return CORRO_INVALID;
	*out = NULL;
	if (lex_init())
		return CORRO_NOMEM;
	corro_clusterer *c = mem_alloc(sizeof *c);
	if (!c)
		return CORRO_NOMEM;
	memset(c, 0, sizeof *c);
	if (build_never(c)) {
		corro_clusterer_free(c);
		return CORRO_NOMEM;
	}
	*out = c;
	return CORRO_OK;
}

void corro_clusterer_free(corro_clusterer *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ndocs; i++) {
		mem_free(c->docs[i].id);
		mem_free(c->docs[i].title);
		mem_free(c->docs[i].outlet);
	}
	for (size_t i = 0; i < c->nnamestr; i++)
		mem_free(c->namestr[i]);
	mem_free(c->docs);
	mem_free(c->terms);
	mem_free(c->raw);
	for (size_t i = 0; i < c->nnames; i++)
		mem_free(c->nameown[i]);
	mem_free(c->names);
	mem_free(c->namew);
	mem_free(c->nameown);
	mem_free(c->sigs);
	mem_free(c->df);
	mem_free(c->kind);
	mem_free(c->hash);
	mem_free(c->namestr);
	mem_free(c->tmp);
	mem_free(c->rank);
	hmap_release(&c->vocab);
	hmap_release(&c->namemap);
	hmap_release(&c->never);
	hmap_release(&c->local);
	hmap_release(&c->namewords);
	tok_list_release(&c->toks);
	mem_free(c->out);
	mem_free(c->members);
	mem_free(c->actors);
	mem_free(c->days);
	mem_free(c);
}

/* 1 when s[0..n) is valid UTF-8 (a title from metadata goes through the
 * tokenizer, which wants it). */
static int valid_utf8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t k = u[i] < 0x80    ? 1
			   : u[i] >= 0xF0 ? 4
			   : u[i] >= 0xE0 ? 3
			   : u[i] >= 0xC2 ? 2
					  : 0;
		if (!k || u[i] > 0xF4 || i + k > n)
			return 0;
		for (size_t j = 1; j < k; j++)
			if ((u[i + j] & 0xC0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

/* Keeps the CLU_TERMS terms of c->tmp of most weight as the document's
 * (they alone count in the document frequencies, so that a document
 * added from its sketch counts the same), and its signature sig (or
 * none). */
static corro_status keep_terms(corro_clusterer *c, clu_doc *d, const uint32_t *sig)
{
	if (c->ntmp > c->caprank) {
		clu_rankterm *r = mem_realloc(c->rank, c->ntmp * sizeof *r);
		if (!r)
			return CORRO_NOMEM;
		c->rank = r;
		c->caprank = c->ntmp;
	}
	for (size_t i = 0; i < c->ntmp; i++)
		c->rank[i] = (clu_rankterm){i, c->tmp[i].w, c->tmp[i].id};
	if (c->ntmp)
		qsort(c->rank, c->ntmp, sizeof *c->rank, cmp_term_weight);
	for (size_t i = 0; i < c->ntmp; i++)
		c->tmp[i] = (clu_term){c->rank[i].id, c->rank[i].w};
	size_t keep = c->ntmp < CLU_TERMS ? c->ntmp : CLU_TERMS;
	d->term0 = (uint32_t)c->nterms;
	d->nterms = (uint32_t)keep;
	for (size_t i = 0; i < keep; i++) {
		if (c->nterms == c->capterms) {
			size_t cap = c->capterms ? c->capterms * 2 : 1024;
			clu_term *t = mem_realloc(c->terms, cap * sizeof *t);
			if (!t)
				return CORRO_NOMEM;
			c->terms = t;
			float *w = mem_realloc(c->raw, cap * sizeof *w);
			if (!w)
				return CORRO_NOMEM; /* terms grew: capterms stays */
			c->raw = w;
			c->capterms = cap;
		}
		c->raw[c->nterms] = c->tmp[i].w;
		c->terms[c->nterms++] = c->tmp[i];
		c->df[c->tmp[i].id]++;
	}
	d->sig0 = UINT32_MAX;
	if (sig) {
		while (c->capsigs < c->nsigs + CLU_HASHES)
			if (vec_grow_((void **)&c->sigs, &c->capsigs, sizeof *c->sigs))
				return CORRO_NOMEM;
		d->sig0 = (uint32_t)c->nsigs;
		memcpy(c->sigs + c->nsigs, sig, CLU_HASHES * sizeof *sig);
		c->nsigs += CLU_HASHES;
	}
	return CORRO_OK;
}

static corro_status add_doc(corro_clusterer *c, const corro_doc *doc, const corro_result *res,
			    clu_doc *d)
{
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	uint32_t sig[CLU_HASHES];
	memset(sig, 0xFF, sizeof sig);
	size_t nsh = 0;
	uint64_t whole = 0;
	size_t tlen = d->title ? strlen(d->title) : 0;
	int english = -1;
	/* a headline the reader made the text's first paragraph is read
	 * as the title below, not as the lead of the text */
	const char *head = d->title ? d->title : "";
	size_t hn = tlen, body = 0;
	ascii_trim(&head, &hn);
	if (hn && len > hn + 2 && ascii_ncasecmp(text, head, hn) == 0 && text[hn] == '\n' &&
	    text[hn + 1] == '\n') {
		body = hn + 2;
		text += body;
		len -= body;
	}
	if (read_names(c, res, d, text - body, body) ||
	    read_words(c, text, len, CLU_LEAD, 1.0f, &english, sig, &nsh, &whole) ||
	    (tlen && valid_utf8(d->title, tlen) &&
	     read_words(c, d->title, tlen, CLU_LEAD, CLU_TITLE_WEIGHT, &english, NULL, NULL, NULL)))
		return CORRO_NOMEM;
	d->whole = whole ? whole : 1;
	return keep_terms(c, d, nsh >= CLU_MIN_SHINGLES ? sig : NULL);
}

static void drop_doc(clu_doc *d)
{
	mem_free(d->id);
	mem_free(d->title);
	mem_free(d->outlet);
	d->id = d->title = d->outlet = NULL;
}

/* A new document record at c->docs[c->ndocs] with its metadata, or NULL
 * (*st says why). */
static clu_doc *new_doc(corro_clusterer *c, const corro_meta *m, corro_status *st)
{
	*st = CORRO_TOO_BIG;
	if (c->ndocs >= UINT32_MAX / 2 || c->nsigs >= UINT32_MAX - CLU_HASHES ||
	    c->nterms >= UINT32_MAX - CLU_TERMS)
		return NULL;
	*st = CORRO_NOMEM;
	if (VEC_GROW(c->docs, c->ndocs, c->capdocs, clu_doc))
		return NULL;
	clu_doc *d = &c->docs[c->ndocs];
	memset(d, 0, sizeof *d);
	d->sig0 = UINT32_MAX;
	parse_day(m->published, &d->day, &d->sec);
	if (!(d->id = copy_str(m->id ? m->id : "")) ||
	    (m->title && !(d->title = copy_str(m->title))) ||
	    (m->outlet && !(d->outlet = copy_str(m->outlet)))) {
		drop_doc(d);
		return NULL;
	}
	hmap_clear(&c->local);
	hmap_clear(&c->namewords);
	c->ntmp = 0;
	*st = CORRO_OK;
	return d;
}

corro_status corro_clusterer_add(corro_clusterer *c, const corro_doc *doc, const corro_result *res)
{
	if (!c || !doc || c->ran)
		return CORRO_INVALID;
	corro_status st;
	clu_doc *d = new_doc(c, corro_doc_meta(doc), &st);
	if (!d)
		return st;
	st = add_doc(c, doc, res, d);
	if (st != CORRO_OK) {
		drop_doc(d);
		return st;
	}
	c->ndocs++;
	return CORRO_OK;
}

void clu_set_story_id(corro_clusterer *c, size_t i, size_t id)
{
	if (c && i < c->nout)
		c->out[i].id = id;
}

/* ---- sketches ---------------------------------------------------------- */

/* A sketch, little-endian: a version byte (2); the term count, then per
 * term its hash (8 bytes), kind (1) and raw weight (a float, 4); the name
 * count, then per name its length (2), bytes and mentions (a float, 4); a
 * byte that says whether a signature follows, and its CLU_HASHES values
 * (4 each); the hash of the whole text (8). */
enum { CLU_SKETCH_VERSION = 2 }; /* 2: terms hashed by ascii_hash_lower */

static void put_u(buf *b, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(b, (char)(v >> (8 * i)));
}

static void put_f(buf *b, float f)
{
	uint32_t u;
	memcpy(&u, &f, sizeof u);
	put_u(b, u, 4);
}

int clu_sketch(const corro_clusterer *c, size_t doc, buf *out)
{
	if (!c || doc >= c->ndocs)
		return -1;
	const clu_doc *d = &c->docs[doc];
	put_u(out, CLU_SKETCH_VERSION, 1);
	put_u(out, d->nterms, 1);
	for (size_t k = 0; k < d->nterms; k++) {
		const clu_term *t = &c->terms[d->term0 + k];
		put_u(out, c->hash[t->id], 8);
		put_u(out, c->kind[t->id], 1);
		put_f(out, c->raw[d->term0 + k]);
	}
	put_u(out, d->nnames, 1);
	for (size_t k = 0; k < d->nnames; k++) {
		const char *name = c->nameown[d->name0 + k];
		if (!name) /* added from a sketch: its spelling is the shown one */
			name = c->namestr[c->names[d->name0 + k]];
		size_t n = strlen(name);
		if (n > CLU_NAME_BYTES)
			n = CLU_NAME_BYTES;
		while (n > 0 && n < strlen(name) && ((unsigned char)name[n] & 0xC0) == 0x80)
			n--;
		put_u(out, n, 2);
		buf_append_grow(out, name, n);
		put_f(out, c->namew[d->name0 + k]);
	}
	put_u(out, d->sig0 != UINT32_MAX, 1);
	for (size_t k = 0; d->sig0 != UINT32_MAX && k < CLU_HASHES; k++)
		put_u(out, c->sigs[d->sig0 + k], 4);
	put_u(out, d->whole, 8);
	return out->failed ? -1 : 0;
}

typedef struct rd {
	const unsigned char *p;
	size_t n, at;
	int bad;
} rd;

static uint64_t get_u(rd *r, int n)
{
	if (r->bad || r->n - r->at < (size_t)n) {
		r->bad = 1;
		return 0;
	}
	uint64_t v = 0;
	for (int i = 0; i < n; i++)
		v |= (uint64_t)r->p[r->at + (size_t)i] << (8 * i);
	r->at += (size_t)n;
	return v;
}

static float get_f(rd *r)
{
	uint32_t u = (uint32_t)get_u(r, 4);
	float f;
	memcpy(&f, &u, sizeof f);
	return isfinite(f) && f >= 0 ? f : 0;
}

static corro_status read_sketch(corro_clusterer *c, clu_doc *d, rd *r)
{
	if (get_u(r, 1) != CLU_SKETCH_VERSION)
		return CORRO_FORMAT;
	size_t nt = (size_t)get_u(r, 1);
	if (nt > CLU_TERMS)
		return CORRO_FORMAT;
	for (size_t k = 0; k < nt && !r->bad; k++) {
		uint64_t h = get_u(r, 8);
		uint64_t kind = get_u(r, 1);
		float w = get_f(r);
		if (!h || kind > CLU_COUNTRY)
			return CORRO_FORMAT;
		if (local_add(c, h, (clu_kind)kind, w))
			return CORRO_NOMEM;
	}
	size_t nn = (size_t)get_u(r, 1);
	if (nn > CLU_NAMES)
		return CORRO_FORMAT;
	clu_name best[CLU_NAMES];
	size_t nbest = 0;
	for (size_t k = 0; k < nn && !r->bad; k++) {
		size_t len = (size_t)get_u(r, 2);
		if (r->bad || r->n - r->at < len || len >= 1024)
			return CORRO_FORMAT;
		char name[1024], key[128];
		memcpy(name, r->p + r->at, len);
		name[len] = '\0';
		r->at += len;
		float w = get_f(r);
		size_t kn = pool_fold(name, len, key, sizeof key);
		if (!kn || !valid_utf8(name, len) || memchr(name, '\0', len))
			return CORRO_FORMAT;
		int64_t id = name_id(c, name, key, kn);
		if (id < 0)
			return CORRO_NOMEM;
		keep_name(best, &nbest, (uint32_t)id, w, NULL);
	}
	uint32_t sig[CLU_HASHES];
	int has = (int)get_u(r, 1);
	for (size_t k = 0; has && k < CLU_HASHES; k++)
		sig[k] = (uint32_t)get_u(r, 4);
	d->whole = get_u(r, 8);
	if (r->bad || r->at != r->n || has > 1 || !d->whole)
		return CORRO_FORMAT;
	if (set_names(c, d, best, nbest))
		return CORRO_NOMEM;
	return keep_terms(c, d, has ? sig : NULL);
}

corro_status clu_add_sketch(corro_clusterer *c, const corro_meta *m, const void *bytes, size_t len)
{
	if (!c || !m || (!bytes && len) || c->ran)
		return CORRO_INVALID;
	corro_status st;
	clu_doc *d = new_doc(c, m, &st);
	if (!d)
		return st;
	rd r = {bytes, len, 0, 0};
	st = read_sketch(c, d, &r);
	if (st != CORRO_OK) {
		drop_doc(d);
		return st;
	}
	c->ndocs++;
	return CORRO_OK;
}

/* ---- copy groups ------------------------------------------------------- */

static size_t find_root(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

/* Joins the groups of a and b under the earlier document (rank: the
 * position in time order). */
static void unite(size_t *parent, const size_t *rank, size_t a, size_t b)
{
	a = find_root(parent, a);
	b = find_root(parent, b);
	if (rank[a] < rank[b])
		parent[b] = a;
	else if (rank[b] < rank[a])
		parent[a] = b;
}

/* The share of bins in which the signatures agree, of those that either
 * fills, estimates the Jaccard similarity of the shingle sets. */
static int same_copy(const corro_clusterer *c, const clu_doc *a, const clu_doc *b)
{
	const uint32_t *x = c->sigs + a->sig0, *y = c->sigs + b->sig0;
	size_t agree = 0, filled = 0;
	for (size_t k = 0; k < CLU_HASHES; k++) {
		int any = x[k] != UINT32_MAX || y[k] != UINT32_MAX;
		filled += any;
		agree += any && x[k] == y[k];
	}
	return filled && (double)agree / (double)filled >= CLU_COPY;
}

/* Sets every document's copy: the earliest document of its group, in time
 * order (so that the groups do not depend on the order of the inputs). */
static corro_status copy_groups(corro_clusterer *c, const size_t *order)
{
	size_t n = c->ndocs;
	corro_status st = CORRO_NOMEM;
	size_t *parent = mem_alloc((n ? n : 1) * sizeof *parent);
	size_t *rank = mem_alloc((n ? n : 1) * sizeof *rank);
	uint32_t *next = mem_alloc((n ? n : 1) * CLU_BANDS * sizeof *next);
	hmap buckets = {0};
	if (!parent || !rank || !next)
		goto done;
	for (size_t i = 0; i < n; i++) {
		parent[i] = i;
		rank[order[i]] = i;
	}
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];
		const clu_doc *d = &c->docs[i];
		if (d->sig0 == UINT32_MAX) {
			/* a short text: the same words, in the same order */
			uint32_t *v = hmap_get(&buckets, hmap_mix(d->whole ^ 0x5151), 1);
			if (!v)
				goto done;
			if (*v)
				unite(parent, rank, *v - 1, i);
			else
				*v = (uint32_t)i + 1;
			continue;
		}
		const uint32_t *s = c->sigs + d->sig0;
		for (size_t b = 0; b < CLU_BANDS; b++) {
			uint64_t h = hmap_mix(b + 1);
			for (size_t r = 0; r < CLU_ROWS; r++)
				h = hmap_mix(h ^ s[b * CLU_ROWS + r]);
			uint32_t *v = hmap_get(&buckets, h + !h, 1);
			if (!v)
				goto done;
			next[i * CLU_BANDS + b] = *v;
			size_t seen = 0;
			for (uint32_t j = *v; j && seen < CLU_CHAIN; seen++) {
				size_t o = j - 1;
				if (find_root(parent, o) != find_root(parent, i) &&
				    same_copy(c, &c->docs[o], d))
					unite(parent, rank, o, i);
				j = next[o * CLU_BANDS + b];
			}
			*v = (uint32_t)i + 1;
		}
	}
	for (size_t i = 0; i < n; i++)
		c->docs[i].copy = find_root(parent, i);
	st = CORRO_OK;
done:
	mem_free(parent);
	mem_free(rank);
	mem_free(next);
	hmap_release(&buckets);
	return st;
}

/* ---- vectors ----------------------------------------------------------- */

/* Turns each document's raw weights into a unit TF-IDF vector. */
static void weigh_terms(corro_clusterer *c)
{
	double n = (double)c->ndocs;
	for (size_t i = 0; i < c->ndocs; i++) {
		clu_doc *d = &c->docs[i];
		clu_term *t = doc_terms(c, d);
		double sum[2] = {0, 0}; /* words, names: each a unit vector */
		for (size_t k = 0; k < d->nterms; k++) {
			double idf = log((n + CLU_PRIOR_DOCS) / (c->df[t[k].id] + 1.0));
			double w = (1 + log(t[k].w > 1 ? t[k].w : 1)) * idf;
			t[k].w = (float)w;
			sum[c->kind[t[k].id] != CLU_WORD] += w * w;
		}
		double norm[2] = {sqrt(sum[0]), sqrt(sum[1])};
		for (size_t k = 0; k < d->nterms; k++) {
			double nm = norm[c->kind[t[k].id] != CLU_WORD];
			t[k].w = nm > 0 ? (float)(t[k].w / nm) : 0;
		}
	}
}

/* ---- the online pass --------------------------------------------------- */

/* A story's weight for a term: the sum over its documents. */
typedef struct clu_weight {
	float w;
	uint32_t term, next; /* next: the story's next weight, or UINT32_MAX */
} clu_weight;

typedef struct clu_posting {
	uint32_t story, cw; /* cw: index of the story's weight */
} clu_posting;

typedef struct clu_pass {
	const uint8_t *kind; /* the clusterer's, per term */
	clu_story *stories;
	size_t nstories;
	hmap cwmap; /* (story, term) -> index in cw + 1 */
	clu_weight *cw;
	size_t ncw, capcw;
	clu_posting **post; /* per term: the open stories that have it */
	uint32_t *npost, *cappost;
	double (*score)[3]; /* per story: its dot products with what is
			       compared (words, names), and the countries
			       they share */
	uint32_t *touched;
	size_t ntouched;
	int capped;          /* a term's postings were read only in part */
	size_t *group_story; /* per copy group root: its story + 1 */
} clu_pass;

static uint64_t cw_key(size_t story, uint32_t term)
{
	return hmap_mix(((uint64_t)(story + 1) << 32) |
			term); /* a bijection: never 0, never equal */
}

static int closed(const clu_story *s, int32_t day)
{
	return day != CLU_UNDATED && s->last != CLU_UNDATED &&
	       day - s->last > CORRO_STORY_WINDOW_DAYS;
}

/* The weight of story s for term, or 0. */
static double story_weight(clu_pass *p, size_t s, uint32_t term)
{
	uint32_t *v = hmap_get(&p->cwmap, cw_key(s, term), 0);
	return v ? p->cw[*v - 1].w : 0;
}

/* The index of story s's weight for term, made (0, and posted under the
 * term) when it has none.  -1 when memory runs out. */
static int64_t story_term(clu_pass *p, size_t s, uint32_t term)
{
	uint32_t *v = hmap_get(&p->cwmap, cw_key(s, term), 1);
	if (!v)
		return -1;
	if (*v)
		return *v - 1;
	if (VEC_GROW(p->cw, p->ncw, p->capcw, clu_weight) || p->ncw >= UINT32_MAX - 1)
		return -1;
	if (p->npost[term] == p->cappost[term]) {
		uint32_t nc = p->cappost[term] ? p->cappost[term] * 2 : 4;
		clu_posting *np = mem_realloc(p->post[term], nc * sizeof *np);
		if (!np)
			return -1;
		p->post[term] = np;
		p->cappost[term] = nc;
	}
	uint32_t i = (uint32_t)p->ncw++;
	p->cw[i] = (clu_weight){0, term, p->stories[s].head};
	p->stories[s].head = i;
	p->stories[s].countries += p->kind[term] == CLU_COUNTRY;
	*v = i + 1;
	p->post[term][p->npost[term]++] = (clu_posting){(uint32_t)s, i};
	return i;
}

/* The likeness of two vectors of words and names, given their dot products
 * and squared norms (for a document, 1 or 0): the cosine of the words,
 * raised by up to CLU_NAMES_SHARE of itself by the cosine of the names
 * (names alone make no likeness: one town has many stories).  *need is
 * the likeness a join needs: join, or CLU_NO_NAME_FACTOR times it when the
 * two are apart (both name countries, none in common). */
static double likeness(const double dot[2], const double na[2], const double nb[2], double join,
		       int apart, double *need)
{
	double cw = na[0] > 0 && nb[0] > 0 ? dot[0] / sqrt(na[0] * nb[0]) : 0;
	*need = apart ? join * CLU_NO_NAME_FACTOR : join;
	if (!(na[1] > 0 && nb[1] > 0))
		return cw;
	double cn = dot[1] / sqrt(na[1] * nb[1]);
	return cw * (1 + CLU_NAMES_SHARE * cn);
}

/* The dot products of document d with the sums of story s. */
static void dot_story(const corro_clusterer *c, clu_pass *p, const clu_doc *d, size_t s,
		      double dot[2])
{
	const clu_term *t = doc_terms(c, d);
	dot[0] = dot[1] = 0;
	for (size_t k = 0; k < d->nterms; k++)
		dot[p->kind[t[k].id] != CLU_WORD] += t[k].w * story_weight(p, s, t[k].id);
}

/* The squared norms of document d's two vectors (1, or 0 when empty). */
static void doc_norms(const corro_clusterer *c, const clu_doc *d, double n2[2])
{
	const clu_term *t = doc_terms(c, d);
	n2[0] = n2[1] = 0;
	for (size_t k = 0; k < d->nterms; k++)
		n2[c->kind[t[k].id] != CLU_WORD] += (double)t[k].w * t[k].w;
}

static void widen(clu_story *st, int32_t first, int32_t last)
{
	if (first != CLU_UNDATED && (st->first == CLU_UNDATED || first < st->first))
		st->first = first;
	if (last != CLU_UNDATED && (st->last == CLU_UNDATED || last > st->last))
		st->last = last;
}

static int join_story(const corro_clusterer *c, clu_pass *p, const clu_doc *d, size_t s,
		      const double dot[2])
{
	const clu_term *t = doc_terms(c, d);
	double self[2];
	doc_norms(c, d, self);
	for (size_t k = 0; k < d->nterms; k++) {
		int64_t i = story_term(p, s, t[k].id);
		if (i < 0)
			return -1;
		p->cw[i].w += t[k].w;
	}
	clu_story *st = &p->stories[s];
	for (int b = 0; b < 2; b++)
		st->norm2[b] += 2 * dot[b] + self[b];
	st->ndocs++;
	widen(st, d->day, d->day);
	return 0;
}

/* Adds w times the weights of story u for term (all of them, from the
 * term's postings) to the scores of the stories touched; skip is a story
 * left out.  With drop_closed_at, stories closed by then leave the
 * postings (documents come in time order: they stay closed). */
static void score_term(clu_pass *p, uint32_t term, double w, size_t skip, int32_t drop_closed_at)
{
	int b = p->kind[term] != CLU_WORD, country = p->kind[term] == CLU_COUNTRY;
	clu_posting *pl = p->post[term];
	/* a term many stories have (a common word, a big country) is read
	 * only in its newest CLU_POSTINGS_MAX stories, so that a document's
	 * cost does not grow with the number of stories; the best candidates
	 * are then scored exactly */
	uint32_t from = p->npost[term] > CLU_POSTINGS_MAX ? p->npost[term] - CLU_POSTINGS_MAX : 0;
	p->capped |= from > 0;
	for (uint32_t j = from; j < p->npost[term];) {
		uint32_t u = pl[j].story;
		const clu_story *st = &p->stories[u];
		if (drop_closed_at != CLU_UNDATED && closed(st, drop_closed_at) &&
		    drop_closed_at >= st->last) {
			pl[j] = pl[--p->npost[term]];
			continue;
		}
		j++;
		if (u == skip || st->into != u)
			continue;
		if (p->score[u][0] == 0 && p->score[u][1] == 0)
			p->touched[p->ntouched++] = u;
		p->score[u][b] += w * p->cw[pl[j - 1].cw].w + 1e-12;
		p->score[u][2] += country;
	}
}

/* The exact dot products of document d with story s and whether they
 * share a country. */
static int exact_doc(const corro_clusterer *c, clu_pass *p, const clu_doc *d, size_t s,
		     double sc[2])
{
	const clu_term *t = doc_terms(c, d);
	dot_story(c, p, d, s, sc);
	for (size_t k = 0; k < d->nterms; k++)
		if (p->kind[t[k].id] == CLU_COUNTRY && story_weight(p, s, t[k].id) > 0)
			return 1;
	return 0;
}

/* The exact dot products of story a with story u and whether they share a
 * country. */
static int exact_story(clu_pass *p, size_t a, size_t u, double sc[2])
{
	int shared = 0;
	sc[0] = sc[1] = 0;
	for (uint32_t i = p->stories[a].head; i != UINT32_MAX; i = p->cw[i].next) {
		uint32_t term = p->cw[i].term;
		double w = story_weight(p, u, term);
		sc[p->kind[term] != CLU_WORD] += (double)p->cw[i].w * w;
		shared |= p->kind[term] == CLU_COUNTRY && w > 0;
	}
	return shared;
}

/* Does story u with margin m (over what joining needs) beat the best so
 * far (best, with margin bestm; SIZE_MAX: none)?  Ties go to the older
 * story. */
static int beats(double m, size_t u, double bestm, size_t best)
{
	return m >= 0 && (best == SIZE_MAX || m > bestm || (m == bestm && u < best));
}

/* Keeps story u with margin m among the CLU_EXACT of greatest margin
 * (ties: the older story) in top[0..*n). */
static void keep_top(size_t *top, double *tm, size_t *n, size_t u, double m)
{
	size_t k = *n < CLU_EXACT ? (*n)++ : CLU_EXACT;
	if (k == CLU_EXACT) {
		if (m < tm[k - 1] || (m == tm[k - 1] && u > top[k - 1]))
			return;
		k--;
	}
	while (k > 0 && (tm[k - 1] < m || (tm[k - 1] == m && top[k - 1] > u))) {
		top[k] = top[k - 1];
		tm[k] = tm[k - 1];
		k--;
	}
	top[k] = u;
	tm[k] = m;
}

/* The open story most like d, or SIZE_MAX when none is like enough; dot
 * its dot products with d. */
static size_t best_story(const corro_clusterer *c, clu_pass *p, const clu_doc *d, double dot[2])
{
	const clu_term *t = doc_terms(c, d);
	p->ntouched = 0;
	p->capped = 0;
	for (size_t k = 0; k < d->nterms; k++)
		score_term(p, t[k].id, t[k].w, SIZE_MAX, d->day);
	double self[2];
	doc_norms(c, d, self);
	size_t countries = 0, words = 0;
	for (size_t k = 0; k < d->nterms; k++) {
		countries += p->kind[t[k].id] == CLU_COUNTRY;
		words += p->kind[t[k].id] == CLU_WORD;
	}
	/* two long texts share more words by chance than two headlines: a
	 * long one needs more likeness to join */
	double fill = (double)words / CLU_TERMS;
	double join = CLU_JOIN_SHORT + (CLU_JOIN_LONG - CLU_JOIN_SHORT) * (fill < 1 ? fill : 1);
	size_t best = SIZE_MAX, top[CLU_EXACT], ntop = 0;
	double bestm = 0, tm[CLU_EXACT];
	for (size_t i = 0; i < p->ntouched; i++) {
		size_t s = p->touched[i];
		double sc[2] = {p->score[s][0], p->score[s][1]}, need;
		int apart = countries && p->stories[s].countries && !p->score[s][2];
		p->score[s][0] = p->score[s][1] = p->score[s][2] = 0;
		double like = likeness(sc, self, p->stories[s].norm2, join, apart, &need);
		/* the margin over what is needed: ties go to the older story */
		double m = like - need;
		if (p->capped)
			keep_top(top, tm, &ntop, s, m);
		else if (beats(m, s, bestm, best)) {
			bestm = m;
			best = s;
			dot[0] = sc[0];
			dot[1] = sc[1];
		}
	}
	for (size_t i = 0; i < ntop; i++) { /* read in part: the best, exactly */
		size_t s = top[i];
		double sc[2] = {0, 0}, need;
		int apart = countries && p->stories[s].countries && !exact_doc(c, p, d, s, sc);
		double m = likeness(sc, self, p->stories[s].norm2, join, apart, &need) - need;
		if (beats(m, s, bestm, best)) {
			bestm = m;
			best = s;
			dot[0] = sc[0];
			dot[1] = sc[1];
		}
	}
	return best;
}

/* ---- merging ---------------------------------------------------------- */

static int overlap(const clu_story *a, const clu_story *b)
{
	if (a->first == CLU_UNDATED || b->first == CLU_UNDATED)
		return 1;
	return a->first <= b->last + CORRO_STORY_WINDOW_DAYS &&
	       b->first <= a->last + CORRO_STORY_WINDOW_DAYS;
}

/* The story s was merged into, at last. */
static size_t story_root(clu_pass *p, size_t s)
{
	size_t r = s;
	while (p->stories[r].into != r)
		r = p->stories[r].into;
	while (p->stories[s].into != r) {
		size_t n = p->stories[s].into;
		p->stories[s].into = r;
		s = n;
	}
	return r;
}

/* Adds story s into story u. */
static int merge_into(clu_pass *p, size_t s, size_t u)
{
	double dot[2] = {0, 0};
	for (uint32_t i = p->stories[s].head; i != UINT32_MAX; i = p->cw[i].next)
		dot[p->kind[p->cw[i].term] != CLU_WORD] += (double)p->cw[i].w *
							   story_weight(p, u, p->cw[i].term);
	for (uint32_t i = p->stories[s].head; i != UINT32_MAX; i = p->cw[i].next) {
		int64_t k = story_term(p, u, p->cw[i].term);
		if (k < 0)
			return -1;
		p->cw[k].w += p->cw[i].w;
	}
	clu_story *a = &p->stories[s], *b = &p->stories[u];
	for (int k = 0; k < 2; k++)
		b->norm2[k] += a->norm2[k] + 2 * dot[k];
	b->ndocs += a->ndocs;
	widen(b, a->first, a->last);
	a->into = u;
	return 0;
}

/* The live story most like story s whose time overlaps s's (centroid
 * likeness CLU_MERGE or more), or SIZE_MAX. */
static size_t merge_target(clu_pass *p, size_t s)
{
	const clu_story *a = &p->stories[s];
	p->ntouched = 0;
	p->capped = 0;
	for (uint32_t i = a->head; i != UINT32_MAX; i = p->cw[i].next)
		score_term(p, p->cw[i].term, p->cw[i].w, s, CLU_UNDATED);
	size_t best = SIZE_MAX, top[CLU_EXACT], ntop = 0;
	double bestm = 0, tm[CLU_EXACT];
	for (size_t k = 0; k < p->ntouched; k++) {
		size_t u = p->touched[k];
		double sc[2] = {p->score[u][0], p->score[u][1]}, need;
		int apart = a->countries && p->stories[u].countries && !p->score[u][2];
		p->score[u][0] = p->score[u][1] = p->score[u][2] = 0;
		if (!overlap(a, &p->stories[u]))
			continue;
		double like = likeness(sc, a->norm2, p->stories[u].norm2, CLU_MERGE, apart, &need);
		double m = like - need;
		if (p->capped)
			keep_top(top, tm, &ntop, u, m);
		else if (beats(m, u, bestm, best)) {
			bestm = m;
			best = u;
		}
	}
	for (size_t k = 0; k < ntop; k++) { /* read in part: the best, exactly */
		size_t u = top[k];
		double sc[2] = {0, 0}, need;
		int apart = a->countries && p->stories[u].countries && !exact_story(p, s, u, sc);
		double m = likeness(sc, a->norm2, p->stories[u].norm2, CLU_MERGE, apart, &need) -
			   need;
		if (beats(m, u, bestm, best)) {
			bestm = m;
			best = u;
		}
	}
	return best;
}

/* Stories whose centroids are alike merge: the online pass saw each
 * document against the stories as they were when it came, when a story's
 * first documents had not yet shown all its words. */
static corro_status merge_pass(corro_clusterer *c, clu_pass *p)
{
	for (size_t s = 0; s < p->nstories; s++) {
		if (p->stories[s].into != s)
			continue;
		size_t u = merge_target(p, s);
		if (u != SIZE_MAX && merge_into(p, s, u))
			return CORRO_NOMEM;
	}
	for (size_t i = 0; i < c->ndocs; i++)
		c->docs[i].story = story_root(p, c->docs[i].story);
	return CORRO_OK;
}

/* Time order: dated documents by day and time, then the undated; then by
 * id and the order of adding. */
typedef struct clu_when {
	int32_t day, sec;
	const char *id;
	size_t doc;
} clu_when;

static int cmp_time(const void *pa, const void *pb)
{
	const clu_when *a = pa, *b = pb;
	int ua = a->day == CLU_UNDATED, ub = b->day == CLU_UNDATED;
	if (ua != ub)
		return ua - ub;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->sec != b->sec)
		return a->sec < b->sec ? -1 : 1;
	int k = strcmp(a->id, b->id);
	if (k)
		return k;
	return (a->doc > b->doc) - (a->doc < b->doc);
}

/* The documents' indices in time order. */
static size_t *time_order(const corro_clusterer *c)
{
	size_t n = c->ndocs ? c->ndocs : 1;
	clu_when *w = mem_alloc(n * sizeof *w);
	size_t *order = mem_alloc(n * sizeof *order);
	if (!w || !order) {
		mem_free(w);
		mem_free(order);
		return NULL;
	}
	for (size_t i = 0; i < c->ndocs; i++)
		w[i] = (clu_when){c->docs[i].day, c->docs[i].sec, c->docs[i].id, i};
	qsort(w, c->ndocs, sizeof *w, cmp_time);
	for (size_t i = 0; i < c->ndocs; i++)
		order[i] = w[i].doc;
	mem_free(w);
	return order;
}

static void pass_release(clu_pass *p, size_t nvocab)
{
	for (size_t i = 0; p->post && i < nvocab; i++)
		mem_free(p->post[i]);
	mem_free(p->post);
	mem_free(p->npost);
	mem_free(p->cappost);
	mem_free(p->stories);
	mem_free(p->cw);
	hmap_release(&p->cwmap);
	mem_free(p->score);
	mem_free(p->touched);
	mem_free(p->group_story);
}

/* Puts the documents, taken in the order given, in stories. */
static corro_status online_pass(corro_clusterer *c, clu_pass *p, const size_t *order)
{
	size_t n = c->ndocs, nv = c->nvocab ? c->nvocab : 1;
	p->kind = c->kind;
	p->post = mem_alloc(nv * sizeof *p->post);
	if (p->post) /* pass_release frees what it holds */
		memset(p->post, 0, nv * sizeof *p->post);
	p->npost = mem_alloc(nv * sizeof *p->npost);
	p->cappost = mem_alloc(nv * sizeof *p->cappost);
	p->score = mem_alloc(n * sizeof *p->score);
	p->touched = mem_alloc(n * sizeof *p->touched);
	p->group_story = mem_alloc(n * sizeof *p->group_story);
	p->stories = mem_alloc(n * sizeof *p->stories);
	if (!p->post || !p->npost || !p->cappost || !p->score || !p->touched || !p->group_story ||
	    !p->stories)
		return CORRO_NOMEM;
	memset(p->npost, 0, nv * sizeof *p->npost);
	memset(p->cappost, 0, nv * sizeof *p->cappost);
	memset(p->score, 0, n * sizeof *p->score);
	memset(p->group_story, 0, n * sizeof *p->group_story);
	for (size_t k = 0; k < n; k++) {
		clu_doc *d = &c->docs[order[k]];
		size_t s = p->group_story[d->copy];
		double dot[2] = {0, 0};
		if (s) {
			s--; /* a copy goes where its group went */
			dot_story(c, p, d, s, dot);
		} else {
			s = best_story(c, p, d, dot);
		}
		if (s == SIZE_MAX) {
			s = p->nstories++;
			p->stories[s] = (clu_story){
				{0, 0}, CLU_UNDATED, CLU_UNDATED, 0, 0, UINT32_MAX, s};
			dot[0] = dot[1] = 0;
		}
		if (join_story(c, p, d, s, dot))
			return CORRO_NOMEM;
		d->story = s;
		p->group_story[d->copy] = s + 1;
	}
	return CORRO_OK;
}

/* ---- the stories ------------------------------------------------------- */

typedef struct clu_rank {
	size_t story, size, first; /* first: position in time order */
} clu_rank;

static int cmp_rank(const void *pa, const void *pb)
{
	const clu_rank *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return (a->first > b->first) - (a->first < b->first);
}

static void day_string(int32_t day, char *out)
{
	long y, m, d;
	cal_civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	unsigned uy = (unsigned)y % 10000, um = (unsigned)m % 100, ud = (unsigned)d % 100;
	snprintf(out, 11, "%04u-%02u-%02u", uy, um, ud);
}

/* The names most of the story's documents mention, up to CLU_ACTORS. */
static int story_actors(corro_clusterer *c, corro_cluster *o, hmap *count, const char **out)
{
	hmap_clear(count);
	uint32_t top[CLU_ACTORS], topn[CLU_ACTORS];
	size_t ntop = 0;
	for (size_t i = 0; i < o->ndocs; i++) {
		const clu_doc *d = &c->docs[o->docs[i]];
		for (size_t k = 0; k < d->nnames; k++) {
			uint32_t id = c->names[d->name0 + k];
			uint32_t *v = hmap_get(count, (uint64_t)id + 1, 1);
			if (!v)
				return -1;
			uint32_t nv = ++*v;
			/* keep the top list sorted by count, earlier names first on ties */
			size_t at = ntop;
			for (size_t j = 0; j < ntop; j++)
				if (top[j] == id)
					at = j;
			if (at == ntop) {
				if (ntop < CLU_ACTORS)
					ntop++;
				else if (nv <= topn[CLU_ACTORS - 1])
					continue;
				at = ntop - 1;
			}
			top[at] = id;
			topn[at] = nv;
			while (at > 0 && topn[at - 1] < topn[at]) {
				uint32_t t = top[at], tn = topn[at];
				top[at] = top[at - 1];
				topn[at] = topn[at - 1];
				top[at - 1] = t;
				topn[at - 1] = tn;
				at--;
			}
		}
	}
	for (size_t j = 0; j < ntop; j++)
		out[j] = c->namestr[top[j]];
	o->actors = out;
	o->nactors = ntop;
	return 0;
}

/* Distinct outlets and copy groups of a story. */
static int story_sources(corro_clusterer *c, corro_cluster *o, hmap *seen)
{
	hmap_clear(seen);
	o->outlets = o->copies = 0;
	for (size_t i = 0; i < o->ndocs; i++) {
		const clu_doc *d = &c->docs[o->docs[i]];
		uint32_t *g = hmap_get(seen, hmap_mix(d->copy + 1), 1);
		if (!g)
			return -1;
		int new_group = !*g;
		*g = 1;
		o->copies += new_group;
		if (!d->outlet) {
			o->outlets += new_group;
			continue;
		}
		uint32_t *v = hmap_get(seen, hash_bytes(d->outlet, strlen(d->outlet), 4), 1);
		if (!v)
			return -1;
		o->outlets += !*v;
		*v = 1;
	}
	return 0;
}

static corro_status make_stories(corro_clusterer *c, clu_pass *p, const size_t *order)
{
	size_t n = c->ndocs, ns = p->nstories;
	clu_rank *rank = mem_alloc((ns ? ns : 1) * sizeof *rank);
	size_t *at = mem_alloc((ns ? ns : 1) * sizeof *at);
	c->out = mem_alloc((ns ? ns : 1) * sizeof *c->out);
	c->members = mem_alloc((n ? n : 1) * sizeof *c->members);
	c->actors = mem_alloc((ns ? ns : 1) * CLU_ACTORS * sizeof *c->actors);
	c->days = mem_alloc((ns ? ns : 1) * 22);
	hmap tmp = {0};
	corro_status st = CORRO_NOMEM;
	if (!rank || !at || !c->out || !c->members || !c->actors || !c->days)
		goto done;
	/* rank[s] for every story first, then only the live ones, sorted */
	for (size_t s = 0; s < ns; s++)
		rank[s] = (clu_rank){s, p->stories[s].ndocs, SIZE_MAX};
	for (size_t k = 0; k < n; k++) {
		clu_rank *r = &rank[c->docs[order[k]].story];
		if (r->first == SIZE_MAX)
			r->first = k;
	}
	size_t live = 0;
	for (size_t s = 0; s < ns; s++)
		if (p->stories[s].into == s)
			rank[live++] = rank[s];
	ns = live;
	qsort(rank, ns, sizeof *rank, cmp_rank);
	size_t off = 0;
	for (size_t i = 0; i < ns; i++) {
		at[rank[i].story] = i;
		corro_cluster *o = &c->out[i];
		memset(o, 0, sizeof *o);
		o->id = i + 1;
		o->docs = c->members + off;
		off += rank[i].size;
	}
	for (size_t k = 0; k < n; k++) {
		clu_doc *d = &c->docs[order[k]];
		corro_cluster *o = &c->out[at[d->story]];
		((size_t *)o->docs)[o->ndocs++] = order[k];
	}
	for (size_t i = 0; i < ns; i++) {
		corro_cluster *o = &c->out[i];
		size_t s = rank[i].story;
		const clu_story *cs = &p->stories[s];
		double best = -1;
		size_t central = o->docs[0];
		for (size_t j = 0; j < o->ndocs; j++) {
			const clu_doc *d = &c->docs[o->docs[j]];
			double dot[2], self[2], need;
			dot_story(c, p, d, s, dot);
			doc_norms(c, d, self);
			double cosv = likeness(dot, self, cs->norm2, 0, 0, &need) +
				      (d->title ? 2 : 0);
			if (cosv > best) {
				best = cosv;
				central = o->docs[j];
			}
		}
		const clu_doc *cd = &c->docs[central];
		o->title = cd->title ? cd->title : cd->id;
		char *ds = c->days + i * 22;
		if (cs->first != CLU_UNDATED) {
			day_string(cs->first, ds);
			day_string(cs->last, ds + 11);
			o->first = ds;
			o->last = ds + 11;
		}
		if (story_sources(c, o, &tmp) ||
		    story_actors(c, o, &tmp, c->actors + i * CLU_ACTORS))
			goto done;
	}
	for (size_t i = 0; i < n; i++)
		c->docs[i].story = at[c->docs[i].story];
	c->nout = ns;
	st = CORRO_OK;
done:
	hmap_release(&tmp);
	mem_free(rank);
	mem_free(at);
	return st;
}

corro_status corro_clusterer_run(corro_clusterer *c)
{
	if (!c || c->ran)
		return CORRO_INVALID;
	c->ran = 1;
	if (!c->ndocs)
		return CORRO_OK;
	size_t *order = time_order(c);
	if (!order)
		return CORRO_NOMEM;
	corro_status st = copy_groups(c, order);
	if (st != CORRO_OK) {
		mem_free(order);
		return st;
	}
	weigh_terms(c);
	clu_pass p;
	memset(&p, 0, sizeof p);
	st = online_pass(c, &p, order);
	if (st == CORRO_OK)
		st = merge_pass(c, &p);
	if (st == CORRO_OK)
		st = make_stories(c, &p, order);
	pass_release(&p, c->nvocab ? c->nvocab : 1);
	mem_free(order);
	return st;
}

size_t corro_clusterer_doc_count(const corro_clusterer *c)
{
	return c ? c->ndocs : 0;
}

size_t corro_clusterer_story_count(const corro_clusterer *c)
{
	return c ? c->nout : 0;
}

const corro_cluster *corro_clusterer_story(const corro_clusterer *c, size_t i)
{
	return c && i < c->nout ? &c->out[i] : NULL;
}

size_t corro_clusterer_doc_story(const corro_clusterer *c, size_t doc)
{
	return c && c->nout && doc < c->ndocs ? c->docs[doc].story : SIZE_MAX;
}

size_t corro_clusterer_doc_copy(const corro_clusterer *c, size_t doc)
{
	return c && c->ran && doc < c->ndocs ? c->docs[doc].copy : SIZE_MAX;
}

const char *corro_clusterer_doc_id(const corro_clusterer *c, size_t doc)
{
	return c && doc < c->ndocs ? c->docs[doc].id : NULL;
}
