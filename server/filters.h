/* filters.h - the lang= and source= filters of a search, added to its
 * query string as the fields lang: and source: (or site:). */
#ifndef FILTERS_H
#define FILTERS_H

#include "hustings.h"

/* " lang:xx source:host" (or site:"name"), "" when both are NULL or "";
 * lang must be letters, source free of quotes and control characters.
 * The caller frees it; NULL when memory ran out. */
char *query_filters(const char *lang, const char *source);

/* Parse q with the filters (from query_filters) added.  q is parsed alone
 * first, so that a mistake (QUERY_SYNTAX) is reported in the index's
 * error with columns of q itself; the filters then go outside brackets
 * around q, which do not change its ranking.  Every query made has
 * time_limit (hustings_query_set_time_limit). */
hustings_status_t filtered_query_create(hustings_index_t *index, const char *q,
                                        const char *suffix, double time_limit,
                                        hustings_query_t **query);

/* The suggestion of a filtered query respells the whole string, filters
 * included: *out is set to the part that respells q (for the caller to
 * free), or NULL when there is none or it does not have the expected
 * shape.  -1 when memory ran out. */
int filtered_suggestion(const char *suggestion, const char *suffix, char **out);

#endif
