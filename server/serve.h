/* serve.h - what the parts of hustings-serve share: its configuration,
 * one request and its response, and the handlers the router calls.
 *
 * A request is handled from start to end by one thread of the pool; the
 * configuration is read-only once the server runs, so nothing here needs
 * a lock.
 */
#ifndef SERVE_H
#define SERVE_H

#include <stddef.h>
#include <sys/socket.h>

#include <json-c/json.h>
#include <microhttpd.h>

/* Limits on what a request may ask for. */
#define SERVE_MAX_URI 8192      /* bytes of the request target: else 414 */
#define SERVE_MAX_QUERY 1000    /* bytes of q: else 400 */
#define SERVE_MAX_VALUE 4096    /* bytes of any other parameter (an article's
                                   path is up to PATH_MAX): else 400 */
#define SERVE_MAX_LIMIT 100     /* results per request: else 400 */
#define SERVE_MAX_OFFSET 10000  /* how deep paging goes: else 400 */
#define SERVE_MAX_PASSAGES 10000 /* passages of one article returned */
/* Per connection: request line and headers must fit (else MHD answers
 * 414 or 431 by itself). */
#define SERVE_CONNECTION_MEMORY (128 * 1024)
/* Connections at once; of these, at most SERVE_MAX_WAITING may be waiting
 * for their request head (a new one closes the oldest such), so that the
 * rest are kept for requests that arrive whole. */
#define SERVE_MAX_CONNECTIONS 512
#define SERVE_MAX_WAITING (SERVE_MAX_CONNECTIONS - 64)
/* Seconds a connection has to send its request head (--header-timeout). */
#define SERVE_HEADER_TIMEOUT 10
/* Seconds of matching a search, count or facet pass may take
 * (--time-limit); 0: no limit. */
#define SERVE_TIME_LIMIT 2

typedef struct serve_config {
    const char **indexes;            /* the index, or the shards searched as one */
    size_t n_indexes;
    char *default_index;             /* allocated: the index when no -d */
    char *token;                     /* bearer token, or NULL */
    struct sockaddr_storage addr;    /* where to listen */
    socklen_t addr_len;
    char host[80];                   /* the address as printed */
    unsigned threads;                /* size of the thread pool */
    double header_timeout;           /* seconds to send a request head */
    double time_limit;               /* of each query call; 0: none */
    int insecure;                    /* non-loopback without a token */
    int verbose;                     /* one log line per request */
} serve_config;

typedef struct request {
    struct MHD_Connection *conn;
    const serve_config *cfg;
    const char *path;                /* the URL path, decoded */
} request;

typedef struct response {
    unsigned status;
    const char *type;                /* Content-Type */
    const void *data;                /* a static body, or */
    char *body;                      /* a malloc()ed one */
    size_t len;
    const char *allow;               /* 405: the methods allowed */
    int page;                        /* a page or asset: CSP and caching */
} response;

/* http.c */
/* One line on stderr, "hustings-serve: " and the message, with control
 * characters, a backslash and bytes that are not UTF-8 written as \xHH
 * (\\): for anything that holds what a client sent. */
void serve_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* response.c */
/* A JSON body; takes ownership of obj (NULL: out of memory, 500). */
void response_json(response *rs, unsigned status, json_object *obj);
/* {"error": message} with the status. */
void response_error(response *rs, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Add key: value to obj, taking ownership of value; -1 when value is
 * NULL (its constructor ran out of memory) or the add fails. */
int json_put(json_object *obj, const char *key, json_object *value);
/* A string, or null when s is NULL. */
int json_put_string(json_object *obj, const char *key, const char *s);
int json_put_int(json_object *obj, const char *key, long long n);

/* The handlers: each fills rs. */
void api_search(request *rq, response *rs);
void api_article(request *rq, response *rs);
void api_stats(request *rq, response *rs);
void api_health(request *rq, response *rs);
/* The search page and its assets: 1 when path is one of them (then rs,
 * unless NULL, is filled), else 0. */
int page_serve(const char *path, response *rs);

#endif
