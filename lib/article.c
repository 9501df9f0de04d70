/* article.c - the in-memory article and its passages; see article.h.
 *
 * A paragraph of at most HS_PASSAGE_MAX_WORDS words is one passage.  A longer
 * one is cut into sentences, and consecutive sentences are packed greedily
 * into passages of at most that many words; a sentence that is longer on its
 * own is cut between words into equal chunks.  Passages are byte ranges of
 * the paragraph, so their text is the original, trimmed at the edges only.
 */
#include "article.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "path_text.h"
#include "utf8.h"

/* A byte range [start, end) of the paragraph being split. */
typedef struct span {
    size_t start, end;
} span;

/* ---- code points ------------------------------------------------------ */

/* The code point at s[0..len) in *cp and its length; an invalid byte counts
 * as one code point of its own (-1). */
static size_t decode(const char *s, size_t len, utf8proc_int32_t *cp)
{
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)len, cp);
    if (n <= 0) {
        *cp = -1;
        return 1;
    }
    return (size_t)n;
}

/* The start of the code point that ends just before s[end]. */
static size_t previous_start(const char *s, size_t end)
{
    size_t i = end - 1;
    while (i > 0 && end - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* White space as Python's str.isspace() sees it, so that readers and the
 * evaluation scripts agree on what a word and a blank line are. */
static int is_space(utf8proc_int32_t cp)
{
    if (cp < 0)
        return 0;
    if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) ||
        cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return 1;
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static int is_space_at(const char *s, size_t pos, size_t end, size_t *n)
{
    utf8proc_int32_t cp;
    *n = decode(s + pos, end - pos, &cp);
    return is_space(cp);
}

static size_t skip_spaces(const char *s, size_t pos, size_t end)
{
    size_t n;
    while (pos < end && is_space_at(s, pos, end, &n))
        pos += n;
    return pos;
}

static size_t skip_word(const char *s, size_t pos, size_t end)
{
    size_t n;
    while (pos < end && !is_space_at(s, pos, end, &n))
        pos += n;
    return pos;
}

static span trim(const char *s, span r)
{
    r.start = skip_spaces(s, r.start, r.end);
    while (r.end > r.start) {
        size_t p = previous_start(s, r.end), n;
        if (p < r.start || !is_space_at(s, p, r.end, &n) || p + n != r.end)
            break;
        r.end = p;
    }
    return r;
}

static size_t count_words(const char *s, span r)
{
    size_t words = 0, pos = skip_spaces(s, r.start, r.end);
    while (pos < r.end) {
        words++;
        pos = skip_spaces(s, skip_word(s, pos, r.end), r.end);
    }
    return words;
}

/* ---- sentence ends ---------------------------------------------------- */

static int is_terminator(utf8proc_int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; /* … */
}

static int is_closing_mark(utf8proc_int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x2019: /* ’ */ case 0x201D: /* ” */
    case 0x00BB: /* » */ case 0x203A: /* › */
        return 1;
    }
    return 0;
}

static int is_opening_mark(utf8proc_int32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '(': case '[':
    case 0x2018: /* ‘ */ case 0x201C: /* “ */ case 0x201E: /* „ */
    case 0x00AB: /* « */ case 0x2039: /* ‹ */
        return 1;
    }
    return 0;
}

static int is_upper(utf8proc_int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static int is_digit(utf8proc_int32_t cp)
{
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

static int may_start_sentence(utf8proc_int32_t cp)
{
    return is_upper(cp) || is_digit(cp) || is_opening_mark(cp);
}

/* Words that end in a dot but rarely end a sentence; compared exactly. */
static const char *const abbreviations[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Mt", "Prof", "Gen", "Col", "Maj", "Capt",
    "Lt", "Sgt", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "No", "Nos",
    "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec",
    /* Russian and Kazakh: г. (city, year), ул. (street), им. (named after) */
    "г", "гг", "ул", "им", "пр", "пл", "обл", "ст",
};

static int is_listed_abbreviation(const char *w, size_t len)
{
    for (size_t i = 0; i < sizeof abbreviations / sizeof abbreviations[0]; i++) {
        const char *a = abbreviations[i];
        if (strlen(a) == len && memcmp(a, w, len) == 0)
            return 1;
    }
    return 0;
}

static int is_letter(utf8proc_int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* An initial ("J", upper case only: "a." is more likely a word) or letters
 * one at a time between dots ("U.S", "e.g", "a.m"). */
static int is_initials(const char *w, size_t len)
{
    size_t pos = 0, letters = 0, dots = 0;
    utf8proc_int32_t first = -1;
    while (pos < len) {
        utf8proc_int32_t cp;
        pos += decode(w + pos, len - pos, &cp);
        if (first < 0)
            first = cp;
        if (cp == '.') {
            if (letters != 1)
                return 0;
            letters = 0;
            dots++;
        } else if (!is_letter(cp) || ++letters > 1) {
            return 0;
        }
    }
    return letters == 1 && (dots > 0 || is_upper(first));
}

/* True when the dot at s[dot] ends an abbreviation or an initial rather than
 * a sentence: looks at the word before it, without its opening quotes. */
static int dot_ends_abbreviation(const char *s, size_t from, size_t dot)
{
    size_t w = dot, n;
    while (w > from) {
        size_t p = previous_start(s, w);
        if (p < from || is_space_at(s, p, dot, &n))
            break;
        w = p;
    }
    while (w < dot) {
        utf8proc_int32_t cp;
        n = decode(s + w, dot - w, &cp);
        if (!is_opening_mark(cp))
            break;
        w += n;
    }
    if (w >= dot)
        return 0;
    return is_listed_abbreviation(s + w, dot - w) || is_initials(s + w, dot - w);
}

/* If a sentence ends at the terminator s[pos], the end of that sentence
 * (after any closing quotes or brackets), else 0. */
static size_t sentence_end_at(const char *s, size_t from, size_t pos, size_t end)
{
    size_t first = pos, n, after;
    utf8proc_int32_t cp;
    int dots = 0, others = 0;

    while (pos < end && (n = decode(s + pos, end - pos, &cp), is_terminator(cp))) {
        if (cp == '.')
            dots++;
        else
            others++;
        pos += n;
    }
    while (pos < end && (n = decode(s + pos, end - pos, &cp), is_closing_mark(cp)))
        pos += n;
    after = skip_spaces(s, pos, end);
    if (after == pos || after >= end)
        return 0;
    decode(s + after, end - after, &cp);
    if (!may_start_sentence(cp))
        return 0;
    if (dots == 1 && others == 0 && dot_ends_abbreviation(s, from, first))
        return 0;
    return pos;
}

/* The sentence that starts at r.start: ends after its terminator and closing
 * marks, or at r.end.  Returned untrimmed at the end only by closing marks. */
static span next_sentence(const char *s, span r)
{
    size_t pos = r.start;
    while (pos < r.end) {
        utf8proc_int32_t cp;
        size_t n = decode(s + pos, r.end - pos, &cp);
        if (is_terminator(cp)) {
            size_t e = sentence_end_at(s, r.start, pos, r.end);
            if (e)
                return (span){ r.start, e };
            /* step over the whole run of terminators ("...", "?!") */
            while (pos < r.end && (n = decode(s + pos, r.end - pos, &cp),
                                   is_terminator(cp)))
                pos += n;
            continue;
        }
        pos += n;
    }
    return r;
}

/* ---- the article ------------------------------------------------------ */

/* A NUL-terminated copy of s[0..len), repaired to valid UTF-8. */
static char *copy_text(const char *s, size_t len)
{
    hs_buf b = HS_BUF_INIT;
    if (hs_utf8_sanitize(s, len, &b) < 0) {
        hs_buf_free(&b);
        return NULL;
    }
    return hs_buf_detach(&b);
}

hs_article *hs_article_new(const char *path)
{
    hs_article *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    hs_buf name = HS_BUF_INIT;
    if (hs_path_to_text(path ? path : "", &name) == 0)
        a->path = hs_buf_detach(&name);
    hs_buf_free(&name);
    a->title = calloc(1, 1);
    a->format = "text";
    if (!a->path || !a->title) {
        hs_article_free(a);
        return NULL;
    }
    return a;
}

void hs_article_free(hs_article *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n_passages; i++)
        free(a->passages[i].text);
    free(a->passages);
    free(a->path);
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->byline);
    free(a->datetime);
    free(a->lang);
    free(a->site);
    free(a->id);
    free(a);
}

/* Replace *field by a copy of s[0..len), or by NULL / "" (empty_is_text). */
static int set_field(char **field, const char *s, size_t len, int empty_is_text)
{
    char *copy;
    if (s)
        copy = copy_text(s, len);
    else
        copy = empty_is_text ? calloc(1, 1) : NULL;
    if (!copy && (s || empty_is_text))
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

int hs_article_set_title(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->title, s, len, 1); /* the title is never NULL */
}

int hs_article_set_date(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->date, s, len, 0);
}

int hs_article_set_source(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->source, s, len, 0);
}

int hs_article_set_byline(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->byline, s, len, 0);
}

int hs_article_set_datetime(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->datetime, s, len, 0);
}

int hs_article_set_lang(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->lang, s, len, 0);
}

int hs_article_set_site(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->site, s, len, 0);
}

int hs_article_set_id(hs_article *a, const char *s, size_t len)
{
    return set_field(&a->id, s, len, 0);
}

static int add_passage(hs_article *a, const char *s, span r, unsigned paragraph)
{
    r = trim(s, r);
    if (r.start >= r.end)
        return 0;
    if (a->n_passages == a->cap_passages) {
        size_t cap = a->cap_passages ? a->cap_passages * 2 : 8;
        if (cap > (size_t)-1 / sizeof *a->passages)
            return -1;
        hs_passage *p = realloc(a->passages, cap * sizeof *p);
        if (!p)
            return -1;
        a->passages = p;
        a->cap_passages = cap;
    }
    char *text = copy_text(s + r.start, r.end - r.start);
    if (!text)
        return -1;
    a->passages[a->n_passages].text = text;
    a->passages[a->n_passages].paragraph = paragraph;
    a->n_passages++;
    return 0;
}

/* Cut a sentence of `words` words (more than the maximum) between words into
 * as few chunks as the maximum allows, of nearly equal size, so that no
 * chunk is a stray word or two. */
static int add_long_sentence(hs_article *a, const char *s, span r, size_t words,
                             unsigned paragraph)
{
    size_t chunks = (words + HS_PASSAGE_MAX_WORDS - 1) / HS_PASSAGE_MAX_WORDS;
    size_t pos = skip_spaces(s, r.start, r.end);
    for (size_t c = 0; c < chunks; c++) {
        size_t take = words / chunks + (c < words % chunks);
        span chunk = { pos, pos };
        for (size_t w = 0; w < take; w++) {
            chunk.end = skip_word(s, pos, r.end);
            pos = skip_spaces(s, chunk.end, r.end);
        }
        if (add_passage(a, s, chunk, paragraph) < 0)
            return -1;
    }
    return 0;
}

/* Pack the sentences of s[r) greedily into passages. */
static int add_sentences(hs_article *a, const char *s, span r, unsigned paragraph)
{
    span pack = { r.start, r.start };
    size_t pack_words = 0;

    while (r.start < r.end) {
        span sentence = next_sentence(s, r);
        size_t words = count_words(s, sentence);
        r.start = skip_spaces(s, sentence.end, r.end);

        if (pack_words > 0 && pack_words + words > HS_PASSAGE_MAX_WORDS) {
            if (add_passage(a, s, pack, paragraph) < 0)
                return -1;
            pack_words = 0;
        }
        if (words > HS_PASSAGE_MAX_WORDS) {
            if (add_long_sentence(a, s, sentence, words, paragraph) < 0)
                return -1;
            continue;
        }
        if (pack_words == 0)
            pack.start = sentence.start;
        pack.end = sentence.end;
        pack_words += words;
    }
    return pack_words > 0 ? add_passage(a, s, pack, paragraph) : 0;
}

int hs_article_add_paragraph(hs_article *a, const char *text, size_t len,
                             unsigned paragraph)
{
    span r = trim(text, (span){ 0, len });
    if (r.start >= r.end)
        return 0;
    if (count_words(text, r) <= HS_PASSAGE_MAX_WORDS)
        return add_passage(a, text, r, paragraph);
    return add_sentences(a, text, r, paragraph);
}

int hs_paragraph_adder_add(void *adder, const char *text, size_t len)
{
    hs_paragraph_adder *ad = adder;
    return hs_article_add_paragraph(ad->a, text, len, ++ad->paragraph);
}
