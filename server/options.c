/* options.c - hustings-serve's command line: the index, where to listen,
 * the token and the thread pool. */
#include "options.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hustings.h"

#define DEFAULT_LISTEN "127.0.0.1:8080"
#define MAX_THREADS 256
#define MAX_TOKEN 1024
#define MAX_SHARDS 256
#define MAX_SECONDS 3600

static void usage(FILE *out)
{
    fputs("Usage: hustings-serve [OPTION]...\n"
          "Serve a hustings index over HTTP: a JSON API and a search page.\n"
          "\n"
          "  -d, --index=INDEX      the index to serve (default: $HUSTINGS_INDEX, else\n"
          "                         $XDG_DATA_HOME/hustings/index, else\n"
          "                         ~/.local/share/hustings/index); repeat -d to serve\n"
          "                         several shards as one; INDEX may be a Xapian stub\n"
          "                         file naming local or remote (xapian-tcpsrv) shards\n"
          "  -l, --listen=ADDR:PORT where to listen (default " DEFAULT_LISTEN "); ADDR is\n"
          "                         an IPv4 address, [an IPv6 address] or localhost;\n"
          "                         port 0 picks a free port\n"
          "      --token=TOKEN      require 'Authorization: Bearer TOKEN' on every API\n"
          "                         request (the page itself holds no data)\n"
          "      --token-file=FILE  read the token from the first line of FILE (keeps\n"
          "                         it out of the process list)\n"
          "      --insecure         allow a non-loopback address without a token\n"
          "  -t, --threads=N        worker threads (default: one per CPU)\n"
          "      --time-limit=SECONDS\n"
          "                         stop a search that matches for longer than\n"
          "                         SECONDS and answer 503 (default 2; 0: no limit)\n"
          "      --header-timeout=SECONDS\n"
          "                         close a connection that has not sent a whole\n"
          "                         request head SECONDS after opening or after its\n"
          "                         last answer (default 10)\n"
          "  -v, --verbose          log one line per request (method, path, status,\n"
          "                         time; never the query)\n"
          "  -h, --help             show this help and exit\n"
          "  -V, --version          show the version and exit\n"
          "\n"
          "Endpoints: / (search page), GET /api/search, /api/article, /api/stats,\n"
          "/healthz; see doc/http-api.md.  The index is reopened for every request,\n"
          "so what a running indexer commits is served at once.  SIGTERM and SIGINT\n"
          "stop the server cleanly.\n"
          "\n"
          "Exit status: 0 stopped by SIGTERM or SIGINT; 2 bad options or cannot\n"
          "listen.\n",
          out);
}

int options_parse_listen(const char *text, serve_config *cfg)
{
    const char *colon = strrchr(text, ':');
    char host[64];
    if (!colon || colon == text || (size_t)(colon - text) >= sizeof host)
        return -1;
    char *end;
    errno = 0;
    long port = strtol(colon + 1, &end, 10);
    if (errno || end == colon + 1 || *end || port < 0 || port > 65535)
        return -1;
    memcpy(host, text, (size_t)(colon - text));
    host[colon - text] = '\0';

    memset(&cfg->addr, 0, sizeof cfg->addr);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&cfg->addr;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&cfg->addr;
    size_t n = strlen(host);
    if (strcmp(host, "localhost") == 0)
        strcpy(host, "127.0.0.1");
    if (host[0] == '[' && n > 2 && host[n - 1] == ']') {
        host[n - 1] = '\0';
        if (inet_pton(AF_INET6, host + 1, &v6->sin6_addr) != 1)
            return -1;
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((unsigned short)port);
        cfg->addr_len = sizeof *v6;
        snprintf(cfg->host, sizeof cfg->host, "[%s]", host + 1);
        return 0;
    }
    if (inet_pton(AF_INET, host, &v4->sin_addr) != 1)
        return -1;
    v4->sin_family = AF_INET;
    v4->sin_port = htons((unsigned short)port);
    cfg->addr_len = sizeof *v4;
    snprintf(cfg->host, sizeof cfg->host, "%s", host);
    return 0;
}

int options_is_loopback(const serve_config *cfg)
{
    if (cfg->addr.ss_family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&cfg->addr;
        return IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
    }
    const struct sockaddr_in *v4 = (const struct sockaddr_in *)&cfg->addr;
    return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
}

/* The first line of path, without its line end; NULL after printing why. */
static char *read_token_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "hustings-serve: cannot read the token file %s: %s\n", path,
                strerror(errno));
        return NULL;
    }
    char line[MAX_TOKEN + 2];
    char *token = NULL;
    if (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        token = strdup(line);
        if (!token)
            fputs("hustings-serve: out of memory\n", stderr);
    } else {
        fprintf(stderr, "hustings-serve: the token file %s is empty\n", path);
    }
    fclose(f);
    return token;
}

/* A token is sent in a header: printable ASCII without spaces. */
static int valid_token(const char *token)
{
    size_t n = strlen(token);
    if (n == 0 || n > MAX_TOKEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (token[i] <= ' ' || token[i] > '~')
            return 0;
    return 1;
}

/* A number of seconds: digits with at most one decimal point (no sign,
 * exponent or hexadecimal, which strtod would take), at most MAX_SECONDS
 * and above 0, or 0 itself when zero is set; -1 after printing why not. */
static int parse_seconds(const char *option, const char *text, int zero, double *out)
{
    size_t whole = strspn(text, "0123456789"), fraction = 0, n = whole;
    if (text[n] == '.') {
        fraction = strspn(text + n + 1, "0123456789");
        n += 1 + fraction;
    }
    double v = whole + fraction > 0 && !text[n] ? strtod(text, NULL) : -1;
    if (!((v > 0 || (zero && v == 0)) && v <= MAX_SECONDS)) {
        fprintf(stderr, "hustings-serve: invalid --%s '%s': a number of seconds, %s %d\n",
                option, text, zero ? "from 0 (no limit) to" : "above 0 and at most",
                MAX_SECONDS);
        return -1;
    }
    *out = v;
    return 0;
}

static unsigned default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

int options_parse(int argc, char **argv, serve_config *cfg)
{
    enum { OPT_TOKEN = 256, OPT_TOKEN_FILE, OPT_INSECURE, OPT_HEADER_TIMEOUT, OPT_TIME_LIMIT };
    static const struct option options[] = {
        { "index", required_argument, NULL, 'd' },
        { "listen", required_argument, NULL, 'l' },
        { "token", required_argument, NULL, OPT_TOKEN },
        { "token-file", required_argument, NULL, OPT_TOKEN_FILE },
        { "insecure", no_argument, NULL, OPT_INSECURE },
        { "threads", required_argument, NULL, 't' },
        { "header-timeout", required_argument, NULL, OPT_HEADER_TIMEOUT },
        { "time-limit", required_argument, NULL, OPT_TIME_LIMIT },
        { "verbose", no_argument, NULL, 'v' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const char *listen = DEFAULT_LISTEN;
    int c;

    memset(cfg, 0, sizeof *cfg);
    cfg->threads = default_threads();
    cfg->header_timeout = SERVE_HEADER_TIMEOUT;
    cfg->time_limit = SERVE_TIME_LIMIT;
    cfg->indexes = calloc(MAX_SHARDS, sizeof *cfg->indexes);
    if (!cfg->indexes) {
        fputs("hustings-serve: out of memory\n", stderr);
        return -1;
    }
    while ((c = getopt_long(argc, argv, "d:l:t:vhV", options, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (cfg->n_indexes == MAX_SHARDS) {
                fprintf(stderr, "hustings-serve: at most %d -d; list more shards in a stub "
                                "file\n", MAX_SHARDS);
                return -1;
            }
            cfg->indexes[cfg->n_indexes++] = optarg;
            break;
        case 'l':
            listen = optarg;
            break;
        case OPT_TOKEN:
        case OPT_TOKEN_FILE:
            free(cfg->token);
            cfg->token = c == OPT_TOKEN ? strdup(optarg) : read_token_file(optarg);
            if (!cfg->token) {
                if (c == OPT_TOKEN)
                    fputs("hustings-serve: out of memory\n", stderr);
                return -1;
            }
            if (c == OPT_TOKEN) /* hide it from ps (the process list shows argv) */
                memset(optarg, 'x', strlen(optarg));
            if (!valid_token(cfg->token)) {
                fprintf(stderr, "hustings-serve: a token is 1 to %d printable ASCII "
                                "characters without spaces\n", MAX_TOKEN);
                return -1;
            }
            break;
        case OPT_INSECURE:
            cfg->insecure = 1;
            break;
        case 't': {
            char *end;
            errno = 0;
            long n = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || n < 1 || n > MAX_THREADS) {
                fprintf(stderr, "hustings-serve: invalid --threads '%s': 1 to %d\n", optarg,
                        MAX_THREADS);
                return -1;
            }
            cfg->threads = (unsigned)n;
            break;
        }
        case OPT_HEADER_TIMEOUT:
            if (parse_seconds("header-timeout", optarg, 0, &cfg->header_timeout) < 0)
                return -1;
            break;
        case OPT_TIME_LIMIT:
            if (parse_seconds("time-limit", optarg, 1, &cfg->time_limit) < 0)
                return -1;
            break;
        case 'v':
            cfg->verbose = 1;
            break;
        case 'h':
            usage(stdout);
            return 1;
        case 'V':
            printf("hustings-serve (hustings) %s\n", hustings_version());
            return 1;
        default:
            fputs("Try 'hustings-serve --help' for more information.\n", stderr);
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "hustings-serve: unexpected argument '%s'\n"
                        "Try 'hustings-serve --help' for more information.\n", argv[optind]);
        return -1;
    }
    if (options_parse_listen(listen, cfg) < 0) {
        fprintf(stderr, "hustings-serve: invalid --listen '%s': ADDR:PORT, e.g. "
                        "127.0.0.1:8080, [::1]:8080 or localhost:0\n", listen);
        return -1;
    }
    if (!options_is_loopback(cfg) && !cfg->token && !cfg->insecure) {
        fprintf(stderr, "hustings-serve: refusing to listen on %s without --token: anyone "
                        "who can reach it could read the index (--insecure allows it)\n",
                listen);
        return -1;
    }
    if (cfg->n_indexes == 0) {
        if (hustings_default_index_path(&cfg->default_index) != HUSTINGS_STATUS_SUCCESS) {
            fputs("hustings-serve: out of memory\n", stderr);
            return -1;
        }
        cfg->indexes[cfg->n_indexes++] = cfg->default_index;
    }
    return 0;
}

void options_free(serve_config *cfg)
{
    free(cfg->indexes);
    free(cfg->default_index);
    free(cfg->token);
    cfg->indexes = NULL;
    cfg->default_index = cfg->token = NULL;
    cfg->n_indexes = 0;
}
