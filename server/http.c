/* http.c - libmicrohttpd glue: per-request bookkeeping, the deadline of
 * a request head, the checks every request goes through (size, token,
 * method), the routing table, and turning a response into HTTP. */
#include "http.h"

#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"

/* What is known of one request beyond the handler's call. */
typedef struct exchange {
    struct timespec start;
    size_t uri_len;          /* the request target, query string included */
    int called;              /* the handler has seen it */
    unsigned status;         /* 0 until answered */
    char method[8];
    char path[96];           /* for the log: the path, never the query */
    size_t path_len;
} exchange;

typedef struct route {
    const char *path;
    void (*handler)(request *rq, response *rs);
} route;

static const route routes[] = {
    { "/api/search", api_search },
    { "/api/article", api_article },
    { "/api/stats", api_stats },
    { "/healthz", api_health },
};

/* Scripts, styles and images of the page's own origin only: even a
 * string that escaped escaping could not run. */
static const char page_csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

static double ms_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) * 1e3 + (double)(now.tv_nsec - t->tv_nsec) / 1e6;
}

/* ---- the log ----------------------------------------------------------
 *
 * What a client sends (a path, a method) is logged escaped, so that it
 * can neither start a line of its own (CR, LF) nor drive a terminal (ESC,
 * C1 controls), nor make a line read otherwise (bidirectional overrides,
 * line separators): those characters, a backslash and bytes that are not
 * UTF-8 are written as \xHH (a backslash as \\).  Every line is written
 * with one call, so that lines of two threads never mix. */

/* The length of the UTF-8 sequence at p (left > 0 bytes) when it is
 * valid and safe to print as it is; 0 when its first byte is to be
 * escaped. */
static size_t printable(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t more;
    if (c < 0x80)
        return c >= 0x20 && c != 0x7F && c != '\\';
    if (c >= 0xC2 && c <= 0xDF)
        more = 1, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        more = 2, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        more = 3, c &= 0x07;
    else
        return 0;
    if (left <= more)
        return 0;
    for (size_t i = 1; i <= more; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (p[i] & 0x3F);
    }
    static const unsigned min[] = { 0, 0x80, 0x800, 0x10000 };
    if (c < min[more] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    if (c <= 0x9F || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069))
        return 0; /* C1 controls, line separators, bidirectional controls */
    return more + 1;
}

/* s[0..n) escaped into out (size > 0), NUL-terminated, cut short at a
 * whole character when it does not fit; its length. */
static size_t log_escape(char *out, size_t size, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        static const char hex[] = "0123456789ABCDEF";
        size_t k = printable(p + i, n - i);
        char esc[4] = { '\\', '\\' };
        const char *piece = (const char *)p + i;
        size_t m = k;
        if (!k) {
            m = 2;
            if (p[i] != '\\') {
                esc[1] = 'x';
                esc[2] = hex[p[i] >> 4];
                esc[3] = hex[p[i] & 0xF];
                m = 4;
            }
            piece = esc;
            k = 1;
        }
        if (len + m >= size)
            break;
        memcpy(out + len, piece, m);
        len += m;
        i += k;
    }
    out[len] = '\0';
    return len;
}

/* "hustings-serve: " and text[0..n), escaped, as one line on stderr. */
static void log_line(const char *text, size_t n)
{
    static const char prefix[] = "hustings-serve: ";
    char line[4096];
    size_t len = sizeof prefix - 1;
    memcpy(line, prefix, len);
    len += log_escape(line + len, sizeof line - len - 1, text, n);
    line[len++] = '\n';
    fwrite(line, 1, len, stderr);
}

void serve_log(const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n > 0)
        log_line(text, (size_t)n < sizeof text ? (size_t)n : sizeof text - 1);
}

/* ---- the deadline of a request head (slowloris) ----------------------
 *
 * libmicrohttpd's idle timeout starts again with every byte, so a client
 * that sends one header line every few seconds keeps its connection for
 * ever, and 512 such clients take every slot.  Each connection is
 * therefore in the `waiting` list, oldest first, from its opening (or the
 * end of its last answer: keep-alive) until its request head is complete
 * (the first call of on_request); a thread of its own shuts down the
 * socket of one still there after cfg->header_timeout seconds, and
 * libmicrohttpd, reading the end of the stream, closes the connection.
 * When SERVE_MAX_WAITING are waiting, a new connection shuts down the
 * oldest waiting one, so that the slots of the reserve are always free
 * for requests that arrive whole (/healthz answers during an attack).
 *
 * The list is only touched under its lock.  A socket is shut down, never
 * closed, and only while its connection is in the list: libmicrohttpd
 * calls on_connection(CLOSED), which takes it out, before closing the
 * descriptor, so the descriptor cannot belong to another connection. */
typedef struct conn_state {
    struct conn_state *prev, *next;  /* in the waiting list */
    struct timespec since;           /* when it started waiting */
    MHD_socket fd;
    int waiting;                     /* in the list */
    int cut;                         /* shut down: never waits again */
    /* the request in hand (on_uri, on_unescape): its target, and the
     * length of its path once decoded, which may hold a NUL byte */
    const char *uri;
    size_t path_len;
} conn_state;

static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;             /* on CLOCK_MONOTONIC */
    conn_state *head, *tail;         /* oldest first */
    unsigned n;
    struct timespec timeout;
    int stop;
    pthread_t thread;
} waiting = { .lock = PTHREAD_MUTEX_INITIALIZER };

static void timespec_add(struct timespec *t, const struct timespec *d)
{
    t->tv_sec += d->tv_sec;
    t->tv_nsec += d->tv_nsec;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

static int timespec_before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* The next three with the lock held. */
static void wait_start(conn_state *c)
{
    clock_gettime(CLOCK_MONOTONIC, &c->since);
    c->prev = waiting.tail;
    c->next = NULL;
    if (waiting.tail)
        waiting.tail->next = c;
    else
        waiting.head = c;
    waiting.tail = c;
    c->waiting = 1;
    waiting.n++;
}

static void wait_end(conn_state *c)
{
    if (!c->waiting)
        return;
    if (c->prev)
        c->prev->next = c->next;
    else
        waiting.head = c->next;
    if (c->next)
        c->next->prev = c->prev;
    else
        waiting.tail = c->prev;
    c->waiting = 0;
    waiting.n--;
}

static void cut(conn_state *c)
{
    shutdown(c->fd, SHUT_RDWR);
    c->cut = 1;
    wait_end(c);
}

/* The thread that cuts the connections past their deadline. */
static void *reaper(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&waiting.lock);
    while (!waiting.stop) {
        struct timespec now, next;
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (;;) {
            if (!waiting.head) { /* a connection opened from now waits this long */
                next = now;
                timespec_add(&next, &waiting.timeout);
                break;
            }
            next = waiting.head->since;
            timespec_add(&next, &waiting.timeout);
            if (timespec_before(&now, &next))
                break;
            cut(waiting.head);
        }
        pthread_cond_timedwait(&waiting.wake, &waiting.lock, &next);
    }
    pthread_mutex_unlock(&waiting.lock);
    return NULL;
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    conn_state *c = *socket_context;
    (void)cls;
    if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
        if (c) {
            pthread_mutex_lock(&waiting.lock);
            wait_end(c);
            pthread_mutex_unlock(&waiting.lock);
        }
        free(c);
        *socket_context = NULL;
        return;
    }
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!info)
        return;
    c = calloc(1, sizeof *c);
    if (!c) { /* it could not be given a deadline: refuse it */
        shutdown(info->connect_fd, SHUT_RDWR);
        return;
    }
    c->fd = info->connect_fd;
    pthread_mutex_lock(&waiting.lock);
    if (waiting.n >= SERVE_MAX_WAITING)
        cut(waiting.head);
    wait_start(c);
    pthread_mutex_unlock(&waiting.lock);
    *socket_context = c;
}

static conn_state *state_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

/* The request head is complete: no deadline until the answer is sent. */
static void head_received(struct MHD_Connection *conn)
{
    conn_state *c = state_of(conn);
    if (!c)
        return;
    pthread_mutex_lock(&waiting.lock);
    wait_end(c);
    pthread_mutex_unlock(&waiting.lock);
}

/* Answered: the next request head has the same time to arrive. */
static void answer_sent(struct MHD_Connection *conn)
{
    conn_state *c = state_of(conn);
    if (!c)
        return;
    pthread_mutex_lock(&waiting.lock);
    if (!c->cut && !c->waiting)
        wait_start(c);
    pthread_mutex_unlock(&waiting.lock);
}

static int reaper_start(double seconds)
{
    pthread_condattr_t attr;
    waiting.timeout.tv_sec = (time_t)seconds;
    waiting.timeout.tv_nsec = (long)((seconds - (double)waiting.timeout.tv_sec) * 1e9);
    waiting.stop = 0;
    if (pthread_condattr_init(&attr) != 0)
        return -1;
    int rc = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) != 0 ||
             pthread_cond_init(&waiting.wake, &attr) != 0;
    pthread_condattr_destroy(&attr);
    if (rc)
        return -1;
    if (pthread_create(&waiting.thread, NULL, reaper, NULL) != 0) {
        pthread_cond_destroy(&waiting.wake);
        return -1;
    }
    return 0;
}

static void reaper_stop(void)
{
    pthread_mutex_lock(&waiting.lock);
    waiting.stop = 1;
    pthread_cond_signal(&waiting.wake);
    pthread_mutex_unlock(&waiting.lock);
    pthread_join(waiting.thread, NULL);
    pthread_cond_destroy(&waiting.wake);
}

#define PATH_LEN_UNKNOWN ((size_t)-1)

/* Called with the raw request target before anything else. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    exchange *ex = calloc(1, sizeof *ex);
    conn_state *c = state_of(conn);
    (void)cls;
    if (c) {
        c->uri = uri;
        c->path_len = PATH_LEN_UNKNOWN;
    }
    if (ex) {
        clock_gettime(CLOCK_MONOTONIC, &ex->start);
        ex->uri_len = strlen(uri);
    }
    return ex;
}

/* libmicrohttpd decodes the path (and each parameter) in place and hands
 * the path on as a C string: %00 cut it short, and /hustings.css%00.txt
 * was served as /hustings.css.  The path is decoded here, in the buffer
 * on_uri saw, so its real length is known. */
static size_t on_unescape(void *cls, struct MHD_Connection *conn, char *s)
{
    size_t n = MHD_http_unescape(s);
    conn_state *c = state_of(conn);
    (void)cls;
    if (c && s == c->uri)
        c->path_len = n;
    return n;
}

/* The length of the decoded path url, NUL bytes included. */
static size_t path_length(struct MHD_Connection *conn, const char *url)
{
    const conn_state *c = state_of(conn);
    if (c && c->uri == url && c->path_len != PATH_LEN_UNKNOWN)
        return c->path_len;
    return strlen(url);
}

/* Whether the request target holds a NUL byte as sent (not %00).
 * libmicrohttpd before 1.0 accepts one in the request line, and the C
 * strings it hands on end there ("GET /hustings.css<NUL>.txt" was served
 * as /hustings.css).  It ends the target at the space before the version,
 * which it overwrites with a NUL: the version follows the target in the
 * same buffer, so the target's length as sent is known (uri_len is the
 * length on_uri saw).  1.0 refuses such a request itself. */
static int target_has_nul(const char *url, const char *version, size_t uri_len)
{
#if MHD_VERSION < 0x01000000
    uintptr_t u = (uintptr_t)url, v = (uintptr_t)version;
    return *version && v > u && v - u - 1 != uri_len; /* "" when no version was sent */
#else
    (void)url;
    (void)version;
    (void)uri_len;
    return 0;
#endif
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    const serve_config *cfg = cls;
    exchange *ex = *con_cls;
    answer_sent(conn);
    if (ex && cfg->verbose && ex->status) {
        /* the path by its length: it may hold any byte */
        char line[sizeof ex->method + sizeof ex->path + 64];
        int n = snprintf(line, sizeof line, "%s ", ex->method);
        memcpy(line + n, ex->path, ex->path_len);
        n += (int)ex->path_len;
        n += snprintf(line + n, sizeof line - (size_t)n, " %u %.1f ms%s", ex->status,
                      ms_since(&ex->start),
                      toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (not completed)");
        log_line(line, (size_t)n);
    }
    free(ex);
    *con_cls = NULL;
}

__attribute__((format(printf, 2, 0)))
static void on_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    /* a failed bind is reported by the caller, naming the port asked for
     * (libmicrohttpd's own message names port 0 for a SOCK_ADDR); a
     * client that hangs up mid-request is no news, and a connection cut
     * at its head deadline ends the same way: a line for each would flood
     * the log during an attack */
    static const char *const quiet[] = {
        "Failed to bind",
        "Connection was closed by remote side with incomplete request",
        "Connection socket is closed when reading request",
    };
    for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++)
        if (strncmp(fmt, quiet[i], strlen(quiet[i])) == 0)
            return;
    char text[1024];
    int n = vsnprintf(text, sizeof text, fmt, ap);
    if (n <= 0)
        return;
    size_t len = (size_t)n < sizeof text ? (size_t)n : sizeof text - 1;
    if (text[len - 1] == '\n') /* its messages end with one */
        len--;
    log_line(text, len);
}

/* The API takes no request body. */
static int has_body(struct MHD_Connection *conn)
{
    const char *length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
    return (length && strspn(length, "0") != strlen(length)) ||
           MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING);
}

static void dispatch(request *rq, const char *method, response *rs)
{
    int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    const route *r = NULL;
    for (size_t i = 0; i < sizeof routes / sizeof *routes && !r; i++)
        if (strcmp(rq->path, routes[i].path) == 0)
            r = &routes[i];
    /* The page may be fetched without the token: it holds no index data,
     * and a browser cannot send the header before the page asks for it. */
    int page = !r && page_serve(rq->path, NULL);
    if (!host_check(rq, rs) || (!page && !auth_check(rq, rs)))
        return;
    if (!r && !page) {
        response_error(rs, MHD_HTTP_NOT_FOUND, "no such endpoint");
    } else if (!get) {
        response_error(rs, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are allowed here");
        rs->allow = "GET, HEAD";
    } else if (has_body(rq->conn)) {
        response_error(rs, MHD_HTTP_CONTENT_TOO_LARGE, "this server takes no request body");
    } else if (page) {
        page_serve(rq->path, rs);
    } else {
        r->handler(rq, rs);
    }
}

static int add_headers(struct MHD_Response *r, const response *rs)
{
    int ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, rs->type) == MHD_YES &&
             MHD_add_response_header(r, "X-Content-Type-Options", "nosniff") == MHD_YES &&
             MHD_add_response_header(r, "Referrer-Policy", "no-referrer") == MHD_YES &&
             MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL,
                                     rs->page ? "no-cache" : "no-store") == MHD_YES;
    if (ok && rs->page)
        ok = MHD_add_response_header(r, "Content-Security-Policy", page_csp) == MHD_YES &&
             MHD_add_response_header(r, "X-Frame-Options", "DENY") == MHD_YES;
    if (ok && rs->status == MHD_HTTP_UNAUTHORIZED)
        ok = MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
                                     "Bearer realm=\"hustings\"") == MHD_YES;
    if (ok && rs->allow)
        ok = MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, rs->allow) == MHD_YES;
    return ok;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, response *rs)
{
    struct MHD_Response *r =
        rs->body ? MHD_create_response_from_buffer(rs->len, rs->body, MHD_RESPMEM_MUST_FREE)
                 : MHD_create_response_from_buffer(rs->len, (void *)rs->data,
                                                   MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(rs->body);
        return MHD_NO; /* closes the connection */
    }
    enum MHD_Result ret = add_headers(r, rs) ? MHD_queue_response(conn, rs->status, r) : MHD_NO;
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **con_cls)
{
    exchange *ex = *con_cls;
    request rq = { conn, cls, url };
    response rs = { 0 };
    (void)upload_data;
    if (ex && ex->status) { /* answered already: drop any body */
        *upload_size = 0;
        return MHD_YES;
    }
    if (!ex) {
        response_error(&rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
        return send_response(conn, &rs);
    }
    int get = strcmp(method, MHD_HTTP_METHOD_GET) == 0 || strcmp(method, MHD_HTTP_METHOD_HEAD) == 0;
    if (!ex->called) {
        ex->called = 1;
        head_received(conn);
        /* A request to refuse is answered at once (MHD then closes the
         * connection instead of reading a body); a plain GET on the next
         * call, when it is complete, so that the connection stays open. */
        if (get && !has_body(conn) && ex->uri_len <= SERVE_MAX_URI)
            return MHD_YES;
    }
    size_t path_len = path_length(conn, url);
    /* no path we serve holds a NUL byte: route one as the empty path,
     * which is none of ours (404, or 401 without the token) */
    if (path_len != strlen(url))
        rq.path = "";
    if (ex->uri_len > SERVE_MAX_URI)
        response_error(&rs, MHD_HTTP_URI_TOO_LONG, "the URL is longer than %d bytes",
                       SERVE_MAX_URI);
    else if (target_has_nul(url, version, ex->uri_len))
        response_error(&rs, MHD_HTTP_BAD_REQUEST, "the request line holds a NUL byte");
    else
        dispatch(&rq, method, &rs);
    ex->status = rs.status;
    snprintf(ex->method, sizeof ex->method, "%s", method);
    ex->path_len = path_len < sizeof ex->path ? path_len : sizeof ex->path;
    memcpy(ex->path, url, ex->path_len);
    return send_response(conn, &rs);
}

/* The port of a listening address. */
static unsigned port_of(const struct sockaddr_storage *addr)
{
    if (addr->ss_family == AF_INET6)
        return ntohs(((const struct sockaddr_in6 *)addr)->sin6_port);
    return ntohs(((const struct sockaddr_in *)addr)->sin_port);
}

struct MHD_Daemon *http_start(const serve_config *cfg)
{
    /* ITC: MHD_quiesce_daemon() needs it (http_stop) */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
                     MHD_USE_ITC;
    if (cfg->addr.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    if (reaper_start(cfg->header_timeout) < 0) {
        fputs("hustings-serve: cannot start a thread\n", stderr);
        return NULL;
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, (void *)cfg,
        MHD_OPTION_EXTERNAL_LOGGER, on_log, NULL, /* first, to catch every message */
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&cfg->addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)cfg->threads,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SERVE_CONNECTION_MEMORY,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int)SERVE_MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
        MHD_OPTION_UNESCAPE_CALLBACK, on_unescape, NULL,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, (void *)cfg,
        MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
        MHD_OPTION_END);
    if (!d) {
        reaper_stop();
        fprintf(stderr, "hustings-serve: cannot listen on %s port %u (is the port in use, or "
                        "the address not this machine's?)\n", cfg->host, port_of(&cfg->addr));
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    fprintf(stderr, "hustings-serve: listening on http://%s:%u (index %s%s, %u threads%s)\n",
            cfg->host, info ? (unsigned)info->port : 0u, cfg->indexes[0],
            cfg->n_indexes > 1 ? " and more shards" : "", cfg->threads,
            cfg->token ? ", token required" : "");
    return d;
}

/* How long a stop waits for the requests in hand, in tenths of a second;
 * idle keep-alive connections wait as long, so not the 30 s timeout. */
#define STOP_WAIT_TENTHS 100

void http_stop(struct MHD_Daemon *daemon)
{
    /* take no new connection, let those open finish (MHD_stop_daemon alone
     * would close them with their answers unsent), then stop */
    MHD_socket listener = MHD_quiesce_daemon(daemon);
    for (int i = 0; i < STOP_WAIT_TENTHS; i++) {
        const union MHD_DaemonInfo *info =
            MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!info || info->num_connections == 0)
            break;
        nanosleep(&(struct timespec){ 0, 100000000L }, NULL);
    }
    MHD_stop_daemon(daemon);
    reaper_stop();
    if (listener != MHD_INVALID_SOCKET)
        close(listener);
}
