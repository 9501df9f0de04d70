/* indexer.c - bringing an index up to date with folders of articles.
 *
 * A run has four steps:
 *  1. walk the folders; a file whose size and mtime match what the index
 *     remembers (filestate.h) is unchanged and is not opened (unless it is
 *     to be dated by its mtime: file_dates.h); a folder given that is gone
 *     (missing.h) is walked as empty; the folders are recorded (roots.h);
 *  2. find the files the index holds below those folders that are gone;
 *  3. read each remaining file and hash it: equal content is only a touch;
 *     a new path with the content of a gone file is a rename (re-keyed, not
 *     parsed); anything else is parsed and its passages replaced;
 *  4. delete the passages of the files still gone.
 * Work is committed in batches, with each file's state in the same commit
 * as its passages, so a run killed at any point leaves a consistent index
 * that the next run completes.
 */
#include "indexer_internal.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <threads.h>
#include <unistd.h>

#include "file_dates.h"
#include "file_docs.h"
#include "filestate.h"
#include "missing.h"
#include "pipeline.h"
#include "reader.h"
#include "readfile.h"
#include "roots.h"
#include "shards.h"
#include "stopwords.h"
#include "strmap.h"
#include "walk.h"

/* Files read and parsed ahead of the writer, per thread: bounds the
 * memory that parsed files wait in. */
#define AHEAD_PER_JOB 4
#define MAX_JOBS 64

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

void hustings_indexer_set_jobs(hustings_indexer_t *ix, unsigned jobs)
{
    if (ix)
        ix->jobs = jobs > MAX_JOBS ? MAX_JOBS : jobs;
}

void hustings_indexer_set_date_from_mtime(hustings_indexer_t *ix, int use)
{
    if (ix)
        ix->date_from_mtime = use;
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
    dev_t dev;                 /* the file the walk found, to read that one */
    ino_t ino;
} todo;

/* A path given that is missing but out of reach (missing_root). */
typedef struct unsure {
    char *path;             /* absolute */
    char *given;            /* as given */
    char *why;              /* what a SKIPPED says of it */
} unsure;

typedef struct run {
    hustings_indexer_t *ix;
    hustings_summary_t *sum;
    hs_strmap *stored;      /* path -> hs_filestate, as the index has them */
    hs_strmap *seen;        /* paths found by the walk (values unused) */
    char **roots;           /* absolute paths of this run: readable, or gone */
    size_t n_roots;
    char **gone_roots;      /* those of them that are gone (missing.h) */
    size_t n_gone_roots;
    struct unsure *unsure;  /* missing ones out of reach (missing.h): their
                               files may be found renamed, but are not
                               removed */
    size_t n_unsure;
    char **recorded;        /* the roots the index has recorded (roots.h) */
    size_t n_recorded;
    char **fenced;          /* unreadable paths: what is below is kept */
    size_t n_fenced;
    todo *todo;             /* files to read */
    size_t n_todo, cap_todo;
    unsigned long long bytes_total, bytes_done;
    unsigned long files_since_commit;
    unsigned long long bytes_since_commit;
    const hs_langid *langid;
    hs_strmap *gone_by_hash;   /* read by the worker threads */
    int oom;
    hustings_index_t *index;   /* written: the indexer's, or a shard */
    struct shared *shared;     /* when one of several shard builders */
    const atomic_int *stop;    /* (then) another shard builder failed */
} run;

/* What the shard builders of a first build share (see build_in_shards). */
typedef struct shared {
    mtx_t mu;                  /* held around the callbacks */
    unsigned long files_done, files_total;
    unsigned long long bytes_done, bytes_total;
} shared;

/* Tell the caller about the file named raw (indexer_internal.h). */
static void tell(run *r, const char *raw, hustings_file_action_t action, const char *detail)
{
    hs_indexer_tell(r->ix, r->shared ? &r->shared->mu : NULL, raw, action, detail);
}

/* One more file of the run is done. */
static void progress(run *r, size_t i)
{
    r->bytes_done += r->todo[i].size;
    if (!r->ix->progress_fn)
        return;
    if (!r->shared) {
        r->ix->progress_fn(r->ix->progress_ctx, (unsigned long)i + 1, (unsigned long)r->n_todo,
                           r->bytes_done, r->bytes_total);
        return;
    }
    shared *sh = r->shared;
    mtx_lock(&sh->mu);
    sh->files_done++;
    sh->bytes_done += r->todo[i].size;
    r->ix->progress_fn(r->ix->progress_ctx, sh->files_done, sh->files_total, sh->bytes_done,
                       sh->bytes_total);
    mtx_unlock(&sh->mu);
}

static long long mtime_ns(const struct stat *st)
{
    return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* hs_walk_file_fn: unchanged files are done here, others wait in todo. */
static int walk_found(void *ctx, const char *path, const struct stat *st)
{
    run *r = ctx;
    if (hs_strmap_get(r->seen, path))
        return 0; /* found again under another root given ("dir dir/sub") */
    if (hs_strmap_put(r->seen, path, r, NULL) < 0)
        return -1;
    hs_filestate *fs = hs_strmap_get(r->stored, path);
    if (fs && fs->size == (unsigned long long)st->st_size && fs->mtime_ns == mtime_ns(st) &&
        !(r->ix->date_from_mtime && hs_dates_stale(fs, mtime_ns(st)))) {
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
    t->dev = st->st_dev;
    t->ino = st->st_ino;
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
    if (hs_paths_push(&r->fenced, &r->n_fenced, path) < 0)
        r->oom = 1;
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
        in_run = hs_path_below(path, r->roots[i]);
    for (size_t i = 0; i < r->n_fenced && in_run; i++)
        in_run = !hs_path_below(path, r->fenced[i]);
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
    if (!force && r->files_since_commit < HS_COMMIT_FILES &&
        r->bytes_since_commit < HS_COMMIT_BYTES)
        return HUSTINGS_STATUS_SUCCESS;
    r->files_since_commit = 0;
    r->bytes_since_commit = 0;
    return hustings_index_commit(r->index);
}

static hustings_status_t remember(run *r, const char *path, const hs_filestate *fs)
{
    hustings_status_t st = hs_filestate_store(r->index->db, path, fs);
    return st == HUSTINGS_STATUS_SUCCESS ? st : hs_index_fail_db(r->index, st);
}

/* ---- step 3, first half: reading and parsing, in worker threads ------- */

/* What reading a file found. */
typedef enum found {
    FOUND_UNREADABLE,   /* why says why */
    FOUND_TOUCHED,      /* same content as indexed */
    FOUND_MOVED,        /* the content of a gone file: maybe a rename */
    FOUND_BAD,          /* no articles: why says why */
    FOUND_PARSED,       /* articles, and their documents unless dry run */
    FOUND_NO_MEMORY,
} found;

typedef struct prepared {
    found found;
    char hash[HS_HASH_HEX + 1];
    hs_dates dates;            /* FOUND_PARSED: how its articles are dated */
    char mtime_date[11];
    size_t bytes;
    hs_buf why;
    hs_article_list list;
    hs_file_docs *docs;
} prepared;

/* What one thread reads and parses with (a stemmer keeps state). */
typedef struct reader_state {
    hs_stemmer *stemmer;
    hs_buf data;
} reader_state;

static void prepared_clear(prepared *p)
{
    hs_file_docs_free(p->docs);
    p->docs = NULL;
    hs_article_list_clear(&p->list);
    free(p->list.items);
    memset(&p->list, 0, sizeof p->list);
    hs_buf_reset(&p->why);
}

/* Parse the file's bytes into articles and, unless dry run, documents. */
static void parse(const run *r, const todo *t, reader_state *rs, prepared *p)
{
    hs_read_status st = hs_read_articles(t->path, hs_buf_str(&rs->data), rs->data.len, &p->list,
                                         &p->why);
    if (st != HS_READ_OK) {
        p->found = st == HS_READ_NO_MEMORY ? FOUND_NO_MEMORY : FOUND_BAD;
        return;
    }
    for (size_t i = 0; i < p->list.n; i++)
        hs_article_detect_lang(p->list.items[i], r->langid);
    if (hs_date_articles(p->list.items, p->list.n, t->mtime_ns, r->ix->date_from_mtime,
                         &p->dates, p->mtime_date) < 0) {
        p->found = FOUND_NO_MEMORY;
        return;
    }
    p->found = FOUND_PARSED;
    if (!r->ix->dry_run && !(p->docs = hs_file_docs_build(rs->stemmer, p->list.items, p->list.n)))
        p->found = FOUND_NO_MEMORY;
}

/* Whether a file of the content the index holds (old) must be parsed
 * again all the same: to be dated by its modification time. */
static int to_date(const run *r, const hs_filestate *old, const todo *t)
{
    return r->ix->date_from_mtime && hs_dates_stale(old, t->mtime_ns);
}

/* Read todo item t into p: the decisions that need no index.  With
 * may_move, a new file with the content of a gone one is left unparsed
 * (FOUND_MOVED): the writer re-keys it. */
static void prepare(const run *r, const todo *t, reader_state *rs, prepared *p, int may_move)
{
    prepared_clear(p);
    p->bytes = 0;
    if (hs_read_walked_file(t->path, t->dev, t->ino, r->ix->follow_links, (size_t)r->ix->max_bytes,
                            &rs->data, &p->why) < 0) {
        p->found = FOUND_UNREADABLE;
        return;
    }
    p->bytes = rs->data.len;
    hs_hash_content(hs_buf_str(&rs->data), rs->data.len, p->hash);
    hs_filestate *old = hs_strmap_get(r->stored, t->path);
    if (old && strcmp(old->hash, p->hash) == 0 && !to_date(r, old, t))
        p->found = FOUND_TOUCHED;
    else if (may_move && !old && hs_strmap_get(r->gone_by_hash, p->hash))
        p->found = FOUND_MOVED; /* the writer decides; renames are not parsed */
    else
        parse(r, t, rs, p);
}

typedef struct pipeline_ctx {
    run *r;
    prepared *slots;
    size_t window;
} pipeline_ctx;

/* hs_pipeline_fn */
static void prepare_item(void *ctx, size_t i, void *worker_state)
{
    pipeline_ctx *c = ctx;
    prepare(c->r, &c->r->todo[i], worker_state, &c->slots[i % c->window], 1);
}

/* ---- step 3, second half: writing, in the calling thread --------------- */

/* The state of file t, of content hash, to remember. */
static hs_filestate state_of(const todo *t, const char *hash, hs_dates dates,
                             const char *mtime_date)
{
    hs_filestate fs = { t->size, t->mtime_ns, "", t->path, dates, "" };
    memcpy(fs.hash, hash, sizeof fs.hash);
    if (dates == HS_DATES_MTIME)
        memcpy(fs.mtime_date, mtime_date, sizeof fs.mtime_date);
    return fs;
}

/* Replace the file's passages by those parsed into p. */
static hustings_status_t write_parsed(run *r, const todo *t, prepared *p, int existed)
{
    hustings_index_t *index = r->index;
    if (p->found == FOUND_NO_MEMORY)
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    if (p->found == FOUND_BAD) {
        /* what was indexed from it before stays until it parses again */
        r->sum->skipped++;
        tell(r, t->path, HUSTINGS_FILE_SKIPPED, hs_buf_str(&p->why));
        return HUSTINGS_STATUS_SUCCESS;
    }
    unsigned long passages = 0;
    for (size_t i = 0; i < p->list.n; i++)
        passages += p->list.items[i]->n_passages;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (!r->ix->dry_run) {
        st = hs_index_write_file(index, t->path, p->docs);
        hs_filestate fs = state_of(t, p->hash, p->dates, p->mtime_date);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = remember(r, t->path, &fs);
    }
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    r->sum->articles += p->list.n;
    r->sum->passages += passages;
    if (existed)
        r->sum->changed++;
    else
        r->sum->new_files++;
    /* a note of the reader's (a feed cut short, read in part) */
    tell(r, t->path, existed ? HUSTINGS_FILE_CHANGED : HUSTINGS_FILE_NEW,
         p->why.len ? hs_buf_str(&p->why) : NULL);
    return st;
}

/* Re-key the passages of the gone file `moved` as t's. */
static hustings_status_t write_rename(run *r, const todo *t, const prepared *p,
                                      const hs_filestate *moved)
{
    hs_filestate fs = state_of(t, p->hash, moved->dates, moved->mtime_date);
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (!r->ix->dry_run) {
        st = hs_index_rename_file(r->index, moved->path, t->path);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = remember(r, t->path, &fs);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = remember(r, moved->path, NULL);
    }
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    r->sum->renamed++;
    tell(r, t->path, HUSTINGS_FILE_RENAMED, moved->path);
    return st;
}

/* Step 3 for one file, read into p. */
static hustings_status_t process(run *r, const todo *t, prepared *p, gone_finder *g)
{
    hs_filestate *moved = p->found == FOUND_MOVED ? hs_strmap_get(g->by_hash, p->hash) : NULL;
    if (p->found == FOUND_MOVED && !(moved && hs_strmap_get(g->gone, moved->path))) {
        /* its twin was claimed by another new file: read it after all */
        reader_state rs = { r->index->stemmer, HS_BUF_INIT };
        prepare(r, t, &rs, p, 0);
        hs_buf_free(&rs.data);
    }
    if (p->found == FOUND_UNREADABLE) {
        r->sum->skipped++;
        tell(r, t->path, HUSTINGS_FILE_SKIPPED, hs_buf_str(&p->why));
        return HUSTINGS_STATUS_SUCCESS;
    }
    r->files_since_commit++;
    r->bytes_since_commit += p->bytes;
    if (p->found == FOUND_MOVED) {
        hs_strmap_remove(g->gone, moved->path);
        return write_rename(r, t, p, moved);
    }
    const hs_filestate *old = hs_strmap_get(r->stored, t->path);
    hs_dates dates = old ? old->dates : HS_DATES_UNKNOWN;
    if (p->found == FOUND_PARSED && old && strcmp(old->hash, p->hash) == 0 &&
        p->dates == HS_DATES_OWN) {
        /* read again to be dated, it gives dates of its own: as it was */
        p->found = FOUND_TOUCHED;
        dates = HS_DATES_OWN;
    }
    if (p->found == FOUND_TOUCHED) {
        r->sum->unchanged++;
        tell(r, t->path, HUSTINGS_FILE_UNCHANGED, NULL);
        hs_filestate fs = state_of(t, p->hash, dates, old->mtime_date);
        return r->ix->dry_run ? HUSTINGS_STATUS_SUCCESS : remember(r, t->path, &fs);
    }
    return write_parsed(r, t, p, old != NULL);
}

static int cancelled(const run *r)
{
    return (r->ix->cancel && *r->ix->cancel) || (r->stop && atomic_load(r->stop));
}

/* A missing root out of reach whose files were all found renamed has
 * moved; one that still has some is skipped, and they are kept. */
static hustings_status_t keep_unsure(run *r, gone_finder *g)
{
    for (size_t i = 0; i < r->n_unsure; i++) {
        char **unclaimed = NULL;
        size_t n = 0;
        int failed = hs_paths_of_map(g->gone, r->unsure[i].path, &unclaimed, &n) < 0;
        for (size_t k = 0; k < n; k++)
            hs_strmap_remove(g->gone, unclaimed[k]);
        int kept = n > 0;
        hs_paths_free(unclaimed, n);
        if (failed)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (kept) {
            r->sum->skipped++;
            tell(r, r->unsure[i].given, HUSTINGS_FILE_SKIPPED, r->unsure[i].why);
        } else if (hs_paths_push(&r->gone_roots, &r->n_gone_roots, r->unsure[i].path) < 0) {
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
        }
    }
    return HUSTINGS_STATUS_SUCCESS;
}

/* Step 4: delete what is still gone, in path order. */
static hustings_status_t remove_gone(run *r, gone_finder *g)
{
    hustings_status_t st = keep_unsure(r, g);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    char **gone = NULL;
    size_t n = 0;
    st = hs_paths_of_map(g->gone, NULL, &gone, &n) < 0
             ? HUSTINGS_STATUS_OUT_OF_MEMORY
             : hs_indexer_remove_files(r->ix, gone, n, r->sum, &r->files_since_commit);
    hs_paths_free(gone, n);
    return st;
}

typedef struct below_finder {
    const char *dir;
    int found;
} below_finder;

static int find_below(void *ctx, const char *path, void *value)
{
    (void)value;
    below_finder *b = ctx;
    return b->found = hs_path_below(path, b->dir);
}

/* Whether the index holds anything from path or below: a file, or a root
 * recorded. */
static int holds_below(const run *r, const char *path)
{
    for (size_t i = 0; i < r->n_recorded; i++)
        if (hs_path_below(r->recorded[i], path))
            return 1;
    below_finder b = { path, 0 };
    hs_strmap_each(r->stored, find_below, &b);
    return b.found;
}

/* A path given that cannot be found (err).  When the index holds files
 * from it, they are kept, but for those found renamed at another path of
 * the run (a moved folder named at both places): a path that is not there
 * may be a share that is not mounted, or a drive whose mount point went
 * with it, and only --forget or --prune say "gone" (keep_unsure).  A path
 * the index holds nothing from is skipped. */
static hustings_status_t missing_root(run *r, const char *given, const char *abs, int err)
{
    hs_buf folder = HS_BUF_INIT, why = HS_BUF_INIT;
    hs_path_state state = HS_PATH_THERE; /* (a dangling link) */
    if ((err == ENOENT || err == ENOTDIR) && holds_below(r, abs) &&
        hs_path_check(abs, &folder, &why, &state) < 0)
        r->oom = 1;
    if (state == HS_PATH_GONE || state == HS_PATH_OUT_OF_REACH) {
        hs_buf why_skipped = HS_BUF_INIT;
        unsure *more = realloc(r->unsure, (r->n_unsure + 1) * sizeof *more);
        if (more)
            r->unsure = more;
        int failed = !more;
        if (!failed && state == HS_PATH_GONE)
            failed = hs_buf_puts(&why_skipped, "not there any more: what the index holds from "
                                               "it is kept, but for files found renamed at "
                                               "another PATH of the run (--forget removes it)") < 0;
        else if (!failed)
            failed = hs_buf_printf(&why_skipped, "not found, and above it %s: %s: what the index "
                                                 "holds from it is kept, but for files found "
                                                 "renamed",
                                   hs_buf_str(&folder), hs_buf_str(&why)) < 0;
        if (failed || hs_paths_push(&r->roots, &r->n_roots, abs) < 0) {
            r->oom = 1;
        } else {
            unsure *u = &r->unsure[r->n_unsure];
            u->path = strdup(abs);
            u->given = strdup(given);
            u->why = hs_buf_detach(&why_skipped);
            r->n_unsure++;
            if (!u->path || !u->given || !u->why)
                r->oom = 1;
        }
        hs_buf_free(&why_skipped);
    } else if (state == HS_PATH_THERE) {
        r->sum->skipped++;
        tell(r, given, HUSTINGS_FILE_SKIPPED, strerror(err));
    }
    hs_buf_free(&folder);
    hs_buf_free(&why);
    return r->oom ? HUSTINGS_STATUS_OUT_OF_MEMORY : HUSTINGS_STATUS_SUCCESS;
}

static hustings_status_t walk_roots(run *r, const char *const *paths, size_t n)
{
    hustings_indexer_t *ix = r->ix;
    hs_walk_options opt = { ix->follow_links, (const char *const *)ix->excludes, ix->n_excludes };
    for (size_t i = 0; i < n; i++) {
        /* "" names no file (open(2) says so), not the current folder */
        if (!*paths[i]) {
            r->sum->skipped++;
            tell(r, paths[i], HUSTINGS_FILE_SKIPPED, "an empty path names no file or folder");
            continue;
        }
        char *abs = hs_absolute_path(paths[i]);
        struct stat st;
        if (!abs)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (stat(abs, &st) < 0) {
            hustings_status_t mst = missing_root(r, paths[i], abs, errno);
            free(abs);
            if (mst != HUSTINGS_STATUS_SUCCESS)
                return mst;
            continue;
        }
        int rc = hs_paths_push(&r->roots, &r->n_roots, abs);
        if (rc == 0)
            rc = hs_walk(abs, &opt, walk_found, walk_problem, r);
        free(abs);
        if (rc < 0 || r->oom)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    return HUSTINGS_STATUS_SUCCESS;
}

static int is_recorded(const run *r, const char *path)
{
    for (size_t i = 0; i < r->n_recorded; i++)
        if (strcmp(r->recorded[i], path) == 0)
            return 1;
    return 0;
}

/* Whether the root was given but is missing (gone, or out of reach). */
static int is_missing_root(const run *r, const char *path)
{
    for (size_t i = 0; i < r->n_gone_roots; i++)
        if (strcmp(r->gone_roots[i], path) == 0)
            return 1;
    for (size_t i = 0; i < r->n_unsure; i++)
        if (strcmp(r->unsure[i].path, path) == 0)
            return 1;
    return 0;
}

/* Record the roots of the run that are there and that the index has not
 * recorded yet (roots.h); with `gone`, forget instead those recorded that
 * were found gone. */
static hustings_status_t record_roots(run *r, int gone)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    char **roots = gone ? r->gone_roots : r->roots;
    size_t n = gone ? r->n_gone_roots : r->n_roots;
    for (size_t i = 0; i < n && st == HUSTINGS_STATUS_SUCCESS && !r->ix->dry_run; i++) {
        if (is_recorded(r, roots[i]) != gone || (!gone && is_missing_root(r, roots[i])))
            continue;
        st = hs_root_store(r->index->db, roots[i], !gone);
        if (st == HUSTINGS_STATUS_SUCCESS)
            r->index->pending++;
        else if (st != HUSTINGS_STATUS_OUT_OF_MEMORY)
            st = hs_index_fail_db(r->index, st);
    }
    return st;
}

/* How many threads read and parse: the jobs asked for, else one per
 * processor; none (the calling thread does it) for one job or one file. */
static unsigned reader_threads(const run *r)
{
    long n = r->ix->jobs ? (long)r->ix->jobs : sysconf(_SC_NPROCESSORS_ONLN);
    if (n <= 1 || r->n_todo < 2 || r->shared)
        return 0;
    return n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* Step 3: threads read and parse the files ahead, this thread writes
 * them in order. */
static hustings_status_t read_and_write(run *r, gone_finder *g)
{
    if (r->n_todo == 0)
        return HUSTINGS_STATUS_SUCCESS;
    unsigned threads = reader_threads(r);
    size_t window = AHEAD_PER_JOB * (threads ? threads : 1);
    size_t n_states = threads ? threads : 1;
    prepared *slots = calloc(window, sizeof *slots);
    reader_state *states = calloc(n_states, sizeof *states);
    void **state_ptrs = calloc(n_states, sizeof *state_ptrs);
    hustings_status_t st = slots && states && state_ptrs ? HUSTINGS_STATUS_SUCCESS
                                                         : HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (size_t k = 0; k < n_states && st == HUSTINGS_STATUS_SUCCESS; k++) {
        state_ptrs[k] = &states[k];
        /* the calling thread may use the index's own stemmer */
        states[k].stemmer = threads ? hs_stemmer_new() : r->index->stemmer;
        if (!states[k].stemmer)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    if (!r->langid) /* loaded before threads share it */
        r->langid = hs_index_langid(r->index);
    pipeline_ctx ctx = { r, slots, window };
    hs_pipeline *p = NULL;
    if (st == HUSTINGS_STATUS_SUCCESS &&
        !(p = hs_pipeline_start(r->n_todo, threads, window, prepare_item, &ctx, state_ptrs)))
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    size_t i = 0;
    for (; p && i < r->n_todo && st == HUSTINGS_STATUS_SUCCESS; i++) {
        if (cancelled(r)) {
            st = HUSTINGS_STATUS_INTERRUPTED;
            break;
        }
        hs_pipeline_wait(p, i);
        prepared *pr = &slots[i % window];
        st = process(r, &r->todo[i], pr, g);
        prepared_clear(pr);
        hs_pipeline_release(p, i);
        progress(r, i);
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = maybe_commit(r, 0);
    }
    if (p)
        hs_pipeline_finish(p);
    for (size_t k = 0; slots && k < window; k++) {
        prepared_clear(&slots[k]);
        hs_buf_free(&slots[k].why);
    }
    for (size_t k = 0; states && k < n_states; k++) {
        if (threads)
            hs_stemmer_free(states[k].stemmer);
        hs_buf_free(&states[k].data);
    }
    free(slots);
    free(states);
    free(state_ptrs);
    return st;
}

/* ---- a first build, in shards ----------------------------------------- */

/* One thread per processor each writes its own share of a first build
 * into a database of its own (shards.h): Xapian's writer, the bottleneck
 * of a single thread, then runs on every processor.  Only for an empty
 * index (nothing to replace, rename or remove) and enough files. */
#define SHARD_MIN_FILES 8

static unsigned shard_count(const run *r)
{
    unsigned long docs = 1;
    if (r->ix->dry_run || r->n_todo < SHARD_MIN_FILES || hs_strmap_count(r->stored) ||
        hx_db_doc_count(r->index->db, &docs) != HUSTINGS_STATUS_SUCCESS || docs)
        return 0;
    long n = r->ix->jobs ? (long)r->ix->jobs : sysconf(_SC_NPROCESSORS_ONLN);
    return n <= 1 ? 0 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

static void add_summary(hustings_summary_t *to, const hustings_summary_t *from)
{
    to->new_files += from->new_files;
    to->changed += from->changed;
    to->renamed += from->renamed;
    to->removed += from->removed;
    to->unchanged += from->unchanged;
    to->skipped += from->skipped;
    to->articles += from->articles;
    to->passages += from->passages;
}

/* The run being built in shards, and what its shard builders share. */
typedef struct shard_build {
    run *r;
    shared sh;
} shard_build;

/* hs_shard_writer.size */
static unsigned long long todo_size(void *ctx, size_t i)
{
    shard_build *b = ctx;
    return b->r->todo[i].size;
}

/* hs_shard_writer.write: step 3 for a share of the files, in a thread of
 * its own, into its shard. */
static hustings_status_t write_shard(void *ctx, hustings_index_t *shard, size_t first, size_t n,
                                     unsigned long long bytes, const atomic_int *failed)
{
    shard_build *b = ctx;
    run *r = b->r;
    hustings_summary_t sum;
    memset(&sum, 0, sizeof sum);
    run sub;
    memset(&sub, 0, sizeof sub);
    sub.ix = r->ix;
    sub.sum = &sum;
    sub.stored = r->stored;
    sub.todo = r->todo + first;
    sub.n_todo = n;
    sub.bytes_total = bytes;
    sub.langid = r->langid;
    sub.index = shard;
    sub.shared = &b->sh;
    sub.stop = failed;
    gone_finder g = { &sub, hs_strmap_new(), hs_strmap_new(), 0 };
    hustings_status_t st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (g.gone && g.by_hash) {
        sub.gone_by_hash = g.by_hash;
        st = read_and_write(&sub, &g);
    }
    if (st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_INTERRUPTED) {
        hustings_status_t cst = maybe_commit(&sub, 1);
        if (cst != HUSTINGS_STATUS_SUCCESS)
            st = cst;
    }
    hs_strmap_free(g.gone, NULL);
    hs_strmap_free(g.by_hash, NULL);
    mtx_lock(&b->sh.mu);
    add_summary(r->sum, &sum);
    mtx_unlock(&b->sh.mu);
    return st;
}

/* Step 3 in n shards (shards.h).  *started is 0 when the build folder
 * cannot be made. */
static hustings_status_t build_in_shards(run *r, unsigned n, int *started)
{
    *started = 0;
    shard_build b;
    memset(&b, 0, sizeof b);
    b.r = r;
    b.sh.files_total = (unsigned long)r->n_todo;
    b.sh.bytes_total = r->bytes_total;
    if (mtx_init(&b.sh.mu, mtx_plain) != thrd_success)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    r->langid = hs_index_langid(r->index); /* one identifier for all */
    hs_shard_writer w = { r->n_todo, r->bytes_total, todo_size, write_shard, &b };
    hustings_status_t st = hs_shards_build(r->index, n, &w, started);
    mtx_destroy(&b.sh.mu);
    return st;
}

static hustings_status_t run_steps(run *r, const char *const *paths, size_t n)
{
    hustings_index_t *index = r->index;
    if (!r->ix->dry_run)
        hs_shards_remove_stale(index->path);
    hustings_status_t st = hs_filestates_load(index->db, &r->stored);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_roots_load(index->db, &r->recorded, &r->n_recorded);
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

    unsigned shards = st == HUSTINGS_STATUS_SUCCESS ? shard_count(r) : 0;
    int sharded = 0;
    if (shards)
        st = build_in_shards(r, shards, &sharded);
    /* the roots go into the run's first commit (a build in shards has
     * just put its index in place of the one it started from) */
    if (st == HUSTINGS_STATUS_SUCCESS || (sharded && st == HUSTINGS_STATUS_INTERRUPTED)) {
        hustings_status_t rst = record_roots(r, 0);
        if (rst != HUSTINGS_STATUS_SUCCESS)
            st = rst;
    }
    if (!sharded && st == HUSTINGS_STATUS_SUCCESS) {
        r->gone_by_hash = g.by_hash;
        st = read_and_write(r, &g);
    }
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = remove_gone(r, &g);
    if (st == HUSTINGS_STATUS_SUCCESS) /* their files went with them */
        st = record_roots(r, 1);
    hs_strmap_free(g.gone, NULL);
    hs_strmap_free(g.by_hash, NULL);
    return st;
}

hustings_status_t hustings_indexer_run(hustings_indexer_t *ix, const char *const *paths, size_t n,
                                       hustings_summary_t *summary)
{
    if (!ix || (!paths && n) || (n && hs_paths_have_null(paths, n)))
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!ix->index->writable)
        return hs_index_fail(ix->index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hs_stop_stems_init(); /* before any worker thread needs them */
    hustings_summary_t ignored;
    memset(&ignored, 0, sizeof ignored);
    run r;
    memset(&r, 0, sizeof r);
    r.ix = ix;
    r.index = ix->index;
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
    hs_paths_free(r.roots, r.n_roots);
    hs_paths_free(r.gone_roots, r.n_gone_roots);
    for (size_t i = 0; i < r.n_unsure; i++) {
        free(r.unsure[i].path);
        free(r.unsure[i].given);
        free(r.unsure[i].why);
    }
    free(r.unsure);
    hs_paths_free(r.recorded, r.n_recorded);
    hs_paths_free(r.fenced, r.n_fenced);
    hs_strmap_free(r.stored, hs_filestate_free);
    hs_strmap_free(r.seen, NULL);
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
