/* roots.h - the folders (or single files) an index was built from, and
 * lists of paths (internal).
 *
 * Each path given to a run, made absolute, has a metadata entry of its
 * own: HS_META_ROOT + its key (hs_path_meta_key) -> the path.  A run
 * records its paths, and drops those it found gone; --forget drops those
 * at or below what it forgets, --prune those that are gone.  The files of
 * a root are the file states (filestate.h) at or below it.
 */
#ifndef HUSTINGS_ROOTS_H
#define HUSTINGS_ROOTS_H

#include <stddef.h>

#include "hustings.h"
#include "xapian_glue.h"

/* Append a copy of path to the list of *n; 0 or -1. */
int hs_paths_push(char ***list, size_t *n, const char *path);
void hs_paths_free(char **list, size_t n);

/* Whether path is dir, or lies below it. */
int hs_path_below(const char *path, const char *dir);

/* Append the keys of m (paths) at or below dir, or all of them when dir
 * is NULL, to the list of *n, in no order; 0, or -1 when out of memory. */
typedef struct hs_strmap hs_strmap;
int hs_paths_of_map(const hs_strmap *m, const char *dir, char ***list, size_t *n);

/* The roots recorded in db: *n paths, sorted by bytes, in *paths (freed
 * with hs_paths_free). */
hustings_status_t hs_roots_load(hx_db *db, char ***paths, size_t *n);

/* Record the root at path (keep non-zero), or forget it; takes effect at
 * the next commit. */
hustings_status_t hs_root_store(hx_db *db, const char *path, int keep);

#endif
