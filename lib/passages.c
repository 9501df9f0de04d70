/* passages.c - result passages: decoding stored data, the list and its
 * getters, and the dump of a whole index. */
#include "index_internal.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "article_key.h"
#include "doc_data.h"
#include "passage_internal.h"
#include "schema.h"

hustings_passage_t *hs_passages_append(hustings_passages_t *list)
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

void hs_passage_free(hustings_passage_t *p)
{
    free(p->path);
    free(p->title);
    free(p->date);
    free(p->source);
    free(p->byline);
    free(p->lang);
    free(p->site);
    free(p->text);
    free(p->article);
    free(p->cluster);
    free(p->highlights);
    memset(p, 0, sizeof *p);
}

void hustings_passages_destroy(hustings_passages_t *passages)
{
    if (!passages)
        return;
    for (size_t i = 0; i < passages->n; i++)
        hs_passage_free(&passages->items[i]);
    free(passages->items);
    free(passages->suggestion);
    free(passages);
}

/* A copy of the string member `key` of o; NULL when absent.  *failed is
 * set when it is present but cannot be copied. */
static char *member(json_object *o, const char *key, int *failed)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return NULL;
    char *s = strdup(json_object_get_string(v));
    if (!s)
        *failed = 1;
    return s;
}

static unsigned member_uint(json_object *o, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(o, key, &v) ? (unsigned)json_object_get_int64(v) : 0;
}

/* The fields of docid's article from the first passage hx_db_earlier_data
 * finds going `back`: NULL in *fields when that is no first passage. */
static hustings_status_t first_passage_fields(hx_db *db, unsigned docid, unsigned back,
                                              json_object **fields)
{
    char *head = NULL;
    size_t len = 0;
    *fields = NULL;
    hustings_status_t st = hx_db_earlier_data(db, docid, back, HS_SLOT_ARTICLE,
                                              HS_PREFIX_ARTICLE, &head, &len);
    if (st == HUSTINGS_STATUS_SUCCESS && !(*fields = hs_data_parse(head, len)))
        st = HUSTINGS_STATUS_INDEX_CORRUPT; /* a passage without its data */
    free(head);
    if (*fields && !json_object_object_get_ex(*fields, "path", NULL)) {
        json_object_put(*fields);
        *fields = NULL;
    }
    return st;
}

/* The article's fields (path, title, ...) are in its first passage's data
 * only (index_write.c): for a later passage, read them from there.  That
 * is `ordinal` documents earlier, unless a remote server interleaves
 * databases of its own (then it may be another passage of the article);
 * going back further than the first document finds it through the
 * article's term. */
static hustings_status_t article_fields(hx_db *db, unsigned docid, json_object *o,
                                        json_object **fields)
{
    *fields = NULL;
    if (json_object_object_get_ex(o, "path", NULL)) {
        *fields = json_object_get(o);
        return HUSTINGS_STATUS_SUCCESS;
    }
    hustings_status_t st = first_passage_fields(db, docid, member_uint(o, "ordinal"), fields);
    if (st == HUSTINGS_STATUS_SUCCESS && !*fields)
        st = first_passage_fields(db, docid, HS_BACK_BEFORE_FIRST, fields);
    if (st == HUSTINGS_STATUS_SUCCESS && !*fields)
        st = HUSTINGS_STATUS_INDEX_CORRUPT; /* no first passage */
    return st;
}

/* hs_passage_decode, for passages of one article when known is not NULL:
 * *known keeps the fields of its first passage once read, for the
 * others. */
static hustings_status_t decode(hustings_passages_t *list, hx_db *db, unsigned docid,
                                double weight, const char *data, size_t len,
                                json_object **known)
{
    json_object *o = hs_data_parse(data, len), *f = NULL;
    if (!o) /* every passage has its data (or docdata.glass was lost) */
        return HUSTINGS_STATUS_INDEX_CORRUPT;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (known && *known && !json_object_object_get_ex(o, "path", NULL))
        f = json_object_get(*known);
    else
        st = article_fields(db, docid, o, &f);
    if (known && f && f != *known) {
        json_object_put(*known);
        *known = json_object_get(f);
    }
    hustings_passage_t *p = st == HUSTINGS_STATUS_SUCCESS ? hs_passages_append(list) : NULL;
    if (!p) {
        json_object_put(o);
        json_object_put(f);
        return st == HUSTINGS_STATUS_SUCCESS ? HUSTINGS_STATUS_OUT_OF_MEMORY : st;
    }
    int failed = 0;
    p->score = weight;
    p->path = member(f, "path", &failed);
    p->title = member(f, "title", &failed);
    p->date = member(f, "date", &failed);
    json_object *source = NULL;
    json_object_object_get_ex(f, "date_source", &source);
    p->date_source = hs_data_date_source(p->date, source ? json_object_get_string(source) : NULL);
    p->source = member(f, "source", &failed);
    p->byline = member(f, "byline", &failed);
    p->lang = member(f, "lang", &failed);
    p->site = member(f, "site", &failed);
    p->cluster = member(f, "cluster", &failed);
    p->text = member(o, "text", &failed);
    p->ordinal = member_uint(o, "ordinal");
    p->paragraph = member_uint(o, "paragraph");
    p->copies = 1;
    char *id = member(f, "id", &failed);
    json_object_put(o);
    json_object_put(f);
    if (!failed && p->path) {
        hs_buf key = HS_BUF_INIT;
        if (hs_article_name(p->path, id, &key) == 0)
            p->article = hs_buf_detach(&key);
        hs_buf_free(&key);
    }
    free(id);
    if (failed || !p->path || !p->title || !p->text || !p->article) {
        hs_passage_free(p);
        list->n--;
        return failed ? HUSTINGS_STATUS_OUT_OF_MEMORY : HUSTINGS_STATUS_INDEX_CORRUPT;
    }
    return HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hs_passage_decode(hustings_passages_t *list, hx_db *db, unsigned docid,
                                    double weight, const char *data, size_t len)
{
    return decode(list, db, docid, weight, data, len, NULL);
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

const char *hustings_passages_get_suggestion(hustings_passages_t *passages)
{
    return passages ? passages->suggestion : NULL;
}

unsigned hustings_passage_get_rank(hustings_passage_t *p) { return p ? p->rank : 0; }
double hustings_passage_get_score(hustings_passage_t *p) { return p ? p->score : 0.0; }
const char *hustings_passage_get_path(hustings_passage_t *p) { return p ? p->path : NULL; }
const char *hustings_passage_get_title(hustings_passage_t *p) { return p ? p->title : NULL; }
const char *hustings_passage_get_date(hustings_passage_t *p) { return p ? p->date : NULL; }
const char *hustings_passage_get_date_source(hustings_passage_t *p)
{
    return p ? p->date_source : NULL;
}
const char *hustings_passage_get_source(hustings_passage_t *p) { return p ? p->source : NULL; }
const char *hustings_passage_get_byline(hustings_passage_t *p) { return p ? p->byline : NULL; }
const char *hustings_passage_get_lang(hustings_passage_t *p) { return p ? p->lang : NULL; }
const char *hustings_passage_get_site(hustings_passage_t *p) { return p ? p->site : NULL; }
unsigned long hustings_passage_get_copies(hustings_passage_t *p) { return p ? p->copies : 0; }
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

typedef struct decoder {
    hx_db *db;
    hustings_passages_t *list;
    json_object *first;      /* the article's first passage, once decoded */
    hustings_status_t st;
} decoder;

/* hx_doc_fn: decode without a weight.  The article's passages come in
 * docid order, its first one first: the later ones take its fields
 * instead of reading it again. */
static int decode_doc(void *ctx, unsigned docid, const char *data, size_t len)
{
    decoder *d = ctx;
    if (hs_is_article_doc_data(data, len)) /* the article's own document (schema.h) */
        return 0;
    d->st = decode(d->list, d->db, docid, 0.0, data, len, &d->first);
    return d->st != HUSTINGS_STATUS_SUCCESS;
}

/* hx_term_fn: every passage of one article, in order. */
static int dump_article(void *ctx, const char *term, unsigned long freq)
{
    (void)freq;
    dumper *d = ctx;
    hustings_passages_t list;
    memset(&list, 0, sizeof list);
    decoder dec = { d->index->db, &list, NULL, HUSTINGS_STATUS_SUCCESS };
    d->st = hx_db_each_doc(d->index->db, term, decode_doc, &dec);
    json_object_put(dec.first);
    if (d->st == HUSTINGS_STATUS_SUCCESS)
        d->st = dec.st;
    if (d->st == HUSTINGS_STATUS_SUCCESS && list.n)
        qsort(list.items, list.n, sizeof *list.items, compare_ordinals);
    for (size_t i = 0; i < list.n; i++) {
        if (d->st == HUSTINGS_STATUS_SUCCESS && !d->stopped && d->fn(d->ctx, &list.items[i]))
            d->stopped = 1;
        hs_passage_free(&list.items[i]);
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
