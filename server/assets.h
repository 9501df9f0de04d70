/* assets.h - the files of the search page, compiled in by tools/embed.sh. */
#ifndef ASSETS_H
#define ASSETS_H

#include "embedded.h"

/* Ends with an entry whose name is NULL. */
extern const embedded_file embedded_files[];

#endif
