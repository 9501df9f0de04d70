/* test-kk-latin.c - Kazakh in its three Latin alphabets: every letter of
 * each (doc/kazakh-latin.md), which alphabet a text is in, and Kazakh told
 * from the languages that share its letters; then stemming and language
 * identification through them. */
#include "kk_latin.h"

#include <string.h>

#include "check.h"
#include "lang.h"
#include "stem.h"

static char got[512];

/* word in alphabet v as Cyrillic, or "-" when it is not a word of v. */
static const char *cyr(const char *word, hs_kk_latin v)
{
    hs_buf b = HS_BUF_INIT;
    int rc = hs_kk_latin_to_cyrillic(word, strlen(word), v, &b);
    snprintf(got, sizeof got, "%s", rc > 0 ? hs_buf_str(&b) : rc == 0 ? "-" : "OOM");
    hs_buf_free(&b);
    return got;
}

/* The published tables, written out again here (not taken from the
 * library), one Latin letter to one Cyrillic letter; и/й as "и" before a
 * consonant. */
typedef struct pair {
    const char *latin, *cyrillic;
} pair;

static const pair table_2017[] = {
    { "a", "а" }, { "a'", "ә" }, { "b", "б" }, { "d", "д" }, { "e", "е" }, { "f", "ф" },
    { "g", "г" }, { "g'", "ғ" }, { "h", "х" }, { "i", "і" }, { "i'", "и" }, { "j", "ж" },
    { "k", "к" }, { "l", "л" }, { "m", "м" }, { "n", "н" }, { "n'", "ң" }, { "o", "о" },
    { "o'", "ө" }, { "p", "п" }, { "q", "қ" }, { "r", "р" }, { "s", "с" }, { "s'", "ш" },
    { "c'", "ч" }, { "t", "т" }, { "u", "ұ" }, { "u'", "ү" }, { "v", "в" }, { "y", "ы" },
    { "y'", "у" }, { "z", "з" },
};

static const pair table_2018[] = {
    { "a", "а" }, { "á", "ә" }, { "b", "б" }, { "d", "д" }, { "e", "е" }, { "f", "ф" },
    { "g", "г" }, { "ǵ", "ғ" }, { "h", "х" }, { "i", "і" }, { "ı", "и" }, { "j", "ж" },
    { "k", "к" }, { "l", "л" }, { "m", "м" }, { "n", "н" }, { "ń", "ң" }, { "o", "о" },
    { "ó", "ө" }, { "p", "п" }, { "q", "қ" }, { "r", "р" }, { "s", "с" }, { "sh", "ш" },
    { "ch", "ч" }, { "t", "т" }, { "u", "ұ" }, { "ú", "ү" }, { "v", "в" }, { "y", "ы" },
    { "ý", "у" }, { "z", "з" },
};

static const pair table_2021[] = {
    { "a", "а" }, { "ä", "ә" }, { "b", "б" }, { "d", "д" }, { "e", "е" }, { "f", "ф" },
    { "g", "г" }, { "ğ", "ғ" }, { "h", "х" }, { "ı", "і" }, { "i", "и" }, { "j", "ж" },
    { "k", "к" }, { "l", "л" }, { "m", "м" }, { "n", "н" }, { "ñ", "ң" }, { "ŋ", "ң" },
    { "o", "о" }, { "ö", "ө" }, { "p", "п" }, { "q", "қ" }, { "r", "р" }, { "s", "с" },
    { "ş", "ш" }, { "ç", "ч" }, { "t", "т" }, { "u", "у" }, { "ū", "ұ" }, { "ü", "ү" },
    { "v", "в" }, { "y", "ы" }, { "z", "з" },
};

/* Each letter after b (a consonant, so that и stays и) and before d. */
static void check_table(const pair *t, size_t n, hs_kk_latin v)
{
    for (size_t i = 0; i < n; i++) {
        char latin[16], want[16];
        snprintf(latin, sizeof latin, "b%sd", t[i].latin);
        snprintf(want, sizeof want, "б%sд", t[i].cyrillic);
        CHECK_STR(cyr(latin, v), want);
    }
}

static void test_letters(void)
{
    check_table(table_2017, sizeof table_2017 / sizeof table_2017[0], HS_KK_LATIN_2017);
    check_table(table_2018, sizeof table_2018 / sizeof table_2018[0], HS_KK_LATIN_2018);
    check_table(table_2021, sizeof table_2021 / sizeof table_2021[0], HS_KK_LATIN_2021);
    /* и after a consonant or first, й after a vowel */
    CHECK_STR(cyr("saılaý", HS_KK_LATIN_2018), "сайлау");
    CHECK_STR(cyr("ıgilik", HS_KK_LATIN_2018), "игілік");
    CHECK_STR(cyr("bıik", HS_KK_LATIN_2018), "биік");
    CHECK_STR(cyr("sailau", HS_KK_LATIN_2021), "сайлау");
    CHECK_STR(cyr("sai'lay'", HS_KK_LATIN_2017), "сайлау");
    /* whole words */
    CHECK_STR(cyr("qazaqstan", HS_KK_LATIN_2018), "қазақстан");
    CHECK_STR(cyr("respýblıkasy", HS_KK_LATIN_2018), "республикасы");
    CHECK_STR(cyr("májilis", HS_KK_LATIN_2018), "мәжіліс");
    CHECK_STR(cyr("mäjılıs", HS_KK_LATIN_2021), "мәжіліс");
    CHECK_STR(cyr("üşın", HS_KK_LATIN_2021), "үшін");
    CHECK_STR(cyr("úshin", HS_KK_LATIN_2018), "үшін");
    CHECK_STR(cyr("ózin-ózi", HS_KK_LATIN_2018), "-"); /* one word at a time */
    /* İ, case-folded to i and a combining dot, is i */
    CHECK_STR(cyr("i\xcc\x87lim", HS_KK_LATIN_2021), "илим");
    /* a letter an alphabet does not write */
    CHECK_STR(cyr("saılaý", HS_KK_LATIN_2021), "-");
    CHECK_STR(cyr("mäjılıs", HS_KK_LATIN_2018), "-");
    CHECK_STR(cyr("box", HS_KK_LATIN_2018), "-");
    CHECK_STR(cyr("cat", HS_KK_LATIN_2018), "-");
    CHECK_STR(cyr("2023", HS_KK_LATIN_2018), "-");
    CHECK_STR(cyr("saılaý", HS_KK_LATIN_NONE), "-");
    CHECK_STR(cyr("", HS_KK_LATIN_2018), "-");
    CHECK_STR(hs_kk_latin_lang(HS_KK_LATIN_2018), "kk-Latn-2018");
    CHECK(hs_kk_latin_lang(HS_KK_LATIN_NONE) == NULL);
    CHECK_INT(hs_kk_latin_of_lang("kk-Latn-2021"), HS_KK_LATIN_2021);
    CHECK_INT(hs_kk_latin_of_lang("kk"), HS_KK_LATIN_NONE);
    CHECK_INT(hs_kk_latin_of_lang(NULL), HS_KK_LATIN_NONE);
}

#define KK_2018                                                                  \
    "Májilis saılaýy 19 naýryzda ótti. Prezıdent Toqaev Astanada daýys berdi, "  \
    "al Ortalyq saılaý komıssıasy saılaýshylardyń jartysynan sál astamy "         \
    "qatysqanyn habarlady. Baıqaýshylar daýys berý tynysh ótkenin, biraq keıbir " \
    "okrýgterde shaǵymdar bolǵanyn aıtty."
#define KK_2021                                                                  \
    "Mäjılıs sailauy 19 nauryzda öttı. Prezident Toqaev Astanada dauys berdı, "  \
    "al Ortalyq sailau komissiiasy sailauşylardyñ jartysynan säl astamy "         \
    "qatysqanyn habarlady. Baiqauşylar dauys beru tynyş ötkenın, bıraq keibır "   \
    "okrugterde şağymdar bolğanyn aitty."
#define KK_2017                                                                  \
    "Ma'jilis sai'lauy 19 nauryzda o'tti. Prezi'dent Toqaev Astanada dauys "     \
    "berdi, al Ortalyq sai'lau komi'ssi'iasy sai'laus'ylardyn' jartysynan sa'l " \
    "astamy qatysqanyn habarlady. Bai'qaus'ylar dauys beru tynys' o'tkenin, "     \
    "biraq kei'bir okrugterde s'ag'ymdar bolg'anyn ai'tty."
#define TURKISH                                                                  \
    "Türkiye'de milletvekili seçimleri pazar günü yapıldı. Seçmenler sabahın "    \
    "erken saatlerinden itibaren sandık başına giderek oylarını kullandı. "       \
    "Yüksek Seçim Kurulu, katılımın önceki seçime göre biraz düşük olduğunu "     \
    "açıkladı. Gözlemciler oylamanın sakin geçtiğini bildirdi."
#define TURKMEN                                                                  \
    "Türkmenistanyň Mejlisine saýlawlar ýekşenbe güni geçirildi. Saýlawçylar "    \
    "ir bilen saýlaw uçastoklaryna gelip ses berdiler. Merkezi saýlaw "           \
    "toparynyň habaryna görä, saýlawlara gatnaşyjylaryň sany öňki saýlawlardan "  \
    "birneme az boldy. Synçylar ses berişiň asuda geçendigini aýtdylar."
#define UZBEK                                                                    \
    "Oʻzbekiston Respublikasi Oliy Majlisiga saylov yakshanba kuni boʻlib oʻtdi. " \
    "Saylovchilar erta tongdan saylov uchastkalariga kelib ovoz berdi. Markaziy " \
    "saylov komissiyasi maʼlumotiga koʻra, ishtirok oldingi saylovga qaraganda "  \
    "biroz past boʻldi. Kuzatuvchilar ovoz berish xotirjam oʻtganini aytdi."
#define AZERBAIJANI                                                              \
    "Azərbaycan Respublikasının Milli Məclisinə seçkilər bazar günü keçirildi. "  \
    "Seçicilər səhər tezdən seçki məntəqələrinə gələrək səs verdilər. Mərkəzi "   \
    "Seçki Komissiyasının məlumatına görə, iştirak əvvəlki seçkilərə nisbətən "   \
    "bir qədər aşağı olub. Müşahidəçilər səsvermənin sakit keçdiyini bildirdilər."
#define HUNGARIAN                                                                \
    "Vasárnap tartották a parlamenti választásokat Kazahsztánban. A választók "   \
    "már kora reggel a szavazóhelyiségekbe mentek, hogy leadják szavazatukat. "   \
    "A Központi Választási Bizottság szerint a részvétel valamivel alacsonyabb "  \
    "volt, mint a legutóbbi választáson. A megfigyelők szerint nyugodt volt."
#define TATAR                                                                    \
    "Tatarstan Respublikasınıñ Däwlät Sovetına saylawlar yäkşämbe köndä uzdı. "    \
    "Saylawçılar irtä belän saylaw uçastoklarına kilep tawış birdelär. Üzäk "      \
    "saylaw komissiäse xäbär itüençä, qala häm awıl saylawçılarınıñ yartısınnan " \
    "artığı qatnaştı. Küzätüçelär tawış birü tınıç ütte dip äyttelär."
#define ENGLISH                                                                  \
    "Voters in Kazakhstan went to the polls on Sunday to elect the Mazhilis. "    \
    "The Central Election Commission said turnout was a little over half, and "   \
    "observers from the OSCE said the vote was calm but some districts had "      \
    "complaints about the voter lists."

static void test_detect(void)
{
    CHECK_INT(hs_kk_latin_detect(KK_2018, strlen(KK_2018), 1), HS_KK_LATIN_2018);
    CHECK_INT(hs_kk_latin_detect(KK_2021, strlen(KK_2021), 1), HS_KK_LATIN_2021);
    CHECK_INT(hs_kk_latin_detect(KK_2017, strlen(KK_2017), 1), HS_KK_LATIN_2017);
    const char *others[] = { TURKISH, TURKMEN, UZBEK, AZERBAIJANI, HUNGARIAN, TATAR, ENGLISH };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        CHECK_INT(hs_kk_latin_detect(others[i], strlen(others[i]), 1), HS_KK_LATIN_NONE);
    /* a few words are not sure; a passage of a Kazakh text is read by its
     * own letters, 2018 when it has none of one alphabet only */
    CHECK_INT(hs_kk_latin_detect("Saılaý ótti", 12, 1), HS_KK_LATIN_NONE);
    CHECK_INT(hs_kk_latin_detect("Saılaý ótti", 12, 0), HS_KK_LATIN_2018);
    CHECK_INT(hs_kk_latin_detect("Sailau öttı", 12, 0), HS_KK_LATIN_2021);
    CHECK_INT(hs_kk_latin_detect("Qazaqstan", 9, 0), HS_KK_LATIN_2018);
    CHECK_INT(hs_kk_latin_detect("2023 — 19", 11, 0), HS_KK_LATIN_NONE);
}

static void test_stem_and_lang(void)
{
    hs_stemmer *st = hs_stemmer_new();
    size_t n;
    const char *s = hs_stem_lang(st, "kk-Latn-2018", "saılaýǵa", strlen("saılaýǵa"), &n);
    CHECK(s && n == strlen("сайлау") && !memcmp(s, "сайлау", n));
    s = hs_stem_lang(st, "kk-Latn-2021", "sailauğa", strlen("sailauğa"), &n);
    CHECK(s && n == strlen("сайлау") && !memcmp(s, "сайлау", n));
    s = hs_stem_lang(st, "kk", "сайлауға", strlen("сайлауға"), &n);
    CHECK(s && n == strlen("сайлау") && !memcmp(s, "сайлау", n));
    /* a Kazakh text of unknown alphabet: the word's letters decide */
    s = hs_stem_lang(st, "kk", "saılaýǵa", strlen("saılaýǵa"), &n);
    CHECK(s && n == strlen("сайлау") && !memcmp(s, "сайлау", n));
    /* English stays English, and a word the alphabet cannot spell is
     * stemmed as English */
    s = hs_stem_lang(st, "en", "elections", 9, &n);
    CHECK(s && n == 5 && !memcmp(s, "elect", n));
    s = hs_stem_lang(st, "kk-Latn-2018", "boxes", 5, &n);
    CHECK(s && n == 3 && !memcmp(s, "box", n));
    hs_stemmer_free(st);

    hs_langid *lid = hs_langid_new(NULL);
    CHECK(lid != NULL);
    CHECK_STR(hs_lang_detect(lid, KK_2018, strlen(KK_2018), NULL), "kk");
    CHECK_STR(hs_lang_detect(lid, KK_2021, strlen(KK_2021), NULL), "kk");
    CHECK_STR(hs_lang_detect(lid, KK_2017, strlen(KK_2017), NULL), "kk");
    CHECK_STR(hs_lang_detect(lid, KK_2018, strlen(KK_2018), "kk"), "kk");
    CHECK_STR(hs_lang_detect(lid, KK_2018, strlen(KK_2018), "tr"), "kk");
    CHECK_STR(hs_lang_detect(lid, TURKISH, strlen(TURKISH), NULL), "tr");
    CHECK(hs_lang_detect(lid, TURKMEN, strlen(TURKMEN), NULL) == NULL ||
          strcmp(hs_lang_detect(lid, TURKMEN, strlen(TURKMEN), NULL), "kk") != 0);
    CHECK(strcmp(hs_lang_detect(lid, UZBEK, strlen(UZBEK), NULL), "kk") != 0);
    CHECK(strcmp(hs_lang_detect(lid, AZERBAIJANI, strlen(AZERBAIJANI), NULL), "kk") != 0);
    CHECK(strcmp(hs_lang_detect(lid, HUNGARIAN, strlen(HUNGARIAN), NULL), "kk") != 0);
    /* English declared Kazakh is English */
    CHECK_STR(hs_lang_detect(lid, ENGLISH, strlen(ENGLISH), "kk"), "en");
    /* the passages of a Kazakh article in Latin letters are stemmed in
     * their alphabet */
    CHECK_STR(hs_passage_stem_lang("kk", KK_2018, strlen(KK_2018)), "kk-Latn-2018");
    CHECK_STR(hs_passage_stem_lang("kk", KK_2021, strlen(KK_2021)), "kk-Latn-2021");
    CHECK_STR(hs_passage_stem_lang("kk", "Qazaqstan", 9), "kk-Latn-2018");
    /* an English paragraph of a Kazakh article is English */
    CHECK_STR(hs_passage_stem_lang("kk", ENGLISH, strlen(ENGLISH)), "en");
    hs_langid_free(lid);
}

int main(void)
{
    test_letters();
    test_detect();
    test_stem_and_lang();
    return check_done();
}
