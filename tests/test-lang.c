/* test-lang.c - language identification: corpus/, short and mixed texts,
 * declared languages, no identifier, and one identifier shared by
 * threads. */
#include "lang.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "check.h"

static hs_langid *lid;

#define KYRGYZ                                                                \
    "Кыргызстанда шайлоо өттү. Шайлоочулар эртең мененки сааттан баштап "   \
    "шайлоо участкаларына келип, добуш беришти. Борбордук шайлоо "           \
    "комиссиясынын маалыматы боюнча, катышуу деңгээли мурунку шайлоого "     \
    "караганда бир аз төмөн болду. Байкоочулардын айтымында, добуш берүү "   \
    "тынч өттү, бирок айрым участкаларда тизмелерде каталар табылды."
#define UKRAINIAN                                                             \
    "Вибори до парламенту відбулися в неділю. Виборці з самого ранку "       \
    "приходили на дільниці, щоб віддати свої голоси. За даними центральної " \
    "виборчої комісії, явка була трохи нижчою, ніж на попередніх виборах. "  \
    "Спостерігачі кажуть, що голосування пройшло спокійно, але на деяких "   \
    "дільницях у списках знайшли помилки."
#define GERMAN                                                                \
    "Die Parlamentswahl in Kasachstan fand am Sonntag statt. Die Wähler "   \
    "kamen schon am frühen Morgen in die Wahllokale, um ihre Stimme "        \
    "abzugeben. Nach Angaben der Zentralen Wahlkommission lag die "          \
    "Wahlbeteiligung etwas niedriger als bei der letzten Wahl. Beobachter "  \
    "berichten, dass die Abstimmung ruhig verlief."
#define RUSSIAN                                                               \
    "Выборы в мажилис прошли 19 марта. Президент Тоқаев проголосовал в "     \
    "Астане, а Центральная избирательная комиссия сообщила, что явка "       \
    "составила чуть больше половины избирателей. Наблюдатели отметили, что " \
    "голосование прошло спокойно, но в некоторых округах были жалобы."
#define KAZAKH                                                                \
    "Мәжіліс сайлауы 19 наурызда өтті. Президент Тоқаев Астанада дауыс "     \
    "берді, ал Орталық сайлау комиссиясы сайлаушылардың жартысынан сәл "     \
    "көбі сайлауға қатысқанын хабарлады."
#define ENGLISH                                                               \
    "Voters in Kazakhstan elected a new Mazhilis on Sunday. President "     \
    "Kassym-Jomart Tokayev cast his ballot in Astana, and the Central "      \
    "Election Commission said that a little over half of the voters took "   \
    "part in the election."

static const char *detect(const char *text, const char *declared)
{
    return hs_lang_detect(lid, text, strlen(text), declared);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 16);
    *len = buf ? fread(buf, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[*len] = '\0';
    return buf;
}

static void corpus_dir(char *dir, size_t size)
{
    const char *src = getenv("top_srcdir");
    snprintf(dir, size, "%s/corpus", src && *src ? src : ".");
}

/* Each article of corpus/ is in the language its name begins with. */
static void test_corpus(void)
{
    char dir[4096];
    corpus_dir(dir, sizeof dir);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d)
        return;
    int n = 0, kazakh = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (nl < 7 || strcmp(e->d_name + nl - 4, ".txt") != 0)
            continue;
        char path[8192], want[3] = { e->d_name[0], e->d_name[1], '\0' };
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *text = slurp(path, &len);
        CHECK(text != NULL);
        if (!text)
            continue;
        const char *got = hs_lang_detect(lid, text, len, NULL);
        if (!got || strcmp(got, want) != 0)
            fprintf(stderr, "%s: %s\n", e->d_name, got ? got : "(null)");
        CHECK_STR(got, want);
        /* its own declaration is kept; a wrong one is overruled */
        CHECK_STR(hs_lang_detect(lid, text, len, want), want);
        CHECK_STR(hs_lang_detect(lid, text, len, strcmp(want, "en") ? "en" : "de"), want);
        CHECK_STR(hs_lang_detect(lid, text, len, strcmp(want, "ru") ? "ru" : "kk"), want);
        n++;
        kazakh += strcmp(want, "kk") == 0;
        free(text);
    }
    closedir(d);
    CHECK(n >= 22);
    CHECK(kazakh >= 4);
}

static void test_short_and_mixed(void)
{
    CHECK_STR(detect("Выборы в мажилис", NULL), "ru");
    CHECK_STR(detect("Election day in Almaty", NULL), "en");
    CHECK_STR(detect("Мәжіліс сайлауы", NULL), "kk");
    CHECK_STR(detect("Тоқаев", NULL), "kk");   /* Kazakh by its letters */
    CHECK_STR(detect("Токаев", NULL), NULL);   /* too short to tell */
    CHECK_STR(detect("election", NULL), NULL);
    CHECK_STR(detect("2023-03-19, 54,19%", NULL), NULL);
    CHECK_STR(detect("", NULL), NULL);
    CHECK_STR(hs_lang_detect(lid, NULL, 0, NULL), NULL);

    /* a Russian text quoting a Kazakh spelling stays Russian */
    CHECK_STR(detect(RUSSIAN, NULL), "ru");
    CHECK_STR(detect(KAZAKH, NULL), "kk");
    CHECK_STR(detect(ENGLISH, NULL), "en");
    /* English with a Russian quote; Russian with an English one */
    CHECK_STR(detect(ENGLISH " «Выборы прошли спокойно», said an observer.", NULL), "en");
    CHECK_STR(detect(RUSSIAN " «It was calm», said an observer.", NULL), "ru");
    /* Kazakh quoting Russian: the Kazakh letters decide */
    CHECK_STR(detect(KAZAKH " «Выборы прошли спокойно», — деді байқаушы.", NULL), "kk");

    /* other languages, when the text is long enough to be sure */
    CHECK_STR(detect(UKRAINIAN, NULL), "uk");
    CHECK_STR(detect(GERMAN, NULL), "de");
    CHECK_STR(detect(KYRGYZ, NULL), "ky"); /* ө ү ң, yet not Kazakh */

    /* invalid UTF-8 and NUL bytes are skipped */
    {
        static const char bad[] = "Выборы\xFF\xFE в мажилис\0 прошли \xD0 спокойно";
        CHECK_STR(hs_lang_detect(lid, bad, sizeof bad - 1, NULL), "ru");
    }
    /* only the first HS_LANG_SAMPLE bytes count: English, then far more
     * Russian */
    {
        size_t en = strlen(ENGLISH), ru = strlen(RUSSIAN);
        size_t n_en = HS_LANG_SAMPLE / en + 1, n_ru = 100, len = 0;
        char *text = malloc(n_en * en + n_ru * ru);
        CHECK(text != NULL);
        if (text) {
            for (size_t i = 0; i < n_en; i++, len += en)
                memcpy(text + len, ENGLISH, en);
            for (size_t i = 0; i < n_ru; i++, len += ru)
                memcpy(text + len, RUSSIAN, ru);
            CHECK_STR(hs_lang_detect(lid, text, len, NULL), "en");
            CHECK_STR(hs_lang_detect(lid, text + n_en * en, len - n_en * en, NULL), "ru");
            free(text);
        }
    }
}

static void test_declared(void)
{
    /* trusted when the text does not say otherwise */
    CHECK_STR(detect("election", "en-GB"), "en");
    CHECK_STR(detect("election", "de"), "de");
    CHECK_STR(detect("2023", "ru-RU"), "ru");
    CHECK_STR(detect("", "kk"), "kk");
    CHECK_STR(hs_lang_detect(lid, NULL, 0, "kk-KZ"), "kk");
    CHECK_STR(detect("Выборы в мажилис", "kk"), "kk"); /* short: no proof */
    CHECK_STR(detect(KYRGYZ, "ky"), "ky");
    CHECK_STR(detect(UKRAINIAN, "uk"), "uk");
    CHECK_STR(detect(RUSSIAN, "ru"), "ru");
    /* and overruled when it does */
    CHECK_STR(detect(RUSSIAN, "en"), "ru");           /* another script */
    CHECK_STR(detect(ENGLISH, "ru"), "en");
    CHECK_STR(detect(KAZAKH, "ru"), "kk");            /* Kazakh letters */
    CHECK_STR(detect("Мәжіліс сайлауы", "ru"), "kk");
    CHECK_STR(detect(GERMAN, "en"), "de");            /* one clear other language */
    /* a dozen Cyrillic words without a Kazakh letter are not Kazakh (a
     * Russian item of a feed that declares kk) */
    CHECK_STR(detect("К полудню явка на выборах в мажилис составила 32 процента, сообщили "
                     "в Центральной избирательной комиссии.", "kk"), "ru");
    CHECK_STR(detect(ENGLISH, "ja"), "en");
    /* declarations that are not languages are ignored */
    CHECK_STR(detect(RUSSIAN, "xx"), "ru");
    CHECK_STR(detect(RUSSIAN, ""), "ru");
    CHECK_STR(detect("election", "und"), NULL);
}

/* The language a passage is stemmed by. */
static void test_passage_stem_lang(void)
{
    static const char ru[] = "Явка была высокой, люди пришли голосовать семьями.";
    static const char kk[] = "Сайлау учаскелері таңғы сағат жетіде ашылды, сайлаушылар "
                             "кезекке тұрды.";
    static const char kk_plain[] = "Сайлау учаскелері ашылды.";
    CHECK_STR(hs_passage_stem_lang("kk", ru, strlen(ru)), "ru");   /* a Russian paragraph */
    CHECK_STR(hs_passage_stem_lang("kk", kk, strlen(kk)), "kk");
    CHECK_STR(hs_passage_stem_lang("ru", kk, strlen(kk)), "kk");   /* a Kazakh paragraph */
    CHECK_STR(hs_passage_stem_lang("ru", ru, strlen(ru)), "ru");
    CHECK_STR(hs_passage_stem_lang("kk", "Тек орыс", 15), "kk");  /* too short to tell */
    CHECK_STR(hs_passage_stem_lang("kk", kk_plain, strlen(kk_plain)), "kk");
    CHECK_STR(hs_passage_stem_lang("en", ru, strlen(ru)), "en");   /* only kk and ru */
    CHECK_STR(hs_passage_stem_lang(NULL, ru, strlen(ru)), NULL);
}

static void test_without_identifier(void)
{
    CHECK_STR(hs_lang_detect(NULL, KAZAKH, strlen(KAZAKH), NULL), "kk");
    CHECK_STR(hs_lang_detect(NULL, RUSSIAN, strlen(RUSSIAN), NULL), NULL);
    CHECK_STR(hs_lang_detect(NULL, RUSSIAN, strlen(RUSSIAN), "ru"), "ru");
    CHECK_STR(hs_lang_detect(NULL, KAZAKH, strlen(KAZAKH), "ru"), "kk");
    CHECK_STR(hs_lang_detect(NULL, ENGLISH, strlen(ENGLISH), "ru"), NULL);
    CHECK(hs_langid_new("/nonexistent") == NULL);
}

/* Rule 0: English and Russian by letters and words, without the
 * identifier, in texts of HS_LANG_SURE_LETTERS letters or more; what they
 * do not settle is left to it. */
static void test_by_script(void)
{
    static const char en[] =
        "Voters in Kazakhstan elected a new Mazhilis on Sunday. President Tokayev cast "
        "his ballot in Astana, and the Central Election Commission said that a little "
        "over half of the voters took part. Observers said the vote was calm but that "
        "the campaign had been short and that independent candidates were few.";
    static const char en_upper[] =
        "VOTERS IN KAZAKHSTAN ELECTED A NEW MAZHILIS ON SUNDAY. PRESIDENT TOKAYEV CAST "
        "HIS BALLOT IN ASTANA, AND THE CENTRAL ELECTION COMMISSION SAID THAT A LITTLE "
        "OVER HALF OF THE VOTERS TOOK PART. OBSERVERS SAID THE VOTE WAS CALM BUT THAT "
        "THE CAMPAIGN HAD BEEN SHORT AND THAT INDEPENDENT CANDIDATES WERE FEW.";
    static const char ru[] =
        "Выборы в мажилис прошли в марте. Центральная избирательная комиссия сообщила, "
        "что явка составила чуть больше половины избирателей. Наблюдатели отметили, что "
        "голосование прошло спокойно, но кампания была короткой, а независимых "
        "кандидатов было немного, и это обсуждали эксперты.";
    static const char uk[] =
        "Вибори до парламенту відбулися в березні. Центральна виборча комісія повідомила, "
        "що явка була трохи більшою за половину виборців. Спостерігачі зазначили, що "
        "голосування пройшло спокійно, але кампанія була короткою, а незалежних "
        "кандидатів було небагато.";
    static const char bg[] =
        "Изборите за парламент се проведоха през март. Централната избирателна комисия "
        "съобщи, че активността е малко над половината от избирателите. Наблюдателите "
        "отбелязаха, че гласуването е преминало спокойно, но кампанията е била кратка "
        "и независимите кандидати бяха малко.";
    static const char fr[] =
        "Les électeurs ont élu un nouveau parlement dimanche. La commission électorale a "
        "déclaré que la participation était un peu supérieure à la moitié des inscrits. "
        "Les observateurs ont noté que le vote s'était déroulé dans le calme, mais que la "
        "campagne avait été courte.";
    static const char lorem[] =
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis "
        "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. "
        "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.";
    static const char kk_latin[] =
        "Saılaý ýchaskeleri tańǵy saǵat jetide ashyldy, saılaýshylar kezekke turdy. "
        "Ortalyq saılaý komıssıasy daýys berýge qatysqandardyń sany jartysynan sál "
        "asqanyn habarlady. Baqylaýshylar saılaý tynysh ótkenin, biraq naýqannyń "
        "qysqa bolǵanyn atap ótti.";
    CHECK_STR(hs_lang_detect(NULL, en, strlen(en), NULL), "en");
    CHECK_STR(hs_lang_detect(NULL, en_upper, strlen(en_upper), NULL), "en");
    CHECK_STR(hs_lang_detect(NULL, en, strlen(en), "en-GB"), "en");
    CHECK_STR(hs_lang_detect(NULL, ru, strlen(ru), NULL), "ru");
    CHECK_STR(hs_lang_detect(NULL, uk, strlen(uk), NULL), NULL);       /* і, є */
    CHECK_STR(hs_lang_detect(NULL, bg, strlen(bg), NULL), NULL);       /* no ы or э */
    CHECK_STR(hs_lang_detect(NULL, fr, strlen(fr), NULL), NULL);       /* é */
    CHECK_STR(hs_lang_detect(NULL, lorem, strlen(lorem), NULL), NULL); /* no English word */
    CHECK_STR(hs_lang_detect(NULL, kk_latin, strlen(kk_latin), NULL), "kk"); /* by its letters */
    /* a few words prove nothing */
    static const char it[] = "Crisi di governo a Roma";
    static const char kk_short[] = "Парламент сессиясы жабылды";
    CHECK_STR(hs_lang_detect(NULL, it, strlen(it), NULL), NULL);
    CHECK_STR(hs_lang_detect(NULL, kk_short, strlen(kk_short), NULL), NULL);
    CHECK_STR(hs_lang_detect(NULL, ENGLISH, strlen(ENGLISH), NULL), NULL);
    /* a declaration that the text does not contradict still wins */
    CHECK_STR(hs_lang_detect(NULL, en, strlen(en), "de"), "de");
}

static void test_codes(void)
{
    CHECK_STR(hs_lang_code("ru-RU", 5), "ru");
    CHECK_STR(hs_lang_code("kk_KZ", 5), "kk");
    CHECK_STR(hs_lang_code(" EN \n", 5), "en");
    CHECK_STR(hs_lang_code("zh-Hans-CN", 10), "zh");
    CHECK_STR(hs_lang_code("kk-Cyrl-KZ", 10), "kk");
    CHECK_STR(hs_lang_code("kz", 2), "kk");
    CHECK_STR(hs_lang_code("iw", 2), "he");
    CHECK_STR(hs_lang_code("rus", 3), "ru");
    CHECK_STR(hs_lang_code("KAZ", 3), "kk");
    CHECK_STR(hs_lang_code("ru-RU", 2), "ru");   /* the length counts */
    CHECK_STR(hs_lang_code("xx", 2), NULL);
    CHECK_STR(hs_lang_code("und", 3), NULL);
    CHECK_STR(hs_lang_code("english", 7), NULL);
    CHECK_STR(hs_lang_code("e", 1), NULL);
    CHECK_STR(hs_lang_code("", 0), NULL);
    CHECK_STR(hs_lang_code("-ru", 3), NULL);
    CHECK_STR(hs_lang_code("r\xC3\xBC", 3), NULL);
    CHECK_STR(hs_lang_code(NULL, 0), NULL);
    /* codes are static: the same pointer every time */
    CHECK(hs_lang_code("ru", 2) == hs_lang_code("RU-ru", 5));
    CHECK(detect(RUSSIAN, NULL) == hs_lang_code("ru", 2));
    CHECK(detect(KAZAKH, NULL) == hs_lang_code("kk", 2));
    CHECK(detect("", "kk-KZ") == hs_lang_code("kk", 2));
}

/* One identifier, shared read-only by threads (run under helgrind too). */
typedef struct job {
    const char *text;
    const char *want;
    int wrong;
} job;

static int worker(void *arg)
{
    job *j = arg;
    for (int i = 0; i < 50; i++) {
        const char *got = hs_lang_detect(lid, j->text, strlen(j->text), NULL);
        if (!got || strcmp(got, j->want) != 0)
            j->wrong++;
    }
    return 0;
}

static void test_threads(void)
{
    job jobs[4] = {
        { RUSSIAN, "ru", 0 }, { KAZAKH " " KAZAKH, "kk", 0 },
        { ENGLISH, "en", 0 }, { GERMAN, "de", 0 },
    };
    thrd_t t[4];
    int started[4];
    for (int i = 0; i < 4; i++)
        started[i] = thrd_create(&t[i], worker, &jobs[i]) == thrd_success;
    for (int i = 0; i < 4; i++) {
        CHECK(started[i]);
        if (started[i])
            thrd_join(t[i], NULL);
        CHECK_INT(jobs[i].wrong, 0);
    }
}

int main(void)
{
    lid = hs_langid_new(NULL);
    if (!lid) {
        fprintf(stderr, "no libexttextcat fingerprints (libexttextcat-data)\n");
        return 99;
    }
    test_corpus();
    test_short_and_mixed();
    test_declared();
    test_passage_stem_lang();
    test_without_identifier();
    test_by_script();
    test_codes();
    test_threads();
    hs_langid_free(lid);
    hs_langid_free(NULL);
    return check_done();
}
