/* reader.c - format detection and dispatch to the readers; see reader.h.
 *
 * The format comes from the content.  Magic numbers alone mislead (file(1)
 * calls five ordinary BBC articles troff, HPGL or archives), so only NUL
 * bytes or a flood of control bytes make a file binary, and markup is
 * recognised by what it starts with once a BOM, white space, comments,
 * processing instructions and the doctype are skipped.  The extension only
 * decides what the content leaves open.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <utf8proc.h>

#include "encoding.h"
#include "reader_feed.h"
#include "reader_html.h"
#include "reader_text.h"
#include "reader_xml.h"

/* How much of a file detection looks at. */
#define DETECT_BYTES (64u * 1024)

void hs_readers_init(void)
{
    xmlInitParser();
}

/* ---- looking at the start of a file ------------------------------------- */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int starts_ci(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(s[i]) != word[i])
            return 0;
    return 1;
}

/* Offset of the first occurrence of word (any case) in s[0..len), or len. */
static size_t find_ci(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++)
        if (lower(s[i]) == word[0] && starts_ci(s + i, len - i, word))
            return i;
    return len;
}

/* Bytes that do not start a valid UTF-8 sequence. */
static size_t invalid_utf8(const char *s, size_t len)
{
    size_t bad = 0;
    for (size_t i = 0; i < len; ) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n > 0) {
            i += (size_t)n;
        } else {
            bad++;
            i++;
        }
    }
    return bad;
}

/* Control bytes (other than white space and ESC) in more than a quarter of
 * the data, far beyond the stray form feeds and terminal escapes of real
 * text; or in more than one byte of twenty when the data is not UTF-8
 * either, as random bytes are (the letters of legacy encodings such as
 * windows-1251 are all 0x80 and up, never control bytes). */
static int is_binary(const char *s, size_t len)
{
    size_t control = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
             c != '\v' && c != 0x1B) || c == 0x7F)
            control++;
    }
    if (control * 4 > len)
        return 1;
    return control * 20 > len && invalid_utf8(s, len) * 20 > len;
}

/* What the start of a file is, once prologue matter is skipped. */
typedef struct start {
    int prolog;           /* an XML declaration <?xml ...?> */
    int doctype_html;     /* <!DOCTYPE html ...> */
    const char *tag;      /* the first element's "<name ..." or NULL */
    size_t tag_len;       /* bytes up to and including its '>' (or the end) */
} start;

static void skip_spaces(const char *s, size_t len, size_t *pos)
{
    while (*pos < len && is_space(s[*pos]))
        (*pos)++;
}

static start read_start(const char *s, size_t len)
{
    start st = { 0, 0, NULL, 0 };
    size_t pos = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    for (;;) {
        skip_spaces(s, len, &pos);
        if (pos >= len || s[pos] != '<')
            return st;
        const char *p = s + pos;
        size_t left = len - pos;
        if (starts_ci(p, left, "<!--")) {
            size_t end = find_ci(p + 4, left - 4, "-->");
            if (end == left - 4)
                return st;
            pos += 4 + end + 3;
        } else if (starts_ci(p, left, "<?")) {
            if (starts_ci(p, left, "<?xml") && (left == 5 || is_space(p[5])))
                st.prolog = 1;
            size_t end = find_ci(p + 2, left - 2, "?>");
            if (end == left - 2)
                return st;
            pos += 2 + end + 2;
        } else if (starts_ci(p, left, "<!doctype")) {
            size_t after = 9;
            skip_spaces(p, left, &after);
            if (starts_ci(p + after, left - after, "html"))
                st.doctype_html = 1;
            /* an internal subset may hold '>' inside brackets */
            int depth = 0;
            size_t i = 2;
            for (; i < left; i++) {
                if (p[i] == '[')
                    depth++;
                else if (p[i] == ']' && depth > 0)
                    depth--;
                else if (p[i] == '>' && depth == 0)
                    break;
            }
            if (i >= left)
                return st;
            pos += i + 1;
        } else {
            st.tag = p;
            const char *gt = memchr(p, '>', left);
            st.tag_len = gt ? (size_t)(gt - p) + 1 : left;
            return st;
        }
    }
}

/* The element name of tag "<name ...": its length, 0 when it is none. */
static size_t tag_name(const char *tag, size_t len)
{
    size_t n = 1;
    while (n < len && !is_space(tag[n]) && tag[n] != '>' && tag[n] != '/')
        n++;
    return n - 1;
}

static int name_is(const char *tag, size_t name_len, const char *name)
{
    return strlen(name) == name_len && starts_ci(tag + 1, name_len, name);
}

/* Elements that start HTML documents and fragments (and not XML vocabularies
 * the feeds use: no "title", "link" or "item"). */
static int is_html_start(const char *tag, size_t name_len)
{
    static const char *const names[] = {
        "html", "head", "body", "meta", "div", "p", "span", "a", "b", "i",
        "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
        "section", "article", "header", "nav", "main", "footer", "aside",
        "script", "style", "br", "hr", "img", "form", "iframe", "blockquote",
        "pre", "center", "font", "noscript", "base", "figure",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (name_is(tag, name_len, names[i]))
            return 1;
    return 0;
}

static int has_extension(const char *path, const char *const *exts)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return 0;
    for (; *exts; exts++)
        if (strlen(dot + 1) == strlen(*exts) && starts_ci(dot + 1, strlen(*exts), *exts))
            return 1;
    return 0;
}

static const char *const html_exts[] = { "html", "htm", "xhtml", "shtml", "php",
                                         "asp", "aspx", "jsp", NULL };
static const char *const feed_exts[] = { "rss", "atom", "rdf", "xml", NULL };

/* The format of an XML document from its root element. */
static hs_format xml_root_format(const char *tag, size_t len)
{
    size_t n = tag_name(tag, len);
    const char *colon = memchr(tag + 1, ':', n);
    if (name_is(tag, n, "rss") || (colon && n - (size_t)(colon - tag) == 3 &&
                                   starts_ci(colon + 1, 3, "rdf")))
        return HS_FORMAT_RSS;
    if (name_is(tag, n, "feed") && find_ci(tag, len, "atom") < len)
        return HS_FORMAT_ATOM;
    if (name_is(tag, n, "html"))
        return HS_FORMAT_HTML;
    return HS_FORMAT_XML;
}

/* Ends in '>' after trailing white space: an XML document, not text that
 * happens to open with an angle bracket. */
static int ends_like_markup(const char *s, size_t len)
{
    while (len > 0 && is_space(s[len - 1]))
        len--;
    return len > 0 && s[len - 1] == '>';
}

static int starts_utf16(const char *data, size_t len);
static hs_format detect_utf8(const char *path, const char *data, size_t len);

hs_format hs_detect_format(const char *path, const char *data, size_t len)
{
    if (len == 0 || !data)
        return HS_FORMAT_TEXT;
    if (!starts_utf16(data, len))
        return detect_utf8(path, data, len);
    /* UTF-16 has NUL bytes by nature: look at what it says */
    hs_buf utf8 = HS_BUF_INIT;
    hs_format f = HS_FORMAT_TEXT; /* if memory runs out, the text reader decides */
    if (hs_encoding_decode(data, len < DETECT_BYTES ? len : DETECT_BYTES, HS_MARKUP_HTML,
                           &utf8) == 0)
        f = detect_utf8(path, hs_buf_str(&utf8), utf8.len);
    hs_buf_free(&utf8);
    return f;
}

static hs_format detect_utf8(const char *path, const char *data, size_t len)
{
    if (len == 0)
        return HS_FORMAT_TEXT;
    size_t head = len < DETECT_BYTES ? len : DETECT_BYTES;
    if (memchr(data, '\0', len) || is_binary(data, head))
        return HS_FORMAT_BINARY;

    start st = read_start(data, head);
    if (st.doctype_html)
        return HS_FORMAT_HTML;
    if (st.tag) {
        size_t n = tag_name(st.tag, st.tag_len);
        if (n > 0) {
            hs_format root = xml_root_format(st.tag, st.tag_len);
            if (root != HS_FORMAT_XML)
                return root;
            if (is_html_start(st.tag, n))
                return st.prolog ? HS_FORMAT_XML : HS_FORMAT_HTML;
            if (st.prolog || ends_like_markup(data, len))
                return HS_FORMAT_XML;
            if (has_extension(path, html_exts))
                return HS_FORMAT_HTML;
            if (has_extension(path, feed_exts))
                return HS_FORMAT_XML;
        }
    } else if (st.prolog) {
        return HS_FORMAT_XML;
    }
    /* Text that an .html name says is a page, if it holds any markup. */
    if (has_extension(path, html_exts) &&
        (find_ci(data, head, "<p") < head || find_ci(data, head, "<br") < head ||
         find_ci(data, head, "<div") < head))
        return HS_FORMAT_HTML;
    return HS_FORMAT_TEXT;
}

const char *hs_format_name(hs_format f)
{
    switch (f) {
    case HS_FORMAT_TEXT: return "text";
    case HS_FORMAT_HTML: return "html";
    case HS_FORMAT_RSS: return "rss";
    case HS_FORMAT_ATOM: return "atom";
    case HS_FORMAT_XML: return "xml";
    case HS_FORMAT_BINARY: return "binary";
    }
    return "unknown";
}

/* ---- dispatch ------------------------------------------------------------ */

static int starts_utf16(const char *data, size_t len)
{
    return len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 ||
                        memcmp(data, "\xFE\xFF", 2) == 0);
}

static hs_read_status read_utf8(const char *path, const char *data, size_t len,
                                hs_article_list *out, hs_buf *why)
{
    size_t first = out->n;
    hs_format f = hs_detect_format(path, data, len);
    hs_read_status st;
    switch (f) {
    case HS_FORMAT_BINARY:
        return hs_read_bad(why, memchr(data, '\0', len) ? "binary file (NUL bytes)"
                                                        : "binary file");
    case HS_FORMAT_HTML:
        st = hs_read_html(path, data, len, out, why);
        break;
    case HS_FORMAT_RSS:
    case HS_FORMAT_ATOM:
        st = hs_read_feed(path, data, len, out, why);
        break;
    case HS_FORMAT_XML:
        st = hs_read_xml(path, data, len, out, why);
        break;
    case HS_FORMAT_TEXT:
    default: {
        hs_article *a;
        st = hs_read_text(path, data, len, &a, why);
        if (st != HS_READ_OK)
            return st;
        if (hs_article_list_add(out, a) < 0)
            return hs_read_no_memory(why);
        break;
    }
    }
    if (st != HS_READ_OK)
        return st;
    /* A feed reader sets "rss" or "atom" itself; the others get theirs. */
    for (size_t i = first; i < out->n; i++)
        if (f != HS_FORMAT_RSS && f != HS_FORMAT_ATOM)
            out->items[i]->format = hs_format_name(f);
    return HS_READ_OK;
}

hs_read_status hs_read_articles(const char *path, const char *data, size_t len,
                                hs_article_list *out, hs_buf *why)
{
    if (len == 0 || !data)
        return hs_read_bad(why, "empty file");
    if (!starts_utf16(data, len))
        return read_utf8(path, data, len, out, why);

    /* UTF-16 has NUL bytes by nature: read it as the UTF-8 it means. */
    hs_buf utf8 = HS_BUF_INIT;
    if (hs_encoding_decode(data, len, HS_MARKUP_HTML, &utf8) < 0) {
        hs_buf_free(&utf8);
        return hs_read_no_memory(why);
    }
    hs_read_status st = read_utf8(path, hs_buf_str(&utf8), utf8.len, out, why);
    hs_buf_free(&utf8);
    return st;
}
