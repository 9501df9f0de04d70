/* pipeline.h - an ordered parallel map (internal).
 *
 * Worker threads run fn on items 0, 1, 2, ... in any order, while one
 * consumer takes the results strictly in order: hs_pipeline_wait(i) blocks
 * until item i is done, hs_pipeline_release(i) says the consumer is
 * finished with it.  At most `window` items are claimed ahead of the
 * oldest unreleased one, which bounds the memory that results hold; the
 * caller keeps results in an array of `window` slots, item i in slot
 * i % window.
 *
 * With no workers, hs_pipeline_wait() runs fn itself, in the calling
 * thread: one code path for both.
 */
#ifndef HUSTINGS_PIPELINE_H
#define HUSTINGS_PIPELINE_H

#include <stddef.h>

/* Work on item i with the worker's own state (see hs_pipeline_start). */
typedef void (*hs_pipeline_fn)(void *ctx, size_t i, void *worker_state);

typedef struct hs_pipeline hs_pipeline;

/* Start `workers` threads over n items.  worker_state[k] is handed to the
 * calls of worker k; with no workers, worker_state[0] to the calls made
 * by hs_pipeline_wait().  NULL when out of memory or threads cannot be
 * started. */
hs_pipeline *hs_pipeline_start(size_t n, unsigned workers, size_t window,
                               hs_pipeline_fn fn, void *ctx, void *const *worker_state);

/* Block until item i (the oldest unreleased one) is done. */
void hs_pipeline_wait(hs_pipeline *p, size_t i);

/* The consumer is done with item i: its slot may be reused. */
void hs_pipeline_release(hs_pipeline *p, size_t i);

/* Claim no more items, wait for the workers to finish the items they
 * hold, and free p.  Returns how many items were claimed in all: results
 * of those not released are in their slots for the caller to free. */
size_t hs_pipeline_finish(hs_pipeline *p);

#endif
