/* file_docs.c - the Xapian documents of the articles read from one file:
 * one per passage and one per article, built ahead of the write (or one
 * at a time for a very big file), given their near-duplicate clusters
 * and added to the database; see file_docs.h. */
#include "file_docs.h"

#include <stdlib.h>
#include <string.h>

#include "article_doc.h"
#include "article_key.h"
#include "doc_data.h"
#include "field_terms.h"
#include "lang.h"
#include "near_dups.h"
#include "schema.h"
#include "text_terms.h"

/* One Xapian document for passage i of article a, but for its cluster
 * term. */
static hx_doc *passage_doc(hs_stemmer *stemmer, const hs_article *a, size_t i,
                           const hs_buf *article_term, const hs_buf *file_term,
                           const hs_dup_info *dup, hs_article_words *article)
{
    hx_doc *doc = hx_doc_new();
    char tag[17];
    hs_article_tag(article_term, tag);
    char *data = doc ? hs_passage_data(a, i, dup->cluster, dup->has_fp, dup->fp) : NULL;
    const char *text = a->passages[i].text;
    const char *lang = hs_passage_stem_lang(a->lang, text, strlen(text));
    int ok = data && hs_text_terms_add(doc, stemmer, lang, article, "", HS_PREFIX_STEM,
                                       HS_PREFIX_NAME, text) == 0;
    /* the article's document has its headline once: not counted */
    ok = ok &&
             hs_text_terms_add(doc, stemmer, hs_headline_lang(a), NULL, HS_PREFIX_TITLE,
                               HS_PREFIX_TITLE_STEM, HS_PREFIX_TITLE_NAME, a->title) == 0 &&
             hx_doc_add_boolean(doc, article_term->data, article_term->len) == 0 &&
             (!a->id || hx_doc_add_boolean(doc, file_term->data, file_term->len) == 0) &&
             hs_field_terms_add(doc, a) == 0 &&
             (i > 0 || hs_dup_add_band_terms(doc, dup) == 0) &&
             hx_doc_set_value(doc, HS_SLOT_ARTICLE, tag, 16) == 0 &&
             (!a->date || hx_doc_set_value(doc, HS_SLOT_DATE, a->date,
                                           strlen(a->date)) == 0) &&
             hx_doc_set_data(doc, data, strlen(data)) == 0;
    free(data);
    if (!ok) {
        hx_doc_free(doc);
        return NULL;
    }
    return doc;
}

/* How many documents an article has: its passages and its own. */
static size_t docs_of(const hs_article *a)
{
    return a->n_passages ? a->n_passages + 1 : 0;
}

/* A file of more passages than this has its documents built one at a
 * time as they are written, not all ahead (by a reader thread, while the
 * writer works): a document takes some 3 KB even for a short paragraph,
 * and a 3 MB file of 100,000 of them took 330 MB ahead. */
#define AHEAD_MAX_PASSAGES 1000

/* The documents of a file's passages, built before the index is touched
 * (so that a failure leaves the old passages in place), unless the file
 * has more than AHEAD_MAX_PASSAGES (then docs is NULL). */
struct hs_file_docs {
    hx_doc **docs;            /* every passage of every article, in order */
    size_t n_docs;
    hs_article *const *articles; /* borrowed from the caller */
    size_t n_articles;
    hs_dup_info *dups;        /* one per article */
};

void hs_file_docs_free(hs_file_docs *fd)
{
    if (!fd)
        return;
    for (size_t i = 0; i < fd->n_docs; i++)
        hx_doc_free(fd->docs[i]);
    free(fd->docs);
    free(fd->dups);
    free(fd);
}

hs_file_docs *hs_file_docs_build(hs_stemmer *stemmer, hs_article *const *articles, size_t n)
{
    hs_file_docs *fd = calloc(1, sizeof *fd);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs_of(articles[i]);
    int ahead = total <= AHEAD_MAX_PASSAGES;
    if (!fd || (ahead && !(fd->docs = calloc(total ? total : 1, sizeof *fd->docs))) ||
        !(fd->dups = calloc(n ? n : 1, sizeof *fd->dups))) {
        hs_file_docs_free(fd);
        return NULL;
    }
    fd->articles = articles;
    fd->n_articles = n;
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++) {
        const hs_article *a = articles[i];
        hs_buf_reset(&aterm);
        hs_buf_reset(&fterm);
        ok = hs_article_terms(a->path, a->id, &aterm, &fterm) == 0 &&
             hs_dup_fingerprint(a, &fd->dups[i]) == 0;
        if (!ahead || !ok || a->n_passages == 0)
            continue;
        /* the article's document goes after its passages, which fill it */
        hs_article_words words;
        hx_doc *own = hs_article_doc_new(stemmer, a, &aterm, &fterm, &words);
        for (size_t p = 0; p < a->n_passages && own && ok; p++)
            ok = (fd->docs[fd->n_docs++] =
                      passage_doc(stemmer, a, p, &aterm, &fterm, &fd->dups[i], &words)) != NULL;
        if (own && hs_article_doc_finish(own, &words) < 0)
            ok = 0;
        if (ok && own)
            fd->docs[fd->n_docs++] = own;
        else
            hx_doc_free(own);
        ok = ok && own;
    }
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    if (!ok) {
        hs_file_docs_free(fd);
        return NULL;
    }
    return fd;
}

hustings_status_t hs_file_docs_join_clusters(hx_db *db, hs_file_docs *fd)
{
    if (!fd->docs) /* built one by one: each article is given its cluster then */
        return HUSTINGS_STATUS_SUCCESS;
    hx_doc **doc = fd->docs;
    for (size_t i = 0; i < fd->n_articles; doc += docs_of(fd->articles[i]), i++) {
        const hs_article *a = fd->articles[i];
        hs_dup_info *dup = &fd->dups[i];
        int copy = hs_dup_adopt_cluster(db, a, dup);
        if (copy < 0)
            return HUSTINGS_STATUS_XAPIAN_EXCEPTION;
        if (!dup->has_fp || a->n_passages == 0)
            continue;
        int ok = 1;
        if (copy) {
            char *data = hs_passage_data(a, 0, dup->cluster, dup->has_fp, dup->fp);
            ok = data && hx_doc_set_data(doc[0], data, strlen(data)) == 0;
            free(data);
        }
        if (!ok || hs_dup_add_cluster_term(doc[0], dup) < 0)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    return HUSTINGS_STATUS_SUCCESS;
}

/* Write the passages of a file that has too many to build ahead: each
 * document is built, added and freed in turn, after its article's cluster
 * is known. */
static hustings_status_t add_one_by_one(hx_db *db, hs_stemmer *stemmer, hs_file_docs *fd)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; i < fd->n_articles && st == HUSTINGS_STATUS_SUCCESS; i++) {
        const hs_article *a = fd->articles[i];
        hs_dup_info *dup = &fd->dups[i];
        hs_buf_reset(&aterm);
        hs_buf_reset(&fterm);
        if (hs_dup_adopt_cluster(db, a, dup) < 0)
            st = HUSTINGS_STATUS_XAPIAN_EXCEPTION;
        else if (hs_article_terms(a->path, a->id, &aterm, &fterm) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        hx_doc *own = NULL;
        hs_article_words words;
        memset(&words, 0, sizeof words);
        if (st == HUSTINGS_STATUS_SUCCESS && a->n_passages &&
            !(own = hs_article_doc_new(stemmer, a, &aterm, &fterm, &words)))
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        for (size_t p = 0; p < a->n_passages && st == HUSTINGS_STATUS_SUCCESS; p++) {
            hx_doc *doc = passage_doc(stemmer, a, p, &aterm, &fterm, dup,
                                      own ? &words : NULL);
            if (!doc || (p == 0 && dup->has_fp && hs_dup_add_cluster_term(doc, dup) < 0))
                st = HUSTINGS_STATUS_OUT_OF_MEMORY;
            else
                st = hx_db_add_doc(db, doc);
            hx_doc_free(doc);
        }
        if (own && hs_article_doc_finish(own, &words) < 0 && st == HUSTINGS_STATUS_SUCCESS)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (st == HUSTINGS_STATUS_SUCCESS && own)
            st = hx_db_add_doc(db, own);
        hx_doc_free(own);
    }
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

hustings_status_t hs_file_docs_add(hx_db *db, hs_stemmer *stemmer, hs_file_docs *fd)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < fd->n_docs; i++)
        st = hx_db_add_doc(db, fd->docs[i]);
    if (st == HUSTINGS_STATUS_SUCCESS && !fd->docs)
        st = add_one_by_one(db, stemmer, fd);
    return st;
}
