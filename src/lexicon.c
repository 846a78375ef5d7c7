/* lexicon.c: an index over the generated lexicon: phrases are split with the
 * same tokenizer as documents, grouped by their first word (lower case), and
 * found through one hash lookup per document token.  Every word of every
 * phrase is in the hash table, so a document's token is looked up once and a
 * phrase's later words are compared as table indices, not as strings. */
#include "lexicon.h"
#include "mem.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct phrase {
	const lex_entry *e;
	uint32_t word0; /* index of its first word in words[] and wordslot[] */
	uint8_t ntok;
	uint8_t cat;   /* e->cat, kept here for the scan of a slot */
	uint8_t fcase; /* TF_UPPER and TF_CAPS: what its first token needs */
} phrase;

typedef struct slot {
	const char *key;     /* NULL: empty */
	uint32_t begin, end; /* phrases [begin, end) start with key */
} slot;

/* What a probe of the table reads, apart from the slots so that it stays in
 * the cache: most of a document's words are in no phrase, and most words
 * are short enough to be compared by their first eight bytes alone. */
typedef struct slot_key {
	uint64_t head;      /* the first eight bytes of the key, zero-padded */
	uint32_t hash, len; /* len 0: empty */
	uint64_t cats;      /* categories of the phrases that start with it */
} slot_key;

_Static_assert(LEX_CAT_COUNT_ <= 64, "categories are bits of a uint64_t");

static phrase *phrases;
static size_t nphrases;
static char **words;       /* lower-case tokens of all phrases, in order */
static uint32_t *wordslot; /* the table slot of each of words[] */
static slot *table;
static slot_key *keys; /* parallel to table */
static size_t table_mask;
static uint32_t byte_slot[256];                 /* the slot of each one-byte word, or UINT32_MAX */
static const lex_entry **rows;                  /* lex_entries by category, in data order */
static uint32_t rows_start[LEX_CAT_COUNT_ + 1]; /* category c: rows[start[c], start[c + 1]) */
/* built once per process; a build that fails (memory ran out) leaves
 * nothing behind, and the next lex_init tries again */
static atomic_int built;
static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;

#define HASH_START 2166136261u
#define HASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)

static uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = HASH_START;
	for (size_t i = 0; i < n; i++)
		h = HASH_STEP(h, s[i]);
	return h;
}

static int cmp_word(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

static int cmp_phrase(const void *pa, const void *pb)
{
	const phrase *a = pa, *b = pb;
	int c = strcmp(words[a->word0], words[b->word0]);
	if (c)
		return c;
	if (a->ntok != b->ntok)
		return a->ntok > b->ntok ? -1 : 1;
	/* Stable among equals: earlier entries in data win. */
	return a->e < b->e ? -1 : a->e > b->e;
}

/* The first eight bytes of s (n bytes), zero-padded, as one number (in
 * the machine's byte order: token_slot loads them the same way). */
static uint64_t head_of(const char *s, size_t n)
{
	char b[8] = {0};
	memcpy(b, s, n < 8 ? n : 8);
	uint64_t w;
	memcpy(&w, b, 8);
	return w;
}

/* The slot of key (n bytes, its head head_of(key, n)), or of the empty
 * place where it would go. */
static inline size_t probe(const char *key, size_t n, uint64_t head, uint32_t hv)
{
	for (size_t h = hv & table_mask;; h = (h + 1) & table_mask) {
		if (!keys[h].len)
			return h;
		if (keys[h].hash != hv || keys[h].len != n || keys[h].head != head)
			continue;
		if (n <= 8 || memcmp(table[h].key + 8, key + 8, n - 8) == 0)
			return h;
	}
}

/* Names of places are proper nouns: "US" is not "us", "Chad" not "chad".
 * The flags a document's first token of the phrase needs. */
static uint8_t first_case(const lex_entry *e)
{
	const char *ph = e->phrase;
	uint8_t need = 0;
	if (e->cat != LEX_PLACE)
		return 0;
	if (ph[0] >= 'A' && ph[0] <= 'Z')
		need |= TF_UPPER;
	size_t letters = 0;
	int caps = 1;
	for (const char *c = ph; *c && *c != ' ' && *c != '.'; c++) {
		if (*c >= 'a' && *c <= 'z')
			caps = 0;
		if ((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z')
			letters++;
	}
	if (caps && letters >= 2)
		need |= TF_CAPS;
	return need;
}

/* Frees what a failed build left and zeroes the tables. */
static void unbuild(size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		mem_free(words[i]);
	mem_free(words);
	mem_free(phrases);
	mem_free(table);
	mem_free(keys);
	mem_free(wordslot);
	mem_free(rows);
	words = NULL;
	phrases = NULL;
	table = NULL;
	keys = NULL;
	wordslot = NULL;
	rows = NULL;
	nphrases = 0;
	table_mask = 0;
	memset(rows_start, 0, sizeof rows_start);
}

static int build(void)
{
	tok_list tl = {0};
	size_t nwords = 0, capwords = 0;
	phrases = mem_alloc(lex_entry_count * sizeof *phrases);
	if (!phrases)
		goto fail;
	for (size_t i = 0; i < lex_entry_count; i++) {
		const lex_entry *e = &lex_entries[i];
		size_t plen = strlen(e->phrase);
		tl.n = 0;
		if (tok_split(&tl, e->phrase, plen))
			goto fail;
		/* "'s", "'t": in a document the apostrophe is glued to the word
		 * before and starts a token of its own ("didn" "'t"); alone in
		 * a phrase it would split from its letters */
		if (tl.n >= 2 && e->phrase[0] == '\'' && tl.v[0].type == TK_PUNCT &&
		    !(tl.v[1].flags & TF_SPACE)) {
			tl.v[0].end = tl.v[1].end;
			tl.v[0].type = TK_WORD;
			memmove(&tl.v[1], &tl.v[2], (tl.n - 2) * sizeof *tl.v);
			tl.n--;
		}
		if (tl.n == 0 || tl.n > 255)
			continue;
		phrase *p = &phrases[nphrases++];
		p->e = e;
		p->ntok = (uint8_t)tl.n;
		p->cat = e->cat;
		p->fcase = first_case(e);
		p->word0 = (uint32_t)nwords;
		for (size_t k = 0; k < tl.n; k++) {
			if (VEC_GROW(words, nwords, capwords, char *))
				goto fail;
			size_t n = tl.v[k].end - tl.v[k].start;
			char *w = mem_alloc(n + 1);
			if (!w)
				goto fail;
			tok_lower(e->phrase, &tl.v[k], w, n + 1);
			words[nwords++] = w;
		}
	}
	tok_list_release(&tl);
	qsort(phrases, nphrases, sizeof *phrases, cmp_phrase);

	/* twice as many slots as distinct words */
	char **sorted = mem_alloc((nwords ? nwords : 1) * sizeof *sorted);
	if (!sorted)
		goto fail;
	memcpy(sorted, words, nwords * sizeof *sorted);
	qsort(sorted, nwords, sizeof *sorted, cmp_word);
	size_t distinct = 0;
	for (size_t i = 0; i < nwords; i++)
		distinct += i == 0 || strcmp(sorted[i - 1], sorted[i]) != 0;
	mem_free(sorted);
	size_t size = 64;
	while (size < distinct * 2)
		size *= 2;
	table = mem_alloc(size * sizeof *table);
	keys = mem_alloc(size * sizeof *keys);
	wordslot = mem_alloc((nwords ? nwords : 1) * sizeof *wordslot);
	if (!table || !keys || !wordslot)
		goto fail;
	memset(table, 0, size * sizeof *table);
	memset(keys, 0, size * sizeof *keys);
	table_mask = size - 1;
	for (size_t i = 0; i < nwords; i++) {
		size_t n = strlen(words[i]);
		uint32_t hv = hash_bytes(words[i], n);
		uint64_t head = head_of(words[i], n);
		size_t h = probe(words[i], n, head, hv);
		if (!keys[h].len) {
			table[h] = (slot){words[i], 0, 0};
			keys[h] = (slot_key){head, hv, (uint32_t)n, 0};
		}
		wordslot[i] = (uint32_t)h;
	}
	for (unsigned c = 0; c < 256; c++) {
		char key = (char)c;
		size_t h = probe(&key, 1, head_of(&key, 1), hash_bytes(&key, 1));
		byte_slot[c] = keys[h].len ? (uint32_t)h : UINT32_MAX;
	}
	for (size_t i = 0; i < nphrases;) {
		uint32_t h = wordslot[phrases[i].word0];
		size_t j = i;
		uint64_t cats = 0;
		while (j < nphrases && wordslot[phrases[j].word0] == h)
			cats |= LEX_BIT(phrases[j++].cat);
		table[h].begin = (uint32_t)i;
		table[h].end = (uint32_t)j;
		keys[h].cats = cats;
		i = j;
	}
	rows = mem_alloc((lex_entry_count ? lex_entry_count : 1) * sizeof *rows);
	if (!rows)
		goto fail;
	for (size_t i = 0; i < lex_entry_count; i++)
		rows_start[lex_entries[i].cat + 1]++;
	for (size_t c = 0; c < LEX_CAT_COUNT_; c++)
		rows_start[c + 1] += rows_start[c];
	uint32_t fill[LEX_CAT_COUNT_];
	memcpy(fill, rows_start, sizeof fill);
	for (size_t i = 0; i < lex_entry_count; i++)
		rows[fill[lex_entries[i].cat]++] = &lex_entries[i];
	return 0;
fail:
	tok_list_release(&tl);
	unbuild(nwords);
	return -1;
}

int lex_init(void)
{
	if (atomic_load_explicit(&built, memory_order_acquire))
		return 0;
	pthread_mutex_lock(&build_lock);
	int ok = atomic_load_explicit(&built, memory_order_relaxed) || build() == 0;
	if (ok)
		atomic_store_explicit(&built, 1, memory_order_release);
	pthread_mutex_unlock(&build_lock);
	return ok ? 0 : -1;
}

static const slot *find(const char *key)
{
	if (!table)
		return NULL;
	size_t n = strlen(key);
	size_t h = probe(key, n, head_of(key, n), hash_bytes(key, n));
	return keys[h].len ? &table[h] : NULL;
}

/* The slot of a document's token, as tok_lower folds it, or UINT32_MAX. */
static uint32_t token_slot(const char *text, const tok *t)
{
	size_t n = t->end - t->start;
	const unsigned char *s = (const unsigned char *)text + t->start;
	if (n == 1) {
		unsigned c = s[0];
		return byte_slot[c >= 'A' && c <= 'Z' ? c + 32 : c];
	}
	/* lw: the token folded as tok_lower folds it, with the hash on the
	 * way, and zeros after it for the load of its head */
	char lw[64 + 8];
	if (n + 1 > 64)
		return UINT32_MAX;
	uint32_t hv = HASH_START;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0x99 || s[i + 2] == 0x98)) {
			c = '\'';
			i += 2;
		} else if (c - 'A' < 26u) {
			c += 32;
		}
		lw[o++] = (char)c;
		hv = HASH_STEP(hv, c);
	}
	memset(lw + o, 0, 8);
	uint64_t head;
	memcpy(&head, lw, 8);
	size_t h = probe(lw, o, head, hv);
	return keys[h].len ? (uint32_t)h : UINT32_MAX;
}

int lex_view_init(lex_view *v, const char *text, const tok *t, size_t n)
{
	memset(v, 0, sizeof *v);
	if (lex_init())
		return -1;
	v->text = text;
	v->t = t;
	v->n = n;
	v->word = mem_alloc((n ? n : 1) * sizeof *v->word);
	v->cats = mem_alloc((n ? n : 1) * sizeof *v->cats);
	if (!v->word || !v->cats) {
		lex_view_release(v);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t w = token_slot(text, &t[i]);
		v->word[i] = w;
		/* no phrase starts with digits */
		v->cats[i] = w != UINT32_MAX && t[i].type != TK_NUM ? keys[w].cats : 0;
	}
	return 0;
}

void lex_view_release(lex_view *v)
{
	mem_free(v->word);
	mem_free(v->cats);
	memset(v, 0, sizeof *v);
}

static int phrase_fits(const lex_view *v, const phrase *p, size_t i)
{
	if (p->fcase && v->t[i].type == TK_WORD && (v->t[i].flags & p->fcase) != p->fcase)
		return 0;
	for (size_t k = 1; k < p->ntok; k++) {
		if (v->word[i + k] != wordslot[p->word0 + k])
			return 0;
		/* A phrase is one stretch of text: no line break inside. */
		if (v->t[i + k].flags & TF_NEWLINE)
			return 0;
	}
	return 1;
}

const lex_entry *lex_match_at(const lex_view *v, size_t i, size_t lim, uint64_t mask, size_t *len)
{
	if (lim > v->n)
		lim = v->n;
	const slot *s = &table[v->word[i]];
	for (uint32_t k = s->begin; k < s->end; k++) {
		const phrase *p = &phrases[k];
		if (!(LEX_BIT(p->cat) & mask) || i + p->ntok > lim)
			continue;
		if (phrase_fits(v, p, i)) {
			if (len)
				*len = p->ntok;
			return p->e;
		}
	}
	return NULL;
}

const lex_entry *lex_word_at(const lex_view *v, size_t i, size_t lim, uint64_t mask)
{
	if (i >= lim || i >= v->n || !(v->cats[i] & mask))
		return NULL;
	const slot *s = &table[v->word[i]];
	for (uint32_t k = s->begin; k < s->end; k++) {
		const phrase *p = &phrases[k];
		if (p->ntok == 1 && (LEX_BIT(p->cat) & mask) && phrase_fits(v, p, i))
			return p->e;
	}
	return NULL;
}

const lex_entry *lex_match_ending(const lex_view *v, size_t lo, size_t i, uint64_t mask,
				  size_t *start)
{
	/* Phrases are short: try each start a few tokens back, longest first. */
	size_t max_back = i < 5 ? i : 5;
	for (size_t back = max_back + 1; back-- > 0;) {
		size_t s = i - back;
		if (s < lo || !lex_has(v, s, mask))
			continue;
		const slot *sl = &table[v->word[s]];
		for (uint32_t k = sl->begin; k < sl->end; k++) {
			const phrase *p = &phrases[k];
			if (!(LEX_BIT(p->cat) & mask) || p->ntok != back + 1)
				continue;
			if (phrase_fits(v, p, s)) {
				if (start)
					*start = s;
				return p->e;
			}
		}
	}
	return NULL;
}

const lex_entry *lex_word(const char *word, size_t len, uint64_t mask)
{
	char lw[64];
	if (lex_init() || len + 1 > sizeof lw)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		lw[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	lw[len] = '\0';
	const slot *s = find(lw);
	if (!s)
		return NULL;
	for (uint32_t k = s->begin; k < s->end; k++)
		if (phrases[k].ntok == 1 && (LEX_BIT(phrases[k].cat) & mask))
			return phrases[k].e;
	return NULL;
}

const lex_entry *const *lex_rows(lex_cat cat, size_t *n)
{
	*n = 0;
	if (lex_init() || (unsigned)cat >= LEX_CAT_COUNT_)
		return NULL;
	*n = rows_start[cat + 1] - rows_start[cat];
	return rows + rows_start[cat];
}

const lex_entry *lex_phrase(const char *s, size_t len, uint64_t mask)
{
	tok_list tl = {0};
	const lex_entry *found = NULL;
	char lw[64];
	if (lex_init() || tok_split(&tl, s, len) || tl.n == 0 ||
	    !tok_lower(s, &tl.v[0], lw, sizeof lw))
		goto done;
	const slot *sl = find(lw);
	if (!sl || !(keys[sl - table].cats & mask))
		goto done;
	for (uint32_t k = sl->begin; k < sl->end && !found; k++) {
		const phrase *p = &phrases[k];
		if (!(LEX_BIT(p->cat) & mask) || p->ntok != tl.n)
			continue;
		size_t m = 1;
		for (; m < tl.n; m++)
			if (!tok_lower(s, &tl.v[m], lw, sizeof lw) ||
			    strcmp(lw, words[p->word0 + m]) != 0)
				break;
		if (m == tl.n)
			found = p->e;
	}
done:
	tok_list_release(&tl);
	return found;
}
