/* test-simhash.c - fingerprints, distances, bands, and the 38 pairs of
 * revised wire copy in ../shared/corpora/bbc-news. */
#include "simhash.h"

#include <ftw.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "check.h"
#include "reader_text.h"
#include "readfile.h"

static const char story[] =
    "The Electoral Commission has warned that postal voting in its current "
    "form is open to fraud, after a judge in Birmingham found that six "
    "Labour councillors had rigged ballots in two wards.  The commission "
    "wants individual registration, so that each voter signs up in person "
    "rather than the head of a household.";

static uint64_t fp(const char *text)
{
    uint64_t h = 0;
    CHECK_INT(hs_simhash(text, strlen(text), &h), 0);
    return h;
}

static void test_distance(void)
{
    CHECK_INT(hs_simhash_distance(0, 0), 0);
    CHECK_INT(hs_simhash_distance(0, UINT64_MAX), 64);
    CHECK_INT(hs_simhash_distance(0x8000000000000001u, 1), 1);
    CHECK_INT(hs_simhash_distance(0xF0F0u, 0x0F0Fu), 16);
}

static void test_fingerprints(void)
{
    uint64_t h = fp(story);
    CHECK(h != 0);
    /* normalised words: case, punctuation and spacing do not count */
    char *shout = strdup(story);
    for (char *p = shout; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 32);
    CHECK_INT(hs_simhash_distance(fp(shout), h), 0);
    free(shout);
    CHECK_INT(hs_simhash_distance(fp("The Electoral Commission, has warned: that "
                                     "postal-voting in its current form is open to "
                                     "fraud - after a judge in Birmingham found that "
                                     "six Labour councillors had rigged ballots in "
                                     "two wards. The commission wants individual "
                                     "registration so that each voter signs up"), h), 0);
    /* only the first HS_SIMHASH_WORDS words count */
    hs_buf longer = HS_BUF_INIT;
    CHECK_INT(hs_buf_puts(&longer, story), 0);
    CHECK_INT(hs_buf_puts(&longer, "  A later paragraph, added in revision, "
                                   "changes nothing."), 0);
    CHECK_INT(hs_simhash_distance(fp(longer.data), h), 0);
    hs_buf_free(&longer);
    /* another story is far away */
    CHECK(hs_simhash_distance(fp("Tony Blair has named May 5 as the date of the "
                                 "general election, ending months of speculation "
                                 "at Westminster.  The prime minister went to "
                                 "Buckingham Palace to ask the Queen to dissolve "
                                 "Parliament before a four-week campaign."), h) >
          2 * HS_SIMHASH_MAX_DISTANCE);
    /* Cyrillic is tokenized like any other script */
    uint64_t ru = fp("Центральная избирательная комиссия Казахстана зарегистрировала "
                     "кандидатов в депутаты Мажилиса по одномандатным округам, "
                     "сообщили в пресс-службе комиссии в понедельник утром.");
    CHECK(ru != 0);
    CHECK_INT(hs_simhash_distance(ru, fp("ЦЕНТРАЛЬНАЯ избирательная комиссия "
                                         "Казахстана зарегистрировала кандидатов в "
                                         "депутаты Мажилиса по одномандатным "
                                         "округам, сообщили в пресс-службе комиссии "
                                         "в понедельник утром.")), 0);
}

static void test_short_texts(void)
{
    uint64_t h = 42;
    CHECK_INT(hs_simhash("", 0, &h), 1);
    CHECK(h == 0);
    h = 42;
    CHECK_INT(hs_simhash("More to follow.", 15, &h), 1);
    CHECK(h == 0);
    const char *eleven = "one two three four five six seven eight nine ten eleven";
    CHECK_INT(hs_simhash(eleven, strlen(eleven), &h), 1);
    const char *twelve = "one two three four five six seven eight nine ten eleven twelve";
    CHECK_INT(hs_simhash(twelve, strlen(twelve), &h), 0);
    CHECK(h != 0);
}

static int share_band(uint64_t a, uint64_t b)
{
    char ba[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE];
    char bb[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE];
    hs_simhash_bands(a, ba);
    hs_simhash_bands(b, bb);
    for (int i = 0; i < HS_SIMHASH_BANDS; i++)
        for (int j = 0; j < HS_SIMHASH_BANDS; j++)
            if (strcmp(ba[i], bb[j]) == 0)
                return 1;
    return 0;
}

static void test_bands(void)
{
    char b[HS_SIMHASH_BANDS][HS_SIMHASH_BAND_SIZE];
    hs_simhash_bands(0x0123456789abcdefu, b);
    CHECK_STR(b[0], "0cdef");
    CHECK_STR(b[1], "189ab");
    CHECK_STR(b[2], "24567");
    CHECK_STR(b[3], "30123");
    /* the same 16 bits in different bands are different keys */
    hs_simhash_bands(0, b);
    CHECK(strcmp(b[0], b[1]) != 0);

    /* within HS_SIMHASH_MAX_DISTANCE bits, fingerprints always share a
     * band (a fixed xorshift sequence stands in for random fingerprints) */
    uint64_t x = 0x9E3779B97F4A7C15u;
    int all_share = 1;
    for (int round = 0; round < 20000; round++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint64_t y = x;
        int flips = round % (HS_SIMHASH_MAX_DISTANCE + 1);
        for (int f = 0; f < flips; f++)
            y ^= (uint64_t)1 << ((x >> (6 * f)) & 63);
        if (hs_simhash_distance(x, y) <= HS_SIMHASH_MAX_DISTANCE && !share_band(x, y))
            all_share = 0;
    }
    CHECK(all_share);
    /* ... and a distance of 4 spread over the bands shares none */
    CHECK(!share_band(0, 0x0001000100010001u));
}

/* ---- bbc-news ------------------------------------------------------------ */

typedef struct corpus {
    char **paths;
    uint64_t *hashes;
    size_t n, cap;
    int errors;
} corpus;

static corpus the_corpus;  /* nftw gives its callback no context */

static int add_file(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    size_t len = strlen(path);
    if (flag != FTW_F || len < 4 || strcmp(path + len - 4, ".txt") != 0)
        return 0;
    corpus *c = &the_corpus;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 1024;
        c->paths = realloc(c->paths, c->cap * sizeof *c->paths);
        c->hashes = realloc(c->hashes, c->cap * sizeof *c->hashes);
        if (!c->paths || !c->hashes)
            return -1;
    }
    hs_buf data = HS_BUF_INIT, why = HS_BUF_INIT, body = HS_BUF_INIT;
    hs_article *a = NULL;
    if (hs_read_file(path, HS_MAX_FILE_BYTES, &data, &why) == 0)
        hs_read_text(path, data.data, data.len, &a, &why);
    if (!a) {
        fprintf(stderr, "%s: %s\n", path, hs_buf_str(&why));
        c->errors++;
    } else {
        for (size_t i = 0; i < a->n_passages; i++)
            if ((i && hs_buf_puts(&body, "\n\n") < 0) ||
                hs_buf_puts(&body, a->passages[i].text) < 0)
                c->errors++;
        uint64_t h = 0;
        if (hs_simhash(hs_buf_str(&body), body.len, &h) != 0)
            c->errors++;
        c->paths[c->n] = strdup(strrchr(path, '/') + 1);
        c->hashes[c->n++] = h;
    }
    hs_article_free(a);
    hs_buf_free(&data);
    hs_buf_free(&why);
    hs_buf_free(&body);
    return 0;
}

static int is_pair(const corpus *c, size_t i, size_t j, const char *a, const char *b)
{
    return (strcmp(c->paths[i], a) == 0 && strcmp(c->paths[j], b) == 0) ||
           (strcmp(c->paths[i], b) == 0 && strcmp(c->paths[j], a) == 0);
}

static void test_bbc(const char *shared)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/corpora/bbc-news", shared);
    CHECK_INT(nftw(dir, add_file, 16, FTW_PHYS), 0);
    corpus *c = &the_corpus;
    CHECK_INT(c->n, 2095);
    CHECK_INT(c->errors, 0);

    /* every pair within the distance, found by comparing all of them */
    unsigned pairs = 0, by_band = 0, known = 0;
    int nearest_other = 64;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = i + 1; j < c->n; j++) {
            int d = hs_simhash_distance(c->hashes[i], c->hashes[j]);
            if (d <= HS_SIMHASH_MAX_DISTANCE) {
                pairs++;
                by_band += share_band(c->hashes[i], c->hashes[j]);
                known += is_pair(c, i, j, "fast-moving-phone-bugs-appear.txt",
                                 "fast-moving-phone-viruses-appear.txt");
                /* the one pair whose bodies differ within 50 words */
                known += is_pair(c, i, j, "domain-system-opens-door-to-scams.txt",
                                 "domain-system-scam-fear.txt");
            } else if (d < nearest_other) {
                nearest_other = d;
            }
        }
    CHECK_INT(pairs, 38);
    CHECK_INT(by_band, 38);
    CHECK_INT(known, 2);
    /* a margin: nothing else comes close to the threshold */
    CHECK(nearest_other >= 3 * HS_SIMHASH_MAX_DISTANCE);
    for (size_t i = 0; i < c->n; i++)
        free(c->paths[i]);
    free(c->paths);
    free(c->hashes);
}

int main(void)
{
    test_distance();
    test_fingerprints();
    test_short_texts();
    test_bands();
    const char *shared = check_shared_dir();
    if (!shared) {
        check_done();
        return 77;
    }
    test_bbc(shared);
    return check_done();
}
