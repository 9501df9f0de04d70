/* xapian_glue.h - the thin C face of libxapian (internal).
 *
 * xapian_glue.cc is the only C++ in hustings.  It catches every exception
 * and maps it to a hustings_status_t plus a message; no logic that C could
 * hold lives there: the rules it applies to a search (wildcard budget,
 * refusals' words, where undated passages sort, how shards number their
 * documents) are match_rules.h's.
 */
#ifndef HUSTINGS_XAPIAN_GLUE_H
#define HUSTINGS_XAPIAN_GLUE_H

#include <stddef.h>

#include "hustings.h"
#include "match_rules.h"
#include "qnode.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hx_db hx_db;
typedef struct hx_doc hx_doc;

/* Open (writable: create if missing) the database at path.  On failure
 * *err receives a malloc'd message naming the path. */
hustings_status_t hx_db_open(const char *path, int writable, hx_db **out,
                             char **err);
/* Open several databases (each a directory or a Xapian stub file, whose
 * lines may name remote shards served by xapian-tcpsrv) as one, read-only.
 * Messages as hx_db_open. */
/* Merge the n databases at sources into a new, compact one at dest, the
 * documents of each source numbered after those of the one before.
 * *err (when not NULL) receives a malloc'd message on failure. */
hustings_status_t hx_compact(const char *const *sources, size_t n, const char *dest, char **err);

hustings_status_t hx_db_open_many(const char *const *paths, size_t n, hx_db **out, char **err);

/* Close without committing what is pending (a writable database keeps only
 * what was committed). */
void hx_db_free(hx_db *db);
/* Message of the last failure on db, "" when none. */
const char *hx_db_error(const hx_db *db);

/* A write on a database opened read-only is HUSTINGS_STATUS_READ_ONLY_INDEX;
 * a call out of turn (hx_db_end_changes with no group open) is
 * HUSTINGS_STATUS_XAPIAN_EXCEPTION, as Xapian's InvalidOperationError is. */
hustings_status_t hx_db_commit(hx_db *db);
/* A group of changes that a commit holds whole or not at all: between
 * hx_db_begin_changes and hx_db_end_changes, Xapian commits nothing on its
 * own.  In a group, hx_db_delete_term_when_kept marks the documents that
 * hold a term now, to go when the group is kept.  hx_db_end_changes keeps
 * the group for the next commit (keep non-zero: the marked documents are
 * deleted) or undoes it (the documents it added are deleted; the marked
 * ones stay); changes made before the group are kept either way.  Groups
 * do not nest. */
hustings_status_t hx_db_begin_changes(hx_db *db);
hustings_status_t hx_db_delete_term_when_kept(hx_db *db, const char *term);
hustings_status_t hx_db_end_changes(hx_db *db, int keep);
/* Reload a read-only database to its latest commit. */
hustings_status_t hx_db_reopen(hx_db *db);

/* *value is malloc'd ("" when the key is unset). */
hustings_status_t hx_db_get_metadata(hx_db *db, const char *key, char **value);
hustings_status_t hx_db_set_metadata(hx_db *db, const char *key, const char *value);

hustings_status_t hx_db_doc_count(hx_db *db, unsigned long *n);
/* How many distinct terms start with prefix. */
hustings_status_t hx_db_count_terms(hx_db *db, const char *prefix, unsigned long *n);
/* How many documents index the term. */
hustings_status_t hx_db_term_freq(hx_db *db, const char *term, unsigned long *n);

/* Delete every document indexed by the (boolean) term. */
hustings_status_t hx_db_delete_term(hx_db *db, const char *term);
hustings_status_t hx_db_add_doc(hx_db *db, hx_doc *doc);

/* Visit metadata entries whose key starts with prefix, in key order. */
typedef int (*hx_metadata_fn)(void *ctx, const char *key, const char *value, size_t len);
hustings_status_t hx_db_each_metadata(hx_db *db, const char *prefix, hx_metadata_fn fn,
                                      void *ctx);

/* Visit the terms that start with prefix, in byte order. */
typedef int (*hx_term_fn)(void *ctx, const char *term, unsigned long termfreq);
hustings_status_t hx_db_each_term(hx_db *db, const char *prefix, hx_term_fn fn, void *ctx);

/* Visit the documents indexed by term, in docid order, with their data. */
typedef int (*hx_doc_fn)(void *ctx, unsigned docid, const char *data, size_t len);
hustings_status_t hx_db_each_doc(hx_db *db, const char *term, hx_doc_fn fn, void *ctx);

/* The data of the first document of docid's group: the documents holding
 * the same term under group_prefix, added one after another.  That is the
 * one `back` documents before docid in its own database (in a search over
 * several, whose docids interleave: hs_shard_earlier_docid), when it has
 * the same value in `slot`; else, or when `back` reaches before the first
 * document (HS_BACK_BEFORE_FIRST always does), the first document of the
 * group term's posting list.  (A remote server interleaving databases of its own puts
 * another member of the group `back` before, when not another group: the
 * caller checks.)
 * HUSTINGS_STATUS_INDEX_CORRUPT when docid has no group term.  A
 * read-only database that a writer changed is reopened and the read
 * retried once, as a search is.  *data is malloc'ed and NUL-terminated;
 * the caller frees it. */
hustings_status_t hx_db_earlier_data(hx_db *db, unsigned docid, unsigned back, unsigned slot,
                                     const char *group_prefix, char **data, size_t *len);

/* The data of document docid, read as hx_db_earlier_data reads. */
hustings_status_t hx_db_data(hx_db *db, unsigned docid, char **data, size_t *len);

/* Rewrite document docid in place: drop its terms that start with any of
 * drop_prefixes (NULL-terminated), add the boolean terms add_terms
 * (NULL-terminated), set value `slot` to value and the data to data. */
hustings_status_t hx_db_update_doc(hx_db *db, unsigned docid,
                                   const char *const *drop_prefixes,
                                   const char *const *add_terms, unsigned slot,
                                   const char *value, const char *data, size_t len);

/* Lowest and highest value in slot over all documents; malloc'd, "" when
 * no document has one. */
hustings_status_t hx_db_value_bounds(hx_db *db, unsigned slot, char **lo, char **hi);

/* Visit, in docid order, the documents with a value in `slot`, with that
 * value and their value in slot `other` ("" when they have none);
 * non-zero from fn stops. */
typedef int (*hx_value_fn)(void *ctx, unsigned docid, const char *value, size_t len,
                           const char *other, size_t other_len);
hustings_status_t hx_db_each_value(hx_db *db, unsigned slot, unsigned other,
                                   hx_value_fn fn, void *ctx);

hx_doc *hx_doc_new(void);
void hx_doc_free(hx_doc *doc);
/* 0, or -1 when out of memory. */
int hx_doc_add_posting(hx_doc *doc, const char *term, size_t len, unsigned pos);
int hx_doc_add_term(hx_doc *doc, const char *term, size_t len); /* wdf + 1, no position */
int hx_doc_add_term_wdf(hx_doc *doc, const char *term, size_t len, unsigned wdf); /* wdf + wdf */
int hx_doc_add_boolean(hx_doc *doc, const char *term, size_t len);
int hx_doc_set_value(hx_doc *doc, unsigned slot, const char *v, size_t len);
int hx_doc_set_data(hx_doc *doc, const char *data, size_t len);

/* Called for each match, best first; non-zero stops. */
typedef int (*hx_match_fn)(void *ctx, unsigned docid, double weight, const char *data,
                           size_t len);

/* Which matches to keep beyond what the query tree says: fn gets each
 * match's docid and data, and keeps it by returning non-zero (exact
 * phrases, which the index cannot check alone: exact_phrase.h). */
typedef struct hx_accept {
    int (*fn)(void *ctx, unsigned docid, const char *data, size_t len);
    void *ctx;
    const char *group_prefix; /* the prefix of a term that all the documents
                                 of a group (an article) share: over several
                                 shards, Xapian hands fn a shard's document,
                                 whose docid in the whole database is found
                                 through it */
} hx_accept;

/* How to run a search. */
typedef struct hx_search_opts {
    unsigned offset, limit;   /* hand over matches offset .. offset+limit-1 */
    int sort_slot;            /* order by this value slot, then by weight
                                 (a document without the value as
                                 hs_unset_sort_value says); -1: by weight
                                 (BM25) */
    int descending;           /* with sort_slot: largest value first */
    int collapse_slot;        /* at most collapse_max matches (the best) per
                                 value of this slot; -1: no limit */
    unsigned collapse_max;
    const hx_accept *accept;  /* NULL: every match */
    int data_slot;            /* >= 0: hand over this value slot of each
                                 match instead of its document data;
                                 HX_DATA_NONE: nothing (no document read) */
} hx_search_opts;

#define HX_DATA_NONE (-2)

/* Give the searches on db from now on `seconds` in all (0: no limit):
 * a search still running then stops with HUSTINGS_STATUS_QUERY_TOO_COSTLY,
 * as does a query with more wildcards than can be expanded. */
void hx_db_set_time_limit(hx_db *db, double seconds);

/* Run q and hand the matches that o asks for to fn.  A read-only database
 * that a writer changed under the search is reopened and the search
 * retried once. */
hustings_status_t hx_db_search(hx_db *db, const hs_qnode *q, const hx_search_opts *o,
                               hx_match_fn fn, void *ctx);

/* Whether hx_db_following_weights can answer on db: only a single local
 * database numbers its documents in the order they were added (several
 * shards interleave theirs; a remote server may hold several).  Asked
 * once per handle. */
int hx_db_can_follow(hx_db *db);

/* For each of docids[0..n-1], the weight of q for the first document at
 * or after it that holds the term `marker` (an article's own document,
 * which follows its passages: schema.h), in weights[i]; 0 when q does not
 * match that document.  One pass over marker's posting list and one
 * search restricted to those documents, so no term is looked up per
 * document.  Only where hx_db_can_follow says so. */
hustings_status_t hx_db_following_weights(hx_db *db, const hs_qnode *q, const char *marker,
                                          const unsigned *docids, size_t n, double *weights);

/* In one pass over every document q matches (and accept keeps, unless it
 * is NULL): their exact number in *count, and for each of slots[0..n)
 * each value found there with how many of them hold it, handed to fn
 * with the slot's index in slots (in no order); non-zero from fn stops. */
typedef int (*hx_value_count_fn)(void *ctx, size_t slot_index, const char *value, size_t len,
                                 unsigned long count);
hustings_status_t hx_db_tally(hx_db *db, const hs_qnode *q, const hx_accept *accept,
                              const unsigned *slots, size_t n, unsigned long *count,
                              hx_value_count_fn fn, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
