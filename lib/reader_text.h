/* reader_text.h - the plain-text reader (internal). */
#ifndef HUSTINGS_READER_TEXT_H
#define HUSTINGS_READER_TEXT_H

#include <stddef.h>

#include "article.h"
#include "buf.h"
#include "read_status.h"

/* Parses data[0..len), the contents of the file `path`, in the shape
 * described in corpus/README.md: a headline line; an optional date line;
 * paragraphs separated by blank lines; an optional last line "Source:
 * URL".  Text that is not UTF-8 is converted
 * from windows-1251, KOI8-R or windows-1252 when its bytes show which
 * (encoding.h); other invalid bytes become U+FFFD.  CRLF line ends and a
 * UTF-8 BOM are accepted.
 * HS_READ_OK with the article in *out (caller frees), or *out NULL and a
 * one-line reason (without the path) appended to `why`: HS_READ_BAD, e.g.
 * "empty file", "binary file (NUL bytes)", "no text besides the
 * headline", or HS_READ_NO_MEMORY. */
hs_read_status hs_read_text(const char *path, const char *data, size_t len,
                            hs_article **out, hs_buf *why);

#endif
