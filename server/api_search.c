/* api_search.c - GET /api/search: ranked passages, the totals of passages
 * and articles, the facets and the suggestion, for one query. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "index_access.h"
#include "params.h"
#include "passage_json.h"
#include "serve.h"

#define DEFAULT_FACETS "year,month,source,lang"

static const char *const allowed[] = { "q", "limit", "offset", "lang", "source", "from", "to",
                                       "sort", "facets", "per_article", "collapse",
                                       "thesaurus", "articles", NULL };

typedef struct search {
    const char *q;
    const char *lang, *source, *from, *to;
    unsigned limit, offset, per_article;
    int collapse, thesaurus;
    int articles;               /* count the articles (articles=1) */
    hustings_sort_t sort;
    unsigned facets;            /* bit i: hustings_facet_names()[i] asked for */
    double time_limit;          /* of each query call (--time-limit) */
    const serve_config *cfg;    /* the indexes, for a second handle */
} search;

/* lang=: two or three letters. */
static int valid_lang(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            return 0;
    return n == 2 || n == 3;
}

/* source=: a host or a site name, without control characters. */
static int valid_source(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if ((unsigned char)*s < ' ' || *s == 0x7F)
            return 0;
    return 1;
}

static int parse_facets(const char *list, unsigned *out)
{
    *out = 0;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        const char *const *names = hustings_facet_names();
        size_t i = 0;
        for (; names[i]; i++)
            if (strlen(names[i]) == n && strncmp(p, names[i], n) == 0)
                break;
        if (n && !names[i])
            return -1;
        if (n)
            *out |= 1u << i;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* The parameters, checked; 0, or -1 with a 400 in rs. */
static int read_params(request *rq, search *s, response *rs)
{
    if (params_check(rq, allowed, rs) < 0)
        return -1;
    memset(s, 0, sizeof *s);
    s->q = param_get(rq, "q");
    if (!s->q || !s->q[strspn(s->q, " \t\r\n")]) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "q: a query is needed");
        return -1;
    }
    unsigned collapse, thesaurus, articles;
    if (param_uint(rq, "limit", 10, SERVE_MAX_LIMIT, &s->limit, rs) < 0 ||
        param_uint(rq, "offset", 0, SERVE_MAX_OFFSET, &s->offset, rs) < 0 ||
        param_uint(rq, "per_article", 0, SERVE_MAX_LIMIT, &s->per_article, rs) < 0 ||
        param_uint(rq, "collapse", 1, 1, &collapse, rs) < 0 ||
        param_uint(rq, "thesaurus", 1, 1, &thesaurus, rs) < 0 ||
        param_uint(rq, "articles", 0, 1, &articles, rs) < 0)
        return -1;
    s->collapse = (int)collapse;
    s->thesaurus = (int)thesaurus;
    s->articles = (int)articles;

    const char *sort = param_get(rq, "sort");
    if (!sort || !*sort || strcmp(sort, "relevance") == 0) {
        s->sort = HUSTINGS_SORT_RELEVANCE;
    } else if (strcmp(sort, "date") == 0) {
        s->sort = HUSTINGS_SORT_DATE;
    } else if (strcmp(sort, "-date") == 0) {
        s->sort = HUSTINGS_SORT_DATE_DESC;
    } else {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "sort: relevance, date or -date");
        return -1;
    }
    const char *facets = param_get(rq, "facets");
    if (parse_facets(facets ? facets : DEFAULT_FACETS, &s->facets) < 0) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "facets: a comma-separated list of year, "
                                                 "month, source and lang");
        return -1;
    }
    s->lang = param_get(rq, "lang");
    if (s->lang && *s->lang && !valid_lang(s->lang)) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "lang: a two- or three-letter code, e.g. en");
        return -1;
    }
    s->source = param_get(rq, "source");
    if (s->source && *s->source && !valid_source(s->source)) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "source: a host or a site name, without "
                                                 "control characters");
        return -1;
    }
    s->from = param_get(rq, "from");
    s->to = param_get(rq, "to");
    return 0;
}

typedef struct facet_sink {
    json_object *counts;
    int oom;
} facet_sink;

static int add_facet_value(void *ctx, const char *value, unsigned long count)
{
    facet_sink *f = ctx;
    f->oom = json_put_int(f->counts, value, (long long)count) < 0;
    return f->oom;
}

/* {"year": {"2005": 12, ...}, ...}, each most frequent first. */
static hustings_status_t facets_json(hustings_query_t *query, unsigned which, json_object **out)
{
    json_object *all = json_object_new_object();
    hustings_status_t st = all ? HUSTINGS_STATUS_SUCCESS : HUSTINGS_STATUS_OUT_OF_MEMORY;
    const char *const *names = hustings_facet_names();
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && names[i]; i++) {
        if (!(which & 1u << i))
            continue;
        facet_sink f = { json_object_new_object(), 0 };
        st = f.counts ? hustings_query_facets(query, names[i], add_facet_value, &f)
                      : HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (st == HUSTINGS_STATUS_SUCCESS && f.oom)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (st != HUSTINGS_STATUS_SUCCESS)
            json_object_put(f.counts);
        else if (json_put(all, names[i], f.counts) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        json_object_put(all);
        all = NULL;
    }
    *out = all;
    return st;
}

static hustings_status_t results_json(hustings_passages_t *ps, const char *suggestion,
                                      json_object **out)
{
    json_object *list = json_object_new_array();
    for (; list && hustings_passages_valid(ps); hustings_passages_move_to_next(ps)) {
        json_object *o = passage_json(hustings_passages_get(ps), suggestion);
        if (!o || json_object_array_add(list, o) != 0) {
            json_object_put(o);
            json_object_put(list);
            list = NULL;
        }
    }
    *out = list;
    return list ? HUSTINGS_STATUS_SUCCESS : HUSTINGS_STATUS_OUT_OF_MEMORY;
}

/* Apply the filters and settings; QUERY_SYNTAX (with the 400 in rs) for
 * a language the library does not know ("zz") or a bad date. */
static hustings_status_t configure(hustings_query_t *query, const search *s, response *rs)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (s->lang && *s->lang) {
        st = hustings_query_add_filter(query, HUSTINGS_FILTER_LANG, s->lang);
        if (st == HUSTINGS_STATUS_QUERY_SYNTAX)
            response_error(rs, MHD_HTTP_BAD_REQUEST, "lang: a language code, e.g. en, ru or kk");
    }
    if (st == HUSTINGS_STATUS_SUCCESS && s->source && *s->source)
        st = hustings_query_add_filter(query, HUSTINGS_FILTER_SOURCE, s->source);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    hustings_query_set_limit(query, s->limit);
    hustings_query_set_offset(query, s->offset);
    hustings_query_set_sort(query, s->sort);
    hustings_query_set_per_article(query, s->per_article);
    hustings_query_set_collapse(query, s->collapse);
    hustings_query_set_thesaurus(query, s->thesaurus);
    /* one bound at a time, so that the error names the parameter */
    if (s->from && *s->from) {
        st = hustings_query_set_date_range(query, s->from, NULL);
        if (st == HUSTINGS_STATUS_QUERY_SYNTAX)
            response_error(rs, MHD_HTTP_BAD_REQUEST,
                           "from: YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)");
    }
    if (st == HUSTINGS_STATUS_SUCCESS && s->to && *s->to) {
        st = hustings_query_set_date_range(query, NULL, s->to);
        if (st == HUSTINGS_STATUS_QUERY_SYNTAX)
            response_error(rs, MHD_HTTP_BAD_REQUEST,
                           "to: YYYY, YYYY-MM, YYYY-MM-DD or a time ago (7d, 2w, 3m, 1y)");
    }
    /* both well formed: together, they must not end before they start */
    if (st == HUSTINGS_STATUS_SUCCESS && s->from && *s->from && s->to && *s->to) {
        st = hustings_query_set_date_range(query, s->from, s->to);
        if (st == HUSTINGS_STATUS_QUERY_SYNTAX)
            response_error(rs, MHD_HTTP_BAD_REQUEST, "from: after to");
    }
    return st;
}

/* The query's warnings, as an array of strings; NULL when out of memory. */
static json_object *warnings_json(hustings_query_t *query)
{
    json_object *a = json_object_new_array();
    for (unsigned i = 0; a && i < hustings_query_count_warnings(query); i++) {
        const char *w = hustings_query_get_warning(query, i);
        json_object *o = json_object_new_string(w);
        if (!o || json_object_array_add(a, o) != 0) {
            json_object_put(o);
            json_object_put(a);
            return NULL;
        }
    }
    return a;
}

/* The answer; takes results and facets, NULL when memory ran out. */
static json_object *answer(const search *s, hustings_query_t *query, unsigned long total,
                           long articles, json_object *results, json_object *facets,
                           const char *suggestion)
{
    json_object *out = json_object_new_object();
    if (!out) {
        json_object_put(results);
        json_object_put(facets);
        return NULL;
    }
    int bad = json_put_string(out, "query", s->q) < 0;
    bad |= json_put_int(out, "total", (long long)total) < 0;
    bad |= (articles < 0 ? json_object_object_add(out, "articles", NULL) != 0
                         : json_put_int(out, "articles", articles) < 0);
    bad |= json_put_int(out, "offset", s->offset) < 0;
    bad |= json_put_int(out, "limit", s->limit) < 0;
    bad |= json_put(out, "results", results) < 0;
    bad |= json_put(out, "facets", facets) < 0;
    bad |= json_put_string(out, "suggestion", suggestion) < 0;
    json_object *warnings = bad ? NULL : warnings_json(query);
    bad |= !warnings || json_put(out, "warnings", warnings) < 0;
    if (bad) {
        json_object_put(out);
        return NULL;
    }
    return out;
}

/* The counts and the facets s asks for, of query: the articles (when
 * asked for) and the facets first, so that one pass over the matches gives
 * them all and the count; *articles -1 when not asked for. */
static hustings_status_t counts_and_facets(hustings_query_t *query, const search *s,
                                           unsigned long *total, long *articles,
                                           json_object **facets)
{
    unsigned long n = 0;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    *articles = -1;
    if (s->articles && (st = hustings_query_count_articles(query, &n)) == HUSTINGS_STATUS_SUCCESS)
        *articles = (long)n;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = facets_json(query, s->facets, facets);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_query_count(query, total);
    return st;
}

/* The counts and the facets of a search, worked out beside it on a thread
 * and a handle of their own (a handle serves one thread at a time), so that
 * a page waits for the longer of the two passes rather than their sum (on
 * bbc-news x4, the count and four facets of "election" take about a third
 * of the request).  The two handles may see two commits of a running
 * indexer, as two requests would.  A failure other than running out of
 * its budget leaves the work to the request's own thread and handle, which
 * meet it again and report it as every request does. */
typedef struct tally {
    const search *s;
    thrd_t thread;
    int started;
    hustings_status_t st;
    char why[512];       /* the library's message when st failed */
    unsigned long total;
    long articles;       /* -1: not counted */
    json_object *facets;
} tally;

static int tally_run(void *arg)
{
    tally *t = arg;
    const search *s = t->s;
    hustings_index_t *index = NULL;
    hustings_query_t *query = NULL;
    response scratch;
    memset(&scratch, 0, sizeof scratch);
    t->st = hustings_index_open_shards(s->cfg->indexes, s->cfg->n_indexes, &index, NULL);
    if (t->st == HUSTINGS_STATUS_SUCCESS)
        t->st = serve_query_create(index, s->q, s->time_limit, &query);
    if (t->st == HUSTINGS_STATUS_SUCCESS)
        t->st = configure(query, s, &scratch);
    if (t->st == HUSTINGS_STATUS_SUCCESS)
        t->st = counts_and_facets(query, s, &t->total, &t->articles, &t->facets);
    if (t->st != HUSTINGS_STATUS_SUCCESS && index)
        snprintf(t->why, sizeof t->why, "%s", hustings_index_get_error(index));
    free(scratch.body);
    hustings_query_destroy(query);
    hustings_index_close(index);
    return 0;
}

static void tally_start(tally *t, const search *s)
{
    memset(t, 0, sizeof *t);
    t->s = s;
    t->started = thrd_create(&t->thread, tally_run, t) == thrd_success;
}

/* The counts and facets of query: the tally thread's, else worked out
 * here (when wanted: not after a failed search; query has run its search
 * by then).  Only a pass that ran out of its time or work budget is not
 * done again, which would cost the budget twice: QUERY_TOO_COSTLY,
 * answered here with the library's words (rs then holds the 503). */
static hustings_status_t tally_finish(tally *t, hustings_query_t *query, const search *s,
                                      int wanted, unsigned long *total, long *articles,
                                      json_object **facets, response *rs)
{
    if (t->started)
        thrd_join(t->thread, NULL);
    if (t->started && t->st == HUSTINGS_STATUS_SUCCESS && wanted) {
        *total = t->total;
        *articles = t->articles;
        *facets = t->facets;
        t->facets = NULL;
        return HUSTINGS_STATUS_SUCCESS;
    }
    json_object_put(t->facets);
    t->facets = NULL;
    if (!wanted)
        return HUSTINGS_STATUS_SUCCESS;
    if (t->started && t->st == HUSTINGS_STATUS_QUERY_TOO_COSTLY) {
        serve_too_costly(*t->why ? t->why : hustings_status_to_string(t->st), rs);
        return HUSTINGS_STATUS_QUERY_TOO_COSTLY;
    }
    return counts_and_facets(query, s, total, articles, facets);
}

static hustings_status_t run_search(hustings_index_t *index, void *ctx, response *rs)
{
    const search *s = ctx;
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    json_object *results = NULL, *facets = NULL;
    unsigned long total = 0;
    long articles = -1;
    hustings_status_t st = serve_query_create(index, s->q, s->time_limit, &query);
    if (st == HUSTINGS_STATUS_QUERY_SYNTAX) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "%s", hustings_index_get_error(index));
        return HUSTINGS_STATUS_SUCCESS;
    }
    if (st == HUSTINGS_STATUS_SUCCESS &&
        (st = configure(query, s, rs)) == HUSTINGS_STATUS_QUERY_SYNTAX) {
        hustings_query_destroy(query);
        return HUSTINGS_STATUS_SUCCESS; /* rs holds the 400 */
    }
    tally t;
    int tallying = st == HUSTINGS_STATUS_SUCCESS;
    if (tallying)
        tally_start(&t, s);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hustings_query_search(query, &ps);
    if (tallying) {
        hustings_status_t tallied =
            tally_finish(&t, query, s, st == HUSTINGS_STATUS_SUCCESS, &total, &articles, &facets,
                         rs);
        if (tallied == HUSTINGS_STATUS_QUERY_TOO_COSTLY) {
            hustings_passages_destroy(ps);
            hustings_query_destroy(query);
            return HUSTINGS_STATUS_SUCCESS; /* rs holds the 503 */
        }
        if (st == HUSTINGS_STATUS_SUCCESS)
            st = tallied;
    }
    const char *suggestion = ps ? hustings_passages_get_suggestion(ps) : NULL;
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = results_json(ps, suggestion, &results);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        json_object *out = answer(s, query, total, articles, results, facets, suggestion);
        results = facets = NULL;
        if (out)
            response_json(rs, MHD_HTTP_OK, out);
        else
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    json_object_put(results);
    json_object_put(facets);
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
    return st;
}

void api_search(request *rq, response *rs)
{
    search s;
    if (read_params(rq, &s, rs) < 0)
        return;
    s.time_limit = rq->cfg->time_limit;
    s.cfg = rq->cfg;
    with_index(rq, run_search, &s, rs);
}
