/* translit.c - the transliteration key of a name; see translit.h for the
 * table and the rules.
 *
 * Everything happens in fixed buffers on the stack: a word of at most
 * MAX_LETTERS letters becomes at most two ASCII letters each (ц = ts),
 * and folding at most doubles that (x = ks).
 */
#include "translit.h"

#include "stem.h"
#include "stopwords.h"

#include <string.h>

#include <utf8proc.h>

#define MAX_LETTERS 48
#define RAW_MAX (MAX_LETTERS * 4 + 1)
/* Letters an ending must leave (the final vowel: MIN_BASE_LAST). */
#define MIN_BASE 4
#define MIN_BASE_LAST 3

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* а (U+0430) to я (U+044F), already folded (step 2): ж j, х k, щ sh. */
static const char *const russian[32] = {
    "a", "b", "v",  "g",  "d",  "e",    "j",  "z", /* а б в г д е ж з */
    "i", "y", "k",  "l",  "m",  "n",    "o",  "p", /* и й к л м н о п */
    "r", "s", "t",  "u",  "f",  "k",    "ts", "ch", /* р с т у ф х ц ч */
    "sh", "sh", "", "i", "",   "e",     "yu", "ya", /* ш щ ъ ы ь э ю я */
};

typedef struct letter {
    int32_t cp;
    const char *latin;
} letter;

/* Other letters, folded too. */
static const letter other_letters[] = {
    { 0x451, "e" },  /* ё */
    { 0x4D9, "a" },  /* ә */
    { 0x493, "g" },  /* ғ */
    { 0x49B, "k" },  /* қ */
    { 0x4A3, "n" },  /* ң */
    { 0x4E9, "o" },  /* ө */
    { 0x4B1, "u" },  /* ұ */
    { 0x4AF, "u" },  /* ү */
    { 0x4BB, "h" },  /* һ */
    { 0x456, "i" },  /* і */
    { 0x454, "ye" }, /* є */
    { 0x457, "yi" }, /* ї */
    { 0x491, "g" },  /* ґ */
    { 0x45E, "u" },  /* ў */
    { 0xE7, "ch" },  /* ç */
    { 0x15F, "sh" }, /* ş */
    { 0x131, "i" },  /* ı */
    { 0xDF, "ss" },  /* ß */
    { 0xE6, "ae" },  /* æ */
    { 0x153, "oe" }, /* œ */
    { 0xF8, "o" },   /* ø */
    { 0x142, "l" },  /* ł */
    { 0x111, "d" },  /* đ */
    { 0xFE, "t" },   /* þ */
};

static int is_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2BC;
}

static int is_hyphen(int32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* The Latin letters of one lower-case letter, or NULL if it has none;
 * *plain is set for the letters a-z (also once stripped of accents),
 * which step 2 still has to fold. */
static const char *latin_of(int32_t c, char ascii[2], int *plain)
{
    *plain = 0;
    if (c >= 0x430 && c <= 0x44F)
        return russian[c - 0x430];
    for (size_t i = 0; i < COUNT(other_letters); i++)
        if (other_letters[i].cp == c)
            return other_letters[i].latin;
    if (c >= 0xC0 && c < 0x250) { /* Latin-1 and Latin Extended */
        utf8proc_int32_t base[4];
        int bound = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(
            c, base, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &bound);
        if (n < 1)
            return NULL;
        c = base[0];
    }
    if (c < 'a' || c > 'z')
        return NULL;
    ascii[0] = (char)c;
    ascii[1] = '\0';
    *plain = 1;
    return ascii;
}

/* Step 1: the word in Latin letters, in raw[], with plain[i] set for the
 * letters still to fold; 0, or -1 when the word gets no key. */
static int romanise(const char *word, size_t len, char raw[RAW_MAX],
                    char plain[RAW_MAX])
{
    size_t i = 0, r = 0, letters = 0;
    raw[0] = '\0';
    while (i < len) {
        utf8proc_int32_t c;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)word + i,
                                                 (utf8proc_ssize_t)(len - i), &c);
        if (step <= 0)
            return -1;
        i += (size_t)step;
        c = utf8proc_tolower(c);
        if (is_apostrophe(c)) {
            if (i + 1 == len && (word[i] == 's' || word[i] == 'S'))
                break; /* Tokayev's */
            continue;
        }
        if (is_hyphen(c))
            continue;
        char ascii[2];
        int is_plain;
        const char *latin = latin_of(c, ascii, &is_plain);
        if (!latin || ++letters > MAX_LETTERS)
            return -1;
        if (c == 0x436 && r > 0 && raw[r - 1] == 'd' && !plain[r - 1])
            r--; /* дж is j, as dzh is */
        for (; *latin; latin++, r++) {
            raw[r] = *latin;
            plain[r] = (char)is_plain;
        }
        raw[r] = '\0';
    }
    return 0;
}

static int is_key_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Step 2: fold the Latin spellings of one sound together, and glides;
 * returns the length.  Only plain letters are folded, so that the letters
 * of Cyrillic с + х never read as sh. */
static size_t fold(const char *raw, const char *plain, char *out)
{
    static const struct { const char *from, *to; } digraphs[] = {
        { "shch", "sh" }, { "sch", "sh" }, { "dzh", "j" }, { "tch", "ch" },
        { "zh", "j" },    { "dj", "j" },   { "kh", "k" },  { "sh", "sh" },
        { "ch", "ch" },   { "ph", "f" },   { "th", "t" },  { "gh", "g" },
        { "ck", "k" },    { "tz", "ts" },  { "c", "k" },   { "q", "k" },
        { "x", "ks" },    { "w", "v" },
    };
    size_t n = 0, i = 0;
    while (raw[i]) {
        size_t d = COUNT(digraphs), len = 0;
        if (plain[i]) {
            for (d = 0; d < COUNT(digraphs); d++) {
                len = strlen(digraphs[d].from);
                if (strncmp(raw + i, digraphs[d].from, len) == 0 &&
                    memchr(plain + i, 0, len) == NULL)
                    break;
            }
        }
        if (d < COUNT(digraphs)) {
            size_t m = strlen(digraphs[d].to);
            memcpy(out + n, digraphs[d].to, m);
            n += m;
            i += len;
        } else if (raw[i] == 'y') {
            if (!is_key_vowel(raw[i + 1]))
                out[n++] = 'i'; /* before a vowel y is a glide: dropped */
            i++;
        } else {
            out[n++] = raw[i++];
        }
    }
    out[n] = '\0';
    return n;
}

/* What may come before an ending, by the key's last letter. */
enum {
    K_VOWEL = 1 << 0,
    K_R = 1 << 1,      /* r, and u, which is also у as a glide */
    K_L = 1 << 2,
    K_MN = 1 << 3,
    K_ZH = 1 << 4,     /* z j */
    K_VOICELESS = 1 << 5, /* other consonants */
    K_I = 1 << 6,      /* i, as a 3rd person possessive */
    K_VN = 1 << 7,     /* v n: Russian surnames in -ov, -ev, -in */
};
#define K_CONSONANT (K_R | K_L | K_MN | K_ZH | K_VOICELESS)
#define K_VOICED (K_VOWEL | K_R | K_L | K_MN | K_ZH)

static unsigned key_class(char c)
{
    switch (c) {
    case 'i':
        return K_VOWEL | K_I;
    case 'u':
        return K_VOWEL | K_R;
    case 'a': case 'e': case 'o':
        return K_VOWEL;
    case 'r':
        return K_R;
    case 'l':
        return K_L;
    case 'n':
        return K_MN | K_VN;
    case 'm':
        return K_MN;
    case 'z': case 'j':
        return K_ZH;
    case 'v':
        return K_VOICELESS | K_VN;
    default:
        return K_VOICELESS;
    }
}

typedef struct key_ending {
    const char *text;
    unsigned after;
} key_ending;

/* Longest first. */
static const key_ending kazakh_endings[] = {
    { "ndagi", K_I }, { "ndegi", K_I },
    { "dagi", K_VOICED }, { "degi", K_VOICED },
    { "tagi", K_VOICELESS }, { "tegi", K_VOICELESS },
    { "nin", K_VOWEL | K_MN }, { "din", K_R | K_L | K_ZH }, { "tin", K_VOICELESS },
    { "dan", K_VOWEL | K_R | K_L | K_ZH }, { "den", K_VOWEL | K_R | K_L | K_ZH },
    { "nan", K_MN | K_I }, { "nen", K_MN | K_I },
    { "tan", K_VOICELESS }, { "ten", K_VOICELESS },
    { "men", K_VOWEL | K_R | K_L }, { "ben", K_MN | K_ZH }, { "pen", K_VOICELESS },
    { "nda", K_I }, { "nde", K_I },
    { "ga", K_VOICED }, { "ge", K_VOICED },
    { "ka", K_VOICELESS }, { "ke", K_VOICELESS },
    { "da", K_VOICED }, { "de", K_VOICED },
    { "ta", K_VOICELESS }, { "te", K_VOICELESS },
    /* no -ni: Астаны (Russian) is commoner than Астананы (Kazakh) */
    { "di", K_R | K_L | K_MN | K_ZH }, { "ti", K_VOICELESS },
};

static const key_ending russian_endings[] = {
    { "ogo", K_CONSONANT }, { "ego", K_CONSONANT },
    { "omu", K_CONSONANT }, { "emu", K_CONSONANT },
    { "om", K_CONSONANT }, { "oi", K_CONSONANT },
    { "im", K_VN }, { "ih", K_VN },
};

/* Letters of k[0..n) once doubles are collapsed. */
static size_t collapsed_len(const char *k, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || k[i] != k[i - 1])
            m++;
    return m;
}

static int is_consonant(char c)
{
    return !is_key_vowel(c);
}

/* Take the first ending of the list that fits off k[0..*n). */
static void strip_ending(const char *k, size_t *n, const key_ending *list,
                         size_t count)
{
    for (size_t i = 0; i < count; i++) {
        size_t el = strlen(list[i].text);
        if (el >= *n || memcmp(k + *n - el, list[i].text, el) != 0)
            continue;
        size_t base = *n - el;
        if (collapsed_len(k, base) < MIN_BASE ||
            !(key_class(k[base - 1]) & list[i].after))
            continue;
        /* Kazakhstan, Uzbekistan: -stan after a consonant is no ablative */
        if ((!strcmp(list[i].text, "tan") || !strcmp(list[i].text, "ten")) &&
            k[base - 1] == 's' && base >= 2 && is_consonant(k[base - 2]))
            continue;
        *n = base;
        return;
    }
}

/* Step 3. */
static size_t strip_endings(const char *k, size_t n)
{
    strip_ending(k, &n, kazakh_endings, COUNT(kazakh_endings));
    strip_ending(k, &n, russian_endings, COUNT(russian_endings));
    if (n > 0 && is_key_vowel(k[n - 1])) {
        size_t j = n;
        while (j > 0 && k[j - 1] == k[n - 1])
            j--;
        if (collapsed_len(k, j) >= MIN_BASE_LAST)
            n = j;
    }
    return n;
}

int hs_translit_key(const char *word, size_t len, hs_buf *out)
{
    char raw[RAW_MAX], plain[RAW_MAX], folded[RAW_MAX * 2], key[RAW_MAX * 2];

    if (!word || romanise(word, len, raw, plain) < 0)
        return 0;
    size_t n = strip_endings(folded, fold(raw, plain, folded));
    size_t m = 0;
    for (size_t i = 0; i < n; i++) /* step 4 */
        if (i == 0 || folded[i] != folded[i - 1])
            key[m++] = folded[i];
    if (m < HS_TRANSLIT_MIN_KEY)
        return 0;
    if (hs_buf_append(out, key, m) < 0)
        return -1;
    return (int)m;
}

static int is_stopword(const char *term, size_t len)
{
    char word[32];
    if (len >= sizeof word)
        return 0;
    memcpy(word, term, len);
    word[len] = '\0';
    return hs_is_stopword(word);
}

int hs_translit_maybe_name(const char *text, size_t at, const char *term, size_t len)
{
    utf8proc_int32_t cp;
    return utf8proc_iterate((const utf8proc_uint8_t *)text + at, -1, &cp) > 0 &&
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LL &&
           hs_script_of(term, len) == HS_SCRIPT_LATIN && !is_stopword(term, len);
}

int hs_is_acronym(const char *text, size_t at)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)text + at;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    size_t letters = 0;
    while ((n = utf8proc_iterate(p, -1, &cp)) > 0 && cp != 0) {
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
            cat == UTF8PROC_CATEGORY_LO)
            return 0;
        if (cat != UTF8PROC_CATEGORY_LU)
            break;
        letters++;
        p += n;
    }
    return letters >= 2 && letters <= 4;
}

int hs_translit_wanted(const char *text, size_t at, const char *term, size_t len)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)text + at, -1, &cp) <= 0)
        return 0;
    /* a stop word is no name, even capitalised: "Not" would meet "Note" */
    if (is_stopword(term, len))
        return 0;
    /* nor is an acronym: its letters spell no sound, so ОСК (the Kazakh
     * election commission), OSCE and Өскемен would share a key; the
     * thesaurus joins the acronyms that mean the same */
    if (hs_is_acronym(text, at))
        return 0;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT ||
           hs_script_of(term, len) == HS_SCRIPT_CYRILLIC;
}
