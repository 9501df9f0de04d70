/* encoding.h - the character encoding of a page or feed, and its
 * conversion to UTF-8 (internal).
 *
 * The readers hand libxml2 nothing but valid UTF-8: they find the encoding
 * here (byte order mark, then what the document declares, then a look at
 * the bytes), convert with iconv, and replace every byte that does not
 * decode by U+FFFD.  libxml2's own conversion stops at the first bad byte,
 * which would silently cut a page short.
 */
#ifndef HUSTINGS_ENCODING_H
#define HUSTINGS_ENCODING_H

#include <stddef.h>

#include "buf.h"

/* Longest encoding name kept; longer labels are not encodings anyone uses. */
#define HS_ENCODING_NAME_MAX 40

typedef struct hs_encoding {
    char name[HS_ENCODING_NAME_MAX + 1]; /* for iconv: "UTF-8", "WINDOWS-1251" */
    size_t bom;          /* bytes of byte order mark at the start of the data */
    const char *source;  /* static: "bom", "declared", "content" or "default" */
} hs_encoding;

enum hs_markup {
    HS_MARKUP_HTML, /* <meta charset>, http-equiv Content-Type, XML prolog */
    HS_MARKUP_XML,  /* the XML prolog only */
    HS_MARKUP_TEXT, /* plain text: no declaration, only a BOM and the bytes */
};

/* The encoding of data[0..len).  A byte order mark wins; then the
 * declaration; then a look at the bytes: valid UTF-8 is UTF-8, and so is
 * text whose valid multi-byte sequences outnumber its bad bytes four to
 * one; Cyrillic letters (bytes 0xC0-0xFF mostly in runs, not inside ASCII
 * words) are windows-1251 or KOI8-R, whichever reads them as the more
 * frequent, lower-case Russian letters; accented letters inside ASCII
 * words and Windows punctuation (curly quotes, dashes) are windows-1252;
 * bytes that show none of these are windows-1252 in markup (what browsers
 * assume) and UTF-8 in plain text (each such byte then becomes U+FFFD).
 * enc->source is "default" for undeclared valid UTF-8 and for that last
 * case, "content" for the other guesses.  A declared single-byte or
 * legacy encoding is overruled when the bytes are valid UTF-8 with
 * non-ASCII characters in them: pages saved by browsers and tools are
 * re-encoded as UTF-8 but keep their old declaration, while real legacy
 * text is practically never valid UTF-8.  The other way round, declared
 * UTF-8 that is not valid UTF-8 is read as windows-1251 or KOI8-R when
 * its bytes look like one of them (a template's declaration over Russian
 * text); other stray bytes become U+FFFD.  Labels follow the WHATWG mapping (iso-8859-1 and ascii
 * mean windows-1252, gb2312 means GB18030, utf-16 without a BOM means
 * UTF-8). */
void hs_encoding_sniff(const char *data, size_t len, enum hs_markup markup,
                       hs_encoding *enc);

/* Append data[0..len), in encoding enc (its BOM skipped), to out as valid
 * UTF-8 without NUL bytes: bytes that do not decode and NULs become
 * U+FFFD.  An encoding iconv does not know is read as windows-1252.
 * 0, or -1 when out of memory. */
int hs_encoding_to_utf8(const char *data, size_t len, const hs_encoding *enc,
                        hs_buf *out);

/* Both steps: the document as UTF-8. 0 or -1 (out of memory). */
int hs_encoding_decode(const char *data, size_t len, enum hs_markup markup,
                       hs_buf *out);

#endif
