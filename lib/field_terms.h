/* field_terms.h - the terms and values of a passage that the fields of
 * the query language look for (internal). */
#ifndef HUSTINGS_FIELD_TERMS_H
#define HUSTINGS_FIELD_TERMS_H

#include <stddef.h>

#include "article.h"
#include "xapian_glue.h"

/* Add to doc, a passage of article a, the terms and values of lang:,
 * source:, site:, author: and path:, and its facet values.  0 or -1. */
int hs_field_terms_add(hx_doc *doc, const hs_article *a);

/* The path: terms of a passage, added to doc, or (doc NULL) collected in
 * a NULL-terminated list for a rename. */
typedef struct hs_path_terms {
    hx_doc *doc;
    char **list;
    size_t n;
} hs_path_terms;

/* The path: terms of the passages of the file at path, collected in out
 * (for a rename).  0, or -1 when out of memory; hs_path_terms_free frees
 * them either way. */
int hs_path_terms_collect(const char *path, hs_path_terms *out);
void hs_path_terms_free(hs_path_terms *pt);

#endif
