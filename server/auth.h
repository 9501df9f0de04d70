/* auth.h - the bearer token that --token asks of every API request. */
#ifndef AUTH_H
#define AUTH_H

#include "serve.h"

/* Whether the request may go on: no token is configured, or its
 * Authorization header is "Bearer TOKEN".  When not, rs holds the 401. */
int auth_check(request *rq, response *rs);

#endif
