/* article_api.c - reading one file into an article, and the public
 * hustings_article_* functions. */
#include "index_internal.h"

#include <stdlib.h>
#include <string.h>

#include "readfile.h"

void hs_article_detect_lang(hs_article *a, const hs_langid *lid)
{
    /* the headline and the first passages, up to the identifier's sample */
    hs_buf sample = HS_BUF_INIT;
    hs_buf_puts(&sample, a->title);
    for (size_t i = 0; i < a->n_passages && sample.len < HS_LANG_SAMPLE; i++) {
        hs_buf_putc(&sample, '\n');
        hs_buf_puts(&sample, a->passages[i].text);
    }
    const char *lang = hs_lang_detect(lid, hs_buf_str(&sample), sample.len, a->lang);
    if (lang)
        hs_article_set_lang(a, lang, strlen(lang));
    hs_buf_free(&sample);
}

hustings_status_t hs_article_load(const char *path, hs_buf *scratch,
                                  hs_article **out, hs_buf *why)
{
    if (hs_read_file(path, HS_MAX_FILE_BYTES, scratch, why) < 0)
        return HUSTINGS_STATUS_FILE_ERROR;
    /* store the canonical path, so that one file is one article however
     * it was named on the command line */
    char *real = realpath(path, NULL);
    hs_article *a = hs_read_text(real ? real : path, hs_buf_str(scratch),
                                 scratch->len, why);
    free(real);
    if (!a)
        return strcmp(hs_buf_str(why), "out of memory") == 0
                   ? HUSTINGS_STATUS_OUT_OF_MEMORY
                   : HUSTINGS_STATUS_BAD_ARTICLE;
    *out = a;
    return HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hustings_article_read(const char *path,
                                        hustings_article_t **article,
                                        char **error_message)
{
    if (!path || !article)
        return HUSTINGS_STATUS_NULL_POINTER;
    hs_buf data = HS_BUF_INIT, why = HS_BUF_INIT;
    hs_article *a = NULL;
    hustings_status_t st = hs_article_load(path, &data, &a, &why);
    hs_buf_free(&data);
    if (st == HUSTINGS_STATUS_SUCCESS) {
        hs_langid *lid = hs_langid_new(NULL);
        hs_article_detect_lang(a, lid);
        hs_langid_free(lid);
        hustings_article_t *h = malloc(sizeof *h);
        if (h) {
            h->a = a;
            *article = h;
            hs_buf_free(&why);
            return st;
        }
        hs_article_free(a);
        hs_buf_reset(&why);
        hs_buf_puts(&why, "out of memory");
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    if (error_message)
        *error_message = hs_buf_detach(&why);
    else
        hs_buf_free(&why);
    return st;
}

const char *hustings_article_get_path(hustings_article_t *article)
{
    return article ? article->a->path : NULL;
}

const char *hustings_article_get_title(hustings_article_t *article)
{
    return article ? article->a->title : NULL;
}

const char *hustings_article_get_date(hustings_article_t *article)
{
    return article ? article->a->date : NULL;
}

const char *hustings_article_get_source(hustings_article_t *article)
{
    return article ? article->a->source : NULL;
}

const char *hustings_article_get_lang(hustings_article_t *article)
{
    return article ? article->a->lang : NULL;
}

unsigned hustings_article_count_passages(hustings_article_t *article)
{
    return article ? (unsigned)article->a->n_passages : 0;
}

const char *hustings_article_get_passage(hustings_article_t *article, unsigned i)
{
    if (!article || i >= article->a->n_passages)
        return NULL;
    return article->a->passages[i].text;
}

unsigned hustings_article_get_paragraph(hustings_article_t *article, unsigned i)
{
    if (!article || i >= article->a->n_passages)
        return 0;
    return article->a->passages[i].paragraph;
}

void hustings_article_destroy(hustings_article_t *article)
{
    if (!article)
        return;
    hs_article_free(article->a);
    free(article);
}
