/* missing.h - whether a file or folder that cannot be found is gone, or
 * only out of reach (internal).
 *
 * A path that is missing while the folder above it can be read and holds
 * something is gone.  One below a folder that cannot be read, or below a
 * folder that is empty (as the mount point of a share that is not
 * mounted is), may still be there: nothing below that folder may be taken
 * for gone.  An unmounted share must empty nothing.
 */
#ifndef HUSTINGS_MISSING_H
#define HUSTINGS_MISSING_H

#include "buf.h"

typedef enum hs_path_state {
    HS_PATH_THERE,        /* it exists (as lstat(2) sees it) */
    HS_PATH_GONE,         /* it does not */
    HS_PATH_OUT_OF_REACH  /* it cannot be told: below a folder that cannot
                             be read, or that is empty */
} hs_path_state;

/* The state of the absolute path.  For OUT_OF_REACH, the folder at fault
 * is appended to folder and the reason ("Permission denied", "empty
 * folder") to why.  -1 (and nothing else) when out of memory. */
int hs_path_check(const char *path, hs_buf *folder, hs_buf *why, hs_path_state *state);

#endif
