/* assets.h - the files of the search page, compiled in by embed.sh. */
#ifndef ASSETS_H
#define ASSETS_H

#include <stddef.h>

typedef struct embedded_file {
    const char *name;            /* the file name, without its folder */
    const unsigned char *data;   /* its bytes, then a NUL */
    size_t len;
} embedded_file;

/* Ends with an entry whose name is NULL. */
extern const embedded_file embedded_files[];

#endif
