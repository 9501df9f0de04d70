/* match_rules.h - the rules xapian_glue.cc applies to a search without
 * deciding them (internal): how far a query's wildcards may expand, what
 * a refusal says, where a passage without a date sorts, and how Xapian
 * numbers the documents of several databases searched as one.
 */
#ifndef HUSTINGS_MATCH_RULES_H
#define HUSTINGS_MATCH_RULES_H

#include <limits.h>
#include <stddef.h>

#include "qnode.h"

#ifdef __cplusplus
extern "C" {
#endif

/* How many terms each wildcard of q may expand to, in *each (the most
 * frequent ones): 0 when q may run, 1 when it has too many wildcards
 * (why[0..size) then says so, for HUSTINGS_STATUS_QUERY_TOO_COSTLY), -1
 * when out of memory. */
int hs_wildcard_expansion(const hs_qnode *q, unsigned *each, char *why, size_t size);

/* What a search cut short by its time limit of `seconds` says, in
 * why[0..size). */
void hs_time_limit_refusal(double seconds, char *why, size_t size);

/* The value a document without one in the sort slot sorts as: a passage
 * without a date goes after the dated ones, going up or down. */
const char *hs_unset_sort_value(int descending);

/* Xapian numbers the documents of n databases searched as one by
 * interleaving them: document d of database k (from 0) is number
 * (d - 1) * n + k + 1.  The number of docid within its own database: */
unsigned hs_shard_local_docid(unsigned docid, unsigned n);
/* The document `back` documents before docid in its own database, 0 when
 * that is before its first one (or n is 0); HS_BACK_BEFORE_FIRST always
 * is. */
unsigned hs_shard_earlier_docid(unsigned docid, unsigned back, unsigned n);
#define HS_BACK_BEFORE_FIRST UINT_MAX

#ifdef __cplusplus
}
#endif

#endif
