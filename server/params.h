/* params.h - the query parameters of an API request, checked. */
#ifndef PARAMS_H
#define PARAMS_H

#include "serve.h"

/* Check the request's parameters: each is named in `allowed` (a NULL-ended
 * list), appears once, and holds valid UTF-8 without NUL bytes, at most
 * SERVE_MAX_VALUE bytes (SERVE_MAX_QUERY for q).  0, or -1 with a 400 in
 * rs. */
int params_check(request *rq, const char *const *allowed, response *rs);

/* A parameter's value; NULL when it is absent ("" when given empty). */
const char *param_get(request *rq, const char *name);

/* A whole number from 0 to max, or dflt when absent or empty; 0, or -1
 * with a 400 in rs. */
int param_uint(request *rq, const char *name, unsigned dflt, unsigned max, unsigned *out,
               response *rs);

#endif
