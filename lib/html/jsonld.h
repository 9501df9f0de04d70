/* html/jsonld.h - article metadata from schema.org JSON-LD (internal).
 *
 * Pages describe themselves in <script type="application/ld+json">: an
 * object, an array of objects, or an "@graph" of them.  The first object
 * whose @type is an article (Article, NewsArticle, BlogPosting, Report, any
 * type whose name ends in "Article" or "Posting") gives the fields below.
 */
#ifndef HUSTINGS_HTML_JSONLD_H
#define HUSTINGS_HTML_JSONLD_H

#include <stddef.h>

#include "buf.h"

typedef struct hs_jsonld {
    int found;           /* an article object was seen */
    hs_buf headline;     /* "headline" */
    hs_buf name;         /* "name" */
    hs_buf author;       /* author names joined by ", " */
    hs_buf published;    /* "datePublished" as written */
    hs_buf publisher;    /* publisher's "name" */
    hs_buf language;     /* "inLanguage" */
} hs_jsonld;

#define HS_JSONLD_INIT { 0, HS_BUF_INIT, HS_BUF_INIT, HS_BUF_INIT, HS_BUF_INIT, \
                         HS_BUF_INIT, HS_BUF_INIT }

/* Read one script's text (CDATA and comment markers around it are
 * allowed); does nothing once an article was found or when the text is
 * not JSON (nesting is bounded by json-c's default depth).  0, or -1 when
 * out of memory. */
int hs_jsonld_read(const char *text, size_t len, hs_jsonld *out);

void hs_jsonld_free(hs_jsonld *j);

#endif
