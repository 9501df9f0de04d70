/* shards.c - a first build in shards: writing them at once, and merging
 * them into the index; see shards.h. */
#define _GNU_SOURCE /* renameat2 */
#include "shards.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
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

/* ---- the build: shards written at once, then merged -------------------- */

typedef struct shard_job {
    const hs_shard_writer *w;
    hustings_index_t *shard;
    size_t first, n;           /* its share of the files */
    unsigned long long bytes;
    atomic_int *failed;        /* one failed: the others stop */
    hustings_status_t st;
    char *path;
    thrd_t thread;
    int started;
} shard_job;

static int build_shard(void *arg)
{
    shard_job *j = arg;
    j->st = j->w->write(j->w->ctx, j->shard, j->first, j->n, j->bytes, j->failed);
    if (j->st != HUSTINGS_STATUS_SUCCESS && j->st != HUSTINGS_STATUS_INTERRUPTED)
        atomic_store(j->failed, 1);
    return 0;
}

/* Open shard k in dir and give it its share of the files: a contiguous
 * run of them, of about equal bytes, so that the merge keeps file order. */
static hustings_status_t start_shard(hustings_index_t *index, const hs_shard_writer *w,
                                     shard_job *j, unsigned k, unsigned n, const char *dir,
                                     size_t *next, atomic_int *failed)
{
    hs_buf path = HS_BUF_INIT;
    if (hs_buf_printf(&path, "%s/shard-%u", dir, k) < 0)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    j->path = hs_buf_detach(&path);
    char *err = NULL;
    hustings_status_t st = hustings_index_open(j->path, HUSTINGS_INDEX_MODE_READ_WRITE,
                                               &j->shard, &err);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        hs_index_fail(index, st, err ? err : "out of memory");
        free(err);
        return st;
    }
    size_t first = *next;
    unsigned long long bytes = 0, share = w->bytes / n + 1;
    while (*next < w->n_files && (k + 1 == n || bytes < share))
        bytes += w->size(w->ctx, (*next)++);
    j->w = w;
    j->first = first;
    j->n = *next - first;
    j->bytes = bytes;
    j->failed = failed;
    if (thrd_create(&j->thread, build_shard, j) != thrd_success)
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "cannot start a thread");
    j->started = 1;
    return HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hs_shards_build(hustings_index_t *index, unsigned n, const hs_shard_writer *w,
                                  int *started)
{
    *started = 0;
    /* the folder itself is replaced, not a symbolic link to it */
    char *target = realpath(index->path, NULL);
    char *dir = target ? hs_shards_dir(target) : NULL;
    if (!dir) {
        free(target);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    if (mkdir(dir, 0755) < 0) {
        /* no room beside the index (a read-only parent): one writer */
        free(dir);
        free(target);
        return HUSTINGS_STATUS_SUCCESS;
    }
    *started = 1;
    atomic_int failed;
    atomic_init(&failed, 0);
    shard_job *jobs = calloc(n, sizeof *jobs);
    hustings_status_t st = jobs ? HUSTINGS_STATUS_SUCCESS : HUSTINGS_STATUS_OUT_OF_MEMORY;
    size_t next = 0;
    for (unsigned k = 0; k < n && st == HUSTINGS_STATUS_SUCCESS; k++)
        st = start_shard(index, w, &jobs[k], k, n, dir, &next, &failed);
    if (st != HUSTINGS_STATUS_SUCCESS)
        atomic_store(&failed, 1);
    for (unsigned k = 0; jobs && k < n; k++)
        if (jobs[k].started)
            thrd_join(jobs[k].thread, NULL);
    /* the first failure counts, else an interruption */
    for (unsigned k = 0; jobs && k < n && jobs[k].started; k++) {
        if (jobs[k].st != HUSTINGS_STATUS_SUCCESS &&
            (st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_INTERRUPTED)) {
            st = jobs[k].st;
            if (st != HUSTINGS_STATUS_INTERRUPTED)
                hs_index_fail(index, st, hustings_index_get_error(jobs[k].shard));
        }
    }
    const char **paths = calloc(n, sizeof *paths);
    for (unsigned k = 0; jobs && k < n; k++) {
        hustings_status_t cst = hustings_index_close(jobs[k].shard);
        if (cst != HUSTINGS_STATUS_SUCCESS && st == HUSTINGS_STATUS_SUCCESS)
            st = hs_index_fail(index, cst, "cannot close a shard");
        if (paths)
            paths[k] = jobs[k].path;
    }
    /* what was done is kept, also when interrupted */
    if (st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_INTERRUPTED) {
        hustings_status_t mst = paths ? hs_shards_merge(index, target, paths, n, dir)
                                      : HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (mst != HUSTINGS_STATUS_SUCCESS)
            st = mst;
    }
    hs_remove_tree(dir);
    for (unsigned k = 0; jobs && k < n; k++)
        free(jobs[k].path);
    free(paths);
    free(jobs);
    free(dir);
    free(target);
    return st;
}

void hs_shards_remove_stale(const char *index_path)
{
    char *real = realpath(index_path, NULL);
    char *dir = real ? hs_shards_dir(real) : NULL;
    if (dir)
        hs_remove_tree(dir);
    free(dir);
    free(real);
}
