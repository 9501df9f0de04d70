/* stem.c - libstemmer and the Kazakh stemmer by language and script; see
 * stem.h. */
#include "stem.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "stem_kk.h"

struct hs_stemmer {
    struct sb_stemmer *english;
    struct sb_stemmer *russian;
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

static int is_kazakh(const char *lang)
{
    return lang && strcmp(lang, "kk") == 0;
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
    case HS_SCRIPT_LATIN:
        return snowball(st->english, word, len, out_len);
    case HS_SCRIPT_CYRILLIC:
        if (is_kazakh(lang) || hs_has_kk_letters(word, len)) {
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
