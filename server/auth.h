/* auth.h - the bearer token that --token asks of every API request. */
#ifndef AUTH_H
#define AUTH_H

#include "serve.h"

/* Whether the request may go on: no token is configured, or its
 * Authorization header is "Bearer TOKEN".  When not, rs holds the 401. */
int auth_check(request *rq, response *rs);

/* Whether a server on a loopback address may answer the request: its Host
 * names localhost, a loopback address or the address listened on (any
 * port), or it has none.  Else a page whose name an attacker points at
 * 127.0.0.1 (DNS rebinding) could read the index through a reporter's
 * browser.  When not, rs holds the 403.  Other servers need a token. */
int host_check(request *rq, response *rs);

#endif
