/* prune.c - deleting the articles of files that no longer exist, wherever
 * they were indexed from (hustings_indexer_prune), never below a folder
 * out of reach (missing.h), and the roots that are gone with them. */
#include "indexer_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filestate.h"
#include "missing.h"
#include "roots.h"

typedef struct pruner {
    hustings_indexer_t *ix;
    hustings_summary_t *sum;
    hs_strmap *by_folder;     /* folder -> its missing files' state + 1 */
    hs_strmap *told;          /* folders out of reach, told once */
    char **gone;              /* files to remove */
    size_t n_gone;
} pruner;

/* The state of path, whose lstat failed: that of its folder's other
 * missing files when known (the same lookups tell the same), else found
 * and, when out of reach, told.  -1 when out of memory. */
static int missing_state(pruner *p, const char *path, hs_path_state *state)
{
    const char *slash = strrchr(path, '/');
    char *folder = strndup(path, slash ? (size_t)(slash - path) : 0);
    if (!folder)
        return -1;
    uintptr_t known = (uintptr_t)hs_strmap_get(p->by_folder, folder);
    int rc = 0;
    if (known) {
        *state = (hs_path_state)(known - 1);
    } else {
        hs_buf at = HS_BUF_INIT, why = HS_BUF_INIT;
        rc = hs_path_check(path, &at, &why, state) < 0 ||
                     hs_strmap_put(p->by_folder, folder, (void *)(uintptr_t)(*state + 1),
                                   NULL) < 0
                 ? -1
                 : 0;
        if (rc == 0 && *state == HS_PATH_OUT_OF_REACH && !hs_strmap_get(p->told, at.data)) {
            rc = hs_strmap_put(p->told, at.data, p, NULL) < 0 ||
                         hs_buf_puts(&why, ": what the index holds below it is kept") < 0
                     ? -1
                     : 0;
            p->sum->skipped++;
            hs_indexer_tell(p->ix, NULL, at.data, HUSTINGS_FILE_SKIPPED, hs_buf_str(&why));
        }
        hs_buf_free(&at);
        hs_buf_free(&why);
    }
    free(folder);
    return rc;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files of the index that are gone into p->gone, in path order. */
static hustings_status_t find_gone(pruner *p, hs_strmap *stored)
{
    char **all = NULL;
    size_t n = 0;
    int failed = hs_paths_of_map(stored, NULL, &all, &n) < 0;
    if (!failed && n)
        qsort(all, n, sizeof *all, compare_paths);
    for (size_t i = 0; i < n && !failed; i++) {
        struct stat st;
        hs_path_state state = HS_PATH_THERE;
        if (lstat(all[i], &st) < 0)
            failed = missing_state(p, all[i], &state) < 0;
        if (!failed && state == HS_PATH_GONE)
            failed = hs_paths_push(&p->gone, &p->n_gone, all[i]) < 0;
    }
    hs_paths_free(all, n);
    return failed ? HUSTINGS_STATUS_OUT_OF_MEMORY : HUSTINGS_STATUS_SUCCESS;
}

/* Forget the recorded roots that are gone. */
static hustings_status_t drop_gone_roots(hustings_indexer_t *ix)
{
    char **roots = NULL;
    size_t n = 0;
    hustings_index_t *index = ix->index;
    hustings_status_t st = hs_roots_load(index->db, &roots, &n);
    for (size_t i = 0; i < n && st == HUSTINGS_STATUS_SUCCESS; i++) {
        hs_buf at = HS_BUF_INIT, why = HS_BUF_INIT;
        hs_path_state state;
        if (hs_path_check(roots[i], &at, &why, &state) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        else if (state == HS_PATH_GONE && (st = hs_root_store(index->db, roots[i], 0)) ==
                                              HUSTINGS_STATUS_SUCCESS)
            index->pending++;
        hs_buf_free(&at);
        hs_buf_free(&why);
    }
    hs_paths_free(roots, n);
    if (st != HUSTINGS_STATUS_SUCCESS && st != HUSTINGS_STATUS_OUT_OF_MEMORY)
        hs_index_fail_db(index, st);
    return st;
}

hustings_status_t hustings_indexer_prune(hustings_indexer_t *ix, hustings_summary_t *summary)
{
    if (!ix)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_index_t *index = ix->index;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hustings_summary_t ignored;
    memset(&ignored, 0, sizeof ignored);
    pruner p = { ix, summary ? summary : &ignored, hs_strmap_new(), hs_strmap_new(), NULL, 0 };
    hs_strmap *stored = NULL;
    hustings_status_t st = p.by_folder && p.told ? hs_filestates_load(index->db, &stored)
                                                 : HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS && st != HUSTINGS_STATUS_OUT_OF_MEMORY)
        hs_index_fail_db(index, st);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = find_gone(&p, stored);
    unsigned long since_commit = 0;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_indexer_remove_files(ix, p.gone, p.n_gone, p.sum, &since_commit);
    if (st == HUSTINGS_STATUS_SUCCESS && !ix->dry_run)
        st = drop_gone_roots(ix);
    if ((st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_INTERRUPTED) && !ix->dry_run) {
        hustings_status_t cst = hustings_index_commit(index);
        if (cst != HUSTINGS_STATUS_SUCCESS)
            st = cst;
    }
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        hs_index_fail(index, st, "out of memory");
    hs_paths_free(p.gone, p.n_gone);
    hs_strmap_free(p.by_folder, NULL);
    hs_strmap_free(p.told, NULL);
    hs_strmap_free(stored, hs_filestate_free);
    return st;
}
