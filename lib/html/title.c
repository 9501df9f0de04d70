/* html/title.c - a page title without the site's name; see
 * hs_html_clean_title in html/meta.h.
 *
 * "Headline - Site", "Site | Section | Headline", "Site: Headline": the
 * rules are Mozilla Readability's, so that titles agree with what reader
 * views show.  Cut at the last " - " style separator; if that leaves fewer
 * than three words, keep what follows the first separator instead.  A
 * colon is cut only when no heading repeats the whole title.  Whatever is
 * left must keep more than four words, or the title stays whole.
 */
#include "meta.h"

#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Readability's separators, one character each ("»" is two bytes). */
static size_t separator_at(const char *s, size_t i)
{
    switch (s[i]) {
    case '|': case '-': case '\\': case '/': case '>':
        return 1;
    }
    return (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xBB ? 2 : 0;
}

/* " X " where X is a separator: the offset of the space before it. */
static int find_spaced_separator(const char *s, size_t *last, int *hierarchical)
{
    int found = 0;
    *hierarchical = 0;
    for (size_t i = 0; s[i]; i++) {
        size_t n;
        if (s[i] != ' ' || !(n = separator_at(s, i + 1)) || s[i + 1 + n] != ' ')
            continue;
        found = 1;
        *last = i;
        if (s[i + 1] != '|' && s[i + 1] != '-')
            *hierarchical = 1;
    }
    return found;
}

/* Words as JavaScript's s.split(/\s+/).length counts them. */
static size_t word_count(const char *s, size_t len)
{
    size_t words = 1;
    for (size_t i = 0; i < len; i++)
        if (is_space(s[i]) && (i == 0 || !is_space(s[i - 1])))
            words++;
    return words;
}

/* Words once every separator character is taken out ("a - b" is two). */
static size_t words_without_separators(const char *s)
{
    size_t words = 1;
    int last_space = 0, any = 0;
    for (size_t i = 0; s[i]; ) {
        size_t n = separator_at(s, i);
        if (n) {
            i += n;
            continue;
        }
        int space = is_space(s[i]);
        if (space && (!any || !last_space))
            words++;
        last_space = space;
        any = 1;
        i++;
    }
    return words;
}

static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* s[start..end) trimmed and collapsed into out. */
static int put_trimmed(hs_buf *out, const char *s, size_t start, size_t end)
{
    size_t mark = out->len;
    int space = 0;
    for (size_t i = start; i < end; i++) {
        if (is_space(s[i])) {
            space = out->len > mark;
            continue;
        }
        if ((space && hs_buf_putc(out, ' ') < 0) || hs_buf_putc(out, s[i]) < 0)
            return -1;
        space = 0;
    }
    return 0;
}

int hs_html_clean_title(const char *title, int headings_match, const char *only_h1,
                        hs_buf *out)
{
    size_t len = strlen(title), last;
    int hierarchical = 0;
    hs_buf cur = HS_BUF_INIT;
    int rc = 0;

    if (find_spaced_separator(title, &last, &hierarchical)) {
        rc = put_trimmed(&cur, title, 0, last);
        if (rc == 0 && word_count(cur.data ? cur.data : "", cur.len) < 3) {
            size_t i = 0, n = 0;
            while (title[i] && !(n = separator_at(title, i)))
                i++;
            hs_buf_reset(&cur);
            rc = put_trimmed(&cur, title, title[i] ? i + n : len, len);
        }
    } else if (strstr(title, ": ")) {
        if (headings_match) {
            rc = put_trimmed(&cur, title, 0, len);
        } else {
            const char *first = strchr(title, ':'), *lastc = strrchr(title, ':');
            rc = put_trimmed(&cur, title, (size_t)(lastc - title) + 1, len);
            if (rc == 0 && word_count(hs_buf_str(&cur), cur.len) < 3) {
                hs_buf_reset(&cur);
                rc = put_trimmed(&cur, title, (size_t)(first - title) + 1, len);
            } else if (rc == 0 && word_count(title, (size_t)(first - title)) > 5) {
                hs_buf_reset(&cur);
                rc = put_trimmed(&cur, title, 0, len);
            }
        }
    } else {
        size_t n = code_points(title);
        const char *pick = (n > 150 || n < 15) && only_h1 ? only_h1 : title;
        rc = put_trimmed(&cur, pick, 0, strlen(pick));
    }

    if (rc == 0) {
        size_t words = word_count(hs_buf_str(&cur), cur.len);
        if (words <= 4 &&
            (!hierarchical || words != words_without_separators(title) - 1)) {
            hs_buf_reset(&cur);
            rc = put_trimmed(&cur, title, 0, len);
        }
    }
    if (rc == 0)
        rc = hs_buf_append(out, hs_buf_str(&cur), cur.len);
    hs_buf_free(&cur);
    return rc;
}

/* ---- similarity of titles ---------------------------------------------- */

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 0x80;
}

/* The next word of s at or after *pos: s[*start..*pos). False at the end. */
static int next_word(const char *s, size_t *pos, size_t *start)
{
    while (s[*pos] && !is_word_byte((unsigned char)s[*pos]))
        (*pos)++;
    if (!s[*pos])
        return 0;
    *start = *pos;
    while (s[*pos] && is_word_byte((unsigned char)s[*pos]))
        (*pos)++;
    return 1;
}

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Is the word w[0..len) among the words of s (ASCII case ignored)? */
static int has_word(const char *s, const char *w, size_t len)
{
    size_t pos = 0, start;
    while (next_word(s, &pos, &start)) {
        if (pos - start != len)
            continue;
        size_t i = 0;
        while (i < len && fold(s[start + i]) == fold(w[i]))
            i++;
        if (i == len)
            return 1;
    }
    return 0;
}

/* 1 when the words of b all occur in a, falling with the length of the
 * words of b that do not (Readability's text similarity). */
double hs_text_similarity(const char *a, const char *b)
{
    size_t pos = 0, start, words = 0, all = 0, unique = 0, n_unique = 0;
    if (!next_word(a, &pos, &start))
        return 0;
    pos = 0;
    while (next_word(b, &pos, &start)) {
        size_t len = pos - start;
        all += len;
        words++;
        if (!has_word(a, b + start, len)) {
            unique += len;
            n_unique++;
        }
    }
    if (words == 0)
        return 0;
    /* lengths of the words joined by single spaces */
    double joined_all = (double)(all + words - 1);
    double joined_unique = n_unique ? (double)(unique + n_unique - 1) : 0;
    return 1 - joined_unique / joined_all;
}
