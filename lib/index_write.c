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

#include "schema.h"
#include "tokenizer.h"

int hs_article_key(const char *path, hs_buf *out)
{
    size_t len = strlen(path);
    if (len <= HS_ARTICLE_KEY_MAX)
        return hs_buf_append(out, path, len);
    size_t cut = HS_ARTICLE_KEY_MAX - 17;
    while (cut > 0 && ((unsigned char)path[cut] & 0xC0) == 0x80)
        cut--; /* keep the key valid UTF-8 */
    if (hs_buf_append(out, path, cut) < 0)
        return -1;
    return hs_buf_printf(out, "#%016llx", (unsigned long long)XXH3_64bits(path, len));
}

/* State of indexing one text field of one passage. */
typedef struct term_sink {
    hx_doc *doc;
    hs_stemmer *stemmer;
    const char *exact_prefix;
    const char *stem_prefix;
    hs_buf term;
} term_sink;

static int add_prefixed(term_sink *s, const char *prefix, const char *t,
                        size_t len, unsigned pos)
{
    hs_buf_reset(&s->term);
    if (hs_buf_puts(&s->term, prefix) < 0 || hs_buf_append(&s->term, t, len) < 0)
        return -1;
    return hx_doc_add_posting(s->doc, s->term.data, s->term.len, pos);
}

/* Each token gives its exact form and its stem, both with positions, so
 * that phrases can be matched on either. */
static int sink_token(void *ctx, const hs_token *tok)
{
    term_sink *s = ctx;
    size_t stem_len;
    const char *stem = hs_stem(s->stemmer, tok->term, tok->term_len, &stem_len);
    if (!stem)
        return -1;
    /* the stem lives in the stemmer: add it before the exact form is
     * copied into s->term (which does not touch the stemmer) */
    if (add_prefixed(s, s->stem_prefix, stem, stem_len, tok->pos) < 0)
        return -1;
    return add_prefixed(s, s->exact_prefix, tok->term, tok->term_len, tok->pos);
}

static int index_field(term_sink *s, const char *exact_prefix,
                       const char *stem_prefix, const char *text)
{
    s->exact_prefix = exact_prefix;
    s->stem_prefix = stem_prefix;
    return hs_tokenize(text, strlen(text), 1, sink_token, s, NULL) ? -1 : 0;
}

/* The document data: everything needed to print the passage as a result. */
static char *passage_data(const hs_article *a, size_t i)
{
    json_object *o = json_object_new_object();
    if (!o)
        return NULL;
    json_object_object_add(o, "path", json_object_new_string(a->path));
    json_object_object_add(o, "title", json_object_new_string(a->title));
    if (a->date)
        json_object_object_add(o, "date", json_object_new_string(a->date));
    if (a->source)
        json_object_object_add(o, "source", json_object_new_string(a->source));
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

static hx_doc *passage_doc(hs_stemmer *stemmer, const hs_article *a, size_t i,
                           const hs_buf *key, const hs_buf *key_term)
{
    hx_doc *doc = hx_doc_new();
    term_sink s = { doc, stemmer, "", "", HS_BUF_INIT };
    char ordinal[24];
    int n = snprintf(ordinal, sizeof ordinal, "%zu", i);
    char *data = doc ? passage_data(a, i) : NULL;
    int ok = data &&
             index_field(&s, "", HS_PREFIX_STEM, a->passages[i].text) == 0 &&
             index_field(&s, HS_PREFIX_TITLE, HS_PREFIX_TITLE_STEM, a->title) == 0 &&
             hx_doc_add_boolean(doc, key_term->data, key_term->len) == 0 &&
             hx_doc_set_value(doc, HS_SLOT_ARTICLE, key->data, key->len) == 0 &&
             hx_doc_set_value(doc, HS_SLOT_ORDINAL, ordinal, (size_t)n) == 0 &&
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

/* The boolean term naming the article read from path, in out. */
static int article_term(const char *path, hs_buf *key, hs_buf *term)
{
    return hs_article_key(path, key) < 0 ||
                   hs_buf_puts(term, HS_PREFIX_ARTICLE) < 0 ||
                   hs_buf_append(term, key->data, key->len) < 0
               ? -1
               : 0;
}

static hustings_status_t delete_term(hustings_index_t *index, const hs_buf *term)
{
    hustings_status_t st = hx_db_delete_term(index->db, term->data);
    return st == HUSTINGS_STATUS_SUCCESS ? st : hs_index_fail_db(index, st);
}

hustings_status_t hustings_index_add_article(hustings_index_t *index,
                                             hustings_article_t *article)
{
    if (!index || !article)
        return HUSTINGS_STATUS_NULL_POINTER;
    if (!index->writable)
        return hs_index_fail(index, HUSTINGS_STATUS_READ_ONLY_INDEX,
                             "the index is open read-only");
    const hs_article *a = article->a;
    hs_buf key = HS_BUF_INIT, term = HS_BUF_INIT;
    if (article_term(a->path, &key, &term) < 0) {
        hs_buf_free(&key);
        hs_buf_free(&term);
        return hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    }
    /* Build every document before touching the index, so that a failure
     * leaves the article's old passages in place. */
    hx_doc **docs = calloc(a->n_passages ? a->n_passages : 1, sizeof *docs);
    hustings_status_t st = docs ? HUSTINGS_STATUS_SUCCESS : HUSTINGS_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < a->n_passages; i++)
        if (!(docs[i] = passage_doc(index->stemmer, a, i, &key, &term)))
            st = HUSTINGS_STATUS_OUT_OF_MEMORY;
    if (st != HUSTINGS_STATUS_SUCCESS)
        hs_index_fail(index, st, "out of memory");
    else
        st = delete_term(index, &term);
    for (size_t i = 0; st == HUSTINGS_STATUS_SUCCESS && i < a->n_passages; i++) {
        st = hx_db_add_doc(index->db, docs[i]);
        if (st != HUSTINGS_STATUS_SUCCESS)
            hs_index_fail_db(index, st);
    }
    for (size_t i = 0; docs && i < a->n_passages; i++)
        hx_doc_free(docs[i]);
    free(docs);
    hs_buf_free(&key);
    hs_buf_free(&term);
    if (st == HUSTINGS_STATUS_SUCCESS)
        index->pending++;
    return st;
}

/* An absolute form of path without requiring the file to exist. */
static char *absolute_path(const char *path)
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
    char *abs = absolute_path(path);
    hs_buf key = HS_BUF_INIT, term = HS_BUF_INIT;
    hustings_status_t st;
    if (!abs || article_term(abs, &key, &term) < 0)
        st = hs_index_fail(index, HUSTINGS_STATUS_OUT_OF_MEMORY, "out of memory");
    else
        st = delete_term(index, &term);
    free(abs);
    hs_buf_free(&key);
    hs_buf_free(&term);
    if (st == HUSTINGS_STATUS_SUCCESS)
        index->pending++;
    return st;
}
