/* indexer_files.c - an indexer's dealings with one file after another:
 * telling its caller, and deleting a file's passages and state; see
 * indexer_internal.h. */
#include "indexer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "filestate.h"
#include "path_text.h"

void hs_indexer_tell(hustings_indexer_t *ix, mtx_t *mu, const char *raw,
                     hustings_file_action_t action, const char *detail)
{
    if (!ix->file_fn)
        return;
    hs_buf path = HS_BUF_INIT, old = HS_BUF_INIT;
    if (hs_path_to_text(raw, &path) < 0 ||
        (action == HUSTINGS_FILE_RENAMED && hs_path_to_text(detail, &old) < 0))
        goto done; /* out of memory: a report less */
    if (action == HUSTINGS_FILE_RENAMED)
        detail = old.data;
    if (mu)
        mtx_lock(mu);
    ix->file_fn(ix->file_ctx, path.data, action, detail);
    if (mu)
        mtx_unlock(mu);
done:
    hs_buf_free(&path);
    hs_buf_free(&old);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

hustings_status_t hs_indexer_remove_files(hustings_indexer_t *ix, char **paths, size_t n,
                                          hustings_summary_t *sum,
                                          unsigned long *since_commit)
{
    hustings_index_t *index = ix->index;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (n)
        qsort(paths, n, sizeof *paths, compare_paths);
    for (size_t i = 0; i < n && st == HUSTINGS_STATUS_SUCCESS; i++) {
        if (ix->cancel && *ix->cancel)
            return HUSTINGS_STATUS_INTERRUPTED;
        if (!ix->dry_run) {
            st = hs_index_remove_file(index, paths[i]);
            if (st == HUSTINGS_STATUS_SUCCESS) {
                st = hs_filestate_store(index->db, paths[i], NULL);
                if (st != HUSTINGS_STATUS_SUCCESS)
                    hs_index_fail_db(index, st);
            }
            if (st == HUSTINGS_STATUS_SUCCESS && ++*since_commit >= HS_COMMIT_FILES) {
                *since_commit = 0;
                st = hustings_index_commit(index);
            }
        }
        if (st == HUSTINGS_STATUS_SUCCESS) {
            sum->removed++;
            hs_indexer_tell(ix, NULL, paths[i], HUSTINGS_FILE_REMOVED, NULL);
        }
    }
    return st;
}
