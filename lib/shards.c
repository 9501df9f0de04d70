/* shards.c - merging the shards of a first build into the index; see
 * shards.h. */
#define _GNU_SOURCE /* renameat2 */
#include "shards.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "schema.h"
#include "simhash.h"
#include "strmap.h"

char *hs_shards_dir(const char *index_path)
{
    hs_buf b = HS_BUF_INIT;
    size_t len = strlen(index_path);
    while (len > 1 && index_path[len - 1] == '/')
        len--;
    if (hs_buf_append(&b, index_path, len) < 0 || hs_buf_puts(&b, ".hustings-build") < 0) {
        hs_buf_free(&b);
        return NULL;
    }
    return hs_buf_detach(&b);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return (flag == FTW_DP ? rmdir(path) : unlink(path)) < 0 && errno != ENOENT ? -1 : 0;
}

int hs_remove_tree(const char *path)
{
    if (access(path, F_OK) < 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- near-duplicate clusters across shards ----------------------------- */

/* The first passage of an article, as its shard indexed it. */
typedef struct first_passage {
    unsigned docid;
    hs_copy_fields f;       /* its cluster as found within its shard */
    char joined[17];        /* as one writer would have found it */
} first_passage;

typedef struct firsts {
    first_passage *items;
    size_t n, cap;
    int failed;
} firsts;

/* hx_doc_fn over an XCA term: collect the first passages. */
static int collect_first(void *ctx, unsigned docid, const char *data, size_t len)
{
    firsts *f = ctx;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 1024;
        first_passage *p = realloc(f->items, cap * sizeof *p);
        if (!p) {
            f->failed = 1;
            return 1;
        }
        f->items = p;
        f->cap = cap;
    }
    first_passage *e = &f->items[f->n];
    memset(e, 0, sizeof *e);
    e->docid = docid;
    if (hs_copy_fields_read(data, len, &e->f) < 0) {
        hs_copy_fields_free(&e->f);
        f->failed = 1;
    } else if (!e->f.has_fp) {
        hs_copy_fields_free(&e->f);
    } else {
        f->n++;
    }
    return f->failed;
}

static int collect_cluster(void *ctx, const char *term, unsigned long freq)
{
    (void)freq;
    void **args = ctx;
    return hx_db_each_doc(args[0], term, collect_first, args[1]) != HUSTINGS_STATUS_SUCCESS;
}

static int by_docid(const void *a, const void *b)
{
    unsigned x = ((const first_passage *)a)->docid, y = ((const first_passage *)b)->docid;
    return (x > y) - (x < y);
}

/* A band's first passages, in docid order (indexes into firsts). */
typedef struct band_list {
    size_t *at;
    size_t n, cap;
} band_list;

static void free_band(void *v)
{
    band_list *b = v;
    if (b)
        free(b->at);
    free(b);
}

/* Give each first passage the cluster one writer would have given it,
 * adding the files in docid order: that of the first earlier article
 * found through a shared band (bands in order, each in docid order) within
 * the distance, else its own fingerprint's. */
static int join(firsts *f)
{
    hs_strmap *bands = hs_strmap_new();
    if (!bands)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < f->n && rc == 0; i++) {
        first_passage *e = &f->items[i];
        char keys[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE];
        hs_simhash_bands(e->f.fp, keys);
        snprintf(e->joined, sizeof e->joined, "%016llx", (unsigned long long)e->f.fp);
        int found = 0;
        for (int b = 0; b < HS_SIMHASH_BANDS && !found; b++) {
            band_list *l = hs_strmap_get(bands, keys[b]);
            for (size_t k = 0; l && k < l->n && !found; k++) {
                first_passage *c = &f->items[l->at[k]];
                if (hs_simhash_distance(c->f.fp, e->f.fp) <= HS_SIMHASH_MAX_DISTANCE) {
                    memcpy(e->joined, c->joined, sizeof e->joined);
                    found = 1;
                }
            }
        }
        for (int b = 0; b < HS_SIMHASH_BANDS && rc == 0; b++) {
            band_list *l = hs_strmap_get(bands, keys[b]);
            if (!l && (!(l = calloc(1, sizeof *l)) || hs_strmap_put(bands, keys[b], l, NULL) < 0)) {
                free(l);
                rc = -1;
                break;
            }
            if (l->n == l->cap) {
                size_t cap = l->cap ? l->cap * 2 : 2;
                size_t *p = realloc(l->at, cap * sizeof *p);
                if (!p) {
                    rc = -1;
                    break;
                }
                l->at = p;
                l->cap = cap;
            }
            l->at[l->n++] = i;
        }
    }
    hs_strmap_free(bands, free_band);
    return rc;
}

/* Move the article of e into its joined cluster: the cluster in the data
 * of its first passage, and that passage's XCA term. */
static hustings_status_t move_article(hx_db *db, const first_passage *e)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    char *data = NULL;
    size_t len = 0;
    hustings_status_t st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (hs_article_terms(e->f.path, e->f.id, &aterm, &fterm) == 0)
        st = hx_db_earlier_data(db, e->docid, 0, HS_SLOT_ARTICLE, HS_PREFIX_ARTICLE, &data,
                                &len); /* its own data: it is a first passage */
    json_object *o = st == HUSTINGS_STATUS_SUCCESS ? json_tokener_parse(data) : NULL;
    const char *s = NULL;
    if (o) {
        json_object_object_add(o, "cluster", json_object_new_string(e->joined));
        s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
                                                  JSON_C_TO_STRING_NOSLASHESCAPE);
    }
    char cluster_term[64];
    snprintf(cluster_term, sizeof cluster_term, "%s%s", HS_PREFIX_CLUSTER, e->joined);
    static const char *const drop[] = { HS_PREFIX_CLUSTER, NULL };
    const char *add[] = { cluster_term, NULL };
    char tag[17];
    hs_article_tag(&aterm, tag);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = !s ? HUSTINGS_STATUS_OUT_OF_MEMORY
                : hx_db_update_doc(db, e->docid, drop, add, HS_SLOT_ARTICLE, tag, s, strlen(s));
    json_object_put(o);
    free(data);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

static hustings_status_t join_clusters(hx_db *db)
{
    firsts f = { NULL, 0, 0, 0 };
    void *args[2] = { db, &f };
    hustings_status_t st = hx_db_each_term(db, HS_PREFIX_CLUSTER, collect_cluster, args);
    if (st == HUSTINGS_STATUS_SUCCESS && f.failed)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st == HUSTINGS_STATUS_SUCCESS) {
        if (f.n) /* none when no body was long enough for a fingerprint */
            qsort(f.items, f.n, sizeof *f.items, by_docid);
        if (join(&f) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < f.n && st == HUSTINGS_STATUS_SUCCESS; i++)
        if (strcmp(f.items[i].f.cluster, f.items[i].joined) != 0)
            st = move_article(db, &f.items[i]);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_commit(db);
    for (size_t i = 0; i < f.n; i++)
        hs_copy_fields_free(&f.items[i].f);
    free(f.items);
    return st;
}

/* ---- into place --------------------------------------------------------- */

/* Swap the folders built and index: atomically where the file system can,
 * else by two renames (a crash between them leaves no index, whose first
 * build simply starts again). */
static int swap_in(const char *built, const char *index, const char *dir)
{
    if (renameat2(AT_FDCWD, built, AT_FDCWD, index, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    hs_buf old = HS_BUF_INIT;
    int rc = hs_buf_printf(&old, "%s/empty", dir) < 0 || rename(index, old.data) < 0 ||
             rename(built, index) < 0 ? -1 : 0;
    hs_buf_free(&old);
    return rc;
}

hustings_status_t hs_shards_merge(hustings_index_t *index, const char *target,
                                  const char *const *shards, size_t n, const char *dir)
{
    hs_buf merged = HS_BUF_INIT, msg = HS_BUF_INIT;
    char *err = NULL;
    hx_db *db = NULL;
    hustings_status_t st = hs_buf_printf(&merged, "%s/merged", dir) < 0
                               ? HUSTINGS_STATUS_OUT_OF_MEMORY
                               : hx_compact(shards, n, merged.data, &err);
    for (size_t i = 0; i < n && st == HUSTINGS_STATUS_SUCCESS; i++)
        hs_remove_tree(shards[i]); /* merged: spare the disk */
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_open(merged.data, 1, &db, &err);
    if (st == HUSTINGS_STATUS_SUCCESS && (st = join_clusters(db)) != HUSTINGS_STATUS_SUCCESS)
        hs_buf_printf(&msg, "%s: joining near-duplicates: %s", merged.data, hx_db_error(db));
    hx_db_free(db);
    if (st == HUSTINGS_STATUS_SUCCESS && swap_in(merged.data, target, dir) < 0) {
        hs_buf_printf(&msg, "%s: cannot put the new index in place: %s", index->path,
                      strerror(errno));
        st = HUSTINGS_STATUS_FILE_ERROR;
    }
    hx_db *fresh = NULL;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_open(index->path, 1, &fresh, &err);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        /* the handle held the empty index (and its lock) until now */
        hx_db_free(index->db);
        index->db = fresh;
    }
    if (st != HUSTINGS_STATUS_SUCCESS && !msg.len)
        hs_buf_puts(&msg, err ? err : "out of memory");
    free(err);
    hs_buf_free(&merged);
    if (st != HUSTINGS_STATUS_SUCCESS)
        hs_index_fail(index, st, hs_buf_str(&msg));
    hs_buf_free(&msg);
    return st;
}
