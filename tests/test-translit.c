/* test-translit.c - transliteration keys: names across scripts meet,
 * unrelated words do not. */
#include "translit.h"

#include <string.h>

#include "check.h"

/* The key of w, "-" when it has none. */
static const char *key(const char *w)
{
    static char out[256];
    hs_buf b = HS_BUF_INIT;
    int n = hs_translit_key(w, strlen(w), &b);
    if (n < 0 || (size_t)n != b.len || b.len >= sizeof out)
        snprintf(out, sizeof out, "(error %d)", n);
    else if (n == 0)
        snprintf(out, sizeof out, "-");
    else
        snprintf(out, sizeof out, "%s", b.data);
    hs_buf_free(&b);
    return out;
}

/* Spellings of one name, and its key. */
typedef struct name {
    const char *key;
    const char *spellings[12];
} name;

static const name names[] = {
    { "tokaev", { "Tokayev", "tokayev", "Tokaev", "Токаев", "токаев", "Тоқаев",
                  "tokayev's", "Tokayev’s", "Токаева", "Токаеву", "Токаевым",
                  "Тоқаевтың" } },
    { "tokaev", { "Тоқаевқа", "Тоқаевпен", "Тоқаевты", "Токаеве", "TOKAYEV" } },
    { "nazarbaev", { "Nazarbayev", "Nazarbaev", "Назарбаев", "Назарбаева",
                     "Назарбаевтың", "Nazarbayev's" } },
    { "majilis", { "Mazhilis", "Majilis", "Мажилис", "мажилис", "Мәжіліс",
                   "мажилиса", "мажилисе", "мажилисом", "Мәжіліске",
                   "Мәжілістің", "Мәжілісте", "Мәжілісінде" } },
    { "bokaev", { "Bokayev", "Bokaev", "Бокаев", "Бокаева", "Бокаевым" } },
    { "almat", { "Almaty", "Алматы", "Almati", "Алматыда", "Алматыдағы",
                 "Алматының", "Almaty's" } },
    { "astan", { "Astana", "Астана", "Астаны", "Астане", "Астану", "Астаной",
                 "Астанада", "Астанаға", "Астананың", "Astana's" } },
    { "kasim", { "Kassym", "Kasym", "Касым", "Қасым", "Касыма", "Касымом",
                 "Қасымның" } },
    { "jomart", { "Jomart", "Zhomart", "Жомарт", "Жомарта" } },
    { "kasimjomart", { "Kassym-Jomart", "Касым-Жомарт", "Қасым-Жомарт",
                       "kassymjomart", "қасымжомарт" } },
    { "kazakstan", { "Kazakhstan", "Казахстан", "Қазақстан", "Казахстана",
                     "Қазақстанда", "Қазақстанның" } },
    { "nursultan", { "Nursultan", "Нурсултан", "Нұрсұлтан", "Нұрсұлтанның" } },
    { "erlan", { "Yerlan", "Erlan", "Ерлан" } },
    { "aigerim", { "Aigerim", "Aygerim", "Айгерим", "Әйгерім" } },
    { "shimkent", { "Shymkent", "Шымкент" } },
    { "maslikat", { "Maslikhat", "Маслихат", "Мәслихат" } },
    { "amanat", { "Amanat", "Аманат" } },
    { "auil", { "Auyl", "Ауыл" } },
    { "bauirjan", { "Bauyrzhan", "Бауыржан" } },
    { "dmitr", { "Dmitry", "Dmitriy", "Дмитрий" } },
    { "jaksibekov", { "Zhaksybekova", "Жақсыбекова", "Жаксыбековой" } },
    { "abdirov", { "Abdirov", "Абдиров", "Әбдіров" } },
    { "uri", { "Yuri", "Yury", "Юрий" } },
};

/* Pairs that must not meet. */
static const char *const apart[][2] = {
    { "Tokayev", "Bokayev" },   { "Tokayev", "Tokyo" },
    { "Almaty", "Almaz" },      { "Astana", "Austin" },
    { "Mazhilis", "Majlis" },   { "Nazarbayev", "Nazarov" },
    { "Marat", "Murat" },       { "Kassym", "Kazim" },
    { "Election", "Элекция" },  { "Central", "Центр" },
    { "Minister", "Министр" },  { "President", "Президента" },
    { "Tokayev", "Токарев" },   { "Amanat", "Аманов" },
    { "Yerlan", "Ерлик" },      { "Astana", "Аста" },
};

static void test_names(void)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        for (size_t j = 0; j < 12 && names[i].spellings[j]; j++) {
            const char *got = key(names[i].spellings[j]);
            if (strcmp(got, names[i].key) != 0)
                fprintf(stderr, "  %s\n", names[i].spellings[j]);
            CHECK_STR(got, names[i].key);
        }
}

static void test_apart(void)
{
    for (size_t i = 0; i < sizeof apart / sizeof apart[0]; i++) {
        char a[256];
        snprintf(a, sizeof a, "%s", key(apart[i][0]));
        const char *b = key(apart[i][1]);
        if (strcmp(a, b) == 0)
            fprintf(stderr, "  %s = %s = %s\n", apart[i][0], apart[i][1], a);
        CHECK(strcmp(a, b) != 0);
    }
}

static void test_table(void)
{
    /* each letter of the table (between consonants, so that no ending
     * or glide rule applies), and the folds */
    CHECK_STR(key("абвгдезийклмнопрстуф"), "abvgdeziklmnoprstuf"); /* й before к: i */
    CHECK_STR(key("тхтцтчтштщт"), "tktstchtshtsht");
    CHECK_STR(key("Асхат"), "askat"); /* с + х is not ш */
    CHECK_STR(key("Ашат"), "ashat");
    CHECK_STR(key("счет"), "schet");  /* с + ч is not щ */
    CHECK_STR(key("тъыьэт"), "tiet");
    CHECK_STR(key("юрт"), "urt");     /* y before a vowel: a glide */
    CHECK_STR(key("тят"), "tat");
    CHECK_STR(key("тәтғтқтңтөтұтүтһтіт"), "tatgtktntotututhtit");
    CHECK_STR(key("тєтїтґтўт"), "tetitgtut");
    CHECK_STR(key("Żółć"), "zolk");
    CHECK_STR(key("Çağrı"), "chagr");
    CHECK_STR(key("Şahin"), "shahin");
    CHECK_STR(key("Straße"), "stras");
    CHECK_STR(key("Qazaqstan"), "kazakstan");         /* Kazakh Latin q */
    CHECK_STR(key("Alexander"), "aleksander");
    CHECK_STR(key("Wladimir"), "vladimir");
    CHECK_STR(key("Thomas"), "tomas");
    CHECK_STR(key("Dzhambul"), "jambul");
    CHECK_STR(key("Джамбул"), "jambul");
    CHECK_STR(key("Shcherbakov"), "sherbakov");
    CHECK_STR(key("Щербаков"), "sherbakov");
    CHECK_STR(key("Tsoi"), "tso");
    CHECK_STR(key("Цой"), "tso");
    CHECK_STR(key("Ilyas"), "ilas");
    CHECK_STR(key("Ильяс"), "ilas");
    CHECK_STR(key("O'Brien"), "obrien");
    CHECK_STR(key("d'Artagnan"), "dartagnan");
}

static void test_no_key(void)
{
    CHECK_STR(key("2023"), "-");
    CHECK_STR(key("covid19"), "-");
    CHECK_STR(key("選挙"), "-");
    CHECK_STR(key("Ελλάδα"), "-");
    CHECK_STR(key(""), "-");
    CHECK_STR(key("The"), "-");   /* "te": under HS_TRANSLIT_MIN_KEY */
    CHECK_STR(key("Ақ"), "-");
    CHECK_STR(key("a'"), "-");
    CHECK_STR(key("\xFF\xFE"), "-");
    CHECK_STR(key("Tok\xFF" "ayev"), "-");
    {
        char longword[256] = "";
        for (int i = 0; i < 10; i++)
            strcat(longword, "abcde");
        CHECK_STR(key(longword), "-");   /* 50 letters: over the limit */
        longword[48] = '\0';
        CHECK(strcmp(key(longword), "-") != 0);
    }
    CHECK_INT(hs_translit_key(NULL, 0, NULL), 0);
}

static void test_buffer(void)
{
    hs_buf b = HS_BUF_INIT;
    CHECK_INT(hs_buf_puts(&b, "XT"), 0);
    CHECK_INT(hs_translit_key("Токаев", strlen("Токаев"), &b), 6);
    CHECK_STR(hs_buf_str(&b), "XTtokaev");
    CHECK_INT(hs_translit_key("2023", 4, &b), 0);    /* untouched */
    CHECK_STR(hs_buf_str(&b), "XTtokaev");
    CHECK_INT(hs_translit_key("Tokayev and more", 7, &b), 6); /* len counts */
    CHECK_STR(hs_buf_str(&b), "XTtokaevtokaev");
    hs_buf_free(&b);
}

/* Which words get a key: capitalised ones and any Cyrillic word, but no
 * stop word. */
static void test_wanted(void)
{
    const char *text = "Not one Tokayev met the мажилис; Это стал";
    CHECK(!hs_translit_wanted(text, 0, "not", 3));       /* a stop word */
    CHECK(!hs_translit_wanted(text, 4, "one", 3));       /* lower case */
    CHECK(hs_translit_wanted(text, 8, "tokayev", 7));    /* a name */
    CHECK(hs_translit_wanted(text, 24, "мажилис", 14));  /* Cyrillic */
    CHECK(!hs_translit_wanted(text, 40, "это", 6));      /* a Russian stop word */
    CHECK(hs_translit_wanted(text, 47, "стал", 8));
    /* acronyms get none: ОСК, OSCE and Өскемен would share "osk" */
    const char *acronyms = "ОСК OSCE Өскемен Ed I ЦИК-а";
    CHECK(!hs_translit_wanted(acronyms, 0, "оск", 6));
    CHECK(!hs_translit_wanted(acronyms, 7, "osce", 4));
    CHECK(hs_translit_wanted(acronyms, 12, "өскемен", 14));
    CHECK(hs_translit_wanted(acronyms, 27, "ed", 2)); /* one capital starts a name */
    CHECK(!hs_translit_wanted(acronyms, 32, "цик", 6));
    /* a name in capitals (a headline) is no acronym */
    CHECK(hs_translit_wanted("ТОКАЕВ ПОДПИСАЛ", 0, "токаев", 12));
    /* a word typed in lower case may be a name; not in capitals */
    CHECK(hs_translit_maybe_name("tokayev", 0, "tokayev", 7));
    CHECK(!hs_translit_maybe_name("OSCE", 0, "osce", 4));
    CHECK(!hs_translit_maybe_name("the", 0, "the", 3));
    CHECK(!hs_translit_maybe_name("мажилис", 0, "мажилис", 14));
}

int main(void)
{
    test_names();
    test_apart();
    test_table();
    test_no_key();
    test_buffer();
    test_wanted();
    /* acronyms: two to four capitals, in any script */
    CHECK(hs_is_acronym("the IT desk", 4));
    CHECK(hs_is_acronym("OSCE", 0));
    CHECK(hs_is_acronym("\xd0\x9e\xd0\xa1\xd0\x9a", 0));  /* ОСК */
    CHECK(!hs_is_acronym("It is", 0));
    CHECK(!hs_is_acronym("I think", 0));                  /* one letter */
    CHECK(!hs_is_acronym("NATIONS", 0));                  /* five */
    return check_done();
}
