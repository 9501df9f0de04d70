/* thesaurus.h - the built-in thesaurus, data/thesaurus.txt, compiled in by
 * tools/embed.sh as lib/thesaurus_data.c (internal). */
#ifndef HUSTINGS_THESAURUS_H
#define HUSTINGS_THESAURUS_H

#include "embedded.h"

/* One entry, then one whose name is NULL. */
extern const embedded_file hs_thesaurus_files[];

#endif
