/* html/clean.c - tidying the chosen article content; see html/tree.h.
 *
 * Inside the content the extractor chose, some elements are still not
 * article text: embedded objects, footers and asides, small share boxes,
 * headings whose class says they are not content, and - judged by their
 * numbers - lists, tables and boxes that hold more links, images, list
 * items or inputs than paragraphs (Readability's "clean conditionally").
 * One backward pass decides each element after everything inside it, as
 * if the elements already dropped were gone, and sums what stays into its
 * parent.
 */
#include "tree.h"

#include "dom.h"

/* Share boxes longer than this are kept: they may hold real text. */
#define SHARE_MAX_CHARS 500

static int is_list_tag(hs_tag t)
{
    return t == HS_TAG_UL || t == HS_TAG_OL;
}

/* Tags that go wherever they are inside the content (<nav> is not in
 * Readability's list: navigation is never article text). */
static int always_cleaned(hs_tag t)
{
    switch (t) {
    case HS_TAG_OBJECT: case HS_TAG_EMBED: case HS_TAG_FOOTER: case HS_TAG_LINK:
    case HS_TAG_ASIDE: case HS_TAG_IFRAME: case HS_TAG_INPUT: case HS_TAG_TEXTAREA:
    case HS_TAG_SELECT: case HS_TAG_BUTTON: case HS_TAG_NAV:
        return 1;
    default:
        return 0;
    }
}

/* The tag the element counts as.  A div of inline content was read as a
 * paragraph, and one around a single <p> stands for it (Readability turns
 * them into the <p> itself); a top element of the content that is not a
 * div, article, section or p is read as a div (Readability renames it). */
static hs_tag effective_tag(const hs_el *e)
{
    if (e->state & S_PARAGRAPH)
        return HS_TAG_P;
    if (e->state & S_COLLAPSED)
        return HS_TAG_OTHER;
    if (!(e->state & S_ROOT))
        return e->tag;
    switch (e->tag) {
    case HS_TAG_DIV: case HS_TAG_ARTICLE: case HS_TAG_SECTION: case HS_TAG_P:
        return e->tag;
    default:
        return HS_TAG_DIV;
    }
}

/* A list whose items are each a single image is a gallery worth keeping. */
static int is_image_list(const hs_tree *t, const hs_el *e)
{
    for (const xmlNode *c = e->node->children; c; c = c->next) {
        const hs_el *ce = hs_tree_el(t, c);
        if (ce && !(ce->state & (S_REMOVED | S_CLEANED)) && ce->children > 1)
            return 0;
    }
    return e->n_img == e->n_li;
}

/* Readability's "fishy" test for forms, tables, lists and divs. */
static int fishy(hs_tree *t, const hs_el *e, hs_tag tag, unsigned flags)
{
    if (tag == HS_TAG_TABLE && (e->facts & F_DATA_TABLE))
        return 0;
    if (e->facts & (F_IN_DATA_TABLE | F_NEAR_CODE) || e->has_data_table)
        return 0;
    int weight = flags & A_WEIGHT_CLASSES ? e->weight : 0;
    if (weight < 0)
        return 1;
    if (e->ascii_commas >= 10)
        return 0;

    double chars = (double)e->chars;
    double link_density = chars > 0 ? e->links / chars : 0;
    double heading_density = chars > 0 ? (double)e->heading_chars / chars : 0;
    double text_density = chars > 0 ? (double)e->textish_chars / chars : 0;
    int is_list = is_list_tag(tag) || (chars > 0 && (double)e->list_chars / chars > 0.9);
    int in_figure = (e->facts & F_NEAR_FIGURE) != 0;
    long p = e->n_p, img = e->n_img, li = (long)e->n_li - 100, input = e->n_input;

    if (e->chars <= 24) { /* only short text can be an ad label alone */
        hs_buf_reset(&t->scratch);
        if (hs_html_text(e->node, &t->scratch) == 0 && t->scratch.len > 0 &&
            hs_is_ad_or_loading(t->scratch.data))
            return 1;
    }
    int remove = (!in_figure && img > 1 && (double)p / (double)img < 0.5) ||
                 (!is_list && li > p) ||
                 input > p / 3 ||
                 (!is_list && !in_figure && heading_density < 0.9 && e->chars < 25 &&
                  (img == 0 || img > 2) && link_density > 0) ||
                 (!is_list && weight < 25 && link_density > 0.2) ||
                 (weight >= 25 && link_density > 0.5) ||
                 (img == 0 && text_density == 0);
    if (remove && is_list && is_image_list(t, e))
        return 0;
    return remove;
}

static int cleaned(hs_tree *t, const hs_el *e, unsigned flags)
{
    hs_tag tag = effective_tag(e);
    int root = (e->state & S_ROOT) != 0;
    if (!root && always_cleaned(tag))
        return 1;
    if (!root && (e->facts & F_SHARE) && e->chars < SHARE_MAX_CHARS)
        return 1;
    if ((tag == HS_TAG_H1 || tag == HS_TAG_H2) && (flags & A_WEIGHT_CLASSES) &&
        e->weight < 0)
        return 1;
    if (!(flags & A_CLEAN))
        return 0;
    switch (tag) {
    case HS_TAG_FORM: case HS_TAG_FIELDSET: case HS_TAG_TABLE: case HS_TAG_UL:
    case HS_TAG_DIV:
        return fishy(t, e, tag, flags);
    default:
        return 0;
    }
}

/* Add what stays of e to its parent's counts. */
static void add_to_parent(hs_el *p, const hs_el *e)
{
    hs_tag tag = effective_tag(e);
    p->chars += e->chars;
    p->links += e->links;
    p->ascii_commas += e->ascii_commas;
    p->n_p += e->n_p + (tag == HS_TAG_P);
    p->n_img += e->n_img + (e->tag == HS_TAG_IMG);
    p->n_li += e->n_li + (e->tag == HS_TAG_LI);
    p->n_input += e->n_input;
    p->n_embed += e->n_embed;
    p->heading_chars += e->heading_chars + (e->tflags & HS_TAGF_HEADING ? e->chars : 0);
    p->list_chars += e->list_chars + (is_list_tag(e->tag) ? e->chars : 0);
    p->textish_chars += e->textish_chars +
                        (tag == HS_TAG_P || (e->tflags & HS_TAGF_TEXTISH) ? e->chars : 0);
    p->has_data_table |= e->has_data_table || (e->facts & F_DATA_TABLE);
}

void hs_clean_content(hs_tree *t, unsigned flags)
{
    for (size_t i = 0; i < t->n; i++) {
        hs_el *e = &t->el[i];
        if (!(e->state & S_CONTENT))
            continue;
        e->chars = e->own_chars;
        e->links = 0;
        e->ascii_commas = e->own_ascii_commas;
        e->n_p = e->n_img = e->n_li = e->n_input = e->n_embed = 0;
        e->heading_chars = e->list_chars = e->textish_chars = 0;
        e->has_data_table = 0;
    }
    for (size_t i = t->n; i-- > 0; ) {
        hs_el *e = &t->el[i];
        if (!(e->state & S_CONTENT))
            continue;
        hs_el *p = e->parent >= 0 && !(e->state & S_ROOT) ? &t->el[e->parent] : NULL;
        if (e->state & S_REMOVED) {
            /* inputs were left out with the other controls, but a form
             * full of them is still a form */
            if (e->tag == HS_TAG_INPUT && p && !(p->state & S_REMOVED))
                p->n_input++;
            continue;
        }
        if (e->tag == HS_TAG_A)
            e->links = (double)e->chars * (e->facts & F_HASH_LINK ? 0.3 : 1.0);
        if (cleaned(t, e, flags)) {
            e->state |= S_CLEANED;
            continue;
        }
        if (p)
            add_to_parent(p, e);
    }
}
