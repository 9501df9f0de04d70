/* filestate.h - what the index remembers of each file it read (internal).
 *
 * For every indexed file the database metadata holds, under the key
 * HS_META_FILE + the file key, "SIZE MTIME_NS HASH PATH": enough to tell a
 * re-run that the file is unchanged without opening it (size and mtime),
 * that a touched file did not really change, or that a new path is a
 * renamed file (content hash).  It is committed together with the file's
 * passages, so both always agree.
 */
#ifndef HUSTINGS_FILESTATE_H
#define HUSTINGS_FILESTATE_H

#include <stddef.h>

#include "buf.h"
#include "hustings.h"
#include "strmap.h"
#include "xapian_glue.h"

#define HS_HASH_HEX 32 /* XXH3-128 in hex */

typedef struct hs_filestate {
    unsigned long long size;
    long long mtime_ns;
    char hash[HS_HASH_HEX + 1];
    char *path;
} hs_filestate;

/* The hex XXH3-128 of data[0..len) into out. */
void hs_hash_content(const char *data, size_t len, char out[HS_HASH_HEX + 1]);

/* "SIZE MTIME_NS HASH PATH" appended to out; 0 or -1. */
int hs_filestate_format(const hs_filestate *fs, hs_buf *out);
/* Parse such a value; NULL when malformed or out of memory. */
hs_filestate *hs_filestate_parse(const char *value, size_t len);
hs_filestate *hs_filestate_new(const char *path, unsigned long long size, long long mtime_ns,
                               const char *hash);
void hs_filestate_free(void *fs);

/* Every file state of the index: a map from path to hs_filestate. */
hustings_status_t hs_filestates_load(hx_db *db, hs_strmap **out);

/* Record (or, with fs == NULL, forget) the state of the file at path.
 * Takes effect at the next commit. */
hustings_status_t hs_filestate_store(hx_db *db, const char *path, const hs_filestate *fs);

#endif
