/* index_internal.h - what the index, query and search files share
 * (internal). */
#ifndef HUSTINGS_INDEX_INTERNAL_H
#define HUSTINGS_INDEX_INTERNAL_H

#include <stdint.h>

#include "article.h"
#include "buf.h"
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

/* Whether a document's data is that of an article's own document (schema.h)
 * rather than a passage's JSON object. */
static inline int hs_is_article_doc_data(const char *data, size_t len)
{
    return len == 0 || data[0] != '{';
}

/* How many passages db holds: its documents but the articles' own
 * (schema.h). */
hustings_status_t hs_passage_count(hx_db *db, unsigned long *n);

/* The key that names an article in the index (its XA term without the
 * prefix): its path's text form (path_text.h, as hs_article_new keeps
 * it), or for very long paths its start and a hash.
 * Appended to out; 0 or -1 when out of memory. */
int hs_article_key(const char *path, hs_buf *out);

/* The value every passage of an article holds in HS_SLOT_ARTICLE: 16 hex
 * digits of the XXH3-64 hash of its article term, so that a passage can
 * check that the first passage it reads its fields from is its article's. */
void hs_article_tag(const hs_buf *article_term, char tag[17]);
/* The XG term of a tag (schema.h) in term; its length. */
#define HS_ARTICLE_TAG_TERM 24
size_t hs_article_tag_term(const char tag[17], char term[HS_ARTICLE_TAG_TERM]);

/* An article's name: its path, or path#id for an item of a feed; appended
 * to out.  0 or -1. */
int hs_article_name(const char *path, const char *id, hs_buf *out);

/* The boolean terms of an article (XA: path, or path#id) and of the file
 * it came from (XF: path, which only articles with an id carry: an article
 * without one is its whole file), appended to the two buffers.  0 or -1. */
int hs_article_terms(const char *path, const char *id, hs_buf *article_term,
                     hs_buf *file_term);

/* The JSON object of a document's data[0..len) (json-c; the caller puts
 * it), or NULL when it is not JSON or memory runs out. */
struct json_object;
struct json_object *hs_data_parse(const char *data, size_t len);
/* The text of a passage from its parsed data o (borrowed from o), or NULL
 * when o is NULL or has none. */
const char *hs_data_text(struct json_object *o);

/* What near-duplicate detection reads back from a first passage's data (as
 * index_write.c writes it; later passages hold none of it): the article's
 * path and id (NULL for a file's only article), its fingerprint and
 * cluster (has_fp is 0 when it has none).  0, or -1 when the data is not
 * JSON or memory runs out; hs_copy_fields_free frees it either way. */
typedef struct hs_copy_fields {
    char *path, *id;
    int has_fp;
    uint64_t fp;
    char cluster[17];
} hs_copy_fields;
int hs_copy_fields_read(const char *data, size_t len, hs_copy_fields *out);
void hs_copy_fields_free(hs_copy_fields *f);

/* The Xapian documents of the passages of n articles read from one file.
 * Building them touches no index, so threads may build at once, each with
 * its own stemmer.  The articles are borrowed and must outlive the result.
 * NULL when out of memory. */
typedef struct hs_file_docs hs_file_docs;
hs_file_docs *hs_file_docs_build(hs_stemmer *stemmer, hs_article *const *articles, size_t n);
void hs_file_docs_free(hs_file_docs *fd);

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
/* path made absolute (symbolic links resolved when it exists); malloc'd. */
char *hs_absolute_path(const char *path);
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
