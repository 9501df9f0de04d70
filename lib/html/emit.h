/* html/emit.h - from an HTML subtree to paragraphs of text (internal).
 *
 * Block elements (html/tags.h) end the paragraph around them; inline
 * elements only add their text; runs of white space become one space
 * except inside <pre>; one <br> is a line break inside the paragraph and
 * two in a row end it; table cells are separated by a space.
 */
#ifndef HUSTINGS_HTML_EMIT_H
#define HUSTINGS_HTML_EMIT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "extract.h"

/* True when element n and everything in it is to be left out. */
typedef int (*hs_skip_fn)(void *ctx, const xmlNode *n);

/* Hand each paragraph of root's subtree (root included) to fn, leaving out
 * elements with HS_TAGF_DROP and those skip (may be NULL) names.  *chars
 * (may be NULL) is increased by the characters handed out.  Returns 0, -1
 * when out of memory, or fn's non-zero value. */
int hs_html_emit(const xmlNode *root, hs_skip_fn skip, void *skip_ctx,
                 hs_paragraph_fn fn, void *ctx, size_t *chars);

#endif
