/* index_write.c - turning an article into Xapian documents, one per
 * passage, and removing them again. */
#include "index_internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <xxhash.h>

#include <utf8proc.h>

#include "filestate.h"
#include "schema.h"
#include "simhash.h"
#include "strmap.h"
#include "stopwords.h"
#include "tokenizer.h"
#include "translit.h"
#include "kk_latin.h"
#include "lang.h"
#include "path_text.h"
#include "utf8.h"

/* The text form of a file name (path_text.h), as hs_article_new stores
 * it: a copy to free, or NULL when out of memory. */
static char *stored_path(const char *raw)
{
    hs_buf b = HS_BUF_INIT;
    if (hs_path_to_text(raw, &b) < 0) {
        hs_buf_free(&b);
        return NULL;
    }
    return hs_buf_detach(&b);
}

int hs_article_key(const char *path, hs_buf *out)
{
    size_t len = strlen(path);
    if (len <= HS_ARTICLE_KEY_MAX)
        return hs_buf_append(out, path, len);
    size_t cut = HS_ARTICLE_KEY_MAX - 17;
    while (cut > 0 && ((unsigned char)path[cut] & 0xC0) == 0x80)
        cut--; /* keep the key valid UTF-8 */
    return hs_buf_append(out, path, cut) < 0 ||
                   hs_buf_printf(out, "#%016llx", (unsigned long long)XXH3_64bits(path, len)) < 0
               ? -1
               : 0;
}

void hs_article_tag(const hs_buf *article_term, char tag[17])
{
    snprintf(tag, 17, "%016llx",
             (unsigned long long)XXH3_64bits(article_term->data, article_term->len));
}

/* The words of an article's own document while its passages are built:
 * how often each stem occurs. */
typedef struct article_words {
    hs_strmap *counts;        /* stem -> count, as a pointer-sized integer */
    hs_buf stem;
} article_words;

/* Count one occurrence of stem[0..len).  0, or -1 when out of memory. */
static int count_stem(article_words *w, const char *stem, size_t len)
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
    struct article_words *article; /* the stems of the article's own
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
    if (s->article && count_stem(s->article, stem, stem_len) < 0)
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

static int index_field(term_sink *s, const char *exact_prefix, const char *stem_prefix,
                       const char *name_prefix, const char *text)
{
    s->exact_prefix = exact_prefix;
    s->stem_prefix = stem_prefix;
    s->name_prefix = name_prefix;
    s->text = text;
    s->forms = hs_strmap_new();
    int rc = !s->forms || hs_tokenize(text, strlen(text), 1, sink_token, s, NULL) ||
                     hs_strmap_each(s->forms, add_own_form, s)
                 ? -1
                 : 0;
    hs_strmap_free(s->forms, NULL);
    s->forms = NULL;
    return rc;
}

/* The document data: everything needed to print the passage as a result
 * (and to re-key it when its file is renamed). */
/* An article's near-duplicate cluster (simhash.h): the fingerprint of its
 * body, and the key it shares with its copies. */
typedef struct dup_info {
    int has_fp;
    uint64_t fp;
    char cluster[17];   /* "" when the article has no fingerprint */
} dup_info;

static char *passage_data(const hs_article *a, size_t i, const dup_info *dup)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    /* the article's fields go into its first passage only: a later one
     * finds it `ordinal` documents earlier (passages.c) */
    if (i == 0) {
        json_object_object_add(o, "path", json_object_new_string(a->path));
        if (a->id)
            json_object_object_add(o, "id", json_object_new_string(a->id));
        json_object_object_add(o, "title", json_object_new_string(a->title));
        if (a->date)
            json_object_object_add(o, "date", json_object_new_string(a->date));
        if (a->source)
            json_object_object_add(o, "source", json_object_new_string(a->source));
        if (a->byline)
            json_object_object_add(o, "byline", json_object_new_string(a->byline));
        if (a->lang)
            json_object_object_add(o, "lang", json_object_new_string(a->lang));
        if (a->site)
            json_object_object_add(o, "site", json_object_new_string(a->site));
        json_object_object_add(o, "format", json_object_new_string(a->format));
        if (dup->cluster[0])
            json_object_object_add(o, "cluster", json_object_new_string(dup->cluster));
        if (dup->has_fp) {
            char hex[17];
            snprintf(hex, sizeof hex, "%016llx", (unsigned long long)dup->fp);
            json_object_object_add(o, "simhash", json_object_new_string(hex));
        }
    }
    json_object_object_add(o, "ordinal", json_object_new_int64((int64_t)i));
    json_object_object_add(o, "paragraph",
                           json_object_new_int64(a->passages[i].paragraph));
    json_object_object_add(o, "text", json_object_new_string(a->passages[i].text));
    const char *s = json_object_to_json_string_ext(
        o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
    char *copy = s ? strdup(s) : NULL;
    json_object_put(o);
    return copy;
}

int hs_article_name(const char *path, const char *id, hs_buf *out)
{
    if (hs_buf_puts(out, path) < 0)
        return -1;
    return id && (hs_buf_putc(out, '#') < 0 || hs_buf_puts(out, id) < 0) ? -1 : 0;
}

int hs_article_terms(const char *path, const char *id, hs_buf *article_term,
                     hs_buf *file_term)
{
    hs_buf key = HS_BUF_INIT;
    int rc = hs_article_name(path, id, &key) < 0;
    rc = rc || hs_buf_puts(article_term, HS_PREFIX_ARTICLE) < 0 ||
         hs_article_key(hs_buf_str(&key), article_term) < 0 ||
         hs_buf_puts(file_term, HS_PREFIX_FILE) < 0 || hs_article_key(path, file_term) < 0;
    hs_buf_free(&key);
    return rc ? -1 : 0;
}

/* Add prefix + the normalised form of s[0..len) as a boolean term. */
static int add_normalized(hx_doc *doc, hs_buf *term, const char *prefix, const char *s,
                          size_t len)
{
    hs_buf_reset(term);
    if (hs_buf_puts(term, prefix) < 0 || hs_normalize_word(s, len, term) < 0)
        return -1;
    return term->len > strlen(prefix) ? hx_doc_add_boolean(doc, term->data, term->len) : 0;
}

/* The host of a URL, without "www.", in out (empty when none). */
static int url_host(const char *url, hs_buf *out)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *at = p;
    while (*at && *at != '/' && *at != '?' && *at != '#')
        at++;
    const char *user = memchr(p, '@', (size_t)(at - p));
    if (user)
        p = user + 1;
    const char *end = p;
    while (end < at && *end != ':')
        end++;
    if (end - p > 4 && strncmp(p, "www.", 4) == 0)
        p += 4;
    return hs_normalize_word(p, (size_t)(end - p), out);
}

/* Call fn on every folder name and the file name of path, the file name
 * also without its extension: the path: terms of a passage.  0, or fn's
 * first non-zero value. */
static int each_path_name(const char *path, int (*fn)(void *, const char *, size_t), void *ctx)
{
    int rc = 0;
    for (const char *p = path; !rc && *p;) {
        while (*p == '/')
            p++;
        const char *e = p;
        while (*e && *e != '/')
            e++;
        if (e > p) {
            rc = fn(ctx, p, (size_t)(e - p));
            const char *dot = memchr(p, '.', (size_t)(e - p));
            if (!rc && !*e && dot && dot > p)
                rc = fn(ctx, p, (size_t)(dot - p));
        }
        p = e;
    }
    return rc;
}

/* The path: terms of a passage, added to doc, or (doc NULL) collected in
 * a NULL-terminated list for a rename. */
typedef struct path_terms {
    hx_doc *doc;
    char **list;
    size_t n;
} path_terms;

static int add_path_term(void *ctx, const char *name, size_t len)
{
    path_terms *pt = ctx;
    hs_buf term = HS_BUF_INIT;
    int rc = hs_buf_puts(&term, HS_PREFIX_PATH) < 0 || hs_normalize_word(name, len, &term) < 0;
    if (!rc && term.len > strlen(HS_PREFIX_PATH)) {
        if (pt->doc) {
            rc = hx_doc_add_boolean(pt->doc, term.data, term.len) < 0;
        } else {
            char **list = realloc(pt->list, (pt->n + 2) * sizeof *list);
            rc = !list;
            if (list) {
                pt->list = list;
                list[pt->n++] = hs_buf_detach(&term);
                list[pt->n] = NULL;
            }
        }
    }
    hs_buf_free(&term);
    return rc ? -1 : 0;
}

static void free_path_terms(path_terms *pt)
{
    for (size_t i = 0; i < pt->n; i++)
        free(pt->list[i]);
    free(pt->list);
}

/* A site name: words normalised and joined by single spaces. */
static int site_key(const char *site, hs_buf *out)
{
    const char *s = site;
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        const char *w = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\n')
            s++;
        if (w == s)
            break;
        if ((out->len && hs_buf_putc(out, ' ') < 0) || hs_normalize_word(w, (size_t)(s - w), out) < 0)
            return -1;
    }
    return 0;
}

typedef struct byline_sink {
    hx_doc *doc;
    hs_buf term;
} byline_sink;

static int byline_token(void *ctx, const hs_token *tok)
{
    byline_sink *b = ctx;
    hs_buf_reset(&b->term);
    if (hs_buf_puts(&b->term, HS_PREFIX_AUTHOR) < 0 ||
        hs_buf_append(&b->term, tok->term, tok->term_len) < 0)
        return -1;
    return hx_doc_add_boolean(b->doc, b->term.data, b->term.len);
}

/* The terms and values that fields of the query language look for:
 * lang:, source:, site:, author:, path:, and the facet values. */
static int add_field_terms(hx_doc *doc, const hs_article *a)
{
    hs_buf term = HS_BUF_INIT, host = HS_BUF_INIT, site = HS_BUF_INIT;
    int rc = 0;
    if (a->lang)
        rc = add_normalized(doc, &term, HS_PREFIX_LANG, a->lang, strlen(a->lang)) < 0 ||
             hx_doc_set_value(doc, HS_SLOT_LANG, a->lang, strlen(a->lang)) < 0;
    if (!rc && a->source && url_host(a->source, &host) == 0 && host.len) {
        /* the host and each parent domain: source:bbc.co.uk finds news.bbc.co.uk */
        for (const char *d = host.data; d && strchr(d, '.') && !rc; d = strchr(d, '.'), d = d ? d + 1 : d)
            rc = add_normalized(doc, &term, HS_PREFIX_HOST, d, strlen(d)) < 0;
    }
    if (!rc && a->site && site_key(a->site, &site) == 0 && site.len) {
        hs_buf_reset(&term);
        rc = hs_buf_puts(&term, HS_PREFIX_SITE) < 0 || hs_buf_append(&term, site.data, site.len) < 0 ||
             hx_doc_add_boolean(doc, term.data, term.len) < 0;
    }
    const hs_buf *facet = site.len ? &site : &host;
    if (!rc && facet->len)
        rc = hx_doc_set_value(doc, HS_SLOT_SOURCE, a->site ? a->site : facet->data,
                              a->site ? strlen(a->site) : facet->len) < 0;
    if (!rc && a->byline) {
        byline_sink b = { doc, HS_BUF_INIT };
        rc = hs_tokenize(a->byline, strlen(a->byline), 0, byline_token, &b, NULL) != 0;
        hs_buf_free(&b.term);
    }
    path_terms pt = { doc, NULL, 0 };
    rc = rc || each_path_name(a->path, add_path_term, &pt) < 0;
    hs_buf_free(&term);
    hs_buf_free(&host);
    hs_buf_free(&site);
    return rc ? -1 : 0;
}

/* The first passage of an article carries its fingerprint's band terms,
 * to find copies (its cluster term is added by write_docs, which looks
 * the copies up). */
static int add_band_terms(hx_doc *doc, const dup_info *dup)
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

/* The language to stem an article's headline in: its first passage's
 * (which, for Kazakh in Latin letters, says in which alphabet: a headline
 * is too short to tell). */
static const char *headline_lang(const hs_article *a)
{
    const char *text = a->n_passages ? a->passages[0].text : a->title;
    const char *lang = hs_passage_stem_lang(a->lang, text, strlen(text));
    return hs_kk_latin_of_lang(lang) ? lang : a->lang;
}

/* One Xapian document for passage i of article a, but for its cluster
 * term. */
static hx_doc *passage_doc(hs_stemmer *stemmer, const hs_article *a, size_t i,
                           const hs_buf *article_term, const hs_buf *file_term,
                           const dup_info *dup, article_words *article)
{
    hx_doc *doc = hx_doc_new();
    term_sink s = { doc, stemmer, a->lang, NULL, "", "", NULL, article, NULL, HS_BUF_INIT };
    char tag[17];
    hs_article_tag(article_term, tag);
    char *data = doc ? passage_data(a, i, dup) : NULL;
    const char *text = a->passages[i].text;
    s.lang = hs_passage_stem_lang(a->lang, text, strlen(text));
    int ok = data && index_field(&s, "", HS_PREFIX_STEM, HS_PREFIX_NAME, text) == 0;
    s.lang = headline_lang(a);
    s.article = NULL; /* the article's document has its headline once */
    ok = ok &&
             index_field(&s, HS_PREFIX_TITLE, HS_PREFIX_TITLE_STEM, HS_PREFIX_TITLE_NAME,
                         a->title) == 0 &&
             hx_doc_add_boolean(doc, article_term->data, article_term->len) == 0 &&
             (!a->id || hx_doc_add_boolean(doc, file_term->data, file_term->len) == 0) &&
             add_field_terms(doc, a) == 0 &&
             (i > 0 || add_band_terms(doc, dup) == 0) &&
             hx_doc_set_value(doc, HS_SLOT_ARTICLE, tag, 16) == 0 &&
             (!a->date || hx_doc_set_value(doc, HS_SLOT_DATE, a->date,
                                           strlen(a->date)) == 0) &&
             hx_doc_set_data(doc, data, strlen(data)) == 0;
    hs_buf_free(&s.term);
    free(data);
    if (!ok) {
        hx_doc_free(doc);
        return NULL;
    }
    return doc;
}

typedef struct body_sink {
    hs_stemmer *stemmer;
    const char *lang;
    article_words *words;
} body_sink;

static int body_token(void *ctx, const hs_token *tok)
{
    body_sink *b = ctx;
    size_t stem_len;
    const char *stem = hs_stem_lang(b->stemmer, b->lang, tok->term, tok->term_len, &stem_len);
    return stem ? count_stem(b->words, stem, stem_len) : -1;
}

/* An article's own document's data (schema.h): "" or "id:" and its id. */
static int set_article_doc_data(hx_doc *doc, const char *id)
{
    hs_buf data = HS_BUF_INIT;
    int rc = id && (hs_buf_puts(&data, HS_ARTICLE_DOC_ID) < 0 || hs_buf_puts(&data, id) < 0)
                 ? -1
                 : hx_doc_set_data(doc, data.data ? data.data : "", data.len);
    hs_buf_free(&data);
    return rc;
}

size_t hs_article_tag_term(const char tag[17], char term[HS_ARTICLE_TAG_TERM])
{
    return (size_t)snprintf(term, HS_ARTICLE_TAG_TERM, "%s%s", HS_PREFIX_ARTICLE_TAG, tag);
}

/* The XG term of tag, on an article's own document. */
static int add_tag_term(hx_doc *doc, const char *tag)
{
    char term[HS_ARTICLE_TAG_TERM];
    return hx_doc_add_boolean(doc, term, hs_article_tag_term(tag, term));
}

/* The article's own document (schema.h) with its terms and tag; its
 * headline's stems are counted in *words, and passage_doc counts each
 * passage's as it goes, until article_doc_finish. */
static hx_doc *article_doc(hs_stemmer *stemmer, const hs_article *a,
                           const hs_buf *article_term, const hs_buf *file_term,
                           article_words *words)
{
    hx_doc *doc = hx_doc_new();
    body_sink b = { stemmer, headline_lang(a), words };
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
             set_article_doc_data(doc, a->id) == 0;
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

/* Add the counted stems to the article's document, each once with its
 * count as its wdf, and free the counts.  0, or -1 when out of memory. */
static int article_doc_finish(hx_doc *doc, article_words *words)
{
    body_terms t = { doc, HS_BUF_INIT };
    int rc = hs_strmap_each(words->counts, add_body_term, &t) ? -1 : 0;
    hs_buf_free(&t.term);
    hs_strmap_free(words->counts, NULL);
    hs_buf_free(&words->stem);
    memset(words, 0, sizeof *words);
    return rc;
}

/* How many documents an article has: its passages and its own. */
static size_t docs_of(const hs_article *a)
{
    return a->n_passages ? a->n_passages + 1 : 0;
}

typedef struct cluster_finder {
    uint64_t fp;
    const char *self;       /* the article's own key: its old copy is no copy */
    char *cluster;          /* found */
    int failed;
} cluster_finder;

int hs_copy_fields_read(const char *data, size_t len, hs_copy_fields *out)
{
    memset(out, 0, sizeof *out);
    json_object *o = hs_data_parse(data, len);
    json_object *v;
    const char *path = o && json_object_object_get_ex(o, "path", &v) ? json_object_get_string(v) : "";
    const char *id = o && json_object_object_get_ex(o, "id", &v) ? json_object_get_string(v) : NULL;
    const char *fp = o && json_object_object_get_ex(o, "simhash", &v) ? json_object_get_string(v) : NULL;
    const char *cl = o && json_object_object_get_ex(o, "cluster", &v) ? json_object_get_string(v) : NULL;
    int rc = o && (out->path = strdup(path)) && (!id || (out->id = strdup(id))) ? 0 : -1;
    if (rc == 0 && fp && cl) {
        out->has_fp = 1;
        out->fp = strtoull(fp, NULL, 16);
        snprintf(out->cluster, sizeof out->cluster, "%s", cl);
    }
    json_object_put(o);
    return rc;
}

void hs_copy_fields_free(hs_copy_fields *f)
{
    free(f->path);
    free(f->id);
    f->path = f->id = NULL;
}

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

/* An article's fingerprint, and the cluster it would found on its own
 * (named after the fingerprint). 0, or -1 when out of memory. */
static int fingerprint(const hs_article *a, dup_info *dup)
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

/* The cluster of an indexed copy of article a, found through a shared band
 * of its fingerprint: in *found (malloc'd), or NULL when it has none.
 * 0, or -1 on failure. */
static int find_copy(hx_db *db, const hs_article *a, const dup_info *dup, char **found)
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
    dup_info *dups;           /* one per article */
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
             fingerprint(a, &fd->dups[i]) == 0;
        if (!ahead || !ok || a->n_passages == 0)
            continue;
        /* the article's document goes after its passages, which fill it */
        article_words words;
        hx_doc *own = article_doc(stemmer, a, &aterm, &fterm, &words);
        for (size_t p = 0; p < a->n_passages && own && ok; p++)
            ok = (fd->docs[fd->n_docs++] =
                      passage_doc(stemmer, a, p, &aterm, &fterm, &fd->dups[i], &words)) != NULL;
        if (own && article_doc_finish(own, &words) < 0)
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

/* Give article a the cluster of an indexed copy, when there is one: 1
 * when it took one, 0 when it keeps its own, -1 on a Xapian error. */
static int adopt_cluster(hx_db *db, const hs_article *a, dup_info *dup)
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

/* The cluster term on an article's first passage. */
static int add_cluster_term(hx_doc *first, const dup_info *dup)
{
    char term[64];
    int n = snprintf(term, sizeof term, "%s%s", HS_PREFIX_CLUSTER, dup->cluster);
    return hx_doc_add_boolean(first, term, (size_t)n);
}

/* Give each article of fd its cluster: that of an indexed copy, else its
 * own.  The cluster term goes on its first passage, and the cluster into
 * that passage's data when it is a copy's. */
static hustings_status_t join_clusters(hx_db *db, hs_file_docs *fd)
{
    hx_doc **doc = fd->docs;
    for (size_t i = 0; i < fd->n_articles; doc += docs_of(fd->articles[i]), i++) {
        const hs_article *a = fd->articles[i];
        dup_info *dup = &fd->dups[i];
        int copy = adopt_cluster(db, a, dup);
        if (copy < 0)
            return HUSTINGS_STATUS_XAPIAN_EXCEPTION;
        if (!dup->has_fp || a->n_passages == 0)
            continue;
        int ok = 1;
        if (copy) {
            char *data = passage_data(a, 0, dup);
            ok = data && hx_doc_set_data(doc[0], data, strlen(data)) == 0;
            free(data);
        }
        if (!ok || add_cluster_term(doc[0], dup) < 0)
            return HUSTINGS_STATUS_OUT_OF_MEMORY;
    }
    return HUSTINGS_STATUS_SUCCESS;
}

/* Write the passages of a file that has too many to build ahead: each
 * document is built, added and freed in turn, after its article's cluster
 * is known. */
static hustings_status_t add_one_by_one(hustings_index_t *index, hs_file_docs *fd)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (size_t i = 0; i < fd->n_articles && st == HUSTINGS_STATUS_SUCCESS; i++) {
        const hs_article *a = fd->articles[i];
        dup_info *dup = &fd->dups[i];
        hs_buf_reset(&aterm);
        hs_buf_reset(&fterm);
        if (adopt_cluster(index->db, a, dup) < 0)
            st = HUSTINGS_STATUS_XAPIAN_EXCEPTION;
        else if (hs_article_terms(a->path, a->id, &aterm, &fterm) < 0)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        hx_doc *own = NULL;
        article_words words;
        memset(&words, 0, sizeof words);
        if (st == HUSTINGS_STATUS_SUCCESS && a->n_passages &&
            !(own = article_doc(index->stemmer, a, &aterm, &fterm, &words)))
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        for (size_t p = 0; p < a->n_passages && st == HUSTINGS_STATUS_SUCCESS; p++) {
            hx_doc *doc = passage_doc(index->stemmer, a, p, &aterm, &fterm, dup,
                                      own ? &words : NULL);
            if (!doc || (p == 0 && dup->has_fp && add_cluster_term(doc, dup) < 0))
                st = HUSTINGS_STATUS_OUT_OF_MEMORY;
            else
                st = hx_db_add_doc(index->db, doc);
            hx_doc_free(doc);
        }
        if (own && article_doc_finish(own, &words) < 0 && st == HUSTINGS_STATUS_SUCCESS)
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
        if (st == HUSTINGS_STATUS_SUCCESS && own)
            st = hx_db_add_doc(index->db, own);
        hx_doc_free(own);
    }
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

static hustings_status_t out_of_memory(hustings_index_t *index)
{
    return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
}

/* Delete the passages holding any of the NULL-terminated terms, and
 * their articles' documents. */
static hustings_status_t delete_terms(hx_db *db, const char *const *terms)
{
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    for (const char *const *t = terms; st == HUSTINGS_STATUS_SUCCESS && *t; t++)
        st = hx_db_delete_term(db, *t);
    return st;
}

/* Delete the passages holding any of the NULL-terminated terms, then add
 * those of fd. */
static hustings_status_t write_docs(hustings_index_t *index, const char *const *terms,
                                    hs_file_docs *fd)
{
    hustings_status_t st = fd->docs ? join_clusters(index->db, fd) : HUSTINGS_STATUS_SUCCESS;
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return out_of_memory(index);
    /* The file's new documents come and its old ones go in one group of
     * changes: a commit (ours, or one Xapian would make on its own every
     * so many documents) holds the whole file or none of it, and an error
     * halfway undoes it, so the old version stays whole.  Search relies
     * on it: an article's own document follows its passages (rank.c). */
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hx_db_begin_changes(index->db);
    int in_group = st == HUSTINGS_STATUS_SUCCESS;
    for (const char *const *t = terms; st == HUSTINGS_STATUS_SUCCESS && *t; t++)
        st = hx_db_delete_term_when_kept(index->db, *t);
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < fd->n_docs; i++)
        st = hx_db_add_doc(index->db, fd->docs[i]);
    if (st == HUSTINGS_STATUS_SUCCESS && !fd->docs)
        st = add_one_by_one(index, fd);
    if (in_group && st != HUSTINGS_STATUS_SUCCESS) {
        /* the message first: undoing the group clears the database's */
        hustings_status_t failed = st == HUSTINGS_STATUS_OUT_OF_MEMORY ? out_of_memory(index)
                                                                       : hs_index_fail_db(index, st);
        hx_db_end_changes(index->db, 0);
        return failed;
    }
    if (in_group)
        st = hx_db_end_changes(index->db, 1);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return out_of_memory(index);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(index, st);
    index->pending++;
    return st;
}

/* The terms that hold the passages of the file named raw, NULL-terminated
 * in terms (which point into the two buffers): those of its articles with
 * an id (feed items) hold its XF term; an article without one is the whole
 * file, and its XA term (the same key) stands for the file.  0 or -1. */
static int file_terms(const char *raw, hs_buf *aterm, hs_buf *fterm, const char *terms[3])
{
    char *path = stored_path(raw);
    int rc = !path || hs_article_terms(path, NULL, aterm, fterm) < 0;
    free(path);
    if (rc)
        return -1;
    terms[0] = fterm->data;
    terms[1] = aterm->data;
    terms[2] = NULL;
    return 0;
}

hustings_status_t hs_index_write_file(hustings_index_t *index, const char *path,
                                      hs_file_docs *fd)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    const char *terms[3] = { NULL, NULL, NULL };
    hustings_status_t st = file_terms(path, &aterm, &fterm, terms) < 0
                               ? out_of_memory(index)
                               : write_docs(index, terms, fd);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

hustings_status_t hustings_index_add_article(hustings_index_t *index,
                                             hustings_article_t *article)
{
    if (!index || !article)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    hs_file_docs *fd = hs_file_docs_build(index->stemmer, &article->a, 1);
    hustings_status_t st;
    if (!fd || hs_article_terms(article->a->path, article->a->id, &aterm, &fterm) < 0)
        st = out_of_memory(index);
    else
        st = write_docs(index, (const char *const[]){ aterm.data, NULL }, fd);
    hs_file_docs_free(fd);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return st;
}

hustings_status_t hs_index_remove_file(hustings_index_t *index, const char *path)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    const char *terms[3] = { NULL, NULL, NULL };
    hustings_status_t st;
    if (file_terms(path, &aterm, &fterm, terms) < 0) {
        st = out_of_memory(index);
    } else {
        st = delete_terms(index->db, terms);
        if (st != HUSTINGS_STATUS_SUCCESS)
            hs_index_fail_db(index, st);
    }
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    if (st == HUSTINGS_STATUS_SUCCESS)
        index->pending++;
    return st;
}

typedef struct renamer {
    hustings_index_t *index;
    const char *to;
    char *id;                /* the id of the article being re-keyed */
    hustings_status_t st;
} renamer;

/* Re-key the article's own document (schema.h), whose data holds its id. */
static int rename_article_doc(renamer *r, unsigned docid, const char *data, size_t len)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    size_t mark = strlen(HS_ARTICLE_DOC_ID);
    char *id = len > mark ? strndup(data + mark, len - mark) : NULL;
    char *to = stored_path(r->to);
    r->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (to && (len <= mark || id) && hs_article_terms(to, id, &aterm, &fterm) == 0) {
        static const char *const drop[] = { HS_PREFIX_ARTICLE, HS_PREFIX_FILE,
                                            HS_PREFIX_ARTICLE_TAG, NULL };
        char tag[17], tag_term[HS_ARTICLE_TAG_TERM];
        hs_article_tag(&aterm, tag);
        hs_article_tag_term(tag, tag_term);
        const char *add[] = { aterm.data, tag_term, id ? fterm.data : NULL, NULL };
        r->st = hx_db_update_doc(r->index->db, docid, drop, add, HS_SLOT_ARTICLE, tag, data,
                                 len);
    }
    free(id);
    free(to);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return r->st != HUSTINGS_STATUS_SUCCESS;
}

/* Re-key one passage of a renamed file: its path (in a first passage's
 * data), XA and XF terms.  The file's passages come in docid order, so an
 * article's first passage, with its id, comes before its others. */
static int rename_doc(void *ctx, unsigned docid, const char *data, size_t len)
{
    renamer *r = ctx;
    if (hs_is_article_doc_data(data, len)) /* the article's own document */
        return rename_article_doc(r, docid, data, len);
    json_object *o = hs_data_parse(data, len);
    int first = o && json_object_object_get_ex(o, "path", NULL);
    json_object *idv = NULL;
    if (first) {
        free(r->id);
        r->id = json_object_object_get_ex(o, "id", &idv) ? strdup(json_object_get_string(idv))
                                                        : NULL;
    }
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    r->st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    char *to = stored_path(r->to);
    if (o && to && (!idv || r->id) && hs_article_terms(to, r->id, &aterm, &fterm) == 0) {
        if (first)
            json_object_object_add(o, "path", json_object_new_string(to));
        const char *s = json_object_to_json_string_ext(
            o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
        /* its path: terms too, so that path:NEW finds it and path:OLD not */
        static const char *const drop[] = { HS_PREFIX_ARTICLE, HS_PREFIX_FILE, HS_PREFIX_PATH,
                                            NULL };
        path_terms pt = { NULL, NULL, 0 };
        const char **add = NULL;
        if (each_path_name(to, add_path_term, &pt) == 0 &&
            (add = calloc(pt.n + 3, sizeof *add))) {
            size_t k = 0;
            add[k++] = aterm.data;
            if (r->id)
                add[k++] = fterm.data;
            for (size_t i = 0; i < pt.n; i++)
                add[k++] = pt.list[i];
        }
        char tag[17];
        hs_article_tag(&aterm, tag);
        if (s && add)
            r->st = hx_db_update_doc(r->index->db, docid, drop, add, HS_SLOT_ARTICLE, tag, s,
                                     strlen(s));
        free(add);
        free_path_terms(&pt);
    }
    json_object_put(o);
    free(to);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    return r->st != HUSTINGS_STATUS_SUCCESS;
}

hustings_status_t hs_index_rename_file(hustings_index_t *index, const char *from,
                                       const char *to)
{
    hs_buf aterm = HS_BUF_INIT, fterm = HS_BUF_INIT;
    renamer r = { index, to, NULL, HUSTINGS_STATUS_SUCCESS };
    const char *terms[3] = { NULL, NULL, NULL };
    hustings_status_t st = HUSTINGS_STATUS_SUCCESS;
    if (file_terms(from, &aterm, &fterm, terms) < 0)
        st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (const char *const *t = terms;
         st == HUSTINGS_STATUS_SUCCESS && r.st == HUSTINGS_STATUS_SUCCESS && *t; t++)
        st = hx_db_each_doc(index->db, *t, rename_doc, &r);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = r.st;
    free(r.id);
    hs_buf_free(&aterm);
    hs_buf_free(&fterm);
    if (st == HUSTINGS_STATUS_OUT_OF_MEMORY)
        return out_of_memory(index);
    if (st != HUSTINGS_STATUS_SUCCESS)
        return hs_index_fail_db(index, st);
    index->pending++;
    return st;
}

/* An absolute form of path without requiring the file to exist. */
char *hs_absolute_path(const char *path)
{
    char *real = realpath(path, NULL);
    if (real || path[0] == '/')
        return real ? real : strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    hs_buf b = HS_BUF_INIT;
    hs_buf_printf(&b, "%s/%s", cwd, path);
    return hs_buf_detach(&b);
}

hustings_status_t hustings_index_remove_article(hustings_index_t *index,
                                                const char *path)
{
    if (!index || !path)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    char *abs = hs_absolute_path(path);
    if (!abs)
        return out_of_memory(index);
    hustings_status_t st = hs_index_remove_file(index, abs);
    if (st == HUSTINGS_STATUS_SUCCESS)
        st = hs_filestate_store(index->db, abs, NULL);
    free(abs);
    return st;
}
