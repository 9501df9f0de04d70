/* auth.c - the bearer token check. */
#include "auth.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "options.h"

/* Compare in time that depends on the lengths only, so that the answer
 * time does not tell how much of a guess was right. */
static int same_secret(const char *a, size_t na, const char *b, size_t nb)
{
    unsigned char diff = na != nb;
    for (size_t i = 0; i < na; i++)
        diff |= (unsigned char)(a[i] ^ b[nb ? i % nb : 0]);
    return diff == 0;
}

/* Whether host[0..n) names this machine's loopback or the address
 * listened on. */
static int names_loopback(const char *host, size_t n, const char *listen)
{
    if (n == strlen(listen) && strncasecmp(host, listen, n) == 0)
        return 1;
    if ((n == 9 && strncasecmp(host, "localhost", 9) == 0) ||
        (n == 5 && strncmp(host, "[::1]", 5) == 0))
        return 1;
    if (n < 4 || strncmp(host, "127.", 4) != 0)
        return 0;
    for (size_t i = 4; i < n; i++)
        if ((host[i] < '0' || host[i] > '9') && host[i] != '.')
            return 0;
    return 1;
}

int host_check(request *rq, response *rs)
{
    const char *host = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                    MHD_HTTP_HEADER_HOST);
    if (!host || !options_is_loopback(rq->cfg))
        return 1;
    /* the name without its port ("[::1]:8080", "localhost:8080") */
    const char *colon = strrchr(host, ':');
    size_t n = colon && (host[0] != '[' || colon > strchr(host, ']')) ? (size_t)(colon - host)
                                                                       : strlen(host);
    char listen[sizeof rq->cfg->host + 2];
    snprintf(listen, sizeof listen, strchr(rq->cfg->host, ':') ? "[%s]" : "%s", rq->cfg->host);
    if (names_loopback(host, n, listen))
        return 1;
    response_error(rs, MHD_HTTP_FORBIDDEN,
                   "this server answers requests for localhost only, not for Host '%.*s'",
                   (int)(n < 100 ? n : 100), host);
    return 0;
}

int auth_check(request *rq, response *rs)
{
    const char *token = rq->cfg->token;
    if (!token)
        return 1;
    const char *header = MHD_lookup_connection_value(rq->conn, MHD_HEADER_KIND,
                                                      MHD_HTTP_HEADER_AUTHORIZATION);
    if (header && strncasecmp(header, "Bearer ", 7) == 0) {
        const char *given = header + 7;
        while (*given == ' ' || *given == '\t')
            given++;
        size_t len = strlen(given); /* white space around a value is not part of it */
        while (len && (given[len - 1] == ' ' || given[len - 1] == '\t'))
            len--;
        if (same_secret(given, len, token, strlen(token)))
            return 1;
    }
    response_error(rs, MHD_HTTP_UNAUTHORIZED, "%s",
                   header ? "the bearer token is wrong"
                          : "this server needs 'Authorization: Bearer TOKEN'");
    return 0;
}
