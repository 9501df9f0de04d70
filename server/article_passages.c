/* article_passages.c - the passages of one article, through the path
 * filter; see article_passages.h. */
#include "article_passages.h"

#include <stdlib.h>
#include <string.h>

#include "serve.h"

static int by_ordinal(const void *a, const void *b)
{
    unsigned x = hustings_passage_get_ordinal(*(hustings_passage_t *const *)a);
    unsigned y = hustings_passage_get_ordinal(*(hustings_passage_t *const *)b);
    return x < y ? -1 : x > y;
}

hustings_status_t article_passages(hustings_query_t *query, const char *path,
                                   hustings_passages_t **ps, hustings_passage_t ***found,
                                   size_t *n)
{
    *ps = NULL;
    *found = NULL;
    *n = 0;
    hustings_status_t st = hustings_query_add_filter(query, HUSTINGS_FILTER_PATH, path);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hustings_query_set_limit(query, SERVE_MAX_PASSAGES);
        hustings_query_set_per_article(query, 0);
        hustings_query_set_collapse(query, 0);
        st = hustings_query_search(query, ps);
    }
    if (st == HUSTINGS_STATUS_SUCCESS &&
        !(*found = malloc((hustings_passages_count(*ps) + 1) * sizeof **found)))
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (; st == HUSTINGS_STATUS_SUCCESS && hustings_passages_valid(*ps);
         hustings_passages_move_to_next(*ps)) {
        hustings_passage_t *p = hustings_passages_get(*ps);
        if (strcmp(hustings_passage_get_path(p), path) == 0)
            (*found)[(*n)++] = p;
    }
    if (st == HUSTINGS_STATUS_SUCCESS) {
        qsort(*found, *n, sizeof **found, by_ordinal);
    } else {
        free(*found);
        hustings_passages_destroy(*ps);
        *found = NULL;
        *ps = NULL;
        *n = 0;
    }
    return st;
}
