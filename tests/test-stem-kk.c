/* test-stem-kk.c - the light Kazakh stemmer: word forms and their stems,
 * exactly, and what it must leave alone. */
#include "stem_kk.h"

#include <string.h>

#include "check.h"

static const char *stem(const char *w)
{
    static char out[256];
    size_t n = hs_stem_kk(w, strlen(w));
    if (n > strlen(w) || n >= sizeof out)
        return "(error)";
    memcpy(out, w, n);
    out[n] = '\0';
    return out;
}

typedef struct form {
    const char *word, *stem;
} form;

/* Forms that must meet, grouped by stem. */
static const form forms[] = {
    /* election: case endings after у, which is a glide (back harmony) */
    { "сайлау", "сайлау" },        { "сайлауда", "сайлау" },
    { "сайлауға", "сайлау" },      { "сайлаудың", "сайлау" },
    { "сайлауды", "сайлау" },      { "сайлаудан", "сайлау" },
    { "сайлаумен", "сайлау" },     { "сайлаулар", "сайлау" },
    { "сайлауларда", "сайлау" },   { "сайлаулары", "сайлау" },
    { "сайлауы", "сайлау" },       { "сайлауын", "сайлау" },
    { "сайлауына", "сайлау" },     { "сайлауында", "сайлау" },
    { "сайлауынан", "сайлау" },    { "сайлауының", "сайлау" },
    /* candidate: plural -тар after т, genitive -дың after р */
    { "кандидат", "кандидат" },    { "кандидаттар", "кандидат" },
    { "кандидаттардың", "кандидат" }, { "кандидаттарға", "кандидат" },
    { "кандидаттарды", "кандидат" }, { "кандидатқа", "кандидат" },
    { "кандидаттың", "кандидат" }, { "кандидатты", "кандидат" },
    { "кандидаттан", "кандидат" }, { "кандидатпен", "кандидат" },
    { "кандидаттары", "кандидат" }, { "кандидаттарын", "кандидат" },
    /* Mazhilis: front harmony, endings after voiceless с */
    { "мәжіліс", "мәжіліс" },      { "мәжіліске", "мәжіліс" },
    { "мәжілістің", "мәжіліс" },   { "мәжілісте", "мәжіліс" },
    { "мәжілістен", "мәжіліс" },   { "мәжілісті", "мәжіліс" },
    { "мәжілісі", "мәжіліс" },     { "мәжілісінде", "мәжіліс" },
    { "мәжілісіне", "мәжіліс" },   { "мәжілістер", "мәжіліс" },
    /* vowel stems: possessive -сы, case forms after it */
    { "партия", "партия" },        { "партиясы", "партия" },
    { "партияның", "партия" },     { "партиялар", "партия" },
    { "партиялары", "партия" },    { "партияларының", "партия" },
    { "партияға", "партия" },      { "партиясына", "партия" },
    { "партиялардан", "партия" },  { "партияны", "партия" },
    { "комиссия", "комиссия" },    { "комиссиясы", "комиссия" },
    { "комиссиясының", "комиссия" }, { "комиссиясындағы", "комиссия" },
    { "комиссияларына", "комиссия" },
    { "астана", "астана" },        { "астанада", "астана" },
    { "астанаға", "астана" },      { "астананың", "астана" },
    { "астанадағы", "астана" },    { "астананы", "астана" },
    /* a stem-final ы/і goes, so the forms of Алматы meet */
    { "алматы", "алмат" },         { "алматыда", "алмат" },
    { "алматыдағы", "алмат" },     { "алматының", "алмат" },
    { "қорытынды", "қорытынд" },   { "қорытындысы", "қорытынд" },
    { "қорытындысын", "қорытынд" }, { "қорытындылар", "қорытынд" },
    { "сайлаушы", "сайлауш" },     { "сайлаушылар", "сайлауш" },
    { "сайлаушысы", "сайлауш" },   { "сайлаушыларға", "сайлауш" },
    { "сайлаушылардың", "сайлауш" },
    /* у after a consonant goes either way: округ takes -тер */
    { "округ", "округ" },          { "округте", "округ" },
    { "округтер", "округ" },       { "округтерде", "округ" },
    { "округтердің", "округ" },    { "округтерінде", "округ" },
    { "округіндегі", "округ" },
    /* -ыс/-іс stems take a bare -ы/-і */
    { "дауыс", "дауыс" },          { "дауысы", "дауыс" },
    { "дауыстар", "дауыс" },       { "дауыстарды", "дауыс" },
    { "дауыстан", "дауыс" },       { "жұмыс", "жұмыс" },
    { "жұмысы", "жұмыс" },
    /* surnames: е after a vowel does not make them front */
    { "тоқаев", "тоқаев" },        { "тоқаевтың", "тоқаев" },
    { "тоқаевқа", "тоқаев" },      { "назарбаевтың", "назарбаев" },
    { "сергеевтің", "сергеев" },
    /* -ғы/-дағы adjectives, alone or before a case */
    { "жыл", "жыл" },              { "жылғы", "жыл" },
    { "жылы", "жыл" },             { "жылда", "жыл" },
    { "бұрын", "бұрын" },          { "бұрынғы", "бұрын" },
    { "бұрынғыдан", "бұрын" },     { "бүгін", "бүгін" },
    { "бүгінгі", "бүгін" },
    /* 1st person plural possessive */
    { "еліміз", "елі" },           { "елімізде", "елі" },
    { "елі", "елі" },
    /* -ын/-ін stems keep their н */
    { "тұрғын", "тұрғын" },        { "тұрғындар", "тұрғын" },
    { "тұрғындардың", "тұрғын" },  { "кейін", "кейін" },
    { "кейінгі", "кейін" },
    /* -стан is no ablative */
    { "қазақстан", "қазақстан" },  { "қазақстанда", "қазақстан" },
    { "қазақстанның", "қазақстан" }, { "қазақстаннан", "қазақстан" },
    { "өзбекстан", "өзбекстан" },
    /* and a few of the corpus */
    { "нәтижесі", "нәтиже" },      { "нәтижесін", "нәтиже" },
    { "өтініштер", "өтініш" },     { "үміткерлер", "үміткер" },
    { "қолдарын", "қол" },         { "шағымдары", "шағым" },
    { "учаскелерде", "учаске" },   { "хаттаманың", "хаттама" },
    { "саны", "сан" },             { "тіркеуін", "тіркеу" },
};

/* Left whole: too short to strip, or no ending of ours. */
static const char *const whole[] = {
    "ел", "елде", "үшін", "осы", "да", "де", "мен", "бен", "ол", "бұл",
    "және", "бар", "бір", "екі", "үй", "су", "ту", "ақ", "жас", "бас",
    "орын", "жиын", "өзін", "мүмкін", "қиын", "сайлау", "наурыз",
    "бойынша", "орталық", "сұлтан", "нұрсұлтан", "мандат", "кезек",
    "құрамын",   /* 3rd person + accusative after a consonant: left alone */
};

/* Words of other scripts and odd input come back as they are. */
static void test_not_kazakh(void)
{
    CHECK_STR(stem("election"), "election");
    CHECK_STR(stem("candidates"), "candidates");
    CHECK_STR(stem("2023"), "2023");
    CHECK_STR(stem("選挙の結果"), "選挙の結果");
    CHECK_STR(stem(""), "");
    CHECK_INT(hs_stem_kk(NULL, 0), 0);
    /* invalid UTF-8 */
    CHECK_INT(hs_stem_kk("сайлау\xFF" "да", strlen("сайлау\xFF" "да")),
              strlen("сайлау\xFF" "да"));
    /* a truncated last letter */
    CHECK_INT(hs_stem_kk("сайлауда", strlen("сайлауда") - 1), strlen("сайлауда") - 1);
    /* only len counts: "сайлаудың" cut before "ың" is "сайлауд" */
    CHECK_INT(hs_stem_kk("сайлаудың", strlen("сайлауда") - 2), strlen("сайлау") + 2);
    /* words longer than the stemmer looks at */
    {
        char longword[400] = "";
        for (int i = 0; i < 20; i++)
            strcat(longword, "сайлау");
        strcat(longword, "да");
        CHECK_INT(hs_stem_kk(longword, strlen(longword)), strlen(longword));
    }
    /* upper case is not normalised here: the tokenizer does that */
    CHECK_STR(stem("САЙЛАУДА"), "САЙЛАУДА");
}

static void test_letters(void)
{
    static const char *const kazakh = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
    CHECK(hs_has_kk_letters(kazakh, strlen(kazakh)));
    for (const char *p = "әғқңөұүһ"; *p; p += 2) {
        int32_t cp = (int32_t)((((unsigned char)p[0] & 0x1F) << 6) |
                               ((unsigned char)p[1] & 0x3F));
        CHECK(hs_kk_letter(cp));
        CHECK(hs_kk_letter_strong(cp));
    }
    CHECK(hs_kk_letter(0x456));          /* і */
    CHECK(!hs_kk_letter_strong(0x456));
    CHECK(hs_kk_letter(0x406));          /* І */
    CHECK(!hs_kk_letter(0x438));         /* и */
    CHECK(!hs_kk_letter(0x44B));         /* ы */
    CHECK(!hs_kk_letter('a'));
    CHECK(hs_has_kk_letters("тоқаев", strlen("тоқаев")));
    CHECK(hs_has_kk_letters("мәжіліс", strlen("мәжіліс")));
    CHECK(!hs_has_kk_letters("токаев", strlen("токаев")));
    CHECK(!hs_has_kk_letters("сайлау", strlen("сайлау")));
    CHECK(!hs_has_kk_letters("", 0));
    CHECK(hs_has_kk_letters("\xFFіс", strlen("\xFFіс")));
}

int main(void)
{
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        CHECK_STR(stem(forms[i].word), forms[i].stem);
    for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
        CHECK_STR(stem(whole[i]), whole[i]);
    /* never a stem of fewer than HS_KK_MIN_STEM letters */
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        const char *s = stem(forms[i].word);
        size_t letters = 0;
        for (const char *p = s; *p; p++)
            letters += ((unsigned char)*p & 0xC0) != 0x80;
        CHECK(letters >= HS_KK_MIN_STEM);
    }
    test_not_kazakh();
    test_letters();
    return check_done();
}
