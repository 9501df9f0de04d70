/* date.c - recognising the date line of an article; see date.h.
 *
 * A tiny hand-written parser over one line: a cursor walks the bytes and
 * each form is tried from the start until one consumes the whole line.
 */
#include "date.h"

#include <string.h>
#include <strings.h>

#include <utf8proc.h>

typedef struct cursor {
    const char *s;
    size_t pos, end;
} cursor;

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

/* Length of the code point at s[0..len) if it is white space as Python's
 * str.isspace() sees it (category Zs, or a control that separates), else 0. */
static size_t space_len(const char *s, size_t len, int allow_line_breaks)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)len, &cp);
    if (n <= 0)
        return 0;
    if (cp == '\t' || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
        return (size_t)n;
    if (!allow_line_breaks)
        return 0;
    if ((cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) ||
        cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return (size_t)n;
    return 0;
}

/* Skip blanks inside the line (no line breaks); how many were skipped. */
static size_t skip_blanks(cursor *c)
{
    size_t start = c->pos, n;
    while (c->pos < c->end &&
           (n = space_len(c->s + c->pos, c->end - c->pos, 0)) > 0)
        c->pos += n;
    return c->pos - start;
}

static int peek(const cursor *c)
{
    return c->pos < c->end ? (unsigned char)c->s[c->pos] : -1;
}

static int accept_char(cursor *c, char ch)
{
    if (peek(c) != (unsigned char)ch)
        return 0;
    c->pos++;
    return 1;
}

static int is_digit(int ch)
{
    return ch >= '0' && ch <= '9';
}

static int is_ascii_letter(int ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Read between min and max decimal digits (and no more) into *value. */
static int read_number(cursor *c, size_t min, size_t max, int *value)
{
    size_t n = 0;
    int v = 0;
    while (is_digit(peek(c))) {
        if (++n > max)
            return 0;
        v = v * 10 + (peek(c) - '0');
        c->pos++;
    }
    if (n < min)
        return 0;
    *value = v;
    return 1;
}

static int read_year(cursor *c, int *year)
{
    return read_number(c, 4, 4, year) && *year >= 1000;
}

static int read_day(cursor *c, int *day)
{
    return read_number(c, 1, 2, day);
}

/* An English month name, in full or abbreviated to its first three letters
 * (or "Sept"), any case, with an optional dot after a short form.
 * Stores 1-12 in *month. */
static int read_month_name(cursor *c, int *month)
{
    size_t start = c->pos;
    while (is_ascii_letter(peek(c)))
        c->pos++;
    size_t n = c->pos - start;
    if (n < 3)
        return 0;
    char word[16];
    if (n >= sizeof word)
        return 0;
    for (size_t i = 0; i < n; i++)
        word[i] = (char)(c->s[start + i] | 0x20); /* ASCII lower case */
    word[n] = '\0';
    for (int m = 0; m < 12; m++) {
        const char *full = month_names[m];
        int whole = strcmp(word, full) == 0;
        int abbrev = (n == 3 && strncmp(word, full, 3) == 0) ||
                     (m == 8 && strcmp(word, "sept") == 0);
        if (!whole && !abbrev)
            continue;
        if (n <= 4)
            accept_char(c, '.');
        *month = m + 1;
        return 1;
    }
    return 0;
}

static int is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && is_leap_year(year))
        return 29;
    return days[month - 1];
}

static int valid_date(int year, int month, int day)
{
    return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 &&
           day >= 1 && day <= days_in_month(year, month);
}

/* "2023-02-20" or "2023/02/20": one separator, used twice. */
static int parse_year_first(cursor *c, int *y, int *m, int *d)
{
    if (!read_year(c, y))
        return 0;
    char sep = (char)peek(c);
    if (sep != '-' && sep != '/')
        return 0;
    c->pos++;
    return read_day(c, m) && accept_char(c, sep) && read_day(c, d);
}


/* Month names in words: Russian (genitive, nominative and the usual
 * abbreviations) and Kazakh, in Cyrillic and in Kazakh's 2018 and 2021
 * Latin alphabets. */
enum { RUSSIAN = 1, KAZAKH = 2 };

typedef struct month_word {
    const char *name;
    int month;
    int lang;
    int abbreviation; /* may take a dot */
} month_word;

static const month_word month_words[] = {
    { "января", 1, RUSSIAN, 0 },   { "февраля", 2, RUSSIAN, 0 },
    { "марта", 3, RUSSIAN, 0 },    { "апреля", 4, RUSSIAN, 0 },
    { "мая", 5, RUSSIAN, 0 },      { "июня", 6, RUSSIAN, 0 },
    { "июля", 7, RUSSIAN, 0 },     { "августа", 8, RUSSIAN, 0 },
    { "сентября", 9, RUSSIAN, 0 }, { "октября", 10, RUSSIAN, 0 },
    { "ноября", 11, RUSSIAN, 0 },  { "декабря", 12, RUSSIAN, 0 },
    { "январь", 1, RUSSIAN, 0 },   { "февраль", 2, RUSSIAN, 0 },
    { "март", 3, RUSSIAN, 0 },     { "апрель", 4, RUSSIAN, 0 },
    { "май", 5, RUSSIAN, 0 },      { "июнь", 6, RUSSIAN, 0 },
    { "июль", 7, RUSSIAN, 0 },     { "август", 8, RUSSIAN, 0 },
    { "сентябрь", 9, RUSSIAN, 0 }, { "октябрь", 10, RUSSIAN, 0 },
    { "ноябрь", 11, RUSSIAN, 0 },  { "декабрь", 12, RUSSIAN, 0 },
    { "янв", 1, RUSSIAN, 1 },      { "фев", 2, RUSSIAN, 1 },
    { "февр", 2, RUSSIAN, 1 },     { "мар", 3, RUSSIAN, 1 },
    { "апр", 4, RUSSIAN, 1 },      { "июн", 6, RUSSIAN, 1 },
    { "июл", 7, RUSSIAN, 1 },      { "авг", 8, RUSSIAN, 1 },
    { "сен", 9, RUSSIAN, 1 },      { "сент", 9, RUSSIAN, 1 },
    { "окт", 10, RUSSIAN, 1 },     { "ноя", 11, RUSSIAN, 1 },
    { "нояб", 11, RUSSIAN, 1 },    { "дек", 12, RUSSIAN, 1 },
    { "қаңтар", 1, KAZAKH, 0 },    { "ақпан", 2, KAZAKH, 0 },
    { "наурыз", 3, KAZAKH, 0 },    { "сәуір", 4, KAZAKH, 0 },
    { "мамыр", 5, KAZAKH, 0 },     { "маусым", 6, KAZAKH, 0 },
    { "шілде", 7, KAZAKH, 0 },     { "тамыз", 8, KAZAKH, 0 },
    { "қыркүйек", 9, KAZAKH, 0 },  { "қазан", 10, KAZAKH, 0 },
    { "қараша", 11, KAZAKH, 0 },   { "желтоқсан", 12, KAZAKH, 0 },
    /* Kazakh in its 2018 and 2021 Latin alphabets (doc/kazakh-latin.md) */
    { "qańtar", 1, KAZAKH, 0 },    { "qañtar", 1, KAZAKH, 0 },
    { "aqpan", 2, KAZAKH, 0 },     { "naýryz", 3, KAZAKH, 0 },
    { "nauryz", 3, KAZAKH, 0 },    { "sáýir", 4, KAZAKH, 0 },
    { "säuır", 4, KAZAKH, 0 },     { "mamyr", 5, KAZAKH, 0 },
    { "maýsym", 6, KAZAKH, 0 },    { "mausym", 6, KAZAKH, 0 },
    { "shilde", 7, KAZAKH, 0 },    { "şılde", 7, KAZAKH, 0 },
    { "tamyz", 8, KAZAKH, 0 },     { "qyrkúıek", 9, KAZAKH, 0 },
    { "qyrküiek", 9, KAZAKH, 0 },  { "qazan", 10, KAZAKH, 0 },
    { "qarasha", 11, KAZAKH, 0 },  { "qaraşa", 11, KAZAKH, 0 },
    { "jeltoqsan", 12, KAZAKH, 0 },
};

/* Words that may follow or precede the year: "года", "г.", "жылғы", "ж.". */
typedef struct year_word {
    const char *word;
    int lang;
    int abbreviation;
} year_word;

static const year_word years_after[] = {
    { "года", RUSSIAN, 0 }, { "год", RUSSIAN, 0 }, { "г", RUSSIAN, 1 },
    { "жыл", KAZAKH, 0 },   { "ж", KAZAKH, 1 },   { "jyl", KAZAKH, 0 },
};

static const year_word years_before[] = {
    { "жылғы", KAZAKH, 0 }, { "жылы", KAZAKH, 0 }, { "ж", KAZAKH, 1 },
    { "jylǵy", KAZAKH, 0 }, { "jylğy", KAZAKH, 0 }, { "jyly", KAZAKH, 0 },
};

/* Read a run of letters (any script) as lower case into word; 0 when
 * there is none or it is too long for any name we know. */
static int read_word(cursor *c, char word[32])
{
    size_t n = 0;
    while (c->pos < c->end) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)c->s + c->pos,
                                                 (utf8proc_ssize_t)(c->end - c->pos), &cp);
        if (step <= 0)
            break;
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO)
            break;
        utf8proc_uint8_t lower[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), lower);
        if (m <= 0 || n + (size_t)m >= 32)
            return 0;
        memcpy(word + n, lower, (size_t)m);
        n += (size_t)m;
        c->pos += (size_t)step;
    }
    word[n] = '\0';
    return n > 0;
}

/* A month name in words (Russian or Kazakh, in Cyrillic, or Kazakh in
 * Latin letters): 1-12 in *month, its language in *lang. */
static int read_month_word(cursor *c, int *month, int *lang)
{
    char word[32];
    if (!read_word(c, word))
        return 0;
    for (size_t i = 0; i < sizeof month_words / sizeof month_words[0]; i++) {
        const month_word *m = &month_words[i];
        if (strcmp(word, m->name) != 0)
            continue;
        if (m->abbreviation)
            accept_char(c, '.');
        *month = m->month;
        *lang = m->lang;
        return 1;
    }
    return 0;
}

/* One of the words of list in language lang (any when 0), with its dot
 * when it is an abbreviation. */
static int read_year_word(cursor *c, const year_word *list, size_t n, int lang)
{
    char word[32];
    if (!read_word(c, word))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(word, list[i].word) != 0 || (lang && list[i].lang != lang))
            continue;
        if (list[i].abbreviation)
            accept_char(c, '.'); /* "2023 г" is seen without it too */
        return 1;
    }
    return 0;
}

/* After the year, optionally: "года", "г.", "жыл", "ж." (the year may be
 * glued to it: "2023г."). */
static int year_suffix(cursor *c, int lang)
{
    size_t back = c->pos;
    skip_blanks(c);
    if (c->pos == c->end) {
        c->pos = back;
        return 1;
    }
    return read_year_word(c, years_after, sizeof years_after / sizeof years_after[0],
                          lang);
}

/* "20 февраля 2023 года", "20 февраля 2023 г.", "20 ФЕВ. 2023",
 * "20 ақпан 2023 ж." */
static int parse_day_first_cyrillic(cursor *c, int *y, int *m, int *d)
{
    int lang;
    return read_day(c, d) && skip_blanks(c) && read_month_word(c, m, &lang) &&
           skip_blanks(c) && read_year(c, y) && year_suffix(c, lang);
}

/* "2023 жылғы 20 ақпан", "2023 ж. 20 ақпан" */
static int parse_year_first_kazakh(cursor *c, int *y, int *m, int *d)
{
    int lang;
    return read_year(c, y) && skip_blanks(c) &&
           read_year_word(c, years_before, sizeof years_before / sizeof years_before[0],
                          KAZAKH) &&
           skip_blanks(c) && read_day(c, d) && skip_blanks(c) &&
           read_month_word(c, m, &lang) && lang == KAZAKH;
}

/* "20.02.2023", "20.02.2023 г.", "20.02.2023 ж." */
static int parse_dotted(cursor *c, int *y, int *m, int *d)
{
    return read_day(c, d) && accept_char(c, '.') && read_day(c, m) &&
           accept_char(c, '.') && read_year(c, y) && year_suffix(c, 0);
}

/* "20 February 2023", "20 Feb 2023", "20 Feb. 2023" */
static int parse_day_first(cursor *c, int *y, int *m, int *d)
{
    return read_day(c, d) && skip_blanks(c) && read_month_name(c, m) &&
           skip_blanks(c) && read_year(c, y);
}

/* "February 20, 2023", "Feb 20, 2023", "Feb. 20 2023" */
static int parse_month_first(cursor *c, int *y, int *m, int *d)
{
    if (!read_month_name(c, m) || !skip_blanks(c) || !read_day(c, d))
        return 0;
    int comma = accept_char(c, ',');
    return (skip_blanks(c) || comma) && read_year(c, y);
}

typedef int (*date_form)(cursor *c, int *y, int *m, int *d);

/* Day names that may open a date line ("Monday, March 20, 2023"), lower
 * case: English in full or abbreviated, Russian and Kazakh in full. */
static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі",
};

/* Skip a day name at the start, with its dot or comma and the blanks
 * after it. */
static void skip_weekday(cursor *c)
{
    cursor w = *c;
    char word[32];
    if (!read_word(&w, word))
        return;
    for (size_t i = 0; i < sizeof weekdays / sizeof weekdays[0]; i++)
        if (strcmp(word, weekdays[i]) == 0) {
            accept_char(&w, '.');
            accept_char(&w, ',');
            if (skip_blanks(&w) || peek(&w) != -1)
                *c = w;
            return;
        }
}

/* Whether s[from..to) is a time zone: 2-5 capitals (GMT, BST, ALMT) or
 * an offset (+06:00, -0500). */
static int is_zone(const char *s, size_t from, size_t to)
{
    size_t n = to - from, caps = 0;
    if (n >= 3 && n <= 6 && (s[from] == '+' || s[from] == '-')) {
        for (size_t i = from + 1; i < to; i++)
            if (!is_digit((unsigned char)s[i]) && s[i] != ':')
                return 0;
        return 1;
    }
    for (size_t i = from; i < to; i++)
        caps += s[i] >= 'A' && s[i] <= 'Z';
    return n >= 2 && n <= 5 && caps == n;
}

/* The start of the last word of s[start..end), after a blank; end when
 * there is no such word. */
static size_t last_word(const char *s, size_t start, size_t end)
{
    size_t j = end;
    while (j > start && s[j - 1] != ' ')
        j--;
    return j > start ? j : end;
}

/* Where a time of day that closes a date line begins ("20 February 2023
 * 10:15", "March 20, 2023, 10:15 GMT", "... at 9:05 am"): HH:MM, maybe
 * :SS, maybe am or pm, maybe a zone; before it a comma, "at", "-" or "|".
 * end when there is none. */
static size_t time_start(const char *s, size_t start, size_t end)
{
    size_t i = end, w = last_word(s, start, i);
    if (w < i && is_zone(s, w, i))
        i = w - 1;
    w = last_word(s, start, i);
    if (w + 2 == i && (strncasecmp(s + w, "am", 2) == 0 || strncasecmp(s + w, "pm", 2) == 0))
        i = w - 1;
    /* HH:MM or HH:MM:SS */
    size_t k = i, colons = 0, digits = 0;
    while (k > start && (is_digit((unsigned char)s[k - 1]) || s[k - 1] == ':')) {
        colons += s[k - 1] == ':';
        digits += s[k - 1] != ':';
        k--;
    }
    if (colons < 1 || colons > 2 || digits < 3 || k == start || s[k - 1] != ' ')
        return end;
    /* what joins it to the date */
    size_t at = k - 1;
    while (at > start && s[at - 1] == ' ')
        at--;
    if (at > start && (s[at - 1] == ',' || s[at - 1] == '-' || s[at - 1] == '|'))
        at--;
    else if (at >= start + 3 && strncmp(s + at - 2, "at", 2) == 0 && s[at - 3] == ' ')
        at -= 2;
    return at;
}

static void format_iso(int y, int m, int d, char out[11])
{
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

int hs_date_parse(const char *s, size_t len, char out[11])
{
    static const date_form forms[] = {
        parse_year_first, parse_dotted, parse_day_first, parse_month_first,
        parse_day_first_cyrillic, parse_year_first_kazakh,
    };
    size_t start = 0, end = len, n;

    if (!s)
        return -1;
    while (start < end && (n = space_len(s + start, end - start, 1)) > 0)
        start += n;
    /* Trailing white space: step back over whole code points. */
    for (;;) {
        size_t back = 1;
        while (back < 4 && back < end - start &&
               ((unsigned char)s[end - back] & 0xC0) == 0x80)
            back++;
        if (end - start < back ||
            space_len(s + end - back, back, 1) != back)
            break;
        end -= back;
    }
    /* a day name before the date, a time after it */
    cursor head = { s, start, end };
    skip_weekday(&head);
    size_t ends[2] = { end, time_start(s, head.pos, end) };
    for (size_t e = 0; e < 2; e++) {
        while (ends[e] > head.pos && s[ends[e] - 1] == ' ')
            ends[e]--;
        if (e == 1 && ends[1] == ends[0])
            break; /* no time to cut: the first pass tried this */
        for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
            cursor c = { s, head.pos, ends[e] };
            int y = 0, m = 0, d = 0;
            if (forms[i](&c, &y, &m, &d) && c.pos == ends[e] && valid_date(y, m, d)) {
                format_iso(y, m, d, out);
                return 0;
            }
        }
    }
    return -1;
}

/* The longest number of a time ago: six digits, 2,700 years of days. */
#define RELATIVE_MAX_DIGITS 6

int hs_date_relative(const char *s, size_t len, time_t now, char out[11])
{
    if (!s || len < 2 || len > RELATIVE_MAX_DIGITS + 1)
        return -1;
    long n = 0;
    for (size_t i = 0; i + 1 < len; i++) {
        if (!is_digit((unsigned char)s[i]))
            return -1;
        n = n * 10 + (s[i] - '0');
    }
    struct tm tm;
    char unit = s[len - 1];
    if (unit == 'd' || unit == 'w') {
        time_t then = now - (time_t)n * (unit == 'w' ? 7 : 1) * 86400;
        if (!gmtime_r(&then, &tm))
            return -1;
    } else if ((unit == 'm' || unit == 'y') && gmtime_r(&now, &tm)) {
        long months = (tm.tm_year + 1900L) * 12 + tm.tm_mon - (unit == 'm' ? n : n * 12);
        if (months < 1000 * 12)
            return -1;
        tm.tm_year = (int)(months / 12 - 1900);
        tm.tm_mon = (int)(months % 12);
        int last = days_in_month(tm.tm_year + 1900, tm.tm_mon + 1);
        if (tm.tm_mday > last)
            tm.tm_mday = last;
    } else {
        return -1;
    }
    int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
    if (!valid_date(y, m, d))
        return -1;
    format_iso(y, m, d, out);
    return 0;
}
