/* article_list.h - the articles read from one file, in order (internal).
 *
 * The readers append to one; hs_read_articles (reader.h) hands it back.
 */
#ifndef HUSTINGS_ARTICLE_LIST_H
#define HUSTINGS_ARTICLE_LIST_H

#include <stddef.h>

#include "article.h"

typedef struct hs_article_list {
    hs_article **items;
    size_t n, cap;
} hs_article_list;

#define HS_ARTICLE_LIST_INIT { NULL, 0, 0 }

/* Append a (the list takes it; on failure it is freed). 0 or -1. */
int hs_article_list_add(hs_article_list *list, hs_article *a);
/* Make the ids of the articles from `first` on unique: two with the
 * same id would replace each other in the index, so the second and later,
 * in order, become "id#2", "id#3", ...  0 or -1. */
int hs_article_list_unique_ids(hs_article_list *list, size_t first);
/* Free every article and empty the list (it can be reused). */
void hs_article_list_clear(hs_article_list *list);

#endif
