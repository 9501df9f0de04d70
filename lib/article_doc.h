/* article_doc.h - an article's own document (schema.h), built beside its
 * passages' documents (internal). */
#ifndef HUSTINGS_ARTICLE_DOC_H
#define HUSTINGS_ARTICLE_DOC_H

#include "article.h"
#include "buf.h"
#include "stem.h"
#include "text_terms.h"
#include "xapian_glue.h"

/* The article's own document with its terms and tag; its headline's
 * stems are counted in *words, and the passages' documents count each
 * passage's as they are built (hs_text_terms_add), until
 * hs_article_doc_finish.  NULL when out of memory. */
hx_doc *hs_article_doc_new(hs_stemmer *stemmer, const hs_article *a,
                           const hs_buf *article_term, const hs_buf *file_term,
                           hs_article_words *words);

/* Add the counted stems to the article's document, each once with its
 * count as its wdf, and free the counts.  0, or -1 when out of memory. */
int hs_article_doc_finish(hx_doc *doc, hs_article_words *words);

#endif
