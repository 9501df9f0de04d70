/* stem.c - libstemmer and the Kazakh stemmer by language and script; see
 * stem.h. */
#include "stem.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "buf.h"
#include "kk_latin.h"
#include "stem_kk.h"

struct hs_stemmer {
    struct sb_stemmer *english;
    struct sb_stemmer *russian;
    hs_buf cyrillic;          /* a Kazakh word in Latin letters, converted */
};

hs_stemmer *hs_stemmer_new(void)
{
    hs_stemmer *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->english = sb_stemmer_new("english", "UTF_8");
    st->russian = sb_stemmer_new("russian", "UTF_8");
    if (!st->english || !st->russian) {
        hs_stemmer_free(st);
        return NULL;
    }
    return st;
}

void hs_stemmer_free(hs_stemmer *st)
{
    if (!st)
        return;
    if (st->english)
        sb_stemmer_delete(st->english);
    if (st->russian)
        sb_stemmer_delete(st->russian);
    hs_buf_free(&st->cyrillic);
    free(st);
}

hs_script hs_script_of(const char *word, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)word + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return HS_SCRIPT_OTHER;
        i += (size_t)n;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
            (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7))
            return HS_SCRIPT_LATIN;
        if (cp >= 0x400 && cp < 0x530)
            return HS_SCRIPT_CYRILLIC;
        if (utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU &&
            utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO)
            return HS_SCRIPT_OTHER; /* a letter of another script */
    }
    return HS_SCRIPT_OTHER;
}

/* The alphabet to read a Latin word of a text in lang by: the text's, or
 * in a Kazakh text of unknown alphabet the word's own letters'; NONE
 * outside Kazakh. */
static hs_kk_latin latin_alphabet(const char *lang, const char *word, size_t len)
{
    hs_kk_latin v = hs_kk_latin_of_lang(lang);
    return v || !hs_lang_is_kazakh(lang) ? v : hs_kk_latin_detect(word, len, 0);
}

static const char *snowball(struct sb_stemmer *sb, const char *word,
                            size_t len, size_t *out_len)
{
    const sb_symbol *s = sb_stemmer_stem(sb, (const sb_symbol *)word, (int)len);
    if (!s)
        return NULL;
    *out_len = (size_t)sb_stemmer_length(sb);
    return (const char *)s;
}

const char *hs_stem_lang(hs_stemmer *st, const char *lang, const char *word,
                         size_t len, size_t *out_len)
{
    switch (hs_script_of(word, len)) {
    case HS_SCRIPT_LATIN: {
        /* Kazakh in Latin letters: the stem of its Cyrillic, which the
         * same word written in Cyrillic has too */
        hs_kk_latin v = latin_alphabet(lang, word, len);
        if (v) {
            hs_buf_reset(&st->cyrillic);
            int rc = hs_kk_latin_to_cyrillic(word, len, v, &st->cyrillic);
            if (rc < 0)
                return NULL;
            if (rc > 0) {
                *out_len = hs_stem_kk(st->cyrillic.data, st->cyrillic.len);
                return st->cyrillic.data;
            }
        }
        return snowball(st->english, word, len, out_len);
    }
    case HS_SCRIPT_CYRILLIC:
        if (hs_lang_is_kazakh(lang) || hs_has_kk_letters(word, len)) {
            *out_len = hs_stem_kk(word, len);
            return word;
        }
        return snowball(st->russian, word, len, out_len);
    case HS_SCRIPT_OTHER:
        break;
    }
    *out_len = len;
    return word;
}

const char *hs_stem(hs_stemmer *st, const char *word, size_t len,
                    size_t *out_len)
{
    return hs_stem_lang(st, NULL, word, len, out_len);
}

size_t hs_stem_query_langs(const char *word, size_t len,
                           const char *langs[HS_STEM_MAX_LANGS])
{
    switch (hs_script_of(word, len)) {
    case HS_SCRIPT_LATIN:
        langs[0] = "en";
        return 1;
    case HS_SCRIPT_CYRILLIC:
        if (hs_has_kk_letters(word, len)) {
            langs[0] = "kk";
            return 1;
        }
        langs[0] = "ru";
        langs[1] = "kk";
        return 2;
    case HS_SCRIPT_OTHER:
        break;
    }
    langs[0] = NULL;
    return 1;
}
