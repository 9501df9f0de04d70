/* index_access.h - a read-only index handle for the span of one request. */
#ifndef INDEX_ACCESS_H
#define INDEX_ACCESS_H

#include "hustings.h"
#include "serve.h"

/* Work on an open index: fills rs (a 4xx for a bad request, a 200) and
 * returns SUCCESS, or returns the status of the index call that failed
 * (then rs is ignored).  It may run twice, so it keeps nothing. */
typedef hustings_status_t (*index_work)(hustings_index_t *index, void *ctx, response *rs);

/* hustings_query_create, with the time limit (--time-limit) set: every
 * query the server runs is made here. */
hustings_status_t serve_query_create(hustings_index_t *index, const char *q, double time_limit,
                                     hustings_query_t **query);

/* Open the index read-only, run work and close it.  Work that fails with
 * an index error (a writer's commit overtook the reader, say) runs once
 * more on a freshly opened handle.  An index that cannot be opened, or
 * keeps failing, gives 503: "index damaged: PATH: ...; rebuild the index
 * with hustings-index" when the library reports damage, serve_no_index's
 * words when there is no index, else "index unavailable: REASON"; a query over its time limit, 503 "the search
 * took longer than ..."; memory running out, 500. */
void with_index(request *rq, index_work work, void *ctx, response *rs);

/* "no index at PATH yet: run hustings-index -d PATH FOLDER", PATH being
 * the index of cfg that is missing (PATH quoted for a shell in the
 * command when it must be), into out. */
void serve_no_index(const serve_config *cfg, char *out, size_t size);

/* Open the index once, at start, and say on stderr when it cannot be
 * opened (missing: serve_no_index's words); the server serves anyway,
 * answering 503 until it can. */
void serve_check_index(const serve_config *cfg);

/* The answer to a query stopped by its time or work budget: 503 with the
 * library's words (why), logged. */
void serve_too_costly(const char *why, response *rs);

#endif
