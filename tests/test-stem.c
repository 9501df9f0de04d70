/* test-stem.c - stemming by script, letters and language. */
#include "stem.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static hs_stemmer *st;

static const char *stem(const char *w)
{
    static char out[256];
    size_t n;
    const char *s = hs_stem(st, w, strlen(w), &n);
    if (!s || n >= sizeof out)
        return "(error)";
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

static const char *stem_in(const char *lang, const char *w)
{
    static char out[256];
    size_t n;
    const char *s = hs_stem_lang(st, lang, w, strlen(w), &n);
    if (!s || n >= sizeof out)
        return "(error)";
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

int main(void)
{
    st = hs_stemmer_new();
    CHECK(st != NULL);

    /* scripts, by the first letter */
    CHECK_INT(hs_script_of("vote", 4), HS_SCRIPT_LATIN);
    CHECK_INT(hs_script_of("\xC3\xA9lection", 10), HS_SCRIPT_LATIN); /* élection */
    CHECK_INT(hs_script_of("выборы", strlen("выборы")), HS_SCRIPT_CYRILLIC);
    CHECK_INT(hs_script_of("мәжіліс", strlen("мәжіліс")), HS_SCRIPT_CYRILLIC);
    CHECK_INT(hs_script_of("2023", 4), HS_SCRIPT_OTHER);
    CHECK_INT(hs_script_of("2023年", strlen("2023年")), HS_SCRIPT_OTHER);
    CHECK_INT(hs_script_of("70s", 3), HS_SCRIPT_LATIN);
    CHECK_INT(hs_script_of("", 0), HS_SCRIPT_OTHER);

    /* English for Latin script: relatives meet */
    CHECK_STR(stem("nomination"), "nomin");
    CHECK_STR(stem("nominated"), "nomin");
    CHECK_STR(stem("elections"), "elect");
    CHECK_STR(stem("bokayev's"), "bokayev");
    CHECK_STR(stem("didn't"), "didn't");

    /* Russian for Cyrillic */
    CHECK_STR(stem("выборы"), "выбор");
    CHECK_STR(stem("выборах"), "выбор");
    CHECK_STR(stem("выборов"), "выбор");
    CHECK_STR(stem("самовыдвижение"), "самовыдвижен");

    /* other scripts and numbers are left as they are */
    CHECK_STR(stem("2023"), "2023");
    CHECK_STR(stem("選挙"), "選挙");

    /* Kazakh letters choose the Kazakh stemmer, in any article */
    CHECK_STR(stem("мәжіліске"), "мәжіліс");
    CHECK_STR(stem("тоқаевтың"), "тоқаев");
    CHECK_STR(stem("кандидаттардың"), "кандидат");       /* ң */
    CHECK_STR(stem("сайлауда"), "сайлауд");  /* no Kazakh letter: Russian */

    /* stemming by the article's language */
    CHECK_STR(stem_in("kk", "сайлауда"), "сайлау");
    CHECK_STR(stem_in("kk", "сайлауға"), "сайлау");
    CHECK_STR(stem_in("kk", "сайлаудың"), "сайлау");
    CHECK_STR(stem_in("kk", "сайлау"), "сайлау");
    CHECK_STR(stem_in("kk", "кандидаттардың"), "кандидат");
    CHECK_STR(stem_in("kk", "кандидаттар"), "кандидат");
    CHECK_STR(stem_in("kk", "мәжілістің"), "мәжіліс");
    CHECK_STR(stem_in("kk", "election"), "elect");        /* Latin: English */
    CHECK_STR(stem_in("kk", "2023"), "2023");
    CHECK_STR(stem_in("ru", "выборах"), "выбор");
    CHECK_STR(stem_in("ru", "самовыдвижение"), "самовыдвижен");
    CHECK_STR(stem_in("ru", "тоқаевқа"), "тоқаев");      /* Kazakh letters win */
    CHECK_STR(stem_in("ru", "elections"), "elect");
    CHECK_STR(stem_in("en", "elections"), "elect");
    CHECK_STR(stem_in("en", "выборах"), "выбор");
    CHECK_STR(stem_in("de", "выборах"), "выбор");         /* others: by script */
    CHECK_STR(stem_in(NULL, "выборах"), "выбор");
    CHECK_STR(stem_in(NULL, "сайлауда"), "сайлауд");      /* Russian guesswork */

    /* a query word is stemmed in each language it may be in */
    {
        const char *langs[HS_STEM_MAX_LANGS];
        CHECK_INT(hs_stem_query_langs("tokayev", 7, langs), 1);
        CHECK_STR(langs[0], "en");
        CHECK_INT(hs_stem_query_langs("тоқаев", strlen("тоқаев"), langs), 1);
        CHECK_STR(langs[0], "kk");
        CHECK_INT(hs_stem_query_langs("сайлау", strlen("сайлау"), langs), 2);
        CHECK_STR(langs[0], "ru");
        CHECK_STR(langs[1], "kk");
        CHECK_INT(hs_stem_query_langs("2023", 4, langs), 1);
        CHECK(langs[0] == NULL);
        /* so "сайлау" meets the Kazakh articles' сайлауда, and "выборы"
         * the Russian articles' выборах */
        CHECK_STR(stem_in("kk", "сайлау"), stem_in("kk", "сайлауда"));
        char ru[64];
        snprintf(ru, sizeof ru, "%s", stem_in("ru", "выборы"));
        CHECK_STR(ru, stem_in("ru", "выборах"));
    }

    /* the result is only as long as *out_len says */
    {
        size_t n;
        const char *s = hs_stem(st, "candidates", 10, &n);
        CHECK_INT(n, 6);
        CHECK(s && strncmp(s, "candid", 6) == 0);
    }

    hs_stemmer_free(st);
    hs_stemmer_free(NULL);
    return check_done();
}
