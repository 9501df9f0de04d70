/* reader.h - from a file's bytes to the articles it holds (internal).
 *
 * hs_read_articles() detects the format from the content (the file name is
 * only a hint) and hands the bytes to the reader of that format.  One file
 * may hold several articles (the items of a feed).  Readers keep no global
 * or static mutable state: they will run in worker threads.
 */
#ifndef HUSTINGS_READER_H
#define HUSTINGS_READER_H

#include <stddef.h>

#include "article_list.h"
#include "buf.h"
#include "read_status.h"

/* Prepare libxml2 (xmlInitParser); call once before threads read files.
 * Calling it again does nothing. */
void hs_readers_init(void);

typedef enum hs_format {
    HS_FORMAT_TEXT,
    HS_FORMAT_HTML,
    HS_FORMAT_RSS,
    HS_FORMAT_ATOM,
    HS_FORMAT_XML,
    HS_FORMAT_BINARY, /* not an article: NUL bytes, mostly control bytes */
} hs_format;

/* The format of data[0..len), read from its content; the extension of
 * path only breaks ties (a .txt file that starts with "<" is still HTML if
 * it has HTML elements; five BBC articles that file(1) calls binary are
 * text). */
hs_format hs_detect_format(const char *path, const char *data, size_t len);

/* "text", "html", "rss", "atom", "xml" or "binary"; static. */
const char *hs_format_name(hs_format f);

/* Parse data[0..len), the contents of the file `path`, and append the
 * articles found to out (their path is `path`).  Returns HS_READ_OK, or,
 * with a one-line reason (without the path) appended to why,
 * HS_READ_NO_MEMORY ("out of memory") or HS_READ_BAD: "binary file (NUL
 * bytes)", "empty file", "no article text found", "malformed XML (line N):
 * ...", "feed has no items with text", "not an RSS or Atom feed", or
 * another parser's message.  A file that yields no article is an error.
 * A feed or XML file cut short is read up to there: HS_READ_OK, with a
 * note in why ("cut short (line 28): read up to there"). */
hs_read_status hs_read_articles(const char *path, const char *data, size_t len,
                                hs_article_list *out, hs_buf *why);

/* The readers behind it are in reader_text.h, reader_html.h, reader_feed.h
 * and reader_xml.h. */

#endif
