/* query_names.c - whether a query word typed in lower case is a name; see
 * hs_query_settle_names in query.h.
 *
 * A name's transliteration key lets "Tokayev" find "Токаев"; the index
 * keeps keys of capitalised and Cyrillic words only.  A reporter may type
 * a name in lower case, and in a spelling the archive does not use
 * ("tokaev" for Tokayev).  Such a word gets its key only when the index
 * has no Latin word of that form at all while the key finds something:
 * the key is loose (it joins names that sound alike), and a word the
 * archive does hold ("soon", "apply", "college") would reach every name
 * that sounds like it (Sony, Apple, Cole).
 */
#include "query.h"

#include <stdlib.h>

#include "hustings.h"
#include "schema.h"
#include "xapian_glue.h"

int hs_query_term_freq(struct hx_db *db, const char *prefix, const char *word,
                       unsigned long *n)
{
    hs_buf term = HS_BUF_INIT;
    hustings_status_t st = hs_buf_puts(&term, prefix) == 0 && hs_buf_puts(&term, word) == 0
                               ? hx_db_term_freq(db, term.data, n)
                               : HUSTINGS_STATUS_OUT_OF_MEMORY;
    hs_buf_free(&term);
    return st;
}

static int settle_word(hs_qgroup *g, hs_qword *w, void *ctx)
{
    hx_db *db = ctx;
    (void)g;
    if (!w->maybe_key)
        return HUSTINGS_STATUS_SUCCESS;
    unsigned long as_name = 0, as_word = 0;
    hustings_status_t st = hs_query_term_freq(db, HS_PREFIX_NAME, w->maybe_key, &as_name);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_query_term_freq(db, "", w->exact, &as_word);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    if (as_word == 0 && as_name > 0 && !w->key) {
        w->key = w->maybe_key;
        w->maybe_key = NULL;
    }
    free(w->maybe_key);
    w->maybe_key = NULL;
    return st;
}

int hs_query_settle_names(hs_parsed_query *pq, struct hx_db *db)
{
    return hs_query_each_word(pq, settle_word, db);
}
