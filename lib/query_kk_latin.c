/* query_kk_latin.c - a query word in Latin letters may be Kazakh in one of
 * its Latin alphabets (kk_latin.h): its Cyrillic stem in each alphabet
 * whose letters it is written in joins the word's stems when the index
 * holds it (hs_query_add_kk_readings in query.h).
 *
 * Queries have no language, and a word of plain a-z reads differently in
 * 2018 and 2021 (u is ұ or у; i is і or и), so every reading is tried;
 * one that the index never wrote as a stem costs a look-up and finds
 * nothing.  So "saılaý" (2018) and "sailau" (2021) both reach сайлау, and
 * "Qazaqstan" Қазақстан.  The readings are looked for in Kazakh passages
 * only (query_build.c): "drug" must not find the Russian других, nor
 * "plan" План, while "shymkent", which the index holds as an English word
 * too, still finds the Latin-script Kazakh "Shymkentte".  The Cyrillic side needs nothing: Kazakh in Latin letters
 * is indexed under its Cyrillic stems (stem.h). */
#include "query.h"

#include <string.h>

#include "buf.h"
#include "hustings.h"
#include "kk_latin.h"
#include "stem_kk.h"

static int add_readings(hs_qgroup *g, hs_qword *w, void *ctx)
{
    size_t len = strlen(w->exact);
    if (g->exact_only || g->prefix || hs_script_of(w->exact, len) != HS_SCRIPT_LATIN)
        return HUSTINGS_STATUS_SUCCESS;
    int st = HUSTINGS_STATUS_SUCCESS;
    hs_buf cyrillic = HS_BUF_INIT;
    for (int v = HS_KK_LATIN_2017; v <= HS_KK_LATIN_2021 && st == HUSTINGS_STATUS_SUCCESS; v++) {
        hs_buf_reset(&cyrillic);
        int rc = hs_kk_latin_to_cyrillic(w->exact, len, (hs_kk_latin)v, &cyrillic);
        if (rc < 0) {
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        } else if (rc > 0) {
            cyrillic.len = hs_stem_kk(cyrillic.data, cyrillic.len);
            cyrillic.data[cyrillic.len] = '\0';
            st = hs_stem_list_add_held(w->kazakh, &w->n_kazakh, ctx, cyrillic.data);
        }
    }
    hs_buf_free(&cyrillic);
    return st;
}

int hs_query_add_kk_readings(hs_parsed_query *pq, struct hx_db *db)
{
    return hs_query_each_word(pq, add_readings, db);
}
