/* near_dups.c - an article's near-duplicate cluster while it is
 * written: its fingerprint and band terms, and the cluster of an indexed
 * copy; see near_dups.h. */
#include "near_dups.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_key.h"
#include "doc_data.h"
#include "schema.h"

int hs_dup_fingerprint(const hs_article *a, hs_dup_info *dup)
{
    memset(dup, 0, sizeof *dup);
    hs_buf body = HS_BUF_INIT;
    for (size_t i = 0; i < a->n_passages; i++) {
        if (i)
            hs_buf_puts(&body, "\n\n");
        hs_buf_puts(&body, a->passages[i].text);
    }
    int rc = hs_simhash(hs_buf_str(&body), body.len, &dup->fp);
    if (rc == 0) {
        dup->has_fp = 1;
        snprintf(dup->cluster, sizeof dup->cluster, "%016llx", (unsigned long long)dup->fp);
    }
    hs_buf_free(&body);
    return rc < 0 ? -1 : 0;
}

int hs_dup_add_band_terms(hx_doc *doc, const hs_dup_info *dup)
{
    if (!dup->has_fp)
        return 0;
    char bands[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE];
    char term[64];
    hs_simhash_bands(dup->fp, bands);
    for (int b = 0; b < HS_SIMHASH_BANDS; b++) {
        int n = snprintf(term, sizeof term, "%s%s", HS_PREFIX_SIMHASH_BAND, bands[b]);
        if (hx_doc_add_boolean(doc, term, (size_t)n) < 0)
            return -1;
    }
    return 0;
}

typedef struct cluster_finder {
    uint64_t fp;
    const char *self;       /* the article's own key: its old copy is no copy */
    char *cluster;          /* found */
    int failed;
} cluster_finder;

/* hx_doc_fn: is this first passage of another article a near copy? */
static int compare_copy(void *ctx, unsigned docid, const char *data, size_t len)
{
    (void)docid;
    cluster_finder *f = ctx;
    hs_copy_fields c;
    hs_buf key = HS_BUF_INIT;
    if (hs_copy_fields_read(data, len, &c) < 0 || hs_article_name(c.path, c.id, &key) < 0)
        f->failed = 1;
    else if (c.has_fp && strcmp(hs_buf_str(&key), f->self) != 0 &&
             hs_simhash_distance(c.fp, f->fp) <= HS_SIMHASH_MAX_DISTANCE &&
             !(f->cluster = strdup(c.cluster)))
        f->failed = 1;
    hs_buf_free(&key);
    hs_copy_fields_free(&c);
    return f->failed || f->cluster;
}

/* The cluster of an indexed copy of article a, found through a shared band
 * of its fingerprint: in *found (malloc'd), or NULL when it has none.
 * 0, or -1 on failure. */
static int find_copy(hx_db *db, const hs_article *a, const hs_dup_info *dup, char **found)
{
    hs_buf self = HS_BUF_INIT;
    *found = NULL;
    if (hs_article_name(a->path, a->id, &self) < 0)
        return -1;
    cluster_finder f = { dup->fp, hs_buf_str(&self), NULL, 0 };
    char bands[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE];
    char term[64];
    hs_simhash_bands(dup->fp, bands);
    for (int b = 0; b < HS_SIMHASH_BANDS && !f.cluster && !f.failed; b++) {
        snprintf(term, sizeof term, "%s%s", HS_PREFIX_SIMHASH_BAND, bands[b]);
        if (hx_db_each_doc(db, term, compare_copy, &f) != HUSTINGS_STATUS_SUCCESS)
            f.failed = 1;
    }
    hs_buf_free(&self);
    *found = f.cluster;
    return f.failed ? -1 : 0;
}

int hs_dup_adopt_cluster(hx_db *db, const hs_article *a, hs_dup_info *dup)
{
    char *found = NULL;
    if (!dup->has_fp || a->n_passages == 0)
        return 0;
    if (find_copy(db, a, dup, &found) < 0)
        return -1;
    if (found)
        snprintf(dup->cluster, sizeof dup->cluster, "%s", found);
    free(found);
    return found != NULL;
}

int hs_dup_add_cluster_term(hx_doc *first, const hs_dup_info *dup)
{
    char term[64];
    int n = snprintf(term, sizeof term, "%s%s", HS_PREFIX_CLUSTER, dup->cluster);
    return hx_doc_add_boolean(first, term, (size_t)n);
}
