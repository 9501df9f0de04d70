/* rank.h - relevance beyond the words of one passage (internal): the
 * BM25 of each passage's whole article (rank.c). */
#ifndef HUSTINGS_RANK_H
#define HUSTINGS_RANK_H

#include <stddef.h>

#include "qnode.h"
#include "query.h"
#include "xapian_glue.h"

typedef struct hs_candidate {
    unsigned docid;
    double score;
    char tag[17];         /* its article's (HS_SLOT_ARTICLE), when read: over
                             several shards (hx_db_can_follow) */
} hs_candidate;

/* The best o->limit matches of q (after o->offset, o's other options as
 * hx_db_search takes them), each scored its own weight plus its article's
 * BM25 over the words of pq (the article's own document, schema.h),
 * scaled so that the best article adds ARTICLE_WEIGHT of the best
 * passage's weight; best first, in *out (caller frees), *n of them. */
hustings_status_t hs_rank_candidates(hx_db *db, const hs_parsed_query *pq, const hs_qnode *q,
                                     const hx_search_opts *o, hs_candidate **out, size_t *n);

#endif
