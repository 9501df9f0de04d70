/* forget.c - forgetting what was indexed from a folder or file
 * (hustings_indexer_forget): its files' passages and states, and the
 * roots recorded at or below it. */
#include "indexer_internal.h"

#include <stdlib.h>
#include <string.h>

#include "filestate.h"
#include "path_text.h"
#include "roots.h"

/* Forget what the index holds at or below dir (raw): *found says whether
 * it held anything. */
static hustings_status_t forget_below(hustings_indexer_t *ix, const char *dir,
                                      hustings_summary_t *sum, int *found)
{
    hustings_index_t *index = ix->index;
    hs_strmap *stored = NULL;
    char **roots = NULL, **files = NULL;
    size_t n_roots = 0, n_files = 0;
    hustings_status_t st = hs_filestates_load(index->db, &stored);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_roots_load(index->db, &roots, &n_roots);
    if (st == HUSTINGS_STATUS_SUCCESS && hs_paths_of_map(stored, dir, &files, &n_files) < 0)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS && st != HUSTINGS_STATUS_OUT_OF_MEMORY)
        st = hs_index_fail_db(index, st);
    *found = n_files > 0;
    unsigned long since_commit = 0;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_indexer_remove_files(ix, files, n_files, sum, &since_commit);
    for (size_t i = 0; i < n_roots && st == HUSTINGS_STATUS_SUCCESS; i++) {
        if (!hs_path_below(roots[i], dir))
            continue;
        *found = 1;
        if (ix->dry_run)
            continue;
        st = hs_root_store(index->db, roots[i], 0);
        if (st == HUSTINGS_STATUS_SUCCESS)
            index->pending++;
        else if (st != HUSTINGS_STATUS_OUT_OF_MEMORY)
            st = hs_index_fail_db(index, st);
    }
    hs_paths_free(files, n_files);
    hs_paths_free(roots, n_roots);
    hs_strmap_free(stored, hs_filestate_free);
    return st;
}

hustings_status_t hustings_indexer_forget(hustings_indexer_t *ix, const char *path,
                                          hustings_summary_t *summary)
{
    if (!ix || !path)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_index_t *index = ix->index;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    /* "" would be made the current folder: a script's unset variable
     * must not forget everything below where it runs */
    if (!*path)
        return hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR,
                             "an empty path names nothing to forget");
    hustings_summary_t ignored;
    memset(&ignored, 0, sizeof ignored);
    char *abs = hs_absolute_path(path);
    if (!abs)
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    int found = 0;
    hustings_status_t st = forget_below(ix, abs, summary ? summary : &ignored, &found);
    if (st == HUSTINGS_STATUS_SUCCESS && !found) {
        /* perhaps named as results show it, with \xHH for bytes that are
         * not UTF-8 */
        hs_buf raw = HS_BUF_INIT;
        if (hs_path_from_text(abs, &raw) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        else if (strcmp(raw.data, abs) != 0)
            st = forget_below(ix, raw.data, summary ? summary : &ignored, &found);
        hs_buf_free(&raw);
    }
    if ((st == HUSTINGS_STATUS_SUCCESS || st == HUSTINGS_STATUS_INTERRUPTED) && !ix->dry_run) {
        hustings_status_t cst = hustings_index_commit(index);
        if (cst != HUSTINGS_STATUS_SUCCESS)
            st = cst;
    }
    if (st == HUSTINGS_STATUS_SUCCESS && !found) {
        hs_buf msg = HS_BUF_INIT, text = HS_BUF_INIT;
        hs_path_to_text(abs, &text);
        hs_buf_printf(&msg, "%s: the index holds nothing from there", hs_buf_str(&text));
        st = hs_index_fail(index, HUSTINGS_STATUS_FILE_ERROR, hs_buf_str(&msg));
        hs_buf_free(&msg);
        hs_buf_free(&text);
    }
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        hs_index_fail(index, st, "out of memory");
    free(abs);
    return st;
}
