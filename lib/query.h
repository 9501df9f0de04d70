/* query.h - parsed queries, their Xapian trees and highlighting
 * (internal). */
#ifndef HUSTINGS_QUERY_H
#define HUSTINGS_QUERY_H

#include <stddef.h>

#include "qnode.h"
#include "stem.h"

typedef struct hs_qword {
    char *exact;  /* normalised word, as the tokenizer gives it */
    char *stem;
} hs_qword;

/* One unit of a query: a word, or a phrase (quoted, or a chunk such as
 * "self-nomination" or "U.S." that the tokenizer splits). */
typedef struct hs_qgroup {
    hs_qword *words;     /* 1 for a word, more for a phrase */
    size_t n_words;
    hs_qword joined;     /* a compound's parts written together
                            ("selfnomination"); exact NULL when none */
    int excluded;        /* written with a leading '-' */
    int stopword;        /* a single very common word ("the", "и") */
} hs_qgroup;

typedef struct hs_parsed_query {
    hs_qgroup *groups;
    size_t n_groups;
} hs_parsed_query;

/* Parse a query string.  Never fails on syntax: unbalanced quotes end at
 * the end of the string, stray operators are ignored.  NULL only when out
 * of memory. */
hs_parsed_query *hs_query_parse(const char *q, hs_stemmer *stemmer);
void hs_parsed_query_free(hs_parsed_query *pq);

/* True for a stop word of English or Russian (normalised form). */
int hs_is_stopword(const char *word);

/* Tiers of a query, best first: passages matching tier k and no earlier
 * tier are ranked after all those of earlier tiers. */
enum {
    HS_TIER_ALL_IN_PASSAGE, /* every required word in the passage text */
    HS_TIER_ALL_WITH_TITLE, /* every required word in passage or headline */
    HS_TIER_ANY,            /* some word */
    HS_N_TIERS
};

/* The Xapian query of tier `tier`: the BM25-weighted words (passage text,
 * exact-form boost, headline), restricted to the tier and with excluded
 * words and earlier tiers removed.  NULL when out of memory; a query with
 * nothing to match gives HS_Q_MATCH_NOTHING. */
hs_qnode *hs_query_build_tier(const hs_parsed_query *pq, int tier);

/* Byte ranges in a passage's text that match the query. */
typedef struct hs_range {
    size_t start, end;
} hs_range;

/* Find the query's matches in text[0..len): words by stem, phrases only
 * where all their words stand in order, and compounds written together.
 * Excluded words are not marked; stop words only when the query has
 * nothing else.  *ranges (caller frees) is sorted and merged.
 * 0, or -1 when out of memory. */
int hs_highlight(const hs_parsed_query *pq, hs_stemmer *stemmer,
                 const char *text, size_t len, hs_range **ranges,
                 size_t *n_ranges);

#endif
