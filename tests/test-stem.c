/* test-stem.c - stemming by script. */
#include "stem.h"

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
