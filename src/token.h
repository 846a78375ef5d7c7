/* token.h: splitting normalised text into tokens with byte offsets (prefix tok_). */
#ifndef CORRO_TOKEN_H
#define CORRO_TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* The few token tests that run for every token, inlined whatever the
 * compiler's budget for a large caller (a call per test costs more than
 * the test). */
#if defined(__GNUC__)
#define TOK_ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define TOK_ALWAYS_INLINE static inline
#endif
#include <string.h>

typedef enum {
	TK_WORD, /* letters, possibly with marks: "Korea", "'s" */
	TK_NUM,  /* a run of decimal digits: "600" (grouping is the number stage's) */
	TK_PUNCT /* any other single character; see tok.cp */
} tok_type;

enum {
	TF_SPACE = 1,   /* white space between the previous token and this one */
	TF_NEWLINE = 2, /* a line break between them */
	TF_UPPER = 4,   /* a word starting with an upper-case letter */
	TF_CAPS = 8,    /* a word entirely in upper case (two letters or more) */
	TF_PARA = 16    /* a blank line (or more) between them */
};

typedef struct tok {
	size_t start, end; /* bytes of the token in the text */
	uint32_t cp;       /* TK_PUNCT: the character, folded: curly quotes to
			      '"' or '\'', dashes to '-', other spaces never */
	uint8_t type, flags;
	uint8_t len1; /* TK_NUM: digit count capped at 255 */
} tok;

typedef struct tok_list {
	tok *v;
	size_t n, cap;
} tok_list;

/* Appends the tokens of text[0..len) to list.  Returns 0, or -1 when memory
 * runs out.  The text must be valid UTF-8. */
int tok_split(tok_list *list, const char *text, size_t len);
void tok_list_release(tok_list *list);

/* Writes the token's bytes in ASCII lower case into out (at most cap-1 bytes,
 * NUL-terminated) and returns the length, or 0 when it does not fit. */
size_t tok_lower(const char *text, const tok *t, char *out, size_t cap);

/* tok_is for a token that starts with the byte 0xE2, maybe a typographic
 * apostrophe ("’s" is "'s"). */
int tok_is_e2(const char *text, const tok *t, const char *word);

/* The n bytes at s, ASCII letters folded to lower case, from byte i on,
 * equal those of word (lower case). */
static inline int tok_eq_from(const unsigned char *s, const char *word, size_t i, size_t n)
{
	for (; i < n; i++) {
		unsigned c = s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != (unsigned char)word[i])
			return 0;
	}
	return 1;
}

/* Case-insensitive comparison of a token with an ASCII word (lower case).
 * Inline: the stages call it for most tokens, with a literal word whose
 * length the compiler knows, and most calls fail on the first letter. */
TOK_ALWAYS_INLINE int tok_is(const char *text, const tok *t, const char *word)
{
	const unsigned char *s = (const unsigned char *)text + t->start;
	if (s[0] == 0xE2)
		return tok_is_e2(text, t, word);
	unsigned c0 = s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32u : s[0];
	if (c0 != (unsigned char)word[0])
		return 0;
	size_t n = t->end - t->start;
	return n == strlen(word) && tok_eq_from(s, word, 1, n);
}

/* The first token of t[lo, hi) (in text order) that ends after byte at:
 * the token holding at, or the one after it; hi when none.  By halves. */
static inline size_t tok_find(const tok *t, size_t lo, size_t hi, size_t at)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Decodes one UTF-8 character at s (n bytes available); returns its length. */
size_t tok_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
