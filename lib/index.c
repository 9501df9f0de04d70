/* index.c - opening, closing, committing and counting an index. */
#include "index_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "schema.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define FORMAT_STRING STR(HUSTINGS_INDEX_FORMAT)

hustings_status_t hs_index_fail(hustings_index_t *index, hustings_status_t st,
                                const char *msg)
{
    hs_buf_reset(&index->error);
    hs_buf_puts(&index->error, msg);
    return st;
}

hustings_status_t hs_index_fail_db(hustings_index_t *index, hustings_status_t st)
{
    const char *why = hx_db_error(index->db);
    hs_buf_reset(&index->error);
    if (st == HUSTINGS_STATUS_QUERY_TOO_COSTLY) /* about the query, not the index */
        return hs_index_fail(index, st, *why ? why : hustings_status_to_string(st));
    hs_buf_printf(&index->error, "%s: %s", index->path,
                  *why ? why : hustings_status_to_string(st));
    return st;
}

static void set_message(char **error_message, hs_buf *msg)
{
    if (error_message)
        *error_message = hs_buf_detach(msg);
    else
        hs_buf_free(msg);
}

/* Check (or, for a new writable index, record) the format version of
 * the index at path, open as db. */
static hustings_status_t check_format(hx_db *db, const char *path, int writable, hs_buf *msg)
{
    char *format = NULL;
    unsigned long docs = 0;
    hustings_status_t st = hx_db_get_metadata(db, HS_META_FORMAT, &format);
    if (st == HUSTINGS_STATUS_SUCCESS && !*format)
        st = hx_db_doc_count(db, &docs);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        hs_buf_printf(msg, "%s: %s", path, hx_db_error(db));
    } else if (*format && strcmp(format, FORMAT_STRING) != 0) {
        hs_buf_printf(msg, "%s: index format %s, but this hustings reads format "
                      FORMAT_STRING "; rebuild the index with hustings-index",
                      path, format);
        st = HUSTINGS_STATUS_INDEX_VERSION;
    } else if (!*format && docs > 0) {
        hs_buf_printf(msg, "%s: a Xapian database, but not a hustings index", path);
        st = HUSTINGS_STATUS_INDEX_VERSION;
    } else if (!*format && writable) {
        st = hx_db_set_metadata(db, HS_META_FORMAT, FORMAT_STRING);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = hx_db_commit(db);
        if (st != HUSTINGS_STATUS_SUCCESS)
            hs_buf_printf(msg, "%s: %s", path, hx_db_error(db));
    }
    free(format);
    return st;
}

/* check_format() of every index of a handle over several: Xapian gives
 * such a handle the metadata of its first index only. */
static hustings_status_t check_shard_formats(const char *const *paths, size_t n, hs_buf *msg)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < n; i++) {
        hx_db *db = NULL;
        char *err = NULL;
        st = hx_db_open(paths[i], 0, &db, &err);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = check_format(db, paths[i], 0, msg);
        else
            hs_buf_puts(msg, err ? err : "out of memory");
        free(err);
        hx_db_free(db);
    }
    return st;
}

/* mkdir -p for the directories above path (Xapian makes the last one). */
static int make_parents(const char *path, hs_buf *msg)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) < 0 && errno != EEXIST) {
            hs_buf_printf(msg, "%s: cannot create %s: %s", path, copy, strerror(errno));
            free(copy);
            return -1;
        }
        *p = '/';
    }
    free(copy);
    return 0;
}

/* Open the n databases at paths (as one when n > 1, read-only then). */
static hustings_status_t open_index(const char *const *paths, size_t n, int writable,
                                    hustings_index_t **out, char **error_message)
{
    hs_buf msg = HS_BUF_INIT;
    hustings_index_t *index = calloc(1, sizeof *index);
    /* only writers stem (queries have their own stemmer): a reader spares
     * the setup of the Snowball stemmers */
    if (!index || !(index->path = strdup(paths[0])) ||
        (writable && !(index->stemmer = hs_stemmer_new()))) {
        hustings_index_close(index);
        hs_buf_puts(&msg, "out of memory");
        set_message(error_message, &msg);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    index->writable = writable;
    if (n > 1 && !(index->shards = calloc(n, sizeof *index->shards))) {
        hustings_index_close(index);
        hs_buf_puts(&msg, "out of memory");
        set_message(error_message, &msg);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    for (; n > 1 && index->n_shards < n; index->n_shards++)
        if (!(index->shards[index->n_shards] = strdup(paths[index->n_shards]))) {
            hustings_index_close(index);
            hs_buf_puts(&msg, "out of memory");
            set_message(error_message, &msg);
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
        }
    if (writable && make_parents(paths[0], &msg) < 0) {
        hustings_index_close(index);
        if (!msg.len)
            hs_buf_puts(&msg, "out of memory");
        set_message(error_message, &msg);
        return HUSTINGS_STATUS_FILE_ERROR;
    }

    char *err = NULL;
    hustings_status_t st = n == 1 ? hx_db_open(paths[0], writable, &index->db, &err)
                                  : hx_db_open_many(paths, n, &index->db, &err);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        st = n == 1 ? check_format(index->db, paths[0], writable, &msg)
                    : check_shard_formats(paths, n, &msg);
    } else {
        hs_buf_puts(&msg, err ? err : "out of memory");
        free(err);
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        hustings_index_close(index);
        set_message(error_message, &msg);
        return st;
    }
    hs_buf_free(&msg);
    *out = index;
    return HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hustings_index_open(const char *path, hustings_index_mode_t mode,
                                      hustings_index_t **out, char **error_message)
{
    if (!path || !out)
        return HUSTINGS_STATUS_NULL_POINTER;
    return open_index(&path, 1, mode == HUSTINGS_INDEX_MODE_READ_WRITE, out, error_message);
}

int hs_paths_have_null(const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!paths[i])
            return 1;
    return 0;
}

/* Into keep, the paths that are not an earlier one again (compared by
 * absolute path, as the indexer compares files): an index given twice
 * would list every passage twice.  Their count, or 0 when memory runs
 * out. */
static size_t distinct_paths(const char *const *paths, size_t n, const char **keep)
{
    char **abs = calloc(n, sizeof *abs);
    size_t k = 0, i = 0;
    for (; abs && i < n && (abs[i] = hs_absolute_path(paths[i])); i++) {
        size_t j = 0;
        while (j < i && strcmp(abs[i], abs[j]) != 0)
            j++;
        if (j == i)
            keep[k++] = paths[i];
    }
    int failed = !abs || i < n;
    for (size_t j = 0; abs && j < i; j++)
        free(abs[j]);
    free(abs);
    return failed ? 0 : k;
}

hustings_status_t hustings_index_open_shards(const char *const *paths, size_t n,
                                             hustings_index_t **out, char **error_message)
{
    if (!paths || !n || !out || hs_paths_have_null(paths, n))
        return HUSTINGS_STATUS_NULL_POINTER;
    const char **keep = malloc(n * sizeof *keep);
    size_t k = keep ? distinct_paths(paths, n, keep) : 0;
    hustings_status_t st = k ? open_index(keep, k, 0, out, error_message)
                             : HUSTINGS_STATUS_OUT_OF_MEMORY;
    free(keep);
    return st;
}

hustings_status_t hustings_index_close(hustings_index_t *index)
{
    if (!index)
        return HUSTINGS_STATUS_SUCCESS;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (index->db && index->writable)
        st = hustings_index_commit(index);
    hx_db_free(index->db);
    hs_stemmer_free(index->stemmer);
    hs_langid_free(index->langid);
    hs_buf_free(&index->error);
    for (size_t i = 0; i < index->n_shards; i++)
        free(index->shards[i]);
    free(index->shards);
    free(index->path);
    free(index);
    return st;
}

const char *hustings_index_get_path(hustings_index_t *index)
{
    return index ? index->path : NULL;
}

const char *hustings_index_get_error(hustings_index_t *index)
{
    return index ? hs_buf_str(&index->error) : "";
}

hustings_status_t hustings_index_commit(hustings_index_t *index)
{
    if (!index)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (index->pending) {
        char stamp[32];
        time_t now = time(NULL);
        struct tm tm;
        strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
        st = hx_db_set_metadata(index->db, HS_META_UPDATED, stamp);
    }
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_commit(index->db);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(index, st);
    index->pending = 0;
    return st;
}

hustings_status_t hs_passage_count(hx_db *db, unsigned long *n)
{
    unsigned long docs = 0, articles = 0;
    hustings_status_t st = hx_db_doc_count(db, &docs);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_term_freq(db, HS_TERM_ARTICLE_DOC, &articles);
    *n = st == HUSTINGS_STATUS_SUCCESS && docs > articles ? docs - articles : 0;
    return st;
}

hustings_status_t hustings_index_count(hustings_index_t *index,
                                       unsigned long *articles,
                                       unsigned long *passages)
{
    if (!index)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    unsigned long a = 0, p = 0; /* set only on success */
    if (articles)
        st = hx_db_count_terms(index->db, HS_PREFIX_ARTICLE, &a);
    if (st == HUSTINGS_STATUS_SUCCESS && passages)
        st = hs_passage_count(index->db, &p);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(index, st);
    if (articles)
        *articles = a;
    if (passages)
        *passages = p;
    return st;
}

const hs_langid *hs_index_langid(hustings_index_t *index)
{
    if (!index->langid_tried) {
        index->langid_tried = 1;
        index->langid = hs_langid_new(NULL);
    }
    return index->langid;
}
