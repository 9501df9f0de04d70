/* near_dups.h - an article's near-duplicate cluster (simhash.h) while
 * its passages are written (internal). */
#ifndef HUSTINGS_NEAR_DUPS_H
#define HUSTINGS_NEAR_DUPS_H

#include <stdint.h>

#include "article.h"
#include "simhash.h"
#include "xapian_glue.h"

/* An article's near-duplicate cluster: the fingerprint of its body, and
 * the key it shares with its copies. */
typedef struct hs_dup_info {
    int has_fp;
    uint64_t fp;
    char cluster[17];   /* "" when the article has no fingerprint */
} hs_dup_info;

/* An article's fingerprint, and the cluster it would found on its own
 * (named after the fingerprint). 0, or -1 when out of memory. */
int hs_dup_fingerprint(const hs_article *a, hs_dup_info *dup);

/* The first passage of an article carries its fingerprint's band terms,
 * to find copies (its cluster term is added when it is written, once the
 * copies are looked up).  0 or -1. */
int hs_dup_add_band_terms(hx_doc *doc, const hs_dup_info *dup);

/* Give article a the cluster of an indexed copy in db, when there is one:
 * 1 when it took one, 0 when it keeps its own, -1 on a Xapian error. */
int hs_dup_adopt_cluster(hx_db *db, const hs_article *a, hs_dup_info *dup);

/* The cluster term on an article's first passage.  0 or -1. */
int hs_dup_add_cluster_term(hx_doc *first, const hs_dup_info *dup);

#endif
