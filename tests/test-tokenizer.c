/* test-tokenizer.c - words, compounds, offsets and normalisation. */
#include "tokenizer.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"

/* Tokens rendered as "term@pos[start,end)" with a '+' for compound parts
 * and '=' for joined forms, separated by spaces. */
static int render(void *ctx, const hs_token *t)
{
    hs_buf *out = ctx;
    if (out->len)
        hs_buf_putc(out, ' ');
    hs_buf_printf(out, "%s%s@%u[%zu,%zu)",
                  t->flags & HS_TOKEN_JOINED ? "=" : t->flags & HS_TOKEN_PART ? "+" : "",
                  t->term, t->pos, t->start, t->end);
    return 0;
}

static char *tokens(const char *text)
{
    hs_buf out = HS_BUF_INIT;
    CHECK_INT(hs_tokenize(text, strlen(text), 0, render, &out, NULL), 0);
    return hs_buf_detach(&out);
}

#define CHECK_TOKENS(text, want)        \
    do {                                \
        char *got_ = tokens(text);      \
        CHECK_STR(got_, want);          \
        free(got_);                     \
    } while (0)

static char *normalized(const char *w)
{
    hs_buf out = HS_BUF_INIT;
    CHECK_INT(hs_normalize_word(w, strlen(w), &out), 0);
    return hs_buf_detach(&out);
}

#define CHECK_NORM(word, want)          \
    do {                                \
        char *got_ = normalized(word);  \
        CHECK_STR(got_, want);          \
        free(got_);                     \
    } while (0)

static int stop_at_second(void *ctx, const hs_token *t)
{
    (void)t;
    int *seen = ctx;
    return ++*seen == 2 ? 7 : 0;
}

int main(void)
{
    /* plain words, punctuation, case */
    CHECK_TOKENS("The right, to vote.", "the@0[0,3) right@1[4,9) to@2[11,13) vote@3[14,18)");
    CHECK_TOKENS("", "");
    CHECK_TOKENS("  ... --- !!", "");

    /* hyphenated compounds: parts at consecutive positions, then joined */
    CHECK_TOKENS("the self-nomination rule",
                 "the@0[0,3) +self@1[4,8) +nomination@2[9,19) =selfnomination@1[4,19) rule@3[20,24)");
    CHECK_TOKENS("Kilroy-Silk", "+kilroy@0[0,6) +silk@1[7,11) =kilroysilk@0[0,11)");
    /* three parts; Unicode hyphen U+2010 */
    CHECK_TOKENS("one\xE2\x80\x90two-three",
                 "+one@0[0,3) +two@1[6,9) +three@2[10,15) =onetwothree@0[0,15)");
    /* a hyphen without a word on both sides separates */
    CHECK_TOKENS("pre- and -post", "pre@0[0,3) and@1[5,8) post@2[10,14)");
    CHECK_TOKENS("a--b", "a@0[0,1) b@1[3,4)");

    /* apostrophes inside words stay; at the edges they do not */
    CHECK_TOKENS("didn't O'Brien 'quoted'",
                 "didn't@0[0,6) o'brien@1[7,14) quoted@2[16,22)");
    /* typographic apostrophe U+2019 normalised to ' */
    CHECK_TOKENS("didn\xE2\x80\x99t", "didn't@0[0,8)");

    /* a soft hyphen inside a word is invisible */
    CHECK_TOKENS("so\xC2\xAD" "cial media", "social@0[0,8) media@1[9,14)");

    /* digits are words; number punctuation separates */
    CHECK_TOKENS("70% of 900 thousand in 2023", "70@0[0,2) of@1[4,6) 900@2[7,10) thousand@3[11,19) in@4[20,22) 2023@5[23,27)");

    /* Cyrillic: case folding and ё -> е, offsets in bytes */
    CHECK_TOKENS("Выборы в Мажилис", "выборы@0[0,12) в@1[13,15) мажилис@2[16,30)");
    CHECK_TOKENS("ЁЛКА ещё", "елка@0[0,8) еще@1[9,15)");
    /* Kazakh letters are letters */
    CHECK_TOKENS("Мәжіліске сайлау", "мәжіліске@0[0,18) сайлау@1[19,31)");

    /* NFKC: ligatures and full-width forms; combining marks stay in the
     * word and compose */
    CHECK_TOKENS("\xEF\xAC\x81nal", "final@0[0,6)");            /* ﬁnal */
    CHECK_TOKENS("\xEF\xBC\xA1\xEF\xBC\xA2", "ab@0[0,6)");      /* ＡＢ */
    CHECK_TOKENS("cafe\xCC\x81 ok", "caf\xC3\xA9@0[0,6) ok@1[7,9)");

    /* invalid UTF-8 separates words and never crashes */
    CHECK_TOKENS("ab\xFF" "cd", "ab@0[0,2) cd@1[3,5)");
    CHECK_TOKENS("\xC3", "");
    CHECK_TOKENS("x\xE2\x82", "x@0[0,1)");
    CHECK_TOKENS("\xF0\x9F\x98\x80 smile", "smile@0[5,10)"); /* emoji is not a word */

    /* long tokens are cut at a character boundary */
    {
        char longw[301];
        memset(longw, 'a', 300);
        longw[300] = '\0';
        char *got = tokens(longw);
        CHECK_INT(strlen(got), HS_TERM_MAX_BYTES + strlen("@0[0,300)"));
        free(got);
        hs_buf cyr = HS_BUF_INIT;
        for (int i = 0; i < 100; i++)
            hs_buf_puts(&cyr, "д");
        char *n = normalized(cyr.data);
        CHECK_INT(strlen(n), HS_TERM_MAX_BYTES);
        free(n);
        hs_buf_free(&cyr);
    }

    /* positions start where asked and continue */
    {
        unsigned next = 0;
        hs_buf out = HS_BUF_INIT;
        CHECK_INT(hs_tokenize("a b-c d", 7, 10, render, &out, &next), 0);
        CHECK_STR(out.data, "a@10[0,1) +b@11[2,3) +c@12[4,5) =bc@11[2,5) d@13[6,7)");
        CHECK_INT(next, 14);
        hs_buf_free(&out);
    }

    /* the callback's non-zero value stops the tokenizer and is returned */
    {
        int seen = 0;
        CHECK_INT(hs_tokenize("one two three", 13, 0, stop_at_second, &seen, NULL), 7);
        CHECK_INT(seen, 2);
    }

    /* hs_normalize_word on its own */
    CHECK_NORM("Self", "self");
    CHECK_NORM("STRASSE", "strasse");
    CHECK_NORM("Stra\xC3\x9F" "e", "strasse");   /* ß case-folds to ss */
    CHECK_NORM("ТОҚАЕВ", "тоқаев");
    CHECK_NORM("so\xC2\xAD" "cial", "social");    /* soft hyphen dropped */
    /* Latin look-alikes inside Cyrillic words become their twins */
    CHECK_NORM("выбо" "p" "ы", "выборы");             /* a Latin p */
    CHECK_NORM("мәж" "i" "л" "i" "ске", "мәжіліске"); /* Latin i for Kazakh і */
    CHECK_NORM("\xC9\x99" "кімдерге", "әкімдерге");   /* a schwa for ә */
    CHECK_NORM("BЫБОРЫ", "выборы");                   /* a capital Latin B */
    CHECK_NORM("café", "café");                       /* Latin stays Latin */
    CHECK_NORM("iPhone\xD1\x8B", "iphoneы");          /* a Latin letter without a twin */
    CHECK_NORM("op" "ы", "opы");                       /* more Latin than Cyrillic */
    return check_done();
}
