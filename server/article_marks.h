/* article_marks.h - a search's words marked in the passages of an article. */
#ifndef ARTICLE_MARKS_H
#define ARTICLE_MARKS_H

#include <json-c/json.h>

#include "hustings.h"

typedef struct marks {
    const char *q;              /* the search's query */
    int thesaurus;              /* as the search applied it */
    double time_limit;          /* of the search (--time-limit) */
} marks;

/* Add "highlights" ([[start, end], ...], UTF-8 byte offsets into "text",
 * as in search results) to each passage of the article at path, as listed
 * in passages (objects with "passage", "title" and "text"): the ranges
 * the library gives that passage as a result of mk->q, [] for a passage
 * q does not match.  path NULL: a path the path filter cannot spell, so
 * every passage gets [].  QUERY_SYNTAX (the parser's message in
 * hustings_index_get_error) for a q that does not parse. */
hustings_status_t article_marks(hustings_index_t *index, const char *path, const marks *mk,
                                json_object *passages);

#endif
