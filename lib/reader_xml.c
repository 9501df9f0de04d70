/* reader_xml.c - XML that is neither a page nor a feed; see hs_read_xml in
 * reader.h.
 *
 * An export, a DocBook chapter or a data file: its title is the first
 * <title> or <headline> element (any namespace, any case), and every
 * element that holds text of its own - a paragraph, a field - is one
 * paragraph, with the text of the elements inside it.  The first element
 * called date, pubDate, published, datePublished, created or issued that
 * reads as a date gives the date; the first author, creator or byline the
 * byline; xml:lang on the root the language.
 */
#include "reader.h"

#include <string.h>

#include <libxml/tree.h>

#include "html_dom.h"
#include "html_meta.h"
#include "timestamp.h"
#include "xml_doc.h"

/* Bylines longer than this are a paragraph that mentions an author. */
#define BYLINE_MAX 200

typedef struct xml_reader {
    hs_article *a;
    size_t budget;         /* entity text left */
    hs_buf text;
    unsigned paragraph;
    const xmlNode *title;  /* the element the title came from */
    int has_date, has_byline;
} xml_reader;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Text directly inside n (not in child elements) that is not white space. */
static int has_own_text(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || !c->content)
            continue;
        for (const char *s = (const char *)c->content; *s; s++)
            if (!is_space(*s))
                return 1;
    }
    return 0;
}

static int text_of(xml_reader *r, const xmlNode *n)
{
    int space = 0;
    hs_buf_reset(&r->text);
    return hs_xml_text(n, &r->text, &space, &r->budget);
}

static int is_one_of(const xmlNode *n, const char *const *names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (hs_xml_is(n, names[i]))
            return 1;
    return 0;
}

/* Metadata an element may give; true when it was taken (and is then not
 * a paragraph). */
static int take_metadata(xml_reader *r, const xmlNode *n)
{
    static const char *const titles[] = { "title", "headline" };
    static const char *const dates[] = { "date", "pubDate", "published", "datePublished",
                                         "created", "issued" };
    static const char *const authors[] = { "author", "creator", "byline" };
    hs_timestamp t;

    if (!r->title && is_one_of(n, titles, 2)) {
        if (text_of(r, n) < 0)
            return -1;
        r->title = n;
        return hs_article_set_title(r->a, hs_buf_str(&r->text), r->text.len) < 0 ? -1 : 1;
    }
    if (!r->has_date && is_one_of(n, dates, 6)) {
        if (text_of(r, n) < 0)
            return -1;
        if (hs_timestamp_parse(hs_buf_str(&r->text), r->text.len, &t) == 0) {
            r->has_date = 1;
            return hs_article_set_timestamp(r->a, &t) < 0 ? -1 : 1;
        }
    }
    if (!r->has_byline && is_one_of(n, authors, 3)) {
        if (text_of(r, n) < 0)
            return -1;
        if (r->text.len > 0 && r->text.len <= BYLINE_MAX) {
            r->has_byline = 1;
            return hs_article_set_byline(r->a, r->text.data, r->text.len) < 0 ? -1 : 1;
        }
    }
    return 0;
}

static int read_elements(xml_reader *r, const xmlNode *root)
{
    for (const xmlNode *n = root; n; ) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            int taken = take_metadata(r, n);
            if (taken < 0)
                return -1;
            if (taken) {
                skip = 1;
            } else if (has_own_text(n)) {
                if (text_of(r, n) < 0 ||
                    hs_article_add_paragraph(r->a, hs_buf_str(&r->text), r->text.len,
                                             ++r->paragraph) < 0)
                    return -1;
                skip = 1;
            }
        }
        n = hs_html_next(root, n, skip);
    }
    return 0;
}

int hs_read_xml(const char *path, const char *data, size_t len,
                hs_article_list *out, hs_buf *why)
{
    xmlDocPtr doc = hs_xml_parse(data, len, why);
    if (!doc)
        return -1;

    xml_reader r = { hs_article_new(path), hs_xml_entity_budget(len), HS_BUF_INIT, 0,
                     NULL, 0, 0 };
    const xmlNode *root = xmlDocGetRootElement(doc);
    const char *reason = "out of memory";
    int rc = -1;
    if (r.a) {
        r.a->format = "xml";
        xmlChar *lang = xmlNodeGetLang(root);
        hs_buf code = HS_BUF_INIT;
        int lrc = lang ? hs_lang_primary((const char *)lang, &code) : 0;
        xmlFree(lang);
        if (lrc >= 0 && (lrc == 0 || hs_article_set_lang(r.a, code.data, code.len) == 0) &&
            read_elements(&r, root) == 0)
            rc = 0;
        hs_buf_free(&code);
    }
    if (rc == 0 && r.a->n_passages == 0) {
        reason = "no article text found";
        rc = -1;
    }
    if (rc == 0)
        rc = hs_article_list_add(out, r.a);
    else
        hs_article_free(r.a);
    if (rc < 0 && why)
        hs_buf_puts(why, reason);
    hs_buf_free(&r.text);
    xmlFreeDoc(doc);
    return rc;
}
