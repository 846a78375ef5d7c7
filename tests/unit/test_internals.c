/* Unit tests for what the spec files cannot reach: buffers and arenas, the
 * tokenizer's offsets and flags, the sentence splitter, the number parser,
 * noun singulars, byte repair and NFC, the JSON Lines reader, the
 * extractor's threads, and every allocation failure on the extraction path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failalloc.h"

#include "corro.h"
#include "figure.h"
#include "cluster.h"
#include "lexicon.h"
#include "mem.h"
#include "number.h"
#include "sentence.h"
#include "token.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Once corro has allocated, the allocator stays: a new one would free
 * blocks the old one made. */
static void test_allocator_fixed(void **state)
{
	(void)state;
	void *p = mem_alloc(16);
	assert_non_null(p);
	assert_int_equal(corro_set_allocator(NULL, NULL), CORRO_INVALID);
	mem_free(p);
	assert_int_equal(corro_set_allocator(NULL, NULL), CORRO_INVALID);
	/* the installed one still runs: an armed failure fails */
	failalloc_start(0);
	assert_null(mem_alloc(16));
	failalloc_stop();
}

static void test_buf_cap(void **state)
{
	(void)state;
	buf b;
	buf_init(&b, 8);
	assert_int_equal(buf_append(&b, "12345678", 8), 0);
	assert_int_equal(buf_putc(&b, 'x'), -1); /* over the cap */
	assert_int_equal(b.len, 8);
	assert_memory_equal(b.data, "12345678", 8);
	buf_release(&b);
	buf_init(&b, 0);
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "x"), 0);
	assert_string_equal(b.data, "42-x");
	buf_release(&b);
}

static void test_arena(void **state)
{
	(void)state;
	arena a;
	arena_init(&a);
	char *big = arena_alloc(&a, 1 << 20);
	assert_non_null(big);
	memset(big, 1, 1 << 20);
	/* strings are packed; other allocations stay aligned between them */
	for (int i = 0; i < 10000; i++) {
		char *s = arena_strndup(&a, "abc", 3), *t = arena_strndup(&a, "de", 2);
		assert_string_equal(s, "abc");
		assert_string_equal(t, "de");
		assert_ptr_equal(t, s + 4); /* all in the block after big */
		double *d = arena_alloc(&a, sizeof *d);
		assert_non_null(d);
		assert_int_equal((uintptr_t)d % _Alignof(max_align_t), 0);
		*d = i;
	}
	arena_release(&a);
}

static tok_list split(const char *s)
{
	tok_list l = {0};
	assert_int_equal(tok_split(&l, s, strlen(s)), 0);
	return l;
}

/* A packed arena is one block of what it used: every byte where
 * arena_moved says, other pointers as they were, and it takes more after. */
static void test_arena_pack(void **state)
{
	(void)state;
	arena a;
	arena_init(&a);
	char *s[3000];
	for (int i = 0; i < 3000; i++) { /* several blocks */
		char w[16];
		int n = snprintf(w, sizeof w, "w%d", i);
		s[i] = arena_strndup(&a, w, (size_t)n);
		assert_non_null(s[i]);
		double *d = arena_alloc(&a, sizeof *d);
		assert_non_null(d);
	}
	size_t before = arena_size(&a);
	arena_moves m;
	size_t after = arena_pack(&a, &m);
	assert_true(m.n > 1);
	assert_true(after < before);
	assert_int_equal(after, arena_size(&a));
	for (int i = 0; i < 3000; i++) {
		char w[16];
		snprintf(w, sizeof w, "w%d", i);
		char *p = arena_moved(&m, s[i]);
		assert_ptr_not_equal(p, s[i]);
		assert_string_equal(p, w);
	}
	static const char other[] = "static";
	assert_ptr_equal(arena_moved(&m, other), other);
	assert_null(arena_moved(&m, NULL));
	double *d = arena_alloc(&a, sizeof *d);
	assert_non_null(d);
	assert_int_equal((uintptr_t)d % _Alignof(max_align_t), 0);
	/* a block nearly full is left as it is */
	arena_release(&a);
	arena_init(&a);
	assert_non_null(arena_alloc(&a, 30000));
	arena_pack(&a, &m);
	assert_int_equal(m.n, 0);
	arena_release(&a);
}

static int write_buf(void *ud, const char *bytes, size_t len)
{
	return buf_append(ud, bytes, len) ? -1 : 0;
}

/* A shrunk result holds less and writes the same records as the result
 * it was, also when the memory to move into cannot be had. */
static void test_result_shrink(void **state)
{
	(void)state;
	buf text, out[5];
	buf_init(&text, 0);
	for (int i = 0; i < 400; i++) /* a long document: an arena of several blocks */
		buf_printf(&text,
			   "On March %d, police in Lagos arrested %d protesters, and "
			   "\"about %d were hurt\", the ministry told Reuters. "
			   "Nigeria accused Ghana of sending %d troops. ",
			   i % 28 + 1, i + 3, 2 * i + 10, 3 * i + 7);
	corro_meta m = {.id = "t", .published = "2024-05-01"};
	/* 0: as extracted; 1: shrunk; 2 to 4: shrunk with its first, second
	 * or third allocation failing */
	for (int k = 0; k < 5; k++) {
		corro_doc *d = NULL;
		corro_result *r = NULL;
		assert_int_equal(corro_doc_new(&d, &m, text.data, text.len, NULL, NULL), CORRO_OK);
		assert_int_equal(corro_extract(d, &r), CORRO_OK);
		assert_true(corro_result_event_count(r) > 0);
		assert_true(corro_result_quote_count(r) > 0);
		if (k == 1) {
			size_t before = failalloc_live;
			size_t held = corro_result_shrink(r);
			size_t after = failalloc_live;
			assert_true(after < before);  /* it gave memory back */
			assert_int_equal(corro_result_shrink(r), held); /* once is enough */
		} else if (k > 1) {
			failalloc_start(k - 2);
			corro_result_shrink(r);
			failalloc_stop();
		}
		buf_init(&out[k], 0);
		assert_int_equal(corro_write_records(CORRO_FORMAT_JSONL, 0, d, r, write_buf, &out[k]),
				 CORRO_OK);
		corro_result_free(r);
		corro_doc_free(d);
	}
	for (int k = 1; k < 5; k++) {
		assert_int_equal(out[0].len, out[k].len);
		assert_memory_equal(out[0].data, out[k].data, out[0].len);
	}
	for (int k = 0; k < 5; k++)
		buf_release(&out[k]);
	buf_release(&text);
}

static void test_tokens(void **state)
{
	(void)state;
	const char *s = "Korea’s 1,200 troops\n\n“U.S.”";
	tok_list l = split(s);
	/* Korea ’s 1 , 200 troops “ U . S . ” */
	assert_int_equal(l.n, 12);
	assert_int_equal(l.v[0].type, TK_WORD);
	assert_true(l.v[0].flags & TF_UPPER);
	assert_int_equal(l.v[1].type, TK_WORD); /* ’s joins the word after */
	assert_true(tok_is(s, &l.v[1], "'s"));
	assert_int_equal(l.v[2].type, TK_NUM);
	assert_int_equal(l.v[2].len1, 1);
	assert_int_equal(l.v[3].cp, ',');
	assert_int_equal(l.v[6].cp, '"'); /* curly quote folded */
	assert_true(l.v[6].flags & TF_PARA);
	for (size_t i = 0; i < l.n; i++)
		assert_true(l.v[i].end > l.v[i].start && l.v[i].end <= strlen(s));
	tok_list_release(&l);
	/* non-breaking and thin spaces are spaces */
	l = split("40\xC2\xA0" "000 and 5\xE2\x80\x89kg");
	assert_int_equal(l.n, 5);
	assert_true(l.v[1].flags & TF_SPACE);
	tok_list_release(&l);
}

static size_t count_sentences(const char *s)
{
	tok_list l = split(s);
	lex_view v;
	assert_int_equal(lex_view_init(&v, s, l.v, l.n), 0);
	sent_list sl = {0};
	assert_int_equal(sent_split(&sl, &v), 0);
	size_t n = sl.n;
	sent_list_release(&sl);
	lex_view_release(&v);
	tok_list_release(&l);
	return n;
}

static void test_sentences(void **state)
{
	(void)state;
	assert_int_equal(count_sentences("U.S. officials met Mr. Biden. He left."), 2);
	assert_int_equal(count_sentences("It cost 1.2 million. No. 4 was next."), 2);
	assert_int_equal(count_sentences("\"We will win.\" He said so."), 2);
	assert_int_equal(count_sentences("Troops (about 3,000.) left. Others stayed."), 2);
	assert_int_equal(count_sentences("Title line\nBody starts here."), 2);
	assert_int_equal(count_sentences("J. R. Smith arrived at 5 p.m. on time."), 1);
	assert_int_equal(count_sentences("the war.Friday came"), 2);
	assert_int_equal(count_sentences(""), 0);
}

static double parse(const char *s, size_t *ntok, unsigned *flags)
{
	tok_list l = split(s);
	lex_view v;
	assert_int_equal(lex_view_init(&v, s, l.v, l.n), 0);
	num_match m;
	double val = NAN;
	*ntok = 0;
	if (num_parse(&v, 0, l.n, &m)) {
		val = m.value;
		*ntok = m.t1 - m.t0;
		if (flags)
			*flags = m.flags;
	}
	lex_view_release(&v);
	tok_list_release(&l);
	return val;
}

static void test_numbers(void **state)
{
	(void)state;
	size_t n;
	unsigned f = 0;
	assert_true(parse("8860", &n, NULL) == 8860);
	assert_true(parse("1,234,567", &n, NULL) == 1234567 && n == 5);
	assert_true(parse("12,34,567.89", &n, NULL) == 1234567.89);
	assert_true(parse("1.2 million", &n, NULL) == 1200000);
	assert_true(parse("one hundred and six", &n, NULL) == 106);
	assert_true(parse("twenty-one", &n, NULL) == 21);
	assert_true(parse("half a million", &n, NULL) == 500000);
	assert_true(parse("a dozen", &n, NULL) == 12);
	assert_true(parse("two thirds", &n, NULL) > 0.666 && n == 2);
	assert_true(parse("3/4", &n, NULL) == 0.75);
	assert_true(parse("10k", &n, NULL) == 10000);
	assert_true(parse("2.5bn", &n, NULL) == 2.5e9);
	assert_true(parse("1e3", &n, NULL) == 1000);
	parse("hundreds", &n, &f);
	assert_true(f & NF_VAGUE);
	parse("21st", &n, &f);
	assert_true(f & NF_ORDINAL);
	/* "10m" alone is ten metres, not ten million */
	assert_true(parse("10m", &n, NULL) == 10 && n == 1);
	/* a megabyte of digits is flagged, not parsed */
	char *digits = malloc(1 << 20);
	memset(digits, '7', (1 << 20) - 1);
	digits[(1 << 20) - 1] = '\0';
	parse(digits, &n, &f);
	assert_true(f & NF_LONG);
	free(digits);
	/* digits and decimals are read as strtod reads them, to the bit */
	uint64_t x = 88172645463325252u; /* xorshift: the same values each run */
	char text[48];
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int whole = (int)(x % 18) + 1, decimals = (int)(x >> 8 & 7);
		size_t k = 0;
		for (int d = 0; d < whole + decimals; d++) {
			if (d == whole)
				text[k++] = '.';
			text[k++] = (char)('0' + (x >> (16 + d % 40) & 0xFF) % 10);
		}
		text[k] = '\0';
		double got = parse(text, &n, NULL), want = strtod(text, NULL);
		if (memcmp(&got, &want, sizeof got) != 0)
			fail_msg("%s: %.17g, strtod %.17g", text, got, want);
	}
}

/* num_format writes by hand what "%.15g" writes, for whole numbers and
 * values of a few decimals: it must agree with snprintf everywhere. */
static void test_num_format(void **state)
{
	(void)state;
	char a[64], b[64];
	uint64_t x = 88172645463325252u; /* xorshift: the same values each run */
	for (int i = 0; i < 200000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		double v;
		switch (i % 5) {
		case 0: v = (double)(int64_t)(x % 2000001) - 1000000; v /= pow(10, (double)(x >> 40 & 7)); break;
		case 1: v = (double)(x >> 11) / 9007199254740992.0 * pow(10, (double)(x % 21) - 6); break;
		case 2: v = (double)(x % 100000) / 1000.0; break;
		case 3: v = 1.0 / (double)(x % 50 + 1); break;
		default: v = -(double)(x % 100000) / 100.0; break;
		}
		num_format(v, a, sizeof a);
		snprintf(b, sizeof b, "%.15g", v);
		if (strcmp(a, b) != 0)
			fail_msg("%.17g: %s, snprintf %s", v, a, b);
	}
	num_format(-0.0, a, sizeof a);
	assert_string_equal(a, "-0");
	num_format(0.0001, a, sizeof a);
	assert_string_equal(a, "0.0001");
	num_format(0.00001, a, sizeof a);
	assert_string_equal(a, "1e-05");
	num_format(NAN, a, sizeof a);
	assert_string_equal(a, "null");
}

static void test_singular(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{"troops", "troop"},	   {"casualties", "casualty"}, {"forces", "force"},
		{"men", "man"},		   {"aircraft", "aircraft"},   {"boxes", "box"},
		{"Shells", "shell"},	   {"lives", "life"},	       {"personnel", "personnel"},
		{"crisis", "crisis"},	   {"people", "people"},       {"munitions", "munition"},
		{"fishermen", "fisherman"}, {"specimens", "specimen"}, {"buses", "bus"},
		{"movies", "movie"},	   {"heroes", "hero"},	       {"shoes", "shoe"},
		{"crises", "crisis"},	   {"viruses", "virus"},       {"ferries", "ferry"},
		/* the exceptions are data (data/words.tsv CUE rows) */
		{"Children", "child"},	   {"sorties", "sortie"},      {"specimen", "specimen"},
		{"news", "news"},	   {"gases", "gas"},	       {"stamen", "stamen"},
		{"policewomen", "policewoman"},
	};
	char out[64];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		fig_singular(cases[i][0], strlen(cases[i][0]), out, sizeof out);
		assert_string_equal(out, cases[i][1]);
	}
}

typedef struct diags {
	int n;
	long long offset[8];
	corro_severity sev[8];
} diags;

static void collect(void *ud, const corro_diag *d)
{
	diags *ds = ud;
	if (ds->n < 8) {
		ds->offset[ds->n] = d->offset;
		ds->sev[ds->n] = d->severity;
	}
	ds->n++;
}

static void test_doc_repair(void **state)
{
	(void)state;
	diags ds = {0};
	corro_meta m = {.id = "t"};
	corro_doc *d;
	const char bad[] = "ok \xFF\xFE then\0nul";
	assert_int_equal(corro_doc_new(&d, &m, bad, sizeof bad - 1, collect, &ds), CORRO_OK);
	assert_int_equal(ds.n, 2);
	assert_int_equal(ds.offset[0], 3); /* first invalid byte */
	assert_int_equal(ds.offset[1], 10); /* the NUL */
	size_t len;
	const char *t = corro_doc_text(d, &len);
	assert_memory_equal(t, "ok \xEF\xBF\xBD\xEF\xBF\xBD then\xEF\xBF\xBDnul", len);
	corro_doc_free(d);
	/* NFC: e + combining acute becomes one character */
	assert_int_equal(corro_doc_new(&d, &m, "Caf\x65\xCC\x81", 6, NULL, NULL), CORRO_OK);
	t = corro_doc_text(d, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(t, "Caf\xC3\xA9", 5);
	corro_doc_free(d);
	/* the quick check: a singleton (ANGSTROM SIGN) still becomes Å, and
	 * precomposed text stays byte for byte */
	assert_int_equal(corro_doc_new(&d, &m, "10 \xE2\x84\xAB", 6, NULL, NULL), CORRO_OK);
	t = corro_doc_text(d, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(t, "10 \xC3\x85", 5);
	corro_doc_free(d);
	assert_int_equal(corro_doc_new(&d, &m, "Caf\xC3\xA9 \xE2\x80\x99", 9, NULL, NULL), CORRO_OK);
	t = corro_doc_text(d, &len);
	assert_int_equal(len, 9);
	corro_doc_free(d);
	/* empty and binary documents are refused with a diagnostic */
	ds.n = 0;
	assert_int_equal(corro_doc_new(&d, &m, " \n\t", 3, collect, &ds), CORRO_EMPTY);
	assert_int_equal(ds.n, 1);
	char bin[256];
	for (int i = 0; i < 256; i++)
		bin[i] = (char)i;
	assert_int_equal(corro_doc_new(&d, &m, bin, sizeof bin, collect, &ds), CORRO_FORMAT);
	assert_int_equal(ds.sev[1], CORRO_ERROR);
}

static void test_reader_jsonl(void **state)
{
	(void)state;
	char path[] = "/tmp/corro-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *data =
		"{\"id\": \"a\", \"text\": \"At least 5 people died.\", \"outlet\": \"X\"}\n"
		"{not json}\n"
		"\n"
		"{\"outlet\": \"no text\"}\n"
		"{\"text\": \"About 7 boats sank.\"}\n"
		"{\"id\": \"h\", \"title\": \"Bridge reopens after repairs\"}\n";
	assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
	close(fd);
	diags ds = {0};
	corro_reader *r;
	assert_int_equal(corro_reader_new(&r, collect, &ds), CORRO_OK);
	corro_reader_add(r, path);
	corro_reader_add(r, "/nonexistent/corro");
	corro_doc *d;
	assert_int_equal(corro_reader_next(r, &d), CORRO_OK);
	assert_string_equal(corro_doc_meta(d)->id, "a");
	assert_string_equal(corro_doc_meta(d)->outlet, "X");
	corro_doc_free(d);
	assert_int_equal(corro_reader_next(r, &d), CORRO_OK);
	char want[64];
	snprintf(want, sizeof want, "%s:5", path);
	assert_string_equal(corro_doc_meta(d)->id, want);
	corro_doc_free(d);
	/* a headline alone is an item whose text is its title */
	assert_int_equal(corro_reader_next(r, &d), CORRO_OK);
	size_t hl;
	const char *ht = corro_doc_text(d, &hl);
	assert_true(hl >= 28 && memcmp(ht, "Bridge reopens after repairs", 28) == 0);
	corro_doc_free(d);
	assert_int_equal(corro_reader_next(r, &d), CORRO_DONE);
	assert_int_equal(corro_reader_failures(r), 3);
	assert_int_equal(ds.n, 3);
	assert_true(ds.offset[0] >= 66 && ds.offset[0] < 76); /* in line 2 */
	corro_reader_free(r);
	unlink(path);
}

static void test_lex_rows(void **state)
{
	(void)state;
	/* every category's entries, in the order of the data */
	size_t total = 0;
	for (int c = 0; c < LEX_CAT_COUNT_; c++) {
		size_t n, k = 0;
		const lex_entry *const *rows = lex_rows((lex_cat)c, &n);
		for (size_t i = 0; i < lex_entry_count; i++)
			if (lex_entries[i].cat == c) {
				assert_true(k < n);
				assert_ptr_equal(rows[k++], &lex_entries[i]);
			}
		assert_int_equal(k, n);
		total += n;
	}
	assert_int_equal(total, lex_entry_count);
	size_t n;
	assert_true(lex_rows(LEX_UNITCLASS, &n) && n > 0);
	assert_null(lex_rows(LEX_CAT_COUNT_, &n));
	assert_int_equal(n, 0);
}

static void test_allocation_failures(void **state)
{
	(void)state;
	const char *text = "So far Russia is said by Kyiv to have lost more than "
			   "600,000 troops, 369 aircraft and 8860 tanks. Some 3,000 "
			   "soldiers, according to the ministry, left.";
	lex_init(); /* the shared index is built once, outside the test */
	corro_meta m = {.id = "t"};
	int saw_ok = 0;
	for (long k = 0; k < 400 && !saw_ok; k++) {
		failalloc_start(k);
		corro_doc *d = NULL;
		corro_result *r = NULL;
		corro_status st = corro_doc_new(&d, &m, text, strlen(text), NULL, NULL);
		if (st == CORRO_OK) {
			st = corro_extract(d, &r);
			if (st == CORRO_OK) {
				saw_ok = failalloc_calls <= k;
				corro_result_free(r);
			} else {
				assert_int_equal(st, CORRO_NOMEM);
			}
			corro_doc_free(d);
		} else {
			assert_int_equal(st, CORRO_NOMEM);
		}
		failalloc_stop();
	}
	assert_true(saw_ok);
}

/* The stories of a clusterer as "story-of-doc0 story-of-doc1 ... |
 * copy-of-doc0 ...". */
static void describe_stories(const corro_clusterer *c, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t d = 0; d < corro_clusterer_doc_count(c) && o + 24 < cap; d++)
		o += (size_t)snprintf(out + o, cap - o, "%zu ", corro_clusterer_doc_story(c, d));
	o += (size_t)snprintf(out + o, cap - o, "|");
	for (size_t d = 0; d < corro_clusterer_doc_count(c) && o + 24 < cap; d++)
		o += (size_t)snprintf(out + o, cap - o, " %zu", corro_clusterer_doc_copy(c, d));
}

/* Every allocation of a clusterer's adding and running fails in turn: each
 * run either fails with CORRO_NOMEM or gives the stories of the run that
 * did not fail. */
static void test_cluster_allocation_failures(void **state)
{
	(void)state;
	const char *texts[] = {
		"Floods forced 4,000 people from their homes along the river Marne on Tuesday.",
		"The river Marne burst its banks and some 4,200 residents were evacuated.",
		"Voters in Valdoria gave the governing Alliance 71 of 150 seats.",
		"Floods forced 4,000 people from their homes along the river Marne on Tuesday.",
	};
	enum { N = 4 };
	corro_doc *docs[N];
	corro_result *res[N];
	for (size_t i = 0; i < N; i++) {
		char id[8];
		snprintf(id, sizeof id, "d%zu", i);
		corro_meta m = {.id = id, .published = "2025-04-02"};
		assert_int_equal(corro_doc_new(&docs[i], &m, texts[i], strlen(texts[i]), NULL, NULL),
				 CORRO_OK);
		assert_int_equal(corro_extract(docs[i], &res[i]), CORRO_OK);
	}
	char want[256] = "", got[256];
	int saw_ok = 0;
	for (long k = -1; k < 2000 && !saw_ok; k++) {
		if (k >= 0)
			failalloc_start(k);
		corro_clusterer *c = NULL;
		corro_status st = corro_clusterer_new(&c);
		for (size_t i = 0; i < N && st == CORRO_OK; i++)
			st = corro_clusterer_add(c, docs[i], res[i]);
		if (st == CORRO_OK)
			st = corro_clusterer_run(c);
		if (k >= 0)
			failalloc_stop();
		if (st == CORRO_OK) {
			describe_stories(c, got, sizeof got);
			if (k < 0)
				memcpy(want, got, sizeof got);
			else
				assert_string_equal(got, want);
			saw_ok = k >= 0 && failalloc_calls <= k;
		} else {
			assert_int_equal(st, CORRO_NOMEM);
		}
		corro_clusterer_free(c);
	}
	assert_true(saw_ok);
	/* the floods are one story, the copy is a copy, the vote apart */
	assert_string_equal(want, "0 0 1 0 | 0 1 2 0");
	for (size_t i = 0; i < N; i++) {
		corro_result_free(res[i]);
		corro_doc_free(docs[i]);
	}
}

/* A document added from its sketch counts as the document did: the stories
 * of a run from sketches are those of the run from the documents; bytes
 * that are no sketch are refused and change nothing. */
static void test_cluster_sketches(void **state)
{
	(void)state;
	const char *texts[] = {
		"Floods forced 4,000 people from their homes along the river Marne in France.",
		"The river Marne burst its banks and some 4,200 residents were evacuated in France.",
		"Voters in Valdoria gave the governing Alliance 71 of 150 seats.",
		"Floods forced 4,000 people from their homes along the river Marne in France.",
	};
	enum { N = 4 };
	corro_clusterer *a, *b;
	assert_int_equal(corro_clusterer_new(&a), CORRO_OK);
	assert_int_equal(corro_clusterer_new(&b), CORRO_OK);
	buf sk;
	buf_init(&sk, 0);
	for (size_t i = 0; i < N; i++) {
		char id[8];
		snprintf(id, sizeof id, "d%zu", i);
		corro_meta m = {.id = id, .published = "2025-04-02"};
		corro_doc *d;
		corro_result *r;
		assert_int_equal(corro_doc_new(&d, &m, texts[i], strlen(texts[i]), NULL, NULL),
				 CORRO_OK);
		assert_int_equal(corro_extract(d, &r), CORRO_OK);
		assert_int_equal(corro_clusterer_add(a, d, r), CORRO_OK);
		sk.len = 0;
		assert_int_equal(clu_sketch(a, i, &sk), 0);
		assert_int_equal(clu_add_sketch(b, corro_doc_meta(d), sk.data, sk.len), CORRO_OK);
		/* a sketch cut short or with a byte changed in its header */
		assert_int_equal(clu_add_sketch(b, &m, sk.data, sk.len - 1), CORRO_FORMAT);
		sk.data[0] = 9;
		assert_int_equal(clu_add_sketch(b, &m, sk.data, sk.len), CORRO_FORMAT);
		corro_result_free(r);
		corro_doc_free(d);
	}
	buf_release(&sk);
	assert_int_equal(corro_clusterer_doc_count(b), N);
	assert_int_equal(corro_clusterer_run(a), CORRO_OK);
	assert_int_equal(corro_clusterer_run(b), CORRO_OK);
	char da[256], db[256];
	describe_stories(a, da, sizeof da);
	describe_stories(b, db, sizeof db);
	assert_string_equal(da, db);
	assert_string_equal(da, "0 0 1 0 | 0 1 2 0");
	corro_clusterer_free(a);
	corro_clusterer_free(b);
}

/* Spellings of one name show the one with the fewest words in capitals
 * (a dateline's "NEW CARRICK" after "New Carrick"), whatever the order of
 * the documents. */
static void test_cluster_spelling(void **state)
{
	(void)state;
	const char *texts[] = {
		"NEW CARRICK, March 3 - Dorland Freight Lines said on Monday it would cut 40 "
		"routes from its depot in New Carrick after fuel costs rose.",
		"Dorland Freight Lines will cut 40 routes from its New Carrick depot, the company "
		"said, blaming fuel costs.",
	};
	for (int rev = 0; rev < 2; rev++) {
		corro_clusterer *c;
		assert_int_equal(corro_clusterer_new(&c), CORRO_OK);
		for (int k = 0; k < 2; k++) {
			int i = rev ? 1 - k : k;
			char id[8];
			snprintf(id, sizeof id, "d%d", i);
			corro_meta m = {.id = id, .published = "2025-03-03"};
			corro_doc *d;
			corro_result *r;
			assert_int_equal(
				corro_doc_new(&d, &m, texts[i], strlen(texts[i]), NULL, NULL),
				CORRO_OK);
			assert_int_equal(corro_extract(d, &r), CORRO_OK);
			assert_int_equal(corro_clusterer_add(c, d, r), CORRO_OK);
			corro_result_free(r);
			corro_doc_free(d);
		}
		assert_int_equal(corro_clusterer_run(c), CORRO_OK);
		assert_int_equal(corro_clusterer_story_count(c), 1);
		const corro_cluster *o = corro_clusterer_story(c, 0);
		int seen = 0;
		for (size_t a = 0; a < o->nactors; a++) {
			assert_string_not_equal(o->actors[a], "NEW CARRICK");
			seen |= strcmp(o->actors[a], "New Carrick") == 0;
		}
		assert_true(seen);
		corro_clusterer_free(c);
	}
}

/* A lexicon build that runs out of memory is tried again by the next
 * lex_init, not failed for the rest of the process: every allocation of
 * the build fails in turn, and then the build succeeds.  First of the
 * tests, before anything builds the lexicon. */
static void test_lex_build_retried(void **state)
{
	(void)state;
	int failed = 0;
	for (long k = 0; k < 5; k++) {
		failalloc_start(k);
		int rc = lex_init();
		failalloc_stop();
		if (rc == 0)
			break;
		failed++;
	}
	assert_true(failed > 0);
	assert_int_equal(lex_init(), 0);
	size_t n = 0;
	assert_non_null(lex_rows(LEX_PLACE, &n));
	assert_true(n > 0);
}

/* A figure-by-figure digest of a result: "text=value;..." */
static void digest(const corro_result *r, const char *text, char *out, size_t cap)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < corro_result_figure_count(r) && o + 64 < cap; i++) {
		const corro_figure *f = corro_result_figure(r, i);
		o += (size_t)snprintf(out + o, cap - o, "%.*s=%g;",
				      (int)(f->text.end - f->text.start), text + f->text.start,
				      f->value);
	}
}

/* The extractor hands documents back in the order they were put, with the
 * results of extracting each in turn, whatever its threads and slots; it
 * refuses a put when full and says when nothing is pending. */
static void test_extractor(void **state)
{
	(void)state;
	enum { N = 12 };
	char texts[N][160];
	corro_doc *docs[N];
	char want[N][512], got[512];
	for (int i = 0; i < N; i++) {
		snprintf(texts[i], sizeof texts[i],
			 "Officials said %d people were hurt and %d homes were damaged in "
			 "the storm, which cost about $%d million.",
			 10 + i, 200 * (i + 1), 3 + i);
		char id[16];
		snprintf(id, sizeof id, "d%d", i);
		corro_meta m = {.id = id};
		assert_int_equal(
			corro_doc_new(&docs[i], &m, texts[i], strlen(texts[i]), NULL, NULL),
			CORRO_OK);
		corro_result *r = NULL;
		assert_int_equal(corro_extract(docs[i], &r), CORRO_OK);
		digest(r, texts[i], want[i], sizeof want[i]);
		assert_true(corro_result_figure_count(r) >= 3);
		corro_result_free(r);
	}
	/* threads 0: one per processor, with the default slots; a number of
	 * slots past the cap is capped */
	const unsigned threads[] = {1, 2, 3, 0, 1};
	const size_t slots[] = {1, 2, 5, 0, SIZE_MAX / 2};
	for (size_t t = 0; t < 5; t++)
		for (size_t sl = 0; sl < 5; sl++) {
			if ((sl >= 3) != (t >= 3))
				continue;
			corro_extractor *x = NULL;
			assert_int_equal(corro_extractor_new(threads[t], slots[sl], &x), CORRO_OK);
			const corro_doc *d;
			corro_result *r;
			void *tag;
			assert_int_equal(corro_extractor_take(x, &d, &r, &tag), CORRO_DONE);
			size_t put = 0, taken = 0;
			while (taken < N) {
				while (put < N && !corro_extractor_full(x)) {
					assert_int_equal(corro_extractor_put(x, docs[put], NULL,
									     texts[put]),
							 CORRO_OK);
					put++;
				}
				if (put < N)
					assert_int_equal(corro_extractor_put(x, docs[put], NULL, NULL),
							 CORRO_INVALID);
				assert_int_equal(corro_extractor_pending(x), put - taken);
				assert_int_equal(corro_extractor_take(x, &d, &r, &tag), CORRO_OK);
				assert_ptr_equal(d, docs[taken]);
				assert_ptr_equal(tag, texts[taken]);
				digest(r, texts[taken], got, sizeof got);
				assert_string_equal(got, want[taken]);
				corro_result_free(r);
				taken++;
			}
			assert_int_equal(corro_extractor_take(x, &d, &r, NULL), CORRO_DONE);
			/* freed with documents still in it */
			for (size_t i = 0; i < 4 && !corro_extractor_full(x); i++)
				assert_int_equal(corro_extractor_put(x, docs[i], NULL, NULL), CORRO_OK);
			corro_extractor_free(x);
		}
	/* running out of memory while it is made */
	for (long k = 0; k < 3; k++) {
		failalloc_start(k);
		corro_extractor *x = NULL;
		corro_status st = corro_extractor_new(2, 4, &x);
		failalloc_stop();
		assert_int_equal(st, CORRO_NOMEM);
		assert_null(x);
	}
	for (int i = 0; i < N; i++)
		corro_doc_free(docs[i]);
}

int main(void)
{
	failalloc_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lex_build_retried),
		cmocka_unit_test(test_buf_cap),
		cmocka_unit_test(test_allocator_fixed),
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_arena_pack),
		cmocka_unit_test(test_result_shrink),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_num_format),
		cmocka_unit_test(test_singular),
		cmocka_unit_test(test_lex_rows),
		cmocka_unit_test(test_doc_repair),
		cmocka_unit_test(test_reader_jsonl),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_cluster_allocation_failures),
		cmocka_unit_test(test_cluster_sketches),
		cmocka_unit_test(test_cluster_spelling),
		cmocka_unit_test(test_extractor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
