/* reader_feed.h - the RSS 2.0 and Atom feed reader (internal). */
#ifndef HUSTINGS_READER_FEED_H
#define HUSTINGS_READER_FEED_H

#include <stddef.h>

#include "article_list.h"
#include "buf.h"
#include "read_status.h"

/* An article for each item of the feed data[0..len); the contract of
 * hs_read_articles (reader.h). */
hs_read_status hs_read_feed(const char *path, const char *data, size_t len,
                            hs_article_list *out, hs_buf *why);

#endif
