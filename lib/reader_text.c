/* reader_text.c - the plain-text reader; see reader_text.h.
 *
 * The shape of a file:
 *
 *   Headline                       block 0 (further lines: paragraph 0)
 *
 *   February 20, 2023              block 1, when it is a date alone
 *
 *   First paragraph...             block 2
 *
 *   Source: https://...            last line, own block or not
 *
 * Blocks are separated by lines that are empty or only white space, and
 * are numbered as the evaluation scripts number them (Python's
 * re.split(r"\n\s*\n", text), blank blocks left out), so that a passage's
 * paragraph index names the same block everywhere.
 */
#include "reader_text.h"

#include "date.h"
#include "encoding.h"

#include <string.h>

#include <utf8proc.h>

typedef struct span {
    size_t start, end;
} span;

/* ---- white space ------------------------------------------------------ */

/* White space as Python's str.isspace() sees it (and so its regex \s). */
static int is_space(utf8proc_int32_t cp)
{
    if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) ||
        cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return 1;
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* Length of the white-space code point at s[pos..end), or 0. */
static size_t space_at(const char *s, size_t pos, size_t end)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
                                          (utf8proc_ssize_t)(end - pos), &cp);
    return n > 0 && is_space(cp) ? (size_t)n : 0;
}

static size_t skip_spaces(const char *s, size_t pos, size_t end)
{
    size_t n;
    while (pos < end && (n = space_at(s, pos, end)) > 0)
        pos += n;
    return pos;
}

/* The text is valid UTF-8 here, so stepping back over continuation bytes
 * finds the start of the last code point. */
static span trim(const char *s, span r)
{
    r.start = skip_spaces(s, r.start, r.end);
    while (r.end > r.start) {
        size_t p = r.end - 1;
        while (p > r.start && ((unsigned char)s[p] & 0xC0) == 0x80)
            p--;
        if (space_at(s, p, r.end) != r.end - p)
            break;
        r.end = p;
    }
    return r;
}

static int is_blank(const char *s, span r)
{
    return skip_spaces(s, r.start, r.end) == r.end;
}

/* ---- lines and blocks ------------------------------------------------- */

/* The line that starts at `start`, without its '\n'. */
static span line_at(const char *s, size_t start, size_t end)
{
    const char *nl = memchr(s + start, '\n', end - start);
    return (span){ start, nl ? (size_t)(nl - s) : end };
}

/* The last line of s[0..end) that is not blank; false when there is none. */
static int last_text_line(const char *s, size_t end, span *line)
{
    size_t line_end = end;
    for (;;) {
        size_t start = line_end;
        while (start > 0 && s[start - 1] != '\n')
            start--;
        span l = { start, line_end };
        if (!is_blank(s, l)) {
            *line = l;
            return 1;
        }
        if (start == 0)
            return 0;
        line_end = start - 1;
    }
}

/* The next block at or after *pos in s[0..end): from the start of its first
 * line that is not blank to the end of its last.  Advances *pos past it. */
static int next_block(const char *s, size_t end, size_t *pos, span *block)
{
    span line = { *pos, *pos };
    while (*pos < end) {
        line = line_at(s, *pos, end);
        if (!is_blank(s, line))
            break;
        *pos = line.end + 1;
    }
    if (*pos >= end)
        return 0;
    block->start = line.start;
    for (;;) {
        block->end = line.end;
        *pos = line.end + 1;
        if (*pos >= end)
            break;
        line = line_at(s, *pos, end);
        if (is_blank(s, line))
            break;
    }
    return 1;
}

/* ---- the parts of an article ------------------------------------------ */

/* If `line` reads "Source: URL" (any case), the URL, trimmed. */
static int source_line_url(const char *s, span line, span *url)
{
    static const char prefix[] = "source:";
    const size_t n = sizeof prefix - 1;
    line = trim(s, line);
    if (line.end - line.start < n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[line.start + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != prefix[i])
            return 0;
    }
    *url = trim(s, (span){ line.start + n, line.end });
    return 1;
}

/* Take the "Source:" line off the end of the text; returns where the rest
 * of the text ends.  A lone line is the headline, never the source. */
static int take_source(hs_article *a, const char *s, size_t len, size_t *body_end)
{
    span line, url;
    *body_end = len;
    if (!last_text_line(s, len, &line) || is_blank(s, (span){ 0, line.start }))
        return 0;
    if (!source_line_url(s, line, &url))
        return 0;
    *body_end = line.start;
    if (url.start == url.end)
        return 0; /* "Source:" alone: dropped, but no URL to keep */
    return hs_article_set_source(a, s + url.start, url.end - url.start);
}

/* Whether the single line `line` reads as a date: then it is the
 * article's. */
static int take_date_line(hs_article *a, const char *s, span line, int *taken)
{
    char iso[11];
    *taken = 0;
    if (hs_date_parse(s + line.start, line.end - line.start, iso) < 0)
        return 0;
    *taken = 1;
    return hs_article_set_date(a, iso, 10);
}

/* Block 0: its first line is the title; a second line that reads as a
 * date is the date (the headline and date written without a blank line
 * between); any further lines are paragraph 0. */
static int add_headline(hs_article *a, const char *s, span block, int *dated)
{
    span first = line_at(s, block.start, block.end);
    span title = trim(s, first);
    if (hs_article_set_title(a, s + title.start, title.end - title.start) < 0)
        return -1;
    if (first.end >= block.end)
        return 0;
    size_t rest = first.end + 1;
    span second = line_at(s, rest, block.end);
    if (take_date_line(a, s, second, dated) < 0)
        return -1;
    if (*dated)
        rest = second.end < block.end ? second.end + 1 : block.end;
    if (rest >= block.end)
        return 0;
    return hs_article_add_paragraph(a, s + rest, block.end - rest, 0);
}

/* Block 1 is the date when it is a single line that reads as one. */
static int take_date(hs_article *a, const char *s, span block, int *taken)
{
    *taken = 0;
    if (memchr(s + block.start, '\n', block.end - block.start))
        return 0;
    return take_date_line(a, s, block, taken);
}

static int add_blocks(hs_article *a, const char *s, size_t end)
{
    size_t pos = 0;
    unsigned index = 0;
    int dated = 0;
    span block;

    for (; next_block(s, end, &pos, &block); index++) {
        size_t n = block.end - block.start;
        int taken = 0;
        if (index == 0) {
            if (add_headline(a, s, block, &dated) < 0)
                return -1;
            continue;
        }
        if (index == 1 && !dated && take_date(a, s, block, &taken) < 0)
            return -1;
        if (!taken && hs_article_add_paragraph(a, s + block.start, n, index) < 0)
            return -1;
    }
    return 0;
}

/* ---- bytes to text ---------------------------------------------------- */

/* CRLF and lone CR become LF, in place (the text only shrinks). */
static void normalise_line_ends(hs_buf *b)
{
    size_t out = 0;
    for (size_t in = 0; in < b->len; in++) {
        char c = b->data[in];
        if (c == '\r') {
            if (in + 1 < b->len && b->data[in + 1] == '\n')
                in++;
            c = '\n';
        }
        b->data[out++] = c;
    }
    b->len = out;
    if (b->data)
        b->data[out] = '\0';
}

/* The file's bytes as valid UTF-8 with LF line ends and no BOM.  Text
 * that is not UTF-8 is converted from the legacy encoding its bytes look
 * like (windows-1251, KOI8-R or windows-1252; see encoding.h). */
static int decode_text(const char *data, size_t len, hs_buf *text)
{
    hs_encoding enc;
    hs_encoding_sniff(data, len, HS_MARKUP_TEXT, &enc);
    if (hs_encoding_to_utf8(data, len, &enc, text) < 0)
        return -1;
    normalise_line_ends(text);
    return 0;
}

hs_read_status hs_read_text(const char *path, const char *data, size_t len,
                            hs_article **out, hs_buf *why)
{
    hs_buf text = HS_BUF_INIT;
    size_t body_end;

    *out = NULL;
    if (len == 0)
        data = ""; /* an empty file may come as NULL */
    if (memchr(data, '\0', len))
        return hs_read_bad(why, "binary file (NUL bytes)");
    if (decode_text(data, len, &text) < 0) {
        hs_buf_free(&text);
        return hs_read_no_memory(why);
    }
    const char *s = hs_buf_str(&text);
    if (is_blank(s, (span){ 0, text.len })) {
        hs_buf_free(&text);
        return hs_read_bad(why, "empty file");
    }

    hs_article *a = hs_article_new(path);
    int rc = a ? take_source(a, s, text.len, &body_end) : -1;
    if (rc == 0)
        rc = add_blocks(a, s, body_end);
    hs_buf_free(&text);
    if (rc < 0) {
        hs_article_free(a);
        return hs_read_no_memory(why);
    }
    if (a->n_passages == 0) {
        hs_article_free(a);
        return hs_read_bad(why, "no text besides the headline");
    }
    *out = a;
    return HS_READ_OK;
}
