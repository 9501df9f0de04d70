/* indexer.c - bringing an index up to date with folders of articles.
 *
 * A run has four steps:
 *  1. walk the folders; a file whose size and mtime match what the index
 *     remembers (filestate.h) is unchanged and is not opened;
 *  2. find the files the index holds below those folders that are gone;
 *  3. read each remaining file and hash it: equal content is only a touch;
 *     a new path with the content of a gone file is a rename (re-keyed, not
 *     parsed); anything else is parsed and its passages replaced;
 *  4. delete the passages of the files still gone.
 * Work is committed in batches, with each file's state in the same commit
 * as its passages, so a run killed at any point leaves a consistent index
 * that the next run completes.
 */
#include "index_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filestate.h"
#include "reader.h"
#include "readfile.h"
#include "strmap.h"
#include "walk.h"

/* Commit after this many files or bytes of text read: bounds memory and
 * what a crash loses. */
#define COMMIT_FILES 500
#define COMMIT_BYTES (32ull * 1024 * 1024)

struct _hustings_indexer {
    hustings_index_t *index;
    int dry_run;
    int follow_links;
    char **excludes;
    size_t n_excludes;
    unsigned long long max_bytes;
    hustings_file_fn file_fn;
    void *file_ctx;
    hustings_progress_fn progress_fn;
    void *progress_ctx;
    volatile sig_atomic_t *cancel;
};

hustings_status_t hustings_indexer_create(hustings_index_t *index, hustings_indexer_t **out)
{
    if (!index || !out)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_indexer_t *ix = calloc(1, sizeof *ix);
    if (!ix)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    ix->index = index;
    ix->max_bytes = HS_MAX_FILE_BYTES;
    *out = ix;
    return HUSTINGS_STATUS_SUCCESS;
}

void hustings_indexer_destroy(hustings_indexer_t *ix)
{
    if (!ix)
        return;
    for (size_t i = 0; i < ix->n_excludes; i++)
        free(ix->excludes[i]);
    free(ix->excludes);
    free(ix);
}

void hustings_indexer_set_dry_run(hustings_indexer_t *ix, int dry_run)
{
    if (ix)
        ix->dry_run = dry_run;
}

void hustings_indexer_set_follow_links(hustings_indexer_t *ix, int follow)
{
    if (ix)
        ix->follow_links = follow;
}

hustings_status_t hustings_indexer_add_exclude(hustings_indexer_t *ix, const char *glob)
{
    if (!ix || !glob)
        return HUSTINGS_STATUS_NULL_POINTER;
    char **p = realloc(ix->excludes, (ix->n_excludes + 1) * sizeof *p);
    if (!p)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    ix->excludes = p;
    if (!(p[ix->n_excludes] = strdup(glob)))
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    ix->n_excludes++;
    return HUSTINGS_STATUS_SUCCESS;
}

void hustings_indexer_set_max_file_size(hustings_indexer_t *ix, unsigned long long bytes)
{
    if (ix)
        ix->max_bytes = bytes;
}

void hustings_indexer_set_file_callback(hustings_indexer_t *ix, hustings_file_fn fn,
                                        void *context)
{
    if (ix) {
        ix->file_fn = fn;
        ix->file_ctx = context;
    }
}

void hustings_indexer_set_progress_callback(hustings_indexer_t *ix, hustings_progress_fn fn,
                                            void *context)
{
    if (ix) {
        ix->progress_fn = fn;
        ix->progress_ctx = context;
    }
}

void hustings_indexer_set_cancel_flag(hustings_indexer_t *ix, volatile sig_atomic_t *flag)
{
    if (ix)
        ix->cancel = flag;
}

/* ---- one run ------------------------------------------------------------ */

typedef struct todo {
    char *path;
    unsigned long long size;
    long long mtime_ns;
} todo;

typedef struct run {
    hustings_indexer_t *ix;
    hustings_summary_t *sum;
    hs_strmap *stored;      /* path -> hs_filestate, as the index has them */
    hs_strmap *seen;        /* paths found by the walk (values unused) */
    char **roots;           /* absolute, readable paths of this run */
    size_t n_roots;
    char **fenced;          /* unreadable paths: what is below is kept */
    size_t n_fenced;
    todo *todo;             /* files to read */
    size_t n_todo, cap_todo;
    unsigned long long bytes_total, bytes_done;
    unsigned long files_since_commit;
    unsigned long long bytes_since_commit;
    hs_buf data, why;
    int oom;
} run;

static void tell(run *r, const char *path, hustings_file_action_t action, const char *detail)
{
    if (r->ix->file_fn)
        r->ix->file_fn(r->ix->file_ctx, path, action, detail);
}

static int push_path(char ***list, size_t *n, const char *path)
{
    char **p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    *list = p;
    if (!(p[*n] = strdup(path)))
        return -1;
    (*n)++;
    return 0;
}

static void free_paths(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

static long long mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* hs_walk_file_fn: unchanged files are done here, others wait in todo. */
static int walk_found(void *ctx, const char *path, const struct stat *st)
{
    run *r = ctx;
    if (hs_strmap_put(r->seen, path, r, NULL) < 0)
        return -1;
    hs_filestate *fs = hs_strmap_get(r->stored, path);
    if (fs && fs->size == (unsigned long long)st->st_size && fs->mtime_ns == mtime_ns(st)) {
        r->sum->unchanged++;
        tell(r, path, HUSTINGS_FILE_UNCHANGED, NULL);
        return 0;
    }
    if (r->n_todo == r->cap_todo) {
        size_t cap = r->cap_todo ? r->cap_todo * 2 : 256;
        todo *p = realloc(r->todo, cap * sizeof *p);
        if (!p)
            return -1;
        r->todo = p;
        r->cap_todo = cap;
    }
    todo *t = &r->todo[r->n_todo];
    if (!(t->path = strdup(path)))
        return -1;
    t->size = (unsigned long long)st->st_size;
    t->mtime_ns = mtime_ns(st);
    r->n_todo++;
    r->bytes_total += t->size;
    return 0;
}

/* hs_walk_problem_fn: skipped, and whatever the index has below it stays. */
static void walk_problem(void *ctx, const char *path, const char *reason)
{
    run *r = ctx;
    r->sum->skipped++;
    tell(r, path, HUSTINGS_FILE_SKIPPED, reason);
    if (push_path(&r->fenced, &r->n_fenced, path) < 0)
        r->oom = 1;
}

static int below(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/' || dir[n - 1] == '/');
}

typedef struct gone_finder {
    run *r;
    hs_strmap *gone;        /* path -> hs_filestate (borrowed) */
    hs_strmap *by_hash;     /* hash -> hs_filestate (borrowed) */
    int failed;
} gone_finder;

static int find_gone(void *ctx, const char *path, void *value)
{
    gone_finder *g = ctx;
    run *r = g->r;
    if (hs_strmap_get(r->seen, path))
        return 0;
    int in_run = 0;
    for (size_t i = 0; i < r->n_roots && !in_run; i++)
        in_run = below(path, r->roots[i]);
    for (size_t i = 0; i < r->n_fenced && in_run; i++)
        in_run = !below(path, r->fenced[i]);
    if (!in_run)
        return 0;
    hs_filestate *fs = value;
    if (hs_strmap_put(g->gone, path, fs, NULL) < 0 ||
        (!hs_strmap_get(g->by_hash, fs->hash) && hs_strmap_put(g->by_hash, fs->hash, fs, NULL) < 0))
        g->failed = 1;
    return g->failed;
}

/* Commit when a batch is full, or always when `force`. */
static hustings_status_t maybe_commit(run *r, int force)
{
    if (r->ix->dry_run)
        return HUSTINGS_STATUS_SUCCESS;
    if (!force && r->files_since_commit < COMMIT_FILES && r->bytes_since_commit < COMMIT_BYTES)
        return HUSTINGS_STATUS_SUCCESS;
    r->files_since_commit = 0;
    r->bytes_since_commit = 0;
    return hustings_index_commit(r->ix->index);
}

static hustings_status_t remember(run *r, const char *path, const hs_filestate *fs)
{
    hustings_status_t st = hs_filestate_store(r->ix->index->db, path, fs);
    return st == HUSTINGS_STATUS_SUCCESS ? st : hs_index_fail_db(r->ix->index, st);
}

/* Parse data as the file t and replace its passages. */
static hustings_status_t index_content(run *r, const todo *t, const char *hash, int existed)
{
    hustings_index_t *index = r->ix->index;
    hs_article_list list = HS_ARTICLE_LIST_INIT;
    hs_buf_reset(&r->why);
    if (hs_read_articles(t->path, hs_buf_str(&r->data), r->data.len, &list, &r->why) < 0) {
        hs_article_list_clear(&list);
        free(list.items);
        if (strcmp(hs_buf_str(&r->why), "out of memory") == 0)
            return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
        /* what was indexed from it before stays until it parses again */
        r->sum->skipped++;
        tell(r, t->path, HUSTINGS_FILE_SKIPPED, hs_buf_str(&r->why));
        return HUSTINGS_STATUS_SUCCESS;
    }
    unsigned long passages = 0;
    for (size_t i = 0; i < list.n; i++) {
        hs_article_detect_lang(list.items[i], hs_index_langid(index));
        passages += list.items[i]->n_passages;
    }
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (!r->ix->dry_run) {
        st = hs_index_replace_file(index, t->path, list.items, list.n, &passages);
        hs_filestate fs = { t->size, t->mtime_ns, "", t->path };
        memcpy(fs.hash, hash, sizeof fs.hash);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = remember(r, t->path, &fs);
    }
    size_t n = list.n;
    hs_article_list_clear(&list);
    free(list.items);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    r->sum->articles += n;
    r->sum->passages += passages;
    if (existed)
        r->sum->changed++;
    else
        r->sum->new_files++;
    tell(r, t->path, existed ? HUSTINGS_FILE_CHANGED : HUSTINGS_FILE_NEW, NULL);
    return st;
}

/* Step 3 for one file. */
static hustings_status_t process(run *r, const todo *t, gone_finder *g)
{
    hs_buf_reset(&r->why);
    if (hs_read_file(t->path, (size_t)r->ix->max_bytes, &r->data, &r->why) < 0) {
        r->sum->skipped++;
        tell(r, t->path, HUSTINGS_FILE_SKIPPED, hs_buf_str(&r->why));
        return HUSTINGS_STATUS_SUCCESS;
    }
    r->files_since_commit++;
    r->bytes_since_commit += r->data.len;
    char hash[HS_HASH_HEX + 1];
    hs_hash_content(hs_buf_str(&r->data), r->data.len, hash);
    hs_filestate fs = { t->size, t->mtime_ns, "", t->path };
    memcpy(fs.hash, hash, sizeof fs.hash);

    hs_filestate *old = hs_strmap_get(r->stored, t->path);
    if (old && strcmp(old->hash, hash) == 0) { /* touched, not changed */
        r->sum->unchanged++;
        tell(r, t->path, HUSTINGS_FILE_UNCHANGED, NULL);
        return r->ix->dry_run ? HUSTINGS_STATUS_SUCCESS : remember(r, t->path, &fs);
    }
    hs_filestate *moved = old ? NULL : hs_strmap_get(g->by_hash, hash);
    if (moved && hs_strmap_get(g->gone, moved->path)) {
        hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
        if (!r->ix->dry_run) {
            st = hs_index_rename_file(r->ix->index, moved->path, t->path);
            if (st == HUSTINGS_STATUS_SUCCESS)
                st = remember(r, t->path, &fs);
            if (st == HUSTINGS_STATUS_SUCCESS)
                st = remember(r, moved->path, NULL);
        }
        if (st != HUSTINGS_STATUS_SUCCESS)
            return st;
        r->sum->renamed++;
        tell(r, t->path, HUSTINGS_FILE_RENAMED, moved->path);
        hs_strmap_remove(g->gone, moved->path);
        hs_strmap_remove(g->by_hash, hash);
        return st;
    }
    return index_content(r, t, hash, old != NULL);
}

static int cancelled(const run *r)
{
    return r->ix->cancel && *r->ix->cancel;
}

typedef struct remover {
    run *r;
    hustings_status_t st;
    char **paths;
    size_t n;
} remover;

static int collect_gone(void *ctx, const char *path, void *value)
{
    (void)value;
    remover *rm = ctx;
    if (push_path(&rm->paths, &rm->n, path) < 0) {
        rm->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        return 1;
    }
    return 0;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Step 4: delete what is still gone, in path order. */
static hustings_status_t remove_gone(run *r, gone_finder *g)
{
    remover rm = { r, HUSTINGS_STATUS_SUCCESS, NULL, 0 };
    hs_strmap_each(g->gone, collect_gone, &rm);
    if (rm.n)
        qsort(rm.paths, rm.n, sizeof *rm.paths, compare_paths);
    for (size_t i = 0; i < rm.n && rm.st == HUSTINGS_STATUS_SUCCESS; i++) {
        if (cancelled(r)) {
            rm.st = HUSTINGS_STATUS_INTERRUPTED;
            break;
        }
        if (!r->ix->dry_run) {
            rm.st = hs_index_remove_file(r->ix->index, rm.paths[i]);
            if (rm.st == HUSTINGS_STATUS_SUCCESS)
                rm.st = remember(r, rm.paths[i], NULL);
            r->files_since_commit++;
            if (rm.st == HUSTINGS_STATUS_SUCCESS)
                rm.st = maybe_commit(r, 0);
        }
        if (rm.st == HUSTINGS_STATUS_SUCCESS) {
            r->sum->removed++;
            tell(r, rm.paths[i], HUSTINGS_FILE_REMOVED, NULL);
        }
    }
    free_paths(rm.paths, rm.n);
    return rm.st;
}

static hustings_status_t walk_roots(run *r, const char *const *paths, size_t n)
{
    hustings_indexer_t *ix = r->ix;
    hs_walk_options opt = { ix->follow_links, (const char *const *)ix->excludes, ix->n_excludes };
    for (size_t i = 0; i < n; i++) {
        char *abs = hs_absolute_path(paths[i]);
        struct stat st;
        if (!abs)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (stat(abs, &st) < 0) {
            /* named but unreadable: nothing below it is touched */
            r->sum->skipped++;
            tell(r, paths[i], HUSTINGS_FILE_SKIPPED, strerror(errno));
            free(abs);
            continue;
        }
        int rc = push_path(&r->roots, &r->n_roots, abs);
        if (rc == 0)
            rc = hs_walk(abs, &opt, walk_found, walk_problem, r);
        free(abs);
        if (rc < 0 || r->oom)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    return HUSTINGS_STATUS_SUCCESS;
}

static hustings_status_t run_steps(run *r, const char *const *paths, size_t n)
{
    hustings_index_t *index = r->ix->index;
    hustings_status_t st = hs_filestates_load(index->db, &r->stored);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st == HUSTINGS_STATUS_OUT_OF_MEMORY ? st : hs_index_fail_db(index, st);
    if (!(r->seen = hs_strmap_new()))
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    if ((st = walk_roots(r, paths, n)) != HUSTINGS_STATUS_SUCCESS)
        return st;

    gone_finder g = { r, hs_strmap_new(), hs_strmap_new(), 0 };
    if (g.gone && g.by_hash)
        hs_strmap_each(r->stored, find_gone, &g);
    else
        g.failed = 1;
    if (g.failed)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;

    for (size_t i = 0; i < r->n_todo && st == HUSTINGS_STATUS_SUCCESS; i++) {
        if (cancelled(r)) {
            st = HUSTINGS_STATUS_INTERRUPTED;
            break;
        }
        st = process(r, &r->todo[i], &g);
        r->bytes_done += r->todo[i].size;
        if (r->ix->progress_fn)
            r->ix->progress_fn(r->ix->progress_ctx, (unsigned long)i + 1,
                               (unsigned long)r->n_todo, r->bytes_done, r->bytes_total);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = maybe_commit(r, 0);
    }
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = remove_gone(r, &g);
    hs_strmap_free(g.gone, NULL);
    hs_strmap_free(g.by_hash, NULL);
    return st;
}

hustings_status_t hustings_indexer_run(hustings_indexer_t *ix, const char *const *paths, size_t n,
                                       hustings_summary_t *summary)
{
    if (!ix || (!paths && n))
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!ix->index->writable)
        return hs_index_fail(ix->index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hustings_summary_t ignored;
    memset(&ignored, 0, sizeof ignored);
    run r;
    memset(&r, 0, sizeof r);
    r.ix = ix;
    r.sum = summary ? summary : &ignored;
    hs_readers_init();
    hustings_status_t st = run_steps(&r, paths, n);
    /* whatever was done is kept, also when interrupted */
    if (st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_INTERRUPTED) {
        hustings_status_t cst = maybe_commit(&r, 1);
        if (cst != HUSTINGS_STATUS_SUCCESS)
            st = cst;
    }
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        hs_index_fail(ix->index, st, "out of memory");
    for (size_t i = 0; i < r.n_todo; i++)
        free(r.todo[i].path);
    free(r.todo);
    free_paths(r.roots, r.n_roots);
    free_paths(r.fenced, r.n_fenced);
    hs_strmap_free(r.stored, hs_filestate_free);
    hs_strmap_free(r.seen, NULL);
    hs_buf_free(&r.data);
    hs_buf_free(&r.why);
    return st;
}

hustings_index_t *hs_indexer_index(hustings_indexer_t *ix)
{
    return ix->index;
}

volatile sig_atomic_t *hs_indexer_cancel_flag(hustings_indexer_t *ix)
{
    return ix->cancel;
}

int hs_indexer_follows_links(hustings_indexer_t *ix)
{
    return ix->follow_links;
}
