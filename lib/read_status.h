/* read_status.h - how reading bytes into articles ended (internal).
 *
 * The readers, and the HTML and XML parsers under them, return one of
 * these, so that a caller tells running out of memory (the run stops)
 * from a file that holds no article (it is skipped) by value, never by
 * the words of the reason.  The reason, for people, still goes to `why`.
 * Failures are negative: "< 0" means either.
 */
#ifndef HUSTINGS_READ_STATUS_H
#define HUSTINGS_READ_STATUS_H

#include "buf.h"

typedef enum hs_read_status {
    HS_READ_OK = 0,
    HS_READ_BAD = -1,        /* no article (or no document): why says why */
    HS_READ_NO_MEMORY = -2,  /* why says "out of memory" */
} hs_read_status;

/* Append reason to why (when not NULL); HS_READ_BAD. */
static inline hs_read_status hs_read_bad(hs_buf *why, const char *reason)
{
    if (why)
        hs_buf_puts(why, reason);
    return HS_READ_BAD;
}

/* Append "out of memory" to why (when not NULL); HS_READ_NO_MEMORY. */
static inline hs_read_status hs_read_no_memory(hs_buf *why)
{
    if (why)
        hs_buf_puts(why, "out of memory");
    return HS_READ_NO_MEMORY;
}

#endif
