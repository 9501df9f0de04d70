/* reader_feed.c - RSS and Atom feeds; see reader_feed.h.
 *
 * Each <item> (RSS 2.0 and 0.9x under <channel>, RSS 1.0 under <rdf:RDF>)
 * or <entry> (Atom) becomes an article:
 *   title   <title> (Atom: type text, html or xhtml)
 *   source  <link> (Atom: <link rel="alternate" href>)
 *   date    <pubDate>, <published>, <dc:date>, <updated>
 *   byline  <author> ("mail@example.com (Name)" gives Name), <dc:creator>;
 *           Atom: the names of its <author>s
 *   text    <content:encoded>, <description> (Atom: <content>, <summary>)
 *           read as HTML, every paragraph kept; an item with a title and
 *           no text keeps its title as its one passage (paragraph 0)
 *   id      <guid> (Atom: <id>), else the link, else the title; made
 *           unique within the feed, so that re-reading a feed names each
 *           item the same way
 *   lang    xml:lang, else the feed's <language> or <dc:language>
 *   site    the feed's own <title>
 * Elements are matched by local name, in any namespace and any case:
 * feeds in the wild mix them freely.
 */
#include "reader_feed.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "html/dom.h"
#include "html/emit.h"
#include "html/extract.h"
#include "html/meta.h"
#include "timestamp.h"
#include "xml_doc.h"

typedef struct feed {
    const char *path;
    const char *format;   /* "rss" or "atom" */
    int atom;
    hs_buf site, lang;    /* the feed's, for every item */
    hs_buf author;        /* the feed's author(s), for items without one */
    size_t budget;        /* entity text left to add */
    hs_buf text;          /* scratch */
    size_t ordinal;       /* items seen */
} feed;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The collapsed text of n into f->text (replacing it). */
static int text_of(feed *f, const xmlNode *n)
{
    int space = 0;
    hs_buf_reset(&f->text);
    return hs_xml_text(n, &f->text, &space, &f->budget);
}

/* ---- HTML and plain text held in an element ---------------------------- */

/* HTML that does not parse adds nothing; only running out of memory
 * fails. */
static int add_html(const char *html, size_t len, hs_paragraph_adder *ad)
{
    hs_buf why = HS_BUF_INIT;
    xmlDocPtr doc;
    hs_read_status st = hs_html_parse_utf8(html, len, &doc, &why);
    int rc = 0;
    if (st == HS_READ_OK)
        rc = hs_html_extract_all(doc, hs_paragraph_adder_add, ad);
    else if (st == HS_READ_NO_MEMORY)
        rc = -1;
    xmlFreeDoc(doc);
    hs_buf_free(&why);
    return rc;
}

/* Plain text: paragraphs are separated by blank lines. */
static int add_plain(const char *s, size_t len, hs_paragraph_adder *ad)
{
    size_t start = 0;
    while (start < len) {
        size_t end = start;
        for (;;) { /* find "\n", blanks, "\n" */
            const char *nl = memchr(s + end, '\n', len - end);
            if (!nl) {
                end = len;
                break;
            }
            size_t k = (size_t)(nl - s) + 1;
            while (k < len && is_space(s[k]) && s[k] != '\n')
                k++;
            if (k < len && s[k] == '\n') {
                end = (size_t)(nl - s);
                break;
            }
            end = k;
        }
        if (hs_article_add_paragraph(ad->a, s + start, end - start, ++ad->paragraph) < 0)
            return -1;
        start = end + 1;
    }
    return 0;
}

/* An Atom text construct (type="text", "html" or "xhtml") or an RSS
 * element holding HTML, as paragraphs of ad's article. */
static int add_content(feed *f, const xmlNode *n, int html, hs_paragraph_adder *ad)
{
    const char *type = hs_xml_attr(n, "type");
    if (type && (strcmp(type, "xhtml") == 0 || strstr(type, "xml")))
        return hs_html_emit(n, NULL, NULL, hs_paragraph_adder_add, ad, NULL) ? -1 : 0;
    if (type && strcmp(type, "text") == 0)
        html = 0;
    else if (type && (strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0))
        html = 1;
    hs_buf_reset(&f->text);
    if (hs_xml_raw_text(n, &f->text, &f->budget) < 0)
        return -1;
    if (f->text.len == 0)
        return 0;
    return html ? add_html(f->text.data, f->text.len, ad)
                : add_plain(f->text.data, f->text.len, ad);
}

/* A title: Atom html/xhtml titles and RSS titles with markup lose it. */
static int set_title(feed *f, hs_article *a, const xmlNode *n)
{
    const char *type = hs_xml_attr(n, "type");
    if (text_of(f, n) < 0)
        return -1;
    int markup = (type && strcmp(type, "html") == 0) ||
                 (!f->atom && strchr(hs_buf_str(&f->text), '<'));
    if (markup) {
        hs_buf why = HS_BUF_INIT, plain = HS_BUF_INIT;
        xmlDocPtr doc; /* NULL when it does not parse: the title stays */
        hs_html_parse_utf8(f->text.data, f->text.len, &doc, &why);
        int rc = doc ? hs_html_text(xmlDocGetRootElement(doc), &plain) : 0;
        if (doc && rc == 0 && plain.len > 0) {
            hs_buf_reset(&f->text);
            rc = hs_buf_append(&f->text, plain.data, plain.len);
        }
        xmlFreeDoc(doc);
        hs_buf_free(&why);
        hs_buf_free(&plain);
        if (rc < 0)
            return -1;
    }
    return hs_article_set_title(a, hs_buf_str(&f->text), f->text.len);
}

/* ---- the fields of an item ---------------------------------------------- */

static int set_date(feed *f, hs_article *a, const xmlNode *item)
{
    static const char *const names[] = { "pubDate", "published", "date", "issued",
                                         "updated", "modified" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const xmlNode *n = hs_xml_child(item, names[i]);
        hs_timestamp t;
        if (!n)
            continue;
        if (text_of(f, n) < 0)
            return -1;
        if (hs_timestamp_parse(hs_buf_str(&f->text), f->text.len, &t) == 0)
            return hs_article_set_timestamp(a, &t);
    }
    return 0;
}

/* "jo@example.com (Jo Smith)" -> "Jo Smith", in f->text. */
static void name_from_mailbox(feed *f)
{
    const char *s = hs_buf_str(&f->text);
    const char *open = strchr(s, '('), *close = strrchr(s, ')');
    if (!open || !close || close < open + 2 || !memchr(s, '@', (size_t)(open - s)))
        return;
    size_t n = (size_t)(close - open - 1);
    memmove(f->text.data, open + 1, n);
    f->text.len = n;
    f->text.data[n] = '\0';
}

/* The names of the author and creator elements directly in parent,
 * joined by ", ", appended to names.  0 or -1. */
static int author_names(feed *f, const xmlNode *parent, hs_buf *names)
{
    int rc = 0;
    for (const xmlNode *c = parent->children; c && rc == 0; c = c->next) {
        if (!hs_xml_is(c, "author") && !hs_xml_is(c, "creator"))
            continue;
        const xmlNode *name = hs_xml_child(c, "name"); /* Atom */
        rc = text_of(f, name ? name : c);
        if (rc < 0 || f->text.len == 0)
            continue;
        if (!name)
            name_from_mailbox(f);
        if (names->len > 0)
            rc = hs_buf_puts(names, ", ");
        if (rc == 0)
            rc = hs_buf_append(names, f->text.data, f->text.len);
    }
    return rc;
}

/* The item's authors, else the feed's (an Atom feed's <author> stands for
 * every entry without one). */
static int set_byline(feed *f, hs_article *a, const xmlNode *item)
{
    hs_buf names = HS_BUF_INIT;
    int rc = author_names(f, item, &names);
    const hs_buf *use = names.len > 0 ? &names : &f->author;
    if (rc == 0 && use->len > 0)
        rc = hs_article_set_byline(a, use->data, use->len);
    hs_buf_free(&names);
    return rc;
}

/* The item's link: RSS <link>text</link>, Atom <link rel="alternate"
 * href="..."/> (or the first with an href). */
static int find_link(feed *f, const xmlNode *item, hs_buf *link)
{
    const char *href = NULL;
    for (const xmlNode *c = item->children; c; c = c->next) {
        if (!hs_xml_is(c, "link"))
            continue;
        const char *h = hs_xml_attr(c, "href"), *rel = hs_xml_attr(c, "rel");
        if (h && *h) {
            if (!rel || strcmp(rel, "alternate") == 0) {
                href = h;
                break;
            }
            if (!href)
                href = h;
            continue;
        }
        if (text_of(f, c) < 0)
            return -1;
        if (f->text.len > 0)
            return hs_buf_append(link, f->text.data, f->text.len);
    }
    if (!href)
        return 0;
    int space = 0;
    return hs_append_collapsed(link, href, strlen(href), &space);
}

static int set_lang(feed *f, hs_article *a, const xmlNode *item)
{
    xmlChar *own = xmlNodeGetLang(item);
    hs_buf lang = HS_BUF_INIT;
    int rc = own ? hs_lang_primary((const char *)own, &lang) : 0;
    xmlFree(own);
    if (rc == 0 && f->lang.len > 0)
        rc = hs_buf_append(&lang, f->lang.data, f->lang.len) < 0 ? -1 : 1;
    if (rc > 0)
        rc = hs_article_set_lang(a, lang.data, lang.len);
    hs_buf_free(&lang);
    return rc < 0 ? -1 : 0;
}

/* The text of an item: the richest element it has. */
static int add_text(feed *f, const xmlNode *item, hs_paragraph_adder *ad)
{
    static const char *const rss[] = { "encoded", "description", "content", "summary" };
    static const char *const atom[] = { "content", "summary", "encoded", "description" };
    const char *const *names = f->atom ? atom : rss;
    for (size_t i = 0; i < 4; i++) {
        const xmlNode *n = hs_xml_child(item, names[i]);
        if (!n)
            continue;
        /* RSS text is HTML; Atom's is plain text unless its type says so */
        if (add_content(f, n, !f->atom, ad) < 0)
            return -1;
        if (ad->a->n_passages > 0)
            return 0;
    }
    return 0;
}

static int read_item(feed *f, const xmlNode *item, hs_article_list *out)
{
    hs_buf link = HS_BUF_INIT, id = HS_BUF_INIT;
    hs_article *a = hs_article_new(f->path);
    hs_paragraph_adder ad = { a, 0 };
    const xmlNode *n;
    int rc = a ? 0 : -1;

    f->ordinal++;
    if (rc == 0) {
        a->format = f->format;
        if ((n = hs_xml_child(item, "title")))
            rc = set_title(f, a, n);
    }
    if (rc == 0)
        rc = set_date(f, a, item);
    if (rc == 0)
        rc = set_byline(f, a, item);
    if (rc == 0)
        rc = set_lang(f, a, item);
    if (rc == 0 && f->site.len > 0)
        rc = hs_article_set_site(a, f->site.data, f->site.len);
    if (rc == 0)
        rc = find_link(f, item, &link);
    /* no link: an RSS guid is the item's address unless isPermaLink="false" */
    if (rc == 0 && link.len == 0 && (n = hs_xml_child(item, "guid")) &&
        !(hs_xml_attr(n, "isPermaLink") && strcmp(hs_xml_attr(n, "isPermaLink"), "true") != 0) &&
        (rc = text_of(f, n)) == 0 &&
        (!strncmp(hs_buf_str(&f->text), "http://", 7) ||
         !strncmp(hs_buf_str(&f->text), "https://", 8)))
        rc = hs_buf_append(&link, f->text.data, f->text.len);
    if (rc == 0 && link.len > 0)
        rc = hs_article_set_source(a, link.data, link.len);
    if (rc == 0)
        rc = add_text(f, item, &ad);
    if (rc == 0 && a->n_passages == 0 && a->title[0]) /* a headline alone */
        rc = hs_article_add_paragraph(a, a->title, strlen(a->title), 0);

    /* identity: guid or id, else link, else title, else position */
    if (rc == 0 && ((n = hs_xml_child(item, "guid")) || (n = hs_xml_child(item, "id")))) {
        rc = text_of(f, n);
        if (rc == 0)
            rc = hs_buf_append(&id, f->text.data, f->text.len);
    }
    if (rc == 0 && id.len == 0)
        rc = link.len ? hs_buf_append(&id, link.data, link.len)
                      : a->title[0] ? hs_buf_puts(&id, a->title)
                                    : hs_buf_printf(&id, "item %zu", f->ordinal);
    if (rc == 0)
        rc = hs_article_set_id(a, id.data, id.len);

    if (rc == 0 && a->n_passages > 0)
        rc = hs_article_list_add(out, a);
    else
        hs_article_free(a); /* nothing to index in it: not an article */
    hs_buf_free(&link);
    hs_buf_free(&id);
    return rc;
}

/* ---- the feed ----------------------------------------------------------- */

static int read_channel(feed *f, const xmlNode *channel, const xmlNode *root)
{
    const xmlNode *n;
    int space = 0;
    if ((n = hs_xml_child(channel, "title")) &&
        hs_xml_text(n, &f->site, &space, &f->budget) < 0)
        return -1;
    xmlChar *lang = xmlNodeGetLang(root);
    int rc = lang ? hs_lang_primary((const char *)lang, &f->lang) : 0;
    xmlFree(lang);
    if (author_names(f, channel, &f->author) < 0)
        return -1;
    if (rc == 0 && ((n = hs_xml_child(channel, "language")) ||
                    (n = hs_xml_child(root, "language")))) {
        if (text_of(f, n) < 0)
            return -1;
        rc = hs_lang_primary(hs_buf_str(&f->text), &f->lang);
    }
    return rc < 0 ? -1 : 0;
}

static int read_items(feed *f, const xmlNode *parent, const char *name,
                      hs_article_list *out)
{
    for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (hs_xml_is(c, name) && read_item(f, c, out) < 0)
            return -1;
    return 0;
}

hs_read_status hs_read_feed(const char *path, const char *data, size_t len,
                            hs_article_list *out, hs_buf *why)
{
    int partial = 0; /* why then says so, and stays on success */
    xmlDocPtr doc;
    hs_read_status st = hs_xml_parse(data, len, &doc, why, &partial);
    if (st != HS_READ_OK)
        return st;

    feed f = { path, "rss", 0, HS_BUF_INIT, HS_BUF_INIT, HS_BUF_INIT,
               hs_xml_entity_budget(len), HS_BUF_INIT, 0 };
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *channel = hs_xml_child(root, "channel");
    size_t first = out->n;
    const char *reason = NULL; /* why it is no feed; NULL: out of memory */
    int rc = -1;

    if (hs_xml_is(root, "feed")) {
        f.format = "atom";
        f.atom = 1;
        rc = read_channel(&f, root, root) == 0 && read_items(&f, root, "entry", out) == 0
                 ? 0 : -1;
    } else if (hs_xml_is(root, "rss") || hs_xml_is(root, "RDF")) {
        /* RSS 2.0 keeps items in the channel, RSS 1.0 beside it */
        rc = read_channel(&f, channel ? channel : root, root) == 0 &&
             read_items(&f, channel, "item", out) == 0 &&
             read_items(&f, root, "item", out) == 0 ? 0 : -1;
    } else {
        reason = "not an RSS or Atom feed";
    }
    if (rc == 0 && hs_article_list_unique_ids(out, first) < 0)
        rc = -1;
    if (rc == 0 && out->n == first) {
        reason = "feed has no items with text";
        rc = -1;
    }
    if (rc < 0) {
        while (out->n > first)
            hs_article_free(out->items[--out->n]);
        if (why)
            hs_buf_reset(why); /* the reason, not a partial read's note */
        st = reason ? hs_read_bad(why, reason) : hs_read_no_memory(why);
    }
    hs_buf_free(&f.site);
    hs_buf_free(&f.lang);
    hs_buf_free(&f.author);
    hs_buf_free(&f.text);
    xmlFreeDoc(doc);
    return st;
}
