/* test-pipeline.c - the ordered parallel map (lib/pipeline.c): results are
 * taken in order whatever order workers finish in, no worker runs more
 * than the window ahead, every item is done once, and stopping early
 * leaves only claimed items done. */
#include <stdatomic.h>
#include <threads.h>
#include <time.h>

#include "check.h"
#include "pipeline.h"

#define N 500
#define WINDOW 8

typedef struct ctx {
    size_t results[WINDOW];     /* slot i % WINDOW holds i * 3 + worker */
    atomic_int runs[N];         /* how often each item ran */
    atomic_size_t released;     /* items the consumer is done with */
    atomic_int too_far;         /* an item claimed beyond the window */
} ctx;

static void work(void *c_, size_t i, void *state)
{
    ctx *c = c_;
    if (i >= atomic_load(&c->released) + WINDOW)
        atomic_store(&c->too_far, 1);
    atomic_fetch_add(&c->runs[i], 1);
    if (i % 7 == 0) { /* finish out of order */
        struct timespec ts = { 0, 200000 };
        thrd_sleep(&ts, NULL);
    }
    c->results[i % WINDOW] = i * 3 + (size_t)*(int *)state;
}

static void run_all(unsigned workers)
{
    static ctx c;
    memset(&c, 0, sizeof c);
    int ids[4] = { 0, 1, 2, 3 };
    void *states[4] = { &ids[0], &ids[1], &ids[2], &ids[3] };
    hs_pipeline *p = hs_pipeline_start(N, workers, WINDOW, work, &c, states);
    CHECK(p != NULL);
    if (!p)
        return;
    int in_order = 1;
    for (size_t i = 0; i < N; i++) {
        hs_pipeline_wait(p, i);
        size_t got = c.results[i % WINDOW];
        in_order &= got / 3 == i && got % 3 < (workers ? workers : 1);
        atomic_store(&c.released, i + 1);
        hs_pipeline_release(p, i);
    }
    CHECK_INT(hs_pipeline_finish(p), N);
    CHECK(in_order);
    int once = 1;
    for (size_t i = 0; i < N; i++)
        once &= atomic_load(&c.runs[i]) == 1;
    CHECK(once);
    CHECK_INT(atomic_load(&c.too_far), 0);
}

/* The consumer stops after 10 items: the workers stop within the window. */
static void stop_early(void)
{
    static ctx c;
    memset(&c, 0, sizeof c);
    int ids[3] = { 0, 1, 2 };
    void *states[3] = { &ids[0], &ids[1], &ids[2] };
    hs_pipeline *p = hs_pipeline_start(N, 3, WINDOW, work, &c, states);
    CHECK(p != NULL);
    if (!p)
        return;
    for (size_t i = 0; i < 10; i++) {
        hs_pipeline_wait(p, i);
        atomic_store(&c.released, i + 1);
        hs_pipeline_release(p, i);
    }
    size_t claimed = hs_pipeline_finish(p);
    CHECK(claimed >= 10 && claimed <= 10 + WINDOW);
    size_t ran = 0;
    for (size_t i = 0; i < N; i++)
        ran += (size_t)atomic_load(&c.runs[i]);
    CHECK_INT(ran, claimed);
}

int main(void)
{
    run_all(0); /* no threads: the consumer runs each item itself */
    run_all(1);
    run_all(3);
    stop_early();
    return check_done();
}
