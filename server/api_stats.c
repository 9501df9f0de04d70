/* api_stats.c - GET /api/stats (what hustings-index --stats prints) and
 * GET /healthz (whether the index can be searched). */
#include <stdio.h>
#include <string.h>

#include "index_access.h"
#include "params.h"
#include "serve.h"

static const char *const no_params[] = { NULL };

static const char *or_null(const char *s)
{
    return *s ? s : NULL;
}

/* "en 12467, ru 38" as {"en": 12467, "ru": 38}; NULL when memory ran
 * out. */
static json_object *languages(const char *list)
{
    json_object *o = json_object_new_object();
    char code[16];
    unsigned long n;
    int used;
    while (o && sscanf(list, " %15[^ ,] %lu%n", code, &n, &used) == 2) {
        if (json_put_int(o, code, (long long)n) < 0) {
            json_object_put(o);
            return NULL;
        }
        list += used;
        list += strspn(list, ", ");
    }
    return o;
}

static hustings_status_t run_stats(hustings_index_t *index, void *ctx, response *rs)
{
    hustings_stats_t s;
    hustings_status_t st = hustings_index_get_stats(index, &s);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    json_object *o = json_object_new_object();
    if (!o)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    int bad = json_put_string(o, "index", hustings_index_get_path(index)) < 0;
    bad |= json_put_int(o, "shards", (long long)((const serve_config *)ctx)->n_indexes) < 0;
    bad |= json_put_int(o, "format", s.format) < 0;
    bad |= json_put_int(o, "articles", (long long)s.articles) < 0;
    bad |= json_put_int(o, "passages", (long long)s.passages) < 0;
    bad |= json_put_int(o, "files", (long long)s.files) < 0;
    bad |= json_put_int(o, "terms", (long long)s.terms) < 0;
    bad |= json_put_int(o, "disk_bytes", (long long)s.disk_bytes) < 0;
    bad |= json_put_string(o, "last_update", or_null(s.last_update)) < 0;
    bad |= json_put_string(o, "first_date", or_null(s.first_date)) < 0;
    bad |= json_put_string(o, "last_date", or_null(s.last_date)) < 0;
    bad |= json_put(o, "languages", languages(s.languages)) < 0;
    if (bad) {
        json_object_put(o);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    response_json(rs, MHD_HTTP_OK, o);
    return HUSTINGS_STATUS_SUCCESS;
}

/* Cheap: the passage count is Xapian's document count. */
static hustings_status_t run_health(hustings_index_t *index, void *ctx, response *rs)
{
    unsigned long passages = 0;
    (void)ctx;
    hustings_status_t st = hustings_index_count(index, NULL, &passages);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    json_object *o = json_object_new_object();
    if (!o)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (json_put_string(o, "status", "ok") < 0 ||
        json_put_int(o, "passages", (long long)passages) < 0) {
        json_object_put(o);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    response_json(rs, MHD_HTTP_OK, o);
    return HUSTINGS_STATUS_SUCCESS;
}

void api_stats(request *rq, response *rs)
{
    if (params_check(rq, no_params, rs) == 0)
        with_index(rq, run_stats, (void *)rq->cfg, rs);
}

void api_health(request *rq, response *rs)
{
    if (params_check(rq, no_params, rs) == 0)
        with_index(rq, run_health, NULL, rs);
}
