/* text_terms.h - the terms of a passage's text and headline (internal). */
#ifndef HUSTINGS_TEXT_TERMS_H
#define HUSTINGS_TEXT_TERMS_H

#include <stddef.h>

#include "article.h"
#include "buf.h"
#include "stem.h"
#include "strmap.h"
#include "xapian_glue.h"

/* The words of an article's own document while its passages are built:
 * how often each stem occurs. */
typedef struct hs_article_words {
    hs_strmap *counts;        /* stem -> count, as a pointer-sized integer */
    hs_buf stem;
} hs_article_words;

/* Count one occurrence of stem[0..len).  0, or -1 when out of memory. */
int hs_article_words_count(hs_article_words *w, const char *stem, size_t len);

/* Add to doc the terms of one text field of a passage, stemmed in lang:
 * stems (stem_prefix, with positions), exact forms (exact_prefix) and,
 * with a name_prefix, names' transliteration keys; each stem is counted
 * in article when it is not NULL.  0, or -1 when out of memory. */
int hs_text_terms_add(hx_doc *doc, hs_stemmer *stemmer, const char *lang,
                      hs_article_words *article, const char *exact_prefix,
                      const char *stem_prefix, const char *name_prefix, const char *text);

/* The language to stem an article's headline in: its first passage's
 * (which, for Kazakh in Latin letters, says in which alphabet: a headline
 * is too short to tell). */
const char *hs_headline_lang(const hs_article *a);

#endif
