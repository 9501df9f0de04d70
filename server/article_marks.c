/* article_marks.c - a search's words marked in a whole article
 * (/api/article?q=): each passage gets the highlight ranges the library
 * gives it as a result of q, from a search of q narrowed to the article by
 * the path filter.  So the article view marks what the results marked,
 * by the same highlighter, and the page has none of its own. */
#include "article_marks.h"

#include <stdlib.h>
#include <string.h>

#include "article_passages.h"
#include "index_access.h"
#include "passage_json.h"

static const char *member(json_object *o, const char *key)
{
    json_object *v = NULL;
    json_object_object_get_ex(o, key, &v);
    return json_object_get_string(v);
}

/* The hit (sorted by ordinal) that is passage o of the listing: the same
 * ordinal, title and text (a feed's items share a path, and ordinals);
 * NULL when none. */
static hustings_passage_t *hit_of(hustings_passage_t **hits, size_t n, json_object *o)
{
    json_object *ordinal = NULL;
    json_object_object_get_ex(o, "passage", &ordinal);
    unsigned want = (unsigned)json_object_get_int64(ordinal);
    const char *title = member(o, "title"), *text = member(o, "text");
    size_t lo = 0, hi = n;
    while (lo < hi) { /* the first hit of that ordinal */
        size_t mid = lo + (hi - lo) / 2;
        if (hustings_passage_get_ordinal(hits[mid]) < want)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && hustings_passage_get_ordinal(hits[lo]) == want; lo++)
        if (title && text && strcmp(hustings_passage_get_title(hits[lo]), title) == 0 &&
            strcmp(hustings_passage_get_text(hits[lo]), text) == 0)
            return hits[lo];
    return NULL;
}

hustings_status_t article_marks(hustings_index_t *index, const char *path, const marks *mk,
                                json_object *passages)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    hustings_passage_t **hits = NULL;
    size_t n = 0;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (path) {
        st = serve_query_create(index, mk->q, mk->time_limit, &query);
        if (st == HUSTINGS_STATUS_SUCCESS) {
            hustings_query_set_thesaurus(query, mk->thesaurus);
            hustings_query_set_sort(query, HUSTINGS_SORT_DATE); /* no ranking pass */
            st = article_passages(query, path, &ps, &hits, &n);
        }
    }
    size_t count = json_object_array_length(passages);
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < count; i++) {
        json_object *o = json_object_array_get_idx(passages, i);
        hustings_passage_t *hit = hit_of(hits, n, o);
        json_object *ranges = hit ? passage_json_highlights(hit) : json_object_new_array();
        if (!ranges || json_object_object_add(o, "highlights", ranges) != 0) {
            json_object_put(ranges);
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        }
    }
    free(hits);
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
    return st;
}
