/* query_parse.c - from a query string to a tree of word groups and
 * operators.
 *
 *   query   := or
 *   or      := and ("OR" and)*
 *   and     := unary (["AND"] unary)*      side by side: soft; with AND: hard
 *   unary   := "NOT" unary | "-" primary | primary
 *   primary := "(" query ")" | field | "=" (word | phrase) | phrase
 *            | word ["NEAR/n" word] | prefix*
 *   field   := title: | source: | site: | author: | lang: | path: | date:
 *
 * The tokens come from query_lex.c, the word groups from query_tree.c and
 * the fields' filters from query_fields.c.
 *
 * Words and phrases go through the same tokenizer as the articles: a chunk
 * that yields several words ("self-nomination", "U.S.") is a phrase, and a
 * compound also offers its parts written together.  A query written as
 * plain words (no operator, field or '=') is parsed leniently and never
 * fails; others get a message pointing at the mistake.
 */
#include "query.h"

#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *q;
    hs_qtok *toks;
    size_t n, at;
    hs_stemmer *stemmer;
    hs_buf *error;
    int oom;
    int failed;
    unsigned depth;      /* brackets and NOTs open: the parser recurses */
    hs_parsed_query *notes; /* plain words: its left_out gets what they
                            pass over; NULL when parsing strictly (a mistake
                            fails) */
} parser;

static const hs_qtok *peek(parser *p)
{
    return &p->toks[p->at];
}

/* Record a mistake at byte `pos` (the first one wins). */
static void fail(parser *p, size_t pos, const char *what)
{
    if (p->failed)
        return;
    p->failed = 1;
    size_t col = 1;
    for (size_t i = 0; i < pos && p->q[i]; i++)
        col += ((unsigned char)p->q[i] & 0xC0) != 0x80;
    hs_buf_reset(p->error);
    hs_buf_printf(p->error, "query error at column %zu: %s\n  %s\n  %*s^", col, what, p->q,
                  (int)(col - 1), "");
}

/* How deep brackets and NOTs may nest: the parser and every walk of the
 * tree recurse, and a query must not be able to overflow the stack. */
#define MAX_DEPTH 100

/* Enter one level of nesting at t, or fail when there are too many. */
static int enter(parser *p, const hs_qtok *t)
{
    if (p->depth >= MAX_DEPTH) {
        fail(p, t->pos, "brackets and NOTs nest too deep here (at most 100)");
        return -1;
    }
    p->depth++;
    return 0;
}

static hs_qexpr *expr_of_kind(parser *p, hs_qkind kind)
{
    hs_qexpr *e = calloc(1, sizeof *e);
    if (!e)
        p->oom = 1;
    else
        e->kind = kind;
    return e;
}

/* A group expression of the words of text (NULL when it has none). */
static hs_qexpr *group_expr(parser *p, hs_qkind kind, const char *text, size_t len, int quoted)
{
    return hs_qexpr_group(kind, p->stemmer, text, len, quoted, &p->oom);
}

static hs_qexpr *filter_expr(parser *p, hs_qnode *q)
{
    if (!q) {
        p->oom = 1;
        return NULL;
    }
    hs_qexpr *e = expr_of_kind(p, HS_QK_FILTER);
    if (!e)
        hs_qnode_free(q);
    else
        e->filter = q;
    return e;
}

static hs_qexpr *field_expr(parser *p, const hs_qtok *t)
{
    hs_buf why = HS_BUF_INIT;
    hs_qexpr *e = NULL;
    if (t->len == 0) {
        hs_field_needs_value(t->field, &why);
    } else if (t->field->flags & HS_FIELD_WORDS) {
        e = group_expr(p, HS_QK_TITLE, t->text, t->len, t->quoted_value);
        if (!e && !p->oom)
            hs_buf_printf(&why, "%s: needs a word", t->field->name);
    } else {
        hs_qnode *q = hs_field_filter(t->field, t->text, t->len, t->quoted_value, &why);
        if (q || !why.len)
            e = filter_expr(p, q);
    }
    if (why.len)
        fail(p, t->pos, hs_buf_str(&why));
    hs_buf_free(&why);
    return e;
}

static hs_qexpr *parse_or(parser *p);

/* Note that plain words left token t out, and why. */
static void left_out(parser *p, const hs_qtok *t, const char *why)
{
    hs_parsed_query *pq = p->notes;
    hs_left_out *more = realloc(pq->left_out, (pq->n_left_out + 1) * sizeof *more);
    char *text = more ? strndup(p->q + t->pos, t->end - t->pos) : NULL;
    if (more)
        pq->left_out = more;
    if (!text) {
        p->oom = 1;
        return;
    }
    pq->left_out[pq->n_left_out++] = (hs_left_out){ text, why };
}

/* A word, possibly word* or word NEAR/n word. */
static hs_qexpr *parse_word(parser *p, int exact_only)
{
    const hs_qtok *t = &p->toks[p->at++];
    if (t->kind == HS_QT_WORD && t->len > 1 && t->text[t->len - 1] == '*' && !exact_only) {
        hs_qexpr *e = group_expr(p, HS_QK_GROUP, t->text, t->len - 1, 0);
        if (e && (e->group.n_words != 1 || strlen(e->group.words[0].exact) < 2)) {
            hs_qexpr_free(e);
            if (p->notes)
                left_out(p, t, "a prefix* needs two letters or more");
            else
                fail(p, t->pos, "a prefix* needs one word of at least two letters");
            return NULL;
        }
        if (e)
            e->group.prefix = 1;
        return e;
    }
    hs_qexpr *e = group_expr(p, HS_QK_GROUP, t->text, t->len, t->kind == HS_QT_PHRASE);
    if (e)
        e->group.exact_only = exact_only;
    if (peek(p)->kind != HS_QT_NEAR)
        return e;
    const hs_qtok *near = &p->toks[p->at++];
    const hs_qtok *right = peek(p);
    if (!near->near || right->kind != HS_QT_WORD || !e || e->group.n_words != 1) {
        hs_qexpr_free(e);
        fail(p, near->pos, "NEAR/n needs a number and one word on each side, e.g. tax NEAR/5 rise");
        return NULL;
    }
    p->at++;
    hs_qexpr *r = group_expr(p, HS_QK_GROUP, right->text, right->len, 0);
    hs_qexpr *n = r && r->group.n_words == 1 ? expr_of_kind(p, HS_QK_NEAR) : NULL;
    if (!n || hs_qexpr_add_kid(n, e) < 0) {
        if (n && !p->oom)
            p->oom = 1;
        if (r && r->group.n_words != 1)
            fail(p, right->pos, "NEAR/n needs one word on each side");
        hs_qexpr_free(n);
        hs_qexpr_free(e);
        hs_qexpr_free(r);
        return NULL;
    }
    if (hs_qexpr_add_kid(n, r) < 0) {
        p->oom = 1;
        hs_qexpr_free(n);
        hs_qexpr_free(r);
        return NULL;
    }
    n->window = near->near + 1; /* n words apart: a window of n + 1 */
    return n;
}

static hs_qexpr *parse_primary(parser *p)
{
    const hs_qtok *t = peek(p);
    switch (t->kind) {
    case HS_QT_LPAREN: {
        if (enter(p, t) < 0)
            return NULL;
        p->at++;
        hs_qexpr *e = parse_or(p);
        p->depth--;
        if (peek(p)->kind != HS_QT_RPAREN) {
            hs_qexpr_free(e);
            fail(p, t->pos, "this '(' has no matching ')'");
            return NULL;
        }
        p->at++;
        return e;
    }
    case HS_QT_FIELD:
        p->at++;
        return field_expr(p, t);
    case HS_QT_EQUALS:
        p->at++;
        if (peek(p)->kind != HS_QT_WORD && peek(p)->kind != HS_QT_PHRASE) {
            fail(p, t->pos, "'=' asks for exact word forms: =word or =\"a phrase\"");
            return NULL;
        }
        return parse_word(p, 1);
    case HS_QT_WORD:
    case HS_QT_PHRASE:
        return parse_word(p, 0);
    case HS_QT_END:
        fail(p, t->pos, "a word is missing at the end");
        return NULL;
    case HS_QT_RPAREN:
        fail(p, t->pos, "this ')' has no matching '('");
        return NULL;
    default:
        fail(p, t->pos, "an operator needs a word or a (group) after it");
        return NULL;
    }
}

static hs_qexpr *parse_unary(parser *p)
{
    const hs_qtok *t = peek(p);
    /* plain words: a dash before a dash is a stray one ("--word") */
    while (p->notes && t->kind == HS_QT_MINUS && t[1].kind == HS_QT_MINUS)
        t = &p->toks[++p->at];
    if (t->kind == HS_QT_NOT || t->kind == HS_QT_MINUS) {
        if (enter(p, t) < 0)
            return NULL;
        p->at++;
        hs_qexpr *e = t->kind == HS_QT_NOT ? parse_unary(p) : parse_primary(p);
        p->depth--;
        if (e)
            e->excluded = !e->excluded;
        return e;
    }
    return parse_primary(p);
}

static int starts_unary(hs_qtok_kind k)
{
    return k == HS_QT_WORD || k == HS_QT_PHRASE || k == HS_QT_LPAREN || k == HS_QT_NOT || k == HS_QT_MINUS ||
           k == HS_QT_EQUALS || k == HS_QT_FIELD;
}

static hs_qexpr *parse_and(parser *p)
{
    hs_qexpr *list = expr_of_kind(p, HS_QK_DEFAULT);
    while (list && !p->failed && !p->oom) {
        const hs_qtok *t = peek(p);
        if (t->kind == HS_QT_AND) {
            if (list->n_kids == 0) {
                fail(p, t->pos, "AND needs a word before it");
                break;
            }
            list->kind = HS_QK_AND;
            p->at++;
            if (!starts_unary(peek(p)->kind)) {
                fail(p, t->pos, "AND needs a word after it");
                break;
            }
            continue;
        }
        if (!starts_unary(t->kind))
            break;
        hs_qexpr *e = parse_unary(p);
        if (e && hs_qexpr_add_kid(list, e) < 0) {
            p->oom = 1;
            hs_qexpr_free(e);
        }
    }
    if (list && list->n_kids == 0 && !p->failed && !p->oom) {
        const hs_qtok *t = peek(p);
        fail(p, t->pos, t->kind == HS_QT_OR ? "OR needs a word before it"
                                        : "a word is missing here");
    }
    if (p->failed || p->oom) {
        hs_qexpr_free(list);
        return NULL;
    }
    if (list->n_kids == 1 && !list->kids[0]->excluded) { /* no list of one */
        hs_qexpr *only = list->kids[0];
        list->n_kids = 0;
        hs_qexpr_free(list);
        return only;
    }
    return list;
}

static hs_qexpr *parse_or(parser *p)
{
    hs_qexpr *left = parse_and(p);
    if (!left || peek(p)->kind != HS_QT_OR)
        return left;
    hs_qexpr *or = expr_of_kind(p, HS_QK_OR);
    if (!or || hs_qexpr_add_kid(or, left) < 0) {
        p->oom = 1;
        hs_qexpr_free(or);
        hs_qexpr_free(left);
        return NULL;
    }
    while (peek(p)->kind == HS_QT_OR) {
        const hs_qtok *t = &p->toks[p->at++];
        if (!starts_unary(peek(p)->kind)) {
            fail(p, t->pos, "OR needs a word after it");
            break;
        }
        hs_qexpr *e = parse_and(p);
        if (!e || hs_qexpr_add_kid(or, e) < 0) {
            if (e)
                p->oom = 1;
            hs_qexpr_free(e);
            break;
        }
    }
    if (p->failed || p->oom) {
        hs_qexpr_free(or);
        return NULL;
    }
    return or;
}

/* ---- the parsed query ---------------------------------------------------- */

/* The tree of q's tokens, parsed strictly or, when notes is not NULL, as
 * plain words that note what they leave out. */
static hs_qexpr *parse_tokens(const char *q, hs_stemmer *stemmer, hs_parsed_query *notes,
                              hs_buf *error, int *oom, int *advanced)
{
    int lenient = notes != NULL;
    size_t n = 0;
    hs_qtok *toks = hs_query_lex(q, lenient, &n);
    if (!toks) {
        *oom = 1;
        return NULL;
    }
    *advanced = hs_query_is_advanced(toks, n);
    parser p = { q, toks, n, 0, stemmer, error, 0, 0, 0, notes };
    hs_qexpr *root = NULL;
    if (toks[0].kind != HS_QT_END) {
        root = parse_or(&p);
        if (root && peek(&p)->kind != HS_QT_END)
            fail(&p, peek(&p)->pos, peek(&p)->kind == HS_QT_RPAREN
                                        ? "this ')' has no matching '('"
                                        : "unexpected text here");
        if (p.failed || p.oom) {
            hs_qexpr_free(root);
            root = NULL;
        }
    }
    *oom = p.oom;
    free(toks);
    return p.failed ? NULL : root;
}

hs_parsed_query *hs_query_parse(const char *q, hs_stemmer *stemmer, hs_buf *error)
{
    hs_parsed_query *pq = calloc(1, sizeof *pq);
    hs_buf scratch = HS_BUF_INIT;
    if (!error)
        error = &scratch;
    if (!pq)
        return NULL;
    int oom = 0, advanced = 0;
    hs_buf_reset(error);
    pq->root = parse_tokens(q, stemmer, NULL, error, &oom, &advanced);
    if (!pq->root && !oom && error->len && !advanced) {
        /* plain words never fail: brackets and the like are ignored, and
         * what still does not parse has no words to look for */
        hs_buf_reset(error);
        pq->root = parse_tokens(q, stemmer, pq, error, &oom, &advanced);
        hs_buf_reset(error);
    }
    if (oom || error->len || (pq->root && hs_query_collect_groups(pq) < 0)) {
        if (oom)
            hs_buf_reset(error);
        hs_parsed_query_free(pq);
        hs_buf_free(&scratch);
        return NULL;
    }
    hs_buf_free(&scratch);
    return pq;
}

void hs_parsed_query_free(hs_parsed_query *pq)
{
    if (!pq)
        return;
    hs_qexpr_free(pq->root);
    free(pq->groups);
    for (size_t i = 0; i < pq->n_left_out; i++)
        free(pq->left_out[i].text);
    free(pq->left_out);
    free(pq);
}
