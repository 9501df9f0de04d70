/* html/meta.c - an HTML page's metadata; see html/meta.h. */
#include "meta.h"

#include <string.h>
#include <strings.h>

#include "dom.h"
#include "jsonld.h"
#include "tags.h"

/* How far up from a <title> we look for an enclosing <svg>. */
#define TITLE_ANCESTOR_CHECK 64

/* The <meta> names and properties read, each stored once (the first). */
enum meta_key {
    M_OG_TITLE, M_DC_TITLE, M_TWITTER_TITLE, M_TITLE, M_PARSELY_TITLE,
    M_WEIBO_TITLE,
    M_AUTHOR, M_DC_CREATOR, M_PARSELY_AUTHOR, M_ARTICLE_AUTHOR,
    M_PUBLISHED_TIME, M_PARSELY_PUB_DATE, M_DC_DATE, M_DATE_PUBLISHED,
    M_OG_PUBLISHED_TIME, M_DATE, M_PUBDATE,
    M_OG_SITE_NAME, M_OG_URL, M_OG_LOCALE, M_CONTENT_LANGUAGE, M_DC_LANGUAGE,
    N_META_KEYS
};

static const struct {
    const char *name; /* lower case, '.' read as ':', "dcterms:" as "dc:" */
    enum meta_key key;
} meta_names[] = {
    { "og:title", M_OG_TITLE }, { "dc:title", M_DC_TITLE },
    { "twitter:title", M_TWITTER_TITLE }, { "title", M_TITLE },
    { "parsely-title", M_PARSELY_TITLE }, { "weibo:article:title", M_WEIBO_TITLE },
    { "weibo:webpage:title", M_WEIBO_TITLE },
    { "author", M_AUTHOR }, { "dc:creator", M_DC_CREATOR },
    { "parsely-author", M_PARSELY_AUTHOR }, { "article:author", M_ARTICLE_AUTHOR },
    { "sailthru:author", M_PARSELY_AUTHOR }, { "og:article:author", M_ARTICLE_AUTHOR },
    { "article:published_time", M_PUBLISHED_TIME },
    { "og:article:published_time", M_PUBLISHED_TIME },
    { "parsely-pub-date", M_PARSELY_PUB_DATE }, { "dc:date", M_DC_DATE },
    { "dc:date:issued", M_DC_DATE }, { "dc:created", M_DC_DATE },
    { "dc:issued", M_DC_DATE }, { "datepublished", M_DATE_PUBLISHED },
    { "og:published_time", M_OG_PUBLISHED_TIME }, { "date", M_DATE },
    { "pubdate", M_PUBDATE }, { "publishdate", M_PUBDATE },
    { "publish-date", M_PUBDATE }, { "sailthru:date", M_PUBDATE },
    { "og:site_name", M_OG_SITE_NAME }, { "og:url", M_OG_URL },
    { "og:locale", M_OG_LOCALE }, { "content-language", M_CONTENT_LANGUAGE },
    { "dc:language", M_DC_LANGUAGE },
};

/* What one walk over the page gathers; strings point into the tree. */
typedef struct gathered {
    const char *meta[N_META_KEYS][2]; /* from property or itemprop; from name */
    const char *html_lang;
    const char *canonical;
    const xmlNode *title;        /* the page's <title> element */
    const xmlNode *first_h1;
    size_t n_h1;
    const char *time_datetime;   /* the first <time datetime> (a published one first) */
    int time_is_published;
    const xmlNode *published;    /* the first other itemprop="datePublished" */
    const xmlNode *time_text;    /* the first <time> without datetime */
    hs_jsonld jsonld;
} gathered;

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s begins with prefix (lower case), ASCII case ignored. */
static int starts_ci(const char *s, const char *prefix)
{
    while (*prefix && lower(*s) == *prefix) {
        s++;
        prefix++;
    }
    return *prefix == '\0';
}

/* The first value of a key, a property's before a name's (RDFa's
 * property is the standard; name= is the older habit). */
static const char *meta_value(const gathered *g, enum meta_key k)
{
    return g->meta[k][0] ? g->meta[k][0] : g->meta[k][1];
}

/* Store content under the key that name[0..len) means, if any. */
static void store_meta(gathered *g, const char *name, size_t len, const char *content,
                       int slot)
{
    char key[40];
    size_t n = 0;
    if (len >= sizeof key)
        return;
    for (size_t i = 0; i < len; i++) {
        char c = lower(name[i]);
        if (is_space(c))
            continue;
        key[n++] = c == '.' ? ':' : c;
    }
    key[n] = '\0';
    const char *k = key;
    char folded[sizeof key];
    if (strncmp(key, "dcterms:", 8) == 0 || strncmp(key, "dcterm:", 7) == 0) {
        strcpy(folded, "dc:");
        strcat(folded, strchr(key, ':') + 1); /* shorter than key */
        k = folded;
    }
    for (size_t i = 0; i < sizeof meta_names / sizeof meta_names[0]; i++) {
        if (strcmp(k, meta_names[i].name) != 0)
            continue;
        enum meta_key m = meta_names[i].key;
        if (m == M_ARTICLE_AUTHOR && (hs_contains_ci(content, "http://") ||
                                      hs_contains_ci(content, "https://")))
            return; /* a profile URL, not a name */
        if (!g->meta[m][slot])
            g->meta[m][slot] = content;
        return;
    }
}

/* property="a b" holds several names; name, itemprop and http-equiv one. */
static void read_meta(gathered *g, const xmlNode *n)
{
    static const char *const attrs[] = { "property", "itemprop", "name", "http-equiv" };
    const char *content = hs_html_attr(n, "content");
    if (!content || !*content)
        return;
    for (size_t a = 0; a < sizeof attrs / sizeof attrs[0]; a++) {
        const char *v = hs_html_attr(n, attrs[a]);
        while (v && *v) {
            while (is_space(*v))
                v++;
            size_t len = 0;
            while (v[len] && !is_space(v[len]))
                len++;
            if (len > 0)
                store_meta(g, v, len, content, a >= 2);
            v += len;
        }
    }
}

static int has_token_ci(const char *list, const char *token)
{
    size_t n = strlen(token);
    while (list && *list) {
        while (is_space(*list))
            list++;
        size_t len = 0;
        while (list[len] && !is_space(list[len]))
            len++;
        if (len == n) {
            size_t i = 0;
            while (i < n && lower(list[i]) == token[i])
                i++;
            if (i == n)
                return 1;
        }
        list += len;
    }
    return 0;
}

static int inside_svg(const xmlNode *n)
{
    int depth = 0;
    for (n = n->parent; n && depth < TITLE_ANCESTOR_CHECK; n = n->parent, depth++)
        if (n->type == XML_ELEMENT_NODE && strcmp(hs_html_name(n), "svg") == 0)
            return 1;
    return 0;
}

/* The text of a script element (one text node, or several). */
static int read_jsonld(gathered *g, const xmlNode *script)
{
    hs_buf text = HS_BUF_INIT;
    int rc = 0;
    for (const xmlNode *c = script->children; c && rc == 0; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            rc = hs_buf_puts(&text, (const char *)c->content);
    if (rc == 0)
        rc = hs_jsonld_read(hs_buf_str(&text), text.len, &g->jsonld);
    hs_buf_free(&text);
    return rc;
}

/* Microdata's publication date on an element other than <meta>. */
static int itemprop_published(const xmlNode *n)
{
    return has_token_ci(hs_html_attr(n, "itemprop"), "datepublished");
}

static int visit(gathered *g, const xmlNode *n)
{
    unsigned flags;
    hs_tag tag = hs_html_tag(hs_html_name(n), &flags);
    const char *v;
    switch (tag) {
    case HS_TAG_HTML:
        if (!g->html_lang && !(g->html_lang = hs_html_attr(n, "lang")))
            g->html_lang = hs_html_attr(n, "xml:lang");
        break;
    case HS_TAG_META:
        read_meta(g, n);
        break;
    case HS_TAG_LINK:
        if (!g->canonical && has_token_ci(hs_html_attr(n, "rel"), "canonical"))
            g->canonical = hs_html_attr(n, "href");
        break;
    case HS_TAG_TITLE:
        if (!g->title && !inside_svg(n))
            g->title = n;
        break;
    case HS_TAG_H1:
        if (g->n_h1++ == 0)
            g->first_h1 = n;
        break;
    case HS_TAG_TIME:
        if (!(v = hs_html_attr(n, "datetime")) || !*v) {
            if (!g->time_text)
                g->time_text = n;
            if (!g->published && itemprop_published(n))
                g->published = n;
        } else {
            const char *prop = hs_html_attr(n, "itemprop");
            int published = hs_html_attr(n, "pubdate") ||
                            (prop && hs_contains_ci(prop, "datepublished"));
            if (!g->time_datetime || (published && !g->time_is_published)) {
                g->time_datetime = v;
                g->time_is_published = published;
            }
        }
        break;
    case HS_TAG_SCRIPT:
        if ((v = hs_html_attr(n, "type"))) {
            while (is_space(*v))
                v++;
            if (starts_ci(v, "application/ld+json"))
                return read_jsonld(g, n);
        }
        break;
    default:
        if (!g->published && itemprop_published(n))
            g->published = n;
        break;
    }
    return 0;
}

/* ---- choosing --------------------------------------------------------- */

int hs_html_unescape(const char *s, size_t len, hs_buf *out)
{
    static const struct {
        const char *name, *text;
    } named[] = { { "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" },
                  { "quot;", "\"" }, { "apos;", "'" } };
    size_t i = 0;
    while (i < len) {
        const char *amp = memchr(s + i, '&', len - i);
        size_t stop = amp ? (size_t)(amp - s) : len;
        if (hs_buf_append(out, s + i, stop - i) < 0)
            return -1;
        if (!amp)
            return 0;
        i = stop + 1;
        int done = 0;
        for (size_t k = 0; k < sizeof named / sizeof named[0] && !done; k++) {
            size_t n = strlen(named[k].name);
            if (len - i >= n && memcmp(s + i, named[k].name, n) == 0) {
                if (hs_buf_puts(out, named[k].text) < 0)
                    return -1;
                i += n;
                done = 1;
            }
        }
        if (!done && i < len && s[i] == '#') {
            size_t j = i + 1;
            int hex = j < len && (s[j] == 'x' || s[j] == 'X');
            unsigned long cp = 0;
            size_t digits = 0;
            for (j += hex; j < len && digits < 8; j++, digits++) {
                char c = lower(s[j]);
                int d = c >= '0' && c <= '9' ? c - '0'
                      : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0)
                    break;
                cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            }
            if (digits > 0 && j < len && s[j] == ';') {
                if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    cp = 0xFFFD;
                char u[4];
                size_t n;
                if (cp < 0x80) {
                    u[0] = (char)cp;
                    n = 1;
                } else if (cp < 0x800) {
                    u[0] = (char)(0xC0 | (cp >> 6));
                    u[1] = (char)(0x80 | (cp & 0x3F));
                    n = 2;
                } else if (cp < 0x10000) {
                    u[0] = (char)(0xE0 | (cp >> 12));
                    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    u[2] = (char)(0x80 | (cp & 0x3F));
                    n = 3;
                } else {
                    u[0] = (char)(0xF0 | (cp >> 18));
                    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                    u[3] = (char)(0x80 | (cp & 0x3F));
                    n = 4;
                }
                if (hs_buf_append(out, u, n) < 0)
                    return -1;
                i = j + 1;
                done = 1;
            }
        }
        if (!done && hs_buf_putc(out, '&') < 0)
            return -1;
    }
    return 0;
}

/* Set out to s unescaped and collapsed; false (out empty) when s is empty. */
static int set_value(hs_buf *out, const char *s, size_t len, int *err)
{
    hs_buf raw = HS_BUF_INIT;
    int space = 0;
    hs_buf_reset(out);
    if (!s)
        return 0;
    if (hs_html_unescape(s, len, &raw) < 0 ||
        hs_append_collapsed(out, hs_buf_str(&raw), raw.len, &space) < 0)
        *err = 1;
    hs_buf_free(&raw);
    return out->len > 0;
}

static int set_str(hs_buf *out, const char *s, int *err)
{
    return set_value(out, s, s ? strlen(s) : 0, err);
}

/* Does any <h1> or <h2> read exactly as text? */
static int heading_matches(xmlDocPtr doc, const char *text, int *err)
{
    hs_buf h = HS_BUF_INIT;
    const xmlNode *root = (const xmlNode *)doc;
    int match = 0;
    for (const xmlNode *n = root->children; n && !match && !*err;
         n = hs_html_next(root, n, 0)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        hs_tag t = hs_html_tag(hs_html_name(n), &(unsigned){ 0 });
        if (t != HS_TAG_H1 && t != HS_TAG_H2)
            continue;
        hs_buf_reset(&h);
        if (hs_html_text(n, &h) < 0)
            *err = 1;
        match = strcmp(hs_buf_str(&h), text) == 0;
    }
    hs_buf_free(&h);
    return match;
}

/* The title JSON-LD gives: "headline" and "name" should agree, but some
 * pages put the site's name in one of them; the one that reads like the
 * page's <title> wins, "name" when neither or both do. */
static const char *jsonld_title(const hs_jsonld *j, const char *doc_title)
{
    const char *name = j->name.len ? j->name.data : NULL;
    const char *headline = j->headline.len ? j->headline.data : NULL;
    if (name && headline && strcmp(name, headline) != 0) {
        int name_ok = hs_text_similarity(name, doc_title) > 0.75;
        int headline_ok = hs_text_similarity(headline, doc_title) > 0.75;
        return headline_ok && !name_ok ? headline : name;
    }
    return name ? name : headline;
}

/* The <title> without the site's name, or the only <h1>; into out. */
static void document_title(xmlDocPtr doc, const gathered *g, hs_buf *out, int *err)
{
    hs_buf title = HS_BUF_INIT, h1 = HS_BUF_INIT;
    if ((g->title && hs_html_text(g->title, &title) < 0) ||
        (g->n_h1 == 1 && hs_html_text(g->first_h1, &h1) < 0))
        *err = 1;
    if (!*err && title.len > 0) {
        int match = strstr(title.data, ": ") && heading_matches(doc, title.data, err);
        if (hs_html_clean_title(title.data, match, g->n_h1 == 1 ? hs_buf_str(&h1) : NULL,
                                out) < 0)
            *err = 1;
    } else if (!*err && h1.len > 0 && hs_buf_append(out, h1.data, h1.len) < 0) {
        *err = 1;
    }
    hs_buf_free(&title);
    hs_buf_free(&h1);
}

/* Titles in order of trust.  The issue proposed og:title first; measured
 * on the readability pages, og:title is often the social-media variant of
 * the headline or carries the site's name, while JSON-LD's headline is the
 * editorial one (title match 89% with og:title first, 100% this way). */
static void choose_title(xmlDocPtr doc, gathered *g, hs_html_meta *m, int *err)
{
    hs_buf doc_title = HS_BUF_INIT;
    document_title(doc, g, &doc_title, err);
    const char *const order[] = {
        jsonld_title(&g->jsonld, hs_buf_str(&doc_title)),
        meta_value(g, M_DC_TITLE), meta_value(g, M_OG_TITLE),
        meta_value(g, M_WEIBO_TITLE), meta_value(g, M_TITLE),
        meta_value(g, M_TWITTER_TITLE), meta_value(g, M_PARSELY_TITLE),
    };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (set_str(&m->title, order[i], err))
            goto done;
    set_value(&m->title, doc_title.data, doc_title.len, err);
done:
    hs_buf_free(&doc_title);
}

/* Take the site's name off the end or the start of the title, with the
 * separator between them: "Candidates register | Steppe Daily" from an
 * og:title, when og:site_name (or the JSON-LD publisher) is "Steppe
 * Daily".  Only that exact name goes: a headline is never cut
 * otherwise. */
static void drop_site_name(hs_buf *title, const char *site)
{
    static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                        " : ", ": ", " \xC2\xB7 ", " \xC2\xBB ", " / " };
    size_t n = site ? strlen(site) : 0, len = title->len;
    if (n == 0 || len <= n)
        return;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t k = strlen(seps[i]);
        if (len <= n + k)
            continue;
        if (strcasecmp(title->data + len - n, site) == 0 &&
            memcmp(title->data + len - n - k, seps[i], k) == 0) {
            title->len = len - n - k;
            title->data[title->len] = '\0';
            return;
        }
        if (strncasecmp(title->data, site, n) == 0 && memcmp(title->data + n, seps[i], k) == 0) {
            memmove(title->data, title->data + n + k, len - n - k + 1);
            title->len = len - n - k;
            return;
        }
    }
}

static void choose_byline(gathered *g, hs_html_meta *m, int *err)
{
    static const enum meta_key keys[] = { M_DC_CREATOR, M_AUTHOR, M_PARSELY_AUTHOR,
                                          M_ARTICLE_AUTHOR };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (set_str(&m->byline, meta_value(g, keys[i]), err))
            return;
    set_value(&m->byline, g->jsonld.author.data, g->jsonld.author.len, err);
}

static int try_date(hs_html_meta *m, const char *s)
{
    if (!m->has_date && s && hs_timestamp_parse(s, strlen(s), &m->date) == 0)
        m->has_date = 1;
    return m->has_date;
}

/* The date an element shows: its content= (microdata), title= (as on
 * <abbr>) or its text ("March 19, 2023", "20 марта 2023 г."). */
static int try_element_date(hs_html_meta *m, const xmlNode *n)
{
    if (!n)
        return 0;
    if (try_date(m, hs_html_attr(n, "content")) || try_date(m, hs_html_attr(n, "title")))
        return 1;
    hs_buf text = HS_BUF_INIT;
    int found = hs_html_text(n, &text) == 0 && try_date(m, hs_buf_str(&text));
    hs_buf_free(&text);
    return found;
}

static void choose_date(gathered *g, hs_html_meta *m)
{
    if (try_date(m, meta_value(g, M_PUBLISHED_TIME)) ||
        try_date(m, hs_buf_str(&g->jsonld.published)) ||
        try_date(m, g->time_datetime))
        return;
    static const enum meta_key keys[] = { M_PARSELY_PUB_DATE, M_DATE_PUBLISHED,
                                          M_OG_PUBLISHED_TIME, M_DC_DATE, M_PUBDATE,
                                          M_DATE };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (try_date(m, meta_value(g, keys[i])))
            return;
    /* the page's body last: a "related stories" list may carry dates too */
    if (!try_element_date(m, g->published))
        try_element_date(m, g->time_text);
}

int hs_lang_primary(const char *s, hs_buf *out)
{
    if (!s)
        return 0;
    while (is_space(*s))
        s++;
    size_t n = 0;
    while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
        n++;
    if (n < 2 || n > 3 || !(s[n] == '\0' || s[n] == '-' || s[n] == '_' || is_space(s[n]) ||
                            s[n] == ','))
        return 0;
    hs_buf_reset(out);
    for (size_t i = 0; i < n; i++)
        if (hs_buf_putc(out, lower(s[i])) < 0)
            return -1;
    return 1;
}

static int set_lang(hs_buf *out, const char *s, int *err)
{
    int rc = hs_lang_primary(s, out);
    if (rc < 0)
        *err = 1;
    return rc != 0;
}

static void choose_lang(gathered *g, hs_html_meta *m, int *err)
{
    (void)(set_lang(&m->lang, g->html_lang, err) ||
           set_lang(&m->lang, meta_value(g, M_OG_LOCALE), err) ||
           set_lang(&m->lang, meta_value(g, M_CONTENT_LANGUAGE), err) ||
           set_lang(&m->lang, g->jsonld.language.data, err) ||
           set_lang(&m->lang, meta_value(g, M_DC_LANGUAGE), err));
}

static int set_url(hs_buf *out, const char *s, int *err)
{
    if (!s)
        return 0;
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (!(n > 8 && (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0)))
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] <= ' ')
            return 0;
    hs_buf_reset(out);
    if (hs_buf_append(out, s, n) < 0)
        *err = 1;
    return 1;
}

int hs_html_meta_read(xmlDocPtr doc, hs_html_meta *m)
{
    gathered g;
    memset(&g, 0, sizeof g);
    hs_jsonld empty = HS_JSONLD_INIT;
    g.jsonld = empty;
    int err = 0;

    const xmlNode *root = (const xmlNode *)doc;
    for (const xmlNode *n = root->children; n && !err; n = hs_html_next(root, n, 0))
        if (n->type == XML_ELEMENT_NODE && visit(&g, n) < 0)
            err = 1;
    if (!err) {
        choose_title(doc, &g, m, &err);
        choose_byline(&g, m, &err);
        choose_date(&g, m);
        choose_lang(&g, m, &err);
        if (!set_str(&m->site, meta_value(&g, M_OG_SITE_NAME), &err))
            set_value(&m->site, g.jsonld.publisher.data, g.jsonld.publisher.len, &err);
        drop_site_name(&m->title, hs_buf_str(&m->site));
        if (!set_url(&m->source, g.canonical, &err))
            set_url(&m->source, meta_value(&g, M_OG_URL), &err);
    }
    hs_jsonld_free(&g.jsonld);
    return err ? -1 : 0;
}

void hs_html_meta_free(hs_html_meta *m)
{
    hs_buf_free(&m->title);
    hs_buf_free(&m->byline);
    hs_buf_free(&m->lang);
    hs_buf_free(&m->site);
    hs_buf_free(&m->source);
}
