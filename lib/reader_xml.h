/* reader_xml.h - the reader of XML that is neither a page nor a feed
 * (internal). */
#ifndef HUSTINGS_READER_XML_H
#define HUSTINGS_READER_XML_H

#include <stddef.h>

#include "article_list.h"
#include "buf.h"
#include "read_status.h"

/* The articles of the XML document data[0..len); the contract of
 * hs_read_articles (reader.h). */
hs_read_status hs_read_xml(const char *path, const char *data, size_t len,
                           hs_article_list *out, hs_buf *why);

#endif
