/* embedded.h - files compiled into a program by tools/embed.sh
 * (internal). */
#ifndef HUSTINGS_EMBEDDED_H
#define HUSTINGS_EMBEDDED_H

#include <stddef.h>

typedef struct embedded_file {
    const char *name;            /* the file name, without its folder */
    const unsigned char *data;   /* its bytes, then a NUL */
    size_t len;
} embedded_file;

#endif
