/* query_warnings.c - what a query may not do as its writer meant, in words
 * for people (hustings_query_get_warning): what the parse of plain words
 * left out (query_parse.c notes it), a word that reads as a field the
 * language does not have, a query with nothing to search for, date
 * filters that leave undated articles out (the query counts them,
 * search.c). */
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "spelling.h"

/* ---- the list --------------------------------------------------------------- */

int hs_warnings_add(hs_warnings *w, const char *message)
{
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->items[i], message) == 0)
            return 0;
    char **items = realloc(w->items, (w->n + 1) * sizeof *items);
    if (!items)
        return -1;
    w->items = items;
    if (!(w->items[w->n] = strdup(message)))
        return -1;
    w->n++;
    return 0;
}

void hs_warnings_remove(hs_warnings *w, size_t i)
{
    if (i >= w->n)
        return;
    free(w->items[i]);
    memmove(&w->items[i], &w->items[i + 1], (w->n - i - 1) * sizeof *w->items);
    w->n--;
}

void hs_warnings_free(hs_warnings *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->items[i]);
    free(w->items);
    w->items = NULL;
    w->n = 0;
}

/* ---- unknown fields ----------------------------------------------------------- */

/* The field whose name is nearest to name[0..len) (in any case) as a
 * spelling suggestion measures it, or NULL when none is near; the first
 * of the table among equally near ones. */
static const hs_field *nearest_field(const char *name, size_t len)
{
    char lower[32];
    if (len >= sizeof lower)
        return NULL;
    for (size_t i = 0; i < len; i++)
        lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] - 'A' + 'a' : name[i]);
    lower[len] = '\0';
    const hs_field *best = NULL;
    int best_d = -1;
    for (size_t i = 0; i < hs_field_count(); i++) {
        int d = hs_spelling_distance(lower, hs_field_at(i)->name);
        if (d >= 0 && (best_d < 0 || d < best_d)) {
            best = hs_field_at(i);
            best_d = d;
        }
    }
    return best;
}

/* The message for the unknown field name[0..len). */
static int unknown_field(hs_warnings *w, const char *name, size_t len)
{
    hs_buf msg = HS_BUF_INIT;
    const hs_field *near = nearest_field(name, len);
    int rc = hs_buf_printf(&msg, "%.*s: is not a field", (int)len, name);
    if (rc == 0 && near) {
        rc = hs_buf_printf(&msg, "; did you mean %s:?", near->name);
    } else {
        rc |= hs_buf_puts(&msg, " (the fields are");
        for (size_t i = 0; rc == 0 && i < hs_field_count(); i++)
            rc = hs_buf_printf(&msg, "%s %s:", i ? "," : "", hs_field_at(i)->name);
        rc |= hs_buf_puts(&msg, ")");
    }
    rc = rc == 0 ? hs_warnings_add(w, hs_buf_str(&msg)) : -1;
    hs_buf_free(&msg);
    return rc;
}

int hs_query_note_parse(hs_warnings *w, const hs_parsed_query *pq, const char *q)
{
    hs_buf msg = HS_BUF_INIT;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < pq->n_left_out; i++) {
        hs_buf_reset(&msg);
        rc = hs_buf_printf(&msg, "%s: %s; it was left out of the query", pq->left_out[i].text,
                           pq->left_out[i].why);
        if (rc == 0)
            rc = hs_warnings_add(w, hs_buf_str(&msg));
    }
    hs_buf_free(&msg);
    size_t n = 0, name_len;
    hs_qtok *toks = rc == 0 ? hs_query_lex(q, 0, &n) : NULL;
    if (!toks)
        rc = -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        if (hs_query_unknown_field(q, &toks[i], &name_len))
            rc = unknown_field(w, toks[i].text, name_len);
    free(toks);
    return rc;
}

/* ---- nothing to search for --------------------------------------------------- */

/* What a query holds to search for. */
typedef struct survey {
    int positive;      /* something that finds passages: a word, a field */
    int excluded;      /* something left out */
    hs_buf common;     /* its very common words (not searched for), listed */
    size_t n_common;
    int failed;        /* out of memory */
} survey;

/* The very common words listed in a message, at most. */
#define COMMON_LISTED 5

static void list_common(survey *s, const hs_qgroup *g)
{
    for (size_t i = 0; i < g->n_words && !s->failed; i++) {
        if (s->n_common++ < COMMON_LISTED)
            s->failed = hs_buf_printf(&s->common, "%s%s", s->common.len ? ", " : "",
                                      g->words[i].exact) < 0;
        else if (s->n_common == COMMON_LISTED + 1)
            s->failed = hs_buf_puts(&s->common, ", ...") < 0;
    }
}

static void survey_expr(survey *s, const hs_qexpr *e)
{
    if (e->excluded) {
        s->excluded = 1;
        return;
    }
    switch (e->kind) {
    case HS_QK_GROUP:
    case HS_QK_TITLE:
        if (hs_qexpr_termless(e))
            list_common(s, &e->group);
        else
            s->positive = 1;
        return;
    case HS_QK_NEAR:
    case HS_QK_FILTER:
        s->positive = 1;
        return;
    default:
        for (size_t i = 0; i < e->n_kids; i++)
            survey_expr(s, e->kids[i]);
    }
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (!hs_query_is_space(*s))
            return 0;
    return 1;
}

int hs_query_note_nothing_to_find(hs_warnings *w, const hs_parsed_query *pq, const char *typed)
{
    survey s = { 0, 0, HS_BUF_INIT, 0, 0 };
    if (pq->root)
        survey_expr(&s, pq->root);
    hs_buf msg = HS_BUF_INIT;
    int rc = s.failed ? -1 : 0;
    if (rc < 0 || s.positive)
        ;
    else if (s.excluded)
        rc = hs_buf_puts(&msg, "the query only leaves words out: NOT and -word take away from "
                               "what the rest of a query finds, and this one has nothing else "
                               "to search for");
    else if (s.n_common)
        rc = hs_buf_printf(&msg, "very common words (%s) are not searched for, and the query "
                                 "has no other words", hs_buf_str(&s.common));
    else if (pq->n_left_out)
        ; /* said already: a prefix too short */
    else if (blank(typed))
        rc = hs_buf_puts(&msg, "the query is empty: there is nothing to search for");
    else
        rc = hs_buf_puts(&msg, "the query has no word to search for");
    if (rc == 0 && msg.len)
        rc = hs_warnings_add(w, hs_buf_str(&msg));
    hs_buf_free(&msg);
    hs_buf_free(&s.common);
    return rc;
}

/* ---- undated articles left out ------------------------------------------------ */

static int is_date_filter(const hs_qexpr *e)
{
    return e->kind == HS_QK_FILTER && e->filter && e->filter->op == HS_Q_VALUE_RANGE &&
           e->filter->slot == HS_SLOT_DATE;
}

/* A date filter whose range has been widened, and its own range. */
typedef struct widened {
    hs_qexpr *e;
    hs_qnode *range;
} widened;

/* The passages without a date: those the date slot holds no value for. */
static hs_qnode *undated(void)
{
    return hs_qnode_pair(HS_Q_AND_NOT, hs_qnode_new(HS_Q_MATCH_ALL),
                         hs_qnode_value_range(HS_SLOT_DATE, "", "\xff"));
}

/* Widen every date filter of e that is not excluded to let undated
 * passages through, noting each in *list (of *n, room for cap); -1 when
 * out of memory or out of room (the ones widened stay noted). */
static int widen(hs_qexpr *e, widened **list, size_t *n, size_t *cap)
{
    if (e->excluded)
        return 0;
    if (is_date_filter(e)) {
        if (*n == *cap) {
            size_t more = *cap ? 2 * *cap : 4;
            widened *p = realloc(*list, more * sizeof *p);
            if (!p)
                return -1;
            *list = p;
            *cap = more;
        }
        hs_qnode *either = hs_qnode_pair(HS_Q_OR, hs_qnode_copy(e->filter), undated());
        if (!either)
            return -1;
        (*list)[(*n)++] = (widened){ e, e->filter };
        e->filter = either;
        return 0;
    }
    for (size_t i = 0; i < e->n_kids; i++)
        if (widen(e->kids[i], list, n, cap) < 0)
            return -1;
    return 0;
}

int hs_query_build_undated_left_out(hs_parsed_query *pq, hs_qnode **q)
{
    widened *list = NULL;
    size_t n = 0, cap = 0;
    *q = NULL;
    int rc = pq->root ? widen(pq->root, &list, &n, &cap) : 0;
    hs_qnode *wide = rc == 0 && n ? hs_query_build_all(pq) : NULL;
    for (size_t i = 0; i < n; i++) { /* as it was */
        hs_qnode_free(list[i].e->filter);
        list[i].e->filter = list[i].range;
    }
    free(list);
    if (rc < 0 || !n)
        return rc;
    *q = hs_qnode_pair(HS_Q_AND_NOT, hs_qnode_pair(HS_Q_AND, wide, undated()),
                       hs_query_build_all(pq));
    return *q ? 0 : -1;
}
