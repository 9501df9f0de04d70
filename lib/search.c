/* search.c - running a query tier by tier and collecting the passages. */
#include "index_internal.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "query.h"
#include "schema.h"

struct _hustings_query {
    hustings_index_t *index;
    hs_stemmer *stemmer;
    hs_parsed_query *parsed;
    unsigned limit, offset;
};

struct _hustings_passage {
    unsigned rank;
    double score;
    char *path, *title, *date, *source, *text;
    unsigned ordinal, paragraph;
    hs_range *highlights;
    size_t n_highlights;
};

struct _hustings_passages {
    hustings_passage_t *items;
    size_t n, cap;
    size_t current;
};

hustings_status_t hustings_query_create(hustings_index_t *index,
                                        const char *query_string,
                                        hustings_query_t **query)
{
    if (!index || !query_string || !query)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_query_t *q = calloc(1, sizeof *q);
    if (!q || !(q->stemmer = hs_stemmer_new()) ||
        !(q->parsed = hs_query_parse(query_string, q->stemmer))) {
        hustings_query_destroy(q);
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    q->index = index;
    q->limit = 10;
    *query = q;
    return HUSTINGS_STATUS_SUCCESS;
}

void hustings_query_set_limit(hustings_query_t *query, unsigned limit)
{
    if (query)
        query->limit = limit;
}

void hustings_query_set_offset(hustings_query_t *query, unsigned offset)
{
    if (query)
        query->offset = offset;
}

void hustings_query_destroy(hustings_query_t *query)
{
    if (!query)
        return;
    hs_parsed_query_free(query->parsed);
    hs_stemmer_free(query->stemmer);
    free(query);
}

static void passage_free(hustings_passage_t *p)
{
    free(p->path);
    free(p->title);
    free(p->date);
    free(p->source);
    free(p->text);
    free(p->highlights);
}

void hustings_passages_destroy(hustings_passages_t *passages)
{
    if (!passages)
        return;
    for (size_t i = 0; i < passages->n; i++)
        passage_free(&passages->items[i]);
    free(passages->items);
    free(passages);
}

/* A copy of the string member `key` of o, or NULL when absent. */
static char *member(json_object *o, const char *key)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return NULL;
    return strdup(json_object_get_string(v));
}

static unsigned member_uint(json_object *o, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(o, key, &v) ? (unsigned)json_object_get_int64(v) : 0;
}

/* Append an empty slot to list; NULL when out of memory. */
static hustings_passage_t *append_slot(hustings_passages_t *list)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        hustings_passage_t *p = realloc(list->items, cap * sizeof *p);
        if (!p)
            return NULL;
        list->items = p;
        list->cap = cap;
    }
    hustings_passage_t *p = &list->items[list->n++];
    memset(p, 0, sizeof *p);
    return p;
}

typedef struct collector {
    hustings_passages_t *list;
    int failed;
} collector;

/* hx_match_fn: decode one match's document data into a passage. */
static int collect_match(void *ctx, double weight, const char *data, size_t len)
{
    collector *c = ctx;
    hustings_passages_t *list = c->list;
    json_tokener *tok = json_tokener_new();
    json_object *o = tok ? json_tokener_parse_ex(tok, data, (int)len) : NULL;
    json_tokener_free(tok);
    hustings_passage_t *p = o ? append_slot(list) : NULL;
    if (!p) {
        json_object_put(o);
        c->failed = 1; /* documents are written by us: only memory can fail */
        return 1;
    }
    p->score = weight;
    p->path = member(o, "path");
    p->title = member(o, "title");
    p->date = member(o, "date");
    p->source = member(o, "source");
    p->text = member(o, "text");
    p->ordinal = member_uint(o, "ordinal");
    p->paragraph = member_uint(o, "paragraph");
    json_object_put(o);
    if (!p->path || !p->title || !p->text)
        c->failed = 1;
    return c->failed;
}

/* Search one tier for its best `ask` passages into *list. */
static hustings_status_t search_tier(hustings_query_t *query, int tier,
                                     unsigned long ask, hustings_passages_t *list)
{
    hs_qnode *q = hs_query_build_tier(query->parsed, tier);
    if (!q)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    collector c = { list, 0 };
    hustings_status_t st = hx_db_search(query->index->db, q, 0, (unsigned)ask,
                                        collect_match, &c, NULL);
    hs_qnode_free(q);
    if (st == HUSTINGS_STATUS_SUCCESS && c.failed)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    return st;
}

/* Move passage p to the end of out as the next result, with highlights. */
static hustings_status_t take(hustings_query_t *query, hustings_passages_t *out,
                              hustings_passage_t *p)
{
    if (hs_highlight(query->parsed, query->stemmer, p->text, strlen(p->text),
                     &p->highlights, &p->n_highlights) < 0)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    hustings_passage_t *slot = append_slot(out);
    if (!slot)
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    *slot = *p;
    slot->rank = query->offset + (unsigned)out->n;
    memset(p, 0, sizeof *p);
    return HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hustings_query_search(hustings_query_t *query,
                                        hustings_passages_t **passages)
{
    if (!query || !passages)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_passages_t *out = calloc(1, sizeof *out);
    if (!out)
        return hs_index_fail(query->index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    /* Tiers are searched in turn: all of a tier's passages rank above the
     * next tier's.  `skip` is what is left of the offset, `want` the
     * passages still wanted. */
    unsigned long skip = query->offset, want = query->limit;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (int tier = 0; tier < HS_N_TIERS && want > 0 && st == HUSTINGS_STATUS_SUCCESS; tier++) {
        hustings_passages_t found = { 0 };
        st = search_tier(query, tier, skip + want, &found);
        for (size_t i = 0; i < found.n; i++) {
            if (st == HUSTINGS_STATUS_SUCCESS && i >= skip && want > 0) {
                st = take(query, out, &found.items[i]);
                want--;
            }
            passage_free(&found.items[i]);
        }
        skip = skip > found.n ? skip - found.n : 0;
        free(found.items);
    }
    if (st != HUSTINGS_STATUS_SUCCESS) {
        if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
            hs_index_fail(query->index, st, "out of memory");
        else
            hs_index_fail_db(query->index, st);
        hustings_passages_destroy(out);
        return st;
    }
    *passages = out;
    return st;
}

int hustings_passages_valid(hustings_passages_t *passages)
{
    return passages && passages->current < passages->n;
}

hustings_passage_t *hustings_passages_get(hustings_passages_t *passages)
{
    return hustings_passages_valid(passages) ? &passages->items[passages->current] : NULL;
}

void hustings_passages_move_to_next(hustings_passages_t *passages)
{
    if (hustings_passages_valid(passages))
        passages->current++;
}

unsigned hustings_passages_count(hustings_passages_t *passages)
{
    return passages ? (unsigned)passages->n : 0;
}

unsigned hustings_passage_get_rank(hustings_passage_t *p) { return p ? p->rank : 0; }
double hustings_passage_get_score(hustings_passage_t *p) { return p ? p->score : 0.0; }
const char *hustings_passage_get_path(hustings_passage_t *p) { return p ? p->path : NULL; }
const char *hustings_passage_get_title(hustings_passage_t *p) { return p ? p->title : NULL; }
const char *hustings_passage_get_date(hustings_passage_t *p) { return p ? p->date : NULL; }
const char *hustings_passage_get_source(hustings_passage_t *p) { return p ? p->source : NULL; }
unsigned hustings_passage_get_ordinal(hustings_passage_t *p) { return p ? p->ordinal : 0; }
unsigned hustings_passage_get_paragraph(hustings_passage_t *p) { return p ? p->paragraph : 0; }
const char *hustings_passage_get_text(hustings_passage_t *p) { return p ? p->text : NULL; }

unsigned hustings_passage_count_highlights(hustings_passage_t *p)
{
    return p ? (unsigned)p->n_highlights : 0;
}

int hustings_passage_get_highlight(hustings_passage_t *p, unsigned i,
                                   size_t *start, size_t *end)
{
    if (!p || i >= p->n_highlights || !start || !end)
        return -1;
    *start = p->highlights[i].start;
    *end = p->highlights[i].end;
    return 0;
}

/* ---- dump ---------------------------------------------------------------- */

typedef struct dumper {
    hustings_index_t *index;
    hustings_passage_fn fn;
    void *ctx;
    hustings_status_t st;
    int stopped;
} dumper;

static int compare_ordinals(const void *a, const void *b)
{
    const hustings_passage_t *x = a, *y = b;
    return (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
}

/* hx_doc_fn: collect_match without a weight. */
static int collect_doc(void *ctx, unsigned docid, const char *data, size_t len)
{
    (void)docid;
    return collect_match(ctx, 0.0, data, len);
}

/* hx_term_fn: every passage of one article, in order. */
static int dump_article(void *ctx, const char *term, unsigned long freq)
{
    (void)freq;
    dumper *d = ctx;
    hustings_passages_t list = { 0 };
    collector c = { &list, 0 };
    d->st = hx_db_each_doc(d->index->db, term, collect_doc, &c);
    if (d->st == HUSTINGS_STATUS_SUCCESS && c.failed)
        d->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (d->st == HUSTINGS_STATUS_SUCCESS && list.n)
        qsort(list.items, list.n, sizeof *list.items, compare_ordinals);
    for (size_t i = 0; i < list.n; i++) {
        if (d->st == HUSTINGS_STATUS_SUCCESS && !d->stopped && d->fn(d->ctx, &list.items[i]))
            d->stopped = 1;
        passage_free(&list.items[i]);
    }
    free(list.items);
    return d->st != HUSTINGS_STATUS_SUCCESS || d->stopped;
}

hustings_status_t hustings_index_dump(hustings_index_t *index, hustings_passage_fn fn, void *ctx)
{
    if (!index || !fn)
        return HUSTINGS_STATUS_NULL_POINTER;
    dumper d = { index, fn, ctx, HUSTINGS_STATUS_SUCCESS, 0 };
    hustings_status_t st = hx_db_each_term(index->db, HS_PREFIX_ARTICLE, dump_article, &d);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = d.st;
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return hs_index_fail(index, st, "out of memory");
    return st == HUSTINGS_STATUS_SUCCESS ? st : hs_index_fail_db(index, st);
}
