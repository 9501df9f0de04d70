/* file_docs.h - the Xapian documents of the articles read from one file
 * (internal). */
#ifndef HUSTINGS_FILE_DOCS_H
#define HUSTINGS_FILE_DOCS_H

#include <stddef.h>

#include "article.h"
#include "hustings.h"
#include "stem.h"
#include "xapian_glue.h"

/* The Xapian documents of the passages of n articles read from one file.
 * Building them touches no index, so threads may build at once, each with
 * its own stemmer.  The articles are borrowed and must outlive the result.
 * NULL when out of memory. */
typedef struct hs_file_docs hs_file_docs;
hs_file_docs *hs_file_docs_build(hs_stemmer *stemmer, hs_article *const *articles, size_t n);
void hs_file_docs_free(hs_file_docs *fd);

/* Give each article of fd its cluster: that of a copy indexed in db, else
 * its own.  The cluster term goes on its first passage, and the cluster
 * into that passage's data when it is a copy's.  (Documents that are built
 * one at a time get theirs from hs_file_docs_add.) */
hustings_status_t hs_file_docs_join_clusters(hx_db *db, hs_file_docs *fd);

/* Add the documents of fd to db, building them now when fd has too many
 * to build ahead (each article then gets its cluster first). */
hustings_status_t hs_file_docs_add(hx_db *db, hs_stemmer *stemmer, hs_file_docs *fd);

#endif
