/* article_passages.h - the passages of one article, through the path
 * filter, in their order. */
#ifndef ARTICLE_PASSAGES_H
#define ARTICLE_PASSAGES_H

#include <stddef.h>

#include "hustings.h"

/* Run query (made and set up by the caller: its words, thesaurus, sort)
 * narrowed to path by the path filter, for all it finds (no copy
 * collapsed, no bound per article, at most SERVE_MAX_PASSAGES): *found
 * gets the *n passages whose path is path itself (the filter matches the
 * names of a path, so other files can come too), sorted by ordinal.
 * They belong to *ps; the caller frees *found and destroys *ps (both NULL
 * on failure). */
hustings_status_t article_passages(hustings_query_t *query, const char *path,
                                   hustings_passages_t **ps, hustings_passage_t ***found,
                                   size_t *n);

#endif
