/* html/dom.h - parsing HTML with libxml2 and reading its tree (internal).
 *
 * The parser runs with network access off, errors silenced, recovery on
 * and never HTML_PARSE_HUGE, on input already converted to UTF-8 (see
 * encoding.h).  Every walk over the tree here is iterative: a page of
 * 200,000 nested elements must not overflow the stack.
 */
#ifndef HUSTINGS_HTML_DOM_H
#define HUSTINGS_HTML_DOM_H

#include <stddef.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "buf.h"
#include "read_status.h"

/* Parse a page from its bytes, in whatever encoding it declares or seems
 * to be in, into *doc (free it with xmlFreeDoc).  HS_READ_OK, or *doc
 * NULL and a one-line reason in why: HS_READ_NO_MEMORY, or HS_READ_BAD
 * for a page libxml2 cannot make a tree of. */
hs_read_status hs_html_parse(const char *data, size_t len, xmlDocPtr *doc, hs_buf *why);

/* Parse an HTML fragment that is already UTF-8 (a feed item's content). */
hs_read_status hs_html_parse_utf8(const char *text, size_t len, xmlDocPtr *doc, hs_buf *why);

/* The element's name, lower case as the HTML parser gives it ("" for
 * nodes without one). */
const char *hs_html_name(const xmlNode *n);

/* The value of attribute `name` of element n, or NULL when it has none
 * ("" when it is present without a value).  Points into the tree. */
const char *hs_html_attr(const xmlNode *n, const char *name);

/* True when s contains word, ASCII case ignored. */
int hs_contains_ci(const char *s, const char *word);

/* Append s[0..len) to out with each run of ASCII white space turned into
 * one space, none at the start of out.  *space carries a pending space
 * from one call to the next (start with 0). 0 or -1 (out of memory). */
int hs_append_collapsed(hs_buf *out, const char *s, size_t len, int *space);

/* Append the text of n and its descendants, white space collapsed, without
 * scripts, styles and comments.  0 or -1 (out of memory). */
int hs_html_text(const xmlNode *n, hs_buf *out);

/* The next node after n in document order within root's subtree, or NULL;
 * with skip_children, n's own subtree is skipped. */
xmlNodePtr hs_html_next(const xmlNode *root, const xmlNode *n, int skip_children);

#endif
