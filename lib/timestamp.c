/* timestamp.c - ISO 8601 and RFC 822 timestamps; see timestamp.h. */
#include "timestamp.h"

#include <stdio.h>
#include <string.h>

#include "date.h"

typedef struct cursor {
    const char *s;
    size_t pos, end;
} cursor;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int peek(const cursor *c)
{
    return c->pos < c->end ? (unsigned char)c->s[c->pos] : -1;
}

static int accept(cursor *c, char ch)
{
    if (peek(c) != (unsigned char)ch)
        return 0;
    c->pos++;
    return 1;
}

static void skip_spaces(cursor *c)
{
    while (c->pos < c->end && is_space(c->s[c->pos]))
        c->pos++;
}

/* Exactly `digits` digits (min_digits..digits when min_digits < digits). */
static int number(cursor *c, int min_digits, int digits, int *out)
{
    int v = 0, n = 0;
    while (n < digits && c->pos < c->end && is_digit(c->s[c->pos])) {
        v = v * 10 + (c->s[c->pos++] - '0');
        n++;
    }
    if (n < min_digits)
        return 0;
    *out = v;
    return 1;
}

/* A run of ASCII letters, lower-cased into word (cut at cap - 1). */
static size_t letters(cursor *c, char *word, size_t cap)
{
    size_t n = 0;
    while (c->pos < c->end) {
        char ch = lower(c->s[c->pos]);
        if (ch < 'a' || ch > 'z')
            break;
        if (n + 1 < cap)
            word[n] = ch;
        n++;
        c->pos++;
    }
    word[n + 1 < cap ? n : cap - 1] = '\0';
    return n;
}

static int days_in_month(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
        return 29;
    return days[month - 1];
}

static int valid(const hs_timestamp *t)
{
    if (t->year < 1000 || t->year > 9999 || t->month < 1 || t->month > 12 ||
        t->day < 1 || t->day > days_in_month(t->year, t->month))
        return 0;
    if (t->has_time && (t->hour > 23 || t->minute > 59 || t->second > 60))
        return 0;
    return !t->has_offset || (t->offset_minutes >= -14 * 60 &&
                              t->offset_minutes <= 14 * 60);
}

/* "Z", "+01:00", "+0100", "+01", "UTC", "GMT" or a North American zone
 * name; no offset at all is fine too. */
static int zone(cursor *c, hs_timestamp *t)
{
    static const struct {
        const char *name;
        int hours;
    } zones[] = {
        { "z", 0 }, { "ut", 0 }, { "utc", 0 }, { "gmt", 0 },
        { "est", -5 }, { "edt", -4 }, { "cst", -6 }, { "cdt", -5 },
        { "mst", -7 }, { "mdt", -6 }, { "pst", -8 }, { "pdt", -7 },
    };
    skip_spaces(c);
    int sign = peek(c);
    if (sign == '+' || sign == '-') {
        int h, m = 0;
        c->pos++;
        if (!number(c, 2, 2, &h))
            return 0;
        accept(c, ':');
        if (is_digit((char)peek(c)) && !number(c, 2, 2, &m))
            return 0;
        t->has_offset = 1;
        t->offset_minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
        return 1;
    }
    if (sign < 0)
        return 1;
    char word[8];
    size_t n = letters(c, word, sizeof word);
    if (n > 5)
        return 0; /* a word, not a zone */
    if (n == 1 && word[0] == 'z') {
        t->has_offset = 1;
        t->offset_minutes = 0;
        return 1;
    }
    for (size_t i = 0; n > 0 && i < sizeof zones / sizeof zones[0]; i++) {
        if (strcmp(word, zones[i].name) == 0) {
            t->has_offset = 1;
            t->offset_minutes = zones[i].hours * 60;
            return 1;
        }
    }
    return 1; /* a zone we do not know (ALMT): the time is still good */
}

/* hh:mm[:ss[.fraction]] */
static int clock_time(cursor *c, hs_timestamp *t)
{
    if (!number(c, 1, 2, &t->hour) || !accept(c, ':') || !number(c, 2, 2, &t->minute))
        return 0;
    t->second = 0;
    if (accept(c, ':')) {
        if (!number(c, 2, 2, &t->second))
            return 0;
        if (accept(c, '.') || accept(c, ','))
            while (is_digit((char)peek(c)))
                c->pos++;
    }
    t->has_time = 1;
    return 1;
}

/* YYYY-MM-DD[(T| )hh:mm[:ss[.f]][zone]] */
static int iso_8601(cursor *c, hs_timestamp *t)
{
    if (!number(c, 4, 4, &t->year) || !accept(c, '-') ||
        !number(c, 2, 2, &t->month) || !accept(c, '-') || !number(c, 2, 2, &t->day))
        return 0;
    int sep = peek(c);
    if (sep == 'T' || sep == 't' || sep == ' ') {
        size_t at = c->pos++;
        skip_spaces(c);
        if (!clock_time(c, t)) {
            c->pos = at; /* a date and then words: not ours */
            return 0;
        }
        if (!zone(c, t))
            return 0;
    }
    skip_spaces(c);
    return c->pos == c->end;
}

static int month_number(const char *word)
{
    static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec" };
    if (strlen(word) < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        if (strncmp(word, months[m], 3) == 0)
            return m + 1;
    return 0;
}

/* [Wkd,] D Mon YYYY [hh:mm[:ss] [zone]] */
static int rfc_822(cursor *c, hs_timestamp *t)
{
    char word[16];
    skip_spaces(c);
    if (!is_digit((char)peek(c))) { /* the day of the week */
        if (letters(c, word, sizeof word) < 3)
            return 0;
        skip_spaces(c);
        accept(c, ',');
        skip_spaces(c);
    }
    if (!number(c, 1, 2, &t->day))
        return 0;
    skip_spaces(c);
    accept(c, '-');
    letters(c, word, sizeof word);
    if (!(t->month = month_number(word)))
        return 0;
    accept(c, '.');
    skip_spaces(c);
    accept(c, '-');
    size_t at = c->pos;
    if (!number(c, 2, 4, &t->year))
        return 0;
    if (c->pos - at == 2)
        t->year += t->year < 50 ? 2000 : 1900;
    else if (c->pos - at == 3)
        return 0;
    skip_spaces(c);
    if (c->pos < c->end) {
        if (!clock_time(c, t) || !zone(c, t))
            return 0;
        skip_spaces(c);
    }
    return c->pos == c->end;
}

int hs_timestamp_parse(const char *s, size_t len, hs_timestamp *t)
{
    hs_timestamp r;
    cursor c = { s, 0, s ? len : 0 };
    skip_spaces(&c);
    while (c.end > c.pos && is_space(s[c.end - 1]))
        c.end--;
    if (c.pos >= c.end || c.end - c.pos > 64)
        return -1;

    size_t start = c.pos;
    memset(&r, 0, sizeof r);
    if (iso_8601(&c, &r) && valid(&r)) {
        *t = r;
        return 0;
    }
    memset(&r, 0, sizeof r);
    c.pos = start;
    if (rfc_822(&c, &r) && valid(&r)) {
        *t = r;
        return 0;
    }
    char iso[11];
    if (hs_date_parse(s + start, c.end - start, iso) == 0) {
        memset(&r, 0, sizeof r);
        r.year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 +
                 (iso[3] - '0');
        r.month = (iso[5] - '0') * 10 + (iso[6] - '0');
        r.day = (iso[8] - '0') * 10 + (iso[9] - '0');
        *t = r;
        return 0;
    }
    return -1;
}

void hs_timestamp_date(const hs_timestamp *t, char out[11])
{
    /* digit by digit: valid() bounds every field */
    const int parts[3] = { t->year, t->month, t->day }, widths[3] = { 4, 2, 2 };
    size_t pos = 0;
    for (int k = 0; k < 3; k++) {
        int v = parts[k] < 0 ? 0 : parts[k];
        for (int d = widths[k] - 1; d >= 0; d--) {
            out[pos + (size_t)d] = (char)('0' + v % 10);
            v /= 10;
        }
        pos += (size_t)widths[k];
        out[pos++] = k < 2 ? '-' : '\0';
    }
}

int hs_timestamp_format(const hs_timestamp *t, hs_buf *out)
{
    char day[11];
    hs_timestamp_date(t, day);
    if (hs_buf_puts(out, day) < 0)
        return -1;
    if (!t->has_time)
        return 0;
    if (hs_buf_printf(out, "T%02d:%02d:%02d", t->hour, t->minute, t->second) < 0)
        return -1;
    if (!t->has_offset)
        return 0;
    int off = t->offset_minutes < 0 ? -t->offset_minutes : t->offset_minutes;
    return hs_buf_printf(out, "%c%02d:%02d", t->offset_minutes < 0 ? '-' : '+',
                         off / 60, off % 60);
}

int hs_article_set_timestamp(hs_article *a, const hs_timestamp *t)
{
    char day[11];
    hs_timestamp_date(t, day);
    hs_buf full = HS_BUF_INIT;
    int rc = hs_article_set_date(a, day, 10) < 0 || hs_timestamp_format(t, &full) < 0 ||
                     hs_article_set_datetime(a, full.data, full.len) < 0
                 ? -1
                 : 0;
    hs_buf_free(&full);
    return rc;
}
