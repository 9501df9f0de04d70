/* auth.c - the bearer token check. */
#include "auth.h"

#include <string.h>
#include <strings.h>

/* Compare in time that depends on the lengths only, so that the answer
 * time does not tell how much of a guess was right. */
static int same_secret(const char *a, size_t na, const char *b, size_t nb)
{
    unsigned char diff = na != nb;
    for (size_t i = 0; i < na; i++)
        diff |= (unsigned char)(a[i] ^ b[nb ? i % nb : 0]);
    return diff == 0;
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
        while (*given == ' ')
            given++;
        if (same_secret(given, strlen(given), token, strlen(token)))
            return 1;
    }
    response_error(rs, MHD_HTTP_UNAUTHORIZED, "%s",
                   header ? "the bearer token is wrong"
                          : "this server needs 'Authorization: Bearer TOKEN'");
    return 0;
}
