/* date_source_stub.c - TEMPORARY, for the query branch alone: where a
 * passage's date came from is recorded and read by lib/passages.c on the
 * indexer's branch; until the two meet, every passage answers "unknown"
 * (NULL) here.  Delete this file (and its line in Makefile.am) when
 * merging that branch. */
#include "hustings.h"

const char *hustings_passage_get_date_source(hustings_passage_t *p)
{
    (void)p;
    return NULL;
}
