/* exact_phrase.h - exact phrases checked in the text (internal).
 *
 * The index keeps positions for stems only (index_write.c), so the match
 * of ="general elections" is the stem phrase in a passage that holds each
 * exact word somewhere: "a general election ... local elections" matches
 * too.  And a word that is its own stem has no exact term (schema.h), so
 * =vote is matched through the stem "vote", which "votes" has too.  An
 * exact word or phrase that every match needs is checked here, on the
 * passage's text and its headline, as the match runs (an hx_accept), so
 * that results, counts and facets agree.  (A plain phrase's stop words
 * have no terms: the index and the highlighter both take them as places
 * for any word inside it, and leave them out at its ends.)  One that is an alternative
 * among others (in an OR) is left to the match, which is then approximate
 * (hustings-query(1)).
 */
#ifndef HUSTINGS_EXACT_PHRASE_H
#define HUSTINGS_EXACT_PHRASE_H

#include "hustings.h"
#include "query.h"
#include "xapian_glue.h"

typedef struct hs_exact_check hs_exact_check;

/* The check of pq's exact phrases that every match needs, reading
 * headlines from db (the check must not outlive pq): NULL in *out when
 * there are none.  Exact forms are compared as written: no stemming.  0,
 * or -1 when out of memory. */
int hs_exact_check_new(const hs_parsed_query *pq, hx_db *db, hs_exact_check **out);

/* For hx_accept: non-zero when document docid (its data[0..len)) holds
 * every phrase in its text or headline. */
int hs_exact_check_keep(void *check, unsigned docid, const char *data, size_t len);

/* HUSTINGS_STATUS_SUCCESS, or why a passage could not be checked (it was
 * dropped, and the search must fail). */
hustings_status_t hs_exact_check_status(const hs_exact_check *check);

void hs_exact_check_free(hs_exact_check *check);

#endif
