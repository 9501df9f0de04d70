/* hustings-serve - serve a hustings index over HTTP: a JSON API for
 * scripts and a search page for people.
 *
 * Only parses options, starts the server and waits for SIGTERM or SIGINT;
 * the requests are handled by libmicrohttpd's thread pool (http.c).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "http.h"
#include "index_access.h"
#include "options.h"

enum { EXIT_ERROR = 2 };

int main(int argc, char **argv)
{
    serve_config cfg;
    int rc = options_parse(argc, argv, &cfg);
    if (rc != 0) {
        options_free(&cfg);
        return rc > 0 ? 0 : EXIT_ERROR;
    }
    /* Block the stop signals in every thread (the pool inherits the mask)
     * and take them with sigwait() here: no handler, no shared flag. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    signal(SIGPIPE, SIG_IGN);
    if (pthread_sigmask(SIG_BLOCK, &stop, NULL) != 0) {
        fputs("hustings-serve: cannot block signals\n", stderr);
        options_free(&cfg);
        return EXIT_ERROR;
    }
    serve_check_index(&cfg); /* a newsroom may start it before the first build */
    struct MHD_Daemon *daemon = http_start(&cfg);
    if (!daemon) {
        options_free(&cfg);
        return EXIT_ERROR;
    }
    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "hustings-serve: %s: stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    http_stop(daemon);
    options_free(&cfg);
    return 0;
}
