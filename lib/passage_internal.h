/* passage_internal.h - result passages and their lists (internal). */
#ifndef HUSTINGS_PASSAGE_INTERNAL_H
#define HUSTINGS_PASSAGE_INTERNAL_H

#include "hustings.h"
#include "query.h"
#include "xapian_glue.h"

struct _hustings_passage {
    unsigned rank;
    double score;
    char *path, *title, *date, *source, *byline, *lang, *site, *text;
    const char *date_source; /* static: "article", "mtime", or NULL */
    char *article;       /* article key: path, or path#id */
    char *cluster;       /* near-duplicate cluster key, or NULL */
    unsigned ordinal, paragraph;
    unsigned long copies; /* articles of its cluster (1 when unique) */
    hs_range *highlights;
    size_t n_highlights;
};

struct _hustings_passages {
    hustings_passage_t *items;
    size_t n, cap;
    size_t current;
    char *suggestion;    /* "did you mean", or NULL */
};

/* Append a zeroed passage; NULL when out of memory. */
hustings_passage_t *hs_passages_append(hustings_passages_t *list);
void hs_passage_free(hustings_passage_t *p);

/* Decode the data of document docid of db into a new passage of list,
 * reading the article's fields from its first passage when docid is a
 * later one.  HUSTINGS_STATUS_OUT_OF_MEMORY also when the data is not
 * ours; a status of the index when the first passage cannot be read. */
hustings_status_t hs_passage_decode(hustings_passages_t *list, hx_db *db, unsigned docid,
                                    double weight, const char *data, size_t len);

#endif
