/* indexer_internal.h - what the indexer's files share (internal): its
 * settings, telling its caller about a file, and deleting what the index
 * holds of files (indexer.c's runs, forget.c, prune.c). */
#ifndef HUSTINGS_INDEXER_INTERNAL_H
#define HUSTINGS_INDEXER_INTERNAL_H

#include <threads.h>

#include "index_internal.h"
#include "roots.h"

/* Commit after this many files or bytes of text read: bounds memory and
 * what a crash loses. */
#define HS_COMMIT_FILES 500
#define HS_COMMIT_BYTES (32ull * 1024 * 1024)

struct _hustings_indexer {
    hustings_index_t *index;
    int dry_run;
    int follow_links;
    int date_from_mtime;
    char **excludes;
    size_t n_excludes;
    unsigned long long max_bytes;
    hustings_file_fn file_fn;
    void *file_ctx;
    hustings_progress_fn progress_fn;
    void *progress_ctx;
    volatile sig_atomic_t *cancel;
    unsigned jobs;          /* 0: one per processor */
};

/* Tell the caller about the file named raw, by its text form
 * (path_text.h), and for a rename its old name's (detail); mu (when not
 * NULL) is held around the call. */
void hs_indexer_tell(hustings_indexer_t *ix, mtx_t *mu, const char *raw,
                     hustings_file_action_t action, const char *detail);

/* Delete what the index holds of each of the n files (raw paths, sorted
 * here), and their states: each is told REMOVED and counted in
 * sum->removed; with dry run, only told and counted.  *since_commit
 * counts the files changed since the last commit, which is made every
 * HS_COMMIT_FILES.  INTERRUPTED when the cancel flag is set (what was
 * removed stays so). */
hustings_status_t hs_indexer_remove_files(hustings_indexer_t *ix, char **paths, size_t n,
                                          hustings_summary_t *sum,
                                          unsigned long *since_commit);

#endif
