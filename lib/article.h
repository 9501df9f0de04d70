/* article.h - the in-memory model of one parsed article (internal).
 *
 * A reader (reader_text.c, reader_html.c, reader_feed.c, reader_xml.c)
 * turns the bytes of a file into an hs_article: metadata plus the passages
 * that will become Xapian documents.  Everything in an article is valid UTF-8 and owned by it.
 */
#ifndef HUSTINGS_ARTICLE_H
#define HUSTINGS_ARTICLE_H

#include <stddef.h>

#include "buf.h"

/* Paragraphs longer than this many words are split at sentence ends.  A
 * news paragraph is rarely longer, so in practice only blocks that are not
 * really paragraphs (text without paragraph breaks) are cut.  On the dev
 * judgments, passages of up to 160, 200, 250 and 300 words all ranked
 * better than 120 (nDCG@10 0.693-0.706 against 0.688), with 17% fewer
 * passages at 200 than at 120. */
#define HS_PASSAGE_MAX_WORDS 200

typedef struct hs_passage {
    char *text;          /* trimmed, never empty */
    unsigned paragraph;  /* blank-line separated block of the source file
                            that holds it, counted from 0 (0 = headline) */
} hs_passage;

typedef struct hs_article {
    char *path;          /* the file it came from, as text (path_text.h) */
    char *title;         /* headline; "" when the file has none (never NULL) */
    char *date;          /* "YYYY-MM-DD", or NULL when unknown */
    int date_from_mtime; /* date is the file's modification time, given by
                            the indexer when asked (file_dates.h), not the
                            article's own */
    char *datetime;      /* ISO 8601 as precise as the source: "2023-03-19",
                            "2023-03-19T21:00:00" or
                            "2023-03-19T21:00:00+06:00"; NULL when unknown */
    char *source;        /* canonical URL, or NULL */
    char *byline;        /* author(s), or NULL */
    char *lang;          /* language code ("en", "ru", "kk"), or NULL */
    char *site;          /* publication name, or NULL */
    char *id;            /* identity inside a file holding several articles
                            (a feed item's guid or link), or NULL */
    const char *format;  /* static: "text", "html", "rss", "atom", "xml" */
    hs_passage *passages;
    size_t n_passages;
    size_t cap_passages;
} hs_article;

/* A new empty article for `path` (copied), of format "text"; NULL when out
 * of memory. */
hs_article *hs_article_new(const char *path);
void hs_article_free(hs_article *a);

/* Replace a metadata field with a copy of s[0..len) (s may be NULL to clear).
 * 0, or -1 when out of memory. */
int hs_article_set_title(hs_article *a, const char *s, size_t len);
int hs_article_set_date(hs_article *a, const char *s, size_t len);
int hs_article_set_source(hs_article *a, const char *s, size_t len);
int hs_article_set_byline(hs_article *a, const char *s, size_t len);
int hs_article_set_datetime(hs_article *a, const char *s, size_t len);
int hs_article_set_lang(hs_article *a, const char *s, size_t len);
int hs_article_set_site(hs_article *a, const char *s, size_t len);
int hs_article_set_id(hs_article *a, const char *s, size_t len);

/* Append the paragraph text[0..len) (block `paragraph` of the file) as one
 * or more passages: surrounding white space is trimmed, an empty paragraph
 * adds nothing, and one over HS_PASSAGE_MAX_WORDS words is split at sentence
 * boundaries into passages of at most that many words where the sentences
 * allow (a single longer sentence is cut between words).
 * 0, or -1 when out of memory. */
int hs_article_add_paragraph(hs_article *a, const char *text, size_t len,
                             unsigned paragraph);

/* For readers that find paragraphs one by one through a callback: each
 * hs_paragraph_adder_add(adder, text, len) appends the next paragraph
 * (numbered from paragraph + 1) to the article a.  0, or -1 when out of
 * memory. */
typedef struct hs_paragraph_adder {
    hs_article *a;
    unsigned paragraph;   /* the last one added */
} hs_paragraph_adder;
int hs_paragraph_adder_add(void *adder, const char *text, size_t len);

#endif
