/* xml_doc.h - parsing untrusted XML (feeds, exports) safely (internal).
 *
 * libxml2 runs with XML_PARSE_NONET and without XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD and XML_PARSE_HUGE: no external entity, DTD or
 * network resource is ever fetched, entities are not substituted into the
 * tree, and libxml2's own limits (depth 256, entity amplification checks)
 * stay on.  When text is read back, a reference to an internal entity
 * adds its replacement text only when that text is plain (no markup, no
 * further references) and within a budget, so that nested "billion laughs"
 * entities expand to nothing.  A document that fails only for HTML's
 * named characters (&nbsp;, &mdash;: undefined in XML, common in feeds)
 * is parsed again with them written as the characters.
 */
#ifndef HUSTINGS_XML_DOC_H
#define HUSTINGS_XML_DOC_H

#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "read_status.h"

/* Parse data[0..len) (any encoding, see encoding.h) into *doc (free it
 * with xmlFreeDoc).  HS_READ_OK, or *doc NULL and a one-line reason in
 * why (when not NULL): HS_READ_NO_MEMORY ("out of memory"), or
 * HS_READ_BAD ("malformed XML (line 3): Opening and ending tag mismatch:
 * item and channel", ...).  With partial not NULL, a document cut short
 * (its first error is where it ends) is read up to there: *partial is set
 * and why says so ("cut short (line 28): read up to there"). */
hs_read_status hs_xml_parse(const char *data, size_t len, xmlDocPtr *doc,
                            hs_buf *why_or_null, int *partial);

/* The element's local name ("" for other nodes). */
const char *hs_xml_name(const xmlNode *n);

/* True when n is an element whose local name is `name`, ASCII case
 * ignored (feeds are written by hand as often as by tools). */
int hs_xml_is(const xmlNode *n, const char *name);

/* The first child element of parent called name, or NULL. */
xmlNodePtr hs_xml_child(const xmlNode *parent, const char *name);

/* The value of attribute name (no namespace) of n, or NULL; points into
 * the tree. */
const char *hs_xml_attr(const xmlNode *n, const char *name);

/* How many bytes of entity replacement text a document's readers may add
 * in all: its own size, at most HS_XML_ENTITY_BUDGET_MAX. */
#define HS_XML_ENTITY_BUDGET_MAX (1u << 20)
size_t hs_xml_entity_budget(size_t doc_len);

/* Append the text of n and all inside it, runs of white space collapsed
 * to one space (*space carries a pending space; start with 0).  Entity
 * text is taken from *budget, which is decreased.
 * 0 or -1 (out of memory). */
int hs_xml_text(const xmlNode *n, hs_buf *out, int *space, size_t *budget);

/* The same, untouched: white space as written (for HTML and plain text
 * held in an element). */
int hs_xml_raw_text(const xmlNode *n, hs_buf *out, size_t *budget);

#endif
