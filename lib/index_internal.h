/* index_internal.h - what the index, query and search files share
 * (internal). */
#ifndef HUSTINGS_INDEX_INTERNAL_H
#define HUSTINGS_INDEX_INTERNAL_H

#include <stdint.h>

#include "article.h"
#include "article_key.h"
#include "buf.h"
#include "doc_data.h"
#include "hustings.h"
#include "lang.h"
#include "stem.h"
#include "xapian_glue.h"

struct _hustings_index {
    char *path;
    char **shards;         /* the paths of a handle over several indexes */
    size_t n_shards;       /* (0 for one index) */
    hx_db *db;
    int writable;
    hs_stemmer *stemmer;   /* for indexing (NULL when read-only); queries
                              have their own */
    hs_langid *langid;     /* loaded on first use; NULL when it cannot be */
    int langid_tried;
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

/* How many passages db holds: its documents but the articles' own
 * (schema.h). */
hustings_status_t hs_passage_count(hx_db *db, unsigned long *n);

/* The documents of a file's articles (file_docs.h). */
typedef struct hs_file_docs hs_file_docs;

/* Replace every passage indexed from the file at path by those of fd
 * (which gains its near-duplicate clusters from the index on the way). */
hustings_status_t hs_index_write_file(hustings_index_t *index, const char *path,
                                      hs_file_docs *fd);
/* Remove every passage indexed from the file at path. */
hustings_status_t hs_index_remove_file(hustings_index_t *index, const char *path);
/* Re-key the passages of the file `from` as coming from `to`, without
 * reading either file. */
hustings_status_t hs_index_rename_file(hustings_index_t *index, const char *from,
                                       const char *to);
/* Whether one of the n paths is NULL (the API's path lists refuse that). */
int hs_paths_have_null(const char *const *paths, size_t n);

/* What watch.c needs of an indexer. */
hustings_index_t *hs_indexer_index(hustings_indexer_t *ix);
volatile sig_atomic_t *hs_indexer_cancel_flag(hustings_indexer_t *ix);
int hs_indexer_follows_links(hustings_indexer_t *ix);

/* Set a->lang from its text (and the language it declares, if any). */
void hs_article_detect_lang(hs_article *a, const hs_langid *lid);
/* The index's language identifier, loaded on first use (may be NULL). */
const hs_langid *hs_index_langid(hustings_index_t *index);

/* Read the file at path and parse the articles it holds into out, with
 * the path made absolute and each article's language set.  `scratch`
 * holds the file's bytes (reused between calls to spare allocations).  On
 * failure returns FILE_ERROR, BAD_ARTICLE or OUT_OF_MEMORY with a one-line
 * reason in why. */
struct hs_article_list;
hustings_status_t hs_articles_load(const char *path, hs_buf *scratch, const hs_langid *lid,
                                   struct hs_article_list *out, hs_buf *why);

#endif
