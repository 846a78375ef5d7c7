/* cameo.c: CAMEO event dictionaries in the TABARI/PETRARCH text formats,
 * and the CAMEO -> PLOVER table.
 *
 * Every dictionary phrase is kept as the tokens the tokenizer makes of it,
 * folded (lower case; curly quotes and dashes as the tokenizer folds them),
 * so that matching compares token with token and "U.N." or "Ki-moon" in a
 * dictionary meets the same tokens as in a text.  Phrases are chained by
 * the hash of their first token: a token that starts no phrase costs one
 * fold, one hash and one probe.  A verb's patterns are read only when the
 * verb is found, against a bounded window of tokens around it, so that a
 * sentence costs at most a constant times its length.
 *
 * Reading never trusts the file: a line is copied only up to a fixed
 * length, checked for UTF-8 before the tokenizer sees it, and every
 * bracket, date and code is checked; what cannot be read is reported with
 * its byte offset and skipped. */
#include "cameo.h"
#include "diag.h"
#include "hmap.h"
#include "mem.h"
#include "token.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#define CAMEO_NONE UINT32_MAX
#define CAMEO_LINE_MAX 4096  /* longer lines are reported and skipped */
#define CAMEO_TOK_MAX 120    /* bytes of one folded token (fits a length byte) */
#define CAMEO_PHRASE_TOKS 32 /* tokens of one dictionary phrase */
#define CAMEO_EXPAND_MAX 64  /* phrases one line may expand to */
#define CAMEO_MACROS 32      /* !NAME! substitutions of one file */
#define CAMEO_MACRO_DEPTH 4  /* substitutions within one phrase */
#define CAMEO_WINDOW 48      /* tokens a pattern reads on each side of its verb */
#define CAMEO_PP_GAP 3       /* words allowed inside "(PREP ... NOUN)" */
#define CAMEO_ITEMS 32       /* elements of one pattern group */
#define CAMEO_TMP 256        /* elements inside the groups of one pattern */
#define CAMEO_CAND 16        /* dictionary verbs sharing one form */
#define CAMEO_NAME_MAX 64    /* bytes of a synset's name */
/* A lookup reads at most this many phrases that begin alike, and a verb
 * block at most this many patterns, so that no dictionary can make a token
 * cost more than a constant (the real ones stay far below). */
#define CAMEO_CHAIN_MAX 4096
#define CAMEO_BLOCK_PATS 1024
#define CAMEO_MAX_ENTRIES (UINT32_C(1) << 28) /* indices stay 32 bits */
#define CAMEO_WIN_TOKS (2 * CAMEO_WINDOW + 2 * CAMEO_PHRASE_TOKS)
#define CAMEO_WIN_BYTES 8192
#define CAMEO_BLOOM 16 /* 64-bit words of a set of token hashes */

/* A dictionary phrase: ntok tokens, each a length byte and its folded
 * bytes. */
typedef struct cameo_phr {
	const unsigned char *p;
	uint16_t ntok, len;
	uint32_t h1; /* the low half of its first token's hash */
} cameo_phr;

/* A phrase in a chain of phrases whose first tokens hash alike: an actor
 * name (owner: the actor), a verb form (the verb) or a synset member (the
 * synset). */
typedef struct cameo_ent {
	cameo_phr ph;
	uint32_t owner, next;
	uint32_t depth; /* entries down the chain from this one */
} cameo_ent;

typedef struct cameo_actor {
	uint32_t code0, ncode; /* its codes, contiguous, in file order */
} cameo_actor;

typedef struct cameo_code {
	const char *code;
	long from, to; /* YYYYMMDD, inclusive */
	int dated;
} cameo_code;

typedef struct cameo_verb {
	uint32_t block;
	const char *code; /* NULL: the block's */
} cameo_verb;

typedef struct cameo_block {
	const char *code;
	uint32_t pat0, npat; /* its patterns, contiguous */
} cameo_block;

enum { CAMEO_EL_WORD, CAMEO_EL_SYN, CAMEO_EL_SEQ, CAMEO_EL_PP };

/* One element of a pattern.  WORD: n alternatives from alt[a] ("A/B");
 * SYN: synset a; SEQ ({A B}, A_B): n children from el[a], consecutive;
 * PP ((PREP A B)): n children, the first at the start and the others
 * within CAMEO_PP_GAP words of the one before. */
typedef struct cameo_el {
	uint8_t kind;
	uint8_t anchor; /* must touch the verb (IN_*, *_OUT) */
	uint16_t n;
	uint32_t a;
} cameo_el;

typedef struct cameo_pat {
	const char *code;
	uint32_t el0; /* npre elements before the verb, then npost */
	uint16_t npre, npost;
} cameo_pat;

typedef struct cameo_syn {
	const char *name; /* folded, without '&' and trailing '_' */
	int noplural;
	uint64_t first[CAMEO_BLOOM]; /* the first tokens of its members */
} cameo_syn;

struct corro_cameo {
	arena a; /* phrase bytes, codes, names */
	cameo_ent *aph;
	size_t naph, caph;
	cameo_actor *act;
	size_t nact, cact;
	cameo_code *code;
	size_t ncode, ccode;
	hmap amap; /* first token -> actor phrases (index + 1) */
	cameo_ent *form;
	size_t nform, cform;
	hmap vmap; /* first token -> verb forms */
	cameo_verb *verb;
	size_t nverb, cverb;
	cameo_block *block;
	size_t nblock, cblock;
	cameo_pat *pat;
	size_t npat, cpat;
	cameo_el *el;
	size_t nel, cel;
	cameo_phr *alt;
	size_t nalt, calt;
	cameo_ent *mem;
	size_t nmem, cmem;
	hmap smap; /* synset and first token -> members */
	cameo_syn *syn;
	size_t nsyn, csyn;
	hmap synmap; /* name -> synset */
};

/* Room for one more element in a vector whose indices must fit 32 bits. */
#define CAMEO_ROOM(ptr, n, cap) ((n) < CAMEO_MAX_ENTRIES && VEC_GROW(ptr, n, cap, *(ptr)) == 0)

/* ---- folding and hashing ---- */

/* Sets of token hashes (Bloom filters with one bit per token, taken from
 * bits the hash map's slots do not use) let a pattern or a synset that
 * cannot match be skipped without reading. */
static void cameo_bloom_add(uint64_t *bloom, uint64_t h)
{
	unsigned b = (unsigned)((uint32_t)h >> 22);
	bloom[b >> 6] |= UINT64_C(1) << (b & 63);
}

static int cameo_bloom_has(const uint64_t *bloom, uint64_t h)
{
	unsigned b = (unsigned)((uint32_t)h >> 22);
	return (bloom[b >> 6] >> (b & 63)) & 1;
}

static uint64_t cameo_hash(const unsigned char *s, size_t n)
{
	uint64_t h = UINT64_C(1469598103934665603);
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= UINT64_C(1099511628211);
	}
	/* The map takes its slot from the low bits: mix the high ones in. */
	h ^= h >> 29;
	return h ? h : 1;
}

/* The key of a synset member: its synset and its first token. */
static uint64_t cameo_skey(uint64_t h, uint32_t syn)
{
	uint64_t k = h ^ ((uint64_t)(syn + 1) * UINT64_C(0x9E3779B97F4A7C15));
	k ^= k >> 31;
	k *= UINT64_C(0xBF58476D1CE4E5B9);
	k ^= k >> 27;
	return k ? k : 1;
}

static uint32_t cameo_fold_cp(uint32_t cp)
{
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201B:
	case 0x2032: return '\'';
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2212: return '-';
	default: return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
	}
}

/* Writes token t folded for matching: lower case, and punctuation as the
 * tokenizer folded it.  Returns the length, or 0 when it passes cap. */
static size_t cameo_fold(const char *text, const tok *t, unsigned char *out, size_t cap)
{
	if (t->type == TK_PUNCT) {
		utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cameo_fold_cp(t->cp),
							  out);
		return k > 0 ? (size_t)k : 0;
	}
	const unsigned char *s = (const unsigned char *)text + t->start;
	size_t n = t->end - t->start, j = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			if (j >= cap)
				return 0;
			unsigned char ch = s[i++];
			out[j++] = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch + 32) : ch;
			continue;
		}
		uint32_t cp;
		i += tok_decode(s + i, n - i, &cp);
		if (j + 4 > cap)
			return 0;
		utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cameo_fold_cp(cp),
							  out + j);
		j += k > 0 ? (size_t)k : 0;
	}
	return j;
}

/* ---- a window of folded text tokens ---- */

/* The tokens a lookup may read, folded once and only when first read. */
typedef struct cameo_win {
	const char *text;
	const tok *t;
	size_t lo, hi, filled, used;
	uint16_t off[CAMEO_WIN_TOKS], len[CAMEO_WIN_TOKS];
	uint64_t h[CAMEO_WIN_TOKS];
	unsigned char b[CAMEO_WIN_BYTES];
} cameo_win;

static void cameo_win_init(cameo_win *w, const lex_view *v, size_t lo, size_t hi)
{
	w->text = v->text;
	w->t = v->t;
	w->lo = lo;
	w->hi = hi - lo > CAMEO_WIN_TOKS ? lo + CAMEO_WIN_TOKS : hi;
	w->filled = lo;
	w->used = 0;
}

/* The folded bytes of token q (lo <= q < hi), or NULL for a token too long
 * to match anything. */
static const unsigned char *cameo_win_tok(cameo_win *w, size_t q, size_t *len)
{
	while (w->filled <= q) {
		size_t k = w->filled - w->lo, n = 0;
		if (w->used + CAMEO_TOK_MAX <= sizeof w->b)
			n = cameo_fold(w->text, &w->t[w->filled], w->b + w->used, CAMEO_TOK_MAX);
		w->off[k] = (uint16_t)w->used;
		if (n) {
			w->len[k] = (uint16_t)n;
			w->h[k] = cameo_hash(w->b + w->used, n);
			w->used += n;
		} else {
			w->len[k] = UINT16_MAX;
			w->h[k] = 0;
		}
		w->filled++;
	}
	size_t k = q - w->lo;
	if (w->len[k] == UINT16_MAX)
		return NULL;
	*len = w->len[k];
	return w->b + w->off[k];
}

/* Text tokens that phrase ph matches from token q, before lim (0: none).
 * A hyphen between two words may be missing on either side, so that "Ban
 * Ki-moon" matches BAN_KI_MOON and "al Qaeda" matches AL-QAEDA. */
static size_t cameo_phr_fuzzy(cameo_win *w, size_t q, size_t lim, const cameo_phr *ph,
			      size_t *skips)
{
	const unsigned char *d = ph->p;
	size_t k = 0, p = q;
	while (k < ph->ntok) {
		size_t dl = d[0];
		int dhy = dl == 1 && d[1] == '-';
		if (p < lim) {
			size_t tl;
			const unsigned char *s = cameo_win_tok(w, p, &tl);
			if (!k && (!s || (uint32_t)w->h[p - w->lo] != ph->h1))
				return 0;
			if (s && tl == dl && memcmp(s, d + 1, dl) == 0) {
				p++;
				k++;
				d += 1 + dl;
				continue;
			}
			if (k > 0 && !dhy && s && tl == 1 && s[0] == '-') {
				p++;
				(*skips)++;
				continue;
			}
		}
		if (k > 0 && dhy && k + 1 < ph->ntok) {
			k++;
			d += 2;
			(*skips)++;
			continue;
		}
		return 0;
	}
	return p - q;
}

static size_t cameo_phr_at(cameo_win *w, size_t q, size_t lim, const cameo_phr *ph)
{
	size_t skips = 0;
	return cameo_phr_fuzzy(w, q, lim, ph, &skips);
}

/* ---- actors ---- */

/* The code in force on date (YYYYMMDD, 0: unknown): the first dated code
 * that covers it, else the undated one, else the last one listed. */
static const char *cameo_code_on(const corro_cameo *c, const cameo_actor *a, long date)
{
	const cameo_code *k = c->code + a->code0;
	const char *undated = NULL;
	for (uint32_t j = 0; j < a->ncode; j++) {
		if (!k[j].dated) {
			if (!undated)
				undated = k[j].code;
		} else if (date > 0 && k[j].from <= date && date <= k[j].to) {
			return k[j].code;
		}
	}
	if (date > 0 && undated)
		return undated;
	return k[a->ncode - 1].code;
}

const char *cameo_actor_at(const corro_cameo *c, const lex_view *v, size_t i, size_t lim, long date,
			   size_t *len)
{
	if (len)
		*len = 0;
	if (!c || !v || lim > v->n || i >= lim || !c->amap.n)
		return NULL;
	cameo_win w;
	cameo_win_init(&w, v, i, lim);
	size_t fl;
	const unsigned char *f = cameo_win_tok(&w, i, &fl);
	if (!f)
		return NULL;
	/* Probing never writes: the cast keeps hmap's one signature. */
	const uint32_t *slot = hmap_get((hmap *)&c->amap, cameo_hash(f, fl), 0);
	if (!slot || !*slot)
		return NULL;
	size_t best = 0, bskips = 0;
	uint32_t bi = CAMEO_NONE;
	/* Of two phrases as long in the text, the one that needed fewer
	 * hyphens left out wins, then the one read first: the chain runs from
	 * the last phrase read to the first. */
	for (uint32_t e = *slot - 1; e != CAMEO_NONE; e = c->aph[e].next) {
		const cameo_ent *a = &c->aph[e];
		if (!c->act[a->owner].ncode)
			continue;
		size_t skips = 0, m = cameo_phr_fuzzy(&w, i, w.hi, &a->ph, &skips);
		if (m && (m > best || (m == best && skips < bskips) ||
			  (m == best && skips == bskips && e < bi))) {
			best = m;
			bskips = skips;
			bi = e;
		}
	}
	if (bi == CAMEO_NONE)
		return NULL;
	if (len)
		*len = best;
	return cameo_code_on(c, &c->act[c->aph[bi].owner], date);
}

/* ---- verbs and patterns ---- */

typedef struct cameo_ctx {
	const corro_cameo *c;
	cameo_win *w;
	size_t wlo, whi;             /* the window around the verb */
	uint64_t bloom[CAMEO_BLOOM]; /* its tokens */
} cameo_ctx;

/* Whether e may match in the window: its words, or one member of its
 * synset, begin with tokens the window has. */
static int cameo_el_may(const cameo_ctx *x, const cameo_el *e)
{
	const corro_cameo *c = x->c;
	switch (e->kind) {
	case CAMEO_EL_WORD:
		for (uint16_t k = 0; k < e->n; k++) {
			if (cameo_bloom_has(x->bloom, c->alt[e->a + k].h1))
				return 1;
		}
		return 0;
	case CAMEO_EL_SYN:
		for (size_t k = 0; k < CAMEO_BLOOM; k++)
			if (c->syn[e->a].first[k] & x->bloom[k])
				return 1;
		return 0;
	default:
		for (uint16_t k = 0; k < e->n; k++)
			if (!cameo_el_may(x, &c->el[e->a + k]))
				return 0;
		return 1;
	}
}

/* Tokens element e matches from token s, before lim (0: none); adds the
 * words it matched to *words. */
static size_t cameo_el_at(const cameo_ctx *x, const cameo_el *e, size_t s, size_t lim,
			  size_t *words)
{
	const corro_cameo *c = x->c;
	size_t best = 0, sum = 0, p;
	switch (e->kind) {
	case CAMEO_EL_WORD:
		for (uint16_t k = 0; k < e->n; k++) {
			size_t m = cameo_phr_at(x->w, s, lim, &c->alt[e->a + k]);
			if (m > best)
				best = m;
		}
		break;
	case CAMEO_EL_SYN: {
		size_t tl;
		if (s >= lim || !cameo_win_tok(x->w, s, &tl))
			return 0;
		uint64_t h = x->w->h[s - x->w->lo];
		if (!cameo_bloom_has(c->syn[e->a].first, h))
			return 0;
		uint64_t key = cameo_skey(h, e->a);
		const uint32_t *slot = hmap_get((hmap *)&c->smap, key, 0);
		if (!slot || !*slot)
			return 0;
		for (uint32_t j = *slot - 1; j != CAMEO_NONE; j = c->mem[j].next) {
			if (c->mem[j].owner != e->a)
				continue;
			size_t m = cameo_phr_at(x->w, s, lim, &c->mem[j].ph);
			if (m > best)
				best = m;
		}
		break;
	}
	case CAMEO_EL_SEQ:
		p = s;
		for (uint16_t k = 0; k < e->n; k++) {
			size_t m = cameo_el_at(x, &c->el[e->a + k], p, lim, &sum);
			if (!m)
				return 0;
			p += m;
		}
		*words += sum;
		return p - s;
	case CAMEO_EL_PP:
		p = s;
		for (uint16_t k = 0; k < e->n; k++) {
			/* The preposition opens the phrase; the words after it
			 * may have a determiner or an adjective between them. */
			size_t last = k ? p + CAMEO_PP_GAP + 1 : p + 1, m = 0, t;
			for (t = p; t < last && t < lim; t++) {
				size_t wd = 0;
				m = cameo_el_at(x, &c->el[e->a + k], t, lim, &wd);
				if (m) {
					sum += wd;
					break;
				}
			}
			if (!m)
				return 0;
			p = t + m;
		}
		*words += sum;
		return p - s;
	}
	*words += best;
	return best;
}

/* The first place at or after s where e matches before lim (only s when
 * anchored): sets *at and returns the match's length, 0 when none. */
static size_t cameo_find(const cameo_ctx *x, const cameo_el *e, size_t s, size_t lim, size_t *at,
			 size_t *words)
{
	size_t last = e->anchor ? s + 1 : lim;
	for (size_t t = s; t < last && t < lim; t++) {
		size_t wd = 0, m = cameo_el_at(x, e, t, lim, &wd);
		if (m) {
			*at = t;
			*words += wd;
			return m;
		}
	}
	return 0;
}

/* The last place before q where e matches and ends by q (ends at q when
 * anchored). */
static size_t cameo_find_back(const cameo_ctx *x, const cameo_el *e, size_t lo, size_t q,
			      size_t *at, size_t *words)
{
	for (size_t t = q; t-- > lo;) {
		if (e->anchor && q - t > 2 * CAMEO_PHRASE_TOKS)
			break;
		size_t wd = 0, m = cameo_el_at(x, e, t, q, &wd);
		if (m && (!e->anchor || t + m == q)) {
			*at = t;
			*words += wd;
			return m;
		}
	}
	return 0;
}

/* Whether pattern p matches around the verb [vs, ve): the words before "*"
 * in order before the verb, those after it in order after.  Sets the words
 * matched and the token after the last word matched after the verb. */
static int cameo_pat_eval(const cameo_ctx *x, const cameo_pat *p, size_t vs, size_t ve,
			  size_t *words, size_t *obj)
{
	const cameo_el *e = x->c->el + p->el0;
	size_t q = vs, sum = 0, at = 0;
	for (size_t k = 0; k < (size_t)p->npre + p->npost; k++)
		if (!cameo_el_may(x, &e[k]))
			return 0;
	for (size_t k = p->npre; k-- > 0;) {
		if (!cameo_find_back(x, &e[k], x->wlo, q, &at, &sum))
			return 0;
		q = at;
	}
	q = ve;
	for (size_t k = 0; k < p->npost; k++) {
		size_t m = cameo_find(x, &e[p->npre + k], q, x->whi, &at, &sum);
		if (!m)
			return 0;
		q = at + m;
	}
	*words = sum;
	*obj = q;
	return 1;
}

int cameo_verb_at(const corro_cameo *c, const lex_view *v, size_t i, size_t lo, size_t lim,
		  size_t *len, const char **code, size_t *obj)
{
	if (!c || !v || lim > v->n || i >= lim || lo > i || !c->vmap.n)
		return 0;
	unsigned char f[CAMEO_TOK_MAX + 4];
	size_t fl = cameo_fold(v->text, &v->t[i], f, CAMEO_TOK_MAX);
	if (!fl)
		return 0;
	const uint32_t *slot = hmap_get((hmap *)&c->vmap, cameo_hash(f, fl), 0);
	if (!slot || !*slot)
		return 0;
	size_t wlo = i - (i - lo > CAMEO_WINDOW ? CAMEO_WINDOW : i - lo);
	cameo_win w;
	cameo_win_init(&w, v, wlo, lim);

	/* The longest form at i; all the verbs that have it. */
	size_t vlen = 0, ncand = 0;
	uint32_t cand[CAMEO_CAND];
	for (uint32_t e = *slot - 1; e != CAMEO_NONE; e = c->form[e].next) {
		size_t m = cameo_phr_at(&w, i, w.hi, &c->form[e].ph);
		if (!m || m < vlen)
			continue;
		if (m > vlen) {
			vlen = m;
			ncand = 0;
		}
		if (ncand < CAMEO_CAND)
			cand[ncand++] = e;
	}
	if (!vlen)
		return 0;
	uint32_t first = cand[0];
	for (size_t k = 1; k < ncand; k++)
		if (cand[k] < first)
			first = cand[k];

	cameo_ctx x;
	x.c = c;
	x.w = &w;
	x.wlo = wlo;
	x.whi = w.hi;
	if (x.whi > i + vlen + CAMEO_WINDOW)
		x.whi = i + vlen + CAMEO_WINDOW;
	memset(x.bloom, 0, sizeof x.bloom);
	for (size_t q = wlo; q < x.whi; q++) {
		size_t tl;
		if (cameo_win_tok(&w, q, &tl))
			cameo_bloom_add(x.bloom, w.h[q - wlo]);
	}

	const cameo_pat *best = NULL;
	size_t bwords = 0, bobj = i + vlen;
	uint32_t seen[CAMEO_CAND];
	size_t nseen = 0;
	for (size_t k = 0; k < ncand; k++) {
		uint32_t b = c->verb[c->form[cand[k]].owner].block, j;
		for (j = 0; j < nseen && seen[j] != b; j++)
			;
		if (j < nseen)
			continue;
		seen[nseen++] = b;
		const cameo_block *bl = &c->block[b];
		for (uint32_t p = bl->pat0; p < bl->pat0 + bl->npat; p++) {
			const cameo_pat *pt = &c->pat[p];
			size_t wd, ob;
			if (!cameo_pat_eval(&x, pt, i, i + vlen, &wd, &ob))
				continue;
			if (!best || wd > bwords || (wd == bwords && pt < best)) {
				best = pt;
				bwords = wd;
				bobj = ob;
			}
		}
	}
	if (len)
		*len = vlen;
	if (obj)
		*obj = best ? bobj : i + vlen;
	if (code) {
		const cameo_verb *vb = &c->verb[c->form[first].owner];
		*code = best ? best->code : vb->code ? vb->code : c->block[vb->block].code;
	}
	return 1;
}

/* ---- the CAMEO -> PLOVER table ---- */

const char *corro_cameo_plover(const char *code)
{
	/* The PLOVER type of each CAMEO root; 02 (appeals) joins REQUEST as
	 * the PLOVER manual merges them, 01 (statements) has none. */
	static const char *const root[21] = {
		NULL,      NULL,       "REQUEST",  "AGREE",   "CONSULT", "SUPPORT", "COOPERATE",
		"AID",     "CONCEDE",  "ACCUSE",   "REQUEST", "ACCUSE",  "REJECT",  "THREATEN",
		"PROTEST", "MOBILIZE", "SANCTION", "COERCE",  "ASSAULT", "ASSAULT", "ASSAULT"};
	if (!code)
		return NULL;
	size_t n = 0;
	while (n < 5 && code[n] >= '0' && code[n] <= '9')
		n++;
	if (n < 2 || n > 4 || code[n] != '\0')
		return NULL;
	int r = (code[0] - '0') * 10 + (code[1] - '0');
	if (r < 1 || r > 20)
		return NULL;
	char d3 = n >= 3 ? code[2] : 0, d4 = n >= 4 ? code[3] : 0;
	/* The sub-codes CAMEO2PLOVER moves out of their root's type. */
	switch (r) {
	case 8:
		if ((d3 >= '4' && d3 <= '7') || (d3 == '1' && (d4 == '3' || d4 == '4')))
			return "RETREAT";
		break;
	case 16:
		if (d3 == '3')
			return "COERCE";
		break;
	case 17:
		if (d3 == '5' || (d3 == '1' && d4 == '2'))
			return "ASSAULT";
		break;
	case 19:
		if (d3 == '1' || d3 == '2')
			return "COERCE";
		break;
	default: break;
	}
	return root[r];
}

/* ---- the set ---- */

corro_status corro_cameo_new(corro_cameo **out)
{
	if (!out)
		return CORRO_INVALID;
	*out = NULL;
	corro_cameo *c = mem_alloc(sizeof *c);
	if (!c)
		return CORRO_NOMEM;
	memset(c, 0, sizeof *c);
	arena_init(&c->a);
	*out = c;
	return CORRO_OK;
}

void corro_cameo_free(corro_cameo *c)
{
	if (!c)
		return;
	arena_release(&c->a);
	mem_free(c->aph);
	mem_free(c->act);
	mem_free(c->code);
	hmap_release(&c->amap);
	mem_free(c->form);
	hmap_release(&c->vmap);
	mem_free(c->verb);
	mem_free(c->block);
	mem_free(c->pat);
	mem_free(c->el);
	mem_free(c->alt);
	mem_free(c->mem);
	hmap_release(&c->smap);
	mem_free(c->syn);
	hmap_release(&c->synmap);
	mem_free(c);
}

/* ---- reading ---- */

enum { CAMEO_M_NONE, CAMEO_M_SYN, CAMEO_M_BLOCK };

typedef struct cameo_macro {
	const char *name; /* with its '!'s */
	size_t nlen;
	const char *alt[CAMEO_EXPAND_MAX];
	size_t alen[CAMEO_EXPAND_MAX];
	size_t nalt;
} cameo_macro;

/* What one load needs besides the set. */
typedef struct cameo_load {
	corro_cameo *c;
	const char *name;
	corro_diag_fn diag;
	void *ud;
	long long off;  /* of the current line */
	int in_comment; /* inside <!-- --> */
	tok_list toks;  /* scratch for the tokenizer */
	arena la;       /* this load's macros */
	char line[CAMEO_LINE_MAX + 1];
	/* verbs */
	int mode;
	uint32_t syn, block;
	int syn_noplural;
	/* actors */
	uint32_t actor; /* the entry code lines add to, or CAMEO_NONE */
	long long actor_off;
	int agent; /* its code has '~': names get plurals */
	cameo_macro *mac;
	size_t nmac;
	size_t expanded; /* phrases the current line gave */
} cameo_load;

static void cameo_warn(cameo_load *L, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static void cameo_warn(cameo_load *L, const char *fmt, ...)
{
	if (!L->diag)
		return;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_report(L->diag, L->ud, CORRO_WARNING, L->name, L->off, "%s", msg);
}

static int cameo_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

static void cameo_trim(const char **s, size_t *n)
{
	while (*n && cameo_space(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && cameo_space((*s)[*n - 1]))
		(*n)--;
}

static int cameo_utf8_ok(const char *s, size_t n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	for (size_t i = 0; i < n;) {
		if (p[i] && p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp == 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* Copies one line into L->line without its comments: <!-- ... --> (also
 * over several lines), and "#" or ";" to the end of the line.  Returns -1
 * when what is left is longer than CAMEO_LINE_MAX. */
static int cameo_strip(cameo_load *L, const char *s, size_t n, size_t *out)
{
	size_t i = 0, j = 0;
	int over = 0;
	while (i < n) {
		if (L->in_comment) {
			while (i + 2 < n && !(s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>'))
				i++;
			if (i + 2 >= n)
				break;
			i += 3;
			L->in_comment = 0;
			continue;
		}
		char ch = s[i];
		if (ch == '<' && n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			L->in_comment = 1;
			i += 4;
			continue;
		}
		if (ch == '#' || ch == ';')
			break;
		if (j < CAMEO_LINE_MAX)
			L->line[j++] = ch;
		else
			over = 1;
		i++;
	}
	L->line[j] = '\0';
	*out = j;
	return over ? -1 : 0;
}

/* Turns a phrase whose words are separated by spaces into its stored
 * form.  Returns 0, 1 when it cannot be a phrase (no token, too many, a
 * token too long), or -1 when memory runs out. */
static int cameo_phrase(cameo_load *L, const char *s, size_t n, cameo_phr *out)
{
	unsigned char tmp[CAMEO_PHRASE_TOKS * (CAMEO_TOK_MAX + 1)];
	L->toks.n = 0;
	if (tok_split(&L->toks, s, n))
		return -1;
	if (L->toks.n == 0 || L->toks.n > CAMEO_PHRASE_TOKS)
		return 1;
	size_t len = 0;
	for (size_t k = 0; k < L->toks.n; k++) {
		size_t m = cameo_fold(s, &L->toks.v[k], tmp + len + 1, CAMEO_TOK_MAX);
		if (!m)
			return 1;
		tmp[len] = (unsigned char)m;
		len += 1 + m;
	}
	unsigned char *p = arena_alloc(&L->c->a, len);
	if (!p)
		return -1;
	memcpy(p, tmp, len);
	out->p = p;
	out->ntok = (uint16_t)L->toks.n;
	out->len = (uint16_t)len;
	out->h1 = (uint32_t)cameo_hash(p + 1, p[0]);
	return 0;
}

/* Copies a dictionary phrase with '_' as a space (and '+', which marks the
 * verb of a multi-word verb, dropped when drop_plus). */
static size_t cameo_words(const char *s, size_t n, char *out, int drop_plus)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+' && drop_plus)
			continue;
		out[j++] = s[i] == '_' ? ' ' : s[i];
	}
	out[j] = '\0';
	return j;
}

/* Adds a phrase (words separated by spaces or '_') to a chain map.
 * Returns 0, 1 when it is no phrase, 2 when too many phrases begin with
 * its first word, -1 when memory runs out. */
static int cameo_add(cameo_load *L, const char *s, size_t n, cameo_ent **vec, size_t *nv,
		     size_t *cv, hmap *m, uint32_t owner, int syn)
{
	char w[CAMEO_LINE_MAX + 1];
	if (n > CAMEO_LINE_MAX)
		return 1;
	size_t wl = cameo_words(s, n, w, 1);
	cameo_phr ph;
	int r = cameo_phrase(L, w, wl, &ph);
	if (r)
		return r;
	if (!CAMEO_ROOM(*vec, *nv, *cv))
		return -1;
	uint64_t h = cameo_hash(ph.p + 1, ph.p[0]);
	uint32_t *slot = hmap_get(m, syn ? cameo_skey(h, owner) : h, 1);
	if (!slot)
		return -1;
	uint32_t depth = *slot ? (*vec)[*slot - 1].depth + 1 : 1;
	if (depth > CAMEO_CHAIN_MAX)
		return 2;
	if (syn)
		cameo_bloom_add(L->c->syn[owner].first, h);
	cameo_ent *e = &(*vec)[*nv];
	e->ph = ph;
	e->owner = owner;
	e->next = *slot ? *slot - 1 : CAMEO_NONE;
	e->depth = depth;
	*slot = (uint32_t)(*nv + 1);
	(*nv)++;
	return 0;
}

static void cameo_add_warn(cameo_load *L, int r, const char *what)
{
	if (r == 2)
		cameo_warn(L,
			   "more than %d phrases begin with this word; this "
			   "one is left out",
			   CAMEO_CHAIN_MAX);
	else
		cameo_warn(L, "%s", what);
}

/* ---- English forms ---- */

static char cameo_lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
}

static int cameo_vowel(char ch)
{
	ch = cameo_lower(ch);
	return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

static int cameo_letter(char ch)
{
	ch = cameo_lower(ch);
	return ch >= 'a' && ch <= 'z';
}

/* Ends consonant-vowel-consonant ("ban", "admit"): the consonant may double. */
static int cameo_cvc(const char *w, size_t n)
{
	if (n < 3)
		return 0;
	char a = cameo_lower(w[n - 1]);
	if (!cameo_letter(a) || cameo_vowel(a) || a == 'w' || a == 'x' || a == 'y')
		return 0;
	return cameo_vowel(w[n - 2]) && cameo_letter(w[n - 3]) && !cameo_vowel(w[n - 3]);
}

enum { CAMEO_F_NOUN_S, CAMEO_F_VERB_S, CAMEO_F_ED, CAMEO_F_ING };

static int cameo_ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (cameo_lower(w[n - k + i]) != suf[i])
			return 0;
	return 1;
}

/* The regular forms of word w (at most two: "banned" and "baned" when
 * doubling cannot be decided) into out[0..], each at most n + 4 bytes.
 * Returns how many. */
static int cameo_inflect(const char *w, size_t n, int kind, char out[2][CAMEO_TOK_MAX + 8],
			 size_t len[2])
{
	int cy = n >= 2 && cameo_lower(w[n - 1]) == 'y' && !cameo_vowel(w[n - 2]);
	int k = 0;
	const char *suf = "";
	size_t keep = n;
	if (n == 0 || n > CAMEO_TOK_MAX)
		return 0;
	switch (kind) {
	case CAMEO_F_NOUN_S:
	case CAMEO_F_VERB_S:
		if (cameo_ends(w, n, "s") && kind == CAMEO_F_NOUN_S && !cameo_ends(w, n, "ss"))
			return 0; /* already a plural, or a word like "news" */
		if (cameo_ends(w, n, "s") || cameo_ends(w, n, "x") || cameo_ends(w, n, "z") ||
		    cameo_ends(w, n, "ch") || cameo_ends(w, n, "sh"))
			suf = "es";
		else if (cy)
			keep = n - 1, suf = "ies";
		else
			suf = "s";
		break;
	case CAMEO_F_ED:
		if (cameo_ends(w, n, "e"))
			suf = "d";
		else if (cy)
			keep = n - 1, suf = "ied";
		else
			suf = "ed";
		break;
	case CAMEO_F_ING:
		if (cameo_ends(w, n, "ie"))
			keep = n - 2, suf = "ying";
		else if (n > 2 && cameo_ends(w, n, "e") && !cameo_ends(w, n, "ee") &&
			 !cameo_ends(w, n, "ye") && !cameo_ends(w, n, "oe"))
			keep = n - 1, suf = "ing";
		else
			suf = "ing";
		break;
	}
	size_t sl = strlen(suf);
	memcpy(out[k], w, keep);
	memcpy(out[k] + keep, suf, sl);
	len[k] = keep + sl;
	k++;
	if ((kind == CAMEO_F_ED || kind == CAMEO_F_ING) && keep == n && cameo_cvc(w, n)) {
		memcpy(out[k], w, n);
		out[k][n] = w[n - 1];
		memcpy(out[k] + n + 1, suf, sl);
		len[k] = n + 1 + sl;
		k++;
	}
	return k;
}

/* Calls fn on phrase s[0..n) with word [ws, we) replaced by each regular
 * form of kind. */
static int cameo_each_form(cameo_load *L, const char *s, size_t n, size_t ws, size_t we, int kind,
			   int (*fn)(cameo_load *, const char *, size_t, void *), void *arg)
{
	char f[2][CAMEO_TOK_MAX + 8], out[CAMEO_LINE_MAX + CAMEO_TOK_MAX + 16];
	size_t fl[2];
	int nf = cameo_inflect(s + ws, we - ws, kind, f, fl);
	for (int k = 0; k < nf; k++) {
		if (n - (we - ws) + fl[k] > CAMEO_LINE_MAX)
			continue;
		memcpy(out, s, ws);
		memcpy(out + ws, f[k], fl[k]);
		memcpy(out + ws + fl[k], s + we, n - we);
		int r = fn(L, out, ws + fl[k] + n - we, arg);
		if (r < 0)
			return r;
	}
	return 0;
}

/* The last word of a phrase (for its plural): [*ws, *we). */
static int cameo_last_word(const char *s, size_t n, size_t *ws, size_t *we)
{
	size_t e = n;
	while (e && (s[e - 1] == '_' || s[e - 1] == ' '))
		e--;
	size_t b = e;
	while (b && s[b - 1] != '_' && s[b - 1] != ' ')
		b--;
	*ws = b;
	*we = e;
	return e > b;
}

/* ---- verb dictionaries ---- */

static int cameo_syn_find(const corro_cameo *c, const char *name, size_t n, uint32_t *id,
			  uint64_t *keyp)
{
	char low[CAMEO_LINE_MAX + 1];
	for (size_t i = 0; i < n; i++)
		low[i] = cameo_lower(name[i]);
	uint64_t key = cameo_hash((const unsigned char *)low, n);
	for (;;) {
		const uint32_t *slot = hmap_get((hmap *)&c->synmap, key, 0);
		if (!slot || !*slot)
			break;
		const char *have = c->syn[*slot - 1].name;
		if (strlen(have) == n && memcmp(have, low, n) == 0) {
			*id = *slot - 1;
			return 1;
		}
		key = key + 1 ? key + 1 : 1;
	}
	*keyp = key;
	return 0;
}

/* A synset name without '&' and a trailing '_'. */
static void cameo_syn_name(const char **s, size_t *n, int *noplural)
{
	if (*n && **s == '&') {
		(*s)++;
		(*n)--;
	}
	*noplural = 0;
	while (*n && (*s)[*n - 1] == '_') {
		(*n)--;
		*noplural = 1;
	}
}

static int cameo_syn_line(cameo_load *L, const char *s, size_t n)
{
	corro_cameo *c = L->c;
	size_t e = 0;
	while (e < n && !cameo_space(s[e]))
		e++;
	int noplural;
	size_t nl = e;
	cameo_syn_name(&s, &nl, &noplural);
	if (!nl || nl > CAMEO_NAME_MAX) {
		if (nl)
			cameo_warn(L, "a synset name longer than %d bytes", CAMEO_NAME_MAX);
		else
			cameo_warn(L, "a synset without a name");
		L->mode = CAMEO_M_NONE;
		return 0;
	}
	uint32_t id;
	uint64_t key;
	if (!cameo_syn_find(c, s, nl, &id, &key)) {
		if (!CAMEO_ROOM(c->syn, c->nsyn, c->csyn))
			return -1;
		char *name = arena_strndup(&c->a, s, nl);
		uint32_t *slot = hmap_get(&c->synmap, key, 1);
		if (!name || !slot)
			return -1;
		for (size_t i = 0; i < nl; i++)
			name[i] = cameo_lower(name[i]);
		id = (uint32_t)c->nsyn;
		memset(&c->syn[id], 0, sizeof c->syn[id]);
		c->syn[id].name = name;
		c->syn[id].noplural = noplural;
		*slot = id + 1;
		c->nsyn++;
	}
	L->mode = CAMEO_M_SYN;
	L->syn = id;
	L->syn_noplural = c->syn[id].noplural;
	return 0;
}

static int cameo_add_member(cameo_load *L, const char *s, size_t n, void *arg)
{
	(void)arg;
	corro_cameo *c = L->c;
	int r = cameo_add(L, s, n, &c->mem, &c->nmem, &c->cmem, &c->smap, L->syn, 1);
	if (r > 0)
		cameo_add_warn(L, r, "a synset member that is no phrase");
	return r < 0 ? -1 : 0;
}

static int cameo_member_line(cameo_load *L, const char *s, size_t n)
{
	cameo_trim(&s, &n);
	if (!n || s[0] == '&') {
		cameo_warn(L, n ? "a synset cannot hold a synset" : "an empty synset member");
		return 0;
	}
	if (cameo_add_member(L, s, n, NULL) < 0)
		return -1;
	size_t ws, we;
	/* Nouns of a synset stand for their plurals too, unless the member
	 * or the synset's name ends with '_'. */
	if (!L->syn_noplural && s[n - 1] != '_' && cameo_last_word(s, n, &ws, &we))
		return cameo_each_form(L, s, n, ws, we, CAMEO_F_NOUN_S, cameo_add_member, NULL);
	return 0;
}

/* Reads an event code: "---", "042", "042:043" (the first), ":173" (the
 * second when the first is empty).  Returns 0 with *out set, 1 when it is
 * no code, -1 when memory runs out. */
static int cameo_ecode(cameo_load *L, const char *s, size_t n, const char **out)
{
	cameo_trim(&s, &n);
	const char *colon = memchr(s, ':', n);
	size_t pl = colon ? (size_t)(colon - s) : n;
	const char *p = s;
	cameo_trim(&p, &pl);
	if (!pl && colon) {
		p = colon + 1;
		pl = n - (size_t)(colon - s) - 1;
		cameo_trim(&p, &pl);
	}
	if (pl == 3 && memcmp(p, "---", 3) == 0) {
		*out = "---";
		return 0;
	}
	if (pl < 2 || pl > 4)
		return 1;
	for (size_t i = 0; i < pl; i++)
		if (p[i] < '0' || p[i] > '9')
			return 1;
	char *d = arena_strndup(&L->c->a, p, pl);
	if (!d)
		return -1;
	*out = d;
	return 0;
}

/* "[code]" at s: its body [*b, *bn) and the rest after it.  Returns 0, or
 * 1 when the bracket is not closed. */
static int cameo_bracket(const char *s, size_t n, char open, char close, const char **b, size_t *bn,
			 size_t *after)
{
	const char *e = memchr(s, close, n);
	if (!e || s[0] != open)
		return 1;
	*b = s + 1;
	*bn = (size_t)(e - s) - 1;
	*after = (size_t)(e - s) + 1;
	return 0;
}

/* "[code]" at s (n bytes from the "["): the event code in it.  Returns 0
 * with *code set, 1 when there is no readable code, -1 when memory runs
 * out. */
static int cameo_bracket_code(cameo_load *L, const char *s, size_t n, const char **code)
{
	const char *b;
	size_t bn, after;
	if (cameo_bracket(s, n, '[', ']', &b, &bn, &after))
		return 1;
	return cameo_ecode(L, b, bn, code);
}

static int cameo_block_line(cameo_load *L, const char *s, size_t n)
{
	corro_cameo *c = L->c;
	const char *code = "---";
	const char *lb = memchr(s, '[', n);
	if (lb) {
		int r = cameo_bracket_code(L, lb, n - (size_t)(lb - s), &code);
		if (r < 0)
			return -1;
		if (r) {
			/* The block is still opened, so that its verbs and
			 * patterns do not fall into the block before it. */
			cameo_warn(L, "unreadable code of a verb block; it codes "
				      "no event by itself");
			code = "---";
		}
	}
	if (!CAMEO_ROOM(c->block, c->nblock, c->cblock))
		return -1;
	cameo_block *bl = &c->block[c->nblock];
	bl->code = code;
	bl->pat0 = (uint32_t)c->npat;
	bl->npat = 0;
	L->block = (uint32_t)c->nblock++;
	L->mode = CAMEO_M_BLOCK;
	return 0;
}

static int cameo_add_form(cameo_load *L, const char *s, size_t n, void *arg)
{
	corro_cameo *c = L->c;
	int r = cameo_add(L, s, n, &c->form, &c->nform, &c->cform, &c->vmap, *(const uint32_t *)arg,
			  0);
	if (r > 0)
		cameo_add_warn(L, r, "a verb form that is no phrase");
	return r < 0 ? -1 : 0;
}

/* "VERB {FORMS ...} [code]": a verb of the current block.  Without
 * {FORMS}, the regular -s, -ed and -ing forms are made; "+" marks the verb
 * of a multi-word verb ("KLM_NOP_+RST"), else it is the first word. */
static int cameo_verb_line(cameo_load *L, const char *s, size_t n)
{
	corro_cameo *c = L->c;
	size_t pe = 0;
	while (pe < n && s[pe] != '{' && s[pe] != '[')
		pe++;
	const char *forms = NULL, *code = NULL;
	size_t fn = 0, after, rest = pe;
	if (rest < n && s[rest] == '{') {
		if (cameo_bracket(s + rest, n - rest, '{', '}', &forms, &fn, &after)) {
			cameo_warn(L, "a verb's forms without a closing '}'");
			return 0;
		}
		rest += after;
		while (rest < n && cameo_space(s[rest]))
			rest++;
	}
	if (rest < n) {
		int r = s[rest] == '[' ? cameo_bracket_code(L, s + rest, n - rest, &code) : 1;
		if (r < 0)
			return -1;
		if (r) {
			cameo_warn(L, "unreadable code of a verb");
			return 0;
		}
	}
	const char *ph = s;
	size_t pn = pe;
	cameo_trim(&ph, &pn);
	if (!pn) {
		cameo_warn(L, "a verb line without a verb");
		return 0;
	}
	if (!CAMEO_ROOM(c->verb, c->nverb, c->cverb))
		return -1;
	uint32_t vi = (uint32_t)c->nverb;
	c->verb[vi].block = L->block;
	c->verb[vi].code = code;
	c->nverb++;
	if (cameo_add_form(L, ph, pn, &vi))
		return -1;
	if (forms) {
		for (size_t i = 0; i < fn;) {
			while (i < fn && cameo_space(forms[i]))
				i++;
			size_t j = i;
			while (j < fn && !cameo_space(forms[j]))
				j++;
			if (j > i && cameo_add_form(L, forms + i, j - i, &vi))
				return -1;
			i = j;
		}
		return 0;
	}
	/* The verb's word: the one marked '+', else the first. */
	size_t ws = 0, we;
	for (size_t i = 0; i < pn; i++)
		if (ph[i] == '+' && (i == 0 || ph[i - 1] == '_' || ph[i - 1] == ' ')) {
			ws = i + 1;
			break;
		}
	we = ws;
	while (we < pn && ph[we] != '_' && ph[we] != ' ')
		we++;
	static const int kinds[] = {CAMEO_F_VERB_S, CAMEO_F_ED, CAMEO_F_ING};
	for (size_t k = 0; k < 3; k++)
		if (cameo_each_form(L, ph, pn, ws, we, kinds[k], cameo_add_form, &vi))
			return -1;
	return 0;
}

/* The parse of one pattern line. */
typedef struct cameo_pp {
	cameo_load *L;
	const char *s;
	size_t n, i;
	cameo_el tmp[CAMEO_TMP]; /* the children of groups, contiguous per group */
	size_t ntmp;
	size_t vpos; /* top-level elements before "*" */
	int verb;    /* "*" seen */
	int nomem;
	char why[160]; /* set when the pattern cannot be read */
} cameo_pp;

static int cameo_pp_bad(cameo_pp *P, const char *why)
{
	if (!P->why[0])
		snprintf(P->why, sizeof P->why, "%s", why);
	return -1;
}

static int cameo_pp_push(cameo_pp *P, cameo_el *out, size_t *nout, cameo_el e)
{
	if (*nout >= CAMEO_ITEMS)
		return cameo_pp_bad(P, "too many words in a pattern");
	out[(*nout)++] = e;
	return 0;
}

/* Moves a group's children to tmp and pushes the group. */
static int cameo_pp_group(cameo_pp *P, int kind, const cameo_el *kids, size_t nk, int anchor,
			  cameo_el *out, size_t *nout)
{
	if (nk == 1 && (kind == CAMEO_EL_SEQ || kind == CAMEO_EL_PP)) {
		cameo_el e = kids[0];
		e.anchor = (uint8_t)(e.anchor | anchor);
		return cameo_pp_push(P, out, nout, e);
	}
	if (P->ntmp + nk > CAMEO_TMP)
		return cameo_pp_bad(P, "too many words in a pattern");
	cameo_el g = {(uint8_t)kind, (uint8_t)anchor, (uint16_t)nk, (uint32_t)P->ntmp};
	memcpy(P->tmp + P->ntmp, kids, nk * sizeof *kids);
	P->ntmp += nk;
	return cameo_pp_push(P, out, nout, g);
}

/* A word of a pattern: alternatives "A/B" become one element. */
static int cameo_pp_word(cameo_pp *P, const char *w, size_t n, cameo_el *e)
{
	corro_cameo *c = P->L->c;
	uint32_t a = (uint32_t)c->nalt;
	uint16_t k = 0;
	for (size_t i = 0; i <= n;) {
		size_t j = i;
		while (j < n && w[j] != '/')
			j++;
		if (j > i) {
			cameo_phr ph;
			int r = cameo_phrase(P->L, w + i, j - i, &ph);
			if (r < 0 || !CAMEO_ROOM(c->alt, c->nalt, c->calt)) {
				P->nomem = 1;
				return -1;
			}
			if (r == 0 && k < UINT16_MAX) {
				c->alt[c->nalt++] = ph;
				k++;
			}
		}
		i = j + 1;
	}
	if (!k)
		return cameo_pp_bad(P, "a pattern word that is no word");
	*e = (cameo_el){CAMEO_EL_WORD, 0, k, a};
	return 0;
}

/* One run of non-blank characters of a pattern: parts joined by '_' must
 * be consecutive; "*" in it (IN_*, *_OUT) ties the parts next to it to the
 * verb; "$", "+", "^" and "%" (source, target, any phrase, compound) only
 * separate. */
static int cameo_pp_run(cameo_pp *P, const char *w, size_t n, int depth, cameo_el *out,
			size_t *nout)
{
	corro_cameo *c = P->L->c;
	cameo_el run[CAMEO_ITEMS];
	size_t nrun = 0;
	int run_anchor = 0;  /* the run began right after "*_" */
	int next_anchor = 0; /* the part after this one touches the verb */
	for (size_t i = 0; i <= n;) {
		size_t j = i;
		int part_verb = 0, part_wild = 0, have = 0;
		cameo_el e;
		if (i < n && w[i] == '&') {
			/* Synset names hold '_' too: take the longest defined
			 * name that ends at a '_' (or the end). */
			size_t end = n;
			uint32_t id = CAMEO_NONE;
			if (n - i > CAMEO_NAME_MAX + 1) {
				end = i + CAMEO_NAME_MAX + 1;
				while (end > i + 1 && w[end] != '_')
					end--;
			}
			while (end > i + 1) {
				const char *nm = w + i;
				size_t nl = end - i;
				int np;
				uint64_t key;
				cameo_syn_name(&nm, &nl, &np);
				if (nl && cameo_syn_find(c, nm, nl, &id, &key))
					break;
				id = CAMEO_NONE;
				do
					end--;
				while (end > i + 1 && w[end] != '_');
			}
			if (id == CAMEO_NONE) {
				size_t k = i;
				while (k < n && w[k] != '_')
					k++;
				snprintf(P->why, sizeof P->why, "undefined synset %.*s",
					 (int)(k - i > 60 ? 60 : k - i), w + i);
				return -1;
			}
			e = (cameo_el){CAMEO_EL_SYN, 0, 1, id};
			have = 1;
			j = end;
		} else {
			while (j < n && w[j] != '_')
				j++;
			size_t pl = j - i;
			if (pl && w[i] == '*' && (pl == 1 || (pl == 2 && w[i + 1] == '*')))
				part_verb = 1;
			else if (pl == 1 && strchr("$+^%", w[i]))
				part_wild = 1;
			else if (pl) {
				if (cameo_pp_word(P, w + i, pl, &e))
					return -1;
				have = 1;
			}
		}
		if (have) {
			if (nrun >= CAMEO_ITEMS)
				return cameo_pp_bad(P, "too many words in a pattern");
			if (!nrun)
				run_anchor = next_anchor;
			run[nrun++] = e;
		}
		next_anchor = 0;
		if ((part_verb || part_wild || j >= n) && nrun) {
			/* A run joined to "*" by '_' touches the verb. */
			int anchor = run_anchor || part_verb;
			if (cameo_pp_group(P, CAMEO_EL_SEQ, run, nrun, anchor, out, nout))
				return -1;
			nrun = 0;
		}
		if (part_verb) {
			if (depth > 0 || P->verb)
				return cameo_pp_bad(P, depth ? "'*' inside a phrase"
							     : "two '*' in a pattern");
			P->verb = 1;
			P->vpos = *nout;
			next_anchor = 1;
		}
		i = j + 1;
	}
	return 0;
}

/* The elements up to the bracket close (0: the end of the line). */
static int cameo_pp_seq(cameo_pp *P, char close, int depth, cameo_el *out, size_t *nout)
{
	while (P->i < P->n) {
		char ch = P->s[P->i];
		if (cameo_space(ch)) {
			P->i++;
			continue;
		}
		if (ch == close) {
			P->i++;
			return 0;
		}
		if (ch == '{' || ch == '(') {
			if (depth >= 2)
				return cameo_pp_bad(P, "brackets nested too deep");
			P->i++;
			cameo_el kids[CAMEO_ITEMS];
			size_t nk = 0;
			if (cameo_pp_seq(P, ch == '{' ? '}' : ')', depth + 1, kids, &nk))
				return -1;
			if (nk && cameo_pp_group(P, ch == '{' ? CAMEO_EL_SEQ : CAMEO_EL_PP, kids,
						 nk, 0, out, nout))
				return -1;
			continue;
		}
		if (ch == '}' || ch == ')')
			return cameo_pp_bad(P, "a bracket closed that was not opened");
		size_t j = P->i;
		while (j < P->n && !cameo_space(P->s[j]) && !strchr("{}()", P->s[j]))
			j++;
		if (cameo_pp_run(P, P->s + P->i, j - P->i, depth, out, nout))
			return -1;
		P->i = j;
	}
	if (close)
		return cameo_pp_bad(P, "a bracket that is not closed");
	return 0;
}

/* "- pre words * post words [code]": a pattern of the current block. */
static int cameo_pattern_line(cameo_load *L, const char *s, size_t n)
{
	corro_cameo *c = L->c;
	if (L->mode != CAMEO_M_BLOCK) {
		cameo_warn(L, "a pattern outside a verb block");
		return 0;
	}
	if (c->block[L->block].npat >= CAMEO_BLOCK_PATS) {
		cameo_warn(L, "more than %d patterns in one verb block", CAMEO_BLOCK_PATS);
		return 0;
	}
	const char *lb = NULL;
	for (size_t k = n; k-- > 0;)
		if (s[k] == '[') {
			lb = s + k;
			break;
		}
	const char *code = NULL;
	int r = lb ? cameo_bracket_code(L, lb, n - (size_t)(lb - s), &code) : 1;
	if (r < 0)
		return -1;
	if (r) {
		cameo_warn(L, "a pattern without a readable [code]");
		return 0;
	}
	cameo_pp *P = mem_alloc(sizeof *P);
	if (!P)
		return -1;
	P->L = L;
	P->s = s;
	P->n = (size_t)(lb - s);
	P->i = 0;
	P->ntmp = 0;
	P->vpos = 0;
	P->verb = 0;
	P->nomem = 0;
	P->why[0] = '\0';
	cameo_el top[CAMEO_ITEMS];
	size_t ntop = 0;
	int bad = cameo_pp_seq(P, 0, 0, top, &ntop);
	int ret = 0;
	if (P->nomem) {
		ret = -1;
		goto done;
	}
	if (!bad && !P->verb)
		bad = cameo_pp_bad(P, "a pattern without '*'");
	if (bad) {
		cameo_warn(L, "%s", P->why[0] ? P->why : "unreadable pattern");
		goto done;
	}
	/* A pattern of bare slots ("- $ * +") says nothing a verb alone does
	 * not; it would only hide the verb's own code. */
	if (!ntop)
		goto done;
	size_t base = c->nel, total = ntop + P->ntmp;
	if (total > CAMEO_MAX_ENTRIES - base) {
		ret = -1;
		goto done;
	}
	for (size_t k = 0; k < total; k++) {
		if (!CAMEO_ROOM(c->el, c->nel, c->cel)) {
			c->nel = base;
			ret = -1;
			goto done;
		}
		cameo_el e = k < ntop ? top[k] : P->tmp[k - ntop];
		if (e.kind == CAMEO_EL_SEQ || e.kind == CAMEO_EL_PP)
			e.a += (uint32_t)(base + ntop);
		c->el[c->nel++] = e;
	}
	if (!CAMEO_ROOM(c->pat, c->npat, c->cpat)) {
		ret = -1;
		goto done;
	}
	cameo_pat *pt = &c->pat[c->npat++];
	pt->code = code;
	pt->el0 = (uint32_t)base;
	pt->npre = (uint16_t)P->vpos;
	pt->npost = (uint16_t)(ntop - P->vpos);
	c->block[L->block].npat++;
done:
	mem_free(P);
	return ret;
}

static int cameo_verbs_line(cameo_load *L, const char *s, size_t n)
{
	cameo_trim(&s, &n);
	if (s[0] == '~')
		return 0; /* PETRARCH's transformations: not used here */
	if (n >= 3 && memcmp(s, "---", 3) == 0)
		return cameo_block_line(L, s, n);
	if (s[0] == '-')
		return cameo_pattern_line(L, s + 1, n - 1);
	if (s[0] == '&')
		return cameo_syn_line(L, s, n);
	if (s[0] == '+' && L->mode == CAMEO_M_SYN)
		return cameo_member_line(L, s + 1, n - 1);
	if (L->mode == CAMEO_M_BLOCK)
		return cameo_verb_line(L, s, n);
	cameo_warn(L, "a line outside a synset or verb block");
	return 0;
}

/* ---- actor and agent dictionaries ---- */

/* "YYYYMMDD" or "YYMMDD" (years below 30 are 20YY): the date as a number,
 * or -1. */
static long cameo_date(const char *s, size_t n)
{
	if (n != 6 && n != 8)
		return -1;
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (n == 6)
		v += v / 10000 < 30 ? 20000000 : 19000000;
	long m = v / 100 % 100, d = v % 100;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return v;
}

/* "CODE", "CODE >DATE", "CODE <DATE" or "CODE DATE-DATE" for the current
 * entry.  Returns 0, 1 when unreadable, -1 when memory runs out. */
static int cameo_actor_code(cameo_load *L, const char *s, size_t n)
{
	corro_cameo *c = L->c;
	cameo_trim(&s, &n);
	size_t cl = 0;
	while (cl < n && !cameo_space(s[cl]))
		cl++;
	if (!cl || cl > 32)
		return 1;
	char rs[64];
	size_t rn = 0;
	for (size_t i = cl; i < n; i++) {
		if (cameo_space(s[i]))
			continue;
		if (rn >= sizeof rs)
			return 1;
		rs[rn++] = s[i];
	}
	cameo_code k = {NULL, 0, LONG_MAX, 0};
	if (rn) {
		k.dated = 1;
		const char *dash = memchr(rs, '-', rn);
		if (rs[0] == '<' || rs[0] == '>') {
			long d = cameo_date(rs + 1, rn - 1);
			if (d < 0)
				return 1;
			if (rs[0] == '<')
				k.to = d;
			else
				k.from = d;
		} else if (dash) {
			size_t a = (size_t)(dash - rs);
			k.from = cameo_date(rs, a);
			k.to = cameo_date(dash + 1, rn - a - 1);
			if (k.from < 0 || k.to < 0)
				return 1;
		} else {
			return 1;
		}
	}
	for (size_t i = 0; i < cl; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch <= 0x20 || ch >= 0x7F || ch == '[' || ch == ']')
			return 1;
	}
	char *code = arena_strndup(&c->a, s, cl);
	if (!code || !CAMEO_ROOM(c->code, c->ncode, c->ccode))
		return -1;
	for (size_t i = 0; i < cl; i++)
		if (code[i] >= 'a' && code[i] <= 'z')
			code[i] = (char)(code[i] - 32);
	k.code = code;
	c->code[c->ncode++] = k;
	c->act[L->actor].ncode++;
	return 0;
}

/* Ends the current entry; one that got no code is reported. */
static void cameo_end_entry(cameo_load *L)
{
	if (L->actor != CAMEO_NONE && !L->c->act[L->actor].ncode) {
		long long off = L->off;
		L->off = L->actor_off;
		cameo_warn(L, "a name with no code");
		L->off = off;
	}
	L->actor = CAMEO_NONE;
}

static int cameo_add_name(cameo_load *L, const char *s, size_t n, void *arg)
{
	(void)arg;
	corro_cameo *c = L->c;
	if (++L->expanded > CAMEO_EXPAND_MAX)
		return 0;
	int r = cameo_add(L, s, n, &c->aph, &c->naph, &c->caph, &c->amap, L->actor, 0);
	if (r > 0)
		cameo_add_warn(L, r, "a name that is no phrase");
	return r < 0 ? -1 : 0;
}

/* Adds a name and, for an agent, its plural; "!NAME!" macros are replaced
 * by each of their values (and then make no plural).  Returns 0, 1 when an
 * undefined macro was used, -1 when memory runs out. */
static int cameo_add_names(cameo_load *L, const char *s, size_t n, int plural, int depth)
{
	if (L->expanded > CAMEO_EXPAND_MAX)
		return 0;
	const char *a = memchr(s, '!', n), *b = NULL;
	if (a)
		b = memchr(a + 1, '!', n - (size_t)(a - s) - 1);
	if (!b) {
		if (cameo_add_name(L, s, n, NULL))
			return -1;
		size_t ws, we;
		if (plural && !depth && s[n - 1] != '_' && cameo_last_word(s, n, &ws, &we))
			return cameo_each_form(L, s, n, ws, we, CAMEO_F_NOUN_S, cameo_add_name,
					       NULL) < 0
				       ? -1
				       : 0;
		return 0;
	}
	size_t nl = (size_t)(b - a) + 1;
	const cameo_macro *m = NULL;
	for (size_t k = 0; k < L->nmac; k++)
		if (L->mac[k].nlen == nl && memcmp(L->mac[k].name, a, nl) == 0)
			m = &L->mac[k];
	if (!m || depth >= CAMEO_MACRO_DEPTH) {
		cameo_warn(L,
			   m ? "too many substitutions in one name"
			     : "an undefined substitution %.*s",
			   (int)(nl > 60 ? 60 : nl), a);
		return 1;
	}
	char tmp[CAMEO_LINE_MAX + 1];
	size_t pre = (size_t)(a - s), post = n - pre - nl;
	for (size_t k = 0; k < m->nalt; k++) {
		if (pre + m->alen[k] + post > CAMEO_LINE_MAX)
			continue;
		memcpy(tmp, s, pre);
		memcpy(tmp + pre, m->alt[k], m->alen[k]);
		memcpy(tmp + pre + m->alen[k], b + 1, post);
		int r = cameo_add_names(L, tmp, pre + m->alen[k] + post, plural, depth + 1);
		if (r)
			return r;
	}
	return 0;
}

/* "!NAME! = A, B, C": a substitution for the names of this file. */
static int cameo_macro_line(cameo_load *L, const char *s, size_t n, size_t name_len)
{
	if (L->nmac >= CAMEO_MACROS) {
		cameo_warn(L, "too many substitutions");
		return 0;
	}
	if (!L->mac) {
		L->mac = arena_alloc(&L->la, CAMEO_MACROS * sizeof *L->mac);
		if (!L->mac)
			return -1;
	}
	cameo_macro *m = &L->mac[L->nmac];
	m->name = arena_strndup(&L->la, s, name_len);
	if (!m->name)
		return -1;
	m->nlen = name_len;
	m->nalt = 0;
	const char *eq = memchr(s, '=', n);
	for (size_t i = (size_t)(eq - s) + 1; i < n;) {
		size_t j = i;
		while (j < n && s[j] != ',')
			j++;
		const char *v = s + i;
		size_t vn = j - i;
		cameo_trim(&v, &vn);
		if (vn && m->nalt < CAMEO_EXPAND_MAX) {
			char *d = arena_strndup(&L->la, v, vn);
			if (!d)
				return -1;
			m->alt[m->nalt] = d;
			m->alen[m->nalt++] = vn;
		}
		i = j + 1;
	}
	if (!m->nalt) {
		cameo_warn(L, "a substitution without values");
		return 0;
	}
	L->nmac++;
	return 0;
}

/* A name line ("NAME {PLURALS} [CODE]") or a synonym line ("+NAME"). */
static int cameo_name_line(cameo_load *L, const char *s, size_t n, int synonym)
{
	corro_cameo *c = L->c;
	size_t pe = 0;
	while (pe < n && s[pe] != '{' && s[pe] != '[')
		pe++;
	const char *plurals = NULL, *code = NULL;
	size_t pln = 0, cn = 0, rest = pe, after;
	if (rest < n && s[rest] == '{') {
		if (cameo_bracket(s + rest, n - rest, '{', '}', &plurals, &pln, &after)) {
			cameo_warn(L, "plurals without a closing '}'");
			goto bad;
		}
		rest += after;
		while (rest < n && cameo_space(s[rest]))
			rest++;
	}
	if (rest < n) {
		if (s[rest] != '[' ||
		    cameo_bracket(s + rest, n - rest, '[', ']', &code, &cn, &after)) {
			cameo_warn(L, "a code without its brackets");
			goto bad;
		}
	}
	const char *ph = s;
	size_t pn = pe;
	cameo_trim(&ph, &pn);
	if (!pn) {
		cameo_warn(L, "a code without a name");
		goto bad;
	}
	if (synonym) {
		if (L->actor == CAMEO_NONE) {
			cameo_warn(L, "a synonym without a name before it");
			return 0;
		}
		if (code) {
			cameo_warn(L, "a synonym with its own code");
			return 0;
		}
	} else {
		cameo_end_entry(L);
		if (!CAMEO_ROOM(c->act, c->nact, c->cact))
			return -1;
		c->act[c->nact].code0 = (uint32_t)c->ncode;
		c->act[c->nact].ncode = 0;
		L->actor = (uint32_t)c->nact++;
		L->actor_off = L->off;
		L->agent = code && memchr(code, '~', cn) != NULL;
		if (code) {
			int r = cameo_actor_code(L, code, cn);
			if (r < 0)
				return -1;
			if (r) {
				cameo_warn(L, "an unreadable code");
				L->actor = CAMEO_NONE;
				return 0;
			}
		}
	}
	L->expanded = 0;
	int r = cameo_add_names(L, ph, pn, L->agent && !plurals, 0);
	if (r < 0)
		return -1;
	for (size_t i = 0; plurals && !r && i < pln;) {
		while (i < pln && cameo_space(plurals[i]))
			i++;
		size_t j = i;
		while (j < pln && !cameo_space(plurals[j]))
			j++;
		if (j > i && cameo_add_names(L, plurals + i, j - i, 0, 0) < 0)
			return -1;
		i = j;
	}
	if (L->expanded > CAMEO_EXPAND_MAX)
		cameo_warn(L,
			   "a line that gives more than %d names; the rest "
			   "are left out",
			   CAMEO_EXPAND_MAX);
	return 0;
bad:
	/* The lines after a broken name must not join the entry before it. */
	if (!synonym) {
		cameo_end_entry(L);
	}
	return 0;
}

static int cameo_actors_line(cameo_load *L, const char *s, size_t n)
{
	cameo_trim(&s, &n);
	/* A code line is usually indented, but its bracket says enough. */
	if (s[0] == '[') {
		if (L->actor == CAMEO_NONE) {
			cameo_warn(L, "a code without a name before it");
			return 0;
		}
		const char *b;
		size_t bn, after;
		int r = cameo_bracket(s, n, '[', ']', &b, &bn, &after);
		if (!r)
			r = cameo_actor_code(L, b, bn);
		if (r < 0)
			return -1;
		if (r)
			cameo_warn(L, "an unreadable code");
		return 0;
	}
	if (s[0] == '!') {
		const char *e = memchr(s + 1, '!', n - 1);
		if (e) {
			size_t k = (size_t)(e - s) + 1;
			while (k < n && cameo_space(s[k]))
				k++;
			if (k < n && s[k] == '=')
				return cameo_macro_line(L, s, n, (size_t)(e - s) + 1);
		}
	}
	if (s[0] == '+')
		return cameo_name_line(L, s + 1, n - 1, 1);
	return cameo_name_line(L, s, n, 0);
}

/* ---- loading ---- */

typedef int (*cameo_line_fn)(cameo_load *, const char *, size_t);

static corro_status cameo_load_mem(corro_cameo *c, const char *name, const char *data, size_t len,
				   corro_diag_fn diag, void *ud, cameo_line_fn fn)
{
	if (!c || (!data && len))
		return CORRO_INVALID;
	cameo_load *L = mem_alloc(sizeof *L);
	if (!L)
		return CORRO_NOMEM;
	memset(L, 0, sizeof *L);
	L->c = c;
	L->name = name ? name : "(dictionary)";
	L->diag = diag;
	L->ud = ud;
	L->actor = CAMEO_NONE;
	L->mode = CAMEO_M_NONE;
	arena_init(&L->la);
	corro_status st = CORRO_OK;
	size_t pos = 0;
	while (pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - data) : len, n;
		L->off = (long long)pos;
		int over = cameo_strip(L, data + pos, end - pos, &n);
		pos = end + 1;
		if (over) {
			cameo_warn(L, "a line longer than %d bytes", CAMEO_LINE_MAX);
			continue;
		}
		const char *s = L->line;
		size_t tn = n;
		cameo_trim(&s, &tn);
		if (!tn)
			continue;
		if (!cameo_utf8_ok(L->line, n)) {
			cameo_warn(L, "a line that is not valid UTF-8");
			continue;
		}
		while (n && cameo_space(L->line[n - 1]))
			n--;
		L->line[n] = '\0';
		if (fn(L, L->line, n) < 0) {
			st = CORRO_NOMEM;
			break;
		}
	}
	if (st == CORRO_OK) {
		L->off = (long long)len;
		cameo_end_entry(L);
	}
	tok_list_release(&L->toks);
	arena_release(&L->la);
	mem_free(L);
	return st;
}

corro_status cameo_load_verbs_mem(corro_cameo *c, const char *name, const char *data, size_t len,
				  corro_diag_fn diag, void *ud)
{
	return cameo_load_mem(c, name, data, len, diag, ud, cameo_verbs_line);
}

corro_status cameo_load_actors_mem(corro_cameo *c, const char *name, const char *data, size_t len,
				   corro_diag_fn diag, void *ud)
{
	return cameo_load_mem(c, name, data, len, diag, ud, cameo_actors_line);
}

static corro_status cameo_load_file(corro_cameo *c, const char *path, corro_diag_fn diag, void *ud,
				    cameo_line_fn fn)
{
	if (!c || !path)
		return CORRO_INVALID;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_report(diag, ud, CORRO_ERROR, path, -1, "cannot open: %s", strerror(errno));
		return CORRO_IO;
	}
	buf b;
	buf_init(&b, 0);
	char chunk[65536];
	size_t k;
	corro_status st = CORRO_OK;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (buf_append(&b, chunk, k)) {
			st = CORRO_NOMEM;
			break;
		}
	if (st == CORRO_OK && ferror(f)) {
		diag_report(diag, ud, CORRO_ERROR, path, -1, "cannot read: %s", strerror(errno));
		st = CORRO_IO;
	}
	fclose(f);
	if (st == CORRO_OK)
		st = cameo_load_mem(c, path, b.data, b.len, diag, ud, fn);
	buf_release(&b);
	return st;
}

corro_status corro_cameo_load_verbs(corro_cameo *c, const char *path, corro_diag_fn diag, void *ud)
{
	return cameo_load_file(c, path, diag, ud, cameo_verbs_line);
}

corro_status corro_cameo_load_actors(corro_cameo *c, const char *path, corro_diag_fn diag, void *ud)
{
	return cameo_load_file(c, path, diag, ud, cameo_actors_line);
}
