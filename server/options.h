/* options.h - hustings-serve's command line. */
#ifndef OPTIONS_H
#define OPTIONS_H

#include "serve.h"

/* Fill cfg from the command line.  Returns 0 to run the server, 1 when
 * --help or --version was answered (exit 0), -1 after printing why the
 * command line is wrong (exit 2).  cfg is the caller's to free with
 * options_free() in every case. */
int options_parse(int argc, char **argv, serve_config *cfg);
void options_free(serve_config *cfg);

/* Parse "ADDR:PORT" ("127.0.0.1:8080", "[::1]:8080", "localhost:8080")
 * into cfg's address; -1 when it is not one. */
int options_parse_listen(const char *text, serve_config *cfg);

/* Whether cfg's address is a loopback one (127.0.0.0/8 or ::1). */
int options_is_loopback(const serve_config *cfg);

#endif
