/* html/tree.c - building the element table; see html/tree.h. */
#include "tree.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dom.h"

/* Ancestors closer than this count as "near" (Readability looks four
 * levels up for an enclosing table, code or figure). */
#define NEAR_LEVELS 4

/* ---- text --------------------------------------------------------------- */

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Commas of the scripts that write them (Latin, Arabic, CJK, ...). */
static size_t comma_at(const unsigned char *s)
{
    static const char *const commas[] = {
        "\xD8\x8C", "\xEF\xB9\x90", "\xEF\xB8\x90", "\xEF\xB8\x91",
        "\xE2\xB9\x81", "\xE2\xB8\xB4", "\xE2\xB8\xB2", "\xEF\xBC\x8C",
    };
    if (*s == ',')
        return 1;
    if (*s < 0x80)
        return 0;
    for (size_t i = 0; i < sizeof commas / sizeof commas[0]; i++) {
        size_t n = strlen(commas[i]);
        if (strncmp((const char *)s, commas[i], n) == 0)
            return n;
    }
    return 0;
}

/* Characters of a text node as a reader sees them: runs of white space
 * (no-break space included) count as one. */
void hs_text_counts(const char *text, hs_el *e)
{
    const unsigned char *s = (const unsigned char *)text;
    int in_space = 0;
    while (*s) {
        size_t n;
        if (is_space_byte(*s) || (s[0] == 0xC2 && s[1] == 0xA0)) {
            if (!in_space)
                e->own_chars++;
            in_space = 1;
            s += *s == 0xC2 ? 2 : 1;
            continue;
        }
        in_space = 0;
        e->facts |= F_OWN_TEXT;
        if ((n = comma_at(s)) > 0) {
            e->own_commas++;
            e->own_ascii_commas += *s == ',';
            e->own_chars++;
            s += n;
            continue;
        }
        e->own_chars++;
        s++;
        while ((*s & 0xC0) == 0x80)
            s++;
    }
}

/* ---- building ------------------------------------------------------------ */

static int is_text(const xmlNode *n)
{
    return (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content;
}

static int is_blank_text(const xmlNode *n)
{
    if (!is_text(n))
        return n->type == XML_COMMENT_NODE;
    for (const unsigned char *s = n->content; *s; s++)
        if (!is_space_byte(*s))
            return 0;
    return 1;
}

/* Own text, and two <br> in a row (white space between them allowed). */
static void read_children(const hs_tree *t, hs_el *e)
{
    int last_was_br = 0;
    for (const xmlNode *c = e->node->children; c; c = c->next) {
        if (is_text(c))
            hs_text_counts((const char *)c->content, e);
        if (c->type == XML_ELEMENT_NODE) {
            const hs_el *ce = hs_tree_el(t, c);
            int br = ce && ce->tag == HS_TAG_BR;
            if (br && last_was_br)
                e->facts |= F_BR_RUN;
            last_was_br = br;
        } else if (!is_blank_text(c)) {
            last_was_br = 0;
        }
    }
}

static unsigned span_attr(const xmlNode *n, const char *name)
{
    const char *v = hs_html_attr(n, name);
    unsigned x = 0;
    while (v && *v == ' ')
        v++;
    while (v && *v >= '0' && *v <= '9' && x < 1000)
        x = x * 10 + (unsigned)(*v++ - '0');
    return x ? x : 1;
}

static int add_element(hs_tree *t, size_t *cap, xmlNodePtr node)
{
    if (t->n == *cap) {
        size_t c = *cap ? *cap * 2 : 256;
        if (c > (size_t)INT32_MAX || c > SIZE_MAX / sizeof *t->el)
            return -1;
        hs_el *el = realloc(t->el, c * sizeof *el);
        if (!el)
            return -1;
        t->el = el;
        *cap = c;
    }
    hs_el *e = &t->el[t->n];
    memset(e, 0, sizeof *e);
    e->node = node;
    const hs_el *p = hs_tree_el(t, node->parent);
    e->parent = p ? (int)(p - t->el) : -1;
    e->tag = hs_html_tag(hs_html_name(node), &e->tflags);
    e->facts = hs_class_facts(node);
    e->weight = hs_class_weight(node);
    t->n++;
    node->_private = (void *)(uintptr_t)t->n;
    if (e->tag == HS_TAG_BODY && t->body < 0)
        t->body = (int)(t->n - 1);
    return 0;
}

static int is_data_table(const hs_el *e)
{
    const xmlNode *n = e->node;
    const char *v;
    if ((v = hs_html_attr(n, "role")) && strcmp(v, "presentation") == 0)
        return 0;
    if ((v = hs_html_attr(n, "datatable")) && strcmp(v, "0") == 0)
        return 0;
    if ((v = hs_html_attr(n, "summary")) && *v)
        return 1;
    if (e->facts_below & (F_TABLE_CAPTION | F_TABLE_DATA_PARTS))
        return 1;
    if (e->facts_below & F_TABLE_NESTED)
        return 0;
    if (e->cols == 1 || e->rows == 1)
        return 0;
    if (e->rows >= 10 || e->cols > 4)
        return 1;
    return e->rows * e->cols > 10;
}

/* Backwards: text below each element, and the shape of tables. */
static int sum_up(hs_tree *t)
{
    unsigned *cells = calloc(t->n ? t->n : 1, sizeof *cells); /* td colspans below */
    if (!cells)
        return -1;
    for (size_t i = t->n; i-- > 0; ) {
        hs_el *e = &t->el[i];
        if (e->tflags & HS_TAGF_DROP || e->facts & F_HIDDEN)
            e->raw_chars = 0;
        else
            e->raw_chars += e->own_chars;
        if (e->tag == HS_TAG_TD)
            cells[i] += span_attr(e->node, "colspan");
        if (e->tag == HS_TAG_TR) {
            e->rows += span_attr(e->node, "rowspan");
            if (cells[i] > e->cols)
                e->cols = cells[i];
        }
        if (e->tag == HS_TAG_TABLE && is_data_table(e))
            e->facts |= F_DATA_TABLE;
        if (e->parent < 0)
            continue;
        hs_el *p = &t->el[e->parent];
        p->raw_chars += e->raw_chars;
        cells[e->parent] += cells[i];
        p->rows += e->rows;
        if (e->cols > p->cols)
            p->cols = e->cols;
        p->facts_below |= e->facts_below;
        switch (e->tag) {
        case HS_TAG_COL: case HS_TAG_COLGROUP: case HS_TAG_TFOOT: case HS_TAG_THEAD:
        case HS_TAG_TH:
            p->facts_below |= F_TABLE_DATA_PARTS;
            break;
        case HS_TAG_TABLE:
            p->facts_below |= F_TABLE_NESTED;
            break;
        case HS_TAG_CAPTION:
            if (e->node->children)
                p->facts_below |= F_TABLE_CAPTION;
            break;
        default:
            break;
        }
    }
    free(cells);
    return 0;
}

/* Forwards: what encloses each element. */
static int inherit_down(hs_tree *t)
{
    unsigned char *dist = malloc(t->n ? t->n * 3 : 1); /* table, code, figure */
    if (!dist)
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        hs_el *e = &t->el[i];
        unsigned char *d = dist + 3 * i;
        d[0] = d[1] = d[2] = 255;
        if (e->parent < 0)
            continue;
        const hs_el *p = &t->el[e->parent];
        const unsigned char *pd = dist + 3 * (size_t)e->parent;
        d[0] = p->tag == HS_TAG_TABLE ? 1 : pd[0] < 255 ? pd[0] + 1 : 255;
        d[1] = p->tag == HS_TAG_CODE ? 1 : pd[1] < 255 ? pd[1] + 1 : 255;
        d[2] = p->tag == HS_TAG_FIGURE ? 1 : pd[2] < 255 ? pd[2] + 1 : 255;
        if (d[0] <= NEAR_LEVELS)
            e->facts |= F_NEAR_TABLE;
        if (d[1] <= NEAR_LEVELS)
            e->facts |= F_NEAR_CODE;
        if (d[2] <= NEAR_LEVELS)
            e->facts |= F_NEAR_FIGURE;
        if (p->facts & (F_DATA_TABLE | F_IN_DATA_TABLE))
            e->facts |= F_IN_DATA_TABLE;
    }
    free(dist);
    return 0;
}

int hs_tree_build(hs_tree *t, xmlDocPtr doc)
{
    size_t cap = 0;
    memset(t, 0, sizeof *t);
    t->body = -1;
    const xmlNode *root = (const xmlNode *)doc;
    for (xmlNodePtr n = doc->children; n; n = hs_html_next(root, n, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (t->n == HS_TREE_MAX_ELEMENTS)
            return -2;
        if (add_element(t, &cap, n) < 0)
            return -1;
    }
    for (size_t i = 0; i < t->n; i++)
        read_children(t, &t->el[i]);
    if (sum_up(t) < 0 || inherit_down(t) < 0)
        return -1;
    return 0;
}

void hs_tree_free(hs_tree *t)
{
    for (size_t i = 0; i < t->n; i++)
        t->el[i].node->_private = NULL;
    free(t->el);
    hs_buf_free(&t->scratch);
    memset(t, 0, sizeof *t);
    t->body = -1;
}
