/* encoding.c - finding a document's encoding and converting it to UTF-8;
 * see encoding.h. */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <utf8proc.h>

#include "utf8.h"

/* Declarations further in than this are not looked for (browsers stop at
 * 1024 bytes; saved pages often carry long heads before theirs). */
#define SNIFF_MAX_BYTES (64u * 1024)

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* ---- labels ------------------------------------------------------------ */

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* What a label means, after WHATWG's Encoding standard: the labels whose
 * meaning differs from the name iconv gives them. */
static const struct {
    const char *label, *name;
} aliases[] = {
    { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
    /* a UTF-16 declaration read as ASCII cannot be true: the bytes are
     * ASCII-compatible */
    { "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" }, { "utf-16be", "UTF-8" },
    { "unicode", "UTF-8" }, { "ucs-2", "UTF-8" },
    { "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
    { "iso_8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
    { "l1", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
    { "ascii", "WINDOWS-1252" }, { "cp819", "WINDOWS-1252" },
    { "ibm819", "WINDOWS-1252" }, { "iso-ir-100", "WINDOWS-1252" },
    { "x-user-defined", "WINDOWS-1252" },
    { "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
    { "iso-8859-11", "WINDOWS-874" }, { "tis-620", "WINDOWS-874" },
    { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "x-gbk", "GB18030" },
    { "chinese", "GB18030" }, { "csgb2312", "GB18030" },
    { "gb_2312-80", "GB18030" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "korean", "CP949" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
    { "big5", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
};

/* Store the encoding named by the label s[0..len) (trimmed, any case) in
 * enc->name; false when it is empty, too long or holds characters no
 * encoding name has. */
static int set_label(hs_encoding *enc, const char *s, size_t len)
{
    char label[HS_ENCODING_NAME_MAX + 1];
    while (len > 0 && is_space(*s)) {
        s++;
        len--;
    }
    while (len > 0 && is_space(s[len - 1]))
        len--;
    if (len == 0 || len > HS_ENCODING_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = lower(s[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == ':'))
            return 0;
        label[i] = c;
    }
    label[len] = '\0';
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(label, aliases[i].label) == 0) {
            strcpy(enc->name, aliases[i].name); /* names are short */
            return 1;
        }
    }
    for (size_t i = 0; i <= len; i++) /* iconv wants upper case only by habit */
        enc->name[i] = (char)(label[i] >= 'a' && label[i] <= 'z'
                                  ? label[i] - 'a' + 'A' : label[i]);
    return 1;
}

/* ---- markup scanning ---------------------------------------------------- */

/* A cursor over data[0..end) that never reads past end. */
typedef struct scan {
    const char *s;
    size_t pos, end;
} scan;

static int at_ci(const scan *c, const char *word)
{
    size_t n = strlen(word);
    if (c->end - c->pos < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(c->s[c->pos + i]) != word[i])
            return 0;
    return 1;
}

/* Move past the next occurrence of word (any case), or to the end. */
static void skip_past(scan *c, const char *word)
{
    while (c->pos < c->end && !at_ci(c, word))
        c->pos++;
    if (c->pos < c->end)
        c->pos += strlen(word);
}

static void skip_spaces(scan *c)
{
    while (c->pos < c->end && is_space(c->s[c->pos]))
        c->pos++;
}

typedef struct attr {
    const char *name, *value;
    size_t name_len, value_len;
} attr;

/* The next attribute of the tag the cursor is in; false at its '>' (the
 * cursor is then after it) or at the end of the data. */
static int next_attr(scan *c, attr *a)
{
    while (c->pos < c->end && (is_space(c->s[c->pos]) || c->s[c->pos] == '/'))
        c->pos++;
    if (c->pos >= c->end)
        return 0;
    if (c->s[c->pos] == '>') {
        c->pos++;
        return 0;
    }
    a->name = c->s + c->pos;
    while (c->pos < c->end && !is_space(c->s[c->pos]) && c->s[c->pos] != '=' &&
           c->s[c->pos] != '>' && c->s[c->pos] != '/')
        c->pos++;
    a->name_len = (size_t)(c->s + c->pos - a->name);
    if (a->name_len == 0) { /* a stray '=' */
        c->pos++;
        a->value = "";
        a->value_len = 0;
        return 1;
    }
    skip_spaces(c);
    a->value = "";
    a->value_len = 0;
    if (c->pos >= c->end || c->s[c->pos] != '=')
        return 1;
    c->pos++;
    skip_spaces(c);
    if (c->pos < c->end && (c->s[c->pos] == '"' || c->s[c->pos] == '\'')) {
        char q = c->s[c->pos++];
        a->value = c->s + c->pos;
        while (c->pos < c->end && c->s[c->pos] != q)
            c->pos++;
        a->value_len = (size_t)(c->s + c->pos - a->value);
        if (c->pos < c->end)
            c->pos++;
    } else {
        a->value = c->s + c->pos;
        while (c->pos < c->end && !is_space(c->s[c->pos]) && c->s[c->pos] != '>')
            c->pos++;
        a->value_len = (size_t)(c->s + c->pos - a->value);
    }
    return 1;
}

static int attr_is(const attr *a, const char *name)
{
    size_t n = strlen(name);
    if (a->name_len != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (lower(a->name[i]) != name[i])
            return 0;
    return 1;
}

/* The label after "charset=" in a Content-Type value, as set_label wants. */
static int charset_in_content(hs_encoding *enc, const char *s, size_t len)
{
    scan c = { s, 0, len };
    for (;;) {
        skip_past(&c, "charset");
        if (c.pos >= len)
            return 0;
        skip_spaces(&c);
        if (c.pos < len && s[c.pos] == '=')
            break;
    }
    c.pos++;
    skip_spaces(&c);
    if (c.pos < len && (s[c.pos] == '"' || s[c.pos] == '\''))
        c.pos++;
    size_t start = c.pos;
    while (c.pos < len && !is_space(s[c.pos]) && s[c.pos] != ';' &&
           s[c.pos] != '"' && s[c.pos] != '\'')
        c.pos++;
    return set_label(enc, s + start, c.pos - start);
}

/* <meta charset=X> or <meta http-equiv=Content-Type content="...; charset=X">;
 * the cursor is just after "<meta". */
static int meta_charset(scan *c, hs_encoding *enc)
{
    attr a;
    int is_content_type = 0;
    const char *content = NULL;
    size_t content_len = 0;
    while (next_attr(c, &a)) {
        if (attr_is(&a, "charset"))
            return set_label(enc, a.value, a.value_len);
        if (attr_is(&a, "http-equiv")) {
            scan v = { a.value, 0, a.value_len };
            is_content_type = a.value_len == 12 && at_ci(&v, "content-type");
        } else if (attr_is(&a, "content")) {
            content = a.value;
            content_len = a.value_len;
        }
    }
    return is_content_type && content && charset_in_content(enc, content, content_len);
}

/* <?xml version="1.0" encoding="X"?> at the cursor. */
static int prolog_encoding(scan *c, hs_encoding *enc)
{
    attr a;
    if (!at_ci(c, "<?xml") || c->pos + 5 >= c->end || !is_space(c->s[c->pos + 5]))
        return 0;
    c->pos += 5;
    size_t end = c->pos;
    while (end + 1 < c->end && !(c->s[end] == '?' && c->s[end + 1] == '>'))
        end++;
    scan in = { c->s, c->pos, end };
    while (next_attr(&in, &a))
        if (attr_is(&a, "encoding"))
            return set_label(enc, a.value, a.value_len);
    return 0;
}

/* The first <meta> declaring a charset, skipping comments and scripts. */
static int html_declaration(scan *c, hs_encoding *enc)
{
    while (c->pos < c->end) {
        const char *lt = memchr(c->s + c->pos, '<', c->end - c->pos);
        if (!lt)
            return 0;
        c->pos = (size_t)(lt - c->s);
        if (at_ci(c, "<!--")) {
            skip_past(c, "-->");
        } else if (at_ci(c, "<script") || at_ci(c, "<style")) {
            int script = at_ci(c, "<script");
            c->pos++;
            skip_past(c, script ? "</script" : "</style");
        } else if (at_ci(c, "<meta") && c->pos + 5 < c->end &&
                   (is_space(c->s[c->pos + 5]) || c->s[c->pos + 5] == '/')) {
            c->pos += 5;
            if (meta_charset(c, enc))
                return 1;
        } else {
            c->pos++;
        }
    }
    return 0;
}

/* ---- sniffing ----------------------------------------------------------- */

static int has_multibyte(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

static int is_utf8_name(const char *name)
{
    return strcmp(name, "UTF-8") == 0;
}

/* ---- guessing from the bytes -------------------------------------------- */

/* How often each Russian letter а..я occurs, per mille of letters. */
static const unsigned char russian_freq[32] = {
    80, 16, 45, 17, 30, 85, 9, 16, 74, 12, 35, 44, 32, 67, 110, 28, /* а..п */
    47, 55, 63, 26, 2, 10, 5, 14, 7, 4, 1, 19, 17, 3, 6, 20,        /* р..я */
};

/* The letter (0 for а .. 31 for я) at 0xC0 + i in KOI8-R (lower case;
 * upper case is 0x20 further), in its order "юабцдефгхийклмнопярстужвьызшэщчъ". */
static const unsigned char koi8_letter[32] = {
    30, 0, 1, 22, 4, 5, 20, 3, 21, 8, 9, 10, 11, 12, 13, 14,
    15, 31, 16, 17, 18, 19, 6, 2, 28, 27, 7, 24, 29, 25, 23, 26,
};

static int is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes that windows-1252 text has outside letters and UTF-8 never has
 * after ASCII: the euro sign, the ellipsis, curly quotes, dashes, the
 * trade mark, the no-break space, guillemets, the copyright, registered
 * and degree signs (all but the euro where windows-1251 has them too). */
static int is_windows_punct(unsigned char c)
{
    return c == 0x80 || c == 0x85 || (c >= 0x91 && c <= 0x97) || c == 0x99 ||
           c == 0xA0 || c == 0xA9 || c == 0xAB || c == 0xAE || c == 0xB0 ||
           c == 0xBB;
}

/* The encoding of bytes that are not valid UTF-8 and declare none:
 *
 *  - UTF-8 after all, when its multi-byte sequences outnumber the bytes
 *    that do not decode four to one (a stray byte in a UTF-8 text: legacy
 *    text forms almost no valid sequences);
 *  - Cyrillic, when the bytes 0xC0-0xFF (letters in windows-1251, KOI8-R
 *    and windows-1252 alike) stand mostly in runs and apart from ASCII
 *    letters: Russian words are all such bytes, while the accented letters
 *    of French or German sit one by one inside ASCII words.  Then
 *    windows-1251 or KOI8-R, whichever reads the bytes as the more
 *    frequent Russian letters, lower case counting eight times as much as
 *    upper case (the two swap the cases: text read in the wrong one comes
 *    out mostly in capitals and rare letters);
 *  - windows-1252, when at least half of the bytes 0x80 and up are letters
 *    next to an ASCII letter or Windows punctuation (is_windows_punct);
 *  - else, for want of evidence, windows-1252 for markup (as browsers
 *    assume) and UTF-8 for plain text (its stray bytes become U+FFFD).
 * Sets enc->name and enc->source. */
static void guess(const char *data, size_t len, enum hs_markup markup,
                  hs_encoding *enc)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t multibyte = 0, invalid = 0;
    size_t non_ascii = 0, high = 0, paired = 0, touching = 0, punct = 0;
    unsigned long long score_1251 = 0, score_koi8 = 0;
    const char *name;

    for (size_t i = 0; i < len; ) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n > 1)
            multibyte++;
        else if (n <= 0)
            invalid++;
        i += n > 0 ? (size_t)n : 1;
    }

    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c < 0x80)
            continue;
        non_ascii++;
        if (c < 0xC0) {
            punct += is_windows_punct(c);
            continue;
        }
        high++;
        if (i > 0 && s[i - 1] >= 0xC0)
            paired++;
        if ((i > 0 && is_ascii_letter(s[i - 1])) ||
            (i + 1 < len && is_ascii_letter(s[i + 1])))
            touching++;
        unsigned k = c & 0x1F;
        unsigned as_1251 = russian_freq[k], as_koi8 = russian_freq[koi8_letter[k]];
        score_1251 += c >= 0xE0 ? 8 * as_1251 : as_1251;
        score_koi8 += c < 0xE0 ? 8 * as_koi8 : as_koi8;
    }

    enc->source = "content";
    if (multibyte >= 4 * invalid)
        name = "UTF-8";
    else if (paired > 0 && 2 * paired >= high && high - touching > 2 * touching)
        name = score_koi8 > score_1251 ? "KOI8-R" : "WINDOWS-1251";
    else if (touching + punct > 0 && 2 * (touching + punct) >= non_ascii)
        name = "WINDOWS-1252";
    else {
        name = markup == HS_MARKUP_TEXT ? "UTF-8" : "WINDOWS-1252";
        enc->source = "default";
    }
    strcpy(enc->name, name);
}

void hs_encoding_sniff(const char *data, size_t len, enum hs_markup markup,
                       hs_encoding *enc)
{
    static const struct {
        const char *bytes, *name;
    } boms[] = {
        { "\xEF\xBB\xBF", "UTF-8" }, { "\xFF\xFE", "UTF-16LE" },
        { "\xFE\xFF", "UTF-16BE" },
    };
    if (!data)
        len = 0;
    enc->bom = 0;
    for (size_t i = 0; i < sizeof boms / sizeof boms[0]; i++) {
        size_t n = strlen(boms[i].bytes);
        if (len >= n && memcmp(data, boms[i].bytes, n) == 0) {
            strcpy(enc->name, boms[i].name);
            enc->bom = n;
            enc->source = "bom";
            return;
        }
    }

    scan c = { data, 0, len < SNIFF_MAX_BYTES ? len : SNIFF_MAX_BYTES };
    skip_spaces(&c);
    int declared = markup != HS_MARKUP_TEXT && prolog_encoding(&c, enc);
    if (!declared && markup == HS_MARKUP_HTML)
        declared = html_declaration(&c, enc);
    int utf8 = hs_utf8_valid(data, len);
    if (declared && is_utf8_name(enc->name) && !utf8) {
        /* declared UTF-8 but not: Cyrillic legacy bytes under a
         * template's declaration */
        hs_encoding seen = *enc;
        guess(data, len, markup, &seen);
        /* only the Cyrillic code pages, whose runs of letters say so
         * clearly; a stray byte in English stays one U+FFFD */
        if (!strcmp(seen.name, "WINDOWS-1251") || !strcmp(seen.name, "KOI8-R")) {
            *enc = seen;
            return;
        }
    }
    if (declared && (is_utf8_name(enc->name) || !utf8 || !has_multibyte(data, len))) {
        enc->source = "declared";
        return;
    }
    if (utf8) {
        strcpy(enc->name, "UTF-8");
        enc->source = declared ? "content" : "default";
        return;
    }
    guess(data, len, markup, enc);
}

/* ---- conversion --------------------------------------------------------- */

/* Convert with an open iconv descriptor into out (raw: may hold NULs). */
static int convert(iconv_t cd, const char *data, size_t len, hs_buf *out)
{
    char *in = (char *)data; /* iconv's prototype is not const-correct */
    size_t in_left = len;
    while (in_left > 0) {
        size_t room = in_left < 16384 ? in_left * 4 + 16 : 65536;
        if (hs_buf_grow(out, room) < 0)
            return -1;
        char *o = out->data + out->len;
        size_t o_left = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ: a byte that does not decode; EINVAL: a sequence cut off
         * by the end of the data.  Replace one byte and go on. */
        if (hs_buf_append(out, replacement, 3) < 0)
            return -1;
        in++;
        in_left--;
        iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial state */
    }
    for (;;) { /* the closing shift sequence of stateful encodings */
        if (hs_buf_grow(out, 64) < 0)
            return -1;
        char *o = out->data + out->len;
        size_t o_left = out->cap - out->len - 1;
        size_t r = iconv(cd, NULL, NULL, &o, &o_left);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1 || errno != E2BIG)
            return 0;
    }
}

int hs_encoding_to_utf8(const char *data, size_t len, const hs_encoding *enc,
                        hs_buf *out)
{
    if (!data)
        len = 0;
    size_t skip = enc->bom < len ? enc->bom : len;
    data += skip;
    len -= skip;
    if (is_utf8_name(enc->name))
        return hs_utf8_sanitize(data, len, out);

    iconv_t cd = iconv_open("UTF-8", enc->name);
    if (cd == (iconv_t)-1)
        cd = iconv_open("UTF-8", "WINDOWS-1252");
    if (cd == (iconv_t)-1)
        return hs_utf8_sanitize(data, len, out);
    hs_buf raw = HS_BUF_INIT;
    int rc = convert(cd, data, len, &raw);
    iconv_close(cd);
    /* iconv's output is UTF-8, but NUL bytes of the input are still there */
    if (rc == 0)
        rc = hs_utf8_sanitize(hs_buf_str(&raw), raw.len, out);
    hs_buf_free(&raw);
    return rc;
}

int hs_encoding_decode(const char *data, size_t len, enum hs_markup markup,
                       hs_buf *out)
{
    hs_encoding enc;
    hs_encoding_sniff(data, len, markup, &enc);
    return hs_encoding_to_utf8(data, len, &enc, out);
}
