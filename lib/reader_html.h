/* reader_html.h - the HTML page reader (internal). */
#ifndef HUSTINGS_READER_HTML_H
#define HUSTINGS_READER_HTML_H

#include <stddef.h>

#include "article_list.h"
#include "buf.h"
#include "read_status.h"

/* One article from the page data[0..len); the contract of
 * hs_read_articles (reader.h). */
hs_read_status hs_read_html(const char *path, const char *data, size_t len,
                            hs_article_list *out, hs_buf *why);

#endif
