/* doc_data.h - the data stored with each document (schema.h): a
 * passage's JSON object, or an article's own document's id; written and
 * read back here only (internal). */
#ifndef HUSTINGS_DOC_DATA_H
#define HUSTINGS_DOC_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "xapian_glue.h"

/* Whether a document's data is that of an article's own document (schema.h)
 * rather than a passage's JSON object. */
static inline int hs_is_article_doc_data(const char *data, size_t len)
{
    return len == 0 || data[0] != '{';
}

/* The data of passage i of article a: everything needed to print the
 * passage as a result (and to re-key it when its file is renamed); the
 * article's fields ("date_source": "mtime" when its date is its file's
 * modification time), its near-duplicate cluster (when cluster is not "")
 * and fingerprint (when has_fp) go into its first passage only.  malloc'd,
 * NULL when out of memory. */
char *hs_passage_data(const hs_article *a, size_t i, const char *cluster, int has_fp,
                      uint64_t fp);

/* Where a first passage's date came from, as hustings_passage_get_date_source
 * gives it (a static string), from its "date" and "date_source" (each NULL
 * when absent): NULL when undated; "mtime" when "date_source" says so (only
 * a date taken from the file's modification time is marked); else
 * "article". */
const char *hs_data_date_source(const char *date, const char *stored);

/* Set an article's own document's data: "" or "id:" and its id.  0 or -1. */
int hs_article_doc_set_data(hx_doc *doc, const char *id);
/* The id in such data, malloc'd in *id (NULL when it has none).  0, or -1
 * when out of memory. */
int hs_article_doc_id(const char *data, size_t len, char **id);

/* The JSON object of a document's data[0..len) (json-c; the caller puts
 * it), or NULL when it is not JSON or memory runs out. */
struct json_object;
struct json_object *hs_data_parse(const char *data, size_t len);
/* The text of a passage from its parsed data o (borrowed from o), or NULL
 * when o is NULL or has none. */
const char *hs_data_text(struct json_object *o);

/* What near-duplicate detection reads back from a first passage's data (as
 * hs_passage_data writes it; later passages hold none of it): the article's
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

#endif
