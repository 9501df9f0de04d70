/* stats.c - what an index holds: counts, size, dates and languages, and
 * the folders it was built from (hustings_index_get_stats and the getters
 * of its object). */
#include "index_internal.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filestate.h"
#include "path_text.h"
#include "roots.h"
#include "schema.h"

typedef struct lang_count {
    char *code;
    unsigned long passages;
} lang_count;

typedef struct folder_count {
    char *path;          /* text form (path_text.h) */
    unsigned long files;
} folder_count;

struct _hustings_stats {
    unsigned long articles, passages, files, terms;
    unsigned long undated; /* articles without a date, added up over shards */
    unsigned long long disk_bytes;
    int format;
    char *last_update;   /* NULL when never */
    char *first_date;    /* NULL when no article is dated */
    char *last_date;
    lang_count *langs;   /* most passages first */
    size_t n_langs, langs_room;
    folder_count *folders; /* by path */
    size_t n_folders;
};

void hustings_stats_destroy(hustings_stats_t *stats)
{
    if (!stats)
        return;
    for (size_t i = 0; i < stats->n_langs; i++)
        free(stats->langs[i].code);
    free(stats->langs);
    for (size_t i = 0; i < stats->n_folders; i++)
        free(stats->folders[i].path);
    free(stats->folders);
    free(stats->last_update);
    free(stats->first_date);
    free(stats->last_date);
    free(stats);
}

/* Bytes the files under dir take on disk. */
static unsigned long long disk_usage(const char *dir)
{
    unsigned long long total = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d)
        return 0;
    hs_buf path = HS_BUF_INIT;
    while ((e = readdir(d))) {
        struct stat st;
        hs_buf_reset(&path);
        hs_buf_printf(&path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.' && path.data && stat(path.data, &st) == 0 && S_ISREG(st.st_mode))
            total += (unsigned long long)st.st_blocks * 512;
    }
    hs_buf_free(&path);
    closedir(d);
    return total;
}

/* The files of one index, and how many lie below each of its roots. */
typedef struct file_tally {
    unsigned long files;
    char **roots;
    size_t n_roots;
    unsigned long *below;     /* per root */
    int failed;
} file_tally;

static int count_file(void *ctx, const char *key, const char *value, size_t len)
{
    (void)key;
    file_tally *t = ctx;
    t->files++;
    if (!t->n_roots)
        return 0;
    hs_filestate *fs = hs_filestate_parse(value, len);
    for (size_t i = 0; fs && i < t->n_roots; i++)
        t->below[i] += hs_path_below(fs->path, t->roots[i]) != 0;
    hs_filestate_free(fs); /* a malformed one is no root's */
    return 0;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const folder_count *)a)->path, ((const folder_count *)b)->path);
}

/* Add the roots of t, by their text form, to the folders of stats (the
 * same folder in another shard adds up). */
static int add_folders(hustings_stats_t *stats, const file_tally *t)
{
    for (size_t i = 0; i < t->n_roots; i++) {
        hs_buf text = HS_BUF_INIT;
        if (hs_path_to_text(t->roots[i], &text) < 0)
            return -1;
        size_t k = 0;
        while (k < stats->n_folders && strcmp(stats->folders[k].path, text.data) != 0)
            k++;
        if (k == stats->n_folders) {
            folder_count *more = realloc(stats->folders, (k + 1) * sizeof *more);
            if (!more) {
                hs_buf_free(&text);
                return -1;
            }
            stats->folders = more;
            more[k].path = hs_buf_detach(&text);
            more[k].files = 0;
            stats->n_folders++;
        }
        hs_buf_free(&text);
        stats->folders[k].files += t->below[i];
    }
    if (stats->n_folders > 1)
        qsort(stats->folders, stats->n_folders, sizeof *stats->folders, by_path);
    return 0;
}

/* hx_value_fn over the dated passages with their articles' tags: an
 * article's passages follow one another, so each run of one tag is one
 * dated article. */
typedef struct dated_runs {
    char tag[17];
    unsigned long articles;
} dated_runs;

static int count_dated(void *ctx, unsigned docid, const char *value, size_t len,
                       const char *tag, size_t tag_len)
{
    (void)docid, (void)value, (void)len;
    dated_runs *d = ctx;
    if (tag_len >= sizeof d->tag)
        tag_len = sizeof d->tag - 1;
    if (strncmp(d->tag, tag, tag_len) != 0 || d->tag[tag_len] != '\0') {
        d->articles++;
        memcpy(d->tag, tag, tag_len);
        d->tag[tag_len] = '\0';
    }
    return 0;
}

/* What one index at path (open as db) adds to stats: the files it
 * tracks, by root, its undated articles and its size; *updated becomes
 * its last update if later. */
static hustings_status_t usage(hx_db *db, const char *path, hustings_stats_t *stats,
                               char **updated)
{
    char *mine = NULL;
    file_tally t = { 0, NULL, 0, NULL, 0 };
    dated_runs dated = { "", 0 };
    hustings_status_t st = hs_roots_load(db, &t.roots, &t.n_roots);
    if (st == HUSTINGS_STATUS_SUCCESS && t.n_roots &&
        !(t.below = calloc(t.n_roots, sizeof *t.below)))
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_each_metadata(db, HS_META_FILE, count_file, &t);
    if (st == HUSTINGS_STATUS_SUCCESS && add_folders(stats, &t) < 0)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    stats->files += t.files;
    hs_paths_free(t.roots, t.n_roots);
    free(t.below);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_each_value(db, HS_SLOT_DATE, HS_SLOT_ARTICLE, count_dated, &dated);
    unsigned long articles = 0;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_count_terms(db, HS_PREFIX_ARTICLE, &articles);
    if (articles > dated.articles)
        stats->undated += articles - dated.articles;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_get_metadata(db, HS_META_UPDATED, &mine);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    /* ISO 8601 UTC times order as strings */
    if (!*updated || strcmp(mine, *updated) > 0) {
        free(*updated);
        *updated = mine;
    } else {
        free(mine);
    }
    stats->disk_bytes += disk_usage(path);
    return st;
}

/* usage() of each index of a handle over several: Xapian gives such a
 * handle the metadata of its first index only. */
static hustings_status_t shards_usage(hustings_index_t *index, hustings_stats_t *stats,
                                      char **updated)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < index->n_shards; i++) {
        hx_db *db = NULL;
        char *err = NULL;
        st = hx_db_open(index->shards[i], 0, &db, &err);
        if (st == HUSTINGS_STATUS_SUCCESS) {
            st = usage(db, index->shards[i], stats, updated);
            if (st != HUSTINGS_STATUS_SUCCESS)
                hs_index_fail(index, st, hx_db_error(db));
        } else {
            hs_index_fail(index, st, err ? err : "out of memory");
        }
        free(err);
        hx_db_free(db);
    }
    return st;
}

/* hx_term_fn over the L terms: keep every language with its passages;
 * stops when memory runs out, which *failed then says. */
typedef struct lang_list {
    hustings_stats_t *stats;
    int failed;
} lang_list;

static int add_lang(void *ctx, const char *term, unsigned long freq)
{
    lang_list *list = ctx;
    hustings_stats_t *stats = list->stats;
    if (stats->n_langs == stats->langs_room) {
        size_t room = stats->langs_room ? 2 * stats->langs_room : 8;
        lang_count *more = realloc(stats->langs, room * sizeof *more);
        if (!more)
            return list->failed = 1;
        stats->langs = more;
        stats->langs_room = room;
    }
    lang_count *l = &stats->langs[stats->n_langs];
    if (!(l->code = strdup(term + strlen(HS_PREFIX_LANG))))
        return list->failed = 1;
    l->passages = freq;
    stats->n_langs++;
    return 0;
}

/* Most passages first; equal counts by code (the order the terms come
 * in). */
static int by_passages(const void *a, const void *b)
{
    const lang_count *x = a, *y = b;
    if (x->passages != y->passages)
        return x->passages < y->passages ? 1 : -1;
    return strcmp(x->code, y->code);
}

/* s when it is not empty, else NULL (s is freed). */
static char *unless_empty(char *s)
{
    if (s && !*s) {
        free(s);
        return NULL;
    }
    return s;
}

/* Fill stats from index; on failure, whether the handle's error says why
 * already is in *recorded. */
static hustings_status_t fill(hustings_index_t *index, hustings_stats_t *stats, int *recorded)
{
    char *updated = NULL;
    hustings_status_t st = hustings_index_count(index, &stats->articles, &stats->passages);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        *recorded = 1;
        return st;
    }
    st = hx_db_count_terms(index->db, "", &stats->terms);
    if (st == HUSTINGS_STATUS_SUCCESS && index->n_shards) {
        st = shards_usage(index, stats, &updated);
        *recorded = st != HUSTINGS_STATUS_SUCCESS;
    } else if (st == HUSTINGS_STATUS_SUCCESS) {
        st = usage(index->db, index->path, stats, &updated);
    }
    stats->last_update = unless_empty(updated);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_value_bounds(index->db, HS_SLOT_DATE, &stats->first_date,
                                &stats->last_date);
    stats->first_date = unless_empty(stats->first_date);
    stats->last_date = unless_empty(stats->last_date);
    lang_list list = { stats, 0 };
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_each_term(index->db, HS_PREFIX_LANG, add_lang, &list);
    if (st == HUSTINGS_STATUS_SUCCESS && list.failed) {
        *recorded = 1;
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    }
    if (st == HUSTINGS_STATUS_SUCCESS && stats->n_langs > 1)
        qsort(stats->langs, stats->n_langs, sizeof *stats->langs, by_passages);
    return st;
}

hustings_status_t hustings_index_get_stats(hustings_index_t *index, hustings_stats_t **out)
{
    if (!index || !out)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_stats_t *stats = calloc(1, sizeof *stats);
    if (!stats)
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    stats->format = HUSTINGS_INDEX_FORMAT;
    int recorded = 0; /* the failure's message is the handle's already */
    hustings_status_t st = fill(index, stats, &recorded);
    if (st != HUSTINGS_STATUS_SUCCESS) {
        hustings_stats_destroy(stats);
        return recorded ? st : hs_index_fail_db(index, st);
    }
    *out = stats;
    return st;
}

unsigned long hustings_stats_get_articles(hustings_stats_t *stats)
{
    return stats ? stats->articles : 0;
}

unsigned long hustings_stats_get_passages(hustings_stats_t *stats)
{
    return stats ? stats->passages : 0;
}

unsigned long hustings_stats_get_files(hustings_stats_t *stats)
{
    return stats ? stats->files : 0;
}

unsigned long hustings_stats_get_terms(hustings_stats_t *stats)
{
    return stats ? stats->terms : 0;
}

unsigned long long hustings_stats_get_disk_bytes(hustings_stats_t *stats)
{
    return stats ? stats->disk_bytes : 0;
}

int hustings_stats_get_format(hustings_stats_t *stats)
{
    return stats ? stats->format : 0;
}

const char *hustings_stats_get_last_update(hustings_stats_t *stats)
{
    return stats ? stats->last_update : NULL;
}

const char *hustings_stats_get_first_date(hustings_stats_t *stats)
{
    return stats ? stats->first_date : NULL;
}

const char *hustings_stats_get_last_date(hustings_stats_t *stats)
{
    return stats ? stats->last_date : NULL;
}

unsigned hustings_stats_count_languages(hustings_stats_t *stats)
{
    return stats ? (unsigned)stats->n_langs : 0;
}

const char *hustings_stats_get_language(hustings_stats_t *stats, unsigned i)
{
    return stats && i < stats->n_langs ? stats->langs[i].code : NULL;
}

unsigned long hustings_stats_get_language_passages(hustings_stats_t *stats, unsigned i)
{
    return stats && i < stats->n_langs ? stats->langs[i].passages : 0;
}

unsigned long hustings_stats_get_undated(hustings_stats_t *stats)
{
    return stats ? stats->undated : 0;
}

unsigned hustings_stats_count_folders(hustings_stats_t *stats)
{
    return stats ? (unsigned)stats->n_folders : 0;
}

const char *hustings_stats_get_folder(hustings_stats_t *stats, unsigned i)
{
    return stats && i < stats->n_folders ? stats->folders[i].path : NULL;
}

unsigned long hustings_stats_get_folder_files(hustings_stats_t *stats, unsigned i)
{
    return stats && i < stats->n_folders ? stats->folders[i].files : 0;
}
