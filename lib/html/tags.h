/* html/tags.h - what the HTML elements are, for text extraction (internal).
 *
 * One table says, for each element name the extractor cares about, which
 * roles it plays: whether it ends a paragraph, whether its text is never
 * article text, whether Readability-style scoring looks at it.  Unknown
 * names (custom elements) have no flags and tag HS_TAG_OTHER.
 */
#ifndef HUSTINGS_HTML_TAGS_H
#define HUSTINGS_HTML_TAGS_H

typedef enum hs_tag {
    HS_TAG_OTHER,
    HS_TAG_A, HS_TAG_ARTICLE, HS_TAG_ASIDE, HS_TAG_BLOCKQUOTE, HS_TAG_BODY,
    HS_TAG_BR, HS_TAG_BUTTON, HS_TAG_CODE, HS_TAG_DIV, HS_TAG_DL, HS_TAG_EMBED,
    HS_TAG_FIELDSET, HS_TAG_FIGURE, HS_TAG_FOOTER, HS_TAG_FORM, HS_TAG_H1,
    HS_TAG_H2, HS_TAG_H3, HS_TAG_H4, HS_TAG_H5, HS_TAG_H6, HS_TAG_HEAD,
    HS_TAG_HEADER, HS_TAG_HR, HS_TAG_HTML, HS_TAG_IFRAME, HS_TAG_IMG,
    HS_TAG_INPUT, HS_TAG_LI, HS_TAG_LINK, HS_TAG_META, HS_TAG_NAV,
    HS_TAG_OBJECT, HS_TAG_OL, HS_TAG_P, HS_TAG_PRE, HS_TAG_SCRIPT,
    HS_TAG_SECTION, HS_TAG_SELECT, HS_TAG_SPAN, HS_TAG_STYLE, HS_TAG_TABLE,
    HS_TAG_TD, HS_TAG_TEXTAREA, HS_TAG_TH, HS_TAG_TIME, HS_TAG_TITLE,
    HS_TAG_TR, HS_TAG_UL, HS_TAG_CAPTION, HS_TAG_COL, HS_TAG_COLGROUP,
    HS_TAG_TFOOT, HS_TAG_THEAD, HS_TAG_DD, HS_TAG_DT, HS_TAG_ADDRESS,
    HS_TAG_FONT, HS_TAG_DEL, HS_TAG_INS, HS_TAG_SVG, HS_TAG_MATH,
    HS_TAG_NOSCRIPT, HS_TAG_TEMPLATE, HS_TAG_MAIN,
} hs_tag;

enum {
    /* Ends the paragraph around it: its text is a block of its own. */
    HS_TAGF_BLOCK = 1 << 0,
    /* Never article text: scripts, styles, form controls, the head. */
    HS_TAGF_DROP = 1 << 1,
    /* Phrasing content (text-level), as HTML defines it. */
    HS_TAGF_PHRASING = 1 << 2,
    /* A block that keeps a <div> from being read as a paragraph. */
    HS_TAGF_DIV_BLOCK = 1 << 3,
    /* Scored as a paragraph. */
    HS_TAGF_SCORE = 1 << 4,
    /* A heading, h1 to h6. */
    HS_TAGF_HEADING = 1 << 5,
    /* Its text is "textish" for the density checks of cleaning. */
    HS_TAGF_TEXTISH = 1 << 6,
    /* White space inside is kept as written. */
    HS_TAGF_PRE = 1 << 7,
};

/* The tag of an element name (lower case, as libxml2's HTML parser gives
 * it) and its HS_TAGF_* flags. */
hs_tag hs_html_tag(const char *name, unsigned *flags);

#endif
