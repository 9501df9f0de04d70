/* html/extract.c - finding the article in a page; see html/extract.h.
 *
 * One attempt, with the rules its flags allow:
 *  1. leave out what is never content: hidden elements, scripts and
 *     styles, the byline, the heading that repeats the title and (first
 *     attempt) elements whose class, id or role says boilerplate;
 *  2. score paragraphs (p, pre, td, section, h2-h6, and divs holding only
 *     inline content) by length and commas, and hand each score to five
 *     levels of ancestors, less at each level;
 *  3. take the best ancestor, scaled down by its link text, move up when
 *     a parent holds several near-best candidates or scores better still,
 *     and add the siblings that score close to it or read like prose;
 *  4. tidy the chosen content (html/clean.c) and read its paragraphs.
 * Too little text (under 500 characters) makes the next attempt drop a
 * flag; when all fail, the longest result wins.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "dom.h"
#include "emit.h"
#include "meta.h"
#include "tree.h"

#define CHAR_THRESHOLD 500   /* characters an article must have */
#define TOP_CANDIDATES 5
#define ANCESTOR_LEVELS 5
#define MIN_PARAGRAPH_CHARS 25
#define BYLINE_MAX_CHARS 100

/* ---- paragraphs of one attempt ------------------------------------------ */

typedef struct para_list {
    hs_buf text;              /* the paragraphs, each followed by NUL */
    size_t *ends;             /* where each ends in text */
    size_t n, cap;
    size_t chars;
} para_list;

static int collect(void *ctx, const char *s, size_t len)
{
    para_list *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        size_t *ends = cap < SIZE_MAX / sizeof *ends ? realloc(l->ends, cap * sizeof *ends)
                                                     : NULL;
        if (!ends)
            return -1;
        l->ends = ends;
        l->cap = cap;
    }
    if (hs_buf_append(&l->text, s, len) < 0 || hs_buf_putc(&l->text, '\0') < 0)
        return -1;
    l->ends[l->n++] = l->text.len - 1;
    return 0;
}

static void para_list_free(para_list *l)
{
    hs_buf_free(&l->text);
    free(l->ends);
    memset(l, 0, sizeof *l);
}

static int para_list_send(const para_list *l, hs_paragraph_fn fn, void *ctx)
{
    size_t start = 0;
    for (size_t i = 0; i < l->n; i++) {
        int rc = fn(ctx, l->text.data + start, l->ends[i] - start);
        if (rc)
            return rc;
        start = l->ends[i] + 1;
    }
    return 0;
}

/* ---- the extractor ------------------------------------------------------- */

typedef struct extractor {
    hs_tree t;
    const char *title;
    hs_buf *byline_text;        /* where the byline goes; NULL: not wanted */
    int byline;                 /* element index of the byline, or -1 */
    int *candidates;
    size_t n_candidates, cap_candidates;
    unsigned *marks;            /* per element, for the ancestor vote */
} extractor;

static int is_removed(const hs_el *e)
{
    return (e->state & S_REMOVED) != 0;
}

static int text_of(extractor *x, const hs_el *e)
{
    hs_buf_reset(&x->t.scratch);
    return hs_html_text(e->node, &x->t.scratch);
}

static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int unlikely(const hs_el *e)
{
    if (e->facts & F_UNLIKELY_ROLE)
        return 1;
    return (e->facts & F_UNLIKELY) && !(e->facts & (F_NEAR_TABLE | F_NEAR_CODE)) &&
           e->tag != HS_TAG_BODY && e->tag != HS_TAG_A;
}

/* Is e the byline?  Its class, id or itemprop says author or byline, or
 * it is rel=author, and its text is short.  The text kept is that of an
 * itemprop=name inside it, when there is one. */
static int take_byline(extractor *x, hs_el *e)
{
    hs_tree *t = &x->t;
    if (!(e->facts & (F_REL_AUTHOR | F_BYLINE_CLASS)) || e->raw_chars == 0 ||
        e->raw_chars >= 2 * BYLINE_MAX_CHARS)
        return 0;
    if (text_of(x, e) < 0)
        return -1;
    size_t n = code_points(hs_buf_str(&t->scratch));
    if (n == 0 || n >= BYLINE_MAX_CHARS)
        return 0;
    const xmlNode *root = e->node;
    for (const xmlNode *d = root->children; d; d = hs_html_next(root, d, 0)) {
        const char *itemprop = hs_html_attr(d, "itemprop");
        if (itemprop && hs_contains_ci(itemprop, "name")) {
            hs_buf_reset(&t->scratch);
            if (hs_html_text(d, &t->scratch) < 0)
                return -1;
            break;
        }
    }
    x->byline = (int)(e - t->el);
    return hs_buf_append(x->byline_text, t->scratch.data, t->scratch.len) < 0 ? -1 : 1;
}

/* Step 1: what is left out before scoring; also resets the attempt. */
static int remove_boilerplate(extractor *x, unsigned flags)
{
    hs_tree *t = &x->t;
    int title_header_seen = !x->title || !*x->title;
    for (size_t i = 0; i < t->n; i++) {
        hs_el *e = &t->el[i];
        e->state = 0;
        e->score = 0;
        e->chars = e->own_chars;
        e->links = 0;
        e->commas = e->own_commas;
        e->children = 0;
        if ((e->parent >= 0 && is_removed(&t->el[e->parent])) ||
            (e->tflags & HS_TAGF_DROP) || (e->facts & F_HIDDEN) || (int)i == x->byline) {
            e->state |= S_REMOVED;
            continue;
        }
        /* looked for in every attempt until found, as the rules relax */
        if (x->byline_text && x->byline < 0) {
            int found = take_byline(x, e);
            if (found < 0)
                return -1;
            if (found) {
                e->state |= S_REMOVED;
                continue;
            }
        }
        if (!title_header_seen && (e->tag == HS_TAG_H1 || e->tag == HS_TAG_H2)) {
            if (text_of(x, e) < 0)
                return -1;
            if (hs_text_similarity(x->title, hs_buf_str(&t->scratch)) > 0.75) {
                title_header_seen = 1;
                e->state |= S_REMOVED;
                continue;
            }
        }
        if ((flags & A_STRIP_UNLIKELY) && unlikely(e))
            e->state |= S_REMOVED;
    }
    return 0;
}

/* Text, link text, commas and children of what is left, bottom up. */
static void sum_up(hs_tree *t)
{
    for (size_t i = t->n; i-- > 0; ) {
        hs_el *e = &t->el[i];
        if (is_removed(e))
            continue;
        if (e->tag == HS_TAG_A)
            e->links = (double)e->chars * (e->facts & F_HASH_LINK ? 0.3 : 1.0);
        if (e->parent < 0)
            continue;
        hs_el *p = &t->el[e->parent];
        p->chars += e->chars;
        p->links += e->links;
        p->commas += e->commas;
        p->children++;
        if ((e->tflags & HS_TAGF_DIV_BLOCK) || (e->state & S_HAS_BLOCK))
            p->state |= S_HAS_BLOCK;
    }
}

static double link_density(const hs_el *e)
{
    return e->chars > 0 ? e->links / (double)e->chars : 0;
}

static int tag_bias(hs_tag tag)
{
    switch (tag) {
    case HS_TAG_DIV:
        return 5;
    case HS_TAG_PRE: case HS_TAG_TD: case HS_TAG_BLOCKQUOTE:
        return 3;
    case HS_TAG_ADDRESS: case HS_TAG_OL: case HS_TAG_UL: case HS_TAG_DL: case HS_TAG_DD:
    case HS_TAG_DT: case HS_TAG_LI: case HS_TAG_FORM:
        return -3;
    case HS_TAG_H1: case HS_TAG_H2: case HS_TAG_H3: case HS_TAG_H4: case HS_TAG_H5:
    case HS_TAG_H6: case HS_TAG_TH:
        return -5;
    default:
        return 0;
    }
}

static int init_score(extractor *x, hs_el *e, unsigned flags)
{
    e->state |= S_SCORED;
    e->score = tag_bias(e->tag) + (flags & A_WEIGHT_CLASSES ? e->weight : 0);
    if (x->n_candidates == x->cap_candidates) {
        size_t cap = x->cap_candidates ? x->cap_candidates * 2 : 64;
        int *c = realloc(x->candidates, cap * sizeof *c);
        if (!c)
            return -1;
        x->candidates = c;
        x->cap_candidates = cap;
    }
    x->candidates[x->n_candidates++] = (int)(e - x->t.el);
    return 0;
}

/* A paragraph of `chars` characters and `commas` commas, whose closest
 * scored ancestor is element `first`. */
static int score_paragraph(extractor *x, int first, size_t chars, unsigned commas,
                           unsigned flags)
{
    hs_tree *t = &x->t;
    if (chars < MIN_PARAGRAPH_CHARS)
        return 0;
    double score = 1 + (commas + 1) + (chars / 100 < 3 ? (double)(chars / 100) : 3);
    int level = 0;
    for (int k = first; k >= 0 && level < ANCESTOR_LEVELS; k = t->el[k].parent) {
        hs_el *a = &t->el[k];
        if (a->state & S_COLLAPSED)
            continue; /* stands for its paragraph: not an ancestor */
        if (a->parent < 0)
            break;    /* the root element is no candidate */
        if (!(a->state & S_SCORED) && init_score(x, a, flags) < 0)
            return -1;
        a->score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        level++;
    }
    return 0;
}

static int is_phrasing(const hs_el *e)
{
    if (e->tflags & HS_TAGF_PHRASING)
        return 1;
    return (e->tag == HS_TAG_A || e->tag == HS_TAG_DEL || e->tag == HS_TAG_INS) &&
           !(e->state & S_HAS_BLOCK) && !(e->tflags & HS_TAGF_DIV_BLOCK);
}

/* Characters and commas of one text node, as html/tree.c counts them. */
static void text_node_counts(const char *s, size_t *chars, unsigned *commas)
{
    hs_el tmp;
    memset(&tmp, 0, sizeof tmp);
    hs_text_counts(s, &tmp);
    *chars += tmp.own_chars;
    *commas += tmp.own_commas;
}

/* A div with blocks inside: each run of inline content between them is a
 * paragraph of the div (Readability wraps each run in a <p>). */
static int score_inline_runs(extractor *x, hs_el *div, unsigned flags)
{
    hs_tree *t = &x->t;
    size_t chars = 0;
    unsigned commas = 0;
    int last_br = 0;
    int first = (int)(div - t->el);
    for (const xmlNode *c = div->node->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
            text_node_counts((const char *)c->content, &chars, &commas);
            continue;
        }
        const hs_el *ce = hs_tree_el(t, c);
        if (!ce || is_removed(ce))
            continue;
        int br = ce->tag == HS_TAG_BR;
        if (is_phrasing(ce) && !(br && last_br)) {
            chars += ce->chars;
            commas += ce->commas;
            last_br = br;
            continue;
        }
        if (score_paragraph(x, first, chars, commas, flags) < 0)
            return -1;
        chars = 0;
        commas = 0;
        last_br = 0;
    }
    return score_paragraph(x, first, chars, commas, flags);
}

/* The only element child of e that is left, or NULL. */
static hs_el *only_child(hs_tree *t, const hs_el *e)
{
    if (e->children != 1)
        return NULL;
    for (const xmlNode *c = e->node->children; c; c = c->next) {
        hs_el *ce = hs_tree_el(t, c);
        if (ce && !is_removed(ce))
            return ce;
    }
    return NULL;
}

/* Step 2. */
static int score(extractor *x, unsigned flags)
{
    hs_tree *t = &x->t;
    x->n_candidates = 0;
    for (size_t i = 0; i < t->n; i++) {
        hs_el *e = &t->el[i];
        if (is_removed(e))
            continue;
        if (e->tag == HS_TAG_DIV) {
            hs_el *child = only_child(t, e);
            if (child && child->tag == HS_TAG_P && !(e->facts & F_OWN_TEXT) &&
                link_density(e) < 0.25)
                e->state |= S_COLLAPSED;
            else if (!(e->state & S_HAS_BLOCK) && !(e->facts & F_BR_RUN))
                e->state |= S_PARAGRAPH;
            else if (score_inline_runs(x, e, flags) < 0)
                return -1;
        }
        if (((e->tflags & HS_TAGF_SCORE) || (e->state & S_PARAGRAPH)) &&
            score_paragraph(x, e->parent, e->chars, e->commas, flags) < 0)
            return -1;
    }
    return 0;
}

static int is_body(const hs_tree *t, int i)
{
    return i < 0 || i == t->body || t->el[i].tag == HS_TAG_BODY;
}

/* Step 3: the top candidate, or -1 for the whole body. */
static int choose_top(extractor *x, unsigned flags)
{
    hs_tree *t = &x->t;
    int top[TOP_CANDIDATES];
    size_t n_top = 0;
    for (size_t c = 0; c < x->n_candidates; c++) {
        hs_el *e = &t->el[x->candidates[c]];
        e->score *= 1 - link_density(e);
        for (size_t k = 0; k < TOP_CANDIDATES; k++) {
            if (k < n_top && e->score <= t->el[top[k]].score)
                continue;
            size_t last = n_top < TOP_CANDIDATES ? n_top : TOP_CANDIDATES - 1;
            memmove(top + k + 1, top + k, (last - k) * sizeof top[0]);
            top[k] = x->candidates[c];
            if (n_top < TOP_CANDIDATES)
                n_top++;
            break;
        }
    }
    if (n_top == 0 || is_body(t, top[0]))
        return -1;

    int best = top[0];
    /* several near-best candidates under one ancestor: take the ancestor */
    size_t alternatives = 0;
    for (size_t k = 1; k < n_top; k++) {
        if (t->el[top[k]].score / t->el[best].score < 0.75)
            continue;
        alternatives++;
        for (int a = t->el[top[k]].parent; a >= 0; a = t->el[a].parent)
            x->marks[a]++;
    }
    if (alternatives >= 3) {
        for (int p = t->el[best].parent; p >= 0 && !is_body(t, p); p = t->el[p].parent) {
            if (x->marks[p] >= 3) {
                best = p;
                break;
            }
        }
    }
    for (size_t k = 1; k < n_top; k++)
        for (int a = t->el[top[k]].parent; a >= 0; a = t->el[a].parent)
            x->marks[a] = 0;
    if (!(t->el[best].state & S_SCORED) && init_score(x, &t->el[best], flags) < 0)
        return -2;

    /* a parent that scores higher still holds more of the article */
    double last = t->el[best].score, threshold = last / 3;
    for (int p = t->el[best].parent; p >= 0 && !is_body(t, p); p = t->el[p].parent) {
        const hs_el *pe = &t->el[p];
        if (!(pe->state & S_SCORED))
            continue;
        if (pe->score < threshold)
            break;
        if (pe->score > last) {
            best = p;
            break;
        }
        last = pe->score;
    }
    /* an only child: its parent helps the sibling step below */
    for (int p = t->el[best].parent; p >= 0 && !is_body(t, p) && t->el[p].children == 1;
         p = t->el[p].parent)
        best = p;
    if (!(t->el[best].state & S_SCORED) && init_score(x, &t->el[best], flags) < 0)
        return -2;
    return best;
}

static int same_class(const hs_el *a, const hs_el *b)
{
    const char *ca = hs_html_attr(a->node, "class"), *cb = hs_html_attr(b->node, "class");
    return ca && cb && *cb && strcmp(ca, cb) == 0;
}

/* A sibling that reads as a paragraph of prose. */
static int prose_sibling(extractor *x, const hs_el *s)
{
    int p_like = s->tag == HS_TAG_P || (s->state & (S_PARAGRAPH | S_COLLAPSED));
    if (!p_like)
        return 0;
    double ld = link_density(s);
    if (s->chars > 80)
        return ld < 0.25;
    if (s->chars == 0 || ld > 0 || text_of(x, s) < 0)
        return 0;
    const char *text = hs_buf_str(&x->t.scratch);
    size_t len = x->t.scratch.len;
    return strstr(text, ". ") || (len > 0 && text[len - 1] == '.');
}

/* Mark the top candidate and the siblings that belong with it as roots. */
static int choose_content(extractor *x, int best)
{
    hs_tree *t = &x->t;
    if (best < 0) {
        int root = t->body >= 0 ? t->body : 0;
        if (t->n > 0)
            t->el[root].state |= S_ROOT;
        return 0;
    }
    hs_el *top = &t->el[best];
    double threshold = top->score * 0.2 > 10 ? top->score * 0.2 : 10;
    const hs_el *parent = top->parent >= 0 ? &t->el[top->parent] : NULL;
    if (!parent) {
        top->state |= S_ROOT;
        return 0;
    }
    for (const xmlNode *c = parent->node->children; c; c = c->next) {
        hs_el *s = hs_tree_el(t, c);
        if (!s || is_removed(s))
            continue;
        int append = s == top;
        if (!append) {
            double bonus = same_class(s, top) ? top->score * 0.2 : 0;
            append = ((s->state & S_SCORED) && s->score + bonus >= threshold) ||
                     prose_sibling(x, s);
        }
        if (append)
            s->state |= S_ROOT;
    }
    return 0;
}

static int skip_left_out(void *ctx, const xmlNode *n)
{
    const hs_el *e = hs_tree_el(ctx, n);
    return e && (e->state & (S_REMOVED | S_CLEANED));
}

static int attempt(extractor *x, unsigned flags, para_list *out)
{
    hs_tree *t = &x->t;
    if (remove_boilerplate(x, flags) < 0)
        return -1;
    sum_up(t);
    if (score(x, flags) < 0)
        return -1;
    int best = choose_top(x, flags);
    if (best < -1 || choose_content(x, best) < 0)
        return -1;
    for (size_t i = 0; i < t->n; i++) {
        hs_el *e = &t->el[i];
        if ((e->state & S_ROOT) || (e->parent >= 0 && (t->el[e->parent].state & S_CONTENT)))
            e->state |= S_CONTENT;
    }
    hs_clean_content(t, flags);
    for (size_t i = 0; i < t->n; i++) {
        const hs_el *e = &t->el[i];
        if (!(e->state & S_ROOT) || (e->state & (S_REMOVED | S_CLEANED)))
            continue;
        int rc = hs_html_emit(e->node, skip_left_out, t, collect, out, &out->chars);
        if (rc)
            return -1;
    }
    return 0;
}

int hs_html_extract_article(xmlDocPtr doc, const char *title, hs_buf *byline,
                            hs_paragraph_fn fn, void *ctx)
{
    static const unsigned attempts[] = {
        A_STRIP_UNLIKELY | A_WEIGHT_CLASSES | A_CLEAN,
        A_WEIGHT_CLASSES | A_CLEAN,
        A_CLEAN,
        0,
    };
    extractor x;
    para_list best, cur;
    int rc = -1;

    memset(&x, 0, sizeof x);
    memset(&best, 0, sizeof best);
    memset(&cur, 0, sizeof cur);
    x.title = title;
    x.byline = -1;
    if ((rc = hs_tree_build(&x.t, doc)) < 0)
        goto done;
    rc = -1;
    x.marks = calloc(x.t.n ? x.t.n : 1, sizeof *x.marks);
    if (!x.marks)
        goto done;
    if (byline && byline->len == 0)
        x.byline_text = byline;

    for (size_t a = 0; a < sizeof attempts / sizeof attempts[0]; a++) {
        if (attempt(&x, attempts[a], &cur) < 0)
            goto done;
        if (cur.chars > best.chars || best.n == 0) {
            para_list swap = best;
            best = cur;
            cur = swap;
        }
        para_list_free(&cur);
        if (best.chars >= CHAR_THRESHOLD)
            break;
    }
    rc = para_list_send(&best, fn, ctx);
done:
    para_list_free(&best);
    para_list_free(&cur);
    free(x.candidates);
    free(x.marks);
    hs_tree_free(&x.t);
    return rc;
}

/* ---- fragments ------------------------------------------------------------- */

static int skip_hidden(void *ctx, const xmlNode *n)
{
    (void)ctx;
    return (hs_class_facts(n) & F_HIDDEN) != 0;
}

int hs_html_extract_all(xmlDocPtr doc, hs_paragraph_fn fn, void *ctx)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    return root ? hs_html_emit(root, skip_hidden, NULL, fn, ctx, NULL) : 0;
}
