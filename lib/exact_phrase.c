/* exact_phrase.c - exact phrases checked in the text: see exact_phrase.h. */
#include "exact_phrase.h"

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "index_internal.h"
#include "passage_internal.h"

struct hs_exact_check {
    const hs_qgroup **phrases;
    size_t n;
    hx_db *db;
    hustings_status_t status;
};

/* An ="exact phrase", or an =word whose other forms are not all known:
 * their matches are supersets (exact_phrase.h).  Another =word is found
 * without its other forms (query_build.c). */
static int is_exact_phrase(const hs_qexpr *e)
{
    return e->kind == HS_QK_GROUP && e->group.exact_only &&
           (e->group.n_words > 1 || !e->group.words[0].forms_complete);
}

static int add_phrase(hs_exact_check *c, const hs_qgroup *g)
{
    const hs_qgroup **p = realloc(c->phrases, (c->n + 1) * sizeof *p);
    if (!p)
        return -1;
    c->phrases = p;
    c->phrases[c->n++] = g;
    return 0;
}

/* Add the exact phrases that every match of e needs: e itself, the kids
 * of an AND, or the one item of a list whose other items are constraints
 * (fields, dates); not an OR's alternatives, nor excluded ones. */
static int collect(hs_exact_check *c, const hs_qexpr *e)
{
    if (e->excluded)
        return 0;
    if (is_exact_phrase(e))
        return add_phrase(c, &e->group);
    if (e->kind == HS_QK_AND) {
        for (size_t i = 0; i < e->n_kids; i++)
            if (collect(c, e->kids[i]) < 0)
                return -1;
        return 0;
    }
    if (e->kind != HS_QK_DEFAULT)
        return 0;
    const hs_qexpr *item = NULL;
    size_t items = 0;
    for (size_t i = 0; i < e->n_kids; i++)
        if (!e->kids[i]->excluded && !hs_qexpr_is_constraint(e->kids[i])) {
            item = e->kids[i];
            items++;
        }
    return items == 1 ? collect(c, item) : 0;
}

int hs_exact_check_new(const hs_parsed_query *pq, hx_db *db, hs_exact_check **out)
{
    *out = NULL;
    hs_exact_check *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->db = db;
    c->status = HUSTINGS_STATUS_SUCCESS;
    if (pq->root && collect(c, pq->root) < 0) {
        hs_exact_check_free(c);
        return -1;
    }
    if (c->n == 0) {
        hs_exact_check_free(c);
        return 0;
    }
    *out = c;
    return 0;
}

/* Whether group g stands in text: 1, 0, or -1 when out of memory.  Its
 * words are exact forms, compared as written: no stemming is needed. */
static int holds(const hs_qgroup *g, const char *text)
{
    return hs_highlight_holds(&g, 1, NULL, NULL, text, strlen(text));
}

int hs_exact_check_keep(void *check, unsigned docid, const char *data, size_t len)
{
    hs_exact_check *c = check;
    hustings_passages_t one = { NULL, 0, 0, 0, NULL };
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    /* the passage's own text first: its headline, which is read from the
     * article's first passage, only when the text lacks a phrase */
    json_object *o = hs_data_parse(data, len);
    const char *text = hs_data_text(o);
    int keep = text ? 1 : -1;
    for (size_t i = 0; i < c->n && keep > 0; i++) {
        keep = holds(c->phrases[i], text);
        if (keep == 0 && one.n == 0)
            st = hs_passage_decode(&one, c->db, docid, 0, data, len);
        if (keep == 0 && st == HUSTINGS_STATUS_SUCCESS)
            keep = holds(c->phrases[i], one.items[0].title);
    }
    json_object_put(o);
    if (st != HUSTINGS_STATUS_SUCCESS)
        keep = 0;
    if (keep < 0)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS && c->status == HUSTINGS_STATUS_SUCCESS)
        c->status = st;
    for (size_t i = 0; i < one.n; i++)
        hs_passage_free(&one.items[i]);
    free(one.items);
    return keep > 0;
}

hustings_status_t hs_exact_check_status(const hs_exact_check *check)
{
    return check ? check->status : HUSTINGS_STATUS_SUCCESS;
}

void hs_exact_check_free(hs_exact_check *check)
{
    if (!check)
        return;
    free(check->phrases);
    free(check);
}
