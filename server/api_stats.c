/* api_stats.c - GET /api/stats (what hustings-index --stats prints) and
 * GET /healthz (whether the index can be searched). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_access.h"
#include "params.h"
#include "serve.h"

static const char *const no_params[] = { NULL };

/* {"en": 12467, "ru": 38}, most passages first; NULL when memory ran
 * out. */
static json_object *languages(hustings_stats_t *s)
{
    json_object *o = json_object_new_object();
    for (unsigned i = 0; o && i < hustings_stats_count_languages(s); i++)
        if (json_put_int(o, hustings_stats_get_language(s, i),
                         (long long)hustings_stats_get_language_passages(s, i)) < 0) {
            json_object_put(o);
            return NULL;
        }
    return o;
}

/* The statistics of s as the JSON object o's members: 0, or -1 when
 * memory ran out. */
static int put_stats(json_object *o, hustings_stats_t *s)
{
    int bad = json_put_int(o, "format", hustings_stats_get_format(s)) < 0;
    bad |= json_put_int(o, "articles", (long long)hustings_stats_get_articles(s)) < 0;
    bad |= json_put_int(o, "passages", (long long)hustings_stats_get_passages(s)) < 0;
    bad |= json_put_int(o, "files", (long long)hustings_stats_get_files(s)) < 0;
    bad |= json_put_int(o, "terms", (long long)hustings_stats_get_terms(s)) < 0;
    bad |= json_put_int(o, "disk_bytes", (long long)hustings_stats_get_disk_bytes(s)) < 0;
    bad |= json_put_string(o, "last_update", hustings_stats_get_last_update(s)) < 0;
    bad |= json_put_string(o, "first_date", hustings_stats_get_first_date(s)) < 0;
    bad |= json_put_string(o, "last_date", hustings_stats_get_last_date(s)) < 0;
    bad |= json_put_int(o, "undated", (long long)hustings_stats_get_undated(s)) < 0;
    bad |= json_put(o, "languages", languages(s)) < 0;
    return bad ? -1 : 0;
}

static hustings_status_t run_stats(hustings_index_t *index, void *ctx, response *rs)
{
    hustings_stats_t *s = NULL;
    hustings_status_t st = hustings_index_get_stats(index, &s);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    json_object *o = json_object_new_object();
    int bad = !o || json_put_string(o, "index", hustings_index_get_path(index)) < 0;
    bad = bad || json_put_int(o, "shards",
                              (long long)((const serve_config *)ctx)->n_indexes) < 0;
    bad = bad || put_stats(o, s) < 0;
    hustings_stats_destroy(s);
    if (bad) {
        json_object_put(o);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    response_json(rs, MHD_HTTP_OK, o);
    return HUSTINGS_STATUS_SUCCESS;
}

/* A word of a passage to search for: the longest run of letters (ASCII
 * ones, or any byte of a UTF-8 sequence) of its first 64 bytes' room. */
typedef struct probe {
    char word[64];
    int found;
} probe;

static int is_letter(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* hustings_passage_fn: keep a word of the first passage, and stop. */
static int take_word(void *ctx, hustings_passage_t *p)
{
    probe *pr = ctx;
    const unsigned char *t = (const unsigned char *)hustings_passage_get_text(p);
    size_t best = 0, best_len = 0;
    for (size_t i = 0; t[i];) {
        size_t n = 0;
        while (is_letter(t[i + n]))
            n++;
        if (n > best_len) {
            best = i;
            best_len = n;
        }
        i += n ? n : 1;
    }
    /* cut a long word at the start of a UTF-8 character */
    while (best_len >= sizeof pr->word ||
           (best_len && (t[best + best_len] & 0xC0) == 0x80))
        best_len--;
    memcpy(pr->word, t + best, best_len);
    pr->word[best_len] = '\0';
    pr->found = 1;
    return 1;
}

/* A one-result search for word, its passage's text read: the path every
 * search takes, from the posting lists to the passages' data. */
static hustings_status_t search_one(hustings_index_t *index, const char *word,
                                    double time_limit)
{
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    hustings_status_t st = serve_query_create(index, word, time_limit, &query);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hustings_query_set_limit(query, 1);
        hustings_query_set_collapse(query, 0);
        hustings_query_set_thesaurus(query, 0);
        st = hustings_query_search(query, &ps);
    }
    if (st == HUSTINGS_STATUS_SUCCESS && hustings_passages_valid(ps) &&
        !hustings_passage_get_text(hustings_passages_get(ps)))
        st = HUSTINGS_STATUS_INDEX_CORRUPT;
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
    return st;
}

/* Cheap, and a real search: the passage count (the postlist table
 * alone: it answers with docdata.glass gone), the first passage of the
 * index, and a one-result search for a word of it.  A damaged table
 * fails one of them, as it fails the searches. */
static hustings_status_t run_health(hustings_index_t *index, void *ctx, response *rs)
{
    unsigned long passages = 0;
    const serve_config *cfg = ctx;
    probe pr = { "", 0 };
    hustings_status_t st = hustings_index_count(index, NULL, &passages);
    if (st == HUSTINGS_STATUS_SUCCESS && passages > 0)
        st = hustings_index_dump(index, take_word, &pr);
    if (st == HUSTINGS_STATUS_SUCCESS && passages > 0 && !pr.found)
        st = HUSTINGS_STATUS_INDEX_CORRUPT; /* counted, but none can be read */
    if (st == HUSTINGS_STATUS_SUCCESS && *pr.word)
        st = search_one(index, pr.word, cfg->time_limit);
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
        with_index(rq, run_health, (void *)rq->cfg, rs);
}
