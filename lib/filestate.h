/* filestate.h - what the index remembers of each file it read (internal).
 *
 * For every indexed file the database metadata holds, under the key
 * HS_META_FILE + the file key, "SIZE MTIME_NS HASH DATES PATH": enough to
 * tell a re-run that the file is unchanged without opening it (size and
 * mtime), that a touched file did not really change, or that a new path
 * is a renamed file (content hash); DATES says whether its articles give
 * dates of their own (file_dates.h), so that a run that dates by
 * modification time knows which files it must date.  A path always starts
 * with '/', and DATES never does: an entry without it (written before
 * DATES was kept) reads as HS_DATES_UNKNOWN.  It is committed together
 * with the file's passages, so both always agree.
 */
#ifndef HUSTINGS_FILESTATE_H
#define HUSTINGS_FILESTATE_H

#include <stddef.h>

#include "buf.h"
#include "hustings.h"
#include "strmap.h"
#include "xapian_glue.h"

#define HS_HASH_HEX 32 /* XXH3-128 in hex */

/* Where the dates of a file's articles come from. */
typedef enum hs_dates {
    HS_DATES_UNKNOWN, /* not recorded (indexed before dates were kept) */
    HS_DATES_OWN,     /* every article gives its own ("dated") */
    HS_DATES_NONE,    /* some give none, and are undated ("undated") */
    HS_DATES_MTIME    /* some give none, and have the file's modification
                         time, mtime_date ("mtime:YYYY-MM-DD") */
} hs_dates;

typedef struct hs_filestate {
    unsigned long long size;
    long long mtime_ns;
    char hash[HS_HASH_HEX + 1];
    char *path;
    hs_dates dates;
    char mtime_date[11];    /* with HS_DATES_MTIME; else "" */
} hs_filestate;

/* The hex XXH3-128 of data[0..len) into out. */
void hs_hash_content(const char *data, size_t len, char out[HS_HASH_HEX + 1]);

/* "SIZE MTIME_NS HASH DATES PATH" appended to out; 0 or -1. */
int hs_filestate_format(const hs_filestate *fs, hs_buf *out);
/* Parse such a value; NULL when malformed or out of memory. */
hs_filestate *hs_filestate_parse(const char *value, size_t len);
hs_filestate *hs_filestate_new(const char *path, unsigned long long size, long long mtime_ns,
                               const char *hash);
void hs_filestate_free(void *fs);

/* Every file state of the index: a map from path to hs_filestate. */
hustings_status_t hs_filestates_load(hx_db *db, hs_strmap **out);

/* The metadata key of the file (or folder) at path under prefix: prefix
 * and the key of its text form (article_key.h), appended to key.  0 or
 * -1. */
int hs_path_meta_key(const char *prefix, const char *path, hs_buf *key);

/* Record (or, with fs == NULL, forget) the state of the file at path.
 * Takes effect at the next commit. */
hustings_status_t hs_filestate_store(hx_db *db, const char *path, const hs_filestate *fs);

#endif
