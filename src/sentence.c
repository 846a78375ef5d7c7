/* sentence.c: a rule-based sentence splitter that knows news text: quotes,
 * abbreviations, initials, decimal points and the lines scrapers leave. */
#include "sentence.h"
#include "mem.h"

#include <string.h>

static int is_term(const tok *t)
{
	return t->type == TK_PUNCT &&
	       (t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == 0x2026);
}

static int is_closer(const tok *t)
{
	return t->type == TK_PUNCT &&
	       (t->cp == '"' || t->cp == '\'' || t->cp == ')' || t->cp == ']');
}

/* Does a full stop at token i close an abbreviation or an initial? */
static int abbrev_dot(const lex_view *v, size_t i)
{
	if (i == 0)
		return 0;
	const tok *w = &v->t[i - 1];
	if (w->type != TK_WORD || (v->t[i].flags & TF_SPACE))
		return 0;
	size_t len = w->end - w->start;
	/* single letters: initials (J. Smith) and U.S., U.K. */
	if (len == 1)
		return 1;
	return lex_has(v, i - 1, LEX_BIT(LEX_ABBR)) &&
	       lex_match(v, i - 1, i, LEX_BIT(LEX_ABBR), NULL) != NULL;
}

static int starts_sentence(const tok *t)
{
	if (t->type == TK_NUM)
		return 1;
	if (t->type == TK_WORD)
		return (t->flags & TF_UPPER) != 0;
	return t->cp == '"' || t->cp == '\'' || t->cp == '(' || t->cp == '[' || t->cp == '-';
}

static int push(sent_list *out, const lex_view *v, size_t t0, size_t t1)
{
	if (t1 <= t0)
		return 0;
	if (VEC_GROW(out->v, out->n, out->cap, sent))
		return -1;
	sent *s = &out->v[out->n++];
	s->t0 = t0;
	s->t1 = t1;
	s->start = v->t[t0].start;
	s->end = v->t[t1 - 1].end;
	return 0;
}

/* Is the text hard-wrapped (short lines that run on), or one paragraph a
 * line, as scrapers write it?  Judged by the share of long lines. */
static int hard_wrapped(const lex_view *v)
{
	size_t lines = 0, long_lines = 0, line_start = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (i == 0 || (v->t[i].flags & TF_NEWLINE)) {
			if (i > 0) {
				lines++;
				if (v->t[i - 1].end - line_start > 100)
					long_lines++;
			}
			line_start = v->t[i].start;
		}
	}
	if (v->n) {
		lines++;
		if (v->t[v->n - 1].end - line_start > 100)
			long_lines++;
	}
	return lines >= 4 && long_lines * 5 < lines;
}

int sent_split(sent_list *out, const lex_view *v)
{
	const tok *t = v->t;
	size_t n = v->n, begin = 0;
	int wrapped_text = hard_wrapped(v);
	for (size_t i = 1; i < n; i++) {
		int cut = 0;
		if (t[i].flags & TF_NEWLINE) {
			/* A wrapped line goes on in lower case after a word. */
			const tok *p = &t[i - 1];
			int wrapped = wrapped_text && !(t[i].flags & TF_PARA) &&
				      t[i].type == TK_WORD && !(t[i].flags & TF_UPPER) &&
				      (p->type == TK_WORD || p->cp == ',');
			cut = !wrapped;
		} else {
			/* back over closing quotes and brackets */
			size_t k = i;
			while (k > begin + 1 && i - k < 4 && is_closer(&t[k - 1]) &&
			       !(t[k - 1].flags & TF_SPACE))
				k--;
			const tok *p = &t[k - 1];
			if (is_term(p) && k - 1 > begin) {
				if (t[i].flags & TF_SPACE) {
					cut = starts_sentence(&t[i]) &&
					      !(p->cp == '.' && abbrev_dot(v, k - 1));
				} else if (k == i && p->cp == '.' && t[i].type == TK_WORD &&
					   (t[i].flags & TF_UPPER) && !(t[i].flags & TF_CAPS) &&
					   t[k - 2].type == TK_WORD &&
					   !(t[k - 2].flags & TF_CAPS) &&
					   t[k - 2].end - t[k - 2].start >= 2 &&
					   !abbrev_dot(v, k - 1)) {
					/* "territory.Friday": two texts glued */
					cut = 1;
				}
			}
		}
		if (cut) {
			if (push(out, v, begin, i))
				return -1;
			begin = i;
		}
	}
	if (n && push(out, v, begin, n))
		return -1;
	return 0;
}

void sent_list_release(sent_list *l)
{
	mem_free(l->v);
	memset(l, 0, sizeof *l);
}
