/* progress.h - a one-line progress display on a terminal. */
#ifndef HUSTINGS_INDEX_PROGRESS_H
#define HUSTINGS_INDEX_PROGRESS_H

#include <stdio.h>

typedef struct progress progress;

/* A display on out; `enabled` 0 makes every call a no-op.  On a terminal
 * the line is redrawn in place at most 10 times a second; elsewhere a line
 * is printed at most once a second. */
progress *progress_new(FILE *out, int terminal, int enabled);
void progress_update(progress *p, unsigned long done, unsigned long total,
                     unsigned long long bytes_done, unsigned long long bytes_total);
/* Erase the line (before other output, and at the end). */
void progress_clear(progress *p);
void progress_free(progress *p);

#endif
