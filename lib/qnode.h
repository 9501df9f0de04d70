/* qnode.h - a Xapian query as a plain C tree (internal).
 *
 * Query logic lives in C (query_build.c); xapian_glue.cc only translates a
 * finished tree into Xapian::Query, one node for one node.
 */
#ifndef HUSTINGS_QNODE_H
#define HUSTINGS_QNODE_H

#include <stddef.h>

typedef enum hs_qop {
    HS_Q_TERM,        /* term (wqf 1) */
    HS_Q_AND,
    HS_Q_OR,
    HS_Q_AND_NOT,     /* kids[0] AND NOT (kids[1] OR ...) */
    HS_Q_AND_MAYBE,   /* kids[0], weighted up by the others that match */
    HS_Q_FILTER,      /* kids[0], restricted to matches of the others
                         (which add no weight) */
    HS_Q_PHRASE,      /* kids (terms) in order within `window` positions */
    HS_Q_NEAR,        /* kids (terms) in any order within `window` */
    HS_Q_SCALE,       /* kids[0] with its weight times `factor` */
    HS_Q_CONST,       /* the matches of kids[0], each weighing `factor` */
    HS_Q_WILDCARD,    /* every term starting with `term` */
    HS_Q_VALUE_RANGE, /* documents whose value in `slot` is in [lo, hi] */
    HS_Q_MATCH_ALL,
    HS_Q_MATCH_NOTHING,
} hs_qop;

typedef struct hs_qnode {
    hs_qop op;
    char *term;              /* HS_Q_TERM, HS_Q_WILDCARD */
    unsigned window;         /* HS_Q_PHRASE, HS_Q_NEAR: 0 = number of kids */
    unsigned slot;           /* HS_Q_VALUE_RANGE */
    char *lo, *hi;           /* HS_Q_VALUE_RANGE (inclusive) */
    double factor;           /* HS_Q_SCALE, HS_Q_CONST */
    struct hs_qnode **kids;
    size_t n_kids;
} hs_qnode;

/* Constructors return NULL when out of memory; a constructor given a NULL
 * kid frees its other kids and returns NULL, so that trees can be built in
 * nested calls and checked once. */
hs_qnode *hs_qnode_term(const char *prefix, const char *term, size_t len);
hs_qnode *hs_qnode_new(hs_qop op);
/* Append kid to node; on failure frees both and returns NULL. */
hs_qnode *hs_qnode_add(hs_qnode *node, hs_qnode *kid);
hs_qnode *hs_qnode_pair(hs_qop op, hs_qnode *a, hs_qnode *b);
hs_qnode *hs_qnode_scale(hs_qnode *q, double factor);
hs_qnode *hs_qnode_const(hs_qnode *q, double weight);
hs_qnode *hs_qnode_wildcard(const char *prefix, const char *word);
hs_qnode *hs_qnode_value_range(unsigned slot, const char *lo, const char *hi);
/* A deep copy, or NULL when out of memory. */
hs_qnode *hs_qnode_copy(const hs_qnode *q);
void hs_qnode_free(hs_qnode *q);

/* For tests and debugging: the tree written like Xapian's
 * Query::get_description(), e.g. "(Zself PHRASE 2 Znomin)".  Caller frees. */
char *hs_qnode_describe(const hs_qnode *q);

#endif
