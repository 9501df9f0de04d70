/* html/meta.h - an HTML page's metadata, in order of trust (internal).
 *
 *   title   og:title; JSON-LD headline (or name); dc:title, twitter:title
 *           and other title metas; <title> without its " - Site" or
 *           " | Site" part; the page's only <h1>
 *   byline  meta author (author, dc:creator, parsely-author, a non-URL
 *           article:author); JSON-LD author; then, from the body, a
 *           rel=author link or a byline element (html/extract.c)
 *   date    article:published_time; JSON-LD datePublished; <time
 *           datetime>; other date metas (parsely-pub-date, dc:date, ...)
 *   lang    <html lang>; og:locale; Content-Language; JSON-LD inLanguage,
 *           as a lower-case primary tag ("en", "ru")
 *   site    og:site_name; JSON-LD publisher name
 *   source  <link rel=canonical>; og:url (absolute http(s) URLs only)
 * Values are white-space collapsed, with HTML entities that survived
 * parsing (double-escaped metadata) decoded.
 */
#ifndef HUSTINGS_HTML_META_H
#define HUSTINGS_HTML_META_H

#include <libxml/tree.h>

#include "buf.h"
#include "timestamp.h"

typedef struct hs_html_meta {
    hs_buf title, byline, lang, site, source; /* empty when unknown */
    int has_date;
    hs_timestamp date;
} hs_html_meta;

#define HS_HTML_META_INIT { HS_BUF_INIT, HS_BUF_INIT, HS_BUF_INIT, HS_BUF_INIT, \
                            HS_BUF_INIT, 0, { 0, 0, 0, 0, 0, 0, 0, 0, 0 } }

/* Read the metadata of doc into m.  0, or -1 when out of memory. */
int hs_html_meta_read(xmlDocPtr doc, hs_html_meta *m);

void hs_html_meta_free(hs_html_meta *m);

/* The title a <title> text means without the site's name around it
 * (Readability's rules): appended to out.  headings_match says whether
 * an <h1> or <h2> of the page reads exactly as the whole title; only_h1
 * is the text of the page's single <h1> (NULL when it has none or
 * several).  0 or -1 (out of memory). */
int hs_html_clean_title(const char *title, int headings_match, const char *only_h1,
                        hs_buf *out);

/* The primary subtag of a language tag, lower case, into out (replacing
 * it): "en-US", "en_GB", "EN" give "en".  1 when s is a language tag,
 * 0 when it is not (out untouched), -1 when out of memory. */
int hs_lang_primary(const char *s, hs_buf *out);

/* How much of b's text a has: 1 when every word of b is in a, less by
 * the length of the words of b that are not (Readability's measure; words
 * are runs of letters and digits, ASCII lower-cased). */
double hs_text_similarity(const char *a, const char *b);

/* Decode the entities &amp; &lt; &gt; &quot; &apos; and numeric ones in
 * s[0..len), appending to out (invalid code points become U+FFFD). */
int hs_html_unescape(const char *s, size_t len, hs_buf *out);

#endif
