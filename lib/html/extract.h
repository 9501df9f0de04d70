/* html/extract.h - the main text of an HTML page, as paragraphs (internal).
 *
 * hs_html_extract_article() finds the article body the way reader views
 * do (Arc90's Readability, as Mozilla maintains it): hidden elements,
 * scripts, styles, forms and elements whose class or id says navigation,
 * comments, sharing, related stories, footers or cookie banners are left
 * out; paragraphs are scored by their length and commas and pass their
 * score to their ancestors; the best-scoring container, scaled down by its
 * share of link text, is the article, together with those of its siblings
 * that score close to it; inside it, lists, tables and boxes that are
 * mostly links, images or inputs are dropped.  If that leaves less than
 * 500 characters the rules are relaxed step by step.  Every rule is about
 * markup in general: none names a site.
 *
 * The text is handed out in blocks: <p>, <li>, <blockquote>, headings,
 * <pre>, table rows and any text between block elements each become one
 * paragraph; two <br> in a row also end one.
 */
#ifndef HUSTINGS_HTML_EXTRACT_H
#define HUSTINGS_HTML_EXTRACT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"

/* Receives each paragraph (trimmed, never empty, valid UTF-8 when the
 * document is).  Non-zero stops the extraction and is returned. */
typedef int (*hs_paragraph_fn)(void *ctx, const char *text, size_t len);

/* The article body of the page doc.  title: the page's title, so that a
 * heading repeating it is not a paragraph (may be NULL).  byline: when not
 * NULL and empty, receives the text of the page's byline element (a
 * rel=author link first, then an element whose class, id or itemprop says
 * author or byline), which is then left out of the text.  Returns 0, -1
 * when out of memory, -2 for a page of more than a million elements, or
 * fn's non-zero value.  The tree is not changed,
 * but its nodes' _private pointers are used while this runs. */
int hs_html_extract_article(xmlDocPtr doc, const char *title, hs_buf *byline,
                            hs_paragraph_fn fn, void *ctx);

/* Every visible paragraph of doc: for fragments (a feed item's content)
 * where all the text is the article.  Scripts, styles and hidden elements
 * are left out.  Same returns. */
int hs_html_extract_all(xmlDocPtr doc, hs_paragraph_fn fn, void *ctx);

#endif
