/* stories.c: the index of a run's stories, and the briefs of several
 * stories in one output (corro_stories_write).  What a story's brief shows
 * is brief.c's; this file only puts the index before the briefs. */
#include "brief.h"
#include "corro.h"
#include "json.h"
#include "mem.h"

#include <stdio.h>
#include <string.h>

/* The facts and conflicts of a built story. */
static void story_counts(const corro_story *s, size_t *facts, size_t *conflicts)
{
	*facts = corro_story_fact_count(s);
	*conflicts = 0;
	for (size_t i = 0; i < *facts; i++)
		*conflicts += corro_story_fact(s, i)->verdict == CORRO_VERDICT_CONFLICT;
}

/* The index entry's fields after "story" and "title", as JSON keys.  With
 * index, its documents' ids, actors' names, facts and conflicts too; in a
 * brief, which lists its documents, actors and facts itself, not. */
static void json_entry(buf *b, const corro_clusterer *c, const corro_cluster *o,
		       const corro_story *s, int index)
{
	if (index) {
		buf_puts(b, ",\"documents\":[");
		for (size_t i = 0; i < o->ndocs; i++) {
			if (i)
				buf_putc(b, ',');
			json_cstr(b, corro_clusterer_doc_id(c, o->docs[i]));
		}
		buf_putc(b, ']');
	}
	json_key(b, "outlets");
	json_size(b, o->outlets);
	json_key(b, "copies");
	json_size(b, o->copies);
	json_key(b, "first");
	json_cstr(b, o->first);
	json_key(b, "last");
	json_cstr(b, o->last);
	if (!index)
		return;
	buf_puts(b, ",\"actors\":[");
	for (size_t i = 0; i < o->nactors; i++) {
		if (i)
			buf_putc(b, ',');
		json_cstr(b, o->actors[i]);
	}
	buf_putc(b, ']');
	if (s) {
		size_t facts, conflicts;
		story_counts(s, &facts, &conflicts);
		json_key(b, "facts");
		json_size(b, facts);
		json_key(b, "conflicts");
		json_size(b, conflicts);
	}
}

static corro_status write_jsonl(const corro_clusterer *c, corro_story *const *stories,
				corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	corro_status st = CORRO_OK;
	size_t n = corro_clusterer_story_count(c);
	for (size_t i = 0; i < n && st == CORRO_OK; i++) {
		const corro_cluster *o = corro_clusterer_story(c, i);
		buf_puts(&b, "{\"type\":\"story\",\"story\":");
		json_size(&b, o->id);
		json_key(&b, "title");
		json_cstr(&b, o->title);
		json_entry(&b, c, o, stories ? stories[i] : NULL, 1);
		buf_puts(&b, "}\n");
		st = brief_flush_big(&b, w, ud);
	}
	if (st == CORRO_OK)
		st = brief_flush(&b, w, ud);
	buf_release(&b);
	return st;
}

/* "2024-10-18" or "2024-10-18 to 2024-10-20" (no markup needed). */
static void md_dates(buf *b, const corro_cluster *o)
{
	if (!o->first)
		return;
	buf_puts(b, o->first);
	if (strcmp(o->first, o->last) != 0)
		buf_printf(b, " to %s", o->last);
}

/* Each story's brief after the index: Markdown. */
static corro_status md_briefs(const corro_clusterer *c, corro_story *const *stories, size_t n,
			      buf *b, corro_write_fn w, void *ud)
{
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < n && st == CORRO_OK; i++) {
		buf_printf(b, "\n---\n\nStory %zu (%zu of %zu in the index)\n\n",
			   corro_clusterer_story(c, i)->id, i + 1, n);
		st = brief_flush(b, w, ud);
		if (st == CORRO_OK)
			st = corro_brief_write(stories[i], CORRO_BRIEF_MARKDOWN, w, ud);
	}
	return st;
}

static corro_status write_md(const corro_clusterer *c, corro_story *const *stories, int briefs,
			     corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	size_t n = corro_clusterer_story_count(c);
	buf_printf(&b, "# Stories\n\n%zu documents in %zu stor%s, largest first.\n\n",
		   corro_clusterer_doc_count(c), n, n == 1 ? "y" : "ies");
	buf_puts(&b, stories ? "| # | story | documents | outlets | dates | named most | facts | "
			       "conflicts |\n|---|---|---|---|---|---|---|---|\n"
			     : "| # | story | documents | outlets | dates | named most |\n"
			       "|---|---|---|---|---|---|\n");
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < n && st == CORRO_OK; i++) {
		const corro_cluster *o = corro_clusterer_story(c, i);
		buf_printf(&b, "| %zu | ", o->id);
		brief_md_cstr(&b, o->title);
		buf_printf(&b, " | %zu | %zu | ", o->ndocs, o->outlets);
		md_dates(&b, o);
		buf_puts(&b, " | ");
		for (size_t k = 0; k < o->nactors; k++) {
			if (k)
				buf_puts(&b, ", ");
			brief_md_cstr(&b, o->actors[k]);
		}
		if (stories) {
			size_t facts, conflicts;
			story_counts(stories[i], &facts, &conflicts);
			buf_printf(&b, " | %zu | %zu", facts, conflicts);
		}
		buf_puts(&b, " |\n");
		st = brief_flush_big(&b, w, ud);
	}
	if (st == CORRO_OK && briefs)
		st = md_briefs(c, stories, n, &b, w, ud);
	if (st == CORRO_OK)
		st = brief_flush(&b, w, ud);
	buf_release(&b);
	return st;
}

/* One object {"stories":[...]}: each story's brief with the index's
 * fields after its title. */
static corro_status write_json_briefs(const corro_clusterer *c, corro_story *const *stories,
				      corro_write_fn w, void *ud)
{
	buf extra;
	buf_init(&extra, 0);
	size_t n = corro_clusterer_story_count(c);
	corro_status st = w(ud, "{\"stories\":[", 12) ? CORRO_IO : CORRO_OK;
	for (size_t i = 0; i < n && st == CORRO_OK; i++) {
		const corro_cluster *o = corro_clusterer_story(c, i);
		extra.len = 0;
		json_key(&extra, "story");
		json_size(&extra, o->id);
		json_entry(&extra, c, o, stories[i], 0);
		if (buf_putc(&extra, '\0') || extra.failed) {
			st = CORRO_NOMEM;
			break;
		}
		brief_view v;
		if (i && w(ud, ",", 1))
			st = CORRO_IO;
		if (st == CORRO_OK)
			st = brief_view_init(&v, stories[i], CORRO_BRIEF_JSON);
		if (st == CORRO_OK) {
			st = brief_json_story(&v, o->id, extra.data, w, ud);
			brief_view_release(&v);
		}
	}
	if (st == CORRO_OK && w(ud, "]}\n", 3))
		st = CORRO_IO;
	buf_release(&extra);
	return st;
}

/* One page: the index as a table whose titles link to the stories' briefs
 * below it. */
static corro_status write_html(const corro_clusterer *c, corro_story *const *stories, int briefs,
			       corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	size_t n = corro_clusterer_story_count(c);
	brief_html_open(&b, "corro: stories");
	buf_printf(&b,
		   "<header><p class=\"summary\">corro stories</p><h1>Stories</h1><p "
		   "class=\"summary\">%zu documents in %zu stor%s, largest first</p></header>"
		   "<table><tr><th>#</th><th>story</th><th>documents</th><th>outlets</th>"
		   "<th>dates</th><th>named most</th>%s</tr>",
		   corro_clusterer_doc_count(c), n, n == 1 ? "y" : "ies",
		   stories ? "<th>facts</th><th>conflicts</th>" : "");
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < n && st == CORRO_OK; i++) {
		const corro_cluster *o = corro_clusterer_story(c, i);
		buf_printf(&b, "<tr><td>%zu</td><td>", o->id);
		if (briefs)
			buf_printf(&b, "<a href=\"#story-%zu\">", o->id);
		brief_html_cstr(&b, o->title);
		buf_printf(&b, "%s</td><td>%zu</td><td>%zu</td><td>", briefs ? "</a>" : "",
			   o->ndocs, o->outlets);
		md_dates(&b, o);
		buf_puts(&b, "</td><td>");
		for (size_t k = 0; k < o->nactors; k++) {
			if (k)
				buf_puts(&b, ", ");
			brief_html_cstr(&b, o->actors[k]);
		}
		buf_puts(&b, "</td>");
		if (stories) {
			size_t facts, conflicts;
			story_counts(stories[i], &facts, &conflicts);
			buf_printf(&b, "<td>%zu</td><td>%zu</td>", facts, conflicts);
		}
		buf_puts(&b, "</tr>\n");
		st = brief_flush_big(&b, w, ud);
	}
	buf_puts(&b, "</table>\n");
	for (size_t i = 0; briefs && i < n && st == CORRO_OK; i++) {
		brief_view v;
		st = brief_view_init(&v, stories[i], CORRO_BRIEF_HTML);
		if (st != CORRO_OK)
			break;
		size_t id = corro_clusterer_story(c, i)->id;
		snprintf(v.idp, sizeof v.idp, "s%zu-", id);
		buf_printf(&b, "<article id=\"story-%zu\">", id);
		st = brief_html_story(&v, &b, w, ud);
		buf_puts(&b, "</article>\n");
		brief_view_release(&v);
	}
	if (st == CORRO_OK) {
		buf_puts(&b, "</body></html>\n");
		st = brief_flush(&b, w, ud);
	}
	buf_release(&b);
	return st;
}

corro_status corro_stories_write(const corro_clusterer *c, corro_story *const *stories, int briefs,
				 corro_brief_format fmt, corro_write_fn w, void *ud)
{
	if (!c || !w || (briefs && !stories))
		return CORRO_INVALID;
	for (size_t i = 0; stories && i < corro_clusterer_story_count(c); i++)
		if (!stories[i])
			return CORRO_INVALID;
	switch (fmt) {
	case CORRO_BRIEF_MARKDOWN: return write_md(c, stories, briefs, w, ud);
	case CORRO_BRIEF_JSON:
		return briefs ? write_json_briefs(c, stories, w, ud)
			      : write_jsonl(c, stories, w, ud);
	case CORRO_BRIEF_HTML: return write_html(c, stories, briefs, w, ud);
	}
	return CORRO_INVALID;
}
