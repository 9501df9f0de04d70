/* readfile.h - reading one whole file safely (internal). */
#ifndef HUSTINGS_READFILE_H
#define HUSTINGS_READFILE_H

#include <stddef.h>

#include "buf.h"

/* Files larger than this are not read (a cap, not a limit of the design). */
#define HS_MAX_FILE_BYTES (64u * 1024 * 1024)

/* Read the regular file at path into out (replacing its contents).
 * Returns 0, or -1 with a one-line reason in why ("No such file or
 * directory", "not a regular file", "larger than 67108864 bytes", ...). */
int hs_read_file(const char *path, size_t max_bytes, hs_buf *out, hs_buf *why);

#endif
