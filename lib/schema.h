/* schema.h - the index schema in one place (internal).
 *
 * Term prefixes and value slots are declared here only, and used by the
 * indexer and the query builder alike (after notmuch's prefix table).
 * doc/index-format.md describes the same schema for people.
 */
#ifndef HUSTINGS_SCHEMA_H
#define HUSTINGS_SCHEMA_H

/* Terms.  Only stems (Z, ZS) carry positions; stop words (stopwords.h)
 * have no stem term, only their places; exact words (unprefixed, S) and name keys (XT, XTS) only
 * a wdf: phrases run on stems (query_build.c).
 * Unprefixed terms are the exact normalised words of the passage text
 * (S those of the headline) that differ from their stems: a word that is
 * its own stem is only its stem term (index_write.c). */
#define HS_PREFIX_STEM        "Z"   /* stem of a passage word */
#define HS_PREFIX_TITLE       "S"   /* exact word of the article headline */
#define HS_PREFIX_TITLE_STEM  "ZS"  /* stem of a headline word */
#define HS_PREFIX_NAME        "XT"  /* transliteration key of a capitalised
                                       word (translit.h) */
#define HS_PREFIX_TITLE_NAME  "XTS" /* the same for headline words */
#define HS_PREFIX_ARTICLE     "XA"  /* boolean: the article's key (path, or
                                       path#id for an item of a feed) */
#define HS_PREFIX_FILE        "XF"  /* boolean, on the passages of an
                                       article with an id (a feed item): the
                                       key of the file it came from; for an
                                       article without one, XA serves */
#define HS_PREFIX_LANG        "L"   /* boolean: language code ("en") */
#define HS_PREFIX_HOST        "XS"  /* boolean: host of the source URL, and
                                       each parent domain ("bbc.co.uk") */
#define HS_PREFIX_SITE        "XSN" /* boolean: site name, normalised */
#define HS_PREFIX_AUTHOR      "A"   /* exact word of the byline */
#define HS_PREFIX_PATH        "XP"  /* boolean: a folder or file name of the
                                       path, lower-cased */
#define HS_PREFIX_CLUSTER     "XCA" /* boolean, on an article's first passage:
                                       its near-duplicate cluster (the
                                       term frequency counts the copies) */
#define HS_PREFIX_SIMHASH_BAND "XH" /* boolean, on an article's first
                                       passage: a band of its fingerprint */

/* Beside its passages, each article has one document of its own, added
 * right after them (index_write.c): the stems of its headline and passages
 * under XB (a wdf, no positions), for the article's BM25 at query time
 * (rank.c), its XA (and XF) term, so that it goes and is re-keyed with
 * them, its tag in HS_SLOT_ARTICLE and as an XG term, the term XK, and as
 * data "" or its id (a feed item's) after HS_ARTICLE_DOC_ID.  Passage
 * queries never match it: it holds no passage term, and "every passage"
 * is MATCH_ALL AND_NOT XK. */
#define HS_PREFIX_BODY        "XB"  /* stem of a word of the article */
#define HS_ARTICLE_DOC_ID     "id:" /* an article's own document's data: ""
                                       or this and the id of a feed item;
                                       a passage's data is a JSON object */
#define HS_TERM_ARTICLE_DOC   "XK"  /* boolean: the article's document */
#define HS_PREFIX_ARTICLE_TAG "XG"  /* boolean, on the article's document:
                                       its tag, by which a query over several
                                       shards finds the documents of its
                                       candidates' articles (rank.c) */

/* Value slots. */
#define HS_SLOT_DATE     0  /* "YYYY-MM-DD", absent when undated */
#define HS_SLOT_ARTICLE  1  /* hash of the XA term (hs_article_tag) */
#define HS_SLOT_SOURCE   4  /* site name, else source host: for facets */
#define HS_SLOT_LANG     5  /* language code: for facets */

/* Database metadata. */
#define HS_META_FORMAT   "hustings.format"
#define HS_META_UPDATED  "hustings.updated"  /* ISO 8601 UTC of the last commit */
#define HS_META_FILE     "F"                 /* + file key: see filestate.h */
#define HS_META_ROOT     "R"                 /* + file key of a folder (or file)
                                                given to a run: see roots.h */

/* Keys longer than this are cut and end in a hash of the whole path, so
 * that the XA term stays under Xapian's term length limit. */
#define HS_ARTICLE_KEY_MAX 180

#endif
