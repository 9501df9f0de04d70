/* article_doc.c - an article's own document (schema.h): its terms, its
 * tag, and the stems of its headline and body with their counts; see
 * article_doc.h. */
#include "article_doc.h"

#include <stdint.h>
#include <string.h>

#include "article_key.h"
#include "doc_data.h"
#include "schema.h"
#include "tokenizer.h"

typedef struct body_sink {
    hs_stemmer *stemmer;
    const char *lang;
    hs_article_words *words;
} body_sink;

static int body_token(void *ctx, const hs_token *tok)
{
    body_sink *b = ctx;
    size_t stem_len;
    const char *stem = hs_stem_lang(b->stemmer, b->lang, tok->term, tok->term_len, &stem_len);
    return stem ? hs_article_words_count(b->words, stem, stem_len) : -1;
}

/* The XG term of tag, on an article's own document. */
static int add_tag_term(hx_doc *doc, const char *tag)
{
    char term[HS_ARTICLE_TAG_TERM];
    return hx_doc_add_boolean(doc, term, hs_article_tag_term(tag, term));
}

hx_doc *hs_article_doc_new(hs_stemmer *stemmer, const hs_article *a,
                           const hs_buf *article_term, const hs_buf *file_term,
                           hs_article_words *words)
{
    hx_doc *doc = hx_doc_new();
    body_sink b = { stemmer, hs_headline_lang(a), words };
    char tag[17];
    hs_article_tag(article_term, tag);
    memset(words, 0, sizeof *words);
    int ok = doc && (words->counts = hs_strmap_new()) &&
             hs_tokenize(a->title, strlen(a->title), 1, body_token, &b, NULL) == 0 &&
             hx_doc_add_boolean(doc, article_term->data, article_term->len) == 0 &&
             (!a->id || hx_doc_add_boolean(doc, file_term->data, file_term->len) == 0) &&
             hx_doc_add_boolean(doc, HS_TERM_ARTICLE_DOC, strlen(HS_TERM_ARTICLE_DOC)) == 0 &&
             add_tag_term(doc, tag) == 0 &&
             hx_doc_set_value(doc, HS_SLOT_ARTICLE, tag, 16) == 0 &&
             hs_article_doc_set_data(doc, a->id) == 0;
    if (!ok) {
        hx_doc_free(doc);
        hs_strmap_free(words->counts, NULL);
        hs_buf_free(&words->stem);
        memset(words, 0, sizeof *words);
        return NULL;
    }
    return doc;
}

typedef struct body_terms {
    hx_doc *doc;
    hs_buf term;
} body_terms;

static int add_body_term(void *ctx, const char *stem, void *count)
{
    body_terms *t = ctx;
    hs_buf_reset(&t->term);
    return hs_buf_puts(&t->term, HS_PREFIX_BODY) < 0 || hs_buf_puts(&t->term, stem) < 0 ||
           hx_doc_add_term_wdf(t->doc, t->term.data, t->term.len,
                               (unsigned)(uintptr_t)count) < 0;
}

int hs_article_doc_finish(hx_doc *doc, hs_article_words *words)
{
    body_terms t = { doc, HS_BUF_INIT };
    int rc = hs_strmap_each(words->counts, add_body_term, &t) ? -1 : 0;
    hs_buf_free(&t.term);
    hs_strmap_free(words->counts, NULL);
    hs_buf_free(&words->stem);
    memset(words, 0, sizeof *words);
    return rc;
}
