/* readfile.h - reading one whole file safely (internal). */
#ifndef HUSTINGS_READFILE_H
#define HUSTINGS_READFILE_H

#include <stddef.h>

#include <sys/stat.h>

#include "buf.h"

/* Files larger than this are not read (a cap, not a limit of the design). */
#define HS_MAX_FILE_BYTES (64u * 1024 * 1024)

/* Read the regular file at path into out (replacing its contents).
 * Returns 0, or -1 with a one-line reason in why ("No such file or
 * directory", "not a regular file", "larger than 67108864 bytes", ...). */
int hs_read_file(const char *path, size_t max_bytes, hs_buf *out, hs_buf *why);

/* hs_read_file for a file a folder walk found, with the device and inode
 * it had then: the file opened must be that one,
 * and unless follow_links it must not be a symbolic link.  So a file
 * swapped for a link, or a folder on its path swapped for one, between
 * the walk and the read is not read ("changed while being indexed"). */
int hs_read_walked_file(const char *path, dev_t dev, ino_t ino, int follow_links,
                        size_t max_bytes, hs_buf *out, hs_buf *why);

#endif
