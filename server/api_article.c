/* api_article.c - GET /api/article?path=: every passage of one indexed
 * article, in order; with q=, each with the highlight ranges of that
 * search (article_marks.c).
 *
 * Nothing is read from the file system: the passages come from the index.
 * A path filter finds them at the cost of a search (the index keeps every
 * folder and file name of a path as a term); a full dump of the index,
 * O(passages), is the fallback for paths that filter cannot spell (control
 * characters, a name that starts or ends with a space), for feeds, whose
 * items share one path, and to make sure of a miss on a non-ASCII path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_marks.h"
#include "article_passages.h"
#include "index_access.h"
#include "params.h"
#include "passage_json.h"
#include "serve.h"

static const char *const allowed[] = { "path", "q", "thesaurus", NULL };

typedef struct lookup {
    const char *path;
    double time_limit;          /* of the path filter's search (--time-limit) */
    const marks *marks;         /* q's words to mark, or NULL */
} lookup;

/* Whether a path filter can find the passages of PATH: no control
 * character, and no space at either end of a name (the filter trims
 * names, the index does not). */
static int query_can_spell(const char *path)
{
    for (const char *p = path; *p; p++) {
        if ((unsigned char)*p < ' ' || *p == 0x7F)
            return 0;
        if (*p == ' ' && (p == path || p[-1] == '/' || p[1] == '/' || !p[1]))
            return 0;
    }
    return 1;
}

/* Whether a path filter that finds nothing proves there is nothing: ASCII
 * is only lower-cased, but a non-ASCII folder name that normalises to
 * nothing (only ignorable characters) is not in the index as a term. */
static int miss_is_sure(const char *path)
{
    for (const char *p = path; *p; p++)
        if ((unsigned char)*p >= 0x80)
            return 0;
    return 1;
}

/* The answer: the article's fields from its first passage, and the
 * passages (taken); NULL when memory ran out. */
static json_object *answer(const char *path, json_object *first, json_object *passages)
{
    static const char *const fields[] = { "title", "date", "source", "byline", "lang", "site" };
    json_object *out = json_object_new_object();
    if (!out) {
        json_object_put(passages);
        return NULL;
    }
    int bad = json_put_string(out, "path", path) < 0;
    for (size_t i = 0; !bad && i < sizeof fields / sizeof *fields; i++) {
        json_object *v = NULL;
        json_object_object_get_ex(first, fields[i], &v);
        v = json_object_get(v); /* shared with the first passage */
        if (json_object_object_add(out, fields[i], v) != 0) {
            json_object_put(v);
            bad = 1;
        }
    }
    bad |= json_put(out, "passages", passages) < 0;
    if (bad) {
        json_object_put(out);
        return NULL;
    }
    return out;
}

/* The passages of path through a path filter, sorted by ordinal, into
 * *list (an empty list when there are none).  *feed is set when two share
 * an ordinal: several articles (a feed's items) live at that path. */
static hustings_status_t by_query(hustings_index_t *index, const lookup *lk, json_object **list,
                                  int *feed)
{
    const char *path = lk->path;
    hustings_query_t *query = NULL;
    hustings_passages_t *ps = NULL;
    hustings_passage_t **found = NULL;
    size_t n = 0;
    *list = NULL;
    *feed = 0;
    hustings_status_t st = serve_query_create(index, "", lk->time_limit, &query);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hustings_query_set_thesaurus(query, 0);
        st = article_passages(query, path, &ps, &found, &n);
    }
    if (st == HUSTINGS_STATUS_SUCCESS && !(*list = json_object_new_array()))
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < n && !*feed; i++) {
        if (i && hustings_passage_get_ordinal(found[i - 1]) ==
                     hustings_passage_get_ordinal(found[i])) {
            *feed = 1;
            break;
        }
        json_object *o = passage_json_plain(found[i]);
        if (!o || json_object_array_add(*list, o) != 0) {
            json_object_put(o);
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        }
    }
    if (st != HUSTINGS_STATUS_SUCCESS || *feed) {
        json_object_put(*list);
        *list = NULL;
    }
    free(found);
    hustings_passages_destroy(ps);
    hustings_query_destroy(query);
    return st;
}

typedef struct dump_sink {
    const char *path;
    json_object *list;
    int oom;
} dump_sink;

static int collect(void *ctx, hustings_passage_t *p)
{
    dump_sink *d = ctx;
    if (strcmp(hustings_passage_get_path(p), d->path) != 0)
        return 0;
    if (json_object_array_length(d->list) >= SERVE_MAX_PASSAGES)
        return 1;
    json_object *o = passage_json_plain(p);
    if (!o || json_object_array_add(d->list, o) != 0) {
        json_object_put(o);
        d->oom = 1;
    }
    return d->oom;
}

/* The passages of path from a dump of the whole index, in its canonical
 * order (by article, then ordinal). */
static hustings_status_t by_dump(hustings_index_t *index, const char *path, json_object **list)
{
    dump_sink d = { path, json_object_new_array(), 0 };
    hustings_status_t st = d.list ? hustings_index_dump(index, collect, &d)
                                  : HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st == HUSTINGS_STATUS_SUCCESS && d.oom)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS) {
        json_object_put(d.list);
        d.list = NULL;
    }
    *list = d.list;
    return st;
}

static hustings_status_t run_article(hustings_index_t *index, void *ctx, response *rs)
{
    const lookup *lk = ctx;
    const char *path = lk->path;
    json_object *list = NULL;
    int feed = 0;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (query_can_spell(path))
        st = by_query(index, lk, &list, &feed);
    if (st == HUSTINGS_STATUS_SUCCESS && list && json_object_array_length(list) == 0 &&
        !miss_is_sure(path)) {
        json_object_put(list);
        list = NULL;
    }
    if (st == HUSTINGS_STATUS_SUCCESS && !list)
        st = by_dump(index, path, &list);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    if (json_object_array_length(list) == 0) {
        json_object_put(list);
        response_error(rs, MHD_HTTP_NOT_FOUND, "no article with that path in the index");
        return HUSTINGS_STATUS_SUCCESS;
    }
    if (lk->marks) {
        st = article_marks(index, query_can_spell(path) ? path : NULL, lk->marks, list);
        if (st != HUSTINGS_STATUS_SUCCESS) {
            json_object_put(list);
            if (st != HUSTINGS_STATUS_QUERY_SYNTAX)
                return st;
            response_error(rs, MHD_HTTP_BAD_REQUEST, "%s", hustings_index_get_error(index));
            return HUSTINGS_STATUS_SUCCESS;
        }
    }
    json_object *out = answer(path, json_object_array_get_idx(list, 0), list);
    if (!out)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    response_json(rs, MHD_HTTP_OK, out);
    return HUSTINGS_STATUS_SUCCESS;
}

void api_article(request *rq, response *rs)
{
    if (params_check(rq, allowed, rs) < 0)
        return;
    const char *path = param_get(rq, "path");
    if (!path || !*path) {
        response_error(rs, MHD_HTTP_BAD_REQUEST, "path: the path of an indexed article is needed");
        return;
    }
    if (path[0] != '/') { /* the index keeps absolute paths only */
        response_error(rs, MHD_HTTP_NOT_FOUND, "no article with that path in the index");
        return;
    }
    unsigned thesaurus;
    if (param_uint(rq, "thesaurus", 1, 1, &thesaurus, rs) < 0)
        return;
    const char *q = param_get(rq, "q");
    marks mk = { q, (int)thesaurus, rq->cfg->time_limit };
    int marking = q && q[strspn(q, " \t\r\n")]; /* a blank q marks nothing */
    lookup lk = { path, rq->cfg->time_limit, marking ? &mk : NULL };
    with_index(rq, run_article, &lk, rs);
}
