/* params.c - checking query parameters before anything uses them. */
#include "params.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "utf8_valid.h"

typedef struct checker {
    const char *const *allowed;
    unsigned seen;              /* bit i: allowed[i] was seen */
    response *rs;
    int failed;
} checker;

static enum MHD_Result check_one(void *cls, enum MHD_ValueKind kind, const char *key,
                                 size_t key_size, const char *value, size_t value_size)
{
    checker *c = cls;
    (void)kind;
    size_t i = 0;
    for (; c->allowed[i]; i++)
        if (strlen(c->allowed[i]) == key_size && memcmp(c->allowed[i], key, key_size) == 0)
            break;
    if (!c->allowed[i]) {
        if (utf8_valid(key, key_size) && key_size < 64 && !memchr(key, '\0', key_size))
            response_error(c->rs, MHD_HTTP_BAD_REQUEST, "unknown parameter '%s'", key);
        else
            response_error(c->rs, MHD_HTTP_BAD_REQUEST, "unknown parameter");
    } else if (c->seen & 1u << i) {
        response_error(c->rs, MHD_HTTP_BAD_REQUEST, "parameter '%s' is given twice", key);
    } else if (value && value_size > (strcmp(key, "q") ? SERVE_MAX_VALUE : SERVE_MAX_QUERY)) {
        response_error(c->rs, MHD_HTTP_BAD_REQUEST, "%s: longer than %d bytes", key,
                       strcmp(key, "q") ? SERVE_MAX_VALUE : SERVE_MAX_QUERY);
    } else if (value && (memchr(value, '\0', value_size) || !utf8_valid(value, value_size))) {
        response_error(c->rs, MHD_HTTP_BAD_REQUEST, "%s: not valid UTF-8 text", key);
    } else {
        c->seen |= 1u << i;
        return MHD_YES;
    }
    c->failed = 1;
    return MHD_NO;
}

int params_check(request *rq, const char *const *allowed, response *rs)
{
    checker c = { allowed, 0, rs, 0 };
    MHD_get_connection_values_n(rq->conn, MHD_GET_ARGUMENT_KIND, check_one, &c);
    return c.failed ? -1 : 0;
}

const char *param_get(request *rq, const char *name)
{
    const char *v = NULL;
    if (MHD_lookup_connection_value_n(rq->conn, MHD_GET_ARGUMENT_KIND, name, strlen(name),
                                      &v, NULL) != MHD_YES)
        return NULL;
    return v ? v : "";
}

int param_uint(request *rq, const char *name, unsigned dflt, unsigned max, unsigned *out,
               response *rs)
{
    const char *v = param_get(rq, name);
    if (!v || !*v) {
        *out = dflt;
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long n = strtoul(v, &end, 10);
    if (errno || *end || v[0] < '0' || v[0] > '9' || n > max) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "%s: a whole number from 0 to %u is needed",
                       name, max);
        return -1;
    }
    *out = (unsigned)n;
    return 0;
}
