/* qnode.c - building and freeing query trees; see qnode.h. */
#include "qnode.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

hs_qnode *hs_qnode_new(hs_qop op)
{
    hs_qnode *q = calloc(1, sizeof *q);
    if (q) {
        q->op = op;
        q->factor = 1.0;
    }
    return q;
}

hs_qnode *hs_qnode_term(const char *prefix, const char *term, size_t len)
{
    hs_qnode *q = hs_qnode_new(HS_Q_TERM);
    size_t plen = strlen(prefix);
    if (!q || !(q->term = malloc(plen + len + 1))) {
        free(q);
        return NULL;
    }
    memcpy(q->term, prefix, plen);
    memcpy(q->term + plen, term, len);
    q->term[plen + len] = '\0';
    return q;
}

hs_qnode *hs_qnode_add(hs_qnode *node, hs_qnode *kid)
{
    if (!node || !kid)
        goto fail;
    hs_qnode **kids = realloc(node->kids, (node->n_kids + 1) * sizeof *kids);
    if (!kids)
        goto fail;
    kids[node->n_kids++] = kid;
    node->kids = kids;
    return node;
fail:
    hs_qnode_free(node);
    hs_qnode_free(kid);
    return NULL;
}

hs_qnode *hs_qnode_pair(hs_qop op, hs_qnode *a, hs_qnode *b)
{
    return hs_qnode_add(hs_qnode_add(hs_qnode_new(op), a), b);
}

hs_qnode *hs_qnode_scale(hs_qnode *q, double factor)
{
    hs_qnode *s = hs_qnode_add(hs_qnode_new(HS_Q_SCALE), q);
    if (s)
        s->factor = factor;
    return s;
}

hs_qnode *hs_qnode_const(hs_qnode *q, double weight)
{
    hs_qnode *c = hs_qnode_scale(q, weight);
    if (c)
        c->op = HS_Q_CONST;
    return c;
}

hs_qnode *hs_qnode_wildcard(const char *prefix, const char *word)
{
    hs_qnode *q = hs_qnode_term(prefix, word, strlen(word));
    if (q)
        q->op = HS_Q_WILDCARD;
    return q;
}

hs_qnode *hs_qnode_value_range(unsigned slot, const char *lo, const char *hi)
{
    hs_qnode *q = hs_qnode_new(HS_Q_VALUE_RANGE);
    if (!q)
        return NULL;
    q->slot = slot;
    q->lo = strdup(lo);
    q->hi = strdup(hi);
    if (!q->lo || !q->hi) {
        hs_qnode_free(q);
        return NULL;
    }
    return q;
}

hs_qnode *hs_qnode_copy(const hs_qnode *q)
{
    hs_qnode *c;
    if (q->op == HS_Q_VALUE_RANGE)
        return hs_qnode_value_range(q->slot, q->lo, q->hi);
    c = q->term ? hs_qnode_term("", q->term, strlen(q->term)) : hs_qnode_new(q->op);
    if (!c)
        return NULL;
    c->op = q->op;
    c->window = q->window;
    c->factor = q->factor;
    for (size_t i = 0; i < q->n_kids && c; i++)
        c = hs_qnode_add(c, hs_qnode_copy(q->kids[i]));
    return c;
}

void hs_qnode_free(hs_qnode *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->n_kids; i++)
        hs_qnode_free(q->kids[i]);
    free(q->kids);
    free(q->term);
    free(q->lo);
    free(q->hi);
    free(q);
}

static const char *op_name(const hs_qnode *q)
{
    switch (q->op) {
    case HS_Q_AND: return "AND";
    case HS_Q_OR: return "OR";
    case HS_Q_AND_NOT: return "AND_NOT";
    case HS_Q_AND_MAYBE: return "AND_MAYBE";
    case HS_Q_FILTER: return "FILTER";
    case HS_Q_PHRASE: return "PHRASE";
    case HS_Q_NEAR: return "NEAR";
    default: return "?";
    }
}

static void describe(const hs_qnode *q, hs_buf *out)
{
    switch (q->op) {
    case HS_Q_TERM:
        hs_buf_puts(out, q->term);
        return;
    case HS_Q_MATCH_NOTHING:
        hs_buf_puts(out, "<nothing>");
        return;
    case HS_Q_MATCH_ALL:
        hs_buf_puts(out, "<all>");
        return;
    case HS_Q_WILDCARD:
        hs_buf_printf(out, "%s*", q->term);
        return;
    case HS_Q_VALUE_RANGE:
        hs_buf_printf(out, "VALUE_RANGE %u %s %s", q->slot, q->lo, q->hi);
        return;
    case HS_Q_SCALE:
        hs_buf_printf(out, "%g * ", q->factor);
        describe(q->kids[0], out);
        return;
    case HS_Q_CONST:
        hs_buf_printf(out, "%g IF ", q->factor);
        describe(q->kids[0], out);
        return;
    default:
        break;
    }
    hs_buf_putc(out, '(');
    for (size_t i = 0; i < q->n_kids; i++) {
        if (i) {
            hs_buf_printf(out, " %s ", op_name(q));
            if (q->op == HS_Q_PHRASE || q->op == HS_Q_NEAR)
                hs_buf_printf(out, "%u ", q->window ? q->window : (unsigned)q->n_kids);
        }
        describe(q->kids[i], out);
    }
    hs_buf_putc(out, ')');
}

char *hs_qnode_describe(const hs_qnode *q)
{
    hs_buf out = HS_BUF_INIT;
    if (q)
        describe(q, &out);
    return hs_buf_detach(&out);
}
