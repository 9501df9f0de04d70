/* index_internal.h - what the index, query and search files share
 * (internal). */
#ifndef HUSTINGS_INDEX_INTERNAL_H
#define HUSTINGS_INDEX_INTERNAL_H

#include "article.h"
#include "buf.h"
#include "hustings.h"
#include "stem.h"
#include "xapian_glue.h"

struct _hustings_index {
    char *path;
    hx_db *db;
    int writable;
    hs_stemmer *stemmer;   /* for indexing; queries have their own */
    hs_buf error;          /* hustings_index_get_error() */
    unsigned pending;      /* articles added since the last commit */
};

struct _hustings_article {
    hs_article *a;
};

/* Record msg (and return st) as the handle's last error. */
hustings_status_t hs_index_fail(hustings_index_t *index, hustings_status_t st,
                                const char *msg);
/* The same with Xapian's message for db. */
hustings_status_t hs_index_fail_db(hustings_index_t *index, hustings_status_t st);

/* The key that names an article in the index (its XA term without the
 * prefix): the path, or for very long paths its start and a hash.
 * Appended to out; 0 or -1 when out of memory. */
int hs_article_key(const char *path, hs_buf *out);

/* Read the file at path and parse it into *out, with the path made
 * absolute.  `scratch` holds the file's bytes (reused between calls to
 * spare allocations).  On failure returns FILE_ERROR, BAD_ARTICLE or
 * OUT_OF_MEMORY with a one-line reason in why. */
hustings_status_t hs_article_load(const char *path, hs_buf *scratch,
                                  hs_article **out, hs_buf *why);

#endif
