/* lang.c - language identification with libexttextcat, Kazakh letters and
 * the declared language; see lang.h for the rules. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <textcat.h>
#include <utf8proc.h>

#include "kk_latin.h"
#include "stem_kk.h"

/* The fingerprints of libexttextcat-data; configure defines it from
 * pkg-config. */
#ifndef HS_TEXTCAT_DIR
#define HS_TEXTCAT_DIR "/usr/share/libexttextcat"
#endif

struct hs_langid {
    void *textcat;
};

/* ISO 639-1, the codes returned (static storage). */
static const char iso639_1[][3] = {
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az",
    "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch",
    "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el",
    "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht",
    "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it",
    "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko",
    "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt",
    "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny",
    "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm",
    "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te",
    "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty",
    "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi", "yo",
    "za", "zh", "zu",
};

static const struct { const char *from, *to; } aliases[] = {
    { "iw", "he" }, { "in", "id" }, { "ji", "yi" }, { "jw", "jv" },
    { "mo", "ro" }, { "kz", "kk" }, { "sh", "sr" },
    { "eng", "en" }, { "rus", "ru" }, { "kaz", "kk" },
};

/* Languages written in Cyrillic, in another script than Latin or
 * Cyrillic, and in both Latin and Cyrillic; the rest are Latin. */
static const char *const cyrillic_langs[] = {
    "ab", "av", "ba", "be", "bg", "ce", "cu", "cv", "kv", "ky", "mk",
    "mn", "os", "ru", "tg", "tt", "uk",
};
static const char *const other_script_langs[] = {
    "am", "ar", "as", "bn", "bo", "dv", "dz", "el", "fa", "gu", "he", "hi",
    "hy", "ii", "iu", "ja", "ka", "km", "kn", "ko", "lo", "ml", "mr", "my",
    "ne", "or", "pa", "ps", "sa", "sd", "si", "ta", "te", "th", "ti", "ug",
    "ur", "yi", "zh",
};
static const char *const two_script_langs[] = { "az", "kk", "sr", "uz" };

/* Cyrillic languages that also write some of ә ғ қ ң ө ұ ү һ. */
static const char *const kazakh_kin[] = { "ba", "ky", "mn", "tg", "tt", "uz" };

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static int in_list(const char *code, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(code, list[i]) == 0)
            return 1;
    return 0;
}

static int is_beat_lang(const char *code)
{
    return !strcmp(code, "en") || !strcmp(code, "ru") || !strcmp(code, "kk");
}

enum { SCRIPT_ANY = 0, SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_OTHER };

static int script_of_lang(const char *code)
{
    if (in_list(code, cyrillic_langs, COUNT(cyrillic_langs)))
        return SCRIPT_CYRILLIC;
    if (in_list(code, other_script_langs, COUNT(other_script_langs)))
        return SCRIPT_OTHER;
    if (in_list(code, two_script_langs, COUNT(two_script_langs)))
        return SCRIPT_ANY;
    return SCRIPT_LATIN;
}

const char *hs_lang_code(const char *tag, size_t len)
{
    char code[4];
    size_t i = 0, n = 0;

    if (!tag)
        return NULL;
    while (i < len && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' ||
                       tag[i] == '\r'))
        i++;
    for (; i < len && tag[i] != '-' && tag[i] != '_'; i++) {
        char ch = tag[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
            break;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch < 'a' || ch > 'z' || n == 3)
            return NULL;
        code[n++] = ch;
    }
    code[n] = '\0';
    for (size_t a = 0; a < COUNT(aliases); a++)
        if (strcmp(code, aliases[a].from) == 0)
            return hs_lang_code(aliases[a].to, 2);
    if (n != 2)
        return NULL;
    for (size_t c = 0; c < COUNT(iso639_1); c++)
        if (strcmp(code, iso639_1[c]) == 0)
            return iso639_1[c];
    return NULL;
}

hs_langid *hs_langid_new(const char *datadir)
{
    char conf[4096], prefix[4096];
    if (!datadir)
        datadir = HS_TEXTCAT_DIR;
    int n1 = snprintf(conf, sizeof conf, "%s/fpdb.conf", datadir);
    int n2 = snprintf(prefix, sizeof prefix, "%s/", datadir);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof conf ||
        (size_t)n2 >= sizeof prefix)
        return NULL;
    /* libexttextcat would complain on stderr itself */
    FILE *probe = fopen(conf, "r");
    if (!probe)
        return NULL;
    fclose(probe);
    hs_langid *lid = calloc(1, sizeof *lid);
    if (!lid)
        return NULL;
    lid->textcat = special_textcat_Init(conf, prefix);
    if (!lid->textcat) {
        free(lid);
        return NULL;
    }
    return lid;
}

void hs_langid_free(hs_langid *lid)
{
    if (!lid)
        return;
    textcat_Done(lid->textcat);
    free(lid);
}

/* What the first HS_LANG_SAMPLE bytes hold. */
typedef struct sample {
    char text[HS_LANG_SAMPLE + 1]; /* valid UTF-8, bad bytes as spaces */
    size_t len;
    size_t latin, cyrillic, other; /* letters of each script */
    size_t cyrillic_words;
    size_t kazakh_words;           /* with one of ә ғ қ ң ө ұ ү һ */
    size_t kazakh_letters;         /* those and і */
    size_t latin_accented;         /* Latin letters beyond a-z: é ü ß ş ı ... */
    size_t latin_words, english_words; /* the latter: english_words[] */
    size_t cyrillic_beyond_russian; /* letters outside а-я, ё */
    size_t russian_only;           /* ы and э, which Ukrainian, Bulgarian,
                                      Serbian and Macedonian do not write */
} sample;

/* The commonest words of English news, a third of its words; sorted,
 * for bsearch. */
static const char *const english_words[] = {
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from",
    "had", "has", "have", "he", "his", "in", "is", "it", "its", "not", "of", "on",
    "or", "said", "that", "the", "their", "they", "this", "to", "was", "were",
    "which", "who", "will", "with", "would",
};

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_english_word(const char *w)
{
    return bsearch(&w, english_words, COUNT(english_words), sizeof english_words[0],
                   by_string) != NULL;
}

static int is_russian_letter(int32_t c)
{
    return (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451;
}

static int script_of_letter(int32_t c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7) ||
        (c >= 0x1E00 && c < 0x1F00))
        return SCRIPT_LATIN;
    if (c >= 0x400 && c < 0x530)
        return SCRIPT_CYRILLIC;
    return SCRIPT_OTHER;
}

/* Count a word that ends: its script, Kazakh letters, English. */
static void end_word(sample *s, int script, int kazakh, char *word, size_t len)
{
    if (script == SCRIPT_CYRILLIC) {
        s->cyrillic_words++;
        s->kazakh_words += (size_t)kazakh;
    } else if (script == SCRIPT_LATIN) {
        s->latin_words++;
        if (len < 8 && memchr(word, '\0', len) == NULL) {
            word[len] = '\0';
            s->english_words += (size_t)is_english_word(word);
        }
    }
}

static void take_sample(const char *text, size_t len, sample *s)
{
    size_t i = 0;
    int word_script = SCRIPT_ANY, word_kazakh = 0;
    char word[8]; /* a Latin word in lower case, while it is short and a-z */
    size_t word_len = 0;

    s->len = 0;
    s->latin = s->cyrillic = s->other = 0;
    s->cyrillic_words = s->kazakh_words = s->kazakh_letters = 0;
    s->latin_accented = s->latin_words = s->english_words = 0;
    s->cyrillic_beyond_russian = s->russian_only = 0;
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                                 (utf8proc_ssize_t)(len - i), &c);
        size_t n = step > 0 ? (size_t)step : 1;
        if (s->len + n > HS_LANG_SAMPLE)
            break;
        if (step <= 0 || c == 0)
            s->text[s->len++] = ' ';
        else {
            memcpy(s->text + s->len, text + i, n);
            s->len += n;
        }
        i += n;
        utf8proc_category_t cat =
            step > 0 ? utf8proc_category(c) : UTF8PROC_CATEGORY_CN;
        int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        int mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
        if (letter) {
            int script = script_of_letter(c);
            if (word_script == SCRIPT_ANY) {
                word_script = script;
                word_len = 0;
            }
            if (script == SCRIPT_LATIN) {
                s->latin++;
                int ascii = c < 0x80;
                s->latin_accented += (size_t)!ascii;
                if (word_len < sizeof word)
                    word[word_len] = ascii ? (char)(c | 0x20) : '\0';
                word_len++;
            } else if (script == SCRIPT_CYRILLIC) {
                s->cyrillic++;
                s->cyrillic_beyond_russian += (size_t)!is_russian_letter(c);
                s->russian_only += (size_t)(c == 0x44B || c == 0x42B || c == 0x44D || c == 0x42D);
            } else {
                s->other++;
            }
            if (hs_kk_letter(c))
                s->kazakh_letters++;
            if (hs_kk_letter_strong(c))
                word_kazakh = 1;
        } else if (!mark && word_script != SCRIPT_ANY) {
            end_word(s, word_script, word_kazakh, word, word_len);
            word_script = SCRIPT_ANY;
            word_kazakh = 0;
        }
    }
    if (word_script != SCRIPT_ANY)
        end_word(s, word_script, word_kazakh, word, word_len);
    s->text[s->len] = '\0';
}

static size_t letters_of(const sample *s)
{
    return s->latin + s->cyrillic + s->other;
}

/* The script of four fifths of the letters, if any. */
static int script_of_text(const sample *s)
{
    size_t all = letters_of(s);
    if (all < HS_LANG_MIN_LETTERS)
        return SCRIPT_ANY;
    if (s->latin * 5 >= all * 4)
        return SCRIPT_LATIN;
    if (s->cyrillic * 5 >= all * 4)
        return SCRIPT_CYRILLIC;
    if (s->other * 5 >= all * 4)
        return SCRIPT_OTHER;
    return SCRIPT_ANY;
}

static int kazakh_by_letters(const sample *s)
{
    return s->kazakh_words > 0 && s->kazakh_words * 5 >= s->cyrillic_words &&
           s->cyrillic >= s->latin;
}

/* textcat's guesses, best first, as ISO 639-1 codes (others dropped). */
#define MAX_GUESSES 8
typedef struct guesses {
    const char *code[MAX_GUESSES];
    size_t n;
    int alone; /* textcat found one language only */
} guesses;

/* "en--utf8", "zh-CN-utf8", "uz-Cyrl-utf8": the code before the dash. */
static const char *code_of_fingerprint(const char *name)
{
    const char *dash = strchr(name, '-');
    return hs_lang_code(name, dash ? (size_t)(dash - name) : strlen(name));
}

static void classify(const hs_langid *lid, const sample *s, guesses *g)
{
    g->n = 0;
    g->alone = 0;
    candidate_t *cands = textcat_GetClassifyFullOutput(lid->textcat);
    if (!cands)
        return;
    int n = textcat_ClassifyFull(lid->textcat, s->text, s->len, cands);
    for (int i = 0; i < n && g->n < MAX_GUESSES; i++) {
        const char *code = code_of_fingerprint(cands[i].name);
        if (code && !in_list(code, g->code, g->n))
            g->code[g->n++] = code;
    }
    g->alone = n == 1 && g->n == 1;
    textcat_ReleaseClassifyFullOutput(lid->textcat, cands);
}

static void drop_guess(guesses *g, const char *code)
{
    size_t j = 0;
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->code[i], code) != 0)
            g->code[j++] = g->code[i];
    if (j < g->n)
        g->alone = 0;
    g->n = j;
}

/* Rule 1 for Kazakh in one of its Latin alphabets (kk_latin.h): its
 * letters, and q, tell it from Turkish, Turkmen, Uzbek, Azerbaijani and
 * Hungarian, which textcat confuses it with. */
static int kazakh_latin_by_letters(const sample *s)
{
    return s->latin > s->cyrillic && hs_kk_latin_detect(s->text, s->len, 1) != HS_KK_LATIN_NONE;
}

/* Rules 1-3 of lang.h. */
static const char *detect(const sample *s, guesses *g)
{
    size_t letters = letters_of(s);
    if (kazakh_by_letters(s)) {
        if (g->alone && in_list(g->code[0], kazakh_kin, COUNT(kazakh_kin)))
            return g->code[0];
        return hs_lang_code("kk", 2);
    }
    if (kazakh_latin_by_letters(s))
        return hs_lang_code("kk", 2);
    if (s->kazakh_letters == 0)
        drop_guess(g, "kk");
    if (g->n == 0 || letters < HS_LANG_MIN_LETTERS)
        return NULL;
    if (letters >= HS_LANG_SURE_LETTERS)
        return g->code[0];
    /* a short text: among near ties the languages of the beat win, and
     * nothing else is believed */
    for (size_t i = 0; i < g->n; i++)
        if (is_beat_lang(g->code[i]))
            return g->code[i];
    return NULL;
}

/* English by its letters and words: no more than one letter in a hundred
 * beyond a-z (French, German, Turkish, Kazakh in Latin write more), and
 * English's commonest words a fifth of the words (of bbc-news' articles, a
 * third in the median, under a fifth in 1 of 200; of Latin filler text,
 * 4%). */
static int english_by_words(const sample *s)
{
    return s->latin_accented * 100 <= s->latin && s->english_words * 5 >= s->latin_words;
}

/* Rule 0 of lang.h: English and Russian by their letters and words alone,
 * or NULL when those do not settle it. */
static const char *by_script(const sample *s)
{
    /* a few words prove nothing: "Crisi di governo a Roma" has its fifth
     * of English words, a Kazakh headline may lack Kazakh letters */
    if (letters_of(s) < HS_LANG_SURE_LETTERS)
        return NULL;
    switch (script_of_text(s)) {
    case SCRIPT_LATIN:
        return english_by_words(s) ? hs_lang_code("en", 2) : NULL;
    case SCRIPT_CYRILLIC:
        /* only the Russian alphabet (no Kazakh, Ukrainian, Belarusian,
         * Serbian, Macedonian... letter), and ы or э, which Bulgarian has
         * not */
        if (s->cyrillic_beyond_russian == 0 && s->russian_only > 0)
            return hs_lang_code("ru", 2);
        return NULL;
    default:
        return NULL;
    }
}

/* Rule 4: does the text strongly contradict the declared code? */
static int contradicts(const sample *s, const guesses *g, const char *code)
{
    int script = script_of_text(s), expected = script_of_lang(code);
    if (script != SCRIPT_ANY && expected != SCRIPT_ANY && script != expected)
        return 1;
    int kazakh = kazakh_by_letters(s) || kazakh_latin_by_letters(s);
    if (!strcmp(code, "kk")) {
        if (kazakh)
            return 0;
        /* in Latin letters, but not Kazakh's, or in another script */
        if (script == SCRIPT_LATIN || script == SCRIPT_OTHER)
            return 1;
        /* Kazakh writes і, ә, ө... every few words: a dozen Cyrillic
         * words without one are Russian (a feed's Russian items under
         * its one <language>kk</language>) */
        if (s->cyrillic_words >= 2 * HS_LANG_PASSAGE_WORDS && s->kazakh_letters == 0)
            return 1;
    } else if (kazakh && !in_list(code, kazakh_kin, COUNT(kazakh_kin))) {
        return 1;
    }
    return letters_of(s) >= HS_LANG_SURE_LETTERS && g->alone &&
           strcmp(g->code[0], code) != 0;
}

const char *hs_lang_detect(const hs_langid *lid, const char *text, size_t len,
                           const char *declared)
{
    sample s;
    guesses g = { { NULL }, 0, 0 };

    take_sample(text ? text : "", text ? len : 0, &s);
    const char *code = declared ? hs_lang_code(declared, strlen(declared)) : NULL;
    /* the identifier is a fifth of an indexer's time: not asked when the
     * letters and words already agree with the declaration, or decide */
    const char *plain = by_script(&s);
    if (plain && (!code || code == plain))
        return plain;
    if (lid && letters_of(&s) >= HS_LANG_MIN_LETTERS)
        classify(lid, &s, &g);
    const char *found = detect(&s, &g);
    if (!code)
        return found;
    return contradicts(&s, &g, code) ? found : code;
}

const char *hs_passage_stem_lang(const char *article_lang, const char *text, size_t len)
{
    if (!article_lang || !text || (strcmp(article_lang, "kk") != 0 &&
                                   strcmp(article_lang, "ru") != 0))
        return article_lang;
    sample s;
    take_sample(text, len, &s);
    if (!strcmp(article_lang, "kk") && s.latin > s.cyrillic) {
        /* an English paragraph (a quote, a wire item) is English */
        if (s.latin_words >= HS_LANG_PASSAGE_WORDS && english_by_words(&s))
            return hs_lang_code("en", 2);
        return hs_kk_latin_lang(hs_kk_latin_detect(s.text, s.len, 0));
    }
    if (!strcmp(article_lang, "kk"))
        return s.cyrillic_words >= HS_LANG_PASSAGE_WORDS && s.kazakh_letters == 0 &&
                       script_of_text(&s) == SCRIPT_CYRILLIC
                   ? hs_lang_code("ru", 2)
                   : article_lang;
    return s.cyrillic_words >= HS_LANG_PASSAGE_WORDS && kazakh_by_letters(&s)
               ? hs_lang_code("kk", 2)
               : article_lang;
}
