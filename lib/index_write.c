/* index_write.c - the write: replacing, removing and re-keying the
 * passages of a file in one group of changes, and adding or removing an
 * article through the API. */
#include "index_internal.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "field_terms.h"
#include "file_docs.h"
#include "filestate.h"
#include "path_text.h"
#include "schema.h"

/* The text form of a file name (path_text.h), as hs_article_new stores
 * it: a copy to free, or NULL when out of memory. */
static char *stored_path(const char *raw)
{
    hs_buf b = HS_BUF_INIT;
    if (hs_path_to_text(raw, &b) < 0) {
        hs_buf_free(&b);
        return NULL;
    }
    return hs_buf_detach(&b);
}

static hustings_status_t out_of_memory(hustings_index_t *index)
{
    return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
}

/* The end of a write of status st: its failure recorded, or one more
 * change pending a commit. */
static hustings_status_t written(hustings_index_t *index, hustings_status_t st)
{
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return out_of_memory(index);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(index, st);
    index->pending++;
    return st;
}

/* Delete the passages holding any of the NULL-terminated terms, and
 * their articles' documents. */
static hustings_status_t delete_terms(hx_db *db, const char *const *terms)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (const char *const *t = terms; st == HUSTINGS_STATUS_SUCCESS && *t; t++)
        st = hx_db_delete_term(db, *t);
    return st;
}

/* Delete the passages holding any of the NULL-terminated terms, then add
 * those of fd. */
static hustings_status_t write_docs(hustings_index_t *index, const char *const *terms,
                                    hs_file_docs *fd)
{
    hustings_status_t st = hs_file_docs_join_clusters(index->db, fd);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return out_of_memory(index);
    /* The file's new documents come and its old ones go in one group of
     * changes: a commit (ours, or one Xapian would make on its own every
     * so many documents) holds the whole file or none of it, and an error
     * halfway undoes it, so the old version stays whole.  Search relies
     * on it: an article's own document follows its passages (rank.c). */
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_begin_changes(index->db);
    int in_group = st == HUSTINGS_STATUS_SUCCESS;
    for (const char *const *t = terms; st == HUSTINGS_STATUS_SUCCESS && *t; t++)
        st = hx_db_delete_term_when_kept(index->db, *t);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_file_docs_add(index->db, index->stemmer, fd);
    if (in_group && st != HUSTINGS_STATUS_SUCCESS) {
        /* the message first: undoing the group clears the database's */
        hustings_status_t failed = st == HUSTINGS_STATUS_OUT_OF_MEMORY ? out_of_memory(index)
                                                                       : hs_index_fail_db(index, st);
        hx_db_end_changes(index->db, 0);
        return failed;
    }
    if (in_group)
        st = hx_db_end_changes(index->db, 1);
    return written(index, st);
}

/* The terms that hold the passages of the file named raw, NULL-terminated
 * in terms (which point into the two buffers): those of its articles with
 * an id (feed items) hold its XF term; an article without one is the whole
 * file, and its XA term (the same key) stands for the file.  0 or -1. */
static int file_terms(const char *raw, hs_buf *aterm, hs_buf *fterm, const char *terms[3])
{
    char *path = stored_path(raw);
    int rc = !path || hs_article_terms(path, NULL, aterm, fterm) < 0;
    free(path);
    if (rc)
        return -1;
    terms[0] = fterm->data;
    terms[1] = aterm->data;
    terms[2] = NULL;
    return 0;
}

hustings_status_t hs_index_write_file(hustings_index_t *index, const char *path,
                                      hs_file_docs *fd)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    const char *terms[3] = { NULL, NULL, NULL };
    hustings_status_t st = file_terms(path, &aterm, &fterm, terms) < 0
                               ? out_of_memory(index)
                               : write_docs(index, terms, fd);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

hustings_status_t hustings_index_add_article(hustings_index_t *index,
                                             hustings_article_t *article)
{
    if (!index || !article)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    hs_file_docs *fd = hs_file_docs_build(index->stemmer, &article->a, 1);
    hustings_status_t st;
    if (!fd || hs_article_terms(article->a->path, article->a->id, &aterm, &fterm) < 0)
        st = out_of_memory(index);
    else
        st = write_docs(index, (const char *const[]){ aterm.data, NULL }, fd);
    hs_file_docs_free(fd);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

hustings_status_t hs_index_remove_file(hustings_index_t *index, const char *path)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    const char *terms[3] = { NULL, NULL, NULL };
    hustings_status_t st;
    if (file_terms(path, &aterm, &fterm, terms) < 0) {
        st = out_of_memory(index);
    } else {
        st = delete_terms(index->db, terms);
        if (st != HUSTINGS_STATUS_SUCCESS)
            hs_index_fail_db(index, st);
    }
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    if (st == HUSTINGS_STATUS_SUCCESS)
        index->pending++;
    return st;
}

typedef struct renamer {
    hustings_index_t *index;
    const char *to;
    char *id;                /* the id of the article being re-keyed */
    hustings_status_t st;
} renamer;

/* Re-key the article's own document (schema.h), whose data holds its id. */
static int rename_article_doc(renamer *r, unsigned docid, const char *data, size_t len)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    char *id = NULL;
    int have_id = hs_article_doc_id(data, len, &id) == 0;
    char *to = stored_path(r->to);
    r->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (to && have_id && hs_article_terms(to, id, &aterm, &fterm) == 0) {
        static const char *const drop[] = { HS_PREFIX_ARTICLE, HS_PREFIX_FILE,
                                            HS_PREFIX_ARTICLE_TAG, NULL };
        char tag[17], tag_term[HS_ARTICLE_TAG_TERM];
        hs_article_tag(&aterm, tag);
        hs_article_tag_term(tag, tag_term);
        const char *add[] = { aterm.data, tag_term, id ? fterm.data : NULL, NULL };
        r->st = hx_db_update_doc(r->index->db, docid, drop, add, HS_SLOT_ARTICLE, tag, data,
                                 len);
    }
    free(id);
    free(to);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return r->st != HUSTINGS_STATUS_SUCCESS;
}

/* Re-key one passage of a renamed file: its path (in a first passage's
 * data), XA and XF terms.  The file's passages come in docid order, so an
 * article's first passage, with its id, comes before its others. */
static int rename_doc(void *ctx, unsigned docid, const char *data, size_t len)
{
    renamer *r = ctx;
    if (hs_is_article_doc_data(data, len)) /* the article's own document */
        return rename_article_doc(r, docid, data, len);
    json_object *o = hs_data_parse(data, len);
    int first = o && json_object_object_get_ex(o, "path", NULL);
    json_object *idv = NULL;
    if (first) {
        free(r->id);
        r->id = json_object_object_get_ex(o, "id", &idv) ? strdup(json_object_get_string(idv))
                                                        : NULL;
    }
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    r->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    char *to = stored_path(r->to);
    if (o && to && (!idv || r->id) && hs_article_terms(to, r->id, &aterm, &fterm) == 0) {
        if (first)
            json_object_object_add(o, "path", json_object_new_string(to));
        const char *s = json_object_to_json_string_ext(
            o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        /* its path: terms too, so that path:NEW finds it and path:OLD not */
        static const char *const drop[] = { HS_PREFIX_ARTICLE, HS_PREFIX_FILE, HS_PREFIX_PATH,
                                            NULL };
        hs_path_terms pt;
        const char **add = NULL;
        if (hs_path_terms_collect(to, &pt) == 0 &&
            (add = calloc(pt.n + 3, sizeof *add))) {
            size_t k = 0;
            add[k++] = aterm.data;
            if (r->id)
                add[k++] = fterm.data;
            for (size_t i = 0; i < pt.n; i++)
                add[k++] = pt.list[i];
        }
        char tag[17];
        hs_article_tag(&aterm, tag);
        if (s && add)
            r->st = hx_db_update_doc(r->index->db, docid, drop, add, HS_SLOT_ARTICLE, tag, s,
                                     strlen(s));
        free(add);
        hs_path_terms_free(&pt);
    }
    json_object_put(o);
    free(to);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return r->st != HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hs_index_rename_file(hustings_index_t *index, const char *from,
                                       const char *to)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    renamer r = { index, to, NULL, HUSTINGS_STATUS_SUCCESS };
    const char *terms[3] = { NULL, NULL, NULL };
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (file_terms(from, &aterm, &fterm, terms) < 0)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (const char *const *t = terms;
         st == HUSTINGS_STATUS_SUCCESS && r.st == HUSTINGS_STATUS_SUCCESS && *t; t++)
        st = hx_db_each_doc(index->db, *t, rename_doc, &r);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = r.st;
    free(r.id);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return written(index, st);
}

hustings_status_t hustings_index_remove_article(hustings_index_t *index,
                                                const char *path)
{
    if (!index || !path)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    char *abs = hs_absolute_path(path);
    if (!abs)
        return out_of_memory(index);
    hustings_status_t st = hs_index_remove_file(index, abs);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_filestate_store(index->db, abs, NULL);
    free(abs);
    return st;
}
