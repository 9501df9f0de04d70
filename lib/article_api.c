/* article_api.c - reading one file into an article, and the public
 * hustings_article_* functions. */
#include "index_internal.h"

#include <stdlib.h>
#include <string.h>

#include "reader.h"
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

hustings_status_t hs_articles_load(const char *path, hs_buf *scratch, const hs_langid *lid,
                                   hs_article_list *out, hs_buf *why)
{
    if (hs_read_file(path, HS_MAX_FILE_BYTES, scratch, why) < 0)
        return HUSTINGS_STATUS_FILE_ERROR;
    hs_readers_init();
    /* store the canonical path, so that one file is one article however
     * it was named on the command line */
    char *real = realpath(path, NULL);
    size_t before = out->n;
    hs_read_status rs = hs_read_articles(real ? real : path, hs_buf_str(scratch), scratch->len,
                                         out, why);
    free(real);
    if (rs != HS_READ_OK)
        return rs == HS_READ_NO_MEMORY ? HUSTINGS_STATUS_OUT_OF_MEMORY
                                       : HUSTINGS_STATUS_BAD_ARTICLE;
    for (size_t i = before; i < out->n; i++)
        hs_article_detect_lang(out->items[i], lid);
    return HUSTINGS_STATUS_SUCCESS;
}

struct _hustings_articles {
    hs_article_list list;
    hustings_article_t *handles;
};

hustings_status_t hustings_articles_read(const char *path, hustings_articles_t **articles,
                                         char **error_message)
{
    if (!path || !articles)
        return HUSTINGS_STATUS_NULL_POINTER;
    hs_buf data = HS_BUF_INIT, why = HS_BUF_INIT;
    hustings_articles_t *as = calloc(1, sizeof *as);
    hs_langid *lid = hs_langid_new(NULL);
    hustings_status_t st = as ? hs_articles_load(path, &data, lid, &as->list, &why)
                              : HUSTINGS_STATUS_OUT_OF_MEMORY;
    hs_langid_free(lid);
    hs_buf_free(&data);
    if (st == HUSTINGS_STATUS_SUCCESS &&
        !(as->handles = calloc(as->list.n ? as->list.n : 1, sizeof *as->handles)))
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS) {
        if (st == HUSTINGS_STATUS_OUT_OF_MEMORY) {
            hs_buf_reset(&why);
            hs_buf_puts(&why, "out of memory");
        }
        if (error_message)
            *error_message = hs_buf_detach(&why);
        hs_buf_free(&why);
        hustings_articles_destroy(as);
        return st;
    }
    for (size_t i = 0; i < as->list.n; i++)
        as->handles[i].a = as->list.items[i];
    hs_buf_free(&why);
    *articles = as;
    return st;
}

unsigned hustings_articles_count(hustings_articles_t *articles)
{
    return articles ? (unsigned)articles->list.n : 0;
}

hustings_article_t *hustings_articles_get(hustings_articles_t *articles, unsigned i)
{
    return articles && i < articles->list.n ? &articles->handles[i] : NULL;
}

void hustings_articles_destroy(hustings_articles_t *articles)
{
    if (!articles)
        return;
    hs_article_list_clear(&articles->list);
    free(articles->list.items);
    free(articles->handles);
    free(articles);
}

hustings_status_t hustings_article_read(const char *path,
                                        hustings_article_t **article,
                                        char **error_message)
{
    if (!path || !article)
        return HUSTINGS_STATUS_NULL_POINTER;
    hustings_articles_t *as = NULL;
    hustings_status_t st = hustings_articles_read(path, &as, error_message);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return st;
    hustings_article_t *h = malloc(sizeof *h);
    if (!h) {
        hustings_articles_destroy(as);
        if (error_message)
            *error_message = strdup("out of memory");
        return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    /* keep the first article; the list lets go of it */
    h->a = as->list.items[0];
    as->list.items[0] = NULL;
    for (size_t i = 1; i < as->list.n; i++)
        hs_article_free(as->list.items[i]);
    as->list.n = 0;
    hustings_articles_destroy(as);
    *article = h;
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

const char *hustings_article_get_datetime(hustings_article_t *article)
{
    return article ? article->a->datetime : NULL;
}

const char *hustings_article_get_byline(hustings_article_t *article)
{
    return article ? article->a->byline : NULL;
}

const char *hustings_article_get_site(hustings_article_t *article)
{
    return article ? article->a->site : NULL;
}

const char *hustings_article_get_format(hustings_article_t *article)
{
    return article ? article->a->format : NULL;
}

const char *hustings_article_get_id(hustings_article_t *article)
{
    return article ? article->a->id : NULL;
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
