/* html/classify.c - what an element's class, id, role and style say about
 * it; see html/tree.h.
 *
 * The word lists follow the ones Readability has refined over the years
 * (matched anywhere in "class id", any case), minus the names of products
 * and sites, plus cookie and consent banners.  None names a site.
 */
#include "tree.h"

#include <string.h>

#include "dom.h"

/* Boilerplate: an element whose class or id says so is left out. */
static const char *const unlikely_words[] = {
    "-ad-", "banner", "breadcrumbs", "combx", "comment", "community",
    "cover-wrap", "extra", "footer", "gdpr", "header", "legends", "menu",
    "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
    "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination",
    "pager", "popup", "cookie", "consent",
};

/* ... unless it also says it may be the content. */
static const char *const maybe_words[] = {
    "and", "article", "body", "column", "content", "main", "shadow",
    "mathjax", /* rendered formulas: a menu class rides along */
};

static const char *const positive_words[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
    "pagination", "post", "text", "blog", "story",
};

static const char *const negative_words[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot",
    "gdpr", "masthead", "media", "meta", "promo", "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
};

static const char *const byline_words[] = {
    "byline", "author", "dateline", "writtenby", "p-author",
};

static const char *const unlikely_roles[] = {
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog",
    "dialog",
};

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static int any_word(const char *s, const char *const *words, size_t n)
{
    if (!s || !*s)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (hs_contains_ci(s, words[i]))
            return 1;
    return 0;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* word as a whole space-separated token of s ("hid"). */
static int has_token(const char *s, const char *word)
{
    size_t n = strlen(word);
    while (s && *s) {
        while (is_space(*s))
            s++;
        size_t len = 0;
        while (s[len] && !is_space(s[len]))
            len++;
        if (len == n) {
            size_t i = 0;
            while (i < n && lower(s[i]) == word[i])
                i++;
            if (i == n)
                return 1;
        }
        s += len;
    }
    return 0;
}

/* "share" not glued to other letters or digits ("share-bar", "post_share",
 * not "shared"); an underscore counts as a break. */
static int says_share(const char *s)
{
    static const char word[] = "share";
    if (!s)
        return 0;
    for (size_t i = 0; s[i]; i++) {
        size_t k = 0;
        while (k < 5 && s[i + k] && lower(s[i + k]) == word[k])
            k++;
        if (k < 5)
            continue;
        char before = i > 0 ? s[i - 1] : ' ', after = s[i + 5];
        int starts = before == '_' || !is_word_char(before);
        int ends = after == '_' || !is_word_char(after);
        if (starts && ends)
            return 1;
    }
    return 0;
}

static int negative(const char *s)
{
    return any_word(s, negative_words, COUNT(negative_words)) || has_token(s, "hid");
}

int hs_class_weight(const xmlNode *n)
{
    const char *cls = hs_html_attr(n, "class"), *id = hs_html_attr(n, "id");
    int w = 0;
    if (cls && *cls) {
        w -= negative(cls) ? 25 : 0;
        w += any_word(cls, positive_words, COUNT(positive_words)) ? 25 : 0;
    }
    if (id && *id) {
        w -= negative(id) ? 25 : 0;
        w += any_word(id, positive_words, COUNT(positive_words)) ? 25 : 0;
    }
    return w;
}

/* "display: none" or "visibility: hidden" in a style attribute. */
static int style_hides(const char *style)
{
    static const struct {
        const char *property, *value;
    } rules[] = { { "display", "none" }, { "visibility", "hidden" } };
    if (!style)
        return 0;
    for (size_t r = 0; r < COUNT(rules); r++) {
        size_t plen = strlen(rules[r].property), vlen = strlen(rules[r].value);
        for (const char *p = style; *p; p++) {
            size_t i = 0;
            while (i < plen && p[i] && lower(p[i]) == rules[r].property[i])
                i++;
            if (i < plen || (p > style && (is_word_char(p[-1]) || p[-1] == '-')))
                continue;
            const char *v = p + plen;
            while (is_space(*v))
                v++;
            if (*v != ':')
                continue;
            v++;
            while (is_space(*v))
                v++;
            i = 0;
            while (i < vlen && v[i] && lower(v[i]) == rules[r].value[i])
                i++;
            if (i == vlen && !is_word_char(v[vlen]) && v[vlen] != '-')
                return 1;
        }
    }
    return 0;
}

static int attr_is(const xmlNode *n, const char *name, const char *value)
{
    const char *v = hs_html_attr(n, name);
    if (!v)
        return 0;
    while (is_space(*v))
        v++;
    size_t len = strlen(value), i = 0;
    while (i < len && lower(v[i]) == value[i])
        i++;
    if (i < len)
        return 0;
    for (v += len; *v; v++)
        if (!is_space(*v))
            return 0;
    return 1;
}

static int is_hidden(const xmlNode *n)
{
    if (hs_html_attr(n, "hidden") || style_hides(hs_html_attr(n, "style")))
        return 1;
    /* math rendered as an image keeps its hidden text fallback visible */
    if (attr_is(n, "aria-hidden", "true") &&
        !hs_contains_ci(hs_html_attr(n, "class"), "fallback-image"))
        return 1;
    return attr_is(n, "aria-modal", "true") && attr_is(n, "role", "dialog");
}

unsigned hs_class_facts(const xmlNode *n)
{
    const char *cls = hs_html_attr(n, "class"), *id = hs_html_attr(n, "id");
    unsigned f = 0;

    if (is_hidden(n))
        f |= F_HIDDEN;
    if ((any_word(cls, unlikely_words, COUNT(unlikely_words)) ||
         any_word(id, unlikely_words, COUNT(unlikely_words))) &&
        !any_word(cls, maybe_words, COUNT(maybe_words)) &&
        !any_word(id, maybe_words, COUNT(maybe_words)))
        f |= F_UNLIKELY;
    const char *role = hs_html_attr(n, "role");
    for (size_t i = 0; role && i < COUNT(unlikely_roles); i++)
        if (attr_is(n, "role", unlikely_roles[i]))
            f |= F_UNLIKELY_ROLE;
    if (says_share(cls) || says_share(id))
        f |= F_SHARE;
    const char *itemprop = hs_html_attr(n, "itemprop");
    if (any_word(cls, byline_words, COUNT(byline_words)) ||
        any_word(id, byline_words, COUNT(byline_words)) ||
        (itemprop && hs_contains_ci(itemprop, "author")))
        f |= F_BYLINE_CLASS;
    if (attr_is(n, "rel", "author"))
        f |= F_REL_AUTHOR;
    const char *href = hs_html_attr(n, "href");
    if (href && href[0] == '#' && href[1])
        f |= F_HASH_LINK;
    return f;
}

/* ---- advertising labels and loading notices --------------------------- */

static int equals_ci(const char *a, size_t alen, const char *b)
{
    size_t n = strlen(b);
    if (alen != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != lower(b[i]))
            return 0;
    return 1;
}

int hs_is_ad_or_loading(const char *text)
{
    /* In the languages the pages come in; compared whole, any ASCII case. */
    static const char *const ads[] = {
        "ad", "advertising", "advertisement", "pub", "publicité", "werbung",
        "werb", "广告", "Реклама", "реклама", "РЕКЛАМА", "anuncio", "Anuncio",
    };
    static const char *const loading[] = {
        "loading", "正在加载", "Загрузка", "загрузка", "chargement", "cargando",
    };
    size_t len = strlen(text);
    for (size_t i = 0; i < COUNT(ads); i++)
        if (equals_ci(text, len, ads[i]))
            return 1;
    /* a loading word, alone or followed by "..." or "…" */
    for (size_t i = 0; i < COUNT(loading); i++) {
        size_t n = strlen(loading[i]);
        if (len < n || !equals_ci(text, n, loading[i]))
            continue;
        const char *rest = text + n;
        if (!*rest || strcmp(rest, "...") == 0 || strcmp(rest, "\xE2\x80\xA6") == 0)
            return 1;
    }
    return 0;
}
