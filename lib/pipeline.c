/* pipeline.c - an ordered parallel map on C11 threads; see pipeline.h. */
#include "pipeline.h"

#include <stdlib.h>
#include <threads.h>

struct hs_pipeline {
    size_t n, window;
    hs_pipeline_fn fn;
    void *ctx;
    void *const *worker_state;
    unsigned workers;
    thrd_t *threads;
    struct worker_arg *args;
    mtx_t mu;
    cnd_t done_cv;    /* an item was done */
    cnd_t space_cv;   /* an item was released, or stop */
    size_t next;      /* the next item to claim */
    size_t released;  /* items before this one are released */
    unsigned char *done; /* per slot */
    int stop;
};

typedef struct worker_arg {
    hs_pipeline *p;
    void *state;
} worker_arg;

static int work(void *arg)
{
    worker_arg *w = arg;
    hs_pipeline *p = w->p;
    mtx_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->next < p->n && p->next >= p->released + p->window)
            cnd_wait(&p->space_cv, &p->mu);
        if (p->stop || p->next >= p->n)
            break;
        size_t i = p->next++;
        mtx_unlock(&p->mu);
        p->fn(p->ctx, i, w->state);
        mtx_lock(&p->mu);
        p->done[i % p->window] = 1;
        cnd_broadcast(&p->done_cv);
    }
    mtx_unlock(&p->mu);
    return 0;
}

static void free_pipeline(hs_pipeline *p)
{
    free(p->done);
    free(p->threads);
    free(p->args);
    free(p);
}

hs_pipeline *hs_pipeline_start(size_t n, unsigned workers, size_t window,
                               hs_pipeline_fn fn, void *ctx, void *const *worker_state)
{
    hs_pipeline *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->n = n;
    p->window = window ? window : 1;
    p->fn = fn;
    p->ctx = ctx;
    p->worker_state = worker_state;
    p->done = calloc(p->window, 1);
    p->threads = calloc(workers ? workers : 1, sizeof *p->threads);
    p->args = calloc(workers ? workers : 1, sizeof *p->args);
    if (!p->done || !p->threads || !p->args) {
        free_pipeline(p);
        return NULL;
    }
    int inited = 0;
    if (mtx_init(&p->mu, mtx_plain) == thrd_success) {
        inited = 1;
        if (cnd_init(&p->done_cv) == thrd_success) {
            inited = 2;
            if (cnd_init(&p->space_cv) == thrd_success)
                inited = 3;
        }
    }
    if (inited < 3) {
        if (inited >= 2)
            cnd_destroy(&p->done_cv);
        if (inited >= 1)
            mtx_destroy(&p->mu);
        free_pipeline(p);
        return NULL;
    }
    for (unsigned k = 0; k < workers; k++) {
        p->args[k].p = p;
        p->args[k].state = worker_state[k];
        if (thrd_create(&p->threads[k], work, &p->args[k]) != thrd_success) {
            hs_pipeline_finish(p);
            return NULL;
        }
        p->workers++;
    }
    return p;
}

void hs_pipeline_wait(hs_pipeline *p, size_t i)
{
    if (p->workers == 0) {
        p->next = i + 1;
        p->fn(p->ctx, i, p->worker_state[0]);
        return;
    }
    mtx_lock(&p->mu);
    while (!p->done[i % p->window])
        cnd_wait(&p->done_cv, &p->mu);
    mtx_unlock(&p->mu);
}

void hs_pipeline_release(hs_pipeline *p, size_t i)
{
    mtx_lock(&p->mu);
    p->done[i % p->window] = 0;
    p->released = i + 1;
    cnd_broadcast(&p->space_cv);
    mtx_unlock(&p->mu);
}

size_t hs_pipeline_finish(hs_pipeline *p)
{
    mtx_lock(&p->mu);
    p->stop = 1;
    cnd_broadcast(&p->space_cv);
    mtx_unlock(&p->mu);
    for (unsigned k = 0; k < p->workers; k++)
        thrd_join(p->threads[k], NULL);
    size_t claimed = p->next;
    cnd_destroy(&p->done_cv);
    cnd_destroy(&p->space_cv);
    mtx_destroy(&p->mu);
    free_pipeline(p);
    return claimed;
}
