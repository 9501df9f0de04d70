/* text_terms.c - the terms of a passage's text and headline: stems with
 * their positions, exact forms, names' transliteration keys; and the stem
 * counts of the article's own document; see text_terms.h. */
#include "text_terms.h"

#include <stdint.h>
#include <string.h>

#include "kk_latin.h"
#include "lang.h"
#include "stopwords.h"
#include "tokenizer.h"
#include "translit.h"

int hs_article_words_count(hs_article_words *w, const char *stem, size_t len)
{
    hs_buf_reset(&w->stem);
    if (hs_buf_append(&w->stem, stem, len) < 0)
        return -1;
    uintptr_t n = (uintptr_t)hs_strmap_get(w->counts, w->stem.data);
    return hs_strmap_put(w->counts, w->stem.data, (void *)(n + 1), NULL);
}

/* State of indexing one text field of one passage. */
typedef struct term_sink {
    hx_doc *doc;
    hs_stemmer *stemmer;
    const char *lang;         /* the article's, for stemming */
    const char *text;         /* the field's text, to see capitals */
    const char *exact_prefix;
    const char *stem_prefix;
    const char *name_prefix;  /* transliteration keys of names, or NULL */
    hs_article_words *article; /* the stems of the article's own
                                  document, to count each stem in, or NULL */
    hs_strmap *forms;         /* stem -> FORM_OWN | FORM_OTHER: which forms
                                 of it the field holds */
    hs_buf term;
} term_sink;

/* The forms of a stem a field holds: itself ("vote") and others ("votes"). */
enum { FORM_OWN = 1, FORM_OTHER = 2 };

/* Note that the field holds a form of stem[0..len), its own or another.
 * 0, or -1 when out of memory. */
static int note_form(term_sink *s, const char *stem, size_t len, int own)
{
    hs_buf_reset(&s->term);
    if (hs_buf_append(&s->term, stem, len) < 0)
        return -1;
    uintptr_t forms = (uintptr_t)hs_strmap_get(s->forms, s->term.data);
    uintptr_t now = forms | (own ? FORM_OWN : FORM_OTHER);
    return now == forms ? 0 : hs_strmap_put(s->forms, s->term.data, (void *)now, NULL);
}

/* hs_strmap_each: a stem whose own form meets another form of it in the
 * field ("vote" and "votes") gives its own form's exact term too, so that
 * =vote finds it there (query_build.c); alone, its stem term tells.  With
 * no wdf: the passage's length, which BM25 weighs, stays that of its
 * words (a wdf moved dev nDCG@10 0.846 -> 0.843). */
static int add_own_form(void *ctx, const char *stem, void *forms)
{
    term_sink *s = ctx;
    if ((uintptr_t)forms != (FORM_OWN | FORM_OTHER))
        return 0;
    hs_buf_reset(&s->term);
    return hs_buf_puts(&s->term, s->exact_prefix) < 0 || hs_buf_puts(&s->term, stem) < 0 ||
           hx_doc_add_term_wdf(s->doc, s->term.data, s->term.len, 0) < 0;
}

/* Add prefix + t, at position pos, or without a position when pos is 0. */
static int add_prefixed(term_sink *s, const char *prefix, const char *t,
                        size_t len, unsigned pos)
{
    hs_buf_reset(&s->term);
    if (hs_buf_puts(&s->term, prefix) < 0 || hs_buf_append(&s->term, t, len) < 0)
        return -1;
    return pos ? hx_doc_add_posting(s->doc, s->term.data, s->term.len, pos)
               : hx_doc_add_term(s->doc, s->term.data, s->term.len);
}

/* Each token gives its stem with its position, and its exact form without
 * one where the two differ: phrases are matched on stems (an exact phrase
 * is the stem phrase whose exact words are all present, see
 * query_build.c), which halves the position table.  A form that is its own
 * stem ("blair", "vote") is found as the stem, without the stem's other
 * forms (query_build.c), and has an exact term only beside another form
 * of its stem (add_own_form): two thirds of the exact terms are left out.
 * A word whose stem is a stop word's ("the", "и", and "cans" as "can")
 * gives no stem term at all, only its place: stop words are in most
 * passages, so their stems were three postings in ten and a third of the
 * positions, and they weighed nothing but noise (on the 55 dev topics
 * asked as long sentences, nDCG@10 0.701 with them against 0.709
 * without); a phrase spans them with a window (query_build.c), and the
 * article's own document still counts them.  A name also gives its
 * transliteration key (without a position: names meet across scripts as
 * words, not in phrases), so that Tokayev, Токаев and Тоқаев meet. */
static int sink_token(void *ctx, const hs_token *tok)
{
    term_sink *s = ctx;
    size_t stem_len;
    const char *stem = hs_stem_lang(s->stemmer, s->lang, tok->term, tok->term_len, &stem_len);
    if (!stem)
        return -1;
    /* the stem lives in the stemmer: add it before the exact form is
     * copied into s->term (which does not touch the stemmer) */
    int stop = hs_is_stop_stem(stem, stem_len);
    if (s->article && hs_article_words_count(s->article, stem, stem_len) < 0)
        return -1;
    int own_stem = stem_len == tok->term_len && memcmp(stem, tok->term, stem_len) == 0;
    int rc = 0;
    if (!stop)
        rc = note_form(s, stem, stem_len, own_stem) < 0 ||
             add_prefixed(s, s->stem_prefix, stem, stem_len, tok->pos) < 0;
    else if (hs_is_acronym(s->text, tok->start))
        /* an acronym that spells a stop word (IT, WHO, AM) keeps its stem
         * term, without a position */
        rc = add_prefixed(s, s->stem_prefix, stem, stem_len, 0) < 0;
    if (rc || (!own_stem && add_prefixed(s, s->exact_prefix, tok->term, tok->term_len, 0) < 0))
        return -1;
    if (!s->name_prefix || (tok->flags & HS_TOKEN_JOINED) || !hs_translit_wanted(s->text, tok->start, tok->term, tok->term_len))
        return 0;
    hs_buf_reset(&s->term);
    int n = hs_buf_puts(&s->term, s->name_prefix) < 0
                ? -1
                : hs_translit_key(tok->term, tok->term_len, &s->term);
    if (n < 0)
        return -1;
    return n == 0 ? 0 : hx_doc_add_term(s->doc, s->term.data, s->term.len);
}

int hs_text_terms_add(hx_doc *doc, hs_stemmer *stemmer, const char *lang,
                      hs_article_words *article, const char *exact_prefix,
                      const char *stem_prefix, const char *name_prefix, const char *text)
{
    term_sink sink = { doc,         stemmer,     lang,    text,           exact_prefix,
                       stem_prefix, name_prefix, article, hs_strmap_new(), HS_BUF_INIT };
    term_sink *s = &sink;
    int rc = !s->forms || hs_tokenize(text, strlen(text), 1, sink_token, s, NULL) ||
                     hs_strmap_each(s->forms, add_own_form, s)
                 ? -1
                 : 0;
    hs_strmap_free(s->forms, NULL);
    hs_buf_free(&s->term);
    return rc;
}

const char *hs_headline_lang(const hs_article *a)
{
    const char *text = a->n_passages ? a->passages[0].text : a->title;
    const char *lang = hs_passage_stem_lang(a->lang, text, strlen(text));
    return hs_kk_latin_of_lang(lang) ? lang : a->lang;
}
