/* tally.h - the count, the facets and the articles of a query's matches,
 * from one pass over them (internal).
 *
 * A page that shows the count, four facets and the articles costs one
 * pass over the matches, not six: search.c makes a tally the first time
 * one of them is asked for and keeps it with the query.  The facets are
 * hustings_facet_names()'s, k being the index of a name there; the date
 * facets count matches without a date as the value "undated".
 */
#ifndef HUSTINGS_TALLY_H
#define HUSTINGS_TALLY_H

#include <stddef.h>

#include "hustings.h"
#include "query.h"
#include "xapian_glue.h"

typedef struct hs_tally hs_tally;

/* One pass over the matches of q in db that pass accept (may be NULL):
 * how many, every facet, and with with_articles how many articles they
 * come from.  *out is the caller's to free with hs_tally_free(); NULL on
 * failure (OUT_OF_MEMORY, or what hx_db_tally returned). */
hustings_status_t hs_tally_new(hx_db *db, const hs_qnode *q, const hx_accept *accept,
                               int with_articles, hs_tally **out);
void hs_tally_free(hs_tally *t);

unsigned long hs_tally_total(const hs_tally *t);
/* Whether the pass counted the articles, and how many there are. */
int hs_tally_has_articles(const hs_tally *t);
unsigned long hs_tally_articles(const hs_tally *t);

/* The facet named name: its k, or -1 when there is none. */
int hs_tally_facet(const char *name);
/* Facet k's values, most frequent first (then by value), at most 1,000:
 * how many, value i and its count in passages. */
size_t hs_tally_n_values(const hs_tally *t, int k);
const char *hs_tally_value(const hs_tally *t, int k, size_t i);
unsigned long hs_tally_count(const hs_tally *t, int k, size_t i);

#endif
