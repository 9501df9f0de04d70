/* query_idf.c - how rare each query word is in the index: the evidence a
 * passage gains by holding it (query_build.c); see hs_query_add_idf in
 * query.h. */
#include "query.h"

#include <math.h>

#include "hustings.h"
#include "index_internal.h"
#include "schema.h"
#include "stopwords.h"
#include "xapian_glue.h"

typedef struct idf_ctx {
    hx_db *db;
    unsigned long passages;
} idf_ctx;

static int add_idf(hs_qgroup *g, hs_qword *w, void *ctx)
{
    idf_ctx *c = ctx;
    /* word*: as common as the words it stands for, at least; a stop word
     * has no term, and is no evidence (index_write.c) */
    if (g->prefix || (hs_qword_unpositioned(w) && hs_is_stopword(w->exact) && !w->acronym)) {
        w->idf = 0;
        return HUSTINGS_STATUS_SUCCESS;
    }
    unsigned long most = 0, n = 0;
    const char *stems[2 + HS_QWORD_VARIANTS];
    /* an =word, and a word with a stop word's stem ("cans"), is found as
     * itself; another by its stems */
    size_t k = g->exact_only || hs_qword_unpositioned(w) ? 0 : hs_qword_stems(w, stems);
    if (k == 0) {
        int st = hs_query_form_freq(c->db, "", w->exact, &most);
        if (st != HUSTINGS_STATUS_SUCCESS)
            return st;
    }
    for (size_t i = 0; i < k; i++) {
        int st = hs_query_term_freq(c->db, HS_PREFIX_STEM, stems[i], &n);
        if (st != HUSTINGS_STATUS_SUCCESS)
            return st;
        if (n > most)
            most = n;
    }
    double all = (double)c->passages;
    double idf = log((all - (double)most + 0.5) / ((double)most + 0.5));
    w->idf = idf > 0 ? idf : 0;
    return HUSTINGS_STATUS_SUCCESS;
}

int hs_query_add_idf(hs_parsed_query *pq, struct hx_db *db)
{
    idf_ctx c = { db, 0 };
    hustings_status_t st = hs_passage_count(db, &c.passages);
    return st == HUSTINGS_STATUS_SUCCESS ? (hustings_status_t)hs_query_each_word(pq, add_idf, &c) : st;
}
