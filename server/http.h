/* http.h - the HTTP side of hustings-serve: libmicrohttpd's daemon, the
 * limits every request meets, and the routes. */
#ifndef HTTP_H
#define HTTP_H

#include "serve.h"

/* Start listening with a pool of cfg->threads threads (cfg must outlive
 * the daemon) and print "listening on http://ADDR:PORT" on stderr, with
 * the port actually bound.  NULL after printing why it could not. */
struct MHD_Daemon *http_start(const serve_config *cfg);

/* Close the listening socket, finish the requests in hand and stop. */
void http_stop(struct MHD_Daemon *daemon);

#endif
