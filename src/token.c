/* token.c: the tokenizer.  One pass, no backtracking; every token keeps its
 * byte span so that later stages can point back at the exact text. */
#include "token.h"
#include "mem.h"

#include <string.h>
#include <utf8proc.h>

size_t tok_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = (uint32_t)c;
	return (size_t)k;
}

enum { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_MARK, C_OTHER };

/* classify beyond ASCII: by Unicode category. */
static int classify_wide(uint32_t cp)
{
	if (cp == 0x2028 || cp == 0x2029 || cp == 0x85)
		return C_NEWLINE;
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: return C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: return C_MARK;
	case UTF8PROC_CATEGORY_ND: return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF: /* zero-width joiners, soft hyphens */ return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP: return C_NEWLINE;
	default: return C_OTHER;
	}
}

/* Inline: it runs for every character, and most are ASCII. */
static inline int classify(uint32_t cp)
{
	if (cp < 0x80) {
		if (cp == '\n')
			return C_NEWLINE;
		if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v')
			return C_SPACE;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return C_LETTER;
		if (cp >= '0' && cp <= '9')
			return C_DIGIT;
		if (cp < 0x20 || cp == 0x7F)
			return C_SPACE;
		return C_OTHER;
	}
	return classify_wide(cp);
}

static uint32_t fold_punct(uint32_t cp)
{
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x2032: return '\'';
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x00AB:
	case 0x00BB:
	case 0x2033: return '"';
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0xFE58:
	case 0xFE63:
	case 0xFF0D: return '-';
	case 0x2026: return 0x2026; /* ellipsis stays itself; the splitter knows it */
	default: return cp;
	}
}

static int is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

int tok_split(tok_list *list, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	if (!list->cap && len >= 64) {
		/* room for a token every four bytes, which news rarely passes,
		 * rather than a dozen reallocations of a document's tokens (a
		 * huge text still grows as it goes) */
		size_t cap = len / 4 < ((size_t)1 << 20) ? len / 4 : ((size_t)1 << 20);
		list->v = mem_alloc(cap * sizeof *list->v);
		if (!list->v)
			return -1;
		list->cap = cap;
	}
	size_t i = 0;
	unsigned flags = 0;
	int newlines = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = s[i] < 0x80 ? (cp = s[i], 1) : tok_decode(s + i, len - i, &cp);
		int cls = classify(cp);
		if (cls == C_SPACE) {
			flags |= TF_SPACE;
			i += k;
			continue;
		}
		if (cls == C_NEWLINE) {
			flags |= TF_SPACE | TF_NEWLINE;
			if (++newlines >= 2)
				flags |= TF_PARA;
			i += k;
			continue;
		}
		if (VEC_GROW(list->v, list->n, list->cap, tok))
			return -1;
		tok *t = &list->v[list->n++];
		t->start = i;
		t->cp = 0;
		t->len1 = 0;
		if (cls == C_DIGIT) {
			t->type = TK_NUM;
			size_t j = i + k, count = 1;
			while (j < len) {
				if (s[j] >= '0' && s[j] <= '9') {
					j++;
					count++;
					continue;
				}
				if (s[j] < 0x80)
					break;
				uint32_t c2;
				size_t k2 = tok_decode(s + j, len - j, &c2);
				if (classify(c2) != C_DIGIT)
					break;
				j += k2;
				count++;
			}
			t->len1 = count > 255 ? 255 : (uint8_t)count;
			t->end = j;
		} else if (cls == C_LETTER || cls == C_MARK) {
			t->type = TK_WORD;
			if (is_upper(cp))
				flags |= TF_UPPER;
			int all_upper = is_upper(cp), letters = 1;
			size_t j = i + k;
			while (j < len) {
				unsigned b = s[j];
				if (b < 0x80) {
					/* ASCII: a letter or the end of the word */
					if ((b | 0x20) - 'a' >= 26u)
						break;
					letters++;
					if (b >= 'a')
						all_upper = 0;
					j++;
					continue;
				}
				uint32_t c2;
				size_t k2 = tok_decode(s + j, len - j, &c2);
				int c2cls = classify(c2);
				if (c2cls == C_LETTER || c2cls == C_MARK) {
					if (c2cls == C_LETTER) {
						letters++;
						if (!is_upper(c2))
							all_upper = 0;
					}
					j += k2;
					continue;
				}
				break;
			}
			if (all_upper && letters >= 2)
				flags |= TF_CAPS;
			t->end = j;
		} else {
			t->type = TK_PUNCT;
			t->cp = fold_punct(cp);
			t->end = i + k;
			/* An apostrophe that starts "'s", "'t", "'re", "'ll"
			 * glued to a word belongs to the word after it, so that
			 * "Korea's" gives "Korea" and "'s". */
			if (t->cp == '\'' && list->n >= 2 && !(flags & TF_SPACE) &&
			    list->v[list->n - 2].type == TK_WORD && list->v[list->n - 2].end == i &&
			    t->end < len) {
				uint32_t c2;
				size_t k2 = tok_decode(s + t->end, len - t->end, &c2);
				if (classify(c2) == C_LETTER) {
					size_t j = t->end + k2;
					while (j < len && s[j] < 0x80 && classify(s[j]) == C_LETTER)
						j++;
					size_t wl = j - t->end;
					if (wl <= 2) {
						t->type = TK_WORD;
						t->cp = 0;
						t->end = j;
					}
				}
			}
		}
		t->flags = (uint8_t)flags;
		flags = 0;
		newlines = 0;
		i = t->end;
	}
	return 0;
}

void tok_list_release(tok_list *list)
{
	mem_free(list->v);
	memset(list, 0, sizeof *list);
}

size_t tok_lower(const char *text, const tok *t, char *out, size_t cap)
{
	size_t n = t->end - t->start;
	if (n + 1 > cap)
		return 0;
	const unsigned char *s = (const unsigned char *)text + t->start;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned c = s[i];
		/* Fold the typographic apostrophe so "’s" matches "'s". */
		if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0x99 || s[i + 2] == 0x98)) {
			out[o++] = '\'';
			i += 2;
			continue;
		}
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[o] = '\0';
	return o;
}

int tok_is_e2(const char *text, const tok *t, const char *word)
{
	/* "’s" against "'s": the apostrophe folded as tok_lower does */
	size_t n = t->end - t->start, wl = strlen(word);
	if (n == wl)
		return tok_eq_from((const unsigned char *)text + t->start, word, 0, n);
	if (n != wl + 2 || n < 3)
		return 0;
	char tmp[64];
	size_t k = tok_lower(text, t, tmp, sizeof tmp);
	return k && strcmp(tmp, word) == 0;
}
