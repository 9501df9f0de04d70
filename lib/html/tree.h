/* html/tree.h - the element table the article extractor works on
 * (internal to html/extract.c, html/clean.c and html/classify.c).
 *
 * Each element of the page gets one record, in document order, so that a
 * parent always comes before its children: a forward pass can inherit
 * from parents and a backward pass can sum children into parents, each in
 * linear time and without recursion, however deep the page is nested.
 * The libxml2 node's _private points back to its record's index + 1.
 */
#ifndef HUSTINGS_HTML_TREE_H
#define HUSTINGS_HTML_TREE_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "buf.h"
#include "tags.h"

/* Facts about an element that do not change between attempts. */
enum {
    F_HIDDEN = 1 << 0,         /* hidden, display:none, aria-hidden, ... */
    F_UNLIKELY = 1 << 1,       /* class/id says navigation, comments, ... */
    F_UNLIKELY_ROLE = 1 << 2,  /* role=navigation, menu, dialog, ... */
    F_SHARE = 1 << 3,          /* class/id says share */
    F_BYLINE_CLASS = 1 << 4,   /* class/id/itemprop says author or byline */
    F_REL_AUTHOR = 1 << 5,     /* rel=author */
    F_HASH_LINK = 1 << 6,      /* <a href="#..."> */
    F_DATA_TABLE = 1 << 7,     /* a table of data, not of layout */
    F_IN_DATA_TABLE = 1 << 8,  /* inside a data table */
    F_NEAR_TABLE = 1 << 9,     /* a <table> within four levels up */
    F_NEAR_CODE = 1 << 10,     /* a <code> within four levels up */
    F_NEAR_FIGURE = 1 << 11,   /* a <figure> within four levels up */
    F_BR_RUN = 1 << 12,        /* has two <br> in a row among its children */
    F_OWN_TEXT = 1 << 13,      /* has text of its own (not only white space) */
};

/* What the current attempt decided. */
enum {
    S_REMOVED = 1 << 0,    /* left out before scoring */
    S_CLEANED = 1 << 1,    /* left out of the chosen content */
    S_SCORED = 1 << 2,     /* has a score (a candidate) */
    S_COLLAPSED = 1 << 3,  /* a <div> around a single <p>: stands for it */
    S_PARAGRAPH = 1 << 4,  /* a <div> of inline content only: read as <p> */
    S_CONTENT = 1 << 5,    /* inside the chosen content */
    S_ROOT = 1 << 6,       /* one of the chosen content's top elements */
    S_HAS_BLOCK = 1 << 7,  /* has a block among its descendants */
};

/* Attempt flags, dropped one by one when the text found is too short. */
enum {
    A_STRIP_UNLIKELY = 1 << 0,
    A_WEIGHT_CLASSES = 1 << 1,
    A_CLEAN = 1 << 2,
};

typedef struct hs_el {
    xmlNodePtr node;
    int parent;                 /* index, or -1 */
    hs_tag tag;
    unsigned tflags;            /* HS_TAGF_* */
    unsigned facts;             /* F_* */
    int weight;                 /* class/id weight, -50..50 */
    size_t own_chars;           /* characters of its own text nodes */
    unsigned own_commas;        /* commas of all scripts in them */
    unsigned own_ascii_commas;  /* ',' in them */
    size_t raw_chars;           /* characters of all its text (not hidden) */
    unsigned rows, cols;        /* tables: rows and widest row; tr: its cells */
    unsigned facts_below;       /* tables: F_TABLE_* of descendants */

    unsigned state;             /* S_* */
    double score;
    size_t chars;               /* text characters, removed parts excluded */
    double links;               /* characters inside links (#links count 0.3) */
    unsigned commas;            /* commas of all scripts */
    unsigned children;          /* element children not removed */

    /* counts below the element (itself excluded), for cleaning */
    unsigned n_p, n_img, n_li, n_input, n_embed, ascii_commas;
    size_t heading_chars, list_chars, textish_chars;
    int has_data_table;
} hs_el;

/* Descendants that make a table a data table. */
enum {
    F_TABLE_DATA_PARTS = 1 << 0,   /* col, colgroup, tfoot, thead, th */
    F_TABLE_NESTED = 1 << 1,       /* another table */
    F_TABLE_CAPTION = 1 << 2,      /* a caption with content */
};

typedef struct hs_tree {
    hs_el *el;
    size_t n;
    int body;                   /* index of <body>, or -1 */
    hs_buf scratch;
} hs_tree;

/* The record of node, or NULL when it has none. */
static inline hs_el *hs_tree_el(const hs_tree *t, const xmlNode *node)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return NULL;
    size_t i = (size_t)(uintptr_t)node->_private;
    return i > 0 && i <= t->n ? &t->el[i - 1] : NULL;
}

/* Pages with more elements than this are refused: real pages have tens of
 * thousands, and the table costs about 200 bytes an element. */
#define HS_TREE_MAX_ELEMENTS 1000000

/* Build the table for doc and compute every F_* fact.  0, -1 when out of
 * memory, -2 when doc has more than HS_TREE_MAX_ELEMENTS elements. */
int hs_tree_build(hs_tree *t, xmlDocPtr doc);
/* Clear the _private pointers and free the table. */
void hs_tree_free(hs_tree *t);

/* Add the characters and commas of a text node to e's own_* counts:
 * runs of white space count as one character. */
void hs_text_counts(const char *text, hs_el *e);

/* Class and id words (html/classify.c). */
int hs_class_weight(const xmlNode *n);
unsigned hs_class_facts(const xmlNode *n);
/* Text that is nothing but an advertising label or a loading notice. */
int hs_is_ad_or_loading(const char *text);

/* Clean the chosen content (S_CONTENT) as flags allow (html/clean.c). */
void hs_clean_content(hs_tree *t, unsigned flags);

#endif
