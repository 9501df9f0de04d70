/* progress.c - files done/total, MB/s and ETA on one line. */
#include "progress.h"

#include <stdlib.h>
#include <time.h>

struct progress {
    FILE *out;
    int terminal;
    double start, last;
    int shown;      /* a line is on the screen */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

progress *progress_new(FILE *out, int terminal, int enabled)
{
    if (!enabled)
        return NULL;
    progress *p = calloc(1, sizeof *p);
    if (p) {
        p->out = out;
        p->terminal = terminal;
        p->start = now();
    }
    return p;
}

void progress_update(progress *p, unsigned long done, unsigned long total,
                     unsigned long long bytes_done, unsigned long long bytes_total)
{
    if (!p)
        return;
    double t = now();
    if (t - p->last < (p->terminal ? 0.1 : 1.0) && done < total)
        return;
    p->last = t;
    double elapsed = t - p->start;
    double rate = elapsed > 0 ? (double)bytes_done / elapsed : 0;
    double eta = rate > 0 ? (double)(bytes_total - bytes_done) / rate : 0;
    fprintf(p->out, "%s%lu/%lu files  %.1f MB/s  ETA %d:%02d%s", p->terminal ? "\r" : "",
            done, total, rate / 1e6, (int)eta / 60, (int)eta % 60,
            p->terminal ? "\033[K" : "\n");
    fflush(p->out);
    p->shown = p->terminal;
}

void progress_clear(progress *p)
{
    if (p && p->shown) {
        fputs("\r\033[K", p->out);
        fflush(p->out);
        p->shown = 0;
    }
}

void progress_free(progress *p)
{
    free(p);
}
