/* html/emit.c - paragraphs of an HTML subtree; see html/emit.h. */
#include "emit.h"

#include <string.h>

#include "buf.h"
#include "dom.h"
#include "tags.h"

typedef struct emitter {
    hs_buf cur;         /* the paragraph being built */
    int space;          /* a space is owed before the next character */
    int newline;        /* a line break (<br>) is owed */
    int brs;            /* <br>s since the last text */
    unsigned pre;       /* depth of elements that keep white space */
    hs_paragraph_fn fn;
    void *ctx;
    size_t *chars;
    int rc;             /* first failure: -1 or fn's value */
} emitter;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static size_t count_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static void flush(emitter *e)
{
    const char *s = hs_buf_str(&e->cur);
    size_t start = 0, end = e->cur.len;
    while (start < end && is_space(s[start]))
        start++;
    while (end > start && is_space(s[end - 1]))
        end--;
    if (end > start && e->rc == 0) {
        e->rc = e->fn(e->ctx, s + start, end - start);
        if (e->chars)
            *e->chars += count_chars(s + start, end - start);
    }
    hs_buf_reset(&e->cur);
    e->space = e->newline = 0;
    e->brs = 0;
}

/* The separator owed before the next character, if any text precedes. */
static void owe(emitter *e)
{
    if (e->cur.len > 0 && (e->newline || e->space) &&
        hs_buf_putc(&e->cur, e->newline ? '\n' : ' ') < 0)
        e->rc = -1;
    e->space = e->newline = 0;
}

static void add_text(emitter *e, const char *s)
{
    size_t len = strlen(s);
    if (e->pre) {
        owe(e);
        for (size_t i = 0; i < len && e->rc == 0; i++) {
            if (s[i] == '\r')
                continue; /* CRLF -> LF */
            if (hs_buf_putc(&e->cur, s[i]) < 0)
                e->rc = -1;
        }
        e->brs = 0;
        return;
    }
    size_t i = 0;
    while (i < len && e->rc == 0) {
        if (is_space(s[i])) {
            e->space = 1;
            i++;
            continue;
        }
        size_t run = i;
        while (run < len && !is_space(s[run]))
            run++;
        owe(e);
        if (hs_buf_append(&e->cur, s + i, run - i) < 0)
            e->rc = -1;
        e->brs = 0;
        i = run;
    }
}

static void enter(emitter *e, const xmlNode *n, unsigned flags, hs_tag tag)
{
    if (flags & HS_TAGF_BLOCK)
        flush(e);
    if (flags & HS_TAGF_PRE)
        e->pre++;
    if (tag == HS_TAG_BR) {
        if (e->brs > 0) {
            flush(e);
        } else {
            e->newline = 1;
            e->brs++;
        }
    } else if (tag == HS_TAG_TD || tag == HS_TAG_TH) {
        e->space = 1;
    }
    (void)n;
}

static void leave(emitter *e, unsigned flags, hs_tag tag)
{
    if (flags & HS_TAGF_PRE && e->pre > 0)
        e->pre--;
    if (flags & HS_TAGF_BLOCK)
        flush(e);
    else if (tag == HS_TAG_TD || tag == HS_TAG_TH)
        e->space = 1;
}

/* Enter n; true when its children are to be visited. */
static int visit(emitter *e, const xmlNode *n, hs_skip_fn skip, void *skip_ctx,
                 unsigned *flags, hs_tag *tag)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(e, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    *tag = hs_html_tag(hs_html_name(n), flags);
    if ((*flags & HS_TAGF_DROP) || (skip && skip(skip_ctx, n)))
        return -1;
    enter(e, n, *flags, *tag);
    return 1;
}

int hs_html_emit(const xmlNode *root, hs_skip_fn skip, void *skip_ctx,
                 hs_paragraph_fn fn, void *ctx, size_t *chars)
{
    emitter e = { HS_BUF_INIT, 0, 0, 0, 0, fn, ctx, chars, 0 };
    unsigned flags = 0;
    hs_tag tag = HS_TAG_OTHER;

    if (!root)
        return 0;
    int v = visit(&e, root, skip, skip_ctx, &flags, &tag);
    if (v > 0) {
        const xmlNode *n = root->children;
        while (n && e.rc == 0) {
            unsigned f = 0;
            hs_tag t = HS_TAG_OTHER;
            int go = visit(&e, n, skip, skip_ctx, &f, &t);
            if (go > 0 && n->children) {
                n = n->children;
                continue;
            }
            if (go > 0)
                leave(&e, f, t);
            /* up until there is a next sibling, leaving each parent */
            while (n) {
                if (n->next) {
                    n = n->next;
                    break;
                }
                n = n->parent;
                if (!n || n == root) {
                    n = NULL;
                    break;
                }
                t = hs_html_tag(hs_html_name(n), &f);
                leave(&e, f, t);
            }
        }
        leave(&e, flags, tag);
    }
    flush(&e);
    hs_buf_free(&e.cur);
    return e.rc;
}
