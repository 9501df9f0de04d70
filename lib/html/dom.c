/* html/dom.c - libxml2's HTML parser and tree helpers; see html/dom.h. */
#include "dom.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "tags.h"

/* Recover from anything, print nothing, fetch nothing.  IGNORE_ENC: the
 * input is UTF-8 already, whatever its <meta charset> says. */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC)

hs_read_status hs_html_parse_utf8(const char *text, size_t len, xmlDocPtr *doc, hs_buf *why)
{
    *doc = NULL;
    if (len == 0)
        return hs_read_bad(why, "empty document");
    if (len > INT_MAX)
        return hs_read_bad(why, "document too large for the HTML parser");
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return hs_read_no_memory(why);
    *doc = htmlCtxtReadMemory(ctxt, text, (int)len, NULL, "UTF-8", HTML_OPTIONS);
    hs_read_status st = HS_READ_OK;
    if (!*doc)
        st = ctxt->lastError.code == XML_ERR_NO_MEMORY
                 ? hs_read_no_memory(why)
                 : hs_read_bad(why, "HTML parser produced no document");
    htmlFreeParserCtxt(ctxt);
    return st;
}

/* Longest internal subset blanked: entity declarations are short. */
#define HTML_SUBSET_MAX 65536

/* An XML-style internal subset in the doctype ("<!DOCTYPE html [<!ENTITY
 * ...>]>") is no HTML: the HTML parser ends the doctype at the first '>'
 * and would show the rest ("]>") as text.  Blank it out, in place. */
static void blank_internal_subset(char *s, size_t len)
{
    size_t i = 0;
    for (;;) { /* white space, an XML declaration, comments */
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            i++;
        const char *end = NULL;
        if (len - i >= 2 && !strncmp(s + i, "<?", 2))
            end = "?>";
        else if (len - i >= 4 && !strncmp(s + i, "<!--", 4))
            end = "-->";
        if (!end)
            break;
        size_t n = strlen(end), j = i + 2;
        while (j + n <= len && strncmp(s + j, end, n) != 0)
            j++;
        if (j + n > len)
            return;
        i = j + n;
    }
    if (len - i < 9 || strncasecmp(s + i, "<!doctype", 9) != 0)
        return;
    size_t open = i + 9;
    while (open < len && s[open] != '[' && s[open] != '>')
        open++;
    if (open >= len || s[open] != '[')
        return;
    /* to "]" and ">" with white space between allowed; quoted entity
     * values are skipped; a subset is declarations only, so anything
     * that is none ends the search, and the page is left as it is */
    char quote = 0;
    for (size_t k = open + 1; k < len && k - open < HTML_SUBSET_MAX; k++) {
        char c = s[k];
        if (quote) {
            quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == ']') {
            size_t gt = k + 1;
            while (gt < len && (s[gt] == ' ' || s[gt] == '\t' || s[gt] == '\n' || s[gt] == '\r'))
                gt++;
            if (gt < len && s[gt] == '>')
                memset(s + open, ' ', k - open + 1);
            return;
        } else if (c == '<' && k + 1 < len && s[k + 1] != '!' && s[k + 1] != '?') {
            return; /* an element: no subset */
        }
    }
}

hs_read_status hs_html_parse(const char *data, size_t len, xmlDocPtr *doc, hs_buf *why)
{
    hs_buf utf8 = HS_BUF_INIT;
    *doc = NULL;
    if (hs_encoding_decode(data, len, HS_MARKUP_HTML, &utf8) < 0) {
        hs_buf_free(&utf8);
        return hs_read_no_memory(why);
    }
    if (utf8.data)
        blank_internal_subset(utf8.data, utf8.len);
    hs_read_status st = hs_html_parse_utf8(hs_buf_str(&utf8), utf8.len, doc, why);
    hs_buf_free(&utf8);
    return st;
}

const char *hs_html_name(const xmlNode *n)
{
    return n && n->name ? (const char *)n->name : "";
}

const char *hs_html_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0)
            continue;
        /* The HTML parser gives an attribute one text child, or none
         * when it has no value. */
        if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

int hs_contains_ci(const char *s, const char *word)
{
    size_t n = strlen(word);
    if (!s || n == 0)
        return 0;
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && lower(s[i]) == lower(word[i]))
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int hs_append_collapsed(hs_buf *out, const char *s, size_t len, int *space)
{
    size_t i = 0;
    while (i < len) {
        if (is_space(s[i])) {
            *space = 1;
            i++;
            continue;
        }
        size_t run = i;
        while (run < len && !is_space(s[run]))
            run++;
        if (*space && out->len > 0 && hs_buf_putc(out, ' ') < 0)
            return -1;
        *space = 0;
        if (hs_buf_append(out, s + i, run - i) < 0)
            return -1;
        i = run;
    }
    return 0;
}

xmlNodePtr hs_html_next(const xmlNode *root, const xmlNode *n, int skip_children)
{
    if (!skip_children && n->children && n->type == XML_ELEMENT_NODE)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

int hs_html_text(const xmlNode *root, hs_buf *out)
{
    int space = 0;
    if (!root)
        return 0;
    if (root->type == XML_TEXT_NODE || root->type == XML_CDATA_SECTION_NODE) {
        const char *s = (const char *)root->content;
        return s ? hs_append_collapsed(out, s, strlen(s), &space) : 0;
    }
    for (const xmlNode *n = root->children; n; ) {
        int skip = 0;
        if (n->type == XML_ELEMENT_NODE) {
            unsigned flags;
            hs_html_tag(hs_html_name(n), &flags);
            skip = (flags & HS_TAGF_DROP) != 0;
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n->content) {
            const char *s = (const char *)n->content;
            if (hs_append_collapsed(out, s, strlen(s), &space) < 0)
                return -1;
        }
        n = hs_html_next(root, n, skip);
    }
    return 0;
}
