/* shards.h - the merge at the end of a first build in shards (internal).
 *
 * A first build (an empty index, many files) is split between threads,
 * each writing a database of its own in a build folder beside the index
 * (indexer.c).  Here the shards become the index: Xapian's compaction
 * merges them (documents numbered shard after shard, so in file order),
 * near-duplicate clusters are joined across shards exactly as one writer
 * would have joined them, and the merged database takes the place of the
 * empty index in one rename.  A run killed before that leaves the index
 * as it was (empty) and a build folder that the next build removes.
 */
#ifndef HUSTINGS_SHARDS_H
#define HUSTINGS_SHARDS_H

#include "index_internal.h"

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
