/* shards.h - a first build in shards (internal).
 *
 * A first build (an empty index, many files) is split between threads,
 * each writing a database of its own in a build folder beside the index
 * (what each writes is the indexer's).  Then the shards become the
 * index: Xapian's compaction merges them (documents numbered shard after
 * shard, so in file order),
 * near-duplicate clusters are joined across shards exactly as one writer
 * would have joined them, and the merged database takes the place of the
 * empty index in one rename.  A run killed before that leaves the index
 * as it was (empty) and a build folder that the next build removes.
 */
#ifndef HUSTINGS_SHARDS_H
#define HUSTINGS_SHARDS_H

#include <stdatomic.h>
#include <stddef.h>

#include "index_internal.h"

/* What the indexer gives a build in shards: its files, in order, and how
 * to write a share of them. */
typedef struct hs_shard_writer {
    size_t n_files;
    unsigned long long bytes;  /* the files' total size */
    unsigned long long (*size)(void *ctx, size_t i); /* of file i */
    /* Write files first .. first+n-1 (of `bytes` bytes) into shard, an
     * open empty index, in a thread of its own, stopping early when
     * *failed becomes non-zero: another shard failed.  SUCCESS,
     * INTERRUPTED (what it wrote is kept), or another status with the
     * shard's error set. */
    hustings_status_t (*write)(void *ctx, hustings_index_t *shard, size_t first, size_t n,
                               unsigned long long bytes, const atomic_int *failed);
    void *ctx;
} hs_shard_writer;

/* Build index, which must be empty, in n shards that w writes at once,
 * each a contiguous share of the files, and merge them into it in file
 * order; what was written is kept also when interrupted.  *started is 0
 * when the build folder cannot be made (nothing was done: one writer must
 * write the files). */
hustings_status_t hs_shards_build(hustings_index_t *index, unsigned n, const hs_shard_writer *w,
                                  int *started);

/* Remove a build folder left beside the index at index_path by a run
 * killed after its merge (the caller holds the index's lock, so no build
 * is using it). */
void hs_shards_remove_stale(const char *index_path);

/* The build folder of the index at index_path: malloc'd, NULL when out of
 * memory. */
char *hs_shards_dir(const char *index_path);

/* Remove path and everything below it (symbolic links are not followed).
 * 0, or -1 with errno. */
int hs_remove_tree(const char *path);

/* Merge the n shard databases into the build folder dir, put the result
 * in place of the folder target (the real path of index, which must be
 * empty) and reopen index on it. */
hustings_status_t hs_shards_merge(hustings_index_t *index, const char *target,
                                  const char *const *shards, size_t n, const char *dir);

#endif
