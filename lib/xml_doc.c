/* xml_doc.c - untrusted XML with libxml2; see xml_doc.h. */
#include "xml_doc.h"

#include <limits.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <utf8proc.h>

#include "encoding.h"
#include "html/dom.h"

/* No network, no noise, CDATA as text; the input is UTF-8 already.  Not
 * NOENT, DTDLOAD, DTDVALID or HUGE: see xml_doc.h. */
#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                     XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC)

/* libxml2's message, on one line and not too long; what it means. */
static hs_read_status describe(const xmlError *e, hs_buf *why)
{
    if (!e || e->code == XML_ERR_OK)
        return hs_read_bad(why, "malformed XML");
    if (e->code == XML_ERR_NO_MEMORY)
        return hs_read_no_memory(why);
    hs_buf_printf(why, "malformed XML (line %d): ", e->line);
    const char *m = e->message ? e->message : "unknown error";
    size_t n = strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    if (n > 160)
        n = 160;
    for (size_t i = 0; i < n; i++)
        hs_buf_putc(why, m[i] == '\n' || m[i] == '\r' || m[i] == '\t' ? ' ' : m[i]);
    return HS_READ_BAD;
}

/* The first error is the one that explains the rest: libxml2 keeps only
 * the last, so a structured handler on the context records the first. */
typedef struct first_error {
    int seen;
    xmlError error;   /* code, line and a copy of the message */
    hs_buf message;
} first_error;

static void record_error(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = ctx;
    first_error *first = ctxt ? ctxt->_private : NULL;
    if (!first || !e || first->seen || e->level < XML_ERR_ERROR)
        return;
    first->seen = 1;
    first->error = *e;
    hs_buf_reset(&first->message);
    if (e->message && hs_buf_puts(&first->message, e->message) == 0)
        first->error.message = first->message.data;
    else
        first->error.message = NULL;
}

/* One parse of the UTF-8 text s[0..len) (with libxml2's recovery when
 * recover is set); NULL with the first error in *first, or out of memory
 * (first->seen unset). */
static xmlDocPtr parse_utf8(const char *s, size_t len, first_error *first, int recover)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    first->seen = 0;
    if (!ctxt)
        return NULL;
    ctxt->_private = first;
    ctxt->sax->serror = record_error;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8",
                                      XML_OPTIONS | (recover ? XML_PARSE_RECOVER : 0));
    if (!doc && !first->seen) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        if (e) {
            first->seen = 1;
            first->error = *e;
            first->error.message = NULL;
        }
    }
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* Whether error e is where s[0..len) ends, but for white space: the file
 * was cut short (a download or copy that stopped), not malformed. */
static int at_end(const char *s, size_t len, const xmlError *e)
{
    switch (e->code) { /* what running out of input gives */
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
    case XML_ERR_CDATA_NOT_FINISHED:
    case XML_ERR_COMMENT_NOT_FINISHED:
    case XML_ERR_LITERAL_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        break;
    default:
        return 0; /* a mismatched tag at the end is malformed, not cut */
    }
    if (e->line < 1 || e->int2 < 1)
        return 0;
    size_t at = 0;
    for (int line = 1; line < e->line && at < len; at++)
        line += s[at] == '\n';
    /* libxml2 counts the column in characters */
    for (int col = 1; col < e->int2 && at < len; col++)
        do
            at++;
        while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80);
    while (at < len && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' || s[at] == '\r'))
        at++;
    return at >= len;
}

/* s with HTML's named character references that XML does not define
 * (&nbsp; &mdash; &eacute; ...) written as the characters: feeds are
 * full of them, and to XML they are a fatal error.  0 or -1. */
static int html_entities_as_text(const char *s, size_t len, hs_buf *out)
{
    for (size_t i = 0; i < len; i++) {
        size_t n = 0;
        if (s[i] == '&')
            while (i + 1 + n < len && n < 32 &&
                   ((s[i + 1 + n] >= 'a' && s[i + 1 + n] <= 'z') ||
                    (s[i + 1 + n] >= 'A' && s[i + 1 + n] <= 'Z') ||
                    (n > 0 && s[i + 1 + n] >= '0' && s[i + 1 + n] <= '9')))
                n++;
        const htmlEntityDesc *e = NULL;
        if (n > 0 && i + 1 + n < len && s[i + 1 + n] == ';') {
            char name[33];
            memcpy(name, s + i + 1, n);
            name[n] = '\0';
            if (!xmlGetPredefinedEntity((const xmlChar *)name))
                e = htmlEntityLookup((const xmlChar *)name);
        }
        if (e) {
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t m = utf8proc_encode_char((utf8proc_int32_t)e->value, enc);
            if (hs_buf_append(out, (const char *)enc, (size_t)m) < 0)
                return -1;
            i += n + 1;
        } else if (hs_buf_putc(out, s[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

hs_read_status hs_xml_parse(const char *data, size_t len, xmlDocPtr *doc_out,
                            hs_buf *why_or_null, int *partial)
{
    hs_buf ignored = HS_BUF_INIT;
    hs_buf *why = why_or_null ? why_or_null : &ignored;
    first_error first = { 0, { 0 }, HS_BUF_INIT };
    hs_buf utf8 = HS_BUF_INIT, fixed = HS_BUF_INIT;
    *doc_out = NULL;
    if (hs_encoding_decode(data, len, HS_MARKUP_XML, &utf8) < 0) {
        hs_buf_free(&utf8);
        hs_buf_free(&ignored);
        return hs_read_no_memory(why_or_null);
    }
    if (utf8.len == 0 || utf8.len > INT_MAX) {
        hs_read_bad(why, utf8.len ? "too large for the XML parser" : "empty file");
        hs_buf_free(&utf8);
        hs_buf_free(&ignored);
        return HS_READ_BAD;
    }
    const char *text = utf8.data;
    size_t text_len = utf8.len;
    xmlDocPtr doc = parse_utf8(text, text_len, &first, 0);
    if (!doc && first.seen && first.error.code == XML_ERR_UNDECLARED_ENTITY &&
        html_entities_as_text(utf8.data, utf8.len, &fixed) == 0 && fixed.len <= INT_MAX) {
        first_error again = { 0, { 0 }, HS_BUF_INIT };
        doc = parse_utf8(fixed.data, fixed.len, &again, 0);
        if (!doc && again.seen) { /* the rest of the story is told by this try */
            hs_buf_free(&first.message);
            first = again;
            text = fixed.data;
            text_len = fixed.len;
        } else {
            hs_buf_free(&again.message);
        }
    }
    if (!doc && first.seen && partial && at_end(text, text_len, &first.error)) {
        /* cut short: what came before is read, and the caller told */
        first_error again = { 0, { 0 }, HS_BUF_INIT };
        doc = parse_utf8(text, text_len, &again, 1);
        hs_buf_free(&again.message);
        if (doc && xmlDocGetRootElement(doc)) {
            *partial = 1;
            hs_buf_printf(why, "cut short (line %d): read up to there", first.error.line);
        }
    }
    hs_read_status st = HS_READ_OK;
    if (!doc && !first.seen)
        st = hs_read_no_memory(why);
    else if (!doc)
        st = describe(&first.error, why);
    else if (!xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        doc = NULL;
        st = hs_read_bad(why, "malformed XML: no root element");
    }
    hs_buf_free(&utf8);
    hs_buf_free(&fixed);
    hs_buf_free(&first.message);
    hs_buf_free(&ignored);
    *doc_out = doc;
    return st;
}

const char *hs_xml_name(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->name ? (const char *)n->name : "";
}

int hs_xml_is(const xmlNode *n, const char *name)
{
    const char *s = hs_xml_name(n);
    while (*s && *name) {
        char a = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        char b = *name >= 'A' && *name <= 'Z' ? (char)(*name - 'A' + 'a') : *name;
        if (a != b)
            return 0;
        s++;
        name++;
    }
    return *s == '\0' && *name == '\0' && n->type == XML_ELEMENT_NODE;
}

xmlNodePtr hs_xml_child(const xmlNode *parent, const char *name)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (hs_xml_is(c, name))
            return c;
    return NULL;
}

const char *hs_xml_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0 || a->ns)
            continue;
        if (a->children && a->children->type == XML_TEXT_NODE && a->children->content &&
            !a->children->next)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

size_t hs_xml_entity_budget(size_t doc_len)
{
    return doc_len < HS_XML_ENTITY_BUDGET_MAX ? doc_len : HS_XML_ENTITY_BUDGET_MAX;
}

/* The replacement text of an entity reference when it is plain text that
 * fits the budget (taken from it), else NULL. */
static const char *plain_entity_text(const xmlNode *ref, size_t *budget)
{
    const xmlEntity *ent = (const xmlEntity *)ref->children;
    if (!ent || ent->type != XML_ENTITY_DECL || ent->etype != XML_INTERNAL_GENERAL_ENTITY ||
        !ent->content)
        return NULL;
    const char *s = (const char *)ent->content;
    size_t n = strlen(s);
    if (strpbrk(s, "<&") || n > *budget)
        return NULL;
    *budget -= n;
    return s;
}

/* Call add for each piece of text under n, in document order. */
static int walk_text(const xmlNode *root, size_t *budget,
                     int (*add)(void *ctx, const char *s), void *ctx)
{
    for (const xmlNode *n = root; n; ) {
        const char *s = NULL;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            s = (const char *)n->content;
        else if (n->type == XML_ENTITY_REF_NODE)
            s = plain_entity_text(n, budget);
        if (s && add(ctx, s) < 0)
            return -1;
        if (n == root && n->type != XML_ELEMENT_NODE)
            break;
        n = hs_html_next(root, n, 0); /* descends into elements only */
    }
    return 0;
}

typedef struct collapsed {
    hs_buf *out;
    int *space;
} collapsed;

static int add_collapsed(void *ctx, const char *s)
{
    collapsed *c = ctx;
    return hs_append_collapsed(c->out, s, strlen(s), c->space);
}

static int add_raw(void *ctx, const char *s)
{
    return hs_buf_puts(ctx, s);
}

int hs_xml_text(const xmlNode *n, hs_buf *out, int *space, size_t *budget)
{
    collapsed c = { out, space };
    return n ? walk_text(n, budget, add_collapsed, &c) : 0;
}

int hs_xml_raw_text(const xmlNode *n, hs_buf *out, size_t *budget)
{
    return n ? walk_text(n, budget, add_raw, out) : 0;
}
