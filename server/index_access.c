/* index_access.c - one read-only handle per request (over every shard
 * when several -d were given).
 *
 * A handle is used by one thread at a time, and opening one costs about
 * 50 microseconds (measured on the BBC corpus, 12,467 passages: open and
 * close 52 us, a search 2.5 to 4 ms), so every request opens its own.
 * Each request thus sees the last commit of a running indexer, and no
 * handle is shared between threads or kept stale.  (A remote shard costs
 * a connection to its xapian-tcpsrv per handle.)  A search opens a second
 * one, for its count and facets on a thread of their own (api_search.c).
 */
#include "index_access.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

hustings_status_t serve_query_create(hustings_index_t *index, const char *q, double time_limit,
                                     hustings_query_t **query)
{
    hustings_status_t st = hustings_query_create(index, q, query);
    if (st == HUSTINGS_STATUS_SUCCESS)
        hustings_query_set_time_limit(*query, time_limit);
    return st;
}

/* Failures that a fresh handle may not meet. */
static int retryable(hustings_status_t st)
{
    return st == HUSTINGS_STATUS_XAPIAN_EXCEPTION || st == HUSTINGS_STATUS_INDEX_CORRUPT ||
           st == HUSTINGS_STATUS_FILE_ERROR;
}

/* Whether a failure says the index itself is damaged: the library's
 * INDEX_CORRUPT (a table cut short or lost included).  Other Xapian
 * errors (a remote shard out of reach, a writer's commits overtaking the
 * reader twice) are not mended by a rebuild. */
static int damaged(hustings_status_t st)
{
    return st == HUSTINGS_STATUS_INDEX_CORRUPT;
}

/* The index of cfg that is not there: the first that opens with
 * INDEX_NOT_FOUND (a shard of several), else the first. */
static const char *missing_index(const serve_config *cfg)
{
    for (size_t i = 0; cfg->n_indexes > 1 && i < cfg->n_indexes; i++) {
        hustings_index_t *index = NULL;
        hustings_status_t st =
            hustings_index_open(cfg->indexes[i], HUSTINGS_INDEX_MODE_READ_ONLY, &index, NULL);
        hustings_index_close(index);
        if (st == HUSTINGS_STATUS_INDEX_NOT_FOUND)
            return cfg->indexes[i];
    }
    return cfg->indexes[0];
}

/* path as one shell word, to paste: as it is when it holds only
 * characters a shell takes literally, else in single quotes. */
static void shell_word(char *out, size_t size, const char *path)
{
    if (*path && strspn(path, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                              "0123456789/._-+,:@%") == strlen(path)) {
        snprintf(out, size, "%s", path);
        return;
    }
    size_t n = 0;
    out[n++] = '\'';
    for (const char *p = path; *p && n + 6 < size; p++) {
        if (*p == '\'') {
            memcpy(out + n, "'\\''", 4);
            n += 4;
        } else {
            out[n++] = *p;
        }
    }
    out[n++] = '\'';
    out[n] = '\0';
}

void serve_no_index(const serve_config *cfg, char *out, size_t size)
{
    const char *path = missing_index(cfg);
    char word[1024];
    shell_word(word, sizeof word, path);
    snprintf(out, size, "no index at %s yet: run hustings-index -d %s FOLDER", path, word);
}

void serve_check_index(const serve_config *cfg)
{
    hustings_index_t *index = NULL;
    char *message = NULL;
    hustings_status_t st = hustings_index_open_shards(cfg->indexes, cfg->n_indexes, &index,
                                                      &message);
    hustings_index_close(index);
    if (st == HUSTINGS_STATUS_INDEX_NOT_FOUND) {
        char text[2048];
        serve_no_index(cfg, text, sizeof text);
        fprintf(stderr, "hustings-serve: %s (serving anyway: the page and the API say so "
                        "until it is built)\n", text);
    } else if (st != HUSTINGS_STATUS_SUCCESS) {
        fprintf(stderr, "hustings-serve: the index cannot be opened: %s (serving anyway: "
                        "requests answer 503 until it can)\n",
                message ? message : hustings_status_to_string(st));
    }
    free(message);
}

/* The answer to a request whose index work failed with st, why being
 * the library's message. */
static void fail(const serve_config *cfg, hustings_status_t st, const char *why, response *rs)
{
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY) {
        response_error(rs, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
    } else if (st == HUSTINGS_STATUS_INDEX_NOT_FOUND) {
        /* not built yet: the page shows this to whoever started the
         * server (the path is the one /api/stats names) */
        char text[2048];
        serve_no_index(cfg, text, sizeof text);
        response_error(rs, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", text);
    } else if (st == HUSTINGS_STATUS_QUERY_TOO_COSTLY) {
        serve_too_costly(why, rs);
    } else if (damaged(st)) {
        /* the message names the index (the shard at fault, when it can);
         * an operator reads it in a monitor's report of /healthz */
        int named = 0;
        for (size_t i = 0; i < cfg->n_indexes && !named; i++)
            named = strstr(why, cfg->indexes[i]) != NULL;
        /* the library's message says to rebuild it */
        response_error(rs, MHD_HTTP_SERVICE_UNAVAILABLE, "index damaged: %s%s%s",
                       named ? "" : cfg->indexes[0], named ? "" : ": ", why);
    } else {
        response_error(rs, MHD_HTTP_SERVICE_UNAVAILABLE, "index unavailable: %s",
                       hustings_status_to_string(st));
    }
}

void serve_too_costly(const char *why, response *rs)
{
    /* the index is sound; this query asks too much of it: the library
     * says how (its time limit, or too many prefix* words) */
    serve_log("a search was stopped: %s", why);
    response_error(rs, MHD_HTTP_SERVICE_UNAVAILABLE, "%s", why);
}

void with_index(request *rq, index_work work, void *ctx, response *rs)
{
    const serve_config *cfg = rq->cfg;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    char why[300] = "";
    for (int attempt = 0; attempt < 2; attempt++) {
        hustings_index_t *index = NULL;
        char *message = NULL;
        st = hustings_index_open_shards(cfg->indexes, cfg->n_indexes, &index, &message);
        if (st != HUSTINGS_STATUS_SUCCESS) {
            snprintf(why, sizeof why, "%s", message ? message : hustings_status_to_string(st));
            serve_log("%s", why);
            free(message);
            if (!retryable(st))
                break;
            continue;
        }
        st = work(index, ctx, rs);
        if (st != HUSTINGS_STATUS_SUCCESS) {
            const char *error = hustings_index_get_error(index);
            snprintf(why, sizeof why, "%s", *error ? error : hustings_status_to_string(st));
        }
        if (st != HUSTINGS_STATUS_SUCCESS && st != HUSTINGS_STATUS_QUERY_TOO_COSTLY) {
            serve_log("%s%s", why,
                      attempt == 0 && retryable(st) ? " (reopening and trying again)" : "");
        }
        hustings_index_close(index);
        if (st == HUSTINGS_STATUS_SUCCESS || !retryable(st))
            break;
    }
    if (st != HUSTINGS_STATUS_SUCCESS)
        fail(cfg, st, why, rs);
}
