/* reader_xml.c - XML that is neither a page nor a feed; see reader_xml.h.
 *
 * An export, a DocBook chapter or a data file.  An export of several
 * records (two or more sibling elements of one name under the root, or
 * under its lone child a few levels down, each with a title or headline of
 * its own) gives one article per record; any other document is one
 * article.  An article's title is its first <title> or <headline> element
 * (any namespace, any case), and every element that holds text of its own
 * - a paragraph, a field - is one paragraph, with the text of the elements
 * inside it.  The first element called date, pubDate, published,
 * datePublished, created or issued that reads as a date gives the date;
 * the first author, creator or byline the byline; the first url, link or
 * source that holds a web address the source; xml:lang the language.  A
 * record is known by its id or guid attribute, else its address, else its
 * title, else its place.
 */
#include "reader_xml.h"

#include <string.h>

#include <libxml/tree.h>

#include "html/dom.h"
#include "html/meta.h"
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
    static const char *const links[] = { "url", "link", "source" };
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
    if (!r->a->source && is_one_of(n, links, 3)) {
        if (text_of(r, n) < 0)
            return -1;
        const char *v = hs_buf_str(&r->text);
        if (!strncmp(v, "http://", 7) || !strncmp(v, "https://", 8))
            return hs_article_set_source(r->a, v, r->text.len) < 0 ? -1 : 1;
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

/* Whether n or an element inside it is a title or headline. */
static int has_title(const xmlNode *n)
{
    for (const xmlNode *d = n; d; d = hs_html_next(n, d, 0))
        if (hs_xml_is(d, "title") || hs_xml_is(d, "headline"))
            return 1;
    return 0;
}

/* Whether parent holds something of its own beside the elements called
 * name: a title or headline, or text (a document's introduction).  Then
 * those elements are its sections, not records. */
static int has_own_content(const xmlNode *parent, const char *name)
{
    if (has_own_text(parent))
        return 1;
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !hs_xml_is(c, name) &&
            (hs_xml_is(c, "title") || hs_xml_is(c, "headline") || has_own_text(c)))
            return 1;
    return 0;
}

/* The records of an export (reader_xml.c's header): their parent, with
 * their name in *name; NULL when the document is one article (a chapter
 * with titled sections is one: it has a title and text of its own). */
static const xmlNode *records_parent(const xmlNode *root, const char **name)
{
    const xmlNode *p = root;
    for (int depth = 0; p && depth < 4; depth++) {
        const xmlNode *only = NULL;
        size_t elements = 0;
        for (const xmlNode *c = p->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            elements++;
            only = c;
            if (!has_title(c))
                continue;
            size_t same = 0;
            for (const xmlNode *d = c; d; d = d->next)
                same += d->type == XML_ELEMENT_NODE && hs_xml_is(d, hs_xml_name(c)) &&
                        has_title(d);
            if (same >= 2) {
                if (has_own_content(p, hs_xml_name(c)))
                    return NULL;
                *name = hs_xml_name(c);
                return p;
            }
        }
        if (elements != 1 || has_own_text(p))
            return NULL;
        p = only;
    }
    return NULL;
}

/* One article of the subtree at top; it goes to out, unless it has no
 * text (then *empty is set).  ordinal: its place among the records, for
 * its id (0: the document is one article, which needs none).  *budget:
 * the entity text the whole document may still add, decreased.  0 or
 * -1. */
static int read_article(const char *path, const xmlNode *top, size_t ordinal, size_t *budget,
                        hs_article_list *out, int *empty)
{
    xml_reader r = { hs_article_new(path), *budget, HS_BUF_INIT, 0, NULL, 0, 0 };
    hs_buf code = HS_BUF_INIT, id = HS_BUF_INIT;
    int rc = r.a ? 0 : -1;
    if (rc == 0) {
        r.a->format = "xml";
        xmlChar *lang = xmlNodeGetLang(top);
        int lrc = lang ? hs_lang_primary((const char *)lang, &code) : 0;
        xmlFree(lang);
        rc = lrc < 0 || (lrc > 0 && hs_article_set_lang(r.a, code.data, code.len) < 0) ? -1 : 0;
    }
    if (rc == 0)
        rc = read_elements(&r, top);
    if (rc == 0 && ordinal && r.a->n_passages == 0 && r.a->title[0]) /* a headline alone */
        rc = hs_article_add_paragraph(r.a, r.a->title, strlen(r.a->title), 0);
    if (rc == 0 && ordinal) {
        const char *attr = hs_xml_attr(top, "id");
        if (!attr || !*attr)
            attr = hs_xml_attr(top, "guid");
        rc = attr && *attr       ? hs_buf_puts(&id, attr)
             : r.a->source       ? hs_buf_puts(&id, r.a->source)
             : r.a->title[0]     ? hs_buf_puts(&id, r.a->title)
                                 : hs_buf_printf(&id, "record %zu", ordinal);
        if (rc == 0)
            rc = hs_article_set_id(r.a, id.data, id.len);
    }
    *budget = r.budget; /* the document's entity text, shared by its records */
    *empty = rc == 0 && r.a->n_passages == 0;
    if (rc == 0 && !*empty)
        rc = hs_article_list_add(out, r.a);
    else
        hs_article_free(r.a);
    hs_buf_free(&r.text);
    hs_buf_free(&code);
    hs_buf_free(&id);
    return rc;
}

hs_read_status hs_read_xml(const char *path, const char *data, size_t len,
                           hs_article_list *out, hs_buf *why)
{
    int partial = 0; /* why then says so, and stays on success */
    xmlDocPtr doc;
    hs_read_status st = hs_xml_parse(data, len, &doc, why, &partial);
    if (st != HS_READ_OK)
        return st;

    const xmlNode *root = xmlDocGetRootElement(doc);
    const char *name = NULL;
    const char *reason = NULL; /* why it is no article; NULL: out of memory */
    const xmlNode *records = records_parent(root, &name);
    size_t budget = hs_xml_entity_budget(len), first = out->n, ordinal = 0;
    int rc = 0, empty = 0;
    if (records) {
        for (const xmlNode *c = records->children; c && rc == 0; c = c->next)
            if (c->type == XML_ELEMENT_NODE && hs_xml_is(c, name))
                rc = read_article(path, c, ++ordinal, &budget, out, &empty);
        if (rc == 0)
            rc = hs_article_list_unique_ids(out, first);
        empty = rc == 0 && out->n == first;
    } else {
        rc = read_article(path, root, 0, &budget, out, &empty);
    }
    if (rc == 0 && empty) {
        reason = "no article text found";
        rc = -1;
    }
    if (rc < 0) {
        if (why)
            hs_buf_reset(why); /* the reason, not a partial read's note */
        st = reason ? hs_read_bad(why, reason) : hs_read_no_memory(why);
    }
    xmlFreeDoc(doc);
    return st;
}
